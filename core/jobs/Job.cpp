#include "core/jobs/Job.h"

#include "core/api/OpenApiRequests.h"
#include "core/api/WebApiRequests.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonValue>

namespace pixverse {

Q_LOGGING_CATEGORY(lcJobs, "pixverse.jobs")

namespace {
struct StateName {
    JobState state;
    const char16_t* id;
};
constexpr StateName kStateNames[] = {
    {JobState::Queued, u"queued"},           {JobState::Uploading, u"uploading"},
    {JobState::Submitting, u"submitting"},   {JobState::Generating, u"generating"},
    {JobState::Downloading, u"downloading"}, {JobState::Done, u"done"},
    {JobState::Failed, u"failed"},           {JobState::Moderated, u"moderated"},
    {JobState::Cancelled, u"cancelled"},     {JobState::Deleted, u"deleted"},
};
} // namespace

QString jobStateId(JobState state) {
    for (const StateName& name : kStateNames) {
        if (name.state == state)
            return QString::fromUtf16(name.id);
    }
    return QStringLiteral("queued");
}

std::optional<JobState> jobStateFromId(const QString& id) {
    for (const StateName& name : kStateNames) {
        if (id == QStringView(name.id))
            return name.state;
    }
    return std::nullopt;
}

bool isTerminal(JobState state) {
    return state == JobState::Done || state == JobState::Failed || state == JobState::Moderated ||
           state == JobState::Cancelled || state == JobState::Deleted;
}

bool holdsSlot(JobState state) {
    return state == JobState::Uploading || state == JobState::Submitting ||
           state == JobState::Generating;
}

// The engine said these first; their translations stay under its name.
QString moderatedJobMessage() {
    return QCoreApplication::translate(
        "pixverse::JobEngine",
        "PixVerse's moderation refused this video; the credits were refunded. "
        "Change the prompt or the image and try again.");
}

QString failedJobMessage() {
    return QCoreApplication::translate(
        "pixverse::JobEngine",
        "PixVerse could not generate this video. Try again; if it keeps failing, change the "
        "settings.");
}

QString deletedJobMessage() {
    return QCoreApplication::translate(
        "pixverse::JobEngine",
        "PixVerse deleted this video before it was saved here. Retry makes a new one.");
}

bool usesTemplatePrompt(const GenerationRequest& request) {
    if (request.mode != GenerationMode::Effect || request.templateName.trimmed().isEmpty())
        return false;
    const QString prompt = request.prompt.simplified();
    return prompt.isEmpty() || prompt == request.templatePrompt.simplified();
}

bool Job::wasMadeOnService() const {
    if (videoId == 0)
        return false;
    // Each family has its own status numbers; core/api knows them.
    const VideoState said = family == ApiFamily::OpenApi
                                ? openapi::VideoResultRequest::stateFor(rawStatus)
                                : web::PersonalVideosRequest::stateFor(rawStatus);
    return said == VideoState::Succeeded;
}

} // namespace pixverse

