#include "core/sandbox/SandboxRules.h"

#include "core/sandbox/OutputSize.h"
#include "core/sandbox/SandboxState.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <limits>

namespace pixverse::sandbox {

namespace {

const QString kNormal = QStringLiteral("normal");

QStringList stringList(const QJsonValue& value) {
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue& item : array)
        out << item.toString();
    return out;
}

//! The JSON fields of one family's t2v/i2v body, by expected type, and which are required.
struct BodyFields {
    QList<const char*> strings;
    QList<const char*> integers;
    QList<const char*> booleans; //!< true or false only
    QList<const char*> flags;    //!< the web's 0/1 switches (false/true tolerated)
    QList<const char*> textRequired;
    QList<const char*> imageRequired;
    QList<const char*> audioSwitches; //!< every spelling of the audio switch the family takes
    const char* multiClipSwitch = nullptr;
    const char* offPeakSwitch = nullptr; //!< only the web has an off-peak mode (§2.9)
};

const BodyFields& bodyFields(ApiFamily family) {
    static const BodyFields openApi{
        {"prompt", "negative_prompt", "model", "quality", "aspect_ratio", "motion_mode", "style",
         "camera_movement"},
        {"duration", "seed", "img_id", "template_id"},
        {"water_mark", "generate_audio_switch", "generate_multi_clip_switch"},
        {},
        {"prompt", "model", "duration", "quality", "aspect_ratio"},
        {"img_id", "prompt", "model", "duration", "quality"},
        {"generate_audio_switch"},
        "generate_multi_clip_switch",
        nullptr};
    // The web's audio field is uncertain (§3.3): the site's transition call names it `audio`
    // (§3.11), older clients sent the OpenAPI's name. Both are taken, as JSON booleans only: the
    // site's price formulas compare audio with true, so 1 would not be sound (§3.12).
    // multi_shot and off_peak were captured as 0/1 (§3.3, §3.11); booleans are tolerated.
    static const BodyFields web{
        {"prompt", "negative_prompt", "model", "quality", "aspect_ratio", "motion_mode", "style",
         "camera_movement", "lip_sync_tts_speaker_id", "customer_img_path", "customer_img_url",
         "model_name_default"},
        {"duration", "seed", "create_count", "credit_change", "template_id"},
        {"generate_audio_switch", "audio"},
        {"off_peak", "multi_shot"},
        {"prompt", "model", "duration", "quality", "aspect_ratio"},
        {"prompt", "model", "duration", "quality", "customer_img_path", "customer_img_url"},
        {"generate_audio_switch", "audio"},
        "multi_shot",
        "off_peak"};
    return family == ApiFamily::Web ? web : openApi;
}

//! A switch: true/false or 0/1 (the types were checked before). Empty when it is neither.
std::optional<bool> switchValue(const QJsonValue& value) {
    if (value.isBool())
        return value.toBool();
    const auto n = exactInteger(value);
    if (n && (*n == 0 || *n == 1))
        return *n == 1;
    return std::nullopt;
}

Refusal notAllowed(const QString& message) {
    return Refusal{400017, message};
}

//! Whether the body names the aspect ratio: text-to-video and fusion (§2.15) do.
bool takesAspectRatio(GenerationMode mode) {
    return mode == GenerationMode::TextToVideo || mode == GenerationMode::Fusion;
}

//! Image-to-video, transition (the first frame, §2.13) and extend (the source video, §2.14) take
//! no aspect ratio: their input decides it.
bool inputDecidesAspect(const GenerationRequest& r) {
    return !takesAspectRatio(r.mode);
}

//! The first field whose value has the wrong JSON type, as a 400013 refusal.
std::optional<Refusal> typeRefusal(const QJsonObject& body, const BodyFields& fields) {
    auto present = [&body](const char* name) {
        const QJsonValue v = body.value(QLatin1String(name));
        return !v.isUndefined() && !v.isNull();
    };
    auto value = [&body](const char* name) { return body.value(QLatin1String(name)); };
    for (const char* name : fields.strings) {
        if (present(name) && !value(name).isString())
            return Refusal{400013,
                           QStringLiteral("\"%1\" must be a string").arg(QLatin1String(name))};
    }
    for (const char* name : fields.integers) {
        if (present(name) && !isIntegral(value(name)))
            return Refusal{400013,
                           QStringLiteral("\"%1\" must be an integer").arg(QLatin1String(name))};
    }
    for (const char* name : fields.booleans) {
        if (present(name) && !value(name).isBool())
            return Refusal{400013,
                           QStringLiteral("\"%1\" must be true or false").arg(QLatin1String(name))};
    }
    for (const char* name : fields.flags) {
        if (present(name) && !switchValue(value(name)))
            return Refusal{400013,
                           QStringLiteral("\"%1\" must be 0 or 1").arg(QLatin1String(name))};
    }
    return std::nullopt;
}

//! The audio switch, in whichever of the family's spellings the body has it; empty when two
//! spellings disagree.
std::optional<bool> audioSwitch(const QJsonObject& body, const BodyFields& fields) {
    std::optional<bool> on;
    for (const char* name : fields.audioSwitches) {
        const QJsonValue v = body.value(QLatin1String(name));
        if (!v.isBool())
            continue;
        if (on && *on != v.toBool())
            return std::nullopt;
        on = v.toBool();
    }
    return on.value_or(false);
}

//! The first required field that is absent (an empty image path or URL counts as absent).
//! Transition and extend require what both families' t2v and i2v share; their sources (frames,
//! video ids) are checked by their routes.
std::optional<Refusal> missingRefusal(const QJsonObject& body, const BodyFields& fields,
                                      GenerationMode mode) {
    static const QList<const char*> continued{"prompt", "model", "duration", "quality"};
    const QList<const char*>& required = takesAspectRatio(mode) ? fields.textRequired
                                         : mode == GenerationMode::ImageToVideo
                                             ? fields.imageRequired
                                             : continued;
    for (const char* name : required) {
        const QJsonValue v = body.value(QLatin1String(name));
        const bool emptyImage = QByteArrayView(name).startsWith("customer_img_") && v.isString() &&
                                v.toString().isEmpty();
        if (v.isUndefined() || v.isNull() || emptyImage)
            return Refusal{400011, QStringLiteral("\"%1\" is required").arg(QLatin1String(name))};
    }
    return std::nullopt;
}

} // namespace

