#include "core/effects/PreviewCache.h"

#include "core/api/ApiClient.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHash>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QtConcurrent>

#include <algorithm>

namespace pixverse {

Q_LOGGING_CATEGORY(lcPreviews, "pixverse.effects")

namespace {

constexpr int kMaxDownloads = 4;
//! Preview clips are a few seconds of small video; anything bigger is not a preview.
constexpr qint64 kMaxFileBytes = 20LL * 1024 * 1024;
constexpr int kSilenceMs = 15000;

//! A file name from the URL alone, so a look-up needs no disk.
QString keyOf(const QString& url) {
    return QString::fromLatin1(
        QCryptographicHash::hash(url.toUtf8(), QCryptographicHash::Sha1).toHex());
}

//! What the bytes are, as an extension; empty for anything but a video or a picture (an HTML
//! error page, say).
QString sniffExtension(const QByteArray& bytes) {
    if (bytes.size() >= 12 && bytes.mid(4, 4) == "ftyp")
        return QStringLiteral("mp4");
    if (bytes.startsWith("\xFF\xD8\xFF"))
        return QStringLiteral("jpg");
    if (bytes.startsWith("\x89PNG\r\n\x1A\n"))
        return QStringLiteral("png");
    if (bytes.startsWith("GIF87a") || bytes.startsWith("GIF89a"))
        return QStringLiteral("gif");
    if (bytes.size() >= 12 && bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP")
        return QStringLiteral("webp");
    if (bytes.startsWith("\x1A\x45\xDF\xA3"))
        return QStringLiteral("webm");
    return {};
}

struct Entry {
    QString fileName;
    qint64 size = 0;
    //! Larger is more recent: a sequence, not a time, so two uses in one millisecond still
    //! have an order. Files found on disk are ranked by their modification time.
    qint64 lastUsed = 0;
};

//! The cache directory's files (created when missing). Blocking: thread pool.
QHash<QString, Entry> scanDirectory(const QString& dir) {
    static const QRegularExpression cached(QStringLiteral("^([0-9a-f]{40})\\.[a-z0-9]{2,4}$"));
    QDir().mkpath(dir);
    QHash<QString, Entry> index;
    const QFileInfoList files = QDir(dir).entryInfoList(QDir::Files | QDir::NoDotAndDotDot);
    for (const QFileInfo& info : files) {
        const QRegularExpressionMatch match = cached.match(info.fileName());
        if (!match.hasMatch())
            continue; // not ours (QSaveFile removes its own leftovers)
        index.insert(match.captured(1),
                     {info.fileName(), info.size(), info.lastModified().toMSecsSinceEpoch()});
    }
    QList<Entry*> byTime;
    for (Entry& entry : index)
        byTime << &entry;
    std::sort(byTime.begin(), byTime.end(),
              [](const Entry* a, const Entry* b) { return a->lastUsed < b->lastUsed; });
    for (qsizetype rank = 0; rank < byTime.size(); ++rank)
        byTime[rank]->lastUsed = rank + 1;
    return index;
}

//! Removes the evicted files, then writes the new one whole or not at all. Blocking: thread pool.
QString writeFile(const QString& dir, const QString& fileName, const QByteArray& bytes,
                  const QStringList& evicted) {
    for (const QString& name : evicted)
        QFile::remove(QDir(dir).filePath(name));
    if (fileName.isEmpty())
        return {};
    QSaveFile file(QDir(dir).filePath(fileName));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return file.errorString();
    return {};
}

} // namespace

//! One write to the cache directory, with the evictions it needs; an empty url only evicts.
struct PreviewCache::DiskJob {
    QString url;
    QString key;
    QString fileName;
    QByteArray bytes;
};

struct PreviewCache::State {
    QString dir;
    qint64 capBytes = 0;
    QPointer<QNetworkAccessManager> network;
    ApiClient* client = nullptr;

    bool indexed = false;
    mutable QHash<QString, Entry> index; //!< key → file; mutable: a look-up marks it used
    mutable qint64 useSequence = 0;
    qint64 indexedBytes = 0;
    qint64 writingBytes = 0; //!< the file being written
    QSet<QString> busy;      //!< urls queued, downloading or being written
    QList<QString> waiting;  //!< for a download slot (or for the index)
    int downloading = 0;
    // One write at a time, so an eviction never races a write of the same name and the bytes
    // on disk never exceed the cap.
    QList<DiskJob> writes;
    bool writing = false;
};

PreviewCache::PreviewCache(const QString& dir, qint64 capBytes, QNetworkAccessManager* network,
                           QObject* parent)
    : QObject(parent)
    , d(std::make_unique<State>()) {
    d->dir = dir;
    d->capBytes = capBytes;
    d->network = network;
    if (network)
        d->client = new ApiClient(network, this);
    auto* watcher = new QFutureWatcher<QHash<QString, Entry>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        d->index = watcher->result();
        indexBuilt();
    });
    watcher->setFuture(QtConcurrent::run(scanDirectory, dir));
}

PreviewCache::~PreviewCache() = default;

