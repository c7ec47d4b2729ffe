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
#include <QHBoxLayout>
#include <QImageReader>
#include <QImageWriter>
#include <QKeyEvent>
#include <QLabel>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

namespace pixverse {

namespace {

constexpr int kPreviewBox = 96; //!< the preview's longer side, in device-independent pixels

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
    : QFrame(parent) {
    setObjectName(QStringLiteral("imageDropZone"));
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Image to animate"));
    setFrameShape(QFrame::StyledPanel);
    // By class, not object name: the transition's two frame slots are drop zones too.
    setStyleSheet(QStringLiteral(
        "pixverse--ImageDropZone { border: 2px dashed palette(mid); border-radius: 8px; }"
        "pixverse--ImageDropZone[dragActive=\"true\"] { border-color: palette(highlight); }"
        "pixverse--ImageDropZone:focus { border-style: solid; }"));
    setProperty("dragActive", false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(6);
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("imagePages"));
    layout->addWidget(m_pages);

    // Page 0: no image yet.
    auto* empty = new QWidget(m_pages);
    auto* emptyLayout = new QVBoxLayout(empty);
    emptyLayout->setContentsMargins(0, 0, 0, 0);
    emptyLayout->setSpacing(4);
    auto* hintRow = new QHBoxLayout;
    m_hint = new QLabel(
        tr("<b>Start from an image</b> (optional): drop it here, paste it with Ctrl+V, or"), empty);
    m_hint->setObjectName(QStringLiteral("dropHint"));
    m_hint->setWordWrap(true);
    m_browse = new QPushButton(tr("&Browse…"), empty);
    m_browse->setObjectName(QStringLiteral("browseButton"));
    m_browse->setFocusPolicy(Qt::TabFocus);
    connect(m_browse, &QPushButton::clicked, this, &ImageDropZone::browse);
    hintRow->addWidget(m_hint, 1);
    hintRow->addWidget(m_browse, 0, Qt::AlignVCenter);
    emptyLayout->addLayout(hintRow);
    m_limits = new QLabel(
        tr("%1 under %2, at most %3 px per side. Other images are converted for you.")
            .arg(ImageLimits::acceptedFormatsText(), ImageCheck::formatBytes(ImageLimits::maxBytes))
            .arg(ImageLimits::maxSide),
        empty);
    m_limits->setObjectName(QStringLiteral("dropLimits"));
    m_limits->setWordWrap(true);
    emptyLayout->addWidget(m_limits);
    m_pages->addWidget(empty);

    // Page 1: the image.
    auto* loaded = new QWidget(m_pages);
    auto* loadedLayout = new QHBoxLayout(loaded);
    loadedLayout->setContentsMargins(0, 0, 0, 0);
    loadedLayout->setSpacing(10);
    m_preview = new QLabel(loaded);
    m_preview->setObjectName(QStringLiteral("imagePreview"));
    m_preview->setFixedSize(kPreviewBox, kPreviewBox);
    m_preview->setAlignment(Qt::AlignCenter);
    loadedLayout->addWidget(m_preview, 0, Qt::AlignTop);
    auto* details = new QVBoxLayout;
    details->setSpacing(2);
    m_name = new QLabel(loaded);
    m_name->setObjectName(QStringLiteral("imageName"));
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_info = new QLabel(loaded);
    m_info->setObjectName(QStringLiteral("imageInfo"));
    m_note = new QLabel(loaded);
    m_note->setObjectName(QStringLiteral("imageNote"));
    m_note->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    m_replace = new QPushButton(tr("&Replace…"), loaded);
    m_replace->setObjectName(QStringLiteral("replaceButton"));
    m_replace->setFocusPolicy(Qt::TabFocus);
    connect(m_replace, &QPushButton::clicked, this, &ImageDropZone::browse);
    m_remove = new QPushButton(tr("Re&move"), loaded);
    m_remove->setObjectName(QStringLiteral("removeButton"));
    m_remove->setFocusPolicy(Qt::TabFocus);
    connect(m_remove, &QPushButton::clicked, this, &ImageDropZone::clear);
    buttons->addWidget(m_replace);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    details->addWidget(m_name);
    details->addWidget(m_info);
    details->addWidget(m_note);
    details->addStretch(1);
    details->addLayout(buttons);
    loadedLayout->addLayout(details, 1);
    m_pages->addWidget(loaded);

    // Under either page: the check in progress, a refusal or notice, the upload.
    auto* busyRow = new QHBoxLayout;
    m_busyLabel = new QLabel(this);
    m_busyLabel->setObjectName(QStringLiteral("imageBusyLabel"));
    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("imageBusy"));
    m_busyBar->setRange(0, 0); // indeterminate: a check has no meaningful percentage
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumWidth(120);
    busyRow->addWidget(m_busyLabel, 1);
    busyRow->addWidget(m_busyBar);
    layout->addLayout(busyRow);
    m_busyLabel->hide();
    m_busyBar->hide();

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("imageMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    m_upload = new QProgressBar(this);
    m_upload->setObjectName(QStringLiteral("uploadProgress"));
    m_upload->hide();
    layout->addWidget(m_upload);

    // The stack is as tall as the page shown, not as the tallest page.
    connect(m_pages, &QStackedWidget::currentChanged, this, [this](int current) {
        for (int i = 0; i < m_pages->count(); ++i)
            m_pages->widget(i)->setSizePolicy(
                i == current ? QSizePolicy::Preferred : QSizePolicy::Ignored,
                i == current ? QSizePolicy::Preferred : QSizePolicy::Ignored);
        m_pages->adjustSize();
    });
    m_pages->setCurrentIndex(1);
    m_pages->setCurrentIndex(0);
    showMessage({}, false);
}

ImageDropZone::~ImageDropZone() {
    if (m_future.isRunning())
        m_future.cancel();
}

void ImageDropZone::setHintText(const QString& text) {
    m_hint->setText(text);
}

QString ImageDropZone::hintText() const {
    return m_hint->text();
}

QString ImageDropZone::message() const {
    return m_message->isHidden() ? QString() : m_message->text();
}

void ImageDropZone::setFileProvider(FileProvider provider) {
    m_fileProvider = std::move(provider);
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
    QString path;
    if (m_fileProvider) {
        path = m_fileProvider(this);
    } else {
        const QString dir = m_lastDir.isEmpty()
                                ? QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)
                                : m_lastDir;
        path = QFileDialog::getOpenFileName(this, tr("Choose an image to animate"), dir,
                                            fileDialogFilter());
    }
    if (path.isEmpty())
        return;
    m_lastDir = QFileInfo(path).absolutePath();
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

void ImageDropZone::setBusy(bool busy, const QString& text) {
    m_busyLabel->setText(text);
    m_busyLabel->setVisible(busy);
    m_busyBar->setVisible(busy);
    if (busy != m_busy) {
        m_busy = busy;
        Q_EMIT busyChanged(busy);
    }
}

void ImageDropZone::showMessage(const QString& text, bool error) {
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    m_message->setProperty("error", error);
    QPalette p = palette();
    p.setColor(QPalette::WindowText, error ? ui::errorColor(p) : ui::hintColor(p));
    m_message->setPalette(p);
}

void ImageDropZone::showImage() {
    if (!m_image) {
        m_pages->setCurrentIndex(0);
        m_preview->clear();
        return;
    }
    const PreparedImage& img = *m_image;
    const qreal ratio = devicePixelRatioF();
    QPixmap pixmap = QPixmap::fromImage(img.preview.scaled(
        QSize(kPreviewBox, kPreviewBox) * ratio, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    pixmap.setDevicePixelRatio(ratio);
    m_preview->setPixmap(pixmap);
    const QString name = QFileInfo(img.sourcePath).fileName();
    m_name->setText(m_name->fontMetrics().elidedText(name, Qt::ElideMiddle, 360));
    m_name->setToolTip(img.sourcePath);
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
    m_pages->setCurrentIndex(1);
}

void ImageDropZone::setDragActive(bool active) {
    if (property("dragActive").toBool() == active)
        return;
    setProperty("dragActive", active);
    style()->unpolish(this);
    style()->polish(this);
    update();
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

void ImageDropZone::dragLeaveEvent(QDragLeaveEvent* event) {
    setDragActive(false);
    QFrame::dragLeaveEvent(event);
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
    QFrame::keyPressEvent(event);
}

void ImageDropZone::mousePressEvent(QMouseEvent* event) {
    setFocus(Qt::MouseFocusReason); // so that Ctrl+V pastes here
    QFrame::mousePressEvent(event);
}

void ImageDropZone::changeEvent(QEvent* event) {
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        // Colours derived from the palette follow a theme change.
        if (m_message && !m_message->text().isEmpty())
            showMessage(m_message->text(), m_message->property("error").toBool());
    }
}

} // namespace pixverse
