// Issue 18 in the gallery: keys 1–5/0, X and P mark the selected jobs through JobLibrary; T opens
// the tag editor (comma-separated, completing from the library's tags) on the selection; a stack
// of takes paints its "×4" and opens with Enter or a double-click, closes with Esc or its banner;
// each cleanup asks with the right count and moves exactly the right files to the trash.
// Real SQLite store, real widgets, real files in the temporary HOME's trash.
#include "core/jobs/JobFilterModel.h"
#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"
#include "tests/core/jobs/JobTestFixture.h"
#include "tests/support/TestSupport.h"
#include "ui/JobCardDelegate.h"
#include "ui/JobGalleryView.h"
#include "ui/JobsPane.h"
#include "ui/TagEditor.h"
#include "ui/ThumbnailMaker.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCompleter>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace pixverse;
using namespace pixverse::test;

class TestGalleryMarks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        // A desktop has its data folder; the trash (QFile::moveToTrash) is made inside it.
        QVERIFY(
            QDir().mkpath(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)));
    }
    void init();
    void cleanup() {
        m_pane.reset();
        m_store.reset();
    }
    void keysSetRatingRejectAndPick();
    void theMarksSurviveARestart();
    void theTagEditorTagsTheSelection();
    void aStackPaintsItsBadgeAndOpens();
    void removeRejectedAsksAndTrashes();
    void removeAllButPickedAndStarred();

private:
    //! A finished job with a real file in the library (under HOME: the trash is on its disk).
    qint64 addDone(const QString& prompt, const std::function<void(Job&)>& marks = {});
    QList<qint64> addTakes(const QString& prompt, int n);
    QModelIndex shown(qint64 id) const {
        return m_pane->filterModel()->mapFromSource(m_pane->model()->indexOf(id));
    }
    void focusGallery();
    //! A name no earlier run left in the trash.
    QString unique() const { return QFileInfo(m_dir->path()).fileName(); }
    static QString trashed(const QString& path) {
        return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
            .filePath(QStringLiteral("Trash/files/") + QFileInfo(path).fileName());
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<JobsPane> m_pane;
    int m_made = 0;
};

qint64 TestGalleryMarks::addDone(const QString& prompt, const std::function<void(Job&)>& marks) {
    Job job;
    job.request = JobTestBed::request(prompt);
    job.state = JobState::Done;
    job.videoId = 8000 + (++m_made);
    job.createdAt = QDateTime::currentDateTimeUtc().addSecs(-600 + 10 * m_made);
    job.videoPath =
        m_dir->filePath(QStringLiteral("library/%1-video-%2.mp4").arg(unique()).arg(m_made));
    QFile file(job.videoPath);
    if (!file.open(QIODevice::WriteOnly) || file.write("not really a video") <= 0)
        return 0;
    file.close();
    if (marks)
        marks(job);
    const Result<Job> added = m_store->add(job);
    return added.ok() ? added.value->id : 0;
}

QList<qint64> TestGalleryMarks::addTakes(const QString& prompt, int n) {
    QList<Job> takes;
    for (int i = 0; i < n; ++i) {
        Job job;
        job.request = JobTestBed::request(prompt);
        job.state = JobState::Done;
        job.videoId = 9000 + (++m_made);
        job.createdAt = QDateTime::currentDateTimeUtc().addSecs(-300 + m_made);
        job.videoPath =
            m_dir->filePath(QStringLiteral("library/%1-take-%2.mp4").arg(unique()).arg(m_made));
        QFile file(job.videoPath);
        if (!file.open(QIODevice::WriteOnly) || file.write("take") <= 0)
            return {};
        takes << job;
    }
    const Result<QList<Job>> added = m_store->addGroup(takes);
    QList<qint64> ids;
    if (added.ok()) {
        for (const Job& job : *added.value)
            ids << job.id;
    }
    return ids;
}

