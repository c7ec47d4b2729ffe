// Faults over real loopback HTTP, through the whole JobEngine (issue 8). What tst_apiclient,
// tst_jobscheduler and tst_jobengine already prove (500/502/503, 429 + Retry-After, stalls, drops
// before any answer, malformed JSON) is not repeated; this adds what only shows end to end:
// connections cut halfway through a reply and through a video, truncated JSON, envelopes with
// missing or mistyped fields, unknown statuses, an empty `url` on success, a video URL that
// answers 404, an upload refused after the bytes were stored (web family), and the server going
// away and coming back. For each: the job ends as it should (retried and done, or failed), the
// creator reads a sentence, and the sandbox counts exactly one generation per job.
#include "core/backend/WebBackend.h"
#include "core/media/VideoMetadata.h"
#include "tests/core/jobs/JobTestFixture.h"
#include "tests/reliability/FaultTestSupport.h"
#include "tests/support/Await.h"
#include "tests/support/TestSupport.h"

#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;
using namespace pixverse::test;
using Kind = pixverse::sandbox::SandboxFault::Kind;

namespace {

//! A plain picture of `size`, saved as a PNG in `dir`; empty when it could not be written.
QString savePicture(const QTemporaryDir& dir, QSize size, const QString& name) {
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    const QString path = dir.filePath(name);
    return image.save(path, "PNG") ? path : QString();
}

//! An engine that polls often, retries soon and keeps its library in `dir`.
JobEngineOptions quickOptions(const QTemporaryDir& dir) {
    JobEngineOptions options;
    options.libraryFolder = dir.filePath(QStringLiteral("library"));
    options.pollSchedule = PollSchedule::uniform(20);
    options.backoff = {20, 200, 60 * 1000};
    options.watchSystemNetwork = false;
    return options;
}

} // namespace

class TestFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(QDir(pixverse::test::clipsDir()).exists()); }
    void faultIsSurvived_data();
    void faultIsSurvived();
    void videoUrlThatStaysGoneFailsThenDownloadsAgain();
    void unknownStatusKeepsPollingUntilTheStallLimit();
    void uploadRefusedAfterItWasStored_data();
    void uploadRefusedAfterItWasStored();
    void overSizeImageIsRefusedBeforeAnyRequest_data();
    void overSizeImageIsRefusedBeforeAnyRequest();
    void serverAnswersNothingThenComesBack();
    void serverGoneThenBackOnTheSamePort();
};

