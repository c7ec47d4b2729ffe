#include "core/generation/ModelCatalog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCatalog, "pixverse.catalog")

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

QStringList stringList(const QJsonValue& value) {
    QStringList out;
    if (value.isString())
        out << value.toString();
    const QJsonArray array = value.toArray();
    for (const QJsonValue& v : array)
        out << (v.isDouble() ? QString::number(v.toInteger()) : v.toString());
    return out;
}

QList<ApiFamily> families(const QJsonValue& value) {
    QList<ApiFamily> out;
    const QStringList ids = stringList(value);
    for (const QString& id : ids) {
        if (auto family = apiFamilyFromId(id))
            out << *family;
    }
    return out;
}

//! The request's value of a catalog field, as text.
QString fieldValue(const GenerationRequest& r, const QString& field) {
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
        return r.audio ? QStringLiteral("true") : QStringLiteral("false");
    if (field == QLatin1String("multiShot"))
        return r.multiShot ? QStringLiteral("true") : QStringLiteral("false");
    if (field == QLatin1String("offPeak"))
        return r.offPeak ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

bool setFieldValue(GenerationRequest& r, const QString& field, const QString& value) {
    if (field == QLatin1String("model"))
        r.model = value;
    else if (field == QLatin1String("duration")) {
        bool ok = false;
        r.duration = value.toInt(&ok);
        return ok;
    } else if (field == QLatin1String("quality"))
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
        r.audio = value == QLatin1String("true");
    else if (field == QLatin1String("multiShot"))
        r.multiShot = value == QLatin1String("true");
    else if (field == QLatin1String("offPeak"))
        r.offPeak = value == QLatin1String("true");
    else
        return false;
    return true;
}

bool switchOn(const GenerationRequest& r, const QString& id) {
    return fieldValue(r, id) == QLatin1String("true");
}

} // namespace

const ModelCatalog& ModelCatalog::builtIn() {
    static const ModelCatalog catalog = [] {
        QFile file(QStringLiteral(":/pixverse/models.json"));
        QString error;
        std::optional<ModelCatalog> parsed;
        if (file.open(QIODevice::ReadOnly))
            parsed = fromJson(file.readAll(), &error);
        else
            error = file.errorString();
        if (!parsed) {
            // The table is compiled in; a broken one is a build defect, not a runtime condition.
            qFatal("The built-in model catalog does not load: %s", qUtf8Printable(error));
        }
        return *parsed;
    }();
    return catalog;
}

ModelCatalog ModelCatalog::load(const QString& dataDir) {
    const ModelCatalog& builtin = builtIn();
    if (dataDir.isEmpty())
        return builtin;
    QFile file(QDir(dataDir).filePath(QStringLiteral("models.json")));
    if (!file.exists())
        return builtin;
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcCatalog) << "cannot read" << file.fileName() << file.errorString();
        return builtin;
    }
    QString error;
    auto parsed = fromJson(file.readAll(), &error);
    if (!parsed) {
        qCWarning(lcCatalog) << "ignoring" << file.fileName() << ":" << error;
        return builtin;
    }
    if (parsed->version() <= builtin.version()) {
        qCInfo(lcCatalog) << "ignoring" << file.fileName() << ": version" << parsed->version()
                          << "is not newer than the built-in" << builtin.version();
        return builtin;
    }
    qCInfo(lcCatalog) << "using model catalog version" << parsed->version() << "from"
                      << file.fileName();
    return *parsed;
}

