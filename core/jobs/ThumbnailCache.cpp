#include "core/jobs/ThumbnailCache.h"

#include "core/jobs/Job.h"

#include <QCoreApplication>
#include <QImageReader>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace pixverse {

namespace {
constexpr int kMaxRememberedFailures = 1024;
}

ThumbnailCache::ThumbnailCache(QObject* parent)
    : QObject(parent) {
    m_cache.setMaxCost(16 *
                       1024); // ~32 card thumbnails: two screens of cards, not the whole gallery
    m_pool.setMaxThreadCount(m_maxConcurrent);
    m_pool.setObjectName(QStringLiteral("pixverse-thumbnails"));
}

ThumbnailCache::~ThumbnailCache() {
    m_pending.clear();
    m_pool.waitForDone();
}

qsizetype ThumbnailCache::costOf(const QImage& image) {
    return std::max<qsizetype>(1, image.sizeInBytes() / 1024);
}

void ThumbnailCache::setMaxConcurrentLoads(int n) {
    m_maxConcurrent = std::max(1, n);
    m_pool.setMaxThreadCount(m_maxConcurrent);
    pump();
}

void ThumbnailCache::setScaledSize(const QSize& size) {
    if (size == m_scaledSize)
        return;
    m_scaledSize = size;
    m_cache.clear();
    m_failed.clear();
}

void ThumbnailCache::setMaxPending(int n) {
    m_maxPending = std::max(1, n);
    while (m_pending.size() > m_maxPending) {
        m_pending.removeFirst();
        ++m_stats.dropped;
    }
}

ThumbnailCache::Stats ThumbnailCache::stats() const {
    Stats stats = m_stats;
    stats.loadsOnGuiThread = m_loadsOnGuiThread.load();
    return stats;
}

QImage ThumbnailCache::image(const QString& path) {
    ++m_stats.requests;
    if (path.isEmpty())
        return {};
    if (const QImage* cached = m_cache.object(path)) {
        ++m_stats.hits;
        return *cached;
    }
    if (m_inFlight.contains(path) || m_failed.contains(path))
        return {};
    // Asked again: it is still on screen, so it moves to the front of the queue.
    m_pending.removeOne(path);
    m_pending.append(path);
    if (m_pending.size() > m_maxPending) {
        m_pending.removeFirst();
        ++m_stats.dropped;
    }
    pump();
    return {};
}

void ThumbnailCache::invalidate(const QString& path) {
    m_cache.remove(path);
    m_failed.remove(path);
    m_pending.removeOne(path);
}

void ThumbnailCache::clear() {
    m_cache.clear();
    m_failed.clear();
    m_pending.clear();
}

void ThumbnailCache::pump() {
    while (m_inFlight.size() < m_maxConcurrent && !m_pending.isEmpty()) {
        const QString path = m_pending.takeLast();
        m_inFlight.insert(path);
        ++m_stats.loadsStarted;
        QThread* guiThread = thread();
        // The future is not kept: the result comes back as a queued call, and the destructor
        // waits for the pool, so no call can reach a deleted cache.
        (void)QtConcurrent::run(&m_pool, [this, path, guiThread, cover = m_scaledSize] {
            if (QThread::currentThread() == guiThread)
                ++m_loadsOnGuiThread;
            QImageReader reader(path);
            reader.setAutoTransform(true);
            // Decoding at the shown size (JPEG scales while decoding) keeps loads and memory small.
            if (const QSize full = reader.size(); cover.isValid() && full.isValid())
                reader.setScaledSize(full.scaled(cover, Qt::KeepAspectRatioByExpanding));
            QImage image = reader.read();
            if (!image.isNull() && image.format() != QImage::Format_ARGB32_Premultiplied &&
                image.format() != QImage::Format_RGB32)
                image = image.convertToFormat(image.hasAlphaChannel()
                                                  ? QImage::Format_ARGB32_Premultiplied
                                                  : QImage::Format_RGB32);
            QMetaObject::invokeMethod(
                this, [this, path, image] { finished(path, image); }, Qt::QueuedConnection);
        });
    }
}

void ThumbnailCache::finished(const QString& path, const QImage& image) {
    m_inFlight.remove(path);
    if (image.isNull()) {
        ++m_stats.loadsFailed;
        if (m_failed.size() >= kMaxRememberedFailures)
            m_failed.clear();
        m_failed.insert(path);
        qCDebug(lcJobs).noquote() << "thumbnail not readable:" << path;
        Q_EMIT imageFailed(path);
    } else {
        m_cache.insert(path, new QImage(image), costOf(image));
        Q_EMIT imageReady(path);
    }
    pump();
}

} // namespace pixverse
