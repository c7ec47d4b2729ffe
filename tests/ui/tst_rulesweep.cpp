// The client's rules against the sandbox's own: the sandbox judges with core/sandbox/rules.json
// (written from ../shared/pixverse-api.md), the editor and the CLI with the client's ModelCatalog
// (resources/models.json). Every model × family × duration × quality × aspect ratio × switch
// (sound, multi-shot, off-peak) and motion mode is put into the PromptEditor; what it lets a
// creator send must be accepted by the sandbox over real loopback HTTP, what it forbids refused
// with a parameter error, and the CLI's check (ModelCatalog::validate, which the CLI calls) must
// say the same as the editor. What the editor cannot even express (a value or switch the model
// does not have) must be refused by the CLI's check, and by the sandbox where it goes in the body.
// So a misreading in either table shows up here. Styles and camera movements are swept against
// the catalog directly, and the client's prices are compared with the sandbox's.
#include "core/api/ApiClient.h"
#include "core/api/OpenApiRequests.h"
#include "core/api/WebApiRequests.h"
#include "core/generation/ModelCatalog.h"
#include "core/sandbox/SandboxHost.h"
#include "core/sandbox/SandboxRules.h"
#include "tests/support/Await.h"
#include "ui/DurationControl.h"
#include "ui/PromptEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;
using pixverse::test::await;

namespace {

const QString kPrompt = QStringLiteral("A sweep of every rule");

//! Every value of `list` across `models`, in first-seen order.
template <typename T, typename Get> QList<T> everyValue(const QList<ModelSpec>& models, Get get) {
    QList<T> out;
    for (const ModelSpec& model : models) {
        const QList<T> values = get(model);
        for (const T& value : values) {
            if (!out.contains(value))
                out << value;
        }
    }
    return out;
}

//! The fields the sweep varies, as one line for a failure message.
QString describe(const GenerationRequest& r) {
    QStringList switches;
    if (r.audio)
        switches << QStringLiteral("sound");
    if (r.multiClip)
        switches << QStringLiteral("multi-shot");
    if (r.offPeak)
        switches << QStringLiteral("off-peak");
    return QStringLiteral("%1 %2s %3 %4 %5 [%6]")
        .arg(r.model)
        .arg(r.duration)
        .arg(r.quality, r.aspectRatio, r.motionMode, switches.join(u','));
}

//! Whether the editor shows `asked` exactly as asked (else it cannot offer that combination).
bool sameSettings(const GenerationRequest& asked, const GenerationRequest& shown) {
    return asked.model == shown.model && asked.duration == shown.duration &&
           asked.quality == shown.quality && asked.aspectRatio == shown.aspectRatio &&
           asked.motionMode == shown.motionMode && asked.audio == shown.audio &&
           asked.multiClip == shown.multiClip && asked.offPeak == shown.offPeak;
}

//! Every on/off combination of `switchIds`, applied to `base`.
QList<GenerationRequest> withSwitches(const GenerationRequest& base, const QStringList& switchIds) {
    QList<GenerationRequest> out;
    for (int bits = 0; bits < (1 << switchIds.size()); ++bits) {
        GenerationRequest r = base;
        for (int i = 0; i < switchIds.size(); ++i) {
            const bool on = (bits >> i) & 1;
            const QString& id = switchIds.at(i);
            if (id == QLatin1String("audio"))
                r.audio = on;
            else if (id == QLatin1String("multiClip"))
                r.multiClip = on;
            else if (id == QLatin1String("offPeak"))
                r.offPeak = on;
        }
        out << r;
    }
    return out;
}

bool isParameterError(qint64 code) {
    return code == 400011 || code == 400017 || code == 400018;
}

} // namespace

class TestRuleSweep : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void openApiCombinations() { sweepCombinations(ApiFamily::OpenApi); }
    void webCombinations() { sweepCombinations(ApiFamily::Web); }
    void webRefusesTheModelsItNoLongerTakes();
    void openApiStylesAndCameras() { sweepExtras(ApiFamily::OpenApi); }
    void webStylesAndCameras() { sweepExtras(ApiFamily::Web); }
    void pricesAgree();
    void promptLimitsAgree();

