// The videos already on a web account appear after sign-in (issue 6):
// JobEngine::importAccountVideos against the sandbox over loopback and a real SQLite store. Videos
// made outside the engine (another client, the control route) come in with their settings and
// states, nothing is downloaded, a second import or a restart adds nothing, the engine's own videos
// are never doubled, a video is saved on demand with its sidecar, lists longer than a page are read
// page by page, and the OpenAPI (no list call) sends nothing.
#include "JobTestFixture.h"
#include "core/api/ApiClient.h"
#include "core/api/WebApiRequests.h"
#include "core/backend/BackendFactory.h"
#include "core/backend/WebBackend.h"
#include "core/jobs/AccountImporter.h"
#include "core/jobs/JobListModel.h"
#include "tests/support/Await.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace pixverse;
using pixverse::test::await;
using pixverse::test::JobTestBed;

namespace {

const QString kEmail = QStringLiteral("creator@sandbox.local");
const QString kPassword = QStringLiteral("sandbox-password");

//! A sandbox, a web backend signed in to it, a store and an engine, as the app has them after a
//! web sign-in.
class WebBed {
public:
    explicit WebBed(sandbox::SandboxConfig config = {}) {
        config.traceReplaySeconds = 24 * 3600;
        config.concurrencyLimit = std::max(config.concurrencyLimit, 20);
        sandbox = std::make_unique<sandbox::SandboxHost>(config);
        if (!sandbox->start()) {
            error = sandbox->errorString();
            return;
        }
        sandbox->setCredits(kEmail, 0, 1000000, 0);
        openStore();
    }
    ~WebBed() {
        engine.reset();
        store.reset();
        backend.reset();
    }

    bool ok() const { return error.isEmpty() && store && store->isOpen(); }

    //! JobTestBed's request on V6: the web refuses v3.5-v5.5 (§3.10).
    static GenerationRequest request(const QString& prompt) {
        GenerationRequest r = JobTestBed::request(prompt);
        r.model = QStringLiteral("v6");
        return r;
    }

    QString token() {
        ApiClient client(&network);
        client.setBaseUrl(sandbox->baseUrl());
        client.setExtraHeaders(web::defaultHeaders());
        const auto login = await<Result<web::LoginResult>>([&](auto done) {
            client.call(web::LoginRequest(kEmail, kPassword), nullptr,
                        std::function<void(Result<web::LoginResult>)>(done));
        });
        return login && login->ok() ? login->value->token : QString();
    }

    //! Signs in (a new session: an earlier one of this account ends, as on the real service).
    WebBackend* signIn() {
        engine.reset();
        BackendConfig config;
        config.family = ApiFamily::Web;
        config.baseUrl = sandbox->baseUrl();
        config.secret = token();
        config.account = kEmail;
        config.objectStoreUrl = sandboxObjectStoreUrl(sandbox->baseUrl());
        Result<Backend*> made = createBackend(&network, config, nullptr);
        if (!made.ok()) {
            error = made.error.logText();
            return nullptr;
        }
        backend.reset(*made.value);
        auto* web = qobject_cast<WebBackend*>(backend.get());
        web->client()->setRetryPolicy({1, 10, 10});
        web->client()->setDefaultTimeout(5000);
        return web;
    }

    bool openStore() {
        engine.reset();
        store = std::make_unique<JobStore>();
        if (!store->open(dir.filePath(QStringLiteral("data")))) {
            error = store->errorString();
            return false;
        }
        return true;
    }

    JobEngineOptions options() const {
        JobEngineOptions options;
        options.libraryFolder = libraryDir();
        options.concurrencyCap = 3;
        options.pollSchedule = PollSchedule::uniform(20);
        options.backoff = {20, 200, 60 * 1000};
        options.watchSystemNetwork = false;
        return options;
    }

    JobEngine* makeEngine(const JobEngineOptions& o) {
        engine = std::make_unique<JobEngine>(store.get(), backend.get(), &network, o);
        engine->downloader()->setRetryPolicy({3, 20, 100});
        return engine.get();
    }
    JobEngine* makeEngine() { return makeEngine(options()); }

    //! One import, waited for: the number of jobs it added, -1 when it failed or timed out.
    int importNow() {
        QSignalSpy done(engine.get(), &JobEngine::accountVideosImported);
        if (!engine->importAccountVideos() || !done.wait(20000))
            return -1;
        const auto error = done.first().at(1).value<ApiError>();
        if (error.isError()) {
            qWarning("import failed: %s", qPrintable(error.logText()));
            return -1;
        }
        return done.first().at(0).toInt();
    }

