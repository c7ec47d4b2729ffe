#include "ui/BoardsPanel.h"

#include "core/jobs/JobFilterModel.h"
#include "core/jobs/JobLibrary.h"
#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSignalBlocker>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace pixverse {

namespace {

constexpr int kBoardIdRole = Qt::UserRole + 1;

QList<qint64> idsFrom(const QByteArray& data) {
    QList<qint64> ids;
    for (const QByteArray& part : data.split(',')) {
        bool ok = false;
        const qint64 id = part.trimmed().toLongLong(&ok);
        if (ok && id > 0)
            ids << id;
    }
    return ids;
}

//! The boards' list: jobs dragged from the gallery (JobListModel::jobIdsMimeType) drop onto a
//! board's row.
class BoardList : public QListWidget {
public:
    using QListWidget::QListWidget;
    std::function<bool(QListWidgetItem*, const QByteArray&)> dropped;

protected:
    bool acceptsAt(const QPoint& position, const QMimeData* mime) const {
        const QListWidgetItem* item = itemAt(position);
        return mime->hasFormat(JobListModel::jobIdsMimeType()) && item &&
               item->data(kBoardIdRole).toLongLong() != 0;
    }
    void dragEnterEvent(QDragEnterEvent* event) override {
        if (event->mimeData()->hasFormat(JobListModel::jobIdsMimeType()))
            event->acceptProposedAction();
        else
            event->ignore();
    }
    void dragMoveEvent(QDragMoveEvent* event) override {
        if (acceptsAt(event->position().toPoint(), event->mimeData())) {
            event->setDropAction(Qt::CopyAction);
            event->accept();
        } else {
            event->ignore();
        }
    }
    void dropEvent(QDropEvent* event) override {
        const QPoint at = event->position().toPoint();
        if (!acceptsAt(at, event->mimeData()) || !dropped ||
            !dropped(itemAt(at), event->mimeData()->data(JobListModel::jobIdsMimeType()))) {
            event->ignore();
            return;
        }
        event->setDropAction(Qt::CopyAction);
        event->accept();
    }
};

} // namespace

BoardsPanel::BoardsPanel(JobFilterModel* filter, JobLibrary* library, QWidget* parent)
    : QWidget(parent)
    , m_filter(filter)
    , m_library(library) {
    setObjectName(QStringLiteral("boardsPanel"));
    m_askName = [](QWidget* parent, const QString& title, const QString& current) {
        return QInputDialog::getText(parent, title, tr("Board name:"), QLineEdit::Normal, current)
            .trimmed();
    };
    m_askFolder = [](QWidget* parent, const QString& current) {
        return QFileDialog::getExistingDirectory(parent, tr("Folder for the Board's Videos"),
                                                 current);
    };

    m_toggle = new QToolButton(this);
    m_toggle->setObjectName(QStringLiteral("boardsToggle"));
    m_toggle->setText(tr("Boards"));
    m_toggle->setToolTip(tr("Show or hide the boards"));
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setArrowType(Qt::DownArrow);
    m_toggle->setAutoRaise(true);
    connect(m_toggle, &QToolButton::clicked, this, [this] { setCollapsed(!m_collapsed); });

    m_body = new QWidget(this);
    auto* list = new BoardList(m_body);
    list->dropped = [this](QListWidgetItem* item, const QByteArray& ids) {
        return dropJobs(item, ids);
    };
    m_list = list;
    m_list->setObjectName(QStringLiteral("boardsList"));
    m_list->setAcceptDrops(true);
    m_list->setDragDropMode(QAbstractItemView::DropOnly);
    m_list->setDropIndicatorShown(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_list->setToolTip(tr("Choose a board to see its jobs; drop jobs on a board to add them"));
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        m_filter->setBoard(currentBoard());
        updateButtons();
    });

    m_new = new QToolButton(m_body);
    m_new->setObjectName(QStringLiteral("newBoardButton"));
    m_new->setText(tr("New board…"));
    m_new->setAutoRaise(true);
    connect(m_new, &QToolButton::clicked, this, &BoardsPanel::newBoard);
    m_rename = new QAction(tr("Rename…"), this);
    m_rename->setObjectName(QStringLiteral("renameBoardAction"));
    connect(m_rename, &QAction::triggered, this, &BoardsPanel::renameBoard);
    m_folder = new QAction(tr("Set folder…"), this);
    m_folder->setObjectName(QStringLiteral("boardFolderAction"));
    connect(m_folder, &QAction::triggered, this, &BoardsPanel::setBoardFolder);
    m_delete = new QAction(tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("deleteBoardAction"));
    connect(m_delete, &QAction::triggered, this, &BoardsPanel::deleteBoard);
    m_list->addActions({m_rename, m_folder, m_delete});
    auto* manage = new QMenu(this);
    manage->addActions({m_rename, m_folder, m_delete});
    m_manage = new QToolButton(m_body);
    m_manage->setObjectName(QStringLiteral("manageBoardButton"));
    m_manage->setText(tr("Board"));
    m_manage->setToolTip(tr("Rename the board, give it a folder, or delete it"));
    m_manage->setMenu(manage);
    m_manage->setPopupMode(QToolButton::InstantPopup);
    m_manage->setAutoRaise(true);

    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_new);
    buttons->addStretch(1);
    buttons->addWidget(m_manage);
    auto* body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(2);
    body->addWidget(m_list, 1);
    body->addLayout(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toggle, 0, Qt::AlignLeft);
    layout->addWidget(m_body, 1);
    setMaximumWidth(180);

    // Counts follow the jobs, once per burst of changes rather than per change.
    m_countsDelay = new QTimer(this);
    m_countsDelay->setSingleShot(true);
    m_countsDelay->setInterval(150);
    connect(m_countsDelay, &QTimer::timeout, this, &BoardsPanel::refresh);
    connect(m_filter, &JobFilterModel::filtersChanged, this, [this] {
        if (m_filter->board() != currentBoard())
            chooseBoard(m_filter->board());
    });
    if (QAbstractItemModel* source = m_filter->sourceModel())
        connect(source, &QAbstractItemModel::modelReset, this, &BoardsPanel::connectStore);
    connectStore();
}

