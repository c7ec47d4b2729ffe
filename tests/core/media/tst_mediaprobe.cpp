#include "MediaTestFiles.h"
#include "core/media/MediaProbe.h"

#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;
using pixverse::test::mediaFile;
using pixverse::test::writeFile;

class TestMediaProbe : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // First: nothing before it has read a file.
    void loadsFfmpegOnFirstUse();
    void readsFacts_data();
    void readsFacts();
    void countsRotationAsShown();
    void readsOddFileNames();
    void refusesDamagedFiles_data();
    void refusesDamagedFiles();
    void asyncProbeRunsOffTheCallingThread();

private:
    QTemporaryDir m_scratch;
};

namespace {
//! Whether the process has `library` mapped (/proc/self/maps names every loaded file).
bool mapped(const QByteArray& library) {
    QFile maps(QStringLiteral("/proc/self/maps"));
    return maps.open(QIODevice::ReadOnly) && maps.readAll().contains(library);
}
} // namespace

// Issue 20: ffmpeg's libraries are not linked (they slowed every start-up) but loaded by the
// first call that reads a file, and the probe works through them.
void TestMediaProbe::loadsFfmpegOnFirstUse() {
    QVERIFY(!mapped("/libavformat.so"));
    QVERIFY(!mapped("/libavcodec.so"));
    const MediaProbeResult result = probeMedia(mediaFile(QStringLiteral("with-sound.mp4")));
    QVERIFY2(result.facts, qPrintable(result.error));
    QCOMPARE(result.facts->videoCodec, QStringLiteral("h264"));
    QVERIFY(mapped("/libavformat.so"));
    QVERIFY(mapped("/libavcodec.so"));
    QVERIFY(mapped("/libswscale.so"));
}

void TestMediaProbe::readsFacts_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("container");
    QTest::addColumn<QString>("mimeType");
    QTest::addColumn<QString>("videoCodec");
    QTest::addColumn<QString>("audioCodec");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("seconds");

    const QString none;
    const QString h264 = QStringLiteral("h264");
    const QString aac = QStringLiteral("aac");
    QTest::newRow("H.264 + AAC mp4")
        << QStringLiteral("with-sound.mp4") << QStringLiteral("mp4") << QStringLiteral("video/mp4")
        << h264 << aac << QSize(160, 120) << 2.0;
    QTest::newRow("mov") << QStringLiteral("clip.mov") << QStringLiteral("mov")
                         << QStringLiteral("video/quicktime") << h264 << none << QSize(160, 120)
                         << 1.0;
    QTest::newRow("webm") << QStringLiteral("clip.webm") << QStringLiteral("webm")
                          << QStringLiteral("video/webm") << QStringLiteral("vp9") << none
                          << QSize(160, 120) << 1.0;
    QTest::newRow("mkv") << QStringLiteral("clip.mkv") << QStringLiteral("matroska")
                         << QStringLiteral("video/x-matroska") << h264 << none << QSize(160, 120)
                         << 1.0;
    QTest::newRow("wav") << QStringLiteral("speech.wav") << QStringLiteral("wav")
                         << QStringLiteral("audio/wav") << none << QStringLiteral("pcm_s16le")
                         << QSize() << 2.0;
    QTest::newRow("mp3") << QStringLiteral("speech.mp3") << QStringLiteral("mp3")
                         << QStringLiteral("audio/mpeg") << none << QStringLiteral("mp3") << QSize()
                         << 2.0;
    QTest::newRow("mp3 with cover art")
        << QStringLiteral("speech-cover.mp3") << QStringLiteral("mp3")
        << QStringLiteral("audio/mpeg") << none << QStringLiteral("mp3") << QSize() << 2.0;
    QTest::newRow("m4a") << QStringLiteral("speech.m4a") << QStringLiteral("m4a")
                         << QStringLiteral("audio/x-m4a") << none << aac << QSize() << 2.0;
    QTest::newRow("aac") << QStringLiteral("speech.aac") << QStringLiteral("aac")
                         << QStringLiteral("audio/aac") << none << aac << QSize() << 2.0;
    QTest::newRow("2000 px wide") << QStringLiteral("wide.mp4") << QStringLiteral("mp4")
                                  << QStringLiteral("video/mp4") << h264 << none << QSize(2000, 16)
                                  << 1.0;
    QTest::newRow("31 s") << QStringLiteral("31s.mp4") << QStringLiteral("mp4")
                          << QStringLiteral("video/mp4") << h264 << none << QSize(16, 16) << 31.0;
}

void TestMediaProbe::readsFacts() {
    QFETCH(QString, file);
    QFETCH(QString, container);
    QFETCH(QString, mimeType);
    QFETCH(QString, videoCodec);
    QFETCH(QString, audioCodec);
    QFETCH(QSize, size);
    QFETCH(double, seconds);

    const QString path = mediaFile(file);
    const MediaProbeResult result = probeMedia(path);
    QVERIFY2(result.facts, qPrintable(result.error));
    QVERIFY(result.error.isEmpty());
    const MediaFacts& facts = *result.facts;
    QCOMPARE(facts.path, path);
    QCOMPARE(facts.bytes, QFileInfo(path).size());
    QVERIFY(facts.bytes > 0);
    QCOMPARE(facts.container, container);
    QCOMPARE(facts.mimeType, mimeType);
    QCOMPARE(facts.hasVideo, !videoCodec.isEmpty());
    QCOMPARE(facts.hasAudio, !audioCodec.isEmpty());
    QCOMPARE(facts.videoCodec, videoCodec);
    QCOMPARE(facts.audioCodec, audioCodec);
    QCOMPARE(QSize(facts.width, facts.height), size.isValid() ? size : QSize(0, 0));
    // Encoders pad audio a little (priming samples); a tenth of a second either way.
    QVERIFY2(qAbs(facts.seconds - seconds) < 0.15, qPrintable(QString::number(facts.seconds)));
}

