#include "core/jobs/JobRows.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <array>
#include <functional>
#include <sqlite3.h>

namespace pixverse::job_rows {

namespace {

//! SQL for one text field of a request's JSON (`requestColumn`), '' when it has none. A row whose
//! JSON is damaged still gets an (empty) entry instead of failing the statement.
QString searchText(const QString& requestColumn, const QString& key) {
    return QStringLiteral("CASE WHEN json_valid(%1) THEN coalesce(json_extract(%1, '$.%2'), '')"
                          " ELSE '' END")
        .arg(requestColumn, key);
}

//! The words a title is made of besides the prompt (JobListModel::titleOf): an effect's template
//! name, a lip sync's spoken text.
QString searchTitle(const QString& requestColumn) {
    return QStringLiteral("%1 || ' ' || %2")
        .arg(searchText(requestColumn, QStringLiteral("templateName")),
             searchText(requestColumn, QStringLiteral("speechText")));
}

//! A trigger's statement that indexes the row `new`.
QString indexNewRow() {
    return QStringLiteral("INSERT INTO jobs_fts (rowid, prompt, title) VALUES (new.id, %1, %2);")
        .arg(searchText(QStringLiteral("new.request"), QStringLiteral("prompt")),
             searchTitle(QStringLiteral("new.request")));
}

} // namespace

const QList<QStringList>& migrations() {
    static const QList<QStringList> steps{
        // 0 → 1: the job table.
        {QStringLiteral("CREATE TABLE jobs ("
                        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        " created_at INTEGER NOT NULL,"
                        " updated_at INTEGER NOT NULL,"
                        " family TEXT NOT NULL,"
                        " account TEXT NOT NULL DEFAULT '',"
                        " request TEXT NOT NULL,"
                        " image_path TEXT,"
                        " source_image_path TEXT,"
                        " trace_id TEXT,"
                        " video_id INTEGER,"
                        " image_id INTEGER,"
                        " image_url TEXT,"
                        " image_remote_path TEXT,"
                        " state TEXT NOT NULL,"
                        " raw_status INTEGER,"
                        " credits INTEGER,"
                        " error_message TEXT,"
                        " error_code INTEGER,"
                        " video_url TEXT,"
                        " video_width INTEGER,"
                        " video_height INTEGER,"
                        " seed INTEGER,"
                        " video_path TEXT,"
                        " sidecar_path TEXT,"
                        " attempts INTEGER NOT NULL DEFAULT 0,"
                        " next_attempt_at INTEGER,"
                        " generating_since INTEGER)")},
        // 1 → 2: what the gallery needs, and an index for the scheduler's lookups.
        {QStringLiteral("ALTER TABLE jobs ADD COLUMN thumbnail_path TEXT"),
         QStringLiteral("ALTER TABLE jobs ADD COLUMN favourite INTEGER NOT NULL DEFAULT 0"),
         QStringLiteral("ALTER TABLE jobs ADD COLUMN stalled INTEGER NOT NULL DEFAULT 0"),
         QStringLiteral("CREATE INDEX jobs_by_state ON jobs(state, id)")},
        // 2 → 3: videos imported from the account's list, and every remote id the store ever
        // held, so an import never brings back a video that is (or was) a job here.
        {QStringLiteral("ALTER TABLE jobs ADD COLUMN imported INTEGER NOT NULL DEFAULT 0"),
         QStringLiteral("CREATE TABLE known_videos ("
                        " family TEXT NOT NULL,"
                        " video_id INTEGER NOT NULL,"
                        " PRIMARY KEY (family, video_id)) WITHOUT ROWID"),
         QStringLiteral(
             "INSERT OR IGNORE INTO known_videos (family, video_id)"
             " SELECT family, video_id FROM jobs WHERE video_id IS NOT NULL AND video_id != 0")},
        // 3 → 4: the request JSON of issue 15 (`mode`, `images`, `multiClip` instead of
        // `imagePath` and `multiShot`). No table change: rewriteRequests() does the rows.
        {},
        // 4 → 5 (the "ui" change; it follows the request's 3 → 4 step, so it stays the LAST
        // entry): a finished video the service deleted since, and whether a clip has sound.
        // Old jobs read as "not deleted" and "no sound" (no model before V6 made sound).
        {QStringLiteral(
             "ALTER TABLE jobs ADD COLUMN deleted_on_service INTEGER NOT NULL DEFAULT 0"),
         QStringLiteral("ALTER TABLE jobs ADD COLUMN has_audio INTEGER NOT NULL DEFAULT 0")},
        // 5 → 6 (issue 16): what every input's upload returned, by role (the start image's
        // image_id/image_url/image_remote_path move in by moveStartUploads()); the job a take
        // continues (lineage; old jobs continue nothing: 0), indexed for children(); the length
        // of the saved file.
        {QStringLiteral("ALTER TABLE jobs ADD COLUMN uploads TEXT"),
         QStringLiteral("ALTER TABLE jobs ADD COLUMN parent_job_id INTEGER NOT NULL DEFAULT 0"),
         QStringLiteral("ALTER TABLE jobs ADD COLUMN video_seconds REAL"),
         QStringLiteral("CREATE INDEX jobs_by_parent ON jobs(parent_job_id, id)")},
        // 6 → 7 (issue 18): the creator's library. Takes of one click share a group (the first
        // take's id; 0 for a lone job); marks; boards and tags in tables of their own; the
        // full-text index of prompts and titles, filled from the rows that are there.
        {QStringLiteral("ALTER TABLE jobs ADD COLUMN group_id INTEGER NOT NULL DEFAULT 0"),
         QStringLiteral("ALTER TABLE jobs ADD COLUMN take_index INTEGER NOT NULL DEFAULT 0"),
         QStringLiteral("ALTER TABLE jobs ADD COLUMN rating INTEGER NOT NULL DEFAULT 0"),
         QStringLiteral("ALTER TABLE jobs ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0"),
         QStringLiteral("ALTER TABLE jobs ADD COLUMN picked INTEGER NOT NULL DEFAULT 0"),
         QStringLiteral("CREATE TABLE boards ("
                        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        " name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
                        " folder TEXT NOT NULL DEFAULT '')"),
         QStringLiteral("CREATE TABLE job_boards ("
                        " job_id INTEGER NOT NULL,"
                        " board_id INTEGER NOT NULL,"
                        " PRIMARY KEY (job_id, board_id)) WITHOUT ROWID"),
         QStringLiteral("CREATE INDEX job_boards_by_board ON job_boards(board_id)"),
         // `position` keeps the creator's order of the tags.
         QStringLiteral("CREATE TABLE job_tags ("
                        " job_id INTEGER NOT NULL,"
                        " position INTEGER NOT NULL,"
                        " tag TEXT NOT NULL,"
                        " PRIMARY KEY (job_id, position)) WITHOUT ROWID"),
         // rowid = the job's id. unicode61 folds case (Cyrillic too) and, with remove_diacritics,
         // accents; the prefix indexes keep the first keystrokes ("l", "li") fast.
         QStringLiteral("CREATE VIRTUAL TABLE jobs_fts USING fts5(prompt, title,"
                        " tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"),
         // Triggers keep the index and the marks in step with every writer of the table (the
         // store, and the tests' bulk inserts). Only a changed request touches the index.
         QStringLiteral("CREATE TRIGGER jobs_fts_insert AFTER INSERT ON jobs BEGIN %1 END")
             .arg(indexNewRow()),
         QStringLiteral("CREATE TRIGGER jobs_fts_update AFTER UPDATE OF request ON jobs"
                        " WHEN old.request IS NOT new.request BEGIN"
                        " DELETE FROM jobs_fts WHERE rowid = old.id; %1 END")
             .arg(indexNewRow()),
         QStringLiteral("CREATE TRIGGER jobs_delete AFTER DELETE ON jobs BEGIN"
                        " DELETE FROM jobs_fts WHERE rowid = old.id;"
                        " DELETE FROM job_tags WHERE job_id = old.id;"
                        " DELETE FROM job_boards WHERE job_id = old.id;"
                        " END"),
         QStringLiteral("INSERT INTO jobs_fts (rowid, prompt, title) SELECT id, %1, %2 FROM jobs")
             .arg(searchText(QStringLiteral("request"), QStringLiteral("prompt")),
                  searchTitle(QStringLiteral("request")))},
        // 7 → 8 (issue 19): the queue and the money. A queued job's place (the jobs already
        // there keep their id order), one job paused, the credits given back, where a job came
        // from (a batch line, a hot folder's file); small values kept with the jobs (the
        // queue's pause, the ledger's sync point); the ledger of charges and refunds, where one
        // deduction or refund is kept once however often a sync brings it.
        {QStringLiteral("ALTER TABLE jobs ADD COLUMN queue_order INTEGER NOT NULL DEFAULT 0"),
         QStringLiteral("ALTER TABLE jobs ADD COLUMN held INTEGER NOT NULL DEFAULT 0"),
         QStringLiteral("ALTER TABLE jobs ADD COLUMN refunded_credits INTEGER NOT NULL DEFAULT 0"),
         QStringLiteral("ALTER TABLE jobs ADD COLUMN origin TEXT"),
         QStringLiteral("UPDATE jobs SET queue_order = id"),
         QStringLiteral("CREATE TABLE store_values ("
                        " key TEXT PRIMARY KEY,"
                        " value TEXT NOT NULL) WITHOUT ROWID"),
         // `at`: UTC milliseconds since the epoch.
         QStringLiteral("CREATE TABLE ledger ("
                        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        " source TEXT NOT NULL,"
                        " video_id INTEGER NOT NULL DEFAULT 0,"
                        " job_id INTEGER NOT NULL DEFAULT 0,"
                        " creation_type TEXT NOT NULL DEFAULT '',"
                        " model TEXT NOT NULL DEFAULT '',"
                        " credits INTEGER NOT NULL,"
                        " refund INTEGER NOT NULL DEFAULT 0,"
                        " at INTEGER NOT NULL,"
                        " raw BLOB)"),
         QStringLiteral("CREATE UNIQUE INDEX ledger_once ON ledger(source, video_id, refund,"
                        " credits, at)"),
         QStringLiteral("CREATE INDEX ledger_by_video ON ledger(video_id)")},
    };
    return steps;
}

namespace {

//! Reads the rows `select` finds (the id first) and writes `column` of each with what `valueOf`
//! makes of the row: the shape of every step that changes rows in code.
bool rewriteColumn(QSqlDatabase& db, const QString& select, const QString& column,
                   const std::function<QString(const QSqlQuery&)>& valueOf, QString* error) {
    QSqlQuery read(db);
    read.setForwardOnly(true);
    if (!read.exec(select)) {
        *error = read.lastError().text();
        return false;
    }
    QList<std::pair<qint64, QString>> rows;
    while (read.next())
        rows.append({read.value(0).toLongLong(), valueOf(read)});
    QSqlQuery write(db);
    if (!write.prepare(QStringLiteral("UPDATE jobs SET %1 = ? WHERE id = ?").arg(column))) {
        *error = write.lastError().text();
        return false;
    }
    for (const auto& [id, value] : std::as_const(rows)) {
        write.addBindValue(value);
        write.addBindValue(id);
        if (!write.exec()) {
            *error = write.lastError().text();
            return false;
        }
    }
    return true;
}

QString compact(const QJsonObject& json) {
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

//! Step 3 → 4 in code: every row's `request` read (GenerationRequest::fromJson reads the old
//! form) and written back in the current one. The image_path column held the image of an
//! image-to-video; it wins over a request that lacks one.
bool rewriteRequests(QSqlDatabase& db, QString* error) {
    return rewriteColumn(
        db, QStringLiteral("SELECT id, request, image_path FROM jobs"), QStringLiteral("request"),
        [](const QSqlQuery& row) {
            GenerationRequest request = GenerationRequest::fromJson(
                QJsonDocument::fromJson(row.value(1).toString().toUtf8()).object());
            const QString image = row.value(2).toString();
            if (!image.isEmpty() && request.startImagePath().isEmpty())
                request.setStartImage(image);
            return compact(request.toJson());
        },
        error);
}

//! Step 5 → 6 in code: the start image's upload (image_id, image_url, image_remote_path) becomes
//! the `start` entry of the `uploads` JSON. The old columns stay (still written for the start
//! image) so that nothing is lost.
bool moveStartUploads(QSqlDatabase& db, QString* error) {
    return rewriteColumn(
        db,
        QStringLiteral("SELECT id, image_id, image_url, image_remote_path FROM jobs"
                       " WHERE image_id IS NOT NULL OR image_url IS NOT NULL"
                       " OR image_remote_path IS NOT NULL"),
        QStringLiteral("uploads"),
        [](const QSqlQuery& row) {
            RequestInputs inputs;
            inputs.start = UploadedImage{row.value(1).toLongLong(), row.value(2).toString(),
                                         row.value(3).toString(), 0, 0};
            return compact(uploadsToJson(inputs));
        },
        error);
}

} // namespace

RowStep rowStep(int fromVersion) {
    if (fromVersion == 3)
        return &rewriteRequests;
    return fromVersion == 5 ? &moveStartUploads : nullptr;
}

const QStringList& columns() {
    static const QStringList names{
        QStringLiteral("created_at"),
        QStringLiteral("updated_at"),
        QStringLiteral("family"),
        QStringLiteral("account"),
        QStringLiteral("request"),
        QStringLiteral("image_path"),
        QStringLiteral("source_image_path"),
        QStringLiteral("trace_id"),
        QStringLiteral("video_id"),
        QStringLiteral("image_id"),
        QStringLiteral("image_url"),
        QStringLiteral("image_remote_path"),
        QStringLiteral("state"),
        QStringLiteral("raw_status"),
        QStringLiteral("credits"),
        QStringLiteral("error_message"),
        QStringLiteral("error_code"),
        QStringLiteral("video_url"),
        QStringLiteral("video_width"),
        QStringLiteral("video_height"),
        QStringLiteral("seed"),
        QStringLiteral("video_path"),
        QStringLiteral("thumbnail_path"),
        QStringLiteral("sidecar_path"),
        QStringLiteral("attempts"),
        QStringLiteral("next_attempt_at"),
        QStringLiteral("generating_since"),
        QStringLiteral("stalled"),
        QStringLiteral("favourite"),
        QStringLiteral("imported"),
        QStringLiteral("deleted_on_service"),
        QStringLiteral("has_audio"),
        QStringLiteral("uploads"),
        QStringLiteral("parent_job_id"),
        QStringLiteral("video_seconds"),
        QStringLiteral("group_id"),
        QStringLiteral("take_index"),
        QStringLiteral("rating"),
        QStringLiteral("rejected"),
        QStringLiteral("picked"),
        QStringLiteral("queue_order"),
        QStringLiteral("held"),
        QStringLiteral("refunded_credits"),
        QStringLiteral("origin"),
    };
    return names;
}

namespace {

QVariant timeValue(const QDateTime& time) {
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}
QVariant idValue(qint64 id) {
    return id != 0 ? QVariant(id) : QVariant();
}
QVariant textValue(const QString& text) {
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

QVariantList rowValues(const Job& job) {
    return {
        timeValue(job.createdAt),
        timeValue(job.updatedAt),
        apiFamilyId(job.family),
        job.account.isNull() ? QStringLiteral("")
                             : job.account, // NOT NULL: a null QString binds as NULL
        compact(job.request.toJson()),
        textValue(job.request.startImagePath()),
        textValue(job.sourceImagePath),
        textValue(job.traceId),
        idValue(job.videoId),
        idValue(job.uploads.start ? job.uploads.start->imageId : 0),
        textValue(job.uploads.start ? job.uploads.start->url : QString()),
        textValue(job.uploads.start ? job.uploads.start->path : QString()),
        jobStateId(job.state),
        job.rawStatus != 0 ? QVariant(job.rawStatus) : QVariant(),
        job.credits ? QVariant(*job.credits) : QVariant(),
        textValue(job.errorMessage),
        job.errorCode != 0 ? QVariant(job.errorCode) : QVariant(),
        textValue(job.videoUrl),
        job.videoWidth > 0 ? QVariant(job.videoWidth) : QVariant(),
        job.videoHeight > 0 ? QVariant(job.videoHeight) : QVariant(),
        job.seed ? QVariant(*job.seed) : QVariant(),
        textValue(job.videoPath),
        textValue(job.thumbnailPath),
        textValue(job.sidecarPath),
        job.attempts,
        timeValue(job.nextAttemptAt),
        timeValue(job.generatingSince),
        job.stalled ? 1 : 0,
        job.favourite ? 1 : 0,
        job.imported ? 1 : 0,
        job.deletedOnService ? 1 : 0,
        job.hasAudio ? 1 : 0,
        compact(uploadsToJson(job.uploads)),
        job.request.parentJobId,
        job.videoSeconds > 0 ? QVariant(job.videoSeconds) : QVariant(),
        job.groupId,
        job.takeIndex,
        job.rating,
        job.rejected ? 1 : 0,
        job.picked ? 1 : 0,
        job.queueOrder,
        job.held ? 1 : 0,
        job.refundedCredits,
        textValue(job.origin),
    };
}

void readRequest(Job& job, const RequestText& text) {
    job.request = GenerationRequest::fromJson(QJsonDocument::fromJson(text.json).object());
    // Schema 1-3 kept the image here only; since step 3 → 4 the request has it too. Only a
    // different path is put back: setStartImage would drop an effect's other Start images.
    if (!text.imagePath.isEmpty() && text.imagePath != job.request.startImagePath())
        job.request.setStartImage(text.imagePath);
}

namespace {

//! The columns JobReader reads, in the order of kReadColumns.
enum class Col {
    Id,
    CreatedAt,
    UpdatedAt,
    Family,
    Account,
    Request,
    ImagePath,
    SourceImagePath,
    TraceId,
    VideoId,
    Uploads,
    State,
    RawStatus,
    Credits,
    ErrorMessage,
    ErrorCode,
    VideoUrl,
    VideoWidth,
    VideoHeight,
    Seed,
    VideoPath,
    ThumbnailPath,
    SidecarPath,
    Attempts,
    NextAttemptAt,
    GeneratingSince,
    Stalled,
    Favourite,
    Imported,
    DeletedOnService,
    HasAudio,
    VideoSeconds,
    GroupId,
    TakeIndex,
    Rating,
    Rejected,
    Picked,
    QueueOrder,
    Held,
    RefundedCredits,
    Origin,
    Count
};
constexpr std::array<const char*, static_cast<std::size_t>(Col::Count)> kReadColumns{
    "id",
    "created_at",
    "updated_at",
    "family",
    "account",
    "request",
    "image_path",
    "source_image_path",
    "trace_id",
    "video_id",
    "uploads",
    "state",
    "raw_status",
    "credits",
    "error_message",
    "error_code",
    "video_url",
    "video_width",
    "video_height",
    "seed",
    "video_path",
    "thumbnail_path",
    "sidecar_path",
    "attempts",
    "next_attempt_at",
    "generating_since",
    "stalled",
    "favourite",
    "imported",
    "deleted_on_service",
    "has_audio",
    "video_seconds",
    "group_id",
    "take_index",
    "rating",
    "rejected",
    "picked",
    "queue_order",
    "held",
    "refunded_credits",
    "origin"};

//! The same short text (an account label) read for many rows is kept once: implicitly shared.
class SharedTexts {
public:
    QString get(QString text) {
        if (text.isEmpty() || text.size() > 200)
            return text;
        const auto found = m_texts.constFind(text);
        if (found != m_texts.cend())
            return *found;
        if (m_texts.size() < 256)
            m_texts.insert(text);
        return text;
    }

private:
    QSet<QString> m_texts;
};

} // namespace

struct JobReader::Statement {
    sqlite3_stmt* statement = nullptr;
    std::array<int, static_cast<std::size_t>(Col::Count)> index{}; // -1: not in this schema
    mutable SharedTexts shared;

    int at(Col column) const { return index[static_cast<std::size_t>(column)]; }
    bool isNull(Col column) const {
        return at(column) < 0 || sqlite3_column_type(statement, at(column)) == SQLITE_NULL;
    }
    qint64 integer(Col column) const {
        return at(column) < 0 ? 0 : sqlite3_column_int64(statement, at(column));
    }
    bool flag(Col column) const { return integer(column) != 0; }
    double real(Col column) const {
        return at(column) < 0 ? 0.0 : sqlite3_column_double(statement, at(column));
    }
    QByteArray bytes(Col column) const {
        if (at(column) < 0)
            return {};
        const auto* data =
            reinterpret_cast<const char*>(sqlite3_column_text(statement, at(column)));
        return data ? QByteArray(data, sqlite3_column_bytes(statement, at(column))) : QByteArray();
    }
    QString text(Col column) const {
        if (at(column) < 0)
            return {};
        const auto* data =
            reinterpret_cast<const char*>(sqlite3_column_text(statement, at(column)));
        return data ? QString::fromUtf8(data, sqlite3_column_bytes(statement, at(column)))
                    : QString();
    }
    QDateTime time(Col column) const {
        return isNull(column) ? QDateTime()
                              : QDateTime::fromMSecsSinceEpoch(integer(column), Qt::UTC);
    }
};

JobReader::JobReader(const QSqlDatabase& db)
    : m_statement(std::make_unique<Statement>()) {
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    sqlite3* connection = handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
                              ? *static_cast<sqlite3* const*>(handle.constData())
                              : nullptr;
    if (!connection) {
        m_error = QStringLiteral("the database is not an open SQLite connection");
        return;
    }
    if (sqlite3_prepare_v2(connection, "SELECT * FROM jobs ORDER BY id", -1,
                           &m_statement->statement, nullptr) != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(connection));
        return;
    }
    m_statement->index.fill(-1);
    const int count = sqlite3_column_count(m_statement->statement);
    for (int column = 0; column < count; ++column) {
        const char* name = sqlite3_column_name(m_statement->statement, column);
        for (std::size_t i = 0; i < kReadColumns.size(); ++i) {
            if (qstrcmp(name, kReadColumns[i]) == 0)
                m_statement->index[i] = column;
        }
    }
}

JobReader::~JobReader() {
    sqlite3_finalize(m_statement->statement);
}

bool JobReader::next() {
    if (!m_statement->statement)
        return false;
    const int step = sqlite3_step(m_statement->statement);
    if (step == SQLITE_ROW)
        return true;
    if (step != SQLITE_DONE)
        m_error = QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_statement->statement)));
    return false;
}