void TestFaults::faultIsSurvived_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QJsonObject>("patch");
    //! The sentence the creator reads while the job waits (empty: the fault is absorbed unseen).
    QTest::addColumn<QString>("jobMessage");
    //! The sentence of the failed request itself, asked once more directly through the backend.
    QTest::addColumn<QString>("requestMessage");

    const QString network = ApiError::network({}).userMessage();
    const QString malformed = ApiError::malformed({}).userMessage();
    const QString create = QStringLiteral("video/text/generate");
    const QString result = QStringLiteral("video/result");
    const QString media = QStringLiteral("/media/video/");
    auto row = [](const char* name, Kind kind, const QString& path, int count, int http,
                  const QJsonObject& patch, const QString& jobMessage,
                  const QString& requestMessage) {
        QTest::newRow(name) << int(kind) << path << count << http << patch << jobMessage
                            << requestMessage;
    };
    // Creates: the video was made, the answer got lost or damaged; the resend with the same trace
    // id is answered with the same video (stats: one generation per job).
    row("create: connection cut halfway through the reply", Kind::TruncateBody, create, 1, 200, {},
        network, network);
    row("create: truncated JSON", Kind::TruncateJson, create, 1, 200, {}, malformed, malformed);
    row("create: video_id missing", Kind::PatchResp, create, 1, 200,
        jsonObject(R"({"video_id":null})"), malformed, malformed);
    row("create: video_id an object", Kind::PatchResp, create, 1, 200,
        jsonObject(R"({"video_id":{"id":1}})"), malformed, malformed);
    row("create: video_id text", Kind::PatchResp, create, 1, 200,
        jsonObject(R"({"video_id":"soon"})"), malformed, malformed);
    row("create: video_id zero", Kind::PatchResp, create, 1, 200, jsonObject(R"({"video_id":0})"),
        malformed, malformed);
    // Polls: a bad answer is asked again at the next tick; the job never fails for it.
    row("result: connection cut halfway", Kind::TruncateBody, result, 3, 200, {}, QString(),
        network);
    row("result: truncated JSON", Kind::TruncateJson, result, 3, 200, {}, QString(), malformed);
    row("result: status an object", Kind::PatchResp, result, 3, 200,
        jsonObject(R"({"status":{"code":1}})"), QString(), malformed);
    row("result: status text", Kind::PatchResp, result, 3, 200, jsonObject(R"({"status":"done"})"),
        QString(), malformed);
    row("result: status missing", Kind::PatchResp, result, 3, 200, jsonObject(R"({"status":null})"),
        QString(), malformed);
    row("result: id missing", Kind::PatchResp, result, 3, 200, jsonObject(R"({"id":null})"),
        QString(), malformed);
    row("result: unknown status 42", Kind::PatchResp, result, 4, 200,
        jsonObject(R"({"status":42})"), QString(), QString());
    row("result: empty url on success", Kind::PatchResp, result, 3, 200,
        jsonObject(R"({"status":1,"url":""})"), QString(), malformed);
    row("result: url missing on success", Kind::PatchResp, result, 3, 200,
        jsonObject(R"({"status":1,"url":null})"), QString(), malformed);
    // Downloads: a cut transfer resumes from its .part file; a complete-looking half is refused.
    row("video: connection cut halfway", Kind::TruncateBody, media, 2, 200, {}, network, QString());
    row("video: half the file as if it were all", Kind::TruncateJson, media, 1, 200, {}, malformed,
        QString());
    // A video URL that answers 404 once: a fresh URL is asked for, silently.
    row("video: 404 then works", Kind::HttpStatus, media, 1, 404, {}, QString(), QString());
}

