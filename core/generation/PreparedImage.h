#pragma once

#include "core/api/ApiTypes.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QString>

namespace pixverse {

//! An image checked against ImageLimits (ImageCheck's rules), ready to upload: what the drop zone
//! shows, what the job store keeps and what the backends send. The image is read once, when it
//! is prepared; uploads stream from `path`.
struct PreparedImage {
    Q_DECLARE_TR_FUNCTIONS(pixverse::PreparedImage)

public:
    QString sourcePath; //!< what the creator chose
    QString path;       //!< what to send: `sourcePath`, or a converted or kept copy
    int width = 0;      //!< of `path`, as displayed (EXIF orientation applied)
    int height = 0;
    qint64 bytes = 0;        //!< of `path`
    QByteArray format;       //!< of `path`: "png", "jpeg" or "webp"
    QByteArray sourceFormat; //!< "tiff", "bmp", "gif", ...
    QSize sourceSize;
    qint64 sourceBytes = 0;
    bool converted = false; //!< true when `path` is a new file
    QString note;           //!< what was done, in a sentence or two for the creator
    QImage preview;         //!< at most ImageLimits::previewSide pixels per side
    QByteArray sha256;      //!< hex, of `path` (its name in the store); intoStore() only
    QByteArray md5Base64;   //!< Content-MD5 of `path`, for the web object store; forUpload() only

    QString mimeType() const;  //!< "image/png", "image/jpeg", "image/webp"
    QString extension() const; //!< "png", "jpg", "webp"
    QString fileName() const;  //!< of `path`

    //! Reads `source` once and checks it with ImageCheck's rules, refusing (not scaling) an image
    //! over ImageLimits::maxSide; converts other formats; hashes it (SHA-256) and writes it
    //! atomically to `<imagesDir>/<sha256>.<ext>`, kept as it is when already there. Blocking and
    //! thread-safe (run it in QtConcurrent). Refusals are ApiError::input, one sentence naming the
    //! file.
    static Result<PreparedImage> intoStore(const QString& source, const QString& imagesDir);
    //! What an upload needs of an image prepared before (the store's copy): format, size and
    //! bytes from its header, nothing decoded, and with `withMd5` its MD5, read streaming. Refuses
    //! what breaks ImageLimits, so that nothing is sent for it. Blocking and thread-safe.
    static Result<PreparedImage> forUpload(const QString& path, bool withMd5);
};

} // namespace pixverse
