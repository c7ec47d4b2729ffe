// ModelCatalog's judgements: validation, prices and fitting a request to a model.
#include "core/generation/ModelCatalog.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdlib>

namespace pixverse {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pixverse::ModelCatalog", text);
}
//! A string of the table (a label, a rule's reason) in the UI language; fix-ts.py puts them in the
//! .ts.
QString dataText(const QString& text) {
    return tr(text.toUtf8().constData());
}

//! The first control character (Unicode category Cc: a bell, an escape, a NUL...) other than a
//! tab or a line break; 0 when there is none. Such characters come from pasted terminal output
//! or binary junk, mean nothing in a prompt, and are refused before anything is sent.
char16_t firstControlCharacter(const QString& text) {
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control && c != u'\t' && c != u'\n' && c != u'\r')
            return c.unicode();
    }
    return 0;
}

QString codePoint(char16_t c) {
    return QStringLiteral("U+%1").arg(static_cast<uint>(c), 4, 16, QLatin1Char('0')).toUpper();
}

QString boolText(bool on) {
    return on ? QStringLiteral("true") : QStringLiteral("false");
}

const QStringList& switchIds() {
    static const QStringList ids{QStringLiteral("audio"), QStringLiteral("multiClip"),
                                 QStringLiteral("offPeak")};
    return ids;
}

//! The request's value of a catalog field, as text.
QString fieldValue(const GenerationRequest& r, const QString& field) {
    if (field == QLatin1String("mode"))
        return generationModeId(r.mode);
    if (field == QLatin1String("model"))
        return r.model;
    if (field == QLatin1String("duration"))
        return QString::number(r.duration);
    if (field == QLatin1String("quality"))
        return r.quality;
    if (field == QLatin1String("aspectRatio"))
        return r.aspectRatio;
    if (field == QLatin1String("motionMode"))
        return r.motionMode;
    if (field == QLatin1String("style"))
        return r.style;
    if (field == QLatin1String("cameraMovement"))
        return r.cameraMovement;
    if (field == QLatin1String("audio"))
        return boolText(r.audio);
    if (field == QLatin1String("multiClip"))
        return boolText(r.multiClip);
    if (field == QLatin1String("offPeak"))
        return boolText(r.offPeak);
    return {};
}

bool setFieldValue(GenerationRequest& r, const QString& field, const QString& value) {
    if (field == QLatin1String("mode")) {
        const auto mode = generationModeFromId(value);
        if (mode)
            r.mode = *mode;
        return mode.has_value();
    }
    if (field == QLatin1String("duration")) {
        bool ok = false;
        r.duration = value.toInt(&ok);
        return ok;
    }
    const bool on = value == QLatin1String("true");
    if (field == QLatin1String("model"))
        r.model = value;
    else if (field == QLatin1String("quality"))
        r.quality = value;
    else if (field == QLatin1String("aspectRatio"))
        r.aspectRatio = value;
    else if (field == QLatin1String("motionMode"))
        r.motionMode = value;
    else if (field == QLatin1String("style"))
        r.style = value;
    else if (field == QLatin1String("cameraMovement"))
        r.cameraMovement = value;
    else if (field == QLatin1String("audio"))
        r.audio = on;
    else if (field == QLatin1String("multiClip"))
        r.multiClip = on;
    else if (field == QLatin1String("offPeak"))
        r.offPeak = on;
    else
        return false;
    return true;
}

//! The model's forbidden combinations `r` falls into.
QList<const ModelSpec::Rule*> matchingRules(const ModelSpec& spec, const GenerationRequest& r) {
    QList<const ModelSpec::Rule*> out;
    for (const ModelSpec::Rule& rule : spec.rules) {
        bool matches = true;
        for (auto it = rule.when.begin(); it != rule.when.end() && matches; ++it)
            matches = it.value().contains(fieldValue(r, it.key()));
        if (matches)
            out << &rule;
    }
    return out;
}

//! Requests whose output frame the creator picks (the others follow an image or a video): an
//! effect only when its template takes no image (it goes to text-to-video, §2.19).
bool takesAspectRatio(const GenerationRequest& r) {
    return r.mode == GenerationMode::TextToVideo || r.mode == GenerationMode::Fusion ||
           (r.mode == GenerationMode::Effect && r.templateImageCount == 0);
}

