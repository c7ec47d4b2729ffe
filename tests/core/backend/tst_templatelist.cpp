// Issue 17 through OpenApiBackend against the sandbox over loopback: the template list page by
// page in the app's language, an effect of each kind (one image, two images, none) and a fusion
// created at the catalog's price, and the service's 500070/500071 read as the same sentences the
// checks before sending give.
#include "core/backend/BackendFactory.h"
#include "core/backend/OpenApiBackend.h"
#include "core/sandbox/SandboxHost.h"
#include "core/sandbox/SandboxTemplates.h"
#include "tests/support/Await.h"

#include <QImage>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;
using pixverse::test::await;
namespace templates = pixverse::sandbox::templates;

class TestTemplateList : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyPageInTheAppsLanguage();
    void aBadPageIsTheServicesError();
    void effectsOfEveryKindAtTheCatalogsPrice();
    void theServicesEffectRefusalsReadAsTheChecks();
    void fusionAtTheCatalogsPrice();
    void fusionWithAnUnknownMentionIsRefusedByBoth();

private:
    Result<QList<EffectTemplate>> page(const TemplateQuery& query);
    //! Every page from 1 until a short one, as TemplateLibrary reads them.
    QList<EffectTemplate> allPages(const QString& language, int pageSize);
    UploadedImage upload(const QString& name, const QColor& colour);
    Result<CreatedVideo> create(const GenerationRequest& r, const RequestInputs& inputs);
    GenerationRequest effect(const EffectTemplate& t) const;

    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
    Backend* m_backend = nullptr;
};

void TestTemplateList::initTestCase() {
    m_sandbox = std::make_unique<sandbox::SandboxHost>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    QVERIFY(m_dir.isValid());
    BackendConfig config;
    config.baseUrl = m_sandbox->baseUrl();
    config.secret = m_sandbox->defaultApiKey();
    const auto created = createBackend(&m_network, config, this);
    QVERIFY(created.ok());
    m_backend = *created.value;
    QVERIFY(m_backend->offersMode(GenerationMode::Effect));
    QVERIFY(m_backend->offersMode(GenerationMode::Fusion));
}

Result<QList<EffectTemplate>> TestTemplateList::page(const TemplateQuery& query) {
    const auto answer = await<Result<QList<EffectTemplate>>>(
        [&](auto done) { m_backend->fetchTemplates(query, this, done); });
    return answer.value_or(Result<QList<EffectTemplate>>::failure(ApiError::timeout()));
}

QList<EffectTemplate> TestTemplateList::allPages(const QString& language, int pageSize) {
    QList<EffectTemplate> out;
    TemplateQuery query;
    query.language = language;
    query.pageSize = pageSize;
    for (;; ++query.page) {
        const Result<QList<EffectTemplate>> one = page(query);
        if (!one.ok())
            return {};
        out << *one.value;
        if (one.value->size() < pageSize)
            return out;
    }
}

UploadedImage TestTemplateList::upload(const QString& name, const QColor& colour) {
    QImage picture(640, 360, QImage::Format_RGB32);
    picture.fill(colour);
    const QString path = m_dir.filePath(name);
    if (!picture.save(path))
        return {};
    const auto uploaded =
        await<Result<UploadedImage>>([&](auto done) { m_backend->uploadImage(path, this, done); });
    return uploaded && uploaded->ok() ? *uploaded->value : UploadedImage{};
}

Result<CreatedVideo> TestTemplateList::create(const GenerationRequest& r,
                                              const RequestInputs& inputs) {
    const auto created = await<Result<CreatedVideo>>(
        [&](auto done) { m_backend->createVideo(r, inputs, ApiClient::newTraceId(), this, done); });
    // Finished on the sandbox's clock, so the account's slots (5 at once) stay free.
    m_sandbox->advanceClock(120 * 1000);
    return created.value_or(Result<CreatedVideo>::failure(ApiError::timeout()));
}

GenerationRequest TestTemplateList::effect(const EffectTemplate& t) const {
    GenerationRequest r;
    r.mode = GenerationMode::Effect;
    r.model = QStringLiteral("v6");
    r.prompt = t.prompt;
    r.quality = QStringLiteral("540p");
    r.duration = 5;
    r.seed = 11;
    r.templateId = t.id;
    r.templateName = t.name;
    r.templateImageCount = t.imageCount;
    r.templateQualities = t.qualities;
    r.templateNeedsActivation = t.needsActivation;
    for (int i = 0; i < t.imageCount; ++i)
        r.images << RequestImage{
            RequestImage::Role::Start, m_dir.filePath(QStringLiteral("start%1.png").arg(i)), {}};
    return r;
}

