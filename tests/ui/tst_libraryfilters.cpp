// Issue 18, the gallery's filter bar and boards panel, driven as a creator would: typing into the
// search, the second row's criteria, "Clear filters", boards made, chosen, dropped onto, renamed
// and deleted, and the card menu's board entries. Real store in a temporary folder, real widgets.
#include "core/jobs/JobFilterModel.h"
#include "core/jobs/JobLibrary.h"
#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"
#include "tests/core/jobs/JobTestFixture.h"
#include "ui/BoardsPanel.h"
#include "ui/JobGalleryView.h"
#include "ui/JobsPane.h"
#include "ui/LibraryFilterBar.h"
#include "ui/ThumbnailMaker.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace pixverse;
using namespace pixverse::test;

namespace {

template <typename T> T* child(const QObject* parent, const char* name) {
    T* found = parent->findChild<T*>(QString::fromLatin1(name));
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), name);
    return found;
}

} // namespace

class TestLibraryFilters : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup() {
        m_pane.reset();
        m_store.reset();
    }
    void typingSearchesAndEscClears();
    void theSecondRowFilters();
    void boardsAreMadeChosenAndRenamed();
    void jobsDropOntoABoard();
    void theCardMenuAddsAndRemoves();

private:
    qint64 add(const QString& prompt, int minutesAgo);
    QList<qint64> shownIds() const {
        QList<qint64> ids;
        for (int row = 0; row < m_pane->filterModel()->rowCount(); ++row)
            ids << m_pane->filterModel()->jobId(row);
        return ids;
    }
    QListWidgetItem* boardItem(const QString& name) const {
        QListWidget* list = m_pane->boardsPanel()->list();
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->text().startsWith(name + QStringLiteral(" (")))
                return list->item(i);
        }
        return nullptr;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<JobsPane> m_pane;
    qint64 m_storm = 0, m_harbour = 0, m_cat = 0;
};

qint64 TestLibraryFilters::add(const QString& prompt, int minutesAgo) {
    Job job;
    job.request = JobTestBed::request(prompt);
    job.state = JobState::Done;
    job.createdAt = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
    const Result<Job> added = m_store->add(job);
    return added.ok() ? added.value->id : 0;
}

void TestLibraryFilters::init() {
    m_store = std::make_unique<JobStore>();
    QVERIFY(m_store->open(m_dir.filePath(
        QStringLiteral("data-%1").arg(QLatin1String(QTest::currentTestFunction())))));
    m_storm = add(QStringLiteral("A lighthouse in a storm"), 30);
    m_harbour = add(QStringLiteral("Harbour at dawn after the storm"), 20);
    m_cat = add(QStringLiteral("A cat on a windowsill"), 10);
    QVERIFY(m_storm && m_harbour && m_cat);
    m_pane = std::make_unique<JobsPane>(m_store.get(), nullptr);
    m_pane->thumbnailMaker()->setOutputDir(m_dir.filePath(QStringLiteral("thumbnails")));
    m_pane->resize(900, 700);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
}

void TestLibraryFilters::typingSearchesAndEscClears() {
    auto* search = child<QLineEdit>(m_pane.get(), "jobSearchEdit");
    auto* count = child<QLabel>(m_pane.get(), "filterCountLabel");
    auto* clear = child<QToolButton>(m_pane.get(), "clearFiltersButton");
    QVERIFY(search && count && clear);
    QVERIFY(!count->isVisible());
    QVERIFY(!clear->isVisible());

    QTest::keyClicks(search, QStringLiteral("sto"));
    // At once, without a pause in the typing.
    QCOMPARE(shownIds(), (QList<qint64>{m_harbour, m_storm}));
    QVERIFY(count->isVisible());
    QCOMPARE(count->text(), QStringLiteral("2 of 3"));
    QVERIFY(clear->isVisible());
    QTest::keyClicks(search, QStringLiteral("rm light"));
    QCOMPARE(shownIds(), (QList<qint64>{m_storm}));
    QCOMPARE(count->text(), QStringLiteral("1 of 3"));

    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(search->text(), QString());
    QCOMPARE(m_pane->filterModel()->rowCount(), 3);
    QVERIFY(!count->isVisible());

    // "Clear filters" clears the search, the state and the favourites button too.
    QTest::keyClicks(search, QStringLiteral("cat"));
    auto* favourites = child<QToolButton>(m_pane.get(), "favouritesOnlyButton");
    favourites->click();
    QCOMPARE(m_pane->filterModel()->rowCount(), 0);
    QCOMPARE(m_pane->view()->placeholderText(), QStringLiteral("No job matches the filter."));
    clear->click();
    QCOMPARE(search->text(), QString());
    QVERIFY(!favourites->isChecked());
    QCOMPARE(m_pane->filterModel()->rowCount(), 3);
    QVERIFY(!clear->isVisible());
}

