// JobEngine end to end against the sandbox: thirty jobs under a cap of three, the service's own
// concurrency limit, faults on every route, refusals and moderation, a restart in the middle of
// everything, files and sidecars in the library, download again, retry, cancel.
#include "JobTestFixture.h"
#include "core/generation/ModelCatalog.h"
#include "core/jobs/VideoDownloader.h"
#include "core/media/LastFrame.h"
#include "core/media/MediaProbe.h"
#include "core/sandbox/SandboxTemplates.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace pixverse;
using pixverse::test::JobTestBed;
using pixverse::test::MaxSampler;

class TestJobEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fileNamesAreReadable();
    void thirtyJobsNeverExceedTheCap();
    void serviceConcurrencyLimitRequeues();
    void faultsOnEveryRouteAreSurvived();
    void refusalsAndModerationFailAtOnce();
    void restartRecoversEveryStage();
    void recoveryFinishesARenamedDownload();
    void redownloadAfterTheFileWasDeleted();
    void statusSixIsItsOwnEnd();
    void aSavedVideoDeletedOnTheServiceStaysPlayable();
    void theSoundMarkFollowsTheService();
    void retryMakesANewGeneration();
    void retryOfAModelNoLongerOfferedSaysSoWithoutSending();
    void cancelAQueuedJob();
    void stalledJobsAreFlaggedAndFinish();
    void everyModeContinuesATake();
    void enqueueAsyncKeepsEveryInput();
    void anImageUploadStartsBeforeTheCopyIsKept();
    void effectAndFusionJobsComplete();
    void templateRefusalsAreToldAndChargeNothing_data();
    void templateRefusalsAreToldAndChargeNothing();

private:
    static bool isMp4(const QString& path);
    static QJsonObject readJson(const QString& path);
};

bool TestJobEngine::isMp4(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(12).mid(4, 4) == "ftyp";
}

QJsonObject TestJobEngine::readJson(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

void TestJobEngine::fileNamesAreReadable() {
    Job job;
    job.id = 12;
    job.videoId = 370981546391559;
    job.createdAt = QDateTime(QDate(2026, 5, 24), QTime(14, 32, 10), Qt::LocalTime).toUTC();
    job.request.prompt =
        QStringLiteral("A lighthouse, in a STORM: waves crash over the rocks at night");
    QCOMPARE(JobEngine::fileNameFor(job),
             QStringLiteral("2026-05-24_1432_a-lighthouse-in-a-storm-waves_370981546391559.mp4"));
    job.request.prompt = QStringLiteral("  Маяк в шторм  ");
    QCOMPARE(JobEngine::fileNameFor(job),
             QStringLiteral("2026-05-24_1432_маяк-в-шторм_370981546391559.mp4"));
    job.request.prompt = QStringLiteral("../../etc/passwd <>:\"|?*");
    QCOMPARE(JobEngine::fileNameFor(job),
             QStringLiteral("2026-05-24_1432_etc-passwd_370981546391559.mp4"));
    job.request.prompt.clear();
    job.videoId = 0;
    QCOMPARE(JobEngine::fileNameFor(job), QStringLiteral("2026-05-24_1432_video_job12.mp4"));
    // Without a prompt, the later modes are named after what they made or what is spoken.
    job.request.mode = GenerationMode::Upscale;
    QCOMPARE(JobEngine::fileNameFor(job), QStringLiteral("2026-05-24_1432_upscale_job12.mp4"));
    job.request.mode = GenerationMode::SoundEffect;
    QCOMPARE(JobEngine::fileNameFor(job), QStringLiteral("2026-05-24_1432_sound_job12.mp4"));
    job.request.mode = GenerationMode::LipSync;
    QCOMPARE(JobEngine::fileNameFor(job), QStringLiteral("2026-05-24_1432_lip-sync_job12.mp4"));
    job.request.speechText = QStringLiteral("Hello from the lighthouse!");
    QCOMPARE(JobEngine::fileNameFor(job),
             QStringLiteral("2026-05-24_1432_hello-from-the-lighthouse_job12.mp4"));
}

void TestJobEngine::thirtyJobsNeverExceedTheCap() {
    JobTestBed bed; // the sandbox allows 5 at once; the app's setting says 3
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(3));
    QSignalSpy deferred(engine->scheduler(), &JobScheduler::jobDeferred);
    QSignalSpy saved(engine, &JobEngine::videoSaved);
    QSignalSpy balance(engine, &JobEngine::balanceChanged);
    QSignalSpy settled(engine, &JobEngine::allSettled);
    engine->start();
    const qint64 creditsBefore =
        sandbox::SandboxConfig{}.creditMonthly + sandbox::SandboxConfig{}.creditPackage;
    const QList<qint64> ids = bed.enqueue(30, QStringLiteral("Harbour at dawn, take"));
    QCOMPARE(ids.size(), 30);

    MaxSampler sandboxGenerating([&] { return bed.sandbox->stats().generating; });
    MaxSampler appActive([&] { return engine->scheduler()->activeCount(); });
    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Done), 30000);
    sandboxGenerating.stop();
    appActive.stop();

    QVERIFY2(sandboxGenerating.max() <= 3, qPrintable(QString::number(sandboxGenerating.max())));
    QVERIFY(sandboxGenerating.max() >= 2); // the cap was used, not just respected
    QVERIFY(appActive.max() <= 3);
    qInfo("30 jobs, cap 3: max generating on the sandbox %d (%d samples), max slots held by the "
          "app %d",
          sandboxGenerating.max(), sandboxGenerating.samples(), appActive.max());
    QCOMPARE(deferred.count(), 0); // never one 500044
    const sandbox::SandboxStats stats = bed.sandbox->stats();
    QCOMPARE(stats.generationsCreated, 30);
    QCOMPARE(stats.replayedAnswers, 0);
    QCOMPARE(saved.count(), 30);
    QTRY_VERIFY(settled.count() >= 1);

    // The library: 30 videos and 30 sidecars, readable names, nothing half-written.
    const QStringList videos = bed.libraryFiles(QStringLiteral("*.mp4"));
    QCOMPARE(videos.size(), 30);
    QCOMPARE(bed.libraryFiles(QStringLiteral("*.json")).size(), 30);
    QCOMPARE(bed.libraryFiles(QStringLiteral("*.part")).size(), 0);
    static const QRegularExpression name(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}_\\d{4}_harbour-at-dawn-take-\\d+_\\d+\\.mp4$"));
    for (const QString& file : videos)
        QVERIFY2(name.match(file).hasMatch(), qPrintable(file));
    for (const qint64 id : ids) {
        const Job job = *bed.store->job(id);
        QVERIFY(isMp4(job.videoPath));
        QVERIFY(job.videoPath.startsWith(bed.libraryDir()));
        const QJsonObject sidecar = readJson(job.sidecarPath);
        QCOMPARE(sidecar.value(u"prompt").toString(), job.request.prompt);
        QCOMPARE(sidecar.value(u"model").toString(), QStringLiteral("v4.5"));
        QCOMPARE(sidecar.value(u"backend").toString(), QStringLiteral("openapi"));
        QCOMPARE(sidecar.value(u"pixverse").toObject().value(u"video_id").toInteger(), job.videoId);
        QCOMPARE(sidecar.value(u"seed").toInteger(), *job.seed);
        QCOMPARE(sidecar.value(u"width").toInt(), 960);
        QCOMPARE(sidecar.value(u"height").toInt(), 540);
        QCOMPARE(sidecar.value(u"settings").toObject().value(u"quality").toString(),
                 QStringLiteral("540p"));
        QVERIFY(!sidecar.contains(u"account") ||
                !sidecar.value(u"account").toString().contains(bed.sandbox->defaultApiKey()));
    }

    // Credits: refreshed after submissions and final statuses, and the last one is right.
    const int cost = *ModelCatalog::builtIn().creditCost(JobTestBed::request(QStringLiteral("x")));
    QTRY_VERIFY(engine->balance() && engine->balance()->total() == creditsBefore - 30 * cost);
    QVERIFY(balance.count() >= 2);
}