    //! POSTs to the sandbox's control route, as another tool would: the answer's JSON.
    QJsonObject control(const QJsonObject& body) {
        QNetworkRequest request(
            sandbox->baseUrl().resolved(QUrl(QStringLiteral("/sandbox/control"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        QNetworkReply* reply =
            network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(10000)) {
            reply->deleteLater();
            return {};
        }
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return answer;
    }

    //! Videos put on the account through the control route: their ids, oldest first.
    QList<qint64> addVideos(const QJsonObject& spec) {
        QJsonObject body = spec;
        body.insert(QStringLiteral("email"), kEmail);
        const QJsonObject answer = control({{QStringLiteral("addVideos"), body}});
        QList<qint64> ids;
        for (const QJsonValue& id : answer.value(QLatin1String("videoIds")).toArray())
            ids << id.toInteger();
        return ids;
    }

    QList<Job> jobsWithVideo(qint64 videoId) const {
        QList<Job> found;
        for (const Job& job : store->jobs()) {
            if (job.videoId == videoId)
                found << job;
        }
        return found;
    }
    std::optional<Job> jobWithVideo(qint64 videoId) const {
        const QList<Job> found = jobsWithVideo(videoId);
        return found.size() == 1 ? std::optional<Job>(found.first()) : std::nullopt;
    }

    QString libraryDir() const { return dir.filePath(QStringLiteral("library")); }
    QStringList libraryFiles() const { return QDir(libraryDir()).entryList(QDir::Files); }

    QString error;
    QTemporaryDir dir;
    std::unique_ptr<sandbox::SandboxHost> sandbox;
    QNetworkAccessManager network;
    std::unique_ptr<Backend> backend;
    std::unique_ptr<JobStore> store;
    std::unique_ptr<JobEngine> engine;
};

bool isMp4(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.size() > 1000 &&
           file.read(12).mid(4, 4) == "ftyp";
}

QJsonObject readJson(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

//! Every list/personal answer empty and complete: what the web family shows once the account's
//! videos were deleted (it has no "deleted" status, §3.7).
sandbox::SandboxFault emptiedList() {
    sandbox::SandboxFault emptied;
    emptied.kind = sandbox::SandboxFault::Kind::PatchResp;
    emptied.pathContains = QStringLiteral("list/personal");
    emptied.count = -1;
    emptied.respPatch = QJsonObject{{QStringLiteral("data"), QJsonArray()},
                                    {QStringLiteral("web_has_more"), false}};
    return emptied;
}

} // namespace

class TestAccountImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listItemsAreReadTolerantly();
    void videosMadeElsewhereAppearWithTheirStates();
    void importIsIdempotentAcrossRepeatsAndRestarts();
    void theEngineOwnVideosAreNotDoubled();
    void aLostCreateAnswerIsNotDoubled();
    void downloadOnDemandPagesForAnOldVideo();
    void longListsArePagedAndCapped();
    void importReadsEveryPageAndLookUpFindsPageThree();
    void openApiImportSendsNothing();
    void videosGoneFromTheListAreMarkedDeleted();
    void aVideoDeletedWhileGeneratingLeavesTheList();
};

void TestAccountImport::listItemsAreReadTolerantly() {
    const QJsonObject resp = QJsonDocument::fromJson(R"({
        "list": [
            {"video_id": 629000000000000001, "video_status": 1, "url": "https://media.example/a.mp4",
             "prompt": "Fox in snow", "negative_prompt": "blur", "model": "v5", "quality": "720p",
             "motion_mode": "fast", "seed": 77, "duration": 8, "aspect_ratio": "9:16",
             "output_width": 720, "output_height": 1280, "created_at": "2025-06-01T10:00:00Z",
             "img_url": "https://media.example/in.jpg", "something_new": {"x": 1}},
            {"id": "42", "status": 10, "url": "https://media.example/b.mp4", "prompt": "Pending",
             "aspectRatio": "1:1", "created_at": 1748772000, "duration": "5"},
            {"video_id": 43, "video_status": 7, "created_at": "2025-06-01 10:00:00"},
            {"video_status": 1},
            "not an object"
        ],
        "has_more": true, "next_offset": 3, "request_id": "r"})")
                                 .object();
    const Result<web::VideoPage> page = web::PersonalVideosRequest::parse(resp);
    QVERIFY(page.ok());
    QCOMPARE(page.value->videos.size(), 3); // the item without an id and the string are skipped
    QVERIFY(page.value->hasMore);
    QCOMPARE(page.value->nextOffset, 3);

    const RemoteVideo& done = page.value->videos.at(0);
    QCOMPARE(done.status.videoId, 629000000000000001LL); // above 2^53, every digit kept
    QCOMPARE(done.status.state, VideoState::Succeeded);
    QCOMPARE(done.status.url, QStringLiteral("https://media.example/a.mp4"));
    QCOMPARE(done.prompt, QStringLiteral("Fox in snow"));
    QCOMPARE(done.negativePrompt, QStringLiteral("blur"));
    QCOMPARE(done.model, QStringLiteral("v5"));
    QCOMPARE(done.quality, QStringLiteral("720p"));
    QCOMPARE(done.motionMode, QStringLiteral("fast"));
    QCOMPARE(done.duration, 8);
    QCOMPARE(done.aspectRatio, QStringLiteral("9:16"));
    QCOMPARE(done.status.seed.value_or(-1), 77);
    QCOMPARE(done.status.width, 720);
    QCOMPARE(done.imageUrl, QStringLiteral("https://media.example/in.jpg"));
    QCOMPARE(done.createdAt, QDateTime(QDate(2025, 6, 1), QTime(10, 0), Qt::UTC));

    const RemoteVideo& pending = page.value->videos.at(1);
    QCOMPARE(pending.status.videoId, 42);
    QCOMPARE(pending.status.state, VideoState::Pending);
    QVERIFY(pending.status.url.isEmpty()); // not trusted before it is done
    QCOMPARE(pending.aspectRatio, QStringLiteral("1:1"));
    QCOMPARE(pending.duration, 5);
    QCOMPARE(pending.createdAt, QDateTime::fromSecsSinceEpoch(1748772000, Qt::UTC));

    const RemoteVideo& moderated = page.value->videos.at(2);
    QCOMPARE(moderated.status.state, VideoState::Moderated);
    QCOMPARE(moderated.createdAt, QDateTime(QDate(2025, 6, 1), QTime(10, 0), Qt::UTC));
    QVERIFY(moderated.prompt.isEmpty());
    QCOMPARE(moderated.duration, 0);
}

void TestAccountImport::videosMadeElsewhereAppearWithTheirStates() {
    sandbox::SandboxConfig config;
    config.generationMs = 60 * 60 * 1000; // generating ones wait for advanceClock
    WebBed bed(config);
    QVERIFY2(bed.ok(), qPrintable(bed.error));

    // Another client (the website) makes a video; the app's sign-in later ends that session.
    WebBackend* other = bed.signIn();
    QVERIFY(other);
    GenerationRequest elsewhere = WebBed::request(QStringLiteral("A kite over the dunes"));
    elsewhere.seed = 99;
    const auto created = await<Result<CreatedVideo>>([&](auto done) {
        other->createVideo(elsewhere, RequestInputs{}, ApiClient::newTraceId(), nullptr, done);
    });
    QVERIFY(created && created->ok());
    const qint64 otherClientVideo = created->value->videoId;

    // And videos already on the account, put there through the control route.
    const QList<qint64> finished =
        bed.addVideos({{QStringLiteral("count"), 2},
                       {QStringLiteral("prompt"), QStringLiteral("Harbour at dawn %1")},
                       {QStringLiteral("negativePrompt"), QStringLiteral("people")},
                       {QStringLiteral("model"), QStringLiteral("v5")},
                       {QStringLiteral("quality"), QStringLiteral("720p")},
                       {QStringLiteral("duration"), 8},
                       {QStringLiteral("aspectRatio"), QStringLiteral("9:16")},
                       {QStringLiteral("seed"), 4242},
                       {QStringLiteral("ageMs"), 3600 * 1000}});
    QCOMPARE(finished.size(), 2);
    const QList<qint64> moderated = bed.addVideos({{QStringLiteral("status"), 7}});
    const QList<qint64> failed = bed.addVideos({{QStringLiteral("status"), 8}});
    const QList<qint64> generating = bed.addVideos({{QStringLiteral("status"), 10}});
    QCOMPARE(moderated.size() + failed.size() + generating.size(), 3);
    QCOMPARE(bed.control({{QStringLiteral("addVideos"),
                           QJsonObject{{QStringLiteral("email"), QStringLiteral("x@y")}}}})
                 .value(QLatin1String("ok"))
                 .toBool(true),
             false);

    QVERIFY(bed.signIn());
    JobEngine* engine = bed.makeEngine();
    engine->start();
    QCOMPARE(bed.importNow(), 6);
    QCOMPARE(bed.store->jobs().size(), 6);

    for (const Job& job : bed.store->jobs()) {
        QVERIFY(job.imported);
        QCOMPARE(job.family, ApiFamily::Web);
        QCOMPARE(job.account, kEmail);
        QVERIFY(job.videoPath.isEmpty());
        QVERIFY(job.createdAt.isValid());
        QVERIFY(job.createdAt <= QDateTime::currentDateTimeUtc().addSecs(1));
    }
    const Job harbour = *bed.jobWithVideo(finished.at(1));
    QCOMPARE(harbour.state, JobState::Done);
    QVERIFY(harbour.isOnServiceOnly());
    QCOMPARE(harbour.request.prompt, QStringLiteral("Harbour at dawn 2"));
    QCOMPARE(harbour.request.negativePrompt, QStringLiteral("people"));
    QCOMPARE(harbour.request.model, QStringLiteral("v5"));
    QCOMPARE(harbour.request.quality, QStringLiteral("720p"));
    QCOMPARE(harbour.request.duration, 8);
    QCOMPARE(harbour.request.aspectRatio, QStringLiteral("9:16"));
    QCOMPARE(harbour.seed.value_or(-1), 4242);
    QCOMPARE(harbour.videoWidth, 720);
    QCOMPARE(harbour.videoHeight, 1280);
    QCOMPARE(harbour.rawStatus, 1);
    QVERIFY(harbour.videoUrl.endsWith(QStringLiteral("/media/video/%1.mp4").arg(finished.at(1))));
    // Made an hour ago, a second after the first one.
    const Job first = *bed.jobWithVideo(finished.at(0));
    QCOMPARE(first.createdAt.secsTo(harbour.createdAt), 1);
    QVERIFY(qAbs(harbour.createdAt.secsTo(QDateTime::currentDateTimeUtc()) - 3600) < 120);

    const Job kite = *bed.jobWithVideo(otherClientVideo);
    QCOMPARE(kite.request.prompt, QStringLiteral("A kite over the dunes"));
    QCOMPARE(kite.seed.value_or(-1), 99);
    QCOMPARE(kite.state, JobState::Generating);

    QCOMPARE(bed.jobWithVideo(moderated.first())->state, JobState::Moderated);
    QVERIFY(!bed.jobWithVideo(moderated.first())->errorMessage.isEmpty());
    QCOMPARE(bed.jobWithVideo(failed.first())->state, JobState::Failed);
    QCOMPARE(bed.jobWithVideo(failed.first())->rawStatus, 8);
    QCOMPARE(bed.jobWithVideo(generating.first())->state, JobState::Generating);

    // The gallery can tell them apart.
    JobListModel model(bed.store.get());
    const QModelIndex row = model.indexOf(harbour.id);
    QVERIFY(model.data(row, JobListModel::ImportedRole).toBool());
    QVERIFY(model.data(row, JobListModel::OnServiceOnlyRole).toBool());

    // The generating ones are polled and finish like any job, still without a download.
    QSignalSpy settled(engine, &JobEngine::jobSettled);
    bed.sandbox->advanceClock(config.generationMs);
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->count(JobState::Generating), 0, 10000);
    QCOMPARE(bed.jobWithVideo(generating.first())->state, JobState::Done);
    QCOMPARE(bed.jobWithVideo(otherClientVideo)->state, JobState::Done);
    QVERIFY(bed.jobWithVideo(otherClientVideo)->isOnServiceOnly());
    QCOMPARE(settled.count(), 2);

