// The built pixverse-studio-cli against the sandbox over real loopback HTTP: whole generations
// to an MP4 that Qt Multimedia decodes, the JSON outputs, and every error with its exit code.
#include "core/api/ApiClient.h"
#include "core/api/ApiError.h"
#include "core/api/WebApiRequests.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/support/Await.h"
#include "tests/support/TestSupport.h"

#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMediaFormat>
#include <QMediaMetaData>
#include <QMediaPlayer>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QVideoFrame>
#include <QVideoSink>

using namespace pixverse;

namespace {
struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
    QString lastLine() const {
        const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
        return lines.isEmpty() ? QString() : lines.last();
    }
};

QString sentence(qint64 code) {
    return ApiError::service(code, {}).userMessage();
}

QStringList L(std::initializer_list<const char*> items) {
    QStringList list;
    for (const char* item : items)
        list << QString::fromUtf8(item);
    return list;
}
} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void textToVideoSavesAnH264Mp4_data();
    void textToVideoSavesAnH264Mp4();
    void imageToVideoFollowsTheImage();
    void embeddedSandbox();
    void webAccountEndToEnd();
    void webTokenProblemsExit3();
    void statusAndBalanceAsJson();
    void statusFindsAVideoOnAnyPage();
    void waitsForAFreeSlot();
    void givingUpBeforeASlotCancels();
    void usageErrorsExit2_data();
    void usageErrorsExit2();
    void authErrorsExit3();
    void refusalsExit4_data();
    void refusalsExit4();
    void badImagesExit2BeforeAnyRequest_data();
    void badImagesExit2BeforeAnyRequest();
    void trafficTroubleExits5();

private:
    CliRun run(const QStringList& arguments, int timeoutMs = 60000);
    QString webToken();
    QStringList webConnection() const {
        return {QStringLiteral("--base-url"), m_sandbox->baseUrl().toString(),
                QStringLiteral("--token-env"), QStringLiteral("PXTEST_TOKEN")};
    }
    QStringList connection() const {
        return {QStringLiteral("--base-url"), m_sandbox->baseUrl().toString(),
                QStringLiteral("--api-key-env"), QStringLiteral("PXTEST_KEY")};
    }
    QString makeImage(const QString& name, int width, int height, const char* format = nullptr);
    static void checkVideo(const QString& path, QSize expected);

    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    QTemporaryDir m_dir;
    QString m_cli;
    QString m_key;
    QString m_token;
    QNetworkAccessManager m_network;
};

void TestCli::initTestCase() {
    m_cli = pixverse::test::appExecutable(QStringLiteral("pixverse-studio-cli"));
    QVERIFY2(!m_cli.isEmpty(), "pixverse-studio-cli is built");
    sandbox::SandboxConfig config;
    config.concurrencyLimit = 1;
    m_sandbox = std::make_unique<sandbox::SandboxHost>(config);
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    // 6 s of generation pass in 30 ms: the CLI's first poll already sees the result.
    m_sandbox->setClockSpeed(200);
    m_key = m_sandbox->defaultApiKey();
    QVERIFY(m_dir.isValid());
}

void TestCli::init() {
    m_sandbox->setCredits(m_key, 100000, 0);
    m_sandbox->clearFaults();
}

void TestCli::cleanup() {
    m_sandbox->advanceClock(3600 * 1000);
}

CliRun TestCli::run(const QStringList& arguments, int timeoutMs) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PXTEST_KEY"), m_key);
    if (!m_token.isEmpty())
        env.insert(QStringLiteral("PXTEST_TOKEN"), m_token);
    process.setProcessEnvironment(env);
    process.start(m_cli, arguments);
    CliRun result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("timed out");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QString TestCli::makeImage(const QString& name, int width, int height, const char* format) {
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(40, 120, 200));
    const QString path = m_dir.filePath(name);
    return image.save(path, format) ? path : QString();
}

