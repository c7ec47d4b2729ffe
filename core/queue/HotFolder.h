#pragma once

#include "core/api/ApiTypes.h"
#include "core/generation/GenerationRequest.h"
#include "core/queue/HotFolderFiles.h"

#include <QDate>
#include <QElapsedTimer>
#include <QFileSystemWatcher>
#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

namespace pixverse {

class JobEngine;
class ModelCatalog;
class PriceBook;

struct HotFolderOptions {
    QString folder;
    //! The generation defaults (generationKeys() of the composer's settings, or the CLI's
    //! options); an image becomes an image-to-video with them.
    QJsonObject defaults;
    //! The most credits the folder's jobs may cost in one local day; empty: no cap.
    std::optional<qint64> dailyCredits;
    int stableMs = 2000;  //!< a file is taken once its size and time stayed the same this long
    int rescanMs = 10000; //!< a full rescan as well as the watcher (it misses events)
    //! Tests: runs on the thread pool between the hashing and the reading of a file.
    std::function<void(const QString& path)> whileReading;
};

//! A watched folder (issue 19): each new image, .txt or .jsonl file in it becomes jobs with
//! the defaults (readBatchSource), queued in one transaction with the origin
//! `hot:<fingerprint>#<item>`, so a file is taken once, also across restarts; then it moves to
//! the `done` subfolder. A file is taken only when its size has been stable; one refused whole
//! moves to `refused` with a `<name>.txt` saying why. Over the daily cap, files wait (and
//! capReached says so) until the next day. The window (Settings) and the CLI's `watch` use it.
//!
//! The fingerprint is the SHA-256 of the file's bytes alone (hotfolder::fingerprintOf): the
//! promise is "nothing sent twice", and the same content under another name (a copy back from
//! done/, a sync tool's "photo (1).jpg") would be money spent on a video already made. Listing,
//! hashing, reading and moving run on the thread pool.
class HotFolder : public QObject {
    Q_OBJECT
public:
    HotFolder(JobEngine* engine, const ModelCatalog* catalog, ApiFamily family,
              const PriceBook* prices, QObject* parent = nullptr);
    ~HotFolder() override;

    static QString doneFolderName() { return QStringLiteral("done"); }
    static QString refusedFolderName() { return QStringLiteral("refused"); }

    //! Watches `options.folder` (created when missing). False, with errorString(), when it
    //! cannot be used.
    bool start(const HotFolderOptions& options);
    void stop();
    bool isWatching() const { return m_watching; }
    QString errorString() const { return m_error; }
    HotFolderOptions options() const { return m_options; }

    //! What the folder's jobs created today (local day) cost: what the service charged (less
    //! refunds) once known, else their price; jobs never sent count nothing.
    qint64 creditsToday() const;
    //! The clock the daily cap counts days by (tests move it to the next day).
    void setClock(std::function<QDateTime()> now);

Q_SIGNALS:
    //! A file became `jobs` queued jobs costing `credits` (-1: unknown).
    void fileQueued(const QString& fileName, int jobs, qint64 credits);
    //! A file was refused whole (moved to `refused`): the sentence says why.
    void fileRefused(const QString& fileName, const QString& reason);
    //! The daily cap holds files back until tomorrow.
    void capReached(const QString& message);
    //! A file whose content was queued before (by this folder, in any run) came again: it went
    //! to `done` without sending anything.
    void fileAlreadyTaken(const QString& fileName);
    //! Lines of a queued file that were not queued, each "source: reason".
    void entriesRefused(const QString& fileName, const QStringList& reasons);

private:
    //! What the folder last saw of a file not taken yet.
    struct Seen {
        qint64 size = -1;
        QDateTime modified;
        qint64 sameSinceMs = 0;
        int unopenable = 0; //!< stable periods it could not be opened
    };
    // Watching (HotFolder.cpp).
    void scan();
    void onListed(const QList<hotfolder::FileFacts>& files);
    //! Whether a listed file is ready to take; updates what was seen of it.
    bool settled(const hotfolder::FileFacts& facts, qint64 nowMs, bool* waiting);
    QDateTime now() const;
    // Taking one file at a time (HotFolderTake.cpp).
    void takeNext();
    void onRead(const hotfolder::FileRead& read);
    //! Checks the daily cap and queues the file, or lets it wait.
    void queueOrWait(const hotfolder::FileRead& read);
    void queueFile(const hotfolder::FileRead& read, qint64 credits);
    //! Moves the file being taken to done/ or (with `reason`) refused/, then takes the next.
    void moveCurrent(const QString& subfolder, const QString& reason);
    void finishCurrent();
    PriceQuote quote(const GenerationRequest& request) const;

    QPointer<JobEngine> m_engine;
    const ModelCatalog* m_catalog;
    ApiFamily m_family;
    const PriceBook* m_prices;
    HotFolderOptions m_options;
    bool m_watching = false;
    QString m_error;

    QFileSystemWatcher m_watcher;
    QTimer m_rescan;
    QTimer m_settle; //!< runs while a file is still changing
    QElapsedTimer m_clock;
    std::function<QDateTime()> m_now;
    int m_run = 0; //!< start() counts up: what a stopped run's work brings back is dropped
    bool m_listing = false;
    bool m_listAgain = false;
    QHash<QString, Seen> m_seen; //!< by absolute path
    QStringList m_ready;         //!< stable, in the order they will be taken
    QString m_current;           //!< the file being taken (read, queued, moved)
    //! Read files held by the daily cap, by path; dropped when the file changes.
    QHash<QString, hotfolder::FileRead> m_waiting;
    //! Files that could not be moved away, by path, with what was seen of them: not retried
    //! until they change.
    QHash<QString, Seen> m_stuck;
    QDate m_capToldOn;
    QList<QFuture<void>> m_work; //!< in flight on the thread pool (waited for at destruction)
};

} // namespace pixverse
