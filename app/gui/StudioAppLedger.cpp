// The spend ledger's wiring (issue 19): the Spending view reads the signed-in account's store;
// a platform key's ledger is synced at sign-in, when the view opens (the view asks) and a while
// after jobs settle.
#include "app/gui/StudioApp.h"
#include "core/auth/Session.h"
#include "core/backend/Backend.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobStore.h"
#include "core/ledger/LedgerSync.h"
#include "ui/MainWindow.h"

#include <QTimer>

namespace pixverse {

namespace {
constexpr int kSyncAfterSettledMs = 30 * 1000;
} // namespace

void StudioApp::setLedgerSyncDelay(int ms) {
    if (m_ledgerSyncDelay)
        m_ledgerSyncDelay->setInterval(ms);
}

void StudioApp::startLedger() {
    if (!m_ledgerSyncDelay) {
        m_ledgerSyncDelay = new QTimer(this);
        m_ledgerSyncDelay->setSingleShot(true);
        m_ledgerSyncDelay->setInterval(kSyncAfterSettledMs);
        connect(m_ledgerSyncDelay, &QTimer::timeout, this, [this] {
            if (m_ledgerSync)
                m_ledgerSync->sync();
        });
    }
    Backend* backend = m_session->backend();
    if (backend && backend->hasUsageLedger()) {
        m_ledgerSync = std::make_unique<LedgerSync>(m_store.get(), backend);
        // A burst of jobs settling is one sync, a while after the last of them.
        connect(m_engine.get(), &JobEngine::jobSettled, m_ledgerSyncDelay,
                qOverload<>(&QTimer::start));
        m_ledgerSync->sync();
    }
    // The view is made when it is first opened (or asked for), with these.
    m_window->setSpendingSources(m_catalog.get(), m_store.get(), m_ledgerSync.get());
}

void StudioApp::stopLedger() {
    m_window->setSpendingSources(m_catalog.get(), nullptr, nullptr);
    if (m_ledgerSyncDelay)
        m_ledgerSyncDelay->stop();
    m_ledgerSync.reset();
}

} // namespace pixverse
