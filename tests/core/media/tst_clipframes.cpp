#include "MediaTestFiles.h"
#include "core/media/ClipFrames.h"

#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace pixverse;
using pixverse::test::mediaFile;
using pixverse::test::near;
using pixverse::test::writeFile;

namespace {

int totalMs(const DecodedClip& clip) {
    int total = 0;
    for (const int ms : clip.durationsMs)
        total += ms;
    return total;
}

} // namespace

class TestClipFrames : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void decodesEveryFrameScaledToFit() {
        // 320x240 at 12 fps: 36 blue frames, then one red.
        const DecodedClip clip = decodeClip(mediaFile(QStringLiteral("last-red.mp4")), {100, 100});
        QVERIFY2(clip.error.isEmpty(), qPrintable(clip.error));
        QCOMPARE(clip.frames.size(), 37);
        QCOMPARE(clip.durationsMs.size(), clip.frames.size());
        for (const QImage& frame : clip.frames)
            QCOMPARE(frame.size(), QSize(100, 75)); // fits, aspect kept
        for (const int ms : clip.durationsMs)
            QVERIFY2(ms >= 80 && ms <= 86, qPrintable(QString::number(ms)));
        QVERIFY(qAbs(totalMs(clip) - 3083) < 40);
        QVERIFY(near(clip.frames.first().pixel(50, 37), qRgb(0, 0, 255)));
        QVERIFY(near(clip.frames.last().pixel(50, 37), qRgb(255, 0, 0)));
    }

    void aSmallClipIsNotEnlarged() {
        // 2 s of 160x120 at 12 fps, with sound beside the picture.
        const DecodedClip clip =
            decodeClip(mediaFile(QStringLiteral("with-sound.mp4")), {640, 640});
        QVERIFY2(clip.error.isEmpty(), qPrintable(clip.error));
        QVERIFY(clip.frames.size() > 1);
        QCOMPARE(clip.frames.size(), 24);
        QCOMPARE(clip.frames.first().size(), QSize(160, 120));
    }

    void keepsAtMostMaxFrames() {
        const DecodedClip clip =
            decodeClip(mediaFile(QStringLiteral("last-red.mp4")), {64, 64}, 10);
        QVERIFY2(clip.error.isEmpty(), qPrintable(clip.error));
        QCOMPARE(clip.frames.size(), 10);
        QCOMPARE(clip.durationsMs.size(), 10);
        // More than the cap is never kept, whatever is asked.
        const DecodedClip capped =
            decodeClip(mediaFile(QStringLiteral("40s.mp4")), {16, 16}, 100000);
        QVERIFY2(capped.error.isEmpty(), qPrintable(capped.error));
        QCOMPARE(capped.frames.size(), 40); // 40 s at 1 fps: under the cap
        QVERIFY(kMaxClipFrames <= 150);
    }

    void decodesOnThePool() {
        QFutureWatcher<DecodedClip> watcher;
        QSignalSpy finished(&watcher, &QFutureWatcher<DecodedClip>::finished);
        watcher.setFuture(decodeClipAsync(mediaFile(QStringLiteral("clip.webm")), {80, 80}));
        QVERIFY(finished.wait(20000));
        const DecodedClip clip = watcher.result();
        QVERIFY2(clip.error.isEmpty(), qPrintable(clip.error));
        QCOMPARE(clip.frames.size(), 12); // 1 s of VP9 at 12 fps
        QCOMPARE(clip.frames.first().size(), QSize(80, 60));
    }

    void aFileWithoutVideoGivesASentence_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("textContent");
        QTest::newRow("sound only") << mediaFile(QStringLiteral("speech.wav")) << QByteArray();
        QTest::newRow("cover art only")
            << mediaFile(QStringLiteral("speech-cover.mp3")) << QByteArray();
        QTest::newRow("text named .mp4")
            << QStringLiteral("notes.mp4") << QByteArray("not a video at all\n");
        QTest::newRow("missing") << QStringLiteral("/no/such/clip.mp4") << QByteArray();
    }
    void aFileWithoutVideoGivesASentence() {
        QFETCH(QString, path);
        QFETCH(QByteArray, textContent);
        QTemporaryDir dir;
        if (!textContent.isEmpty()) {
            path = dir.filePath(path);
            QVERIFY(writeFile(path, textContent));
        }
        const DecodedClip clip = decodeClip(path, {100, 100});
        QVERIFY(clip.frames.isEmpty());
        QVERIFY(clip.durationsMs.isEmpty());
        QVERIFY(!clip.error.isEmpty());
        QVERIFY2(clip.error.contains(path.section(QLatin1Char('/'), -1)), qPrintable(clip.error));
    }
};

QTEST_GUILESS_MAIN(TestClipFrames)
#include "tst_clipframes.moc"
