#pragma once

#include "core/api/ApiTypes.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace pixverse {

class JobStore;
class ModelCatalog;
class StatusPoller;
struct Job;

//! Writes the local ledger (issue 19): what this app saw of its own jobs' credits, the only
//! ledger a website account has and what the credit caps count.
//! - a charge when the service accepted a job: the credits the create answer gave, else those a
//!   status answer gives, else the catalog's price;
//! - a refund when the job ends Moderated, or when a final status says it cost less than it was
//!   charged (the sandbox and, it seems, the service give failures back); Job::refundedCredits
//!   is set.
//! Each once per video, also across restarts (what the store already holds is read at start).
//! Jobs imported from the account (made elsewhere) are not this app's spending.
class LedgerRecorder : public QObject {
    Q_OBJECT
public:
    LedgerRecorder(JobStore* store, const ModelCatalog* catalog, QObject* parent = nullptr);
    //! Also reads the credits of final statuses from `poller`.
    void watch(StatusPoller* poller);

private:
    void onJobChanged(qint64 jobId);
    void onStatus(qint64 jobId, const VideoStatus& status);
    //! Records the charge of an accepted job once; `credits` when the status said it.
    void charge(const Job& job, std::optional<int> credits = std::nullopt);
    void refund(const Job& job, qint64 credits);

    JobStore* m_store;
    const ModelCatalog* m_catalog;
    QHash<qint64, qint64> m_charged; //!< credits charged, by video id
    QSet<qint64> m_refunded;         //!< video ids with a refund
};

} // namespace pixverse
