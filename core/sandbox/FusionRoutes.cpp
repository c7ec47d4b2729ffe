// Reference to video: `POST /openapi/v2/video/fusion/generate` (§2.15, §6).
#include "core/generation/ReferenceNames.h"
#include "core/sandbox/EffectRoutes.h"

#include <QJsonArray>
#include <QSet>

namespace pixverse::sandbox {

namespace {

HttpAnswer notAllowed(const QString& message) {
    return envelope(400017, message);
}

} // namespace

HttpAnswer EffectRoutes::fusion(const QJsonObject& body, const QString& key) {
    // V6's omni mode (reference videos, `auto`, duration 0) is not emulated: said so plainly.
    if (hasValue(body, "video_references") ||
        body.value(u"reference_mode").toString() == QLatin1String("omni"))
        return notAllowed(QStringLiteral("The sandbox does not make videos from reference videos "
                                         "(video_references, omni mode)"));
    const QJsonValue references = body.value(u"image_references");
    if (!hasValue(body, "image_references") ||
        (references.isArray() && references.toArray().isEmpty()))
        return envelope(400011, QStringLiteral("\"image_references\" is required"));
    if (!references.isArray())
        return envelope(400013, QStringLiteral("\"image_references\" must be an array"));

    // prompt, model, duration, quality and aspect_ratio as text-to-video reads them.
    auto read = m_state.m_rules.readBody(body, ApiFamily::OpenApi, GenerationMode::Fusion);
    if (const auto* refusal = std::get_if<Refusal>(&read))
        return envelope(refusal->errCode, refusal->message);
    GenerationRequest& r = std::get<GenerationRequest>(read);
    if (!m_state.m_rules.fusionLimits(r.model, ApiFamily::OpenApi))
        return notAllowed(QStringLiteral("%1 does not make videos from references").arg(r.model));
    if (r.aspectRatio == QLatin1String("auto") || r.duration == 0)
        return notAllowed(QStringLiteral("aspect_ratio \"auto\" and duration 0 are for reference "
                                         "videos (omni mode) only"));

    const auto images = fusionReferences(body, r.model, key);
    if (const auto* refusal = std::get_if<HttpAnswer>(&images))
        return *refusal;
    r.images = std::get<QList<RequestImage>>(images);

    // Every @name must be a reference's name, exactly as sent (§2.15: "exact name"; inferred
    // 400017). A reference the prompt never names is accepted.
    QSet<QString> names;
    for (const RequestImage& image : std::as_const(r.images))
        names.insert(image.name);
    const QList<reference_names::Mention> mentions = reference_names::mentions(r.prompt);
    for (const reference_names::Mention& mention : mentions) {
        if (!names.contains(mention.name))
            return notAllowed(
                QStringLiteral("The prompt names @%1, which no reference has").arg(mention.name));
    }

    // Durations, qualities, aspect ratios and the price by the model's rules: per second for
    // v6 and c1, the model's per-clip table for the older ones (§2.9).
    const auto verdict = m_state.judge(r, ApiFamily::OpenApi, QSize());
    if (const auto* refusal = std::get_if<HttpAnswer>(&verdict))
        return *refusal;
    const auto [cost, size] = std::get<SandboxState::Accepted>(verdict);
    return m_state.createVideo(key, SandboxState::NewVideo{r, cost, size, r.audio, 1, 0});
}

std::variant<HttpAnswer, QList<RequestImage>>
EffectRoutes::fusionReferences(const QJsonObject& body, const QString& model,
                               const QString& key) const {
    const SandboxRules::FusionLimits limits =
        *m_state.m_rules.fusionLimits(model, ApiFamily::OpenApi);
    const QJsonArray array = body.value(u"image_references").toArray();
    QList<RequestImage> out;
    QSet<QString> foldedNames;
    int subjects = 0;
    int backgrounds = 0;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("image_references[%1]").arg(i);
        if (!array.at(i).isObject())
            return envelope(400013, QStringLiteral("%1 must be an object").arg(where));
        const QJsonObject item = array.at(i).toObject();
        for (const char* field : {"type", "img_id", "ref_name"}) {
            if (!hasValue(item, field))
                return envelope(
                    400011, QStringLiteral("%1.%2 is required").arg(where, QLatin1String(field)));
        }
        if (!item.value(u"type").isString() || !item.value(u"ref_name").isString())
            return envelope(400013,
                            QStringLiteral("%1.type and .ref_name must be strings").arg(where));
        if (!isIntegral(item.value(u"img_id")))
            return envelope(400013, QStringLiteral("%1.img_id must be an integer").arg(where));
        const QString type = item.value(u"type").toString();
        if (type != QLatin1String("subject") && type != QLatin1String("background"))
            return notAllowed(
                QStringLiteral("%1.type must be \"subject\" or \"background\"").arg(where));
        const QString name = item.value(u"ref_name").toString();
        if (name.toUtf8().size() > reference_names::kMaxNameBytes)
            return notAllowed(QStringLiteral("%1.ref_name has more than %2 bytes")
                                  .arg(where)
                                  .arg(reference_names::kMaxNameBytes));
        // Only ≤ 30 bytes is documented; a name that a prompt could not mention (empty, spaces,
        // punctuation) is refused too (inferred).
        if (!reference_names::isValidName(name))
            return notAllowed(
                QStringLiteral("%1.ref_name must be letters, digits, _ or -").arg(where));
        if (foldedNames.contains(name.toCaseFolded()))
            return notAllowed(QStringLiteral("The name \"%1\" is used twice").arg(name));
        foldedNames.insert(name.toCaseFolded());
        const qint64 imageId = exactInteger(item.value(u"img_id")).value_or(0);
        const auto found = m_state.m_images.constFind(imageId);
        if (found == m_state.m_images.cend() || found->owner != key)
            return envelope(400032, errMessage(400032));
        const bool subject = type == QLatin1String("subject");
        ++(subject ? subjects : backgrounds);
        out << RequestImage{subject ? RequestImage::Role::Subject : RequestImage::Role::Background,
                            QStringLiteral("sandbox:%1").arg(imageId), name};
    }
    // The limits of a kind first, so their refusal says which kind is over.
    if (limits.subjects >= 0 && subjects > limits.subjects)
        return notAllowed(
            QStringLiteral("%1 takes at most %2 subjects").arg(model).arg(limits.subjects));
    if (limits.backgrounds >= 0 && backgrounds > limits.backgrounds)
        return notAllowed(
            QStringLiteral("%1 takes at most %2 backgrounds").arg(model).arg(limits.backgrounds));
    if (out.size() > limits.images)
        return notAllowed(
            QStringLiteral("%1 takes at most %2 reference images").arg(model).arg(limits.images));
    return out;
}

} // namespace pixverse::sandbox