void TestTemplateList::everyPageInTheAppsLanguage() {
    const qint64 before = m_sandbox->stats().templateListCalls;
    // 36 templates in pages of 10: 10, 10, 10, 6.
    const QList<EffectTemplate> english = allPages(QStringLiteral("en"), 10);
    QCOMPARE(m_sandbox->stats().templateListCalls, before + 4);
    QCOMPARE(english.size(), templates::kDefaultTemplateCount);
    QSet<qint64> ids;
    for (const EffectTemplate& t : english) {
        ids.insert(t.id);
        QVERIFY(!t.name.isEmpty());
        QVERIFY(t.previewUrl.endsWith(QStringLiteral(".mp4")));
        QVERIFY(t.thumbnailUrl.endsWith(QStringLiteral(".jpg")));
        QVERIFY(t.previewUrl.startsWith(m_sandbox->baseUrl().toString()));
        QVERIFY(!t.category.isEmpty());
        QVERIFY(!t.qualities.isEmpty());
    }
    QCOMPARE(ids.size(), templates::kDefaultTemplateCount);
    // The documented traits, in the sandbox's order.
    QCOMPARE(english.at(0).id, templates::kAudienceReactionId);
    QCOMPARE(english.at(0).name, QStringLiteral("Audience Reaction Shot"));
    QCOMPARE(english.at(0).imageCount, 1);
    auto byId = [&english](qint64 id) {
        return *std::find_if(english.cbegin(), english.cend(),
                             [id](const EffectTemplate& t) { return t.id == id; });
    };
    QCOMPARE(byId(templates::kLowQualityOnlyId).qualities,
             (QStringList{QStringLiteral("360p"), QStringLiteral("540p")}));
    QCOMPARE(byId(templates::kTwoImageId).imageCount, 2);
    QCOMPARE(byId(templates::kTextOnlyId).imageCount, 0);
    // Nothing says a template needs activation: that is learned from 500070.
    QVERIFY(!byId(templates::kNotActivatedId).needsActivation);

    // Accept-Language: the same templates with Russian names, in one page of 50.
    const QList<EffectTemplate> russian = allPages(QStringLiteral("ru"), 50);
    QCOMPARE(russian.size(), english.size());
    QCOMPARE(russian.at(0).id, english.at(0).id);
    QVERIFY(russian.at(0).name != english.at(0).name);
    QVERIFY(russian.at(0).name.contains(QRegularExpression(QStringLiteral("[а-яА-Я]"))));
    int storms = 0;
    for (const EffectTemplate& t : english)
        storms += t.name.contains(QLatin1String(templates::kUniqueSearchWord)) ? 1 : 0;
    QCOMPARE(storms, 1);
}

void TestTemplateList::aBadPageIsTheServicesError() {
    // Past the end: an empty page, not an error.
    TemplateQuery query;
    query.page = 9;
    const Result<QList<EffectTemplate>> past = page(query);
    QVERIFY(past.ok());
    QVERIFY(past.value->isEmpty());
    // Image templates (type 2): none the app could send.
    query.page = 1;
    query.type = 2;
    const Result<QList<EffectTemplate>> images = page(query);
    QVERIFY(images.ok());
    QVERIFY(images.value->isEmpty());
    // A broken answer is malformed, not an empty list.
    sandbox::SandboxFault broken;
    broken.kind = sandbox::SandboxFault::Kind::MalformedJson;
    broken.pathContains = QStringLiteral("templates/list");
    broken.count = 5;
    m_sandbox->injectFault(broken);
    query.type = 1;
    const Result<QList<EffectTemplate>> spoilt = page(query);
    m_sandbox->clearFaults();
    QVERIFY(!spoilt.ok());
    QCOMPARE(spoilt.error.kind(), ApiError::Kind::MalformedReply);
}

void TestTemplateList::effectsOfEveryKindAtTheCatalogsPrice() {
    const QList<EffectTemplate> list = allPages(QString(), 50);
    QVERIFY(!list.isEmpty());
    const ModelCatalog& catalog = ModelCatalog::builtIn();
    for (const qint64 id :
         {templates::kAudienceReactionId, templates::kTwoImageId, templates::kTextOnlyId}) {
        const EffectTemplate t = *std::find_if(
            list.cbegin(), list.cend(), [id](const EffectTemplate& e) { return e.id == id; });
        GenerationRequest r = effect(t);
        r.aspectRatio = QStringLiteral("9:16");
        QVERIFY2(catalog.validate(r, ApiFamily::OpenApi).isEmpty(), qPrintable(t.name));
        RequestInputs inputs;
        for (int i = 0; i < t.imageCount; ++i)
            inputs.starts << upload(QStringLiteral("e%1-%2.png").arg(id).arg(i), Qt::darkCyan);
        const qint64 before = m_sandbox->stats().generationsCreated;
        const Result<CreatedVideo> created = create(r, inputs);
        QVERIFY2(created.ok(), qPrintable(t.name + u": " + created.error.logText()));
        QVERIFY(created.value->videoId > 0);
        QCOMPARE(m_sandbox->stats().generationsCreated, before + 1);
        QCOMPARE(created.value->credits, catalog.creditCost(r)); // V6 540p 7/s × 5 = 35
        QCOMPARE(created.value->credits, std::optional<int>(35));
    }
}

