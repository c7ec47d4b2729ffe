// The player on a real H.264 clip (the sandbox's 960x540 sample, 1 s at 12 fps) with Qt's
// ffmpeg backend, offscreen: play/pause, seek, loop, mute and volume, the frame size, and a
// decoded frame read through the video sink (QVideoWidget::grab() is blank offscreen).
#include "core/settings/AppSettings.h"
#include "tests/support/TestSupport.h"
#include "ui/VideoPlayer.h"

#include <QAudioDevice>
#include <QAudioOutput>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMediaDevices>
#include <QMediaMetaData>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QVideoFrame>
#include <QVideoSink>

using namespace pixverse;

namespace {

template <typename T> T* child(const QWidget* parent, const char* name) {
    auto* w = parent->findChild<T*>(QLatin1String(name));
    if (!w)
        qFatal("no child named %s", name);
    return w;
}

constexpr int kTimeout = 15000;
//! Two gaps between position updates of a playing player (Qt's ffmpeg backend: every 100 ms).
constexpr int kStillMs = 200;

} // namespace

class TestVideoPlayer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void playsAndShowsTheFrameSize_data();
    void playsAndShowsTheFrameSize();
    void aFrameIsDecoded();
    void pauseAndSeek();
    void loopsWhenAsked_data();
    void loopsWhenAsked();
    void muteAndVolume();
    void keyboard();
    void aMissingFileSaysSo();
    void muteIsRememberedAcrossRuns();
    void playsTheSoundTrack();
    void timeText();
    void theTimeAndSliderAgreeAtTheEnd();
    void theTimeFollowsTheDraggedSlider();

private:
    //! The clip under its own name and under a Cyrillic one in a Cyrillic folder (a Russian
    //! prompt's file in "~/Видео"): Qt 6.4's FFmpeg backend cannot open such a path by URL.
    void addClipRows();

    QString m_clip;
    QTemporaryDir m_dir;
    QString m_cyrillicClip;
};

void TestVideoPlayer::addClipRows() {
    QTest::addColumn<QString>("clip");
    QTest::newRow("ascii") << m_clip;
    QTest::newRow("cyrillic") << m_cyrillicClip;
}

void TestVideoPlayer::initTestCase() {
    m_clip = QDir(test::clipsDir()).filePath(QStringLiteral("960x540.mp4"));
    QVERIFY2(QFileInfo::exists(m_clip),
             qPrintable(m_clip + QStringLiteral(" is missing: build pixverse_clips")));
    QCOMPARE(qgetenv("QT_MEDIA_BACKEND"), QByteArray("ffmpeg"));
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("Видео")));
    m_cyrillicClip = m_dir.filePath(QStringLiteral("Видео/маяк-в-шторм.mp4"));
    QVERIFY(QFile::copy(m_clip, m_cyrillicClip));
}

void TestVideoPlayer::playsAndShowsTheFrameSize_data() {
    addClipRows();
}

