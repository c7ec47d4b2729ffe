#pragma once

#include "core/api/ApiTypes.h"
#include "core/jobs/Job.h"
#include "core/jobs/LedgerEntry.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QString>

#include <array>
#include <functional>
#include <optional>

namespace pixverse {

//! A named collection of jobs (issue 18); a job can be on several. With a folder, the videos of
//! its jobs are also saved there (JobLibrary).
struct Board {
    qint64 id = 0;
    QString name;   //!< unique (case-insensitive), not empty
    QString folder; //!< empty: none
    friend bool operator==(const Board&, const Board&) = default;
};

//! Every job, in SQLite (`<dataDir>/jobs.sqlite`, WAL, `PRAGMA user_version` migrations), with
//! the creator's images copied to `<dataDir>/images/`. The file is the truth: each change is one
//! committed statement before the caller goes on, so a process killed at any point finds every
//! job where it left it. Reads come from an in-memory mirror of the rows (one process writes).
//! Lives on one thread (the GUI thread).
class JobStore : public QObject {
    Q_OBJECT
public:
    //! The schema this build writes. Files of an older version are migrated on open; a newer
    //! file is refused rather than damaged.
    static constexpr int kSchemaVersion = 8;

    explicit JobStore(QObject* parent = nullptr);
    ~JobStore() override;

    //! Opens or creates the store in `dataDir` (the app passes QStandardPaths::AppDataLocation).
    //! False, with errorString(), when the folder or the database cannot be used.
    bool open(const QString& dataDir);
    void close();
    bool isOpen() const { return !m_connection.isEmpty(); }
    QString errorString() const { return m_error; }

    QString dataDir() const { return m_dataDir; }
    QString databasePath() const;
    QString imagesDir() const;
    //! Where the creators' video and audio files are copied: `<dataDir>/media/<sha256>/<name>`.
    QString mediaDir() const;
    static QString databaseFileName() { return QStringLiteral("jobs.sqlite"); }
    //! What the open file says, read from SQLite (tests): `user_version` and `journal_mode`.
    int schemaVersion() const;
    QString journalMode() const;

    //! Adds a job. The store assigns id and timestamps, copies every local input of the request
    //! (copyInputs(): images, source video, audio) into its folders (keeping the start image's
    //! original in `sourceImagePath`) and commits the row before it returns. Fails (Input error)
    //! when an input cannot be read or copied.
    Result<Job> add(Job job);

    //! Adds videos read from the account's list (JobEngine::importAccountVideos) in one
    //! transaction, skipping every job whose remote id the store knows (knowsVideo()) or that
    //! the list repeats. No image is copied. Returns the jobs added (with their ids), in order.
    Result<QList<Job>> importJobs(QList<Job> jobs);
    //! Whether a job of this store holds, or ever held, this remote video id (kept when a job
    //! is retried or removed, so an import never brings such a video back).
    bool knowsVideo(ApiFamily family, qint64 videoId) const;

    std::optional<Job> job(qint64 id) const;
    //! The job in the mirror, not copied (a Job is 1.3 KB with a score of shared strings): for
    //! the models' reads of every row. Valid until the store next changes; null when unknown.
    const Job* find(qint64 id) const;
    QList<Job> jobs() const;               //!< every job, oldest first
    QList<Job> jobs(JobState state) const; //!< in one state, oldest first
    int count(JobState state) const;
    //! Jobs not in a final state, oldest first: what the scheduler and the engine look at (the
    //! finished history can be long).
    QList<Job> unfinished() const;
    int unfinishedCount() const;
    //! Calls `visit` with each job not in a final state, oldest first, without copying them.
    void forEachUnfinished(const std::function<void(const Job&)>& visit) const;
    //! Calls `visit` with every job, oldest first, without copying them: jobs() copies each one,
    //! megabytes at 10,000 jobs. `visit` must not change the store.
    void forEachJob(const std::function<void(const Job&)>& visit) const;
    int jobCount() const;
    //! The jobs that continue `jobId` (their request's parentJobId), oldest first.
    QList<Job> children(qint64 jobId) const;
    //! The take's family: its ancestors (as far as they are still in the store), the take and all
    //! its descendants, in order of creation. Empty when the job is unknown.
    QList<Job> lineage(qint64 jobId) const;

