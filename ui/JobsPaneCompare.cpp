// JobsPane's "Compare" (issue 18): the 2–4 selected finished takes in the compare view.
#include "ui/CompareView.h"
#include "ui/JobGalleryView.h"
#include "ui/JobsPane.h"

#include <QAction>

#include <algorithm>

namespace pixverse {

CompareView* JobsPane::compareView() const {
    return m_compare;
}

void JobsPane::createCompareAction() {
    auto* compare = new QAction(tr("Co&mpare Takes…"), this);
    compare->setObjectName(QStringLiteral("compareAction"));
    const QString tip = tr("Play 2–4 finished takes side by side, in step, and pick one");
    compare->setToolTip(tip);
    m_tips.insert(Action::Compare, tip);
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    compare->setShortcutContext(Qt::WidgetShortcut); // like the gallery's other actions
    m_view->addAction(compare);
    m_actions.insert(Action::Compare, compare);
    connect(compare, &QAction::triggered, this, &JobsPane::compareSelected);
}

void JobsPane::updateCompareAction(const QList<Job>& selected) {
    QAction* compare = action(Action::Compare);
    const bool can = CompareView::canCompare(selected);
    compare->setEnabled(can);
    // A disabled action's tooltip says what it needs.
    compare->setToolTip(can ? m_tips.value(Action::Compare)
                            : tr("Select 2–4 finished takes to compare them"));
}

void JobsPane::compareSelected() {
    QList<Job> takes = selectedJobs();
    if (!CompareView::canCompare(takes))
        return;
    // In the order they were made (a group's takes in take order), not the gallery's newest first.
    std::sort(takes.begin(), takes.end(), [](const Job& a, const Job& b) { return a.id < b.id; });
    if (m_compare)
        m_compare->close();
    m_compare = new CompareView(takes, m_library, window());
    m_compare->setAttribute(Qt::WA_DeleteOnClose);
    m_compare->show();
    m_compare->raise();
    m_compare->activateWindow();
}

} // namespace pixverse