void TestFaults::faultIsSurvived() {
    QFETCH(int, kind);
    QFETCH(QString, path);
    QFETCH(int, count);
    QFETCH(int, httpStatus);
    QFETCH(QJsonObject, patch);
    QFETCH(QString, jobMessage);
    QFETCH(QString, requestMessage);

    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(3));
    engine->downloader()->setRetryPolicy({1, 10, 10}); // the engine's own retry, so it shows
    MessageLog log(bed.store.get());
    QSignalSpy failed(engine->scheduler(), &JobScheduler::jobFailed);
    QSignalSpy statuses(engine->poller(), &StatusPoller::statusReceived);
    engine->start();
    QTRY_VERIFY(engine->balance().has_value()); // the start-up balance is not what is faulted

    bed.sandbox->injectFault(fault(Kind(kind), path, count, httpStatus, 0, patch));
    const QList<qint64> ids = bed.enqueue(2);
    QCOMPARE(ids.size(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Done), 20000);

    // Nothing lost, nothing made twice, nothing half-written.
    const sandbox::SandboxStats stats = bed.sandbox->stats();
    QCOMPARE(stats.generationsCreated, qint64(ids.size()));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(bed.libraryFiles(QStringLiteral("*.mp4")).size(), ids.size());
    QVERIFY2(partFiles(bed.dir.path()).isEmpty(), qPrintable(partFiles(bed.dir.path()).join(u' ')));
    // The saved file carries the job's title and prompt in its own tags (issue 18), so it is
    // the sandbox's clip packet for packet, not byte for byte.
    const QByteArray clip = pixverse::codedStreamDigest(
        QDir(pixverse::test::clipsDir()).filePath(QStringLiteral("960x540.mp4")));
    QVERIFY(!clip.isEmpty());
    QSet<qint64> videoIds;
    for (const qint64 id : ids) {
        const Job job = *bed.store->job(id);
        QVERIFY(job.errorMessage.isEmpty()); // cleared once the job got through
        QCOMPARE(pixverse::codedStreamDigest(job.videoPath), clip);
        QVERIFY(!pixverse::readVideoMetadata(job.videoPath)->comment.isEmpty());
        videoIds.insert(job.videoId);
    }
    QCOMPARE(videoIds.size(), ids.size());

    // What the creator read while the job waited.
    const QStringList messages = log.messages();
    for (const QString& message : messages)
        QVERIFY2(isSentence(message), qPrintable(message));
    if (jobMessage.isEmpty())
        QVERIFY2(messages.isEmpty(), qPrintable(messages.join(u'|')));
    else
        QVERIFY2(messages.contains(jobMessage), qPrintable(messages.join(u'|')));
    if (QTest::currentDataTag() == QByteArray("result: unknown status 42")) {
        bool sawUnknown = false;
        for (const QVariantList& s : std::as_const(statuses)) {
            const auto status = s.at(1).value<VideoStatus>();
            sawUnknown =
                sawUnknown || (status.rawStatus == 42 && status.state == VideoState::Unknown);
        }
        QVERIFY(sawUnknown); // seen, and polled past
    }

    // The failed request alone gives a sentence too (polls show none per job: they are retried).
    if (!requestMessage.isEmpty()) {
        bed.sandbox->injectFault(fault(Kind(kind), path, 1, httpStatus, 0, patch));
        if (path.contains(u"generate")) {
            const auto created = await<Result<CreatedVideo>>([&](auto done) {
                bed.backend->createVideo(JobTestBed::request(QStringLiteral("Once more")),
                                         RequestInputs{}, ApiClient::newTraceId(), nullptr, done);
            });
            QVERIFY(created && !created->ok());
            QCOMPARE(created->error.userMessage(), requestMessage);
        } else {
            const qint64 videoId = bed.store->job(ids.first())->videoId;
            const auto polled = await<Result<QHash<qint64, VideoStatus>>>(
                [&](auto done) { bed.backend->fetchStatuses({videoId}, nullptr, done); });
            QVERIFY(polled && !polled->ok());
            QCOMPARE(polled->error.userMessage(), requestMessage);
        }
    }
}

void TestFaults::videoUrlThatStaysGoneFailsThenDownloadsAgain() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(3));
    engine->downloader()->setRetryPolicy({1, 10, 10});
    engine->start();
    bed.sandbox->injectFault(fault(Kind::HttpStatus, QStringLiteral("/media/video/"), -1, 404));
    const qint64 id = bed.enqueue(1).first();
    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Failed), 20000);
    const Job failed = *bed.store->job(id);
    QCOMPARE(failed.rawStatus, 1); // made, not saved
    QVERIFY2(isSentence(failed.errorMessage), qPrintable(failed.errorMessage));
    QVERIFY(failed.errorMessage.startsWith(
        QStringLiteral("The video was made but could not be saved")));
    QVERIFY(failed.errorMessage.contains(ApiError::http(404).userMessage()));
    QCOMPARE(failed.errorCode, 404);
    QVERIFY(partFiles(bed.dir.path()).isEmpty());

    // "Download again" once the URL works: a fresh URL, the same video, no new generation.
    bed.sandbox->clearFaults();
    QVERIFY(engine->redownload(id));
    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Done), 20000);
    QVERIFY(bed.store->job(id)->errorMessage.isEmpty());
    QCOMPARE(bed.sandbox->stats().generationsCreated, 1);
    QCOMPARE(bed.libraryFiles(QStringLiteral("*.mp4")).size(), 1);
}

