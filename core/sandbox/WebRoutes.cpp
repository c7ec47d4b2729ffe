#include "core/sandbox/WebRoutes.h"

#include "core/sandbox/SandboxRules.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrl>

#include <algorithm>

namespace pixverse::sandbox {

namespace {

const QString kLogin = QStringLiteral("login");
const QString kUploadToken = QStringLiteral("getUploadToken");
const QString kBatchUpload = QStringLiteral("media/batch_upload_media");
const QString kTextToVideo = QStringLiteral("video/t2v");
const QString kImageToVideo = QStringLiteral("video/i2v");
const QString kFrames = QStringLiteral("video/frames");
const QString kList = QStringLiteral("video/list/personal");
const QString kCredits = QStringLiteral("user/credits");

constexpr int kDefaultListLimit = 50;
constexpr int kMaxListLimit = 100;

HttpAnswer webError(qint64 errCode) {
    return envelope(errCode, errMessage(errCode));
}

HttpAnswer notJson() {
    return envelope(400013, QStringLiteral("The request body is not a JSON object"), {}, 400);
}

QByteArray base64Url(const QByteArray& bytes) {
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray randomBytes(int count) {
    QByteArray out(count, Qt::Uninitialized);
    for (char& c : out)
        c = static_cast<char>(QRandomGenerator::system()->bounded(256U));
    return out;
}

//! A token that looks like the service's JWT (header.payload.signature, "eyJ…"); only its
//! presence in the session table makes it valid, so the signature is random bytes.
QString newToken(qint64 accountId, const QDateTime& expires) {
    const QByteArray header = QByteArrayLiteral("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    const QByteArray payload =
        QJsonDocument(
            QJsonObject{{QStringLiteral("AccountId"), QJsonValue(accountId)},
                        {QStringLiteral("exp"), QJsonValue(expires.toSecsSinceEpoch())},
                        {QStringLiteral("jti"), QString::fromLatin1(randomBytes(12).toHex())}})
            .toJson(QJsonDocument::Compact);
    return QString::fromLatin1(base64Url(header) + '.' + base64Url(payload) + '.' +
                               base64Url(randomBytes(32)));
}

//! What the session table is keyed by: the token's SHA-256, so a kept state holds no token.
QString sessionKey(const QString& token) {
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace

WebRoutes::WebRoutes(SandboxState& state)
    : m_state(state) {}

HttpAnswer WebRoutes::route(const HttpRequest& request, const QString& endpoint) {
    static const QStringList posts{kLogin,        kUploadToken, kBatchUpload, kTextToVideo,
                                   kImageToVideo, kFrames,      kList};
    const bool post = posts.contains(endpoint);
    if (!post && endpoint != kCredits)
        return notFound();
    if (post && !request.isPost())
        return methodNotAllowed(QByteArrayLiteral("POST"));
    if (!post && !request.isGet())
        return methodNotAllowed(QByteArrayLiteral("GET"));
    if (endpoint == kList)
        ++m_state.m_stats.listCalls;
    m_state.settle();

    const QByteArray trace = request.header(QByteArrayLiteral("Ai-Trace-Id")).trimmed().toLower();
    if (endpoint == kLogin) // no token yet; never replayed (a retried login gets a fresh session)
        return isUuid(trace) ? login(request) : webError(400033);

    // The session first, then the trace id, as the OpenAPI checks its key first.
    const QString token = QString::fromLatin1(request.header(QByteArrayLiteral("Token"))).trimmed();
    if (token.isEmpty())
        return webError(10003);
    const auto session = m_sessions.find(sessionKey(token));
    if (session == m_sessions.end())
        return webError(10001);
    if (session->replaced)
        return webError(10005);
    if (m_state.m_clock.nowMs() >= session->expiresAt) {
        if (m_liveTokens.value(session->email) == session.key())
            m_liveTokens.remove(session->email);
        m_sessions.erase(session);
        return webError(10001);
    }
    if (!isUuid(trace))
        return webError(400033);
    const QString email = session->email;

    const QString cacheKey = token + QLatin1Char('\n') + QString::fromLatin1(trace);
    if (const HttpAnswer* cached = m_state.replayedAnswer(cacheKey)) {
        qCDebug(lcSandbox).noquote() << "replaying the answer of a reused trace id for" << endpoint;
        return *cached;
    }
    HttpAnswer answer;
    if (endpoint == kUploadToken)
        answer = uploadToken(email);
    else if (endpoint == kBatchUpload)
        answer = batchUploadMedia(request, email);
    else if (endpoint == kTextToVideo)
        answer = generate(request, email, GenerationMode::TextToVideo);
    else if (endpoint == kImageToVideo)
        answer = generate(request, email, GenerationMode::ImageToVideo);
    else if (endpoint == kFrames)
        answer = generate(request, email, GenerationMode::Transition);
    else if (endpoint == kList)
        answer = list(request, email);
    else
        answer = credits(email);
    // Not the upload token: its answer holds credentials, which are never written to a file.
    const bool durable = endpoint == kBatchUpload || endpoint == kTextToVideo ||
                         endpoint == kImageToVideo || endpoint == kFrames;
    m_state.rememberAnswer(cacheKey, answer, durable);
    return answer;
}

HttpAnswer WebRoutes::objectStoreRequest(const HttpRequest& request) {
    bool stored = false;
    HttpAnswer answer =
        m_store.handle(request, m_state.m_clock.nowMs(), QDateTime::currentDateTimeUtc(), &stored);
    if (stored)
        ++m_state.m_stats.objectStorePuts;
    return answer;
}

void WebRoutes::endSession(const QString& email, bool elsewhere) {
    const QString canonical = m_state.webAccountEmail(email);
    const QString token = m_liveTokens.take(canonical.isEmpty() ? email : canonical);
    if (token.isEmpty())
        return;
    if (elsewhere)
        m_sessions[token].replaced = true;
    else
        m_sessions.remove(token);
}

HttpAnswer WebRoutes::login(const HttpRequest& request) {
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject())
        return notJson();
    const QJsonObject body = doc.object();
    const QString username = body.value(QLatin1String("Username")).toString().trimmed();
    const QString password = body.value(QLatin1String("Password")).toString();
    if (username.isEmpty() || password.isEmpty())
        return envelope(400011, QStringLiteral("Username and Password are required"));
    const QString email = m_state.webAccountEmail(username);
    if (email.isEmpty())
        return webError(500200);
    bool matches = false;
    for (const auto& account : m_state.m_config.webAccounts) {
        if (account.first == email) {
            matches = account.second == password;
            break;
        }
    }
    if (!matches)
        return webError(500201);

    const SandboxState::Account& account = m_state.account(email);
    const qint64 now = m_state.m_clock.nowMs();
    QString token;
    do
        token = newToken(account.id, QDateTime::currentDateTimeUtc().addMSecs(kSessionLifetimeMs));
    while (m_sessions.contains(sessionKey(token)));
    // One live session per account: the previous token now answers 10005.
    const QString previous = m_liveTokens.value(email);
    if (!previous.isEmpty())
        m_sessions[previous].replaced = true;
    m_sessions.insert(sessionKey(token), Session{email, now + kSessionLifetimeMs, false});
    m_liveTokens.insert(email, sessionKey(token));
    ++m_state.m_stats.webLogins;
    qCDebug(lcSandbox) << "web login of account" << account.id
                       << (previous.isEmpty() ? "" : "(previous session ended)");
    return envelope(0, QStringLiteral("Success"),
                    QJsonObject{{QStringLiteral("Result"),
                                 QJsonObject{{QStringLiteral("AccountId"), QJsonValue(account.id)},
                                             {QStringLiteral("Username"),
                                              email.section(QLatin1Char('@'), 0, 0)},
                                             {QStringLiteral("Token"), token},
                                             {QStringLiteral("DeleteAt"), QString()}}}});
}

HttpAnswer WebRoutes::uploadToken(const QString& email) {
    const ObjectStore::Credentials c = m_store.issue(email, m_state.m_clock.nowMs());
    return envelope(0, QStringLiteral("Success"),
                    QJsonObject{{QStringLiteral("Ak"), QString::fromLatin1(c.accessKeyId)},
                                {QStringLiteral("Sk"), QString::fromLatin1(c.secret)},
                                {QStringLiteral("Token"), QString::fromLatin1(c.securityToken)}});
}

HttpAnswer WebRoutes::batchUploadMedia(const HttpRequest& request, const QString& email) {
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject())
        return notJson();
    const QJsonValue imagesValue = doc.object().value(QLatin1String("images"));
    if (!imagesValue.isUndefined() && !imagesValue.isNull() && !imagesValue.isArray())
        return envelope(400013, QStringLiteral("\"images\" must be an array"));
    const QJsonArray images = imagesValue.toArray();
    if (images.isEmpty())
        return envelope(400011, QStringLiteral("\"images\" is required"));

    struct Checked {
        QString path;
        qint64 bytes = 0;
        QSize size;
    };
    QList<Checked> checked;
    // Every image is checked before any is registered: one bad image refuses the whole call.
    for (const QJsonValue& value : images) {
        if (!value.isObject())
            return envelope(400013, QStringLiteral("Every entry of \"images\" must be an object"));
        const QJsonValue pathValue = value.toObject().value(QLatin1String("path"));
        if (!pathValue.isUndefined() && !pathValue.isString())
            return envelope(400013, QStringLiteral("\"path\" must be a string"));
        const QString path = pathValue.toString();
        if (path.isEmpty())
            return envelope(400011, QStringLiteral("\"path\" is required"));
        const ObjectStore::Object* object = m_store.object(path);
        if (!object || object->owner != email)
            return webError(500042);

        const QByteArray& data = object->bytes;
        if (data.size() >= m_state.m_config.maxImageBytes)
            return webError(500030);
        const QByteArray format = sniffImageFormat(data);
        if (!isAcceptedFormat(format)) {
            // Bytes that name no format under a PNG/JPEG/WebP name are an unreadable image.
            const QString lower = path.toLower();
            const bool claimed =
                lower.endsWith(QLatin1String(".png")) || lower.endsWith(QLatin1String(".jpg")) ||
                lower.endsWith(QLatin1String(".jpeg")) || lower.endsWith(QLatin1String(".webp"));
            return webError(format.isEmpty() && claimed ? 500031 : 500032);
        }
        QBuffer buffer;
        buffer.setData(data);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer, format);
        const QSize size = reader.size();
        if (size.width() < 0 || size.height() < 0)
            return webError(500031);
        const int maxSide = m_state.m_config.maxImageSide;
        // Measured on the real service: HTTP 200 + ErrCode 400 once the bytes are in the store.
        if (size.width() < 1 || size.height() < 1 || size.width() > maxSide ||
            size.height() > maxSide)
            return webError(400);
        if (reader.read().isNull())
            return webError(500031);
        checked << Checked{path, data.size(), size};
    }

    QJsonArray result;
    for (const Checked& c : checked) {
        const qint64 id = m_state.nextId(m_state.m_lastImageId);
        m_media.insert(c.path, Media{id, email, c.size});
        ++m_state.m_stats.uploads;
        const QString fileName = c.path.section(QLatin1Char('/'), -1);
        const qsizetype dot = fileName.lastIndexOf(QLatin1Char('.'));
        result << QJsonObject{
            {QStringLiteral("id"), QJsonValue(id)},
            {QStringLiteral("url"),
             m_state.mediaUrl(QStringLiteral("/media/") +
                              QString::fromLatin1(QUrl::toPercentEncoding(c.path, "/")))},
            {QStringLiteral("path"), c.path},
            {QStringLiteral("size"), QJsonValue(c.bytes)},
            {QStringLiteral("name"), dot > 0 ? fileName.left(dot) : fileName},
            {QStringLiteral("category"), 0},
            {QStringLiteral("err_msg"), QString()},
            {QStringLiteral("asset_id"), 0},
            {QStringLiteral("asset_type"), 0},
            {QStringLiteral("width"), c.size.width()},
            {QStringLiteral("height"), c.size.height()},
        };
        qCDebug(lcSandbox) << "web image" << id << "registered:" << c.size;
    }
    return envelope(0, QStringLiteral("Success"), QJsonObject{{QStringLiteral("result"), result}});
}

HttpAnswer WebRoutes::generate(const HttpRequest& request, const QString& email,
                               GenerationMode mode) {
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject())
        return notJson();
    QJsonObject body = doc.object();
    const bool imageToVideo = mode == GenerationMode::ImageToVideo;
    const bool frames = mode == GenerationMode::Transition;
    QStringList framePaths;
    QStringList frameUrls;
    if (frames) {
        const auto framed = framesBody(body, &framePaths, &frameUrls);
        if (const auto* refusal = std::get_if<HttpAnswer>(&framed))
            return *refusal;
        body = std::get<QJsonObject>(framed);
    }

