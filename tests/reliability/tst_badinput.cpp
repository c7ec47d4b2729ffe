// Bad input (issue 8): a table of wrong prompts, files, seeds, addresses, keys and settings, given
// to the real widgets (PromptEditor, ImageDropZone by drag and drop) and to the real CLI. Each row
// says which sentence the creator must read; for every refused row nothing may be sent: the widgets
// (wired to a sandbox through a JobEngine) store no job, so the engine has nothing to send and the
// sandbox creates nothing; the CLI, on a sandbox of its own, must not reach it with a single
// request.
//
// Decisions this table records:
// - Right-to-left text, emoji and bidi marks are valid prompts; a prompt is measured in code points
//   (2048 emoji pass, 2049 do not).
// - Control characters other than tab and line breaks (a bell U+0007, an escape...) are refused
//   with a sentence naming the character, by the editor and the CLI alike (ModelCatalog::validate;
//   the sandbox enforces the same rule).
// - Files are judged by their content: a PNG named .jpg is accepted as the PNG it is. A JPEG of
//   20 MB + 1 byte is re-encoded, an image over 4000 px is scaled down, both with a note. The
//   service accepts tiny images (32 × 32 measured; no minimum known) and extreme aspect ratios
//   (4000 × 100 measured), so 1 × 1 and 4000 × 10 pass, their size shown.
// - An API key has no spaces: around it they are trimmed (a paste), inside it the key is refused
//   before anything is sent (a line break would also end the HTTP header).
//
// Issue 21 adds the files a creator gives beyond images: damaged, too long and too large videos
// and sounds (the CLI, and the engine for a job whose file went bad after it was queued), files
// without read permission, batch lines, references, a template no longer listed, and the files
// the app watches (the hot folder, the sidecars). Decisions:
// - A lip sync's video and sound are both checked before either is uploaded.
// - A hot-folder file that changes while it is read is no error: nothing of that reading is
//   queued, and it is taken once it is stable again, with the content it ends with.
// - A sidecar edited into invalid JSON leaves the video's marks as they were and the file as the
//   creator wrote it; a sentence says which file and where the JSON breaks.
// - Run as root, the test gives up the override of file permissions (its own and its child
//   processes'), so that the unreadable rows read what a creator's account would.
#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobLibrary.h"
#include "core/jobs/SidecarWatcher.h"
#include "core/queue/HotFolder.h"
#include "tests/core/jobs/JobTestFixture.h"
#include "tests/support/TestSupport.h"
#include "ui/ImageDropZone.h"
#include "ui/LipSyncDialog.h"
#include "ui/PromptEditor.h"
#include "ui/VideoSourceSlot.h"

#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace pixverse;
using pixverse::test::JobTestBed;

namespace {

template <typename T> T* child(const QWidget* parent, const char* name) {
    auto* w = parent->findChild<T*>(QLatin1String(name));
    if (!w)
        qFatal("no child named %s", name);
    return w;
}

QImage picture(int width, int height) {
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(30, 120, 200));
    return image;
}

QString repeated(const QString& unit, int times) {
    QString s;
    for (int i = 0; i < times; ++i)
        s += unit;
    return s;
}

const QString kEmoji = QStringLiteral("\U0001F30A"); // 🌊, two UTF-16 units, one code point

//! A file ffmpeg made for tests/core/media.
QString mediaFile(const QString& name) {
    return QStringLiteral(PIXVERSE_TEST_MEDIA_DIR "/") + name;
}

QByteArray contentOf(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

//! Root reads a file of mode 000 all the same. Gives up CAP_DAC_OVERRIDE and
//! CAP_DAC_READ_SEARCH for this thread, the threads it starts later and (the bounding set) the
//! programs they run. Called by main() before any other thread is started.
void giveUpPermissionOverride() {
    if (geteuid() != 0)
        return;
    const int caps[] = {CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH};
    for (const int cap : caps)
        prctl(PR_CAPBSET_DROP, cap, 0, 0, 0);
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2] = {};
    if (syscall(SYS_capget, &header, data) != 0)
        return;
    for (const int cap : caps) {
        const quint32 bit = 1u << (cap % 32);
        data[cap / 32].effective &= ~bit;
        data[cap / 32].permitted &= ~bit;
        data[cap / 32].inheritable &= ~bit;
    }
    syscall(SYS_capset, &header, data);
}

} // namespace

class TestBadInput : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void prompts_data();
    void prompts();
    void droppedFiles_data();
    void droppedFiles();
    void commandLine_data();
    void commandLine();
    void sourcesOnTheCommandLine_data();
    void sourcesOnTheCommandLine();
    void videosAndSoundsGivenToTheWindow_data();
    void videosAndSoundsGivenToTheWindow();
    void mediaThroughTheEngine_data();
    void mediaThroughTheEngine();
    void hotFolderFileChangesWhileRead();
    void hotFolderFileCannotBeRead_data();
    void hotFolderFileCannotBeRead();
    void sidecarEditedIntoInvalidJson();

private:
    //! What the widgets' sandbox has made so far: jobs stored, generations created, uploads.
    QList<qint64> madeSoFar() const;
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString write(const QString& name, const QByteArray& bytes);
    QString makeFile(const QString& kind);
    //! `name` in the test folder, a copy of `source` cut to `bytes` (all of it: -1).
    QString copyCut(const QString& source, const QString& name, qint64 bytes = -1);
    //! A file only its owner could read, and it cannot.
    QString locked(const QString& name, const QByteArray& bytes);
    //! Runs the CLI on its own sandbox; on a refusal, the last line of stderr must hold `says`
    //! and nothing may have reached the sandbox (`mayReadLists`: only lists may be read, no
    //! upload, no generation).
    void runCli(const QStringList& arguments, const QString& apiKey, bool useSandbox, int exitCode,
                const QString& says, bool mayReadLists = false);
    //! A finished take of the widgets' engine (made once), to continue from.
    std::optional<Job> take();
    //! A hot folder over the widgets' engine, watching `folder`.
    std::unique_ptr<HotFolder> watch(const QString& folder,
                                     std::function<void(const QString&)> whileReading = {});

    std::unique_ptr<JobTestBed> m_bed;
    //! The CLI's own: the widgets' engine may still refresh its balance on m_bed's sandbox.
    std::unique_ptr<sandbox::SandboxHost> m_cliSandbox;
    QTemporaryDir m_dir;
    int m_rows = 0;
    //! A file of mode 000 cannot be read here (false: root that kept its override).
    bool m_permissionsHold = false;
    qint64 m_takeId = 0;
};

void TestBadInput::initTestCase() {
    QVERIFY(m_dir.isValid());
    {
        const QString probe = locked(QStringLiteral("permission-probe.txt"), "x");
        QFile file(probe);
        m_permissionsHold = !file.open(QIODevice::ReadOnly);
    }
    m_bed = std::make_unique<JobTestBed>();
    QVERIFY2(m_bed->ok(), qPrintable(m_bed->error));
    m_bed->sandbox->setCredits(m_bed->sandbox->defaultApiKey(), 1000000, 0);
    m_bed->makeEngine(m_bed->fastOptions(3))->start();
    QTRY_VERIFY(m_bed->engine->balance().has_value());
    m_cliSandbox = std::make_unique<sandbox::SandboxHost>();
    QVERIFY2(m_cliSandbox->start(), qPrintable(m_cliSandbox->errorString()));
}

