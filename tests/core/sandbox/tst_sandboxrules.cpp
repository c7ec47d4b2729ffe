// The sandbox's own rules (core/sandbox/rules.json through SandboxRules) against
// ../shared/pixverse-api.md, as tables: verdicts per model × duration × quality × aspect × motion,
// prices, prompt limits, body types and the web family's models. The expected figures are worked
// out by hand from the reference, not read from either rules file.

#include "core/sandbox/OutputSize.h"
#include "core/sandbox/SandboxRules.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace pixverse;
using namespace pixverse::sandbox;

namespace {

QJsonObject textBody(const QJsonObject& changes = {}) {
    QJsonObject body{{QStringLiteral("prompt"), QStringLiteral("A lighthouse in a storm")},
                     {QStringLiteral("model"), QStringLiteral("v4.5")},
                     {QStringLiteral("duration"), 5},
                     {QStringLiteral("quality"), QStringLiteral("540p")},
                     {QStringLiteral("aspect_ratio"), QStringLiteral("16:9")}};
    for (auto it = changes.begin(); it != changes.end(); ++it)
        body.insert(it.key(), it.value());
    return body;
}

//! 0 when accepted, else the refusal's ErrCode.
qint64 verdict(const SandboxRules& rules, const QJsonObject& body, ApiFamily family,
               bool imageToVideo = false) {
    const auto judged = rules.judge(body, family, imageToVideo);
    if (const auto* refusal = std::get_if<Refusal>(&judged)) {
        if (refusal->message.isEmpty())
            return -1; // every refusal says why
        return refusal->errCode;
    }
    return 0;
}

GenerationRequest request(const char* model, const char* quality, int duration,
                          const char* aspect = "16:9") {
    GenerationRequest r;
    r.prompt = QStringLiteral("x");
    r.model = QLatin1String(model);
    r.quality = QLatin1String(quality);
    r.duration = duration;
    r.aspectRatio = QLatin1String(aspect);
    r.motionMode.clear();
    return r;
}

} // namespace

