#include "core/api/OpenApiModeRequests.h"

#include <QJsonArray>
#include <QRandomGenerator>

#include <limits>

namespace pixverse::openapi {

QString endpointPath(const char* endpoint) {
    return QLatin1String(kPrefix) + QLatin1String(endpoint);
}

void setCreateBody(ApiRequest& request, const char* endpoint, const char* logName,
                   const QJsonObject& body, const QString& traceId) {
    request.path = endpointPath(endpoint);
    request.logName = QLatin1String(logName);
    request.setJsonBody(body);
    request.sameTraceIdOnRetry = true;
    request.traceId = traceId;
}

UploadMediaRequest::UploadMediaRequest(const QString& filePath, const QString& fileName,
                                       const QByteArray& mimeType) {
    verb = Verb::Post;
    path = endpointPath("media/upload");
    logName = QStringLiteral("upload-media");
    filePart = FilePart{"file", filePath, fileName, mimeType};
}

namespace {

//! A picture's side as the answer gives it; 0 (unknown) when absent or beyond any picture (a
//! larger number used to wrap into a negative size).
int pictureSide(const QJsonValue& value) {
    const qint64 side = json::toInt(value).value_or(0);
    return side > 0 && side <= 65535 ? static_cast<int>(side) : 0;
}

} // namespace

Result<UploadedMedia> UploadMediaRequest::parse(const QJsonValue& resp) {
    const QJsonObject object = resp.toObject();
    const auto id = json::toId(object.value(u"media_id"));
    if (!id || *id <= 0)
        return malformedReply<UploadedMedia>("media/upload: no media_id");
    UploadedMedia media;
    media.mediaId = *id;
    media.kind = json::toString(object.value(u"media_type")) == QLatin1String("audio")
                     ? UploadedMedia::Kind::Audio
                     : UploadedMedia::Kind::Video;
    media.url = json::toString(object.value(u"url"));
    media.width = pictureSide(object.value(u"width"));
    media.height = pictureSide(object.value(u"height"));
    return Result<UploadedMedia>::success(media);
}

VideoSource VideoSource::of(const GenerationRequest& request, const RequestInputs& inputs) {
    VideoSource source;
    if (inputs.video && inputs.video->mediaId > 0)
        source.mediaId = inputs.video->mediaId;
    else
        source.sourceVideoId = request.sourceVideoId;
    return source;
}

void VideoSource::addTo(QJsonObject& body) const {
    if (mediaId > 0)
        body.insert(u"video_media_id", mediaId);
    else
        body.insert(u"source_video_id", sourceVideoId);
}

qint64 seedFor(const GenerationRequest& request) {
    if (request.seed)
        return *request.seed;
    return QRandomGenerator::global()->bounded(ModelCatalog::builtIn().seedMax());
}

TransitionRequest::TransitionRequest(const GenerationRequest& request, const ModelSpec* spec,
                                     qint64 firstImageId, qint64 lastImageId,
                                     const QString& traceId) {
    QJsonObject body = generationBody(request, spec);
    body.insert(u"first_frame_img", firstImageId);
    body.insert(u"last_frame_img", lastImageId);
    body.insert(u"seed", seedFor(request));
    setCreateBody(*this, "video/transition/generate", "transition", body, traceId);
}

ExtendRequest::ExtendRequest(const GenerationRequest& request, const ModelSpec* spec,
                             const VideoSource& source, const QString& traceId) {
    QJsonObject body = generationBody(request, spec);
    source.addTo(body);
    body.insert(u"seed", seedFor(request));
    setCreateBody(*this, "video/extend/generate", "extend", body, traceId);
}

UpscaleRequest::UpscaleRequest(const VideoSource& source, const QString& traceId) {
    QJsonObject body;
    source.addTo(body);
    setCreateBody(*this, "video/upscale/generate", "upscale", body, traceId);
}

SoundEffectRequest::SoundEffectRequest(const GenerationRequest& request, const VideoSource& source,
                                       const QString& traceId) {
    QJsonObject body;
    source.addTo(body);
    // PixVerse's pages name the description sound_effect_content; a 2026 kit sends `prompt`
    // (uncertain, §2.17): the documented name. Empty: the service picks from the video.
    const QString content = request.prompt.trimmed();
    if (!content.isEmpty())
        body.insert(u"sound_effect_content", content);
    // Sent explicitly, like the other switches: off must not depend on a server default.
    body.insert(u"original_sound_switch", request.keepOriginalSound);
    setCreateBody(*this, "video/sound_effect/generate", "sound-effect", body, traceId);
}

LipSyncRequest::LipSyncRequest(const GenerationRequest& request, const VideoSource& source,
                               qint64 audioMediaId, const QString& traceId) {
    QJsonObject body;
    source.addTo(body);
    if (audioMediaId > 0) {
        body.insert(u"audio_media_id", audioMediaId);
    } else {
        body.insert(u"lip_sync_tts_speaker_id", request.speakerId);
        body.insert(u"lip_sync_tts_content", request.speechText);
    }
    setCreateBody(*this, "video/lip_sync/generate", "lip-sync", body, traceId);
}

SpeakersRequest::SpeakersRequest(int pageNumber, bool legacy) {
    verb = Verb::Get;
    // The older list takes its page numbers as strings; in a query string both are the same.
    const QString page = QStringLiteral("?page_num=%1&page_size=%2").arg(pageNumber).arg(kPageSize);
    path = legacy ? QString(endpointPath("video/lip_sync/tts_list") + page)
                  : QString(endpointPath("video/tts_speaker") + page + u"&speaker_type=all");
    logName = legacy ? QStringLiteral("tts-list") : QStringLiteral("tts-speakers");
    timeoutMs = 20000;
}

Result<SpeakerPage> SpeakersRequest::parse(const QJsonValue& resp) {
    const QJsonObject object = resp.toObject();
    const QJsonValue data =
        object.contains(u"data") ? object.value(u"data") : object.value(u"list");
    if (!data.isArray() && !data.isNull() && !data.isUndefined())
        return malformedReply<SpeakerPage>("tts speakers: data is not a list");
    SpeakerPage page;
    // A total beyond int is none (it wrapped before): the walk then stops at a short page.
    const qint64 total = json::toInt(object.value(u"total")).value_or(0);
    page.total =
        total > 0 && total <= std::numeric_limits<int>::max() ? static_cast<int>(total) : 0;
    const QJsonArray items = data.toArray();
    for (const QJsonValue& item : items) {
        const QJsonObject o = item.toObject();
        // Ids come as text ("1", "Auto") or, in some answers, as numbers.
        QString id = json::toString(o.value(u"speaker_id"));
        if (id.isEmpty())
            if (const auto number = json::toId(o.value(u"speaker_id")))
                id = QString::number(*number);
        if (id.isEmpty())
            continue; // nothing to send back: skip it rather than fail the whole list
        QString name = json::toString(o.value(u"name"));
        if (name.isEmpty())
            name = json::toString(o.value(u"speaker_name"));
        page.speakers.append({id, name.isEmpty() ? id : name});
    }
    return Result<SpeakerPage>::success(page);
}

} // namespace pixverse::openapi