void TestJobEngine::serviceConcurrencyLimitRequeues() {
    sandbox::SandboxConfig config;
    config.concurrencyLimit = 2; // the account allows fewer than the app's setting
    JobTestBed bed(config);
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(4));
    QSignalSpy deferred(engine->scheduler(), &JobScheduler::jobDeferred);
    QSignalSpy failed(engine->scheduler(), &JobScheduler::jobFailed);
    engine->start();
    bed.enqueue(10);
    MaxSampler sandboxGenerating([&] { return bed.sandbox->stats().generating; });
    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Done), 30000);
    QVERIFY(deferred.count() >= 1);
    for (const QVariantList& d : std::as_const(deferred))
        QCOMPARE(d.at(2).value<ApiError>().errCode(), 500044);
    QCOMPARE(failed.count(), 0);
    QVERIFY(sandboxGenerating.max() <= 2);
    QCOMPARE(engine->scheduler()->effectiveLimit(), 2); // learned from the refusals
    QCOMPARE(bed.sandbox->stats().generationsCreated, 10);
    QCOMPARE(bed.libraryFiles(QStringLiteral("*.mp4")).size(), 10);
    qInfo("sandbox limit 2, app cap 4: %d jobs deferred by 500044 before the limit was learned",
          static_cast<int>(deferred.count()));
}

void TestJobEngine::faultsOnEveryRouteAreSurvived() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    using Kind = sandbox::SandboxFault::Kind;
    auto fault = [&](Kind kind, const char* path, int count, int http = 500, qint64 code = 0) {
        sandbox::SandboxFault f;
        f.kind = kind;
        f.pathContains = QString::fromLatin1(path);
        f.count = count;
        f.httpStatus = http;
        f.errCode = code;
        f.retryAfterSeconds = 1;
        bed.sandbox->injectFault(f);
    };
    fault(Kind::ServiceError, "video/text/generate", 2, 200, 500069);
    fault(Kind::HttpStatus, "video/text/generate", 1, 502);
    fault(Kind::HttpStatus, "video/text/generate", 1, 429);
    fault(Kind::DropConnection, "video/text/generate", 2);
    fault(Kind::HttpStatus, "video/result", 3, 502);
    fault(Kind::DropConnection, "video/result", 2);
    fault(Kind::ServiceError, "video/result", 2, 200, 500069);
    fault(Kind::DropConnection, "/media/", 2);
    fault(Kind::HttpStatus, "/media/", 1, 503);
    fault(Kind::HttpStatus, "account/balance", 1, 500);
    JobEngine* engine = bed.makeEngine(bed.fastOptions(3));
    engine->downloader()->setRetryPolicy({1, 10, 10}); // let the engine's own retry handle it
    QSignalSpy failed(engine->scheduler(), &JobScheduler::jobFailed);
    engine->start();
    const QList<qint64> ids = bed.enqueue(6);
    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Done), 30000);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(bed.sandbox->stats().generationsCreated, 6);
    QCOMPARE(bed.libraryFiles(QStringLiteral("*.mp4")).size(), 6);
    QCOMPARE(bed.libraryFiles(QStringLiteral("*.part")).size(), 0);
    for (const qint64 id : ids)
        QVERIFY(isMp4(bed.store->job(id)->videoPath));
}

