// Security checks (issue 8) that no other test makes:
// - secrets never reach a file: after a CLI batch and generate (with --verbose) and an in-process
//   JobEngine on a web account (login, upload token, object-store upload, generation, download,
//   the app's log file with debug output on), every file under this test's private HOME is
//   searched for the API key, the password, the session token and the upload credentials; so are
//   the CLI's stdout and stderr. The private HOMEs the other tests left are searched for the
//   sandbox's key and password too (ctest runs this after them);
// - nor do the files of the later features (issues 17-19), for both API families: the template
//   cache and the preview cache, the spend ledger (the service's, synced into the job store, and
//   the app's own), boards (with a board folder's copies) and tags, sidecars, batch and hot-folder
//   outputs (the watched folder's done/ folder), the log file, and what a CLI killed mid-batch
//   leaves behind (the database's WAL, partial downloads);
// - the sandbox listens on loopback only, in process and as `pixverse-sandbox --port N`;
// - a TLS certificate problem is reported as such, and nothing is sent over that connection.
#include "core/api/OpenApiRequests.h"
#include "core/api/WebApiRequests.h"
#include "core/backend/BackendFactory.h"
#include "core/effects/PreviewCache.h"
#include "core/effects/TemplateLibrary.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobLibrary.h"
#include "core/jobs/JobStore.h"
#include "core/ledger/LedgerSync.h"
#include "core/logging/LogFile.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/e2e/CliProcess.h"
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
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

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
    void noSecretInTheLaterFeaturesFiles();
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

namespace {

//! A session token of `email` from the sandbox's web login.
QString webSessionToken(const sandbox::SandboxHost& sandbox, QNetworkAccessManager* network,
                        const QString& email, const QString& password) {
    ApiClient login(network);
    if (login.setBaseUrl(sandbox.baseUrl()).isError())
        return {};
    const auto token = await<Result<web::LoginResult>>([&](auto done) {
        login.call(web::LoginRequest(email, password), nullptr,
                   std::function<void(Result<web::LoginResult>)>(done));
    });
    return token && token->ok() ? token->value->token : QString();
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

//! Runs `watch hot --out out` until it saved `expected` videos from what `drop` puts into the
//! folder, then interrupts it (SIGINT) as a creator would.
void watchOnce(const QString& cli, const QStringList& arguments, const QProcessEnvironment& env,
               const QString& hot, int expected, QString* output) {
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    QString out;
    QObject::connect(&process, &QProcess::readyRead,
                     [&] { out += QString::fromUtf8(process.readAll()); });
    process.start(cli, arguments);
    QTRY_VERIFY2_WITH_TIMEOUT(out.contains(u"Watching"), qPrintable(out), 30000);
    writeFile(QDir(hot).filePath(QStringLiteral(".prompts.txt.part")),
              "A heron at dawn\nA tram in the rain\n");
    QVERIFY(QFile::rename(QDir(hot).filePath(QStringLiteral(".prompts.txt.part")),
                          QDir(hot).filePath(QStringLiteral("prompts.txt"))));
    QTRY_VERIFY2_WITH_TIMEOUT(out.count(QStringLiteral("Saved ")) >= expected, qPrintable(out),
                              60000);
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(30000));
    out += QString::fromUtf8(process.readAll());
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             qPrintable(out));
    *output += out;
}

//! A batch killed (SIGKILL, as a crash) once its first job was queued: what it leaves on disk.
void crashMidBatch(const QString& cli, const QStringList& arguments, const QProcessEnvironment& env,
                   QString* output) {
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    QString out;
    QObject::connect(&process, &QProcess::readyRead,
                     [&] { out += QString::fromUtf8(process.readAll()); });
    process.start(cli, arguments);
    QTRY_VERIFY2_WITH_TIMEOUT(out.contains(u"in progress"), qPrintable(out), 60000);
    process.kill();
    QVERIFY(process.waitForFinished(30000));
    *output += out + QString::fromUtf8(process.readAll());
}

} // namespace

