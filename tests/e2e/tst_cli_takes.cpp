// Issue 18 from the CLI: `generate … --takes N` and `batch FILE … --takes N` make N takes of each
// generation, one group each, with the seeds stepping from --seed; the summary lists every take's
// file; --takes outside 1–8 is a usage error before anything is sent.
#include "CliProcess.h"
#include "core/jobs/JobStore.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/support/SentSeeds.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace pixverse;
using namespace pixverse::test;

class TestCliTakes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void generateThreeTakesMakesThreeFilesInOneGroup();
    void takesWithoutASeedLetTheServicePick();
    void batchMakesTwoTakesOfEachLine();
    void dryRunPricesTheWhole();
    void takesOutsideOneToEightAreRefused_data();
    void takesOutsideOneToEightAreRefused();

private:
    CliRun run(const QStringList& arguments) const;
    //! The seeds of the videos the sandbox made since `from` (empty: none was sent).
    QList<std::optional<qint64>> seedsSince(qsizetype from) const;
    static QList<QJsonObject> jsonLines(const CliRun& run);

    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    QTemporaryDir m_dir;
    QString m_cli;
};

void TestCliTakes::initTestCase() {
    m_cli = appExecutable(QStringLiteral("pixverse-studio-cli"));
    QVERIFY(!m_cli.isEmpty());
    m_sandbox = std::make_unique<sandbox::SandboxHost>();
    QVERIFY(m_sandbox->start());
}

void TestCliTakes::init() {
    m_sandbox->setClockSpeed(200);
    m_sandbox->setCredits(m_sandbox->defaultApiKey(), 1000000, 0);
}

CliRun TestCliTakes::run(const QStringList& arguments) const {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PXTEST_KEY"), m_sandbox->defaultApiKey());
    const QStringList connection{
        QStringLiteral("--base-url"),         m_sandbox->baseUrl().toString(),
        QStringLiteral("--api-key-env"),      QStringLiteral("PXTEST_KEY"),
        QStringLiteral("--poll-interval-ms"), QStringLiteral("50")};
    return runCli(m_cli, arguments + connection, env, 120000);
}

QList<std::optional<qint64>> TestCliTakes::seedsSince(qsizetype from) const {
    return seedsOf(m_sandbox->createdRequests().mid(from));
}

QList<QJsonObject> TestCliTakes::jsonLines(const CliRun& run) {
    QList<QJsonObject> objects;
    for (const QString& line : run.outLines())
        if (line.startsWith(u'{'))
            objects << QJsonDocument::fromJson(line.toUtf8()).object();
    return objects;
}

void TestCliTakes::generateThreeTakesMakesThreeFilesInOneGroup() {
    const QString out = m_dir.filePath(QStringLiteral("three"));
    const qsizetype before = m_sandbox->createdRequests().size();
    const CliRun result =
        run(L({"generate", "--prompt", "A red kite over green hills", "--model", "v4.5",
               "--duration", "5", "--seed", "77", "--takes", "3", "--json", "--out"}) +
            QStringList{out});
    QVERIFY2(result.exitCode == 0, qPrintable(result.why()));
    QCOMPARE(seedsSince(before), (QList<std::optional<qint64>>{77, 78, 79}));

    // Every take's file, in order: the JSON of each, then the paths as the last lines.
    const QList<QJsonObject> takes = jsonLines(result);
    QCOMPARE(takes.size(), 3);
    const QStringList lines = result.outLines();
    const QStringList paths = lines.mid(lines.size() - 3);
    QSet<QString> distinct;
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(takes[i].value(u"take").toInt(), i + 1);
        QCOMPARE(takes[i].value(u"takes").toInt(), 3);
        QCOMPARE(takes[i].value(u"seed").toInteger(), 77 + i);
        QCOMPARE(takes[i].value(u"group").toInteger(), takes[0].value(u"group").toInteger());
        QCOMPARE(QDir::toNativeSeparators(takes[i].value(u"path").toString()), paths[i]);
        QVERIFY2(QFileInfo(paths[i]).size() > 1000, qPrintable(paths[i]));
        distinct.insert(paths[i]);
    }
    QCOMPARE(distinct.size(), 3);
    QVERIFY(takes[0].value(u"group").toInteger() > 0);
    QCOMPARE(QDir(out).entryList({QStringLiteral("*.mp4")}, QDir::Files).size(), 3);
    // The folder's job list keeps them as one group, in take order.
    JobStore store;
    QVERIFY2(store.open(QDir(out).filePath(QStringLiteral(".pixverse-studio"))),
             qPrintable(store.errorString()));
    const QList<Job> group = store.group(takes[0].value(u"group").toInteger());
    QCOMPARE(group.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(group[i].takeIndex, i);
        QCOMPARE(group[i].request.seed, std::optional<qint64>(77 + i));
        QCOMPARE(QDir::toNativeSeparators(group[i].videoPath), paths[i]);
    }
    // The progress names each take.
    QVERIFY2(result.err.contains(QLatin1String("Take 2/3")), qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("3 of 3 takes saved")), qPrintable(result.err));
}

