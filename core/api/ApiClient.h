#pragma once

#include "core/api/ApiError.h"
#include "core/api/ApiTypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace pixverse {

//! One HTTP call as data. The request classes (OpenApiRequests.h, WebApiRequests.h) fill it in
//! their constructors; ApiClient sends it, retries it and reads the envelope.
struct ApiRequest {
    enum class Verb { Get, Post, Put };
    //! multipart/form-data with one file field, streamed from the file at each attempt (random
    //! boundary; the file is never held in memory).
    struct FilePart {
        QByteArray field; //!< "image"
        QString filePath;
        QString fileName; //!< what the service is told
        QByteArray mimeType;
    };
    Verb verb = Verb::Get;
    QString path; //!< relative to the base URL: "openapi/v2/video/result/42"
    //! Absolute instead of `path` (the object store): sent without the client's credential,
    //! fixed headers and trace id; same URL rule as the base URL.
    QUrl url;
    QByteArray body;
    QString bodyFile; //!< the body streamed from this file instead of `body` (object-store PUT)
    std::optional<FilePart> filePart;             //!< instead of `body`; sets the content type
    QByteArray contentType;                       //!< "application/json", or empty for GET
    QList<QPair<QByteArray, QByteArray>> headers; //!< this request's own headers
    bool envelope = true; //!< false: the answer is not a PixVerse envelope (ApiReply::body)
    //! Create calls keep their trace id on every retry, so the service answers a resend with the
    //! video it already made instead of making (and charging) a second one.
    bool sameTraceIdOnRetry = false;
    QString traceId;   //!< empty: a fresh UUID per attempt (or once, see above)
    int timeoutMs = 0; //!< of silence; 0: the client's default
    //! An answer longer than this is abandoned as malformed, not retried (preview media,
    //! issue 17); 0: no limit.
    qint64 maxBodyBytes = 0;
    QString logName; //!< short name for logs: "text-to-video"

    //! A POST of `json` (compact, `application/json`).
    void setJsonBody(const QJsonObject& json);
};

//! One call a request would make, for a dry run: nothing is sent.
struct PlannedCall {
    QString verb;        //!< "POST", "GET", "PUT"
    QString path;        //!< relative to the base URL, or the absolute URL of the object store
    QJsonValue body;     //!< the exact JSON object that would be sent; null for a file or no body
    QString description; //!< what a step without a JSON body sends ("the image still.png")
};

//! The call `request` describes, as a dry run shows it (its JSON body parsed back).
PlannedCall plannedCall(const ApiRequest& request, const QString& description = {});

//! The payload of a successful envelope (`Resp`), or the error.
struct ApiReply {
    ApiError error;
    QJsonValue resp;
    QByteArray body; //!< requests without an envelope only: the answer as it came
    QString traceId; //!< of the last attempt
    int httpStatus = 0;
    int attempts = 0;
};

//! When and how often a failed transfer is sent again. The only retry logic below the job
//! scheduler: every call, upload, object-store PUT and download follows it.
struct RetryPolicy {
    int maxAttempts = 3;       //!< including the first one
    int initialDelayMs = 1000; //!< doubled after each failure (ExponentialBackoff)
    int maxDelayMs = 30000;

    //! The wait after `failures` failed attempts in a row: capped doubling, but at least what
    //! the last answer's Retry-After asked (itself capped at max(maxDelayMs, 1 s)).
    int delayAfter(int failures, const ApiError& error) const;
};

//! Every byte the app sends or receives: talks to one PixVerse host over an injected
//! QNetworkAccessManager (base URL, https:// unless loopback; the credential header; a fresh
//! `Ai-trace-id` per request; the `{ErrCode, ErrMsg, Resp}` envelope), sends absolute-URL
//! requests (the object store) and streams downloads to files, all under one inactivity timeout
//! and one RetryPolicy (Transfer.h). Knows no endpoint; the request classes do.
class ApiClient : public QObject {
    Q_OBJECT
public:
    explicit ApiClient(QNetworkAccessManager* network, QObject* parent = nullptr);
    ~ApiClient() override;

    //! An error (InsecureUrl/Input) when `url` is not usable: plain http:// is allowed only for
    //! loopback hosts, where the sandbox lives.
    static ApiError checkBaseUrl(const QUrl& url);
    static bool isLoopback(const QUrl& url);

