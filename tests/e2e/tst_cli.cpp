// The built pixverse-studio-cli against the sandbox over real loopback HTTP: whole generations
// to an MP4 that Qt Multimedia decodes, the JSON outputs, and every error with its exit code.
#include "core/api/ApiClient.h"
#include "core/api/ApiError.h"
#include "core/api/WebApiRequests.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/e2e/CliProcess.h"
#include "tests/support/Await.h"
#include "tests/support/TestSupport.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMediaFormat>
#include <QMediaMetaData>
#include <QMediaPlayer>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QVideoFrame>
#include <QVideoSink>

using namespace pixverse;

using pixverse::test::CliRun;

namespace {
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
    void v6ClipWithSoundAt21By9();
    void dryRunSendsNothing();
    void dryRunShowsEachFamilysBody();
    void promptLimitFollowsTheModel();
    void modelsPrintsTheFamilysTable_data();
    void modelsPrintsTheFamilysTable();
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
    //! `audio`: whether the file must (or must not) carry a sound track; empty: not checked.
    static void checkVideo(const QString& path, QSize expected,
                           std::optional<bool> audio = std::nullopt);
    qint64 balance();

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
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PXTEST_KEY"), m_key);
    if (!m_token.isEmpty())
        env.insert(QStringLiteral("PXTEST_TOKEN"), m_token);
    return pixverse::test::runCli(m_cli, arguments, env, timeoutMs);
}

QString TestCli::makeImage(const QString& name, int width, int height, const char* format) {
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(40, 120, 200));
    const QString path = m_dir.filePath(name);
    return image.save(path, format) ? path : QString();
}

void TestCli::checkVideo(const QString& path, QSize expected, std::optional<bool> audio) {
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
    if (audio) {
        QCOMPARE(player.hasAudio(), *audio);
        QCOMPARE(player.audioTracks().isEmpty(), !*audio);
    }
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
    QTest::addColumn<QString>("model"); // empty: no --model, the family's default (V6)
    QTest::addColumn<QString>("quality");
    QTest::addColumn<QString>("aspect");
    QTest::addColumn<QSize>("size");
    // V6 names the long edge (§2.11): 540p 16:9 is 1024×576; the older models the short one.
    QTest::newRow("default V6 540p 16:9") << ""
                                          << "540p"
                                          << "16:9" << QSize(1024, 576);
    QTest::newRow("V6 720p 9:16") << "v6"
                                  << "720p"
                                  << "9:16" << QSize(720, 1280);
    QTest::newRow("v4.5 540p 16:9") << "v4.5"
                                    << "540p"
                                    << "16:9" << QSize(960, 540);
    QTest::newRow("v4.5 360p 1:1") << "v4.5"
                                   << "360p"
                                   << "1:1" << QSize(360, 360);
}

void TestCli::textToVideoSavesAnH264Mp4() {
    QFETCH(QString, model);
    QFETCH(QString, quality);
    QFETCH(QString, aspect);
    QFETCH(QSize, size);
    const QString out = m_dir.filePath(u"t2v-" + model + u'-' + quality);
    QStringList arguments =
        connection() + QStringList{QStringLiteral("generate"),
                                   QStringLiteral("--prompt"),
                                   QStringLiteral("A red fox running through snow"),
                                   QStringLiteral("--quality"),
                                   quality,
                                   QStringLiteral("--aspect"),
                                   aspect,
                                   QStringLiteral("--seed"),
                                   QStringLiteral("77"),
                                   QStringLiteral("--out"),
                                   out};
    if (!model.isEmpty())
        arguments << QStringLiteral("--model") << model;
    const CliRun cli = run(arguments);
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
    const QString path = cli.lastLine();
    QVERIFY2(path.startsWith(out) && path.endsWith(u".mp4"), qPrintable(path));
    QVERIFY2(cli.err.contains(u"generating"), qPrintable(cli.err)); // progress goes to stderr
    QVERIFY2(cli.err.contains(model.isEmpty() ? QStringLiteral("v6") : model), qPrintable(cli.err));
    QVERIFY(!cli.err.contains(m_key)); // never the key
    checkVideo(path, size, false);     // no sound was asked for
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
    QCOMPARE(json.value(u"width").toInt(), 1024);
    QCOMPARE(json.value(u"mode").toString(), QStringLiteral("i2v"));
    // The same engine as batch and the window: the library's name, its sidecar, its job store.
    QVERIFY2(cli.lastLine().endsWith(u'_' + QString::number(id) + u".mp4"),
             qPrintable(cli.lastLine()));
    QFile sidecar(cli.lastLine().chopped(4) + u".json");
    QVERIFY2(sidecar.open(QIODevice::ReadOnly), qPrintable(sidecar.fileName()));
    QCOMPARE(QJsonDocument::fromJson(sidecar.readAll()).object().value(u"prompt").toString(),
             QStringLiteral("The clouds drift"));
    QVERIFY(QFileInfo::exists(out + u"/.pixverse-studio"));
    // 4:3 image at the default 540p on the default V6: the long edge is 1024 (§2.11).
    checkVideo(cli.lastLine(), QSize(1024, 768));
}

