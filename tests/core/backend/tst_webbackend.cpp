// The web family (e-mail + password) against the sandbox over loopback: login, the three-step
// upload with a signed object-store PUT, t2v/i2v, status from the personal list, credits, and
// the single-session rule.
#include "core/api/ApiClient.h"
#include "core/api/WebApiRequests.h"
#include "core/backend/BackendFactory.h"
#include "core/backend/WebBackend.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/support/Await.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;
using pixverse::test::await;

namespace {
const QString kEmail = QStringLiteral("creator@sandbox.local");
const QString kPassword = QStringLiteral("sandbox-password");
} // namespace

class TestWebBackend : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void ossSignatureMatchesTheDocumentedExample();
    void ossUrls();
    void loginErrors();
    void textToVideoThroughTheList();
    void imageToVideoWithTheSignedUpload();
    void expiredUploadCredentialsAreRenewedOnce();
    void fourThousandPixelRule();
    void creditsAndOutOfCredits();
    void anotherLoginEndsThisSession();
    void bodiesUseTheWebsNames();
    void plannedCallsListTheUploadSteps();
    void newModelsAreAcceptedBySandbox();
    void listReadsHasAudio();

private:
    Result<web::LoginResult> login(const QString& email, const QString& password);
    WebBackend* signedIn();
    QString image(const QString& name, int width, int height);

    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
};

void TestWebBackend::initTestCase() {
    m_sandbox = std::make_unique<sandbox::SandboxHost>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
}

Result<web::LoginResult> TestWebBackend::login(const QString& email, const QString& password) {
    ApiClient client(&m_network);
    client.setBaseUrl(m_sandbox->baseUrl());
    client.setExtraHeaders(web::defaultHeaders());
    const auto result = await<Result<web::LoginResult>>([&](auto done) {
        client.call(web::LoginRequest(email, password), nullptr,
                    std::function<void(Result<web::LoginResult>)>(done));
    });
    return result.value_or(Result<web::LoginResult>::failure(ApiError::timeout()));
}

WebBackend* TestWebBackend::signedIn() {
    const auto token = login(kEmail, kPassword);
    if (!token.ok())
        return nullptr;
    BackendConfig config;
    config.family = ApiFamily::Web;
    config.baseUrl = m_sandbox->baseUrl();
    config.objectStoreUrl = sandboxObjectStoreUrl(m_sandbox->baseUrl());
    config.secret = token.value->token;
    config.account = kEmail;
    const auto made = createBackend(&m_network, config, this);
    return made.ok() ? qobject_cast<WebBackend*>(*made.value) : nullptr;
}

QString TestWebBackend::image(const QString& name, int width, int height) {
    QImage picture(width, height, QImage::Format_RGB32);
    picture.fill(QColor(200, 80, 40));
    const QString path = m_dir.filePath(name);
    return picture.save(path) ? path : QString();
}

void TestWebBackend::ossSignatureMatchesTheDocumentedExample() {
    // The worked example of Aliyun's OSS V1 signature documentation.
    const QByteArray signature =
        web::oss::signature("OtxrzxIsfpFjA7SwPzILwy8Bw21TLhquhboDYROV", "PUT",
                            "ODBGOERFMDMzQTczRUY3NUE3NzA5QzdFNUYzMDQxNEM=", "text/html",
                            "Thu, 17 Nov 2005 18:49:58 GMT",
                            {{"X-OSS-Meta-Author", "foo@bar.com"},
                             {"X-OSS-Magic", "abracadabra"},
                             {"Content-Type", "ignored"}},
                            QStringLiteral("oss-example"), QStringLiteral("nelson"));
    QCOMPARE(signature, QByteArray("26NBxoKdsyly4EDv6inkoDft/yA="));
    QCOMPARE(web::oss::httpDate(QDateTime(QDate(2026, 11, 5), QTime(7, 8, 9), Qt::UTC)),
             QByteArray("Thu, 05 Nov 2026 07:08:09 GMT"));
}

