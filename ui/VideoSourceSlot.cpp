#include "ui/VideoSourceSlot.h"

#include "core/generation/ImageCheck.h"
#include "core/jobs/Job.h"
#include "core/media/MediaCheck.h"
#include "core/media/MediaLimits.h"
#include "core/media/MediaProbe.h"
#include "ui/UiHelpers.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QImageReader>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace pixverse {

namespace {

constexpr int kPreviewBox = 96; //!< the thumbnail's longer side, device-independent pixels
constexpr int kTitleWidth = 320;

const QStringList& videoSuffixes() {
    static const QStringList suffixes{QStringLiteral("mp4"), QStringLiteral("mov"),
                                      QStringLiteral("webm")};
    return suffixes;
}

//! "5 s", "12.5 s": a length as a creator reads it.
QString secondsText(double seconds) {
    return VideoSourceSlot::tr("%1 s").arg(QLocale().toString(seconds, 'g', 3));
}

} // namespace

VideoSourceSlot::VideoSourceSlot(QWidget* parent)
    : QFrame(parent) {
    setObjectName(QStringLiteral("videoSourceSlot"));
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Video to extend"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral(
        "pixverse--VideoSourceSlot { border: 2px dashed palette(mid); border-radius: 8px; }"
        "pixverse--VideoSourceSlot[dragActive=\"true\"] { border-color: palette(highlight); }"
        "pixverse--VideoSourceSlot:focus { border-style: solid; }"));
    setProperty("dragActive", false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(6);
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("videoSourcePages"));
    layout->addWidget(m_pages);
    buildEmptyPage();
    buildSourcePage();

    auto* busyRow = new QHBoxLayout;
    m_busyLabel = new QLabel(this);
    m_busyLabel->setObjectName(QStringLiteral("videoSourceBusyLabel"));
    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("videoSourceBusy"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumWidth(120);
    busyRow->addWidget(m_busyLabel, 1);
    busyRow->addWidget(m_busyBar);
    layout->addLayout(busyRow);
    m_busyLabel->hide();
    m_busyBar->hide();

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("videoSourceMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

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
}

VideoSourceSlot::~VideoSourceSlot() = default;

void VideoSourceSlot::buildEmptyPage() {
    auto* empty = new QWidget(m_pages);
    auto* layout = new QVBoxLayout(empty);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto* row = new QHBoxLayout;
    m_hint = new QLabel(tr("<b>Video to extend</b>: choose Extend on a finished take in the "
                           "gallery, drop a video file here, or"),
                        empty);
    m_hint->setObjectName(QStringLiteral("videoSourceHint"));
    m_hint->setWordWrap(true);
    m_browse = new QPushButton(tr("&Browse…"), empty);
    m_browse->setObjectName(QStringLiteral("videoSourceBrowseButton"));
    m_browse->setFocusPolicy(Qt::TabFocus);
    connect(m_browse, &QPushButton::clicked, this, &VideoSourceSlot::browse);
    row->addWidget(m_hint, 1);
    row->addWidget(m_browse, 0, Qt::AlignVCenter);
    layout->addLayout(row);
    auto* limits = ui::hintLabel(QString(), empty);
    limits->setObjectName(QStringLiteral("videoSourceLimits"));
    limits->setWordWrap(true);
    limits->setText(tr("MP4, MOV or WebM, up to %1 and %2 s, at most %3 px per side.")
                        .arg(ImageCheck::formatBytes(media_limits::kMaxUploadBytes))
                        .arg(media_limits::kMaxUploadSeconds)
                        .arg(media_limits::kMaxVideoSide));
    layout->addWidget(limits);
    m_pages->addWidget(empty);
}

void VideoSourceSlot::buildSourcePage() {
    auto* page = new QWidget(m_pages);
    auto* layout = new QHBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    m_preview = new QLabel(page);
    m_preview->setObjectName(QStringLiteral("videoSourcePreview"));
    m_preview->setFixedSize(kPreviewBox, kPreviewBox);
    m_preview->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_preview, 0, Qt::AlignTop);
    auto* details = new QVBoxLayout;
    details->setSpacing(2);
    m_title = new QLabel(page);
    m_title->setObjectName(QStringLiteral("videoSourceTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_info = ui::hintLabel(QString(), page);
    m_info->setObjectName(QStringLiteral("videoSourceInfo"));
    m_info->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    m_replace = new QPushButton(tr("&Replace…"), page);
    m_replace->setObjectName(QStringLiteral("videoSourceReplaceButton"));
    m_replace->setFocusPolicy(Qt::TabFocus);
    connect(m_replace, &QPushButton::clicked, this, &VideoSourceSlot::browse);
    m_remove = new QPushButton(tr("Re&move"), page);
    m_remove->setObjectName(QStringLiteral("videoSourceRemoveButton"));
    m_remove->setFocusPolicy(Qt::TabFocus);
    connect(m_remove, &QPushButton::clicked, this, &VideoSourceSlot::clear);
    buttons->addWidget(m_replace);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    details->addWidget(m_title);
    details->addWidget(m_info);
    details->addStretch(1);
    details->addLayout(buttons);
    layout->addLayout(details, 1);
    m_pages->addWidget(page);
}

QString VideoSourceSlot::message() const {
    return m_message->isHidden() ? QString() : m_message->text();
}

QString VideoSourceSlot::title() const {
    return m_source.isEmpty() ? QString() : m_title->toolTip();
}

void VideoSourceSlot::setFileProvider(FileProvider provider) {
    m_fileProvider = std::move(provider);
}

void VideoSourceSlot::setTake(const Job& take) {
    ++m_ticket; // a file still being read is forgotten
    setBusy(false);
    showMessage({}, false);
    m_source = {};
    m_source.videoId = take.videoId;
    m_source.seconds = take.request.duration; // the take's own length once the jobs know it
    m_source.width = take.videoWidth;
    m_source.height = take.videoHeight;
    m_source.parentJobId = take.id;
    const QString prompt = take.request.prompt.simplified();
    QStringList info;
    info << tr("PixVerse video %1").arg(take.videoId);
    if (m_source.seconds > 0)
        info << secondsText(m_source.seconds);
    if (m_source.width > 0 && m_source.height > 0)
        info << tr("%1 × %2 px").arg(m_source.width).arg(m_source.height);
    showSource(prompt.isEmpty() ? tr("From a take without a prompt") : tr("From “%1”").arg(prompt),
               info.join(QStringLiteral(" · ")));
    loadThumbnail(take.thumbnailPath);
    Q_EMIT sourceChanged();
}

void VideoSourceSlot::setSource(const VideoSource& source, const QString& title) {
    ++m_ticket;
    setBusy(false);
    showMessage({}, false);
    m_source = source;
    if (source.isEmpty()) {
        m_pages->setCurrentIndex(0);
        Q_EMIT sourceChanged();
        return;
    }
    QStringList info;
    if (source.videoId)
        info << tr("PixVerse video %1").arg(source.videoId);
    if (source.seconds > 0)
        info << secondsText(source.seconds);
    if (source.width > 0 && source.height > 0)
        info << tr("%1 × %2 px").arg(source.width).arg(source.height);
    showSource(title, info.join(QStringLiteral(" · ")));
    loadThumbnail({});
    Q_EMIT sourceChanged();
}

void VideoSourceSlot::browse() {
    QString path;
    if (m_fileProvider) {
        path = m_fileProvider(this);
    } else {
        const QString dir = m_lastDir.isEmpty()
                                ? QStandardPaths::writableLocation(QStandardPaths::MoviesLocation)
                                : m_lastDir;
        QStringList patterns;
        for (const QString& suffix : videoSuffixes())
            patterns << QStringLiteral("*.") + suffix;
        path = QFileDialog::getOpenFileName(this, tr("Choose a video to extend"), dir,
                                            tr("Videos (%1)").arg(patterns.join(QLatin1Char(' '))) +
                                                QStringLiteral(";;") + tr("All files (*)"));
    }
    if (path.isEmpty())
        return;
    m_lastDir = QFileInfo(path).absolutePath();
    openFile(path);
}

void VideoSourceSlot::openFile(const QString& path) {
    const quint64 ticket = ++m_ticket; // the last one given wins
    showMessage({}, false);
    setBusy(true, tr("Reading “%1”…").arg(QFileInfo(path).fileName()));
    // The headers are read on the thread pool: the GUI thread never opens a video.
    auto* watcher = new QFutureWatcher<MediaProbeResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, ticket] {
        watcher->deleteLater();
        if (ticket != m_ticket)
            return;
        finishProbe(watcher->result());
    });
    watcher->setFuture(probeMediaAsync(path));
}

