#include "ui/ImageDropZone.h"

#include "ui/UiHelpers.h"

#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QImageReader>
#include <QImageWriter>
#include <QKeyEvent>
#include <QLabel>
#include <QMimeData>
#include <QProgressBar>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

namespace pixverse {

namespace {

QString quoted(const QString& name) {
    return QStringLiteral("“%1”").arg(name);
}

QList<QUrl> localFiles(const QList<QUrl>& urls) {
    QList<QUrl> out;
    for (const QUrl& url : urls) {
        if (url.isLocalFile())
            out << url;
    }
    return out;
}

//! The file a copied text names: "file:///…" or an absolute path that exists.
QString pathFromText(const QString& text) {
    const QString t = text.trimmed();
    if (t.contains(QLatin1Char('\n')))
        return {};
    if (t.startsWith(QLatin1String("file://"))) {
        const QUrl url(t);
        return url.isLocalFile() ? url.toLocalFile() : QString();
    }
    if (QDir::isAbsolutePath(t) && QFileInfo::exists(t))
        return t;
    return {};
}

QString fileDialogFilter() {
    QStringList patterns;
    const QList<QByteArray> formats = QImageReader::supportedImageFormats();
    for (const QByteArray& f : formats)
        patterns << QStringLiteral("*.") + QString::fromLatin1(f);
    return ImageDropZone::tr("Images (%1)").arg(patterns.join(QLatin1Char(' '))) +
           QStringLiteral(";;") + ImageDropZone::tr("All files (*)");
}

} // namespace

ImageDropZone::ImageDropZone(QWidget* parent)
    : DropSlot(QStringLiteral("image"),
               tr("<b>Start from an image</b> (optional): drop it here, paste it with Ctrl+V, or"),
               tr("%1 under %2, at most %3 px per side. Other images are converted for you.")
                   .arg(ImageLimits::acceptedFormatsText(),
                        ImageCheck::formatBytes(ImageLimits::maxBytes))
                   .arg(ImageLimits::maxSide),
               parent) {
    setObjectName(QStringLiteral("imageDropZone"));
    setAccessibleName(tr("Image to animate"));
    // The filled page: the format, size and bytes, and what was done to the image.
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("imageInfo"));
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("imageNote"));
    m_note->setWordWrap(true);
    details()->addWidget(m_info);
    details()->addWidget(m_note);

    // Under the message: the upload.
    m_upload = new QProgressBar(this);
    m_upload->setObjectName(QStringLiteral("uploadProgress"));
    m_upload->hide();
    frameLayout()->addWidget(m_upload);
}

ImageDropZone::~ImageDropZone() {
    if (m_future.isRunning())
        m_future.cancel();
}

void ImageDropZone::setOutputDir(const QString& dir) {
    m_outputDir = dir;
}

QString ImageDropZone::outputDir() const {
    return m_outputDir.isEmpty() ? ImageCheck::defaultOutputDir() : m_outputDir;
}

void ImageDropZone::openFile(const QString& path) {
    const QString name = QFileInfo(path).fileName().isEmpty() ? path : QFileInfo(path).fileName();
    start(ImageCheck::prepareAsync(path, m_outputDir), tr("Checking %1…").arg(quoted(name)));
}

void ImageDropZone::openImageData(const QImage& image) {
    if (image.isNull()) {
        showMessage(tr("The pasted image is empty."), true);
        return;
    }
    const QString dir = outputDir();
    // Encoding a big screenshot as PNG takes a while: off the GUI thread too.
    start(QtConcurrent::run([image, dir]() -> ImageCheckResult {
              const QString name = QStringLiteral("pasted-%1.png")
                                       .arg(QDateTime::currentDateTime().toString(
                                           QStringLiteral("yyyyMMdd-HHmmss-zzz")));
              const QString path = QDir(dir).filePath(name);
              QImageWriter writer(path, "png");
              if (!QDir().mkpath(dir) || !writer.write(image)) {
                  ImageCheckResult failed;
                  failed.problem = ImageProblem::CannotWrite;
                  failed.message = tr("The pasted image cannot be saved to %1: %2.")
                                       .arg(dir, writer.errorString());
                  return failed;
              }
              return ImageCheck::prepare(path, dir);
          }),
          tr("Reading the pasted image…"));
}

void ImageDropZone::openMimeData(const QMimeData* mime) {
    if (!mime) {
        showMessage(tr("There is nothing to paste."), true);
        return;
    }
    const QList<QUrl> files = localFiles(mime->urls());
    if (!files.isEmpty()) {
        const QString first = files.first().toLocalFile();
        m_notice = files.size() > 1 ? tr("%1 files were given; using the first, %2.")
                                          .arg(files.size())
                                          .arg(quoted(QFileInfo(first).fileName()))
                                    : QString();
        openFile(first);
        return;
    }
    if (mime->hasImage()) {
        openImageData(qvariant_cast<QImage>(mime->imageData()));
        return;
    }
    if (mime->hasUrls()) {
        const QString url = mime->urls().first().toDisplayString();
        const QString message =
            tr("%1 is not a file on this computer: save it first, then add the file.")
                .arg(quoted(url));
        showMessage(message, true);
        Q_EMIT refused(message);
        return;
    }
    if (mime->hasText()) {
        const QString path = pathFromText(mime->text());
        if (!path.isEmpty()) {
            openFile(path);
            return;
        }
    }
    showMessage(tr("There is no image or image file to paste."), true);
}

