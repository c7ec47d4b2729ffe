#pragma once

#include "core/api/OpenApiRequests.h"

//! The OpenAPI endpoints of issue 16 (../shared/pixverse-api.md §2.12–§2.18): media upload,
//! transition, extend, upscale, sound effect, lip sync and the TTS voices.
namespace pixverse::openapi {

//! "openapi/v2/" + `endpoint`.
QString endpointPath(const char* endpoint);
//! A create call: a POST of `body` to `endpoint`, the same trace id on every retry.
void setCreateBody(ApiRequest& request, const char* endpoint, const char* logName,
                   const QJsonObject& body, const QString& traceId);

//! POST media/upload, multipart with one field `file` (§2.12), streamed from `filePath`.
class UploadMediaRequest : public ApiRequest {
public:
    using Output = UploadedMedia;
    UploadMediaRequest(const QString& filePath, const QString& fileName,
                       const QByteArray& mimeType);
    //! `media_id` (required), `media_type`, `url`, `width`, `height` (optional).
    static Result<UploadedMedia> parse(const QJsonValue& resp);
};

//! The one video a body refers to: a video of this account (`source_video_id`) or an uploaded
//! file (`video_media_id`). The service refuses both or neither (§2.14).
struct VideoSource {
    qint64 sourceVideoId = 0;
    qint64 mediaId = 0;
    //! The uploaded file when there is one, else the request's video on the service.
    static VideoSource of(const GenerationRequest& request, const RequestInputs& inputs);
    bool isSet() const { return (sourceVideoId > 0) != (mediaId > 0); }
    void addTo(QJsonObject& body) const;
};

//! A seed for a body that needs one (transition, extend: "required" in the export): the
//! request's, or a fresh random one in [0, seedMax] (the service would pick one too).
qint64 seedFor(const GenerationRequest& request);

//! POST video/transition/generate (§2.13): the two frames' `img_id`s, the seed always,
//! motion_mode only v3.5–v4.5, generate_audio_switch on V6/C1, no aspect_ratio.
class TransitionRequest : public ApiRequest {
public:
    using Output = CreatedVideo;
    TransitionRequest(const GenerationRequest& request, const ModelSpec* spec, qint64 firstImageId,
                      qint64 lastImageId, const QString& traceId = {});
    static Result<CreatedVideo> parse(const QJsonValue& resp) {
        return TextToVideoRequest::parse(resp);
    }
};

//! POST video/extend/generate (§2.14): one source, the seed always; no aspect_ratio.
class ExtendRequest : public ApiRequest {
public:
    using Output = CreatedVideo;
    ExtendRequest(const GenerationRequest& request, const ModelSpec* spec,
                  const VideoSource& source, const QString& traceId = {});
    static Result<CreatedVideo> parse(const QJsonValue& resp) {
        return TextToVideoRequest::parse(resp);
    }
};

//! POST video/upscale/generate (§2.16): only the source. A target quality field is not known
//! (uncertain), so none is sent.
class UpscaleRequest : public ApiRequest {
public:
    using Output = CreatedVideo;
    explicit UpscaleRequest(const VideoSource& source, const QString& traceId = {});
    static Result<CreatedVideo> parse(const QJsonValue& resp) {
        return TextToVideoRequest::parse(resp);
    }
};

//! POST video/sound_effect/generate (§2.17): the source, `sound_effect_content` (the request's
//! prompt) when there is one, `original_sound_switch` always. No model: the field is
//! "reserved for future use".
class SoundEffectRequest : public ApiRequest {
public:
    using Output = CreatedVideo;
    SoundEffectRequest(const GenerationRequest& request, const VideoSource& source,
                       const QString& traceId = {});
    static Result<CreatedVideo> parse(const QJsonValue& resp) {
        return TextToVideoRequest::parse(resp);
    }
};

//! POST video/lip_sync/generate (§2.18): one video source and one audio source, the uploaded
//! audio's `audio_media_id` (when `audioMediaId` > 0) or the voice and text
//! (`lip_sync_tts_speaker_id` + `lip_sync_tts_content`).
class LipSyncRequest : public ApiRequest {
public:
    using Output = CreatedVideo;
    LipSyncRequest(const GenerationRequest& request, const VideoSource& source, qint64 audioMediaId,
                   const QString& traceId = {});
    static Result<CreatedVideo> parse(const QJsonValue& resp) {
        return TextToVideoRequest::parse(resp);
    }
};

//! One page of voices.
struct SpeakerPage {
    QList<Speaker> speakers;
    int total = 0; //!< as the answer says; 0 when it does not
};

//! GET video/tts_speaker (2026: `speaker_type=all`) or, `legacy`, video/lip_sync/tts_list
//! (§2.18). Both answer `{total, data: [{speaker_id, name}]}`; the parser also takes `list`,
//! ids as numbers and `speaker_name`.
class SpeakersRequest : public ApiRequest {
public:
    using Output = SpeakerPage;
    static constexpr int kPageSize = 100;
    SpeakersRequest(int pageNumber, bool legacy);
    static Result<SpeakerPage> parse(const QJsonValue& resp);
};

} // namespace pixverse::openapi
