// ApiClient over real loopback HTTP to the sandbox: envelopes, every ErrCode the sandbox can
// produce, trace ids (fresh, replayed, kept on create retries), retries, timeouts, cancellation.
#include "core/api/ApiClient.h"
#include "core/api/OpenApiRequests.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/support/Await.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;
using pixverse::test::await;

namespace {
QByteArray pngBytes(int width, int height) {
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}
} // namespace

class TestApiClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void balanceOverLoopback();
    void wrongKeyIsAnAuthError();
    void everyParameterErrCodeReachesTheCreator_data();
    void everyParameterErrCodeReachesTheCreator();
    void uploadErrCodes_data();
    void uploadErrCodes();
    void unknownImageAndVideo();
    void creditsAndConcurrency();
    void reusedTraceIdIsReplayed();
    void createRetryKeepsItsTraceId();
    void retriesServerErrorsThenSucceeds();
    void honoursRetryAfter();
    void givesUpAfterMaxAttempts();
    void malformedReply();
    void highLoadIsRetried();
    void timeoutOnStall();
    void droppedConnection();
    void connectionRefused();
    void insecureUrlSendsNothing();
    void cancelledCallNeverCallsBack();
    void destroyedContextNeverCalledBack();

private:
    template <typename R>
    Result<typename R::Output> call(const R& request, ApiClient* client = nullptr) {
        ApiClient* c = client ? client : m_client.get();
        auto result = await<Result<typename R::Output>>([&](auto done) {
            c->call(request, nullptr, std::function<void(Result<typename R::Output>)>(done));
        });
        if (!result)
            return Result<typename R::Output>::failure(
                ApiError::timeout(QStringLiteral("test waited too long")));
        return *result;
    }
    //! `bytes` as a file, since uploads stream from files.
    QString file(const QString& name, const QByteArray& bytes) {
        const QString path = m_dir.filePath(name);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
            return {};
        return path;
    }
    ApiReply send(const ApiRequest& request) {
        auto reply = await<ApiReply>([&](auto done) { m_client->send(request, nullptr, done); });
        return reply.value_or(ApiReply{});
    }
    static GenerationRequest validRequest() {
        GenerationRequest r;
        r.prompt = QStringLiteral("A serene mountain lake at sunrise");
        return r;
    }

    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    QNetworkAccessManager m_network;
    std::unique_ptr<ApiClient> m_client;
    QTemporaryDir m_dir;
};

void TestApiClient::initTestCase() {
    sandbox::SandboxConfig config;
    config.maxImageBytes = 300 * 1024; // keeps the "too big" upload small
    config.concurrencyLimit = 2;
    m_sandbox = std::make_unique<sandbox::SandboxHost>(config);
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
}

void TestApiClient::init() {
    m_sandbox->clearFaults();
    m_sandbox->setCredits(m_sandbox->defaultApiKey(), 100000, 0);
    m_client = std::make_unique<ApiClient>(&m_network);
    QVERIFY(!m_client->setBaseUrl(m_sandbox->baseUrl()).isError());
    m_client->setCredential(openapi::kCredentialHeader, m_sandbox->defaultApiKey());
    m_client->setRetryPolicy({3, 20, 200});
    m_client->setDefaultTimeout(5000);
}

void TestApiClient::cleanup() {
    // Free the concurrency slots for the next test.
    m_sandbox->advanceClock(3600 * 1000);
    m_sandbox->clearFaults();
}

void TestApiClient::balanceOverLoopback() {
    const auto balance = call(openapi::BalanceRequest());
    QVERIFY2(balance.ok(), qPrintable(balance.error.logText()));
    QCOMPARE(balance.value->total(), 100000);
    QVERIFY(balance.value->accountId > 0);
}

void TestApiClient::wrongKeyIsAnAuthError() {
    m_client->setCredential(openapi::kCredentialHeader, QStringLiteral("sk-not-a-real-key-000000"));
    const auto balance = call(openapi::BalanceRequest());
    QVERIFY(!balance.ok());
    QCOMPARE(balance.error.errCode(), 400012);
    QCOMPARE(balance.error.category(), ApiError::Category::Auth);
    QVERIFY(balance.error.isSessionEnd());
    QCOMPARE(balance.error.userMessage(), ApiError::service(400012, {}).userMessage());
    m_client->clearCredential();
    QCOMPARE(call(openapi::BalanceRequest()).error.errCode(), 400012);
}

