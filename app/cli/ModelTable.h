#pragma once

#include "core/generation/GenerationRequest.h"

#include <QJsonArray>
#include <QString>

namespace pixverse {

class ModelCatalog;

//! `models --json`: one object per model the family is offered, newest first: `id` (the family's
//! service id), `label`, `modes`, `durations` (every whole second it takes), `qualities`,
//! `aspect_ratios`, `switches` (batch-line keys: audio, multi_clip, off_peak), `motion_modes`,
//! `styles`, `prompt_max_length`, `negative_prompt_max_length` and `prices`: `per_second`
//! {quality: {without_audio, with_audio}} or `per_clip` {motion: {quality: {seconds: credits}}}
//! (plus `per_clip_with_audio` where the table has it).
QJsonArray modelTableJson(const ModelCatalog& catalog, ApiFamily family);

//! `models`: the same as an aligned table (one row a model), then each model's prices.
QString modelTableText(const ModelCatalog& catalog, ApiFamily family);

//! One line saying what a generation is and costs: "v6, 12 s, 720p, 21:9, with sound, 144
//! credits" (the model as the family sends it; no aspect ratio where the image decides).
QString generationSummary(const GenerationRequest& request, const ModelCatalog& catalog,
                          ApiFamily family);

//! A catalog switch id as the command line spells it in batch lines and JSON ("multiClip" →
//! "multi_clip").
QString switchKey(const QString& switchId);

} // namespace pixverse
