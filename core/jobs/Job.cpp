#include "core/jobs/Job.h"

#include "core/api/OpenApiRequests.h"
#include "core/api/WebApiRequests.h"

#include <QCoreApplication>
#include <QFileInfo>

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

bool Job::videoFileExists() const {
    return !videoPath.isEmpty() && QFileInfo(videoPath).isFile();
}

} // namespace pixverse