void TestGalleryMarks::init() {
    // Under HOME, on the disk of XDG_DATA_HOME/Trash, so QFile::moveToTrash uses that trash.
    m_dir = std::make_unique<QTemporaryDir>(QDir::home().filePath(QStringLiteral("marks-XXXXXX")));
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("library"))));
    m_store = std::make_unique<JobStore>();
    QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("data"))));
    m_pane = std::make_unique<JobsPane>(m_store.get(), nullptr);
    m_pane->thumbnailMaker()->setOutputDir(m_dir->filePath(QStringLiteral("thumbnails")));
    m_pane->resize(1000, 760);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
}

void TestGalleryMarks::focusGallery() {
    m_pane->view()->setFocus();
    m_pane->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_pane.get()));
}

void TestGalleryMarks::keysSetRatingRejectAndPick() {
    const qint64 a = addDone(QStringLiteral("A lighthouse in a storm"));
    const qint64 b = addDone(QStringLiteral("A cat on a windowsill"));
    const QList<qint64> takes = addTakes(QStringLiteral("Paper boats in a gutter"), 3);
    QVERIFY(a && b && takes.size() == 3);
    JobGalleryView* view = m_pane->view();
    QVERIFY(view->selectJob(a));
    focusGallery();

    QTest::keyClick(view, Qt::Key_3);
    QCOMPARE(m_store->job(a)->rating, 3);
    QCOMPARE(shown(a).data(JobListModel::RatingRole).toInt(), 3);
    QCOMPARE(JobCardDelegate::cardTexts(shown(a)).rating, 3);
    QVERIFY(m_pane->action(JobsPane::Action::Rate3)->isChecked());
    // The same key again takes the stars away; another key changes them; 0 clears.
    QTest::keyClick(view, Qt::Key_3);
    QCOMPARE(m_store->job(a)->rating, 0);
    QTest::keyClick(view, Qt::Key_5);
    QCOMPARE(m_store->job(a)->rating, 5);
    QTest::keyClick(view, Qt::Key_2);
    QCOMPARE(m_store->job(a)->rating, 2);
    QTest::keyClick(view, Qt::Key_0);
    QCOMPARE(m_store->job(a)->rating, 0);
    QCOMPARE(m_store->job(b)->rating, 0); // not selected

    // X toggles the reject of the whole selection.
    view->selectionModel()->select(shown(b), QItemSelectionModel::Select);
    QCOMPARE(view->selectedJobIds().size(), 2);
    QTest::keyClick(view, Qt::Key_X);
    QVERIFY(m_store->job(a)->rejected && m_store->job(b)->rejected);
    QVERIFY(JobCardDelegate::cardTexts(shown(b)).rejected);
    QTest::keyClick(view, Qt::Key_4);
    QCOMPARE(m_store->job(a)->rating, 4);
    QCOMPARE(m_store->job(b)->rating, 4);
    QTest::keyClick(view, Qt::Key_X);
    QVERIFY(!m_store->job(a)->rejected && !m_store->job(b)->rejected);

    // P picks the current take.
    m_pane->openStack(takes.first());
    QCOMPARE(m_pane->openStackShown(), takes.first());
    QVERIFY(view->selectJob(takes.at(1)));
    QTest::keyClick(view, Qt::Key_P);
    QVERIFY(m_store->job(takes.at(1))->picked);
    QVERIFY(!m_store->job(takes.at(0))->picked);
    QVERIFY(JobCardDelegate::cardTexts(shown(takes.at(1))).picked);
    QVERIFY(m_pane->action(JobsPane::Action::Pick)->isChecked());

    // The same through the context menu's actions, which the Jobs menu shares (on a job of
    // the whole gallery: the stack closed again).
    m_pane->closeStack();
    QVERIFY(view->selectJob(b));
    m_pane->action(JobsPane::Action::Rate1)->trigger();
    QCOMPARE(m_store->job(b)->rating, 1);
    m_pane->action(JobsPane::Action::Reject)->trigger();
    QVERIFY(m_store->job(b)->rejected);
    QVERIFY(m_pane->contextMenu()->actions().contains(m_pane->action(JobsPane::Action::Reject)));
}

