// Issue 17 from the command line: the built pixverse-studio-cli lists the sandbox's effect
// templates (every page, search, JSON), makes a template job and a two-reference (fusion) job over
// real loopback HTTP, and refuses before sending what the catalog or a remembered answer refuses:
// a quality a template does not allow, a template the service said is not activated, a
// reference without a name, an @name without a reference.
#include "core/api/ApiError.h"
#include "core/media/MediaProbe.h"
#include "core/sandbox/SandboxHost.h"
#include "core/sandbox/SandboxTemplates.h"
#include "tests/e2e/CliProcess.h"
#include "tests/support/TestSupport.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;
using namespace pixverse::sandbox::templates;

using pixverse::test::CliRun;
using pixverse::test::L;

namespace {

QString id(qint64 templateId) {
    return QString::number(templateId);
}

//! The line of `templates` for `templateId`; empty when none.
QString lineOf(const CliRun& cli, qint64 templateId) {
    for (const QString& line : cli.outLines())
        if (line.startsWith(id(templateId) + u' '))
            return line;
    return {};
}

QJsonObject objectOf(const QJsonArray& list, qint64 templateId) {
    for (const QJsonValue& item : list)
        if (item.toObject().value(u"id").toInteger() == templateId)
            return item.toObject();
    return {};
}

QString serviceSentence(int code) {
    return ApiError::service(code, {}).userMessage();
}

} // namespace

class TestCliEffects : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void helpListsTheEffectCommands();
    void usageErrors_data();
    void usageErrors();
    void templatesListsEveryOne();
    void templatesAreFetchedOnceADay();
    void searchFindsOne();
    void jsonHasEveryField();
    void templateJobCompletes();
    void twoImageTemplateJobCompletes();
    void wrongImageCountRefusedBeforeSending();
    void qualityTheTemplateRefusesIsRefusedBeforeSending();
    void notActivatedIsRememberedAndRefusedNextTime();
    void dryRunOfATemplateOfTwoImages();
    void twoReferenceJobCompletes();
    void dryRunOfAFusion();
    void referenceRefusalsSendNothing_data();
    void referenceRefusalsSendNothing();

private:
    CliRun run(const QStringList& arguments, const QString& dataDir = {});
    QStringList connection() const {
        return {QStringLiteral("--base-url"),         m_sandbox->baseUrl().toString(),
                QStringLiteral("--api-key-env"),      QStringLiteral("PXTEST_KEY"),
                QStringLiteral("--poll-interval-ms"), QStringLiteral("50")};
    }
    QString makeImage(const QString& name, QColor colour);
    //! `arguments` sends nothing at all, exits 2 and says `says` last on stderr.
    void checkRefusedLocally(const QStringList& arguments, const QString& says);
    //! A template generation into `out` with --json; its --json object (the run must succeed).
    QJsonObject generate(const QStringList& arguments, const QString& out);
    //! generate `arguments` completes: mode `mode`, each of `images` uploaded once, a video
    //! that decodes.
    void checkJobCompletes(const QStringList& arguments, const char* out, const char* mode,
                           int images);

    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    QTemporaryDir m_dir;
    QString m_dataDir; //!< the CLI's data dir (XDG_DATA_HOME) shared by the runs of a test
    QString m_cli;
    QString m_key;
    QString m_red;
    QString m_blue;
};

void TestCliEffects::initTestCase() {
    m_cli = pixverse::test::appExecutable(QStringLiteral("pixverse-studio-cli"));
    QVERIFY2(!m_cli.isEmpty(), "pixverse-studio-cli is built");
    m_sandbox = std::make_unique<sandbox::SandboxHost>(sandbox::SandboxConfig{});
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    m_sandbox->setClockSpeed(200); // a generation's seconds pass in milliseconds
    m_key = m_sandbox->defaultApiKey();
    QVERIFY(m_dir.isValid());
    m_red = makeImage(QStringLiteral("red.png"), Qt::red);
    m_blue = makeImage(QStringLiteral("blue.png"), Qt::blue);
    QVERIFY(!m_red.isEmpty() && !m_blue.isEmpty());
}