void TestJobEngine::refusalsAndModerationFailAtOnce() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(3));
    QSignalSpy deferred(engine->scheduler(), &JobScheduler::jobDeferred);
    QSignalSpy settled(engine, &JobEngine::jobSettled);
    engine->start();
    GenerationRequest invalid = JobTestBed::request(QStringLiteral("A lighthouse"));
    invalid.quality = QStringLiteral("1080p");
    invalid.duration = 8; // v4.5 refuses 1080p at 8 s; sent without the app's validation
    const qint64 invalidId = engine->enqueue(invalid).value->id;
    const qint64 moderatedId =
        engine->enqueue(JobTestBed::request(QStringLiteral("Something forbidden happens")))
            .value->id;
    const qint64 explodedId =
        engine->enqueue(JobTestBed::request(QStringLiteral("The engine will explode"))).value->id;
    QTRY_COMPARE_WITH_TIMEOUT(settled.count(), 3, 10000);

    const Job refused = *bed.store->job(invalidId);
    QCOMPARE(refused.state, JobState::Failed);
    QCOMPARE(refused.errorCode, 400017);
    QCOMPARE(refused.errorMessage, ApiError::service(400017, {}).userMessage());
    const Job moderated = *bed.store->job(moderatedId);
    QCOMPARE(moderated.state, JobState::Moderated);
    QCOMPARE(moderated.rawStatus, 7);
    QVERIFY(moderated.errorMessage.contains(QStringLiteral("moderation")));
    const Job exploded = *bed.store->job(explodedId);
    QCOMPARE(exploded.state, JobState::Failed);
    QCOMPARE(exploded.rawStatus, 8);
    QVERIFY(!exploded.errorMessage.isEmpty());

    QCOMPARE(deferred.count(), 0);
    QCOMPARE(bed.sandbox->stats().generationsCreated, 2); // no second try for any of them
    // Final states accept no event but the creator's Retry: the pass the last change asked for
    // sends nothing.
    QCoreApplication::processEvents();
    QCOMPARE(engine->scheduler()->inFlightCount(), 0);
    QCOMPARE(bed.sandbox->stats().generationsCreated, 2);
    QCOMPARE(bed.libraryFiles(QStringLiteral("*")).size(), 0);
    QCOMPARE(engine->unfinishedCount(), 0);
}

void TestJobEngine::restartRecoversEveryStage() {
    JobTestBed bed(sandbox::SandboxConfig{}, 20.0); // a generation takes 300 ms
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    bed.client()->setDefaultTimeout(10000);
    QImage image(640, 360, QImage::Format_RGB32);
    image.fill(Qt::darkGreen);
    const QString imagePath = bed.dir.filePath(QStringLiteral("first.png"));
    QVERIFY(image.save(imagePath, "PNG"));

    // Replies that do not come back before the "crash": an upload, a create, a download.
    using Kind = sandbox::SandboxFault::Kind;
    for (const char* path : {"image/upload", "video/text/generate", "/media/"}) {
        sandbox::SandboxFault stall;
        stall.kind = Kind::Stall;
        stall.delayMs = 20000;
        stall.pathContains = QString::fromLatin1(path);
        bed.sandbox->injectFault(stall);
    }
    JobEngineOptions options = bed.fastOptions(3);
    options.maxDownloads = 1;
    JobEngine* engine = bed.makeEngine(options);
    engine->start();
    GenerationRequest withImage = JobTestBed::request(QStringLiteral("The still comes alive"));
    withImage.setStartImage(imagePath);
    QVERIFY(engine->enqueue(withImage).ok());
    bed.enqueue(11);
    QTRY_VERIFY_WITH_TIMEOUT(bed.anyIn(JobState::Uploading) && bed.anyIn(JobState::Submitting) &&
                                 bed.anyIn(JobState::Downloading) && bed.anyIn(JobState::Queued) &&
                                 bed.anyIn(JobState::Generating),
                             10000);
    QStringList before;
    for (const Job& job : bed.store->jobs())
        before << jobStateId(job.state);
    qInfo("killed with jobs in: %s", qPrintable(before.join(QStringLiteral(", "))));

    // The "crash": the engine and the store go away mid-flight; the sandbox keeps what it got.
    QVERIFY(bed.reopenStore());
    bed.sandbox->clearFaults();
    bed.sandbox->setClockSpeed(200);
    QCOMPARE(bed.store->jobs().size(), 12);
    engine = bed.makeEngine(bed.fastOptions(3));
    QSignalSpy saved(engine, &JobEngine::videoSaved);
    engine->start();
    QTRY_VERIFY_WITH_TIMEOUT(bed.allIn(JobState::Done), 30000);
    const sandbox::SandboxStats stats = bed.sandbox->stats();
    QCOMPARE(stats.generationsCreated, 12); // exactly one per job
    QVERIFY(stats.replayedAnswers >= 1);    // the stalled create came back through its trace id
    QCOMPARE(bed.libraryFiles(QStringLiteral("*.mp4")).size(), 12);
    QCOMPARE(bed.libraryFiles(QStringLiteral("*.json")).size(), 12);
    QCOMPARE(bed.libraryFiles(QStringLiteral("*.part")).size(), 0);
    for (const Job& job : bed.store->jobs())
        QVERIFY(isMp4(job.videoPath));
}

void TestJobEngine::recoveryFinishesARenamedDownload() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(3));
    engine->start();
    const qint64 id = bed.enqueue(1).first();
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(id)->state, JobState::Done, 10000);
    // As if the app died after the rename and before the commit.
    Job job = *bed.store->job(id);
    QFile::remove(job.sidecarPath);
    job.state = JobState::Downloading;
    job.sidecarPath.clear();
    QVERIFY(bed.store->update(job));
    const qint64 media = bed.sandbox->stats().mediaRequests;
    QVERIFY(bed.reopenStore());
    engine = bed.makeEngine(bed.fastOptions(3));
    engine->start();
    QTRY_COMPARE(bed.store->job(id)->state, JobState::Done);
    QCOMPARE(bed.sandbox->stats().mediaRequests, media); // not fetched again
    QVERIFY(QFile::exists(bed.store->job(id)->sidecarPath));
}

void TestJobEngine::redownloadAfterTheFileWasDeleted() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(3));
    engine->start();
    const qint64 id = bed.enqueue(1).first();
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(id)->state, JobState::Done, 10000);
    const Job done = *bed.store->job(id);
    QVERIFY(QFile::remove(done.videoPath));
    QVERIFY(!engine->retry(id)); // Done is not a failure
    QSignalSpy saved(engine, &JobEngine::videoSaved);
    QVERIFY(engine->redownload(id));
    QCOMPARE(bed.store->job(id)->state, JobState::Downloading);
    QTRY_COMPARE(saved.count(), 1);
    QCOMPARE(saved.first().at(1).toString(), done.videoPath);
    QVERIFY(isMp4(done.videoPath));
    QCOMPARE(bed.store->job(id)->state, JobState::Done);
    QCOMPARE(bed.sandbox->stats().generationsCreated, 1);
}

