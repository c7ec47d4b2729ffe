// JobStore on real SQLite files: rows survive a reopen, WAL is on, an older schema is migrated,
// a newer one refused, the creator's image is copied into the data directory.
#include "core/jobs/JobLibrary.h"
#include "core/jobs/JobStore.h"
#include "tests/core/jobs/BulkJobs.h"
#include "tests/core/jobs/JobTestFixture.h"
#include "tests/core/sandbox/ClipProbe.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;

class TestJobStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void createsAFreshDatabaseWithWal();
    void addUpdateReload();
    void modifyIsReadChangeWrite();
    void updateOfAnUnknownJobFails();
    void survivesReopenAndNeverReusesIds();
    void migratesFromVersion1();
    void migratesFromVersion2();
    void migratesRequestsFromVersion3();
    void importAddsOnlyUnknownVideos();
    void refusesANewerSchema();
    void copiesTheImage();
    void refusesAnUnreadableImage();
    void removeDropsTheUnusedImageCopy();
    void stateIdsRoundTrip();
    void migratesUploadsFromVersion5();
    void childrenAndLineage();
    void removingAParentKeepsItsChildren();
    void copiesEveryInput();
    void uploadsRoundTrip();
    void effectAndFusionImagesAreCopiedWithTheirRoles();
    void listUploadsRoundTrip();
    void readsSchema6RowsWithoutLists();
    void keepsRepeatedTextsOnce();
    void copiedInputsAreTheirOwn();
    void reportsADamagedTable();

private:
    static Job sampleJob(const QString& prompt = QStringLiteral("A lighthouse in a storm"));
    QString makePng(const QString& name, QColor colour);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestJobStore::init() {
    m_dir = std::make_unique<QTemporaryDir>();
}

Job TestJobStore::sampleJob(const QString& prompt) {
    Job job;
    job.family = ApiFamily::OpenApi;
    job.account = QStringLiteral("sk-…0000");
    job.request.prompt = prompt;
    job.request.quality = QStringLiteral("720p");
    job.request.seed = 42;
    return job;
}

QString TestJobStore::makePng(const QString& name, QColor colour) {
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(colour);
    const QString path = m_dir->filePath(name);
    if (!image.save(path, "PNG"))
        return {};
    return path;
}

void TestJobStore::createsAFreshDatabaseWithWal() {
    JobStore store;
    QVERIFY2(store.open(m_dir->filePath(QStringLiteral("data"))), qPrintable(store.errorString()));
    QCOMPARE(store.journalMode(), QStringLiteral("wal"));
    QCOMPARE(store.schemaVersion(), JobStore::kSchemaVersion);
    QVERIFY(QFileInfo::exists(store.databasePath()));
    QVERIFY(QFileInfo(store.imagesDir()).isDir());
    QVERIFY(store.jobs().isEmpty());
    QVERIFY(store.add(sampleJob()).ok());
    // Committed rows live in the write-ahead log until a checkpoint.
    QVERIFY(QFileInfo::exists(store.databasePath() + QStringLiteral("-wal")));
}

void TestJobStore::addUpdateReload() {
    const QString dataDir = m_dir->filePath(QStringLiteral("data"));
    Job stored;
    {
        JobStore store;
        QVERIFY(store.open(dataDir));
        QSignalSpy added(&store, &JobStore::jobAdded);
        QSignalSpy changed(&store, &JobStore::jobChanged);
        const Result<Job> result = store.add(sampleJob());
        QVERIFY(result.ok());
        stored = *result.value;
        QVERIFY(stored.id > 0);
        QCOMPARE(stored.state, JobState::Queued);
        QVERIFY(stored.createdAt.isValid());
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.first().first().toLongLong(), stored.id);

        stored.state = JobState::Generating;
        stored.traceId = QStringLiteral("0b7c7c0e-3d5e-4a8e-9d0f-1a2b3c4d5e6f");
        stored.videoId = 629000000000000001LL; // above 2^53: must keep every digit
        stored.uploads = {};
        stored.credits = 45;
        stored.rawStatus = 5;
        stored.errorMessage = QStringLiteral("waiting");
        stored.errorCode = 500044;
        stored.videoUrl = QStringLiteral("http://127.0.0.1:1/media/video/1.mp4");
        stored.videoWidth = 1280;
        stored.videoHeight = 720;
        stored.seed = 123456;
        stored.videoPath = m_dir->filePath(QStringLiteral("lib/x.mp4"));
        stored.sidecarPath = m_dir->filePath(QStringLiteral("lib/x.json"));
        stored.thumbnailPath = m_dir->filePath(QStringLiteral("thumb.png"));
        stored.attempts = 3;
        stored.nextAttemptAt = QDateTime::currentDateTimeUtc().addSecs(30);
        stored.generatingSince = QDateTime::currentDateTimeUtc();
        stored.stalled = true;
        stored.favourite = true;
        QVERIFY(store.update(stored));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(store.job(stored.id)->videoId, stored.videoId);
    }
    JobStore reopened;
    QVERIFY(reopened.open(dataDir));
    const std::optional<Job> back = reopened.job(stored.id);
    QVERIFY(back);
    QCOMPARE(back->state, JobState::Generating);
    QCOMPARE(back->request, stored.request);
    QCOMPARE(back->family, ApiFamily::OpenApi);
    QCOMPARE(back->account, stored.account);
    QCOMPARE(back->traceId, stored.traceId);
    QCOMPARE(back->videoId, 629000000000000001LL);
    QCOMPARE(back->credits, std::optional<int>(45));
    QCOMPARE(back->rawStatus, 5);
    QCOMPARE(back->errorMessage, stored.errorMessage);
    QCOMPARE(back->errorCode, 500044);
    QCOMPARE(back->videoUrl, stored.videoUrl);
    QCOMPARE(back->videoWidth, 1280);
    QCOMPARE(back->videoHeight, 720);
    QCOMPARE(back->seed, std::optional<qint64>(123456));
    QCOMPARE(back->videoPath, stored.videoPath);
    QCOMPARE(back->sidecarPath, stored.sidecarPath);
    QCOMPARE(back->thumbnailPath, stored.thumbnailPath);
    QCOMPARE(back->attempts, 3);
    QCOMPARE(back->nextAttemptAt.toMSecsSinceEpoch(), stored.nextAttemptAt.toMSecsSinceEpoch());
    QCOMPARE(back->generatingSince.toMSecsSinceEpoch(), stored.generatingSince.toMSecsSinceEpoch());
    QCOMPARE(back->createdAt.toMSecsSinceEpoch(), stored.createdAt.toMSecsSinceEpoch());
    QVERIFY(back->updatedAt >= back->createdAt);
    QVERIFY(back->stalled);
    QVERIFY(back->favourite);
}