void TestMediaProbe::countsRotationAsShown() {
    const MediaProbeResult result = probeMedia(mediaFile(QStringLiteral("rotated.mp4")));
    QVERIFY2(result.facts, qPrintable(result.error));
    // Stored 320x240, shown turned by 90°.
    QCOMPARE(QSize(result.facts->width, result.facts->height), QSize(240, 320));
}

void TestMediaProbe::readsOddFileNames() {
    QVERIFY(m_scratch.isValid());
    // A colon (a protocol to ffmpeg), a percent escape, spaces and Cyrillic: read as a plain name.
    const QString odd =
        QDir(m_scratch.path()).filePath(QStringLiteral("http: клип #1 %20 (copy).mp4"));
    QVERIFY(QFile::copy(mediaFile(QStringLiteral("with-sound.mp4")), odd));
    const MediaProbeResult result = probeMedia(odd);
    QVERIFY2(result.facts, qPrintable(result.error));
    QCOMPARE(result.facts->path, odd);
    QCOMPARE(QSize(result.facts->width, result.facts->height), QSize(160, 120));
}

void TestMediaProbe::refusesDamagedFiles_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected"); // a part of the sentence
    QVERIFY(m_scratch.isValid());
    const QDir dir(m_scratch.path());

    QFile whole(mediaFile(QStringLiteral("with-sound.mp4")));
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    QVERIFY(bytes.size() > 4000);
    // The index (moov, first: +faststart) is whole, the media data after it is cut off.
    const QString truncated = dir.filePath(QStringLiteral("truncated.mp4"));
    QVERIFY(writeFile(truncated, bytes.left(bytes.size() / 2)));
    // Only the start of the index.
    const QString headOnly = dir.filePath(QStringLiteral("head-only.mp4"));
    QVERIFY(writeFile(headOnly, bytes.left(200)));
    // A WAV's data chunk says how long it is: cut in half, it says more than there is.
    QFile wav(mediaFile(QStringLiteral("speech.wav")));
    QVERIFY(wav.open(QIODevice::ReadOnly));
    const QByteArray wavBytes = wav.readAll();
    const QString truncatedWav = dir.filePath(QStringLiteral("truncated.wav"));
    QVERIFY(writeFile(truncatedWav, wavBytes.left(wavBytes.size() / 2)));
    const QString empty = dir.filePath(QStringLiteral("empty.mp4"));
    QVERIFY(writeFile(empty, {}));
    const QString text = dir.filePath(QStringLiteral("notes.mp4"));
    QVERIFY(
        writeFile(text, QByteArrayLiteral("This is a shopping list, not a film.\n").repeated(50)));
    const QString folder = dir.filePath(QStringLiteral("folder.mp4"));
    QVERIFY(dir.mkpath(folder));
    // An ffmpeg concat list is a "media file" to ffmpeg: it must not be followed.
    const QString concat = dir.filePath(QStringLiteral("list.mp4"));
    QVERIFY(writeFile(concat, "ffconcat version 1.0\nfile '" +
                                  mediaFile(QStringLiteral("with-sound.mp4")).toUtf8() + "'\n"));

    QTest::newRow("truncated") << truncated << QStringLiteral("incomplete");
    QTest::newRow("truncated WAV") << truncatedWav << QStringLiteral("incomplete");
    QTest::newRow("only the header") << headOnly << QStringLiteral("“head-only.mp4”");
    QTest::newRow("zero length") << empty << QStringLiteral("is empty");
    QTest::newRow("text named .mp4") << text << QStringLiteral("is not a video or audio file");
    QTest::newRow("concat list") << concat << QStringLiteral("is not a video or audio file");
    QTest::newRow("folder") << folder << QStringLiteral("is a folder");
    QTest::newRow("missing") << dir.filePath(QStringLiteral("gone.mp4"))
                             << QStringLiteral("cannot be found");
}

void TestMediaProbe::refusesDamagedFiles() {
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const MediaProbeResult result = probeMedia(path);
    QVERIFY(!result.facts);
    QVERIFY2(result.error.contains(expected), qPrintable(result.error));
    QVERIFY2(result.error.contains(QFileInfo(path).fileName()), qPrintable(result.error));
}

void TestMediaProbe::asyncProbeRunsOffTheCallingThread() {
    test::MediaLogThreads logThreads;
    QFutureWatcher<MediaProbeResult> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(probeMediaAsync(mediaFile(QStringLiteral("with-sound.mp4"))));
    QVERIFY(finished.wait(10000));
    const MediaProbeResult result = watcher.result();
    QVERIFY2(result.facts, qPrintable(result.error));
    QCOMPARE(result.facts->container, QStringLiteral("mp4"));
    const QSet<QThread*> threads = logThreads.threads();
    QVERIFY(!threads.isEmpty());
    QVERIFY(!threads.contains(QThread::currentThread()));
}

QTEST_GUILESS_MAIN(TestMediaProbe)
#include "tst_mediaprobe.moc"
