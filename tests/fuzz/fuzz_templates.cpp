// libFuzzer target: the effect template list (issue 17) on both of its ways in. A page of the
// list as the service answers it (the envelope, then TemplateListRequest::parse) goes into the
// cache file TemplateLibrary keeps and must come back out the same; and the input read as that
// cache file itself (decodeTemplateCache: the file lives on the creator's disk, where anything
// may have written it).
#include "core/api/ApiClient.h"
#include "core/api/OpenApiEffectRequests.h"
#include "core/effects/TemplateCacheFile.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace pixverse;

namespace {

//! What the app uses of a template survives the cache file (texts may lose what JSON cannot
//! hold, such as a lone surrogate, so they are not compared).
bool sameUse(const EffectTemplate& a, const EffectTemplate& b) {
    return a.id == b.id && a.imageCount == b.imageCount && a.duration == b.duration &&
           a.credits == b.credits && a.qualities.size() == b.qualities.size() &&
           a.needsActivation == b.needsActivation;
}

void throughTheCache(const QList<EffectTemplate>& templates) {
    TemplateCacheContents contents;
    contents.language = QStringLiteral("en");
    contents.fetchedAt = QDateTime::fromMSecsSinceEpoch(1764979200000, Qt::UTC);
    contents.templates = templates;
    for (const EffectTemplate& t : templates)
        contents.learned.insert(t.id, {t.needsActivation, t.qualities});
    QString error;
    const std::optional<TemplateCacheContents> back =
        decodeTemplateCache(encodeTemplateCache(contents), &error);
    if (!back || back->templates.size() != templates.size() ||
        back->fetchedAt != contents.fetchedAt || back->learned.size() != contents.learned.size())
        __builtin_trap(); // the list the app wrote, it reads back
    for (qsizetype i = 0; i < templates.size(); ++i)
        if (!sameUse(templates.at(i), back->templates.at(i)))
            __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const ApiReply reply = ApiClient::parseEnvelope(200, bytes);
    if (!reply.error.isError()) {
        const Result<QList<EffectTemplate>> page = openapi::TemplateListRequest::parse(reply.resp);
        if (page.ok())
            throughTheCache(*page.value);
        else if (page.error.userMessage().isEmpty())
            __builtin_trap();
    }
    QString error;
    const std::optional<TemplateCacheContents> cached = decodeTemplateCache(bytes, &error);
    if (cached.has_value() == !error.isEmpty())
        __builtin_trap(); // read, or refused with a reason: never both, never neither
    if (cached)
        throughTheCache(cached->templates);
    return 0;
}
