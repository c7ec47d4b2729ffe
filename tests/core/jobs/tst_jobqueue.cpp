// Issue 19: the creator controls the queue. Pause and resume, reorder, run next, edit, cancel,
// hold, the run window and the admission (a credit cap) each change what the sandbox receives
// and in what order; one generation at a time (concurrency 1) makes the order observable. A
// paused queue and a held job stay so after a restart (the store closed, a new engine).
#include "JobTestFixture.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

using namespace pixverse;
using namespace pixverse::test;

class TestJobQueue : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pauseSendsNothingNewAndResumeSendsInOrder();
    void aPausedQueueStillResendsACreateAlreadySent();
    void aPausedQueueAndAHeldJobSurviveARestart();
    void moveQueuedChangesTheOrderSent();
    void runNextSendsAHeldJobFirst();
    void anEditSendsTheNewRequestInThePlaceOfTheOld();
    void anEditOfAJobThatLeftTheQueueIsRefused();
    void aCancelledQueuedJobIsNeverSent();
    void aRetriedJobGoesToTheEnd();
    void theRunWindowDecidesWhenNewJobsStart();
    void theAdmissionStopsTheQueueAtTheRightJob();
    void aBatchIsCopiedOffTheThreadAndSentInOrder();

private:
    //! The prompts the sandbox was asked to make, in the order the creates came.
    static QStringList sentPrompts(const JobTestBed& bed);
    //! Lets the scheduler run the passes already asked for: a job it starts leaves Queued in the
    //! store before its first request goes out, so what is still Queued afterwards was not sent.
    static void runPendingPasses();
    static QList<qint64> queueIds(const JobStore& store);
};

QStringList TestJobQueue::sentPrompts(const JobTestBed& bed) {
    QStringList prompts;
    for (const GenerationRequest& request : bed.sandbox->createdRequests())
        prompts << request.prompt;
    return prompts;
}

void TestJobQueue::runPendingPasses() {
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
}

QList<qint64> TestJobQueue::queueIds(const JobStore& store) {
    QList<qint64> ids;
    for (const Job& job : store.queue())
        ids << job.id;
    return ids;
}

void TestJobQueue::pauseSendsNothingNewAndResumeSendsInOrder() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(1));
    QSignalSpy pausedChanged(engine, &JobEngine::queuePausedChanged);
    engine->start();
    engine->setQueuePaused(true);
    QVERIFY(engine->isQueuePaused());
    QCOMPARE(pausedChanged.count(), 1);
    QCOMPARE(bed.store->storedValue(QStringLiteral("queue/paused")), QStringLiteral("1"));

    const QList<qint64> ids = bed.enqueue(3, QStringLiteral("paused"));
    QCOMPARE(ids.size(), 3);
    runPendingPasses();
    QCOMPARE(bed.countIn(JobState::Queued), 3);
    QVERIFY(sentPrompts(bed).isEmpty());

    engine->setQueuePaused(false);
    QCOMPARE(pausedChanged.count(), 2);
    QVERIFY(bed.store->storedValue(QStringLiteral("queue/paused")).isEmpty());
    runPendingPasses();
    QVERIFY(bed.store->job(ids[0])->state != JobState::Queued); // the first goes at once
    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Done), 20000);
    QCOMPARE(sentPrompts(bed), (QStringList{QStringLiteral("paused 1"), QStringLiteral("paused 2"),
                                            QStringLiteral("paused 3")}));
}

void TestJobQueue::aPausedQueueStillResendsACreateAlreadySent() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    // A create that may have reached the service when the app stopped, and a job never sent.
    JobEngine* engine = bed.makeEngine(bed.fastOptions(2));
    const QList<qint64> ids = bed.enqueue(2, QStringLiteral("left"));
    QVERIFY(bed.store->modify(ids[0], [](Job& job) {
        job.state = JobState::Submitting;
        job.traceId = QStringLiteral("5b8d3f6e-0000-4000-8000-00000000aa01");
    }));
    engine->setQueuePaused(true);
    engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(ids[0])->state, JobState::Done, 20000);
    QCOMPARE(bed.store->job(ids[1])->state, JobState::Queued);
    QCOMPARE(sentPrompts(bed), QStringList{QStringLiteral("left 1")});
}

