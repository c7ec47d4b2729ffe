// The real LoginDialog driven by QTest against the sandbox over loopback HTTP: both tabs, the
// errors each tell their own story, Cancel aborts a stalled sign-in, and StudioApp shows the
// account in the window.
#include "Screenshots.h"
#include "WidgetTexts.h"
#include "app/gui/StudioApp.h"
#include "core/auth/Session.h"
#include "core/backend/BackendFactory.h"
#include "core/sandbox/SandboxHost.h"
#include "core/settings/AppSettings.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/PromptEditor.h"
#include "ui/Translations.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

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
constexpr int kWait = 15000;

//! One dialog over its own Session, pointed at `baseUrl` as if it were the real service.
struct Bed {
    Bed(const QUrl& baseUrl, const QString& iniFile)
        : settings(iniFile)
        , session(&network, nullptr, &settings) {
        Session::Target target;
        target.baseUrl = baseUrl;
        target.objectStoreUrl = sandboxObjectStoreUrl(baseUrl);
        session.setTarget(target);
        dialog = std::make_unique<LoginDialog>(&session, nullptr, &settings);
    }
    ~Bed() { dialog.reset(); }

    QLineEdit* apiKey() const { return child<QLineEdit>(dialog.get(), "apiKeyEdit"); }
    QLineEdit* email() const { return child<QLineEdit>(dialog.get(), "emailEdit"); }
    QLineEdit* password() const { return child<QLineEdit>(dialog.get(), "passwordEdit"); }
    QPushButton* signIn() const { return child<QPushButton>(dialog.get(), "signInButton"); }
    QPushButton* cancel() const { return child<QPushButton>(dialog.get(), "cancelButton"); }
    QTabWidget* tabs() const { return child<QTabWidget>(dialog.get(), "loginTabs"); }
    QProgressBar* busy() const { return child<QProgressBar>(dialog.get(), "busyIndicator"); }
    QLabel* error() const { return child<QLabel>(dialog.get(), "errorLabel"); }

    bool open() {
        dialog->open();
        return QTest::qWaitForWindowExposed(dialog.get());
    }
    void typeKey(const QString& key) {
        dialog->setCurrentTab(LoginDialog::Tab::ApiKey);
        apiKey()->clear();
        QTest::keyClicks(apiKey(), key);
    }
    void typeAccount(const QString& email, const QString& password) {
        dialog->setCurrentTab(LoginDialog::Tab::Account);
        this->email()->clear();
        this->password()->clear();
        QTest::keyClicks(this->email(), email);
        QTest::keyClicks(this->password(), password);
    }
    //! Everything a creator could touch is usable again.
    bool idle() const {
        return !dialog->isBusy() && tabs()->isEnabled() && apiKey()->isEnabled() &&
               signIn()->isEnabled() && busy()->isHidden();
    }

    QNetworkAccessManager network;
    AppSettings settings;
    Session session;
    std::unique_ptr<LoginDialog> dialog;
};

quint16 closedPort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

class TestLoginDialog : public QObject {
    Q_OBJECT
    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    QTemporaryDir m_dir;
    QString m_key;
    int m_ini = 0;

