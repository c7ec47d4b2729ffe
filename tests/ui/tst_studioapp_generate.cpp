// The whole app as `pixverse-studio --sandbox` runs it: a prompt typed into the real editor and
// Ctrl+Enter become a job in the signed-in account's store, which ends with the video in the
// library; an image dropped into the drop zone is uploaded with its progress shown. And the main
// flow without a mouse: sign in, write a prompt, generate, play (issue 7), the gallery and the
// window title following the job (issue 6).
#include "app/gui/StudioApp.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"
#include "core/sandbox/SandboxHost.h"
#include "core/settings/AppSettings.h"
#include "tests/support/StudioSandbox.h"
#include "ui/DesktopNotifier.h"
#include "ui/ImageDropZone.h"
#include "ui/JobGalleryView.h"
#include "ui/JobsPane.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/PromptEditor.h"
#include "ui/VideoPlayer.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDropEvent>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMediaMetaData>
#include <QMediaPlayer>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>

using namespace pixverse;
using pixverse::test::embeddedSandbox;

class TestStudioAppGenerate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The window's composer remembers its settings in the app's own QSettings: each test starts
    // from a first run.
    void init() { QSettings().clear(); }
    void typedPromptBecomesAVideo();
    void v6ClipWithSoundFromTheWindow();
    void keyboardOnlyMainFlow();
    void webAccountVideosAppearAndPlayOnDemand();
};

void TestStudioAppGenerate::typedPromptBecomesAVideo() {
    QTemporaryDir dir;
    const StudioOptions options = embeddedSandbox(dir);
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
    QTRY_VERIFY_WITH_TIMEOUT(progress->maximum() > 0 && progress->value() == progress->maximum(),
                             15000);
    QTRY_COMPARE_WITH_TIMEOUT(app.jobStore()->jobs().last().state, JobState::Done, 30000);
    QVERIFY(app.jobStore()->jobs().last().isImageToVideo());
    // A 4:3 image at 540p on V6, the first run's model: the video follows the image, with the
    // long edge of the quality (§2.11).
    QCOMPARE(app.jobStore()->jobs().last().request.model, QStringLiteral("v6"));
    QCOMPARE(app.jobStore()->jobs().last().videoWidth, 1024);
    QCOMPARE(app.jobStore()->jobs().last().videoHeight, 768);
}

