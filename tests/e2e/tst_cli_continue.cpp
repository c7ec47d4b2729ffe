// Issue 16 from the command line: the built pixverse-studio-cli continues a shot against the
// sandbox over real loopback HTTP (generate → extend → last-frame → generate --image → upscale →
// sound, a transition, lip sync both ways, the speakers), every saved file decoded with
// probeMedia; the refusals send nothing; the dry runs print each new command's exact body.
#include "core/media/MediaProbe.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/e2e/CliProcess.h"
#include "tests/support/TestSupport.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;

using pixverse::test::CliRun;
using pixverse::test::L;

namespace {

QString arg(const char* text) {
    return QString::fromUtf8(text);
}
QString arg(const QString& text) {
    return text;
}
//! Arguments of words and QStrings: A("extend", id, "--duration", "2").
template <typename... Parts> QStringList A(const Parts&... parts) {
    return {arg(parts)...};
}

//! The probed facts of a saved file; fails the test when it does not decode.
MediaFacts factsOf(const QString& path) {
    const MediaProbeResult probe = probeMedia(path);
    if (!probe.facts)
        qWarning("%s: %s", qPrintable(path), qPrintable(probe.error));
    return probe.facts.value_or(MediaFacts{});
}

//! The body of the planned call to `path`; empty when there is none.
QJsonObject bodyOf(const QJsonArray& calls, const char* path) {
    for (const QJsonValue& call : calls)
        if (call.toObject().value(u"path").toString() == QLatin1String(path))
            return call.toObject().value(u"body").toObject();
    return {};
}

} // namespace

class TestCliContinue : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void helpListsTheNewCommands();
    void usageErrorsNameTheOption_data();
    void usageErrorsNameTheOption();
    void theChainOneCommandPerStep();
    void transitionFromTwoImages();
    void extendALocalFile();
    void lipSyncWithAVoiceAndWithAnAudioFile();
    void speakers();
    void refusalsSendNothing_data();
    void refusalsSendNothing();
    void dryRunBodiesOfAVideoId();
    void dryRunBodiesWithUploads();

private:
    CliRun run(const QStringList& arguments, int timeoutMs = 120000);
    QStringList connection() const {
        return {QStringLiteral("--base-url"),         m_sandbox->baseUrl().toString(),
                QStringLiteral("--api-key-env"),      QStringLiteral("PXTEST_KEY"),
                QStringLiteral("--poll-interval-ms"), QStringLiteral("50")};
    }
    QStringList webConnection() const {
        return {QStringLiteral("--base-url"), m_sandbox->baseUrl().toString(),
                QStringLiteral("--token-env"), QStringLiteral("PXTEST_TOKEN")};
    }
    QString makeImage(const QString& name, int width, int height, QColor colour);
    //! One step of a chain into `out`: `command` with --json; it must print the saved path last,
    //! make `mode` and name `parent`'s video as its parent. Its --json object, or empty.
    QJsonObject step(const QString& out, const QStringList& command, const char* mode,
                     const QJsonObject& parent);
    //! A t2v take saved into `out`: its --json object (video_id, path, …).
    QJsonObject generateTake(const QString& out, const QString& prompt);
    //! --dry-run --json of `command`: the planned calls.
    QJsonArray dryRunCalls(const QStringList& command);
    void checkNothingSentSince(const sandbox::SandboxStats& before);
    //! `arguments` sends nothing at all, exits 2 and says `says` last on stderr.
    void checkRefusedLocally(const QStringList& arguments, const QString& says);

    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    QTemporaryDir m_dir;
    QString m_cli;
    QString m_key;
};

void TestCliContinue::initTestCase() {
    m_cli = pixverse::test::appExecutable(QStringLiteral("pixverse-studio-cli"));
    QVERIFY2(!m_cli.isEmpty(), "pixverse-studio-cli is built");
    QVERIFY2(QFileInfo::exists(QStringLiteral(PIXVERSE_TEST_LONG_CLIP)), PIXVERSE_TEST_LONG_CLIP);
    QVERIFY2(QFileInfo::exists(QStringLiteral(PIXVERSE_TEST_SPEECH)), PIXVERSE_TEST_SPEECH);
    m_sandbox = std::make_unique<sandbox::SandboxHost>(sandbox::SandboxConfig{});
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    m_sandbox->setClockSpeed(200); // a generation's seconds pass in milliseconds
    m_key = m_sandbox->defaultApiKey();
    QVERIFY(m_dir.isValid());
}

