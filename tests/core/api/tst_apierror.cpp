// ApiError sentences and categories, the envelope reader, the request classes' parsers and the
// https-only rule: everything of core/api that needs no server.
#include "core/api/ApiClient.h"
#include "core/api/ApiError.h"
#include "core/api/OpenApiRequests.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace pixverse;

class TestApiError : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyErrCodeHasItsOwnSentence();
    void categoriesDecideRetriesAndSessions_data();
    void categoriesDecideRetriesAndSessions();
    void transportErrorsSpeakPlainly();
    void questionsAboutCodes_data();
    void questionsAboutCodes();
    void logTextKeepsCodesForSupport();
    void envelope_data();
    void envelope();
    void idsAboveTwoToThe53SurviveParsing();
    void resultParserIsTolerant();
    void balanceParser();
    void requestBodies();
    void baseUrlMustBeHttpsUnlessLoopback_data();
    void baseUrlMustBeHttpsUnlessLoopback();
    void traceIdsAreFreshUuids();
};

namespace {
// ../shared/pixverse-api.md §4.1 (official) and §4.2 (web) codes.
const QList<qint64> kDocumentedCodes = {
    400011, 400012, 400013, 400017, 400018, 400019, 400032, 500008, 500020, 500030,
    500031, 500032, 500033, 500041, 500042, 500044, 500054, 500060, 500063, 500064,
    500069, 500070, 500071, 500090, 500100, 99999,  500043, 500045, 400051, 400001,
    10001,  10003,  10005,  500200, 500201, 400,    400033};
} // namespace

void TestApiError::everyErrCodeHasItsOwnSentence() {
    QSet<QString> seen;
    for (const qint64 code : kDocumentedCodes) {
        const ApiError error = ApiError::service(code, QStringLiteral("string"));
        const QString sentence = error.userMessage();
        QVERIFY2(!sentence.isEmpty(), qPrintable(QString::number(code)));
        // The generic fallback names the number; a documented code has words of its own.
        QVERIFY2(!sentence.contains(QString::number(code)), qPrintable(sentence));
        QVERIFY2(!seen.contains(sentence), qPrintable(u"shared sentence: " + sentence));
        QVERIFY(sentence.endsWith(u'.'));
        seen.insert(sentence);
    }
    // An undocumented code still says something useful, with the number for support.
    const QString unknown = ApiError::service(777777, QStringLiteral("odd")).userMessage();
    QVERIFY(unknown.contains(u"777777"));
}

void TestApiError::categoriesDecideRetriesAndSessions_data() {
    QTest::addColumn<qint64>("code");
    QTest::addColumn<int>("category");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<bool>("isSessionEnd");
    using C = ApiError::Category;
    QTest::newRow("bad key") << qint64(400012) << int(C::Auth) << false << true;
    QTest::newRow("bad combination") << qint64(400017) << int(C::Refusal) << false << false;
    QTest::newRow("prompt too long") << qint64(400018) << int(C::Refusal) << false << false;
    QTest::newRow("no credits") << qint64(500090) << int(C::Refusal) << false << false;
    QTest::newRow("concurrency") << qint64(500044) << int(C::Refusal) << false << false;
    QTest::newRow("moderation") << qint64(500063) << int(C::Refusal) << false << false;
    QTest::newRow("high load") << qint64(500069) << int(C::Transient) << true << false;
    QTest::newRow("database") << qint64(500100) << int(C::Transient) << true << false;
    QTest::newRow("unknown") << qint64(99999) << int(C::Transient) << true << false;
    QTest::newRow("web token invalid") << qint64(10001) << int(C::Auth) << false << true;
    QTest::newRow("web signed out") << qint64(10003) << int(C::Auth) << false << true;
    QTest::newRow("web elsewhere") << qint64(10005) << int(C::Auth) << false << true;
    QTest::newRow("web wrong password") << qint64(500200) << int(C::Auth) << false << false;
}

void TestApiError::categoriesDecideRetriesAndSessions() {
    QFETCH(qint64, code);
    QFETCH(int, category);
    QFETCH(bool, retryable);
    QFETCH(bool, isSessionEnd);
    const ApiError error = ApiError::service(code, {});
    QCOMPARE(int(error.category()), category);
    QCOMPARE(error.isRetryable(), retryable);
    QCOMPARE(error.isSessionEnd(), isSessionEnd);
}

