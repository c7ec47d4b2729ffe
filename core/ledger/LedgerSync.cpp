#include "core/ledger/LedgerSync.h"

#include "core/backend/Backend.h"
#include "core/jobs/JobStore.h"
#include "core/ledger/UsageWalk.h"

#include <QHash>

namespace pixverse {

namespace {

const QString kSyncedUntil = QStringLiteral("ledger/synced_until");
// Each sync reads again a little before where the last one ended: an item the service writes
// late (a refund stamped with its video's end) is not lost; the store keeps each item once.
constexpr qint64 kOverlapSecs = 3600;

} // namespace

LedgerSync::LedgerSync(JobStore* store, Backend* backend, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_backend(backend) {}

bool LedgerSync::available() const {
    return m_backend && m_backend->hasUsageLedger();
}

void LedgerSync::sync(const QDateTime& now) {
    if (m_syncing)
        return;
    if (!available()) {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT synced(0, ApiError()); }, Qt::QueuedConnection);
        return;
    }
    m_syncing = true;
    const QDateTime end = now.toUTC();
    QDateTime from = QDateTime::fromString(m_store->storedValue(kSyncedUntil), Qt::ISODate);
    from = from.isValid() ? from.toUTC().addSecs(-kOverlapSecs) : end.addDays(-kFirstSyncDays);
    auto added = std::make_shared<int>(0);
    UsageWalk::start(
        m_backend, from, end, this,
        [this, added](const QList<UsageItem>& items, const QDateTime& windowEnd) {
            *added += store(items);
            m_store->setStoredValue(kSyncedUntil, windowEnd.toString(Qt::ISODate));
        },
        [this, added](const ApiError& error) {
            m_syncing = false;
            Q_EMIT synced(*added, error);
        });
}

int LedgerSync::store(const QList<UsageItem>& items) {
    QHash<qint64, Job> byVideo;
    for (const Job& job : m_store->jobs()) {
        if (job.videoId != 0)
            byVideo.insert(job.videoId, job);
    }
    QList<LedgerEntry> entries;
    for (const UsageItem& item : items) {
        LedgerEntry entry;
        entry.source = LedgerEntry::Source::Service;
        entry.videoId = item.videoId;
        entry.creationType = item.creationType;
        entry.credits = item.credits;
        entry.refund = item.refund;
        entry.at = item.at.isValid() ? item.at : QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
        entry.raw = item.raw;
        if (const auto job = byVideo.constFind(item.videoId); job != byVideo.cend()) {
            entry.jobId = job->id;
            entry.model = job->request.model;
        }
        entries << entry;
    }
    const Result<int> added = m_store->addLedgerEntries(entries);
    // Entries kept earlier whose job came to the store since.
    for (const LedgerEntry& kept : m_store->ledgerEntries(LedgerEntry::Source::Service)) {
        if (kept.jobId == 0 && kept.videoId != 0 && byVideo.contains(kept.videoId)) {
            const Job& job = byVideo[kept.videoId];
            m_store->matchLedgerEntries(kept.videoId, job.id, job.request.model);
        }
    }
    return added.value.value_or(0);
}

} // namespace pixverse
