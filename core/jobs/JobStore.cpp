#include "core/jobs/JobStore.h"

#include "core/generation/PreparedImage.h"

#include <QCoreApplication>
#include <QCryptographicHash>
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

#include <algorithm>
#include <array>
#include <atomic>

namespace pixverse {

namespace {

//! The steps from one schema version to the next: kMigrations[n] takes a file from version n to
//! n + 1. A step that shipped never changes; a new column is a new step.
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
    };
    return steps;
}

//! Step 3 → 4 in code: every row's `request` read (GenerationRequest::fromJson reads the old
//! form) and written back in the current one. The image_path column held the image of an
//! image-to-video; it wins over a request that lacks one.
bool rewriteRequests(QSqlDatabase& db, QString* error) {
    QSqlQuery read(db);
    read.setForwardOnly(true);
    if (!read.exec(QStringLiteral("SELECT id, request, image_path FROM jobs"))) {
        *error = read.lastError().text();
        return false;
    }
    QList<std::pair<qint64, QString>> rows;
    while (read.next()) {
        GenerationRequest request = GenerationRequest::fromJson(
            QJsonDocument::fromJson(read.value(1).toString().toUtf8()).object());
        const QString image = read.value(2).toString();
        if (!image.isEmpty() && request.startImagePath().isEmpty())
            request.setStartImage(image);
        rows.append(
            {read.value(0).toLongLong(),
             QString::fromUtf8(QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact))});
    }
    QSqlQuery write(db);
    if (!write.prepare(QStringLiteral("UPDATE jobs SET request = ? WHERE id = ?"))) {
        *error = write.lastError().text();
        return false;
    }
    for (const auto& [id, json] : std::as_const(rows)) {
        write.addBindValue(json);
        write.addBindValue(id);
        if (!write.exec()) {
            *error = write.lastError().text();
            return false;
        }
    }
    return true;
}

//! Step 5 → 6 in code: the start image's upload (image_id, image_url, image_remote_path) becomes
//! the `start` entry of the `uploads` JSON. The old columns stay (still written for the start
//! image) so that nothing is lost.
bool moveStartUploads(QSqlDatabase& db, QString* error) {
    QSqlQuery read(db);
    read.setForwardOnly(true);
    if (!read.exec(QStringLiteral("SELECT id, image_id, image_url, image_remote_path FROM jobs"
                                  " WHERE image_id IS NOT NULL OR image_url IS NOT NULL"
                                  " OR image_remote_path IS NOT NULL"))) {
        *error = read.lastError().text();
        return false;
    }
    QList<std::pair<qint64, QString>> rows;
    while (read.next()) {
        RequestInputs inputs;
        inputs.start = UploadedImage{read.value(1).toLongLong(), read.value(2).toString(),
                                     read.value(3).toString(), 0, 0};
        rows.append({read.value(0).toLongLong(),
                     QString::fromUtf8(
                         QJsonDocument(uploadsToJson(inputs)).toJson(QJsonDocument::Compact))});
    }
    QSqlQuery write(db);
    if (!write.prepare(QStringLiteral("UPDATE jobs SET uploads = ? WHERE id = ?"))) {
        *error = write.lastError().text();
        return false;
    }
    for (const auto& [id, json] : std::as_const(rows)) {
        write.addBindValue(json);
        write.addBindValue(id);
        if (!write.exec()) {
            *error = write.lastError().text();
            return false;
        }
    }
    return true;
}

//! The steps that also change rows in code, by the version they start from.
using RowStep = bool (*)(QSqlDatabase&, QString*);
RowStep rowStep(int fromVersion) {
    if (fromVersion == 3)
        return &rewriteRequests;
    return fromVersion == 5 ? &moveStartUploads : nullptr;
}

// Columns written by add() and update(); `id` is separate.
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
    };
    return names;
}