    // 1. Types (400013) and required fields (400011; the web t2v insists on aspect_ratio, §3.3).
    auto read = m_state.m_rules.readBody(body, ApiFamily::Web, mode);
    if (const auto* refusal = std::get_if<Refusal>(&read))
        return envelope(refusal->errCode, refusal->message);
    GenerationRequest& r = std::get<GenerationRequest>(read);

    // 2. What the sandbox does not make: effect templates, several videos per call.
    if (hasValue(body, "template_id") && exactInteger(body.value(u"template_id")).value_or(0) != 0)
        return webError(500070);
    if (hasValue(body, "create_count") &&
        exactInteger(body.value(u"create_count")).value_or(0) != 1)
        return envelope(
            400017, QStringLiteral("The sandbox makes one video per call: create_count must be 1"));

    // 3. The image (both frames) was registered by this account.
    const Media* media = nullptr;
    if (imageToVideo || frames) {
        media = ownMedia(body.value(u"customer_img_path").toString(), email);
        if (!media || (frames && !ownMedia(framePaths.value(1), email)))
            return webError(500042);
    }
    if (frames) {
        r.images = {
            {RequestImage::Role::FirstFrame, QStringLiteral("sandbox:") + framePaths.at(0), {}},
            {RequestImage::Role::LastFrame, QStringLiteral("sandbox:") + framePaths.at(1), {}}};
    }

