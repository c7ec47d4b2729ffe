// The queue side of JobEngine (issue 19): batches, pause, hold, order, edits, caps.
#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobStore.h"
#include "core/jobs/OnThreadPool.h"
#include "core/ledger/SpendGuard.h"

#include <QPointer>

namespace pixverse {

namespace {

//! The store value that keeps the queue's pause across restarts: "1", or none.
constexpr QLatin1String kQueuePausedKey("queue/paused");

} // namespace

void JobEngine::restoreQueuePause() {
    m_scheduler->setQueuePaused(m_store->storedValue(kQueuePausedKey) == QLatin1String("1"));
}

QList<Job> JobEngine::batchJobs(const QList<GenerationRequest>& copied,
                                const QList<GenerationRequest>& originals,
                                const QStringList& origins) const {
    QList<Job> jobs;
    for (qsizetype i = 0; i < copied.size(); ++i) {
        Job job = newJob(copied[i]);
        job.origin = origins.value(i);
        job.sourceImagePath = sourceImageOf(originals[i], *m_store);
        jobs << job;
    }
    return jobs;
}

Result<QList<Job>> JobEngine::enqueueMany(const QList<GenerationRequest>& requests,
                                          const QStringList& origins) {
    const Result<QList<GenerationRequest>> copies = m_store->copyInputs(requests);
    if (!copies.ok())
        return Result<QList<Job>>::failure(copies.error);
    return m_store->addMany(batchJobs(*copies.value, requests, origins));
}

void JobEngine::enqueueManyAsync(const QList<GenerationRequest>& requests,
                                 const QStringList& origins, QObject* context,
                                 std::function<void(Result<QList<Job>>)> done) {
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    const JobStore* store = m_store;
    // Every input of the batch is read, hashed and copied on the thread pool; the rows are
    // added on this thread, in one transaction.
    onThreadPool<Result<QList<GenerationRequest>>>(
        this, [store, requests] { return store->copyInputs(requests); },
        [this, requests, origins, guard, hasContext,
         done = std::move(done)](const Result<QList<GenerationRequest>>& copies) {
            const Result<QList<Job>> added =
                copies.ok() ? m_store->addMany(batchJobs(*copies.value, requests, origins))
                            : Result<QList<Job>>::failure(copies.error);
            if (!hasContext || guard)
                done(added);
        });
}

void JobEngine::setQueuePaused(bool paused) {
    m_scheduler->setQueuePaused(paused); // kept in the store by persistQueuePause()
}

bool JobEngine::isQueuePaused() const {
    return m_scheduler->isQueuePaused();
}

void JobEngine::persistQueuePause(bool paused) {
    if (!m_store->setStoredValue(kQueuePausedKey, paused ? QStringLiteral("1") : QString()))
        qCWarning(lcJobs) << "the queue's pause is not kept for the next start";
}

bool JobEngine::setHeld(qint64 jobId, bool held) {
    const std::optional<Job> job = m_store->job(jobId);
    if (!job || job->state != JobState::Queued)
        return false;
    if (job->held == held)
        return true;
    qCInfo(lcJobs) << "job" << jobId << (held ? "held" : "released");
    return m_store->modify(jobId, [held](Job& j) { j.held = held; });
}

bool JobEngine::moveQueued(const QList<qint64>& jobIds, qint64 beforeJobId) {
    const QList<Job> queue = m_store->queue();
    auto queued = [&queue](qint64 id) {
        return std::any_of(queue.cbegin(), queue.cend(), [id](const Job& j) { return j.id == id; });
    };
    if (jobIds.isEmpty() || !std::all_of(jobIds.cbegin(), jobIds.cend(), queued) ||
        (beforeJobId != 0 && !queued(beforeJobId)))
        return false;
    QList<qint64> order;
    for (const Job& job : queue) {
        if (job.id == beforeJobId)
            order += jobIds;
        if (!jobIds.contains(job.id))
            order << job.id;
    }
    if (beforeJobId == 0)
        order += jobIds;
    return m_store->reorderQueue(order);
}

bool JobEngine::runNext(qint64 jobId) {
    const QList<Job> queue = m_store->queue();
    if (queue.isEmpty() || !m_store->job(jobId) || m_store->job(jobId)->state != JobState::Queued)
        return false;
    // First in the queue, then released: the scheduler's next pass finds it first.
    if (!m_store->reorderQueue({jobId}) || !setHeld(jobId, false))
        return false;
    qCInfo(lcJobs) << "job" << jobId << "runs next";
    return true;
}

void JobEngine::replaceQueuedAsync(qint64 jobId, const GenerationRequest& request, QObject* context,
                                   std::function<void(Result<Job>)> done) {
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    const JobStore* store = m_store;
    const QString source = sourceImageOf(request, *m_store);
    onThreadPool<Result<GenerationRequest>>(
        this, [store, request] { return store->copyInputs(request); },
        [this, jobId, source, guard, hasContext,
         done = std::move(done)](const Result<GenerationRequest>& copy) {
            const Result<Job> replaced = copy.ok() ? replaceQueued(jobId, *copy.value, source)
                                                   : Result<Job>::failure(copy.error);
            if (!hasContext || guard)
                done(replaced);
        });
}

Result<Job> JobEngine::replaceQueued(qint64 jobId, const GenerationRequest& copied,
                                     const QString& sourceImage) {
    std::optional<Job> job = m_store->job(jobId);
    // The copy took a while: the scheduler may have sent the job meanwhile.
    if (!job || job->state != JobState::Queued)
        return Result<Job>::failure(
            ApiError::input(tr("This job has already been sent; it can no longer be edited.")));
    // The same job, id and place; nothing of the old request's sending is kept.
    job->request = copied;
    job->sourceImagePath = sourceImage;
    job->uploads = {};
    job->traceId.clear();
    job->attempts = 0;
    job->nextAttemptAt = {};
    job->errorMessage.clear();
    job->errorCode = 0;
    job->hasAudio = copied.audio;
    if (!m_store->update(*job))
        return Result<Job>::failure(ApiError::input(tr("The edited job could not be saved.")));
    qCInfo(lcJobs) << "job" << jobId << "edited in the queue";
    return Result<Job>::success(*m_store->job(jobId));
}

void JobEngine::setRunWindow(std::optional<RunWindow> window) {
    m_scheduler->setRunWindow(window);
}

void JobEngine::setCreditCaps(const CreditCaps& caps, const QDateTime& sessionStart) {
    m_caps = caps;
    m_sessionStart = sessionStart;
    if (!caps.any()) {
        m_scheduler->setAdmission({});
        return;
    }
    // Counted afresh before each job: the ledger and the jobs on their way change all the time.
    m_scheduler->setAdmission([this](const Job& next) {
        // The built-in table when none was given, as the engine prices everywhere else.
        const ModelCatalog* catalog =
            m_options.catalog ? m_options.catalog : &ModelCatalog::builtIn();
        return SpendGuard(m_store, catalog).refusal(next, m_caps, m_sessionStart);
    });
}

} // namespace pixverse
