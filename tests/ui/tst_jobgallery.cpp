// The jobs pane driven by QTest against the sandbox and a real JobEngine: a job made in the
// editor appears and moves through its states, plays on double-click and Enter, is reused,
// retried, cancelled, removed (with and without its file), dragged out as a file URL; the header
// filters and counts; 10,000 jobs scroll with a bounded thumbnail cache; screenshots of every
// state and of the player (written when PIXVERSE_SCREENSHOT_DIR is set).
#include "SampleJobs.h"
#include "core/jobs/JobFilterModel.h"
#include "core/jobs/JobListModel.h"
#include "core/jobs/ThumbnailCache.h"
#include "tests/core/jobs/BulkJobs.h"
#include "tests/core/jobs/JobTestFixture.h"
#include "tests/support/TestSupport.h"
#include "ui/JobCardDelegate.h"
#include "ui/JobGalleryView.h"
#include "ui/JobsPane.h"
#include "ui/PromptEditor.h"
#include "ui/ThumbnailMaker.h"
#include "ui/VideoPlayer.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMediaPlayer>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace pixverse;
using pixverse::test::JobTestBed;

namespace {

template <typename T> T* child(const QObject* parent, const char* name) {
    auto* w = parent->findChild<T*>(QLatin1String(name));
    if (!w)
        qFatal("no child named %s", name);
    return w;
}

constexpr int kJobTimeout = 20000;

//! Every state and status text each job showed, as the model reported it (one entry per change).
class StateRecorder {
public:
    explicit StateRecorder(const JobListModel* model) {
        auto record = [this, model](int first, int last) {
            for (int row = first; row <= last; ++row) {
                const QModelIndex index = model->index(row, 0);
                const qint64 id = index.data(JobListModel::IdRole).toLongLong();
                const auto state =
                    static_cast<JobState>(index.data(JobListModel::StateRole).toInt());
                if (m_states[id].isEmpty() || m_states[id].last() != state)
                    m_states[id] << state;
                m_texts[id] << index.data(JobListModel::StatusTextRole).toString();
            }
        };
        QObject::connect(
            model, &QAbstractItemModel::rowsInserted, &m_context,
            [record](const QModelIndex&, int first, int last) { record(first, last); });
        QObject::connect(model, &QAbstractItemModel::dataChanged, &m_context,
                         [record](const QModelIndex& from, const QModelIndex& to) {
                             record(from.row(), to.row());
                         });
    }
    QList<JobState> states(qint64 id) const { return m_states.value(id); }
    QStringList texts(qint64 id) const { return m_texts.value(id); }
    //! `expected` appears in this order (other states may come between).
    bool sawInOrder(qint64 id, const QList<JobState>& expected) const {
        qsizetype at = 0;
        for (const JobState state : m_states.value(id)) {
            if (at < expected.size() && state == expected.at(at))
                ++at;
        }
        return at == expected.size();
    }
    QString describe(qint64 id) const {
        QStringList names;
        for (const JobState state : m_states.value(id))
            names << jobStateId(state);
        return names.join(QStringLiteral(" → "));
    }

private:
    QObject m_context;
    QHash<qint64, QList<JobState>> m_states;
    QHash<qint64, QStringList> m_texts;
};

//! A sandbox, an engine over it and the pane, with the seams recorded.
struct Gallery {
    explicit Gallery(bool startEngine = true) {
        if (!bed.ok())
            return;
        engine = bed.makeEngine(bed.fastOptions(3));
        pane = std::make_unique<JobsPane>(bed.store.get(), engine);
        pane->thumbnailMaker()->setOutputDir(bed.dir.filePath(QStringLiteral("thumbnails")));
        pane->setFolderOpener([this](const QUrl& folder) {
            opened << folder;
            return true;
        });
        pane->resize(1000, 760);
        if (startEngine)
            engine->start();
    }
    ~Gallery() { pane.reset(); } // before the engine and the store it watches

    bool ok() const { return bed.ok() && pane; }
    JobGalleryView* view() const { return pane->view(); }
    QAction* action(JobsPane::Action which) const { return pane->action(which); }
    Job job(qint64 id) const { return bed.store->job(id).value_or(Job{}); }
    qint64 enqueue(const QString& prompt, const QString& image = {}) {
        GenerationRequest request = JobTestBed::request(prompt);
        request.setStartImage(image);
        const Result<Job> job = engine->enqueue(request);
        return job.ok() ? job.value->id : 0;
    }
    bool select(const QList<qint64>& ids) {
        view()->clearSelection();
        for (const qint64 id : ids) {
            const QModelIndex index =
                pane->filterModel()->mapFromSource(pane->model()->indexOf(id));
            if (!index.isValid())
                return false;
            view()->selectionModel()->select(index, QItemSelectionModel::Select);
            view()->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        }
        return true;
    }
    QRect cardRect(qint64 id) const {
        return view()->visualRect(pane->filterModel()->mapFromSource(pane->model()->indexOf(id)));
    }

    JobTestBed bed;
    JobEngine* engine = nullptr;
    std::unique_ptr<JobsPane> pane;
    QList<QUrl> opened;
};

} // namespace

class TestJobGallery : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void aJobFromTheEditorBecomesAVideo();
    void reuseFillsTheEditorImageIncluded();
    void aFailedJobCanBeRetried();
    void aVideoDeletedOnTheServiceSaysSo();
    void cancelAndRemoveQueuedJobs();
    void removeWithAndWithoutTheFile();
    void dragCarriesTheFileUrl();
    void actionsOnTheSelection();
    void headerFiltersAndCounts();
    void signOutAndIn();
    void tenThousandJobsScrollWithBoundedThumbnails();
    void cardsShowModeSoundDurationAndDeletion();
    void screenshots();

private:
    QString m_clips;
};

void TestJobGallery::initTestCase() {
    m_clips = test::clipsDir();
    QVERIFY2(QFileInfo::exists(QDir(m_clips).filePath(QStringLiteral("960x540.mp4"))),
             "the sample clips are missing: build pixverse_clips");
}