Job JobReader::job(RequestText* request) const {
    const Statement& row = *m_statement;
    Job job;
    job.id = row.integer(Col::Id);
    job.createdAt = row.time(Col::CreatedAt);
    job.updatedAt = row.time(Col::UpdatedAt);
    job.family = apiFamilyFromId(row.text(Col::Family)).value_or(ApiFamily::OpenApi);
    job.account = row.shared.get(row.text(Col::Account));
    *request = RequestText{row.bytes(Col::Request), row.text(Col::ImagePath)};
    job.sourceImagePath = row.text(Col::SourceImagePath);
    job.traceId = row.text(Col::TraceId);
    job.videoId = row.integer(Col::VideoId);
    // Most jobs never uploaded anything: no JSON to parse for them.
    if (const QByteArray uploads = row.bytes(Col::Uploads); uploads.size() > 2)
        job.uploads = uploadsFromJson(QJsonDocument::fromJson(uploads).object());
    job.state = jobStateFromId(row.text(Col::State)).value_or(JobState::Failed);
    job.rawStatus = static_cast<int>(row.integer(Col::RawStatus));
    if (!row.isNull(Col::Credits))
        job.credits = static_cast<int>(row.integer(Col::Credits));
    job.errorMessage = row.shared.get(row.text(Col::ErrorMessage));
    job.errorCode = row.integer(Col::ErrorCode);
    job.videoUrl = row.text(Col::VideoUrl);
    job.videoWidth = static_cast<int>(row.integer(Col::VideoWidth));
    job.videoHeight = static_cast<int>(row.integer(Col::VideoHeight));
    if (!row.isNull(Col::Seed))
        job.seed = row.integer(Col::Seed);
    job.videoPath = row.text(Col::VideoPath);
    job.thumbnailPath = row.text(Col::ThumbnailPath);
    job.sidecarPath = row.text(Col::SidecarPath);
    job.attempts = static_cast<int>(row.integer(Col::Attempts));
    job.nextAttemptAt = row.time(Col::NextAttemptAt);
    job.generatingSince = row.time(Col::GeneratingSince);
    job.stalled = row.flag(Col::Stalled);
    job.favourite = row.flag(Col::Favourite);
    job.imported = row.flag(Col::Imported);
    job.deletedOnService = row.flag(Col::DeletedOnService);
    job.hasAudio = row.flag(Col::HasAudio);
    job.videoSeconds = row.real(Col::VideoSeconds);
    job.groupId = row.integer(Col::GroupId);
    job.takeIndex = static_cast<int>(row.integer(Col::TakeIndex));
    job.rating = static_cast<int>(row.integer(Col::Rating));
    job.rejected = row.flag(Col::Rejected);
    job.picked = row.flag(Col::Picked);
    job.queueOrder = row.integer(Col::QueueOrder);
    job.held = row.flag(Col::Held);
    job.refundedCredits = static_cast<int>(row.integer(Col::RefundedCredits));
    job.origin = row.text(Col::Origin);
    return job;
}

