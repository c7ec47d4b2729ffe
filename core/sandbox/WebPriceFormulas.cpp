#include "core/sandbox/WebPriceFormulas.h"

#include "core/generation/PriceFormulas.h"

#include <QFile>
#include <QJsonDocument>

#include <cmath>

namespace pixverse::sandbox {

const QJsonObject& WebPriceFormulas::resp() {
    static const QJsonObject formulas = [] {
        QFile file(QStringLiteral(":/pixverse/sandbox/web-price-formulas.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("The sandbox's web price formulas are missing from its resources");
        QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        object.remove(QStringLiteral("comment")); // the file's note, not a formula
        return object;
    }();
    return formulas;
}

std::optional<qint64> WebPriceFormulas::price(const GenerationRequest& request) {
    static const PriceFormulas formulas = *PriceFormulas::fromResp(resp()).value;
    // The body's model is already the web id ("pixverse-c1"): no catalog entry to map it.
    const std::optional<double> value = formulas.evaluate(
        PriceFormulas::keyFor(request), PriceFormulas::variablesFor(request, nullptr));
    if (!value || *value < 0)
        return std::nullopt;
    return static_cast<qint64>(std::ceil(*value));
}

} // namespace pixverse::sandbox
