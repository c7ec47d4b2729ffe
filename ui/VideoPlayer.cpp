#include "ui/VideoPlayer.h"

#include "core/jobs/Job.h"
#include "core/settings/AppSettings.h"
#include "ui/UiHelpers.h"

#include <QAction>
#include <QAudioDevice>
#include <QAudioOutput>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMediaDevices>
#include <QMediaMetaData>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QVideoSink>
#include <QVideoWidget>

namespace pixverse {

Q_LOGGING_CATEGORY(lcPlayer, "pixverse.ui")

namespace {

//! `ms` as h:mm:ss or m:ss, with tenths when `tenths`.
QString clockText(qint64 ms, bool tenths) {
    const qint64 clamped = std::max<qint64>(0, ms);
    const qint64 seconds = clamped / 1000;
    if (seconds >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(seconds / 3600)
            .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    const QString text =
        QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return tenths ? text + QLocale().decimalPoint() + QString::number((clamped % 1000) / 100)
                  : text;
}

QToolButton* toolButton(const QString& name, const QString& tip, QWidget* parent) {
    auto* button = new QToolButton(parent);
    button->setObjectName(name);
    button->setToolTip(tip);
    button->setAutoRaise(true);
    return button;
}

} // namespace

VideoPlayer::VideoPlayer(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("videoPlayer"));
    ui::chooseMediaBackend();
    m_player = new QMediaPlayer(this);
    m_audio = new QAudioOutput(this);
    attachAudioOutput();
    // Headphones plugged in, or the sound server started after the player.
    connect(new QMediaDevices(this), &QMediaDevices::audioOutputsChanged, this,
            &VideoPlayer::attachAudioOutput);
    m_video = new QVideoWidget(this);
    m_video->setObjectName(QStringLiteral("videoWidget"));
    m_video->setMinimumHeight(120);
    m_video->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_video->setAspectRatioMode(Qt::KeepAspectRatio);
    QPalette black = m_video->palette();
    black.setColor(QPalette::Window, Qt::black);
    m_video->setPalette(black);
    m_video->setAutoFillBackground(true);
    m_player->setVideoOutput(m_video);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("playerTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_frameSizeLabel = new QLabel(this);
    m_frameSizeLabel->setObjectName(QStringLiteral("frameSizeLabel"));
    m_frameSizeLabel->setToolTip(tr("Frame size of the video"));
    QPalette hint = m_frameSizeLabel->palette();
    hint.setColor(QPalette::WindowText, ui::hintColor(palette()));
    m_frameSizeLabel->setPalette(hint);
    m_closeButton = toolButton(QStringLiteral("closePlayerButton"), tr("Close the player"), this);
    m_closeButton->setAccessibleName(tr("Close the player"));
    m_closeButton->setIcon(ui::actionIcon(QStringLiteral("close"), palette()));
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("playerErrorLabel"));
    m_errorLabel->setWordWrap(true);
    QPalette red = m_errorLabel->palette();
    red.setColor(QPalette::WindowText, ui::errorColor(palette()));
    m_errorLabel->setPalette(red);
    m_errorLabel->hide();

