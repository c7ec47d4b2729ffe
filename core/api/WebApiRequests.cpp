#include "core/api/WebApiRequests.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

#include <algorithm>

namespace pixverse::web {

namespace {

QString endpointPath(const char* endpoint) {
    return QLatin1String(kPrefix) + QLatin1String(endpoint);
}

//! First of several spellings that is present.
QJsonValue firstOf(const QJsonObject& object, std::initializer_list<const char16_t*> keys) {
    for (const char16_t* key : keys) {
        const QJsonValue value = object.value(QStringView(key));
        if (!value.isUndefined() && !value.isNull())
            return value;
    }
    return {};
}

} // namespace

QList<QPair<QByteArray, QByteArray>> defaultHeaders() {
    return {{"X-Platform", "Web"},
            {"Refresh", "credit"},
            {"Origin", "https://app.pixverse.ai"},
            {"Referer", "https://app.pixverse.ai/"}};
}

LoginRequest::LoginRequest(const QString& email, const QString& password) {
    path = endpointPath("login");
    logName = QStringLiteral("login");
    setJsonBody({{QStringLiteral("Username"), email}, {QStringLiteral("Password"), password}});
}

Result<LoginResult> LoginRequest::parse(const QJsonValue& resp) {
    // Resp.Result.Token (capitalised) per the captures; accept lower-case spellings too.
    const QJsonObject outer = resp.toObject();
    const QJsonObject result = firstOf(outer, {u"Result", u"result"}).toObject();
    const QJsonObject& source = result.isEmpty() ? outer : result;
    LoginResult login;
    login.token = json::toString(firstOf(source, {u"Token", u"token"}));
    if (login.token.isEmpty())
        return malformedReply<LoginResult>("login: no token");
    login.accountId = json::toId(firstOf(source, {u"AccountId", u"account_id"})).value_or(0);
    login.username = json::toString(firstOf(source, {u"Username", u"username"}));
    return Result<LoginResult>::success(login);
}

UploadTokenRequest::UploadTokenRequest() {
    path = endpointPath("getUploadToken");
    logName = QStringLiteral("upload-token");
    setJsonBody({});
}

Result<UploadToken> UploadTokenRequest::parse(const QJsonValue& resp) {
    const QJsonObject object = resp.toObject();
    UploadToken token;
    token.accessKeyId = json::toString(firstOf(object, {u"Ak", u"ak", u"AccessKeyId"}));
    token.accessKeySecret = json::toString(firstOf(object, {u"Sk", u"sk", u"AccessKeySecret"}));
    token.securityToken = json::toString(firstOf(object, {u"Token", u"token", u"SecurityToken"}));
    if (token.accessKeyId.isEmpty() || token.accessKeySecret.isEmpty() ||
        token.securityToken.isEmpty())
        return malformedReply<UploadToken>("getUploadToken: incomplete credentials");
    return Result<UploadToken>::success(token);
}

RegisterUploadRequest::RegisterUploadRequest(const QString& objectKey, qint64 size,
                                             const QString& originalFileName) {
    path = endpointPath("media/batch_upload_media");
    logName = QStringLiteral("register-upload");
    const QString name = objectKey.mid(objectKey.lastIndexOf(u'/') + 1);
    const QJsonObject image{{QStringLiteral("name"), name},
                            {QStringLiteral("size"), size},
                            {QStringLiteral("path"), objectKey},
                            {QStringLiteral("file_name"), originalFileName}};
    setJsonBody({{QStringLiteral("images"), QJsonArray{image}}});
}

Result<UploadedImage> RegisterUploadRequest::parse(const QJsonValue& resp) {
    const QJsonArray results =
        firstOf(resp.toObject(), {u"result", u"Result", u"images"}).toArray();
    if (results.isEmpty())
        return malformedReply<UploadedImage>("batch_upload_media: no result");
    const QJsonObject first = results.first().toObject();
    // A per-item error can come inside a successful envelope.
    if (const QString itemError = first.value(u"err_msg").toString(); !itemError.isEmpty())
        return Result<UploadedImage>::failure(ApiError::service(400, itemError));
    UploadedImage image;
    image.imageId = json::toId(first.value(u"id")).value_or(0);
    image.url = json::toString(first.value(u"url"));
    image.path = json::toString(first.value(u"path"));
    image.width = static_cast<int>(json::toInt(first.value(u"width")).value_or(0));
    image.height = static_cast<int>(json::toInt(first.value(u"height")).value_or(0));
    if (image.url.isEmpty() || image.path.isEmpty())
        return malformedReply<UploadedImage>("batch_upload_media: no url or path");
    return Result<UploadedImage>::success(image);
}

QJsonObject generationBody(const GenerationRequest& request, const ModelSpec* spec) {
    const ApiFamily family = ApiFamily::Web;
    QJsonObject body{
        {QStringLiteral("prompt"), request.prompt},
        {QStringLiteral("negative_prompt"), request.negativePrompt},
        {QStringLiteral("model"), spec ? spec->serviceId(family) : request.model},
        {QStringLiteral("duration"), request.duration},
        {QStringLiteral("quality"), request.quality},
        {QStringLiteral("lip_sync_tts_speaker_id"), QStringLiteral("Auto")},
        {QStringLiteral("create_count"), 1},
    };
    if (spec ? !spec->motionModes.isEmpty() : !request.motionMode.isEmpty())
        body.insert(u"motion_mode",
                    request.motionMode.isEmpty() ? QStringLiteral("normal") : request.motionMode);
    if (request.seed)
        body.insert(u"seed", *request.seed);
    if (!request.style.isEmpty() && (!spec || spec->takesStyle()))
        body.insert(u"style", request.style);
    if (!request.cameraMovement.isEmpty() && (!spec || spec->cameraMovement))
        body.insert(u"camera_movement", request.cameraMovement);
    // The site's switches are 0/1 (§3.3, §3.4); sent explicitly where the model has them.
    auto has = [spec, family](const char* id, bool on) {
        return spec ? spec->hasSwitch(QLatin1String(id), family) : on;
    };
    if (has("offPeak", request.offPeak))
        body.insert(u"off_peak", request.offPeak ? 1 : 0);
    if (has("multiClip", request.multiClip))
        body.insert(u"multi_shot", request.multiClip ? 1 : 0);
    // The t2v/i2v name of the sound switch is not captured (§3.3, uncertain; /video/frames calls
    // it `audio`): the OpenAPI's name, as a boolean, which the sandbox reads on both families.
    if (has("audio", request.audio))
        body.insert(u"generate_audio_switch", request.audio);
    return body;
}

TextToVideoRequest::TextToVideoRequest(const GenerationRequest& request, const ModelSpec* spec,
                                       const QString& trace) {
    path = endpointPath("video/t2v");
    logName = QStringLiteral("web-text-to-video");
    QJsonObject body = generationBody(request, spec);
    body.insert(u"aspect_ratio", request.aspectRatio); // required on the web (§3.3)
    setJsonBody(body);
    sameTraceIdOnRetry = true;
    traceId = trace;
}

Result<CreatedVideo> TextToVideoRequest::parse(const QJsonValue& resp) {
    const QJsonObject object = resp.toObject();
    std::optional<qint64> id = json::toId(object.value(u"video_id"));
    if (!id) {
        const QJsonArray ids = object.value(u"video_ids").toArray();
        if (!ids.isEmpty())
            id = json::toId(ids.first());
    }
    if (!id || *id <= 0)
        return malformedReply<CreatedVideo>("web generate: no video_id");
    CreatedVideo video;
    video.videoId = *id;
    if (const auto credits =
            json::toInt(firstOf(object, {u"credit", u"credits", u"credit_change"})))
        video.credits = static_cast<int>(*credits);
    return Result<CreatedVideo>::success(video);
}

ImageToVideoRequest::ImageToVideoRequest(const GenerationRequest& request, const ModelSpec* spec,
                                         const UploadedImage& image, const QString& trace) {
    path = endpointPath("video/i2v");
    logName = QStringLiteral("web-image-to-video");
    QJsonObject body = generationBody(request, spec);
    // The URL exactly as batch_upload_media returned it (§3.4: the slash encoding is disputed).
    body.insert(u"customer_img_path", image.path);
    body.insert(u"customer_img_url", image.url);
    setJsonBody(body);
    sameTraceIdOnRetry = true;
    traceId = trace;
}

TransitionRequest::TransitionRequest(const GenerationRequest& request, const ModelSpec* spec,
                                     const UploadedImage& first, const UploadedImage& last,
                                     const QString& trace) {
    path = endpointPath("video/frames");
    logName = QStringLiteral("web-transition");
    QJsonObject body{
        {QStringLiteral("customer_img_paths"), QJsonArray{first.path, last.path}},
        {QStringLiteral("customer_img_urls"), QJsonArray{first.url, last.url}},
        {QStringLiteral("prompt"), request.prompt},
        {QStringLiteral("prompts"), QJsonArray{request.prompt}},
        {QStringLiteral("duration"), request.duration},
        {QStringLiteral("durations"), QJsonArray{request.duration}},
        {QStringLiteral("model"), spec ? spec->serviceId(ApiFamily::Web) : request.model},
        {QStringLiteral("model_name_default"), spec ? spec->label : request.model},
        {QStringLiteral("quality"), request.quality},
        {QStringLiteral("create_count"), 1},
        {QStringLiteral("audio"), request.audio ? 1 : 0},
        {QStringLiteral("preview_mode"), 0},
        {QStringLiteral("off_peak"), request.offPeak ? 1 : 0},
    };
    if (request.seed)
        body.insert(u"seed", *request.seed);
    setJsonBody(body);
    sameTraceIdOnRetry = true;
    traceId = trace;
}

PersonalVideosRequest::PersonalVideosRequest(int offset, int limit) {
    path = endpointPath("video/list/personal");
    logName = QStringLiteral("web-video-list");
    timeoutMs = 20000;
    setJsonBody({{QStringLiteral("offset"), offset},
                 {QStringLiteral("limit"), limit},
                 {QStringLiteral("polling"), true},
                 {QStringLiteral("filter"), QJsonObject{{QStringLiteral("off_peak"), 0}}},
                 {QStringLiteral("web_offset"), offset},
                 {QStringLiteral("app_offset"), 0}});
}

VideoState PersonalVideosRequest::stateFor(int videoStatus) {
    // The official CLI's table (§3.7): done 1; keep polling 5, 9, 10; failed 7, 8.
    switch (videoStatus) {
    case 1:
        return VideoState::Succeeded;
    case 5:
    case 9:
    case 10:
        return VideoState::Pending;
    case 7:
        return VideoState::Moderated;
    case 8:
        return VideoState::Failed;
    default:
        return VideoState::Unknown;
    }
}

QDateTime PersonalVideosRequest::parseTime(const QJsonValue& value) {
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!time.isValid()) // "2025-06-01 10:00:00", as some captures show it
            time = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (time.isValid()) {
            if (time.timeSpec() == Qt::LocalTime) // no zone given: the service speaks UTC
                time.setTimeSpec(Qt::UTC);
            return time.toUTC();
        }
    }
    const std::optional<qint64> number = json::toInt(value);
    if (!number || *number <= 0 || value.isBool())
        return {};
    // Seconds until the year 5138; anything larger is milliseconds.
    const qint64 ms = *number < 100000000000LL ? *number * 1000 : *number;
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

