#include "core/generation/ModelCatalog.h"

#include <QFile>
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
        QStringList offered;
        for (const ModelSpec& m : c.offeredModels(ApiFamily::OpenApi))
            offered << m.id;
        QCOMPARE(offered, (QStringList{QStringLiteral("v3.5"), QStringLiteral("v4"),
                                       QStringLiteral("v4.5"), QStringLiteral("v5")}));
        // The newer models have room in the table but are not offered until they are priced.
        for (const char* id : {"v5.5", "v5.6", "v6", "c1"}) {
            const ModelSpec* m = c.model(QLatin1String(id));
            QVERIFY2(m, id);
            QVERIFY(!m->offered);
            QVERIFY(m->switches.contains(QStringLiteral("audio")));
        }
        QCOMPARE(c.model(QStringLiteral("v6"))->durations.size(), 15);
        QCOMPARE(c.promptMaxLength(ApiFamily::OpenApi), 2048);
        QCOMPARE(c.promptMaxLength(ApiFamily::Web), 5000); // §3.10
        QCOMPARE(c.negativePromptMaxLength(), 2048);
        QCOMPARE(c.seedMax(), qint64(2147483647));
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
        for (const ModelSpec& m : c.offeredModels(ApiFamily::OpenApi)) {
            for (const QString& q : m.qualities)
                for (int d : m.durations)
                    for (const QString& motion : m.motionModes) {
                        const GenerationRequest r = request(m.id, q, d, motion);
                        const bool ok = c.validate(r, ApiFamily::OpenApi).isEmpty();
                        QCOMPARE(ok, c.creditCost(r).has_value());
                        allowed += ok ? 1 : 0;
                    }
        }
        QCOMPARE(allowed, 3 * 10 + 8); // v3.5–v4.5: 10 combinations each; v5: 8
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
        QVERIFY(refuses(request(QStringLiteral("v6"), QStringLiteral("540p"), 5), ApiFamily::Web) ==
                false);

        GenerationRequest r = request(QStringLiteral("v4.5"), QStringLiteral("540p"), 5);
        r.aspectRatio = QStringLiteral("21:9");
        QVERIFY(refuses(r));
        r.imagePath =
            QStringLiteral("/tmp/cat.png"); // image-to-video: the image decides the aspect
        QVERIFY(!refuses(r));
        r.aspectRatio.clear();
        QVERIFY(!refuses(r));
        r.imagePath.clear();
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
        // The website takes 5000 characters (§3.10); the negative prompt stays at 2048.
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
        r.model = QStringLiteral("v4.5");
        QVERIFY(refuses(r)); // the docs tie style to v3.5
        r.style.clear();
        r.cameraMovement = QStringLiteral("zoom_in");
        QVERIFY(!refuses(r));
        r.model = QStringLiteral("v3.5");
        QVERIFY(refuses(r)); // camera movement is v4/v4.5 only
        r.model = QStringLiteral("v4");
        r.cameraMovement = QStringLiteral("auto_camera");
        QVERIFY(!refuses(r));
        r.imagePath = QStringLiteral("/tmp/cat.png");
        QVERIFY(refuses(r)); // auto_camera is on the text-to-video list only
        r.imagePath.clear();
        r.cameraMovement.clear();
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
        // Newer version with v6 offered: a data change, no rebuild.
        QByteArray newer = json;
        newer.replace(oldVersion, "\"version\": 999");
        newer.replace(
            "\"id\": \"v6\",\n      \"label\": \"PixVerse V6\",\n      \"offered\": false",
            "\"id\": \"v6\",\n      \"label\": \"PixVerse V6\",\n      \"offered\": true");
        write(newer);
        const ModelCatalog loaded = ModelCatalog::load(dir.path());
        QCOMPARE(loaded.version(), 999);
        QVERIFY(loaded.model(QStringLiteral("v6"))->offered);
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
        r.imagePath = QStringLiteral("/tmp/кот.png");
        QCOMPARE(GenerationRequest::fromJson(r.toJson()), r);
        r.seed.reset();
        QCOMPARE(GenerationRequest::fromJson(r.toJson()), r);
    }
};

QTEST_GUILESS_MAIN(TestModelCatalog)
#include "tst_modelcatalog.moc"
