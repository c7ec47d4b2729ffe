// The queue side of JobEngine (issue 19): batches, pause, hold, order, edits, caps.
// CONTRACT STUB: works on the store's fields; the "queue" helper makes the scheduler honour
// them, copies on the thread pool, and counts the caps.
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobStore.h"

#include <QPointer>

namespace pixverse {

Result<QList<Job>> JobEngine::enqueueMany(const QList<GenerationRequest>& requests,
                                          const QStringList& origins) {
    QList<Job> jobs;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        Job job = newJob(requests[i]);
        job.origin = origins.value(i);
        jobs << job;
    }
    return m_store->addMany(jobs);
}

void JobEngine::enqueueManyAsync(const QList<GenerationRequest>& requests,
                                 const QStringList& origins, QObject* context,
                                 std::function<void(Result<QList<Job>>)> done) {
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    const Result<QList<Job>> added = enqueueMany(requests, origins); // CONTRACT STUB: sync copy
    QMetaObject::invokeMethod(
        this,
        [guard, hasContext, done = std::move(done), added] {
            if (!hasContext || guard)
                done(added);
        },
        Qt::QueuedConnection);
}

void JobEngine::setQueuePaused(bool paused) {
    m_store->setStoredValue(QStringLiteral("queue/paused"),
                            paused ? QStringLiteral("1") : QString());
    m_scheduler->setQueuePaused(paused);
}

bool JobEngine::isQueuePaused() const {
    return m_scheduler->isQueuePaused();
}

bool JobEngine::setHeld(qint64 jobId, bool held) {
    const std::optional<Job> job = m_store->job(jobId);
    if (!job || job->state != JobState::Queued)
        return false;
    return m_store->modify(jobId, [held](Job& j) { j.held = held; });
}

bool JobEngine::moveQueued(const QList<qint64>& jobIds, qint64 beforeJobId) {
    QList<qint64> order;
    for (const Job& job : m_store->queue()) {
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
    if (queue.isEmpty() || !setHeld(jobId, false))
        return false;
    return moveQueued({jobId}, queue.first().id == jobId ? queue.value(1).id : queue.first().id);
}

void JobEngine::replaceQueuedAsync(qint64 jobId, const GenerationRequest& request, QObject* context,
                                   std::function<void(Result<Job>)> done) {
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    Result<Job> result = Result<Job>::failure(
        ApiError::input(tr("This job has already been sent; it can no longer be edited.")));
    const Result<GenerationRequest> copy = m_store->copyInputs(request); // CONTRACT STUB: sync
    if (!copy.ok())
        result = Result<Job>::failure(copy.error);
    else if (const std::optional<Job> job = m_store->job(jobId);
             job && job->state == JobState::Queued &&
             m_store->modify(jobId, [&copy](Job& j) { j.request = *copy.value; }))
        result = Result<Job>::success(*m_store->job(jobId));
    QMetaObject::invokeMethod(
        this,
        [guard, hasContext, done = std::move(done), result] {
            if (!hasContext || guard)
                done(result);
        },
        Qt::QueuedConnection);
}

void JobEngine::setRunWindow(std::optional<RunWindow> window) {
    m_scheduler->setRunWindow(window);
}

void JobEngine::setCreditCaps(const CreditCaps& caps, const QDateTime& sessionStart) {
    m_caps = caps; // CONTRACT STUB: not counted yet
    m_sessionStart = sessionStart;
}

} // namespace pixverse
