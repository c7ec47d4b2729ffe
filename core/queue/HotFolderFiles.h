#pragma once

// The hot folder's work on files (issue 19), each function blocking and thread-safe: HotFolder
// runs them on the thread pool, so the GUI thread never lists, hashes or moves a file.
#include "core/queue/BatchFile.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>

namespace pixverse::hotfolder {

//! What one listing saw of a file the folder might take.
struct FileFacts {
    QString path; //!< absolute
    qint64 size = -1;
    QDateTime modified;
    bool regular = false;  //!< a regular file (a link followed); not a FIFO, not a broken link
    bool openable = false; //!< a regular file that opened for reading just now
};

//! Whether a file of this name is one the folder takes: an image (png, jpg, jpeg, webp), a
//! prompt list (.txt) or JSON Lines (.jsonl); never hidden, never a download's `.part`.
bool isCandidateName(const QString& fileName);

//! The candidates directly in `folder` (done/ and refused/ are folders, never listed), by name;
//! broken links and links in a loop are listed too (they are refused with a sentence).
QList<FileFacts> listCandidates(const QString& folder);

//! What reading a file gave: its fingerprint, its entries (each with its refusal, if any), or
//! why the whole file is refused.
struct FileRead {
    QString path;
    qint64 size = -1; //!< as listed when the reading began
    QDateTime modified;
    QString fingerprint; //!< SHA-256 of the content, hex; empty when it could not be read
    BatchContents contents;
    QString refusal; //!< the whole file is refused (unreadable, a link in a loop, not a batch)
    //! Its size or time changed while it was read: what was read may be half old, half new, so
    //! nothing of it is queued; the file waits to be stable again and is read anew.
    bool changedWhileRead = false;
};

//! The fingerprint: the SHA-256 of the bytes, so the same content is taken once whatever its
//! name (a copy back from done/, a sync tool's "photo (1).jpg"). Empty, with `error`, when the
//! file cannot be read.
QString fingerprintOf(const QString& path, QString* error);

//! Hashes and reads `path`: an image becomes one image-to-video entry with `defaults`
//! (readImageFolder over a folder holding only it), a .txt or .jsonl its lines
//! (readBatchFile). `whileReading` (tests) runs between the hashing and the reading.
FileRead readFile(const QString& path, const QJsonObject& defaults, const ModelCatalog& catalog,
                  ApiFamily family, const std::function<void(const QString&)>& whileReading = {});

//! Moves `path` into `<its folder>/<subfolder>` (made when missing), as "name (2).ext" when the
//! name is taken there. Returns the new path, or empty with `error`.
QString moveInto(const QString& path, const QString& subfolder, QString* error);

//! Moves `path` to refused/ and writes `<its new name>.txt` beside it with `reason`. Returns
//! the new path, or empty with `error`.
QString refuse(const QString& path, const QString& subfolder, const QString& reason,
               QString* error);

} // namespace pixverse::hotfolder
