#include "ui/PreviewPlayer.h"

#include "core/effects/PreviewCache.h"
#include "core/media/ClipFrames.h"

#include <QFutureWatcher>
#include <QTimer>

#include <algorithm>

namespace pixverse {

PreviewPlayer::PreviewPlayer(PreviewCache* previews, QObject* parent)
    : QObject(parent)
    , m_previews(previews)
    , m_timer(new QTimer(this)) {
    m_timer->setSingleShot(true); // each frame sets its own duration
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &PreviewPlayer::showNextFrame);
    if (previews) {
        connect(previews, &PreviewCache::previewReady, this, &PreviewPlayer::onPreviewReady);
        connect(previews, &PreviewCache::previewFailed, this, &PreviewPlayer::onPreviewFailed);
    }
}

PreviewPlayer::~PreviewPlayer() = default;

void PreviewPlayer::play(qint64 id, const QString& url) {
    if (id == m_id && url == m_url)
        return;
    stop();
    m_id = id;
    m_url = url;
    if (url.isEmpty() || !m_previews) {
        fail(tr("This effect has no preview clip."));
        return;
    }
    const QString cached = m_previews->cachedFile(url);
    if (!cached.isEmpty())
        start(cached);
    else
        m_previews->fetch(url); // previewReady() or previewFailed() follows
}

void PreviewPlayer::stop() {
    ++m_generation;
    clearClip();
    const qint64 was = m_id;
    m_id = 0;
    m_url.clear();
    if (was != 0)
        Q_EMIT frameChanged(was); // its card shows the still again
}

void PreviewPlayer::setPictureSize(QSize size) {
    if (size.isValid() && !size.isEmpty())
        m_pictureSize = size;
}

bool PreviewPlayer::isPlaying() const {
    return m_timer->isActive() && !m_frames.isEmpty();
}

QSize PreviewPlayer::decodedSize() const {
    // The card shows the frame cropped to cover its picture: a square as large as the
    // picture's longer side covers it whatever the clip's aspect.
    const int side = std::max(m_pictureSize.width(), m_pictureSize.height());
    return {side, side};
}

void PreviewPlayer::onPreviewReady(const QString& url, const QString& file) {
    if (m_id != 0 && url == m_url && m_file.isEmpty())
        start(file);
}

void PreviewPlayer::onPreviewFailed(const QString& url, const QString& error) {
    if (m_id != 0 && url == m_url)
        fail(error);
}

void PreviewPlayer::start(const QString& file) {
    m_file = file;
    const quint64 generation = m_generation;
    auto* watcher = new QFutureWatcher<DecodedClip>(this);
    connect(watcher, &QFutureWatcher<DecodedClip>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        onDecoded(generation, watcher->result());
    });
    watcher->setFuture(decodeClipAsync(file, decodedSize()));
}

void PreviewPlayer::onDecoded(quint64 generation, const DecodedClip& clip) {
    if (generation != m_generation || m_id == 0)
        return; // stopped, or another clip was chosen meanwhile
    if (!clip.error.isEmpty() || clip.frames.isEmpty()) {
        fail(clip.error.isEmpty() ? tr("The preview clip cannot be played.") : clip.error);
        return;
    }
    m_frames = clip.frames;
    m_durationsMs = clip.durationsMs;
    m_next = 0;
    showNextFrame();
}

void PreviewPlayer::showNextFrame() {
    if (m_frames.isEmpty())
        return;
    if (m_next >= m_frames.size())
        m_next = 0; // looped
    m_frame = m_frames.at(m_next);
    m_timer->start(m_next < m_durationsMs.size() ? m_durationsMs.at(m_next) : 40);
    ++m_next;
    ++m_framesShown;
    Q_EMIT frameChanged(m_id);
}

void PreviewPlayer::clearClip() {
    m_timer->stop();
    m_file.clear();
    m_frames.clear();
    m_durationsMs.clear();
    m_next = 0;
    m_frame = QImage();
}

void PreviewPlayer::fail(const QString& error) {
    ++m_generation;
    clearClip();
    // m_id stays: the same template is not retried until something else was chosen.
    Q_EMIT failed(m_id, error);
}

} // namespace pixverse
