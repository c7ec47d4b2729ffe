#pragma once

#include "core/generation/GenerationRequest.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace pixverse::sandbox {

//! How the sandbox behaves. Every field has the value a creator clicking through the app wants;
//! tests change what they need before start().
struct SandboxConfig {
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; //!< 0: the OS picks a free port

    //! Valid platform API keys (OpenAPI `API-KEY`). The first is the one `--sandbox` uses.
    QStringList apiKeys{QStringLiteral("sk-sandbox-local-0000000000000000")};
    //! Web accounts (email → password) for `/creative_platform/login` (issue 3).
    QList<QPair<QString, QString>> webAccounts{
        {QStringLiteral("creator@sandbox.local"), QStringLiteral("sandbox-password")}};

    qint64 creditMonthly = 1000; //!< starting balance of every key / account
    qint64 creditPackage = 500;
    qint64 creditDaily = 60;  //!< web accounts only: daily credits, spent before the others
    int concurrencyLimit = 5; //!< videos "generating" at once per key (500044 above it)

    //! How long a video stays in status 5 (sandbox clock), then 1. Web videos: 5 for the first
    //! fifth of it, then 10 (PROCESSING).
    int generationMs = 6000;
    //! A prompt containing this word (case-insensitive) ends in status 7, credits refunded.
    QString moderationWord = QStringLiteral("forbidden");
    //! A prompt containing this word ends in status 8 (generation failed).
    QString failureWord = QStringLiteral("explode");
    //! A prompt containing this word ends in status 6 (deleted, §2.6): made, then removed before
    //! anyone downloaded it; no URL, and no refund (only moderation is documented as refunded).
    //! The web list no longer shows such a video. SandboxServer::deleteVideo() does the same to
    //! any existing video at once.
    QString deletionWord = QStringLiteral("vanish");
    //! A video that ends in status 8 (nothing was made) gets its credits back, like status 7.
    //! Inferred from the sandbox's own view of a failure, not documented (issue 19).
    bool refundFailed = true;
    //! Share of other generations that end in status 8, 0..1, drawn from a seeded generator.
    double failureRate = 0.0;

    qint64 maxImageBytes = 20LL * 1024 * 1024; //!< 500030 at or above this
    int maxImageSide = 4000;                   //!< 500030 above this
    int traceReplaySeconds = 300;              //!< answers replayed for a reused Ai-trace-id

    //! Folder of sample clips named `<width>x<height>.mp4` (and `<width>x<height>-audio.mp4`
    //! for videos made with sound); empty: $PIXVERSE_CLIPS_DIR, then the installed
    //! share/pixverse-studio/clips, then the build tree.
    QString clipsDir;
    //! Seed for ids, failure draws and random seeds, so a test run is repeatable.
    quint64 randomSeed = 20260524;
    //! The web family refuses v3.5-v5.5 with 400017, as the website no longer offers them
    //! (§3.10; whether its server still takes them is unknown). `pixverse-sandbox
    //! --web-legacy-models` turns it off.
    bool webRefusesLegacyModels = true;
    //! `GET /openapi/v2/video/tts_speaker` (the 2026 speaker list) answers HTTP 404, as a service
    //! that has only the older `video/lip_sync/tts_list` would: the client's fallback (§2.18).
    //! `pixverse-sandbox --speakers-legacy` turns it on.
    bool speakerRouteMissing = false;
    //! How many effect templates `/video/effects/templates/list` serves (SandboxTemplates.h);
    //! benchmarks ask for 300. `pixverse-sandbox --templates N`.
    int templateCount = 36;
    //! Folder where the sandbox keeps its state across restarts (see SandboxStore); empty: in
    //! memory only, gone when it stops (tests).
    QString stateDir;
};

//! The state folder the app's and the CLI's `--sandbox` share:
//! GenericDataLocation/PixVerse Studio/PixVerse Studio/sandbox.
QString defaultStateDir();
//! Empties the state kept in `dir`, so the next sandbox started on it is fresh. False (and why)
//! when a running sandbox uses it or a file cannot be removed.
bool resetState(const QString& dir, QString* error = nullptr);

//! What the sandbox has seen, for tests (`GET /sandbox/stats` returns the same as JSON).
struct SandboxStats {
    qint64 requests = 0;           //!< every HTTP request, including refused ones
    qint64 uploads = 0;            //!< images, videos and audio accepted (both families)
    qint64 mediaUploads = 0;       //!< of those, videos and audio (`/openapi/v2/media/upload`)
    qint64 generationsCreated = 0; //!< every mode (t2v, i2v, transition, extend, upscale, ...)
    qint64 replayedAnswers = 0;    //!< answers served from the trace-id cache
    qint64 mediaRequests = 0;      //!< GETs of clips
    qint64 templateListCalls = 0;  //!< `/video/effects/templates/list` calls, refused ones too
    qint64 previewRequests = 0;    //!< GETs of template previews and stills (`/media/template/`)
    int generating = 0;         //!< videos not yet final right now (5, or 10 on the web), all keys
    qint64 webLogins = 0;       //!< successful `/creative_platform/login` calls
    qint64 objectStorePuts = 0; //!< object-store PUTs accepted (signature and all)
    qint64 listCalls = 0; //!< `/creative_platform/video/list/personal` calls, refused ones included
    qint64 stalledAnswersDropped = 0; //!< stalled answers that came due after their client left
};