void TestApiError::transportErrorsSpeakPlainly() {
    using C = ApiError::Category;
    const ApiError network = ApiError::network(QStringLiteral("Connection refused"));
    QVERIFY(network.isRetryable());
    QCOMPARE(network.category(), C::Transient);
    QVERIFY(network.userMessage().contains(u"reach PixVerse"));
    // The raw Qt error text is for logs, not for people.
    QVERIFY(!network.userMessage().contains(u"Connection refused"));
    QVERIFY(network.logText().contains(u"Connection refused"));

    QVERIFY(ApiError::timeout().isRetryable());
    QVERIFY(ApiError::timeout().userMessage().contains(u"in time"));
    QVERIFY(ApiError::http(502).isRetryable());
    QVERIFY(ApiError::http(502).userMessage().contains(u"502"));
    QVERIFY(ApiError::http(429, {}, 7).isRetryable());
    QCOMPARE(ApiError::http(429, {}, 7).retryAfterSeconds(), std::optional<int>(7));
    QVERIFY(!ApiError::http(404).isRetryable());
    QCOMPARE(ApiError::http(401).category(), C::Auth);
    QVERIFY(ApiError::http(401).isSessionEnd());
    QVERIFY(
        ApiError::malformed(QStringLiteral("x")).userMessage().contains(u"could not understand"));
    QCOMPARE(ApiError::insecureUrl(QStringLiteral("http://example.com")).category(), C::Input);
    QVERIFY(ApiError::insecureUrl(QStringLiteral("http://example.com"))
                .userMessage()
                .contains(u"https://"));
    QVERIFY(!ApiError::tls(QStringLiteral("self-signed")).isRetryable());
    QCOMPARE(ApiError::input(QStringLiteral("Bad file.")).userMessage(),
             QStringLiteral("Bad file."));
    QVERIFY(!ApiError().isError());
    QVERIFY(ApiError().userMessage().isEmpty());
}

void TestApiError::questionsAboutCodes_data() {
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<qint64>("code");
    QTest::addColumn<bool>("concurrency");
    QTest::addColumn<bool>("imageForgotten");
    QTest::addColumn<bool>("unknownVideo");
    QTest::addColumn<bool>("urlGone");
    QTest::addColumn<bool>("credentialRefusal");
    QTest::addColumn<bool>("mayHaveReached");
    QTest::addColumn<bool>("worthRetrying");
    // error, code(), 500044, image forgotten, 500008, URL gone, 401/403, may have reached, retry
    QTest::newRow("500044") << ApiError::service(500044, {}) << qint64(500044) << true << false
                            << false << false << false << false << false;
    QTest::newRow("400032") << ApiError::service(400032, {}) << qint64(400032) << false << true
                            << false << false << false << false << false;
    QTest::newRow("500042") << ApiError::service(500042, {}) << qint64(500042) << false << true
                            << false << false << false << false << false;
    QTest::newRow("500008") << ApiError::service(500008, {}) << qint64(500008) << false << false
                            << true << false << false << false << false;
    QTest::newRow("500069") << ApiError::service(500069, {}) << qint64(500069) << false << false
                            << false << false << false << false << true;
    QTest::newRow("http 403") << ApiError::http(403) << qint64(403) << false << false << false
                              << true << true << true << false;
    QTest::newRow("http 401") << ApiError::http(401) << qint64(401) << false << false << false
                              << false << true << true << false;
    QTest::newRow("http 404") << ApiError::http(404) << qint64(404) << false << false << false
                              << true << false << true << false;
    QTest::newRow("http 410") << ApiError::http(410) << qint64(410) << false << false << false
                              << true << false << true << false;
    QTest::newRow("http 416") << ApiError::http(416) << qint64(416) << false << false << false
                              << false << false << true << false;
    QTest::newRow("http 503") << ApiError::http(503) << qint64(503) << false << false << false
                              << false << false << true << true;
    QTest::newRow("timeout") << ApiError::timeout() << qint64(0) << false << false << false << false
                             << false << true << true;
    QTest::newRow("malformed") << ApiError::malformed(QStringLiteral("x")) << qint64(0) << false
                               << false << false << false << false << true << true;
    QTest::newRow("input") << ApiError::input(QStringLiteral("x")) << qint64(0) << false << false
                           << false << false << false << false << false;
    QTest::newRow("insecure") << ApiError::insecureUrl(QStringLiteral("http://x")) << qint64(0)
                              << false << false << false << false << false << false << false;
    QTest::newRow("no error") << ApiError() << qint64(0) << false << false << false << false
                              << false << false << false;
}

