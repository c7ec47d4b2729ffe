#include "core/generation/ImageCheck.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QLocale>
#include <QLoggingCategory>
#include <QPainter>
#include <QPromise>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtConcurrent>

#include <cmath>
#include <functional>
#include <mutex>

Q_LOGGING_CATEGORY(lcImageCheck, "pixverse.image")

namespace pixverse {

namespace {

using Cancelled = std::function<bool()>;

QByteArray normalFormat(QByteArray format) {
    format = format.toLower();
    if (format == "jpg")
        return "jpeg";
    if (format == "tif")
        return "tiff";
    return format;
}

//! QImageReader's allocation limit is process-wide; raise it once so that a 6000 × 6000 px image
//! (144 MB decoded, over Qt's default) opens, while a pathological one is still refused.
void ensureDecodeLimit() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (QImageReader::allocationLimit() != 0 &&
            QImageReader::allocationLimit() < ImageLimits::decodeLimitMB)
            QImageReader::setAllocationLimit(ImageLimits::decodeLimitMB);
    });
}

QString quoted(const QString& name) {
    return QStringLiteral("“%1”").arg(name);
}

ImageCheckResult refuse(ImageProblem problem, const QString& message) {
    ImageCheckResult r;
    r.problem = problem;
    r.message = message;
    return r;
}

//! The copy's file name: stable for the same source file so that re-checking it overwrites the
//! old copy instead of piling up new ones.
QString copyFileName(const QFileInfo& source, const QByteArray& format) {
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(source.absoluteFilePath().toUtf8());
    hash.addData(QByteArray::number(source.lastModified().toMSecsSinceEpoch()));
    hash.addData(QByteArray::number(source.size()));
    const QString base =
        source.completeBaseName().isEmpty() ? QStringLiteral("image") : source.completeBaseName();
    return base + QLatin1Char('-') + QString::fromLatin1(hash.result().toHex().left(10)) +
           QLatin1Char('.') +
           (format == "jpeg" ? QStringLiteral("jpg") : QString::fromLatin1(format));
}

QByteArray encode(const QImage& image, const QByteArray& format, int quality) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (quality >= 0)
        writer.setQuality(quality);
    if (!writer.write(image)) {
        qCWarning(lcImageCheck) << "encoding as" << format << "failed:" << writer.errorString();
        return {};
    }
    return bytes;
}

//! JPEG has no alpha: lay a transparent image on white rather than on black.
QImage flattened(const QImage& image) {
    if (!image.hasAlphaChannel())
        return image;
    QImage out(image.size(), QImage::Format_RGB32);
    out.setDevicePixelRatio(image.devicePixelRatio());
    out.fill(Qt::white);
    QPainter painter(&out);
    painter.drawImage(0, 0, image);
    painter.end();
    return out;
}

//! A path that is not a non-empty regular file.
std::optional<ImageCheckResult> refuseFile(const QString& path) {
    if (path.isEmpty())
        return refuse(ImageProblem::Missing, ImageCheck::tr("No file was given."));
    const QFileInfo info(path);
    const QString name = quoted(info.fileName().isEmpty() ? path : info.fileName());
    if (!info.exists())
        return refuse(
            ImageProblem::Missing,
            ImageCheck::tr("%1 cannot be found: it may have been moved or deleted.").arg(name));
    if (info.isDir())
        return refuse(ImageProblem::Folder,
                      ImageCheck::tr("%1 is a folder, not an image.").arg(name));
    if (!info.isFile())
        return refuse(ImageProblem::NotAnImage,
                      ImageCheck::tr("%1 is not a regular file.").arg(name));
    if (info.size() == 0)
        return refuse(ImageProblem::Empty, ImageCheck::tr("%1 is empty (0 bytes).").arg(name));
    return std::nullopt;
}

