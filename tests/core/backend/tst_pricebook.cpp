// PriceBook against the sandbox over loopback (issue 19): a website account's formulas are
// fetched once per session, and the exact quote equals what the sandbox then charges for t2v,
// i2v and transition, with and without sound; an API key is quoted from the table, which the
// sandbox charges too; a price list the service will not give (Resp null, no token) leaves the
// table's figure marked "about".
#include "core/api/ApiClient.h"
#include "core/api/WebApiRequests.h"
#include "core/backend/BackendFactory.h"
#include "core/backend/PriceBook.h"
#include "core/backend/WebBackend.h"
#include "core/generation/ModelCatalog.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/support/Await.h"

#include <QImage>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;
using pixverse::test::await;

namespace {
const QString kEmail = QStringLiteral("creator@sandbox.local");
const QString kPassword = QStringLiteral("sandbox-password");
constexpr qint64 kPlenty = 100000;
} // namespace

class TestPriceBook : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void formulasAreFetchedOncePerSession();
    void webQuoteEqualsTheCharge_data();
    void webQuoteEqualsTheCharge();
    void openApiQuotesTheTable_data();
    void openApiQuotesTheTable();
    void noTokenMeansAbout();

private:
    Backend* signIn(ApiFamily family);
    //! A PriceBook of `backend` with its formulas read (web) or none to read (OpenAPI).
    std::unique_ptr<PriceBook> readyBook(Backend* backend);
    //! Sends `request` (uploading its images first) and returns the credits the balance lost.
    std::optional<qint64> charge(Backend* backend, const GenerationRequest& request);
    std::optional<qint64> balance(Backend* backend);
    QString image(const QString& name);

    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
};

void TestPriceBook::initTestCase() {
    m_sandbox = std::make_unique<sandbox::SandboxHost>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
}

Backend* TestPriceBook::signIn(ApiFamily family) {
    BackendConfig config;
    config.family = family;
    config.baseUrl = m_sandbox->baseUrl();
    if (family == ApiFamily::Web) {
        ApiClient client(&m_network);
        client.setBaseUrl(m_sandbox->baseUrl());
        client.setExtraHeaders(web::defaultHeaders());
        const auto login = await<Result<web::LoginResult>>([&](auto done) {
            client.call(web::LoginRequest(kEmail, kPassword), nullptr,
                        std::function<void(Result<web::LoginResult>)>(done));
        });
        if (!login || !login->ok())
            return nullptr;
        config.objectStoreUrl = sandboxObjectStoreUrl(m_sandbox->baseUrl());
        config.secret = login->value->token;
        config.account = kEmail;
    } else {
        config.secret = m_sandbox->defaultApiKey();
    }
    const auto made = createBackend(&m_network, config, this);
    return made.ok() ? *made.value : nullptr;
}

std::unique_ptr<PriceBook> TestPriceBook::readyBook(Backend* backend) {
    auto book = std::make_unique<PriceBook>(backend, &ModelCatalog::builtIn());
    book->refresh();
    if (!QTest::qWaitFor([&book] { return !book->isFetching(); }, 10000))
        qWarning("the price book still waits for an answer");
    return book;
}

std::optional<qint64> TestPriceBook::balance(Backend* backend) {
    const auto credits =
        await<Result<Balance>>([&](auto done) { backend->fetchBalance(this, done); });
    if (!credits || !credits->ok())
        return std::nullopt;
    return credits->value->total();
}

QString TestPriceBook::image(const QString& name) {
    QImage picture(640, 360, QImage::Format_RGB32);
    picture.fill(QColor(30, 90, 160));
    const QString path = m_dir.filePath(name);
    return picture.save(path) ? path : QString();
}

