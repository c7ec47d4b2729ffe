// JobScheduler and StatusPoller against the sandbox over loopback: order and cap, what each error
// does (requeue, backoff with the same or a new trace id, fail at once), crash recovery of a
// create, and the poller's one-call ticks, schedule, stall flag and offline pause.
#include "JobTestFixture.h"
#include "core/api/ExponentialBackoff.h"
#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobScheduler.h"
#include "core/jobs/StatusPoller.h"
#include "core/sandbox/SandboxTemplates.h"
#include "tests/support/Await.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

using namespace pixverse;
using pixverse::test::JobTestBed;

Q_DECLARE_METATYPE(pixverse::sandbox::SandboxFault)

class TestJobScheduler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void backoffDoublesAndCaps();
    void downloadRetryDelayIsTheSchedulers();
    void pollScheduleGrowsWithAge();
    void submitsInOrderWithinTheCap();
    void transientErrorsAreRetried_data();
    void transientErrorsAreRetried();
    void retryAfterIsHonoured();
    void concurrencyLimitRequeuesWithANewTrace();
    void refusalsFailAtOnce_data();
    void refusalsFailAtOnce();
    void lostRepliesAreResentWithTheSameTrace();
    void crashWhileSubmittingResendsTheSameTrace();
    void imageToVideoUploadsFirstAndAgainAfterACrash();
    void authErrorFailsAndPauses();
    void cancelOnlyBeforeSending();
    void pollerMakesOneCallPerTick();
    void pollerFollowsTheSchedule();
    void pollerFlagsStalledJobsAndKeepsPolling();
    void pollerPausesWhileOffline();
    void pollerProbesAfterNetworkErrors();
    void transitionUploadsEachFrameOnce();
    void extendFromALocalFileUploadsTheVideo();
    void crashMidUploadUploadsOnlyWhatIsMissing();
    void cancelWhileUploadingMedia();
    void effectUploadsEachImageOnce();
    void fusionUploadsEachReferenceOnce();
    void restartBetweenTwoUploadsSendsOnlyTheMissingOne();

private:
    //! A two-image effect job (the sandbox's kTwoImageId) with two distinct PNGs.
    static Job twoImageEffect(JobTestBed& bed);
    //! A request in `mode` with a model the built-in catalog gives that mode (OpenAPI).
    static GenerationRequest requestFor(GenerationMode mode, const QString& prompt);
    //! A PNG of `colour` in the bed's folder.
    static QString makePng(JobTestBed& bed, const QString& name, QColor colour);
    //! Adds `count` queued jobs straight to the store.
    static QList<qint64> addJobs(JobStore& store, int count,
                                 const QString& prompt = QStringLiteral("A quiet harbour"));
    //! Makes a video on the sandbox directly and returns its id (0 on failure).
    static qint64 createVideo(JobTestBed& bed, const QString& prompt);
};

QList<qint64> TestJobScheduler::addJobs(JobStore& store, int count, const QString& prompt) {
    QList<qint64> ids;
    for (int i = 0; i < count; ++i) {
        Job job;
        job.request = JobTestBed::request(QStringLiteral("%1 %2").arg(prompt).arg(i + 1));
        ids << store.add(job).value->id;
    }
    return ids;
}

GenerationRequest TestJobScheduler::requestFor(GenerationMode mode, const QString& prompt) {
    GenerationRequest request = JobTestBed::request(prompt);
    request.mode = mode;
    if (ModelCatalog::modeTakesModel(mode))
        request.model = ModelCatalog::builtIn().defaultModel(ApiFamily::OpenApi, mode);
    return request;
}

QString TestJobScheduler::makePng(JobTestBed& bed, const QString& name, QColor colour) {
    return bed.makePng(name, colour);
}

qint64 TestJobScheduler::createVideo(JobTestBed& bed, const QString& prompt) {
    const auto created = pixverse::test::await<Result<CreatedVideo>>([&](auto done) {
        bed.backend->createVideo(JobTestBed::request(prompt), RequestInputs{},
                                 ApiClient::newTraceId(), nullptr, done);
    });
    return created && created->ok() ? created->value->videoId : 0;
}

void TestJobScheduler::backoffDoublesAndCaps() {
    ExponentialBackoff backoff(100, 1000);
    QCOMPARE(backoff.next(), 100);
    QCOMPARE(backoff.next(), 200);
    QCOMPARE(backoff.next(), 400);
    QCOMPARE(backoff.next(), 800);
    QCOMPARE(backoff.next(), 1000);
    QCOMPARE(backoff.next(), 1000);
    QCOMPARE(backoff.failures(), 6);
    backoff.reset();
    QCOMPARE(backoff.next(), 100);
    QCOMPARE(ExponentialBackoff::delayFor(1000, 100, 5000), 5000); // no overflow
}

void TestJobScheduler::downloadRetryDelayIsTheSchedulers() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobScheduler scheduler(bed.store.get(), bed.backend.get());
    scheduler.setBackoffPolicy({100, 1000, 60000});
    const ApiError outage = ApiError::http(503);
    QCOMPARE(scheduler.downloadRetryDelay(1, outage), std::optional<int>(100));
    QCOMPARE(scheduler.downloadRetryDelay(2, outage), std::optional<int>(200));
    QCOMPARE(scheduler.downloadRetryDelay(9, outage), std::optional<int>(1000));
    // Retry-After wins when it asks for longer; a malformed reply and a refused Range retry too.
    QCOMPARE(scheduler.downloadRetryDelay(1, ApiError::http(429, {}, 3)), std::optional<int>(3000));
    QCOMPARE(scheduler.downloadRetryDelay(1, ApiError::malformed(QStringLiteral("x"))),
             std::optional<int>(100));
    QCOMPARE(scheduler.downloadRetryDelay(1, ApiError::http(416)), std::optional<int>(100));
    // Final: the URL is refused for good, the file cannot be written.
    QVERIFY(!scheduler.downloadRetryDelay(1, ApiError::http(404)));
    QVERIFY(!scheduler.downloadRetryDelay(1, ApiError::input(QStringLiteral("disk full"))));
}

