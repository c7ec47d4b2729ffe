// Signing in and the keychain. Runs twice: against a real gnome-keyring in a private D-Bus
// session (tst_session_keychain, KEYCHAIN), and with the session bus pointed nowhere
// (tst_session_nokeychain, PIXVERSE_NO_KEYCHAIN) to prove the in-memory session and its notice.
#include "Screenshots.h"
#include "app/gui/StudioApp.h"
#include "core/auth/CredentialStore.h"
#include "core/auth/Session.h"
#include "core/backend/BackendFactory.h"
#include "core/sandbox/SandboxHost.h"
#include "core/settings/AppSettings.h"
#include "tests/support/Await.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace pixverse;

namespace {

template <typename T> T* child(const QWidget* parent, const char* name) {
    auto* w = parent->findChild<T*>(QLatin1String(name));
    if (!w)
        qFatal("no child named %s", name);
    return w;
}

const QString kEmail = QStringLiteral("creator@sandbox.local");
const QString kPassword = QStringLiteral("sandbox-password");
// Session files an API key under one entry and a web token under the lower-case e-mail.
const QString kKeyEntry = QStringLiteral("api-key");
constexpr int kWait = 15000;

//! What a fresh CredentialStore (another process, a restart) finds in the keychain.
[[maybe_unused]] CredentialStore::ReadResult readFresh(const QString& service, ApiFamily family,
                                                       const QString& account) {
    CredentialStore store(service);
    const auto result = test::await<CredentialStore::ReadResult>(
        [&](std::function<void(CredentialStore::ReadResult)> done) {
            store.read(family, account, &store, done);
        });
    return result.value_or(CredentialStore::ReadResult{std::nullopt, QStringLiteral("no answer")});
}

//! One run of the app's sign-in core: a network manager, the keychain, a Session.
struct Run {
    Run(const QString& service, AppSettings* settings, const QUrl& baseUrl)
        : store(service)
        , session(&network, &store, settings) {
        Session::Target target;
        target.baseUrl = baseUrl;
        target.objectStoreUrl = sandboxObjectStoreUrl(baseUrl);
        session.setTarget(target);
    }
    QNetworkAccessManager network;
    CredentialStore store;
    Session session;
};

} // namespace

class TestSessionKeychain : public QObject {
    Q_OBJECT
    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    QTemporaryDir m_dir;
    QString m_key;
    int m_serial = 0;
    QString m_service;
    QString m_ini;

    //! QtKeychain 0.13 crashes when a job is destroyed while libsecret still works on it
    //! (frankosterfeld/qtkeychain#261), and CredentialStore's jobs die with it. One more round
    //! trip on the same bus means every earlier request has been answered: call this before a
    //! store with a delete, probe or write in flight goes away.
    void settleKeychain() { readFresh(m_service, ApiFamily::OpenApi, QStringLiteral("settle")); }

    std::unique_ptr<Run> run(AppSettings* settings) {
        return std::make_unique<Run>(m_service, settings, m_sandbox->baseUrl());
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_sandbox = std::make_unique<sandbox::SandboxHost>();
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        m_key = m_sandbox->defaultApiKey();
    }
    void init() {
        // A keychain service and a settings file of each test's own: earlier runs leave nothing
        // behind.
        ++m_serial;
        m_service = QStringLiteral("io.github.pixverse-studio.tests.session-%1-%2")
                        .arg(QCoreApplication::applicationPid())
                        .arg(m_serial);
        m_ini = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(m_serial));
    }