void VideoSourceSlot::finishProbe(const MediaProbeResult& result) {
    setBusy(false);
    std::optional<QString> refusal;
    if (!result.facts)
        refusal = result.error;
    else
        refusal = mediaRefusal(*result.facts, MediaUse::ExtendSource);
    if (refusal) {
        // A refused replacement leaves the current source in place.
        showMessage(*refusal, true);
        Q_EMIT refused(*refusal);
        return;
    }
    const MediaFacts& facts = *result.facts;
    m_source = {};
    m_source.path = facts.path;
    m_source.seconds = facts.seconds;
    m_source.width = facts.width;
    m_source.height = facts.height;
    showSource(QFileInfo(facts.path).fileName(),
               tr("%1 · %2 · %3 × %4 px · %5")
                   .arg(facts.container.toUpper(), secondsText(facts.seconds))
                   .arg(facts.width)
                   .arg(facts.height)
                   .arg(ImageCheck::formatBytes(facts.bytes)));
    loadThumbnail({});
    Q_EMIT sourceChanged();
}

void VideoSourceSlot::clear() {
    ++m_ticket;
    setBusy(false);
    showMessage({}, false);
    const bool had = !m_source.isEmpty();
    m_source = {};
    m_preview->clear();
    m_pages->setCurrentIndex(0);
    if (had)
        Q_EMIT sourceChanged();
}