void TestBadInput::cleanupTestCase() {
    qInfo("%d inputs checked", m_rows);
    m_bed.reset();
    m_cliSandbox.reset();
}

QList<qint64> TestBadInput::madeSoFar() const {
    const sandbox::SandboxStats stats = m_bed->sandbox->stats();
    return {m_bed->store->jobs().size(), stats.generationsCreated, stats.uploads};
}

QString TestBadInput::write(const QString& name, const QByteArray& bytes) {
    QFile f(path(name));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(name));
    return f.fileName();
}

// --- the prompt editor ---------------------------------------------------------------------

void TestBadInput::prompts_data() {
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("negative");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("says"); // in the line under Generate (refused) or the count (valid)
    const QString empty = QStringLiteral("Write a prompt: it cannot be empty.");
    QTest::newRow("empty") << QString() << QString() << false << empty;
    QTest::newRow("spaces and tabs") << QStringLiteral("   \t  ") << QString() << false << empty;
    QTest::newRow("line breaks only") << QStringLiteral("\n\n\r\n") << QString() << false << empty;
    QTest::newRow("no-break and ideographic spaces")
        << QStringLiteral("\u00A0\u3000\u2003") << QString() << false << empty;
    QTest::newRow("2049 characters")
        << repeated(QStringLiteral("a"), 2049) << QString() << false
        << QStringLiteral("The prompt has 2049 characters; PixVerse accepts at most 2048.");
    QTest::newRow("2049 emoji") << repeated(kEmoji, 2049) << QString() << false
                                << QStringLiteral("The prompt has 2049 characters");
    QTest::newRow("negative prompt 2049")
        << QStringLiteral("A calm sea") << repeated(QStringLiteral("b"), 2049) << false
        << QStringLiteral("The negative prompt has 2049 characters");
    QTest::newRow("bell character")
        << QStringLiteral("A boat\x07 at sea") << QString() << false
        << QStringLiteral(
               "The prompt contains an invisible control character (U+0007); remove it.");
    QTest::newRow("escape sequence") << QStringLiteral("A boat \x1B[31mred\x1B[0m") << QString()
                                     << false << QStringLiteral("control character (U+001B)");
    QTest::newRow("delete character") << QStringLiteral("A boat\x7F") << QString() << false
                                      << QStringLiteral("control character (U+007F)");
    QTest::newRow("C1 control") << QStringLiteral("A boat \u009B at sea") << QString() << false
                                << QStringLiteral("control character (U+009B)");
    QTest::newRow("control in negative prompt")
        << QStringLiteral("A calm sea") << QStringLiteral("no\x08 rain") << false
        << QStringLiteral("The negative prompt contains an invisible control character (U+0008)");
    // Valid, and must get through intact.
    QTest::newRow("2048 emoji (valid)")
        << repeated(kEmoji, 2048) << QString() << true << QStringLiteral("2048 / 2048");
    QTest::newRow("Arabic, right to left (valid)")
        << QStringLiteral("قارب ورقي في بحر عاصف") << QString() << true
        << QStringLiteral("21 / 2048");
    QTest::newRow("Hebrew mixed with English and bidi marks (valid)")
        << QStringLiteral("סירה \u200Fפייפר boat \u202Eבים\u202C") << QString() << true
        << QStringLiteral("/ 2048");
}

void TestBadInput::prompts() {
    QFETCH(QString, prompt);
    QFETCH(QString, negative);
    QFETCH(bool, valid);
    QFETCH(QString, says);
    ++m_rows;

    PromptEditor editor(path(QStringLiteral("editor-%1.ini").arg(m_rows)));
    // The rows are about the 2,048-character limit: a model that has it (V6, the first-run
    // model, takes 5,000).
    auto* model = child<QComboBox>(&editor, "modelCombo");
    model->setCurrentIndex(model->findData(QStringLiteral("v4.5")));
    QObject::connect(&editor, &PromptEditor::generateRequested, m_bed->engine.get(),
                     [this](const GenerationRequest& r) { m_bed->engine->enqueue(r); });
    QSignalSpy requested(&editor, &PromptEditor::generateRequested);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    auto* promptEdit = child<QPlainTextEdit>(&editor, "promptEdit");
    auto* negativeEdit = child<QPlainTextEdit>(&editor, "negativePromptEdit");
    auto* blocked = child<QLabel>(&editor, "generateBlockedLabel");
    auto* count = child<QLabel>(&editor, "promptCount");
    auto* generate = child<QPushButton>(&editor, "generateButton");

    const QList<qint64> before = madeSoFar();
    const qint64 created = m_bed->sandbox->stats().generationsCreated;
    const bool typable =
        prompt.size() < 40 && std::all_of(prompt.cbegin(), prompt.cend(), [](QChar c) {
            return c.unicode() >= 0x20 && c.unicode() < 0x7F;
        });
    if (typable)
        QTest::keyClicks(promptEdit, prompt); // typed, where QTest has keys for it; else pasted
    if (promptEdit->toPlainText() != prompt)
        promptEdit->setPlainText(prompt);
    negativeEdit->setPlainText(negative);
    QTest::mouseClick(generate, Qt::LeftButton);

    if (!valid) {
        QTest::keyClick(promptEdit, Qt::Key_Return, Qt::ControlModifier);
        editor.generate(); // even the slot itself refuses
        QVERIFY(!generate->isEnabled());
        QVERIFY2(blocked->text().contains(says), qPrintable(blocked->text()));
        QCOMPARE(requested.count(), 0);
        // No job stored: the engine has nothing to send, now or later.
        QCOMPARE(m_bed->engine->unfinishedCount(), 0);
        QCOMPARE(madeSoFar(), before);
        return;
    }
    QVERIFY2(generate->isEnabled(), qPrintable(blocked->text()));
    QVERIFY2(count->text().contains(says), qPrintable(count->text()));
    QCOMPARE(requested.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_bed->engine->unfinishedCount(), 0, 15000);
    QCOMPARE(m_bed->sandbox->stats().generationsCreated, created + 1);
    const Job job = m_bed->store->jobs().last();
    QCOMPARE(job.state, JobState::Done);
    QCOMPARE(job.request.prompt, prompt); // intact, to the last code point
}

// --- the image drop zone -------------------------------------------------------------------

