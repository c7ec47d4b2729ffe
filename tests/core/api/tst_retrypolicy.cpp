// One retry policy for every transfer kind (issue 14): a JSON call, a multipart upload streamed
// from a file, the web family's object-store PUT and a streamed download, each driven through the
// same sandbox faults over real loopback HTTP. Each must retry the same way: the same number of
// attempts (counted by the sandbox), waits of at least Retry-After or the backoff, and giving up
// after maxAttempts with the fault's error.
#include "core/api/ApiClient.h"
#include "core/api/OpenApiRequests.h"
#include "core/api/WebApiRequests.h"
#include "core/backend/BackendFactory.h"
#include "core/backend/WebBackend.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/support/Await.h"

#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace pixverse;
using pixverse::test::await;
using Fault = sandbox::SandboxFault;

namespace {
enum class TransferKind { Json, Multipart, ObjectStorePut, Download };
constexpr RetryPolicy kPolicy{3, 50, 200};
constexpr int kInactivityMs = 400;
constexpr int kRetryAfterSeconds = 1;

//! Counts what the app sends, attempt by attempt. The sandbox's own count can be one higher:
//! Qt sends a request again by itself when a kept-alive connection turns out to be closed.
class CountingNetwork : public QNetworkAccessManager {
public:
    qsizetype sent(const QString& pathPart) const {
        return std::count_if(m_paths.cbegin(), m_paths.cend(),
                             [&](const QString& path) { return path.contains(pathPart); });
    }

protected:
    QNetworkReply* createRequest(Operation operation, const QNetworkRequest& request,
                                 QIODevice* body) override {
        m_paths << request.url().path();
        return QNetworkAccessManager::createRequest(operation, request, body);
    }

private:
    QStringList m_paths;
};
} // namespace

class TestRetryPolicy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void everyTransferRetriesTheSameWay_data();
    void everyTransferRetriesTheSameWay();

private:
    //! Runs one transfer of `kind` to its end; the error (none on success).
    ApiError run(TransferKind kind);
    static QString pathOf(TransferKind kind);

    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    CountingNetwork m_network;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<WebBackend> m_web;
    QTemporaryDir m_dir;
    QString m_image;
    QUrl m_videoUrl;
    int m_downloads = 0;
};

void TestRetryPolicy::initTestCase() {
    m_sandbox = std::make_unique<sandbox::SandboxHost>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));

    m_client = std::make_unique<ApiClient>(&m_network);
    QVERIFY(!m_client->setBaseUrl(m_sandbox->baseUrl()).isError());
    m_client->setCredential(openapi::kCredentialHeader, m_sandbox->defaultApiKey());
    m_client->setRetryPolicy(kPolicy);
    m_client->setDefaultTimeout(kInactivityMs);

    QImage picture(320, 240, QImage::Format_RGB32);
    picture.fill(Qt::darkYellow);
    m_image = m_dir.filePath(QStringLiteral("still.png"));
    QVERIFY(picture.save(m_image, "PNG"));

    // A finished video to download.
    GenerationRequest request;
    request.prompt = QStringLiteral("A kite over the dunes");
    const auto created = await<Result<CreatedVideo>>([&](auto done) {
        m_client->call(openapi::TextToVideoRequest(request), nullptr,
                       std::function<void(Result<CreatedVideo>)>(done));
    });
    QVERIFY(created && created->ok());
    m_sandbox->advanceClock(120 * 1000);
    const auto status = await<Result<VideoStatus>>([&](auto done) {
        m_client->call(openapi::VideoResultRequest(created->value->videoId), nullptr,
                       std::function<void(Result<VideoStatus>)>(done));
    });
    QVERIFY(status && status->ok() && status->value->state == VideoState::Succeeded);
    m_videoUrl = QUrl(status->value->url);

    // A web account whose upload credentials are already cached, so that an upload is the
    // object-store PUT and then the registration.
    ApiClient login(&m_network);
    login.setBaseUrl(m_sandbox->baseUrl());
    const auto [email, password] = sandbox::SandboxConfig().webAccounts.first();
    const auto token = await<Result<web::LoginResult>>([&](auto done) {
        login.call(web::LoginRequest(email, password), nullptr,
                   std::function<void(Result<web::LoginResult>)>(done));
    });
    QVERIFY(token && token->ok());
    BackendConfig config;
    config.family = ApiFamily::Web;
    config.baseUrl = m_sandbox->baseUrl();
    config.objectStoreUrl = sandboxObjectStoreUrl(m_sandbox->baseUrl());
    config.secret = token->value->token;
    config.account = email;
    const Result<Backend*> made = createBackend(&m_network, config, nullptr);
    QVERIFY(made.ok());
    m_web.reset(qobject_cast<WebBackend*>(*made.value));
    QVERIFY(m_web);
    m_web->client()->setRetryPolicy(kPolicy);
    m_web->client()->setDefaultTimeout(kInactivityMs);
    QVERIFY2(!run(TransferKind::ObjectStorePut).isError(), "the first web upload works");
}

void TestRetryPolicy::cleanup() {
    m_sandbox->clearFaults();
}

QString TestRetryPolicy::pathOf(TransferKind kind) {
    switch (kind) {
    case TransferKind::Json:
        return QStringLiteral("account/balance");
    case TransferKind::Multipart:
        return QStringLiteral("image/upload");
    case TransferKind::ObjectStorePut:
        return QLatin1String(web::oss::kBucket);
    case TransferKind::Download:
        return QStringLiteral("/media/");
    }
    return {};
}

