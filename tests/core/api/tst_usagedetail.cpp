// The usage-detail call (§2.20, issue 19): the body of a first and a next page, the tolerant
// reading of items whose fields are not documented, and one real page from the sandbox through
// the OpenAPI backend.
#include "core/api/OpenApiRequests.h"
#include "core/backend/BackendFactory.h"
#include "core/backend/OpenApiBackend.h"
#include "core/ledger/UsageWalk.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/support/Await.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace pixverse;
using openapi::UsageDetailRequest;

namespace {

QJsonObject bodyOf(const ApiRequest& request) {
    return QJsonDocument::fromJson(request.body).object();
}

QJsonObject object(const char* json) {
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

//! A service whose usage pages never end: every page says there is more, with the next of
//! `cursors` in turn (so one it gave before comes back).
class CirclingBackend : public OpenApiBackend {
public:
    using OpenApiBackend::OpenApiBackend;
    QStringList cursors;
    int asked = 0;

    RequestHandle fetchUsage(const UsageQuery&, QObject* context,
                             std::function<void(Result<UsagePage>)> done) override {
        UsagePage page;
        page.hasMore = true;
        page.nextCursor = cursors.at(asked % cursors.size());
        ++asked;
        QTimer::singleShot(0, context, [done, page] { done(Result<UsagePage>::success(page)); });
        return {};
    }
};

class TstUsageDetail : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void firstPageSendsTheRangeInUtc() {
        UsageQuery query;
        // 02:30 in UTC+3 is 23:30 of the day before in UTC.
        query.start = QDateTime(QDate(2026, 9, 2), QTime(2, 30, 15), QTimeZone(3 * 3600));
        query.end = QDateTime(QDate(2026, 9, 18), QTime(0, 0), Qt::UTC);
        query.limit = 20;
        const UsageDetailRequest request(query);
        QCOMPARE(request.verb, ApiRequest::Verb::Post);
        QCOMPARE(request.path, QStringLiteral("openapi/v2/account/billing/usage-detail"));
        QCOMPARE(bodyOf(request), object(R"({"start_time": "2026-09-01 23:30:15",
                                             "end_time": "2026-09-18 00:00:00", "limit": 20})"));
    }

    void nextPageSendsOnlyTheCursor() {
        UsageQuery query;
        query.start = QDateTime::currentDateTimeUtc();
        query.end = query.start;
        query.cursor = QStringLiteral("abc");
        query.limit = 500; // the service takes 1–100
        QCOMPARE(bodyOf(UsageDetailRequest(query)), object(R"({"cursor": "abc", "limit": 100})"));
    }

    void theSandboxShapeIsRead() {
        const QJsonObject item = object(
            R"({"video_id": 370981546391559, "creation_type": "text_to_video", "credits": 45,
                "credits_status": "consume", "created_at": "2026-09-01 10:00:00"})");
        const UsageItem read = UsageDetailRequest::parseItem(item);
        QCOMPARE(read.videoId, 370981546391559LL);
        QCOMPARE(read.creationType, QStringLiteral("text_to_video"));
        QCOMPARE(read.credits, qint64(45));
        QCOMPARE(read.refund, false);
        QCOMPARE(read.at, QDateTime(QDate(2026, 9, 1), QTime(10, 0), Qt::UTC));
        QCOMPARE(QJsonDocument::fromJson(read.raw).object(), item);
    }

