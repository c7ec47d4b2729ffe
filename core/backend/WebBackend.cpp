#include "core/backend/WebBackend.h"

#include "core/backend/ImageFile.h"

#include <QCryptographicHash>
#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace pixverse {

Q_LOGGING_CATEGORY(lcWeb, "pixverse.web")

//! One image on its way: read → upload token → signed PUT → register.
struct WebBackend::Upload {
    QString filePath;
    ImageFile file;
    QString objectKey;
    QPointer<QObject> context;
    bool hasContext = false;
    bool cancelled = false;
    bool tokenRefreshed = false;
    std::function<void(Result<UploadedImage>)> done;
    Progress progress;
    RequestHandle inner;
    QPointer<QNetworkReply> put;

    bool alive() const { return !cancelled && (!hasContext || context); }
    void finish(Result<UploadedImage> result) {
        if (alive()) {
            cancelled = true; // exactly once
            done(std::move(result));
        }
    }
};

WebBackend::WebBackend(ApiClient* client, const QString& token, const QString& email, const QUrl& objectStoreEndpoint,
                       QObject* parent)
    : Backend(parent), m_client(client), m_email(email), m_objectStore(objectStoreEndpoint) {
    m_client->setCredential(web::kCredentialHeader, token);
    m_client->setExtraHeaders(web::defaultHeaders());
}

WebBackend::~WebBackend() = default;

void WebBackend::noticeError(const ApiError& error) {
    // 10001, 10003 and 10005 end the session: the creator signs in again, never an automatic loop.
    if (error.endsSession() && !m_sessionEnded) {
        m_sessionEnded = true;
        Q_EMIT sessionEnded(error);
    }
}

RequestHandle WebBackend::uploadImage(const QString& filePath, QObject* context,
                                      std::function<void(Result<UploadedImage>)> done, Progress progress) {
    auto upload = std::make_shared<Upload>();
    upload->filePath = filePath;
    upload->context = context;
    upload->hasContext = context != nullptr;
    upload->done = std::move(done);
    upload->progress = std::move(progress);
    auto* watcher = new QFutureWatcher<ImageFile>(this);
    connect(watcher, &QFutureWatcher<ImageFile>::finished, this, [this, watcher, upload] {
        watcher->deleteLater();
        if (!upload->alive())
            return;
        upload->file = watcher->result();
        if (!upload->file.problem.isEmpty()) {
            upload->finish(Result<UploadedImage>::failure(ApiError::input(upload->file.problem)));
            return;
        }
        upload->objectKey = u"upload/" + QUuid::createUuid().toString(QUuid::WithoutBraces) + u'.'
                            + (upload->file.extension.isEmpty() ? QStringLiteral("png") : upload->file.extension);
        continueUpload(upload);
    });
    watcher->setFuture(QtConcurrent::run(&ImageFile::load, filePath));
    return RequestHandle([upload] {
        upload->cancelled = true;
        upload->inner.cancel();
        if (upload->put)
            upload->put->abort();
    });
}

void WebBackend::continueUpload(const std::shared_ptr<Upload>& upload) {
    if (m_uploadToken) {
        putObject(upload);
        return;
    }
    upload->inner = m_client->call(web::UploadTokenRequest(), this,
                                   std::function<void(Result<web::UploadToken>)>([this, upload](Result<web::UploadToken> token) {
                                       if (!upload->alive())
                                           return;
                                       if (!token.ok()) {
                                           noticeError(token.error);
                                           upload->finish(Result<UploadedImage>::failure(token.error));
                                           return;
                                       }
                                       m_uploadToken = *token.value;
                                       putObject(upload);
                                   }));
}

void WebBackend::putObject(const std::shared_ptr<Upload>& upload) {
    const web::UploadToken credentials = *m_uploadToken;
    const QString bucket = QLatin1String(web::oss::kBucket);
    const QUrl url = web::oss::objectUrl(m_objectStore, bucket, upload->objectKey);
    if (const ApiError insecure = ApiClient::checkBaseUrl(url); insecure.isError()) {
        upload->finish(Result<UploadedImage>::failure(insecure));
        return;
    }
    const QByteArray date = web::oss::httpDate(QDateTime::currentDateTimeUtc());
    const QByteArray contentMd5 = QCryptographicHash::hash(upload->file.bytes, QCryptographicHash::Md5).toBase64();
    const QByteArray contentType = upload->file.mimeType;
    const QList<QPair<QByteArray, QByteArray>> ossHeaders{{"x-oss-security-token", credentials.securityToken.toUtf8()}};
    const QByteArray signature = web::oss::signature(credentials.accessKeySecret.toUtf8(), "PUT", contentMd5, contentType,
                                                     date, ossHeaders, bucket, upload->objectKey);
    QNetworkRequest request(url);
    request.setRawHeader("Date", date);
    request.setRawHeader("Content-MD5", contentMd5);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setRawHeader("x-oss-security-token", credentials.securityToken.toUtf8());
    request.setRawHeader("Authorization", "OSS " + credentials.accessKeyId.toUtf8() + ':' + signature);
    QNetworkReply* reply = m_client->network()->put(request, upload->file.bytes);
    upload->put = reply;
    auto* timeout = new QTimer(reply);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, reply, &QNetworkReply::abort);
    timeout->start(m_client->defaultTimeout() * 4);
    connect(reply, &QNetworkReply::uploadProgress, this, [upload, timeout](qint64 sent, qint64 total) {
        timeout->start();
        if (upload->progress && upload->alive())
            upload->progress(sent, total);
    });
    connect(reply, &QNetworkReply::finished, this, [this, upload, reply] {
        reply->deleteLater();
        if (!upload->alive())
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200) {
            if (upload->progress)
                upload->progress(upload->file.bytes.size(), upload->file.bytes.size());
            registerObject(upload);
            return;
        }
        // OSS speaks XML: <Error><Code>SignatureDoesNotMatch</Code>...
        const QString body = QString::fromUtf8(reply->readAll());
        const QRegularExpressionMatch code = QRegularExpression(QStringLiteral("<Code>([^<]+)</Code>")).match(body);
        const QString ossCode = code.hasMatch() ? code.captured(1) : QString();
        qCWarning(lcWeb).noquote() << "object store PUT failed:" << status << ossCode;
        const bool credentialProblem = ossCode == u"SecurityTokenExpired" || ossCode == u"InvalidAccessKeyId"
                                       || ossCode == u"InvalidSecurityToken";
        if (credentialProblem && !upload->tokenRefreshed) {
            // The cached temporary credentials expired: fetch new ones once.
            upload->tokenRefreshed = true;
            m_uploadToken.reset();
            continueUpload(upload);
            return;
        }
        ApiError error;
        if (status == 0)
            error = reply->error() == QNetworkReply::OperationCanceledError
                        ? ApiError::timeout(QStringLiteral("object store upload"))
                        : ApiError::network(reply->errorString());
        else
            error = ApiError::http(status, ossCode.isEmpty() ? QStringLiteral("object store") : ossCode);
        upload->finish(Result<UploadedImage>::failure(error));
    });
}