void TestJobStore::modifyIsReadChangeWrite() {
    JobStore store;
    QVERIFY(store.open(m_dir->path()));
    const qint64 id = store.add(sampleJob()).value->id;
    QVERIFY(store.modify(id, [](Job& job) { job.favourite = true; }));
    QVERIFY(store.job(id)->favourite);
    QCOMPARE(store.job(id)->request.prompt, QStringLiteral("A lighthouse in a storm"));
    QVERIFY(!store.modify(id + 100, [](Job& job) { job.favourite = true; }));
}

void TestJobStore::updateOfAnUnknownJobFails() {
    JobStore store;
    QVERIFY(store.open(m_dir->path()));
    Job ghost = sampleJob();
    ghost.id = 77;
    QSignalSpy changed(&store, &JobStore::jobChanged);
    QVERIFY(!store.update(ghost));
    QCOMPARE(changed.count(), 0);
}

void TestJobStore::survivesReopenAndNeverReusesIds() {
    qint64 last = 0;
    {
        JobStore store;
        QVERIFY(store.open(m_dir->path()));
        for (int i = 0; i < 3; ++i)
            last = store.add(sampleJob(QStringLiteral("job %1").arg(i))).value->id;
        QVERIFY(store.remove(last));
        // No close(): the destructor, like a process ending, must leave a usable file.
    }
    JobStore store;
    QVERIFY(store.open(m_dir->path()));
    const QList<Job> jobs = store.jobs();
    QCOMPARE(jobs.size(), 2);
    QCOMPARE(jobs.at(0).request.prompt, QStringLiteral("job 0"));
    QCOMPARE(jobs.at(1).request.prompt, QStringLiteral("job 1"));
    QVERIFY(jobs.at(0).id < jobs.at(1).id);
    // A removed id never comes back: file names and logs stay unambiguous.
    QVERIFY(store.add(sampleJob()).value->id > last);
}

void TestJobStore::migratesFromVersion1() {
    const QString dataDir = m_dir->filePath(QStringLiteral("old"));
    QDir().mkpath(dataDir);
    {
        // The version 1 file, as the first release wrote it.
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        db.setDatabaseName(QDir(dataDir).filePath(JobStore::databaseFileName()));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral(
            "CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at INTEGER NOT NULL,"
            " updated_at INTEGER NOT NULL, family TEXT NOT NULL, account TEXT NOT NULL DEFAULT '',"
            " request TEXT NOT NULL, image_path TEXT, source_image_path TEXT, trace_id TEXT, "
            "video_id INTEGER,"
            " image_id INTEGER, image_url TEXT, image_remote_path TEXT, state TEXT NOT NULL, "
            "raw_status INTEGER,"
            " credits INTEGER, error_message TEXT, error_code INTEGER, video_url TEXT, video_width "
            "INTEGER,"
            " video_height INTEGER, seed INTEGER, video_path TEXT, sidecar_path TEXT,"
            " attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER, generating_since "
            "INTEGER)")));
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO jobs (created_at, updated_at, family, account, request, state, trace_id, "
            "video_id)"
            " VALUES (1700000000000, 1700000000000, 'openapi', 'sk-…beef',"
            " '{\"prompt\":\"old job\",\"model\":\"v4.5\",\"duration\":5,\"quality\":\"540p\"}',"
            " 'generating', 'ab5c0b0e-0000-4000-8000-000000000001', 987654321)")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=1")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));

    JobStore store;
    QVERIFY2(store.open(dataDir), qPrintable(store.errorString()));
    QCOMPARE(store.schemaVersion(), JobStore::kSchemaVersion);
    QCOMPARE(store.jobs().size(), 1);
    Job job = store.jobs().first();
    QCOMPARE(job.request.prompt, QStringLiteral("old job"));
    QCOMPARE(job.state, JobState::Generating);
    QCOMPARE(job.videoId, 987654321);
    QCOMPARE(job.traceId, QStringLiteral("ab5c0b0e-0000-4000-8000-000000000001"));
    QCOMPARE(job.createdAt.toMSecsSinceEpoch(), 1700000000000LL);
    QVERIFY(!job.favourite);
    QVERIFY(!job.stalled);
    QVERIFY(job.thumbnailPath.isEmpty());
    job.favourite = true;
    QVERIFY(store.update(job));
    store.close();
    QVERIFY(store.open(dataDir));
    QVERIFY(store.jobs().first().favourite);
}

void TestJobStore::migratesFromVersion2() {
    const QString dataDir = m_dir->filePath(QStringLiteral("v2"));
    QDir().mkpath(dataDir);
    {
        // The version 2 file, as the release before account imports wrote it.
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v2"));
        db.setDatabaseName(QDir(dataDir).filePath(JobStore::databaseFileName()));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral(
            "CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at INTEGER NOT NULL,"
            " updated_at INTEGER NOT NULL, family TEXT NOT NULL, account TEXT NOT NULL DEFAULT '',"
            " request TEXT NOT NULL, image_path TEXT, source_image_path TEXT, trace_id TEXT, "
            "video_id INTEGER,"
            " image_id INTEGER, image_url TEXT, image_remote_path TEXT, state TEXT NOT NULL, "
            "raw_status INTEGER,"
            " credits INTEGER, error_message TEXT, error_code INTEGER, video_url TEXT, video_width "
            "INTEGER,"
            " video_height INTEGER, seed INTEGER, video_path TEXT, sidecar_path TEXT,"
            " attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER, generating_since "
            "INTEGER)")));
        QVERIFY(q.exec(QStringLiteral("ALTER TABLE jobs ADD COLUMN thumbnail_path TEXT")));
        QVERIFY(q.exec(
            QStringLiteral("ALTER TABLE jobs ADD COLUMN favourite INTEGER NOT NULL DEFAULT 0")));
        QVERIFY(q.exec(
            QStringLiteral("ALTER TABLE jobs ADD COLUMN stalled INTEGER NOT NULL DEFAULT 0")));
        QVERIFY(q.exec(QStringLiteral("CREATE INDEX jobs_by_state ON jobs(state, id)")));
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO jobs (created_at, updated_at, family, account, request, state, trace_id, "
            "video_id,"
            " favourite) VALUES (1700000000000, 1700000000000, 'web', 'creator@example.com',"
            " '{\"prompt\":\"web job\",\"model\":\"v5\",\"duration\":5,\"quality\":\"540p\"}',"
            " 'done', 'ab5c0b0e-0000-4000-8000-000000000002', 370981546391559, 1)")));
        QVERIFY(q.exec(
            QStringLiteral("INSERT INTO jobs (created_at, updated_at, family, request, state)"
                           " VALUES (1700000001000, 1700000001000, 'openapi', "
                           "'{\"prompt\":\"queued\"}', 'queued')")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=2")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v2"));

    JobStore store;
    QVERIFY2(store.open(dataDir), qPrintable(store.errorString()));
    QCOMPARE(store.schemaVersion(), JobStore::kSchemaVersion);
    QCOMPARE(store.jobs().size(), 2);
    const Job old = store.jobs().first();
    QCOMPARE(old.request.prompt, QStringLiteral("web job"));
    QCOMPARE(old.videoId, 370981546391559);
    QVERIFY(old.favourite);
    QVERIFY(!old.imported);
    QVERIFY(!store.jobs().last().imported);
    // The remote ids the old file held are known, so an import never doubles them.
    QVERIFY(store.knowsVideo(ApiFamily::Web, 370981546391559));
    QVERIFY(!store.knowsVideo(ApiFamily::OpenApi, 370981546391559));
    QVERIFY(!store.knowsVideo(ApiFamily::OpenApi, 0));
    Job copy = old;
    copy.imported = true;
    QVERIFY(store.importJobs({copy}).value->isEmpty());
    Job marked = store.jobs().last();
    marked.imported = true;
    QVERIFY(store.update(marked));
    store.close();
    QVERIFY(store.open(dataDir));
    QVERIFY(store.jobs().last().imported);
    QCOMPARE(store.schemaVersion(), JobStore::kSchemaVersion);
}

