// The effect template list, its preview media and generations with `template_id` (§2.19, §6).
#include "core/sandbox/EffectRoutes.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace pixverse::sandbox {

namespace {

const QString kTemplateList = QStringLiteral("video/effects/templates/list");
const QString kFusion = QStringLiteral("video/fusion/generate");
constexpr int kDefaultPageSize = 50;

//! Accept-Language's first language is Russian ("ru", "ru-RU", "ru;q=0.9"): the sandbox has two
//! name sets, and the service answers in the first language it has a translation for (§2.19).
bool prefersRussian(const QByteArray& acceptLanguage) {
    const QByteArray first = acceptLanguage.split(',').value(0).split(';').value(0).trimmed();
    return first.toLower().startsWith("ru");
}

//! A query value that must be a positive integer; empty when it is anything else.
std::optional<qint64> positiveInteger(const QString& text) {
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 1)
        return std::nullopt;
    return value;
}

} // namespace

EffectRoutes::EffectRoutes(SandboxState& state)
    : m_state(state)
    , m_templates(sandboxTemplates(state.m_config.templateCount)) {
    for (qsizetype i = 0; i < m_templates.size(); ++i)
        m_indexById.insert(m_templates.at(i).id, i);
}

std::optional<bool> EffectRoutes::handles(const QString& endpoint) const {
    if (endpoint == kTemplateList)
        return false;
    if (endpoint == kFusion)
        return true;
    return std::nullopt;
}

HttpAnswer EffectRoutes::answer(const HttpRequest& request, const QString& endpoint,
                                const QString& key) {
    if (endpoint == kTemplateList)
        return templateList(request);
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject())
        return envelope(400013, QStringLiteral("The request body is not a JSON object"), {}, 400);
    return fusion(doc.object(), key);
}

const SandboxTemplate* EffectRoutes::findTemplate(qint64 id) const {
    const auto found = m_indexById.constFind(id);
    return found == m_indexById.cend() ? nullptr : &m_templates.at(*found);
}

HttpAnswer EffectRoutes::templateList(const HttpRequest& request) const {
    ++m_state.m_stats.templateListCalls;
    const QUrlQuery& query = request.query;
    bool imageTemplates = false;
    if (query.hasQueryItem(QStringLiteral("type"))) {
        const QString type = query.queryItemValue(QStringLiteral("type"));
        if (type != QLatin1String("1") && type != QLatin1String("2"))
            return envelope(400017, QStringLiteral("type must be 1 (video) or 2 (image)"));
        imageTemplates = type == QLatin1String("2");
    }
    qint64 page = 1;
    if (query.hasQueryItem(QStringLiteral("page"))) {
        const auto value = positiveInteger(query.queryItemValue(QStringLiteral("page")));
        if (!value)
            return envelope(400017, QStringLiteral("page must be a positive integer"));
        page = *value;
    }
    qint64 pageSize = kDefaultPageSize;
    if (query.hasQueryItem(QStringLiteral("pageSize"))) {
        const QString text = query.queryItemValue(QStringLiteral("pageSize"));
        static const QStringList allowed{QStringLiteral("10"), QStringLiteral("20"),
                                         QStringLiteral("50"), QStringLiteral("100")};
        if (!allowed.contains(text))
            return envelope(400017, QStringLiteral("pageSize must be 10, 20, 50 or 100"));
        pageSize = text.toLongLong();
    }
    const bool russian = prefersRussian(request.header(QByteArrayLiteral("Accept-Language")));

    // The sandbox has video templates only: type 2 (image templates) is an empty list. No paging
    // fields (none are documented): a page shorter than pageSize is the last.
    QJsonArray items;
    const qint64 count = imageTemplates ? 0 : m_templates.size();
    const qint64 first = page > count / pageSize + 1 ? count : (page - 1) * pageSize;
    for (qint64 i = first; i < std::min(count, first + pageSize); ++i)
        items.append(templateItem(m_templates.at(i), russian));
    return envelope(0, errMessage(0), QJsonObject{{QStringLiteral("effect_items"), items}});
}