void TestCliContinue::init() {
    m_sandbox->setCredits(m_key, 100000, 0);
    m_sandbox->clearFaults();
}

void TestCliContinue::cleanup() {
    m_sandbox->advanceClock(3600 * 1000);
}

CliRun TestCliContinue::run(const QStringList& arguments, int timeoutMs) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PXTEST_KEY"), m_key);
    env.insert(QStringLiteral("PXTEST_TOKEN"), QStringLiteral("a-website-session-token"));
    return pixverse::test::runCli(m_cli, arguments, env, timeoutMs);
}

QString TestCliContinue::makeImage(const QString& name, int width, int height, QColor colour) {
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(colour);
    const QString path = m_dir.filePath(name);
    return image.save(path) ? path : QString();
}

QJsonObject TestCliContinue::generateTake(const QString& out, const QString& prompt) {
    const CliRun cli =
        run(connection() + QStringList{QStringLiteral("generate"), QStringLiteral("--prompt"),
                                       prompt, QStringLiteral("--quality"), QStringLiteral("360p"),
                                       QStringLiteral("--duration"), QStringLiteral("2"),
                                       QStringLiteral("--json"), QStringLiteral("--out"), out});
    if (cli.exitCode != 0 || cli.jsonBeforePath().value(u"path").toString() != cli.lastLine())
        qWarning("generate failed: %s", qPrintable(cli.why()));
    return cli.jsonBeforePath();
}

void TestCliContinue::checkRefusedLocally(const QStringList& arguments, const QString& says) {
    const sandbox::SandboxStats before = m_sandbox->stats();
    const CliRun cli = run(arguments);
    QCOMPARE(cli.exitCode, 2);
    const QStringList lines = cli.err.trimmed().split(u'\n');
    QVERIFY2(lines.last().contains(says, Qt::CaseInsensitive), qPrintable(cli.why()));
    QVERIFY2(cli.out.isEmpty(), qPrintable(cli.out));
    const sandbox::SandboxStats after = m_sandbox->stats();
    QCOMPARE(after.requests, before.requests); // not one request: no upload, no create
    QCOMPARE(after.generationsCreated, before.generationsCreated);
}

void TestCliContinue::helpListsTheNewCommands() {
    const CliRun help = run(L({"--help"}));
    QCOMPARE(help.exitCode, 0);
    for (const char* word :
         {"extend (VIDEO_ID | FILE)", "upscale (VIDEO_ID | FILE)", "sound (VIDEO_ID | FILE)",
          "lipsync (VIDEO_ID | FILE)", "last-frame VIDEO_FILE", "speakers", "--first-frame",
          "--last-frame", "--keep-sound", "--audio-file", "--speaker", "--text", "Exit codes"})
        QVERIFY2(help.out.contains(QString::fromUtf8(word)), word);
}

