#include "core/media/ClipReader.h"

#include "core/media/LibavInput.h"
#include "core/media/LibavPointers.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/rational.h>
}

namespace pixverse {

namespace {
constexpr AVRational kMicroseconds{1, 1000000};
constexpr qint64 kDefaultFrameUs = 40000;
} // namespace

//! What the GUI thread and the reader's thread share, under `mutex`.
struct ClipReader::Shared {
    std::mutex mutex;
    std::condition_variable wake; //!< the reader's thread waits here for room, a seek or stop
    std::deque<TimedFrame> queue;
    bool stop = false;
    bool seekAsked = false;
    qint64 seekUs = 0;
    qint64 loopPeriodUs = 0;
    quint64 generation = 0; //!< one more at every seek: frames of an older one are thrown away
    bool ended = false;     //!< no loop and the last frame is queued: nothing until a seek
    QSize frameSize;
    bool open = false;
    QString error;
    qint64 durationUs = 0;
    qint64 frameUs = 0;
};

//! The decoding loop on the reader's own thread.
class ClipReader::Worker {
public:
    Worker(ClipReader* reader, std::shared_ptr<Shared> shared)
        : m_reader(reader)
        , m_path(reader->path())
        , m_shared(std::move(shared))
        , m_frame(av_frame_alloc())
        , m_pending(av_frame_alloc())
        , m_packet(av_packet_alloc()) {}

    ~Worker() {
        {
            std::lock_guard lock(m_shared->mutex);
            m_shared->stop = true;
        }
        m_shared->wake.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }

    void start() {
        m_thread = std::thread([this] { run(); });
    }

private:
    void run() {
        const QString error = open();
        {
            std::lock_guard lock(m_shared->mutex);
            m_shared->open = error.isEmpty();
            m_shared->error = error;
            m_shared->durationUs = m_durationUs;
            m_shared->frameUs = m_frameUs;
        }
        if (!error.isEmpty()) {
            qCDebug(media::lcMedia) << "compare: cannot read" << m_path << error;
            Q_EMIT m_reader->failed(error);
            return;
        }
        Q_EMIT m_reader->opened();
        for (;;) {
            std::unique_lock lock(m_shared->mutex);
            m_shared->wake.wait(lock, [this] {
                return m_shared->stop || m_shared->seekAsked ||
                       (!m_shared->ended &&
                        m_shared->queue.size() < static_cast<size_t>(kQueueFrames));
            });
            if (m_shared->stop)
                return;
            m_frameSize = m_shared->frameSize;
            if (!m_shared->seekAsked && m_periodUs != m_shared->loopPeriodUs)
                m_periodUs = m_shared->loopPeriodUs; // setLoopPeriod(): still on the first lap
            if (m_shared->seekAsked) {
                m_shared->seekAsked = false;
                m_generation = m_shared->generation;
                const qint64 target = m_shared->seekUs;
                m_periodUs = m_shared->loopPeriodUs;
                lock.unlock();
                restartAt(target);
                continue;
            }
            lock.unlock();
            decodeOne();
        }
    }

    QString open() {
        if (!m_frame || !m_pending || !m_packet)
            return MediaText::tr("Not enough memory to decode %1.")
                .arg(media::quotedFileName(m_path));
        media::OpenedMedia opened = media::openMediaFile(m_path);
        if (!opened.context)
            return opened.error;
        m_format = std::move(opened.context);
        media::VideoDecoder video = media::openVideoDecoder(
            m_format.get(), m_path,
            MediaText::tr("%1 has no video to play.").arg(media::quotedFileName(m_path)));
        if (!video.codec)
            return video.error;
        m_codec = std::move(video.codec);
        m_stream = m_format->streams[video.streamIndex];
        m_startTs = m_stream->start_time == AV_NOPTS_VALUE ? 0 : m_stream->start_time;
        const AVRational rate = m_stream->avg_frame_rate;
        m_frameUs = rate.num > 0 && rate.den > 0
                        ? av_rescale_q(1, AVRational{rate.den, rate.num}, kMicroseconds)
                        : kDefaultFrameUs;
        if (m_stream->duration > 0)
            m_durationUs = av_rescale_q(m_stream->duration, m_stream->time_base, kMicroseconds);
        else if (m_format->duration > 0)
            m_durationUs = m_format->duration; // AV_TIME_BASE is microseconds
        m_durationUs = std::max(m_durationUs, m_frameUs);
        return {};
    }