    // --- The library (issue 18): groups of takes, boards, tags, the prompt index -------------
    //! Adds the takes of one click in one transaction: every job as add() does (inputs copied
    //! once), all in one group whose id is the first job's id, takeIndex 0..n-1 in order.
    //! Nothing is added when one fails. Emits jobAdded for each, in order.
    Result<QList<Job>> addGroup(QList<Job> jobs);
    //! The takes of a group, by takeIndex; empty for 0 or an unknown group.
    QList<Job> group(qint64 groupId) const;

    //! Every board, by name (case-insensitive). A job's `boards` only ever hold these ids:
    //! add() and update() drop the others.
    QList<Board> boards() const;
    std::optional<Board> board(qint64 boardId) const;
    //! A new board; an Input error for an empty name or one another board has.
    Result<Board> addBoard(const QString& name, const QString& folder = {});
    //! Renames, or sets the folder of, a board (the same checks as addBoard()).
    Result<Board> updateBoard(const Board& board);
    //! Deletes the board and takes it off every job (the jobs and their files stay).
    bool removeBoard(qint64 boardId);
    //! How many jobs are on the board.
    int boardJobCount(qint64 boardId) const;

    //! Every tag some job has, most used first (ties by name): what tag completion offers.
    QStringList allTags() const;

    //! The jobs whose prompt (or title: an effect's template name) matches every word of `text`
    //! as a word prefix ("storm li" finds "a lighthouse in a storm"), newest first, through the
    //! store's full-text index (SQLite FTS5, kept in step with every add, update and remove).
    //! Empty `text`: every job. Fast enough to run on each keystroke over 10,000 jobs.
    QList<qint64> searchPrompts(const QString& text) const;

    // --- The queue and the money (issue 19) ---------------------------------------------------
    //! Adds several jobs in one transaction, each as add() does (no group): a batch or a hot
    //! folder's file is queued whole or not at all. Emits jobAdded for each, in order.
    Result<QList<Job>> addMany(QList<Job> jobs);
    //! The Queued jobs in the order they will be sent: queueOrder, then id. Held ones included.
    QList<Job> queue() const;
    //! Gives the queued jobs `orderedIds` the places 1..n in that order (one transaction), and
    //! every other queued job a place after them, keeping their order. False when an id is not
    //! a Queued job or SQLite refused (nothing changes then).
    bool reorderQueue(const QList<qint64>& orderedIds);
    //! The queueOrder of a job put in the queue now: after every other (a retried job's).
    qint64 nextQueuePlace() const { return m_queueEnd + 1; }
    //! Whether a stored job has exactly this origin.
    bool hasOrigin(const QString& origin) const;
    //! Every job whose origin starts with `prefix`, oldest first.
    QList<Job> jobsWithOrigin(const QString& prefix) const;

    //! A small value kept with the jobs of this account (the queue's pause, the ledger's sync
    //! point), committed at once; empty when never set.
    QString storedValue(const QString& key) const;
    bool setStoredValue(const QString& key, const QString& value);

    //! Stores ledger entries in one transaction, skipping those already kept (same source,
    //! video id, direction, credits and time). Returns how many were new.
    Result<int> addLedgerEntries(const QList<LedgerEntry>& entries);
    //! The entries of one source with `from` <= at < `until` (invalid: open), oldest first.
    QList<LedgerEntry> ledgerEntries(LedgerEntry::Source source, const QDateTime& from = {},
                                     const QDateTime& until = {}) const;
    //! Sets the job (and its model) of every entry of this video id that has none yet.
    bool matchLedgerEntries(qint64 videoId, qint64 jobId, const QString& model);

    //! Writes every field of `job` (found by id) and stamps `updatedAt`. Its tags are trimmed and
    //! kept once (case-insensitive), its boards sorted, once each, known ones only. False when the
    //! row is unknown or SQLite refused; the mirror then keeps the old values.
    bool update(Job job);
    //! Reads the job, lets `change` edit it, writes it back: one atomic step on this thread.
    bool modify(qint64 id, const std::function<void(Job&)>& change);
    //! Deletes the row (never the video in the library). The copies of its inputs go when no other
    //! job refers to them. Its children stay, their parentJobId unchanged ("from a removed take").
    bool remove(qint64 id);

