// The queue and the money side of JobStore (issue 19): queue order, origins, stored values and
// the ledger.
// CONTRACT STUB: memory only until the "queue" helper lands schema 8 (columns queue_order, held,
// refunded_credits, origin; tables store_values and ledger) and one-transaction addMany().
#include "core/jobs/JobStore.h"

#include <algorithm>

namespace pixverse {

Result<QList<Job>> JobStore::addMany(QList<Job> jobs) {
    QList<Job> added;
    for (Job& job : jobs) { // CONTRACT STUB: not one transaction
        Result<Job> one = add(job);
        if (!one.ok())
            return Result<QList<Job>>::failure(one.error);
        added << *one.value;
    }
    return Result<QList<Job>>::success(added);
}

QList<Job> JobStore::queue() const {
    QList<Job> queued = jobs(JobState::Queued);
    std::stable_sort(queued.begin(), queued.end(), [](const Job& a, const Job& b) {
        return a.queueOrder != b.queueOrder ? a.queueOrder < b.queueOrder : a.id < b.id;
    });
    return queued;
}

bool JobStore::reorderQueue(const QList<qint64>& orderedIds) {
    QList<qint64> order = orderedIds;
    for (const Job& job : queue()) {
        if (!order.contains(job.id))
            order << job.id;
    }
    for (qsizetype i = 0; i < order.size(); ++i) {
        const std::optional<Job> job = this->job(order[i]);
        if (!job || job->state != JobState::Queued)
            return false;
    }
    for (qsizetype i = 0; i < order.size(); ++i)
        modify(order[i], [i](Job& job) { job.queueOrder = i + 1; });
    return true;
}

bool JobStore::hasOrigin(const QString& origin) const {
    return std::any_of(m_jobs.cbegin(), m_jobs.cend(),
                       [&origin](const Job& job) { return job.origin == origin; });
}

QList<Job> JobStore::jobsWithOrigin(const QString& prefix) const {
    QList<Job> out;
    for (const Job& job : m_jobs) {
        if (!prefix.isEmpty() && job.origin.startsWith(prefix))
            out << job;
    }
    return out;
}

QString JobStore::storedValue(const QString& key) const {
    return m_storedValues.value(key);
}

bool JobStore::setStoredValue(const QString& key, const QString& value) {
    m_storedValues.insert(key, value); // CONTRACT STUB: not persisted
    return true;
}

Result<int> JobStore::addLedgerEntries(const QList<LedgerEntry>& entries) {
    int added = 0;
    for (LedgerEntry entry : entries) {
        const bool known =
            std::any_of(m_ledger.cbegin(), m_ledger.cend(), [&entry](const LedgerEntry& kept) {
                return kept.source == entry.source && kept.videoId == entry.videoId &&
                       kept.refund == entry.refund && kept.credits == entry.credits &&
                       kept.at == entry.at;
            });
        if (known)
            continue;
        entry.id = m_ledger.isEmpty() ? 1 : m_ledger.last().id + 1;
        m_ledger << entry;
        ++added;
    }
    if (added > 0)
        Q_EMIT ledgerChanged();
    return Result<int>::success(added);
}

QList<LedgerEntry> JobStore::ledgerEntries(LedgerEntry::Source source, const QDateTime& from,
                                           const QDateTime& until) const {
    QList<LedgerEntry> out;
    for (const LedgerEntry& entry : m_ledger) {
        if (entry.source == source && (!from.isValid() || entry.at >= from) &&
            (!until.isValid() || entry.at < until))
            out << entry;
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const LedgerEntry& a, const LedgerEntry& b) { return a.at < b.at; });
    return out;
}

bool JobStore::matchLedgerEntries(qint64 videoId, qint64 jobId, const QString& model) {
    bool changed = false;
    for (LedgerEntry& entry : m_ledger) {
        if (entry.videoId == videoId && entry.jobId == 0) {
            entry.jobId = jobId;
            entry.model = model;
            changed = true;
        }
    }
    if (changed)
        Q_EMIT ledgerChanged();
    return true;
}

} // namespace pixverse