void TestTemplateList::theServicesEffectRefusalsReadAsTheChecks() {
    const QList<EffectTemplate> list = allPages(QString(), 50);
    auto find = [&list](qint64 id) {
        return *std::find_if(list.cbegin(), list.cend(),
                             [id](const EffectTemplate& e) { return e.id == id; });
    };
    RequestInputs inputs;
    inputs.starts << upload(QStringLiteral("refused.png"), Qt::darkRed);
    // Not activated: the list does not say so, the service answers 500070.
    GenerationRequest notActivated = effect(find(templates::kNotActivatedId));
    const Result<CreatedVideo> refused = create(notActivated, inputs);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error.errCode(), 500070);
    // Once learned, the check before sending says the same sentence.
    notActivated.templateNeedsActivation = true;
    const QList<RuleViolation> checked =
        ModelCatalog::builtIn().validate(notActivated, ApiFamily::OpenApi);
    QCOMPARE(checked.size(), 1);
    QCOMPARE(checked.first().reason, refused.error.userMessage());
    // A quality the template leaves out: 500071 when sent anyway, the same sentence when checked.
    GenerationRequest high = effect(find(templates::kLowQualityOnlyId));
    high.quality = QStringLiteral("720p");
    high.templateQualities.clear(); // as if the list had not said it
    const Result<CreatedVideo> tooHigh = create(high, inputs);
    QCOMPARE(tooHigh.error.errCode(), 500071);
    high.templateQualities = find(templates::kLowQualityOnlyId).qualities;
    QCOMPARE(ModelCatalog::builtIn().validate(high, ApiFamily::OpenApi).first().reason,
             tooHigh.error.userMessage());
}

void TestTemplateList::fusionAtTheCatalogsPrice() {
    GenerationRequest r;
    r.mode = GenerationMode::Fusion;
    r.model = QStringLiteral("v6");
    r.prompt = QStringLiteral("@dog plays at @room");
    r.quality = QStringLiteral("540p");
    r.duration = 5;
    r.aspectRatio = QStringLiteral("16:9");
    r.images = {{RequestImage::Role::Subject, m_dir.filePath(QStringLiteral("dog.png")),
                 QStringLiteral("dog")},
                {RequestImage::Role::Background, m_dir.filePath(QStringLiteral("room.png")),
                 QStringLiteral("room")}};
    const ModelCatalog& catalog = ModelCatalog::builtIn();
    QVERIFY(catalog.validate(r, ApiFamily::OpenApi).isEmpty());
    RequestInputs inputs;
    inputs.references << upload(QStringLiteral("dog.png"), Qt::yellow)
                      << upload(QStringLiteral("room.png"), Qt::gray);
    for (const QString& model : {QStringLiteral("v6"), QStringLiteral("v4.5"), QStringLiteral("c1"),
                                 QStringLiteral("v5")}) {
        r.model = model;
        r.audio = model == QLatin1String("c1");
        const Result<CreatedVideo> created = create(r, inputs);
        QVERIFY2(created.ok(), qPrintable(model + u": " + created.error.logText()));
        QCOMPARE(created.value->credits, catalog.creditCost(r));
    }
}

void TestTemplateList::fusionWithAnUnknownMentionIsRefusedByBoth() {
    GenerationRequest r;
    r.mode = GenerationMode::Fusion;
    r.model = QStringLiteral("v6");
    r.prompt = QStringLiteral("@dog meets @cat");
    r.quality = QStringLiteral("540p");
    r.aspectRatio = QStringLiteral("16:9");
    r.images = {{RequestImage::Role::Subject, m_dir.filePath(QStringLiteral("dog.png")),
                 QStringLiteral("dog")}};
    const QList<RuleViolation> checked = ModelCatalog::builtIn().validate(r, ApiFamily::OpenApi);
    QCOMPARE(checked.size(), 1);
    QVERIFY(checked.first().reason.contains(QStringLiteral("@cat")));
    // Sent anyway, the service refuses it too (400017, §2.15 inferred).
    RequestInputs inputs;
    inputs.references << upload(QStringLiteral("dog2.png"), Qt::yellow);
    const Result<CreatedVideo> refused = create(r, inputs);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error.errCode(), 400017);
}

QTEST_GUILESS_MAIN(TestTemplateList)
#include "tst_templatelist.moc"
