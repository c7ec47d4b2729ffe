// Faults on the endpoints issues 15-19 added (issue 21), over real loopback HTTP. tst_faults
// covers the first endpoints (text/image to video, result, video files); this puts every fault
// the service or a proxy can throw (HTTP 502, 429 + Retry-After, a connection dropped before the
// answer or cut halfway through it, a stall past the timeout, a body that is not JSON, 500044
// "at the concurrency limit" and 500069 "high load") on:
//  - each new create (transition, extend, upscale, sound, lip sync, effect template, fusion) and
//    the video and audio upload, through the whole JobEngine with one attempt per request, so
//    the scheduler's backoff is what survives it: every job ends Done once, shows the fault's
//    sentence while it waits (a drop Qt resends by itself may show none), and the sandbox makes and
//    charges exactly one video per job;
//  - the website's transition (`video/frames`), the same way;
//  - the reads (effect templates, usage-detail, TTS speakers, the website's price formulas, a
//    media upload alone), through the client's own retry (Transfer): answered right after
//    exactly one resend.
#include "core/backend/OpenApiBackend.h"
#include "core/backend/WebBackend.h"
#include "core/generation/ModelCatalog.h"
#include "core/sandbox/SandboxTemplates.h"
#include "tests/core/jobs/JobTestFixture.h"
#include "tests/reliability/FaultTestSupport.h"
#include "tests/support/TestSupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace pixverse;
using namespace pixverse::test;
using Kind = pixverse::sandbox::SandboxFault::Kind;

