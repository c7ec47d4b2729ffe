// JobLibrary's part for the creator's library (issue 18): marks written into the sidecars,
// board folders, what a saved video says about itself, cleanups to the trash.
#include "core/jobs/JobLibrary.h"
#include "core/jobs/JobLibraryFiles.h"
#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"
#include "core/jobs/JobTransitions.h"
#include "core/jobs/SidecarWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPointer>
#include <QStandardPaths>
#include <QtConcurrent>

#include <algorithm>

namespace pixverse {

namespace {

//! Moves each file that exists to the desktop's trash, in order. Empty, or the sentence for
//! the first that could not go (the ones after it are left).
QString moveToTrash(const QStringList& files) {
    for (const QString& path : files) {
        if (path.isEmpty() || !QFileInfo::exists(path))
            continue;
        if (!homeTrashReady() || !QFile::moveToTrash(path)) {
            qCWarning(lcJobs).noquote() << "cannot move" << path << "to the trash";
            return QCoreApplication::translate("pixverse::JobLibrary",
                                               "“%1” could not be moved to the trash, so its "
                                               "job stays in the list.")
                .arg(QDir::toNativeSeparators(path));
        }
    }
    return {};
}

//! Takes the job off the list once its files went to the trash; its thumbnail (ours, made again
//! on demand) is deleted.
bool forgetJob(JobStore* store, const Job& job) {
    if (!job.thumbnailPath.isEmpty())
        QFile::remove(job.thumbnailPath);
    return store && store->remove(job.id);
}

} // namespace

bool homeTrashReady() {
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (data.isEmpty() || !QDir().mkpath(data))
        return false;
    const QString trash = QDir(data).filePath(QStringLiteral("Trash"));
    if (!QFileInfo::exists(trash))
        QDir().mkdir(trash, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return QFileInfo(trash).isDir();
}

QStringList JobLibrary::normalizedTags(const QStringList& tags) {
    QStringList clean;
    for (const QString& tag : tags) {
        const QString word = tag.simplified();
        if (!word.isEmpty() && !clean.contains(word, Qt::CaseInsensitive))
            clean.append(word);
    }
    return clean;
}

QJsonObject JobLibrary::marksFor(const Job& job) const {
    QStringList names;
    if (m_store) {
        for (const qint64 id : job.boards) {
            if (const std::optional<Board> board = m_store->board(id))
                names.append(board->name);
        }
    }
    const int takes =
        m_store && job.groupId != 0 ? static_cast<int>(m_store->group(job.groupId).size()) : 0;
    return marksJson(job, names, takes);
}

bool JobLibrary::saveSidecar(Job& job) const {
    QJsonObject json = sidecarFor(job, parentOf(job));
    const QJsonObject marks = marksFor(job);
    for (auto mark = marks.begin(); mark != marks.end(); ++mark)
        json.insert(mark.key(), mark.value());
    return writeSidecarJson(job, json);
}

VideoMetadata JobLibrary::metadataFor(const Job& job) const {
    const QString title = JobListModel::titleOf(job);
    const QString prompt = job.request.prompt.isEmpty() ? title : job.request.prompt;
    const QString settings = JobListModel::settingsTextOf(job, *m_catalog);
    return {title, prompt.isEmpty() ? settings : prompt + u'\n' + settings};
}

void JobLibrary::rewriteSidecar(qint64 jobId) const {
    const std::optional<Job> job = m_store ? m_store->job(jobId) : std::nullopt;
    if (!job || job->state != JobState::Done || job->videoPath.isEmpty() ||
        job->sidecarPath.isEmpty())
        return;
    QJsonObject whole = sidecarFor(*job, parentOf(*job));
    const QJsonObject marks = marksFor(*job);
    for (auto mark = marks.begin(); mark != marks.end(); ++mark)
        whole.insert(mark.key(), mark.value());
    SidecarWriter::instance().updateAsync(job->sidecarPath, marks, whole);
}

void JobLibrary::changeMarks(const QList<qint64>& jobIds, const std::function<void(Job&)>& change) {
    if (!m_store)
        return;
    for (const qint64 id : jobIds) {
        const std::optional<Job> before = m_store->job(id);
        if (!before)
            continue;
        Job after = *before;
        change(after);
        const bool same = after.rating == before->rating && after.rejected == before->rejected &&
                          after.picked == before->picked && after.tags == before->tags &&
                          after.boards == before->boards;
        if (!same && m_store->modify(id, change))
            rewriteSidecar(id);
    }
}

void JobLibrary::setRating(const QList<qint64>& jobIds, int stars) {
    changeMarks(jobIds, [stars](Job& job) { job.rating = std::clamp(stars, 0, 5); });
}

void JobLibrary::setRejected(const QList<qint64>& jobIds, bool rejected) {
    changeMarks(jobIds, [rejected](Job& job) { job.rejected = rejected; });
}

void JobLibrary::pick(qint64 jobId) {
    const std::optional<Job> job = m_store ? m_store->job(jobId) : std::nullopt;
    if (!job)
        return;
    if (job->groupId != 0) { // one pick per group
        QList<qint64> others;
        for (const Job& take : m_store->group(job->groupId)) {
            if (take.id != jobId)
                others.append(take.id);
        }
        changeMarks(others, [](Job& take) { take.picked = false; });
    }
    changeMarks({jobId}, [](Job& take) { take.picked = true; });
}

void JobLibrary::setTags(qint64 jobId, const QStringList& tags) {
    const QStringList clean = normalizedTags(tags);
    changeMarks({jobId}, [&clean](Job& job) { job.tags = clean; });
}

void JobLibrary::addTag(const QList<qint64>& jobIds, const QString& tag) {
    changeMarks(jobIds,
                [&tag](Job& job) { job.tags = normalizedTags(job.tags + QStringList{tag}); });
}

void JobLibrary::removeTag(const QList<qint64>& jobIds, const QString& tag) {
    const QString word = tag.simplified();
    changeMarks(jobIds, [&word](Job& job) {
        job.tags.removeIf(
            [&word](const QString& t) { return t.compare(word, Qt::CaseInsensitive) == 0; });
    });
}

void JobLibrary::setOnBoard(const QList<qint64>& jobIds, qint64 boardId, bool on) {
    if (!m_store || (on && !m_store->board(boardId)))
        return;
    changeMarks(jobIds, [boardId, on](Job& job) {
        job.boards.removeAll(boardId);
        if (on) {
            job.boards.append(boardId);
            std::sort(job.boards.begin(), job.boards.end());
        }
    });
    if (!on)
        return; // the copies in the board's folder are the creator's files now: they stay
    for (const qint64 id : jobIds) {
        if (const std::optional<Job> job = m_store->job(id))
            copyToBoardFolders(*job);
    }
}

QStringList JobLibrary::boardCopiesOf(const Job& job) const {
    QStringList copies;
    if (!m_store)
        return copies;
    for (const qint64 id : job.boards) {
        const std::optional<Board> board = m_store->board(id);
        if (board && !board->folder.isEmpty())
            copies.append(QDir(board->folder).filePath(fileNameFor(job)));
    }
    return copies;
}

void JobLibrary::copyToBoardFolders(const Job& job) const {
    copyInto(job, boardCopiesOf(job));
}

Result<Board> JobLibrary::setBoardFolder(qint64 boardId, const QString& folder) {
    std::optional<Board> board = m_store ? m_store->board(boardId) : std::nullopt;
    if (!board)
        return Result<Board>::failure(ApiError::input(
            QCoreApplication::translate("pixverse::JobStore", "There is no such board.")));
    board->folder = folder;
    const Result<Board> changed = m_store->updateBoard(*board);
    if (!changed.ok() || folder.isEmpty())
        return changed;
    // The board's jobs saved before it had a folder get their copies now, as later ones will.
    for (const Job& job : m_store->jobs()) {
        if (job.boards.contains(boardId))
            copyInto(job, {QDir(folder).filePath(fileNameFor(job))});
    }
    return changed;
}

void JobLibrary::copyInto(const Job& job, const QStringList& copies) const {
    if (job.state != JobState::Done || job.videoPath.isEmpty() || copies.isEmpty())
        return;
    const QString video = job.videoPath;
    const QString sidecar = job.sidecarPath;
    QThreadPool::globalInstance()->start([video, sidecar, copies] {
        if (!QFileInfo::exists(video))
            return;
        for (const QString& copy : copies) {
            QDir().mkpath(QFileInfo(copy).absolutePath());
            QString error = copyVideo(video, copy);
            if (error.isEmpty() && !sidecar.isEmpty() && QFileInfo::exists(sidecar))
                error = copyVideo(sidecar, SidecarWriter::pathFor(copy));
            if (!error.isEmpty())
                qCWarning(lcJobs).noquote() << "board copy not made:" << error;
        }
    });
}

QList<qint64> JobLibrary::cleanupCandidates(Cleanup kind, const QList<qint64>& among) const {
    QList<qint64> ids;
    if (!m_store)
        return ids;
    for (const qint64 id : among) {
        const std::optional<Job> job = m_store->job(id);
        if (!job || !isTerminal(job->state))
            continue;
        const bool kept = kind == Cleanup::Rejected
                              ? !job->rejected
                              : job->picked || job->favourite || job->rating > 0;
        if (!kept)
            ids.append(id);
    }
    return ids;
}

QStringList JobLibrary::filesOf(const Job& job) const {
    QStringList files{job.videoPath, job.sidecarPath};
    for (const QString& copy : boardCopiesOf(job))
        files << copy << SidecarWriter::pathFor(copy);
    files.removeAll(QString());
    return files;
}

JobLibrary::TrashResult JobLibrary::trashJobs(const QList<qint64>& jobIds) {
    TrashResult result;
    if (!m_store)
        return result;
    for (const qint64 id : jobIds) {
        const std::optional<Job> job = m_store->job(id);
        if (!job)
            continue;
        if (const QString failure = moveToTrash(filesOf(*job)); !failure.isEmpty()) {
            result.failures.append(failure);
            continue;
        }
        if (forgetJob(m_store, *job))
            ++result.removed;
    }
    return result;
}

void JobLibrary::trashJobsAsync(const QList<qint64>& jobIds, QObject* context,
                                std::function<void(TrashResult)> done) {
    QList<QPair<qint64, QStringList>> files;
    for (const qint64 id : jobIds) {
        if (const std::optional<Job> job = m_store ? m_store->job(id) : std::nullopt)
            files.append({id, filesOf(*job)});
    }
    using Outcome = QList<QPair<qint64, QString>>; // job id, failure sentence (empty: trashed)
    // Owned by `context`: when it dies first, the files still go but nobody is told.
    auto* watcher = new QFutureWatcher<Outcome>(context);
    QObject::connect(watcher, &QFutureWatcher<Outcome>::finished, watcher,
                     [watcher, store = m_store, done = std::move(done)] {
                         watcher->deleteLater();
                         TrashResult result;
                         for (const auto& [id, failure] : watcher->result()) {
                             const std::optional<Job> job = store ? store->job(id) : std::nullopt;
                             if (!failure.isEmpty())
                                 result.failures.append(failure);
                             else if (job && forgetJob(store, *job))
                                 ++result.removed;
                         }
                         if (done)
                             done(result);
                     });
    watcher->setFuture(QtConcurrent::run([files] {
        Outcome outcome;
        for (const auto& [id, paths] : files)
            outcome.append({id, moveToTrash(paths)});
        return outcome;
    }));
}

} // namespace pixverse