void TestCliEffects::init() {
    m_sandbox->setCredits(m_key, 100000, 0);
    m_sandbox->clearFaults();
    // Each test starts without a template list kept: its first run fetches one.
    m_dataDir = m_dir.filePath(
        QStringLiteral("data-%1").arg(QString::fromLatin1(QTest::currentTestFunction())));
}

void TestCliEffects::cleanup() {
    m_sandbox->advanceClock(3600 * 1000);
}

CliRun TestCliEffects::run(const QStringList& arguments, const QString& dataDir) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PXTEST_KEY"), m_key);
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataDir.isEmpty() ? m_dataDir : dataDir);
    return pixverse::test::runCli(m_cli, arguments, env, 120000);
}

QString TestCliEffects::makeImage(const QString& name, QColor colour) {
    QImage image(640, 360, QImage::Format_RGB32);
    image.fill(colour);
    const QString path = m_dir.filePath(name);
    return image.save(path) ? path : QString();
}

void TestCliEffects::checkRefusedLocally(const QStringList& arguments, const QString& says) {
    const sandbox::SandboxStats before = m_sandbox->stats();
    const CliRun cli = run(arguments);
    QVERIFY2(cli.exitCode == 2, qPrintable(cli.why()));
    const QStringList lines = cli.err.trimmed().split(u'\n');
    QVERIFY2(lines.last().contains(says, Qt::CaseInsensitive),
             qPrintable(QStringLiteral("expected “%1”; %2").arg(says, cli.why())));
    QVERIFY2(cli.out.isEmpty(), qPrintable(cli.out));
    const sandbox::SandboxStats after = m_sandbox->stats();
    QCOMPARE(after.requests, before.requests); // not one request: no list, no upload, no create
    QCOMPARE(after.uploads, before.uploads);
    QCOMPARE(after.generationsCreated, before.generationsCreated);
}

QJsonObject TestCliEffects::generate(const QStringList& arguments, const QString& out) {
    const CliRun cli = run(connection() + QStringList{QStringLiteral("generate")} + arguments +
                           QStringList{QStringLiteral("--json"), QStringLiteral("--out"), out});
    const QJsonObject json = cli.jsonBeforePath();
    if (cli.exitCode != 0 || cli.lastLine() != json.value(u"path").toString()) {
        QTest::qFail(qPrintable(cli.why() + QStringLiteral("; stdout: ") + cli.out), __FILE__,
                     __LINE__);
        return {};
    }
    return json;
}

void TestCliEffects::helpListsTheEffectCommands() {
    const CliRun help = run(L({"--help"}));
    QCOMPARE(help.exitCode, 0);
    for (const char* word : {"templates [--search TEXT]", "--template", "--reference",
                             "subject:NAME=FILE", "background:NAME=FILE", "--search", "--refresh"})
        QVERIFY2(help.out.contains(QString::fromUtf8(word)), word);
}

void TestCliEffects::usageErrors_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("says");
    QTest::newRow("template not a number") << L({"generate", "--template", "storm", "--out", "OUT"})
                                           << "--template needs a template id";
    QTest::newRow("template and reference")
        << L({"generate", "--template", "1", "--reference", "subject:a=a.png", "--out", "OUT"})
        << "either --template or --reference";
    QTest::newRow("reference and image")
        << L({"generate", "--reference", "subject:a=a.png", "--image", "a.png", "--prompt", "@a",
              "--out", "OUT"})
        << "--reference does not go with --image";
    QTest::newRow("two images without a template")
        << L({"generate", "--prompt", "x", "--image", "a.png", "--image", "b.png", "--out", "OUT"})
        << "Give one --image";
    QTest::newRow("search on generate")
        << L({"generate", "--prompt", "x", "--search", "x", "--out", "OUT"})
        << "--search goes with templates";
    QTest::newRow("template on batch")
        << L({"batch", "lines.txt", "--template", "1", "--out", "OUT"})
        << "--template goes with generate";
    QTest::newRow("templates with an argument")
        << L({"templates", "storm"}) << "Unexpected argument";
    QTest::newRow("reference without a type")
        << L({"generate", "--reference", "hero.png", "--prompt", "x", "--out", "OUT"})
        << "TYPE:NAME=FILE";
    QTest::newRow("reference without a file")
        << L({"generate", "--reference", "subject:hero=", "--prompt", "@hero", "--out", "OUT"})
        << "needs the path of an image file";
}

