#include "core/api/ApiClient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <QUuid>

#include <algorithm>

namespace pixverse {

Q_LOGGING_CATEGORY(lcApi, "pixverse.api")

namespace json {

std::optional<qint64> toId(const QJsonValue& value) {
    if (value.isString()) {
        bool ok = false;
        const qint64 id = value.toString().trimmed().toLongLong(&ok);
        return ok ? std::optional<qint64>(id) : std::nullopt;
    }
    if (!value.isDouble())
        return std::nullopt;
    // Qt 6 keeps integers that fit in 64 bits as integers, so toInteger() loses no digit;
    // a value that really is fractional is not an id.
    const qint64 id = value.toInteger(-1);
    if (id == -1 && value.toDouble() != -1.0)
        return std::nullopt;
    return id;
}

std::optional<qint64> toInt(const QJsonValue& value) {
    if (value.isDouble()) {
        // A whole number (also 10.0) counts; 10.5 is not an integer field.
        const qint64 i = value.toInteger(0);
        if (i == 0 && value.toDouble() != 0.0)
            return std::nullopt;
        return i;
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 i = value.toString().trimmed().toLongLong(&ok);
        if (ok)
            return i;
    }
    if (value.isBool())
        return value.toBool() ? 1 : 0;
    return std::nullopt;
}

QString toString(const QJsonValue& value) {
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

} // namespace json

namespace {

std::optional<int> parseRetryAfter(const QByteArray& header) {
    if (header.isEmpty())
        return std::nullopt;
    bool ok = false;
    const int seconds = header.trimmed().toInt(&ok);
    if (ok)
        return std::max(0, seconds);
    const QDateTime when =
        QDateTime::fromString(QString::fromLatin1(header.trimmed()), Qt::RFC2822Date);
    if (when.isValid())
        return static_cast<int>(std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(when)));
    return std::nullopt;
}

const char* verbName(ApiRequest::Verb verb) {
    return verb == ApiRequest::Verb::Get ? "GET" : "POST";
}

//! The connection broke: with a status it came after the headers, halfway through the body.
bool transportBroke(QNetworkReply::NetworkError error) {
    switch (error) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return false;
    }
}

} // namespace

//! One request in flight, through all of its attempts.
class ApiClient::Call : public QObject {
public:
    Call(ApiClient* client, ApiRequest request, QObject* context,
         std::function<void(ApiReply)> done, Progress progress)
        : QObject(client)
        , m_client(client)
        , m_request(std::move(request))
        , m_context(context)
        , m_hasContext(context != nullptr)
        , m_done(std::move(done))
        , m_progress(std::move(progress)) {
        m_timeout.setSingleShot(true);
        connect(&m_timeout, &QTimer::timeout, this, [this] {
            m_timedOut = true;
            if (m_reply)
                m_reply->abort();
        });
        m_retryTimer.setSingleShot(true);
        connect(&m_retryTimer, &QTimer::timeout, this, &Call::startAttempt);
        if (m_request.traceId.isEmpty() && m_request.sameTraceIdOnRetry)
            m_request.traceId = ApiClient::newTraceId();
    }

    void startAttempt() {
        if (m_hasContext && !m_context) {
            deleteLater();
            return;
        }
        ++m_attempts;
        m_timedOut = false;
        // A create keeps its trace id so that a resend the service already saw is answered with
        // the same video. After a definite business answer (500069...) nothing was created and
        // the service would replay that answer for the old id, so a new one is due.
        if (m_request.sameTraceIdOnRetry && m_lastWasServiceAnswer)
            m_request.traceId = ApiClient::newTraceId();
        m_traceId =
            m_request.sameTraceIdOnRetry || (m_attempts == 1 && !m_request.traceId.isEmpty())
                ? m_request.traceId
                : ApiClient::newTraceId();
        QUrl url = m_client->m_baseUrl;
        QString basePath = url.path();
        if (!basePath.endsWith(u'/'))
            basePath += u'/';
        const qsizetype query = m_request.path.indexOf(u'?');
        url.setPath(basePath + (query < 0 ? m_request.path : m_request.path.left(query)));
        if (query >= 0)
            url.setQuery(m_request.path.mid(query + 1));
        QNetworkRequest request(url);
        request.setRawHeader("Ai-trace-id", m_traceId.toLatin1());
        request.setRawHeader("Accept", "application/json");
        if (!m_client->m_credentialHeader.isEmpty() && !m_client->m_credential.isEmpty())
            request.setRawHeader(m_client->m_credentialHeader, m_client->m_credential);
        for (const auto& [name, value] : std::as_const(m_client->m_extraHeaders))
            request.setRawHeader(name, value);
        if (!m_request.contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, m_request.contentType);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);

