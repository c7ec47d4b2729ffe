#include "core/jobs/VideoDownloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>
#include <QtEndian>

namespace pixverse {

Q_LOGGING_CATEGORY(lcDownload, "pixverse.download")

namespace {
QString message(const char* text) {
    return QCoreApplication::translate("pixverse::VideoDownloader", text);
}

enum class Mp4Check { Complete, NotMp4, Incomplete };

//! Every MP4 starts with a box whose type is `ftyp` (ISO/IEC 14496-12 §4.2); an HTML error page
//! does not. A whole one is a chain of top-level boxes that ends exactly at the end of the file and
//! holds a `moov`: a transfer that stopped early, even one the server announced at that length,
//! leaves a box cut short.
Mp4Check checkMp4(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Mp4Check::NotMp4;
    const qint64 size = file.size();
    qint64 pos = 0;
    bool moov = false;
    while (pos < size) {
        const bool first = pos == 0;
        if (!file.seek(pos))
            return Mp4Check::Incomplete;
        const QByteArray header = file.read(16);
        if (header.size() < 8)
            return first ? Mp4Check::NotMp4 : Mp4Check::Incomplete;
        const QByteArray type = header.mid(4, 4);
        if (first && type != "ftyp")
            return Mp4Check::NotMp4;
        quint64 boxSize = qFromBigEndian<quint32>(header.constData());
        quint64 headerSize = 8;
        if (boxSize == 1) { // a 64-bit size follows the type
            if (header.size() < 16)
                return Mp4Check::Incomplete;
            boxSize = qFromBigEndian<quint64>(header.constData() + 8);
            headerSize = 16;
        } else if (boxSize == 0) { // the last box, to the end of the file
            boxSize = static_cast<quint64>(size - pos);
        }
        if (boxSize < headerSize || boxSize > static_cast<quint64>(size - pos))
            return Mp4Check::Incomplete;
        moov = moov || type == "moov";
        pos += static_cast<qint64>(boxSize);
    }
    return moov ? Mp4Check::Complete : Mp4Check::Incomplete;
}
} // namespace

class VideoDownloader::Transfer : public QObject {
public:
    Transfer(VideoDownloader* owner, QUrl url, QString target, QObject* context,
             std::function<void(Result<QString>)> done, Progress progress)
        : QObject(owner)
        , m_owner(owner)
        , m_url(std::move(url))
        , m_target(std::move(target))
        , m_part(partPath(m_target))
        , m_context(context)
        , m_hasContext(context != nullptr)
        , m_done(std::move(done))
        , m_progress(std::move(progress)) {
        m_idle.setSingleShot(true);
        connect(&m_idle, &QTimer::timeout, this, [this] {
            m_timedOut = true;
            if (m_reply)
                m_reply->abort();
        });
        m_retryTimer.setSingleShot(true);
        connect(&m_retryTimer, &QTimer::timeout, this, &Transfer::start);
    }

    void start() {
        if (m_hasContext && !m_context) {
            deleteLater();
            return;
        }
        ++m_attempts;
        m_timedOut = false;
        QDir().mkpath(QFileInfo(m_target).absolutePath());
        m_file.setFileName(m_part);
        if (!m_file.open(QIODevice::ReadWrite)) {
            finish(Result<QString>::failure(ApiError::input(
                message("Cannot write to “%1”: %2.").arg(m_part, m_file.errorString()))));
            return;
        }
        m_offset = m_file.size();
        m_file.seek(m_offset);
        QNetworkRequest request(m_url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
        if (m_offset > 0)
            request.setRawHeader("Range", "bytes=" + QByteArray::number(m_offset) + '-');
        m_reply = m_owner->m_network->get(request);
        // A bounded buffer keeps every write small: the GUI thread never copies megabytes at once.
        m_reply->setReadBufferSize(512 * 1024);
        m_idle.start(m_owner->m_inactivityTimeoutMs);
        connect(m_reply, &QNetworkReply::metaDataChanged, this, &Transfer::onHeaders);
        connect(m_reply, &QNetworkReply::readyRead, this, [this] { onData(m_reply); });
        connect(m_reply, &QNetworkReply::finished, this, &Transfer::onFinished);
    }

    void cancel() {
        m_cancelled = true;
        m_retryTimer.stop();
        m_idle.stop();
        if (m_reply) {
            QNetworkReply* reply = m_reply;
            m_reply = nullptr;
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
        m_file.close(); // the part file stays, so a later download resumes
        deleteLater();
    }

private:
    void onHeaders() {
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200 && m_offset > 0) {
            // The server ignored the Range: start over.
            m_file.resize(0);
            m_file.seek(0);
            m_offset = 0;
        }
        const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        m_total = length > 0 ? m_offset + length : -1;
    }

    void onData(QNetworkReply* reply) {
        if (!reply)
            return;
        m_idle.start(m_owner->m_inactivityTimeoutMs);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200 && status != 206)
            return; // an error page: read in onFinished, never written to the video
        const QByteArray chunk = reply->readAll();
        if (m_file.write(chunk) != chunk.size()) {
            m_writeError = m_file.errorString();
            reply->abort();
            return;
        }
        if (m_progress && (!m_hasContext || m_context))
            m_progress(m_file.pos(), m_total);
    }