    //! Copies `sourcePath` to `<imagesDir>/<sha256 of the bytes>.<ext>` (once per content) and
    //! returns the copy's path, or an Input error.
    Result<QString> copyImage(const QString& sourcePath) const;
    //! Copies a video or audio file to `<mediaDir>/<sha256 of the bytes>/<its name>` (once per
    //! content; the name stays so a sidecar can say which file it was) and returns the copy's
    //! path, or an Input error. Blocking and thread-safe.
    Result<QString> copyMedia(const QString& sourcePath) const;
    //! `request` with every local input it uploads (jobInputs()) replaced by the store's copy;
    //! inputs already in the store are not read again. Blocking and thread-safe: enqueueAsync
    //! runs it on the thread pool.
    Result<GenerationRequest> copyInputs(GenerationRequest request) const;
    //! copyInputs() of several requests (a batch), each distinct file read and copied once.
    //! Blocking and thread-safe.
    Result<QList<GenerationRequest>> copyInputs(QList<GenerationRequest> requests) const;
    //! Whether `path` is one of the store's own copies (images or media folder).
    bool isStoreCopy(const QString& path) const;

Q_SIGNALS:
    void jobAdded(qint64 id);
    void jobChanged(qint64 id);
    void jobRemoved(qint64 id);
    //! A board was added, renamed, given a folder or removed.
    void boardsChanged();
    //! Ledger entries were added or matched.
    void ledgerChanged();

private:
    bool migrate(int from);
    bool loadAll();
    //! Gives back what opening needed and the mirror does not: SQLite's cache, the heap's free
    //! pages.
    void releaseLoadMemory();
    bool loadBoards();
    //! Inserts the row and its tags and boards (inside the caller's transaction).
    bool insertRow(Job& job, QString* error);
    //! addGroup() (`grouped`) and addMany(): every job prepared (inputs copied once per
    //! content), placed at the end of the queue in order, inserted in one transaction.
    Result<QList<Job>> addNew(QList<Job> jobs, bool grouped);
    //! Reads the store_values and ledger tables into their mirrors.
    bool loadQueueTables();
    //! What add() and addGroup() do before the row: inputs copied (each distinct file once per
    //! `copies`, original path → copy), timestamps, marks cleaned.
    Result<Job> prepareNew(Job job, QHash<QString, QString>& copies) const;
    Result<GenerationRequest> copyInputs(GenerationRequest request,
                                         QHash<QString, QString>& copies) const;
    //! Tags trimmed and once each (case-insensitive), boards known, sorted and once each.
    void cleanMarks(Job& job) const;
    //! The mirror's indexes over the jobs (groups, tag and board counts), job by job.
    void index(const Job& job);
    void unindex(const Job& job);
    //! Every job's id, newest first (createdAt, then id).
    const QList<qint64>& newestFirst() const;
    //! The board with its name trimmed, or an Input error when it is empty or another's.
    Result<Board> checkBoard(Board board) const;
    //! Writes the job's remote id to `known_videos` (true when it is there now or has none).
    bool rememberVideo(const Job& job);
    bool fail(const QString& message);

    QString m_dataDir;
    QString m_connection; // QSqlDatabase connection name; empty when closed
    QString m_error;
    QMap<qint64, Job> m_jobs;
    QMap<qint64, Board> m_boards;
    // Indexes of the mirror, so the gallery's paint and the tag completion never scan every job.
    QHash<qint64, QList<qint64>> m_groups; // group id → its jobs, by takeIndex
    QHash<QString, int> m_tagUses;         // tag → jobs that have it
    QHash<qint64, int> m_boardUses;        // board id → jobs on it
    mutable QStringList m_tagsByUse;       // allTags(), built again after a tag changed
    mutable bool m_tagsStale = true;
    mutable QList<qint64> m_newestFirst;    // every id, newest first; built again after a job came,
    mutable bool m_orderStale = true;       // went or changed its createdAt
    QHash<QString, QString> m_storedValues; // storedValue(): the table, mirrored
    QList<LedgerEntry> m_ledger;            // the ledger table, mirrored, by row id
    qint64 m_queueEnd = 0; // the highest queueOrder any job has: a new job goes after it
    std::array<QSet<qint64>, 2> m_knownVideos; // remote ids ever held, by family (openapi, web)
};

} // namespace pixverse
