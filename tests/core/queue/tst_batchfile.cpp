// core/queue/BatchFile (issue 19): a prompt list, JSON Lines and a folder of images become
// entries, each with its own refusal; real files in a temporary folder, the built-in catalog.
#include "core/generation/ModelCatalog.h"
#include "core/generation/PriceQuote.h"
#include "core/queue/BatchFile.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;

class TestBatchFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void promptListSkipsBlankAndCommentLines();
    void jsonLinesTakeKeysAliasesAndRelativeImages();
    void badLineIsRefusedAloneWithItsSentence_data();
    void badLineIsRefusedAloneWithItsSentence();
    void onlyAnUnreadableFileIsAnError();
    void generationKeysRoundTrip_data();
    void generationKeysRoundTrip();
    void folderOfTwelveImagesIsTwelveImageToVideoJobs();
    void folderImagesArePairedForTransitions();
    void aBrokenImageInAFolderIsRefusedAlone();
    void cliOptionKeysFillWhatALineLeavesOut();

private:
    QString write(const QString& name, const QStringList& lines) const;
    QString image(const QString& relative, QColor colour = QColor(40, 120, 200)) const;
    static PriceQuote tablePrice(const GenerationRequest& request) {
        return quotePrice(request, ModelCatalog::builtIn(), ApiFamily::OpenApi);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    const ModelCatalog& m_catalog = ModelCatalog::builtIn();
};

void TestBatchFile::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestBatchFile::write(const QString& name, const QStringList& lines) const {
    const QString path = m_dir->filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(lines.join(u'\n').toUtf8());
    return path;
}

QString TestBatchFile::image(const QString& relative, QColor colour) const {
    const QString path = m_dir->filePath(relative);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QImage picture(320, 240, QImage::Format_RGB32);
    picture.fill(colour);
    return picture.save(path) ? path : QString();
}

void TestBatchFile::promptListSkipsBlankAndCommentLines() {
    const QString path = write(QStringLiteral("prompts.txt"),
                               {QStringLiteral("# the morning shots"), QStringLiteral("A red fox"),
                                QString(), QStringLiteral("   "), QStringLiteral("  A whale  "),
                                QStringLiteral("#skipped too"), QStringLiteral("A lighthouse")});
    const QJsonObject defaults{{QStringLiteral("quality"), QStringLiteral("720p")}};
    const BatchContents contents = readBatchFile(path, defaults, m_catalog, ApiFamily::OpenApi);
    QVERIFY2(contents.error.isEmpty(), qPrintable(contents.error));
    QCOMPARE(contents.entries.size(), 3);
    QCOMPARE(contents.acceptedCount(), 3);
    const QStringList prompts{QStringLiteral("A red fox"), QStringLiteral("A whale"),
                              QStringLiteral("A lighthouse")};
    const int lines[] = {2, 5, 7};
    for (int i = 0; i < 3; ++i) {
        const BatchEntry& entry = contents.entries[i];
        QVERIFY2(entry.accepted(), qPrintable(entry.refusal));
        QCOMPARE(entry.request.prompt, prompts[i]);
        QCOMPARE(entry.request.mode, GenerationMode::TextToVideo);
        QCOMPARE(entry.request.model, m_catalog.defaultModel(ApiFamily::OpenApi));
        QCOMPARE(entry.request.quality, QStringLiteral("720p")); // the default
        QCOMPARE(entry.source, QStringLiteral("prompts.txt, line %1").arg(lines[i]));
        QCOMPARE(entry.origin, QStringLiteral("batch:prompts.txt#%1").arg(lines[i]));
    }
}