void TestCli::checkVideo(const QString& path, QSize expected) {
    QVERIFY2(QFileInfo::exists(path), qPrintable(path));
    QMediaPlayer player;
    QVideoSink sink;
    player.setVideoSink(&sink);
    player.setSource(QUrl::fromLocalFile(path));
    QTRY_VERIFY_WITH_TIMEOUT(player.mediaStatus() == QMediaPlayer::LoadedMedia ||
                                 player.mediaStatus() == QMediaPlayer::InvalidMedia,
                             10000);
    QCOMPARE(player.mediaStatus(), QMediaPlayer::LoadedMedia);
    QVERIFY(player.hasVideo());
    const QMediaMetaData meta = player.metaData();
    QCOMPARE(meta.value(QMediaMetaData::VideoCodec).value<QMediaFormat::VideoCodec>(),
             QMediaFormat::VideoCodec::H264);
    QCOMPARE(meta.value(QMediaMetaData::Resolution).toSize(), expected);
    // Decode a real frame, not just the header.
    QSize frameSize;
    connect(&sink, &QVideoSink::videoFrameChanged, &sink, [&frameSize](const QVideoFrame& frame) {
        if (frame.isValid())
            frameSize = frame.size();
    });
    player.play();
    QTRY_VERIFY_WITH_TIMEOUT(frameSize.isValid(), 10000);
    QCOMPARE(frameSize, expected);
    player.stop();
}

void TestCli::textToVideoSavesAnH264Mp4_data() {
    QTest::addColumn<QString>("quality");
    QTest::addColumn<QString>("aspect");
    QTest::addColumn<QSize>("size");
    QTest::newRow("540p 16:9") << "540p"
                               << "16:9" << QSize(960, 540);
    QTest::newRow("720p 9:16") << "720p"
                               << "9:16" << QSize(720, 1280);
    QTest::newRow("360p 1:1") << "360p"
                              << "1:1" << QSize(360, 360);
}

void TestCli::textToVideoSavesAnH264Mp4() {
    QFETCH(QString, quality);
    QFETCH(QString, aspect);
    QFETCH(QSize, size);
    const QString out = m_dir.filePath(u"t2v-" + quality);
    const CliRun cli =
        run(connection() + QStringList{QStringLiteral("generate"), QStringLiteral("--prompt"),
                                       QStringLiteral("A red fox running through snow"),
                                       QStringLiteral("--quality"), quality,
                                       QStringLiteral("--aspect"), aspect, QStringLiteral("--seed"),
                                       QStringLiteral("77"), QStringLiteral("--out"), out});
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
    const QString path = cli.lastLine();
    QVERIFY2(path.startsWith(out) && path.endsWith(u".mp4"), qPrintable(path));
    QVERIFY2(cli.err.contains(u"generating"), qPrintable(cli.err)); // progress goes to stderr
    QVERIFY(!cli.err.contains(m_key));                              // never the key
    checkVideo(path, size);
}

void TestCli::imageToVideoFollowsTheImage() {
    const QString image = makeImage(QStringLiteral("landscape.jpg"), 800, 600, "JPG");
    const QString out = m_dir.filePath(QStringLiteral("i2v"));
    const CliRun cli = run(
        connection() + QStringList{QStringLiteral("generate"), QStringLiteral("--prompt"),
                                   QStringLiteral("The clouds drift"), QStringLiteral("--image"),
                                   image, QStringLiteral("--out"), out, QStringLiteral("--json")});
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
    QVERIFY(cli.err.contains(u"uploaded"));
    const QStringList lines = cli.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const QJsonObject json = QJsonDocument::fromJson(lines.first().toUtf8()).object();
    QCOMPARE(json.value(u"path").toString(), cli.lastLine());
    const qint64 id = json.value(u"video_id").toInteger();
    QVERIFY(id > (Q_INT64_C(1) << 53));
    QCOMPARE(json.value(u"width").toInt(), 720);
    // The same engine as batch and the window: the library's name, its sidecar, its job store.
    QVERIFY2(cli.lastLine().endsWith(u'_' + QString::number(id) + u".mp4"),
             qPrintable(cli.lastLine()));
    QFile sidecar(cli.lastLine().chopped(4) + u".json");
    QVERIFY2(sidecar.open(QIODevice::ReadOnly), qPrintable(sidecar.fileName()));
    QCOMPARE(QJsonDocument::fromJson(sidecar.readAll()).object().value(u"prompt").toString(),
             QStringLiteral("The clouds drift"));
    QVERIFY(QFileInfo::exists(out + u"/.pixverse-studio"));
    // 4:3 image at the default 540p → 720×540.
    checkVideo(cli.lastLine(), QSize(720, 540));
}

