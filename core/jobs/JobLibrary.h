#pragma once

#include "core/generation/GenerationRequest.h"
#include "core/jobs/Job.h"
#include "core/jobs/JobStore.h"
#include "core/media/VideoMetadata.h"

#include <QJsonObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

class QObject;

namespace pixverse {

class JobStore;
class ModelCatalog;

//! The jobs' files on disk and the bookkeeping that goes with them: how a video is named, its
//! JSON sidecar, removing a job with its files, what "download again" resets. Widgets call it
//! instead of touching files or the store themselves; the engine saves through it.
class JobLibrary {
public:
    //! `store` may be null (nobody signed in): every change then fails.
    explicit JobLibrary(JobStore* store, QString libraryFolder = {});

    JobStore* store() const;
    //! The table continuation() and frameRequest() pick models from (default: the built-in one).
    void setCatalog(const ModelCatalog* catalog);
    const ModelCatalog* catalog() const { return m_catalog; }
    void setLibraryFolder(const QString& folder) { m_folder = folder; }
    QString libraryFolder() const { return m_folder; }

    //! `2026-05-24_1432_a-lighthouse-in-a-storm_370981546391559.mp4` (local time of creation);
    //! an effect whose prompt is its template's says the template's name instead.
    static QString fileNameFor(const Job& job);
    //! The sidecar written beside a video: prompt, settings, seed, model, family, ids, size; for
    //! the modes of issue 16 `mode_details` (source video id or file, speaker, text, sound
    //! prompt, keep original sound), for an effect {template_id, template_name}, for fusion
    //! {references: [{type, name}]}, and, for a take that continues another, `parent` (`job_id`,
    //! and `video_id` and `file` when the parent is known: pass it). The creator's marks as
    //! marksFor() writes them, but without the store's facts (board names, group size).
    static QJsonObject sidecarFor(const Job& job, const std::optional<Job>& parent = std::nullopt);
    //! The creator's marks as a sidecar carries them (issue 18): `rating`, `rejected`, `picked`,
    //! `tags`, `boards` (names) and, for a take, `group` {id, take, takes}.
    QJsonObject marksFor(const Job& job) const;
    //! Where the job's video goes in the library folder.
    QString targetPathFor(const Job& job) const;
    //! Writes `<video>.json` beside `job.videoPath` and records it in `job.sidecarPath`.
    static bool writeSidecar(Job& job, const std::optional<Job>& parent = std::nullopt);
    //! writeSidecar() with the parent and the marks the store knows (board names, group size):
    //! what the save step writes. Blocking (a few KB).
    bool saveSidecar(Job& job) const;
    //! What the saved video says about itself: the title (JobListModel::titleOf) and, as
    //! comment, the whole prompt and the settings line.
    VideoMetadata metadataFor(const Job& job) const;
    //! The copies of the job's video in the folders of the boards it is on (they may not exist).
    QStringList boardCopiesOf(const Job& job) const;
    //! Copies the job's saved video and sidecar into the folder of each of its boards that has
    //! one (thread pool; a copy that fails is a warning in the log).
    void copyToBoardFolders(const Job& job) const;
    //! Gives a board a folder (empty: none) and copies into it the saved videos (and sidecars)
    //! of the jobs already on the board, on the thread pool, as a job put on it later gets.
    Result<Board> setBoardFolder(qint64 boardId, const QString& folder);
    //! The parent job of `job` from the store, when it has one and it is still there.
    std::optional<Job> parentOf(const Job& job) const;

    //! A request continuing the finished `take` in `mode` (extend, upscale, sound effect, lip
    //! sync): the take's video on the service as the source (sourceVideoId), parentJobId, what
    //! is known of the source (length of the saved file, else the asked duration; size), the
    //! take's model when the catalog says it takes `mode` in the take's family, else the
    //! catalog's default for it; the take's quality; the take's prompt for extend (to edit),
    //! none otherwise.
    GenerationRequest continuation(const Job& take, GenerationMode mode) const;
    //! "Last frame → next start": an image-to-video (`role` Start) or a transition (`role`
    //! FirstFrame or LastFrame) from `pngPath` (a frame of the take), with parentJobId = take.id,
    //! the take's prompt, aspect ratio and quality, and a model as continuation() picks it.
    GenerationRequest frameRequest(const Job& take, const QString& pngPath,
                                   RequestImage::Role role) const;

