#pragma once

#include <QMediaPlayer>
#include <QSize>
#include <QString>
#include <QWidget>

class QAudioOutput;
class QLabel;
class QSlider;
class QToolButton;
class QVideoSink;
class QVideoWidget;

namespace pixverse {

class AppSettings;

//! Plays one video file from disk: play/pause, seek, loop, mute and volume, and the frame size.
//! Qt Multimedia decodes it (the ffmpeg backend decodes H.264 in software, no GPU needed).
//! Keyboard: Space plays/pauses, Left/Right seek, L loops, M mutes.
class VideoPlayer : public QWidget {
    Q_OBJECT
public:
    explicit VideoPlayer(QWidget* parent = nullptr);
    ~VideoPlayer() override;

    //! Where the mute button is remembered across runs: takes the stored state now and stores
    //! every change. `settings` outlives the player; null: not remembered.
    void setSettings(AppSettings* settings);

    //! "0:04.2 / 0:12.0" under a minute (clips are 1–15 s: whole seconds would say "0:00 / 0:01"
    //! with the slider near the end), "1:05 / 2:10" from a minute on.
    static QString timeText(qint64 positionMs, qint64 durationMs);

    //! Loads `path` (stopped at the start); `title` is shown above the picture (default: the
    //! file name).
    void open(const QString& path, const QString& title = {});
    //! Stops and forgets the file (it may be deleted or moved afterwards).
    void close();
    QString path() const { return m_path; }

    //! The decoded picture's size; invalid until the first frame or the file's metadata.
    QSize frameSize() const { return m_frameSize; }
    bool isLooping() const { return m_looping; }
    bool isMuted() const;
    float volume() const; //!< 0..1
    QString errorString() const { return m_error; }

    //! The sound goes to an audio device (false: the system has none; the picture plays).
    bool hasSoundOutput() const;

    //! For tests and the window: the objects behind the controls.
    QMediaPlayer* mediaPlayer() const { return m_player; }
    QAudioOutput* audioOutput() const { return m_audio; }
    QVideoWidget* videoWidget() const { return m_video; }
    //! Where decoded frames arrive (the video widget's sink).
    QVideoSink* videoSink() const;

public Q_SLOTS:
    void play();
    void pause();
    void togglePlayPause();
    void stop();
    void seek(qint64 positionMs);
    void setLooping(bool on);
    void setMuted(bool on);
    void setVolume(float volume);

Q_SIGNALS:
    void frameSizeChanged(const QSize& size);
    void loopingChanged(bool on);
    //! The file cannot be played; `message` says why.
    void errorOccurred(const QString& message);
    //! The close button: the pane hides the player.
    void closeRequested();

private:
    void attachAudioOutput();
    void updateButtons();
    void updatePosition(qint64 positionMs);
    void updateDuration(qint64 durationMs);
    void setFrameSize(const QSize& size);
    void onStatus(QMediaPlayer::MediaStatus status);
    //! Back to the start, after the end of the media (the source is set again).
    void rewind();

    QMediaPlayer* m_player = nullptr;
    QAudioOutput* m_audio = nullptr;
    QVideoWidget* m_video = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_frameSizeLabel = nullptr;
    QLabel* m_errorLabel = nullptr;
    QToolButton* m_closeButton = nullptr;
    QToolButton* m_playButton = nullptr;
    QSlider* m_seek = nullptr;
    QLabel* m_time = nullptr;
    QToolButton* m_loopButton = nullptr;
    QToolButton* m_muteButton = nullptr;
    QSlider* m_volume = nullptr;

    AppSettings* m_settings = nullptr;
    QString m_path;
    QString m_error;
    QSize m_frameSize;
    bool m_looping = false;
    qint64 m_durationMs = 0;
};

} // namespace pixverse
