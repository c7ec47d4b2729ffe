// The bodies of the issue 16 endpoints, field for field as the reference gives them (§2.12–§2.18,
// §3.11): built by the request classes the backends send, compared as whole JSON objects.
#include "core/api/OpenApiModeRequests.h"
#include "core/api/WebApiRequests.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace pixverse;

namespace {

QJsonObject bodyOf(const ApiRequest& request) {
    return QJsonDocument::fromJson(request.body).object();
}

GenerationRequest onModel(const QString& model, GenerationMode mode) {
    GenerationRequest r;
    r.mode = mode;
    r.model = model;
    r.prompt = QStringLiteral("The caterpillar turns into a butterfly");
    r.duration = 5;
    r.quality = QStringLiteral("720p");
    r.seed = 42;
    return r;
}

const ModelSpec* spec(const QString& id) {
    return ModelCatalog::builtIn().model(id);
}

} // namespace

class TestModeBodies : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void transitionBodiesPerModel_data();
    void transitionBodiesPerModel();
    void transitionAlwaysCarriesASeed();
    void extendNamesExactlyOneSource();
    void upscaleSendsOnlyTheId();
    void soundEffectBodies();
    void lipSyncBodies();
    void mediaUploadIsAFilePart();
    void mediaUploadAnswer();
    void speakerPaths();
    void speakerAnswersAreReadTolerantly();
    void webTransitionBody();
};

void TestModeBodies::transitionBodiesPerModel_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QJsonObject>("expected");
    const QJsonObject common{
        {QStringLiteral("prompt"), QStringLiteral("The caterpillar turns into a butterfly")},
        {QStringLiteral("duration"), 5},
        {QStringLiteral("quality"), QStringLiteral("720p")},
        {QStringLiteral("seed"), 42},
        {QStringLiteral("first_frame_img"), 101},
        {QStringLiteral("last_frame_img"), 102}};
    // §2.13: V6/C1 with generate_audio_switch, no motion_mode; v3.5–v4.5 with motion_mode;
    // never aspect_ratio, water_mark or camera_movement.
    QJsonObject v6 = common;
    v6.insert(u"model", QStringLiteral("v6"));
    v6.insert(u"generate_audio_switch", false);
    QTest::newRow("v6") << "v6" << v6;
    QJsonObject c1 = common;
    c1.insert(u"model", QStringLiteral("c1"));
    c1.insert(u"generate_audio_switch", false);
    QTest::newRow("c1") << "c1" << c1;
    QJsonObject v45 = common;
    v45.insert(u"model", QStringLiteral("v4.5"));
    v45.insert(u"motion_mode", QStringLiteral("normal"));
    QTest::newRow("v4.5") << "v4.5" << v45;
    QJsonObject v5 = common;
    v5.insert(u"model", QStringLiteral("v5"));
    QTest::newRow("v5") << "v5" << v5;
}

void TestModeBodies::transitionBodiesPerModel() {
    QFETCH(QString, model);
    QFETCH(QJsonObject, expected);
    GenerationRequest r = onModel(model, GenerationMode::Transition);
    r.aspectRatio = QStringLiteral("9:16");       // the first frame decides
    r.cameraMovement = QStringLiteral("zoom_in"); // not a transition field
    const openapi::TransitionRequest request(r, spec(model), 101, 102, QStringLiteral("trace-1"));
    QCOMPARE(request.path, QStringLiteral("openapi/v2/video/transition/generate"));
    QCOMPARE(bodyOf(request), expected);
    QVERIFY(request.sameTraceIdOnRetry);
    QCOMPARE(request.traceId, QStringLiteral("trace-1"));
}

void TestModeBodies::transitionAlwaysCarriesASeed() {
    GenerationRequest r = onModel(QStringLiteral("v6"), GenerationMode::Transition);
    r.seed.reset();
    r.audio = true;
    const QJsonObject body = bodyOf(openapi::TransitionRequest(r, spec(r.model), 1, 2));
    QVERIFY(body.value(u"seed").isDouble());
    QVERIFY(body.value(u"seed").toInteger() >= 0);
    QVERIFY(body.value(u"seed").toInteger() <= ModelCatalog::builtIn().seedMax());
    QCOMPARE(body.value(u"generate_audio_switch"), QJsonValue(true));
}