namespace {

//! The client gives up on a silent request after this long; a stall outlasts it.
constexpr int kClientTimeoutMs = 500;
constexpr int kStallMs = 1500;

//! One of the faults of issue 21, as the sandbox injects it and as the creator reads it.
struct FaultCase {
    Kind kind = Kind::HttpStatus;
    int httpStatus = 500;
    qint64 errCode = 0;
    QString message; //!< what a job waiting after it shows
    //! Or this: a body cut short may reach the client as a broken connection or, when Qt takes
    //! the close for the body's end, as half a JSON document.
    QString otherMessage;
    bool told(const QStringList& messages) const {
        return message.isEmpty() || messages.contains(message) ||
               (!otherMessage.isEmpty() && messages.contains(otherMessage));
    }
    //! Only a create can be at the concurrency limit.
    bool createsOnly() const { return errCode == 500044; }
    sandbox::SandboxFault on(const QString& path) const {
        sandbox::SandboxFault f = fault(kind, path, 1, httpStatus, errCode);
        f.delayMs = kind == Kind::Stall ? kStallMs : 0;
        f.retryAfterSeconds = 1;
        return f;
    }
};

QList<QPair<const char*, FaultCase>> faultCases() {
    return {
        {"HTTP 502", {Kind::HttpStatus, 502, 0, ApiError::http(502).userMessage(), {}}},
        {"HTTP 429 + Retry-After",
         {Kind::HttpStatus, 429, 0, ApiError::http(429).userMessage(), {}}},
        // Qt itself sends a request again once when a kept-alive connection closes before any
        // answer, so the creator may never see this one: no sentence is expected.
        {"dropped before the answer", {Kind::DropConnection, 0, 0, QString(), {}}},
        {"cut halfway through the answer",
         {Kind::TruncateBody, 200, 0, ApiError::network({}).userMessage(),
          ApiError::malformed({}).userMessage()}},
        {"stalled past the timeout",
         {Kind::Stall, 200, 0, ApiError::timeout({}).userMessage(), {}}},
        {"not JSON", {Kind::MalformedJson, 200, 0, ApiError::malformed({}).userMessage(), {}}},
        {"500044 concurrency limit",
         {Kind::ServiceError, 200, 500044, ApiError::service(500044, {}).userMessage(), {}}},
        {"500069 high load",
         {Kind::ServiceError, 200, 500069, ApiError::service(500069, {}).userMessage(), {}}},
    };
}

//! The request of one mode, the way tst_jobscheduler builds them: the catalog's default model.
GenerationRequest requestFor(GenerationMode mode, const QString& prompt) {
    GenerationRequest request = JobTestBed::request(prompt);
    request.mode = mode;
    if (ModelCatalog::modeTakesModel(mode))
        request.model = ModelCatalog::builtIn().defaultModel(ApiFamily::OpenApi, mode);
    return request;
}

QString clip(const char* name) {
    return QDir(clipsDir()).filePath(QLatin1String(name));
}

//! A job of every new mode with the create path it goes to; the local videos and the audio file
//! are uploaded first (`media/upload`).
QList<QPair<GenerationRequest, QString>> everyNewMode(const JobTestBed& bed) {
    QList<QPair<GenerationRequest, QString>> jobs;
    GenerationRequest transition =
        requestFor(GenerationMode::Transition, QStringLiteral("Day turns to night"));
    transition.images = {
        {RequestImage::Role::FirstFrame, bed.makePng(QStringLiteral("day.png"), Qt::yellow), {}},
        {RequestImage::Role::LastFrame,
         bed.makePng(QStringLiteral("night.png"), Qt::darkBlue),
         {}}};
    jobs.append({transition, QStringLiteral("video/transition/generate")});

    GenerationRequest extend =
        requestFor(GenerationMode::Extend, QStringLiteral("The fox keeps running"));
    extend.sourceVideoPath = clip("960x540.mp4");
    extend.sourceSeconds = 1;
    extend.sourceWidth = 960;
    extend.sourceHeight = 540;
    jobs.append({extend, QStringLiteral("video/extend/generate")});

    GenerationRequest upscale = requestFor(GenerationMode::Upscale, QString());
    upscale.sourceVideoPath = clip("640x360.mp4");
    jobs.append({upscale, QStringLiteral("video/upscale/generate")});

    GenerationRequest sound =
        requestFor(GenerationMode::SoundEffect, QStringLiteral("Rain on a tin roof"));
    sound.sourceVideoPath = clip("960x540.mp4");
    sound.sourceSeconds = 1;
    jobs.append({sound, QStringLiteral("video/sound_effect/generate")});

    GenerationRequest lipSync = requestFor(GenerationMode::LipSync, QString());
    lipSync.sourceVideoPath = clip("960x540.mp4");
    lipSync.audioPath = QStringLiteral(PIXVERSE_TEST_MEDIA_DIR "/speech.wav");
    lipSync.audioSeconds = 2;
    jobs.append({lipSync, QStringLiteral("video/lip_sync/generate")});

    GenerationRequest effect = JobTestBed::request(QStringLiteral("The audience cheers"));
    effect.mode = GenerationMode::Effect;
    effect.templateId = sandbox::templates::kAudienceReactionId;
    effect.templateName = QStringLiteral("Audience Reaction Shot");
    effect.images = {
        {RequestImage::Role::Start, bed.makePng(QStringLiteral("crowd.png"), Qt::green), {}}};
    jobs.append({effect, QStringLiteral("video/img/generate")});

    GenerationRequest fusion = JobTestBed::request(QStringLiteral("@hero crosses @street"));
    fusion.mode = GenerationMode::Fusion;
    fusion.model = QStringLiteral("v5");
    fusion.images = {{RequestImage::Role::Subject, bed.makePng(QStringLiteral("hero.png"), Qt::red),
                      QStringLiteral("hero")},
                     {RequestImage::Role::Background,
                      bed.makePng(QStringLiteral("street.png"), Qt::gray),
                      QStringLiteral("street")}};
    jobs.append({fusion, QStringLiteral("video/fusion/generate")});
    return jobs;
}

std::optional<qint64> balanceOf(Backend* backend) {
    const auto balance = await<Result<Balance>>([&](auto done) {
        backend->fetchBalance(nullptr, std::function<void(Result<Balance>)>(done));
    });
    if (!balance || !balance->ok())
        return std::nullopt;
    return balance->value->total();
}

} // namespace

Q_DECLARE_METATYPE(FaultCase)

class TestFaultsModes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyNewCreateSurvives_data();
    void everyNewCreateSurvives();
    void webTransitionSurvives_data();
    void webTransitionSurvives();
    void readsSurviveOnOneResend_data();
    void readsSurviveOnOneResend();
    void cleanupTestCase();