void TestVideoPlayer::playsAndShowsTheFrameSize() {
    QFETCH(QString, clip);
    VideoPlayer player;
    player.resize(640, 420);
    player.show();
    QSignalSpy sized(&player, &VideoPlayer::frameSizeChanged);
    QSignalSpy failed(&player, &VideoPlayer::errorOccurred);
    player.open(clip);
    QCOMPARE(player.path(), clip);
    QCOMPARE(child<QLabel>(&player, "playerTitle")->text(), QFileInfo(clip).fileName());
    player.play();
    QTRY_COMPARE_WITH_TIMEOUT(player.mediaPlayer()->playbackState(), QMediaPlayer::PlayingState,
                              kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(player.mediaPlayer()->position() > 0, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(player.frameSize(), QSize(960, 540), kTimeout);
    QVERIFY(sized.count() >= 1);
    QCOMPARE(child<QLabel>(&player, "frameSizeLabel")->text(), QStringLiteral("960 × 540"));
    QTRY_VERIFY_WITH_TIMEOUT(player.mediaPlayer()->duration() > 500, kTimeout);
    QCOMPARE(child<QSlider>(&player, "seekSlider")->maximum(), player.mediaPlayer()->duration());
    QVERIFY(child<QLabel>(&player, "timeLabel")->text().endsWith(QLatin1String(" / 0:01.0")));

    // The clip ends; without loop the player stops there.
    QTRY_COMPARE_WITH_TIMEOUT(player.mediaPlayer()->mediaStatus(), QMediaPlayer::EndOfMedia,
                              kTimeout);
    QTRY_COMPARE(player.mediaPlayer()->playbackState(), QMediaPlayer::StoppedState);
    // Play again starts over.
    child<QToolButton>(&player, "playPauseButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(player.mediaPlayer()->playbackState(), QMediaPlayer::PlayingState,
                              kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(player.mediaPlayer()->position() > 0, kTimeout);
    QCOMPARE(failed.count(), 0);
}

void TestVideoPlayer::aFrameIsDecoded() {
    VideoPlayer player;
    player.resize(640, 420);
    player.show();
    QVideoSink* sink = player.videoSink();
    QVERIFY(sink);
    QVideoFrame frame;
    connect(sink, &QVideoSink::videoFrameChanged, this, [&frame](const QVideoFrame& f) {
        if (f.isValid() && !frame.isValid())
            frame = f;
    });
    player.open(m_clip);
    player.play();
    QTRY_VERIFY_WITH_TIMEOUT(frame.isValid(), kTimeout);
    QCOMPARE(frame.size(), QSize(960, 540));
    const QImage image = frame.toImage();
    QCOMPARE(image.size(), QSize(960, 540));
    // testsrc2 is colourful: the picture is not one flat colour.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 60) {
        for (int x = 0; x < image.width(); x += 60)
            colours.insert(image.pixel(x, y) & 0xf0f0f0);
    }
    QVERIFY2(colours.size() >= 4, qPrintable(QString::number(colours.size())));
}

void TestVideoPlayer::pauseAndSeek() {
    VideoPlayer player;
    player.show();
    player.open(m_clip);
    player.play();
    QTRY_VERIFY_WITH_TIMEOUT(player.mediaPlayer()->position() > 0, kTimeout);
    // Playing, the position moves within kStillMs: so a quiet kStillMs below means "paused".
    QSignalSpy moved(player.mediaPlayer(), &QMediaPlayer::positionChanged);
    QVERIFY(moved.wait(kStillMs));
    player.pause();
    QTRY_COMPARE(player.mediaPlayer()->playbackState(), QMediaPlayer::PausedState);
    // Standing still has no event of its own: the one negative wait of this test.
    const qint64 paused = player.mediaPlayer()->position();
    moved.clear();
    QVERIFY2(!moved.wait(kStillMs), "the position moved while paused");
    QCOMPARE(player.mediaPlayer()->position(), paused);

    player.seek(600);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(player.mediaPlayer()->position() - 600) <= 100, kTimeout);
    QTRY_VERIFY(qAbs(child<QSlider>(&player, "seekSlider")->value() - 600) <= 100);
    QCOMPARE(player.mediaPlayer()->playbackState(), QMediaPlayer::PausedState);

    // The slider seeks too.
    auto* slider = child<QSlider>(&player, "seekSlider");
    slider->setSliderDown(true); // as when dragged
    slider->setSliderPosition(200);
    slider->setSliderDown(false);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(player.mediaPlayer()->position() - 200) <= 100, kTimeout);
    slider->triggerAction(QAbstractSlider::SliderPageStepAdd);
    QTRY_VERIFY_WITH_TIMEOUT(player.mediaPlayer()->position() > 500, kTimeout);

    child<QToolButton>(&player, "playPauseButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(player.mediaPlayer()->playbackState(), QMediaPlayer::PlayingState,
                              kTimeout);
}

void TestVideoPlayer::loopsWhenAsked_data() {
    addClipRows();
}

