#pragma once

#include "core/api/ApiTypes.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace pixverse {

//! A video or audio file checked for `/media/upload` (§2.12) before anything is sent: named as a
//! type the service takes, readable, not empty, within media_limits::kMaxUploadBytes, and (read
//! with probeMedia) of that kind, length and picture size (MediaCheck's sentences).
struct PreparedMedia {
    Q_DECLARE_TR_FUNCTIONS(pixverse::PreparedMedia)

public:
    QString path;
    QString fileName;
    QByteArray mimeType; //!< what the probe found (else what the extension says): §2.12's list
    qint64 bytes = 0;
    UploadedMedia::Kind kind = UploadedMedia::Kind::Video;

    //! The MIME type §2.12 lists for the file's extension and kind (mp4, mov, webm; mp3, wav,
    //! m4a, aac); empty when the service takes no such file.
    static QByteArray mimeTypeFor(const QString& path, UploadedMedia::Kind kind);
    //! Checks `path` (disk work and decoding headers: call it off the GUI thread). Refusals are
    //! ApiError::input, one sentence naming the file.
    static Result<PreparedMedia> forUpload(const QString& path, UploadedMedia::Kind kind);
};

} // namespace pixverse