    std::unique_ptr<Bed> bed(const QUrl& baseUrl = {}) {
        auto b =
            std::make_unique<Bed>(baseUrl.isEmpty() ? m_sandbox->baseUrl() : baseUrl,
                                  m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_ini)));
        return b;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_sandbox = std::make_unique<sandbox::SandboxHost>();
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        m_key = m_sandbox->defaultApiKey();
    }
    void cleanup() { m_sandbox->clearFaults(); }

    void apiKeyTabSignsIn() {
        auto b = bed();
        QVERIFY(b->open());
        QCOMPARE(b->dialog->currentTab(), LoginDialog::Tab::ApiKey);
        QVERIFY(!b->signIn()->isEnabled()); // nothing typed yet
        QCOMPARE(b->apiKey()->echoMode(), QLineEdit::Password);
        b->typeKey(m_key);
        QVERIFY(b->signIn()->isEnabled());
        QSignalSpy accepted(b->dialog.get(), &QDialog::accepted);
        QTest::mouseClick(b->signIn(), Qt::LeftButton);
        // Stays open and busy while the key is checked; the event loop keeps running.
        QVERIFY(b->dialog->isBusy());
        QVERIFY(b->dialog->isVisible());
        QVERIFY(!b->tabs()->isEnabled());
        QVERIFY(!b->signIn()->isEnabled());
        QVERIFY(b->cancel()->isEnabled());
        QVERIFY(b->busy()->isVisible());
        QCOMPARE(b->busy()->maximum(), 0); // indeterminate
        QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, kWait);
        QVERIFY(!b->dialog->isVisible());
        QCOMPARE(b->session.state(), Session::State::SignedIn);
        QCOMPARE(b->session.family(), ApiFamily::OpenApi);
        QVERIFY(!b->session.accountLabel().contains(m_key));
        QVERIFY(b->session.balance().has_value());
    }

    void wrongKeyIsSaidPlainly() {
        auto b = bed();
        QVERIFY(b->open());
        b->typeKey(QStringLiteral("sk-not-a-key-of-this-sandbox-1234"));
        QTest::keyClick(b->apiKey(), Qt::Key_Return); // Enter signs in too
        QVERIFY(b->dialog->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!b->dialog->isBusy(), kWait);
        QCOMPARE(b->dialog->errorText(), ApiError::service(400012, QString()).userMessage());
        QCOMPARE(b->dialog->problem(), LoginDialog::Problem::BadApiKey);
        QVERIFY(b->error()->isVisible());
        QVERIFY(b->dialog->isVisible());
        QVERIFY(b->idle());
        QCOMPARE(b->session.state(), Session::State::SignedOut);
    }

    void unreachableServerIsANetworkProblem() {
        auto b = bed(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(closedPort())));
        QVERIFY(b->open());
        b->typeKey(m_key);
        QTest::mouseClick(b->signIn(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!b->dialog->isBusy(), kWait);
        QCOMPARE(b->dialog->problem(), LoginDialog::Problem::Network);
        QVERIFY2(b->dialog->errorText().startsWith(QStringLiteral("Could not reach PixVerse")),
                 qPrintable(b->dialog->errorText()));
        QVERIFY(b->idle());
    }

    void cancelAbortsAStalledSignIn() {
        auto b = bed();
        QVERIFY(b->open());
        sandbox::SandboxFault stall;
        stall.kind = sandbox::SandboxFault::Kind::Stall;
        stall.pathContains = QStringLiteral("balance");
        stall.delayMs = 3000;
        const qint64 droppedBefore = m_sandbox->stats().stalledAnswersDropped;
        m_sandbox->injectFault(stall);
        const qint64 before = m_sandbox->stats().requests;
        QSignalSpy signedIn(&b->session, &Session::signedIn);
        QSignalSpy failed(&b->session, &Session::signInFailed);

        b->typeKey(m_key);
        QTest::mouseClick(b->signIn(), Qt::LeftButton);
        QVERIFY(b->dialog->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(m_sandbox->stats().requests > before, kWait); // it is stalling now
        QTest::mouseClick(b->cancel(), Qt::LeftButton);
        QVERIFY(b->idle());
        QVERIFY(b->dialog->isVisible()); // Cancel aborted the sign-in, it did not close the dialog
        QVERIFY(b->dialog->errorText().isEmpty());
        QCOMPARE(b->session.state(), Session::State::SignedOut);
        // The stalled answer comes due and finds nobody (Cancel closed the request): nothing
        // signs in behind the creator's back.
        QTRY_COMPARE_WITH_TIMEOUT(m_sandbox->stats().stalledAnswersDropped, droppedBefore + 1,
                                  kWait);
        QCOMPARE(signedIn.count(), 0);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(b->session.state(), Session::State::SignedOut);
        QVERIFY(b->dialog->isVisible());

        // And the next attempt works.
        QTest::mouseClick(b->signIn(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(b->session.state(), Session::State::SignedIn, kWait);
        QVERIFY(!b->dialog->isVisible());
    }

    void escapeWhileBusyCancelsAndStaysOpen() {
        auto b = bed();
        QVERIFY(b->open());
        sandbox::SandboxFault stall;
        stall.kind = sandbox::SandboxFault::Kind::Stall;
        stall.pathContains = QStringLiteral("balance");
        stall.delayMs = 3000;
        m_sandbox->injectFault(stall);
        b->typeKey(m_key);
        QTest::mouseClick(b->signIn(), Qt::LeftButton);
        QVERIFY(b->dialog->isBusy());
        QTest::keyClick(b->dialog.get(), Qt::Key_Escape);
        QVERIFY(b->idle());
        QVERIFY(b->dialog->isVisible());
        // Idle, Escape closes.
        QTest::keyClick(b->dialog.get(), Qt::Key_Escape);
        QVERIFY(!b->dialog->isVisible());
        QCOMPARE(b->dialog->result(), int(QDialog::Rejected));
    }

    void serverErrorIsAnOutage() {
        auto b = bed();
        QVERIFY(b->open());
        sandbox::SandboxFault outage;
        outage.kind = sandbox::SandboxFault::Kind::HttpStatus;
        outage.httpStatus = 500;
        outage.pathContains = QStringLiteral("balance");
        outage.count = -1; // every retry too
        m_sandbox->injectFault(outage);
        b->typeKey(m_key);
        QTest::mouseClick(b->signIn(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!b->dialog->isBusy(), kWait);
        QCOMPARE(b->dialog->problem(), LoginDialog::Problem::Outage);
        QVERIFY2(b->dialog->errorText().contains(QStringLiteral("HTTP 500")),
                 qPrintable(b->dialog->errorText()));
        QVERIFY2(b->dialog->errorText().startsWith(QStringLiteral("PixVerse is having trouble")),
                 qPrintable(b->dialog->errorText()));
        QVERIFY(b->idle());
    }

    void emailTabSignsIn() {
        auto b = bed();
        QVERIFY(b->open());
        b->typeAccount(kEmail, kPassword);
        QCOMPARE(b->password()->echoMode(), QLineEdit::Password);
        QSignalSpy accepted(b->dialog.get(), &QDialog::accepted);
        QTest::mouseClick(b->signIn(), Qt::LeftButton);
        QVERIFY(b->dialog->isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, kWait);
        QCOMPARE(b->session.state(), Session::State::SignedIn);
        QCOMPARE(b->session.family(), ApiFamily::Web);
        QCOMPARE(b->session.accountLabel(), kEmail);
        QVERIFY(b->password()->text().isEmpty()); // not kept around once used
    }

    void wrongPasswordIsSaidPlainly_data() {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::newRow("wrong password") << kEmail << QStringLiteral("not-the-password");
        QTest::newRow("unknown user") << QStringLiteral("nobody@sandbox.local") << kPassword;
    }
    void wrongPasswordIsSaidPlainly() {
        QFETCH(QString, email);
        QFETCH(QString, password);
        auto b = bed();
        QVERIFY(b->open());
        b->typeAccount(email, password);
        QTest::mouseClick(b->signIn(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!b->dialog->isBusy(), kWait);
        QCOMPARE(b->dialog->errorText(), QStringLiteral("The e-mail or password is wrong."));
        QCOMPARE(b->dialog->problem(), LoginDialog::Problem::WrongPassword);
        QVERIFY(b->idle());
        QCOMPARE(b->email()->text(), email); // only the password is typed again
        QCOMPARE(b->session.state(), Session::State::SignedOut);
    }

    void emptyFieldsAreRefusedBeforeSending() {
        auto b = bed();
        QVERIFY(b->open());
        b->typeAccount(QStringLiteral("not-an-address"), QStringLiteral("x"));
        const qint64 before = m_sandbox->stats().requests;
        QTest::mouseClick(b->signIn(), Qt::LeftButton);
        QVERIFY(!b->dialog->isBusy());
        QCOMPARE(b->dialog->problem(), LoginDialog::Problem::Input);
        QVERIFY(!b->dialog->errorText().isEmpty());
        QCOMPARE(m_sandbox->stats().requests, before);
    }

    void classifiesEveryFailure_data() {
        QTest::addColumn<ApiError>("error");
        QTest::addColumn<int>("family");
        QTest::addColumn<int>("problem");
        const int key = int(ApiFamily::OpenApi);
        const int web = int(ApiFamily::Web);
        QTest::newRow("500200") << ApiError::service(500200, {}) << web
                                << int(LoginDialog::Problem::WrongPassword);
        QTest::newRow("500201") << ApiError::service(500201, {}) << web
                                << int(LoginDialog::Problem::WrongPassword);
        QTest::newRow("400 login")
            << ApiError::service(400, {}) << web << int(LoginDialog::Problem::WrongPassword);
        QTest::newRow("400012") << ApiError::service(400012, {}) << key
                                << int(LoginDialog::Problem::BadApiKey);
        QTest::newRow("401 key") << ApiError::http(401) << key
                                 << int(LoginDialog::Problem::BadApiKey);
        QTest::newRow("network") << ApiError::network(QStringLiteral("refused")) << key
                                 << int(LoginDialog::Problem::Network);
        QTest::newRow("timeout") << ApiError::timeout() << web
                                 << int(LoginDialog::Problem::Network);
        QTest::newRow("502") << ApiError::http(502) << web << int(LoginDialog::Problem::Outage);
        QTest::newRow("500069") << ApiError::service(500069, {}) << key
                                << int(LoginDialog::Problem::Outage);
        QTest::newRow("malformed") << ApiError::malformed(QStringLiteral("not json")) << web
                                   << int(LoginDialog::Problem::Outage);
        QTest::newRow("10005") << ApiError::service(10005, {}) << web
                               << int(LoginDialog::Problem::Other);
        QTest::newRow("cancelled")
            << ApiError::cancelled() << key << int(LoginDialog::Problem::None);
    }
    void classifiesEveryFailure() {
        QFETCH(ApiError, error);
        QFETCH(int, family);
        QFETCH(int, problem);
        const auto f = static_cast<ApiFamily>(family);
        QCOMPARE(int(LoginDialog::classify(error, f)), problem);
        const QString text = LoginDialog::sentence(error, f);
        QCOMPARE(text.isEmpty(), problem == int(LoginDialog::Problem::None));
        // The sentences of different problems differ.
        if (problem == int(LoginDialog::Problem::Network))
            QVERIFY(text.startsWith(QStringLiteral("Could not reach PixVerse")));
        if (problem == int(LoginDialog::Problem::Outage))
            QVERIFY(text.startsWith(QStringLiteral("PixVerse is having trouble")));
    }

    void showHideRevealsTheKey() {
        auto b = bed();
        QVERIFY(b->open());
        auto* toggle = child<QToolButton>(b->dialog.get(), "showApiKeyButton");
        QTest::mouseClick(toggle, Qt::LeftButton);
        QCOMPARE(b->apiKey()->echoMode(), QLineEdit::Normal);
        QCOMPARE(toggle->text(), QStringLiteral("Hide"));
        QTest::mouseClick(toggle, Qt::LeftButton);
        QCOMPARE(b->apiKey()->echoMode(), QLineEdit::Password);
        QCOMPARE(toggle->text(), QStringLiteral("Show"));
    }

    void linkOpensThePlatform() {
        auto b = bed();
        QList<QUrl> opened;
        b->dialog->setUrlOpener([&opened](const QUrl& url) {
            opened << url;
            return true;
        });
        QVERIFY(b->open());
        auto* link = child<QLabel>(b->dialog.get(), "getKeyLink");
        QVERIFY(link->isVisible());
        QTest::mouseClick(link, Qt::LeftButton, {}, QPoint(8, link->height() / 2));
        QCOMPARE(opened, QList<QUrl>{QUrl(QStringLiteral("https://platform.pixverse.ai"))});
        QVERIFY(b->dialog->errorText().isEmpty());
        // A browser that cannot be opened is said, not swallowed.
        b->dialog->setUrlOpener([](const QUrl&) { return false; });
        QTest::mouseClick(link, Qt::LeftButton, {}, QPoint(8, link->height() / 2));
        QVERIFY(b->dialog->errorText().contains(QStringLiteral("platform.pixverse.ai")));
    }

    void sandboxCheckBoxStartsAndRetargets() {
        auto b = bed(QUrl(QStringLiteral("https://app-api.pixverse.ai/")));
        auto* check = child<QCheckBox>(b->dialog.get(), "sandboxCheck");
        QVERIFY(check->isHidden()); // no sandbox to offer
        int starts = 0;
        bool failNext = true;
        b->dialog->setSandboxStarter(
            [&](QString* error) -> std::optional<LoginDialog::SandboxOffer> {
                ++starts;
                if (failNext) {
                    *error = QStringLiteral("port taken");
                    return std::nullopt;
                }
                LoginDialog::SandboxOffer offer;
                offer.target.baseUrl = m_sandbox->baseUrl();
                offer.target.objectStoreUrl = sandboxObjectStoreUrl(m_sandbox->baseUrl());
                offer.target.sandbox = true;
                offer.apiKey = m_key;
                offer.email = kEmail;
                offer.password = kPassword;
                return offer;
            });
        QVERIFY(b->open());
        QVERIFY(check->isVisible());
        QVERIFY(!check->isChecked());

        QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(8, check->height() / 2));
        QCOMPARE(starts, 1);
        QVERIFY(!check->isChecked());
        QVERIFY(b->dialog->errorText().contains(QStringLiteral("port taken")));
        QVERIFY(!b->session.target().sandbox);

        failNext = false;
        QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(8, check->height() / 2));
        QVERIFY(check->isChecked());
        QVERIFY(b->dialog->errorText().isEmpty());
        QVERIFY(b->session.target().sandbox);
        QCOMPARE(b->session.target().baseUrl, m_sandbox->baseUrl());
        QCOMPARE(b->apiKey()->text(), m_key); // filled in for convenience
        QCOMPARE(b->email()->text(), kEmail);
        QVERIFY(child<QLabel>(b->dialog.get(), "sandboxHint")->isVisible());

        // Off again: back to the service, and the sandbox's key is not offered to it.
        QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(8, check->height() / 2));
        QVERIFY(!b->session.target().sandbox);
        QCOMPARE(b->session.target().baseUrl, QUrl(QStringLiteral("https://app-api.pixverse.ai/")));
        QVERIFY(b->apiKey()->text().isEmpty());
        QVERIFY(b->email()->text().isEmpty());

        QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(8, check->height() / 2));
        QCOMPARE(starts, 2); // started once; the running one is reused afterwards
        QTest::mouseClick(b->signIn(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(b->session.state(), Session::State::SignedIn, kWait);
        QVERIFY(b->settings.useSandbox()); // the choice is kept for next time
    }

    void prefilledAfterAnEndedSession() {
        auto b = bed();
        const QString why = ApiError::service(10005, {}).userMessage();
        b->dialog->prefill(ApiFamily::Web, kEmail, why);
        QVERIFY(b->open());
        QCOMPARE(b->dialog->currentTab(), LoginDialog::Tab::Account);
        QCOMPARE(b->email()->text(), kEmail);
        QVERIFY(b->password()->text().isEmpty());
        QCOMPARE(b->dialog->errorText(), why);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(b->password()));

        b->dialog->prefill(ApiFamily::OpenApi, QStringLiteral("sk-…0000"), QString());
        QCOMPARE(b->dialog->currentTab(), LoginDialog::Tab::ApiKey);
        QVERIFY(b->apiKey()->placeholderText().contains(QStringLiteral("sk-…0000")));
        QVERIFY(b->dialog->errorText().isEmpty());
    }

    void rememberFollowsTheSetting() {
        QTemporaryDir dir;
        {
            AppSettings settings(dir.filePath(QStringLiteral("a.ini")));
            settings.setRememberMeByDefault(false);
            QNetworkAccessManager network;
            Session session(&network, nullptr, &settings);
            LoginDialog withoutKeychain(&session, nullptr, &settings);
            // No keychain given: nothing can be remembered, so the box is off and disabled.
            QVERIFY(!child<QCheckBox>(&withoutKeychain, "rememberCheck")->isChecked());
            QVERIFY(!child<QCheckBox>(&withoutKeychain, "rememberCheck")->isEnabled());
        }
    }

    void appShowsTheAccountAndSignsOut() {
        // StudioApp as `pixverse-studio --sandbox` runs it: its own sandbox, signed in silently.
        StudioOptions options;
        options.sandbox = true;
        options.installLog = false;
        options.settingsFile = m_dir.filePath(QStringLiteral("app.ini"));
        StudioApp app(options);
        QSignalSpy dialogs(&app, &StudioApp::loginDialogShown);
        QVERIFY(app.start());
        MainWindow* window = app.window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto* account = child<QLabel>(window, "accountLabel");
        auto* balance = child<QLabel>(window, "balanceLabel");
        QTRY_COMPARE_WITH_TIMEOUT(app.session()->state(), Session::State::SignedIn, kWait);
        QCOMPARE(dialogs.count(), 0);
        QVERIFY2(account->text().contains(QStringLiteral("Platform API key")),
                 qPrintable(account->text()));
        QVERIFY(!account->text().contains(app.sandboxHost()->defaultApiKey()));
        QVERIFY2(balance->text().contains(QStringLiteral("credits")), qPrintable(balance->text()));
        QCOMPARE(window->promptEditor()->balance().value_or(-1), app.session()->balance()->total());
        QCOMPARE(window->promptEditor()->family(), ApiFamily::OpenApi);

        // Account → Sign out: signed out, and the dialog asks who is next (on the sandbox).
        auto* signOut = window->findChild<QAction*>(QStringLiteral("signOutAction"));
        QVERIFY(signOut && signOut->isEnabled());
        signOut->trigger();
        QCOMPARE(app.session()->state(), Session::State::SignedOut);
        QVERIFY(account->text().contains(QStringLiteral("Not signed in")));
        QVERIFY(!window->promptEditor()->balance().has_value());
        QVERIFY(!signOut->isEnabled());
        QTRY_COMPARE(dialogs.count(), 1);
        LoginDialog* dialog = app.loginDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(child<QCheckBox>(dialog, "sandboxCheck")->isChecked());

        // The other family through the dialog: the window follows.
        dialog->setCurrentTab(LoginDialog::Tab::Account);
        QCOMPARE(child<QLineEdit>(dialog, "emailEdit")->text(),
                 kEmail); // the sandbox's account, offered
        QTest::mouseClick(child<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.session()->state(), Session::State::SignedIn, kWait);
        QTRY_VERIFY(!app.loginDialog()); // closed and deleted
        QVERIFY2(account->text().contains(kEmail), qPrintable(account->text()));
        QVERIFY(account->text().contains(QStringLiteral("PixVerse account")));
        QCOMPARE(window->promptEditor()->family(), ApiFamily::Web);
        QCOMPARE(window->promptEditor()->balance().value_or(-1), app.session()->balance()->total());
        QVERIFY(signOut->isEnabled());
        QVERIFY(account->isVisible() && balance->isVisible()); // in the picture below
        test::verifyScreenshot(window, QStringLiteral("mainwindow-account"));

        // Account → Switch account… opens the dialog again.
        auto* signIn = window->findChild<QAction*>(QStringLiteral("signInAction"));
        QVERIFY(signIn);
        signIn->trigger();
        QTRY_VERIFY(app.loginDialog());
        app.loginDialog()->reject();
        QTRY_VERIFY(!app.loginDialog());
        QCOMPARE(app.session()->state(), Session::State::SignedIn);
    }

    // Issue 18: in Russian the last line of the API key page's hint was cut off (the tab page
    // was shorter than its form at the dialog's width). The dialog as the app opens it on a
    // first start: every label shown whole, on both pages.
    void everyTextFitsInRussian() {
        QCOMPARE(installTranslations(*qApp, QStringLiteral("ru")), QStringLiteral("ru"));
        auto restore = qScopeGuard([] { installTranslations(*qApp, QStringLiteral("en")); });
        StudioOptions options;
        options.installLog = false;
        options.dataDir = m_dir.filePath(QStringLiteral("data-ru"));
        options.settingsFile = m_dir.filePath(QStringLiteral("app-ru.ini"));
        StudioApp app(options);
        QVERIFY(app.start());
        QTRY_VERIFY(app.loginDialog() && app.loginDialog()->isVisible());
        LoginDialog* dialog = app.loginDialog();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Вход в PixVerse"));
        QStringList cut;
        for (const LoginDialog::Tab tab : {LoginDialog::Tab::ApiKey, LoginDialog::Tab::Account}) {
            dialog->setCurrentTab(tab);
            QTRY_VERIFY2((cut = test::cutLabels(dialog)).isEmpty(),
                         qPrintable(cut.join(QLatin1Char('\n'))));
        }
    }

    void screenshots() {
        auto b = bed();
        b->dialog->setSandboxStarter([this](QString*) -> std::optional<LoginDialog::SandboxOffer> {
            LoginDialog::SandboxOffer offer;
            offer.target.baseUrl = m_sandbox->baseUrl();
            offer.target.sandbox = true;
            offer.apiKey = m_key;
            return offer;
        });
        QVERIFY(b->open());
        b->typeKey(QStringLiteral("sk-1234567890abcdef"));
        // Each picture shows its page: the field typed in, no error, nothing running.
        QCOMPARE(b->tabs()->currentWidget()->objectName(), QStringLiteral("apiKeyPage"));
        QVERIFY(b->apiKey()->isVisible());
        QCOMPARE(b->apiKey()->text(), QStringLiteral("sk-1234567890abcdef"));
        QVERIFY(b->error()->isHidden());
        QVERIFY(b->busy()->isHidden());
        test::verifyScreenshot(b->dialog.get(), QStringLiteral("login-apikey"));
        b->typeAccount(QStringLiteral("creator@example.com"), QStringLiteral("secret"));
        QCOMPARE(b->tabs()->currentWidget()->objectName(), QStringLiteral("accountPage"));
        QVERIFY(b->email()->isVisible() && b->password()->isVisible());
        QVERIFY(!b->apiKey()->isVisible());
        test::verifyScreenshot(b->dialog.get(), QStringLiteral("login-account"));
        b->typeAccount(kEmail, QStringLiteral("wrong"));
        QTest::mouseClick(b->signIn(), Qt::LeftButton);
        // Busy: the bar runs, Sign in waits, Cancel is there to stop it.
        QVERIFY(b->dialog->isBusy());
        QVERIFY(b->busy()->isVisible());
        QVERIFY(!b->signIn()->isEnabled());
        QVERIFY(b->cancel()->isVisible());
        test::verifyScreenshot(b->dialog.get(), QStringLiteral("login-busy"));
        QTRY_VERIFY_WITH_TIMEOUT(!b->dialog->isBusy(), kWait);
        // The error is shown in words, in the picture (verifyScreenshot: painted, not flat).
        QVERIFY(b->error()->isVisible());
        QVERIFY(!b->error()->text().isEmpty());
        QVERIFY(b->busy()->isHidden());
        test::verifyScreenshot(b->dialog.get(), QStringLiteral("login-error"));
    }
};

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("tst_logindialog"));
    QApplication::setOrganizationName(QStringLiteral("PixVerse Studio tests"));
    TestLoginDialog test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_logindialog.moc"
