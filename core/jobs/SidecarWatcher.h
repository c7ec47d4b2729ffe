#pragma once

#include <QDateTime>
#include <QFileSystemWatcher>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace pixverse {

class JobLibrary;
class JobStore;
struct Board;
struct Job;

//! Picks up the creator's edits to the sidecars the app wrote (issue 18): `rating`, `rejected`,
//! `picked`, `tags` and `boards` (by name; a name no board has is ignored, with a log line) go
//! into the store without the sidecar being written back. The app's own writes are recognised
//! (SidecarWriter) and not taken as edits; a file that is no JSON object changes nothing (the
//! sentence of sidecarUnreadable, and a warning in the log).
//!
//! Cheap with 10,000 jobs: the folders are watched (a file replaced by a rename, as editors and
//! the app save, shows there), plus the newest kFileWatches files themselves (an edit in place
//! shows only on the file); a change is found by comparing time and size of the folder's
//! sidecars on the thread pool, and only changed files are read.
class SidecarWatcher : public QObject {
    Q_OBJECT
public:
    static constexpr int kFileWatches = 2000;

    //! Follows the sidecars of the jobs in `library`'s store, which outlives the watcher.
    explicit SidecarWatcher(JobLibrary* library, QObject* parent = nullptr);
    ~SidecarWatcher() override;

    //! `job` with the marks an edited `sidecar` says: `rating` (a number, 0–5), `rejected` and
    //! `picked` (booleans), `tags` (normalised), `boards` (names of `boards`, any case; each name
    //! no board has goes to `unknownBoards`). A key of another type changes nothing.
    static Job marksRead(const QJsonObject& sidecar, const Job& job, const QList<Board>& boards,
                         QStringList* unknownBoards = nullptr);

    //! How many sidecars it follows.
    int sidecarCount() const { return static_cast<int>(m_sidecars.size()); }
    //! The files were looked at once (thread pool): edits from now on are seen.
    bool isReady() const { return m_ready; }

Q_SIGNALS:
    void becameReady();
    //! A sidecar that changed on disk was read; `applied`: an edit reached the store (false for
    //! the app's own write, a file saying what the store says, or one that is no JSON).
    void sidecarChecked(qint64 jobId, bool applied);
    //! A sidecar edited into something that is no JSON object: its marks were not read (the
    //! job keeps the ones it had, the file is left as it is for the creator to correct). The
    //! sentence names the file and where its JSON breaks.
    void sidecarUnreadable(qint64 jobId, const QString& sentence);

private:
    struct Sidecar {
        qint64 jobId = 0;
        QString folder;
        QDateTime modified; //!< as last seen; invalid: not seen yet
        qint64 size = -1;
    };
    struct Changed {
        QString path;
        QDateTime modified;
        qint64 size = -1;
        QByteArray bytes;
    };

    void follow(qint64 jobId);
    void unfollow(qint64 jobId);
    //! Marks `folder` to be looked at once events settle (editors write in several steps).
    void schedule(const QString& folder);
    void checkScheduled();
    void onChecked(const QList<Changed>& changed);
    //! The edit's marks into the store; false when they say what the store says.
    bool apply(qint64 jobId, const QJsonObject& sidecar);

    JobLibrary* m_library;
    QPointer<JobStore> m_store;
    QFileSystemWatcher m_watcher;
    QHash<QString, Sidecar> m_sidecars; //!< by path
    QHash<qint64, QString> m_pathOf;    //!< job id → its sidecar
    QHash<QString, int> m_folders;      //!< watched folder → sidecars in it
    QSet<QString> m_scheduled;          //!< folders to look at
    int m_fileWatches = 0;              //!< files watched themselves
    bool m_ready = false;
    QTimer m_settle;
};

} // namespace pixverse
