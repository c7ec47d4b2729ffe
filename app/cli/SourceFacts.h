#pragma once

#include "app/cli/CliOptions.h"
#include "core/jobs/Job.h"

#include <optional>

namespace pixverse {

class JobStore;

//! What the CLI learns about the video a command continues, before anything is sent: the take in
//! the --out folder's job list (lineage, its length and size), or the local file's own facts.

//! The name last-frame gives a video's last frame: "<video name>-last-frame.png". generate finds
//! the take an image came from by it, so the next shot records its parent.
QString lastFrameFileName(const QString& videoPath);

//! The finished take in `store` whose PixVerse video is `videoId`; nullopt when none.
std::optional<Job> takeWithVideo(const JobStore& store, qint64 videoId);
//! The finished take whose last frame `imagePath` is (lastFrameFileName()); nullopt when none.
std::optional<Job> takeOfFrame(const JobStore& store, const QString& imagePath);

//! The request continuing `take` (JobLibrary::continuation: the take as parent, its length, size,
//! model and quality, an extend's prompt) with the command line's own keys over it.
//! The sentence about a wrong key, or empty.
QString continueTake(const Job& take, JobStore& store, const CliOptions& options,
                     const ModelCatalog& catalog, GenerationRequest& request);

//! Probes the request's local source video and audio file (probeMedia), refuses what PixVerse
//! would (mediaRefusal: type, size, length, picture size) and sets the facts (sourceSeconds,
//! sourceWidth/Height, audioSeconds). Returns the refusal's sentence, or empty. Reads files: call
//! it on the thread pool (CliRunner) or where nothing waits on it (a dry run).
QString readLocalFacts(GenerationRequest& request);

} // namespace pixverse