std::optional<qint64> TestPriceBook::charge(Backend* backend, const GenerationRequest& request) {
    RequestInputs inputs;
    auto upload = [&](const QString& path) -> std::optional<UploadedImage> {
        const auto uploaded = await<Result<UploadedImage>>(
            [&](auto done) { backend->uploadImage(path, this, done); });
        if (!uploaded || !uploaded->ok())
            return std::nullopt;
        return *uploaded->value;
    };
    if (request.mode == GenerationMode::ImageToVideo)
        inputs.start = upload(request.startImagePath());
    if (request.mode == GenerationMode::Transition) {
        inputs.first = upload(request.imagePath(RequestImage::Role::FirstFrame));
        inputs.last = upload(request.imagePath(RequestImage::Role::LastFrame));
    }
    const std::optional<qint64> before = balance(backend);
    const auto created = await<Result<CreatedVideo>>([&](auto done) {
        backend->createVideo(request, inputs, ApiClient::newTraceId(), this, done);
    });
    if (!created || !created->ok()) {
        qWarning() << "not created:" << (created ? created->error.logText() : QString());
        return std::nullopt;
    }
    const std::optional<qint64> after = balance(backend);
    m_sandbox->advanceClock(10 * 60 * 1000); // made: the account's concurrency limit frees up
    if (!before || !after)
        return std::nullopt;
    return *before - *after;
}

void TestPriceBook::formulasAreFetchedOncePerSession() {
    Backend* backend = signIn(ApiFamily::Web);
    QVERIFY(backend);
    PriceBook book(backend, &ModelCatalog::builtIn());
    QSignalSpy changed(&book, &PriceBook::pricesChanged);
    GenerationRequest r;
    r.model = QStringLiteral("v6");
    r.audio = true;
    QCOMPARE(book.quote(r).basis, PriceQuote::Basis::Estimate); // until they come
    book.refresh();
    book.refresh(); // while the first fetch runs: nothing more is sent
    QCOMPARE(book.fetchCount(), 1);
    QTRY_VERIFY(book.hasFormulas() && !book.isFetching());
    QVERIFY(changed.count() >= 1);
    QVERIFY(book.formulaKeys().contains(QStringLiteral("transition")));
    QCOMPARE(book.quote(r).basis, PriceQuote::Basis::Formula);
    const qint64 requests = m_sandbox->stats().requests;
    book.refresh(); // fresh formulas: no second fetch this session
    QCOMPARE(book.fetchCount(), 1);
    QCOMPARE(m_sandbox->stats().requests, requests);
    // Once they are older than kMaxAgeSeconds, the next refresh fetches them again.
    const QDateTime old = QDateTime::currentDateTimeUtc().addSecs(-PriceBook::kMaxAgeSeconds - 1);
    book.setFormulas(book.formulas(), old);
    book.refresh();
    QCOMPARE(book.fetchCount(), 2);
    QTRY_VERIFY(book.fetchedAt() > old.addSecs(PriceBook::kMaxAgeSeconds));
}

void TestPriceBook::webQuoteEqualsTheCharge_data() {
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("quality");
    QTest::addColumn<int>("duration");
    QTest::addColumn<bool>("audio");
    const int t2v = int(GenerationMode::TextToVideo);
    const int i2v = int(GenerationMode::ImageToVideo);
    const int transition = int(GenerationMode::Transition);
    QTest::newRow("t2v v6 540p 5 s sound") << t2v << "v6"
                                           << "540p" << 5 << true;
    QTest::newRow("t2v v6 540p 5 s silent") << t2v << "v6"
                                            << "540p" << 5 << false;
    QTest::newRow("t2v v6 720p 7 s sound") << t2v << "v6"
                                           << "720p" << 7 << true;
    QTest::newRow("t2v c1 1080p 3 s sound") << t2v << "c1"
                                            << "1080p" << 3 << true;
    QTest::newRow("t2v v5.6 540p 8 s") << t2v << "v5.6"
                                       << "540p" << 8 << false;
    QTest::newRow("i2v v6 360p 4 s sound") << i2v << "v6"
                                           << "360p" << 4 << true;
    QTest::newRow("i2v c1 720p 6 s silent") << i2v << "c1"
                                            << "720p" << 6 << false;
    QTest::newRow("transition v6 540p 5 s sound") << transition << "v6"
                                                  << "540p" << 5 << true;
    QTest::newRow("transition v6 540p 5 s silent") << transition << "v6"
                                                   << "540p" << 5 << false;
}

