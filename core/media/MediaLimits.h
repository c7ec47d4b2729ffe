#pragma once

#include <QtGlobal>

namespace pixverse {

//! The documented limits of the video and audio a request may use (issue 16), in one place: the
//! local checks before sending (MediaCheck, ModelCatalog::validate) and the sandbox's rules read
//! these, so the app and its stand-in cannot drift apart.
namespace media_limits {

//! `/media/upload` (§2.12): video and audio files up to 50 MB …
constexpr qint64 kMaxUploadBytes = 50LL * 1024 * 1024;
//! … and 30 s. ComfyUI's extend accepts 40 s uploads, so the 30 s may be out of date
//! (uncertain); the documented 30 s is what is checked.
constexpr double kMaxUploadSeconds = 30.0;
//! Either side of a video: upload, extend and lip sync sources (§2.12, §2.14, §2.18).
constexpr int kMaxVideoSide = 1920;
//! Extend's source must be shorter than 40 s (§2.14).
constexpr double kMaxExtendSourceSeconds = 40.0;

} // namespace media_limits
} // namespace pixverse
