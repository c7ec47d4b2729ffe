// Issue 18, the compare view: three real takes of different lengths (made by ffmpeg at build
// time; frame N of each is grey 16 + 2·N, so the picture itself says which frame is shown) play
// in step with one transport: while playing, after frame steps and after seeks every cell shows
// the frame covering the clock (the shorter ones hold their last); the loop wraps them all; pick
// and "reject the others" change the store; the wipe paints take A left of its divider and B right
// of it. Real store, real decoders, real widgets.
#include "core/jobs/JobFilterModel.h"
#include "core/jobs/JobLibrary.h"
#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"
#include "core/media/SyncPlayback.h"
#include "tests/core/jobs/JobTestFixture.h"
#include "ui/ComparePictures.h"
#include "ui/CompareView.h"
#include "ui/JobGalleryView.h"
#include "ui/JobsPane.h"

#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace pixverse;
using namespace pixverse::test;

namespace {

QString mediaFile(const QString& name) {
    return QStringLiteral(PIXVERSE_COMPARE_MEDIA_DIR "/") + name;
}

//! The frame number a picture of the compare takes shows (grey 16 + 2·N in limited range).
int frameNumberOf(const QImage& image) {
    const QRgb centre = image.pixel(image.width() / 2, image.height() / 2);
    const double luma = qGray(centre) * 219.0 / 255.0; // back to 0 … 219 above Y = 16
    return qRound(luma / 2.0);
}

} // namespace

class TestCompareView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup() {
        m_view.reset();
        m_store.reset();
    }
    void playingKeepsEveryCellInStep();
    void framesStepAndSeekTogether();
    void theLoopWrapsEveryClip();
    void withoutLoopPlaybackStopsAtTheEnd();
    void aStalledClockCountsDroppedFrames();
    void pickAndRejectTheOthers();
    void theWipeShowsALeftAndBRight();
    void theGalleryOpensTheSelectedTakes();
    void aBrokenFileSaysSoAndTheOthersPlay();

private:
    qint64 add(const QString& file, const QString& prompt, qint64 seed);
    void openView(const QList<qint64>& ids);
    //! Each cell against the clock: the frame covering it, or the last one of a shorter clip.
    void verifyInStep(const char* when);
    void waitSettled() { QTRY_VERIFY_WITH_TIMEOUT(m_view->playback()->isSettled(), 10000); }

    QTemporaryDir m_dir;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<CompareView> m_view;
    QList<qint64> m_takes; // a 1.5 s, b 2 s, c 2.5 s
};

qint64 TestCompareView::add(const QString& file, const QString& prompt, qint64 seed) {
    Job job;
    job.request = JobTestBed::request(prompt);
    job.state = JobState::Done;
    job.videoPath = mediaFile(file);
    job.seed = seed;
    job.createdAt = QDateTime::currentDateTimeUtc();
    const Result<Job> added = m_store->add(job);
    return added.ok() ? added.value->id : 0;
}

void TestCompareView::init() {
    m_store = std::make_unique<JobStore>();
    QVERIFY(m_store->open(m_dir.filePath(
        QStringLiteral("data-%1").arg(QLatin1String(QTest::currentTestFunction())))));
    m_takes = {add(QStringLiteral("take-a.mp4"), QStringLiteral("A storm, take one"), 100),
               add(QStringLiteral("take-b.mp4"), QStringLiteral("A storm, take two"), 101),
               add(QStringLiteral("take-c.mp4"), QStringLiteral("A storm, take three"), 102)};
    QVERIFY(!m_takes.contains(0));
}

void TestCompareView::openView(const QList<qint64>& ids) {
    QList<Job> takes;
    for (const qint64 id : ids)
        takes << *m_store->job(id);
    QVERIFY(CompareView::canCompare(takes));
    m_view = std::make_unique<CompareView>(takes, JobLibrary(m_store.get()));
    m_view->show();
    m_view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_view.get())); // its keys are window shortcuts
    QTRY_VERIFY_WITH_TIMEOUT(m_view->playback()->isReady(), 10000);
    waitSettled();
}