QString TestBadInput::makeFile(const QString& kind) {
    if (kind == u"zero bytes")
        return write(QStringLiteral("empty.png"), {});
    if (kind == u"truncated png") {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        picture(400, 300).save(&buffer, "PNG");
        return write(QStringLiteral("cut.png"), png.left(png.size() / 2));
    }
    if (kind == u"text named .png")
        return write(QStringLiteral("notes.png"), "shopping list: bread, milk\n");
    if (kind == u"png named .jpg") {
        const QString file = path(QStringLiteral("actually-png.jpg"));
        picture(640, 360).save(file, "PNG");
        return file;
    }
    if (kind == u"20 MB + 1 byte jpeg") {
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        picture(800, 600).save(&buffer, "JPEG", 90);
        // Bytes after the end-of-image marker are ignored by decoders: a valid JPEG of that size.
        jpeg.append(QByteArray(ImageLimits::maxBytes + 1 - jpeg.size(), '\0'));
        return write(QStringLiteral("big.jpg"), jpeg);
    }
    if (kind == u"4001 px") {
        const QString file = path(QStringLiteral("wide.png"));
        picture(4001, 300).save(file, "PNG");
        return file;
    }
    if (kind == u"1 x 1 px") {
        const QString file = path(QStringLiteral("dot.png"));
        picture(1, 1).save(file, "PNG");
        return file;
    }
    if (kind == u"4000 x 10 px") {
        const QString file = path(QStringLiteral("strip.png"));
        picture(4000, 10).save(file, "PNG");
        return file;
    }
    if (kind == u"directory") {
        QDir().mkpath(path(QStringLiteral("holiday photos.png")));
        return path(QStringLiteral("holiday photos.png"));
    }
    if (kind == u"no read permission") {
        const QString file = path(QStringLiteral("secret.png"));
        picture(64, 64).save(file, "PNG");
        QFile::setPermissions(file, QFileDevice::Permissions());
        return file;
    }
    if (kind == u"fifo") {
        const QString file = path(QStringLiteral("pipe.png"));
        QFile::remove(file);
        if (mkfifo(QFile::encodeName(file).constData(), 0600) != 0)
            qFatal("mkfifo failed");
        return file;
    }
    if (kind == u"dangling symlink") {
        const QString file = path(QStringLiteral("link.png"));
        QFile::remove(file);
        QFile::link(path(QStringLiteral("moved-away.png")), file);
        return file;
    }
    if (kind == u"non-ascii path, broken file")
        return write(QStringLiteral("снимок моря – été.png"), {});
    if (kind == u"non-ascii path, good file") {
        QDir().mkpath(path(QStringLiteral("фото 📷")));
        const QString file = path(QStringLiteral("фото 📷/море café 🌊.png"));
        picture(320, 240).save(file, "PNG");
        return file;
    }
    qFatal("unknown kind %s", qPrintable(kind));
}

void TestBadInput::droppedFiles_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>(
        "says"); // in the message (refused) or in the info and note (accepted)
    QTest::newRow("0 bytes") << QStringLiteral("zero bytes") << false
                             << QStringLiteral("“empty.png” is empty (0 bytes).");
    QTest::newRow("truncated PNG")
        << QStringLiteral("truncated png") << false
        << QStringLiteral("“cut.png” looks like a PNG image but cannot be read");
    QTest::newRow("text named .png") << QStringLiteral("text named .png") << false
                                     << QStringLiteral("“notes.png” is not an image");
    QTest::newRow("a directory") << QStringLiteral("directory") << false
                                 << QStringLiteral(
                                        "“holiday photos.png” is a folder, not an image.");
    QTest::newRow("no read permission") << QStringLiteral("no read permission") << false
                                        << QStringLiteral("“secret.png” cannot be opened");
    QTest::newRow("a FIFO (unreadable as a file)")
        << QStringLiteral("fifo") << false << QStringLiteral("“pipe.png” is not a regular file.");
    QTest::newRow("a dangling symlink") << QStringLiteral("dangling symlink") << false
                                        << QStringLiteral("“link.png” cannot be found");
    QTest::newRow("non-ASCII path, 0 bytes")
        << QStringLiteral("non-ascii path, broken file") << false
        << QStringLiteral("“снимок моря – été.png” is empty (0 bytes).");
    // Accepted, with what was done said in words.
    QTest::newRow("PNG named .jpg")
        << QStringLiteral("png named .jpg") << true
        << QStringLiteral("PNG · 640 × 360 px|Ready to upload as it is.");
    QTest::newRow("20 MB + 1 byte JPEG")
        << QStringLiteral("20 MB + 1 byte jpeg") << true
        << QStringLiteral("JPEG · 800 × 600 px|Re-encoded because the file was 20 MB");
    QTest::newRow("4001 px") << QStringLiteral("4001 px") << true
                             << QStringLiteral(
                                    "PNG · 4000 ×|Scaled down from 4001 × 300 to 4000 ×");
    QTest::newRow("1 x 1 px") << QStringLiteral("1 x 1 px") << true
                              << QStringLiteral("PNG · 1 × 1 px|Ready to upload");
    QTest::newRow("4000 x 10 px") << QStringLiteral("4000 x 10 px") << true
                                  << QStringLiteral("PNG · 4000 × 10 px|Ready to upload");
    QTest::newRow("non-ASCII path, good file")
        << QStringLiteral("non-ascii path, good file") << true
        << QStringLiteral("PNG · 320 × 240 px|Ready to upload");
}

void TestBadInput::droppedFiles() {
    QFETCH(QString, kind);
    QFETCH(bool, accepted);
    QFETCH(QString, says);
    ++m_rows;
    if (kind == u"no read permission" && !m_permissionsHold)
        QSKIP("Running as root with the permission override: file permissions do not stop this "
              "process from reading. The FIFO and dangling-symlink rows cover files that cannot "
              "be read.");

    const QString file = makeFile(kind);
    PromptEditor editor(path(QStringLiteral("drop-%1.ini").arg(m_rows)));
    ImageDropZone zone;
    zone.setOutputDir(path(QStringLiteral("converted")));
    // As the main window wires them.
    QObject::connect(&zone, &ImageDropZone::busyChanged, &editor, &PromptEditor::setImagePending);
    QObject::connect(&zone, &ImageDropZone::imageChanged, &editor,
                     [&] { editor.setImagePath(zone.image() ? zone.image()->path : QString()); });
    QObject::connect(&editor, &PromptEditor::generateRequested, m_bed->engine.get(),
                     [this](const GenerationRequest& r) { m_bed->engine->enqueue(r); });
    QSignalSpy refused(&zone, &ImageDropZone::refused);
    QSignalSpy changed(&zone, &ImageDropZone::imageChanged);
    QSignalSpy requested(&editor, &PromptEditor::generateRequested);
    zone.resize(480, 200);
    zone.show();
    QVERIFY(QTest::qWaitForWindowExposed(&zone));
    const QList<qint64> before = madeSoFar();

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(file)});
    const QPoint pos = zone.rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&zone, &enter);
    QVERIFY(enter.isAccepted()); // a local file is always taken: the check says what is wrong
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&zone, &drop);
    QTRY_VERIFY_WITH_TIMEOUT(refused.count() + changed.count() == 1, 30000);
    QTRY_VERIFY(!zone.isBusy());

    if (!accepted) {
        QCOMPARE(refused.count(), 1);
        QVERIFY2(zone.message().contains(says), qPrintable(zone.message()));
        QVERIFY(!zone.image());
        QVERIFY(!editor.isImageMode());
    } else {
        QCOMPARE(changed.count(), 1);
        QVERIFY(zone.image().has_value());
        const QString shown = child<QLabel>(&zone, "imageInfo")->text() + u'|' +
                              child<QLabel>(&zone, "imageNote")->text();
        for (const QString& part : says.split(u'|'))
            QVERIFY2(shown.contains(part), qPrintable(shown));
        QVERIFY(editor.isImageMode());
        QCOMPARE(editor.request().startImagePath(), zone.image()->path);
        QVERIFY(QFileInfo(zone.image()->path).size() < ImageLimits::maxBytes);
    }
    // Checked locally: no job stored, so nothing is or will be sent.
    QCOMPARE(requested.count(), 0);
    QCOMPARE(m_bed->engine->unfinishedCount(), 0);
    QCOMPARE(madeSoFar(), before);
}

// --- the command line ------------------------------------------------------------------------

