// ApiClient's downloads: the video streamed into a part file, resumed with Range, checked as an
// MP4 and renamed. Retries, timeouts and cancellation are Transfer's, as for every other call.
#include "core/api/ApiClient.h"
#include "core/api/Transfer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtEndian>

namespace pixverse {

namespace {

QString message(const char* text) {
    return QCoreApplication::translate("pixverse::ApiClient", text);
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

class ApiClient::Download : public Transfer {
public:
    Download(ApiClient* client, QUrl url, QString target, QObject* context,
             std::function<void(Result<QString>)> done, DownloadProgress progress)
        : Transfer(client, context, QStringLiteral("download"), 0)
        , m_url(std::move(url))
        , m_target(std::move(target))
        , m_part(partPath(m_target))
        , m_done(std::move(done))
        , m_progress(std::move(progress)) {}

private:
    QNetworkReply* sendAttempt(ApiError* problem) override {
        m_writeError.clear();
        QDir().mkpath(QFileInfo(m_target).absolutePath());
        m_file.setFileName(m_part);
        if (!m_file.open(QIODevice::ReadWrite)) {
            *problem = ApiError::input(
                message("Cannot write to “%1”: %2.").arg(m_part, m_file.errorString()));
            return nullptr;
        }
        m_offset = m_file.size();
        m_file.seek(m_offset);
        QNetworkRequest request(m_url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
        if (m_offset > 0)
            request.setRawHeader("Range", "bytes=" + QByteArray::number(m_offset) + '-');
        QNetworkReply* reply = client()->network()->get(request);
        // A bounded buffer keeps every write small: the GUI thread never copies megabytes at once.
        reply->setReadBufferSize(512 * 1024);
        connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] { onHeaders(reply); });
        connect(reply, &QNetworkReply::readyRead, this, [this, reply] { onData(reply); });
        return reply;
    }

    void onHeaders(QNetworkReply* reply) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200 && m_offset > 0) {
            // The server ignored the Range: start over.
            m_file.resize(0);
            m_file.seek(0);
            m_offset = 0;
        }
        const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        m_total = length > 0 ? m_offset + length : -1;
    }

    void onData(QNetworkReply* reply) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200 && status != 206)
            return; // an error page: judged at the end, never written to the video
        const QByteArray chunk = reply->readAll();
        if (m_file.write(chunk) != chunk.size()) {
            m_writeError = m_file.errorString();
            reply->abort();
            return;
        }
        if (m_progress && callerAlive())
            m_progress(m_file.pos(), m_total);
    }

    ApiError judge(QNetworkReply* reply, const ApiError& transport) override {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (!transport.isError() && (status == 200 || status == 206))
            onData(reply);
        m_file.flush();
        const qint64 size = m_file.size();
        m_file.close();
        if (!m_writeError.isEmpty())
            return ApiError::input(message("Cannot save the video: %1.").arg(m_writeError));
        const ApiError error = transport.isError() ? transport : statusError(reply, status, size);
        if (error.isError()) {
            if (size == 0)
                QFile::remove(m_part); // nothing to resume from: leave no empty file in the library
            return error;
        }
        if (const Mp4Check check = checkMp4(m_part); check != Mp4Check::Complete) {
            QFile::remove(m_part);
            return ApiError::malformed(check == Mp4Check::NotMp4
                                           ? message("the downloaded file is not an MP4 video")
                                           : message("the downloaded video is incomplete"));
        }
        QFile::remove(m_target);
        if (!QFile::rename(m_part, m_target))
            return ApiError::input(message("Cannot move the video to “%1”.").arg(m_target));
        return {};
    }

    ApiError statusError(QNetworkReply* reply, int status, qint64 size) {
        if (status == 416) {
            // Our part file is already longer than the video (it changed): start again.
            QFile::remove(m_part);
            return ApiError::http(416);
        }
        if (status >= 400)
            return httpError(reply, status);
        if (m_total > 0 && size != m_total)
            return ApiError::network(
                message("the connection ended after %1 of %2 bytes").arg(size).arg(m_total));
        return {};
    }

    bool worthRetrying(const ApiError& error) const override {
        return error.isRetryable() || error.isRangeRefused();
    }

    void deliver(const ApiError& error) override {
        m_done(error.isError() ? Result<QString>::failure(error)
                               : Result<QString>::success(m_target));
    }

    void onCancelled() override {
        m_file.close(); // the part file stays, so a later download resumes
    }

    QUrl m_url;
    QString m_target;
    QString m_part;
    std::function<void(Result<QString>)> m_done;
    DownloadProgress m_progress;
    QFile m_file;
    QString m_writeError;
    qint64 m_offset = 0;
    qint64 m_total = -1;
};

QString ApiClient::partPath(const QString& targetPath) {
    return targetPath + QStringLiteral(".part");
}

RequestHandle ApiClient::download(const QUrl& url, const QString& targetPath, QObject* context,
                                  std::function<void(Result<QString>)> done,
                                  DownloadProgress progress) {
    if (const ApiError urlProblem = checkBaseUrl(url); urlProblem.isError()) {
        answerSoon(context, [done = std::move(done), urlProblem] {
            done(Result<QString>::failure(urlProblem));
        });
        return {};
    }
    auto* download =
        new Download(this, url, targetPath, context, std::move(done), std::move(progress));
    return download->start();
}

} // namespace pixverse
