#pragma once

#include "core/api/ApiTypes.h"
#include "core/generation/GenerationRequest.h"

namespace pixverse {

class ModelCatalog;

//! Sets `request` up for `effect` (issue 17): mode Effect, the template's id and the facts the
//! checks before sending need (name, image count, qualities, activation); the template's model
//! when it names one the catalog offers for effects in `family` (else the request's if it makes
//! effects, else the default one); a quality the template allows; its duration when it has one.
//! Start images beyond what the template takes are dropped; the prompt is kept, or
//! becomes the template's own description when it is empty.
void applyTemplate(GenerationRequest& request, const EffectTemplate& effect,
                   const ModelCatalog& catalog, ApiFamily family);

} // namespace pixverse