void TestCliContinue::usageErrorsNameTheOption_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("says");
    QTest::newRow("no command") << QStringList{} << "last-frame";
    QTest::newRow("extend without a source") << L({"extend", "--out", "OUT"}) << "VIDEO_ID";
    QTest::newRow("extend of a missing file")
        << L({"extend", "/nonexistent/take.mp4", "--out", "OUT"}) << "take.mp4";
    QTest::newRow("extend without out") << L({"extend", "123"}) << "extend needs --out";
    QTest::newRow("two sources") << L({"upscale", "1", "2", "--out", "OUT"}) << "“2”";
    QTest::newRow("speaker on extend")
        << L({"extend", "123", "--speaker", "1", "--out", "OUT"}) << "--speaker goes with lipsync";
    QTest::newRow("keep-sound on extend")
        << L({"extend", "123", "--keep-sound", "--out", "OUT"}) << "--keep-sound goes with sound";
    QTest::newRow("prompt on upscale")
        << L({"upscale", "123", "--prompt", "x", "--out", "OUT"}) << "--prompt goes with";
    QTest::newRow("first frame alone")
        << L({"generate", "--prompt", "x", "--first-frame", "a.png", "--out", "OUT"})
        << "--first-frame needs --last-frame";
    QTest::newRow("last frame alone")
        << L({"generate", "--prompt", "x", "--last-frame", "a.png", "--out", "OUT"})
        << "--last-frame needs --first-frame";
    QTest::newRow("image and frames")
        << L({"generate", "--prompt", "x", "--image", "a.png", "--first-frame", "a.png",
              "--last-frame", "b.png", "--out", "OUT"})
        << "--image or --first-frame";
    QTest::newRow("lipsync says nothing")
        << L({"lipsync", "123", "--out", "OUT"}) << "--audio-file FILE, or --speaker ID and --text";
    QTest::newRow("lipsync both ways") << L({"lipsync", "123", "--audio-file", "a.wav", "--speaker",
                                             "1", "--text", "hi", "--out", "OUT"})
                                       << "not both";
    QTest::newRow("speaker without text")
        << L({"lipsync", "123", "--speaker", "1", "--out", "OUT"}) << "--speaker needs --text";
    QTest::newRow("text without speaker")
        << L({"lipsync", "123", "--text", "hi", "--out", "OUT"}) << "--text needs --speaker";
    QTest::newRow("last-frame without a file") << L({"last-frame", "--out", "OUT"}) << "VIDEO_FILE";
    QTest::newRow("last-frame without out") << L({"last-frame", "a.mp4"}) << "--out";
    QTest::newRow("dry run of speakers") << L({"speakers", "--dry-run"}) << "--dry-run goes with";
    QTest::newRow("speakers with an argument") << L({"speakers", "1"}) << "Unexpected argument";
}

void TestCliContinue::usageErrorsNameTheOption() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, says);
    arguments.replaceInStrings(QRegularExpression(QStringLiteral("^OUT$")),
                               m_dir.filePath(QStringLiteral("usage-out")));
    checkRefusedLocally(arguments, says);
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("usage-out"))));
}

// The chain, one command per step into one folder, each printing the saved path last.
void TestCliContinue::theChainOneCommandPerStep() {
    const QString out = m_dir.filePath(QStringLiteral("chain"));
    const QJsonObject take = generateTake(out, QStringLiteral("A lighthouse at dusk"));
    QCOMPARE(take.value(u"mode").toString(), QStringLiteral("t2v"));
    const MediaFacts first = factsOf(take.value(u"path").toString());
    QVERIFY(first.seconds > 0);

    // Extend the take by its id: longer, same picture size, made from the take.
    const QString takeId = QString::number(take.value(u"video_id").toInteger());
    const QJsonObject extended = step(out, A("extend", takeId, "--duration", "2"), "extend", take);
    QVERIFY(!extended.isEmpty());
    QCOMPARE(extended.value(u"source_video_id"), take.value(u"video_id"));
    const MediaFacts longer = factsOf(extended.value(u"path").toString());
    QVERIFY2(longer.seconds > first.seconds,
             qPrintable(QStringLiteral("%1 s after %2 s").arg(longer.seconds).arg(first.seconds)));
    QCOMPARE(QSize(longer.width, longer.height), QSize(first.width, first.height));

    // Its last frame, locally: no request at all.
    const qint64 requests = m_sandbox->stats().requests;
    const CliRun frame =
        run(QStringList{QStringLiteral("last-frame"), extended.value(u"path").toString(),
                        QStringLiteral("--out"), out});
    QVERIFY2(frame.exitCode == 0, qPrintable(frame.why()));
    QCOMPARE(m_sandbox->stats().requests, requests);
    QCOMPARE(QImage(frame.lastLine()).size(), QSize(longer.width, longer.height));

    // The next shot starts from that frame: image-to-video, made from the extended take; a
    // transition from it is too.
    const QJsonObject next = step(out,
                                  A("generate", "--prompt", "The light sweeps on", "--image",
                                    frame.lastLine(), "--quality", "360p"),
                                  "i2v", extended);
    const QString toImage = makeImage(QStringLiteral("chain-to.png"), 640, 360, Qt::white);
    QVERIFY(!step(out,
                  A("generate", "--prompt", "Dusk to night", "--first-frame", frame.lastLine(),
                    "--last-frame", toImage, "--quality", "360p"),
                  "transition", extended)
                 .isEmpty());
    const MediaFacts nextFacts = factsOf(next.value(u"path").toString());

    // Upscale it: a larger picture.
    QVERIFY(!next.isEmpty());
    const QJsonObject upscaled = step(
        out, A("upscale", QString::number(next.value(u"video_id").toInteger())), "upscale", next);
    QVERIFY(!upscaled.isEmpty());
    const MediaFacts larger = factsOf(upscaled.value(u"path").toString());
    QVERIFY2(larger.width > nextFacts.width && larger.height > nextFacts.height,
             qPrintable(QStringLiteral("%1×%2 after %3×%4")
                            .arg(larger.width)
                            .arg(larger.height)
                            .arg(nextFacts.width)
                            .arg(nextFacts.height)));

    // Add sound: the file has an audio stream.
    const QJsonObject sound =
        step(out,
             A("sound", QString::number(upscaled.value(u"video_id").toInteger()), "--prompt",
               "waves on rocks"),
             "sound", upscaled);
    QVERIFY(!sound.isEmpty());
    QCOMPARE(sound.value(u"has_audio").toBool(), true);
    const MediaFacts withSound = factsOf(sound.value(u"path").toString());
    QVERIFY(withSound.hasVideo);
    QVERIFY(withSound.hasAudio);
}