namespace {

//! The tables of schema 3, with that release's SQL.
QStringList version3Schema() {
    return {
        QStringLiteral(
            "CREATE TABLE jobs ( id INTEGER PRIMARY KEY AUTOINCREMENT, created_at INTEGER NOT "
            "NULL, updated_at INTEGER NOT NULL, family TEXT NOT NULL, account TEXT NOT NULL "
            "DEFAULT '', request TEXT NOT NULL, image_path TEXT, source_image_path TEXT, "
            "trace_id TEXT, video_id INTEGER, image_id INTEGER, image_url TEXT, "
            "image_remote_path TEXT, state TEXT NOT NULL, raw_status INTEGER, credits INTEGER, "
            "error_message TEXT, error_code INTEGER, video_url TEXT, video_width INTEGER, "
            "video_height INTEGER, seed INTEGER, video_path TEXT, sidecar_path TEXT, attempts "
            "INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER, generating_since INTEGER)"),
        QStringLiteral("ALTER TABLE jobs ADD COLUMN thumbnail_path TEXT"),
        QStringLiteral("ALTER TABLE jobs ADD COLUMN favourite INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE jobs ADD COLUMN stalled INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("CREATE INDEX jobs_by_state ON jobs(state, id)"),
        QStringLiteral("ALTER TABLE jobs ADD COLUMN imported INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("CREATE TABLE known_videos ( family TEXT NOT NULL, video_id INTEGER NOT "
                       "NULL, PRIMARY KEY (family, video_id)) WITHOUT ROWID"),
    };
}

//! The job file of the release before issue 15 (schema 3), made with that release's SQL, holding
//! requests in its JSON form: no mode, the image in imagePath, multiShot.
bool writeVersion3File(const QString& path, const QString& image, const QString& video) {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v3"));
    db.setDatabaseName(path);
    bool ok = db.open();
    {
        QSqlQuery q(db);
        const QStringList schema = version3Schema();
        for (const QString& statement : schema)
            ok = ok && q.exec(statement);
        // The request JSON exactly as GenerationRequest::toJson() wrote it before issue 15.
        auto old = [](const char* prompt, const QString& imagePath, bool multiShot) {
            return QStringLiteral(
                       "{\"aspectRatio\":\"16:9\",\"audio\":false,\"cameraMovement\":\"\","
                       "\"duration\":5,\"imagePath\":\"%1\",\"model\":\"v4.5\","
                       "\"motionMode\":\"normal\",\"multiShot\":%2,\"negativePrompt\":\"\","
                       "\"offPeak\":false,\"prompt\":\"%3\",\"quality\":\"540p\","
                       "\"style\":\"\"}")
                .arg(imagePath, multiShot ? QStringLiteral("true") : QStringLiteral("false"),
                     QLatin1String(prompt));
        };
        struct Row {
            QString request;
            QString imagePath;
            const char* state;
            qint64 videoId;
            QString videoPath;
        };
        const QList<Row> rows{
            {old("old text, done", {}, false), {}, "done", 370981546391559, video},
            {old("old image, failed", image, false), image, "failed", 0, {}},
            {old("old image, done", image, false), image, "done", 370981546391560, {}},
            {old("old text, failed", {}, true), {}, "failed", 0, {}},
        };
        for (const Row& row : rows) {
            q.prepare(QStringLiteral(
                "INSERT INTO jobs (created_at, updated_at, family, account, request, image_path,"
                " state, video_id, error_message, video_path, trace_id) VALUES (1700000000000,"
                " 1700000000000, 'openapi', 'sk-…0000', ?, ?, ?, ?, ?, ?,"
                " 'ab5c0b0e-0000-4000-8000-000000000003')"));
            q.addBindValue(row.request);
            q.addBindValue(row.imagePath.isEmpty() ? QVariant() : QVariant(row.imagePath));
            q.addBindValue(QLatin1String(row.state));
            q.addBindValue(row.videoId != 0 ? QVariant(row.videoId) : QVariant());
            q.addBindValue(QLatin1String(row.state) == QLatin1String("failed")
                               ? QVariant(QStringLiteral("Generation failed"))
                               : QVariant());
            q.addBindValue(row.videoPath.isEmpty() ? QVariant() : QVariant(row.videoPath));
            ok = ok && q.exec();
        }
        ok = ok && q.exec(QStringLiteral("PRAGMA user_version=3"));
    }
    db.close();
    db = {};
    QSqlDatabase::removeDatabase(QStringLiteral("v3"));
    return ok;
}

} // namespace

void TestJobStore::migratesRequestsFromVersion3() {
    test::JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    // Replace the bed's new file by an old one; the image lives where the old store kept it.
    const QString file = bed.store->databasePath();
    const QString image = QDir(bed.store->imagesDir()).filePath(QStringLiteral("old-cat.png"));
    bed.store.reset();
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(file + suffix);
    QDir().mkpath(QFileInfo(image).absolutePath());
    QImage picture(64, 48, QImage::Format_RGB32);
    picture.fill(Qt::darkCyan);
    QVERIFY(picture.save(image, "PNG"));
    // The done text job's video, saved by the old release: a real clip of the sandbox's.
    const QString video =
        QFileInfo(QFileInfo(image).absolutePath()).absolutePath() + QStringLiteral("/old-fox.mp4");
    QVERIFY(QFile::copy(qEnvironmentVariable("PIXVERSE_CLIPS_DIR") + u"/960x540.mp4", video));
    QVERIFY(writeVersion3File(file, image, video));

    QVERIFY2(bed.reopenStore(), qPrintable(bed.error));
    QCOMPARE(bed.store->schemaVersion(), JobStore::kSchemaVersion);
    const QList<Job> jobs = bed.store->jobs();
    QCOMPARE(jobs.size(), 4);
    QCOMPARE(jobs.at(0).request.mode, GenerationMode::TextToVideo);
    QVERIFY(jobs.at(0).request.images.isEmpty());
    QCOMPARE(jobs.at(0).state, JobState::Done);
    QCOMPARE(jobs.at(0).videoId, 370981546391559);
    // Its file still plays: Qt Multimedia (the ffmpeg backend, as the player) opens it.
    QCOMPARE(QFileInfo(jobs.at(0).videoPath).canonicalFilePath(),
             QFileInfo(video).canonicalFilePath());
    QFile saved(jobs.at(0).videoPath);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const test::ClipStreams streams = test::probeClip(saved.readAll());
    QVERIFY(streams.loaded && streams.hasVideo);
    QCOMPARE(streams.resolution, QSize(960, 540));
    for (const int i : {1, 2}) {
        QCOMPARE(jobs.at(i).request.mode, GenerationMode::ImageToVideo);
        QCOMPARE(jobs.at(i).request.startImagePath(), image);
        QCOMPARE(jobs.at(i).request.images.size(), 1);
    }
    QVERIFY(jobs.at(3).request.multiClip); // was multiShot
    QCOMPARE(jobs.at(1).request.prompt, QStringLiteral("old image, failed"));
    {
        // The rows themselves hold the new form now.
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v4 check"));
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT request FROM jobs ORDER BY id")));
        QStringList modes;
        while (q.next()) {
            const QJsonObject json = QJsonDocument::fromJson(q.value(0).toByteArray()).object();
            modes << json.value(u"mode").toString();
            QVERIFY(!json.contains(u"imagePath"));
            QVERIFY(!json.contains(u"multiShot"));
        }
        QCOMPARE(modes, (QStringList{QStringLiteral("t2v"), QStringLiteral("i2v"),
                                     QStringLiteral("i2v"), QStringLiteral("t2v")}));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v4 check"));

    // The failed image job is retried (JobEngine → JobTransitions' retry path): its image is
    // uploaded again and the generation finishes on the sandbox.
    JobEngine* engine = bed.makeEngine(bed.fastOptions(2));
    engine->start();
    const qint64 uploads = bed.sandbox->stats().uploads;
    QVERIFY(engine->retry(jobs.at(1).id));
    QVERIFY(engine->retry(jobs.at(3).id));
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(jobs.at(1).id)->state, JobState::Done, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(jobs.at(3).id)->state, JobState::Done, 15000);
    QCOMPARE(bed.sandbox->stats().uploads, uploads + 1);
    QVERIFY(QFileInfo::exists(bed.store->job(jobs.at(1).id)->videoPath));
    // A done image job is reused: its request goes into a new job and is made again.
    const GenerationRequest reused = JobLibrary::reusableRequest(jobs.at(2));
    QCOMPARE(reused.mode, GenerationMode::ImageToVideo);
    QCOMPARE(reused.startImagePath(), image);
    const Result<Job> again = engine->enqueue(reused);
    QVERIFY(again.ok());
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(again.value->id)->state, JobState::Done, 15000);
    QCOMPARE(bed.store->job(again.value->id)->request.mode, GenerationMode::ImageToVideo);
    QCOMPARE(bed.sandbox->stats().uploads, uploads + 2);
}

void TestJobStore::importAddsOnlyUnknownVideos() {
    JobStore store;
    QVERIFY(store.open(m_dir->path()));
    Job own = sampleJob(QStringLiteral("made here"));
    own.family = ApiFamily::Web;
    own.videoId = 1001;
    own.state = JobState::Generating;
    QVERIFY(store.add(own).ok());
    QVERIFY(store.knowsVideo(ApiFamily::Web, 1001));

    auto listed = [](qint64 videoId, const QString& prompt) {
        Job job = sampleJob(prompt);
        job.family = ApiFamily::Web;
        job.imported = true;
        job.videoId = videoId;
        job.state = JobState::Done;
        job.createdAt = QDateTime(QDate(2025, 6, 1), QTime(10, 0), Qt::UTC);
        return job;
    };
    QSignalSpy added(&store, &JobStore::jobAdded);
    const Result<QList<Job>> first = store.importJobs(
        {listed(1001, QStringLiteral("mine")), listed(1002, QStringLiteral("b")),
         listed(1003, QStringLiteral("c")), listed(1002, QStringLiteral("b again")),
         listed(0, QStringLiteral("no id"))});
    QVERIFY(first.ok());
    QCOMPARE(first.value->size(), 2);
    QCOMPARE(added.count(), 2);
    QVERIFY(first.value->at(0).id > 0);
    QCOMPARE(first.value->at(0).request.prompt, QStringLiteral("b"));
    QCOMPARE(store.jobs().size(), 3);
    QCOMPARE(store.job(first.value->at(1).id)->createdAt,
             QDateTime(QDate(2025, 6, 1), QTime(10, 0), Qt::UTC));

    // Removed, retried (id cleared) or not: a known id stays known, also after a reopen.
    QVERIFY(store.remove(first.value->at(0).id));
    QVERIFY(store.modify(store.jobs().first().id, [](Job& job) { job.videoId = 0; }));
    store.close();
    QVERIFY(store.open(m_dir->path()));
    QVERIFY(store.knowsVideo(ApiFamily::Web, 1001));
    QVERIFY(store.knowsVideo(ApiFamily::Web, 1002));
    QVERIFY(
        store.importJobs({listed(1001, {}), listed(1002, {}), listed(1003, {})}).value->isEmpty());
    QCOMPARE(store.importJobs({listed(1004, QStringLiteral("new"))}).value->size(), 1);
    QCOMPARE(store.jobs().size(), 3);
}

void TestJobStore::refusesANewerSchema() {
    {
        JobStore store;
        QVERIFY(store.open(m_dir->path()));
        QVERIFY(store.add(sampleJob()).ok());
    }
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
        db.setDatabaseName(QDir(m_dir->path()).filePath(JobStore::databaseFileName()));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=99")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("future"));
    JobStore store;
    QVERIFY(!store.open(m_dir->path()));
    QVERIFY(store.errorString().contains(QStringLiteral("newer")));
    QVERIFY(!store.isOpen());
}

void TestJobStore::copiesTheImage() {
    JobStore store;
    QVERIFY(store.open(m_dir->filePath(QStringLiteral("data"))));
    const QString original = makePng(QStringLiteral("cat.png"), Qt::red);
    QVERIFY(!original.isEmpty());
    QFile source(original);
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QByteArray bytes = source.readAll();
    source.close();

    Job job = sampleJob();
    job.request.setStartImage(original);
    const Result<Job> added = store.add(job);
    QVERIFY(added.ok());
    const QString copy = added.value->request.startImagePath();
    QCOMPARE(QFileInfo(copy).absolutePath(), QFileInfo(store.imagesDir()).absoluteFilePath());
    QCOMPARE(
        QFileInfo(copy).fileName(),
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()) +
            QStringLiteral(".png"));
    QCOMPARE(added.value->sourceImagePath, QFileInfo(original).absoluteFilePath());

