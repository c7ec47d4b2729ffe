#pragma once

#include "core/api/ApiTypes.h"
#include "core/generation/GenerationRequest.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QMetaType>
#include <QString>
#include <QStringList>

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
    Cancelled,   //!< cancelled by the creator before it was sent
    Deleted      //!< the service deleted the video (status 6) before the library had a copy
};

//! The parts of a job's inputs that are uploaded before the create, in the order they are sent.
//! EffectImage and Reference are lists (issue 17): an effect's images, fusion's references.
enum class InputRole { Start, FirstFrame, LastFrame, Video, Audio, EffectImage, Reference };

//! One input to upload: a role, and for the list roles which item of the list.
struct JobInput {
    InputRole role = InputRole::Start;
    int index = 0; //!< the item of an EffectImage or Reference list; 0 for the others

    JobInput() = default;
    JobInput(InputRole inputRole, int at = 0) // implicit: a role of one file is its own input
        : role(inputRole)
        , index(at) {}
    friend bool operator==(const JobInput&, const JobInput&) = default;
};

//! "start", "first", "last", "video", "audio", "starts", "references": the keys of the stored
//! uploads.
QString inputRoleId(InputRole role);
//! The local file `request` needs uploaded for `input`; empty when it has none (a source given
//! as a video id on the service needs no upload, an effect of 0 images none either).
QString inputPath(const GenerationRequest& request, const JobInput& input);
//! Whether `inputs` holds the upload of `input`.
bool hasUpload(const RequestInputs& inputs, const JobInput& input);
//! Stores an image's upload as `input` (an image role or an item of a list role).
void setUpload(RequestInputs& inputs, const JobInput& input, const UploadedImage& image);
//! Forgets the upload of `role` (every item of a list role).
void clearUpload(RequestInputs& inputs, InputRole role);
//! Every input `request` has a local file for, in upload order: an effect's Start images as
//! EffectImage 0..n-1, fusion's references (GenerationRequest::references()) as Reference 0..n-1.
QList<JobInput> jobInputs(const GenerationRequest& request);
//! `inputs` as stored (`{"start": {...}, "video": {...}, "starts": [{...}, null]}`) and back;
//! unknown keys are ignored, and a store written before issue 17 has no lists (read as empty).
QJsonObject uploadsToJson(const RequestInputs& inputs);
RequestInputs uploadsFromJson(const QJsonObject& json);

//! An effect whose prompt is its template's own description (or none): it is named after the
//! template (title, file name), not after words the creator did not write.
bool usesTemplatePrompt(const GenerationRequest& request);

//! The id as stored in the database: "queued", "uploading", ...
QString jobStateId(JobState state);
std::optional<JobState> jobStateFromId(const QString& id);
//! What a creator reads for a video the service's moderation refused, or could not make.
QString moderatedJobMessage();
QString failedJobMessage();
//! What a creator reads for a video the service deleted before it was saved here (status 6).
QString deletedJobMessage();
//! Done, Failed, Moderated, Cancelled or Deleted: nothing more happens unless the creator asks.
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
    //! What the uploads of the request's inputs returned, by role (start, first and last frame,
    //! source video, audio, an effect's images, fusion's references). A role is set once its upload
    //! succeeded and is committed before the next upload starts, so after a crash only the missing
    //! ones are uploaded again. An imported job's `start` holds the service's image URL only.
    RequestInputs uploads;

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
    //! The service says it deleted the video (status 6, or gone from the account's list) while
    //! the library keeps its copy: the job stays Done and playable, marked "Deleted on PixVerse".
    bool deletedOnService = false;
    //! The clip has a sound track: the service's `has_audio` once it answered, before that
    //! what was asked (the request's audio switch).
    bool hasAudio = false;

    bool isImageToVideo() const { return request.isImageToVideo(); }
    //! The inputs whose file still has to be uploaded before the create (in upload order).
    QList<JobInput> missingUploads() const;
    //! Finished on the service and not (or no longer) in the library: an imported video nobody
    //! asked to download yet. "Download again" (JobEngine::redownload) saves it.
    bool isOnServiceOnly() const { return state == JobState::Done && videoPath.isEmpty(); }
    //! The service's last status said the video was made (even if saving it failed since).
    bool wasMadeOnService() const;
    //! The length of the saved file in seconds (read from it after the download); 0: unknown.
    double videoSeconds = 0;

    // --- The creator's library (issue 18) ---------------------------------------------------
    //! Takes made by one click (JobEngine::enqueueTakes) share a group: the id of the group's
    //! first job (its own id for that one). 0: a job of its own.
    qint64 groupId = 0;
    int takeIndex = 0; //!< 0-based place in its group (its seed is the first take's + takeIndex)
    int rating = 0;    //!< 0: not rated; 1–5 stars
    bool rejected = false; //!< the creator threw it away ("Remove rejected" trashes it)
    bool picked = false;   //!< the take the creator chose (compare view, "Pick")
    QStringList tags; //!< free words, as the creator typed them, no duplicates (case-insensitive)
    QList<qint64> boards; //!< the boards (JobStore::boards()) it is on, ascending ids

    // --- The queue and the money (issue 19) ------------------------------------------------
    //! Where a queued job stands: lower is sent first (ties: older first). The store gives a new
    //! job a place after every other (JobStore::add/addGroup); JobEngine::moveQueued and
    //! runNext change it. Meaningless once the job left Queued.
    qint64 queueOrder = 0;
    //! The creator paused this one job (JobEngine::setHeld): it stays Queued and is not sent.
    bool held = false;
    //! Credits the service gave back (moderation, a failed video); `credits` is what it charged.
    int refundedCredits = 0;
    //! Where the job came from, when not the composer: `batch:<file name>#<line>` (a batch
    //! opened in the window), `hot:<file fingerprint>#<item>` (the hot folder; how it knows
    //! across restarts which files it already took). Empty: the composer or the CLI.
    QString origin;

    //! A complete file of the video is in the library (a download in progress writes
    //! `<videoPath>.part`, so `videoPath` exists only once complete). Reads the disk.
    bool videoFileExists() const;
};

} // namespace pixverse

Q_DECLARE_METATYPE(pixverse::Job)
