#include "core/api/OpenApiRequests.h"

#include <QJsonDocument>

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

} // namespace pixverse::openapi