private:
    // The reads share one sandbox (they change nothing a later row reads).
    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    QNetworkAccessManager m_network;
    std::unique_ptr<Backend> m_openApi;
    std::unique_ptr<Backend> m_web;
    int m_faultCases = 0;
};

void TestFaultsModes::initTestCase() {
    QVERIFY(QDir(clipsDir()).exists());
    QVERIFY(QFileInfo::exists(QStringLiteral(PIXVERSE_TEST_MEDIA_DIR "/speech.wav")));
    m_sandbox = std::make_unique<sandbox::SandboxHost>();
    QVERIFY(m_sandbox->start());
    m_sandbox->setClockSpeed(200);
    BackendConfig config;
    config.baseUrl = m_sandbox->baseUrl();
    config.secret = m_sandbox->defaultApiKey();
    const Result<Backend*> made = createBackend(&m_network, config, nullptr);
    QVERIFY(made.ok());
    m_openApi.reset(*made.value);
    m_web = signedInWebBackend(*m_sandbox, &m_network);
    QVERIFY(m_web);
    // The app's policy, quicker: three attempts, the second soon (or after Retry-After).
    for (ApiClient* client : {qobject_cast<OpenApiBackend*>(m_openApi.get())->client(),
                              qobject_cast<WebBackend*>(m_web.get())->client()}) {
        client->setRetryPolicy({3, 20, 200});
        client->setDefaultTimeout(kClientTimeoutMs);
    }
    // One video, so the ledger has an item to list.
    const auto created = await<Result<CreatedVideo>>([&](auto done) {
        m_openApi->createVideo(JobTestBed::request(QStringLiteral("A ledger entry")),
                               RequestInputs{}, ApiClient::newTraceId(), nullptr, done);
    });
    QVERIFY(created && created->ok());
}

void TestFaultsModes::cleanupTestCase() {
    qInfo("%d fault cases (endpoint x fault)", m_faultCases);
}

void TestFaultsModes::everyNewCreateSurvives_data() {
    QTest::addColumn<FaultCase>("faultCase");
    for (const auto& [name, faultCase] : faultCases())
        QTest::newRow(name) << faultCase;
}

void TestFaultsModes::everyNewCreateSurvives() {
    QFETCH(FaultCase, faultCase);
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    bed.client()->setDefaultTimeout(kClientTimeoutMs);
    JobEngine* engine = bed.makeEngine(bed.fastOptions(3));
    MessageLog log(bed.store.get());
    QSignalSpy settled(engine, &JobEngine::jobSettled);
    QSignalSpy failed(engine->scheduler(), &JobScheduler::jobFailed);
    engine->start();
    QTRY_VERIFY(engine->balance().has_value()); // the start-up balance is not what is faulted
    const std::optional<qint64> creditsBefore = balanceOf(bed.backend.get());
    QVERIFY(creditsBefore);

    // Each create hit once; the first video or audio upload too (it cannot be "at the limit").
    const QList<QPair<GenerationRequest, QString>> modes = everyNewMode(bed);
    for (const auto& [request, createPath] : modes)
        bed.sandbox->injectFault(faultCase.on(createPath));
    if (!faultCase.createsOnly())
        bed.sandbox->injectFault(faultCase.on(QStringLiteral("media/upload")));
    m_faultCases += int(modes.size()) + (faultCase.createsOnly() ? 0 : 1);
    QList<qint64> ids;
    for (const auto& [request, createPath] : modes) {
        const Result<Job> added = engine->enqueue(request);
        QVERIFY2(added.ok(), qPrintable(createPath + u' ' + added.error.logText()));
        ids << added.value->id;
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        bed.countIn(JobState::Done) + bed.countIn(JobState::Failed) == ids.size(), 30000);

    QCOMPARE(failed.count(), 0);
    const sandbox::SandboxStats stats = bed.sandbox->stats();
    QCOMPARE(stats.generationsCreated, qint64(ids.size())); // one video per job, none twice
    QCOMPARE(settled.count(), ids.size());                  // each job ended once
    QSet<qint64> videoIds;
    qint64 charged = 0;
    for (int i = 0; i < ids.size(); ++i) {
        const Job job = *bed.store->job(ids[i]);
        const QString what = modes[i].second;
        QVERIFY2(job.state == JobState::Done, qPrintable(what + u' ' + job.errorMessage));
        QVERIFY2(job.errorMessage.isEmpty(), qPrintable(what)); // cleared once it got through
        QVERIFY(QFileInfo(job.videoPath).isFile());
        videoIds.insert(job.videoId);
        charged += job.credits.value_or(0);
        // The fault on its create was told while it waited, in a sentence.
        const QStringList messages = log.messages(job.id);
        QVERIFY2(faultCase.told(messages), qPrintable(what + u": " + messages.join(u'|')));
        for (const QString& message : messages)
            QVERIFY2(isSentence(message), qPrintable(message));
    }
    QCOMPARE(videoIds.size(), ids.size());
    QCOMPARE(bed.libraryFiles(QStringLiteral("*.mp4")).size(), ids.size());
    QVERIFY2(partFiles(bed.dir.path()).isEmpty(), qPrintable(partFiles(bed.dir.path()).join(u' ')));
    // Charged once for each: what the service said each create cost, nothing more.
    QVERIFY(charged > 0);
    QCOMPARE(balanceOf(bed.backend.get()), std::optional<qint64>(*creditsBefore - charged));
}

