// The backends and the modes of issue 16: what a dry run lists for every mode, the inputs each
// create call needs (refused locally, nothing sent, when one is missing), the media upload's
// local checks, and the families' modes. The sandbox counts every request it gets.
#include "core/backend/OpenApiBackend.h"
#include "core/backend/WebBackend.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/support/Await.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;
using pixverse::test::await;

namespace {

GenerationRequest onVideo(GenerationMode mode, qint64 sourceVideoId = 370981546391559) {
    GenerationRequest r;
    r.mode = mode;
    r.model = QStringLiteral("v6");
    r.prompt = QStringLiteral("The camera keeps rising over the valley");
    r.quality = QStringLiteral("720p");
    r.seed = 7;
    r.sourceVideoId = sourceVideoId;
    return r;
}

QStringList paths(const QList<PlannedCall>& calls) {
    QStringList out;
    for (const PlannedCall& call : calls)
        out << call.path;
    return out;
}

} // namespace

class TestModeBackend : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void familiesOfferTheirModes();
    void openApiPlansEveryMode();
    void webPlansTransitionAndNothingElse();
    void missingInputsAreRefusedLocally();
    void mediaUploadChecksTheFileLocally();
    void openApiPlansEffectsAndFusion();
    void effectAndFusionInputsAreRefusedLocally();
    void templateListIsOpenApiOnly();

private:
    QString writeFile(const QString& name, qint64 size);
    std::optional<Result<CreatedVideo>> create(Backend* backend, const GenerationRequest& r,
                                               const RequestInputs& in);
    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
    ApiClient* m_openApiClient = nullptr;
    ApiClient* m_webClient = nullptr;
    OpenApiBackend* m_openApi = nullptr;
    WebBackend* m_web = nullptr;
};

void TestModeBackend::initTestCase() {
    m_sandbox = std::make_unique<sandbox::SandboxHost>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    QVERIFY(m_dir.isValid());
    m_openApiClient = new ApiClient(&m_network, this);
    QVERIFY(!m_openApiClient->setBaseUrl(m_sandbox->baseUrl()).isError());
    m_openApi = new OpenApiBackend(m_openApiClient, m_sandbox->defaultApiKey(), this);
    m_webClient = new ApiClient(&m_network, this);
    QVERIFY(!m_webClient->setBaseUrl(m_sandbox->baseUrl()).isError());
    m_web = new WebBackend(m_webClient, QStringLiteral("token-never-used"),
                           QStringLiteral("creator@sandbox.local"),
                           QUrl(m_sandbox->baseUrl().toString() + u"oss"), this);
}

QString TestModeBackend::writeFile(const QString& name, qint64 size) {
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || !file.resize(size))
        return {};
    return file.fileName();
}

std::optional<Result<CreatedVideo>>
TestModeBackend::create(Backend* backend, const GenerationRequest& r, const RequestInputs& in) {
    return await<Result<CreatedVideo>>(
        [&](auto done) { backend->createVideo(r, in, ApiClient::newTraceId(), this, done); });
}

void TestModeBackend::familiesOfferTheirModes() {
    // §3.13: the web has a known body for t2v, i2v and transition only.
    for (const GenerationMode mode : allGenerationModes()) {
        const bool web = mode == GenerationMode::TextToVideo ||
                         mode == GenerationMode::ImageToVideo || mode == GenerationMode::Transition;
        QCOMPARE(m_web->offersMode(mode), web);
        QVERIFY(m_openApi->offersMode(mode)); // effects and fusion too (issue 17)
    }
}