void TestJobScheduler::pollScheduleGrowsWithAge() {
    const PollSchedule schedule;
    QCOMPARE(schedule.intervalFor(0), 2000);
    QCOMPARE(schedule.intervalFor(59 * 1000), 2000);
    QCOMPARE(schedule.intervalFor(61 * 1000), 5000);
    QCOMPARE(schedule.intervalFor(5 * 60 * 1000 + 1), 10000);
    QCOMPARE(PollSchedule::uniform(30).intervalFor(999999), 30);
}

void TestJobScheduler::submitsInOrderWithinTheCap() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    const QList<qint64> ids = addJobs(*bed.store, 5);
    JobScheduler scheduler(bed.store.get(), bed.backend.get());
    scheduler.setConcurrencyCap(2);
    scheduler.setBackoffPolicy({20, 200, 60000});
    QSignalSpy submitted(&scheduler, &JobScheduler::jobSubmitted);
    scheduler.start();
    QTRY_COMPARE(submitted.count(), 2);
    // Nothing more may go while both slots are held: the pass that follows the second
    // acceptance (posted) runs here and sends nothing.
    QCoreApplication::processEvents();
    QCOMPARE(scheduler.inFlightCount(), 0);
    QCOMPARE(submitted.count(), 2);
    QCOMPARE(bed.store->job(ids[0])->state, JobState::Generating);
    QCOMPARE(bed.store->job(ids[1])->state, JobState::Generating);
    QCOMPARE(bed.countIn(JobState::Queued), 3);
    QVERIFY(bed.store->job(ids[0])->videoId > 0);
    QVERIFY(!bed.store->job(ids[0])->traceId.isEmpty());
    QVERIFY(bed.store->job(ids[0])->generatingSince.isValid());

    // A slot frees (as when a video is done): the next job in order goes.
    QVERIFY(bed.store->modify(ids[0], [](Job& job) { job.state = JobState::Done; }));
    QTRY_COMPARE(submitted.count(), 3);
    QCOMPARE(submitted.last().first().toLongLong(), ids[2]);
    QCOMPARE(bed.store->job(ids[3])->state, JobState::Queued);
    QCOMPARE(bed.sandbox->stats().generationsCreated, 3);
}

void TestJobScheduler::transientErrorsAreRetried_data() {
    QTest::addColumn<sandbox::SandboxFault>("fault");
    QTest::addColumn<bool>("sameTrace");
    using Kind = sandbox::SandboxFault::Kind;
    sandbox::SandboxFault fault;
    fault.pathContains = QStringLiteral("video/text/generate");
    fault.count = 2;

    fault.kind = Kind::ServiceError;
    fault.errCode = 500069;
    QTest::newRow("500069 high load") << fault << false;
    fault.errCode = 500100;
    QTest::newRow("500100 database") << fault << false;
    fault.kind = Kind::HttpStatus;
    fault.httpStatus = 502;
    QTest::newRow("HTTP 502") << fault << true;
    fault.httpStatus = 503;
    QTest::newRow("HTTP 503") << fault << true;
    fault.kind = Kind::DropConnection;
    QTest::newRow("dropped connection") << fault << true;
    fault.kind = Kind::MalformedJson;
    QTest::newRow("malformed reply") << fault << true;
}

void TestJobScheduler::transientErrorsAreRetried() {
    QFETCH(sandbox::SandboxFault, fault);
    QFETCH(bool, sameTrace);
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    const qint64 id = addJobs(*bed.store, 1).first();
    QString firstTrace;
    QObject::connect(bed.store.get(), &JobStore::jobChanged, bed.store.get(), [&](qint64 changed) {
        const Job job = *bed.store->job(changed);
        if (job.state == JobState::Submitting && firstTrace.isEmpty())
            firstTrace = job.traceId;
    });
    bed.sandbox->injectFault(fault);
    JobScheduler scheduler(bed.store.get(), bed.backend.get());
    scheduler.setBackoffPolicy({20, 200, 60000});
    QSignalSpy deferred(&scheduler, &JobScheduler::jobDeferred);
    QSignalSpy failed(&scheduler, &JobScheduler::jobFailed);
    scheduler.start();
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(id)->state, JobState::Generating, 10000);
    if (fault.kind == sandbox::SandboxFault::Kind::DropConnection)
        QVERIFY(deferred.count() >= 1 &&
                deferred.count() <= 2); // Qt resends once itself on a closed socket
    else
        QCOMPARE(deferred.count(), 2);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(bed.store->job(id)->attempts, 0);
    QCOMPARE(bed.store->job(id)->errorMessage, QString());
    QCOMPARE(bed.sandbox->stats().generationsCreated, 1);
    // The create may have reached the service only when the answer was not PixVerse's own.
    QCOMPARE(bed.store->job(id)->traceId == firstTrace, sameTrace);
}

