#include "ui/VideoSourceSlot.h"

#include "core/generation/ImageCheck.h"
#include "core/jobs/Job.h"
#include "core/media/MediaCheck.h"
#include "core/media/MediaLimits.h"
#include "core/media/MediaProbe.h"
#include "ui/UiHelpers.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QImageReader>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace pixverse {

namespace {

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
    : DropSlot(QStringLiteral("videoSource"),
               tr("<b>Video to extend</b>: choose Extend on a finished take in the gallery, drop "
                  "a video file here, or"),
               tr("MP4, MOV or WebM, up to %1 and %2 s, at most %3 px per side.")
                   .arg(ImageCheck::formatBytes(media_limits::kMaxUploadBytes))
                   .arg(media_limits::kMaxUploadSeconds)
                   .arg(media_limits::kMaxVideoSide),
               parent) {
    setObjectName(QStringLiteral("videoSourceSlot"));
    setAccessibleName(tr("Video to extend"));
    m_info = ui::hintLabel(QString(), this);
    m_info->setObjectName(QStringLiteral("videoSourceInfo"));
    m_info->setWordWrap(true);
    details()->addWidget(m_info);
}

VideoSourceSlot::~VideoSourceSlot() = default;

void VideoSourceSlot::setTake(const Job& take) {
    VideoSource source;
    source.videoId = take.videoId;
    // The saved file's length when it was read, else what was asked.
    source.seconds = take.videoSeconds > 0 ? take.videoSeconds : take.request.duration;
    source.width = take.videoWidth;
    source.height = take.videoHeight;
    source.parentJobId = take.id;
    const QString prompt = take.request.prompt.simplified();
    use(source, prompt.isEmpty() ? tr("From a take without a prompt") : tr("From “%1”").arg(prompt),
        take.thumbnailPath);
}

void VideoSourceSlot::setSource(const VideoSource& source, const QString& title) {
    use(source, title, {});
}

void VideoSourceSlot::use(const VideoSource& source, const QString& title,
                          const QString& thumbnail) {
    ++m_ticket; // a file still being read is forgotten
    setBusy(false);
    showMessage({}, false);
    m_source = source;
    if (source.isEmpty()) {
        showEmpty();
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
    showSource(title, info.join(QStringLiteral(" · ")), thumbnail);
    Q_EMIT sourceChanged();
}

void VideoSourceSlot::browse() {
    QStringList patterns;
    for (const QString& suffix : videoSuffixes())
        patterns << QStringLiteral("*.") + suffix;
    const QString path = chooseFile(tr("Choose a video to extend"), QStandardPaths::MoviesLocation,
                                    tr("Videos (%1)").arg(patterns.join(QLatin1Char(' '))) +
                                        QStringLiteral(";;") + tr("All files (*)"));
    if (!path.isEmpty())
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
                   .arg(ImageCheck::formatBytes(facts.bytes)),
               {});
    Q_EMIT sourceChanged();
}

void VideoSourceSlot::clear() {
    ++m_ticket;
    setBusy(false);
    showMessage({}, false);
    const bool had = !m_source.isEmpty();
    m_source = {};
    showEmpty();
    if (had)
        Q_EMIT sourceChanged();
}

void VideoSourceSlot::showSource(const QString& title, const QString& info,
                                 const QString& thumbnail) {
    m_info->setText(info);
    showFilled(title, title);
    preview()->clear();
    preview()->setText(tr("Video"));
    if (thumbnail.isEmpty())
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
        preview()->setPixmap(pixmap);
    });
    watcher->setFuture(QtConcurrent::run([thumbnail, box] {
        QImageReader reader(thumbnail);
        reader.setAutoTransform(true);
        const QImage image = reader.read();
        return image.isNull() ? image
                              : image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }));
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
    DropSlot::keyPressEvent(event);
}

} // namespace pixverse
