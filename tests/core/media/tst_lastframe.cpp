#include "MediaTestFiles.h"
#include "core/media/LastFrame.h"
#include "core/media/MediaProbe.h"

#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QImage>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;
using pixverse::test::mediaFile;
using pixverse::test::near;
using pixverse::test::writeFile;

namespace {

QString describe(QRgb colour) {
    return QStringLiteral("rgb(%1, %2, %3)")
        .arg(qRed(colour))
        .arg(qGreen(colour))
        .arg(qBlue(colour));
}

} // namespace

class TestLastFrame : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_scratch.isValid()); }
    void takesTheLastFrame_data();
    void takesTheLastFrame();
    void turnsTheFrameAsShown();
    void replacesAnOldPngWhole();
    void refusesWhatHasNoFrame_data();
    void refusesWhatHasNoFrame();
    void reportsAnUnwritableTarget();
    void asyncExtractionRunsOffTheCallingThread();
    void survivesDamagedBytes();

private:
    QString scratchFile(const QString& name) const { return QDir(m_scratch.path()).filePath(name); }
    QTemporaryDir m_scratch;
};

void TestLastFrame::takesTheLastFrame_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QRgb>("colour");
    // Only the final frame has this colour; every earlier one is blue.
    QTest::newRow("keyframe every second, B-frames")
        << QStringLiteral("last-red.mp4") << QSize(320, 240) << qRgb(255, 0, 0);
    QTest::newRow("one keyframe for the whole clip")
        << QStringLiteral("one-keyframe.mp4") << QSize(160, 96) << qRgb(0, 255, 0);
    QTest::newRow("VP9 with sound")
        << QStringLiteral("last-red.webm") << QSize(160, 120) << qRgb(255, 0, 0);
    QTest::newRow("live WebM: no cues, no duration")
        << QStringLiteral("last-red-live.webm") << QSize(160, 120) << qRgb(255, 0, 0);
}

void TestLastFrame::takesTheLastFrame() {
    QFETCH(QString, file);
    QFETCH(QSize, size);
    QFETCH(QRgb, colour);
    const QString png = scratchFile(file + QStringLiteral("/last.png"));
    const LastFrameResult result = extractLastFrame(mediaFile(file), png);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.pngPath, png);
    QCOMPARE(result.size, size);

    QImage image;
    QVERIFY(image.load(png, "PNG"));
    QCOMPARE(image.size(), size);
    for (const QPoint point : {QPoint(size.width() / 2, size.height() / 2), QPoint(2, 2),
                               QPoint(size.width() - 3, size.height() - 3)}) {
        const QRgb pixel = image.pixel(point);
        QVERIFY2(near(pixel, colour), qPrintable(describe(pixel)));
    }
}

void TestLastFrame::turnsTheFrameAsShown() {
    const QString png = scratchFile(QStringLiteral("rotated.png"));
    const LastFrameResult result = extractLastFrame(mediaFile(QStringLiteral("rotated.mp4")), png);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.size, QSize(240, 320));

    QImage ours;
    QVERIFY(ours.load(png));
    QImage ffmpegs; // ffmpeg's own rendering of the same clip, turned by its display matrix
    QVERIFY(ffmpegs.load(mediaFile(QStringLiteral("rotated-shown.png"))));
    QCOMPARE(ours.size(), ffmpegs.size());
    // The red and blue halves end up where ffmpeg shows them (top and bottom, in some order).
    for (const QPoint point : {QPoint(120, 40), QPoint(120, 280)}) {
        QVERIFY2(near(ours.pixel(point), ffmpegs.pixel(point)),
                 qPrintable(describe(ours.pixel(point)) + QStringLiteral(" vs ") +
                            describe(ffmpegs.pixel(point))));
    }
    QVERIFY(!near(ours.pixel(120, 40), ours.pixel(120, 280)));
}

void TestLastFrame::replacesAnOldPngWhole() {
    const QString png = scratchFile(QStringLiteral("replaced.png"));
    QVERIFY(writeFile(png, QByteArrayLiteral("an older frame")));
    const LastFrameResult result = extractLastFrame(mediaFile(QStringLiteral("last-red.mp4")), png);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QImage image;
    QVERIFY(image.load(png, "PNG"));
    QCOMPARE(image.size(), QSize(320, 240));

    // A failed extraction leaves the file as it was.
    const LastFrameResult failed = extractLastFrame(mediaFile(QStringLiteral("speech.wav")), png);
    QVERIFY(!failed.error.isEmpty());
    QVERIFY(failed.pngPath.isEmpty());
    QVERIFY(image.load(png, "PNG"));
    QCOMPARE(image.size(), QSize(320, 240));
}