void TestWebBackend::ossUrls() {
    QCOMPARE(web::oss::objectUrl(web::oss::defaultEndpoint(), QStringLiteral("pixverse-fe-upload"),
                                 QStringLiteral("upload/a.png")),
             QUrl(QStringLiteral(
                 "https://pixverse-fe-upload.oss-accelerate.aliyuncs.com/upload/a.png")));
    QCOMPARE(web::oss::objectUrl(QUrl(QStringLiteral("http://127.0.0.1:9/oss")),
                                 QStringLiteral("b"), QStringLiteral("upload/a.png")),
             QUrl(QStringLiteral("http://127.0.0.1:9/oss/b/upload/a.png")));
}

void TestWebBackend::loginErrors() {
    const auto unknown = login(QStringLiteral("nobody@sandbox.local"), kPassword);
    QCOMPARE(unknown.error.errCode(), 500200);
    QCOMPARE(unknown.error.category(), ApiError::Category::Auth);
    const auto wrong = login(kEmail, QStringLiteral("wrong"));
    QCOMPARE(wrong.error.errCode(), 500201);
    QVERIFY(!wrong.error.isSessionEnd());
    QCOMPARE(wrong.error.userMessage(), ApiError::service(500201, {}).userMessage());
    const auto ok = login(kEmail, kPassword);
    QVERIFY(ok.ok());
    QVERIFY(ok.value->token.startsWith(u"eyJ"));
    QVERIFY(ok.value->accountId > 0);
}

void TestWebBackend::textToVideoThroughTheList() {
    WebBackend* backend = signedIn();
    QVERIFY(backend);
    GenerationRequest request;
    request.prompt = QStringLiteral("A kite over the dunes");
    request.model = QStringLiteral("v6"); // the web refuses v3.5-v5.5 (§3.10)
    request.aspectRatio = QStringLiteral("3:4");
    const auto created = await<Result<CreatedVideo>>([&](auto done) {
        backend->createVideo(request, RequestInputs{}, ApiClient::newTraceId(), this, done);
    });
    QVERIFY2(created && created->ok(), created ? qPrintable(created->error.logText()) : "timeout");
    const qint64 id = created->value->videoId;
    QVERIFY(id > (Q_INT64_C(1) << 53));

    const qint64 listsBefore = m_sandbox->stats().listCalls;
    auto statuses = await<Result<QHash<qint64, VideoStatus>>>(
        [&](auto done) { backend->fetchStatuses({id}, this, done); });
    QVERIFY(statuses && statuses->ok());
    QCOMPARE(statuses->value->value(id).state, VideoState::Pending);
    QVERIFY2(statuses->value->value(id).url.isEmpty(), "a url before status 1 is not trusted");
    QCOMPARE(m_sandbox->stats().listCalls, listsBefore + 1);

    m_sandbox->advanceClock(120 * 1000);
    statuses = await<Result<QHash<qint64, VideoStatus>>>([&](auto done) {
        backend->fetchStatuses({id, Q_INT64_C(77)}, this, done);
    });
    const VideoStatus done = statuses->value->value(id);
    QCOMPARE(done.state, VideoState::Succeeded);
    QCOMPARE(done.rawStatus, 1);
    QCOMPARE(QSize(done.width, done.height), QSize(768, 1024)); // V6: 540p is the long edge
    QVERIFY(!done.url.isEmpty());
    QVERIFY2(!statuses->value->contains(77), "an id not on the account is simply not reported");
}