    ApiError setBaseUrl(const QUrl& url);
    QUrl baseUrl() const { return m_baseUrl; }
    //! The header carrying the secret (`API-KEY` or `Token`). Never logged.
    void setCredential(const QByteArray& headerName, const QString& secret);
    void clearCredential();
    //! Extra fixed headers (the web family sends `X-Platform: Web` and friends).
    void setExtraHeaders(const QList<QPair<QByteArray, QByteArray>>& headers);
    void setDefaultTimeout(int ms) { m_defaultTimeoutMs = ms; }
    int defaultTimeout() const { return m_defaultTimeoutMs; }
    void setRetryPolicy(const RetryPolicy& policy) { m_retry = policy; }
    RetryPolicy retryPolicy() const { return m_retry; }
    QNetworkAccessManager* network() const { return m_network; }

    using Progress = std::function<void(qint64 sent, qint64 total)>;
    //! Sends `request`, retrying transient failures. `done` runs once on this thread, unless the
    //! handle is cancelled or `context` is destroyed first.
    RequestHandle send(ApiRequest request, QObject* context, std::function<void(ApiReply)> done,
                       Progress uploadProgress = {});

    //! Sends a request class `R` (which has `Output` and `static Result<Output>
    //! parse(QJsonValue)`).
    template <typename R>
    RequestHandle call(const R& request, QObject* context,
                       std::function<void(Result<typename R::Output>)> done,
                       Progress uploadProgress = {}) {
        return send(
            request, context,
            [done = std::move(done)](const ApiReply& reply) {
                if (reply.error.isError())
                    done(Result<typename R::Output>::failure(reply.error));
                else
                    done(R::parse(reply.resp));
            },
            std::move(uploadProgress));
    }

    using DownloadProgress = std::function<void(qint64 received, qint64 total)>;
    //! Streams `url` (https://, or http:// on loopback; no credential is sent) into
    //! partPath(`targetPath`), resuming an earlier part with a Range request, and renames it to
    //! `targetPath` once every byte arrived and it is a whole MP4. `done` gets the final path;
    //! same callback rules as send().
    RequestHandle download(const QUrl& url, const QString& targetPath, QObject* context,
                           std::function<void(Result<QString>)> done,
                           DownloadProgress progress = {});
    static QString partPath(const QString& targetPath);

    //! Reads a PixVerse envelope. Exposed for tests and for the web family's odd endpoints.
    static ApiReply parseEnvelope(int httpStatus, const QByteArray& body);
    //! A new UUID v4 in the 8-4-4-4-12 form, as `Ai-trace-id` wants it.
    static QString newTraceId();

private:
    class Call;
    friend class Call;
    class Download;
    //! Runs `answer` on the next turn of the event loop, unless `context` died meanwhile.
    void answerSoon(QObject* context, std::function<void()> answer);

    QNetworkAccessManager* m_network;
    QUrl m_baseUrl;
    QByteArray m_credentialHeader;
    QByteArray m_credential;
    QList<QPair<QByteArray, QByteArray>> m_extraHeaders;
    int m_defaultTimeoutMs = 30000;
    RetryPolicy m_retry;
};

//! Reading JSON the tolerant way (ids as numbers or strings, ints as numbers or numeric strings).
namespace json {
//! A 64-bit id written as a JSON integer or a decimal string; never through double.
std::optional<qint64> toId(const QJsonValue& value);
std::optional<qint64> toInt(const QJsonValue& value);
QString toString(const QJsonValue& value);
//! A switch or flag: true/false, 0/1 (number or text) or "true"/"false"; empty otherwise.
std::optional<bool> toBool(const QJsonValue& value);
//! The credits of an account answer (`credit_daily` (web only), `credit_monthly`,
//! `credit_package`, `account_id`); empty when it holds none of the three.
std::optional<Balance> toBalance(const QJsonValue& resp);
} // namespace json

//! A reply that lacks what the request class needs: `what` says which field, for the logs.
template <typename T> Result<T> malformedReply(const char* what) {
    return Result<T>::failure(ApiError::malformed(QLatin1String(what)));
}

} // namespace pixverse
