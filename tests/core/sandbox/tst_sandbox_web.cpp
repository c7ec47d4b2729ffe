// The sandbox's web family (`/creative_platform/...`) and its object store over real loopback
// HTTP, spoken with a plain QNetworkAccessManager and an OSS V1 signer written here (not the
// client's), plus the pixverse-sandbox executable's --account option.

#include "core/generation/PriceFormulas.h"
#include "core/sandbox/SandboxHost.h"
#include "core/sandbox/SandboxServer.h"
#include "tests/core/sandbox/ClipProbe.h"
#include "tests/support/TestSupport.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using namespace pixverse;
using namespace pixverse::sandbox;

namespace {

constexpr qint64 kTwoPow53 = 9007199254740992LL;
const QString kEmail = QStringLiteral("creator@sandbox.local");
const QString kPassword = QStringLiteral("sandbox-password");
const QString kOtherEmail = QStringLiteral("second@sandbox.local");
const QString kOtherPassword = QStringLiteral("second:pass");
const QByteArray kBucket = QByteArrayLiteral("pixverse-fe-upload");

struct HttpResult {
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    qint64 errCode() const { return json().value(QLatin1String("ErrCode")).toInteger(-1); }
    QString errMsg() const { return json().value(QLatin1String("ErrMsg")).toString(); }
    QJsonObject resp() const { return json().value(QLatin1String("Resp")).toObject(); }
    qint64 respInt(const char* name) const {
        return resp().value(QLatin1String(name)).toInteger(-1);
    }
    QString respText(const char* name) const {
        return resp().value(QLatin1String(name)).toString();
    }
    //! The <Code> of an OSS XML error.
    QByteArray ossCode() const {
        const qsizetype start = body.indexOf("<Code>");
        const qsizetype end = body.indexOf("</Code>");
        return start < 0 || end < start ? QByteArray() : body.mid(start + 6, end - start - 6);
    }
};

QByteArray newTrace() {
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

QByteArray imageBytes(QSize size, const char* format) {
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(40, 120, 200));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

const QByteArray kGif =
    QByteArray::fromHex("47494638396101000100800000ffffff00000021f90401000000002c00000000"
                        "010001000002024401003b");

QByteArray httpDate(const QDateTime& utc) {
    return QLocale::c().toString(utc, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
}

//! The STS triple of getUploadToken.
struct Sts {
    QByteArray ak;
    QByteArray sk;
    QByteArray token;
};

//! One PUT to the object store; the test's own OSS V1 signer fills Authorization.
struct OssPut {
    QByteArray bucket = kBucket;
    QByteArray key;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("image/png");
    QByteArray date = httpDate(QDateTime::currentDateTimeUtc());
    std::optional<QByteArray> contentMd5;
    std::optional<QByteArray> securityToken; // empty: the triple's
    bool sendSecurityToken = true;
    QByteArray accessKeyId;                               // empty: the triple's
    QByteArray signingSecret;                             // empty: the triple's
    QList<QPair<QByteArray, QByteArray>> unsignedHeaders; // sent but left out of the signature
};

QByteArray ossSignature(const QByteArray& secret, const QByteArray& md5, const QByteArray& type,
                        const QByteArray& date, const QList<QPair<QByteArray, QByteArray>>& headers,
                        const QByteArray& resource) {
    QMap<QByteArray, QByteArray> oss;
    for (const auto& h : headers) {
        const QByteArray name = h.first.toLower();
        if (name.startsWith("x-oss-"))
            oss.insert(name, h.second.trimmed());
    }
    QByteArray toSign = "PUT\n" + md5 + '\n' + type + '\n' + date + '\n';
    for (auto it = oss.cbegin(); it != oss.cend(); ++it)
        toSign += it.key() + ':' + it.value() + '\n';
    toSign += resource;
    return QMessageAuthenticationCode::hash(toSign, secret, QCryptographicHash::Sha1).toBase64();
}

//! A 2026 web body: V6 (no motion_mode), 540p 5 s 16:9 without sound: 7 credits/s × 5 = 35.
QJsonObject textToVideoBody() {
    return QJsonObject{
        {QStringLiteral("prompt"), QStringLiteral("A red fox running through snow")},
        {QStringLiteral("negative_prompt"), QString()},
        {QStringLiteral("model"), QStringLiteral("v6")},
        {QStringLiteral("duration"), 5},
        {QStringLiteral("quality"), QStringLiteral("540p")},
        {QStringLiteral("aspect_ratio"), QStringLiteral("16:9")},
        {QStringLiteral("lip_sync_tts_speaker_id"), QStringLiteral("Auto")},
        {QStringLiteral("create_count"), 1},
        {QStringLiteral("off_peak"), 0},
        {QStringLiteral("multi_shot"), 0},
        {QStringLiteral("generate_audio_switch"), false},
    };
}

QJsonObject with(QJsonObject body, const QJsonObject& changes) {
    for (auto it = changes.begin(); it != changes.end(); ++it)
        body.insert(it.key(), it.value());
    return body;
}

} // namespace

class TstSandboxWeb : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<SandboxServer> m_server;
    QUrl m_base;

    void startServer(SandboxConfig config = {}) {
        m_server.reset();
        config.webAccounts << qMakePair(kOtherEmail, kOtherPassword);
        m_server = std::make_unique<SandboxServer>(std::move(config));
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        m_base = m_server->baseUrl();
    }

    QUrl url(const QString& pathOrUrl) const {
        return pathOrUrl.startsWith(QLatin1String("http")) ? QUrl(pathOrUrl)
                                                           : QUrl(m_base.toString() + pathOrUrl);
    }

    HttpResult finish(QNetworkReply* reply) {
        if (!reply->isFinished()) {
            QSignalSpy spy(reply, &QNetworkReply::finished);
            spy.wait(10000);
        }
        HttpResult r;
        if (!reply->isFinished())
            reply->abort();
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.error = reply->error();
        if (reply->isOpen())
            r.body = reply->readAll();
        for (const auto& pair : reply->rawHeaderPairs())
            r.headers.insert(pair.first.toLower(), pair.second);
        reply->deleteLater();
        return r;
    }

    //! A web call; an empty optional leaves the header out.
    HttpResult call(const QString& path, const std::optional<QByteArray>& body,
                    const std::optional<QString>& token,
                    const std::optional<QByteArray>& trace = newTrace(),
                    const QList<QPair<QByteArray, QByteArray>>& extraHeaders = {}) {
        QNetworkRequest r(url(path));
        if (token)
            r.setRawHeader("Token", token->toUtf8());
        if (trace)
            r.setRawHeader("Ai-Trace-Id", *trace);
        for (const auto& h : extraHeaders)
            r.setRawHeader(h.first, h.second);
        if (!body)
            return finish(m_nam->get(r));
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        return finish(m_nam->post(r, *body));
    }
    HttpResult post(const QString& path, const QJsonObject& body, const QString& token,
                    const std::optional<QByteArray>& trace = newTrace()) {
        return call(path, QJsonDocument(body).toJson(QJsonDocument::Compact), token, trace);
    }
    HttpResult get(const QString& path) {
        QNetworkRequest r(url(path));
        return finish(m_nam->get(r));
    }

    HttpResult loginCall(const QString& email, const QString& password) {
        return call(QStringLiteral("/creative_platform/login"),
                    QJsonDocument(QJsonObject{{QStringLiteral("Username"), email},
                                              {QStringLiteral("Password"), password}})
                        .toJson(QJsonDocument::Compact),
                    std::nullopt);
    }
    QString login(const QString& email = kEmail, const QString& password = kPassword) {
        const HttpResult r = loginCall(email, password);
        return r.resp()
            .value(QLatin1String("Result"))
            .toObject()
            .value(QLatin1String("Token"))
            .toString();
    }

    HttpResult credits(const QString& token) {
        return call(QStringLiteral("/creative_platform/user/credits"), std::nullopt, token);
    }

    Sts uploadToken(const QString& token) {
        const HttpResult r = call(QStringLiteral("/creative_platform/getUploadToken"),
                                  QByteArrayLiteral("{}"), token);
        return Sts{r.respText("Ak").toLatin1(), r.respText("Sk").toLatin1(),
                   r.respText("Token").toLatin1()};
    }

    HttpResult put(const OssPut& p, const Sts& sts) {
        const QByteArray token = p.securityToken.value_or(sts.token);
        QList<QPair<QByteArray, QByteArray>> signedHeaders;
        if (p.sendSecurityToken)
            signedHeaders << qMakePair(QByteArrayLiteral("x-oss-security-token"), token);
        const QByteArray md5 = p.contentMd5.value_or(QByteArray());
        const QByteArray signature =
            ossSignature(p.signingSecret.isEmpty() ? sts.sk : p.signingSecret, md5, p.contentType,
                         p.date, signedHeaders, '/' + p.bucket + '/' + p.key);
        QNetworkRequest r(url(QStringLiteral("/oss/%1/%2")
                                  .arg(QString::fromLatin1(p.bucket), QString::fromLatin1(p.key))));
        r.setRawHeader("Date", p.date);
        r.setHeader(QNetworkRequest::ContentTypeHeader, p.contentType);
        if (p.contentMd5)
            r.setRawHeader("Content-MD5", *p.contentMd5);
        for (const auto& h : signedHeaders)
            r.setRawHeader(h.first, h.second);
        for (const auto& h : p.unsignedHeaders)
            r.setRawHeader(h.first, h.second);
        r.setRawHeader("Authorization", "OSS " +
                                            (p.accessKeyId.isEmpty() ? sts.ak : p.accessKeyId) +
                                            ':' + signature);
        return finish(m_nam->put(r, p.body));
    }

    static QByteArray newKey(const char* ext = "png") {
        return "upload/" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + '.' + ext;
    }

    //! Upload with a correct signature, then register; the batch_upload_media answer.
    HttpResult uploadAndRegister(const QString& token, const QByteArray& bytes,
                                 const QByteArray& key = newKey()) {
        OssPut p;
        p.key = key;
        p.body = bytes;
        const HttpResult stored = put(p, uploadToken(token));
        if (stored.status != 200)
            return stored;
        return registerMedia(token, key, bytes.size());
    }

    HttpResult registerMedia(const QString& token, const QByteArray& path, qint64 size) {
        const QJsonObject image{{QStringLiteral("name"), QString::fromLatin1(path.mid(7))},
                                {QStringLiteral("size"), size},
                                {QStringLiteral("path"), QString::fromLatin1(path)},
                                {QStringLiteral("file_name"), QStringLiteral("cat.png")}};
        return post(QStringLiteral("/creative_platform/media/batch_upload_media"),
                    QJsonObject{{QStringLiteral("images"), QJsonArray{image}}}, token);
    }

    HttpResult t2v(const QString& token, const QJsonObject& changes = {}) {
        return post(QStringLiteral("/creative_platform/video/t2v"),
                    with(textToVideoBody(), changes), token);
    }

    HttpResult list(const QString& token, const QJsonObject& body = {}) {
        return post(QStringLiteral("/creative_platform/video/list/personal"), body, token);
    }

    //! The list item of `id`, empty when absent.
    QJsonObject item(const QString& token, qint64 id) {
        const QJsonArray data = list(token).resp().value(QLatin1String("data")).toArray();
        for (const QJsonValue& v : data) {
            if (v.toObject().value(QLatin1String("video_id")).toInteger() == id)
                return v.toObject();
        }
        return {};
    }

    QString pixverseSandboxPath() const {
        const QString dir = qEnvironmentVariable("PIXVERSE_TEST_BIN_DIR");
        if (!dir.isEmpty() && QFile::exists(dir + QStringLiteral("/sandbox/pixverse-sandbox")))
            return dir + QStringLiteral("/sandbox/pixverse-sandbox");
        return test::appExecutable(QStringLiteral("pixverse-sandbox"));
    }

private Q_SLOTS:
    void init() {
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_nam->setProxy(QNetworkProxy::NoProxy);
        startServer();
    }

    void cleanup() {
        m_server.reset();
        m_nam.reset();
    }

    void loginSucceeds() {
        const HttpResult r = loginCall(kEmail, kPassword);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.errCode(), 0);
        const QJsonObject result = r.resp().value(QLatin1String("Result")).toObject();
        const qint64 accountId = result.value(QLatin1String("AccountId")).toInteger();
        QVERIFY(accountId > kTwoPow53);
        QVERIFY(r.body.contains(QByteArray("\"AccountId\":" + QByteArray::number(accountId))));
        QCOMPARE(result.value(QLatin1String("Username")).toString(), QStringLiteral("creator"));
        QCOMPARE(result.value(QLatin1String("DeleteAt")).toString(), QString());
        const QString token = result.value(QLatin1String("Token")).toString();
        QVERIFY(token.startsWith(QLatin1String("eyJ")));
        QCOMPARE(token.count(QLatin1Char('.')), 2);
        QCOMPARE(m_server->stats().webLogins, 1);

        // The token opens the account; the e-mail matches case-insensitively.
        QCOMPARE(credits(token).errCode(), 0);
        const QString again = login(QStringLiteral("Creator@Sandbox.Local"), kPassword);
        QVERIFY(!again.isEmpty());
        QVERIFY(again != token);
        QCOMPARE(m_server->stats().webLogins, 2);
    }

