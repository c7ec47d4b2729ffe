#pragma once

#include <QImage>
#include <QSize>
#include <QString>

#include <memory>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libswscale/swscale.h>
}

namespace pixverse::media {

//! Owners of libav's decoding objects (shared by the frame extractors of core/media).
struct CodecContextFree {
    void operator()(AVCodecContext* context) const { avcodec_free_context(&context); }
};
struct FrameFree {
    void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};
struct PacketFree {
    void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};
struct ScaleFree {
    void operator()(SwsContext* context) const { sws_freeContext(context); }
};
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextFree>;
using FramePtr = std::unique_ptr<AVFrame, FrameFree>;
using PacketPtr = std::unique_ptr<AVPacket, PacketFree>;
using ScalePtr = std::unique_ptr<SwsContext, ScaleFree>;

//! The best video stream of a file with its decoder open, or the sentence saying why not.
struct VideoDecoder {
    CodecContextPtr codec;
    int streamIndex = -1;
    QString error; //!< translated; empty when `codec` is set
};

//! Opens the decoder of `format`'s video (a cover picture is no video: `noVideo` is the
//! sentence then) and discards every other stream, so the demuxer skips their packets.
//! `path` names the file in the sentences.
VideoDecoder openVideoDecoder(AVFormatContext* format, const QString& path, const QString& noVideo);

//! `frame` as RGB32, scaled to fit `maxSize` (never enlarged, aspect kept); `scaler` is reused
//! while the frames keep their size and format. Null when the frame is implausible or libav fails.
QImage scaledImage(const AVFrame& frame, QSize maxSize, ScalePtr& scaler);

} // namespace pixverse::media
