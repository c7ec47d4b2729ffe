#include "core/generation/PriceQuote.h"

#include "core/generation/ModelCatalog.h"
#include "core/generation/PriceFormulas.h"

#include <QCoreApplication>
#include <QLocale>

namespace pixverse {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("PriceQuote", text);
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

PriceQuote quotePrice(const GenerationRequest& request, const ModelCatalog& catalog,
                      ApiFamily family, const PriceFormulas* formulas, bool promotion) {
    Q_UNUSED(formulas) // CONTRACT STUB: the "price" helper evaluates the website's formulas
    Q_UNUSED(promotion)
    PriceQuote quote;
    if (const std::optional<int> cost = catalog.creditCost(request)) {
        quote.credits = *cost;
        quote.basis =
            family == ApiFamily::Web ? PriceQuote::Basis::Estimate : PriceQuote::Basis::Table;
    }
    return quote;
}

} // namespace pixverse