void TestVideoPlayer::loopsWhenAsked() {
    QFETCH(QString, clip);
    VideoPlayer player;
    player.show();
    QSignalSpy looping(&player, &VideoPlayer::loopingChanged);
    child<QToolButton>(&player, "loopButton")->click();
    QVERIFY(player.isLooping());
    QCOMPARE(looping.count(), 1);
    player.open(clip);
    QSignalSpy status(player.mediaPlayer(), &QMediaPlayer::mediaStatusChanged);
    player.play();
    // It reaches the end, starts over and keeps playing.
    QTRY_VERIFY_WITH_TIMEOUT(
        status.contains(QList<QVariant>{QVariant::fromValue(QMediaPlayer::EndOfMedia)}), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(player.mediaPlayer()->playbackState(), QMediaPlayer::PlayingState,
                              kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(
        player.mediaPlayer()->position() > 0 && player.mediaPlayer()->position() < 900, kTimeout);
    // A whole clip later it has reached the end again and is still going.
    QTRY_COMPARE_WITH_TIMEOUT(
        status.count(QList<QVariant>{QVariant::fromValue(QMediaPlayer::EndOfMedia)}), 2, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(player.mediaPlayer()->playbackState(), QMediaPlayer::PlayingState,
                              kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(
        player.mediaPlayer()->position() > 0 && player.mediaPlayer()->position() < 900, kTimeout);
    player.setLooping(false);
    QVERIFY(!child<QToolButton>(&player, "loopButton")->isChecked());
    QTRY_COMPARE_WITH_TIMEOUT(player.mediaPlayer()->playbackState(), QMediaPlayer::StoppedState,
                              kTimeout);
}

void TestVideoPlayer::muteAndVolume() {
    VideoPlayer player;
    player.show();
    player.open(m_clip);
    auto* mute = child<QToolButton>(&player, "muteButton");
    QVERIFY(!player.isMuted());
    mute->click();
    QVERIFY(player.isMuted());
    QVERIFY(player.audioOutput()->isMuted());
    mute->click();
    QVERIFY(!player.isMuted());
    player.setMuted(true);
    QVERIFY(mute->isChecked());

    auto* volume = child<QSlider>(&player, "volumeSlider");
    volume->setValue(30);
    QCOMPARE(qRound(player.volume() * 100), 30);
    QCOMPARE(qRound(player.audioOutput()->volume() * 100), 30);
    player.setVolume(0.8f);
    QCOMPARE(volume->value(), 80);
    player.setVolume(3.0f);
    QCOMPARE(player.volume(), 1.0f);
}

void TestVideoPlayer::keyboard() {
    VideoPlayer player;
    player.show();
    QVERIFY(QTest::qWaitForWindowExposed(&player));
    player.open(m_clip);
    player.setFocus();
    QTest::keyClick(&player, Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(player.mediaPlayer()->playbackState(), QMediaPlayer::PlayingState,
                              kTimeout);
    QTest::keyClick(&player, Qt::Key_Space);
    QTRY_COMPARE(player.mediaPlayer()->playbackState(), QMediaPlayer::PausedState);
    QTest::keyClick(&player, Qt::Key_M);
    QVERIFY(player.isMuted());
    QTest::keyClick(&player, Qt::Key_L);
    QVERIFY(player.isLooping());
}

void TestVideoPlayer::aMissingFileSaysSo() {
    VideoPlayer player;
    player.show();
    QSignalSpy error(&player, &VideoPlayer::errorOccurred);
    QTemporaryDir dir;
    player.open(dir.filePath(QStringLiteral("gone.mp4")));
    player.play();
    QTRY_VERIFY_WITH_TIMEOUT(error.count() >= 1, kTimeout);
    QVERIFY(!player.errorString().isEmpty());
    QVERIFY(child<QLabel>(&player, "playerErrorLabel")->isVisible());
    // A good file afterwards clears the message.
    player.open(m_clip);
    QVERIFY(player.errorString().isEmpty());
    QVERIFY(!child<QLabel>(&player, "playerErrorLabel")->isVisible());
}

void TestVideoPlayer::muteIsRememberedAcrossRuns() {
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("settings.ini"));
    {
        AppSettings settings(ini);
        VideoPlayer player;
        player.setSettings(&settings);
        QVERIFY(!player.isMuted()); // sound on by default
        // The output is the media player's (when the system has an audio device at all):
        // muting it mutes what is played.
        QCOMPARE(player.hasSoundOutput(), !QMediaDevices::audioOutputs().isEmpty());
        if (player.hasSoundOutput())
            QCOMPARE(player.mediaPlayer()->audioOutput(), player.audioOutput());
        child<QToolButton>(&player, "muteButton")->click();
        QVERIFY(player.audioOutput()->isMuted());
        QVERIFY(settings.playerMuted());
    }
    {
        // The next run: a new player, the settings read again from the file.
        AppSettings settings(ini);
        QVERIFY(settings.playerMuted());
        VideoPlayer player;
        QVERIFY(!player.isMuted());
        player.setSettings(&settings);
        QVERIFY(player.isMuted());
        QVERIFY(player.audioOutput()->isMuted());
        QVERIFY(child<QToolButton>(&player, "muteButton")->isChecked());
        QCOMPARE(child<QToolButton>(&player, "muteButton")->accessibleName(),
                 QStringLiteral("Unmute"));
        player.show();
        QVERIFY(QTest::qWaitForWindowExposed(&player));
        player.setFocus();
        QTest::keyClick(&player, Qt::Key_M);
        QVERIFY(!player.audioOutput()->isMuted());
        QVERIFY(!settings.playerMuted());
    }
    AppSettings settings(ini);
    QVERIFY(!settings.playerMuted());
}

void TestVideoPlayer::playsTheSoundTrack() {
    // The sandbox's clips with sound (a 440 Hz AAC track), made at build time like the others.
    const QStringList withSound =
        QDir(test::clipsDir()).entryList({QStringLiteral("*-audio.mp4")}, QDir::Files);
    QVERIFY2(!withSound.isEmpty(), qPrintable(test::clipsDir()));
    const QString clip = QDir(test::clipsDir()).filePath(withSound.first());
    VideoPlayer player;
    player.show();
    player.open(clip);
    QTRY_VERIFY_WITH_TIMEOUT(player.mediaPlayer()->mediaStatus() == QMediaPlayer::LoadedMedia ||
                                 player.mediaPlayer()->mediaStatus() == QMediaPlayer::BufferedMedia,
                             kTimeout);
    QVERIFY(player.mediaPlayer()->hasAudio());
    QVERIFY(!player.mediaPlayer()->audioTracks().isEmpty());
    qInfo("audio devices: %d", int(QMediaDevices::audioOutputs().size()));
    QCOMPARE(player.hasSoundOutput(), !QMediaDevices::audioOutputs().isEmpty());
    player.play();
    // It plays to the end, with or without a device to hear it on.
    QTRY_VERIFY_WITH_TIMEOUT(player.mediaPlayer()->position() > 0, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(player.mediaPlayer()->mediaStatus(), QMediaPlayer::EndOfMedia,
                              kTimeout);
    QCOMPARE(player.mediaPlayer()->error(), QMediaPlayer::NoError);
    QVERIFY(!player.audioOutput()->isMuted());
    QVERIFY(QTest::qWaitForWindowExposed(&player));
    player.setFocus();
    QTest::keyClick(&player, Qt::Key_M);
    QVERIFY(player.audioOutput()->isMuted());
}

void TestVideoPlayer::timeText() {
    QLocale::setDefault(QLocale::c());
    // Under a minute (every clip is 1–15 s): tenths, so that the position moves.
    QCOMPARE(VideoPlayer::timeText(0, 0), QStringLiteral("0:00.0 / 0:00.0"));
    QCOMPARE(VideoPlayer::timeText(917, 1000), QStringLiteral("0:00.9 / 0:01.0"));
    QCOMPARE(VideoPlayer::timeText(12000, 12000), QStringLiteral("0:12.0 / 0:12.0"));
    QCOMPARE(VideoPlayer::timeText(-5, 15000), QStringLiteral("0:00.0 / 0:15.0"));
    // From a minute on, whole seconds.
    QCOMPARE(VideoPlayer::timeText(65000, 130000), QStringLiteral("1:05 / 2:10"));
    QCOMPARE(VideoPlayer::timeText(3725000, 7200000), QStringLiteral("1:02:05 / 2:00:00"));
}

void TestVideoPlayer::theTimeAndSliderAgreeAtTheEnd() {
    // Issue 18: "0:00 / 0:01" while the slider stood near the end of a 1 s clip.
    VideoPlayer player;
    player.show();
    auto* slider = child<QSlider>(&player, "seekSlider");
    auto* time = child<QLabel>(&player, "timeLabel");
    player.open(m_clip);
    QTRY_VERIFY_WITH_TIMEOUT(player.mediaPlayer()->duration() > 500, kTimeout);
    const qint64 duration = player.mediaPlayer()->duration();
    // Loaded: at the start.
    QCOMPARE(slider->value(), 0);
    QCOMPARE(time->text(), VideoPlayer::timeText(0, duration));
    // While it plays, the label says where the slider is.
    int disagreements = 0;
    connect(player.mediaPlayer(), &QMediaPlayer::positionChanged, this, [&] {
        if (time->text() != VideoPlayer::timeText(slider->value(), duration))
            ++disagreements;
    });
    player.play();
    QTRY_COMPARE_WITH_TIMEOUT(player.mediaPlayer()->mediaStatus(), QMediaPlayer::EndOfMedia,
                              kTimeout);
    QCOMPARE(disagreements, 0);
    // At the end both say the end.
    QTRY_COMPARE(slider->value(), slider->maximum());
    QCOMPARE(time->text(), VideoPlayer::timeText(duration, duration));
    // Played again: back at the start, both.
    player.play();
    QTRY_VERIFY_WITH_TIMEOUT(player.mediaPlayer()->position() > 0, kTimeout);
    QVERIFY(slider->value() < slider->maximum());
    QCOMPARE(time->text(), VideoPlayer::timeText(slider->value(), duration));
}

void TestVideoPlayer::theTimeFollowsTheDraggedSlider() {
    // Issue 18: "0:00 / 0:01" with the slider near the end. While the slider is held, the label
    // said where the playing player was, not where the slider stood; it must say where the
    // slider is, and follow the player again once it is let go.
    const QString clip = QDir(test::clipsDir()).filePath(QStringLiteral("360x360-3s.mp4"));
    QVERIFY(QFileInfo::exists(clip));
    VideoPlayer player;
    player.show();
    auto* slider = child<QSlider>(&player, "seekSlider");
    auto* time = child<QLabel>(&player, "timeLabel");
    player.open(clip);
    QTRY_VERIFY_WITH_TIMEOUT(player.mediaPlayer()->duration() > 2500, kTimeout);
    const qint64 duration = player.mediaPlayer()->duration();
    player.play();
    QTRY_VERIFY_WITH_TIMEOUT(player.mediaPlayer()->position() > 100, kTimeout);
    // Held at 0.3 s while the player plays on from there.
    slider->setSliderDown(true);
    slider->setSliderPosition(300);
    QCOMPARE(time->text(), VideoPlayer::timeText(300, duration));
    QStringList disagreements;
    const auto check = connect(player.mediaPlayer(), &QMediaPlayer::positionChanged, this, [&] {
        if (time->text() != VideoPlayer::timeText(slider->sliderPosition(), duration))
            disagreements << time->text();
    });
    QTRY_VERIFY_WITH_TIMEOUT(player.mediaPlayer()->position() > 1200, kTimeout);
    QVERIFY2(disagreements.isEmpty(), qPrintable(disagreements.join(QLatin1String(", "))));
    // Dragged on near the end: the label says so at once.
    slider->setSliderPosition(static_cast<int>(duration - 200));
    QCOMPARE(time->text(), VideoPlayer::timeText(duration - 200, duration));
    QVERIFY2(disagreements.isEmpty(), qPrintable(disagreements.join(QLatin1String(", "))));
    disconnect(check);
    // Let go: the player is there, and label and slider follow it again.
    slider->setSliderDown(false);
    QTRY_VERIFY_WITH_TIMEOUT(player.mediaPlayer()->position() >= duration - 300, kTimeout);
    QTRY_COMPARE(time->text(), VideoPlayer::timeText(slider->value(), duration));
    QVERIFY(slider->value() >= duration - 300);
}

QTEST_MAIN(TestVideoPlayer)
#include "tst_videoplayer.moc"
