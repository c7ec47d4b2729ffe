#include "core/jobs/JobEngine.h"

#include "core/backend/Backend.h"
#include "core/generation/ModelCatalog.h"
#include "core/jobs/AccountImporter.h"
#include "core/jobs/DownloadQueue.h"
#include "core/jobs/JobStore.h"
#include "core/jobs/OnThreadPool.h"
#include "core/jobs/VideoDownloader.h"
#include "core/ledger/LedgerRecorder.h"
#include "core/settings/AppSettings.h"

#include <QFileInfo>

#include <algorithm>

namespace pixverse {

namespace {

//! What a status the poller brought means for a generating job.
JobEvent eventFor(VideoState state, bool imported) {
    switch (state) {
    case VideoState::Succeeded:
        return imported ? JobEvent::StatusSucceededImported : JobEvent::StatusSucceeded;
    case VideoState::Moderated:
        return JobEvent::StatusModerated;
    case VideoState::Failed:
        return JobEvent::StatusFailed;
    case VideoState::Deleted:
        return JobEvent::StatusDeleted;
    case VideoState::Pending:
    case VideoState::Unknown:
        break;
    }
    return JobEvent::StatusPending;
}

//! Copies the inputs of `request` into `store` on the thread pool, then calls `then` on the
//! thread of `owner` with the copy (or why not).
void copyInputsAsync(QObject* owner, const JobStore* store, const GenerationRequest& request,
                     std::function<void(const Result<GenerationRequest>&)> then) {
    // Every input (images, a 50 MB video, audio) is read, hashed and copied on the thread pool.
    onThreadPool<Result<GenerationRequest>>(
        owner, [store, request] { return store->copyInputs(request); }, std::move(then));
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
    , m_library(store, m_options.libraryFolder)
    , m_scheduler(new JobScheduler(store, backend, this))
    , m_poller(new StatusPoller(backend, this))
    , m_downloader(new VideoDownloader(network, this))
    , m_importer(new AccountImporter(store, backend, this))
    , m_downloads(
          new DownloadQueue(store, &m_library, m_scheduler, m_importer, m_downloader, this)) {
    m_library.setCatalog(m_options.catalog);
    m_scheduler->setConcurrencyCap(m_options.concurrencyCap);
    m_scheduler->setAccountLimit(m_options.accountLimit);
    m_scheduler->setBackoffPolicy(m_options.backoff);
    m_poller->setSchedule(m_options.pollSchedule);
    m_poller->setStallLimit(m_options.stallLimitMs);
    m_importer->setDepth(m_options.importLimit);
    m_downloads->setMaxDownloads(m_options.maxDownloads);

    connect(m_scheduler, &JobScheduler::uploadProgress, this, &JobEngine::uploadProgress);
    connect(m_scheduler, &JobScheduler::jobSubmitted, this, &JobEngine::onSubmitted);
    connect(m_scheduler, &JobScheduler::jobFailed, this, &JobEngine::onRefused);
    connect(m_scheduler, &JobScheduler::queuePausedChanged, this, &JobEngine::persistQueuePause);
    connect(m_scheduler, &JobScheduler::queuePausedChanged, this, &JobEngine::queuePausedChanged);
    connect(m_scheduler, &JobScheduler::queueStopped, this, &JobEngine::queueStopped);
    connect(m_poller, &StatusPoller::statusReceived, this, &JobEngine::onStatus);
    connect(m_poller, &StatusPoller::statusMissing, this, &JobEngine::onStatusMissing);
    connect(m_poller, &StatusPoller::jobStalled, this,
            [this](qint64 jobId) { m_store->modify(jobId, [](Job& job) { job.stalled = true; }); });
    connect(m_downloads, &DownloadQueue::videoSaved, this, &JobEngine::videoSaved);
    connect(m_downloads, &DownloadQueue::downloadProgress, this, &JobEngine::downloadProgress);
    connect(m_downloads, &DownloadQueue::jobSettled, this, &JobEngine::onSettled);
    connect(m_downloads, &DownloadQueue::jobBackToGenerating, this, [this](qint64 jobId) {
        if (const std::optional<Job> job = m_store->job(jobId))
            m_poller->watch(jobId, job->videoId, job->generatingSince, job->stalled);
    });
    connect(m_importer, &AccountImporter::finished, this, &JobEngine::onImported);
    restoreQueuePause(); // known before start(), for a window that shows it at once
    // The local ledger (issue 19): connected after the engine, so it sees each change made.
    auto* recorder = new LedgerRecorder(
        store, m_options.catalog ? m_options.catalog : &ModelCatalog::builtIn(), this);
    recorder->watch(m_poller);
}

JobEngine::~JobEngine() {
    // As if the app stopped here: requests are dropped, the store keeps every job where it is,
    // and part files stay for the next start to resume.
    m_scheduler->stop();
    m_poller->stop();
    m_downloads->stop();
    m_balanceRequest.cancel();
    const auto lookUps = m_missingLookUps;
    m_missingLookUps.clear();
    for (const RequestHandle& handle : lookUps)
        handle.cancel();
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
                job.state = *jobNextState(job.state, JobEvent::VideoIdLost);
                m_store->update(job);
                continue;
            }
            m_poller->watch(job.id, job.videoId, job.generatingSince, job.stalled);
            ++polling;
        } else if (job.state == JobState::Downloading) {
            ++downloading;
            m_downloads->add(job.id);
        }
    }
    qCInfo(lcJobs) << "engine started:" << m_store->jobCount() << "jobs," << polling << "to poll,"
                   << downloading << "downloads to resume";
    restoreQueuePause(); // a queue paused when the app quit starts paused
    m_scheduler->start();
    refreshBalance();
}

