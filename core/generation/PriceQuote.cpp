#include "core/generation/PriceQuote.h"

#include "core/generation/ModelCatalog.h"
#include "core/generation/PriceFormulas.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace pixverse {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("pixverse::PriceQuote",
                                       text); // lupdate files text() under it
}
} // namespace

PriceQuote PriceQuote::times(qint64 n) const {
    PriceQuote total = *this;
    if (credits)
        total.credits = *credits * n;
    return total;
}

QString PriceQuote::text() const {
    if (!credits)
        return tr("no price");
    const QString amount = QLocale().toString(*credits);
    if (atMost)
        return tr("≤ %1 credits").arg(amount);
    if (basis == Basis::Estimate)
        return tr("about %1 credits").arg(amount);
    return tr("%1 credits").arg(amount);
}

namespace {

//! No generation costs a billion credits: a formula saying so is broken (and far larger values
//! do not fit in qint64, nor their batch totals).
constexpr double kMaxQuoteCredits = 1e9;

//! Whole credits from a formula's value: a value a rounding error away from a whole number is
//! that number; anything else is rounded up, as the site never charges a fraction.
std::optional<qint64> wholeCredits(double value) {
    if (!(value >= 0) || value > kMaxQuoteCredits)
        return std::nullopt;
    const double nearest = std::round(value);
    if (std::abs(value - nearest) < 1e-6)
        return static_cast<qint64>(nearest);
    return static_cast<qint64>(std::ceil(value));
}

} // namespace

PriceQuote quotePrice(const GenerationRequest& request, const ModelCatalog& catalog,
                      ApiFamily family, const PriceFormulas* formulas, bool promotion) {
    PriceQuote quote;
    if (family == ApiFamily::Web && formulas) {
        const std::optional<double> value =
            formulas->evaluate(PriceFormulas::keyFor(request),
                               PriceFormulas::variablesFor(request, catalog.model(request.model)));
        if (const std::optional<qint64> credits = value ? wholeCredits(*value) : std::nullopt) {
            quote.credits = credits;
            quote.basis = PriceQuote::Basis::Formula;
            quote.atMost = promotion;
            return quote;
        }
    }
    if (const std::optional<int> cost = catalog.creditCost(request)) {
        quote.credits = *cost;
        quote.basis =
            family == ApiFamily::Web ? PriceQuote::Basis::Estimate : PriceQuote::Basis::Table;
    }
    return quote;
}

} // namespace pixverse
