// The OpenAPI routes of issue 16 over real loopback HTTP (a plain QNetworkAccessManager, no
// project client class): media upload, transition, extend, upscale, sound effect, lip sync and the
// speaker lists, with their prices, refusals and real clips, and the uploads kept across restarts.

#include "core/sandbox/OutputSize.h"
#include "core/sandbox/SandboxServer.h"
#include "core/sandbox/SandboxState.h"
#include "tests/core/sandbox/ClipProbe.h"
#include "tests/core/sandbox/OpenApiFixture.h"
#include "tests/support/TestSupport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QHttpMultiPart>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace pixverse;
using namespace pixverse::sandbox;
using namespace pixverse::test;

namespace {

//! A sample clip the build made (resources/clips).
QByteArray sampleClip(const QString& name) {
    QFile file(findClipsDir({}) + QLatin1Char('/') + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

//! A file of tests/core/media (made by ffmpeg at build time).
QByteArray testMedia(const QString& name) {
    QFile file(QStringLiteral(PIXVERSE_TEST_MEDIA_DIR "/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject v6Body(int duration = 5, const QString& quality = QStringLiteral("540p")) {
    return QJsonObject{{QStringLiteral("prompt"), QStringLiteral("A paper boat on a pond")},
                       {QStringLiteral("model"), QStringLiteral("v6")},
                       {QStringLiteral("duration"), duration},
                       {QStringLiteral("quality"), quality},
                       {QStringLiteral("aspect_ratio"), QStringLiteral("16:9")},
                       {QStringLiteral("seed"), 42},
                       {QStringLiteral("generate_audio_switch"), false}};
}

const QString kTransition = QStringLiteral("/openapi/v2/video/transition/generate");
const QString kExtend = QStringLiteral("/openapi/v2/video/extend/generate");
const QString kUpscale = QStringLiteral("/openapi/v2/video/upscale/generate");
const QString kSound = QStringLiteral("/openapi/v2/video/sound_effect/generate");
const QString kLipSync = QStringLiteral("/openapi/v2/video/lip_sync/generate");

} // namespace

class TstSandboxModes : public QObject, protected test::OpenApiFixture {
    Q_OBJECT

private:
    //! A finished text-to-video of `body`; -1 when refused.
    qint64 finishedVideo(const QJsonObject& body = v6Body()) {
        const HttpResult made = post(QStringLiteral("/openapi/v2/video/text/generate"), body);
        if (made.errCode() != 0)
            return -1;
        finishAll();
        return made.respInt("video_id");
    }

private Q_SLOTS:
    void init() {
        setUpNetwork();
        startServer();
    }

    void cleanup() { tearDown(); }

    void transitionTakesTheFirstFramesAspect() {
        const qint64 first = uploadImage(QSize(360, 640));
        const qint64 last = uploadImage(QSize(640, 360));
        QVERIFY(first > 0 && last > 0);
        QJsonObject body = v6Body(5);
        body.insert(QStringLiteral("first_frame_img"), first);
        body.insert(QStringLiteral("last_frame_img"), last);
        body.insert(QStringLiteral("generate_audio_switch"), true);
        const qint64 id = make(kTransition, body, 45); // V6 540p with audio: 9 credits/s
        QVERIFY(id > 0);
        const QJsonObject r = result(id);
        QCOMPARE(r.value(QLatin1String("outputWidth")).toInt(), 576); // the portrait first frame
        QCOMPARE(r.value(QLatin1String("outputHeight")).toInt(), 1024);
        QCOMPARE(r.value(QLatin1String("has_audio")).toBool(), true);
        const test::ClipStreams clip = download(id);
        QVERIFY(clip.loaded);
        QCOMPARE(clip.resolution, QSize(576, 1024));
        QVERIFY(clip.hasAudio);

        const qint64 created = m_server->stats().generationsCreated;
        QJsonObject noLast = body;
        noLast.remove(QStringLiteral("last_frame_img"));
        QCOMPARE(post(kTransition, noLast).errCode(), 400011);
        QCOMPARE(
            post(kTransition, with(body, {{QStringLiteral("last_frame_img"), 12345}})).errCode(),
            400032);
        QCOMPARE(post(kTransition, body, QStringLiteral("sk-other")).errCode(), 400032);
        QCOMPARE(post(kTransition, with(body, {{QStringLiteral("duration"), 16}})).errCode(),
                 400017);
        QCOMPARE(m_server->stats().generationsCreated, created);
    }

    void extendIsLongerAndKeepsTheSize_data() {
        QTest::addColumn<QString>("aspect");
        QTest::addColumn<QSize>("size");
        // V6 540p sizes by the long edge (§2.11): every shape has a longer clip to extend into.
        QTest::newRow("16:9") << QStringLiteral("16:9") << QSize(1024, 576);
        QTest::newRow("4:3") << QStringLiteral("4:3") << QSize(1024, 768);
        QTest::newRow("1:1") << QStringLiteral("1:1") << QSize(1024, 1024);
        QTest::newRow("3:4") << QStringLiteral("3:4") << QSize(768, 1024);
        QTest::newRow("9:16") << QStringLiteral("9:16") << QSize(576, 1024);
        QTest::newRow("3:2") << QStringLiteral("3:2") << QSize(1024, 682);
        QTest::newRow("2:3") << QStringLiteral("2:3") << QSize(682, 1024);
        QTest::newRow("21:9") << QStringLiteral("21:9") << QSize(1024, 438);
    }

    void extendIsLongerAndKeepsTheSize() {
        QFETCH(QString, aspect);
        QFETCH(QSize, size);
        const qint64 source = finishedVideo(
            with(v6Body(5, QStringLiteral("540p")), {{QStringLiteral("aspect_ratio"), aspect}}));
        QVERIFY(source > 0);
        const test::ClipStreams before = download(source);
        QVERIFY(before.loaded);
        QCOMPARE(before.resolution, size);

        // Quality renders the new part; the frame keeps the source's size (§2.14).
        QJsonObject body = v6Body(5, QStringLiteral("720p"));
        body.remove(QStringLiteral("aspect_ratio"));
        body.insert(QStringLiteral("source_video_id"), source);
        const qint64 extended = make(kExtend, body, 45); // V6 720p: 9 credits/s × 5
        QVERIFY(extended > 0);
        QCOMPARE(result(extended).value(QLatin1String("outputWidth")).toInt(), size.width());
        const test::ClipStreams after = download(extended);
        QVERIFY(after.loaded);
        QCOMPARE(after.resolution, size);
        QVERIFY2(
            after.durationMs > before.durationMs + 500,
            qPrintable(
                QStringLiteral("%1 ms after %2 ms").arg(after.durationMs).arg(before.durationMs)));

        // An extend of the extension is longer again.
        const qint64 again =
            make(kExtend, with(body, {{QStringLiteral("source_video_id"), extended}}), 45);
        QVERIFY(again > 0);
        QVERIFY(download(again).durationMs > after.durationMs + 500);
    }

    void extendRefusals() {
        const qint64 source = finishedVideo();
        QVERIFY(source > 0);
        const qint64 media = uploadMedia(sampleClip(QStringLiteral("960x540.mp4")),
                                         QStringLiteral("take.mp4"), "video/mp4")
                                 .respInt("media_id");
        QVERIFY(media > 0);
        QJsonObject body = v6Body();
        body.insert(QStringLiteral("source_video_id"), source);
        const qint64 created = m_server->stats().generationsCreated;
        QCOMPARE(post(kExtend, with(body, {{QStringLiteral("video_media_id"), media}})).errCode(),
                 400017); // both
        QJsonObject neither = body;
        neither.remove(QStringLiteral("source_video_id"));
        QCOMPARE(post(kExtend, neither).errCode(), 400011);
        QCOMPARE(
            post(kExtend, with(body, {{QStringLiteral("model"), QStringLiteral("c1")}})).errCode(),
            400017);
        QCOMPARE(post(kExtend, with(body, {{QStringLiteral("source_video_id"), 4242}})).errCode(),
                 500008);
        QCOMPARE(post(kExtend, body, QStringLiteral("sk-other")).errCode(), 500008);
        QCOMPARE(
            post(kExtend, with(body, {{QStringLiteral("source_video_id"), QStringLiteral("x")}}))
                .errCode(),
            400013);
        // Not finished yet.
        const HttpResult running =
            post(QStringLiteral("/openapi/v2/video/text/generate"), v6Body());
        QCOMPARE(post(kExtend, with(body, {{QStringLiteral("source_video_id"),
                                            running.respInt("video_id")}}))
                     .errCode(),
                 400017);
        // Deleted.
        QVERIFY(m_server->deleteVideo(source));
        QCOMPARE(post(kExtend, body).errCode(), 500064);
        QCOMPARE(m_server->stats().generationsCreated, created + 1); // only the running t2v
    }

    void extendRefusesASourceOf40Seconds() {
        // The service counts the source's length plus each new part: 15 + 15 + 15 = 45 s.
        qint64 id = finishedVideo(v6Body(15, QStringLiteral("360p")));
        QJsonObject body = v6Body(15, QStringLiteral("360p"));
        for (int i = 0; i < 2; ++i) {
            id = make(kExtend, with(body, {{QStringLiteral("source_video_id"), id}}), 75);
            QVERIFY(id > 0);
        }
        const HttpResult refused =
            post(kExtend, with(body, {{QStringLiteral("source_video_id"), id}}));
        QCOMPARE(refused.errCode(), 400017);
        QVERIFY(
            refused.json().value(QLatin1String("ErrMsg")).toString().contains(QLatin1String("40")));
    }

    void upscaleIsLarger() {
        const qint64 source = finishedVideo(v6Body(5, QStringLiteral("540p")));
        // Price not published: V6's rate at the source's quality (540p: 7/s) × 5 s.
        const qint64 id =
            make(kUpscale, QJsonObject{{QStringLiteral("source_video_id"), source}}, 35);
        QVERIFY(id > 0);
        const test::ClipStreams clip = download(id);
        QVERIFY(clip.loaded);
        QCOMPARE(clip.resolution, QSize(1280, 720)); // the next quality up, same aspect
        QCOMPARE(result(id).value(QLatin1String("resolution_ratio")).toInt(), 720);

        // 1080p is the top: the size stays.
        const qint64 top = finishedVideo(v6Body(1, QStringLiteral("1080p")));
        const qint64 same =
            make(kUpscale, QJsonObject{{QStringLiteral("source_video_id"), top}}, 18);
        QCOMPARE(download(same).resolution, QSize(1920, 1080));
        QCOMPARE(post(kUpscale, QJsonObject{}).errCode(), 400011);
    }

    void soundEffectAddsAnAudioTrack() {
        QJsonObject older{{QStringLiteral("prompt"), QStringLiteral("Waves on a beach")},
                          {QStringLiteral("model"), QStringLiteral("v4.5")},
                          {QStringLiteral("duration"), 8},
                          {QStringLiteral("quality"), QStringLiteral("540p")},
                          {QStringLiteral("aspect_ratio"), QStringLiteral("16:9")}};
        const qint64 source = finishedVideo(older);
        QVERIFY(!download(source).hasAudio);
        // 10 credits per started 5 s: 8 s → 20. The 2026 kit's `prompt` is read too.
        const qint64 id = make(kSound,
                               QJsonObject{{QStringLiteral("source_video_id"), source},
                                           {QStringLiteral("prompt"), QStringLiteral("sea waves")}},
                               20);
        QVERIFY(id > 0);
        const QJsonObject r = result(id);
        QCOMPARE(r.value(QLatin1String("has_audio")).toBool(), true);
        QCOMPARE(r.value(QLatin1String("prompt")).toString(), QStringLiteral("sea waves"));
        const test::ClipStreams clip = download(id);
        QVERIFY(clip.loaded);
        QVERIFY(clip.hasAudio);
        QCOMPARE(clip.resolution, QSize(960, 540));

        const qint64 five = finishedVideo(v6Body(5));
        QVERIFY(make(kSound,
                     QJsonObject{{QStringLiteral("source_video_id"), five},
                                 {QStringLiteral("sound_effect_content"), QStringLiteral("rain")},
                                 {QStringLiteral("original_sound_switch"), true}},
                     10) > 0);
        QCOMPARE(post(kSound,
                      QJsonObject{{QStringLiteral("source_video_id"), five},
                                  {QStringLiteral("sound_effect_content"), QStringLiteral("rain")},
                                  {QStringLiteral("prompt"), QStringLiteral("snow")}})
                     .errCode(),
                 400017);
        QCOMPARE(post(kSound, QJsonObject{{QStringLiteral("source_video_id"), five},
                                          {QStringLiteral("original_sound_switch"), 1}})
                     .errCode(),
                 400013);
    }

    void lipSyncWithAVoiceKeepsTheSize() {
        const qint64 source = finishedVideo(v6Body(5, QStringLiteral("720p")));
        const QString text =
            QStringLiteral("Hello, this is Harry. Where are you from?"); // 41 bytes
        const QJsonObject body{{QStringLiteral("source_video_id"), source},
                               {QStringLiteral("lip_sync_tts_speaker_id"), QStringLiteral("Auto")},
                               {QStringLiteral("lip_sync_tts_content"), text}};
        const qint64 id = make(kLipSync, body, 12); // 4 per started 15 bytes: 3 × 4
        QVERIFY(id > 0);
        const test::ClipStreams clip = download(id);
        QVERIFY(clip.loaded);
        QCOMPARE(clip.resolution, QSize(1280, 720));
        QVERIFY(clip.hasAudio);

        const qint64 created = m_server->stats().generationsCreated;
        QCOMPARE(post(kLipSync, with(body, {{QStringLiteral("lip_sync_tts_speaker_id"),
                                             QStringLiteral("99")}}))
                     .errCode(),
                 400017);
        QJsonObject speakerOnly = body;
        speakerOnly.remove(QStringLiteral("lip_sync_tts_content"));
        QCOMPARE(post(kLipSync, speakerOnly).errCode(), 400011);
        QCOMPARE(post(kLipSync, QJsonObject{{QStringLiteral("source_video_id"), source}}).errCode(),
                 400011);
        QCOMPARE(post(kLipSync, with(body, {{QStringLiteral("audio_media_id"), 1}})).errCode(),
                 400017);
        QJsonObject noVideo = body;
        noVideo.remove(QStringLiteral("source_video_id"));
        QCOMPARE(post(kLipSync, noVideo).errCode(), 400011);
        QCOMPARE(m_server->stats().generationsCreated, created);
    }

    void mediaUploadAnswersAndRefusals() {
        const QByteArray clip = sampleClip(QStringLiteral("1024x576-audio.mp4"));
        QVERIFY(!clip.isEmpty());
        const HttpResult video = uploadMedia(clip, QStringLiteral("take.mp4"), "video/mp4");
        QCOMPARE(video.errCode(), 0);
        QVERIFY(video.respInt("media_id") > 0);
        QCOMPARE(video.resp().value(QLatin1String("media_type")).toString(),
                 QStringLiteral("video"));
        const QString url = video.resp().value(QLatin1String("url")).toString();
        const HttpResult stored = get(url);
        QCOMPARE(stored.status, 200);
        QCOMPARE(stored.body, clip);
        QCOMPARE(stored.contentType, QByteArray("video/mp4"));

        // Audio: an accepted audio type, even in an MP4 container.
        const HttpResult audio = uploadMedia(clip, QStringLiteral("voice.m4a"), "audio/x-m4a");
        QCOMPARE(audio.errCode(), 0);
        QCOMPARE(audio.resp().value(QLatin1String("media_type")).toString(),
                 QStringLiteral("audio"));

        const qint64 uploads = m_server->stats().mediaUploads;
        QCOMPARE(uploads, 2);
        QCOMPARE(
            uploadMedia(pngBytes(QSize(8, 8)), QStringLiteral("still.png"), "image/png").errCode(),
            500032);
        QCOMPARE(uploadMedia(clip, QStringLiteral("take.avi"), "video/x-msvideo").errCode(),
                 500032);
        QCOMPARE(form(QStringLiteral("/openapi/v2/media/upload"),
                      {FormPart{QStringLiteral("other"), "x", {}, {}}})
                     .errCode(),
                 400011);
        QCOMPARE(form(QStringLiteral("/openapi/v2/media/upload"),
                      {FormPart{QStringLiteral("file"), clip, QStringLiteral("a.mp4"), "video/mp4"},
                       FormPart{QStringLiteral("file_url"), url.toUtf8(), {}, {}}})
                     .errCode(),
                 400017);
        // No outside network: only what the sandbox serves itself.
        QCOMPARE(form(QStringLiteral("/openapi/v2/media/upload"),
                      {FormPart{QStringLiteral("file_url"), "https://example.com/a.mp4", {}, {}}})
                     .errCode(),
                 500041);
        QCOMPARE(m_server->stats().mediaUploads, uploads);
        const HttpResult byUrl = form(QStringLiteral("/openapi/v2/media/upload"),
                                      {FormPart{QStringLiteral("file_url"), url.toUtf8(), {}, {}}});
        QCOMPARE(byUrl.errCode(), 0);
        QCOMPARE(byUrl.resp().value(QLatin1String("media_type")).toString(),
                 QStringLiteral("video"));
    }

    void uploadsAreProbed() {
        const HttpResult wav = uploadMedia(testMedia(QStringLiteral("speech.wav")),
                                           QStringLiteral("speech.wav"), "audio/wav");
        QCOMPARE(wav.errCode(), 0);
        QCOMPARE(wav.resp().value(QLatin1String("media_type")).toString(), QStringLiteral("audio"));
        QVERIFY(!wav.resp().contains(QLatin1String("width")));
        // No type given: the file name's extension names it.
        QCOMPARE(uploadMedia(testMedia(QStringLiteral("clip.mov")), QStringLiteral("clip.mov"),
                             "application/octet-stream")
                     .resp()
                     .value(QLatin1String("width"))
                     .toInt(),
                 160);
        QCOMPARE(uploadMedia(testMedia(QStringLiteral("clip.webm")), QStringLiteral("clip.webm"),
                             "video/webm")
                     .errCode(),
                 0);

        const qint64 uploads = m_server->stats().mediaUploads;
        // Over 30 s, wider than 1920 px: the upload limits (§2.12).
        QCOMPARE(uploadMedia(testMedia(QStringLiteral("31s.mp4")), QStringLiteral("31s.mp4"),
                             "video/mp4")
                     .errCode(),
                 500030);
        QCOMPARE(uploadMedia(testMedia(QStringLiteral("long-speech.mp3")),
                             QStringLiteral("long.mp3"), "audio/mpeg")
                     .errCode(),
                 500030);
        QCOMPARE(uploadMedia(testMedia(QStringLiteral("wide.mp4")), QStringLiteral("wide.mp4"),
                             "video/mp4")
                     .errCode(),
                 500030);
        // A type outside the list, sound sent as a video, bytes that are no media.
        QCOMPARE(uploadMedia(testMedia(QStringLiteral("clip.mkv")), QStringLiteral("clip.mkv"),
                             "video/x-matroska")
                     .errCode(),
                 500032);
        QCOMPARE(uploadMedia(testMedia(QStringLiteral("speech.mp3")), QStringLiteral("speech.mp4"),
                             "video/mp4")
                     .errCode(),
                 500032);
        QCOMPARE(
            uploadMedia(QByteArray(4096, 'x'), QStringLiteral("noise.mp4"), "video/mp4").errCode(),
            500031);
        QCOMPARE(m_server->stats().mediaUploads, uploads);

        // Lip sync with an uploaded audio: 4 credits per second of it (2 s → 8).
        const qint64 source = finishedVideo(v6Body(5));
        const qint64 id =
            make(kLipSync,
                 QJsonObject{{QStringLiteral("source_video_id"), source},
                             {QStringLiteral("audio_media_id"), wav.respInt("media_id")}},
                 8);
        QVERIFY(id > 0);
        QVERIFY(download(id).hasAudio);
        // A video id given as the audio is refused.
        const qint64 video = uploadMedia(sampleClip(QStringLiteral("640x360.mp4")),
                                         QStringLiteral("take.mp4"), "video/mp4")
                                 .respInt("media_id");
        QCOMPARE(post(kLipSync, QJsonObject{{QStringLiteral("source_video_id"), source},
                                            {QStringLiteral("audio_media_id"), video}})
                     .errCode(),
                 400017);
    }

    void uploadedSourcesAreContinued() {
        const HttpResult video = uploadMedia(sampleClip(QStringLiteral("1024x576.mp4")),
                                             QStringLiteral("take.mp4"), "video/mp4");
        const qint64 mediaId = video.respInt("media_id");
        QVERIFY(mediaId > 0);
        // An audio id is no video source, and another key's media is unknown.
        const HttpResult audio = uploadMedia(sampleClip(QStringLiteral("1024x576-audio.mp4")),
                                             QStringLiteral("voice.m4a"), "audio/x-m4a");
        QCOMPARE(post(kUpscale,
                      QJsonObject{{QStringLiteral("video_media_id"), audio.respInt("media_id")}})
                     .errCode(),
                 400017);
        QCOMPARE(post(kUpscale, QJsonObject{{QStringLiteral("video_media_id"), mediaId}},
                      QStringLiteral("sk-other"))
                     .errCode(),
                 500008);

        QJsonObject body = v6Body(2);
        body.insert(QStringLiteral("video_media_id"), mediaId);
        const qint64 extended = make(kExtend, body, 14);
        QVERIFY(extended > 0);
        const test::ClipStreams clip = download(extended);
        QVERIFY(clip.loaded);
        QCOMPARE(clip.resolution, QSize(1024, 576)); // the upload's size

        const qint64 synced =
            post(kLipSync,
                 QJsonObject{{QStringLiteral("video_media_id"), mediaId},
                             {QStringLiteral("audio_media_id"), audio.respInt("media_id")}})
                .respInt("credits");
        QCOMPARE(synced, 4); // 4 per second of audio: the 1 s clip
    }

    // Credits, the concurrency limit and the trace-id replay are those of every create.
    void createsShareCreditsAndReplay() {
        const qint64 source = finishedVideo(v6Body(5));
        const QJsonObject sound{{QStringLiteral("source_video_id"), source}};
        QNetworkRequest r = request(kSound, m_key);
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        const QByteArray body = QJsonDocument(sound).toJson(QJsonDocument::Compact);
        const HttpResult first = finish(m_nam->post(r, body));
        QCOMPARE(first.errCode(), 0);
        const qint64 after = balance();
        const HttpResult again = finish(m_nam->post(r, body)); // the same trace id
        QCOMPARE(again.body, first.body);
        QCOMPARE(balance(), after); // charged once
        QCOMPARE(m_server->stats().replayedAnswers, 1);

        m_server->setCredits(m_key, 0, 9);
        const qint64 created = m_server->stats().generationsCreated;
        QCOMPARE(post(kSound, sound).errCode(), 500090); // 10 credits, 9 left
        QCOMPARE(m_server->stats().generationsCreated, created);
        m_server->setCredits(m_key, 0, 100000);
        SandboxFault busy;
        busy.kind = SandboxFault::Kind::ServiceError;
        busy.errCode = 500069;
        busy.pathContains = QStringLiteral("upscale");
        m_server->injectFault(busy);
        QCOMPARE(post(kUpscale, sound).errCode(), 500069);
        QCOMPARE(post(kUpscale, sound).errCode(), 0);
    }

    void speakerListsPage() {
        const QString path = QStringLiteral("/openapi/v2/video/tts_speaker");
        const HttpResult first =
            get(path + QStringLiteral("?page_num=1&page_size=10&speaker_type=all"));
        QCOMPARE(first.errCode(), 0);
        QCOMPARE(first.respInt("total"), 15);
        const QJsonArray page1 = first.resp().value(QLatin1String("data")).toArray();
        QCOMPARE(page1.size(), 10);
        QCOMPARE(page1.at(0).toObject().value(QLatin1String("speaker_id")).toString(),
                 QStringLiteral("1"));
        QCOMPARE(page1.at(0).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("Emily"));
        const QJsonArray page2 = get(path + QStringLiteral("?page_num=2&page_size=10"))
                                     .resp()
                                     .value(QLatin1String("data"))
                                     .toArray();
        QCOMPARE(page2.size(), 5);
        QCOMPARE(page2.last().toObject().value(QLatin1String("speaker_id")).toString(),
                 QStringLiteral("Auto"));
        QCOMPARE(get(path + QStringLiteral("?page_num=1&page_size=15")).errCode(), 400017);
        QCOMPARE(get(path + QStringLiteral("?page_size=10")).errCode(), 400011);
        QCOMPARE(get(path + QStringLiteral("?page_num=1&page_size=10&speaker_type=custom"))
                     .respInt("total"),
                 0);
        const HttpResult legacy =
            get(QStringLiteral("/openapi/v2/video/lip_sync/tts_list?page_num=1&page_size=20"));
        QCOMPARE(legacy.respInt("total"), 15);
        QCOMPARE(legacy.resp().value(QLatin1String("data")).toArray().size(), 15);

        // The switch of an older service: the 2026 route is missing, the older one answers.
        SandboxConfig config;
        config.speakerRouteMissing = true;
        startServer(config);
        QCOMPARE(get(path + QStringLiteral("?page_num=1&page_size=10")).status, 404);
        QCOMPARE(get(QStringLiteral("/openapi/v2/video/lip_sync/tts_list?page_num=1&page_size=20"))
                     .respInt("total"),
                 15);
    }

    void restartKeepsUploadedMedia() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SandboxConfig config;
        config.stateDir = dir.path();
        startServer(config);
        const QByteArray clip = sampleClip(QStringLiteral("640x360.mp4"));
        const HttpResult video = uploadMedia(clip, QStringLiteral("take.mp4"), "video/mp4");
        const qint64 mediaId = video.respInt("media_id");
        QVERIFY(mediaId > 0);
        const qint64 source = finishedVideo(v6Body(5));
        QJsonObject body = v6Body(1);
        body.insert(QStringLiteral("source_video_id"), source);
        const qint64 extended = make(kExtend, body, 7);
        QVERIFY(extended > 0);

        startServer(config); // a restart on the same state
        QCOMPARE(get(video.resp().value(QLatin1String("url")).toString()).body, clip);
        QCOMPARE(m_server->stats().mediaUploads, 1);
        QVERIFY(make(kUpscale, QJsonObject{{QStringLiteral("video_media_id"), mediaId}}, 5) > 0);
        // The extended video is still longer than its source after the restart.
        QVERIFY(download(extended).durationMs > download(source).durationMs + 500);
        // A new upload gets a new id.
        QVERIFY(uploadMedia(clip, QStringLiteral("again.mp4"), "video/mp4").respInt("media_id") !=
                mediaId);
    }
};

QTEST_MAIN(TstSandboxModes)
#include "tst_sandbox_modes.moc"
