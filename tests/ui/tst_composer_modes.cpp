// The composer's modes (issue 16): text or image to video, first and last frame (transition) and
// extend, with their slots, the takes they come from (lineage) and what a website account lacks.
// Real widgets driven by QTest, real image checks and real video files read by ffmpeg's libraries.
#include "app/gui/StudioApp.h"
#include "core/generation/ImageCheck.h"
#include "core/generation/ModelCatalog.h"
#include "core/jobs/Job.h"
#include "core/jobs/JobStore.h"
#include "core/media/MediaCheck.h"
#include "core/media/MediaProbe.h"
#include "core/sandbox/SandboxHost.h"
#include "core/settings/AppSettings.h"
#include "ui/ComposerInputs.h"
#include "ui/ImageDropZone.h"
#include "ui/JobsPane.h"
#include "ui/MainWindow.h"
#include "ui/PromptEditor.h"
#include "ui/VideoSourceSlot.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace pixverse;

namespace {

template <typename T> T* child(const QObject* parent, const char* name) {
    auto* w = parent->findChild<T*>(QLatin1String(name));
    if (!w)
        qFatal("no child named %s", name);
    return w;
}

QImage picture(int width, int height, QRgb colour) {
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(colour);
    return image;
}

bool dragAndDrop(QWidget* target, const QStringList& paths) {
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString& p : paths)
        urls << QUrl::fromLocalFile(p);
    mime.setUrls(urls);
    const QPoint pos = target->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

QStandardItem* modeItem(QComboBox* combo, GenerationMode mode) {
    auto* model = qobject_cast<QStandardItemModel*>(combo->model());
    const int row = combo->findData(generationModeId(mode));
    return model && row >= 0 ? model->item(row) : nullptr;
}

//! A finished take as the gallery holds it.
Job finishedTake(qint64 id, const QString& thumbnail) {
    Job take;
    take.id = id;
    take.state = JobState::Done;
    take.videoId = 380000 + id;
    take.request.prompt = QStringLiteral("A paper lantern drifting over a lake at dusk");
    take.request.model = QStringLiteral("v6");
    take.request.quality = QStringLiteral("720p");
    take.request.duration = 5;
    take.videoWidth = 1280;
    take.videoHeight = 720;
    take.thumbnailPath = thumbnail;
    return take;
}

} // namespace