namespace pixverse {

QString inputRoleId(InputRole role) {
    switch (role) {
    case InputRole::Start:
        return QStringLiteral("start");
    case InputRole::FirstFrame:
        return QStringLiteral("first");
    case InputRole::LastFrame:
        return QStringLiteral("last");
    case InputRole::Video:
        return QStringLiteral("video");
    case InputRole::Audio:
        return QStringLiteral("audio");
    case InputRole::EffectImage:
        return QStringLiteral("starts");
    case InputRole::Reference:
        return QStringLiteral("references");
    }
    return {};
}

namespace {

constexpr InputRole kSingleRoles[] = {InputRole::Start, InputRole::FirstFrame, InputRole::LastFrame,
                                      InputRole::Video, InputRole::Audio};
constexpr InputRole kListRoles[] = {InputRole::EffectImage, InputRole::Reference};

bool takesSourceVideo(GenerationMode mode) {
    return mode == GenerationMode::Extend || mode == GenerationMode::Upscale ||
           mode == GenerationMode::SoundEffect || mode == GenerationMode::LipSync;
}

// Templates so that a const RequestInputs gives const slots.
template <typename Inputs>
auto imageSlot(Inputs& inputs, InputRole role) -> decltype(&inputs.start) {
    switch (role) {
    case InputRole::Start:
        return &inputs.start;
    case InputRole::FirstFrame:
        return &inputs.first;
    case InputRole::LastFrame:
        return &inputs.last;
    default:
        break;
    }
    return nullptr;
}

template <typename Inputs>
auto mediaSlot(Inputs& inputs, InputRole role) -> decltype(&inputs.video) {
    if (role == InputRole::Video)
        return &inputs.video;
    if (role == InputRole::Audio)
        return &inputs.audio;
    return nullptr;
}

template <typename Inputs>
auto imageList(Inputs& inputs, InputRole role) -> decltype(&inputs.starts) {
    if (role == InputRole::EffectImage)
        return &inputs.starts;
    if (role == InputRole::Reference)
        return &inputs.references;
    return nullptr;
}

//! The request's images an input list role stands for, in upload order.
QList<RequestImage> listedImages(const GenerationRequest& request, InputRole role) {
    if (role == InputRole::EffectImage && request.mode == GenerationMode::Effect)
        return request.imagesWith(RequestImage::Role::Start);
    if (role == InputRole::Reference && request.mode == GenerationMode::Fusion)
        return request.references();
    return {};
}

bool isUploaded(const UploadedImage& image) {
    return image.imageId != 0 || !image.path.isEmpty();
}

QJsonObject imageToJson(const UploadedImage& image) {
    QJsonObject json{{QStringLiteral("id"), QJsonValue(image.imageId)},
                     {QStringLiteral("url"), image.url}};
    if (!image.path.isEmpty())
        json.insert(QStringLiteral("path"), image.path);
    if (image.width > 0 && image.height > 0) {
        json.insert(QStringLiteral("width"), image.width);
        json.insert(QStringLiteral("height"), image.height);
    }
    return json;
}

UploadedImage imageFromJson(const QJsonObject& item) {
    return UploadedImage{
        item.value(QLatin1String("id")).toInteger(), item.value(QLatin1String("url")).toString(),
        item.value(QLatin1String("path")).toString(), item.value(QLatin1String("width")).toInt(),
        item.value(QLatin1String("height")).toInt()};
}

QJsonObject mediaToJson(const UploadedMedia& media) {
    QJsonObject json{{QStringLiteral("id"), QJsonValue(media.mediaId)},
                     {QStringLiteral("url"), media.url}};
    if (media.width > 0 && media.height > 0) {
        json.insert(QStringLiteral("width"), media.width);
        json.insert(QStringLiteral("height"), media.height);
    }
    return json;
}

} // namespace

QString inputPath(const GenerationRequest& request, const JobInput& input) {
    switch (input.role) {
    case InputRole::Start:
        return request.isImageToVideo() ? request.imagePath(RequestImage::Role::Start) : QString();
    case InputRole::FirstFrame:
    case InputRole::LastFrame:
        if (request.mode != GenerationMode::Transition)
            return {};
        return request.imagePath(input.role == InputRole::FirstFrame
                                     ? RequestImage::Role::FirstFrame
                                     : RequestImage::Role::LastFrame);
    case InputRole::Video:
        // A source on the service (sourceVideoId) wins: nothing to upload.
        return takesSourceVideo(request.mode) && request.sourceVideoId == 0
                   ? request.sourceVideoPath
                   : QString();
    case InputRole::Audio:
        return request.mode == GenerationMode::LipSync ? request.audioPath : QString();
    case InputRole::EffectImage:
    case InputRole::Reference:
        return listedImages(request, input.role).value(input.index).path;
    }
    return {};
}

bool hasUpload(const RequestInputs& inputs, const JobInput& input) {
    if (const auto* image = imageSlot(inputs, input.role))
        return image->has_value() && isUploaded(**image);
    if (const auto* list = imageList(inputs, input.role))
        return input.index >= 0 && input.index < list->size() && isUploaded(list->at(input.index));
    const auto* media = mediaSlot(inputs, input.role);
    return media && media->has_value() && (*media)->mediaId != 0;
}

void setUpload(RequestInputs& inputs, const JobInput& input, const UploadedImage& image) {
    if (auto* slot = imageSlot(inputs, input.role)) {
        *slot = image;
    } else if (auto* list = imageList(inputs, input.role); list && input.index >= 0) {
        // Uploads go in order, but a list is kept by position whatever the order.
        while (list->size() <= input.index)
            list->append(UploadedImage{});
        (*list)[input.index] = image;
    }
}

void clearUpload(RequestInputs& inputs, InputRole role) {
    if (auto* image = imageSlot(inputs, role))
        image->reset();
    else if (auto* media = mediaSlot(inputs, role))
        media->reset();
    else if (auto* list = imageList(inputs, role))
        list->clear();
}

QList<JobInput> jobInputs(const GenerationRequest& request) {
    QList<JobInput> inputs;
    for (const InputRole role : kSingleRoles) {
        if (!inputPath(request, role).isEmpty())
            inputs << role;
    }
    for (const InputRole role : kListRoles) {
        const QList<RequestImage> images = listedImages(request, role);
        for (int i = 0; i < images.size(); ++i) {
            if (!images.at(i).path.isEmpty())
                inputs << JobInput(role, i);
        }
    }
    return inputs;
}

QJsonObject uploadsToJson(const RequestInputs& inputs) {
    QJsonObject json;
    for (const InputRole role : kSingleRoles) {
        if (const auto* image = imageSlot(inputs, role); image && image->has_value())
            json.insert(inputRoleId(role), imageToJson(**image));
        else if (const auto* media = mediaSlot(inputs, role); media && media->has_value())
            json.insert(inputRoleId(role), mediaToJson(**media));
    }
    for (const InputRole role : kListRoles) {
        const QList<UploadedImage>& list = *imageList(inputs, role);
        if (list.isEmpty())
            continue;
        QJsonArray items; // null where an item is not uploaded yet
        for (const UploadedImage& image : list)
            items.append(isUploaded(image) ? QJsonValue(imageToJson(image)) : QJsonValue());
        json.insert(inputRoleId(role), items);
    }
    return json;
}

RequestInputs uploadsFromJson(const QJsonObject& json) {
    RequestInputs inputs;
    for (const InputRole role : kSingleRoles) {
        const QJsonValue value = json.value(inputRoleId(role));
        if (!value.isObject())
            continue;
        const QJsonObject item = value.toObject();
        if (auto* image = imageSlot(inputs, role)) {
            *image = imageFromJson(item);
        } else if (auto* media = mediaSlot(inputs, role)) {
            const auto kind =
                role == InputRole::Audio ? UploadedMedia::Kind::Audio : UploadedMedia::Kind::Video;
            *media = UploadedMedia{kind, item.value(QLatin1String("id")).toInteger(),
                                   item.value(QLatin1String("url")).toString(),
                                   item.value(QLatin1String("width")).toInt(),
                                   item.value(QLatin1String("height")).toInt()};
        }
    }
    for (const InputRole role : kListRoles) {
        QList<UploadedImage>& list = *imageList(inputs, role);
        for (const QJsonValue& item : json.value(inputRoleId(role)).toArray())
            list.append(item.isObject() ? imageFromJson(item.toObject()) : UploadedImage{});
    }
    return inputs;
}

QList<JobInput> Job::missingUploads() const {
    QList<JobInput> missing;
    for (const JobInput& input : jobInputs(request)) {
        if (!hasUpload(uploads, input))
            missing << input;
    }
    return missing;
}

bool Job::videoFileExists() const {
    return !videoPath.isEmpty() && QFileInfo(videoPath).isFile();
}

} // namespace pixverse