    // Moving the original away does not matter any more.
    QVERIFY(QFile::remove(original));
    QFile kept(copy);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), bytes);

    // The same content is kept once.
    const QString again = makePng(QStringLiteral("cat-again.png"), Qt::red);
    job.request.setStartImage(again);
    QCOMPARE(store.add(job).value->request.startImagePath(), copy);
    QCOMPARE(QDir(store.imagesDir()).entryList(QDir::Files).size(), 1);
    // The path is stored with the row.
    store.close();
    QVERIFY(store.open(m_dir->filePath(QStringLiteral("data"))));
    QCOMPARE(store.jobs().first().request.startImagePath(), copy);
    QVERIFY(store.jobs().first().isImageToVideo());
}

void TestJobStore::refusesAnUnreadableImage() {
    JobStore store;
    QVERIFY(store.open(m_dir->path()));
    Job job = sampleJob();
    job.request.setStartImage(m_dir->filePath(QStringLiteral("missing.png")));
    QSignalSpy added(&store, &JobStore::jobAdded);
    const Result<Job> result = store.add(job);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.category(), ApiError::Category::Input);
    QVERIFY(!result.error.userMessage().isEmpty());
    QCOMPARE(added.count(), 0);
    QVERIFY(store.jobs().isEmpty());
}

