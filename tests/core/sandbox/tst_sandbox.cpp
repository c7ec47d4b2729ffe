// The sandbox over real loopback HTTP, spoken with a plain QNetworkAccessManager (no project
// client class), plus its host thread and the pixverse-sandbox executable.

#include "core/sandbox/Multipart.h"
#include "core/sandbox/OutputSize.h"
#include "core/sandbox/SandboxHost.h"
#include "core/sandbox/SandboxRules.h"
#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/SandboxState.h"
#include "tests/core/sandbox/ClipProbe.h"
#include "tests/support/TestSupport.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QImage>
#include <QImageWriter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>
#include <thread>

using namespace pixverse;
using namespace pixverse::sandbox;

namespace {

constexpr qint64 kTwoPow53 = 9007199254740992LL;

struct HttpResult {
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    qint64 elapsedMs = 0;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    qint64 errCode() const { return json().value(QLatin1String("ErrCode")).toInteger(-1); }
    QJsonObject resp() const { return json().value(QLatin1String("Resp")).toObject(); }
    qint64 respInt(const char* name) const {
        return resp().value(QLatin1String(name)).toInteger(-1);
    }
    QString respText(const char* name) const {
        return resp().value(QLatin1String(name)).toString();
    }
};

//! Credentials of one call: an empty optional leaves the header out.
struct Auth {
    std::optional<QString> key;
    std::optional<QByteArray> trace;
};

QByteArray newTrace() {
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

QByteArray imageBytes(QSize size, const char* format, bool noisy = false) {
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(40, 120, 200));
    if (noisy) {
        QRandomGenerator rng(7);
        for (int y = 0; y < size.height(); ++y) {
            for (int x = 0; x < size.width(); ++x)
                image.setPixel(x, y, rng.generate());
        }
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

// A real 1×1 GIF.
const QByteArray kGif =
    QByteArray::fromHex("47494638396101000100800000ffffff00000021f90401000000002c00000000"
                        "010001000002024401003b");

QJsonObject textToVideoBody() {
    return QJsonObject{
        {QStringLiteral("prompt"), QStringLiteral("A serene mountain lake at sunrise")},
        {QStringLiteral("model"), QStringLiteral("v4.5")},
        {QStringLiteral("duration"), 5},
        {QStringLiteral("quality"), QStringLiteral("540p")},
        {QStringLiteral("aspect_ratio"), QStringLiteral("16:9")},
    };
}

QString repeated(const QString& unit, int times) {
    QString out;
    for (int i = 0; i < times; ++i)
        out += unit;
    return out;
}

} // namespace

class TstSandbox : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<SandboxServer> m_server;
    QUrl m_base;
    QString m_key;

    void startServer(SandboxConfig config = {}) {
        m_server.reset();
        m_server = std::make_unique<SandboxServer>(std::move(config));
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        m_base = m_server->baseUrl();
        m_key = m_server->defaultApiKey();
    }

    Auth auth() const { return Auth{m_key, newTrace()}; }
    Auth authFor(const QString& key) const { return Auth{key, newTrace()}; }

    QNetworkRequest request(const QString& pathOrUrl, const Auth& a) const {
        const QUrl url = pathOrUrl.startsWith(QLatin1String("http"))
                             ? QUrl(pathOrUrl)
                             : QUrl(m_base.toString() + pathOrUrl);
        QNetworkRequest r(url);
        if (a.key)
            r.setRawHeader("API-KEY", a.key->toUtf8());
        if (a.trace)
            r.setRawHeader("Ai-trace-id", *a.trace);
        return r;
    }

    HttpResult finish(QNetworkReply* reply, int timeoutMs = 10000) {
        QElapsedTimer timer;
        timer.start();
        if (!reply->isFinished()) {
            QSignalSpy spy(reply, &QNetworkReply::finished);
            spy.wait(timeoutMs);
        }
        HttpResult r;
        r.finished = reply->isFinished();
        if (!r.finished)
            reply->abort();
        r.elapsedMs = timer.elapsed();
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.error = reply->error();
        if (reply->isOpen())
            r.body = reply->readAll();
        for (const auto& pair : reply->rawHeaderPairs())
            r.headers.insert(pair.first.toLower(), pair.second);
        reply->deleteLater();
        return r;
    }

    HttpResult get(const QString& path, const Auth& a, const QByteArray& range = {}) {
        QNetworkRequest r = request(path, a);
        if (!range.isEmpty())
            r.setRawHeader("Range", range);
        return finish(m_nam->get(r));
    }
    HttpResult get(const QString& path) { return get(path, auth()); }

    HttpResult post(const QString& path, const QByteArray& body, const Auth& a,
                    int transferTimeoutMs = 0) {
        QNetworkRequest r = request(path, a);
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (transferTimeoutMs > 0)
            r.setTransferTimeout(transferTimeoutMs);
        return finish(m_nam->post(r, body));
    }
    HttpResult post(const QString& path, const QJsonObject& body, const Auth& a) {
        return post(path, QJsonDocument(body).toJson(QJsonDocument::Compact), a);
    }
    HttpResult post(const QString& path, const QJsonObject& body) {
        return post(path, body, auth());
    }

    HttpResult control(const QJsonObject& body) {
        return post(QStringLiteral("/sandbox/control"), body, Auth{});
    }

    HttpResult upload(const QByteArray& bytes, const QString& fileName, const QByteArray& mime,
                      const Auth& a, const QString& field = QStringLiteral("image")) {
        auto* multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        QHttpPart part;
        part.setHeader(
            QNetworkRequest::ContentDispositionHeader,
            QStringLiteral("form-data; name=\"%1\"; filename=\"%2\"").arg(field, fileName));
        part.setHeader(QNetworkRequest::ContentTypeHeader, mime);
        part.setBody(bytes);
        multi->append(part);
        QNetworkReply* reply =
            m_nam->post(request(QStringLiteral("/openapi/v2/image/upload"), a), multi);
        multi->setParent(reply);
        return finish(reply);
    }
    HttpResult upload(const QByteArray& bytes, const QString& fileName, const QByteArray& mime) {
        return upload(bytes, fileName, mime, auth());
    }

    //! Creates a text-to-video job; -1 when refused.
    qint64 createVideo(const QJsonObject& changes = {}, const QString& key = {}) {
        QJsonObject body = textToVideoBody();
        for (auto it = changes.begin(); it != changes.end(); ++it)
            body.insert(it.key(), it.value());
        const HttpResult r = post(QStringLiteral("/openapi/v2/video/text/generate"), body,
                                  authFor(key.isEmpty() ? m_key : key));
        return r.errCode() == 0 ? r.respInt("video_id") : -1;
    }

    HttpResult result(qint64 id, const QString& key = {}) {
        return get(QStringLiteral("/openapi/v2/video/result/%1").arg(id),
                   authFor(key.isEmpty() ? m_key : key));
    }

    HttpResult balance(const QString& key = {}) {
        return get(QStringLiteral("/openapi/v2/account/balance"),
                   authFor(key.isEmpty() ? m_key : key));
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

    void envelopeAndApiKey() {
        const HttpResult missing =
            get(QStringLiteral("/openapi/v2/account/balance"), Auth{{}, newTrace()});
        QCOMPARE(missing.status, 200);
        QCOMPARE(missing.errCode(), 400012);
        QCOMPARE(missing.json().value(QLatin1String("ErrMsg")).toString(),
                 QStringLiteral("Invalid API-KEY"));
        QVERIFY(missing.json().value(QLatin1String("Resp")).isNull());
        QVERIFY(missing.headers.value("content-type").startsWith("application/json"));

        const HttpResult wrong =
            get(QStringLiteral("/openapi/v2/account/balance"), authFor(QStringLiteral("sk-wrong")));
        QCOMPARE(wrong.status, 200);
        QCOMPARE(wrong.errCode(), 400012);

        // Auth comes before the trace id check.
        const HttpResult wrongNoTrace = get(QStringLiteral("/openapi/v2/account/balance"),
                                            Auth{QStringLiteral("sk-wrong"), {}});
        QCOMPARE(wrongNoTrace.errCode(), 400012);

        const HttpResult ok = balance();
        QCOMPARE(ok.errCode(), 0);
        QCOMPARE(ok.json().value(QLatin1String("ErrMsg")).toString(), QStringLiteral("success"));
        const qint64 accountId = ok.respInt("account_id");
        QVERIFY(accountId > kTwoPow53);
        QVERIFY(ok.body.contains(QByteArray("\"account_id\":" + QByteArray::number(accountId))));
        QCOMPARE(ok.respInt("credit_monthly"), 1000);
        QCOMPARE(ok.respInt("credit_package"), 500);

        // Transport-level refusals are real HTTP statuses.
        QCOMPARE(get(QStringLiteral("/openapi/v2/video/text/generate")).status, 405);
        QCOMPARE(post(QStringLiteral("/openapi/v2/account/balance"), QJsonObject{}).status, 405);
        QCOMPARE(get(QStringLiteral("/openapi/v2/no/such/thing")).status, 404);
        QCOMPARE(get(QStringLiteral("/elsewhere")).status, 404);
    }

    void traceIdRequired() {
        const QString path = QStringLiteral("/openapi/v2/account/balance");
        const HttpResult missing = get(path, Auth{m_key, {}});
        QCOMPARE(missing.status, 200);
        QCOMPARE(missing.errCode(), 400011);
        QCOMPARE(get(path, Auth{m_key, QByteArray("not-a-uuid")}).errCode(), 400013);
        QCOMPARE(
            get(path, Auth{m_key, QByteArray("6f1c1c7e-2f0a-4a53-9d1f-6b1f4f2a8d1")}).errCode(),
            400013);
        QCOMPARE(get(path, Auth{m_key, newTrace().toUpper()}).errCode(), 0);
        // The header name is case-insensitive.
        QNetworkRequest r = request(path, Auth{m_key, {}});
        r.setRawHeader("ai-trace-id", newTrace());
        QCOMPARE(finish(m_nam->get(r)).errCode(), 0);
    }

    void traceReplay() {
        SandboxConfig config;
        config.apiKeys << QStringLiteral("sk-second");
        config.traceReplaySeconds = 60;
        startServer(config);
        const QString balancePath = QStringLiteral("/openapi/v2/account/balance");

        const QByteArray trace = newTrace();
        const HttpResult first = get(balancePath, Auth{m_key, trace});
        QCOMPARE(first.respInt("credit_monthly"), 1000);
        m_server->setCredits(m_key, 1, 2);
        const HttpResult replayed = get(balancePath, Auth{m_key, trace});
        QCOMPARE(replayed.body, first.body); // the same bytes, the old balance
        QCOMPARE(m_server->stats().replayedAnswers, 1);
        QCOMPARE(balance().respInt("credit_monthly"), 1); // a fresh trace id sees the truth
        // The cache is per key: another key with the same trace id gets its own answer.
        const HttpResult other = get(balancePath, Auth{QStringLiteral("sk-second"), trace});
        QCOMPARE(other.errCode(), 0);
        QVERIFY(other.respInt("account_id") != first.respInt("account_id"));
        QCOMPARE(m_server->stats().replayedAnswers, 1);

        // The documented trap: a poll with a reused trace id stays "generating".
        m_server->setCredits(m_key, 1000, 500);
        const qint64 id = createVideo();
        QVERIFY(id > 0);
        const QByteArray pollTrace = newTrace();
        const QString resultPath = QStringLiteral("/openapi/v2/video/result/%1").arg(id);
        QCOMPARE(get(resultPath, Auth{m_key, pollTrace}).respInt("status"), 5);
        m_server->advanceClock(m_server->config().generationMs);
        QCOMPARE(get(resultPath, Auth{m_key, pollTrace}).respInt("status"), 5);
        QCOMPARE(result(id).respInt("status"), 1);
        QCOMPARE(m_server->stats().replayedAnswers, 2);
        // The replay lasts traceReplaySeconds of sandbox time.
        m_server->advanceClock(60 * 1000);
        QCOMPARE(get(resultPath, Auth{m_key, pollTrace}).respInt("status"), 1);

        // A retried create with the same trace id does not create a second video.
        const QByteArray createTrace = newTrace();
        const QString createPath = QStringLiteral("/openapi/v2/video/text/generate");
        const HttpResult created = post(createPath, textToVideoBody(), Auth{m_key, createTrace});
        const HttpResult retried = post(createPath, textToVideoBody(), Auth{m_key, createTrace});
        QCOMPARE(retried.body, created.body);
        QCOMPARE(m_server->stats().generationsCreated, 2);
    }

    void uploadAccepted_data() {
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("mime");
        QTest::newRow("png") << QByteArray("PNG") << QStringLiteral("cat.png")
                             << QByteArray("image/png");
        QTest::newRow("jpeg") << QByteArray("JPG") << QStringLiteral("cat.jpg")
                              << QByteArray("image/jpeg");
        QTest::newRow("webp") << QByteArray("WEBP") << QStringLiteral("cat.webp")
                              << QByteArray("image/webp");
    }

    void uploadAccepted() {
        QFETCH(QByteArray, format);
        QFETCH(QString, fileName);
        QFETCH(QByteArray, mime);
        if (!QImageWriter::supportedImageFormats().contains(format.toLower()))
            QSKIP("This Qt cannot write the format");
        // Made on disk first, as a creator's file would be.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(fileName);
        QImage image(640, 480, QImage::Format_RGB32);
        image.fill(QColor(200, 80, 40));
        QVERIFY(image.save(path, format.constData()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();

        const HttpResult r = upload(bytes, fileName, mime);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.errCode(), 0);
        const qint64 imgId = r.respInt("img_id");
        QVERIFY(imgId > kTwoPow53);
        QVERIFY(r.body.contains(QByteArray("\"img_id\":" + QByteArray::number(imgId))));
        QCOMPARE(m_server->stats().uploads, 1);
        // img_url serves the stored image back.
        const HttpResult stored = get(r.respText("img_url"), Auth{});
        QCOMPARE(stored.status, 200);
        QCOMPARE(stored.body, bytes);
    }

    void uploadRejected_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("field");
        QTest::addColumn<qint64>("errCode");
        const QString image = QStringLiteral("image");
        QByteArray truncated = imageBytes(QSize(200, 200), "PNG", true);
        truncated.truncate(truncated.size() / 2);
        QTest::newRow("gif") << kGif << QStringLiteral("a.gif") << image << qint64(500032);
        QTest::newRow("bmp") << imageBytes(QSize(8, 8), "BMP") << QStringLiteral("a.bmp") << image
                             << qint64(500032);
        QTest::newRow("text") << QByteArray("just some notes") << QStringLiteral("notes.txt")
                              << image << qint64(500032);
        QTest::newRow("garbage named .png") << QByteArray("this is not an image at all")
                                            << QStringLiteral("a.png") << image << qint64(500031);
        QTest::newRow("truncated png")
            << truncated << QStringLiteral("a.png") << image << qint64(500031);
        QTest::newRow("4001 px wide") << imageBytes(QSize(4001, 10), "PNG")
                                      << QStringLiteral("wide.png") << image << qint64(500030);
        QTest::newRow("4001 px high") << imageBytes(QSize(10, 4001), "PNG")
                                      << QStringLiteral("high.png") << image << qint64(500030);
        QTest::newRow("4000 px is fine")
            << imageBytes(QSize(4000, 10), "PNG") << QStringLiteral("ok.png") << image << qint64(0);
        QTest::newRow("no image field") << imageBytes(QSize(8, 8), "PNG") << QStringLiteral("a.png")
                                        << QStringLiteral("file") << qint64(400011);
    }

    void uploadRejected() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, fileName);
        QFETCH(QString, field);
        QFETCH(qint64, errCode);
        const HttpResult r =
            upload(bytes, fileName, QByteArrayLiteral("application/octet-stream"), auth(), field);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.errCode(), errCode);
        QCOMPARE(m_server->stats().uploads, errCode == 0 ? 1 : 0);
    }

    void uploadAtTheByteLimit() {
        const QByteArray png = imageBytes(QSize(64, 64), "PNG", true);
        SandboxConfig config;
        config.maxImageBytes = png.size(); // "at or above" the limit is refused
        startServer(config);
        QCOMPARE(upload(png, QStringLiteral("a.png"), "image/png").errCode(), 500030);
        config.maxImageBytes = png.size() + 1;
        startServer(config);
        QCOMPARE(upload(png, QStringLiteral("a.png"), "image/png").errCode(), 0);
    }

    void uploadNotMultipart() {
        const HttpResult r = post(QStringLiteral("/openapi/v2/image/upload"),
                                  QJsonObject{{QStringLiteral("image"), 1}});
        QCOMPARE(r.errCode(), 400013);
    }

    void multipartParser() {
        // A quoted boundary with a ';' in it; its text inside the data does not cut the part
        // because it is not at the start of a line; a preamble before the first delimiter.
        const QByteArray type = "multipart/form-data; boundary=\"b;1\"";
        const QByteArray body =
            "preamble\r\n"
            "--b;1\r\n"
            "Content-Disposition: form-data; name=\"image\"; filename=\"a;b.png\"\r\n"
            "Content-Type: image/png\r\n"
            "\r\n"
            "x--b;1y\r\nz\r\n"
            "--b;1\r\n"
            "content-disposition: form-data; name=note\r\n"
            "\r\n"
            "hi\r\n"
            "--b;1--\r\n";
        const auto parts = parseMultipart(type, body);
        QVERIFY(parts);
        QCOMPARE(parts->size(), 2);
        QCOMPARE(parts->at(0).name, QByteArray("image"));
        QCOMPARE(parts->at(0).fileName, QByteArray("a;b.png"));
        QCOMPARE(parts->at(0).contentType, QByteArray("image/png"));
        QCOMPARE(parts->at(0).data, QByteArray("x--b;1y\r\nz"));
        QCOMPARE(parts->at(1).name, QByteArray("note"));
        QCOMPARE(parts->at(1).data, QByteArray("hi"));
        QCOMPARE(headerParameter("multipart/form-data; BOUNDARY=plain", "boundary"),
                 QByteArray("plain"));
        QVERIFY(!parseMultipart("application/json", body));
        QVERIFY(!parseMultipart("multipart/form-data; boundary=zzz", body));
        QVERIFY(!parseMultipart(type, "--b;1\r\n\r\nunterminated"));
    }

    void textToVideoIdAbove2Pow53() {
        const HttpResult r =
            post(QStringLiteral("/openapi/v2/video/text/generate"), textToVideoBody());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.errCode(), 0);
        const qint64 id = r.respInt("video_id");
        QVERIFY(id > kTwoPow53);
        // The raw text carries every digit as a JSON integer, and a double could not hold it.
        const QByteArray prefix = "\"video_id\":";
        const qsizetype at = r.body.indexOf(prefix);
        QVERIFY(at >= 0);
        const QByteArray digits =
            r.body.mid(at + prefix.size(), r.body.indexOf('}', at) - at - prefix.size());
        QCOMPARE(digits, QByteArray::number(id));
        QCOMPARE(m_server->stats().generationsCreated, 1);
        QCOMPARE(balance().respInt("credit_monthly"), 1000 - 45);
        // The result echoes the same id.
        QCOMPARE(result(id).respInt("id"), id);
    }

    void validation_data() {
        QTest::addColumn<QJsonObject>("changes");
        QTest::addColumn<QStringList>("removed");
        QTest::addColumn<qint64>("errCode");
        const QJsonObject none;
        const QStringList keep;
        auto with = [](const char* key, const QJsonValue& value) {
            return QJsonObject{{QLatin1String(key), value}};
        };
        const QString emoji = QString::fromUcs4(U"\U0001F600", 1);

        QTest::newRow("valid") << none << keep << qint64(0);
        for (const char* field : {"prompt", "model", "duration", "quality", "aspect_ratio"})
            QTest::newRow(qPrintable(QStringLiteral("missing %1").arg(QLatin1String(field))))
                << none << QStringList{QLatin1String(field)} << qint64(400011);
        QTest::newRow("null prompt") << with("prompt", QJsonValue::Null) << keep << qint64(400011);
        QTest::newRow("blank prompt")
            << with("prompt", QStringLiteral("   ")) << keep << qint64(400011);
        QTest::newRow("duration as text")
            << with("duration", QStringLiteral("5")) << keep << qint64(400013);
        QTest::newRow("duration 5.5") << with("duration", 5.5) << keep << qint64(400013);
        QTest::newRow("prompt as number") << with("prompt", 12) << keep << qint64(400013);
        QTest::newRow("seed as text")
            << with("seed", QStringLiteral("12")) << keep << qint64(400013);
        QTest::newRow("water_mark as text")
            << with("water_mark", QStringLiteral("yes")) << keep << qint64(400013);
        QTest::newRow("water_mark true") << with("water_mark", true) << keep << qint64(0);
        QTest::newRow("1080p 8 s on v4.5")
            << QJsonObject{{QStringLiteral("quality"), QStringLiteral("1080p")},
                           {QStringLiteral("duration"), 8}}
            << keep << qint64(400017);
        QTest::newRow("1080p 8 s on v5")
            << QJsonObject{{QStringLiteral("quality"), QStringLiteral("1080p")},
                           {QStringLiteral("duration"), 8},
                           {QStringLiteral("model"), QStringLiteral("v5")}}
            << keep << qint64(0);
        QTest::newRow("fast 8 s") << QJsonObject{{QStringLiteral("motion_mode"),
                                                  QStringLiteral("fast")},
                                                 {QStringLiteral("duration"), 8}}
                                  << keep << qint64(400017);
        QTest::newRow("fast 1080p")
            << QJsonObject{{QStringLiteral("motion_mode"), QStringLiteral("fast")},
                           {QStringLiteral("quality"), QStringLiteral("1080p")}}
            << keep << qint64(400017);
        QTest::newRow("fast 5 s 720p")
            << QJsonObject{{QStringLiteral("motion_mode"), QStringLiteral("fast")},
                           {QStringLiteral("quality"), QStringLiteral("720p")}}
            << keep << qint64(0);
        QTest::newRow("bad aspect")
            << with("aspect_ratio", QStringLiteral("2:1")) << keep << qint64(400017);
        QTest::newRow("21:9 on v4.5")
            << with("aspect_ratio", QStringLiteral("21:9")) << keep << qint64(400017);
        QTest::newRow("bad model") << with("model", QStringLiteral("v9")) << keep << qint64(400017);
        QTest::newRow("v6, no motion_mode")
            << with("model", QStringLiteral("v6")) << keep << qint64(0);
        auto on = [](const char* model, QJsonObject changes) {
            changes.insert(QStringLiteral("model"), QLatin1String(model));
            return changes;
        };
        QTest::newRow("v6 15 s") << on("v6", with("duration", 15)) << keep << qint64(0);
        QTest::newRow("v6 1 s") << on("v6", with("duration", 1)) << keep << qint64(0);
        QTest::newRow("v6 16 s") << on("v6", with("duration", 16)) << keep << qint64(400017);
        QTest::newRow("v6 0 s") << on("v6", with("duration", 0)) << keep << qint64(400017);
        QTest::newRow("v6 21:9") << on("v6", with("aspect_ratio", QStringLiteral("21:9"))) << keep
                                 << qint64(0);
        QTest::newRow("v6 fast") << on("v6", with("motion_mode", QStringLiteral("fast"))) << keep
                                 << qint64(400017);
        QTest::newRow("v6 normal")
            << on("v6", with("motion_mode", QStringLiteral("normal"))) << keep << qint64(0);
        QTest::newRow("v6 realistic")
            << on("v6", with("style", QStringLiteral("realistic"))) << keep << qint64(0);
        QTest::newRow("realistic on v4.5")
            << with("style", QStringLiteral("realistic")) << keep << qint64(400017);
        QTest::newRow("v6 prompt 5000")
            << on("v6", with("prompt", QString(5000, QLatin1Char('a')))) << keep << qint64(0);
        QTest::newRow("v6 prompt 5001")
            << on("v6", with("prompt", QString(5001, QLatin1Char('a')))) << keep << qint64(400018);
        QTest::newRow("v6 negative 2049")
            << on("v6", with("negative_prompt", QString(2049, QLatin1Char('a')))) << keep
            << qint64(400018);
        QTest::newRow("v6 audio, multi-clip, water_mark")
            << on("v6", QJsonObject{{QStringLiteral("generate_audio_switch"), true},
                                    {QStringLiteral("generate_multi_clip_switch"), true},
                                    {QStringLiteral("water_mark"), false}})
            << keep << qint64(0);
        QTest::newRow("audio as 1")
            << on("v6", with("generate_audio_switch", 1)) << keep << qint64(400013);
        QTest::newRow("multi-clip as text")
            << on("v6", with("generate_multi_clip_switch", QStringLiteral("true"))) << keep
            << qint64(400013);
        QTest::newRow("audio on v4.5")
            << with("generate_audio_switch", true) << keep << qint64(400017);
        QTest::newRow("audio off on v4.5")
            << with("generate_audio_switch", false) << keep << qint64(0);
        QTest::newRow("multi-clip on c1 ignored")
            << on("c1", with("generate_multi_clip_switch", true)) << keep << qint64(0);
        QTest::newRow("c1 camera") << on("c1", with("camera_movement", QStringLiteral("zoom_in")))
                                   << keep << qint64(400017);
        QTest::newRow("c1 style") << on("c1", with("style", QStringLiteral("anime"))) << keep
                                  << qint64(400017);
        QTest::newRow("c1 1080p 5 s")
            << on("c1", with("quality", QStringLiteral("1080p"))) << keep << qint64(0);
        QTest::newRow("c1 1080p 6 s")
            << on("c1", QJsonObject{{QStringLiteral("quality"), QStringLiteral("1080p")},
                                    {QStringLiteral("duration"), 6}})
            << keep << qint64(400017);
        QTest::newRow("pixverse-c1 is the web's id")
            << with("model", QStringLiteral("pixverse-c1")) << keep << qint64(400017);
        QTest::newRow("v5.6 10 s") << on("v5.6", with("duration", 10)) << keep << qint64(0);
        QTest::newRow("v5.6 1080p 9 s")
            << on("v5.6", QJsonObject{{QStringLiteral("quality"), QStringLiteral("1080p")},
                                      {QStringLiteral("duration"), 9}})
            << keep << qint64(400017);
        QTest::newRow("v5.5 11 s") << on("v5.5", with("duration", 11)) << keep << qint64(400017);
        QTest::newRow("fast on v5")
            << on("v5", with("motion_mode", QStringLiteral("fast"))) << keep << qint64(400017);
        QTest::newRow("bad quality")
            << with("quality", QStringLiteral("4k")) << keep << qint64(400017);
        QTest::newRow("duration 6") << with("duration", 6) << keep << qint64(400017);
        QTest::newRow("bad motion")
            << with("motion_mode", QStringLiteral("slow")) << keep << qint64(400017);
        // §2.2 gives the style list without a model limit (the client offers it on v3.5 only).
        QTest::newRow("style on v4.5")
            << with("style", QStringLiteral("anime")) << keep << qint64(0);
        QTest::newRow("clay on v4.5") << with("style", QStringLiteral("clay")) << keep << qint64(0);
        QTest::newRow("unknown style")
            << with("style", QStringLiteral("watercolour")) << keep << qint64(400017);
        QTest::newRow("camera on v5")
            << QJsonObject{{QStringLiteral("camera_movement"), QStringLiteral("zoom_in")},
                           {QStringLiteral("model"), QStringLiteral("v5")}}
            << keep << qint64(400017);
        QTest::newRow("style on v3.5")
            << QJsonObject{{QStringLiteral("style"), QStringLiteral("anime")},
                           {QStringLiteral("model"), QStringLiteral("v3.5")}}
            << keep << qint64(0);
        QTest::newRow("camera on v4.5")
            << with("camera_movement", QStringLiteral("zoom_in")) << keep << qint64(0);
        QTest::newRow("bad camera")
            << with("camera_movement", QStringLiteral("barrel_roll")) << keep << qint64(400017);
        QTest::newRow("seed -1") << with("seed", -1) << keep << qint64(400017);
        QTest::newRow("seed 2^31")
            << with("seed", QJsonValue(qint64(2147483648LL))) << keep << qint64(400017);
        QTest::newRow("seed 1e30") << with("seed", 1e30) << keep << qint64(400017);
        QTest::newRow("seed 0") << with("seed", 0) << keep << qint64(0);
        QTest::newRow("seed 2^31-1")
            << with("seed", QJsonValue(qint64(2147483647LL))) << keep << qint64(0);
        QTest::newRow("prompt 2048")
            << with("prompt", QString(2048, QLatin1Char('a'))) << keep << qint64(0);
        QTest::newRow("prompt 2049")
            << with("prompt", QString(2049, QLatin1Char('a'))) << keep << qint64(400018);
        QTest::newRow("negative 2049")
            << with("negative_prompt", QString(2049, QLatin1Char('a'))) << keep << qint64(400018);
        QTest::newRow("2048 emoji") << with("prompt", repeated(emoji, 2048)) << keep << qint64(0);
        QTest::newRow("2049 emoji")
            << with("prompt", repeated(emoji, 2049)) << keep << qint64(400018);
        QTest::newRow("template") << with("template_id", QJsonValue(qint64(302325299692608LL)))
                                  << keep << qint64(500070);
        QTest::newRow("unknown field") << with("whatever", 1) << keep << qint64(0);
    }

    void validation() {
        QFETCH(QJsonObject, changes);
        QFETCH(QStringList, removed);
        QFETCH(qint64, errCode);
        QJsonObject body = textToVideoBody();
        for (auto it = changes.begin(); it != changes.end(); ++it)
            body.insert(it.key(), it.value());
        for (const QString& key : removed)
            body.remove(key);
        const HttpResult r = post(QStringLiteral("/openapi/v2/video/text/generate"), body);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.errCode(), errCode);
        QVERIFY(!r.json().value(QLatin1String("ErrMsg")).toString().isEmpty());
        QCOMPARE(m_server->stats().generationsCreated, errCode == 0 ? 1 : 0);
        if (errCode != 0)
            QVERIFY(r.json().value(QLatin1String("Resp")).isNull());
    }

    void prices_data() {
        QTest::addColumn<QJsonObject>("changes");
        QTest::addColumn<qint64>("credits");
        QTest::addColumn<QSize>("size");
        auto row = [](const char* name, const char* model, const char* quality, int duration,
                      QJsonObject more, qint64 credits, QSize size) {
            more.insert(QStringLiteral("model"), QLatin1String(model));
            more.insert(QStringLiteral("quality"), QLatin1String(quality));
            more.insert(QStringLiteral("duration"), duration);
            QTest::newRow(name) << more << credits << size;
        };
        const QJsonObject plain;
        const QJsonObject audio{{QStringLiteral("generate_audio_switch"), true}};
        // §2.9: per clip for v3.5-v5 ...
        row("v4.5 540p 5 s", "v4.5", "540p", 5, plain, 45, QSize(960, 540));
        row("v4.5 720p 8 s", "v4.5", "720p", 8, plain, 120, QSize(1280, 720));
        row("v4.5 fast 720p", "v4.5", "720p", 5,
            QJsonObject{{QStringLiteral("motion_mode"), QStringLiteral("fast")}}, 120,
            QSize(1280, 720));
        row("v5 1080p 8 s", "v5", "1080p", 8, plain, 240, QSize(1920, 1080));
        // ... per second without / with audio for v6 and c1, whose quality is the long edge
        row("v6 540p 5 s", "v6", "540p", 5, plain, 35, QSize(1024, 576));
        row("v6 720p 5 s audio", "v6", "720p", 5, audio, 60, QSize(1280, 720));
        row("v6 1080p 15 s audio", "v6", "1080p", 15, audio, 345, QSize(1920, 1080));
        row("v6 720p 12 s 21:9 audio", "v6", "720p", 12,
            QJsonObject{{QStringLiteral("aspect_ratio"), QStringLiteral("21:9")},
                        {QStringLiteral("generate_audio_switch"), true}},
            144, QSize(1280, 548));
        row("v6 720p 3:2", "v6", "720p", 5,
            QJsonObject{{QStringLiteral("aspect_ratio"), QStringLiteral("3:2")}}, 45,
            QSize(1280, 852));
        row("c1 360p 9:16 10 s audio", "c1", "360p", 10,
            QJsonObject{{QStringLiteral("aspect_ratio"), QStringLiteral("9:16")},
                        {QStringLiteral("generate_audio_switch"), true}},
            80, QSize(360, 640));
        // ... v5.6's two published prices, and the flat amount where nothing is published.
        row("v5.6 720p 5 s audio", "v5.6", "720p", 5, audio, 80, QSize(1280, 720));
        row("v5.6 1080p 5 s", "v5.6", "1080p", 5, plain, 75, QSize(1920, 1080));
        row("v5.6 540p 5 s (unpublished)", "v5.6", "540p", 5, plain,
            SandboxRules::builtIn().unknownPriceCredits(), QSize(960, 540));
        row("v5.5 720p 7 s (unpublished)", "v5.5", "720p", 7, plain,
            SandboxRules::builtIn().unknownPriceCredits(), QSize(1280, 720));
    }

    void prices() {
        QFETCH(QJsonObject, changes);
        QFETCH(qint64, credits);
        QFETCH(QSize, size);
        QJsonObject body = textToVideoBody();
        for (auto it = changes.begin(); it != changes.end(); ++it)
            body.insert(it.key(), it.value());
        const HttpResult created = post(QStringLiteral("/openapi/v2/video/text/generate"), body);
        QCOMPARE(created.errCode(), 0);
        QCOMPARE(created.respInt("credits"), credits); // the answer says what it charged
        const HttpResult after = balance();
        QCOMPARE(1500 - after.respInt("credit_monthly") - after.respInt("credit_package"), credits);
        const HttpResult r = result(created.respInt("video_id"));
        QCOMPARE(QSize(int(r.respInt("outputWidth")), int(r.respInt("outputHeight"))), size);
        QCOMPARE(r.respInt("credits"), credits); // and so does the status
        QCOMPARE(r.resp().value(QLatin1String("has_audio")).toBool(),
                 changes.value(QLatin1String("generate_audio_switch")).toBool());
    }

    void badJsonBody() {
        const HttpResult r = post(QStringLiteral("/openapi/v2/video/text/generate"),
                                  QByteArray("{not json"), auth());
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errCode(), 400013);
        const HttpResult array =
            post(QStringLiteral("/openapi/v2/video/text/generate"), QByteArray("[1,2]"), auth());
        QCOMPARE(array.errCode(), 400013);
    }

    void imageToVideo_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QSize>("image");
        QTest::addColumn<QString>("quality");
        QTest::addColumn<QSize>("output");
        const QString v45 = QStringLiteral("v4.5");
        QTest::newRow("4:3 at 540p")
            << v45 << QSize(1200, 900) << QStringLiteral("540p") << QSize(720, 540);
        QTest::newRow("1:2 is nearest 9:16")
            << v45 << QSize(500, 1000) << QStringLiteral("540p") << QSize(540, 960);
        QTest::newRow("square at 720p")
            << v45 << QSize(800, 790) << QStringLiteral("720p") << QSize(720, 720);
        QTest::newRow("wide at 1080p")
            << v45 << QSize(2000, 1000) << QStringLiteral("1080p") << QSize(1920, 1080);
        // V6: the image's nearest of 8 ratios, the quality as the long edge (§2.11).
        QTest::newRow("v6: 21:9 at 720p") << QStringLiteral("v6") << QSize(2100, 900)
                                          << QStringLiteral("720p") << QSize(1280, 548);
        QTest::newRow("v6: 2:1 is nearest 16:9") << QStringLiteral("v6") << QSize(2000, 1000)
                                                 << QStringLiteral("540p") << QSize(1024, 576);
        QTest::newRow("v6: 2:3 at 360p")
            << QStringLiteral("v6") << QSize(600, 900) << QStringLiteral("360p") << QSize(426, 640);
    }

    void imageToVideo() {
        QFETCH(QString, model);
        QFETCH(QSize, image);
        QFETCH(QString, quality);
        QFETCH(QSize, output);
        const HttpResult uploaded =
            upload(imageBytes(image, "PNG"), QStringLiteral("photo.png"), "image/png");
        QCOMPARE(uploaded.errCode(), 0);
        const QJsonObject body{
            {QStringLiteral("img_id"), QJsonValue(uploaded.respInt("img_id"))},
            {QStringLiteral("prompt"), QStringLiteral("The cat turns its head and blinks")},
            {QStringLiteral("model"), model},
            {QStringLiteral("duration"), 5},
            {QStringLiteral("quality"), quality},
            {QStringLiteral("aspect_ratio"), QStringLiteral("21:9")}, // i2v has none: ignored
        };
        const HttpResult created = post(QStringLiteral("/openapi/v2/video/img/generate"), body);
        QCOMPARE(created.errCode(), 0);
        const qint64 id = created.respInt("video_id");
        QVERIFY(id > kTwoPow53);
        m_server->advanceClock(m_server->config().generationMs);
        const HttpResult done = result(id);
        QCOMPARE(done.respInt("status"), 1);
        QCOMPARE(done.respInt("outputWidth"), output.width());
        QCOMPARE(done.respInt("outputHeight"), output.height());
        QCOMPARE(done.respInt("resolution_ratio"), qualityShortSide(quality));
        const HttpResult clip = get(done.respText("url"), Auth{});
        QCOMPARE(clip.status, 200);
        QCOMPARE(clip.body.size(), done.respInt("size"));
    }

    void imageToVideoRefusals() {
        SandboxConfig config;
        config.apiKeys << QStringLiteral("sk-second");
        startServer(config);
        const qint64 mine =
            upload(imageBytes(QSize(64, 64), "PNG"), QStringLiteral("a.png"), "image/png")
                .respInt("img_id");
        const qint64 theirs = upload(imageBytes(QSize(64, 64), "PNG"), QStringLiteral("b.png"),
                                     "image/png", authFor(QStringLiteral("sk-second")))
                                  .respInt("img_id");
        QVERIFY(mine > kTwoPow53);
        QVERIFY(theirs > kTwoPow53);
        auto body = [](const QJsonValue& imgId) {
            QJsonObject b{{QStringLiteral("prompt"), QStringLiteral("blink")},
                          {QStringLiteral("model"), QStringLiteral("v4.5")},
                          {QStringLiteral("duration"), 5},
                          {QStringLiteral("quality"), QStringLiteral("540p")}};
            if (!imgId.isUndefined())
                b.insert(QStringLiteral("img_id"), imgId);
            return b;
        };
        const QString path = QStringLiteral("/openapi/v2/video/img/generate");
        QCOMPARE(post(path, body(QJsonValue(qint64(12345)))).errCode(), 400032);
        QCOMPARE(post(path, body(QJsonValue(theirs))).errCode(), 400032);
        QCOMPARE(post(path, body(QJsonValue(QJsonValue::Undefined))).errCode(), 400011);
        QCOMPARE(post(path, body(QString::number(mine))).errCode(), 400013); // a quoted id
        QCOMPARE(post(path, body(QJsonValue(mine))).errCode(), 0);
        QCOMPARE(
            post(path, body(QJsonValue(theirs)), authFor(QStringLiteral("sk-second"))).errCode(),
            0);
    }

    void resultLifecycle() {
        const QJsonObject changes{{QStringLiteral("seed"), 42},
                                  {QStringLiteral("negative_prompt"), QStringLiteral("blurry")},
                                  {QStringLiteral("model"), QStringLiteral("v3.5")},
                                  {QStringLiteral("style"), QStringLiteral("anime")}};
        const qint64 id = createVideo(changes);
        QVERIFY(id > kTwoPow53);
        QCOMPARE(m_server->stats().generating, 1);

        const HttpResult pending = result(id);
        QCOMPARE(pending.errCode(), 0);
        QCOMPARE(pending.respInt("id"), id);
        QCOMPARE(pending.respInt("status"), 5);
        QCOMPARE(pending.respText("url"), QString());
        QCOMPARE(pending.respText("cover_url"), QString());
        QCOMPARE(pending.respText("prompt"), QStringLiteral("A serene mountain lake at sunrise"));
        QCOMPARE(pending.respText("negative_prompt"), QStringLiteral("blurry"));
        QCOMPARE(pending.respText("style"), QStringLiteral("anime"));
        QCOMPARE(pending.respInt("seed"), 42);
        QCOMPARE(pending.respInt("size"), 0);
        QCOMPARE(pending.respInt("outputWidth"), 960);
        QCOMPARE(pending.respInt("outputHeight"), 540);
        QCOMPARE(pending.respInt("resolution_ratio"), 540);
        const QDateTime created =
            QDateTime::fromString(pending.respText("create_time"), Qt::ISODate);
        QVERIFY(created.isValid());

        const int generationMs = m_server->config().generationMs;
        m_server->advanceClock(generationMs - 200);
        QCOMPARE(result(id).respInt("status"), 5);
        m_server->advanceClock(200);
        const HttpResult done = result(id);
        QCOMPARE(done.respInt("status"), 1);
        QCOMPARE(m_server->stats().generating, 0);
        const QDateTime modified = QDateTime::fromString(done.respText("modify_time"), Qt::ISODate);
        QVERIFY(modified.isValid());
        QVERIFY(created.msecsTo(modified) >= generationMs - 1000);
        const QString url = done.respText("url");
        QVERIFY(url.startsWith(m_base.toString()));
        QVERIFY(url.endsWith(QLatin1String(".mp4")));

        // The clip: a real MP4 (first box ftyp) of the reported size, the build's sample clip.
        const HttpResult clip = get(url, Auth{});
        QCOMPARE(clip.status, 200);
        QCOMPARE(clip.headers.value("content-type"), QByteArray("video/mp4"));
        QCOMPARE(clip.headers.value("accept-ranges"), QByteArray("bytes"));
        QCOMPARE(clip.body.size(), done.respInt("size"));
        QCOMPARE(clip.body.mid(4, 4), QByteArray("ftyp"));
        QFile sample(QDir(findClipsDir({})).filePath(QStringLiteral("960x540.mp4")));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        QCOMPARE(clip.body, sample.readAll());

        // Ranges, so a download can resume.
        const HttpResult part = get(url, Auth{}, "bytes=100-199");
        QCOMPARE(part.status, 206);
        QCOMPARE(part.headers.value("content-range"),
                 QByteArray("bytes 100-199/" + QByteArray::number(clip.body.size())));
        QCOMPARE(part.body, clip.body.mid(100, 100));
        const HttpResult rest = get(url, Auth{}, "bytes=1000-");
        QCOMPARE(rest.status, 206);
        QCOMPARE(rest.body, clip.body.mid(1000));
        const HttpResult tail = get(url, Auth{}, "bytes=-10");
        QCOMPARE(tail.body, clip.body.right(10));
        const HttpResult beyond =
            get(url, Auth{}, "bytes=" + QByteArray::number(clip.body.size()) + "-");
        QCOMPARE(beyond.status, 416);
        const HttpResult head = finish(m_nam->head(request(url, Auth{})));
        QCOMPARE(head.status, 200);
        QCOMPARE(head.headers.value("content-length"), QByteArray::number(clip.body.size()));
        QVERIFY(head.body.isEmpty());
        QCOMPARE(m_server->stats().mediaRequests, 6);

        // The cover is a PNG of the output size.
        const HttpResult cover = get(done.respText("cover_url"), Auth{});
        QCOMPARE(cover.status, 200);
        QCOMPARE(QImage::fromData(cover.body, "PNG").size(), QSize(960, 540));

        // No clip before status 1; no result for an unknown id or another key's video.
        const qint64 second = createVideo();
        QVERIFY(second > id);
        QCOMPARE(
            get(QString(url).replace(QString::number(id), QString::number(second)), Auth{}).status,
            404);
        QCOMPARE(result(id + 1000000).errCode(), 500008);
        QCOMPARE(get(QStringLiteral("/openapi/v2/video/result/abc")).errCode(), 400013);
        // Without a seed the sandbox picks one in range.
        const qint64 seed = result(second).respInt("seed");
        QVERIFY(seed >= 0 && seed <= 2147483647);
    }

    void resultOfAnotherKey() {
        SandboxConfig config;
        config.apiKeys << QStringLiteral("sk-second");
        startServer(config);
        const qint64 id = createVideo();
        QCOMPARE(result(id, QStringLiteral("sk-second")).errCode(), 500008);
        QCOMPARE(result(id).errCode(), 0);
    }

    void moderationRefundsCredits() {
        const qint64 id =
            createVideo({{QStringLiteral("prompt"), QStringLiteral("a FORBIDDEN dance")}});
        QVERIFY(id > 0);
        QCOMPARE(balance().respInt("credit_monthly"), 1000 - 45);
        QCOMPARE(result(id).respInt("status"), 5);
        m_server->advanceClock(m_server->config().generationMs);
        const HttpResult moderated = result(id);
        QCOMPARE(moderated.respInt("status"), 7);
        QCOMPARE(moderated.respText("url"), QString());
        QCOMPARE(balance().respInt("credit_monthly"), 1000);
        QCOMPARE(balance().respInt("credit_package"), 500);
    }

    void failureWordAndRate() {
        const qint64 id =
            createVideo({{QStringLiteral("prompt"), QStringLiteral("things explode")}});
        m_server->advanceClock(m_server->config().generationMs);
        const HttpResult failed = result(id);
        QCOMPARE(failed.respInt("status"), 8);
        QCOMPARE(failed.respText("url"), QString());
        // Nothing was made: the sandbox gives the credits back (refundFailed, issue 19).
        QCOMPARE(balance().respInt("credit_monthly"), 1000);

        SandboxConfig config;
        config.failureRate = 1.0;
        config.refundFailed = false; // the documented service refunds moderation only
        startServer(config);
        const qint64 unlucky = createVideo();
        m_server->advanceClock(m_server->config().generationMs);
        QCOMPARE(result(unlucky).respInt("status"), 8);
        QCOMPARE(balance().respInt("credit_monthly"), 1000 - 45);
    }

    // Issue 15: a V6 clip with sound over real HTTP, decoded as the app plays it.
    void v6WithSound_data() {
        QTest::addColumn<bool>("audio");
        QTest::addColumn<qint64>("credits");
        QTest::newRow("with sound") << true << qint64(12 * 12);
        QTest::newRow("silent") << false << qint64(12 * 9);
    }

    void v6WithSound() {
        QFETCH(bool, audio);
        QFETCH(qint64, credits);
        const HttpResult created =
            post(QStringLiteral("/openapi/v2/video/text/generate"),
                 QJsonObject{{QStringLiteral("model"), QStringLiteral("v6")},
                             {QStringLiteral("prompt"), QStringLiteral("Waves on a pebble beach")},
                             {QStringLiteral("duration"), 12},
                             {QStringLiteral("quality"), QStringLiteral("720p")},
                             {QStringLiteral("aspect_ratio"), QStringLiteral("21:9")},
                             {QStringLiteral("generate_audio_switch"), audio},
                             {QStringLiteral("generate_multi_clip_switch"), false}});
        QCOMPARE(created.errCode(), 0);
        QCOMPARE(created.respInt("credits"), credits);
        QCOMPARE(balance().respInt("credit_monthly"), 1000 - credits);
        QCOMPARE(balance().respInt("credit_package"), 500);
        const qint64 id = created.respInt("video_id");
        m_server->advanceClock(m_server->config().generationMs);
        const HttpResult done = result(id);
        QCOMPARE(done.respInt("status"), 1);
        QCOMPARE(done.resp().value(QLatin1String("has_audio")).toBool(!audio), audio);
        QCOMPARE(done.respInt("credits"), credits);
        const HttpResult clip = get(done.respText("url"), Auth{});
        QCOMPARE(clip.status, 200);
        QCOMPARE(clip.body.size(), done.respInt("size"));
        const test::ClipStreams streams = test::probeClip(clip.body);
        QVERIFY(streams.loaded);
        QVERIFY(streams.hasVideo);
        QCOMPARE(streams.resolution, QSize(1280, 548));
        QCOMPARE(streams.hasAudio, audio);
        QCOMPARE(streams.audioTracks, audio ? 1 : 0);
    }

    // Status 6 (§2.6) on demand: by the deletion word, by the control route and by the host.
    void deletedOnDemand() {
        SandboxConfig config;
        config.concurrencyLimit = 1;
        startServer(config);
        const int generationMs = m_server->config().generationMs;
        const qint64 vanishing =
            createVideo({{QStringLiteral("prompt"), QStringLiteral("Footprints that VANISH")}});
        QVERIFY(vanishing > 0);
        QCOMPARE(result(vanishing).respInt("status"), 5);
        m_server->advanceClock(generationMs);
        HttpResult gone = result(vanishing);
        QCOMPARE(gone.respInt("status"), 6);
        QCOMPARE(gone.respText("url"), QString());
        QCOMPARE(gone.respText("cover_url"), QString());
        QCOMPARE(gone.respInt("credits"), 45); // not refunded: only status 7 is
        QCOMPARE(balance().respInt("credit_monthly"), 1000 - 45);
        QCOMPARE(get(QStringLiteral("/media/video/%1.mp4").arg(vanishing), Auth{}).status, 404);

        // A finished video deleted afterwards: its URL stops serving at once.
        const qint64 kept = createVideo();
        m_server->advanceClock(generationMs);
        const QString url = result(kept).respText("url");
        QCOMPARE(get(url, Auth{}).status, 200);
        const HttpResult deleted = control({{QStringLiteral("deleteVideo"), QJsonValue(kept)}});
        QCOMPARE(deleted.status, 200);
        QCOMPARE(result(kept).respInt("status"), 6);
        QCOMPARE(result(kept).respText("url"), QString());
        QCOMPARE(get(url, Auth{}).status, 404);
        QCOMPARE(
            get(QString(url).replace(QLatin1String(".mp4"), QLatin1String(".png")), Auth{}).status,
            404);
        QCOMPARE(control({{QStringLiteral("deleteVideo"), QJsonValue(kept + 1)}}).status, 400);
        QCOMPARE(control({{QStringLiteral("deleteVideo"), QStringLiteral("x")}}).status, 400);

        // A video deleted while generating ends at once and frees its slot (limit 1 here).
        const qint64 early = createVideo();
        QVERIFY(early > 0);
        QCOMPARE(createVideo(), -1); // 500044
        QVERIFY(m_server->deleteVideo(early));
        QCOMPARE(result(early).respInt("status"), 6);
        QCOMPARE(m_server->stats().generating, 0);
        QVERIFY(createVideo() > 0);
        QVERIFY(!m_server->deleteVideo(12345));
    }

    void hostDeletesVideos() {
        m_server.reset();
        SandboxHost host;
        QVERIFY2(host.start(), qPrintable(host.errorString()));
        m_base = host.baseUrl();
        const qint64 id = createVideo({{QStringLiteral("model"), QStringLiteral("v6")},
                                       {QStringLiteral("generate_audio_switch"), true}});
        QVERIFY(id > 0);
        host.advanceClock(60000);
        QCOMPARE(result(id).respInt("status"), 1);
        QVERIFY(host.deleteVideo(id));
        const HttpResult gone = result(id);
        QCOMPARE(gone.respInt("status"), 6);
        QCOMPARE(gone.resp().value(QLatin1String("has_audio")).toBool(), true);
        QCOMPARE(gone.respInt("credits"), 9 * 5);
        QVERIFY(!host.deleteVideo(id + 1));
    }

    void creditsShortAndMonthlyFirst() {
        m_server->setCredits(m_key, 10, 20);
        const HttpResult refused =
            post(QStringLiteral("/openapi/v2/video/text/generate"), textToVideoBody());
        QCOMPARE(refused.errCode(), 500090);
        QCOMPARE(balance().respInt("credit_monthly"), 10);
        m_server->setCredits(m_key, 30, 100);
        QVERIFY(createVideo() > 0);
        const HttpResult after = balance();
        QCOMPARE(after.respInt("credit_monthly"), 0);
        QCOMPARE(after.respInt("credit_package"), 85);
        // 720p costs more (60).
        m_server->setCredits(m_key, 0, 59);
        QCOMPARE(createVideo({{QStringLiteral("quality"), QStringLiteral("720p")}}), -1);
        QVERIFY(createVideo({{QStringLiteral("quality"), QStringLiteral("360p")}}) > 0);
    }

    void concurrencyLimit() {
        SandboxConfig config;
        config.concurrencyLimit = 2;
        config.apiKeys << QStringLiteral("sk-second");
        startServer(config);
        QVERIFY(createVideo() > 0);
        QVERIFY(createVideo() > 0);
        const HttpResult refused =
            post(QStringLiteral("/openapi/v2/video/text/generate"), textToVideoBody());
        QCOMPARE(refused.errCode(), 500044);
        QCOMPARE(m_server->stats().generating, 2);
        QCOMPARE(balance().respInt("credit_monthly"),
                 1000 - 2 * 45); // nothing charged for the refusal
        // The limit is per key.
        QVERIFY(createVideo({}, QStringLiteral("sk-second")) > 0);
        // Finished videos free their slots, whatever their final status.
        m_server->advanceClock(config.generationMs);
        QCOMPARE(m_server->stats().generating, 0);
        QVERIFY(createVideo({{QStringLiteral("prompt"), QStringLiteral("explode")}}) > 0);
        QVERIFY(createVideo() > 0);
        QCOMPARE(createVideo(), -1);
    }

    void faultHttpStatus() {
        SandboxFault fault;
        fault.kind = SandboxFault::Kind::HttpStatus;
        fault.httpStatus = 502;
        fault.pathContains = QStringLiteral("account/balance");
        m_server->injectFault(fault);
        QCOMPARE(get(QStringLiteral("/openapi/v2/video/result/1")).status, 200); // another path
        const HttpResult hit = balance();
        QCOMPARE(hit.status, 502);
        QVERIFY(hit.headers.value("content-type").startsWith("text/html"));
        QCOMPARE(hit.error, QNetworkReply::UnknownServerError);
        QCOMPARE(balance().errCode(), 0); // count 1: used up

        fault.httpStatus = 429;
        fault.retryAfterSeconds = 7;
        fault.count = 2;
        m_server->injectFault(fault);
        const HttpResult limited = balance();
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.headers.value("retry-after"), QByteArray("7"));
        QCOMPARE(balance().status, 429);
        QCOMPARE(balance().status, 200);
    }

    void faultServiceErrorAndMalformed() {
        SandboxFault fault;
        fault.kind = SandboxFault::Kind::ServiceError;
        fault.errCode = 500069;
        m_server->injectFault(fault);
        const HttpResult busy = balance();
        QCOMPARE(busy.status, 200);
        QCOMPARE(busy.errCode(), 500069);

        fault.kind = SandboxFault::Kind::MalformedJson;
        m_server->injectFault(fault);
        const HttpResult malformed = balance();
        QCOMPARE(malformed.status, 200);
        QJsonParseError error;
        QJsonDocument::fromJson(malformed.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);
        QVERIFY(!malformed.body.isEmpty());
        QCOMPARE(balance().errCode(), 0);
    }

    void faultDropConnection() {
        SandboxFault fault;
        fault.kind = SandboxFault::Kind::DropConnection;
        fault.pathContains = QStringLiteral("balance");
        // QNetworkAccessManager silently resends a request whose connection closed before any
        // answer, once: a single drop is invisible to a client.
        m_server->injectFault(fault);
        qint64 before = m_server->stats().requests;
        QCOMPARE(balance().errCode(), 0);
        QCOMPARE(m_server->stats().requests, before + 2);

        fault.count = -1;
        m_server->injectFault(fault);
        before = m_server->stats().requests;
        const HttpResult dropped = balance();
        QVERIFY(dropped.finished);
        QVERIFY(dropped.error != QNetworkReply::NoError);
        QCOMPARE(dropped.status, 0);
        QVERIFY(dropped.body.isEmpty());
        QVERIFY(m_server->stats().requests >= before + 2);
        m_server->clearFaults();
        QCOMPARE(balance().errCode(), 0);
    }

    void faultStall() {
        SandboxFault fault;
        fault.kind = SandboxFault::Kind::Stall;
        fault.delayMs = 150;
        fault.pathContains = QStringLiteral("balance");
        m_server->injectFault(fault);
        const HttpResult slow = balance();
        QCOMPARE(slow.errCode(), 0);
        QVERIFY2(slow.elapsedMs >= 140, qPrintable(QString::number(slow.elapsedMs)));
        QCOMPARE(balance().errCode(), 0);                     // count 1: used up
        QCOMPARE(m_server->stats().stalledAnswersDropped, 0); // that one was answered

        // A client that gives up first sees a timeout; the sandbox goes on serving.
        fault.delayMs = 1000;
        m_server->injectFault(fault);
        QNetworkRequest r = request(QStringLiteral("/openapi/v2/account/balance"), auth());
        r.setTransferTimeout(60);
        const HttpResult timedOut = finish(m_nam->get(r));
        QVERIFY(timedOut.error == QNetworkReply::OperationCanceledError ||
                timedOut.error == QNetworkReply::TimeoutError);
        QCOMPARE(balance().errCode(), 0);
        // When the late answer comes due, the sandbox sees that nobody waits for it any more.
        QTRY_COMPARE(m_server->stats().stalledAnswersDropped, 1);
    }

    void faultsSpareSandboxRoutes() {
        SandboxFault fault; // every API path, forever
        fault.count = -1;
        m_server->injectFault(fault);
        QCOMPARE(balance().status, 500);
        QCOMPARE(get(QStringLiteral("/sandbox/stats"), Auth{}).status, 200);
        QCOMPARE(control(QJsonObject{{QStringLiteral("clearFaults"), true}}).status, 200);
        QCOMPARE(balance().status, 200);
    }

    void statsRoute() {
        const qint64 id = createVideo();
        QVERIFY(id > 0);
        const HttpResult r = get(QStringLiteral("/sandbox/stats"), Auth{});
        QCOMPARE(r.status, 200);
        const QJsonObject s = r.json();
        const SandboxStats direct = m_server->stats();
        QCOMPARE(s.value(QLatin1String("requests")).toInteger(), direct.requests);
        QCOMPARE(direct.requests, 2);
        QCOMPARE(s.value(QLatin1String("generationsCreated")).toInteger(), 1);
        QCOMPARE(s.value(QLatin1String("generating")).toInt(), 1);
        QCOMPARE(s.value(QLatin1String("uploads")).toInteger(), 0);
        QCOMPARE(s.value(QLatin1String("replayedAnswers")).toInteger(), 0);
        QCOMPARE(s.value(QLatin1String("mediaRequests")).toInteger(), 0);
        QCOMPARE(s.value(QLatin1String("stalledAnswersDropped")).toInteger(), 0);
        QVERIFY(s.contains(QLatin1String("clockMs")));
        QCOMPARE(post(QStringLiteral("/sandbox/stats"), QJsonObject{}, Auth{}).status, 405);
    }

    void controlRoute() {
        const qint64 id = createVideo();
        HttpResult r =
            control(QJsonObject{{QStringLiteral("advanceMs"), m_server->config().generationMs}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(result(id).respInt("status"), 1);

        r = control(QJsonObject{{QStringLiteral("fault"),
                                 QJsonObject{{QStringLiteral("kind"), QStringLiteral("http")},
                                             {QStringLiteral("status"), 503},
                                             {QStringLiteral("path"), QStringLiteral("balance")},
                                             {QStringLiteral("retryAfter"), 3},
                                             {QStringLiteral("count"), -1}}}});
        QCOMPARE(r.status, 200);
        const HttpResult unavailable = balance();
        QCOMPARE(unavailable.status, 503);
        QCOMPARE(unavailable.headers.value("retry-after"), QByteArray("3"));
        QCOMPARE(balance().status, 503);
        QCOMPARE(control(QJsonObject{{QStringLiteral("clearFaults"), true}}).status, 200);
        QCOMPARE(balance().status, 200);

        r = control(QJsonObject{{QStringLiteral("fault"),
                                 QJsonObject{{QStringLiteral("kind"), QStringLiteral("service")},
                                             {QStringLiteral("errCode"), 500100}}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(balance().errCode(), 500100);
        QCOMPARE(balance().errCode(), 0);

        r = control(
            QJsonObject{{QStringLiteral("fault"),
                         QJsonObject{{QStringLiteral("kind"), QStringLiteral("malformed")}}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(balance().errCode(), -1);

        r = control(QJsonObject{
            {QStringLiteral("fault"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("stall")},
                                                  {QStringLiteral("delayMs"), 120}}}});
        QCOMPARE(r.status, 200);
        QVERIFY(balance().elapsedMs >= 110);

        r = control(QJsonObject{
            {QStringLiteral("fault"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("drop")},
                                                  {QStringLiteral("count"), -1}}}});
        QCOMPARE(r.status, 200);
        QVERIFY(balance().error != QNetworkReply::NoError);
        QCOMPARE(control(QJsonObject{{QStringLiteral("clearFaults"), true}}).status, 200);

        // A fast clock finishes a generation in a few wall milliseconds.
        const qint64 fast = createVideo();
        QVERIFY(fast > 0);
        QCOMPARE(control(QJsonObject{{QStringLiteral("clockSpeed"), 1000}}).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->stats().generating, 0, 2000);
        QCOMPARE(result(fast).respInt("status"), 1);

        r = control(
            QJsonObject{{QStringLiteral("credits"), QJsonObject{{QStringLiteral("key"), m_key},
                                                                {QStringLiteral("monthly"), 7},
                                                                {QStringLiteral("package"), 8}}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(balance().respInt("credit_monthly"), 7);
        QCOMPARE(balance().respInt("credit_package"), 8);

        // Refusals change nothing.
        QCOMPARE(control(QJsonObject{}).status, 400);
        QCOMPARE(control(QJsonObject{{QStringLiteral("clockSpeed"), 0}}).status, 400);
        QCOMPARE(
            control(QJsonObject{{QStringLiteral("fault"),
                                 QJsonObject{{QStringLiteral("kind"), QStringLiteral("nope")}}}})
                .status,
            400);
        const HttpResult partial = control(
            QJsonObject{{QStringLiteral("advanceMs"), 1000},
                        {QStringLiteral("credits"), QJsonObject{{QStringLiteral("key"), m_key}}}});
        QCOMPARE(partial.status, 400);
        QCOMPARE(partial.json().value(QLatin1String("ok")).toBool(), false);
        QVERIFY(!partial.json().value(QLatin1String("error")).toString().isEmpty());
        QCOMPARE(post(QStringLiteral("/sandbox/control"), QByteArray("garbage"), Auth{}).status,
                 400);
        QCOMPARE(get(QStringLiteral("/sandbox/control"), Auth{}).status, 405);
        QCOMPARE(balance().respInt("credit_monthly"), 7);
    }

    void clockIsContinuous() {
        auto clockMs = [this] {
            return get(QStringLiteral("/sandbox/stats"), Auth{})
                .json()
                .value(QLatin1String("clockMs"))
                .toInteger(-1);
        };
        const qint64 a = clockMs();
        m_server->setClockSpeed(0.001);
        const qint64 b = clockMs();
        QVERIFY(b >= a);
        QVERIFY(b - a < 1000);
        m_server->advanceClock(100000);
        const qint64 c = clockMs();
        QVERIFY(c >= b + 100000);
        QVERIFY(c < b + 100000 + 1000);
        m_server->setClockSpeed(1);
        QVERIFY(clockMs() >= c);
    }

    void hostWithoutEventLoop() {
        // A plain std::thread has no event loop: start(), the wrappers and the destructor must
        // not need one.
        bool started = false;
        QUrl url;
        QByteArray answer;
        qint64 requests = -1;
        qint64 monthlyAfter = -1;
        std::thread worker([&] {
            SandboxHost host;
            started = host.start();
            url = host.baseUrl();
            host.setCredits(host.defaultApiKey(), 11, 12);
            host.advanceClock(10);
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(url.port()));
            if (socket.waitForConnected(5000)) {
                socket.write(QByteArray(
                    "GET /openapi/v2/account/balance HTTP/1.1\r\nHost: 127.0.0.1\r\nAPI-KEY: " +
                    host.defaultApiKey().toUtf8() + "\r\nAi-trace-id: " + newTrace() +
                    "\r\nConnection: close\r\n\r\n"));
                socket.waitForBytesWritten(5000);
                while (!answer.contains("}}") && socket.waitForReadyRead(5000))
                    answer += socket.readAll();
            }
            requests = host.stats().requests;
            monthlyAfter = answer.contains("\"credit_monthly\":11") ? 11 : -1;
        });
        worker.join();
        QVERIFY(started);
        QVERIFY(url.isValid());
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QCOMPARE(monthlyAfter, 11);
        QCOMPARE(requests, 1);
    }

    void hostFromTheTestThread() {
        SandboxHost host;
        QVERIFY(host.start());
        QVERIFY(host.start()); // idempotent
        m_base = host.baseUrl();
        m_key = host.defaultApiKey();
        QCOMPARE(balance().errCode(), 0);
        host.setCredits(m_key, 3, 4);
        QCOMPARE(balance().respInt("credit_package"), 4);
        const qint64 id = createVideo();
        QCOMPARE(id, -1); // 3 + 4 credits are too few
        host.setCredits(m_key, 100, 0);
        const qint64 ok = createVideo();
        QVERIFY(ok > kTwoPow53);
        QCOMPARE(host.stats().generating, 1);
        host.advanceClock(SandboxConfig{}.generationMs);
        QCOMPARE(result(ok).respInt("status"), 1);
        SandboxFault fault;
        fault.httpStatus = 503;
        host.injectFault(fault);
        QCOMPARE(balance().status, 503);
        host.setClockSpeed(2);
        host.clearFaults();
        QCOMPARE(balance().status, 200);
        QCOMPARE(host.stats().requests, 7);

        // A taken port is an error, not a crash.
        SandboxConfig taken;
        taken.port = static_cast<quint16>(m_base.port());
        SandboxHost second(taken);
        QVERIFY(!second.start());
        QVERIFY(!second.errorString().isEmpty());
        QVERIFY(second.baseUrl().isEmpty());
    }

    void executablePrintsBaseUrl() {
        const QString program = pixverseSandboxPath();
        QVERIFY2(QFile::exists(program), "pixverse-sandbox is not built");
        QProcess process;
        process.start(program, {QStringLiteral("--port"), QStringLiteral("0"),
                                QStringLiteral("--generation-seconds"), QStringLiteral("0")});
        QVERIFY(process.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
        const QString line = QString::fromUtf8(process.readLine()).trimmed();
        const QUrl url(line);
        QVERIFY2(url.isValid() && url.scheme() == QLatin1String("http") && url.port() > 0,
                 qPrintable(line));
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += process.readAllStandardError()).contains("API key: "),
                                 5000);
        QVERIFY(err.contains("API key: sk-sandbox-local-0000000000000000"));

        m_base = url;
        m_key = QStringLiteral("sk-sandbox-local-0000000000000000");
        QCOMPARE(balance().errCode(), 0);
        const qint64 id = createVideo();
        QVERIFY(id > kTwoPow53);
        QCOMPARE(result(id).respInt("status"), 1); // --generation-seconds 0
        process.terminate();
        QVERIFY(process.waitForFinished(5000));
    }

    void executableWithKeys() {
        QProcess process;
        process.start(pixverseSandboxPath(),
                      {QStringLiteral("--api-key"), QStringLiteral("sk-one"),
                       QStringLiteral("--api-key"), QStringLiteral("sk-two"),
                       QStringLiteral("--clock-speed"), QStringLiteral("1000")});
        QVERIFY(process.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
        m_base = QUrl(QString::fromUtf8(process.readLine()).trimmed());
        m_key = QStringLiteral("sk-two");
        QCOMPARE(balance().errCode(), 0);
        QCOMPARE(balance(QStringLiteral("sk-sandbox-local-0000000000000000")).errCode(), 400012);
        const qint64 id = createVideo();
        QTRY_COMPARE_WITH_TIMEOUT(result(id).respInt("status"), 1, 3000); // 6 s at 1000× speed
        QVERIFY(!process.readAllStandardError().contains("API key:"));
        process.terminate();
        QVERIFY(process.waitForFinished(5000));
    }

    // --speakers-legacy: the 2026 speaker list answers 404, the older one still lists the voices.
    void executableWithLegacySpeakers() {
        QProcess process;
        process.start(pixverseSandboxPath(), {QStringLiteral("--speakers-legacy")});
        QVERIFY(process.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
        m_base = QUrl(QString::fromUtf8(process.readLine()).trimmed());
        QCOMPARE(
            get(QStringLiteral("/openapi/v2/video/tts_speaker?page_num=1&page_size=10")).status,
            404);
        const HttpResult legacy =
            get(QStringLiteral("/openapi/v2/video/lip_sync/tts_list?page_num=1&page_size=20"));
        QCOMPARE(legacy.errCode(), 0);
        QCOMPARE(legacy.respInt("total"), 15);
        process.terminate();
        QVERIFY(process.waitForFinished(5000));
    }

    // --templates N: the effect template list has N items (benchmarks ask for 300).
    void executableWithTemplateCount() {
        QProcess process;
        process.start(pixverseSandboxPath(),
                      {QStringLiteral("--templates"), QStringLiteral("120")});
        QVERIFY(process.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
        m_base = QUrl(QString::fromUtf8(process.readLine()).trimmed());
        const QString list =
            QStringLiteral("/openapi/v2/video/effects/templates/list?pageSize=100");
        const HttpResult first = get(list + QStringLiteral("&page=1"));
        const HttpResult second = get(list + QStringLiteral("&page=2"));
        QCOMPARE(first.errCode(), 0);
        QCOMPARE(first.resp().value(QLatin1String("effect_items")).toArray().size(), 100);
        QCOMPARE(second.resp().value(QLatin1String("effect_items")).toArray().size(), 20);
        process.terminate();
        QVERIFY(process.waitForFinished(5000));
    }

    void executableRefusesBadArguments_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("port not a number")
            << QStringList{QStringLiteral("--port"), QStringLiteral("abc")}
            << QStringLiteral("--port");
        QTest::newRow("port too high")
            << QStringList{QStringLiteral("--port"), QStringLiteral("70000")}
            << QStringLiteral("--port");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--bogus")} << QStringLiteral("bogus");
        QTest::newRow("clock speed 0")
            << QStringList{QStringLiteral("--clock-speed"), QStringLiteral("0")}
            << QStringLiteral("--clock-speed");
        QTest::newRow("templates not a number")
            << QStringList{QStringLiteral("--templates"), QStringLiteral("many")}
            << QStringLiteral("--templates");
        QTest::newRow("stray argument")
            << QStringList{QStringLiteral("serve")} << QStringLiteral("serve");
    }

    void executableRefusesBadArguments() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        QProcess process;
        process.start(pixverseSandboxPath(), arguments);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 2);
        const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
        QVERIFY2(err.contains(mentions), qPrintable(err));
        QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err));
        QVERIFY(process.readAllStandardOutput().isEmpty());
    }

    void executableRefusesTakenPort() {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost));
        QProcess process;
        process.start(pixverseSandboxPath(),
                      {QStringLiteral("--port"), QString::number(blocker.serverPort())});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
        QVERIFY2(err.contains(QString::number(blocker.serverPort())), qPrintable(err));
        QVERIFY(process.readAllStandardOutput().isEmpty());
    }

    void outputSizeRule() {
        QCOMPARE(outputSize(QStringLiteral("540p"), QStringLiteral("16:9")), QSize(960, 540));
        QCOMPARE(outputSize(QStringLiteral("1080p"), QStringLiteral("16:9")), QSize(1920, 1080));
        QCOMPARE(outputSize(QStringLiteral("720p"), QStringLiteral("9:16")), QSize(720, 1280));
        QCOMPARE(outputSize(QStringLiteral("540p"), QStringLiteral("1:1")), QSize(540, 540));
        QCOMPARE(outputSize(QStringLiteral("540p"), QStringLiteral("4:3")), QSize(720, 540));
        QCOMPARE(outputSize(QStringLiteral("540p"), QStringLiteral("21:9")), QSize(1260, 540));
        QCOMPARE(outputSize(QStringLiteral("360p"), QStringLiteral("3:2")), QSize(540, 360));
        QVERIFY(!outputSize(QStringLiteral("4k"), QStringLiteral("16:9")).isValid());
        QVERIFY(!outputSize(QStringLiteral("540p"), QStringLiteral("wide")).isValid());
        const QStringList v45{QStringLiteral("16:9"), QStringLiteral("4:3"), QStringLiteral("1:1"),
                              QStringLiteral("3:4"), QStringLiteral("9:16")};
        QCOMPARE(nearestAspectRatio(QSize(1920, 1080), v45), QStringLiteral("16:9"));
        QCOMPARE(nearestAspectRatio(QSize(1000, 2000), v45), QStringLiteral("9:16"));
        QCOMPARE(nearestAspectRatio(QSize(1100, 1000), v45), QStringLiteral("1:1"));
        QCOMPARE(nearestAspectRatio(QSize(0, 10), v45), QString());
    }

    void everyOutputSizeHasAClip() {
        const QString dir = findClipsDir({});
        QVERIFY2(QDir(dir).exists(), qPrintable(dir));
        const SandboxRules& rules = SandboxRules::builtIn();
        QSet<QString> checked;
        for (const ApiFamily family : {ApiFamily::OpenApi, ApiFamily::Web}) {
            for (const QString& model : rules.modelIds(family)) {
                for (const QString& quality : rules.qualities(model, family)) {
                    for (const QString& aspect : rules.aspectRatios(model, family)) {
                        GenerationRequest r;
                        r.model = model;
                        r.quality = quality;
                        r.aspectRatio = aspect;
                        const QSize size = rules.fitOutput(r, family);
                        const QString what = model + u' ' + quality + u' ' + aspect;
                        QVERIFY2(size.isValid(), qPrintable(what));
                        const QString file = QDir(dir).filePath(clipFileName(size));
                        QVERIFY2(QFileInfo(file).size() > 0, qPrintable(what + u": " + file));
                        checked.insert(file);
                        if (!rules.makesAudio(model, family))
                            continue;
                        const QString withAudio = QDir(dir).filePath(clipFileName(size, true));
                        if (checked.contains(withAudio))
                            continue;
                        QFile clip(withAudio);
                        QVERIFY2(clip.open(QIODevice::ReadOnly),
                                 qPrintable(what + u": " + withAudio));
                        // Decoded: the picture of that size, and a sound track.
                        const test::ClipStreams streams = test::probeClip(clip.readAll());
                        QVERIFY2(streams.loaded && streams.hasAudio && streams.resolution == size,
                                 qPrintable(what + u": " + withAudio));
                        checked.insert(withAudio);
                    }
                }
            }
        }
        // Both size rules: 4 qualities × 7 ratios (short side) and × 8 (long edge), 6 coincide;
        // every one has a model with sound (v5.5/v5.6 short side, v6/c1 long edge).
        QVERIFY(checked.size() >= 100);
    }
};

QTEST_GUILESS_MAIN(TstSandbox)
#include "tst_sandbox.moc"
