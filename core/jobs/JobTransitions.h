#pragma once

#include "core/jobs/Job.h"

#include <QList>

#include <cstdint>
#include <optional>

namespace pixverse {

//! What can happen to a job. Each one moves it from one JobState to another (or is refused):
//! the engine, the scheduler and the gallery ask jobNextState() instead of deciding by themselves.
enum class JobEvent {
    UploadStarted,      //!< its image goes to the service
    Uploaded,           //!< the image is on the service; the create follows
    UploadInterrupted,  //!< the app stopped mid-upload: upload again
    CreateSent,         //!< the create request leaves (first time or a resend)
    Accepted,           //!< the service answered with a video id
    ConcurrencyLimited, //!< 500044: back to the queue until a slot frees
    ImageForgotten,     //!< 400032/500042: upload the image again
    TransientError,     //!< a definite "not now" (or a failed upload): back to the queue
    OutcomeUnknown,     //!< the create may have reached the service: resend, same trace id
    Refused,            //!< the service (or the app) said no for good
    SessionEnded,       //!< the credentials stopped working
    VideoIdLost,        //!< generating without a video id (edited row): the trace id gets it back
    StatusPending,      //!< the service is still making it
    StatusSucceeded,    //!< the service made it: save the file
    StatusSucceededImported, //!< an imported video finished: kept on the service until asked
    StatusModerated,         //!< moderation refused it
    StatusFailed,            //!< the service could not make it
    StatusDeleted,           //!< the service deleted it (status 6) and the library has no copy
    Downloaded,              //!< the file is in the library
    DownloadDeferred,        //!< the download failed and is tried again later
    DownloadFailed,          //!< the download failed for good
    Cancelled,               //!< the creator cancelled it
    Retried,                 //!< the creator asked for a new generation
    RedownloadAsked,         //!< the creator asked to save the video (again)
    //! The service deleted a video whose earlier copy the library still holds (a "download
    //! again" found it gone): the job is done with that copy (Job::deletedOnService).
    ServiceCopyDeleted
};
inline constexpr int kJobEventCount = static_cast<int>(JobEvent::ServiceCopyDeleted) + 1;
inline constexpr int kJobStateCount = static_cast<int>(JobState::Deleted) + 1;

//! The state after `event`, or nothing when the event is refused in `state`.
std::optional<JobState> jobNextState(JobState state, JobEvent event);
//! Moves `job` to the state after `event`; false (and unchanged) when the event is refused.
bool applyJobEvent(Job& job, JobEvent event);
//! For logs and test names: "upload-started", ...
const char* jobEventName(JobEvent event);
//! The service said it deleted `job`'s video (status 6, or gone from the account's list).
//! `libraryHasCopy`: a complete file of it is in the library. A generating or downloading job
//! without a copy becomes Deleted (with deletedJobMessage()); one with a copy, or one already
//! Done, stays (or becomes) Done and playable with Job::deletedOnService set. Other states are
//! left alone. False when nothing changed.
bool applyServiceDeletion(Job& job, bool libraryHasCopy);

//! What a creator may do with a job (context menu, toolbar, the Jobs menu).
enum class JobAction : std::uint16_t {
    Play = 1 << 0,       //!< finished: play it (saving it first when only on the service)
    OpenFolder = 1 << 1, //!< its file is in the library
    SaveCopy = 1 << 2,
    CopyPrompt = 1 << 3,
    Reuse = 1 << 4,
    Favourite = 1 << 5,
    Retry = 1 << 6,
    Cancel = 1 << 7,
    Redownload = 1 << 8, //!< saved before (or its download failed): save it again
    Download = 1 << 9,   //!< imported and never saved: a first download
    Remove = 1 << 10
};

//! A set of JobAction.
class JobActions {
public:
    constexpr JobActions() = default;
    constexpr bool has(JobAction action) const { return (m_bits & bit(action)) != 0; }
    constexpr JobActions& add(JobAction action) {
        m_bits |= bit(action);
        return *this;
    }
    constexpr JobActions& unite(JobActions other) {
        m_bits |= other.m_bits;
        return *this;
    }
    constexpr JobActions& intersect(JobActions other) {
        m_bits &= other.m_bits;
        return *this;
    }
    constexpr bool isEmpty() const { return m_bits == 0; }
    constexpr bool operator==(const JobActions&) const = default;

private:
    static constexpr std::uint16_t bit(JobAction action) {
        return static_cast<std::uint16_t>(action);
    }
    std::uint16_t m_bits = 0;
};

//! The actions `job` allows now. Engine-bound ones (Retry, Cancel, (Re)download) are listed
//! whatever engine is present; the caller greys them out without one.
JobActions jobAllowedActions(const Job& job);

//! What a selection of jobs allows: `any` of them, and `every` one of them (empty without jobs).
struct SelectionActions {
    JobActions any;
    JobActions every;
};
SelectionActions jobsAllowedActions(const QList<Job>& jobs);

} // namespace pixverse
