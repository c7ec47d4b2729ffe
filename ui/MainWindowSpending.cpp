// The Spending tab of the main window (issue 19): View → Spending, and a refund's job found in
// the gallery.
#include "core/jobs/JobFilterModel.h"
#include "ui/JobGalleryView.h"
#include "ui/JobsPane.h"
#include "ui/MainWindow.h"
#include "ui/SpendingView.h"

#include <QAction>
#include <QMenu>
#include <QTabWidget>

namespace pixverse {

void MainWindow::createSpendingTab(QMenu* view) {
    // Its tab joins the gallery's the first time it is opened (showSpending()); the view itself
    // is made then, or when a caller asks for it (spendingView()).
    QAction* show = view->addAction(tr("&Spending"));
    show->setObjectName(QStringLiteral("showSpendingAction"));
    show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    show->setStatusTip(tr("What your videos cost: credits per day and per model, and refunds"));
    connect(show, &QAction::triggered, this, &MainWindow::showSpending);
}

SpendingView* MainWindow::spendingView() {
    if (m_spendingView)
        return m_spendingView;
    // Until it is opened the view follows the account unseen.
    m_spendingView = new SpendingView(m_sideTabs);
    m_spendingView->hide();
    connect(m_spendingView, &SpendingView::jobChosen, this, &MainWindow::selectInGallery);
    connect(m_spendingView, &SpendingView::exported, this,
            [this](const QString& path, const QString& error) {
                showNotice(error.isEmpty() ? tr("Spending saved to %1").arg(path)
                                           : tr("The spending could not be saved: %1").arg(error));
            });
    if (m_spendCatalog)
        m_spendingView->setCatalog(m_spendCatalog);
    if (m_spendStore)
        m_spendingView->setSources(m_spendStore, m_spendSync);
    return m_spendingView;
}

void MainWindow::setSpendingSources(const ModelCatalog* catalog, JobStore* store,
                                    LedgerSync* sync) {
    const bool catalogChanged = catalog != m_spendCatalog;
    m_spendCatalog = catalog;
    m_spendStore = store;
    m_spendSync = sync;
    if (!m_spendingView)
        return;
    if (catalogChanged)
        m_spendingView->setCatalog(catalog);
    m_spendingView->setSources(store, sync);
}

void MainWindow::showSpending() {
    SpendingView* spending = spendingView();
    if (m_sideTabs->indexOf(spending) < 0)
        m_sideTabs->addTab(spending, tr("Spending"));
    m_sideTabs->setCurrentWidget(spending);
    spending->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::selectInGallery(qint64 jobId) {
    m_sideTabs->setCurrentWidget(m_jobsPane);
    JobGalleryView* gallery = m_jobsPane->view();
    if (!gallery->selectJob(jobId)) {
        // A filter may hide it: clear the filters that do, rather than fail.
        m_jobsPane->clearFamily();
        m_jobsPane->filterModel()->clearFilters();
        if (!gallery->selectJob(jobId)) {
            showNotice(tr("That video is no longer in the gallery."));
            return;
        }
    }
    gallery->setFocus(Qt::OtherFocusReason);
}

} // namespace pixverse
