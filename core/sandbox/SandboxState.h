#pragma once

#include "core/generation/GenerationRequest.h"
#include "core/sandbox/SandboxClock.h"
#include "core/sandbox/SandboxRules.h"
#include "core/sandbox/SandboxServer.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QHttpServerRequest>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QPair>
#include <QRandomGenerator>
#include <QSize>
#include <QString>
#include <QUrlQuery>

#include <memory>
#include <optional>
#include <variant>

QT_BEGIN_NAMESPACE
class QHttpServer;
class QHttpServerResponder;
QT_END_NAMESPACE

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

namespace pixverse::sandbox {

//! What the sandbox needs of a request, copied out of QHttpServerRequest at once: that object
//! belongs to the connection and is gone when a stalled client hangs up.
struct HttpRequest {
    QHttpServerRequest::Method method = QHttpServerRequest::Method::Unknown;
    QString path;        //!< as QUrl::path() gives it (routing)
    QString decodedPath; //!< fully percent-decoded (object keys, uploaded media)
    QUrlQuery query;     //!< the query string's items (speaker paging)
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    //! The value of a header, names compared case-insensitively; empty when absent.
    QByteArray header(const QByteArray& name) const;
    bool isGet() const { return method == QHttpServerRequest::Method::Get; }
    bool isHead() const { return method == QHttpServerRequest::Method::Head; }
    bool isPost() const { return method == QHttpServerRequest::Method::Post; }
    bool isPut() const { return method == QHttpServerRequest::Method::Put; }
};

//! A complete HTTP answer, kept as bytes so a replay is byte for byte the same.
struct HttpAnswer {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool headOnly = false; //!< HEAD: the headers of `body`, without it
};

class WebRoutes;
class ModeRoutes;
class EffectRoutes;
class SandboxStore;

//! The sandbox's state and request handling behind SandboxServer. Lives on the server's thread.
class SandboxState {
public:
    SandboxState(SandboxServer* owner, SandboxConfig config);
    ~SandboxState();
    SandboxState(const SandboxState&) = delete;
    SandboxState& operator=(const SandboxState&) = delete;

    bool start();
    QUrl baseUrl() const;

    SandboxServer* m_owner;
    SandboxConfig m_config;
    SandboxRules m_rules;          // the built-in rules with the config's switches
    QHttpServer* m_http = nullptr; // a child of m_owner, so it follows moveToThread
    QString m_error;
    quint16 m_port = 0;
    QString m_clipsDir;
    SandboxClock m_clock;
    QDateTime m_epoch; // wall time of sandbox time 0, for create_time/modify_time
    QRandomGenerator m_rng;
    SandboxStats m_stats;
    QList<SandboxFault> m_faults;

    struct Account {
        qint64 id = 0;
        qint64 daily = 0; // web accounts only; spent first
        qint64 monthly = 0;
        qint64 package = 0;
    };
    QHash<QString, Account> m_accounts; // by API key or web e-mail (as configured)

    struct Image {
        QString owner;
        QByteArray bytes;
        QByteArray format; // "png", "jpeg", "webp"
        QSize size;
    };
    QHash<qint64, Image> m_images;

    struct Video {
        qint64 id = 0;
        QString owner;
        GenerationRequest request;
        qint64 seed = 0;
        QSize size;
        qint64 createdAt = 0; // sandbox ms
        qint64 finishAt = 0;
        int outcome = 1;       // the final status: 1, 6 (deleted), 7 or 8
        bool settled = false;  // the final status has taken effect (refund done)
        bool hasAudio = false; // made with the audio switch: its clip has a sound track
        // What it cost, by where the credits came from; zeroed by a refund (status 7).
        qint64 chargedDaily = 0;
        qint64 chargedMonthly = 0;
        qint64 chargedPackage = 0;
        // The spend ledger (usage-detail, §2.20): what the create charged, and whether the
        // final status gave it back (at finishAt).
        qint64 cost = 0;
        bool refunded = false;
        bool web = false; // made through /creative_platform: statuses 5 → 10 → final
        QString imageUrl; // web image-to-video: customer_img_url as sent
        // The sample clip's length (1 s, or 2–3 s after an extend) and the length the service
        // says the video has (the request's duration; an extend adds its duration to its
        // source's): the 40 s extend rule and the sound price count the latter.
        int clipSeconds = 1;
        double seconds = 0;
    };
    QHash<qint64, Video> m_videos;