    QCOMPARE(bed.sandbox->stats().mediaRequests, 0);
    QVERIFY(bed.libraryFiles().isEmpty());
}

void TestAccountImport::importIsIdempotentAcrossRepeatsAndRestarts() {
    WebBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    const QList<qint64> ids = bed.addVideos({{QStringLiteral("count"), 5}});
    QCOMPARE(ids.size(), 5);
    QVERIFY(bed.signIn());
    JobEngine* engine = bed.makeEngine();
    engine->start();
    QCOMPARE(bed.importNow(), 5);
    QCOMPARE(bed.importNow(), 0);

    // Two calls at once are one import.
    QSignalSpy done(engine, &JobEngine::accountVideosImported);
    const qint64 lists = bed.sandbox->stats().listCalls;
    QVERIFY(engine->importAccountVideos());
    QVERIFY(engine->isImporting());
    QVERIFY(engine->importAccountVideos());
    QVERIFY(done.wait(10000));
    // One list request ran, and it has answered: no second answer can come.
    QVERIFY(!engine->isImporting());
    QCOMPARE(done.count(), 1);
    QCOMPARE(bed.sandbox->stats().listCalls - lists, 1);

    // A restart: a fresh engine over the reopened store, a new sign-in.
    QVERIFY(bed.openStore());
    QCOMPARE(bed.store->jobs().size(), 5);
    QVERIFY(bed.signIn());
    bed.makeEngine()->start();
    QCOMPARE(bed.importNow(), 0);

    // A new video on the account comes in; one the creator removed from the list stays away.
    QVERIFY(bed.store->remove(bed.jobWithVideo(ids.first())->id));
    const QList<qint64> later = bed.addVideos({{QStringLiteral("ageMs"), 0}});
    QCOMPARE(bed.importNow(), 1);
    QVERIFY(bed.jobWithVideo(later.first()));
    QVERIFY(bed.jobsWithVideo(ids.first()).isEmpty());
    QCOMPARE(bed.store->jobs().size(), 5);
    for (const qint64 id : ids.mid(1))
        QCOMPARE(bed.jobsWithVideo(id).size(), 1);
    QCOMPARE(bed.sandbox->stats().mediaRequests, 0);
}

void TestAccountImport::theEngineOwnVideosAreNotDoubled() {
    WebBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    bed.sandbox->setClockSpeed(200);
    bed.addVideos({{QStringLiteral("count"), 2}});
    QVERIFY(bed.signIn());
    JobEngine* engine = bed.makeEngine();
    engine->start();
    const Result<Job> own =
        engine->enqueue(WebBed::request(QStringLiteral("A lighthouse in a storm")));
    QVERIFY(own.ok());
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(own.value->id)->state, JobState::Done, 15000);
    const Job made = *bed.store->job(own.value->id);
    QVERIFY(isMp4(made.videoPath));