const SandboxRules& SandboxRules::builtIn() {
    static const SandboxRules rules = [] {
        QFile file(QStringLiteral(":/pixverse/sandbox/rules.json"));
        QString error = file.open(QIODevice::ReadOnly) ? QString() : file.errorString();
        const std::optional<SandboxRules> parsed =
            error.isEmpty() ? fromJson(file.readAll(), &error) : std::nullopt;
        // Compiled in: a broken file is a build defect, not a runtime condition.
        if (!parsed)
            qFatal("The sandbox's built-in rules do not load: %s", qUtf8Printable(error));
        return *parsed;
    }();
    return rules;
}

std::optional<SandboxRules::Model> SandboxRules::readModel(const QJsonObject& m, QString* error) {
    Model model;
    model.id = m.value(QLatin1String("id")).toString();
    const QJsonArray durations = m.value(QLatin1String("durations")).toArray();
    for (const QJsonValue& d : durations)
        model.durations << d.toInt();
    const QJsonArray range = m.value(QLatin1String("durationRange")).toArray();
    for (int d = range.at(0).toInt(1); range.size() == 2 && d <= range.at(1).toInt(); ++d)
        model.durations << d;
    model.qualities = stringList(m.value(QLatin1String("qualities")));
    model.aspectRatios = stringList(m.value(QLatin1String("aspectRatios")));
    const QJsonObject byFamily = m.value(QLatin1String("familyAspectRatios")).toObject();
    for (auto it = byFamily.begin(); it != byFamily.end(); ++it)
        model.familyAspectRatios.insert(it.key(), stringList(it.value()));
    model.motionModes = stringList(m.value(QLatin1String("motionModes")));
    model.styles = m.value(QLatin1String("styles")).toBool();
    model.extraStyles = stringList(m.value(QLatin1String("extraStyles")));
    model.cameraMovement = m.value(QLatin1String("cameraMovement")).toBool();
    model.audio = m.value(QLatin1String("audio")).toBool();
    model.multiClip = m.value(QLatin1String("multiClip")).toBool();
    if (m.contains(QLatin1String("promptMaxLength")))
        model.promptMaxLength = m.value(QLatin1String("promptMaxLength")).toInt();
    model.longEdge = m.value(QLatin1String("sizing")).toString() == QLatin1String("longEdge");
    const QJsonArray forbidden = m.value(QLatin1String("forbidden")).toArray();
    for (const QJsonValue& f : forbidden) {
        const QJsonObject rule = f.toObject();
        const QJsonObject conditions = rule.value(u"when").toObject();
        QHash<QString, QStringList> when;
        for (const QString& field : conditions.keys())
            when.insert(field, stringList(conditions.value(field)));
        model.forbidden << Model::Forbidden{when, rule.value(u"reason").toString()};
    }
    auto clipPrices = [&m](const char* key) {
        Model::ClipPrices prices;
        const QJsonObject byMotion = m.value(QLatin1String(key)).toObject();
        for (auto motion = byMotion.begin(); motion != byMotion.end(); ++motion) {
            const QJsonObject byQuality = motion.value().toObject();
            for (auto quality = byQuality.begin(); quality != byQuality.end(); ++quality) {
                const QJsonObject byDuration = quality.value().toObject();
                for (auto d = byDuration.begin(); d != byDuration.end(); ++d)
                    prices[motion.key()][quality.key()][d.key().toInt()] = d.value().toInt();
            }
        }
        return prices;
    };
    model.perClip = clipPrices("perClip");
    model.perClipWithAudio = clipPrices("perClipWithAudio");
    const QJsonObject perSecond = m.value(QLatin1String("perSecond")).toObject();
    for (auto it = perSecond.begin(); it != perSecond.end(); ++it)
        model.perSecond.insert(
            it.key(), {it.value().toArray().at(0).toInt(), it.value().toArray().at(1).toInt()});
    if (model.id.isEmpty() || model.durations.isEmpty() || model.qualities.isEmpty() ||
        model.aspectRatios.isEmpty() || model.motionModes.isEmpty()) {
        if (error)
            *error = QStringLiteral("model \"%1\" lacks an id, durations, qualities, aspect "
                                    "ratios or motion modes")
                         .arg(model.id);
        return std::nullopt;
    }
    return model;
}