void TestFaultsModes::webTransitionSurvives_data() {
    everyNewCreateSurvives_data();
}

void TestFaultsModes::webTransitionSurvives() {
    QFETCH(FaultCase, faultCase);
    sandbox::SandboxConfig config;
    config.traceReplaySeconds = 24 * 3600;
    sandbox::SandboxHost sandbox(config);
    QVERIFY(sandbox.start());
    sandbox.setClockSpeed(200);
    QNetworkAccessManager network;
    std::unique_ptr<Backend> backend = signedInWebBackend(sandbox, &network);
    QVERIFY(backend);
    ApiClient* client = qobject_cast<WebBackend*>(backend.get())->client();
    client->setRetryPolicy({1, 10, 10}); // the scheduler's retry, so it shows
    client->setDefaultTimeout(kClientTimeoutMs);

    QTemporaryDir dir;
    JobStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("data"))));
    JobEngineOptions options;
    options.libraryFolder = dir.filePath(QStringLiteral("library"));
    options.pollSchedule = PollSchedule::uniform(20);
    options.backoff = {20, 200, 60 * 1000};
    options.watchSystemNetwork = false;
    JobEngine engine(&store, backend.get(), &network, options);
    MessageLog log(&store);
    QSignalSpy settled(&engine, &JobEngine::jobSettled);
    engine.start();
    QTRY_VERIFY(engine.balance().has_value());

    auto png = [&dir](const QString& name, QColor colour) {
        QImage image(640, 360, QImage::Format_RGB32);
        image.fill(colour);
        const QString path = dir.filePath(name);
        return image.save(path, "PNG") ? path : QString();
    };
    GenerationRequest request = JobTestBed::request(QStringLiteral("Spring turns to winter"));
    request.mode = GenerationMode::Transition;
    request.model = QStringLiteral("v6");
    request.images = {
        {RequestImage::Role::FirstFrame, png(QStringLiteral("spring.png"), Qt::green), {}},
        {RequestImage::Role::LastFrame, png(QStringLiteral("winter.png"), Qt::white), {}}};
    sandbox.injectFault(faultCase.on(QStringLiteral("video/frames")));
    ++m_faultCases;
    const Result<Job> added = engine.enqueue(request);
    QVERIFY2(added.ok(), qPrintable(added.error.logText()));
    QTRY_VERIFY_WITH_TIMEOUT(isTerminal(store.job(added.value->id)->state), 20000);

    const Job job = *store.job(added.value->id);
    QVERIFY2(job.state == JobState::Done, qPrintable(job.errorMessage));
    QVERIFY(job.errorMessage.isEmpty());
    QVERIFY(QFileInfo(job.videoPath).isFile());
    QCOMPARE(settled.count(), 1);
    QCOMPARE(sandbox.stats().generationsCreated, 1);
    QVERIFY2(faultCase.told(log.messages(job.id)), qPrintable(log.messages(job.id).join(u'|')));
    for (const QString& message : log.messages())
        QVERIFY2(isSentence(message), qPrintable(message));
}