void TestApiError::questionsAboutCodes() {
    QFETCH(ApiError, error);
    QFETCH(qint64, code);
    QCOMPARE(error.code(), code);
    QTEST(error.isConcurrencyLimit(), "concurrency");
    QTEST(error.isImageForgotten(), "imageForgotten");
    QTEST(error.isUnknownVideo(), "unknownVideo");
    QTEST(error.isUrlGone(), "urlGone");
    QTEST(error.isCredentialRefusal(), "credentialRefusal");
    QTEST(error.mayHaveReachedService(), "mayHaveReached");
    QTEST(error.isWorthRetrying(), "worthRetrying");
    QCOMPARE(error.isRangeRefused(), error.code() == 416);
    QCOMPARE(error.isServerError(), error.kind() == ApiError::Kind::Http && error.code() >= 500);
}

void TestApiError::logTextKeepsCodesForSupport() {
    const QString log = ApiError::service(500090, QStringLiteral("balance not enough")).logText();
    QVERIFY(log.contains(u"500090"));
    QVERIFY(log.contains(u"balance not enough"));
    QVERIFY(ApiError::http(503).logText().contains(u"503"));
}

void TestApiError::envelope_data() {
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("errCode");
    using K = ApiError::Kind;
    QTest::newRow("success") << 200
                             << QByteArray(R"({"ErrCode":0,"ErrMsg":"success","Resp":{"a":1}})")
                             << int(K::None) << qint64(0);
    QTest::newRow("success, extra fields")
        << 200 << QByteArray(R"({"ErrCode":0,"ErrMsg":"Success","Resp":{},"request_id":"r"})")
        << int(K::None) << qint64(0);
    QTest::newRow("code as string")
        << 200 << QByteArray(R"({"ErrCode":"0","ErrMsg":"string","Resp":{}})") << int(K::None)
        << qint64(0);
    QTest::newRow("no Resp") << 200 << QByteArray(R"({"ErrCode":0,"ErrMsg":"ok"})") << int(K::None)
                             << qint64(0);
    QTest::newRow("business error")
        << 200 << QByteArray(R"({"ErrCode":400017,"ErrMsg":"invalid param","Resp":null})")
        << int(K::Service) << qint64(400017);
    QTest::newRow("error on 400") << 400
                                  << QByteArray(R"({"ErrCode":400013,"ErrMsg":"bind","Resp":null})")
                                  << int(K::Service) << qint64(400013);
    QTest::newRow("not json") << 200 << QByteArray("<html>oops</html>") << int(K::MalformedReply)
                              << qint64(0);
    QTest::newRow("truncated json")
        << 200 << QByteArray(R"({"ErrCode":0,"Resp":{)") << int(K::MalformedReply) << qint64(0);
    QTest::newRow("json array") << 200 << QByteArray("[1,2]") << int(K::MalformedReply)
                                << qint64(0);
    QTest::newRow("no ErrCode") << 200 << QByteArray(R"({"Resp":{}})") << int(K::MalformedReply)
                                << qint64(0);
    QTest::newRow("ErrCode not a number")
        << 200 << QByteArray(R"({"ErrCode":"zero"})") << int(K::MalformedReply) << qint64(0);
    QTest::newRow("gateway html") << 502 << QByteArray("<html>Bad Gateway</html>") << int(K::Http)
                                  << qint64(0);
    QTest::newRow("500 with envelope stays http")
        << 500 << QByteArray(R"({"ErrCode":99999})") << int(K::Http) << qint64(0);
    QTest::newRow("rate limited") << 429 << QByteArray() << int(K::Http) << qint64(0);
}

void TestApiError::envelope() {
    QFETCH(int, httpStatus);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(qint64, errCode);
    const ApiReply reply = ApiClient::parseEnvelope(httpStatus, body);
    QCOMPARE(int(reply.error.kind()), kind);
    QCOMPARE(reply.error.errCode(), errCode);
    if (kind == int(ApiError::Kind::Http))
        QCOMPARE(reply.error.httpStatus(), httpStatus);
}

