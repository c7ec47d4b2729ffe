#include "core/generation/ModelCatalog.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcCatalog, "pixverse.catalog")

namespace pixverse {

namespace {

QStringList stringList(const QJsonValue& value) {
    QStringList out;
    if (value.isString())
        out << value.toString();
    const QJsonArray array = value.toArray();
    for (const QJsonValue& v : array)
        out << (v.isDouble() ? QString::number(v.toInteger()) : v.toString());
    return out;
}

QList<ApiFamily> familyList(const QJsonValue& value) {
    QList<ApiFamily> out;
    const QStringList ids = stringList(value);
    for (const QString& id : ids) {
        if (auto family = apiFamilyFromId(id))
            out << *family;
    }
    return out;
}

ModelSpec::ClipPrices clipPrices(const QJsonObject& credits) {
    ModelSpec::ClipPrices out;
    for (auto motion = credits.begin(); motion != credits.end(); ++motion) {
        const QJsonObject byQuality = motion.value().toObject();
        for (auto quality = byQuality.begin(); quality != byQuality.end(); ++quality) {
            const QJsonObject byDuration = quality.value().toObject();
            for (auto d = byDuration.begin(); d != byDuration.end(); ++d)
                out[motion.key()][quality.key()][d.key().toInt()] = d.value().toInt();
        }
    }
    return out;
}

//! A list ([5, 8]) or a range ({"min": 1, "max": 15}); empty when it is neither.
QList<int> durations(const QJsonValue& value, bool* isRange) {
    QList<int> out;
    *isRange = value.isObject();
    if (*isRange) {
        const int min = value.toObject().value(QLatin1String("min")).toInt(0);
        const int max = value.toObject().value(QLatin1String("max")).toInt(0);
        for (int d = std::max(1, min); d <= max; ++d)
            out << d;
        return out;
    }
    const QJsonArray array = value.toArray();
    for (const QJsonValue& d : array) {
        if (d.toInt() > 0)
            out << d.toInt();
    }
    std::sort(out.begin(), out.end());
    return out;
}

//! What each family that takes the model sees: an object per family id with what differs there
//! (id, offered, modes, aspectRatios, promptMaxLength), or (before version 3) a plain list of
//! family ids. The model's own values fill in the rest.
QList<std::pair<ApiFamily, ModelSpec::FamilyEntry>> familyEntries(const QJsonObject& m,
                                                                  const QString& id,
                                                                  const QStringList& aspectRatios,
                                                                  const ModelCatalog& c) {
    ModelSpec::FamilyEntry common;
    common.modes = stringList(m.value(QLatin1String("modes")));
    if (common.modes.isEmpty())
        common.modes = QStringList{QStringLiteral("t2v"), QStringLiteral("i2v")};
    common.aspectRatios = aspectRatios;
    const QStringList modelSwitches = stringList(m.value(QLatin1String("switches")));
    const QJsonValue families = m.value(QLatin1String("families"));
    QJsonObject perFamily = families.toObject();
    for (const ApiFamily f : familyList(families))
        perFamily.insert(apiFamilyId(f), QJsonObject{});
    QList<std::pair<ApiFamily, ModelSpec::FamilyEntry>> out;
    for (const ApiFamily f : {ApiFamily::OpenApi, ApiFamily::Web}) {
        if (!perFamily.contains(apiFamilyId(f)))
            continue;
        const QJsonObject o = perFamily.value(apiFamilyId(f)).toObject();
        ModelSpec::FamilyEntry e = common;
        e.serviceId = o.value(QLatin1String("id")).toString(id);
        e.offered = o.value(QLatin1String("offered")).toBool(true);
        if (o.contains(QLatin1String("modes")))
            e.modes = stringList(o.value(QLatin1String("modes")));
        e.offeredModes = stringList(o.value(QLatin1String("offeredModes")));
        if (o.contains(QLatin1String("aspectRatios")))
            e.aspectRatios = stringList(o.value(QLatin1String("aspectRatios")));
        e.promptMaxLength =
            o.value(QLatin1String("promptMaxLength"))
                .toInt(m.value(QLatin1String("promptMaxLength")).toInt(c.promptMaxLength(f)));
        const QStringList familySwitches = c.switchesFor(f);
        for (const QString& s : modelSwitches) {
            if (familySwitches.contains(s))
                e.switches << s;
        }
        out.append({f, e});
    }
    return out;
}

} // namespace

const ModelSpec::FamilyEntry* ModelSpec::entry(ApiFamily family) const {
    const std::optional<FamilyEntry>& e = family == ApiFamily::Web ? m_web : m_openApi;
    return e ? &*e : nullptr;
}

QString ModelSpec::serviceId(ApiFamily family) const {
    const FamilyEntry* e = entry(family);
    return e && !e->serviceId.isEmpty() ? e->serviceId : id;
}

bool ModelSpec::offeredFor(ApiFamily family) const {
    const FamilyEntry* e = entry(family);
    return offered && e && e->offered;
}

bool ModelSpec::offeredFor(ApiFamily family, GenerationMode mode) const {
    const FamilyEntry* e = entry(family);
    if (!e || !takesMode(mode, family))
        return false;
    return (offered && e->offered) || e->offeredModes.contains(generationModeId(mode));
}

QStringList ModelSpec::modes(ApiFamily family) const {
    const FamilyEntry* e = entry(family);
    return e ? e->modes : QStringList();
}

bool ModelSpec::takesMode(GenerationMode mode, ApiFamily family) const {
    return modes(family).contains(generationModeId(mode));
}

QStringList ModelSpec::aspectRatios(ApiFamily family) const {
    const FamilyEntry* e = entry(family);
    return e ? e->aspectRatios : QStringList();
}

int ModelSpec::promptMaxLength(ApiFamily family) const {
    const FamilyEntry* e = entry(family);
    return e ? e->promptMaxLength : 2048;
}

QStringList ModelSpec::switches(ApiFamily family) const {
    const FamilyEntry* e = entry(family);
    return e ? e->switches : QStringList();
}

bool ModelSpec::hasSwitch(const QString& switchId, ApiFamily family) const {
    return switches(family).contains(switchId);
}

QStringList ModelSpec::motionChoices() const {
    return motionModes.isEmpty() ? QStringList{QStringLiteral("normal")} : motionModes;
}

QSize ModelSpec::outputSize(const QString& quality, const QString& aspectRatio) const {
    const QStringList parts = aspectRatio.split(QLatin1Char(':'));
    const int w = parts.size() == 2 ? parts.at(0).toInt() : 0;
    const int h = parts.size() == 2 ? parts.at(1).toInt() : 0;
    if (w <= 0 || h <= 0 || !qualities.contains(quality))
        return {};
    const int big = std::max(w, h);
    const int small = std::min(w, h);
    int longSide = 0;
    int shortSide = 0;
    if (sizing == Sizing::LongEdge) {
        // §2.11: the long edge from the table, the short one rounded down to an even number.
        longSide = m_longEdges.value(quality);
        shortSide = longSide * small / (2 * big) * 2;
    } else {
        // The quality is the short side; the long one rounded to the nearest even number.
        shortSide = quality.chopped(1).toInt();
        longSide = (shortSide * big + small) / (2 * small) * 2;
    }
    if (longSide <= 0 || shortSide <= 0)
        return {};
    return w >= h ? QSize(longSide, shortSide) : QSize(shortSide, longSide);
}

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
    c.m_speechTextMaxLength = root.value(QLatin1String("speechTextMaxLength")).toInt(2048);
    // A table without "operations" (written before issue 16) keeps them on the OpenAPI, the only
    // family with a documented request for them (§3.13).
    const QJsonObject operations = root.value(QLatin1String("operations")).toObject();
    for (const GenerationMode mode : allGenerationModes()) {
        if (modeTakesModel(mode))
            continue;
        const QString id = generationModeId(mode);
        c.m_operationFamilies.insert(
            id, operations.contains(id)
                    ? familyList(operations.value(id).toObject().value(QLatin1String("families")))
                    : QList<ApiFamily>{ApiFamily::OpenApi});
    }
    c.m_styles = stringList(root.value(QLatin1String("styles")));
    c.m_cameraMovements = stringList(root.value(QLatin1String("cameraMovements")));
    c.m_t2vOnlyCameraMovements =
        stringList(root.value(QLatin1String("textToVideoOnlyCameraMovements")));
    const QJsonObject switches = root.value(QLatin1String("switches")).toObject();
    for (auto it = switches.begin(); it != switches.end(); ++it) {
        const QJsonObject s = it.value().toObject();
        c.m_switchFamilies.insert(it.key(), familyList(s.value(QLatin1String("families"))));
        c.m_switchLabels.insert(it.key(), s.value(QLatin1String("label")).toString(it.key()));
    }
    const QJsonObject longEdges = root.value(QLatin1String("longEdges")).toObject();
    for (auto it = longEdges.begin(); it != longEdges.end(); ++it)
        c.m_longEdges.insert(it.key(), it.value().toInt());