ImageCheckResult prepareImpl(const QString& path, const ImageCheckOptions& options,
                             const Cancelled& cancelled, QByteArray* content) {
    ensureDecodeLimit();
    if (std::optional<ImageCheckResult> refused = refuseFile(path))
        return *refused;
    const QFileInfo info(path);
    const QString name = quoted(info.fileName());

    QFile file(info.absoluteFilePath());
    if (!file.open(QIODevice::ReadOnly))
        return refuse(ImageProblem::Unreadable,
                      ImageCheck::tr("%1 cannot be opened: %2.").arg(name, file.errorString()));
    // The header first, so that a file that is no image (a film dropped by mistake) is never
    // read whole; a PNG named .jpg is still a PNG.
    QImageReader sniffer(&file);
    sniffer.setDecideFormatFromContent(true);
    const QByteArray format = normalFormat(sniffer.format());
    if (format.isEmpty())
        return refuse(
            ImageProblem::NotAnImage,
            ImageCheck::tr("%1 is not an image, or not in a format PixVerse Studio can read.")
                .arg(name));
    // Read once: the same bytes are decoded here and, unchanged, hashed and kept by the caller.
    QByteArray data;
    if (file.seek(0))
        data = file.readAll();
    if (data.size() != file.size())
        return refuse(ImageProblem::Unreadable,
                      ImageCheck::tr("%1 cannot be read: %2.").arg(name, file.errorString()));
    file.close();
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, format);
    reader.setAutoTransform(true);
    const QString formatName = ImageCheck::formatName(format);

    const QSize size = reader.size(); // from the header; invalid for a few formats
    if (size.isValid()) {
        const qint64 decodedMB = qint64(size.width()) * size.height() * 4 / (1024 * 1024);
        if (decodedMB > ImageLimits::decodeLimitMB)
            return refuse(ImageProblem::TooLarge,
                          ImageCheck::tr("%1 is too large to open: %2 × %3 px.")
                              .arg(name)
                              .arg(size.width())
                              .arg(size.height()));
    }
    const int frames = reader.imageCount();
    QSize scaledTo;
    const auto tooWide = [](QSize s) {
        return s.width() > ImageLimits::maxSide || s.height() > ImageLimits::maxSide;
    };
    if (size.isValid() && tooWide(size) && !options.shrink)
        return refuse(ImageProblem::TooLarge, ImageCheck::tooManyPixels(info.fileName(), size));
    if (size.isValid() && tooWide(size)) {
        scaledTo = size.scaled(ImageLimits::maxSide, ImageLimits::maxSide, Qt::KeepAspectRatio);
        // Formats that can decode at a smaller size (JPEG) never hold the full image in memory;
        // for the others QImageReader scales after decoding.
        reader.setScaledSize(scaledTo);
    }
    if (cancelled())
        return refuse(ImageProblem::Cancelled,
                      ImageCheck::tr("The check of %1 was cancelled.").arg(name));

    QImage image = reader.read();
    if (image.isNull())
        return refuse(ImageProblem::Corrupt,
                      ImageCheck::tr("%1 looks like a %2 image but cannot be read (%3): it may be "
                                     "damaged or incomplete.")
                          .arg(name, formatName, reader.errorString()));
    if (cancelled())
        return refuse(ImageProblem::Cancelled,
                      ImageCheck::tr("The check of %1 was cancelled.").arg(name));

    // Header-less formats: learn the size from the pixels and scale now.
    if (!scaledTo.isValid() && tooWide(image.size()) && !options.shrink)
        return refuse(ImageProblem::TooLarge,
                      ImageCheck::tooManyPixels(info.fileName(), image.size()));
    if (!scaledTo.isValid() && tooWide(image.size())) {
        scaledTo =
            image.size().scaled(ImageLimits::maxSide, ImageLimits::maxSide, Qt::KeepAspectRatio);
        image = image.scaled(scaledTo, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }

    PreparedImage out;
    out.sourcePath = info.absoluteFilePath();
    out.sourceFormat = format;
    out.sourceSize = size.isValid() ? size : image.size();
    if (reader.transformation() & QImageIOHandler::TransformationRotate90)
        out.sourceSize.transpose();
    out.sourceBytes = info.size();
    if (options.preview)
        out.preview =
            (image.width() > ImageLimits::previewSide || image.height() > ImageLimits::previewSide)
                ? image.scaled(ImageLimits::previewSide, ImageLimits::previewSide,
                               Qt::KeepAspectRatio, Qt::SmoothTransformation)
                : image;

    const bool accepted = ImageLimits::acceptedFormats().contains(format);
    const bool tooManyBytes = info.size() >= ImageLimits::maxBytes;
    if (accepted && !tooManyBytes && !scaledTo.isValid()) {
        out.path = out.sourcePath;
        out.width = image.width();
        out.height = image.height();
        out.bytes = info.size();
        out.format = format;
        out.note = ImageCheck::tr("Ready to upload as it is.");
        if (content)
            *content = std::move(data);
        return ImageCheckResult{out, ImageProblem::None, {}};
    }

    // Convert. A lossy source stays lossy: a photo re-encoded as PNG only gets bigger.
    QStringList notes;
    QByteArray outFormat = format == "jpeg" ? QByteArray("jpeg") : QByteArray("png");
    int quality = outFormat == "jpeg" ? ImageLimits::jpegQuality : -1;
    QByteArray bytes;
    for (int attempt = 0; attempt < 8; ++attempt) {
        if (cancelled())
            return refuse(ImageProblem::Cancelled,
                          ImageCheck::tr("The check of %1 was cancelled.").arg(name));
        bytes = encode(outFormat == "jpeg" ? flattened(image) : image, outFormat, quality);
        if (bytes.isEmpty())
            return refuse(ImageProblem::CannotWrite,
                          ImageCheck::tr("%1 could not be converted to %2.")
                              .arg(name, ImageCheck::formatName(outFormat)));
        if (bytes.size() < ImageLimits::maxBytes)
            break;
        if (outFormat == "png") {
            outFormat = "jpeg";
            quality = ImageLimits::jpegQuality;
        } else if (quality > 70) {
            quality -= 10;
        } else if (!options.shrink) {
            break; // only fewer pixels would help, and this caller wants none taken away
        } else {
            // Still too big as a JPEG: only fewer pixels help.
            const QSize smaller = image.size() * 0.8;
            image = image.scaled(smaller, Qt::KeepAspectRatio, Qt::SmoothTransformation);
            scaledTo = image.size();
        }
    }
    if (bytes.size() >= ImageLimits::maxBytes)
        return refuse(ImageProblem::TooLarge,
                      ImageCheck::tr("%1 cannot be made smaller than %2.")
                          .arg(name, ImageCheck::formatBytes(ImageLimits::maxBytes)));

    if (!accepted) {
        const QString from = formatName;
        if (format == "gif" && frames > 1)
            notes << ImageCheck::tr("Used the first frame of the animated GIF.");
        if (outFormat == "jpeg")
            notes << ImageCheck::tr("Converted from %1 to JPEG, as PixVerse accepts only %2 and a "
                                    "PNG would be %3 or more.")
                         .arg(from, ImageLimits::acceptedFormatsText(),
                              ImageCheck::formatBytes(ImageLimits::maxBytes));
        else
            notes << ImageCheck::tr("Converted from %1 to %2, as PixVerse accepts only %3.")
                         .arg(from, ImageCheck::formatName(outFormat),
                              ImageLimits::acceptedFormatsText());
    } else if (outFormat != format) {
        notes << ImageCheck::tr("Converted from %1 to %2 to keep the file under %3.")
                     .arg(formatName, ImageCheck::formatName(outFormat),
                          ImageCheck::formatBytes(ImageLimits::maxBytes));
    } else if (!scaledTo.isValid()) {
        notes << ImageCheck::tr(
                     "Re-encoded because the file was %1; PixVerse accepts files under %2.")
                     .arg(ImageCheck::formatBytes(info.size()),
                          ImageCheck::formatBytes(ImageLimits::maxBytes));
    }
    if (scaledTo.isValid())
        notes << ImageCheck::tr("Scaled down from %1 × %2 to %3 × %4 px, as PixVerse accepts at "
                                "most %5 px per side.")
                     .arg(out.sourceSize.width())
                     .arg(out.sourceSize.height())
                     .arg(image.width())
                     .arg(image.height())
                     .arg(ImageLimits::maxSide);

    out.width = image.width();
    out.height = image.height();
    out.bytes = bytes.size();
    out.format = outFormat;
    out.converted = true;
    out.note = notes.join(QLatin1Char(' '));
    if (!options.writeCopy) {
        if (content)
            *content = std::move(bytes);
        return ImageCheckResult{out, ImageProblem::None, {}};
    }
    const QString dir =
        options.outputDir.isEmpty() ? ImageCheck::defaultOutputDir() : options.outputDir;
    if (!QDir().mkpath(dir))
        return refuse(ImageProblem::CannotWrite,
                      ImageCheck::tr("%1 could not be converted: the folder %2 cannot be created.")
                          .arg(name, dir));
    QSaveFile copy(QDir(dir).filePath(copyFileName(info, outFormat)));
    if (!copy.open(QIODevice::WriteOnly) || copy.write(bytes) != bytes.size() || !copy.commit())
        return refuse(ImageProblem::CannotWrite,
                      ImageCheck::tr("%1 could not be converted: %2 cannot be written (%3).")
                          .arg(name, copy.fileName(), copy.errorString()));

    out.path = copy.fileName();
    if (content)
        *content = std::move(bytes);
    qCDebug(lcImageCheck) << "prepared" << out.sourcePath << "->" << out.path << out.note;
    return ImageCheckResult{out, ImageProblem::None, {}};
}

} // namespace

