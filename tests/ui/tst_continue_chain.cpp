// Issue 16, "Done when" first point: from the window, against the embedded sandbox, a take is
// continued shot after shot — extend it, take its last frame, image-to-video from that frame,
// upscale, add sound — each a job with the right parent (store and sidecar), each file decoded.
// And a lip sync from its dialog (speaker list and text), refused inputs that send nothing, and a
// website account whose API lacks these modes: the actions are disabled and say why.
#include "app/gui/StudioApp.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"
#include "core/media/MediaProbe.h"
#include "core/sandbox/SandboxHost.h"
#include "core/settings/AppSettings.h"
#include "ui/ImageDropZone.h"
#include "ui/JobGalleryView.h"
#include "ui/JobsPane.h"
#include "ui/LipSyncDialog.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/PromptEditor.h"
#include "ui/SoundEffectDialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDataStream>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;

namespace {

constexpr int kJobTimeout = 60000;

//! `pixverse-studio --sandbox` in `dir`: its data, settings and library there, quick generations.
StudioOptions embeddedSandbox(const QTemporaryDir& dir) {
    StudioOptions options;
    options.sandbox = true;
    options.installLog = false;
    options.dataDir = dir.filePath(QStringLiteral("data"));
    options.settingsFile = dir.filePath(QStringLiteral("app.ini"));
    options.sandboxConfig.generationMs = 300;
    AppSettings settings(options.settingsFile);
    settings.setLibraryFolder(dir.filePath(QStringLiteral("library")));
    return options;
}

MediaFacts probed(const QString& path) {
    const MediaProbeResult result = probeMedia(path);
    if (!result.facts)
        qWarning("%s", qPrintable(result.error));
    return result.facts.value_or(MediaFacts{});
}

//! The sidecar's `parent.job_id` (JobLibrary::sidecarFor).
qint64 sidecarParent(const Job& job) {
    QFile file(job.sidecarPath);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QJsonObject sidecar = QJsonDocument::fromJson(file.readAll()).object();
    return sidecar.value(QStringLiteral("parent"))
        .toObject()
        .value(QStringLiteral("job_id"))
        .toInteger(-1);
}

//! A real PCM WAV file of `seconds` of a quiet tone (8 kHz mono 16 bit).
bool writeWav(const QString& path, int seconds) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const quint32 rate = 8000;
    const quint32 samples = rate * quint32(seconds);
    QDataStream out(&file);
    out.setByteOrder(QDataStream::LittleEndian);
    out.writeRawData("RIFF", 4);
    out << quint32(36 + samples * 2);
    out.writeRawData("WAVEfmt ", 8);
    out << quint32(16) << quint16(1) << quint16(1) << rate << quint32(rate * 2) << quint16(2)
        << quint16(16);
    out.writeRawData("data", 4);
    out << quint32(samples * 2);
    for (quint32 i = 0; i < samples; ++i)
        out << qint16((i / 10) % 2 ? 800 : -800);
    return out.status() == QDataStream::Ok;
}

} // namespace

class TestContinueChain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { QSettings().clear(); }
    void aTakeContinuedFiveTimes();
    void lipSyncFromTheDialog();
    void refusedInputsSendNothing();
    void webAccountCannotContinue();

private:
    //! The job the gallery added last, once it is finished.
    static Job waitForNewJob(StudioApp& app, int count);
    static LipSyncDialog* openLipSync(StudioApp& app, const QString& words, Job* take);
};

Job TestContinueChain::waitForNewJob(StudioApp& app, int count) {
    // QTRY_* return from the function they are in: each waits in a lambda of its own, and a
    // timeout gives an empty Job, which the caller's state check reports.
    [&] { QTRY_COMPARE_WITH_TIMEOUT(app.jobStore()->jobs().size(), count, 15000); }();
    if (app.jobStore()->jobs().size() < count)
        return {};
    const qint64 id = app.jobStore()->jobs().last().id;
    [&] { QTRY_VERIFY_WITH_TIMEOUT(isTerminal(app.jobStore()->job(id)->state), kJobTimeout); }();
    const Job job = *app.jobStore()->job(id);
    if (job.state != JobState::Done)
        qWarning("job %lld: %s", job.id, qPrintable(job.errorMessage));
    return job;
}