void TestApiClient::everyParameterErrCodeReachesTheCreator_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("errCode");
    const QByteArray ok = R"("model":"v4.5","duration":5,"quality":"540p","aspect_ratio":"16:9")";
    QTest::newRow("missing prompt") << QByteArray("{" + ok + "}") << qint64(400011);
    QTest::newRow("duration as text")
        << QByteArray(R"({"prompt":"x",)" +
                      QByteArray(ok).replace(R"("duration":5)", R"("duration":"five")") + "}")
        << qint64(400013);
    QTest::newRow("1080p with 8 s")
        << QByteArray(
               R"({"prompt":"x","model":"v4.5","duration":8,"quality":"1080p","aspect_ratio":"16:9"})")
        << qint64(400017);
    QTest::newRow("fast with 8 s")
        << QByteArray(
               R"({"prompt":"x","model":"v4.5","duration":8,"quality":"540p","aspect_ratio":"16:9","motion_mode":"fast"})")
        << qint64(400017);
    QTest::newRow("unknown model")
        << QByteArray(
               R"({"prompt":"x","model":"v9","duration":5,"quality":"540p","aspect_ratio":"16:9"})")
        << qint64(400017);
    QTest::newRow("seed too big")
        << QByteArray(
               R"({"prompt":"x","model":"v4.5","duration":5,"quality":"540p","aspect_ratio":"16:9","seed":2147483648})")
        << qint64(400017);
    QTest::newRow("prompt 2049")
        << QByteArray(R"({"prompt":")" + QByteArray(2049, 'a') +
                      R"(","model":"v4.5","duration":5,"quality":"540p","aspect_ratio":"16:9"})")
        << qint64(400018);
}

void TestApiClient::everyParameterErrCodeReachesTheCreator() {
    QFETCH(QByteArray, body);
    QFETCH(qint64, errCode);
    ApiRequest request;
    request.verb = ApiRequest::Verb::Post;
    request.path = QStringLiteral("openapi/v2/video/text/generate");
    request.body = body;
    request.contentType = "application/json";
    const ApiReply reply = send(request);
    QCOMPARE(reply.error.kind(), ApiError::Kind::Service);
    QCOMPARE(reply.error.errCode(), errCode);
    QCOMPARE(reply.error.httpStatus(), 200); // business errors come as HTTP 200
    QCOMPARE(reply.error.category(), ApiError::Category::Refusal);
    QCOMPARE(reply.error.userMessage(), ApiError::service(errCode, {}).userMessage());
}

void TestApiClient::uploadErrCodes_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("mime");
    QTest::addColumn<qint64>("errCode");
    QTest::newRow("gif") << QByteArray("GIF89a\x01\x00\x01\x00\x00\x00\x00;", 14) << "a.gif"
                         << QByteArray("image/gif") << qint64(500032);
    QTest::newRow("broken png") << QByteArray("\x89PNG\r\n\x1a\n"
                                              "garbage-garbage",
                                              23)
                                << "b.png" << QByteArray("image/png") << qint64(500031);
    QTest::newRow("over 4000 px") << pngBytes(4001, 8) << "wide.png" << QByteArray("image/png")
                                  << qint64(500030);
    QByteArray noisy(400 * 1024, '\0');
    for (qsizetype i = 0; i < noisy.size(); ++i)
        noisy[i] = char((i * 7919) % 251);
    QTest::newRow("over the size limit") << QByteArray("\x89PNG\r\n\x1a\n", 8) + noisy << "big.png"
                                         << QByteArray("image/png") << qint64(500030);
}

void TestApiClient::uploadErrCodes() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, name);
    QFETCH(QByteArray, mime);
    QFETCH(qint64, errCode);
    const auto uploaded = call(openapi::UploadImageRequest(file(name, bytes), name, mime));
    QVERIFY(!uploaded.ok());
    QCOMPARE(uploaded.error.errCode(), errCode);
    QCOMPARE(uploaded.error.userMessage(), ApiError::service(errCode, {}).userMessage());
}

void TestApiClient::unknownImageAndVideo() {
    const auto uploaded = call(openapi::UploadImageRequest(
        file(QStringLiteral("ok.png"), pngBytes(64, 48)), QStringLiteral("ok.png"), "image/png"));
    QVERIFY2(uploaded.ok(), qPrintable(uploaded.error.logText()));
    QVERIFY(uploaded.value->imageId > 0);
    const auto wrongImage =
        call(openapi::ImageToVideoRequest(validRequest(), uploaded.value->imageId + 1));
    QCOMPARE(wrongImage.error.errCode(), 400032);
    const auto unknownVideo = call(openapi::VideoResultRequest(Q_INT64_C(42)));
    QCOMPARE(unknownVideo.error.errCode(), 500008);
    QVERIFY(!unknownVideo.error.userMessage().isEmpty());
}