void TestJobGallery::aJobFromTheEditorBecomesAVideo() {
    Gallery g;
    QVERIFY2(g.ok(), qPrintable(g.bed.error));
    StateRecorder recorder(g.pane->model());
    QSignalSpy notified(g.pane.get(), &JobsPane::jobNotification);
    QSignalSpy running(g.pane.get(), &JobsPane::runningCountChanged);
    // The editor, wired as the main window wires it.
    PromptEditor editor(g.bed.dir.filePath(QStringLiteral("editor.ini")));
    connect(&editor, &PromptEditor::generateRequested, g.engine,
            [&g](const GenerationRequest& request) { g.engine->enqueue(request); });
    g.pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(g.pane.get()));
    QCOMPARE(g.view()->model()->rowCount(), 0);

    QTest::keyClicks(child<QPlainTextEdit>(&editor, "promptEdit"),
                     QStringLiteral("A lighthouse in a storm"));
    QVERIFY(editor.canGenerate());
    child<QPushButton>(&editor, "generateButton")->click();
    QCOMPARE(g.view()->model()->rowCount(), 1);
    const qint64 id = g.view()->model()->index(0, 0).data(JobListModel::IdRole).toLongLong();
    QCOMPARE(g.job(id).request.prompt, QStringLiteral("A lighthouse in a storm"));
    QTRY_COMPARE_WITH_TIMEOUT(g.job(id).state, JobState::Done, kJobTimeout);
    QVERIFY2(recorder.sawInOrder(id, {JobState::Queued, JobState::Generating, JobState::Downloading,
                                      JobState::Done}),
             qPrintable(recorder.describe(id)));
    QVERIFY2(recorder.texts(id)
                     .filter(QRegularExpression(QStringLiteral("^Generating \\d+:\\d\\d$")))
                     .size() >= 1,
             qPrintable(recorder.texts(id).join(u'|')));
    QTRY_COMPARE_WITH_TIMEOUT(notified.count(), 1, kJobTimeout);
    QCOMPARE(notified.first().at(0).toString(), QStringLiteral("Video ready"));
    QCOMPARE(notified.first().at(1).toString(), QStringLiteral("A lighthouse in a storm"));
    QVERIFY(running.count() >= 2);
    QCOMPARE(running.last().at(0).toInt(), 0);
    QCOMPARE(g.pane->runningCount(), 0);
    QCOMPARE(child<QLabel>(g.pane.get(), "jobCountsLabel")->text(), QStringLiteral("1 done"));

    // The thumbnail: the first frame, made off the GUI thread, shown from the cache.
    QTRY_VERIFY_WITH_TIMEOUT(!g.job(id).thumbnailPath.isEmpty(), kJobTimeout);
    const QString thumbnail = g.job(id).thumbnailPath;
    QVERIFY(thumbnail.startsWith(g.bed.dir.filePath(QStringLiteral("thumbnails"))));
    QCOMPARE(QImage(thumbnail).size(), QSize(480, 270));
    QTRY_VERIFY_WITH_TIMEOUT(g.pane->thumbnailCache()->contains(thumbnail), kJobTimeout);
    QCOMPARE(g.pane->thumbnailCache()->stats().loadsOnGuiThread, 0);
    // The cache folder was cleared: the card has it made again.
    QVERIFY(QFile::remove(thumbnail));
    g.pane->thumbnailCache()->invalidate(thumbnail);
    g.view()->viewport()->update();
    QTRY_VERIFY_WITH_TIMEOUT(g.pane->thumbnailCache()->hasFailed(thumbnail) ||
                                 QFileInfo::exists(thumbnail),
                             kJobTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(
        QFileInfo::exists(thumbnail) && g.pane->thumbnailCache()->contains(thumbnail), kJobTimeout);

    // Double-click plays it: the player reaches the playing state and its position advances.
    QSignalSpy played(g.pane.get(), &JobsPane::playRequested);
    QVERIFY(!g.pane->isPlayerVisible());
    // As a real double-click arrives: press, release, double-click, release.
    const QPoint card = g.cardRect(id).center();
    QTest::mouseClick(g.view()->viewport(), Qt::LeftButton, Qt::NoModifier, card);
    QTest::mouseDClick(g.view()->viewport(), Qt::LeftButton, Qt::NoModifier, card);
    QTest::mouseRelease(g.view()->viewport(), Qt::LeftButton, Qt::NoModifier, card);
    QTRY_COMPARE_WITH_TIMEOUT(played.count(), 1, kJobTimeout);
    QCOMPARE(played.first().at(1).toString(), g.job(id).videoPath);
    QVERIFY(g.pane->isPlayerVisible());
    QMediaPlayer* media = g.pane->player()->mediaPlayer();
    QTRY_COMPARE_WITH_TIMEOUT(media->playbackState(), QMediaPlayer::PlayingState, kJobTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(media->position() > 0, kJobTimeout);
    // V6 (the editor's first-run model) at 540p 16:9: the long edge is 1024 (§2.11).
    QTRY_COMPARE_WITH_TIMEOUT(g.pane->player()->frameSize(), QSize(1024, 576), kJobTimeout);

    // Closing the player; Enter on the card plays it again.
    child<QToolButton>(g.pane->player(), "closePlayerButton")->click();
    QVERIFY(!g.pane->isPlayerVisible());
    QTRY_COMPARE_WITH_TIMEOUT(media->playbackState(), QMediaPlayer::StoppedState, kJobTimeout);
    g.pane->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(g.pane.get()));
    QVERIFY(g.view()->selectJob(id));
    g.view()->setFocus();
    QTest::keyClick(g.view(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(played.count(), 2, kJobTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(media->playbackState(), QMediaPlayer::PlayingState, kJobTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(media->position() > 0, kJobTimeout);
}

void TestJobGallery::reuseFillsTheEditorImageIncluded() {
    Gallery g;
    QVERIFY2(g.ok(), qPrintable(g.bed.error));
    QImage picture(1280, 720, QImage::Format_RGB32);
    picture.fill(QColor(0x33, 0x66, 0x99));
    const QString source = g.bed.dir.filePath(QStringLiteral("harbour.png"));
    QVERIFY(picture.save(source));
    const qint64 id = g.enqueue(QStringLiteral("The harbour comes alive"), source);
    QVERIFY(id != 0);
    QTRY_COMPARE_WITH_TIMEOUT(g.job(id).state, JobState::Done, kJobTimeout);

    QSignalSpy reused(g.pane.get(), &JobsPane::reuseRequested);
    QVERIFY(g.select({id}));
    QVERIFY(g.action(JobsPane::Action::Reuse)->isEnabled());
    g.action(JobsPane::Action::Reuse)->trigger();
    QCOMPARE(reused.count(), 1);
    const auto request = reused.first().at(0).value<GenerationRequest>();
    QCOMPARE(request, g.job(id).request);
    QVERIFY(request.isImageToVideo());
    QVERIFY(request.startImagePath().startsWith(g.bed.store->imagesDir())); // the store's own copy
    QVERIFY(QFileInfo::exists(request.startImagePath()));

    // The editor takes the settings as the main window will give them (the image goes through
    // the drop zone's check, as any image does).
    PromptEditor editor(g.bed.dir.filePath(QStringLiteral("editor.ini")));
    editor.setRequest(request);
    QCOMPARE(child<QPlainTextEdit>(&editor, "promptEdit")->toPlainText(),
             QStringLiteral("The harbour comes alive"));
    QCOMPARE(editor.request().quality, request.quality);
    QCOMPARE(editor.request().duration, request.duration);

    // Should the copy be gone, the original image is offered instead.
    QVERIFY(QFile::remove(request.startImagePath()));
    g.action(JobsPane::Action::Reuse)->trigger();
    QCOMPARE(reused.count(), 2);
    QCOMPARE(reused.last().at(0).value<GenerationRequest>().startImagePath(),
             g.job(id).sourceImagePath);
}

void TestJobGallery::aFailedJobCanBeRetried() {
    Gallery g;
    QVERIFY2(g.ok(), qPrintable(g.bed.error));
    StateRecorder recorder(g.pane->model());
    QSignalSpy notified(g.pane.get(), &JobsPane::jobNotification);
    const qint64 id = g.enqueue(QStringLiteral("The ship will explode at dawn"));
    QTRY_COMPARE_WITH_TIMEOUT(g.job(id).state, JobState::Failed, kJobTimeout);
    const QModelIndex index = g.pane->model()->indexOf(id);
    QCOMPARE(index.data(JobListModel::StatusTextRole).toString(), QStringLiteral("Failed"));
    QVERIFY(!index.data(JobListModel::ErrorRole).toString().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(notified.count(), 1, kJobTimeout);
    QCOMPARE(notified.first().at(0).toString(), QStringLiteral("Video failed"));
    QVERIFY(notified.first().at(1).toString().contains(g.job(id).errorMessage));
    QCOMPARE(g.bed.sandbox->stats().generationsCreated, 1);

    QVERIFY(g.select({id}));
    QVERIFY(!g.action(JobsPane::Action::Play)->isEnabled());
    QVERIFY(!g.action(JobsPane::Action::Cancel)->isEnabled());
    QVERIFY(g.action(JobsPane::Action::Retry)->isEnabled());
    g.action(JobsPane::Action::Retry)->trigger();
    QCOMPARE(g.job(id).state, JobState::Queued); // in the store at once; the card follows
    QCOMPARE(index.data(JobListModel::StatusTextRole).toString(), QStringLiteral("Queued"));
    QVERIFY(index.data(JobListModel::ErrorRole).toString().isEmpty());
    // A new generation on the service, which fails again (the prompt still says so).
    QTRY_COMPARE_WITH_TIMEOUT(g.bed.sandbox->stats().generationsCreated, 2, kJobTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(g.job(id).state, JobState::Failed, kJobTimeout);
    QVERIFY2(recorder.sawInOrder(id, {JobState::Queued, JobState::Generating, JobState::Failed,
                                      JobState::Queued, JobState::Generating, JobState::Failed}),
             qPrintable(recorder.describe(id)));
    QTRY_COMPARE_WITH_TIMEOUT(notified.count(), 2, kJobTimeout);
}

void TestJobGallery::aVideoDeletedOnTheServiceSaysSo() {
    Gallery g;
    QVERIFY2(g.ok(), qPrintable(g.bed.error));
    // Every status answer says 6 (deleted, §2.6), as PixVerse does once it removed the video.
    sandbox::SandboxFault deleted;
    deleted.kind = sandbox::SandboxFault::Kind::PatchResp;
    deleted.pathContains = QStringLiteral("video/result");
    deleted.count = -1;
    deleted.respPatch = QJsonObject{{QStringLiteral("status"), 6}, {QStringLiteral("url"), {}}};
    g.bed.sandbox->injectFault(deleted);
    StateRecorder recorder(g.pane->model());
    QSignalSpy notified(g.pane.get(), &JobsPane::jobNotification);
    const qint64 id = g.enqueue(QStringLiteral("Lanterns rising over a river"));
    QTRY_COMPARE_WITH_TIMEOUT(g.job(id).state, JobState::Deleted, kJobTimeout);
    QVERIFY2(recorder.sawInOrder(id, {JobState::Queued, JobState::Generating, JobState::Deleted}),
             qPrintable(recorder.describe(id)));
    const QModelIndex index = g.pane->filterModel()->mapFromSource(g.pane->model()->indexOf(id));
    const JobCardDelegate::CardTexts card = JobCardDelegate::cardTexts(index);
    QCOMPARE(card.status, QStringLiteral("Deleted"));
    QCOMPARE(card.error, deletedJobMessage());
    QTRY_COMPARE_WITH_TIMEOUT(notified.count(), 1, kJobTimeout);
    QCOMPARE(notified.first().at(0).toString(), QStringLiteral("Video deleted on PixVerse"));
    QVERIFY(notified.first().at(1).toString().contains(deletedJobMessage()));
    // Nothing to play or save; Retry makes a new one, which the service keeps this time.
    QVERIFY(g.select({id}));
    QVERIFY(!g.action(JobsPane::Action::Play)->isEnabled());
    QVERIFY(!g.action(JobsPane::Action::OpenFolder)->isEnabled());
    QVERIFY(!g.action(JobsPane::Action::Redownload)->isEnabled());
    QVERIFY(g.action(JobsPane::Action::Remove)->isEnabled());
    QVERIFY(g.action(JobsPane::Action::Retry)->isEnabled());
    g.bed.sandbox->clearFaults();
    g.action(JobsPane::Action::Retry)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(g.job(id).state, JobState::Done, kJobTimeout);
    QCOMPARE(JobCardDelegate::cardTexts(index).status, QStringLiteral("Done"));
    QVERIFY(JobCardDelegate::cardTexts(index).deletedNote.isEmpty());
    QVERIFY(g.pane->play(id));
}

void TestJobGallery::cancelAndRemoveQueuedJobs() {
    Gallery g(false); // not started: the jobs stay queued
    QVERIFY2(g.ok(), qPrintable(g.bed.error));
    const qint64 first = g.enqueue(QStringLiteral("first"));
    const qint64 second = g.enqueue(QStringLiteral("second"));
    const qint64 third = g.enqueue(QStringLiteral("third"));
    QCOMPARE(g.pane->runningCount(), 3);
    QVERIFY(g.select({first, second}));
    QVERIFY(g.action(JobsPane::Action::Cancel)->isEnabled());
    QVERIFY(!g.action(JobsPane::Action::Retry)->isEnabled());
    g.action(JobsPane::Action::Cancel)->trigger();
    QCOMPARE(g.job(first).state, JobState::Cancelled);
    QCOMPARE(g.job(second).state, JobState::Cancelled);
    QCOMPARE(g.pane->model()->indexOf(first).data(JobListModel::StatusTextRole).toString(),
             QStringLiteral("Cancelled"));
    QCOMPARE(g.pane->runningCount(), 1);
    // A cancelled job can be retried.
    QVERIFY(g.action(JobsPane::Action::Retry)->isEnabled());
    QVERIFY(!g.action(JobsPane::Action::Cancel)->isEnabled());

    // Removing a queued job cancels it first; nothing to delete, so nothing to choose.
    QVERIFY(g.select({third}));
    QVERIFY(g.action(JobsPane::Action::Remove)->isEnabled());
    g.pane->setNextRemoveAnswer(JobsPane::RemoveAnswer::RemoveFromList);
    g.action(JobsPane::Action::Remove)->trigger();
    QVERIFY(!g.bed.store->job(third));
    QCOMPARE(g.pane->model()->rowCount(), 2);
    QCOMPARE(g.pane->runningCount(), 0);
    // The engine never sends it.
    g.engine->start();
    QCoreApplication::processEvents(); // the scheduler's first pass: nothing queued to send
    QCOMPARE(g.engine->scheduler()->inFlightCount(), 0);
    QCOMPARE(g.bed.sandbox->stats().generationsCreated, 0);
}

void TestJobGallery::removeWithAndWithoutTheFile() {
    Gallery g;
    QVERIFY2(g.ok(), qPrintable(g.bed.error));
    const qint64 keep = g.enqueue(QStringLiteral("keep the file"));
    const qint64 discard = g.enqueue(QStringLiteral("discard the file"));
    QTRY_VERIFY_WITH_TIMEOUT(g.bed.allIn(JobState::Done), kJobTimeout);
    const Job kept = g.job(keep);
    const Job discarded = g.job(discard);
    QVERIFY(QFileInfo::exists(kept.videoPath));
    QVERIFY(QFileInfo::exists(discarded.sidecarPath));
    // The player has the file open: removing it closes the player first.
    QVERIFY(g.pane->play(discard));

    // Cancel keeps everything.
    QVERIFY(g.select({keep}));
    g.pane->setNextRemoveAnswer(JobsPane::RemoveAnswer::Cancel);
    g.action(JobsPane::Action::Remove)->trigger();
    QVERIFY(g.bed.store->job(keep));

    g.pane->setNextRemoveAnswer(JobsPane::RemoveAnswer::RemoveFromList);
    g.action(JobsPane::Action::Remove)->trigger();
    QVERIFY(!g.bed.store->job(keep));
    QVERIFY(!g.pane->model()->indexOf(keep).isValid());
    QVERIFY(QFileInfo::exists(kept.videoPath)); // the video stays in the library

    // The keyboard route: Delete on the gallery.
    g.pane->show();
    g.pane->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(g.pane.get()));
    QVERIFY(g.select({discard}));
    QVERIFY(g.pane->isPlayerVisible());
    g.view()->setFocus();
    g.pane->setNextRemoveAnswer(JobsPane::RemoveAnswer::RemoveAndDeleteFiles);
    QTest::keyClick(g.view(), Qt::Key_Delete);
    QVERIFY(!g.bed.store->job(discard));
    QVERIFY(!QFileInfo::exists(discarded.videoPath));
    QVERIFY(!QFileInfo::exists(discarded.sidecarPath));
    QVERIFY(!g.pane->isPlayerVisible());
    QCOMPARE(g.pane->model()->rowCount(), 0);
    QCOMPARE(g.view()->placeholderText(),
             QStringLiteral("Your generations appear here.\nWrite a prompt and press Generate."));
}

void TestJobGallery::dragCarriesTheFileUrl() {
    Gallery g;
    QVERIFY2(g.ok(), qPrintable(g.bed.error));
    const qint64 done = g.enqueue(QStringLiteral("drag me out"));
    QTRY_COMPARE_WITH_TIMEOUT(g.job(done).state, JobState::Done, kJobTimeout);
    const qint64 failed = g.enqueue(QStringLiteral("explode"));
    QTRY_COMPARE_WITH_TIMEOUT(g.job(failed).state, JobState::Failed, kJobTimeout);

    QVERIFY(g.view()->dragEnabled());
    // Drags out carry files; drops are taken only to reorder the queue (issue 19).
    QCOMPARE(g.view()->dragDropMode(), QAbstractItemView::DragDrop);
    QVERIFY(g.select({done, failed}));
    std::unique_ptr<QMimeData> mime(g.view()->selectionMimeData());
    QVERIFY(mime);
    QCOMPARE(mime->urls(), (QList<QUrl>{QUrl::fromLocalFile(g.job(done).videoPath)}));
    QVERIFY(mime->urls().first().isLocalFile());
    QVERIFY(QFileInfo::exists(mime->urls().first().toLocalFile()));
    // Only finished videos can start a drag.
    const QAbstractItemModel* model = g.view()->model();
    const QModelIndex doneIndex =
        g.pane->filterModel()->mapFromSource(g.pane->model()->indexOf(done));
    const QModelIndex failedIndex =
        g.pane->filterModel()->mapFromSource(g.pane->model()->indexOf(failed));
    QVERIFY(model->flags(doneIndex).testFlag(Qt::ItemIsDragEnabled));
    QVERIFY(!model->flags(failedIndex).testFlag(Qt::ItemIsDragEnabled));
}

void TestJobGallery::actionsOnTheSelection() {
    Gallery g;
    QVERIFY2(g.ok(), qPrintable(g.bed.error));
    const qint64 a = g.enqueue(QStringLiteral("Prompt A"));
    const qint64 b = g.enqueue(QStringLiteral("Prompt B"));
    QTRY_VERIFY_WITH_TIMEOUT(g.bed.allIn(JobState::Done), kJobTimeout);
    g.pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(g.pane.get()));

    // Nothing selected: nothing to do.
    g.view()->clearSelection();
    for (const JobsPane::Action which : {JobsPane::Action::Play, JobsPane::Action::CopyPrompt,
                                         JobsPane::Action::Remove, JobsPane::Action::Favourite})
        QVERIFY(!g.action(which)->isEnabled());

    // Two selected: what makes sense for several.
    QVERIFY(g.select({a, b}));
    QVERIFY(g.action(JobsPane::Action::Play)->isEnabled()); // plays the current one
    QVERIFY(!g.action(JobsPane::Action::Reuse)->isEnabled());
    QVERIFY(g.action(JobsPane::Action::CopyPrompt)->isEnabled());
    QVERIFY(g.action(JobsPane::Action::Favourite)->isEnabled());
    QVERIFY(g.action(JobsPane::Action::OpenFolder)->isEnabled());
    QVERIFY(g.action(JobsPane::Action::Redownload)->isEnabled());
    QVERIFY(!g.action(JobsPane::Action::Retry)->isEnabled());

    g.action(JobsPane::Action::CopyPrompt)->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(),
             QStringLiteral("Prompt B\n\nPrompt A")); // as shown: newest first

    g.action(JobsPane::Action::Favourite)->trigger();
    QVERIFY(g.job(a).favourite && g.job(b).favourite);
    QVERIFY(g.action(JobsPane::Action::Favourite)->isChecked());
    g.action(JobsPane::Action::Favourite)->trigger();
    QVERIFY(!g.job(a).favourite && !g.job(b).favourite);

    // The star on a card toggles it too.
    const QRect star = g.view()->cardDelegate()->starRect(g.cardRect(a));
    QTest::mouseClick(g.view()->viewport(), Qt::LeftButton, Qt::NoModifier, star.center());
    QVERIFY(g.job(a).favourite);

    g.action(JobsPane::Action::OpenFolder)->trigger();
    QCOMPARE(g.opened, (QList<QUrl>{QUrl::fromLocalFile(g.bed.libraryDir())})); // one folder, once

    // Save a copy as…
    QVERIFY(g.select({a}));
    QString suggested;
    const QString target = g.bed.dir.filePath(QStringLiteral("elsewhere/copy of A.mp4"));
    QVERIFY(QDir().mkpath(QFileInfo(target).absolutePath()));
    g.pane->setSaveFileProvider([&suggested, target](QWidget*, const QString& path) {
        suggested = path;
        return target;
    });
    QSignalSpy saved(g.pane.get(), &JobsPane::copySaved);
    QVERIFY(g.action(JobsPane::Action::SaveCopy)->isEnabled());
    g.action(JobsPane::Action::SaveCopy)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kJobTimeout);
    QCOMPARE(saved.first().at(1).toString(), QString());
    QVERIFY(suggested.endsWith(QFileInfo(g.job(a).videoPath).fileName()));
    QFile original(g.job(a).videoPath);
    QFile copy(target);
    QVERIFY(original.open(QIODevice::ReadOnly) && copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), original.readAll());
    // Cancelling the dialog saves nothing.
    g.pane->setSaveFileProvider([](QWidget*, const QString&) { return QString(); });
    g.action(JobsPane::Action::SaveCopy)->trigger();
    QCoreApplication::processEvents(); // a copy would have started on the pool; none did
    QCOMPARE(saved.count(), 1);

    // Download again (e.g. the file was deleted by hand).
    QVERIFY(QFile::remove(g.job(b).videoPath));
    QSignalSpy notice(g.pane.get(), &JobsPane::noticeRequested);
    QVERIFY(!g.pane->play(b));
    QCOMPARE(notice.count(), 1);
    QVERIFY(g.select({b}));
    g.action(JobsPane::Action::Redownload)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(g.job(b).state, JobState::Done, kJobTimeout);
    QVERIFY(QFileInfo::exists(g.job(b).videoPath));

    // The context menu: right-click selects the card under the mouse and offers the actions.
    const QList<QAction*> menu = g.pane->contextMenu()->actions();
    for (const JobsPane::Action which :
         {JobsPane::Action::Play, JobsPane::Action::OpenFolder, JobsPane::Action::SaveCopy,
          JobsPane::Action::CopyPrompt, JobsPane::Action::Reuse, JobsPane::Action::Favourite,
          JobsPane::Action::Retry, JobsPane::Action::Redownload, JobsPane::Action::Cancel,
          JobsPane::Action::Remove})
        QVERIFY(menu.contains(g.action(which)));
    Q_EMIT g.view()->customContextMenuRequested(g.cardRect(a).center());
    QCOMPARE(g.view()->selectedJobIds(), (QList<qint64>{a}));
    QTRY_VERIFY_WITH_TIMEOUT(g.pane->contextMenu()->isVisible(), kJobTimeout);
    g.pane->contextMenu()->close();
    // The toolbar carries them too.
    const QList<QAction*> toolbar = child<QWidget>(g.pane.get(), "jobsToolBar")->actions();
    QVERIFY(toolbar.contains(g.action(JobsPane::Action::Play)));
    QVERIFY(toolbar.contains(g.action(JobsPane::Action::Remove)));
    QCOMPARE(g.action(JobsPane::Action::Play)->shortcut(), QKeySequence(Qt::Key_Return));
}

void TestJobGallery::headerFiltersAndCounts() {
    Gallery g;
    QVERIFY2(g.ok(), qPrintable(g.bed.error));
    const qint64 storm = g.enqueue(QStringLiteral("A lighthouse in a storm"));
    const qint64 cat = g.enqueue(QStringLiteral("A cat on a windowsill"));
    const qint64 boom = g.enqueue(QStringLiteral("The tower will explode"));
    QTRY_VERIFY_WITH_TIMEOUT(g.bed.store->unfinishedCount() == 0, kJobTimeout);
    auto* counts = child<QLabel>(g.pane.get(), "jobCountsLabel");
    QCOMPARE(counts->text(), QStringLiteral("2 done · 1 failed"));
    auto* combo = child<QComboBox>(g.pane.get(), "statusFilterCombo");
    QCOMPARE(combo->itemText(0), QStringLiteral("All jobs (3)"));
    QCOMPARE(combo->itemText(2), QStringLiteral("Done (2)"));
    QCOMPARE(combo->itemText(3), QStringLiteral("Failed (1)"));
    QAbstractItemModel* shown = g.view()->model();

    combo->setCurrentIndex(3);
    QCOMPARE(shown->rowCount(), 1);
    QCOMPARE(shown->index(0, 0).data(JobListModel::IdRole).toLongLong(), boom);
    combo->setCurrentIndex(1); // in progress
    QCOMPARE(shown->rowCount(), 0);
    QCOMPARE(g.view()->placeholderText(), QStringLiteral("No job matches the filter."));
    combo->setCurrentIndex(0);
    QCOMPARE(shown->rowCount(), 3);

    auto* search = child<QLineEdit>(g.pane.get(), "jobSearchEdit");
    QTest::keyClicks(search, QStringLiteral("STORM"));
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 1, kJobTimeout);
    QCOMPARE(shown->index(0, 0).data(JobListModel::IdRole).toLongLong(), storm);
    search->clear();
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 3, kJobTimeout);

    QVERIFY(g.bed.store->modify(cat, [](Job& job) { job.favourite = true; }));
    child<QToolButton>(g.pane.get(), "favouritesOnlyButton")->click();
    QCOMPARE(shown->rowCount(), 1);
    QCOMPARE(shown->index(0, 0).data(JobListModel::IdRole).toLongLong(), cat);
    child<QToolButton>(g.pane.get(), "favouritesOnlyButton")->click();
    QCOMPARE(shown->rowCount(), 3);

    // A retried job moves back into "in progress", and the counts follow.
    combo->setCurrentIndex(1);
    QVERIFY(g.engine->retry(boom));
    QCOMPARE(shown->rowCount(), 1);
    QVERIFY(counts->text().startsWith(QLatin1String("1 queued")));
    QTRY_COMPARE_WITH_TIMEOUT(g.job(boom).state, JobState::Failed, kJobTimeout);
    QCOMPARE(shown->rowCount(), 0);
}