void TestLibraryFilters::theSecondRowFilters() {
    QVERIFY(m_store->modify(m_storm, [](Job& job) {
        job.rating = 4;
        job.tags = {QStringLiteral("sea"), QStringLiteral("night")};
    }));
    QVERIFY(m_store->modify(m_harbour, [](Job& job) {
        job.rating = 2;
        job.rejected = true;
        job.tags = {QStringLiteral("sea")};
    }));
    QVERIFY(m_store->modify(m_cat, [](Job& job) { job.createdAt = job.createdAt.addDays(-3); }));
    auto* more = child<QToolButton>(m_pane.get(), "moreFiltersButton");
    auto* rating = child<QComboBox>(m_pane.get(), "ratingFilterCombo");
    auto* tag = child<QComboBox>(m_pane.get(), "tagFilterCombo");
    auto* from = child<QDateEdit>(m_pane.get(), "fromDateEdit");
    QVERIFY(more && rating && tag && from);
    QVERIFY(!rating->isVisible());
    more->click();
    QVERIFY(rating->isVisible());
    QVERIFY(m_pane->filterBar()->moreFiltersShown());

    // The keyboard walks the rating list: ★1+, then ★2+ ...
    rating->setFocus();
    QTest::keyClick(rating, Qt::Key_Down);
    QCOMPARE(rating->currentText(), QStringLiteral("★+"));
    QCOMPARE(m_pane->filterModel()->minRating(), 1);
    QCOMPARE(shownIds(), (QList<qint64>{m_harbour, m_storm}));
    QTest::keyClick(rating, Qt::Key_Down);
    QTest::keyClick(rating, Qt::Key_Down);
    QCOMPARE(m_pane->filterModel()->minRating(), 3);
    QCOMPARE(shownIds(), (QList<qint64>{m_storm}));
    rating->setCurrentIndex(rating->findText(QStringLiteral("Hide rejected")));
    Q_EMIT rating->activated(rating->currentIndex());
    QCOMPARE(m_pane->filterModel()->minRating(), 0);
    QCOMPARE(shownIds(), (QList<qint64>{m_storm, m_cat}));
    rating->setCurrentIndex(0);
    Q_EMIT rating->activated(0);
    QCOMPARE(m_pane->filterModel()->rowCount(), 3);

    // Tags: completion offers the store's tags, most used first; Enter applies the typed one.
    QCOMPARE(tag->count(), 2); // read when the row opened
    QCOMPARE(tag->itemText(0), QStringLiteral("sea"));
    QCOMPARE(tag->itemText(1), QStringLiteral("night"));
    QTest::keyClicks(tag->lineEdit(), QStringLiteral("NIGHT"));
    QTest::keyClick(tag->lineEdit(), Qt::Key_Return);
    QCOMPARE(m_pane->filterModel()->tag().toLower(), QStringLiteral("night"));
    QCOMPARE(shownIds(), (QList<qint64>{m_storm}));
    QCOMPARE(more->text(), QStringLiteral("Filters (1)"));
    tag->lineEdit()->clear();
    QCOMPARE(m_pane->filterModel()->rowCount(), 3);

    // Days: from two days ago leaves the cat (made three days ago) out.
    from->setDate(QDate::currentDate().addDays(-2));
    QCOMPARE(shownIds(), (QList<qint64>{m_harbour, m_storm}));
    QCOMPARE(child<QLabel>(m_pane.get(), "filterCountLabel")->text(), QStringLiteral("2 of 3"));
    child<QToolButton>(m_pane.get(), "clearFiltersButton")->click();
    QCOMPARE(from->date(), LibraryFilterBar::anyDay());
    QCOMPARE(from->text(), QStringLiteral("Any day"));
    QCOMPARE(m_pane->filterModel()->rowCount(), 3);
    QCOMPARE(more->text(), QStringLiteral("Filters"));
}