void TestBadInput::commandLine_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("apiKey");  // the value of PXBAD_KEY; "<sandbox>" for the right one
    QTest::addColumn<bool>("useSandbox"); // --base-url of the sandbox in front of the arguments
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says"); // on stderr

    const QString key = QStringLiteral("<sandbox>");
    const QString out = path(QStringLiteral("cli-out"));
    auto generate = [&out](QStringList extra) {
        return QStringList{QStringLiteral("generate"), QStringLiteral("--out"), out} + extra;
    };
    auto prompt = [&generate](const QString& text, QStringList extra = {}) {
        return generate(QStringList{QStringLiteral("--prompt"), text} + extra);
    };
    const QString seedRange =
        QStringLiteral("The seed must be a whole number from 0 to 2147483647.");

    QTest::newRow("cli: empty prompt")
        << prompt(QString()) << key << true << 2 << QStringLiteral("Write a prompt");
    QTest::newRow("cli: whitespace prompt")
        << prompt(QStringLiteral(" \t ")) << key << true << 2
        << QStringLiteral("Write a prompt: it cannot be empty.");
    // A 2,048-character model (the default V6 takes 5,000, §2.2).
    QTest::newRow("cli: 2049 characters")
        << prompt(repeated(QStringLiteral("x"), 2049),
                  {QStringLiteral("--model"), QStringLiteral("v4.5")})
        << key << true << 2 << QStringLiteral("The prompt has 2049 characters");
    QTest::newRow("cli: negative prompt 2049")
        << prompt(QStringLiteral("A boat"),
                  {QStringLiteral("--negative-prompt"), repeated(QStringLiteral("y"), 2049)})
        << key << true << 2 << QStringLiteral("The negative prompt has 2049 characters");
    QTest::newRow("cli: bell in the prompt") << prompt(QStringLiteral("A boat\x07")) << key << true
                                             << 2 << QStringLiteral("control character (U+0007)");
    QTest::newRow("cli: seed -1") << prompt(QStringLiteral("A boat"),
                                            {QStringLiteral("--seed"), QStringLiteral("-1")})
                                  << key << true << 2 << seedRange;
    QTest::newRow("cli: seed 2147483648")
        << prompt(QStringLiteral("A boat"),
                  {QStringLiteral("--seed"), QStringLiteral("2147483648")})
        << key << true << 2 << seedRange;
    QTest::newRow("cli: seed abc")
        << prompt(QStringLiteral("A boat"), {QStringLiteral("--seed"), QStringLiteral("abc")})
        << key << true << 2 << QStringLiteral("--seed needs a whole number, not “abc”.");
    QTest::newRow("cli: seed 1.5")
        << prompt(QStringLiteral("A boat"), {QStringLiteral("--seed"), QStringLiteral("1.5")})
        << key << true << 2 << QStringLiteral("--seed needs a whole number");
    QTest::newRow("cli: duration 7") // 5 or 8 s on v4.5 (the default V6 takes 1–15)
        << prompt(QStringLiteral("A boat"), {QStringLiteral("--duration"), QStringLiteral("7"),
                                             QStringLiteral("--model"), QStringLiteral("v4.5")})
        << key << true << 2 << QStringLiteral("cannot make 7-second videos.");
    QTest::newRow("cli: unknown model")
        << prompt(QStringLiteral("A boat"), {QStringLiteral("--model"), QStringLiteral("v9")})
        << key << true << 2 << QStringLiteral("The model \"v9\" is not available here.");
    QTest::newRow("cli: unknown quality")
        << prompt(QStringLiteral("A boat"), {QStringLiteral("--quality"), QStringLiteral("4k")})
        << key << true << 2 << QStringLiteral("does not offer the quality 4k.");
    QTest::newRow("cli: unknown aspect")
        << prompt(QStringLiteral("A boat"), {QStringLiteral("--aspect"), QStringLiteral("16:10")})
        << key << true << 2 << QStringLiteral("does not offer the aspect ratio 16:10.");
    QTest::newRow("cli: concurrency 0")
        << QStringList{QStringLiteral("batch"),         path(QStringLiteral("batch-ok.txt")),
                       QStringLiteral("--out"),         out,
                       QStringLiteral("--concurrency"), QStringLiteral("0")}
        << key << true << 2 << QStringLiteral("--concurrency needs a number from 1 to 20.");
    QTest::newRow("cli: image of 0 bytes")
        << prompt(QStringLiteral("A boat"),
                  {QStringLiteral("--image"), path(QStringLiteral("cli-empty.png"))})
        << key << true << 2 << QStringLiteral("“cli-empty.png” is empty (0 bytes).");
    QTest::newRow("cli: image is a directory")
        << prompt(QStringLiteral("A boat"), {QStringLiteral("--image"), m_dir.path()}) << key
        << true << 2 << QStringLiteral("is a folder, not an image.");
    QTest::newRow("cli: missing image, non-ASCII path")
        << prompt(QStringLiteral("A boat"),
                  {QStringLiteral("--image"), QStringLiteral("/nonexistent/фото моря.png")})
        << key << true << 2
        << QStringLiteral("“фото моря.png” cannot be found: it may have been moved or deleted.");
    QTest::newRow("cli: batch line over 2048")
        << QStringList{QStringLiteral("batch"),   path(QStringLiteral("batch-long.txt")),
                       QStringLiteral("--out"),   out,
                       QStringLiteral("--model"), QStringLiteral("v4.5")}
        << key << true << 2 << QStringLiteral("generation 2: The prompt has 2049 characters");
    QTest::newRow("cli: batch seed out of range")
        << QStringList{QStringLiteral("batch"), path(QStringLiteral("batch-seed.jsonl")),
                       QStringLiteral("--out"), out}
        << key << true << 2 << QStringLiteral("generation 1: ") + seedRange;
    QTest::newRow("cli: batch seed text")
        << QStringList{QStringLiteral("batch"), path(QStringLiteral("batch-seed-text.jsonl")),
                       QStringLiteral("--out"), out}
        << key << true << 2 << QStringLiteral("line 1: “seed” must be a whole number.");
    QTest::newRow("cli: batch file is a directory")
        << QStringList{QStringLiteral("batch"), m_dir.path(), QStringLiteral("--out"), out} << key
        << true << 2 << QStringLiteral("Cannot read the batch file");
    // Server addresses: checked before any connection.
    QTest::newRow("cli: base URL htps://")
        << QStringList{QStringLiteral("--base-url"), QStringLiteral("htps://app-api.pixverse.ai/"),
                       QStringLiteral("balance")}
        << key << false << 2 << QStringLiteral("must be reached over https://");
    QTest::newRow("cli: base URL http//x")
        << QStringList{QStringLiteral("--base-url"), QStringLiteral("http//x"),
                       QStringLiteral("balance")}
        << key << false << 2 << QStringLiteral("“http//x” is not a valid server address.");
    QTest::newRow("cli: base URL without host")
        << QStringList{QStringLiteral("--base-url"), QStringLiteral("https://"),
                       QStringLiteral("balance")}
        << key << false << 2 << QStringLiteral("is not a valid server address.");
    QTest::newRow("cli: base URL plain http to a LAN host")
        << QStringList{QStringLiteral("--base-url"), QStringLiteral("http://192.168.1.20:8080/"),
                       QStringLiteral("balance")}
        << key << false << 2
        << QStringLiteral("The address http://192.168.1.20:8080/ is not secure");
    // API keys.
    QTest::newRow("cli: API key with a space inside")
        << QStringList{QStringLiteral("balance")} << QStringLiteral("sk-sandbox local-0000") << true
        << 2 << QStringLiteral("The API key contains a space or a line break");
    QTest::newRow("cli: API key with a line break (header injection)")
        << QStringList{QStringLiteral("balance")} << QStringLiteral("sk-sandbox\r\nX-Evil: 1")
        << true << 2 << QStringLiteral("The API key contains a space or a line break");
    QTest::newRow("cli: API key of spaces only")
        << QStringList{QStringLiteral("balance")} << QStringLiteral("   ") << true << 3
        << QStringLiteral("No API key: set the environment variable PXBAD_KEY");
    QTest::newRow("cli: API key with spaces around (trimmed, valid)")
        << QStringList{QStringLiteral("balance")} << QStringLiteral("  <sandbox>  ") << true << 0
        << QString();
}