void TestJobScheduler::retryAfterIsHonoured() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    const qint64 id = addJobs(*bed.store, 1).first();
    sandbox::SandboxFault fault;
    fault.kind = sandbox::SandboxFault::Kind::HttpStatus;
    fault.httpStatus = 429;
    fault.retryAfterSeconds = 1;
    fault.pathContains = QStringLiteral("video/text/generate");
    bed.sandbox->injectFault(fault);
    JobScheduler scheduler(bed.store.get(), bed.backend.get());
    scheduler.setBackoffPolicy({20, 200, 60000});
    QSignalSpy deferred(&scheduler, &JobScheduler::jobDeferred);
    QElapsedTimer clock;
    clock.start();
    scheduler.start();
    QTRY_COMPARE(deferred.count(), 1);
    QCOMPARE(deferred.first().at(1).toInt(), 1000); // Retry-After wins over the 20 ms backoff
    QCOMPARE(bed.store->job(id)->errorCode, 429);
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(id)->state, JobState::Generating, 5000);
    QVERIFY(clock.elapsed() >= 1000);
    QCOMPARE(bed.sandbox->stats().generationsCreated, 1);
}

void TestJobScheduler::concurrencyLimitRequeuesWithANewTrace() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    const qint64 id = addJobs(*bed.store, 1).first();
    sandbox::SandboxFault fault;
    fault.kind = sandbox::SandboxFault::Kind::ServiceError;
    fault.errCode = 500044;
    fault.pathContains = QStringLiteral("video/text/generate");
    bed.sandbox->injectFault(fault);
    JobScheduler scheduler(bed.store.get(), bed.backend.get());
    scheduler.setConcurrencyCap(4);
    scheduler.setBackoffPolicy({20, 200, 60000});
    QSignalSpy deferred(&scheduler, &JobScheduler::jobDeferred);
    QSignalSpy failed(&scheduler, &JobScheduler::jobFailed);
    QStringList traces;
    QObject::connect(bed.store.get(), &JobStore::jobChanged, bed.store.get(), [&](qint64 changed) {
        const Job job = *bed.store->job(changed);
        if (job.state == JobState::Submitting && !traces.contains(job.traceId))
            traces << job.traceId;
    });
    scheduler.start();
    QTRY_COMPARE(deferred.count(), 1);
    QCOMPARE(deferred.first().at(2).value<ApiError>().errCode(), 500044);
    QCOMPARE(scheduler.effectiveLimit(), 1); // learned: nothing else of ours was generating
    QTRY_COMPARE(bed.store->job(id)->state, JobState::Generating);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(traces.size(), 2); // the refused trace id would only replay the refusal
    QCOMPARE(bed.sandbox->stats().generationsCreated, 1);
}

void TestJobScheduler::refusalsFailAtOnce_data() {
    QTest::addColumn<QString>("quality");
    QTest::addColumn<int>("duration");
    QTest::addColumn<qint64>("credits");
    QTest::addColumn<qint64>("errCode");
    QTest::newRow("1080p + 8 s (400017)")
        << QStringLiteral("1080p") << 8 << qint64(1000) << qint64(400017);
    QTest::newRow("no credits (500090)")
        << QStringLiteral("540p") << 5 << qint64(0) << qint64(500090);
}

void TestJobScheduler::refusalsFailAtOnce() {
    QFETCH(QString, quality);
    QFETCH(int, duration);
    QFETCH(qint64, credits);
    QFETCH(qint64, errCode);
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    bed.sandbox->setCredits(bed.sandbox->defaultApiKey(), credits, 0);
    Job job;
    job.request = JobTestBed::request(QStringLiteral("A lighthouse"));
    job.request.quality = quality;
    job.request.duration = duration; // sent as is: the scheduler does not validate
    const qint64 id = bed.store->add(job).value->id;
    JobScheduler scheduler(bed.store.get(), bed.backend.get());
    QSignalSpy deferred(&scheduler, &JobScheduler::jobDeferred);
    QSignalSpy failed(&scheduler, &JobScheduler::jobFailed);
    scheduler.start();
    QTRY_COMPARE(failed.count(), 1);
    const Job after = *bed.store->job(id);
    QCOMPARE(after.state, JobState::Failed);
    QCOMPARE(after.errorCode, errCode);
    QCOMPARE(after.errorMessage, ApiError::service(errCode, {}).userMessage());
    QCOMPARE(deferred.count(), 0);
    QCOMPARE(bed.sandbox->stats().generationsCreated, 0);
    QVERIFY(!scheduler.isPaused());
}

void TestJobScheduler::lostRepliesAreResentWithTheSameTrace() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    bed.client()->setDefaultTimeout(250);
    const QList<qint64> ids = addJobs(*bed.store, 3);
    // Every first create is made on the service but its answer comes after the client gave up.
    sandbox::SandboxFault fault;
    fault.kind = sandbox::SandboxFault::Kind::Stall;
    fault.delayMs = 1500;
    fault.count = 3;
    fault.pathContains = QStringLiteral("video/text/generate");
    bed.sandbox->injectFault(fault);
    QHash<qint64, QString> firstTrace;
    QObject::connect(bed.store.get(), &JobStore::jobChanged, bed.store.get(), [&](qint64 changed) {
        const Job job = *bed.store->job(changed);
        if (job.state == JobState::Submitting && !firstTrace.contains(changed))
            firstTrace.insert(changed, job.traceId);
    });
    JobScheduler scheduler(bed.store.get(), bed.backend.get());
    scheduler.setBackoffPolicy({20, 200, 60000});
    QSignalSpy deferred(&scheduler, &JobScheduler::jobDeferred);
    scheduler.start();
    QTRY_COMPARE_WITH_TIMEOUT(bed.countIn(JobState::Generating), 3, 10000);
    QVERIFY(deferred.count() >= 3);
    for (const QVariantList& d : std::as_const(deferred))
        QCOMPARE(d.at(2).value<ApiError>().kind(), ApiError::Kind::Timeout);
    const sandbox::SandboxStats stats = bed.sandbox->stats();
    QCOMPARE(stats.generationsCreated, 3); // exactly one per job
    QVERIFY(stats.replayedAnswers >= 3);
    QSet<qint64> videos;
    for (const qint64 id : ids) {
        const Job job = *bed.store->job(id);
        QCOMPARE(job.traceId, firstTrace.value(id));
        videos.insert(job.videoId);
    }
    QCOMPARE(videos.size(), 3);
}

