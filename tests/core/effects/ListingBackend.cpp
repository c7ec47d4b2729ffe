#include "tests/core/effects/ListingBackend.h"

namespace pixverse::test {

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
    return OpenApiBackend::fetchTemplates(query, context, finish);
}

} // namespace pixverse::test
