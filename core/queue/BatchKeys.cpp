// A generation's settings as keys (a batch line's, the CLI's options, the composer's defaults)
// and back: the one reading the CLI, the batch preview and the hot folder share.
#include "core/api/ApiClient.h"
#include "core/generation/ImageCheck.h"
#include "core/generation/ModelCatalog.h"
#include "core/queue/BatchFile.h"

#include <QCoreApplication>

#include <utility>

namespace pixverse {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pixverse::BatchFile", text);
}

//! The text keys and the request's fields they set.
struct TextKey {
    QLatin1String key;
    QString GenerationRequest::*field;
};
constexpr TextKey kTextKeys[] = {
    {QLatin1String("prompt"), &GenerationRequest::prompt},
    {QLatin1String("negative_prompt"), &GenerationRequest::negativePrompt},
    {QLatin1String("quality"), &GenerationRequest::quality},
    {QLatin1String("aspect"), &GenerationRequest::aspectRatio},
    {QLatin1String("motion"), &GenerationRequest::motionMode},
    {QLatin1String("style"), &GenerationRequest::style},
    {QLatin1String("camera"), &GenerationRequest::cameraMovement}};

//! The switches (true/false, or 1/0) and the request's fields they set.
struct SwitchKey {
    QLatin1String key;
    bool GenerationRequest::*field;
};
constexpr SwitchKey kSwitchKeys[] = {{QLatin1String("audio"), &GenerationRequest::audio},
                                     {QLatin1String("multi_clip"), &GenerationRequest::multiClip},
                                     {QLatin1String("off_peak"), &GenerationRequest::offPeak}};

//! Reads the bool `key` of `keys` into `target`; false when it is there but no boolean.
bool readSwitch(const QJsonObject& keys, QLatin1String key, bool& target) {
    if (!keys.contains(key))
        return true;
    const std::optional<bool> value = json::toBool(keys.value(key)); // true/false, or 1/0
    if (value)
        target = *value;
    return value.has_value();
}

//! first_frame and last_frame: a transition from one image to the other (both, or neither).
QString applyFrameKeys(const QJsonObject& keys, GenerationRequest& r) {
    const bool first = keys.contains(u"first_frame");
    const bool last = keys.contains(u"last_frame");
    if (!first && !last)
        return {};
    if (!keys.value(u"first_frame").isString() || !keys.value(u"last_frame").isString())
        return tr("“first_frame” and “last_frame” must both be the paths of image files.");
    if (!r.startImagePath().isEmpty())
        return tr("“image” and “first_frame” do not go together: a transition has two frames.");
    r.mode = GenerationMode::Transition;
    r.images = {
        RequestImage{RequestImage::Role::FirstFrame, keys.value(u"first_frame").toString(), {}},
        RequestImage{RequestImage::Role::LastFrame, keys.value(u"last_frame").toString(), {}}};
    return {};
}

//! Sets what `keys` give over what `r` holds; the sentence about the first wrong key, or empty.
QString applyKeys(const QJsonObject& keys, GenerationRequest& r) {
    for (const auto& [key, field] : kTextKeys) {
        if (!keys.contains(key))
            continue;
        if (!keys.value(key).isString())
            return tr("“%1” must be text.").arg(key);
        r.*field = keys.value(key).toString();
    }
    if (keys.contains(u"duration")) {
        const auto duration = json::toInt(keys.value(u"duration"));
        if (!duration)
            return tr("“duration” must be a whole number of seconds.");
        r.duration = static_cast<int>(*duration);
    }
    if (keys.contains(u"seed")) {
        const auto seed = json::toId(keys.value(u"seed"));
        if (!seed)
            return tr("“seed” must be a whole number.");
        r.seed = *seed;
    }
    for (const auto& [key, field] : kSwitchKeys)
        if (!readSwitch(keys, key, r.*field))
            return tr("“%1” must be true or false.").arg(key);
    if (keys.contains(u"image")) {
        if (!keys.value(u"image").isString())
            return tr("“image” must be the path of an image file.");
        r.setStartImage(keys.value(u"image").toString());
    }
    return applyFrameKeys(keys, r);
}

//! The mode `keys` name, `fallback` when they name none; empty when the name is wrong.
std::optional<GenerationMode> modeFromKeys(const QJsonObject& keys, GenerationMode fallback) {
    if (!keys.contains(u"mode"))
        return fallback;
    return generationModeFromId(keys.value(u"mode").toString());
}

