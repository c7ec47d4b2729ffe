#include "core/backend/ImageFile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QMimeDatabase>

namespace pixverse {

ImageFile ImageFile::load(const QString& filePath) {
    auto tr = [](const char* text) {
        return QCoreApplication::translate("pixverse::ImageFile", text);
    };
    ImageFile image;
    const QFileInfo info(filePath);
    image.fileName = info.fileName();
    if (!info.exists() || !info.isFile()) {
        image.problem = tr("“%1” does not exist or is not a file.").arg(filePath);
        return image;
    }
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        image.problem = tr("“%1” cannot be read: %2.").arg(filePath, file.errorString());
        return image;
    }
    image.bytes = file.readAll();
    if (image.bytes.isEmpty()) {
        image.problem = tr("“%1” is empty.").arg(filePath);
        return image;
    }
    image.md5Base64 = QCryptographicHash::hash(image.bytes, QCryptographicHash::Md5).toBase64();
    const QMimeType mime = QMimeDatabase().mimeTypeForData(image.bytes);
    image.mimeType = mime.name().toLatin1();
    if (image.mimeType == "image/jpeg")
        image.extension = QStringLiteral("jpg");
    else if (image.mimeType == "image/png")
        image.extension = QStringLiteral("png");
    else if (image.mimeType == "image/webp")
        image.extension = QStringLiteral("webp");
    else
        image.extension = info.suffix().toLower();
    QBuffer buffer(&image.bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QSize size = reader.size();
    image.width = size.width();
    image.height = size.height();
    return image;
}

} // namespace pixverse