void TestJobQueue::aPausedQueueAndAHeldJobSurviveARestart() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    QList<qint64> ids;
    {
        JobEngine* engine = bed.makeEngine(bed.fastOptions(1));
        engine->start();
        engine->setQueuePaused(true);
        ids = bed.enqueue(3, QStringLiteral("kept"));
        QVERIFY(engine->setHeld(ids[1], true));
        QVERIFY(!engine->setHeld(12345, true)); // no such job
        runPendingPasses();
        QVERIFY(sentPrompts(bed).isEmpty());
    }
    QVERIFY2(bed.reopenStore(), qPrintable(bed.error)); // the app quits and starts again
    JobEngine* engine = bed.makeEngine(bed.fastOptions(1));
    QVERIFY(engine->isQueuePaused()); // known before start(): the window shows it at once
    QVERIFY(bed.store->job(ids[1])->held);
    engine->start();
    runPendingPasses();
    QCOMPARE(bed.countIn(JobState::Queued), 3);
    QVERIFY(sentPrompts(bed).isEmpty());

    engine->setQueuePaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(bed.countIn(JobState::Done), 2, 20000);
    runPendingPasses();
    QCOMPARE(bed.store->job(ids[1])->state, JobState::Queued); // held: skipped, not blocking
    QCOMPARE(sentPrompts(bed), (QStringList{QStringLiteral("kept 1"), QStringLiteral("kept 3")}));
    QVERIFY(engine->setHeld(ids[1], false));
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(ids[1])->state, JobState::Done, 20000);
    QCOMPARE(sentPrompts(bed).last(), QStringLiteral("kept 2"));
}

void TestJobQueue::moveQueuedChangesTheOrderSent() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(1)); // not started yet: nothing goes
    const QList<qint64> ids = bed.enqueue(4, QStringLiteral("job"));
    QVERIFY(engine->moveQueued({ids[3], ids[2]}, ids[0])); // 4 3 1 2
    QCOMPARE(queueIds(*bed.store), (QList<qint64>{ids[3], ids[2], ids[0], ids[1]}));
    QVERIFY(engine->moveQueued({ids[3]}, 0)); // 3 1 2 4
    QCOMPARE(queueIds(*bed.store), (QList<qint64>{ids[2], ids[0], ids[1], ids[3]}));
    // Refused, changing nothing: an unknown job, a place before an unknown job, nothing to move.
    QVERIFY(!engine->moveQueued({ids[1], 999}, ids[0]));
    QVERIFY(!engine->moveQueued({ids[1]}, 999));
    QVERIFY(!engine->moveQueued({}, ids[0]));
    QCOMPARE(queueIds(*bed.store), (QList<qint64>{ids[2], ids[0], ids[1], ids[3]}));

    engine->start();
    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Done), 20000);
    QCOMPARE(sentPrompts(bed), (QStringList{QStringLiteral("job 3"), QStringLiteral("job 1"),
                                            QStringLiteral("job 2"), QStringLiteral("job 4")}));
    QVERIFY(!engine->moveQueued({ids[0]}, 0)); // no longer queued
}

void TestJobQueue::runNextSendsAHeldJobFirst() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(1));
    engine->setQueuePaused(true);
    engine->start();
    const QList<qint64> ids = bed.enqueue(3, QStringLiteral("run"));
    QVERIFY(engine->setHeld(ids[2], true));
    QVERIFY(engine->runNext(ids[2]));
    QVERIFY(!bed.store->job(ids[2])->held);
    QCOMPARE(queueIds(*bed.store), (QList<qint64>{ids[2], ids[0], ids[1]}));
    QVERIFY(!engine->runNext(4242));
    engine->setQueuePaused(false);
    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Done), 20000);
    QCOMPARE(sentPrompts(bed), (QStringList{QStringLiteral("run 3"), QStringLiteral("run 1"),
                                            QStringLiteral("run 2")}));
    QVERIFY(!engine->runNext(ids[0])); // done: not queued any more
}