namespace {
//! Every result answer says status 6 (§2.6: deleted, no url), as the service does once it
//! deleted the video.
sandbox::SandboxFault statusSix() {
    sandbox::SandboxFault fault;
    fault.kind = sandbox::SandboxFault::Kind::PatchResp;
    fault.pathContains = QStringLiteral("video/result");
    fault.count = -1;
    fault.respPatch = QJsonObject{{QStringLiteral("status"), 6}, {QStringLiteral("url"), {}}};
    return fault;
}
} // namespace

void TestJobEngine::statusSixIsItsOwnEnd() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(3));
    bed.sandbox->injectFault(statusSix());
    QSignalSpy settled(engine, &JobEngine::jobSettled);
    engine->start();
    const qint64 id = bed.enqueue(1).first();
    QTRY_COMPARE_WITH_TIMEOUT(settled.count(), 1, 10000);
    QCOMPARE(settled.first().at(1).value<JobState>(), JobState::Deleted);
    const Job deleted = *bed.store->job(id);
    QCOMPARE(deleted.state, JobState::Deleted);
    QCOMPARE(deleted.rawStatus, 6);
    QCOMPARE(deleted.errorMessage, deletedJobMessage());
    QVERIFY(deleted.deletedOnService);
    QVERIFY(deleted.videoPath.isEmpty());
    QCOMPARE(bed.sandbox->stats().mediaRequests, 0);
    QCOMPARE(engine->unfinishedCount(), 0);
    // Stored as its own state, and a restart finds it settled (nothing polled again).
    QVERIFY(bed.reopenStore());
    QCOMPARE(jobStateId(bed.store->job(id)->state), QStringLiteral("deleted"));
    QVERIFY(bed.store->job(id)->deletedOnService);
    engine = bed.makeEngine(bed.fastOptions(3));
    engine->start();
    QVERIFY(!engine->poller()->isWatching(id));
    QVERIFY(!engine->redownload(id)); // nothing on the service to save
    // Retry is a new generation, which the service keeps this time.
    bed.sandbox->clearFaults();
    QVERIFY(engine->retry(id));
    QVERIFY(!bed.store->job(id)->deletedOnService);
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(id)->state, JobState::Done, 10000);
    QVERIFY(isMp4(bed.store->job(id)->videoPath));
    QVERIFY(bed.store->job(id)->errorMessage.isEmpty());
}

void TestJobEngine::aSavedVideoDeletedOnTheServiceStaysPlayable() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(3));
    engine->start();
    const QList<qint64> ids = bed.enqueue(2);
    for (const qint64 id : ids)
        QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(id)->state, JobState::Done, 10000);
    const Job kept = *bed.store->job(ids.at(0));
    const Job lost = *bed.store->job(ids.at(1));
    QVERIFY(QFile::remove(lost.videoPath));
    bed.sandbox->injectFault(statusSix());
    QSignalSpy settled(engine, &JobEngine::jobSettled);
    // "Download again" asks for a fresh URL and hears status 6.
    QVERIFY(engine->redownload(kept.id));
    QVERIFY(engine->redownload(lost.id));
    QTRY_COMPARE_WITH_TIMEOUT(settled.count(), 2, 10000);

    // The one with its file stays Done and playable, marked; the file is untouched.
    const Job stillDone = *bed.store->job(kept.id);
    QCOMPARE(stillDone.state, JobState::Done);
    QVERIFY(stillDone.deletedOnService);
    QVERIFY(stillDone.errorMessage.isEmpty());
    QCOMPARE(stillDone.videoPath, kept.videoPath);
    QVERIFY(isMp4(stillDone.videoPath));
    QVERIFY(jobAllowedActions(stillDone).has(JobAction::Play));
    QVERIFY(!jobAllowedActions(stillDone).has(JobAction::Redownload));
    // The one whose file was gone has nothing left: Deleted, with its sentence.
    const Job gone = *bed.store->job(lost.id);
    QCOMPARE(gone.state, JobState::Deleted);
    QCOMPARE(gone.errorMessage, deletedJobMessage());
    QVERIFY(!jobAllowedActions(gone).has(JobAction::Play));
    QVERIFY(jobAllowedActions(gone).has(JobAction::Retry));
    // The mark survives a restart.
    QVERIFY(bed.reopenStore());
    QVERIFY(bed.store->job(kept.id)->deletedOnService);
    QCOMPARE(bed.store->job(kept.id)->state, JobState::Done);
    QCOMPARE(bed.sandbox->stats().generationsCreated, 2);
}

void TestJobEngine::theSoundMarkFollowsTheService() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(3));
    engine->start();
    // No `has_audio` in the answer: what was asked. The request's switch is kept from the start.
    GenerationRequest silent = JobTestBed::request(QStringLiteral("A quiet forest"));
    const qint64 quiet = engine->enqueue(silent).value->id;
    QVERIFY(!bed.store->job(quiet)->hasAudio);
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(quiet)->state, JobState::Done, 10000);
    QVERIFY(!bed.store->job(quiet)->hasAudio);
    // The service says the clip has sound: the card believes the service (§2.4 `has_audio`).
    sandbox::SandboxFault sound;
    sound.kind = sandbox::SandboxFault::Kind::PatchResp;
    sound.pathContains = QStringLiteral("video/result");
    sound.count = -1;
    sound.respPatch = QJsonObject{{QStringLiteral("has_audio"), true}};
    bed.sandbox->injectFault(sound);
    const qint64 loud = engine->enqueue(JobTestBed::request(QStringLiteral("Thunder"))).value->id;
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(loud)->state, JobState::Done, 10000);
    QVERIFY(bed.store->job(loud)->hasAudio);
    QVERIFY(bed.reopenStore());
    QVERIFY(bed.store->job(loud)->hasAudio); // stored
    QVERIFY(!bed.store->job(quiet)->hasAudio);
}