    QCOMPARE(bed.importNow(), 2);
    const QList<Job> withOwnId = bed.jobsWithVideo(made.videoId);
    QCOMPARE(withOwnId.size(), 1);
    QCOMPARE(withOwnId.first().id, made.id);
    QVERIFY(!withOwnId.first().imported);
    QCOMPARE(bed.store->jobs().size(), 3);

    // A video made by the engine and later retried keeps its old id out of the import as well.
    const Result<Job> bad = engine->enqueue(WebBed::request(QStringLiteral("It will explode")));
    QVERIFY(bad.ok());
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(bad.value->id)->state, JobState::Failed, 15000);
    const qint64 oldVideo = bed.store->job(bad.value->id)->videoId;
    QVERIFY(engine->retry(bad.value->id));
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(bad.value->id)->state, JobState::Failed, 15000);
    QCOMPARE(bed.importNow(), 0);
    QVERIFY(bed.jobsWithVideo(oldVideo).isEmpty());
}

void TestAccountImport::aLostCreateAnswerIsNotDoubled() {
    WebBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    WebBackend* web = bed.signIn();
    QVERIFY(web);
    // The app sent a create and died before the answer was stored: the job is Submitting with
    // its trace id, and the video is already on the account.
    const GenerationRequest request = WebBed::request(QStringLiteral("A lost answer"));
    const QString trace = ApiClient::newTraceId();
    const auto created = await<Result<CreatedVideo>>(
        [&](auto done) { web->createVideo(request, RequestInputs{}, trace, nullptr, done); });
    QVERIFY(created && created->ok());
    Job pending;
    pending.family = ApiFamily::Web;
    pending.account = kEmail;
    pending.request = request;
    pending.traceId = trace;
    pending.state = JobState::Submitting;
    const Result<Job> stored = bed.store->add(pending);
    QVERIFY(stored.ok());

    // The import reads the list before the resend brings the id back...
    JobEngine* engine = bed.makeEngine();
    QCOMPARE(bed.importNow(), 1);
    QCOMPARE(bed.jobsWithVideo(created->value->videoId).size(), 1);
    QVERIFY(bed.jobWithVideo(created->value->videoId)->imported);
    // ...and the resend (same trace id, same video) leaves one job: the app's own.
    engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(bed.store->job(stored.value->id)->videoId, created->value->videoId,
                              10000);
    QTRY_COMPARE(bed.jobsWithVideo(created->value->videoId).size(), 1);
    QCOMPARE(bed.jobWithVideo(created->value->videoId)->id, stored.value->id);
    QCOMPARE(bed.sandbox->stats().generationsCreated, 1);
}