void TestModeBackend::openApiPlansEveryMode() {
    const qint64 before = m_sandbox->stats().requests;
    const QString placeholder = Backend::uploadPlaceholder();

    GenerationRequest transition = onVideo(GenerationMode::Transition, 0);
    transition.images = {
        {RequestImage::Role::FirstFrame, m_dir.filePath(QStringLiteral("first.png")), {}},
        {RequestImage::Role::LastFrame, m_dir.filePath(QStringLiteral("last.png")), {}}};
    const QList<PlannedCall> frames = m_openApi->plannedCalls(transition);
    QCOMPARE(paths(frames), (QStringList{QStringLiteral("openapi/v2/image/upload"),
                                         QStringLiteral("openapi/v2/image/upload"),
                                         QStringLiteral("openapi/v2/video/transition/generate")}));
    QVERIFY(frames.at(0).description.contains(QStringLiteral("first.png")));
    QVERIFY(frames.at(1).description.contains(QStringLiteral("last.png")));
    const QJsonObject framesBody = frames.last().body.toObject();
    QCOMPARE(framesBody.value(u"first_frame_img").toString(), placeholder);
    QCOMPARE(framesBody.value(u"last_frame_img").toString(), placeholder);
    QCOMPARE(framesBody.value(u"seed").toInt(), 7);

    // A video on the service needs no upload.
    const QList<PlannedCall> extend = m_openApi->plannedCalls(onVideo(GenerationMode::Extend));
    QCOMPARE(paths(extend), QStringList{QStringLiteral("openapi/v2/video/extend/generate")});
    QCOMPARE(extend.first().body.toObject().value(u"source_video_id").toInteger(),
             Q_INT64_C(370981546391559));
    // A local file is uploaded first, and the body names the upload.
    GenerationRequest fromFile = onVideo(GenerationMode::Extend, 0);
    fromFile.sourceVideoPath = m_dir.filePath(QStringLiteral("take.mp4"));
    const QList<PlannedCall> uploaded = m_openApi->plannedCalls(fromFile);
    QCOMPARE(paths(uploaded), (QStringList{QStringLiteral("openapi/v2/media/upload"),
                                           QStringLiteral("openapi/v2/video/extend/generate")}));
    QVERIFY(uploaded.first().body.isNull());
    QVERIFY(uploaded.first().description.contains(QStringLiteral("take.mp4")));
    QCOMPARE(uploaded.last().body.toObject().value(u"video_media_id").toString(), placeholder);
    QVERIFY(!uploaded.last().body.toObject().contains(u"source_video_id"));

    QCOMPARE(m_openApi->plannedCalls(onVideo(GenerationMode::Upscale)).first().body.toObject(),
             (QJsonObject{{QStringLiteral("source_video_id"), Q_INT64_C(370981546391559)}}));
    GenerationRequest sound = onVideo(GenerationMode::SoundEffect);
    sound.prompt = QStringLiteral("waves");
    QCOMPARE(m_openApi->plannedCalls(sound).first().path,
             QStringLiteral("openapi/v2/video/sound_effect/generate"));
    QCOMPARE(m_openApi->plannedCalls(sound).first().body.toObject().value(u"sound_effect_content"),
             QJsonValue(QStringLiteral("waves")));

    // Lip sync with both a local video and a local audio file: two uploads, then the call.
    GenerationRequest lip = onVideo(GenerationMode::LipSync, 0);
    lip.sourceVideoPath = m_dir.filePath(QStringLiteral("face.mov"));
    lip.audioPath = m_dir.filePath(QStringLiteral("voice.wav"));
    const QList<PlannedCall> lipCalls = m_openApi->plannedCalls(lip);
    QCOMPARE(paths(lipCalls), (QStringList{QStringLiteral("openapi/v2/media/upload"),
                                           QStringLiteral("openapi/v2/media/upload"),
                                           QStringLiteral("openapi/v2/video/lip_sync/generate")}));
    QVERIFY(lipCalls.at(1).description.contains(QStringLiteral("voice.wav")));
    QCOMPARE(lipCalls.last().body.toObject(),
             (QJsonObject{{QStringLiteral("video_media_id"), placeholder},
                          {QStringLiteral("audio_media_id"), placeholder}}));
    GenerationRequest tts = onVideo(GenerationMode::LipSync);
    tts.speakerId = QStringLiteral("3");
    tts.speechText = QStringLiteral("Hello there");
    QCOMPARE(
        m_openApi->plannedCalls(tts).first().body.toObject(),
        (QJsonObject{{QStringLiteral("source_video_id"), Q_INT64_C(370981546391559)},
                     {QStringLiteral("lip_sync_tts_speaker_id"), QStringLiteral("3")},
                     {QStringLiteral("lip_sync_tts_content"), QStringLiteral("Hello there")}}));
    QCOMPARE(m_sandbox->stats().requests, before); // a dry run sends nothing
}

