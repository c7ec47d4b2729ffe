// OpenApiBackend against the sandbox over loopback: the Backend contract the scheduler relies on.
#include "core/api/OpenApiRequests.h"
#include "core/backend/BackendFactory.h"
#include "core/backend/OpenApiBackend.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/support/Await.h"

#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;
using pixverse::test::await;

class TestOpenApiBackend : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void factoryRefusesInsecureUrlsAndEmptyKeys();
    void textToVideoLifecycle();
    void imageToVideoFromAFile();
    void uploadRefusesMissingFilesLocally();
    void fourThousandPixelRule();
    void statusesOfSeveralIdsAtOnce();
    void badKeyEndsTheSessionOnce();
    void accountLabelNeverShowsTheKey();
    void bodiesCarryOnlyWhatTheModelTakes();
    void plannedCallsSendNothing();
    void newModelsAreAcceptedBySandbox();
    void resultReadsHasAudio();

private:
    Backend* makeBackend(const QString& key);
    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
};

void TestOpenApiBackend::initTestCase() {
    m_sandbox = std::make_unique<sandbox::SandboxHost>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    QVERIFY(m_dir.isValid());
}

Backend* TestOpenApiBackend::makeBackend(const QString& key) {
    BackendConfig config;
    config.baseUrl = m_sandbox->baseUrl();
    config.secret = key;
    const auto created = createBackend(&m_network, config, this);
    return created.ok() ? *created.value : nullptr;
}

void TestOpenApiBackend::factoryRefusesInsecureUrlsAndEmptyKeys() {
    BackendConfig config;
    config.baseUrl = QUrl(QStringLiteral("http://app-api.pixverse.ai/"));
    config.secret = QStringLiteral("sk-whatever-000000000");
    auto refused = createBackend(&m_network, config, this);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error.kind(), ApiError::Kind::InsecureUrl);
    config.baseUrl = m_sandbox->baseUrl();
    config.secret = QStringLiteral("   ");
    QCOMPARE(createBackend(&m_network, config, this).error.kind(), ApiError::Kind::Input);
    config.secret = m_sandbox->defaultApiKey();
    auto made = createBackend(&m_network, config, this);
    QVERIFY(made.ok());
    QCOMPARE((*made.value)->family(), ApiFamily::OpenApi);
}

void TestOpenApiBackend::textToVideoLifecycle() {
    Backend* backend = makeBackend(m_sandbox->defaultApiKey());
    QVERIFY(backend);
    GenerationRequest request;
    request.prompt = QStringLiteral("A paper boat on a river");
    request.quality = QStringLiteral("720p");
    request.aspectRatio = QStringLiteral("9:16");
    request.seed = 1234;
    const auto created = await<Result<CreatedVideo>>([&](auto done) {
        backend->createVideo(request, RequestInputs{}, ApiClient::newTraceId(), this, done);
    });
    QVERIFY(created && created->ok());
    QVERIFY2(created->value->videoId > (Q_INT64_C(1) << 53), "sandbox ids are above 2^53");

    const qint64 id = created->value->videoId;
    auto statuses = await<Result<QHash<qint64, VideoStatus>>>(
        [&](auto done) { backend->fetchStatuses({id}, this, done); });
    QVERIFY(statuses && statuses->ok());
    QCOMPARE(statuses->value->value(id).state, VideoState::Pending);
    QCOMPARE(statuses->value->value(id).videoId, id);

    m_sandbox->advanceClock(120 * 1000);
    statuses = await<Result<QHash<qint64, VideoStatus>>>(
        [&](auto done) { backend->fetchStatuses({id}, this, done); });
    const VideoStatus done = statuses->value->value(id);
    QCOMPARE(done.state, VideoState::Succeeded);
    QCOMPARE(done.width, 720);
    QCOMPARE(done.height, 1280);
    QCOMPARE(done.seed, std::optional<qint64>(1234));
    QVERIFY(!done.url.isEmpty());
}