void WebBackend::registerObject(const std::shared_ptr<Upload>& upload) {
    upload->inner = m_client->call(
        web::RegisterUploadRequest(upload->objectKey, upload->file.bytes.size(), upload->file.fileName), this,
        std::function<void(Result<UploadedImage>)>([this, upload](Result<UploadedImage> result) {
            if (!result.ok())
                noticeError(result.error);
            else if (result.value->width == 0) {
                result.value->width = upload->file.width;
                result.value->height = upload->file.height;
            }
            upload->finish(std::move(result));
        }));
}

RequestHandle WebBackend::createVideo(const GenerationRequest& request, const std::optional<UploadedImage>& image,
                                      const QString& traceId, QObject* context,
                                      std::function<void(Result<CreatedVideo>)> done) {
    auto wrapped = std::function<void(Result<CreatedVideo>)>([this, done = std::move(done)](Result<CreatedVideo> result) {
        if (!result.ok())
            noticeError(result.error);
        done(std::move(result));
    });
    if (image)
        return m_client->call(web::ImageToVideoRequest(request, *image, traceId), context, std::move(wrapped));
    return m_client->call(web::TextToVideoRequest(request, traceId), context, std::move(wrapped));
}

RequestHandle WebBackend::fetchStatuses(const QList<qint64>& videoIds, QObject* context,
                                        std::function<void(Result<QHash<qint64, VideoStatus>>)> done) {
    using Statuses = QHash<qint64, VideoStatus>;
    // One list call serves every pending job; older jobs may need a few more pages.
    struct Walk {
        QSet<qint64> wanted;
        Statuses found;
        int pages = 0;
        std::function<void(Result<Statuses>)> done;
        RequestHandle current;
        bool cancelled = false;
        std::function<void(int)> next;
    };
    auto walk = std::make_shared<Walk>();
    walk->wanted = QSet<qint64>(videoIds.cbegin(), videoIds.cend());
    walk->done = std::move(done);
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    // `next` holds the walk only weakly; the request in flight holds it strongly.
    walk->next = [this, weak = std::weak_ptr<Walk>(walk), guard, hasContext](int offset) {
        const std::shared_ptr<Walk> walk = weak.lock();
        if (!walk)
            return;
        walk->current = m_client->call(
            web::PersonalVideosRequest(offset, 50), guard.data(),
            std::function<void(Result<web::VideoPage>)>([this, walk, guard, hasContext](Result<web::VideoPage> page) {
                if (walk->cancelled || (hasContext && !guard))
                    return;
                if (!page.ok()) {
                    noticeError(page.error);
                    walk->next = nullptr;
                    if (walk->found.isEmpty())
                        walk->done(Result<Statuses>::failure(page.error));
                    else
                        walk->done(Result<Statuses>::success(walk->found));
                    return;
                }
                ++walk->pages;
                for (const VideoStatus& status : std::as_const(page.value->videos)) {
                    if (walk->wanted.remove(status.videoId))
                        walk->found.insert(status.videoId, status);
                }
                if (!walk->wanted.isEmpty() && page.value->hasMore && walk->pages < m_maxListPages
                    && page.value->nextOffset > 0) {
                    walk->next(page.value->nextOffset);
                    return;
                }
                auto done = std::move(walk->done);
                walk->next = nullptr; // breaks the self-reference
                done(Result<Statuses>::success(walk->found));
            }));
    };
    if (walk->wanted.isEmpty()) {
        QMetaObject::invokeMethod(this, [walk, guard, hasContext] {
            walk->next = nullptr;
            if (!hasContext || guard)
                walk->done(Result<Statuses>::success({}));
        }, Qt::QueuedConnection);
        return {};
    }
    walk->next(0);
    return RequestHandle([walk] {
        walk->cancelled = true;
        walk->current.cancel();
        walk->next = nullptr;
    });
}

RequestHandle WebBackend::fetchBalance(QObject* context, std::function<void(Result<Balance>)> done) {
    return m_client->call(web::CreditsRequest(), context,
                          std::function<void(Result<Balance>)>([this, done = std::move(done)](Result<Balance> result) {
                              if (!result.ok())
                                  noticeError(result.error);
                              done(std::move(result));
                          }));
}

} // namespace pixverse