class TestComposerModes : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString image(const QString& name, int w, int h, QRgb colour = qRgb(200, 120, 30)) {
        const QString file = m_dir.filePath(name);
        if (!QFileInfo::exists(file) && !picture(w, h, colour).save(file))
            qFatal("cannot write %s", qPrintable(file));
        return file;
    }

    //! A window as a creator sees it, on its own settings, shown and active.
    struct Window {
        explicit Window(const QString& out) {
            QSettings().clear();
            window.resize(1280, 800);
            window.show();
            for (ImageDropZone* zone :
                 {inputs()->imageZone(), inputs()->firstFrameZone(), inputs()->lastFrameZone()})
                zone->setOutputDir(out);
        }
        MainWindow window;
        PromptEditor* editor() const { return window.promptEditor(); }
        ComposerInputs* inputs() const { return window.composerInputs(); }
        QComboBox* mode() const { return child<QComboBox>(editor(), "modeCombo"); }
        QPlainTextEdit* prompt() const { return child<QPlainTextEdit>(editor(), "promptEdit"); }
        QPushButton* generate() const { return child<QPushButton>(editor(), "generateButton"); }
    };

    QString out() const { return m_dir.filePath(QStringLiteral("prepared")); }
    static QDir clipsDir() { return QDir(qEnvironmentVariable("PIXVERSE_CLIPS_DIR")); }
    //! Videos the build made for this test with ffmpeg (tests/ui/CMakeLists.txt).
    static QString composerMedia(const QString& name) {
        return QDir(QStringLiteral(PIXVERSE_COMPOSER_MEDIA_DIR)).filePath(name);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Extend on a take's card: the composer in Extend with the take as its source, its prompt
    // to edit, the extend price, the keyboard in the prompt.
    void startExtendPutsTheTakeInTheSourceSlot() {
        Window w(out());
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        const QString thumbnail = image(QStringLiteral("thumb.png"), 160, 90);
        const Job take = finishedTake(7, thumbnail);
        w.window.startExtend(take);

        QCOMPARE(w.editor()->mode(), GenerationMode::Extend);
        QCOMPARE(w.mode()->currentData().toString(), QStringLiteral("extend"));
        VideoSourceSlot* slot = w.inputs()->sourceSlot();
        QVERIFY(slot->isVisible());
        QVERIFY(!w.inputs()->imageZone()->isVisible());
        QCOMPARE(slot->title(), QStringLiteral("From “%1”").arg(take.request.prompt));
        QCOMPARE(child<QLabel>(slot, "videoSourceInfo")->text(),
                 QStringLiteral("PixVerse video 380007 · 5 s · 1280 × 720 px"));
        // The thumbnail is read in the background.
        auto* preview = child<QLabel>(slot, "videoSourcePreview");
        QTRY_VERIFY(!preview->pixmap().isNull());

        const GenerationRequest r = w.editor()->request();
        QCOMPARE(r.mode, GenerationMode::Extend);
        QCOMPARE(r.sourceVideoId, take.videoId);
        QVERIFY(r.sourceVideoPath.isEmpty());
        QCOMPARE(r.parentJobId, take.id);
        QCOMPARE(r.sourceWidth, 1280);
        QCOMPARE(r.sourceHeight, 720);
        QVERIFY(r.sourceSeconds > 0);
        QCOMPARE(r.prompt, take.request.prompt);
        QVERIFY(r.images.isEmpty());
        QCOMPARE(w.window.focusWidget(), w.prompt());
        QVERIFY2(w.generate()->isEnabled(), qPrintable(w.editor()->blockingReasons().join(u'|')));
        // The price line is the catalog's price of the extend.
        const std::optional<int> price = ModelCatalog::builtIn().creditCost(r);
        QVERIFY(price);
        QVERIFY2(child<QLabel>(w.editor(), "costLabel")
                     ->text()
                     .endsWith(QStringLiteral("= %1 credits").arg(*price)),
                 qPrintable(child<QLabel>(w.editor(), "costLabel")->text()));

        // Removed: nothing to extend, Generate waits.
        QTest::mouseClick(child<QPushButton>(slot, "removeButton"), Qt::LeftButton);
        QCOMPARE(w.editor()->request().sourceVideoId, 0);
        QCOMPARE(w.editor()->request().parentJobId, 0);
        QVERIFY(!w.generate()->isEnabled());
    }

    // "Use the last frame as the first frame" and the like: the frame goes into the slot of its
    // role, the mode follows, the request names the take it comes from.
    void useFrameImageFillsTheSlotOfItsRole() {
        Window w(out());
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        w.prompt()->setPlainText(QStringLiteral("The lantern lands on the shore"));
        const QString frame = image(QStringLiteral("last-frame-7.png"), 320, 180);

        w.window.useFrameImage(frame, RequestImage::Role::FirstFrame, 7);
        QCOMPARE(w.editor()->mode(), GenerationMode::Transition);
        QVERIFY(w.inputs()->firstFrameZone()->isVisible());
        QVERIFY(w.inputs()->lastFrameZone()->isVisible());
        QTRY_VERIFY(w.inputs()->firstFrameZone()->image().has_value());
        GenerationRequest r = w.editor()->request();
        QCOMPARE(r.imagePath(RequestImage::Role::FirstFrame),
                 w.inputs()->firstFrameZone()->image()->path);
        QVERIFY(r.imagePath(RequestImage::Role::LastFrame).isEmpty());
        QCOMPARE(r.parentJobId, 7);

        // Start: image to video from the frame, with its parent.
        w.window.useFrameImage(frame, RequestImage::Role::Start, 9);
        QCOMPARE(w.editor()->mode(), GenerationMode::ImageToVideo);
        QVERIFY(w.inputs()->imageZone()->isVisible());
        QTRY_VERIFY(w.inputs()->imageZone()->image().has_value());
        QTRY_VERIFY(w.generate()->isEnabled());
        r = w.editor()->request();
        QCOMPARE(r.startImagePath(), w.inputs()->imageZone()->image()->path);
        QCOMPARE(r.parentJobId, 9);

        // Another image dropped in its place is the creator's own: no parent.
        const QString own = image(QStringLiteral("own.png"), 300, 200, qRgb(10, 90, 200));
        QSignalSpy changed(w.inputs()->imageZone(), &ImageDropZone::imageChanged);
        QVERIFY(dragAndDrop(w.inputs()->imageZone(), {own}));
        QVERIFY(changed.wait(10000));
        QCOMPARE(w.editor()->request().parentJobId, 0);
    }

    // First and last frame: the two slots take a drop, a paste (Ctrl+V in the slot that has
    // the keyboard) and a browsed file; Generate waits for both; the request carries both roles.
    void transitionSlotsTakeDropPasteAndBrowse() {
        Window w(out());
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        w.prompt()->setPlainText(QStringLiteral("Day turns to night over the harbour"));
        w.mode()->setCurrentIndex(w.mode()->findData(QStringLiteral("transition")));
        QCOMPARE(w.editor()->mode(), GenerationMode::Transition);
        ImageDropZone* first = w.inputs()->firstFrameZone();
        ImageDropZone* last = w.inputs()->lastFrameZone();
        QVERIFY(first->isVisible() && last->isVisible());
        QVERIFY(!w.inputs()->imageZone()->isVisible());
        QCOMPARE(child<QLabel>(first, "imageCaption")->text(), QStringLiteral("First frame"));
        QCOMPARE(child<QLabel>(last, "imageCaption")->text(), QStringLiteral("Last frame"));
        QVERIFY(first->hintText().startsWith(QStringLiteral("The video starts from this image")));
        QVERIFY(!w.generate()->isEnabled());

        // Drop into the first.
        QSignalSpy firstChanged(first, &ImageDropZone::imageChanged);
        QVERIFY(dragAndDrop(first, {image(QStringLiteral("day.png"), 640, 360)}));
        QVERIFY(firstChanged.wait(10000));
        QCOMPARE(w.editor()->request().imagePath(RequestImage::Role::FirstFrame),
                 first->image()->path);
        // One frame is not enough: the catalog says what is missing.
        QVERIFY(!w.generate()->isEnabled());
        QVERIFY(!w.editor()->blockingReasons().isEmpty());

        // Paste into the last, which has the keyboard.
        QSignalSpy lastChanged(last, &ImageDropZone::imageChanged);
        QGuiApplication::clipboard()->setImage(picture(320, 180, qRgb(20, 20, 60)));
        last->setFocus();
        QTest::keyClick(last, Qt::Key_V, Qt::ControlModifier);
        QVERIFY(lastChanged.wait(10000));
        QCOMPARE(last->image()->width, 320);
        QVERIFY(first->image()->width == 640); // the other slot is left alone

        const GenerationRequest both = w.editor()->request();
        QCOMPARE(both.mode, GenerationMode::Transition);
        QCOMPARE(both.imagePath(RequestImage::Role::FirstFrame), first->image()->path);
        QCOMPARE(both.imagePath(RequestImage::Role::LastFrame), last->image()->path);
        QCOMPARE(both.images.size(), 2);
        QVERIFY(both.startImagePath().isEmpty());
        QTRY_VERIFY2(w.generate()->isEnabled(),
                     qPrintable(w.editor()->blockingReasons().join(u'|')));

        // Browse… replaces the first.
        const QString dusk = image(QStringLiteral("dusk.png"), 480, 270, qRgb(90, 40, 20));
        first->setFileProvider([dusk](QWidget*) { return dusk; });
        QTest::mouseClick(child<QPushButton>(first, "replaceButton"), Qt::LeftButton);
        QVERIFY(firstChanged.wait(10000));
        QCOMPARE(first->image()->width, 480);
        QCOMPARE(w.editor()->request().imagePath(RequestImage::Role::FirstFrame),
                 first->image()->path);

        // Generate sends both.
        QSignalSpy generated(w.editor(), &PromptEditor::generateRequested);
        QTest::mouseClick(w.generate(), Qt::LeftButton);
        QCOMPARE(generated.size(), 1);
        const auto sent = generated.constFirst().constFirst().value<GenerationRequest>();
        QCOMPARE(sent.images.size(), 2);
        QCOMPARE(sent.mode, GenerationMode::Transition);

        // Removing one: Generate waits again.
        QTest::mouseClick(child<QPushButton>(last, "removeButton"), Qt::LeftButton);
        QVERIFY(w.editor()->request().imagePath(RequestImage::Role::LastFrame).isEmpty());
        QVERIFY(!w.generate()->isEnabled());
    }

    // A slot refuses an image with the sentence of today's image check; only that slot says so.
    void aRefusedFrameSaysWhyInItsSlot() {
        Window w(out());
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        QVERIFY(w.editor()->setMode(GenerationMode::Transition));
        const QString notAnImage = m_dir.filePath(QStringLiteral("notes.png"));
        {
            QFile file(notAnImage);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("these are notes, not a picture");
        }
        const QString tiny = m_dir.filePath(QStringLiteral("empty.png"));
        {
            QFile file(tiny);
            QVERIFY(file.open(QIODevice::WriteOnly)); // 0 bytes
        }
        const QString expectedNotAnImage = ImageCheck::prepare(notAnImage, out()).message;
        const QString expectedTiny = ImageCheck::prepare(tiny, out()).message;
        QVERIFY(!expectedNotAnImage.isEmpty());
        QVERIFY(!expectedTiny.isEmpty());

        ImageDropZone* first = w.inputs()->firstFrameZone();
        ImageDropZone* last = w.inputs()->lastFrameZone();
        QSignalSpy firstRefused(first, &ImageDropZone::refused);
        QVERIFY(dragAndDrop(first, {notAnImage}));
        QVERIFY(firstRefused.wait(10000));
        QCOMPARE(first->message(), expectedNotAnImage);
        QVERIFY(last->message().isEmpty());
        QSignalSpy lastRefused(last, &ImageDropZone::refused);
        QVERIFY(dragAndDrop(last, {tiny}));
        QVERIFY(lastRefused.wait(10000));
        QCOMPARE(last->message(), expectedTiny);
        QCOMPARE(first->message(), expectedNotAnImage);
        QVERIFY(w.editor()->request().images.isEmpty());
        QVERIFY(!w.generate()->isEnabled());
    }

    // Extend from a local file: read in the background (never on the GUI thread), its facts in
    // the request; a file extend cannot take is refused with mediaRefusal's sentence and nothing
    // can be sent.
    void extendFromALocalFile() {
        Window w(out());
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        w.prompt()->setPlainText(QStringLiteral("The camera keeps rising"));
        QVERIFY(w.editor()->setMode(GenerationMode::Extend));
        VideoSourceSlot* slot = w.inputs()->sourceSlot();
        QVERIFY(slot->isVisible());
        QVERIFY(!w.generate()->isEnabled());

        const QString clip = clipsDir().filePath(QStringLiteral("1280x720.mp4"));
        QVERIFY2(QFileInfo::exists(clip), qPrintable(clip));
        QSignalSpy changed(slot, &VideoSourceSlot::sourceChanged);
        QVERIFY(dragAndDrop(slot, {clip}));
        // Read in the background: Generate waits meanwhile.
        QVERIFY(slot->isBusy());
        QCOMPARE(w.editor()->blockingReasons().value(0),
                 QStringLiteral("Wait: the file is still being checked."));
        QVERIFY(changed.wait(10000));
        QCOMPARE(slot->title(), QStringLiteral("1280x720.mp4"));
        GenerationRequest r = w.editor()->request();
        QCOMPARE(r.sourceVideoPath, clip);
        QCOMPARE(r.sourceVideoId, 0);
        QCOMPARE(r.sourceWidth, 1280);
        QCOMPARE(r.sourceHeight, 720);
        QVERIFY(qAbs(r.sourceSeconds - 1.0) < 0.2);
        QCOMPARE(r.parentJobId, 0);
        QTRY_VERIFY2(w.generate()->isEnabled(),
                     qPrintable(w.editor()->blockingReasons().join(u'|')));

        // Too long, and too large a picture: refused with the media check's sentence; the
        // source stays the one before.
        for (const char* name : {"long-41s.mp4", "wide-2560x64.mp4"}) {
            const QString file = composerMedia(QLatin1String(name));
            const MediaProbeResult probed = probeMedia(file); // the test's own thread
            QVERIFY2(probed.facts, qPrintable(probed.error));
            const std::optional<QString> why = mediaRefusal(*probed.facts, MediaUse::ExtendSource);
            QVERIFY2(why, name);
            QSignalSpy refused(slot, &VideoSourceSlot::refused);
            QVERIFY(dragAndDrop(slot, {file}));
            QVERIFY(refused.wait(10000));
            QCOMPARE(refused.constFirst().constFirst().toString(), *why);
            QCOMPARE(slot->message(), *why);
            QCOMPARE(w.editor()->request().sourceVideoPath, clip);
        }

        // Without the good one, a refused file leaves nothing to send.
        QTest::mouseClick(child<QPushButton>(slot, "removeButton"), Qt::LeftButton);
        QSignalSpy refused(slot, &VideoSourceSlot::refused);
        QVERIFY(dragAndDrop(slot, {composerMedia(QStringLiteral("long-41s.mp4"))}));
        QVERIFY(refused.wait(10000));
        QVERIFY(w.editor()->request().sourceVideoPath.isEmpty());
        QVERIFY(!w.generate()->isEnabled());
        QSignalSpy generated(w.editor(), &PromptEditor::generateRequested);
        w.editor()->generate();
        QCOMPARE(generated.size(), 0);

        // Browse… takes a file too.
        slot->setFileProvider([clip](QWidget*) { return clip; });
        QTest::mouseClick(child<QPushButton>(slot, "browseButton"), Qt::LeftButton);
        QVERIFY(changed.wait(10000));
        QCOMPARE(w.editor()->request().sourceVideoPath, clip);
    }

    // A website account: extend is listed but disabled, with the catalog's sentence as its
    // tooltip and in the line under the settings; Extend on a take says it and changes nothing.
    void aWebsiteAccountCannotExtend() {
        Window w(out());
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        w.editor()->setFamily(ApiFamily::Web);
        QStandardItem* extend = modeItem(w.mode(), GenerationMode::Extend);
        QVERIFY(extend);
        QVERIFY(!extend->flags().testFlag(Qt::ItemIsEnabled));
        const std::optional<QString> why = w.editor()->modeRefusal(GenerationMode::Extend);
        QVERIFY(why);
        QCOMPARE(extend->data(Qt::ToolTipRole).toString(), *why);
        auto* hint = child<QLabel>(w.editor(), "modeHintLabel");
        QVERIFY(hint->isVisible());
        // One line per refused mode (effect and reference to video too, issue 17).
        QVERIFY(hint->text().split(QLatin1Char('\n')).contains(*why));
        // The modes the website has stay enabled.
        for (const GenerationMode m : {GenerationMode::TextToVideo, GenerationMode::ImageToVideo,
                                       GenerationMode::Transition}) {
            QStandardItem* item = modeItem(w.mode(), m);
            QVERIFY2(item && item->flags().testFlag(Qt::ItemIsEnabled),
                     qPrintable(generationModeId(m)));
        }
        QVERIFY(!w.editor()->setMode(GenerationMode::Extend));

        w.window.startExtend(finishedTake(3, {}));
        QCOMPARE(w.editor()->mode(), GenerationMode::TextToVideo);
        QCOMPARE(w.window.statusBar()->currentMessage(), *why);
        QVERIFY(w.inputs()->sourceSlot()->source().isEmpty());

        // Back on a platform key, extend is there again and the line goes.
        w.editor()->setFamily(ApiFamily::OpenApi);
        QVERIFY(modeItem(w.mode(), GenerationMode::Extend)->flags().testFlag(Qt::ItemIsEnabled));
        QVERIFY(!hint->isVisible());
    }

    // Reuse of a transition or an extend job brings its mode and its inputs back.
    void reuseBringsTheModeAndItsInputsBack() {
        Window w(out());
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        GenerationRequest transition;
        transition.mode = GenerationMode::Transition;
        transition.prompt = QStringLiteral("From day to night");
        transition.model = QStringLiteral("v6");
        transition.images = {{RequestImage::Role::FirstFrame,
                              image(QStringLiteral("reuse-first.png"), 400, 300),
                              {}},
                             {RequestImage::Role::LastFrame,
                              image(QStringLiteral("reuse-last.png"), 400, 300, qRgb(0, 0, 80)),
                              {}}};
        transition.parentJobId = 4;
        // As the gallery's Reuse does.
        Q_EMIT w.window.jobsPane()->reuseRequested(transition);
        QCOMPARE(w.editor()->mode(), GenerationMode::Transition);
        QTRY_VERIFY(w.inputs()->firstFrameZone()->image() && w.inputs()->lastFrameZone()->image());
        GenerationRequest r = w.editor()->request();
        QCOMPARE(r.images.size(), 2);
        QCOMPARE(r.prompt, transition.prompt);
        QCOMPARE(r.parentJobId, 4);

        GenerationRequest extend;
        extend.mode = GenerationMode::Extend;
        extend.prompt = QStringLiteral("And further");
        extend.model = QStringLiteral("v6");
        extend.sourceVideoId = 380009;
        extend.sourceSeconds = 5;
        extend.sourceWidth = 1280;
        extend.sourceHeight = 720;
        extend.parentJobId = 9;
        Q_EMIT w.window.jobsPane()->reuseRequested(extend);
        QCOMPARE(w.editor()->mode(), GenerationMode::Extend);
        QVERIFY(w.inputs()->sourceSlot()->isVisible());
        QCOMPARE(w.inputs()->sourceSlot()->source().videoId, 380009);
        r = w.editor()->request();
        QCOMPARE(r.sourceVideoId, 380009);
        QCOMPARE(r.parentJobId, 9);
        QCOMPARE(r.sourceSeconds, 5.0);
        // The transition's frames are not left behind in the slots.
        QVERIFY(!w.inputs()->firstFrameZone()->image());
    }

    // The whole app as `pixverse-studio --sandbox` runs it: a transition from two dropped images
    // is two uploads and one create, and ends as a video in the library; an extend source the
    // media check refuses sends nothing.
    void aTransitionFromTheWindowReachesTheSandbox() {
        QTemporaryDir dir;
        StudioOptions options;
        options.sandbox = true;
        options.installLog = false;
        options.dataDir = dir.filePath(QStringLiteral("data"));
        options.settingsFile = dir.filePath(QStringLiteral("app.ini"));
        options.sandboxConfig.generationMs = 300;
        AppSettings(options.settingsFile).setLibraryFolder(dir.filePath(QStringLiteral("library")));
        QSettings().clear();
        StudioApp app(options);
        QVERIFY(app.start());
        MainWindow* window = app.window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTRY_VERIFY_WITH_TIMEOUT(app.jobEngine() != nullptr, 15000);
        PromptEditor* editor = window->promptEditor();
        ComposerInputs* inputs = window->composerInputs();
        const sandbox::SandboxStats before = app.sandboxHost()->stats();

        // A refused extend source: nothing is uploaded or created.
        QVERIFY(editor->setMode(GenerationMode::Extend));
        child<QPlainTextEdit>(editor, "promptEdit")->setPlainText(QStringLiteral("Onwards"));
        QSignalSpy refused(inputs->sourceSlot(), &VideoSourceSlot::refused);
        QVERIFY(dragAndDrop(inputs->sourceSlot(), {composerMedia(QStringLiteral("long-41s.mp4"))}));
        QVERIFY(refused.wait(10000));
        QVERIFY(!editor->canGenerate());
        QTest::keyClick(child<QPlainTextEdit>(editor, "promptEdit"), Qt::Key_Return,
                        Qt::ControlModifier);

        // The transition.
        QVERIFY(editor->setMode(GenerationMode::Transition));
        child<QPlainTextEdit>(editor, "promptEdit")
            ->setPlainText(QStringLiteral("Day turns to night over the harbour"));
        for (ImageDropZone* zone : {inputs->firstFrameZone(), inputs->lastFrameZone()})
            zone->setOutputDir(dir.filePath(QStringLiteral("prepared")));
        QVERIFY(dragAndDrop(inputs->firstFrameZone(),
                            {image(QStringLiteral("e2e-day.png"), 640, 360)}));
        QVERIFY(dragAndDrop(inputs->lastFrameZone(),
                            {image(QStringLiteral("e2e-night.png"), 640, 360, qRgb(10, 10, 50))}));
        QTRY_VERIFY_WITH_TIMEOUT(editor->canGenerate(), 15000);
        QCOMPARE(app.jobStore()->jobs().size(), 0); // the refused extend sent nothing
        QCOMPARE(app.sandboxHost()->stats().uploads, before.uploads);
        QCOMPARE(app.sandboxHost()->stats().generationsCreated, before.generationsCreated);
        QTest::mouseClick(child<QPushButton>(editor, "generateButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.jobStore()->jobs().size(), 1, 10000);
        // The upload of both frames is shown under the pair, and the bar goes once all is sent.
        auto* bar = child<QProgressBar>(inputs->lastFrameZone(), "uploadProgress");
        QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > 0 && bar->value() == bar->maximum(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(app.jobStore()->jobs().constFirst().state, JobState::Done, 30000);
        const Job done = app.jobStore()->jobs().constFirst();
        QCOMPARE(done.request.mode, GenerationMode::Transition);
        QVERIFY(!done.request.imagePath(RequestImage::Role::FirstFrame).isEmpty());
        QVERIFY(!done.request.imagePath(RequestImage::Role::LastFrame).isEmpty());
        QVERIFY(QFileInfo::exists(done.videoPath));
        const sandbox::SandboxStats after = app.sandboxHost()->stats();
        QCOMPARE(after.uploads - before.uploads, 2);
        QCOMPARE(after.mediaUploads, before.mediaUploads);
        QCOMPARE(after.generationsCreated - before.generationsCreated, 1);
        // No upload bar is left in the composer once the job is done.
        const QList<QProgressBar*> bars =
            inputs->findChildren<QProgressBar*>(QStringLiteral("uploadProgress"));
        QCOMPARE(bars.size(), 4); // the image, both frames, the video to extend
        for (const QProgressBar* left : bars)
            QVERIFY(!left->isVisible());
    }
};

QTEST_MAIN(TestComposerModes)
#include "tst_composer_modes.moc"
