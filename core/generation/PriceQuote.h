#pragma once

#include "core/api/ApiTypes.h"
#include "core/generation/GenerationRequest.h"

#include <QString>

#include <optional>

namespace pixverse {

class ModelCatalog;
class PriceFormulas;

//! What a generation will cost before it is sent (issue 19), and how sure that is.
struct PriceQuote {
    enum class Basis {
        Table,    //!< the platform's published table (§2.9): what an API key is charged
        Formula,  //!< the website's own formulas (§3.12), evaluated here
        Estimate, //!< a website account without usable formulas: the table, "about"
        Unknown   //!< no price known (the service says what it charged)
    };
    std::optional<qint64> credits;
    Basis basis = Basis::Unknown;
    //! A website promotion is on: the formulas' price with every discount at 1 is the most it
    //! costs ("≤ N credits").
    bool atMost = false;

    bool known() const { return credits.has_value(); }
    //! `n` of them (takes, a batch's lines): the same basis, n × the credits.
    PriceQuote times(qint64 n) const;
    //! "35 credits", "about 35 credits", "≤ 35 credits", "no price" (translated, the locale's
    //! digits).
    QString text() const;
};

//! The price of `request` for `family`: an API key's from the catalog's table (exact); a
//! website account's from `formulas` when they have the mode's key and it evaluates, else the
//! table's figure marked as an estimate. `promotion`: the website says a promotion runs.
PriceQuote quotePrice(const GenerationRequest& request, const ModelCatalog& catalog,
                      ApiFamily family, const PriceFormulas* formulas = nullptr,
                      bool promotion = false);

} // namespace pixverse
