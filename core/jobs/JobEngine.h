#pragma once

#include "core/api/ApiTypes.h"
#include "core/generation/GenerationRequest.h"
#include "core/jobs/Job.h"
#include "core/jobs/JobLibrary.h"
#include "core/jobs/JobScheduler.h"
#include "core/jobs/JobTransitions.h"
#include "core/jobs/StatusPoller.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace pixverse {

class AccountImporter;
class AppSettings;
class Backend;
class DownloadQueue;
class JobStore;
class ModelCatalog;
class VideoDownloader;

struct JobEngineOptions {
    QString libraryFolder;           //!< where finished videos go (AppSettings::libraryFolder())
    int concurrencyCap = 5;          //!< AppSettings::concurrencyCap()
    std::optional<int> accountLimit; //!< the plan's limit when known
    PollSchedule pollSchedule;
    qint64 stallLimitMs = 10 * 60 * 1000;
    BackoffPolicy backoff;
    int maxDownloads = 3; //!< videos saved at once
    //! Follow QNetworkInformation (pause polling while offline). Off in tests over loopback.
    bool watchSystemNetwork = true;
    //! A safety bound on how deep importAccountVideos() and the look-up of a fresh URL read the
    //! account's list (web family: pages of 100); far above any real account.
    int importLimit = 100000;
    //! The table jobs are checked and priced with: the one instance the app (or the CLI) owns.
    const ModelCatalog* catalog = nullptr;

    static JobEngineOptions fromSettings(const AppSettings& settings);
};

//! The job pipeline over one Backend: wires the JobStore, the JobScheduler (queue and job-level
//! retry), the StatusPoller, the DownloadQueue, the AccountImporter and the JobLibrary; every
//! state change follows jobNextState(). Finished videos are saved to the library as
//! `YYYY-MM-DD_HHMM_<prompt words>_<video id>.mp4` with a JSON sidecar `<same>.json`; the balance
//! is refreshed after each submission and each final status. start() picks up whatever a previous
//! run left: queued jobs are sent, Uploading ones upload again, Submitting ones are resent with
//! their stored trace id, Generating ones are polled again and Downloading ones resume from their
//! `.part` file.
class JobEngine : public QObject {
    Q_OBJECT
public:
    //! `store` must be open; `backend` and `network` outlive the engine.
    JobEngine(JobStore* store, Backend* backend, QNetworkAccessManager* network,
              JobEngineOptions options, QObject* parent = nullptr);
    ~JobEngine() override;

    //! Recovers the stored jobs and starts working.
    void start();
    bool isStarted() const { return m_started; }

