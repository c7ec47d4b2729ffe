#pragma once

#include "core/generation/GenerationRequest.h"

#include <QJsonObject>

#include <optional>

namespace pixverse::sandbox {

//! The sandbox's website price list (pixverse-api.md §3.12): its own formula set
//! (":/pixverse/sandbox/web-price-formulas.json", apart from anything the client holds), served
//! by `pricing/formulas` and used to charge web generations, so the client's exact quote can be
//! checked against what the sandbox then charges.
class WebPriceFormulas {
public:
    //! The formulas as `Resp` carries them (keyed by mode).
    static const QJsonObject& resp();
    //! What a web generation costs by these formulas (every discount at 1); empty when the set
    //! has no price for it.
    static std::optional<qint64> price(const GenerationRequest& request);
};

} // namespace pixverse::sandbox