//! Fusion's body has no motion mode (§2.15): its rules and price are those of "normal".
GenerationRequest withoutMotionWhereNone(const GenerationRequest& r) {
    GenerationRequest out = r;
    if (r.mode == GenerationMode::Fusion)
        out.motionMode = QStringLiteral("normal");
    return out;
}

} // namespace

QString ModelCatalog::switchLabel(const QString& switchId) const {
    return dataText(m_switchLabels.value(switchId, switchId));
}

void ModelCatalog::addTextViolations(const GenerationRequest& r, const ModelSpec* spec,
                                     ApiFamily family, QList<RuleViolation>& out) const {
    using Kind = RuleViolation::Kind;
    // Upscale and lip sync send no text of the prompt's; sound's description may be empty.
    if (r.mode == GenerationMode::Upscale || r.mode == GenerationMode::LipSync)
        return;
    const int promptLimit = spec ? spec->promptMaxLength(family) : promptMaxLength(family);
    if (r.prompt.trimmed().isEmpty()) {
        if (r.mode != GenerationMode::SoundEffect)
            out << RuleViolation{Kind::Missing,
                                 QStringLiteral("prompt"),
                                 tr("Write a prompt: it cannot be empty."),
                                 {QStringLiteral("prompt")}};
    } else if (promptLength(r.prompt) > promptLimit) {
        out << RuleViolation{Kind::TooLong,
                             QStringLiteral("prompt"),
                             tr("The prompt has %1 characters; PixVerse accepts at most %2.")
                                 .arg(promptLength(r.prompt))
                                 .arg(promptLimit),
                             {QStringLiteral("prompt")}};
    }
    if (const char16_t c = firstControlCharacter(r.prompt))
        out << RuleViolation{
            Kind::NotAllowed,
            QStringLiteral("prompt"),
            tr("The prompt contains an invisible control character (%1); remove it.")
                .arg(codePoint(c)),
            {QStringLiteral("prompt")}};
    if (!modeTakesModel(r.mode))
        return; // sound: no negative prompt, no seed in its body
    if (promptLength(r.negativePrompt) > m_negativePromptMaxLength)
        out << RuleViolation{
            Kind::TooLong,
            QStringLiteral("negativePrompt"),
            tr("The negative prompt has %1 characters; PixVerse accepts at most %2.")
                .arg(promptLength(r.negativePrompt))
                .arg(m_negativePromptMaxLength),
            {QStringLiteral("negativePrompt")}};
    if (const char16_t c = firstControlCharacter(r.negativePrompt))
        out << RuleViolation{
            Kind::NotAllowed,
            QStringLiteral("negativePrompt"),
            tr("The negative prompt contains an invisible control character (%1); remove it.")
                .arg(codePoint(c)),
            {QStringLiteral("negativePrompt")}};
    if (r.seed && (*r.seed < 0 || *r.seed > m_seedMax))
        out << RuleViolation{Kind::NotAllowed,
                             QStringLiteral("seed"),
                             tr("The seed must be a whole number from 0 to %1.").arg(m_seedMax),
                             {QStringLiteral("seed")}};
}