void TestSecurity::noSecretInTheLaterFeaturesFiles() {
    const QString home = QDir::homePath();
    QVERIFY2(home.endsWith(QStringLiteral(".home")), qPrintable(home));
    const QString apiKey =
        QStringLiteral("sk-canary2-%1")
            .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    const QString email = QStringLiteral("canary2@sandbox.local");
    const QString password =
        QStringLiteral("pw-canary2-%1")
            .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    sandbox::SandboxConfig config;
    config.apiKeys = {apiKey};
    config.webAccounts = {{email, password}};
    sandbox::SandboxHost sandbox(config);
    QVERIFY(sandbox.start());
    sandbox.setClockSpeed(200);
    sandbox.setCredits(apiKey, 1000000, 0);
    QNetworkAccessManager network;
    const QString sessionToken = webSessionToken(sandbox, &network, email, password);
    QVERIFY(!sessionToken.isEmpty());

    const QString cli = pixverse::test::appExecutable(QStringLiteral("pixverse-studio-cli"));
    QVERIFY(!cli.isEmpty());
    const QString work = QDir(home).filePath(QStringLiteral("later-features"));
    QDir(work).removeRecursively(); // the private HOME outlives a run
    QVERIFY(QDir().mkpath(work));
    const QString prompts = QDir(work).filePath(QStringLiteral("prompts.txt"));
    writeFile(prompts, "A lighthouse in a storm\nA fox in the snow\nA kite over dunes\n");

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PXSEC_KEY"), apiKey);
    env.insert(QStringLiteral("PXSEC_TOKEN"), sessionToken);
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("pixverse.*.debug=true"));
    const QString base = sandbox.baseUrl().toString();
    struct Family {
        QString name;
        QStringList connection;
    };
    const QList<Family> families{{QStringLiteral("openapi"),
                                  {QStringLiteral("--verbose"), QStringLiteral("--base-url"), base,
                                   QStringLiteral("--api-key-env"), QStringLiteral("PXSEC_KEY"),
                                   QStringLiteral("--poll-interval-ms"), QStringLiteral("50")}},
                                 {QStringLiteral("web"),
                                  {QStringLiteral("--verbose"), QStringLiteral("--base-url"), base,
                                   QStringLiteral("--token-env"), QStringLiteral("PXSEC_TOKEN"),
                                   QStringLiteral("--poll-interval-ms"), QStringLiteral("50")}}};
    // A model both families take (the website refuses v3.5-v5.5).
    const QStringList v6{QStringLiteral("--model"), QStringLiteral("v6")};
    QString cliOutput;
    for (const Family& family : families) {
        const QString out = QDir(work).filePath(family.name);
        const QString batchOut = QDir(out).filePath(QStringLiteral("batch"));
        auto cliRun = [&](const QStringList& command) {
            const test::CliRun run = test::runCli(cli, family.connection + command, env, 120000);
            cliOutput += run.out + run.err;
            return run;
        };
        // Batch outputs (videos, sidecars, the batch's job store with its ledger table).
        const test::CliRun batch = cliRun(
            QStringList{QStringLiteral("batch"), prompts, QStringLiteral("--out"), batchOut} + v6);
        QVERIFY2(batch.exitCode == 0, qPrintable(family.name + u' ' + batch.why()));
        // The spend report over that folder's ledger (the service's for a key, the local one
        // for a website account).
        const test::CliRun spend = cliRun(
            {QStringLiteral("spend"), QStringLiteral("--json"), QStringLiteral("--out"), batchOut});
        QVERIFY2(spend.exitCode == 0, qPrintable(family.name + u' ' + spend.why()));
        if (family.name == QStringLiteral("openapi")) {
            // The template cache in the CLI's data dir (a website account has no templates).
            const test::CliRun templates =
                cliRun({QStringLiteral("templates"), QStringLiteral("--refresh"),
                        QStringLiteral("--json")});
            QVERIFY2(templates.exitCode == 0, qPrintable(templates.why()));
        }
        // The hot folder: its done/ folder, the watch's output folder and job store.
        const QString hot = QDir(out).filePath(QStringLiteral("hot"));
        QVERIFY(QDir().mkpath(hot));
        watchOnce(cli,
                  family.connection +
                      QStringList{QStringLiteral("watch"), hot, QStringLiteral("--out"),
                                  QDir(out).filePath(QStringLiteral("watched"))} +
                      v6,
                  env, hot, 2, &cliOutput);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(QFileInfo::exists(QDir(hot).filePath(QStringLiteral("done/prompts.txt"))));
        // What a crash leaves: a batch killed mid-run (WAL, partial files, half-written state).
        crashMidBatch(cli,
                      family.connection +
                          QStringList{QStringLiteral("batch"), prompts, QStringLiteral("--out"),
                                      QDir(out).filePath(QStringLiteral("crashed"))} +
                          v6,
                      env, &cliOutput);
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY2(!cliOutput.contains(apiKey) && !cliOutput.contains(sessionToken),
             "a secret reached the CLI's output");

    // In process, as the app runs them: the log file with every debug line on, the template
    // list and its preview cache, the service's ledger synced into the job store, boards (one
    // with a folder: copies of its videos) and tags, sidecars rewritten with the marks.
    QLoggingCategory::setFilterRules(QStringLiteral("pixverse.*.debug=true"));
    const QString appData = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString cacheDir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    LogFile::install(appData);
    for (const ApiFamily familyKind : {ApiFamily::OpenApi, ApiFamily::Web}) {
        const bool openApi = familyKind == ApiFamily::OpenApi;
        BackendConfig backendConfig;
        backendConfig.family = familyKind;
        backendConfig.baseUrl = sandbox.baseUrl();
        backendConfig.secret = openApi ? apiKey : sessionToken;
        backendConfig.account = openApi ? QString() : email;
        backendConfig.objectStoreUrl = sandboxObjectStoreUrl(sandbox.baseUrl());
        const Result<Backend*> made = createBackend(&network, backendConfig, nullptr);
        QVERIFY(made.ok());
        std::unique_ptr<Backend> backend(*made.value);
        const QString name = openApi ? QStringLiteral("openapi") : QStringLiteral("web");
        const QString storeDir = QDir(appData).filePath(QStringLiteral("later-") + name);
        QDir(storeDir).removeRecursively(); // a new list each run
        JobStore store;
        QVERIFY(store.open(storeDir));
        const QString library = QDir(work).filePath(QStringLiteral("app-") + name);
        {
            JobEngineOptions options;
            options.libraryFolder = library;
            options.pollSchedule = PollSchedule::uniform(20);
            options.watchSystemNetwork = false;
            JobEngine engine(&store, backend.get(), &network, options);
            engine.start();
            GenerationRequest request;
            request.model = QStringLiteral("v6");
            request.prompt = QStringLiteral("A harbour at night");
            QVERIFY(engine.enqueue(request).ok());
            request.prompt = QStringLiteral("A harbour at dawn");
            QVERIFY(engine.enqueue(request).ok());
            QTRY_VERIFY_WITH_TIMEOUT(store.count(JobState::Done) == 2, 30000);
        }
        if (openApi) {
            LedgerSync ledger(&store, backend.get());
            QVERIFY(ledger.available());
            int added = -1;
            QObject::connect(&ledger, &LedgerSync::synced, &ledger,
                             [&added](int count, const ApiError&) { added = count; });
            ledger.sync();
            QTRY_VERIFY_WITH_TIMEOUT(added >= 0, 30000);
            // The ledger table holds what was charged: the engine's own lines, and the service's
            // once its list has them (the sandbox may list none yet).
            QVERIFY2(added > 0 || !store.ledgerEntries(LedgerEntry::Source::Local).isEmpty(),
                     "a ledger was stored");

            TemplateLibrary templates(QDir(appData).filePath(QStringLiteral("templates.json")));
            templates.setBackend(backend.get());
            QSignalSpy refreshed(&templates, &TemplateLibrary::refreshFinished);
            QSignalSpy saved(&templates, &TemplateLibrary::cacheSaved);
            templates.refresh(true);
            QVERIFY(refreshed.wait(30000));
            QCOMPARE(refreshed.first().first().toString(), QString());
            QTRY_VERIFY(!saved.isEmpty());
            PreviewCache previews(QDir(cacheDir).filePath(QStringLiteral("previews")),
                                  50LL * 1024 * 1024, &network);
            QSignalSpy ready(&previews, &PreviewCache::previewReady);
            int asked = 0;
            for (const EffectTemplate& t : templates.templates()) {
                if (asked == 3)
                    break;
                if (!t.previewUrl.isEmpty() && previews.cachedFile(t.previewUrl).isEmpty()) {
                    previews.fetch(t.previewUrl);
                    ++asked;
                }
            }
            QVERIFY(asked > 0);
            QTRY_COMPARE_WITH_TIMEOUT(ready.size(), asked, 30000);
        }
        JobLibrary marks(&store, library);
        const Result<Board> board = store.addBoard(QStringLiteral("Harbours ") + name);
        QVERIFY(board.ok());
        for (const Job& job : store.jobs()) {
            Job onBoard = job;
            onBoard.boards << board.value->id;
            QVERIFY(store.update(onBoard));
            marks.setTags(job.id, {QStringLiteral("night"), QStringLiteral("harbour")});
            marks.setRating({job.id}, 4);
            Job saved = *store.job(job.id);
            QVERIFY(marks.saveSidecar(saved));
        }
        // The board's folder gets a copy of each of its videos (with its sidecar).
        const QString boardFolder = QDir(work).filePath(QStringLiteral("board-") + name);
        QVERIFY(marks.setBoardFolder(board.value->id, boardFolder).ok());
        QTRY_COMPARE_WITH_TIMEOUT(
            QDir(boardFolder).entryList({QStringLiteral("*.mp4")}, QDir::Files).size(), 2, 30000);
    }
    LogFile::uninstall();
    QLoggingCategory::setFilterRules({});

    // Everything under HOME (its XDG config, data and cache dirs are inside it), binary files
    // and SQLite databases included.
    const QStringList secrets{apiKey, password, sessionToken};
    // The kinds of file this run must have written (the search below is over every file).
    QStringList missing{QStringLiteral("/templates-"),
                        QStringLiteral("/templates.json"),
                        QStringLiteral("/previews/"),
                        QStringLiteral(".mp4"),
                        QStringLiteral(".json"),
                        QStringLiteral(".sqlite"),
                        QStringLiteral("/done/prompts.txt"),
                        QStringLiteral("/board-"),
                        QStringLiteral(".log")};
    int files = 0;
    for (QDirIterator it(home, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
         it.hasNext();) {
        const QString path = it.next();
        ++files;
        missing.removeIf([&path](const QString& kind) { return path.contains(kind); });
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u' ')));
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
