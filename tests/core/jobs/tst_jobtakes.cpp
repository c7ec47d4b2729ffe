// Issue 18: several takes of one generation. The engine stores them as one group (the inputs
// copied once), steps a fixed seed take by take within the service's range, sends no seed when
// none was fixed, and the scheduler sends the takes in order: what the sandbox was asked says so.
#include "JobTestFixture.h"
#include "tests/support/SentSeeds.h"

#include <QSignalSpy>
#include <QTest>

using namespace pixverse;
using namespace pixverse::test;

class TestJobTakes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void seedsStepAndWrapWithinTheRange();
    void fourTakesShareAGroupAndAreSentInOrder();
    void asyncTakesCopyTheImageOnceAndSendNoSeed();
    void oneTakeIsALoneJob();
    void anUnreadableInputAddsNoTake();
};

void TestJobTakes::seedsStepAndWrapWithinTheRange() {
    GenerationRequest request = JobTestBed::request(QStringLiteral("A storm over the bay"));
    request.seed = 41;
    QCOMPARE(seedsOf(JobEngine::takeRequests(request, 4)),
             (QList<std::optional<qint64>>{41, 42, 43, 44}));

    // Past the service's highest seed the next take starts again from 0.
    request.seed = JobEngine::kSeedMax - 1;
    QCOMPARE(seedsOf(JobEngine::takeRequests(request, 4)),
             (QList<std::optional<qint64>>{JobEngine::kSeedMax - 1, JobEngine::kSeedMax, 0, 1}));
    request.seed = 8;
    QCOMPARE(seedsOf(JobEngine::takeRequests(request, 3, 9)),
             (QList<std::optional<qint64>>{8, 9, 0}));

    // No seed: the service picks one for each take.
    request.seed.reset();
    const QList<GenerationRequest> random = JobEngine::takeRequests(request, 3);
    QCOMPARE(seedsOf(random), (QList<std::optional<qint64>>{{}, {}, {}}));
    for (const GenerationRequest& take : random)
        QCOMPARE(take.prompt, request.prompt);

    // 1..kMaxTakes.
    QCOMPARE(JobEngine::takeRequests(request, 0).size(), 1);
    QCOMPARE(JobEngine::takeRequests(request, JobEngine::kMaxTakes + 1).size(),
             JobEngine::kMaxTakes);
}

void TestJobTakes::fourTakesShareAGroupAndAreSentInOrder() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(1)); // one at a time: the order shows
    engine->start();
    const qint64 before = bed.sandbox->stats().generationsCreated;
    GenerationRequest request = JobTestBed::request(QStringLiteral("A lighthouse in a storm"));
    request.seed = 500;
    const Result<QList<Job>> added = engine->enqueueTakes(request, 4);
    QVERIFY2(added.ok(), qPrintable(added.error.logText()));
    const QList<Job> takes = *added.value;
    QCOMPARE(takes.size(), 4);
    for (int i = 0; i < takes.size(); ++i) {
        QCOMPARE(takes[i].groupId, takes.first().id);
        QCOMPARE(takes[i].takeIndex, i);
        QCOMPARE(takes[i].request.seed, std::optional<qint64>(500 + i));
    }
    QCOMPARE(bed.store->group(takes.first().id).size(), 4);

    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Done), 20000);
    const QList<GenerationRequest> sent = bed.sandbox->createdRequests();
    QCOMPARE(sent.size(), 4);
    QCOMPARE(bed.sandbox->stats().generationsCreated - before, 4);
    QCOMPARE(seedsOf(sent), (QList<std::optional<qint64>>{500, 501, 502, 503}));
    // Sent in take order: the service's ids grow with each create.
    for (int i = 1; i < takes.size(); ++i)
        QVERIFY(bed.store->job(takes[i].id)->videoId > bed.store->job(takes[i - 1].id)->videoId);
    for (const Job& take : takes)
        QCOMPARE(bed.store->job(take.id)->seed, take.request.seed); // the service used it
}

void TestJobTakes::asyncTakesCopyTheImageOnceAndSendNoSeed() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(3));
    engine->start();
    const QString image = bed.makePng(QStringLiteral("harbour.png"), QColor(30, 90, 160));
    QVERIFY(!image.isEmpty());
    GenerationRequest request = JobTestBed::request(QStringLiteral("The harbour at dusk"));
    request.mode = GenerationMode::ImageToVideo;
    request.setStartImage(image);
    QSignalSpy added(bed.store.get(), &JobStore::jobAdded);

    std::optional<Result<QList<Job>>> result;
    engine->enqueueTakesAsync(request, 3, engine,
                              [&result](Result<QList<Job>> jobs) { result = jobs; });
    QVERIFY(!result); // never answered on the spot: the copy runs on the thread pool
    QCOMPARE(added.count(), 0);
    QTRY_VERIFY(result.has_value());
    QVERIFY2(result->ok(), qPrintable(result->error.logText()));
    const QList<Job> takes = *result->value;
    QCOMPARE(takes.size(), 3);
    QCOMPARE(added.count(), 3);
    const QString copy = takes.first().request.startImagePath();
    QVERIFY(bed.store->isStoreCopy(copy));
    QCOMPARE(QDir(bed.store->imagesDir()).entryList(QDir::Files).size(), 1);
    for (int i = 0; i < takes.size(); ++i) {
        QCOMPARE(takes[i].groupId, takes.first().id);
        QCOMPARE(takes[i].takeIndex, i);
        QCOMPARE(takes[i].request.startImagePath(), copy);
        QCOMPARE(takes[i].sourceImagePath, QFileInfo(image).absoluteFilePath());
        QVERIFY(!takes[i].request.seed);
    }

    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Done), 20000);
    const QList<GenerationRequest> sent = bed.sandbox->createdRequests();
    QCOMPARE(sent.size(), 3);
    for (const GenerationRequest& r : sent)
        QVERIFY2(!r.seed, "a take without a fixed seed must let the service pick");
    // The service picked a seed of its own for each.
    for (const Job& take : takes)
        QVERIFY(bed.store->job(take.id)->seed.has_value());
}

void TestJobTakes::oneTakeIsALoneJob() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(3)); // not started: nothing is sent
    const Result<QList<Job>> added =
        engine->enqueueTakes(JobTestBed::request(QStringLiteral("A single shot")), 1);
    QVERIFY(added.ok());
    QCOMPARE(added.value->size(), 1);
    QCOMPARE(added.value->first().groupId, 0);
    QCOMPARE(bed.store->jobs().size(), 1);
}

void TestJobTakes::anUnreadableInputAddsNoTake() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(3));
    GenerationRequest request = JobTestBed::request(QStringLiteral("Nothing to animate"));
    request.mode = GenerationMode::ImageToVideo;
    request.setStartImage(bed.dir.filePath(QStringLiteral("gone.png")));
    const Result<QList<Job>> now = engine->enqueueTakes(request, 3);
    QVERIFY(!now.ok());
    std::optional<Result<QList<Job>>> later;
    engine->enqueueTakesAsync(request, 3, engine,
                              [&later](Result<QList<Job>> jobs) { later = jobs; });
    QTRY_VERIFY(later.has_value());
    QVERIFY(!later->ok());
    QCOMPARE(later->error.category(), ApiError::Category::Input);
    QVERIFY(bed.store->jobs().isEmpty());
}

QTEST_GUILESS_MAIN(TestJobTakes)
#include "tst_jobtakes.moc"
