// The bodies of the issue 16 endpoints, field for field as the reference gives them (§2.12–§2.18,
// §3.11): built by the request classes the backends send, compared as whole JSON objects.
#include "core/api/OpenApiEffectRequests.h"
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
    void effectBodiesByImageCount();
    void effectBodiesFollowTheModel();
    void fusionBodiesPerModel();
    void fusionSpacesMentionsAndAlwaysHasASeed();
    void templateListPathsAndLanguage();
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

GenerationRequest effectOn(const QString& model, int templateImages) {
    GenerationRequest r = onModel(model, GenerationMode::Effect);
    r.templateId = 402331965264704;
    r.templateImageCount = templateImages;
    r.aspectRatio = QStringLiteral("9:16");
    return r;
}

void TestModeBodies::effectBodiesByImageCount() {
    // §2.19: one image → img/generate with img_id; several → img_ids; none → text/generate with
    // aspect_ratio. V6: no motion_mode or water_mark, the audio and multi-clip switches always.
    const QJsonObject common{
        {QStringLiteral("prompt"), QStringLiteral("The caterpillar turns into a butterfly")},
        {QStringLiteral("model"), QStringLiteral("v6")},
        {QStringLiteral("duration"), 5},
        {QStringLiteral("quality"), QStringLiteral("720p")},
        {QStringLiteral("seed"), 42},
        {QStringLiteral("template_id"), Q_INT64_C(402331965264704)},
        {QStringLiteral("generate_audio_switch"), false},
        {QStringLiteral("generate_multi_clip_switch"), false}};
    const openapi::EffectRequest one(effectOn(QStringLiteral("v6"), 1), spec(QStringLiteral("v6")),
                                     {1234567890}, QStringLiteral("trace-e"));
    QCOMPARE(one.path, QStringLiteral("openapi/v2/video/img/generate"));
    QVERIFY(one.sameTraceIdOnRetry);
    QCOMPARE(one.traceId, QStringLiteral("trace-e"));
    QJsonObject expected = common;
    expected.insert(u"img_id", 1234567890);
    QCOMPARE(bodyOf(one), expected);

    const openapi::EffectRequest two(effectOn(QStringLiteral("v6"), 2), spec(QStringLiteral("v6")),
                                     {11, 12});
    QCOMPARE(two.path, QStringLiteral("openapi/v2/video/img/generate"));
    expected = common;
    expected.insert(u"img_ids", QJsonArray{11, 12});
    QCOMPARE(bodyOf(two), expected);

    const openapi::EffectRequest none(effectOn(QStringLiteral("v6"), 0), spec(QStringLiteral("v6")),
                                      {});
    QCOMPARE(none.path, QStringLiteral("openapi/v2/video/text/generate"));
    expected = common;
    expected.insert(u"aspect_ratio", QStringLiteral("9:16"));
    QCOMPARE(bodyOf(none), expected);
    QCOMPARE(
        openapi::EffectRequest::parse(QJsonObject{{QStringLiteral("video_id"), 77}}).value->videoId,
        77);
}

void TestModeBodies::effectBodiesFollowTheModel() {
    // v4.5 as its i2v: motion_mode, water_mark false; no audio switch; the seed only when set.
    GenerationRequest r = effectOn(QStringLiteral("v4.5"), 1);
    r.seed.reset();
    r.negativePrompt = QStringLiteral("blurry");
    QCOMPARE(bodyOf(openapi::EffectRequest(r, spec(r.model), {5})),
             (QJsonObject{{QStringLiteral("prompt"),
                           QStringLiteral("The caterpillar turns into a butterfly")},
                          {QStringLiteral("negative_prompt"), QStringLiteral("blurry")},
                          {QStringLiteral("model"), QStringLiteral("v4.5")},
                          {QStringLiteral("duration"), 5},
                          {QStringLiteral("quality"), QStringLiteral("720p")},
                          {QStringLiteral("motion_mode"), QStringLiteral("normal")},
                          {QStringLiteral("water_mark"), false},
                          {QStringLiteral("template_id"), Q_INT64_C(402331965264704)},
                          {QStringLiteral("img_id"), 5}}));
}