void TestModeBodies::extendNamesExactlyOneSource() {
    GenerationRequest r = onModel(QStringLiteral("v6"), GenerationMode::Extend);
    r.sourceVideoId = 370981546391559;
    r.multiClip = true; // a t2v/i2v field only
    const openapi::VideoSource byId = openapi::VideoSource::of(r, RequestInputs{});
    QVERIFY(byId.isSet());
    const openapi::ExtendRequest request(r, spec(r.model), byId);
    QCOMPARE(request.path, QStringLiteral("openapi/v2/video/extend/generate"));
    QCOMPARE(bodyOf(request),
             (QJsonObject{{QStringLiteral("source_video_id"), Q_INT64_C(370981546391559)},
                          {QStringLiteral("prompt"), r.prompt},
                          {QStringLiteral("model"), QStringLiteral("v6")},
                          {QStringLiteral("duration"), 5},
                          {QStringLiteral("quality"), QStringLiteral("720p")},
                          {QStringLiteral("seed"), 42},
                          {QStringLiteral("generate_audio_switch"), false}}));
    // An uploaded file wins over the id: it is what the job uploaded for this request.
    RequestInputs inputs;
    inputs.video = UploadedMedia{UploadedMedia::Kind::Video, 629000000000000002, {}, 1280, 720};
    const QJsonObject uploaded =
        bodyOf(openapi::ExtendRequest(r, spec(r.model), openapi::VideoSource::of(r, inputs)));
    QCOMPARE(uploaded.value(u"video_media_id").toInteger(), Q_INT64_C(629000000000000002));
    QVERIFY(!uploaded.contains(u"source_video_id"));
    // Neither: not a usable source.
    r.sourceVideoId = 0;
    QVERIFY(!openapi::VideoSource::of(r, RequestInputs{}).isSet());
    QVERIFY(!(openapi::VideoSource{5, 6}.isSet()));
    // v4.5 keeps its motion mode, never a water mark.
    GenerationRequest old = onModel(QStringLiteral("v4.5"), GenerationMode::Extend);
    old.motionMode = QStringLiteral("fast");
    const QJsonObject oldBody =
        bodyOf(openapi::ExtendRequest(old, spec(old.model), openapi::VideoSource{7, 0}));
    QCOMPARE(oldBody.value(u"motion_mode"), QJsonValue(QStringLiteral("fast")));
    QVERIFY(!oldBody.contains(u"water_mark"));
    QVERIFY(!oldBody.contains(u"aspect_ratio"));
}

void TestModeBodies::upscaleSendsOnlyTheId() {
    const openapi::UpscaleRequest byId(openapi::VideoSource{370981546391559, 0});
    QCOMPARE(byId.path, QStringLiteral("openapi/v2/video/upscale/generate"));
    QCOMPARE(bodyOf(byId),
             (QJsonObject{{QStringLiteral("source_video_id"), Q_INT64_C(370981546391559)}}));
    QCOMPARE(bodyOf(openapi::UpscaleRequest(openapi::VideoSource{0, 77})),
             (QJsonObject{{QStringLiteral("video_media_id"), 77}}));
}

void TestModeBodies::soundEffectBodies() {
    GenerationRequest r;
    r.mode = GenerationMode::SoundEffect;
    r.prompt = QStringLiteral("  rain on a tin roof, distant thunder ");
    const openapi::SoundEffectRequest described(r, openapi::VideoSource{370981546391559, 0});
    QCOMPARE(described.path, QStringLiteral("openapi/v2/video/sound_effect/generate"));
    QCOMPARE(bodyOf(described),
             (QJsonObject{{QStringLiteral("source_video_id"), Q_INT64_C(370981546391559)},
                          {QStringLiteral("sound_effect_content"),
                           QStringLiteral("rain on a tin roof, distant thunder")},
                          {QStringLiteral("original_sound_switch"), false}}));
    // No description: the service picks one from the video; the switch goes out either way.
    r.prompt.clear();
    r.keepOriginalSound = true;
    QCOMPARE(bodyOf(openapi::SoundEffectRequest(r, openapi::VideoSource{0, 9})),
             (QJsonObject{{QStringLiteral("video_media_id"), 9},
                          {QStringLiteral("original_sound_switch"), true}}));
}

