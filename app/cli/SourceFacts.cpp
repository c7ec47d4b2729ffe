#include "app/cli/SourceFacts.h"

#include "app/cli/ContinueOptions.h"
#include "core/jobs/JobLibrary.h"
#include "core/jobs/JobStore.h"
#include "core/media/MediaCheck.h"
#include "core/media/MediaProbe.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace pixverse {

namespace {

//! What a source video is for, as the media checks name it.
MediaUse videoUseFor(GenerationMode mode) {
    switch (mode) {
    case GenerationMode::Upscale:
        return MediaUse::UpscaleSource;
    case GenerationMode::SoundEffect:
        return MediaUse::SoundSource;
    case GenerationMode::LipSync:
        return MediaUse::LipSyncVideo;
    default:
        return MediaUse::ExtendSource;
    }
}

//! The facts of `path` if it may be used so; else the sentence why not.
std::optional<MediaFacts> checkedFacts(const QString& path, MediaUse use, QString* why) {
    const MediaProbeResult probe = probeMedia(path);
    if (!probe.facts) {
        *why = probe.error;
        return std::nullopt;
    }
    if (const std::optional<QString> refusal = mediaRefusal(*probe.facts, use)) {
        // Which file: a lip sync may give two.
        *why = QCoreApplication::translate("pixverse-studio-cli", "%1: %2")
                   .arg(QFileInfo(path).fileName(), *refusal);
        return std::nullopt;
    }
    return probe.facts;
}

} // namespace

QString lastFrameFileName(const QString& videoPath) {
    return QFileInfo(videoPath).completeBaseName() + QStringLiteral("-last-frame.png");
}

std::optional<Job> takeWithVideo(const JobStore& store, qint64 videoId) {
    for (const Job& job : store.jobs(JobState::Done))
        if (job.videoId == videoId)
            return job;
    return std::nullopt;
}

std::optional<Job> takeOfFrame(const JobStore& store, const QString& imagePath) {
    const QString name = QFileInfo(imagePath).fileName();
    for (const Job& job : store.jobs(JobState::Done))
        if (!job.videoPath.isEmpty() && lastFrameFileName(job.videoPath) == name)
            return job;
    return std::nullopt;
}

QString continueTake(const Job& take, JobStore& store, const CliOptions& options,
                     const ModelCatalog& catalog, GenerationRequest& request) {
    JobLibrary library(&store);
    library.setCatalog(&catalog);
    GenerationRequest continued = library.continuation(take, modeOfCommand(options.command));
    if (QString error =
            applyGenerationKeys(options.generationKeys, catalog, options.family(), continued);
        !error.isEmpty())
        return error;
    applyContinueKeys(options, continued);
    continued.parentJobId = take.id;
    request = continued;
    return {};
}

QString readLocalFacts(GenerationRequest& request) {
    QString why;
    if (!request.sourceVideoPath.isEmpty()) {
        const auto facts = checkedFacts(request.sourceVideoPath, videoUseFor(request.mode), &why);
        if (!facts)
            return why;
        request.sourceSeconds = facts->seconds;
        request.sourceWidth = facts->width;
        request.sourceHeight = facts->height;
    }
    if (!request.audioPath.isEmpty()) {
        const auto facts = checkedFacts(request.audioPath, MediaUse::LipSyncAudio, &why);
        if (!facts)
            return why;
        request.audioSeconds = facts->seconds;
    }
    return {};
}

} // namespace pixverse