Job JobEngine::newJob(const GenerationRequest& request) const {
    Job job;
    job.request = request;
    job.hasAudio = request.audio; // until the service says what it made
    if (m_backend) {
        job.family = m_backend->family();
        job.account = m_backend->accountLabel();
    }
    job.state = JobState::Queued;
    return job;
}

Result<Job> JobEngine::enqueue(const GenerationRequest& request, const QString& origin) {
    Job job = newJob(request);
    job.origin = origin;
    return m_store->add(job); // the scheduler hears jobAdded
}

static_assert(JobEngine::kMaxTakes == AppSettings::kMaxTakeCount);

qint64 JobEngine::seedMax() const {
    return m_options.catalog ? m_options.catalog->seedMax() : kSeedMax;
}

QList<GenerationRequest> JobEngine::takeRequests(const GenerationRequest& request, int takes,
                                                 qint64 seedMax) {
    QList<GenerationRequest> requests;
    const qint64 range = std::max<qint64>(seedMax, 0) + 1;
    // A seed out of range stays as given, so the rules refuse it rather than a wrap hiding it.
    const bool wraps = request.seed && *request.seed >= 0 && *request.seed < range;
    for (int i = 0; i < std::clamp(takes, 1, kMaxTakes); ++i) {
        GenerationRequest take = request;
        if (request.seed)
            take.seed = wraps ? (*request.seed + i) % range : *request.seed + i;
        requests.append(take);
    }
    return requests;
}

Result<QList<Job>> JobEngine::addTakes(const GenerationRequest& copied, int takes,
                                       const QString& sourceImage, const QString& origin) {
    QList<Job> jobs;
    for (const GenerationRequest& take : takeRequests(copied, takes, seedMax())) {
        Job job = newJob(take);
        job.sourceImagePath = sourceImage;
        job.origin = origin;
        jobs.append(job);
    }
    if (jobs.size() == 1) { // one take is a lone job, in no group
        const Result<Job> one = m_store->add(jobs.first());
        if (!one.ok())
            return Result<QList<Job>>::failure(one.error);
        return Result<QList<Job>>::success({*one.value});
    }
    return m_store->addGroup(jobs); // the scheduler hears jobAdded for each, in order
}

QString JobEngine::sourceImageOf(const GenerationRequest& request, const JobStore& store) {
    const QString startImage = inputPath(request, InputRole::Start);
    if (startImage.isEmpty() || store.isStoreCopy(startImage))
        return {};
    return QFileInfo(startImage).absoluteFilePath();
}

Result<QList<Job>> JobEngine::enqueueTakes(const GenerationRequest& request, int takes,
                                           const QString& origin) {
    // The inputs are copied once for the whole group: every take then points at the same copy.
    const Result<GenerationRequest> copy = m_store->copyInputs(request);
    if (!copy.ok())
        return Result<QList<Job>>::failure(copy.error);
    return addTakes(*copy.value, takes, sourceImageOf(request, *m_store), origin);
}

void JobEngine::enqueueTakesAsync(const GenerationRequest& request, int takes, QObject* context,
                                  std::function<void(Result<QList<Job>>)> done) {
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    const QString source = sourceImageOf(request, *m_store);
    // Once for the whole group, as enqueueAsync() copies for one job.
    copyInputsAsync(this, m_store, request,
                    [this, takes, source, guard, hasContext,
                     done = std::move(done)](const Result<GenerationRequest>& copy) {
                        const Result<QList<Job>> added =
                            copy.ok() ? addTakes(*copy.value, takes, source)
                                      : Result<QList<Job>>::failure(copy.error);
                        if (!hasContext || guard)
                            done(added);
                    });
}