void TestModeBodies::fusionBodiesPerModel() {
    GenerationRequest r = onModel(QStringLiteral("v6"), GenerationMode::Fusion);
    r.prompt = QStringLiteral("@dog plays at @room");
    r.aspectRatio = QStringLiteral("16:9");
    r.audio = true;
    r.images = {
        {RequestImage::Role::Subject, QStringLiteral("/tmp/dog.png"), QStringLiteral("dog")},
        {RequestImage::Role::Background, QStringLiteral("/tmp/room.png"), QStringLiteral("room")}};
    // Fields a fusion does not send, whatever the request holds.
    r.motionMode = QStringLiteral("fast");
    r.multiClip = true;
    const QList<openapi::FusionReference> references = openapi::fusionReferences(r, {201, 202});
    QCOMPARE(references.size(), 2);
    QVERIFY(openapi::fusionReferences(r, {201}).isEmpty()); // an upload missing
    const openapi::FusionRequest v6(r, spec(r.model), references, QStringLiteral("trace-f"));
    QCOMPARE(v6.path, QStringLiteral("openapi/v2/video/fusion/generate"));
    QVERIFY(v6.sameTraceIdOnRetry);
    QCOMPARE(v6.traceId, QStringLiteral("trace-f"));
    // §2.15, the docs' example with a space after each mention.
    const QJsonArray imageReferences{
        QJsonObject{{QStringLiteral("type"), QStringLiteral("subject")},
                    {QStringLiteral("img_id"), 201},
                    {QStringLiteral("ref_name"), QStringLiteral("dog")}},
        QJsonObject{{QStringLiteral("type"), QStringLiteral("background")},
                    {QStringLiteral("img_id"), 202},
                    {QStringLiteral("ref_name"), QStringLiteral("room")}}};
    QCOMPARE(bodyOf(v6),
             (QJsonObject{{QStringLiteral("image_references"), imageReferences},
                          {QStringLiteral("prompt"), QStringLiteral("@dog plays at @room ")},
                          {QStringLiteral("model"), QStringLiteral("v6")},
                          {QStringLiteral("duration"), 5},
                          {QStringLiteral("quality"), QStringLiteral("720p")},
                          {QStringLiteral("aspect_ratio"), QStringLiteral("16:9")},
                          {QStringLiteral("seed"), 42},
                          {QStringLiteral("generate_audio_switch"), true}}));
    // v4.5: no sound switch, no motion_mode or water_mark; the negative prompt when set.
    r.model = QStringLiteral("v4.5");
    r.audio = false;
    r.negativePrompt = QStringLiteral("blurry");
    QCOMPARE(bodyOf(openapi::FusionRequest(r, spec(r.model), references)),
             (QJsonObject{{QStringLiteral("image_references"), imageReferences},
                          {QStringLiteral("prompt"), QStringLiteral("@dog plays at @room ")},
                          {QStringLiteral("negative_prompt"), QStringLiteral("blurry")},
                          {QStringLiteral("model"), QStringLiteral("v4.5")},
                          {QStringLiteral("duration"), 5},
                          {QStringLiteral("quality"), QStringLiteral("720p")},
                          {QStringLiteral("aspect_ratio"), QStringLiteral("16:9")},
                          {QStringLiteral("seed"), 42}}));
    // C1 under its OpenAPI id, with the sound switch sent off.
    r.model = QStringLiteral("c1");
    const QJsonObject c1 = bodyOf(openapi::FusionRequest(r, spec(r.model), references));
    QCOMPARE(c1.value(u"model"), QJsonValue(QStringLiteral("c1")));
    QCOMPARE(c1.value(u"generate_audio_switch"), QJsonValue(false));
}

void TestModeBodies::fusionSpacesMentionsAndAlwaysHasASeed() {
    GenerationRequest r = onModel(QStringLiteral("v5.6"), GenerationMode::Fusion);
    r.seed.reset();
    r.prompt = QStringLiteral("@hero, then @hero again;@cat at the end @cat");
    r.images = {{RequestImage::Role::Subject, QStringLiteral("/tmp/a.png"), QStringLiteral("hero")},
                {RequestImage::Role::Subject, QStringLiteral("/tmp/b.png"), QStringLiteral("cat")}};
    const QJsonObject body =
        bodyOf(openapi::FusionRequest(r, spec(r.model), openapi::fusionReferences(r, {1, 2})));
    QCOMPARE(body.value(u"prompt").toString(),
             QStringLiteral("@hero , then @hero again;@cat at the end @cat "));
    QVERIFY(body.value(u"seed").isDouble());
    QVERIFY(body.value(u"seed").toInteger() >= 0);
    QCOMPARE(body.value(u"model"), QJsonValue(QStringLiteral("v5.6")));
}

void TestModeBodies::templateListPathsAndLanguage() {
    TemplateQuery query;
    query.page = 2;
    query.pageSize = 100;
    query.language = QStringLiteral("ru");
    const openapi::TemplateListRequest ru(query);
    QCOMPARE(ru.verb, ApiRequest::Verb::Get);
    QCOMPARE(ru.path,
             QStringLiteral("openapi/v2/video/effects/templates/list?type=1&page=2&pageSize=100"));
    QCOMPARE(ru.headers.size(), 1);
    QCOMPARE(ru.headers.first().first, QByteArrayLiteral("Accept-Language"));
    QCOMPARE(ru.headers.first().second, QByteArrayLiteral("ru"));
    // No language: no header; type 0: every template, no `type`.
    query.language.clear();
    query.type = 0;
    query.page = 1;
    query.pageSize = 50;
    const openapi::TemplateListRequest all(query);
    QVERIFY(all.headers.isEmpty());
    QCOMPARE(all.path,
             QStringLiteral("openapi/v2/video/effects/templates/list?page=1&pageSize=50"));
    for (const int size : {10, 20, 50, 100})
        QVERIFY(openapi::TemplateListRequest::isAllowedPageSize(size));
    for (const int size : {0, 5, 30, 200})
        QVERIFY(!openapi::TemplateListRequest::isAllowedPageSize(size));
}

QTEST_GUILESS_MAIN(TestModeBodies)
#include "tst_modebodies.moc"
