#pragma once

#include "core/generation/GenerationRequest.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace pixverse {

class ModelCatalog;

//! What a card action (upscale, sound effect, lip sync) will cost, as its dialog says it before
//! anything is sent: the catalog's price and the balance after it.
struct ContinuationPrice {
    Q_DECLARE_TR_FUNCTIONS(pixverse::ContinuationPrice)

public:
    std::optional<int> credits; //!< the catalog's price; empty: PixVerse publishes none
    QString costText;           //!< "Cost: 20 credits", or why there is no figure
    QString balanceText;        //!< "Balance after: 980 credits (of 1,000)"; empty: unknown
    bool enough = true;         //!< false when the known balance is below the known price

    static ContinuationPrice of(const ModelCatalog& catalog, const GenerationRequest& request,
                                std::optional<qint64> balance);
};

} // namespace pixverse