std::optional<SandboxRules> SandboxRules::fromJson(const QByteArray& json, QString* error) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    QString why;
    if (!doc.isObject())
        why = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                           : QStringLiteral("not a JSON object");
    std::optional<SandboxRules> rules = why.isEmpty() ? read(doc.object(), why) : std::nullopt;
    if (!rules && error)
        *error = why;
    return rules;
}

std::optional<SandboxRules> SandboxRules::read(const QJsonObject& o, QString& why) {
    auto fail = [&why](const QString& reason) -> std::optional<SandboxRules> {
        why = reason;
        return std::nullopt;
    };
    SandboxRules rules;
    rules.m_notes = stringList(o.value(QLatin1String("notes")));
    rules.m_seedMax = o.value(QLatin1String("seedMax")).toInteger(rules.m_seedMax);
    rules.m_negativePromptMaxLength =
        o.value(QLatin1String("negativePromptMaxLength")).toInt(rules.m_negativePromptMaxLength);
    rules.m_unknownPriceCredits =
        o.value(QLatin1String("unknownPriceCredits")).toInteger(rules.m_unknownPriceCredits);
    const QJsonObject modes = o.value(QLatin1String("modes")).toObject();
    ModePrices& mp = rules.m_modes;
    mp.soundPerStarted5s = modes.value(u"soundCreditsPerStarted5s").toInt(mp.soundPerStarted5s);
    mp.lipSyncPerAudioSecond =
        modes.value(u"lipSyncCreditsPerAudioSecond").toInt(mp.lipSyncPerAudioSecond);
    mp.lipSyncPer15TextBytes =
        modes.value(u"lipSyncCreditsPer15TextBytes").toInt(mp.lipSyncPer15TextBytes);
    mp.upscaleRateModel = modes.value(u"upscaleRateModel").toString(mp.upscaleRateModel);
    if (modes.contains(QLatin1String("extendRefusedModels")))
        mp.extendRefused = stringList(modes.value(QLatin1String("extendRefusedModels")));
    const QJsonObject fusion = modes.value(QLatin1String("fusion")).toObject();
    for (auto it = fusion.begin(); it != fusion.end(); ++it) {
        if (!it.value().isObject())
            continue; // "source"
        const QJsonObject entry = it.value().toObject();
        const FusionLimits parsed{entry.value(u"images").toInt(),
                                  entry.value(u"subjects").toInt(-1),
                                  entry.value(u"backgrounds").toInt(-1)};
        if (parsed.images < 1)
            return fail(QStringLiteral("fusion model \"%1\" takes no images").arg(it.key()));
        mp.fusion.insert(it.key(), parsed);
    }
    rules.m_styles = stringList(o.value(QLatin1String("styles")));
    rules.m_cameraMovements = stringList(o.value(QLatin1String("cameraMovements")));
    rules.m_t2vOnlyCameraMovements =
        stringList(o.value(QLatin1String("textToVideoOnlyCameraMovements")));
    const QJsonObject longEdges = o.value(QLatin1String("longEdges")).toObject();
    for (auto it = longEdges.begin(); it != longEdges.end(); ++it)
        rules.m_longEdges.insert(it.key(), it.value().toInt());
    const QJsonArray models = o.value(QLatin1String("models")).toArray();
    for (const QJsonValue& m : models) {
        const std::optional<Model> model = readModel(m.toObject(), &why);
        if (!model)
            return std::nullopt;
        rules.m_models << *model;
    }
    const QJsonObject families = o.value(QLatin1String("families")).toObject();
    for (const ApiFamily id : {ApiFamily::OpenApi, ApiFamily::Web}) {
        const QJsonObject f = families.value(apiFamilyId(id)).toObject();
        Family& family = id == ApiFamily::Web ? rules.m_web : rules.m_openApi;
        family.promptMaxLength = f.value(QLatin1String("promptMaxLength")).toInt(2048);
        family.legacy = stringList(f.value(QLatin1String("legacyModels")));
        family.refuseLegacy = f.value(QLatin1String("refuseLegacyModels")).toBool();
        const QJsonObject ids = f.value(QLatin1String("models")).toObject();
        for (auto it = ids.begin(); it != ids.end(); ++it) {
            family.models.insert(it.key(), it.value().toString());
            if (!rules.model(it.key(), id))
                return fail(QStringLiteral("family %1 names the unknown model \"%2\"")
                                .arg(apiFamilyId(id), it.value().toString()));
        }
        if (family.models.isEmpty())
            return fail(QStringLiteral("family %1 has no models").arg(apiFamilyId(id)));
    }
    return rules;
}