class TstSandboxRules : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void noClientCatalogInTheSandbox() {
        // The sandbox must not judge with the client's table, or a misreading there is mirrored.
        const QString dir = QStringLiteral(PIXVERSE_SOURCE_DIR "/core/sandbox");
        const QRegularExpression include(
            QStringLiteral("#\\s*include\\s*[<\"][^\">]*(ModelCatalog\\.h|models\\.json)"));
        QDirIterator it(
            dir, {QStringLiteral("*.h"), QStringLiteral("*.cpp"), QStringLiteral("CMakeLists.txt")},
            QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            const QString text = QString::fromUtf8(file.readAll());
            QVERIFY2(!include.match(text).hasMatch(), qPrintable(file.fileName()));
            QVERIFY2(!text.contains(QLatin1String("ModelCatalog::")), qPrintable(file.fileName()));
            QVERIFY2(!text.contains(QLatin1String("resources/models.json")),
                     qPrintable(file.fileName()));
            ++files;
        }
        QVERIFY(files >= 10);
    }

    void builtInLoadsWithNotes() {
        const SandboxRules& rules = SandboxRules::builtIn();
        QCOMPARE(rules.modelIds(ApiFamily::OpenApi),
                 (QStringList{QStringLiteral("c1"), QStringLiteral("v3.5"), QStringLiteral("v4"),
                              QStringLiteral("v4.5"), QStringLiteral("v5"), QStringLiteral("v5.5"),
                              QStringLiteral("v5.6"), QStringLiteral("v6")}));
        QVERIFY(rules.modelIds(ApiFamily::Web).contains(QStringLiteral("pixverse-c1")));
        QVERIFY(!rules.modelIds(ApiFamily::Web).contains(QStringLiteral("c1")));
        QVERIFY(rules.notes().size() >= 5); // the choices made where the reference is unsure
    }

    void brokenRulesFileIsRefused_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("not JSON") << QByteArrayLiteral("{");
        QTest::newRow("no families") << QByteArrayLiteral(
            "{\"models\":[{\"id\":\"a\",\"durations\":[5],\"qualities\":[\"540p\"],"
            "\"aspectRatios\":[\"1:1\"],\"motionModes\":[\"normal\"]}]}");
        QTest::newRow("unknown model") << QByteArrayLiteral(
            "{\"models\":[],\"families\":{\"openapi\":{\"models\":{\"v9\":\"v9\"}},\"web\":{}}}");
        QTest::newRow("model without durations") << QByteArrayLiteral(
            "{\"models\":[{\"id\":\"a\",\"qualities\":[\"540p\"],\"aspectRatios\":[\"1:1\"],"
            "\"motionModes\":[\"normal\"]}],\"families\":{\"openapi\":{\"models\":{\"a\":\"a\"}},"
            "\"web\":{\"models\":{\"a\":\"a\"}}}}");
    }

    void fusionLimitsPerModel() {
        const SandboxRules& rules = SandboxRules::builtIn();
        auto images = [&rules](const char* model) {
            const auto limits = rules.fusionLimits(QLatin1String(model), ApiFamily::OpenApi);
            return limits ? limits->images : 0;
        };
        QCOMPARE(images("v4.5"), 3);
        QCOMPARE(images("v5"), 3);
        QCOMPARE(images("v5.5"), 7);
        QCOMPARE(images("v5.6"), 7);
        QCOMPARE(images("c1"), 7);
        QCOMPARE(images("v6"), 7);
        QCOMPARE(images("v4"), 0);
        QCOMPARE(images("v3.5"), 0);
        const auto v6 = rules.fusionLimits(QStringLiteral("v6"), ApiFamily::OpenApi);
        QVERIFY(v6);
        QCOMPARE(v6->subjects, 8);
        QCOMPARE(v6->backgrounds, 2);
        QCOMPARE(rules.fusionLimits(QStringLiteral("v5"), ApiFamily::OpenApi)->subjects, -1);
        QVERIFY(!rules.fusionLimits(QStringLiteral("v9"), ApiFamily::OpenApi));
    }

    void brokenRulesFileIsRefused() {
        QFETCH(QByteArray, json);
        QString error;
        QVERIFY(!SandboxRules::fromJson(json, &error));
        QVERIFY(!error.isEmpty());
    }

    // Every combination of a grid wider than any model's values; the counts of accepted ones
    // are worked out from §2.2/§2.11 (the "" motion mode is an absent one, i.e. normal).
    void combinationCounts_data() {
        QTest::addColumn<int>("family");
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("accepted");
        const int openApi = int(ApiFamily::OpenApi);
        const int web = int(ApiFamily::Web);
        // v3.5-v4.5: per ratio (5), normal twice ("" and normal): 5 s × 4 + 8 s × 3 (no 1080p),
        // fast: 5 s × 3 (no 1080p) → (7 × 2 + 3) × 5.
        for (const char* m : {"v3.5", "v4", "v4.5"})
            QTest::newRow(m) << openApi << QString::fromLatin1(m) << (7 * 2 + 3) * 5;
        QTest::newRow("v5") << openApi << QStringLiteral("v5") << 8 * 2 * 5; // 1080p 8 s, no fast
        // v5.5/v5.6: 1-10 s × 4 qualities minus 1080p 9/10 s; 5 ratios (7 on the web).
        QTest::newRow("v5.5") << openApi << QStringLiteral("v5.5") << 38 * 2 * 5;
        QTest::newRow("v5.6") << openApi << QStringLiteral("v5.6") << 38 * 2 * 5;
        QTest::newRow("v6") << openApi << QStringLiteral("v6") << 15 * 4 * 2 * 8;
        // C1: 1080p only up to 5 s.
        QTest::newRow("c1") << openApi << QStringLiteral("c1") << (15 * 3 + 5) * 2 * 8;
        QTest::newRow("web v4.5") << web << QStringLiteral("v4.5") << 0; // refused by default
        QTest::newRow("web v5.6") << web << QStringLiteral("v5.6") << 38 * 2 * 7;
        QTest::newRow("web v6") << web << QStringLiteral("v6") << 15 * 4 * 2 * 8;
        QTest::newRow("web pixverse-c1") << web << QStringLiteral("pixverse-c1") << 50 * 2 * 7;
        QTest::newRow("web c1") << web << QStringLiteral("c1") << 0;
        QTest::newRow("openapi pixverse-c1") << openApi << QStringLiteral("pixverse-c1") << 0;
    }

    void combinationCounts() {
        QFETCH(int, family);
        QFETCH(QString, model);
        QFETCH(int, accepted);
        const SandboxRules& rules = SandboxRules::builtIn();
        const QStringList qualities{QStringLiteral("360p"),  QStringLiteral("480p"),
                                    QStringLiteral("540p"),  QStringLiteral("720p"),
                                    QStringLiteral("1080p"), QStringLiteral("4k")};
        const QStringList aspects{
            QStringLiteral("16:9"), QStringLiteral("4:3"),  QStringLiteral("1:1"),
            QStringLiteral("3:4"),  QStringLiteral("9:16"), QStringLiteral("2:3"),
            QStringLiteral("3:2"),  QStringLiteral("21:9"), QStringLiteral("2:1")};
        const QStringList motions{QString(), QStringLiteral("normal"), QStringLiteral("fast")};
        int count = 0;
        int refusedOtherwise = 0;
        for (int duration = 0; duration <= 16; ++duration) {
            for (const QString& quality : qualities) {
                for (const QString& aspect : aspects) {
                    for (const QString& motion : motions) {
                        QJsonObject body = textBody({{QStringLiteral("model"), model},
                                                     {QStringLiteral("duration"), duration},
                                                     {QStringLiteral("quality"), quality},
                                                     {QStringLiteral("aspect_ratio"), aspect}});
                        if (!motion.isEmpty())
                            body.insert(QStringLiteral("motion_mode"), motion);
                        const qint64 code = verdict(rules, body, ApiFamily(family));
                        count += code == 0 ? 1 : 0;
                        refusedOtherwise += code != 0 && code != 400017 ? 1 : 0;
                    }
                }
            }
        }
        QCOMPARE(count, accepted);
        QCOMPARE(refusedOtherwise, 0); // a refused value or combination is always 400017
    }

    void verdicts_data() {
        QTest::addColumn<int>("family");
        QTest::addColumn<QJsonObject>("changes");
        QTest::addColumn<qint64>("errCode");
        const int o = int(ApiFamily::OpenApi);
        const int w = int(ApiFamily::Web);
        auto with = [](const char* key, const QJsonValue& value, const char* model = "v4.5") {
            return QJsonObject{{QLatin1String(key), value},
                               {QStringLiteral("model"), QLatin1String(model)}};
        };
        QTest::newRow("accepted") << o << QJsonObject() << qint64(0);
        QTest::newRow("blank prompt") << o << with("prompt", QStringLiteral(" ")) << qint64(400011);
        QTest::newRow("empty model") << o << with("model", QString(), "") << qint64(400011);
        QTest::newRow("empty aspect") << o << with("aspect_ratio", QString()) << qint64(400011);
        QTest::newRow("prompt 2049 on c1")
            << o << with("prompt", QString(2049, u'a'), "c1") << qint64(400018);
        QTest::newRow("prompt 5000 on v6")
            << o << with("prompt", QString(5000, u'a'), "v6") << qint64(0);
        QTest::newRow("prompt 5001 on v6")
            << o << with("prompt", QString(5001, u'a'), "v6") << qint64(400018);
        QTest::newRow("negative 2049 on v6")
            << o << with("negative_prompt", QString(2049, u'a'), "v6") << qint64(400018);
        QTest::newRow("web prompt 5000 on v5.6")
            << w << with("prompt", QString(5000, u'a'), "v5.6") << qint64(0);
        QTest::newRow("web prompt 5001 on v6")
            << w << with("prompt", QString(5001, u'a'), "v6") << qint64(400018);
        QTest::newRow("web v4.5") << w << QJsonObject() << qint64(400017);
        QTest::newRow("web negative 2049")
            << w << with("negative_prompt", QString(2049, u'a')) << qint64(400018);
        QTest::newRow("seed 2^31")
            << o << with("seed", QJsonValue(qint64(1) << 31)) << qint64(400017);
        QTest::newRow("seed 1.5") << o << with("seed", 1.5) << qint64(400013);
        QTest::newRow("duration 2^40")
            << o << with("duration", QJsonValue(qint64(1) << 40)) << qint64(400017);
        QTest::newRow("style day") << o << with("style", QStringLiteral("day")) << qint64(0);
        QTest::newRow("style realistic on v6")
            << o << with("style", QStringLiteral("realistic"), "v6") << qint64(0);
        QTest::newRow("style realistic on v5")
            << o << with("style", QStringLiteral("realistic"), "v5") << qint64(400017);
        QTest::newRow("style on c1")
            << o << with("style", QStringLiteral("anime"), "c1") << qint64(400017);
        QTest::newRow("camera on v4")
            << o << with("camera_movement", QStringLiteral("whip_pan"), "v4") << qint64(0);
        QTest::newRow("camera on v3.5")
            << o << with("camera_movement", QStringLiteral("whip_pan"), "v3.5") << qint64(400017);
        QTest::newRow("camera on v6")
            << o << with("camera_movement", QStringLiteral("zoom_in"), "v6") << qint64(400017);
        QTest::newRow("audio on v5")
            << o << with("generate_audio_switch", true, "v5") << qint64(400017);
        QTest::newRow("audio on v5.5")
            << o << with("generate_audio_switch", true, "v5.5") << qint64(0);
        QTest::newRow("audio 1 on the OpenAPI")
            << o << with("generate_audio_switch", 1, "v6") << qint64(400013);
        // The web's audio switch: either name, JSON booleans only (§3.12), never disagreeing.
        QTest::newRow("audio 1 on the web")
            << w << with("generate_audio_switch", 1, "v6") << qint64(400013);
        QTest::newRow("web audio true") << w << with("audio", true, "v6") << qint64(0);
        QTest::newRow("web audio 0") << w << with("audio", 0, "v6") << qint64(400013);
        QTest::newRow("web audio on v5.6") << w << with("audio", true, "v5.6") << qint64(0);
        QTest::newRow("web audio names disagree")
            << w
            << QJsonObject{{QStringLiteral("audio"), true},
                           {QStringLiteral("generate_audio_switch"), false},
                           {QStringLiteral("model"), QStringLiteral("v6")}}
            << qint64(400017);
        QTest::newRow("web multi_shot true") << w << with("multi_shot", true, "v6") << qint64(0);
        QTest::newRow("audio on the OpenAPI is not named audio")
            << o << with("audio", 1, "v6") << qint64(0); // an unknown field there: ignored
        QTest::newRow("web switch 2") << w << with("multi_shot", 2, "v6") << qint64(400013);
        QTest::newRow("water_mark ignored on v6")
            << o << with("water_mark", true, "v6") << qint64(0);
        QTest::newRow("water_mark as text")
            << o << with("water_mark", QStringLiteral("no")) << qint64(400013);
        QTest::newRow("unknown field")
            << o << with("thinking_type", QStringLiteral("auto")) << qint64(0);
        QTest::newRow("off_peak ignored on the OpenAPI")
            << o << with("off_peak", QStringLiteral("yes")) << qint64(0);
        QTest::newRow("480p") << w << with("quality", QStringLiteral("480p"), "v5.6")
                              << qint64(400017);
    }

    void verdicts() {
        QFETCH(int, family);
        QFETCH(QJsonObject, changes);
        QFETCH(qint64, errCode);
        QCOMPARE(verdict(SandboxRules::builtIn(), textBody(changes), ApiFamily(family)), errCode);
    }

    void imageToVideoBodies() {
        const SandboxRules& rules = SandboxRules::builtIn();
        QJsonObject open = textBody();
        open.remove(QStringLiteral("aspect_ratio"));
        QCOMPARE(verdict(rules, open, ApiFamily::OpenApi, true), 400011); // img_id
        open.insert(QStringLiteral("img_id"), QJsonValue(qint64(9007199254740993LL)));
        QCOMPARE(verdict(rules, open, ApiFamily::OpenApi, true), 0);
        const auto read = rules.readBody(open, ApiFamily::OpenApi, true);
        QCOMPARE(std::get<GenerationRequest>(read).startImagePath(),
                 QStringLiteral("sandbox:9007199254740993"));
        open.insert(QStringLiteral("camera_movement"), QStringLiteral("auto_camera"));
        QCOMPARE(verdict(rules, open, ApiFamily::OpenApi, true), 400017); // t2v only

        QJsonObject web = textBody({{QStringLiteral("model"), QStringLiteral("v6")}});
        web.insert(QStringLiteral("customer_img_path"), QString());
        web.insert(QStringLiteral("customer_img_url"), QStringLiteral("https://x/upload/a.png"));
        QCOMPARE(verdict(rules, web, ApiFamily::Web, true), 400011); // empty path
        web.insert(QStringLiteral("customer_img_path"), QStringLiteral("upload/a.png"));
        QCOMPARE(verdict(rules, web, ApiFamily::Web, true), 0);
    }

    void webRefusesLegacyModels() {
        SandboxRules rules = SandboxRules::builtIn();
        QVERIFY(rules.webRefusesLegacyModels()); // the default (§3.10, §6)
        for (const char* model : {"v3.5", "v4", "v4.5", "v5", "v5.5"})
            QCOMPARE(verdict(rules, textBody({{QStringLiteral("model"), QLatin1String(model)}}),
                             ApiFamily::Web),
                     400017);
        for (const char* model : {"v5.6", "v6", "pixverse-c1"})
            QCOMPARE(verdict(rules, textBody({{QStringLiteral("model"), QLatin1String(model)}}),
                             ApiFamily::Web),
                     0);
        QCOMPARE(verdict(rules, textBody(), ApiFamily::OpenApi), 0); // the OpenAPI keeps them
        QCOMPARE(verdict(rules, textBody({{QStringLiteral("model"), QStringLiteral("c1")}}),
                         ApiFamily::Web),
                 400017); // C1's OpenAPI id
        // The switch off: whether the real server still takes them is unknown.
        rules.setWebRefusesLegacyModels(false);
        QCOMPARE(verdict(rules, textBody(), ApiFamily::Web), 0);
        QCOMPARE(rules.price(request("v4.5", "540p", 5), ApiFamily::Web), 45);
    }

    void modelsWithSound() {
        const SandboxRules& rules = SandboxRules::builtIn();
        for (const char* model : {"v6", "c1", "v5.6", "v5.5"})
            QVERIFY2(rules.makesAudio(QLatin1String(model), ApiFamily::OpenApi), model);
        for (const char* model : {"v5", "v4.5", "v4", "v3.5", "pixverse-c1"})
            QVERIFY2(!rules.makesAudio(QLatin1String(model), ApiFamily::OpenApi), model);
        QVERIFY(rules.makesAudio(QStringLiteral("pixverse-c1"), ApiFamily::Web));
        // Issue 15's figure: V6 720p 12 s with sound is 12 credits a second.
        GenerationRequest v6 = request("v6", "720p", 12, "21:9");
        v6.audio = true;
        QCOMPARE(rules.price(v6, ApiFamily::OpenApi), 144);
        QCOMPARE(rules.fitOutput(v6, ApiFamily::OpenApi), QSize(1280, 548));
        QCOMPARE(clipFileName(QSize(1280, 548), true), QStringLiteral("1280x548-audio.mp4"));
        QCOMPARE(clipFileName(QSize(1280, 548)), QStringLiteral("1280x548.mp4"));
    }

    void prices_data() {
        QTest::addColumn<GenerationRequest>("request");
        QTest::addColumn<qint64>("credits");
        auto fast = [](GenerationRequest r) {
            r.motionMode = QStringLiteral("fast");
            return r;
        };
        auto withAudio = [](GenerationRequest r) {
            r.audio = true;
            return r;
        };
        const qint64 unknown = SandboxRules::builtIn().unknownPriceCredits();
        QTest::newRow("v3.5 360p 8 s") << request("v3.5", "360p", 8) << qint64(90);
        QTest::newRow("v4 720p 5 s") << request("v4", "720p", 5) << qint64(60);
        QTest::newRow("v4.5 1080p 5 s") << request("v4.5", "1080p", 5) << qint64(120);
        QTest::newRow("v4.5 fast 540p") << fast(request("v4.5", "540p", 5)) << qint64(90);
        QTest::newRow("v4.5 fast 720p") << fast(request("v4.5", "720p", 5)) << qint64(120);
        QTest::newRow("v5 1080p 8 s") << request("v5", "1080p", 8) << qint64(240);
        QTest::newRow("v6 360p 1 s") << request("v6", "360p", 1) << qint64(5);
        QTest::newRow("v6 720p 5 s audio") << withAudio(request("v6", "720p", 5)) << qint64(60);
        QTest::newRow("v6 1080p 15 s") << request("v6", "1080p", 15) << qint64(270);
        QTest::newRow("c1 540p 7 s audio") << withAudio(request("c1", "540p", 7)) << qint64(70);
        QTest::newRow("c1 1080p 5 s") << request("c1", "1080p", 5) << qint64(95);
        QTest::newRow("v5.6 1080p 5 s audio")
            << withAudio(request("v5.6", "1080p", 5)) << qint64(150);
        QTest::newRow("v5.6 720p 5 s") << request("v5.6", "720p", 5) << qint64(45);
        QTest::newRow("v5.6 720p 6 s") << request("v5.6", "720p", 6) << unknown;
        QTest::newRow("v5.5 540p 5 s") << request("v5.5", "540p", 5) << unknown;
    }

    void prices() {
        QFETCH(GenerationRequest, request);
        QFETCH(qint64, credits);
        const SandboxRules& rules = SandboxRules::builtIn();
        QVERIFY(!rules.refusal(request, ApiFamily::OpenApi));
        QCOMPARE(rules.price(request, ApiFamily::OpenApi), credits);
    }

    void outputSizes() {
        // §2.11's long-edge table, as printed (the short edge rounded down to even).
        QCOMPARE(outputSizeByLongEdge(640, QStringLiteral("16:9")), QSize(640, 360));
        QCOMPARE(outputSizeByLongEdge(1024, QStringLiteral("16:9")), QSize(1024, 576));
        QCOMPARE(outputSizeByLongEdge(1280, QStringLiteral("3:2")), QSize(1280, 852));
        QCOMPARE(outputSizeByLongEdge(1024, QStringLiteral("2:3")), QSize(682, 1024));
        QCOMPARE(outputSizeByLongEdge(1920, QStringLiteral("21:9")), QSize(1920, 822));
        QCOMPARE(outputSizeByLongEdge(640, QStringLiteral("21:9")), QSize(640, 274));
        QCOMPARE(outputSizeByLongEdge(1280, QStringLiteral("4:3")), QSize(1280, 960));
        QVERIFY(!outputSizeByLongEdge(1280, QStringLiteral("wide")).isValid());

        const SandboxRules& rules = SandboxRules::builtIn();
        GenerationRequest v6 = request("v6", "540p", 5, "9:16");
        QCOMPARE(rules.fitOutput(v6, ApiFamily::OpenApi), QSize(576, 1024));
        GenerationRequest v45 = request("v4.5", "540p", 5);
        QCOMPARE(rules.fitOutput(v45, ApiFamily::OpenApi), QSize(960, 540));
        // Image-to-video: the model's ratio nearest the image's; V6 knows 21:9, v4.5 does not.
        GenerationRequest wide = request("v6", "720p", 5, "");
        wide.setStartImage(QStringLiteral("sandbox:1"));
        QCOMPARE(rules.fitOutput(wide, ApiFamily::OpenApi, QSize(2100, 900)), QSize(1280, 548));
        QCOMPARE(wide.aspectRatio, QStringLiteral("21:9"));
        wide.model = QStringLiteral("v4.5");
        QCOMPARE(rules.fitOutput(wide, ApiFamily::OpenApi, QSize(2100, 900)), QSize(1280, 720));
        QCOMPARE(wide.aspectRatio, QStringLiteral("16:9"));
    }
};

QTEST_GUILESS_MAIN(TstSandboxRules)
#include "tst_sandboxrules.moc"
