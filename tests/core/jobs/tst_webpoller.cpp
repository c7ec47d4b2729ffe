// The poller's cost on the web family: one list/personal call per tick serves every pending
// job, whatever their number (issue 5). The OpenAPI side (one result call per job) is measured
// in tst_jobscheduler.
#include "core/api/ApiClient.h"
#include "core/api/WebApiRequests.h"
#include "core/backend/BackendFactory.h"
#include "core/jobs/StatusPoller.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/support/Await.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace pixverse;
using pixverse::test::await;

class TestWebPoller : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneListCallPerTick_data();
    void oneListCallPerTick();
};

void TestWebPoller::oneListCallPerTick_data() {
    QTest::addColumn<int>("pending");
    QTest::newRow("1 job") << 1;
    QTest::newRow("12 jobs") << 12;
    QTest::newRow("40 jobs") << 40;
    QTest::newRow("200 jobs, two pages") << 200;
}

void TestWebPoller::oneListCallPerTick() {
    QFETCH(int, pending);
    sandbox::SandboxConfig config;
    config.concurrencyLimit = 1000;
    config.generationMs = 60 * 60 * 1000; // they stay pending while we count
    sandbox::SandboxHost sandbox(config);
    QVERIFY(sandbox.start());
    const QString email = config.webAccounts.first().first;
    sandbox.setCredits(email, 0, 1000000, 0);
    QNetworkAccessManager network;

    ApiClient login(&network);
    login.setBaseUrl(sandbox.baseUrl());
    const auto token = await<Result<web::LoginResult>>([&](auto done) {
        login.call(web::LoginRequest(email, config.webAccounts.first().second), nullptr,
                   std::function<void(Result<web::LoginResult>)>(done));
    });
    QVERIFY(token && token->ok());
    BackendConfig backendConfig;
    backendConfig.family = ApiFamily::Web;
    backendConfig.baseUrl = sandbox.baseUrl();
    backendConfig.secret = token->value->token;
    backendConfig.account = email;
    const auto made = createBackend(&network, backendConfig, this);
    QVERIFY(made.ok());
    Backend* backend = *made.value;

    StatusPoller poller(backend);
    poller.setSchedule(PollSchedule::uniform(50));
    QList<qint64> ids;
    for (int i = 0; i < pending; ++i) {
        GenerationRequest request;
        request.prompt = QStringLiteral("Pending %1").arg(i);
        request.model = QStringLiteral("v6"); // the web refuses v3.5-v5.5 (§3.10)
        const auto created = await<Result<CreatedVideo>>([&](auto done) {
            backend->createVideo(request, RequestInputs{}, ApiClient::newTraceId(), this, done);
        });
        QVERIFY(created && created->ok());
        ids.append(created->value->videoId);
    }
    for (int i = 0; i < pending; ++i)
        poller.watch(i + 1, ids[i], QDateTime::currentDateTimeUtc());
    QSignalSpy ticks(&poller, &StatusPoller::tickFinished);
    // The sandbox's list-call count at the end of each tick: consecutive ticks differ by one.
    QList<qint64> listCallsAtTick;
    connect(&poller, &StatusPoller::tickFinished, this,
            [&] { listCallsAtTick.append(sandbox.stats().listCalls); });
    const qint64 listsBefore = sandbox.stats().listCalls;
    const qint64 requestsBefore = sandbox.stats().requests;
    poller.pollNow();
    QTRY_VERIFY_WITH_TIMEOUT(ticks.count() >= 4, 10000);
    poller.stop();
    const int tickCount = int(ticks.count());
    const qint64 lists = listCallsAtTick.last() - listsBefore;
    const qint64 requests = sandbox.stats().requests - requestsBefore;
    qInfo("%d pending jobs: %d ticks, %lld list calls by the last tick", pending, tickCount, lists);
    QCOMPARE(listCallsAtTick.first() - listsBefore, 1);
    for (qsizetype i = 1; i < listCallsAtTick.size(); ++i)
        QCOMPARE(listCallsAtTick[i] - listCallsAtTick[i - 1], 1);
    QVERIFY(requests <= lists + 1); // nothing but list calls (one may still be on its way)
    int answered = 0;
    for (const QVariantList& tick : std::as_const(ticks)) {
        QCOMPARE(tick.at(0).toInt(), pending); // every job was asked about in the one call
        answered += tick.at(1).toInt();
    }
    // A page holds 100: more pending jobs are answered over consecutive ticks, never more calls.
    QVERIFY2(answered >= std::min(pending, 100) * (tickCount - 1),
             qPrintable(QString::number(answered)));
}

QTEST_GUILESS_MAIN(TestWebPoller)
#include "tst_webpoller.moc"
