// Every mode of issue 16 through the backends against the sandbox over loopback: real uploads of
// images, videos and audio (files ffmpeg made at build time), the create call of each mode with
// the price the catalog predicts, the voices with the older list as the fallback, and a media
// upload cancelled while its bytes are on the way.
#include "core/backend/BackendFactory.h"
#include "core/backend/OpenApiBackend.h"
#include "core/backend/WebBackend.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/support/Await.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;
using pixverse::test::await;

namespace {

QString testMedia(const QString& name) {
    return QStringLiteral(PIXVERSE_TEST_MEDIA_DIR "/") + name;
}

QSet<QString> ids(const QList<Speaker>& speakers) {
    QSet<QString> out;
    for (const Speaker& s : speakers)
        out.insert(s.id);
    return out;
}

} // namespace

class TestModeSandbox : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void voicesFromTheCurrentList();
    void voicesFromTheOlderListWhenTheCurrentOneIsMissing();
    void mediaUploadsReportProgress();
    void aMediaUploadCancelledOnTheWaySendsNoAnswer();
    void theUploadLimitsAreCheckedBeforeSending();
    void everyModeIsCreatedAtTheCatalogsPrice();
    void theWebMakesATransition();

private:
    Backend* openApi(sandbox::SandboxHost& host);
    std::optional<qint64> finishedTake(Backend* backend);
    Result<CreatedVideo> create(Backend* backend, const GenerationRequest& r,
                                const RequestInputs& inputs = {});
    Result<UploadedMedia> upload(Backend* backend, const QString& path, UploadedMedia::Kind kind);
    Result<UploadedImage> image(Backend* backend, const QString& name, const QColor& colour);

    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
};

void TestModeSandbox::initTestCase() {
    m_sandbox = std::make_unique<sandbox::SandboxHost>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo::exists(testMedia(QStringLiteral("with-sound.mp4"))),
             "the build makes the test media");
}

Backend* TestModeSandbox::openApi(sandbox::SandboxHost& host) {
    BackendConfig config;
    config.baseUrl = host.baseUrl();
    config.secret = host.defaultApiKey();
    const auto created = createBackend(&m_network, config, this);
    return created.ok() ? *created.value : nullptr;
}

Result<CreatedVideo> TestModeSandbox::create(Backend* backend, const GenerationRequest& r,
                                             const RequestInputs& inputs) {
    const auto created = await<Result<CreatedVideo>>(
        [&](auto done) { backend->createVideo(r, inputs, ApiClient::newTraceId(), this, done); });
    return created.value_or(Result<CreatedVideo>::failure(ApiError::timeout()));
}

Result<UploadedMedia> TestModeSandbox::upload(Backend* backend, const QString& path,
                                              UploadedMedia::Kind kind) {
    const auto uploaded = await<Result<UploadedMedia>>(
        [&](auto done) { backend->uploadMedia(path, kind, this, done); });
    return uploaded.value_or(Result<UploadedMedia>::failure(ApiError::timeout()));
}

Result<UploadedImage> TestModeSandbox::image(Backend* backend, const QString& name,
                                             const QColor& colour) {
    QImage picture(640, 360, QImage::Format_RGB32);
    picture.fill(colour);
    const QString path = m_dir.filePath(name);
    if (!picture.save(path))
        return Result<UploadedImage>::failure(ApiError::input(path));
    const auto uploaded =
        await<Result<UploadedImage>>([&](auto done) { backend->uploadImage(path, this, done); });
    return uploaded.value_or(Result<UploadedImage>::failure(ApiError::timeout()));
}

//! A finished 5 s V6 text-to-video of the sandbox's default key: the take the modes continue.
std::optional<qint64> TestModeSandbox::finishedTake(Backend* backend) {
    GenerationRequest t2v;
    t2v.model = QStringLiteral("v6");
    t2v.prompt = QStringLiteral("A paper boat on a pond");
    t2v.quality = QStringLiteral("540p");
    const Result<CreatedVideo> created = create(backend, t2v);
    if (!created.ok())
        return std::nullopt;
    m_sandbox->advanceClock(120 * 1000);
    return created.value->videoId;
}

void TestModeSandbox::voicesFromTheCurrentList() {
    Backend* backend = openApi(*m_sandbox);
    const qint64 before = m_sandbox->stats().requests;
    const auto voices =
        await<Result<QList<Speaker>>>([&](auto done) { backend->fetchSpeakers(this, done); });
    QVERIFY(voices && voices->ok());
    QCOMPARE(ids(*voices->value), ids(Backend::systemSpeakers()));
    QCOMPARE(m_sandbox->stats().requests, before + 1); // 15 voices: one page
}