    //! Its video is in the library and the file is there.
    static bool hasVideoFile(const Job& job);
    //! The folder that holds the job's video; empty when it has none.
    static QString folderOf(const Job& job);
    //! The request to put back in the editor: the store's copy of the image, or the original
    //! when the copy is gone; an effect's template facts and fusion's named references as
    //! they were (the store's copies of their images).
    static GenerationRequest reusableRequest(const Job& job);
    //! Copies a finished video (blocking; run it off the GUI thread). Empty, or a sentence.
    static QString copyVideo(const QString& source, const QString& target);

    //! Records the picture the gallery made for a job. False without a store or such a job.
    bool setThumbnail(qint64 jobId, const QString& path);
    //! Marks the jobs as favourites (or not).
    void setFavourite(const QList<qint64>& jobIds, bool favourite);
    // --- The creator's marks (issue 18). Each change is committed to the store, then written
    // into the job's sidecar (on the thread pool) so the file carries it too.
    //! 1–5 stars; 0 takes the rating away.
    void setRating(const QList<qint64>& jobIds, int stars);
    void setRejected(const QList<qint64>& jobIds, bool rejected);
    //! Marks `jobId` as the picked take; the other takes of its group lose their pick.
    void pick(qint64 jobId);
    //! The job's tags as given (trimmed, empty and repeated ones dropped, case-insensitive).
    void setTags(qint64 jobId, const QStringList& tags);
    void addTag(const QList<qint64>& jobIds, const QString& tag);
    //! Tags as a job keeps them: trimmed, without empty ones, each word once (case-insensitive;
    //! its first spelling kept).
    static QStringList normalizedTags(const QStringList& tags);
    void removeTag(const QList<qint64>& jobIds, const QString& tag);
    //! Puts the jobs on a board or takes them off. A board with a folder gets a copy of each
    //! video that is in the library (and of those saved later).
    void setOnBoard(const QList<qint64>& jobIds, qint64 boardId, bool on);

    //! Rewrites the marks in the job's sidecar (thread pool, one write at a time per file) when
    //! it has a saved video with a sidecar.
    void rewriteSidecar(qint64 jobId) const;

    //! What a cleanup of the gallery sweeps away.
    enum class Cleanup {
        Rejected,               //!< "Remove rejected"
        AllButPickedAndStarred, //!< everything not picked, not a favourite and not rated
    };
    //! The jobs of `among` (the ones the gallery shows) a cleanup would remove; only finished
    //! ones (a job still running is never swept).
    QList<qint64> cleanupCandidates(Cleanup kind, const QList<qint64>& among) const;
    struct TrashResult {
        int removed = 0;
        QStringList failures; //!< a sentence per job whose files could not go to the trash
    };
    //! Moves each job's video and sidecar to the desktop's trash (QFile::moveToTrash; never
    //! deleted outright) and takes the job off the list. A job whose file cannot go to the trash
    //! stays, with a sentence in `failures`. Board folders' copies go to the trash too; the
    //! thumbnail (ours) is deleted. Blocking: trashJobsAsync() from the GUI.
    TrashResult trashJobs(const QList<qint64>& jobIds);
    //! trashJobs() with the files moved on the thread pool; the jobs leave the store, and `done`
    //! runs, on this thread unless `context` died.
    void trashJobsAsync(const QList<qint64>& jobIds, QObject* context,
                        std::function<void(TrashResult)> done);

    //! Takes a job off the list; with `deleteFiles` its video and sidecar go to the trash (removed
    //! where there is none) and its thumbnail is deleted. False when a file could not be deleted.
    bool remove(const Job& job, bool deleteFiles);
    //! Readies a job whose video the service made for another download (state Downloading, a
    //! fresh URL to be asked for, a target name). False when its state does not allow it.
    bool prepareRedownload(Job& job) const;

private:
    //! Copies a saved video and its sidecar to each of `copies` (paths), on the thread pool.
    void copyInto(const Job& job, const QStringList& copies) const;
    //! Commits `change` to each job, then rewrites the sidecar of each one that changed.
    void changeMarks(const QList<qint64>& jobIds, const std::function<void(Job&)>& change);
    //! The files of `job` a trash takes: video, sidecar and board folders' copies.
    QStringList filesOf(const Job& job) const;

    //! The take's model when it takes `mode` in the family, else the catalog's default for it.
    QString modelFor(const Job& take, GenerationMode mode) const;

    QPointer<JobStore> m_store;
    QString m_folder;
    const ModelCatalog* m_catalog;
};

} // namespace pixverse