qint64 TestCli::balance() {
    const CliRun cli =
        run(connection() + QStringList{QStringLiteral("balance"), QStringLiteral("--json")});
    return cli.exitCode == 0
               ? QJsonDocument::fromJson(cli.out.toUtf8()).object().value(u"total").toInteger(-1)
               : -1;
}

namespace {
QStringList v6TwelveSecondsWithSound(const QString& out) {
    return L({"generate", "--prompt", "A paper boat drifts across a quiet pond at dawn", "--model",
              "v6", "--duration", "12", "--quality", "720p", "--aspect", "21:9", "--audio",
              "--out"}) +
           QStringList{out};
}

//! The one JSON object a --dry-run --json printed.
QJsonObject dryRunJson(const QString& out) {
    return QJsonDocument::fromJson(out.toUtf8()).object();
}
} // namespace

// Issue 15's clip from the command line: V6, 12 s, 720p, 21:9, with sound, on the sandbox.
void TestCli::v6ClipWithSoundAt21By9() {
    const qint64 before = balance();
    QCOMPARE(before, 100000);
    const QString out = m_dir.filePath(QStringLiteral("v6-sound"));
    const CliRun cli =
        run(connection() + v6TwelveSecondsWithSound(out) + QStringList{QStringLiteral("--json")});
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
    // 12 credits a second with sound at 720p × 12 s (pixverse-api.md §2.9), said before sending.
    QVERIFY2(cli.err.contains(u"144 credits"), qPrintable(cli.err));
    QCOMPARE(balance(), before - 144); // and what the sandbox charged
    const QStringList lines = cli.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const QJsonObject json = QJsonDocument::fromJson(lines.first().toUtf8()).object();
    QCOMPARE(json.value(u"mode").toString(), QStringLiteral("t2v"));
    QCOMPARE(json.value(u"has_audio").toBool(), true);
    QCOMPARE(json.value(u"duration").toInt(), 12);
    QCOMPARE(json.value(u"width").toInt(), 1280);
    QCOMPARE(json.value(u"height").toInt(), 548);
    QCOMPARE(json.value(u"path").toString(), cli.lastLine()); // every key of before is kept
    QVERIFY(json.value(u"video_id").toInteger() > 0);
    QVERIFY(json.contains(u"url"));
    // The sidecar carries the mode beside the prompt.
    QFile sidecar(cli.lastLine().chopped(4) + u".json");
    QVERIFY2(sidecar.open(QIODevice::ReadOnly), qPrintable(sidecar.fileName()));
    const QByteArray sidecarText = sidecar.readAll();
    QVERIFY2(sidecarText.contains("\"t2v\""), sidecarText.constData());
    // The service says the clip has sound (has_audio, §0), and `status --json` passes it on.
    const CliRun status =
        run(connection() + QStringList{QStringLiteral("status"),
                                       QString::number(json.value(u"video_id").toInteger()),
                                       QStringLiteral("--json")});
    QVERIFY2(status.exitCode == 0, qPrintable(status.err));
    QCOMPARE(QJsonDocument::fromJson(status.out.toUtf8()).object().value(u"has_audio"),
             QJsonValue(true));
    // The saved clip plays with a sound track, at V6's long-edge size for 21:9 (§2.11).
    checkVideo(cli.lastLine(), QSize(1280, 548), true);
}