void TestAccountImport::downloadOnDemandPagesForAnOldVideo() {
    WebBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    const QList<qint64> ids =
        bed.addVideos({{QStringLiteral("count"), 130},
                       {QStringLiteral("prompt"), QStringLiteral("Old clip number %1")},
                       {QStringLiteral("ageMs"), 24 * 3600 * 1000}});
    QCOMPARE(ids.size(), 130);
    QVERIFY(bed.signIn());
    JobEngine* engine = bed.makeEngine();
    engine->start();
    const qint64 listsBefore = bed.sandbox->stats().listCalls;
    QCOMPARE(bed.importNow(), 130);
    QCOMPARE(bed.sandbox->stats().listCalls - listsBefore, 2); // 100 + 30
    QCOMPARE(bed.sandbox->stats().mediaRequests, 0);

    // The oldest is on the second page: its fresh URL is looked for there.
    const Job oldest = *bed.jobWithVideo(ids.first());
    QVERIFY(oldest.isOnServiceOnly());
    QSignalSpy saved(engine, &JobEngine::videoSaved);
    // Found by reading on to the second page, not by failing and trying again.
    bool everFailed = false;
    QObject::connect(bed.store.get(), &JobStore::jobChanged, engine,
                     [&bed, &everFailed, id = oldest.id](qint64 changed) {
                         everFailed = everFailed || (changed == id &&
                                                     !bed.store->job(id)->errorMessage.isEmpty());
                     });
    QVERIFY(engine->redownload(oldest.id));
    QCOMPARE(bed.store->job(oldest.id)->state, JobState::Downloading);
    QVERIFY(!engine->redownload(oldest.id)); // already on its way
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 15000);

    const Job done = *bed.store->job(oldest.id);
    QCOMPARE(done.state, JobState::Done);
    QVERIFY(!done.isOnServiceOnly());
    QVERIFY(done.imported);
    QCOMPARE(QFileInfo(done.videoPath).absolutePath(),
             QFileInfo(bed.libraryDir()).absoluteFilePath());
    QVERIFY(done.videoPath.endsWith(QStringLiteral("_old-clip-number-1_%1.mp4").arg(ids.first())));
    QVERIFY(isMp4(done.videoPath));
    QVERIFY(!QFile::exists(done.videoPath + QStringLiteral(".part")));
    const QJsonObject sidecar = readJson(done.sidecarPath);
    QCOMPARE(sidecar.value(QLatin1String("prompt")).toString(),
             QStringLiteral("Old clip number 1"));
    QCOMPARE(sidecar.value(QLatin1String("pixverse"))
                 .toObject()
                 .value(QLatin1String("video_id"))
                 .toInteger(),
             ids.first());
    QCOMPARE(sidecar.value(QLatin1String("backend")).toString(), QStringLiteral("web"));
    QVERIFY(sidecar.value(QLatin1String("imported")).toBool());
    QCOMPARE(sidecar.value(QLatin1String("width")).toInt(), 960);
    QVERIFY(!everFailed);
    QCOMPARE(bed.sandbox->stats().mediaRequests, 1);
    QCOMPARE(bed.libraryFiles().size(), 2); // the video and its sidecar, nothing else
    QCOMPARE(bed.sandbox->stats().generationsCreated, 0);
}

