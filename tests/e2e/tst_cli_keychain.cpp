// The CLI signs in with what the app remembered in the OS keychain (real gnome-keyring on a
// private D-Bus session): the API key with --keychain, a web session with --account EMAIL.
#include "core/api/ApiClient.h"
#include "core/api/WebApiRequests.h"
#include "core/auth/CredentialStore.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/support/Await.h"
#include "tests/support/TestSupport.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QTest>

using namespace pixverse;
using pixverse::test::await;

class TestCliKeychain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rememberedApiKey();
    void rememberedWebSession();
    void nothingRemembered();

private:
    bool remember(ApiFamily family, const QString& account, const QString& secret);
    int run(const QStringList& arguments, QString* err = nullptr);

    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    QNetworkAccessManager m_network;
    CredentialStore m_store;
    QString m_cli;
};

void TestCliKeychain::initTestCase() {
    m_cli = pixverse::test::appExecutable(QStringLiteral("pixverse-studio-cli"));
    QVERIFY(!m_cli.isEmpty());
    m_sandbox = std::make_unique<sandbox::SandboxHost>();
    QVERIFY(m_sandbox->start());
}

bool TestCliKeychain::remember(ApiFamily family, const QString& account, const QString& secret) {
    const auto written = await<CredentialStore::WriteResult>(
        [&](auto done) { m_store.write(family, account, secret, nullptr, done); });
    return written && written->persisted;
}

int TestCliKeychain::run(const QStringList& arguments, QString* err) {
    QProcess process;
    process.start(m_cli,
                  QStringList{QStringLiteral("--base-url"), m_sandbox->baseUrl().toString()} +
                      arguments);
    if (!process.waitForFinished(60000))
        return -1;
    if (err)
        *err = QString::fromUtf8(process.readAllStandardError());
    return process.exitCode();
}

void TestCliKeychain::rememberedApiKey() {
    QVERIFY2(remember(ApiFamily::OpenApi, QStringLiteral("api-key"), m_sandbox->defaultApiKey()),
             "the keychain took the key");
    QString err;
    QCOMPARE(run({QStringLiteral("--keychain"), QStringLiteral("balance")}, &err), 0);
    QVERIFY2(!err.contains(m_sandbox->defaultApiKey()), qPrintable(err));
}

void TestCliKeychain::rememberedWebSession() {
    ApiClient client(&m_network);
    client.setBaseUrl(m_sandbox->baseUrl());
    const auto login = await<Result<web::LoginResult>>([&](auto done) {
        client.call(web::LoginRequest(QStringLiteral("creator@sandbox.local"),
                                      QStringLiteral("sandbox-password")),
                    nullptr, std::function<void(Result<web::LoginResult>)>(done));
    });
    QVERIFY(login && login->ok());
    QVERIFY(remember(ApiFamily::Web, QStringLiteral("creator@sandbox.local"), login->value->token));
    QString err;
    QCOMPARE(run({QStringLiteral("--account"), QStringLiteral("Creator@Sandbox.local"),
                  QStringLiteral("balance")},
                 &err),
             0);
}

void TestCliKeychain::nothingRemembered() {
    QString err;
    QCOMPARE(run({QStringLiteral("--account"), QStringLiteral("stranger@sandbox.local"),
                  QStringLiteral("balance")},
                 &err),
             3);
    QVERIFY2(err.contains(u"Remember me"), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestCliKeychain)
#include "tst_cli_keychain.moc"
