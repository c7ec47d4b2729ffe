#include "core/api/Transfer.h"

#include "core/api/ExponentialBackoff.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QNetworkReply>

#include <algorithm>

namespace pixverse {

Q_LOGGING_CATEGORY(lcTransfer, "pixverse.api")

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

int RetryPolicy::delayAfter(int failures, const ApiError& error) const {
    int delay = ExponentialBackoff::delayFor(failures, initialDelayMs, maxDelayMs);
    // The server knows best when it can take us again; a huge value is capped, not obeyed.
    if (const auto after = error.retryAfterSeconds())
        delay = std::max(delay, std::min(*after * 1000, std::max(maxDelayMs, 1000)));
    return delay;
}

Transfer::Transfer(ApiClient* client, QObject* context, QString logName, int inactivityMs)
    : QObject(client)
    , m_client(client)
    , m_context(context)
    , m_hasContext(context != nullptr)
    , m_logName(std::move(logName))
    , m_inactivityMs(inactivityMs > 0 ? inactivityMs : client->defaultTimeout()) {
    m_inactivity.setSingleShot(true);
    connect(&m_inactivity, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_reply)
            m_reply->abort();
    });
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire before Retry-After
    connect(&m_retryTimer, &QTimer::timeout, this, &Transfer::startAttempt);
}

Transfer::~Transfer() = default;

RequestHandle Transfer::start() {
    startAttempt();
    QPointer<Transfer> guard(this);
    return RequestHandle([guard] {
        if (guard)
            guard->cancel();
    });
}

void Transfer::noteActivity() {
    if (m_reply)
        m_inactivity.start(m_inactivityMs);
}

ApiError Transfer::httpError(QNetworkReply* reply, int status, const QString& detail) {
    return ApiError::http(
        status,
        detail.isEmpty() ? reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString()
                         : detail,
        parseRetryAfter(reply->rawHeader("Retry-After")));
}

void Transfer::startAttempt() {
    if (!callerAlive()) {
        deleteLater();
        return;
    }
    ++m_attempts;
    m_timedOut = false;
    m_tlsProblem.clear();
    ApiError problem;
    m_elapsed.start();
    QNetworkReply* reply = sendAttempt(&problem);
    if (!reply) {
        // Still asynchronous, so callers never see their callback run inside the call that
        // started the transfer.
        QMetaObject::invokeMethod(
            this,
            [this, problem] {
                if (!m_cancelled && callerAlive())
                    deliver(problem);
                deleteLater();
            },
            Qt::QueuedConnection);
        return;
    }
    m_reply = reply;
    m_inactivity.start(m_inactivityMs);
    connect(reply, &QNetworkReply::finished, this, &Transfer::onFinished);
    // The timeout counts silence, not total time: a big transfer on a slow line is fine as long
    // as bytes keep moving.
    connect(reply, &QNetworkReply::uploadProgress, this, &Transfer::noteActivity);
    connect(reply, &QNetworkReply::downloadProgress, this, &Transfer::noteActivity);
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError>& errors) {
        // Never ignored: a bad certificate means we may be talking to someone else.
        if (!errors.isEmpty())
            m_tlsProblem = errors.first().errorString();
    });
}

ApiError Transfer::transportError(QNetworkReply* reply, int status) const {
    const auto error = reply->error();
    if (m_timedOut)
        return ApiError::timeout(m_logName);
    if (!m_tlsProblem.isEmpty() || error == QNetworkReply::SslHandshakeFailedError)
        return ApiError::tls(m_tlsProblem.isEmpty() ? reply->errorString() : m_tlsProblem);
    if (status > 0) // a reply cut halfway is network trouble (worth a resend), not a bad answer
        return transportBroke(error) ? ApiError::network(reply->errorString()) : ApiError();
    if (error == QNetworkReply::OperationCanceledError)
        return ApiError::timeout(m_logName);
    return ApiError::network(reply->errorString());
}

void Transfer::onFinished() {
    m_inactivity.stop();
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    if (m_cancelled)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const ApiError error = judge(reply, transportError(reply, status));
    qCInfo(lcTransfer).noquote() << describeAttempt() << "→"
                                 << (error.isError() ? error.logText() : QStringLiteral("ok"))
                                 << "in" << m_elapsed.elapsed() << "ms, attempt" << m_attempts;
    const RetryPolicy policy = m_client->retryPolicy();
    if (error.isError() && worthRetrying(error) && m_attempts < policy.maxAttempts) {
        m_retryTimer.start(policy.delayAfter(m_attempts, error));
        return;
    }
    if (callerAlive())
        deliver(error);
    deleteLater();
}

void Transfer::cancel() {
    m_cancelled = true;
    m_retryTimer.stop();
    m_inactivity.stop();
    if (m_reply) {
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    onCancelled();
    qCDebug(lcTransfer).noquote() << m_logName << "cancelled";
    deleteLater();
}

} // namespace pixverse