QList<QByteArray> ImageLimits::acceptedFormats() {
    return {"png", "jpeg", "webp"};
}

QString ImageLimits::acceptedFormatsText() {
    return tr("PNG, JPEG or WebP");
}

ImageCheckResult ImageCheck::prepare(const QString& path, const QString& outputDir) {
    ImageCheckOptions options;
    options.outputDir = outputDir;
    return check(path, options);
}

ImageCheckResult ImageCheck::check(const QString& path, const ImageCheckOptions& options,
                                   QByteArray* content) {
    return prepareImpl(
        path, options, [] { return false; }, content);
}

QString ImageCheck::fileProblem(const QString& path) {
    const std::optional<ImageCheckResult> refused = refuseFile(path);
    return refused ? refused->message : QString();
}

QString ImageCheck::tooManyPixels(const QString& fileName, QSize size) {
    return tr("The image %1 is %2 × %3 px; PixVerse accepts at most %4 px per side: scale it "
              "down first.")
        .arg(quoted(fileName))
        .arg(size.width())
        .arg(size.height())
        .arg(ImageLimits::maxSide);
}

QFuture<ImageCheckResult> ImageCheck::prepareAsync(const QString& path, const QString& outputDir) {
    ensureDecodeLimit(); // on the caller's thread, before any worker reads images
    return QtConcurrent::run([path, outputDir](QPromise<ImageCheckResult>& promise) {
        ImageCheckOptions options;
        options.outputDir = outputDir;
        promise.addResult(prepareImpl(
            path, options, [&promise] { return promise.isCanceled(); }, nullptr));
    });
}

QString ImageCheck::defaultOutputDir() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
        .filePath(QStringLiteral("prepared-images"));
}

QString ImageCheck::formatBytes(qint64 bytes) {
    // Base 1024 with the traditional unit names, as the service states its limit ("20 MB");
    // one decimal only where it says something ("1.2 MB", but "20 MB" and "340 KB").
    if (bytes < 1024)
        return tr("%1 bytes").arg(bytes);
    static const char* const units[] = {QT_TR_NOOP("%1 KB"), QT_TR_NOOP("%1 MB"),
                                        QT_TR_NOOP("%1 GB")};
    double value = double(bytes) / 1024;
    int unit = 0;
    while (value >= 1024 && unit < 2) {
        value /= 1024;
        ++unit;
    }
    const double rounded = std::round(value * 10) / 10;
    const int decimals = (rounded < 100 && rounded != std::floor(rounded)) ? 1 : 0;
    return tr(units[unit]).arg(QLocale().toString(rounded, 'f', decimals));
}

QString ImageCheck::formatName(const QByteArray& format) {
    const QByteArray f = normalFormat(format);
    if (f == "webp")
        return QStringLiteral("WebP");
    return QString::fromLatin1(f).toUpper();
}

} // namespace pixverse
