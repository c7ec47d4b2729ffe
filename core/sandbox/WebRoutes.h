#pragma once

#include "core/sandbox/ObjectStore.h"
#include "core/sandbox/SandboxState.h"

#include <QByteArray>
#include <QHash>
#include <QSize>
#include <QString>
#include <QStringList>

#include <variant>

namespace pixverse::sandbox {

class SandboxStore;

//! The web family (`/creative_platform/...`, §3 and §4.2 of ../shared/pixverse-api.md) on top of
//! the shared SandboxState: e-mail + password login with one live session per account, the
//! three-step image upload through the ObjectStore, t2v/i2v, the personal list and the credits.
//! Business errors are HTTP 200 + ErrCode, as on the OpenAPI side.
class WebRoutes {
public:
    static constexpr qint64 kSessionLifetimeMs = 30LL * 24 * 60 * 60 * 1000; //!< a token: ~30 days

    explicit WebRoutes(SandboxState& state);

    //! `endpoint` is the path after `/creative_platform/` ("login", "video/t2v", ...).
    HttpAnswer route(const HttpRequest& request, const QString& endpoint);
    //! `/oss/<bucket>/<key>` (counts accepted PUTs).
    HttpAnswer objectStoreRequest(const HttpRequest& request);

    void endSession(const QString& email, bool elsewhere);
    ObjectStore& objectStore() { return m_store; }

private:
    friend class SandboxStore; // keeps sessions, media and objects across restarts

    struct Session {
        QString email;
        qint64 expiresAt = 0;  // sandbox ms
        bool replaced = false; // a newer login (or endSession elsewhere) took over: 10005
    };
    //! An image registered by batch_upload_media.
    struct Media {
        qint64 id = 0;
        QString owner;
        QSize size;
    };

    HttpAnswer login(const HttpRequest& request);
    HttpAnswer uploadToken(const QString& email);
    HttpAnswer batchUploadMedia(const HttpRequest& request, const QString& email);
    //! t2v, i2v and the transition of `/video/frames` (§3.11).
    HttpAnswer generate(const HttpRequest& request, const QString& email, GenerationMode mode);
    //! A `/video/frames` body checked and turned into what readBody() takes (the first frame as
    //! customer_img_path/url, `audio` as a boolean); `paths`/`urls` get both frames.
    std::variant<HttpAnswer, QJsonObject> framesBody(QJsonObject body, QStringList* paths,
                                                     QStringList* urls) const;
    //! The image registered at `path` by this account; null when none is.
    const Media* ownMedia(const QString& path, const QString& email) const;
    HttpAnswer list(const HttpRequest& request, const QString& email);
    HttpAnswer credits(const QString& email);
    //! `pricing/formulas` with a token: the sandbox's own formula set (WebPriceFormulas).
    HttpAnswer priceFormulas();
    QJsonObject listItem(const SandboxState::Video& video) const;

    SandboxState& m_state;
    ObjectStore m_store;
    QHash<QString, Session> m_sessions;   // by token digest; replaced ones stay to answer 10005
    QHash<QString, QString> m_liveTokens; // e-mail → the digest of its one live token
    QHash<QString, Media> m_media;        // by object key ("upload/<uuid>.png")
};

} // namespace pixverse::sandbox
