// Security checks (issue 8) that no other test makes:
// - secrets never reach a file: after a CLI batch and generate (with --verbose) and an in-process
//   JobEngine on a web account (login, upload token, object-store upload, generation, download,
//   the app's log file with debug output on), every file under this test's private HOME is
//   searched for the API key, the password, the session token and the upload credentials; so are
//   the CLI's stdout and stderr. The private HOMEs the other tests left are searched for the
//   sandbox's key and password too (ctest runs this after them);
// - the sandbox listens on loopback only, in process and as `pixverse-sandbox --port N`;
// - a TLS certificate problem is reported as such, and nothing is sent over that connection.
#include "core/api/OpenApiRequests.h"
#include "core/api/WebApiRequests.h"
#include "core/backend/BackendFactory.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobStore.h"
#include "core/logging/LogFile.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/support/Await.h"
#include "tests/support/TestSupport.h"

#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkInterface>
#include <QProcess>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;
using pixverse::test::await;

namespace {

//! Files under `root` (hidden ones too) whose bytes contain one of `secrets`, as "file: secret".
QStringList filesHolding(const QString& root, const QStringList& secrets,
                         const QStringList& skip = {}) {
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (std::any_of(skip.cbegin(), skip.cend(),
                        [&path](const QString& s) { return path.contains(s); }))
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        for (const QString& secret : secrets) {
            // UTF-8, and UTF-16 as QSettings or a QDataStream could write it.
            const QByteArray utf16(reinterpret_cast<const char*>(secret.utf16()),
                                   secret.size() * 2);
            if (bytes.contains(secret.toUtf8()) || bytes.contains(utf16))
                found << path + QStringLiteral(": ") + secret.left(6) + QStringLiteral("…");
        }
    }
    return found;
}

QList<QHostAddress> nonLoopbackAddresses() {
    QList<QHostAddress> out;
    const QList<QHostAddress> all = QNetworkInterface::allAddresses();
    for (const QHostAddress& a : all) {
        if (a.isLoopback() || a.isNull() ||
            (a.protocol() == QAbstractSocket::IPv6Protocol && a.isLinkLocal()))
            continue;
        out << a;
    }
    return out;
}

//! Whether a TCP connection to address:port is accepted within two seconds.
bool connects(const QHostAddress& address, quint16 port) {
    QTcpSocket socket;
    socket.connectToHost(address, port);
    const bool ok = socket.waitForConnected(2000);
    socket.abort();
    return ok;
}

quint16 freePort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

//! A TLS server with a self-signed certificate; counts the bytes it decrypted (requests seen).
class SelfSignedServer : public QTcpServer {
public:
    SelfSignedServer(QSslCertificate certificate, QSslKey key)
        : m_certificate(std::move(certificate))
        , m_key(std::move(key)) {}
    qint64 plaintextBytes = 0;
    int handshakesFailed = 0;

protected:
    void incomingConnection(qintptr descriptor) override {
        auto* socket = new QSslSocket(this);
        socket->setSocketDescriptor(descriptor);
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
        connect(socket, &QSslSocket::readyRead, socket,
                [this, socket] { plaintextBytes += socket->readAll().size(); });
        connect(socket, &QSslSocket::errorOccurred, socket,
                [this](QAbstractSocket::SocketError) { ++handshakesFailed; });
        socket->startServerEncryption();
    }

private:
    QSslCertificate m_certificate;
    QSslKey m_key;
};

} // namespace

class TestSecurity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void noSecretInAnythingWritten();
    void otherTestsLeftNoSecret();
    void sandboxListensOnLoopbackOnly();
    void sandboxExecutableListensOnLoopbackOnly();
    void tlsProblemsAreShownAndNothingIsSent();
};