void TestCliEffects::usageErrors() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, says);
    arguments.replaceInStrings(QStringLiteral("OUT"), m_dir.filePath(QStringLiteral("usage-out")));
    checkRefusedLocally(connection() + arguments, says);
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("usage-out"))));
}

void TestCliEffects::templatesListsEveryOne() {
    const CliRun cli = run(connection() + L({"templates"}));
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.why()));
    QCOMPARE(cli.outLines().size(), kDefaultTemplateCount);
    QVERIFY2(lineOf(cli, kAudienceReactionId).contains(u"Audience Reaction Shot"),
             qPrintable(cli.out));
    QVERIFY2(lineOf(cli, kAudienceReactionId).contains(u"1 image"), qPrintable(cli.out));
    QVERIFY2(lineOf(cli, kTwoImageId).contains(u"2 images"), qPrintable(cli.out));
    QVERIFY2(lineOf(cli, kTextOnlyId).contains(u"no image"), qPrintable(cli.out));
    QVERIFY2(lineOf(cli, kLowQualityOnlyId).endsWith(u"360p, 540p"), qPrintable(cli.out));
    // The list says nothing of activation (the sandbox sends no such field): not marked yet.
    QVERIFY(!lineOf(cli, kNotActivatedId).isEmpty());
    QVERIFY(!lineOf(cli, kNotActivatedId).contains(u"needs activation"));
}

void TestCliEffects::templatesAreFetchedOnceADay() {
    const CliRun first = run(connection() + L({"templates"}));
    QVERIFY2(first.exitCode == 0, qPrintable(first.why()));
    // The list kept is young: the second run asks nothing.
    const qint64 requests = m_sandbox->stats().requests;
    const CliRun second = run(connection() + L({"templates"}));
    QVERIFY2(second.exitCode == 0, qPrintable(second.why()));
    QCOMPARE(m_sandbox->stats().requests, requests);
    QCOMPARE(second.out, first.out);
    // --refresh fetches anyway, and gives the same list.
    const CliRun refreshed = run(connection() + L({"templates", "--refresh"}));
    QVERIFY2(refreshed.exitCode == 0, qPrintable(refreshed.why()));
    QVERIFY(m_sandbox->stats().requests > requests);
    QCOMPARE(refreshed.out, first.out);
}

void TestCliEffects::searchFindsOne() {
    const CliRun cli =
        run(connection() + QStringList{QStringLiteral("templates"), QStringLiteral("--search"),
                                       QString::fromLatin1(kUniqueSearchWord)});
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.why()));
    QCOMPARE(cli.outLines().size(), 1);
    QVERIFY(cli.out.contains(QString::fromLatin1(kUniqueSearchWord)));
    // Case does not matter, as in the browser; a word no template has lists none.
    const CliRun lower = run(connection() + L({"templates", "--search", "storm"}));
    QCOMPARE(lower.out, cli.out);
    const CliRun none = run(connection() + L({"templates", "--search", "zzqx"}));
    QVERIFY2(none.exitCode == 0, qPrintable(none.why()));
    QVERIFY(none.out.isEmpty());
    QVERIFY2(none.err.contains(u"zzqx"), qPrintable(none.err));
}

