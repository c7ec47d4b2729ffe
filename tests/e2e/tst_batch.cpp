// `pixverse-studio-cli batch` against the sandbox, and the crash test: the CLI is killed with
// SIGKILL at every stage of a job and started again; every job must end with its video, the
// sandbox must count exactly one generation per job, and no half-written file may be left.
#include "core/sandbox/SandboxHost.h"
#include "tests/support/TestSupport.h"

#include <QDirIterator>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;

namespace {
struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};
} // namespace

class TestBatch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void textAndJsonLines();
    void transitionLine();
    void rerunNeverDuplicates();
    void refusesBeforeSendingAnything_data();
    void refusesBeforeSendingAnything();
    void failedLinesAreReported();
    void soundMultiClipAndAnyDuration();
    void survivesSigkill_data();
    void survivesSigkill();
    void embeddedSandboxRemembersAcrossKills();

private:
    QStringList connection() const {
        return {QStringLiteral("--base-url"),         m_sandbox->baseUrl().toString(),
                QStringLiteral("--api-key-env"),      QStringLiteral("PXTEST_KEY"),
                QStringLiteral("--poll-interval-ms"), QStringLiteral("100")};
    }
    void startCli(QProcess& process, const QStringList& arguments);
    CliRun run(const QStringList& arguments);
    QString writeBatch(const QString& name, const QStringList& lines);
    static QStringList videosIn(const QString& dir);
    static QStringList partFilesIn(const QString& dir);

    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    QTemporaryDir m_dir;
    QString m_cli;
    QString m_image;
};

void TestBatch::initTestCase() {
    m_cli = pixverse::test::appExecutable(QStringLiteral("pixverse-studio-cli"));
    QVERIFY(!m_cli.isEmpty());
    m_sandbox = std::make_unique<sandbox::SandboxHost>();
    QVERIFY(m_sandbox->start());
    QImage image(640, 480, QImage::Format_RGB32);
    image.fill(QColor(10, 140, 90));
    m_image = m_dir.filePath(QStringLiteral("meadow.png"));
    QVERIFY(image.save(m_image));
}

void TestBatch::init() {
    m_sandbox->clearFaults();
    m_sandbox->setClockSpeed(200);
    m_sandbox->setCredits(m_sandbox->defaultApiKey(), 1000000, 0);
}

void TestBatch::startCli(QProcess& process, const QStringList& arguments) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PXTEST_KEY"), m_sandbox->defaultApiKey());
    process.setProcessEnvironment(env);
    process.start(m_cli, connection() + arguments);
    QVERIFY(process.waitForStarted());
}