void TestAccountImport::longListsArePagedAndCapped() {
    WebBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    const QList<qint64> ids = bed.addVideos({{QStringLiteral("count"), 250}});
    QCOMPARE(ids.size(), 250);
    WebBackend* web = bed.signIn();
    QVERIFY(web);

    // The backend alone: three pages, every video once, newest first.
    qint64 lists = bed.sandbox->stats().listCalls;
    const auto all =
        await<Result<RemoteVideoList>>([&](auto done) { web->listVideos(1000, nullptr, done); });
    QVERIFY(all && all->ok());
    QVERIFY(all->value->complete);
    QCOMPARE(all->value->videos.size(), 250);
    QCOMPARE(all->value->videos.first().status.videoId, ids.last());
    QCOMPARE(all->value->videos.last().status.videoId, ids.first());
    QCOMPARE(bed.sandbox->stats().listCalls - lists, 3);

    // Capped: the newest 120, in two requests, and the list says it stopped early.
    lists = bed.sandbox->stats().listCalls;
    const auto capped =
        await<Result<RemoteVideoList>>([&](auto done) { web->listVideos(120, nullptr, done); });
    QVERIFY(capped && capped->ok());
    QVERIFY(!capped->value->complete);
    QCOMPARE(capped->value->videos.size(), 120);
    QCOMPARE(bed.sandbox->stats().listCalls - lists, 2);

    JobEngineOptions options = bed.options();
    options.importLimit = 120;
    bed.makeEngine(options)->start();
    QCOMPARE(bed.importNow(), 120);
    QVERIFY(bed.jobWithVideo(ids.last()));
    QVERIFY(bed.jobsWithVideo(ids.first()).isEmpty()); // the oldest are beyond the cap
    // A list that cannot be read adds nothing; the next import brings the rest.
    sandbox::SandboxFault fault;
    fault.pathContains = QStringLiteral("video/list/personal");
    fault.httpStatus = 500;
    bed.sandbox->injectFault(fault);
    options.importLimit = 1000;
    bed.makeEngine(options)->start();
    QCOMPARE(bed.importNow(), -1);
    QCOMPARE(bed.store->jobs().size(), 120);
    QCOMPARE(bed.importNow(), 130);
    QCOMPARE(bed.store->jobs().size(), 250);
}

