#include "core/jobs/JobScheduler.h"

#include "core/api/ApiClient.h"
#include "core/backend/Backend.h"
#include "core/backend/PreparedMedia.h"
#include "core/jobs/JobStore.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent>

#include <algorithm>

namespace pixverse {

namespace {

constexpr int kMaxImageReuploads = 3;

int atLeastRetryAfter(int delayMs, const ApiError& error) {
    const std::optional<int> after = error.retryAfterSeconds();
    return after ? std::max(delayMs, *after * 1000) : delayMs;
}

} // namespace

JobScheduler::JobScheduler(JobStore* store, Backend* backend, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_backend(backend)
    , m_transientBackoff(m_policy.initialMs, m_policy.maxMs)
    , m_concurrencyBackoff(m_policy.initialMs, m_policy.maxMs) {
    m_wake.setSingleShot(true);
    connect(&m_wake, &QTimer::timeout, this, &JobScheduler::schedule);
    // Any change (a job left a slot, a job was added, retried, cancelled) may free work.
    connect(m_store, &JobStore::jobAdded, this, &JobScheduler::schedule);
    connect(m_store, &JobStore::jobChanged, this, &JobScheduler::schedule);
    connect(m_store, &JobStore::jobRemoved, this, &JobScheduler::schedule);
    if (m_backend)
        connect(m_backend, &Backend::sessionEnded, this, &JobScheduler::pause);
}

JobScheduler::~JobScheduler() {
    stop();
}

void JobScheduler::setConcurrencyCap(int cap) {
    m_cap = std::clamp(cap, 1, 20);
    schedule();
}

void JobScheduler::setAccountLimit(std::optional<int> limit) {
    m_accountLimit = limit ? std::optional<int>(std::max(1, *limit)) : std::nullopt;
    schedule();
}

int JobScheduler::effectiveLimit() const {
    int limit = m_cap;
    if (m_accountLimit)
        limit = std::min(limit, *m_accountLimit);
    if (m_learnedLimit && m_learnedUntil > QDateTime::currentDateTimeUtc())
        limit = std::min(limit, *m_learnedLimit);
    return std::max(1, limit);
}

void JobScheduler::setBackoffPolicy(const BackoffPolicy& policy) {
    m_policy = policy;
    m_transientBackoff = ExponentialBackoff(policy.initialMs, policy.maxMs);
    m_concurrencyBackoff = ExponentialBackoff(policy.initialMs, policy.maxMs);
}

void JobScheduler::start() {
    if (m_running)
        return;
    // An upload cut short leaves nothing on the service worth keeping: upload again.
    for (Job job : m_store->jobs(JobState::Uploading)) {
        applyJobEvent(job, JobEvent::UploadInterrupted);
        m_store->update(job);
    }
    const int resend = m_store->count(JobState::Submitting);
    qCInfo(lcJobs) << "scheduler started:" << m_store->count(JobState::Queued) << "queued,"
                   << resend << "to resend with their trace id, limit" << effectiveLimit();
    m_running = true;
    schedule();
}

void JobScheduler::stop() {
    m_running = false;
    m_wake.stop();
    const auto early = m_early;
    m_early.clear();
    for (const std::shared_ptr<EarlyUpload>& upload : early)
        upload->handle.cancel();
    const auto handles = m_inFlight;
    m_inFlight.clear();
    for (const RequestHandle& handle : handles)
        handle.cancel();
}

void JobScheduler::resume() {
    if (!m_paused)
        return;
    m_paused = false;
    Q_EMIT pausedChanged(false);
    schedule();
}

void JobScheduler::pause() {
    if (m_paused)
        return;
    m_paused = true;
    qCWarning(lcJobs) << "scheduler paused: the session ended";
    Q_EMIT pausedChanged(true);
}

void JobScheduler::setQueuePaused(bool paused) {
    if (m_queuePaused == paused)
        return;
    m_queuePaused = paused;
    qCInfo(lcJobs) << "queue" << (paused ? "paused" : "resumed");
    Q_EMIT queuePausedChanged(paused);
    schedule();
}

void JobScheduler::setRunWindow(std::optional<RunWindow> window) {
    m_runWindow = window;
    schedule();
}

void JobScheduler::setAdmission(Admission admission) {
    m_admission = std::move(admission);
    schedule();
}

QDateTime JobScheduler::nextWindowStart(const QDateTime& now) const {
    if (!m_runWindow || m_runWindow->contains(now.toLocalTime().time()))
        return {};
    const QDateTime local = now.toLocalTime();
    QDateTime start(local.date(), m_runWindow->from, Qt::LocalTime);
    if (start <= local)
        start = QDateTime(local.date().addDays(1), m_runWindow->from, Qt::LocalTime);
    return start.toUTC();
}

bool JobScheduler::cancel(qint64 jobId) {
    std::optional<Job> job = m_store->job(jobId);
    if (!job || !applyJobEvent(*job, JobEvent::Cancelled))
        return false;
    m_inFlight.take(jobId).cancel();
    job->nextAttemptAt = {};
    return m_store->update(*job);
}

std::optional<int> JobScheduler::downloadRetryDelay(int failures, const ApiError& error) const {
    // 416: the part file no longer matches what the server has; the downloader starts afresh.
    if (!error.isWorthRetrying() && !error.isRangeRefused())
        return std::nullopt;
    return delayAfter(failures, error);
}

int JobScheduler::delayAfter(int failures, const ApiError& error) const {
    return atLeastRetryAfter(
        ExponentialBackoff::delayFor(failures, m_policy.initialMs, m_policy.maxMs), error);
}

int JobScheduler::transientDelay(const ApiError& error) {
    return atLeastRetryAfter(m_transientBackoff.next(), error);
}

qint64 JobScheduler::startEarlyUpload(const QString& original) {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Only when the job would start as soon as it is stored: a slot free (counting the early
    // uploads already waiting for their jobs), nothing holding or pausing the queue.
    if (!m_running || m_paused || m_queuePaused || !m_backend || !m_store->isOpen() ||
        holding(now) || nextWindowStart(now).isValid() ||
        activeCount() + static_cast<int>(m_early.size()) >= effectiveLimit())
        return 0;
    const qint64 earlyId = ++m_lastEarlyId;
    auto upload = std::make_shared<EarlyUpload>();
    m_early.insert(earlyId, upload);
    qCInfo(lcJobs) << "an image upload starts while its job is stored";
    upload->handle = m_backend->uploadImage(
        original, this,
        [this, earlyId, upload](Result<UploadedImage> result) {
            if (upload->then) {
                const auto then = std::move(upload->then);
                then(std::move(result));
                return;
            }
            upload->result = std::move(result);
            // Kept a while for its job (stored, or still waiting for a slot), then forgotten.
            QTimer::singleShot(60 * 1000, this, [this, earlyId, upload] {
                if (m_early.value(earlyId) == upload)
                    m_early.remove(earlyId);
            });
        },
        [this, upload, imageBytes = QFileInfo(original).size()](qint64 sent, qint64 bodyBytes) {
            if (bodyBytes <= 0) // the network's last word is 0 of 0
                return;
            upload->sent = sent;
            upload->bodyBytes = bodyBytes;
            if (upload->progress) {
                upload->progress(sent, bodyBytes);
                return;
            }
            // No job yet: the composer shows the image going up from the moment of Generate
            // (on loopback it is all sent before the job is stored).
            Q_EMIT uploadProgress(0, qBound<qint64>(0, sent * imageBytes / bodyBytes, imageBytes),
                                  imageBytes);
        });
    return earlyId;
}

void JobScheduler::claimEarlyUpload(qint64 earlyId, const QString& copy) {
    if (const std::shared_ptr<EarlyUpload> upload = m_early.value(earlyId))
        upload->copy = copy;
}

void JobScheduler::dropEarlyUpload(qint64 earlyId) {
    if (const std::shared_ptr<EarlyUpload> upload = m_early.take(earlyId))
        upload->handle.cancel();
}

std::shared_ptr<JobScheduler::EarlyUpload> JobScheduler::takeEarlyUpload(const QString& copy) {
    for (auto it = m_early.begin(); it != m_early.end(); ++it) {
        if (!it.value()->copy.isEmpty() && it.value()->copy == copy) {
            std::shared_ptr<EarlyUpload> upload = it.value();
            m_early.erase(it);
            return upload;
        }
    }
    return nullptr;
}

int JobScheduler::activeCount() const {
    int active = 0;
    for (const Job& job : m_store->unfinished()) {
        if (holdsSlot(job.state))
            ++active;
    }
    return active;
}

void JobScheduler::schedule() {
    if (m_passQueued || !m_running)
        return;
    m_passQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_passQueued = false;
            pass();
        },
        Qt::QueuedConnection);
}

void JobScheduler::pass() {
    if (!m_running || m_paused || !m_backend || !m_store->isOpen())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime wake;
    auto wakeAt = [&wake, &now](const QDateTime& when) {
        if (when.isValid() && when > now && (!wake.isValid() || when < wake))
            wake = when;
    };
    const bool held = holding(now);
    if (held)
        wakeAt(m_holdUntil);

    const QList<Job> jobs = m_store->unfinished();
    int active = 0;
    for (const Job& job : jobs) {
        if (holdsSlot(job.state))
            ++active;
    }

    // 1. Creates whose outcome is unknown: they still hold their slot; resend with their trace id.
    for (const Job& job : jobs) {
        if (job.state != JobState::Submitting || m_inFlight.contains(job.id))
            continue;
        if (held || (job.nextAttemptAt.isValid() && job.nextAttemptAt > now)) {
            wakeAt(job.nextAttemptAt);
            continue;
        }
        startCreate(job);
    }

    // 2. New work in the queue's order, while slots are free, the creator has not paused the
    // queue and the run window is open.
    const QDateTime windowOpens = nextWindowStart(now);
    wakeAt(windowOpens);
    if (!held && !m_queuePaused && !windowOpens.isValid())
        startQueued(active, now, wakeAt);

    if (wake.isValid())
        m_wake.start(
            static_cast<int>(std::clamp<qint64>(now.msecsTo(wake) + 1, 1, 24 * 3600 * 1000)));
}

void JobScheduler::startQueued(int active, const QDateTime& now,
                               const std::function<void(const QDateTime&)>& wakeAt) {
    const int limit = effectiveLimit();
    for (const Job& job : m_store->queue()) {
        if (job.held || m_inFlight.contains(job.id))
            continue;
        if (active >= limit) {
            if (m_learnedLimit && m_learnedUntil > now)
                wakeAt(m_learnedUntil);
            break;
        }
        if (job.nextAttemptAt.isValid() && job.nextAttemptAt > now) {
            wakeAt(job.nextAttemptAt);
            continue;
        }
        // Asked for each job as it comes: the jobs started before it in this pass are on their
        // way (Uploading, Submitting) in the store already and count.
        if (m_admission) {
            const QString refusal = m_admission(job);
            if (!refusal.isEmpty()) {
                qCInfo(lcJobs).noquote() << "queue stopped before job" << job.id << ":" << refusal;
                setQueuePaused(true);
                Q_EMIT queueStopped(job.id, refusal);
                return;
            }
        }
        ++active;
        if (!job.missingUploads().isEmpty())
            startUpload(job);
        else
            startCreate(job);
    }
}

void JobScheduler::startUpload(Job job) {
    const QList<JobInput> missing = job.missingUploads();
    if (missing.isEmpty()) {
        startCreate(job);
        return;
    }
    const bool starting = job.state != JobState::Uploading;
    if (starting) {
        applyJobEvent(job, JobEvent::UploadStarted);
        job.nextAttemptAt = {};
        if (!m_store->update(job)) {
            // Never send what the store does not know about; try again later.
            m_holdUntil = QDateTime::currentDateTimeUtc().addMSecs(m_transientBackoff.next());
            schedule();
            return;
        }
    }
    // One input is checked by its own upload before a byte is sent. With several, a refused
    // second one (a lip sync's damaged sound) would come after the first was uploaded: every
    // video and audio file is checked (PreparedMedia's checks, on the thread pool) first.
    QList<QPair<QString, UploadedMedia::Kind>> media;
    for (const JobInput& input : missing) {
        if (starting && missing.size() > 1 &&
            (input.role == InputRole::Video || input.role == InputRole::Audio))
            media.append({inputPath(job.request, input), input.role == InputRole::Audio
                                                             ? UploadedMedia::Kind::Audio
                                                             : UploadedMedia::Kind::Video});
    }
    if (!media.isEmpty()) {
        const qint64 id = job.id;
        m_inFlight.insert(id, {});
        auto* watcher = new QFutureWatcher<ApiError>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id] {
            watcher->deleteLater();
            m_inFlight.remove(id);
            const std::optional<Job> now = m_store->job(id);
            if (!now || now->state != JobState::Uploading) { // cancelled or removed meanwhile
                schedule();
                return;
            }
            if (const ApiError refusal = watcher->result(); refusal.isError()) {
                failJob(*now, refusal);
                schedule();
                return;
            }
            startUpload(*now); // Uploading now: not checked again
        });
        watcher->setFuture(QtConcurrent::run([media] {
            for (const auto& [path, kind] : media) {
                const Result<PreparedMedia> checked = PreparedMedia::forUpload(path, kind);
                if (!checked.ok())
                    return checked.error;
            }
            return ApiError();
        }));
        return;
    }
    // Progress counts the bytes of every input: those uploaded before (also in an earlier run)
    // are already sent.
    qint64 total = 0;
    qint64 before = 0;
    for (const JobInput& input : jobInputs(job.request)) {
        const qint64 size = QFileInfo(inputPath(job.request, input)).size();
        total += size;
        if (hasUpload(job.uploads, input))
            before += size;
    }
    const qint64 id = job.id;
    const JobInput input = missing.first();
    const QString path = inputPath(job.request, input);
    // The request body (a multipart form, with its headers) is larger than the file: its bytes
    // are counted as the share of this file they carry, so the sum never passes the total.
    const qint64 size = QFileInfo(path).size();
    Backend::Progress progress = [this, id, before, total, size](qint64 sent, qint64 bodyBytes) {
        if (bodyBytes <= 0) // the network says nothing of the body (its last word is 0 of 0)
            return;
        Q_EMIT uploadProgress(id, before + qBound<qint64>(0, sent * size / bodyBytes, size), total);
    };
    const bool listed = input.role == InputRole::EffectImage || input.role == InputRole::Reference;
    const QString which =
        inputRoleId(input.role) + (listed ? QStringLiteral(" %1").arg(input.index + 1) : QString());
    qCInfo(lcJobs).noquote() << "job" << id << "uploads its" << which << "input";
    m_inFlight.insert(id, {});
    RequestHandle handle;
    if (input.role == InputRole::Video || input.role == InputRole::Audio) {
        const auto kind = input.role == InputRole::Audio ? UploadedMedia::Kind::Audio
                                                         : UploadedMedia::Kind::Video;
        handle = m_backend->uploadMedia(
            path, kind, this,
            [this, id, input](Result<UploadedMedia> result) {
                onInputUploaded(id, result.error, [&result, input](RequestInputs& inputs) {
                    (input.role == InputRole::Audio ? inputs.audio : inputs.video) = *result.value;
                });
            },
            std::move(progress));
    } else {
        auto uploaded = [this, id, input](Result<UploadedImage> result) {
            onInputUploaded(id, result.error, [&result, input](RequestInputs& inputs) {
                setUpload(inputs, input, *result.value);
            });
        };
        if (const std::shared_ptr<EarlyUpload> early = takeEarlyUpload(path)) {
            // Sent (or sending) since Generate: its answer is this input's.
            handle = early->handle;
            // The job says where the upload is (also when it is over): what was shown for the
            // image alone becomes the job's, and goes with the job.
            if (early->bodyBytes > 0)
                progress(early->sent, early->bodyBytes);
            if (early->result) {
                QMetaObject::invokeMethod(
                    this, [uploaded, result = *early->result] { uploaded(result); },
                    Qt::QueuedConnection);
            } else {
                early->then = std::move(uploaded);
                early->progress = std::move(progress);
            }
        } else {
            handle = m_backend->uploadImage(path, this, std::move(uploaded), std::move(progress));
        }
    }
    if (m_inFlight.contains(id))
        m_inFlight.insert(id, handle);
}

