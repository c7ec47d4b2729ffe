#pragma once

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <mutex>

namespace pixverse {

//! Writes the jobs' sidecars (`<video>.json`), one write at a time per file and the newest last,
//! and remembers what it wrote, so that the SidecarWatcher tells the app's own writes from the
//! creator's edits. One per process (the files are the process's, whichever library writes
//! them). Thread-safe.
class SidecarWriter {
public:
    static SidecarWriter& instance();

    //! Writes the sidecar at `path` on the thread pool: the file's own keys are kept and `marks`
    //! (the creator's marks) replace theirs; `whole` is written instead when the file is missing
    //! or is no JSON object. Nothing is written when the video beside it is gone. A write still
    //! waiting when a newer one for the same file comes is skipped. True when written (or
    //! skipped for a newer one).
    QFuture<bool> updateAsync(const QString& path, const QJsonObject& marks,
                              const QJsonObject& whole);
    //! What updateAsync() writes over a file holding `current`: its keys with `marks`' (and no
    //! `group` unless `marks` has one), or `whole` when `current` is no JSON object or empty.
    static QJsonObject merged(const QByteArray& current, const QJsonObject& marks,
                              const QJsonObject& whole);
    //! Writes `json` to `path` now (blocking), after any write of it in progress. Empty on
    //! success, else the reason.
    QString write(const QString& path, const QJsonObject& json);
    //! Whether `bytes` are what this process last wrote (or is writing) to `path`.
    bool wroteThis(const QString& path, const QByteArray& bytes) const;

    //! The sidecar beside a video: `<folder>/<base name>.json`.
    static QString pathFor(const QString& videoPath);
    //! The sidecar's JSON as it is written.
    static QByteArray bytesOf(const QJsonObject& json);

private:
    struct File;
    std::shared_ptr<File> file(const QString& path);
    //! Writes `bytes` to `file` with QSaveFile (its lock held); records them first.
    static QString commit(File& file, const QString& path, const QByteArray& bytes);

    // std::mutex, not QMutex, here and in File: ThreadSanitizer sees its locking (Qt 6.4's QMutex
    // waits in Qt's own uninstrumented code).
    mutable std::mutex m_mutex;
    QHash<QString, std::shared_ptr<File>> m_files;
};

} // namespace pixverse
