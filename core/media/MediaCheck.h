#pragma once

#include "core/media/MediaProbe.h"

#include <QString>

#include <optional>

namespace pixverse {

//! What a video or audio file is for; each use has its own documented limits (§2.12–§2.18).
enum class MediaUse {
    ExtendSource, //!< the video extend continues (§2.14)
    LipSyncVideo, //!< the video whose speaker lip sync animates (§2.18)
    LipSyncAudio, //!< the speech lip sync follows (§2.18)
    SoundSource,  //!< the video sound effect adds sound to (§2.17)
    UpscaleSource //!< the video upscale enlarges (§2.16)
};

//! Why PixVerse would refuse `facts` for `use`: one translated sentence that names the limit
//! and the file's own value (wrong type, too big, too long, too large a picture, no video or
//! audio stream); nullopt when the file is fine. Limits come from media_limits only.
std::optional<QString> mediaRefusal(const MediaFacts& facts, MediaUse use);

} // namespace pixverse