void TestBadInput::commandLine() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, apiKey);
    QFETCH(bool, useSandbox);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    ++m_rows;

    write(QStringLiteral("batch-ok.txt"), "A paper boat\n");
    write(QStringLiteral("batch-long.txt"), "A paper boat\n" + QByteArray(2049, 'z') + '\n');
    write(QStringLiteral("batch-seed.jsonl"), R"({"prompt":"A boat","seed":2147483648})"
                                              "\n");
    write(QStringLiteral("batch-seed-text.jsonl"), R"({"prompt":"A boat","seed":"abc"})"
                                                   "\n");
    write(QStringLiteral("cli-empty.png"), {});

    runCli(arguments, apiKey, useSandbox, exitCode, says);
}

void TestBadInput::runCli(const QStringList& arguments, const QString& apiKey, bool useSandbox,
                          int exitCode, const QString& says, bool mayReadLists) {
    const QString cli = pixverse::test::appExecutable(QStringLiteral("pixverse-studio-cli"));
    QVERIFY(!cli.isEmpty());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PXBAD_KEY"),
               QString(apiKey).replace(QStringLiteral("<sandbox>"), m_cliSandbox->defaultApiKey()));
    QStringList all{QStringLiteral("--api-key-env"), QStringLiteral("PXBAD_KEY")};
    if (useSandbox)
        all << QStringLiteral("--base-url") << m_cliSandbox->baseUrl().toString();
    all << arguments;

    // Only the CLI talks to this sandbox, and it has exited when it is read.
    const sandbox::SandboxStats before = m_cliSandbox->stats();
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(cli, all);
    QVERIFY(process.waitForFinished(60000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == exitCode,
             qPrintable(QStringLiteral("exit %1: %2").arg(process.exitCode()).arg(err)));
    if (exitCode == 0) {
        QVERIFY(m_cliSandbox->stats().requests > before.requests); // a trimmed key works
        return;
    }
    // The error is the last line of stderr (progress lines may come before it); never the key.
    const QString sentence = err.trimmed().section(u'\n', -1);
    QVERIFY2(sentence.contains(says), qPrintable(err));
    QVERIFY(!err.contains(m_cliSandbox->defaultApiKey()));
    const sandbox::SandboxStats after = m_cliSandbox->stats();
    QCOMPARE(after.uploads, before.uploads);
    QCOMPARE(after.generationsCreated, before.generationsCreated);
    if (!mayReadLists)
        QCOMPARE(after.requests, before.requests); // nothing sent
}

// --- issue 21: videos, sounds, unreadable files, batch lines, references, templates ----------

QString TestBadInput::copyCut(const QString& source, const QString& name, qint64 bytes) {
    const QByteArray whole = contentOf(source);
    if (whole.isEmpty())
        qFatal("cannot read %s", qPrintable(source));
    return write(name, bytes < 0 ? whole : whole.left(bytes));
}

QString TestBadInput::locked(const QString& name, const QByteArray& bytes) {
    const QString file = write(name, bytes);
    QFile::setPermissions(file, QFileDevice::Permissions());
    return file;
}

