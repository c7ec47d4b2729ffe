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
    // Its tab joins the gallery's the first time it is opened (showSpending()); until then the
    // view follows the account unseen.
    m_spendingView = new SpendingView(m_sideTabs);
    m_spendingView->hide();
    QAction* show = view->addAction(tr("&Spending"));
    show->setObjectName(QStringLiteral("showSpendingAction"));
    show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    show->setStatusTip(tr("What your videos cost: credits per day and per model, and refunds"));
    connect(show, &QAction::triggered, this, &MainWindow::showSpending);
    connect(m_spendingView, &SpendingView::jobChosen, this, &MainWindow::selectInGallery);
    connect(m_spendingView, &SpendingView::exported, this,
            [this](const QString& path, const QString& error) {
                showNotice(error.isEmpty() ? tr("Spending saved to %1").arg(path)
                                           : tr("The spending could not be saved: %1").arg(error));
            });
}

void MainWindow::showSpending() {
    if (m_sideTabs->indexOf(m_spendingView) < 0)
        m_sideTabs->addTab(m_spendingView, tr("Spending"));
    m_sideTabs->setCurrentWidget(m_spendingView);
    m_spendingView->setFocus(Qt::ShortcutFocusReason);
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
