#pragma once

#include <QtGlobal>

//! The sandbox's effect templates (issue 17), named so tests and benchmarks can pick the ones with
//! a documented trait. The list has SandboxConfig::templateCount items (default
//! kDefaultTemplateCount), each with a real preview clip made at build time, English and Russian
//! names (Accept-Language), a category, the web list's extra fields (effect_type, qualities,
//! template_model, duration) and a still.
namespace pixverse::sandbox::templates {

inline constexpr int kDefaultTemplateCount = 36;
//! The first item, the docs' example: "Audience Reaction Shot", one image, any quality.
inline constexpr qint64 kAudienceReactionId = 402331965264704;
//! Not activated in the platform's effects management: a generate with it answers 500070.
inline constexpr qint64 kNotActivatedId = 302325299692608;
//! Allows only 360p and 540p (its `qualities` say so): 720p or 1080p answers 500071.
inline constexpr qint64 kLowQualityOnlyId = 402331965264705;
//! Takes two images (`effect_type` 2): sent with `img_ids`.
inline constexpr qint64 kTwoImageId = 402331965264706;
//! Takes no image (`effect_type` 0): sent to text-to-video with `template_id`.
inline constexpr qint64 kTextOnlyId = 402331965264707;
//! A name only one template has, for search tests: "Storm Chaser" / «Охотник за бурей».
inline constexpr const char* kUniqueSearchWord = "Storm";

} // namespace pixverse::sandbox::templates