    //! Stores a new job (state Queued, every local input copied into the store: images, source
    //! video, audio) and lets the scheduler send it. Copies and hashes the inputs on the calling
    //! thread: use enqueueAsync() from the GUI. `origin` becomes the job's (Job::origin).
    Result<Job> enqueue(const GenerationRequest& request, const QString& origin = {});
    //! As enqueue(), with the inputs copied into the store on the thread pool first, so the
    //! GUI thread never reads a 20 MB image or a 50 MB video. `done` runs on this thread unless
    //! `context` died. When the job's first input is an image and the queue would start the job
    //! at once, its upload starts now from the creator's file, beside the copy
    //! (JobScheduler::startEarlyUpload): the job is stored, and its row names the upload, only
    //! after the copy is committed.
    void enqueueAsync(const GenerationRequest& request, QObject* context,
                      std::function<void(Result<Job>)> done);
    //! The most takes one click makes (issue 18).
    static constexpr int kMaxTakes = 8;
    //! The service's highest seed (pixverse-api.md §2.11: 0 to 2147483647).
    static constexpr qint64 kSeedMax = 2147483647;
    //! The requests of `takes` takes of `request` (1..kMaxTakes): with a seed, take i asks for
    //! seed + i (wrapping within the service's seed range, 0..`seedMax`); without one, none asks
    //! for a seed.
    static QList<GenerationRequest> takeRequests(const GenerationRequest& request, int takes,
                                                 qint64 seedMax = kSeedMax);
    //! Stores `takes` jobs of `request` as one group (JobStore::addGroup; the inputs copied once)
    //! and lets the scheduler send them; `takes` 1 is enqueue() with no group. Every take gets
    //! `origin`.
    Result<QList<Job>> enqueueTakes(const GenerationRequest& request, int takes,
                                    const QString& origin = {});
    //! enqueueTakes() with the inputs copied on the thread pool first, as enqueueAsync().
    void enqueueTakesAsync(const GenerationRequest& request, int takes, QObject* context,
                           std::function<void(Result<QList<Job>>)> done);
    // --- The queue (issue 19) ----------------------------------------------------------------
    //! Queues several jobs at once (a batch, a hot folder's file): one transaction
    //! (JobStore::addMany), every input copied into the store; `origins` (empty, or one per
    //! request) become the jobs' origin. Copies on the calling thread: use enqueueManyAsync().
    Result<QList<Job>> enqueueMany(const QList<GenerationRequest>& requests,
                                   const QStringList& origins = {});
    void enqueueManyAsync(const QList<GenerationRequest>& requests, const QStringList& origins,
                          QObject* context, std::function<void(Result<QList<Job>>)> done);
    //! Pauses or resumes the whole queue; kept in the store (value "queue/paused"), so a queue
    //! paused when the app quit starts paused.
    void setQueuePaused(bool paused);
    bool isQueuePaused() const;
    //! Pauses (or resumes) one queued job. False when it is not Queued.
    bool setHeld(qint64 jobId, bool held);
    //! Moves the queued `jobIds` (in that order) before the queued `beforeJobId` (0: to the
    //! end). False, changing nothing, when one of them is not Queued.
    bool moveQueued(const QList<qint64>& jobIds, qint64 beforeJobId);
    //! Puts a queued job first and resumes it when held. False when it is not Queued.
    bool runNext(qint64 jobId);
    //! What a queued job asks, replaced (the composer's edit): the same job, id and place, its
    //! inputs copied on the thread pool. An Input error when it left the queue meanwhile.
    void replaceQueuedAsync(qint64 jobId, const GenerationRequest& request, QObject* context,
                            std::function<void(Result<Job>)> done);
    //! New jobs start only inside `window` (local time); empty: at any time.
    void setRunWindow(std::optional<RunWindow> window);
    //! The credit caps, counted from the ledger (charges minus refunds) plus what the jobs on
    //! their way will cost; `sessionStart` begins the per-session count. Reaching one stops the
    //! queue before the job that would pass it (queueStopped).
    void setCreditCaps(const CreditCaps& caps, const QDateTime& sessionStart);
    CreditCaps creditCaps() const { return m_caps; }

    //! A failed, moderated or cancelled job as a new generation (new trace id). False otherwise.
    bool retry(qint64 jobId);
    //! A job not yet sent (Queued, Uploading) is cancelled. False otherwise.
    bool cancel(qint64 jobId);
    //! Saves the video of a Done job again (e.g. the file was deleted), or of a job whose
    //! download failed, asking the service for a fresh URL. False when the job has no video id.
    bool redownload(qint64 jobId);

    //! Brings the videos already on the account into the store (web family; the app calls it
    //! once after sign-in, next to start()). Reads the account's list page by page until it ends
    //! (AccountImporter), and adds a job (`imported`) for each one whose remote id the store
    //! does not know: finished ones as Done without a file (saved on demand by redownload()),
    //! ones still generating as Generating (polled, and Done without a file when they finish),
    //! failed and moderated ones in that state. Idempotent: a second import, or one after a
    //! restart, adds only videos made since. Sends nothing and returns false when the family
    //! has no list (OpenAPI). A call while an import runs joins it. accountVideosImported()
    //! tells the end.
    bool importAccountVideos();
    bool isImporting() const;

    void setLibraryFolder(const QString& folder);
    QString libraryFolder() const { return m_library.libraryFolder(); }
    void setConcurrencyCap(int cap);

    //! Fetches the balance now (coalesced with one in flight).
    void refreshBalance();
    std::optional<Balance> balance() const { return m_balance; }

    JobStore* store() const { return m_store; }
    JobScheduler* scheduler() const { return m_scheduler; }
    StatusPoller* poller() const { return m_poller; }
    VideoDownloader* downloader() const { return m_downloader; }
    DownloadQueue* downloads() const { return m_downloads; }
    AccountImporter* importer() const { return m_importer; }
    //! Files and bookkeeping of the jobs (names, sidecars, remove, redownload).
    JobLibrary* library() { return &m_library; }