QList<RuleViolation> ModelCatalog::validate(const GenerationRequest& r, ApiFamily family) const {
    QList<RuleViolation> out;
    using Kind = RuleViolation::Kind;
    if (!familyOffersMode(r.mode, family)) {
        // Nothing else matters: no request of this family could carry it.
        const QString reason =
            family == ApiFamily::Web
                ? tr("\"%1\" is available only with a platform API key sign-in (PixVerse "
                     "documents no website request for it).")
                : tr("\"%1\" is not available here yet.");
        out << RuleViolation{Kind::NotAllowed,
                             QStringLiteral("mode"),
                             reason.arg(generationModeLabel(r.mode)),
                             {QStringLiteral("mode")}};
        return out;
    }
    const bool takesModel = modeTakesModel(r.mode);
    const ModelSpec* spec = !takesModel || r.model.isEmpty() ? nullptr : model(r.model);
    const bool known = spec && spec->families.contains(family);
    addTextViolations(r, known ? spec : nullptr, family, out);
    addInputViolations(r, out);
    if (r.mode == GenerationMode::Effect)
        addEffectViolations(r, out);
    if (!takesModel)
        return out;
    if (r.model.isEmpty()) {
        out << RuleViolation{Kind::Missing,
                             QStringLiteral("model"),
                             tr("Choose a model."),
                             {QStringLiteral("model")}};
        return out;
    }
    if (!known) {
        out << RuleViolation{Kind::NotAllowed,
                             QStringLiteral("model"),
                             tr("The model \"%1\" is not available here.").arg(r.model),
                             {QStringLiteral("model")}};
        return out;
    }
    // A mode the model does not make is said below; v5.5 is offered for fusion alone.
    if (spec->takesMode(r.mode, family) ? !spec->offeredFor(family, r.mode)
                                        : !spec->offeredFor(family)) {
        // The service refuses it (the website no longer takes the older models, §3.10): say so
        // before anything is sent, and name what is offered instead.
        QStringList offered;
        QList<ModelSpec> models = offeredModels(family, r.mode);
        if (models.isEmpty())
            models = offeredModels(family);
        for (const ModelSpec& m : std::as_const(models))
            offered << m.label;
        out << RuleViolation{Kind::NotAllowed,
                             QStringLiteral("model"),
                             tr("%1 is not offered with this sign-in; choose one of: %2.")
                                 .arg(spec->label, offered.join(QStringLiteral(", "))),
                             {QStringLiteral("model")}};
        return out;
    }
    addValueViolations(r, *spec, family, out);
    if (r.mode == GenerationMode::Fusion)
        addReferenceViolations(r, *spec, out);
    return out;
}

void ModelCatalog::addValueViolations(const GenerationRequest& r, const ModelSpec& spec,
                                      ApiFamily family, QList<RuleViolation>& out) const {
    using Kind = RuleViolation::Kind;
    auto add = [&out](Kind kind, const QString& field, const QString& reason) {
        out << RuleViolation{kind, field, reason, {field}};
    };
    if (!spec.takesMode(r.mode, family))
        add(Kind::NotAllowed, QStringLiteral("mode"),
            tr("%1 cannot make \"%2\" videos here.").arg(spec.label, generationModeLabel(r.mode)));
    if (!spec.takesDuration(r.duration))
        add(Kind::NotAllowed, QStringLiteral("duration"),
            spec.durationIsRange()
                ? tr("%1 makes videos of %2 to %3 seconds.")
                      .arg(spec.label)
                      .arg(spec.minDuration())
                      .arg(spec.maxDuration())
                : tr("%1 cannot make %2-second videos.").arg(spec.label).arg(r.duration));
    if (r.quality.isEmpty())
        add(Kind::Missing, QStringLiteral("quality"), tr("Choose a quality."));
    else if (!spec.qualities.contains(r.quality))
        add(Kind::NotAllowed, QStringLiteral("quality"),
            tr("%1 does not offer the quality %2.").arg(spec.label, r.quality));
    if (takesAspectRatio(r)) {
        if (r.aspectRatio.isEmpty())
            add(Kind::Missing, QStringLiteral("aspectRatio"), tr("Choose an aspect ratio."));
        else if (!spec.aspectRatios(family).contains(r.aspectRatio))
            add(Kind::NotAllowed, QStringLiteral("aspectRatio"),
                tr("%1 does not offer the aspect ratio %2.").arg(spec.label, r.aspectRatio));
    }
    // A model without motion modes sends no motion_mode: "normal" (the default) means just that.
    // Fusion sends none at all.
    if (r.mode != GenerationMode::Fusion && !r.motionMode.isEmpty() &&
        !spec.motionChoices().contains(r.motionMode))
        add(Kind::NotAllowed, QStringLiteral("motionMode"),
            tr("%1 does not offer the %2 motion mode.").arg(spec.label, r.motionMode));
    // Fusion: no style or camera movement at all (addReferenceViolations).
    if (r.mode != GenerationMode::Fusion && !r.style.isEmpty()) {
        if (!spec.takesStyle())
            add(Kind::NotAllowed, QStringLiteral("style"),
                tr("%1 does not take a style.").arg(spec.label));
        else if (!spec.styles.contains(r.style))
            add(Kind::NotAllowed, QStringLiteral("style"),
                tr("Unknown style \"%1\".").arg(r.style));
    }
    if (r.mode != GenerationMode::Fusion && !r.cameraMovement.isEmpty()) {
        if (!spec.cameraMovement)
            add(Kind::NotAllowed, QStringLiteral("cameraMovement"),
                tr("%1 does not take a camera movement.").arg(spec.label));
        else if (!m_cameraMovements.contains(r.cameraMovement))
            add(Kind::NotAllowed, QStringLiteral("cameraMovement"),
                tr("Unknown camera movement \"%1\".").arg(r.cameraMovement));
        else if (r.mode != GenerationMode::TextToVideo &&
                 m_t2vOnlyCameraMovements.contains(r.cameraMovement))
            add(Kind::NotAllowed, QStringLiteral("cameraMovement"),
                tr("The camera movement \"%1\" works only for text-to-video.")
                    .arg(r.cameraMovement));
    }
    for (const QString& id : switchIds()) {
        if (fieldValue(r, id) != QLatin1String("true"))
            continue;
        // Multi-shot is a field of text- and image-to-video only (§2.2, §2.13, §2.14), and of
        // the effects sent through them.
        if (id == QLatin1String("multiClip") && r.mode != GenerationMode::TextToVideo &&
            r.mode != GenerationMode::ImageToVideo && r.mode != GenerationMode::Effect) {
            add(Kind::NotAllowed, id,
                tr("\"%1\" works only for text- and image-to-video.").arg(switchLabel(id)));
            continue;
        }
        if (spec.hasSwitch(id, family))
            continue;
        if (!m_switchFamilies.value(id).contains(family))
            add(Kind::NotAllowed, id,
                tr("\"%1\" is available only when signed in with a PixVerse account.")
                    .arg(switchLabel(id)));
        else
            add(Kind::NotAllowed, id,
                tr("%1 has no \"%2\" option.").arg(spec.label, switchLabel(id)));
    }
    for (const ModelSpec::Rule* rule : matchingRules(spec, withoutMotionWhereNone(r))) {
        QStringList fields = rule->when.keys();
        fields.sort();
        out << RuleViolation{Kind::NotAllowed, fields.first(), dataText(rule->reason), fields};
    }
}