void TestWebBackend::imageToVideoWithTheSignedUpload() {
    WebBackend* backend = signedIn();
    const qint64 putsBefore = m_sandbox->stats().objectStorePuts;
    const auto uploaded = await<Result<UploadedImage>>([&](auto done) {
        backend->uploadImage(image(QStringLiteral("wide.png"), 1280, 720), this, done);
    });
    QVERIFY2(uploaded && uploaded->ok(),
             uploaded ? qPrintable(uploaded->error.logText()) : "timeout");
    QCOMPARE(m_sandbox->stats().objectStorePuts, putsBefore + 1);
    QVERIFY(uploaded->value->path.startsWith(u"upload/"));
    QVERIFY(!uploaded->value->url.isEmpty());
    QCOMPARE(uploaded->value->width, 1280);

    GenerationRequest request;
    request.model = QStringLiteral("v6");
    request.prompt = QStringLiteral("The sun sets");
    request.setStartImage(m_dir.filePath(QStringLiteral("wide.png")));
    const auto created = await<Result<CreatedVideo>>([&](auto done) {
        backend->createVideo(request, RequestInputs{uploaded->value, {}, {}, {}, {}, {}, {}},
                             ApiClient::newTraceId(), this, done);
    });
    QVERIFY(created && created->ok());
    m_sandbox->advanceClock(120 * 1000);
    const qint64 id = created->value->videoId;
    const auto statuses = await<Result<QHash<qint64, VideoStatus>>>(
        [&](auto done) { backend->fetchStatuses({id}, this, done); });
    QCOMPARE(QSize(statuses->value->value(id).width, statuses->value->value(id).height),
             QSize(1024, 576));

    // A second upload reuses the cached temporary credentials (the site does the same).
    const auto second = await<Result<UploadedImage>>([&](auto done) {
        backend->uploadImage(image(QStringLiteral("small.jpg"), 300, 300), this, done);
    });
    QVERIFY(second && second->ok());
    QCOMPARE(m_sandbox->stats().objectStorePuts, putsBefore + 2);
}

void TestWebBackend::expiredUploadCredentialsAreRenewedOnce() {
    WebBackend* backend = signedIn();
    const auto first = await<Result<UploadedImage>>([&](auto done) {
        backend->uploadImage(image(QStringLiteral("one.png"), 64, 64), this, done);
    });
    QVERIFY(first && first->ok());
    m_sandbox->advanceClock(2 * 3600 * 1000); // the STS triple lives one hour
    const auto later = await<Result<UploadedImage>>([&](auto done) {
        backend->uploadImage(image(QStringLiteral("two.png"), 64, 64), this, done);
    });
    QVERIFY2(later && later->ok(), later ? qPrintable(later->error.logText()) : "timeout");
}

void TestWebBackend::fourThousandPixelRule() {
    WebBackend* backend = signedIn();
    const auto edge = await<Result<UploadedImage>>([&](auto done) {
        backend->uploadImage(image(QStringLiteral("edge.png"), 4000, 10), this, done);
    });
    QVERIFY(edge && edge->ok());
    QCOMPARE(edge->value->width, 4000);
    // One pixel more is refused here, before the token, the PUT or the registration.
    const sandbox::SandboxStats before = m_sandbox->stats();
    const auto over = await<Result<UploadedImage>>([&](auto done) {
        backend->uploadImage(image(QStringLiteral("over.png"), 4001, 10), this, done);
    });
    QVERIFY(over && !over->ok());
    QCOMPARE(over->error.kind(), ApiError::Kind::Input);
    QVERIFY2(over->error.userMessage().contains(u"“over.png” is 4001 × 10 px"),
             qPrintable(over->error.userMessage()));
    QVERIFY(over->error.userMessage().contains(u"4000 px"));
    const sandbox::SandboxStats after = m_sandbox->stats();
    QCOMPARE(after.requests, before.requests);
    QCOMPARE(after.objectStorePuts, before.objectStorePuts);
    QCOMPARE(after.uploads, before.uploads);
}

