#pragma once

#include "core/api/ApiClient.h"
#include "core/generation/GenerationRequest.h"
#include "core/generation/ModelCatalog.h"
#include "core/generation/PriceFormulas.h"

#include <QDateTime>
#include <QJsonObject>

//! One class per web API endpoint (`/creative_platform`, ../shared/pixverse-api.md §3). The web
//! API is undocumented and changes: parsers accept every spelling seen in captures.
namespace pixverse::web {

inline constexpr auto kPrefix = "creative_platform/";
inline constexpr auto kCredentialHeader = "Token";

//! The fixed headers browsers send (§3.1); harmless where not required.
QList<QPair<QByteArray, QByteArray>> defaultHeaders();

struct LoginResult {
    qint64 accountId = 0;
    QString username;
    QString token;
};

//! POST login {Username, Password} → Resp.Result.Token (§3.2). Never retried automatically:
//! the account allows one session, and a loop of logins would fight the creator's browser.
class LoginRequest : public ApiRequest {
public:
    using Output = LoginResult;
    LoginRequest(const QString& email, const QString& password);
    static Result<LoginResult> parse(const QJsonValue& resp);
};

//! Temporary Aliyun STS credentials for the object-store upload (§3.5 step 1).
struct UploadToken {
    QString accessKeyId;
    QString accessKeySecret;
    QString securityToken;
};

class UploadTokenRequest : public ApiRequest {
public:
    using Output = UploadToken;
    UploadTokenRequest();
    static Result<UploadToken> parse(const QJsonValue& resp);
};

//! POST media/batch_upload_media: registers an uploaded object (§3.5 step 3).
class RegisterUploadRequest : public ApiRequest {
public:
    using Output = UploadedImage;
    RegisterUploadRequest(const QString& objectKey, qint64 size, const QString& originalFileName);
    static Result<UploadedImage> parse(const QJsonValue& resp);
};

//! The JSON fields t2v and i2v share (§3.3, §3.4), only those `spec` takes: `model` is the web's
//! id ("pixverse-c1"); `motion_mode` only where the model has motion modes; `off_peak` and
//! `multi_shot` as 0/1 and `generate_audio_switch` as true/false, always where the model has
//! the switch. Without a spec the request's fields go out as they are.
QJsonObject generationBody(const GenerationRequest& request, const ModelSpec* spec);

class TextToVideoRequest : public ApiRequest {
public:
    using Output = CreatedVideo;
    TextToVideoRequest(const GenerationRequest& request, const ModelSpec* spec,
                       const QString& traceId = {});
    //! With the model as ModelCatalog::builtIn() has it.
    explicit TextToVideoRequest(const GenerationRequest& request, const QString& traceId = {})
        : TextToVideoRequest(request, ModelCatalog::builtIn().model(request.model), traceId) {}
    //! `Resp.video_id`, or `Resp.video_ids[0]` as one capture shows.
    static Result<CreatedVideo> parse(const QJsonValue& resp);
};

class ImageToVideoRequest : public ApiRequest {
public:
    using Output = CreatedVideo;
    ImageToVideoRequest(const GenerationRequest& request, const ModelSpec* spec,
                        const UploadedImage& image, const QString& traceId = {});
    //! With the model as ModelCatalog::builtIn() has it.
    ImageToVideoRequest(const GenerationRequest& request, const UploadedImage& image,
                        const QString& traceId = {})
        : ImageToVideoRequest(request, ModelCatalog::builtIn().model(request.model), image,
                              traceId) {}
    static Result<CreatedVideo> parse(const QJsonValue& resp) {
        return TextToVideoRequest::parse(resp);
    }
};

//! POST video/frames (§3.11): the site's first-and-last-frame call, field for field as captured:
//! both frames as `customer_img_paths` / `customer_img_urls`, `prompt` + `prompts[]`, `duration`
//! + `durations[]`, `model_name_default` (the model's label), and `audio`, `preview_mode`,
//! `off_peak` always, as 0/1 (the capture's form; their types are uncertain).
class TransitionRequest : public ApiRequest {
public:
    using Output = CreatedVideo;
    TransitionRequest(const GenerationRequest& request, const ModelSpec* spec,
                      const UploadedImage& first, const UploadedImage& last,
                      const QString& traceId = {});
    //! As t2v: `Resp.video_id` or `Resp.video_ids[0]` (the answer was never captured).
    static Result<CreatedVideo> parse(const QJsonValue& resp) {
        return TextToVideoRequest::parse(resp);
    }
};

struct VideoPage {
    QList<RemoteVideo> videos; //!< each with its status and what the list says of its making
    bool hasMore = false;
    int nextOffset = 0;
};

//! POST video/list/personal: the creator's videos, newest first (§3.6). The web API has no
//! per-id result call; one page serves every pending job.
class PersonalVideosRequest : public ApiRequest {
public:
    using Output = VideoPage;
    explicit PersonalVideosRequest(int offset = 0, int limit = 50);
    static Result<VideoPage> parse(const QJsonValue& resp);
    static VideoState stateFor(int videoStatus);
    //! `created_at` as the list gives it: ISO 8601 text, or Unix seconds (or milliseconds) as a
    //! number or numeric text. Invalid when it is neither.
    static QDateTime parseTime(const QJsonValue& value);
};

//! GET user/credits (§3.8).
class CreditsRequest : public ApiRequest {
public:
    using Output = Balance;
    CreditsRequest();
    static Result<Balance> parse(const QJsonValue& resp);
};

//! GET user/credits read for its promotion flags (§3.12): true when the site says a promotion
//! runs, so a formula's price is the most a generation costs.
class PromotionRequest : public ApiRequest {
public:
    using Output = bool;
    PromotionRequest();
    //! `is_v6_discount`, a non-empty `promotion_discounts`,
    //! `marketing_hub_discount_info.promotion_mode` or
    //! `enhance_promotion_info.enhance_promotion_mode`, each read tolerantly (true, a non-zero
    //! number or numeric text). An answer that is no object is malformed.
    static Result<bool> parse(const QJsonValue& resp);
};

//! POST pricing/formulas (§3.12): no body, the usual headers with the Token. `Resp` null (the
//! answer without a token) is the error "could not read prices".
class PricingFormulasRequest : public ApiRequest {
public:
    using Output = PriceFormulas;
    PricingFormulasRequest();
    static Result<PriceFormulas> parse(const QJsonValue& resp) {
        return PriceFormulas::fromResp(resp);
    }
};

//! Aliyun OSS V1 request signing for the upload PUT (§3.5 step 2).
namespace oss {
inline constexpr auto kBucket = "pixverse-fe-upload";
//! The real accelerated endpoint; the sandbox serves a path-style stand-in.
QUrl defaultEndpoint();
//! RFC 1123 date in GMT, as OSS wants it in the `Date` header.
QByteArray httpDate(const QDateTime& utc);
//! Base64(HMAC-SHA1(secret, "PUT\nMD5\ntype\ndate\n" + x-oss headers + "/bucket/key")).
QByteArray signature(const QByteArray& accessKeySecret, const QByteArray& verb,
                     const QByteArray& contentMd5, const QByteArray& contentType,
                     const QByteArray& date, const QList<QPair<QByteArray, QByteArray>>& ossHeaders,
                     const QString& bucket, const QString& key);
//! Virtual-host style for the real service (https://bucket.endpoint/key), path style for a
//! loopback endpoint (http://127.0.0.1:port/oss/bucket/key).
QUrl objectUrl(const QUrl& endpoint, const QString& bucket, const QString& key);

//! The signed PUT of one file into the bucket (§3.5 step 2), its body streamed from the file.
//! OSS answers XML, not an envelope: ApiReply::body holds it (readErrorCode() reads it).
class PutObjectRequest : public ApiRequest {
public:
    struct Object {
        QString key;
        QString filePath;
        QByteArray contentType;
        QByteArray contentMd5; //!< Base64 of the file's MD5
    };
    PutObjectRequest(const QUrl& endpoint, const UploadToken& credentials, const Object& object,
                     const QDateTime& now);
    //! `SignatureDoesNotMatch` out of `<Error><Code>...</Code>`; empty when there is none.
    static QString readErrorCode(const QByteArray& body);
};
} // namespace oss

} // namespace pixverse::web