QJsonObject TestCliContinue::step(const QString& out, const QStringList& command, const char* mode,
                                  const QJsonObject& parent) {
    const CliRun cli = run(connection() + command +
                           QStringList{QStringLiteral("--json"), QStringLiteral("--out"), out});
    const QJsonObject json = cli.jsonBeforePath();
    const bool madeFromParent =
        json.value(u"parent").toObject().value(u"video_id") == parent.value(u"video_id");
    if (cli.exitCode != 0 || cli.lastLine() != json.value(u"path").toString() ||
        json.value(u"mode").toString() != QLatin1String(mode) || !madeFromParent) {
        QTest::qFail(qPrintable(cli.why() + QStringLiteral("; stdout: ") + cli.out), __FILE__,
                     __LINE__);
        return {};
    }
    return json;
}

void TestCliContinue::transitionFromTwoImages() {
    const QString out = m_dir.filePath(QStringLiteral("transition"));
    const QString from = makeImage(QStringLiteral("from.png"), 640, 360, Qt::darkBlue);
    const QString to = makeImage(QStringLiteral("to.png"), 640, 360, Qt::yellow);
    const qint64 uploads = m_sandbox->stats().uploads;
    const CliRun cli =
        run(connection() + QStringList{QStringLiteral("generate"), QStringLiteral("--prompt"),
                                       QStringLiteral("Night turns to day"),
                                       QStringLiteral("--first-frame"), from,
                                       QStringLiteral("--last-frame"), to,
                                       QStringLiteral("--quality"), QStringLiteral("360p"),
                                       QStringLiteral("--json"), QStringLiteral("--out"), out});
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.why()));
    QCOMPARE(cli.jsonBeforePath().value(u"mode").toString(), QStringLiteral("transition"));
    QCOMPARE(m_sandbox->stats().uploads, uploads + 2); // each frame once
    const MediaFacts facts = factsOf(cli.lastLine());
    QVERIFY(facts.hasVideo);
    // The first frame's aspect (16:9) decides the picture.
    QVERIFY2(qAbs(double(facts.width) / facts.height - 16.0 / 9.0) < 0.05,
             qPrintable(QStringLiteral("%1×%2").arg(facts.width).arg(facts.height)));
}

// A local file: probed, uploaded (media upload), then extended; no take, so no parent.
void TestCliContinue::extendALocalFile() {
    const QString clip = pixverse::test::clipsDir() + QStringLiteral("/640x360.mp4");
    const MediaFacts source = factsOf(clip);
    const sandbox::SandboxStats before = m_sandbox->stats();
    const CliRun cli =
        run(connection() + QStringList{QStringLiteral("extend"), clip, QStringLiteral("--prompt"),
                                       QStringLiteral("The pattern drifts on"),
                                       QStringLiteral("--duration"), QStringLiteral("2"),
                                       QStringLiteral("--json"), QStringLiteral("--out"),
                                       m_dir.filePath(QStringLiteral("local"))});
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.why()));
    QCOMPARE(cli.jsonBeforePath().value(u"mode").toString(), QStringLiteral("extend"));
    QCOMPARE(cli.jsonBeforePath().value(u"source_file").toString(), QStringLiteral("640x360.mp4"));
    QVERIFY(!cli.jsonBeforePath().contains(u"parent"));
    QCOMPARE(m_sandbox->stats().uploads, before.uploads + 1);
    const MediaFacts longer = factsOf(cli.lastLine());
    QVERIFY2(longer.seconds > source.seconds,
             qPrintable(QStringLiteral("%1 s after %2 s").arg(longer.seconds).arg(source.seconds)));
    QCOMPARE(QSize(longer.width, longer.height), QSize(source.width, source.height));
}

