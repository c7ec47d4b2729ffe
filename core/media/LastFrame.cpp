#include "core/media/LastFrame.h"

#include "core/media/LibavInput.h"
#include "core/media/LibavPointers.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QSaveFile>
#include <QTransform>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <memory>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/display.h>
#include <libswscale/swscale.h>
}

namespace pixverse {
namespace {

using media::lcMedia;

using media::CodecContextPtr;
using media::FramePtr;
using media::PacketPtr;

//! Decoding looks this far before the end for a keyframe: PixVerse's clips and most phone
//! videos have one at least every 2 s. A clip with longer gaps still works: the seek lands on
//! the keyframe before, whatever its distance.
constexpr double kTailSeconds = 2.0;

//! A decoder for one video stream and the last frame it has given.
class LastFrameDecoder {
public:
    LastFrameDecoder(AVFormatContext* format, int streamIndex, CodecContextPtr codec)
        : m_format(format)
        , m_streamIndex(streamIndex)
        , m_codec(std::move(codec))
        , m_frame(av_frame_alloc())
        , m_last(av_frame_alloc())
        , m_packet(av_packet_alloc()) {}

    bool allocated() const { return m_frame && m_last && m_packet; }
    bool hasFrame() const { return m_hasFrame; }
    const AVFrame& lastFrame() const { return *m_last; }

    //! Seeks to the keyframe of the video at or before `seconds` from the file's start and
    //! decodes to the end. A file that cannot seek is decoded from its start, if nothing was
    //! read yet; otherwise false.
    bool decodeFrom(double seconds) {
        // In AV_TIME_BASE units (stream -1): a damaged file's stream time base may be 0/0.
        const int64_t start = m_format->start_time == AV_NOPTS_VALUE ? 0 : m_format->start_time;
        const auto offset = static_cast<int64_t>(std::clamp(seconds, 0.0, 1e9) * AV_TIME_BASE);
        if (av_seek_frame(m_format, -1, start + offset, AVSEEK_FLAG_BACKWARD) < 0 && m_readAny)
            return false;
        avcodec_flush_buffers(m_codec.get());
        m_hasFrame = false;
        decodeToEnd();
        return true;
    }

private:
    void decodeToEnd() {
        m_readAny = true;
        while (av_read_frame(m_format, m_packet.get()) >= 0) {
            if (m_packet->stream_index == m_streamIndex)
                send(m_packet.get());
            av_packet_unref(m_packet.get());
        }
        send(nullptr); // drain the frames the decoder still holds
    }

    //! Feeds one packet (nullptr: the end), taking the frames out whenever the decoder is full.
    //! A packet the decoder refuses as damaged is skipped.
    void send(const AVPacket* packet) {
        while (avcodec_send_packet(m_codec.get(), packet) == AVERROR(EAGAIN))
            if (!receiveFrames())
                break;
        receiveFrames();
    }

    //! True when at least one frame came out.
    bool receiveFrames() {
        bool received = false;
        while (avcodec_receive_frame(m_codec.get(), m_frame.get()) >= 0) {
            av_frame_unref(m_last.get());
            av_frame_move_ref(m_last.get(), m_frame.get());
            m_hasFrame = received = true;
        }
        return received;
    }

