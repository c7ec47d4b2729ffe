// The creator's marks (issue 18) on a real store and real files: each mark is committed and
// then reaches the job's sidecar (written on the thread pool), tags are cleaned, one pick per
// group, boards with a folder get a copy of the video, and the cleanups send exactly the swept
// jobs' files to the desktop's trash (XDG_DATA_HOME/Trash under the test's HOME).
#include "LibraryFixture.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QThreadPool>

using namespace pixverse;
using pixverse::test::LibraryFixture;

class TestLibraryMarks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void eachMarkReachesTheSidecar();
    void tagsAreCleaned();
    void onePickPerGroup();
    void theLastMarkWins();
    void marksSurviveARestart();
    void boardFoldersGetCopies();
    void removeAllButPickedAndStarred();
    void aFailingTrashKeepsTheJob();

private:
    static QString trashed(const QString& path);
    static QStringList sidecarTags(const Job& job);
};

QString TestLibraryMarks::trashed(const QString& path) {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("Trash/files/") + QFileInfo(path).fileName());
}

QStringList TestLibraryMarks::sidecarTags(const Job& job) {
    QStringList tags;
    for (const QJsonValue& tag :
         LibraryFixture::readJson(job.sidecarPath).value(QLatin1String("tags")).toArray())
        tags.append(tag.toString());
    return tags;
}

void TestLibraryMarks::eachMarkReachesTheSidecar() {
    LibraryFixture files;
    QVERIFY(files.ok());
    const Job job = files.addDone(QStringLiteral("a lighthouse in a storm"), 1001);
    QVERIFY(QFileInfo::exists(job.sidecarPath));
    const auto sidecar = [&job] { return LibraryFixture::readJson(job.sidecarPath); };
    QCOMPARE(sidecar().value(QLatin1String("rating")).toInt(), 0);
    QCOMPARE(sidecar().value(QLatin1String("boards")).toArray(), QJsonArray());
    QVERIFY(!sidecar().contains(QLatin1String("group"))); // a job of its own

    files.library->setRating({job.id}, 4);
    QCOMPARE(files.store->job(job.id)->rating, 4); // committed before the call returns
    QTRY_COMPARE(sidecar().value(QLatin1String("rating")).toInt(), 4);
    files.library->setRating({job.id}, 9);
    QCOMPARE(files.store->job(job.id)->rating, 5);
    QTRY_COMPARE(sidecar().value(QLatin1String("rating")).toInt(), 5);

    files.library->setRejected({job.id}, true);
    QTRY_COMPARE(sidecar().value(QLatin1String("rejected")), QJsonValue(true));
    files.library->pick(job.id);
    QTRY_COMPARE(sidecar().value(QLatin1String("picked")), QJsonValue(true));
    files.library->setTags(job.id, {QStringLiteral("storm"), QStringLiteral("night")});
    QTRY_COMPARE(sidecarTags(job), (QStringList{QStringLiteral("storm"), QStringLiteral("night")}));

    const Result<Board> keepers = files.store->addBoard(QStringLiteral("Keepers"));
    const Result<Board> coast = files.store->addBoard(QStringLiteral("Coast"));
    QVERIFY(keepers.ok() && coast.ok());
    files.library->setOnBoard({job.id}, keepers.value->id, true);
    files.library->setOnBoard({job.id}, coast.value->id, true);
    QCOMPARE(files.store->job(job.id)->boards, (QList<qint64>{keepers.value->id, coast.value->id}));
    // By name, in the order of the boards' ids.
    QTRY_COMPARE(sidecar().value(QLatin1String("boards")).toArray(),
                 (QJsonArray{QStringLiteral("Keepers"), QStringLiteral("Coast")}));
    files.library->setOnBoard({job.id}, keepers.value->id, false);
    QTRY_COMPARE(sidecar().value(QLatin1String("boards")).toArray(),
                 QJsonArray{QStringLiteral("Coast")});

    files.library->setRejected({job.id}, false);
    QTRY_COMPARE(sidecar().value(QLatin1String("rejected")), QJsonValue(false));
    // The rest of the sidecar is as the save step wrote it.
    QCOMPARE(sidecar().value(QLatin1String("prompt")).toString(), job.request.prompt);
    QCOMPARE(sidecar().value(QLatin1String("video_file")).toString(),
             QFileInfo(job.videoPath).fileName());
    QCOMPARE(sidecar().value(QLatin1String("rating")).toInt(), 5);

    // A mark that changes nothing is no change at all.
    QSignalSpy changed(files.store.get(), &JobStore::jobChanged);
    files.library->setRating({job.id}, 5);
    QCOMPARE(changed.count(), 0);
}

