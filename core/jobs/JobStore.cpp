#include "core/jobs/JobStore.h"

#include "core/jobs/JobRows.h"
#include "core/jobs/OnThreadPool.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMimeDatabase>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <array>
#include <atomic>
#include <utility>
#include <vector>

#ifdef __GLIBC__
#include <malloc.h> // malloc_trim
#endif

namespace pixverse {

using job_rows::columns;
using job_rows::JobReader;
using job_rows::migrations;
using job_rows::readMarks;
using job_rows::readRequest;
using job_rows::RequestText;
using job_rows::RowStep;
using job_rows::rowStep;
using job_rows::rowValues;
using job_rows::writeBoards;
using job_rows::writeTags;

namespace {

QString sqlError(const QSqlQuery& query) {
    return query.lastError().text();
}

int familyIndex(ApiFamily family) {
    return family == ApiFamily::Web ? 1 : 0;
}

std::atomic<int> g_connectionCounter{0};

} // namespace

JobStore::JobStore(QObject* parent)
    : QObject(parent) {}

JobStore::~JobStore() {
    close();
}

QString JobStore::databasePath() const {
    return QDir(m_dataDir).filePath(databaseFileName());
}

QString JobStore::imagesDir() const {
    return QDir(m_dataDir).filePath(QStringLiteral("images"));
}

QString JobStore::mediaDir() const {
    return QDir(m_dataDir).filePath(QStringLiteral("media"));
}

bool JobStore::fail(const QString& message) {
    m_error = message;
    qCWarning(lcJobs).noquote() << "job store:" << message;
    return false;
}

bool JobStore::open(const QString& dataDir) {
    close();
    m_error.clear();
    m_dataDir = QDir(dataDir).absolutePath();
    if (!QDir().mkpath(m_dataDir) || !QDir().mkpath(imagesDir()) || !QDir().mkpath(mediaDir()))
        return fail(tr("Cannot create the folder “%1”.").arg(m_dataDir));

    const QString name = QStringLiteral("pixverse-jobs-%1").arg(++g_connectionCounter);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(databasePath());
        if (!db.open()) {
            const QString error = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return fail(tr("Cannot open the job database “%1”: %2").arg(databasePath(), error));
        }
    }
    m_connection = name;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery query(db);
    // WAL: readers never block the writer and a killed process loses nothing committed.
    // FULL: each commit is on disk before the next network step, even across a power cut.
    if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next() ||
        query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        const QString error =
            tr("The job database cannot use write-ahead logging: %1").arg(sqlError(query));
        close();
        return fail(error);
    }
    query.exec(QStringLiteral("PRAGMA synchronous=FULL"));
    query.exec(QStringLiteral("PRAGMA busy_timeout=5000"));

    const int version = schemaVersion();
    if (version > kSchemaVersion) {
        close();
        return fail(
            tr("The job database was written by a newer version of PixVerse Studio (schema %1, "
               "this version knows %2). Update the app.")
                .arg(version)
                .arg(kSchemaVersion));
    }
    if (version < kSchemaVersion && !migrate(version)) {
        const QString error = m_error;
        close();
        return fail(error);
    }
    if (!loadAll()) {
        const QString error = m_error;
        close();
        return fail(error);
    }
    releaseLoadMemory();
    qCInfo(lcJobs).noquote() << "job store open:" << databasePath() << "schema" << kSchemaVersion
                             << "with" << m_jobs.size() << "jobs";
    return true;
}

void JobStore::close() {
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
    m_jobs.clear();
    m_boards.clear();
    m_groups.clear();
    m_tagUses.clear();
    m_boardUses.clear();
    m_tagsStale = true;
    m_newestFirst.clear();
    m_orderStale = true;
    m_queueEnd = 0;
    m_storedValues.clear();
    m_ledger.clear();
    for (QSet<qint64>& ids : m_knownVideos)
        ids.clear();
}