void TestJobEngine::retryMakesANewGeneration() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(3));
    engine->start();
    const qint64 id =
        engine->enqueue(JobTestBed::request(QStringLiteral("It will explode"))).value->id;
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(id)->state, JobState::Failed, 10000);
    const Job first = *bed.store->job(id);
    QVERIFY(!engine->redownload(id)); // nothing was made
    QVERIFY(engine->retry(id));
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(id)->state, JobState::Failed, 10000);
    QTRY_COMPARE(bed.sandbox->stats().generationsCreated, 2);
    const Job second = *bed.store->job(id);
    QVERIFY(second.traceId != first.traceId);
    QVERIFY(second.videoId != first.videoId);
}

// A job kept from an older model table (v5.5 is offered nowhere now) is not sent to be refused:
// Retry leaves it failed with the table's sentence, and nothing reaches the service.
void TestJobEngine::retryOfAModelNoLongerOfferedSaysSoWithoutSending() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngineOptions options = bed.fastOptions(3);
    options.catalog = &ModelCatalog::builtIn();
    JobEngine* engine = bed.makeEngine(options);
    engine->start();
    GenerationRequest old = JobTestBed::request(QStringLiteral("Made with last year's table"));
    old.model = QStringLiteral("v5.5");
    old.duration = 5;
    Job kept;
    kept.family = ApiFamily::OpenApi;
    kept.request = old;
    kept.state = JobState::Failed;
    kept.errorMessage = QStringLiteral("An earlier failure");
    const Result<Job> added = bed.store->add(kept);
    QVERIFY(added.ok());
    const qint64 id = added.value->id;
    QVERIFY(engine->retry(id));
    const Job after = *bed.store->job(id);
    QCOMPARE(after.state, JobState::Failed);
    QVERIFY2(after.errorMessage.contains(u"PixVerse V5.5") &&
                 after.errorMessage.contains(u"PixVerse V6"),
             qPrintable(after.errorMessage));
    QCOMPARE(engine->unfinishedCount(), 0);
    QCOMPARE(bed.sandbox->stats().generationsCreated, 0);
    // The same job on an offered model goes out as usual.
    Job fixed = after;
    fixed.request.model = QStringLiteral("v6");
    QVERIFY(bed.store->update(fixed));
    QVERIFY(engine->retry(id));
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(id)->state, JobState::Done, 10000);
    QCOMPARE(bed.sandbox->stats().generationsCreated, 1);
}

void TestJobEngine::cancelAQueuedJob() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(1));
    engine->start();
    const QList<qint64> ids = bed.enqueue(3);
    QVERIFY(engine->cancel(ids[2]));
    QCOMPARE(bed.store->job(ids[2])->state, JobState::Cancelled);
    QTRY_COMPARE_WITH_TIMEOUT(bed.countIn(JobState::Done), 2, 10000);
    QCOMPARE(bed.sandbox->stats().generationsCreated, 2);
    QVERIFY(!engine->cancel(ids[0]));
    QVERIFY(engine->retry(ids[2])); // a cancelled job can still be sent later
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(ids[2])->state, JobState::Done, 10000);
}

void TestJobEngine::stalledJobsAreFlaggedAndFinish() {
    sandbox::SandboxConfig config;
    config.generationMs = 600;
    JobTestBed bed(config, 1.0);
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngineOptions options = bed.fastOptions(3);
    options.stallLimitMs = 150;
    JobEngine* engine = bed.makeEngine(options);
    engine->start();
    const qint64 id = bed.enqueue(1).first();
    QTRY_VERIFY(bed.store->job(id)->stalled);
    QCOMPARE(bed.store->job(id)->state, JobState::Generating);
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(id)->state, JobState::Done, 5000);
}

