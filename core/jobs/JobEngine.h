#pragma once

#include "core/api/ApiTypes.h"
#include "core/generation/GenerationRequest.h"
#include "core/jobs/Job.h"
#include "core/jobs/JobScheduler.h"
#include "core/jobs/StatusPoller.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace pixverse {

class AppSettings;
class Backend;
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
    //! How deep importAccountVideos() reads the account's list, and how deep a fresh URL for an
    //! old video is looked for (web family: pages of 100).
    int importLimit = 1000;
    //! The table jobs are checked and priced with: the one instance the app (or the CLI) owns.
    const ModelCatalog* catalog = nullptr;

    static JobEngineOptions fromSettings(const AppSettings& settings);
};

//! The job pipeline: JobStore + JobScheduler + StatusPoller + VideoDownloader over one Backend.
//! Finished videos are saved to the library as `YYYY-MM-DD_HHMM_<prompt words>_<video id>.mp4`
//! with a JSON sidecar `<same>.json`; the balance is refreshed after each submission and each
//! final status. start() picks up whatever a previous run left: queued jobs are sent, Uploading
//! ones upload again, Submitting ones are resent with their stored trace id, Generating ones are
//! polled again and Downloading ones resume from their `.part` file.
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

    //! Stores a new job (state Queued, image copied) and lets the scheduler send it.
    //! Copies and hashes the image on the calling thread: use enqueueAsync() from the GUI.
    Result<Job> enqueue(const GenerationRequest& request);
    //! As enqueue(), with the image copied into the store on the thread pool first, so the
    //! GUI thread never reads a 20 MB file. `done` runs on this thread unless `context` died.
    void enqueueAsync(const GenerationRequest& request, QObject* context,
                      std::function<void(Result<Job>)> done);
    //! A failed, moderated or cancelled job as a new generation (new trace id). False otherwise.
    bool retry(qint64 jobId);
    //! A job not yet sent (Queued, Uploading) is cancelled. False otherwise.
    bool cancel(qint64 jobId);
    //! Saves the video of a Done job again (e.g. the file was deleted), or of a job whose
    //! download failed, asking the service for a fresh URL. False when the job has no video id.
    bool redownload(qint64 jobId);

    //! Brings the videos already on the account into the store (web family; the app calls it
    //! once after sign-in, next to start()). Reads the account's list page by page, up to
    //! `importLimit` videos, and adds a job (`imported`) for each one whose remote id the store
    //! does not know: finished ones as Done without a file (saved on demand by redownload()),
    //! ones still generating as Generating (polled, and Done without a file when they finish),
    //! failed and moderated ones in that state. Idempotent: a second import, or one after a
    //! restart, adds only videos made since. Sends nothing and returns false when the family
    //! has no list (OpenAPI). A call while an import runs joins it. accountVideosImported()
    //! tells the end.
    bool importAccountVideos();
    bool isImporting() const { return m_importing; }

    void setLibraryFolder(const QString& folder) { m_options.libraryFolder = folder; }
    QString libraryFolder() const { return m_options.libraryFolder; }
    void setConcurrencyCap(int cap);

    //! Fetches the balance now (coalesced with one in flight).
    void refreshBalance();
    std::optional<Balance> balance() const { return m_balance; }

    JobStore* store() const { return m_store; }
    JobScheduler* scheduler() const { return m_scheduler; }
    StatusPoller* poller() const { return m_poller; }
    VideoDownloader* downloader() const { return m_downloader; }

    //! Jobs that are not in a final state.
    int unfinishedCount() const;

    //! `2026-05-24_1432_a-lighthouse-in-a-storm_370981546391559.mp4` (local time of creation).
    static QString fileNameFor(const Job& job);
    //! The sidecar written beside a video: prompt, settings, seed, model, family, ids, size.
    static QJsonObject sidecarFor(const Job& job);

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
    //! An importAccountVideos() ended: `added` jobs are new in the store; `error` says why the
    //! list could not be read (nothing was added then).
    void accountVideosImported(int added, const pixverse::ApiError& error);

private:
    void onSubmitted(qint64 jobId);
    void onStatus(qint64 jobId, const VideoStatus& status);
    void onStalled(qint64 jobId);
    void settle(Job job, JobState state, const QString& message = {}, qint64 code = 0);
    void startDownload(qint64 jobId);
    void beginTransfer(qint64 jobId);
    void onDownloaded(qint64 jobId, const Result<QString>& result);
    void downloadFailed(qint64 jobId, const ApiError& error);
    void fetchFreshUrl(qint64 jobId);
    void onVideosListed(const Result<RemoteVideoList>& result);
    std::optional<Job> importedJob(const RemoteVideo& video) const;
    void dropImportedTwins(const Job& job);
    static QString moderatedMessage();
    static QString failedMessage();
    void nextDownload();
    bool writeSidecar(Job& job);

    JobStore* m_store;
    QPointer<Backend> m_backend;
    JobEngineOptions m_options;
    JobScheduler* m_scheduler;
    StatusPoller* m_poller;
    VideoDownloader* m_downloader;
    bool m_started = false;

    QHash<qint64, RequestHandle> m_downloads; // in progress, by job id
    QList<qint64> m_downloadQueue;            // waiting for a download slot
    QHash<qint64, int> m_downloadFailures;    // consecutive, by job id

    bool m_importing = false;
    RequestHandle m_importRequest;

    std::optional<Balance> m_balance;
    RequestHandle m_balanceRequest;
    bool m_balanceInFlight = false;
    bool m_balanceAgain = false;
};

} // namespace pixverse