void TestJobGallery::signOutAndIn() {
    Gallery g;
    QVERIFY2(g.ok(), qPrintable(g.bed.error));
    const qint64 id = g.enqueue(QStringLiteral("Before signing out"));
    QTRY_COMPARE_WITH_TIMEOUT(g.job(id).state, JobState::Done, kJobTimeout);
    QVERIFY(g.pane->play(id));
    QVERIFY(g.select({id}));
    QVERIFY(g.action(JobsPane::Action::Remove)->isEnabled());

    // Signed out: the window gives the pane nothing; it is empty and says why.
    g.pane->setJobs(nullptr, nullptr);
    QVERIFY(!g.pane->isPlayerVisible());
    QCOMPARE(g.view()->model()->rowCount(), 0);
    QCOMPARE(g.view()->placeholderText(), QStringLiteral("Sign in to see your videos here."));
    QCOMPARE(child<QLabel>(g.pane.get(), "jobCountsLabel")->text(), QStringLiteral("No jobs yet"));
    for (const JobsPane::Action which : {JobsPane::Action::Play, JobsPane::Action::Remove,
                                         JobsPane::Action::Retry, JobsPane::Action::CopyPrompt})
        QVERIFY(!g.action(which)->isEnabled());

    // Signed in again: the account's jobs are back and the engine's signals reach the pane.
    g.pane->setJobs(g.bed.store.get(), g.engine);
    QCOMPARE(g.view()->model()->rowCount(), 1);
    QCOMPARE(child<QLabel>(g.pane.get(), "jobCountsLabel")->text(), QStringLiteral("1 done"));
    QSignalSpy notified(g.pane.get(), &JobsPane::jobNotification);
    const qint64 next = g.enqueue(QStringLiteral("After signing in"));
    QTRY_COMPARE_WITH_TIMEOUT(g.job(next).state, JobState::Done, kJobTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(notified.count(), 1, kJobTimeout);
}

void TestJobGallery::tenThousandJobsScrollWithBoundedThumbnails() {
    QTemporaryDir dir;
    // 10,000 finished jobs over 300 distinct thumbnails (as many as the test can write quickly).
    constexpr int kJobs = 10000;
    constexpr int kPictures = 300;
    const QString thumbs = dir.filePath(QStringLiteral("thumbs"));
    QVERIFY(QDir().mkpath(thumbs));
    for (int i = 0; i < kPictures; ++i) {
        QImage image(96, 54, QImage::Format_RGB32);
        image.fill(QColor::fromHsv((i * 37) % 360, 160, 200));
        QVERIFY(image.save(QDir(thumbs).filePath(QStringLiteral("t%1.png").arg(i))));
    }
    const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-30);
    QString error;
    QVERIFY2(test::insertJobs(
                 dir.filePath(QStringLiteral("data")), kJobs,
                 [&](int i, Job& job) {
                     job.request.prompt =
                         QStringLiteral("Scale job %1: a harbour at dawn, gulls").arg(i);
                     job.createdAt = base.addSecs(i * 60);
                     job.state = JobState::Done;
                     job.videoPath = QStringLiteral("/nonexistent/library/video%1.mp4").arg(i);
                     job.thumbnailPath =
                         QDir(thumbs).filePath(QStringLiteral("t%1.png").arg(i % kPictures));
                     job.credits = 45;
                 },
                 &error),
             qPrintable(error));
    JobStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("data"))));

    QElapsedTimer timer;
    timer.start();
    JobsPane pane(&store, nullptr);
    pane.thumbnailMaker()->setOutputDir(dir.filePath(QStringLiteral("made")));
    ThumbnailCache* cache = pane.thumbnailCache();
    const qsizetype oneImage = ThumbnailCache::costOf(QImage(96, 54, QImage::Format_RGB32));
    pane.resize(1000, 760);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    // After the gallery fitted its cards (which sizes the cache for three screens of them).
    cache->setMaxCostKiB(oneImage * 60); // room for a screenful and a bit, far fewer than 300
    const qint64 openMs = timer.restart();
    QCOMPARE(pane.view()->model()->rowCount(), kJobs);
    QCOMPARE(child<QComboBox>(&pane, "statusFilterCombo")->itemText(0),
             QStringLiteral("All jobs (10000)"));

    // Scroll through: page by page for a while, then to the end.
    pane.view()->setFocus();
    pane.view()->setCurrentIndex(pane.view()->model()->index(0, 0));
    QTRY_VERIFY_WITH_TIMEOUT(cache->isIdle() && cache->count() > 0, kJobTimeout);
    for (int page = 0; page < 30; ++page) {
        QTest::keyClick(pane.view(), Qt::Key_PageDown);
        QCoreApplication::processEvents(); // paint the new page, as a user's scrolling would
    }
    QTest::keyClick(pane.view(), Qt::Key_End);
    QCOMPARE(pane.view()->currentIndex().row(), kJobs - 1);
    QTRY_VERIFY_WITH_TIMEOUT(pane.view()->verticalScrollBar()->value() ==
                                 pane.view()->verticalScrollBar()->maximum(),
                             5000);
    const QString lastThumb =
        pane.view()->currentIndex().data(JobListModel::ThumbnailPathRole).toString();
    QTRY_VERIFY_WITH_TIMEOUT(cache->contains(lastThumb), 10000); // the last card shows its picture
    QTRY_VERIFY_WITH_TIMEOUT(cache->isIdle(), kJobTimeout);
    const qint64 scrollMs = timer.elapsed();

    const ThumbnailCache::Stats stats = cache->stats();
    qInfo("10,000 jobs in the pane: shown in %lld ms, scrolled in %lld ms; thumbnails: %lld "
          "requests, %lld hits, "
          "%lld files read, %lld dropped, %d in memory (%lld KiB of %lld)",
          openMs, scrollMs, stats.requests, stats.hits, stats.loadsStarted, stats.dropped,
          cache->count(), static_cast<long long>(cache->totalCostKiB()),
          static_cast<long long>(cache->maxCostKiB()));
    QCOMPARE(stats.loadsOnGuiThread, 0);      // no file read on the GUI thread
    QVERIFY(stats.loadsStarted < kJobs / 10); // only what was on screen, not every row
    QVERIFY(cache->totalCostKiB() <= cache->maxCostKiB());
    QVERIFY(cache->count() <= 60);
    QVERIFY(!pane.thumbnailMaker()->isBusy()); // every job had its thumbnail: nothing decoded
    QVERIFY2(openMs < 10000, qPrintable(QString::number(openMs)));
}

