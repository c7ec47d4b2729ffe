#pragma once

#include <QFuture>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace pixverse {

//! What a video or audio file holds, as ffmpeg's libraries read it (issue 16: the limits of
//! uploads, extend and lip sync, and the facts prices are counted from).
struct MediaFacts {
    QString path;
    qint64 bytes = 0;
    //! Short container name: "mp4", "mov", "m4a", "webm", "matroska", "mp3", "wav", "aac".
    QString container;
    //! As `/media/upload` names it (§2.12): "video/mp4", "video/quicktime", "video/webm",
    //! "audio/mpeg", "audio/wav", "audio/x-m4a", "audio/aac"; "video/x-matroska" otherwise.
    QString mimeType;
    bool hasVideo = false; //!< a real video stream (cover art in an MP3 does not count)
    bool hasAudio = false;
    QString videoCodec; //!< libav's codec name of the first video stream ("h264"), or empty
    QString audioCodec; //!< of the first audio stream ("aac", "mp3", "pcm_s16le"), or empty
    int width = 0;      //!< as shown: a clip rotated by 90° has width and height swapped
    int height = 0;
    double seconds = 0; //!< the container's duration, else the longest stream's; 0 = unknown
};

struct MediaProbeResult {
    std::optional<MediaFacts> facts;
    QString error; //!< translated sentence naming the file; empty when `facts` is set
};

//! Reads the headers of `path` (a few KB; no decoding). Missing, empty, truncated, damaged and
//! non-media files give `error`. Safe on any thread, but never call it on the GUI thread.
MediaProbeResult probeMedia(const QString& path);
//! probeMedia() on the global thread pool.
QFuture<MediaProbeResult> probeMediaAsync(const QString& path);

} // namespace pixverse