void TestCliContinue::lipSyncWithAVoiceAndWithAnAudioFile() {
    const QString out = m_dir.filePath(QStringLiteral("lipsync"));
    const QJsonObject take = generateTake(out, QStringLiteral("A news anchor looks up"));
    const QString takePath = take.value(u"path").toString();
    const MediaFacts source = factsOf(takePath);

    // A voice from the list and a text, on the take by its id.
    const CliRun voice = run(
        connection() +
        QStringList{QStringLiteral("lipsync"), QString::number(take.value(u"video_id").toInteger()),
                    QStringLiteral("--speaker"), QStringLiteral("Auto"), QStringLiteral("--text"),
                    QStringLiteral("Good evening, here is the news."), QStringLiteral("--json"),
                    QStringLiteral("--out"), out});
    QVERIFY2(voice.exitCode == 0, qPrintable(voice.why()));
    QCOMPARE(voice.jsonBeforePath().value(u"mode").toString(), QStringLiteral("lipsync"));
    QCOMPARE(voice.jsonBeforePath().value(u"parent").toObject().value(u"video_id").toInteger(),
             take.value(u"video_id").toInteger());
    const MediaFacts spoken = factsOf(voice.lastLine());
    QVERIFY(spoken.hasAudio);
    QCOMPARE(QSize(spoken.width, spoken.height), QSize(source.width, source.height));

    // The saved file and a WAV: both uploaded first, then the same size with sound.
    const sandbox::SandboxStats before = m_sandbox->stats();
    const CliRun file =
        run(connection() + QStringList{QStringLiteral("lipsync"), takePath,
                                       QStringLiteral("--audio-file"),
                                       QStringLiteral(PIXVERSE_TEST_SPEECH),
                                       QStringLiteral("--json"), QStringLiteral("--out"), out});
    QVERIFY2(file.exitCode == 0, qPrintable(file.why()));
    QCOMPARE(file.jsonBeforePath().value(u"source_file").toString(),
             QFileInfo(takePath).fileName());
    QVERIFY(!file.jsonBeforePath().contains(u"parent")); // a file is no take of the job list
    QCOMPARE(m_sandbox->stats().generationsCreated, before.generationsCreated + 1);
    const MediaFacts synced = factsOf(file.lastLine());
    QVERIFY(synced.hasAudio);
    QCOMPARE(QSize(synced.width, synced.height), QSize(source.width, source.height));
}

void TestCliContinue::speakers() {
    const CliRun plain = run(connection() + L({"speakers"}));
    QVERIFY2(plain.exitCode == 0, qPrintable(plain.why()));
    QVERIFY2(plain.outLines().size() >= 15, qPrintable(plain.out));
    QVERIFY2(plain.out.contains(QRegularExpression(QStringLiteral("^1 +Emily$"),
                                                   QRegularExpression::MultilineOption)),
             qPrintable(plain.out));

    const CliRun json = run(connection() + L({"speakers", "--json"}));
    QVERIFY2(json.exitCode == 0, qPrintable(json.why()));
    const QJsonArray voices = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QVERIFY2(voices.size() >= 15, qPrintable(json.out));
    QStringList ids;
    for (const QJsonValue& voice : voices)
        ids << voice.toObject().value(u"id").toString();
    QVERIFY2(ids.contains(QStringLiteral("Auto")) && ids.contains(QStringLiteral("14")),
             qPrintable(json.out));
}