void TestBadInput::sourcesOnTheCommandLine_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");    // on the last line of stderr
    QTest::addColumn<bool>("readsLists"); // may read the template list, nothing else

    const QString out = path(QStringLiteral("cli-sources-out"));
    auto with = [&out](QStringList words) {
        if (words.first() == u"extend") // a local video has no prompt to continue from
            words << QStringLiteral("--prompt") << QStringLiteral("Into the forest");
        return words << QStringLiteral("--out") << out;
    };
    const QString withSound = mediaFile(QStringLiteral("with-sound.mp4"));
    const qint64 half = QFileInfo(withSound).size() / 2;
    const QString talk = copyCut(withSound, QStringLiteral("talk.mp4"));
    const QString speech =
        copyCut(mediaFile(QStringLiteral("speech.wav")), QStringLiteral("speech.wav"));
    const QString cutMp4 = copyCut(withSound, QStringLiteral("cut.mp4"), half);
    const QString cutMov = copyCut(mediaFile(QStringLiteral("clip.mov")), QStringLiteral("cut.mov"),
                                   QFileInfo(mediaFile(QStringLiteral("clip.mov"))).size() / 2);
    const QString cutWav = copyCut(speech, QStringLiteral("cut.wav"), QFileInfo(speech).size() / 2);
    const QString emptyMov = write(QStringLiteral("empty.mov"), {});
    const QString emptyWav = write(QStringLiteral("empty.wav"), {});
    const QString webmSound =
        copyCut(mediaFile(QStringLiteral("last-red.webm")), QStringLiteral("voice.webm"));
    const QString silent =
        copyCut(mediaFile(QStringLiteral("clip.mov")), QStringLiteral("mute.mov"));
    const QString lipsync = QStringLiteral("lipsync");
    const QString audioFile = QStringLiteral("--audio-file");

    QTest::newRow("extend: a truncated MP4")
        << with({QStringLiteral("extend"), cutMp4}) << 2
        << QStringLiteral("“cut.mp4” is incomplete: the file ends before its last frames") << false;
    QTest::newRow("sound: a 0-byte MOV")
        << with({QStringLiteral("sound"), emptyMov}) << 2
        << QStringLiteral("“empty.mov” is empty (0 bytes).") << false;
    QTest::newRow("lip sync: a truncated MOV")
        << with({lipsync, cutMov, audioFile, speech}) << 2
        << QStringLiteral("“cut.mov” is not a video or audio file PixVerse can use") << false;
    QTest::newRow("lip sync: a 0-byte WAV")
        << with({lipsync, talk, audioFile, emptyWav}) << 2
        << QStringLiteral("“empty.wav” is empty (0 bytes).") << false;
    QTest::newRow("lip sync: a truncated WAV")
        << with({lipsync, talk, audioFile, cutWav}) << 2
        << QStringLiteral("“cut.wav” is incomplete: the file ends before its last frames") << false;
    QTest::newRow("extend: a video of 40 s")
        << with({QStringLiteral("extend"), mediaFile(QStringLiteral("40s.mp4"))}) << 2
        << QStringLiteral("The video “40s.mp4” is 40 s long; PixVerse extends only videos "
                          "shorter than 40 s.")
        << false;
    QTest::newRow("sound: a video of 31 s")
        << with({QStringLiteral("sound"), mediaFile(QStringLiteral("31s.mp4"))}) << 2
        << QStringLiteral("The video “31s.mp4” is 31 s long; PixVerse takes at most 30 s.")
        << false;
    QTest::newRow("lip sync: a video 2000 px wide")
        << with({lipsync, mediaFile(QStringLiteral("wide.mp4")), audioFile, speech}) << 2
        << QStringLiteral("The video “wide.mp4” is 2000 × 16 px; PixVerse takes at most 1920 px "
                          "on either side.")
        << false;
    QTest::newRow("lip sync: sound in WebM")
        << with({lipsync, talk, audioFile, webmSound}) << 2
        << QStringLiteral("“voice.webm” is in WebM format; PixVerse takes only MP3, WAV, M4A or "
                          "AAC audio here.")
        << false;
    QTest::newRow("lip sync: a silent video as the sound")
        << with({lipsync, talk, audioFile, silent}) << 2
        << QStringLiteral("“mute.mov” has no sound: an audio file (MP3, WAV, M4A or AAC) is "
                          "needed.")
        << false;
    QTest::newRow("lip sync: sound of 31 s")
        << with({lipsync, talk, audioFile, mediaFile(QStringLiteral("long-speech.mp3"))}) << 2
        << QStringLiteral(
               "The audio “long-speech.mp3” is 31.2 s long; PixVerse takes at most 30 s.")
        << false;

    // Files the creator's account cannot read.
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    picture(64, 64).save(&buffer, "PNG");
    QTest::newRow("permission: an image")
        << with({QStringLiteral("generate"), QStringLiteral("--prompt"), QStringLiteral("A boat"),
                 QStringLiteral("--image"), locked(QStringLiteral("locked.png"), png)})
        << 2 << QStringLiteral("“locked.png” cannot be opened") << false;
    QTest::newRow("permission: a video")
        << with({QStringLiteral("extend"), locked(QStringLiteral("locked.mp4"), contentOf(talk))})
        << 2 << QStringLiteral("“locked.mp4” cannot be opened") << false;
    QTest::newRow("permission: a batch file")
        << with({QStringLiteral("batch"), locked(QStringLiteral("locked.txt"), "A boat\n")}) << 2
        << QStringLiteral("Cannot read the batch file") << false;

    // Batch lines.
    const QString unknownField =
        write(QStringLiteral("batch-unknown.jsonl"), R"({"prompt":"A boat","colour":"red"})"
                                                     "\n");
    QTest::newRow("batch: a line with an unknown field")
        << with({QStringLiteral("batch"), unknownField}) << 2
        << QStringLiteral("“colour” is not a batch field") << false;
    const QString missingImage = write(
        QStringLiteral("batch-gone.jsonl"),
        QJsonDocument(QJsonObject{{QStringLiteral("prompt"), QStringLiteral("A boat")},
                                  {QStringLiteral("image"), path(QStringLiteral("gone.png"))}})
                .toJson(QJsonDocument::Compact) +
            '\n');
    QTest::newRow("batch: a line whose image is missing")
        << with({QStringLiteral("batch"), missingImage}) << 2
        << QStringLiteral("“gone.png” cannot be found: it may have been moved or deleted.")
        << false;

    // References and templates.
    const QString hero = path(QStringLiteral("hero.png"));
    picture(320, 240).save(hero, "PNG");
    const QString beach = path(QStringLiteral("beach.png"));
    picture(320, 240).save(beach, "PNG");
    QTest::newRow("references: one name twice")
        << with({QStringLiteral("generate"), QStringLiteral("--reference"),
                 QStringLiteral("subject:hero=") + hero, QStringLiteral("--reference"),
                 QStringLiteral("background:hero=") + beach, QStringLiteral("--prompt"),
                 QStringLiteral("@hero walks on the beach")})
        << 2 << QStringLiteral("Two references are called \"hero\": give each its own name.")
        << false;
    QTest::newRow("references: the prompt names one that does not exist")
        << with({QStringLiteral("generate"), QStringLiteral("--reference"),
                 QStringLiteral("subject:hero=") + hero, QStringLiteral("--prompt"),
                 QStringLiteral("@villain waits for @hero")})
        << 2 << QStringLiteral("The prompt mentions @villain, but no reference has that name.")
        << false;
    QTest::newRow("template: no longer in the list")
        << with(
               {QStringLiteral("generate"), QStringLiteral("--template"), QStringLiteral("987654")})
        << 2
        << QStringLiteral("PixVerse lists no template 987654 for this account (the command "
                          "templates lists them).")
        << true;
}

void TestBadInput::sourcesOnTheCommandLine() {
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    QFETCH(bool, readsLists);
    ++m_rows;
    if (QString::fromLatin1(QTest::currentDataTag()).startsWith(u"permission") &&
        !m_permissionsHold)
        QSKIP("This process reads files of mode 000 (root that could not give up its override).");
    // Nothing lost: every file given is left as it was.
    QHash<QString, QPair<qint64, QDateTime>> given;
    for (const QString& argument : arguments) {
        const QFileInfo info(argument.section(u'=', -1));
        if (info.isFile())
            given.insert(info.filePath(), {info.size(), info.lastModified()});
    }
    runCli(arguments, QStringLiteral("<sandbox>"), true, exitCode, says, readsLists);
    if (QTest::currentTestFailed())
        return;
    for (auto file = given.cbegin(); file != given.cend(); ++file) {
        const QFileInfo info(file.key());
        QCOMPARE(QPair(info.size(), info.lastModified()), file.value());
    }
}

void TestBadInput::videosAndSoundsGivenToTheWindow_data() {
    QTest::addColumn<bool>("dropped"); // on the extend slot; else the lip sync's sound
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("says");
    const QString withSound = mediaFile(QStringLiteral("with-sound.mp4"));
    const QString speech = mediaFile(QStringLiteral("speech.wav"));
    QTest::newRow("extend: a truncated MP4 dropped")
        << true << copyCut(withSound, QStringLiteral("ui-cut.mp4"), QFileInfo(withSound).size() / 2)
        << QStringLiteral("“ui-cut.mp4” is incomplete: the file ends before its last frames (a "
                          "download or copy may have been cut short).");
    QTest::newRow("extend: a 0-byte MOV dropped")
        << true << write(QStringLiteral("ui-empty.mov"), {})
        << QStringLiteral("“ui-empty.mov” is empty (0 bytes).");
    QTest::newRow("extend: a video of 40 s dropped")
        << true << mediaFile(QStringLiteral("40s.mp4"))
        << QStringLiteral("The video “40s.mp4” is 40 s long; PixVerse extends only videos "
                          "shorter than 40 s.");
    QTest::newRow("extend: a video 2000 px wide dropped")
        << true << mediaFile(QStringLiteral("wide.mp4"))
        << QStringLiteral("The video “wide.mp4” is 2000 × 16 px; PixVerse takes at most 1920 px "
                          "on either side.");
    QTest::newRow("permission: a video dropped")
        << true << locked(QStringLiteral("ui-locked.mp4"), contentOf(withSound))
        << QStringLiteral("“ui-locked.mp4” cannot be opened");
    QTest::newRow("lip sync: a truncated WAV")
        << false << copyCut(speech, QStringLiteral("ui-cut.wav"), QFileInfo(speech).size() / 2)
        << QStringLiteral("“ui-cut.wav” is incomplete");
    QTest::newRow("lip sync: a 0-byte WAV") << false << write(QStringLiteral("ui-empty.wav"), {})
                                            << QStringLiteral("“ui-empty.wav” is empty (0 bytes).");
    QTest::newRow("lip sync: sound in WebM")
        << false
        << copyCut(mediaFile(QStringLiteral("last-red.webm")), QStringLiteral("ui-voice.webm"))
        << QStringLiteral("“ui-voice.webm” is in WebM format; PixVerse takes only MP3, WAV, M4A "
                          "or AAC audio here.");
    QTest::newRow("lip sync: a silent video as the sound")
        << false << mediaFile(QStringLiteral("clip.mov"))
        << QStringLiteral("“clip.mov” has no sound: an audio file (MP3, WAV, M4A or AAC) is "
                          "needed.");
}