    AVFormatContext* m_format;
    int m_streamIndex;
    CodecContextPtr m_codec;
    FramePtr m_frame;
    FramePtr m_last;
    PacketPtr m_packet;
    bool m_hasFrame = false;
    bool m_readAny = false;
};

//! The frame as RGB; null when swscale cannot convert its pixel format or the frame is
//! implausibly large (a damaged header; 8K is the largest video taken as real).
QImage toImage(const AVFrame& frame) {
    constexpr qint64 kMaxPixels = 8192LL * 8192;
    if (frame.width <= 0 || frame.height <= 0 ||
        static_cast<qint64>(frame.width) * frame.height > kMaxPixels)
        return {};
    const auto format = static_cast<AVPixelFormat>(frame.format);
    media::ScalePtr scaler(sws_getContext(frame.width, frame.height, format, frame.width,
                                          frame.height, AV_PIX_FMT_RGB24, SWS_BILINEAR, nullptr,
                                          nullptr, nullptr));
    if (!scaler)
        return {};
    QImage image(frame.width, frame.height, QImage::Format_RGB888);
    if (image.isNull())
        return {};
    uint8_t* planes[4] = {image.bits(), nullptr, nullptr, nullptr};
    const int strides[4] = {static_cast<int>(image.bytesPerLine()), 0, 0, 0};
    if (sws_scale(scaler.get(), frame.data, frame.linesize, 0, frame.height, planes, strides) !=
        frame.height)
        return {};
    return image;
}

//! Turns the picture as players show it, when the stream carries a display matrix.
QImage rotatedForDisplay(const QImage& image, const AVStream& stream) {
    size_t size = 0;
    const uint8_t* matrix = av_stream_get_side_data(&stream, AV_PKT_DATA_DISPLAYMATRIX, &size);
    if (!matrix || size < 9 * sizeof(int32_t))
        return image;
    const double rotation = av_display_rotation_get(reinterpret_cast<const int32_t*>(matrix));
    if (!std::isfinite(rotation) || std::lround(rotation) % 360 == 0)
        return image;
    // libav's angle is counter-clockwise; QTransform turns clockwise on screen.
    return image.transformed(QTransform().rotate(-std::round(rotation)));
}

LastFrameResult failure(const QString& error) {
    LastFrameResult result;
    result.error = error;
    return result;
}

QString savePng(const QImage& image, const QString& pngPath) {
    const QFileInfo target(pngPath);
    QDir().mkpath(target.absolutePath());
    QSaveFile file(target.absoluteFilePath());
    if (!file.open(QIODevice::WriteOnly))
        return MediaText::tr("The frame cannot be saved as %1: %2.")
            .arg(media::quotedFileName(pngPath), file.errorString());
    if (!image.save(&file, "PNG") || !file.commit())
        return MediaText::tr("The frame cannot be saved as %1: %2.")
            .arg(media::quotedFileName(pngPath), file.errorString());
    return {};
}

} // namespace

LastFrameResult extractLastFrame(const QString& videoPath, const QString& pngPath) {
    media::OpenedMedia opened = media::openMediaFile(videoPath);
    if (!opened.context)
        return failure(opened.error);
    AVFormatContext* format = opened.context.get();
    const QString name = media::quotedFileName(videoPath);

    media::VideoDecoder video = media::openVideoDecoder(
        format, videoPath, MediaText::tr("%1 has no picture to take a frame from.").arg(name));
    if (!video.codec)
        return failure(video.error);
    const AVStream& stream = *format->streams[video.streamIndex];

    LastFrameDecoder frames(format, video.streamIndex, std::move(video.codec));
    if (!frames.allocated())
        return failure(MediaText::tr("Not enough memory to decode %1.").arg(name));
    double seconds = 0;
    if (format->duration != AV_NOPTS_VALUE && format->duration > 0)
        seconds = static_cast<double>(format->duration) / AV_TIME_BASE;
    // Near the end first; from the start when that seek fails or yields nothing (no index, a
    // wrong duration). A short clip is decoded whole.
    if (seconds <= kTailSeconds) {
        frames.decodeFrom(0);
    } else if (!frames.decodeFrom(seconds - kTailSeconds) || !frames.hasFrame()) {
        qCDebug(lcMedia) << "decoding" << videoPath << "from the start";
        frames.decodeFrom(0);
    }
    if (!frames.hasFrame())
        return failure(
            MediaText::tr("No frame of %1 could be decoded: the file is damaged.").arg(name));

    const QImage image = rotatedForDisplay(toImage(frames.lastFrame()), stream);
    if (image.isNull())
        return failure(MediaText::tr("The picture of %1 cannot be converted.").arg(name));
    if (const QString error = savePng(image, pngPath); !error.isEmpty())
        return failure(error);
    qCDebug(lcMedia) << "last frame of" << videoPath << "written to" << pngPath;
    LastFrameResult result;
    result.pngPath = pngPath;
    result.size = image.size();
    return result;
}

QFuture<LastFrameResult> extractLastFrameAsync(const QString& videoPath, const QString& pngPath) {
    return QtConcurrent::run([videoPath, pngPath] { return extractLastFrame(videoPath, pngPath); });
}

} // namespace pixverse
