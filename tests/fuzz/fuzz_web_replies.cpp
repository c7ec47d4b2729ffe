// libFuzzer target: what the web API (`/creative_platform`) may answer. Its parsers accept every
// spelling seen in captures, so they are the most permissive code that reads the network: the
// envelope, then each web parser on `Resp` and on the whole input read as JSON. Issue 19 added
// the first-and-last-frame create (`video/frames`), the promotion flags of `user/credits` and the
// price formulas' answer (their evaluation has its own target, fuzz_price_formulas).
#include "core/api/ApiClient.h"
#include "core/api/WebApiRequests.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace pixverse;

namespace {

void use(const ApiError& error) {
    if (error.isError() && (error.userMessage().isEmpty() || error.logText().isEmpty()))
        __builtin_trap();
}

template <typename R> auto parseWith(const QJsonValue& resp) {
    const auto result = R::parse(resp);
    if (!result.ok())
        use(result.error);
    return result;
}

void everyParser(const QJsonValue& resp) {
    parseWith<web::LoginRequest>(resp);
    parseWith<web::UploadTokenRequest>(resp);
    parseWith<web::RegisterUploadRequest>(resp);
    parseWith<web::TextToVideoRequest>(resp);
    parseWith<web::ImageToVideoRequest>(resp);
    parseWith<web::PersonalVideosRequest>(resp);
    parseWith<web::CreditsRequest>(resp);
    parseWith<web::TransitionRequest>(resp);
    parseWith<web::PromotionRequest>(resp);
    if (const auto formulas = parseWith<web::PricingFormulasRequest>(resp); formulas.ok()) {
        for (const QString& key : formulas.value->keys())
            (void)formulas.value->evaluate(key, {}); // no variables: a price or nothing
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    for (const int status : {200, 401, 500}) {
        const ApiReply reply = ApiClient::parseEnvelope(status, body);
        use(reply.error);
        if (!reply.error.isError())
            everyParser(reply.resp);
    }
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject()) {
        everyParser(document.object());
        for (const QJsonValue& value : document.object())
            everyParser(value);
    }
    return 0;
}
