// Issue 18: the drop zone's "Uploading… 91.8 KB of 91.8 KB" bar stayed after the upload, even
// after the job was done. The bar followed the progress events only, and it went only when one
// said "all of it": an upload that ended otherwise (refused, failed, cancelled) left it standing.
// It follows the job now: it goes when the job it shows leaves Uploading. The whole app on the
// sandbox, as `pixverse-studio --sandbox` runs it.
#include "app/gui/StudioApp.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobStore.h"
#include "core/settings/AppSettings.h"
#include "ui/ComposerInputs.h"
#include "ui/ImageDropZone.h"
#include "ui/MainWindow.h"
#include "ui/PromptEditor.h"

#include <QApplication>
#include <QImage>
#include <QProgressBar>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;

namespace {

StudioOptions embeddedSandbox(const QTemporaryDir& dir) {
    StudioOptions options;
    options.sandbox = true;
    options.installLog = false;
    options.dataDir = dir.filePath(QStringLiteral("data"));
    options.settingsFile = dir.filePath(QStringLiteral("app.ini"));
    options.sandboxConfig.generationMs = 300;
    // The noisy frame below is refused by the service (500030), the plain ones pass.
    options.sandboxConfig.maxImageBytes = 1024 * 1024;
    AppSettings settings(options.settingsFile);
    settings.setLibraryFolder(dir.filePath(QStringLiteral("library")));
    return options;
}

//! A PNG of `size`: plain (a few KB) or noise (3 bytes a pixel: at 1000×1000 refused by the
//! sandbox above).
QString makePng(const QTemporaryDir& dir, const QString& name, QSize size, bool noise) {
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(40, 90, 160));
    if (noise) {
        QRandomGenerator random(18);
        for (int y = 0; y < image.height(); ++y) {
            auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
            for (int x = 0; x < image.width(); ++x)
                line[x] = 0xff000000u | (random.generate() & 0xffffffu);
        }
    }
    const QString path = dir.filePath(name);
    return image.save(path) ? path : QString();
}

//! Counts the times a widget is shown.
class ShowCounter : public QObject {
public:
    int shows = 0;
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Show)
            ++shows;
        return QObject::eventFilter(watched, event);
    }
};

QProgressBar* uploadBar(const DropSlot* slot) {
    return slot->findChild<QProgressBar*>(QStringLiteral("uploadProgress"));
}

} // namespace

class TestUploadBar : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { QSettings().clear(); }
    void theBarGoesWhenTheUploadEnds();
};

void TestUploadBar::theBarGoesWhenTheUploadEnds() {
    QTemporaryDir dir;
    StudioApp app(embeddedSandbox(dir));
    QVERIFY(app.start());
    MainWindow* window = app.window();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTRY_VERIFY_WITH_TIMEOUT(app.jobEngine() != nullptr, 15000);
    JobStore* store = app.jobStore();
    QSignalSpy progress(app.jobEngine(), &JobEngine::uploadProgress);
    auto generate = [&](int jobs) {
        QTRY_VERIFY(window->promptEditor()->canGenerate());
        QWidget* prompt = window->findChild<QWidget*>(QStringLiteral("promptEdit"));
        prompt->setFocus();
        QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(store->jobs().size(), jobs, 10000);
    };
    auto stateOfLast = [&] { return store->jobs().last().state; };

    // 1. A transition whose first frame the service refuses: its upload ends part of the way
    // through the job's inputs ("… of" both frames), and the job fails.
    ComposerInputs* inputs = window->composerInputs();
    QVERIFY(window->promptEditor()->setMode(GenerationMode::Transition));
    const QString noisy =
        makePng(dir, QStringLiteral("first.png"), QSize(1000, 1000), true); // ~3 MB
    const QString plain = makePng(dir, QStringLiteral("last.png"), QSize(1000, 1000), false);
    QVERIFY(!noisy.isEmpty() && !plain.isEmpty());
    inputs->firstFrameZone()->openFile(noisy);
    inputs->lastFrameZone()->openFile(plain);
    QTRY_VERIFY_WITH_TIMEOUT(inputs->firstFrameZone()->image().has_value() &&
                                 inputs->lastFrameZone()->image().has_value(),
                             15000);
    QProgressBar* framesBar = uploadBar(inputs->lastFrameZone()); // under the pair
    QVERIFY(framesBar);
    ShowCounter framesShown;
    framesBar->installEventFilter(&framesShown);
    QTest::keyClicks(window->findChild<QWidget*>(QStringLiteral("promptEdit")),
                     QStringLiteral("Day turns to night over a harbour"));
    generate(1);
    QTRY_COMPARE_WITH_TIMEOUT(stateOfLast(), JobState::Failed, 30000);
    QVERIFY2(!progress.isEmpty(), "nothing was uploaded");
    const QList<QVariant> last = progress.last();
    QVERIFY2(last.at(1).toLongLong() < last.at(2).toLongLong(),
             "the upload was expected to end part of the way");
    QVERIFY(framesShown.shows > 0); // it was there while the frame went up...
    QVERIFY2(framesBar->isHidden(), qPrintable(framesBar->text())); // ...and went with the job

    // 2. Image to video: the bar is there during the upload, gone once the job is past it.
    QVERIFY(window->promptEditor()->setMode(GenerationMode::ImageToVideo));
    ImageDropZone* zone = window->imageDropZone();
    // Some hundred KB, sent in several steps (one step of "all of it" never shows the bar).
    const QString medium = makePng(dir, QStringLiteral("start.png"), QSize(400, 400), true);
    QVERIFY(!medium.isEmpty());
    zone->openFile(medium);
    QTRY_VERIFY_WITH_TIMEOUT(zone->image().has_value(), 15000);
    QProgressBar* bar = uploadBar(zone);
    QVERIFY(bar);
    QVERIFY(bar->isHidden()); // a new job starts clean
    ShowCounter shown;
    bar->installEventFilter(&shown);
    progress.clear();
    generate(2);
    QTRY_VERIFY_WITH_TIMEOUT(
        stateOfLast() != JobState::Queued && stateOfLast() != JobState::Uploading, 30000);
    QVERIFY(!progress.isEmpty());
    QVERIFY(shown.shows > 0);
    QVERIFY2(bar->isHidden(), qPrintable(bar->text()));
    QTRY_COMPARE_WITH_TIMEOUT(stateOfLast(), JobState::Done, 30000);
    QVERIFY(bar->isHidden());
    QVERIFY(framesBar->isHidden());
}

QTEST_MAIN(TestUploadBar)
#include "tst_uploadbar.moc"
