// ModelCatalog and the modes of issue 16: who makes what in which family, the inputs each mode
// needs with one sentence per refusal, and the price of every mode (§2.9, §2.13–§2.18, §3.13).
#include "core/api/ApiError.h"
#include "core/generation/ModelCatalog.h"
#include "core/media/MediaLimits.h"

#include <QTest>

using namespace pixverse;

namespace {

const ModelCatalog& catalog() {
    return ModelCatalog::builtIn();
}

QStringList modelIds(ApiFamily family, GenerationMode mode) {
    QStringList out;
    for (const ModelSpec& m : catalog().offeredModels(family, mode))
        out << m.serviceId(family);
    return out;
}

GenerationRequest onVideo(GenerationMode mode) {
    GenerationRequest r;
    r.mode = mode;
    r.model = QStringLiteral("v6");
    r.prompt = QStringLiteral("The camera keeps rising over the valley");
    r.quality = QStringLiteral("720p");
    r.duration = 5;
    r.sourceVideoId = 370981546391559;
    return r;
}

//! The fields of every refusal, in order.
QStringList fields(const GenerationRequest& r, ApiFamily family = ApiFamily::OpenApi) {
    QStringList out;
    for (const RuleViolation& v : catalog().validate(r, family))
        out << v.field;
    return out;
}

QString firstReason(const GenerationRequest& r, ApiFamily family = ApiFamily::OpenApi) {
    const QList<RuleViolation> v = catalog().validate(r, family);
    return v.isEmpty() ? QString() : v.first().reason;
}

RequestImage start(QStringView name) {
    return {RequestImage::Role::Start, QStringLiteral("/tmp/%1.png").arg(name), {}};
}

//! An effect with a template of `images` images, as many chosen.
GenerationRequest effect(const QString& model, int images) {
    GenerationRequest r;
    r.mode = GenerationMode::Effect;
    r.model = model;
    r.prompt = QStringLiteral("Generate a cinematic audience reaction shot.");
    r.quality = QStringLiteral("720p");
    r.duration = 5;
    r.templateId = 402331965264704;
    r.templateName = QStringLiteral("Audience Reaction Shot");
    r.templateImageCount = images;
    for (int i = 0; i < images; ++i)
        r.images << start(QString::number(i));
    return r;
}

//! The docs' fusion example (§2.15): a dog in a room.
GenerationRequest fusion(const QString& model) {
    GenerationRequest r;
    r.mode = GenerationMode::Fusion;
    r.model = model;
    r.prompt = QStringLiteral("@dog plays at @room");
    r.quality = QStringLiteral("720p");
    r.duration = 5;
    r.aspectRatio = QStringLiteral("16:9");
    r.images = {
        {RequestImage::Role::Subject, QStringLiteral("/tmp/dog.png"), QStringLiteral("dog")},
        {RequestImage::Role::Background, QStringLiteral("/tmp/room.png"), QStringLiteral("room")}};
    return r;
}

} // namespace