void TestFaults::unknownStatusKeepsPollingUntilTheStallLimit() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngineOptions options = bed.fastOptions(3);
    options.stallLimitMs = 300;
    JobEngine* engine = bed.makeEngine(options);
    QSignalSpy stalled(engine->poller(), &StatusPoller::jobStalled);
    engine->start();
    bed.sandbox->injectFault(fault(Kind::PatchResp, QStringLiteral("video/result"), -1, 200, 0,
                                   jsonObject(R"({"status":42})")));
    const qint64 id = bed.enqueue(1).first();
    QTRY_COMPARE_WITH_TIMEOUT(stalled.count(), 1, 10000);
    const Job waiting = *bed.store->job(id);
    QCOMPARE(waiting.state, JobState::Generating); // never failed for a status it does not know
    QCOMPARE(waiting.rawStatus, 42);
    QVERIFY(waiting.stalled); // the limit: shown as stalled, still polled
    const qint64 ticks = engine->poller()->ticks();
    QTRY_VERIFY(engine->poller()->ticks() > ticks + 3);
    bed.sandbox->clearFaults();
    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Done), 10000);
    QCOMPARE(bed.sandbox->stats().generationsCreated, 1);
}

void TestFaults::uploadRefusedAfterItWasStored_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<qint64>("errCode");
    QTest::addColumn<QJsonObject>("patch");
    QTest::addColumn<QSize>("imageSize");
    QTest::addColumn<int>("registered"); //!< what the sandbox itself registered before answering
    QTest::addColumn<QString>("message");
    const QString widthOrHeight = ApiError::service(400, {}).userMessage();
    QTest::newRow("ErrCode 400 (as measured)")
        << int(Kind::ServiceError) << 200 << qint64(400) << QJsonObject() << QSize(640, 360) << 0
        << widthOrHeight;
    QTest::newRow("HTTP 400") << int(Kind::HttpStatus) << 400 << qint64(0) << QJsonObject()
                              << QSize(640, 360) << 0 << ApiError::http(400).userMessage();
    QTest::newRow("err_msg inside a success")
        << int(Kind::PatchResp) << 200 << qint64(0)
        << jsonObject(R"({"result":[{"err_msg":"incorrect image width or height"}]})")
        << QSize(640, 360) << 1 << widthOrHeight;
}

void TestFaults::uploadRefusedAfterItWasStored() {
    QFETCH(int, kind);
    QFETCH(int, httpStatus);
    QFETCH(qint64, errCode);
    QFETCH(QJsonObject, patch);
    QFETCH(QSize, imageSize);
    QFETCH(int, registered);
    QFETCH(QString, message);

    sandbox::SandboxConfig config;
    config.traceReplaySeconds = 24 * 3600;
    sandbox::SandboxHost sandbox(config);
    QVERIFY(sandbox.start());
    sandbox.setClockSpeed(200);
    QNetworkAccessManager network;
    std::unique_ptr<Backend> backend = signedInWebBackend(sandbox, &network);
    QVERIFY(backend);
    qobject_cast<WebBackend*>(backend.get())->client()->setRetryPolicy({1, 10, 10});

    QTemporaryDir dir;
    const QString imagePath = savePicture(dir, imageSize, QStringLiteral("still.png"));
    QVERIFY(!imagePath.isEmpty());
    JobStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("data"))));
    JobEngine engine(&store, backend.get(), &network, quickOptions(dir));
    QSignalSpy failed(engine.scheduler(), &JobScheduler::jobFailed);
    engine.start();
    if (kind >= 0)
        sandbox.injectFault(fault(Kind(kind), QStringLiteral("media/batch_upload_media"), 1,
                                  httpStatus, errCode, patch));
    GenerationRequest request = JobTestBed::request(QStringLiteral("The still comes alive"));
    request.setStartImage(imagePath);
    const Result<Job> job = engine.enqueue(request);
    QVERIFY(job.ok());
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);

    const Job refused = *store.job(job.value->id);
    QCOMPARE(refused.state, JobState::Failed); // a refusal is final: not retried in a loop
    QCOMPARE(refused.errorMessage, message);
    QVERIFY2(isSentence(refused.errorMessage), qPrintable(refused.errorMessage));
    const sandbox::SandboxStats stats = sandbox.stats();
    QCOMPARE(stats.objectStorePuts, 1); // the bytes were stored...
    QCOMPARE(stats.uploads,
             qint64(registered)); // ...but not registered (or the answer said it was not)
    QCOMPARE(stats.generationsCreated, 0);
    // And not uploaded again behind the creator's back: a refused job is final, not queued.
    QCOMPARE(store.count(JobState::Queued), 0);
    QCOMPARE(store.unfinished().size(), 0);
    QCOMPARE(sandbox.stats().objectStorePuts, 1);
}

