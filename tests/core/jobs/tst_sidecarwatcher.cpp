// SidecarWatcher on real files: the creator's edit of a sidecar the app wrote (a rating, a tag,
// a board by name) reaches the store and the gallery's model, an unknown board name and invalid
// JSON change nothing, and the app's own writes are never taken back as edits.
#include "LibraryFixture.h"
#include "core/jobs/JobListModel.h"
#include "core/jobs/SidecarWatcher.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace pixverse;
using pixverse::test::LibraryFixture;

class TestSidecarWatcher : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void anEditReachesTheStoreAndTheModel();
    void anEditInPlaceIsSeenToo();
    void invalidJsonChangesNothing();
    void ownWritesAreNotEdits();
    void aPickInTheFileUnpicksTheOtherTakes();

private:
    //! Writes `json` over the sidecar as an editor that saves by renaming does.
    static bool saveAsEditor(const QString& path, const QJsonObject& json);
    //! Writes `bytes` into the sidecar in place (the file keeps its inode).
    static bool writeInPlace(const QString& path, const QByteArray& bytes);
};

bool TestSidecarWatcher::saveAsEditor(const QString& path, const QJsonObject& json) {
    QSaveFile file(path);
    const QByteArray bytes = QJsonDocument(json).toJson();
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

bool TestSidecarWatcher::writeInPlace(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

void TestSidecarWatcher::anEditReachesTheStoreAndTheModel() {
    LibraryFixture files;
    QVERIFY(files.ok());
    const Result<Board> keepers = files.store->addBoard(QStringLiteral("Keepers"));
    QVERIFY(keepers.ok());
    const Job job = files.addDone(QStringLiteral("edited by hand"), 5000);
    const Job other = files.addDone(QStringLiteral("left alone"), 5001);
    JobListModel model(files.store.get());
    SidecarWatcher watcher(files.library.get());
    QTRY_VERIFY(watcher.isReady());
    QCOMPARE(watcher.sidecarCount(), 2);
    QSignalSpy checked(&watcher, &SidecarWatcher::sidecarChecked);
    QSignalSpy changed(files.store.get(), &JobStore::jobChanged);

    QJsonObject json = LibraryFixture::readJson(job.sidecarPath);
    json.insert(QStringLiteral("rating"), 4);
    json.insert(QStringLiteral("tags"), QJsonArray{QStringLiteral("storm")});
    json.insert(QStringLiteral("boards"),
                QJsonArray{QStringLiteral("keepers"), QStringLiteral("No such board")});
    QVERIFY(saveAsEditor(job.sidecarPath, json));

    QTRY_COMPARE(files.store->job(job.id)->rating, 4);
    QCOMPARE(files.store->job(job.id)->tags, QStringList{QStringLiteral("storm")});
    // By name, whatever its case; the unknown name is ignored.
    QCOMPARE(files.store->job(job.id)->boards, QList<qint64>{keepers.value->id});
    const QModelIndex row = model.index(model.rowOf(job.id));
    QTRY_COMPARE(row.data(JobListModel::RatingRole).toInt(), 4);
    QCOMPARE(row.data(JobListModel::TagsRole).toStringList(), QStringList{QStringLiteral("storm")});
    QCOMPARE(checked.count(), 1);
    QCOMPARE(checked.first().at(0).toLongLong(), job.id);
    QCOMPARE(checked.first().at(1).toBool(), true);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(files.store->job(other.id)->rating, 0);
    // Not written back: the file is byte for byte the creator's.
    QThreadPool::globalInstance()->waitForDone();
    QCOMPARE(LibraryFixture::readBytes(job.sidecarPath), QJsonDocument(json).toJson());
}

void TestSidecarWatcher::anEditInPlaceIsSeenToo() {
    LibraryFixture files;
    QVERIFY(files.ok());
    const Job job = files.addDone(QStringLiteral("edited in place"), 5100);
    SidecarWatcher watcher(files.library.get());
    QTRY_VERIFY(watcher.isReady());
    QSignalSpy checked(&watcher, &SidecarWatcher::sidecarChecked);
    QJsonObject json = LibraryFixture::readJson(job.sidecarPath);
    json.insert(QStringLiteral("rejected"), true);
    QVERIFY(writeInPlace(job.sidecarPath, QJsonDocument(json).toJson()));
    QTRY_VERIFY(files.store->job(job.id)->rejected);
    QCOMPARE(checked.count(), 1);
}

void TestSidecarWatcher::invalidJsonChangesNothing() {
    LibraryFixture files;
    QVERIFY(files.ok());
    Job job = files.addDone(QStringLiteral("broken by hand"), 5200);
    files.library->setRating({job.id}, 2);
    QThreadPool::globalInstance()->waitForDone();
    SidecarWatcher watcher(files.library.get());
    QTRY_VERIFY(watcher.isReady());
    QSignalSpy checked(&watcher, &SidecarWatcher::sidecarChecked);
    QSignalSpy changed(files.store.get(), &JobStore::jobChanged);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("no JSON object")));
    QVERIFY(writeInPlace(job.sidecarPath, QByteArrayLiteral("{\"rating\": 5,")));
    QTRY_COMPARE(checked.count(), 1);
    QCOMPARE(checked.first().at(1).toBool(), false);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(files.store->job(job.id)->rating, 2);
    // A valid edit afterwards is taken.
    QJsonObject json = LibraryFixture::readJson(job.sidecarPath);
    QVERIFY(json.isEmpty());
    QVERIFY(saveAsEditor(job.sidecarPath, {{QStringLiteral("rating"), 5}}));
    QTRY_COMPARE(files.store->job(job.id)->rating, 5);
}