std::optional<ModelCatalog> ModelCatalog::fromJson(const QByteArray& json, QString* error) {
    auto fail = [error](const QString& why) -> std::optional<ModelCatalog> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return fail(parseError.error != QJsonParseError::NoError
                        ? parseError.errorString()
                        : QStringLiteral("not a JSON object"));
    const QJsonObject root = doc.object();
    ModelCatalog c;
    c.m_version = root.value(QLatin1String("version")).toInt(-1);
    if (c.m_version < 0)
        return fail(QStringLiteral("no integer \"version\""));
    // A number (every family), or one per family: {"openapi": 2048, "web": 5000}.
    const QJsonValue limits = root.value(QLatin1String("promptMaxLength"));
    c.m_promptMaxLength = limits.isObject()
                              ? limits.toObject().value(QLatin1String("openapi")).toInt(2048)
                              : limits.toInt(2048);
    c.m_webPromptMaxLength =
        limits.isObject() ? limits.toObject().value(QLatin1String("web")).toInt(c.m_promptMaxLength)
                          : c.m_promptMaxLength;
    c.m_negativePromptMaxLength =
        root.value(QLatin1String("negativePromptMaxLength")).toInt(c.m_promptMaxLength);
    c.m_seedMax = root.value(QLatin1String("seedMax")).toInteger(2147483647);
    c.m_styles = stringList(root.value(QLatin1String("styles")));
    c.m_cameraMovements = stringList(root.value(QLatin1String("cameraMovements")));
    c.m_t2vOnlyCameraMovements =
        stringList(root.value(QLatin1String("textToVideoOnlyCameraMovements")));
    const QJsonObject switches = root.value(QLatin1String("switches")).toObject();
    for (auto it = switches.begin(); it != switches.end(); ++it) {
        const QJsonObject s = it.value().toObject();
        c.m_switchFamilies.insert(it.key(), families(s.value(QLatin1String("families"))));
        c.m_switchLabels.insert(it.key(), s.value(QLatin1String("label")).toString(it.key()));
    }

    const QJsonArray models = root.value(QLatin1String("models")).toArray();
    if (models.isEmpty())
        return fail(QStringLiteral("no \"models\""));
    for (const QJsonValue& value : models) {
        const QJsonObject m = value.toObject();
        ModelSpec spec;
        spec.id = m.value(QLatin1String("id")).toString();
        if (spec.id.isEmpty())
            return fail(QStringLiteral("a model without \"id\""));
        spec.label = m.value(QLatin1String("label")).toString(spec.id);
        spec.offered = m.value(QLatin1String("offered")).toBool(true);
        spec.families = families(m.value(QLatin1String("families")));
        const QJsonArray durations = m.value(QLatin1String("durations")).toArray();
        for (const QJsonValue& d : durations)
            spec.durations << d.toInt();
        spec.qualities = stringList(m.value(QLatin1String("qualities")));
        spec.aspectRatios = stringList(m.value(QLatin1String("aspectRatios")));
        spec.motionModes = stringList(m.value(QLatin1String("motionModes")));
        if (spec.motionModes.isEmpty())
            spec.motionModes << QStringLiteral("normal");
        spec.styles = m.value(QLatin1String("styles")).toBool();
        spec.cameraMovement = m.value(QLatin1String("cameraMovement")).toBool();
        spec.switches = stringList(m.value(QLatin1String("switches")));
        if (spec.durations.isEmpty() || spec.qualities.isEmpty() || spec.aspectRatios.isEmpty())
            return fail(QStringLiteral("model %1 lacks durations, qualities or aspect ratios")
                            .arg(spec.id));
        const QJsonArray rules = m.value(QLatin1String("rules")).toArray();
        for (const QJsonValue& r : rules) {
            ModelSpec::Rule rule;
            const QJsonObject when = r.toObject().value(QLatin1String("when")).toObject();
            for (auto it = when.begin(); it != when.end(); ++it)
                rule.when.insert(it.key(), stringList(it.value()));
            rule.reason = r.toObject().value(QLatin1String("reason")).toString();
            if (rule.when.isEmpty() || rule.reason.isEmpty())
                return fail(QStringLiteral("model %1 has a rule without \"when\" or \"reason\"")
                                .arg(spec.id));
            spec.rules << rule;
        }
        const QJsonObject credits = m.value(QLatin1String("credits")).toObject();
        for (auto motion = credits.begin(); motion != credits.end(); ++motion) {
            const QJsonObject byQuality = motion.value().toObject();
            for (auto quality = byQuality.begin(); quality != byQuality.end(); ++quality) {
                const QJsonObject byDuration = quality.value().toObject();
                for (auto d = byDuration.begin(); d != byDuration.end(); ++d)
                    spec.credits[motion.key()][quality.key()][d.key().toInt()] = d.value().toInt();
            }
        }
        c.m_models << spec;
    }
    return c;
}

