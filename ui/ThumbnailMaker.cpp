#include "ui/ThumbnailMaker.h"

#include "core/jobs/JobLibrary.h"
#include "core/jobs/JobStore.h"
#include "ui/UiHelpers.h"

#include <QCryptographicHash>
#include <QDir>
#include <QImage>
#include <QMediaPlayer>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>
#include <QVideoFrame>
#include <QVideoSink>
#include <QtConcurrent/QtConcurrentRun>

namespace pixverse {

Q_LOGGING_CATEGORY(lcThumbnails, "pixverse.ui")

ThumbnailMaker::ThumbnailMaker(JobStore* store, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_outputDir(defaultOutputDir()) {
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { fail(tr("The video gave no picture in time.")); });
    m_savers.setMaxThreadCount(1);
}

ThumbnailMaker::~ThumbnailMaker() {
    m_pending.clear();
    if (m_player) {
        m_player->disconnect(this);
        m_player->stop();
    }
    m_savers.waitForDone();
}

QString ThumbnailMaker::defaultOutputDir() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
        .filePath(QStringLiteral("thumbnails"));
}

QString ThumbnailMaker::pathFor(qint64 jobId, const QString& videoPath) const {
    // The id alone could repeat across stores (a new data folder); the video's path cannot.
    const QByteArray hash =
        QCryptographicHash::hash(videoPath.toUtf8(), QCryptographicHash::Sha1).toHex().left(10);
    return QDir(m_outputDir)
        .filePath(QStringLiteral("job%1-%2.png").arg(jobId).arg(QString::fromLatin1(hash)));
}

void ThumbnailMaker::request(qint64 jobId, bool replace) {
    if (!m_store || jobId == m_current || m_failed.contains(jobId))
        return;
    if (m_pending.contains(jobId)) {
        // Asked again: still on screen, so it goes first.
        m_pending.removeOne(jobId);
        m_pending.append(jobId);
        return;
    }
    const std::optional<Job> job = m_store->job(jobId);
    if (!job || job->state != JobState::Done || job->videoPath.isEmpty() ||
        (!replace && !job->thumbnailPath.isEmpty()))
        return;
    m_pending.append(jobId);
    while (m_pending.size() > m_maxPending)
        m_pending.removeFirst(); // scrolled past; painted again, it is asked again
    // Not now: request() is called from paint code, which must not start a player.
    if (!m_scheduled && m_current == 0) {
        m_scheduled = true;
        QTimer::singleShot(0, this, [this] {
            m_scheduled = false;
            next();
        });
    }
}

void ThumbnailMaker::setStore(JobStore* store) {
    if (store == m_store)
        return;
    finishCurrent();
    m_pending.clear();
    m_failed.clear();
    m_store = store;
    ++m_storeGeneration;
}

void ThumbnailMaker::remake(qint64 jobId) {
    m_failed.remove(jobId);
    request(jobId, true);
}

void ThumbnailMaker::next() {
    if (m_current != 0)
        return;
    while (!m_pending.isEmpty() && m_current == 0) {
        const qint64 id = m_pending.takeLast();
        const std::optional<Job> job = m_store ? m_store->job(id) : std::nullopt;
        if (!job || job->state != JobState::Done || job->videoPath.isEmpty())
            continue;
        m_current = id;
        m_currentVideo = job->videoPath;
    }
    if (m_current == 0) {
        if (m_saving == 0)
            Q_EMIT idle();
        return;
    }
    ui::chooseMediaBackend();
    m_player = new QMediaPlayer(this);
    m_sink = new QVideoSink(m_player);
    m_player->setVideoSink(m_sink);
    // Frames may arrive queued from the decoder's thread, even after the player they came from
    // was let go: each video gets a token, and only its own signals count.
    const quint64 token = ++m_token;
    connect(m_sink, &QVideoSink::videoFrameChanged, this, [this, token](const QVideoFrame& frame) {
        if (token == m_token)
            onFrame(frame);
    });
    connect(m_player, &QMediaPlayer::errorOccurred, this,
            [this, token](QMediaPlayer::Error, const QString& message) {
                if (token == m_token)
                    fail(message);
            });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this,
            [this, token](QMediaPlayer::MediaStatus status) {
                if (token != m_token)
                    return;
                if (status == QMediaPlayer::InvalidMedia)
                    fail(tr("The file is not a video Qt can play."));
                else if (status == QMediaPlayer::EndOfMedia)
                    fail(tr("The video ended before a picture was shown."));
            });
    m_timeout.start(m_timeoutMs);
    QMediaPlayer* player = m_player;
    QString unreadable;
    if (!ui::setLocalSource(player, m_currentVideo, &unreadable)) {
        fail(unreadable);
        return;
    }
    // A file the backend cannot decode may fail inside setSourceDevice(): fail() has let the
    // player go then, and may already have started the next one.
    if (token == m_token)
        player->play();
}

void ThumbnailMaker::finishCurrent() {
    m_timeout.stop();
    ++m_token; // whatever the old player still sends is ignored
    if (m_player) {
        m_player->disconnect(this);
        m_sink->disconnect(this);
        // Not stop() here: this may run inside the sink's own signal, and Qt 6.4's sink holds
        // its lock while it emits; deleting the player later stops it outside.
        m_player->deleteLater();
        m_player = nullptr;
        m_sink = nullptr;
    }
    m_current = 0;
    m_currentVideo.clear();
}

void ThumbnailMaker::fail(const QString& reason) {
    const qint64 id = m_current;
    if (id == 0)
        return;
    qCInfo(lcThumbnails).noquote() << "job" << id << "no thumbnail:" << reason;
    m_failed.insert(id);
    finishCurrent();
    Q_EMIT thumbnailFailed(id, reason);
    next();
}

void ThumbnailMaker::onFrame(const QVideoFrame& frame) {
    if (m_current == 0 || !frame.isValid())
        return;
    QImage image = frame.toImage();
    if (image.isNull())
        return;
    const qint64 id = m_current;
    const QString target = pathFor(id, m_currentVideo);
    finishCurrent();

    ++m_saving;
    const quint64 generation = m_storeGeneration; // the store may change while it is written
    const QSize box = m_maxSize;
    const QString dir = m_outputDir;
    (void)QtConcurrent::run(&m_savers, [this, id, target, dir, box, generation,
                                        image = std::move(image)] {
        QImage scaled = image.width() > box.width() || image.height() > box.height()
                            ? image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                            : image;
        scaled = scaled.convertToFormat(QImage::Format_RGB32);
        QString error;
        if (!QDir().mkpath(dir)) {
            error = tr("Cannot create the folder “%1”.").arg(dir);
        } else {
            QSaveFile file(target);
            if (!file.open(QIODevice::WriteOnly) || !scaled.save(&file, "PNG") || !file.commit())
                error = tr("Cannot write “%1”: %2").arg(target, file.errorString());
        }
        QMetaObject::invokeMethod(
            this,
            [this, id, target, error, generation] {
                --m_saving;
                if (!error.isEmpty()) {
                    m_failed.insert(id);
                    qCWarning(lcThumbnails).noquote()
                        << "job" << id << "thumbnail not saved:" << error;
                    Q_EMIT thumbnailFailed(id, error);
                } else if (generation == m_storeGeneration &&
                           JobLibrary(m_store).setThumbnail(id, target)) {
                    Q_EMIT thumbnailMade(id, target);
                }
                if (!isBusy())
                    Q_EMIT idle();
            },
            Qt::QueuedConnection);
    });
    next();
}

} // namespace pixverse