void JobScheduler::onInputUploaded(qint64 jobId, const ApiError& error,
                                   const std::function<void(RequestInputs&)>& keep) {
    m_inFlight.remove(jobId);
    std::optional<Job> job = m_store->job(jobId);
    if (!job || job->state != JobState::Uploading)
        return; // cancelled or removed meanwhile
    if (error.isError()) {
        if (error.kind() == ApiError::Kind::Cancelled)
            return;
        if (error.category() == ApiError::Category::Auth) {
            failJob(*job, error);
            pause();
        } else if (error.isWorthRetrying()) {
            defer(*job, error, JobEvent::TransientError, transientDelay(error));
        } else {
            failJob(*job, error);
        }
        return;
    }
    keep(job->uploads);
    job->attempts = 0;
    job->errorMessage.clear();
    job->errorCode = 0;
    // Committed before the next upload: after a crash only what is missing goes again.
    if (!m_store->update(*job)) {
        m_holdUntil = QDateTime::currentDateTimeUtc().addMSecs(m_transientBackoff.next());
        schedule();
        return;
    }
    startUpload(*job); // the next input, or the create once none is missing
}

void JobScheduler::startCreate(Job job) {
    // The trace id is committed before the first byte of the create leaves the app: after a crash
    // or a lost reply, the resend carries the same one and the service replays its answer.
    if (job.traceId.isEmpty())
        job.traceId = ApiClient::newTraceId();
    applyJobEvent(job,
                  job.state == JobState::Uploading ? JobEvent::Uploaded : JobEvent::CreateSent);
    job.nextAttemptAt = {};
    if (!m_store->update(job)) {
        m_holdUntil = QDateTime::currentDateTimeUtc().addMSecs(m_transientBackoff.next());
        schedule();
        return;
    }
    const RequestInputs inputs = job.uploads;
    const qint64 id = job.id;
    const QString trace = job.traceId;
    qCInfo(lcJobs).noquote() << "job" << id << "create sent, attempt" << job.attempts + 1 << "trace"
                             << trace;
    m_inFlight.insert(id, {});
    RequestHandle handle = m_backend->createVideo(
        job.request, inputs, trace, this,
        [this, id, trace](Result<CreatedVideo> result) { onCreated(id, trace, result); });
    if (m_inFlight.contains(id))
        m_inFlight.insert(id, handle);
}

