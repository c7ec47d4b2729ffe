#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

namespace pixverse {

//! Every way a PixVerse request can fail, with a sentence a creator understands.
//! The codes stay available for logs; the sentence never contains a secret.
class ApiError {
public:
    enum class Kind {
        None,           //!< no error
        Network,        //!< connection refused, DNS, reset, offline
        Timeout,        //!< no (complete) answer in time
        Http,           //!< HTTP status >= 400 without a usable PixVerse envelope
        Service,        //!< a PixVerse envelope with a non-zero ErrCode
        MalformedReply, //!< not JSON, no envelope, or missing/mistyped fields
        InsecureUrl,    //!< plain http:// to a host that is not loopback
        Tls,            //!< certificate or handshake problem (never ignored)
        Cancelled,      //!< cancelled by the creator or the app
        Input           //!< refused locally before anything was sent (bad file, bad value)
    };

    //! How the app should react; also the CLI's exit code family.
    enum class Category {
        None,
        Input,    //!< fix the request (CLI exit 2)
        Auth,     //!< sign in again / new key (CLI exit 3)
        Refusal,  //!< the service said no: parameters, moderation, credits (CLI exit 4)
        Transient //!< network or server trouble, worth retrying (CLI exit 5)
    };

    ApiError() = default;
    static ApiError network(const QString& detail);
    static ApiError timeout(const QString& detail = {});
    static ApiError http(int status, const QString& detail = {},
                         std::optional<int> retryAfterSeconds = {});
    static ApiError service(qint64 errCode, const QString& errMsg, int httpStatus = 200);
    static ApiError malformed(const QString& detail);
    static ApiError insecureUrl(const QString& url);
    static ApiError tls(const QString& detail);
    static ApiError cancelled();
    static ApiError input(const QString& message);

    bool isError() const { return m_kind != Kind::None; }
    Kind kind() const { return m_kind; }
    Category category() const;
    int httpStatus() const { return m_httpStatus; }
    qint64 errCode() const { return m_errCode; }
    QString serviceMessage() const { return m_serviceMessage; } //!< ErrMsg as sent
    QString detail() const { return m_detail; }
    std::optional<int> retryAfterSeconds() const { return m_retryAfter; }

    //! Worth sending again later (network, timeout, 5xx, 429, 500069, 500100, 99999...).
    bool isRetryable() const;
    //! The credentials no longer work (400012, 10001, 10003, 10005, HTTP 401).
    bool isSessionEnd() const;
    //! The credentials were refused (HTTP 401 or 403): sign in again.
    bool isCredentialRefusal() const;
    //! The account is generating as many videos as its plan allows (500044): wait, not fail.
    bool isConcurrencyLimit() const;
    //! The service forgot the uploaded image (400032, 500042): upload it again.
    bool isImageForgotten() const;
    //! The service has no record of the video (500008).
    bool isUnknownVideo() const;
    //! A download URL that no longer works (HTTP 403, 404, 410): ask for a fresh one.
    bool isUrlGone() const;
    //! The server failed (HTTP 5xx): an outage, not a refusal.
    bool isServerError() const { return m_kind == Kind::Http && m_httpStatus >= 500; }
    //! The server refused a Range request (HTTP 416): the part file must start afresh.
    bool isRangeRefused() const { return m_kind == Kind::Http && m_httpStatus == 416; }
    //! Whether a failed create may still have made a video: anything but the service's own
    //! answer (an envelope) or a local refusal leaves it open.
    bool mayHaveReachedService() const;
    //! Worth another try at the job level: retryable, or a malformed reply that may hide a success.
    bool isWorthRetrying() const;
    //! The PixVerse ErrCode, or the HTTP status when there is none; 0 without either.
    qint64 code() const { return m_errCode != 0 ? m_errCode : m_httpStatus; }

    //! One or two sentences for a creator: what happened and what to do.
    QString userMessage() const;
    //! The sentence a creator reads for a PixVerse ErrCode (§4); empty for a code without one.
    //! Also what the checks before sending say when they foresee the refusal (500070, 500071).
    static QString serviceSentence(qint64 code);
    //! Compact text for logs: kind, HTTP status, ErrCode, detail. No secrets.
    QString logText() const;

private:
    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    qint64 m_errCode = 0;
    QString m_serviceMessage;
    QString m_detail;
    std::optional<int> m_retryAfter;
};

} // namespace pixverse

Q_DECLARE_METATYPE(pixverse::ApiError)
