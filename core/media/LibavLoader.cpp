// ffmpeg's libraries, loaded the first time a video is read (issue 20). Linked, they and the
// hundred-odd libraries they need (codecs, hardware decoders) were loaded and relocated before
// main(): the largest share of the start-up beyond an empty window, for a window that reads no
// video before the creator opens one. Each libav function core/media calls is defined here with
// its header's signature (the compiler checks them against the headers) and forwards to the
// library's own, looked up once. The .deb still depends on the libraries (packaging/).
#include "core/media/LibavInput.h"

#include <QByteArray>
#include <QLibrary>
#include <QList>
#include <QThreadPool>
#include <QtGlobal>

#include <atomic>
#include <cstdarg>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/display.h>
#include <libavutil/frame.h>
#include <libavutil/log.h>
#include <libavutil/mathematics.h>
#include <libswscale/swscale.h>
}

namespace {

//! The libraries the headers belong to, by their soname's major version (libavformat.so.59...).
const QList<QLibrary*>& libavLibraries() {
    // Held through a pointer that is never freed: the libraries stay loaded to the process's end,
    // and a static pointer keeps them reachable for the leak checker (a static list would be
    // destroyed before it looks).
    static const QList<QLibrary*>* const libraries = [] {
        const QList<QPair<const char*, int>> wanted{{"avformat", LIBAVFORMAT_VERSION_MAJOR},
                                                    {"avcodec", LIBAVCODEC_VERSION_MAJOR},
                                                    {"swscale", LIBSWSCALE_VERSION_MAJOR},
                                                    {"avutil", LIBAVUTIL_VERSION_MAJOR}};
        QList<QLibrary*> loaded;
        for (const auto& [name, major] : wanted) {
            auto* library = new QLibrary(QString::fromLatin1(name), major); // kept to the end
            if (!library->load())
                qFatal("ffmpeg's library %s could not be loaded: %s", name,
                       qPrintable(library->errorString()));
            loaded << library;
        }
        return new QList<QLibrary*>(loaded);
    }();
    return *libraries;
}

template <typename Function> Function libav(const char* name) {
    for (QLibrary* library : libavLibraries()) {
        if (const QFunctionPointer found = library->resolve(name))
            return reinterpret_cast<Function>(found);
    }
    qFatal("ffmpeg's libraries lack %s", name);
    return nullptr;
}

} // namespace