QVariant timeValue(const QDateTime& time) {
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}
QDateTime timeFrom(const QVariant& value) {
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}
QVariant idValue(qint64 id) {
    return id != 0 ? QVariant(id) : QVariant();
}
QVariant textValue(const QString& text) {
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QVariantList rowValues(const Job& job) {
    return {
        timeValue(job.createdAt),
        timeValue(job.updatedAt),
        apiFamilyId(job.family),
        job.account.isNull() ? QStringLiteral("")
                             : job.account, // NOT NULL: a null QString binds as NULL
        QString::fromUtf8(QJsonDocument(job.request.toJson()).toJson(QJsonDocument::Compact)),
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
        QString::fromUtf8(QJsonDocument(uploadsToJson(job.uploads)).toJson(QJsonDocument::Compact)),
        job.request.parentJobId,
        job.videoSeconds > 0 ? QVariant(job.videoSeconds) : QVariant(),
    };
}

//! Where each column of a `SELECT *` is, looked up once per query: QSqlQuery::value(name) builds
//! the whole record again for every call, which made opening 10,000 jobs (31 columns) 4× slower.
using ColumnIndex = QHash<QByteArray, int>;

Job jobFrom(const QSqlQuery& query, ColumnIndex& columns) {
    auto value = [&query, &columns](const char* column) {
        auto at = columns.constFind(
            QByteArray::fromRawData(column, static_cast<qsizetype>(qstrlen(column))));
        if (at == columns.cend())
            at = columns.insert(QByteArray(column), query.record().indexOf(QLatin1String(column)));
        return query.value(*at);
    };
    Job job;
    job.id = value("id").toLongLong();
    job.createdAt = timeFrom(value("created_at"));
    job.updatedAt = timeFrom(value("updated_at"));
    job.family = apiFamilyFromId(value("family").toString()).value_or(ApiFamily::OpenApi);
    job.account = value("account").toString();
    job.request = GenerationRequest::fromJson(
        QJsonDocument::fromJson(value("request").toString().toUtf8()).object());
    job.request.setStartImage(value("image_path").toString());
    job.sourceImagePath = value("source_image_path").toString();
    job.traceId = value("trace_id").toString();
    job.videoId = value("video_id").toLongLong();
    job.uploads =
        uploadsFromJson(QJsonDocument::fromJson(value("uploads").toString().toUtf8()).object());
    job.state = jobStateFromId(value("state").toString()).value_or(JobState::Failed);
    job.rawStatus = value("raw_status").toInt();
    if (const QVariant credits = value("credits"); !credits.isNull())
        job.credits = credits.toInt();
    job.errorMessage = value("error_message").toString();
    job.errorCode = value("error_code").toLongLong();
    job.videoUrl = value("video_url").toString();
    job.videoWidth = value("video_width").toInt();
    job.videoHeight = value("video_height").toInt();
    if (const QVariant seed = value("seed"); !seed.isNull())
        job.seed = seed.toLongLong();
    job.videoPath = value("video_path").toString();
    job.thumbnailPath = value("thumbnail_path").toString();
    job.sidecarPath = value("sidecar_path").toString();
    job.attempts = value("attempts").toInt();
    job.nextAttemptAt = timeFrom(value("next_attempt_at"));
    job.generatingSince = timeFrom(value("generating_since"));
    job.stalled = value("stalled").toInt() != 0;
    job.favourite = value("favourite").toInt() != 0;
    job.imported = value("imported").toInt() != 0;
    job.deletedOnService = value("deleted_on_service").toInt() != 0;
    job.hasAudio = value("has_audio").toInt() != 0;
    job.videoSeconds = value("video_seconds").toDouble();
    return job;
}

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
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT * FROM jobs ORDER BY id")))
        return fail(tr("Cannot read the job database: %1").arg(sqlError(query)));
    ColumnIndex columns;
    while (query.next()) {
        const Job job = jobFrom(query, columns);
        m_jobs.insert(job.id, job);
    }
    for (QSet<qint64>& ids : m_knownVideos)
        ids.clear();
    if (!query.exec(QStringLiteral("SELECT family, video_id FROM known_videos")))
        return fail(tr("Cannot read the job database: %1").arg(sqlError(query)));
    while (query.next()) {
        if (const std::optional<ApiFamily> family = apiFamilyFromId(query.value(0).toString()))
            m_knownVideos[familyIndex(*family)].insert(query.value(1).toLongLong());
    }
    return true;
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
    return true;
}

Result<QString> JobStore::copyImage(const QString& sourcePath) const {
    // Checked, converted if needed, hashed and kept in one read; a bad image stops here, before
    // the job exists and before any request.
    const Result<PreparedImage> image = PreparedImage::intoStore(sourcePath, imagesDir());
    if (!image.ok())
        return Result<QString>::failure(image.error);
    return Result<QString>::success(image.value->path);
}

bool JobStore::isStoreCopy(const QString& path) const {
    if (path.isEmpty())
        return false;
    const QString folder = QFileInfo(path).absolutePath();
    return folder == QFileInfo(imagesDir()).absoluteFilePath() ||
           QFileInfo(folder).absolutePath() == QFileInfo(mediaDir()).absoluteFilePath();
}

