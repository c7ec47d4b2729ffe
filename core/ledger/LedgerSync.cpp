#include "core/ledger/LedgerSync.h"

#include "core/backend/Backend.h"
#include "core/jobs/JobStore.h"

namespace pixverse {

// CONTRACT STUB: the "ledger" helper reads the pages.

LedgerSync::LedgerSync(JobStore* store, Backend* backend, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_backend(backend) {}

bool LedgerSync::available() const {
    return m_backend && m_backend->hasUsageLedger();
}

void LedgerSync::sync(const QDateTime& now) {
    Q_UNUSED(now)
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT synced(0, ApiError()); }, Qt::QueuedConnection);
}

} // namespace pixverse