const SandboxRules::Family& SandboxRules::family(ApiFamily family) const {
    return family == ApiFamily::Web ? m_web : m_openApi;
}

const SandboxRules::Model* SandboxRules::model(const QString& id, ApiFamily family) const {
    const QString rulesId = this->family(family).models.value(id);
    for (const Model& m : m_models) {
        if (!rulesId.isEmpty() && m.id == rulesId)
            return &m;
    }
    return nullptr;
}

std::variant<GenerationRequest, Refusal>
SandboxRules::readBody(const QJsonObject& body, ApiFamily family, bool imageToVideo) const {
    return readBody(body, family,
                    imageToVideo ? GenerationMode::ImageToVideo : GenerationMode::TextToVideo);
}

std::variant<GenerationRequest, Refusal>
SandboxRules::readBody(const QJsonObject& body, ApiFamily family, GenerationMode mode) const {
    const bool imageToVideo = mode == GenerationMode::ImageToVideo;
    const BodyFields& fields = bodyFields(family);
    if (auto refusal = typeRefusal(body, fields))
        return *refusal;
    if (auto refusal = missingRefusal(body, fields, mode))
        return *refusal;
    auto text = [&body](const char* name) { return body.value(QLatin1String(name)).toString(); };
    auto on = [&body](const char* name) {
        return name && switchValue(body.value(QLatin1String(name))).value_or(false);
    };
    const std::optional<bool> audio = audioSwitch(body, fields);
    if (!audio)
        return notAllowed(QStringLiteral("audio and generate_audio_switch disagree"));

    GenerationRequest r;
    r.prompt = text("prompt");
    r.negativePrompt = text("negative_prompt");
    r.model = text("model");
    r.quality = text("quality");
    // The image, the first frame or the source video decides (§2.3, §2.13, §2.14).
    r.aspectRatio = takesAspectRatio(mode) ? text("aspect_ratio") : QString();
    r.motionMode = text("motion_mode"); // empty: normal
    r.style = text("style");
    r.cameraMovement = text("camera_movement");
    r.audio = *audio;
    // Multi-clip is ignored on every model that does not make it (§6).
    const Model* spec = model(r.model, family);
    r.multiClip = spec && spec->multiClip && on(fields.multiClipSwitch) &&
                  (mode == GenerationMode::TextToVideo || imageToVideo);
    r.offPeak = on(fields.offPeakSwitch);
    r.mode = mode;
    if (imageToVideo)
        r.setStartImage(QStringLiteral("sandbox:") +
                        (family == ApiFamily::Web
                             ? text("customer_img_path")
                             : QString::number(exactInteger(body.value(u"img_id")).value_or(0))));
    const auto duration = exactInteger(body.value(u"duration"));
    if (!duration || *duration < std::numeric_limits<int>::min() ||
        *duration > std::numeric_limits<int>::max())
        return notAllowed(QStringLiteral("The duration is not allowed"));
    r.duration = static_cast<int>(*duration);
    const QJsonValue seed = body.value(u"seed");
    if (!seed.isUndefined() && !seed.isNull()) {
        r.seed = exactInteger(seed);
        if (!r.seed)
            return notAllowed(QStringLiteral("The seed must be from 0 to %1").arg(m_seedMax));
    }
    return r;
}

