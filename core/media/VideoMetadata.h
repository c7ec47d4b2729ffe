#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace pixverse {

//! What a saved video says about itself in its own container (issue 18): a file dragged out of
//! the library still tells how it was made.
struct VideoMetadata {
    QString title;   //!< MP4 `©nam`: the job's title (its prompt's first words, or the effect)
    QString comment; //!< MP4 `©cmt`: the whole prompt and the settings ("V5.6 · 540p · 5 s")
    friend bool operator==(const VideoMetadata&, const VideoMetadata&) = default;
};

//! Writes `metadata` into the MP4/MOV at `path` without re-encoding (libavformat copies the
//! streams into a temporary file in the same folder, which then replaces the original). Empty on
//! success, a translated sentence naming the file otherwise; the original is untouched on any
//! failure. Blocking: never on the GUI thread.
QString writeVideoMetadata(const QString& path, const VideoMetadata& metadata);
//! The title and comment the file carries; nullopt when it cannot be read as a video.
std::optional<VideoMetadata> readVideoMetadata(const QString& path);

//! A digest (SHA-256) of every coded packet of `path`, in file order: what writing the
//! metadata keeps. Two files with the same digest hold the same pictures and sound, whatever
//! their tags. Empty when the file cannot be read to its end as media.
QByteArray codedStreamDigest(const QString& path);

} // namespace pixverse
