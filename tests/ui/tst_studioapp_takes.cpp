// Issue 18: several takes in one click. The composer's take count (beside Generate, remembered)
// prices the whole and refuses what the balance cannot pay; Generate in the window queues that
// many jobs as one group, and the sandbox is asked for seed, seed + 1, … when the seed is fixed
// and for no seed when it is not.
#include "app/gui/StudioApp.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobStore.h"
#include "core/sandbox/SandboxHost.h"
#include "core/settings/AppSettings.h"
#include "tests/support/SentSeeds.h"
#include "tests/support/StudioSandbox.h"
#include "ui/MainWindow.h"
#include "ui/PromptEditor.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace pixverse;
using pixverse::test::embeddedSandbox;
using pixverse::test::seedsOf;

class TestStudioAppTakes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The window's composer remembers its settings in the app's own QSettings: each test starts
    // from a first run.
    void init() { QSettings().clear(); }
    void fourTakesInOneClickShareAGroupAndAPrice();
    void takesWithoutAFixedSeedSendNoSeed();
    void theTakeCountIsRememberedAcrossARestart();
    void theWholeMustFitTheBalance();
};

void TestStudioAppTakes::fourTakesInOneClickShareAGroupAndAPrice() {
    QTemporaryDir dir;
    StudioApp app(embeddedSandbox(dir));
    QVERIFY(app.start());
    MainWindow* window = app.window();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTRY_VERIFY_WITH_TIMEOUT(app.jobEngine() != nullptr, 15000);
    PromptEditor* editor = window->promptEditor();
    QTRY_VERIFY_WITH_TIMEOUT(editor->balance().has_value(), 15000);
    const qint64 before = *editor->balance();

    auto* takes = window->findChild<QSpinBox*>(QStringLiteral("takeCountSpin"));
    auto* seedFixed = window->findChild<QCheckBox*>(QStringLiteral("seedFixedCheck"));
    auto* seed = window->findChild<QSpinBox*>(QStringLiteral("seedSpin"));
    auto* cost = window->findChild<QLabel*>(QStringLiteral("costLabel"));
    auto* balance = window->findChild<QLabel*>(QStringLiteral("balanceLabel"));
    auto* generate = window->findChild<QPushButton*>(QStringLiteral("generateButton"));
    QVERIFY(takes && seedFixed && seed && cost && balance && generate);
    QVERIFY(takes->isVisible());
    QCOMPARE(takes->value(), 1);
    QVERIFY(!takes->accessibleName().isEmpty());
    QVERIFY(!takes->toolTip().isEmpty());

    // The creator's way: the seed fixed at 1000, then ×4 with the keyboard.
    QTest::mouseClick(seedFixed, Qt::LeftButton, {}, QPoint(8, seedFixed->height() / 2));
    QVERIFY(seedFixed->isChecked());
    seed->setFocus();
    seed->selectAll();
    QTest::keyClicks(seed, QStringLiteral("1000"));
    QCOMPARE(editor->request().seed, std::optional<qint64>(1000));
    const std::optional<int> one = editor->cost();
    QVERIFY(one && *one > 0);
    takes->setFocus();
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(takes, Qt::Key_Up);
    QCOMPARE(editor->takeCount(), 4);
    QCOMPARE(editor->totalCost(), std::optional<int>(4 * *one));
    const QLocale locale;
    QVERIFY2(cost->text().contains(
                 QStringLiteral("4 takes · %1 credits").arg(locale.toString(4 * *one))),
             qPrintable(cost->text()));
    QVERIFY2(balance->text().contains(locale.toString(before - 4 * *one)),
             qPrintable(balance->text()));

    QWidget* prompt = window->findChild<QWidget*>(QStringLiteral("promptEdit"));
    prompt->setFocus();
    QTest::keyClicks(prompt, QStringLiteral("A kite over the dunes at noon"));
    QTRY_VERIFY(editor->canGenerate());
    QVERIFY(generate->toolTip().contains(QLatin1String("4 takes")));
    QSignalSpy notices(window->statusBar(), &QStatusBar::messageChanged);
    QTest::mouseClick(generate, Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(app.jobStore()->jobs().size(), 4, 10000);
    const QList<Job> jobs = app.jobStore()->jobs();
    for (int i = 0; i < jobs.size(); ++i) {
        QCOMPARE(jobs[i].groupId, jobs.first().id);
        QCOMPARE(jobs[i].takeIndex, i);
        QCOMPARE(jobs[i].request.prompt, QStringLiteral("A kite over the dunes at noon"));
    }
    // The notice after adding says how many takes went into the queue.
    QTRY_VERIFY(std::any_of(notices.cbegin(), notices.cend(), [](const QList<QVariant>& args) {
        return args.value(0).toString().contains(QLatin1String("4 takes of"));
    }));
    QTRY_VERIFY_WITH_TIMEOUT(app.jobStore()->count(JobState::Done) == 4, 30000);
    QCOMPARE(seedsOf(app.sandboxHost()->createdRequests()),
             (QList<std::optional<qint64>>{1000, 1001, 1002, 1003}));
    // The service charged exactly what the composer showed.
    QTRY_COMPARE_WITH_TIMEOUT(editor->balance(), std::optional<qint64>(before - 4 * *one), 15000);
}

void TestStudioAppTakes::takesWithoutAFixedSeedSendNoSeed() {
    QTemporaryDir dir;
    StudioApp app(embeddedSandbox(dir));
    QVERIFY(app.start());
    MainWindow* window = app.window();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTRY_VERIFY_WITH_TIMEOUT(app.jobEngine() != nullptr, 15000);
    PromptEditor* editor = window->promptEditor();
    QVERIFY(!editor->request().seed);
    editor->setTakeCount(3);

    QWidget* prompt = window->findChild<QWidget*>(QStringLiteral("promptEdit"));
    prompt->setFocus();
    QTest::keyClicks(prompt, QStringLiteral("Rain on a tin roof"));
    QTRY_VERIFY(editor->canGenerate());
    QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier); // Ctrl+Enter takes the count
    QTRY_COMPARE_WITH_TIMEOUT(app.jobStore()->jobs().size(), 3, 10000);
    const QList<Job> jobs = app.jobStore()->jobs();
    QCOMPARE(app.jobStore()->group(jobs.first().id).size(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(app.jobStore()->count(JobState::Done) == 3, 30000);
    const QList<GenerationRequest> sent = app.sandboxHost()->createdRequests();
    QCOMPARE(sent.size(), 3);
    QCOMPARE(seedsOf(sent), (QList<std::optional<qint64>>{{}, {}, {}}));
}

void TestStudioAppTakes::theTakeCountIsRememberedAcrossARestart() {
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("composer.ini"));
    {
        PromptEditor editor(ini);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QCOMPARE(editor.takeCount(), 1);
        auto* takes = editor.findChild<QSpinBox*>(QStringLiteral("takeCountSpin"));
        QVERIFY(takes);
        takes->setFocus();
        takes->selectAll();
        QTest::keyClicks(takes, QStringLiteral("6"));
        QCOMPARE(editor.takeCount(), 6);
        editor.setTakeCount(20); // at most 8
        QCOMPARE(editor.takeCount(), AppSettings::kMaxTakeCount);
        editor.setTakeCount(5);
    }
    PromptEditor again(ini);
    QCOMPARE(again.takeCount(), 5);
    QCOMPARE(AppSettings(ini).takeCount(), 5);
}

void TestStudioAppTakes::theWholeMustFitTheBalance() {
    QTemporaryDir dir;
    PromptEditor editor(dir.filePath(QStringLiteral("composer.ini")));
    auto* generate = editor.findChild<QPushButton*>(QStringLiteral("generateButton"));
    auto* blocked = editor.findChild<QLabel*>(QStringLiteral("generateBlockedLabel"));
    QVERIFY(generate && blocked);
    auto* prompt = editor.findChild<QWidget*>(QStringLiteral("promptEdit"));
    QTest::keyClicks(prompt, QStringLiteral("A lantern on the water"));
    const std::optional<int> one = editor.cost();
    QVERIFY(one && *one > 0);
    editor.setBalance(2 * *one);
    editor.setTakeCount(2);
    QVERIFY(editor.canGenerate());
    QVERIFY(generate->isEnabled());

    editor.setTakeCount(3); // one take fits, three do not
    QVERIFY(!editor.canGenerate());
    QVERIFY(!generate->isEnabled());
    QVERIFY2(blocked->text().contains(QLatin1String("3 takes")), qPrintable(blocked->text()));
    QSignalSpy asked(&editor, &PromptEditor::generateRequested);
    editor.generate(); // Ctrl+Enter is refused too
    QCOMPARE(asked.count(), 0);

    editor.setTakeCount(1);
    QVERIFY(editor.canGenerate());
    editor.generate();
    QCOMPARE(asked.count(), 1);
}

QTEST_MAIN(TestStudioAppTakes)
#include "tst_studioapp_takes.moc"