void TestApiClient::creditsAndConcurrency() {
    // Limit 2 in this sandbox: the third concurrent generation is refused with 500044.
    QVERIFY(call(openapi::TextToVideoRequest(validRequest())).ok());
    QVERIFY(call(openapi::TextToVideoRequest(validRequest())).ok());
    const auto third = call(openapi::TextToVideoRequest(validRequest()));
    QCOMPARE(third.error.errCode(), 500044);
    QVERIFY(!third.error.isRetryable()); // the scheduler queues it; the client does not hammer
    m_sandbox->advanceClock(60 * 1000);
    QVERIFY2(call(openapi::TextToVideoRequest(validRequest())).ok(),
             "a finished video frees its slot");

    m_sandbox->setCredits(m_sandbox->defaultApiKey(), 10, 5);
    const auto poor = call(openapi::TextToVideoRequest(validRequest()));
    QCOMPARE(poor.error.errCode(), 500090);
    QCOMPARE(poor.error.userMessage(), ApiError::service(500090, {}).userMessage());
}

void TestApiClient::reusedTraceIdIsReplayed() {
    const auto created = call(openapi::TextToVideoRequest(validRequest()));
    QVERIFY(created.ok());
    openapi::VideoResultRequest poll(created.value->videoId);
    poll.traceId = ApiClient::newTraceId();
    const auto first = call(poll);
    QVERIFY(first.ok());
    QCOMPARE(first.value->state, VideoState::Pending);
    const qint64 replayedBefore = m_sandbox->stats().replayedAnswers;

    m_sandbox->advanceClock(60 * 1000);
    // The documented trap: same trace id → the old answer, "stuck in generating".
    const auto replayed = call(poll);
    QCOMPARE(replayed.value->state, VideoState::Pending);
    QCOMPARE(m_sandbox->stats().replayedAnswers, replayedBefore + 1);
    // A fresh trace id (what the client does by default) sees the truth.
    const auto fresh = call(openapi::VideoResultRequest(created.value->videoId));
    QCOMPARE(fresh.value->state, VideoState::Succeeded);
    QVERIFY(fresh.value->url.startsWith(m_sandbox->baseUrl().toString()));
}

void TestApiClient::createRetryKeepsItsTraceId() {
    const QString trace = ApiClient::newTraceId();
    const qint64 createdBefore = m_sandbox->stats().generationsCreated;
    const auto first = call(openapi::TextToVideoRequest(validRequest(), trace));
    const auto again = call(openapi::TextToVideoRequest(validRequest(), trace));
    QVERIFY(first.ok() && again.ok());
    QCOMPARE(again.value->videoId, first.value->videoId);
    QCOMPARE(m_sandbox->stats().generationsCreated, createdBefore + 1);
}

void TestApiClient::retriesServerErrorsThenSucceeds() {
    sandbox::SandboxFault fault;
    fault.kind = sandbox::SandboxFault::Kind::HttpStatus;
    fault.httpStatus = 502;
    fault.count = 2;
    fault.pathContains = QStringLiteral("account/balance");
    m_sandbox->injectFault(fault);
    const auto reply = send(openapi::BalanceRequest());
    QVERIFY2(!reply.error.isError(), qPrintable(reply.error.logText()));
    QCOMPARE(reply.attempts, 3);
}

void TestApiClient::honoursRetryAfter() {
    sandbox::SandboxFault fault;
    fault.kind = sandbox::SandboxFault::Kind::HttpStatus;
    fault.httpStatus = 429;
    fault.retryAfterSeconds = 1;
    fault.count = 1;
    fault.pathContains = QStringLiteral("account/balance");
    m_sandbox->injectFault(fault);
    QElapsedTimer timer;
    timer.start();
    const auto reply = send(openapi::BalanceRequest());
    QVERIFY(!reply.error.isError());
    QCOMPARE(reply.attempts, 2);
    QVERIFY2(timer.elapsed() >= 900, "waited as long as Retry-After asked");
}

void TestApiClient::givesUpAfterMaxAttempts() {
    sandbox::SandboxFault fault;
    fault.kind = sandbox::SandboxFault::Kind::HttpStatus;
    fault.httpStatus = 500;
    fault.count = -1;
    m_sandbox->injectFault(fault);
    const auto reply = send(openapi::BalanceRequest());
    QCOMPARE(reply.error.kind(), ApiError::Kind::Http);
    QCOMPARE(reply.error.httpStatus(), 500);
    QCOMPARE(reply.attempts, 3);
    QCOMPARE(reply.error.category(), ApiError::Category::Transient);
}

void TestApiClient::malformedReply() {
    // Garbled once on its way: sent again, like a broken connection (issue 21).
    sandbox::SandboxFault fault;
    fault.kind = sandbox::SandboxFault::Kind::MalformedJson;
    fault.count = 1;
    m_sandbox->injectFault(fault);
    const auto once = send(openapi::BalanceRequest());
    QVERIFY2(!once.error.isError(), qPrintable(once.error.logText()));
    QCOMPARE(once.attempts, 2);
    // Garbled every time: malformed after the policy's three attempts.
    fault.count = 3;
    m_sandbox->injectFault(fault);
    const auto reply = send(openapi::BalanceRequest());
    QCOMPARE(reply.error.kind(), ApiError::Kind::MalformedReply);
    QCOMPARE(reply.attempts, 3);
    QVERIFY(!reply.error.userMessage().isEmpty());
}

