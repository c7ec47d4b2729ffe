// The sandbox with a state folder (SandboxConfig::stateDir), over real loopback HTTP: stopped and
// started again it continues like the real service (videos, credits, web sessions, replays, ids
// that never repeat), writes nothing for a poll, keeps no secret in its files, and resets.

#include "core/sandbox/ObjectStore.h"
#include "core/sandbox/SandboxServer.h"
#include "tests/support/TestSupport.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace pixverse;
using namespace pixverse::sandbox;

namespace {

const QString kEmail = QStringLiteral("creator@sandbox.local");
const QString kPassword = QStringLiteral("sandbox-password");

struct Reply {
    int status = 0;
    QByteArray body;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    qint64 errCode() const { return json().value(QLatin1String("ErrCode")).toInteger(-1); }
    QJsonObject resp() const { return json().value(QLatin1String("Resp")).toObject(); }
    qint64 respInt(const char* name) const {
        return resp().value(QLatin1String(name)).toInteger(-1);
    }
};

QByteArray newTrace() {
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

//! A V6 body both families take (the web refuses v3.5-v5.5 by default).
QJsonObject textToVideo(const QString& prompt, bool audio = false) {
    return QJsonObject{{QStringLiteral("prompt"), prompt},
                       {QStringLiteral("model"), QStringLiteral("v6")},
                       {QStringLiteral("duration"), 5},
                       {QStringLiteral("quality"), QStringLiteral("540p")},
                       {QStringLiteral("aspect_ratio"), QStringLiteral("16:9")},
                       {QStringLiteral("generate_audio_switch"), audio}};
}

} // namespace

class TstSandboxRestart : public QObject {
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxServer> m_server;

    SandboxConfig config() const {
        SandboxConfig c;
        c.stateDir = m_dir->filePath(QStringLiteral("state"));
        c.generationMs = 60000;
        return c;
    }
    void restart() {
        m_server.reset();             // stopped: nothing of it is left in memory
        m_nam.clearConnectionCache(); // its connections are gone too
        m_server = std::make_unique<SandboxServer>(config());
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }

    Reply finish(QNetworkReply* reply) {
        if (!reply->isFinished()) {
            QSignalSpy spy(reply, &QNetworkReply::finished);
            spy.wait(10000);
        }
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        reply->deleteLater();
        return r;
    }
    QNetworkRequest request(const QString& pathOrUrl, const QByteArray& trace) const {
        QNetworkRequest r(pathOrUrl.startsWith(QLatin1String("http"))
                              ? QUrl(pathOrUrl)
                              : QUrl(m_server->baseUrl().toString() + pathOrUrl));
        r.setRawHeader("API-KEY", m_server->defaultApiKey().toUtf8());
        r.setRawHeader("Ai-trace-id", trace);
        return r;
    }
    Reply get(const QString& path, const QString& webToken = {}) {
        QNetworkRequest r = request(path, newTrace());
        if (!webToken.isEmpty())
            r.setRawHeader("Token", webToken.toUtf8());
        return finish(m_nam.get(r));
    }
    Reply post(const QString& path, const QJsonObject& body, const QByteArray& trace = newTrace(),
               const QString& webToken = {}) {
        QNetworkRequest r = request(path, trace);
        if (!webToken.isEmpty())
            r.setRawHeader("Token", webToken.toUtf8());
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        return finish(m_nam.post(r, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    }
    Reply create(const QString& prompt, const QByteArray& trace = newTrace()) {
        return post(QStringLiteral("/openapi/v2/video/text/generate"), textToVideo(prompt), trace);
    }
    Reply result(qint64 id) { return get(QStringLiteral("/openapi/v2/video/result/%1").arg(id)); }
    Reply uploadImage() {
        QImage image(320, 240, QImage::Format_RGB32);
        image.fill(QColor(20, 90, 160));
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        auto* multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QStringLiteral("form-data; name=\"image\"; filename=\"lake.png\""));
        part.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("image/png"));
        part.setBody(png);
        multi->append(part);
        QNetworkReply* reply =
            m_nam.post(request(QStringLiteral("/openapi/v2/image/upload"), newTrace()), multi);
        multi->setParent(reply);
        return finish(reply);
    }
    QString webLogin() {
        const Reply r =
            post(QStringLiteral("/creative_platform/login"),
                 {{QStringLiteral("Username"), kEmail}, {QStringLiteral("Password"), kPassword}});
        return r.resp()
            .value(QLatin1String("Result"))
            .toObject()
            .value(QLatin1String("Token"))
            .toString();
    }
    //! A signed object-store PUT of `bytes` under `key` with getUploadToken's credentials.
    Reply putObject(const QJsonObject& sts, const QString& key, const QByteArray& bytes) {
        HttpRequest toSign;
        toSign.headers = {
            {"Content-Type", "image/png"},
            {"Date", QLocale::c()
                         .toString(QDateTime::currentDateTimeUtc(),
                                   QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                         .toLatin1()},
            {"x-oss-security-token", sts.value(QLatin1String("Token")).toString().toLatin1()}};
        const QByteArray signature = ObjectStore::signature(
            sts.value(QLatin1String("Sk")).toString().toLatin1(),
            ObjectStore::stringToSign(toSign, "PUT", ObjectStore::bucket(), key));
        QNetworkRequest r(QUrl(m_server->baseUrl().toString() + QStringLiteral("/oss/") +
                               ObjectStore::bucket() + QLatin1Char('/') + key));
        for (const auto& header : toSign.headers)
            r.setRawHeader(header.first, header.second);
        r.setRawHeader("Authorization", "OSS " +
                                            sts.value(QLatin1String("Ak")).toString().toLatin1() +
                                            ':' + signature);
        return finish(m_nam.put(r, bytes));
    }
    QString walPath() const {
        return QDir(config().stateDir).filePath(QStringLiteral("sandbox-state.sqlite-wal"));
    }

private Q_SLOTS:
    void init() {
        m_nam.setProxy(QNetworkProxy::NoProxy);
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        restart();
    }
    void cleanup() {
        m_server.reset();
        m_dir.reset();
    }

    void restartContinuesLikeTheService() {
        const QByteArray createTrace = newTrace();
        const Reply created = create(QStringLiteral("A lighthouse in a storm"), createTrace);
        QCOMPARE(created.errCode(), 0);
        const qint64 videoId = created.respInt("video_id");
        const Reply uploaded = uploadImage();
        QCOMPARE(uploaded.errCode(), 0);
        const qint64 imageId = uploaded.respInt("img_id");
        const QString token = webLogin();
        QVERIFY(!token.isEmpty());
        const QByteArray webTrace = newTrace();
        const Reply webCreated =
            post(QStringLiteral("/creative_platform/video/t2v"),
                 textToVideo(QStringLiteral("A fox in the snow")), webTrace, token);
        QCOMPARE(webCreated.errCode(), 0);
        const qint64 webVideoId = webCreated.respInt("video_id");
        const qint64 monthly =
            get(QStringLiteral("/openapi/v2/account/balance")).respInt("credit_monthly");
        const Reply webCredits = get(QStringLiteral("/creative_platform/user/credits"), token);
        QCOMPARE(webCredits.errCode(), 0);
        const quint16 port = m_server->port();
        QCOMPARE(m_server->stats().generationsCreated, 2);

        restart();
        QCOMPARE(m_server->port(), port); // free again, so stored URLs keep working
        QCOMPARE(m_server->stats().generationsCreated, 2);
        // Still generating (sandbox time went on by the few milliseconds of the restart)...
        QCOMPARE(result(videoId).respInt("status"), 5);
        // ...and finished on time.
        m_server->advanceClock(60000);
        const Reply done = result(videoId);
        QCOMPARE(done.respInt("status"), 1);
        const QString url = done.resp().value(QLatin1String("url")).toString();
        QVERIFY(url.startsWith(m_server->baseUrl().toString()));
        const Reply clip = finish(m_nam.get(QNetworkRequest(QUrl(url))));
        QCOMPARE(clip.status, 200);
        QVERIFY(!clip.body.isEmpty());

        // Credits stay spent.
        QCOMPARE(get(QStringLiteral("/openapi/v2/account/balance")).respInt("credit_monthly"),
                 monthly);
        // The resend of a create whose answer was lost is replayed, not made twice.
        const Reply resent = create(QStringLiteral("A lighthouse in a storm"), createTrace);
        QCOMPARE(resent.respInt("video_id"), videoId);
        QCOMPARE(m_server->stats().replayedAnswers, 1);
        QCOMPARE(m_server->stats().generationsCreated, 2);
        // Ids never repeat: a new video's id is above every earlier one.
        const qint64 newId = create(QStringLiteral("A second lighthouse")).respInt("video_id");
        QVERIFY2(newId > videoId && newId > webVideoId, qPrintable(QString::number(newId)));
        // The uploaded image is still there.
        QJsonObject fromImage = textToVideo(QStringLiteral("The lake, moving"));
        fromImage.remove(QStringLiteral("aspect_ratio"));
        fromImage.insert(QStringLiteral("img_id"), QJsonValue(imageId));
        QCOMPARE(post(QStringLiteral("/openapi/v2/video/img/generate"), fromImage).errCode(), 0);

        // The web token from before the restart still works; its video and credits are there.
        const Reply credits = get(QStringLiteral("/creative_platform/user/credits"), token);
        QCOMPARE(credits.errCode(), 0);
        QCOMPARE(credits.resp(), webCredits.resp());
        const Reply list =
            post(QStringLiteral("/creative_platform/video/list/personal"), {}, newTrace(), token);
        QCOMPARE(list.errCode(), 0);
        const QJsonObject first =
            list.resp().value(QLatin1String("data")).toArray().first().toObject();
        QCOMPARE(first.value(QLatin1String("video_id")).toInteger(), webVideoId);
        QCOMPARE(first.value(QLatin1String("video_status")).toInt(), 1);
        const Reply webResent =
            post(QStringLiteral("/creative_platform/video/t2v"),
                 textToVideo(QStringLiteral("A fox in the snow")), webTrace, token);
        QCOMPARE(webResent.respInt("video_id"), webVideoId);
        QCOMPARE(m_server->stats().webLogins, 1);
    }

    void soundAndDeletionSurviveRestarts() {
        // V6 540p 5 s: 9 credits/s with sound, 7 without (§2.9).
        const qint64 withSound = post(QStringLiteral("/openapi/v2/video/text/generate"),
                                      textToVideo(QStringLiteral("Rain on a tin roof"), true))
                                     .respInt("video_id");
        const qint64 deleted = create(QStringLiteral("A sandcastle")).respInt("video_id");
        const qint64 vanishing = create(QStringLiteral("It will vanish")).respInt("video_id");
        const QString token = webLogin();
        const qint64 webDeleted =
            post(QStringLiteral("/creative_platform/video/t2v"),
                 textToVideo(QStringLiteral("A web sandcastle"), true), newTrace(), token)
                .respInt("video_id");
        QVERIFY(withSound > 0 && deleted > 0 && vanishing > 0 && webDeleted > 0);
        m_server->advanceClock(60000);
        QVERIFY(m_server->deleteVideo(deleted));
        QVERIFY(m_server->deleteVideo(webDeleted));

        restart();
        const Reply sound = result(withSound);
        QCOMPARE(sound.respInt("status"), 1);
        QCOMPARE(sound.resp().value(QLatin1String("has_audio")).toBool(), true);
        QCOMPARE(sound.respInt("credits"), 9 * 5);
        const Reply clip = finish(
            m_nam.get(QNetworkRequest(QUrl(sound.resp().value(QLatin1String("url")).toString()))));
        QFile audioClip(QDir(test::clipsDir()).filePath(QStringLiteral("1024x576-audio.mp4")));
        QVERIFY(audioClip.open(QIODevice::ReadOnly));
        QCOMPARE(clip.body, audioClip.readAll()); // still the clip with sound

        for (const qint64 id : {deleted, vanishing}) {
            const Reply gone = result(id);
            QCOMPARE(gone.respInt("status"), 6);
            QCOMPARE(gone.resp().value(QLatin1String("url")).toString(), QString());
            QCOMPARE(gone.respInt("credits"), 7 * 5); // a deletion refunds nothing
            QCOMPARE(get(QStringLiteral("/media/video/%1.mp4").arg(id)).status, 404);
        }
        const Reply list =
            post(QStringLiteral("/creative_platform/video/list/personal"), {}, newTrace(), token);
        QCOMPARE(list.errCode(), 0);
        QCOMPARE(list.resp().value(QLatin1String("data")).toArray().size(), 0);
        QCOMPARE(get(QStringLiteral("/media/video/%1.mp4").arg(webDeleted)).status, 404);
    }

    void webUploadSurvivesRestarts() {
        QImage image(400, 300, QImage::Format_RGB32);
        image.fill(QColor(200, 120, 40));
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        const QString token = webLogin();
        const QJsonObject sts =
            post(QStringLiteral("/creative_platform/getUploadToken"), {}, newTrace(), token).resp();
        const QString key =
            QStringLiteral("upload/%1.png").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
        QCOMPARE(putObject(sts, key, png).status, 200);

        restart(); // between the PUT and its registration
        // The credentials were not kept (no secret in a file): a PUT with them is refused, and a
        // client asks for new ones.
        const Reply stale = putObject(sts, key, png);
        QCOMPARE(stale.status, 403);
        QVERIFY(stale.body.contains("InvalidAccessKeyId"));
        const Reply registered = post(
            QStringLiteral("/creative_platform/media/batch_upload_media"),
            {{QStringLiteral("images"), QJsonArray{QJsonObject{{QStringLiteral("path"), key}}}}},
            newTrace(), token);
        QCOMPARE(registered.errCode(), 0);
        const QJsonObject media =
            registered.resp().value(QLatin1String("result")).toArray().first().toObject();
        QCOMPARE(media.value(QLatin1String("width")).toInt(), 400);

        restart(); // between the registration and the generation
        const Reply uploaded = finish(m_nam.get(QNetworkRequest(
            QUrl(m_server->baseUrl().toString() + QStringLiteral("/media/") + key))));
        QCOMPARE(uploaded.body, png);
        QJsonObject fromImage = textToVideo(QStringLiteral("The field, moving"));
        fromImage.remove(QStringLiteral("aspect_ratio"));
        fromImage.insert(QStringLiteral("customer_img_path"), key);
        fromImage.insert(QStringLiteral("customer_img_url"),
                         media.value(QLatin1String("url")).toString());
        QCOMPARE(post(QStringLiteral("/creative_platform/video/i2v"), fromImage, newTrace(), token)
                     .errCode(),
                 0);
        QCOMPARE(m_server->stats().uploads, 1);
        QCOMPARE(m_server->stats().objectStorePuts, 1);
    }

    void noStatusGoesBack() {
        const qint64 id = create(QStringLiteral("A paper boat")).respInt("video_id");
        m_server->setClockSpeed(1000);
        QTRY_COMPARE_WITH_TIMEOUT(result(id).respInt("status"), 1, 10000);
        restart(); // the new run goes at 1×; the time that went by stays gone by
        QCOMPARE(result(id).respInt("status"), 1);
    }

    void pollsWriteNothing() {
        const qint64 id = create(QStringLiteral("A quiet street")).respInt("video_id");
        QVERIFY(id > 0);
        QCOMPARE(result(id).respInt("status"), 5);
        const qint64 before = QFileInfo(walPath()).size();
        QVERIFY(before > 0);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(result(id).respInt("status"), 5);
        QCOMPARE(get(QStringLiteral("/openapi/v2/account/balance")).errCode(), 0);
        QCOMPARE(QFileInfo(walPath()).size(), before);
        // A create does write (so the measure above measures something).
        QVERIFY(create(QStringLiteral("Another street")).respInt("video_id") > id);
        QVERIFY(QFileInfo(walPath()).size() > before);
    }

    void noSecretInTheFiles() {
        QVERIFY(create(QStringLiteral("A cat")).respInt("video_id") > 0);
        const QString token = webLogin();
        QVERIFY(!token.isEmpty());
        const Reply sts =
            post(QStringLiteral("/creative_platform/getUploadToken"), {}, newTrace(), token);
        const QByteArray secret = sts.resp().value(QLatin1String("Sk")).toString().toLatin1();
        QVERIFY(!secret.isEmpty());
        QVERIFY(post(QStringLiteral("/creative_platform/video/t2v"),
                     textToVideo(QStringLiteral("A dog")), newTrace(), token)
                    .respInt("video_id") > 0);
        m_server.reset(); // everything on disk, the WAL included
        QDirIterator it(config().stateDir, QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            ++files;
            QVERIFY2(!bytes.contains(token.toLatin1()), qPrintable(file.fileName()));
            QVERIFY2(!bytes.contains(SandboxConfig().apiKeys.first().toLatin1()),
                     qPrintable(file.fileName()));
            QVERIFY2(!bytes.contains(secret), qPrintable(file.fileName()));
        }
        QVERIFY(files >= 1);
    }

    void secondSandboxOnTheSameStateIsRefused() {
        SandboxServer second(config());
        QVERIFY(!second.start());
        QVERIFY2(second.errorString().contains(QStringLiteral("in use")),
                 qPrintable(second.errorString()));
        QString why;
        QVERIFY(!resetState(config().stateDir, &why)); // not under a running sandbox
        QVERIFY(!why.isEmpty());
    }

    void resetStartsAfresh() {
        const qint64 id = create(QStringLiteral("A kite")).respInt("video_id");
        QVERIFY(id > 0);
        m_server.reset();
        QString why;
        QVERIFY2(resetState(config().stateDir, &why), qPrintable(why));
        restart();
        QCOMPARE(result(id).errCode(), 500008);
        QCOMPARE(m_server->stats().generationsCreated, 0);
    }

    void executableKeepsItsState() {
        const QString exe = test::appExecutable(QStringLiteral("pixverse-sandbox"));
        QVERIFY(!exe.isEmpty());
        m_server.reset();
        const QString dir = m_dir->filePath(QStringLiteral("exe-state"));
        auto startExe = [&](QProcess& p, const QStringList& extra) {
            p.start(exe, QStringList{QStringLiteral("--state"), dir} + extra);
            QVERIFY(p.waitForStarted());
            QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine(), 10000);
        };
        QProcess first;
        startExe(first, {});
        const QString base = QString::fromUtf8(first.readLine()).trimmed();
        QVERIFY(base.startsWith(QStringLiteral("http://127.0.0.1:")));
        // Through the server object's helpers: a client of the executable's URL.
        m_server = std::make_unique<SandboxServer>(); // only for request(): key and base URL
        QVERIFY(m_server->start());
        auto req = [&](const QString& path) { return base + path; };
        const Reply created = post(req(QStringLiteral("/openapi/v2/video/text/generate")),
                                   textToVideo(QStringLiteral("A windmill")));
        const qint64 id = created.respInt("video_id");
        QVERIFY(id > 0);
        first.kill(); // SIGKILL right after the answer: nothing may be lost
        QVERIFY(first.waitForFinished());
        m_nam.clearConnectionCache();

        QProcess second;
        startExe(second, {});
        const QString base2 = QString::fromUtf8(second.readLine()).trimmed();
        QCOMPARE(base2, base); // the port was free again
        const Reply found = get(base2 + QStringLiteral("/openapi/v2/video/result/%1").arg(id));
        QCOMPARE(found.errCode(), 0);
        QCOMPARE(found.resp().value(QLatin1String("prompt")).toString(),
                 QStringLiteral("A windmill"));
        second.terminate();
        QVERIFY(second.waitForFinished());
        m_nam.clearConnectionCache();

        QProcess third;
        startExe(third, {QStringLiteral("--reset")});
        const QString base3 = QString::fromUtf8(third.readLine()).trimmed();
        QCOMPARE(get(base3 + QStringLiteral("/openapi/v2/video/result/%1").arg(id)).errCode(),
                 500008);
        third.kill();
        QVERIFY(third.waitForFinished());
    }
};

QTEST_GUILESS_MAIN(TstSandboxRestart)
#include "tst_sandbox_restart.moc"