void TestModeBodies::lipSyncBodies() {
    GenerationRequest r;
    r.mode = GenerationMode::LipSync;
    r.speakerId = QStringLiteral("Auto");
    r.speechText = QStringLiteral("Hello, this is Harry. Where are you from?");
    const openapi::LipSyncRequest tts(r, openapi::VideoSource{370981546391559, 0}, 0);
    QCOMPARE(tts.path, QStringLiteral("openapi/v2/video/lip_sync/generate"));
    QCOMPARE(bodyOf(tts),
             (QJsonObject{{QStringLiteral("source_video_id"), Q_INT64_C(370981546391559)},
                          {QStringLiteral("lip_sync_tts_speaker_id"), QStringLiteral("Auto")},
                          {QStringLiteral("lip_sync_tts_content"), r.speechText}}));
    GenerationRequest withAudio;
    withAudio.mode = GenerationMode::LipSync;
    withAudio.audioPath = QStringLiteral("/tmp/voice.mp3");
    QCOMPARE(bodyOf(openapi::LipSyncRequest(withAudio, openapi::VideoSource{0, 11}, 12)),
             (QJsonObject{{QStringLiteral("video_media_id"), 11},
                          {QStringLiteral("audio_media_id"), 12}}));
}

void TestModeBodies::mediaUploadIsAFilePart() {
    const openapi::UploadMediaRequest request(QStringLiteral("/tmp/take.mov"),
                                              QStringLiteral("take.mov"), "video/quicktime");
    QCOMPARE(request.verb, ApiRequest::Verb::Post);
    QCOMPARE(request.path, QStringLiteral("openapi/v2/media/upload"));
    QVERIFY(request.filePart);
    QCOMPARE(request.filePart->field, QByteArray("file"));
    QCOMPARE(request.filePart->filePath, QStringLiteral("/tmp/take.mov"));
    QCOMPARE(request.filePart->fileName, QStringLiteral("take.mov"));
    QCOMPARE(request.filePart->mimeType, QByteArray("video/quicktime"));
    QVERIFY(request.body.isEmpty()); // streamed from the file, never held in memory
}

void TestModeBodies::mediaUploadAnswer() {
    // §2.12's example; the id is above 2^53 and must survive exactly.
    const QJsonObject resp = QJsonDocument::fromJson(
                                 R"({"media_id": 629000000000000002, "media_type": "video",
                                     "url": "https://media.pixverse.ai/openapi%2Fx.mp4",
                                     "width": 1280, "height": 720})")
                                 .object();
    const Result<UploadedMedia> video = openapi::UploadMediaRequest::parse(resp);
    QVERIFY(video.ok());
    QCOMPARE(video.value->mediaId, Q_INT64_C(629000000000000002));
    QCOMPARE(video.value->kind, UploadedMedia::Kind::Video);
    QCOMPARE(video.value->width, 1280);
    QCOMPARE(video.value->height, 720);
    const Result<UploadedMedia> audio = openapi::UploadMediaRequest::parse(
        QJsonObject{{QStringLiteral("media_id"), QStringLiteral("5")},
                    {QStringLiteral("media_type"), QStringLiteral("audio")}});
    QVERIFY(audio.ok());
    QCOMPARE(audio.value->mediaId, 5);
    QCOMPARE(audio.value->kind, UploadedMedia::Kind::Audio);
    QCOMPARE(audio.value->width, 0);
    const Result<UploadedMedia> none = openapi::UploadMediaRequest::parse(QJsonObject{});
    QCOMPARE(none.error.kind(), ApiError::Kind::MalformedReply);
}

void TestModeBodies::speakerPaths() {
    const openapi::SpeakersRequest current(1, false);
    QCOMPARE(current.verb, ApiRequest::Verb::Get);
    QCOMPARE(
        current.path,
        QStringLiteral("openapi/v2/video/tts_speaker?page_num=1&page_size=100&speaker_type=all"));
    QCOMPARE(openapi::SpeakersRequest(3, true).path,
             QStringLiteral("openapi/v2/video/lip_sync/tts_list?page_num=3&page_size=100"));
}