    const QJsonArray models = root.value(QLatin1String("models")).toArray();
    if (models.isEmpty())
        return fail(QStringLiteral("no \"models\""));
    for (const QJsonValue& value : models) {
        std::optional<ModelSpec> spec = readModel(value.toObject(), c, error);
        if (!spec)
            return std::nullopt;
        c.m_models << *spec;
    }
    return c;
}

std::optional<ModelSpec> ModelCatalog::readModel(const QJsonObject& m, const ModelCatalog& c,
                                                 QString* error) {
    auto fail = [error](const QString& why) -> std::optional<ModelSpec> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    ModelSpec spec;
    spec.id = m.value(QLatin1String("id")).toString();
    if (spec.id.isEmpty())
        return fail(QStringLiteral("a model without \"id\""));
    spec.label = m.value(QLatin1String("label")).toString(spec.id);
    spec.offered = m.value(QLatin1String("offered")).toBool(true);
    spec.m_durations = durations(m.value(QLatin1String("durations")), &spec.m_durationIsRange);
    spec.qualities = stringList(m.value(QLatin1String("qualities")));
    const QStringList aspectRatios = stringList(m.value(QLatin1String("aspectRatios")));
    if (spec.m_durations.isEmpty() || spec.qualities.isEmpty() || aspectRatios.isEmpty())
        return fail(
            QStringLiteral("model %1 lacks durations, qualities or aspect ratios").arg(spec.id));
    spec.motionModes = stringList(m.value(QLatin1String("motionModes")));
    // Before version 3 "styles" was a yes/no for the catalog's whole list.
    const QJsonValue styles = m.value(QLatin1String("styles"));
    spec.styles =
        styles.isBool() ? (styles.toBool() ? c.m_styles : QStringList()) : stringList(styles);
    spec.cameraMovement = m.value(QLatin1String("cameraMovement")).toBool();
    spec.waterMark = m.value(QLatin1String("waterMark")).toBool();
    spec.seedReproduces = m.value(QLatin1String("seedReproduces")).toBool(true);
    spec.sizing = m.value(QLatin1String("sizing")).toString() == QLatin1String("longEdge")
                      ? ModelSpec::Sizing::LongEdge
                      : ModelSpec::Sizing::ShortSide;
    spec.m_longEdges = c.m_longEdges;

    for (const auto& [family, entry] : familyEntries(m, spec.id, aspectRatios, c)) {
        (family == ApiFamily::Web ? spec.m_web : spec.m_openApi) = entry;
        spec.families << family;
    }

    const QJsonArray rules = m.value(QLatin1String("rules")).toArray();
    for (const QJsonValue& r : rules) {
        ModelSpec::Rule rule;
        const QJsonObject when = r.toObject().value(QLatin1String("when")).toObject();
        for (auto it = when.begin(); it != when.end(); ++it)
            rule.when.insert(it.key(), stringList(it.value()));
        rule.reason = r.toObject().value(QLatin1String("reason")).toString();
        if (rule.when.isEmpty() || rule.reason.isEmpty())
            return fail(
                QStringLiteral("model %1 has a rule without \"when\" or \"reason\"").arg(spec.id));
        spec.rules << rule;
    }
    // §2.15: subjects and backgrounds count against the images in all unless limited apart.
    const QJsonObject fusion = m.value(QLatin1String("fusion")).toObject();
    spec.fusion.maxImages = fusion.value(QLatin1String("maxImages")).toInt(0);
    spec.fusion.maxSubjects =
        fusion.value(QLatin1String("maxSubjects")).toInt(spec.fusion.maxImages);
    spec.fusion.maxBackgrounds =
        fusion.value(QLatin1String("maxBackgrounds")).toInt(spec.fusion.maxImages);
    spec.credits = clipPrices(m.value(QLatin1String("credits")).toObject());
    spec.creditsWithAudio = clipPrices(m.value(QLatin1String("creditsWithAudio")).toObject());
    const QJsonObject perSecond = m.value(QLatin1String("creditsPerSecond")).toObject();
    for (auto it = perSecond.begin(); it != perSecond.end(); ++it) {
        const QJsonArray pair = it.value().toArray();
        if (pair.size() != 2)
            return fail(QStringLiteral("model %1: creditsPerSecond.%2 is not [without, with audio]")
                            .arg(spec.id, it.key()));
        spec.creditsPerSecond.insert(it.key(), {pair.at(0).toInt(), pair.at(1).toInt()});
    }
    return spec;
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
        if (m.offeredFor(family))
            out << m;
    }
    return out;
}

QString ModelCatalog::defaultModel(ApiFamily family) const {
    const QList<ModelSpec> offered = offeredModels(family);
    return offered.isEmpty() ? QString() : offered.first().id;
}

const ModelSpec* ModelCatalog::model(const QString& id) const {
    for (const ModelSpec& m : m_models) {
        if (m.id == id)
            return &m;
    }
    for (const ModelSpec& m : m_models) {
        if (m.serviceId(ApiFamily::OpenApi) == id || m.serviceId(ApiFamily::Web) == id)
            return &m;
    }
    return nullptr;
}

int ModelCatalog::promptMaxLength(const QString& modelId, ApiFamily family) const {
    const ModelSpec* spec = model(modelId);
    return spec && spec->families.contains(family) ? spec->promptMaxLength(family)
                                                   : promptMaxLength(family);
}

} // namespace pixverse