// --dry-run checks, prices and prints the exact body, and sends nothing at all.
void TestCli::dryRunSendsNothing() {
    const QString out = m_dir.filePath(QStringLiteral("dry-run"));
    const sandbox::SandboxStats before = m_sandbox->stats();
    const CliRun json = run(connection() + v6TwelveSecondsWithSound(out) +
                            L({"--seed", "42", "--dry-run", "--json"}));
    QVERIFY2(json.exitCode == 0, qPrintable(json.err));
    const QJsonObject plan = dryRunJson(json.out);
    QCOMPARE(plan.value(u"credits").toInt(), 144);
    const QJsonArray requests = plan.value(u"requests").toArray();
    QCOMPARE(requests.size(), 1);
    const QJsonObject call = requests.first().toObject();
    QCOMPARE(call.value(u"method").toString(), QStringLiteral("POST"));
    QCOMPARE(call.value(u"path").toString(), QStringLiteral("/openapi/v2/video/text/generate"));
    const QJsonObject body = call.value(u"body").toObject();
    QCOMPARE(body.value(u"model").toString(), QStringLiteral("v6"));
    QCOMPARE(body.value(u"duration").toInt(), 12);
    QCOMPARE(body.value(u"quality").toString(), QStringLiteral("720p"));
    QCOMPARE(body.value(u"aspect_ratio").toString(), QStringLiteral("21:9"));
    QCOMPARE(body.value(u"seed").toInteger(), 42);
    QCOMPARE(body.value(u"prompt").toString(),
             QStringLiteral("A paper boat drifts across a quiet pond at dawn"));
    // V6 bodies (§2.2, §2.11): the switches explicit, no motion_mode, no water_mark.
    QCOMPARE(body.value(u"generate_audio_switch"), QJsonValue(true));
    QCOMPARE(body.value(u"generate_multi_clip_switch"), QJsonValue(false));
    QVERIFY2(!body.contains(u"motion_mode"), json.out.toUtf8().constData());
    QVERIFY2(!body.contains(u"water_mark"), json.out.toUtf8().constData());

    // Without --json: the cost, then each call and its body exactly as it would go out.
    const CliRun plain =
        run(connection() + v6TwelveSecondsWithSound(out) + L({"--seed", "42", "--dry-run"}));
    QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
    QVERIFY2(plain.out.contains(u"144 credits"), qPrintable(plain.out));
    const QStringList lines = plain.out.split(u'\n', Qt::SkipEmptyParts);
    const qsizetype verb = lines.indexOf(QStringLiteral("POST /openapi/v2/video/text/generate"));
    QVERIFY2(verb >= 0 && verb + 1 < lines.size(), qPrintable(plain.out));
    QCOMPARE(lines.at(verb + 1),
             QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact)));

    // An image-to-video lists its upload instead of the bytes, and uploads nothing either.
    const QString image = makeImage(QStringLiteral("dry.png"), 640, 480);
    const CliRun i2v =
        run(connection() + QStringList{QStringLiteral("generate"), QStringLiteral("--prompt"),
                                       QStringLiteral("The meadow sways"),
                                       QStringLiteral("--image"), image, QStringLiteral("--out"),
                                       out, QStringLiteral("--dry-run"), QStringLiteral("--json")});
    QVERIFY2(i2v.exitCode == 0, qPrintable(i2v.err));
    const QJsonArray i2vCalls = dryRunJson(i2v.out).value(u"requests").toArray();
    QCOMPARE(i2vCalls.size(), 2);
    QVERIFY2(i2vCalls.at(0).toObject().value(u"path").toString().contains(u"image/upload"),
             qPrintable(i2v.out));
    QCOMPARE(i2vCalls.at(1).toObject().value(u"path").toString(),
             QStringLiteral("/openapi/v2/video/img/generate"));
    QVERIFY(i2vCalls.at(1).toObject().value(u"body").toObject().contains(u"img_id"));

    // A refused image is still refused, with nothing sent.
    const CliRun badImage =
        run(connection() + QStringList{QStringLiteral("generate"), QStringLiteral("--prompt"),
                                       QStringLiteral("x"), QStringLiteral("--image"),
                                       makeImage(QStringLiteral("wide.png"), 4100, 64),
                                       QStringLiteral("--out"), out, QStringLiteral("--dry-run")});
    QCOMPARE(badImage.exitCode, 2);
    QVERIFY2(badImage.err.contains(u"4100"), qPrintable(badImage.err));

    const sandbox::SandboxStats after = m_sandbox->stats();
    QCOMPARE(after.requests, before.requests);
    QCOMPARE(after.uploads, before.uploads);
    QCOMPARE(after.generationsCreated, before.generationsCreated);
    QVERIFY2(!QFileInfo::exists(out), "a dry run writes nothing either");
}