void TestBatchFile::jsonLinesTakeKeysAliasesAndRelativeImages() {
    QVERIFY(!image(QStringLiteral("stills/meadow.png")).isEmpty());
    const QString path = write(
        QStringLiteral("shots.jsonl"),
        {QStringLiteral(R"({"prompt":"A whale","quality":"720p","aspect_ratio":"9:16","seed":5})"),
         QStringLiteral(R"({"prompt":"The meadow sways","image":"stills/meadow.png"})"),
         QStringLiteral(R"({"prompt":"Rain","generate_audio_switch":true,"duration":8})")});
    const BatchContents contents = readBatchFile(path, {}, m_catalog, ApiFamily::OpenApi);
    QVERIFY2(contents.error.isEmpty(), qPrintable(contents.error));
    QCOMPARE(contents.acceptedCount(), 3);
    const GenerationRequest whale = contents.entries[0].request;
    QCOMPARE(whale.quality, QStringLiteral("720p"));
    QCOMPARE(whale.aspectRatio, QStringLiteral("9:16"));
    QCOMPARE(whale.seed, std::optional<qint64>(5));
    const GenerationRequest meadow = contents.entries[1].request;
    QCOMPARE(meadow.mode, GenerationMode::ImageToVideo);
    QCOMPARE(meadow.startImagePath(), m_dir->filePath(QStringLiteral("stills/meadow.png")));
    const GenerationRequest rain = contents.entries[2].request;
    QVERIFY(rain.audio);
    QCOMPARE(rain.duration, 8);
    QCOMPARE(contents.entries[2].text,
             QStringLiteral(R"({"prompt":"Rain","generate_audio_switch":true,"duration":8})"));
}

void TestBatchFile::badLineIsRefusedAloneWithItsSentence_data() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("says");
    QTest::addColumn<bool>("lineItself");
    QTest::newRow("not json") << QStringLiteral("{oops") << QStringLiteral("not a JSON object")
                              << true;
    QTest::newRow("trailing text") << QStringLiteral(R"({"prompt": "x"} trailing)")
                                   << QStringLiteral("not a JSON object") << true;
    QTest::newRow("unknown field")
        << QStringLiteral(R"({"prompt":"x","colour":"red"})")
        << QStringLiteral("“colour” is not a batch field; the fields are prompt, ") << true;
    QTest::newRow("duration as text")
        << QStringLiteral(R"({"prompt":"x","duration":"five"})")
        << QStringLiteral("“duration” must be a whole number") << true;
    QTest::newRow("audio not a boolean") << QStringLiteral(R"({"prompt":"x","audio":"yes"})")
                                         << QStringLiteral("“audio” must be true or false") << true;
    QTest::newRow("prompt a number")
        << QStringLiteral(R"({"prompt":7})") << QStringLiteral("“prompt” must be text") << true;
    QTest::newRow("unknown mode") << QStringLiteral(R"({"prompt":"x","mode":"dance"})")
                                  << QStringLiteral("“mode” must be one of") << true;
    QTest::newRow("missing image") << QStringLiteral(R"({"prompt":"x","image":"gone.png"})")
                                   << QStringLiteral("“gone.png” cannot be found") << false;
    QTest::newRow("unreadable image") << QStringLiteral(R"({"prompt":"x","image":"notes.png"})")
                                      << QStringLiteral("“notes.png” is not an image") << false;
    QTest::newRow("one frame only")
        << QStringLiteral(R"({"prompt":"x","first_frame":"fine.png"})")
        << QStringLiteral("“first_frame” and “last_frame” must both be") << true;
    // The catalog's rules: v4.5 makes no 1080p clip of 8 s; V6 lasts at most 15 s.
    QTest::newRow("catalog: quality and duration")
        << QStringLiteral(R"({"prompt":"x","model":"v4.5","quality":"1080p","duration":8})")
        << QString() << false;
    QTest::newRow("catalog: 16 s")
        << QStringLiteral(R"({"prompt":"x","duration":16})") << QString() << false;
    QTest::newRow("catalog: empty prompt")
        << QStringLiteral(R"({"prompt":"  "})") << QString() << false;
}