void TestBadInput::videosAndSoundsGivenToTheWindow() {
    QFETCH(bool, dropped);
    QFETCH(QString, file);
    QFETCH(QString, says);
    ++m_rows;
    if (QString::fromLatin1(QTest::currentDataTag()).startsWith(u"permission") &&
        !m_permissionsHold)
        QSKIP("This process reads files of mode 000 (root that could not give up its override).");
    const QList<qint64> before = madeSoFar();
    if (dropped) {
        VideoSourceSlot slot;
        QSignalSpy refused(&slot, &VideoSourceSlot::refused);
        slot.resize(480, 200);
        slot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&slot));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file)});
        const QPoint pos = slot.rect().center();
        QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&slot, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&slot, &drop);
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 20000);
        QVERIFY2(slot.message().contains(says), qPrintable(slot.message()));
        QVERIFY(slot.source().isEmpty()); // nothing to extend: no job can be asked for
    } else {
        LipSyncDialog dialog(GenerationRequest{}, &ModelCatalog::builtIn(), 100000);
        QSignalSpy checked(&dialog, &LipSyncDialog::audioChecked);
        dialog.setAudioFile(file);
        QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 20000);
        QVERIFY2(dialog.audioError().contains(says), qPrintable(dialog.audioError()));
        QVERIFY(!dialog.canAccept()); // OK stays off: no job can be asked for
        QVERIFY(dialog.request().audioPath.isEmpty());
    }
    QCOMPARE(madeSoFar(), before);
}

std::optional<Job> TestBadInput::take() {
    if (m_takeId == 0) {
        const Result<Job> added =
            m_bed->engine->enqueue(JobTestBed::request(QStringLiteral("A fox runs in the snow")));
        if (!added.ok())
            return std::nullopt;
        m_takeId = added.value->id;
    }
    if (!QTest::qWaitFor([this] { return isTerminal(m_bed->store->job(m_takeId)->state); }, 20000))
        return std::nullopt;
    const std::optional<Job> made = m_bed->store->job(m_takeId);
    return made && made->state == JobState::Done ? made : std::nullopt;
}

void TestBadInput::mediaThroughTheEngine_data() {
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("video");
    QTest::addColumn<QString>("audio");
    QTest::addColumn<QString>("says"); // the job's error message
    const QString withSound = mediaFile(QStringLiteral("with-sound.mp4"));
    const QString talk = copyCut(withSound, QStringLiteral("engine-talk.mp4"));
    const QString speech = mediaFile(QStringLiteral("speech.wav"));
    const int extend = static_cast<int>(GenerationMode::Extend);
    const int sound = static_cast<int>(GenerationMode::SoundEffect);
    const int lipSync = static_cast<int>(GenerationMode::LipSync);
    QTest::newRow("extend: a truncated MP4")
        << extend
        << copyCut(withSound, QStringLiteral("engine-cut.mp4"), QFileInfo(withSound).size() / 2)
        << QString() << QStringLiteral("“engine-cut.mp4” is incomplete");
    QTest::newRow("sound: a 0-byte MOV")
        << sound << write(QStringLiteral("engine-empty.mov"), {}) << QString()
        << QStringLiteral("engine-empty.mov is empty.");
    QTest::newRow("extend: a video 2000 px wide")
        << extend << mediaFile(QStringLiteral("wide.mp4")) << QString()
        << QStringLiteral("is 2000 × 16 px; PixVerse takes at most 1920 px");
    // The video is fine: it must not be uploaded before the sound is found wrong.
    QTest::newRow("lip sync: a good video, a 0-byte WAV")
        << lipSync << talk << write(QStringLiteral("engine-empty.wav"), {})
        << QStringLiteral("engine-empty.wav is empty.");
    QTest::newRow("lip sync: a good video, a truncated WAV")
        << lipSync << talk
        << copyCut(speech, QStringLiteral("engine-cut.wav"), QFileInfo(speech).size() / 2)
        << QStringLiteral("“engine-cut.wav” is incomplete");
    QTest::newRow("lip sync: a good video, sound in WebM")
        << lipSync << talk
        << copyCut(mediaFile(QStringLiteral("last-red.webm")), QStringLiteral("engine-voice.webm"))
        << QStringLiteral("engine-voice.webm is not an MP3, WAV, M4A or AAC audio file.");
}

void TestBadInput::mediaThroughTheEngine() {
    QFETCH(int, mode);
    QFETCH(QString, video);
    QFETCH(QString, audio);
    QFETCH(QString, says);
    ++m_rows;
    // A job queued with a file that went bad (or was never checked): the engine refuses it.
    const std::optional<Job> source = take();
    QVERIFY(source);
    GenerationRequest request =
        m_bed->engine->library()->continuation(*source, static_cast<GenerationMode>(mode));
    request.sourceVideoId = 0;
    request.sourceVideoPath = video;
    request.audioPath = audio;
    request.audioSeconds = audio.isEmpty() ? 0 : 2;
    if (request.prompt.isEmpty())
        request.prompt = QStringLiteral("Waves on the rocks");
    const sandbox::SandboxStats before = m_bed->sandbox->stats();
    const QList<Job> jobsBefore = m_bed->store->jobs();

    const Result<Job> added = m_bed->engine->enqueue(request);
    QVERIFY2(added.ok(), qPrintable(added.error.logText()));
    const qint64 id = added.value->id;
    QTRY_VERIFY_WITH_TIMEOUT(isTerminal(m_bed->store->job(id)->state), 20000);
    const Job job = *m_bed->store->job(id);
    QCOMPARE(job.state, JobState::Failed);
    QVERIFY2(job.errorMessage.contains(says), qPrintable(job.errorMessage));
    const sandbox::SandboxStats after = m_bed->sandbox->stats();
    QCOMPARE(after.uploads, before.uploads);
    QCOMPARE(after.mediaUploads, before.mediaUploads);
    QCOMPARE(after.generationsCreated, before.generationsCreated);
    // Nothing lost: the other jobs are as they were, the take still has its video.
    QCOMPARE(m_bed->store->jobs().size(), jobsBefore.size() + 1);
    for (const Job& earlier : jobsBefore)
        QCOMPARE(m_bed->store->job(earlier.id)->state, earlier.state);
    QVERIFY(QFileInfo::exists(m_bed->store->job(source->id)->videoPath));
}

std::unique_ptr<HotFolder> TestBadInput::watch(const QString& folder,
                                               std::function<void(const QString&)> whileReading) {
    auto hot = std::make_unique<HotFolder>(m_bed->engine.get(), &ModelCatalog::builtIn(),
                                           ApiFamily::OpenApi, nullptr);
    HotFolderOptions options;
    options.folder = folder;
    options.defaults = {{QStringLiteral("model"), QStringLiteral("v4.5")},
                        {QStringLiteral("quality"), QStringLiteral("540p")},
                        {QStringLiteral("duration"), 5}};
    options.stableMs = 150;
    options.rescanMs = 100;
    options.whileReading = std::move(whileReading);
    if (!hot->start(options))
        qWarning().noquote() << hot->errorString();
    return hot;
}

