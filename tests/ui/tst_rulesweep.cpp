// The editor and the sandbox apply the same rules: every combination of model, duration,
// quality, aspect ratio and motion the PromptEditor lets a creator send is accepted by the
// sandbox, and every one it forbids is refused with a parameter error. The sandbox validates
// independently of the editor's widgets, over real loopback HTTP.
#include "core/api/ApiClient.h"
#include "core/api/OpenApiRequests.h"
#include "core/generation/ModelCatalog.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/support/Await.h"
#include "ui/PromptEditor.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;
using pixverse::test::await;

class TestRuleSweep : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void openApiCombinations();
};

void TestRuleSweep::openApiCombinations() {
    sandbox::SandboxConfig config;
    config.concurrencyLimit = 100000;
    sandbox::SandboxHost sandbox(config);
    QVERIFY(sandbox.start());
    sandbox.setCredits(sandbox.defaultApiKey(), 100000000, 0);
    QNetworkAccessManager network;
    ApiClient client(&network);
    QVERIFY(!client.setBaseUrl(sandbox.baseUrl()).isError());
    client.setCredential(openapi::kCredentialHeader, sandbox.defaultApiKey());

    QTemporaryDir dir;
    PromptEditor editor(dir.filePath(QStringLiteral("editor.ini")));
    editor.setFamily(ApiFamily::OpenApi);
    editor.setBalance(std::nullopt);

    // Every value any model knows, so the sweep also tries values a model does not offer.
    QSet<QString> qualities, aspects, motions;
    QSet<int> durations;
    const QList<ModelSpec> models = ModelCatalog::builtIn().offeredModels(ApiFamily::OpenApi);
    QVERIFY(models.size() >= 4);
    for (const ModelSpec& model : models) {
        qualities.unite(QSet<QString>(model.qualities.cbegin(), model.qualities.cend()));
        aspects.unite(QSet<QString>(model.aspectRatios.cbegin(), model.aspectRatios.cend()));
        motions.unite(QSet<QString>(model.motionModes.cbegin(), model.motionModes.cend()));
        durations.unite(QSet<int>(model.durations.cbegin(), model.durations.cend()));
    }
    motions.insert(QStringLiteral("fast"));

    int allowed = 0;
    int forbidden = 0;
    for (const ModelSpec& model : models) {
        for (const int duration : std::as_const(durations)) {
            for (const QString& quality : std::as_const(qualities)) {
                for (const QString& aspect : std::as_const(aspects)) {
                    for (const QString& motion : std::as_const(motions)) {
                        GenerationRequest r;
                        r.prompt = QStringLiteral("A sweep of every rule");
                        r.model = model.id;
                        r.duration = duration;
                        r.quality = quality;
                        r.aspectRatio = aspect;
                        r.motionMode = motion;
                        editor.setRequest(r);
                        const bool editorAllows = editor.canGenerate();
                        const auto reply = await<Result<CreatedVideo>>([&](auto done) {
                            client.call(openapi::TextToVideoRequest(editor.request()), nullptr,
                                        std::function<void(Result<CreatedVideo>)>(done));
                        });
                        QVERIFY(reply.has_value());
                        const QString what = QStringLiteral("%1 %2s %3 %4 %5")
                                                 .arg(model.id)
                                                 .arg(duration)
                                                 .arg(quality, aspect, motion);
                        if (editorAllows) {
                            QVERIFY2(reply->ok(),
                                     qPrintable(what + u": editor allows it, sandbox says " +
                                                reply->error.logText()));
                            ++allowed;
                        } else {
                            QVERIFY2(!reply->ok(),
                                     qPrintable(what + u": editor forbids it, sandbox accepted"));
                            const qint64 code = reply->error.errCode();
                            QVERIFY2(code == 400017 || code == 400011,
                                     qPrintable(what + u": refused for the wrong reason " +
                                                reply->error.logText()));
                            ++forbidden;
                        }
                    }
                }
            }
        }
    }
    qInfo("swept %d allowed and %d forbidden combinations", allowed, forbidden);
    QVERIFY(allowed > 50);
    QVERIFY(forbidden > 20);
}

QTEST_MAIN(TestRuleSweep)
#include "tst_rulesweep.moc"