void TestBatchFile::badLineIsRefusedAloneWithItsSentence() {
    QFETCH(QString, line);
    QFETCH(QString, says);
    QFETCH(bool, lineItself);
    QVERIFY(!image(QStringLiteral("fine.png")).isEmpty());
    QFile notImage(m_dir->filePath(QStringLiteral("notes.png")));
    QVERIFY(notImage.open(QIODevice::WriteOnly));
    notImage.write("these are words, not pixels");
    notImage.close();
    const QString path =
        write(QStringLiteral("mixed.jsonl"),
              {QStringLiteral("Before it"), line, QStringLiteral(R"({"prompt":"After it"})")});
    const BatchContents contents = readBatchFile(path, {}, m_catalog, ApiFamily::OpenApi);
    QVERIFY2(contents.error.isEmpty(), qPrintable(contents.error));
    QCOMPARE(contents.entries.size(), 3); // a bad line never ends the file
    QVERIFY(contents.entries[0].accepted());
    QVERIFY(contents.entries[2].accepted());
    QCOMPARE(contents.entries[2].request.prompt, QStringLiteral("After it"));
    const BatchEntry& bad = contents.entries[1];
    QVERIFY(!bad.accepted());
    QCOMPARE(bad.source, QStringLiteral("mixed.jsonl, line 2"));
    QCOMPARE(bad.text, line);
    QCOMPARE(bad.lineRefused, lineItself);
    if (says.isEmpty()) {
        // The catalog's own first reason, for the request as the line asked for it.
        GenerationRequest asked;
        QVERIFY(requestFromKeys(QJsonDocument::fromJson(line.toUtf8()).object(), m_catalog,
                                ApiFamily::OpenApi, asked)
                    .isEmpty());
        const QList<RuleViolation> violations = m_catalog.validate(asked, ApiFamily::OpenApi);
        QVERIFY(!violations.isEmpty());
        QCOMPARE(bad.refusal, violations.first().reason);
    } else {
        QVERIFY2(bad.refusal.contains(says), qPrintable(bad.refusal));
    }
    QCOMPARE(contents.acceptedCount(), 2);
}

void TestBatchFile::onlyAnUnreadableFileIsAnError() {
    const BatchContents missing = readBatchFile(m_dir->filePath(QStringLiteral("none.txt")), {},
                                                m_catalog, ApiFamily::OpenApi);
    QVERIFY(missing.error.contains(u"none.txt"));
    QVERIFY(missing.entries.isEmpty());
    const BatchContents folder = readBatchFile(m_dir->path(), {}, m_catalog, ApiFamily::OpenApi);
    QVERIFY2(folder.error.contains(u"folder"), qPrintable(folder.error));
    // Nothing but comments: read, and empty.
    const BatchContents empty =
        readBatchFile(write(QStringLiteral("empty.txt"), {QStringLiteral("# nothing")}), {},
                      m_catalog, ApiFamily::OpenApi);
    QVERIFY(empty.error.isEmpty());
    QVERIFY(empty.entries.isEmpty());
    // A folder without images is no batch.
    QDir().mkpath(m_dir->filePath(QStringLiteral("nothing")));
    write(QStringLiteral("nothing/readme.txt"), {QStringLiteral("A prompt")});
    const BatchContents noImages = readImageFolder(m_dir->filePath(QStringLiteral("nothing")), {},
                                                   m_catalog, ApiFamily::OpenApi);
    QVERIFY2(noImages.error.contains(u"no PNG"), qPrintable(noImages.error));
}

void TestBatchFile::generationKeysRoundTrip_data() {
    QTest::addColumn<GenerationRequest>("request");
    QTest::addColumn<bool>("web");
    GenerationRequest t2v;
    t2v.model = QStringLiteral("v6");
    t2v.prompt = QStringLiteral("A fox in the snow");
    t2v.negativePrompt = QStringLiteral("blur");
    t2v.duration = 12;
    t2v.quality = QStringLiteral("720p");
    t2v.aspectRatio = QStringLiteral("9:16");
    t2v.seed = 4242;
    t2v.audio = true;
    t2v.multiClip = true;
    QTest::newRow("t2v, every switch") << t2v << false;
    GenerationRequest old = t2v;
    old.model = QStringLiteral("v4.5");
    old.duration = 5;
    old.audio = false;
    old.multiClip = false;
    old.motionMode = QStringLiteral("fast");
    old.style = QStringLiteral("anime");
    old.cameraMovement = QStringLiteral("zoom_in");
    old.seed.reset();
    QTest::newRow("v4.5 with style and camera") << old << false;
    GenerationRequest i2v = t2v;
    i2v.setStartImage(QStringLiteral("/somewhere/cat.png"));
    QTest::newRow("i2v") << i2v << false;
    GenerationRequest transition = t2v;
    transition.mode = GenerationMode::Transition;
    transition.images = {{RequestImage::Role::FirstFrame, QStringLiteral("/a/first.png"), {}},
                         {RequestImage::Role::LastFrame, QStringLiteral("/a/last.png"), {}}};
    QTest::newRow("transition") << transition << false;
    GenerationRequest web = t2v;
    web.offPeak = true;
    QTest::newRow("web, off peak") << web << true;
    GenerationRequest emptyTransition = t2v;
    emptyTransition.mode = GenerationMode::Transition; // the composer's mode before its frames
    QTest::newRow("transition without frames") << emptyTransition << false;
}