void TestLibraryFilters::boardsAreMadeChosenAndRenamed() {
    BoardsPanel* panel = m_pane->boardsPanel();
    QListWidget* list = panel->list();
    QCOMPARE(list->count(), 1);
    QCOMPARE(list->item(0)->text(), QStringLiteral("All jobs (3)"));
    QStringList answers{QStringLiteral("Coast"), QStringLiteral("Pets")};
    panel->setNameProvider([&answers](QWidget*, const QString&, const QString&) {
        return answers.isEmpty() ? QString() : answers.takeFirst();
    });
    auto* add = child<QToolButton>(panel, "newBoardButton");
    add->click();
    add->click();
    QCOMPARE(list->count(), 3);
    QVERIFY(boardItem(QStringLiteral("Coast")) && boardItem(QStringLiteral("Pets")));
    // The new board is chosen: an empty gallery until jobs go on it.
    QCOMPARE(m_pane->filterModel()->board(), m_store->boards().at(1).id);
    QCOMPARE(m_pane->filterModel()->rowCount(), 0);

    const qint64 coast = m_store->boards().at(0).id;
    QVERIFY(m_store->modify(m_storm, [coast](Job& job) { job.boards = {coast}; }));
    QVERIFY(m_store->modify(m_harbour, [coast](Job& job) { job.boards = {coast}; }));
    QTRY_COMPARE(boardItem(QStringLiteral("Coast"))->text(), QStringLiteral("Coast (2)"));
    list->setCurrentItem(boardItem(QStringLiteral("Coast")));
    QCOMPARE(m_pane->filterModel()->board(), coast);
    QCOMPARE(shownIds(), (QList<qint64>{m_harbour, m_storm}));
    // Clearing the filters chooses "All jobs" again.
    child<QToolButton>(m_pane.get(), "clearFiltersButton")->click();
    QCOMPARE(list->currentRow(), 0);
    QCOMPARE(m_pane->filterModel()->rowCount(), 3);

    list->setCurrentItem(boardItem(QStringLiteral("Coast")));
    answers = {QStringLiteral("Seaside")};
    panel->findChild<QAction*>(QStringLiteral("renameBoardAction"))->trigger();
    QCOMPARE(m_store->board(coast)->name, QStringLiteral("Seaside"));
    QVERIFY(boardItem(QStringLiteral("Seaside")));
    QCOMPARE(list->currentItem(), boardItem(QStringLiteral("Seaside"))); // still chosen
    panel->setFolderProvider(
        [this](QWidget*, const QString&) { return m_dir.filePath(QStringLiteral("seaside")); });
    panel->findChild<QAction*>(QStringLiteral("boardFolderAction"))->trigger();
    QCOMPARE(m_store->board(coast)->folder, m_dir.filePath(QStringLiteral("seaside")));

    // Delete asks; no: the board stays. Yes: it goes, its jobs stay, every job shows.
    panel->setNextDeleteAnswer(false);
    panel->findChild<QAction*>(QStringLiteral("deleteBoardAction"))->trigger();
    QVERIFY(m_store->board(coast));
    panel->setNextDeleteAnswer(true);
    panel->findChild<QAction*>(QStringLiteral("deleteBoardAction"))->trigger();
    QVERIFY(!m_store->board(coast));
    QCOMPARE(list->count(), 2);
    QCOMPARE(m_pane->filterModel()->board(), 0);
    QCOMPARE(m_pane->filterModel()->rowCount(), 3);
    QVERIFY(m_store->job(m_storm));

    auto* toggle = child<QToolButton>(panel, "boardsToggle");
    toggle->click();
    QVERIFY(panel->isCollapsed());
    QVERIFY(!list->isVisible());
    toggle->click();
    QVERIFY(list->isVisible());
}

