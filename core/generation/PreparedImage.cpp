#include "core/generation/PreparedImage.h"

#include "core/generation/ImageCheck.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QSaveFile>

namespace pixverse {

namespace {

QString quoted(const QString& name) {
    return QStringLiteral("“%1”").arg(name);
}

Result<PreparedImage> refused(const QString& sentence) {
    return Result<PreparedImage>::failure(ApiError::input(sentence));
}

} // namespace

QString PreparedImage::mimeType() const {
    return QStringLiteral("image/") +
           QString::fromLatin1(format.isEmpty() ? QByteArray("png") : format);
}

QString PreparedImage::extension() const {
    return format == "jpeg" ? QStringLiteral("jpg")
                            : QString::fromLatin1(format.isEmpty() ? QByteArray("png") : format);
}

QString PreparedImage::fileName() const {
    return QFileInfo(path).fileName();
}

Result<PreparedImage> PreparedImage::intoStore(const QString& source, const QString& imagesDir) {
    ImageCheckOptions options;
    options.shrink = false; // the creator chose these pixels: refuse rather than change them
    options.preview = false;
    options.writeCopy = false;
    QByteArray content;
    const ImageCheckResult checked = ImageCheck::check(source, options, &content);
    if (!checked.ok())
        return refused(checked.message);
    PreparedImage image = *checked.image;
    image.sha256 = QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
    const QString target =
        QDir(imagesDir).filePath(QString::fromLatin1(image.sha256) + u'.' + image.extension());
    // The same content is kept once, whatever it was called.
    if (QFileInfo(target).size() != content.size()) {
        QSaveFile copy(target);
        if (!QDir().mkpath(imagesDir) || !copy.open(QIODevice::WriteOnly) ||
            copy.write(content) != content.size() || !copy.commit())
            return refused(tr("Cannot keep a copy of the image in “%1”: %2.")
                               .arg(imagesDir, copy.errorString()));
    }
    image.path = target;
    image.bytes = content.size();
    return Result<PreparedImage>::success(image);
}

Result<PreparedImage> PreparedImage::forUpload(const QString& path, bool withMd5) {
    if (const QString problem = ImageCheck::fileProblem(path); !problem.isEmpty())
        return refused(problem);
    const QFileInfo info(path);
    const QString name = quoted(info.fileName());
    if (info.size() >= ImageLimits::maxBytes)
        return refused(tr("%1 is %2; PixVerse accepts images under %3.")
                           .arg(name, ImageCheck::formatBytes(info.size()),
                                ImageCheck::formatBytes(ImageLimits::maxBytes)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refused(tr("%1 cannot be opened: %2.").arg(name, file.errorString()));
    PreparedImage image;
    {
        // The header only: the image was decoded when it was prepared.
        QImageReader reader(&file);
        reader.setDecideFormatFromContent(true);
        image.format = reader.format().toLower();
        if (image.format == "jpg")
            image.format = "jpeg";
        if (!ImageLimits::acceptedFormats().contains(image.format))
            return refused(
                tr("%1 is not a %2 image.").arg(name, ImageLimits::acceptedFormatsText()));
        QSize size = reader.size();
        if (!size.isValid())
            return refused(tr("%1 cannot be read as an image.").arg(name));
        if (size.width() > ImageLimits::maxSide || size.height() > ImageLimits::maxSide)
            return refused(ImageCheck::tooManyPixels(info.fileName(), size));
        if (reader.transformation() & QImageIOHandler::TransformationRotate90)
            size.transpose();
        image.width = size.width();
        image.height = size.height();
    }
    image.sourcePath = image.path = info.absoluteFilePath();
    image.bytes = image.sourceBytes = info.size();
    image.sourceFormat = image.format;
    if (withMd5) {
        QCryptographicHash md5(QCryptographicHash::Md5);
        if (!file.seek(0) || !md5.addData(&file))
            return refused(tr("%1 cannot be read: %2.").arg(name, file.errorString()));
        image.md5Base64 = md5.result().toBase64();
    }
    return Result<PreparedImage>::success(image);
}

} // namespace pixverse
