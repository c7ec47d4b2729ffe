// What the save step leaves on disk for a job made through the engine against the sandbox
// (issue 18): the MP4 carries its title and prompt in its own metadata before the job is Done
// (the CLI runs the same engine), the sidecar carries the marks, and a board with a folder gets
// its copy once the video is saved.
#include "JobTestFixture.h"
#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobListModel.h"
#include "core/media/VideoMetadata.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace pixverse;
using pixverse::test::JobTestBed;

class TestSavedVideoFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theVideoSaysItsPromptBeforeItIsDone();
};

void TestSavedVideoFiles::theVideoSaysItsPromptBeforeItIsDone() {
    JobTestBed bed;
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    JobEngine* engine = bed.makeEngine(bed.fastOptions());
    const QString boardFolder = bed.dir.filePath(QStringLiteral("Keepers"));
    const Result<Board> board = bed.store->addBoard(QStringLiteral("Keepers"), boardFolder);
    QVERIFY(board.ok());
    GenerationRequest request = JobTestBed::request(
        QStringLiteral("Маяк в шторм: waves climb the rocks,\nthen the light sweeps the sea"));
    const Result<Job> added = engine->enqueue(request);
    QVERIFY(added.ok());
    const qint64 id = added.value->id;
    // Put on the board before it is made: its copy comes when it is saved.
    engine->library()->setOnBoard({id}, board.value->id, true);
    engine->library()->setRating({id}, 4);

    std::optional<VideoMetadata> whenDone;
    connect(engine, &JobEngine::jobSettled, this, [&](qint64 jobId, JobState state) {
        if (jobId == id && state == JobState::Done)
            whenDone = readVideoMetadata(bed.store->job(id)->videoPath);
    });
    engine->start();
    QTRY_VERIFY_WITH_TIMEOUT(bed.store->job(id)->state == JobState::Done, 30000);
    const Job job = *bed.store->job(id);

    const VideoMetadata expected{JobListModel::titleOf(job),
                                 request.prompt + u'\n' +
                                     JobListModel::settingsTextOf(job, ModelCatalog::builtIn())};
    QVERIFY(expected.comment.contains(QStringLiteral("540p")));
    QVERIFY(whenDone);
    QCOMPARE(*whenDone, expected);
    QCOMPARE(readVideoMetadata(job.videoPath), std::optional<VideoMetadata>(expected));

    QFile sidecar(job.sidecarPath);
    QVERIFY(sidecar.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(sidecar.readAll()).object();
    QCOMPARE(json.value(QLatin1String("rating")).toInt(), 4);
    QCOMPARE(json.value(QLatin1String("boards")).toArray(), QJsonArray{QStringLiteral("Keepers")});

    const QString copy = QDir(boardFolder).filePath(QFileInfo(job.videoPath).fileName());
    QTRY_VERIFY(
        QFileInfo::exists(QDir(boardFolder).filePath(QFileInfo(job.sidecarPath).fileName())));
    QCOMPARE(readVideoMetadata(copy), std::optional<VideoMetadata>(expected));
    QCOMPARE(QFileInfo(copy).size(), QFileInfo(job.videoPath).size());
}

QTEST_GUILESS_MAIN(TestSavedVideoFiles)
#include "tst_savedvideofiles.moc"