void TestLibraryFilters::jobsDropOntoABoard() {
    const Result<Board> board = m_store->addBoard(QStringLiteral("Keepers"));
    QVERIFY(board.ok());
    QListWidget* list = m_pane->boardsPanel()->list();
    QTRY_VERIFY(boardItem(QStringLiteral("Keepers")));
    QListWidgetItem* item = boardItem(QStringLiteral("Keepers"));
    QCOMPARE(item->text(), QStringLiteral("Keepers (0)"));

    // What the gallery drags: the model's mime data of the selected cards.
    JobFilterModel* filter = m_pane->filterModel();
    const QModelIndex storm = filter->mapFromSource(m_pane->model()->indexOf(m_storm));
    const QModelIndex cat = filter->mapFromSource(m_pane->model()->indexOf(m_cat));
    std::unique_ptr<QMimeData> mime(filter->mimeData({storm, cat}));
    QVERIFY(mime->hasFormat(JobListModel::jobIdsMimeType()));
    const QPoint at = list->visualItemRect(item).center();
    QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(list->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(list->viewport(), &move);
    QVERIFY(move.isAccepted());
    // Not onto "All jobs": that is no board.
    QDragMoveEvent ontoAll(list->visualItemRect(list->item(0)).center(), Qt::CopyAction, mime.get(),
                           Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(list->viewport(), &ontoAll);
    QVERIFY(!ontoAll.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(list->viewport(), &drop);
    QVERIFY(drop.isAccepted());

    QCOMPARE(m_store->job(m_storm)->boards, (QList<qint64>{board.value->id}));
    QCOMPARE(m_store->job(m_cat)->boards, (QList<qint64>{board.value->id}));
    QVERIFY(m_store->job(m_harbour)->boards.isEmpty());
    QTRY_COMPARE(boardItem(QStringLiteral("Keepers"))->text(), QStringLiteral("Keepers (2)"));
    list->setCurrentItem(boardItem(QStringLiteral("Keepers")));
    QCOMPARE(shownIds(), (QList<qint64>{m_cat, m_storm}));
}

void TestLibraryFilters::theCardMenuAddsAndRemoves() {
    const Result<Board> a = m_store->addBoard(QStringLiteral("Alpha"));
    const Result<Board> b = m_store->addBoard(QStringLiteral("Beta"));
    QVERIFY(a.ok() && b.ok());
    // An empty board says how to fill it.
    m_pane->filterModel()->setBoard(a.value->id);
    QCOMPARE(m_pane->filterModel()->rowCount(), 0);
    QVERIFY(m_pane->view()->placeholderText().contains(QStringLiteral("Add to Board")));
    m_pane->filterModel()->setBoard(0);
    QVERIFY(m_pane->view()->selectJob(m_harbour));
    QMenu* menu = m_pane->contextMenu();
    QAction* addTo = nullptr;
    QAction* removeFrom = nullptr;
    for (QAction* action : menu->actions()) {
        if (action->objectName() == QLatin1String("addToBoardMenu"))
            addTo = action;
        if (action->objectName() == QLatin1String("removeFromBoardMenu"))
            removeFrom = action;
    }
    QVERIFY(addTo && removeFrom);
    QCOMPARE(addTo->text(), QStringLiteral("Add to &Board"));
    // With the other marks, right after "Open Stack".
    const QList<QAction*> entries = menu->actions();
    QCOMPARE(entries.indexOf(addTo),
             entries.indexOf(m_pane->action(JobsPane::Action::OpenStack)) + 1);
    Q_EMIT menu->aboutToShow(); // as when it opens
    QStringList offered;
    for (QAction* action : addTo->menu()->actions())
        offered << action->text();
    QCOMPARE(offered, (QStringList{QStringLiteral("Alpha"), QStringLiteral("Beta"), QString(),
                                   QStringLiteral("New board…")}));
    QVERIFY(!removeFrom->isEnabled()); // on no board yet
    addTo->menu()->actions().at(1)->trigger();
    QCOMPARE(m_store->job(m_harbour)->boards, (QList<qint64>{b.value->id}));

    Q_EMIT menu->aboutToShow();
    QVERIFY(removeFrom->isEnabled());
    QCOMPARE(removeFrom->menu()->actions().size(), 1);
    QCOMPARE(removeFrom->menu()->actions().first()->text(), QStringLiteral("Beta"));
    removeFrom->menu()->actions().first()->trigger();
    QVERIFY(m_store->job(m_harbour)->boards.isEmpty());

    // "New board…" from the menu makes the board and puts the job on it.
    m_pane->boardsPanel()->setNameProvider(
        [](QWidget*, const QString&, const QString&) { return QStringLiteral("Gamma"); });
    Q_EMIT menu->aboutToShow();
    addTo->menu()->actions().last()->trigger();
    const QList<Board> boards = m_store->boards();
    QCOMPARE(boards.size(), 3);
    QCOMPARE(boards.at(2).name, QStringLiteral("Gamma"));
    QCOMPARE(m_store->job(m_harbour)->boards, (QList<qint64>{boards.at(2).id}));
}

QTEST_MAIN(TestLibraryFilters)
#include "tst_libraryfilters.moc"
