// VideoDownloader against the sandbox's media route: streaming to a part file, resuming with
// Range, retrying a dropped transfer, refusing what is not an MP4.
#include "core/api/ApiClient.h"
#include "core/api/OpenApiRequests.h"
#include "core/jobs/VideoDownloader.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/support/Await.h"
#include "tests/support/TestSupport.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;
using pixverse::test::await;

class TestVideoDownloader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void downloadsTheWholeClip();
    void resumesFromAPartFile();
    void retriesADroppedTransfer();
    void notReadyIsAnHttpError();
    void refusesWhatIsNotAnMp4();
    void refusesInsecureUrls();

private:
    VideoStatus finishedVideo(const QString& quality, const QString& aspect);
    static QByteArray readAll(const QString& path);
    Result<QString> download(const QUrl& url, const QString& target);

    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    QNetworkAccessManager m_network;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<VideoDownloader> m_downloader;
    QTemporaryDir m_dir;
};

void TestVideoDownloader::initTestCase() {
    m_sandbox = std::make_unique<sandbox::SandboxHost>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    m_client = std::make_unique<ApiClient>(&m_network);
    QVERIFY(!m_client->setBaseUrl(m_sandbox->baseUrl()).isError());
    m_client->setCredential(openapi::kCredentialHeader, m_sandbox->defaultApiKey());
}

void TestVideoDownloader::init() {
    m_sandbox->clearFaults();
    m_downloader = std::make_unique<VideoDownloader>(&m_network);
    m_downloader->setRetryPolicy({3, 20, 100});
}

VideoStatus TestVideoDownloader::finishedVideo(const QString& quality, const QString& aspect) {
    GenerationRequest request;
    request.prompt = QStringLiteral("A lighthouse in a storm");
    request.quality = quality;
    request.aspectRatio = aspect;
    const auto created = await<Result<CreatedVideo>>([&](auto done) {
        m_client->call(openapi::TextToVideoRequest(request), nullptr,
                       std::function<void(Result<CreatedVideo>)>(done));
    });
    if (!created || !created->ok())
        return {};
    m_sandbox->advanceClock(120 * 1000);
    const auto status = await<Result<VideoStatus>>([&](auto done) {
        m_client->call(openapi::VideoResultRequest(created->value->videoId), nullptr,
                       std::function<void(Result<VideoStatus>)>(done));
    });
    return status && status->ok() ? *status->value : VideoStatus{};
}

QByteArray TestVideoDownloader::readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Result<QString> TestVideoDownloader::download(const QUrl& url, const QString& target) {
    const auto result = await<Result<QString>>(
        [&](auto done) { m_downloader->download(url, target, nullptr, done); });
    return result.value_or(Result<QString>::failure(ApiError::timeout()));
}

void TestVideoDownloader::downloadsTheWholeClip() {
    const VideoStatus video = finishedVideo(QStringLiteral("540p"), QStringLiteral("16:9"));
    QCOMPARE(video.state, VideoState::Succeeded);
    const QString target = m_dir.filePath(QStringLiteral("whole.mp4"));
    qint64 lastReceived = 0;
    const auto saved = await<Result<QString>>([&](auto done) {
        m_downloader->download(QUrl(video.url), target, nullptr, done,
                               [&](qint64 received, qint64) { lastReceived = received; });
    });
    QVERIFY(saved && saved->ok());
    QCOMPARE(*saved->value, target);
    const QByteArray expected =
        readAll(pixverse::test::clipsDir() + QStringLiteral("/960x540.mp4"));
    QVERIFY(!expected.isEmpty());
    QCOMPARE(readAll(target), expected);
    QCOMPARE(lastReceived, expected.size());
    QVERIFY2(!QFile::exists(VideoDownloader::partPath(target)), "the part file became the video");
}

void TestVideoDownloader::resumesFromAPartFile() {
    const VideoStatus video = finishedVideo(QStringLiteral("360p"), QStringLiteral("1:1"));
    const QByteArray expected =
        readAll(pixverse::test::clipsDir() + QStringLiteral("/360x360.mp4"));
    QVERIFY(expected.size() > 1000);
    const QString target = m_dir.filePath(QStringLiteral("resumed.mp4"));
    {
        QFile part(VideoDownloader::partPath(target));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(expected.left(expected.size() / 2));
    }
    const qint64 before = m_sandbox->stats().mediaRequests;
    const auto saved = download(QUrl(video.url), target);
    QVERIFY2(saved.ok(), qPrintable(saved.error.logText()));
    QCOMPARE(readAll(target), expected);
    QCOMPARE(m_sandbox->stats().mediaRequests, before + 1);
}

void TestVideoDownloader::retriesADroppedTransfer() {
    const VideoStatus video = finishedVideo(QStringLiteral("540p"), QStringLiteral("4:3"));
    sandbox::SandboxFault fault;
    fault.kind = sandbox::SandboxFault::Kind::DropConnection;
    fault.pathContains = QStringLiteral("/media/");
    fault.count = 1;
    m_sandbox->injectFault(fault);
    const QString target = m_dir.filePath(QStringLiteral("retried.mp4"));
    const auto saved = download(QUrl(video.url), target);
    QVERIFY2(saved.ok(), qPrintable(saved.error.logText()));
    QCOMPARE(readAll(target), readAll(pixverse::test::clipsDir() + QStringLiteral("/720x540.mp4")));
}

void TestVideoDownloader::notReadyIsAnHttpError() {
    QUrl url = m_sandbox->baseUrl();
    url.setPath(QStringLiteral("/media/video/1.mp4"));
    const QString target = m_dir.filePath(QStringLiteral("missing.mp4"));
    const auto saved = download(url, target);
    QCOMPARE(saved.error.kind(), ApiError::Kind::Http);
    QCOMPARE(saved.error.httpStatus(), 404);
    QVERIFY(!QFile::exists(target));
}

void TestVideoDownloader::refusesWhatIsNotAnMp4() {
    QImage image(32, 32, QImage::Format_RGB32);
    image.fill(Qt::red);
    const QString png = m_dir.filePath(QStringLiteral("red.png"));
    QVERIFY(image.save(png, "PNG"));
    const auto uploaded = await<Result<UploadedImage>>([&](auto done) {
        m_client->call(openapi::UploadImageRequest(png, QStringLiteral("red.png"), "image/png"),
                       nullptr, std::function<void(Result<UploadedImage>)>(done));
    });
    QVERIFY(uploaded && uploaded->ok());
    const QString target = m_dir.filePath(QStringLiteral("not-a-video.mp4"));
    const auto saved = download(QUrl(uploaded->value->url), target);
    QCOMPARE(saved.error.kind(), ApiError::Kind::MalformedReply);
    QVERIFY(!QFile::exists(target));
    QVERIFY(!QFile::exists(VideoDownloader::partPath(target)));
}

void TestVideoDownloader::refusesInsecureUrls() {
    const auto saved = download(QUrl(QStringLiteral("http://media.pixverse.ai/v.mp4")),
                                m_dir.filePath(QStringLiteral("x.mp4")));
    QCOMPARE(saved.error.kind(), ApiError::Kind::InsecureUrl);
}

QTEST_GUILESS_MAIN(TestVideoDownloader)
#include "tst_videodownloader.moc"