void TestCompareView::verifyInStep(const char* when) {
    SyncPlayback* playback = m_view->playback();
    const qint64 frameUs = playback->frameUs();
    const qint64 t = playback->positionUs();
    QList<qint64> covering; // the cells whose clip is still running at t
    for (int cell = 0; cell < m_view->cellCount(); ++cell) {
        const qint64 shown = playback->shownClipUs(cell);
        QVERIFY2(shown >= 0, when);
        // The picture is the frame the cell says it shows.
        const int number = frameNumberOf(playback->frame(cell));
        QVERIFY2(qAbs(number - qRound(double(shown) / frameUs)) <= 1,
                 qPrintable(QStringLiteral("%1: cell %2 shows frame %3 at %4 us")
                                .arg(QLatin1String(when))
                                .arg(cell)
                                .arg(number)
                                .arg(shown)));
        const qint64 length = (cell == 0 ? 1500000 : cell == 1 ? 2000000 : 2500000);
        if (t < length - frameUs)
            covering << shown;
        else // shorter than the clock: its last frame, held
            QVERIFY2(shown >= length - 2 * frameUs, when);
    }
    QVERIFY2(!covering.isEmpty(), when);
    const auto [low, high] = std::minmax_element(covering.cbegin(), covering.cend());
    QVERIFY2(*high - *low <= frameUs, qPrintable(QStringLiteral("%1: %2 … %3 us at %4")
                                                     .arg(QLatin1String(when))
                                                     .arg(*low)
                                                     .arg(*high)
                                                     .arg(t)));
}

void TestCompareView::playingKeepsEveryCellInStep() {
    openView(m_takes);
    SyncPlayback* playback = m_view->playback();
    QCOMPARE(playback->durationUs(), qint64(2500000));
    QCOMPARE(m_view->timeText(), QStringLiteral("0:00.00 / 0:02.50"));
    QSignalSpy shown(playback, &SyncPlayback::frameShown);
    playback->play();
    int samples = 0;
    // Every time a picture changes, for two seconds of play: the cells agree.
    while (samples < 150 && playback->positionUs() < 2400000) {
        QVERIFY(shown.wait(2000));
        if (!playback->isSettled())
            continue; // between two cells taking the same tick's frames
        verifyInStep("playing");
        if (QTest::currentTestFailed())
            return;
        ++samples;
    }
    QVERIFY2(samples >= 30, qPrintable(QString::number(samples)));
    playback->pause();
    for (int cell = 0; cell < 3; ++cell)
        QVERIFY(playback->stats(cell).shown >= 20);
}

void TestCompareView::framesStepAndSeekTogether() {
    openView(m_takes);
    SyncPlayback* playback = m_view->playback();
    const qint64 frameUs = playback->frameUs();
    QCOMPARE(frameUs, qint64(41667));
    for (int step = 1; step <= 5; ++step) {
        QTest::keyClick(m_view.get(), Qt::Key_Right);
        waitSettled();
        verifyInStep("after a step forward");
        QCOMPARE(qRound(double(playback->shownClipUs(2)) / frameUs), step);
    }
    QTest::keyClick(m_view.get(), Qt::Key_Comma);
    waitSettled();
    verifyInStep("after a step back");
    QCOMPARE(qRound(double(playback->shownClipUs(2)) / frameUs), 4);
    QCOMPARE(playback->positionUs(), playback->shownClipUs(2)); // the clock is on the frame

    playback->seek(1200000);
    waitSettled();
    verifyInStep("after a seek");
    QCOMPARE(frameNumberOf(playback->frame(0)), 28); // 1.2 s × 24 = frame 28.8: frame 28
    QCOMPARE(m_view->timeText(), QStringLiteral("0:01.20 / 0:02.50"));
    // Past the end of take a: it holds its last frame (35), the others go on.
    playback->seek(2100000);
    waitSettled();
    verifyInStep("after a seek past a shorter take");
    QCOMPARE(frameNumberOf(playback->frame(0)), 35);
    QCOMPARE(frameNumberOf(playback->frame(1)), 47);
    QCOMPARE(frameNumberOf(playback->frame(2)), 50);
    QVERIFY(!playback->isPlaying());
}

void TestCompareView::theLoopWrapsEveryClip() {
    openView(m_takes);
    SyncPlayback* playback = m_view->playback();
    QVERIFY(playback->loops());
    playback->seek(2200000);
    waitSettled();
    playback->play();
    // The clock passes the end and starts again; every clip starts again with it.
    QTRY_VERIFY_WITH_TIMEOUT(playback->positionUs() > 100000 && playback->positionUs() < 900000,
                             5000);
    QTRY_VERIFY_WITH_TIMEOUT(playback->isSettled(), 5000);
    verifyInStep("after the loop wrapped");
    QVERIFY(playback->isPlaying());
    for (int cell = 0; cell < 3; ++cell)
        QVERIFY(playback->shownClipUs(cell) < 1000000);
    playback->pause();
}