void TestSidecarWatcher::ownWritesAreNotEdits() {
    LibraryFixture files;
    QVERIFY(files.ok());
    const Job job = files.addDone(QStringLiteral("marked in the app"), 5300);
    SidecarWatcher watcher(files.library.get());
    QTRY_VERIFY(watcher.isReady());
    QSignalSpy checked(&watcher, &SidecarWatcher::sidecarChecked);
    QSignalSpy changed(files.store.get(), &JobStore::jobChanged);
    const auto editTags = [&job](const QString& tag) {
        QJsonObject json = LibraryFixture::readJson(job.sidecarPath);
        json.insert(QStringLiteral("tags"), QJsonArray{tag});
        return saveAsEditor(job.sidecarPath, json);
    };
    // An edit first: once it is in, the watcher is following the file.
    QVERIFY(editTags(QStringLiteral("first")));
    QTRY_COMPARE(files.store->job(job.id)->tags, QStringList{QStringLiteral("first")});
    const qsizetype before = checked.count();
    // Keys pressed quickly: every write is the app's; none comes back as an edit, even one
    // read while the next is being written.
    for (const int stars : {1, 2, 3, 4, 5, 3})
        files.library->setRating({job.id}, stars);
    QCOMPARE(changed.count(), 7);
    QTRY_COMPARE(LibraryFixture::readJson(job.sidecarPath).value(QLatin1String("rating")).toInt(),
                 3);
    QThreadPool::globalInstance()->waitForDone();
    QTRY_VERIFY(checked.count() > before); // the app's writes were looked at
    // Another edit: once it is in, every check the app's writes caused is over.
    QVERIFY(editTags(QStringLiteral("last")));
    QTRY_COMPARE(files.store->job(job.id)->tags, QStringList{QStringLiteral("last")});
    for (qsizetype i = before; i + 1 < checked.count(); ++i)
        QCOMPARE(checked.at(i).at(1).toBool(), false); // the app's writes: not edits
    QCOMPARE(checked.last().at(1).toBool(), true);     // the edit
    QCOMPARE(changed.count(), 8);
    QCOMPARE(files.store->job(job.id)->rating, 3);
}

void TestSidecarWatcher::aPickInTheFileUnpicksTheOtherTakes() {
    LibraryFixture files;
    QVERIFY(files.ok());
    const QList<Job> takes = files.addTakes(QStringLiteral("takes"), 2, 5400);
    QCOMPARE(takes.size(), 2);
    files.library->pick(takes.at(0).id);
    QThreadPool::globalInstance()->waitForDone();
    SidecarWatcher watcher(files.library.get());
    QTRY_VERIFY(watcher.isReady());
    QJsonObject json = LibraryFixture::readJson(takes.at(1).sidecarPath);
    json.insert(QStringLiteral("picked"), true);
    QVERIFY(saveAsEditor(takes.at(1).sidecarPath, json));
    QTRY_VERIFY(files.store->job(takes.at(1).id)->picked);
    QVERIFY(!files.store->job(takes.at(0).id)->picked);
    QTRY_COMPARE(LibraryFixture::readJson(takes.at(0).sidecarPath).value(QLatin1String("picked")),
                 QJsonValue(false));
}

QTEST_GUILESS_MAIN(TestSidecarWatcher)
#include "tst_sidecarwatcher.moc"
