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
    // Which job made each video: only its id and model (a copy of every job was megabytes).
    struct Maker {
        qint64 jobId = 0;
        QString model;
    };
    QHash<qint64, Maker> byVideo;
    byVideo.reserve(m_store->jobCount());
    m_store->forEachJob([&byVideo](const Job& job) {
        if (job.videoId != 0)
            byVideo.insert(job.videoId, {job.id, job.request.model});
    });
    QList<LedgerEntry> entries;
    entries.reserve(items.size());
    for (const UsageItem& item : items) {
        LedgerEntry entry = serviceEntry(item);
        if (const auto maker = byVideo.constFind(item.videoId); maker != byVideo.cend()) {
            entry.jobId = maker->jobId;
            entry.model = maker->model;
        }
        entries << entry;
    }
    const Result<int> added = m_store->addLedgerEntries(entries);
    // Entries kept earlier whose job came to the store since.
    for (const LedgerEntry& kept : m_store->ledgerEntries(LedgerEntry::Source::Service)) {
        if (kept.jobId == 0 && kept.videoId != 0) {
            if (const auto maker = byVideo.constFind(kept.videoId); maker != byVideo.cend())
                m_store->matchLedgerEntries(kept.videoId, maker->jobId, maker->model);
        }
    }
    return added.value.value_or(0);
}

} // namespace pixverse