void PreviewCache::indexBuilt() {
    d->indexed = true;
    d->indexedBytes = 0;
    for (const Entry& entry : std::as_const(d->index)) {
        d->indexedBytes += entry.size;
        d->useSequence = std::max(d->useSequence, entry.lastUsed);
    }
    qCInfo(lcPreviews) << "preview cache:" << d->index.size() << "files," << d->indexedBytes
                       << "bytes";
    if (d->indexedBytes > d->capBytes) { // the cap was lowered since
        d->writes << DiskJob{};
        startNextWrite();
    }
    pump();
}

QString PreviewCache::cachedFile(const QString& url) const {
    const auto it = d->index.find(keyOf(url));
    if (it == d->index.end())
        return {};
    it->lastUsed = ++d->useSequence;
    return QDir(d->dir).filePath(it->fileName);
}

void PreviewCache::fetch(const QString& url) {
    if (d->busy.contains(url))
        return;
    if (const QString file = cachedFile(url); !file.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this, url, file] { Q_EMIT previewReady(url, file); }, Qt::QueuedConnection);
        return;
    }
    d->busy.insert(url);
    d->waiting << url;
    pump();
}

qint64 PreviewCache::capBytes() const {
    return d->capBytes;
}

qint64 PreviewCache::usedBytes() const {
    return d->indexedBytes + d->writingBytes;
}

void PreviewCache::pump() {
    if (!d->indexed)
        return; // it may be on disk already
    while (d->downloading < kMaxDownloads && !d->waiting.isEmpty()) {
        const QString url = d->waiting.takeFirst();
        if (const QString file = cachedFile(url); !file.isEmpty()) {
            d->busy.remove(url);
            QMetaObject::invokeMethod(
                this, [this, url, file] { Q_EMIT previewReady(url, file); }, Qt::QueuedConnection);
            continue;
        }
        download(url);
    }
}

void PreviewCache::download(const QString& url) {
    const QUrl address(url);
    if (!d->client || url.isEmpty() || !address.isValid() ||
        (address.scheme() != u"https" && address.scheme() != u"http")) {
        const QString error = d->client ? tr("The effect has no usable preview address.")
                                        : tr("Previews cannot be downloaded without a network.");
        QMetaObject::invokeMethod(
            this, [this, url, error] { fail(url, error); }, Qt::QueuedConnection);
        return;
    }
    ++d->downloading;
    ApiRequest request;
    request.verb = ApiRequest::Verb::Get;
    request.url = address;
    request.envelope = false;
    request.timeoutMs = kSilenceMs;
    request.maxBodyBytes = std::min(kMaxFileBytes, d->capBytes);
    request.logName = QStringLiteral("preview");
    d->client->send(request, this, [this, url](const ApiReply& reply) {
        --d->downloading;
        if (reply.error.isError())
            fail(url, tr("The preview could not be downloaded: %1").arg(reply.error.userMessage()));
        else
            downloaded(url, reply.body);
        pump();
    });
}

void PreviewCache::downloaded(const QString& url, const QByteArray& body) {
    const QString extension = sniffExtension(body);
    if (extension.isEmpty()) {
        fail(url, tr("The preview is not a video or a picture."));
        return;
    }
    if (body.size() > d->capBytes) {
        fail(url, tr("The preview is larger than the whole preview cache."));
        return;
    }
    const QString key = keyOf(url);
    d->writes << DiskJob{url, key, key + u'.' + extension, body};
    startNextWrite();
}

void PreviewCache::startNextWrite() {
    if (d->writing || d->writes.isEmpty())
        return;
    DiskJob job = d->writes.takeFirst();
    const qint64 size = job.bytes.size();
    // The least recently used go until the new file fits under the cap.
    QList<QPair<qint64, QString>> byAge;
    for (auto it = d->index.cbegin(); it != d->index.cend(); ++it)
        byAge.append({it->lastUsed, it.key()});
    std::sort(byAge.begin(), byAge.end());
    QStringList evicted;
    for (const auto& [lastUsed, key] : std::as_const(byAge)) {
        if (d->indexedBytes + size <= d->capBytes)
            break;
        const Entry entry = d->index.take(key);
        d->indexedBytes -= entry.size;
        evicted << entry.fileName;
    }
    if (!evicted.isEmpty())
        qCDebug(lcPreviews) << "evicting" << evicted.size() << "previews";
    d->writing = true;
    d->writingBytes = size;
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, job, size] {
        watcher->deleteLater();
        const QString error = watcher->result();
        d->writing = false;
        d->writingBytes = 0;
        if (!job.url.isEmpty()) {
            if (error.isEmpty()) {
                d->index.insert(job.key, {job.fileName, size, ++d->useSequence});
                d->indexedBytes += size;
                d->busy.remove(job.url);
                Q_EMIT previewReady(job.url, QDir(d->dir).filePath(job.fileName));
            } else {
                qCWarning(lcPreviews).noquote() << "cannot write a preview:" << error;
                fail(job.url, tr("The preview could not be saved: %1").arg(error));
            }
        }
        startNextWrite();
    });
    watcher->setFuture(QtConcurrent::run(writeFile, d->dir, job.fileName, job.bytes, evicted));
}

void PreviewCache::fail(const QString& url, const QString& error) {
    d->busy.remove(url);
    Q_EMIT previewFailed(url, error);
}

} // namespace pixverse
