// JobStore's queue and money side (issue 19, schema 8) on real SQLite files: a schema 7 file is
// migrated with its jobs and their order, the new fields, the queue's order, the stored values
// and the ledger survive a reopen, jobs added together are added whole or not at all, and a
// ledger entry is kept once however often it comes.
#include "core/jobs/JobStore.h"
#include "tests/core/jobs/BulkJobs.h"

#include <QDir>
#include <QImage>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;

class TestJobStoreQueue : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void migratesFromVersion7KeepingJobsAndTheirOrder();
    void queueFieldsSurviveReopen();
    void newJobsGoAfterEveryOther();
    void addManyAddsWholeOrNothing();
    void reorderQueuePersists();
    void reorderRefusesAJobThatLeftTheQueue();
    void storedValuesPersist();
    void ledgerKeepsEachEntryOnce();
    void ledgerMatchesJobs();

private:
    QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }
    static Job sampleJob(const QString& prompt);
    static QList<qint64> ids(const QList<Job>& jobs);
    QString makePng(const QString& name);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestJobStoreQueue::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

Job TestJobStoreQueue::sampleJob(const QString& prompt) {
    Job job;
    job.family = ApiFamily::OpenApi;
    job.request.prompt = prompt;
    job.request.quality = QStringLiteral("720p");
    return job;
}

QList<qint64> TestJobStoreQueue::ids(const QList<Job>& jobs) {
    QList<qint64> out;
    for (const Job& job : jobs)
        out << job.id;
    return out;
}

QString TestJobStoreQueue::makePng(const QString& name) {
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    const QString path = m_dir->filePath(name);
    return image.save(path, "PNG") ? path : QString();
}