void TestModeBackend::webPlansTransitionAndNothingElse() {
    const qint64 before = m_sandbox->stats().requests;
    GenerationRequest transition = onVideo(GenerationMode::Transition, 0);
    transition.images = {
        {RequestImage::Role::FirstFrame, m_dir.filePath(QStringLiteral("first.png")), {}},
        {RequestImage::Role::LastFrame, m_dir.filePath(QStringLiteral("last.jpg")), {}}};
    const QList<PlannedCall> calls = m_web->plannedCalls(transition);
    // Each frame through the three upload steps of §3.5, then /video/frames.
    QCOMPARE(calls.size(), 7);
    QCOMPARE(calls.at(0).path, QStringLiteral("creative_platform/getUploadToken"));
    QCOMPARE(calls.at(1).verb, QStringLiteral("PUT"));
    QVERIFY(calls.at(1).description.contains(QStringLiteral("first.png")));
    QVERIFY(calls.at(4).description.contains(QStringLiteral("last.jpg")));
    QCOMPARE(calls.last().path, QStringLiteral("creative_platform/video/frames"));
    const QJsonObject body = calls.last().body.toObject();
    const QString placeholder = Backend::uploadPlaceholder();
    QCOMPARE(body.value(u"customer_img_paths").toArray(), (QJsonArray{placeholder, placeholder}));
    QCOMPARE(body.value(u"model_name_default").toString(), QStringLiteral("PixVerse V6"));
    for (const GenerationMode mode : {GenerationMode::Extend, GenerationMode::Upscale,
                                      GenerationMode::SoundEffect, GenerationMode::LipSync})
        QVERIFY(m_web->plannedCalls(onVideo(mode)).isEmpty());
    QCOMPARE(m_sandbox->stats().requests, before);
}

void TestModeBackend::missingInputsAreRefusedLocally() {
    const qint64 before = m_sandbox->stats().requests;
    UploadedImage image;
    image.imageId = 5;
    RequestInputs onlyFirst;
    onlyFirst.first = image;
    const auto transition = create(m_openApi, onVideo(GenerationMode::Transition, 0), onlyFirst);
    QVERIFY(transition && !transition->ok());
    QCOMPARE(transition->error.kind(), ApiError::Kind::Input);
    QCOMPARE(transition->error.userMessage(),
             QStringLiteral("The first and the last frame have not both been uploaded."));
    const auto noSource = create(m_openApi, onVideo(GenerationMode::Upscale, 0), {});
    QCOMPARE(noSource->error.kind(), ApiError::Kind::Input);
    GenerationRequest lip = onVideo(GenerationMode::LipSync);
    lip.audioPath = m_dir.filePath(QStringLiteral("voice.mp3"));
    const auto noAudio = create(m_openApi, lip, {});
    QCOMPARE(noAudio->error.userMessage(), QStringLiteral("The audio file has not been uploaded."));
    const auto i2v = create(m_web, onVideo(GenerationMode::ImageToVideo, 0), {});
    QCOMPARE(i2v->error.userMessage(),
             QStringLiteral("The image to animate has not been uploaded."));
    const auto extend = create(m_web, onVideo(GenerationMode::Extend), {});
    QCOMPARE(extend->error.kind(), ApiError::Kind::Input);
    QVERIFY2(extend->error.userMessage().contains(QStringLiteral("platform API key")),
             qPrintable(extend->error.userMessage()));
    // The web has no media upload at all.
    const auto webUpload = await<Result<UploadedMedia>>([&](auto done) {
        m_web->uploadMedia(writeFile(QStringLiteral("any.mp4"), 10), UploadedMedia::Kind::Video,
                           this, done);
    });
    QCOMPARE(webUpload->error.kind(), ApiError::Kind::Input);
    QCOMPARE(m_sandbox->stats().requests, before);
}

