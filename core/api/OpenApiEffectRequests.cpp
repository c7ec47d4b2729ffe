#include "core/api/OpenApiEffectRequests.h"

#include "core/api/OpenApiModeRequests.h"
#include "core/generation/ReferenceNames.h"

#include <QJsonArray>
#include <QUrl>

namespace pixverse::openapi {

namespace {

//! The first of `keys` that holds a non-empty string (or a number, as text).
QString firstText(const QJsonObject& item, std::initializer_list<const char16_t*> keys) {
    for (const char16_t* key : keys) {
        const QJsonValue value = item.value(QStringView(key));
        if (value.isString() && !value.toString().isEmpty())
            return value.toString();
        if (value.isDouble())
            return QString::number(value.toInteger());
    }
    return {};
}

bool isWebUrl(const QString& text) {
    return text.startsWith(QLatin1String("https://"), Qt::CaseInsensitive) ||
           text.startsWith(QLatin1String("http://"), Qt::CaseInsensitive);
}

//! Where a URL of a template item belongs, by its key, else by its file's suffix: a preview
//! video, a still, or neither.
enum class UrlKind { Video, Still, Other };
UrlKind urlKind(const QString& key, const QString& url) {
    const QString name = key.toLower();
    if (name.contains(QLatin1String("video")))
        return UrlKind::Video;
    for (const char* still : {"img", "image", "cover", "thumb"}) {
        if (name.contains(QLatin1String(still)))
            return UrlKind::Still;
    }
    const QString suffix = QUrl(url).path().section(u'.', -1).toLower();
    if (QStringList{QStringLiteral("mp4"), QStringLiteral("webm"), QStringLiteral("mov"),
                    QStringLiteral("m4v")}
            .contains(suffix))
        return UrlKind::Video;
    if (QStringList{QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"),
                    QStringLiteral("webp"), QStringLiteral("gif")}
            .contains(suffix))
        return UrlKind::Still;
    return UrlKind::Other;
}

//! Allowed qualities: ["360p", "540p"], or "360p,540p"; numbers (720) get their "p".
QStringList qualityList(const QJsonValue& value) {
    QStringList raw;
    if (value.isString())
        raw = value.toString().split(u',', Qt::SkipEmptyParts);
    for (const QJsonValue& v : value.toArray())
        raw << (v.isDouble() ? QString::number(v.toInteger()) : v.toString());
    QStringList out;
    for (QString quality : std::as_const(raw)) {
        quality = quality.trimmed().toLower();
        if (quality.isEmpty())
            continue;
        if (!quality.endsWith(u'p'))
            quality += u'p';
        if (!out.contains(quality))
            out << quality;
    }
    return out;
}

//! A cost no template comes near: a larger one is a broken answer, not a price.
constexpr qint64 kMaxListedCredits = 1000000;

bool isListedCost(qint64 credits) {
    return credits >= 0 && credits <= kMaxListedCredits;
}

//! A listed cost: `credits`/`credit`, or the web list's `video_base_cost` + `fixed_cost`; none
//! when negative or beyond kMaxListedCredits (such numbers used to wrap, or overflow the sum).
std::optional<int> listedCredits(const QJsonObject& item) {
    for (const auto key : {u"credits", u"credit"}) {
        if (const auto credits = json::toInt(item.value(key)); credits && isListedCost(*credits))
            return static_cast<int>(*credits);
    }
    const auto base = json::toInt(item.value(u"video_base_cost"));
    const auto fixed = json::toInt(item.value(u"fixed_cost"));
    if ((!base && !fixed) || (base && !isListedCost(*base)) || (fixed && !isListedCost(*fixed)))
        return std::nullopt;
    return static_cast<int>(base.value_or(0) + fixed.value_or(0));
}

void readUrls(const QJsonObject& item, EffectTemplate& effect) {
    for (auto it = item.begin(); it != item.end(); ++it) {
        const QString url = it.value().toString();
        const bool urlKey = it.key().endsWith(QLatin1String("_url"), Qt::CaseInsensitive) ||
                            it.key().contains(QLatin1String("video"), Qt::CaseInsensitive);
        if (!urlKey || !isWebUrl(url))
            continue;
        switch (urlKind(it.key(), url)) {
        case UrlKind::Video:
            if (effect.previewUrl.isEmpty())
                effect.previewUrl = url;
            break;
        case UrlKind::Still:
            if (effect.thumbnailUrl.isEmpty())
                effect.thumbnailUrl = url;
            break;
        case UrlKind::Other:
            break;
        }
    }
}

} // namespace

std::optional<EffectTemplate> parseTemplateItem(const QJsonObject& item) {
    std::optional<qint64> id = json::toId(item.value(u"template_id"));
    if (!id)
        id = json::toId(item.value(u"id"));
    if (!id || *id <= 0)
        return std::nullopt;
    // An image template makes a picture, not a video: nothing the app can send it with.
    if (json::toInt(item.value(u"template_type")).value_or(1) == 2)
        return std::nullopt;
    EffectTemplate effect;
    effect.id = *id;
    effect.name = firstText(item, {u"display_name", u"name", u"template_name"});
    effect.prompt = firstText(item, {u"display_prompt", u"prompt"});
    effect.category = firstText(item, {u"category", u"category_name"});
    readUrls(item, effect);
    if (const auto images = json::toInt(item.value(u"effect_type"));
        images && *images >= 0 && *images <= 5)
        effect.imageCount = static_cast<int>(*images);
    effect.qualities = qualityList(item.value(u"qualities"));
    effect.model = firstText(item, {u"template_model"});
    // An hour or more is no effect's length (a larger number wrapped into a negative one).
    if (const auto duration = json::toInt(item.value(u"duration"));
        duration && *duration > 0 && *duration < 3600)
        effect.duration = static_cast<int>(*duration);
    effect.credits = listedCredits(item);
    for (const auto key : {u"activated", u"is_activated"}) {
        if (const auto activated = json::toBool(item.value(key)); activated && !*activated)
            effect.needsActivation = true;
    }
    return effect;
}

QList<EffectTemplate> parseTemplateItems(const QJsonObject& resp) {
    QJsonValue items;
    for (const auto key : {u"effect_items", u"items", u"list", u"data"}) {
        items = resp.value(key);
        if (items.isArray())
            break;
    }
    QList<EffectTemplate> out;
    for (const QJsonValue& value : items.toArray()) {
        std::optional<EffectTemplate> effect = parseTemplateItem(value.toObject());
        const bool seen = effect && std::any_of(out.cbegin(), out.cend(),
                                                [&](const auto& e) { return e.id == effect->id; });
        if (effect && !seen)
            out << *effect;
    }
    return out;
}

TemplateListRequest::TemplateListRequest(const TemplateQuery& query) {
    verb = Verb::Get;
    QString q = QStringLiteral("?");
    if (query.type > 0)
        q += QStringLiteral("type=%1&").arg(query.type);
    q += QStringLiteral("page=%1&pageSize=%2").arg(query.page).arg(query.pageSize);
    path = endpointPath("video/effects/templates/list") + q;
    logName = QStringLiteral("effect-templates");
    timeoutMs = 20000;
    if (!query.language.isEmpty())
        headers.append({QByteArrayLiteral("Accept-Language"), query.language.toUtf8()});
}

bool TemplateListRequest::isAllowedPageSize(int pageSize) {
    return pageSize == 10 || pageSize == 20 || pageSize == 50 || pageSize == 100;
}

Result<QList<EffectTemplate>> TemplateListRequest::parse(const QJsonValue& resp) {
    // An account without templates may answer `Resp: null` or an empty list (§2.19).
    if (resp.isNull() || resp.isUndefined())
        return Result<QList<EffectTemplate>>::success({});
    if (!resp.isObject())
        return malformedReply<QList<EffectTemplate>>("effects/templates/list: Resp not an object");
    return Result<QList<EffectTemplate>>::success(parseTemplateItems(resp.toObject()));
}

EffectRequest::EffectRequest(const GenerationRequest& request, const ModelSpec* spec,
                             const QList<qint64>& imageIds, const QString& traceId) {
    QJsonObject body = generationBody(request, spec);
    body.insert(u"template_id", request.templateId);
    if (imageIds.isEmpty()) {
        // A template without images makes its video from the prompt: text-to-video's request.
        body.insert(u"aspect_ratio", request.aspectRatio);
        setCreateBody(*this, "video/text/generate", "effect-text", body, traceId);
        return;
    }
    if (imageIds.size() == 1) {
        body.insert(u"img_id", imageIds.first());
    } else {
        QJsonArray ids;
        for (const qint64 id : imageIds)
            ids.append(id);
        body.insert(u"img_ids", ids);
    }
    setCreateBody(*this, "video/img/generate", "effect", body, traceId);
}

QList<FusionReference> fusionReferences(const GenerationRequest& request,
                                        const QList<qint64>& imageIds) {
    const QList<RequestImage> references = request.references();
    if (references.size() != imageIds.size())
        return {};
    QList<FusionReference> out;
    for (qsizetype i = 0; i < references.size(); ++i) {
        const RequestImage& reference = references.at(i);
        out << FusionReference{reference.role == RequestImage::Role::Background
                                   ? QStringLiteral("background")
                                   : QStringLiteral("subject"),
                               imageIds.at(i), reference.name};
    }
    return out;
}

FusionRequest::FusionRequest(const GenerationRequest& request, const ModelSpec* spec,
                             const QList<FusionReference>& references, const QString& traceId) {
    QJsonArray items;
    for (const FusionReference& reference : references)
        items.append(QJsonObject{{QStringLiteral("type"), reference.type},
                                 {QStringLiteral("img_id"), reference.imageId},
                                 {QStringLiteral("ref_name"), reference.name}});
    QJsonObject body{
        {QStringLiteral("image_references"), items},
        // §2.15: "@ref_name, exact name, followed by a space".
        {QStringLiteral("prompt"), reference_names::withSpacedMentions(request.prompt)},
        {QStringLiteral("model"), spec ? spec->serviceId(ApiFamily::OpenApi) : request.model},
        {QStringLiteral("duration"), request.duration},
        {QStringLiteral("quality"), request.quality},
        {QStringLiteral("aspect_ratio"), request.aspectRatio},
        // "Required" in the API export, as for transition and extend.
        {QStringLiteral("seed"), seedFor(request)},
    };
    if (!request.negativePrompt.isEmpty())
        body.insert(u"negative_prompt", request.negativePrompt);
    if (spec ? spec->hasSwitch(QStringLiteral("audio"), ApiFamily::OpenApi) : request.audio)
        body.insert(u"generate_audio_switch", request.audio);
    setCreateBody(*this, "video/fusion/generate", "fusion", body, traceId);
}

} // namespace pixverse::openapi