void TestContinueChain::aTakeContinuedFiveTimes() {
    QTemporaryDir dir;
    StudioApp app(embeddedSandbox(dir));
    QVERIFY(app.start());
    MainWindow* window = app.window();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTRY_VERIFY_WITH_TIMEOUT(app.jobEngine() != nullptr, 15000);
    JobsPane* pane = window->jobsPane();
    PromptEditor* editor = window->promptEditor();
    QWidget* prompt = window->findChild<QWidget*>(QStringLiteral("promptEdit"));
    QVERIFY(prompt);
    auto generate = [&] {
        QTRY_VERIFY_WITH_TIMEOUT(editor->canGenerate(), 15000);
        prompt->setFocus();
        QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
    };
    auto act = [&](qint64 on, JobsPane::Action which) {
        QVERIFY(pane->view()->selectJob(on));
        QAction* action = pane->action(which);
        QVERIFY2(action->isEnabled(), qPrintable(action->toolTip()));
        action->trigger();
    };

    // 1. Text to video.
    prompt->setFocus();
    QTest::keyClicks(prompt, QStringLiteral("A red kite over green dunes, wide shot"));
    generate();
    const Job take = waitForNewJob(app, 1);
    QCOMPARE(take.state, JobState::Done);
    const MediaFacts takeFacts = probed(take.videoPath);
    QVERIFY(takeFacts.hasVideo);

    // 2. Extend it: the composer gets the take as its source; Generate.
    act(take.id, JobsPane::Action::Extend);
    QTRY_COMPARE(editor->request().mode, GenerationMode::Extend);
    QCOMPARE(editor->request().sourceVideoId, take.videoId);
    generate();
    const Job extended = waitForNewJob(app, 2);
    QCOMPARE(extended.state, JobState::Done);
    QCOMPARE(extended.request.mode, GenerationMode::Extend);
    QCOMPARE(extended.request.parentJobId, take.id);
    const MediaFacts extendedFacts = probed(extended.videoPath);
    QVERIFY2(extendedFacts.seconds > takeFacts.seconds + 0.5,
             qPrintable(QStringLiteral("%1 s after extend, %2 s before")
                            .arg(extendedFacts.seconds)
                            .arg(takeFacts.seconds)));

    // 3. Its last frame becomes the next start: image to video from it.
    act(extended.id, JobsPane::Action::LastFrameToStart);
    const QString frame =
        QDir(app.dataDir()).filePath(QStringLiteral("frames/%1.png").arg(extended.id));
    QTRY_VERIFY_WITH_TIMEOUT(window->imageDropZone()->image().has_value(), 15000);
    QVERIFY(QFileInfo::exists(frame));
    QCOMPARE(QImage(frame).size(), QSize(extendedFacts.width, extendedFacts.height));
    QTRY_COMPARE(editor->request().mode, GenerationMode::ImageToVideo);
    generate();
    const Job fromFrame = waitForNewJob(app, 3);
    QCOMPARE(fromFrame.state, JobState::Done);
    QCOMPARE(fromFrame.request.mode, GenerationMode::ImageToVideo);
    QCOMPARE(fromFrame.request.parentJobId, extended.id);

    // 4. Upscale: a confirmation with the price line, then a job.
    act(fromFrame.id, JobsPane::Action::Upscale);
    QMessageBox* confirm = nullptr;
    QTRY_VERIFY((confirm = pane->findChild<QMessageBox*>(QStringLiteral("upscaleConfirmBox"))));
    QVERIFY(!confirm->informativeText().isEmpty());
    QTest::mouseClick(confirm->findChild<QPushButton*>(QStringLiteral("upscaleButton")),
                      Qt::LeftButton);
    const Job upscaled = waitForNewJob(app, 4);
    QCOMPARE(upscaled.state, JobState::Done);
    QCOMPARE(upscaled.request.mode, GenerationMode::Upscale);
    QCOMPARE(upscaled.request.parentJobId, fromFrame.id);
    const MediaFacts fromFrameFacts = probed(fromFrame.videoPath);
    const MediaFacts upscaledFacts = probed(upscaled.videoPath);
    QVERIFY2(upscaledFacts.width > fromFrameFacts.width &&
                 upscaledFacts.height > fromFrameFacts.height,
             qPrintable(QStringLiteral("%1×%2 from %3×%4")
                            .arg(upscaledFacts.width)
                            .arg(upscaledFacts.height)
                            .arg(fromFrameFacts.width)
                            .arg(fromFrameFacts.height)));

    // 5. A sound effect with a description.
    act(upscaled.id, JobsPane::Action::SoundEffect);
    SoundEffectDialog* sound = nullptr;
    QTRY_VERIFY((sound = pane->findChild<SoundEffectDialog*>()));
    QVERIFY(QTest::qWaitForWindowExposed(sound));
    QTest::keyClicks(sound->findChild<QLineEdit*>(QStringLiteral("soundDescriptionEdit")),
                     QStringLiteral("wind over the dunes"));
    QVERIFY(!sound->findChild<QLabel*>(QStringLiteral("soundCostLabel"))->text().isEmpty());
    QTest::mouseClick(sound->findChild<QPushButton*>(QStringLiteral("addSoundButton")),
                      Qt::LeftButton);
    const Job withSound = waitForNewJob(app, 5);
    QCOMPARE(withSound.state, JobState::Done);
    QCOMPARE(withSound.request.mode, GenerationMode::SoundEffect);
    QCOMPARE(withSound.request.prompt, QStringLiteral("wind over the dunes"));
    QCOMPARE(withSound.request.parentJobId, upscaled.id);
    QVERIFY(!probed(upscaled.videoPath).hasAudio);
    QVERIFY2(probed(withSound.videoPath).hasAudio, "the clip with a sound effect has no audio");

    // Five new jobs, each naming its parent in the store and in its sidecar.
    const QList<Job> chain{extended, fromFrame, upscaled, withSound};
    qint64 parent = take.id;
    for (const Job& job : chain) {
        QCOMPARE(app.jobStore()->job(job.id)->request.parentJobId, parent);
        QCOMPARE(sidecarParent(*app.jobStore()->job(job.id)), parent);
        parent = job.id;
    }
    QCOMPARE(app.jobStore()->lineage(take.id).size(), 5);

    // The card of the last one links to its parent.
    const QModelIndex last = pane->model()->indexOf(withSound.id);
    QVERIFY(last.data(JobListModel::ParentTextRole).toString().startsWith(QStringLiteral("from")));
}