CliRun TestBatch::run(const QStringList& arguments) {
    QProcess process;
    startCli(process, arguments);
    CliRun result;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QString TestBatch::writeBatch(const QString& name, const QStringList& lines) {
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(lines.join(u'\n').toUtf8());
    return path;
}

QStringList TestBatch::videosIn(const QString& dir) {
    QStringList videos;
    QDirIterator it(dir, {QStringLiteral("*.mp4")}, QDir::Files);
    while (it.hasNext())
        videos << it.next();
    return videos;
}

QStringList TestBatch::partFilesIn(const QString& dir) {
    QStringList parts;
    QDirIterator it(dir, {QStringLiteral("*.part")}, QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        parts << it.next();
    return parts;
}

void TestBatch::textAndJsonLines() {
    const QString file = writeBatch(
        QStringLiteral("mixed.txt"),
        {QStringLiteral("# a comment"), QStringLiteral("A red fox in the snow"), QString(),
         QStringLiteral(R"({"prompt":"A whale","quality":"720p","aspect":"9:16","seed":5})"),
         QStringLiteral(R"({"prompt":"The meadow sways","image":"meadow.png"})")});
    const QString out = m_dir.filePath(QStringLiteral("mixed"));
    const qint64 before = m_sandbox->stats().generationsCreated;
    const CliRun cli = run(
        {QStringLiteral("batch"), file, QStringLiteral("--out"), out, QStringLiteral("--json")});
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
    QCOMPARE(m_sandbox->stats().generationsCreated, before + 3);
    // The cost is said before anything is sent, on the default V6 at 7 and 9 credits a second
    // (540p, 720p, no sound; §2.9): 35 + 45 + 35.
    QVERIFY2(cli.err.contains(u"3 generations, 115 credits"), qPrintable(cli.err));
    const QStringList lines = cli.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    for (const QString& line : lines) {
        const QJsonObject json = QJsonDocument::fromJson(line.toUtf8()).object();
        const QString path = json.value(u"path").toString();
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
        QVERIFY(json.value(u"video_id").toInteger() > (Q_INT64_C(1) << 53));
        // The sidecar makes the file self-describing outside the app.
        QFile sidecar(path.chopped(4) + u".json");
        QVERIFY(sidecar.open(QIODevice::ReadOnly));
        QVERIFY(
            sidecar.readAll().contains(QByteArray::number(json.value(u"video_id").toInteger())));
    }
    QCOMPARE(videosIn(out).size(), 3);
    QVERIFY(videosIn(out).filter(u"a-whale").size() == 1);
}

// A line with first_frame and last_frame (relative to the file) is a transition (issue 16).
void TestBatch::transitionLine() {
    QImage dusk(640, 480, QImage::Format_RGB32);
    dusk.fill(QColor(20, 20, 60));
    QVERIFY(dusk.save(m_dir.filePath(QStringLiteral("dusk.png"))));
    const QString file =
        writeBatch(QStringLiteral("transition.jsonl"),
                   {QStringLiteral(R"({"prompt":"Day turns to dusk","first_frame":"meadow.png",)"
                                   R"("last_frame":"dusk.png","quality":"360p"})")});
    const QString out = m_dir.filePath(QStringLiteral("transition"));
    const sandbox::SandboxStats before = m_sandbox->stats();
    const CliRun cli = run(
        {QStringLiteral("batch"), file, QStringLiteral("--out"), out, QStringLiteral("--json")});
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
    QCOMPARE(m_sandbox->stats().generationsCreated, before.generationsCreated + 1);
    QCOMPARE(m_sandbox->stats().uploads, before.uploads + 2); // both frames, once each
    const QStringList videos = videosIn(out);
    QCOMPARE(videos.size(), 1);
    QFile sidecar(videos.first().chopped(4) + u".json");
    QVERIFY(sidecar.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(sidecar.readAll()).object();
    QCOMPARE(json.value(u"mode").toString(), QStringLiteral("transition"));
}

void TestBatch::rerunNeverDuplicates() {
    const QString file = writeBatch(QStringLiteral("twice.txt"),
                                    {QStringLiteral("First"), QStringLiteral("Second")});
    const QString out = m_dir.filePath(QStringLiteral("twice"));
    QCOMPARE(run({QStringLiteral("batch"), file, QStringLiteral("--out"), out}).exitCode, 0);
    const qint64 after = m_sandbox->stats().generationsCreated;
    const CliRun again = run({QStringLiteral("batch"), file, QStringLiteral("--out"), out});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(m_sandbox->stats().generationsCreated, after);
    QCOMPARE(again.out.split(u'\n', Qt::SkipEmptyParts).size(), 2);
    // A longer file continues the same batch: only the new line is sent.
    writeBatch(QStringLiteral("twice.txt"),
               {QStringLiteral("First"), QStringLiteral("Second"), QStringLiteral("Third")});
    QCOMPARE(run({QStringLiteral("batch"), file, QStringLiteral("--out"), out}).exitCode, 0);
    QCOMPARE(m_sandbox->stats().generationsCreated, after + 1);
    // A changed file is not mistaken for the same batch.
    writeBatch(QStringLiteral("twice.txt"), {QStringLiteral("Other"), QStringLiteral("Second")});
    const CliRun changed = run({QStringLiteral("batch"), file, QStringLiteral("--out"), out});
    QCOMPARE(changed.exitCode, 2);
    QVERIFY(changed.err.contains(u"another --out folder"));
    // The same prompts with another model (a default that changed in an update): the sentence
    // names the setting and how to continue, and nothing is sent.
    writeBatch(QStringLiteral("twice.txt"),
               {QStringLiteral("First"), QStringLiteral("Second"), QStringLiteral("Third")});
    const qint64 before = m_sandbox->stats().generationsCreated;
    const CliRun otherModel = run({QStringLiteral("batch"), file, QStringLiteral("--model"),
                                   QStringLiteral("c1"), QStringLiteral("--out"), out});
    QCOMPARE(otherModel.exitCode, 2);
    QVERIFY2(otherModel.err.contains(u"--model v6 → c1"), qPrintable(otherModel.err));
    QVERIFY(otherModel.err.contains(u"another --out folder"));
    QCOMPARE(m_sandbox->stats().generationsCreated, before);
}

void TestBatch::refusesBeforeSendingAnything_data() {
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<qint64>("credits");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    const QStringList two{QStringLiteral("One"), QStringLiteral("Two")};
    QTest::newRow("max credits") << two
                                 << QStringList{QStringLiteral("--max-credits"),
                                                QStringLiteral("50")}
                                 << qint64(100000) << 2 << "--max-credits 50";
    QTest::newRow("balance short") << two << QStringList{} << qint64(60) << 4 << "too low";
    QTest::newRow("bad line")
        << QStringList{QStringLiteral("Fine"),
                       QStringLiteral(
                           R"({"prompt":"x","model":"v4.5","quality":"1080p","duration":8})")}
        << QStringList{} << qint64(100000) << 2 << "generation 2";
    QTest::newRow("16 s on V6") << QStringList{QStringLiteral(R"({"prompt":"x","duration":16})")}
                                << QStringList{} << qint64(100000) << 2 << "generation 1";
    // The command line's --audio is every line's default; an old model has no sound.
    QTest::newRow("sound on v4.5")
        << QStringList{QStringLiteral("Fine"), QStringLiteral(R"({"prompt":"x","model":"v4.5"})")}
        << QStringList{QStringLiteral("--audio")} << qint64(100000) << 2 << "generation 2";
    QTest::newRow("v5.5, offered nowhere")
        << QStringList{QStringLiteral("Fine"), QStringLiteral(R"({"prompt":"x","model":"v5.5"})")}
        << QStringList{} << qint64(100000) << 2 << "generation 2";
    QTest::newRow("audio not a boolean")
        << QStringList{QStringLiteral(R"({"prompt":"x","audio":"yes"})")} << QStringList{}
        << qint64(100000) << 2 << "line 1";
    QTest::newRow("not json") << QStringList{QStringLiteral("{oops")} << QStringList{}
                              << qint64(100000) << 2 << "line 1";
    QTest::newRow("empty") << QStringList{QStringLiteral("# nothing")} << QStringList{}
                           << qint64(100000) << 2 << "no generation";
}

void TestBatch::refusesBeforeSendingAnything() {
    QFETCH(QStringList, lines);
    QFETCH(QStringList, extra);
    QFETCH(qint64, credits);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    m_sandbox->setCredits(m_sandbox->defaultApiKey(), credits, 0);
    const QString file = writeBatch(QStringLiteral("refused.txt"), lines);
    const QString out =
        m_dir.filePath(QStringLiteral("refused-") +
                       QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
    const qint64 before = m_sandbox->stats().generationsCreated;
    const CliRun cli =
        run(QStringList{QStringLiteral("batch"), file, QStringLiteral("--out"), out} + extra);
    QCOMPARE(cli.exitCode, exitCode);
    QVERIFY2(cli.err.contains(says), qPrintable(cli.err));
    QCOMPARE(m_sandbox->stats().generationsCreated, before);
}

void TestBatch::failedLinesAreReported() {
    const QString file =
        writeBatch(QStringLiteral("some-fail.txt"),
                   {QStringLiteral("A quiet lake"), QStringLiteral("Something forbidden")});
    const QString out = m_dir.filePath(QStringLiteral("some-fail"));
    const CliRun cli = run({QStringLiteral("batch"), file, QStringLiteral("--out"), out});
    QCOMPARE(cli.exitCode, 4); // moderation is a refusal by the service
    QCOMPARE(cli.out.split(u'\n', Qt::SkipEmptyParts).size(), 1);
    QVERIFY2(cli.err.contains(u"Generation 2"), qPrintable(cli.err));
}

// Lines with `audio`, `multi_clip` and 12 s; the command line's --model/--audio are defaults.
void TestBatch::soundMultiClipAndAnyDuration() {
    const QString file = writeBatch(
        QStringLiteral("sound.jsonl"),
        {QStringLiteral(
             R"({"prompt":"Rain on a tin roof","duration":12,"quality":"720p","aspect":"21:9"})"),
         QStringLiteral(
             R"({"prompt":"A market at noon","audio":false,"multi_clip":true,"duration":12})"),
         QStringLiteral(
             R"({"prompt":"A quiet street","model":"v4.5","audio":false,"duration":8})")});
    const QString out = m_dir.filePath(QStringLiteral("sound"));
    const QString key = m_sandbox->defaultApiKey();
    m_sandbox->setCredits(key, 10000, 0);
    const qint64 before = m_sandbox->stats().generationsCreated;
    const CliRun cli =
        run({QStringLiteral("batch"), file, QStringLiteral("--out"), out, QStringLiteral("--model"),
             QStringLiteral("v6"), QStringLiteral("--audio"), QStringLiteral("--json")});
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
    QCOMPARE(m_sandbox->stats().generationsCreated, before + 3);
    // Per second (§2.9): 720p with sound 12 × 12 = 144; 540p without 7 × 12 = 84; v4.5 540p
    // 8 s per clip 90.
    QVERIFY2(cli.err.contains(u"3 generations, 318 credits"), qPrintable(cli.err));
    const CliRun balance = run({QStringLiteral("balance"), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(balance.out.toUtf8()).object().value(u"total").toInteger(),
             10000 - 318); // the sandbox charged what the preview said

    const QStringList lines = cli.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    // Each sidecar says what was asked: the mode, the sound, the shots, the length.
    const struct {
        bool audio;
        bool multiClip;
        int duration;
        const char* model;
    } expected[] = {{true, false, 12, "v6"}, {false, true, 12, "v6"}, {false, false, 8, "v4.5"}};
    for (const QString& line : lines) {
        const QJsonObject json = QJsonDocument::fromJson(line.toUtf8()).object();
        const int index = json.value(u"line").toInt() - 1;
        QVERIFY(index >= 0 && index < 3);
        QFile sidecar(json.value(u"path").toString().chopped(4) + u".json");
        QVERIFY2(sidecar.open(QIODevice::ReadOnly), qPrintable(sidecar.fileName()));
        const QByteArray text = sidecar.readAll();
        const QJsonObject meta = QJsonDocument::fromJson(text).object();
        QCOMPARE(meta.value(u"mode").toString(), QStringLiteral("t2v"));
        QCOMPARE(meta.value(u"audio").toBool(), expected[index].audio);
        QCOMPARE(meta.value(u"multi_clip").toBool(), expected[index].multiClip);
        QCOMPARE(meta.value(u"settings").toObject().value(u"duration").toInt(),
                 expected[index].duration);
        QCOMPARE(meta.value(u"model").toString(), QString::fromLatin1(expected[index].model));
    }
}

void TestBatch::survivesSigkill_data() {
    QTest::addColumn<QString>("stage");
    QTest::newRow("queued and uploading") << "upload";
    QTest::newRow("create sent, answer not yet back") << "create";
    QTest::newRow("generating") << "generating";
    QTest::newRow("downloading") << "download";
}

void TestBatch::survivesSigkill() {
    QFETCH(QString, stage);
    const QString file =
        writeBatch(u"crash-" + stage + u".txt",
                   {QStringLiteral(R"({"prompt":"The meadow sways","image":"meadow.png"})"),
                    QStringLiteral("A lighthouse at night"), QStringLiteral("Rain on a window")});
    const QString out = m_dir.filePath(u"crash-" + stage);
    const sandbox::SandboxStats before = m_sandbox->stats();

    sandbox::SandboxFault stall;
    stall.kind = sandbox::SandboxFault::Kind::Stall;
    stall.delayMs = 60000;
    stall.count = -1;
    if (stage == u"upload")
        stall.pathContains = QStringLiteral("image/upload");
    else if (stage == u"create")
        stall.pathContains = QStringLiteral("/generate");
    else if (stage == u"download")
        stall.pathContains = QStringLiteral("/media/video/");
    if (!stall.pathContains.isEmpty())
        m_sandbox->injectFault(stall);
    if (stage == u"generating")
        m_sandbox->setClockSpeed(0.01); // stays generating while we pull the plug

    QProcess process;
    // One at a time, so that the other jobs are still queued when the first one is hit.
    startCli(process, {QStringLiteral("batch"), file, QStringLiteral("--out"), out,
                       QStringLiteral("--concurrency"), QStringLiteral("1")});
    if (stage == u"upload")
        QTRY_VERIFY_WITH_TIMEOUT(m_sandbox->stats().uploads > before.uploads, 20000);
    else if (stage == u"create")
        QTRY_VERIFY_WITH_TIMEOUT(m_sandbox->stats().generationsCreated > before.generationsCreated,
                                 20000);
    else if (stage == u"generating")
        QTRY_VERIFY_WITH_TIMEOUT(m_sandbox->stats().generationsCreated >
                                         before.generationsCreated &&
                                     m_sandbox->stats().requests > before.requests + 4,
                                 20000);
    else
        QTRY_VERIFY_WITH_TIMEOUT(m_sandbox->stats().mediaRequests > before.mediaRequests, 20000);
    process.kill(); // SIGKILL: no chance to clean up
    QVERIFY(process.waitForFinished());
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);

    m_sandbox->clearFaults();
    m_sandbox->setClockSpeed(200);
    const CliRun again = run({QStringLiteral("batch"), file, QStringLiteral("--out"), out});
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QCOMPARE(m_sandbox->stats().generationsCreated,
             before.generationsCreated + 3); // exactly once each
    const QStringList videos = videosIn(out);
    QCOMPARE(videos.size(), 3);
    QVERIFY2(partFilesIn(out).isEmpty(), qPrintable(partFilesIn(out).join(u", ")));
    for (const QString& video : videos) {
        QFile file(video);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray head = file.read(12);
        QVERIFY2(head.mid(4, 4) == "ftyp", qPrintable(video));
        QVERIFY(file.size() > 1000);
    }
}

namespace {

//! How many videos the embedded sandbox has kept in its state folder (read beside the running
//! CLI, as SQLite's WAL allows), to pull the plug at the right moment.
int keptVideos(const QString& stateDir) {
    const QString path = QDir(stateDir).filePath(QStringLiteral("sandbox-state.sqlite"));
    if (!QFileInfo::exists(path))
        return 0;
    int count = 0;
    const QString name = QStringLiteral("peek-sandbox-state");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(
                    QStringLiteral("SELECT COUNT(*) FROM records WHERE name LIKE 'video/%'")) &&
                query.next())
                count = query.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

} // namespace

// Issue 14: `--sandbox batch` killed twice and run again ends with every video, one generation
// each: the embedded sandbox (in the CLI's own process) keeps its state in the data folder.
void TestBatch::embeddedSandboxRemembersAcrossKills() {
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString dataHome = home.filePath(QStringLiteral("share"));
    const QString stateDir = dataHome + QStringLiteral("/PixVerse Studio/PixVerse Studio/sandbox");
    QStringList prompts;
    for (int i = 1; i <= 6; ++i)
        prompts << QStringLiteral("Lantern number %1 on the river").arg(i);
    const QString file = writeBatch(QStringLiteral("embedded.txt"), prompts);
    const QString out = m_dir.filePath(QStringLiteral("embedded"));
    auto start = [&](QProcess& process, const QString& clockSpeed, const QString& concurrency) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
        process.setProcessEnvironment(env);
        process.start(m_cli,
                      {QStringLiteral("--sandbox"), QStringLiteral("--sandbox-clock-speed"),
                       clockSpeed, QStringLiteral("--poll-interval-ms"), QStringLiteral("100"),
                       QStringLiteral("batch"), file, QStringLiteral("--out"), out,
                       QStringLiteral("--concurrency"), concurrency});
        QVERIFY(process.waitForStarted());
    };

    // 1. Killed after some creates (the clock crawls, so nothing has finished).
    QProcess first;
    start(first, QStringLiteral("0.01"), QStringLiteral("2"));
    QTRY_VERIFY_WITH_TIMEOUT(keptVideos(stateDir) >= 2, 30000);
    first.kill();
    QVERIFY(first.waitForFinished());
    QCOMPARE(first.exitStatus(), QProcess::CrashExit);
    QVERIFY(videosIn(out).isEmpty());

    // 2. Killed mid-generation (a video takes 6 s here), with more created; the videos of run 1
    // are found again, still generating.
    QProcess second;
    start(second, QStringLiteral("1"), QStringLiteral("6"));
    QTRY_VERIFY_WITH_TIMEOUT(keptVideos(stateDir) >= 4, 30000);
    second.kill();
    QVERIFY(second.waitForFinished());

    // 3. Run to the end.
    QProcess third;
    start(third, QStringLiteral("200"), QStringLiteral("6"));
    QVERIFY(third.waitForFinished(120000));
    const QString err = QString::fromUtf8(third.readAllStandardError());
    QVERIFY2(third.exitStatus() == QProcess::NormalExit && third.exitCode() == 0, qPrintable(err));
    QCOMPARE(videosIn(out).size(), 6);
    QVERIFY2(!err.contains(QStringLiteral("no longer has")), qPrintable(err));

    // The sandbox's own record, opened again on the same folder: six generations, one per line,
    // each the video its file says.
    sandbox::SandboxConfig config;
    config.stateDir = stateDir;
    sandbox::SandboxHost kept(config);
    QVERIFY2(kept.start(), qPrintable(kept.errorString()));
    QCOMPARE(kept.stats().generationsCreated, 6);
    QCOMPARE(keptVideos(stateDir), 6);
    QSet<qint64> ids;
    QDirIterator sidecars(out, {QStringLiteral("*.json")}, QDir::Files);
    while (sidecars.hasNext()) {
        QFile sidecar(sidecars.next());
        QVERIFY(sidecar.open(QIODevice::ReadOnly));
        const QByteArray text = sidecar.readAll();
        const QJsonObject json = QJsonDocument::fromJson(text).object();
        const qint64 id = json.value(u"pixverse").toObject().value(u"video_id").toInteger();
        QVERIFY2(id > (Q_INT64_C(1) << 53), text.constData());
        ids.insert(id);
    }
    QCOMPARE(ids.size(), 6);
}

QTEST_GUILESS_MAIN(TestBatch)
#include "tst_batch.moc"