void TestCliContinue::refusalsSendNothing_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("says");
    const QString out = m_dir.filePath(QStringLiteral("refused"));
    const QString longClip = QStringLiteral(PIXVERSE_TEST_LONG_CLIP);
    const QString speech = QStringLiteral(PIXVERSE_TEST_SPEECH);
    // A 41 s file: longer than PixVerse takes (30 s uploads, under 40 s to extend).
    QTest::newRow("too long a source")
        << (connection() + QStringList{QStringLiteral("extend"), longClip,
                                       QStringLiteral("--prompt"), QStringLiteral("on"),
                                       QStringLiteral("--out"), out})
        << "41";
    QTest::newRow("too long for a dry run")
        << (connection() + QStringList{QStringLiteral("upscale"), longClip,
                                       QStringLiteral("--dry-run"), QStringLiteral("--out"), out})
        << "41";
    // Sound where a video belongs, and a video where the speech belongs.
    QTest::newRow("audio as the video")
        << (connection() +
            QStringList{QStringLiteral("sound"), speech, QStringLiteral("--out"), out})
        << QFileInfo(speech).fileName();
    QTest::newRow("no such audio file")
        << (connection() + QStringList{QStringLiteral("lipsync"), QStringLiteral("42"),
                                       QStringLiteral("--audio-file"),
                                       QStringLiteral("/nonexistent/voice.wav"),
                                       QStringLiteral("--out"), out})
        << "voice.wav";
    // A website account: no documented request for these modes (§3.13), said before sending.
    for (const char* command : {"extend", "upscale", "sound"})
        QTest::newRow(qPrintable(QStringLiteral("%1 on the website").arg(QLatin1String(command))))
            << (webConnection() + QStringList{QString::fromLatin1(command), QStringLiteral("42"),
                                              QStringLiteral("--out"), out})
            << "API key";
    QTest::newRow("lipsync on the website")
        << (webConnection() + QStringList{QStringLiteral("lipsync"), QStringLiteral("42"),
                                          QStringLiteral("--speaker"), QStringLiteral("1"),
                                          QStringLiteral("--text"), QStringLiteral("hi"),
                                          QStringLiteral("--out"), out})
        << "API key";
    QTest::newRow("speakers on the website") << (webConnection() + L({"speakers"})) << "API key";
}

void TestCliContinue::refusalsSendNothing() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, says);
    checkRefusedLocally(arguments, says);
}

QJsonArray TestCliContinue::dryRunCalls(const QStringList& command) {
    const CliRun cli =
        run(connection() + command +
            QStringList{QStringLiteral("--dry-run"), QStringLiteral("--json"),
                        QStringLiteral("--out"), m_dir.filePath(QStringLiteral("dry-run"))});
    if (cli.exitCode != 0)
        qWarning("%s", qPrintable(cli.why()));
    return QJsonDocument::fromJson(cli.out.toUtf8()).object().value(u"requests").toArray();
}

void TestCliContinue::checkNothingSentSince(const sandbox::SandboxStats& before) {
    const sandbox::SandboxStats after = m_sandbox->stats();
    QCOMPARE(after.requests, before.requests);
    QCOMPARE(after.generationsCreated, before.generationsCreated);
    QVERIFY2(!QFileInfo::exists(m_dir.filePath(QStringLiteral("dry-run"))),
             "a dry run writes nothing");
}

