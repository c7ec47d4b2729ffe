#include "core/api/OpenApiRequests.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace pixverse::openapi {

namespace {

QString endpointPath(const char* endpoint) {
    return QLatin1String(kPrefix) + QLatin1String(endpoint);
}

//! The credits an answer says were charged: `credits` (API export, ComfyUI) or `credit` (the
//! mimic guide) (§2.2).
std::optional<int> chargedCredits(const QJsonObject& object) {
    for (const auto key : {u"credits", u"credit"}) {
        if (const auto credits = json::toInt(object.value(key)))
            return static_cast<int>(*credits);
    }
    return std::nullopt;
}

} // namespace

UploadImageRequest::UploadImageRequest(const QString& filePath, const QString& fileName,
                                       const QByteArray& mimeType) {
    verb = Verb::Post;
    path = endpointPath("image/upload");
    logName = QStringLiteral("upload-image");
    filePart = FilePart{"image", filePath, fileName, mimeType};
}

Result<UploadedImage> UploadImageRequest::parse(const QJsonValue& resp) {
    const QJsonObject object = resp.toObject();
    const auto id = json::toId(object.value(u"img_id"));
    if (!id || *id <= 0)
        return malformedReply<UploadedImage>("image/upload: no img_id");
    UploadedImage image;
    image.imageId = *id;
    image.url = json::toString(object.value(u"img_url"));
    return Result<UploadedImage>::success(image);
}

QJsonObject generationBody(const GenerationRequest& request, const ModelSpec* spec) {
    const ApiFamily family = ApiFamily::OpenApi;
    QJsonObject body{
        {QStringLiteral("prompt"), request.prompt},
        {QStringLiteral("model"), spec ? spec->serviceId(family) : request.model},
        {QStringLiteral("duration"), request.duration},
        {QStringLiteral("quality"), request.quality},
    };
    if (!request.negativePrompt.isEmpty())
        body.insert(u"negative_prompt", request.negativePrompt);
    if (request.seed)
        body.insert(u"seed", *request.seed);
    // water_mark, camera_movement and multi-clip are fields of text- and image-to-video only
    // (and of the effects sent through them); transition and extend document none (§2.13, §2.14).
    const bool clipMode = request.mode == GenerationMode::TextToVideo ||
                          request.mode == GenerationMode::ImageToVideo ||
                          request.mode == GenerationMode::Effect;
    const QString motion =
        request.motionMode.isEmpty() ? QStringLiteral("normal") : request.motionMode;
    if (spec ? !spec->motionModes.isEmpty() : !request.motionMode.isEmpty())
        body.insert(u"motion_mode", motion);
    if (clipMode && spec && spec->waterMark)
        body.insert(u"water_mark", false);
    if (!request.style.isEmpty() && (!spec || spec->takesStyle()))
        body.insert(u"style", request.style);
    if (clipMode && !request.cameraMovement.isEmpty() && (!spec || spec->cameraMovement))
        body.insert(u"camera_movement", request.cameraMovement);
    // Sent explicitly where the model has sound: off must not depend on a server default (§2.2).
    if (spec ? spec->hasSwitch(QStringLiteral("audio"), family) : request.audio)
        body.insert(u"generate_audio_switch", request.audio);
    if (clipMode &&
        (spec ? spec->hasSwitch(QStringLiteral("multiClip"), family) : request.multiClip))
        body.insert(u"generate_multi_clip_switch", request.multiClip);
    return body;
}

TextToVideoRequest::TextToVideoRequest(const GenerationRequest& request, const ModelSpec* spec,
                                       const QString& trace) {
    path = endpointPath("video/text/generate");
    logName = QStringLiteral("text-to-video");
    QJsonObject json = generationBody(request, spec);
    json.insert(u"aspect_ratio", request.aspectRatio);
    setJsonBody(json);
    sameTraceIdOnRetry = true;
    traceId = trace;
}

Result<CreatedVideo> TextToVideoRequest::parse(const QJsonValue& resp) {
    const QJsonObject object = resp.toObject();
    const auto id = json::toId(object.value(u"video_id"));
    if (!id || *id <= 0)
        return malformedReply<CreatedVideo>("generate: no video_id");
    CreatedVideo video;
    video.videoId = *id;
    video.credits = chargedCredits(object);
    return Result<CreatedVideo>::success(video);
}

ImageToVideoRequest::ImageToVideoRequest(const GenerationRequest& request, const ModelSpec* spec,
                                         qint64 imageId, const QString& trace) {
    path = endpointPath("video/img/generate");
    logName = QStringLiteral("image-to-video");
    QJsonObject json = generationBody(request, spec);
    json.insert(u"img_id", imageId);
    setJsonBody(json);
    sameTraceIdOnRetry = true;
    traceId = trace;
}

VideoResultRequest::VideoResultRequest(qint64 videoId) {
    verb = Verb::Get;
    path = endpointPath("video/result/") + QString::number(videoId);
    logName = QStringLiteral("video-result");
    timeoutMs = 20000;
}

VideoState VideoResultRequest::stateFor(int status) {
    switch (status) {
    case 1:
        return VideoState::Succeeded;
    case 5:
        return VideoState::Pending;
    case 6:
        return VideoState::Deleted;
    case 7:
        return VideoState::Moderated;
    case 8:
        return VideoState::Failed;
    default:
        return VideoState::Unknown;
    }
}

