#include "core/jobs/Job.h"

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
    {JobState::Cancelled, u"cancelled"},
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
           state == JobState::Cancelled;
}

bool holdsSlot(JobState state) {
    return state == JobState::Uploading || state == JobState::Submitting ||
           state == JobState::Generating;
}

} // namespace pixverse