// One definition per function: `real` is looked up on the first call (thread-safe statics).
#define PIXVERSE_LIBAV(result, name, parameters, arguments)                                        \
    result name parameters {                                                                       \
        static const auto real = libav<decltype(&name)>(#name);                                    \
        return real arguments;                                                                     \
    }

extern "C" {

// libavutil
PIXVERSE_LIBAV(int, av_dict_copy, (AVDictionary * *dst, const AVDictionary* src, int flags),
               (dst, src, flags))
PIXVERSE_LIBAV(void, av_dict_free, (AVDictionary * *m), (m))
PIXVERSE_LIBAV(AVDictionaryEntry*, av_dict_get,
               (const AVDictionary* m, const char* key, const AVDictionaryEntry* prev, int flags),
               (m, key, prev, flags))
PIXVERSE_LIBAV(int, av_dict_set,
               (AVDictionary * *pm, const char* key, const char* value, int flags),
               (pm, key, value, flags))
PIXVERSE_LIBAV(double, av_display_rotation_get, (const int32_t matrix[9]), (matrix))
PIXVERSE_LIBAV(AVFrame*, av_frame_alloc, (void), ())
PIXVERSE_LIBAV(void, av_frame_free, (AVFrame * *frame), (frame))
PIXVERSE_LIBAV(void, av_frame_move_ref, (AVFrame * dst, AVFrame* src), (dst, src))
PIXVERSE_LIBAV(void, av_frame_unref, (AVFrame * frame), (frame))
PIXVERSE_LIBAV(int, av_log_format_line2,
               (void* ptr, int level, const char* fmt, va_list vl, char* line, int line_size,
                int* print_prefix),
               (ptr, level, fmt, vl, line, line_size, print_prefix))
PIXVERSE_LIBAV(void, av_log_set_callback, (void (*callback)(void*, int, const char*, va_list)),
               (callback))
PIXVERSE_LIBAV(void, av_log_set_level, (int level), (level))
PIXVERSE_LIBAV(int64_t, av_rescale_q, (int64_t a, AVRational bq, AVRational cq), (a, bq, cq))
PIXVERSE_LIBAV(int, av_strerror, (int errnum, char* errbuf, size_t errbuf_size),
               (errnum, errbuf, errbuf_size))

// libavcodec
PIXVERSE_LIBAV(AVPacket*, av_packet_alloc, (void), ())
PIXVERSE_LIBAV(void, av_packet_free, (AVPacket * *pkt), (pkt))
PIXVERSE_LIBAV(void, av_packet_rescale_ts, (AVPacket * pkt, AVRational tb_src, AVRational tb_dst),
               (pkt, tb_src, tb_dst))
PIXVERSE_LIBAV(void, av_packet_unref, (AVPacket * pkt), (pkt))
PIXVERSE_LIBAV(AVCodecContext*, avcodec_alloc_context3, (const AVCodec* codec), (codec))
PIXVERSE_LIBAV(void, avcodec_flush_buffers, (AVCodecContext * avctx), (avctx))
PIXVERSE_LIBAV(void, avcodec_free_context, (AVCodecContext * *avctx), (avctx))
PIXVERSE_LIBAV(const char*, avcodec_get_name, (enum AVCodecID id), (id))
PIXVERSE_LIBAV(int, avcodec_open2,
               (AVCodecContext * avctx, const AVCodec* codec, AVDictionary** options),
               (avctx, codec, options))
PIXVERSE_LIBAV(int, avcodec_parameters_copy,
               (AVCodecParameters * dst, const AVCodecParameters* src), (dst, src))
PIXVERSE_LIBAV(int, avcodec_parameters_to_context,
               (AVCodecContext * codec, const AVCodecParameters* par), (codec, par))
PIXVERSE_LIBAV(int, avcodec_receive_frame, (AVCodecContext * avctx, AVFrame* frame), (avctx, frame))
PIXVERSE_LIBAV(int, avcodec_send_packet, (AVCodecContext * avctx, const AVPacket* avpkt),
               (avctx, avpkt))

// libavformat
PIXVERSE_LIBAV(int, av_find_best_stream,
               (AVFormatContext * ic, enum AVMediaType type, int wanted_stream_nb,
                int related_stream, const AVCodec** decoder_ret, int flags),
               (ic, type, wanted_stream_nb, related_stream, decoder_ret, flags))
PIXVERSE_LIBAV(int, av_interleaved_write_frame, (AVFormatContext * s, AVPacket* pkt), (s, pkt))
PIXVERSE_LIBAV(int, av_read_frame, (AVFormatContext * s, AVPacket* pkt), (s, pkt))
PIXVERSE_LIBAV(int, av_seek_frame,
               (AVFormatContext * s, int stream_index, int64_t timestamp, int flags),
               (s, stream_index, timestamp, flags))
PIXVERSE_LIBAV(uint8_t*, av_stream_get_side_data,
               (const AVStream* stream, enum AVPacketSideDataType type, size_t* size),
               (stream, type, size))
PIXVERSE_LIBAV(uint8_t*, av_stream_new_side_data,
               (AVStream * stream, enum AVPacketSideDataType type, size_t size),
               (stream, type, size))
PIXVERSE_LIBAV(int, av_write_trailer, (AVFormatContext * s), (s))
PIXVERSE_LIBAV(int, avformat_alloc_output_context2,
               (AVFormatContext * *ctx, const AVOutputFormat* oformat, const char* format_name,
                const char* filename),
               (ctx, oformat, format_name, filename))
PIXVERSE_LIBAV(void, avformat_close_input, (AVFormatContext * *s), (s))
PIXVERSE_LIBAV(int, avformat_find_stream_info, (AVFormatContext * ic, AVDictionary** options),
               (ic, options))
PIXVERSE_LIBAV(void, avformat_free_context, (AVFormatContext * s), (s))
PIXVERSE_LIBAV(int, avformat_index_get_entries_count, (const AVStream* st), (st))
PIXVERSE_LIBAV(const AVIndexEntry*, avformat_index_get_entry, (AVStream * st, int idx), (st, idx))
PIXVERSE_LIBAV(AVStream*, avformat_new_stream, (AVFormatContext * s, const AVCodec* c), (s, c))
PIXVERSE_LIBAV(int, avformat_open_input,
               (AVFormatContext * *ps, const char* url, const AVInputFormat* fmt,
                AVDictionary** options),
               (ps, url, fmt, options))
PIXVERSE_LIBAV(int, avformat_write_header, (AVFormatContext * s, AVDictionary** options),
               (s, options))
PIXVERSE_LIBAV(int, avio_closep, (AVIOContext * *s), (s))
PIXVERSE_LIBAV(int, avio_open, (AVIOContext * *s, const char* url, int flags), (s, url, flags))

// libswscale
PIXVERSE_LIBAV(void, sws_freeContext, (struct SwsContext * swsContext), (swsContext))
PIXVERSE_LIBAV(struct SwsContext*, sws_getCachedContext,
               (struct SwsContext * context, int srcW, int srcH, enum AVPixelFormat srcFormat,
                int dstW, int dstH, enum AVPixelFormat dstFormat, int flags, SwsFilter* srcFilter,
                SwsFilter* dstFilter, const double* param),
               (context, srcW, srcH, srcFormat, dstW, dstH, dstFormat, flags, srcFilter, dstFilter,
                param))
PIXVERSE_LIBAV(struct SwsContext*, sws_getContext,
               (int srcW, int srcH, enum AVPixelFormat srcFormat, int dstW, int dstH,
                enum AVPixelFormat dstFormat, int flags, SwsFilter* srcFilter, SwsFilter* dstFilter,
                const double* param),
               (srcW, srcH, srcFormat, dstW, dstH, dstFormat, flags, srcFilter, dstFilter, param))
PIXVERSE_LIBAV(int, sws_scale,
               (struct SwsContext * c, const uint8_t* const srcSlice[], const int srcStride[],
                int srcSliceY, int srcSliceH, uint8_t* const dst[], const int dstStride[]),
               (c, srcSlice, srcStride, srcSliceY, srcSliceH, dst, dstStride))

} // extern "C"

namespace pixverse::media {

void preloadLibav() {
    libavLibraries();
}

void preloadLibavSoon() {
    static std::atomic_flag started = ATOMIC_FLAG_INIT;
    if (!started.test_and_set())
        QThreadPool::globalInstance()->start(&preloadLibav);
}

} // namespace pixverse::media