void TestJobStore::removeDropsTheUnusedImageCopy() {
    JobStore store;
    QVERIFY(store.open(m_dir->filePath(QStringLiteral("data"))));
    Job job = sampleJob();
    job.request.setStartImage(makePng(QStringLiteral("a.png"), Qt::blue));
    const Job first = *store.add(job).value;
    const Job second = *store.add(job).value;
    QSignalSpy removed(&store, &JobStore::jobRemoved);
    QVERIFY(store.remove(first.id));
    QVERIFY(QFileInfo::exists(second.request.startImagePath())); // still used
    QVERIFY(store.remove(second.id));
    QVERIFY(!QFileInfo::exists(second.request.startImagePath()));
    QCOMPARE(removed.count(), 2);
    QVERIFY(!store.remove(second.id));
}

void TestJobStore::stateIdsRoundTrip() {
    for (const JobState state : {JobState::Queued, JobState::Uploading, JobState::Submitting,
                                 JobState::Generating, JobState::Downloading, JobState::Done,
                                 JobState::Failed, JobState::Moderated, JobState::Cancelled})
        QCOMPARE(jobStateFromId(jobStateId(state)), std::optional<JobState>(state));
    QVERIFY(!jobStateFromId(QStringLiteral("nonsense")));
    QVERIFY(holdsSlot(JobState::Submitting));
    QVERIFY(!holdsSlot(JobState::Downloading));
    QVERIFY(isTerminal(JobState::Moderated));
    QVERIFY(!isTerminal(JobState::Downloading));
}

void TestJobStore::migratesUploadsFromVersion5() {
    const QString dataDir = m_dir->filePath(QStringLiteral("v5"));
    QDir().mkpath(dataDir);
    const QString file = QDir(dataDir).filePath(JobStore::databaseFileName());
    {
        // The version 5 file, with that release's SQL: the start image's upload in three columns.
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v5"));
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QStringList schema = version3Schema();
        schema << QStringList{
            QStringLiteral(
                "ALTER TABLE jobs ADD COLUMN deleted_on_service INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE jobs ADD COLUMN has_audio INTEGER NOT NULL DEFAULT 0"),
            // An OpenAPI image job uploaded before the app stopped, a web one, a text one.
            QStringLiteral(
                "INSERT INTO jobs (created_at, updated_at, family, request, image_path, state,"
                " image_id, image_url) VALUES (1700000000000, 1700000000000, 'openapi',"
                " '{\"mode\":\"i2v\",\"prompt\":\"cat\",\"images\":[{\"role\":\"start\","
                "\"path\":\"/old/cat.png\"}]}', '/old/cat.png', 'submitting', 629000000000000003,"
                " 'https://media.example/cat.png')"),
            QStringLiteral(
                "INSERT INTO jobs (created_at, updated_at, family, request, image_path, state,"
                " image_url, image_remote_path) VALUES (1700000001000, 1700000001000, 'web',"
                " '{\"mode\":\"i2v\",\"prompt\":\"dog\",\"images\":[{\"role\":\"start\","
                "\"path\":\"/old/dog.png\"}]}', '/old/dog.png', 'queued',"
                " 'https://media.example/dog.png', 'upload/dog.png')"),
            QStringLiteral("INSERT INTO jobs (created_at, updated_at, family, request, state)"
                           " VALUES (1700000002000, 1700000002000, 'openapi',"
                           " '{\"mode\":\"t2v\",\"prompt\":\"text\"}', 'done')"),
            QStringLiteral("PRAGMA user_version=5"),
        };
        for (const QString& statement : schema)
            QVERIFY2(q.exec(statement), qPrintable(statement));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v5"));

    JobStore store;
    QVERIFY2(store.open(dataDir), qPrintable(store.errorString()));
    QCOMPARE(store.schemaVersion(), JobStore::kSchemaVersion);
    const QList<Job> jobs = store.jobs();
    QCOMPARE(jobs.size(), 3);
    QVERIFY(jobs.at(0).uploads.start);
    QCOMPARE(jobs.at(0).uploads.start->imageId, 629000000000000003LL);
    QCOMPARE(jobs.at(0).uploads.start->url, QStringLiteral("https://media.example/cat.png"));
    QVERIFY(jobs.at(0).missingUploads().isEmpty()); // a restart does not upload it again
    QVERIFY(jobs.at(1).uploads.start);
    QCOMPARE(jobs.at(1).uploads.start->path, QStringLiteral("upload/dog.png"));
    QVERIFY(!jobs.at(2).uploads.start);
    QCOMPARE(jobs.at(2).missingUploads(), QList<JobInput>{});
    for (const Job& job : jobs) {
        QCOMPARE(job.request.parentJobId, qint64(0));
        QCOMPARE(job.videoSeconds, 0.0);
        QVERIFY(store.children(job.id).isEmpty());
    }
    store.close();
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v6 check"));
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT parent_job_id FROM jobs")));
        while (q.next())
            QCOMPARE(q.value(0).toLongLong(), qint64(0));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
                                      "name = 'jobs_by_parent'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        // The old columns are still there and still say what they said.
        QVERIFY(q.exec(QStringLiteral("SELECT image_id FROM jobs ORDER BY id LIMIT 1")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), 629000000000000003LL);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v6 check"));
}

void TestJobStore::childrenAndLineage() {
    const QString dataDir = m_dir->filePath(QStringLiteral("data"));
    JobStore store;
    QVERIFY(store.open(dataDir));
    auto add = [&store](const QString& prompt, qint64 parent) {
        Job job = sampleJob(prompt);
        job.request.parentJobId = parent;
        return store.add(job).value->id;
    };
    const qint64 take = add(QStringLiteral("take"), 0);
    const qint64 other = add(QStringLiteral("unrelated"), 0);
    const qint64 extended = add(QStringLiteral("extended"), take);
    const qint64 upscaled = add(QStringLiteral("upscaled"), extended);
    const qint64 sound = add(QStringLiteral("sound"), take);
    auto ids = [](const QList<Job>& jobs) {
        QList<qint64> result;
        for (const Job& job : jobs)
            result << job.id;
        return result;
    };
    QCOMPARE(ids(store.children(take)), (QList<qint64>{extended, sound}));
    QCOMPARE(ids(store.children(extended)), QList<qint64>{upscaled});
    QVERIFY(store.children(other).isEmpty());
    QCOMPARE(ids(store.lineage(take)), (QList<qint64>{take, extended, upscaled, sound}));
    // Ancestors and descendants, not siblings.
    QCOMPARE(ids(store.lineage(extended)), (QList<qint64>{take, extended, upscaled}));
    QCOMPARE(ids(store.lineage(upscaled)), (QList<qint64>{take, extended, upscaled}));
    QCOMPARE(ids(store.lineage(other)), QList<qint64>{other});
    QVERIFY(store.lineage(9999).isEmpty());

    // The parent is a column of the file, and survives a reopen.
    store.close();
    QVERIFY(store.open(dataDir));
    QCOMPARE(ids(store.lineage(sound)), (QList<qint64>{take, sound}));
    QCOMPARE(store.job(upscaled)->request.parentJobId, extended);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("p"));
    db.setDatabaseName(store.databasePath());
    QVERIFY(db.open());
    {
        QSqlQuery q(db);
        QVERIFY(q.exec(
            QStringLiteral("SELECT id FROM jobs WHERE parent_job_id = %1 ORDER BY id").arg(take)));
        QList<qint64> fromSql;
        while (q.next())
            fromSql << q.value(0).toLongLong();
        QCOMPARE(fromSql, (QList<qint64>{extended, sound}));
    }
    db.close();
    db = {};
    QSqlDatabase::removeDatabase(QStringLiteral("p"));
}