void TestCliEffects::jsonHasEveryField() {
    const CliRun cli = run(connection() + L({"templates", "--json"}));
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.why()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(cli.out.toUtf8(), &error);
    QVERIFY2(doc.isArray(), qPrintable(error.errorString()));
    const QJsonArray list = doc.array();
    QCOMPARE(list.size(), kDefaultTemplateCount);
    for (const QJsonValue& item : list) {
        const QJsonObject t = item.toObject();
        QVERIFY2(t.value(u"id").isDouble() && t.value(u"id").toInteger() > 0,
                 QJsonDocument(t).toJson().constData());
        QVERIFY(!t.value(u"name").toString().isEmpty());
        for (const char* key : {"prompt", "model", "category", "previewUrl"})
            QVERIFY2(t.value(QLatin1String(key)).isString(), key);
        QVERIFY(t.value(u"images").isDouble());
        QVERIFY(t.value(u"duration").isDouble());
        QVERIFY(t.value(u"qualities").isArray());
        QVERIFY(t.value(u"needsActivation").isBool());
        QVERIFY2(t.value(u"previewUrl").toString().startsWith(m_sandbox->baseUrl().toString()),
                 qPrintable(t.value(u"previewUrl").toString()));
    }
    QCOMPARE(objectOf(list, kTwoImageId).value(u"images").toInt(), 2);
    QCOMPARE(objectOf(list, kTextOnlyId).value(u"images").toInt(), 0);
    QCOMPARE(objectOf(list, kLowQualityOnlyId).value(u"qualities").toArray(),
             QJsonArray({QStringLiteral("360p"), QStringLiteral("540p")}));
    QCOMPARE(objectOf(list, kAudienceReactionId).value(u"name").toString(),
             QStringLiteral("Audience Reaction Shot"));
}

void TestCliEffects::checkJobCompletes(const QStringList& arguments, const char* out,
                                       const char* mode, int images) {
    const qint64 uploads = m_sandbox->stats().uploads;
    const QJsonObject json = generate(arguments, m_dir.filePath(QString::fromLatin1(out)));
    QCOMPARE(json.value(u"mode").toString(), QString::fromLatin1(mode));
    QCOMPARE(m_sandbox->stats().uploads, uploads + images); // each image once
    const MediaProbeResult probe = probeMedia(json.value(u"path").toString());
    QVERIFY2(probe.facts && probe.facts->hasVideo, qPrintable(probe.error));
}

void TestCliEffects::templateJobCompletes() {
    checkJobCompletes({QStringLiteral("--template"), id(kAudienceReactionId),
                       QStringLiteral("--image"), m_red, QStringLiteral("--quality"),
                       QStringLiteral("360p")},
                      "effect", "effect", 1);
}

void TestCliEffects::twoImageTemplateJobCompletes() {
    checkJobCompletes({QStringLiteral("--template"), id(kTwoImageId), QStringLiteral("--image"),
                       m_red, QStringLiteral("--image"), m_blue, QStringLiteral("--quality"),
                       QStringLiteral("360p")},
                      "effect-two", "effect", 2);
}

void TestCliEffects::wrongImageCountRefusedBeforeSending() {
    QVERIFY(run(connection() + L({"templates"})).exitCode == 0); // the list, kept
    checkRefusedLocally(connection() + QStringList{QStringLiteral("generate"),
                                                   QStringLiteral("--template"), id(kTwoImageId),
                                                   QStringLiteral("--image"), m_red,
                                                   QStringLiteral("--out"),
                                                   m_dir.filePath(QStringLiteral("wrong-count"))},
                        QStringLiteral("add 1 more"));
}

void TestCliEffects::qualityTheTemplateRefusesIsRefusedBeforeSending() {
    QVERIFY(run(connection() + L({"templates"})).exitCode == 0); // the list, kept
    checkRefusedLocally(connection() + QStringList{QStringLiteral("generate"),
                                                   QStringLiteral("--template"),
                                                   id(kLowQualityOnlyId), QStringLiteral("--image"),
                                                   m_red, QStringLiteral("--quality"),
                                                   QStringLiteral("720p"), QStringLiteral("--out"),
                                                   m_dir.filePath(QStringLiteral("low-quality"))},
                        serviceSentence(500071));
}

