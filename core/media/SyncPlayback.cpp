#include "core/media/SyncPlayback.h"

#include <QTimer>

#include <algorithm>

namespace pixverse {

namespace {
//! How often the clock looks for the next frames: well under a frame at 60 fps.
constexpr int kTickMs = 4;
} // namespace

SyncPlayback::SyncPlayback(QObject* parent)
    : QObject(parent)
    , m_tick(new QTimer(this)) {
    m_tick->setTimerType(Qt::PreciseTimer);
    m_tick->setInterval(kTickMs);
    connect(m_tick, &QTimer::timeout, this, &SyncPlayback::tick);
}

SyncPlayback::~SyncPlayback() = default;

void SyncPlayback::setClips(const QStringList& paths, QSize frameSize) {
    m_clips.clear();
    m_ready = false;
    m_playing = false;
    m_running = false;
    m_baseUs = 0;
    m_durationUs = 0;
    m_lastPositionUs = -1;
    m_since.start();
    m_clips.resize(static_cast<size_t>(paths.size()));
    for (int i = 0; i < paths.size(); ++i) {
        Clip& clip = m_clips[static_cast<size_t>(i)];
        clip.shown.startUs = -1;
        clip.reader = std::make_unique<ClipReader>(paths.at(i), frameSize);
        ClipReader* reader = clip.reader.get();
        connect(reader, &ClipReader::opened, this, &SyncPlayback::onOpened);
        connect(reader, &ClipReader::failed, this, [this, i](const QString& error) {
            Q_EMIT clipFailed(i, error);
            onOpened();
        });
        connect(reader, &ClipReader::framesArrived, this, &SyncPlayback::ensureTicking);
        // The loop's period is the longest clip's length, known once all opened (onOpened).
        reader->start(0, 0);
    }
    ensureTicking();
}

QString SyncPlayback::error(int clip) const {
    return m_clips.at(static_cast<size_t>(clip)).reader->error();
}

void SyncPlayback::setFrameSize(int clip, QSize size) {
    m_clips.at(static_cast<size_t>(clip)).reader->setFrameSize(size);
    if (!m_playing && m_ready)
        seekTimeline(timelineUs()); // the still picture again, sharp at its new size
}

void SyncPlayback::onOpened() {
    if (m_ready || std::any_of(m_clips.cbegin(), m_clips.cend(), [](const Clip& clip) {
            return !clip.reader->isOpen() && clip.reader->error().isEmpty();
        }))
        return;
    m_durationUs = 0;
    for (const Clip& clip : m_clips)
        m_durationUs = std::max(m_durationUs, clip.reader->durationUs());
    const int longest = longestClip();
    if (longest >= 0)
        m_frameUs = m_clips[static_cast<size_t>(longest)].reader->frameUs();
    m_ready = true;
    if (m_loop && m_durationUs > 0) {
        for (Clip& clip : m_clips)
            clip.reader->setLoopPeriod(m_durationUs);
    }
    Q_EMIT readyChanged();
    Q_EMIT positionChanged(positionUs());
}

int SyncPlayback::longestClip() const {
    int longest = -1;
    qint64 length = -1;
    for (size_t i = 0; i < m_clips.size(); ++i) {
        const qint64 d =
            m_clips[i].reader->error().isEmpty() ? m_clips[i].reader->durationUs() : -1;
        if (d > length) {
            length = d;
            longest = static_cast<int>(i);
        }
    }
    return length > 0 ? longest : -1;
}

qint64 SyncPlayback::timelineUs() const {
    return m_running ? m_baseUs + m_clock.nsecsElapsed() / 1000 : m_baseUs;
}

qint64 SyncPlayback::positionUs() const {
    const qint64 t = timelineUs();
    if (m_durationUs <= 0)
        return 0;
    if (!m_loop)
        return std::min(t, m_durationUs);
    return t % m_durationUs;
}

bool SyncPlayback::everyClipReadyFor(qint64 timelineUs) const {
    return std::all_of(m_clips.cbegin(), m_clips.cend(), [timelineUs](const Clip& clip) {
        return clip.shown.covers(timelineUs) || clip.reader->isReadyFor(timelineUs);
    });
}

bool SyncPlayback::isSettled() const {
    const qint64 t = timelineUs();
    return m_ready && std::all_of(m_clips.cbegin(), m_clips.cend(), [t](const Clip& clip) {
               return clip.shown.covers(t) || !clip.reader->error().isEmpty();
           });
}

QImage SyncPlayback::frame(int clip) const {
    return m_clips.at(static_cast<size_t>(clip)).shown.image;
}

qint64 SyncPlayback::shownClipUs(int clip) const {
    const Clip& c = m_clips.at(static_cast<size_t>(clip));
    return c.hasImage ? c.shown.clipUs : -1;
}

SyncPlayback::ClipStats SyncPlayback::stats(int clip) const {
    return m_clips.at(static_cast<size_t>(clip)).stats;
}

void SyncPlayback::ensureTicking() {
    if (!m_tick->isActive())
        m_tick->start();
}

void SyncPlayback::play() {
    if (m_playing || !m_ready || m_durationUs <= 0)
        return;
    if (!m_loop && timelineUs() >= m_durationUs)
        seekTimeline(0); // at the end: play from the start
    m_playing = true;
    Q_EMIT playingChanged(true);
    ensureTicking();
}

void SyncPlayback::pause() {
    if (!m_playing)
        return;
    m_baseUs = timelineUs();
    m_running = false;
    m_playing = false;
    Q_EMIT playingChanged(false);
}

void SyncPlayback::togglePlaying() {
    if (m_playing)
        pause();
    else
        play();
}

void SyncPlayback::seek(qint64 positionUs) {
    if (!m_ready)
        return;
    seekTimeline(std::clamp<qint64>(positionUs, 0, m_durationUs));
}

void SyncPlayback::seekTimeline(qint64 timelineUs) {
    if (m_loop && m_durationUs > 0)
        timelineUs %= m_durationUs;
    m_baseUs = timelineUs;
    m_running = false; // the clock waits until every clip has its frame for the new position
    for (Clip& clip : m_clips) {
        clip.shown.startUs = clip.shown.endUs = -1; // the old picture stays until the new one
        clip.lastShownMs = -1;
        clip.reader->seek(timelineUs, loopPeriodUs());
    }
    ensureTicking();
    Q_EMIT positionChanged(positionUs());
}

std::optional<SyncPlayback::Span> SyncPlayback::pausedFrame() {
    pause();
    const int longest = longestClip();
    if (longest < 0)
        return std::nullopt;
    const TimedFrame& shown = m_clips[static_cast<size_t>(longest)].shown;
    const qint64 now = timelineUs();
    if (shown.covers(now))
        return Span{shown.startUs, shown.endUs};
    return Span{now, now + m_frameUs}; // its frame is still being decoded
}

void SyncPlayback::stepForward() {
    const std::optional<Span> frame = pausedFrame();
    if (!frame || frame->endUs == TimedFrame::kForever || (!m_loop && frame->endUs >= m_durationUs))
        return; // on the last frame
    m_snapToShown = false;
    seekTimeline(frame->endUs);
}

void SyncPlayback::stepBack() {
    const std::optional<Span> frame = pausedFrame();
    if (!frame || frame->startUs <= 0 ||
        (m_loop && m_durationUs > 0 && frame->startUs % m_durationUs == 0))
        return; // on the first frame
    const qint64 start = frame->startUs;
    // Half a frame back lies inside the frame before; the clock then moves to its start.
    m_snapToShown = true;
    seekTimeline(std::max<qint64>(0, start - m_frameUs / 2));
}

void SyncPlayback::setLoop(bool loop) {
    if (loop == m_loop)
        return;
    const qint64 position = positionUs();
    m_loop = loop;
    if (m_ready)
        seekTimeline(position); // every reader decodes again with (or without) the period
}

void SyncPlayback::stopAtEnd() {
    m_baseUs = m_durationUs;
    m_running = false;
    m_playing = false;
    Q_EMIT playingChanged(false);
}

void SyncPlayback::tick() {
    if (!m_ready && m_clips.empty()) {
        m_tick->stop();
        return;
    }
    if (m_playing && !m_running && everyClipReadyFor(m_baseUs)) {
        m_running = true; // every picture is there: the clock starts
        m_clock.start();
    }
    qint64 t = timelineUs();
    if (m_running && !m_loop && t >= m_durationUs) {
        stopAtEnd();
        t = m_durationUs;
    }
    bool changed = !m_running;
    for (size_t i = 0; i < m_clips.size(); ++i) {
        FrameTake take = m_clips[i].reader->takeFrame(t);
        m_clips[i].stats.dropped += take.dropped;
        if (take.frame) {
            showFrame(static_cast<int>(i), std::move(*take.frame));
            changed = true;
        }
    }
    // Told when a picture changes (not at every tick): a slider and a label follow.
    const qint64 position = positionUs();
    if (changed && position != m_lastPositionUs) {
        m_lastPositionUs = position;
        Q_EMIT positionChanged(position);
    }
    if (!m_playing && isSettled())
        m_tick->stop(); // still: nothing to do until the next seek, step or play
}

void SyncPlayback::showFrame(int index, TimedFrame frame) {
    Clip& clip = m_clips[static_cast<size_t>(index)];
    const qint64 nowMs = m_since.elapsed();
    if (clip.stats.firstFrameMs < 0)
        clip.stats.firstFrameMs = nowMs;
    // A gap after a held frame (a shorter clip's last, waiting for the loop) is no stutter.
    const bool heldBefore = clip.shown.endUs - clip.shown.startUs > 2 * m_frameUs;
    if (m_running && clip.lastShownMs >= 0 && !heldBefore)
        clip.stats.worstIntervalMs = std::max(clip.stats.worstIntervalMs, nowMs - clip.lastShownMs);
    clip.lastShownMs = m_running ? nowMs : -1;
    ++clip.stats.shown;
    if (m_snapToShown && index == longestClip()) {
        m_snapToShown = false;
        m_baseUs = frame.startUs;
    }
    clip.shown = std::move(frame);
    clip.hasImage = true;
    Q_EMIT frameShown(index);
}

} // namespace pixverse
