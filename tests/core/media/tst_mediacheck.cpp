#include "MediaTestFiles.h"
#include "core/generation/ImageCheck.h"
#include "core/media/MediaCheck.h"
#include "core/media/MediaLimits.h"

#include <QTest>

using namespace pixverse;
using pixverse::test::mediaFile;

Q_DECLARE_METATYPE(pixverse::MediaUse)

namespace {

//! The facts of a file ffmpeg made at build time.
MediaFacts factsOf(const QString& name) {
    const MediaProbeResult result = probeMedia(mediaFile(name));
    if (!result.facts)
        qFatal("cannot probe %s: %s", qPrintable(name), qPrintable(result.error));
    return *result.facts;
}

const QList<MediaUse> kVideoUses{MediaUse::ExtendSource, MediaUse::LipSyncVideo,
                                 MediaUse::SoundSource, MediaUse::UpscaleSource};

} // namespace

class TestMediaCheck : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void acceptsWhatPixVerseTakes_data();
    void acceptsWhatPixVerseTakes();
    void refuses_data();
    void refuses();
    void refusesTooBigFiles();
    void limitsAreInclusiveWhereDocumented();
};

void TestMediaCheck::acceptsWhatPixVerseTakes_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<MediaUse>("use");
    for (const MediaUse use : kVideoUses) {
        const QString useName = QString::number(static_cast<int>(use));
        QTest::addRow("mp4 for use %s", qPrintable(useName))
            << QStringLiteral("with-sound.mp4") << use;
        QTest::addRow("mov for use %s", qPrintable(useName)) << QStringLiteral("clip.mov") << use;
    }
    for (const MediaUse use :
         {MediaUse::ExtendSource, MediaUse::SoundSource, MediaUse::UpscaleSource})
        QTest::addRow("webm for use %d", static_cast<int>(use))
            << QStringLiteral("clip.webm") << use;
    // 31 s is over the upload limit but under extend's own.
    QTest::newRow("31 s to extend") << QStringLiteral("31s.mp4") << MediaUse::ExtendSource;
    for (const char* audio : {"speech.mp3", "speech.wav", "speech.m4a", "speech.aac"})
        QTest::newRow(audio) << QString::fromLatin1(audio) << MediaUse::LipSyncAudio;
}

void TestMediaCheck::acceptsWhatPixVerseTakes() {
    QFETCH(QString, file);
    QFETCH(MediaUse, use);
    const std::optional<QString> refusal = mediaRefusal(factsOf(file), use);
    QVERIFY2(!refusal, qPrintable(refusal.value_or(QString())));
}

void TestMediaCheck::refuses_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<MediaUse>("use");
    QTest::addColumn<QString>("sentence");

    for (const MediaUse use : kVideoUses) {
        QTest::addRow("audio for video use %d", static_cast<int>(use))
            << QStringLiteral("speech.mp3") << use
            << (use == MediaUse::LipSyncVideo
                    ? QStringLiteral("“speech.mp3” has no picture: a video (MP4 or MOV) is needed.")
                    : QStringLiteral(
                          "“speech.mp3” has no picture: a video (MP4, MOV or WebM) is needed."));
        QTest::addRow("mkv for video use %d", static_cast<int>(use))
            << QStringLiteral("clip.mkv") << use
            << (use == MediaUse::LipSyncVideo
                    ? QStringLiteral("“clip.mkv” is in Matroska (MKV) format; PixVerse takes only "
                                     "MP4 or MOV video here.")
                    : QStringLiteral("“clip.mkv” is in Matroska (MKV) format; PixVerse takes only "
                                     "MP4, MOV or WebM video here."));
        QTest::addRow("2000 px for video use %d", static_cast<int>(use))
            << QStringLiteral("wide.mp4") << use
            << QStringLiteral("The video “wide.mp4” is 2000 × 16 px; PixVerse takes at most 1920 "
                              "px on either side.");
    }
    QTest::newRow("webm for lip sync")
        << QStringLiteral("clip.webm") << MediaUse::LipSyncVideo
        << QStringLiteral(
               "“clip.webm” is in WebM format; PixVerse takes only MP4 or MOV video here.");
    for (const MediaUse use :
         {MediaUse::LipSyncVideo, MediaUse::SoundSource, MediaUse::UpscaleSource})
        QTest::addRow("31 s for use %d", static_cast<int>(use))
            << QStringLiteral("31s.mp4") << use
            << QStringLiteral("The video “31s.mp4” is 31 s long; PixVerse takes at most 30 s.");
    QTest::newRow("40 s to extend")
        << QStringLiteral("40s.mp4") << MediaUse::ExtendSource
        << QStringLiteral(
               "The video “40s.mp4” is 40 s long; PixVerse extends only videos shorter than 40 s.");
    QTest::newRow("31 s of speech")
        << QStringLiteral("long-speech.mp3") << MediaUse::LipSyncAudio
        << QStringLiteral("The audio “long-speech.mp3” is %1 s long; PixVerse takes at most 30 s.");
    QTest::newRow("a silent video as speech")
        << QStringLiteral("clip.mov") << MediaUse::LipSyncAudio
        << QStringLiteral(
               "“clip.mov” has no sound: an audio file (MP3, WAV, M4A or AAC) is needed.");
    QTest::newRow("a film as speech")
        << QStringLiteral("with-sound.mp4") << MediaUse::LipSyncAudio
        << QStringLiteral(
               "“with-sound.mp4” is in MP4 format; PixVerse takes only MP3, WAV, M4A or AAC "
               "audio here.");
}