void TestLibraryMarks::tagsAreCleaned() {
    LibraryFixture files;
    QVERIFY(files.ok());
    const Job job = files.addDone(QStringLiteral("tags"), 1002);
    files.library->setTags(job.id, {QStringLiteral("  Storm "), QStringLiteral("storm"), QString(),
                                    QStringLiteral("   "), QStringLiteral("sea  spray")});
    const QStringList clean{QStringLiteral("Storm"), QStringLiteral("sea spray")};
    QCOMPARE(files.store->job(job.id)->tags, clean);
    files.library->addTag({job.id}, QStringLiteral("STORM")); // already there
    QCOMPARE(files.store->job(job.id)->tags, clean);
    files.library->addTag({job.id}, QStringLiteral(" night "));
    QCOMPARE(files.store->job(job.id)->tags, clean + QStringList{QStringLiteral("night")});
    files.library->removeTag({job.id}, QStringLiteral("storm"));
    const QStringList left{QStringLiteral("sea spray"), QStringLiteral("night")};
    QCOMPARE(files.store->job(job.id)->tags, left);
    QTRY_COMPARE(sidecarTags(job), left);
}

void TestLibraryMarks::onePickPerGroup() {
    LibraryFixture files;
    QVERIFY(files.ok());
    const QList<Job> takes = files.addTakes(QStringLiteral("three takes"), 3, 2000);
    QCOMPARE(takes.size(), 3);
    const QJsonObject group =
        LibraryFixture::readJson(takes.at(1).sidecarPath).value(QLatin1String("group")).toObject();
    QCOMPARE(group.value(QLatin1String("id")).toInteger(), takes.at(0).id);
    QCOMPARE(group.value(QLatin1String("take")).toInt(), 1);
    QCOMPARE(group.value(QLatin1String("takes")).toInt(), 3);

    const auto picked = [&files, &takes](int i) {
        return files.store->job(takes.at(i).id)->picked;
    };
    const auto pickedInFile = [&takes](int i) {
        return LibraryFixture::readJson(takes.at(i).sidecarPath).value(QLatin1String("picked"));
    };
    files.library->pick(takes.at(1).id);
    QVERIFY(!picked(0) && picked(1) && !picked(2));
    QTRY_COMPARE(pickedInFile(1), QJsonValue(true));
    files.library->pick(takes.at(2).id);
    QVERIFY(!picked(0) && !picked(1) && picked(2));
    QTRY_COMPARE(pickedInFile(2), QJsonValue(true));
    QTRY_COMPARE(pickedInFile(1), QJsonValue(false)); // the one that lost its pick says so too
    QCOMPARE(pickedInFile(0), QJsonValue(false));
}

void TestLibraryMarks::theLastMarkWins() {
    LibraryFixture files;
    QVERIFY(files.ok());
    const Job job = files.addDone(QStringLiteral("quick keys"), 1003);
    for (int round = 0; round < 20; ++round) {
        for (int stars = 1; stars <= 5; ++stars)
            files.library->setRating({job.id}, stars);
    }
    files.library->setRating({job.id}, 3);
    QThreadPool::globalInstance()->waitForDone();
    const QJsonObject json = LibraryFixture::readJson(job.sidecarPath);
    QCOMPARE(json.value(QLatin1String("rating")).toInt(), 3);
    QCOMPARE(json.value(QLatin1String("prompt")).toString(), job.request.prompt);
    // Nothing half-written or left beside it (QSaveFile's temporary files).
    QCOMPARE(QDir(files.folder()).entryList(QDir::Files | QDir::Hidden).size(), 2);
}

void TestLibraryMarks::marksSurviveARestart() {
    LibraryFixture files;
    QVERIFY(files.ok());
    const QList<Job> takes = files.addTakes(QStringLiteral("restart"), 2, 1500);
    QCOMPARE(takes.size(), 2);
    const Result<Board> board = files.store->addBoard(QStringLiteral("Shortlist"));
    QVERIFY(board.ok());
    const qint64 id = takes.at(1).id;
    files.library->setRating({id}, 3);
    files.library->setTags(id, {QStringLiteral("dusk"), QStringLiteral("wide")});
    files.library->setOnBoard({id}, board.value->id, true);
    files.library->pick(id);
    QThreadPool::globalInstance()->waitForDone();

    // The app starts again: a new store on the same file, a new library.
    files.library.reset();
    files.store = std::make_unique<JobStore>();
    QVERIFY(files.store->open(files.dir.filePath(QStringLiteral("data"))));
    files.library = std::make_unique<JobLibrary>(files.store.get(), files.folder());
    const Job job = *files.store->job(id);
    QCOMPARE(job.rating, 3);
    QCOMPARE(job.tags, (QStringList{QStringLiteral("dusk"), QStringLiteral("wide")}));
    QCOMPARE(job.boards, QList<qint64>{board.value->id});
    QVERIFY(job.picked);
    // The sidecar says what the store says, the board by its name, the group with its size.
    const QJsonObject sidecar = LibraryFixture::readJson(job.sidecarPath);
    const QJsonObject marks = files.library->marksFor(job);
    for (auto mark = marks.begin(); mark != marks.end(); ++mark)
        QCOMPARE(sidecar.value(mark.key()), mark.value());
    QCOMPARE(sidecar.value(QLatin1String("boards")).toArray(),
             QJsonArray{QStringLiteral("Shortlist")});
    QCOMPARE(sidecar.value(QLatin1String("group")).toObject().value(QLatin1String("takes")).toInt(),
             2);
}