    void otherSpellingsAreReadToo_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<qint64>("videoId");
        QTest::addColumn<qint64>("credits");
        QTest::addColumn<bool>("refund");
        QTest::addColumn<QDateTime>("at");
        const QDateTime ten(QDate(2026, 9, 1), QTime(10, 0), Qt::UTC);
        QTest::newRow("strings") << QByteArray(R"({"video_id": "370981546391559",
            "credits": "45", "credits_status": "Refund", "created_at": "2026-09-01 10:00:00"})")
                                 << 370981546391559LL << 45LL << true << ten;
        QTest::newRow("negative, no status, unix seconds")
            << QByteArray(R"({"video_id": 7, "credits": -30, "create_time": 1788256800})") << 7LL
            << 30LL << true << ten;
        QTest::newRow("milliseconds, iso, unknown fields")
            << QByteArray(R"({"video_id": 8, "credits": 12.0, "note": {"x": 1},
                             "time": 1788256800000})")
            << 8LL << 12LL << false << ten;
        QTest::newRow("iso with a zone")
            << QByteArray(
                   R"({"credits": 5, "credits_status": "consume", "created_at": "2026-09-01T12:00:00+02:00"})")
            << 0LL << 5LL << false << ten;
        QTest::newRow("nothing") << QByteArray("{}") << 0LL << 0LL << false << QDateTime();
    }

    void otherSpellingsAreReadToo() {
        QFETCH(QByteArray, json);
        QFETCH(qint64, videoId);
        QFETCH(qint64, credits);
        QFETCH(bool, refund);
        QFETCH(QDateTime, at);
        const UsageItem read =
            UsageDetailRequest::parseItem(QJsonDocument::fromJson(json).object());
        QCOMPARE(read.videoId, videoId);
        QCOMPARE(read.credits, credits);
        QCOMPARE(read.refund, refund);
        QCOMPARE(read.at, at);
    }

    void aPageIsRead() {
        const Result<UsagePage> page = UsageDetailRequest::parse(QJsonDocument::fromJson(R"(
            {"items": [{"video_id": 1, "credits": 45}, 7, {"video_id": 2, "credits": 45,
             "credits_status": "refund"}], "next_cursor": "n2", "has_more": true})")
                                                                     .object());
        QVERIFY(page.ok());
        QCOMPARE(page.value->items.size(), 2); // a non-object item is skipped
        QCOMPARE(page.value->items.at(1).refund, true);
        QCOMPARE(page.value->nextCursor, QStringLiteral("n2"));
        QCOMPARE(page.value->hasMore, true);
        // More without a cursor is the end; an empty answer is an empty page.
        const Result<UsagePage> dead =
            UsageDetailRequest::parse(object(R"({"items": [], "has_more": true})"));
        QVERIFY(dead.ok());
        QCOMPARE(dead.value->hasMore, false);
        QVERIFY(UsageDetailRequest::parse(QJsonObject()).ok());
        QVERIFY(!UsageDetailRequest::parse(object(R"({"items": "none"})")).ok());
        QVERIFY(!UsageDetailRequest::parse(QJsonValue(3)).ok());
    }

    void theBackendReadsTheSandbox() {
        sandbox::SandboxHost host;
        QVERIFY2(host.start(), qPrintable(host.errorString()));
        QNetworkAccessManager network;
        BackendConfig config;
        config.family = ApiFamily::OpenApi;
        config.baseUrl = host.baseUrl();
        config.secret = host.defaultApiKey();
        Result<Backend*> made = createBackend(&network, config, nullptr);
        QVERIFY(made.ok());
        std::unique_ptr<Backend> backend(*made.value);
        QVERIFY(backend->hasUsageLedger());
        UsageQuery query;
        query.end = QDateTime::currentDateTimeUtc().addDays(1);
        query.start = query.end.addDays(-30);
        const auto page = test::await<Result<UsagePage>>(
            [&](auto done) { backend->fetchUsage(query, this, done); });
        QVERIFY(page);
        QVERIFY2(page->ok(), qPrintable(page->error.logText()));
        QVERIFY(page->value->items.isEmpty());
        query.end = query.end.addDays(1); // 31 days: refused
        const auto refused = test::await<Result<UsagePage>>(
            [&](auto done) { backend->fetchUsage(query, this, done); });
        QVERIFY(refused && !refused->ok());
        QCOMPARE(refused->error.errCode(), 400017);
    }

    // A ledger walk that is handed back a cursor it followed before stops with an error instead
    // of asking forever (it used to, with a service that repeats its last cursor).
    void aWalkStopsWhenTheCursorsGoRound() {
        QNetworkAccessManager network;
        ApiClient client(&network);
        CirclingBackend backend(&client, QStringLiteral("sk-test"));
        backend.cursors = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        int windows = 0;
        const QDateTime until = QDateTime::currentDateTimeUtc();
        const auto error = test::await<ApiError>([&](auto done) {
            UsageWalk::start(
                &backend, until.addDays(-3), until, this,
                [&windows](const QList<UsageItem>&, const QDateTime&) { ++windows; }, done);
        });
        QVERIFY2(error, "the walk never ended");
        QVERIFY(error->isError());
        QCOMPARE(error->kind(), ApiError::Kind::MalformedReply);
        QCOMPARE(backend.asked, 4); // a, b, c, then a again
        QCOMPARE(windows, 0);       // nothing of the circling window is kept
    }
};

QTEST_GUILESS_MAIN(TstUsageDetail)
#include "tst_usagedetail.moc"
