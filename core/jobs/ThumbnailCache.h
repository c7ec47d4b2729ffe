#pragma once

#include <QCache>
#include <QImage>
#include <QList>
#include <QObject>
#include <QRect>
#include <QSet>
#include <QSize>
#include <QString>
#include <QThreadPool>

#include <atomic>

namespace pixverse {

//! The gallery's thumbnails in memory: a bounded QCache of decoded images, filled lazily off the
//! GUI thread. image() never touches the disk; a miss queues a load on a small thread pool of
//! its own and returns a null image; imageReady() says when to paint again. The queue favours
//! what was asked last (the cards on screen now) and forgets the oldest requests beyond a limit,
//! so scrolling through 10,000 jobs loads only what stays on screen and memory stays bounded.
class ThumbnailCache : public QObject {
    Q_OBJECT
public:
    struct Stats {
        qint64 requests = 0;         //!< image() calls
        qint64 hits = 0;             //!< ... answered from memory
        qint64 loadsStarted = 0;     //!< files read
        qint64 loadsFailed = 0;      //!< unreadable or missing
        qint64 loadsOnGuiThread = 0; //!< files read on the GUI thread: must stay 0
        qint64 dropped = 0;          //!< requests forgotten before their turn (scrolled past)
    };

    explicit ThumbnailCache(QObject* parent = nullptr);
    //! Waits for the loads in flight (they are small).
    ~ThumbnailCache() override;

    //! The thumbnail at `path` if it is in memory; otherwise a null image and a load is queued
    //! (unless one is queued, running, or failed already).
    QImage image(const QString& path);
    bool contains(const QString& path) const { return m_cache.contains(path); }
    //! The file at `path` could not be read (it is not tried again until invalidate()).
    bool hasFailed(const QString& path) const { return m_failed.contains(path); }
    //! Forgets `path` (the file was replaced or deleted), including an earlier failure.
    void invalidate(const QString& path);
    void clear();

    //! The memory bound, in KiB of decoded pixels (default 16 MiB).
    void setMaxCostKiB(qsizetype kib) { m_cache.setMaxCost(kib); }
    qsizetype maxCostKiB() const { return m_cache.maxCost(); }
    qsizetype totalCostKiB() const { return m_cache.totalCost(); }
    int count() const { return static_cast<int>(m_cache.count()); }

    //! How images are fitted to scaledSize() in the loading thread.
    enum class Scaling {
        Cover, //!< aspect kept, covering the size: the painter crops
        //! What a card shows, so the painter draws it 1:1: cropped to the size when the shapes
        //! differ by less than 8 %, fitted inside it (letterboxed) otherwise. Never larger than
        //! the size, never enlarged.
        Card,
    };
    //! Images are decoded scaled to `size`, so a card's picture costs what the card shows;
    //! invalid (the default): full size. What is in memory was made for the old size: it is
    //! still returned (no card goes blank while the window is resized) and read again.
    void setScaledSize(const QSize& size, Scaling scaling = Scaling::Cover);
    QSize scaledSize() const { return m_scaledSize; }
    Scaling scaling() const { return m_scaling; }
    //! The size an image of `full` pixels is decoded at for `size` and `scaling`; `crop` (if
    //! given) receives the part of that kept (all of it unless Card crops).
    static QSize decodedSize(const QSize& full, const QSize& size, Scaling scaling,
                             QRect* crop = nullptr);

    //! Loads running at once (default 2) and requests kept waiting (default 96).
    void setMaxConcurrentLoads(int n);
    void setMaxPending(int n);
    int pendingCount() const { return static_cast<int>(m_pending.size()); }
    int inFlightCount() const { return static_cast<int>(m_inFlight.size()); }
    bool isIdle() const { return m_pending.isEmpty() && m_inFlight.isEmpty(); }

    Stats stats() const;

    //! The cost of an image in the cache: its decoded bytes in KiB (at least 1).
    static qsizetype costOf(const QImage& image);

Q_SIGNALS:
    void imageReady(const QString& path);
    void imageFailed(const QString& path);

private:
    //! A decoded image and the scaledSize() generation it was made for.
    struct Entry {
        QImage image;
        int generation = 0;
    };
    void queue(const QString& path);
    void pump();
    void finished(const QString& path, const QImage& image, int generation);

    QCache<QString, Entry> m_cache;
    QList<QString> m_pending; // most recent last
    QSet<QString> m_inFlight;
    QSet<QString> m_failed;
    int m_maxConcurrent = 2;
    int m_maxPending = 96;
    QSize m_scaledSize;
    Scaling m_scaling = Scaling::Cover;
    int m_generation = 0; // bumped by each new scaledSize()
    QThreadPool m_pool;
    Stats m_stats;
    std::atomic<qint64> m_loadsOnGuiThread{0};
};

} // namespace pixverse