private:
    void signIn(ApiFamily family);
    //! 0 when the sandbox accepted the request, else its ErrCode (-1: no answer).
    qint64 send(ApiFamily family, const GenerationRequest& r);
    void sweepCombinations(ApiFamily family);
    void sweepExtras(ApiFamily family);

    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_client;
};

void TestRuleSweep::init() {
    // Thousands of refusals are the expected answers here; one log line each would bury a failure.
    QLoggingCategory::setFilterRules(QStringLiteral("pixverse.api.info=false\n"
                                                    "pixverse.api.warning=false"));
    sandbox::SandboxConfig config;
    config.concurrencyLimit = 1000000;
    config.creditMonthly = 1000000000;
    m_sandbox = std::make_unique<sandbox::SandboxHost>(config);
    QVERIFY(m_sandbox->start());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<ApiClient>(m_network.get());
    QVERIFY(!m_client->setBaseUrl(m_sandbox->baseUrl()).isError());
}

void TestRuleSweep::cleanup() {
    m_client.reset();
    m_network.reset();
    m_sandbox.reset();
}

void TestRuleSweep::signIn(ApiFamily family) {
    if (family == ApiFamily::OpenApi) {
        m_client->setCredential(openapi::kCredentialHeader, m_sandbox->defaultApiKey());
        return;
    }
    const auto account = sandbox::SandboxConfig().webAccounts.constFirst();
    const auto login = await<Result<web::LoginResult>>([&](auto done) {
        m_client->call(web::LoginRequest(account.first, account.second), nullptr,
                       std::function<void(Result<web::LoginResult>)>(done));
    });
    QVERIFY(login && login->ok());
    m_client->setCredential(web::kCredentialHeader, login->value->token);
    m_client->setExtraHeaders(web::defaultHeaders());
}

qint64 TestRuleSweep::send(ApiFamily family, const GenerationRequest& r) {
    // The body the app would send: built by the same request classes, for the model's spec.
    const ModelSpec* spec = ModelCatalog::builtIn().model(r.model);
    std::optional<Result<CreatedVideo>> reply;
    if (family == ApiFamily::OpenApi)
        reply = await<Result<CreatedVideo>>([&](auto done) {
            m_client->call(openapi::TextToVideoRequest(r, spec), nullptr,
                           std::function<void(Result<CreatedVideo>)>(done));
        });
    else
        reply = await<Result<CreatedVideo>>([&](auto done) {
            m_client->call(web::TextToVideoRequest(r, spec), nullptr,
                           std::function<void(Result<CreatedVideo>)>(done));
        });
    if (!reply)
        return -1;
    return reply->ok() ? 0 : reply->error.errCode();
}

namespace {

//! Sets the editor's controls to `r` as a creator would, one control at a time (the model is
//! already chosen). False when a control does not offer the value (a length, quality or aspect
//! ratio the model lacks, a switch it does not show): the editor cannot express `r`.
bool showAsCreator(PromptEditor& editor, const GenerationRequest& r) {
    bool offered = editor.findChild<DurationControl*>(QStringLiteral("durationControl"))
                       ->setDuration(r.duration);
    auto choose = [&editor, &offered](const char* name, const QString& value) {
        auto* combo = editor.findChild<QComboBox*>(QLatin1String(name));
        const int index = combo->findData(value);
        if (!combo->isVisibleTo(&editor) || index < 0)
            offered = offered && combo->currentData().toString() == value;
        else
            combo->setCurrentIndex(index);
    };
    choose("qualityCombo", r.quality);
    choose("aspectRatioCombo", r.aspectRatio);
    choose("motionModeCombo", r.motionMode);
    const QList<std::pair<QString, bool>> switches{{QStringLiteral("audio"), r.audio},
                                                   {QStringLiteral("multiClip"), r.multiClip},
                                                   {QStringLiteral("offPeak"), r.offPeak}};
    for (const auto& [id, on] : switches) {
        auto* box = editor.findChild<QCheckBox*>(QStringLiteral("switch_") + id);
        if (box->isVisibleTo(&editor))
            box->setChecked(on);
        else if (on)
            offered = false;
    }
    return offered;
}

} // namespace

