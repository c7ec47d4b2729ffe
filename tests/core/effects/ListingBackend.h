#pragma once

#include "core/backend/OpenApiBackend.h"

#include <QList>

#include <functional>

namespace pixverse::test {

//! The real OpenApiBackend against the sandbox, with a view of the template list requests the
//! library makes and two ways to play a misbehaving service.
class ListingBackend : public OpenApiBackend {
    Q_OBJECT
public:
    ListingBackend(ApiClient* client, const QString& apiKey, QObject* parent = nullptr);

    RequestHandle fetchTemplates(const TemplateQuery& query, QObject* context,
                                 std::function<void(Result<QList<EffectTemplate>>)> done) override;

    //! Every query the library asked for, in order.
    QList<TemplateQuery> queries;
    //! A service that ignores `page`: every request asks for page 1.
    bool ignorePage = false;
    //! A service that never ends: each page's ids are made new (id + page × 10^9).
    bool endlessIds = false;
    //! Runs before each request is sent (a test injects a fault for page 2, say).
    std::function<void(const TemplateQuery&)> beforeRequest;
};

} // namespace pixverse::test