QJsonObject EffectRoutes::templateItem(const SandboxTemplate& t, bool russian) const {
    const QString media = QStringLiteral("/media/template/%1.").arg(t.id);
    // The documented three fields, then the web list's (§2.19 last bullet) and the preview media
    // (its field name is uncertain in the docs; the client reads any *_url).
    return QJsonObject{
        {QStringLiteral("template_id"), QJsonValue(t.id)},
        {QStringLiteral("display_name"), russian ? t.nameRu : t.name},
        {QStringLiteral("display_prompt"), russian ? t.promptRu : t.prompt},
        {QStringLiteral("effect_type"), t.imageCount},
        {QStringLiteral("template_type"), 1},
        {QStringLiteral("template_model"), t.model},
        {QStringLiteral("qualities"), QJsonArray::fromStringList(t.qualities)},
        {QStringLiteral("duration"), t.duration},
        {QStringLiteral("category"), russian ? t.categoryRu : t.category},
        {QStringLiteral("preview_video_url"), m_state.mediaUrl(media + QStringLiteral("mp4"))},
        {QStringLiteral("preview_img_url"), m_state.mediaUrl(media + QStringLiteral("jpg"))},
    };
}

QByteArray EffectRoutes::previewBytes(qint64 templateId, const QString& extension,
                                      QByteArray* contentType) {
    const SandboxTemplate* t = findTemplate(templateId);
    const bool video = extension == QLatin1String("mp4");
    if (!t || (!video && extension != QLatin1String("jpg")) || m_state.m_clipsDir.isEmpty())
        return {};
    const QString name = QStringLiteral("templates/look-%1.%2").arg(t->look).arg(extension);
    auto cached = m_previewBytes.constFind(name);
    if (cached == m_previewBytes.cend()) {
        QFile file(QDir(m_state.m_clipsDir).filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcSandbox).noquote() << "no template preview" << file.fileName();
            return {};
        }
        cached = m_previewBytes.insert(name, file.readAll());
    }
    *contentType = video ? QByteArrayLiteral("video/mp4") : QByteArrayLiteral("image/jpeg");
    return *cached;
}

HttpAnswer EffectRoutes::templateGenerate(const QJsonObject& body, const QString& key,
                                          bool imageToVideo) {
    if (!isIntegral(body.value(u"template_id")))
        return envelope(400013, QStringLiteral("\"template_id\" must be an integer"));
    const qint64 id = exactInteger(body.value(u"template_id")).value_or(0);
    const SandboxTemplate* t = findTemplate(id);
    // An unknown id: no code is documented for it; 400017 (inferred), as any refused value.
    if (!t)
        return envelope(400017, QStringLiteral("Unknown template_id %1").arg(id));
    // The platform's effects management comes first: nothing is checked or charged before it.
    if (t->needsActivation)
        return envelope(500070, errMessage(500070));
    const auto images = templateImages(body, *t, key, imageToVideo);
    if (const auto* refusal = std::get_if<HttpAnswer>(&images))
        return *refusal;
    const QList<qint64>& imageIds = std::get<QList<qint64>>(images);

    // The common fields by the model's rules (img_ids stands in for img_id there).
    QJsonObject readable = body;
    if (imageToVideo && !imageIds.isEmpty())
        readable.insert(QStringLiteral("img_id"), QJsonValue(imageIds.constFirst()));
    auto read = m_state.m_rules.readBody(readable, ApiFamily::OpenApi, imageToVideo);
    if (const auto* refusal = std::get_if<Refusal>(&read))
        return envelope(refusal->errCode, refusal->message);
    GenerationRequest& r = std::get<GenerationRequest>(read);
    // A quality the model makes but the template does not (the list's `qualities`) → 500071.
    if (!t->qualities.contains(r.quality) &&
        m_state.m_rules.qualities(r.model, ApiFamily::OpenApi).contains(r.quality))
        return envelope(500071, errMessage(500071));

    const QSize imageSize =
        imageIds.isEmpty() ? QSize() : m_state.m_images.value(imageIds.constFirst()).size;
    const auto verdict = m_state.judge(r, ApiFamily::OpenApi, imageSize);
    if (const auto* refusal = std::get_if<HttpAnswer>(&verdict))
        return *refusal;
    const auto [cost, size] = std::get<SandboxState::Accepted>(verdict);

    // Priced and sized as the model's i2v/t2v (§2.9 lists effects with them); kept as an effect.
    r.mode = GenerationMode::Effect;
    r.templateId = t->id;
    r.templateName = t->name;
    r.templateImageCount = t->imageCount;
    r.templateQualities = t->qualities;
    r.images.clear();
    for (const qint64 imageId : imageIds)
        r.images << RequestImage{RequestImage::Role::Start,
                                 QStringLiteral("sandbox:%1").arg(imageId), QString()};
    return m_state.createVideo(key, SandboxState::NewVideo{r, cost, size, r.audio, 1, 0});
}

