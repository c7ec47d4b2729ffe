#include "core/media/MediaProbe.h"

#include "core/media/LibavInput.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/display.h>
}

namespace pixverse {
namespace {

using media::lcMedia;

QString metadata(const AVDictionary* dictionary, const char* key) {
    const AVDictionaryEntry* entry = av_dict_get(dictionary, key, nullptr, 0);
    return entry ? QString::fromUtf8(entry->value).trimmed() : QString();
}

//! libavformat reads MP4, MOV and M4A with one demuxer ("mov,mp4,m4a,..."): the file's
//! extension decides, then the major brand ("qt" is QuickTime, "M4A" audio).
void nameContainer(const AVFormatContext& context, MediaFacts& facts) {
    const QString demuxer = QString::fromLatin1(context.iformat->name);
    const QString suffix = QFileInfo(facts.path).suffix().toLower();
    if (demuxer.startsWith(QLatin1String("mov,"))) {
        const QString brand = metadata(context.metadata, "major_brand").toLower();
        if (suffix == QLatin1String("mov") ||
            (suffix != QLatin1String("mp4") && brand == QLatin1String("qt")))
            facts.container = QStringLiteral("mov");
        else if (suffix == QLatin1String("m4a") ||
                 (suffix != QLatin1String("mp4") && brand == QLatin1String("m4a")) ||
                 (suffix != QLatin1String("mp4") && !facts.hasVideo))
            facts.container = QStringLiteral("m4a");
        else
            facts.container = QStringLiteral("mp4");
    } else if (demuxer.startsWith(QLatin1String("matroska"))) {
        // WebM is Matroska with VP8/VP9/AV1 and Vorbis/Opus only.
        const QStringList webmCodecs{QStringLiteral("vp8"), QStringLiteral("vp9"),
                                     QStringLiteral("av1"), QStringLiteral("vorbis"),
                                     QStringLiteral("opus")};
        const bool webmVideo = facts.videoCodec.isEmpty() || webmCodecs.contains(facts.videoCodec);
        const bool webmAudio = facts.audioCodec.isEmpty() || webmCodecs.contains(facts.audioCodec);
        const bool webm = metadata(context.metadata, "doctype") == QLatin1String("webm") ||
                          suffix == QLatin1String("webm");
        facts.container =
            webm && webmVideo && webmAudio ? QStringLiteral("webm") : QStringLiteral("matroska");
    } else {
        facts.container = demuxer; // "mp3", "wav", "aac"
    }
    static const QHash<QString, QString> mimeTypes{
        {QStringLiteral("mp4"), QStringLiteral("video/mp4")},
        {QStringLiteral("mov"), QStringLiteral("video/quicktime")},
        {QStringLiteral("webm"), QStringLiteral("video/webm")},
        {QStringLiteral("matroska"), QStringLiteral("video/x-matroska")},
        {QStringLiteral("mp3"), QStringLiteral("audio/mpeg")},
        {QStringLiteral("wav"), QStringLiteral("audio/wav")},
        {QStringLiteral("m4a"), QStringLiteral("audio/x-m4a")},
        {QStringLiteral("aac"), QStringLiteral("audio/aac")}};
    facts.mimeType = mimeTypes.value(facts.container, QStringLiteral("application/octet-stream"));
}

//! The picture's size as shown: a display matrix turning it by ±90° swaps the sides.
void readVideoSize(const AVStream& stream, MediaFacts& facts) {
    facts.width = stream.codecpar->width;
    facts.height = stream.codecpar->height;
    size_t size = 0;
    const uint8_t* matrix = av_stream_get_side_data(&stream, AV_PKT_DATA_DISPLAYMATRIX, &size);
    if (!matrix || size < 9 * sizeof(int32_t))
        return;
    const double rotation = av_display_rotation_get(reinterpret_cast<const int32_t*>(matrix));
    if (std::isfinite(rotation) && std::lround(std::abs(rotation)) % 180 == 90)
        std::swap(facts.width, facts.height);
}

double streamSeconds(const AVStream& stream) {
    if (stream.duration == AV_NOPTS_VALUE || stream.duration <= 0)
        return 0;
    const double seconds = static_cast<double>(stream.duration) * av_q2d(stream.time_base);
    return std::isfinite(seconds) && seconds > 0 ? seconds : 0; // a damaged time base is 0/0
}

} // namespace

MediaProbeResult probeMedia(const QString& path) {
    MediaProbeResult result;
    media::OpenedMedia opened = media::openMediaFile(path);
    if (!opened.context) {
        result.error = opened.error;
        return result;
    }
    const AVFormatContext& context = *opened.context;
    MediaFacts facts;
    facts.path = path;
    facts.bytes = QFileInfo(path).size();
    double longestStream = 0;
    for (unsigned i = 0; i < context.nb_streams; ++i) {
        const AVStream& stream = *context.streams[i];
        const AVCodecParameters& codec = *stream.codecpar;
        const QString codecName = QString::fromLatin1(avcodec_get_name(codec.codec_id));
        if (codec.codec_type == AVMEDIA_TYPE_VIDEO && codec.width > 0 && codec.height > 0 &&
            !(stream.disposition & AV_DISPOSITION_ATTACHED_PIC)) {
            if (!facts.hasVideo) {
                facts.hasVideo = true;
                facts.videoCodec = codecName;
                readVideoSize(stream, facts);
            }
            longestStream = std::max(longestStream, streamSeconds(stream));
        } else if (codec.codec_type == AVMEDIA_TYPE_AUDIO && codec.sample_rate > 0) {
            if (!facts.hasAudio) {
                facts.hasAudio = true;
                facts.audioCodec = codecName;
            }
            longestStream = std::max(longestStream, streamSeconds(stream));
        }
    }
    const QString name = media::quotedFileName(path);
    if (!facts.hasVideo && !facts.hasAudio) {
        result.error = MediaText::tr("%1 holds no video or audio that can be read.").arg(name);
        return result;
    }
    if (context.duration != AV_NOPTS_VALUE && context.duration > 0)
        facts.seconds = static_cast<double>(context.duration) / AV_TIME_BASE;
    else
        facts.seconds = longestStream;
    nameContainer(context, facts);
    qCDebug(lcMedia) << "probed" << path << facts.container << facts.width << facts.height
                     << facts.seconds;
    result.facts = std::move(facts);
    return result;
}

QFuture<MediaProbeResult> probeMediaAsync(const QString& path) {
    return QtConcurrent::run([path] { return probeMedia(path); });
}

} // namespace pixverse