void TestJobScheduler::crashWhileSubmittingResendsTheSameTrace() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    // The previous run committed Submitting + trace id, sent the create, and died before the
    // answer.
    Job job;
    job.request = JobTestBed::request(QStringLiteral("A lighthouse before the crash"));
    job = *bed.store->add(job).value;
    job.state = JobState::Submitting;
    job.traceId = ApiClient::newTraceId();
    QVERIFY(bed.store->update(job));
    qint64 madeBeforeCrash = 0;
    bool answered = false;
    bed.backend->createVideo(job.request, RequestInputs{}, job.traceId, nullptr,
                             [&](Result<CreatedVideo> r) {
                                 answered = true;
                                 madeBeforeCrash = r.ok() ? r.value->videoId : -1;
                             });
    QTRY_VERIFY(answered);
    QVERIFY(madeBeforeCrash > 0);

    QVERIFY(bed.reopenStore());
    JobScheduler scheduler(bed.store.get(), bed.backend.get());
    scheduler.start();
    QTRY_COMPARE(bed.store->job(job.id)->state, JobState::Generating);
    QCOMPARE(bed.store->job(job.id)->videoId, madeBeforeCrash);
    QCOMPARE(bed.store->job(job.id)->traceId, job.traceId);
    QCOMPARE(bed.sandbox->stats().generationsCreated, 1);
    QCOMPARE(bed.sandbox->stats().replayedAnswers, 1);
}

void TestJobScheduler::imageToVideoUploadsFirstAndAgainAfterACrash() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    QImage image(640, 360, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    const QString path = bed.dir.filePath(QStringLiteral("still.png"));
    QVERIFY(image.save(path, "PNG"));
    Job job;
    job.request = JobTestBed::request(QStringLiteral("The still comes alive"));
    job.request.setStartImage(path);
    job = *bed.store->add(job).value;
    // As if the previous run died during the upload.
    job.state = JobState::Uploading;
    QVERIFY(bed.store->update(job));

    QList<JobState> seen;
    QObject::connect(bed.store.get(), &JobStore::jobChanged, bed.store.get(),
                     [&](qint64 id) { seen << bed.store->job(id)->state; });
    JobScheduler scheduler(bed.store.get(), bed.backend.get());
    scheduler.start();
    QTRY_COMPARE(bed.store->job(job.id)->state, JobState::Generating);
    const Job after = *bed.store->job(job.id);
    QVERIFY(after.uploads.start && after.uploads.start->imageId > 0);
    QVERIFY(!after.uploads.start->url.isEmpty());
    // The upload's result is committed (still Uploading) before the create is sent.
    QCOMPARE(seen, (QList<JobState>{JobState::Queued, JobState::Uploading, JobState::Uploading,
                                    JobState::Submitting, JobState::Generating}));
    QCOMPARE(bed.sandbox->stats().uploads, 1);
    QCOMPARE(bed.sandbox->stats().generationsCreated, 1);
}

void TestJobScheduler::authErrorFailsAndPauses() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    std::unique_ptr<Backend> wrongKey(
        bed.makeBackend(QStringLiteral("sk-not-a-key-0000000000000000")));
    QVERIFY(wrongKey);
    const QList<qint64> ids = addJobs(*bed.store, 3);
    JobScheduler scheduler(bed.store.get(), wrongKey.get());
    scheduler.setConcurrencyCap(1);
    QSignalSpy paused(&scheduler, &JobScheduler::pausedChanged);
    QSignalSpy sessionEnded(wrongKey.get(), &Backend::sessionEnded);
    scheduler.start();
    QTRY_COMPARE(bed.store->job(ids[0])->state, JobState::Failed);
    QCOMPARE(bed.store->job(ids[0])->errorCode, 400012);
    QCOMPARE(bed.store->job(ids[0])->errorMessage, ApiError::service(400012, {}).userMessage());
    QVERIFY(scheduler.isPaused());
    QCOMPARE(paused.count(), 1);
    QCOMPARE(sessionEnded.count(), 1);
    QCoreApplication::processEvents(); // the pass the failure asked for: paused, it sends nothing
    QCOMPARE(scheduler.inFlightCount(), 0);
    QCOMPARE(bed.store->job(ids[1])->state, JobState::Queued); // not burnt one by one
    QCOMPARE(bed.store->job(ids[2])->state, JobState::Queued);
}

void TestJobScheduler::cancelOnlyBeforeSending() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    const QList<qint64> ids = addJobs(*bed.store, 2);
    JobScheduler scheduler(bed.store.get(), bed.backend.get());
    scheduler.setConcurrencyCap(1);
    scheduler.start();
    QTRY_COMPARE(bed.store->job(ids[0])->state, JobState::Generating);
    QVERIFY(!scheduler.cancel(ids[0])); // on the service already
    QVERIFY(scheduler.cancel(ids[1]));
    QCOMPARE(bed.store->job(ids[1])->state, JobState::Cancelled);
    QVERIFY(bed.store->modify(ids[0], [](Job& job) { job.state = JobState::Done; }));
    QCoreApplication::processEvents(); // the pass the change asked for finds nothing to send
    QCOMPARE(scheduler.inFlightCount(), 0);
    QCOMPARE(bed.sandbox->stats().generationsCreated, 1);
}

