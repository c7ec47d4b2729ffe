#include "core/jobs/JobEngine.h"

#include "core/api/ExponentialBackoff.h"
#include "core/backend/Backend.h"
#include "core/jobs/JobStore.h"
#include "core/jobs/VideoDownloader.h"
#include "core/settings/AppSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimer>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

namespace pixverse {

namespace {

constexpr int kMaxUrlRefreshes = 3;

QString isoUtc(const QDateTime& time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

JobEngineOptions JobEngineOptions::fromSettings(const AppSettings& settings) {
    JobEngineOptions options;
    options.libraryFolder = settings.libraryFolder();
    options.concurrencyCap = settings.concurrencyCap();
    return options;
}

JobEngine::JobEngine(JobStore* store, Backend* backend, QNetworkAccessManager* network,
                     JobEngineOptions options, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_backend(backend)
    , m_options(std::move(options))
    , m_scheduler(new JobScheduler(store, backend, this))
    , m_poller(new StatusPoller(backend, this))
    , m_downloader(new VideoDownloader(network, this)) {
    m_scheduler->setConcurrencyCap(m_options.concurrencyCap);
    m_scheduler->setAccountLimit(m_options.accountLimit);
    m_scheduler->setBackoffPolicy(m_options.backoff);
    m_poller->setSchedule(m_options.pollSchedule);
    m_poller->setStallLimit(m_options.stallLimitMs);

    connect(m_scheduler, &JobScheduler::uploadProgress, this, &JobEngine::uploadProgress);
    connect(m_scheduler, &JobScheduler::jobSubmitted, this, &JobEngine::onSubmitted);
    connect(m_scheduler, &JobScheduler::jobFailed, this, [this](qint64 jobId) {
        Q_EMIT jobSettled(jobId, JobState::Failed);
        if (unfinishedCount() == 0)
            Q_EMIT allSettled();
    });
    connect(m_poller, &StatusPoller::statusReceived, this, &JobEngine::onStatus);
    connect(m_poller, &StatusPoller::jobStalled, this, &JobEngine::onStalled);
}

JobEngine::~JobEngine() {
    // As if the app stopped here: requests are dropped, the store keeps every job where it is,
    // and part files stay for the next start to resume.
    m_scheduler->stop();
    m_poller->stop();
    const auto downloads = m_downloads;
    m_downloads.clear();
    for (const RequestHandle& handle : downloads)
        handle.cancel();
    m_balanceRequest.cancel();
    m_importRequest.cancel();
}

void JobEngine::start() {
    if (m_started)
        return;
    m_started = true;
    if (m_options.watchSystemNetwork)
        m_poller->watchSystemNetwork();

    int polling = 0;
    int downloading = 0;
    for (Job job : m_store->unfinished()) {
        if (job.state == JobState::Generating) {
            if (job.videoId == 0) {
                // Cannot happen unless the row was edited; the trace id gets the id back.
                job.state = JobState::Submitting;
                m_store->update(job);
                continue;
            }
            m_poller->watch(job.id, job.videoId, job.generatingSince, job.stalled);
            ++polling;
        } else if (job.state == JobState::Downloading) {
            ++downloading;
            startDownload(job.id);
        }
    }
    qCInfo(lcJobs) << "engine started:" << m_store->jobs().size() << "jobs," << polling
                   << "to poll," << downloading << "downloads to resume";
    m_scheduler->start();
    refreshBalance();
}

Result<Job> JobEngine::enqueue(const GenerationRequest& request) {
    Job job;
    job.request = request;
    if (m_backend) {
        job.family = m_backend->family();
        job.account = m_backend->accountLabel();
    }
    job.state = JobState::Queued;
    return m_store->add(job); // the scheduler hears jobAdded
}

void JobEngine::enqueueAsync(const GenerationRequest& request, QObject* context,
                             std::function<void(Result<Job>)> done) {
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    if (!request.isImageToVideo()) {
        const Result<Job> added = enqueue(request);
        QMetaObject::invokeMethod(
            this,
            [guard, hasContext, done = std::move(done), added] {
                if (!hasContext || guard)
                    done(added);
            },
            Qt::QueuedConnection);
        return;
    }
    auto* watcher = new QFutureWatcher<Result<QString>>(this);
    const QString source = QFileInfo(request.imagePath).absoluteFilePath();
    connect(watcher, &QFutureWatcher<Result<QString>>::finished, this,
            [this, watcher, request, source, guard, hasContext, done = std::move(done)] {
                watcher->deleteLater();
                const Result<QString> copy = watcher->result();
                Result<Job> added = Result<Job>::failure(copy.error);
                if (copy.ok()) {
                    Job job;
                    job.request = request;
                    job.request.imagePath = *copy.value;
                    job.sourceImagePath = source;
                    if (m_backend) {
                        job.family = m_backend->family();
                        job.account = m_backend->accountLabel();
                    }
                    job.state = JobState::Queued;
                    added = m_store->add(job);
                }
                if (!hasContext || guard)
                    done(added);
            });
    const JobStore* store = m_store;
    watcher->setFuture(QtConcurrent::run([store, source] { return store->copyImage(source); }));
}

bool JobEngine::retry(qint64 jobId) {
    std::optional<Job> job = m_store->job(jobId);
    if (!job || (job->state != JobState::Failed && job->state != JobState::Moderated &&
                 job->state != JobState::Cancelled))
        return false;
    // A new generation: nothing of the old attempt is reused except the request and the image.
    job->state = JobState::Queued;
    job->traceId.clear();
    job->videoId = 0;
    job->imageId = 0;
    job->imageUrl.clear();
    job->imageRemotePath.clear();
    job->rawStatus = 0;
    job->credits.reset();
    job->errorMessage.clear();
    job->errorCode = 0;
    job->videoUrl.clear();
    job->videoWidth = 0;
    job->videoHeight = 0;
    job->seed.reset();
    job->videoPath.clear();
    job->sidecarPath.clear();
    job->thumbnailPath.clear();
    job->attempts = 0;
    job->nextAttemptAt = {};
    job->generatingSince = {};
    job->stalled = false;
    m_downloadFailures.remove(jobId);
    qCInfo(lcJobs) << "job" << jobId << "retried as a new generation";
    return m_store->update(*job);
}

bool JobEngine::cancel(qint64 jobId) {
    if (!m_scheduler->cancel(jobId))
        return false;
    Q_EMIT jobSettled(jobId, JobState::Cancelled);
    if (unfinishedCount() == 0)
        Q_EMIT allSettled();
    return true;
}

bool JobEngine::redownload(qint64 jobId) {
    std::optional<Job> job = m_store->job(jobId);
    if (!job || job->videoId == 0 || m_downloads.contains(jobId) || m_downloadQueue.contains(jobId))
        return false;
    // Done, or failed after the service said it succeeded (the download itself failed).
    const bool made =
        job->state == JobState::Done || (job->state == JobState::Failed && job->rawStatus == 1);
    if (!made)
        return false;
    job->state = JobState::Downloading;
    job->errorMessage.clear();
    job->errorCode = 0;
    job->videoUrl.clear(); // URLs expire: ask for a fresh one
    if (job->videoPath.isEmpty())
        job->videoPath = QDir(m_options.libraryFolder).filePath(fileNameFor(*job));
    if (!m_store->update(*job))
        return false;
    m_downloadFailures.remove(jobId);
    qCInfo(lcJobs) << "job" << jobId << "downloads its video again";
    startDownload(jobId);
    return true;
}

void JobEngine::setConcurrencyCap(int cap) {
    m_options.concurrencyCap = cap;
    m_scheduler->setConcurrencyCap(cap);
}

int JobEngine::unfinishedCount() const {
    return m_store->unfinishedCount();
}

void JobEngine::refreshBalance() {
    if (!m_backend)
        return;
    if (m_balanceInFlight) {
        m_balanceAgain = true;
        return;
    }
    m_balanceInFlight = true;
    m_balanceRequest = m_backend->fetchBalance(this, [this](Result<Balance> result) {
        m_balanceInFlight = false;
        m_balanceRequest = {};
        if (result.ok()) {
            m_balance = *result.value;
            Q_EMIT balanceChanged(*m_balance);
        } else {
            qCInfo(lcJobs).noquote() << "balance not refreshed:" << result.error.logText();
        }
        if (m_balanceAgain) {
            m_balanceAgain = false;
            refreshBalance();
        }
    });
}

void JobEngine::onSubmitted(qint64 jobId) {
    const std::optional<Job> job = m_store->job(jobId);
    if (!job)
        return;
    dropImportedTwins(*job);
    m_poller->watch(jobId, job->videoId, job->generatingSince, job->stalled);
    refreshBalance();
}

void JobEngine::onStalled(qint64 jobId) {
    m_store->modify(jobId, [](Job& job) { job.stalled = true; });
}

void JobEngine::onStatus(qint64 jobId, const VideoStatus& status) {
    std::optional<Job> job = m_store->job(jobId);
    if (!job || job->state != JobState::Generating) {
        m_poller->unwatch(jobId);
        return;
    }
    switch (status.state) {
    case VideoState::Pending:
    case VideoState::Unknown:
        if (job->rawStatus != status.rawStatus) {
            job->rawStatus = status.rawStatus;
            m_store->update(*job);
        }
        return;
    case VideoState::Succeeded:
        m_poller->unwatch(jobId);
        job->rawStatus = status.rawStatus;
        job->videoUrl = status.url;
        job->videoWidth = status.width;
        job->videoHeight = status.height;
        job->seed = status.seed ? status.seed : job->request.seed;
        if (job->imported) {
            // Made elsewhere: like the rest of the account's videos, saved only when asked.
            job->attempts = 0;
            job->errorMessage.clear();
            settle(*job, JobState::Done);
            refreshBalance();
            return;
        }
        job->state = JobState::Downloading;
        job->attempts = 0;
        job->errorMessage.clear();
        job->errorCode = 0;
        job->videoPath = QDir(m_options.libraryFolder).filePath(fileNameFor(*job));
        m_store->update(*job);
        refreshBalance();
        startDownload(jobId);
        return;
    case VideoState::Moderated:
        m_poller->unwatch(jobId);
        job->rawStatus = status.rawStatus;
        settle(*job, JobState::Moderated, moderatedMessage());
        refreshBalance();
        return;
    case VideoState::Failed:
        m_poller->unwatch(jobId);
        job->rawStatus = status.rawStatus;
        settle(*job, JobState::Failed, failedMessage());
        refreshBalance();
        return;
    case VideoState::Deleted:
        m_poller->unwatch(jobId);
        job->rawStatus = status.rawStatus;
        settle(*job, JobState::Failed, tr("PixVerse no longer has this video."));
        refreshBalance();
        return;
    }
}

void JobEngine::settle(Job job, JobState state, const QString& message, qint64 code) {
    job.state = state;
    if (!message.isEmpty())
        job.errorMessage = message;
    job.errorCode = code;
    job.nextAttemptAt = {};
    m_store->update(job);
    Q_EMIT jobSettled(job.id, state);
    if (unfinishedCount() == 0)
        Q_EMIT allSettled();
}

QString JobEngine::moderatedMessage() {
    return tr("PixVerse's moderation refused this video; the credits were refunded. "
              "Change the prompt or the image and try again.");
}

QString JobEngine::failedMessage() {
    return tr("PixVerse could not generate this video. Try again; if it keeps failing, change the "
              "settings.");
}

// --- the account's own videos ----------------------------------------------------------------

bool JobEngine::importAccountVideos() {
    if (!m_backend || !m_backend->canListVideos()) {
        qCInfo(lcJobs) << "import: this account's family has no video list";
        return false;
    }
    if (m_importing)
        return true;
    m_importing = true;
    qCInfo(lcJobs) << "import: reading the account's videos (at most" << m_options.importLimit
                   << ")";
    m_importRequest =
        m_backend->listVideos(m_options.importLimit, this,
                              [this](Result<RemoteVideoList> result) { onVideosListed(result); });
    return true;
}

void JobEngine::onVideosListed(const Result<RemoteVideoList>& result) {
    m_importing = false;
    m_importRequest = {};
    if (!m_backend)
        return;
    if (!result.ok()) {
        qCWarning(lcJobs).noquote()
            << "import: the account's videos could not be read:" << result.error.logText();
        Q_EMIT accountVideosImported(0, result.error);
        return;
    }
    QList<Job> jobs;
    for (const RemoteVideo& video : result.value->videos) {
        if (m_store->knowsVideo(m_backend->family(), video.status.videoId))
            continue;
        if (std::optional<Job> job = importedJob(video))
            jobs << *job;
    }
    if (!result.value->complete)
        qCInfo(lcJobs) << "import: stopped after" << result.value->videos.size()
                       << "videos; older ones are not shown";
    const Result<QList<Job>> added = m_store->importJobs(jobs);
    if (!added.ok()) {
        Q_EMIT accountVideosImported(0, added.error);
        return;
    }
    int generating = 0;
    for (const Job& job : *added.value) {
        // Before start() the engine finds them with the other generating jobs.
        if (job.state == JobState::Generating && m_started) {
            m_poller->watch(job.id, job.videoId, job.generatingSince, job.stalled);
            ++generating;
        }
    }
    qCInfo(lcJobs) << "import:" << result.value->videos.size() << "videos listed,"
                   << added.value->size() << "new," << generating << "still generating";
    Q_EMIT accountVideosImported(static_cast<int>(added.value->size()), {});
}

std::optional<Job> JobEngine::importedJob(const RemoteVideo& video) const {
    const VideoStatus& status = video.status;
    if (status.videoId <= 0 || status.state == VideoState::Deleted)
        return std::nullopt;
    Job job;
    job.imported = true;
    job.family = m_backend->family();
    job.account = m_backend->accountLabel();
    job.videoId = status.videoId;
    job.rawStatus = status.rawStatus;
    // What the list says of its making; the rest keeps the defaults of a new request.
    GenerationRequest& r = job.request;
    r.prompt = video.prompt;
    r.negativePrompt = video.negativePrompt;
    if (!video.model.isEmpty())
        r.model = video.model;
    if (!video.quality.isEmpty())
        r.quality = video.quality;
    if (!video.aspectRatio.isEmpty())
        r.aspectRatio = video.aspectRatio;
    if (!video.motionMode.isEmpty())
        r.motionMode = video.motionMode;
    if (video.duration > 0)
        r.duration = video.duration;
    r.style = video.style;
    r.cameraMovement = video.cameraMovement;
    job.imageUrl = video.imageUrl;
    job.createdAt = video.createdAt.isValid() ? video.createdAt : QDateTime::currentDateTimeUtc();
    job.videoWidth = status.width;
    job.videoHeight = status.height;
    job.seed = status.seed;
    switch (status.state) {
    case VideoState::Succeeded:
        job.state = JobState::Done; // on the service; no file until the creator asks
        job.videoUrl = status.url;
        break;
    case VideoState::Pending:
    case VideoState::Unknown:
        job.state = JobState::Generating;
        job.generatingSince = job.createdAt;
        break;
    case VideoState::Moderated:
        job.state = JobState::Moderated;
        job.errorMessage = moderatedMessage();
        break;
    case VideoState::Failed:
    case VideoState::Deleted:
        job.state = JobState::Failed;
        job.errorMessage = failedMessage();
        break;
    }
    return job;
}

void JobEngine::dropImportedTwins(const Job& job) {
    if (job.videoId == 0 || job.imported)
        return;
    // A create whose answer was lost can be imported before its resend brings the id back:
    // the video is this job's, so the imported copy goes (its file, if any, stays).
    for (const Job& other : m_store->jobs()) {
        if (other.id == job.id || !other.imported || other.videoId != job.videoId ||
            other.family != job.family)
            continue;
        qCInfo(lcJobs) << "job" << other.id << "was imported but is job" << job.id
                       << "'s own video; removed";
        m_poller->unwatch(other.id);
        m_downloadQueue.removeAll(other.id);
        if (const auto download = m_downloads.constFind(other.id); download != m_downloads.cend()) {
            const RequestHandle handle = *download;
            m_downloads.remove(other.id);
            handle.cancel();
        }
        m_store->remove(other.id);
    }
}

// --- downloads -----------------------------------------------------------------------------

void JobEngine::startDownload(qint64 jobId) {
    if (m_downloads.contains(jobId) || m_downloadQueue.contains(jobId))
        return;
    if (m_downloads.size() >= std::max(1, m_options.maxDownloads)) {
        m_downloadQueue.append(jobId);
        return;
    }
    beginTransfer(jobId);
}

void JobEngine::nextDownload() {
    while (!m_downloadQueue.isEmpty() && m_downloads.size() < std::max(1, m_options.maxDownloads))
        beginTransfer(m_downloadQueue.takeFirst());
}

void JobEngine::beginTransfer(qint64 jobId) {
    std::optional<Job> job = m_store->job(jobId);
    if (!job || job->state != JobState::Downloading) {
        nextDownload();
        return;
    }
    if (job->videoPath.isEmpty()) {
        job->videoPath = QDir(m_options.libraryFolder).filePath(fileNameFor(*job));
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
        fetchFreshUrl(jobId);
        return;
    }
    m_downloads.insert(jobId, {});
    RequestHandle handle = m_downloader->download(
        QUrl(job->videoUrl), job->videoPath, this,
        [this, jobId](Result<QString> result) { onDownloaded(jobId, result); },
        [this, jobId](qint64 received, qint64 total) {
            Q_EMIT downloadProgress(jobId, received, total);
        });
    if (m_downloads.contains(jobId))
        m_downloads.insert(jobId, handle);
}

void JobEngine::fetchFreshUrl(qint64 jobId) {
    const std::optional<Job> job = m_store->job(jobId);
    if (!job || !m_backend)
        return;
    const qint64 videoId = job->videoId;
    m_downloads.insert(jobId, {});
    // Looked for as deep as the import reads: an old video is pages down the web list.
    RequestHandle handle = m_backend->lookUpVideo(
        videoId, m_options.importLimit, this,
        [this, jobId, videoId](Result<QHash<qint64, VideoStatus>> result) {
            m_downloads.remove(jobId);
            std::optional<Job> job = m_store->job(jobId);
            if (!job || job->state != JobState::Downloading) {
                nextDownload();
                return;
            }
            if (!result.ok()) {
                downloadFailed(jobId, result.error);
                return;
            }
            const auto status = result.value->constFind(videoId);
            if (status == result.value->cend()) {
                downloadFailed(jobId,
                               ApiError::malformed(QStringLiteral("no status for the video")));
                return;
            }
            if (status->state == VideoState::Succeeded && !status->url.isEmpty()) {
                job->videoUrl = status->url;
                job->videoWidth = status->width;
                job->videoHeight = status->height;
                if (status->seed)
                    job->seed = status->seed;
                m_store->update(*job);
                beginTransfer(jobId);
            } else if (status->state == VideoState::Pending ||
                       status->state == VideoState::Unknown) {
                job->state = JobState::Generating;
                m_store->update(*job);
                m_poller->watch(jobId, videoId, job->generatingSince, job->stalled);
                nextDownload();
            } else {
                settle(*job, JobState::Failed,
                       tr("PixVerse no longer has this video, so it cannot be downloaded again."));
                nextDownload();
            }
        });
    if (m_downloads.contains(jobId))
        m_downloads.insert(jobId, handle);
}

void JobEngine::onDownloaded(qint64 jobId, const Result<QString>& result) {
    m_downloads.remove(jobId);
    std::optional<Job> job = m_store->job(jobId);
    if (!job || job->state != JobState::Downloading) {
        nextDownload();
        return;
    }
    if (!result.ok()) {
        downloadFailed(jobId, result.error);
        return;
    }
    m_downloadFailures.remove(jobId);
    job->videoPath = *result.value;
    writeSidecar(*job);
    job->state = JobState::Done;
    job->attempts = 0;
    job->errorMessage.clear();
    job->errorCode = 0;
    job->nextAttemptAt = {};
    m_store->update(*job);
    Q_EMIT videoSaved(jobId, job->videoPath);
    Q_EMIT jobSettled(jobId, JobState::Done);
    if (unfinishedCount() == 0)
        Q_EMIT allSettled();
    nextDownload();
}

void JobEngine::downloadFailed(qint64 jobId, const ApiError& error) {
    std::optional<Job> job = m_store->job(jobId);
    if (!job || job->state != JobState::Downloading || error.kind() == ApiError::Kind::Cancelled) {
        nextDownload();
        return;
    }
    const int failures = ++m_downloadFailures[jobId];
    const int status = error.kind() == ApiError::Kind::Http ? error.httpStatus() : 0;
    const bool urlGone = status == 403 || status == 404 || status == 410;
    if (urlGone && failures <= kMaxUrlRefreshes) {
        qCInfo(lcJobs) << "job" << jobId << "video URL refused (HTTP" << status
                       << "), asking for a fresh one";
        job->videoUrl.clear();
        m_store->update(*job);
        startDownload(jobId);
        nextDownload();
        return;
    }
    if (error.isRetryable() || error.kind() == ApiError::Kind::MalformedReply || status == 416) {
        const int delay = ExponentialBackoff::delayFor(failures, m_options.backoff.initialMs,
                                                       m_options.backoff.maxMs);
        job->attempts = failures;
        job->errorMessage = error.userMessage();
        job->nextAttemptAt = QDateTime::currentDateTimeUtc().addMSecs(delay);
        m_store->update(*job);
        qCInfo(lcJobs).noquote() << "job" << jobId << "download failed (" << error.logText()
                                 << "), again in" << delay << "ms";
        QTimer::singleShot(delay, this, [this, jobId] { startDownload(jobId); });
        nextDownload();
        return;
    }
    qCWarning(lcJobs).noquote() << "job" << jobId << "download failed for good:" << error.logText();
    settle(*job, JobState::Failed,
           tr("The video was made but could not be saved: %1 Use “Download again” to retry.")
               .arg(error.userMessage()),
           error.errCode() != 0 ? error.errCode() : error.httpStatus());
    nextDownload();
}

bool JobEngine::writeSidecar(Job& job) {
    const QFileInfo video(job.videoPath);
    const QString path = video.dir().filePath(video.completeBaseName() + QStringLiteral(".json"));
    QSaveFile file(path);
    const QByteArray bytes = QJsonDocument(sidecarFor(job)).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        qCWarning(lcJobs).noquote()
            << "job" << job.id << "sidecar not written:" << file.errorString();
        return false;
    }
    job.sidecarPath = path;
    return true;
}

// --- names ---------------------------------------------------------------------------------

QString JobEngine::fileNameFor(const Job& job) {
    const QDateTime created =
        (job.createdAt.isValid() ? job.createdAt : QDateTime::currentDateTimeUtc()).toLocalTime();
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    const QStringList words = job.request.prompt.toLower().split(separators, Qt::SkipEmptyParts);
    QString slug;
    for (const QString& word : words) {
        const QString next = slug.isEmpty() ? word : slug + u'-' + word;
        if (next.size() > 40) {
            if (slug.isEmpty())
                slug = word.left(40);
            break;
        }
        slug = next;
        if (slug.count(u'-') >= 5)
            break;
    }
    if (!slug.isEmpty() && slug.back().isHighSurrogate())
        slug.chop(1);
    if (slug.isEmpty())
        slug = QStringLiteral("video");
    const QString id =
        job.videoId != 0 ? QString::number(job.videoId) : QStringLiteral("job%1").arg(job.id);
    return created.toString(QStringLiteral("yyyy-MM-dd_HHmm")) + u'_' + slug + u'_' + id +
           QStringLiteral(".mp4");
}

QJsonObject JobEngine::sidecarFor(const Job& job) {
    QJsonObject settings = job.request.toJson();
    settings.remove(QStringLiteral("prompt"));
    settings.remove(QStringLiteral("negativePrompt"));
    settings.remove(QStringLiteral("imagePath"));
    QJsonObject ids{{QStringLiteral("video_id"), QJsonValue(job.videoId)},
                    {QStringLiteral("trace_id"), job.traceId}};
    if (job.imageId != 0)
        ids.insert(QStringLiteral("image_id"), QJsonValue(job.imageId));
    QJsonObject sidecar{
        {QStringLiteral("generator"), QStringLiteral("PixVerse Studio " PIXVERSE_VERSION)},
        {QStringLiteral("video_file"), QFileInfo(job.videoPath).fileName()},
        {QStringLiteral("prompt"), job.request.prompt},
        {QStringLiteral("negative_prompt"), job.request.negativePrompt},
        {QStringLiteral("model"), job.request.model},
        {QStringLiteral("settings"), settings},
        {QStringLiteral("backend"), apiFamilyId(job.family)},
        {QStringLiteral("account"), job.account},
        {QStringLiteral("pixverse"), ids},
        {QStringLiteral("width"), job.videoWidth},
        {QStringLiteral("height"), job.videoHeight},
        {QStringLiteral("created_at"), isoUtc(job.createdAt)},
        {QStringLiteral("saved_at"), isoUtc(QDateTime::currentDateTimeUtc())},
    };
    if (job.seed)
        sidecar.insert(QStringLiteral("seed"), QJsonValue(*job.seed));
    if (job.credits)
        sidecar.insert(QStringLiteral("credits"), *job.credits);
    if (job.isImageToVideo())
        sidecar.insert(QStringLiteral("source_image"), job.sourceImagePath);
    if (job.imported)
        sidecar.insert(QStringLiteral("imported"),
                       true); // made outside the app, read from the account
    return sidecar;
}

} // namespace pixverse
