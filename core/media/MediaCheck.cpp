#include "core/media/MediaCheck.h"

#include "core/generation/ImageCheck.h"
#include "core/media/LibavInput.h"
#include "core/media/MediaLimits.h"

#include <QHash>
#include <QLocale>
#include <QStringList>

#include <cmath>

namespace pixverse {
namespace {

bool wantsVideo(MediaUse use) {
    return use != MediaUse::LipSyncAudio;
}

//! Containers each use takes. §2.12 lists mp4/mov/webm video and mp3/wav/m4a/aac audio for
//! uploads. Lip sync names only mp4/mov video and mp3/wav audio (§2.18): the video rule is kept
//! (WebM is refused for lip sync), but M4A and AAC audio are let through, as the upload itself
//! takes them and the lip sync page reads as a summary (uncertain; the client is tolerant here).
QStringList acceptedContainers(MediaUse use) {
    switch (use) {
    case MediaUse::LipSyncAudio:
        return {QStringLiteral("mp3"), QStringLiteral("wav"), QStringLiteral("m4a"),
                QStringLiteral("aac")};
    case MediaUse::LipSyncVideo:
        return {QStringLiteral("mp4"), QStringLiteral("mov")};
    case MediaUse::ExtendSource:
    case MediaUse::SoundSource:
    case MediaUse::UpscaleSource:
        break;
    }
    return {QStringLiteral("mp4"), QStringLiteral("mov"), QStringLiteral("webm")};
}

QString acceptedText(MediaUse use) {
    switch (use) {
    case MediaUse::LipSyncAudio:
        return MediaText::tr("MP3, WAV, M4A or AAC");
    case MediaUse::LipSyncVideo:
        return MediaText::tr("MP4 or MOV");
    case MediaUse::ExtendSource:
    case MediaUse::SoundSource:
    case MediaUse::UpscaleSource:
        break;
    }
    return MediaText::tr("MP4, MOV or WebM");
}

//! "42 s", "30.5 s": seconds as the sentences state them, rounded up to a tenth so that a clip
//! just over a limit never reads as if it were on it.
QString secondsText(double seconds) {
    const double tenths = std::ceil(seconds * 10.0 - 1e-6) / 10.0;
    return QLocale().toString(tenths, 'g', 6);
}

//! The container as people know it: "MP4", "WebM", "Matroska (MKV)".
QString containerName(const QString& container) {
    static const QHash<QString, QString> names{
        {QStringLiteral("webm"), QStringLiteral("WebM")},
        {QStringLiteral("matroska"), QStringLiteral("Matroska (MKV)")}};
    return names.value(container, container.toUpper());
}

std::optional<QString> refuseType(const MediaFacts& facts, MediaUse use, const QString& name) {
    if (wantsVideo(use) && !facts.hasVideo)
        return MediaText::tr("%1 has no picture: a video (%2) is needed.")
            .arg(name, acceptedText(use));
    if (!wantsVideo(use) && !facts.hasAudio)
        return MediaText::tr("%1 has no sound: an audio file (%2) is needed.")
            .arg(name, acceptedText(use));
    if (acceptedContainers(use).contains(facts.container))
        return std::nullopt;
    if (wantsVideo(use))
        return MediaText::tr("%1 is in %2 format; PixVerse takes only %3 video here.")
            .arg(name, containerName(facts.container), acceptedText(use));
    return MediaText::tr("%1 is in %2 format; PixVerse takes only %3 audio here.")
        .arg(name, containerName(facts.container), acceptedText(use));
}

} // namespace

std::optional<QString> mediaRefusal(const MediaFacts& facts, MediaUse use) {
    const QString name = media::quotedFileName(facts.path);
    if (std::optional<QString> wrongType = refuseType(facts, use, name))
        return wrongType;
    if (facts.bytes > media_limits::kMaxUploadBytes)
        return MediaText::tr("%1 is %2; PixVerse takes files of at most %3.")
            .arg(name, ImageCheck::formatBytes(facts.bytes),
                 ImageCheck::formatBytes(media_limits::kMaxUploadBytes));
    // Extend has its own limit (shorter than 40 s, §2.14); every other file is uploaded and
    // meets §2.12's 30 s.
    if (use == MediaUse::ExtendSource) {
        if (facts.seconds >= media_limits::kMaxExtendSourceSeconds)
            return MediaText::tr("The video %1 is %2 s long; PixVerse extends only videos "
                                 "shorter than %3 s.")
                .arg(name, secondsText(facts.seconds),
                     secondsText(media_limits::kMaxExtendSourceSeconds));
    } else if (facts.seconds > media_limits::kMaxUploadSeconds) {
        if (wantsVideo(use))
            return MediaText::tr("The video %1 is %2 s long; PixVerse takes at most %3 s.")
                .arg(name, secondsText(facts.seconds),
                     secondsText(media_limits::kMaxUploadSeconds));
        return MediaText::tr("The audio %1 is %2 s long; PixVerse takes at most %3 s.")
            .arg(name, secondsText(facts.seconds), secondsText(media_limits::kMaxUploadSeconds));
    }
    if (wantsVideo(use) &&
        (facts.width > media_limits::kMaxVideoSide || facts.height > media_limits::kMaxVideoSide))
        return MediaText::tr("The video %1 is %2 × %3 px; PixVerse takes at most %4 px on either "
                             "side.")
            .arg(name)
            .arg(facts.width)
            .arg(facts.height)
            .arg(media_limits::kMaxVideoSide);
    return std::nullopt;
}

} // namespace pixverse