    m_playButton = toolButton(QStringLiteral("playPauseButton"), tr("Play (Space)"), this);
    m_seek = new QSlider(Qt::Horizontal, this);
    m_seek->setObjectName(QStringLiteral("seekSlider"));
    m_seek->setToolTip(tr("Position"));
    m_seek->setRange(0, 0);
    m_time = new QLabel(timeText(0, 0), this);
    m_time->setObjectName(QStringLiteral("timeLabel"));
    m_loopButton = toolButton(QStringLiteral("loopButton"),
                              tr("Play again from the start when it ends (L)"), this);
    m_loopButton->setText(tr("Loop"));
    m_loopButton->setIcon(ui::actionIcon(QStringLiteral("loop"), palette()));
    m_loopButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_loopButton->setCheckable(true);
    m_muteButton = toolButton(QStringLiteral("muteButton"), tr("Mute (M)"), this);
    m_muteButton->setCheckable(true);
    m_volume = new QSlider(Qt::Horizontal, this);
    m_volume->setObjectName(QStringLiteral("volumeSlider"));
    m_volume->setToolTip(tr("Volume"));
    m_volume->setRange(0, 100);
    m_volume->setValue(qRound(m_audio->volume() * 100));
    m_volume->setMaximumWidth(90);

    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_title, 1);
    top->addWidget(m_frameSizeLabel);
    top->addWidget(m_closeButton);
    auto* controls = new QHBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(m_playButton);
    controls->addWidget(m_seek, 1);
    controls->addWidget(m_time);
    controls->addWidget(m_loopButton);
    controls->addWidget(m_muteButton);
    controls->addWidget(m_volume);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_video, 1);
    layout->addWidget(m_errorLabel);
    layout->addLayout(controls);

    connect(m_playButton, &QToolButton::clicked, this, &VideoPlayer::togglePlayPause);
    connect(m_closeButton, &QToolButton::clicked, this, &VideoPlayer::closeRequested);
    connect(m_loopButton, &QToolButton::toggled, this, &VideoPlayer::setLooping);
    connect(m_muteButton, &QToolButton::toggled, this, &VideoPlayer::setMuted);
    connect(m_volume, &QSlider::valueChanged, this,
            [this](int value) { setVolume(value / 100.0f); });
    connect(m_seek, &QSlider::sliderMoved, this, [this](int value) { seek(value); });
    connect(m_seek, &QSlider::actionTriggered, this, [this](int action) {
        if (action != QAbstractSlider::SliderMove && action != QAbstractSlider::SliderNoAction)
            seek(m_seek->sliderPosition());
    });

    connect(m_player, &QMediaPlayer::playbackStateChanged, this, &VideoPlayer::updateButtons);
    connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 positionMs) {
        // At the end both say the end (onStatus()): a report of the last frame's start that
        // comes late, on a busy machine, does not take the slider back.
        if (m_player->mediaStatus() != QMediaPlayer::EndOfMedia)
            updatePosition(positionMs);
    });
    connect(m_player, &QMediaPlayer::durationChanged, this, &VideoPlayer::updateDuration);
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, &VideoPlayer::onStatus);
    connect(m_player, &QMediaPlayer::errorOccurred, this,
            [this](QMediaPlayer::Error error, const QString& message) {
                if (error == QMediaPlayer::NoError)
                    return;
                m_error = message.isEmpty() ? tr("This video cannot be played.") : message;
                m_errorLabel->setText(m_error);
                m_errorLabel->show();
                qCWarning(lcPlayer).noquote() << "player:" << m_path << m_error;
                Q_EMIT errorOccurred(m_error);
            });
    connect(m_audio, &QAudioOutput::mutedChanged, this, [this](bool muted) {
        m_muteButton->setChecked(muted);
        if (m_settings)
            m_settings->setPlayerMuted(muted);
        updateButtons();
    });
    connect(m_audio, &QAudioOutput::volumeChanged, this, [this](float volume) {
        const QSignalBlocker block(m_volume);
        m_volume->setValue(qRound(volume * 100));
    });
    // Queued: Qt 6.4's sink emits this while it holds its own lock, so asking it for the size
    // from inside the signal deadlocks.
    if (QVideoSink* sink = m_video->videoSink())
        connect(
            sink, &QVideoSink::videoSizeChanged, this,
            [this, sink] {
                if (!m_path.isEmpty())
                    setFrameSize(sink->videoSize());
            },
            Qt::QueuedConnection);

    auto shortcut = [this](const QKeySequence& keys, auto slot) {
        auto* action = new QAction(this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    shortcut(QKeySequence(Qt::Key_Space), [this] { togglePlayPause(); });
    shortcut(QKeySequence(Qt::Key_Left),
             [this] { seek(std::max<qint64>(0, m_player->position() - 5000)); });
    shortcut(QKeySequence(Qt::Key_Right),
             [this] { seek(std::min(m_durationMs, m_player->position() + 5000)); });
    shortcut(QKeySequence(Qt::Key_L), [this] { setLooping(!m_looping); });
    shortcut(QKeySequence(Qt::Key_M), [this] { setMuted(!isMuted()); });
    setFocusPolicy(Qt::StrongFocus);
    updateButtons();
}

VideoPlayer::~VideoPlayer() {
    if (QVideoSink* sink = m_video->videoSink())
        sink->disconnect(this);
    m_player->disconnect(this);
    m_player->stop();
}

void VideoPlayer::setSettings(AppSettings* settings) {
    m_settings = nullptr; // taking the stored state is no change to store
    if (settings)
        setMuted(settings->playerMuted());
    m_settings = settings;
}

QString VideoPlayer::timeText(qint64 positionMs, qint64 durationMs) {
    const bool tenths = durationMs < 60 * 1000;
    return tr("%1 / %2").arg(clockText(positionMs, tenths), clockText(durationMs, tenths));
}

void VideoPlayer::attachAudioOutput() {
    // Qt 6.4's FFmpeg backend crashes playing a clip with sound when there is no audio device
    // at all (its sink writes to the null device a failed start gives): without one, the
    // picture plays silently; the mute button keeps its state for when a device comes.
    const bool device = !QMediaDevices::audioOutputs().isEmpty();
    if (device == (m_player->audioOutput() != nullptr))
        return;
    if (!device)
        qCInfo(lcPlayer) << "player: no audio output device; videos play without sound";
    m_player->setAudioOutput(device ? m_audio : nullptr);
}

bool VideoPlayer::hasSoundOutput() const {
    return m_player->audioOutput() != nullptr;
}

QVideoSink* VideoPlayer::videoSink() const {
    return m_video->videoSink();
}

void VideoPlayer::open(const QString& path, const QString& title) {
    m_player->stop();
    m_path = path;
    m_error.clear();
    m_errorLabel->hide();
    m_durationMs = 0;
    setFrameSize({});
    m_title->setText(title.isEmpty() ? QFileInfo(path).fileName() : title);
    m_title->setToolTip(path);
    m_seek->setRange(0, 0);
    updatePosition(0);
    QString unreadable;
    if (!ui::setLocalSource(m_player, path, &unreadable)) {
        m_error = tr("This video cannot be played: %1").arg(unreadable);
        m_errorLabel->setText(m_error);
        m_errorLabel->show();
        qCWarning(lcPlayer).noquote() << "player:" << m_path << m_error;
        Q_EMIT errorOccurred(m_error);
    }
    updateButtons();
}

void VideoPlayer::close() {
    open({});
}

bool VideoPlayer::isMuted() const {
    return m_audio->isMuted();
}

float VideoPlayer::volume() const {
    return m_audio->volume();
}

void VideoPlayer::play() {
    if (m_path.isEmpty())
        return;
    if (m_player->mediaStatus() == QMediaPlayer::EndOfMedia)
        rewind();
    m_player->play();
}

void VideoPlayer::rewind() {
    // Seeking back from the end is unreliable on Qt 6.4's FFmpeg backend (the position can stay
    // at the end, and EndOfMedia comes again at once, over and over), and a stream cannot seek
    // back at all: the source set anew always starts from the first frame.
    m_player->setSource(QUrl());
    ui::setLocalSource(m_player, m_path);
    updatePosition(0);
}

void VideoPlayer::pause() {
    m_player->pause();
}

void VideoPlayer::togglePlayPause() {
    if (m_player->playbackState() == QMediaPlayer::PlayingState)
        pause();
    else
        play();
}

void VideoPlayer::stop() {
    m_player->stop();
}

void VideoPlayer::seek(qint64 positionMs) {
    m_player->setPosition(std::max<qint64>(0, positionMs));
    updatePosition(positionMs);
}

void VideoPlayer::setLooping(bool on) {
    if (on == m_looping)
        return;
    m_looping = on;
    m_loopButton->setChecked(on);
    Q_EMIT loopingChanged(on);
}

void VideoPlayer::setMuted(bool on) {
    m_audio->setMuted(on);
}

void VideoPlayer::setVolume(float volume) {
    m_audio->setVolume(std::clamp(volume, 0.0f, 1.0f));
}

void VideoPlayer::onStatus(QMediaPlayer::MediaStatus status) {
    if (status == QMediaPlayer::LoadedMedia || status == QMediaPlayer::BufferedMedia) {
        const QSize size = m_player->metaData().value(QMediaMetaData::Resolution).toSize();
        if (size.isValid() && !m_frameSize.isValid())
            setFrameSize(size);
    } else if (status == QMediaPlayer::EndOfMedia && m_looping) {
        // By hand rather than setLoops(): it behaves the same on every backend and can be
        // switched while playing. Queued: the source is not replaced inside the backend's own
        // end-of-media notification, and looping switched off meanwhile is respected.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_looping && m_player->mediaStatus() == QMediaPlayer::EndOfMedia) {
                    rewind();
                    m_player->play();
                }
            },
            Qt::QueuedConnection);
    } else if (status == QMediaPlayer::EndOfMedia) {
        // The last position the backend reports is the last frame's start (0.92 s of a 1 s
        // clip at 12 fps): at the end, the slider and the time say the end.
        updatePosition(m_durationMs);
    }
    updateButtons();
}