void TestJobQueue::anEditSendsTheNewRequestInThePlaceOfTheOld() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(1));
    engine->setQueuePaused(true);
    engine->start();
    const QString first = bed.makePng(QStringLiteral("first.png"), QColor(200, 40, 40));
    const QString second = bed.makePng(QStringLiteral("second.png"), QColor(40, 40, 200));
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    GenerationRequest original = JobTestBed::request(QStringLiteral("A red square"));
    original.mode = GenerationMode::ImageToVideo;
    original.setStartImage(first);
    const Result<Job> edited = engine->enqueue(original);
    QVERIFY(edited.ok());
    const QList<qint64> after = bed.enqueue(1, QStringLiteral("after"));
    // As if the first image had been uploaded already: the edit must not reuse it.
    QVERIFY(bed.store->modify(edited.value->id, [](Job& job) {
        job.uploads.start = UploadedImage{777, QStringLiteral("https://img/old"), {}, 640, 360};
    }));

    GenerationRequest change = original;
    change.prompt = QStringLiteral("A blue square");
    change.setStartImage(second);
    std::optional<Result<Job>> result;
    engine->replaceQueuedAsync(edited.value->id, change, engine,
                               [&result](Result<Job> job) { result = job; });
    QVERIFY(!result); // the copy runs on the thread pool
    QTRY_VERIFY(result.has_value());
    QVERIFY2(result->ok(), qPrintable(result->error.logText()));
    const Job job = *result->value;
    QCOMPARE(job.id, edited.value->id);
    QCOMPARE(job.queueOrder, edited.value->queueOrder);
    QCOMPARE(job.request.prompt, QStringLiteral("A blue square"));
    QVERIFY(bed.store->isStoreCopy(job.request.startImagePath()));
    QVERIFY(job.request.startImagePath() != edited.value->request.startImagePath());
    QCOMPARE(job.sourceImagePath, QFileInfo(second).absoluteFilePath());
    QVERIFY(!job.uploads.start);
    QCOMPARE(queueIds(*bed.store), (QList<qint64>{edited.value->id, after[0]}));

    engine->setQueuePaused(false);
    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Done), 20000);
    QCOMPARE(sentPrompts(bed),
             (QStringList{QStringLiteral("A blue square"), QStringLiteral("after 1")}));
    // The upload of the new image was made for it (the old one's id was never sent).
    QVERIFY(bed.store->job(job.id)->uploads.start->imageId != 777);
}

void TestJobQueue::anEditOfAJobThatLeftTheQueueIsRefused() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(1));
    engine->start();
    const QList<qint64> ids = bed.enqueue(1, QStringLiteral("sent"));
    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Done), 20000);
    std::optional<Result<Job>> result;
    engine->replaceQueuedAsync(ids[0], JobTestBed::request(QStringLiteral("too late")), engine,
                               [&result](Result<Job> job) { result = job; });
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(result->error.category(), ApiError::Category::Input);
    QCOMPARE(bed.store->job(ids[0])->request.prompt, QStringLiteral("sent 1"));
    QCOMPARE(sentPrompts(bed), QStringList{QStringLiteral("sent 1")});
}

void TestJobQueue::aCancelledQueuedJobIsNeverSent() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(1));
    engine->setQueuePaused(true);
    engine->start();
    const QList<qint64> ids = bed.enqueue(3, QStringLiteral("maybe"));
    QVERIFY(engine->cancel(ids[1]));
    QCOMPARE(bed.store->job(ids[1])->state, JobState::Cancelled);
    QCOMPARE(queueIds(*bed.store), (QList<qint64>{ids[0], ids[2]}));
    engine->setQueuePaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(bed.countIn(JobState::Done), 2, 20000);
    QCOMPARE(sentPrompts(bed), (QStringList{QStringLiteral("maybe 1"), QStringLiteral("maybe 3")}));
    QVERIFY(!bed.store->job(ids[1])->credits);
}

void TestJobQueue::aRetriedJobGoesToTheEnd() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(1));
    const QList<qint64> ids = bed.enqueue(3, QStringLiteral("again"));
    QVERIFY(engine->cancel(ids[0]));
    QVERIFY(engine->retry(ids[0])); // a new generation: after every job already waiting
    QCOMPARE(queueIds(*bed.store), (QList<qint64>{ids[1], ids[2], ids[0]}));
    engine->start();
    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Done), 20000);
    QCOMPARE(sentPrompts(bed), (QStringList{QStringLiteral("again 2"), QStringLiteral("again 3"),
                                            QStringLiteral("again 1")}));
}

void TestJobQueue::theRunWindowDecidesWhenNewJobsStart() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(1));
    const QTime now = QTime::currentTime();
    // Two to three hours from now (across midnight too): now is outside.
    engine->setRunWindow(RunWindow{now.addSecs(2 * 3600), now.addSecs(3 * 3600)});
    engine->start();
    const QList<qint64> ids = bed.enqueue(2, QStringLiteral("window"));
    runPendingPasses();
    QCOMPARE(bed.countIn(JobState::Queued), 2);
    QVERIFY(sentPrompts(bed).isEmpty());

    // An hour either side of now: inside.
    engine->setRunWindow(RunWindow{now.addSecs(-3600), now.addSecs(3600)});
    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Done), 20000);
    QCOMPARE(sentPrompts(bed),
             (QStringList{QStringLiteral("window 1"), QStringLiteral("window 2")}));

    // No window: any time.
    engine->setRunWindow(RunWindow{now.addSecs(2 * 3600), now.addSecs(3 * 3600)});
    bed.enqueue(1, QStringLiteral("later"));
    runPendingPasses();
    QCOMPARE(bed.countIn(JobState::Queued), 1);
    engine->setRunWindow(std::nullopt);
    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Done), 20000);
    QCOMPARE(sentPrompts(bed).size(), 3);
    QCOMPARE(ids.size(), 2);
}