void TestCli::embeddedSandbox() {
    const QString out = m_dir.filePath(QStringLiteral("embedded"));
    // Afresh: the embedded sandbox remembers its credits across runs in the test's HOME.
    const CliRun cli =
        run({QStringLiteral("--sandbox-reset"), QStringLiteral("--sandbox-clock-speed"),
             QStringLiteral("100"), QStringLiteral("generate"), QStringLiteral("--prompt"),
             QStringLiteral("Waves on a beach"), QStringLiteral("--model"), QStringLiteral("v5"),
             QStringLiteral("--quality"), QStringLiteral("1080p"), QStringLiteral("--duration"),
             QStringLiteral("8"), QStringLiteral("--out"), out});
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
    QVERIFY(cli.err.contains(u"sandbox"));
    checkVideo(cli.lastLine(), QSize(1920, 1080));
}

QString TestCli::webToken() {
    ApiClient client(&m_network);
    client.setBaseUrl(m_sandbox->baseUrl());
    const auto login = pixverse::test::await<Result<web::LoginResult>>([&](auto done) {
        client.call(web::LoginRequest(QStringLiteral("creator@sandbox.local"),
                                      QStringLiteral("sandbox-password")),
                    nullptr, std::function<void(Result<web::LoginResult>)>(done));
    });
    return login && login->ok() ? login->value->token : QString();
}

void TestCli::webAccountEndToEnd() {
    // The e-mail + password family: the CLI takes the session token, never the password.
    m_token = webToken();
    QVERIFY(!m_token.isEmpty());
    m_sandbox->setCredits(QStringLiteral("creator@sandbox.local"), 60, 100000, 0);
    const CliRun t2v =
        run(webConnection() +
            QStringList{QStringLiteral("generate"), QStringLiteral("--prompt"),
                        QStringLiteral("Northern lights"), QStringLiteral("--aspect"),
                        QStringLiteral("4:3"), QStringLiteral("--model"), QStringLiteral("v6"),
                        QStringLiteral("--out"), m_dir.filePath(QStringLiteral("web"))});
    QVERIFY2(t2v.exitCode == 0, qPrintable(t2v.err));
    checkVideo(t2v.lastLine(), QSize(1024, 768)); // V6: 540p is the long edge

    const QString image = makeImage(QStringLiteral("tall.png"), 480, 640);
    const CliRun i2v =
        run(webConnection() +
            QStringList{QStringLiteral("generate"), QStringLiteral("--prompt"),
                        QStringLiteral("The tall one waves"), QStringLiteral("--image"), image,
                        QStringLiteral("--model"), QStringLiteral("v6"), QStringLiteral("--out"),
                        m_dir.filePath(QStringLiteral("web"))});
    QVERIFY2(i2v.exitCode == 0, qPrintable(i2v.err));
    checkVideo(i2v.lastLine(), QSize(768, 1024));
    QVERIFY(!i2v.err.contains(m_token));

    const CliRun credits =
        run(webConnection() + QStringList{QStringLiteral("balance"), QStringLiteral("--json")});
    QCOMPARE(credits.exitCode, 0);
    QVERIFY(QJsonDocument::fromJson(credits.out.toUtf8()).object().value(u"total").toInteger() > 0);
    m_token.clear();
}

