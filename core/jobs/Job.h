#pragma once

#include "core/generation/GenerationRequest.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QMetaType>
#include <QString>

#include <optional>

namespace pixverse {

Q_DECLARE_LOGGING_CATEGORY(lcJobs)

//! Where a job is in its life. Every change is committed to the JobStore before the next network
//! step, so a job found in any state after a crash knows what to do next (JobEngine::start()).
enum class JobState {
    Queued,      //!< waiting for a slot; nothing of it exists on the service yet
    Uploading,   //!< its image is being uploaded (after a crash: upload again)
    Submitting,  //!< the create request may have reached the service: resend with the same trace id
    Generating,  //!< the service has it (remote id known): poll
    Downloading, //!< finished on the service; the file is being saved (a `.part` file may exist)
    Done,        //!< the video is in the library
    Failed,      //!< refused or failed; `errorMessage` says why
    Moderated,   //!< refused by moderation (credits refunded by the service)
    Cancelled    //!< cancelled by the creator before it was sent
};

//! The id as stored in the database: "queued", "uploading", ...
QString jobStateId(JobState state);
std::optional<JobState> jobStateFromId(const QString& id);
//! What a creator reads for a video the service's moderation refused, or could not make.
QString moderatedJobMessage();
QString failedJobMessage();
//! Done, Failed, Moderated or Cancelled: nothing more happens unless the creator asks.
bool isTerminal(JobState state);
//! Uploading, Submitting or Generating: the job holds one of the account's generation slots.
bool holdsSlot(JobState state);

//! One generation as the app keeps it: a row of the JobStore. A value type.
struct Job {
    qint64 id = 0; //!< assigned by the store; never reused
    QDateTime createdAt;
    QDateTime updatedAt;
    ApiFamily family = ApiFamily::OpenApi;
    QString account; //!< the backend's account label (masked key or e-mail), safe to show
    //! What was asked. `request.startImagePath()` is the app's own copy of the image
    //! (`<dataDir>/images/<sha256>.<ext>`), so moving the original does not break a retry.
    GenerationRequest request;
    QString sourceImagePath; //!< where the creator's image was when the job was added

    //! Trace id of the create request: assigned and committed before it is first sent, kept for
    //! every resend whose outcome is unknown, replaced only after a definite refusal.
    QString traceId;
    qint64 videoId = 0; //!< the service's id; 0 until the create succeeded
    qint64 imageId = 0; //!< OpenAPI `img_id` of the uploaded image; 0: not uploaded
    QString imageUrl;
    QString imageRemotePath; //!< web family: `customer_img_path`

    JobState state = JobState::Queued;
    int rawStatus = 0; //!< the service's last status value, for logs and the detail view
    std::optional<int> credits;
    QString errorMessage; //!< a sentence for the creator (ApiError::userMessage())
    qint64 errorCode = 0; //!< PixVerse ErrCode or HTTP status, 0 when none

    QString videoUrl; //!< where the finished video can be fetched (may expire)
    int videoWidth = 0;
    int videoHeight = 0;
    std::optional<qint64> seed; //!< the seed the service used
    QString videoPath;          //!< the file in the library (final name; `.part` while downloading)
    QString thumbnailPath;      //!< set by the gallery once it made one
    QString sidecarPath;        //!< `<video>.json`

    int attempts = 0;          //!< failed attempts of the current step (drives the backoff)
    QDateTime nextAttemptAt;   //!< not before this time (invalid: at once)
    QDateTime generatingSince; //!< when the service accepted it (poll schedule, stall limit)
    bool stalled = false;      //!< generating for longer than the limit; still polled
    bool favourite = false;
    //! Made outside this app (or before it kept a store) and read from the account's video list
    //! after sign-in (JobEngine::importAccountVideos). Its video is saved only when asked.
    bool imported = false;

    bool isImageToVideo() const { return request.isImageToVideo(); }
    //! Finished on the service and not (or no longer) in the library: an imported video nobody
    //! asked to download yet. "Download again" (JobEngine::redownload) saves it.
    bool isOnServiceOnly() const { return state == JobState::Done && videoPath.isEmpty(); }
    //! The service's last status said the video was made (even if saving it failed since).
    bool wasMadeOnService() const;
};

} // namespace pixverse

Q_DECLARE_METATYPE(pixverse::Job)
