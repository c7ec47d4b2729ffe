// writeVideoMetadata / readVideoMetadata on real clips ffmpeg made at build time: the title and
// the comment go into the MP4's own tags (©nam, ©cmt) without re-encoding, the clip still plays
// as before, and a file that cannot carry them is left as it was.
#include "MediaTestFiles.h"
#include "core/media/LastFrame.h"
#include "core/media/MediaProbe.h"
#include "core/media/VideoMetadata.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;
using pixverse::test::mediaFile;
using pixverse::test::writeFile;

class TestVideoMetadata : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void rewritingReplacesTheTags();
    void refusesWhatCannotCarryIt_data();
    void refusesWhatCannotCarryIt();

private:
    //! A copy of a built clip in the scratch folder (the writer replaces the file).
    QString copyOf(const QString& name);
    static QByteArray bytesOf(const QString& path);

    QTemporaryDir m_scratch;
};

QString TestVideoMetadata::copyOf(const QString& name) {
    const QString target = m_scratch.filePath(name);
    QFile::remove(target);
    return QFile::copy(mediaFile(name), target) ? target : QString();
}

QByteArray TestVideoMetadata::bytesOf(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestVideoMetadata::roundTrip_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("mp4 with sound") << QStringLiteral("with-sound.mp4");
    QTest::newRow("mov") << QStringLiteral("clip.mov");
    QTest::newRow("rotated mp4") << QStringLiteral("rotated.mp4");
}

void TestVideoMetadata::roundTrip() {
    QFETCH(QString, file);
    const QString path = copyOf(file);
    QVERIFY(!path.isEmpty());
    const MediaProbeResult before = probeMedia(path);
    QVERIFY2(before.facts, qPrintable(before.error));
    QCOMPARE(readVideoMetadata(path)->title, QString()); // ffmpeg wrote none

    const VideoMetadata metadata{
        QStringLiteral("Маяк в шторм"),
        QStringLiteral("A lighthouse in a storm, waves over the rocks\nV5.6 · 540p · 5 s")};
    const QString error = writeVideoMetadata(path, metadata);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(readVideoMetadata(path), std::optional<VideoMetadata>(metadata));

    // The same clip: streams, size, length (copied, not re-encoded), the rotation kept.
    const MediaProbeResult after = probeMedia(path);
    QVERIFY2(after.facts, qPrintable(after.error));
    QCOMPARE(after.facts->videoCodec, before.facts->videoCodec);
    QCOMPARE(after.facts->audioCodec, before.facts->audioCodec);
    QCOMPARE(after.facts->width, before.facts->width);
    QCOMPARE(after.facts->height, before.facts->height);
    QVERIFY(qAbs(after.facts->seconds - before.facts->seconds) < 0.1);
    const LastFrameResult frame =
        extractLastFrame(path, m_scratch.filePath(QStringLiteral("f.png")));
    QVERIFY2(frame.error.isEmpty(), qPrintable(frame.error)); // still decodes
    QCOMPARE(frame.size, QSize(before.facts->width, before.facts->height));
    // QuickTime's own atoms: what other players and file managers show.
    const QByteArray bytes = bytesOf(path);
    QVERIFY(bytes.contains(QByteArrayLiteral("\xa9nam")));
    QVERIFY(bytes.contains(QByteArrayLiteral("\xa9"
                                             "cmt")));
    QVERIFY(bytes.contains(metadata.title.toUtf8()));
    // Nothing left beside it.
    QCOMPARE(QDir(m_scratch.path())
                 .entryList(QStringList{QStringLiteral(".*")}, QDir::Files | QDir::Hidden),
             QStringList());
}

void TestVideoMetadata::rewritingReplacesTheTags() {
    const QString path = copyOf(QStringLiteral("upright.mp4"));
    QVERIFY(writeVideoMetadata(path, {QStringLiteral("first"), QStringLiteral("one")}).isEmpty());
    QVERIFY(writeVideoMetadata(path, {QStringLiteral("second"), QString()}).isEmpty());
    const std::optional<VideoMetadata> read = readVideoMetadata(path);
    QVERIFY(read);
    QCOMPARE(read->title, QStringLiteral("second"));
    QCOMPARE(read->comment, QString()); // an empty comment takes the old one away
}

void TestVideoMetadata::refusesWhatCannotCarryIt_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("bytes"); // written instead of a copy when not empty
    QTest::newRow("webm") << QStringLiteral("clip.webm") << QByteArray();
    QTest::newRow("text named mp4")
        << QStringLiteral("notes.mp4") << QByteArrayLiteral("not a video at all");
    QTest::newRow("missing") << QStringLiteral("missing.mp4") << QByteArray();
}

void TestVideoMetadata::refusesWhatCannotCarryIt() {
    QFETCH(QString, file);
    QFETCH(QByteArray, bytes);
    QString path = m_scratch.filePath(file);
    if (!bytes.isEmpty())
        QVERIFY(writeFile(path, bytes));
    else if (file != QLatin1String("missing.mp4"))
        path = copyOf(file);
    const QByteArray hash =
        QCryptographicHash::hash(bytesOf(path), QCryptographicHash::Sha256); // empty if missing
    const QString error = writeVideoMetadata(path, {QStringLiteral("t"), QStringLiteral("c")});
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(file), qPrintable(error)); // the sentence names the file
    QCOMPARE(QCryptographicHash::hash(bytesOf(path), QCryptographicHash::Sha256), hash);
    if (file == QLatin1String("missing.mp4")) {
        QVERIFY(!QFile::exists(path));
        QVERIFY(!readVideoMetadata(path));
    }
}

QTEST_GUILESS_MAIN(TestVideoMetadata)
#include "tst_videometadata.moc"
