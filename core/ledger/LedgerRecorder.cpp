#include "core/ledger/LedgerRecorder.h"

#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobStore.h"
#include "core/jobs/StatusPoller.h"

namespace pixverse {

namespace {

bool isFinal(VideoState state) {
    return state == VideoState::Succeeded || state == VideoState::Moderated ||
           state == VideoState::Failed || state == VideoState::Deleted;
}

LedgerEntry localEntry(const Job& job, qint64 credits, bool refund, const QDateTime& at) {
    LedgerEntry entry;
    entry.source = LedgerEntry::Source::Local;
    entry.videoId = job.videoId;
    entry.jobId = job.id;
    entry.creationType = generationModeId(job.request.mode);
    entry.model = job.request.model;
    entry.credits = credits;
    entry.refund = refund;
    entry.at = at.toUTC();
    return entry;
}

} // namespace

LedgerRecorder::LedgerRecorder(JobStore* store, const ModelCatalog* catalog, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_catalog(catalog) {
    for (const LedgerEntry& entry : m_store->ledgerEntries(LedgerEntry::Source::Local)) {
        if (entry.refund)
            m_refunded.insert(entry.videoId);
        else
            m_charged.insert(entry.videoId, entry.credits);
    }
    connect(m_store, &JobStore::jobChanged, this, &LedgerRecorder::onJobChanged);
}

void LedgerRecorder::watch(StatusPoller* poller) {
    connect(poller, &StatusPoller::statusReceived, this, &LedgerRecorder::onStatus);
}

void LedgerRecorder::onJobChanged(qint64 jobId) {
    const std::optional<Job> job = m_store->job(jobId);
    if (!job || job->videoId == 0 || job->imported)
        return;
    const bool ended = job->state == JobState::Done || job->state == JobState::Failed ||
                       job->state == JobState::Moderated || job->state == JobState::Deleted ||
                       job->state == JobState::Downloading;
    // Without the create's figure a status answer says it; a job that ended without one is
    // charged the catalog's price.
    if (job->credits || ended)
        charge(*job);
    if (job->state == JobState::Moderated && m_charged.contains(job->videoId))
        refund(*job, m_charged.value(job->videoId));
}

void LedgerRecorder::onStatus(qint64 jobId, const VideoStatus& status) {
    const std::optional<Job> job = m_store->job(jobId);
    if (!job || job->videoId == 0 || job->imported)
        return;
    charge(*job, status.credits);
    if (!isFinal(status.state))
        return;
    const qint64 charged = m_charged.value(job->videoId);
    if (status.state == VideoState::Moderated)
        refund(*job, charged);
    else if (status.credits && *status.credits < charged)
        refund(*job, charged - *status.credits);
}

void LedgerRecorder::charge(const Job& job, std::optional<int> credits) {
    if (m_charged.contains(job.videoId))
        return;
    std::optional<int> cost = job.credits ? job.credits : credits;
    if (!cost && m_catalog)
        cost = m_catalog->creditCost(job.request);
    if (!cost || *cost <= 0)
        return;
    const QDateTime at =
        job.generatingSince.isValid() ? job.generatingSince : QDateTime::currentDateTimeUtc();
    m_charged.insert(job.videoId, *cost);
    m_store->addLedgerEntries({localEntry(job, *cost, false, at)});
}

void LedgerRecorder::refund(const Job& job, qint64 credits) {
    if (credits <= 0 || m_refunded.contains(job.videoId))
        return;
    m_refunded.insert(job.videoId);
    m_store->addLedgerEntries({localEntry(job, credits, true, QDateTime::currentDateTimeUtc())});
    m_store->modify(job.id,
                    [credits](Job& stored) { stored.refundedCredits = static_cast<int>(credits); });
}

} // namespace pixverse
