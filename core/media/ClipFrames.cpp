#include "core/media/ClipFrames.h"

#include "core/media/LibavInput.h"
#include "core/media/LibavPointers.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/rational.h>
}

namespace pixverse {
namespace {

//! A frame shows at least this long and at most this long (a damaged timestamp).
constexpr int kMinFrameMs = 10;
constexpr int kMaxFrameMs = 1000;
constexpr int kDefaultFrameMs = 40;

//! Decodes one video stream frame by frame, converting each to a scaled QImage.
class ClipDecoder {
public:
    ClipDecoder(AVFormatContext* format, int streamIndex, media::CodecContextPtr codec,
                QSize maxSize, int maxFrames)
        : m_format(format)
        , m_stream(format->streams[streamIndex])
        , m_codec(std::move(codec))
        , m_frame(av_frame_alloc())
        , m_packet(av_packet_alloc())
        , m_maxSize(maxSize)
        , m_maxFrames(maxFrames) {}

    bool allocated() const { return m_frame && m_packet; }

    //! Reads the file until its end or until enough frames were kept.
    void run() {
        while (!full() && av_read_frame(m_format, m_packet.get()) >= 0) {
            if (m_packet->stream_index == m_stream->index)
                send(m_packet.get());
            av_packet_unref(m_packet.get());
        }
        if (!full())
            send(nullptr); // drain the frames the decoder still holds
        finishDurations();
    }

    DecodedClip& clip() { return m_clip; }

private:
    bool full() const { return m_clip.frames.size() >= m_maxFrames; }

    void send(const AVPacket* packet) {
        while (avcodec_send_packet(m_codec.get(), packet) == AVERROR(EAGAIN))
            if (!receiveFrames())
                break;
        receiveFrames();
    }

    bool receiveFrames() {
        bool received = false;
        while (!full() && avcodec_receive_frame(m_codec.get(), m_frame.get()) >= 0) {
            received = true;
            keep(*m_frame);
            av_frame_unref(m_frame.get());
        }
        return received;
    }

    void keep(const AVFrame& frame) {
        const QImage image = media::scaledImage(frame, m_maxSize, m_scaler);
        if (image.isNull())
            return;
        m_clip.frames.append(image);
        m_startsMs.append(frame.best_effort_timestamp == AV_NOPTS_VALUE
                              ? -1
                              : av_rescale_q(frame.best_effort_timestamp, m_stream->time_base,
                                             AVRational{1, 1000}));
    }

    //! A frame lasts until the next one starts; the last as long as the stream's frame rate.
    void finishDurations() {
        int fallback = kDefaultFrameMs;
        const AVRational rate = m_stream->avg_frame_rate;
        if (rate.num > 0 && rate.den > 0)
            fallback = static_cast<int>(1000LL * rate.den / rate.num);
        for (qsizetype i = 0; i < m_startsMs.size(); ++i) {
            qint64 ms = fallback;
            if (i + 1 < m_startsMs.size() && m_startsMs[i] >= 0 &&
                m_startsMs[i + 1] > m_startsMs[i])
                ms = m_startsMs[i + 1] - m_startsMs[i];
            m_clip.durationsMs.append(
                static_cast<int>(std::clamp<qint64>(ms, kMinFrameMs, kMaxFrameMs)));
        }
    }

    AVFormatContext* m_format;
    AVStream* m_stream;
    media::CodecContextPtr m_codec;
    media::FramePtr m_frame;
    media::PacketPtr m_packet;
    media::ScalePtr m_scaler; // reused while the frames keep their size and format
    QSize m_maxSize;
    int m_maxFrames;
    QList<qint64> m_startsMs;
    DecodedClip m_clip;
};

DecodedClip failure(const QString& error) {
    DecodedClip clip;
    clip.error = error;
    return clip;
}

} // namespace

DecodedClip decodeClip(const QString& path, QSize maxSize, int maxFrames) {
    media::OpenedMedia opened = media::openMediaFile(path);
    if (!opened.context)
        return failure(opened.error);
    AVFormatContext* format = opened.context.get();
    const QString name = media::quotedFileName(path);

    media::VideoDecoder video = media::openVideoDecoder(
        format, path, MediaText::tr("%1 has no video to preview.").arg(name));
    if (!video.codec)
        return failure(video.error);

    if (!maxSize.isValid() || maxSize.isEmpty())
        maxSize = QSize(1, 1);
    ClipDecoder clip(format, video.streamIndex, std::move(video.codec), maxSize,
                     std::clamp(maxFrames, 1, kMaxClipFrames));
    if (!clip.allocated())
        return failure(MediaText::tr("Not enough memory to decode %1.").arg(name));
    clip.run();
    if (clip.clip().frames.isEmpty())
        return failure(
            MediaText::tr("No frame of %1 could be decoded: the file is damaged.").arg(name));
    return std::move(clip.clip());
}

QFuture<DecodedClip> decodeClipAsync(const QString& path, QSize maxSize, int maxFrames) {
    return QtConcurrent::run(
        [path, maxSize, maxFrames] { return decodeClip(path, maxSize, maxFrames); });
}

} // namespace pixverse
