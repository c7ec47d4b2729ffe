// JobLibrary on a real SQLite store and real files: names and sidecars, removing a job with or
// without its files (to the trash where there is one), favourites, the request to reuse, copies,
// and what "download again" resets.
#include "core/jobs/JobLibrary.h"
#include "core/jobs/JobStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;

class TestJobLibrary : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void namesAndSidecar();
    void removeKeepsOrDeletesTheFiles();
    void favouritesAndReuse();
    void copyVideo();
    void prepareRedownloadFollowsTheStateMachine();

private:
    Job addDone(const QString& prompt);
    static bool writeFile(const QString& path, const QByteArray& bytes);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<JobLibrary> m_library;
};

void TestJobLibrary::init() {
    m_library.reset();
    m_store.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<JobStore>();
    QVERIFY2(m_store->open(m_dir->filePath(QStringLiteral("data"))),
             qPrintable(m_store->errorString()));
    const QString folder = m_dir->filePath(QStringLiteral("library"));
    QVERIFY(QDir().mkpath(folder));
    m_library = std::make_unique<JobLibrary>(m_store.get(), folder);
}

bool TestJobLibrary::writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

Job TestJobLibrary::addDone(const QString& prompt) {
    Job job;
    job.request.prompt = prompt;
    job.createdAt = QDateTime(QDate(2026, 5, 24), QTime(14, 32));
    job.videoId = 370981546391559;
    job.state = JobState::Done;
    job.rawStatus = 1;
    Result<Job> added = m_store->add(job);
    if (!added.ok())
        return {};
    Job stored = *added.value;
    stored.videoPath = m_library->targetPathFor(stored);
    writeFile(stored.videoPath, QByteArrayLiteral("....ftypisom video bytes"));
    JobLibrary::writeSidecar(stored);
    m_store->update(stored);
    return stored;
}