void TestJobStoreQueue::migratesFromVersion7KeepingJobsAndTheirOrder() {
    QString error;
    QVERIFY2(test::createSchema(dataDir(), 7, &error), qPrintable(error));
    {
        // Rows as the release of schema 7 wrote them: three queued jobs, a finished one with
        // its charge, a tag.
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v7 rows"));
        db.setDatabaseName(QDir(dataDir()).filePath(JobStore::databaseFileName()));
        QVERIFY(db.open());
        QSqlQuery q(db);
        const QStringList states{QStringLiteral("queued"), QStringLiteral("done"),
                                 QStringLiteral("queued"), QStringLiteral("queued")};
        for (int i = 0; i < states.size(); ++i) {
            q.prepare(QStringLiteral(
                "INSERT INTO jobs (created_at, updated_at, family, request, state, credits,"
                " rating) VALUES (?, ?, 'openapi', ?, ?, ?, ?)"));
            q.addBindValue(1700000000000LL + i);
            q.addBindValue(1700000000000LL + i);
            q.addBindValue(QStringLiteral("{\"mode\":\"t2v\",\"prompt\":\"job %1\"}").arg(i));
            q.addBindValue(states.at(i));
            q.addBindValue(i == 1 ? QVariant(35) : QVariant());
            q.addBindValue(i == 1 ? 4 : 0);
            QVERIFY2(q.exec(), qPrintable(states.at(i)));
        }
        QVERIFY(q.exec(
            QStringLiteral("INSERT INTO job_tags (job_id, position, tag) VALUES (2, 0, 'sea')")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v7 rows"));

    JobStore store;
    QVERIFY2(store.open(dataDir()), qPrintable(store.errorString()));
    QCOMPARE(store.schemaVersion(), 8);
    const QList<Job> jobs = store.jobs();
    QCOMPARE(jobs.size(), 4);
    QCOMPARE(jobs.at(1).credits, std::optional<int>(35));
    QCOMPARE(jobs.at(1).rating, 4);
    QCOMPARE(jobs.at(1).tags, QStringList{QStringLiteral("sea")});
    for (const Job& job : jobs) {
        QCOMPARE(job.queueOrder, job.id); // the order they had: by id
        QVERIFY(!job.held);
        QCOMPARE(job.refundedCredits, 0);
        QVERIFY(job.origin.isEmpty());
    }
    QCOMPARE(ids(store.queue()), (QList<qint64>{1, 3, 4}));
    // A job added after the migration goes after the old ones.
    const Result<Job> added = store.add(sampleJob(QStringLiteral("new")));
    QVERIFY(added.ok());
    QCOMPARE(ids(store.queue()), (QList<qint64>{1, 3, 4, added.value->id}));
    QVERIFY(store.storedValue(QStringLiteral("queue/paused")).isEmpty());
    QVERIFY(store.ledgerEntries(LedgerEntry::Source::Local).isEmpty());
}

void TestJobStoreQueue::queueFieldsSurviveReopen() {
    qint64 id = 0;
    {
        JobStore store;
        QVERIFY2(store.open(dataDir()), qPrintable(store.errorString()));
        Job job = sampleJob(QStringLiteral("A lighthouse"));
        job.origin = QStringLiteral("batch:prompts.txt#3");
        const Result<Job> added = store.add(job);
        QVERIFY(added.ok());
        id = added.value->id;
        QVERIFY(store.modify(id, [](Job& j) {
            j.held = true;
            j.refundedCredits = 45;
        }));
    }
    JobStore store;
    QVERIFY2(store.open(dataDir()), qPrintable(store.errorString()));
    const Job job = *store.job(id);
    QVERIFY(job.held);
    QCOMPARE(job.refundedCredits, 45);
    QCOMPARE(job.origin, QStringLiteral("batch:prompts.txt#3"));
    QCOMPARE(job.queueOrder, 1);
    QVERIFY(store.hasOrigin(QStringLiteral("batch:prompts.txt#3")));
    QVERIFY(!store.hasOrigin(QStringLiteral("batch:prompts.txt#4")));
    QVERIFY(!store.hasOrigin(QString()));
    QCOMPARE(ids(store.jobsWithOrigin(QStringLiteral("batch:prompts.txt#"))), QList<qint64>{id});
    QVERIFY(store.jobsWithOrigin(QStringLiteral("hot:")).isEmpty());
}

void TestJobStoreQueue::newJobsGoAfterEveryOther() {
    JobStore store;
    QVERIFY2(store.open(dataDir()), qPrintable(store.errorString()));
    const Result<Job> first = store.add(sampleJob(QStringLiteral("first")));
    const Result<QList<Job>> takes =
        store.addGroup({sampleJob(QStringLiteral("take")), sampleJob(QStringLiteral("take"))});
    const Result<QList<Job>> batch =
        store.addMany({sampleJob(QStringLiteral("b1")), sampleJob(QStringLiteral("b2")),
                       sampleJob(QStringLiteral("b3"))});
    QVERIFY(first.ok() && takes.ok() && batch.ok());
    QList<qint64> orders;
    for (const Job& job : store.queue())
        orders << job.queueOrder;
    QCOMPARE(orders, (QList<qint64>{1, 2, 3, 4, 5, 6}));
    QCOMPARE(batch.value->at(2).queueOrder, 6);
    // Moved to the front, the last batch job keeps its place; the next new job still goes last.
    QVERIFY(store.reorderQueue({batch.value->at(2).id}));
    const Result<Job> next = store.add(sampleJob(QStringLiteral("next")));
    QVERIFY(next.ok());
    const QList<Job> queue = store.queue();
    QCOMPARE(queue.first().id, batch.value->at(2).id);
    QCOMPARE(queue.last().id, next.value->id);
    QVERIFY(queue.last().queueOrder > queue.at(queue.size() - 2).queueOrder);
}

void TestJobStoreQueue::addManyAddsWholeOrNothing() {
    const QString image = makePng(QStringLiteral("shared.png"));
    QVERIFY(!image.isEmpty());
    qint64 firstId = 0;
    {
        JobStore store;
        QVERIFY2(store.open(dataDir()), qPrintable(store.errorString()));
        QSignalSpy added(&store, &JobStore::jobAdded);
        // One unreadable image among three: nothing is added.
        QList<Job> jobs;
        for (const QString& path : {image, m_dir->filePath(QStringLiteral("missing.png")), image}) {
            Job job = sampleJob(QStringLiteral("i2v"));
            job.request.mode = GenerationMode::ImageToVideo;
            job.request.setStartImage(path);
            job.origin = QStringLiteral("hot:abc#%1").arg(jobs.size());
            jobs << job;
        }
        QVERIFY(!store.addMany(jobs).ok());
        QVERIFY(store.jobs().isEmpty());
        QCOMPARE(added.count(), 0);

        jobs.removeAt(1);
        const Result<QList<Job>> ok = store.addMany(jobs);
        QVERIFY2(ok.ok(), qPrintable(ok.error.userMessage()));
        QCOMPARE(ok.value->size(), 2);
        QCOMPARE(added.count(), 2);
        firstId = ok.value->first().id;
        QCOMPARE(added.at(0).at(0).toLongLong(), firstId);
        QCOMPARE(added.at(1).at(0).toLongLong(), ok.value->at(1).id);
        // The shared image is one copy in the store, and no group is made.
        const QString copy = ok.value->at(0).request.startImagePath();
        QVERIFY(store.isStoreCopy(copy));
        QCOMPARE(ok.value->at(1).request.startImagePath(), copy);
        QCOMPARE(ok.value->at(0).sourceImagePath, QFileInfo(image).absoluteFilePath());
        QCOMPARE(ok.value->at(1).groupId, 0);
        QCOMPARE(QDir(store.imagesDir()).entryList(QDir::Files).size(), 1);
    }
    JobStore store;
    QVERIFY2(store.open(dataDir()), qPrintable(store.errorString()));
    QCOMPARE(store.jobs().size(), 2);
    QVERIFY(store.hasOrigin(QStringLiteral("hot:abc#0")));
    QVERIFY(store.hasOrigin(QStringLiteral("hot:abc#2")));
    QCOMPARE(store.jobsWithOrigin(QStringLiteral("hot:abc#")).first().id, firstId);
}

void TestJobStoreQueue::reorderQueuePersists() {
    QList<qint64> added;
    {
        JobStore store;
        QVERIFY2(store.open(dataDir()), qPrintable(store.errorString()));
        for (int i = 0; i < 4; ++i)
            added << store.add(sampleJob(QStringLiteral("job %1").arg(i))).value->id;
        QSignalSpy changed(&store, &JobStore::jobChanged);
        QVERIFY(store.reorderQueue({added[2], added[0]}));
        QCOMPARE(ids(store.queue()), (QList<qint64>{added[2], added[0], added[1], added[3]}));
        QCOMPARE(changed.count(), 3); // the last one kept its place
    }
    JobStore store;
    QVERIFY2(store.open(dataDir()), qPrintable(store.errorString()));
    QCOMPARE(ids(store.queue()), (QList<qint64>{added[2], added[0], added[1], added[3]}));
}

void TestJobStoreQueue::reorderRefusesAJobThatLeftTheQueue() {
    JobStore store;
    QVERIFY2(store.open(dataDir()), qPrintable(store.errorString()));
    QList<qint64> added;
    for (int i = 0; i < 3; ++i)
        added << store.add(sampleJob(QStringLiteral("job %1").arg(i))).value->id;
    QVERIFY(store.modify(added[1], [](Job& job) { job.state = JobState::Submitting; }));
    QSignalSpy changed(&store, &JobStore::jobChanged);
    QVERIFY(!store.reorderQueue({added[2], added[1]}));
    QVERIFY(!store.reorderQueue({added[2], 999}));
    QVERIFY(!store.reorderQueue({added[2], added[2]}));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(ids(store.queue()), (QList<qint64>{added[0], added[2]}));
}

void TestJobStoreQueue::storedValuesPersist() {
    {
        JobStore store;
        QVERIFY2(store.open(dataDir()), qPrintable(store.errorString()));
        QVERIFY(store.storedValue(QStringLiteral("queue/paused")).isEmpty());
        QVERIFY(store.setStoredValue(QStringLiteral("queue/paused"), QStringLiteral("1")));
        QVERIFY(store.setStoredValue(QStringLiteral("ledger/syncedUntil"), QStringLiteral("a")));
        QVERIFY(store.setStoredValue(QStringLiteral("ledger/syncedUntil"), QStringLiteral("b")));
    }
    {
        JobStore store;
        QVERIFY2(store.open(dataDir()), qPrintable(store.errorString()));
        QCOMPARE(store.storedValue(QStringLiteral("queue/paused")), QStringLiteral("1"));
        QCOMPARE(store.storedValue(QStringLiteral("ledger/syncedUntil")), QStringLiteral("b"));
        QVERIFY(store.setStoredValue(QStringLiteral("queue/paused"), QString()));
    }
    JobStore store;
    QVERIFY2(store.open(dataDir()), qPrintable(store.errorString()));
    QVERIFY(store.storedValue(QStringLiteral("queue/paused")).isEmpty());
    QCOMPARE(store.storedValue(QStringLiteral("ledger/syncedUntil")), QStringLiteral("b"));
}

namespace {

LedgerEntry entry(LedgerEntry::Source source, qint64 videoId, qint64 credits, bool refund,
                  const QDateTime& at) {
    LedgerEntry e;
    e.source = source;
    e.videoId = videoId;
    e.credits = credits;
    e.refund = refund;
    e.at = at;
    e.creationType = QStringLiteral("text_to_video");
    if (source == LedgerEntry::Source::Service)
        e.raw = QByteArrayLiteral("{\"video_id\":1}");
    return e;
}

} // namespace

void TestJobStoreQueue::ledgerKeepsEachEntryOnce() {
    const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(1780000000000LL, Qt::UTC);
    using Source = LedgerEntry::Source;
    const QList<LedgerEntry> first{
        entry(Source::Service, 11, 35, false, t0),
        entry(Source::Service, 11, 35, true, t0.addSecs(60)), // its refund
        entry(Source::Service, 12, 45, false, t0.addSecs(120)),
        entry(Source::Local, 11, 35, false, t0), // what the app saw is kept apart
    };
    {
        JobStore store;
        QVERIFY2(store.open(dataDir()), qPrintable(store.errorString()));
        QSignalSpy changed(&store, &JobStore::ledgerChanged);
        QCOMPARE(*store.addLedgerEntries(first).value, 4);
        QCOMPARE(changed.count(), 1);
        // A second sync brings the same items and one new one.
        QList<LedgerEntry> again = first;
        again << entry(Source::Service, 13, 20, false, t0.addSecs(180));
        QCOMPARE(*store.addLedgerEntries(again).value, 1);
        QCOMPARE(*store.addLedgerEntries(first).value, 0);
        QCOMPARE(changed.count(), 2);
    }
    JobStore store;
    QVERIFY2(store.open(dataDir()), qPrintable(store.errorString()));
    const QList<LedgerEntry> service = store.ledgerEntries(Source::Service);
    QCOMPARE(service.size(), 4);
    QCOMPARE(service.at(1).refund, true);
    QCOMPARE(service.at(1).signedCredits(), -35);
    QCOMPARE(service.at(0).at, t0);
    QCOMPARE(service.at(0).raw, QByteArrayLiteral("{\"video_id\":1}"));
    QCOMPARE(service.at(0).creationType, QStringLiteral("text_to_video"));
    QVERIFY(service.at(0).id > 0);
    QCOMPARE(store.ledgerEntries(Source::Local).size(), 1);
    // [from, until): the refund and the second charge.
    const QList<LedgerEntry> window =
        store.ledgerEntries(Source::Service, t0.addSecs(60), t0.addSecs(180));
    QCOMPARE(window.size(), 2);
    QCOMPARE(window.at(0).videoId, 11);
    QCOMPARE(window.at(1).videoId, 12);
    // Still kept once after the reopen.
    QCOMPARE(*store.addLedgerEntries(first).value, 0);
}

void TestJobStoreQueue::ledgerMatchesJobs() {
    const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(1780000000000LL, Qt::UTC);
    using Source = LedgerEntry::Source;
    {
        JobStore store;
        QVERIFY2(store.open(dataDir()), qPrintable(store.errorString()));
        QVERIFY(store
                    .addLedgerEntries({entry(Source::Service, 21, 35, false, t0),
                                       entry(Source::Service, 21, 35, true, t0.addSecs(5)),
                                       entry(Source::Service, 22, 50, false, t0)})
                    .ok());
        QSignalSpy changed(&store, &JobStore::ledgerChanged);
        QVERIFY(store.matchLedgerEntries(21, 7, QStringLiteral("v6")));
        QCOMPARE(changed.count(), 1);
        // Matched already: another job does not take it over.
        QVERIFY(store.matchLedgerEntries(21, 8, QStringLiteral("v5")));
        QCOMPARE(changed.count(), 1);
    }
    JobStore store;
    QVERIFY2(store.open(dataDir()), qPrintable(store.errorString()));
    for (const LedgerEntry& e : store.ledgerEntries(Source::Service)) {
        QCOMPARE(e.jobId, e.videoId == 21 ? 7 : 0);
        QCOMPARE(e.model, e.videoId == 21 ? QStringLiteral("v6") : QString());
    }
}

QTEST_GUILESS_MAIN(TestJobStoreQueue)
#include "tst_jobstorequeue.moc"
