#pragma once

#include <QByteArray>
#include <QString>

namespace pixverse {

//! An image file read for upload, done off the GUI thread (QtConcurrent) by both backends.
struct ImageFile {
    QByteArray bytes;
    QString fileName;
    QByteArray mimeType; //!< sniffed from the bytes: image/png, image/jpeg, image/webp...
    QString extension;   //!< "png", "jpg", "webp"; from the MIME type, not the file name
    int width = 0;
    int height = 0;
    QByteArray md5Base64; //!< Content-MD5 of the bytes (the object-store upload sends it)
    QString problem;      //!< non-empty: refused before sending, one sentence naming the file

    //! Reads the whole file; never call it on the GUI thread.
    static ImageFile load(const QString& filePath);
};

} // namespace pixverse