//! Starts the window, makes a take of `words` and opens "Lip Sync…" on it; null when a step
//! failed (the failure is reported).
LipSyncDialog* TestContinueChain::openLipSync(StudioApp& app, const QString& words, Job* take) {
    bool started = false;
    [&] {
        QVERIFY(app.start());
        QVERIFY(QTest::qWaitForWindowExposed(app.window()));
        QTRY_VERIFY_WITH_TIMEOUT(app.jobEngine() != nullptr, 15000);
        QWidget* prompt = app.window()->findChild<QWidget*>(QStringLiteral("promptEdit"));
        prompt->setFocus();
        QTest::keyClicks(prompt, words);
        QTRY_VERIFY(app.window()->promptEditor()->canGenerate());
        QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
        started = true;
    }();
    if (!started)
        return nullptr;
    *take = waitForNewJob(app, 1);
    JobsPane* pane = app.window()->jobsPane();
    if (take->state != JobState::Done || !pane->view()->selectJob(take->id))
        return nullptr;
    pane->action(JobsPane::Action::LipSync)->trigger();
    LipSyncDialog* dialog = nullptr;
    [&] {
        QTRY_VERIFY((dialog = pane->findChild<LipSyncDialog*>()));
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
    }();
    return dialog;
}

void TestContinueChain::lipSyncFromTheDialog() {
    QTemporaryDir dir;
    StudioApp app(embeddedSandbox(dir));
    Job take;
    LipSyncDialog* dialog =
        openLipSync(app, QStringLiteral("A news presenter looks into the camera"), &take);
    QVERIFY(dialog);
    // The voices come from the service's speaker list.
    QTRY_VERIFY_WITH_TIMEOUT(dialog->hasSpeakers(), 15000);
    auto* speakers = dialog->findChild<QComboBox*>(QStringLiteral("speakerCombo"));
    QVERIFY(speakers->count() >= 15);
    const int james = speakers->findText(QStringLiteral("James"));
    QVERIFY(james >= 0);
    speakers->setCurrentIndex(james);
    const QString jamesId = speakers->itemData(james).toString();
    auto* ok = dialog->findChild<QPushButton*>(QStringLiteral("lipSyncButton"));
    QVERIFY(!ok->isEnabled()); // no text yet
    // 30 bytes of UTF-8: 2 × 4 credits (§2.9), priced while typing.
    QTest::keyClicks(dialog->findChild<QPlainTextEdit*>(QStringLiteral("speechTextEdit")),
                     QStringLiteral("Good evening, here is the news"));
    QTRY_VERIFY(ok->isEnabled());
    QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("lipSyncCostLabel"))->text(),
             QStringLiteral("Cost: 8 credits"));
    const qint64 created = app.sandboxHost()->stats().generationsCreated;
    QTest::mouseClick(ok, Qt::LeftButton);
    const Job synced = waitForNewJob(app, 2);
    QCOMPARE(synced.state, JobState::Done);
    QCOMPARE(synced.request.mode, GenerationMode::LipSync);
    QCOMPARE(synced.request.speakerId, jamesId); // the dialog is gone: it closed on accepting
    QCOMPARE(synced.request.speechText, QStringLiteral("Good evening, here is the news"));
    QCOMPARE(synced.request.parentJobId, take.id);
    QCOMPARE(app.sandboxHost()->stats().generationsCreated, created + 1);
    // Lip sync keeps the source's picture.
    QCOMPARE(QSize(synced.videoWidth, synced.videoHeight),
             QSize(take.videoWidth, take.videoHeight));
}