    //! Starts decoding again from `timelineUs`: the frames before it are decoded but never
    //! converted.
    void restartAt(qint64 timelineUs) {
        m_lapUs = m_periodUs > 0 ? timelineUs / m_periodUs * m_periodUs : 0;
        m_targetUs = timelineUs;
        const qint64 clipUs = std::min(timelineUs - m_lapUs, m_durationUs);
        rewind(av_rescale_q(clipUs, kMicroseconds, m_stream->time_base) + m_startTs);
    }

    void rewind(qint64 streamTs) {
        av_seek_frame(m_format.get(), m_stream->index, streamTs, AVSEEK_FLAG_BACKWARD);
        avcodec_flush_buffers(m_codec.get());
        av_frame_unref(m_pending.get());
        m_inputDone = false;
    }

    //! Decodes until a frame is queued, or the clip's end is handled.
    void decodeOne() {
        for (;;) {
            const int received = avcodec_receive_frame(m_codec.get(), m_frame.get());
            if (received == 0) {
                const bool queued = decoded();
                av_frame_unref(m_frame.get());
                if (queued)
                    return;
                continue;
            }
            if (received != AVERROR(EAGAIN)) { // the end, or a decoder that gave up
                reachedEnd();
                return;
            }
            if (m_inputDone) {
                reachedEnd();
                return;
            }
            feed();
        }
    }

    void feed() {
        if (av_read_frame(m_format.get(), m_packet.get()) < 0) {
            m_inputDone = true;
            avcodec_send_packet(m_codec.get(), nullptr); // drain what the decoder holds
            return;
        }
        if (m_packet->stream_index == m_stream->index)
            avcodec_send_packet(m_codec.get(), m_packet.get());
        av_packet_unref(m_packet.get());
    }

    //! A frame came out of the decoder: the one before it (pending) now knows its end.
    bool decoded() {
        const qint64 ts = m_frame->best_effort_timestamp;
        qint64 startUs =
            ts == AV_NOPTS_VALUE
                ? m_pendingStartUs + m_frameUs
                : m_lapUs + av_rescale_q(ts - m_startTs, m_stream->time_base, kMicroseconds);
        const bool hasPending = m_pending->buf[0] != nullptr;
        if (hasPending && startUs <= m_pendingStartUs)
            startUs = m_pendingStartUs + 1; // a damaged timestamp: keep the order
        if (m_periodUs > 0 && startUs >= m_lapUs + m_periodUs)
            return false; // longer than its stated length: past the loop's end
        bool queued = false;
        if (hasPending && startUs > m_targetUs)
            queued = queue(m_pendingStartUs, startUs);
        av_frame_unref(m_pending.get());
        av_frame_move_ref(m_pending.get(), m_frame.get());
        m_pendingStartUs = startUs;
        return queued;
    }

    //! The clip's end: its last frame is held (for ever, or until the loop's period ends).
    void reachedEnd() {
        if (m_pending->buf[0])
            queue(m_pendingStartUs, m_periodUs > 0 ? m_lapUs + m_periodUs : TimedFrame::kForever);
        av_frame_unref(m_pending.get());
        if (m_periodUs > 0) {
            m_lapUs += m_periodUs;
            m_targetUs = m_lapUs;
            rewind(m_startTs);
            return;
        }
        std::lock_guard lock(m_shared->mutex);
        if (m_generation == m_shared->generation)
            m_shared->ended = true;
    }

    //! Converts the pending frame and queues it. True: this decoding step is over (the frame is
    //! queued, or a seek made it useless and the loop must see that seek).
    bool queue(qint64 startUs, qint64 endUs) {
        TimedFrame frame;
        frame.image = media::scaledImage(*m_pending, m_frameSize, m_scaler);
        frame.startUs = startUs;
        frame.endUs = endUs;
        frame.clipUs = startUs - m_lapUs;
        bool wasEmpty = false;
        {
            std::lock_guard lock(m_shared->mutex);
            if (m_generation != m_shared->generation || m_shared->seekAsked)
                return true;
            wasEmpty = m_shared->queue.empty();
            m_shared->queue.push_back(std::move(frame));
        }
        if (wasEmpty)
            Q_EMIT m_reader->framesArrived();
        return true;
    }