//! The catalog's id of the model `keys` name; `fallback` when they name none.
std::optional<QString> modelFromKeys(const QJsonObject& keys, const ModelCatalog& catalog,
                                     const QString& fallback) {
    if (!keys.contains(u"model"))
        return fallback;
    if (!keys.value(u"model").isString())
        return std::nullopt;
    const QString asked = keys.value(u"model").toString();
    const ModelSpec* spec = catalog.model(asked); // "c1" and "pixverse-c1" are one model
    return spec ? spec->id : asked;               // unknown: validate() says so
}

//! `keys` over `request`: the model they name (else `fallbackModel`) with the defaults fitted to
//! it when it is another than the request's, then every key given, unchanged (the caller
//! validates). `request` changes only when every key is right.
QString setKeys(const QJsonObject& keys, const ModelCatalog& catalog, ApiFamily family,
                const QString& fallbackModel, GenerationRequest& request) {
    GenerationRequest r = request;
    const std::optional<QString> model = modelFromKeys(keys, catalog, fallbackModel);
    if (!model)
        return tr("“model” must be text.");
    if (*model != r.model) {
        r.model = *model;
        // The defaults follow the model (5 s, 540p, 16:9 where it takes them); what the keys
        // give is set afterwards and checked by validate(), never changed.
        catalog.fitToModel(r, family);
    }
    if (QString error = applyKeys(keys, r); !error.isEmpty())
        return error;
    request = r;
    return {};
}

} // namespace

QString whyRefused(const GenerationRequest& request, const ModelCatalog& catalog, ApiFamily family,
                   bool promptMayFollow) {
    for (const RuleViolation& violation : catalog.validate(request, family)) {
        if (promptMayFollow && violation.kind == RuleViolation::Kind::Missing &&
            violation.field == u"prompt")
            continue;
        return violation.reason;
    }
    return {};
}

QString imageProblem(const GenerationRequest& request) {
    ImageCheckOptions options;
    options.shrink = false; // the engine refuses, it does not scale, what is too large
    options.preview = false;
    options.writeCopy = false;
    for (const RequestImage& image : request.images) {
        const ImageCheckResult checked = ImageCheck::check(image.path, options);
        if (!checked.ok())
            return checked.message;
    }
    return {};
}

QString requestFromKeys(const QJsonObject& keys, const ModelCatalog& catalog, ApiFamily family,
                        GenerationRequest& request, GenerationMode mode) {
    const std::optional<GenerationMode> chosen = modeFromKeys(keys, mode);
    if (!chosen)
        return tr("“mode” must be one of t2v, i2v, transition, extend, effect, fusion, upscale, "
                  "sound or lipsync.");
    GenerationRequest r;
    r.mode = *chosen;
    r.model.clear(); // none yet: the model the keys name, or the family's default, is fitted to
    if (QString error = setKeys(keys, catalog, family, catalog.defaultModel(family, r.mode), r);
        !error.isEmpty())
        return error;
    request = r;
    return {};
}

QString applyGenerationKeys(const QJsonObject& keys, const ModelCatalog& catalog, ApiFamily family,
                            GenerationRequest& request) {
    return setKeys(keys, catalog, family, request.model, request);
}

QStringList batchLineKeys() {
    QStringList keys;
    for (const auto& text : kTextKeys)
        keys << text.key;
    keys << QStringLiteral("model") << QStringLiteral("mode") << QStringLiteral("duration")
         << QStringLiteral("seed");
    for (const auto& one : kSwitchKeys)
        keys << one.key;
    keys << QStringLiteral("image") << QStringLiteral("first_frame")
         << QStringLiteral("last_frame");
    return keys;
}

QJsonObject generationKeys(const GenerationRequest& request) {
    QJsonObject keys;
    for (const auto& [key, field] : kTextKeys)
        keys.insert(key, request.*field);
    keys.insert(u"model", request.model);
    keys.insert(u"mode", generationModeId(request.mode));
    keys.insert(u"duration", request.duration);
    if (request.seed)
        keys.insert(u"seed", *request.seed);
    for (const auto& [key, field] : kSwitchKeys)
        keys.insert(key, request.*field);
    const QString start = request.imagePath(RequestImage::Role::Start);
    const QString first = request.imagePath(RequestImage::Role::FirstFrame);
    const QString last = request.imagePath(RequestImage::Role::LastFrame);
    if (!start.isEmpty())
        keys.insert(u"image", start);
    if (!first.isEmpty() && !last.isEmpty()) {
        keys.insert(u"first_frame", first);
        keys.insert(u"last_frame", last);
    }
    return keys;
}

} // namespace pixverse
