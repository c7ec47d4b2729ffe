// The gallery's library filters (issue 18): the filter bar above it, the boards beside it, and
// the boards' entries of the card menu.
#include "core/jobs/JobFilterModel.h"
#include "ui/BoardsPanel.h"
#include "ui/JobGalleryView.h"
#include "ui/JobsPane.h"
#include "ui/LibraryFilterBar.h"

#include <QHBoxLayout>
#include <QMenu>
#include <QSignalBlocker>
#include <QSplitter>
#include <QToolButton>

namespace pixverse {

void JobsPane::createLibraryFilters() {
    m_filterBar = new LibraryFilterBar(m_filter, m_model, this);
    m_boards = new BoardsPanel(m_filter, &m_library, this);
    connect(m_boards, &BoardsPanel::noticeRequested, this, &JobsPane::noticeRequested);
    placeBoardsBesideGallery();
    connect(m_filter, &JobFilterModel::filtersChanged, this, [this] {
        if (m_favouritesOnly) { // "Clear filters" clears it too
            const QSignalBlocker blocker(m_favouritesOnly);
            m_favouritesOnly->setChecked(m_filter->favouritesOnly());
        }
        updatePlaceholder();
        updateActions();
    });

    // "Add to Board ▸" and "Remove from Board ▸" with the other marks (after "Open Stack"),
    // filled with the boards of the moment each time the card menu opens.
    const QList<QAction*> entries = m_contextMenu->actions();
    const qsizetype marks = entries.indexOf(action(Action::OpenStack));
    QAction* before = marks >= 0 && marks + 1 < entries.size() ? entries.at(marks + 1) : nullptr;
    auto* addTo = new QMenu(tr("Add to &Board"), m_contextMenu);
    addTo->menuAction()->setObjectName(QStringLiteral("addToBoardMenu"));
    m_contextMenu->insertMenu(before, addTo);
    auto* removeFrom = new QMenu(tr("Remove from Board"), m_contextMenu);
    removeFrom->menuAction()->setObjectName(QStringLiteral("removeFromBoardMenu"));
    m_contextMenu->insertMenu(before, removeFrom);
    connect(m_contextMenu, &QMenu::aboutToShow, this, [this, addTo, removeFrom] {
        const QList<qint64> ids = m_view->selectedJobIds();
        m_boards->fillBoardMenu(addTo, ids, true);
        m_boards->fillBoardMenu(removeFrom, ids, false);
    });
}

void JobsPane::placeBoardsBesideGallery() {
    auto* area = new QWidget(m_splitter);
    area->setObjectName(QStringLiteral("galleryArea"));
    auto* layout = new QHBoxLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    const int index = m_splitter->indexOf(m_view);
    m_splitter->replaceWidget(index, area);
    m_splitter->setStretchFactor(index, 3); // as the gallery had
    layout->addWidget(m_boards, 0);
    layout->addWidget(m_view, 1);
    m_view->show();
}

} // namespace pixverse