    ClipReader* m_reader;
    QString m_path;
    std::shared_ptr<Shared> m_shared;
    std::thread m_thread;
    media::FormatContextPtr m_format;
    media::CodecContextPtr m_codec;
    media::FramePtr m_frame;
    media::FramePtr m_pending; //!< decoded, waiting for the next frame to know its end
    media::PacketPtr m_packet;
    media::ScalePtr m_scaler;
    AVStream* m_stream = nullptr;
    qint64 m_startTs = 0;
    qint64 m_frameUs = kDefaultFrameUs;
    qint64 m_durationUs = 0;
    QSize m_frameSize;
    quint64 m_generation = 0;
    qint64 m_periodUs = 0;
    qint64 m_lapUs = 0;
    qint64 m_targetUs = 0;
    qint64 m_pendingStartUs = 0;
    bool m_inputDone = false;
};

ClipReader::ClipReader(const QString& path, QSize frameSize, QObject* parent)
    : QObject(parent)
    , m_path(path)
    , m_shared(std::make_shared<Shared>()) {
    m_shared->frameSize = frameSize.expandedTo(QSize(1, 1));
}

ClipReader::~ClipReader() {
    m_worker.reset(); // stops and joins its thread while this object is still whole
}

void ClipReader::start(qint64 startUs, qint64 loopPeriodUs) {
    if (m_worker)
        return;
    seek(startUs, loopPeriodUs);
    m_worker = std::make_unique<Worker>(this, m_shared);
    m_worker->start();
}

bool ClipReader::isOpen() const {
    std::lock_guard lock(m_shared->mutex);
    return m_shared->open;
}

QString ClipReader::error() const {
    std::lock_guard lock(m_shared->mutex);
    return m_shared->error;
}

qint64 ClipReader::durationUs() const {
    std::lock_guard lock(m_shared->mutex);
    return m_shared->durationUs;
}

qint64 ClipReader::frameUs() const {
    std::lock_guard lock(m_shared->mutex);
    return m_shared->frameUs;
}

void ClipReader::setFrameSize(QSize size) {
    std::lock_guard lock(m_shared->mutex);
    m_shared->frameSize = size.expandedTo(QSize(1, 1));
}

void ClipReader::seek(qint64 timelineUs, qint64 loopPeriodUs) {
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->queue.clear();
        m_shared->seekAsked = true;
        m_shared->seekUs = std::max<qint64>(0, timelineUs);
        m_shared->loopPeriodUs = std::max<qint64>(0, loopPeriodUs);
        m_shared->ended = false;
        ++m_shared->generation;
    }
    m_shared->wake.notify_all();
}

void ClipReader::setLoopPeriod(qint64 loopPeriodUs) {
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->loopPeriodUs = std::max<qint64>(0, loopPeriodUs);
        // A last frame already queued is held until the period ends, and the next lap follows.
        for (TimedFrame& frame : m_shared->queue) {
            if (frame.endUs == TimedFrame::kForever && loopPeriodUs > 0)
                frame.endUs = std::max(loopPeriodUs, frame.startUs + 1);
        }
        m_shared->ended = false;
    }
    m_shared->wake.notify_all();
}

bool ClipReader::isReadyFor(qint64 timelineUs) const {
    std::lock_guard lock(m_shared->mutex);
    if (!m_shared->error.isEmpty())
        return true;
    for (const TimedFrame& frame : m_shared->queue) {
        if (frame.covers(timelineUs))
            return true;
    }
    return false;
}

FrameTake ClipReader::takeFrame(qint64 timelineUs) {
    FrameTake take;
    {
        std::lock_guard lock(m_shared->mutex);
        std::deque<TimedFrame>& queue = m_shared->queue;
        while (!queue.empty() && queue.front().endUs <= timelineUs) {
            ++take.dropped;
            queue.pop_front();
        }
        if (!queue.empty() && queue.front().covers(timelineUs)) {
            take.frame = std::move(queue.front());
            queue.pop_front();
        }
    }
    if (take.dropped > 0 || take.frame)
        m_shared->wake.notify_all(); // room for the frames ahead
    return take;
}

} // namespace pixverse