Result<QString> JobStore::copyMedia(const QString& sourcePath) const {
    QFile source(sourcePath);
    if (!source.open(QIODevice::ReadOnly))
        return Result<QString>::failure(
            ApiError::input(tr("Cannot read “%1”: %2")
                                .arg(QDir::toNativeSeparators(sourcePath), source.errorString())));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&source))
        return Result<QString>::failure(
            ApiError::input(tr("Cannot read “%1”: %2")
                                .arg(QDir::toNativeSeparators(sourcePath), source.errorString())));
    source.close();
    const QDir folder(QDir(mediaDir()).filePath(QString::fromLatin1(hash.result().toHex())));
    const QString target = folder.filePath(QFileInfo(sourcePath).fileName());
    if (QFileInfo(target).isFile() && QFileInfo(target).size() == QFileInfo(sourcePath).size())
        return Result<QString>::success(target);
    // Copied under a temporary name and renamed: a crash never leaves half a file under the name.
    const QString partial = target + QStringLiteral(".part");
    QFile::remove(partial);
    if (!QDir().mkpath(folder.path()) || !QFile::copy(sourcePath, partial) ||
        !(QFile::remove(target) || !QFileInfo::exists(target)) || !QFile::rename(partial, target)) {
        QFile::remove(partial);
        return Result<QString>::failure(
            ApiError::input(tr("Cannot keep a copy of “%1” in “%2”.")
                                .arg(QDir::toNativeSeparators(sourcePath),
                                     QDir::toNativeSeparators(folder.path()))));
    }
    return Result<QString>::success(target);
}

Result<GenerationRequest> JobStore::copyInputs(GenerationRequest request) const {
    for (const InputRole role : inputRoles(request)) {
        const QString path = inputPath(request, role);
        if (isStoreCopy(path))
            continue;
        const bool media = role == InputRole::Video || role == InputRole::Audio;
        const Result<QString> copy = media ? copyMedia(path) : copyImage(path);
        if (!copy.ok())
            return Result<GenerationRequest>::failure(copy.error);
        if (role == InputRole::Video) {
            request.sourceVideoPath = *copy.value;
        } else if (role == InputRole::Audio) {
            request.audioPath = *copy.value;
        } else {
            for (RequestImage& image : request.images) {
                if (image.path == path)
                    image.path = *copy.value;
            }
        }
    }
    return Result<GenerationRequest>::success(request);
}

Result<Job> JobStore::add(Job job) {
    if (!isOpen())
        return Result<Job>::failure(ApiError::input(tr("The job database is not open.")));
    // Inputs already copied into the store (JobEngine::enqueueAsync copies off the GUI thread)
    // are not read again.
    const QString startImage = inputPath(job.request, InputRole::Start);
    const Result<GenerationRequest> kept = copyInputs(job.request);
    if (!kept.ok())
        return Result<Job>::failure(kept.error);
    if (!startImage.isEmpty() && !isStoreCopy(startImage) && job.sourceImagePath.isEmpty())
        job.sourceImagePath = QFileInfo(startImage).absoluteFilePath();
    job.request = *kept.value;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!job.createdAt.isValid())
        job.createdAt = now;
    job.updatedAt = now;

    QString error;
    if (!insertRow(job, &error)) {
        qCWarning(lcJobs).noquote() << error;
        return Result<Job>::failure(ApiError::input(error));
    }
    m_jobs.insert(job.id, job);
    if (job.videoId != 0 && rememberVideo(job))
        m_knownVideos[familyIndex(job.family)].insert(job.videoId);
    qCInfo(lcJobs) << "job" << job.id
                   << "added:" << (job.isImageToVideo() ? "image-to-video" : "text-to-video")
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
        m_knownVideos[familyIndex(job.family)].insert(job.videoId);
    }
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
    QSqlQuery query(QSqlDatabase::database(m_connection));
    QStringList assignments;
    for (const QString& column : columns())
        assignments << column + QStringLiteral(" = :") + column;
    query.prepare(QStringLiteral("UPDATE jobs SET %1 WHERE id = :id")
                      .arg(assignments.join(QStringLiteral(", "))));
    const QVariantList values = rowValues(job);
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(u':' + columns().at(i), values.at(i));
    query.bindValue(QStringLiteral(":id"), job.id);
    if (!query.exec() || query.numRowsAffected() != 1) {
        qCWarning(lcJobs).noquote() << "job" << job.id << "not saved:" << sqlError(query);
        return false;
    }
    const Job before = m_jobs.value(job.id);
    m_jobs.insert(job.id, job);
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
    m_jobs.remove(id);
    for (const InputRole role : inputRoles(gone->request)) {
        const QString copy = inputPath(gone->request, role);
        if (!isStoreCopy(copy))
            continue;
        bool used = false;
        for (const Job& other : std::as_const(m_jobs)) {
            for (const InputRole otherRole : inputRoles(other.request))
                used = used || inputPath(other.request, otherRole) == copy;
        }
        if (!used) {
            QFile::remove(copy);
            if (role == InputRole::Video || role == InputRole::Audio)
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