int JobStore::schemaVersion() const {
    if (m_connection.isEmpty())
        return -1;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QString JobStore::journalMode() const {
    if (m_connection.isEmpty())
        return {};
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (!query.exec(QStringLiteral("PRAGMA journal_mode")) || !query.next())
        return {};
    return query.value(0).toString().toLower();
}

bool JobStore::migrate(int from) {
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    const QList<QStringList>& steps = migrations();
    for (int version = std::max(from, 0); version < kSchemaVersion; ++version) {
        if (!db.transaction())
            return fail(tr("Cannot update the job database: %1").arg(db.lastError().text()));
        QSqlQuery query(db);
        for (const QString& statement : steps.at(version)) {
            if (!query.exec(statement)) {
                const QString error = sqlError(query);
                db.rollback();
                return fail(tr("Cannot update the job database to schema %1: %2")
                                .arg(version + 1)
                                .arg(error));
            }
        }
        if (const RowStep rows = rowStep(version)) {
            QString error;
            if (!rows(db, &error)) {
                db.rollback();
                return fail(tr("Cannot update the job database to schema %1: %2")
                                .arg(version + 1)
                                .arg(error));
            }
        }
        // Part of the same transaction: a crash leaves the old version with the old tables.
        if (!query.exec(QStringLiteral("PRAGMA user_version=%1").arg(version + 1)) ||
            !db.commit()) {
            const QString error = sqlError(query);
            db.rollback();
            return fail(
                tr("Cannot update the job database to schema %1: %2").arg(version + 1).arg(error));
        }
        qCInfo(lcJobs) << "job store: schema" << version << "→" << version + 1;
    }
    return true;
}

bool JobStore::loadAll() {
    m_jobs.clear();
    m_queueEnd = 0;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    // The rows first, their requests' JSON (most of the time) parsed afterwards on every core:
    // each row's is its own.
    std::vector<std::pair<Job*, RequestText>> requests;
    {
        JobReader rows(db);
        while (rows.next()) {
            RequestText request;
            Job job = rows.job(&request);
            // ORDER BY id: each goes at the end. The map's nodes stay put while it is only read.
            // Moved in (QMap has no insert that takes it): a copy of each job was measurable.
            const qint64 id = job.id;
            const auto at = m_jobs.insert(m_jobs.cend(), id, Job());
            *at = std::move(job);
            requests.emplace_back(&*at, std::move(request));
        }
        if (!rows.errorString().isEmpty())
            return fail(tr("Cannot read the job database: %1").arg(rows.errorString()));
    }
    handover::release();
    QtConcurrent::blockingMap(requests, [](std::pair<Job*, RequestText>& row) {
        handover::acquire();
        readRequest(*row.first, row.second);
        handover::release();
    });
    handover::acquire();
    requests.clear();
    QString error;
    if (!readMarks(db, m_jobs, &error) || !loadBoards())
        return fail(tr("Cannot read the job database: %1").arg(error.isEmpty() ? m_error : error));
    for (const Job& job : std::as_const(m_jobs))
        index(job);
    m_orderStale = true;
    for (QSet<qint64>& ids : m_knownVideos)
        ids.clear();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT family, video_id FROM known_videos")))
        return fail(tr("Cannot read the job database: %1").arg(sqlError(query)));
    while (query.next()) {
        if (const std::optional<ApiFamily> family = apiFamilyFromId(query.value(0).toString()))
            m_knownVideos[familyIndex(*family)].insert(query.value(1).toLongLong());
    }
    return loadQueueTables();
}

void JobStore::releaseLoadMemory() {
    // Every row is in the mirror now: SQLite's page cache (up to 2 MB) is not needed, and what
    // the load's temporaries left free in the heap (the rows' texts, the parsed JSON) goes back
    // to the system instead of staying resident (issue 20: the gallery's memory at 10,000 jobs).
    QSqlQuery(QSqlDatabase::database(m_connection)).exec(QStringLiteral("PRAGMA shrink_memory"));
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

bool JobStore::knowsVideo(ApiFamily family, qint64 videoId) const {
    return videoId != 0 && m_knownVideos[familyIndex(family)].contains(videoId);
}

bool JobStore::rememberVideo(const Job& job) {
    if (job.videoId == 0 || knowsVideo(job.family, job.videoId))
        return true;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO known_videos (family, video_id) VALUES (:family, :id)"));
    query.bindValue(QStringLiteral(":family"), apiFamilyId(job.family));
    query.bindValue(QStringLiteral(":id"), job.videoId);
    if (!query.exec()) {
        qCWarning(lcJobs).noquote()
            << "job" << job.id << "remote id not remembered:" << sqlError(query);
        return false;
    }
    return true;
}

bool JobStore::insertRow(Job& job, QString* error) {
    QSqlQuery query(QSqlDatabase::database(m_connection));
    QStringList placeholders;
    for (const QString& column : columns())
        placeholders << u':' + column;
    query.prepare(
        QStringLiteral("INSERT INTO jobs (%1) VALUES (%2)")
            .arg(columns().join(QStringLiteral(", ")), placeholders.join(QStringLiteral(", "))));
    const QVariantList values = rowValues(job);
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(placeholders.at(i), values.at(i));
    if (!query.exec()) {
        *error = tr("Cannot save the job: %1").arg(sqlError(query));
        return false;
    }
    job.id = query.lastInsertId().toLongLong();
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QString sqlite;
    if ((!job.tags.isEmpty() && !writeTags(db, job.id, job.tags, &sqlite)) ||
        (!job.boards.isEmpty() && !writeBoards(db, job.id, job.boards, &sqlite))) {
        *error = tr("Cannot save the job: %1").arg(sqlite);
        return false;
    }
    return true;
}

Result<Job> JobStore::add(Job job) {
    if (!isOpen())
        return Result<Job>::failure(ApiError::input(tr("The job database is not open.")));
    QHash<QString, QString> copies;
    Result<Job> prepared = prepareNew(std::move(job), copies);
    if (!prepared.ok())
        return prepared;
    job = *prepared.value;
    job.queueOrder = nextQueuePlace(); // after every other job
    // One transaction: the row and its tags and boards are there together or not at all.
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QString error;
    if (!db.transaction() || !insertRow(job, &error) || !db.commit()) {
        if (error.isEmpty())
            error = tr("Cannot save the job: %1").arg(db.lastError().text());
        db.rollback();
        qCWarning(lcJobs).noquote() << error;
        return Result<Job>::failure(ApiError::input(error));
    }
    m_jobs.insert(job.id, job);
    index(job);
    m_orderStale = true;
    if (job.videoId != 0 && rememberVideo(job))
        m_knownVideos[familyIndex(job.family)].insert(job.videoId);
    qCInfo(lcJobs) << "job" << job.id << "added:" << generationModeId(job.request.mode)
                   << job.request.model << job.request.quality << job.request.duration << "s";
    Q_EMIT jobAdded(job.id);
    return Result<Job>::success(job);
}

Result<QList<Job>> JobStore::importJobs(QList<Job> jobs) {
    if (!isOpen())
        return Result<QList<Job>>::failure(ApiError::input(tr("The job database is not open.")));
    QList<Job> added;
    std::array<QSet<qint64>, 2> batch; // a list that repeats an id adds it once
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    // One transaction: one sync to disk for the whole list instead of one per video.
    if (!db.transaction())
        return Result<QList<Job>>::failure(
            ApiError::input(tr("Cannot save the job: %1").arg(db.lastError().text())));
    for (Job& job : jobs) {
        if (job.videoId == 0 || knowsVideo(job.family, job.videoId) ||
            batch[familyIndex(job.family)].contains(job.videoId))
            continue;
        job.request.setStartImage({}); // the service's image is not a file here
        cleanMarks(job);
        if (!job.createdAt.isValid())
            job.createdAt = now;
        job.updatedAt = now;
        QString error;
        if (!insertRow(job, &error) || !rememberVideo(job)) {
            db.rollback();
            if (error.isEmpty())
                error = tr("Cannot save the job: %1").arg(db.lastError().text());
            qCWarning(lcJobs).noquote() << "import:" << error;
            return Result<QList<Job>>::failure(ApiError::input(error));
        }
        batch[familyIndex(job.family)].insert(job.videoId);
        added << job;
    }
    if (!db.commit()) {
        const QString error = tr("Cannot save the job: %1").arg(db.lastError().text());
        db.rollback();
        return Result<QList<Job>>::failure(ApiError::input(error));
    }
    // The mirror and the signals only once the rows are on disk.
    for (const Job& job : std::as_const(added)) {
        m_jobs.insert(job.id, job);
        index(job);
        m_knownVideos[familyIndex(job.family)].insert(job.videoId);
    }
    m_orderStale = m_orderStale || !added.isEmpty();
    qCInfo(lcJobs) << "import:" << added.size() << "of" << jobs.size() << "listed videos added";
    for (const Job& job : std::as_const(added))
        Q_EMIT jobAdded(job.id);
    return Result<QList<Job>>::success(added);
}

std::optional<Job> JobStore::job(qint64 id) const {
    const auto found = m_jobs.constFind(id);
    if (found == m_jobs.cend())
        return std::nullopt;
    return *found;
}

const Job* JobStore::find(qint64 id) const {
    const auto found = m_jobs.constFind(id);
    return found == m_jobs.cend() ? nullptr : &*found;
}

QList<Job> JobStore::jobs() const {
    return m_jobs.values();
}

QList<Job> JobStore::jobs(JobState state) const {
    QList<Job> result;
    for (const Job& job : m_jobs) {
        if (job.state == state)
            result << job;
    }
    return result;
}

int JobStore::count(JobState state) const {
    int n = 0;
    for (const Job& job : m_jobs) {
        if (job.state == state)
            ++n;
    }
    return n;
}

QList<Job> JobStore::unfinished() const {
    QList<Job> result;
    for (const Job& job : m_jobs) {
        if (!isTerminal(job.state))
            result << job;
    }
    return result;
}

void JobStore::forEachUnfinished(const std::function<void(const Job&)>& visit) const {
    for (const Job& job : m_jobs) {
        if (!isTerminal(job.state))
            visit(job);
    }
}

void JobStore::forEachJob(const std::function<void(const Job&)>& visit) const {
    for (const Job& job : m_jobs)
        visit(job);
}

int JobStore::jobCount() const {
    return static_cast<int>(m_jobs.size());
}

int JobStore::unfinishedCount() const {
    int n = 0;
    for (const Job& job : m_jobs) {
        if (!isTerminal(job.state))
            ++n;
    }
    return n;
}

bool JobStore::update(Job job) {
    if (!isOpen() || !m_jobs.contains(job.id))
        return false;
    job.updatedAt = QDateTime::currentDateTimeUtc();
    cleanMarks(job);
    const Job before = m_jobs.value(job.id);
    const bool tagsChanged = before.tags != job.tags;
    const bool boardsChanged = before.boards != job.boards;
    // The row and the tag and board rows in one transaction; most updates (state, progress)
    // change neither and stay one statement.
    const bool marks = tagsChanged || boardsChanged;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (marks && !db.transaction()) {
        qCWarning(lcJobs).noquote() << "job" << job.id << "not saved:" << db.lastError().text();
        return false;
    }
    QSqlQuery query(db);
    QStringList assignments;
    for (const QString& column : columns())
        assignments << column + QStringLiteral(" = :") + column;
    query.prepare(QStringLiteral("UPDATE jobs SET %1 WHERE id = :id")
                      .arg(assignments.join(QStringLiteral(", "))));
    const QVariantList values = rowValues(job);
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(u':' + columns().at(i), values.at(i));
    query.bindValue(QStringLiteral(":id"), job.id);
    QString error;
    const bool saved = query.exec() && query.numRowsAffected() == 1 &&
                       (!tagsChanged || writeTags(db, job.id, job.tags, &error)) &&
                       (!boardsChanged || writeBoards(db, job.id, job.boards, &error)) &&
                       (!marks || db.commit());
    if (!saved) {
        if (marks)
            db.rollback();
        if (error.isEmpty())
            error = query.lastError().isValid() ? sqlError(query) : db.lastError().text();
        qCWarning(lcJobs).noquote() << "job" << job.id << "not saved:" << error;
        return false;
    }
    unindex(before);
    m_jobs.insert(job.id, job);
    index(job);
    m_orderStale = m_orderStale || before.createdAt != job.createdAt;
    if (job.videoId != 0 && rememberVideo(job))
        m_knownVideos[familyIndex(job.family)].insert(job.videoId);
    if (before.state != job.state)
        qCInfo(lcJobs).noquote() << "job" << job.id << jobStateId(before.state) << "→"
                                 << jobStateId(job.state);
    Q_EMIT jobChanged(job.id);
    return true;
}

bool JobStore::modify(qint64 id, const std::function<void(Job&)>& change) {
    std::optional<Job> current = job(id);
    if (!current)
        return false;
    change(*current);
    return update(*current);
}

bool JobStore::remove(qint64 id) {
    const std::optional<Job> gone = job(id);
    if (!gone)
        return false;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("DELETE FROM jobs WHERE id = :id"));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec()) {
        qCWarning(lcJobs).noquote() << "job" << id << "not removed:" << sqlError(query);
        return false;
    }
    // The index, the tags and the boards of the row went with it (trigger jobs_delete).
    m_jobs.remove(id);
    unindex(*gone);
    m_orderStale = true;
    for (const JobInput& input : jobInputs(gone->request)) {
        const QString copy = inputPath(gone->request, input);
        if (!isStoreCopy(copy))
            continue;
        bool used = false;
        for (const Job& other : std::as_const(m_jobs)) {
            for (const JobInput& otherInput : jobInputs(other.request))
                used = used || inputPath(other.request, otherInput) == copy;
        }
        if (!used) {
            QFile::remove(copy);
            if (input.role == InputRole::Video || input.role == InputRole::Audio)
                QDir().rmdir(QFileInfo(copy).absolutePath()); // the <sha256> folder, once empty
        }
    }
    Q_EMIT jobRemoved(id);
    return true;
}

