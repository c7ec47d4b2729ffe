#pragma once

#include "core/api/ApiTypes.h"
#include "core/generation/GenerationRequest.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace pixverse {

struct ModelSpec;

//! The website's own price formulas (`POST /creative_platform/pricing/formulas`,
//! pixverse-api.md §3.12): one expression tree per mode key ("t2v", "i2v", "transition", ...),
//! evaluated here, before anything is sent. Nodes: literal, variable, arithmetic (`operator`
//! + `params`, folded left), function (`ceil`), switch (`switchOn`, `cases` with `=` or `>`,
//! `default`). Anything else (an unknown node, operator, function or comparator, a variable
//! the request does not give, a division by zero) makes the price unknown: never a guess.
class PriceFormulas {
public:
    PriceFormulas() = default;
    //! Reads the answer's `Resp`. `null` (the service's answer without a token) or anything but
    //! an object is an error saying the price list could not be read; formulas are not checked
    //! here (an unknown node only makes its own key unknown when evaluated).
    static Result<PriceFormulas> fromResp(const QJsonValue& resp);
    bool isEmpty() const { return m_formulas.isEmpty(); }
    QStringList keys() const { return m_formulas.keys(); }
    //! The formulas as read (what a cache file keeps).
    QJsonObject toJson() const { return m_formulas; }

    //! The value of `key`'s formula with `variables`; empty when it has none or cannot be
    //! evaluated (see the class comment).
    std::optional<double> evaluate(const QString& key, const QJsonObject& variables) const;

    //! The formula key of a request's mode ("t2v", "i2v", "transition", "extend", "lipsync",
    //! "upscale", ...).
    static QString keyFor(const GenerationRequest& request);
    //! The variables the site sets for a request: model (the web id), quality, duration,
    //! create_count 1, `audio` and `multishot` as JSON booleans, every discount multiplier 1.
    static QJsonObject variablesFor(const GenerationRequest& request, const ModelSpec* spec);

private:
    QJsonObject m_formulas;
};

} // namespace pixverse