std::optional<Refusal> SandboxRules::refusal(const GenerationRequest& r, ApiFamily family) const {
    auto missing = [](const char* name) {
        return Refusal{400011, QStringLiteral("\"%1\" is required").arg(QLatin1String(name))};
    };
    if (r.prompt.trimmed().isEmpty())
        return missing("prompt");
    if (r.model.isEmpty())
        return missing("model");
    if (r.quality.isEmpty())
        return missing("quality");
    if (!inputDecidesAspect(r) && r.aspectRatio.isEmpty())
        return missing("aspect_ratio");

    const int promptLimit = promptMaxLength(r.model, family);
    if (promptLength(r.prompt) > promptLimit)
        return Refusal{400018,
                       QStringLiteral("The prompt has %1 characters; at most %2 are allowed")
                           .arg(promptLength(r.prompt))
                           .arg(promptLimit)};
    if (promptLength(r.negativePrompt) > m_negativePromptMaxLength)
        return Refusal{400018,
                       QStringLiteral("The negative prompt has %1 characters; at most %2 are "
                                      "allowed")
                           .arg(promptLength(r.negativePrompt))
                           .arg(m_negativePromptMaxLength)};

    const Model* spec = model(r.model, family);
    if (!spec)
        return notAllowed(QStringLiteral("The model \"%1\" is not available").arg(r.model));
    if (this->family(family).refuseLegacy && this->family(family).legacy.contains(spec->id))
        return notAllowed(
            QStringLiteral("The model \"%1\" no longer makes videos here").arg(r.model));
    if (r.seed && (*r.seed < 0 || *r.seed > m_seedMax))
        return notAllowed(QStringLiteral("The seed must be from 0 to %1").arg(m_seedMax));
    if (auto refusal = valueRefusal(r, *spec, family))
        return refusal;
    return extrasRefusal(r, *spec);
}