namespace {

//! Deletes the job's rows of `table`, then runs `insert` once per value with the job's id, the
//! value and, when `ordered`, its position.
template <typename T>
bool replaceRows(QSqlDatabase& db, const QString& table, const QString& insert, qint64 jobId,
                 const QList<T>& values, bool ordered, QString* error) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM %1 WHERE job_id = ?").arg(table));
    query.addBindValue(jobId);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    if (values.isEmpty())
        return true;
    if (!query.prepare(insert)) {
        *error = query.lastError().text();
        return false;
    }
    for (qsizetype i = 0; i < values.size(); ++i) {
        query.addBindValue(jobId);
        query.addBindValue(values.at(i));
        if (ordered)
            query.addBindValue(int(i));
        if (!query.exec()) {
            *error = query.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace

bool writeTags(QSqlDatabase& db, qint64 jobId, const QStringList& tags, QString* error) {
    return replaceRows(
        db, QStringLiteral("job_tags"),
        QStringLiteral("INSERT INTO job_tags (job_id, tag, position) VALUES (?, ?, ?)"), jobId,
        tags, true, error);
}

bool writeBoards(QSqlDatabase& db, qint64 jobId, const QList<qint64>& boards, QString* error) {
    return replaceRows(db, QStringLiteral("job_boards"),
                       QStringLiteral("INSERT INTO job_boards (job_id, board_id) VALUES (?, ?)"),
                       jobId, boards, false, error);
}

bool readMarks(QSqlDatabase& db, QMap<qint64, Job>& jobs, QString* error) {
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT job_id, tag FROM job_tags ORDER BY job_id, position"))) {
        *error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        if (const auto job = jobs.find(query.value(0).toLongLong()); job != jobs.end())
            job->tags.append(query.value(1).toString());
    }
    if (!query.exec(
            QStringLiteral("SELECT job_id, board_id FROM job_boards ORDER BY job_id, board_id"))) {
        *error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        if (const auto job = jobs.find(query.value(0).toLongLong()); job != jobs.end())
            job->boards.append(query.value(1).toLongLong());
    }
    return true;
}

} // namespace pixverse::job_rows