void TestJobScheduler::pollerMakesOneCallPerTick() {
    sandbox::SandboxConfig config;
    config.generationMs = 10 * 60 * 1000; // they stay pending for the whole test
    config.concurrencyLimit = 20;
    JobTestBed bed(config, 1.0);
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    StatusPoller poller(bed.backend.get());
    poller.setSchedule(PollSchedule::uniform(40));
    for (const int n : {1, 4, 12}) {
        QList<qint64> videos;
        for (int i = 0; i < n; ++i)
            videos << createVideo(bed, QStringLiteral("pending %1").arg(i));
        for (int i = 0; i < n; ++i)
            poller.watch(1000 * n + i, videos[i], QDateTime::currentDateTimeUtc());
        // Read the sandbox's request count as each tick ends: no poll request is in flight then.
        QObject context;
        QList<qint64> requestsAtTick;
        QList<int> asked;
        QObject::connect(&poller, &StatusPoller::tickFinished, &context,
                         [&](int sent, int answered) {
                             requestsAtTick << bed.sandbox->stats().requests;
                             asked << sent;
                             QCOMPARE(answered, sent);
                         });
        QTRY_VERIFY(requestsAtTick.size() >= 6);
        // OpenAPI: one result call per pending id per tick, and every tick serves every job.
        for (qsizetype i = 1; i < requestsAtTick.size(); ++i) {
            QCOMPARE(asked.at(i), n);
            QCOMPARE(requestsAtTick.at(i) - requestsAtTick.at(i - 1), qint64(n));
        }
        qInfo("poller: %d pending jobs -> %d result requests per tick (%lld ticks measured)", n, n,
              static_cast<long long>(requestsAtTick.size() - 1));
        for (int i = 0; i < n; ++i)
            poller.unwatch(1000 * n + i);
    }
}

void TestJobScheduler::pollerFollowsTheSchedule() {
    sandbox::SandboxConfig config;
    config.generationMs = 10 * 60 * 1000;
    JobTestBed bed(config, 1.0);
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    const qint64 young = createVideo(bed, QStringLiteral("young"));
    const qint64 old = createVideo(bed, QStringLiteral("old"));
    StatusPoller poller(bed.backend.get());
    PollSchedule schedule;
    schedule.steps = {{0, 30}, {60 * 1000, 400}}; // "30 ms, then 400 ms after a minute"
    schedule.youngMs = 0; // the sandbox's jobs are asked about from the start
    schedule.maxRequestsPerSecond = 0;
    poller.setSchedule(schedule);
    poller.watch(1, young, QDateTime::currentDateTimeUtc());
    poller.watch(2, old, QDateTime::currentDateTimeUtc().addSecs(-120));
    QSignalSpy statuses(&poller, &StatusPoller::statusReceived);
    QElapsedTimer elapsed;
    elapsed.start();
    int youngCount = 0;
    int oldCount = 0;
    auto count = [&] {
        youngCount = 0;
        oldCount = 0;
        for (const QVariantList& s : std::as_const(statuses))
            (s.at(0).toLongLong() == 1 ? youngCount : oldCount)++;
        return youngCount;
    };
    // Until the young one was polled 10 times (every 30 ms) and the old one at least once.
    QTRY_VERIFY_WITH_TIMEOUT(count() >= 10 && oldCount >= 1, 5000);
    // Every 400 ms at most: one poll at the start, one per 400 ms since (and one riding along).
    const qint64 oldAllowed = elapsed.elapsed() / 400 + 2;
    QVERIFY2(oldCount <= oldAllowed,
             qPrintable(QStringLiteral("%1 > %2").arg(oldCount).arg(oldAllowed)));
    QVERIFY(poller.ticks() < youngCount + oldCount + 1); // the old one rode along with the young
}

void TestJobScheduler::pollerFlagsStalledJobsAndKeepsPolling() {
    sandbox::SandboxConfig config;
    config.generationMs = 10 * 60 * 1000;
    JobTestBed bed(config, 1.0);
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    const qint64 video = createVideo(bed, QStringLiteral("slow"));
    StatusPoller poller(bed.backend.get());
    poller.setSchedule(PollSchedule::uniform(20));
    poller.setStallLimit(150);
    QSignalSpy stalled(&poller, &StatusPoller::jobStalled);
    QSignalSpy statuses(&poller, &StatusPoller::statusReceived);
    poller.watch(7, video, QDateTime::currentDateTimeUtc());
    QTRY_COMPARE(stalled.count(), 1);
    const qsizetype before = statuses.count();
    QTRY_VERIFY(statuses.count() >= before + 3);
    QCOMPARE(stalled.count(), 1); // once
    QCOMPARE(statuses.last().at(1).value<VideoStatus>().state, VideoState::Pending);
}