void VideoSourceSlot::setBusy(bool busy, const QString& text) {
    m_busyLabel->setText(text);
    m_busyLabel->setVisible(busy);
    m_busyBar->setVisible(busy);
    if (busy != m_busy) {
        m_busy = busy;
        Q_EMIT busyChanged(busy);
    }
}

void VideoSourceSlot::showMessage(const QString& text, bool error) {
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    QPalette p = palette();
    p.setColor(QPalette::WindowText, error ? ui::errorColor(p) : ui::hintColor(p));
    m_message->setPalette(p);
}

void VideoSourceSlot::showSource(const QString& title, const QString& info) {
    m_title->setText(m_title->fontMetrics().elidedText(title, Qt::ElideRight, kTitleWidth));
    m_title->setToolTip(title);
    m_info->setText(info);
    m_pages->setCurrentIndex(1);
}

void VideoSourceSlot::loadThumbnail(const QString& path) {
    m_preview->clear();
    m_preview->setText(tr("Video"));
    if (path.isEmpty())
        return;
    // Decoding an image is the thread pool's work, not the GUI thread's.
    const quint64 ticket = m_ticket;
    const QSize box = QSize(kPreviewBox, kPreviewBox) * devicePixelRatioF();
    auto* watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, ticket] {
        watcher->deleteLater();
        const QImage image = watcher->result();
        if (ticket != m_ticket || image.isNull())
            return;
        QPixmap pixmap = QPixmap::fromImage(image);
        pixmap.setDevicePixelRatio(devicePixelRatioF());
        m_preview->setPixmap(pixmap);
    });
    watcher->setFuture(QtConcurrent::run([path, box] {
        QImageReader reader(path);
        reader.setAutoTransform(true);
        const QImage image = reader.read();
        return image.isNull() ? image
                              : image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }));
}

void VideoSourceSlot::setDragActive(bool active) {
    if (property("dragActive").toBool() == active)
        return;
    setProperty("dragActive", active);
    style()->unpolish(this);
    style()->polish(this);
    update();
}

QString VideoSourceSlot::localVideoFile(const QMimeData* mime) {
    if (!mime)
        return {};
    const QList<QUrl> urls = mime->urls();
    for (const QUrl& url : urls) {
        if (url.isLocalFile())
            return url.toLocalFile();
    }
    return {};
}

void VideoSourceSlot::dragEnterEvent(QDragEnterEvent* event) {
    if (localVideoFile(event->mimeData()).isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    setDragActive(true);
}

void VideoSourceSlot::dragMoveEvent(QDragMoveEvent* event) {
    if (localVideoFile(event->mimeData()).isEmpty())
        event->ignore();
    else
        event->acceptProposedAction();
}

void VideoSourceSlot::dragLeaveEvent(QDragLeaveEvent* event) {
    setDragActive(false);
    QFrame::dragLeaveEvent(event);
}

void VideoSourceSlot::dropEvent(QDropEvent* event) {
    setDragActive(false);
    const QString path = localVideoFile(event->mimeData());
    if (path.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    openFile(path);
}

void VideoSourceSlot::keyPressEvent(QKeyEvent* event) {
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) &&
        !m_source.isEmpty()) {
        clear();
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace pixverse
