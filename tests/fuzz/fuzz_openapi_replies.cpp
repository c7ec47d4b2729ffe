// libFuzzer target: what the platform OpenAPI may answer. The envelope (ApiClient::parseEnvelope,
// under the HTTP statuses that change its reading), then every OpenAPI parser on its `Resp`, and
// on the whole input read as JSON so the parsers also see shapes no envelope lets through. Every
// error must still become a sentence (ApiError::userMessage) and a log line. Issues 16, 17 and 19
// added the media upload, the modes' creates (transition, extend, upscale, sound effect, lip sync),
// the voices, the template list, effect and fusion creates and the usage-detail ledger pages
// (with the ledger entry each item becomes).
#include "core/api/ApiClient.h"
#include "core/api/OpenApiEffectRequests.h"
#include "core/api/OpenApiModeRequests.h"
#include "core/api/OpenApiRequests.h"
#include "core/ledger/UsageWalk.h"

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

template <typename R> auto parseWith(const QJsonValue& resp) {
    const auto result = R::parse(resp);
    if (!result.ok())
        use(result.error);
    return result;
}

void everyParser(const QJsonValue& resp) {
    parseWith<openapi::UploadImageRequest>(resp);
    parseWith<openapi::TextToVideoRequest>(resp);
    parseWith<openapi::ImageToVideoRequest>(resp);
    parseWith<openapi::VideoResultRequest>(resp);
    parseWith<openapi::BalanceRequest>(resp);
    // Issue 16: uploads of video and audio, the modes' creates and the voices.
    if (const auto media = parseWith<openapi::UploadMediaRequest>(resp); media.ok()) {
        if (media.value->mediaId <= 0 || media.value->width < 0 || media.value->height < 0)
            __builtin_trap(); // a size is a size or unknown (0), never a wrapped number
    }
    parseWith<openapi::TransitionRequest>(resp);
    parseWith<openapi::ExtendRequest>(resp);
    parseWith<openapi::UpscaleRequest>(resp);
    parseWith<openapi::SoundEffectRequest>(resp);
    parseWith<openapi::LipSyncRequest>(resp);
    if (const auto voices = parseWith<openapi::SpeakersRequest>(resp); voices.ok()) {
        if (voices.value->total < 0)
            __builtin_trap();
        for (const Speaker& speaker : voices.value->speakers)
            if (speaker.id.isEmpty())
                __builtin_trap(); // a voice without an id cannot be chosen
    }
    // Issue 17: the template list, effect and fusion creates.
    if (const auto templates = parseWith<openapi::TemplateListRequest>(resp); templates.ok()) {
        for (const EffectTemplate& effect : *templates.value)
            if (effect.id <= 0 || effect.duration < 0 || effect.imageCount < 0 ||
                (effect.credits && *effect.credits < 0))
                __builtin_trap(); // skipped without an id; a cost or length is never negative
    }
    parseWith<openapi::EffectRequest>(resp);
    parseWith<openapi::FusionRequest>(resp);
    // Issue 19: a ledger page and the entries its items become.
    if (const auto usage = parseWith<openapi::UsageDetailRequest>(resp); usage.ok()) {
        if (usage.value->hasMore && usage.value->nextCursor.isEmpty())
            __builtin_trap(); // "more" without a cursor would ask for the first page again
        for (const UsageItem& item : usage.value->items) {
            if (item.credits < 0 || (item.at.isValid() && item.at.timeSpec() != Qt::UTC))
                __builtin_trap(); // credits are a size, times are UTC
            const LedgerEntry entry = serviceEntry(item);
            if (!entry.at.isValid())
                __builtin_trap(); // an item without a time sits at the epoch
        }
    }
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