void TestJobScheduler::pollerPausesWhileOffline() {
    sandbox::SandboxConfig config;
    config.generationMs = 10 * 60 * 1000;
    JobTestBed bed(config, 1.0);
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    const qint64 video = createVideo(bed, QStringLiteral("offline"));
    StatusPoller poller(bed.backend.get());
    poller.setSchedule(PollSchedule::uniform(20));
    QSignalSpy online(&poller, &StatusPoller::onlineChanged);
    poller.watch(1, video, QDateTime::currentDateTimeUtc());
    QTRY_VERIFY(poller.ticks() >= 2);
    poller.setSystemOnline(false);
    QCOMPARE(online.count(), 1);
    QVERIFY(!poller.isOnline());
    // No tick is planned while offline; the answer of one in flight plans none either.
    QVERIFY(!poller.isScheduled());
    QSignalSpy statuses(&poller, &StatusPoller::statusReceived);
    poller.setSystemOnline(true);
    QCOMPARE(online.count(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(statuses.count() >= 1, 500);
}

void TestJobScheduler::pollerProbesAfterNetworkErrors() {
    sandbox::SandboxConfig config;
    config.generationMs = 10 * 60 * 1000;
    JobTestBed bed(config, 1.0);
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    const qint64 first = createVideo(bed, QStringLiteral("one"));
    const qint64 second = createVideo(bed, QStringLiteral("two"));
    StatusPoller poller(bed.backend.get());
    poller.setSchedule(PollSchedule::uniform(10));
    poller.setOfflineAfterErrors(3);
    poller.setOfflineProbeInterval(150);
    sandbox::SandboxFault drop;
    drop.kind = sandbox::SandboxFault::Kind::DropConnection;
    drop.pathContains = QStringLiteral("video/result");
    drop.count = -1;
    bed.sandbox->injectFault(drop);
    QSignalSpy online(&poller, &StatusPoller::onlineChanged);
    poller.watch(1, first, QDateTime::currentDateTimeUtc());
    poller.watch(2, second, QDateTime::currentDateTimeUtc());
    QTRY_COMPARE(online.count(), 1);
    QVERIFY(!poller.isOnline());
    // Offline: one probe (one id) every 150 ms instead of both ids every 10 ms.
    const qint64 ticks = poller.ticks();
    const qint64 asked = poller.idsAsked();
    QElapsedTimer elapsed;
    elapsed.start();
    QTRY_VERIFY_WITH_TIMEOUT(poller.ticks() - ticks >= 2, 2000);
    const qint64 probes = poller.ticks() - ticks;
    // Two probes are at least one probe interval apart (they were 10 ms apart online).
    QVERIFY2(elapsed.elapsed() >= 150 * (probes - 1) - 5,
             qPrintable(QStringLiteral("%1 probes in %2 ms").arg(probes).arg(elapsed.elapsed())));
    QCOMPARE(poller.idsAsked() - asked, probes);
    QSignalSpy statuses(&poller, &StatusPoller::statusReceived);
    bed.sandbox->clearFaults();
    QTRY_COMPARE_WITH_TIMEOUT(online.count(), 2, 1000);
    QVERIFY(poller.isOnline());
    QTRY_VERIFY(statuses.count() >= 2); // both jobs again
}

void TestJobScheduler::transitionUploadsEachFrameOnce() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    Job job;
    job.request = requestFor(GenerationMode::Transition, QStringLiteral("Day turns to night"));
    job.request.images = {
        {RequestImage::Role::FirstFrame, makePng(bed, QStringLiteral("day.png"), Qt::yellow), {}},
        {RequestImage::Role::LastFrame,
         makePng(bed, QStringLiteral("night.png"), Qt::darkBlue),
         {}}};
    job = *bed.store->add(job).value;
    JobScheduler scheduler(bed.store.get(), bed.backend.get());
    QSignalSpy progress(&scheduler, &JobScheduler::uploadProgress);
    scheduler.start();
    QTRY_VERIFY2(bed.store->job(job.id)->state == JobState::Generating,
                 qPrintable(bed.store->job(job.id)->errorMessage));
    const Job after = *bed.store->job(job.id);
    QVERIFY(after.uploads.first && after.uploads.last);
    QVERIFY(after.uploads.first->imageId > 0);
    QVERIFY(after.uploads.first->imageId != after.uploads.last->imageId);
    QVERIFY(!after.uploads.start);
    QCOMPARE(bed.sandbox->stats().uploads, 2);
    QCOMPARE(bed.sandbox->stats().generationsCreated, 1);
    // Progress counts both files: it ends at the sum of their sizes.
    const qint64 total = QFileInfo(after.request.imagePath(RequestImage::Role::FirstFrame)).size() +
                         QFileInfo(after.request.imagePath(RequestImage::Role::LastFrame)).size();
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(2).toLongLong(), total);
    QCOMPARE(progress.last().at(1).toLongLong(), total);
}

void TestJobScheduler::extendFromALocalFileUploadsTheVideo() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    Job job;
    job.request = requestFor(GenerationMode::Extend, QStringLiteral("The fox keeps running"));
    job.request.sourceVideoPath = qEnvironmentVariable("PIXVERSE_CLIPS_DIR") + u"/960x540.mp4";
    job.request.sourceSeconds = 1;
    job.request.sourceWidth = 960;
    job.request.sourceHeight = 540;
    const Result<Job> added = bed.store->add(job);
    QVERIFY2(added.ok(), qPrintable(added.error.logText()));
    job = *added.value;
    QVERIFY(bed.store->isStoreCopy(job.request.sourceVideoPath));
    JobScheduler scheduler(bed.store.get(), bed.backend.get());
    scheduler.start();
    QTRY_VERIFY2(bed.store->job(job.id)->state == JobState::Generating,
                 qPrintable(bed.store->job(job.id)->errorMessage));
    const Job after = *bed.store->job(job.id);
    QVERIFY(after.uploads.video);
    QVERIFY(after.uploads.video->mediaId > 0);
    QCOMPARE(after.uploads.video->kind, UploadedMedia::Kind::Video);
    QCOMPARE(bed.sandbox->stats().mediaUploads, 1);
    QCOMPARE(bed.sandbox->stats().generationsCreated, 1);
}