    void loginRefusals() {
        const HttpResult unknown = loginCall(QStringLiteral("nobody@sandbox.local"), kPassword);
        QCOMPARE(unknown.status, 200);
        QCOMPARE(unknown.errCode(), 500200);
        QCOMPARE(unknown.errMsg(), QStringLiteral("User does not exist."));
        QVERIFY(unknown.json().value(QLatin1String("Resp")).isNull());
        QCOMPARE(loginCall(kEmail, QStringLiteral("wrong")).errCode(), 500201);
        QCOMPARE(loginCall(kEmail, kOtherPassword).errCode(), 500201); // another account's password
        QCOMPARE(loginCall(kEmail, QString()).errCode(), 400011);
        QCOMPARE(loginCall(QString(), kPassword).errCode(), 400011);
        QCOMPARE(call(QStringLiteral("/creative_platform/login"),
                      QByteArrayLiteral("{\"Username\":\"x\"}"), std::nullopt)
                     .errCode(),
                 400011);
        const HttpResult garbage = call(QStringLiteral("/creative_platform/login"),
                                        QByteArrayLiteral("nope"), std::nullopt);
        QCOMPARE(garbage.status, 400);
        QCOMPARE(garbage.errCode(), 400013);
        // Login needs a trace id too.
        const QByteArray body = QByteArrayLiteral(
            "{\"Username\":\"creator@sandbox.local\",\"Password\":\"sandbox-password\"}");
        QCOMPARE(call(QStringLiteral("/creative_platform/login"), body, std::nullopt, std::nullopt)
                     .errCode(),
                 400033);
        QCOMPARE(
            call(QStringLiteral("/creative_platform/login"), body, std::nullopt, QByteArray("123"))
                .errCode(),
            400033);
        QCOMPARE(m_server->stats().webLogins, 0);
    }

    void oneSessionPerAccount() {
        const QString first = login();
        const QString other = login(kOtherEmail, kOtherPassword);
        const QString second = login();
        QVERIFY(!first.isEmpty() && !second.isEmpty() && first != second);
        const HttpResult old = credits(first);
        QCOMPARE(old.status, 200);
        QCOMPARE(old.errCode(), 10005);
        QCOMPARE(credits(second).errCode(), 0);
        QCOMPARE(credits(other).errCode(), 0); // another account keeps its session

        // Ended from outside: elsewhere → 10005, expired → 10001.
        m_server->endWebSession(kEmail, true);
        QCOMPARE(credits(second).errCode(), 10005);
        const QString third = login();
        m_server->endWebSession(kEmail, false);
        QCOMPARE(credits(third).errCode(), 10001);
        QCOMPARE(credits(other).errCode(), 0);

        // The control route does the same.
        const QString fourth = login();
        HttpResult r = post(QStringLiteral("/sandbox/control"),
                            QJsonObject{{QStringLiteral("endSession"),
                                         QJsonObject{{QStringLiteral("email"), kEmail},
                                                     {QStringLiteral("elsewhere"), true}}}},
                            QString());
        QCOMPARE(r.status, 200);
        QCOMPARE(credits(fourth).errCode(), 10005);
        r = post(QStringLiteral("/sandbox/control"),
                 QJsonObject{{QStringLiteral("endSession"),
                              QJsonObject{{QStringLiteral("email"), QStringLiteral("x@y.z")}}}},
                 QString());
        QCOMPARE(r.status, 400);

        // A token lives 30 days of sandbox time.
        const QString fifth = login();
        m_server->advanceClock(30LL * 24 * 60 * 60 * 1000);
        QCOMPARE(credits(fifth).errCode(), 10001);
        QVERIFY(!login().isEmpty());
    }

