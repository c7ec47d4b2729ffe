#include "core/generation/PriceFormulas.h"

#include "core/generation/ModelCatalog.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

namespace pixverse {

namespace {

//! Deeper trees than this are refused: the site's own nest a few switches, and a hostile or
//! broken answer must not exhaust the stack.
constexpr int kMaxDepth = 64;

using Value = std::optional<QJsonValue>;

class Evaluator {
public:
    explicit Evaluator(const QJsonObject& variables)
        : m_variables(variables) {}

    Value evaluate(const QJsonValue& node, int depth) const {
        if (depth > kMaxDepth || !node.isObject())
            return std::nullopt;
        const QJsonObject o = node.toObject();
        const QString type = o.value(QLatin1String("type")).toString();
        if (type == QLatin1String("literal"))
            return literal(o);
        if (type == QLatin1String("variable"))
            return variable(o);
        if (o.contains(QLatin1String("type")))
            return std::nullopt; // a node kind this client does not know
        if (o.contains(QLatin1String("operator")))
            return arithmetic(o, depth);
        if (o.contains(QLatin1String("switchOn")))
            return switchNode(o, depth);
        if (o.contains(QLatin1String("name")) && o.contains(QLatin1String("params")))
            return function(o, depth);
        return std::nullopt;
    }

private:
    static Value literal(const QJsonObject& o) {
        const QJsonValue v = o.value(QLatin1String("value"));
        if (v.isDouble() || v.isBool() || v.isString())
            return v;
        return std::nullopt;
    }

    Value variable(const QJsonObject& o) const {
        const QJsonValue v = m_variables.value(o.value(QLatin1String("name")).toString());
        if (v.isDouble() || v.isBool() || v.isString())
            return v;
        return std::nullopt; // a variable the request does not give
    }

    //! Every parameter as a number, in order; empty when one is not.
    std::optional<QList<double>> numbers(const QJsonObject& o, int depth) const {
        const QJsonValue params = o.value(QLatin1String("params"));
        if (!params.isArray() || params.toArray().isEmpty())
            return std::nullopt;
        QList<double> out;
        for (const QJsonValue& p : params.toArray()) {
            const Value v = evaluate(p, depth + 1);
            if (!v || !v->isDouble())
                return std::nullopt;
            out << v->toDouble();
        }
        return out;
    }

    Value arithmetic(const QJsonObject& o, int depth) const {
        const QString op = o.value(QLatin1String("operator")).toString();
        if (op != QLatin1String("+") && op != QLatin1String("-") && op != QLatin1String("*") &&
            op != QLatin1String("/"))
            return std::nullopt;
        const std::optional<QList<double>> params = numbers(o, depth);
        if (!params)
            return std::nullopt;
        double acc = params->first();
        for (qsizetype i = 1; i < params->size(); ++i) { // folded left: a - b - c = (a - b) - c
            const double x = params->at(i);
            if (op == QLatin1String("+"))
                acc += x;
            else if (op == QLatin1String("-"))
                acc -= x;
            else if (op == QLatin1String("*"))
                acc *= x;
            else if (x == 0.0)
                return std::nullopt; // a division by zero prices nothing
            else
                acc /= x;
        }
        return QJsonValue(acc);
    }

    Value function(const QJsonObject& o, int depth) const {
        if (o.value(QLatin1String("name")).toString() != QLatin1String("ceil"))
            return std::nullopt;
        const std::optional<QList<double>> params = numbers(o, depth);
        if (!params || params->size() != 1)
            return std::nullopt;
        return QJsonValue(std::ceil(params->first()));
    }

    //! "=" compares type and value (`true` is not `1`); ">" numbers only.
    static std::optional<bool> matches(const QJsonValue& on, const QString& comparator,
                                       const QJsonValue& compareValue) {
        if (comparator == QLatin1String("="))
            return on.type() == compareValue.type() && on == compareValue;
        if (comparator == QLatin1String(">")) {
            if (!on.isDouble() || !compareValue.isDouble())
                return std::nullopt;
            return on.toDouble() > compareValue.toDouble();
        }
        return std::nullopt;
    }

    Value switchNode(const QJsonObject& o, int depth) const {
        const Value on = evaluate(o.value(QLatin1String("switchOn")), depth + 1);
        if (!on)
            return std::nullopt;
        const QJsonValue cases = o.value(QLatin1String("cases"));
        if (!cases.isArray() && !cases.isUndefined())
            return std::nullopt;
        for (const QJsonValue& c : cases.toArray()) {
            const QJsonObject kase = c.toObject();
            const std::optional<bool> hit =
                matches(*on, kase.value(QLatin1String("type")).toString(),
                        kase.value(QLatin1String("compareValue")));
            if (!hit)
                return std::nullopt; // an unknown comparator: no guess
            if (*hit)
                return evaluate(kase.value(QLatin1String("value")), depth + 1);
        }
        if (!o.contains(QLatin1String("default")))
            return std::nullopt;
        return evaluate(o.value(QLatin1String("default")), depth + 1);
    }

    const QJsonObject& m_variables;
};

} // namespace

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
    if (key.isEmpty() || !m_formulas.contains(key))
        return std::nullopt;
    const Value v = Evaluator(variables).evaluate(m_formulas.value(key), 0);
    if (!v || !v->isDouble() || !std::isfinite(v->toDouble()))
        return std::nullopt;
    return v->toDouble();
}

QString PriceFormulas::keyFor(const GenerationRequest& request) {
    switch (request.mode) {
    case GenerationMode::TextToVideo:
    case GenerationMode::ImageToVideo:
    case GenerationMode::Transition:
    case GenerationMode::Extend:
    case GenerationMode::Upscale:
    case GenerationMode::LipSync:
        return generationModeId(request.mode); // the site's keys are the same words
    case GenerationMode::Effect:               // priced per template; no key is known
    case GenerationMode::Fusion:               // reference variables exist, its key is not known
    case GenerationMode::SoundEffect:          // only the `auto_sound` variable is known
        break;
    }
    return {};
}

QJsonObject PriceFormulas::variablesFor(const GenerationRequest& request, const ModelSpec* spec) {
    const QList<RequestImage> references = request.references();
    QJsonObject v;
    v[QStringLiteral("model")] = spec ? spec->serviceId(ApiFamily::Web) : request.model;
    v[QStringLiteral("quality")] = request.quality;
    v[QStringLiteral("duration")] = request.duration;
    v[QStringLiteral("create_count")] = 1;
    v[QStringLiteral("audio")] = request.audio;
    v[QStringLiteral("multishot")] = request.multiClip;
    v[QStringLiteral("auto_sound")] = false;
    v[QStringLiteral("auto_speech")] = false;
    v[QStringLiteral("has_reference_video")] = false;
    v[QStringLiteral("reference_video_duration_seconds")] = 0;
    v[QStringLiteral("reference_image_count")] = static_cast<int>(references.size());
    // The discounts are not published (§3.12): at 1 the result is the most it costs.
    for (const char* discount :
         {"off_peak_discount", "preview_mode_discount", "ultra_model_discount", "v6_model_discount",
          "model_promotion_discount"})
        v[QLatin1String(discount)] = 1;
    return v;
}

} // namespace pixverse