void TestLibraryMarks::boardFoldersGetCopies() {
    LibraryFixture files;
    QVERIFY(files.ok());
    const QString folder = files.dir.filePath(QStringLiteral("boards/Keepers"));
    const Result<Board> board = files.store->addBoard(QStringLiteral("Keepers"), folder);
    const Result<Board> plain = files.store->addBoard(QStringLiteral("No folder"));
    QVERIFY(board.ok() && plain.ok());
    const Job done = files.addDone(QStringLiteral("kept on a board"), 1004);
    files.library->setRating({done.id}, 5);
    files.library->setOnBoard({done.id}, plain.value->id, true);
    files.library->setOnBoard({done.id}, board.value->id, true);
    const QString copy = QDir(folder).filePath(JobLibrary::fileNameFor(done));
    QTRY_COMPARE(LibraryFixture::readBytes(copy), LibraryFixture::videoBytes(done));
    const QString sidecarCopy = QDir(folder).filePath(QFileInfo(done.sidecarPath).fileName());
    QTRY_COMPARE(LibraryFixture::readJson(sidecarCopy).value(QLatin1String("rating")).toInt(), 5);
    QCOMPARE(files.library->boardCopiesOf(*files.store->job(done.id)), QStringList{copy});

    // A job still being made gets its copy when it is saved (the save step calls this).
    Job later;
    later.request.prompt = QStringLiteral("saved later");
    later.videoId = 1005;
    later.state = JobState::Generating;
    later = *files.store->add(later).value;
    files.library->setOnBoard({later.id}, board.value->id, true);
    QThreadPool::globalInstance()->waitForDone();
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 2); // only the first job's files
    later.state = JobState::Done;
    later.boards = files.store->job(later.id)->boards;
    later = files.finish(later);
    files.library->copyToBoardFolders(later);
    QTRY_COMPARE(LibraryFixture::readBytes(QDir(folder).filePath(JobLibrary::fileNameFor(later))),
                 LibraryFixture::videoBytes(later));

    // Taken off the board, its copy stays: the folder's files are the creator's.
    files.library->setOnBoard({done.id}, board.value->id, false);
    QThreadPool::globalInstance()->waitForDone();
    QVERIFY(QFileInfo::exists(copy));

    // A board given a folder only now: the videos of its jobs are copied there too.
    const QString lateFolder = files.dir.filePath(QStringLiteral("boards/Late"));
    QVERIFY(files.library->setBoardFolder(plain.value->id, lateFolder).ok());
    QCOMPARE(files.store->board(plain.value->id)->folder, lateFolder);
    QTRY_COMPARE(
        LibraryFixture::readBytes(QDir(lateFolder).filePath(JobLibrary::fileNameFor(done))),
        LibraryFixture::videoBytes(done));
    QVERIFY(!files.library->setBoardFolder(9999, lateFolder).ok());
}

