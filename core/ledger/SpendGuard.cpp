#include "core/ledger/SpendGuard.h"

#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobStore.h"

namespace pixverse {

// CONTRACT STUB: the "ledger" helper counts.

SpendGuard::SpendGuard(const JobStore* store, const ModelCatalog* catalog)
    : m_store(store)
    , m_catalog(catalog) {}

qint64 SpendGuard::spentSince(const QDateTime& since) const {
    qint64 spent = 0;
    for (const LedgerEntry& entry : m_store->ledgerEntries(LedgerEntry::Source::Local, since))
        spent += entry.signedCredits();
    return spent;
}

QString SpendGuard::refusal(const Job& next, const CreditCaps& caps, const QDateTime& sessionStart,
                            const QDateTime& now) const {
    Q_UNUSED(next)
    Q_UNUSED(caps)
    Q_UNUSED(sessionStart)
    Q_UNUSED(now)
    return {}; // CONTRACT STUB
}

} // namespace pixverse