void TestModeBackend::mediaUploadChecksTheFileLocally() {
    const qint64 before = m_sandbox->stats().requests;
    auto upload = [this](const QString& path, UploadedMedia::Kind kind) {
        return await<Result<UploadedMedia>>(
            [&](auto done) { m_openApi->uploadMedia(path, kind, this, done); });
    };
    const auto text =
        upload(writeFile(QStringLiteral("notes.txt"), 100), UploadedMedia::Kind::Video);
    QVERIFY(text && !text->ok());
    QCOMPARE(text->error.kind(), ApiError::Kind::Input);
    QCOMPARE(text->error.userMessage(),
             QStringLiteral("notes.txt is not an MP4, MOV or WebM video."));
    // A video file is not an audio file, whatever it holds.
    const auto wrongKind =
        upload(writeFile(QStringLiteral("clip.mp4"), 100), UploadedMedia::Kind::Audio);
    QCOMPARE(wrongKind->error.userMessage(),
             QStringLiteral("clip.mp4 is not an MP3, WAV, M4A or AAC audio file."));
    const auto empty =
        upload(writeFile(QStringLiteral("empty.wav"), 0), UploadedMedia::Kind::Audio);
    QCOMPARE(empty->error.userMessage(), QStringLiteral("empty.wav is empty."));
    const auto missing =
        upload(m_dir.filePath(QStringLiteral("gone.mp4")), UploadedMedia::Kind::Video);
    QCOMPARE(missing->error.kind(), ApiError::Kind::Input);
    // One byte over 50 MB (a sparse file: nothing is written).
    const auto big = upload(writeFile(QStringLiteral("long.mov"), 50LL * 1024 * 1024 + 1),
                            UploadedMedia::Kind::Video);
    QCOMPARE(big->error.kind(), ApiError::Kind::Input);
    QVERIFY2(big->error.userMessage().startsWith(QStringLiteral("long.mov is ")),
             qPrintable(big->error.userMessage()));
    QCOMPARE(PreparedMedia::mimeTypeFor(QStringLiteral("a.MOV"), UploadedMedia::Kind::Video),
             QByteArray("video/quicktime"));
    QCOMPARE(PreparedMedia::mimeTypeFor(QStringLiteral("a.m4a"), UploadedMedia::Kind::Audio),
             QByteArray("audio/x-m4a"));
    QCOMPARE(m_sandbox->stats().requests, before);
}

void TestModeBackend::openApiPlansEffectsAndFusion() {
    const qint64 before = m_sandbox->stats().requests;
    const QString placeholder = Backend::uploadPlaceholder();
    GenerationRequest effect = onVideo(GenerationMode::Effect, 0);
    effect.templateId = 402331965264706;
    effect.templateImageCount = 2;
    effect.images = {{RequestImage::Role::Start, m_dir.filePath(QStringLiteral("a.png")), {}},
                     {RequestImage::Role::Start, m_dir.filePath(QStringLiteral("b.png")), {}}};
    const QList<PlannedCall> two = m_openApi->plannedCalls(effect);
    QCOMPARE(paths(two), (QStringList{QStringLiteral("openapi/v2/image/upload"),
                                      QStringLiteral("openapi/v2/image/upload"),
                                      QStringLiteral("openapi/v2/video/img/generate")}));
    QVERIFY(two.at(1).description.contains(QStringLiteral("b.png")));
    QCOMPARE(two.last().body.toObject().value(u"img_ids").toArray(),
             (QJsonArray{placeholder, placeholder}));
    QCOMPARE(two.last().body.toObject().value(u"template_id").toInteger(),
             Q_INT64_C(402331965264706));
    effect.templateImageCount = 1;
    effect.images.removeLast();
    const QList<PlannedCall> one = m_openApi->plannedCalls(effect);
    QCOMPARE(one.size(), 2);
    QCOMPARE(one.last().body.toObject().value(u"img_id").toString(), placeholder);
    QVERIFY(!one.last().body.toObject().contains(u"img_ids"));
    // A template without images: no upload, text-to-video with the aspect ratio.
    effect.templateImageCount = 0;
    effect.images.clear();
    effect.aspectRatio = QStringLiteral("1:1");
    const QList<PlannedCall> text = m_openApi->plannedCalls(effect);
    QCOMPARE(paths(text), QStringList{QStringLiteral("openapi/v2/video/text/generate")});
    QCOMPARE(text.first().body.toObject().value(u"aspect_ratio").toString(), QStringLiteral("1:1"));

    GenerationRequest fusion = onVideo(GenerationMode::Fusion, 0);
    fusion.prompt = QStringLiteral("@hero walks into @street");
    fusion.aspectRatio = QStringLiteral("16:9");
    fusion.images = {{RequestImage::Role::Subject, m_dir.filePath(QStringLiteral("hero.png")),
                      QStringLiteral("hero")},
                     {RequestImage::Role::Background, m_dir.filePath(QStringLiteral("street.jpg")),
                      QStringLiteral("street")}};
    const QList<PlannedCall> references = m_openApi->plannedCalls(fusion);
    QCOMPARE(paths(references), (QStringList{QStringLiteral("openapi/v2/image/upload"),
                                             QStringLiteral("openapi/v2/image/upload"),
                                             QStringLiteral("openapi/v2/video/fusion/generate")}));
    QVERIFY(references.at(0).description.contains(QStringLiteral("hero.png")));
    QVERIFY(references.at(1).description.contains(QStringLiteral("street.jpg")));
    const QJsonObject body = references.last().body.toObject();
    QCOMPARE(body.value(u"image_references").toArray(),
             (QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("subject")},
                                     {QStringLiteral("img_id"), placeholder},
                                     {QStringLiteral("ref_name"), QStringLiteral("hero")}},
                         QJsonObject{{QStringLiteral("type"), QStringLiteral("background")},
                                     {QStringLiteral("img_id"), placeholder},
                                     {QStringLiteral("ref_name"), QStringLiteral("street")}}}));
    QCOMPARE(body.value(u"prompt").toString(), QStringLiteral("@hero walks into @street "));
    QCOMPARE(body.value(u"seed").toInt(), 7);
    // The web plans neither.
    QVERIFY(m_web->plannedCalls(fusion).isEmpty());
    QVERIFY(m_web->plannedCalls(effect).isEmpty());
    QCOMPARE(m_sandbox->stats().requests, before);
}