// Issue 16: a take, then every way to continue it, each through the whole pipeline against the
// sandbox. The saved files are decoded (probeMedia): extend is longer than its source, upscale
// larger, sound and lip sync have a sound track; the lineage is in the store and the sidecars.
void TestJobEngine::everyModeContinuesATake() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngineOptions options = bed.fastOptions(3);
    options.catalog = &ModelCatalog::builtIn();
    JobEngine* engine = bed.makeEngine(options);
    // Every state each job goes through, repeats folded.
    QHash<qint64, QList<JobState>> path;
    QObject::connect(bed.store.get(), &JobStore::jobChanged, engine, [&](qint64 id) {
        const JobState state = bed.store->job(id)->state;
        if (path[id].isEmpty() || path[id].last() != state)
            path[id] << state;
    });
    engine->start();
    const qint64 takeId =
        engine->enqueue(JobTestBed::request(QStringLiteral("A fox runs through the snow")))
            .value->id;
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(takeId)->state, JobState::Done, 10000);
    const Job take = *bed.store->job(takeId);
    const MediaProbeResult takeFile = probeMedia(take.videoPath);
    QVERIFY2(takeFile.facts, qPrintable(takeFile.error));
    QVERIFY(take.videoSeconds > 0); // read after the download, before Done
    QCOMPARE(take.videoSeconds, takeFile.facts->seconds);

    JobLibrary* library = engine->library();
    auto add = [&](const GenerationRequest& request) -> qint64 {
        const Result<Job> added = engine->enqueue(request);
        if (!added.ok())
            qWarning().noquote() << "not added:" << added.error.logText();
        return added.ok() ? added.value->id : 0;
    };
    auto settled = [&](qint64 id) { return isTerminal(bed.store->job(id)->state); };
    const QList<JobState> fromTheService{JobState::Submitting, JobState::Generating,
                                         JobState::Downloading, JobState::Done};
    const QList<JobState> withUploads = QList<JobState>{JobState::Uploading} + fromTheService;

    GenerationRequest extendAsked = library->continuation(take, GenerationMode::Extend);
    extendAsked.prompt += QStringLiteral(", into the forest");
    const qint64 extendedId = add(extendAsked);
    QVERIFY(extendedId != 0);
    QTRY_VERIFY_WITH_TIMEOUT(settled(extendedId), 20000);
    const std::optional<Job> extended = bed.store->job(extendedId);
    QVERIFY2(extended->state == JobState::Done, qPrintable(extended->errorMessage));
    QCOMPARE(path.value(extended->id), fromTheService);
    const MediaProbeResult extendedFile = probeMedia(extended->videoPath);
    QVERIFY2(extendedFile.facts, qPrintable(extendedFile.error));
    QVERIFY(extendedFile.facts->seconds > takeFile.facts->seconds);
    QCOMPARE(extended->videoSeconds, extendedFile.facts->seconds);

    const qint64 upscaledId = add(library->continuation(take, GenerationMode::Upscale));
    QVERIFY(upscaledId != 0);
    QTRY_VERIFY_WITH_TIMEOUT(settled(upscaledId), 20000);
    const std::optional<Job> upscaled = bed.store->job(upscaledId);
    QVERIFY2(upscaled->state == JobState::Done, qPrintable(upscaled->errorMessage));
    const MediaProbeResult upscaledFile = probeMedia(upscaled->videoPath);
    QVERIFY2(upscaledFile.facts, qPrintable(upscaledFile.error));
    QVERIFY(upscaledFile.facts->width > takeFile.facts->width);
    QVERIFY(upscaledFile.facts->height > takeFile.facts->height);

    GenerationRequest soundAsked = library->continuation(take, GenerationMode::SoundEffect);
    QVERIFY(soundAsked.prompt.isEmpty());
    soundAsked.prompt = QStringLiteral("Paws crunching on snow");
    const qint64 soundId = add(soundAsked);
    QVERIFY(soundId != 0);
    QTRY_VERIFY_WITH_TIMEOUT(settled(soundId), 20000);
    const std::optional<Job> sound = bed.store->job(soundId);
    QVERIFY2(sound->state == JobState::Done, qPrintable(sound->errorMessage));
    QVERIFY(!takeFile.facts->hasAudio);
    const MediaProbeResult soundFile = probeMedia(sound->videoPath);
    QVERIFY2(soundFile.facts, qPrintable(soundFile.error));
    QVERIFY(soundFile.facts->hasAudio);

    // Lip sync from a local video and a local audio file: both uploaded first.
    GenerationRequest lipAsked = library->continuation(take, GenerationMode::LipSync);
    lipAsked.sourceVideoId = 0;
    lipAsked.sourceVideoPath = take.videoPath;
    lipAsked.audioPath = QStringLiteral(PIXVERSE_TEST_MEDIA_DIR "/speech.wav");
    lipAsked.audioSeconds = 2;
    const qint64 lipSyncId = add(lipAsked);
    QVERIFY(lipSyncId != 0);
    QTRY_VERIFY_WITH_TIMEOUT(settled(lipSyncId), 20000);
    const std::optional<Job> lipSync = bed.store->job(lipSyncId);
    QVERIFY2(lipSync->state == JobState::Done, qPrintable(lipSync->errorMessage));
    QCOMPARE(path.value(lipSync->id), withUploads);
    QVERIFY(lipSync->uploads.video && lipSync->uploads.audio);
    QCOMPARE(bed.sandbox->stats().mediaUploads, 2);
    const MediaProbeResult lipFile = probeMedia(lipSync->videoPath);
    QVERIFY2(lipFile.facts, qPrintable(lipFile.error));
    QVERIFY(lipFile.facts->hasAudio);

    // Last frame → next start, and → the first frame of a transition.
    const LastFrameResult frame =
        extractLastFrame(take.videoPath, bed.dir.filePath(QStringLiteral("last.png")));
    QVERIFY2(frame.error.isEmpty(), qPrintable(frame.error));
    const qint64 nextId =
        add(library->frameRequest(take, frame.pngPath, RequestImage::Role::Start));
    QVERIFY(nextId != 0);
    QTRY_VERIFY_WITH_TIMEOUT(settled(nextId), 20000);
    const std::optional<Job> next = bed.store->job(nextId);
    QVERIFY2(next->state == JobState::Done, qPrintable(next->errorMessage));
    QCOMPARE(path.value(next->id), withUploads);
    GenerationRequest bridgeAsked =
        library->frameRequest(take, frame.pngPath, RequestImage::Role::FirstFrame);
    QImage night(640, 360, QImage::Format_RGB32);
    night.fill(Qt::darkBlue);
    const QString nightPath = bed.dir.filePath(QStringLiteral("night.png"));
    QVERIFY(night.save(nightPath, "PNG"));
    bridgeAsked.images << RequestImage{RequestImage::Role::LastFrame, nightPath, {}};
    const qint64 bridgeId = add(bridgeAsked);
    QVERIFY(bridgeId != 0);
    QTRY_VERIFY_WITH_TIMEOUT(settled(bridgeId), 20000);
    const std::optional<Job> bridge = bed.store->job(bridgeId);
    QVERIFY2(bridge->state == JobState::Done, qPrintable(bridge->errorMessage));
    QCOMPARE(path.value(bridge->id), withUploads);
    QVERIFY(bridge->uploads.first && bridge->uploads.last);

    // The lineage: every one of them continues the take, in the store and in its sidecar.
    const QList<Job> family = bed.store->lineage(takeId);
    QCOMPARE(family.size(), 7);
    QCOMPARE(family.first().id, takeId);
    QCOMPARE(bed.store->children(takeId).size(), 6);
    for (const Job& child : bed.store->children(takeId)) {
        QVERIFY(isMp4(child.videoPath));
        const QJsonObject sidecar = readJson(child.sidecarPath);
        const QJsonObject parent = sidecar.value(QLatin1String("parent")).toObject();
        QCOMPARE(parent.value(QLatin1String("job_id")).toInteger(), takeId);
        QCOMPARE(parent.value(QLatin1String("video_id")).toInteger(), take.videoId);
        QCOMPARE(parent.value(QLatin1String("file")).toString(),
                 QFileInfo(take.videoPath).fileName());
        QCOMPARE(sidecar.value(QLatin1String("mode")).toString(),
                 generationModeId(child.request.mode));
    }
    const QJsonObject soundSidecar = readJson(sound->sidecarPath);
    QCOMPARE(soundSidecar.value(QLatin1String("mode_details"))
                 .toObject()
                 .value(QLatin1String("sound_prompt"))
                 .toString(),
             QStringLiteral("Paws crunching on snow"));
    QCOMPARE(readJson(lipSync->sidecarPath)
                 .value(QLatin1String("mode_details"))
                 .toObject()
                 .value(QLatin1String("audio_file"))
                 .toString(),
             QStringLiteral("speech.wav"));
}

