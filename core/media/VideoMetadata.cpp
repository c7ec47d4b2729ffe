#include "core/media/VideoMetadata.h"

#include <QCoreApplication>

namespace pixverse {

// CONTRACT STUB: the "files" helper writes and reads the tags with libavformat.
QString writeVideoMetadata(const QString& path, const VideoMetadata& metadata) {
    Q_UNUSED(metadata)
    return QCoreApplication::translate("pixverse::VideoMetadata",
                                       "Cannot write the prompt into “%1”.")
        .arg(path);
}

std::optional<VideoMetadata> readVideoMetadata(const QString& path) {
    Q_UNUSED(path)
    return std::nullopt;
}

} // namespace pixverse
