#pragma once

#include "core/jobs/Job.h"
#include "core/jobs/QueueRules.h"

#include <QDateTime>
#include <QString>

namespace pixverse {

class JobStore;
class ModelCatalog;

//! Counts spending against the credit caps (issue 19): the local ledger's charges minus refunds
//! (LedgerEntry::Source::Local, what this app saw) plus the price of every job on its way
//! (Uploading, Submitting: charged soon, not yet in the ledger).
class SpendGuard {
public:
    SpendGuard(const JobStore* store, const ModelCatalog* catalog);

    //! Credits spent and committed since `since` (UTC).
    qint64 spentSince(const QDateTime& since) const;
    //! The sentence that stops the queue before `next` when sending it would take the day's
    //! (local day of `now`) or the session's spending over a cap; empty when it may go. A job
    //! without a known price is counted as 0 (the sentence names the cap once it is reached).
    QString refusal(const Job& next, const CreditCaps& caps, const QDateTime& sessionStart,
                    const QDateTime& now = QDateTime::currentDateTimeUtc()) const;

    //! What sending `job` will cost: the catalog's price, 0 when it has none.
    qint64 price(const Job& job) const;
    //! What the jobs not charged yet will cost (queued, held, uploading, being sent): the
    //! balance the service reports does not count them (the composer's "Balance after" does).
    qint64 unsentCredits() const;

private:
    const JobStore* m_store;
    const ModelCatalog* m_catalog;
};

} // namespace pixverse
