#include "core/generation/ModelCatalog.h"

#include <QFile>
#include <QJsonObject>
#include <QSize>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;

namespace {
GenerationRequest request(const QString& model, const QString& quality, int duration,
                          const QString& motion = QStringLiteral("normal")) {
    GenerationRequest r;
    r.prompt = QStringLiteral("A red fox running through snow");
    r.model = model;
    r.quality = quality;
    r.duration = duration;
    r.motionMode = motion;
    return r;
}

bool refuses(const GenerationRequest& r, ApiFamily family = ApiFamily::OpenApi) {
    return !ModelCatalog::builtIn().validate(r, family).isEmpty();
}
} // namespace

class TestModelCatalog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void builtInCoversTheDocumentedModels() {
        const auto& c = ModelCatalog::builtIn();
        auto ids = [&c](ApiFamily family) {
            QStringList out;
            for (const ModelSpec& m : c.offeredModels(family))
                out << m.serviceId(family);
            return out;
        };
        // Newest first; each family only what it accepts today (§2.11, §3.10). v5.5 is offered
        // nowhere: the OpenAPI documents it for fusion only and nobody publishes its price.
        QCOMPARE(ids(ApiFamily::OpenApi),
                 (QStringList{QStringLiteral("v6"), QStringLiteral("c1"), QStringLiteral("v5.6"),
                              QStringLiteral("v5"), QStringLiteral("v4.5"), QStringLiteral("v4"),
                              QStringLiteral("v3.5")}));
        QCOMPARE(ids(ApiFamily::Web),
                 (QStringList{QStringLiteral("v6"), QStringLiteral("pixverse-c1"),
                              QStringLiteral("v5.6")}));
        QCOMPARE(c.defaultModel(ApiFamily::OpenApi), QStringLiteral("v6"));
        QCOMPARE(c.defaultModel(ApiFamily::Web), QStringLiteral("v6"));
        QVERIFY(!c.model(QStringLiteral("v5.5"))->offeredFor(ApiFamily::OpenApi));
        // C1 is one model under two ids.
        QCOMPARE(c.model(QStringLiteral("pixverse-c1")), c.model(QStringLiteral("c1")));
        QCOMPARE(c.model(QStringLiteral("c1"))->serviceId(ApiFamily::OpenApi),
                 QStringLiteral("c1"));
        for (const char* id : {"v5.6", "v6", "c1"}) {
            const ModelSpec* m = c.model(QLatin1String(id));
            QVERIFY2(m, id);
            QVERIFY(m->hasSwitch(QStringLiteral("audio"), ApiFamily::OpenApi));
            QVERIFY(m->hasSwitch(QStringLiteral("offPeak"), ApiFamily::Web));
            QVERIFY(!m->hasSwitch(QStringLiteral("offPeak"), ApiFamily::OpenApi));
            QVERIFY(m->durationIsRange());
            // The web has first and last frame for its three models (§3.10, §3.11).
            QCOMPARE(m->modes(ApiFamily::Web),
                     (QStringList{QStringLiteral("t2v"), QStringLiteral("i2v"),
                                  QStringLiteral("transition")}));
        }
        const ModelSpec* v6 = c.model(QStringLiteral("v6"));
        QCOMPARE(v6->durations().size(), 15);
        QCOMPARE(v6->minDuration(), 1);
        QCOMPARE(v6->maxDuration(), 15);
        QVERIFY(v6->hasSwitch(QStringLiteral("multiClip"), ApiFamily::OpenApi));
        QVERIFY(v6->motionModes.isEmpty());
        QVERIFY(!v6->waterMark);
        QVERIFY(v6->styles.contains(QStringLiteral("realistic")));
        QVERIFY(c.model(QStringLiteral("c1"))->styles.isEmpty());
        QVERIFY(!c.model(QStringLiteral("c1"))
                     ->hasSwitch(QStringLiteral("multiClip"), ApiFamily::OpenApi));
        QCOMPARE(c.model(QStringLiteral("v5.6"))->maxDuration(), 10);
        const ModelSpec* v45 = c.model(QStringLiteral("v4.5"));
        QVERIFY(!v45->durationIsRange());
        QCOMPARE(v45->durations(), (QList<int>{5, 8}));
        QVERIFY(v45->waterMark);
        QCOMPARE(v45->motionModes, (QStringList{QStringLiteral("normal"), QStringLiteral("fast")}));
        QVERIFY(!v45->hasSwitch(QStringLiteral("audio"), ApiFamily::OpenApi));
        QCOMPARE(c.model(QStringLiteral("c1"))->aspectRatios(ApiFamily::OpenApi).size(), 8);
        QVERIFY(!c.model(QStringLiteral("c1"))
                     ->aspectRatios(ApiFamily::Web)
                     .contains(QStringLiteral("21:9")));
        QCOMPARE(c.promptMaxLength(ApiFamily::OpenApi), 2048);
        QCOMPARE(c.promptMaxLength(ApiFamily::Web), 5000); // §3.10
        QCOMPARE(c.promptMaxLength(QStringLiteral("v6"), ApiFamily::OpenApi), 5000);
        QCOMPARE(c.promptMaxLength(QStringLiteral("c1"), ApiFamily::OpenApi), 2048);
        QCOMPARE(c.promptMaxLength(QStringLiteral("v4.5"), ApiFamily::OpenApi), 2048);
        QCOMPARE(c.promptMaxLength(QStringLiteral("pixverse-c1"), ApiFamily::Web), 5000);
        QCOMPARE(c.negativePromptMaxLength(), 2048);
        QCOMPARE(c.seedMax(), qint64(2147483647));
    }

    void modesHaveIdsAndLabels() {
        for (const GenerationMode mode : allGenerationModes()) {
            QCOMPARE(generationModeFromId(generationModeId(mode)), mode);
            QVERIFY(!generationModeLabel(mode).isEmpty());
        }
        QCOMPARE(allGenerationModes().size(), 9);
        QCOMPARE(generationModeId(GenerationMode::Transition), QStringLiteral("transition"));
        QCOMPARE(generationModeLabel(GenerationMode::Fusion), QStringLiteral("Reference to video"));
        QVERIFY(!generationModeFromId(QStringLiteral("x2v")));
        GenerationRequest r = request(QStringLiteral("v6"), QStringLiteral("540p"), 5);
        r.mode = GenerationMode::Fusion; // the OpenAPI only (issue 17)
        const auto v = ModelCatalog::builtIn().validate(r, ApiFamily::Web);
        QCOMPARE(v.size(), 1);
        QCOMPARE(v.first().field, QStringLiteral("mode"));
        QCOMPARE(ModelCatalog::builtIn().validate(r, ApiFamily::OpenApi).first().field,
                 QStringLiteral("references")); // without its references
        r.mode = GenerationMode::ImageToVideo;  // without its image
        QCOMPARE(ModelCatalog::builtIn().validate(r, ApiFamily::OpenApi).first().field,
                 QStringLiteral("images"));
    }

    void outputSizesFollowTheModelsRule_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("quality");
        QTest::addColumn<QString>("aspect");
        QTest::addColumn<QSize>("size");
        // §2.11: the long edge on V6/C1; the short side on the older models (§6).
        QTest::newRow("v6 540p 16:9") << "v6"
                                      << "540p"
                                      << "16:9" << QSize(1024, 576);
        QTest::newRow("v6 720p 21:9") << "v6"
                                      << "720p"
                                      << "21:9" << QSize(1280, 548);
        QTest::newRow("v6 720p 3:2") << "v6"
                                     << "720p"
                                     << "3:2" << QSize(1280, 852);
        QTest::newRow("c1 1080p 9:16") << "c1"
                                       << "1080p"
                                       << "9:16" << QSize(1080, 1920);
        QTest::newRow("v6 360p 1:1") << "v6"
                                     << "360p"
                                     << "1:1" << QSize(640, 640);
        QTest::newRow("v4.5 540p 16:9") << "v4.5"
                                        << "540p"
                                        << "16:9" << QSize(960, 540);
        QTest::newRow("v5.6 720p 9:16") << "v5.6"
                                        << "720p"
                                        << "9:16" << QSize(720, 1280);
        QTest::newRow("v4 unknown quality") << "v4"
                                            << "480p"
                                            << "16:9" << QSize();
    }
    void outputSizesFollowTheModelsRule() {
        QFETCH(QString, model);
        QFETCH(QString, quality);
        QFETCH(QString, aspect);
        QFETCH(QSize, size);
        QCOMPARE(ModelCatalog::builtIn().model(model)->outputSize(quality, aspect), size);
    }

    void perSecondPrices() {
        const auto& c = ModelCatalog::builtIn();
        // §2.9: V6 720p is 9 credits a second, 12 with sound.
        GenerationRequest r = request(QStringLiteral("v6"), QStringLiteral("720p"), 12);
        r.aspectRatio = QStringLiteral("21:9");
        r.audio = true;
        QVERIFY(!refuses(r));
        QCOMPARE(c.creditsPerSecond(r), 12);
        QCOMPARE(c.creditCost(r), 144);
        r.audio = false;
        QCOMPARE(c.creditCost(r), 108);
        r.duration = 5;
        r.audio = true;
        QCOMPARE(c.creditCost(r), 60); // §2.9's example: $0.60
        r.model = QStringLiteral("c1");
        r.quality = QStringLiteral("1080p");
        QCOMPARE(c.creditCost(r), 120);
        r.model = QStringLiteral("pixverse-c1"); // the web's id prices the same
        QCOMPARE(c.creditCost(r), 120);
        r.model = QStringLiteral("v4.5");
        r.aspectRatio = QStringLiteral("16:9");
        r.audio = false;
        QVERIFY(!c.creditsPerSecond(r));
        QCOMPARE(c.creditCost(r), 120);
        // v5.6: only 720p and 1080p at 5 s are published, with and without sound.
        r.model = QStringLiteral("v5.6");
        r.quality = QStringLiteral("720p");
        QCOMPARE(c.creditCost(r), 45);
        r.audio = true;
        QCOMPARE(c.creditCost(r), 80);
        r.quality = QStringLiteral("1080p");
        QCOMPARE(c.creditCost(r), 150);
        r.duration = 6;
        QVERIFY(!refuses(r));
        QVERIFY(!c.creditCost(r)); // allowed, but nobody published the price
    }

    void promptLimitIsPerModel() {
        GenerationRequest r = request(QStringLiteral("v6"), QStringLiteral("540p"), 5);
        r.prompt = QString(4500, QLatin1Char('a'));
        QVERIFY(!refuses(r)); // V6 takes 5000
        r.model = QStringLiteral("c1");
        const auto v = ModelCatalog::builtIn().validate(r, ApiFamily::OpenApi);
        QCOMPARE(v.size(), 1);
        QCOMPARE(v.first().kind, RuleViolation::Kind::TooLong);
        QVERIFY(v.first().reason.contains(QStringLiteral("2048")));
        r.model = QStringLiteral("v4.5");
        QVERIFY(refuses(r));
        r.model = QStringLiteral("pixverse-c1");
        QVERIFY(!refuses(r, ApiFamily::Web)); // the website takes 5000 on every model
        r.model = QStringLiteral("v6");
        r.prompt = QString(5001, QLatin1Char('a'));
        QVERIFY(refuses(r));
    }

    void aV6SeedIsNotAPromiseOfTheSameVideo() {
        // §2.11: PixVerse records a V6 seed but does not reproduce a run from it.
        QVERIFY(!ModelCatalog::builtIn().model(QStringLiteral("v6"))->seedReproduces);
        QVERIFY(ModelCatalog::builtIn().model(QStringLiteral("v4.5"))->seedReproduces);
    }

    void aModelTheFamilyNoLongerOffersIsRefusedBeforeSending() {
        // The website no longer takes v3.5–v5.5 (§3.10); a retried or reused old job must say
        // so itself, not send and read "Invalid parameter".
        GenerationRequest r = request(QStringLiteral("v4.5"), QStringLiteral("540p"), 5);
        QVERIFY(!refuses(r)); // the platform still takes it
        const auto web = ModelCatalog::builtIn().validate(r, ApiFamily::Web);
        QCOMPARE(web.size(), 1);
        QCOMPARE(web.first().field, QStringLiteral("model"));
        QVERIFY2(web.first().reason.contains(u"PixVerse V6"), qPrintable(web.first().reason));
        r.model = QStringLiteral("v5.5"); // offered nowhere
        QVERIFY(refuses(r));
        r.model = QStringLiteral("v6");
        QVERIFY(!refuses(r, ApiFamily::Web));
    }

    void switchesAndLegacyFieldsPerModel() {
        GenerationRequest r = request(QStringLiteral("v6"), QStringLiteral("540p"), 7);
        r.audio = true;
        r.multiClip = true;
        r.style = QStringLiteral("realistic");
        QVERIFY(!refuses(r));
        r.model = QStringLiteral("c1");
        auto v = ModelCatalog::builtIn().validate(r, ApiFamily::OpenApi);
        QStringList fields;
        for (const RuleViolation& violation : v)
            fields << violation.field;
        QCOMPARE(fields, (QStringList{QStringLiteral("style"), QStringLiteral("multiClip")}));
        r = request(QStringLiteral("v6"), QStringLiteral("540p"), 7, QStringLiteral("fast"));
        QCOMPARE(ModelCatalog::builtIn().validate(r, ApiFamily::OpenApi).first().field,
                 QStringLiteral("motionMode"));
        r.motionMode = QStringLiteral("normal"); // the default means "none" on V6
        QVERIFY(!refuses(r));
        r.model = QStringLiteral("v4.5");
        r.duration = 5;
        r.audio = true;
        QVERIFY(refuses(r));
        r.audio = false;
        r.style = QStringLiteral("realistic"); // V6's own style
        QVERIFY(refuses(r));
        r.style = QStringLiteral("anime");
        QVERIFY(!refuses(r));
        r = request(QStringLiteral("c1"), QStringLiteral("1080p"), 6);
        QVERIFY(refuses(r)); // C1 1080p at most 5 s
        r.duration = 5;
        QVERIFY(!refuses(r));
        r = request(QStringLiteral("v5.6"), QStringLiteral("1080p"), 9);
        QVERIFY(refuses(r));
        r.duration = 8;
        QVERIFY(!refuses(r));
        r.aspectRatio = QStringLiteral("3:2");
        QVERIFY(refuses(r, ApiFamily::OpenApi));
        QVERIFY(!refuses(r, ApiFamily::Web));
    }

    void fitToModelKeepsWhatIsValid() {
        const auto& c = ModelCatalog::builtIn();
        GenerationRequest r = request(QStringLiteral("v6"), QStringLiteral("1080p"), 12);
        r.aspectRatio = QStringLiteral("21:9");
        r.audio = true;
        r.multiClip = true;
        r.style = QStringLiteral("realistic");
        r.seed = 42;
        // To C1: 1080p stays, so the duration goes to the longest C1 allows at 1080p; no
        // multi-clip, no style; sound and 21:9 stay.
        GenerationRequest toC1 = r;
        toC1.model = QStringLiteral("c1");
        QList<SettingChange> changes = c.fitToModel(toC1, ApiFamily::OpenApi);
        QStringList changed;
        for (const SettingChange& change : changes) {
            changed << change.field;
            QVERIFY2(!change.reason.isEmpty(), qPrintable(change.field));
        }
        QCOMPARE(changed, (QStringList{QStringLiteral("duration"), QStringLiteral("multiClip"),
                                       QStringLiteral("style")}));
        QCOMPARE(changes.first().from, QStringLiteral("12"));
        QCOMPARE(changes.first().to, QStringLiteral("5"));
        QCOMPARE(toC1.quality, QStringLiteral("1080p"));
        QVERIFY(toC1.audio);
        QCOMPARE(toC1.aspectRatio, QStringLiteral("21:9"));
        QCOMPARE(toC1.seed, r.seed);
        QVERIFY(c.validate(toC1, ApiFamily::OpenApi).isEmpty());
        // To v4.5: 12 s → 8 s is the nearest, but 1080p is 5 s only; 21:9 → 16:9; no sound.
        GenerationRequest toV45 = r;
        toV45.model = QStringLiteral("v4.5");
        changes = c.fitToModel(toV45, ApiFamily::OpenApi);
        QCOMPARE(toV45.duration, 5);
        QCOMPARE(toV45.quality, QStringLiteral("1080p"));
        QCOMPARE(toV45.aspectRatio, QStringLiteral("16:9"));
        QVERIFY(!toV45.audio);
        QVERIFY(!toV45.multiClip);
        QCOMPARE(toV45.style, QString()); // realistic is V6's
        QVERIFY(c.validate(toV45, ApiFamily::OpenApi).isEmpty());
        QStringList fields;
        for (const SettingChange& change : changes)
            fields << change.field;
        QCOMPARE(fields, (QStringList{QStringLiteral("aspectRatio"), QStringLiteral("duration"),
                                      QStringLiteral("audio"), QStringLiteral("multiClip"),
                                      QStringLiteral("style")}));
        // 720p 12 s → v4.5: the nearest allowed duration is 8.
        GenerationRequest plain = request(QStringLiteral("v6"), QStringLiteral("720p"), 12);
        plain.model = QStringLiteral("v4.5");
        changes = c.fitToModel(plain, ApiFamily::OpenApi);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(plain.duration, 8);
        // Nothing to change: nothing reported.
        changes = c.fitToModel(plain, ApiFamily::OpenApi);
        QVERIFY(changes.isEmpty());
    }

    void fitToModelOnTheWeb() {
        const auto& c = ModelCatalog::builtIn();
        // Off-peak exists on every web model; multi-shot only on V6; C1 has no 21:9 on the web.
        GenerationRequest r = request(QStringLiteral("v6"), QStringLiteral("720p"), 9);
        r.aspectRatio = QStringLiteral("21:9");
        r.offPeak = true;
        r.multiClip = true;
        r.setStartImage(QStringLiteral("/tmp/still.png"));
        QVERIFY(c.validate(r, ApiFamily::Web).isEmpty());
        r.model = QStringLiteral("pixverse-c1");
        const QList<SettingChange> changes = c.fitToModel(r, ApiFamily::Web);
        QStringList fields;
        for (const SettingChange& change : changes)
            fields << change.field;
        // Image-to-video: the image decides the frame, so 21:9 is not in the way.
        QCOMPARE(fields, QStringList{QStringLiteral("multiClip")});
        QVERIFY(r.offPeak);
        QCOMPARE(r.duration, 9);
        QCOMPARE(r.mode, GenerationMode::ImageToVideo);
        r.setStartImage({});
        QCOMPARE(c.fitToModel(r, ApiFamily::Web).first().to, QStringLiteral("16:9"));
        QVERIFY(c.validate(r, ApiFamily::Web).isEmpty());
        // A mode the model does not take falls back to text-to-video, with the reason.
        r.mode = GenerationMode::Extend;
        const QList<SettingChange> mode = c.fitToModel(r, ApiFamily::Web);
        QCOMPARE(mode.size(), 1);
        QCOMPARE(mode.first().field, QStringLiteral("mode"));
        QCOMPARE(mode.first().to, QStringLiteral("t2v"));
        QVERIFY(mode.first().reason.contains(generationModeLabel(GenerationMode::Extend)));
    }

    void pricesMatchThePricingTable_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("quality");
        QTest::addColumn<QString>("motion");
        QTest::addColumn<int>("duration");
        QTest::addColumn<int>("credits"); // -1: no price, the combination is refused
        // ../shared/pixverse-api.md §2.9
        for (const char* m : {"v3.5", "v4", "v4.5"}) {
            const QString model = QLatin1String(m);
            auto row = [&](const char* q, const char* motion, int d, int credits) {
                QTest::addRow("%s %s %s %ds", m, q, motion, d)
                    << model << QString::fromLatin1(q) << QString::fromLatin1(motion) << d
                    << credits;
            };
            row("360p", "normal", 5, 45);
            row("360p", "normal", 8, 90);
            row("540p", "normal", 5, 45);
            row("540p", "normal", 8, 90);
            row("360p", "fast", 5, 90);
            row("540p", "fast", 5, 90);
            row("540p", "fast", 8, -1);
            row("720p", "normal", 5, 60);
            row("720p", "normal", 8, 120);
            row("720p", "fast", 5, 120);
            row("720p", "fast", 8, -1);
            row("1080p", "normal", 5, 120);
            row("1080p", "normal", 8, -1);
            row("1080p", "fast", 5, -1);
        }
        auto v5 = [](const char* q, int d, int credits) {
            QTest::addRow("v5 %s %ds", q, d) << QStringLiteral("v5") << QString::fromLatin1(q)
                                             << QStringLiteral("normal") << d << credits;
        };
        v5("360p", 5, 45);
        v5("360p", 8, 90);
        v5("540p", 5, 45);
        v5("540p", 8, 90);
        v5("720p", 5, 60);
        v5("720p", 8, 120);
        v5("1080p", 5, 120);
        v5("1080p", 8, 240);
    }
    void pricesMatchThePricingTable() {
        QFETCH(QString, model);
        QFETCH(QString, quality);
        QFETCH(QString, motion);
        QFETCH(int, duration);
        QFETCH(int, credits);
        const GenerationRequest r = request(model, quality, duration, motion);
        const auto cost = ModelCatalog::builtIn().creditCost(r);
        if (credits < 0) {
            QVERIFY(!cost);
            QVERIFY2(refuses(r), "a combination without a price must be refused");
        } else {
            QCOMPARE(cost.value_or(-1), credits);
            QVERIFY2(!refuses(r), "a priced combination must be allowed");
        }
    }

    void everyPricedCombinationIsAllowedAndEveryAllowedOneIsPriced() {
        const auto& c = ModelCatalog::builtIn();
        int allowed = 0;
        int unpriced = 0;
        for (const ModelSpec& m : c.offeredModels(ApiFamily::OpenApi)) {
            for (const QString& q : m.qualities)
                for (int d : m.durations())
                    for (const QString& motion : m.motionChoices())
                        for (const bool audio : {false, true}) {
                            GenerationRequest r = request(m.id, q, d, motion);
                            r.audio = audio;
                            const bool ok = c.validate(r, ApiFamily::OpenApi).isEmpty();
                            if (c.creditCost(r))
                                QVERIFY2(ok,
                                         qPrintable(m.id + u' ' + q + u' ' + QString::number(d) +
                                                    u' ' + motion + (audio ? u" audio" : u"")));
                            else if (ok)
                                ++unpriced;
                            allowed += ok ? 1 : 0;
                        }
        }
        // v3.5–v4.5: 10 each; v5: 8; V6: 15 s × 4 × 2; C1: 15 × 3 × 2 + 5 × 2; v5.6: 10 × 3 × 2
        // + 8 × 2.
        QCOMPARE(allowed, 3 * 10 + 8 + 120 + 100 + 76);
        QCOMPARE(unpriced, 76 - 4); // v5.6 has prices for 720p/1080p 5 s only (§2.9)
    }

    void theDocumentedRulesHold() {
        QVERIFY(refuses(request(QStringLiteral("v4.5"), QStringLiteral("1080p"), 8)));
        QVERIFY(!refuses(request(QStringLiteral("v5"), QStringLiteral("1080p"), 8)));
        QVERIFY(refuses(
            request(QStringLiteral("v4"), QStringLiteral("540p"), 8, QStringLiteral("fast"))));
        QVERIFY(refuses(
            request(QStringLiteral("v3.5"), QStringLiteral("1080p"), 5, QStringLiteral("fast"))));
        QVERIFY(refuses(
            request(QStringLiteral("v5"), QStringLiteral("540p"), 5, QStringLiteral("fast"))));
        QVERIFY(refuses(request(QStringLiteral("v9"), QStringLiteral("540p"), 5)));
        QVERIFY(refuses(request(QStringLiteral("v4.5"), QStringLiteral("480p"), 5)));
        QVERIFY(refuses(request(QStringLiteral("v4.5"), QStringLiteral("540p"), 6)));
        QVERIFY(!refuses(request(QStringLiteral("v6"), QStringLiteral("540p"), 5), ApiFamily::Web));
        QVERIFY(!refuses(request(QStringLiteral("v6"), QStringLiteral("540p"), 13)));
        QVERIFY(refuses(request(QStringLiteral("v6"), QStringLiteral("540p"), 16)));
        QVERIFY(refuses(request(QStringLiteral("v6"), QStringLiteral("540p"), 0)));

        GenerationRequest r = request(QStringLiteral("v4.5"), QStringLiteral("540p"), 5);
        r.aspectRatio = QStringLiteral("21:9");
        QVERIFY(refuses(r));
        // image-to-video: the image decides the aspect
        r.setStartImage(QStringLiteral("/tmp/cat.png"));
        QVERIFY(!refuses(r));
        r.aspectRatio.clear();
        QVERIFY(!refuses(r));
        r.setStartImage({});
        const auto missing = ModelCatalog::builtIn().validate(r, ApiFamily::OpenApi);
        QCOMPARE(missing.size(), 1);
        QCOMPARE(missing.first().kind, RuleViolation::Kind::Missing);
        QCOMPARE(missing.first().field, QStringLiteral("aspectRatio"));
    }

    void promptLimitsCountUnicodeCharacters() {
        GenerationRequest r = request(QStringLiteral("v4.5"), QStringLiteral("540p"), 5);
        r.prompt = QString(2048, QLatin1Char('a'));
        QVERIFY(!refuses(r));
        r.prompt += QLatin1Char('a');
        auto v = ModelCatalog::builtIn().validate(r, ApiFamily::OpenApi);
        QCOMPARE(v.size(), 1);
        QCOMPARE(v.first().kind, RuleViolation::Kind::TooLong);
        QVERIFY(v.first().reason.contains(QStringLiteral("2049")));
        // 2048 emoji are 4096 UTF-16 units but 2048 characters for the service.
        const QString fox = QString::fromUcs4(U"\U0001F98A");
        QCOMPARE(promptLength(fox), 1);
        r.prompt = fox.repeated(2048);
        QVERIFY(!refuses(r));
        r.negativePrompt = fox.repeated(2049);
        v = ModelCatalog::builtIn().validate(r, ApiFamily::OpenApi);
        QCOMPARE(v.size(), 1);
        QCOMPARE(v.first().field, QStringLiteral("negativePrompt"));
        r.negativePrompt.clear();
        // The website takes 5000 characters (§3.10) on every model it offers (v5.6: 2048 on the
        // OpenAPI); the negative prompt stays at 2048.
        r.model = QStringLiteral("v5.6");
        r.prompt = QString(4500, QLatin1Char('a'));
        QVERIFY(ModelCatalog::builtIn().validate(r, ApiFamily::Web).isEmpty());
        QCOMPARE(ModelCatalog::builtIn().validate(r, ApiFamily::OpenApi).size(), 1);
        r.prompt = QString(5001, QLatin1Char('a'));
        QCOMPARE(ModelCatalog::builtIn().validate(r, ApiFamily::Web).size(), 1);
        r.prompt = QStringLiteral("a");
        r.negativePrompt = QString(2049, QLatin1Char('a'));
        QCOMPARE(ModelCatalog::builtIn().validate(r, ApiFamily::Web).first().field,
                 QStringLiteral("negativePrompt"));
        r.negativePrompt.clear();
        // A table with one number for both families still reads.
        const std::optional<ModelCatalog> single =
            ModelCatalog::fromJson("{\"version\": 1, \"promptMaxLength\": 1000, \"models\": [{"
                                   "\"id\": \"m\", \"families\": [\"openapi\", \"web\"], "
                                   "\"durations\": [5], \"qualities\": [\"540p\"], "
                                   "\"aspectRatios\": [\"16:9\"]}]}");
        QVERIFY(single);
        QCOMPARE(single->promptMaxLength(ApiFamily::Web), 1000);
        QCOMPARE(single->negativePromptMaxLength(), 1000);
        r.prompt = QStringLiteral("   \t\n");
        v = ModelCatalog::builtIn().validate(r, ApiFamily::OpenApi);
        QCOMPARE(v.first().kind, RuleViolation::Kind::Missing);
    }

    void seedRange() {
        GenerationRequest r = request(QStringLiteral("v4.5"), QStringLiteral("540p"), 5);
        for (qint64 ok : {qint64(0), qint64(2147483647)}) {
            r.seed = ok;
            QVERIFY(!refuses(r));
        }
        for (qint64 bad : {qint64(-1), qint64(2147483648)}) {
            r.seed = bad;
            QVERIFY(refuses(r));
        }
    }

    void styleCameraAndSwitches() {
        GenerationRequest r = request(QStringLiteral("v3.5"), QStringLiteral("540p"), 5);
        r.style = QStringLiteral("anime");
        QVERIFY(!refuses(r));
        r.model = QStringLiteral("c1");
        r.duration = 5;
        QVERIFY(refuses(r)); // C1 takes no style (§2.11)
        r.model = QStringLiteral("v4.5");
        QVERIFY(!refuses(r)); // the v3.5-era list, on every model up to v5.6
        r.style.clear();
        r.cameraMovement = QStringLiteral("zoom_in");
        QVERIFY(!refuses(r));
        r.model = QStringLiteral("v3.5");
        QVERIFY(refuses(r)); // camera movement is v4/v4.5 only
        r.model = QStringLiteral("v4");
        r.cameraMovement = QStringLiteral("auto_camera");
        QVERIFY(!refuses(r));
        r.setStartImage(QStringLiteral("/tmp/cat.png"));
        QVERIFY(refuses(r)); // auto_camera is on the text-to-video list only
        r.setStartImage({});
        r.cameraMovement.clear();
        r.model = QStringLiteral("v6"); // offered in both families
        r.offPeak = true;
        QVERIFY(refuses(r, ApiFamily::OpenApi));
        QVERIFY(!refuses(r, ApiFamily::Web));
        QVERIFY(ModelCatalog::builtIn()
                    .switchesFor(ApiFamily::Web)
                    .contains(QStringLiteral("offPeak")));
        QVERIFY(!ModelCatalog::builtIn()
                     .switchesFor(ApiFamily::OpenApi)
                     .contains(QStringLiteral("offPeak")));
    }

    void whyNotAllowedExplainsDisabledChoices() {
        const auto& c = ModelCatalog::builtIn();
        GenerationRequest r = request(QStringLiteral("v4.5"), QStringLiteral("540p"), 8);
        const auto why1080 = c.whyNotAllowed(r, ApiFamily::OpenApi, QStringLiteral("quality"),
                                             QStringLiteral("1080p"));
        QVERIFY(why1080);
        QVERIFY(why1080->contains(QStringLiteral("1080p")));
        QVERIFY(c.whyNotAllowed(r, ApiFamily::OpenApi, QStringLiteral("motionMode"),
                                QStringLiteral("fast")));
        QVERIFY(!c.whyNotAllowed(r, ApiFamily::OpenApi, QStringLiteral("quality"),
                                 QStringLiteral("720p")));
        r.prompt.clear(); // an empty prompt does not make every choice look forbidden
        QVERIFY(!c.whyNotAllowed(r, ApiFamily::OpenApi, QStringLiteral("quality"),
                                 QStringLiteral("720p")));
        r.model = QStringLiteral("v5");
        QVERIFY(!c.whyNotAllowed(r, ApiFamily::OpenApi, QStringLiteral("quality"),
                                 QStringLiteral("1080p")));
    }

    void aNewerFileInTheDataDirectoryOverridesTheBuiltInTable() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QCOMPARE(ModelCatalog::load(dir.path()).version(), ModelCatalog::builtIn().version());

        QFile builtin(QStringLiteral(":/pixverse/models.json"));
        QVERIFY(builtin.open(QIODevice::ReadOnly));
        QByteArray json = builtin.readAll();
        const QByteArray oldVersion =
            "\"version\": " + QByteArray::number(ModelCatalog::builtIn().version());
        QVERIFY(json.contains(oldVersion));

        auto write = [&dir](const QByteArray& bytes) {
            QFile f(dir.filePath(QStringLiteral("models.json")));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(bytes);
        };
        // Same version: ignored.
        write(QByteArray(json).replace("\"label\": \"PixVerse V5\"", "\"label\": \"Renamed\""));
        QCOMPARE(ModelCatalog::load(dir.path()).model(QStringLiteral("v5"))->label,
                 QStringLiteral("PixVerse V5"));
        // Newer version (the version-3 form) with V5.5 offered on the OpenAPI: a data change, no
        // rebuild.
        QByteArray newer = json;
        newer.replace(oldVersion, "\"version\": 999");
        const QByteArray hidden = "\"openapi\": {\n          \"offered\": false,";
        QVERIFY(newer.contains(hidden));
        newer.replace(hidden, "\"openapi\": {\n          \"offered\": true,");
        newer.replace("\"label\": \"PixVerse V5.5\",\n      \"offered\": false",
                      "\"label\": \"PixVerse V5.5\",\n      \"offered\": true");
        write(newer);
        const ModelCatalog loaded = ModelCatalog::load(dir.path());
        QCOMPARE(loaded.version(), 999);
        QVERIFY(loaded.model(QStringLiteral("v5.5"))->offeredFor(ApiFamily::OpenApi));
        QVERIFY(!loaded.model(QStringLiteral("v5.5"))->offeredFor(ApiFamily::Web));
        QCOMPARE(loaded.offeredModels(ApiFamily::OpenApi).size(),
                 ModelCatalog::builtIn().offeredModels(ApiFamily::OpenApi).size() + 1);
        QCOMPARE(loaded.model(QStringLiteral("pixverse-c1"))->creditsPerSecond.size(), 4);
        // Broken file: the built-in table stays.
        write("{ not json");
        QCOMPARE(ModelCatalog::load(dir.path()).version(), ModelCatalog::builtIn().version());
        QString error;
        QVERIFY(!ModelCatalog::fromJson("{\"version\": 2, \"models\": [{}]}", &error));
        QVERIFY(!error.isEmpty());
    }

    void requestRoundTripsThroughJson() {
        GenerationRequest r =
            request(QStringLiteral("v4"), QStringLiteral("720p"), 5, QStringLiteral("fast"));
        r.negativePrompt = QStringLiteral("blurry");
        r.seed = 2147483647;
        r.cameraMovement = QStringLiteral("zoom_in");
        r.setStartImage(QStringLiteral("/tmp/кот.png"));
        QCOMPARE(GenerationRequest::fromJson(r.toJson()), r);
        r.seed.reset();
        QCOMPARE(GenerationRequest::fromJson(r.toJson()), r);
        QCOMPARE(r.toJson().value(u"mode").toString(), QStringLiteral("i2v"));
        // Every input of the later modes survives too.
        GenerationRequest fusion;
        fusion.mode = GenerationMode::Fusion;
        fusion.images = {
            {RequestImage::Role::Subject, QStringLiteral("/tmp/cat.png"), QStringLiteral("cat")},
            {RequestImage::Role::Background, QStringLiteral("/tmp/room.png"),
             QStringLiteral("room")}};
        fusion.sourceVideoId = 370981546391559;
        fusion.sourceVideoPath = QStringLiteral("/tmp/source.mp4");
        fusion.templateId = 12;
        fusion.audioPath = QStringLiteral("/tmp/voice.mp3");
        fusion.speechText = QStringLiteral("Привет");
        fusion.speakerId = QStringLiteral("Auto");
        fusion.multiClip = true;
        QCOMPARE(GenerationRequest::fromJson(fusion.toJson()), fusion);
        QVERIFY(fusion.startImagePath().isEmpty());
        QCOMPARE(fusion.imagePath(RequestImage::Role::Background), QStringLiteral("/tmp/room.png"));
    }

    void oldRequestJsonReads() {
        // As stored before issue 15: no mode, the image in imagePath, multiShot.
        const QJsonObject i2v{{QStringLiteral("prompt"), QStringLiteral("The cat blinks")},
                              {QStringLiteral("model"), QStringLiteral("v4.5")},
                              {QStringLiteral("duration"), 5},
                              {QStringLiteral("multiShot"), true},
                              {QStringLiteral("imagePath"), QStringLiteral("/tmp/cat.png")}};
        const GenerationRequest read = GenerationRequest::fromJson(i2v);
        QCOMPARE(read.mode, GenerationMode::ImageToVideo);
        QVERIFY(read.isImageToVideo());
        QCOMPARE(read.startImagePath(), QStringLiteral("/tmp/cat.png"));
        QVERIFY(read.multiClip);
        QCOMPARE(read.images.size(), 1);
        QJsonObject t2v = i2v;
        t2v.insert(QStringLiteral("imagePath"), QString());
        t2v.remove(QStringLiteral("multiShot"));
        const GenerationRequest text = GenerationRequest::fromJson(t2v);
        QCOMPARE(text.mode, GenerationMode::TextToVideo);
        QVERIFY(text.images.isEmpty());
        QVERIFY(!text.multiClip);
        // setStartImage moves between the two and leaves the other modes alone.
        GenerationRequest r = text;
        r.setStartImage(QStringLiteral("/tmp/a.png"));
        QCOMPARE(r.mode, GenerationMode::ImageToVideo);
        r.setStartImage(QStringLiteral("/tmp/b.png"));
        QCOMPARE(r.images.size(), 1);
        r.setStartImage({});
        QCOMPARE(r.mode, GenerationMode::TextToVideo);
        QVERIFY(r.images.isEmpty());
        r.mode = GenerationMode::Transition;
        r.setStartImage({});
        QCOMPARE(r.mode, GenerationMode::Transition);
    }
};

QTEST_GUILESS_MAIN(TestModelCatalog)
#include "tst_modelcatalog.moc"
