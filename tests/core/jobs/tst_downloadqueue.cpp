// DownloadQueue over the sandbox on loopback, a real store and real files (through the engine that
// wires it): never more transfers than its slots, a failed transfer waits as JobScheduler says and
// then saves, a URL refused for good fails the job after the fresh URLs ran out (and "download
// again" brings it back), and a job the creator removed is dropped.
#include "JobTestFixture.h"
#include "core/jobs/DownloadQueue.h"
#include "core/jobs/JobTransitions.h"

#include <QSignalSpy>
#include <QTest>

using namespace pixverse;
using pixverse::test::JobTestBed;
using pixverse::test::MaxSampler;

class TestDownloadQueue : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void neverMoreTransfersThanSlots();
    void aFailedTransferWaitsThenSaves();
    void aUrlRefusedForGoodFailsTheJob();

private:
    static void mediaFault(JobTestBed& bed, int httpStatus, int count);
};

void TestDownloadQueue::mediaFault(JobTestBed& bed, int httpStatus, int count) {
    sandbox::SandboxFault fault;
    fault.kind = sandbox::SandboxFault::Kind::HttpStatus;
    fault.pathContains = QStringLiteral("/media/");
    fault.httpStatus = httpStatus;
    fault.count = count;
    bed.sandbox->injectFault(fault);
}

void TestDownloadQueue::neverMoreTransfersThanSlots() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngineOptions options = bed.fastOptions(6);
    options.maxDownloads = 2;
    JobEngine* engine = bed.makeEngine(options);
    DownloadQueue* queue = engine->downloads();
    MaxSampler running([queue] { return queue->runningCount(); }, 1);
    QSignalSpy saved(engine, &JobEngine::videoSaved);
    engine->start();
    const QList<qint64> ids = bed.enqueue(6);
    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Done), 20000);
    running.stop();
    QCOMPARE(saved.count(), 6);
    QVERIFY2(running.max() <= 2, qPrintable(QString::number(running.max())));
    QVERIFY(running.max() >= 1);
    QCOMPARE(queue->runningCount(), 0);
    for (const qint64 id : ids) {
        const Job job = *bed.store->job(id);
        QVERIFY(QFileInfo::exists(job.videoPath));
        QVERIFY(QFileInfo::exists(job.sidecarPath));
        QVERIFY(!queue->contains(id));
    }
}

void TestDownloadQueue::aFailedTransferWaitsThenSaves() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    mediaFault(bed, 503, 1);
    JobEngine* engine = bed.makeEngine(bed.fastOptions(1));
    engine->downloader()->setRetryPolicy({1, 10, 10}); // the transfer gives up at once
    QList<Job> waits;
    QObject::connect(bed.store.get(), &JobStore::jobChanged, engine, [&](qint64 changed) {
        const std::optional<Job> job = bed.store->job(changed);
        if (job && job->state == JobState::Downloading && job->nextAttemptAt.isValid())
            waits << *job;
    });
    engine->start();
    const qint64 id = bed.enqueue(1).first();
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(id)->state, JobState::Done, 10000);
    QCOMPARE(waits.size(), 1);
    QCOMPARE(waits.first().attempts, 1);
    QCOMPARE(waits.first().errorMessage, ApiError::http(503).userMessage());
    // The wait is the scheduler's first step (20 ms with these options), not the queue's own.
    QCOMPARE(engine->scheduler()->downloadRetryDelay(1, ApiError::http(503)),
             std::optional<int>(20));
    QVERIFY(waits.first().nextAttemptAt.isValid());
    QCOMPARE(bed.sandbox->stats().mediaRequests, 1); // the one served (the refused one is not)
    const Job done = *bed.store->job(id);
    QVERIFY(done.errorMessage.isEmpty());
    QVERIFY(QFileInfo::exists(done.videoPath));
}

void TestDownloadQueue::aUrlRefusedForGoodFailsTheJob() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    mediaFault(bed, 404, -1);
    JobEngine* engine = bed.makeEngine(bed.fastOptions(1));
    engine->downloader()->setRetryPolicy({1, 10, 10});
    QSignalSpy settled(engine, &JobEngine::jobSettled);
    int freshUrlsAsked = 0; // the URL is cleared each time a fresh one is asked for
    QObject::connect(bed.store.get(), &JobStore::jobChanged, engine, [&](qint64 changed) {
        const std::optional<Job> job = bed.store->job(changed);
        if (job && job->state == JobState::Downloading && job->videoUrl.isEmpty())
            ++freshUrlsAsked;
    });
    engine->start();
    const qint64 id = bed.enqueue(1).first();
    QTRY_COMPARE_WITH_TIMEOUT(settled.count(), 1, 10000);
    const Job failed = *bed.store->job(id);
    QCOMPARE(failed.state, JobState::Failed);
    QCOMPARE(failed.errorCode, 404);
    QVERIFY(failed.errorMessage.contains(ApiError::http(404).userMessage()));
    // The first URL and three fresh ones were refused; nothing was served.
    QCOMPARE(freshUrlsAsked, 3);
    QCOMPARE(bed.sandbox->stats().mediaRequests, 0);
    // The service made it: "Download again" is offered and works once the URL does.
    QVERIFY(failed.wasMadeOnService());
    QVERIFY(jobAllowedActions(failed).has(JobAction::Redownload));
    bed.sandbox->clearFaults();
    QSignalSpy saved(engine, &JobEngine::videoSaved);
    QVERIFY(engine->redownload(id));
    QVERIFY(engine->downloads()->contains(id));
    QVERIFY(!engine->redownload(id)); // once
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
    const Job done = *bed.store->job(id);
    QCOMPARE(done.state, JobState::Done);
    QCOMPARE(done.errorCode, 0);
    QVERIFY(QFileInfo::exists(done.videoPath));
    QCOMPARE(bed.sandbox->stats().generationsCreated, 1);
}

QTEST_GUILESS_MAIN(TestDownloadQueue)
#include "tst_downloadqueue.moc"
