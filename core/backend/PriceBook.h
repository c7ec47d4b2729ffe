#pragma once

#include "core/generation/PriceFormulas.h"
#include "core/generation/PriceQuote.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace pixverse {

class Backend;
class ModelCatalog;

//! Prices before sending, for one signed-in account (issue 19): the catalog's table for an API
//! key; for a website account the site's formulas (Backend::fetchPriceFormulas), fetched once
//! per session and again when older than kMaxAge, the table ("about") until they came or when
//! they cannot be read. The composer, the batch preview, the hot folder and the CLI all ask it.
class PriceBook : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxAgeSeconds = 4 * 3600;

    PriceBook(Backend* backend, const ModelCatalog* catalog, QObject* parent = nullptr);

    //! Fetches the formulas (and the promotion flag of `/user/credits`) when this family has
    //! them and the ones held are missing or older than kMaxAgeSeconds; nothing while a fetch
    //! runs. Once fetched, it refreshes itself when they grow old.
    void refresh();
    bool hasFormulas() const { return !m_formulas.isEmpty(); }
    const PriceFormulas& formulas() const { return m_formulas; }
    QStringList formulaKeys() const { return m_formulas.keys(); }
    //! When the formulas held were fetched; invalid before.
    QDateTime fetchedAt() const { return m_fetchedAt; }
    //! Whether a refresh still waits for an answer.
    bool isFetching() const { return m_pending > 0; }
    //! Formula fetches sent so far (tests: once per session).
    int fetchCount() const { return m_fetchCount; }
    //! Whether the website says a promotion runs: quotes are then "≤ N credits".
    bool promotion() const { return m_promotion; }
    void setPromotion(bool on);
    //! The family of the account it prices for (the OpenAPI without a backend).
    ApiFamily family() const;
    //! The price of one generation (quotePrice with the formulas held).
    PriceQuote quote(const GenerationRequest& request) const;
    //! Sets formulas directly (tests, a cache).
    void setFormulas(const PriceFormulas& formulas, const QDateTime& fetchedAt);

Q_SIGNALS:
    //! New formulas came (or could not be read): quotes may have changed.
    void pricesChanged();

private:
    QPointer<Backend> m_backend;
    const ModelCatalog* m_catalog;
    PriceFormulas m_formulas;
    QDateTime m_fetchedAt;
    QTimer* m_ageTimer;
    bool m_promotion = false;
    int m_pending = 0; //!< answers still to come (the formulas, the promotion flag)
    int m_fetchCount = 0;
};

} // namespace pixverse
