#include "tests/core/effects/ListingBackend.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace pixverse::test {

namespace {

QList<EffectTemplate> readItems(const QJsonValue& resp) {
    QList<EffectTemplate> items;
    for (const QJsonValue& value : resp.toObject().value(u"effect_items").toArray()) {
        const QJsonObject item = value.toObject();
        EffectTemplate t;
        t.id = json::toId(item.value(u"template_id")).value_or(0);
        t.name = json::toString(item.value(u"display_name"));
        t.prompt = json::toString(item.value(u"display_prompt"));
        t.previewUrl = json::toString(item.value(u"preview_video_url"));
        t.thumbnailUrl = json::toString(item.value(u"preview_img_url"));
        t.category = json::toString(item.value(u"category"));
        t.imageCount = int(json::toInt(item.value(u"effect_type")).value_or(1));
        for (const QJsonValue& quality : item.value(u"qualities").toArray())
            t.qualities << quality.toString();
        t.model = json::toString(item.value(u"template_model"));
        t.duration = int(json::toInt(item.value(u"duration")).value_or(0));
        items << t;
    }
    return items;
}

} // namespace

ListingBackend::ListingBackend(ApiClient* client, const QString& apiKey, QObject* parent)
    : OpenApiBackend(client, apiKey, parent) {}

RequestHandle
ListingBackend::fetchTemplates(const TemplateQuery& asked, QObject* context,
                               std::function<void(Result<QList<EffectTemplate>>)> done) {
    queries << asked;
    TemplateQuery query = asked;
    if (ignorePage || endlessIds)
        query.page = 1;
    if (beforeRequest)
        beforeRequest(asked);
    auto finish = [done, endless = endlessIds,
                   page = asked.page](Result<QList<EffectTemplate>> result) {
        if (endless && result.ok()) {
            for (EffectTemplate& t : *result.value)
                t.id += qint64(page) * 1000000000;
        }
        done(std::move(result));
    };
    // The base's answer decides: the family refusal (an input error, nothing sent) means it has
    // no list request yet.
    auto handle = std::make_shared<RequestHandle>();
    *handle = OpenApiBackend::fetchTemplates(
        query, context,
        [this, query, context, finish, handle](Result<QList<EffectTemplate>> result) {
            if (!result.ok() && result.error.kind() == ApiError::Kind::Input)
                *handle = sendOwnRequest(query, context, finish);
            else
                finish(std::move(result));
        });
    return RequestHandle([handle] { handle->cancel(); });
}

RequestHandle
ListingBackend::sendOwnRequest(const TemplateQuery& query, QObject* context,
                               std::function<void(Result<QList<EffectTemplate>>)> done) {
    ApiRequest request;
    request.verb = ApiRequest::Verb::Get;
    request.path =
        QStringLiteral("openapi/v2/video/effects/templates/list?type=%1&page=%2&pageSize=%3")
            .arg(query.type)
            .arg(query.page)
            .arg(query.pageSize);
    if (!query.language.isEmpty())
        request.headers << qMakePair(QByteArray("Accept-Language"), query.language.toUtf8());
    request.logName = QStringLiteral("template list (test)");
    return client()->send(request, context, [done](const ApiReply& reply) {
        if (reply.error.isError())
            done(Result<QList<EffectTemplate>>::failure(reply.error));
        else
            done(Result<QList<EffectTemplate>>::success(readItems(reply.resp)));
    });
}

} // namespace pixverse::test