void JobScheduler::onCreated(qint64 jobId, const QString& traceId,
                             const Result<CreatedVideo>& result) {
    m_inFlight.remove(jobId);
    std::optional<Job> job = m_store->job(jobId);
    if (!job || job->state != JobState::Submitting || job->traceId != traceId)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (result.ok()) {
        job->videoId = result.value->videoId;
        if (result.value->credits)
            job->credits = result.value->credits;
        applyJobEvent(*job, JobEvent::Accepted);
        job->generatingSince = now;
        job->attempts = 0;
        job->nextAttemptAt = {};
        job->errorMessage.clear();
        job->errorCode = 0;
        m_transientBackoff.reset();
        m_concurrencyBackoff.reset();
        if (!m_store->update(*job))
            qCWarning(lcJobs) << "job" << jobId << "accepted as video" << job->videoId
                              << "but not saved";
        qCInfo(lcJobs) << "job" << jobId << "accepted: video" << job->videoId;
        Q_EMIT jobSubmitted(jobId);
        return;
    }

    const ApiError& error = result.error;
    if (error.kind() == ApiError::Kind::Cancelled)
        return;
    if (error.isConcurrencyLimit()) {
        // The account is full. Learn how many it takes (ours that still hold a slot), hold the
        // queue, and try this job again first — with a new trace id: the service answered, and it
        // would replay this very refusal for the old one.
        const int othersHolding = activeCount() - 1;
        m_learnedLimit = std::max(1, othersHolding);
        m_learnedUntil = now.addMSecs(m_policy.learnedLimitTtlMs);
        const int delay = m_concurrencyBackoff.next();
        m_holdUntil = std::max(m_holdUntil.isValid() ? m_holdUntil : now, now.addMSecs(delay));
        job->traceId.clear();
        qCInfo(lcJobs) << "job" << jobId
                       << "back in the queue: the account is at its limit; learned limit"
                       << *m_learnedLimit;
        defer(*job, error, JobEvent::ConcurrencyLimited, delay);
        return;
    }
    if (error.isImageForgotten() && job->attempts < kMaxImageReuploads) {
        // Which image the service forgot, it does not say: every image is uploaded again.
        // (No code says a video or audio upload was forgotten (§4), so media are kept.)
        for (const InputRole role : {InputRole::Start, InputRole::FirstFrame, InputRole::LastFrame,
                                     InputRole::EffectImage, InputRole::Reference})
            clearUpload(job->uploads, role);
        job->traceId.clear();
        defer(*job, error, JobEvent::ImageForgotten, 0);
        return;
    }
    if (error.category() == ApiError::Category::Auth) {
        failJob(*job, error);
        pause();
        return;
    }
    if (error.isWorthRetrying()) {
        const int delay = transientDelay(error);
        m_holdUntil = std::max(m_holdUntil.isValid() ? m_holdUntil : now, now.addMSecs(delay));
        if (error.mayHaveReachedService()) {
            defer(*job, error, JobEvent::OutcomeUnknown, delay); // same trace id next time
        } else {
            job->traceId.clear(); // a definite "not now" (500069, 500100...): nothing was made
            defer(*job, error, JobEvent::TransientError, delay);
        }
        return;
    }
    failJob(*job, error);
}

void JobScheduler::defer(Job job, const ApiError& error, JobEvent event, int delayMs) {
    applyJobEvent(job, event);
    ++job.attempts;
    job.nextAttemptAt = QDateTime::currentDateTimeUtc().addMSecs(delayMs);
    job.errorMessage = error.userMessage(); // shown as "waiting: …" while not terminal
    job.errorCode = error.code();
    qCInfo(lcJobs).noquote() << "job" << job.id << "waits" << delayMs << "ms (" << error.logText()
                             << ") then"
                             << (event == JobEvent::OutcomeUnknown
                                     ? "resends with the same trace id"
                                     : "tries again");
    m_store->update(job);
    Q_EMIT jobDeferred(job.id, delayMs, error);
    schedule();
}

void JobScheduler::failJob(Job job, const ApiError& error) {
    applyJobEvent(job, error.isSessionEnd() ? JobEvent::SessionEnded : JobEvent::Refused);
    job.errorMessage = error.userMessage();
    job.errorCode = error.code();
    job.nextAttemptAt = {};
    qCInfo(lcJobs).noquote() << "job" << job.id << "failed:" << error.logText();
    m_store->update(job);
    Q_EMIT jobFailed(job.id, error);
}

} // namespace pixverse
