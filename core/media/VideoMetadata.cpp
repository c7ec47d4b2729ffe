#include "core/media/VideoMetadata.h"

#include "core/media/LibavInput.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
}

namespace pixverse {

namespace {

using media::lcMedia;
using media::quotedFileName;

//! Closes and frees a muxer opened by remuxWithMetadata() (its file too, when open).
struct OutputCloser {
    void operator()(AVFormatContext* context) const {
        if (context->pb && !(context->oformat->flags & AVFMT_NOFILE))
            avio_closep(&context->pb);
        avformat_free_context(context);
    }
};
using OutputPtr = std::unique_ptr<AVFormatContext, OutputCloser>;

struct PacketFree {
    void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};

//! A libav error code as its own words, for the log.
QString libavText(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return QString::fromUtf8(text);
}

//! The muxer that writes what the demuxer read: QuickTime for .mov, MP4 otherwise.
const char* muxerFor(const QString& path) {
    return QFileInfo(path).suffix().compare(QLatin1String("mov"), Qt::CaseInsensitive) == 0 ? "mov"
                                                                                            : "mp4";
}

//! Adds an output stream for each picture, sound and subtitle stream of `input` (with its
//! codec parameters, timing, metadata and side data such as a phone's rotation); `map` gets
//! the output index of each input stream, -1 for a dropped one. libav's code, or 0.
int copyStreams(AVFormatContext* input, AVFormatContext* output, std::vector<int>& map) {
    map.assign(input->nb_streams, -1);
    for (unsigned i = 0; i < input->nb_streams; ++i) {
        const AVStream* in = input->streams[i];
        const AVMediaType type = in->codecpar->codec_type;
        if (type != AVMEDIA_TYPE_VIDEO && type != AVMEDIA_TYPE_AUDIO &&
            type != AVMEDIA_TYPE_SUBTITLE)
            continue;
        AVStream* out = avformat_new_stream(output, nullptr);
        if (!out)
            return AVERROR(ENOMEM);
        if (const int copied = avcodec_parameters_copy(out->codecpar, in->codecpar); copied < 0)
            return copied;
        out->codecpar->codec_tag = 0; // the muxer picks the tag its container uses
        out->time_base = in->time_base;
        out->disposition = in->disposition;
        out->avg_frame_rate = in->avg_frame_rate;
        av_dict_copy(&out->metadata, in->metadata, 0);
        for (int s = 0; s < in->nb_side_data; ++s) {
            const AVPacketSideData& data = in->side_data[s];
            uint8_t* copy = av_stream_new_side_data(out, data.type, data.size);
            if (!copy)
                return AVERROR(ENOMEM);
            memcpy(copy, data.data, data.size);
        }
        map[i] = out->index;
    }
    return 0;
}

//! Copies every packet of `input` into `output` (header, packets, trailer). libav's code, or 0.
int copyPackets(AVFormatContext* input, AVFormatContext* output, const std::vector<int>& map) {
    if (const int header = avformat_write_header(output, nullptr); header < 0)
        return header;
    const std::unique_ptr<AVPacket, PacketFree> packet(av_packet_alloc());
    if (!packet)
        return AVERROR(ENOMEM);
    while (true) {
        const int read = av_read_frame(input, packet.get());
        if (read == AVERROR_EOF)
            break;
        if (read < 0)
            return read;
        const int index = map[packet->stream_index];
        if (index < 0) {
            av_packet_unref(packet.get());
            continue;
        }
        av_packet_rescale_ts(packet.get(), input->streams[packet->stream_index]->time_base,
                             output->streams[index]->time_base);
        packet->stream_index = index;
        packet->pos = -1;
        if (const int written = av_interleaved_write_frame(output, packet.get()); written < 0)
            return written;
    }
    return av_write_trailer(output);
}

//! Writes `input`'s streams with `metadata` into `target` (a new file). libav's code, or 0.
int remuxWithMetadata(AVFormatContext* input, const QString& target, const char* muxer,
                      const VideoMetadata& metadata) {
    AVFormatContext* raw = nullptr;
    const QByteArray name = QFile::encodeName(target);
    if (const int made = avformat_alloc_output_context2(&raw, nullptr, muxer, name.constData());
        made < 0)
        return made;
    const OutputPtr output(raw);
    std::vector<int> map;
    if (const int copied = copyStreams(input, output.get(), map); copied < 0)
        return copied;
    av_dict_copy(&output->metadata, input->metadata, 0);
    // An empty value removes the tag, so a cleared title does not keep the old one.
    const auto setTag = [&output](const char* key, const QString& value) {
        av_dict_set(&output->metadata, key, value.isEmpty() ? nullptr : value.toUtf8().constData(),
                    0);
    };
    setTag("title", metadata.title);
    setTag("comment", metadata.comment);
    if (const int opened = avio_open(&output->pb, name.constData(), AVIO_FLAG_WRITE); opened < 0)
        return opened;
    return copyPackets(input, output.get(), map);
}

} // namespace

QString writeVideoMetadata(const QString& path, const VideoMetadata& metadata) {
    media::OpenedMedia opened = media::openMediaFile(path);
    if (!opened.context)
        return opened.error;
    const QString name = quotedFileName(path);
    if (qstrncmp(opened.context->iformat->name, "mov", 3) != 0)
        return MediaText::tr("The prompt cannot be written into %1: only MP4 and MOV files "
                             "carry it.")
            .arg(name);
    // Beside the original, so the rename below replaces it in one step on the same disk.
    const QFileInfo info(path);
    QString target;
    {
        QTemporaryFile reserve(info.dir().filePath(
            QStringLiteral(".%1.XXXXXX.%2").arg(info.completeBaseName(), info.suffix())));
        reserve.setAutoRemove(false);
        if (!reserve.open())
            return MediaText::tr("The prompt cannot be written into %1: %2")
                .arg(name, reserve.errorString());
        target = reserve.fileName();
    }
    const int result = remuxWithMetadata(opened.context.get(), target, muxerFor(path), metadata);
    opened.context.reset(); // the original is closed before it is replaced
    if (result < 0) {
        qCWarning(lcMedia).noquote()
            << "metadata of" << path << "not written:" << libavText(result);
        QFile::remove(target);
        return MediaText::tr("The prompt cannot be written into %1: the file could not be "
                             "copied (%2).")
            .arg(name, libavText(result));
    }
    QFile::setPermissions(target, QFile::permissions(path));
    if (std::rename(QFile::encodeName(target).constData(), QFile::encodeName(path).constData()) !=
        0) {
        QFile::remove(target);
        return MediaText::tr("The prompt cannot be written into %1: the file cannot be replaced.")
            .arg(name);
    }
    return {};
}

std::optional<VideoMetadata> readVideoMetadata(const QString& path) {
    const media::OpenedMedia opened = media::openMediaFile(path);
    if (!opened.context)
        return std::nullopt;
    const auto tag = [&opened](const char* key) {
        const AVDictionaryEntry* entry = av_dict_get(opened.context->metadata, key, nullptr, 0);
        return entry ? QString::fromUtf8(entry->value) : QString();
    };
    return VideoMetadata{tag("title"), tag("comment")};
}

QByteArray codedStreamDigest(const QString& path) {
    const media::OpenedMedia opened = media::openMediaFile(path);
    if (!opened.context)
        return {};
    std::unique_ptr<AVPacket, PacketFree> packet(av_packet_alloc());
    if (!packet)
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    int read = 0;
    while ((read = av_read_frame(opened.context.get(), packet.get())) >= 0) {
        const int stream = packet->stream_index;
        hash.addData(QByteArrayView(reinterpret_cast<const char*>(&stream), sizeof stream));
        hash.addData(QByteArrayView(reinterpret_cast<const char*>(packet->data), packet->size));
        av_packet_unref(packet.get());
    }
    return read == AVERROR_EOF ? hash.result() : QByteArray();
}

} // namespace pixverse
