#include "core/backend/PriceBook.h"

#include "core/backend/Backend.h"
#include "core/generation/ModelCatalog.h"

namespace pixverse {

PriceBook::PriceBook(Backend* backend, const ModelCatalog* catalog, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_catalog(catalog ? catalog : &ModelCatalog::builtIn()) {}

void PriceBook::refresh() {
    // CONTRACT STUB: the "price" helper fetches the website's formulas here.
}

PriceQuote PriceBook::quote(const GenerationRequest& request) const {
    const ApiFamily family = m_backend ? m_backend->family() : ApiFamily::OpenApi;
    return quotePrice(request, *m_catalog, family, hasFormulas() ? &m_formulas : nullptr,
                      m_promotion);
}

void PriceBook::setFormulas(const PriceFormulas& formulas, const QDateTime& fetchedAt) {
    m_formulas = formulas;
    m_fetchedAt = fetchedAt;
    Q_EMIT pricesChanged();
}

} // namespace pixverse
