#pragma once

#include "core/api/ApiError.h"
#include "core/api/ApiTypes.h"
#include "core/jobs/Job.h"
#include "core/jobs/JobTransitions.h"

#include <QHash>
#include <QList>
#include <QObject>

namespace pixverse {

class AccountImporter;
class JobLibrary;
class JobScheduler;
class JobStore;
class VideoDownloader;

//! Saves finished videos into the library, a few at a time: asks the account for a fresh URL
//! when the job has none (or the old one expired), resumes a `.part` file with a Range request
//! (VideoDownloader), writes the title and prompt into the video's own metadata, the sidecar,
//! commits the job Done and copies the video into its boards' folders. A failed download waits as
//! JobScheduler::downloadRetryDelay() says, or fails the job for good.
class DownloadQueue : public QObject {
    Q_OBJECT
public:
    DownloadQueue(JobStore* store, JobLibrary* library, JobScheduler* scheduler,
                  AccountImporter* importer, VideoDownloader* downloader,
                  QObject* parent = nullptr);
    ~DownloadQueue() override;

    void setMaxDownloads(int downloads) { m_maxDownloads = std::max(1, downloads); }

    //! Saves the video of a job in state Downloading (joined when already queued or running).
    void add(qint64 jobId);
    //! Forgets a job: its transfer is dropped (the part file stays).
    void drop(qint64 jobId);
    bool contains(qint64 jobId) const;
    int runningCount() const { return static_cast<int>(m_running.size()); }
    //! Starts the failure count of a job afresh (a redownload the creator asked for).
    void forgetFailures(qint64 jobId) { m_failures.remove(jobId); }
    //! Drops every transfer, as if the app stopped here.
    void stop();

Q_SIGNALS:
    void videoSaved(qint64 jobId, const QString& path);
    //! The job is Done, or Failed (the video could not be saved or is gone from the service).
    void jobSettled(qint64 jobId, pixverse::JobState state);
    //! The service says it is not finished after all: poll it again.
    void jobBackToGenerating(qint64 jobId);
    void downloadProgress(qint64 jobId, qint64 received, qint64 total);

private:
    void next();
    void begin(qint64 jobId);
    void fetchFreshUrl(const Job& job);
    void onLookedUp(qint64 jobId, const VideoStatus* status);
    void onDownloaded(qint64 jobId, const Result<QString>& result);
    //! The file is saved at `path` and was read (`seconds`: its length, 0 when unknown): the
    //! sidecar, Done.
    void finishDownload(qint64 jobId, const QString& path, double seconds);
    void onFailed(qint64 jobId, const ApiError& error);
    void settle(Job job, JobEvent event, const QString& message, qint64 code = 0);

    JobStore* m_store;
    JobLibrary* m_library;
    JobScheduler* m_scheduler;
    AccountImporter* m_importer;
    VideoDownloader* m_downloader;
    int m_maxDownloads = 3;
    QHash<qint64, RequestHandle> m_running; // in progress, by job id
    QList<qint64> m_waiting;                // waiting for a slot
    QHash<qint64, int> m_failures;          // consecutive, by job id
};

} // namespace pixverse
