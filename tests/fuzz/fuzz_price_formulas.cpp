// libFuzzer target: the website's price formula language (issue 19, pixverse-api.md §3.12). The
// input is the answer of `pricing/formulas` (an envelope, or its `Resp` alone); every formula is
// evaluated for the generations the app prices (each web model in each priced mode, its
// qualities and audio switch in turn), as the composer, the batch preview and the CLI ask
// PriceBook. A price is whole, not negative, and sums over a batch without overflowing; an
// unreadable formula is "no price", never a crash or a guess.
#include "core/api/ApiClient.h"
#include "core/api/WebApiRequests.h"
#include "core/generation/ModelCatalog.h"
#include "core/generation/PriceFormulas.h"
#include "core/generation/PriceQuote.h"
#include "core/queue/BatchFile.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstddef>
#include <cstdint>

using namespace pixverse;

namespace {

QList<GenerationRequest>& requests() {
    static QList<GenerationRequest> list;
    return list;
}

//! One request per web model and priced mode (its qualities in turn, audio every other one):
//! every branch a formula has on the model, the mode and the switches, at a few hundred
//! executions a second.
void buildRequests() {
    const ModelCatalog& catalog = ModelCatalog::builtIn();
    int turn = 0;
    for (const GenerationMode mode :
         {GenerationMode::TextToVideo, GenerationMode::ImageToVideo, GenerationMode::Transition,
          GenerationMode::Extend, GenerationMode::Upscale, GenerationMode::LipSync}) {
        for (const ModelSpec& model : catalog.offeredModels(ApiFamily::Web, mode)) {
            ++turn;
            GenerationRequest request;
            QJsonObject keys{{QStringLiteral("model"), model.id},
                             {QStringLiteral("audio"), turn % 2 == 0}};
            if (!model.qualities.isEmpty())
                keys.insert(QStringLiteral("quality"),
                            model.qualities.at(turn % model.qualities.size()));
            if (requestFromKeys(keys, catalog, ApiFamily::Web, request, mode).isEmpty())
                requests().append(request);
        }
    }
}

void price(const PriceFormulas& formulas) {
    const ModelCatalog& catalog = ModelCatalog::builtIn();
    for (const QString& key : formulas.keys()) {
        const std::optional<double> value = formulas.evaluate(key, {});
        if (value && !std::isfinite(*value))
            __builtin_trap(); // an infinite or NaN price is no price
    }
    bool promotion = false;
    for (const GenerationRequest& request : requests()) {
        promotion = !promotion; // "≤ N" and "N": both texts, half the work
        const PriceQuote quote = quotePrice(request, catalog, ApiFamily::Web, &formulas, promotion);
        if (quote.known() && *quote.credits < 0)
            __builtin_trap(); // never a negative price
        if (quote.text().isEmpty())
            __builtin_trap(); // every quote has words, "no price" included
        // A batch of takes: the total is exact or unknown, never a wrapped number.
        const PriceQuote batch = quote.times(1000);
        if (quote.known() && batch.known() && *batch.credits < *quote.credits)
            __builtin_trap();
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    if (requests().isEmpty())
        buildRequests();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (requests().isEmpty())
        buildRequests();
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const ApiReply reply = ApiClient::parseEnvelope(200, body);
    if (!reply.error.isError()) {
        const Result<PriceFormulas> formulas = web::PricingFormulasRequest::parse(reply.resp);
        if (formulas.ok())
            price(*formulas.value);
    }
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject()) {
        const Result<PriceFormulas> formulas = PriceFormulas::fromResp(document.object());
        if (!formulas.ok())
            __builtin_trap(); // any object is a price list (its formulas are judged when used)
        price(*formulas.value);
    }
    return 0;
}
