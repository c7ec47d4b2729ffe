// After a full session of the app (sign in with an API key and with an e-mail and password, a
// text-to-video through each backend, sign out), no file under the test's private HOME and XDG
// directories — settings, log, job database, library, keyring — holds the API key, the password
// or the session token. Runs inside a private D-Bus session with gnome-keyring (KEYCHAIN), so
// "Remember me" really goes to a keychain.
#include "app/gui/StudioApp.h"
#include "core/auth/CredentialStore.h"
#include "core/auth/Session.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobStore.h"
#include "core/logging/LogFile.h"
#include "core/sandbox/SandboxHost.h"
#include "core/settings/AppSettings.h"
#include "tests/support/Await.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUrl>
#include <QUuid>

#include <memory>

using namespace pixverse;

namespace {

template <typename T> T* child(const QWidget* parent, const char* name) {
    auto* w = parent->findChild<T*>(QLatin1String(name));
    if (!w)
        qFatal("no child named %s", name);
    return w;
}

constexpr int kWait = 20000;

QString randomPart() {
    return QUuid::createUuid().toString(QUuid::Id128);
}

std::optional<QString> keychainSecret(ApiFamily family, const QString& account) {
    CredentialStore store;
    const auto read = test::await<CredentialStore::ReadResult>(
        [&](std::function<void(CredentialStore::ReadResult)> done) {
            store.read(family, account, &store, done);
        });
    return read ? read->secret : std::nullopt;
}

//! The byte forms a secret could take in a file: as typed, UTF-16, percent- and base64-encoded.
QList<QByteArray> forms(const QString& secret) {
    const QByteArray utf8 = secret.toUtf8();
    return {utf8, QByteArray(reinterpret_cast<const char*>(secret.utf16()), secret.size() * 2),
            QUrl::toPercentEncoding(secret), utf8.toBase64(QByteArray::OmitTrailingEquals)};
}

} // namespace

class TestNoSecrets : public QObject {
    Q_OBJECT
    const QString m_email = QStringLiteral("nosecret@sandbox.local");
    const QString m_key = QStringLiteral("sk-nosecret-") + randomPart();
    const QString m_password = QStringLiteral("pw-") + randomPart();

    //! One text-to-video through whatever backend the session has, start to saved file.
    void generate(StudioApp& app, JobStore& store, const QString& prompt, QStringList* saved) {
        JobEngineOptions options = JobEngineOptions::fromSettings(*app.settings());
        options.pollSchedule = PollSchedule::uniform(30);
        options.watchSystemNetwork = false;
        JobEngine engine(&store, app.session()->backend(), app.network(), options);
        QSignalSpy settled(&engine, &JobEngine::jobSettled);
        QSignalSpy videoSaved(&engine, &JobEngine::videoSaved);
        engine.start();
        GenerationRequest request;
        request.prompt = prompt;
        request.model = QStringLiteral("v6"); // both families take it (the web refuses v4.5)
        request.quality = QStringLiteral("540p");
        request.duration = 5;
        request.aspectRatio = QStringLiteral("16:9");
        const Result<Job> job = engine.enqueue(request);
        QVERIFY2(job.ok(), qPrintable(job.error.logText()));
        QTRY_COMPARE_WITH_TIMEOUT(settled.count(), 1, kWait);
        QCOMPARE(settled.first().at(1).value<JobState>(), JobState::Done);
        QCOMPARE(videoSaved.count(), 1);
        *saved << videoSaved.first().at(1).toString();
    }

    //! Signs in through the dialog; a first attempt meets a server error, so failures get logged
    //! too.
    void signInThroughTheDialog(StudioApp& app, LoginDialog::Tab tab) {
        QTRY_VERIFY(app.loginDialog());
        LoginDialog* dialog = app.loginDialog();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto* sandbox = child<QCheckBox>(dialog, "sandboxCheck");
        if (!sandbox->isChecked())
            QTest::mouseClick(sandbox, Qt::LeftButton, {}, QPoint(8, sandbox->height() / 2));
        QVERIFY(app.sandboxHost());
        app.sandboxHost()->setClockSpeed(200);
        QTRY_VERIFY_WITH_TIMEOUT(child<QCheckBox>(dialog, "rememberCheck")->isEnabled(), kWait);
        QVERIFY(child<QCheckBox>(dialog, "rememberCheck")->isChecked());
        dialog->setCurrentTab(tab);
        if (tab == LoginDialog::Tab::ApiKey) {
            child<QLineEdit>(dialog, "apiKeyEdit")->clear();
            QTest::keyClicks(child<QLineEdit>(dialog, "apiKeyEdit"), m_key);
        } else {
            child<QLineEdit>(dialog, "emailEdit")->clear();
            child<QLineEdit>(dialog, "passwordEdit")->clear();
            QTest::keyClicks(child<QLineEdit>(dialog, "emailEdit"), m_email);
            QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), m_password);
        }
        sandbox::SandboxFault outage;
        outage.kind = sandbox::SandboxFault::Kind::HttpStatus;
        outage.httpStatus = 503;
        outage.pathContains =
            tab == LoginDialog::Tab::ApiKey ? QStringLiteral("balance") : QStringLiteral("login");
        outage.count = tab == LoginDialog::Tab::ApiKey ? 3 : 1; // every attempt of the one sign-in
        app.sandboxHost()->injectFault(outage);
        auto* signIn = child<QPushButton>(dialog, "signInButton");
        QTest::mouseClick(signIn, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), kWait);
        QCOMPARE(dialog->problem(), LoginDialog::Problem::Outage);
        QTest::mouseClick(signIn, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.session()->state(), Session::State::SignedIn, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(app.session()->isRemembered(), kWait);
    }