void TestAccountImport::importReadsEveryPageAndLookUpFindsPageThree() {
    WebBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    const QList<qint64> ids = bed.addVideos({{QStringLiteral("count"), 250}});
    QCOMPARE(ids.size(), 250);
    QVERIFY(bed.signIn());
    // The default options: no cap a real account reaches; the list is read to its end.
    JobEngine* engine = bed.makeEngine();
    QVERIFY(engine->importer()->depth() >= 100000);
    engine->start();
    qint64 lists = bed.sandbox->stats().listCalls;
    QCOMPARE(bed.importNow(), 250);
    QCOMPARE(bed.sandbox->stats().listCalls - lists, 3);
    QVERIFY(bed.jobWithVideo(ids.first()));
    QVERIFY(bed.jobWithVideo(ids.last()));

    // The oldest video is on page 3 (newest first, 100 a page): found there, and no further.
    lists = bed.sandbox->stats().listCalls;
    const auto oldest = await<Result<QHash<qint64, VideoStatus>>>(
        [&](auto done) { engine->importer()->lookUp(ids.at(10), nullptr, done); });
    QVERIFY(oldest && oldest->ok());
    QVERIFY(oldest->value->contains(ids.at(10)));
    QCOMPARE(oldest->value->value(ids.at(10)).videoId, ids.at(10));
    QCOMPARE(bed.sandbox->stats().listCalls - lists, 3);
    // The newest is on page 1: one request.
    lists = bed.sandbox->stats().listCalls;
    const auto newest = await<Result<QHash<qint64, VideoStatus>>>(
        [&](auto done) { engine->importer()->lookUp(ids.last(), nullptr, done); });
    QVERIFY(newest && newest->ok() && newest->value->contains(ids.last()));
    QCOMPARE(bed.sandbox->stats().listCalls - lists, 1);
    // An id the account does not have: the whole list is read, then it is missing.
    lists = bed.sandbox->stats().listCalls;
    const auto unknown = await<Result<QHash<qint64, VideoStatus>>>(
        [&](auto done) { engine->importer()->lookUp(42, nullptr, done); });
    QVERIFY(unknown && unknown->ok());
    QVERIFY(unknown->value->isEmpty());
    QCOMPARE(bed.sandbox->stats().listCalls - lists, 3);
}

void TestAccountImport::openApiImportSendsNothing() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions(3));
    const qint64 requests = bed.sandbox->stats().requests;
    QSignalSpy done(engine, &JobEngine::accountVideosImported);
    QVERIFY(!bed.backend->canListVideos());
    QVERIFY(!engine->importAccountVideos());
    QVERIFY(!engine->isImporting());
    const auto listed = await<Result<RemoteVideoList>>(
        [&](auto cb) { bed.backend->listVideos(1000, nullptr, cb); });
    QVERIFY(listed && listed->ok());
    QVERIFY(listed->value->videos.isEmpty());
    // The refusal was synchronous; the event loop ran meanwhile (await) and brought no answer.
    QCOMPARE(done.count(), 0);
    QCOMPARE(bed.sandbox->stats().requests, requests);
    QCOMPARE(bed.store->jobs().size(), 0);
}