void TestWebBackend::creditsAndOutOfCredits() {
    WebBackend* backend = signedIn();
    m_sandbox->setCredits(kEmail, 60, 100, 7);
    const auto credits =
        await<Result<Balance>>([&](auto done) { backend->fetchBalance(this, done); });
    QVERIFY(credits && credits->ok());
    QCOMPARE(credits->value->daily, 60);
    QCOMPARE(credits->value->total(), 167);
    m_sandbox->setCredits(kEmail, 0, 10, 0);
    GenerationRequest request;
    request.prompt = QStringLiteral("Too expensive");
    request.model = QStringLiteral("v6");
    const auto refused = await<Result<CreatedVideo>>([&](auto done) {
        backend->createVideo(request, RequestInputs{}, ApiClient::newTraceId(), this, done);
    });
    QCOMPARE(refused->error.errCode(), 500043);
    QCOMPARE(refused->error.category(), ApiError::Category::Refusal);
    m_sandbox->setCredits(kEmail, 60, 100000, 0);
}

void TestWebBackend::anotherLoginEndsThisSession() {
    WebBackend* backend = signedIn();
    QSignalSpy ended(backend, &Backend::sessionEnded);
    QVERIFY(login(kEmail, kPassword).ok()); // the creator signed in in a browser
    const auto credits =
        await<Result<Balance>>([&](auto done) { backend->fetchBalance(this, done); });
    QCOMPARE(credits->error.errCode(), 10005);
    QCOMPARE(ended.count(), 1);
    QCOMPARE(ended.first().first().value<ApiError>().errCode(), 10005);
    // Never a re-login behind the creator's back: the next call still fails the same way.
    const qint64 loginsBefore = m_sandbox->stats().webLogins;
    const auto again =
        await<Result<Balance>>([&](auto done) { backend->fetchBalance(this, done); });
    QCOMPARE(again->error.errCode(), 10005);
    QCOMPARE(m_sandbox->stats().webLogins, loginsBefore);
    QCOMPARE(ended.count(), 1);
}

namespace {
GenerationRequest onModel(const QString& model, int duration = 5) {
    GenerationRequest r;
    r.prompt = QStringLiteral("A kite over the dunes");
    r.model = model;
    r.duration = duration;
    return r;
}
} // namespace

void TestWebBackend::bodiesUseTheWebsNames() {
    WebBackend* backend = signedIn();
    QVERIFY(backend);
    auto body = [backend](const GenerationRequest& r) {
        return backend->plannedCalls(r).last().body.toObject();
    };
    // C1 is "pixverse-c1" on the web (§2.11, §3.10), whichever id the request holds.
    for (const char* id : {"c1", "pixverse-c1"}) {
        const QJsonObject c1 = body(onModel(QLatin1String(id)));
        QCOMPARE(c1.value(u"model").toString(), QStringLiteral("pixverse-c1"));
        QCOMPARE(c1.value(u"generate_audio_switch"), QJsonValue(false));
        QCOMPARE(c1.value(u"off_peak"), QJsonValue(0));
        QVERIFY(!c1.contains(u"multi_shot"));
        QVERIFY(!c1.contains(u"motion_mode"));
    }
    GenerationRequest v6 = onModel(QStringLiteral("v6"), 9);
    v6.audio = true;
    v6.multiClip = true;
    v6.offPeak = true;
    const QJsonObject six = body(v6);
    QCOMPARE(six.value(u"model").toString(), QStringLiteral("v6"));
    QCOMPARE(six.value(u"multi_shot"), QJsonValue(1));
    QCOMPARE(six.value(u"off_peak"), QJsonValue(1));
    QCOMPARE(six.value(u"generate_audio_switch"), QJsonValue(true));
    QCOMPARE(six.value(u"aspect_ratio").toString(), QStringLiteral("16:9"));
    QVERIFY(!six.contains(u"water_mark")); // an OpenAPI field
    v6.multiClip = false;
    QCOMPARE(body(v6).value(u"multi_shot"), QJsonValue(0));
    // A legacy model (known, not offered on the web) keeps its motion mode.
    QCOMPARE(body(onModel(QStringLiteral("v4.5"))).value(u"motion_mode").toString(),
             QStringLiteral("normal"));
}

