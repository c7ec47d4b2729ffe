#include "core/media/LibavInput.h"

#include "core/media/LibavPointers.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <mutex>

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/log.h>
}

namespace pixverse::media {

Q_LOGGING_CATEGORY(lcMedia, "pixverse.media")

namespace {

// Demuxer names as libavformat spells them ("mov,mp4,m4a,3gp,3g2,mj2" matches "mov").
constexpr const char* kDemuxerWhitelist = "mov,mp4,m4a,matroska,webm,mp3,wav,aac";

void logLibavLine(void* avClass, int level, const char* format, va_list args) {
    if (level > AV_LOG_ERROR || !lcMedia().isDebugEnabled())
        return;
    char line[1024];
    int printPrefix = 1;
    av_log_format_line2(avClass, level, format, args, line, sizeof line, &printPrefix);
    qCDebug(lcMedia).noquote() << "libav:" << QString::fromUtf8(line).trimmed();
}

QString fileProblem(const QString& path) {
    if (path.isEmpty())
        return MediaText::tr("No file was given.");
    const QFileInfo info(path);
    const QString name = quotedFileName(path);
    if (!info.exists())
        return MediaText::tr("%1 cannot be found: it may have been moved or deleted.").arg(name);
    if (info.isDir())
        return MediaText::tr("%1 is a folder, not a video or audio file.").arg(name);
    if (!info.isFile())
        return MediaText::tr("%1 is not a regular file.").arg(name);
    if (info.size() == 0)
        return MediaText::tr("%1 is empty (0 bytes).").arg(name);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return MediaText::tr("%1 cannot be opened: %2.").arg(name, file.errorString());
    return {};
}

//! The end of the last sample a stream's index points at, past the file's end when the file
//! was cut short (an MP4 whose moov box is whole but whose media data is not).
bool indexPointsPastEnd(const AVFormatContext& context, qint64 bytes) {
    for (unsigned i = 0; i < context.nb_streams; ++i) {
        AVStream* stream = context.streams[i];
        const int count = avformat_index_get_entries_count(stream);
        for (int e = count - 1; e >= 0 && e >= count - 16; --e) {
            const AVIndexEntry* entry = avformat_index_get_entry(stream, e);
            if (entry && entry->pos + entry->size > bytes)
                return true;
        }
    }
    return false;
}

//! A WAV whose data chunk says it holds more bytes than the file has: cut short, its length as
//! read from the header would be more than there is. A size of 0 or 0xFFFFFFFF is a stream's
//! "unknown" and passes.
bool wavDataPastEnd(const QString& path, qint64 bytes) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(64 * 1024);
    if (head.size() < 12 || !head.startsWith("RIFF") || head.mid(8, 4) != "WAVE")
        return false;
    auto le32 = [&head](qsizetype at) {
        return quint32(quint8(head[at])) | quint32(quint8(head[at + 1])) << 8 |
               quint32(quint8(head[at + 2])) << 16 | quint32(quint8(head[at + 3])) << 24;
    };
    for (qsizetype at = 12; at + 8 <= head.size();) {
        const quint32 size = le32(at + 4);
        if (head.mid(at, 4) == "data")
            return size != 0 && size != 0xFFFFFFFFu && at + 8 + qint64(size) > bytes;
        at += 8 + qsizetype(size) + (size & 1);
    }
    return false;
}

} // namespace

void FormatContextCloser::operator()(AVFormatContext* context) const {
    avformat_close_input(&context);
}

QString quotedFileName(const QString& path) {
    const QString name = QFileInfo(path).fileName();
    return QStringLiteral("“%1”").arg(name.isEmpty() ? path : name);
}

void routeLibavLogging() {
    static std::once_flag once;
    std::call_once(once, [] {
        av_log_set_level(AV_LOG_ERROR);
        av_log_set_callback(logLibavLine);
    });
}