void TestRuleSweep::sweepCombinations(ApiFamily family) {
    signIn(family);
    if (QTest::currentTestFailed())
        return;
    const ModelCatalog& catalog = ModelCatalog::builtIn();
    QTemporaryDir dir;
    PromptEditor editor(dir.filePath(QStringLiteral("editor.ini")));
    editor.setFamily(family);
    editor.setBalance(std::nullopt);

    // Every value any offered model knows, so the sweep also asks for values a model lacks.
    const QList<ModelSpec> models = catalog.offeredModels(family);
    QVERIFY(models.size() >= 3);
    const QStringList qualities =
        everyValue<QString>(models, [](const ModelSpec& m) { return m.qualities; });
    const QStringList aspects = everyValue<QString>(
        models, [family](const ModelSpec& m) { return m.aspectRatios(family); });
    const QStringList motions =
        everyValue<QString>(models, [](const ModelSpec& m) { return m.motionChoices(); });
    const QStringList familySwitches = catalog.switchesFor(family);

    int allowed = 0;        // the editor lets it go and the sandbox accepts it
    int forbidden = 0;      // the editor refuses it and so does the sandbox
    int notOffered = 0;     // the editor cannot express it; the CLI refuses it
    int notOfferedSent = 0; // … and the sandbox too, where the value goes in the body
    QStringList disagreements;
    for (const ModelSpec& model : models) {
        GenerationRequest start;
        start.prompt = kPrompt;
        start.model = model.id;
        editor.setRequest(start);
        QCOMPARE(editor.request().model, model.id);
        // The editor offers the model's own lengths; the other values come from every model.
        // A model without motion modes sends none, so it is swept with the one it shows.
        const QList<int> durations = model.durations();
        const QStringList modelMotions =
            model.motionModes.isEmpty() ? model.motionChoices() : motions;
        for (const int duration : durations) {
            for (const QString& quality : qualities) {
                for (const QString& aspect : aspects) {
                    for (const QString& motion : modelMotions) {
                        GenerationRequest base = start;
                        base.duration = duration;
                        base.quality = quality;
                        base.aspectRatio = aspect;
                        base.motionMode = motion;
                        const QList<GenerationRequest> requests =
                            withSwitches(base, familySwitches);
                        for (const GenerationRequest& r : requests) {
                            const bool offered = showAsCreator(editor, r);
                            const GenerationRequest shown = editor.request();
                            const bool cliAllows = catalog.validate(r, family).isEmpty();
                            const QString what = describe(r);
                            if (!offered) {
                                ++notOffered;
                                if (cliAllows)
                                    disagreements << what + u": the editor cannot offer it, "
                                                            u"the CLI's check allows it";
                                // A switch the model lacks stays out of the body; a value
                                // goes in, and the sandbox must refuse it too.
                                if (!model.qualities.contains(r.quality) ||
                                    !model.aspectRatios(family).contains(r.aspectRatio)) {
                                    ++notOfferedSent;
                                    const qint64 code = send(family, r);
                                    if (!isParameterError(code))
                                        disagreements << what + u": not offered, sandbox says " +
                                                             QString::number(code);
                                }
                                continue;
                            }
                            if (!sameSettings(r, shown))
                                disagreements << what + u": the editor shows " + describe(shown);
                            const bool editorAllows = editor.canGenerate();
                            if (editorAllows != cliAllows)
                                disagreements << what + u": the editor " +
                                                     (editorAllows ? u"allows" : u"forbids") +
                                                     u" it, the CLI's check does not";
                            const qint64 code = send(family, shown);
                            if (editorAllows && code != 0)
                                disagreements << what + u": editor allows it, sandbox says " +
                                                     QString::number(code);
                            else if (!editorAllows && !isParameterError(code))
                                disagreements << what + u": editor forbids it, sandbox says " +
                                                     QString::number(code);
                            ++(editorAllows ? allowed : forbidden);
                        }
                    }
                }
            }
        }
    }
    qInfo("%s: %d combinations the editor allows (sandbox accepts), %d it forbids (sandbox "
          "refuses), %d it cannot offer (CLI refuses; %d of them sent and refused by the "
          "sandbox); %d in all",
          qPrintable(apiFamilyId(family)), allowed, forbidden, notOffered, notOfferedSent,
          allowed + forbidden + notOffered);
    QVERIFY2(disagreements.isEmpty(),
             qPrintable(disagreements.mid(0, 40).join(u'\n') +
                        QStringLiteral("\n(%1 disagreements)").arg(disagreements.size())));
    QVERIFY(allowed > 500);
    QVERIFY(forbidden > 50);
    QVERIFY(notOffered > 50);
}