void TestModeSandbox::voicesFromTheOlderListWhenTheCurrentOneIsMissing() {
    sandbox::SandboxConfig config;
    config.speakerRouteMissing = true; // tts_speaker answers HTTP 404
    sandbox::SandboxHost older(config);
    QVERIFY2(older.start(), qPrintable(older.errorString()));
    Backend* backend = openApi(older);
    const auto voices =
        await<Result<QList<Speaker>>>([&](auto done) { backend->fetchSpeakers(this, done); });
    QVERIFY(voices && voices->ok());
    QCOMPARE(ids(*voices->value), ids(Backend::systemSpeakers()));
    QCOMPARE(older.stats().requests, qint64(2)); // the 404, then the older list
}

void TestModeSandbox::mediaUploadsReportProgress() {
    Backend* backend = openApi(*m_sandbox);
    const qint64 before = m_sandbox->stats().mediaUploads;
    const QString video = testMedia(QStringLiteral("with-sound.mp4"));
    qint64 lastSent = 0;
    qint64 lastTotal = 0;
    const auto uploaded = await<Result<UploadedMedia>>([&](auto done) {
        backend->uploadMedia(video, UploadedMedia::Kind::Video, this, done,
                             [&](qint64 sent, qint64 total) {
                                 lastSent = sent;
                                 lastTotal = total;
                             });
    });
    QVERIFY(uploaded);
    QVERIFY2(uploaded->ok(), qPrintable(uploaded->error.logText()));
    QVERIFY(uploaded->value->mediaId > 0);
    QCOMPARE(uploaded->value->kind, UploadedMedia::Kind::Video);
    QCOMPARE(uploaded->value->width, 160);
    QCOMPARE(uploaded->value->height, 120);
    // The multipart body is the file plus its headers, all of it sent.
    QVERIFY2(lastSent >= QFileInfo(video).size(),
             qPrintable(QStringLiteral("%1 of %2").arg(lastSent).arg(lastTotal)));
    QCOMPARE(lastSent, lastTotal);
    const Result<UploadedMedia> audio =
        upload(backend, testMedia(QStringLiteral("speech.wav")), UploadedMedia::Kind::Audio);
    QVERIFY2(audio.ok(), qPrintable(audio.error.logText()));
    QCOMPARE(audio.value->kind, UploadedMedia::Kind::Audio);
    QCOMPARE(m_sandbox->stats().mediaUploads, before + 2);
}

void TestModeSandbox::aMediaUploadCancelledOnTheWaySendsNoAnswer() {
    // 25 s of silence, 2 × 32-bit at 96 kHz: 19 MB, under every upload limit, big enough to be
    // on its way for a while over loopback.
    const QString path = m_dir.filePath(QStringLiteral("silence.wav"));
    {
        const quint32 rate = 96000, channels = 2, bits = 32;
        const quint32 dataBytes = rate * channels * (bits / 8) * 25;
        QByteArray header;
        auto u32 = [&header](quint32 v) {
            header.append(reinterpret_cast<const char*>(&v), 4); // little-endian host (x86)
        };
        auto u16 = [&header](quint16 v) { header.append(reinterpret_cast<const char*>(&v), 2); };
        header.append("RIFF");
        u32(36 + dataBytes);
        header.append("WAVEfmt ");
        u32(16);
        u16(1); // PCM
        u16(channels);
        u32(rate);
        u32(rate * channels * bits / 8);
        u16(channels * bits / 8);
        u16(bits);
        header.append("data");
        u32(dataBytes);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(header), qint64(header.size()));
        QVERIFY(file.resize(header.size() + dataBytes));
    }
    static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "the WAV header above is written as is");
    Backend* backend = openApi(*m_sandbox);
    const qint64 before = m_sandbox->stats().mediaUploads;
    bool answered = false;
    qint64 sentWhenCancelled = -1;
    qint64 total = 0;
    RequestHandle handle;
    handle = backend->uploadMedia(
        path, UploadedMedia::Kind::Audio, this,
        [&answered](const Result<UploadedMedia>&) { answered = true; },
        [&](qint64 sent, qint64 all) {
            if (sentWhenCancelled < 0 && sent > 0) {
                sentWhenCancelled = sent;
                total = all;
                handle.cancel();
            }
        });
    QTRY_VERIFY_WITH_TIMEOUT(sentWhenCancelled >= 0, 15000);
    QVERIFY2(sentWhenCancelled < total, "cancelled while the bytes were on their way");
    // The sandbox answers a later request normally; the cancelled one never answers.
    const auto balance =
        await<Result<Balance>>([&](auto done) { backend->fetchBalance(this, done); });
    QVERIFY(balance && balance->ok());
    QVERIFY(!answered);
    QCOMPARE(m_sandbox->stats().mediaUploads, before);
}