void TestContinueChain::refusedInputsSendNothing() {
    QTemporaryDir dir;
    StudioApp app(embeddedSandbox(dir));
    Job take;
    LipSyncDialog* dialog = openLipSync(app, QStringLiteral("A singer on a small stage"), &take);
    QVERIFY(dialog);
    // Sends nothing: no upload, no generation (the speaker list may still be on its way).
    const sandbox::SandboxStats before = app.sandboxHost()->stats();
    auto* ok = dialog->findChild<QPushButton*>(QStringLiteral("lipSyncButton"));
    QSignalSpy checked(dialog, &LipSyncDialog::audioChecked);

    // Too long: 31 s of real audio, where PixVerse takes 30.
    const QString longWav = dir.filePath(QStringLiteral("speech-31s.wav"));
    QVERIFY(writeWav(longWav, 31));
    dialog->setAudioFile(longWav);
    QVERIFY(checked.wait(15000));
    QVERIFY2(dialog->audioError().contains(QStringLiteral("30")), qPrintable(dialog->audioError()));
    QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("audioStatusLabel"))->text(),
             dialog->audioError());
    QVERIFY(!ok->isEnabled());

    // Not audio: a picture named like an MP3.
    const QString notAudio = dir.filePath(QStringLiteral("speech.mp3"));
    QImage picture(32, 32, QImage::Format_RGB32);
    picture.fill(Qt::red);
    QVERIFY(picture.save(notAudio, "PNG"));
    dialog->setAudioFile(notAudio);
    QVERIFY(checked.wait(15000));
    QVERIFY(!dialog->audioError().isEmpty());
    QVERIFY(!ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(dialog->isVisible());

    // A good one is accepted and priced at 4 credits a second.
    const QString goodWav = dir.filePath(QStringLiteral("speech-3s.wav"));
    QVERIFY(writeWav(goodWav, 3));
    dialog->setAudioFile(goodWav);
    QVERIFY(checked.wait(15000));
    QVERIFY2(dialog->audioError().isEmpty(), qPrintable(dialog->audioError()));
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("lipSyncCostLabel"))->text(),
             QStringLiteral("Cost: 12 credits"));
    dialog->reject();

    // Nothing of it reached the service.
    QCOMPARE(app.sandboxHost()->stats().uploads, before.uploads);
    QCOMPARE(app.sandboxHost()->stats().generationsCreated, before.generationsCreated);
    QCOMPARE(app.jobStore()->jobs().size(), 1);
}