void TestCli::webTokenProblemsExit3() {
    m_token = webToken();
    QVERIFY(!webToken().isEmpty()); // a second login: the first token now answers 10005
    const CliRun elsewhere = run(webConnection() + QStringList{QStringLiteral("balance")});
    QCOMPARE(elsewhere.exitCode, 3);
    QVERIFY2(elsewhere.err.contains(sentence(10005)), qPrintable(elsewhere.err));
    m_token = QStringLiteral("eyJnot-a-token");
    const CliRun unknown = run(webConnection() + QStringList{QStringLiteral("balance")});
    QCOMPARE(unknown.exitCode, 3);
    QVERIFY2(unknown.err.contains(sentence(10001)), qPrintable(unknown.err));
    m_token.clear();
    const CliRun unset = run(webConnection() + QStringList{QStringLiteral("balance")});
    QCOMPARE(unset.exitCode, 3);
    QVERIFY(unset.err.contains(u"PXTEST_TOKEN"));
}

void TestCli::statusAndBalanceAsJson() {
    const QString out = m_dir.filePath(QStringLiteral("status"));
    const CliRun made =
        run(connection() + QStringList{QStringLiteral("generate"), QStringLiteral("--prompt"),
                                       QStringLiteral("Fireflies"), QStringLiteral("--out"), out,
                                       QStringLiteral("--json")});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    const QByteArray firstLine = made.out.split(u'\n').first().toUtf8();
    const qint64 id = QJsonDocument::fromJson(firstLine).object().value(u"video_id").toInteger();
    QVERIFY(id > (Q_INT64_C(1) << 53));
    QVERIFY2(firstLine.contains(QByteArray::number(id)), "the id is written with every digit");

    const CliRun status =
        run(connection() +
            QStringList{QStringLiteral("status"), QString::number(id), QStringLiteral("--json")});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.out.contains(QString::number(id)), qPrintable(status.out));
    const QJsonObject json = QJsonDocument::fromJson(status.out.toUtf8()).object();
    QCOMPARE(json.value(u"video_id").toInteger(), id); // above 2^53 and back, exactly
    QCOMPARE(json.value(u"status").toInt(), 1);
    QCOMPARE(json.value(u"state").toString(), QStringLiteral("succeeded"));
    QCOMPARE(json.value(u"width").toInt(), 960);

    const CliRun human =
        run(connection() + QStringList{QStringLiteral("status"), QString::number(id)});
    QCOMPARE(human.exitCode, 0);
    QVERIFY(human.out.contains(u"succeeded"));
    QVERIFY(human.out.contains(u"URL: http://127.0.0.1"));

    m_sandbox->setCredits(m_key, 700, 55);
    const CliRun balance =
        run(connection() + QStringList{QStringLiteral("balance"), QStringLiteral("--json")});
    QCOMPARE(balance.exitCode, 0);
    const QJsonObject credits = QJsonDocument::fromJson(balance.out.toUtf8()).object();
    QCOMPARE(credits.value(u"credit_monthly").toInteger(), 700);
    QCOMPARE(credits.value(u"credit_package").toInteger(), 55);
    QCOMPARE(credits.value(u"total").toInteger(), 755);
    const CliRun plain = run(connection() + QStringList{QStringLiteral("balance")});
    QCOMPARE(plain.exitCode, 0);
    QVERIFY2(plain.out.contains(u"755"), qPrintable(plain.out));
}

