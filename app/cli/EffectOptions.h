#pragma once

#include "app/cli/CliOptions.h"
#include "core/api/ApiTypes.h"

#include <QJsonObject>
#include <QString>

#include <functional>

class QObject;

namespace pixverse {

class ModelCatalog;
class OptionReader;
class TemplateLibrary;

//! The parts of the command line issue 17 added: generate --template ID with its --image files,
//! generate --reference TYPE:NAME=FILE (fusion), and how `templates` shows a template. Every
//! check returns the one sentence of a usage error, or empty.

//! --template, every --image and every --reference of generate. A plain generate keeps its one
//! --image in the generation keys (as a batch line's "image").
QString readEffectOptions(const OptionReader& reader, CliOptions& options);

//! generate with --reference: the fusion request (model default for fusion, the keys given, the
//! references in order), checked with the catalog's sentences. With --template: the request
//! before the template is known (mode Effect, the images, the keys); the checks wait for the list
//! (setUpTemplate). Other generations: nothing to do, returns empty with `handled` false.
QString effectRequest(CliOptions& options, const ModelCatalog& catalog, bool* handled);

//! `request` (from effectRequest) set up for `effect`: applyTemplate, then what the command line
//! said explicitly (quality, duration, model, …) over the template's choices, so a quality the
//! template refuses is refused with 500071's sentence rather than quietly changed; the images
//! as given (a wrong count is refused, not trimmed). Returns the catalog's first refusal, or
//! empty.
QString setUpTemplate(GenerationRequest& request, const EffectTemplate& effect,
                      const CliOptions& options, const ModelCatalog& catalog);

//! The template list kept for this connection in the CLI's data dir: one file a service (the
//! base URL, or the sandbox), so the sandbox's list never stands in for PixVerse's.
QString templateCacheFile(const CliOptions& options);
//! The Accept-Language of the template list: the CLI speaks English (it installs no
//! translator), so the names and descriptions it prints do too.
inline constexpr const char* kTemplateLanguage = "en";

//! Reads `library`'s cache file, then refreshes the list by the daily rule (now when `force`);
//! `then(error)` in `context` once the list is current: `error` is empty, or the sentence of a
//! failed refresh (without a backend: the library's "offline" sentence), the list kept intact.
void whenTemplatesCurrent(TemplateLibrary& library, bool force, QObject* context,
                          std::function<void(const QString&)> then);

//! --dry-run --template: `request` set up from the list kept on this computer (a dry run
//! neither signs in nor fetches). The sentence why it cannot be, or empty.
QString setUpTemplateOffline(GenerationRequest& request, const CliOptions& options,
                             const ModelCatalog& catalog);

//! `templates`: "402331965264704  Audience Reaction Shot  1 image  360p, 540p  needs activation".
QString templateLine(const EffectTemplate& effect);
//! `templates --json`: {id, name, prompt, images, qualities, model, duration, category,
//! previewUrl, needsActivation}; id as a number (ids stay below 2^53).
QJsonObject templateJson(const EffectTemplate& effect);

} // namespace pixverse