    void onFinished() {
        m_idle.stop();
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        if (!reply || m_cancelled)
            return;
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::NoError && (status == 200 || status == 206))
            onData(reply);
        m_file.flush();
        const qint64 size = m_file.size();
        m_file.close();

        ApiError error;
        if (!m_writeError.isEmpty()) {
            finish(Result<QString>::failure(
                ApiError::input(message("Cannot save the video: %1.").arg(m_writeError))));
            return;
        }
        if (m_timedOut) {
            error = ApiError::timeout(QStringLiteral("download"));
        } else if (status == 416) {
            // Our part file is already longer than the video (it changed): start again.
            QFile::remove(m_part);
            error = ApiError::http(416);
        } else if (status >= 400) {
            error = ApiError::http(status);
        } else if (reply->error() != QNetworkReply::NoError) {
            error = ApiError::network(reply->errorString());
        } else if (m_total > 0 && size != m_total) {
            error = ApiError::network(
                message("the connection ended after %1 of %2 bytes").arg(size).arg(m_total));
        }
        if (error.isError()) {
            qCInfo(lcDownload).noquote()
                << "download attempt" << m_attempts << "failed:" << error.logText();
            if (size == 0)
                QFile::remove(m_part); // nothing to resume from: leave no empty file in the library
            if ((error.isRetryable() || status == 416) &&
                m_attempts < m_owner->m_retry.maxAttempts) {
                m_retryTimer.start(
                    std::min(m_owner->m_retry.maxDelayMs,
                             m_owner->m_retry.initialDelayMs << std::min(m_attempts - 1, 16)));
                return;
            }
            finish(Result<QString>::failure(error));
            return;
        }
        if (const Mp4Check check = checkMp4(m_part); check != Mp4Check::Complete) {
            QFile::remove(m_part);
            finish(Result<QString>::failure(ApiError::malformed(
                check == Mp4Check::NotMp4 ? message("the downloaded file is not an MP4 video")
                                          : message("the downloaded video is incomplete"))));
            return;
        }
        QFile::remove(m_target);
        if (!QFile::rename(m_part, m_target)) {
            finish(Result<QString>::failure(
                ApiError::input(message("Cannot move the video to “%1”.").arg(m_target))));
            return;
        }
        qCInfo(lcDownload).noquote() << "saved" << size << "bytes to" << m_target;
        finish(Result<QString>::success(m_target));
    }

    void finish(Result<QString> result) {
        if (!m_hasContext || m_context)
            m_done(std::move(result));
        deleteLater();
    }

    VideoDownloader* m_owner;
    QUrl m_url;
    QString m_target;
    QString m_part;
    QPointer<QObject> m_context;
    bool m_hasContext;
    std::function<void(Result<QString>)> m_done;
    Progress m_progress;
    QPointer<QNetworkReply> m_reply;
    QFile m_file;
    QTimer m_idle;
    QTimer m_retryTimer;
    QString m_writeError;
    qint64 m_offset = 0;
    qint64 m_total = -1;
    int m_attempts = 0;
    bool m_timedOut = false;
    bool m_cancelled = false;
};

VideoDownloader::VideoDownloader(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_network(network) {}

VideoDownloader::~VideoDownloader() = default;

QString VideoDownloader::partPath(const QString& targetPath) {
    return targetPath + QStringLiteral(".part");
}

RequestHandle VideoDownloader::download(const QUrl& url, const QString& targetPath,
                                        QObject* context, std::function<void(Result<QString>)> done,
                                        Progress progress) {
    if (const ApiError urlProblem = ApiClient::checkBaseUrl(url); urlProblem.isError()) {
        QPointer<QObject> guard(context);
        QTimer::singleShot(
            0, this, [guard, hasContext = context != nullptr, done = std::move(done), urlProblem] {
                if (!hasContext || guard)
                    done(Result<QString>::failure(urlProblem));
            });
        return {};
    }
    auto* transfer =
        new Transfer(this, url, targetPath, context, std::move(done), std::move(progress));
    transfer->start();
    QPointer<Transfer> guard(transfer);
    return RequestHandle([guard] {
        if (guard)
            guard->cancel();
    });
}

} // namespace pixverse