void TestGalleryMarks::theMarksSurviveARestart() {
    const qint64 a = addDone(QStringLiteral("A lighthouse in a storm"));
    const QList<qint64> takes = addTakes(QStringLiteral("Paper boats in a gutter"), 2);
    QVERIFY(a && takes.size() == 2);
    JobGalleryView* view = m_pane->view();
    QVERIFY(view->selectJob(a));
    focusGallery();
    QTest::keyClick(view, Qt::Key_4);
    QTest::keyClick(view, Qt::Key_X);
    m_pane->openStack(takes.first());
    QVERIFY(view->selectJob(takes.at(1)));
    QTest::keyClick(view, Qt::Key_P);
    QVERIFY(m_store->job(takes.at(1))->picked);

    // The app restarts: a new store on the same file.
    m_pane->setJobs(nullptr, nullptr);
    m_store = std::make_unique<JobStore>();
    QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("data"))));
    QCOMPARE(m_store->job(a)->rating, 4);
    QVERIFY(m_store->job(a)->rejected);
    QVERIFY(m_store->job(takes.at(1))->picked);
    QVERIFY(!m_store->job(takes.at(0))->picked);
    QCOMPARE(m_store->job(takes.at(1))->groupId, takes.first());
    m_pane->setJobs(m_store.get(), nullptr);
    const JobCardDelegate::CardTexts texts = JobCardDelegate::cardTexts(shown(a));
    QCOMPARE(texts.rating, 4);
    QVERIFY(texts.rejected);
    QCOMPARE(JobCardDelegate::stackSize(shown(takes.at(1))), 2);
}

void TestGalleryMarks::theTagEditorTagsTheSelection() {
    const qint64 a = addDone(QStringLiteral("A lighthouse in a storm"),
                             [](Job& job) { job.tags = {QStringLiteral("sunset")}; });
    const qint64 b = addDone(QStringLiteral("Storm over the sea"),
                             [](Job& job) { job.tags = {QStringLiteral("storm")}; });
    const qint64 c = addDone(QStringLiteral("A cat on a windowsill"));
    const qint64 other = addDone(QStringLiteral("Not selected"),
                                 [](Job& job) { job.tags = {QStringLiteral("stormy sky")}; });
    QVERIFY(a && b && c && other);
    JobGalleryView* view = m_pane->view();
    QVERIFY(view->selectJob(a));
    view->selectionModel()->select(shown(b), QItemSelectionModel::Select);
    view->selectionModel()->select(shown(c), QItemSelectionModel::Select);
    QCOMPARE(view->selectedJobIds().size(), 3);
    focusGallery();
    QTest::keyClick(view, Qt::Key_T);
    TagEditor* editor = nullptr;
    QTRY_VERIFY((editor = m_pane->findChild<TagEditor*>()) && editor->isVisible());
    // The window system gives it the keyboard (the offscreen platform needs asking).
    QApplication::setActiveWindow(editor);
    QVERIFY(QTest::qWaitForWindowActive(editor));
    QTRY_COMPARE(QApplication::focusWidget(), editor->edit());
    // No tag is on all three: the line starts empty.
    QCOMPARE(editor->edit()->text(), QString());

    // The tag being typed (after the comma) completes from the library's tags.
    QTest::keyClicks(editor->edit(), QStringLiteral("night, sto"));
    QTRY_VERIFY(editor->completer()->popup()->isVisible());
    QCOMPARE(editor->completer()->completionPrefix(), QStringLiteral("night, sto"));
    QStringList offered;
    for (int i = 0; editor->completer()->setCurrentRow(i); ++i)
        offered << editor->completer()->currentCompletion();
    offered.sort();
    // Choosing one keeps the tags before it.
    QCOMPARE(offered,
             (QStringList{QStringLiteral("night, storm"), QStringLiteral("night, stormy sky")}));
    editor->completer()->popup()->hide();
    editor->edit()->setText(QStringLiteral("night, Storm, night,"));
    QCOMPARE(editor->tags(), (QStringList{QStringLiteral("night"), QStringLiteral("Storm")}));
    QTest::keyClick(editor->edit(), Qt::Key_Return);
    QTRY_VERIFY(!m_pane->findChild<TagEditor*>());

    // Every selected job has both; what only some had stays.
    QCOMPARE(m_store->job(a)->tags, (QStringList{QStringLiteral("sunset"), QStringLiteral("night"),
                                                 QStringLiteral("Storm")}));
    QCOMPARE(m_store->job(b)->tags,
             (QStringList{QStringLiteral("storm"), QStringLiteral("night")}));
    QCOMPARE(m_store->job(c)->tags,
             (QStringList{QStringLiteral("night"), QStringLiteral("Storm")}));
    QCOMPARE(m_store->job(other)->tags, QStringList{QStringLiteral("stormy sky")});
    QCOMPARE(JobCardDelegate::cardTexts(shown(c)).tags, QStringLiteral("#night  #Storm"));

    // Taking a shared tag away takes it off every selected job.
    QVERIFY(view->selectJob(b));
    view->selectionModel()->select(shown(c), QItemSelectionModel::Select);
    m_pane->action(JobsPane::Action::EditTags)->trigger();
    QTRY_VERIFY((editor = m_pane->findChild<TagEditor*>()) && editor->isVisible());
    QCOMPARE(editor->tags().size(), 2); // night and storm, in either spelling
    editor->edit()->setText(QStringLiteral("night"));
    editor->accept();
    QTRY_VERIFY(!m_pane->findChild<TagEditor*>());
    QCOMPARE(m_store->job(b)->tags, QStringList{QStringLiteral("night")});
    QCOMPARE(m_store->job(c)->tags, QStringList{QStringLiteral("night")});
    QCOMPARE(m_store->job(a)->tags.size(), 3);
}