void VideoPlayer::setFrameSize(const QSize& size) {
    const QSize normal = size.isValid() && !size.isEmpty() ? size : QSize();
    if (normal == m_frameSize)
        return;
    m_frameSize = normal;
    m_frameSizeLabel->setText(m_frameSize.isValid()
                                  ? tr("%1 × %2").arg(m_frameSize.width()).arg(m_frameSize.height())
                                  : QString());
    Q_EMIT frameSizeChanged(m_frameSize);
}

void VideoPlayer::updateButtons() {
    const bool playing = m_player->playbackState() == QMediaPlayer::PlayingState;
    m_playButton->setIcon(
        ui::actionIcon(playing ? QStringLiteral("pause") : QStringLiteral("play"), palette()));
    m_playButton->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
    // Icon-only: a screen reader says these names.
    m_playButton->setAccessibleName(playing ? tr("Pause") : tr("Play"));
    m_playButton->setEnabled(!m_path.isEmpty());
    m_seek->setEnabled(!m_path.isEmpty());
    const bool muted = m_audio->isMuted();
    m_muteButton->setIcon(
        ui::actionIcon(muted ? QStringLiteral("mute") : QStringLiteral("volume"), palette()));
    m_muteButton->setToolTip(muted ? tr("Unmute (M)") : tr("Mute (M)"));
    m_muteButton->setAccessibleName(muted ? tr("Unmute") : tr("Mute"));
}

void VideoPlayer::updateDuration(qint64 durationMs) {
    m_durationMs = std::max<qint64>(0, durationMs);
    m_seek->setRange(
        0, static_cast<int>(std::min<qint64>(m_durationMs, std::numeric_limits<int>::max())));
    m_seek->setPageStep(std::max(1000, static_cast<int>(m_durationMs / 10)));
    updatePosition(m_player->position());
}

void VideoPlayer::updatePosition(qint64 positionMs) {
    // While the slider is held it says where the video goes: the time says the same, not where
    // the player plays on or still reports it was (issue 18: "0:00 / 0:01" with the slider
    // near the end).
    if (m_seek->isSliderDown()) {
        m_time->setText(timeText(m_seek->sliderPosition(), m_durationMs));
        return;
    }
    const QSignalBlocker block(m_seek);
    m_seek->setValue(
        static_cast<int>(std::min<qint64>(positionMs, std::numeric_limits<int>::max())));
    m_time->setText(timeText(positionMs, m_durationMs));
}

} // namespace pixverse
