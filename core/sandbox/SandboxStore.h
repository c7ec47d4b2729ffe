#pragma once

#include "core/sandbox/SandboxState.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <memory>

QT_BEGIN_NAMESPACE
class QLockFile;
QT_END_NAMESPACE

namespace pixverse::sandbox {

//! Keeps a SandboxState in a directory (SandboxConfig::stateDir), so a restarted sandbox continues
//! like the real service: an SQLite file (WAL) of small JSON records (accounts and credits, web
//! sessions, videos, registered images, object metadata, the trace-id answers of requests that
//! changed something, id counters, lifetime stats, the clock) and uploaded bytes as files.
//!
//! save() runs after every request, before its answer leaves: it writes, in one transaction, only
//! the records that differ from what the store holds, so a status poll that changes nothing writes
//! nothing. No secret is written: API keys, web tokens and trace-cache keys are stored as SHA-256
//! digests, and the object store's temporary upload credentials are not kept (a PUT signed with
//! credentials from before a restart is refused as InvalidAccessKeyId; the client asks again).
//!
//! The clock: sandbox time keeps running while the sandbox is stopped, as on the real service, so
//! a video that was generating has finished if its time went by. After a clean stop that time
//! counts at 1×; after a kill, at the speed the clock ran at when last saved (a speed change is
//! saved at once), so no status a client saw before the kill goes back afterwards.
class SandboxStore {
    Q_DECLARE_TR_FUNCTIONS(SandboxStore)

public:
    explicit SandboxStore(QString dir);
    ~SandboxStore();
    SandboxStore(const SandboxStore&) = delete;
    SandboxStore& operator=(const SandboxStore&) = delete;

    //! Creates the directory and the database, locks the directory against a second sandbox and
    //! reads everything into `state` (made from its config, nothing served yet). False and
    //! errorString() otherwise.
    bool open(SandboxState& state);
    //! Writes what changed since the last save; `clockChanged`: the clock's speed or time was
    //! set, so it is written even when nothing else changed. False (and a warning) on a failure.
    bool save(const SandboxState& state, bool clockChanged = false);
    //! A clean stop: from now on the stopped time counts at 1× (a test's fast clock stops here).
    void close(const SandboxState& state);
    //! The port of the previous run (0: none), tried first so stored video URLs keep working.
    quint16 previousPort() const { return m_previousPort; }
    QString errorString() const { return m_error; }

    //! Removes the store's files from `dir` (nothing else there).
    static bool reset(const QString& dir, QString* error);

private:
    using Records = QHash<QString, QByteArray>; // "kind/key" → compact JSON

    //! Every record but the videos (see m_writtenVideos).
    Records records(const SandboxState& state) const;
    void restore(SandboxState& state, const Records& stored);
    //! The clock now; `stoppedSpeed`: how fast its time runs while the sandbox is not running.
    QByteArray clockRecord(const SandboxState& state, double stoppedSpeed) const;
    void restoreClock(SandboxState& state, const QByteArray& record);
    QString blobPath(const QString& recordName) const;
    bool writeBlob(const QString& recordName, const SandboxState& state);
    bool fail(const QString& message);

    QString m_dir;
    QString m_connection;
    std::unique_ptr<QLockFile> m_lock;
    Records m_written; // what the database holds, of the records this run understood
    QHash<qint64, SandboxState::Video> m_writtenVideos; // as the database holds them
    quint16 m_previousPort = 0;
    QString m_error;
};

} // namespace pixverse::sandbox