void TestJobLibrary::namesAndSidecar() {
    const Job job = addDone(QStringLiteral("A lighthouse in a storm, at night"));
    QVERIFY(job.id != 0);
    QCOMPARE(QFileInfo(job.videoPath).fileName(),
             QDateTime(QDate(2026, 5, 24), QTime(14, 32))
                     .toLocalTime()
                     .toString(QStringLiteral("yyyy-MM-dd_HHmm")) +
                 QStringLiteral("_a-lighthouse-in-a-storm-at_370981546391559.mp4"));
    QCOMPARE(QFileInfo(job.videoPath).absolutePath(),
             QFileInfo(m_library->libraryFolder()).absoluteFilePath());
    QVERIFY(JobLibrary::hasVideoFile(job));
    QCOMPARE(JobLibrary::folderOf(job), QFileInfo(m_library->libraryFolder()).absoluteFilePath());
    QFile sidecar(job.sidecarPath);
    QVERIFY(sidecar.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(sidecar.readAll()).object();
    QCOMPARE(json.value(QLatin1String("prompt")).toString(), job.request.prompt);
    QCOMPARE(json.value(QLatin1String("video_file")).toString(),
             QFileInfo(job.videoPath).fileName());
    // The mode and the new switches (issue 15).
    QCOMPARE(json.value(QLatin1String("mode")).toString(), QStringLiteral("t2v"));
    QCOMPARE(json.value(QLatin1String("audio")), QJsonValue(false));
    QCOMPARE(json.value(QLatin1String("multi_clip")), QJsonValue(false));
    QCOMPARE(json.value(QLatin1String("duration")).toInt(), job.request.duration);
    QCOMPARE(json.value(QLatin1String("settings")).toObject().value(QLatin1String("mode")),
             QJsonValue(QStringLiteral("t2v")));
    Job withSound = job;
    withSound.request.model = QStringLiteral("v6");
    withSound.request.audio = true;
    withSound.request.setStartImage(QStringLiteral("/tmp/still.png"));
    withSound.hasAudio = true;
    const QJsonObject i2v = JobLibrary::sidecarFor(withSound);
    QCOMPARE(i2v.value(QLatin1String("mode")).toString(), QStringLiteral("i2v"));
    QCOMPARE(i2v.value(QLatin1String("audio")), QJsonValue(true));
    QCOMPARE(i2v.value(QLatin1String("has_audio")), QJsonValue(true));
    QCOMPARE(json.value(QLatin1String("has_audio")), QJsonValue(false));
    QVERIFY(!i2v.value(QLatin1String("settings")).toObject().contains(QLatin1String("images")));
    Job gone = job;
    QVERIFY(QFile::remove(gone.videoPath));
    QVERIFY(!JobLibrary::hasVideoFile(gone));
    QVERIFY(JobLibrary::folderOf(Job()).isEmpty());
}

void TestJobLibrary::removeKeepsOrDeletesTheFiles() {
    QSignalSpy removed(m_store.get(), &JobStore::jobRemoved);
    const Job kept = addDone(QStringLiteral("kept on disk"));
    QVERIFY(m_library->remove(kept, false));
    QVERIFY(!m_store->job(kept.id));
    QVERIFY(QFileInfo::exists(kept.videoPath));
    QVERIFY(QFileInfo::exists(kept.sidecarPath));

    Job deleted = addDone(QStringLiteral("deleted with its files"));
    deleted.thumbnailPath = m_dir->filePath(QStringLiteral("thumb.png"));
    QVERIFY(writeFile(deleted.thumbnailPath, QByteArrayLiteral("png")));
    QVERIFY(m_library->remove(deleted, true));
    QVERIFY(!m_store->job(deleted.id));
    QVERIFY(!QFileInfo::exists(deleted.videoPath));
    QVERIFY(!QFileInfo::exists(deleted.sidecarPath));
    QVERIFY(!QFileInfo::exists(deleted.thumbnailPath));
    QCOMPARE(removed.count(), 2);
    // Where the desktop has a trash (XDG_DATA_HOME/Trash here), the video went there.
    const QString trash =
        QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
            .filePath(QStringLiteral("Trash/files/") + QFileInfo(deleted.videoPath).fileName());
    if (QFileInfo::exists(QFileInfo(trash).absolutePath()))
        QVERIFY(QFileInfo::exists(trash));

    // Without a store nothing is removed, but files asked to go still go.
    JobLibrary signedOut(nullptr);
    QVERIFY(!signedOut.store());
    QVERIFY(signedOut.remove(kept, true));
    QVERIFY(!QFileInfo::exists(kept.videoPath));
}

void TestJobLibrary::favouritesAndReuse() {
    const Job a = addDone(QStringLiteral("first"));
    const Job b = addDone(QStringLiteral("second"));
    m_library->setFavourite({a.id, b.id}, true);
    QVERIFY(m_store->job(a.id)->favourite);
    QVERIFY(m_store->job(b.id)->favourite);
    m_library->setFavourite({b.id}, false);
    QVERIFY(m_store->job(a.id)->favourite);
    QVERIFY(!m_store->job(b.id)->favourite);
    const QString thumbnail = m_dir->filePath(QStringLiteral("a.png"));
    QVERIFY(m_library->setThumbnail(a.id, thumbnail));
    QCOMPARE(m_store->job(a.id)->thumbnailPath, thumbnail);
    QVERIFY(!m_library->setThumbnail(9999, thumbnail));
    QVERIFY(!JobLibrary(nullptr).setThumbnail(a.id, thumbnail));

    Job imageJob = a;
    imageJob.request.setStartImage(m_dir->filePath(QStringLiteral("gone-copy.png")));
    imageJob.sourceImagePath = m_dir->filePath(QStringLiteral("original.png"));
    QVERIFY(imageJob.isImageToVideo());
    // The store's copy is gone and so is the original: the request stays as it was.
    QCOMPARE(JobLibrary::reusableRequest(imageJob).startImagePath(),
             imageJob.request.startImagePath());
    QVERIFY(writeFile(imageJob.sourceImagePath, QByteArrayLiteral("png")));
    QCOMPARE(JobLibrary::reusableRequest(imageJob).startImagePath(), imageJob.sourceImagePath);
    QVERIFY(writeFile(imageJob.request.startImagePath(), QByteArrayLiteral("png")));
    QCOMPARE(JobLibrary::reusableRequest(imageJob).startImagePath(),
             imageJob.request.startImagePath());
}

void TestJobLibrary::copyVideo() {
    const Job job = addDone(QStringLiteral("copied"));
    const QString target = m_dir->filePath(QStringLiteral("copy.mp4"));
    QVERIFY(JobLibrary::copyVideo(job.videoPath, target).isEmpty());
    QFile copy(target);
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), QByteArrayLiteral("....ftypisom video bytes"));
    copy.close();
    QVERIFY(JobLibrary::copyVideo(job.videoPath, target).isEmpty());        // replaces
    QVERIFY(JobLibrary::copyVideo(job.videoPath, job.videoPath).isEmpty()); // onto itself
    const QString error = JobLibrary::copyVideo(m_dir->filePath(QStringLiteral("missing.mp4")),
                                                m_dir->filePath(QStringLiteral("x.mp4")));
    QVERIFY(error.contains(u"x.mp4"));
}

void TestJobLibrary::prepareRedownloadFollowsTheStateMachine() {
    Job done = addDone(QStringLiteral("saved once"));
    done.videoUrl = QStringLiteral("https://media.example/old.mp4");
    done.errorMessage = QStringLiteral("stale");
    const QString path = done.videoPath;
    QVERIFY(m_library->prepareRedownload(done));
    QCOMPARE(done.state, JobState::Downloading);
    QVERIFY(done.videoUrl.isEmpty()); // URLs expire: a fresh one is asked for
    QVERIFY(done.errorMessage.isEmpty());
    QCOMPARE(done.videoPath, path);

    Job imported;
    imported.state = JobState::Done;
    imported.imported = true;
    imported.videoId = 99;
    imported.request.prompt = QStringLiteral("made elsewhere");
    QVERIFY(m_library->prepareRedownload(imported));
    QCOMPARE(imported.videoPath, m_library->targetPathFor(imported));

    Job failedToSave;
    failedToSave.state = JobState::Failed;
    failedToSave.videoId = 5;
    failedToSave.rawStatus = 1;
    QVERIFY(m_library->prepareRedownload(failedToSave));

    Job failedThere = failedToSave;
    failedThere.state = JobState::Failed;
    failedThere.rawStatus = 8;
    QVERIFY(!m_library->prepareRedownload(failedThere));
    QCOMPARE(failedThere.state, JobState::Failed);
    Job generating;
    generating.state = JobState::Generating;
    generating.videoId = 6;
    QVERIFY(!m_library->prepareRedownload(generating));
    Job noVideo;
    noVideo.state = JobState::Done;
    QVERIFY(!m_library->prepareRedownload(noVideo));
}

QTEST_GUILESS_MAIN(TestJobLibrary)
#include "tst_joblibrary.moc"