void JobEngine::enqueueAsync(const GenerationRequest& request, QObject* context,
                             std::function<void(Result<Job>)> done) {
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    if (jobInputs(request).isEmpty()) {
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
    const QString startImage = inputPath(request, InputRole::Start);
    const QString source =
        startImage.isEmpty() ? QString() : QFileInfo(startImage).absoluteFilePath();
    // The job's first upload, when it is an image, starts now from the creator's file, beside
    // the store's copy (issue 20); the job takes its result once the copy is committed and the
    // job stored. An image the store converts is not the same bytes: that upload is dropped.
    const JobInput first = jobInputs(request).constFirst();
    const bool firstIsImage = first.role != InputRole::Video && first.role != InputRole::Audio;
    const QString original = firstIsImage ? inputPath(request, first) : QString();
    const qint64 early = original.isEmpty() || m_store->isStoreCopy(original)
                             ? 0
                             : m_scheduler->startEarlyUpload(original);
    copyInputsAsync(this, m_store, request,
                    [this, source, guard, hasContext, early, first, original,
                     done = std::move(done)](const Result<GenerationRequest>& copy) {
                        Result<Job> added = Result<Job>::failure(copy.error);
                        if (copy.ok()) {
                            if (early != 0) {
                                const QString copied = inputPath(*copy.value, first);
                                if (QFileInfo(copied).size() == QFileInfo(original).size())
                                    m_scheduler->claimEarlyUpload(early, copied);
                                else
                                    m_scheduler->dropEarlyUpload(early);
                            }
                            Job job = newJob(*copy.value);
                            job.sourceImagePath = source;
                            added = m_store->add(job);
                        }
                        if (early != 0 && !added.ok())
                            m_scheduler->dropEarlyUpload(early);
                        if (!hasContext || guard)
                            done(added);
                    });
}

bool JobEngine::retry(qint64 jobId) {
    std::optional<Job> job = m_store->job(jobId);
    const std::optional<JobState> next =
        job ? jobNextState(job->state, JobEvent::Retried) : std::nullopt;
    if (!next)
        return false;
    // A new generation: nothing of the old attempt is reused except the request and the image.
    // It goes to the end of the queue, as a new job would.
    job->state = *next;
    job->queueOrder = m_store->nextQueuePlace();
    job->held = false;
    job->traceId.clear();
    job->videoId = 0;
    job->uploads = {};
    job->rawStatus = 0;
    job->credits.reset();
    job->errorMessage.clear();
    job->errorCode = 0;
    job->videoUrl.clear();
    job->videoWidth = 0;
    job->videoHeight = 0;
    job->videoSeconds = 0;
    job->seed.reset();
    job->videoPath.clear();
    job->sidecarPath.clear();
    job->thumbnailPath.clear();
    job->attempts = 0;
    job->nextAttemptAt = {};
    job->generatingSince = {};
    job->stalled = false;
    job->deletedOnService = false;
    job->hasAudio = job->request.audio;
    m_downloads->forgetFailures(jobId);
    // A job kept from an older table may ask for what its family no longer takes (a website
    // job on v4.5): say so now, in the table's words, rather than send it to be refused.
    if (m_options.catalog) {
        const QList<RuleViolation> refused = m_options.catalog->validate(job->request, job->family);
        if (!refused.isEmpty()) {
            job->state = JobState::Failed;
            job->errorMessage = refused.first().reason + u' ' +
                                tr("Reuse Settings sends it again with settings that are offered.");
            qCInfo(lcJobs) << "job" << jobId << "not retried: its settings are not offered";
            return m_store->update(*job);
        }
    }
    qCInfo(lcJobs) << "job" << jobId << "retried as a new generation";
    return m_store->update(*job);
}

bool JobEngine::cancel(qint64 jobId) {
    if (!m_scheduler->cancel(jobId))
        return false;
    onSettled(jobId, JobState::Cancelled);
    return true;
}

bool JobEngine::redownload(qint64 jobId) {
    std::optional<Job> job = m_store->job(jobId);
    if (!job || m_downloads->contains(jobId) || !m_library.prepareRedownload(*job) ||
        !m_store->update(*job))
        return false;
    m_downloads->forgetFailures(jobId);
    qCInfo(lcJobs) << "job" << jobId << "downloads its video again";
    m_downloads->add(jobId);
    return true;
}

void JobEngine::setLibraryFolder(const QString& folder) {
    m_options.libraryFolder = folder;
    m_library.setLibraryFolder(folder);
}

bool JobEngine::isImporting() const {
    return m_importer->isImporting();
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

void JobEngine::onStatus(qint64 jobId, const VideoStatus& status) {
    std::optional<Job> job = m_store->job(jobId);
    if (!job || job->state != JobState::Generating) {
        m_poller->unwatch(jobId);
        return;
    }
    const JobEvent event = eventFor(status.state, job->imported);
    if (event == JobEvent::StatusPending) {
        if (job->rawStatus != status.rawStatus) {
            job->rawStatus = status.rawStatus;
            m_store->update(*job);
        }
        return;
    }
    m_poller->unwatch(jobId);
    job->rawStatus = status.rawStatus;
    if (event == JobEvent::StatusDeleted) {
        onDeletedOnService(*job);
        return;
    }
    switch (event) {
    case JobEvent::StatusSucceeded:
    case JobEvent::StatusSucceededImported:
        job->videoUrl = status.url;
        job->videoWidth = status.width;
        job->videoHeight = status.height;
        job->seed = status.seed ? status.seed : job->request.seed;
        job->hasAudio = status.hasAudio.value_or(job->request.audio);
        job->attempts = 0;
        job->errorMessage.clear();
        break;
    case JobEvent::StatusModerated:
        job->errorMessage = moderatedJobMessage();
        break;
    default:
        job->errorMessage = failedJobMessage();
        break;
    }
    if (event == JobEvent::StatusSucceeded) {
        // Made here: saved at once. (Imported ones, like the rest of the account's videos, are
        // saved only when asked.)
        job->state = *jobNextState(job->state, event);
        job->errorCode = 0;
        job->videoPath = m_library.targetPathFor(*job);
        m_store->update(*job);
        m_downloads->add(jobId);
    } else {
        settle(*job, event);
    }
    refreshBalance();
}

void JobEngine::onDeletedOnService(Job job) {
    // Status 6: its own end, not a failure (a "download again" may have left a copy).
    m_poller->unwatch(job.id);
    applyServiceDeletion(job, job.videoFileExists());
    qCInfo(lcJobs) << "job" << job.id << "video" << job.videoId << "was deleted on the service; now"
                   << jobStateId(job.state);
    m_store->update(job);
    onSettled(job.id, job.state);
    refreshBalance();
}

void JobEngine::onStatusMissing(qint64 jobId, qint64 videoId) {
    if (m_missingLookUps.contains(jobId))
        return;
    m_missingLookUps.insert(jobId, {});
    RequestHandle handle = m_importer->lookUp(
        videoId, this, [this, jobId, videoId](Result<QHash<qint64, VideoStatus>> result) {
            m_missingLookUps.remove(jobId);
            const std::optional<Job> job = m_store->job(jobId);
            if (!result.ok() || !job || job->state != JobState::Generating)
                return; // asked again later, if it is still missing
            if (const auto status = result.value->constFind(videoId);
                status != result.value->cend())
                onStatus(jobId, *status);
            else // read to the end of the list (web): the service no longer has it
                onDeletedOnService(*job);
        });
    if (m_missingLookUps.contains(jobId))
        m_missingLookUps.insert(jobId, handle);
}

void JobEngine::settle(Job job, JobEvent event) {
    job.state = jobNextState(job.state, event).value_or(JobState::Failed);
    job.errorCode = 0;
    job.nextAttemptAt = {};
    m_store->update(job);
    onSettled(job.id, job.state);
}

void JobEngine::onRefused(qint64 jobId, const ApiError& error) {
    // 500070 and 500071 are about the template (§4), not this job: the template list remembers
    // them so that the next job is refused before it is sent. The job's error is already the
    // service's sentence (ApiError::userMessage()).
    const std::optional<Job> job = m_store->job(jobId);
    const bool templateError = error.code() == 500070 || error.code() == 500071;
    if (job && templateError && job->request.mode == GenerationMode::Effect &&
        job->request.templateId > 0) {
        qCInfo(lcJobs) << "job" << jobId << "template" << job->request.templateId
                       << "refused:" << error.code();
        Q_EMIT templateRefused(job->request.templateId, static_cast<int>(error.code()),
                               job->request.quality);
    }
    onSettled(jobId, JobState::Failed);
}

void JobEngine::onSettled(qint64 jobId, JobState state) {
    Q_EMIT jobSettled(jobId, state);
    if (unfinishedCount() == 0)
        Q_EMIT allSettled();
}

// --- the account's own videos ----------------------------------------------------------------

bool JobEngine::importAccountVideos() {
    return m_importer->start();
}

void JobEngine::onImported(const QList<Job>& added, const ApiError& error) {
    int generating = 0;
    for (const Job& job : added) {
        // Before start() the engine finds them with the other generating jobs.
        if (job.state == JobState::Generating && m_started) {
            m_poller->watch(job.id, job.videoId, job.generatingSince, job.stalled);
            ++generating;
        }
    }
    if (!error.isError())
        qCInfo(lcJobs) << "import:" << added.size() << "new jobs," << generating
                       << "still generating";
    Q_EMIT accountVideosImported(static_cast<int>(added.size()), error);
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
        m_downloads->drop(other.id);
        m_store->remove(other.id);
    }
}

} // namespace pixverse
