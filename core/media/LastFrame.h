#pragma once

#include <QFuture>
#include <QSize>
#include <QString>

namespace pixverse {

struct LastFrameResult {
    QString pngPath; //!< the written PNG; empty on failure
    QSize size;      //!< the frame's size in pixels, as shown (display rotation applied)
    QString error;   //!< translated sentence naming the video; empty on success
};

//! Decodes the last frame of `videoPath` and writes it to `pngPath` as a PNG, atomically (an
//! existing file is replaced only by a complete one). Decodes the last seconds only; safe on
//! any thread, but never call it on the GUI thread.
LastFrameResult extractLastFrame(const QString& videoPath, const QString& pngPath);
//! extractLastFrame() on the global thread pool.
QFuture<LastFrameResult> extractLastFrameAsync(const QString& videoPath, const QString& pngPath);

} // namespace pixverse
