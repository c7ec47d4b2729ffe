// The Spending view in the whole app (issue 19), `pixverse-studio --sandbox` as a creator runs
// it: a platform key's view reads PixVerse's ledger (the sandbox's usage-detail, synced by the
// app a while after the jobs settle), and its totals equal what the sandbox took from the balance:
// its charges minus its refunds, for jobs one of which is moderated (status 7) and one failed
// (status 8).
#include "app/gui/StudioApp.h"
#include "core/auth/Session.h"
#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobStore.h"
#include "core/ledger/LedgerSync.h"
#include "tests/core/jobs/JobTestFixture.h"
#include "tests/support/StudioSandbox.h"
#include "ui/MainWindow.h"
#include "ui/PromptEditor.h"
#include "ui/SpendingView.h"

#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace pixverse;
using pixverse::test::embeddedSandbox;
using pixverse::test::JobTestBed;

class TestStudioAppSpending : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { QSettings().clear(); }

    void totalsEqualWhatTheSandboxTook() {
        QTemporaryDir dir;
        StudioApp app(embeddedSandbox(dir));
        QVERIFY(app.start());
        QTRY_VERIFY_WITH_TIMEOUT(app.jobEngine() != nullptr, 15000);
        QVERIFY(app.ledgerSync()); // a platform key: PixVerse's ledger
        app.setLedgerSyncDelay(300);
        SpendingView* view = app.window()->spendingView();
        QVERIFY(view->sourceText().startsWith(QStringLiteral("From PixVerse's ledger")));
        QTRY_VERIFY_WITH_TIMEOUT(app.session()->balance().has_value(), 10000);
        const qint64 before = app.session()->balance()->total();

        // Twenty jobs as the issue asks: eighteen made, one moderated (7), one failed (8).
        QSignalSpy settled(app.jobEngine(), &JobEngine::jobSettled);
        QStringList prompts{QStringLiteral("Something forbidden happens"),
                            QStringLiteral("The engine will explode")};
        for (int i = 1; i <= 18; ++i)
            prompts << QStringLiteral("A paper lantern over a lake, take %1").arg(i);
        for (const QString& prompt : std::as_const(prompts))
            QVERIFY(app.jobEngine()->enqueue(JobTestBed::request(prompt)).ok());
        QTRY_COMPARE_WITH_TIMEOUT(settled.count(), 20, 120000);

        QSignalSpy balances(app.session(), &Session::balanceChanged);
        app.session()->refreshBalance();
        QVERIFY(balances.wait(10000));
        const qint64 taken = before - app.session()->balance()->total();
        QVERIFY(taken > 0);

        // The app syncs by itself a while after the last job settled; the view follows.
        app.window()->showSpending();
        view->setRange(SpendingView::Range::Last7Days);
        QTRY_COMPARE_WITH_TIMEOUT(view->report().net(), taken, 20000);
        QTRY_VERIFY(!view->reportPending()); // made on the thread pool: the newest figures
        // The moderated and the failed one came back, each its full price.
        QCOMPARE(view->report().refunds.size(), qsizetype(2));
        QCOMPARE(view->report().deducted, taken + view->report().refunded);
        QCOMPARE(view->report().perModel.value(0).videos, 20);
        QCOMPARE(view->refundsList()->topLevelItemCount(), int(view->report().refunds.size()));
        QTRY_VERIFY(view->sourceText().contains(QStringLiteral("synced")));
        QVERIFY(!view->sourceText().contains(QStringLiteral("not synced")));

        // Sync now: a sync runs and ends, nothing counted twice.
        auto* syncNow = view->findChild<QPushButton*>(QStringLiteral("spendSyncNow"));
        QVERIFY(syncNow && syncNow->isVisible());
        QSignalSpy synced(app.ledgerSync(), &LedgerSync::synced);
        QTRY_VERIFY(syncNow->isEnabled());
        QTest::mouseClick(syncNow, Qt::LeftButton);
        QVERIFY(synced.wait(20000));
        QTRY_VERIFY(!view->reportPending());
        QCOMPARE(view->report().net(), taken);
    }

    // The composer's "Balance after" counts the jobs queued but not charged yet: a paused queue
    // of two, then the queue sent (the balance the service reports then has them).
    void balanceAfterCountsTheQueue() {
        QTemporaryDir dir;
        StudioApp app(embeddedSandbox(dir));
        QVERIFY(app.start());
        QTRY_VERIFY_WITH_TIMEOUT(app.jobEngine() != nullptr, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(app.session()->balance().has_value(), 10000);
        const qint64 balance = app.session()->balance()->total();
        auto* label = app.window()->findChild<QLabel*>(QStringLiteral("balanceLabel"));
        QVERIFY(label);
        QTRY_VERIFY(label->text().startsWith(QStringLiteral("Balance after:")));
        QVERIFY2(!label->text().contains(QStringLiteral("queue")), qPrintable(label->text()));

        app.jobEngine()->setQueuePaused(true);
        const GenerationRequest request = JobTestBed::request(QStringLiteral("A kite at dusk"));
        const qint64 each = ModelCatalog::builtIn().creditCost(request).value_or(0);
        QVERIFY(each > 0);
        QVERIFY(app.jobEngine()->enqueue(request).ok());
        QVERIFY(app.jobEngine()->enqueue(request).ok());
        const QLocale locale;
        QTRY_VERIFY2(label->text().contains(
                         QStringLiteral("; %1 for the queue)").arg(locale.toString(2 * each))),
                     qPrintable(label->text()));
        QVERIFY2(label->text().contains(QStringLiteral("(of %1;").arg(locale.toString(balance))),
                 qPrintable(label->text()));
        const auto after = app.window()->promptEditor()->totalCost();
        QVERIFY(after.has_value());
        QVERIFY2(label->text().startsWith(QStringLiteral("Balance after: %1 credits")
                                              .arg(locale.toString(balance - 2 * each - *after))),
                 qPrintable(label->text()));

        // Sent and charged: the service's balance has them, the queue is empty again.
        QSignalSpy settled(app.jobEngine(), &JobEngine::jobSettled);
        app.jobEngine()->setQueuePaused(false);
        QTRY_COMPARE_WITH_TIMEOUT(settled.count(), 2, 60000);
        QTRY_VERIFY2_WITH_TIMEOUT(!label->text().contains(QStringLiteral("queue")),
                                  qPrintable(label->text()), 10000);
    }
};

QTEST_MAIN(TestStudioAppSpending)
#include "tst_studioapp_spending.moc"
