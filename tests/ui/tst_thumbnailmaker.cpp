// ThumbnailMaker against real files: a clip gives a thumbnail, and files the media backend
// cannot open (missing, not a video) fail with a reason and never take the app down. The second
// case crashed the window: the backend fails inside setSource(), and the maker then called play()
// on the player it had already let go.
#include "core/jobs/JobStore.h"
#include "tests/core/jobs/JobTestFixture.h"
#include "tests/support/TestSupport.h"
#include "ui/ThumbnailMaker.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;

class TestThumbnailMaker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void makesOneForAClipAndFailsCleanlyForTheRest();

private:
    qint64 addDone(JobStore& store, const QString& videoPath) {
        Job job;
        job.request = test::JobTestBed::request(QStringLiteral("A lighthouse in a storm"));
        job.state = JobState::Done;
        job.videoPath = videoPath;
        const Result<Job> added = store.add(job);
        return added.ok() ? added.value->id : 0;
    }
};

void TestThumbnailMaker::makesOneForAClipAndFailsCleanlyForTheRest() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    JobStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("data"))));

    // A Cyrillic name, as a Russian prompt gives the file (JobLibrary names it after the prompt).
    const QString clip = dir.filePath(QStringLiteral("маяк-в-шторм.mp4"));
    QVERIFY(QFile::copy(QDir(test::clipsDir()).filePath(QStringLiteral("640x360.mp4")), clip));
    const QString notVideo = dir.filePath(QStringLiteral("notes.mp4"));
    QFile text(notVideo);
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("this is not a video\n");
    text.close();
    const QString missing = dir.filePath(QStringLiteral("gone.mp4"));

    const qint64 good = addDone(store, clip);
    const qint64 bad = addDone(store, notVideo);
    const qint64 gone = addDone(store, missing);
    QVERIFY(good && bad && gone);

    ThumbnailMaker maker(&store);
    maker.setOutputDir(dir.filePath(QStringLiteral("thumbnails")));
    maker.setTimeout(20000);
    QSignalSpy made(&maker, &ThumbnailMaker::thumbnailMade);
    QSignalSpy failed(&maker, &ThumbnailMaker::thumbnailFailed);
    // Served most recent first: the broken ones before the clip, so the maker must go on after
    // each failure.
    maker.request(good);
    maker.request(bad);
    maker.request(gone);

    QTRY_COMPARE_WITH_TIMEOUT(made.size() + failed.size(), 3, 30000);
    QCOMPARE(made.size(), 1);
    QCOMPARE(made.at(0).at(0).toLongLong(), good);
    QVERIFY(QFile::exists(made.at(0).at(1).toString()));
    QCOMPARE(store.job(good)->thumbnailPath, made.at(0).at(1).toString());
    QList<qint64> failedIds;
    for (const QList<QVariant>& args : std::as_const(failed)) {
        failedIds << args.at(0).toLongLong();
        QVERIFY2(!args.at(1).toString().isEmpty(), "a failure says why");
    }
    std::sort(failedIds.begin(), failedIds.end());
    QCOMPARE(failedIds, (QList<qint64>{bad, gone}));
    QVERIFY(store.job(bad)->thumbnailPath.isEmpty());
}

QTEST_MAIN(TestThumbnailMaker)
#include "tst_thumbnailmaker.moc"