// enqueueAsync copies a local video and audio file into the store off the GUI thread, keeping
// their names; the originals may go before the job is sent.
void TestJobEngine::enqueueAsyncKeepsEveryInput() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(3)); // not started: nothing is sent
    const QString video = bed.dir.filePath(QStringLiteral("source clip.mp4"));
    const QString audio = bed.dir.filePath(QStringLiteral("line.wav"));
    QVERIFY(QFile::copy(qEnvironmentVariable("PIXVERSE_CLIPS_DIR") + u"/960x540.mp4", video));
    QVERIFY(QFile::copy(QStringLiteral(PIXVERSE_TEST_MEDIA_DIR "/speech.wav"), audio));
    GenerationRequest request = JobTestBed::request(QString());
    request.mode = GenerationMode::LipSync;
    request.sourceVideoPath = video;
    request.audioPath = audio;
    std::optional<Result<Job>> added;
    engine->enqueueAsync(request, engine, [&added](Result<Job> job) { added = job; });
    QVERIFY(!added); // never answered on the spot
    QTRY_VERIFY(added.has_value());
    QVERIFY2(added->ok(), qPrintable(added->error.logText()));
    const Job job = *added->value;
    QVERIFY(bed.store->isStoreCopy(job.request.sourceVideoPath));
    QVERIFY(bed.store->isStoreCopy(job.request.audioPath));
    QCOMPARE(QFileInfo(job.request.sourceVideoPath).fileName(), QStringLiteral("source clip.mp4"));
    QCOMPARE(job.missingUploads(), (QList<JobInput>{InputRole::Video, InputRole::Audio}));
    QVERIFY(QFile::remove(video));
    QVERIFY(QFile::remove(audio));
    QVERIFY(QFileInfo(job.request.sourceVideoPath).isFile());
    QVERIFY(QFileInfo(job.request.audioPath).isFile());
    QCOMPARE(bed.store->job(job.id)->request, job.request);
}

// Issue 20: Generate with an image starts the upload from the creator's file while the store
// copies it; the job takes that upload (the image goes once), its row naming the upload only
// once the copy is complete. A converted image (BMP) is not the same bytes: its copy is sent.
// With the queue paused nothing is sent early.
void TestJobEngine::anImageUploadStartsBeforeTheCopyIsKept() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(3));
    engine->start();
    const QString png = bed.makePng(QStringLiteral("start.png"), Qt::darkCyan);
    QImage bmpImage(320, 180, QImage::Format_RGB32);
    bmpImage.fill(Qt::darkYellow);
    const QString bmp = bed.dir.filePath(QStringLiteral("start.bmp"));
    QVERIFY(bmpImage.save(bmp, "BMP"));
    // Whenever a row says the image was uploaded, the store's copy is whole.
    QStringList rowsBeforeTheirCopy;
    connect(bed.store.get(), &JobStore::jobChanged, engine, [&](qint64 id) {
        const Job job = *bed.store->job(id);
        const QString copy = inputPath(job.request, InputRole::Start);
        if (job.uploads.start && (!bed.store->isStoreCopy(copy) || !QFileInfo(copy).isFile()))
            rowsBeforeTheirCopy << copy;
    });
    for (const QString& original : {png, bmp}) {
        const qint64 uploadsBefore = bed.sandbox->stats().uploads;
        GenerationRequest request = JobTestBed::request(QStringLiteral("From %1").arg(original));
        request.setStartImage(original);
        std::optional<Result<Job>> added;
        engine->enqueueAsync(request, engine, [&added](Result<Job> job) { added = job; });
        QCOMPARE(engine->scheduler()->earlyUploadCount(), 1); // on its way before the copy
        QTRY_VERIFY(added.has_value());
        QVERIFY2(added->ok(), qPrintable(added->error.logText()));
        const qint64 id = added->value->id;
        QTRY_VERIFY(bed.store->job(id)->videoId != 0); // accepted by the service
        QVERIFY(bed.store->job(id)->uploads.start);
        QCOMPARE(bed.sandbox->stats().uploads - uploadsBefore, 1); // sent once
        QCOMPARE(engine->scheduler()->earlyUploadCount(), 0);
    }
    QVERIFY2(rowsBeforeTheirCopy.isEmpty(), qPrintable(rowsBeforeTheirCopy.join(u", ")));

    engine->setQueuePaused(true);
    GenerationRequest waiting = JobTestBed::request(QStringLiteral("Waits"));
    waiting.setStartImage(png);
    std::optional<Result<Job>> added;
    engine->enqueueAsync(waiting, engine, [&added](Result<Job> job) { added = job; });
    QCOMPARE(engine->scheduler()->earlyUploadCount(), 0);
    QTRY_VERIFY(added.has_value());
    QCOMPARE(bed.store->job(added->value->id)->state, JobState::Queued);
}

