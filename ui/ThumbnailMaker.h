#pragma once

#include "core/jobs/JobStore.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSize>
#include <QString>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>

class QImage;
class QMediaPlayer;
class QVideoFrame;
class QVideoSink;

namespace pixverse {

//! Makes the gallery's thumbnails: the first frame of a finished video, decoded with Qt
//! Multimedia (QMediaPlayer into a QVideoSink, no window), scaled and written as a PNG to the
//! cache folder off the GUI thread, then recorded in the job (`thumbnailPath`). One video at a
//! time; requests are served most recent first (what the creator is looking at).
class ThumbnailMaker : public QObject {
    Q_OBJECT
public:
    explicit ThumbnailMaker(JobStore* store, QObject* parent = nullptr);
    ~ThumbnailMaker() override;

    //! `<cache>/thumbnails` (QStandardPaths::CacheLocation).
    static QString defaultOutputDir();
    //! Makes thumbnails for another store's jobs (or none); what was queued is dropped.
    void setStore(JobStore* store);
    void setOutputDir(const QString& dir) { m_outputDir = dir; }
    QString outputDir() const { return m_outputDir; }
    //! The box a thumbnail fits in (default 480 × 480, enough for a card on a 2× screen).
    void setMaxSize(const QSize& size) { m_maxSize = size; }
    //! How long one video may take to give its first frame (default 15 s).
    void setTimeout(int ms) { m_timeoutMs = ms; }

    //! Queues a thumbnail for a finished job that has none (or, with `replace`, whose thumbnail
    //! file is unreadable). Ignored for a job already queued, being made, or whose video gave no
    //! picture in this session. At most maxPending() wait; the oldest requests are forgotten.
    void request(qint64 jobId, bool replace = false);
    //! Makes it again even if it failed before (a new video was saved for the job).
    void remake(qint64 jobId);
    void setMaxPending(int n) { m_maxPending = std::max(1, n); }
    int maxPending() const { return m_maxPending; }
    int pendingCount() const { return static_cast<int>(m_pending.size()); }
    bool isBusy() const { return m_current != 0 || !m_pending.isEmpty() || m_saving > 0; }

Q_SIGNALS:
    void thumbnailMade(qint64 jobId, const QString& path);
    void thumbnailFailed(qint64 jobId, const QString& reason);
    //! Nothing queued, nothing being made.
    void idle();

private:
    void next();
    void onFrame(const QVideoFrame& frame);
    void fail(const QString& reason);
    void finishCurrent();
    QString pathFor(qint64 jobId, const QString& videoPath) const;

    QPointer<JobStore> m_store;
    quint64 m_storeGeneration = 0;
    QString m_outputDir;
    QSize m_maxSize{480, 480};
    int m_timeoutMs = 15000;
    QList<qint64> m_pending; // most recent last
    int m_maxPending = 48;
    QSet<qint64> m_failed;
    qint64 m_current = 0;
    quint64 m_token = 0; // the video being decoded; signals of earlier ones are ignored
    QString m_currentVideo;
    QMediaPlayer* m_player = nullptr;
    QVideoSink* m_sink = nullptr;
    QTimer m_timeout;
    bool m_scheduled = false;
    QThreadPool m_savers; // PNG encoding and writing
    int m_saving = 0;
};

} // namespace pixverse