//! A fault the next matching requests get instead of their normal answer.
struct SandboxFault {
    enum class Kind {
        HttpStatus,     //!< `httpStatus` with an HTML body (500/502/503) or 429 + Retry-After
        ServiceError,   //!< HTTP 200 + `errCode` (e.g. 500069 high load, 500100)
        MalformedJson,  //!< HTTP 200 with a body that is not JSON
        Stall,          //!< answer after `delayMs`
        DropConnection, //!< close the socket without answering
        // The three below answer the real request first (it takes effect: a create creates), then
        // spoil what goes back, as a broken proxy or a changed service would.
        TruncateBody, //!< headers announcing the whole body, half of it, then the socket closes
        TruncateJson, //!< a complete reply whose body is the first half of the real one
        PatchResp     //!< `respPatch` merged into the envelope's `Resp` (RFC 7396: null removes)
    };
    Kind kind = Kind::HttpStatus;
    QString pathContains; //!< empty: every API path
    int count = 1;        //!< how many requests it hits; -1 forever
    int httpStatus = 500;
    qint64 errCode = 0;
    int delayMs = 0;
    int retryAfterSeconds = 1;
    QJsonObject respPatch; //!< PatchResp: e.g. {"status": 42}, {"video_id": null}, {"url": ""}
};

//! Videos put straight onto a web account, as if made earlier on the website or by another
//! client: what an app signing in finds in `video/list/personal` (`addVideos` of the control
//! route). Nothing is charged and no slot is checked.
struct SandboxAccountVideos {
    QString email; //!< a configured web account
    int count = 1;
    QString prompt =
        QStringLiteral("A video made on the website %1"); //!< `%1`: 1, 2, ... (oldest first)
    QString negativePrompt;
    QString model = QStringLiteral("v4.5");
    QString quality = QStringLiteral("540p");
    int duration = 5;
    QString aspectRatio = QStringLiteral("16:9");
    QString motionMode = QStringLiteral("normal");
    //! Made with sound: served with an audio track, has_audio in the list. Only for a model the
    //! sandbox's rules give sound (v5.5, v5.6, v6, pixverse-c1).
    bool audio = false;
    qint64 seed = -1; //!< the seed every one of them used; -1: a random one each
    //! 1, 7 or 8: finished that way (made `ageMs` ago, one second apart, the last newest);
    //! 5 or 10: still generating, made now, finishing with 1 after the configured generation time.
    int status = 1;
    qint64 ageMs = 10 * 60 * 1000;
};

class SandboxState;

//! A PixVerse-compatible HTTP server on loopback: the platform OpenAPI (§2, §4.1, §6 of
//! ../shared/pixverse-api.md) with its envelope, error codes, trace-id replay, credits and
//! concurrency; the web API (§3, §4.2: `/creative_platform/...`, one session per account) with
//! an Aliyun-OSS-like object store (`PUT /oss/<bucket>/<key>`, V1 signatures checked); sample
//! H.264 clips, with an AAC track where sound was asked; read-only stats and a control route
//! for tests.
//! Lives on the thread that created it (use SandboxHost for a thread of its own).
class SandboxServer : public QObject {
    Q_OBJECT
public:
    explicit SandboxServer(SandboxConfig config = {}, QObject* parent = nullptr);
    ~SandboxServer() override;

    //! Starts listening. False (and errorString()) when the port is taken.
    bool start();
    QString errorString() const;
    //! `http://127.0.0.1:<port>`; the OpenAPI lives under `/openapi/v2/`.
    QUrl baseUrl() const;
    quint16 port() const;
    const SandboxConfig& config() const;
    QString defaultApiKey() const;

    SandboxStats stats() const;
    //! Sandbox time runs `factor` times faster than the wall clock (tests: 50–1000).
    void setClockSpeed(double factor);
    //! Moves sandbox time forward at once.
    void advanceClock(qint64 ms);
    void injectFault(const SandboxFault& fault);
    void clearFaults();
    //! Credits of a key or web account, e.g. to make a test run out of them (a web account's
    //! daily credits become 0).
    void setCredits(const QString& apiKeyOrEmail, qint64 monthly, qint64 package);
    //! All three credit kinds of a web account (daily is spent first, then monthly, then package).
    void setCredits(const QString& email, qint64 daily, qint64 monthly, qint64 package);
    //! Ends the web account's live session: `elsewhere` → its token answers 10005 (as after a
    //! login elsewhere), else 10001 (as if it expired). No-op without a session.
    void endWebSession(const QString& email, bool elsewhere);
    //! Puts videos on a web account (see SandboxAccountVideos), sized by the model's rule (V6
    //! and C1 by the long edge); their ids, oldest first, or none when the account is not
    //! configured or the settings make no clip.
    QList<qint64> addAccountVideos(const SandboxAccountVideos& videos);
    //! Deletes a video on the service's side (§2.6), whatever its status: from now on its
    //! OpenAPI status is 6 with no URL, the web list leaves it out, its file and cover answer
    //! 404, and a video still generating frees its slot. Credits stay spent. False for an
    //! unknown id.
    bool deleteVideo(qint64 videoId);
    //! What each video was asked with, as the sandbox read it (tests: the seed sent, or none),
    //! oldest first.
    QList<GenerationRequest> createdRequests() const;

private:
    std::unique_ptr<SandboxState> m_state;
};

} // namespace pixverse::sandbox
