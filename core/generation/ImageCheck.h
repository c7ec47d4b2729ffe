#pragma once

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

//! An image that passed the check, ready to upload.
struct PreparedImage {
    QString sourcePath; //!< what the creator chose
    QString path;       //!< what to send: `sourcePath`, or a converted copy in the cache
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

    QString mimeType() const; //!< "image/png", "image/jpeg", "image/webp"
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

//! Checks an image against ImageLimits and prepares it for upload: PNG, JPEG and WebP within the
//! limits pass unchanged; other readable formats are converted (PNG, or JPEG when the PNG would be
//! too big, or when the source is a JPEG) and over-size images scaled down. No QtWidgets.
class ImageCheck {
    Q_DECLARE_TR_FUNCTIONS(pixverse::ImageCheck)

public:
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
