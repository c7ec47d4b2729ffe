// The queue in the window (issue 19), driven by QTest on the real widgets over a real store and
// engine on the sandbox: the menu actions change the store (held, order, pause), Alt+Shift+arrows
// and a drop of cards reorder the queue, the composer edits a queued job in place (and keeps the
// text when the job was sent meanwhile), the banner comes and goes with the state it tells, and
// the Settings page's run window, caps and hot folder go to AppSettings and back. Screenshots of
// the gallery with a queue and of the Settings page in English and Russian
// (PIXVERSE_SCREENSHOT_DIR).
#include "Screenshots.h"
#include "core/jobs/JobListModel.h"
#include "core/settings/AppSettings.h"
#include "tests/core/jobs/JobTestFixture.h"
#include "ui/GalleryOrderModel.h"
#include "ui/JobCardDelegate.h"
#include "ui/JobGalleryView.h"
#include "ui/JobsPane.h"
#include "ui/MainWindow.h"
#include "ui/PromptEditor.h"
#include "ui/QueueBanner.h"
#include "ui/SettingsDialog.h"
#include "ui/Translations.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDragEnterEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QTimeEdit>

#include <memory>

using namespace pixverse;
using pixverse::test::JobTestBed;

namespace {

template <typename T> T* child(const QObject* parent, const char* name) {
    auto* w = parent->findChild<T*>(QLatin1String(name));
    if (!w)
        qFatal("no child named %s", name);
    return w;
}

//! The window over a sandbox, a store and an engine that is not started: the queue stays as
//! the test puts it, and what the controls change is read back from the store.
struct Queue {
    Queue() {
        if (!bed.ok())
            return;
        engine = bed.makeEngine(bed.fastOptions(1));
        window = std::make_unique<MainWindow>();
        window->jobsPane()->setJobs(bed.store.get(), engine);
        window->resize(1280, 800);
    }
    ~Queue() { window.reset(); } // before the engine and the store it watches

    bool ok() const { return bed.ok() && window; }
    JobsPane* pane() const { return window->jobsPane(); }
    JobGalleryView* view() const { return pane()->view(); }
    QAction* action(JobsPane::Action which) const { return pane()->action(which); }
    Job job(qint64 id) const { return bed.store->job(id).value_or(Job{}); }
    QList<qint64> enqueue(const QStringList& prompts) {
        QList<qint64> ids;
        for (const QString& prompt : prompts) {
            const Result<Job> job = engine->enqueue(JobTestBed::request(prompt));
            if (job.ok())
                ids << job.value->id;
        }
        return ids;
    }
    //! The store's queue, in the order it will be sent.
    QList<qint64> queueOrder() const {
        QList<qint64> ids;
        for (const Job& job : bed.store->queue())
            ids << job.id;
        return ids;
    }
    //! The gallery's first `count` rows.
    QList<qint64> shownOrder(int count) const {
        QList<qint64> ids;
        for (int row = 0; row < count && row < view()->model()->rowCount(); ++row)
            ids << view()->model()->index(row, 0).data(JobListModel::IdRole).toLongLong();
        return ids;
    }
    QModelIndex indexOf(qint64 id) const {
        return pane()->filterModel()->mapFromSource(pane()->model()->indexOf(id));
    }
    void select(qint64 id) { QVERIFY(view()->selectJob(id)); }

    JobTestBed bed;
    JobEngine* engine = nullptr;
    std::unique_ptr<MainWindow> window;
};

//! Drops what a drag of the gallery's selection carries at `position` of its viewport.
bool dropAt(JobGalleryView* view, const QPoint& position) {
    std::unique_ptr<QMimeData> mime(view->selectionMimeData());
    if (!mime)
        return false;
    QDragEnterEvent enter(position, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view->viewport(), &enter);
    QDragMoveEvent move(position, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view->viewport(), &move);
    if (!move.isAccepted())
        return false;
    QDropEvent drop(position, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view->viewport(), &drop);
    return drop.isAccepted();
}

} // namespace