void TestCliEffects::notActivatedIsRememberedAndRefusedNextTime() {
    const QStringList arguments =
        connection() + QStringList{QStringLiteral("generate"),
                                   QStringLiteral("--template"),
                                   id(kNotActivatedId),
                                   QStringLiteral("--image"),
                                   m_red,
                                   QStringLiteral("--quality"),
                                   QStringLiteral("360p"),
                                   QStringLiteral("--out"),
                                   m_dir.filePath(QStringLiteral("not-activated"))};
    // The first run does not know: PixVerse answers 500070, a refusal (exit 4), nothing made.
    const qint64 created = m_sandbox->stats().generationsCreated;
    const CliRun first = run(arguments);
    QVERIFY2(first.exitCode == 4, qPrintable(first.why()));
    QVERIFY2(first.err.contains(serviceSentence(500070)), qPrintable(first.why()));
    QCOMPARE(m_sandbox->stats().generationsCreated, created);
    // The list kept remembers it: `templates` says so, and the next run sends nothing.
    const CliRun list = run(connection() + L({"templates"}));
    QVERIFY2(lineOf(list, kNotActivatedId).endsWith(u"needs activation"), qPrintable(list.out));
    checkRefusedLocally(arguments, serviceSentence(500070));
}

void TestCliEffects::dryRunOfATemplateOfTwoImages() {
    const QStringList arguments = connection() + QStringList{QStringLiteral("generate"),
                                                             QStringLiteral("--template"),
                                                             id(kTwoImageId),
                                                             QStringLiteral("--image"),
                                                             m_red,
                                                             QStringLiteral("--image"),
                                                             m_blue,
                                                             QStringLiteral("--quality"),
                                                             QStringLiteral("720p"),
                                                             QStringLiteral("--dry-run"),
                                                             QStringLiteral("--json"),
                                                             QStringLiteral("--out"),
                                                             m_dir.filePath(QStringLiteral("dry"))};
    // A dry run fetches nothing: without a list kept it cannot know the template.
    const CliRun unknown = run(arguments);
    QVERIFY2(unknown.exitCode == 2 && unknown.err.contains(u"templates"),
             qPrintable(unknown.why()));
    QVERIFY(run(connection() + L({"templates"})).exitCode == 0);
    const qint64 requests = m_sandbox->stats().requests;
    const CliRun cli = run(arguments);
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.why()));
    QCOMPARE(m_sandbox->stats().requests, requests);
    const QJsonObject plan = QJsonDocument::fromJson(cli.out.toUtf8()).object();
    const QJsonArray calls = plan.value(u"requests").toArray();
    QCOMPARE(calls.size(), 3); // two uploads, then the create
    const QJsonObject create = calls.last().toObject();
    QCOMPARE(create.value(u"path").toString(), QStringLiteral("/openapi/v2/video/img/generate"));
    const QJsonObject body = create.value(u"body").toObject();
    QCOMPARE(body.value(u"template_id").toInteger(), kTwoImageId);
    QCOMPARE(body.value(u"img_ids").toArray().size(), 2);
    QCOMPARE(body.value(u"quality").toString(), QStringLiteral("720p"));
    QVERIFY(plan.value(u"credits").toInt() > 0); // the template's model's i2v price
}

void TestCliEffects::twoReferenceJobCompletes() {
    checkJobCompletes({QStringLiteral("--reference"), QStringLiteral("subject:hero=") + m_red,
                       QStringLiteral("--reference"), QStringLiteral("background:city=") + m_blue,
                       QStringLiteral("--prompt"),
                       QStringLiteral("@hero walks through @city at night"),
                       QStringLiteral("--quality"), QStringLiteral("360p")},
                      "fusion", "fusion", 2);
}

