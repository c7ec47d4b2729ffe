#include "core/backend/PreparedMedia.h"

#include "core/generation/ImageCheck.h"
#include "core/media/MediaCheck.h"
#include "core/media/MediaLimits.h"
#include "core/media/MediaProbe.h"

#include <QFile>
#include <QFileInfo>

namespace pixverse {

QByteArray PreparedMedia::mimeTypeFor(const QString& path, UploadedMedia::Kind kind) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (kind == UploadedMedia::Kind::Video) {
        if (suffix == QLatin1String("mp4"))
            return "video/mp4";
        if (suffix == QLatin1String("mov"))
            return "video/quicktime";
        if (suffix == QLatin1String("webm"))
            return "video/webm";
        return {};
    }
    if (suffix == QLatin1String("mp3"))
        return "audio/mpeg";
    if (suffix == QLatin1String("wav"))
        return "audio/wav";
    if (suffix == QLatin1String("m4a"))
        return "audio/x-m4a";
    if (suffix == QLatin1String("aac"))
        return "audio/aac";
    return {};
}

Result<PreparedMedia> PreparedMedia::forUpload(const QString& path, UploadedMedia::Kind kind) {
    auto refused = [](const QString& why) {
        return Result<PreparedMedia>::failure(ApiError::input(why));
    };
    const QFileInfo info(path);
    const QString name = info.fileName();
    PreparedMedia media;
    media.path = path;
    media.fileName = name;
    media.kind = kind;
    media.mimeType = mimeTypeFor(path, kind);
    if (media.mimeType.isEmpty())
        return refused(kind == UploadedMedia::Kind::Video
                           ? tr("%1 is not an MP4, MOV or WebM video.").arg(name)
                           : tr("%1 is not an MP3, WAV, M4A or AAC audio file.").arg(name));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refused(tr("%1 cannot be opened: %2.").arg(name, file.errorString()));
    media.bytes = file.size();
    if (media.bytes <= 0)
        return refused(tr("%1 is empty.").arg(name));
    if (media.bytes > media_limits::kMaxUploadBytes)
        return refused(tr("%1 is %2; PixVerse accepts video and audio files up to %3.")
                           .arg(name, ImageCheck::formatBytes(media.bytes),
                                ImageCheck::formatBytes(media_limits::kMaxUploadBytes)));
    file.close();
    // What the bytes are: the upload's own limits (§2.12: MP4, MOV or WebM video, MP3, WAV,
    // M4A or AAC audio, 30 s, 1920 px, 50 MB) are exactly those of an upscale source and of lip
    // sync's audio, so MediaCheck says why a file breaks them.
    const MediaProbeResult probe = probeMedia(path);
    if (!probe.facts)
        return refused(probe.error);
    const MediaUse use =
        kind == UploadedMedia::Kind::Video ? MediaUse::UpscaleSource : MediaUse::LipSyncAudio;
    if (const std::optional<QString> why = mediaRefusal(*probe.facts, use))
        return refused(*why);
    if (!probe.facts->mimeType.isEmpty())
        media.mimeType = probe.facts->mimeType.toLatin1(); // what it is, whatever its name says
    return Result<PreparedMedia>::success(media);
}

} // namespace pixverse