void TestFaults::overSizeImageIsRefusedBeforeAnyRequest_data() {
    QTest::addColumn<int>("family");
    QTest::addColumn<int>("width");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("OpenAPI, 4001 px") << int(ApiFamily::OpenApi) << 4001 << false;
    QTest::newRow("OpenAPI, 4000 px") << int(ApiFamily::OpenApi) << 4000 << true;
    QTest::newRow("web, 4001 px") << int(ApiFamily::Web) << 4001 << false;
    QTest::newRow("web, 4000 px") << int(ApiFamily::Web) << 4000 << true;
}

void TestFaults::overSizeImageIsRefusedBeforeAnyRequest() {
    QFETCH(int, family);
    QFETCH(int, width);
    QFETCH(bool, accepted);
    sandbox::SandboxHost sandbox;
    QVERIFY(sandbox.start());
    sandbox.setClockSpeed(200);
    QNetworkAccessManager network;
    std::unique_ptr<Backend> backend;
    if (ApiFamily(family) == ApiFamily::Web) {
        backend = signedInWebBackend(sandbox, &network);
    } else {
        BackendConfig config;
        config.baseUrl = sandbox.baseUrl();
        config.secret = sandbox.defaultApiKey();
        const Result<Backend*> made = createBackend(&network, config, nullptr);
        backend.reset(made.ok() ? *made.value : nullptr);
    }
    QVERIFY(backend);

    QTemporaryDir dir;
    const QString imagePath = savePicture(dir, QSize(width, 10), QStringLiteral("panorama.png"));
    QVERIFY(!imagePath.isEmpty());
    JobStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("data"))));
    JobEngine engine(&store, backend.get(), &network, quickOptions(dir));
    QSignalSpy submitted(engine.scheduler(), &JobScheduler::jobSubmitted);
    engine.start();
    QTRY_VERIFY(engine.balance().has_value()); // the engine's own start-up calls are done
    const sandbox::SandboxStats before = sandbox.stats();

    // Both doors: enqueue() (the CLI) and enqueueAsync() (the window).
    GenerationRequest request = JobTestBed::request(QStringLiteral("The panorama pans"));
    request.model = QStringLiteral("v6"); // both families take it; the web refuses v4.5
    request.setStartImage(imagePath);
    const Result<Job> direct = engine.enqueue(request);
    const auto async =
        await<Result<Job>>([&](auto done) { engine.enqueueAsync(request, nullptr, done); });
    QVERIFY(async);
    if (accepted) {
        QVERIFY2(direct.ok() && async->ok(), qPrintable(direct.error.logText()));
        QTRY_COMPARE_WITH_TIMEOUT(submitted.count(), 2, 20000);
        QCOMPARE(sandbox.stats().generationsCreated, 2);
        return;
    }
    for (const Result<Job>& refused : {direct, *async}) {
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error.kind(), ApiError::Kind::Input);
        const QString sentence = refused.error.userMessage();
        QVERIFY2(sentence.contains(u"“panorama.png” is 4001 × 10 px"), qPrintable(sentence));
        QVERIFY2(isSentence(sentence), qPrintable(sentence));
    }
    QVERIFY(store.jobs().isEmpty()); // nothing stored that could be sent later
    const sandbox::SandboxStats after = sandbox.stats();
    QCOMPARE(after.requests, before.requests); // no upload token, PUT, registration or upload
    QCOMPARE(after.objectStorePuts, 0);
    QCOMPARE(after.uploads, 0);
}

