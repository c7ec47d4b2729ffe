#pragma once

#include <QFuture>
#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

namespace pixverse {

//! A short clip decoded whole into pictures, for a muted looping preview.
struct DecodedClip {
    QList<QImage> frames;   //!< in display order, each fitting the requested size
    QList<int> durationsMs; //!< how long each frame shows; as many as `frames`
    QString error;          //!< translated sentence naming the file; empty on success
};

//! At most this many frames are kept (6 s at 25 fps): a preview's memory stays bounded.
constexpr int kMaxClipFrames = 150;

//! Decodes the video of `path` from its start, scaling each frame to fit `maxSize` (never
//! enlarged, aspect kept), stopping after `maxFrames` (at most kMaxClipFrames). Any thread, but
//! never the GUI thread: it reads the file.
DecodedClip decodeClip(const QString& path, QSize maxSize, int maxFrames = kMaxClipFrames);
//! decodeClip() on the global thread pool.
QFuture<DecodedClip> decodeClipAsync(const QString& path, QSize maxSize,
                                     int maxFrames = kMaxClipFrames);

} // namespace pixverse