void TestCompareView::withoutLoopPlaybackStopsAtTheEnd() {
    openView(m_takes);
    SyncPlayback* playback = m_view->playback();
    auto* loop = m_view->findChild<QCheckBox*>(QStringLiteral("compareLoop"));
    QVERIFY(loop && loop->isChecked());
    loop->click();
    QVERIFY(!playback->loops());
    playback->seek(2000000);
    waitSettled();
    QSignalSpy playing(playback, &SyncPlayback::playingChanged);
    QTest::keyClick(m_view.get(), Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(playing.size(), 2, 5000); // started, then stopped at the end
    QCOMPARE(playing.at(1).at(0).toBool(), false);
    QCOMPARE(playback->positionUs(), qint64(2500000));
    waitSettled();
    QCOMPARE(frameNumberOf(playback->frame(2)), 59); // the last frame of the longest take
    QCOMPARE(m_view->timeText(), QStringLiteral("0:02.50 / 0:02.50"));
}

void TestCompareView::aStalledClockCountsDroppedFrames() {
    openView(m_takes);
    SyncPlayback* playback = m_view->playback();
    playback->play();
    QTRY_VERIFY_WITH_TIMEOUT(playback->stats(2).shown >= 3, 5000);
    QCOMPARE(playback->stats(2).dropped, 0);
    // The GUI thread stalls on purpose (not a wait for anything): frames pass unseen.
    QThread::msleep(400);
    QTRY_VERIFY_WITH_TIMEOUT(playback->stats(2).dropped >= 5, 5000);
    // The next frame shown comes some 400 ms after the one before the stall.
    QTRY_VERIFY_WITH_TIMEOUT(playback->stats(2).worstIntervalMs >= 350, 5000);
    playback->pause();
}

void TestCompareView::pickAndRejectTheOthers() {
    openView(m_takes);
    auto* reject = m_view->findChild<QPushButton*>(QStringLiteral("compareRejectOthers"));
    QVERIFY(reject);
    QVERIFY(!reject->isEnabled()); // nothing picked yet
    QTest::keyClick(m_view.get(), Qt::Key_2);
    QVERIFY(m_store->job(m_takes[1])->picked);
    QVERIFY(!m_store->job(m_takes[0])->picked);
    QVERIFY(reject->isEnabled());
    auto* details = m_view->findChild<QLabel*>(QStringLiteral("compareDetails2"));
    QVERIFY(details->text().contains(QStringLiteral("Seed 101")));
    QVERIFY(details->text().contains(QStringLiteral("Picked")));
    QTest::keyClick(m_view.get(), Qt::Key_X, Qt::ShiftModifier);
    QVERIFY(m_store->job(m_takes[0])->rejected);
    QVERIFY(!m_store->job(m_takes[1])->rejected);
    QVERIFY(m_store->job(m_takes[2])->rejected);
    QVERIFY(m_view->findChild<QLabel*>(QStringLiteral("compareDetails3"))
                ->text()
                .contains(QStringLiteral("Rejected")));
    // Picking a rejected take with its button takes the reject back.
    m_view->findChild<QPushButton*>(QStringLiteral("comparePick3"))->click();
    QVERIFY(m_store->job(m_takes[2])->picked);
    QVERIFY(!m_store->job(m_takes[2])->rejected);
    QTest::keyClick(m_view.get(), Qt::Key_Escape);
    QVERIFY(!m_view->isVisible());
}

void TestCompareView::theWipeShowsALeftAndBRight() {
    const qint64 red = add(QStringLiteral("wipe-red.mp4"), QStringLiteral("Red"), 1);
    const qint64 blue = add(QStringLiteral("wipe-blue.mp4"), QStringLiteral("Blue"), 2);
    openView({red, blue});
    auto* toggle = m_view->findChild<QCheckBox*>(QStringLiteral("compareWipeToggle"));
    QVERIFY(toggle && toggle->isVisible());
    toggle->click();
    QVERIFY(m_view->isWipe());
    WipePicture* wipe = m_view->wipePicture();
    QVERIFY(wipe->isVisible());
    QVERIFY(!m_view->picture(0)->isVisible());
    waitSettled();
    // The divider dragged to a third of the picture.
    QTRY_VERIFY(!wipe->pictureRect().isEmpty());
    const QRect picture = wipe->pictureRect();
    const QPoint from(wipe->dividerX(), picture.center().y());
    const QPoint to(picture.left() + picture.width() / 3, picture.center().y());
    QTest::mousePress(wipe, Qt::LeftButton, {}, from);
    QTest::mouseMove(wipe, to);
    QTest::mouseRelease(wipe, Qt::LeftButton, {}, to);
    QVERIFY(qAbs(wipe->divider() - 1.0 / 3) < 0.02);
    QTRY_VERIFY_WITH_TIMEOUT(!m_view->playback()->frame(1).isNull(), 5000);
    const QImage shot = wipe->grab().toImage();
    const qreal dpr = shot.devicePixelRatio();
    // A quarter down: clear of the divider's handle in the middle.
    const int y = picture.top() + picture.height() / 4;
    auto pixel = [&](int x) { return QColor(shot.pixel(QPointF(x * dpr, y * dpr).toPoint())); };
    const int x = wipe->dividerX();
    for (const int left : {picture.left() + 4, x - 4}) {
        const QColor c = pixel(left);
        QVERIFY2(c.red() > 200 && c.blue() < 60, qPrintable(c.name()));
    }
    for (const int right : {x + 4, picture.right() - 4}) {
        const QColor c = pixel(right);
        QVERIFY2(c.blue() > 200 && c.red() < 60, qPrintable(c.name()));
    }
}

void TestCompareView::theGalleryOpensTheSelectedTakes() {
    JobsPane pane(m_store.get(), nullptr);
    pane.resize(900, 700);
    pane.show();
    pane.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&pane)); // Ctrl+K acts in the active window
    QAction* compare = pane.action(JobsPane::Action::Compare);
    QVERIFY(compare);
    QVERIFY(pane.view()->selectJob(m_takes[0]));
    QVERIFY(!compare->isEnabled()); // one take: nothing to compare
    for (const qint64 id : m_takes) {
        const QModelIndex index = pane.filterModel()->mapFromSource(pane.model()->indexOf(id));
        pane.view()->selectionModel()->select(index, QItemSelectionModel::Select);
    }
    QCOMPARE(pane.view()->selectedJobIds().size(), 3);
    QVERIFY(compare->isEnabled());
    pane.view()->setFocus();
    QTest::keyClick(pane.view(), Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(pane.compareView() && pane.compareView()->isVisible());
    CompareView* view = pane.compareView();
    QCOMPARE(view->cellCount(), 3);
    for (int cell = 0; cell < 3; ++cell)
        QCOMPARE(view->jobIdOf(cell), m_takes[cell]);
    QTRY_VERIFY_WITH_TIMEOUT(view->playback()->isSettled(), 10000);
    view->close();
    QTRY_VERIFY(!pane.compareView()); // deleted on close
}

void TestCompareView::aBrokenFileSaysSoAndTheOthersPlay() {
    const QString broken = m_dir.filePath(QStringLiteral("broken.mp4"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a video at all");
    file.close();
    Job job = *m_store->job(m_takes[0]);
    job.id = 0;
    job.videoPath = broken;
    const qint64 brokenId = m_store->add(job).value->id;
    QList<Job> takes{*m_store->job(brokenId), *m_store->job(m_takes[2])};
    m_view = std::make_unique<CompareView>(takes, JobLibrary(m_store.get()));
    QSignalSpy failed(m_view->playback(), &SyncPlayback::clipFailed);
    m_view->show();
    QTRY_VERIFY_WITH_TIMEOUT(m_view->playback()->isReady(), 10000);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).toInt(), 0);
    QVERIFY(failed.at(0).at(1).toString().contains(QStringLiteral("broken.mp4")));
    QCOMPARE(m_view->playback()->durationUs(), qint64(2500000));
    m_view->playback()->play();
    QTRY_VERIFY_WITH_TIMEOUT(m_view->playback()->stats(1).shown >= 5, 5000);
}

QTEST_MAIN(TestCompareView)
#include "tst_compareview.moc"
