#pragma once

#include "core/media/ClipReader.h"

#include <QElapsedTimer>
#include <QImage>
#include <QList>
#include <QObject>
#include <QSize>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

class QTimer;

namespace pixverse {

//! Several clips played in step with ONE clock (the compare view, issue 18): each clip has its
//! ClipReader decoding ahead on its own thread; a precise timer on the GUI thread takes, for
//! every clip, the frame whose time covers the clock. Play, pause, seek, frame steps and loop act
//! on all clips at once. A shorter clip holds its last frame until the longest one ends (and the
//! loop wraps them all together). Muted. GUI thread.
class SyncPlayback : public QObject {
    Q_OBJECT
public:
    //! What the benchmark and the tests read of one clip.
    struct ClipStats {
        int shown = 0;              //!< frames handed to the view
        int dropped = 0;            //!< frames whose time passed before they could be shown
        qint64 firstFrameMs = -1;   //!< from setClips() to its first frame shown
        qint64 worstIntervalMs = 0; //!< the longest gap between two frames shown while playing
    };

    explicit SyncPlayback(QObject* parent = nullptr);
    ~SyncPlayback() override;

    //! Opens `paths` (each decoded to fit `frameSize`) and shows their first frames, paused.
    void setClips(const QStringList& paths, QSize frameSize);
    int clipCount() const { return static_cast<int>(m_clips.size()); }
    //! Every clip opened or failed: duration() and frameUs() are known.
    bool isReady() const { return m_ready; }
    //! Why a clip cannot play (translated); empty when it plays.
    QString error(int clip) const;
    //! Decode frames of `clip` to fit `size` from now on (device pixels); paused, the frame
    //! shown is decoded again at that size.
    void setFrameSize(int clip, QSize size);

    //! The longest clip's length: the end of the slider and the loop's period.
    qint64 durationUs() const { return m_durationUs; }
    //! The clock, from 0 to durationUs().
    qint64 positionUs() const;
    //! One frame of the longest clip (what a step moves).
    qint64 frameUs() const { return m_frameUs; }
    bool isPlaying() const { return m_playing; }
    bool loops() const { return m_loop; }
    //! Every clip that plays shows the frame covering the clock.
    bool isSettled() const;

    //! The picture `clip` shows now (null before its first frame).
    QImage frame(int clip) const;
    //! The time inside its clip of the frame `clip` shows; -1 before the first one.
    qint64 shownClipUs(int clip) const;
    ClipStats stats(int clip) const;

public Q_SLOTS:
    void play();
    void pause();
    void togglePlaying();
    //! Moves every clip to `positionUs` (0 … durationUs()).
    void seek(qint64 positionUs);
    //! Pauses and moves one frame of the longest clip forward or back.
    void stepForward();
    void stepBack();
    void setLoop(bool loop);

Q_SIGNALS:
    //! Every clip opened (or failed): durationUs() is known.
    void readyChanged();
    void frameShown(int clip);
    void positionChanged(qint64 positionUs);
    void playingChanged(bool playing);
    void clipFailed(int clip, const QString& error);

private:
    struct Clip {
        std::unique_ptr<ClipReader> reader;
        TimedFrame shown; //!< startUs -1: nothing covering the clock (after a seek)
        bool hasImage = false;
        ClipStats stats;
        qint64 lastShownMs = -1;
    };

    struct Span {
        qint64 startUs;
        qint64 endUs;
    };
    //! Pauses; the frame the longest clip shows at the clock (where a step starts from).
    std::optional<Span> pausedFrame();
    void onOpened();
    void tick();
    void showFrame(int index, TimedFrame frame);
    //! The clock on the readers' timeline (laps included when looping).
    qint64 timelineUs() const;
    qint64 loopPeriodUs() const { return m_loop ? m_durationUs : 0; }
    bool everyClipReadyFor(qint64 timelineUs) const;
    void seekTimeline(qint64 timelineUs);
    void ensureTicking();
    void stopAtEnd();
    int longestClip() const;

    std::vector<Clip> m_clips;
    QTimer* m_tick = nullptr;
    QElapsedTimer m_since;  //!< since setClips(): the first frames' delay
    QElapsedTimer m_clock;  //!< runs while playing and every clip has its frame
    qint64 m_baseUs = 0;    //!< the timeline when m_clock started (or the position paused)
    bool m_running = false; //!< m_clock counts
    bool m_playing = false; //!< play() asked; the clock starts once the frames are there
    bool m_loop = true;
    bool m_ready = false;
    bool m_snapToShown = false; //!< a step back: the clock moves to the frame it lands on
    qint64 m_durationUs = 0;
    qint64 m_frameUs = 40000;
    qint64 m_lastPositionUs = -1;
};

} // namespace pixverse