Result<VideoStatus> VideoResultRequest::parse(const QJsonValue& resp) {
    const QJsonObject object = resp.toObject();
    const auto id = json::toId(object.value(u"id"));
    const auto status = json::toInt(object.value(u"status"));
    if (!id || !status)
        return malformedReply<VideoStatus>("video/result: no id or status");
    VideoStatus result;
    result.videoId = *id;
    result.rawStatus = static_cast<int>(*status);
    result.state = stateFor(result.rawStatus);
    result.url = json::toString(object.value(u"url"));
    // The url is only meaningful at status 1 (§2.4); a success without one cannot be downloaded.
    if (result.state == VideoState::Succeeded && result.url.isEmpty())
        return malformedReply<VideoStatus>("video/result: status 1 without url");
    if (result.state != VideoState::Succeeded)
        result.url.clear();
    result.coverUrl = json::toString(object.value(u"cover_url"));
    // camelCase in the docs; accept the snake_case spelling too.
    for (const auto key : {u"outputWidth", u"output_width"})
        if (const auto w = json::toInt(object.value(key)))
            result.width = static_cast<int>(*w);
    for (const auto key : {u"outputHeight", u"output_height"})
        if (const auto h = json::toInt(object.value(key)))
            result.height = static_cast<int>(*h);
    if (const auto seed = json::toId(object.value(u"seed")))
        result.seed = *seed;
    // `size` is probably bytes, but the webhook shows 10.5 (MB?): only trust whole numbers > 4 KB.
    if (const auto size = json::toInt(object.value(u"size")); size && *size > 4096)
        result.sizeBytes = *size;
    result.hasAudio = json::toBool(object.value(u"has_audio"));
    result.credits = chargedCredits(object);
    return Result<VideoStatus>::success(result);
}

BalanceRequest::BalanceRequest() {
    verb = Verb::Get;
    path = endpointPath("account/balance");
    logName = QStringLiteral("balance");
    timeoutMs = 20000;
}

Result<Balance> BalanceRequest::parse(const QJsonValue& resp) {
    if (const std::optional<Balance> balance = json::toBalance(resp))
        return Result<Balance>::success(*balance);
    return malformedReply<Balance>("account/balance: no credits");
}

namespace {

//! A number written as a JSON number or a decimal string; empty otherwise.
std::optional<double> toNumber(const QJsonValue& value) {
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double number = value.toString().trimmed().toDouble(&ok);
        if (ok && std::isfinite(number))
            return number;
    }
    return std::nullopt;
}

//! A time as a ledger item may write it: text in UTC ("YYYY-MM-DD HH:MM:SS", ISO 8601 with or
//! without a zone) or Unix seconds / milliseconds.
QDateTime toTime(const QJsonValue& value) {
    if (const std::optional<double> number = toNumber(value); number && *number > 0) {
        // Past year 33658 even in milliseconds: no time (the cast of a larger double to qint64
        // is undefined behaviour).
        if (*number >= 1e15)
            return {};
        const auto whole = static_cast<qint64>(*number);
        // Beyond year 33658 in seconds means milliseconds.
        return whole > 1000000000000LL ? QDateTime::fromMSecsSinceEpoch(whole, Qt::UTC)
                                       : QDateTime::fromSecsSinceEpoch(whole, Qt::UTC);
    }
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return {};
    QDateTime at = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (at.isValid()) {
        at.setTimeSpec(Qt::UTC);
        return at;
    }
    at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (at.isValid() && at.timeSpec() == Qt::LocalTime)
        at.setTimeSpec(Qt::UTC); // no zone written: the ledger speaks UTC
    return at.isValid() ? at.toUTC() : QDateTime();
}

} // namespace

UsageDetailRequest::UsageDetailRequest(const UsageQuery& query) {
    path = endpointPath("account/billing/usage-detail");
    logName = QStringLiteral("usage-detail");
    QJsonObject json{{QStringLiteral("limit"), std::clamp(query.limit, 1, 100)}};
    if (!query.cursor.isEmpty()) {
        json.insert(u"cursor", query.cursor);
    } else {
        json.insert(u"start_time", timeText(query.start));
        json.insert(u"end_time", timeText(query.end));
    }
    setJsonBody(json);
    timeoutMs = 20000;
}

QString UsageDetailRequest::timeText(const QDateTime& at) {
    return at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

UsageItem UsageDetailRequest::parseItem(const QJsonObject& object) {
    UsageItem item;
    item.videoId = json::toId(object.value(u"video_id")).value_or(0);
    item.creationType = json::toString(object.value(u"creation_type"));
    const double credits = toNumber(object.value(u"credits")).value_or(0);
    // Beyond any account's credits: not a number to count (llround of it is no number at all).
    item.credits = std::abs(credits) < 1e12 ? std::llround(std::abs(credits)) : 0;
    const QString status = json::toString(object.value(u"credits_status")).trimmed().toLower();
    item.refund = status.isEmpty() ? credits < 0 : status == QLatin1String("refund");
    for (const auto key : {u"created_at", u"create_time", u"created_time", u"time", u"consume_time",
                           u"updated_at"}) {
        item.at = toTime(object.value(key));
        if (item.at.isValid())
            break;
    }
    item.raw = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return item;
}

Result<UsagePage> UsageDetailRequest::parse(const QJsonValue& resp) {
    const QJsonObject object = resp.toObject();
    const QJsonValue items = object.value(u"items");
    if (!resp.isObject() || (!items.isArray() && !items.isNull() && !items.isUndefined()))
        return malformedReply<UsagePage>("account/billing/usage-detail: no items");
    UsagePage page;
    for (const QJsonValue& item : items.toArray()) {
        if (item.isObject())
            page.items << parseItem(item.toObject());
    }
    page.nextCursor = json::toString(object.value(u"next_cursor"));
    page.hasMore = json::toBool(object.value(u"has_more")).value_or(false);
    // A page that says there is more but gives no way there ends the listing.
    if (page.nextCursor.isEmpty())
        page.hasMore = false;
    return Result<UsagePage>::success(page);
}

} // namespace pixverse::openapi