    struct CachedAnswer {
        HttpAnswer answer;
        qint64 expiresAt = 0; // sandbox ms
        bool durable = false; // the request changed the state: kept across restarts
    };
    // By the SHA-256 of API key (or web token) + '\n' + trace id, so no secret is a key.
    QHash<QString, CachedAnswer> m_traceCache;

    qint64 m_lastVideoId = 0;
    qint64 m_lastImageId = 0;
    qint64 m_lastAccountId = 0;
    qint64 m_lastMediaId = 0;
    QHash<QString, QByteArray> m_clipBytes;  // by file name
    QHash<QString, QByteArray> m_coverBytes; // PNG by "WxH"
    std::unique_ptr<WebRoutes> m_web;        // /creative_platform/..., /oss/...
    std::unique_ptr<ModeRoutes> m_modes;     // the issue-16 OpenAPI routes and uploaded media
    std::unique_ptr<EffectRoutes> m_effects; // issue 17: templates and their previews, fusion
    std::unique_ptr<SandboxStore> m_store;   // with a stateDir only

    // Entry point of every request (QHttpServer's missing handler: there are no routes).
    void handle(const QHttpServerRequest& request, QHttpServerResponder&& responder);

    HttpAnswer route(const HttpRequest& request);
    HttpAnswer openApi(const HttpRequest& request, const QString& endpoint);
    HttpAnswer upload(const HttpRequest& request, const QString& key);
    HttpAnswer generate(const HttpRequest& request, const QString& key, bool imageToVideo);
    HttpAnswer result(const QString& idText, const QString& key);
    HttpAnswer balance(const QString& key);
    //! POST account/billing/usage-detail (§2.20, UsageRoutes.cpp): the key's deductions and
    //! refunds, paged by cursor.
    HttpAnswer usageDetail(const HttpRequest& request, const QString& key);
    HttpAnswer media(const HttpRequest& request);
    HttpAnswer statsAnswer();
    //! The control route (SandboxControl.cpp).
    HttpAnswer control(const HttpRequest& request);
    //! The control route's "addVideos" object, checked, or why it is refused.
    std::variant<SandboxAccountVideos, QString> accountVideosFromJson(const QJsonObject& a) const;
    HttpAnswer faultAnswer(const SandboxFault& fault) const;
    //! The real answer, damaged as a TruncateJson or PatchResp fault says.
    HttpAnswer spoiledAnswer(const SandboxFault& fault, HttpAnswer answer) const;