Result<VideoPage> PersonalVideosRequest::parse(const QJsonValue& resp) {
    const QJsonObject object = resp.toObject();
    const QJsonValue data = firstOf(object, {u"data", u"list"});
    if (!data.isArray())
        return malformedReply<VideoPage>("video/list/personal: no data");
    VideoPage page;
    for (const QJsonValue& item : data.toArray()) {
        const QJsonObject video = item.toObject();
        const auto id = json::toId(firstOf(video, {u"video_id", u"id"}));
        const auto status = json::toInt(firstOf(video, {u"video_status", u"status"}));
        if (!id || !status)
            continue; // one odd item must not hide the others
        RemoteVideo remote;
        VideoStatus& s = remote.status;
        s.videoId = *id;
        s.rawStatus = static_cast<int>(*status);
        s.state = stateFor(s.rawStatus);
        // The web returns a url at once, before the file exists: only trust it once done.
        if (s.state == VideoState::Succeeded)
            s.url = json::toString(firstOf(video, {u"url", u"video_url"}));
        s.coverUrl = json::toString(firstOf(video, {u"first_frame", u"cover_url"}));
        s.width = static_cast<int>(
            json::toInt(firstOf(video, {u"output_width", u"outputWidth"})).value_or(0));
        s.height = static_cast<int>(
            json::toInt(firstOf(video, {u"output_height", u"outputHeight"})).value_or(0));
        if (const auto seed = json::toId(video.value(u"seed")))
            s.seed = *seed;
        s.hasAudio = json::toBool(video.value(u"has_audio"));
        // How it was made: read tolerantly, anything missing or odd stays empty.
        remote.prompt = json::toString(video.value(u"prompt"));
        remote.negativePrompt =
            json::toString(firstOf(video, {u"negative_prompt", u"negativePrompt"}));
        remote.model = json::toString(firstOf(video, {u"model", u"model_version"}));
        remote.quality = json::toString(video.value(u"quality"));
        remote.aspectRatio = json::toString(firstOf(video, {u"aspect_ratio", u"aspectRatio"}));
        remote.motionMode = json::toString(firstOf(video, {u"motion_mode", u"motionMode"}));
        remote.style = json::toString(video.value(u"style"));
        remote.cameraMovement =
            json::toString(firstOf(video, {u"camera_movement", u"cameraMovement"}));
        const auto duration = json::toInt(video.value(u"duration"));
        remote.duration =
            duration && *duration > 0 && *duration < 3600 ? static_cast<int>(*duration) : 0;
        remote.createdAt = parseTime(firstOf(video, {u"created_at", u"create_time", u"createdAt"}));
        remote.imageUrl = json::toString(firstOf(video, {u"img_url", u"customer_img_url"}));
        page.videos.append(remote);
    }
    page.hasMore = firstOf(object, {u"web_has_more", u"has_more"}).toBool();
    page.nextOffset = static_cast<int>(
        json::toInt(firstOf(object, {u"web_next_offset", u"next_offset"})).value_or(0));
    return Result<VideoPage>::success(page);
}