void TestCliTakes::takesWithoutASeedLetTheServicePick() {
    const QString out = m_dir.filePath(QStringLiteral("random"));
    const qsizetype before = m_sandbox->createdRequests().size();
    const CliRun result = run(L({"generate", "--prompt", "Fog over a harbour", "--model", "v4.5",
                                 "--takes", "2", "--out"}) +
                              QStringList{out});
    QVERIFY2(result.exitCode == 0, qPrintable(result.why()));
    QCOMPARE(seedsSince(before), (QList<std::optional<qint64>>{{}, {}}));
    QCOMPARE(QDir(out).entryList({QStringLiteral("*.mp4")}, QDir::Files).size(), 2);
    const QStringList lines = result.outLines();
    QCOMPARE(lines.size(), 2); // no --json: the two paths
    for (const QString& path : lines)
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
}

void TestCliTakes::batchMakesTwoTakesOfEachLine() {
    const QString file = m_dir.filePath(QStringLiteral("two-lines.txt"));
    {
        QFile batch(file);
        QVERIFY(batch.open(QIODevice::WriteOnly));
        batch.write("A candle in the wind\nSnow on a pine branch\n");
    }
    const QString out = m_dir.filePath(QStringLiteral("batch"));
    const QStringList arguments =
        QStringList{QStringLiteral("batch"), file} +
        L({"--model", "v4.5", "--seed", "5", "--takes", "2", "--json", "--out"}) + QStringList{out};
    const qsizetype before = m_sandbox->createdRequests().size();
    const CliRun result = run(arguments);
    QVERIFY2(result.exitCode == 0, qPrintable(result.why()));
    QCOMPARE(seedsSince(before), (QList<std::optional<qint64>>{5, 6, 5, 6}));
    QVERIFY2(result.err.contains(QStringLiteral("2 generations × 2 takes")),
             qPrintable(result.err));

    const QList<QJsonObject> saved = jsonLines(result);
    QCOMPARE(saved.size(), 4);
    const QList<int> lines{1, 1, 2, 2};
    const QList<int> takes{1, 2, 1, 2};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(saved[i].value(u"line").toInt(), lines[i]);
        QCOMPARE(saved[i].value(u"take").toInt(), takes[i]);
        QVERIFY(QFileInfo::exists(saved[i].value(u"path").toString()));
    }
    // One group for each line.
    QCOMPARE(saved[0].value(u"group"), saved[1].value(u"group"));
    QCOMPARE(saved[2].value(u"group"), saved[3].value(u"group"));
    QVERIFY(saved[0].value(u"group") != saved[2].value(u"group"));
    QCOMPARE(QDir(out).entryList({QStringLiteral("*.mp4")}, QDir::Files).size(), 4);

    // The same command again sends nothing: every take is already in the folder.
    const qsizetype after = m_sandbox->createdRequests().size();
    const CliRun again = run(arguments);
    QVERIFY2(again.exitCode == 0, qPrintable(again.why()));
    QCOMPARE(m_sandbox->createdRequests().size(), after);
    QCOMPARE(jsonLines(again).size(), 4);
}