void TestMediaCheck::refuses() {
    QFETCH(QString, file);
    QFETCH(MediaUse, use);
    QFETCH(QString, sentence);
    const MediaFacts facts = factsOf(file);
    const std::optional<QString> refusal = mediaRefusal(facts, use);
    QVERIFY(refusal);
    // An MP3's length is a little over whole seconds (encoder padding): rounded up to a tenth.
    if (sentence.contains(QLatin1String("%1")))
        sentence =
            sentence.arg(QLocale().toString(std::ceil(facts.seconds * 10 - 1e-6) / 10, 'g', 6));
    QCOMPARE(*refusal, sentence);
}

void TestMediaCheck::refusesTooBigFiles() {
    MediaFacts facts = factsOf(QStringLiteral("with-sound.mp4"));
    facts.bytes = media_limits::kMaxUploadBytes + 1;
    for (const MediaUse use : kVideoUses) {
        const std::optional<QString> refusal = mediaRefusal(facts, use);
        QVERIFY(refusal);
        QCOMPARE(*refusal,
                 QStringLiteral("“with-sound.mp4” is %1; PixVerse takes files of at most %2.")
                     .arg(ImageCheck::formatBytes(facts.bytes),
                          ImageCheck::formatBytes(media_limits::kMaxUploadBytes)));
    }
    MediaFacts speech = factsOf(QStringLiteral("speech.wav"));
    speech.bytes = 60LL * 1024 * 1024;
    const std::optional<QString> refusal = mediaRefusal(speech, MediaUse::LipSyncAudio);
    QVERIFY(refusal);
    QVERIFY2(refusal->startsWith(QStringLiteral("“speech.wav” is ")), qPrintable(*refusal));
}

void TestMediaCheck::limitsAreInclusiveWhereDocumented() {
    MediaFacts facts = factsOf(QStringLiteral("with-sound.mp4"));
    facts.bytes = media_limits::kMaxUploadBytes;     // "≤ 50 MB"
    facts.seconds = media_limits::kMaxUploadSeconds; // "≤ 30 s"
    facts.width = media_limits::kMaxVideoSide;       // "≤ 1920 px"
    facts.height = 1080;
    for (const MediaUse use : kVideoUses)
        QVERIFY(!mediaRefusal(facts, use));

    facts.seconds = media_limits::kMaxUploadSeconds + 0.05;
    QCOMPARE(mediaRefusal(facts, MediaUse::UpscaleSource).value_or(QString()),
             QStringLiteral("The video “with-sound.mp4” is %1 s long; PixVerse takes at most 30 s.")
                 .arg(QLocale().toString(30.1, 'g', 6)));
    // Extend: "shorter than 40 s".
    facts.seconds = media_limits::kMaxExtendSourceSeconds - 0.01;
    QVERIFY(!mediaRefusal(facts, MediaUse::ExtendSource));
    facts.seconds = media_limits::kMaxExtendSourceSeconds;
    QVERIFY(mediaRefusal(facts, MediaUse::ExtendSource));
    facts.seconds = 30;
    facts.width = media_limits::kMaxVideoSide + 1;
    QVERIFY(mediaRefusal(facts, MediaUse::ExtendSource));
}

QTEST_GUILESS_MAIN(TestMediaCheck)
#include "tst_mediacheck.moc"