// A PixVerse video id: no upload, the body names it (§2.14, §2.16–§2.18).
void TestCliContinue::dryRunBodiesOfAVideoId() {
    const sandbox::SandboxStats before = m_sandbox->stats();
    const QJsonArray extend =
        dryRunCalls(L({"extend", "370981546391559", "--prompt", "The camera rises", "--duration",
                       "5", "--quality", "720p", "--seed", "7"}));
    QCOMPARE(extend.size(), 1);
    const QJsonObject extendBody = bodyOf(extend, "/openapi/v2/video/extend/generate");
    QCOMPARE(extendBody.value(u"source_video_id").toInteger(), 370981546391559);
    QCOMPARE(extendBody.value(u"prompt").toString(), QStringLiteral("The camera rises"));
    QCOMPARE(extendBody.value(u"duration").toInt(), 5);
    QCOMPARE(extendBody.value(u"quality").toString(), QStringLiteral("720p"));
    QCOMPARE(extendBody.value(u"seed").toInteger(), 7);
    QVERIFY(!extendBody.contains(u"video_media_id"));

    const QJsonArray upscale = dryRunCalls(L({"upscale", "370981546391559"}));
    QCOMPARE(upscale.size(), 1);
    QCOMPARE(bodyOf(upscale, "/openapi/v2/video/upscale/generate"),
             QJsonObject({{QStringLiteral("source_video_id"), qint64(370981546391559)}}));

    const QJsonObject soundBody = bodyOf(dryRunCalls(L({"sound", "370981546391559", "--prompt",
                                                        "rain on a tin roof", "--keep-sound"})),
                                         "/openapi/v2/video/sound_effect/generate");
    QCOMPARE(soundBody.value(u"source_video_id").toInteger(), 370981546391559);
    QCOMPARE(soundBody.value(u"sound_effect_content").toString(),
             QStringLiteral("rain on a tin roof"));
    QCOMPARE(soundBody.value(u"original_sound_switch"), QJsonValue(true));

    const QJsonObject voiceBody = bodyOf(dryRunCalls(L({"lipsync", "370981546391559", "--speaker",
                                                        "Auto", "--text", "Hello, Harry"})),
                                         "/openapi/v2/video/lip_sync/generate");
    QCOMPARE(voiceBody.value(u"source_video_id").toInteger(), 370981546391559);
    QCOMPARE(voiceBody.value(u"lip_sync_tts_speaker_id").toString(), QStringLiteral("Auto"));
    QCOMPARE(voiceBody.value(u"lip_sync_tts_content").toString(), QStringLiteral("Hello, Harry"));
    QVERIFY(!voiceBody.contains(u"audio_media_id"));

    checkNothingSentSince(before);
}

// Local files: each upload listed first, the body holds what the upload would return.
void TestCliContinue::dryRunBodiesWithUploads() {
    const sandbox::SandboxStats before = m_sandbox->stats();
    const QString placeholder = QStringLiteral("<returned by the upload>");
    const QString speech = QStringLiteral(PIXVERSE_TEST_SPEECH);
    // A local file: uploaded first (media upload), the body refers to what the upload returns.
    const QString clip = pixverse::test::clipsDir() + QStringLiteral("/640x360.mp4");
    const QJsonArray extendFile = dryRunCalls(QStringList{
        QStringLiteral("extend"), clip, QStringLiteral("--prompt"), QStringLiteral("On")});
    QCOMPARE(extendFile.size(), 2);
    QCOMPARE(extendFile.at(0).toObject().value(u"path").toString(),
             QStringLiteral("/openapi/v2/media/upload"));
    const QJsonObject fileBody = bodyOf(extendFile, "/openapi/v2/video/extend/generate");
    QCOMPARE(fileBody.value(u"video_media_id").toString(), placeholder);
    QVERIFY(!fileBody.contains(u"source_video_id"));

    const QJsonArray audio =
        dryRunCalls(QStringList{QStringLiteral("lipsync"), QStringLiteral("370981546391559"),
                                QStringLiteral("--audio-file"), speech});
    QCOMPARE(audio.size(), 2);
    const QJsonObject audioBody = bodyOf(audio, "/openapi/v2/video/lip_sync/generate");
    QCOMPARE(audioBody.value(u"audio_media_id").toString(), placeholder);
    QVERIFY(!audioBody.contains(u"lip_sync_tts_speaker_id"));

    const QString from = makeImage(QStringLiteral("dry-from.png"), 640, 360, Qt::black);
    const QString to = makeImage(QStringLiteral("dry-to.png"), 640, 360, Qt::white);
    const QJsonArray transition = dryRunCalls(QStringList{
        QStringLiteral("generate"), QStringLiteral("--prompt"), QStringLiteral("Dark to light"),
        QStringLiteral("--first-frame"), from, QStringLiteral("--last-frame"), to});
    QCOMPARE(transition.size(), 3); // two image uploads, then the transition
    const QJsonObject transitionBody = bodyOf(transition, "/openapi/v2/video/transition/generate");
    QCOMPARE(transitionBody.value(u"first_frame_img").toString(), placeholder);
    QCOMPARE(transitionBody.value(u"last_frame_img").toString(), placeholder);
    QVERIFY(!transitionBody.contains(u"aspect_ratio"));

    checkNothingSentSince(before);
}

QTEST_GUILESS_MAIN(TestCliContinue)
#include "tst_cli_continue.moc"