void TestSecurity::noSecretInAnythingWritten() {
    const QString home = QDir::homePath();
    QVERIFY2(home.endsWith(QStringLiteral(".home")),
             qPrintable(home)); // ctest's private HOME, never a real one
    // Canaries: values that appear nowhere unless something copied them.
    const QString apiKey =
        QStringLiteral("sk-canary-%1")
            .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    const QString email = QStringLiteral("canary@sandbox.local");
    const QString password =
        QStringLiteral("pw-canary-%1")
            .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    sandbox::SandboxConfig config;
    config.apiKeys = {apiKey};
    config.webAccounts = {{email, password}};
    sandbox::SandboxHost sandbox(config);
    QVERIFY(sandbox.start());
    sandbox.setClockSpeed(200);

    // 1. The CLI, as a script would run it, chatty.
    const QString cli = pixverse::test::appExecutable(QStringLiteral("pixverse-studio-cli"));
    QVERIFY(!cli.isEmpty());
    const QString videos = QDir(home).filePath(QStringLiteral("Videos"));
    // Each run starts from an empty folder: the private HOME outlives a run, and a batch folder
    // left by an older build would be (rightly) refused as another batch.
    QDir(videos).removeRecursively();
    QDir().mkpath(videos);
    const QString batch = QDir(home).filePath(QStringLiteral("batch.txt"));
    {
        QFile file(batch);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("A lighthouse in a storm\nA fox in the snow\n");
    }
    QString cliOutput;
    const QStringList connection{QStringLiteral("--verbose"),  QStringLiteral("--base-url"),
                                 sandbox.baseUrl().toString(), QStringLiteral("--api-key-env"),
                                 QStringLiteral("PXSEC_KEY"),  QStringLiteral("--poll-interval-ms"),
                                 QStringLiteral("50")};
    for (const QStringList& command :
         {QStringList{QStringLiteral("batch"), batch, QStringLiteral("--out"),
                      QDir(videos).filePath(QStringLiteral("batch"))},
          QStringList{QStringLiteral("generate"), QStringLiteral("--json"),
                      QStringLiteral("--prompt"), QStringLiteral("A whale"),
                      QStringLiteral("--out"), videos},
          QStringList{QStringLiteral("balance")}}) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PXSEC_KEY"), apiKey);
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("pixverse.*.debug=true"));
        process.setProcessEnvironment(env);
        process.start(cli, connection + command);
        QVERIFY(process.waitForFinished(60000));
        const QString out =
            QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
        QVERIFY2(process.exitCode() == 0, qPrintable(out));
        QVERIFY(!(connection + command).join(u' ').contains(apiKey)); // never on a command line
        cliOutput += out;
    }
    QVERIFY2(!cliOutput.contains(apiKey), "the API key reached the CLI's output");

    // 2. The engine on a web account, with the app's log file and every debug line on.
    QLoggingCategory::setFilterRules(QStringLiteral("pixverse.*.debug=true"));
    LogFile::install(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    QNetworkAccessManager network;
    ApiClient login(&network);
    QVERIFY(!login.setBaseUrl(sandbox.baseUrl()).isError());
    const auto token = await<Result<web::LoginResult>>([&](auto done) {
        login.call(web::LoginRequest(email, password), nullptr,
                   std::function<void(Result<web::LoginResult>)>(done));
    });
    QVERIFY(token && token->ok());
    const QString sessionToken = token->value->token;
    login.setCredential(web::kCredentialHeader, sessionToken);
    login.setExtraHeaders(web::defaultHeaders());
    const auto uploadToken = await<Result<web::UploadToken>>([&](auto done) {
        login.call(web::UploadTokenRequest(), nullptr,
                   std::function<void(Result<web::UploadToken>)>(done));
    });
    QVERIFY(uploadToken && uploadToken->ok());
    BackendConfig backendConfig;
    backendConfig.family = ApiFamily::Web;
    backendConfig.baseUrl = sandbox.baseUrl();
    backendConfig.secret = sessionToken;
    backendConfig.account = email;
    backendConfig.objectStoreUrl = sandboxObjectStoreUrl(sandbox.baseUrl());
    const Result<Backend*> made = createBackend(&network, backendConfig, nullptr);
    QVERIFY(made.ok());
    std::unique_ptr<Backend> backend(*made.value);
    {
        JobStore store;
        QVERIFY(store.open(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        JobEngineOptions options;
        options.libraryFolder = QDir(videos).filePath(QStringLiteral("app"));
        options.pollSchedule = PollSchedule::uniform(20);
        options.watchSystemNetwork = false;
        JobEngine engine(&store, backend.get(), &network, options);
        engine.start();
        QImage image(320, 180, QImage::Format_RGB32);
        image.fill(Qt::darkYellow);
        const QString imagePath = QDir(home).filePath(QStringLiteral("Pictures/still.png"));
        QDir().mkpath(QFileInfo(imagePath).absolutePath());
        QVERIFY(image.save(imagePath));
        GenerationRequest request;
        request.model = QStringLiteral("v6"); // the web refuses v3.5-v5.5 (§3.10)
        request.prompt = QStringLiteral("The still comes alive");
        request.setStartImage(imagePath);
        QVERIFY(engine.enqueue(request).ok());
        request.setStartImage({});
        request.prompt = QStringLiteral("A city at night");
        QVERIFY(engine.enqueue(request).ok());
        QTRY_VERIFY_WITH_TIMEOUT(store.count(JobState::Done) == 2, 20000);
    }
    LogFile::uninstall();
    QLoggingCategory::setFilterRules({});

    // 3. Everything written under HOME: settings, database (and its WAL), images, videos,
    //    sidecars, logs, caches.
    const QStringList secrets{apiKey, password, sessionToken, uploadToken->value->accessKeySecret,
                              uploadToken->value->securityToken};
    int files = 0;
    for (QDirIterator it(home, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
         it.hasNext(); it.next())
        ++files;
    QVERIFY(files >= 10);
    const QStringList leaks = filesHolding(home, secrets);
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    qInfo("%d files under the private HOME hold none of %d secrets", files, int(secrets.size()));
}

void TestSecurity::otherTestsLeftNoSecret() {
    // Every test's private HOME, as the suite left it (this test is ordered after the others).
    const sandbox::SandboxConfig defaults;
    QStringList secrets = defaults.apiKeys;
    for (const auto& account : defaults.webAccounts)
        secrets << account.second;
    QDirIterator homes(QStringLiteral(PIXVERSE_BINARY_DIR "/tests"), {QStringLiteral("*.home")},
                       QDir::Dirs, QDirIterator::Subdirectories);
    int searched = 0;
    QStringList leaks;
    while (homes.hasNext()) {
        const QString home = homes.next();
        if (home == QDir::homePath())
            continue;
        ++searched;
        // The keychain is where a remembered secret belongs (tests that use gnome-keyring).
        leaks += filesHolding(home, secrets, {QStringLiteral("/keyrings/")});
    }
    QVERIFY(searched > 0);
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    qInfo("%d other test homes hold no sandbox key or password", searched);
}

void TestSecurity::sandboxListensOnLoopbackOnly() {
    QCOMPARE(sandbox::SandboxConfig().address, QHostAddress(QHostAddress::LocalHost));
    sandbox::SandboxHost sandbox;
    QVERIFY(sandbox.start());
    const quint16 port = static_cast<quint16>(sandbox.baseUrl().port());
    QCOMPARE(sandbox.baseUrl().host(), QStringLiteral("127.0.0.1"));
    QVERIFY(connects(QHostAddress::LocalHost, port));
    const QList<QHostAddress> others = nonLoopbackAddresses();
    if (others.isEmpty())
        QSKIP("This machine has no non-loopback address to try the sandbox's port on.");
    for (const QHostAddress& address : others)
        QVERIFY2(!connects(address, port), qPrintable(address.toString()));
}

void TestSecurity::sandboxExecutableListensOnLoopbackOnly() {
    const QString executable = pixverse::test::appExecutable(QStringLiteral("pixverse-sandbox"));
    QVERIFY(!executable.isEmpty());
    const quint16 port = freePort();
    QProcess process;
    process.start(executable, {QStringLiteral("--port"), QString::number(port)});
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(connects(QHostAddress::LocalHost, port), 10000);
    const QList<QHostAddress> others = nonLoopbackAddresses();
    for (const QHostAddress& address : others)
        QVERIFY2(!connects(address, port), qPrintable(address.toString()));
    process.kill();
    process.waitForFinished();
    if (others.isEmpty())
        QSKIP("This machine has no non-loopback address to try the sandbox's port on.");
}

void TestSecurity::tlsProblemsAreShownAndNothingIsSent() {
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here.");
    QTemporaryDir dir;
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-keyout"), dir.filePath(QStringLiteral("key.pem")),
                   QStringLiteral("-out"), dir.filePath(QStringLiteral("cert.pem"))});
    if (!openssl.waitForStarted() || !openssl.waitForFinished(60000) || openssl.exitCode() != 0)
        QSKIP("The openssl command is not available to make a self-signed certificate.");
    QFile certFile(dir.filePath(QStringLiteral("cert.pem")));
    QFile keyFile(dir.filePath(QStringLiteral("key.pem")));
    QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    SelfSignedServer server(QSslCertificate(&certFile), QSslKey(&keyFile, QSsl::Rsa));
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    QNetworkAccessManager network;
    ApiClient client(&network);
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(server.serverPort());
    QVERIFY(!client.setBaseUrl(url).isError());
    client.setCredential(openapi::kCredentialHeader, QStringLiteral("sk-must-not-leave"));
    client.setRetryPolicy({1, 10, 10});
    const auto balance = await<Result<Balance>>([&](auto done) {
        client.call(openapi::BalanceRequest(), nullptr, std::function<void(Result<Balance>)>(done));
    });
    QVERIFY(balance && !balance->ok());
    QCOMPARE(balance->error.kind(), ApiError::Kind::Tls);
    QCOMPARE(balance->error.userMessage(),
             QStringLiteral(
                 "The secure connection to PixVerse could not be verified, so nothing was sent."));
    QCOMPARE(server.plaintextBytes, 0); // not a byte of the request (nor its key) went through
}

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