void TestBatchFile::generationKeysRoundTrip() {
    QFETCH(GenerationRequest, request);
    QFETCH(bool, web);
    const ApiFamily family = web ? ApiFamily::Web : ApiFamily::OpenApi;
    GenerationRequest back;
    QCOMPARE(requestFromKeys(generationKeys(request), m_catalog, family, back), QString());
    QCOMPARE(back.toJson(), request.toJson());
    QVERIFY(back == request);
}

void TestBatchFile::folderOfTwelveImagesIsTwelveImageToVideoJobs() {
    const QString folder = m_dir->filePath(QStringLiteral("stills"));
    for (int i = 1; i <= 12; ++i)
        QVERIFY(
            !image(QStringLiteral("stills/shot%1.png").arg(i), QColor(i * 20, 90, 160)).isEmpty());
    write(QStringLiteral("stills/notes.txt"), {QStringLiteral("not an image")}); // not taken
    QJsonObject defaults = generationKeys([] {
        GenerationRequest composer;
        composer.model = QStringLiteral("v6");
        composer.prompt = QStringLiteral("The picture comes alive");
        return composer;
    }());
    BatchContents contents = readImageFolder(folder, defaults, m_catalog, ApiFamily::OpenApi);
    QVERIFY2(contents.error.isEmpty(), qPrintable(contents.error));
    QCOMPARE(contents.entries.size(), 12);
    priceBatch(contents, &TestBatchFile::tablePrice);
    for (int i = 0; i < 12; ++i) {
        const BatchEntry& entry = contents.entries[i];
        const QString name = QStringLiteral("shot%1.png").arg(i + 1); // 2 before 10
        QVERIFY2(entry.accepted(), qPrintable(entry.refusal));
        QCOMPARE(entry.source, name);
        QCOMPARE(entry.origin, QStringLiteral("batch:stills#%1").arg(name));
        QCOMPARE(entry.request.mode, GenerationMode::ImageToVideo);
        QCOMPARE(entry.request.startImagePath(), QDir(folder).filePath(name));
        QCOMPARE(entry.request.prompt, QStringLiteral("The picture comes alive"));
        // §2.9: V6 at 540p costs 7 credits a second, 5 s by default.
        QCOMPARE(entry.price.credits, std::optional<qint64>(35));
        QCOMPARE(entry.price.basis, PriceQuote::Basis::Table);
    }
    QCOMPARE(contents.total().credits, std::optional<qint64>(420));
    QCOMPARE(contents.total().text(), QStringLiteral("420 credits"));
    // readBatchSource sees the folder for what it is.
    QCOMPARE(readBatchSource(folder, defaults, m_catalog, ApiFamily::OpenApi).entries.size(), 12);
}

