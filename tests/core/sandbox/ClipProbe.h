#pragma once

#include <QByteArray>
#include <QSize>

namespace pixverse::test {

//! What Qt Multimedia (the ffmpeg backend, as the app plays videos) finds in an MP4.
struct ClipStreams {
    bool loaded = false; //!< LoadedMedia reached (not InvalidMedia, not a time-out)
    bool hasVideo = false;
    bool hasAudio = false;
    int audioTracks = 0;
    QSize resolution;
    qint64 durationMs = 0;
};

//! Opens the bytes (written to a temporary file) with a QMediaPlayer and waits for it to load.
ClipStreams probeClip(const QByteArray& mp4, int timeoutMs = 10000);

} // namespace pixverse::test