// §3.10: the website's own CLI refuses v3.5–v5.5, and the sandbox refuses them by default (§6). The
// client follows §3.10's rule (offer v6, v5.6 and pixverse-c1; hide the rest): the editor does not
// offer them to a web account (a job reused with one gets the family's default model and the hint
// says so), and the catalog's check refuses them with a sentence before anything is sent (the CLI,
// a retried old job). Whether the real web server still takes them is unknown (§3.10, uncertain).
void TestRuleSweep::webRefusesTheModelsItNoLongerTakes() {
    signIn(ApiFamily::Web);
    if (QTest::currentTestFailed())
        return;
    const ModelCatalog& catalog = ModelCatalog::builtIn();
    QTemporaryDir dir;
    PromptEditor editor(dir.filePath(QStringLiteral("editor.ini")));
    editor.setFamily(ApiFamily::Web);
    auto* models = editor.findChild<QComboBox*>(QStringLiteral("modelCombo"));
    QStringList refused;
    for (const ModelSpec& model : catalog.models()) {
        if (model.offeredFor(ApiFamily::Web))
            continue;
        GenerationRequest r;
        r.prompt = kPrompt;
        r.model = model.id;
        QCOMPARE(models->findData(model.id), -1);
        editor.setRequest(r);
        QCOMPARE(editor.request().model, catalog.defaultModel(ApiFamily::Web));
        QVERIFY(editor.settingsHint().contains(model.label));
        // The sandbox judges the id a web client would send.
        GenerationRequest asSent = r;
        asSent.model = model.serviceId(ApiFamily::Web);
        QVERIFY2(send(ApiFamily::Web, asSent) == 400017, qPrintable(model.id));
        // The catalog's check (the CLI, a retried old job) refuses it before sending too.
        const QList<RuleViolation> violations = catalog.validate(r, ApiFamily::Web);
        QVERIFY2(!violations.isEmpty() && violations.first().field == QLatin1String("model"),
                 qPrintable(model.id));
        refused << model.id;
    }
    qInfo("web: not offered by the editor, refused by the catalog's check and by the sandbox: %s",
          qPrintable(refused.join(u' ')));
    QVERIFY(refused.contains(QStringLiteral("v4.5")));
    QVERIFY(refused.contains(QStringLiteral("v5")));
}

void TestRuleSweep::sweepExtras(ApiFamily family) {
    signIn(family);
    if (QTest::currentTestFailed())
        return;
    const ModelCatalog& catalog = ModelCatalog::builtIn();
    QStringList styles = catalog.styles();
    styles << QString();
    QStringList cameras = catalog.cameraMovements();
    cameras << QString();
    int allowed = 0;
    int forbidden = 0;
    QStringList disagreements;
    const QList<ModelSpec> models = catalog.offeredModels(family);
    for (const ModelSpec& model : models) {
        for (const QString& style : std::as_const(styles)) {
            for (const QString& camera : std::as_const(cameras)) {
                GenerationRequest r;
                r.prompt = kPrompt;
                r.model = model.id;
                r.style = style;
                r.cameraMovement = camera;
                const bool clientAllows = catalog.validate(r, family).isEmpty();
                const QString what = model.id + u" style '" + style + u"' camera '" + camera;
                // What the client refuses never leaves it; what it allows must be accepted. A
                // refused field the body builder leaves out cannot reach the sandbox, so the
                // refusal is checked on the catalog alone there.
                if (clientAllows) {
                    const qint64 code = send(family, r);
                    if (code != 0)
                        disagreements
                            << what + u"': client allows, sandbox says " + QString::number(code);
                } else if ((style.isEmpty() || model.takesStyle()) &&
                           (camera.isEmpty() || model.cameraMovement)) {
                    const qint64 code = send(family, r);
                    if (code != 400017)
                        disagreements
                            << what + u"': client forbids, sandbox says " + QString::number(code);
                }
                ++(clientAllows ? allowed : forbidden);
            }
        }
    }
    qInfo("%s styles and cameras: %d allowed, %d forbidden", qPrintable(apiFamilyId(family)),
          allowed, forbidden);
    QVERIFY2(disagreements.isEmpty(), qPrintable(disagreements.join(u'\n')));
    // Every style a model lists with every camera movement it takes (or none), on each model.
    int listed = 0;
    for (const ModelSpec& model : models)
        listed += int(model.styles.size() + 1) *
                  int(model.cameraMovement ? catalog.cameraMovements().size() + 1 : 1);
    QCOMPARE(allowed, listed);
}

