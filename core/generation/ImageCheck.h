#pragma once

#include "core/generation/PreparedImage.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFuture>
#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

#include <optional>

namespace pixverse {

//! What PixVerse accepts for an image upload (../shared/pixverse-api.md §2.1). The one place
//! these numbers live on the client side; the sandbox enforces the same (SandboxConfig).
struct ImageLimits {
    Q_DECLARE_TR_FUNCTIONS(pixverse::ImageLimits)

public:
    static constexpr qint64 maxBytes = 20LL * 1024 * 1024; //!< a file must be smaller than this
    static constexpr int maxSide = 4000;                   //!< pixels, per side, inclusive
    static constexpr int jpegQuality = 92;                 //!< when a PNG would be too big
    //! Images whose decoded pixels would need more memory than this are refused, not opened
    //! (a 16000 × 16000 px image). Raised into QImageReader's allocation limit once.
    static constexpr int decodeLimitMB = 1024;
    static constexpr int previewSide = 384; //!< the preview thumbnail's longer side, in pixels

    //! Formats sent as they are: "png", "jpeg", "webp" (QImageReader format names).
    static QList<QByteArray> acceptedFormats();
    //! "PNG, JPEG or WebP", for sentences.
    static QString acceptedFormatsText();
};

//! Why an image was refused.
enum class ImageProblem {
    None,
    Missing,     //!< no such file
    Folder,      //!< a directory
    Empty,       //!< 0 bytes
    Unreadable,  //!< cannot be opened (permissions, I/O error)
    NotAnImage,  //!< not in any format Qt can read
    Corrupt,     //!< looks like an image but does not decode
    TooLarge,    //!< too many pixels to decode safely, or cannot be shrunk under the limits
    CannotWrite, //!< the converted copy cannot be written
    Cancelled
};

struct ImageCheckResult {
    std::optional<PreparedImage> image;
    ImageProblem problem = ImageProblem::None;
    QString message; //!< names the file and the reason; empty on success

    bool ok() const { return image.has_value(); }
};

//! How ImageCheck::check() goes about an image.
struct ImageCheckOptions {
    QString outputDir;     //!< converted copies; empty: ImageCheck::defaultOutputDir()
    bool shrink = true;    //!< scale an image over ImageLimits::maxSide down (false: refuse it)
    bool preview = true;   //!< fill PreparedImage::preview
    bool writeCopy = true; //!< write a converted image to `outputDir` (false: `content` only)
};

//! Checks an image against ImageLimits and prepares it for upload: PNG, JPEG and WebP within the
//! limits pass unchanged; other readable formats are converted (PNG, or JPEG when the PNG would be
//! too big, or when the source is a JPEG) and over-size images scaled down. No QtWidgets.
class ImageCheck {
    Q_DECLARE_TR_FUNCTIONS(pixverse::ImageCheck)

public:
    //! The check itself; reads the file once. `content`, when given, receives the bytes of the
    //! result's `path` (the file as read, or the converted image), so nothing reads it again.
    static ImageCheckResult check(const QString& path, const ImageCheckOptions& options,
                                  QByteArray* content = nullptr);
    //! Why `path` is no image file at all (missing, a folder, empty), or empty when it is a file.
    static QString fileProblem(const QString& path);
    //! The sentence refusing an image larger than ImageLimits::maxSide on a side.
    static QString tooManyPixels(const QString& fileName, QSize size);
    //! Runs on the calling thread and may take seconds for a big image; safe on any thread.
    //! Converted copies go to `outputDir` (defaultOutputDir() when empty).
    static ImageCheckResult prepare(const QString& path, const QString& outputDir = {});
    //! The same on the global thread pool. Cancelling the future stops the work at its next step.
    static QFuture<ImageCheckResult> prepareAsync(const QString& path,
                                                  const QString& outputDir = {});
    //! `<cache>/prepared-images`.
    static QString defaultOutputDir();
    //! "1.2 MB", "340 KB": sizes as the limits are stated.
    static QString formatBytes(qint64 bytes);
    //! "PNG", "JPEG", "WebP", "TIFF"...
    static QString formatName(const QByteArray& format);
};

} // namespace pixverse