void TestBatchFile::folderImagesArePairedForTransitions() {
    const QStringList names{QStringLiteral("dawn_start.png"),   QStringLiteral("dawn_end.png"),
                            QStringLiteral("Beach-First.jpg"),  QStringLiteral("beach-last.jpg"),
                            QStringLiteral("city_1.png"),       QStringLiteral("city_2.webp"),
                            QStringLiteral("lonely_start.png"), QStringLiteral("orphan.png"),
                            QStringLiteral("mixed_start.png"),  QStringLiteral("mixed_2.png")};
    for (const QString& name : names)
        QVERIFY(!image(QStringLiteral("pairs/") + name).isEmpty());
    GenerationRequest composer;
    composer.model = QStringLiteral("v6");
    composer.mode = GenerationMode::Transition;
    composer.prompt = QStringLiteral("From one to the other");
    const QString folder = m_dir->filePath(QStringLiteral("pairs"));
    BatchContents contents =
        readImageFolder(folder, generationKeys(composer), m_catalog, ApiFamily::OpenApi);
    QVERIFY2(contents.error.isEmpty(), qPrintable(contents.error));
    priceBatch(contents, &TestBatchFile::tablePrice);
    QHash<QString, BatchEntry> bySource;
    for (const BatchEntry& entry : std::as_const(contents.entries))
        bySource.insert(entry.source, entry);
    // Three pairs, each one entry from its first frame to its last.
    const QList<std::pair<QString, QString>> pairs{
        {QStringLiteral("dawn_start.png"), QStringLiteral("dawn_end.png")},
        {QStringLiteral("Beach-First.jpg"), QStringLiteral("beach-last.jpg")},
        {QStringLiteral("city_1.png"), QStringLiteral("city_2.webp")}};
    for (const auto& [first, last] : pairs) {
        const QString source = QStringLiteral("%1 → %2").arg(first, last);
        QVERIFY2(bySource.contains(source), qPrintable(bySource.keys().join(u'|')));
        const BatchEntry entry = bySource.value(source);
        QVERIFY2(entry.accepted(), qPrintable(entry.refusal));
        QCOMPARE(entry.request.mode, GenerationMode::Transition);
        QCOMPARE(entry.request.imagePath(RequestImage::Role::FirstFrame),
                 QDir(folder).filePath(first));
        QCOMPARE(entry.request.imagePath(RequestImage::Role::LastFrame),
                 QDir(folder).filePath(last));
        QCOMPARE(entry.origin, QStringLiteral("batch:pairs#%1").arg(first));
        QVERIFY(entry.price.known());
    }
    QCOMPARE(contents.acceptedCount(), 3);
    QVERIFY(bySource.value(QStringLiteral("lonely_start.png"))
                .refusal.contains(u"first frame without its last frame"));
    QVERIFY(bySource.value(QStringLiteral("orphan.png")).refusal.contains(u"no frame of a pair"));
    // "_start" goes with "_end" only: the words of one pair, not of two.
    QVERIFY(!bySource.value(QStringLiteral("mixed_start.png")).accepted());
    QVERIFY(bySource.value(QStringLiteral("mixed_2.png"))
                .refusal.contains(u"last frame without its first frame"));
    QCOMPARE(contents.entries.size(), 7);
    const std::optional<int> each = m_catalog.creditCost(
        bySource.value(QStringLiteral("dawn_start.png → dawn_end.png")).request);
    QVERIFY(each && *each > 0);
    QCOMPARE(contents.total().credits, std::optional<qint64>(3 * *each)); // the refused: none
}

void TestBatchFile::aBrokenImageInAFolderIsRefusedAlone() {
    QVERIFY(!image(QStringLiteral("some/a.png")).isEmpty());
    QVERIFY(!image(QStringLiteral("some/c.png")).isEmpty());
    QFile broken(m_dir->filePath(QStringLiteral("some/b.png")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(64, '\0'));
    broken.close();
    const QJsonObject defaults{{QStringLiteral("prompt"), QStringLiteral("Alive")}};
    const BatchContents contents = readImageFolder(m_dir->filePath(QStringLiteral("some")),
                                                   defaults, m_catalog, ApiFamily::OpenApi);
    QCOMPARE(contents.entries.size(), 3);
    QVERIFY(contents.entries[0].accepted());
    QVERIFY(!contents.entries[1].accepted());
    QVERIFY2(contents.entries[1].refusal.contains(u"“b.png”"),
             qPrintable(contents.entries[1].refusal));
    QCOMPARE(contents.entries[1].request.startImagePath(),
             m_dir->filePath(QStringLiteral("some/b.png")));
    QVERIFY(contents.entries[2].accepted());
}

// The CLI's own keys (a sound's keep_sound, lip sync's text) pass through the defaults: only a
// line's own unknown key is refused.
void TestBatchFile::cliOptionKeysFillWhatALineLeavesOut() {
    const QString path =
        write(QStringLiteral("cli.jsonl"), {QStringLiteral(R"({"prompt":"A street","seed":3})"),
                                            QStringLiteral("Plain text line")});
    const QJsonObject defaults{{QStringLiteral("model"), QStringLiteral("c1")},
                               {QStringLiteral("seed"), 9},
                               {QStringLiteral("keep_sound"), true}};
    const BatchContents contents = readBatchFile(path, defaults, m_catalog, ApiFamily::OpenApi);
    QCOMPARE(contents.acceptedCount(), 2);
    QCOMPARE(contents.entries[0].request.seed, std::optional<qint64>(3)); // the line wins
    QCOMPARE(contents.entries[1].request.seed, std::optional<qint64>(9));
    QCOMPARE(contents.entries[1].request.model, QStringLiteral("c1"));
}

QTEST_GUILESS_MAIN(TestBatchFile)
#include "tst_batchfile.moc"