std::optional<Refusal> SandboxRules::valueRefusal(const GenerationRequest& r, const Model& model,
                                                  ApiFamily family) const {
    if (!model.durations.contains(r.duration))
        return notAllowed(
            QStringLiteral("%1 cannot make %2-second videos").arg(r.model).arg(r.duration));
    if (!model.qualities.contains(r.quality))
        return notAllowed(QStringLiteral("%1 does not make %2 videos").arg(r.model, r.quality));
    if (!inputDecidesAspect(r) && !aspectRatios(r.model, family).contains(r.aspectRatio))
        return notAllowed(
            QStringLiteral("%1 does not take the aspect ratio %2").arg(r.model, r.aspectRatio));
    const QString motion = r.motionMode.isEmpty() ? kNormal : r.motionMode;
    if (!model.motionModes.contains(motion))
        return notAllowed(
            QStringLiteral("%1 does not take the motion mode %2").arg(r.model, r.motionMode));
    const QHash<QString, QString> values{{QStringLiteral("quality"), r.quality},
                                         {QStringLiteral("duration"), QString::number(r.duration)},
                                         {QStringLiteral("motion_mode"), motion}};
    for (const Model::Forbidden& rule : model.forbidden) {
        bool matches = true;
        for (auto it = rule.when.begin(); it != rule.when.end() && matches; ++it)
            matches = it.value().contains(values.value(it.key()));
        if (matches)
            return notAllowed(rule.reason);
    }
    return std::nullopt;
}

std::optional<Refusal> SandboxRules::extrasRefusal(const GenerationRequest& r,
                                                   const Model& model) const {
    if (!r.style.isEmpty()) {
        if (!model.styles)
            return notAllowed(QStringLiteral("%1 does not take a style").arg(r.model));
        if (!m_styles.contains(r.style) && !model.extraStyles.contains(r.style))
            return notAllowed(QStringLiteral("Unknown style \"%1\"").arg(r.style));
    }
    if (!r.cameraMovement.isEmpty()) {
        if (!model.cameraMovement)
            return notAllowed(QStringLiteral("%1 does not take a camera movement").arg(r.model));
        if (!m_cameraMovements.contains(r.cameraMovement))
            return notAllowed(
                QStringLiteral("Unknown camera movement \"%1\"").arg(r.cameraMovement));
        if (r.mode != GenerationMode::TextToVideo &&
            m_t2vOnlyCameraMovements.contains(r.cameraMovement))
            return notAllowed(QStringLiteral("The camera movement \"%1\" is for text-to-video only")
                                  .arg(r.cameraMovement));
    }
    if (r.audio && !model.audio)
        return notAllowed(QStringLiteral("%1 does not generate audio").arg(r.model));
    return std::nullopt;
}

std::variant<GenerationRequest, Refusal>
SandboxRules::judge(const QJsonObject& body, ApiFamily family, bool imageToVideo) const {
    auto read = readBody(body, family, imageToVideo);
    if (const auto* request = std::get_if<GenerationRequest>(&read)) {
        if (auto refused = refusal(*request, family))
            return *refused;
    }
    return read;
}

qint64 SandboxRules::price(const GenerationRequest& r, ApiFamily family) const {
    const Model* spec = model(r.model, family);
    if (!spec)
        return m_unknownPriceCredits;
    if (!spec->perSecond.isEmpty()) {
        const auto rate = spec->perSecond.constFind(r.quality);
        if (rate == spec->perSecond.cend())
            return m_unknownPriceCredits;
        return static_cast<qint64>(r.audio ? rate->second : rate->first) * r.duration;
    }
    const Model::ClipPrices& table =
        r.audio && !spec->perClipWithAudio.isEmpty() ? spec->perClipWithAudio : spec->perClip;
    const QString motion = r.motionMode.isEmpty() ? kNormal : r.motionMode;
    return table.value(motion).value(r.quality).value(r.duration, m_unknownPriceCredits);
}

