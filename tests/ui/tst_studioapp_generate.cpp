// The whole app as `pixverse-studio --sandbox` runs it: a prompt typed into the real editor and
// Ctrl+Enter become a job in the signed-in account's store, which ends with the video in the
// library; an image dropped into the drop zone is uploaded with its progress shown.
#include "app/gui/StudioApp.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobStore.h"
#include "core/settings/AppSettings.h"
#include "ui/ImageDropZone.h"
#include "ui/MainWindow.h"
#include "ui/PromptEditor.h"

#include <QDropEvent>
#include <QImage>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>

using namespace pixverse;

class TestStudioAppGenerate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void typedPromptBecomesAVideo();
};

void TestStudioAppGenerate::typedPromptBecomesAVideo() {
    QTemporaryDir dir;
    StudioOptions options;
    options.sandbox = true;
    options.installLog = false;
    options.dataDir = dir.filePath(QStringLiteral("data"));
    options.settingsFile = dir.filePath(QStringLiteral("app.ini"));
    options.sandboxConfig.generationMs = 300;
    {
        AppSettings settings(options.settingsFile);
        settings.setLibraryFolder(dir.filePath(QStringLiteral("library")));
    }
    StudioApp app(options);
    QSignalSpy engines(&app, &StudioApp::jobEngineStarted);
    QVERIFY(app.start());
    MainWindow* window = app.window();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTRY_VERIFY_WITH_TIMEOUT(app.jobEngine() != nullptr, 15000);
    QCOMPARE(engines.count(), 1);

    // Keyboard only: type the prompt, Ctrl+Enter.
    QWidget* prompt = window->findChild<QWidget*>(QStringLiteral("promptEdit"));
    QVERIFY(prompt);
    prompt->setFocus();
    QTest::keyClicks(prompt, QStringLiteral("A paper lantern drifting over a lake"));
    QTRY_VERIFY(window->promptEditor()->canGenerate());
    QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(app.jobStore()->jobs().size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(app.jobStore()->jobs().first().state, JobState::Done, 30000);
    const Job done = app.jobStore()->jobs().first();
    QVERIFY(QFileInfo::exists(done.videoPath));
    QVERIFY(done.videoPath.startsWith(dir.filePath(QStringLiteral("library"))));
    QCOMPARE(done.request.prompt, QStringLiteral("A paper lantern drifting over a lake"));

    // Image-to-video: the dropped image is uploaded and the drop zone shows the progress.
    QImage picture(1200, 900, QImage::Format_RGB32);
    picture.fill(QColor(200, 120, 30));
    const QString image = dir.filePath(QStringLiteral("lantern.png"));
    QVERIFY(picture.save(image));
    ImageDropZone* zone = window->imageDropZone();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(image)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(zone, &enter);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(zone, &drop);
    QTRY_VERIFY_WITH_TIMEOUT(zone->image().has_value(), 15000);
    QTRY_VERIFY(window->promptEditor()->canGenerate());
    auto* progress = zone->findChild<QProgressBar*>(QStringLiteral("uploadProgress"));
    QVERIFY(progress);
    QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(app.jobStore()->jobs().size(), 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(progress->maximum() > 0 && progress->value() == progress->maximum(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(app.jobStore()->jobs().last().state, JobState::Done, 30000);
    QVERIFY(app.jobStore()->jobs().last().isImageToVideo());
    // 4:3 image at 540p: the video follows the image.
    QCOMPARE(app.jobStore()->jobs().last().videoWidth, 720);
}

QTEST_MAIN(TestStudioAppGenerate)
#include "tst_studioapp_generate.moc"