#ifndef PIXVERSE_NO_KEYCHAIN
    void rememberedKeySignsInSilentlyAfterARestart() {
        AppSettings settings(m_ini);
        {
            auto r = run(&settings);
            QSignalSpy signedIn(&r->session, &Session::signedIn);
            QSignalSpy unavailable(&r->session, &Session::rememberUnavailable);
            r->session.signInWithApiKey(m_key, true);
            QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, kWait);
            QTRY_VERIFY_WITH_TIMEOUT(r->session.isRemembered(), kWait); // the keychain took it
            QCOMPARE(unavailable.count(), 0);
            QVERIFY(r->store.isPersistent());
            const auto remembered = settings.rememberedAccount();
            QVERIFY(remembered);
            QCOMPARE(remembered->family, ApiFamily::OpenApi);
            QVERIFY(!remembered->account.contains(m_key));
        }
        QCOMPARE(readFresh(m_service, ApiFamily::OpenApi, kKeyEntry).secret.value_or(QString()),
                 m_key);

        // A restart: new keychain client, new session, the same settings.
        auto r = run(&settings);
        QSignalSpy signedIn(&r->session, &Session::signedIn);
        QSignalSpy restoreFailed(&r->session, &Session::restoreFailed);
        r->session.restore();
        QCOMPARE(r->session.state(), Session::State::SigningIn);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, kWait);
        QCOMPARE(restoreFailed.count(), 0);
        QCOMPARE(r->session.family(), ApiFamily::OpenApi);
        QVERIFY(r->session.isRemembered());
        QVERIFY(r->session.balance().has_value());
        r->session.signOut(); // leaves the test keyring as it found it
        settleKeychain();
    }

    void rememberedTokenSignsInWithoutThePassword() {
        AppSettings settings(m_ini);
        {
            auto r = run(&settings);
            QSignalSpy signedIn(&r->session, &Session::signedIn);
            r->session.signInWithPassword(kEmail, kPassword, true);
            QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, kWait);
            QTRY_VERIFY_WITH_TIMEOUT(r->session.isRemembered(), kWait);
        }
        const auto stored = readFresh(m_service, ApiFamily::Web, kEmail);
        QVERIFY(stored.secret);
        QVERIFY(*stored.secret != kPassword); // the token, never the password

        const qint64 logins = m_sandbox->stats().webLogins;
        auto r = run(&settings);
        QSignalSpy signedIn(&r->session, &Session::signedIn);
        r->session.restore();
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, kWait);
        QCOMPARE(r->session.family(), ApiFamily::Web);
        QCOMPARE(r->session.accountLabel(), kEmail);
        QCOMPARE(m_sandbox->stats().webLogins, logins); // no second login: the token was enough
        r->session.signOut();
        settleKeychain();
    }

    void signOutRemovesTheEntry_data() {
        QTest::addColumn<bool>("web");
        QTest::newRow("api key") << false;
        QTest::newRow("account") << true;
    }
    void signOutRemovesTheEntry() {
        QFETCH(bool, web);
        const ApiFamily family = web ? ApiFamily::Web : ApiFamily::OpenApi;
        const QString entry = web ? kEmail : kKeyEntry;
        AppSettings settings(m_ini);
        auto r = run(&settings);
        QSignalSpy signedIn(&r->session, &Session::signedIn);
        QSignalSpy signedOut(&r->session, &Session::signedOut);
        if (web)
            r->session.signInWithPassword(kEmail, kPassword, true);
        else
            r->session.signInWithApiKey(m_key, true);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(r->session.isRemembered(), kWait);
        QVERIFY(readFresh(m_service, family, entry).secret.has_value());

        r->session.signOut();
        QCOMPARE(signedOut.count(), 1);
        QCOMPARE(r->session.state(), Session::State::SignedOut);
        QVERIFY(!settings.rememberedAccount());
        // The delete is asynchronous; a fresh reader soon finds nothing, and that is no error.
        QTRY_VERIFY_WITH_TIMEOUT(!readFresh(m_service, family, entry).secret.has_value(), kWait);
        QVERIFY(readFresh(m_service, family, entry).error.isEmpty());

        // The next start asks: nothing to restore.
        auto again = run(&settings);
        QSignalSpy restoreFailed(&again->session, &Session::restoreFailed);
        again->session.restore();
        QTRY_COMPARE_WITH_TIMEOUT(restoreFailed.count(), 1, kWait);
        QVERIFY(restoreFailed.first().at(1).toString().isEmpty());
    }

    void endedSessionAsksAgainWithTheEmail() {
        {
            AppSettings settings(m_ini);
            auto r = run(&settings);
            QSignalSpy signedIn(&r->session, &Session::signedIn);
            r->session.signInWithPassword(kEmail, kPassword, true);
            QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, kWait);
            QTRY_VERIFY_WITH_TIMEOUT(r->session.isRemembered(), kWait);
        }
        // The account signed in in a browser meanwhile: the remembered token answers 10005.
        m_sandbox->endWebSession(kEmail, true);

        StudioOptions options;
        options.installLog = false;
        options.settingsFile = m_ini;
        options.keychainService = m_service;
        StudioApp app(options);
        QSignalSpy dialogs(&app, &StudioApp::loginDialogShown);
        QSignalSpy signedIn(app.session(), &Session::signedIn);
        QVERIFY(app.start());
        QTRY_COMPARE_WITH_TIMEOUT(dialogs.count(), 1, kWait);
        LoginDialog* dialog = app.loginDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->currentTab(), LoginDialog::Tab::Account);
        QCOMPARE(child<QLineEdit>(dialog, "emailEdit")->text(), kEmail);
        QVERIFY(child<QLineEdit>(dialog, "passwordEdit")->text().isEmpty());
        QCOMPARE(dialog->errorText(), ApiError::service(10005, {}).userMessage());
        QCOMPARE(signedIn.count(), 0); // asked, never signed in again behind the creator's back
        // The dead token is forgotten.
        QTRY_VERIFY_WITH_TIMEOUT(!readFresh(m_service, ApiFamily::Web, kEmail).secret.has_value(),
                                 kWait);

        // Typing the password is all it takes.
        QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), kPassword);
        QTest::mouseClick(child<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, kWait);
        QVERIFY(child<QLabel>(app.window(), "accountLabel")->text().contains(kEmail));
        app.session()->signOut();
        settleKeychain();
    }

    void appRemembersAcrossARestart() {
        {
            StudioOptions options;
            options.installLog = false;
            options.settingsFile = m_ini;
            options.keychainService = m_service;
            StudioApp app(options);
            QSignalSpy dialogs(&app, &StudioApp::loginDialogShown);
            QVERIFY(app.start());
            QTRY_COMPARE_WITH_TIMEOUT(dialogs.count(), 1, kWait); // nothing remembered yet
            LoginDialog* dialog = app.loginDialog();
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            auto* remember = child<QCheckBox>(dialog, "rememberCheck");
            QVERIFY(remember->isEnabled());
            QVERIFY(remember->isChecked()); // AppSettings::rememberMeByDefault
            auto* sandbox = child<QCheckBox>(dialog, "sandboxCheck");
            QTest::mouseClick(sandbox, Qt::LeftButton, {}, QPoint(8, sandbox->height() / 2));
            QVERIFY(app.sandboxHost());
            QCOMPARE(child<QLineEdit>(dialog, "apiKeyEdit")->text(),
                     app.sandboxHost()->defaultApiKey());
            QTRY_VERIFY_WITH_TIMEOUT(dialog->noticeText().isEmpty(), kWait); // the keychain answers
            // The picture: the key filled in, "remember" offered and ticked, no keychain notice.
            QVERIFY(child<QLineEdit>(dialog, "apiKeyEdit")->isVisible());
            QVERIFY(remember->isVisible() && remember->isChecked());
            QVERIFY(child<QLabel>(dialog, "keychainNotice")->isHidden());
            test::verifyScreenshot(dialog, QStringLiteral("login-apikey-keychain"));
            QTest::mouseClick(child<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(app.session()->state(), Session::State::SignedIn, kWait);
            QTRY_VERIFY_WITH_TIMEOUT(app.session()->isRemembered(), kWait);
        }
        // A restart: the embedded sandbox is started again and the key signs in silently.
        StudioOptions options;
        options.installLog = false;
        options.settingsFile = m_ini;
        options.keychainService = m_service;
        StudioApp app(options);
        QSignalSpy dialogs(&app, &StudioApp::loginDialogShown);
        QVERIFY(app.start());
        QVERIFY(app.sandboxHost());
        QTRY_COMPARE_WITH_TIMEOUT(app.session()->state(), Session::State::SignedIn, kWait);
        QCOMPARE(dialogs.count(), 0);
        QVERIFY(child<QLabel>(app.window(), "accountLabel")
                    ->text()
                    .contains(QStringLiteral("Platform API key")));
        QVERIFY(!child<QLabel>(app.window(), "balanceLabel")->text().isEmpty());

        // Account → Sign out: the entry goes, the dialog comes.
        app.window()->findChild<QAction*>(QStringLiteral("signOutAction"))->trigger();
        QTRY_COMPARE(dialogs.count(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            !readFresh(m_service, ApiFamily::OpenApi, kKeyEntry).secret.has_value(), kWait);
        settleKeychain(); // the new dialog's probe
    }
#else
    void sessionWorksInMemoryAndSaysSo() {
        AppSettings settings(m_ini);
        {
            auto r = run(&settings);
            QSignalSpy signedIn(&r->session, &Session::signedIn);
            QSignalSpy unavailable(&r->session, &Session::rememberUnavailable);
            QSignalSpy balance(&r->session, &Session::balanceChanged);
            r->session.signInWithApiKey(m_key, true);
            QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, kWait);
            QTRY_COMPARE_WITH_TIMEOUT(unavailable.count(), 1, kWait);
            const QString reason = unavailable.first().at(0).toString();
            QVERIFY(!reason.isEmpty());
            QVERIFY(!reason.contains(m_key));
            QVERIFY(!r->store.isPersistent());
            QVERIFY(!r->session.isRemembered());
            // The session itself works.
            QCOMPARE(r->session.state(), Session::State::SignedIn);
            balance.clear();
            r->session.refreshBalance();
            QTRY_COMPARE_WITH_TIMEOUT(balance.count(), 1, kWait);
        }
        // A restart remembers who, not the secret: the dialog will ask with the account filled in.
        auto r = run(&settings);
        QSignalSpy signedIn(&r->session, &Session::signedIn);
        QSignalSpy restoreFailed(&r->session, &Session::restoreFailed);
        r->session.restore();
        QTRY_COMPARE_WITH_TIMEOUT(restoreFailed.count(), 1, kWait);
        QCOMPARE(signedIn.count(), 0);
    }

    void dialogShowsTheNotice() {
        AppSettings settings(m_ini);
        auto r = run(&settings);
        LoginDialog dialog(&r->session, &r->store, &settings);
        QVERIFY(dialog.noticeText().isEmpty()); // not known yet
        dialog.open();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Opening the dialog asks the keychain once; its absence shows up as the notice.
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.noticeText().isEmpty(), kWait);
        QVERIFY2(
            dialog.noticeText().startsWith(QStringLiteral("Your sign-in will not be remembered: ")),
            qPrintable(dialog.noticeText()));
        QVERIFY(child<QLabel>(&dialog, "keychainNotice")->isVisible());
        test::verifyScreenshot(&dialog, QStringLiteral("login-nokeychain"));
        // Signing in still works, in memory.
        QTest::keyClicks(child<QLineEdit>(&dialog, "apiKeyEdit"), m_key);
        QTest::mouseClick(child<QPushButton>(&dialog, "signInButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(r->session.state(), Session::State::SignedIn, kWait);
        QVERIFY(!dialog.isVisible());
    }

    void windowSaysTheSignInIsNotRemembered() {
        StudioOptions options;
        options.installLog = false;
        options.settingsFile = m_ini;
        options.keychainService = m_service;
        StudioApp app(options);
        QSignalSpy dialogs(&app, &StudioApp::loginDialogShown);
        QVERIFY(app.start());
        QTRY_COMPARE_WITH_TIMEOUT(dialogs.count(), 1, kWait);
        LoginDialog* dialog = app.loginDialog();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->noticeText().isEmpty(), kWait);
        // Nothing to tick while there is no keychain.
        auto* remember = child<QCheckBox>(dialog, "rememberCheck");
        QVERIFY(!remember->isChecked());
        QVERIFY(!remember->isEnabled());
        auto* sandbox = child<QCheckBox>(dialog, "sandboxCheck");
        QTest::mouseClick(sandbox, Qt::LeftButton, {}, QPoint(8, sandbox->height() / 2));
        QTest::mouseClick(child<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.session()->state(), Session::State::SignedIn, kWait);
        QVERIFY(!app.session()->isRemembered());

        // Asked to remember anyway (the keychain went away after the dialog): the window says so.
        app.session()->signOut();
        QTRY_VERIFY(app.loginDialog());
        app.session()->signInWithApiKey(app.sandboxHost()->defaultApiKey(), true);
        QTRY_COMPARE_WITH_TIMEOUT(app.session()->state(), Session::State::SignedIn, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(app.window()->statusBar()->currentMessage().startsWith(
                                     QStringLiteral("Your sign-in will not be remembered")),
                                 kWait);
        QTRY_VERIFY(!app.loginDialog()); // signed in without it: it closed
        QVERIFY(!app.session()->isRemembered());
    }
#endif
};

int main(int argc, char* argv[]) {
#ifdef PIXVERSE_NO_KEYCHAIN
    // No session bus and no X display to autolaunch one: QtKeychain has no backend.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/pixverse-test-bus");
    qunsetenv("DISPLAY");
#endif
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("tst_session_keychain"));
    QApplication::setOrganizationName(QStringLiteral("PixVerse Studio tests"));
    TestSessionKeychain test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_session_keychain.moc"