void TestGalleryMarks::aStackPaintsItsBadgeAndOpens() {
    const qint64 lone = addDone(QStringLiteral("A cat on a windowsill"));
    const QList<qint64> takes =
        addTakes(QStringLiteral("A lighthouse in a storm at night, waves crash"), 4);
    QVERIFY(lone && takes.size() == 4);
    JobFilterModel* filter = m_pane->filterModel();
    QVERIFY(filter->isStacked());
    const QModelIndex stack = shown(takes.first());
    QVERIFY(stack.isValid());
    QCOMPARE(JobCardDelegate::stackSize(stack), 4);
    const JobCardDelegate::CardTexts texts = JobCardDelegate::cardTexts(stack);
    QCOMPARE(texts.stack, 4);
    QCOMPARE(texts.stackBadge, QStringLiteral("×4"));
    QCOMPARE(JobCardDelegate::cardTexts(shown(lone)).stack, 1);
    QVERIFY(m_pane->view()->selectJob(lone));
    QVERIFY(!m_pane->action(JobsPane::Action::OpenStack)->isEnabled());

    // The badge is painted: the stack's indigo on its card, not on the lone job's.
    JobGalleryView* view = m_pane->view();
    auto indigoIn = [view](const QModelIndex& index) {
        const QImage shot = view->viewport()->grab().toImage();
        const qreal scale = shot.devicePixelRatio();
        const QRect card = view->visualRect(index);
        int n = 0;
        for (int y = qRound(card.top() * scale); y < qRound(card.bottom() * scale); ++y) {
            for (int x = qRound(card.left() * scale); x < qRound(card.right() * scale); ++x) {
                const QColor c = shot.pixelColor(x, y);
                n += std::abs(c.red() - 0x43) < 12 && std::abs(c.green() - 0x38) < 12 &&
                     std::abs(c.blue() - 0xca) < 12;
            }
        }
        return n;
    };
    QTRY_VERIFY2(indigoIn(stack) > 40, qPrintable(QString::number(indigoIn(stack))));
    QCOMPARE(indigoIn(shown(lone)), 0);

    // Enter on the stack opens it: a banner says whose takes these are; each is a card.
    auto* banner = m_pane->findChild<QToolButton*>(QStringLiteral("stackBanner"));
    QVERIFY(banner && !banner->isVisible());
    QVERIFY(view->selectJob(takes.first()));
    QVERIFY(m_pane->action(JobsPane::Action::OpenStack)->isEnabled());
    focusGallery();
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(m_pane->openStackShown(), takes.first());
    QCOMPARE(filter->openStack(), takes.first());
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->text(),
             QStringLiteral("4 takes of “A lighthouse in a storm…” · Back to the gallery"));
    for (const qint64 take : takes) {
        QVERIFY(shown(take).isValid());
        QCOMPARE(JobCardDelegate::cardTexts(shown(take)).stack, 1);
    }
    QVERIFY(!m_pane->isPlayerVisible()); // Enter opened the stack, it did not play
    QCOMPARE(indigoIn(shown(takes.first())), 0);

    // Esc goes back to the stacks, on the stack's card.
    QVERIFY(m_pane->action(JobsPane::Action::CloseStack)->isEnabled());
    QTest::keyClick(view, Qt::Key_Escape);
    QCOMPARE(m_pane->openStackShown(), 0);
    QVERIFY(!banner->isVisible());
    QCOMPARE(view->currentJobId(), takes.first());

    // A double-click opens it too; the banner closes it.
    const QRect card = view->visualRect(shown(takes.first()));
    const QPoint onText(card.center().x(), card.bottom() - 30);
    // As a real double-click arrives: press, release, double-click, release.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, onText);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, onText);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, onText);
    QCOMPARE(m_pane->openStackShown(), takes.first());
    QTest::mouseClick(banner, Qt::LeftButton);
    QCOMPARE(m_pane->openStackShown(), 0);
    QVERIFY(!banner->isVisible());
}