namespace {
//! Pixels of `image` inside `rect` that are nearly white (the sound mark is drawn in white).
int whitePixels(const QImage& image, const QRect& rect) {
    int n = 0;
    const QRect area = rect.intersected(image.rect());
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            n += qGray(image.pixel(x, y)) > 200 ? 1 : 0;
    }
    return n;
}
} // namespace

void TestJobGallery::cardsShowModeSoundDurationAndDeletion() {
    QTemporaryDir dir;
    JobStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("data"))));
    const QString library = dir.filePath(QStringLiteral("library"));
    QVERIFY(QDir().mkpath(library));
    auto add = [&](Job job) {
        job.createdAt = QDateTime::currentDateTimeUtc().addSecs(-60 + store.jobs().size());
        const Result<Job> added = store.add(job);
        return added.ok() ? added.value->id : qint64(0);
    };
    // A 12 s text-to-video clip with sound, saved.
    Job withSound;
    withSound.request = JobTestBed::request(QStringLiteral("Waves on a pebble beach, loud"));
    withSound.request.duration = 12;
    withSound.request.audio = true;
    withSound.hasAudio = true;
    withSound.state = JobState::Done;
    withSound.videoId = 101;
    withSound.videoPath = QDir(library).filePath(QStringLiteral("sound.mp4"));
    QVERIFY(
        QFile::copy(QDir(m_clips).filePath(QStringLiteral("960x540.mp4")), withSound.videoPath));
    const qint64 soundId = add(withSound);
    QVERIFY(soundId > 0);
    // An image-to-video clip without sound, saved, that PixVerse deleted since.
    Job keptCopy = withSound;
    keptCopy.request.prompt = QStringLiteral("A paper plane over a city");
    keptCopy.request.setStartImage(dir.filePath(QStringLiteral("image.png")));
    QImage image(64, 36, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QVERIFY(image.save(keptCopy.request.startImagePath()));
    keptCopy.request.duration = 5;
    keptCopy.request.audio = false;
    keptCopy.hasAudio = false;
    keptCopy.videoId = 102;
    keptCopy.deletedOnService = true;
    keptCopy.videoPath = QDir(library).filePath(QStringLiteral("kept.mp4"));
    QVERIFY(QFile::copy(QDir(m_clips).filePath(QStringLiteral("960x540.mp4")), keptCopy.videoPath));
    const qint64 keptId = add(keptCopy);
    QVERIFY(keptId > 0);
    // Status 6 before it was saved.
    Job deleted;
    deleted.request = JobTestBed::request(QStringLiteral("Fireworks over a harbour"));
    deleted.state = JobState::Deleted;
    deleted.videoId = 103;
    deleted.rawStatus = 6;
    deleted.deletedOnService = true;
    deleted.errorMessage = deletedJobMessage();
    const qint64 deletedId = add(deleted);
    QVERIFY(deletedId > 0);

    JobsPane pane(&store, nullptr);
    pane.thumbnailMaker()->setOutputDir(dir.filePath(QStringLiteral("thumbnails")));
    pane.resize(1000, 760);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    JobGalleryView* view = pane.view();
    auto indexOf = [&](qint64 id) {
        return pane.filterModel()->mapFromSource(pane.model()->indexOf(id));
    };
    using Texts = JobCardDelegate::CardTexts;
    const Texts sound = JobCardDelegate::cardTexts(indexOf(soundId));
    QCOMPARE(sound.status, QStringLiteral("Done"));
    QCOMPARE(sound.mode, QStringLiteral("Text to video"));
    QCOMPARE(sound.duration, QStringLiteral("12 s"));
    QVERIFY(sound.sound);
    QVERIFY(sound.deletedNote.isEmpty());
    QCOMPARE(sound.settings, QStringLiteral("V4.5 · 540p"));
    const Texts kept = JobCardDelegate::cardTexts(indexOf(keptId));
    QCOMPARE(kept.status, QStringLiteral("Done"));
    QCOMPARE(kept.mode, QStringLiteral("Image to video"));
    QCOMPARE(kept.duration, QStringLiteral("5 s"));
    QVERIFY(!kept.sound);
    QCOMPARE(kept.deletedNote, QStringLiteral("Deleted on PixVerse"));
    QVERIFY(kept.error.isEmpty());
    const Texts gone = JobCardDelegate::cardTexts(indexOf(deletedId));
    QCOMPARE(gone.status, QStringLiteral("Deleted"));
    QCOMPARE(gone.error, deletedJobMessage());
    QVERIFY(gone.deletedNote.isEmpty()); // its chip says it already
    QVERIFY(indexOf(keptId).data(Qt::ToolTipRole).toString().contains(kept.deletedNote));

    // The sound mark is painted where the delegate says, on the card with sound only.
    QStyleOptionViewItem option;
    option.initFrom(view->viewport());
    option.font = view->font();
    option.rect = view->visualRect(indexOf(soundId));
    const QRect mark = view->cardDelegate()->soundMarkRect(option, indexOf(soundId));
    QVERIFY(!mark.isEmpty());
    QVERIFY(option.rect.contains(mark));
    option.rect = view->visualRect(indexOf(keptId));
    QVERIFY(view->cardDelegate()->soundMarkRect(option, indexOf(keptId)).isEmpty());
    const QImage shot = view->viewport()->grab().toImage();
    const qreal scale = shot.devicePixelRatio();
    const QRect markPixels((QPointF(mark.topLeft()) * scale).toPoint(),
                           (QSizeF(mark.size()) * scale).toSize());
    QVERIFY2(whitePixels(shot, markPixels) >= markPixels.width() / 2,
             qPrintable(QString::number(whitePixels(shot, markPixels))));
    if (const QString out = qEnvironmentVariable("PIXVERSE_SCREENSHOT_DIR"); !out.isEmpty()) {
        QVERIFY(QDir().mkpath(out));
        QVERIFY(shot.save(QDir(out).filePath(QStringLiteral("cards-sound-deleted.png"))));
    }

    // The pane's filter and counts know the new state; the actions follow jobAllowedActions.
    auto* combo = child<QComboBox>(&pane, "statusFilterCombo");
    const int deletedGroup = combo->findText(QStringLiteral("Deleted (1)"));
    QVERIFY2(deletedGroup >= 0, qPrintable(combo->itemText(combo->count() - 1)));
    combo->setCurrentIndex(deletedGroup);
    QTRY_COMPARE(pane.filterModel()->rowCount(), 1);
    QVERIFY(child<QLabel>(&pane, "jobCountsLabel")->text().contains(QStringLiteral("1 deleted")));
    combo->setCurrentIndex(0);
    view->selectJob(keptId);
    QVERIFY(pane.action(JobsPane::Action::Play)->isEnabled());
    QVERIFY(!pane.action(JobsPane::Action::Redownload)->isEnabled());
    view->selectJob(deletedId);
    QVERIFY(!pane.action(JobsPane::Action::Play)->isEnabled());
    QVERIFY(!pane.play(deletedId));
}

