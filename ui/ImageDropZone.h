#pragma once

#include "core/generation/ImageCheck.h"

#include <QFrame>
#include <QFuture>

#include <functional>
#include <optional>

class QLabel;
class QMimeData;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace pixverse {

//! Where a creator puts the image to animate: drop a file, paste (image data or a copied file),
//! or Browse…. Every image goes through ImageCheck in the background; the preview, its pixel and
//! file size, what was done to it, or why it was refused are shown inline. Never blocks the UI.
class ImageDropZone : public QFrame {
    Q_OBJECT
public:
    //! Asks the creator for a file; returns an empty string when they cancel.
    using FileProvider = std::function<QString(QWidget* parent)>;

    explicit ImageDropZone(QWidget* parent = nullptr);
    ~ImageDropZone() override;

    //! The image that passed the check; empty when there is none (or it was removed).
    std::optional<PreparedImage> image() const { return m_image; }
    //! A check is running.
    bool isBusy() const { return m_busy; }
    //! What the empty zone says it is for (rich text; a Browse… button follows it): the
    //! transition's slots name their frame.
    void setHintText(const QString& text);
    QString hintText() const;
    //! The refusal or notice shown under the zone; empty when there is none.
    QString message() const;

    //! Replaces the file dialog (tests; a portal later). The default is QFileDialog.
    void setFileProvider(FileProvider provider);
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
    void browse();
    void paste();
    //! Remove: no image, no message.
    void clear();
    //! Shows the upload of the current image; `total` <= 0: size unknown (busy bar); all of it
    //! sent: the bar goes.
    void setUploadProgress(qint64 sent, qint64 total);
    void clearUploadProgress();

Q_SIGNALS:
    void imageChanged();
    void busyChanged(bool busy);
    //! A file was refused; `message` names it and says why.
    void refused(const QString& message);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void start(QFuture<ImageCheckResult> future, const QString& what);
    void finish(const ImageCheckResult& result);
    void setBusy(bool busy, const QString& text = {});
    void showMessage(const QString& text, bool error);
    void showImage();
    void setDragActive(bool active);
    static bool acceptable(const QMimeData* mime);

    std::optional<PreparedImage> m_image;
    QFuture<ImageCheckResult> m_future;
    quint64 m_ticket = 0;
    bool m_busy = false;
    QString m_notice; //!< said after the next check ("3 files were dropped…")
    QString m_outputDir;
    QString m_lastDir;
    FileProvider m_fileProvider;

    QStackedWidget* m_pages = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_limits = nullptr;
    QPushButton* m_browse = nullptr;
    QLabel* m_preview = nullptr;
    QLabel* m_name = nullptr;
    QLabel* m_info = nullptr;
    QLabel* m_note = nullptr;
    QPushButton* m_replace = nullptr;
    QPushButton* m_remove = nullptr;
    QProgressBar* m_busyBar = nullptr;
    QLabel* m_busyLabel = nullptr;
    QLabel* m_message = nullptr;
    QProgressBar* m_upload = nullptr;
};

} // namespace pixverse