void TestModeSandbox::theUploadLimitsAreCheckedBeforeSending() {
    Backend* backend = openApi(*m_sandbox);
    const qint64 before = m_sandbox->stats().requests;
    // Read from the bytes, not the name: 31 s, a side over 1920 px, a video without sound
    // offered as audio, and a sound file named as a video.
    for (const auto& [name, kind] : QList<std::pair<QString, UploadedMedia::Kind>>{
             {QStringLiteral("31s.mp4"), UploadedMedia::Kind::Video},
             {QStringLiteral("wide.mp4"), UploadedMedia::Kind::Video},
             {QStringLiteral("long-speech.mp3"), UploadedMedia::Kind::Audio}}) {
        const Result<UploadedMedia> refused = upload(backend, testMedia(name), kind);
        QVERIFY2(!refused.ok(), qPrintable(name));
        QCOMPARE(refused.error.kind(), ApiError::Kind::Input);
        QVERIFY2(refused.error.userMessage().contains(name),
                 qPrintable(refused.error.userMessage()));
    }
    const QString soundAsVideo = m_dir.filePath(QStringLiteral("speech-named.mp4"));
    QVERIFY(QFile::copy(testMedia(QStringLiteral("speech.m4a")), soundAsVideo));
    QCOMPARE(upload(backend, soundAsVideo, UploadedMedia::Kind::Video).error.kind(),
             ApiError::Kind::Input);
    QCOMPARE(m_sandbox->stats().requests, before);
}

void TestModeSandbox::everyModeIsCreatedAtTheCatalogsPrice() {
    Backend* backend = openApi(*m_sandbox);
    const ModelCatalog& catalog = ModelCatalog::builtIn();
    const std::optional<qint64> take = finishedTake(backend);
    QVERIFY(take);
    QList<qint64> made;
    // Each request as the catalog allows it, sent, charged what the catalog predicts.
    auto check = [&](const GenerationRequest& r, const RequestInputs& inputs,
                     std::optional<int> price) {
        const QList<RuleViolation> refusals = catalog.validate(r, ApiFamily::OpenApi);
        QVERIFY2(refusals.isEmpty(), qPrintable(refusals.value(0).reason));
        QCOMPARE(catalog.creditCost(r), price);
        const Result<CreatedVideo> created = create(backend, r, inputs);
        QVERIFY2(created.ok(),
                 qPrintable(generationModeId(r.mode) + u' ' + created.error.logText()));
        if (price)
            QCOMPARE(created.value->credits, price);
        made << created.value->videoId;
        // Finished before the next one: the account's concurrent slots are few (500044).
        m_sandbox->advanceClock(120 * 1000);
    };

    GenerationRequest transition;
    transition.mode = GenerationMode::Transition;
    transition.model = QStringLiteral("v6");
    transition.prompt = QStringLiteral("Day turns into night");
    transition.quality = QStringLiteral("720p");
    transition.duration = 4;
    transition.audio = true;
    transition.images = {{RequestImage::Role::FirstFrame, QStringLiteral("day.png"), {}},
                         {RequestImage::Role::LastFrame, QStringLiteral("night.png"), {}}};
    RequestInputs frames;
    const Result<UploadedImage> day = image(backend, QStringLiteral("day.png"), Qt::yellow);
    const Result<UploadedImage> night = image(backend, QStringLiteral("night.png"), Qt::darkBlue);
    QVERIFY(day.ok() && night.ok());
    frames.first = *day.value;
    frames.last = *night.value;
    check(transition, frames, 48); // V6 720p with sound: 12/s × 4

    GenerationRequest extend;
    extend.mode = GenerationMode::Extend;
    extend.model = QStringLiteral("v6");
    extend.prompt = QStringLiteral("The boat drifts on");
    extend.quality = QStringLiteral("540p");
    extend.duration = 3;
    extend.sourceVideoId = *take;
    extend.sourceSeconds = 5;
    check(extend, {}, 21); // 7/s × 3, the new part only
    // The same from a local file, uploaded first.
    GenerationRequest fromFile = extend;
    fromFile.sourceVideoId = 0;
    fromFile.sourceVideoPath = testMedia(QStringLiteral("with-sound.mp4"));
    const Result<UploadedMedia> video =
        upload(backend, fromFile.sourceVideoPath, UploadedMedia::Kind::Video);
    QVERIFY(video.ok());
    RequestInputs withVideo;
    withVideo.video = *video.value;
    check(fromFile, withVideo, 21);

    GenerationRequest upscale;
    upscale.mode = GenerationMode::Upscale;
    upscale.sourceVideoId = *take;
    check(upscale, {}, std::nullopt); // unpublished: the answer says it

    GenerationRequest sound;
    sound.mode = GenerationMode::SoundEffect;
    sound.prompt = QStringLiteral("frogs and a distant train");
    sound.sourceVideoId = *take;
    sound.sourceSeconds = 5;
    check(sound, {}, 10);

    GenerationRequest tts;
    tts.mode = GenerationMode::LipSync;
    tts.sourceVideoId = *take;
    tts.speakerId = QStringLiteral("3");
    tts.speechText = QStringLiteral("Where does this river go?"); // 25 bytes
    check(tts, {}, 8);
    GenerationRequest spoken;
    spoken.mode = GenerationMode::LipSync;
    spoken.sourceVideoId = *take;
    spoken.audioPath = testMedia(QStringLiteral("speech.wav"));
    spoken.audioSeconds = 2;
    const Result<UploadedMedia> audio =
        upload(backend, spoken.audioPath, UploadedMedia::Kind::Audio);
    QVERIFY(audio.ok());
    RequestInputs withAudio;
    withAudio.audio = *audio.value;
    check(spoken, withAudio, 8);

    m_sandbox->advanceClock(120 * 1000);
    const auto statuses = await<Result<QHash<qint64, VideoStatus>>>(
        [&](auto done) { backend->fetchStatuses(made, this, done); });
    QVERIFY(statuses && statuses->ok());
    for (const qint64 id : std::as_const(made)) {
        QCOMPARE(statuses->value->value(id).state, VideoState::Succeeded);
        QVERIFY(!statuses->value->value(id).url.isEmpty());
    }
}