void TestJobGallery::screenshots() {
    // Every state at once, with real thumbnails (the first frames of the sample clips).
    QTemporaryDir dir;
    JobStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("data"))));
    const QList<qint64> ids =
        test::addSampleJobs(store, dir.filePath(QStringLiteral("library")), m_clips).ids;
    QCOMPARE(ids.size(), 10);

    JobsPane pane(&store, nullptr);
    pane.thumbnailMaker()->setOutputDir(dir.filePath(QStringLiteral("thumbnails")));
    pane.model()->setDownloadProgress(ids.at(test::SampleJobs::kDownloading), 62, 100);
    pane.resize(1000, 820);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    // The thumbnails are made when the cards are first painted, then loaded into the cache.
    for (int i = 0; i < 3; ++i) {
        QTRY_VERIFY_WITH_TIMEOUT(!store.job(ids.at(i))->thumbnailPath.isEmpty(), kJobTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(
            pane.thumbnailCache()->contains(store.job(ids.at(i))->thumbnailPath), kJobTimeout);
    }
    QCOMPARE(QImage(store.job(ids.at(1))->thumbnailPath).size(),
             QSize(270, 480)); // portrait kept portrait
    pane.view()->selectJob(ids.at(0));
    QCOMPARE(pane.view()->currentJobId(), ids.at(0));
    const QImage gallery = pane.grab().toImage();
    QVERIFY(!gallery.isNull());

    QVERIFY(pane.play(ids.at(0)));
    QTRY_COMPARE_WITH_TIMEOUT(pane.player()->mediaPlayer()->playbackState(),
                              QMediaPlayer::PlayingState, kJobTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(pane.player()->frameSize(), QSize(960, 540), kJobTimeout);
    pane.player()->pause();
    QTRY_COMPARE_WITH_TIMEOUT(pane.player()->mediaPlayer()->playbackState(),
                              QMediaPlayer::PausedState, kJobTimeout);
    const QImage withPlayer = pane.grab().toImage();
    const QImage player = pane.player()->grab().toImage();

    const QString out = qEnvironmentVariable("PIXVERSE_SCREENSHOT_DIR");
    if (out.isEmpty())
        return;
    QVERIFY(QDir().mkpath(out));
    QVERIFY(gallery.save(QDir(out).filePath(QStringLiteral("gallery.png"))));
    QVERIFY(withPlayer.save(QDir(out).filePath(QStringLiteral("gallery-with-player.png"))));
    QVERIFY(player.save(QDir(out).filePath(QStringLiteral("player.png"))));
    qInfo("screenshots written to %s", qPrintable(out));
}

QTEST_MAIN(TestJobGallery)
#include "tst_jobgallery.moc"