void TestFaultsModes::readsSurviveOnOneResend_data() {
    QTest::addColumn<QString>("read");
    QTest::addColumn<FaultCase>("faultCase");
    for (const char* read :
         {"effect templates", "usage-detail", "TTS speakers", "media upload", "web price formulas"})
        for (const auto& [name, faultCase] : faultCases()) {
            if (!faultCase.createsOnly())
                QTest::addRow("%s: %s", read, name) << QString::fromLatin1(read) << faultCase;
        }
}

void TestFaultsModes::readsSurviveOnOneResend() {
    QFETCH(QString, read);
    QFETCH(FaultCase, faultCase);
    m_sandbox->clearFaults();
    const qint64 requestsBefore = m_sandbox->stats().requests;
    auto faultOn = [&](const char* path) {
        m_sandbox->injectFault(faultCase.on(QLatin1String(path)));
        ++m_faultCases;
    };
    if (read == u"effect templates") {
        faultOn("video/effects/templates/list");
        const auto page = await<Result<QList<EffectTemplate>>>(
            [&](auto done) { m_openApi->fetchTemplates(TemplateQuery{}, nullptr, done); });
        QVERIFY(page);
        QVERIFY2(page->ok(), qPrintable(page->error.logText()));
        QCOMPARE(page->value->size(), sandbox::templates::kDefaultTemplateCount);
    } else if (read == u"usage-detail") {
        faultOn("account/billing/usage-detail");
        UsageQuery query;
        query.end = QDateTime::currentDateTimeUtc().addSecs(3600);
        query.start = query.end.addDays(-2);
        const auto page = await<Result<UsagePage>>(
            [&](auto done) { m_openApi->fetchUsage(query, nullptr, done); });
        QVERIFY(page);
        QVERIFY2(page->ok(), qPrintable(page->error.logText()));
        QCOMPARE(page->value->items.size(), 1); // the one video of initTestCase
    } else if (read == u"TTS speakers") {
        faultOn("video/tts_speaker");
        const auto speakers = await<Result<QList<Speaker>>>(
            [&](auto done) { m_openApi->fetchSpeakers(nullptr, done); });
        QVERIFY(speakers);
        QVERIFY2(speakers->ok(), qPrintable(speakers->error.logText()));
        QVERIFY(speakers->value->size() >= Backend::systemSpeakers().size());
    } else if (read == u"media upload") {
        faultOn("media/upload");
        const auto uploaded = await<Result<UploadedMedia>>([&](auto done) {
            m_openApi->uploadMedia(clip("640x360.mp4"), UploadedMedia::Kind::Video, nullptr, done);
        });
        QVERIFY(uploaded);
        QVERIFY2(uploaded->ok(), qPrintable(uploaded->error.logText()));
        QVERIFY(uploaded->value->mediaId > 0);
    } else {
        faultOn("pricing/formulas");
        const auto formulas = await<Result<PriceFormulas>>(
            [&](auto done) { m_web->fetchPriceFormulas(nullptr, done); });
        QVERIFY(formulas);
        QVERIFY2(formulas->ok(), qPrintable(formulas->error.logText()));
        QVERIFY(formulas->value->keys().contains(QStringLiteral("transition")));
    }
    // The faulted attempt and exactly one resend; a read that waits longer than a create (the
    // list, the ledger) may simply take the stalled answer.
    const qint64 requests = m_sandbox->stats().requests - requestsBefore;
    if (faultCase.kind == Kind::Stall)
        QVERIFY2(requests == 1 || requests == 2, qPrintable(QString::number(requests)));
    else
        QCOMPARE(requests, 2);
}

QTEST_GUILESS_MAIN(TestFaultsModes)
#include "tst_faults_modes.moc"