// Issue 15: a V6 clip of 12 s at 720p in 21:9 with sound, made from the window as a creator would
// (the controls driven with the keyboard and the mouse): the editor prices it at 12 credits/s ×
// 12 s = 144 (pixverse-api.md §2.9), the sandbox charges exactly that, and the saved file is
// 1280×548 (the long-edge rule of §2.11) and has an audio stream when decoded.
void TestStudioAppGenerate::v6ClipWithSoundFromTheWindow() {
    QTemporaryDir dir;
    const StudioOptions options = embeddedSandbox(dir);
    StudioApp app(options);
    QVERIFY(app.start());
    MainWindow* window = app.window();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTRY_VERIFY_WITH_TIMEOUT(app.jobEngine() != nullptr, 15000);
    PromptEditor* editor = window->promptEditor();
    QTRY_VERIFY_WITH_TIMEOUT(editor->balance().has_value(), 15000);
    const qint64 before = *editor->balance();

    // The first run starts on V6; the settings as a creator sets them.
    auto* model = window->findChild<QComboBox*>(QStringLiteral("modelCombo"));
    auto* slider = window->findChild<QSlider*>(QStringLiteral("durationSlider"));
    auto* quality = window->findChild<QComboBox*>(QStringLiteral("qualityCombo"));
    auto* aspect = window->findChild<QComboBox*>(QStringLiteral("aspectRatioCombo"));
    auto* sound = window->findChild<QCheckBox*>(QStringLiteral("switch_audio"));
    auto* cost = window->findChild<QLabel*>(QStringLiteral("costLabel"));
    QVERIFY(model && slider && quality && aspect && sound && cost);
    QCOMPARE(model->currentData().toString(), QStringLiteral("v6"));
    QVERIFY(slider->isVisible());
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_End); // 15 s
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(slider, Qt::Key_Left);
    QCOMPARE(editor->request().duration, 12);
    quality->setCurrentIndex(quality->findData(QStringLiteral("720p")));
    aspect->setCurrentIndex(aspect->findData(QStringLiteral("21:9")));
    QVERIFY(sound->isVisible() && sound->isEnabled());
    QTest::mouseClick(sound, Qt::LeftButton, {}, QPoint(8, sound->height() / 2));
    QVERIFY(sound->isChecked());
    QCOMPARE(cost->text(), QStringLiteral("Cost: 12 credits/s with sound × 12 s = 144 credits"));
    QCOMPARE(editor->cost(), std::optional<int>(144));

    QWidget* prompt = window->findChild<QWidget*>(QStringLiteral("promptEdit"));
    prompt->setFocus();
    QTest::keyClicks(prompt, QStringLiteral("Waves on a pebble beach, the sound of the surf"));
    QTRY_VERIFY(editor->canGenerate());
    QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(app.jobStore()->jobs().size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(app.jobStore()->jobs().first().state, JobState::Done, 30000);
    const Job done = app.jobStore()->jobs().first();
    QCOMPARE(done.request.model, QStringLiteral("v6"));
    QCOMPARE(done.request.duration, 12);
    QCOMPARE(done.request.quality, QStringLiteral("720p"));
    QCOMPARE(done.request.aspectRatio, QStringLiteral("21:9"));
    QVERIFY(done.request.audio);
    QCOMPARE(done.request.mode, GenerationMode::TextToVideo);
    QVERIFY(QFileInfo::exists(done.videoPath));
    QCOMPARE(QSize(done.videoWidth, done.videoHeight), QSize(1280, 548));

    // Exactly the per-second price × 12 left the balance (the engine fetches it after the
    // submit; the window shows what it fetched).
    QTRY_COMPARE_WITH_TIMEOUT(editor->balance(), std::optional<qint64>(before - 144), 15000);

    // The saved file decodes, with a picture of that size and an audio stream.
    QMediaPlayer player;
    player.setSource(QUrl::fromLocalFile(done.videoPath));
    QTRY_VERIFY_WITH_TIMEOUT(player.mediaStatus() == QMediaPlayer::LoadedMedia ||
                                 player.mediaStatus() == QMediaPlayer::InvalidMedia,
                             15000);
    QCOMPARE(player.mediaStatus(), QMediaPlayer::LoadedMedia);
    QVERIFY(player.hasVideo());
    QVERIFY2(player.hasAudio(), "the clip of a generation with sound has no audio stream");
    QVERIFY(!player.audioTracks().isEmpty());
    QCOMPARE(player.metaData().value(QMediaMetaData::Resolution).toSize(), QSize(1280, 548));
}

namespace {
//! Where the keyboard is now: key presses go to the focused widget, as they would from a keyboard.
QWidget* focused() {
    QWidget* widget = QApplication::focusWidget();
    return widget ? widget : QApplication::activeWindow();
}
void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    QWidget* target = focused();
    QVERIFY2(target, "nothing has the keyboard focus");
    QTest::keyClick(target, Qt::Key(key), modifiers);
}
} // namespace

