#include "core/jobs/DownloadQueue.h"

#include "core/jobs/AccountImporter.h"
#include "core/jobs/JobLibrary.h"
#include "core/jobs/JobScheduler.h"
#include "core/jobs/JobStore.h"
#include "core/jobs/OnThreadPool.h"
#include "core/jobs/VideoDownloader.h"
#include "core/media/MediaProbe.h"
#include "core/media/VideoMetadata.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QTimer>
#include <QUrl>
#include <QtConcurrent>

namespace pixverse {

namespace {
constexpr int kMaxUrlRefreshes = 3;
} // namespace

// The engine said these sentences first: their translations stay under its name.

DownloadQueue::DownloadQueue(JobStore* store, JobLibrary* library, JobScheduler* scheduler,
                             AccountImporter* importer, VideoDownloader* downloader,
                             QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_library(library)
    , m_scheduler(scheduler)
    , m_importer(importer)
    , m_downloader(downloader) {}

DownloadQueue::~DownloadQueue() {
    stop();
}

void DownloadQueue::stop() {
    m_waiting.clear();
    const auto running = m_running;
    m_running.clear();
    for (const RequestHandle& handle : running)
        handle.cancel();
}

bool DownloadQueue::contains(qint64 jobId) const {
    return m_running.contains(jobId) || m_waiting.contains(jobId);
}

void DownloadQueue::add(qint64 jobId) {
    if (contains(jobId))
        return;
    if (m_running.size() >= m_maxDownloads) {
        m_waiting.append(jobId);
        return;
    }
    begin(jobId);
}

void DownloadQueue::drop(qint64 jobId) {
    m_waiting.removeAll(jobId);
    if (const auto running = m_running.constFind(jobId); running != m_running.cend()) {
        const RequestHandle handle = *running;
        m_running.remove(jobId);
        handle.cancel();
    }
    m_failures.remove(jobId);
}

void DownloadQueue::next() {
    while (!m_waiting.isEmpty() && m_running.size() < m_maxDownloads)
        begin(m_waiting.takeFirst());
}

void DownloadQueue::begin(qint64 jobId) {
    std::optional<Job> job = m_store->job(jobId);
    if (!job || job->state != JobState::Downloading) {
        next();
        return;
    }
    if (job->videoPath.isEmpty()) {
        job->videoPath = m_library->targetPathFor(*job);
        m_store->update(*job);
    }
    // The app died between the rename and the commit: the file is complete (only complete
    // downloads are renamed), only the bookkeeping is missing.
    if (QFileInfo::exists(job->videoPath) &&
        !QFileInfo::exists(VideoDownloader::partPath(job->videoPath)) &&
        job->sidecarPath.isEmpty() && !job->videoUrl.isEmpty()) {
        onDownloaded(jobId, Result<QString>::success(job->videoPath));
        return;
    }
    if (job->videoUrl.isEmpty()) {
        fetchFreshUrl(*job);
        return;
    }
    m_running.insert(jobId, {});
    RequestHandle handle = m_downloader->download(
        QUrl(job->videoUrl), job->videoPath, this,
        [this, jobId](Result<QString> result) { onDownloaded(jobId, result); },
        [this, jobId](qint64 received, qint64 total) {
            Q_EMIT downloadProgress(jobId, received, total);
        });
    if (m_running.contains(jobId))
        m_running.insert(jobId, handle);
}

void DownloadQueue::fetchFreshUrl(const Job& job) {
    const qint64 jobId = job.id;
    const qint64 videoId = job.videoId;
    m_running.insert(jobId, {});
    // An old video can be pages down the account's list: the importer reads until it finds it.
    RequestHandle handle = m_importer->lookUp(
        videoId, this, [this, jobId, videoId](Result<QHash<qint64, VideoStatus>> result) {
            m_running.remove(jobId);
            if (!result.ok()) {
                onFailed(jobId, result.error);
                return;
            }
            const auto status = result.value->constFind(videoId);
            onLookedUp(jobId, status == result.value->cend() ? nullptr : &*status);
        });
    if (m_running.contains(jobId))
        m_running.insert(jobId, handle);
}

void DownloadQueue::onLookedUp(qint64 jobId, const VideoStatus* status) {
    std::optional<Job> job = m_store->job(jobId);
    if (!job || job->state != JobState::Downloading) {
        next();
        return;
    }
    // The look-up read the account until the list ended (web) or asked for the id (OpenAPI,
    // where "unknown video" already reads as Deleted): an id it did not find is gone.
    if (!status || status->state == VideoState::Deleted) {
        const bool hadCopy = job->videoFileExists();
        applyServiceDeletion(*job, hadCopy);
        qCInfo(lcJobs) << "job" << jobId << "video" << job->videoId
                       << "is deleted on the service; the library"
                       << (hadCopy ? "keeps its copy" : "has no copy");
        m_store->update(*job);
        Q_EMIT jobSettled(jobId, job->state);
        next();
        return;
    }
    if (status->state == VideoState::Succeeded && !status->url.isEmpty()) {
        job->videoUrl = status->url;
        job->videoWidth = status->width;
        job->videoHeight = status->height;
        if (status->seed)
            job->seed = status->seed;
        if (status->hasAudio)
            job->hasAudio = *status->hasAudio;
        m_store->update(*job);
        begin(jobId);
    } else if (status->state == VideoState::Pending || status->state == VideoState::Unknown) {
        job->state = *jobNextState(job->state, JobEvent::StatusPending);
        m_store->update(*job);
        Q_EMIT jobBackToGenerating(jobId);
        next();
    } else {
        settle(*job,
               status->state == VideoState::Moderated ? JobEvent::StatusModerated
                                                      : JobEvent::StatusFailed,
               QCoreApplication::translate(
                   "pixverse::JobEngine",
                   "PixVerse no longer has this video, so it cannot be downloaded again."));
        next();
    }
}

void DownloadQueue::onDownloaded(qint64 jobId, const Result<QString>& result) {
    m_running.remove(jobId);
    std::optional<Job> job = m_store->job(jobId);
    if (!job || job->state != JobState::Downloading) {
        next();
        return;
    }
    if (!result.ok()) {
        onFailed(jobId, result.error);
        return;
    }
    m_failures.remove(jobId);
    const QString path = *result.value;
    // The video's own metadata (title, prompt and settings: a file dragged out still says how it
    // was made), then the length of the saved file (extend makes a longer one, the price of the
    // next step depends on it), on the thread pool; the job holds its download slot meanwhile.
    // A crash here finds the complete file at the next start and does both again (begin()).
    m_running.insert(jobId, {});
    auto* watcher = new QFutureWatcher<Crossing<MediaProbeResult>>(this);
    connect(watcher, &QFutureWatcher<Crossing<MediaProbeResult>>::finished, this,
            [this, watcher, jobId, path] {
                watcher->deleteLater();
                if (!m_running.contains(jobId)) { // stopped or dropped meanwhile
                    next();
                    return;
                }
                m_running.remove(jobId);
                const MediaProbeResult probed = watcher->result().value();
                if (!probed.facts)
                    qCWarning(lcJobs).noquote()
                        << "job" << jobId << "saved file not read:" << probed.error;
                finishDownload(jobId, path, probed.facts ? probed.facts->seconds : 0);
            });
    watcher->setFuture(runOnPool([path, jobId, metadata = m_library->metadataFor(*job)] {
        // Never a failed job: the video is there, it only does not say its prompt.
        if (const QString error = writeVideoMetadata(path, metadata); !error.isEmpty())
            qCWarning(lcJobs).noquote() << "job" << jobId << "metadata not written:" << error;
        return probeMedia(path);
    }));
}

void DownloadQueue::finishDownload(qint64 jobId, const QString& path, double seconds) {
    std::optional<Job> job = m_store->job(jobId);
    if (!job || job->state != JobState::Downloading) {
        next();
        return;
    }
    job->videoPath = path;
    if (seconds > 0)
        job->videoSeconds = seconds;
    m_library->saveSidecar(*job);
    job->state = *jobNextState(job->state, JobEvent::Downloaded);
    job->attempts = 0;
    job->errorMessage.clear();
    job->errorCode = 0;
    job->nextAttemptAt = {};
    m_store->update(*job);
    m_library->copyToBoardFolders(*job); // its boards' folders get their copy now
    Q_EMIT videoSaved(jobId, job->videoPath);
    Q_EMIT jobSettled(jobId, job->state);
    next();
}

void DownloadQueue::onFailed(qint64 jobId, const ApiError& error) {
    std::optional<Job> job = m_store->job(jobId);
    if (!job || job->state != JobState::Downloading || error.kind() == ApiError::Kind::Cancelled) {
        next();
        return;
    }
    const int failures = ++m_failures[jobId];
    if (error.isUrlGone() && failures <= kMaxUrlRefreshes) {
        qCInfo(lcJobs) << "job" << jobId << "video URL refused (HTTP" << error.httpStatus()
                       << "), asking for a fresh one";
        job->videoUrl.clear();
        m_store->update(*job);
        add(jobId);
        next();
        return;
    }
    if (const std::optional<int> delay = m_scheduler->downloadRetryDelay(failures, error)) {
        job->state = *jobNextState(job->state, JobEvent::DownloadDeferred);
        job->attempts = failures;
        job->errorMessage = error.userMessage();
        job->nextAttemptAt = QDateTime::currentDateTimeUtc().addMSecs(*delay);
        m_store->update(*job);
        qCInfo(lcJobs).noquote() << "job" << jobId << "download failed (" << error.logText()
                                 << "), again in" << *delay << "ms";
        QTimer::singleShot(*delay, this, [this, jobId] { add(jobId); });
        next();
        return;
    }
    qCWarning(lcJobs).noquote() << "job" << jobId << "download failed for good:" << error.logText();
    settle(*job, JobEvent::DownloadFailed,
           QCoreApplication::translate(
               "pixverse::JobEngine",
               "The video was made but could not be saved: %1 Use “Download again” to retry.")
               .arg(error.userMessage()),
           error.code());
    next();
}

void DownloadQueue::settle(Job job, JobEvent event, const QString& message, qint64 code) {
    job.state = jobNextState(job.state, event).value_or(JobState::Failed);
    job.errorMessage = message;
    job.errorCode = code;
    job.nextAttemptAt = {};
    m_store->update(job);
    Q_EMIT jobSettled(job.id, job.state);
}

} // namespace pixverse