void TestPriceBook::webQuoteEqualsTheCharge() {
    QFETCH(int, mode);
    QFETCH(QString, model);
    QFETCH(QString, quality);
    QFETCH(int, duration);
    QFETCH(bool, audio);
    Backend* backend = signIn(ApiFamily::Web);
    QVERIFY(backend);
    m_sandbox->setCredits(kEmail, 0, kPlenty, 0);
    const std::unique_ptr<PriceBook> book = readyBook(backend);
    QVERIFY(book->hasFormulas());

    GenerationRequest r;
    r.mode = GenerationMode(mode);
    r.prompt = QStringLiteral("A lighthouse in the fog");
    r.model = model;
    r.quality = quality;
    r.duration = duration;
    r.audio = audio;
    if (r.mode == GenerationMode::ImageToVideo)
        r.setStartImage(image(QStringLiteral("start.png")));
    if (r.mode == GenerationMode::Transition)
        r.images = {{RequestImage::Role::FirstFrame, image(QStringLiteral("first.png")), {}},
                    {RequestImage::Role::LastFrame, image(QStringLiteral("last.png")), {}}};
    const PriceQuote quote = book->quote(r);
    QCOMPARE(quote.basis, PriceQuote::Basis::Formula);
    QVERIFY(quote.known());
    QVERIFY(!quote.atMost);
    QCOMPARE(quote.text(), QStringLiteral("%1 credits").arg(*quote.credits));
    const std::optional<qint64> charged = charge(backend, r);
    QVERIFY(charged);
    QCOMPARE(*charged, *quote.credits);
    if (model == QLatin1String("v6") && quality == QLatin1String("540p") && duration == 5 && audio)
        QCOMPARE(*charged, qint64(38)); // the site's figure (§3.12); the table says 45
}

void TestPriceBook::openApiQuotesTheTable_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("audio");
    QTest::newRow("v6 sound") << QStringLiteral("v6") << true;
    QTest::newRow("c1 silent") << QStringLiteral("c1") << false;
    QTest::newRow("v4.5") << QStringLiteral("v4.5") << false;
}

void TestPriceBook::openApiQuotesTheTable() {
    QFETCH(QString, model);
    QFETCH(bool, audio);
    Backend* backend = signIn(ApiFamily::OpenApi);
    QVERIFY(backend);
    const std::unique_ptr<PriceBook> book = readyBook(backend);
    QCOMPARE(book->fetchCount(), 0); // the published table: nothing to fetch
    QVERIFY(!book->hasFormulas());
    GenerationRequest r;
    r.prompt = QStringLiteral("A red kite");
    r.model = model;
    r.audio = audio;
    const PriceQuote quote = book->quote(r);
    QCOMPARE(quote.basis, PriceQuote::Basis::Table);
    QCOMPARE(*quote.credits, qint64(*ModelCatalog::builtIn().creditCost(r)));
    QCOMPARE(quote.text(), QStringLiteral("%1 credits").arg(*quote.credits));
    m_sandbox->setCredits(m_sandbox->defaultApiKey(), kPlenty, 0);
    const std::optional<qint64> charged = charge(backend, r);
    QVERIFY(charged);
    QCOMPARE(*charged, *quote.credits);
}

void TestPriceBook::noTokenMeansAbout() {
    // The service answers a call without a token with ErrCode 0 and Resp null (§3.12).
    auto* client = new ApiClient(&m_network);
    client->setBaseUrl(m_sandbox->baseUrl());
    WebBackend backend(client, QString(), kEmail, sandboxObjectStoreUrl(m_sandbox->baseUrl()));
    client->setParent(&backend);
    const auto answer =
        await<Result<PriceFormulas>>([&](auto done) { backend.fetchPriceFormulas(this, done); });
    QVERIFY(answer);
    QVERIFY(!answer->ok());
    QCOMPARE(answer->error.kind(), ApiError::Kind::MalformedReply);

    PriceBook book(&backend, &ModelCatalog::builtIn());
    QSignalSpy changed(&book, &PriceBook::pricesChanged);
    book.refresh();
    QVERIFY(changed.wait(10000));
    QVERIFY(!book.hasFormulas());
    GenerationRequest r;
    r.model = QStringLiteral("v6");
    r.audio = true;
    const PriceQuote quote = book.quote(r);
    QCOMPARE(quote.basis, PriceQuote::Basis::Estimate);
    QCOMPARE(*quote.credits, qint64(*ModelCatalog::builtIn().creditCost(r)));
    QCOMPARE(quote.text(), QStringLiteral("about %1 credits").arg(*quote.credits));
}

QTEST_MAIN(TestPriceBook)
#include "tst_pricebook.moc"