void TestCli::statusFindsAVideoOnAnyPage() {
    // 250 videos made on the website: the oldest is on the third page of list/personal.
    m_token = webToken();
    QVERIFY(!m_token.isEmpty());
    sandbox::SandboxAccountVideos made;
    made.email = QStringLiteral("creator@sandbox.local");
    made.count = 250;
    const QList<qint64> ids = m_sandbox->addAccountVideos(made);
    QCOMPARE(ids.size(), 250);
    const qint64 oldest = ids.first();
    const qint64 before = m_sandbox->stats().listCalls;

    const CliRun human =
        run(webConnection() + QStringList{QStringLiteral("status"), QString::number(oldest)});
    QVERIFY2(human.exitCode == 0, qPrintable(human.err));
    const QString line = human.out.split(u'\n').first();
    QCOMPARE(line, QStringLiteral("Video %1: succeeded (960×540)").arg(oldest));
    QVERIFY2(!human.out.contains(u"0x") && !human.err.contains(u"0x"), qPrintable(human.out));
    QCOMPARE(m_sandbox->stats().listCalls - before, 3); // pages of 100: read until found

    const CliRun json =
        run(webConnection() + QStringList{QStringLiteral("status"), QString::number(oldest),
                                          QStringLiteral("--json")});
    QVERIFY2(json.exitCode == 0, qPrintable(json.err));
    const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(object.value(u"video_id").toInteger(), oldest);
    QCOMPARE(object.value(u"state").toString(), QStringLiteral("succeeded"));

    // An id the account does not have: every page read, then an honest sentence, no made-up code.
    const CliRun unknown =
        run(webConnection() + QStringList{QStringLiteral("status"), QStringLiteral("123")});
    QCOMPARE(unknown.exitCode, 4);
    QVERIFY2(unknown.err.contains(u"does not list video 123"), qPrintable(unknown.err));
    QVERIFY2(!unknown.err.contains(u"500008"), qPrintable(unknown.err));
    m_token.clear();
}

void TestCli::waitsForAFreeSlot() {
    // Limit 1: a video already generating makes the service answer 500044; the CLI waits.
    m_sandbox->setClockSpeed(1);
    const CliRun first =
        run(connection() + QStringList{QStringLiteral("generate"), QStringLiteral("--prompt"),
                                       QStringLiteral("Slot holder"), QStringLiteral("--out"),
                                       m_dir.filePath(QStringLiteral("slot")),
                                       QStringLiteral("--wait"), QStringLiteral("1")});
    QCOMPARE(first.exitCode, 5); // gave up waiting; the video is still generating on the service
    QVERIFY2(first.err.contains(u"status"), qPrintable(first.err));
    // The second one is refused with 500044 and waits; only then does the holder finish.
    QProcess second;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PXTEST_KEY"), m_key);
    second.setProcessEnvironment(env);
    second.start(m_cli,
                 connection() + QStringList{QStringLiteral("generate"), QStringLiteral("--prompt"),
                                            QStringLiteral("Waiting turn"), QStringLiteral("--out"),
                                            m_dir.filePath(QStringLiteral("slot")),
                                            QStringLiteral("--poll-interval-ms"),
                                            QStringLiteral("100")});
    QString err;
    QTRY_VERIFY_WITH_TIMEOUT(
        (err += QString::fromUtf8(second.readAllStandardError())).contains(u"free slot"), 20000);
    m_sandbox->advanceClock(60 * 1000);
    m_sandbox->setClockSpeed(200);
    QVERIFY(second.waitForFinished(60000));
    err += QString::fromUtf8(second.readAllStandardError());
    QVERIFY2(second.exitCode() == 0, qPrintable(err));
    QVERIFY(QString::fromUtf8(second.readAllStandardOutput()).trimmed().endsWith(u".mp4"));
}

void TestCli::givingUpBeforeASlotCancels() {
    // Limit 1 and a clock that barely moves: the holder keeps the account's only slot.
    m_sandbox->setClockSpeed(0.001);
    const QString out = m_dir.filePath(QStringLiteral("no-slot"));
    const CliRun holder =
        run(connection() + QStringList{QStringLiteral("generate"), QStringLiteral("--prompt"),
                                       QStringLiteral("Holding the slot"), QStringLiteral("--out"),
                                       out, QStringLiteral("--wait"), QStringLiteral("1")});
    QCOMPARE(holder.exitCode, 5);
    const qint64 created = m_sandbox->stats().generationsCreated;
    const CliRun waiting = run(
        connection() + QStringList{QStringLiteral("generate"), QStringLiteral("--prompt"),
                                   QStringLiteral("Never sent"), QStringLiteral("--out"),
                                   m_dir.filePath(QStringLiteral("no-slot-2")),
                                   QStringLiteral("--wait"), QStringLiteral("2"),
                                   QStringLiteral("--poll-interval-ms"), QStringLiteral("100")});
    QCOMPARE(waiting.exitCode, 5);
    QVERIFY2(waiting.err.contains(u"free slot"), qPrintable(waiting.err));
    QVERIFY2(waiting.err.contains(u"was cancelled"), qPrintable(waiting.err));
    QVERIFY(waiting.out.isEmpty());
    QCOMPARE(m_sandbox->stats().generationsCreated, created); // refused each time, never made

    m_sandbox->advanceClock(60 * 1000);
    m_sandbox->setClockSpeed(200);
}