void TestOpenApiBackend::imageToVideoFromAFile() {
    Backend* backend = makeBackend(m_sandbox->defaultApiKey());
    const QString path = m_dir.filePath(QStringLiteral("portrait.png"));
    // Noise keeps the PNG big enough (~1.9 MB) for the upload to report progress.
    QImage image(600, 800, QImage::Format_RGB32);
    quint32 noise = 2463534242u;
    for (int y = 0; y < image.height(); ++y) {
        auto* line = reinterpret_cast<quint32*>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            noise ^= noise << 13;
            noise ^= noise >> 17;
            noise ^= noise << 5;
            line[x] = 0xff000000u | (noise & 0xffffffu);
        }
    }
    QVERIFY(image.save(path));

    qint64 lastSent = 0;
    const auto uploaded = await<Result<UploadedImage>>([&](auto done) {
        backend->uploadImage(path, this, done, [&](qint64 sent, qint64) { lastSent = sent; });
    });
    QVERIFY(uploaded && uploaded->ok());
    QVERIFY(uploaded->value->imageId > 0);
    QCOMPARE(uploaded->value->width, 600);
    QCOMPARE(uploaded->value->height, 800);
    QVERIFY2(lastSent > 0, "upload progress was reported");

    GenerationRequest request;
    request.prompt = QStringLiteral("The portrait smiles");
    request.setStartImage(path);
    const auto created = await<Result<CreatedVideo>>([&](auto done) {
        backend->createVideo(request, RequestInputs{uploaded->value, {}, {}, {}, {}, {}, {}},
                             ApiClient::newTraceId(), this, done);
    });
    QVERIFY(created && created->ok());
    m_sandbox->advanceClock(120 * 1000);
    const qint64 id = created->value->videoId;
    const auto statuses = await<Result<QHash<qint64, VideoStatus>>>(
        [&](auto done) { backend->fetchStatuses({id}, this, done); });
    // 3:4 image at 540p → the nearest aspect ratio 3:4 → 540×720.
    QCOMPARE(statuses->value->value(id).width, 540);
    QCOMPARE(statuses->value->value(id).height, 720);
}

void TestOpenApiBackend::uploadRefusesMissingFilesLocally() {
    Backend* backend = makeBackend(m_sandbox->defaultApiKey());
    const qint64 before = m_sandbox->stats().requests;
    const auto missing = await<Result<UploadedImage>>([&](auto done) {
        backend->uploadImage(m_dir.filePath(QStringLiteral("nope.png")), this, done);
    });
    QCOMPARE(missing->error.kind(), ApiError::Kind::Input);
    QVERIFY(missing->error.userMessage().contains(u"nope.png"));
    const QString empty = m_dir.filePath(QStringLiteral("empty.png"));
    QFile file(empty);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const auto emptyResult =
        await<Result<UploadedImage>>([&](auto done) { backend->uploadImage(empty, this, done); });
    QCOMPARE(emptyResult->error.kind(), ApiError::Kind::Input);
    QVERIFY(emptyResult->error.userMessage().contains(u"empty"));
    QCOMPARE(m_sandbox->stats().requests, before);
}

void TestOpenApiBackend::fourThousandPixelRule() {
    Backend* backend = makeBackend(m_sandbox->defaultApiKey());
    const auto upload = [&](const QString& name, int width) {
        QImage picture(width, 10, QImage::Format_RGB32);
        picture.fill(Qt::darkGreen);
        const QString path = m_dir.filePath(name);
        picture.save(path, "PNG");
        return await<Result<UploadedImage>>(
            [&](auto done) { backend->uploadImage(path, this, done); });
    };
    const auto edge = upload(QStringLiteral("edge.png"), 4000);
    QVERIFY(edge && edge->ok());
    QCOMPARE(edge->value->width, 4000);
    const qint64 before = m_sandbox->stats().requests;
    const auto over = upload(QStringLiteral("over.png"), 4001);
    QVERIFY(over && !over->ok());
    QCOMPARE(over->error.kind(), ApiError::Kind::Input);
    QVERIFY2(over->error.userMessage().contains(u"“over.png” is 4001 × 10 px"),
             qPrintable(over->error.userMessage()));
    QCOMPARE(m_sandbox->stats().requests, before); // refused before a single byte was sent
}

void TestOpenApiBackend::statusesOfSeveralIdsAtOnce() {
    Backend* backend = makeBackend(m_sandbox->defaultApiKey());
    GenerationRequest ok;
    ok.prompt = QStringLiteral("A calm sea");
    GenerationRequest moderated = ok;
    moderated.prompt = QStringLiteral("something forbidden here");
    QList<qint64> ids;
    for (const GenerationRequest& r : {ok, moderated}) {
        const auto created = await<Result<CreatedVideo>>([&](auto done) {
            backend->createVideo(r, RequestInputs{}, ApiClient::newTraceId(), this, done);
        });
        QVERIFY(created && created->ok());
        ids.append(created->value->videoId);
    }
    ids.append(Q_INT64_C(12345)); // not ours: the service says 500008
    m_sandbox->advanceClock(120 * 1000);
    const auto statuses = await<Result<QHash<qint64, VideoStatus>>>(
        [&](auto done) { backend->fetchStatuses(ids, this, done); });
    QVERIFY(statuses && statuses->ok());
    QCOMPARE(statuses->value->size(), 3);
    QCOMPARE(statuses->value->value(ids[0]).state, VideoState::Succeeded);
    QCOMPARE(statuses->value->value(ids[1]).state, VideoState::Moderated);
    QCOMPARE(statuses->value->value(ids[2]).state, VideoState::Deleted);
}