void TestStudioAppGenerate::keyboardOnlyMainFlow() {
    QTemporaryDir dir;
    StudioOptions options;
    options.installLog = false;
    options.dataDir = dir.filePath(QStringLiteral("data"));
    options.settingsFile = dir.filePath(QStringLiteral("app.ini"));
    options.keychainService = QStringLiteral("io.github.pixverse-studio.test-keyboard");
    options.sandboxConfig.generationMs = 1500;
    {
        AppSettings settings(options.settingsFile);
        settings.setLibraryFolder(dir.filePath(QStringLiteral("library")));
    }
    StudioApp app(options);
    QSignalSpy dialogs(&app, &StudioApp::loginDialogShown);
    QVERIFY(app.start());
    MainWindow* window = app.window();
    QVERIFY(QTest::qWaitForWindowExposed(window));

    // Nothing remembered: the sign-in dialog opens, with the keyboard in it.
    QTRY_COMPARE_WITH_TIMEOUT(dialogs.count(), 1, 10000);
    LoginDialog* dialog = app.loginDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    QTRY_VERIFY(focused() && focused()->window() == dialog);
    // Alt+R: do not remember (this run has no keychain); Alt+S: the offline sandbox, which fills
    // in its key; Enter: Sign in, the default button.
    auto* remember = dialog->findChild<QCheckBox*>(QStringLiteral("rememberCheck"));
    auto* sandboxCheck = dialog->findChild<QCheckBox*>(QStringLiteral("sandboxCheck"));
    QVERIFY(remember && sandboxCheck);
    if (remember->isChecked())
        press(Qt::Key_R, Qt::AltModifier);
    QTRY_VERIFY(!remember->isChecked()); // a mnemonic "clicks" after a short animation
    press(Qt::Key_S, Qt::AltModifier);
    QTRY_VERIFY_WITH_TIMEOUT(sandboxCheck->isChecked(), 10000);
    QVERIFY(!dialog->findChild<QLineEdit*>(QStringLiteral("apiKeyEdit"))->text().isEmpty());
    press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(app.jobEngine() != nullptr, 15000);
    QTRY_VERIFY(!app.loginDialog());
    QVERIFY(window->jobsPane()->store() == app.jobStore());

    // Ctrl+1: to the prompt; type; Ctrl+Enter generates.
    QVERIFY(QTest::qWaitForWindowActive(window));
    press(Qt::Key_1, Qt::ControlModifier);
    QWidget* prompt = window->findChild<QWidget*>(QStringLiteral("promptEdit"));
    QTRY_COMPARE(focused(), prompt);
    QTest::keyClicks(focused(), QStringLiteral("A kite over the dunes at dawn"));
    QTRY_VERIFY(window->promptEditor()->canGenerate());
    press(Qt::Key_Return, Qt::ControlModifier);

    // The job appears in the gallery and the title counts it while it runs.
    JobsPane* pane = window->jobsPane();
    QTRY_COMPARE_WITH_TIMEOUT(pane->view()->model()->rowCount(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(window->windowTitle().contains(QStringLiteral("(1 running)")), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(app.jobStore()->jobs().constFirst().state, JobState::Done, 30000);
    QTRY_COMPARE(window->windowTitle(), QStringLiteral("PixVerse Studio"));
    // The first frame was made into the card's thumbnail and cached beside the store.
    QTRY_VERIFY_WITH_TIMEOUT(
        !app.jobStore()->jobs().constFirst().thumbnailPath.isEmpty() &&
            QFileInfo::exists(app.jobStore()->jobs().constFirst().thumbnailPath),
        15000);

    // Ctrl+2: to the gallery, on the newest job; Enter plays it.
    press(Qt::Key_2, Qt::ControlModifier);
    QTRY_COMPARE(focused(), static_cast<QWidget*>(pane->view()));
    QVERIFY(pane->view()->currentIndex().isValid());
    press(Qt::Key_Return);
    QTRY_VERIFY(pane->isPlayerVisible());
    QMediaPlayer* media = pane->player()->mediaPlayer();
    QTRY_COMPARE_WITH_TIMEOUT(media->playbackState(), QMediaPlayer::PlayingState, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(media->position() > 0, 15000);
    QCOMPARE(pane->player()->path(), app.jobStore()->jobs().constFirst().videoPath);

    // Ctrl+E on the card: its settings back in the editor.
    window->promptEditor()->setRequest(GenerationRequest{});
    press(Qt::Key_2, Qt::ControlModifier);
    QTRY_COMPARE(focused(), static_cast<QWidget*>(pane->view()));
    QSignalSpy reused(pane, &JobsPane::reuseRequested);
    press(Qt::Key_E, Qt::ControlModifier);
    QTRY_COMPARE(reused.count(), 1);
    QTRY_COMPARE(window->promptEditor()->request().prompt,
                 QStringLiteral("A kite over the dunes at dawn"));
}

// A PixVerse account that already has videos (made on the website): after signing in they are
// in the gallery, "On PixVerse", nothing downloaded; playing one saves it first, then plays it.
void TestStudioAppGenerate::webAccountVideosAppearAndPlayOnDemand() {
    QTemporaryDir dir;
    StudioOptions options;
    options.installLog = false;
    options.dataDir = dir.filePath(QStringLiteral("data"));
    options.settingsFile = dir.filePath(QStringLiteral("app.ini"));
    options.keychainService = QStringLiteral("io.github.pixverse-studio.test-web-import");
    {
        AppSettings settings(options.settingsFile);
        settings.setLibraryFolder(dir.filePath(QStringLiteral("library")));
    }
    StudioApp app(options);
    QSignalSpy dialogs(&app, &StudioApp::loginDialogShown);
    QVERIFY(app.start());
    MainWindow* window = app.window();
    QTRY_COMPARE_WITH_TIMEOUT(dialogs.count(), 1, 10000);
    LoginDialog* dialog = app.loginDialog();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    dialog->findChild<QTabWidget*>(QStringLiteral("loginTabs"))
        ->setCurrentIndex(1); // PixVerse account
    dialog->findChild<QCheckBox*>(QStringLiteral("rememberCheck"))->setChecked(false);
    dialog->findChild<QCheckBox*>(QStringLiteral("sandboxCheck"))->setChecked(true);
    QVERIFY(app.sandboxHost());
    sandbox::SandboxAccountVideos made;
    made.email = options.sandboxConfig.webAccounts.constFirst().first;
    made.count = 3;
    made.prompt = QStringLiteral("Made on the website, take %1");
    QCOMPARE(app.sandboxHost()->addAccountVideos(made).size(), 3);
    const qint64 mediaBefore = app.sandboxHost()->stats().mediaRequests;
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("signInButton")),
                      Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(app.jobEngine() != nullptr, 15000);
    JobsPane* pane = window->jobsPane();
    QTRY_COMPARE_WITH_TIMEOUT(pane->model()->rowCount(), 3, 15000);
    const QPersistentModelIndex newest = pane->view()->model()->index(0, 0);
    QCOMPARE(newest.data(JobListModel::PromptRole).toString(),
             QStringLiteral("Made on the website, take 3"));
    QCOMPARE(newest.data(JobListModel::StatusTextRole).toString(), QStringLiteral("On PixVerse"));
    QVERIFY(newest.data(JobListModel::OnServiceOnlyRole).toBool());
    QCOMPARE(app.sandboxHost()->stats().mediaRequests, mediaBefore); // nothing downloaded
    QVERIFY(QDir(dir.filePath(QStringLiteral("library")))
                .entryList({QStringLiteral("*.mp4")})
                .isEmpty());
    window->focusGallery();
    QCOMPARE(pane->action(JobsPane::Action::Redownload)->text(), QStringLiteral("&Download"));
    QVERIFY(pane->action(JobsPane::Action::Play)->isEnabled());

    // Play: saved into the library, then played from there.
    pane->action(JobsPane::Action::Play)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(pane->isPlayerVisible(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(pane->player()->mediaPlayer()->playbackState(),
                              QMediaPlayer::PlayingState, 15000);
    const qint64 id = newest.data(JobListModel::IdRole).toLongLong();
    const Job saved = *app.jobStore()->job(id);
    QVERIFY(saved.imported);
    QVERIFY(QFileInfo::exists(saved.videoPath));
    QVERIFY(saved.videoPath.startsWith(dir.filePath(QStringLiteral("library"))));
    QCOMPARE(pane->player()->path(), saved.videoPath);
    QCOMPARE(newest.data(JobListModel::StatusTextRole).toString(), QStringLiteral("Done"));
    // The other two stay on the service.
    QCOMPARE(
        QDir(dir.filePath(QStringLiteral("library"))).entryList({QStringLiteral("*.mp4")}).size(),
        1);
}

QTEST_MAIN(TestStudioAppGenerate)
#include "tst_studioapp_generate.moc"
