#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace pixverse::sandbox {

//! The one place of the sandbox's output size rule (resources/clips/CMakeLists.txt makes a clip
//! for every size it gives, and tst_sandbox checks that): the short side is the quality
//! (360/540/720/1080), the long side is the short side times the aspect ratio, rounded to an
//! even number. 16:9 540p → 960×540, 9:16 720p → 720×1280, 1:1 540p → 540×540.
//! An invalid QSize for an unknown quality or aspect ratio.
QSize outputSize(const QString& quality, const QString& aspectRatio);

//! The V6/C1 rule (../shared/pixverse-api.md §2.11): the quality names the long edge (640, 1024,
//! 1280, 1920 px) and the short edge follows from the ratio, rounded down to an even number as
//! the reference's table has it: 16:9 at 1024 → 1024×576, 3:2 at 1280 → 1280×852. Invalid for a
//! long edge below 2 or an unknown aspect ratio. resources/clips makes a clip for these too.
QSize outputSizeByLongEdge(int longEdge, const QString& aspectRatio);

//! "540p" → 540; 0 when it is not a quality.
int qualityShortSide(const QString& quality);

//! "16:9" → {16, 9}; empty when it is not a ratio of two positive integers.
std::optional<std::pair<int, int>> parseAspectRatio(const QString& aspectRatio);

//! The candidate aspect ratio closest to the image's (compared on a log scale, so 2:1 and 1:2
//! are equally far from 1:1). Empty when there is no valid candidate or the size is empty.
QString nearestAspectRatio(QSize image, const QStringList& candidates);

//! The file name of the sample clip of that size: "960x540.mp4", or with a 1 s AAC sine
//! track for a video made with audio (generate_audio_switch): "1280x548-audio.mp4". Longer clips
//! (an extended video, and what is made from one) carry their length: "1024x576-2s-audio.mp4".
QString clipFileName(QSize size, bool withAudio = false, int seconds = 1);

} // namespace pixverse::sandbox
