#pragma once

#include "core/api/ApiTypes.h"
#include "core/generation/GenerationRequest.h"

#include <QFileSystemWatcher>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

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
};

//! A watched folder (issue 19): each new image, .txt or .jsonl file in it becomes jobs with
//! the defaults (readBatchSource), queued in one transaction with the origin
//! `hot:<fingerprint>#<item>`, so a file is taken once, also across restarts; then it moves to
//! the `done` subfolder. A file is taken only when its size has been stable; one refused whole
//! moves to `refused` with a `<name>.txt` saying why. Over the daily cap, files wait (and
//! capReached says so) until the next day. The window (Settings) and the CLI's `watch` use it.
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

Q_SIGNALS:
    //! A file became `jobs` queued jobs costing `credits` (-1: unknown).
    void fileQueued(const QString& fileName, int jobs, qint64 credits);
    //! A file was refused whole (moved to `refused`): the sentence says why.
    void fileRefused(const QString& fileName, const QString& reason);
    //! The daily cap holds files back until tomorrow.
    void capReached(const QString& message);

private:
    QPointer<JobEngine> m_engine;
    const ModelCatalog* m_catalog;
    ApiFamily m_family;
    const PriceBook* m_prices;
    HotFolderOptions m_options;
    bool m_watching = false;
    QString m_error;
};

} // namespace pixverse