std::optional<QString> ModelCatalog::whyNotAllowed(const GenerationRequest& request,
                                                   ApiFamily family, const QString& field,
                                                   const QString& value) const {
    GenerationRequest candidate = request;
    if (!setFieldValue(candidate, field, value))
        return tr("Unknown setting \"%1\".").arg(field);
    // Only the parameter rules matter here, not an empty prompt.
    if (candidate.prompt.trimmed().isEmpty())
        candidate.prompt = QStringLiteral("x");
    const QList<RuleViolation> violations = validate(candidate, family);
    for (const RuleViolation& v : violations) {
        if (v.fields.contains(field))
            return v.reason;
    }
    return std::nullopt;
}

std::optional<int> ModelCatalog::creditsPerSecond(const GenerationRequest& request) const {
    const ModelSpec* spec = modeTakesModel(request.mode) ? model(request.model) : nullptr;
    if (!spec)
        return std::nullopt;
    const auto rate = spec->creditsPerSecond.constFind(request.quality);
    if (rate == spec->creditsPerSecond.cend())
        return std::nullopt;
    return request.audio ? rate->withAudio : rate->withoutAudio;
}

std::optional<int> ModelCatalog::creditCost(const GenerationRequest& asked) const {
    if (!modeTakesModel(asked.mode))
        return operationCost(asked);
    const GenerationRequest request = withoutMotionWhereNone(asked);
    const ModelSpec* spec = model(request.model);
    if (!spec || (!spec->takesMode(request.mode, ApiFamily::OpenApi) &&
                  !spec->takesMode(request.mode, ApiFamily::Web)))
        return std::nullopt;
    // Sound on a model that makes none has no price (it is refused).
    const QString audio = QStringLiteral("audio");
    if (request.audio && !spec->hasSwitch(audio, ApiFamily::OpenApi) &&
        !spec->hasSwitch(audio, ApiFamily::Web))
        return std::nullopt;
    if (spec->pricedPerSecond()) {
        // A combination the model refuses has no price (per clip: no entry in the table).
        const std::optional<int> rate = creditsPerSecond(request);
        if (!rate || !spec->takesDuration(request.duration) ||
            !matchingRules(*spec, request).isEmpty())
            return std::nullopt;
        return *rate * request.duration;
    }
    // Models without motion modes keep their prices under "normal".
    const QString motion = spec->motionModes.isEmpty() || request.motionMode.isEmpty()
                               ? QStringLiteral("normal")
                               : request.motionMode;
    const ModelSpec::ClipPrices& table =
        request.audio && !spec->creditsWithAudio.isEmpty() ? spec->creditsWithAudio : spec->credits;
    const auto byMotion = table.constFind(motion);
    if (byMotion == table.cend())
        return std::nullopt;
    const auto byQuality = byMotion->constFind(request.quality);
    if (byQuality == byMotion->cend())
        return std::nullopt;
    const auto credits = byQuality->constFind(request.duration);
    if (credits == byQuality->cend())
        return std::nullopt;
    return *credits;
}