void TestWebBackend::plannedCallsListTheUploadSteps() {
    WebBackend* backend = signedIn();
    QVERIFY(backend);
    const qint64 before = m_sandbox->stats().requests;
    GenerationRequest r = onModel(QStringLiteral("v6"), 10);
    r.setStartImage(image(QStringLiteral("frame.png"), 64, 48));
    const QList<PlannedCall> calls = backend->plannedCalls(r);
    QCOMPARE(calls.size(), 4);
    QCOMPARE(calls.at(0).path, QStringLiteral("creative_platform/getUploadToken"));
    QCOMPARE(calls.at(1).verb, QStringLiteral("PUT"));
    QVERIFY(calls.at(1).description.contains(QStringLiteral("frame.png")));
    QCOMPARE(calls.at(2).path, QStringLiteral("creative_platform/media/batch_upload_media"));
    QCOMPARE(calls.at(3).path, QStringLiteral("creative_platform/video/i2v"));
    const QJsonObject generate = calls.at(3).body.toObject();
    QCOMPARE(generate.value(u"customer_img_path").toString(), Backend::uploadPlaceholder());
    QCOMPARE(generate.value(u"customer_img_url").toString(), Backend::uploadPlaceholder());
    QCOMPARE(generate.value(u"duration").toInt(), 10);
    QCOMPARE(m_sandbox->stats().requests, before);
}

void TestWebBackend::newModelsAreAcceptedBySandbox() {
    WebBackend* backend = signedIn();
    QVERIFY(backend);
    GenerationRequest v6 = onModel(QStringLiteral("v6"), 12);
    v6.quality = QStringLiteral("720p");
    v6.aspectRatio = QStringLiteral("21:9");
    v6.audio = true;
    v6.multiClip = true;
    GenerationRequest c1 = onModel(QStringLiteral("c1"), 3);
    c1.offPeak = true;
    GenerationRequest v56 = onModel(QStringLiteral("v5.6"), 8);
    v56.aspectRatio = QStringLiteral("3:2"); // the web's extra ratio
    for (const GenerationRequest& r : {v6, c1, v56}) {
        QVERIFY(ModelCatalog::builtIn().validate(r, ApiFamily::Web).isEmpty());
        const auto created = await<Result<CreatedVideo>>([&](auto done) {
            backend->createVideo(r, RequestInputs{}, ApiClient::newTraceId(), this, done);
        });
        QVERIFY(created);
        QVERIFY2(created->ok(), qPrintable(r.model + u' ' + created->error.logText()));
    }
}

void TestWebBackend::listReadsHasAudio() {
    const QJsonObject item{{QStringLiteral("video_id"), 5},
                           {QStringLiteral("video_status"), 1},
                           {QStringLiteral("url"), QStringLiteral("https://x/y.mp4")},
                           {QStringLiteral("has_audio"), 1}};
    QJsonObject resp{{QStringLiteral("data"), QJsonArray{item}}};
    const auto page = web::PersonalVideosRequest::parse(resp);
    QVERIFY(page.ok());
    QCOMPARE(page.value->videos.first().status.hasAudio, true);
    QJsonObject silent = item;
    silent.insert(QStringLiteral("has_audio"), false);
    resp.insert(QStringLiteral("data"),
                QJsonArray{silent, QJsonObject{{QStringLiteral("video_id"), 6},
                                               {QStringLiteral("video_status"), 5}}});
    const auto second = web::PersonalVideosRequest::parse(resp);
    QCOMPARE(second.value->videos.at(0).status.hasAudio, false);
    QVERIFY(!second.value->videos.at(1).status.hasAudio);
}

QTEST_GUILESS_MAIN(TestWebBackend)
#include "tst_webbackend.moc"