void TestJobScheduler::crashMidUploadUploadsOnlyWhatIsMissing() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    Job job;
    job.request = requestFor(GenerationMode::Transition, QStringLiteral("Spring to winter"));
    job.request.images = {
        {RequestImage::Role::FirstFrame, makePng(bed, QStringLiteral("spring.png"), Qt::green), {}},
        {RequestImage::Role::LastFrame, makePng(bed, QStringLiteral("winter.png"), Qt::white), {}}};
    job = *bed.store->add(job).value;
    qint64 firstId = 0;
    {
        auto scheduler = std::make_unique<JobScheduler>(bed.store.get(), bed.backend.get());
        // Once the first frame's upload is committed, the second one's answer never comes.
        QObject::connect(bed.store.get(), &JobStore::jobChanged, scheduler.get(), [&](qint64 id) {
            const Job now = *bed.store->job(id);
            if (now.uploads.first && firstId == 0) {
                firstId = now.uploads.first->imageId;
                sandbox::SandboxFault stall;
                stall.kind = sandbox::SandboxFault::Kind::Stall;
                stall.pathContains = QStringLiteral("image/upload");
                stall.delayMs = 60 * 1000;
                bed.sandbox->injectFault(stall);
            }
        });
        scheduler->start();
        QTRY_VERIFY(firstId != 0);
        // The service took the second file (a stalled request takes effect), the app never
        // heard: it dies here.
        QTRY_COMPARE(bed.sandbox->stats().uploads, 2);
        QCOMPARE(bed.store->job(job.id)->state, JobState::Uploading);
    }
    bed.sandbox->clearFaults();
    QVERIFY2(bed.reopenStore(), qPrintable(bed.error));
    JobScheduler scheduler(bed.store.get(), bed.backend.get());
    scheduler.start();
    QTRY_COMPARE(bed.store->job(job.id)->state, JobState::Generating);
    const Job after = *bed.store->job(job.id);
    QCOMPARE(after.uploads.first->imageId, firstId); // kept, not sent again
    QVERIFY(after.uploads.last && after.uploads.last->imageId > 0);
    QCOMPARE(bed.sandbox->stats().uploads, 3); // the lost one again, the first not
    QCOMPARE(bed.sandbox->stats().generationsCreated, 1);
}

void TestJobScheduler::cancelWhileUploadingMedia() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    sandbox::SandboxFault stall;
    stall.kind = sandbox::SandboxFault::Kind::Stall;
    stall.pathContains = QStringLiteral("media/upload");
    stall.delayMs = 60 * 1000;
    bed.sandbox->injectFault(stall);
    Job job;
    job.request = requestFor(GenerationMode::Upscale, QString());
    job.request.sourceVideoPath = qEnvironmentVariable("PIXVERSE_CLIPS_DIR") + u"/640x360.mp4";
    job = *bed.store->add(job).value;
    JobScheduler scheduler(bed.store.get(), bed.backend.get());
    scheduler.start();
    QTRY_COMPARE(bed.store->job(job.id)->state, JobState::Uploading);
    QTRY_COMPARE(bed.sandbox->stats().mediaUploads, 1); // the file is on its way
    QCOMPARE(scheduler.inFlightCount(), 1);
    QVERIFY(scheduler.cancel(job.id));
    QCOMPARE(bed.store->job(job.id)->state, JobState::Cancelled);
    QCOMPARE(scheduler.inFlightCount(), 0);
    QCoreApplication::processEvents(); // the cancelled upload's end changes nothing
    QCOMPARE(bed.store->job(job.id)->state, JobState::Cancelled);
    QVERIFY(!bed.store->job(job.id)->uploads.video);
    QCOMPARE(bed.sandbox->stats().generationsCreated, 0);
}

Job TestJobScheduler::twoImageEffect(JobTestBed& bed) {
    Job job;
    job.request = JobTestBed::request(QStringLiteral("Two friends hug"));
    job.request.mode = GenerationMode::Effect;
    job.request.templateId = sandbox::templates::kTwoImageId;
    job.request.templateName = QStringLiteral("Hug");
    job.request.templateImageCount = 2;
    job.request.images = {
        {RequestImage::Role::Start, makePng(bed, QStringLiteral("left.png"), Qt::red), {}},
        {RequestImage::Role::Start, makePng(bed, QStringLiteral("right.png"), Qt::blue), {}}};
    return job;
}