void TestJobStore::removingAParentKeepsItsChildren() {
    const QString dataDir = m_dir->filePath(QStringLiteral("data"));
    JobStore store;
    QVERIFY(store.open(dataDir));
    const qint64 take = store.add(sampleJob(QStringLiteral("take"))).value->id;
    Job child = sampleJob(QStringLiteral("extended"));
    child.request.parentJobId = take;
    const qint64 extended = store.add(child).value->id;
    child.request.parentJobId = extended;
    const qint64 upscaled = store.add(child).value->id;

    QVERIFY(store.remove(take));
    QVERIFY(!store.job(take));
    QCOMPARE(store.job(extended)->request.parentJobId, take); // "from a removed take"
    QCOMPARE(store.lineage(upscaled).size(), 2);
    QCOMPARE(store.lineage(upscaled).first().id, extended);
    store.close();
    QVERIFY(store.open(dataDir));
    QCOMPARE(store.jobs().size(), 2);
    QCOMPARE(store.job(extended)->request.parentJobId, take);
}

void TestJobStore::copiesEveryInput() {
    JobStore store;
    QVERIFY(store.open(m_dir->filePath(QStringLiteral("data"))));
    const QString first = makePng(QStringLiteral("first.png"), Qt::red);
    const QString last = makePng(QStringLiteral("last.png"), Qt::green);
    Job transition = sampleJob();
    transition.request.mode = GenerationMode::Transition;
    transition.request.images = {{RequestImage::Role::FirstFrame, first, {}},
                                 {RequestImage::Role::LastFrame, last, {}}};
    const Result<Job> keptFrames = store.add(transition);
    QVERIFY(keptFrames.ok());
    const QString firstCopy = keptFrames.value->request.imagePath(RequestImage::Role::FirstFrame);
    const QString lastCopy = keptFrames.value->request.imagePath(RequestImage::Role::LastFrame);
    QCOMPARE(QFileInfo(firstCopy).absolutePath(), QFileInfo(store.imagesDir()).absoluteFilePath());
    QCOMPARE(QFileInfo(lastCopy).absolutePath(), QFileInfo(store.imagesDir()).absoluteFilePath());
    QVERIFY(firstCopy != lastCopy);
    QCOMPARE(keptFrames.value->missingUploads(),
             (QList<JobInput>{InputRole::FirstFrame, InputRole::LastFrame}));

    // A lip sync from a local video and audio: both copied, names kept, originals may go.
    const QString video = m_dir->filePath(QStringLiteral("my take.mp4"));
    QVERIFY(QFile::copy(qEnvironmentVariable("PIXVERSE_CLIPS_DIR") + u"/960x540-audio.mp4", video));
    const QString audio = m_dir->filePath(QStringLiteral("voice.wav"));
    {
        QFile file(audio);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'a'));
    }
    Job lipSync = sampleJob();
    lipSync.request.mode = GenerationMode::LipSync;
    lipSync.request.sourceVideoPath = video;
    lipSync.request.audioPath = audio;
    const Result<Job> keptMedia = store.add(lipSync);
    QVERIFY2(keptMedia.ok(), qPrintable(keptMedia.error.logText()));
    const QString videoCopy = keptMedia.value->request.sourceVideoPath;
    const QString audioCopy = keptMedia.value->request.audioPath;
    QVERIFY(store.isStoreCopy(videoCopy));
    QVERIFY(videoCopy.startsWith(store.mediaDir()));
    QCOMPARE(QFileInfo(videoCopy).fileName(), QStringLiteral("my take.mp4"));
    QCOMPARE(QFileInfo(audioCopy).fileName(), QStringLiteral("voice.wav"));
    QCOMPARE(QFileInfo(videoCopy).size(), QFileInfo(video).size());
    QCOMPARE(keptMedia.value->missingUploads(),
             (QList<JobInput>{InputRole::Video, InputRole::Audio}));
    QVERIFY(QFile::remove(video));
    QVERIFY(QFile::remove(audio));
    QVERIFY(QFileInfo(videoCopy).isFile());

    // A source on the service needs no file.
    Job extend = sampleJob();
    extend.request.mode = GenerationMode::Extend;
    extend.request.sourceVideoId = 370981546391559;
    extend.request.sourceVideoPath = video; // gone, and not needed
    QVERIFY(store.add(extend).ok());
    // A missing local source is refused before the job exists.
    extend.request.sourceVideoId = 0;
    const Result<Job> refused = store.add(extend);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error.category(), ApiError::Category::Input);

    QVERIFY(store.remove(keptMedia.value->id));
    QVERIFY(!QFileInfo::exists(videoCopy));
    QVERIFY(!QFileInfo::exists(QFileInfo(videoCopy).absolutePath()));
    QVERIFY(!QFileInfo::exists(audioCopy));
    QVERIFY(store.remove(keptFrames.value->id));
    QVERIFY(!QFileInfo::exists(firstCopy));
}

