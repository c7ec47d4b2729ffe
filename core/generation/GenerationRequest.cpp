#include "core/generation/GenerationRequest.h"

namespace pixverse {

QString apiFamilyId(ApiFamily family) {
    return family == ApiFamily::Web ? QStringLiteral("web") : QStringLiteral("openapi");
}

std::optional<ApiFamily> apiFamilyFromId(const QString& id) {
    if (id == QLatin1String("openapi"))
        return ApiFamily::OpenApi;
    if (id == QLatin1String("web"))
        return ApiFamily::Web;
    return std::nullopt;
}

qsizetype promptLength(const QString& text) {
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        // A surrogate pair is one character for the service.
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

QJsonObject GenerationRequest::toJson() const {
    QJsonObject json{
        {QStringLiteral("prompt"), prompt},
        {QStringLiteral("negativePrompt"), negativePrompt},
        {QStringLiteral("model"), model},
        {QStringLiteral("duration"), duration},
        {QStringLiteral("quality"), quality},
        {QStringLiteral("aspectRatio"), aspectRatio},
        {QStringLiteral("motionMode"), motionMode},
        {QStringLiteral("style"), style},
        {QStringLiteral("cameraMovement"), cameraMovement},
        {QStringLiteral("audio"), audio},
        {QStringLiteral("multiShot"), multiShot},
        {QStringLiteral("offPeak"), offPeak},
        {QStringLiteral("imagePath"), imagePath},
    };
    if (seed)
        json.insert(QStringLiteral("seed"), QJsonValue(*seed));
    return json;
}

GenerationRequest GenerationRequest::fromJson(const QJsonObject& json) {
    GenerationRequest r;
    auto text = [&json](const char* key, const QString& fallback) {
        const QJsonValue v = json.value(QLatin1String(key));
        return v.isString() ? v.toString() : fallback;
    };
    r.prompt = text("prompt", {});
    r.negativePrompt = text("negativePrompt", {});
    r.model = text("model", r.model);
    r.duration = json.value(QLatin1String("duration")).toInt(r.duration);
    r.quality = text("quality", r.quality);
    r.aspectRatio = text("aspectRatio", r.aspectRatio);
    r.motionMode = text("motionMode", r.motionMode);
    r.style = text("style", {});
    r.cameraMovement = text("cameraMovement", {});
    r.audio = json.value(QLatin1String("audio")).toBool();
    r.multiShot = json.value(QLatin1String("multiShot")).toBool();
    r.offPeak = json.value(QLatin1String("offPeak")).toBool();
    r.imagePath = text("imagePath", {});
    const QJsonValue seed = json.value(QLatin1String("seed"));
    if (seed.isDouble())
        r.seed = seed.toInteger();
    return r;
}

} // namespace pixverse