    // 4. The parameter rules and the price, for the web family.
    const auto verdict = m_state.judge(r, ApiFamily::Web, media ? media->size : QSize());
    if (const auto* refusal = std::get_if<HttpAnswer>(&verdict))
        return *refusal;
    const auto [cost, size] = std::get<SandboxState::Accepted>(verdict);

    // 5. Credits (web: 500043), then the account's concurrency limit.
    SandboxState::Account& acc = m_state.account(email);
    if (acc.daily + acc.monthly + acc.package < cost)
        return webError(500043);
    if (m_state.generatingCount(email) >= m_state.m_config.concurrencyLimit)
        return webError(500044);

    SandboxState::Video video;
    video.id = m_state.nextId(m_state.m_lastVideoId);
    video.owner = email;
    video.web = true;
    video.request = r;
    video.imageUrl =
        imageToVideo || frames ? body.value(u"customer_img_url").toString() : QString();
    video.seed = r.seed ? *r.seed : static_cast<qint64>(m_state.m_rng.bounded(2147483647U));
    video.size = size;
    video.createdAt = m_state.m_clock.nowMs();
    video.finishAt = video.createdAt + m_state.m_config.generationMs;
    video.outcome = m_state.drawOutcome(r.prompt);
    video.hasAudio = r.audio;
    // Daily credits first, then monthly, then package.
    video.chargedDaily = std::clamp<qint64>(acc.daily, 0, cost);
    video.chargedMonthly = std::clamp<qint64>(acc.monthly, 0, cost - video.chargedDaily);
    video.chargedPackage = cost - video.chargedDaily - video.chargedMonthly;
    acc.daily -= video.chargedDaily;
    acc.monthly -= video.chargedMonthly;
    acc.package -= video.chargedPackage;
    video.cost = cost;
    m_state.m_videos.insert(video.id, video);
    ++m_state.m_stats.generationsCreated;
    qCDebug(lcSandbox) << "web video" << video.id << "created:" << r.model << r.quality
                       << r.aspectRatio << r.duration << "s, ends in status" << video.outcome;
    return envelope(0, QStringLiteral("Success"),
                    QJsonObject{{QStringLiteral("video_id"), QJsonValue(video.id)}});
}

const WebRoutes::Media* WebRoutes::ownMedia(const QString& path, const QString& email) const {
    const auto found = m_media.constFind(path);
    return found == m_media.cend() || found->owner != email ? nullptr : &*found;
}

std::variant<HttpAnswer, QJsonObject> WebRoutes::framesBody(QJsonObject body, QStringList* paths,
                                                            QStringList* urls) const {
    // The two frames, as path and URL (§3.11): two strings each.
    for (const char* name : {"customer_img_paths", "customer_img_urls"}) {
        const QJsonValue value = body.value(QLatin1String(name));
        if (value.isUndefined() || value.isNull())
            return envelope(400011, QStringLiteral("\"%1\" is required").arg(QLatin1String(name)));
        QStringList& out = QByteArrayView(name) == "customer_img_paths" ? *paths : *urls;
        for (const QJsonValue& item : value.toArray()) {
            if (!item.isString())
                return envelope(
                    400013,
                    QStringLiteral("\"%1\" must be an array of strings").arg(QLatin1String(name)));
            out << item.toString();
        }
        if (!value.isArray())
            return envelope(400013,
                            QStringLiteral("\"%1\" must be an array").arg(QLatin1String(name)));
        if (out.size() != 2)
            return envelope(400017, QStringLiteral("\"%1\" must hold the first and the last frame")
                                        .arg(QLatin1String(name)));
    }
    // prompts[] and durations[] repeat prompt and duration, one entry per segment: one here.
    const QJsonValue prompts = body.value(u"prompts");
    if (!prompts.isUndefined() && !prompts.isNull() &&
        (!prompts.isArray() || prompts.toArray().size() != 1 ||
         prompts.toArray().at(0) != body.value(u"prompt")))
        return envelope(400017, QStringLiteral("\"prompts\" must repeat the prompt once"));
    const QJsonValue durations = body.value(u"durations");
    if (!durations.isUndefined() && !durations.isNull() &&
        (!durations.isArray() || durations.toArray().size() != 1 ||
         durations.toArray().at(0) != body.value(u"duration")))
        return envelope(400017, QStringLiteral("\"durations\" must repeat the duration once"));
    // audio, preview_mode and off_peak: value types not recorded (§3.11, uncertain), so 0/1 and
    // booleans are both taken. audio becomes the boolean switch the rules read.
    for (const char* name : {"audio", "preview_mode", "off_peak"}) {
        const QJsonValue value = body.value(QLatin1String(name));
        if (value.isUndefined() || value.isNull() || value.isBool())
            continue;
        const auto n = exactInteger(value);
        if (!isIntegral(value) || !n || (*n != 0 && *n != 1))
            return envelope(
                400013,
                QStringLiteral("\"%1\" must be 0, 1, true or false").arg(QLatin1String(name)));
        body.insert(QLatin1String(name), *n == 1);
    }
    if (body.contains(QLatin1String("model_name_default")) &&
        !body.value(u"model_name_default").isString())
        return envelope(400013, QStringLiteral("\"model_name_default\" must be a string"));
    body.insert(QStringLiteral("customer_img_path"), paths->at(0));
    body.insert(QStringLiteral("customer_img_url"), urls->at(0));
    return body;
}

HttpAnswer WebRoutes::list(const HttpRequest& request, const QString& email) {
    QJsonObject body;
    if (!request.body.trimmed().isEmpty()) {
        const QJsonDocument doc = QJsonDocument::fromJson(request.body);
        if (!doc.isObject())
            return notJson();
        body = doc.object();
    }
    auto number = [&body](const char* name) -> std::optional<qint64> {
        const QJsonValue v = body.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull())
            return 0;
        const auto n = exactInteger(v);
        if (!n || *n < 0)
            return std::nullopt;
        return n;
    };
    const auto offset = number("offset");
    const auto webOffset = number("web_offset");
    const auto limit = number("limit");
    if (!offset || !webOffset || !limit)
        return envelope(
            400013,
            QStringLiteral("offset, web_offset and limit must be whole numbers, 0 or more"));
    // The site pages with web_offset; older clients with offset. web_offset wins when given.
    const qint64 start = *webOffset > 0 ? *webOffset : *offset;
    const qint64 count = *limit == 0 ? kDefaultListLimit : std::min<qint64>(*limit, kMaxListLimit);