void TestOpenApiBackend::badKeyEndsTheSessionOnce() {
    Backend* backend = makeBackend(QStringLiteral("sk-revoked-key-0000000000"));
    QSignalSpy ended(backend, &Backend::sessionEnded);
    for (int i = 0; i < 2; ++i) {
        const auto balance =
            await<Result<Balance>>([&](auto done) { backend->fetchBalance(this, done); });
        QCOMPARE(balance->error.errCode(), 400012);
    }
    QCOMPARE(ended.count(), 1);
    QCOMPARE(ended.first().first().value<ApiError>().errCode(), 400012);
}

void TestOpenApiBackend::accountLabelNeverShowsTheKey() {
    const QString key = m_sandbox->defaultApiKey();
    Backend* backend = makeBackend(key);
    QVERIFY(!backend->accountLabel().contains(key));
    QVERIFY(backend->accountLabel().endsWith(key.right(4)));
    QCOMPARE(OpenApiBackend::maskKey(QStringLiteral("short")), QStringLiteral("…"));
}

namespace {
GenerationRequest onModel(const QString& model, int duration = 5) {
    GenerationRequest r;
    r.prompt = QStringLiteral("A paper boat drifts across a quiet pond");
    r.model = model;
    r.duration = duration;
    return r;
}
QJsonObject generateBody(const Backend& backend, const GenerationRequest& r) {
    return backend.plannedCalls(r).last().body.toObject();
}
} // namespace

void TestOpenApiBackend::bodiesCarryOnlyWhatTheModelTakes() {
    Backend* backend = makeBackend(m_sandbox->defaultApiKey());
    QVERIFY(backend);
    // V6 (§2.2, §2.11): no motion_mode, no water_mark; both switches sent, false included.
    QJsonObject v6 = generateBody(*backend, onModel(QStringLiteral("v6"), 7));
    QCOMPARE(v6.value(u"model").toString(), QStringLiteral("v6"));
    QVERIFY(!v6.contains(u"motion_mode"));
    QVERIFY(!v6.contains(u"water_mark"));
    QCOMPARE(v6.value(u"generate_audio_switch"), QJsonValue(false));
    QCOMPARE(v6.value(u"generate_multi_clip_switch"), QJsonValue(false));
    QCOMPARE(v6.value(u"duration").toInt(), 7);
    QCOMPARE(v6.value(u"aspect_ratio").toString(), QStringLiteral("16:9"));
    GenerationRequest withSound = onModel(QStringLiteral("v6"));
    withSound.audio = true;
    withSound.multiClip = true;
    withSound.style = QStringLiteral("realistic");
    v6 = generateBody(*backend, withSound);
    QCOMPARE(v6.value(u"generate_audio_switch"), QJsonValue(true));
    QCOMPARE(v6.value(u"generate_multi_clip_switch"), QJsonValue(true));
    QCOMPARE(v6.value(u"style").toString(), QStringLiteral("realistic"));
    // C1: sound explicit, no multi-clip, the OpenAPI id; the web id is the same model.
    for (const char* id : {"c1", "pixverse-c1"}) {
        const QJsonObject c1 = generateBody(*backend, onModel(QLatin1String(id)));
        QCOMPARE(c1.value(u"model").toString(), QStringLiteral("c1"));
        QCOMPARE(c1.value(u"generate_audio_switch"), QJsonValue(false));
        QVERIFY(!c1.contains(u"generate_multi_clip_switch"));
        QVERIFY(!c1.contains(u"motion_mode"));
        QVERIFY(!c1.contains(u"water_mark"));
    }
    // v5.6: water_mark (v3.5–v5.x), sound, no motion_mode.
    const QJsonObject v56 = generateBody(*backend, onModel(QStringLiteral("v5.6")));
    QCOMPARE(v56.value(u"water_mark"), QJsonValue(false));
    QCOMPARE(v56.value(u"generate_audio_switch"), QJsonValue(false));
    QVERIFY(!v56.contains(u"motion_mode"));
    // v4.5 keeps the body of its era: motion_mode and water_mark, no sound switch.
    GenerationRequest old = onModel(QStringLiteral("v4.5"));
    old.cameraMovement = QStringLiteral("zoom_in");
    const QJsonObject v45 = generateBody(*backend, old);
    QCOMPARE(v45.value(u"motion_mode").toString(), QStringLiteral("normal"));
    QCOMPARE(v45.value(u"water_mark"), QJsonValue(false));
    QCOMPARE(v45.value(u"camera_movement").toString(), QStringLiteral("zoom_in"));
    QVERIFY(!v45.contains(u"generate_audio_switch"));
    QVERIFY(!v45.contains(u"generate_multi_clip_switch"));
    // v5 has no motion modes (the API export).
    QVERIFY(!generateBody(*backend, onModel(QStringLiteral("v5"))).contains(u"motion_mode"));
    // The planned body is the body sent: the request class builds both.
    QCOMPARE(
        QJsonValue(v45),
        QJsonValue(
            QJsonDocument::fromJson(
                openapi::TextToVideoRequest(old, ModelCatalog::builtIn().model(old.model)).body)
                .object()));
}

