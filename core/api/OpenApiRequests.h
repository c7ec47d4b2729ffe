#pragma once

#include "core/api/ApiClient.h"
#include "core/generation/GenerationRequest.h"
#include "core/generation/ModelCatalog.h"

#include <QJsonObject>

//! One class per platform OpenAPI endpoint (../shared/pixverse-api.md §2). Each constructor
//! fills verb, path and body; `parse` turns `Resp` into a typed value or a MalformedReply error.
namespace pixverse::openapi {

inline constexpr auto kPrefix = "openapi/v2/";
inline constexpr auto kCredentialHeader = "API-KEY";

//! POST image/upload, multipart with one field `image` (§2.1), streamed from `filePath`.
class UploadImageRequest : public ApiRequest {
public:
    using Output = UploadedImage;
    UploadImageRequest(const QString& filePath, const QString& fileName,
                       const QByteArray& mimeType);
    static Result<UploadedImage> parse(const QJsonValue& resp);
};

//! The JSON fields text- and image-to-video share (§2.2, §2.3, §2.11), only those `spec` takes:
//! `model` is its OpenAPI id; `motion_mode` only where it has motion modes (v3.5–v4.5);
//! `water_mark: false` only v3.5–v5.x; `generate_audio_switch` always, true or false, where it
//! has sound; `generate_multi_clip_switch` always where it has multi-clip (V6 t2v/i2v); style and
//! camera movement only where taken. water_mark, camera_movement and the multi-clip switch only
//! for text- and image-to-video and effects (transition and extend document none). Without a spec
//! (a model the catalog does not know) the fields the request has go out as they are, and the
//! service judges them.
QJsonObject generationBody(const GenerationRequest& request, const ModelSpec* spec);

//! POST video/text/generate (§2.2).
class TextToVideoRequest : public ApiRequest {
public:
    using Output = CreatedVideo;
    TextToVideoRequest(const GenerationRequest& request, const ModelSpec* spec,
                       const QString& traceId = {});
    //! With the model as ModelCatalog::builtIn() has it.
    explicit TextToVideoRequest(const GenerationRequest& request, const QString& traceId = {})
        : TextToVideoRequest(request, ModelCatalog::builtIn().model(request.model), traceId) {}
    static Result<CreatedVideo> parse(const QJsonValue& resp);
};

//! POST video/img/generate (§2.3): no aspect ratio, the image decides.
class ImageToVideoRequest : public ApiRequest {
public:
    using Output = CreatedVideo;
    ImageToVideoRequest(const GenerationRequest& request, const ModelSpec* spec, qint64 imageId,
                        const QString& traceId = {});
    //! With the model as ModelCatalog::builtIn() has it.
    ImageToVideoRequest(const GenerationRequest& request, qint64 imageId,
                        const QString& traceId = {})
        : ImageToVideoRequest(request, ModelCatalog::builtIn().model(request.model), imageId,
                              traceId) {}
    static Result<CreatedVideo> parse(const QJsonValue& resp) {
        return TextToVideoRequest::parse(resp);
    }
};

//! GET video/result/{id} (§2.4).
class VideoResultRequest : public ApiRequest {
public:
    using Output = VideoStatus;
    explicit VideoResultRequest(qint64 videoId);
    static Result<VideoStatus> parse(const QJsonValue& resp);
    static VideoState stateFor(int status);
};

//! GET account/balance (§2.5).
class BalanceRequest : public ApiRequest {
public:
    using Output = Balance;
    BalanceRequest();
    static Result<Balance> parse(const QJsonValue& resp);
};

//! POST account/billing/usage-detail (§2.20): one page of the spend ledger. The first page sends
//! `start_time`/`end_time` ("YYYY-MM-DD HH:MM:SS", UTC) and `limit`; a next page sends `limit`
//! and the previous page's `cursor`, without times.
class UsageDetailRequest : public ApiRequest {
public:
    using Output = UsagePage;
    explicit UsageDetailRequest(const UsageQuery& query);
    static Result<UsagePage> parse(const QJsonValue& resp);
    //! One item, read tolerantly (the fields are not documented): `video_id` a number or a
    //! string, `credits` a number or a string (its sign may say a refund), `credits_status`,
    //! `created_at` or another time field (text in UTC, or Unix seconds or milliseconds).
    static UsageItem parseItem(const QJsonObject& item);
    //! "YYYY-MM-DD HH:MM:SS" in UTC, as the body wants it.
    static QString timeText(const QDateTime& at);
};

} // namespace pixverse::openapi
