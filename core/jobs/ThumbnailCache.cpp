#include "core/jobs/ThumbnailCache.h"

#include "core/jobs/Job.h"

#include <QCoreApplication>
#include <QImageReader>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

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

void ThumbnailCache::setScaledSize(const QSize& size, Scaling scaling) {
    if (size == m_scaledSize && scaling == m_scaling)
        return;
    m_scaledSize = size;
    m_scaling = scaling;
    ++m_generation;
    m_failed.clear();
}

QSize ThumbnailCache::decodedSize(const QSize& full, const QSize& size, Scaling scaling,
                                  QRect* crop) {
    QSize decoded = full;
    if (full.isValid() && size.isValid()) {
        if (scaling == Scaling::Cover) {
            decoded = full.scaled(size, Qt::KeepAspectRatioByExpanding);
        } else {
            // The delegate's rule: nearly the card's shape fills it, anything else is letterboxed.
            const QSize fitted = full.scaled(size, Qt::KeepAspectRatio);
            const bool fill = std::abs(double(fitted.width()) / size.width() - 1.0) < 0.08 &&
                              std::abs(double(fitted.height()) / size.height() - 1.0) < 0.08;
            const QSize wanted = fill ? full.scaled(size, Qt::KeepAspectRatioByExpanding) : fitted;
            if (wanted.width() < full.width()) // never enlarged: the painter does that
                decoded = wanted;
        }
    }
    if (crop) {
        *crop = QRect(QPoint(0, 0), decoded);
        if (scaling == Scaling::Card && size.isValid()) {
            const QSize kept = decoded.boundedTo(size);
            *crop = QRect((decoded.width() - kept.width()) / 2,
                          (decoded.height() - kept.height()) / 2, kept.width(), kept.height());
        }
    }
    return decoded;
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
    if (const Entry* cached = m_cache.object(path)) {
        ++m_stats.hits;
        // Made for an older size: shown until the new one is read.
        if (cached->generation != m_generation)
            queue(path);
        return cached->image;
    }
    if (!m_failed.contains(path))
        queue(path);
    return {};
}

void ThumbnailCache::queue(const QString& path) {
    if (m_inFlight.contains(path))
        return;
    // Asked again: it is still on screen, so it moves to the front of the queue.
    m_pending.removeOne(path);
    m_pending.append(path);
    if (m_pending.size() > m_maxPending) {
        m_pending.removeFirst();
        ++m_stats.dropped;
    }
    pump();
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
        (void)QtConcurrent::run(&m_pool, [this, path, guiThread, size = m_scaledSize,
                                          scaling = m_scaling, generation = m_generation] {
            if (QThread::currentThread() == guiThread)
                ++m_loadsOnGuiThread;
            QImageReader reader(path);
            reader.setAutoTransform(true);
            // Decoding at the shown size (JPEG scales while decoding) keeps loads and memory
            // small, and the card draws the picture without scaling it.
            if (const QSize full = reader.size(); size.isValid() && full.isValid())
                reader.setScaledSize(decodedSize(full, size, scaling));
            QImage image = reader.read();
            // Whatever the reader left (a rotated picture, a format that cannot scale): here.
            if (!image.isNull() && size.isValid()) {
                QRect crop;
                const QSize decoded = decodedSize(image.size(), size, scaling, &crop);
                if (decoded != image.size())
                    image = image.scaled(decoded, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
                if (crop != image.rect())
                    image = image.copy(crop);
            }
            if (!image.isNull() && image.format() != QImage::Format_ARGB32_Premultiplied &&
                image.format() != QImage::Format_RGB32)
                image = image.convertToFormat(image.hasAlphaChannel()
                                                  ? QImage::Format_ARGB32_Premultiplied
                                                  : QImage::Format_RGB32);
            QMetaObject::invokeMethod(
                this, [this, path, image, generation] { finished(path, image, generation); },
                Qt::QueuedConnection);
        });
    }
}

void ThumbnailCache::finished(const QString& path, const QImage& image, int generation) {
    m_inFlight.remove(path);
    if (image.isNull()) {
        ++m_stats.loadsFailed;
        if (m_failed.size() >= kMaxRememberedFailures)
            m_failed.clear();
        m_failed.insert(path);
        qCDebug(lcJobs).noquote() << "thumbnail not readable:" << path;
        Q_EMIT imageFailed(path);
    } else {
        m_cache.insert(path, new Entry{image, generation}, costOf(image));
        Q_EMIT imageReady(path);
    }
    pump();
}

} // namespace pixverse