        m_elapsed.start();
        m_reply = m_request.verb == ApiRequest::Verb::Get
                      ? m_client->m_network->get(request)
                      : m_client->m_network->post(request, m_request.body);
        const int timeoutMs =
            m_request.timeoutMs > 0 ? m_request.timeoutMs : m_client->m_defaultTimeoutMs;
        m_timeout.start(timeoutMs);
        connect(m_reply, &QNetworkReply::finished, this, &Call::onFinished);
        // The timeout counts silence, not total time: a big upload on a slow line is fine
        // as long as bytes keep moving.
        connect(m_reply, &QNetworkReply::uploadProgress, this,
                [this, timeoutMs](qint64 sent, qint64 total) {
                    m_timeout.start(timeoutMs);
                    if (m_progress && (!m_hasContext || m_context))
                        m_progress(sent, total);
                });
        connect(m_reply, &QNetworkReply::downloadProgress, this,
                [this, timeoutMs] { m_timeout.start(timeoutMs); });
        connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError>& errors) {
            // Never ignored: a bad certificate means we may be talking to someone else.
            if (!errors.isEmpty())
                m_tlsProblem = errors.first().errorString();
        });
    }

    void cancel() {
        m_cancelled = true;
        m_retryTimer.stop();
        m_timeout.stop();
        if (m_reply) {
            QNetworkReply* reply = m_reply;
            m_reply = nullptr;
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
        qCDebug(lcApi).noquote() << m_request.logName << "cancelled";
        deleteLater();
    }

private:
    void onFinished() {
        m_timeout.stop();
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        if (!reply)
            return;
        reply->deleteLater();
        if (m_cancelled)
            return;

        ApiReply result;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = m_timedOut ? QByteArray() : reply->readAll();
        const auto error = reply->error();
        if (m_timedOut) {
            result.error = ApiError::timeout(m_request.path);
        } else if (!m_tlsProblem.isEmpty() || error == QNetworkReply::SslHandshakeFailedError) {
            result.error =
                ApiError::tls(m_tlsProblem.isEmpty() ? reply->errorString() : m_tlsProblem);
        } else if (status > 0 && transportBroke(error)) {
            // A reply cut halfway is network trouble (and worth a resend), not a malformed answer.
            result.error = ApiError::network(reply->errorString());
        } else if (status > 0) {
            result = ApiClient::parseEnvelope(status, body);
            if (result.error.kind() == ApiError::Kind::Http)
                result.error = ApiError::http(
                    status, reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(),
                    parseRetryAfter(reply->rawHeader("Retry-After")));
        } else if (error == QNetworkReply::OperationCanceledError) {
            result.error = ApiError::timeout(m_request.path);
        } else {
            result.error = ApiError::network(reply->errorString());
        }
        result.httpStatus = status;
        result.traceId = m_traceId;
        result.attempts = m_attempts;

        qCInfo(lcApi).noquote() << verbName(m_request.verb) << m_request.path << "trace"
                                << m_traceId << "→"
                                << (result.error.isError() ? result.error.logText()
                                                           : QStringLiteral("ok"))
                                << "in" << m_elapsed.elapsed() << "ms, attempt" << m_attempts;

        // Qt throttles upload progress to one signal per 100 ms, so a fast upload may report
        // nothing: say once that every byte went out.
        if (status > 0 && m_progress && !m_request.body.isEmpty() && (!m_hasContext || m_context))
            m_progress(m_request.body.size(), m_request.body.size());

        m_lastWasServiceAnswer = result.error.kind() == ApiError::Kind::Service;
        const RetryPolicy& policy = m_client->m_retry;
        if (result.error.isRetryable() && m_attempts < policy.maxAttempts) {
            int delay =
                std::min(policy.maxDelayMs, policy.initialDelayMs << std::min(m_attempts - 1, 16));
            if (const auto after = result.error.retryAfterSeconds())
                delay = std::max(delay, std::min(*after * 1000, std::max(policy.maxDelayMs, 1000)));
            m_retryTimer.start(delay);
            return;
        }
        if (!m_hasContext || m_context)
            m_done(result);
        deleteLater();
    }

    ApiClient* m_client;
    ApiRequest m_request;
    QPointer<QObject> m_context;
    bool m_hasContext;
    std::function<void(ApiReply)> m_done;
    Progress m_progress;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;
    QTimer m_retryTimer;
    QElapsedTimer m_elapsed;
    QString m_traceId;
    QString m_tlsProblem;
    int m_attempts = 0;
    bool m_timedOut = false;
    bool m_cancelled = false;
    bool m_lastWasServiceAnswer = false;
};