CreditsRequest::CreditsRequest() {
    verb = Verb::Get;
    path = endpointPath("user/credits");
    logName = QStringLiteral("web-credits");
    timeoutMs = 20000;
}

Result<Balance> CreditsRequest::parse(const QJsonValue& resp) {
    if (const std::optional<Balance> balance = json::toBalance(resp))
        return Result<Balance>::success(*balance);
    return malformedReply<Balance>("user/credits: no credits");
}

namespace {

//! A flag as captures spell it: true, a non-zero number, or such a number as text.
bool flagOn(const QJsonValue& value) {
    if (value.isBool())
        return value.toBool();
    if (value.isDouble())
        return value.toDouble() != 0;
    if (value.isString()) {
        bool ok = false;
        const double n = value.toString().toDouble(&ok);
        return ok ? n != 0
                  : value.toString().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    }
    return false;
}

} // namespace

PromotionRequest::PromotionRequest() {
    verb = Verb::Get;
    path = endpointPath("user/credits");
    logName = QStringLiteral("web-promotion");
    timeoutMs = 20000;
}

Result<bool> PromotionRequest::parse(const QJsonValue& value) {
    if (!value.isObject())
        return malformedReply<bool>("user/credits: no object");
    const QJsonObject resp = value.toObject();
    const QJsonValue discounts = resp.value(u"promotion_discounts");
    const bool listed = (discounts.isArray() && !discounts.toArray().isEmpty()) ||
                        (discounts.isObject() && !discounts.toObject().isEmpty()) ||
                        flagOn(discounts);
    const bool on =
        listed || flagOn(resp.value(u"is_v6_discount")) ||
        flagOn(resp.value(u"marketing_hub_discount_info").toObject().value(u"promotion_mode")) ||
        flagOn(resp.value(u"enhance_promotion_info").toObject().value(u"enhance_promotion_mode"));
    return Result<bool>::success(on);
}