void TestApiError::idsAboveTwoToThe53SurviveParsing() {
    // 2^53 + 1 cannot be a double; Qt 6 must keep it as an integer.
    const ApiReply reply = ApiClient::parseEnvelope(
        200,
        R"({"ErrCode":0,"ErrMsg":"success","Resp":{"video_id":9007199254740993,"credit":45}})");
    const auto created = openapi::TextToVideoRequest::parse(reply.resp);
    QVERIFY(created.ok());
    QCOMPARE(created.value->videoId, Q_INT64_C(9007199254740993));
    QCOMPARE(created.value->credits, std::optional<int>(45));
    // Kits keep uint64 ids as strings; accept them too.
    QCOMPARE(json::toId(QJsonValue(QStringLiteral("629000000000000001"))),
             std::optional<qint64>(Q_INT64_C(629000000000000001)));
    QCOMPARE(json::toId(QJsonValue(1.5)), std::nullopt);
    QCOMPARE(json::toId(QJsonValue(QStringLiteral("12ab"))), std::nullopt);
    // And back out as a JSON integer with every digit.
    const QJsonObject body =
        QJsonDocument::fromJson(
            openapi::ImageToVideoRequest(GenerationRequest{}, Q_INT64_C(9007199254740995)).body)
            .object();
    QCOMPARE(body.value(u"img_id").toInteger(), Q_INT64_C(9007199254740995));
    QVERIFY(openapi::ImageToVideoRequest(GenerationRequest{}, Q_INT64_C(9007199254740995))
                .body.contains("9007199254740995"));
    const auto missing = openapi::TextToVideoRequest::parse(QJsonValue(QJsonObject{}));
    QCOMPARE(missing.error.kind(), ApiError::Kind::MalformedReply);
}

void TestApiError::resultParserIsTolerant() {
    auto parse = [](const char* resp) {
        return openapi::VideoResultRequest::parse(QJsonDocument::fromJson(resp).object());
    };
    auto done = parse(R"({"id":"9007199254740993","status":1,"url":"https://media.example/v.mp4",
        "outputWidth":960,"outputHeight":540,"seed":42,"size":123456,"cover_url":"https://media.example/c.jpg","new_field":[1]})");
    QVERIFY(done.ok());
    QCOMPARE(done.value->videoId, Q_INT64_C(9007199254740993));
    QCOMPARE(done.value->state, VideoState::Succeeded);
    QCOMPARE(done.value->width, 960);
    QCOMPARE(done.value->height, 540);
    QCOMPARE(done.value->seed, std::optional<qint64>(42));
    QCOMPARE(done.value->sizeBytes, 123456);
    QCOMPARE(done.value->coverUrl, QStringLiteral("https://media.example/c.jpg"));

    const auto pending = parse(R"({"id":5,"status":5,"url":"https://media.example/stale.mp4"})");
    QCOMPARE(pending.value->state, VideoState::Pending);
    QVERIFY2(pending.value->url.isEmpty(), "url is only valid at status 1");
    QCOMPARE(parse(R"({"id":5,"status":7})").value->state, VideoState::Moderated);
    QCOMPARE(parse(R"({"id":5,"status":8})").value->state, VideoState::Failed);
    QCOMPARE(parse(R"({"id":5,"status":6})").value->state, VideoState::Deleted);
    QCOMPARE(parse(R"({"id":5,"status":42})").value->state, VideoState::Unknown);
    QCOMPARE(parse(R"({"id":5,"status":"1","url":"u","output_width":10,"output_height":20})")
                 .value->width,
             10);
    QCOMPARE(parse(R"({"id":5,"status":1})").error.kind(), ApiError::Kind::MalformedReply);
    QCOMPARE(parse(R"({"status":1})").error.kind(), ApiError::Kind::MalformedReply);
    // A size of 10.5 (the webhook's MB?) is not trusted as bytes.
    QCOMPARE(parse(R"({"id":5,"status":5,"size":10.5})").value->sizeBytes, 0);
}

