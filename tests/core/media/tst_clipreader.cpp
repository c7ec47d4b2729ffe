// ClipReader (issue 18's compare view): a real file decoded ahead on the reader's own thread;
// the frame handed over covers the time asked, frames whose time passed count as dropped, the
// last frame is held (for ever, or until the loop's period ends and the next lap follows), and
// the frames fit the size asked.
#include "MediaTestFiles.h"
#include "core/media/ClipReader.h"

#include <QSignalSpy>
#include <QTest>

using namespace pixverse;
using namespace pixverse::test;

namespace {

constexpr qint64 kFrameUs = 83333; // 12 fps

//! Waits until the reader has the frame covering `us`, then takes it.
std::optional<TimedFrame> frameAt(ClipReader& reader, qint64 us, int* dropped = nullptr) {
    if (!QTest::qWaitFor([&] { return reader.isReadyFor(us); }, 10000))
        return std::nullopt;
    FrameTake take = reader.takeFrame(us);
    if (dropped)
        *dropped = take.dropped;
    return take.frame;
}

} // namespace

class TestClipReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theFrameTakenCoversTheTimeAsked() {
        // last-red.mp4: 3 s of blue at 12 fps, then one red frame (3.0 … 3.083 s).
        ClipReader reader(mediaFile(QStringLiteral("last-red.mp4")), QSize(160, 120));
        // Emitted on the reader's thread, perhaps before a wait() could start; counted on this
        // one (a QSignalSpy would append on the reader's thread while this thread reads it).
        int opened = 0;
        connect(
            &reader, &ClipReader::opened, this, [&opened] { ++opened; }, Qt::QueuedConnection);
        reader.start(0, 0);
        QTRY_COMPARE_WITH_TIMEOUT(opened, 1, 10000);
        QVERIFY(reader.isOpen());
        QCOMPARE(reader.frameUs(), kFrameUs);
        QVERIFY(qAbs(reader.durationUs() - 3083333) <= 1000);
        const std::optional<TimedFrame> first = frameAt(reader, 0);
        QVERIFY(first);
        QCOMPARE(first->startUs, qint64(0));
        QVERIFY(first->covers(kFrameUs - 1));
        QCOMPARE(first->image.size(), QSize(160, 120)); // 320×240 fitted into 160×120
        QVERIFY(near(first->image.pixel(80, 60), qRgb(0, 0, 255)));

        // Half a second later without taking anything: the frames in between were never shown.
        int dropped = 0;
        const std::optional<TimedFrame> later = frameAt(reader, 500000, &dropped);
        QVERIFY(later && later->covers(500000));
        QVERIFY2(dropped >= 4, qPrintable(QString::number(dropped)));

        reader.seek(2950000, 0);
        const std::optional<TimedFrame> sought = frameAt(reader, 2950000, &dropped);
        QVERIFY(sought && sought->covers(2950000));
        QCOMPARE(dropped, 0); // a seek throws the frames ahead away: none is "dropped"
        QVERIFY(near(sought->image.pixel(80, 60), qRgb(0, 0, 255)));
    }

    void withoutALoopTheLastFrameIsHeld() {
        ClipReader reader(mediaFile(QStringLiteral("last-red.mp4")), QSize(64, 64));
        reader.start(10000000, 0); // past the end
        const std::optional<TimedFrame> last = frameAt(reader, 10000000);
        QVERIFY(last);
        QCOMPARE(last->endUs, TimedFrame::kForever);
        QVERIFY(near(last->image.pixel(32, 24), qRgb(255, 0, 0)));
        QCOMPARE(last->image.size(), QSize(64, 48));
    }

    void aLoopGoesOnIntoTheNextLap() {
        ClipReader reader(mediaFile(QStringLiteral("last-red.mp4")), QSize(64, 64));
        const qint64 period = 4000000; // a longer clip beside it: the red frame is held to 4 s
        reader.start(2900000, period);
        std::optional<TimedFrame> red = frameAt(reader, 3500000);
        QVERIFY(red);
        QCOMPARE(red->endUs, period);
        QVERIFY(near(red->image.pixel(32, 24), qRgb(255, 0, 0)));
        // The next lap follows by itself: its first frame at 4 s, blue, at 0 in the clip.
        std::optional<TimedFrame> next = frameAt(reader, period);
        QVERIFY(next);
        QCOMPARE(next->startUs, period);
        QCOMPARE(next->clipUs, qint64(0));
        QVERIFY(near(next->image.pixel(32, 24), qRgb(0, 0, 255)));
    }

    void aMissingFileFailsOnTheReadersThread() {
        MediaLogThreads threads;
        ClipReader reader(QStringLiteral("/nonexistent/take.mp4"), QSize(64, 64));
        QStringList failed; // filled on this thread (see theFrameTakenCoversTheTimeAsked())
        connect(
            &reader, &ClipReader::failed, this,
            [&failed](const QString& error) { failed << error; }, Qt::QueuedConnection);
        reader.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QVERIFY(failed.constFirst().contains(QStringLiteral("take.mp4")));
        QVERIFY(!reader.isOpen());
        QVERIFY(reader.isReadyFor(0)); // nothing to wait for
        QVERIFY(!reader.takeFrame(0).frame);
        QVERIFY(!threads.threads().isEmpty());
        QVERIFY(!threads.threads().contains(QThread::currentThread()));
    }
};

QTEST_GUILESS_MAIN(TestClipReader)
#include "tst_clipreader.moc"