void TestRuleSweep::pricesAgree() {
    const ModelCatalog& catalog = ModelCatalog::builtIn();
    const sandbox::SandboxRules& rules = sandbox::SandboxRules::builtIn();
    int compared = 0;
    int unpriced = 0;
    for (const ApiFamily family : {ApiFamily::OpenApi, ApiFamily::Web}) {
        const QList<ModelSpec> models = catalog.offeredModels(family);
        for (const ModelSpec& model : models) {
            const QList<bool> audio = model.hasSwitch(QStringLiteral("audio"), family)
                                          ? QList<bool>{false, true}
                                          : QList<bool>{false};
            for (const int duration : model.durations()) {
                for (const QString& quality : model.qualities) {
                    for (const QString& motion : model.motionChoices()) {
                        for (const bool sound : audio) {
                            GenerationRequest r;
                            r.prompt = kPrompt;
                            r.model = model.id;
                            r.duration = duration;
                            r.quality = quality;
                            r.motionMode = motion;
                            r.audio = sound;
                            if (!catalog.validate(r, family).isEmpty())
                                continue;
                            // The sandbox knows the model by the family's own id.
                            GenerationRequest asSent = r;
                            asSent.model = model.serviceId(family);
                            QVERIFY2(!rules.refusal(asSent, family), qPrintable(describe(r)));
                            const std::optional<int> cost = catalog.creditCost(r);
                            if (!cost) {
                                // No published price (v5.6 beyond 5 s): the client shows none,
                                // the sandbox charges its flat amount (§6).
                                QCOMPARE(rules.price(asSent, family), rules.unknownPriceCredits());
                                ++unpriced;
                                continue;
                            }
                            QCOMPARE(qint64(*cost), rules.price(asSent, family));
                            ++compared;
                        }
                    }
                }
            }
        }
    }
    qInfo("prices: %d combinations priced alike, %d without a published price", compared, unpriced);
    QVERIFY(compared >= 300);
}

void TestRuleSweep::promptLimitsAgree() {
    const ModelCatalog& catalog = ModelCatalog::builtIn();
    const sandbox::SandboxRules& rules = sandbox::SandboxRules::builtIn();
    for (const ApiFamily family : {ApiFamily::OpenApi, ApiFamily::Web}) {
        for (const ModelSpec& model : catalog.offeredModels(family))
            QCOMPARE(catalog.promptMaxLength(model.id, family),
                     rules.promptMaxLength(model.serviceId(family), family));
    }
    // §2.2 and §3.10: V6 and the website take 5000 characters, the other OpenAPI models 2048.
    QCOMPARE(catalog.promptMaxLength(QStringLiteral("v6"), ApiFamily::OpenApi), 5000);
    QCOMPARE(catalog.promptMaxLength(QStringLiteral("v4.5"), ApiFamily::OpenApi), 2048);
    QCOMPARE(catalog.promptMaxLength(QStringLiteral("c1"), ApiFamily::OpenApi), 2048);
    QCOMPARE(catalog.promptMaxLength(QStringLiteral("v6"), ApiFamily::Web), 5000);
    QCOMPARE(rules.negativePromptMaxLength(), catalog.negativePromptMaxLength());
}

QTEST_MAIN(TestRuleSweep)
#include "tst_rulesweep.moc"