void ImageDropZone::browse() {
    const QString path = chooseFile(tr("Choose an image to animate"),
                                    QStandardPaths::PicturesLocation, fileDialogFilter());
    if (!path.isEmpty())
        openFile(path);
}

void ImageDropZone::paste() {
    openMimeData(QGuiApplication::clipboard()->mimeData());
}

void ImageDropZone::clear() {
    if (m_future.isRunning())
        m_future.cancel();
    ++m_ticket; // a check still running is forgotten
    setBusy(false);
    m_notice.clear();
    showMessage({}, false);
    clearUploadProgress();
    const bool had = m_image.has_value();
    m_image.reset();
    showImage();
    if (had)
        Q_EMIT imageChanged();
}

void ImageDropZone::setUploadProgress(qint64 sent, qint64 total) {
    if (total > 0 && sent >= total) {
        // The upload is over: nothing is left to wait for, so the bar goes (it used to stay,
        // full, until the next image, even after the job was done).
        m_upload->setRange(0, 1000);
        m_upload->setValue(1000);
        m_upload->hide();
        return;
    }
    m_upload->show();
    if (total <= 0) {
        m_upload->setRange(0, 0);
        return;
    }
    m_upload->setRange(0, 1000);
    m_upload->setValue(static_cast<int>(std::clamp<qint64>(sent * 1000 / total, 0, 1000)));
    m_upload->setFormat(tr("Uploading… %1 of %2")
                            .arg(ImageCheck::formatBytes(sent), ImageCheck::formatBytes(total)));
}

void ImageDropZone::clearUploadProgress() {
    m_upload->hide();
    m_upload->reset();
}

void ImageDropZone::start(QFuture<ImageCheckResult> future, const QString& what) {
    if (m_future.isRunning())
        m_future.cancel(); // the last one dropped wins
    m_future = future;
    const quint64 ticket = ++m_ticket;
    showMessage({}, false);
    setBusy(true, what);
    auto* watcher = new QFutureWatcher<ImageCheckResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, ticket] {
        watcher->deleteLater();
        if (ticket != m_ticket)
            return;
        const QFuture<ImageCheckResult> f = watcher->future();
        if (f.isCanceled() || f.resultCount() == 0) {
            setBusy(false);
            return;
        }
        finish(f.result());
    });
    watcher->setFuture(future);
}

void ImageDropZone::finish(const ImageCheckResult& result) {
    setBusy(false);
    const QString notice = std::exchange(m_notice, QString());
    if (!result.ok()) {
        // A refused replacement leaves the current image in place.
        showMessage(result.message, true);
        Q_EMIT refused(result.message);
        return;
    }
    m_image = result.image;
    showImage();
    showMessage(notice, false);
    Q_EMIT imageChanged();
}

void ImageDropZone::showImage() {
    if (!m_image) {
        showEmpty();
        return;
    }
    const PreparedImage& img = *m_image;
    const qreal ratio = devicePixelRatioF();
    QPixmap pixmap = QPixmap::fromImage(img.preview.scaled(
        QSize(kPreviewBox, kPreviewBox) * ratio, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    pixmap.setDevicePixelRatio(ratio);
    preview()->setPixmap(pixmap);
    m_info->setText(tr("%1 · %2 × %3 px · %4")
                        .arg(ImageCheck::formatName(img.format))
                        .arg(img.width)
                        .arg(img.height)
                        .arg(ImageCheck::formatBytes(img.bytes)));
    m_note->setText(img.note);
    m_note->setToolTip(img.converted ? tr("Will upload %1").arg(img.path) : QString());
    QPalette p = palette();
    p.setColor(QPalette::WindowText, ui::hintColor(p));
    m_note->setPalette(p);
    showFilled(QFileInfo(img.sourcePath).fileName(), img.sourcePath);
}

bool ImageDropZone::acceptable(const QMimeData* mime) {
    return mime && (!localFiles(mime->urls()).isEmpty() || mime->hasImage());
}

void ImageDropZone::dragEnterEvent(QDragEnterEvent* event) {
    if (!acceptable(event->mimeData())) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    setDragActive(true);
}

void ImageDropZone::dragMoveEvent(QDragMoveEvent* event) {
    if (acceptable(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void ImageDropZone::dropEvent(QDropEvent* event) {
    setDragActive(false);
    if (!acceptable(event->mimeData())) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    openMimeData(event->mimeData());
}

void ImageDropZone::keyPressEvent(QKeyEvent* event) {
    if (event->matches(QKeySequence::Paste)) {
        paste();
        return;
    }
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) && m_image) {
        clear();
        return;
    }
    DropSlot::keyPressEvent(event);
}

} // namespace pixverse