OpenedMedia openMediaFile(const QString& path) {
    routeLibavLogging();
    OpenedMedia opened;
    opened.error = fileProblem(path);
    if (!opened.error.isEmpty())
        return opened;

    const QString name = quotedFileName(path);
    AVDictionary* options = nullptr;
    av_dict_set(&options, "format_whitelist", kDemuxerWhitelist, 0);
    av_dict_set(&options, "protocol_whitelist", "file", 0);
    // "file:" so that a name with a colon is never read as another protocol.
    const QByteArray url = "file:" + QFile::encodeName(QFileInfo(path).absoluteFilePath());
    AVFormatContext* raw = nullptr;
    const int openResult = avformat_open_input(&raw, url.constData(), nullptr, &options);
    av_dict_free(&options);
    if (openResult < 0) {
        qCDebug(lcMedia) << "cannot open" << path << "libav error" << openResult;
        opened.error =
            MediaText::tr("%1 is not a video or audio file PixVerse can use (MP4, MOV or WebM "
                          "video; MP3, WAV, M4A or AAC audio), or it is damaged.")
                .arg(name);
        return opened;
    }
    FormatContextPtr context(raw);
    if (avformat_find_stream_info(context.get(), nullptr) < 0 || context->nb_streams == 0) {
        opened.error =
            MediaText::tr("%1 is damaged: no video or audio could be read from it.").arg(name);
        return opened;
    }
    const qint64 bytes = QFileInfo(path).size();
    const bool wav = qstrcmp(context->iformat->name, "wav") == 0;
    if (indexPointsPastEnd(*context, bytes) || (wav && wavDataPastEnd(path, bytes))) {
        opened.error = MediaText::tr("%1 is incomplete: the file ends before its last frames "
                                     "(a download or copy may have been cut short).")
                           .arg(name);
        return opened;
    }
    opened.context = std::move(context);
    opened.error.clear();
    return opened;
}

VideoDecoder openVideoDecoder(AVFormatContext* format, const QString& path,
                              const QString& noVideo) {
    VideoDecoder result;
    const AVCodec* decoder = nullptr;
    const int streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    if (streamIndex < 0 || !decoder ||
        (format->streams[streamIndex]->disposition & AV_DISPOSITION_ATTACHED_PIC)) {
        result.error = noVideo;
        return result;
    }
    CodecContextPtr codec(avcodec_alloc_context3(decoder));
    if (!codec ||
        avcodec_parameters_to_context(codec.get(), format->streams[streamIndex]->codecpar) < 0 ||
        avcodec_open2(codec.get(), decoder, nullptr) < 0) {
        result.error = MediaText::tr("The picture of %1 cannot be decoded (%2).")
                           .arg(quotedFileName(path), QString::fromLatin1(decoder->name));
        return result;
    }
    for (unsigned i = 0; i < format->nb_streams; ++i)
        format->streams[i]->discard =
            static_cast<int>(i) == streamIndex ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
    result.codec = std::move(codec);
    result.streamIndex = streamIndex;
    return result;
}

QImage scaledImage(const AVFrame& frame, QSize maxSize, ScalePtr& scaler) {
    if (frame.width <= 0 || frame.height <= 0 || frame.width > 8192 || frame.height > 8192)
        return {};
    QSize size(frame.width, frame.height);
    if (size.width() > maxSize.width() || size.height() > maxSize.height())
        size.scale(maxSize, Qt::KeepAspectRatio);
    size = size.expandedTo(QSize(1, 1));
    // sws_getCachedContext frees the context it is given when it makes another.
    scaler.reset(sws_getCachedContext(
        scaler.release(), frame.width, frame.height, static_cast<AVPixelFormat>(frame.format),
        size.width(), size.height(), AV_PIX_FMT_RGB32, SWS_BILINEAR, nullptr, nullptr, nullptr));
    if (!scaler)
        return {};
    QImage image(size, QImage::Format_RGB32);
    if (image.isNull())
        return {};
    uint8_t* planes[4] = {image.bits(), nullptr, nullptr, nullptr};
    const int strides[4] = {static_cast<int>(image.bytesPerLine()), 0, 0, 0};
    if (sws_scale(scaler.get(), frame.data, frame.linesize, 0, frame.height, planes, strides) !=
        size.height())
        return {};
    return image;
}

} // namespace pixverse::media
