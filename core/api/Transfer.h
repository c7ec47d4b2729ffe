#pragma once

#include "core/api/ApiClient.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <optional>

class QNetworkReply;

namespace pixverse {

//! One transfer through all of its attempts: the part every kind shares (API calls, multipart
//! uploads, the object-store PUT, downloads). It owns the one retry policy of the app: the
//! timeout counts silence, failures the subclass judges retryable are sent again after
//! RetryPolicy::delayAfter() (capped doubling, at least Retry-After), and it gives up after
//! maxAttempts. It also keeps the caller's context and cancellation. Internal to core/api.
class Transfer : public QObject {
public:
    Transfer(ApiClient* client, QObject* context, QString logName, int inactivityMs);
    ~Transfer() override;

    //! Sends the first attempt; the handle cancels this one and every later one.
    RequestHandle start();

protected:
    //! Sends one attempt, or returns nullptr with `*problem` set (a local refusal, not retried).
    virtual QNetworkReply* sendAttempt(ApiError* problem) = 0;
    //! Judges a finished attempt. `transport` already names a timeout, a TLS problem or a
    //! broken connection; it is empty when an HTTP answer arrived whole.
    virtual ApiError judge(QNetworkReply* reply, const ApiError& transport) = 0;
    //! The final outcome, once, and only while the caller's context lives.
    virtual void deliver(const ApiError& error) = 0;
    virtual bool worthRetrying(const ApiError& error) const { return error.isRetryable(); }
    virtual void onCancelled() {}
    //! What the log line of an attempt starts with; never a secret.
    virtual QString describeAttempt() const { return m_logName; }

    //! Bytes moved: the inactivity timeout starts again.
    void noteActivity();
    bool callerAlive() const { return !m_hasContext || m_context; }
    int attempts() const { return m_attempts; }
    ApiClient* client() const { return m_client; }
    QString logName() const { return m_logName; }

    //! ApiError::http with the reply's reason phrase and its Retry-After.
    static ApiError httpError(QNetworkReply* reply, int status, const QString& detail = {});

private:
    void startAttempt();
    void onFinished();
    void cancel();
    ApiError transportError(QNetworkReply* reply, int status) const;

    ApiClient* m_client;
    QPointer<QObject> m_context;
    bool m_hasContext;
    QString m_logName;
    int m_inactivityMs;
    QPointer<QNetworkReply> m_reply;
    QTimer m_inactivity;
    QTimer m_retryTimer;
    QElapsedTimer m_elapsed;
    QString m_tlsProblem;
    int m_attempts = 0;
    bool m_timedOut = false;
    bool m_cancelled = false;
};

} // namespace pixverse