    void tokenAndTraceChecks() {
        const QString token = login();
        const QString path = QStringLiteral("/creative_platform/user/credits");
        QCOMPARE(call(path, std::nullopt, std::nullopt).errCode(), 10003);
        QCOMPARE(call(path, std::nullopt, QString()).errCode(), 10003);
        const HttpResult unknown = call(path, std::nullopt, QStringLiteral("eyJnot.a.token"));
        QCOMPARE(unknown.status, 200);
        QCOMPARE(unknown.errCode(), 10001);
        // The session is checked before the trace id.
        QCOMPARE(call(path, std::nullopt, QStringLiteral("eyJnot.a.token"), std::nullopt).errCode(),
                 10001);
        const HttpResult noTrace = call(path, std::nullopt, token, std::nullopt);
        QCOMPARE(noTrace.status, 200);
        QCOMPARE(noTrace.errCode(), 400033);
        QCOMPARE(noTrace.errMsg(), QStringLiteral("Invalid traceId"));
        QCOMPARE(call(path, std::nullopt, token, QByteArray("not-a-uuid")).errCode(), 400033);
        QCOMPARE(call(path, std::nullopt, token, newTrace().toUpper()).errCode(), 0);
        // Header names are case-insensitive; browser headers are accepted.
        QNetworkRequest r(url(path));
        r.setRawHeader("token", token.toUtf8());
        r.setRawHeader("ai-trace-id", newTrace());
        r.setRawHeader("X-Platform", "Web");
        r.setRawHeader("Refresh", "credit");
        r.setRawHeader("Origin", "https://app.pixverse.ai");
        QCOMPARE(finish(m_nam->get(r)).errCode(), 0);

        // Wrong methods and unknown paths are transport errors.
        QCOMPARE(call(path, QByteArrayLiteral("{}"), token).status, 405);
        QCOMPARE(call(QStringLiteral("/creative_platform/video/t2v"), std::nullopt, token).status,
                 405);
        QCOMPARE(call(QStringLiteral("/creative_platform/no/such"), QByteArrayLiteral("{}"), token)
                     .status,
                 404);
    }

    void traceReplayPerToken() {
        const QString token = login();
        const QByteArray trace = newTrace();
        const QString path = QStringLiteral("/creative_platform/user/credits");
        const HttpResult first = call(path, std::nullopt, token, trace);
        QCOMPARE(first.respInt("credit_daily"), 60);
        m_server->setCredits(kEmail, 1, 2, 3);
        QCOMPARE(call(path, std::nullopt, token, trace).body, first.body);
        QCOMPARE(m_server->stats().replayedAnswers, 1);
        QCOMPARE(credits(token).respInt("credit_daily"), 1);
        // A retried t2v with the same trace id makes one video.
        const QByteArray body = QJsonDocument(textToVideoBody()).toJson(QJsonDocument::Compact);
        m_server->setCredits(kEmail, 60, 1000, 500);
        const QByteArray createTrace = newTrace();
        const HttpResult created =
            call(QStringLiteral("/creative_platform/video/t2v"), body, token, createTrace);
        QCOMPARE(
            call(QStringLiteral("/creative_platform/video/t2v"), body, token, createTrace).body,
            created.body);
        QCOMPARE(m_server->stats().generationsCreated, 1);
    }

    void creditsRoute() {
        const QString token = login();
        HttpResult r = credits(token);
        QCOMPARE(r.errCode(), 0);
        QCOMPARE(r.respInt("credit_daily"), 60);
        QCOMPARE(r.respInt("credit_monthly"), 1000);
        QCOMPARE(r.respInt("credit_package"), 500);
        m_server->setCredits(kEmail, 7, 8); // the 3-argument form empties the daily credits
        r = credits(token);
        QCOMPARE(r.respInt("credit_daily"), 0);
        QCOMPARE(r.respInt("credit_monthly"), 7);
        QCOMPARE(r.respInt("credit_package"), 8);
        r = post(
            QStringLiteral("/sandbox/control"),
            QJsonObject{{QStringLiteral("credits"), QJsonObject{{QStringLiteral("key"), kEmail},
                                                                {QStringLiteral("daily"), 5},
                                                                {QStringLiteral("monthly"), 6},
                                                                {QStringLiteral("package"), 7}}}},
            QString());
        QCOMPARE(r.status, 200);
        QCOMPARE(credits(token).respInt("credit_daily"), 5);
        QCOMPARE(credits(token).respInt("credit_package"), 7);
    }

    // §3.12: the price list needs the Token; without one it is a success-shaped nothing.
    void priceFormulasRoute() {
        const QString path = QStringLiteral("/creative_platform/pricing/formulas");
        const HttpResult anonymous = call(path, QByteArray(), std::nullopt);
        QCOMPARE(anonymous.status, 200);
        QCOMPARE(anonymous.errCode(), 0);
        QVERIFY(anonymous.json().value(QLatin1String("Resp")).isNull());
        QCOMPARE(call(path, QByteArray(), QStringLiteral("not-a-session")).errCode(), 10001);
        QCOMPARE(call(path, std::nullopt, login()).status, 405); // POST only

        const QString token = login();
        const HttpResult r = call(path, QByteArray(), token); // no body, as the site sends it
        QCOMPARE(r.errCode(), 0);
        const QJsonObject resp = r.resp();
        for (const char* key : {"t2v", "i2v", "transition"})
            QVERIFY2(resp.value(QLatin1String(key)).isObject(), key);
        QVERIFY(!resp.contains(QLatin1String("comment")));
        // The formulas served are the ones charged: V6 540p 5 s with sound is 38 by them.
        const auto formulas = PriceFormulas::fromResp(resp);
        QVERIFY(formulas.ok());
        const QJsonObject variables{{QStringLiteral("model"), QStringLiteral("v6")},
                                    {QStringLiteral("quality"), QStringLiteral("540p")},
                                    {QStringLiteral("duration"), 5},
                                    {QStringLiteral("create_count"), 1},
                                    {QStringLiteral("audio"), true},
                                    {QStringLiteral("multishot"), false},
                                    {QStringLiteral("off_peak_discount"), 1},
                                    {QStringLiteral("v6_model_discount"), 1},
                                    {QStringLiteral("model_promotion_discount"), 1}};
        QCOMPARE(formulas.value->evaluate(QStringLiteral("t2v"), variables), 38.0);
        QJsonObject one = variables;
        one[QStringLiteral("audio")] = 1; // not a boolean: priced as silent
        QCOMPARE(formulas.value->evaluate(QStringLiteral("t2v"), one), 35.0);
        m_server->setCredits(kEmail, 0, 1000, 0);
        QCOMPARE(t2v(token, {{QStringLiteral("generate_audio_switch"), true}}).errCode(), 0);
        QCOMPARE(credits(token).respInt("credit_monthly"), 1000 - 38);
    }

    void creditsSpentDailyFirst() {
        const QString token = login();
        QVERIFY(t2v(token).errCode() == 0); // v6 540p 5 s: 35
        HttpResult r = credits(token);
        QCOMPARE(r.respInt("credit_daily"), 25);
        QCOMPARE(r.respInt("credit_monthly"), 1000);
        QVERIFY(t2v(token).errCode() == 0);
        r = credits(token);
        QCOMPARE(r.respInt("credit_daily"), 0);
        QCOMPARE(r.respInt("credit_monthly"), 990);
        m_server->setCredits(kEmail, 0, 10, 100);
        QVERIFY(t2v(token).errCode() == 0);
        r = credits(token);
        QCOMPARE(r.respInt("credit_monthly"), 0);
        QCOMPARE(r.respInt("credit_package"), 75);
        m_server->setCredits(kEmail, 20, 10, 4); // 34 < 35
        const HttpResult short_ = t2v(token);
        QCOMPARE(short_.errCode(), 500043);
        QCOMPARE(credits(token).respInt("credit_daily"), 20);
    }

    void uploadToken() {
        const QString token = login();
        const HttpResult r =
            call(QStringLiteral("/creative_platform/getUploadToken"), QByteArray(), token);
        QCOMPARE(r.errCode(), 0);
        QVERIFY(r.respText("Ak").startsWith(QLatin1String("STS.")));
        QVERIFY(r.respText("Token").startsWith(QLatin1String("CAIS")));
        QVERIFY(r.respText("Sk").size() >= 20);
        const Sts second = uploadToken(token);
        QVERIFY(second.ak.startsWith("STS."));
        QVERIFY(second.ak != r.respText("Ak").toLatin1());
        QVERIFY(second.sk != r.respText("Sk").toLatin1());
        QCOMPARE(
            call(QStringLiteral("/creative_platform/getUploadToken"), QByteArray(), std::nullopt)
                .errCode(),
            10003);
    }

    void objectStorePut() {
        const QString token = login();
        const Sts sts = uploadToken(token);
        OssPut p;
        p.key = newKey();
        p.body = imageBytes(QSize(64, 48), "PNG");
        const HttpResult r = put(p, sts);
        QCOMPARE(r.status, 200);
        const QByteArray md5 = QCryptographicHash::hash(p.body, QCryptographicHash::Md5);
        QCOMPARE(r.headers.value("etag").toUpper(), QByteArray('"' + md5.toHex().toUpper() + '"'));
        QCOMPARE(m_server->stats().objectStorePuts, 1);

        // With a correct Content-MD5 and a signed x-oss-* header; a second account's credentials.
        const Sts other = uploadToken(login(kOtherEmail, kOtherPassword));
        OssPut q;
        q.key = newKey("jpg");
        q.body = imageBytes(QSize(10, 10), "JPG");
        q.contentType = QByteArrayLiteral("image/jpeg");
        q.contentMd5 = QCryptographicHash::hash(q.body, QCryptographicHash::Md5).toBase64();
        QCOMPARE(put(q, other).status, 200);
        QCOMPARE(m_server->stats().objectStorePuts, 2);

        // GET for debugging returns the bytes.
        const HttpResult back =
            get(QStringLiteral("/oss/pixverse-fe-upload/") + QString::fromLatin1(p.key));
        QCOMPARE(back.status, 200);
        QCOMPARE(back.body, p.body);
        QCOMPARE(get(QStringLiteral("/oss/pixverse-fe-upload/upload/missing.png")).ossCode(),
                 QByteArray("NoSuchKey"));
    }