void TestCli::usageErrorsExit2_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("says");
    QTest::newRow("no command") << QStringList{} << "generate, status, balance or batch";
    QTest::newRow("unknown command") << L({"paint"}) << "Unknown command";
    QTest::newRow("no out") << L({"generate", "--prompt", "x"}) << "--out";
    QTest::newRow("empty prompt") << L({"generate", "--out", "/tmp/x"}) << "prompt";
    QTest::newRow("1080p 8 s") << L({"generate", "--prompt", "x", "--quality", "1080p",
                                     "--duration", "8", "--out", "/tmp/x"})
                               << "1080p";
    QTest::newRow("fast 8 s") << L({"generate", "--prompt", "x", "--motion", "fast", "--duration",
                                    "8", "--out", "/tmp/x"})
                              << "Fast motion";
    QTest::newRow("bad duration") << L({"generate", "--prompt", "x", "--duration", "five", "--out",
                                        "/tmp/x"})
                                  << "--duration";
    QTest::newRow("bad seed") << L({"generate", "--prompt", "x", "--seed", "-1", "--out", "/tmp/x"})
                              << "eed";
    QTest::newRow("status without id") << L({"status"}) << "VIDEO_ID";
    QTest::newRow("status bad id") << L({"status", "abc"}) << "VIDEO_ID";
    QTest::newRow("unknown option") << L({"balance", "--colour"}) << "colour";
    QTest::newRow("insecure url") << L({"--base-url", "http://app-api.pixverse.ai/", "balance"})
                                  << "https://";
    QTest::newRow("sandbox and url")
        << L({"--sandbox", "--base-url", "https://x.example/", "balance"}) << "not both";
    QTest::newRow("missing image") << L({"--sandbox", "generate", "--prompt", "x", "--image",
                                         "/nonexistent/cat.png", "--out", "/tmp/x"})
                                   << "cat.png";
}

void TestCli::usageErrorsExit2() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, says);
    const CliRun cli = run(arguments);
    QCOMPARE(cli.exitCode, 2);
    QVERIFY2(cli.err.contains(says), qPrintable(cli.err));
    QVERIFY(cli.out.isEmpty());
    // One clear sentence, last on stderr, not a stack of logs.
    const QStringList lines = cli.err.trimmed().split(u'\n');
    QVERIFY2(lines.last().contains(says), qPrintable(cli.err));
    QVERIFY2(lines.size() <= 3, qPrintable(cli.err));
}

void TestCli::authErrorsExit3() {
    m_key = QStringLiteral("sk-wrong-key-0000000000000");
    const CliRun wrong = run(connection() + QStringList{QStringLiteral("balance")});
    m_key = m_sandbox->defaultApiKey();
    QCOMPARE(wrong.exitCode, 3);
    QVERIFY2(wrong.err.contains(sentence(400012)), qPrintable(wrong.err));
    QVERIFY(!wrong.err.contains(u"sk-wrong-key"));

    const CliRun unset = run({QStringLiteral("--base-url"), m_sandbox->baseUrl().toString(),
                              QStringLiteral("--api-key-env"),
                              QStringLiteral("PXTEST_UNSET_VARIABLE"), QStringLiteral("balance")});
    QCOMPARE(unset.exitCode, 3);
    QVERIFY(unset.err.contains(u"PXTEST_UNSET_VARIABLE"));
}