ApiError TestRetryPolicy::run(TransferKind kind) {
    std::optional<ApiError> error;
    switch (kind) {
    case TransferKind::Json: {
        openapi::BalanceRequest balance;
        balance.timeoutMs = 0; // the client's inactivity timeout, as every other kind here
        error = await<ApiError>([&](auto done) {
            m_client->call(balance, nullptr,
                           std::function<void(Result<Balance>)>(
                               [done](const Result<Balance>& r) { done(r.error); }));
        });
        break;
    }
    case TransferKind::Multipart:
        error = await<ApiError>([&](auto done) {
            m_client->call(
                openapi::UploadImageRequest(m_image, QStringLiteral("still.png"), "image/png"),
                nullptr,
                std::function<void(Result<UploadedImage>)>(
                    [done](const Result<UploadedImage>& r) { done(r.error); }));
        });
        break;
    case TransferKind::ObjectStorePut:
        error = await<ApiError>([&](auto done) {
            m_web->uploadImage(m_image, nullptr,
                               [done](const Result<UploadedImage>& r) { done(r.error); });
        });
        break;
    case TransferKind::Download: {
        const QString target = m_dir.filePath(QStringLiteral("video-%1.mp4").arg(++m_downloads));
        error = await<ApiError>([&](auto done) {
            m_client->download(m_videoUrl, target, nullptr,
                               [done](const Result<QString>& r) { done(r.error); });
        });
        if (error && !error->isError() && !QFile::exists(target))
            error = ApiError::malformed(QStringLiteral("no file after a successful download"));
        break;
    }
    }
    return error.value_or(ApiError::cancelled()); // cancelled: the test waited too long
}

void TestRetryPolicy::everyTransferRetriesTheSameWay_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("faultKind");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<int>("faultCount"); //!< -1: every attempt
    QTest::addColumn<int>("errorKind");  //!< what the transfer ends with; None: success
    const QList<QPair<TransferKind, const char*>> kinds{
        {TransferKind::Json, "JSON call"},
        {TransferKind::Multipart, "multipart upload"},
        {TransferKind::ObjectStorePut, "object-store PUT"},
        {TransferKind::Download, "download"}};
    using K = ApiError::Kind;
    for (const auto& [kind, name] : kinds) {
        const auto row = [name = name](const char* fault) -> QTestData& {
            return QTest::addRow("%s, %s", name, fault);
        };
        row("HTTP 503 + Retry-After, always")
            << int(kind) << int(Fault::Kind::HttpStatus) << 503 << -1 << int(K::Http);
        row("HTTP 429 + Retry-After, always")
            << int(kind) << int(Fault::Kind::HttpStatus) << 429 << -1 << int(K::Http);
        row("dropped connection, always")
            << int(kind) << int(Fault::Kind::DropConnection) << 0 << -1 << int(K::Network);
        row("stall, always") << int(kind) << int(Fault::Kind::Stall) << 0 << -1 << int(K::Timeout);
        row("HTTP 503 twice, then an answer") << int(kind) << int(Fault::Kind::HttpStatus) << 503
                                              << kPolicy.maxAttempts - 1 << int(K::None);
    }
}

void TestRetryPolicy::everyTransferRetriesTheSameWay() {
    QFETCH(int, kind);
    QFETCH(int, faultKind);
    QFETCH(int, httpStatus);
    QFETCH(int, faultCount);
    QFETCH(int, errorKind);
    Fault fault;
    fault.kind = Fault::Kind(faultKind);
    fault.httpStatus = httpStatus;
    fault.retryAfterSeconds = kRetryAfterSeconds;
    fault.delayMs = kInactivityMs * 5; // a stall outlasts the inactivity timeout
    fault.count = faultCount;
    fault.pathContains = pathOf(TransferKind(kind));
    m_sandbox->injectFault(fault);

    // The least time the policy makes a transfer wait before each retry.
    const ApiError faultError = fault.kind == Fault::Kind::HttpStatus
                                    ? ApiError::http(httpStatus, {}, kRetryAfterSeconds)
                                    : ApiError::network({});
    const int retries = kPolicy.maxAttempts - 1;
    qint64 leastWaitMs = 0;
    for (int failures = 1; failures <= retries; ++failures)
        leastWaitMs += kPolicy.delayAfter(failures, faultError) +
                       (fault.kind == Fault::Kind::Stall ? kInactivityMs : 0);
    QVERIFY(leastWaitMs >= (fault.kind == Fault::Kind::HttpStatus
                                ? retries * kRetryAfterSeconds * 1000
                                : retries * kPolicy.initialDelayMs));

    const qint64 requestsBefore = m_sandbox->stats().requests;
    const qsizetype attemptsBefore = m_network.sent(fault.pathContains);
    QElapsedTimer timer;
    timer.start();
    const ApiError error = run(TransferKind(kind));
    const qint64 elapsed = timer.elapsed();
    const qint64 requests = m_sandbox->stats().requests - requestsBefore;
    const qsizetype attempts = m_network.sent(fault.pathContains) - attemptsBefore;

    QCOMPARE(int(error.kind()), errorKind);
    if (error.kind() == ApiError::Kind::Http)
        QCOMPARE(error.httpStatus(), httpStatus);
    QCOMPARE(attempts, qsizetype(kPolicy.maxAttempts));
    QVERIFY2(requests >= attempts, "every attempt reached the sandbox");
    QVERIFY2(elapsed >= leastWaitMs,
             qPrintable(QStringLiteral("waited %1 ms, the policy asks for at least %2 ms")
                            .arg(elapsed)
                            .arg(leastWaitMs)));
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