    void objectStoreRefusals_data() {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("bad signature")
            << QStringLiteral("signature") << 403 << QByteArray("SignatureDoesNotMatch");
        QTest::newRow("unsigned x-oss header")
            << QStringLiteral("unsigned") << 403 << QByteArray("SignatureDoesNotMatch");
        QTest::newRow("wrong security token")
            << QStringLiteral("token") << 403 << QByteArray("InvalidSecurityToken");
        QTest::newRow("no security token")
            << QStringLiteral("notoken") << 403 << QByteArray("InvalidSecurityToken");
        QTest::newRow("unknown Ak")
            << QStringLiteral("ak") << 403 << QByteArray("InvalidAccessKeyId");
        QTest::newRow("skewed Date")
            << QStringLiteral("skew") << 403 << QByteArray("RequestTimeTooSkewed");
        QTest::newRow("future Date")
            << QStringLiteral("future") << 403 << QByteArray("RequestTimeTooSkewed");
        QTest::newRow("garbage Date")
            << QStringLiteral("garbage") << 403 << QByteArray("RequestTimeTooSkewed");
        QTest::newRow("no Date") << QStringLiteral("nodate") << 403
                                 << QByteArray("RequestTimeTooSkewed");
        QTest::newRow("bad Content-MD5")
            << QStringLiteral("md5") << 400 << QByteArray("InvalidDigest");
        QTest::newRow("wrong bucket")
            << QStringLiteral("bucket") << 404 << QByteArray("NoSuchBucket");
        QTest::newRow("outside upload/")
            << QStringLiteral("folder") << 403 << QByteArray("AccessDenied");
        QTest::newRow("expired credentials")
            << QStringLiteral("expired") << 403 << QByteArray("SecurityTokenExpired");
        QTest::newRow("10 min skew is fine") << QStringLiteral("smallskew") << 200 << QByteArray();
    }

    void objectStoreRefusals() {
        QFETCH(QString, fault);
        QFETCH(int, status);
        QFETCH(QByteArray, code);
        const Sts sts = uploadToken(login());
        OssPut p;
        p.key = newKey();
        p.body = imageBytes(QSize(16, 16), "PNG");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (fault == QLatin1String("signature"))
            p.signingSecret = "not-the-secret";
        else if (fault == QLatin1String("unsigned"))
            p.unsignedHeaders << qMakePair(QByteArrayLiteral("x-oss-meta-owner"),
                                           QByteArrayLiteral("me"));
        else if (fault == QLatin1String("token"))
            p.securityToken = QByteArrayLiteral("CAISwrong");
        else if (fault == QLatin1String("notoken"))
            p.sendSecurityToken = false;
        else if (fault == QLatin1String("ak"))
            p.accessKeyId = "STS.unknown";
        else if (fault == QLatin1String("skew"))
            p.date = httpDate(now.addSecs(-20 * 60));
        else if (fault == QLatin1String("future"))
            p.date = httpDate(now.addSecs(16 * 60));
        else if (fault == QLatin1String("smallskew"))
            p.date = httpDate(now.addSecs(-10 * 60));
        else if (fault == QLatin1String("garbage"))
            p.date = "yesterday";
        else if (fault == QLatin1String("nodate"))
            p.date.clear();
        else if (fault == QLatin1String("md5"))
            p.contentMd5 =
                QCryptographicHash::hash("other bytes", QCryptographicHash::Md5).toBase64();
        else if (fault == QLatin1String("bucket"))
            p.bucket = "someone-elses-bucket";
        else if (fault == QLatin1String("folder"))
            p.key = "private/x.png";
        else if (fault == QLatin1String("expired"))
            m_server->advanceClock(60 * 60 * 1000);

        const HttpResult r = put(p, sts);
        QCOMPARE(r.status, status);
        if (status == 200) {
            QCOMPARE(m_server->stats().objectStorePuts, 1);
            return;
        }
        QVERIFY2(r.body.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"),
                 r.body.constData());
        QCOMPARE(r.ossCode(), code);
        QVERIFY(r.body.contains("<Message>"));
        QVERIFY(r.headers.value("content-type").contains("xml"));
        QCOMPARE(m_server->stats().objectStorePuts, 0);
        // Nothing was stored: registering the key fails.
        if (fault != QLatin1String("expired"))
            QCOMPARE(registerMedia(login(), p.key, p.body.size()).errCode(), 500042);
    }

    void batchUploadMedia() {
        const QString token = login();
        const QByteArray png = imageBytes(QSize(640, 360), "PNG");
        const QByteArray key = newKey();
        const HttpResult r = uploadAndRegister(token, png, key);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.errCode(), 0);
        const QJsonArray result = r.resp().value(QLatin1String("result")).toArray();
        QCOMPARE(result.size(), 1);
        const QJsonObject item = result.first().toObject();
        QVERIFY(item.value(QLatin1String("id")).toInteger() > kTwoPow53);
        QCOMPARE(item.value(QLatin1String("width")).toInt(), 640);
        QCOMPARE(item.value(QLatin1String("height")).toInt(), 360);
        QCOMPARE(item.value(QLatin1String("path")).toString(), QString::fromLatin1(key));
        QCOMPARE(item.value(QLatin1String("size")).toInteger(), png.size());
        QCOMPARE(item.value(QLatin1String("name")).toString(),
                 QString::fromLatin1(key.mid(7).chopped(4)));
        QCOMPARE(item.value(QLatin1String("category")).toInt(-1), 0);
        QCOMPARE(item.value(QLatin1String("err_msg")).toString(QStringLiteral("x")), QString());
        QCOMPARE(item.value(QLatin1String("asset_id")).toInt(-1), 0);
        QCOMPARE(item.value(QLatin1String("asset_type")).toInt(-1), 0);
        // The url is served by the sandbox.
        const QString mediaUrl = item.value(QLatin1String("url")).toString();
        QVERIFY(mediaUrl.startsWith(m_base.toString() + QStringLiteral("/media/upload/")));
        const HttpResult media = get(mediaUrl);
        QCOMPARE(media.status, 200);
        QCOMPARE(media.body, png);
        QCOMPARE(m_server->stats().uploads, 1);