void TestJobStore::uploadsRoundTrip() {
    JobStore store;
    const QString dataDir = m_dir->filePath(QStringLiteral("data"));
    QVERIFY(store.open(dataDir));
    Job job = sampleJob();
    job.request.mode = GenerationMode::LipSync;
    job.request.sourceVideoId = 0;
    job.uploads.first = UploadedImage{629000000000000001LL, QStringLiteral("u1"), {}, 640, 360};
    job.uploads.video = UploadedMedia{UploadedMedia::Kind::Video, 629000000000000002LL,
                                      QStringLiteral("v"), 1280, 720};
    job.uploads.audio =
        UploadedMedia{UploadedMedia::Kind::Audio, 629000000000000004LL, QStringLiteral("a"), 0, 0};
    job.videoSeconds = 7.25;
    const qint64 id = store.add(job).value->id;
    store.close();
    QVERIFY(store.open(dataDir));
    const Job back = *store.job(id);
    QVERIFY(!back.uploads.start);
    QCOMPARE(back.uploads.first->imageId, 629000000000000001LL);
    QCOMPARE(back.uploads.first->width, 640);
    QCOMPARE(back.uploads.video->mediaId, 629000000000000002LL);
    QCOMPARE(back.uploads.video->kind, UploadedMedia::Kind::Video);
    QCOMPARE(back.uploads.video->height, 720);
    QCOMPARE(back.uploads.audio->mediaId, 629000000000000004LL);
    QCOMPARE(back.uploads.audio->kind, UploadedMedia::Kind::Audio);
    QCOMPARE(back.videoSeconds, 7.25);
}

void TestJobStore::effectAndFusionImagesAreCopiedWithTheirRoles() {
    JobStore store;
    const QString dataDir = m_dir->filePath(QStringLiteral("data"));
    QVERIFY(store.open(dataDir));
    const QString cat = makePng(QStringLiteral("cat.png"), Qt::red);
    const QString dog = makePng(QStringLiteral("dog.png"), Qt::blue);
    const QString street = makePng(QStringLiteral("street.png"), Qt::gray);

    Job effect = sampleJob();
    effect.request.mode = GenerationMode::Effect;
    effect.request.templateId = 315446315336768;
    effect.request.templateName = QStringLiteral("Hug");
    effect.request.templateImageCount = 2;
    effect.request.images = {{RequestImage::Role::Start, cat, {}},
                             {RequestImage::Role::Start, dog, {}}};
    const Result<Job> keptEffect = store.add(effect);
    QVERIFY2(keptEffect.ok(), qPrintable(keptEffect.error.logText()));
    QCOMPARE(keptEffect.value->missingUploads(),
             (QList<JobInput>{{InputRole::EffectImage, 0}, {InputRole::EffectImage, 1}}));

    Job fusion = sampleJob(QStringLiteral("@hero walks down @street"));
    fusion.request.mode = GenerationMode::Fusion;
    fusion.request.images = {{RequestImage::Role::Subject, cat, QStringLiteral("hero")},
                             {RequestImage::Role::Background, street, QStringLiteral("street")}};
    const Result<Job> keptFusion = store.add(fusion);
    QVERIFY2(keptFusion.ok(), qPrintable(keptFusion.error.logText()));
    QCOMPARE(keptFusion.value->missingUploads(),
             (QList<JobInput>{{InputRole::Reference, 0}, {InputRole::Reference, 1}}));

    store.close();
    QVERIFY(store.open(dataDir));
    // Both of the effect's images come back, in order, as the store's copies.
    const QList<RequestImage> starts =
        store.job(keptEffect.value->id)->request.imagesWith(RequestImage::Role::Start);
    QCOMPARE(starts.size(), 2);
    for (const RequestImage& image : starts)
        QVERIFY(store.isStoreCopy(image.path));
    QVERIFY(starts.at(0).path != starts.at(1).path);
    QCOMPARE(QFileInfo(starts.at(0).path).size(), QFileInfo(cat).size());
    QCOMPARE(QFileInfo(starts.at(1).path).size(), QFileInfo(dog).size());
    QCOMPARE(store.job(keptEffect.value->id)->request.templateName, QStringLiteral("Hug"));
    // The references keep their roles and names; the same picture is one copy.
    const QList<RequestImage> references = store.job(keptFusion.value->id)->request.references();
    QCOMPARE(references.size(), 2);
    QCOMPARE(references.at(0).role, RequestImage::Role::Subject);
    QCOMPARE(references.at(0).name, QStringLiteral("hero"));
    QCOMPARE(references.at(0).path, starts.at(0).path);
    QCOMPARE(references.at(1).role, RequestImage::Role::Background);
    QCOMPARE(references.at(1).name, QStringLiteral("street"));
    QVERIFY(store.isStoreCopy(references.at(1).path));

    // A copy another job still uses stays when one of them goes.
    QVERIFY(store.remove(keptEffect.value->id));
    QVERIFY(QFileInfo::exists(references.at(0).path));
    QVERIFY(!QFileInfo::exists(starts.at(1).path));
    QVERIFY(store.remove(keptFusion.value->id));
    QVERIFY(!QFileInfo::exists(references.at(0).path));
    QVERIFY(!QFileInfo::exists(references.at(1).path));
}

void TestJobStore::listUploadsRoundTrip() {
    JobStore store;
    const QString dataDir = m_dir->filePath(QStringLiteral("data"));
    QVERIFY(store.open(dataDir));
    Job job = sampleJob(QStringLiteral("@a meets @b"));
    job.request.mode = GenerationMode::Fusion;
    job.request.images = {{RequestImage::Role::Subject, makePng(QStringLiteral("a.png"), Qt::red),
                           QStringLiteral("a")},
                          {RequestImage::Role::Subject, makePng(QStringLiteral("b.png"), Qt::cyan),
                           QStringLiteral("b")}};
    // Only the second reference is uploaded (a list is kept by position).
    setUpload(job.uploads, {InputRole::Reference, 1},
              UploadedImage{629000000000000007LL, QStringLiteral("https://img/b"), {}, 64, 48});
    job.uploads.starts = {UploadedImage{629000000000000008LL, QStringLiteral("s"), {}, 0, 0}};
    const qint64 id = store.add(job).value->id;
    store.close();
    QVERIFY(store.open(dataDir));
    const Job back = *store.job(id);
    QCOMPARE(back.uploads.references.size(), 2);
    QVERIFY(!hasUpload(back.uploads, {InputRole::Reference, 0}));
    QVERIFY(hasUpload(back.uploads, {InputRole::Reference, 1}));
    QCOMPARE(back.uploads.references.at(1).imageId, 629000000000000007LL);
    QCOMPARE(back.uploads.references.at(1).url, QStringLiteral("https://img/b"));
    QCOMPARE(back.uploads.references.at(1).width, 64);
    QCOMPARE(back.uploads.starts.size(), 1);
    QCOMPARE(back.uploads.starts.at(0).imageId, 629000000000000008LL);
    QCOMPARE(back.missingUploads(), QList<JobInput>{JobInput(InputRole::Reference, 0)});
    RequestInputs cleared = back.uploads;
    clearUpload(cleared, InputRole::Reference);
    QVERIFY(cleared.references.isEmpty());
    QVERIFY(!uploadsToJson(cleared).contains(QStringLiteral("references")));
}