// Issue 17: a two-image effect and a two-reference fusion job from the queue to the library,
// each image uploaded once, the sidecars saying the template and the references.
void TestJobEngine::effectAndFusionJobsComplete() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(3));
    QSignalSpy refused(engine, &JobEngine::templateRefused);
    engine->start();
    const QString left = bed.makePng(QStringLiteral("left.png"), Qt::red);
    const QString right = bed.makePng(QStringLiteral("right.png"), Qt::blue);
    const QString street = bed.makePng(QStringLiteral("street.png"), Qt::darkGray);

    GenerationRequest effect = JobTestBed::request(QStringLiteral("Two friends hug"));
    effect.mode = GenerationMode::Effect;
    effect.templateId = sandbox::templates::kTwoImageId;
    effect.templateName = QStringLiteral("Warm Hug");
    effect.templatePrompt = effect.prompt;
    effect.templateImageCount = 2;
    effect.images = {{RequestImage::Role::Start, left, {}}, {RequestImage::Role::Start, right, {}}};
    GenerationRequest fusion = JobTestBed::request(QStringLiteral("@hero crosses @street"));
    fusion.mode = GenerationMode::Fusion;
    fusion.model = QStringLiteral("v5");
    fusion.images = {{RequestImage::Role::Subject, left, QStringLiteral("hero")},
                     {RequestImage::Role::Background, street, QStringLiteral("street")}};
    const Result<Job> effectJob = engine->enqueue(effect);
    QVERIFY2(effectJob.ok(), qPrintable(effectJob.error.logText()));
    const Result<Job> fusionJob = engine->enqueue(fusion);
    QVERIFY2(fusionJob.ok(), qPrintable(fusionJob.error.logText()));
    QTRY_VERIFY_WITH_TIMEOUT(bed.store->job(effectJob.value->id)->state == JobState::Done &&
                                 bed.store->job(fusionJob.value->id)->state == JobState::Done,
                             15000);
    QCOMPARE(bed.sandbox->stats().uploads, 4); // two images each, once
    QCOMPARE(bed.sandbox->stats().generationsCreated, 2);
    QCOMPARE(refused.count(), 0);
    // Charged what the catalog says: the model's i2v price, and v5's fusion clip price.
    const std::optional<int> effectCost = ModelCatalog::builtIn().creditCost(effect);
    const std::optional<int> fusionCost = ModelCatalog::builtIn().creditCost(fusion);
    QVERIFY(effectCost && fusionCost);
    const qint64 creditsBefore =
        sandbox::SandboxConfig{}.creditMonthly + sandbox::SandboxConfig{}.creditPackage;
    QTRY_VERIFY(engine->balance() &&
                engine->balance()->total() == creditsBefore - *effectCost - *fusionCost);

    const Job madeEffect = *bed.store->job(effectJob.value->id);
    QVERIFY(isMp4(madeEffect.videoPath));
    QVERIFY2(QFileInfo(madeEffect.videoPath).fileName().contains(QStringLiteral("_warm-hug_")),
             qPrintable(madeEffect.videoPath));
    const QJsonObject effectSidecar = readJson(madeEffect.sidecarPath);
    const QJsonObject effectDetails = effectSidecar.value(u"mode_details").toObject();
    QCOMPARE(effectDetails.value(u"template_id").toInteger(), sandbox::templates::kTwoImageId);
    QCOMPARE(effectDetails.value(u"template_name").toString(), QStringLiteral("Warm Hug"));
    QCOMPARE(effectSidecar.value(u"pixverse").toObject().value(u"image_ids").toArray().size(), 2);

    const Job madeFusion = *bed.store->job(fusionJob.value->id);
    QVERIFY(isMp4(madeFusion.videoPath));
    const QJsonArray references = readJson(madeFusion.sidecarPath)
                                      .value(u"mode_details")
                                      .toObject()
                                      .value(u"references")
                                      .toArray();
    QCOMPARE(references.size(), 2);
    QCOMPARE(references.at(0).toObject().value(u"name").toString(), QStringLiteral("hero"));
    QCOMPARE(references.at(1).toObject().value(u"type").toString(), QStringLiteral("background"));
}

void TestJobEngine::templateRefusalsAreToldAndChargeNothing_data() {
    QTest::addColumn<qint64>("templateId");
    QTest::addColumn<QString>("quality");
    QTest::addColumn<int>("code");
    QTest::newRow("not activated")
        << sandbox::templates::kNotActivatedId << QStringLiteral("540p") << 500070;
    QTest::newRow("quality refused")
        << sandbox::templates::kLowQualityOnlyId << QStringLiteral("720p") << 500071;
}

void TestJobEngine::templateRefusalsAreToldAndChargeNothing() {
    QFETCH(qint64, templateId);
    QFETCH(QString, quality);
    QFETCH(int, code);
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(3));
    QSignalSpy refused(engine, &JobEngine::templateRefused);
    QSignalSpy settled(engine, &JobEngine::jobSettled);
    engine->start();
    const qint64 creditsBefore =
        sandbox::SandboxConfig{}.creditMonthly + sandbox::SandboxConfig{}.creditPackage;
    QTRY_VERIFY(engine->balance() && engine->balance()->total() == creditsBefore);
    // Sent as the list did not say (the app's own checks are the composer's): the service refuses.
    GenerationRequest request = JobTestBed::request(QStringLiteral("Applause"));
    request.mode = GenerationMode::Effect;
    request.templateId = templateId;
    request.templateName = QStringLiteral("Effect");
    request.quality = quality;
    request.images = {
        {RequestImage::Role::Start, bed.makePng(QStringLiteral("crowd.png"), Qt::green), {}}};
    const qint64 id = engine->enqueue(request).value->id;
    QTRY_COMPARE(settled.count(), 1);

    QCOMPARE(refused.count(), 1);
    QCOMPARE(refused.first().at(0).toLongLong(), templateId);
    QCOMPARE(refused.first().at(1).toInt(), code);
    QCOMPARE(refused.first().at(2).toString(), quality);
    const Job job = *bed.store->job(id);
    QCOMPARE(job.state, JobState::Failed);
    QCOMPARE(job.errorCode, qint64(code));
    QCOMPARE(job.errorMessage, ApiError::service(code, {}).userMessage());
    QCOMPARE(bed.sandbox->stats().uploads, 1);
    QCOMPARE(bed.sandbox->stats().generationsCreated, 0);
    // Nothing charged: a fresh look at the balance says what it said before.
    QSignalSpy balance(engine, &JobEngine::balanceChanged);
    engine->refreshBalance();
    QTRY_VERIFY(balance.count() >= 1);
    QCOMPARE(engine->balance()->total(), creditsBefore);
    QCOMPARE(bed.libraryFiles(QStringLiteral("*")).size(), 0);
}

QTEST_GUILESS_MAIN(TestJobEngine)
#include "tst_jobengine.moc"