    // A deleted video (status 6, which the web has no code for, §3.7) is gone from the list, as
    // a video the creator deleted on the website is.
    QList<const SandboxState::Video*> own;
    for (const SandboxState::Video& v : std::as_const(m_state.m_videos)) {
        if (v.web && v.owner == email && m_state.status(v) != 6)
            own << &v;
    }
    std::sort(own.begin(), own.end(),
              [](const SandboxState::Video* a, const SandboxState::Video* b) {
                  return a->createdAt != b->createdAt ? a->createdAt > b->createdAt : a->id > b->id;
              });
    QJsonArray data;
    for (qint64 i = start; i < own.size() && i < start + count; ++i)
        data << listItem(*own.at(i));
    const qint64 next = start + data.size();
    return envelope(0, QStringLiteral("Success"),
                    QJsonObject{{QStringLiteral("data"), data},
                                {QStringLiteral("web_has_more"), next < own.size()},
                                {QStringLiteral("web_next_offset"), QJsonValue(next)}});
}

QJsonObject WebRoutes::listItem(const SandboxState::Video& v) const {
    const int st = m_state.status(v);
    qint64 queueSeconds = 0;
    int queueCount = 0;
    if (st == 5) {
        const qint64 now = m_state.m_clock.nowMs();
        const qint64 waitEnd = v.createdAt + (v.finishAt - v.createdAt) / 5;
        queueSeconds = (waitEnd - now + 999) / 1000;
        for (const SandboxState::Video& other : m_state.m_videos) {
            if (other.web && other.id != v.id && m_state.status(other) == 5 &&
                (other.createdAt < v.createdAt ||
                 (other.createdAt == v.createdAt && other.id < v.id)))
                ++queueCount;
        }
    }
    const GenerationRequest& r = v.request;
    // The url comes at once, as on the real service; the file answers 404 until status 1.
    return QJsonObject{
        {QStringLiteral("video_id"), QJsonValue(v.id)},
        {QStringLiteral("video_status"), st},
        {QStringLiteral("url"), m_state.mediaUrl(QStringLiteral("/media/video/%1.mp4").arg(v.id))},
        {QStringLiteral("first_frame"),
         m_state.mediaUrl(QStringLiteral("/media/video/%1.png").arg(v.id))},
        {QStringLiteral("prompt"), r.prompt},
        {QStringLiteral("negative_prompt"), r.negativePrompt},
        {QStringLiteral("model"), r.model},
        {QStringLiteral("quality"), r.quality},
        {QStringLiteral("motion_mode"),
         r.motionMode.isEmpty() ? QStringLiteral("normal") : r.motionMode},
        {QStringLiteral("seed"), QJsonValue(v.seed)},
        {QStringLiteral("duration"), r.duration},
        {QStringLiteral("aspect_ratio"), r.aspectRatio},
        {QStringLiteral("output_width"), v.size.width()},
        {QStringLiteral("output_height"), v.size.height()},
        {QStringLiteral("created_at"), m_state.isoTime(v.createdAt)},
        {QStringLiteral("img_id"), 0},
        {QStringLiteral("img_url"), v.imageUrl},
        {QStringLiteral("template_id"), 0},
        {QStringLiteral("style"), r.style},
        {QStringLiteral("camera_movement"), r.cameraMovement},
        // As on the OpenAPI (§2.4): whether the MP4 has sound, and what it cost.
        {QStringLiteral("has_audio"), v.hasAudio},
        {QStringLiteral("credits"), QJsonValue(SandboxState::credits(v))},
        {QStringLiteral("queue_data"),
         QJsonObject{{QStringLiteral("queue_time"), QJsonValue(queueSeconds)},
                     {QStringLiteral("queue_count"), queueCount}}},
    };
}

HttpAnswer WebRoutes::credits(const QString& email) {
    const SandboxState::Account& acc = m_state.account(email);
    return envelope(0, QStringLiteral("Success"),
                    QJsonObject{{QStringLiteral("credit_daily"), QJsonValue(acc.daily)},
                                {QStringLiteral("credit_monthly"), QJsonValue(acc.monthly)},
                                {QStringLiteral("credit_package"), QJsonValue(acc.package)}});
}

} // namespace pixverse::sandbox