class TestQueueControls : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QCOMPARE(installTranslations(*qApp, QStringLiteral("en")), QStringLiteral("en"));
    }

    void theQueueComesFirstInItsOrder() {
        Queue q;
        QVERIFY2(q.ok(), qPrintable(q.bed.error));
        Job done;
        done.request = JobTestBed::request(QStringLiteral("A finished harbour at dusk"));
        done.state = JobState::Done;
        const Result<Job> finished = q.bed.store->add(done);
        QVERIFY(finished.ok());
        const QList<qint64> ids =
            q.enqueue({QStringLiteral("First in the queue"), QStringLiteral("Second in the queue"),
                       QStringLiteral("Third in the queue")});
        QCOMPARE(ids.size(), 3);
        // The queue on top, first to be sent first; the finished job after it.
        QTRY_COMPARE(q.shownOrder(4), (QList<qint64>{ids[0], ids[1], ids[2], finished.value->id}));
        const JobCardDelegate::CardTexts first = JobCardDelegate::cardTexts(q.indexOf(ids[0]));
        QCOMPARE(first.status, QStringLiteral("#1 in queue"));
        QCOMPARE(JobCardDelegate::cardTexts(q.indexOf(ids[2])).status,
                 QStringLiteral("#3 in queue"));
        QVERIFY(!first.held);
        // The queue's actions do not apply to a finished job.
        q.select(finished.value->id);
        for (const auto which :
             {JobsPane::Action::PauseJob, JobsPane::Action::RunNext, JobsPane::Action::EditQueued,
              JobsPane::Action::MoveEarlier, JobsPane::Action::MoveLater})
            QVERIFY2(!q.action(which)->isEnabled(), qPrintable(q.action(which)->objectName()));
        QVERIFY(q.action(JobsPane::Action::PauseQueue)->isEnabled());
        // The first queued job can go later, not earlier, and is already next.
        q.select(ids[0]);
        QVERIFY(!q.action(JobsPane::Action::MoveEarlier)->isEnabled());
        QVERIFY(q.action(JobsPane::Action::MoveLater)->isEnabled());
        QVERIFY(!q.action(JobsPane::Action::RunNext)->isEnabled());
        QVERIFY(q.action(JobsPane::Action::EditQueued)->isEnabled());
        // The card's menu and the Jobs menu hold them.
        const QList<QAction*> menu = q.pane()->contextMenu()->actions();
        QVERIFY(menu.contains(q.action(JobsPane::Action::PauseQueue)));
        QVERIFY(menu.contains(q.action(JobsPane::Action::RunNext)));
        auto* jobsMenu = child<QMenu>(q.window.get(), "jobsMenu");
        QVERIFY(jobsMenu->actions().contains(q.action(JobsPane::Action::PauseJob)));
        QVERIFY(jobsMenu->actions().contains(q.action(JobsPane::Action::EditQueued)));
        QCOMPARE(q.action(JobsPane::Action::PauseQueue)->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    }

    void menuActionsChangeTheStore() {
        Queue q;
        QVERIFY2(q.ok(), qPrintable(q.bed.error));
        const QList<qint64> ids = q.enqueue(
            {QStringLiteral("Alpha"), QStringLiteral("Bravo"), QStringLiteral("Charlie")});
        QCOMPARE(ids.size(), 3);
        q.window->show();
        q.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(q.window.get()));
        q.view()->setFocus();

        // Pause Job / Resume Job on one queued job.
        q.select(ids[1]);
        QCOMPARE(q.action(JobsPane::Action::PauseJob)->text(), QStringLiteral("Pa&use Job"));
        q.action(JobsPane::Action::PauseJob)->trigger();
        QVERIFY(q.job(ids[1]).held);
        QVERIFY(!q.job(ids[0]).held);
        QTRY_VERIFY(JobCardDelegate::cardTexts(q.indexOf(ids[1])).held);
        QCOMPARE(q.action(JobsPane::Action::PauseJob)->text(), QStringLiteral("Res&ume Job"));
        q.action(JobsPane::Action::PauseJob)->trigger();
        QVERIFY(!q.job(ids[1]).held);

        // Run Next: the third goes first, and the gallery follows.
        q.select(ids[2]);
        QVERIFY(q.action(JobsPane::Action::RunNext)->isEnabled());
        q.action(JobsPane::Action::RunNext)->trigger();
        QCOMPARE(q.queueOrder(), (QList<qint64>{ids[2], ids[0], ids[1]}));
        QTRY_COMPARE(q.shownOrder(3), (QList<qint64>{ids[2], ids[0], ids[1]}));
        QTRY_COMPARE(JobCardDelegate::cardTexts(q.indexOf(ids[2])).status,
                     QStringLiteral("#1 in queue"));

        // The whole queue: paused (kept in the store), the banner says so, Resume ends it.
        QSignalSpy paused(q.engine, &JobEngine::queuePausedChanged);
        QTest::keyClick(q.view(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(q.engine->isQueuePaused());
        QCOMPARE(q.bed.store->storedValue(QStringLiteral("queue/paused")), QStringLiteral("1"));
        QCOMPARE(q.action(JobsPane::Action::PauseQueue)->text(), QStringLiteral("Resume &Queue"));
        QueueBanner* banner = q.pane()->queueBanner();
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(banner->text(), QStringLiteral("Queue paused · 3 jobs waiting"));
        banner->resumeButton()->click();
        QVERIFY(!q.engine->isQueuePaused());
        QVERIFY(q.bed.store->storedValue(QStringLiteral("queue/paused")).isEmpty());
        QTRY_VERIFY(!banner->isVisible());
        QCOMPARE(q.action(JobsPane::Action::PauseQueue)->text(), QStringLiteral("Pause &Queue"));

        // Cancel (the existing action) on a queued job: it leaves the queue, the others close up.
        q.select(ids[0]);
        q.action(JobsPane::Action::Cancel)->trigger();
        QCOMPARE(q.job(ids[0]).state, JobState::Cancelled);
        QCOMPARE(q.queueOrder(), (QList<qint64>{ids[2], ids[1]}));
        QTRY_COMPARE(JobCardDelegate::cardTexts(q.indexOf(ids[1])).status,
                     QStringLiteral("#2 in queue"));
    }

    void keysAndDropsReorder() {
        Queue q;
        QVERIFY2(q.ok(), qPrintable(q.bed.error));
        const QList<qint64> ids = q.enqueue({QStringLiteral("One"), QStringLiteral("Two"),
                                             QStringLiteral("Three"), QStringLiteral("Four")});
        QCOMPARE(ids.size(), 4);
        q.window->show();
        q.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(q.window.get()));
        q.view()->setFocus();

        // Alt+Shift+Down: one place later; Alt+Shift+Up: back.
        q.select(ids[0]);
        QTest::keyClick(q.view(), Qt::Key_Down, Qt::AltModifier | Qt::ShiftModifier);
        QCOMPARE(q.queueOrder(), (QList<qint64>{ids[1], ids[0], ids[2], ids[3]}));
        QTRY_COMPARE(q.shownOrder(4), (QList<qint64>{ids[1], ids[0], ids[2], ids[3]}));
        QTest::keyClick(q.view(), Qt::Key_Up, Qt::AltModifier | Qt::ShiftModifier);
        QCOMPARE(q.queueOrder(), ids);
        QTRY_COMPARE(q.shownOrder(4), ids);

        // The fourth card dropped on the left half of the second: it goes before it.
        q.select(ids[3]);
        QRect target = q.view()->visualRect(q.indexOf(ids[1]));
        QVERIFY(dropAt(q.view(), QPoint(target.left() + 10, target.center().y())));
        QCOMPARE(q.queueOrder(), (QList<qint64>{ids[0], ids[3], ids[1], ids[2]}));
        QTRY_COMPARE(q.shownOrder(4), (QList<qint64>{ids[0], ids[3], ids[1], ids[2]}));
        // The first dropped on the right half of the last: it goes to the end.
        q.select(ids[0]);
        target = q.view()->visualRect(q.indexOf(ids[2]));
        QVERIFY(dropAt(q.view(), QPoint(target.right() - 10, target.center().y())));
        QCOMPARE(q.queueOrder(), (QList<qint64>{ids[3], ids[1], ids[2], ids[0]}));

        // A finished card is no place in the queue: the drop is refused, nothing moves.
        Job done;
        done.request = JobTestBed::request(QStringLiteral("Finished"));
        done.state = JobState::Done;
        const Result<Job> finished = q.bed.store->add(done);
        QVERIFY(finished.ok());
        QTRY_VERIFY(q.indexOf(finished.value->id).isValid());
        q.select(ids[1]);
        target = q.view()->visualRect(q.indexOf(finished.value->id));
        QVERIFY(!dropAt(q.view(), target.center()));
        QCOMPARE(q.queueOrder(), (QList<qint64>{ids[3], ids[1], ids[2], ids[0]}));
    }

    void editInTheComposer() {
        Queue q;
        QVERIFY2(q.ok(), qPrintable(q.bed.error));
        const QList<qint64> ids = q.enqueue({QStringLiteral("A red kite over the dunes"),
                                             QStringLiteral("A blue boat in the harbour"),
                                             QStringLiteral("A green field in the rain")});
        QCOMPARE(ids.size(), 3);
        q.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(q.window.get()));
        PromptEditor* editor = q.window->promptEditor();
        auto* generate = child<QPushButton>(editor, "generateButton");
        auto* cancelEdit = child<QPushButton>(editor, "cancelEditButton");
        auto* prompt = child<QPlainTextEdit>(editor, "promptEdit");

        // Edit… opens the job in the composer; it waits while edited.
        q.select(ids[1]);
        q.action(JobsPane::Action::EditQueued)->trigger();
        QCOMPARE(prompt->toPlainText(), QStringLiteral("A blue boat in the harbour"));
        QCOMPARE(editor->editedJobId(), ids[1]);
        QCOMPARE(generate->text(), QStringLiteral("&Update Job"));
        QVERIFY(cancelEdit->isVisible());
        QVERIFY(q.job(ids[1]).held);
        QVERIFY(editor->editNote().contains(QStringLiteral("A blue boat in the harbour")));

        // Update: the same job, in the same place, asks the new prompt; no new job.
        prompt->setPlainText(QStringLiteral("A yellow boat in the harbour at dawn"));
        QVERIFY(generate->isEnabled());
        generate->click();
        QTRY_COMPARE(q.job(ids[1]).request.prompt,
                     QStringLiteral("A yellow boat in the harbour at dawn"));
        QTRY_COMPARE(editor->editedJobId(), 0);
        QCOMPARE(q.queueOrder(), ids);
        QCOMPARE(q.bed.store->jobs().size(), 3);
        QVERIFY(!q.job(ids[1]).held);
        QCOMPARE(generate->text(), QStringLiteral("&Generate"));
        QVERIFY(!cancelEdit->isVisible());

        // Cancel Edit: the job stays as it was, and is no longer held.
        q.select(ids[2]);
        q.action(JobsPane::Action::EditQueued)->trigger();
        QVERIFY(q.job(ids[2]).held);
        prompt->setPlainText(QStringLiteral("Not kept"));
        cancelEdit->click();
        QCOMPARE(editor->editedJobId(), 0);
        QCOMPARE(q.job(ids[2]).request.prompt, QStringLiteral("A green field in the rain"));
        QVERIFY(!q.job(ids[2]).held);

        // The job left the queue while it was edited: a clear sentence, the text kept.
        q.select(ids[0]);
        q.action(JobsPane::Action::EditQueued)->trigger();
        prompt->setPlainText(QStringLiteral("A red kite over the dunes, slow motion"));
        QVERIFY(q.engine->cancel(ids[0]));
        generate->click();
        QTRY_VERIFY(editor->editNote().contains(QStringLiteral("could not be updated")));
        QCOMPARE(editor->editedJobId(), 0);
        QCOMPARE(prompt->toPlainText(), QStringLiteral("A red kite over the dunes, slow motion"));
        QCOMPARE(q.job(ids[0]).request.prompt, QStringLiteral("A red kite over the dunes"));
        QCOMPARE(generate->text(), QStringLiteral("&Generate"));
    }

    void theBannerFollowsTheRunWindow() {
        Queue q;
        QVERIFY2(q.ok(), qPrintable(q.bed.error));
        q.enqueue({QStringLiteral("Night shot")});
        QueueBanner* banner = q.pane()->queueBanner();
        const QDateTime noon(QDate(2026, 12, 6), QTime(12, 0));
        banner->setClock([noon] { return noon; });
        q.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(q.window.get()));
        QVERIFY(!banner->isVisible());
        // Outside the window, with a job waiting: it says until when.
        q.engine->setRunWindow(RunWindow{QTime(22, 0), QTime(6, 0)});
        banner->refresh();
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->text(), QStringLiteral("Waiting for %1 (run window)")
                                     .arg(QLocale().toString(QTime(22, 0), QLocale::ShortFormat)));
        QVERIFY(!banner->resumeButton()->isVisible());
        // Inside it: nothing to say.
        banner->setClock([noon] { return noon.addSecs(11 * 3600); });
        QVERIFY(!banner->isVisible());
        // No window: nothing either, even outside the old one.
        banner->setClock([noon] { return noon; });
        QVERIFY(banner->isVisible());
        q.engine->setRunWindow(std::nullopt);
        banner->refresh();
        QVERIFY(!banner->isVisible());
    }

    void theSettingsPageRoundTrip() {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("settings.ini"));
        const QString hot = dir.filePath(QStringLiteral("inbox"));
        {
            AppSettings settings(ini);
            SettingsDialog dialog(&settings, nullptr);
            dialog.setFolderChooser([hot](QWidget*, const QString&) { return hot; });
            dialog.show(); // errorText() is what the dialog shows
            auto* tabs = child<QTabWidget>(&dialog, "settingsTabs");
            tabs->setCurrentWidget(child<QWidget>(&dialog, "queuePage"));
            auto* window = child<QCheckBox>(&dialog, "runWindowCheck");
            QVERIFY(!window->isChecked());
            QVERIFY(!child<QTimeEdit>(&dialog, "runFromEdit")->isEnabled());
            window->setChecked(true);
            QVERIFY(child<QTimeEdit>(&dialog, "runFromEdit")->isEnabled());
            child<QTimeEdit>(&dialog, "runFromEdit")->setTime(QTime(23, 30));
            child<QTimeEdit>(&dialog, "runUntilEdit")->setTime(QTime(23, 30));
            // The same start and end: refused, the settings untouched.
            QVERIFY(!dialog.apply());
            QVERIFY(dialog.errorText().contains(QStringLiteral("same time")));
            QVERIFY(!settings.queueRunWindow());
            child<QTimeEdit>(&dialog, "runUntilEdit")->setTime(QTime(7, 15));
            child<QCheckBox>(&dialog, "dailyCapCheck")->setChecked(true);
            child<QSpinBox>(&dialog, "dailyCapSpin")->setValue(1200);
            child<QCheckBox>(&dialog, "sessionCapCheck")->setChecked(false);
            // Watching needs a folder.
            child<QCheckBox>(&dialog, "hotFolderCheck")->setChecked(true);
            QVERIFY(!dialog.apply());
            QVERIFY(dialog.errorText().contains(QStringLiteral("hot folder")));
            child<QPushButton>(&dialog, "hotFolderBrowseButton")->click();
            QCOMPARE(child<QLineEdit>(&dialog, "hotFolderEdit")->text(),
                     QDir::toNativeSeparators(hot));
            child<QCheckBox>(&dialog, "hotFolderCapCheck")->setChecked(true);
            child<QSpinBox>(&dialog, "hotFolderCapSpin")->setValue(300);
            QSignalSpy applied(&dialog, &SettingsDialog::settingsApplied);
            QVERIFY2(dialog.apply(), qPrintable(dialog.errorText()));
            QCOMPARE(applied.count(), 1);
        }
        AppSettings saved(ini);
        QCOMPARE(saved.queueRunWindow(),
                 (std::optional<RunWindow>(RunWindow{QTime(23, 30), QTime(7, 15)})));
        QCOMPARE(saved.creditCaps().daily, std::optional<qint64>(1200));
        QVERIFY(!saved.creditCaps().perSession);
        QCOMPARE(saved.hotFolder(), hot);
        QVERIFY(saved.hotFolderEnabled());
        QCOMPARE(saved.hotFolderDailyCredits(), std::optional<qint64>(300));
        // A new dialog shows what was saved; turning things off removes them.
        SettingsDialog again(&saved, nullptr);
        QVERIFY(child<QCheckBox>(&again, "runWindowCheck")->isChecked());
        QCOMPARE(child<QTimeEdit>(&again, "runFromEdit")->time(), QTime(23, 30));
        QCOMPARE(child<QSpinBox>(&again, "dailyCapSpin")->value(), 1200);
        QVERIFY(!child<QCheckBox>(&again, "sessionCapCheck")->isChecked());
        QCOMPARE(child<QSpinBox>(&again, "hotFolderCapSpin")->value(), 300);
        child<QCheckBox>(&again, "runWindowCheck")->setChecked(false);
        child<QCheckBox>(&again, "dailyCapCheck")->setChecked(false);
        child<QCheckBox>(&again, "sessionCapCheck")->setChecked(true);
        child<QSpinBox>(&again, "sessionCapSpin")->setValue(80);
        QVERIFY(again.apply());
        QVERIFY(!saved.queueRunWindow());
        QCOMPARE(saved.creditCaps(), (CreditCaps{std::nullopt, 80}));
    }

    void screenshots_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ru") << QStringLiteral("ru");
    }

    void screenshots() {
        QFETCH(QString, language);
        const bool ru = language == QLatin1String("ru");
        QCOMPARE(installTranslations(*qApp, language), language);
        {
            Queue q;
            QVERIFY2(q.ok(), qPrintable(q.bed.error));
            Job done;
            done.request = JobTestBed::request(ru ? QStringLiteral(u"Маяк в шторм ночью")
                                                  : QStringLiteral("A lighthouse in a storm"));
            done.state = JobState::Done;
            QVERIFY(q.bed.store->add(done).ok());
            const QList<qint64> ids =
                ru ? q.enqueue({QStringLiteral(u"Бумажные кораблики в ручье"),
                                QStringLiteral(u"Облака над горами, таймлапс"),
                                QStringLiteral(u"Неоновая улица под дождём")})
                   : q.enqueue({QStringLiteral("Paper boats drifting down a gutter stream"),
                                QStringLiteral("Time-lapse of clouds rolling over mountains"),
                                QStringLiteral("Neon city street in the rain")});
            QCOMPARE(ids.size(), 3);
            QVERIFY(q.engine->setHeld(ids[1], true));
            q.engine->setQueuePaused(true);
            q.window->show();
            QVERIFY(QTest::qWaitForWindowExposed(q.window.get()));
            q.select(ids[1]);
            QTRY_VERIFY(q.pane()->queueBanner()->isVisible());
            QTRY_VERIFY(JobCardDelegate::cardTexts(q.indexOf(ids[1])).held);
            test::verifyScreenshot(q.window.get(), QStringLiteral("queue-gallery-") + language);
        }
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        settings.setQueueRunWindow(RunWindow{QTime(22, 0), QTime(6, 0)});
        settings.setCreditCaps(CreditCaps{1500, std::nullopt});
        settings.setHotFolder(QDir::home().filePath(QStringLiteral("PixVerse Inbox")));
        settings.setHotFolderEnabled(true);
        settings.setHotFolderDailyCredits(400);
        SettingsDialog dialog(&settings, nullptr);
        child<QTabWidget>(&dialog, "settingsTabs")
            ->setCurrentWidget(child<QWidget>(&dialog, "queuePage"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        test::verifyScreenshot(&dialog, QStringLiteral("queue-settings-") + language);
        installTranslations(*qApp, QStringLiteral("en"));
    }
};

QTEST_MAIN(TestQueueControls)
#include "tst_queuecontrols.moc"