void TestFaults::serverAnswersNothingThenComesBack() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(3));
    engine->downloader()->setRetryPolicy({1, 10, 10});
    engine->poller()->setOfflineProbeInterval(100);
    MessageLog log(bed.store.get());
    QSignalSpy online(engine->poller(), &StatusPoller::onlineChanged);
    QSignalSpy deferred(engine->scheduler(), &JobScheduler::jobDeferred);
    engine->start();
    QTRY_VERIFY(engine->balance().has_value());
    // Every route closes the connection, for as long as it takes.
    bed.sandbox->injectFault(fault(Kind::DropConnection, QString(), -1));
    const QList<qint64> ids = bed.enqueue(4);
    QTRY_VERIFY_WITH_TIMEOUT(log.messages().contains(ApiError::network({}).userMessage()), 10000);
    // The jobs keep being tried again, and none of them gives up.
    const qsizetype retriesSoFar = deferred.count();
    QTRY_VERIFY_WITH_TIMEOUT(deferred.count() > retriesSoFar + 3, 10000);
    QCOMPARE(bed.countIn(JobState::Failed), 0);
    QCOMPARE(bed.countIn(JobState::Done), 0);
    bed.sandbox->clearFaults();
    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Done), 30000);
    QCOMPARE(bed.sandbox->stats().generationsCreated, qint64(ids.size()));
    QCOMPARE(bed.libraryFiles(QStringLiteral("*.mp4")).size(), ids.size());
    for (const QString& message : log.messages())
        QVERIFY2(isSentence(message), qPrintable(message));
}

void TestFaults::serverGoneThenBackOnTheSamePort() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    const QUrl url = bed.sandbox->baseUrl();
    JobEngine* engine = bed.makeEngine(bed.fastOptions(3));
    engine->downloader()->setRetryPolicy({1, 10, 10});
    engine->poller()->setOfflineProbeInterval(100);
    MessageLog log(bed.store.get());
    QSignalSpy deferred(engine->scheduler(), &JobScheduler::jobDeferred);
    engine->start();
    QTRY_VERIFY(engine->balance().has_value());

    // The server goes away: connections are refused.
    bed.sandbox.reset();
    const QList<qint64> ids = bed.enqueue(3);
    QTRY_VERIFY_WITH_TIMEOUT(log.messages().contains(ApiError::network({}).userMessage()), 10000);
    const qsizetype retriesSoFar = deferred.count();
    QTRY_VERIFY_WITH_TIMEOUT(deferred.count() > retriesSoFar + 3, 10000);
    QCOMPARE(bed.countIn(JobState::Failed), 0);
    for (const qint64 id : ids)
        QVERIFY(!isTerminal(bed.store->job(id)->state));

    // It comes back on the same address (a fresh server: nothing reached the old one).
    sandbox::SandboxConfig config;
    config.port = static_cast<quint16>(url.port());
    config.traceReplaySeconds = 24 * 3600;
    bed.sandbox = std::make_unique<sandbox::SandboxHost>(config);
    QVERIFY2(bed.sandbox->start(), qPrintable(bed.sandbox->errorString()));
    bed.sandbox->setClockSpeed(200);
    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Done), 30000);
    QCOMPARE(bed.sandbox->stats().generationsCreated, qint64(ids.size()));
    QCOMPARE(bed.libraryFiles(QStringLiteral("*.mp4")).size(), ids.size());
    for (const QString& message : log.messages())
        QVERIFY2(isSentence(message), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