void TestCliEffects::dryRunOfAFusion() {
    const qint64 requests = m_sandbox->stats().requests;
    const CliRun cli =
        run(connection() +
            QStringList{QStringLiteral("generate"), QStringLiteral("--reference"),
                        QStringLiteral("subject:hero=") + m_red, QStringLiteral("--reference"),
                        QStringLiteral("background:city=") + m_blue, QStringLiteral("--prompt"),
                        QStringLiteral("@hero, in @city"), QStringLiteral("--dry-run"),
                        QStringLiteral("--json"), QStringLiteral("--out"),
                        m_dir.filePath(QStringLiteral("dry-fusion"))});
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.why()));
    QCOMPARE(m_sandbox->stats().requests, requests);
    const QJsonObject plan = QJsonDocument::fromJson(cli.out.toUtf8()).object();
    const QJsonArray calls = plan.value(u"requests").toArray();
    QCOMPARE(calls.size(), 3); // two uploads, then the create
    const QJsonObject create = calls.last().toObject();
    QCOMPARE(create.value(u"path").toString(), QStringLiteral("/openapi/v2/video/fusion/generate"));
    const QJsonObject body = create.value(u"body").toObject();
    const QJsonArray references = body.value(u"image_references").toArray();
    QCOMPARE(references.size(), 2);
    QCOMPARE(references.at(0).toObject().value(u"type").toString(), QStringLiteral("subject"));
    QCOMPARE(references.at(0).toObject().value(u"ref_name").toString(), QStringLiteral("hero"));
    QCOMPARE(references.at(1).toObject().value(u"type").toString(), QStringLiteral("background"));
    QCOMPARE(references.at(1).toObject().value(u"ref_name").toString(), QStringLiteral("city"));
    // "exact name, followed by a space" (§2.15).
    QCOMPARE(body.value(u"prompt").toString(), QStringLiteral("@hero , in @city "));
    QVERIFY(plan.value(u"credits").toInt() > 0);
}

void TestCliEffects::referenceRefusalsSendNothing_data() {
    QTest::addColumn<QStringList>("references");
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("says");
    QTest::newRow("unknown @name") << L({"subject:hero=RED"}) << "@hero meets @villain"
                                   << "villain";
    QTest::newRow("unnamed reference") << L({"subject:RED"}) << "a walk in the park"
                                       << "name";
    QTest::newRow("empty name") << L({"subject:=RED"}) << "a walk in the park"
                                << "name";
    QTest::newRow("bad name") << L({"subject:two words=RED"}) << "@two"
                              << "two words";
    QTest::newRow("duplicate name")
        << L({"subject:hero=RED", "background:Hero=BLUE"}) << "@hero at home"
        << "hero";
    QTest::newRow("unknown type") << L({"character:hero=RED"}) << "@hero"
                                  << "character";
    QTest::newRow("too many for v5") << L({"subject:a=RED", "subject:b=BLUE", "subject:c=RED",
                                           "subject:d=BLUE", "--model", "v5"})
                                     << "@a @b @c @d"
                                     << "at most 3";
}

void TestCliEffects::referenceRefusalsSendNothing() {
    QFETCH(QStringList, references);
    QFETCH(QString, prompt);
    QFETCH(QString, says);
    QStringList arguments = connection() + L({"generate"});
    for (QString reference : references) {
        reference.replace(QStringLiteral("RED"), m_red).replace(QStringLiteral("BLUE"), m_blue);
        if (reference.startsWith(u"--"))
            arguments << reference; // --model v5
        else if (arguments.last() == QLatin1String("--model"))
            arguments << reference;
        else
            arguments << QStringLiteral("--reference") << reference;
    }
    arguments << QStringLiteral("--prompt") << prompt << QStringLiteral("--out")
              << m_dir.filePath(QStringLiteral("refused"));
    checkRefusedLocally(arguments, says);
}

QTEST_MAIN(TestCliEffects)
#include "tst_cli_effects.moc"
