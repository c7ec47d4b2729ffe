#include "core/jobs/JobTransitions.h"

namespace pixverse {

namespace {

using S = JobState;
using E = JobEvent;

struct Transition {
    S from;
    E event;
    S to;
};

//! Every allowed move; any pair not listed is refused.
constexpr Transition kTransitions[] = {
    {S::Queued, E::UploadStarted, S::Uploading},
    {S::Queued, E::CreateSent, S::Submitting},
    {S::Queued, E::Cancelled, S::Cancelled},

    {S::Uploading, E::Uploaded, S::Submitting},
    {S::Uploading, E::UploadInterrupted, S::Queued},
    {S::Uploading, E::TransientError, S::Queued},
    {S::Uploading, E::Refused, S::Failed},
    {S::Uploading, E::SessionEnded, S::Failed},
    {S::Uploading, E::Cancelled, S::Cancelled},

    {S::Submitting, E::CreateSent, S::Submitting},
    {S::Submitting, E::Accepted, S::Generating},
    {S::Submitting, E::ConcurrencyLimited, S::Queued},
    {S::Submitting, E::ImageForgotten, S::Queued},
    {S::Submitting, E::TransientError, S::Queued},
    {S::Submitting, E::OutcomeUnknown, S::Submitting},
    {S::Submitting, E::Refused, S::Failed},
    {S::Submitting, E::SessionEnded, S::Failed},

    {S::Generating, E::VideoIdLost, S::Submitting},
    {S::Generating, E::StatusPending, S::Generating},
    {S::Generating, E::StatusSucceeded, S::Downloading},
    {S::Generating, E::StatusSucceededImported, S::Done},
    {S::Generating, E::StatusModerated, S::Moderated},
    {S::Generating, E::StatusFailed, S::Failed},
    {S::Generating, E::StatusDeleted, S::Deleted},

    // While a fresh URL is looked up the service may report anything again.
    {S::Downloading, E::StatusPending, S::Generating},
    {S::Downloading, E::StatusSucceeded, S::Downloading},
    {S::Downloading, E::StatusModerated, S::Failed},
    {S::Downloading, E::StatusFailed, S::Failed},
    {S::Downloading, E::StatusDeleted, S::Deleted},
    {S::Downloading, E::ServiceCopyDeleted, S::Done},
    {S::Downloading, E::Downloaded, S::Done},
    {S::Downloading, E::DownloadDeferred, S::Downloading},
    {S::Downloading, E::DownloadFailed, S::Failed},

    {S::Done, E::RedownloadAsked, S::Downloading},

    {S::Failed, E::Retried, S::Queued},
    // Only when the service made the video and saving it failed (jobAllowedActions checks).
    {S::Failed, E::RedownloadAsked, S::Downloading},
    {S::Moderated, E::Retried, S::Queued},
    {S::Cancelled, E::Retried, S::Queued},
    {S::Deleted, E::Retried, S::Queued},
};

constexpr const char* kEventNames[kJobEventCount] = {
    "upload-started",
    "uploaded",
    "upload-interrupted",
    "create-sent",
    "accepted",
    "concurrency-limited",
    "image-forgotten",
    "transient-error",
    "outcome-unknown",
    "refused",
    "session-ended",
    "video-id-lost",
    "status-pending",
    "status-succeeded",
    "status-succeeded-imported",
    "status-moderated",
    "status-failed",
    "status-deleted",
    "downloaded",
    "download-deferred",
    "download-failed",
    "cancelled",
    "retried",
    "redownload-asked",
    "service-copy-deleted",
};

bool allows(const Job& job, JobEvent event) {
    return jobNextState(job.state, event).has_value();
}

} // namespace

std::optional<JobState> jobNextState(JobState state, JobEvent event) {
    for (const Transition& transition : kTransitions) {
        if (transition.from == state && transition.event == event)
            return transition.to;
    }
    return std::nullopt;
}

bool applyJobEvent(Job& job, JobEvent event) {
    const std::optional<JobState> next = jobNextState(job.state, event);
    if (!next)
        return false;
    job.state = *next;
    return true;
}

const char* jobEventName(JobEvent event) {
    const int index = static_cast<int>(event);
    return index >= 0 && index < kJobEventCount ? kEventNames[index] : "unknown";
}

bool applyServiceDeletion(Job& job, bool libraryHasCopy) {
    if (job.state == JobState::Done) {
        if (job.deletedOnService)
            return false;
        job.deletedOnService = true; // a Done job stays Done: its copy (if any) still plays
        return true;
    }
    const JobEvent event = libraryHasCopy ? JobEvent::ServiceCopyDeleted : JobEvent::StatusDeleted;
    if (!applyJobEvent(job, event))
        return false;
    job.deletedOnService = true;
    job.videoUrl.clear();
    job.errorMessage = job.state == JobState::Deleted ? deletedJobMessage() : QString();
    job.errorCode = 0;
    job.attempts = 0;
    job.nextAttemptAt = {};
    return true;
}

JobActions jobAllowedActions(const Job& job) {
    JobActions actions;
    actions.add(JobAction::CopyPrompt).add(JobAction::Reuse).add(JobAction::Favourite);
    // Deleted on the service and never saved: nothing left to play.
    const bool playable = !job.deletedOnService || !job.videoPath.isEmpty();
    if (job.state == JobState::Done && playable)
        actions.add(JobAction::Play);
    if (job.state == JobState::Done && !job.videoPath.isEmpty())
        actions.add(JobAction::OpenFolder).add(JobAction::SaveCopy);
    if (allows(job, JobEvent::Retried))
        actions.add(JobAction::Retry);
    if (allows(job, JobEvent::Cancelled))
        actions.add(JobAction::Cancel);
    const bool saveable = job.videoId != 0 && !job.deletedOnService &&
                          allows(job, JobEvent::RedownloadAsked) &&
                          (job.state == JobState::Done || job.wasMadeOnService());
    if (saveable)
        actions.add(job.imported && job.isOnServiceOnly() ? JobAction::Download
                                                          : JobAction::Redownload);
    if (isTerminal(job.state) || job.state == JobState::Queued)
        actions.add(JobAction::Remove);
    return actions;
}

SelectionActions jobsAllowedActions(const QList<Job>& jobs) {
    SelectionActions actions;
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        const JobActions allowed = jobAllowedActions(jobs.at(i));
        actions.any.unite(allowed);
        if (i == 0)
            actions.every = allowed;
        else
            actions.every.intersect(allowed);
    }
    return actions;
}

} // namespace pixverse