PricingFormulasRequest::PricingFormulasRequest() {
    verb = Verb::Post;
    path = endpointPath("pricing/formulas");
    logName = QStringLiteral("web-price-formulas");
    timeoutMs = 30000; // ~117 KB on the real service
}

namespace oss {

QUrl defaultEndpoint() {
    return QUrl(QStringLiteral("https://oss-accelerate.aliyuncs.com"));
}

QByteArray httpDate(const QDateTime& utc) {
    // Locale-independent on purpose: OSS compares the exact English form.
    static const char* const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime t = utc.toUTC();
    const QDate d = t.date();
    const QTime h = t.time();
    return QByteArray(days[d.dayOfWeek() - 1]) + ", " +
           QByteArray::number(d.day()).rightJustified(2, '0') + ' ' + months[d.month() - 1] + ' ' +
           QByteArray::number(d.year()) + ' ' +
           QByteArray::number(h.hour()).rightJustified(2, '0') + ':' +
           QByteArray::number(h.minute()).rightJustified(2, '0') + ':' +
           QByteArray::number(h.second()).rightJustified(2, '0') + " GMT";
}

QByteArray signature(const QByteArray& accessKeySecret, const QByteArray& verb,
                     const QByteArray& contentMd5, const QByteArray& contentType,
                     const QByteArray& date, const QList<QPair<QByteArray, QByteArray>>& ossHeaders,
                     const QString& bucket, const QString& key) {
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const auto& [name, value] : ossHeaders) {
        const QByteArray lower = name.toLower().trimmed();
        if (lower.startsWith("x-oss-"))
            headers.append({lower, value.trimmed()});
    }
    std::sort(headers.begin(), headers.end());
    QByteArray toSign = verb + '\n' + contentMd5 + '\n' + contentType + '\n' + date + '\n';
    for (const auto& [name, value] : std::as_const(headers))
        toSign += name + ':' + value + '\n';
    toSign += '/' + bucket.toUtf8() + '/' + key.toUtf8();
    return QMessageAuthenticationCode::hash(toSign, accessKeySecret, QCryptographicHash::Sha1)
        .toBase64();
}

