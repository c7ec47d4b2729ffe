#pragma once

#include <QString>
#include <QtGlobal>

namespace pixverse {

//! The video an extend continues, as the composer's source slot holds it: a take on the service
//! (its PixVerse id) or a local file, with what is known of it for the limits and the price.
struct VideoSource {
    qint64 videoId = 0; //!< a video on the service …
    QString path;       //!< … or a local file (uploaded first)
    double seconds = 0; //!< 0: unknown
    int width = 0;
    int height = 0;
    qint64 parentJobId = 0; //!< the local take it comes from; 0 for a file

    bool isEmpty() const { return videoId == 0 && path.isEmpty(); }
    friend bool operator==(const VideoSource&, const VideoSource&) = default;
};

} // namespace pixverse
