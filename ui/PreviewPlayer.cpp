#include "ui/PreviewPlayer.h"

#include "core/effects/PreviewCache.h"
#include "ui/UiHelpers.h"

#include <QMediaPlayer>
#include <QUrl>
#include <QVideoFrame>
#include <QVideoSink>

namespace pixverse {

PreviewPlayer::PreviewPlayer(PreviewCache* previews, QObject* parent)
    : QObject(parent)
    , m_previews(previews) {
    if (previews) {
        connect(previews, &PreviewCache::previewReady, this, &PreviewPlayer::onPreviewReady);
        connect(previews, &PreviewCache::previewFailed, this, &PreviewPlayer::onPreviewFailed);
    }
}

PreviewPlayer::~PreviewPlayer() {
    if (m_player)
        m_player->stop();
}

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
    if (m_player) {
        m_player->stop();
        m_player->setSource(QUrl());
    }
    const qint64 was = m_id;
    m_id = 0;
    m_url.clear();
    m_file.clear();
    m_frame = QImage();
    if (was != 0)
        Q_EMIT frameChanged(was); // its card shows the still again
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
    if (!m_player) {
        ui::chooseMediaBackend();
        m_player = new QMediaPlayer(this);
        m_sink = new QVideoSink(this);
        // No audio output at all: previews are always silent.
        m_player->setVideoSink(m_sink);
        connect(m_sink, &QVideoSink::videoFrameChanged, this, &PreviewPlayer::onFrame);
        connect(m_player, &QMediaPlayer::mediaStatusChanged, this,
                [this](QMediaPlayer::MediaStatus status) {
                    if (status == QMediaPlayer::EndOfMedia && !m_file.isEmpty()) {
                        // Looped by setting the source anew: seeking back from the end is
                        // unreliable on Qt 6.4's FFmpeg backend (see VideoPlayer::rewind).
                        m_player->setSource(QUrl());
                        ui::setLocalSource(m_player, m_file);
                        m_player->play();
                    } else if (status == QMediaPlayer::InvalidMedia && !m_file.isEmpty()) {
                        fail(tr("The preview clip cannot be played."));
                    }
                });
        connect(m_player, &QMediaPlayer::errorOccurred, this,
                [this](QMediaPlayer::Error error, const QString&) {
                    if (error != QMediaPlayer::NoError && !m_file.isEmpty())
                        fail(tr("The preview clip cannot be played."));
                });
    }
    m_file = file;
    QString error;
    if (!ui::setLocalSource(m_player, file, &error)) {
        fail(tr("The preview clip cannot be played."));
        return;
    }
    m_player->play();
}

void PreviewPlayer::onFrame(const QVideoFrame& frame) {
    if (m_id == 0 || m_file.isEmpty() || !frame.isValid())
        return;
    // Preview clips are small (≤ 360 px): converting one costs well under a millisecond.
    m_frame = frame.toImage();
    if (m_frame.isNull())
        return;
    ++m_framesShown;
    Q_EMIT frameChanged(m_id);
}

void PreviewPlayer::fail(const QString& error) {
    const qint64 id = m_id;
    if (m_player) {
        m_player->stop();
        m_player->setSource(QUrl());
    }
    m_file.clear();
    m_frame = QImage();
    // m_id stays: the same template is not retried until something else was chosen.
    Q_EMIT failed(id, error);
}

} // namespace pixverse
