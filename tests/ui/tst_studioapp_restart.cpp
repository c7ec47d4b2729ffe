// Issue 14: the window restarted on the offline sandbox keeps its jobs and its remembered web
// sign-in. The app is built twice on the same data folder, settings, keychain and sandbox state
// folder; between the two, a job is still generating on the sandbox.
#include "app/gui/StudioApp.h"
#include "core/auth/Session.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobStore.h"
#include "core/sandbox/SandboxHost.h"
#include "core/settings/AppSettings.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/PromptEditor.h"

#include <QApplication>
#include <QCheckBox>
#include <QFileInfo>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;

namespace {

constexpr int kWait = 15000;
constexpr int kGenerationMs = 10 * 60 * 1000; // sandbox time: nothing finishes by itself here

} // namespace

class TestStudioAppRestart : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keepsJobsAndWebSignIn();
};

void TestStudioAppRestart::keepsJobsAndWebSignIn() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    StudioOptions options;
    options.installLog = false;
    options.dataDir = dir.filePath(QStringLiteral("data"));
    options.settingsFile = dir.filePath(QStringLiteral("app.ini"));
    options.keychainService = QStringLiteral("io.github.pixverse-studio.test-restart-%1")
                                  .arg(QCoreApplication::applicationPid());
    options.sandboxConfig.stateDir = dir.filePath(QStringLiteral("sandbox"));
    options.sandboxConfig.generationMs = kGenerationMs;
    // The test is about restarting; the editor sends its web default model, which is v4.5 until
    // the catalog's web default is V6 (issue 15), and the sandbox's web refuses v4.5 by default.
    options.sandboxConfig.webRefusesLegacyModels = false;
    {
        AppSettings settings(options.settingsFile);
        settings.setLibraryFolder(dir.filePath(QStringLiteral("library")));
    }
    const QString prompt = QStringLiteral("A heron waiting in the reeds");
    qint64 videoId = 0;
    {
        StudioApp app(options);
        QSignalSpy dialogs(&app, &StudioApp::loginDialogShown);
        QVERIFY(app.start());
        QTRY_COMPARE_WITH_TIMEOUT(dialogs.count(), 1, kWait); // nothing remembered yet
        LoginDialog* dialog = app.loginDialog();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        dialog->findChild<QTabWidget*>(QStringLiteral("loginTabs"))
            ->setCurrentIndex(1); // PixVerse account
        dialog->findChild<QCheckBox*>(QStringLiteral("rememberCheck"))->setChecked(true);
        dialog->findChild<QCheckBox*>(QStringLiteral("sandboxCheck"))->setChecked(true);
        QVERIFY(app.sandboxHost());
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("signInButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(app.jobEngine() != nullptr, kWait);
        QCOMPARE(app.session()->family(), ApiFamily::Web);
        QTRY_VERIFY_WITH_TIMEOUT(app.session()->isRemembered(), kWait);

        MainWindow* window = app.window();
        QWidget* editor = window->findChild<QWidget*>(QStringLiteral("promptEdit"));
        QVERIFY(editor);
        editor->setFocus();
        QTest::keyClicks(editor, prompt);
        QTRY_VERIFY(window->promptEditor()->canGenerate());
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(app.jobStore()->jobs().size(), 1, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(app.jobStore()->jobs().constFirst().videoId != 0, kWait);
        videoId = app.jobStore()->jobs().constFirst().videoId;
        QVERIFY(app.jobStore()->jobs().constFirst().state != JobState::Done);
        QCOMPARE(app.sandboxHost()->stats().generationsCreated, 1);
        QCOMPARE(app.sandboxHost()->stats().webLogins, 1);
    } // the window closes with the video still generating; the sandbox stops with it

    StudioApp app(options);
    QSignalSpy dialogs(&app, &StudioApp::loginDialogShown);
    QVERIFY(app.start());
    QVERIFY(app.sandboxHost()); // the remembered account lives on the sandbox: started again
    QTRY_VERIFY_WITH_TIMEOUT(app.jobEngine() != nullptr, kWait);
    QCOMPARE(app.session()->state(), Session::State::SignedIn);
    QCOMPARE(app.session()->family(), ApiFamily::Web);
    QCOMPARE(dialogs.count(), 0);
    // The remembered token was enough: no second login.
    QCOMPARE(app.sandboxHost()->stats().webLogins, 1);

    // The job is still there, still the same video, and finishes when its time has come.
    QCOMPARE(app.jobStore()->jobs().size(), 1);
    QCOMPARE(app.jobStore()->jobs().constFirst().videoId, videoId);
    QVERIFY(app.jobStore()->jobs().constFirst().state != JobState::Failed);
    app.sandboxHost()->advanceClock(kGenerationMs);
    QTRY_COMPARE_WITH_TIMEOUT(app.jobStore()->jobs().constFirst().state, JobState::Done, 30000);
    const Job done = app.jobStore()->jobs().constFirst();
    QCOMPARE(done.request.prompt, prompt);
    QVERIFY(QFileInfo::exists(done.videoPath));
    QCOMPARE(app.sandboxHost()->stats().generationsCreated, 1); // made once
}

QTEST_MAIN(TestStudioAppRestart)
#include "tst_studioapp_restart.moc"