void TestGalleryMarks::removeRejectedAsksAndTrashes() {
    const qint64 rejected = addDone(QStringLiteral("Rejected"), [](Job& j) { j.rejected = true; });
    const qint64 rejectedStar = addDone(QStringLiteral("Rejected and a favourite"), [](Job& j) {
        j.rejected = true;
        j.favourite = true;
    });
    const qint64 kept = addDone(QStringLiteral("Kept"));
    const qint64 failed = addDone(QStringLiteral("Failed and rejected"), [](Job& j) {
        j.rejected = true;
        j.state = JobState::Failed;
        j.videoPath.clear();
    });
    const qint64 running = addDone(QStringLiteral("Still generating, rejected"), [](Job& j) {
        j.rejected = true;
        j.state = JobState::Generating;
        j.videoPath.clear();
    });
    QVERIFY(rejected && rejectedStar && kept && failed && running);
    const QString rejectedVideo = m_store->job(rejected)->videoPath;
    const QString starVideo = m_store->job(rejectedStar)->videoPath;

    // Only what the gallery shows: with "Done" shown, the failed one is not counted.
    m_pane->filterModel()->setStates({JobState::Done});
    QList<int> asked;
    QString question;
    bool answer = false;
    m_pane->setCleanupConfirmer([&](const QString& text, int count) {
        asked << count;
        question = text;
        return answer;
    });
    QSignalSpy notices(m_pane.get(), &JobsPane::noticeRequested);
    QCOMPARE(m_pane->cleanup(JobLibrary::Cleanup::Rejected), 0); // the creator said no
    QCOMPARE(asked, QList<int>{2});
    QCOMPARE(question, QStringLiteral("Move 2 rejected videos to the trash?"));
    QVERIFY(m_store->job(rejected) && QFileInfo::exists(rejectedVideo));

    answer = true;
    m_pane->action(JobsPane::Action::RemoveRejected)->trigger();
    QCOMPARE(asked, (QList<int>{2, 2}));
    QTRY_VERIFY(!m_store->job(rejected));
    QVERIFY(!m_store->job(rejectedStar));
    QVERIFY(m_store->job(kept) && m_store->job(failed) && m_store->job(running));
    QVERIFY(!QFileInfo::exists(rejectedVideo));
    QVERIFY2(QFileInfo::exists(trashed(rejectedVideo)), qPrintable(trashed(rejectedVideo)));
    QVERIFY(QFileInfo::exists(trashed(starVideo)));
    QVERIFY(QFileInfo::exists(m_store->job(kept)->videoPath));
    QTRY_COMPARE(notices.last().at(0).toString(), QStringLiteral("Moved 2 videos to the trash."));

    // Every job shown: the failed one goes too, never the one still running.
    m_pane->filterModel()->setStates({});
    m_pane->action(JobsPane::Action::RemoveRejected)->trigger();
    QCOMPARE(asked.last(), 1);
    QCOMPARE(question, QStringLiteral("Move the rejected video to the trash?"));
    QTRY_VERIFY(!m_store->job(failed));
    QVERIFY(m_store->job(running) && m_store->job(kept));
    // Nothing left to sweep: no question, a notice.
    m_pane->action(JobsPane::Action::RemoveRejected)->trigger();
    QCOMPARE(asked.size(), 3);
    QCOMPARE(notices.last().at(0).toString(), QStringLiteral("No rejected video to remove."));
}