JobStore* BoardsPanel::store() const {
    const auto* list = qobject_cast<const JobListModel*>(m_filter->sourceModel());
    return list ? list->store() : nullptr;
}

void BoardsPanel::connectStore() {
    JobStore* now = store();
    if (now != m_connectedStore) {
        for (const QMetaObject::Connection& connection : std::as_const(m_storeConnections))
            disconnect(connection);
        m_storeConnections.clear();
        m_connectedStore = now;
        if (now) {
            const auto later = [this] { m_countsDelay->start(); };
            m_storeConnections << connect(now, &JobStore::boardsChanged, this,
                                          &BoardsPanel::refresh);
            m_storeConnections << connect(now, &JobStore::jobAdded, this, later);
            m_storeConnections << connect(now, &JobStore::jobChanged, this, later);
            m_storeConnections << connect(now, &JobStore::jobRemoved, this, later);
        }
    }
    refresh();
}

void BoardsPanel::refresh() {
    const qint64 chosen = m_filter->board();
    const JobStore* jobs = store();
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        const int all = m_filter->sourceModel() ? m_filter->sourceModel()->rowCount() : 0;
        auto* everything = new QListWidgetItem(tr("All jobs (%1)").arg(all), m_list);
        everything->setData(kBoardIdRole, qint64(0));
        if (jobs) {
            for (const Board& board : jobs->boards()) {
                auto* item = new QListWidgetItem(
                    tr("%1 (%2)").arg(board.name).arg(jobs->boardJobCount(board.id)), m_list);
                item->setData(kBoardIdRole, board.id);
                item->setToolTip(
                    board.folder.isEmpty()
                        ? board.name
                        : tr("%1\nVideos are also saved in %2").arg(board.name, board.folder));
            }
        }
    }
    chooseBoard(chosen);
    if (currentBoard() != chosen) // the board was deleted: every job again
        m_filter->setBoard(0);
    updateButtons();
}

qint64 BoardsPanel::currentBoard() const {
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(kBoardIdRole).toLongLong() : 0;
}

void BoardsPanel::chooseBoard(qint64 boardId) {
    int row = 0;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(kBoardIdRole).toLongLong() == boardId)
            row = i;
    }
    const QSignalBlocker blocker(m_list);
    m_list->setCurrentRow(row);
    updateButtons();
}

void BoardsPanel::setCollapsed(bool collapsed) {
    m_collapsed = collapsed;
    m_body->setVisible(!collapsed);
    m_toggle->setArrowType(collapsed ? Qt::RightArrow : Qt::DownArrow);
}