void TestModeSandbox::theWebMakesATransition() {
    const auto account = sandbox::SandboxConfig().webAccounts.constFirst();
    ApiClient loginClient(&m_network);
    loginClient.setBaseUrl(m_sandbox->baseUrl());
    loginClient.setExtraHeaders(web::defaultHeaders());
    const auto login = await<Result<web::LoginResult>>([&](auto done) {
        loginClient.call(web::LoginRequest(account.first, account.second), nullptr,
                         std::function<void(Result<web::LoginResult>)>(done));
    });
    QVERIFY(login && login->ok());
    BackendConfig config;
    config.family = ApiFamily::Web;
    config.baseUrl = m_sandbox->baseUrl();
    config.objectStoreUrl = sandboxObjectStoreUrl(m_sandbox->baseUrl());
    config.secret = login->value->token;
    config.account = account.first;
    const auto made = createBackend(&m_network, config, this);
    QVERIFY(made.ok());
    Backend* backend = *made.value;
    GenerationRequest r;
    r.mode = GenerationMode::Transition;
    r.model = QStringLiteral("c1");
    r.prompt = QStringLiteral("Day turns into night");
    r.images = {{RequestImage::Role::FirstFrame, QStringLiteral("a.png"), {}},
                {RequestImage::Role::LastFrame, QStringLiteral("b.png"), {}}};
    QVERIFY(ModelCatalog::builtIn().validate(r, ApiFamily::Web).isEmpty());
    RequestInputs frames;
    const Result<UploadedImage> first = image(backend, QStringLiteral("a.png"), Qt::yellow);
    const Result<UploadedImage> last = image(backend, QStringLiteral("b.png"), Qt::darkBlue);
    QVERIFY(first.ok() && last.ok());
    frames.first = *first.value;
    frames.last = *last.value;
    const Result<CreatedVideo> created = create(backend, r, frames);
    QVERIFY2(created.ok(), qPrintable(created.error.logText()));
    m_sandbox->advanceClock(120 * 1000);
    const qint64 id = created.value->videoId;
    const auto statuses = await<Result<QHash<qint64, VideoStatus>>>(
        [&](auto done) { backend->fetchStatuses({id}, this, done); });
    QVERIFY(statuses && statuses->ok());
    QCOMPARE(statuses->value->value(id).state, VideoState::Succeeded);
}

QTEST_GUILESS_MAIN(TestModeSandbox)
#include "tst_modesandbox.moc"
