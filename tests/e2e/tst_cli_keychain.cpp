// The CLI signs in with what the app remembered in the OS keychain (real gnome-keyring on a
// private D-Bus session): the API key with --keychain, a web session with --account EMAIL, and the
// app's proxy setting with its password.
#include "core/api/ApiClient.h"
#include "core/api/WebApiRequests.h"
#include "core/auth/CredentialStore.h"
#include "core/sandbox/SandboxHost.h"
#include "core/settings/AppSettings.h"
#include "core/settings/ProxySetup.h"
#include "tests/support/Await.h"
#include "tests/support/TestSupport.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
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
    void followsTheAppsProxy();

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

void TestCliKeychain::followsTheAppsProxy() {
    // A proxy that asks for its password, then refuses the tunnel: what the CLI sent is the test.
    QTcpServer proxy;
    QVERIFY(proxy.listen(QHostAddress::LocalHost));
    QList<QByteArray> requests;
    connect(&proxy, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket* socket = proxy.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [&requests, socket] {
                const QByteArray request = socket->readAll();
                requests.append(request);
                socket->write(request.contains("Proxy-Authorization:")
                                  ? "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n"
                                    "Connection: close\r\n\r\n"
                                  : "HTTP/1.1 407 Proxy Authentication Required\r\n"
                                    "Proxy-Authenticate: Basic realm=\"test\"\r\n"
                                    "Content-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
            });
        }
    });
    // The app's settings, where the window keeps them; the password only in the keychain.
    QTemporaryDir config;
    QVERIFY(config.isValid());
    ProxySettings settings;
    settings.mode = ProxySettings::Mode::Http;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = proxy.serverPort();
    settings.user = QStringLiteral("bob");
    {
        AppSettings app(
            config.filePath(AppSettings::appName() + u'/' + AppSettings::appName() + u".conf"));
        app.setProxy(settings);
        app.sync();
    }
    QVERIFY(remember(ApiFamily::OpenApi, proxyKeychainAccount(settings),
                     QStringLiteral("s3cret-proxy-pw")));

    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    env.insert(QStringLiteral("PXTEST_KEY"), QStringLiteral("sk-never-sent-00000000000"));
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(m_cli, {QStringLiteral("--base-url"), QStringLiteral("https://proxied.example/"),
                          QStringLiteral("--api-key-env"), QStringLiteral("PXTEST_KEY"),
                          QStringLiteral("balance")});
    QVERIFY(finished.wait(120000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitCode(), 5); // the tunnel was refused: network trouble
    QVERIFY(!err.contains(u"s3cret-proxy-pw"));
    QVERIFY2(!requests.isEmpty(), "the CLI went through the app's proxy");
    QVERIFY2(requests.first().startsWith("CONNECT proxied.example:443"), requests.first());
    const QByteArray credentials =
        "Proxy-Authorization: Basic " + QByteArray("bob:s3cret-proxy-pw").toBase64();
    QVERIFY2(std::any_of(requests.begin(), requests.end(),
                         [&](const QByteArray& r) { return r.contains(credentials); }),
             requests.last());
}

QTEST_GUILESS_MAIN(TestCliKeychain)
#include "tst_cli_keychain.moc"