void BoardsPanel::updateButtons() {
    const bool board = currentBoard() != 0;
    m_rename->setEnabled(board);
    m_folder->setEnabled(board);
    m_delete->setEnabled(board);
    m_manage->setEnabled(board);
    m_new->setEnabled(store() != nullptr);
}

qint64 BoardsPanel::createBoard() {
    JobStore* jobs = store();
    if (!jobs)
        return 0;
    const QString name = m_askName(this, tr("New Board"), {});
    if (name.isEmpty())
        return 0;
    const Result<Board> added = jobs->addBoard(name);
    if (!added.ok()) {
        Q_EMIT noticeRequested(added.error.userMessage());
        return 0;
    }
    return added.value->id;
}

void BoardsPanel::newBoard() {
    if (const qint64 boardId = createBoard(); boardId != 0) {
        refresh();
        chooseBoard(boardId);
        m_filter->setBoard(boardId);
    }
}

void BoardsPanel::renameBoard() {
    JobStore* jobs = store();
    std::optional<Board> board = jobs ? jobs->board(currentBoard()) : std::nullopt;
    if (!board)
        return;
    const QString name = m_askName(this, tr("Rename Board"), board->name);
    if (name.isEmpty() || name == board->name)
        return;
    board->name = name;
    if (const Result<Board> changed = jobs->updateBoard(*board); !changed.ok())
        Q_EMIT noticeRequested(changed.error.userMessage());
}

void BoardsPanel::setBoardFolder() {
    JobStore* jobs = store();
    std::optional<Board> board = jobs ? jobs->board(currentBoard()) : std::nullopt;
    if (!board)
        return;
    const QString folder = m_askFolder(this, board->folder);
    if (folder.isEmpty())
        return;
    if (const Result<Board> changed = m_library->setBoardFolder(board->id, folder); !changed.ok())
        Q_EMIT noticeRequested(changed.error.userMessage());
}

void BoardsPanel::deleteBoard() {
    JobStore* jobs = store();
    const std::optional<Board> board = jobs ? jobs->board(currentBoard()) : std::nullopt;
    if (!board)
        return;
    bool yes = false;
    if (m_nextDeleteAnswer) {
        yes = *std::exchange(m_nextDeleteAnswer, std::nullopt);
    } else {
        const int count = jobs->boardJobCount(board->id);
        yes = QMessageBox::question(
                  this, tr("Delete Board"),
                  tr("Delete the board “%1”? Its %n job(s) stay in the library.", nullptr, count)
                      .arg(board->name)) == QMessageBox::Yes;
    }
    if (yes)
        jobs->removeBoard(board->id);
}

bool BoardsPanel::dropJobs(QListWidgetItem* item, const QByteArray& ids) {
    const qint64 boardId = item ? item->data(kBoardIdRole).toLongLong() : 0;
    const QList<qint64> jobIds = idsFrom(ids);
    if (boardId == 0 || jobIds.isEmpty() || !store())
        return false;
    m_library->setOnBoard(jobIds, boardId, true);
    m_countsDelay->start();
    return true;
}

void BoardsPanel::fillBoardMenu(QMenu* menu, const QList<qint64>& jobIds, bool on) {
    menu->clear();
    const JobStore* jobs = store();
    if (jobs) {
        for (const Board& board : jobs->boards()) {
            // "Remove from" offers only the boards some of the jobs are on.
            const bool onIt = std::any_of(jobIds.cbegin(), jobIds.cend(), [&](qint64 id) {
                const std::optional<Job> job = jobs->job(id);
                return job && job->boards.contains(board.id);
            });
            if (!on && !onIt)
                continue;
            const qint64 boardId = board.id;
            menu->addAction(board.name, this, [this, jobIds, boardId, on] {
                m_library->setOnBoard(jobIds, boardId, on);
                m_countsDelay->start();
            });
        }
    }
    if (on) {
        menu->addSeparator();
        menu->addAction(tr("New board…"), this, [this, jobIds] {
            if (const qint64 boardId = createBoard(); boardId != 0) {
                m_library->setOnBoard(jobIds, boardId, true);
                m_countsDelay->start();
            }
        });
    }
    menu->menuAction()->setEnabled(!menu->isEmpty() && !jobIds.isEmpty());
}

} // namespace pixverse
