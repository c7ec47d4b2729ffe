#include "core/backend/PriceBook.h"

#include "core/backend/Backend.h"
#include "core/backend/WebBackend.h"
#include "core/generation/ModelCatalog.h"

#include <QLoggingCategory>

#include <algorithm>

namespace pixverse {

namespace {
Q_LOGGING_CATEGORY(lcPrices, "pixverse.prices")
} // namespace

PriceBook::PriceBook(Backend* backend, const ModelCatalog* catalog, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_catalog(catalog ? catalog : &ModelCatalog::builtIn())
    , m_ageTimer(new QTimer(this)) {
    m_ageTimer->setSingleShot(true);
    m_ageTimer->setInterval(kMaxAgeSeconds * 1000);
    connect(m_ageTimer, &QTimer::timeout, this, &PriceBook::refresh);
}

void PriceBook::refresh() {
    if (!m_backend || m_backend->family() != ApiFamily::Web || isFetching())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (hasFormulas() && m_fetchedAt.isValid() && m_fetchedAt.secsTo(now) < kMaxAgeSeconds)
        return;
    ++m_fetchCount;
    ++m_pending;
    m_backend->fetchPriceFormulas(this, [this](Result<PriceFormulas> result) {
        --m_pending;
        if (result.ok()) {
            qCInfo(lcPrices) << "price formulas read for" << result.value->keys().size() << "modes";
            setFormulas(*result.value, QDateTime::currentDateTimeUtc());
            return;
        }
        // The table stays in use, marked "about"; the next refresh() tries again.
        qCWarning(lcPrices).noquote()
            << "price formulas could not be read:" << result.error.detail();
        Q_EMIT pricesChanged();
    });
    if (auto* web = qobject_cast<WebBackend*>(m_backend.data())) {
        ++m_pending;
        web->fetchPromotion(this, [this](Result<bool> result) {
            --m_pending;
            if (result.ok())
                setPromotion(*result.value);
        });
    }
}

ApiFamily PriceBook::family() const {
    return m_backend ? m_backend->family() : ApiFamily::OpenApi;
}

PriceQuote PriceBook::quote(const GenerationRequest& request) const {
    return quotePrice(request, *m_catalog, family(), hasFormulas() ? &m_formulas : nullptr,
                      m_promotion);
}

void PriceBook::setFormulas(const PriceFormulas& formulas, const QDateTime& fetchedAt) {
    m_formulas = formulas;
    m_fetchedAt = fetchedAt;
    const qint64 age = fetchedAt.secsTo(QDateTime::currentDateTimeUtc());
    if (m_backend && m_backend->family() == ApiFamily::Web)
        m_ageTimer->start(
            static_cast<int>(std::clamp<qint64>(kMaxAgeSeconds - age, 0, kMaxAgeSeconds)) * 1000);
    Q_EMIT pricesChanged();
}

void PriceBook::setPromotion(bool on) {
    if (m_promotion == on)
        return;
    m_promotion = on;
    Q_EMIT pricesChanged();
}

} // namespace pixverse