// The family decides the body; a dry run does not sign in, so no token is needed to see it.
void TestCli::dryRunShowsEachFamilysBody() {
    m_token.clear(); // PXTEST_TOKEN unset: the sign-in is skipped, only the family counts
    const qint64 requests = m_sandbox->stats().requests;
    const CliRun web = run(webConnection() + L({"generate", "--prompt", "A heron takes off",
                                                "--model", "c1", "--duration", "4", "--dry-run",
                                                "--json", "--out", "/tmp/never-made"}));
    QVERIFY2(web.exitCode == 0, qPrintable(web.err));
    const QJsonArray webCalls = dryRunJson(web.out).value(u"requests").toArray();
    QCOMPARE(webCalls.size(), 1);
    const QJsonObject call = webCalls.first().toObject();
    QCOMPARE(call.value(u"path").toString(), QStringLiteral("/creative_platform/video/t2v"));
    const QJsonObject body = call.value(u"body").toObject();
    QCOMPARE(body.value(u"model").toString(), QStringLiteral("pixverse-c1")); // C1's web id
    QCOMPARE(body.value(u"duration").toInt(), 4);
    QVERIFY(!body.contains(u"motion_mode"));

    // The family's service id is taken too, and the OpenAPI sends C1 as "c1".
    const CliRun openApi =
        run(connection() + L({"generate", "--prompt", "A heron takes off", "--model", "pixverse-c1",
                              "--dry-run", "--json", "--out", "/tmp/never-made"}));
    QVERIFY2(openApi.exitCode == 0, qPrintable(openApi.err));
    const QJsonArray openApiCalls = dryRunJson(openApi.out).value(u"requests").toArray();
    QCOMPARE(openApiCalls.size(), 1);
    const QJsonObject openApiBody = openApiCalls.first().toObject().value(u"body").toObject();
    QCOMPARE(openApiBody.value(u"model").toString(), QStringLiteral("c1"));
    QCOMPARE(openApiBody.value(u"generate_audio_switch"), QJsonValue(false)); // explicit
    QVERIFY(!openApiBody.contains(u"generate_multi_clip_switch"));            // V6 only
    QCOMPARE(dryRunJson(openApi.out).value(u"credits").toInt(), 8 * 5);       // C1 540p 5 s
    QCOMPARE(m_sandbox->stats().requests, requests);
}

// V6 takes 5,000 characters (§2.2); a 2,048 model refuses the same prompt before sending.
void TestCli::promptLimitFollowsTheModel() {
    QString prompt;
    while (prompt.size() < 4500)
        prompt += QStringLiteral("A slow pan across a quiet harbour at dawn, gulls overhead. ");
    prompt.truncate(4500);
    const QString out = m_dir.filePath(QStringLiteral("long-prompt"));
    const CliRun v6 =
        run(connection() + QStringList{QStringLiteral("generate"), QStringLiteral("--prompt"),
                                       prompt, QStringLiteral("--model"), QStringLiteral("v6"),
                                       QStringLiteral("--out"), out});
    QVERIFY2(v6.exitCode == 0, qPrintable(v6.err));
    QVERIFY(v6.lastLine().endsWith(u".mp4"));

    const sandbox::SandboxStats before = m_sandbox->stats();
    for (const char* model : {"v4.5", "c1"}) {
        const CliRun refused = run(
            connection() + QStringList{QStringLiteral("generate"), QStringLiteral("--prompt"),
                                       prompt, QStringLiteral("--model"),
                                       QString::fromLatin1(model), QStringLiteral("--out"), out});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(u"2048") || refused.err.contains(u"2,048") ||
                     refused.err.contains(u"2 048"),
                 qPrintable(refused.err));
        QVERIFY(refused.out.isEmpty());
    }
    QCOMPARE(m_sandbox->stats().requests, before.requests); // not one request
}