void TestContinueChain::webAccountCannotContinue() {
    QTemporaryDir dir;
    StudioOptions options;
    options.installLog = false;
    options.dataDir = dir.filePath(QStringLiteral("data"));
    options.settingsFile = dir.filePath(QStringLiteral("app.ini"));
    options.keychainService = QStringLiteral("io.github.pixverse-studio.test-continue-web");
    {
        AppSettings settings(options.settingsFile);
        settings.setLibraryFolder(dir.filePath(QStringLiteral("library")));
    }
    StudioApp app(options);
    QSignalSpy dialogs(&app, &StudioApp::loginDialogShown);
    QVERIFY(app.start());
    QTRY_COMPARE_WITH_TIMEOUT(dialogs.count(), 1, 10000);
    LoginDialog* login = app.loginDialog();
    login->findChild<QTabWidget*>(QStringLiteral("loginTabs"))->setCurrentIndex(1);
    login->findChild<QCheckBox*>(QStringLiteral("rememberCheck"))->setChecked(false);
    login->findChild<QCheckBox*>(QStringLiteral("sandboxCheck"))->setChecked(true);
    QVERIFY(app.sandboxHost());
    sandbox::SandboxAccountVideos made;
    made.email = options.sandboxConfig.webAccounts.constFirst().first;
    made.count = 1;
    made.prompt = QStringLiteral("Made on the website, take %1");
    QCOMPARE(app.sandboxHost()->addAccountVideos(made).size(), 1);
    QTest::mouseClick(login->findChild<QPushButton*>(QStringLiteral("signInButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(app.jobEngine() != nullptr, 15000);
    JobsPane* pane = app.window()->jobsPane();
    QTRY_COMPARE_WITH_TIMEOUT(pane->model()->rowCount(), 1, 15000);
    const qint64 id = pane->model()->jobId(0);
    QVERIFY(pane->view()->selectJob(id));
    const sandbox::SandboxStats before = app.sandboxHost()->stats();

    using A = JobsPane::Action;
    for (const A which : {A::Extend, A::Upscale, A::SoundEffect, A::LipSync}) {
        QAction* action = pane->action(which);
        QVERIFY(!action->isEnabled());
        QVERIFY2(action->toolTip().contains(QStringLiteral("platform API key")),
                 qPrintable(action->toolTip()));
        QCOMPARE(action->statusTip(), action->toolTip());
        // Listed in the Jobs menu, disabled.
        auto* menu = app.window()->findChild<QMenu*>(QStringLiteral("jobsMenu"));
        QVERIFY(menu->actions().contains(action));
    }
    // Asked anyway (a shortcut of a disabled action does nothing; the slots refuse too).
    pane->extendSelected();
    pane->upscaleSelected();
    pane->soundEffectForSelected();
    pane->lipSyncForSelected();
    QVERIFY(!pane->findChild<QDialog*>());
    QCOMPARE(app.sandboxHost()->stats().uploads, before.uploads);
    QCOMPARE(app.sandboxHost()->stats().generationsCreated, before.generationsCreated);
    QCOMPARE(app.jobStore()->jobs().size(), 1);
}

QTEST_MAIN(TestContinueChain)
#include "tst_continue_chain.moc"
