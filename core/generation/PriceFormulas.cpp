#include "core/generation/PriceFormulas.h"

#include "core/generation/ModelCatalog.h"

#include <QCoreApplication>

namespace pixverse {

// CONTRACT STUB: the "price" helper evaluates the expression trees.

Result<PriceFormulas> PriceFormulas::fromResp(const QJsonValue& resp) {
    if (!resp.isObject())
        return Result<PriceFormulas>::failure(ApiError::malformed(
            QCoreApplication::translate("PriceFormulas", "The price list could not be read.")));
    PriceFormulas formulas;
    formulas.m_formulas = resp.toObject();
    return Result<PriceFormulas>::success(formulas);
}

std::optional<double> PriceFormulas::evaluate(const QString& key,
                                              const QJsonObject& variables) const {
    Q_UNUSED(key)
    Q_UNUSED(variables)
    return std::nullopt; // CONTRACT STUB
}

QString PriceFormulas::keyFor(const GenerationRequest& request) {
    return generationModeId(request.mode);
}

QJsonObject PriceFormulas::variablesFor(const GenerationRequest& request, const ModelSpec* spec) {
    Q_UNUSED(spec)
    QJsonObject v;
    v[QStringLiteral("model")] = request.model;
    v[QStringLiteral("quality")] = request.quality;
    v[QStringLiteral("duration")] = request.duration;
    v[QStringLiteral("create_count")] = 1;
    v[QStringLiteral("audio")] = request.audio;
    v[QStringLiteral("multishot")] = request.multiClip;
    return v;
}

} // namespace pixverse