void TestModeBodies::speakerAnswersAreReadTolerantly() {
    const QJsonObject documented =
        QJsonDocument::fromJson(R"({"total": 3, "data": [{"speaker_id": "Auto", "name": "Auto"},
                                   {"speaker_id": "1", "name": "Emily"},
                                   {"speaker_id": 14, "speaker_name": "Ethan"},
                                   {"name": "no id, skipped"}]})")
            .object();
    const Result<openapi::SpeakerPage> page = openapi::SpeakersRequest::parse(documented);
    QVERIFY(page.ok());
    QCOMPARE(page.value->total, 3);
    QCOMPARE(page.value->speakers.size(), 3);
    QCOMPARE(page.value->speakers.at(0).id, QStringLiteral("Auto"));
    QCOMPARE(page.value->speakers.at(1).name, QStringLiteral("Emily"));
    QCOMPARE(page.value->speakers.at(2).id, QStringLiteral("14"));
    QCOMPARE(page.value->speakers.at(2).name, QStringLiteral("Ethan"));
    // `list` instead of `data`, no total.
    const Result<openapi::SpeakerPage> list = openapi::SpeakersRequest::parse(QJsonObject{
        {QStringLiteral("list"),
         QJsonArray{QJsonObject{{QStringLiteral("speaker_id"), QStringLiteral("2")}}}}});
    QVERIFY(list.ok());
    QCOMPARE(list.value->total, 0);
    QCOMPARE(list.value->speakers.first().name, QStringLiteral("2"));
    QCOMPARE(openapi::SpeakersRequest::parse(QJsonObject{{QStringLiteral("data"), 5}}).error.kind(),
             ApiError::Kind::MalformedReply);
}

void TestModeBodies::webTransitionBody() {
    GenerationRequest r = onModel(QStringLiteral("v6"), GenerationMode::Transition);
    r.seed = 123456;
    r.quality = QStringLiteral("540p");
    r.offPeak = true;
    UploadedImage first;
    first.path = QStringLiteral("upload/a.png");
    first.url = QStringLiteral("https://media.pixverse.ai/upload%2Fa.png");
    UploadedImage last;
    last.path = QStringLiteral("upload/b.jpg");
    last.url = QStringLiteral("https://media.pixverse.ai/upload%2Fb.jpg");
    const web::TransitionRequest request(r, spec(r.model), first, last);
    QCOMPARE(request.path, QStringLiteral("creative_platform/video/frames"));
    QVERIFY(request.sameTraceIdOnRetry);
    QCOMPARE(bodyOf(request),
             (QJsonObject{{QStringLiteral("customer_img_paths"), QJsonArray{first.path, last.path}},
                          {QStringLiteral("customer_img_urls"), QJsonArray{first.url, last.url}},
                          {QStringLiteral("prompt"), r.prompt},
                          {QStringLiteral("prompts"), QJsonArray{r.prompt}},
                          {QStringLiteral("duration"), 5},
                          {QStringLiteral("durations"), QJsonArray{5}},
                          {QStringLiteral("model"), QStringLiteral("v6")},
                          {QStringLiteral("model_name_default"), QStringLiteral("PixVerse V6")},
                          {QStringLiteral("quality"), QStringLiteral("540p")},
                          {QStringLiteral("seed"), 123456},
                          {QStringLiteral("create_count"), 1},
                          {QStringLiteral("audio"), 0},
                          {QStringLiteral("preview_mode"), 0},
                          {QStringLiteral("off_peak"), 1}}));
    // C1 goes out under the web's own id and name.
    GenerationRequest c1 = r;
    c1.model = QStringLiteral("c1");
    c1.audio = true;
    const QJsonObject c1Body = bodyOf(web::TransitionRequest(c1, spec(c1.model), first, last));
    QCOMPARE(c1Body.value(u"model"), QJsonValue(QStringLiteral("pixverse-c1")));
    QCOMPARE(c1Body.value(u"model_name_default"), QJsonValue(QStringLiteral("PixVerse C1")));
    QCOMPARE(c1Body.value(u"audio"), QJsonValue(1));
    // The answer: video_id or video_ids, as t2v.
    const Result<CreatedVideo> ids = web::TransitionRequest::parse(
        QJsonObject{{QStringLiteral("video_ids"), QJsonArray{QStringLiteral("9007199254740993")}}});
    QVERIFY(ids.ok());
    QCOMPARE(ids.value->videoId, Q_INT64_C(9007199254740993));
}

QTEST_GUILESS_MAIN(TestModeBodies)
#include "tst_modebodies.moc"