void TestApiClient::highLoadIsRetried() {
    sandbox::SandboxFault fault;
    fault.kind = sandbox::SandboxFault::Kind::ServiceError;
    fault.errCode = 500069;
    fault.count = 1;
    m_sandbox->injectFault(fault);
    const auto reply = send(openapi::BalanceRequest());
    QVERIFY(!reply.error.isError());
    QCOMPARE(reply.attempts, 2);

    fault.count = -1;
    m_sandbox->injectFault(fault);
    const auto failed = send(openapi::BalanceRequest());
    QCOMPARE(failed.error.errCode(), 500069);
    QCOMPARE(failed.error.userMessage(), ApiError::service(500069, {}).userMessage());
}

void TestApiClient::timeoutOnStall() {
    sandbox::SandboxFault fault;
    fault.kind = sandbox::SandboxFault::Kind::Stall;
    fault.delayMs = 3000;
    fault.count = -1;
    m_sandbox->injectFault(fault);
    m_client->setDefaultTimeout(300);
    m_client->setRetryPolicy({2, 10, 10});
    ApiRequest balance = openapi::BalanceRequest();
    balance.timeoutMs = 0; // the client's default
    const auto reply = send(balance);
    QCOMPARE(reply.error.kind(), ApiError::Kind::Timeout);
    QCOMPARE(reply.attempts, 2);
}

void TestApiClient::droppedConnection() {
    sandbox::SandboxFault fault;
    fault.kind = sandbox::SandboxFault::Kind::DropConnection;
    fault.count = -1;
    m_sandbox->injectFault(fault);
    const auto reply = send(openapi::BalanceRequest());
    QCOMPARE(reply.error.kind(), ApiError::Kind::Network);
    QCOMPARE(reply.attempts, 3);
}

void TestApiClient::connectionRefused() {
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there now
    ApiClient client(&m_network);
    client.setRetryPolicy({1, 10, 10});
    QVERIFY(!client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port))).isError());
    const auto balance = call(openapi::BalanceRequest(), &client);
    QCOMPARE(balance.error.kind(), ApiError::Kind::Network);
    QCOMPARE(balance.error.category(), ApiError::Category::Transient);
}

void TestApiClient::insecureUrlSendsNothing() {
    ApiClient client(&m_network);
    const ApiError refused = client.setBaseUrl(QUrl(QStringLiteral("http://app-api.pixverse.ai/")));
    QCOMPARE(refused.kind(), ApiError::Kind::InsecureUrl);
    const qint64 before = m_sandbox->stats().requests;
    const auto balance = call(openapi::BalanceRequest(), &client);
    QVERIFY(balance.error.isError()); // the refused URL was never taken
    QCOMPARE(balance.error.category(), ApiError::Category::Input);
    QCOMPARE(m_sandbox->stats().requests, before);
}

void TestApiClient::cancelledCallNeverCallsBack() {
    // Both balance calls stall 300 ms: the second one's answer comes after the moment the
    // cancelled one would have been answered (if it reached the server at all).
    sandbox::SandboxFault fault;
    fault.kind = sandbox::SandboxFault::Kind::Stall;
    fault.delayMs = 300;
    fault.count = 2;
    fault.pathContains = QStringLiteral("account/balance");
    m_sandbox->injectFault(fault);
    bool called = false;
    const RequestHandle handle = m_client->call(
        openapi::BalanceRequest(), nullptr,
        std::function<void(Result<Balance>)>([&](Result<Balance>) { called = true; }));
    handle.cancel();
    QVERIFY(call(openapi::BalanceRequest()).ok());
    QVERIFY(!called);
    handle.cancel(); // harmless twice
}

void TestApiClient::destroyedContextNeverCalledBack() {
    sandbox::SandboxFault fault;
    fault.kind = sandbox::SandboxFault::Kind::Stall;
    fault.delayMs = 200;
    fault.count = 2;
    fault.pathContains = QStringLiteral("account/balance");
    m_sandbox->injectFault(fault);
    bool called = false;
    auto context = std::make_unique<QObject>();
    m_client->call(openapi::BalanceRequest(), context.get(),
                   std::function<void(Result<Balance>)>([&](Result<Balance>) { called = true; }));
    context.reset();
    // A live context does get its answer, which comes after the first call's.
    QObject alive;
    const auto answered = await<bool>([&](auto done) {
        m_client->call(
            openapi::BalanceRequest(), &alive,
            std::function<void(Result<Balance>)>([done](Result<Balance> r) { done(r.ok()); }));
    });
    QCOMPARE(answered, std::optional<bool>(true));
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