ApiClient::ApiClient(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_network(network) {
    Q_ASSERT(network);
}

ApiClient::~ApiClient() = default;

bool ApiClient::isLoopback(const QUrl& url) {
    const QString host = url.host();
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

ApiError ApiClient::checkBaseUrl(const QUrl& url) {
    if (!url.isValid() || url.host().isEmpty())
        return ApiError::input(
            QCoreApplication::translate("pixverse::ApiError", "“%1” is not a valid server address.")
                .arg(url.toString()));
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https")
        return {};
    if (scheme == u"http" && isLoopback(url))
        return {};
    return ApiError::insecureUrl(url.toString(QUrl::RemoveUserInfo));
}

ApiError ApiClient::setBaseUrl(const QUrl& url) {
    ApiError problem = checkBaseUrl(url);
    if (!problem.isError())
        m_baseUrl = url;
    return problem;
}

void ApiClient::setCredential(const QByteArray& headerName, const QString& secret) {
    m_credentialHeader = headerName;
    m_credential = secret.toUtf8();
}

void ApiClient::clearCredential() {
    m_credential.fill('\0');
    m_credential.clear();
}

void ApiClient::setExtraHeaders(const QList<QPair<QByteArray, QByteArray>>& headers) {
    m_extraHeaders = headers;
}

RequestHandle ApiClient::send(ApiRequest request, QObject* context,
                              std::function<void(ApiReply)> done, Progress uploadProgress) {
    if (request.logName.isEmpty())
        request.logName = request.path;
    const ApiError urlProblem = checkBaseUrl(m_baseUrl);
    if (urlProblem.isError()) {
        // Still asynchronous, so callers never see their callback run inside send().
        QPointer<QObject> guard(context);
        const bool hasContext = context != nullptr;
        QTimer::singleShot(0, this, [guard, hasContext, done = std::move(done), urlProblem] {
            if (!hasContext || guard) {
                ApiReply reply;
                reply.error = urlProblem;
                done(reply);
            }
        });
        return {};
    }
    auto* call =
        new Call(this, std::move(request), context, std::move(done), std::move(uploadProgress));
    call->startAttempt();
    QPointer<Call> guard(call);
    return RequestHandle([guard] {
        if (guard)
            guard->cancel();
    });
}

ApiReply ApiClient::parseEnvelope(int httpStatus, const QByteArray& body) {
    ApiReply reply;
    reply.httpStatus = httpStatus;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const bool isEnvelope = parseError.error == QJsonParseError::NoError && document.isObject() &&
                            document.object().contains(u"ErrCode");
    const bool httpFailed = httpStatus >= 400 || httpStatus < 200;
    if (!isEnvelope) {
        reply.error = httpFailed
                          ? ApiError::http(httpStatus)
                          : ApiError::malformed(parseError.error != QJsonParseError::NoError
                                                    ? parseError.errorString()
                                                    : QStringLiteral("no ErrCode in the reply"));
        return reply;
    }
    const QJsonObject envelope = document.object();
    const std::optional<qint64> code = json::toInt(envelope.value(u"ErrCode"));
    if (!code) {
        reply.error = httpFailed ? ApiError::http(httpStatus)
                                 : ApiError::malformed(QStringLiteral("ErrCode is not a number"));
        return reply;
    }
    // Rate limits and server faults stay HTTP errors so they are retried, even with an envelope.
    if (httpStatus == 429 || httpStatus >= 500) {
        reply.error = ApiError::http(httpStatus, envelope.value(u"ErrMsg").toString());
        return reply;
    }
    if (*code != 0) {
        reply.error = ApiError::service(*code, envelope.value(u"ErrMsg").toString(), httpStatus);
        return reply;
    }
    if (httpFailed) {
        reply.error = ApiError::http(httpStatus);
        return reply;
    }
    reply.resp = envelope.value(u"Resp");
    return reply;
}

QString ApiClient::newTraceId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace pixverse