void TestCli::refusalsExit4_data() {
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<qint64>("credits");
    QTest::addColumn<QString>("says");
    QTest::newRow("moderation") << L({"--prompt", "a forbidden scene"}) << qint64(100000)
                                << "moderation";
    QTest::newRow("500090 balance") << L({"--prompt", "x"}) << qint64(10) << sentence(500090);
}

void TestCli::refusalsExit4() {
    QFETCH(QStringList, extra);
    QFETCH(qint64, credits);
    QFETCH(QString, says);
    m_sandbox->setCredits(m_key, credits, 0);
    QStringList arguments =
        connection() + QStringList{QStringLiteral("generate")} + extra +
        QStringList{QStringLiteral("--out"), m_dir.filePath(QStringLiteral("refused"))};
    const CliRun cli = run(arguments);
    QCOMPARE(cli.exitCode, 4);
    QVERIFY2(cli.err.contains(says), qPrintable(cli.err));
    QVERIFY(cli.out.isEmpty());
}

// An image the service would refuse (issue 14) is refused before a byte is sent.
void TestCli::badImagesExit2BeforeAnyRequest_data() {
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("says");
    QTest::newRow("not really a PNG") << "broken.png"
                                      << "cannot be read";
    QTest::newRow("4100 px") << "huge.png"
                             << "is 4100 × 64 px";
}

void TestCli::badImagesExit2BeforeAnyRequest() {
    QFETCH(QString, image);
    QFETCH(QString, says);
    QString path = m_dir.filePath(image);
    if (image == u"broken.png") {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\x89PNG\r\n\x1a\nnot really a png");
    } else {
        path = makeImage(image, 4100, 64);
    }
    const qint64 uploadsBefore = m_sandbox->stats().uploads;
    const CliRun cli =
        run(connection() + QStringList{QStringLiteral("generate"), QStringLiteral("--prompt"),
                                       QStringLiteral("x"), QStringLiteral("--image"), path,
                                       QStringLiteral("--out"),
                                       m_dir.filePath(QStringLiteral("refused"))});
    QCOMPARE(cli.exitCode, 2);
    QVERIFY2(cli.err.contains(says), qPrintable(cli.err));
    QCOMPARE(m_sandbox->stats().uploads, uploadsBefore);
}

void TestCli::trafficTroubleExits5() {
    const CliRun failed =
        run(connection() + QStringList{QStringLiteral("generate"), QStringLiteral("--prompt"),
                                       QStringLiteral("the engine will explode"),
                                       QStringLiteral("--out"),
                                       m_dir.filePath(QStringLiteral("failed"))});
    QCOMPARE(failed.exitCode, 5);
    QVERIFY2(failed.err.contains(u"could not generate"), qPrintable(failed.err));

    sandbox::SandboxFault fault;
    fault.kind = sandbox::SandboxFault::Kind::ServiceError;
    fault.errCode = 500069;
    fault.count = -1;
    m_sandbox->injectFault(fault);
    const CliRun busy = run(connection() + QStringList{QStringLiteral("balance")});
    m_sandbox->clearFaults();
    QCOMPARE(busy.exitCode, 5);
    QVERIFY2(busy.err.contains(sentence(500069)), qPrintable(busy.err));

    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const QString closed = QStringLiteral("http://127.0.0.1:%1/").arg(probe.serverPort());
    probe.close();
    const CliRun refused =
        run({QStringLiteral("--base-url"), closed, QStringLiteral("--api-key-env"),
             QStringLiteral("PXTEST_KEY"), QStringLiteral("balance")});
    QCOMPARE(refused.exitCode, 5);
    QVERIFY2(refused.err.contains(u"reach PixVerse"), qPrintable(refused.err));

    const CliRun unknown =
        run(connection() + QStringList{QStringLiteral("status"), QStringLiteral("123")});
    QCOMPARE(unknown.exitCode, 4);
    QVERIFY2(unknown.err.contains(sentence(500008)), qPrintable(unknown.err));
}

QTEST_MAIN(TestCli)
#include "tst_cli.moc"