QUrl objectUrl(const QUrl& endpoint, const QString& bucket, const QString& key) {
    QUrl url = endpoint;
    QString basePath = url.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    if (ApiClient::isLoopback(endpoint)) {
        url.setPath(basePath + u'/' + bucket + u'/' + key);
    } else {
        url.setHost(bucket + u'.' + endpoint.host());
        url.setPath(basePath + u'/' + key);
    }
    return url;
}

PutObjectRequest::PutObjectRequest(const QUrl& endpoint, const UploadToken& credentials,
                                   const Object& object, const QDateTime& now) {
    const QString bucket = QLatin1String(kBucket);
    verb = Verb::Put;
    url = objectUrl(endpoint, bucket, object.key);
    logName = QStringLiteral("object-store upload");
    bodyFile = object.filePath;
    contentType = object.contentType;
    envelope = false;
    const QByteArray date = httpDate(now);
    const QList<QPair<QByteArray, QByteArray>> ossHeaders{
        {"x-oss-security-token", credentials.securityToken.toUtf8()}};
    const QByteArray signed_ =
        signature(credentials.accessKeySecret.toUtf8(), "PUT", object.contentMd5,
                  object.contentType, date, ossHeaders, bucket, object.key);
    headers = ossHeaders;
    headers.append({"Date", date});
    headers.append({"Content-MD5", object.contentMd5});
    headers.append({"Authorization", "OSS " + credentials.accessKeyId.toUtf8() + ':' + signed_});
}

QString PutObjectRequest::readErrorCode(const QByteArray& body) {
    static const QRegularExpression code(QStringLiteral("<Code>([^<]+)</Code>"));
    const QRegularExpressionMatch match = code.match(QString::fromUtf8(body));
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace oss

} // namespace pixverse::web