void TestApiError::balanceParser() {
    const auto balance = openapi::BalanceRequest::parse(
        QJsonDocument::fromJson(
            R"({"account_id":123452341,"credit_monthly":1069020,"credit_package":3630})")
            .object());
    QVERIFY(balance.ok());
    QCOMPARE(balance.value->accountId, 123452341);
    QCOMPARE(balance.value->total(), 1069020 + 3630);
    QVERIFY(!openapi::BalanceRequest::parse(QJsonValue()).ok());
}

void TestApiError::requestBodies() {
    GenerationRequest r;
    r.prompt = QStringLiteral("A lake");
    r.negativePrompt = QStringLiteral("blur");
    r.seed = 7;
    r.cameraMovement = QStringLiteral("zoom_in");
    const openapi::TextToVideoRequest t2v(r, QStringLiteral("trace"));
    QCOMPARE(t2v.path, QStringLiteral("openapi/v2/video/text/generate"));
    QVERIFY(t2v.sameTraceIdOnRetry);
    const QJsonObject body = QJsonDocument::fromJson(t2v.body).object();
    QCOMPARE(body.value(u"prompt").toString(), r.prompt);
    QCOMPARE(body.value(u"negative_prompt").toString(), r.negativePrompt);
    QCOMPARE(body.value(u"aspect_ratio").toString(), QStringLiteral("16:9"));
    QCOMPARE(body.value(u"duration").toInteger(), 5);
    QCOMPARE(body.value(u"seed").toInteger(), 7);
    QCOMPARE(body.value(u"camera_movement").toString(), QStringLiteral("zoom_in"));
    QVERIFY(!body.contains(u"style"));

    const QJsonObject i2v =
        QJsonDocument::fromJson(openapi::ImageToVideoRequest(r, 99).body).object();
    QVERIFY2(!i2v.contains(u"aspect_ratio"),
             "image-to-video has no aspect ratio: the image decides");
    QCOMPARE(i2v.value(u"img_id").toInteger(), 99);

    // The image is streamed from its file as the one multipart field `image`; no body in memory.
    const openapi::UploadImageRequest upload(QStringLiteral("/tmp/cat.png"),
                                             QStringLiteral("cat \"1\".png"), "image/png");
    QVERIFY(upload.filePart.has_value());
    QCOMPARE(upload.filePart->field, QByteArray("image"));
    QCOMPARE(upload.filePart->filePath, QStringLiteral("/tmp/cat.png"));
    QCOMPARE(upload.filePart->mimeType, QByteArray("image/png"));
    QVERIFY(upload.body.isEmpty());
    QCOMPARE(openapi::VideoResultRequest(Q_INT64_C(9007199254740993)).path,
             QStringLiteral("openapi/v2/video/result/9007199254740993"));
}

void TestApiError::baseUrlMustBeHttpsUnlessLoopback_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("kind");
    using K = ApiError::Kind;
    QTest::newRow("real service") << "https://app-api.pixverse.ai/" << int(K::None);
    QTest::newRow("loopback v4") << "http://127.0.0.1:8080/" << int(K::None);
    QTest::newRow("loopback 127.x") << "http://127.0.0.2:8080/" << int(K::None);
    QTest::newRow("loopback v6") << "http://[::1]:8080/" << int(K::None);
    QTest::newRow("localhost") << "http://localhost:8080/" << int(K::None);
    QTest::newRow("plain http remote") << "http://app-api.pixverse.ai/" << int(K::InsecureUrl);
    QTest::newRow("plain http lan") << "http://192.168.1.20:8080/" << int(K::InsecureUrl);
    QTest::newRow("localhost lookalike") << "http://localhost.evil.example/" << int(K::InsecureUrl);
    QTest::newRow("ftp") << "ftp://127.0.0.1/" << int(K::InsecureUrl);
    QTest::newRow("no host") << "not a url" << int(K::Input);
}

void TestApiError::baseUrlMustBeHttpsUnlessLoopback() {
    QFETCH(QString, url);
    QFETCH(int, kind);
    QCOMPARE(int(ApiClient::checkBaseUrl(QUrl(url)).kind()), kind);
}

void TestApiError::traceIdsAreFreshUuids() {
    const QRegularExpression uuid(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    QSet<QString> seen;
    for (int i = 0; i < 100; ++i) {
        const QString id = ApiClient::newTraceId();
        QVERIFY2(uuid.match(id).hasMatch(), qPrintable(id));
        seen.insert(id);
    }
    QCOMPARE(seen.size(), 100);
}

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