void TestGalleryMarks::removeAllButPickedAndStarred() {
    const qint64 picked = addDone(QStringLiteral("Picked"), [](Job& j) { j.picked = true; });
    const qint64 rated = addDone(QStringLiteral("Rated"), [](Job& j) { j.rating = 2; });
    const qint64 favourite =
        addDone(QStringLiteral("Favourite"), [](Job& j) { j.favourite = true; });
    const qint64 plain = addDone(QStringLiteral("Plain"));
    const qint64 running = addDone(QStringLiteral("Running"), [](Job& j) {
        j.state = JobState::Generating;
        j.videoPath.clear();
    });
    // A stack whose second take was picked: its other takes go, hidden in the stack or not.
    const QList<qint64> takes = addTakes(QStringLiteral("Takes"), 3);
    QVERIFY(picked && rated && favourite && plain && running && takes.size() == 3);
    QVERIFY(m_store->modify(takes.at(1), [](Job& j) { j.picked = true; }));
    QStringList goneFiles{m_store->job(plain)->videoPath, m_store->job(takes.at(0))->videoPath,
                          m_store->job(takes.at(2))->videoPath};
    QList<int> asked;
    m_pane->setCleanupConfirmer([&](const QString& text, int count) {
        asked << count;
        return text ==
               QStringLiteral("Move 3 videos that are neither picked nor starred to the trash?");
    });
    QSignalSpy notices(m_pane.get(), &JobsPane::noticeRequested);
    QCOMPARE(m_pane->cleanup(JobLibrary::Cleanup::AllButPickedAndStarred), 3);
    QCOMPARE(asked, QList<int>{3});
    QVERIFY(notices.wait());
    QCOMPARE(notices.last().at(0).toString(), QStringLiteral("Moved 3 videos to the trash."));
    for (const qint64 id : {picked, rated, favourite, running, takes.at(1)})
        QVERIFY2(m_store->job(id), qPrintable(QString::number(id)));
    for (const qint64 id : {plain, takes.at(0), takes.at(2)})
        QVERIFY2(!m_store->job(id), qPrintable(QString::number(id)));
    for (const QString& file : std::as_const(goneFiles)) {
        QVERIFY(!QFileInfo::exists(file));
        QVERIFY2(QFileInfo::exists(trashed(file)), qPrintable(trashed(file)));
    }
    QVERIFY(QFileInfo::exists(m_store->job(picked)->videoPath));
    QVERIFY(QFileInfo::exists(m_store->job(takes.at(1))->videoPath));
}

QTEST_MAIN(TestGalleryMarks)
#include "tst_gallery_marks.moc"
