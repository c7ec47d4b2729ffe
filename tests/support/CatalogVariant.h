#pragma once

#include "core/generation/ModelCatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>
#include <optional>

namespace pixverse::test {

//! The built-in model table with one model changed by `edit`: another table the app could load,
//! for tests that a widget follows the catalog it is given rather than the built-in one.
inline std::optional<ModelCatalog> builtInCatalogWith(const QString& modelId,
                                                      const std::function<void(QJsonObject&)>& edit,
                                                      QString* error = nullptr) {
    QFile file(QStringLiteral(":/pixverse/models.json"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QJsonObject table = QJsonDocument::fromJson(file.readAll()).object();
    QJsonArray models = table.value(u"models").toArray();
    for (qsizetype i = 0; i < models.size(); ++i) {
        QJsonObject model = models[i].toObject();
        if (model.value(u"id").toString() == modelId) {
            edit(model);
            models[i] = model;
        }
    }
    table.insert(QStringLiteral("models"), models);
    return ModelCatalog::fromJson(QJsonDocument(table).toJson(), error);
}

} // namespace pixverse::test