void TestBadInput::hotFolderFileChangesWhileRead() {
    ++m_rows;
    const QString folder = path(QStringLiteral("hot-changing"));
    QVERIFY(QDir().mkpath(folder));
    const QString file = QDir(folder).filePath(QStringLiteral("shots.txt"));
    const qsizetype hotJobsBefore = m_bed->store->jobsWithOrigin(QStringLiteral("hot:")).size();
    // The first reading finds a line added between the hashing and the reading of the lines.
    std::atomic<bool> changed = false;
    auto appendOnce = [&changed](const QString& path) {
        if (changed.exchange(true))
            return;
        QFile grown(path);
        if (grown.open(QIODevice::Append))
            grown.write("A ship at dawn\n");
    };
    {
        QFile first(file);
        QVERIFY(first.open(QIODevice::WriteOnly | QIODevice::Truncate));
        first.write("A lighthouse in a storm\n");
    }
    const std::unique_ptr<HotFolder> hot = watch(folder, appendOnce);
    QVERIFY(hot->isWatching());
    QSignalSpy queued(hot.get(), &HotFolder::fileQueued);
    QSignalSpy refused(hot.get(), &HotFolder::fileRefused);
    QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 1, 20000);
    QVERIFY(changed);
    QCOMPARE(queued.first().at(0).toString(), QStringLiteral("shots.txt"));
    QCOMPARE(queued.first().at(1).toInt(), 2); // both lines, from the second reading
    QCOMPARE(refused.size(), 0);
    const QList<Job> hotJobs = m_bed->store->jobsWithOrigin(QStringLiteral("hot:"));
    QCOMPARE(hotJobs.size(), hotJobsBefore + 2);
    QStringList prompts;
    for (const Job& job : hotJobs)
        prompts << job.request.prompt;
    QVERIFY(prompts.contains(QStringLiteral("A lighthouse in a storm")));
    QVERIFY(prompts.contains(QStringLiteral("A ship at dawn")));
    // The file in done/ holds what was queued.
    const QString done = QDir(folder).filePath(HotFolder::doneFolderName() + u"/shots.txt");
    QTRY_VERIFY(QFileInfo::exists(done));
    QCOMPARE(contentOf(done), QByteArray("A lighthouse in a storm\nA ship at dawn\n"));
    QTRY_COMPARE_WITH_TIMEOUT(m_bed->engine->unfinishedCount(), 0, 20000);
}

void TestBadInput::hotFolderFileCannotBeRead_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("says"); // the reason fileRefused gives, and the note beside it
    QTest::newRow("a prompt list without read permission")
        << QStringLiteral("permission") << QStringLiteral("It cannot be read: ");
    QTest::newRow("an image without read permission")
        << QStringLiteral("image permission") << QStringLiteral("It cannot be read: ");
    QTest::newRow("a link in a loop")
        << QStringLiteral("loop")
        << QStringLiteral("It is a link that leads nowhere or to itself.");
}

void TestBadInput::hotFolderFileCannotBeRead() {
    QFETCH(QString, kind);
    QFETCH(QString, says);
    ++m_rows;
    if (kind.contains(u"permission") && !m_permissionsHold)
        QSKIP("This process reads files of mode 000 (root that could not give up its override).");
    const QString folder = path(QStringLiteral("hot-%1").arg(m_rows));
    QVERIFY(QDir().mkpath(folder));
    QString name;
    qint64 size = 0;
    if (kind == u"loop") {
        name = QStringLiteral("loop.txt");
        QVERIFY(QFile::link(QDir(folder).filePath(name), QDir(folder).filePath(name)));
    } else {
        const bool image = kind.startsWith(u"image");
        name = image ? QStringLiteral("locked.png") : QStringLiteral("locked.txt");
        QByteArray bytes = "A boat\n";
        if (image) {
            bytes.clear();
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            picture(64, 64).save(&buffer, "PNG");
        }
        const QString made = locked(QStringLiteral("hot-%1-").arg(m_rows) + name, bytes);
        QVERIFY(QFile::rename(made, QDir(folder).filePath(name)));
        size = bytes.size();
    }
    const qsizetype hotJobsBefore = m_bed->store->jobsWithOrigin(QStringLiteral("hot:")).size();
    const sandbox::SandboxStats before = m_bed->sandbox->stats();

    const std::unique_ptr<HotFolder> hot = watch(folder);
    QSignalSpy refused(hot.get(), &HotFolder::fileRefused);
    QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 20000);
    QCOMPARE(refused.first().at(0).toString(), name);
    const QString reason = refused.first().at(1).toString();
    QVERIFY2(reason.contains(says), qPrintable(reason));
    // Moved aside whole, the reason written beside it; nothing queued, nothing sent.
    const QString moved = QDir(folder).filePath(HotFolder::refusedFolderName() + u'/' + name);
    QVERIFY(QFileInfo(moved).isSymLink() || QFileInfo::exists(moved));
    if (size > 0)
        QCOMPARE(QFileInfo(moved).size(), size);
    QVERIFY(contentOf(moved + QStringLiteral(".txt")).contains(says.toUtf8()));
    QCOMPARE(m_bed->store->jobsWithOrigin(QStringLiteral("hot:")).size(), hotJobsBefore);
    const sandbox::SandboxStats after = m_bed->sandbox->stats();
    QCOMPARE(after.uploads, before.uploads);
    QCOMPARE(after.generationsCreated, before.generationsCreated);
}

void TestBadInput::sidecarEditedIntoInvalidJson() {
    ++m_rows;
    const std::optional<Job> made = take();
    QVERIFY(made);
    const QString sidecar = made->sidecarPath;
    QTRY_VERIFY(QFileInfo::exists(sidecar));
    // A mark the app keeps, in the store and the file.
    m_bed->engine->library()->setRating({made->id}, 4);
    QTRY_COMPARE(
        QJsonDocument::fromJson(contentOf(sidecar)).object().value(QLatin1String("rating")).toInt(),
        4);
    SidecarWatcher watcher(m_bed->engine->library());
    QTRY_VERIFY(watcher.isReady());
    QSignalSpy unreadable(&watcher, &SidecarWatcher::sidecarUnreadable);
    const sandbox::SandboxStats before = m_bed->sandbox->stats();

    // The creator's editor saves it half way through an edit: a trailing comma, no brace.
    const QByteArray original = contentOf(sidecar);
    const QByteArray broken = original.left(original.lastIndexOf('}')) + ",\n  \"rating\": 1,\n";
    {
        QFile file(sidecar);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(file.write(broken) == broken.size());
    }
    QTRY_COMPARE_WITH_TIMEOUT(unreadable.size(), 1, 10000);
    QCOMPARE(unreadable.first().at(0).toLongLong(), made->id);
    const QString sentence = unreadable.first().at(1).toString();
    const QString name = QFileInfo(sidecar).fileName();
    QVERIFY2(sentence.startsWith(QStringLiteral("“%1” is no longer valid JSON (").arg(name)),
             qPrintable(sentence));
    QVERIFY2(sentence.contains(QStringLiteral("the video keeps its marks. Correct the file to "
                                              "apply the edit.")),
             qPrintable(sentence));
    // The marks stay, the creator's file stays as they wrote it; nothing is sent.
    QCOMPARE(m_bed->store->job(made->id)->rating, 4);
    QCOMPARE(contentOf(sidecar), broken);
    QCOMPARE(m_bed->sandbox->stats().generationsCreated, before.generationsCreated);
}

int main(int argc, char** argv) {
    // Before QApplication: every thread (the thread pool's too) is started after it.
    giveUpPermissionOverride();
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TestBadInput test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_badinput.moc"
