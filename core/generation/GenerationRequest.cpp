#include "core/generation/GenerationRequest.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

#include <array>
#include <utility>

namespace pixverse {

namespace {

struct ModeName {
    GenerationMode mode;
    const char* id;
    const char* label; //!< translated in the context "pixverse::GenerationMode"
};
constexpr std::array<ModeName, 9> kModes{{
    {GenerationMode::TextToVideo, "t2v",
     QT_TRANSLATE_NOOP("pixverse::GenerationMode", "Text to video")},
    {GenerationMode::ImageToVideo, "i2v",
     QT_TRANSLATE_NOOP("pixverse::GenerationMode", "Image to video")},
    {GenerationMode::Transition, "transition",
     QT_TRANSLATE_NOOP("pixverse::GenerationMode", "First and last frame")},
    {GenerationMode::Extend, "extend", QT_TRANSLATE_NOOP("pixverse::GenerationMode", "Extend")},
    {GenerationMode::Effect, "effect", QT_TRANSLATE_NOOP("pixverse::GenerationMode", "Effect")},
    {GenerationMode::Fusion, "fusion",
     QT_TRANSLATE_NOOP("pixverse::GenerationMode", "Reference to video")},
    {GenerationMode::Upscale, "upscale", QT_TRANSLATE_NOOP("pixverse::GenerationMode", "Upscale")},
    {GenerationMode::SoundEffect, "sound", QT_TRANSLATE_NOOP("pixverse::GenerationMode", "Sound")},
    {GenerationMode::LipSync, "lipsync", QT_TRANSLATE_NOOP("pixverse::GenerationMode", "Lip sync")},
}};

const ModeName& modeName(GenerationMode mode) {
    for (const ModeName& name : kModes) {
        if (name.mode == mode)
            return name;
    }
    return kModes.front();
}

constexpr std::array kRoleIds{std::pair{RequestImage::Role::Start, "start"},
                              std::pair{RequestImage::Role::FirstFrame, "first"},
                              std::pair{RequestImage::Role::LastFrame, "last"},
                              std::pair{RequestImage::Role::Subject, "subject"},
                              std::pair{RequestImage::Role::Background, "background"}};

QString text(const QJsonObject& json, const char* key, const QString& fallback = {}) {
    const QJsonValue v = json.value(QLatin1String(key));
    return v.isString() ? v.toString() : fallback;
}

//! A setting's value (a model, quality, ratio, ...): one of a few words, repeated by thousands of
//! stored jobs. Each distinct word is kept once per thread and shared (the default itself when it
//! is that): 10,000 jobs held 50,000 separate copies of them (issue 20's gallery memory).
QString setting(const QJsonObject& json, const char* key, const QString& fallback = {}) {
    QString value = text(json, key, fallback);
    if (value == fallback)
        return fallback;
    if (value.size() > 32)
        return value;
    thread_local QSet<QString> words;
    if (const auto found = words.constFind(value); found != words.cend())
        return *found;
    if (words.size() < 512)
        words.insert(value);
    return value;
}

} // namespace

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

QString generationModeId(GenerationMode mode) {
    return QLatin1String(modeName(mode).id);
}

std::optional<GenerationMode> generationModeFromId(const QString& id) {
    for (const ModeName& name : kModes) {
        if (id == QLatin1String(name.id))
            return name.mode;
    }
    return std::nullopt;
}

QString generationModeLabel(GenerationMode mode) {
    return QCoreApplication::translate("pixverse::GenerationMode", modeName(mode).label);
}

QList<GenerationMode> allGenerationModes() {
    QList<GenerationMode> out;
    for (const ModeName& name : kModes)
        out << name.mode;
    return out;
}

QString RequestImage::roleId(Role role) {
    for (const auto& [r, id] : kRoleIds) {
        if (r == role)
            return QLatin1String(id);
    }
    return {};
}

std::optional<RequestImage::Role> RequestImage::roleFromId(const QString& id) {
    for (const auto& [r, roleIdText] : kRoleIds) {
        if (id == QLatin1String(roleIdText))
            return r;
    }
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

QString GenerationRequest::imagePath(RequestImage::Role role) const {
    for (const RequestImage& image : images) {
        if (image.role == role)
            return image.path;
    }
    return {};
}

QList<RequestImage> GenerationRequest::imagesWith(RequestImage::Role role) const {
    QList<RequestImage> out;
    for (const RequestImage& image : images) {
        if (image.role == role)
            out << image;
    }
    return out;
}

QList<RequestImage> GenerationRequest::references() const {
    QList<RequestImage> out;
    for (const RequestImage& image : images) {
        if (image.role == RequestImage::Role::Subject ||
            image.role == RequestImage::Role::Background)
            out << image;
    }
    return out;
}

QString GenerationRequest::startImagePath() const {
    return imagePath(RequestImage::Role::Start);
}

void GenerationRequest::setStartImage(const QString& path) {
    images.removeIf(
        [](const RequestImage& image) { return image.role == RequestImage::Role::Start; });
    if (path.isEmpty()) {
        if (mode == GenerationMode::ImageToVideo)
            mode = GenerationMode::TextToVideo;
        return;
    }
    images.prepend(RequestImage{RequestImage::Role::Start, path, {}});
    if (mode == GenerationMode::TextToVideo)
        mode = GenerationMode::ImageToVideo;
}

QJsonObject GenerationRequest::toJson() const {
    QJsonArray imageArray;
    for (const RequestImage& image : images) {
        QJsonObject item{{QStringLiteral("role"), RequestImage::roleId(image.role)},
                         {QStringLiteral("path"), image.path}};
        if (!image.name.isEmpty())
            item.insert(QStringLiteral("name"), image.name);
        imageArray.append(item);
    }
    QJsonObject json{
        {QStringLiteral("mode"), generationModeId(mode)},
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
        {QStringLiteral("multiClip"), multiClip},
        {QStringLiteral("offPeak"), offPeak},
        {QStringLiteral("images"), imageArray},
    };
    if (seed)
        json.insert(QStringLiteral("seed"), QJsonValue(*seed));
    // The inputs of the later modes only when set, so a t2v/i2v row stays short.
    if (sourceVideoId > 0)
        json.insert(QStringLiteral("sourceVideoId"), QJsonValue(sourceVideoId));
    const std::array optionalTexts{
        std::pair{"sourceVideoPath", &sourceVideoPath}, std::pair{"audioPath", &audioPath},
        std::pair{"speechText", &speechText}, std::pair{"speakerId", &speakerId}};
    for (const auto& [key, value] : optionalTexts) {
        if (!value->isEmpty())
            json.insert(QLatin1String(key), *value);
    }
    if (templateId > 0)
        json.insert(QStringLiteral("templateId"), QJsonValue(templateId));
    if (templateId > 0) {
        json.insert(QStringLiteral("templateName"), templateName);
        if (!templatePrompt.isEmpty())
            json.insert(QStringLiteral("templatePrompt"), templatePrompt);
        json.insert(QStringLiteral("templateImageCount"), templateImageCount);
        json.insert(QStringLiteral("templateQualities"),
                    QJsonArray::fromStringList(templateQualities));
        if (templateNeedsActivation)
            json.insert(QStringLiteral("templateNeedsActivation"), true);
    }
    if (keepOriginalSound)
        json.insert(QStringLiteral("keepOriginalSound"), true);
    if (parentJobId > 0)
        json.insert(QStringLiteral("parentJobId"), QJsonValue(parentJobId));
    const std::array optionalNumbers{std::pair{"sourceSeconds", sourceSeconds},
                                     std::pair{"audioSeconds", audioSeconds},
                                     std::pair{"sourceWidth", double(sourceWidth)},
                                     std::pair{"sourceHeight", double(sourceHeight)}};
    for (const auto& [key, value] : optionalNumbers) {
        if (value > 0)
            json.insert(QLatin1String(key), value);
    }
    return json;
}

GenerationRequest GenerationRequest::fromJson(const QJsonObject& json) {
    GenerationRequest r;
    r.prompt = text(json, "prompt");
    r.negativePrompt = text(json, "negativePrompt");
    r.model = setting(json, "model", r.model);
    r.duration = json.value(QLatin1String("duration")).toInt(r.duration);
    r.quality = setting(json, "quality", r.quality);
    r.aspectRatio = setting(json, "aspectRatio", r.aspectRatio);
    r.motionMode = setting(json, "motionMode", r.motionMode);
    r.style = setting(json, "style");
    r.cameraMovement = setting(json, "cameraMovement");
    r.audio = json.value(QLatin1String("audio")).toBool();
    // Before issue 15 the switch was stored as "multiShot".
    const QJsonValue multiClip = json.value(QLatin1String("multiClip"));
    r.multiClip =
        multiClip.isBool() ? multiClip.toBool() : json.value(QLatin1String("multiShot")).toBool();
    r.offPeak = json.value(QLatin1String("offPeak")).toBool();
    const QJsonArray images = json.value(QLatin1String("images")).toArray();
    for (const QJsonValue& value : images) {
        const QJsonObject item = value.toObject();
        const auto role = RequestImage::roleFromId(text(item, "role"));
        const QString path = text(item, "path");
        if (role && !path.isEmpty())
            r.images << RequestImage{*role, path, text(item, "name")};
    }
    // The old form: no mode, the image of an image-to-video in "imagePath".
    const QString oldImage = text(json, "imagePath");
    if (!json.contains(QLatin1String("images")) && !oldImage.isEmpty())
        r.images << RequestImage{RequestImage::Role::Start, oldImage, {}};
    if (const auto mode = generationModeFromId(text(json, "mode")))
        r.mode = *mode;
    else
        r.mode = r.startImagePath().isEmpty() ? GenerationMode::TextToVideo
                                              : GenerationMode::ImageToVideo;
    const QJsonValue seed = json.value(QLatin1String("seed"));
    if (seed.isDouble())
        r.seed = seed.toInteger();
    r.sourceVideoId = json.value(QLatin1String("sourceVideoId")).toInteger();
    r.sourceVideoPath = text(json, "sourceVideoPath");
    r.templateId = json.value(QLatin1String("templateId")).toInteger();
    r.templateName = text(json, "templateName");
    r.templatePrompt = text(json, "templatePrompt");
    r.templateImageCount = json.value(QLatin1String("templateImageCount")).toInt(1);
    for (const QJsonValue& quality : json.value(QLatin1String("templateQualities")).toArray())
        r.templateQualities << quality.toString();
    r.templateNeedsActivation = json.value(QLatin1String("templateNeedsActivation")).toBool();
    r.audioPath = text(json, "audioPath");
    r.speechText = text(json, "speechText");
    r.speakerId = text(json, "speakerId");
    r.keepOriginalSound = json.value(QLatin1String("keepOriginalSound")).toBool();
    r.parentJobId = json.value(QLatin1String("parentJobId")).toInteger();
    r.sourceSeconds = json.value(QLatin1String("sourceSeconds")).toDouble();
    r.audioSeconds = json.value(QLatin1String("audioSeconds")).toDouble();
    r.sourceWidth = json.value(QLatin1String("sourceWidth")).toInt();
    r.sourceHeight = json.value(QLatin1String("sourceHeight")).toInt();
    return r;
}

} // namespace pixverse