void TestModeBackend::effectAndFusionInputsAreRefusedLocally() {
    const qint64 before = m_sandbox->stats().requests;
    UploadedImage image;
    image.imageId = 5;
    GenerationRequest effect = onVideo(GenerationMode::Effect, 0);
    effect.templateId = 402331965264706;
    effect.templateImageCount = 2;
    effect.images = {{RequestImage::Role::Start, QStringLiteral("/tmp/a.png"), {}},
                     {RequestImage::Role::Start, QStringLiteral("/tmp/b.png"), {}}};
    RequestInputs oneOfTwo;
    oneOfTwo.starts = {image};
    const auto effectResult = create(m_openApi, effect, oneOfTwo);
    QVERIFY(effectResult && !effectResult->ok());
    QCOMPARE(effectResult->error.kind(), ApiError::Kind::Input);
    QCOMPARE(effectResult->error.userMessage(),
             QStringLiteral("The effect's images have not all been uploaded."));
    effect.templateId = 0;
    QCOMPARE(create(m_openApi, effect, oneOfTwo)->error.userMessage(),
             QStringLiteral("No effect template is chosen."));

    GenerationRequest fusion = onVideo(GenerationMode::Fusion, 0);
    fusion.images = {
        {RequestImage::Role::Subject, QStringLiteral("/tmp/a.png"), QStringLiteral("a")},
        {RequestImage::Role::Background, QStringLiteral("/tmp/b.png"), QStringLiteral("b")}};
    RequestInputs oneReference;
    oneReference.references = {image};
    QCOMPARE(create(m_openApi, fusion, oneReference)->error.userMessage(),
             QStringLiteral("The references have not all been uploaded."));
    fusion.images.clear();
    QCOMPARE(create(m_openApi, fusion, {})->error.kind(), ApiError::Kind::Input);
    // The web has no request for either.
    for (const GenerationMode mode : {GenerationMode::Effect, GenerationMode::Fusion}) {
        const auto web = create(m_web, onVideo(mode, 0), {});
        QCOMPARE(web->error.kind(), ApiError::Kind::Input);
    }
    QCOMPARE(m_sandbox->stats().requests, before);
}

void TestModeBackend::templateListIsOpenApiOnly() {
    const qint64 before = m_sandbox->stats().requests;
    auto fetch = [this](Backend* backend, const TemplateQuery& query) {
        return await<Result<QList<EffectTemplate>>>(
            [&](auto done) { backend->fetchTemplates(query, this, done); });
    };
    const auto web = fetch(m_web, TemplateQuery{});
    QVERIFY(web && !web->ok());
    QCOMPARE(web->error.kind(), ApiError::Kind::Input);
    QVERIFY2(web->error.userMessage().contains(QStringLiteral("platform API key")),
             qPrintable(web->error.userMessage()));
    // A page size the service refuses is not sent.
    TemplateQuery odd;
    odd.pageSize = 30;
    const auto refused = fetch(m_openApi, odd);
    QCOMPARE(refused->error.kind(), ApiError::Kind::Input);
    odd.pageSize = 50;
    odd.page = 0;
    QCOMPARE(fetch(m_openApi, odd)->error.kind(), ApiError::Kind::Input);
    QCOMPARE(m_sandbox->stats().requests, before);
}

QTEST_GUILESS_MAIN(TestModeBackend)
#include "tst_modebackend.moc"
