#pragma once

#include "core/api/ApiError.h"
#include "core/api/ApiTypes.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace pixverse {

//! One HTTP call to PixVerse as data. The request classes (OpenApiRequests.h, WebApiRequests.h)
//! fill it in their constructors; ApiClient sends it, retries it and reads the envelope.
struct ApiRequest {
    enum class Verb { Get, Post };
    Verb verb = Verb::Get;
    QString path; //!< relative to the base URL: "openapi/v2/video/result/42"
    QByteArray body;
    QByteArray contentType; //!< "application/json", a multipart type, or empty for GET
    //! Create calls keep their trace id on every retry, so the service answers a resend with the
    //! video it already made instead of making (and charging) a second one.
    bool sameTraceIdOnRetry = false;
    QString traceId;   //!< empty: a fresh UUID per attempt (or once, see above)
    int timeoutMs = 0; //!< 0: the client's default
    QString logName;   //!< short name for logs: "text-to-video"
};

//! The payload of a successful envelope (`Resp`), or the error.
struct ApiReply {
    ApiError error;
    QJsonValue resp;
    QString traceId; //!< of the last attempt
    int httpStatus = 0;
    int attempts = 0;
};

//! When and how often a failed call is sent again. The only retry logic in the app.
struct RetryPolicy {
    int maxAttempts = 3;       //!< including the first one
    int initialDelayMs = 1000; //!< doubled after each failure
    int maxDelayMs = 30000;
};

//! Talks to one PixVerse host over an injected QNetworkAccessManager: base URL (https:// unless
//! loopback), the credential header, a fresh `Ai-trace-id` per request, timeouts, the retry policy
//! and the `{ErrCode, ErrMsg, Resp}` envelope. Knows no endpoint; the request classes do.
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

    //! Reads a PixVerse envelope. Exposed for tests and for the web family's odd endpoints.
    static ApiReply parseEnvelope(int httpStatus, const QByteArray& body);
    //! A new UUID v4 in the 8-4-4-4-12 form, as `Ai-trace-id` wants it.
    static QString newTraceId();

private:
    class Call;
    friend class Call;

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
} // namespace json

} // namespace pixverse
