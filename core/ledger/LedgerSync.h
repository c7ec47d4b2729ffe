#pragma once

#include "core/api/ApiError.h"
#include "core/api/ApiTypes.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

namespace pixverse {

class Backend;
class JobStore;

//! Keeps the store's copy of the platform's spend ledger (usage-detail, §2.20; issue 19): every
//! page (cursor until has_more is false), in windows of at most 30 days, from the last synced
//! time (the store value "ledger/synced_until"; the first sync reaches back kFirstSyncDays);
//! each item stored once as a Service LedgerEntry and matched to its job by video id. Does
//! nothing for a family without a ledger (Backend::hasUsageLedger()).
class LedgerSync : public QObject {
    Q_OBJECT
public:
    static constexpr int kWindowDays = 30;
    static constexpr int kFirstSyncDays = 90;

    LedgerSync(JobStore* store, Backend* backend, QObject* parent = nullptr);

    //! Starts a sync (joins one that runs). `now` is the end of the range (tests pass one).
    void sync(const QDateTime& now = QDateTime::currentDateTimeUtc());
    bool isSyncing() const { return m_syncing; }
    bool available() const;

Q_SIGNALS:
    //! A sync ended: `added` new entries, or `error` (what was stored before it stays).
    void synced(int added, const pixverse::ApiError& error);

private:
    //! Stores one window's items (matched to their jobs); how many were new.
    int store(const QList<UsageItem>& items);

    JobStore* m_store;
    QPointer<Backend> m_backend;
    bool m_syncing = false;
};

} // namespace pixverse