void TestLibraryMarks::removeAllButPickedAndStarred() {
    LibraryFixture files;
    QVERIFY(files.ok());
    const QString boardFolder = files.dir.filePath(QStringLiteral("board"));
    const Result<Board> board = files.store->addBoard(QStringLiteral("Board"), boardFolder);
    QVERIFY(board.ok());
    const QList<Job> takes = files.addTakes(QStringLiteral("take"), 3, 3000);
    const Job favourite = files.addDone(QStringLiteral("favourite"), 3100);
    const Job rated = files.addDone(QStringLiteral("rated"), 3101);
    const Job plain = files.addDone(QStringLiteral("plain"), 3102);
    const Job rejected = files.addDone(QStringLiteral("rejected"), 3103);
    const Job onBoard = files.addDone(QStringLiteral("on a board"), 3104);
    const Job notShown = files.addDone(QStringLiteral("filtered out"), 3105);
    Job running;
    running.request.prompt = QStringLiteral("still generating");
    running.state = JobState::Generating;
    running = *files.store->add(running).value;
    QVERIFY(takes.size() == 3 && favourite.id && rated.id && plain.id && rejected.id &&
            onBoard.id && notShown.id);
    files.library->pick(takes.at(0).id);
    files.library->setFavourite({favourite.id}, true);
    files.library->setRating({rated.id}, 1);
    files.library->setRejected({rejected.id, takes.at(2).id}, true);
    files.library->setOnBoard({onBoard.id}, board.value->id, true);
    const QString boardCopy = QDir(boardFolder).filePath(JobLibrary::fileNameFor(onBoard));
    QTRY_VERIFY(QFileInfo::exists(boardCopy));
    QString thumbnail = files.dir.filePath(QStringLiteral("plain.png"));
    QVERIFY(LibraryFixture::writeBytes(thumbnail, QByteArrayLiteral("png")));
    QVERIFY(files.library->setThumbnail(plain.id, thumbnail));

    const QList<qint64> shown{takes.at(0).id, takes.at(1).id, takes.at(2).id,
                              favourite.id,   rated.id,       plain.id,
                              rejected.id,    onBoard.id,     running.id};
    using Cleanup = JobLibrary::Cleanup;
    QCOMPARE(files.library->cleanupCandidates(Cleanup::Rejected, shown),
             (QList<qint64>{takes.at(2).id, rejected.id}));
    const QList<qint64> swept =
        files.library->cleanupCandidates(Cleanup::AllButPickedAndStarred, shown);
    QCOMPARE(swept,
             (QList<qint64>{takes.at(1).id, takes.at(2).id, plain.id, rejected.id, onBoard.id}));

    QThreadPool::globalInstance()->waitForDone(); // the marks' sidecars are written
    std::optional<JobLibrary::TrashResult> result;
    QObject context;
    files.library->trashJobsAsync(swept, &context,
                                  [&result](JobLibrary::TrashResult r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->removed, 5);
    QCOMPARE(result->failures, QStringList());
    for (const qint64 id : swept)
        QVERIFY(!files.store->job(id));
    for (const Job& gone : {takes.at(1), takes.at(2), plain, rejected, onBoard}) {
        QVERIFY(!QFileInfo::exists(gone.videoPath));
        QVERIFY(!QFileInfo::exists(gone.sidecarPath));
        QCOMPARE(LibraryFixture::readBytes(trashed(gone.videoPath)),
                 LibraryFixture::videoBytes(gone));
        QVERIFY(QFileInfo::exists(trashed(gone.sidecarPath)));
    }
    QVERIFY(!QFileInfo::exists(boardCopy)); // the board folder's copy went to the trash too
    QVERIFY(!QFileInfo::exists(thumbnail)); // ours: deleted
    for (const Job& kept : {takes.at(0), favourite, rated, notShown}) {
        QVERIFY(files.store->job(kept.id));
        QCOMPARE(LibraryFixture::readBytes(kept.videoPath), LibraryFixture::videoBytes(kept));
        QVERIFY(QFileInfo::exists(kept.sidecarPath));
        QVERIFY(!QFileInfo::exists(trashed(kept.videoPath)));
    }
    QVERIFY(files.store->job(running.id));
}

void TestLibraryMarks::aFailingTrashKeepsTheJob() {
    LibraryFixture files;
    QVERIFY(files.ok());
    const Job job = files.addDone(QStringLiteral("cannot be trashed"), 4000);
    QThreadPool::globalInstance()->waitForDone();
    // No trash can be made where a file stands in its place.
    const QDir data(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation));
    const QString trash = data.filePath(QStringLiteral("Trash"));
    const QString aside = data.filePath(QStringLiteral("Trash.aside"));
    QVERIFY(!QFileInfo::exists(trash) || QDir().rename(trash, aside));
    QVERIFY(data.mkpath(QStringLiteral(".")));
    QVERIFY(LibraryFixture::writeBytes(trash, QByteArrayLiteral("not a folder")));
    const JobLibrary::TrashResult result = files.library->trashJobs({job.id});
    QFile::remove(trash);
    if (QFileInfo::exists(aside))
        QVERIFY(QDir().rename(aside, trash));
    QCOMPARE(result.removed, 0);
    QCOMPARE(result.failures.size(), 1);
    QVERIFY2(result.failures.first().contains(QFileInfo(job.videoPath).fileName()),
             qPrintable(result.failures.first()));
    QVERIFY(files.store->job(job.id)); // it stays, with its files
    QCOMPARE(LibraryFixture::readBytes(job.videoPath), LibraryFixture::videoBytes(job));
    QVERIFY(QFileInfo::exists(job.sidecarPath));
}

QTEST_GUILESS_MAIN(TestLibraryMarks)
#include "tst_librarymarks.moc"