namespace {

//! Whole seconds, rounded up after rounding to milliseconds: a container that says 1.0000001 s
//! holds a 1 s clip.
qint64 secondsUp(double seconds) {
    return (std::llround(std::max(seconds, 0.0) * 1000.0) + 999) / 1000;
}

} // namespace

qint64 SandboxRules::soundEffectPrice(double videoSeconds) const {
    const qint64 started = (std::max<qint64>(secondsUp(videoSeconds), 1) + 4) / 5;
    return started * m_modes.soundPerStarted5s;
}

qint64 SandboxRules::lipSyncAudioPrice(double audioSeconds) const {
    return secondsUp(audioSeconds) * m_modes.lipSyncPerAudioSecond;
}

qint64 SandboxRules::lipSyncTextPrice(const QString& text) const {
    const qint64 bytes = text.toUtf8().size();
    return (bytes + 14) / 15 * m_modes.lipSyncPer15TextBytes;
}

qint64 SandboxRules::upscalePrice(const QString& sourceQuality, double seconds) const {
    const Model* spec = model(m_modes.upscaleRateModel, ApiFamily::OpenApi);
    if (!spec || !spec->perSecond.contains(sourceQuality))
        return m_unknownPriceCredits;
    const int rate = spec->perSecond.value(sourceQuality).first;
    return static_cast<qint64>(rate) * std::max<qint64>(secondsUp(seconds), 1);
}

std::optional<SandboxRules::FusionLimits> SandboxRules::fusionLimits(const QString& modelId,
                                                                     ApiFamily family) const {
    const Model* spec = model(modelId, family);
    const auto found = spec ? m_modes.fusion.constFind(spec->id) : m_modes.fusion.cend();
    if (found == m_modes.fusion.cend())
        return std::nullopt;
    return *found;
}

bool SandboxRules::extends(const QString& modelId, ApiFamily family) const {
    const Model* spec = model(modelId, family);
    return spec && !m_modes.extendRefused.contains(spec->id);
}

QSize SandboxRules::fitOutput(GenerationRequest& r, ApiFamily family, QSize imageSize) const {
    const Model* spec = model(r.model, family);
    if (!spec)
        return {};
    if (inputDecidesAspect(r))
        r.aspectRatio = nearestAspectRatio(imageSize, aspectRatios(r.model, family));
    if (spec->longEdge)
        return outputSizeByLongEdge(m_longEdges.value(r.quality), r.aspectRatio);
    return outputSize(r.quality, r.aspectRatio);
}

QStringList SandboxRules::modelIds(ApiFamily family) const {
    QStringList ids = this->family(family).models.keys();
    ids.sort();
    return ids;
}

QList<int> SandboxRules::durations(const QString& modelId, ApiFamily family) const {
    const Model* spec = model(modelId, family);
    return spec ? spec->durations : QList<int>();
}

QStringList SandboxRules::qualities(const QString& modelId, ApiFamily family) const {
    const Model* spec = model(modelId, family);
    return spec ? spec->qualities : QStringList();
}

QStringList SandboxRules::aspectRatios(const QString& modelId, ApiFamily family) const {
    const Model* spec = model(modelId, family);
    if (!spec)
        return {};
    return spec->familyAspectRatios.value(apiFamilyId(family), spec->aspectRatios);
}

QStringList SandboxRules::motionModes(const QString& modelId, ApiFamily family) const {
    const Model* spec = model(modelId, family);
    return spec ? spec->motionModes : QStringList();
}

bool SandboxRules::makesAudio(const QString& modelId, ApiFamily family) const {
    const Model* spec = model(modelId, family);
    return spec && spec->audio;
}

int SandboxRules::promptMaxLength(const QString& modelId, ApiFamily family) const {
    const Model* spec = model(modelId, family);
    const int familyLimit = this->family(family).promptMaxLength;
    return spec && spec->promptMaxLength ? std::max(*spec->promptMaxLength, familyLimit)
                                         : familyLimit;
}

} // namespace pixverse::sandbox
