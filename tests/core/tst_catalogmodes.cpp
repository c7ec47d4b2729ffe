// ModelCatalog and the modes of issue 16: who makes what in which family, the inputs each mode
// needs with one sentence per refusal, and the price of every mode (§2.9, §2.13–§2.18, §3.13).
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
        QVERIFY(!catalog().familyOffersMode(GenerationMode::Fusion, ApiFamily::OpenApi));
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
