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

#include <algorithm>
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

//! A walk through the personal list from its start: one page at a time, so a long history never
//! means a burst of requests.
struct WebBackend::Listing {
    int maxVideos = 0;
    int offset = 0;
    int read = 0; //!< videos seen so far
    QPointer<QObject> context;
    bool hasContext = false;
    bool cancelled = false;
    RequestHandle inner;
    //! Sees each page; true: that was enough, stop here.
    std::function<bool(const web::VideoPage&)> onPage;
    //! The end: an error, or success with `complete` false when the cap stopped the walk.
    std::function<void(const ApiError& error, bool complete)> finish;

    bool alive() const { return !cancelled && (!hasContext || context); }
    void end(const ApiError& error, bool complete) {
        if (alive()) {
            cancelled = true; // exactly once
            finish(error, complete);
        }
    }
};

WebBackend::WebBackend(ApiClient* client, const QString& token, const QString& email,
                       const QUrl& objectStoreEndpoint, QObject* parent)
    : Backend(parent)
    , m_client(client)
    , m_email(email)
    , m_objectStore(objectStoreEndpoint) {
    m_client->setCredential(web::kCredentialHeader, token);
    m_client->setExtraHeaders(web::defaultHeaders());
}

WebBackend::~WebBackend() = default;

void WebBackend::noticeError(const ApiError& error) {
    // 10001, 10003 and 10005 end the session: the creator signs in again, never an automatic loop.
    if (error.isSessionEnd() && !m_sessionEnded) {
        m_sessionEnded = true;
        Q_EMIT sessionEnded(error);
    }
}