std::variant<HttpAnswer, QList<qint64>> EffectRoutes::templateImages(const QJsonObject& body,
                                                                     const SandboxTemplate& t,
                                                                     const QString& key,
                                                                     bool imageToVideo) const {
    auto notAllowed = [](const QString& message) { return envelope(400017, message); };
    if (!imageToVideo) {
        if (t.imageCount != 0)
            return notAllowed(QStringLiteral("The template %1 takes %2 image(s): send it to "
                                             "video/img/generate")
                                  .arg(t.id)
                                  .arg(t.imageCount));
        return QList<qint64>();
    }
    if (t.imageCount == 0)
        return notAllowed(QStringLiteral("The template %1 takes no image: send it to "
                                         "video/text/generate with an aspect_ratio")
                              .arg(t.id));
    const bool hasOne = hasValue(body, "img_id");
    const bool hasMany = hasValue(body, "img_ids");
    if (hasOne && hasMany)
        return notAllowed(QStringLiteral("Send img_id or img_ids, not both"));
    QList<qint64> ids;
    if (t.imageCount == 1) {
        if (hasMany)
            return notAllowed(
                QStringLiteral("The template %1 takes one image: send img_id").arg(t.id));
        if (!hasOne)
            return envelope(400011, QStringLiteral("\"img_id\" is required"));
        if (!isIntegral(body.value(u"img_id")))
            return envelope(400013, QStringLiteral("\"img_id\" must be an integer"));
        ids << exactInteger(body.value(u"img_id")).value_or(0);
    } else {
        if (!hasMany)
            return hasOne ? notAllowed(QStringLiteral("The template %1 takes %2 images: send "
                                                      "them as img_ids")
                                           .arg(t.id)
                                           .arg(t.imageCount))
                          : envelope(400011, QStringLiteral("\"img_ids\" is required"));
        const QJsonValue many = body.value(u"img_ids");
        if (!many.isArray())
            return envelope(400013, QStringLiteral("\"img_ids\" must be an array of integers"));
        const QJsonArray array = many.toArray();
        for (const QJsonValue& item : array) {
            if (!isIntegral(item))
                return envelope(400013, QStringLiteral("\"img_ids\" must be an array of integers"));
            ids << exactInteger(item).value_or(0);
        }
        if (ids.size() != t.imageCount)
            return notAllowed(QStringLiteral("The template %1 takes %2 images; img_ids has %3")
                                  .arg(t.id)
                                  .arg(t.imageCount)
                                  .arg(ids.size()));
    }
    for (const qint64 id : std::as_const(ids)) {
        const auto found = m_state.m_images.constFind(id);
        if (found == m_state.m_images.cend() || found->owner != key)
            return envelope(400032, errMessage(400032));
    }
    return ids;
}

} // namespace pixverse::sandbox