QList<SettingChange> ModelCatalog::fitToModel(GenerationRequest& request, ApiFamily family) const {
    QList<SettingChange> changes;
    const ModelSpec* spec = model(request.model);
    // A mode without a model ignores request.model: nothing to fit.
    if (!spec || !spec->families.contains(family) || !modeTakesModel(request.mode))
        return changes;
    // Why `field` may not be `value`: any refusal naming it, or (alone) only one about it alone.
    auto refusal = [&](const QString& field, const QString& value,
                       bool alone) -> std::optional<QString> {
        GenerationRequest candidate = request;
        setFieldValue(candidate, field, value);
        candidate.prompt = QStringLiteral("x"); // only the parameters matter here
        const QList<RuleViolation> violations = validate(candidate, family);
        for (const RuleViolation& v : violations) {
            if (v.fields.contains(field) && (!alone || v.fields.size() == 1))
                return v.reason;
        }
        return std::nullopt;
    };
    // Tries `candidates` in order for `field` when its current value is refused; the first one
    // allowed stays, and the change is reported with the reason the old value was refused.
    auto fit = [&](const QString& field, const QStringList& candidates, bool alone) {
        const QString from = fieldValue(request, field);
        const std::optional<QString> why = refusal(field, from, alone);
        if (!why)
            return;
        for (const QString& to : candidates) {
            if (to != from && !refusal(field, to, alone)) {
                setFieldValue(request, field, to);
                // A field moved twice (a value, then a combination) is one change.
                auto earlier =
                    std::find_if(changes.begin(), changes.end(),
                                 [&field](const SettingChange& c) { return c.field == field; });
                if (earlier != changes.end())
                    earlier->to = to;
                else
                    changes << SettingChange{field, from, to, *why};
                return;
            }
        }
    };
    auto withDefaultFirst = [](QStringList values, const QString& preferred) {
        if (values.removeOne(preferred))
            values.prepend(preferred);
        return values;
    };
    QList<int> byDistance = spec->durations();
    const int wanted = request.duration;
    // Nearest first; between two as near, the shorter (cheaper).
    std::stable_sort(byDistance.begin(), byDistance.end(), [wanted](int a, int b) {
        return std::abs(a - wanted) < std::abs(b - wanted);
    });
    QStringList durations;
    for (const int d : std::as_const(byDistance))
        durations << QString::number(d);
    const QStringList qualities = withDefaultFirst(spec->qualities, QStringLiteral("540p"));
    const QStringList motions = withDefaultFirst(spec->motionChoices(), QStringLiteral("normal"));
    fit(QStringLiteral("mode"), withDefaultFirst(spec->modes(family), QStringLiteral("t2v")), true);
    // First each value on its own, then the forbidden combinations: those change the duration
    // before the quality (1080p for 10 s on C1 becomes 1080p for 5 s).
    fit(QStringLiteral("quality"), qualities, true);
    fit(QStringLiteral("aspectRatio"),
        withDefaultFirst(spec->aspectRatios(family), QStringLiteral("16:9")), true);
    fit(QStringLiteral("motionMode"), motions, true);
    fit(QStringLiteral("duration"), durations, true);
    fit(QStringLiteral("duration"), durations, false);
    fit(QStringLiteral("quality"), qualities, false);
    fit(QStringLiteral("motionMode"), motions, false);
    for (const QString& id : switchIds())
        fit(id, {QStringLiteral("false")}, false);
    fit(QStringLiteral("style"), {QString()}, false);
    fit(QStringLiteral("cameraMovement"), {QString()}, false);
    return changes;
}

} // namespace pixverse
