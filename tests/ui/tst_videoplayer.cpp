// The player on a real H.264 clip (the sandbox's 960x540 sample, 1 s at 12 fps) with Qt's
// ffmpeg backend, offscreen: play/pause, seek, loop, mute and volume, the frame size, and a
// decoded frame read through the video sink (QVideoWidget::grab() is blank offscreen).
#include "tests/support/TestSupport.h"
#include "ui/VideoPlayer.h"

#include <QAudioOutput>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
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
    QVERIFY(child<QLabel>(&player, "timeLabel")->text().endsWith(QLatin1String(" / 0:01")));

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

QTEST_MAIN(TestVideoPlayer)
#include "tst_videoplayer.moc"