void TestCli::modelsPrintsTheFamilysTable_data() {
    QTest::addColumn<bool>("web");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QStringList>("absent");
    // §2.11 and §3.10: the OpenAPI takes C1 as "c1", the website as "pixverse-c1", and the
    // website no longer takes v4.5.
    QTest::newRow("OpenAPI") << false << L({"v6", "c1", "v5.6", "v4.5"}) << L({"pixverse-c1"});
    QTest::newRow("web") << true << L({"v6", "v5.6", "pixverse-c1"}) << L({"v4.5", "c1", "v5"});
}

void TestCli::modelsPrintsTheFamilysTable() {
    QFETCH(bool, web);
    QFETCH(QStringList, ids);
    QFETCH(QStringList, absent);
    m_token.clear(); // the table is the client's own: no sign-in, no request
    const QStringList connect = web ? webConnection() : connection();
    const qint64 requests = m_sandbox->stats().requests;

    const CliRun json = run(connect + L({"models", "--json"}));
    QVERIFY2(json.exitCode == 0, qPrintable(json.err));
    const QJsonArray table = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue& row : table)
        byId.insert(row.toObject().value(u"id").toString(), row.toObject());
    for (const QString& id : ids)
        QVERIFY2(byId.contains(id), qPrintable(id + u" in " + json.out));
    for (const QString& id : absent)
        QVERIFY2(!byId.contains(id), qPrintable(id + u" in " + json.out));
    const QJsonObject v6 = byId.value(QStringLiteral("v6"));
    QVERIFY(!v6.value(u"label").toString().isEmpty());
    QVERIFY(v6.value(u"modes").toArray().contains(QStringLiteral("t2v")));
    QVERIFY(v6.value(u"modes").toArray().contains(QStringLiteral("i2v")));
    QJsonArray oneToFifteen;
    for (int s = 1; s <= 15; ++s)
        oneToFifteen.append(s);
    QCOMPARE(v6.value(u"durations").toArray(), oneToFifteen);
    QVERIFY(v6.value(u"qualities").toArray().contains(QStringLiteral("1080p")));
    QVERIFY(v6.value(u"aspect_ratios").toArray().contains(QStringLiteral("21:9")));
    QVERIFY(v6.value(u"switches").toArray().contains(QStringLiteral("audio")));
    QCOMPARE(v6.value(u"prompt_max_length").toInt(), 5000);
    if (!web) {
        // Per second, without and with sound (§2.9); per clip for the old models.
        const QJsonObject hd = v6.value(u"prices")
                                   .toObject()
                                   .value(u"per_second")
                                   .toObject()
                                   .value(u"720p")
                                   .toObject();
        QCOMPARE(hd.value(u"without_audio").toInt(), 9);
        QCOMPARE(hd.value(u"with_audio").toInt(), 12);
        QVERIFY(v6.value(u"switches").toArray().contains(QStringLiteral("multi_clip")));
        const QJsonObject old = byId.value(QStringLiteral("v4.5"));
        QCOMPARE(old.value(u"durations").toArray(), (QJsonArray{5, 8}));
        QCOMPARE(old.value(u"prompt_max_length").toInt(), 2048);
        QCOMPARE(old.value(u"prices")
                     .toObject()
                     .value(u"per_clip")
                     .toObject()
                     .value(u"normal")
                     .toObject()
                     .value(u"540p")
                     .toObject()
                     .value(u"5")
                     .toInt(),
                 45);
    }

    // Plain text: one aligned row per model, under a header.
    const CliRun plain = run(connect + L({"models"}));
    QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
    const QStringList lines = plain.out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() > ids.size(), qPrintable(plain.out));
    const QString header = lines.first();
    const qsizetype labelColumn = header.indexOf(u"LABEL");
    const qsizetype durationColumn = header.indexOf(u"DURATIONS");
    QVERIFY2(labelColumn > 0 && durationColumn > labelColumn, qPrintable(header));
    for (const QString& id : ids) {
        const auto row = std::find_if(lines.begin() + 1, lines.end(), [&id](const QString& line) {
            return line.startsWith(id + u' ');
        });
        QVERIFY2(row != lines.end(), qPrintable(id + u" in\n" + plain.out));
        QVERIFY2(row->at(labelColumn - 1) == u' ' && row->at(labelColumn) != u' ',
                 qPrintable(*row));
        if (id == u"v6") {
            QVERIFY2(row->mid(durationColumn).startsWith(u"1–15"), qPrintable(*row));
        }
    }
    QCOMPARE(m_sandbox->stats().requests, requests);
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
    // The website's default is V6 too (§3.10); it names the long edge.
    QVERIFY2(t2v.err.contains(u"v6"), qPrintable(t2v.err));
    checkVideo(t2v.lastLine(), QSize(1024, 768));

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
    QCOMPARE(json.value(u"width").toInt(), 1024); // V6 540p 16:9

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
    QTest::newRow("no command") << QStringList{} << "status, balance, batch, watch or models";
    QTest::newRow("unknown command") << L({"paint"}) << "Unknown command";
    QTest::newRow("no out") << L({"generate", "--prompt", "x"}) << "--out";
    QTest::newRow("empty prompt") << L({"generate", "--out", "OUT"}) << "prompt";
    QTest::newRow("1080p 8 s") << L({"generate", "--prompt", "x", "--model", "v4.5", "--quality",
                                     "1080p", "--duration", "8", "--out", "OUT"})
                               << "1080p";
    QTest::newRow("fast 8 s") << L({"generate", "--prompt", "x", "--model", "v4.5", "--motion",
                                    "fast", "--duration", "8", "--out", "OUT"})
                              << "Fast motion";
    // The model table's checks for the 2026 models, before anything is sent.
    QTest::newRow("16 s on V6") << L({"generate", "--prompt", "x", "--duration", "16", "--out",
                                      "OUT"})
                                << "1 to 15 seconds";
    QTest::newRow("sound on v4.5")
        << L({"generate", "--prompt", "x", "--model", "v4.5", "--audio", "--out", "OUT"})
        << "Sound";
    QTest::newRow("multi-clip on C1")
        << L({"generate", "--prompt", "x", "--model", "c1", "--multi-clip", "--out", "OUT"})
        << "Multi-shot";
    QTest::newRow("unknown model")
        << L({"generate", "--prompt", "x", "--model", "v9", "--out", "OUT"}) << "v9";
    // The website no longer takes v4.5 (§3.10): refused before signing in, like the window.
    QTest::newRow("v4.5 on the web") << L({"--token-env", "PXTEST_TOKEN", "generate", "--prompt",
                                           "x", "--model", "v4.5", "--out", "OUT"})
                                     << "not offered";
    QTest::newRow("dry run of a balance") << L({"balance", "--dry-run"}) << "--dry-run";
    QTest::newRow("models with an argument") << L({"models", "v6"}) << "Unexpected argument";
    QTest::newRow("bad duration") << L({"generate", "--prompt", "x", "--duration", "five", "--out",
                                        "OUT"})
                                  << "--duration";
    QTest::newRow("bad seed") << L({"generate", "--prompt", "x", "--seed", "-1", "--out", "OUT"})
                              << "eed";
    QTest::newRow("status without id") << L({"status"}) << "VIDEO_ID";
    QTest::newRow("status bad id") << L({"status", "abc"}) << "VIDEO_ID";
    QTest::newRow("unknown option") << L({"balance", "--colour"}) << "colour";
    QTest::newRow("insecure url") << L({"--base-url", "http://app-api.pixverse.ai/", "balance"})
                                  << "https://";
    QTest::newRow("sandbox and url")
        << L({"--sandbox", "--base-url", "https://x.example/", "balance"}) << "not both";
    QTest::newRow("missing image") << L({"--sandbox", "generate", "--prompt", "x", "--image",
                                         "/nonexistent/cat.png", "--out", "OUT"})
                                   << "cat.png";
}

void TestCli::usageErrorsExit2() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, says);
    // "OUT" stands for a folder of this run: nothing of a test lands in a shared /tmp path.
    arguments.replaceInStrings(QRegularExpression(QStringLiteral("^OUT$")),
                               m_dir.filePath(QStringLiteral("usage-out")));
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
