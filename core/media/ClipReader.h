#pragma once

#include <QImage>
#include <QObject>
#include <QSize>
#include <QString>

#include <limits>
#include <memory>
#include <optional>

namespace pixverse {

//! One decoded picture and the stretch of the timeline it covers. Times are microseconds on
//! the reader's timeline: the clip's own time, plus one loop period per lap when it loops.
struct TimedFrame {
    static constexpr qint64 kForever = std::numeric_limits<qint64>::max();
    QImage image; //!< RGB32, fitting the reader's frame size
    qint64 startUs = 0;
    qint64 endUs = 0;  //!< the next frame's start; kForever for a last frame held
    qint64 clipUs = 0; //!< its time inside the clip (startUs without the laps)
    bool covers(qint64 us) const { return startUs <= us && us < endUs; }
};

//! What ClipReader::takeFrame() hands over.
struct FrameTake {
    std::optional<TimedFrame> frame; //!< the frame to show now, when it changed
    int dropped = 0;                 //!< frames whose time passed before they could be shown
};

//! Decodes one video file on a thread of its own, a few frames ahead, each scaled to the size
//! its view shows (sws): the GUI thread never decodes, it only takes the frame covering its
//! clock. seek() restarts the decoding at any time; with a loop period the reader goes on
//! into the next lap by itself (the clip, then its last frame held until the period ends), so a
//! loop never waits for a seek. Public functions: GUI thread (or the thread that made it).
class ClipReader : public QObject {
    Q_OBJECT
public:
    //! Frames decoded ahead of the clock.
    static constexpr int kQueueFrames = 6;

    ClipReader(const QString& path, QSize frameSize, QObject* parent = nullptr);
    ~ClipReader() override;

    //! Opens the file and decodes from `startUs` on the reader's thread; opened() or
    //! failed() follows.
    void start(qint64 startUs = 0, qint64 loopPeriodUs = 0);
    QString path() const { return m_path; }
    bool isOpen() const;
    QString error() const;
    //! The clip's length (the end of its last frame) and its nominal frame duration; 0 until
    //! opened.
    qint64 durationUs() const;
    qint64 frameUs() const;

    //! Frames decoded from now on fit `size` (device pixels).
    void setFrameSize(QSize size);
    //! Throws away the frames decoded ahead and decodes again from `timelineUs`; the frame
    //! covering it comes first. `loopPeriodUs` 0: no loop (the last frame is held for ever).
    void seek(qint64 timelineUs, qint64 loopPeriodUs);
    //! Loops from now on with `loopPeriodUs` without throwing frames away: only for a reader
    //! still on its first lap (the period becomes known once every clip of a compare opened).
    void setLoopPeriod(qint64 loopPeriodUs);
    //! Whether the frame covering `timelineUs` is decoded (or the clip failed).
    bool isReadyFor(qint64 timelineUs) const;
    //! The frame covering `timelineUs` when it is not the one taken last; frames before it that
    //! were never taken count as dropped. Never waits.
    FrameTake takeFrame(qint64 timelineUs);

Q_SIGNALS:
    void opened();
    void failed(const QString& error);
    //! A frame was decoded into an empty queue (the clock may have been waiting for it).
    void framesArrived();

private:
    struct Shared;
    class Worker;

    QString m_path;
    std::shared_ptr<Shared> m_shared;
    std::unique_ptr<Worker> m_worker;
};

} // namespace pixverse
