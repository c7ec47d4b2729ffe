#pragma once

#include "core/api/ApiClient.h"
#include "core/generation/GenerationRequest.h"

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

//! The JSON fields text- and image-to-video share (§2.2, §2.3).
QJsonObject generationBody(const GenerationRequest& request);

//! POST video/text/generate (§2.2).
class TextToVideoRequest : public ApiRequest {
public:
    using Output = CreatedVideo;
    explicit TextToVideoRequest(const GenerationRequest& request, const QString& traceId = {});
    static Result<CreatedVideo> parse(const QJsonValue& resp);
};

//! POST video/img/generate (§2.3): no aspect ratio, the image decides.
class ImageToVideoRequest : public ApiRequest {
public:
    using Output = CreatedVideo;
    ImageToVideoRequest(const GenerationRequest& request, qint64 imageId,
                        const QString& traceId = {});
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

} // namespace pixverse::openapi
