#pragma once

#include "core/sandbox/SandboxState.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>

namespace pixverse::sandbox {

class SandboxStore;

//! The Aliyun OSS emulation behind the web upload (§3.5 of ../shared/pixverse-api.md): temporary
//! STS credentials, `PUT /oss/<bucket>/<key>` checked with the OSS V1 signature, and the objects in
//! memory. Answers like OSS: XML `<Error>` bodies with HTTP 403/404/400.
class ObjectStore {
public:
    static constexpr qint64 kCredentialLifetimeMs = 60LL * 60 * 1000; //!< STS triple: 1 h
    static constexpr qint64 kMaxClockSkewMs = 15LL * 60 * 1000;       //!< `Date` vs. now
    static constexpr qint64 kMaxObjectBytes = 100LL * 1024 * 1024;    //!< EntityTooLarge above

    //! The bucket the site uploads to.
    static QString bucket();

    //! A temporary credential set, as getUploadToken hands it out.
    struct Credentials {
        QByteArray accessKeyId;   //!< "STS.…"
        QByteArray secret;        //!< signs the request
        QByteArray securityToken; //!< "CAIS…", sent as x-oss-security-token
        QString owner;            //!< the web account (e-mail) that asked for it
        qint64 expiresAt = 0;     //!< sandbox ms
    };

    struct Object {
        QString owner; //!< the account whose credentials stored it
        QByteArray bytes;
        QByteArray contentType;
        QByteArray etag; //!< quoted upper-case hex MD5, as OSS gives it
    };

    //! New random credentials for `owner`, valid kCredentialLifetimeMs from `sandboxNowMs`.
    Credentials issue(const QString& owner, qint64 sandboxNowMs);

    //! Answers `PUT` (signed), `GET`/`HEAD` (unsigned, for debugging) of `/oss/<bucket>/<key>`.
    //! `sandboxNowMs` decides whether the credentials expired; `wallNowUtc` is what `Date` must be
    //! close to. `stored` is set when a PUT stored an object.
    HttpAnswer handle(const HttpRequest& request, qint64 sandboxNowMs, const QDateTime& wallNowUtc,
                      bool* stored = nullptr);

    //! The object under `key` ("upload/<uuid>.png"), or null.
    const Object* object(const QString& key) const;

    //! The string a PUT's signature covers (OSS V1): verb, Content-MD5, Content-Type, Date, the
    //! sorted `x-oss-*` headers and "/<bucket>/<key>".
    static QByteArray stringToSign(const HttpRequest& request, const QByteArray& verb,
                                   const QString& bucket, const QString& key);
    //! Base64(HMAC-SHA1(secret, stringToSign)).
    static QByteArray signature(const QByteArray& secret, const QByteArray& stringToSign);
    //! An RFC 1123 date ("Wed, 25 Nov 2026 12:00:00 GMT"); invalid when it is not one.
    static QDateTime parseHttpDate(const QByteArray& text);

private:
    friend class SandboxStore; // keeps the objects (never the credentials) across restarts

    QHash<QByteArray, Credentials> m_credentials; // by access key id
    QHash<QString, Object> m_objects;             // by key
};

//! An OSS-style error answer: `status` and `<Error><Code>code</Code><Message>…</Message>…</Error>`.
HttpAnswer ossError(int status, const QByteArray& code, const QByteArray& message,
                    const QByteArray& extraXml = {});

} // namespace pixverse::sandbox