class TestCatalogModes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void modelsPerModeAndFamily() {
        // §2.13: transition on the OpenAPI v3.5–v5, V6, C1 (v5.5/v5.6 seen on the web only).
        QCOMPARE(
            modelIds(ApiFamily::OpenApi, GenerationMode::Transition),
            (QStringList{QStringLiteral("v6"), QStringLiteral("c1"), QStringLiteral("v5"),
                         QStringLiteral("v4.5"), QStringLiteral("v4"), QStringLiteral("v3.5")}));
        // §3.10/§3.11: the web's three models.
        QCOMPARE(modelIds(ApiFamily::Web, GenerationMode::Transition),
                 (QStringList{QStringLiteral("v6"), QStringLiteral("pixverse-c1"),
                              QStringLiteral("v5.6")}));
        // §2.14: "v3.5/v4/v4.5 and above", V6, not C1; no web request (§3.13).
        QCOMPARE(
            modelIds(ApiFamily::OpenApi, GenerationMode::Extend),
            (QStringList{QStringLiteral("v6"), QStringLiteral("v5.6"), QStringLiteral("v5"),
                         QStringLiteral("v4.5"), QStringLiteral("v4"), QStringLiteral("v3.5")}));
        QVERIFY(modelIds(ApiFamily::Web, GenerationMode::Extend).isEmpty());
        QCOMPARE(catalog().defaultModel(ApiFamily::OpenApi, GenerationMode::Extend),
                 QStringLiteral("v6"));
        QCOMPARE(catalog().defaultModel(ApiFamily::Web, GenerationMode::Transition),
                 QStringLiteral("v6"));
        QVERIFY(catalog().defaultModel(ApiFamily::Web, GenerationMode::Extend).isEmpty());
        // A creator never picks a model for these.
        for (const GenerationMode mode :
             {GenerationMode::Upscale, GenerationMode::SoundEffect, GenerationMode::LipSync}) {
            QVERIFY(!ModelCatalog::modeTakesModel(mode));
            QVERIFY(catalog().offeredModels(ApiFamily::OpenApi, mode).isEmpty());
            QVERIFY(catalog().defaultModel(ApiFamily::OpenApi, mode).isEmpty());
            QVERIFY(catalog().familyOffersMode(mode, ApiFamily::OpenApi));
            QVERIFY(!catalog().familyOffersMode(mode, ApiFamily::Web));
        }
        QVERIFY(ModelCatalog::modeTakesModel(GenerationMode::Extend));
        QVERIFY(catalog().familyOffersMode(GenerationMode::Transition, ApiFamily::Web));
        QVERIFY(!catalog().familyOffersMode(GenerationMode::Extend, ApiFamily::Web));
        // Issue 17: effects on every OpenAPI model that makes i2v; fusion on the six of §2.15
        // (v5.5 for fusion alone); neither on the web (no documented request, §3.13).
        QCOMPARE(modelIds(ApiFamily::OpenApi, GenerationMode::Effect),
                 (QStringList{QStringLiteral("v6"), QStringLiteral("c1"), QStringLiteral("v5.6"),
                              QStringLiteral("v5"), QStringLiteral("v4.5"), QStringLiteral("v4"),
                              QStringLiteral("v3.5")}));
        QCOMPARE(
            modelIds(ApiFamily::OpenApi, GenerationMode::Fusion),
            (QStringList{QStringLiteral("v6"), QStringLiteral("c1"), QStringLiteral("v5.6"),
                         QStringLiteral("v5.5"), QStringLiteral("v5"), QStringLiteral("v4.5")}));
        for (const GenerationMode mode : {GenerationMode::Effect, GenerationMode::Fusion}) {
            QVERIFY(catalog().familyOffersMode(mode, ApiFamily::OpenApi));
            QVERIFY(!catalog().familyOffersMode(mode, ApiFamily::Web));
            QVERIFY(modelIds(ApiFamily::Web, mode).isEmpty());
            QCOMPARE(catalog().defaultModel(ApiFamily::OpenApi, mode), QStringLiteral("v6"));
        }
        // v5.5 stays out of every other mode and of the plain model list.
        const ModelSpec* v55 = catalog().model(QStringLiteral("v5.5"));
        QVERIFY(v55->offeredFor(ApiFamily::OpenApi, GenerationMode::Fusion));
        QVERIFY(!v55->offeredFor(ApiFamily::OpenApi, GenerationMode::TextToVideo));
        QVERIFY(!v55->offeredFor(ApiFamily::OpenApi));
        QVERIFY(!v55->offeredFor(ApiFamily::Web, GenerationMode::Fusion));
        QVERIFY(!modelIds(ApiFamily::OpenApi, GenerationMode::TextToVideo)
                     .contains(QStringLiteral("v5.5")));
    }

    void fusionLimitsPerModel() {
        // §2.15: v4.5 and v5 ≤ 3 images; v5.5, v5.6, C1, V6 ≤ 7; V6 ≤ 8 subjects, ≤ 2 backgrounds.
        const QList<std::tuple<QString, int, int, int>> limits{
            {QStringLiteral("v6"), 7, 8, 2},   {QStringLiteral("c1"), 7, 7, 7},
            {QStringLiteral("v5.6"), 7, 7, 7}, {QStringLiteral("v5.5"), 7, 7, 7},
            {QStringLiteral("v5"), 3, 3, 3},   {QStringLiteral("v4.5"), 3, 3, 3},
            {QStringLiteral("v4"), 0, 0, 0}};
        for (const auto& [id, images, subjects, backgrounds] : limits) {
            const ModelSpec::FusionLimits& fusion = catalog().model(id)->fusion;
            QCOMPARE(fusion.maxImages, images);
            QCOMPARE(fusion.maxSubjects, subjects);
            QCOMPARE(fusion.maxBackgrounds, backgrounds);
        }
    }

    void effectNeedsItsTemplateFacts() {
        GenerationRequest r = effect(QStringLiteral("v6"), 1);
        QVERIFY2(fields(r).isEmpty(), qPrintable(fields(r).join(u',')));
        QVERIFY(fields(r, ApiFamily::Web) == QStringList{QStringLiteral("mode")});
        // The image follows the frame: no aspect ratio needed.
        r.aspectRatio.clear();
        QVERIFY(fields(r).isEmpty());
        r.templateId = 0;
        QCOMPARE(fields(r), QStringList{QStringLiteral("template")});
        QCOMPARE(firstReason(r), QStringLiteral("Choose an effect template."));
        QCOMPARE(catalog().validate(r, ApiFamily::OpenApi).first().kind,
                 RuleViolation::Kind::Missing);
        // Known not to be activated (listed so, or answered 500070): 500070's sentence.
        r = effect(QStringLiteral("v6"), 1);
        r.templateNeedsActivation = true;
        QCOMPARE(fields(r), QStringList{QStringLiteral("template")});
        QCOMPARE(firstReason(r), ApiError::serviceSentence(500070));
        QCOMPARE(firstReason(r), ApiError::service(500070, QStringLiteral("x")).userMessage());
        // A quality the template does not allow: 500071's sentence, on the quality.
        r = effect(QStringLiteral("v6"), 1);
        r.templateQualities = QStringList{QStringLiteral("360p"), QStringLiteral("540p")};
        QCOMPARE(fields(r), QStringList{QStringLiteral("quality")});
        QCOMPARE(firstReason(r), ApiError::serviceSentence(500071));
        QCOMPARE(*catalog().whyNotAllowed(r, ApiFamily::OpenApi, QStringLiteral("quality"),
                                          QStringLiteral("1080p")),
                 ApiError::serviceSentence(500071));
        QVERIFY(!catalog().whyNotAllowed(r, ApiFamily::OpenApi, QStringLiteral("quality"),
                                         QStringLiteral("540p")));
        // fitToModel moves the quality to one the template allows.
        const QList<SettingChange> changes = catalog().fitToModel(r, ApiFamily::OpenApi);
        QCOMPARE(r.quality, QStringLiteral("540p"));
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().reason, ApiError::serviceSentence(500071));
        QVERIFY(fields(r).isEmpty());
    }

    void effectTakesExactlyItsImages() {
        GenerationRequest r = effect(QStringLiteral("v6"), 1);
        r.images.clear();
        QCOMPARE(fields(r), QStringList{QStringLiteral("images")});
        QCOMPARE(firstReason(r), QStringLiteral("Choose the image for this effect."));
        r.images = {start(u"a"), start(u"b")};
        QCOMPARE(firstReason(r), QStringLiteral("This effect takes one image; remove the others."));
        r.templateImageCount = 3;
        QCOMPARE(catalog().validate(r, ApiFamily::OpenApi).first().kind,
                 RuleViolation::Kind::Missing);
        QCOMPARE(firstReason(r), QStringLiteral("This effect takes 3 images; add 1 more."));
        r.templateImageCount = 2;
        QVERIFY(fields(r).isEmpty());
        r.images << start(u"c") << start(u"d");
        QCOMPARE(firstReason(r), QStringLiteral("This effect takes 2 images; remove 2."));
        // Other roles do not count (a fusion's references left on the request).
        r.images = {start(u"a"),
                    start(u"b"),
                    {RequestImage::Role::Subject, QStringLiteral("/tmp/s.png"), {}}};
        QVERIFY(fields(r).isEmpty());
        // A template without images: text-to-video, so the aspect ratio counts.
        r.templateImageCount = 0;
        QCOMPARE(firstReason(r),
                 QStringLiteral("This effect makes its video from the prompt alone; remove the "
                                "images."));
        r.images.clear();
        QVERIFY(fields(r).isEmpty());
        r.aspectRatio = QStringLiteral("5:4");
        QCOMPARE(fields(r), QStringList{QStringLiteral("aspectRatio")});
        r.aspectRatio.clear();
        QCOMPARE(fields(r), QStringList{QStringLiteral("aspectRatio")});
    }

    void effectKeepsTheModelsRules() {
        // As i2v: durations, qualities, rules, switches of the model.
        GenerationRequest r = effect(QStringLiteral("v4.5"), 1);
        r.quality = QStringLiteral("1080p");
        r.duration = 8;
        QCOMPARE(fields(r), (QStringList{QStringLiteral("duration")}));
        r.duration = 5;
        r.audio = true;
        QCOMPARE(fields(r), QStringList{QStringLiteral("audio")});
        r.audio = false;
        r.model = QStringLiteral("v6");
        r.multiClip = true;
        QVERIFY(fields(r).isEmpty());
        r.prompt.clear();
        QCOMPARE(fields(r), QStringList{QStringLiteral("prompt")});
    }

    void fusionReferencesAndNames() {
        GenerationRequest r = fusion(QStringLiteral("v6"));
        QVERIFY2(fields(r).isEmpty(), qPrintable(fields(r).join(u',')));
        QCOMPARE(fields(r, ApiFamily::Web), QStringList{QStringLiteral("mode")});
        // At least one reference.
        GenerationRequest none = r;
        none.images.clear();
        none.prompt = QStringLiteral("A dog plays");
        QCOMPARE(fields(none), QStringList{QStringLiteral("references")});
        QCOMPARE(firstReason(none), QStringLiteral("Add at least one subject or background."));
        QCOMPARE(catalog().validate(none, ApiFamily::OpenApi).first().kind,
                 RuleViolation::Kind::Missing);
        // Unnamed, unusable and repeated names.
        GenerationRequest unnamed = r;
        unnamed.images[1].name.clear();
        unnamed.prompt = QStringLiteral("@dog plays");
        QCOMPARE(fields(unnamed), QStringList{QStringLiteral("references")});
        QCOMPARE(firstReason(unnamed),
                 QStringLiteral("Give the reference room.png a name: the prompt refers to it as "
                                "@name."));
        GenerationRequest bad = r;
        bad.images[1].name = QStringLiteral("my room");
        bad.prompt = QStringLiteral("@dog plays");
        QCOMPARE(firstReason(bad), QStringLiteral("The reference name \"my room\" cannot be used: "
                                                  "a name has up to 30 bytes of letters, digits, "
                                                  "_ and -."));
        bad.images[1].name = QString(31, u'a');
        QCOMPARE(fields(bad), QStringList{QStringLiteral("references")});
        GenerationRequest twice = r;
        twice.images[1].name = QStringLiteral("Dog");
        twice.images << RequestImage{RequestImage::Role::Subject, QStringLiteral("/tmp/c.png"),
                                     QStringLiteral("DOG")};
        twice.prompt = QStringLiteral("@dog and @Dog and @DOG");
        QCOMPARE(fields(twice), QStringList{QStringLiteral("references")});
        QCOMPARE(firstReason(twice),
                 QStringLiteral("Two references are called \"Dog\": give each its own name."));
        // Every @name of the prompt needs its reference, written exactly; each named once.
        GenerationRequest unknown = r;
        unknown.prompt = QStringLiteral("@dog plays at @room with @cat and @cat, then @Room");
        const QList<RuleViolation> v = catalog().validate(unknown, ApiFamily::OpenApi);
        QCOMPARE(v.size(), 2);
        QCOMPARE(v.at(0).reason,
                 QStringLiteral("The prompt mentions @cat, but no reference has that name."));
        QCOMPARE(v.at(0).fields,
                 (QStringList{QStringLiteral("references"), QStringLiteral("prompt")}));
        QCOMPARE(v.at(1).reason, QStringLiteral("The prompt mentions @Room, but the reference is "
                                                "called @room: write the name exactly."));
        // A reference the prompt never names is not refused (the editor warns).
        GenerationRequest unused = r;
        unused.prompt = QStringLiteral("@dog plays");
        QVERIFY(fields(unused).isEmpty());
    }

    void fusionCountsPerModel() {
        GenerationRequest r = fusion(QStringLiteral("v4.5"));
        r.quality = QStringLiteral("540p");
        QVERIFY(fields(r).isEmpty());
        for (int i = 0; i < 2; ++i)
            r.images << RequestImage{RequestImage::Role::Subject, QStringLiteral("/tmp/x.png"),
                                     QStringLiteral("extra%1").arg(i)};
        QCOMPARE(fields(r), QStringList{QStringLiteral("references")});
        QCOMPARE(firstReason(r),
                 QStringLiteral("PixVerse V4.5 takes at most 3 references; remove 1."));
        // The same four fit V6; a third background does not.
        r.model = QStringLiteral("v6");
        QVERIFY(fields(r).isEmpty());
        for (int i = 0; i < 2; ++i)
            r.images << RequestImage{RequestImage::Role::Background, QStringLiteral("/tmp/b.png"),
                                     QStringLiteral("place%1").arg(i)};
        QCOMPARE(firstReason(r), QStringLiteral("PixVerse V6 takes at most 2 backgrounds."));
        // Eight subjects are within V6's subjects, not within its seven images.
        r.images.clear();
        for (int i = 0; i < 8; ++i)
            r.images << RequestImage{RequestImage::Role::Subject, QStringLiteral("/tmp/y.png"),
                                     QStringLiteral("person%1").arg(i)};
        r.prompt = QStringLiteral("@person0 waves");
        QCOMPARE(firstReason(r),
                 QStringLiteral("PixVerse V6 takes at most 7 references; remove 1."));
    }

    void fusionSettingsAsTextToVideo() {
        GenerationRequest r = fusion(QStringLiteral("v6"));
        r.aspectRatio = QStringLiteral("21:9");
        r.duration = 12;
        QVERIFY(fields(r).isEmpty());
        r.aspectRatio.clear();
        QCOMPARE(fields(r), QStringList{QStringLiteral("aspectRatio")});
        r.aspectRatio = QStringLiteral("16:9");
        r.duration = 16;
        QCOMPARE(fields(r), QStringList{QStringLiteral("duration")});
        // No motion mode in the body: "fast" neither refused nor priced on v4.5.
        r = fusion(QStringLiteral("v4.5"));
        r.motionMode = QStringLiteral("fast");
        r.duration = 8;
        r.quality = QStringLiteral("540p");
        QVERIFY(fields(r).isEmpty());
        QCOMPARE(catalog().creditCost(r), std::optional<int>(90));
        // No style, no camera movement; no multi-shot.
        r.style = QStringLiteral("anime");
        r.cameraMovement = QStringLiteral("zoom_in");
        r.multiClip = true;
        QCOMPARE(fields(r), (QStringList{QStringLiteral("multiClip"), QStringLiteral("style"),
                                         QStringLiteral("cameraMovement")}));
        QCOMPARE(catalog().validate(r, ApiFamily::OpenApi).at(1).reason,
                 QStringLiteral("\"Reference to video\" takes no style."));
        catalog().fitToModel(r, ApiFamily::OpenApi);
        QVERIFY(r.style.isEmpty() && r.cameraMovement.isEmpty() && !r.multiClip);
        QVERIFY(fields(r).isEmpty());
        // v5.5: fusion only; any other mode is refused as not offered.
        r = fusion(QStringLiteral("v5.5"));
        QVERIFY(fields(r).isEmpty());
        r.mode = GenerationMode::TextToVideo;
        QCOMPARE(fields(r), QStringList{QStringLiteral("model")});
        QVERIFY(firstReason(r).contains(QStringLiteral("PixVerse V6")));
    }

    void pricesOfEffectsAndFusion() {
        const ModelCatalog& c = catalog();
        // Effects: the model's t2v/i2v price (§2.9).
        GenerationRequest e = effect(QStringLiteral("v6"), 1);
        QCOMPARE(c.creditCost(e), std::optional<int>(45)); // 720p 9/s × 5
        e.audio = true;
        QCOMPARE(c.creditCost(e), std::optional<int>(60));
        e = effect(QStringLiteral("v4.5"), 1);
        e.quality = QStringLiteral("540p");
        e.motionMode = QStringLiteral("fast");
        QCOMPARE(c.creditCost(e), std::optional<int>(90));
        e = effect(QStringLiteral("v3.5"), 0);
        e.duration = 8;
        QCOMPARE(c.creditCost(e), std::optional<int>(120));
        // Fusion: rate × duration on V6 and C1, the clip table on the older ones.
        GenerationRequest f = fusion(QStringLiteral("v6"));
        f.duration = 7;
        QCOMPARE(c.creditCost(f), std::optional<int>(63));
        f.model = QStringLiteral("c1");
        f.quality = QStringLiteral("1080p");
        f.duration = 5;
        f.audio = true;
        QCOMPARE(c.creditCost(f), std::optional<int>(120));
        f.duration = 6; // C1 1080p ≤ 5 s
        QCOMPARE(c.creditCost(f), std::nullopt);
        f = fusion(QStringLiteral("v4.5"));
        const QList<std::tuple<QString, int, int>> table{{QStringLiteral("360p"), 5, 45},
                                                         {QStringLiteral("540p"), 8, 90},
                                                         {QStringLiteral("720p"), 5, 60},
                                                         {QStringLiteral("720p"), 8, 120},
                                                         {QStringLiteral("1080p"), 5, 120}};
        for (const auto& [quality, duration, credits] : table) {
            f.quality = quality;
            f.duration = duration;
            QCOMPARE(c.creditCost(f), std::optional<int>(credits));
        }
        f.model = QStringLiteral("v5.6");
        f.quality = QStringLiteral("720p");
        f.duration = 5;
        QCOMPARE(c.creditCost(f), std::optional<int>(45));
        f.model = QStringLiteral("v5.5"); // no published price
        QCOMPARE(c.creditCost(f), std::nullopt);
    }

    void theWebRefusesWhatItHasNoRequestFor() {
        for (const GenerationMode mode : {GenerationMode::Extend, GenerationMode::Upscale,
                                          GenerationMode::SoundEffect, GenerationMode::LipSync}) {
            const GenerationRequest r = onVideo(mode);
            const QList<RuleViolation> v = catalog().validate(r, ApiFamily::Web);
            QCOMPARE(v.size(), 1);
            QCOMPARE(v.first().field, QStringLiteral("mode"));
            QVERIFY2(v.first().reason.contains(QStringLiteral("platform API key")),
                     qPrintable(v.first().reason));
            QVERIFY(v.first().reason.contains(generationModeLabel(mode)));
        }
    }

    void transitionNeedsBothFrames() {
        GenerationRequest r = onVideo(GenerationMode::Transition);
        r.sourceVideoId = 0;
        QCOMPARE(fields(r), QStringList{QStringLiteral("images")});
        QCOMPARE(firstReason(r), QStringLiteral("Choose both the first and the last frame."));
        r.images.append({RequestImage::Role::FirstFrame, QStringLiteral("/tmp/a.png"), {}});
        QCOMPARE(fields(r), QStringList{QStringLiteral("images")});
        r.images.append({RequestImage::Role::LastFrame, QStringLiteral("/tmp/b.png"), {}});
        QVERIFY(fields(r).isEmpty());
        QVERIFY(fields(r, ApiFamily::Web).isEmpty());
        // No aspect ratio: the first frame decides.
        r.aspectRatio.clear();
        QVERIFY(fields(r).isEmpty());
        // Multi-shot is a t2v/i2v field.
        r.multiClip = true;
        QCOMPARE(fields(r), QStringList{QStringLiteral("multiClip")});
        // A model without transition on the OpenAPI (v5.6: seen on the web only).
        r.multiClip = false;
        r.model = QStringLiteral("v5.6");
        QCOMPARE(fields(r), QStringList{QStringLiteral("mode")});
        QVERIFY(fields(r, ApiFamily::Web).isEmpty());
    }

    void everyVideoModeNeedsExactlyOneSource() {
        for (const GenerationMode mode : {GenerationMode::Extend, GenerationMode::Upscale,
                                          GenerationMode::SoundEffect, GenerationMode::LipSync}) {
            GenerationRequest r = onVideo(mode);
            r.speakerId = QStringLiteral("Auto");
            r.speechText = QStringLiteral("Hello");
            QVERIFY2(fields(r).isEmpty(), qPrintable(fields(r).join(u',')));
            r.sourceVideoId = 0;
            QCOMPARE(fields(r), QStringList{QStringLiteral("source")});
            QCOMPARE(catalog().validate(r, ApiFamily::OpenApi).first().kind,
                     RuleViolation::Kind::Missing);
            QCOMPARE(firstReason(r), QStringLiteral("Choose the video to work on: a video made "
                                                    "with this sign-in or a video file."));
            r.sourceVideoPath = QStringLiteral("/tmp/take.mp4");
            QVERIFY(fields(r).isEmpty());
            r.sourceVideoId = 5;
            QCOMPARE(fields(r), QStringList{QStringLiteral("source")});
            QCOMPARE(firstReason(r),
                     QStringLiteral("Use either a video on PixVerse or a video file, not both."));
        }
    }

    void modesWithoutAModelIgnoreTheModelAndThePrompt() {
        GenerationRequest r = onVideo(GenerationMode::Upscale);
        r.model.clear();
        r.prompt.clear();
        r.quality.clear();
        r.duration = 0;
        QVERIFY(fields(r).isEmpty());
        r.model = QStringLiteral("no-such-model");
        QVERIFY(fields(r).isEmpty());
        QVERIFY(catalog().fitToModel(r, ApiFamily::OpenApi).isEmpty());
        // Sound: the description may be empty, but not junk.
        r.mode = GenerationMode::SoundEffect;
        QVERIFY(fields(r).isEmpty());
        r.prompt = QStringLiteral("rain\x07");
        QCOMPARE(fields(r), QStringList{QStringLiteral("prompt")});
        // Extend needs its prompt like any generation.
        GenerationRequest extend = onVideo(GenerationMode::Extend);
        extend.prompt.clear();
        QCOMPARE(fields(extend), QStringList{QStringLiteral("prompt")});
    }

    void extendLimits() {
        GenerationRequest r = onVideo(GenerationMode::Extend);
        r.sourceSeconds = 39.9;
        r.sourceWidth = 1920;
        r.sourceHeight = 1080;
        QVERIFY(fields(r).isEmpty());
        r.sourceSeconds = media_limits::kMaxExtendSourceSeconds;
        QCOMPARE(fields(r), QStringList{QStringLiteral("source")});
        QCOMPARE(firstReason(r), QStringLiteral("The video is 40 seconds long; PixVerse extends "
                                                "only videos shorter than 40 seconds."));
        r.sourceSeconds = 12.5;
        r.sourceWidth = 2560;
        r.sourceHeight = 1440;
        QCOMPARE(firstReason(r), QStringLiteral("The video is 2560 × 1440 pixels; PixVerse takes "
                                                "at most 1920 pixels on either side."));
        r.sourceWidth = 1080;
        r.sourceHeight = 1920;
        QVERIFY(fields(r).isEmpty());
        // C1 does not extend (§2.14).
        r.model = QStringLiteral("c1");
        QCOMPARE(fields(r), QStringList{QStringLiteral("mode")});
        QVERIFY(firstReason(r).contains(generationModeLabel(GenerationMode::Extend)));
        // Older models: their own durations and motion modes hold for the new part.
        r.model = QStringLiteral("v4.5");
        r.duration = 8;
        r.quality = QStringLiteral("540p");
        r.motionMode = QStringLiteral("fast");
        QCOMPARE(fields(r), QStringList{QStringLiteral("duration")});
    }

    void lipSyncNeedsOneAudioSource() {
        GenerationRequest r = onVideo(GenerationMode::LipSync);
        QCOMPARE(fields(r), QStringList{QStringLiteral("audioPath")});
        QCOMPARE(firstReason(r), QStringLiteral("Choose what the person says: an audio file, or "
                                                "a voice and a text."));
        r.audioPath = QStringLiteral("/tmp/voice.mp3");
        QVERIFY(fields(r).isEmpty());
        r.audioSeconds = 30.5;
        QCOMPARE(
            firstReason(r),
            QStringLiteral("The audio is 30.5 seconds long; lip sync takes at most 30 seconds."));
        r.audioSeconds = 30;
        QVERIFY(fields(r).isEmpty());
        r.speechText = QStringLiteral("Hello");
        QCOMPARE(fields(r), QStringList{QStringLiteral("audioPath")});
        QCOMPARE(firstReason(r),
                 QStringLiteral("Use either an audio file or a voice with a text, not both."));
        r.audioPath.clear();
        QCOMPARE(fields(r), QStringList{QStringLiteral("speakerId")});
        QCOMPARE(firstReason(r), QStringLiteral("Choose the voice that says the text."));
        r.speechText.clear();
        r.speakerId = QStringLiteral("3");
        QCOMPARE(fields(r), QStringList{QStringLiteral("speechText")});
        QCOMPARE(firstReason(r), QStringLiteral("Write the text the voice should say."));
        r.speechText = QString(catalog().speechTextMaxLength(), u'a');
        QVERIFY(fields(r).isEmpty());
        r.speechText += u'a';
        QCOMPARE(fields(r), QStringList{QStringLiteral("speechText")});
        QCOMPARE(catalog().validate(r, ApiFamily::OpenApi).first().kind,
                 RuleViolation::Kind::TooLong);
        // A lip sync video is at most 1920 px per side too (§2.18).
        r.speechText = QStringLiteral("Hi");
        r.sourceHeight = 2160;
        QCOMPARE(fields(r), QStringList{QStringLiteral("source")});
    }

    void pricesOfEveryMode() {
        const ModelCatalog& c = catalog();
        // Transition and extend: the model's rate × duration, or its per-clip table (§2.9).
        GenerationRequest transition = onVideo(GenerationMode::Transition);
        transition.audio = true;
        QCOMPARE(c.creditCost(transition), std::optional<int>(60)); // V6 720p 12/s × 5
        transition.model = QStringLiteral("v4.5");
        transition.audio = false;
        transition.quality = QStringLiteral("540p");
        QCOMPARE(c.creditCost(transition), std::optional<int>(45));
        GenerationRequest extend = onVideo(GenerationMode::Extend);
        extend.quality = QStringLiteral("1080p");
        extend.duration = 3;
        QCOMPARE(c.creditCost(extend), std::optional<int>(54)); // 18/s × 3, the new part only
        extend.model = QStringLiteral("c1");                    // does not extend
        QCOMPARE(c.creditCost(extend), std::nullopt);
        // Sound: 10 per started 5 s of the source; its length unknown: no price.
        GenerationRequest sound = onVideo(GenerationMode::SoundEffect);
        QCOMPARE(c.creditCost(sound), std::nullopt);
        for (const auto& [seconds, credits] : QList<std::pair<double, int>>{
                 {5.0, 10}, {5.0004, 10}, {5.2, 20}, {8, 20}, {10, 20}, {1, 10}, {15.5, 40}}) {
            sound.sourceSeconds = seconds;
            QCOMPARE(c.creditCost(sound), std::optional<int>(credits));
        }
        // Lip sync: 4 per started second of audio, or 4 per started 15 UTF-8 bytes of text.
        GenerationRequest lip = onVideo(GenerationMode::LipSync);
        lip.audioPath = QStringLiteral("/tmp/voice.wav");
        QCOMPARE(c.creditCost(lip), std::nullopt);
        lip.audioSeconds = 7.2;
        QCOMPARE(c.creditCost(lip), std::optional<int>(32));
        lip.audioPath.clear();
        lip.speakerId = QStringLiteral("Auto");
        lip.speechText = QStringLiteral("Hello");
        QCOMPARE(c.creditCost(lip), std::optional<int>(4));
        lip.speechText = QStringLiteral("Sixteen bytes!!!");
        QCOMPARE(c.creditCost(lip), std::optional<int>(8));
        lip.speechText = QStringLiteral("Привет!"); // 13 bytes in UTF-8
        QCOMPARE(c.creditCost(lip), std::optional<int>(4));
        lip.speechText = QStringLiteral("Привет, мир"); // 20 bytes
        QCOMPARE(c.creditCost(lip), std::optional<int>(8));
        // Upscale: not published; the service says afterwards.
        QCOMPARE(c.creditCost(onVideo(GenerationMode::Upscale)), std::nullopt);
    }

    void fitToModelKeepsTheModeWhereTheModelMakesIt() {
        GenerationRequest r = onVideo(GenerationMode::Extend);
        r.model = QStringLiteral("v4.5");
        r.duration = 12;
        const QList<SettingChange> changes = catalog().fitToModel(r, ApiFamily::OpenApi);
        QCOMPARE(r.mode, GenerationMode::Extend);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().field, QStringLiteral("duration"));
        QCOMPARE(r.duration, 8);
        QVERIFY(catalog().validate(r, ApiFamily::OpenApi).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCatalogModes)
#include "tst_catalogmodes.moc"
