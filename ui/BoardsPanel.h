#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QMenu;
class QTimer;
class QToolButton;

namespace pixverse {

class JobFilterModel;
class JobLibrary;
class JobListModel;
class JobStore;

//! The boards (issue 18), beside the gallery: "All jobs" and each board with its count. Choosing
//! one filters the gallery (JobFilterModel::setBoard); jobs dragged from the gallery onto a board
//! go on it. New, rename, folder and delete go through the JobStore, membership through
//! JobLibrary::setOnBoard. Collapsible to its title.
class BoardsPanel : public QWidget {
    Q_OBJECT
public:
    //! Asks for a board's name (`current` to edit); empty: cancelled. Default: QInputDialog.
    using NameProvider =
        std::function<QString(QWidget* parent, const QString& title, const QString& current)>;
    //! Asks for a folder; empty: cancelled. Default: QFileDialog.
    using FolderProvider = std::function<QString(QWidget* parent, const QString& current)>;

    //! The store is `filter`'s source's (it follows an account change); `library` changes the
    //! jobs' boards. Both outlive the panel.
    BoardsPanel(JobFilterModel* filter, JobLibrary* library, QWidget* parent = nullptr);

    //! The list: row 0 is "All jobs", then each board by name.
    QListWidget* list() const { return m_list; }
    //! The board chosen; 0: all jobs.
    qint64 currentBoard() const;
    void chooseBoard(qint64 boardId);

    void setCollapsed(bool collapsed);
    bool isCollapsed() const { return m_collapsed; }

    //! Fills `menu` with an entry per board that puts the jobs on it (`on`), or, for `on` false,
    //! one per board some of them are on that takes them off: the gallery's "Add to board ▸" and
    //! "Remove from board ▸". Disabled when there is nothing to offer.
    void fillBoardMenu(QMenu* menu, const QList<qint64>& jobIds, bool on);

    void setNameProvider(NameProvider provider) { m_askName = std::move(provider); }
    void setFolderProvider(FolderProvider provider) { m_askFolder = std::move(provider); }
    //! The next "Delete board" confirmation answers `yes` without showing a dialog (once).
    void setNextDeleteAnswer(bool yes) { m_nextDeleteAnswer = yes; }

public Q_SLOTS:
    void newBoard();
    void renameBoard();
    void setBoardFolder();
    void deleteBoard();
    //! Reads the boards and their counts again.
    void refresh();

Q_SIGNALS:
    //! A board could not be made or changed: a sentence for the status bar.
    void noticeRequested(const QString& text);

private:
    JobStore* store() const;
    //! Asks for a name and adds the board; its id, 0 when cancelled or refused.
    qint64 createBoard();
    void connectStore();
    //! Puts the jobs of a drop on the board under the item.
    bool dropJobs(QListWidgetItem* item, const QByteArray& ids);
    void updateButtons();

    JobFilterModel* m_filter;
    JobLibrary* m_library;
    QPointer<JobStore> m_connectedStore;
    QList<QMetaObject::Connection> m_storeConnections;
    QToolButton* m_toggle = nullptr;
    QWidget* m_body = nullptr;
    QListWidget* m_list = nullptr;
    QToolButton* m_new = nullptr;
    QToolButton* m_manage = nullptr;
    QAction* m_rename = nullptr;
    QAction* m_folder = nullptr;
    QAction* m_delete = nullptr;
    QTimer* m_countsDelay = nullptr;
    bool m_collapsed = false;
    NameProvider m_askName;
    FolderProvider m_askFolder;
    std::optional<bool> m_nextDeleteAnswer;
};

} // namespace pixverse