QList<Job> JobStore::children(qint64 jobId) const {
    QList<Job> result;
    if (jobId == 0)
        return result;
    for (const Job& job : m_jobs) { // by id: the order of creation
        if (job.request.parentJobId == jobId)
            result << job;
    }
    return result;
}

QList<Job> JobStore::lineage(qint64 jobId) const {
    const std::optional<Job> take = job(jobId);
    if (!take)
        return {};
    QSet<qint64> members{jobId};
    // Up: as far as the parents are still here (a cycle, from a hand-edited row, stops it).
    for (qint64 parent = take->request.parentJobId;
         parent != 0 && !members.contains(parent) && m_jobs.contains(parent);
         parent = m_jobs.value(parent).request.parentJobId)
        members.insert(parent);
    // Down: every descendant.
    QList<qint64> pending{jobId};
    while (!pending.isEmpty()) {
        const qint64 next = pending.takeFirst();
        for (const Job& child : children(next)) {
            if (!members.contains(child.id)) {
                members.insert(child.id);
                pending << child.id;
            }
        }
    }
    QList<Job> result;
    for (const qint64 id : std::as_const(members))
        result << m_jobs.value(id);
    std::sort(result.begin(), result.end(), [](const Job& a, const Job& b) {
        return a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.id < b.id;
    });
    return result;
}

} // namespace pixverse