private Q_SLOTS:
    void initTestCase() {
        // Every message reaches the log, debug included: the scrubbing is what is tested.
        QLoggingCategory::setFilterRules(QStringLiteral("pixverse.*=true"));
        // A fresh start: nothing remembered from an earlier run of this test.
        QFile::remove(QSettings().fileName());
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
        QDir(AppSettings::defaultLibraryFolder()).removeRecursively();
    }

    void aFullSessionLeavesNoSecretOnDisk() {
        QStringList expected; // files that must exist and be scanned
        QString token;
        {
            StudioOptions options;
            options.sandboxConfig.apiKeys = {m_key};
            options.sandboxConfig.webAccounts = {{m_email, m_password}};
            options.sandboxConfig.generationMs = 2000;
            StudioApp app(options);
            QVERIFY(!LogFile::filePath().isEmpty());
            expected << LogFile::filePath();
            QVERIFY(app.start());
            JobStore store;
            QVERIFY2(store.open(app.dataDir()), qPrintable(store.errorString()));
            expected << store.databasePath();

            // 1. The platform API key, remembered.
            signInThroughTheDialog(app, LoginDialog::Tab::ApiKey);
            QCOMPARE(app.session()->family(), ApiFamily::OpenApi);
            QCOMPARE(keychainSecret(ApiFamily::OpenApi, QStringLiteral("sandbox-api-key"))
                         .value_or(QString()),
                     m_key);
            generate(app, store, QStringLiteral("A lighthouse in a storm"), &expected);

            // 2. Sign out; then the PixVerse account, remembered (its token goes to the keychain).
            app.window()->findChild<QAction*>(QStringLiteral("signOutAction"))->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(
                !keychainSecret(ApiFamily::OpenApi, QStringLiteral("sandbox-api-key")), kWait);
            signInThroughTheDialog(app, LoginDialog::Tab::Account);
            QCOMPARE(app.session()->family(), ApiFamily::Web);
            token = keychainSecret(ApiFamily::Web, u"sandbox-" + m_email).value_or(QString());
            QVERIFY(token.size() >= 8);
            QVERIFY(token != m_password);
            generate(app, store, QStringLiteral("A paper boat on a river"), &expected);

            // 3. Sign out: the keychain forgets the token.
            app.window()->findChild<QAction*>(QStringLiteral("signOutAction"))->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(!keychainSecret(ApiFamily::Web, u"sandbox-" + m_email), kWait);
            QTRY_VERIFY(app.loginDialog());
            keychainSecret(ApiFamily::OpenApi,
                           QStringLiteral("settle")); // the dialog's probe is answered
            store.close();
            app.settings()->sync();
            expected << QSettings().fileName();
        }
        const QStringList written = expected;
        for (const QString& video : written) {
            if (video.endsWith(u".mp4"))
                expected << QFileInfo(video).dir().filePath(QFileInfo(video).completeBaseName() +
                                                            u".json");
        }

        // Every file under the private HOME (XDG config, data and cache live in it).
        QList<QPair<QString, QByteArray>> needles;
        for (const QByteArray& form : forms(m_key))
            needles.append({QStringLiteral("API key"), form});
        for (const QByteArray& form : forms(m_password))
            needles.append({QStringLiteral("password"), form});
        for (const QByteArray& form : forms(token))
            needles.append({QStringLiteral("token"), form});
        QStringList scanned;
        bool keyring = false;
        QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray data = file.readAll();
            scanned << QFileInfo(path).absoluteFilePath();
            keyring = keyring || path.contains(u"/keyrings/");
            for (const auto& [what, bytes] : std::as_const(needles))
                QVERIFY2(!data.contains(bytes),
                         qPrintable(QStringLiteral("the %1 is in %2").arg(what, path)));
        }
        // The test looked where the secrets would have gone.
        for (const QString& path : std::as_const(expected)) {
            const QFileInfo info(path);
            QVERIFY2(info.exists() && info.size() > 0, qPrintable(path));
            QVERIFY2(scanned.contains(info.absoluteFilePath()), qPrintable(path));
        }
        QVERIFY2(keyring, "the keyring's own files were scanned");
        QFile log(expected.constFirst());
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray logged = log.readAll();
        QVERIFY(logged.contains("creative_platform/login")); // the sign-ins were logged...
        QVERIFY(logged.contains("openapi/v2/account/balance"));
        QVERIFY(logged.contains("http=503")); // ...their failures too
        qInfo("%lld files scanned, none holds a secret", static_cast<long long>(scanned.size()));
    }
};

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("PixVerse Studio"));
    QApplication::setOrganizationName(QStringLiteral("PixVerse Studio"));
    TestNoSecrets test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_nosecrets.moc"