void TestJobStore::readsSchema6RowsWithoutLists() {
    const QString dataDir = m_dir->filePath(QStringLiteral("data"));
    QString error;
    QVERIFY2(test::createSchema(dataDir, 6, &error), qPrintable(error)); // a version 6 file
    {
        // Rows as that release wrote them: uploads without lists (or none), an effect request
        // with only its template id.
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v6"));
        db.setDatabaseName(QDir(dataDir).filePath(JobStore::databaseFileName()));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO jobs (created_at, updated_at, family, account, request, image_path, state,"
            " image_id, uploads) VALUES (1700000000000, 1700000000000, 'openapi', '',"
            " '{\"mode\":\"i2v\",\"prompt\":\"cat\",\"images\":[{\"role\":\"start\","
            "\"path\":\"/old/cat.png\"}]}', '/old/cat.png', 'generating', 5,"
            " '{\"start\":{\"id\":5,\"url\":\"https://img/cat\"}}')")));
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO jobs (created_at, updated_at, family, account, request, state)"
            " VALUES (1700000001000, 1700000001000, 'openapi', '',"
            " '{\"mode\":\"effect\",\"prompt\":\"\",\"templateId\":7,\"images\":["
            "{\"role\":\"start\",\"path\":\"/old/a.png\"}]}', 'queued')")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v6"));
    JobStore store;
    QVERIFY2(store.open(dataDir), qPrintable(store.errorString()));
    const QList<Job> jobs = store.jobs();
    QCOMPARE(jobs.size(), 2);
    QCOMPARE(jobs.at(0).uploads.start->imageId, 5LL);
    QVERIFY(jobs.at(0).uploads.starts.isEmpty());
    QVERIFY(jobs.at(0).uploads.references.isEmpty());
    QVERIFY(jobs.at(0).missingUploads().isEmpty());
    QCOMPARE(jobs.at(1).request.mode, GenerationMode::Effect);
    QCOMPARE(jobs.at(1).request.templateId, 7LL);
    QCOMPARE(jobs.at(1).request.templateImageCount, 1); // the list's default
    QVERIFY(jobs.at(1).uploads.starts.isEmpty());
    QCOMPARE(jobs.at(1).missingUploads(), QList<JobInput>{JobInput(InputRole::EffectImage, 0)});
}

void TestJobStore::keepsRepeatedTextsOnce() {
    // Issue 20: 10,000 stored jobs held 10,000 copies of the same account label, error sentence
    // and settings words. Read back, equal texts share one copy; the values are unchanged.
    const QString dataDir = m_dir->filePath(QStringLiteral("data"));
    {
        JobStore store;
        QVERIFY(store.open(dataDir));
        for (int i = 0; i < 3; ++i) {
            Job job = sampleJob(QStringLiteral("take %1").arg(i));
            job.request.model = QStringLiteral("v5.6");
            job.errorMessage = QStringLiteral("The video could not be generated. Try again.");
            QVERIFY(store.add(job).ok());
        }
    }
    JobStore store;
    QVERIFY(store.open(dataDir));
    const QList<Job> jobs = store.jobs();
    QCOMPARE(jobs.size(), 3);
    for (const Job& job : jobs) {
        QCOMPARE(job.account, QStringLiteral("sk-…0000"));
        QCOMPARE(job.errorMessage, QStringLiteral("The video could not be generated. Try again."));
        QCOMPARE(job.request.model, QStringLiteral("v5.6"));
        QCOMPARE(job.request.quality, QStringLiteral("720p"));
        QCOMPARE(job.account.constData(), jobs.at(0).account.constData());
        QCOMPARE(job.errorMessage.constData(), jobs.at(0).errorMessage.constData());
    }
    QVERIFY(jobs.at(0).request.prompt.constData() != jobs.at(1).request.prompt.constData());
    // Requests parsed on one thread share their settings' words; a default stays the default's.
    const QJsonObject json = jobs.at(0).request.toJson();
    const GenerationRequest a = GenerationRequest::fromJson(json);
    const GenerationRequest b = GenerationRequest::fromJson(json);
    QCOMPARE(a.model, QStringLiteral("v5.6"));
    QCOMPARE(a.model.constData(), b.model.constData());
    QCOMPARE(a.quality.constData(), b.quality.constData());
    // A stored default is the default's literal again: no text of its own (null header). (Not
    // compared with a GenerationRequest made here: unoptimised builds give each file its own copy
    // of a literal.)
    QJsonObject defaults = json;
    defaults.insert(QStringLiteral("aspectRatio"), GenerationRequest().aspectRatio);
    QString ratio = GenerationRequest::fromJson(defaults).aspectRatio;
    QCOMPARE(ratio, GenerationRequest().aspectRatio);
    QVERIFY(ratio.data_ptr().d_ptr() == nullptr);
    QString model = a.model; // a word read from the JSON is a text of its own
    QVERIFY(model.data_ptr().d_ptr() != nullptr);
}

void TestJobStore::copiedInputsAreTheirOwn() {
    // RequestInputs keeps its rare inputs on the heap (HeapOptional): still values.
    RequestInputs inputs;
    QVERIFY(!inputs.start);
    inputs.start = UploadedImage{11, QStringLiteral("https://img/a"), {}, 640, 360};
    inputs.video = UploadedMedia{UploadedMedia::Kind::Video, 12, QStringLiteral("v"), 1280, 720};
    RequestInputs copy = inputs;
    copy.start->imageId = 21;
    copy.video.reset();
    QCOMPARE(inputs.start->imageId, 11LL);
    QVERIFY(inputs.video.has_value());
    QCOMPARE(inputs.video->mediaId, 12LL);
    QCOMPARE(copy.start->url, QStringLiteral("https://img/a"));
    QVERIFY(!copy.video);
    RequestInputs moved = std::move(copy);
    QCOMPARE(moved.start->imageId, 21LL);
    QCOMPARE(moved.start.value_or(UploadedImage{}).width, 640);
    moved.first = std::nullopt;
    QVERIFY_THROWS_EXCEPTION(std::bad_optional_access, moved.first.value());
}

void TestJobStore::reportsADamagedTable() {
    // The rows are read through SQLite's own API (JobReader): its refusal is the store's error,
    // and the file is left as it was.
    const QString dataDir = m_dir->filePath(QStringLiteral("data"));
    {
        JobStore store;
        QVERIFY(store.open(dataDir));
        QVERIFY(store.add(sampleJob()).ok());
    }
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("damage"));
        db.setDatabaseName(QDir(dataDir).filePath(JobStore::databaseFileName()));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("ALTER TABLE jobs RENAME TO jobs_elsewhere")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("damage"));
    JobStore store;
    QVERIFY(!store.open(dataDir));
    QVERIFY2(store.errorString().contains(QStringLiteral("Cannot read the job database")),
             qPrintable(store.errorString()));
    QVERIFY2(store.errorString().contains(QStringLiteral("jobs")), qPrintable(store.errorString()));
    QVERIFY(!store.isOpen());
}

QTEST_GUILESS_MAIN(TestJobStore)
#include "tst_jobstore.moc"
