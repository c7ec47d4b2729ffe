#pragma once

#include "core/api/OpenApiRequests.h"

//! The OpenAPI endpoints of issue 17 (../shared/pixverse-api.md §2.15, §2.19): the effect
//! template list, a generation with a template and reference-to-video (fusion).
namespace pixverse::openapi {

//! The items of a template list answer (`Resp`), read tolerantly because only `template_id`,
//! `display_name` and `display_prompt` are documented (§2.19):
//! - ids as numbers or strings (`template_id`, else `id`); an item without one is skipped;
//! - names and prompts from `display_name`/`display_prompt` (else `name`/`prompt`);
//! - any string key ending in `_url`: "video" in its name → previewUrl; "img", "image",
//!   "cover" or "thumb" → thumbnailUrl; another name → by the URL's file suffix;
//! - the web list's fields where present (§2.19 last bullet): `effect_type` (0–5 images),
//!   `qualities` (array, or a comma-separated string), `template_model`, `duration`,
//!   `category`, a cost (`credits`/`credit`, or `video_base_cost` + `fixed_cost`);
//! - `activated`/`is_activated` false (bool or 0/1) → needsActivation (no source documents it);
//! - `template_type` 2 (an image template: the app makes videos) → skipped;
//! - unknown fields are ignored, missing ones keep EffectTemplate's "unknown" defaults.
//! The list is `effect_items` (else `items`, `list` or `data`); none, or null: no items.
QList<EffectTemplate> parseTemplateItems(const QJsonObject& resp);
//! One item as above; empty when it has no usable id.
std::optional<EffectTemplate> parseTemplateItem(const QJsonObject& item);

//! GET video/effects/templates/list?type=T&page=N&pageSize=M (§2.19) with `Accept-Language`
//! when the query has a language; `type` 0 is left out (all templates).
class TemplateListRequest : public ApiRequest {
public:
    using Output = QList<EffectTemplate>;
    explicit TemplateListRequest(const TemplateQuery& query);
    //! The page sizes the service accepts; any other is a parameter error there.
    static bool isAllowedPageSize(int pageSize);
    //! A `Resp` that is neither an object nor null is malformed; everything else is read by
    //! parseTemplateItems().
    static Result<QList<EffectTemplate>> parse(const QJsonValue& resp);
};

//! A generation with an effect template (§2.3, §2.19): `template_id` plus, by the images the
//! template takes, `img_id` (one) or `img_ids` (several) on video/img/generate, or
//! `aspect_ratio` on video/text/generate (a template without images). The rest as i2v/t2v.
class EffectRequest : public ApiRequest {
public:
    using Output = CreatedVideo;
    EffectRequest(const GenerationRequest& request, const ModelSpec* spec,
                  const QList<qint64>& imageIds, const QString& traceId = {});
    static Result<CreatedVideo> parse(const QJsonValue& resp) {
        return TextToVideoRequest::parse(resp);
    }
};

//! One reference of a fusion body.
struct FusionReference {
    QString type; //!< "subject" or "background"
    qint64 imageId = 0;
    QString name; //!< `ref_name`
};

//! The references of `request` (GenerationRequest::references(), in order) with the uploads'
//! ids in the same order; empty when the counts differ.
QList<FusionReference> fusionReferences(const GenerationRequest& request,
                                        const QList<qint64>& imageIds);

//! POST video/fusion/generate (§2.15): `image_references` [{type, img_id, ref_name}], the prompt
//! with a space after every `@name`, model, duration, quality, aspect_ratio, the seed always,
//! negative_prompt when set, generate_audio_switch where the model has sound. No motion mode,
//! style, camera movement or water mark; reference videos (omni) are not sent.
class FusionRequest : public ApiRequest {
public:
    using Output = CreatedVideo;
    FusionRequest(const GenerationRequest& request, const ModelSpec* spec,
                  const QList<FusionReference>& references, const QString& traceId = {});
    static Result<CreatedVideo> parse(const QJsonValue& resp) {
        return TextToVideoRequest::parse(resp);
    }
};

} // namespace pixverse::openapi
