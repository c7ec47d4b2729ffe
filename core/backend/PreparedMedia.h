#pragma once

#include "core/api/ApiTypes.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace pixverse {

//! A video or audio file checked for `/media/upload` (§2.12) before anything is sent: readable,
//! of a type the service takes, not empty, within media_limits::kMaxUploadBytes. The length and
//! picture size are the media checks' business (MediaCheck, ModelCatalog::validate).
struct PreparedMedia {
    Q_DECLARE_TR_FUNCTIONS(pixverse::PreparedMedia)

public:
    QString path;
    QString fileName;
    QByteArray mimeType; //!< from the extension, one of §2.12's list
    qint64 bytes = 0;
    UploadedMedia::Kind kind = UploadedMedia::Kind::Video;

    //! The MIME type §2.12 lists for the file's extension and kind (mp4, mov, webm; mp3, wav,
    //! m4a, aac); empty when the service takes no such file.
    static QByteArray mimeTypeFor(const QString& path, UploadedMedia::Kind kind);
    //! Checks `path` (disk work: call it off the GUI thread). Refusals are ApiError::input, one
    //! sentence naming the file.
    static Result<PreparedMedia> forUpload(const QString& path, UploadedMedia::Kind kind);
};

} // namespace pixverse