void TestAccountImport::videosGoneFromTheListAreMarkedDeleted() {
    WebBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    const QList<qint64> ids = bed.addVideos({{QStringLiteral("count"), 2}});
    QCOMPARE(ids.size(), 2);
    QVERIFY(bed.signIn());
    JobEngine* engine = bed.makeEngine();
    engine->start();
    QCOMPARE(bed.importNow(), 2);
    const Job saved = *bed.jobWithVideo(ids.at(0));
    const Job notSaved = *bed.jobWithVideo(ids.at(1));
    QSignalSpy videoSaved(engine, &JobEngine::videoSaved);
    QVERIFY(engine->redownload(saved.id));
    QTRY_COMPARE_WITH_TIMEOUT(videoSaved.count(), 1, 15000);
    QVERIFY(!bed.store->job(saved.id)->deletedOnService);

    // The web family has no "deleted" status: a deleted video leaves the list. Here the whole
    // list comes back empty (and complete), as when both were deleted on the website.
    bed.sandbox->injectFault(emptiedList());
    QCOMPARE(bed.importNow(), 0);
    const Job stillPlays = *bed.store->job(saved.id);
    QCOMPARE(stillPlays.state, JobState::Done);
    QVERIFY(stillPlays.deletedOnService);
    QVERIFY(isMp4(stillPlays.videoPath));
    QVERIFY(jobAllowedActions(stillPlays).has(JobAction::Play));
    QVERIFY(!jobAllowedActions(stillPlays).has(JobAction::Redownload));
    const Job nothingLeft = *bed.store->job(notSaved.id);
    QCOMPARE(nothingLeft.state, JobState::Done); // a finished job stays finished...
    QVERIFY(nothingLeft.deletedOnService);       // ...with nothing to play or download
    QVERIFY(!jobAllowedActions(nothingLeft).has(JobAction::Play));
    QVERIFY(!jobAllowedActions(nothingLeft).has(JobAction::Download));
    QVERIFY(!engine->redownload(notSaved.id));
    JobListModel model(bed.store.get());
    QCOMPARE(model.indexOf(saved.id).data(JobListModel::DeletedNoteRole).toString(),
             JobListModel::deletedOnServiceText());
    QCOMPARE(model.indexOf(notSaved.id).data(JobListModel::StatusTextRole).toString(),
             JobListModel::stateText(JobState::Deleted));

    // Listed again (the list was wrong once): the mark goes.
    bed.sandbox->clearFaults();
    QCOMPARE(bed.importNow(), 0);
    QVERIFY(!bed.store->job(saved.id)->deletedOnService);
    QVERIFY(!bed.store->job(notSaved.id)->deletedOnService);
    QVERIFY(jobAllowedActions(*bed.store->job(notSaved.id)).has(JobAction::Download));
}

void TestAccountImport::aVideoDeletedWhileGeneratingLeavesTheList() {
    sandbox::SandboxConfig config;
    config.generationMs = 60 * 60 * 1000; // still generating while the test runs
    WebBed bed(config);
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    const QList<qint64> ids = bed.addVideos({{QStringLiteral("status"), 10}});
    QCOMPARE(ids.size(), 1);
    QVERIFY(bed.signIn());
    JobEngine* engine = bed.makeEngine();
    engine->poller()->setMissingAfterTicks(3);
    engine->start();
    QCOMPARE(bed.importNow(), 1);
    const Job generating = *bed.jobWithVideo(ids.first());
    QCOMPARE(generating.state, JobState::Generating);
    QTRY_VERIFY(engine->poller()->isWatching(generating.id));
    // Deleted on the website while it was being made: the web family has no status for it
    // (§3.7), the video just leaves the list.
    bed.sandbox->injectFault(emptiedList());
    QSignalSpy settled(engine, &JobEngine::jobSettled);
    QTRY_COMPARE_WITH_TIMEOUT(settled.count(), 1, 15000);
    const Job deleted = *bed.store->job(generating.id);
    QCOMPARE(deleted.state, JobState::Deleted);
    QCOMPARE(deleted.errorMessage, deletedJobMessage());
    QVERIFY(!engine->poller()->isWatching(generating.id));
    QCOMPARE(engine->unfinishedCount(), 0);
}

QTEST_GUILESS_MAIN(TestAccountImport)
#include "tst_accountimport.moc"