void TestLastFrame::refusesWhatHasNoFrame_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected"); // a part of the sentence

    QFile whole(mediaFile(QStringLiteral("last-red.mp4")));
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    const QString truncated = scratchFile(QStringLiteral("cut.mp4"));
    QVERIFY(writeFile(truncated, bytes.left(bytes.size() / 2)));
    const QString empty = scratchFile(QStringLiteral("empty.mp4"));
    QVERIFY(writeFile(empty, {}));
    const QString text = scratchFile(QStringLiteral("readme.mp4"));
    QVERIFY(writeFile(text, QByteArrayLiteral("Not a film at all.\n").repeated(40)));

    QTest::newRow("audio only") << mediaFile(QStringLiteral("speech.mp3"))
                                << QStringLiteral("has no picture");
    QTest::newRow("audio with cover art")
        << mediaFile(QStringLiteral("speech-cover.mp3")) << QStringLiteral("has no picture");
    QTest::newRow("truncated") << truncated << QStringLiteral("“cut.mp4” is incomplete");
    QTest::newRow("zero length") << empty << QStringLiteral("is empty");
    QTest::newRow("text named .mp4") << text << QStringLiteral("is not a video or audio file");
    QTest::newRow("missing") << scratchFile(QStringLiteral("gone.mp4"))
                             << QStringLiteral("cannot be found");
}

void TestLastFrame::refusesWhatHasNoFrame() {
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const QString png = scratchFile(QStringLiteral("never.png"));
    const LastFrameResult result = extractLastFrame(path, png);
    QVERIFY2(result.error.contains(expected), qPrintable(result.error));
    QVERIFY(result.pngPath.isEmpty());
    QVERIFY(!QFile::exists(png));
}

void TestLastFrame::reportsAnUnwritableTarget() {
    // A file where the PNG's folder should be.
    const QString blocker = scratchFile(QStringLiteral("blocker"));
    QVERIFY(writeFile(blocker, QByteArrayLiteral("x")));
    const LastFrameResult result = extractLastFrame(mediaFile(QStringLiteral("last-red.mp4")),
                                                    blocker + QStringLiteral("/frame.png"));
    QVERIFY2(result.error.contains(QStringLiteral("“frame.png”")), qPrintable(result.error));
    QVERIFY(result.pngPath.isEmpty());
}

void TestLastFrame::asyncExtractionRunsOffTheCallingThread() {
    test::MediaLogThreads logThreads;
    QFutureWatcher<LastFrameResult> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    const QString png = scratchFile(QStringLiteral("async.png"));
    watcher.setFuture(extractLastFrameAsync(mediaFile(QStringLiteral("last-red.mp4")), png));
    QVERIFY(finished.wait(20000));
    const LastFrameResult result = watcher.result();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.size, QSize(320, 240));
    QVERIFY(QFile::exists(png));
    const QSet<QThread*> threads = logThreads.threads();
    QVERIFY(!threads.isEmpty());
    QVERIFY(!threads.contains(QThread::currentThread()));
}

void TestLastFrame::survivesDamagedBytes() {
    // Clips with bytes overwritten at fixed, seeded places (a stand-in until the fuzzer runs):
    // each gives a frame or a sentence, never a crash or both.
    QRandomGenerator random(16);
    for (const char* name : {"last-red.mp4", "last-red.webm", "with-sound.mp4"}) {
        QFile clip(mediaFile(QString::fromLatin1(name)));
        QVERIFY(clip.open(QIODevice::ReadOnly));
        const QByteArray original = clip.readAll();
        for (int round = 0; round < 30; ++round) {
            QByteArray damaged = original;
            const int changes = 1 + random.bounded(8);
            for (int i = 0; i < changes; ++i)
                damaged[random.bounded(damaged.size())] = static_cast<char>(random.bounded(256));
            const QString path = scratchFile(
                QStringLiteral("damaged-%1-%2").arg(round).arg(QString::fromLatin1(name)));
            QVERIFY(writeFile(path, damaged));
            const MediaProbeResult probed = probeMedia(path);
            QVERIFY(probed.facts.has_value() != !probed.error.isEmpty());
            const LastFrameResult frame = extractLastFrame(path, path + QStringLiteral(".png"));
            QVERIFY(frame.pngPath.isEmpty() != frame.error.isEmpty());
            if (!frame.error.isEmpty())
                QVERIFY2(frame.error.contains(QFileInfo(path).fileName()) ||
                             frame.error.contains(QStringLiteral(".png")),
                         qPrintable(frame.error));
            else
                QVERIFY(QImage(frame.pngPath).size() == frame.size);
        }
    }
}

QTEST_GUILESS_MAIN(TestLastFrame)
#include "tst_lastframe.moc"
