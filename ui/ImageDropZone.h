#pragma once

#include "core/generation/ImageCheck.h"
#include "ui/DropSlot.h"

#include <QFuture>

#include <functional>
#include <optional>

class QLabel;
class QMimeData;
class QProgressBar;

namespace pixverse {

//! Where a creator puts the image to animate: drop a file, paste (image data or a copied file),
//! or Browse…. Every image goes through ImageCheck in the background; the preview, its pixel and
//! file size, what was done to it, or why it was refused are shown inline. Never blocks the UI.
class ImageDropZone : public DropSlot {
    Q_OBJECT
public:
    explicit ImageDropZone(QWidget* parent = nullptr);
    ~ImageDropZone() override;

    //! The image that passed the check; empty when there is none (or it was removed).
    std::optional<PreparedImage> image() const { return m_image; }

    //! Where converted and pasted images are written (ImageCheck::defaultOutputDir() by default).
    void setOutputDir(const QString& dir);
    QString outputDir() const;

public Q_SLOTS:
    //! Checks `path` in the background; on success it becomes the image.
    void openFile(const QString& path);
    //! Saves pixels (pasted or dropped) as a PNG in the background, then checks that file.
    void openImageData(const QImage& image);
    //! Takes what a clipboard or a drop holds: the first local file, else image data.
    void openMimeData(const QMimeData* mime);
    void browse() override;
    void paste();
    //! Remove: no image, no message.
    void clear() override;
    //! Shows the upload of the current image; `total` <= 0: size unknown (busy bar); all of it
    //! sent: the bar goes.
    void setUploadProgress(qint64 sent, qint64 total);
    void clearUploadProgress();

Q_SIGNALS:
    void imageChanged();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void start(QFuture<ImageCheckResult> future, const QString& what);
    void finish(const ImageCheckResult& result);
    void showImage();
    static bool acceptable(const QMimeData* mime);

    std::optional<PreparedImage> m_image;
    QFuture<ImageCheckResult> m_future;
    quint64 m_ticket = 0;
    QString m_notice; //!< said after the next check ("3 files were dropped…")
    QString m_outputDir;

    QLabel* m_info = nullptr;
    QLabel* m_note = nullptr;
    QProgressBar* m_upload = nullptr;
};

} // namespace pixverse