    //! Jobs that are not in a final state.
    int unfinishedCount() const;

    //! JobLibrary::fileNameFor(), for the CLI and older callers.
    static QString fileNameFor(const Job& job) { return JobLibrary::fileNameFor(job); }
    //! JobLibrary::sidecarFor(), for the CLI and older callers.
    static QJsonObject sidecarFor(const Job& job) { return JobLibrary::sidecarFor(job); }

Q_SIGNALS:
    //! The video is in the library (hook for the thumbnail maker and the gallery).
    void videoSaved(qint64 jobId, const QString& path);
    void balanceChanged(const pixverse::Balance& balance);
    //! The job reached a final state (Done, Failed, Moderated, Cancelled).
    void jobSettled(qint64 jobId, pixverse::JobState state);
    void downloadProgress(qint64 jobId, qint64 received, qint64 total);
    void uploadProgress(qint64 jobId, qint64 sent, qint64 total);
    //! Every job is in a final state (after the last one settled).
    void allSettled();
    //! The creator's pause of the queue changed (also when a cap stopped it).
    void queuePausedChanged(bool paused);
    //! The queue stopped itself before `jobId`: `reason` says which cap (a sentence to show).
    void queueStopped(qint64 jobId, const QString& reason);
    //! An importAccountVideos() ended: `added` jobs are new in the store; `error` says why the
    //! list could not be read (nothing was added then).
    void accountVideosImported(int added, const pixverse::ApiError& error);
    //! An effect job was refused because of its template (issue 17): `errorCode` 500070 (not
    //! activated) or 500071 (`quality` not allowed). The template list remembers it.
    void templateRefused(qint64 templateId, int errorCode, const QString& quality);

private:
    //! The original of the start image, as JobStore::add() keeps it; empty for a store copy.
    static QString sourceImageOf(const GenerationRequest& request, const JobStore& store);
    //! A queued job for `request` on this engine's account (not stored yet).
    Job newJob(const GenerationRequest& request) const;
    //! Stores the takes of `copied` (its inputs already in the store) as one group.
    Result<QList<Job>> addTakes(const GenerationRequest& copied, int takes,
                                const QString& sourceImage, const QString& origin = {});
    qint64 seedMax() const;
    void onSubmitted(qint64 jobId);
    void onStatus(qint64 jobId, const VideoStatus& status);
    //! The poller has not seen the job for a while: read the whole list; not on it, deleted.
    void onStatusMissing(qint64 jobId, qint64 videoId);
    //! The service deleted the job's video: its own end (or a mark on a kept copy).
    void onDeletedOnService(Job job);
    void onImported(const QList<Job>& added, const ApiError& error);
    void onSettled(qint64 jobId, JobState state);
    // The queue (JobEngineQueue.cpp).
    //! The queue's pause as the store kept it (the last run's), given to the scheduler.
    void restoreQueuePause();
    //! Keeps the queue's pause in the store (every change: the creator's, a cap's).
    void persistQueuePause(bool paused);
    //! Jobs for a batch whose inputs are copied (`copied`), from the creator's `originals`.
    QList<Job> batchJobs(const QList<GenerationRequest>& copied,
                         const QList<GenerationRequest>& originals,
                         const QStringList& origins) const;
    //! The edit of a queued job, its inputs already copied; an Input error when it left the queue.
    Result<Job> replaceQueued(qint64 jobId, const GenerationRequest& copied,
                              const QString& sourceImage);
    //! The scheduler failed the job: a template's refusal is told (templateRefused) first.
    void onRefused(qint64 jobId, const ApiError& error);
    void settle(Job job, JobEvent event);
    void dropImportedTwins(const Job& job);

    JobStore* m_store;
    QPointer<Backend> m_backend;
    JobEngineOptions m_options;
    JobLibrary m_library;
    JobScheduler* m_scheduler;
    StatusPoller* m_poller;
    VideoDownloader* m_downloader;
    AccountImporter* m_importer;
    DownloadQueue* m_downloads;
    bool m_started = false;

    std::optional<Balance> m_balance;
    RequestHandle m_balanceRequest;
    QHash<qint64, RequestHandle> m_missingLookUps; //!< by job id
    bool m_balanceInFlight = false;
    bool m_balanceAgain = false;
    CreditCaps m_caps;
    QDateTime m_sessionStart;
};

} // namespace pixverse