        // The 4000 px limit is checked after the upload: ErrCode 400.
        QCOMPARE(uploadAndRegister(token, imageBytes(QSize(4000, 100), "PNG")).errCode(), 0);
        const HttpResult tooWide = uploadAndRegister(token, imageBytes(QSize(4001, 100), "PNG"));
        QCOMPARE(tooWide.status, 200);
        QCOMPARE(tooWide.errCode(), 400);
        QCOMPARE(tooWide.errMsg(), QStringLiteral("incorrect image width or height"));
        QCOMPARE(uploadAndRegister(token, imageBytes(QSize(100, 4001), "PNG")).errCode(), 400);
        // Formats.
        QCOMPARE(uploadAndRegister(token, kGif, newKey("gif")).errCode(), 500032);
        QCOMPARE(
            uploadAndRegister(token, QByteArrayLiteral("not an image at all"), newKey()).errCode(),
            500031);
        QCOMPARE(uploadAndRegister(token, png.left(png.size() / 2), newKey()).errCode(), 500031);
        QCOMPARE(
            uploadAndRegister(token, imageBytes(QSize(20, 20), "WEBP"), newKey("webp")).errCode(),
            0);
        // Paths: never uploaded, or uploaded with another account's credentials.
        QCOMPARE(registerMedia(token, newKey(), 10).errCode(), 500042);
        const QString otherToken = login(kOtherEmail, kOtherPassword);
        QCOMPARE(registerMedia(otherToken, key, png.size()).errCode(), 500042);
        QCOMPARE(post(QStringLiteral("/creative_platform/media/batch_upload_media"), QJsonObject{},
                      token)
                     .errCode(),
                 400011);
    }

    void textToVideo() {
        const QString token = login();
        const HttpResult r =
            t2v(token,
                QJsonObject{{QStringLiteral("credit_change"), 35},
                            {QStringLiteral("model_name_default"), QStringLiteral("PixVerse V6")},
                            {QStringLiteral("preview_mode"), 0}});
        QCOMPARE(r.errCode(), 0);
        const qint64 id = r.respInt("video_id");
        QVERIFY(id > kTwoPow53);
        QVERIFY(r.body.contains(QByteArray("\"video_id\":" + QByteArray::number(id))));
        QCOMPARE(m_server->stats().generationsCreated, 1);

        QJsonObject noAspect = textToVideoBody();
        noAspect.remove(QStringLiteral("aspect_ratio"));
        QCOMPARE(post(QStringLiteral("/creative_platform/video/t2v"), noAspect, token).errCode(),
                 400011);
        QCOMPARE(t2v(token, {{QStringLiteral("prompt"), QString()}}).errCode(), 400011);
        QCOMPARE(t2v(token, {{QStringLiteral("duration"), 16}}).errCode(), 400017);
        QCOMPARE(t2v(token, {{QStringLiteral("aspect_ratio"), QStringLiteral("2:1")}}).errCode(),
                 400017);
        QCOMPARE(t2v(token, {{QStringLiteral("duration"), QStringLiteral("5")}}).errCode(), 400013);
        QCOMPARE(t2v(token, {{QStringLiteral("off_peak"), 2}}).errCode(), 400013);
        // The audio switch is a JSON boolean (§3.12's formulas compare it with true).
        QCOMPARE(t2v(token, {{QStringLiteral("generate_audio_switch"), 1}}).errCode(), 400013);
        QCOMPARE(t2v(token, {{QStringLiteral("audio"), 0}}).errCode(), 400013);
        QCOMPARE(t2v(token, {{QStringLiteral("audio"), true}}).errCode(), 400017); // disagree
        QCOMPARE(t2v(token, {{QStringLiteral("create_count"), 2}}).errCode(), 400017);
        QCOMPARE(t2v(token, {{QStringLiteral("off_peak"), 1}}).errCode(),
                 0); // off-peak exists on the web
        // Web prompts may be 5000 characters (the site's own text, §3.10).
        QCOMPARE(
            t2v(token, {{QStringLiteral("prompt"), QString(5001, QLatin1Char('a'))}}).errCode(),
            400018);
        const HttpResult garbage =
            call(QStringLiteral("/creative_platform/video/t2v"), QByteArrayLiteral("{"), token);
        QCOMPARE(garbage.status, 400);
        QCOMPARE(garbage.errCode(), 400013);
        QCOMPARE(m_server->stats().generationsCreated, 2);
    }

    void modelsOfTheWeb() {
        SandboxConfig config;
        config.concurrencyLimit = 20;
        startServer(config);
        const QString token = login();
        m_server->setCredits(kEmail, 0, 10000, 0);
        auto model = [](const char* id, QJsonObject more = {}) {
            more.insert(QStringLiteral("model"), QLatin1String(id));
            return more;
        };
        auto spent = [&](const QJsonObject& changes) -> qint64 {
            QJsonObject body = textToVideoBody();
            body.remove(QStringLiteral("generate_audio_switch")); // absent: no sound
            const qint64 before = credits(token).respInt("credit_monthly");
            const HttpResult r =
                post(QStringLiteral("/creative_platform/video/t2v"), with(body, changes), token);
            return r.errCode() == 0 ? before - credits(token).respInt("credit_monthly")
                                    : -r.errCode();
        };
        // C1 is "pixverse-c1" on the web (§3.10); "c1" is the OpenAPI's id.
        QCOMPARE(spent(model("pixverse-c1")), 8 * 5);
        QCOMPARE(spent(model("c1")), -400017);
        QCOMPARE(
            spent(model("pixverse-c1", {{QStringLiteral("aspect_ratio"), QStringLiteral("21:9")}})),
            -400017); // the web lists 7 ratios for C1
        // V6: per second by the sandbox's web formulas (web-price-formulas.json), higher with
        // audio, by either name of the switch: 7.6/s at 540p, 11/s at 720p.
        QCOMPARE(spent(model("v6", {{QStringLiteral("generate_audio_switch"), true},
                                    {QStringLiteral("duration"), 10}})),
                 76);
        QCOMPARE(spent(model("v6", {{QStringLiteral("audio"), true},
                                    {QStringLiteral("quality"), QStringLiteral("720p")},
                                    {QStringLiteral("duration"), 12}})),
                 132);
        QCOMPARE(spent(model("v6", {{QStringLiteral("multi_shot"), 1},
                                    {QStringLiteral("quality"), QStringLiteral("720p")}})),
                 9 * 5);
        QCOMPARE(spent(model("v6", {{QStringLiteral("motion_mode"), QStringLiteral("fast")}})),
                 -400017);
        QCOMPARE(spent(model("v5.6", {{QStringLiteral("aspect_ratio"), QStringLiteral("3:2")},
                                      {QStringLiteral("quality"), QStringLiteral("720p")}})),
                 45);
        QCOMPARE(spent(model("v6", {{QStringLiteral("prompt"), QString(5000, QLatin1Char('a'))}})),
                 7 * 5);
    }

    // §3.10: the website no longer takes v3.5-v5.5; the sandbox refuses them by default.
    void legacyModelsRefusedByDefault() {
        const QString token = login();
        QJsonObject legacy = textToVideoBody();
        legacy.insert(QStringLiteral("motion_mode"), QStringLiteral("normal"));
        for (const char* model : {"v3.5", "v4", "v4.5", "v5", "v5.5"}) {
            const HttpResult r =
                t2v(token, with(legacy, {{QStringLiteral("model"), QLatin1String(model)}}));
            QCOMPARE(r.errCode(), 400017);
            QVERIFY(r.errMsg().contains(QLatin1String(model)));
        }
        QCOMPARE(t2v(token, {{QStringLiteral("model"), QStringLiteral("c1")}}).errCode(), 400017);
        for (const char* model : {"v6", "v5.6", "pixverse-c1"})
            QCOMPARE(t2v(token, {{QStringLiteral("model"), QLatin1String(model)}}).errCode(), 0);
        QCOMPARE(m_server->stats().generationsCreated, 3);

        SandboxConfig config;
        config.webRefusesLegacyModels = false;
        startServer(config);
        QCOMPARE(t2v(login(), with(legacy, {{QStringLiteral("model"), QStringLiteral("v4.5")}}))
                     .errCode(),
                 0);
    }

    void executableTakesLegacyModelsOnRequest() {
        const QString program = pixverseSandboxPath();
        QVERIFY2(QFile::exists(program), "pixverse-sandbox is not built");
        m_server.reset();
        for (const bool legacy : {false, true}) {
            QProcess process;
            QStringList arguments{QStringLiteral("--port"), QStringLiteral("0")};
            if (legacy)
                arguments << QStringLiteral("--web-legacy-models");
            process.start(program, arguments);
            QVERIFY(process.waitForStarted(5000));
            QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
            m_base = QUrl(QString::fromUtf8(process.readLine()).trimmed());
            const HttpResult r =
                t2v(login(), {{QStringLiteral("model"), QStringLiteral("v4.5")},
                              {QStringLiteral("motion_mode"), QStringLiteral("normal")}});
            QCOMPARE(r.errCode(), legacy ? 0 : 400017);
            process.terminate();
            QVERIFY(process.waitForFinished(5000));
            m_nam->clearConnectionCache();
        }
    }

    // Issue 15: a V6 clip with sound, asked by either name of the web's audio switch.
    void v6WithSound_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<bool>("audio");
        QTest::addColumn<qint64>("cost");
        // The web formulas' 720p rate with sound: 11 credits/s.
        QTest::newRow("audio") << QStringLiteral("audio") << true << qint64(11 * 12);
        QTest::newRow("generate_audio_switch")
            << QStringLiteral("generate_audio_switch") << true << qint64(11 * 12);
        QTest::newRow("silent") << QStringLiteral("audio") << false << qint64(12 * 9);
    }

    void v6WithSound() {
        QFETCH(QString, field);
        QFETCH(bool, audio);
        QFETCH(qint64, cost);
        const QString token = login();
        m_server->setCredits(kEmail, 0, 1000, 0);
        QJsonObject body = textToVideoBody();
        body.remove(QStringLiteral("generate_audio_switch"));
        body.insert(field, audio);
        const HttpResult created =
            post(QStringLiteral("/creative_platform/video/t2v"),
                 with(body, {{QStringLiteral("duration"), 12},
                             {QStringLiteral("quality"), QStringLiteral("720p")},
                             {QStringLiteral("aspect_ratio"), QStringLiteral("21:9")}}),
                 token);
        QCOMPARE(created.errCode(), 0);
        QCOMPARE(credits(token).respInt("credit_monthly"), 1000 - cost);
        const qint64 id = created.respInt("video_id");
        m_server->advanceClock(m_server->config().generationMs);
        const QJsonObject entry = item(token, id);
        QCOMPARE(entry.value(QLatin1String("video_status")).toInt(), 1);
        QCOMPARE(entry.value(QLatin1String("has_audio")).toBool(!audio), audio);
        QCOMPARE(entry.value(QLatin1String("credits")).toInteger(), cost);
        QCOMPARE(entry.value(QLatin1String("output_width")).toInt(), 1280);
        QCOMPARE(entry.value(QLatin1String("output_height")).toInt(), 548);
        const HttpResult clip = get(entry.value(QLatin1String("url")).toString());
        QCOMPARE(clip.status, 200);
        const test::ClipStreams streams = test::probeClip(clip.body);
        QVERIFY(streams.loaded);
        QVERIFY(streams.hasVideo);
        QCOMPARE(streams.resolution, QSize(1280, 548));
        QCOMPARE(streams.hasAudio, audio);
    }

    // Videos put on the account (as if made on the website) follow the model's size rule and
    // may have sound.
    void accountVideosByModel() {
        const QString token = login();
        const auto add = [this](const QJsonObject& videos) {
            QJsonObject withEmail = videos;
            withEmail.insert(QStringLiteral("email"), kEmail);
            return post(QStringLiteral("/sandbox/control"),
                        QJsonObject{{QStringLiteral("addVideos"), withEmail}}, QString());
        };
        const HttpResult v6 = add({{QStringLiteral("model"), QStringLiteral("v6")},
                                   {QStringLiteral("quality"), QStringLiteral("720p")},
                                   {QStringLiteral("aspectRatio"), QStringLiteral("21:9")},
                                   {QStringLiteral("duration"), 12},
                                   {QStringLiteral("audio"), true}});
        QCOMPARE(v6.status, 200);
        const qint64 withSound =
            v6.json().value(QLatin1String("videoIds")).toArray().first().toInteger();
        const HttpResult old = add({{QStringLiteral("model"), QStringLiteral("v4.5")}});
        QCOMPARE(old.status, 200);
        const qint64 silent =
            old.json().value(QLatin1String("videoIds")).toArray().first().toInteger();
        QCOMPARE(add({{QStringLiteral("model"), QStringLiteral("v4.5")},
                      {QStringLiteral("audio"), true}})
                     .status,
                 400); // v4.5 makes no sound
        QCOMPARE(add({{QStringLiteral("audio"), 1}}).status, 400);

        const QJsonObject sound = item(token, withSound);
        QCOMPARE(sound.value(QLatin1String("output_width")).toInt(), 1280);
        QCOMPARE(sound.value(QLatin1String("output_height")).toInt(), 548);
        QCOMPARE(sound.value(QLatin1String("has_audio")).toBool(), true);
        QCOMPARE(sound.value(QLatin1String("credits")).toInteger(-1), 0); // not made here
        const test::ClipStreams streams =
            test::probeClip(get(sound.value(QLatin1String("url")).toString()).body);
        QVERIFY(streams.loaded);
        QVERIFY(streams.hasAudio);
        QCOMPARE(streams.resolution, QSize(1280, 548));
        const QJsonObject plain = item(token, silent);
        QCOMPARE(plain.value(QLatin1String("output_width")).toInt(), 960);
        QCOMPARE(plain.value(QLatin1String("has_audio")).toBool(true), false);
    }

    // Status 6 has no web code (§3.7): a deleted video leaves the list, its file answers 404.
    void deletedVideosLeaveTheList() {
        SandboxHost host;
        QVERIFY2(host.start(), qPrintable(host.errorString()));
        m_server.reset();
        m_base = host.baseUrl();
        const QString token = login();
        const qint64 vanishing =
            t2v(token, {{QStringLiteral("prompt"), QStringLiteral("Snow that will vanish")}})
                .respInt("video_id");
        const qint64 kept = t2v(token).respInt("video_id");
        QVERIFY(vanishing > 0 && kept > 0);
        QCOMPARE(item(token, vanishing).value(QLatin1String("video_status")).toInt(), 5);
        host.advanceClock(60000);
        QVERIFY(item(token, vanishing).isEmpty());
        const QJsonObject finished = item(token, kept);
        QCOMPARE(finished.value(QLatin1String("video_status")).toInt(), 1);
        const QString url = finished.value(QLatin1String("url")).toString();
        QCOMPARE(get(url).status, 200);
        QCOMPARE(
            get(QString(url).replace(QString::number(kept), QString::number(vanishing))).status,
            404);
        // No refund for a deletion: both videos stay paid (2 × 35 from the daily 60, then 10).
        QCOMPARE(credits(token).respInt("credit_monthly"), 1000 - 10);

        QVERIFY(host.deleteVideo(kept));
        QVERIFY(item(token, kept).isEmpty());
        const HttpResult page = list(token);
        QCOMPARE(page.resp().value(QLatin1String("data")).toArray().size(), 0);
        QCOMPARE(page.resp().value(QLatin1String("web_has_more")).toBool(true), false);
        QCOMPARE(get(url).status, 404);
        QVERIFY(!host.deleteVideo(kept + 1));
    }

    void concurrencyPerAccount() {
        SandboxConfig config;
        config.concurrencyLimit = 2;
        startServer(config);
        const QString token = login();
        QCOMPARE(t2v(token).errCode(), 0);
        QCOMPARE(t2v(token).errCode(), 0);
        QCOMPARE(t2v(token).errCode(), 500044);
        // The limit is per account.
        QCOMPARE(t2v(login(kOtherEmail, kOtherPassword)).errCode(), 0);
        QCOMPARE(m_server->stats().generating, 3);
        // Status 10 still holds the slot; a final status frees it.
        m_server->advanceClock(m_server->config().generationMs / 2);
        QCOMPARE(t2v(token).errCode(), 500044);
        m_server->advanceClock(m_server->config().generationMs);
        QCOMPARE(t2v(token).errCode(), 0);
    }

    void imageToVideo_data() {
        QTest::addColumn<QSize>("image");
        QTest::addColumn<QString>("aspect");
        QTest::addColumn<QSize>("output");
        // V6 540p: the long edge is 1024 (§2.11).
        QTest::newRow("portrait") << QSize(360, 640) << QStringLiteral("9:16") << QSize(576, 1024);
        QTest::newRow("square") << QSize(500, 480) << QStringLiteral("1:1") << QSize(1024, 1024);
        QTest::newRow("landscape")
            << QSize(1672, 941) << QStringLiteral("16:9") << QSize(1024, 576);
        QTest::newRow("wide") << QSize(2100, 900) << QStringLiteral("21:9") << QSize(1024, 438);
    }

    void imageToVideo() {
        QFETCH(QSize, image);
        QFETCH(QString, aspect);
        QFETCH(QSize, output);
        const QString token = login();
        const HttpResult registered =
            uploadAndRegister(token, imageBytes(image, "JPG"), newKey("jpg"));
        QCOMPARE(registered.errCode(), 0);
        const QJsonObject media =
            registered.resp().value(QLatin1String("result")).toArray().first().toObject();
        QJsonObject body = textToVideoBody();
        body.remove(QStringLiteral("aspect_ratio"));
        body.insert(QStringLiteral("customer_img_path"), media.value(QLatin1String("path")));
        body.insert(QStringLiteral("customer_img_url"), media.value(QLatin1String("url")));
        const HttpResult r = post(QStringLiteral("/creative_platform/video/i2v"), body, token);
        QCOMPARE(r.errCode(), 0);
        const qint64 id = r.respInt("video_id");
        QVERIFY(id > kTwoPow53);
        const QJsonObject entry = item(token, id);
        QCOMPARE(entry.value(QLatin1String("aspect_ratio")).toString(), aspect);
        QCOMPARE(entry.value(QLatin1String("output_width")).toInt(), output.width());
        QCOMPARE(entry.value(QLatin1String("output_height")).toInt(), output.height());
        QCOMPARE(entry.value(QLatin1String("img_url")).toString(),
                 media.value(QLatin1String("url")).toString());
    }

    void imageToVideoRefusals() {
        const QString token = login();
        const QByteArray bytes = imageBytes(QSize(300, 300), "PNG");
        const HttpResult registered = uploadAndRegister(token, bytes);
        const QJsonObject media =
            registered.resp().value(QLatin1String("result")).toArray().first().toObject();
        QJsonObject body = textToVideoBody();
        body.insert(QStringLiteral("customer_img_path"), media.value(QLatin1String("path")));
        body.insert(QStringLiteral("customer_img_url"), media.value(QLatin1String("url")));
        const QString path = QStringLiteral("/creative_platform/video/i2v");
        QCOMPARE(post(path, body, token).errCode(), 0); // an aspect_ratio sent anyway is ignored

        QJsonObject noUrl = body;
        noUrl.remove(QStringLiteral("customer_img_url"));
        QCOMPARE(post(path, noUrl, token).errCode(), 400011);
        QCOMPARE(post(path, with(body, {{QStringLiteral("customer_img_path"), QString()}}), token)
                     .errCode(),
                 400011);
        QCOMPARE(post(path,
                      with(body, {{QStringLiteral("customer_img_path"),
                                   QStringLiteral("upload/none.png")}}),
                      token)
                     .errCode(),
                 500042);
        // Stored in the object store but never registered.
        OssPut p;
        p.key = newKey();
        p.body = bytes;
        QCOMPARE(put(p, uploadToken(token)).status, 200);
        QCOMPARE(
            post(path,
                 with(body, {{QStringLiteral("customer_img_path"), QString::fromLatin1(p.key)}}),
                 token)
                .errCode(),
            500042);
        // Registered by another account.
        QCOMPARE(post(path, body, login(kOtherEmail, kOtherPassword)).errCode(), 500042);
    }

    // The site's transition call (§3.11): two frames as paths and URLs, the first frame's aspect
    // decides the size; audio, preview_mode and off_peak as 0/1 or booleans.
    void framesTransition() {
        const QString token = login();
        QJsonArray paths;
        QJsonArray urls;
        for (const QSize size : {QSize(360, 640), QSize(640, 360)}) {
            const HttpResult registered = uploadAndRegister(token, imageBytes(size, "PNG"));
            QCOMPARE(registered.errCode(), 0);
            const QJsonObject media =
                registered.resp().value(QLatin1String("result")).toArray().first().toObject();
            paths << media.value(QLatin1String("path"));
            urls << media.value(QLatin1String("url"));
        }
        const QString prompt = QStringLiteral("The caterpillar unfolds as a butterfly");
        const QJsonObject body{
            {QStringLiteral("customer_img_paths"), paths},
            {QStringLiteral("customer_img_urls"), urls},
            {QStringLiteral("prompt"), prompt},
            {QStringLiteral("prompts"), QJsonArray{prompt}},
            {QStringLiteral("duration"), 5},
            {QStringLiteral("durations"), QJsonArray{5}},
            {QStringLiteral("model"), QStringLiteral("v6")},
            {QStringLiteral("model_name_default"), QStringLiteral("PixVerse V6")},
            {QStringLiteral("quality"), QStringLiteral("540p")},
            {QStringLiteral("seed"), 123456},
            {QStringLiteral("create_count"), 1},
            {QStringLiteral("audio"), 1},
            {QStringLiteral("preview_mode"), 0},
            {QStringLiteral("off_peak"), 0},
        };
        const QString path = QStringLiteral("/creative_platform/video/frames");
        const qint64 before = credits(token).respInt("credit_daily");
        const HttpResult made = post(path, body, token);
        QCOMPARE(made.errCode(), 0);
        const QJsonObject entry = item(token, made.respInt("video_id"));
        QCOMPARE(entry.value(QLatin1String("output_width")).toInt(), 576); // portrait first frame
        QCOMPARE(entry.value(QLatin1String("output_height")).toInt(), 1024);
        QCOMPARE(entry.value(QLatin1String("has_audio")).toBool(), true); // audio 1 is sound
        // v6 540p 5 s with sound by the web formulas: 38, as the site charged (§3.12).
        QCOMPARE(entry.value(QLatin1String("credits")).toInteger(), 38);
        QCOMPARE(entry.value(QLatin1String("img_url")).toString(), urls.at(0).toString());
        QCOMPARE(before - credits(token).respInt("credit_daily"), 38);
        // Booleans are taken too.
        QCOMPARE(post(path,
                      with(body, {{QStringLiteral("audio"), false},
                                  {QStringLiteral("preview_mode"), true},
                                  {QStringLiteral("off_peak"), false}}),
                      token)
                     .errCode(),
                 0);

        const qint64 created = m_server->stats().generationsCreated;
        QCOMPARE(post(path, with(body, {{QStringLiteral("audio"), 2}}), token).errCode(), 400013);
        QCOMPARE(post(path,
                      with(body, {{QStringLiteral("customer_img_paths"), QJsonArray{paths.at(0)}}}),
                      token)
                     .errCode(),
                 400017);
        QJsonObject noUrls = body;
        noUrls.remove(QStringLiteral("customer_img_urls"));
        QCOMPARE(post(path, noUrls, token).errCode(), 400011);
        QCOMPARE(
            post(path, with(body, {{QStringLiteral("durations"), QJsonArray{8}}}), token).errCode(),
            400017);
        QCOMPARE(post(path,
                      with(body, {{QStringLiteral("customer_img_paths"),
                                   QJsonArray{paths.at(0), QStringLiteral("upload/none.png")}}}),
                      token)
                     .errCode(),
                 500042);
        // Another account's frames are unknown to this one.
        QCOMPARE(post(path, body, login(kOtherEmail, kOtherPassword)).errCode(), 500042);
        QCOMPARE(m_server->stats().generationsCreated, created);
    }

    // The modes without a documented web request have no web route (§3.13).
    void continuedModesHaveNoWebRoute() {
        const QString token = login();
        for (const char* mode : {"video/extend", "video/extend/generate", "video/upscale",
                                 "video/sound_effect", "video/lip_sync", "video/transition"}) {
            const HttpResult r = post(QStringLiteral("/creative_platform/") + QLatin1String(mode),
                                      QJsonObject{{QStringLiteral("source_video_id"), 1}}, token);
            QCOMPARE(r.status, 404);
        }
        QCOMPARE(m_server->stats().generationsCreated, 0);
    }

    void listShowsStatusesOverTime() {
        SandboxConfig config;
        config.generationMs = 10000;
        startServer(config);
        const QString token = login();
        const qint64 id = t2v(token).respInt("video_id");
        QVERIFY(id > kTwoPow53);

        QJsonObject entry = item(token, id);
        QCOMPARE(entry.value(QLatin1String("video_status")).toInt(), 5);
        const QJsonObject queue = entry.value(QLatin1String("queue_data")).toObject();
        QVERIFY(queue.value(QLatin1String("queue_time")).toInteger() > 0);
        QCOMPARE(queue.value(QLatin1String("queue_count")).toInt(-1), 0);
        // The url comes at once; the file answers 404 until the video is done.
        const QString videoUrl = entry.value(QLatin1String("url")).toString();
        QVERIFY(videoUrl.startsWith(m_base.toString()));
        QVERIFY(videoUrl.endsWith(QLatin1String(".mp4")));
        QCOMPARE(get(videoUrl).status, 404);
        QCOMPARE(entry.value(QLatin1String("prompt")).toString(),
                 QStringLiteral("A red fox running through snow"));
        QCOMPARE(entry.value(QLatin1String("model")).toString(), QStringLiteral("v6"));
        QCOMPARE(entry.value(QLatin1String("quality")).toString(), QStringLiteral("540p"));
        QCOMPARE(entry.value(QLatin1String("duration")).toInt(), 5);
        QCOMPARE(entry.value(QLatin1String("aspect_ratio")).toString(), QStringLiteral("16:9"));
        QCOMPARE(entry.value(QLatin1String("output_width")).toInt(), 1024);
        QCOMPARE(entry.value(QLatin1String("output_height")).toInt(), 576);
        QCOMPARE(entry.value(QLatin1String("has_audio")).toBool(true), false);
        QCOMPARE(entry.value(QLatin1String("credits")).toInteger(), 35);
        QCOMPARE(entry.value(QLatin1String("motion_mode")).toString(), QStringLiteral("normal"));
        QVERIFY(entry.value(QLatin1String("seed")).toInteger(-1) >= 0);
        QVERIFY(entry.value(QLatin1String("created_at")).toString().endsWith(QLatin1Char('Z')));
        QCOMPARE(entry.value(QLatin1String("img_id")).toInt(-1), 0);
        QCOMPARE(entry.value(QLatin1String("template_id")).toInt(-1), 0);
        QVERIFY(entry.contains(QLatin1String("first_frame")));

        // Nearly stopped, so the wall clock cannot cross the 20% mark for us.
        m_server->setClockSpeed(0.001);
        m_server->advanceClock(1900);
        QCOMPARE(item(token, id).value(QLatin1String("video_status")).toInt(), 5);
        m_server->advanceClock(100);
        QCOMPARE(item(token, id).value(QLatin1String("video_status")).toInt(), 10);
        QCOMPARE(m_server->stats().generating, 1);
        m_server->advanceClock(8000);
        entry = item(token, id);
        QCOMPARE(entry.value(QLatin1String("video_status")).toInt(), 1);
        QCOMPARE(entry.value(QLatin1String("url")).toString(), videoUrl);
        const HttpResult clip = get(videoUrl);
        QCOMPARE(clip.status, 200);
        QVERIFY(clip.body.size() > 1000);
        QCOMPARE(clip.headers.value("content-type"), QByteArray("video/mp4"));
        QCOMPARE(get(entry.value(QLatin1String("first_frame")).toString()).status, 200);
        QCOMPARE(m_server->stats().generating, 0);
        QCOMPARE(m_server->stats().listCalls, 4);
    }

    void listPagingAndOwnership() {
        SandboxConfig config;
        config.concurrencyLimit = 10;
        startServer(config);
        const QString token = login();
        m_server->setCredits(kEmail, 0, 10000, 0);
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i) {
            ids.prepend(t2v(token).respInt("video_id"));
            m_server->advanceClock(10);
        }
        auto idsOf = [](const HttpResult& r) {
            QList<qint64> out;
            const QJsonArray data = r.resp().value(QLatin1String("data")).toArray();
            for (const QJsonValue& v : data)
                out << v.toObject().value(QLatin1String("video_id")).toInteger();
            return out;
        };
        HttpResult page = list(token, QJsonObject{{QStringLiteral("offset"), 0},
                                                  {QStringLiteral("limit"), 2},
                                                  {QStringLiteral("polling"), true},
                                                  {QStringLiteral("filter"),
                                                   QJsonObject{{QStringLiteral("off_peak"), 0}}},
                                                  {QStringLiteral("web_offset"), 0},
                                                  {QStringLiteral("app_offset"), 0}});
        QCOMPARE(page.errCode(), 0);
        QCOMPARE(idsOf(page), ids.mid(0, 2)); // newest first
        QCOMPARE(page.resp().value(QLatin1String("web_has_more")).toBool(), true);
        QCOMPARE(page.resp().value(QLatin1String("web_next_offset")).toInt(), 2);
        page = list(token,
                    QJsonObject{{QStringLiteral("web_offset"), 2}, {QStringLiteral("limit"), 2}});
        QCOMPARE(idsOf(page), ids.mid(2, 2));
        QCOMPARE(page.resp().value(QLatin1String("web_next_offset")).toInt(), 4);
        page =
            list(token, QJsonObject{{QStringLiteral("offset"), 4}, {QStringLiteral("limit"), 2}});
        QCOMPARE(idsOf(page), ids.mid(4, 1));
        QCOMPARE(page.resp().value(QLatin1String("web_has_more")).toBool(), false);
        QCOMPARE(page.resp().value(QLatin1String("web_next_offset")).toInt(), 5);
        // Default limit 50, maximum 100; bad numbers are refused.
        QCOMPARE(idsOf(list(token)), ids);
        QCOMPARE(idsOf(list(token, QJsonObject{{QStringLiteral("limit"), 1000}})), ids);
        QCOMPARE(list(token, QJsonObject{{QStringLiteral("offset"), -1}}).errCode(), 400013);

        // Only the caller's videos; OpenAPI videos never show.
        const QString other = login(kOtherEmail, kOtherPassword);
        QCOMPARE(idsOf(list(other)), QList<qint64>());
        const qint64 otherId = t2v(other).respInt("video_id");
        QCOMPARE(idsOf(list(other)), QList<qint64>{otherId});
        QNetworkRequest openApi(url(QStringLiteral("/openapi/v2/video/text/generate")));
        openApi.setRawHeader("API-KEY", m_server->defaultApiKey().toUtf8());
        openApi.setRawHeader("Ai-trace-id", newTrace());
        openApi.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        QCOMPARE(finish(m_nam->post(openApi, QJsonDocument(textToVideoBody()).toJson())).errCode(),
                 0);
        QCOMPARE(idsOf(list(token)).size(), 5);
        QCOMPARE(m_server->stats().listCalls, 9);
    }

    void moderationRefundsAndFailure() {
        const QString token = login();
        const qint64 banned =
            t2v(token, {{QStringLiteral("prompt"), QStringLiteral("a Forbidden scene")}})
                .respInt("video_id");
        QVERIFY(banned > 0);
        QCOMPARE(credits(token).respInt("credit_daily"), 25);
        const qint64 failed =
            t2v(token, {{QStringLiteral("prompt"), QStringLiteral("cars explode")}})
                .respInt("video_id");
        QVERIFY(failed > 0);
        QCOMPARE(credits(token).respInt("credit_daily"), 0);
        QCOMPARE(credits(token).respInt("credit_monthly"), 990);
        m_server->advanceClock(m_server->config().generationMs);
        QCOMPARE(item(token, banned).value(QLatin1String("video_status")).toInt(), 7);
        QCOMPARE(item(token, failed).value(QLatin1String("video_status")).toInt(), 8);
        // Status 7 gives the 35 credits back to the daily balance they came from; 8 too (the
        // sandbox's refundFailed, issue 19): 25 to the daily credits, 10 to the monthly.
        const HttpResult after = credits(token);
        QCOMPARE(after.respInt("credit_daily"), 60);
        QCOMPARE(after.respInt("credit_monthly"), 1000);
        QCOMPARE(item(token, banned).value(QLatin1String("credits")).toInteger(-1), 0);
        QCOMPARE(item(token, failed).value(QLatin1String("credits")).toInteger(-1), 0);
        QCOMPARE(after.respInt("credit_package"), 500);
        QCOMPARE(get(item(token, banned).value(QLatin1String("url")).toString()).status, 404);
    }

    void faultsReachWebAndObjectStore() {
        const QString token = login();
        SandboxFault fault;
        fault.httpStatus = 503;
        fault.pathContains = QStringLiteral("/creative_platform/video/t2v");
        m_server->injectFault(fault);
        QCOMPARE(t2v(token).status, 503);
        QCOMPARE(t2v(token).errCode(), 0);

        SandboxFault service;
        service.kind = SandboxFault::Kind::ServiceError;
        service.errCode = 500069;
        service.pathContains = QStringLiteral("list/personal");
        m_server->injectFault(service);
        QCOMPARE(list(token).errCode(), 500069);

        const Sts sts = uploadToken(token);
        SandboxFault oss;
        oss.httpStatus = 500;
        oss.pathContains = QStringLiteral("/oss/");
        m_server->injectFault(oss);
        OssPut p;
        p.key = newKey();
        p.body = imageBytes(QSize(8, 8), "PNG");
        QCOMPARE(put(p, sts).status, 500);
        QCOMPARE(put(p, sts).status, 200);
    }

    void statsRoute() {
        const QString token = login();
        list(token);
        OssPut p;
        p.key = newKey();
        p.body = imageBytes(QSize(8, 8), "PNG");
        QCOMPARE(put(p, uploadToken(token)).status, 200);
        const QJsonObject s = get(QStringLiteral("/sandbox/stats")).json();
        QCOMPARE(s.value(QLatin1String("webLogins")).toInteger(), 1);
        QCOMPARE(s.value(QLatin1String("listCalls")).toInteger(), 1);
        QCOMPARE(s.value(QLatin1String("objectStorePuts")).toInteger(), 1);
        QCOMPARE(s.value(QLatin1String("requests")).toInteger(), 5);
    }

    void hostWebHooks() {
        SandboxConfig config;
        SandboxHost host(config);
        QVERIFY2(host.start(), qPrintable(host.errorString()));
        m_base = host.baseUrl();
        const QString token = login();
        host.setCredits(kEmail, 1, 2, 3);
        QCOMPARE(credits(token).respInt("credit_package"), 3);
        host.endWebSession(kEmail, true);
        QCOMPARE(credits(token).errCode(), 10005);
        QCOMPARE(host.stats().webLogins, 1);
    }

    void executableAccounts() {
        const QString program = pixverseSandboxPath();
        QVERIFY2(QFile::exists(program), "pixverse-sandbox is not built");
        {
            QProcess process;
            process.start(program, {QStringLiteral("--port"), QStringLiteral("0")});
            QVERIFY(process.waitForStarted(5000));
            QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
            m_base = QUrl(QString::fromUtf8(process.readLine()).trimmed());
            QByteArray err;
            QTRY_VERIFY_WITH_TIMEOUT(
                (err += process.readAllStandardError()).contains("Web account: "), 5000);
            QVERIFY(err.contains("Web account: creator@sandbox.local:sandbox-password"));
            QVERIFY(!login().isEmpty());
            process.terminate();
            QVERIFY(process.waitForFinished(5000));
        }
        {
            QProcess process;
            process.start(program,
                          {QStringLiteral("--account"), QStringLiteral("a@b.test:pw:with:colons"),
                           QStringLiteral("--account"), QStringLiteral("c@d.test:x")});
            QVERIFY(process.waitForStarted(5000));
            QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
            m_base = QUrl(QString::fromUtf8(process.readLine()).trimmed());
            QVERIFY(!login(QStringLiteral("a@b.test"), QStringLiteral("pw:with:colons")).isEmpty());
            QVERIFY(!login(QStringLiteral("c@d.test"), QStringLiteral("x")).isEmpty());
            QCOMPARE(loginCall(kEmail, kPassword).errCode(), 500200);
            const QByteArray err = process.readAllStandardError();
            QVERIFY(!err.contains("Web account:"));
            QVERIFY(!err.contains("pw:with:colons"));
            process.terminate();
            QVERIFY(process.waitForFinished(5000));
        }
        for (const QString& bad : {QStringLiteral("no-colon@x.test"), QStringLiteral("nobody:pw"),
                                   QStringLiteral("a@b.test:")}) {
            QProcess process;
            process.start(program, {QStringLiteral("--account"), bad});
            QVERIFY(process.waitForFinished(10000));
            QCOMPARE(process.exitCode(), 2);
            QVERIFY(QString::fromUtf8(process.readAllStandardError())
                        .contains(QLatin1String("--account")));
        }
    }
};

QTEST_GUILESS_MAIN(TstSandboxWeb)
#include "tst_sandbox_web.moc"