void TestJobQueue::theAdmissionStopsTheQueueAtTheRightJob() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(1));
    const QList<qint64> ids = bed.enqueue(4, QStringLiteral("capped"));
    QList<qint64> asked;
    const QString sentence = QStringLiteral("The daily cap of 70 credits is reached.");
    // Refuses the third job: as a cap reached after two 35-credit jobs would.
    engine->scheduler()->setAdmission([&asked, &ids, &sentence](const Job& next) {
        asked << next.id;
        return next.id == ids[2] ? sentence : QString();
    });
    QSignalSpy stopped(engine, &JobEngine::queueStopped);
    QSignalSpy pausedChanged(engine, &JobEngine::queuePausedChanged);
    engine->start();
    QVERIFY(stopped.wait(20000));
    QCOMPARE(stopped.count(), 1);
    QCOMPARE(stopped.at(0).at(0).toLongLong(), ids[2]);
    QCOMPARE(stopped.at(0).at(1).toString(), sentence);
    QVERIFY(engine->isQueuePaused());
    QCOMPARE(pausedChanged.count(), 1);
    QCOMPARE(bed.store->storedValue(QStringLiteral("queue/paused")), QStringLiteral("1"));
    QTRY_COMPARE_WITH_TIMEOUT(bed.countIn(JobState::Done), 2, 20000);
    runPendingPasses();
    QCOMPARE(bed.store->job(ids[2])->state, JobState::Queued);
    QCOMPARE(bed.store->job(ids[3])->state, JobState::Queued);
    QCOMPARE(sentPrompts(bed),
             (QStringList{QStringLiteral("capped 1"), QStringLiteral("capped 2")}));
    QCOMPARE(asked, (QList<qint64>{ids[0], ids[1], ids[2]})); // the 4th was never asked

    // The cap lifted (a new day): resumed, the rest goes in order.
    engine->scheduler()->setAdmission({});
    engine->setQueuePaused(false);
    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Done), 20000);
    QCOMPARE(sentPrompts(bed).mid(2),
             (QStringList{QStringLiteral("capped 3"), QStringLiteral("capped 4")}));
}

void TestJobQueue::aBatchIsCopiedOffTheThreadAndSentInOrder() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(1));
    engine->start();
    QList<GenerationRequest> requests;
    QStringList origins;
    for (int i = 0; i < 3; ++i) {
        const QString image =
            bed.makePng(QStringLiteral("frame%1.png").arg(i), QColor(60 * i, 90, 200 - 50 * i));
        QVERIFY(!image.isEmpty());
        GenerationRequest request = JobTestBed::request(QStringLiteral("frame %1").arg(i + 1));
        request.mode = GenerationMode::ImageToVideo;
        request.setStartImage(image);
        requests << request;
        origins << QStringLiteral("batch:frames#%1").arg(i + 1);
    }
    QSignalSpy added(bed.store.get(), &JobStore::jobAdded);
    std::optional<Result<QList<Job>>> result;
    engine->enqueueManyAsync(requests, origins, engine,
                             [&result](Result<QList<Job>> jobs) { result = jobs; });
    QVERIFY(!result); // never answered on the spot: the copies run on the thread pool
    QCOMPARE(added.count(), 0);
    QTRY_VERIFY(result.has_value());
    QVERIFY2(result->ok(), qPrintable(result->error.logText()));
    QCOMPARE(result->value->size(), 3);
    QCOMPARE(added.count(), 3);
    for (int i = 0; i < 3; ++i) {
        const Job& job = result->value->at(i);
        QCOMPARE(job.origin, origins[i]);
        QVERIFY(bed.store->isStoreCopy(job.request.startImagePath()));
        QCOMPARE(job.sourceImagePath, QFileInfo(requests[i].startImagePath()).absoluteFilePath());
        QCOMPARE(job.groupId, 0);
    }
    QVERIFY(bed.store->hasOrigin(QStringLiteral("batch:frames#2")));
    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Done), 20000);
    QCOMPARE(sentPrompts(bed), (QStringList{QStringLiteral("frame 1"), QStringLiteral("frame 2"),
                                            QStringLiteral("frame 3")}));

    // A batch with an unreadable file adds nothing.
    requests[1].setStartImage(bed.dir.filePath(QStringLiteral("gone.png")));
    std::optional<Result<QList<Job>>> refused;
    engine->enqueueManyAsync(requests, {}, engine,
                             [&refused](Result<QList<Job>> jobs) { refused = jobs; });
    QTRY_VERIFY(refused.has_value());
    QVERIFY(!refused->ok());
    QCOMPARE(bed.store->jobs().size(), 3);
}

QTEST_GUILESS_MAIN(TestJobQueue)
#include "tst_jobqueue.moc"