void TestJobScheduler::effectUploadsEachImageOnce() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    const Result<Job> added = bed.store->add(twoImageEffect(bed));
    QVERIFY2(added.ok(), qPrintable(added.error.logText()));
    const qint64 id = added.value->id;
    JobScheduler scheduler(bed.store.get(), bed.backend.get());
    QSignalSpy progress(&scheduler, &JobScheduler::uploadProgress);
    scheduler.start();
    QTRY_VERIFY2(bed.store->job(id)->state == JobState::Generating,
                 qPrintable(bed.store->job(id)->errorMessage));
    const Job after = *bed.store->job(id);
    // One upload per image, kept in the request's order, then one create (with `img_ids`).
    QCOMPARE(after.uploads.starts.size(), 2);
    QVERIFY(after.uploads.starts.at(0).imageId > 0);
    QVERIFY(after.uploads.starts.at(1).imageId > 0);
    QVERIFY(after.uploads.starts.at(0).imageId != after.uploads.starts.at(1).imageId);
    QVERIFY(!after.uploads.start);
    QVERIFY(after.uploads.references.isEmpty());
    QCOMPARE(bed.sandbox->stats().uploads, 2);
    QCOMPARE(bed.sandbox->stats().generationsCreated, 1);
    const QList<RequestImage> images = after.request.imagesWith(RequestImage::Role::Start);
    const qint64 total = QFileInfo(images.at(0).path).size() + QFileInfo(images.at(1).path).size();
    QVERIFY(!progress.isEmpty());
    // Never past the total (the forms' headers are not the files' bytes), never backwards.
    qint64 previous = 0;
    for (const QList<QVariant>& step : std::as_const(progress)) {
        QVERIFY2(step.at(1).toLongLong() <= total, qPrintable(step.at(1).toString()));
        QVERIFY2(step.at(1).toLongLong() >= previous, qPrintable(QStringLiteral("%1 after %2 of %3")
                                                                     .arg(step.at(1).toLongLong())
                                                                     .arg(previous)
                                                                     .arg(total)));
        previous = step.at(1).toLongLong();
    }
    QCOMPARE(progress.last().at(1).toLongLong(), total);
    QCOMPARE(progress.last().at(2).toLongLong(), total);
}

void TestJobScheduler::fusionUploadsEachReferenceOnce() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    Job job;
    job.request = JobTestBed::request(QStringLiteral("@hero walks through @street at night"));
    job.request.mode = GenerationMode::Fusion;
    job.request.model = QStringLiteral("v5");
    job.request.images = {
        {RequestImage::Role::Subject, makePng(bed, QStringLiteral("hero.png"), Qt::yellow),
         QStringLiteral("hero")},
        {RequestImage::Role::Background, makePng(bed, QStringLiteral("street.png"), Qt::darkGray),
         QStringLiteral("street")}};
    const Result<Job> added = bed.store->add(job);
    QVERIFY2(added.ok(), qPrintable(added.error.logText()));
    const qint64 id = added.value->id;
    JobScheduler scheduler(bed.store.get(), bed.backend.get());
    scheduler.start();
    QTRY_VERIFY2(bed.store->job(id)->state == JobState::Generating,
                 qPrintable(bed.store->job(id)->errorMessage));
    const Job after = *bed.store->job(id);
    QCOMPARE(after.uploads.references.size(), 2);
    QVERIFY(after.uploads.references.at(0).imageId > 0);
    QVERIFY(after.uploads.references.at(1).imageId > 0);
    QVERIFY(after.uploads.references.at(0).imageId != after.uploads.references.at(1).imageId);
    QVERIFY(after.uploads.starts.isEmpty());
    QCOMPARE(bed.sandbox->stats().uploads, 2);
    QCOMPARE(bed.sandbox->stats().generationsCreated, 1);
    // The names went with the store's copies.
    QCOMPARE(after.request.references().at(0).name, QStringLiteral("hero"));
    QCOMPARE(after.request.references().at(1).role, RequestImage::Role::Background);
}

void TestJobScheduler::restartBetweenTwoUploadsSendsOnlyTheMissingOne() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    const qint64 id = bed.store->add(twoImageEffect(bed)).value->id;
    const BackoffPolicy quick{20, 200, 60 * 1000};
    qint64 firstId = 0;
    {
        auto scheduler = std::make_unique<JobScheduler>(bed.store.get(), bed.backend.get());
        scheduler->setBackoffPolicy(quick);
        QSignalSpy deferred(scheduler.get(), &JobScheduler::jobDeferred);
        // Once the first image's upload is committed, the second is refused before the service
        // takes it (a 503 from a proxy); the app stops while it waits to try again.
        QObject::connect(bed.store.get(), &JobStore::jobChanged, scheduler.get(), [&](qint64) {
            const Job now = *bed.store->job(id);
            if (!now.uploads.starts.isEmpty() && firstId == 0) {
                firstId = now.uploads.starts.at(0).imageId;
                sandbox::SandboxFault refused;
                refused.kind = sandbox::SandboxFault::Kind::HttpStatus;
                refused.httpStatus = 503;
                refused.pathContains = QStringLiteral("image/upload");
                bed.sandbox->injectFault(refused);
            }
        });
        scheduler->start();
        QTRY_COMPARE(deferred.count(), 1);
        QVERIFY(firstId != 0);
        QCOMPARE(bed.sandbox->stats().uploads, 1);
        const Job stopped = *bed.store->job(id);
        QVERIFY(hasUpload(stopped.uploads, {InputRole::EffectImage, 0}));
        QCOMPARE(stopped.missingUploads(), QList<JobInput>{JobInput(InputRole::EffectImage, 1)});
    }
    QVERIFY2(bed.reopenStore(), qPrintable(bed.error));
    JobScheduler scheduler(bed.store.get(), bed.backend.get());
    scheduler.setBackoffPolicy(quick);
    scheduler.start();
    QTRY_VERIFY2(bed.store->job(id)->state == JobState::Generating,
                 qPrintable(bed.store->job(id)->errorMessage));
    const Job after = *bed.store->job(id);
    QCOMPARE(after.uploads.starts.at(0).imageId, firstId); // kept, not sent again
    QVERIFY(after.uploads.starts.at(1).imageId > 0);
    QCOMPARE(bed.sandbox->stats().uploads, 2); // exactly one per image over both runs
    QCOMPARE(bed.sandbox->stats().generationsCreated, 1);
}

QTEST_GUILESS_MAIN(TestJobScheduler)
#include "tst_jobscheduler.moc"
