#include "ui/ContinuationPrice.h"

#include "core/generation/ModelCatalog.h"

#include <QLocale>

namespace pixverse {

ContinuationPrice ContinuationPrice::of(const ModelCatalog& catalog,
                                        const GenerationRequest& request,
                                        std::optional<qint64> balance) {
    ContinuationPrice price;
    price.credits = catalog.creditCost(request);
    const QLocale locale;
    if (price.credits)
        price.costText = tr("Cost: %1 credits").arg(locale.toString(*price.credits));
    else if (request.mode == GenerationMode::Upscale)
        price.costText = tr("PixVerse does not publish the upscale price; the charge shows on "
                            "the card when the video is done.");
    else
        price.costText = tr("The price is not known yet; the charge shows on the card when the "
                            "video is done.");
    if (balance && price.credits) {
        price.enough = *price.credits <= *balance;
        price.balanceText =
            price.enough
                ? tr("Balance after: %1 credits (of %2)")
                      .arg(locale.toString(*balance - *price.credits), locale.toString(*balance))
                : tr("Not enough credits: the balance is %1.").arg(locale.toString(*balance));
    } else if (balance) {
        price.balanceText = tr("Balance: %1 credits").arg(locale.toString(*balance));
    }
    return price;
}

} // namespace pixverse
