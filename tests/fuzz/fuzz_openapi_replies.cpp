// libFuzzer target: what the platform OpenAPI may answer. The envelope (ApiClient::parseEnvelope,
// under the HTTP statuses that change its reading), then every OpenAPI parser on its `Resp`, and
// on the whole input read as JSON so the parsers also see shapes no envelope lets through. Every
// error must still become a sentence (ApiError::userMessage) and a log line.
#include "core/api/ApiClient.h"
#include "core/api/OpenApiRequests.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace pixverse;

namespace {

void use(const ApiError& error) {
    if (error.isError() && (error.userMessage().isEmpty() || error.logText().isEmpty()))
        __builtin_trap(); // every failure has words for the creator and for the log
}

template <typename R> void parseWith(const QJsonValue& resp) {
    const auto result = R::parse(resp);
    if (!result.ok())
        use(result.error);
}

void everyParser(const QJsonValue& resp) {
    parseWith<openapi::UploadImageRequest>(resp);
    parseWith<openapi::TextToVideoRequest>(resp);
    parseWith<openapi::ImageToVideoRequest>(resp);
    parseWith<openapi::VideoResultRequest>(resp);
    parseWith<openapi::BalanceRequest>(resp);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    for (const int status : {200, 400, 429, 502}) {
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