    std::optional<SandboxFault> takeFault(const QString& path);
    void settle();
    Account& account(const QString& key);
    //! The configured spelling of a web account's e-mail (compared case-insensitively); empty if
    //! none.
    QString webAccountEmail(const QString& email) const;
    //! Videos not yet in a final status, of one owner or (empty) of all.
    int generatingCount(const QString& key) const;
    //! A reused trace id's earlier answer (stats counted), after dropping expired ones; null if
    //! none.
    const HttpAnswer* replayedAnswer(const QString& cacheKey);
    //! `durable`: the request changed the state, so a resend after a restart is replayed too.
    void rememberAnswer(const QString& cacheKey, const HttpAnswer& answer, bool durable = false);
    //! Writes what changed to the store, if there is one (before an answer leaves).
    void persist(bool clockChanged = false);
    //! What an accepted generation costs and the size of its video.
    struct Accepted {
        qint64 cost = 0;
        QSize size;
    };
    //! The verdict of the sandbox's own rules (SandboxRules) on `r`: the refusal as the service
    //! answers it (400011/400018/400017), or the price and output size. Sets an image-to-video
    //! request's aspect ratio from the image.
    std::variant<HttpAnswer, Accepted> judge(GenerationRequest& r, ApiFamily family,
                                             QSize imageSize) const;
    //! The final status a new video with this prompt will reach: 7 (moderation word), 8 (failure
    //! word or the failure rate), 6 (deletion word) or 1.
    int drawOutcome(const QString& prompt);
    //! What a new OpenAPI video is: its request (mode and all), price, size, clip and length.
    struct NewVideo {
        GenerationRequest request;
        qint64 cost = 0;
        QSize size;
        bool hasAudio = false;
        int clipSeconds = 1;
        double seconds = 0; //!< 0: the request's duration
    };
    //! Charges the key (500090 when short), checks its concurrency (500044) and makes the video:
    //! `{video_id, credits}` as every OpenAPI create answers.
    HttpAnswer createVideo(const QString& key, const NewVideo& made);
    int status(const Video& video) const;
    //! The credits the video cost in the end (0 once refunded), for the status answers.
    static qint64 credits(const Video& video);
    QString isoTime(qint64 sandboxMs) const;
    QString mediaUrl(const QString& path) const;
    //! The sample clip of that size, sound and length (fewer seconds when there is no such
    //! clip; empty when there is none at all).
    QByteArray clip(QSize size, bool withAudio, int seconds = 1);
    QByteArray cover(QSize size);
    qint64 nextId(qint64& last);

    SandboxStats stats();
    void setClockSpeed(double factor);
    void advanceClock(qint64 ms);
    void injectFault(const SandboxFault& fault);
    void setCredits(const QString& key, qint64 daily, qint64 monthly, qint64 package);
    void endWebSession(const QString& email, bool elsewhere);
    QList<qint64> addAccountVideos(const SandboxAccountVideos& videos);
    //! Their size by the model's rule where the rules know the model, else by the short side;
    //! invalid when neither gives one.
    QSize accountVideoSize(const SandboxAccountVideos& videos) const;
    bool deleteVideo(qint64 videoId);
    QList<GenerationRequest> createdRequests() const;
};

//! Where the sample clips are: the configured folder, else $PIXVERSE_CLIPS_DIR, else the
//! installed share/pixverse-studio/clips next to the executable, else the build tree's folder.
QString findClipsDir(const QString& configured);

//! The message of a documented OpenAPI ErrCode (§4.1).
QString errMessage(qint64 errCode);

//! `{"ErrCode":code,"ErrMsg":message,"Resp":resp}` as an HTTP answer (200 unless told).
HttpAnswer envelope(qint64 errCode, const QString& message,
                    const std::optional<QJsonObject>& resp = {}, int httpStatus = 200);

// Small pieces both API families use.
HttpAnswer jsonAnswer(const QJsonObject& object, int status = 200);
HttpAnswer plainAnswer(int status, const QByteArray& text,
                       QList<QPair<QByteArray, QByteArray>> headers = {});
HttpAnswer notFound();
HttpAnswer methodNotAllowed(const QByteArray& allowed);
//! The value when it is a JSON number with an exact qint64 value; empty otherwise.
std::optional<qint64> exactInteger(const QJsonValue& value);
//! The body has the field, and it is not null.
bool hasValue(const QJsonObject& body, const char* name);
//! A JSON number without a fractional part.
bool isIntegral(const QJsonValue& value);
//! An RFC 4122 UUID in its text form (braces tolerated).
bool isUuid(const QByteArray& text);
//! The format the bytes are in, from their signature: "png", "jpeg", "webp" (accepted) or the
//! name of another image format (refused); empty when unknown.
QByteArray sniffImageFormat(const QByteArray& bytes);
bool isAcceptedFormat(const QByteArray& format);

} // namespace pixverse::sandbox