QStringList ModelCatalog::switchesFor(ApiFamily family) const {
    QStringList out;
    for (auto it = m_switchFamilies.begin(); it != m_switchFamilies.end(); ++it) {
        if (it.value().contains(family))
            out << it.key();
    }
    out.sort();
    return out;
}

QList<ModelSpec> ModelCatalog::offeredModels(ApiFamily family) const {
    QList<ModelSpec> out;
    for (const ModelSpec& m : m_models) {
        if (m.offered && m.families.contains(family))
            out << m;
    }
    return out;
}

const ModelSpec* ModelCatalog::model(const QString& id) const {
    for (const ModelSpec& m : m_models) {
        if (m.id == id)
            return &m;
    }
    return nullptr;
}

QList<RuleViolation> ModelCatalog::validate(const GenerationRequest& r, ApiFamily family) const {
    QList<RuleViolation> out;
    auto add = [&out](RuleViolation::Kind kind, const QString& field, const QString& reason,
                      QStringList fields = {}) {
        if (fields.isEmpty())
            fields << field;
        out << RuleViolation{kind, field, reason, fields};
    };
    using Kind = RuleViolation::Kind;

    if (r.prompt.trimmed().isEmpty())
        add(Kind::Missing, QStringLiteral("prompt"), tr("Write a prompt: it cannot be empty."));
    else if (promptLength(r.prompt) > promptMaxLength(family))
        add(Kind::TooLong, QStringLiteral("prompt"),
            tr("The prompt has %1 characters; PixVerse accepts at most %2.")
                .arg(promptLength(r.prompt))
                .arg(promptMaxLength(family)));
    if (promptLength(r.negativePrompt) > m_negativePromptMaxLength)
        add(Kind::TooLong, QStringLiteral("negativePrompt"),
            tr("The negative prompt has %1 characters; PixVerse accepts at most %2.")
                .arg(promptLength(r.negativePrompt))
                .arg(m_negativePromptMaxLength));
    if (const char16_t c = firstControlCharacter(r.prompt))
        add(Kind::NotAllowed, QStringLiteral("prompt"),
            tr("The prompt contains an invisible control character (%1); remove it.")
                .arg(codePoint(c)));
    if (const char16_t c = firstControlCharacter(r.negativePrompt))
        add(Kind::NotAllowed, QStringLiteral("negativePrompt"),
            tr("The negative prompt contains an invisible control character (%1); remove it.")
                .arg(codePoint(c)));
    if (r.seed && (*r.seed < 0 || *r.seed > m_seedMax))
        add(Kind::NotAllowed, QStringLiteral("seed"),
            tr("The seed must be a whole number from 0 to %1.").arg(m_seedMax));

    if (r.model.isEmpty()) {
        add(Kind::Missing, QStringLiteral("model"), tr("Choose a model."));
        return out;
    }
    const ModelSpec* spec = model(r.model);
    if (!spec || !spec->families.contains(family)) {
        add(Kind::NotAllowed, QStringLiteral("model"),
            tr("The model \"%1\" is not available here.").arg(r.model));
        return out;
    }
    if (!spec->durations.contains(r.duration))
        add(Kind::NotAllowed, QStringLiteral("duration"),
            tr("%1 cannot make %2-second videos.").arg(spec->label).arg(r.duration));
    if (r.quality.isEmpty())
        add(Kind::Missing, QStringLiteral("quality"), tr("Choose a quality."));
    else if (!spec->qualities.contains(r.quality))
        add(Kind::NotAllowed, QStringLiteral("quality"),
            tr("%1 does not offer the quality %2.").arg(spec->label, r.quality));
    if (!r.isImageToVideo()) {
        if (r.aspectRatio.isEmpty())
            add(Kind::Missing, QStringLiteral("aspectRatio"), tr("Choose an aspect ratio."));
        else if (!spec->aspectRatios.contains(r.aspectRatio))
            add(Kind::NotAllowed, QStringLiteral("aspectRatio"),
                tr("%1 does not offer the aspect ratio %2.").arg(spec->label, r.aspectRatio));
    }
    if (!r.motionMode.isEmpty() && !spec->motionModes.contains(r.motionMode))
        add(Kind::NotAllowed, QStringLiteral("motionMode"),
            tr("%1 does not offer the %2 motion mode.").arg(spec->label, r.motionMode));
    if (!r.style.isEmpty()) {
        if (!spec->styles)
            add(Kind::NotAllowed, QStringLiteral("style"),
                tr("%1 does not take a style.").arg(spec->label));
        else if (!m_styles.contains(r.style))
            add(Kind::NotAllowed, QStringLiteral("style"),
                tr("Unknown style \"%1\".").arg(r.style));
    }
    if (!r.cameraMovement.isEmpty()) {
        if (!spec->cameraMovement)
            add(Kind::NotAllowed, QStringLiteral("cameraMovement"),
                tr("%1 does not take a camera movement.").arg(spec->label));
        else if (!m_cameraMovements.contains(r.cameraMovement))
            add(Kind::NotAllowed, QStringLiteral("cameraMovement"),
                tr("Unknown camera movement \"%1\".").arg(r.cameraMovement));
        else if (r.isImageToVideo() && m_t2vOnlyCameraMovements.contains(r.cameraMovement))
            add(Kind::NotAllowed, QStringLiteral("cameraMovement"),
                tr("The camera movement \"%1\" works only for text-to-video.")
                    .arg(r.cameraMovement));
    }
    const QStringList switchIds{QStringLiteral("audio"), QStringLiteral("multiShot"),
                                QStringLiteral("offPeak")};
    for (const QString& id : switchIds) {
        if (!switchOn(r, id))
            continue;
        if (!spec->switches.contains(id))
            add(Kind::NotAllowed, id,
                tr("%1 has no \"%2\" option.").arg(spec->label, switchLabel(id)));
        else if (!m_switchFamilies.value(id).contains(family))
            add(Kind::NotAllowed, id,
                tr("\"%1\" is available only when signed in with a PixVerse account.")
                    .arg(switchLabel(id)));
    }
    for (const ModelSpec::Rule& rule : spec->rules) {
        bool matches = true;
        for (auto it = rule.when.begin(); it != rule.when.end() && matches; ++it)
            matches = it.value().contains(fieldValue(r, it.key()));
        if (matches) {
            QStringList fields = rule.when.keys();
            fields.sort();
            add(Kind::NotAllowed, fields.first(), dataText(rule.reason), fields);
        }
    }
    return out;
}

QString ModelCatalog::switchLabel(const QString& switchId) const {
    return dataText(m_switchLabels.value(switchId, switchId));
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

std::optional<int> ModelCatalog::creditCost(const GenerationRequest& request) const {
    const ModelSpec* spec = model(request.model);
    if (!spec)
        return std::nullopt;
    const QString motion =
        request.motionMode.isEmpty() ? QStringLiteral("normal") : request.motionMode;
    const auto byMotion = spec->credits.constFind(motion);
    if (byMotion == spec->credits.cend())
        return std::nullopt;
    const auto byQuality = byMotion->constFind(request.quality);
    if (byQuality == byMotion->cend())
        return std::nullopt;
    const auto credits = byQuality->constFind(request.duration);
    if (credits == byQuality->cend())
        return std::nullopt;
    return *credits;
}

} // namespace pixverse