void TestOpenApiBackend::plannedCallsSendNothing() {
    Backend* backend = makeBackend(m_sandbox->defaultApiKey());
    const qint64 before = m_sandbox->stats().requests;
    const QList<PlannedCall> t2v = backend->plannedCalls(onModel(QStringLiteral("v6"), 12));
    QCOMPARE(t2v.size(), 1);
    QCOMPARE(t2v.first().verb, QStringLiteral("POST"));
    QCOMPARE(t2v.first().path, QStringLiteral("openapi/v2/video/text/generate"));

    GenerationRequest i2v = onModel(QStringLiteral("v6"), 12);
    i2v.setStartImage(m_dir.filePath(QStringLiteral("still.png")));
    const QList<PlannedCall> calls = backend->plannedCalls(i2v);
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls.at(0).path, QStringLiteral("openapi/v2/image/upload"));
    QVERIFY(calls.at(0).body.isNull());
    QVERIFY(calls.at(0).description.contains(QStringLiteral("still.png")));
    QCOMPARE(calls.at(1).path, QStringLiteral("openapi/v2/video/img/generate"));
    const QJsonObject body = calls.at(1).body.toObject();
    QCOMPARE(body.value(u"img_id").toString(), Backend::uploadPlaceholder());
    QVERIFY(!body.contains(u"aspect_ratio"));
    QCOMPARE(body.value(u"generate_audio_switch"), QJsonValue(false));
    QCOMPARE(m_sandbox->stats().requests, before);
}

void TestOpenApiBackend::newModelsAreAcceptedBySandbox() {
    // The bodies of the new models as the sandbox's own rules judge them (§6).
    Backend* backend = makeBackend(m_sandbox->defaultApiKey());
    GenerationRequest v6 = onModel(QStringLiteral("v6"), 12);
    v6.quality = QStringLiteral("720p");
    v6.aspectRatio = QStringLiteral("21:9");
    v6.audio = true;
    GenerationRequest c1 = onModel(QStringLiteral("c1"), 5);
    c1.quality = QStringLiteral("1080p");
    GenerationRequest v56 = onModel(QStringLiteral("v5.6"), 8);
    v56.audio = true;
    for (const GenerationRequest& r : {v6, c1, v56}) {
        QVERIFY(ModelCatalog::builtIn().validate(r, ApiFamily::OpenApi).isEmpty());
        const auto created = await<Result<CreatedVideo>>([&](auto done) {
            backend->createVideo(r, RequestInputs{}, ApiClient::newTraceId(), this, done);
        });
        QVERIFY(created);
        QVERIFY2(created->ok(), qPrintable(r.model + u' ' + created->error.logText()));
    }
    const qint64 createdBefore = m_sandbox->stats().generationsCreated;
    const auto refused = await<Result<CreatedVideo>>([&](auto done) {
        GenerationRequest tooLong = c1;
        tooLong.duration = 6; // C1 at 1080p: at most 5 s
        backend->createVideo(tooLong, RequestInputs{}, ApiClient::newTraceId(), this, done);
    });
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error.errCode(), qint64(400017));
    QCOMPARE(m_sandbox->stats().generationsCreated, createdBefore);
}

void TestOpenApiBackend::resultReadsHasAudio() {
    QJsonObject resp{{QStringLiteral("id"), 7}, {QStringLiteral("status"), 5}};
    QVERIFY(!openapi::VideoResultRequest::parse(resp).value->hasAudio);
    for (const QJsonValue& on : {QJsonValue(true), QJsonValue(1)}) {
        resp.insert(QStringLiteral("has_audio"), on);
        QCOMPARE(openapi::VideoResultRequest::parse(resp).value->hasAudio, true);
    }
    resp.insert(QStringLiteral("has_audio"), 0);
    QCOMPARE(openapi::VideoResultRequest::parse(resp).value->hasAudio, false);
    QVERIFY(!openapi::VideoResultRequest::parse(resp).value->credits);
    resp.insert(QStringLiteral("credits"), 144);
    QCOMPARE(openapi::VideoResultRequest::parse(resp).value->credits, 144);
}

QTEST_GUILESS_MAIN(TestOpenApiBackend)
#include "tst_openapibackend.moc"
