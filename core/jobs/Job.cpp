#include "core/jobs/Job.h"

#include "core/api/OpenApiRequests.h"
#include "core/api/WebApiRequests.h"

#include <QCoreApplication>
#include <QFileInfo>
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
    }
    return {};
}

namespace {

constexpr InputRole kInputRoles[] = {InputRole::Start, InputRole::FirstFrame, InputRole::LastFrame,
                                     InputRole::Video, InputRole::Audio};

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
    case InputRole::Video:
    case InputRole::Audio:
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

QString inputPath(const GenerationRequest& request, InputRole role) {
    switch (role) {
    case InputRole::Start:
        return request.isImageToVideo() ? request.imagePath(RequestImage::Role::Start) : QString();
    case InputRole::FirstFrame:
    case InputRole::LastFrame:
        if (request.mode != GenerationMode::Transition)
            return {};
        return request.imagePath(role == InputRole::FirstFrame ? RequestImage::Role::FirstFrame
                                                               : RequestImage::Role::LastFrame);
    case InputRole::Video:
        // A source on the service (sourceVideoId) wins: nothing to upload.
        return takesSourceVideo(request.mode) && request.sourceVideoId == 0
                   ? request.sourceVideoPath
                   : QString();
    case InputRole::Audio:
        return request.mode == GenerationMode::LipSync ? request.audioPath : QString();
    }
    return {};
}

bool hasUpload(const RequestInputs& inputs, InputRole role) {
    if (const auto* image = imageSlot(inputs, role))
        return image->has_value() && ((*image)->imageId != 0 || !(*image)->path.isEmpty());
    const auto* media = mediaSlot(inputs, role);
    return media && media->has_value() && (*media)->mediaId != 0;
}

void clearUpload(RequestInputs& inputs, InputRole role) {
    if (auto* image = imageSlot(inputs, role))
        image->reset();
    else if (auto* media = mediaSlot(inputs, role))
        media->reset();
}

QList<InputRole> inputRoles(const GenerationRequest& request) {
    QList<InputRole> roles;
    for (const InputRole role : kInputRoles) {
        if (!inputPath(request, role).isEmpty())
            roles << role;
    }
    return roles;
}

QJsonObject uploadsToJson(const RequestInputs& inputs) {
    QJsonObject json;
    for (const InputRole role : kInputRoles) {
        if (const auto* image = imageSlot(inputs, role); image && image->has_value())
            json.insert(inputRoleId(role), imageToJson(**image));
        else if (const auto* media = mediaSlot(inputs, role); media && media->has_value())
            json.insert(inputRoleId(role), mediaToJson(**media));
    }
    return json;
}

RequestInputs uploadsFromJson(const QJsonObject& json) {
    RequestInputs inputs;
    for (const InputRole role : kInputRoles) {
        const QJsonValue value = json.value(inputRoleId(role));
        if (!value.isObject())
            continue;
        const QJsonObject item = value.toObject();
        const qint64 id = item.value(QLatin1String("id")).toInteger();
        const QString url = item.value(QLatin1String("url")).toString();
        const int width = item.value(QLatin1String("width")).toInt();
        const int height = item.value(QLatin1String("height")).toInt();
        if (auto* image = imageSlot(inputs, role)) {
            *image =
                UploadedImage{id, url, item.value(QLatin1String("path")).toString(), width, height};
        } else if (auto* media = mediaSlot(inputs, role)) {
            const auto kind =
                role == InputRole::Audio ? UploadedMedia::Kind::Audio : UploadedMedia::Kind::Video;
            *media = UploadedMedia{kind, id, url, width, height};
        }
    }
    return inputs;
}

QList<InputRole> Job::missingUploads() const {
    QList<InputRole> missing;
    for (const InputRole role : inputRoles(request)) {
        if (!hasUpload(uploads, role))
            missing << role;
    }
    return missing;
}

bool Job::videoFileExists() const {
    return !videoPath.isEmpty() && QFileInfo(videoPath).isFile();
}

} // namespace pixverse
