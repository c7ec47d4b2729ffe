#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QNetworkAccessManager;

namespace pixverse {

//! Preview clips and stills of the effect templates, downloaded on demand and kept on disk under
//! a size cap (least recently used go first). Downloads and file writes never run on the GUI
//! thread; looking up a cached file reads only an index kept in memory.
class PreviewCache : public QObject {
    Q_OBJECT
public:
    //! `dir`: the cache directory (created when missing); `capBytes`: the most it may hold.
    PreviewCache(const QString& dir, qint64 capBytes, QNetworkAccessManager* network,
                 QObject* parent = nullptr);
    ~PreviewCache() override;

    //! The file holding `url`'s media, or empty when it is not cached (yet).
    QString cachedFile(const QString& url) const;
    //! Downloads `url` unless it is cached or already under way; previewReady() or
    //! previewFailed() follows (previewReady() at once, queued, when it is cached).
    void fetch(const QString& url);
    qint64 capBytes() const;
    qint64 usedBytes() const;

Q_SIGNALS:
    void previewReady(const QString& url, const QString& file);
    //! `error`: one translated sentence. The list goes on without that preview.
    void previewFailed(const QString& url, const QString& error);

private:
    struct DiskJob;
    void indexBuilt();
    void pump();
    void download(const QString& url);
    void downloaded(const QString& url, const QByteArray& body);
    void startNextWrite();
    void fail(const QString& url, const QString& error);

    struct State;
    std::unique_ptr<State> d;
};

} // namespace pixverse