RequestHandle WebBackend::uploadImage(const QString& filePath, QObject* context,
                                      std::function<void(Result<UploadedImage>)> done,
                                      Progress progress) {
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
        upload->objectKey =
            u"upload/" + QUuid::createUuid().toString(QUuid::WithoutBraces) + u'.' +
            (upload->file.extension.isEmpty() ? QStringLiteral("png") : upload->file.extension);
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
    upload->inner =
        m_client->call(web::UploadTokenRequest(), this,
                       std::function<void(Result<web::UploadToken>)>(
                           [this, upload](Result<web::UploadToken> token) {
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
    const QByteArray contentMd5 = upload->file.md5Base64; // computed off the GUI thread
    const QByteArray contentType = upload->file.mimeType;
    const QList<QPair<QByteArray, QByteArray>> ossHeaders{
        {"x-oss-security-token", credentials.securityToken.toUtf8()}};
    const QByteArray signature =
        web::oss::signature(credentials.accessKeySecret.toUtf8(), "PUT", contentMd5, contentType,
                            date, ossHeaders, bucket, upload->objectKey);
    QNetworkRequest request(url);
    request.setRawHeader("Date", date);
    request.setRawHeader("Content-MD5", contentMd5);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setRawHeader("x-oss-security-token", credentials.securityToken.toUtf8());
    request.setRawHeader("Authorization",
                         "OSS " + credentials.accessKeyId.toUtf8() + ':' + signature);
    QNetworkReply* reply = m_client->network()->put(request, upload->file.bytes);
    upload->put = reply;
    auto* timeout = new QTimer(reply);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, reply, &QNetworkReply::abort);
    timeout->start(m_client->defaultTimeout() * 4);
    connect(reply, &QNetworkReply::uploadProgress, this,
            [upload, timeout](qint64 sent, qint64 total) {
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
        const QRegularExpressionMatch code =
            QRegularExpression(QStringLiteral("<Code>([^<]+)</Code>")).match(body);
        const QString ossCode = code.hasMatch() ? code.captured(1) : QString();
        qCWarning(lcWeb).noquote() << "object store PUT failed:" << status << ossCode;
        const bool credentialProblem = ossCode == u"SecurityTokenExpired" ||
                                       ossCode == u"InvalidAccessKeyId" ||
                                       ossCode == u"InvalidSecurityToken";
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
            error = ApiError::http(status,
                                   ossCode.isEmpty() ? QStringLiteral("object store") : ossCode);
        upload->finish(Result<UploadedImage>::failure(error));
    });
}

void WebBackend::registerObject(const std::shared_ptr<Upload>& upload) {
    upload->inner = m_client->call(
        web::RegisterUploadRequest(upload->objectKey, upload->file.bytes.size(),
                                   upload->file.fileName),
        this,
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

RequestHandle WebBackend::createVideo(const GenerationRequest& request,
                                      const std::optional<UploadedImage>& image,
                                      const QString& traceId, QObject* context,
                                      std::function<void(Result<CreatedVideo>)> done) {
    auto wrapped = std::function<void(Result<CreatedVideo>)>(
        [this, done = std::move(done)](Result<CreatedVideo> result) {
            if (!result.ok())
                noticeError(result.error);
            done(std::move(result));
        });
    if (image)
        return m_client->call(web::ImageToVideoRequest(request, *image, traceId), context,
                              std::move(wrapped));
    return m_client->call(web::TextToVideoRequest(request, traceId), context, std::move(wrapped));
}

RequestHandle
WebBackend::fetchStatuses(const QList<qint64>& videoIds, QObject* context,
                          std::function<void(Result<QHash<qint64, VideoStatus>>)> done) {
    using Statuses = QHash<qint64, VideoStatus>;
    if (videoIds.isEmpty()) {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            this,
            [guard, hasContext = context != nullptr, done = std::move(done)] {
                if (!hasContext || guard)
                    done(Result<Statuses>::success({}));
            },
            Qt::QueuedConnection);
        return {};
    }
    // Exactly one list call per check, whatever the number of pending jobs. The list is newest
    // first, so pending jobs are nearly always on the first page; jobs it does not show are
    // looked for on the next page at the next check (the caller polls again for missing ids).
    const int offset = m_listCursor;
    const QSet<qint64> wanted(videoIds.cbegin(), videoIds.cend());
    return m_client->call(
        web::PersonalVideosRequest(offset, m_listPageSize), context,
        std::function<void(Result<web::VideoPage>)>(
            [this, wanted, offset, done = std::move(done)](Result<web::VideoPage> page) {
                if (!page.ok()) {
                    noticeError(page.error);
                    m_listCursor = 0;
                    done(Result<Statuses>::failure(page.error));
                    return;
                }
                Statuses found;
                for (const RemoteVideo& video : std::as_const(page.value->videos)) {
                    if (wanted.contains(video.status.videoId))
                        found.insert(video.status.videoId, video.status);
                }
                const bool missing = found.size() < wanted.size();
                m_listCursor = missing && page.value->hasMore && page.value->nextOffset > offset
                                   ? page.value->nextOffset
                                   : 0;
                done(Result<Statuses>::success(found));
            }));
}

void WebBackend::readListPage(const std::shared_ptr<Listing>& listing) {
    const int limit =
        std::clamp(listing->maxVideos - listing->read, 1, std::max(1, m_listPageSize));
    const int offset = listing->offset;
    listing->inner = m_client->call(
        web::PersonalVideosRequest(offset, limit), this,
        std::function<void(Result<web::VideoPage>)>(
            [this, listing, offset](Result<web::VideoPage> page) {
                if (!listing->alive())
                    return;
                if (!page.ok()) {
                    noticeError(page.error);
                    listing->end(page.error, false);
                    return;
                }
                listing->read += static_cast<int>(page.value->videos.size());
                if (listing->onPage(*page.value)) {
                    listing->end({}, true);
                    return;
                }
                // A service that says "more" without saying where goes on after what it sent.
                int next = page.value->nextOffset;
                if (next <= offset)
                    next = offset + static_cast<int>(page.value->videos.size());
                if (!page.value->hasMore || page.value->videos.isEmpty() || next <= offset) {
                    listing->end({}, true);
                    return;
                }
                if (listing->read >= listing->maxVideos) {
                    listing->end({}, false);
                    return;
                }
                listing->offset = next;
                readListPage(listing);
            }));
}

RequestHandle WebBackend::listVideos(int maxVideos, QObject* context,
                                     std::function<void(Result<RemoteVideoList>)> done) {
    auto listing = std::make_shared<Listing>();
    auto list = std::make_shared<RemoteVideoList>();
    auto seen = std::make_shared<QSet<qint64>>();
    listing->maxVideos = std::max(1, maxVideos);
    listing->context = context;
    listing->hasContext = context != nullptr;
    listing->onPage = [list, seen](const web::VideoPage& page) {
        for (const RemoteVideo& video : page.videos) {
            // A video made while we page pushes the list down by one: its neighbour comes twice.
            if (!seen->contains(video.status.videoId)) {
                seen->insert(video.status.videoId);
                list->videos.append(video);
            }
        }
        return false;
    };
    listing->finish = [list, done = std::move(done)](const ApiError& error, bool complete) {
        if (error.isError()) {
            done(Result<RemoteVideoList>::failure(error));
            return;
        }
        list->complete = complete;
        done(Result<RemoteVideoList>::success(std::move(*list)));
    };
    readListPage(listing);
    return RequestHandle([listing] {
        listing->cancelled = true;
        listing->inner.cancel();
    });
}

RequestHandle
WebBackend::lookUpVideo(qint64 videoId, int maxVideos, QObject* context,
                        std::function<void(Result<QHash<qint64, VideoStatus>>)> done) {
    using Statuses = QHash<qint64, VideoStatus>;
    auto listing = std::make_shared<Listing>();
    auto found = std::make_shared<Statuses>();
    listing->maxVideos = std::max(1, maxVideos);
    listing->context = context;
    listing->hasContext = context != nullptr;
    listing->onPage = [found, videoId](const web::VideoPage& page) {
        for (const RemoteVideo& video : page.videos) {
            if (video.status.videoId == videoId) {
                found->insert(videoId, video.status);
                return true;
            }
        }
        return false;
    };
    listing->finish = [found, done = std::move(done)](const ApiError& error, bool) {
        if (error.isError())
            done(Result<Statuses>::failure(error));
        else
            done(Result<Statuses>::success(*found));
    };
    readListPage(listing);
    return RequestHandle([listing] {
        listing->cancelled = true;
        listing->inner.cancel();
    });
}

RequestHandle WebBackend::fetchBalance(QObject* context,
                                       std::function<void(Result<Balance>)> done) {
    return m_client->call(web::CreditsRequest(), context,
                          std::function<void(Result<Balance>)>(
                              [this, done = std::move(done)](Result<Balance> result) {
                                  if (!result.ok())
                                      noticeError(result.error);
                                  done(std::move(result));
                              }));
}

} // namespace pixverse