void TestCliTakes::dryRunPricesTheWhole() {
    const qsizetype before = m_sandbox->createdRequests().size();
    const CliRun one = run(L({"generate", "--prompt", "A lighthouse", "--model", "v4.5", "--seed",
                              "10", "--dry-run", "--out", "unused"}));
    QVERIFY2(one.exitCode == 0, qPrintable(one.why()));
    const CliRun three = run(L({"generate", "--prompt", "A lighthouse", "--model", "v4.5", "--seed",
                                "10", "--takes", "3", "--dry-run", "--out", "unused"}));
    QVERIFY2(three.exitCode == 0, qPrintable(three.why()));
    QCOMPARE(m_sandbox->createdRequests().size(), before); // nothing sent

    // "Cost: 20 credits" for one; "Cost: 3 takes × 20 credits = 60 credits" for three.
    const QStringList lines = one.outLines();
    const auto costLine = std::find_if(lines.cbegin(), lines.cend(), [](const QString& line) {
        return line.startsWith(QLatin1String("Cost: "));
    });
    QVERIFY2(costLine != lines.cend(), qPrintable(one.out));
    const QString costOne = *costLine;
    const int credits = costOne.section(u' ', 1, 1).toInt();
    QVERIFY(credits > 0);
    QVERIFY2(three.out.contains(QStringLiteral("Cost: 3 takes × %1 credits = %2 credits")
                                    .arg(credits)
                                    .arg(3 * credits)),
             qPrintable(three.out));
    for (const char* seed : {"\"seed\":10", "\"seed\":11", "\"seed\":12"})
        QVERIFY2(three.out.contains(QLatin1String(seed)), seed);
    QVERIFY(three.out.contains(QLatin1String("Take 3/3:")));

    const CliRun json = run(L({"generate", "--prompt", "A lighthouse", "--model", "v4.5", "--takes",
                               "2", "--dry-run", "--json", "--out", "unused"}));
    QVERIFY2(json.exitCode == 0, qPrintable(json.why()));
    const QJsonObject plan = QJsonDocument::fromJson(json.outLines().value(0).toUtf8()).object();
    QCOMPARE(plan.value(u"takes").toInt(), 2);
    QCOMPARE(plan.value(u"credits").toInt(), 2 * credits);
}

void TestCliTakes::takesOutsideOneToEightAreRefused_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("says");
    const QString batch = m_dir.filePath(QStringLiteral("refused.txt"));
    QFile file(batch);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("A quiet street\n");
    file.close();
    QTest::newRow("generate 0") << L({"generate", "--prompt", "x", "--takes", "0", "--out", "o"})
                                << QStringLiteral("--takes needs a number from 1 to 8");
    QTest::newRow("generate 9") << L({"generate", "--prompt", "x", "--takes", "9", "--out", "o"})
                                << QStringLiteral("--takes needs a number from 1 to 8");
    QTest::newRow("not a number") << L({"generate", "--prompt", "x", "--takes", "many", "--out",
                                        "o"})
                                  << QStringLiteral("“many”");
    QTest::newRow("batch 9") << QStringList{QStringLiteral("batch"), batch} +
                                    L({"--takes", "9", "--out", "o"})
                             << QStringLiteral("--takes needs a number from 1 to 8");
    QTest::newRow("extend") << L({"extend", "123", "--takes", "2", "--out", "o"})
                            << QStringLiteral("--takes");
}

void TestCliTakes::takesOutsideOneToEightAreRefused() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, says);
    const qint64 before = m_sandbox->stats().generationsCreated;
    const CliRun result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(says), qPrintable(result.err));
    QCOMPARE(m_sandbox->stats().generationsCreated, before);
}

QTEST_GUILESS_MAIN(TestCliTakes)
#include "tst_cli_takes.moc"
