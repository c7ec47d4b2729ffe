// JobLibrary on a real SQLite store and real files: names and sidecars, removing a job with or
// without its files (to the trash where there is one), favourites, the request to reuse, copies,
// and what "download again" resets.
#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobLibrary.h"
#include "core/jobs/JobStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    void sidecarNamesTheParentAndTheModeDetails();
    void continuationOfATake_data();
    void continuationOfATake();
    void frameRequestContinuesFromAFrame();
    void effectAndFusionJobsSayTheirTemplateAndReferences();

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

void TestJobLibrary::sidecarNamesTheParentAndTheModeDetails() {
    const Job take = addDone(QStringLiteral("A fox in the snow"));
    Job extended;
    extended.request = m_library->continuation(take, GenerationMode::Extend);
    extended.createdAt = QDateTime(QDate(2026, 5, 24), QTime(14, 40));
    extended.videoId = 370981546391560;
    extended.state = JobState::Done;
    extended = *m_store->add(extended).value;
    extended.videoPath = m_library->targetPathFor(extended);
    QVERIFY(writeFile(extended.videoPath, QByteArrayLiteral("....ftypisom longer video")));
    extended.videoSeconds = 10.5;
    QVERIFY(JobLibrary::writeSidecar(extended, m_library->parentOf(extended)));
    QFile file(extended.sidecarPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(json.value(QLatin1String("mode")).toString(), QStringLiteral("extend"));
    const QJsonObject parent = json.value(QLatin1String("parent")).toObject();
    QCOMPARE(parent.value(QLatin1String("job_id")).toInteger(), take.id);
    QCOMPARE(parent.value(QLatin1String("video_id")).toInteger(), take.videoId);
    QCOMPARE(parent.value(QLatin1String("file")).toString(), QFileInfo(take.videoPath).fileName());
    const QJsonObject details = json.value(QLatin1String("mode_details")).toObject();
    QCOMPARE(details.value(QLatin1String("source_video_id")).toInteger(), take.videoId);
    QCOMPARE(json.value(QLatin1String("seconds")).toDouble(), 10.5);

    // The parent removed from the list: still named by its id.
    QVERIFY(m_library->remove(take, false));
    QVERIFY(!m_library->parentOf(extended));
    const QJsonObject orphan = JobLibrary::sidecarFor(extended, m_library->parentOf(extended));
    QCOMPARE(orphan.value(QLatin1String("parent")).toObject(),
             QJsonObject({{QStringLiteral("job_id"), QJsonValue(take.id)}}));

    // Sound and lip sync say what they were made with; local copies only by their file name.
    Job sound = extended;
    sound.request.mode = GenerationMode::SoundEffect;
    sound.request.sourceVideoId = 0;
    sound.request.sourceVideoPath = m_dir->filePath(QStringLiteral("media/ab12/my clip.mp4"));
    sound.request.prompt = QStringLiteral("rain on a tin roof");
    sound.request.keepOriginalSound = true;
    const QJsonObject soundJson = JobLibrary::sidecarFor(sound);
    const QJsonObject soundDetails = soundJson.value(QLatin1String("mode_details")).toObject();
    QCOMPARE(soundDetails.value(QLatin1String("source_video_file")).toString(),
             QStringLiteral("my clip.mp4"));
    QCOMPARE(soundDetails.value(QLatin1String("sound_prompt")).toString(),
             QStringLiteral("rain on a tin roof"));
    QCOMPARE(soundDetails.value(QLatin1String("keep_original_sound")), QJsonValue(true));
    QVERIFY(!soundJson.value(QLatin1String("settings"))
                 .toObject()
                 .contains(QLatin1String("sourceVideoPath")));
    Job lipSync = extended;
    lipSync.request.mode = GenerationMode::LipSync;
    lipSync.request.speakerId = QStringLiteral("Auto");
    lipSync.request.speechText = QStringLiteral("Hello there");
    const QJsonObject lipDetails =
        JobLibrary::sidecarFor(lipSync).value(QLatin1String("mode_details")).toObject();
    QCOMPARE(lipDetails.value(QLatin1String("speaker_id")).toString(), QStringLiteral("Auto"));
    QCOMPARE(lipDetails.value(QLatin1String("speech_text")).toString(),
             QStringLiteral("Hello there"));
    // A text-to-video has neither.
    QVERIFY(!JobLibrary::sidecarFor(Job()).contains(QLatin1String("mode_details")));
    QVERIFY(!JobLibrary::sidecarFor(Job()).contains(QLatin1String("parent")));
}

void TestJobLibrary::continuationOfATake_data() {
    QTest::addColumn<GenerationMode>("mode");
    QTest::newRow("extend") << GenerationMode::Extend;
    QTest::newRow("upscale") << GenerationMode::Upscale;
    QTest::newRow("sound") << GenerationMode::SoundEffect;
    QTest::newRow("lipsync") << GenerationMode::LipSync;
}

void TestJobLibrary::continuationOfATake() {
    QFETCH(GenerationMode, mode);
    Job take = addDone(QStringLiteral("A fox in the snow"));
    take.request.quality = QStringLiteral("720p");
    take.request.duration = 8;
    take.videoWidth = 1280;
    take.videoHeight = 720;
    const GenerationRequest asked = m_library->continuation(take, mode);
    QCOMPARE(asked.mode, mode);
    QCOMPARE(asked.parentJobId, take.id);
    QCOMPARE(asked.sourceVideoId, take.videoId);
    QVERIFY(asked.sourceVideoPath.isEmpty());
    QCOMPARE(asked.sourceSeconds, 8.0); // the file's length unknown: what was asked
    QCOMPARE(asked.sourceWidth, 1280);
    QCOMPARE(asked.sourceHeight, 720);
    QCOMPARE(asked.quality, QStringLiteral("720p"));
    QCOMPARE(asked.prompt,
             mode == GenerationMode::Extend ? take.request.prompt : QString()); // sound: empty
    // A model that takes the mode, when any in the family does.
    const ModelCatalog& catalog = ModelCatalog::builtIn();
    bool offered = false;
    for (const ModelSpec& spec : catalog.offeredModels(take.family))
        offered = offered || spec.takesMode(mode, take.family);
    if (offered) {
        QVERIFY(catalog.model(asked.model));
        QVERIFY(catalog.model(asked.model)->takesMode(mode, take.family));
    }
    if (mode == GenerationMode::Extend) {
        QCOMPARE(asked.model, take.request.model); // v4.5 extends
        Job c1Take = take;
        c1Take.request.model = QStringLiteral("c1"); // does not: the table's default does
        const QString fallback = catalog.defaultModel(ApiFamily::OpenApi, mode);
        QVERIFY(!fallback.isEmpty());
        QCOMPARE(m_library->continuation(c1Take, mode).model, fallback);
    }
    // Once the saved file was read, its length wins.
    take.videoSeconds = 8.2;
    QCOMPARE(m_library->continuation(take, mode).sourceSeconds, 8.2);
}

void TestJobLibrary::frameRequestContinuesFromAFrame() {
    const Job take = addDone(QStringLiteral("A fox in the snow"));
    const QString frame = m_dir->filePath(QStringLiteral("last-frame.png"));
    const GenerationRequest next = m_library->frameRequest(take, frame, RequestImage::Role::Start);
    QCOMPARE(next.mode, GenerationMode::ImageToVideo);
    QCOMPARE(next.startImagePath(), frame);
    QCOMPARE(next.parentJobId, take.id);
    QCOMPARE(next.sourceVideoId, qint64(0));
    QCOMPARE(next.prompt, take.request.prompt);
    const GenerationRequest bridge =
        m_library->frameRequest(take, frame, RequestImage::Role::FirstFrame);
    QCOMPARE(bridge.mode, GenerationMode::Transition);
    QCOMPARE(bridge.imagePath(RequestImage::Role::FirstFrame), frame);
    QVERIFY(bridge.imagePath(RequestImage::Role::LastFrame).isEmpty());
    QCOMPARE(bridge.parentJobId, take.id);
}

void TestJobLibrary::effectAndFusionJobsSayTheirTemplateAndReferences() {
    const QString cat = m_dir->filePath(QStringLiteral("cat.png"));
    const QString street = m_dir->filePath(QStringLiteral("street.png"));
    for (const auto& [path, colour] : {std::pair{cat, Qt::red}, std::pair{street, Qt::gray}}) {
        QImage image(64, 48, QImage::Format_RGB32);
        image.fill(colour);
        QVERIFY(image.save(path, "PNG"));
    }
    Job effect;
    effect.createdAt = QDateTime(QDate(2026, 5, 24), QTime(14, 32));
    effect.videoId = 370981546391560;
    effect.request.mode = GenerationMode::Effect;
    effect.request.templateId = 315446315336768;
    effect.request.templateName = QStringLiteral("Muscle Surge");
    effect.request.templatePrompt = QStringLiteral("The person flexes");
    effect.request.prompt = effect.request.templatePrompt;
    effect.request.templateImageCount = 2;
    effect.request.templateQualities = {QStringLiteral("360p"), QStringLiteral("540p")};
    effect.request.images = {{RequestImage::Role::Start, cat, {}},
                             {RequestImage::Role::Start, street, {}}};
    effect.uploads.starts = {UploadedImage{11, {}, {}, 0, 0}, UploadedImage{12, {}, {}, 0, 0}};
    const Result<Job> addedEffect = m_store->add(effect);
    QVERIFY2(addedEffect.ok(), qPrintable(addedEffect.error.logText()));
    const Job storedEffect = *addedEffect.value;

    // Named after the template while the prompt is the template's; after the words otherwise.
    QVERIFY(JobLibrary::fileNameFor(storedEffect).contains(QStringLiteral("_muscle-surge_")));
    Job ownWords = storedEffect;
    ownWords.request.prompt = QStringLiteral("A bodybuilder on a beach");
    QVERIFY(
        JobLibrary::fileNameFor(ownWords).contains(QStringLiteral("_a-bodybuilder-on-a-beach_")));

    const QJsonObject effectJson = JobLibrary::sidecarFor(storedEffect);
    QCOMPARE(effectJson.value(QLatin1String("mode")).toString(), QStringLiteral("effect"));
    const QJsonObject effectDetails = effectJson.value(QLatin1String("mode_details")).toObject();
    QCOMPARE(effectDetails.value(QLatin1String("template_id")).toInteger(), 315446315336768LL);
    QCOMPARE(effectDetails.value(QLatin1String("template_name")).toString(),
             QStringLiteral("Muscle Surge"));
    QCOMPARE(effectJson.value(QLatin1String("pixverse"))
                 .toObject()
                 .value(QLatin1String("image_ids"))
                 .toArray(),
             (QJsonArray{11, 12}));

    // Reuse brings the template's facts back with the store's copies of both images.
    const GenerationRequest again = JobLibrary::reusableRequest(storedEffect);
    QCOMPARE(again.mode, GenerationMode::Effect);
    QCOMPARE(again.templateId, 315446315336768LL);
    QCOMPARE(again.templateName, QStringLiteral("Muscle Surge"));
    QCOMPARE(again.templateImageCount, 2);
    QCOMPARE(again.templateQualities, effect.request.templateQualities);
    QCOMPARE(again.imagesWith(RequestImage::Role::Start).size(), 2);
    for (const RequestImage& image : again.imagesWith(RequestImage::Role::Start))
        QVERIFY(m_store->isStoreCopy(image.path));

    Job fusion;
    fusion.request.mode = GenerationMode::Fusion;
    fusion.request.model = QStringLiteral("v5");
    fusion.request.prompt = QStringLiteral("@hero crosses @street");
    fusion.request.images = {{RequestImage::Role::Subject, cat, QStringLiteral("hero")},
                             {RequestImage::Role::Background, street, QStringLiteral("street")}};
    const Result<Job> addedFusion = m_store->add(fusion);
    QVERIFY2(addedFusion.ok(), qPrintable(addedFusion.error.logText()));
    const Job storedFusion = *addedFusion.value;
    QVERIFY(
        JobLibrary::fileNameFor(storedFusion).contains(QStringLiteral("_hero-crosses-street_")));
    const QJsonArray references = JobLibrary::sidecarFor(storedFusion)
                                      .value(QLatin1String("mode_details"))
                                      .toObject()
                                      .value(QLatin1String("references"))
                                      .toArray();
    QCOMPARE(references,
             (QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("subject")},
                                     {QStringLiteral("name"), QStringLiteral("hero")}},
                         QJsonObject{{QStringLiteral("type"), QStringLiteral("background")},
                                     {QStringLiteral("name"), QStringLiteral("street")}}}));
    const QList<RequestImage> reused = JobLibrary::reusableRequest(storedFusion).references();
    QCOMPARE(reused.size(), 2);
    QCOMPARE(reused.at(0).name, QStringLiteral("hero"));
    QCOMPARE(reused.at(0).role, RequestImage::Role::Subject);
    QCOMPARE(reused.at(1).name, QStringLiteral("street"));
    QCOMPARE(reused.at(1).role, RequestImage::Role::Background);
    QVERIFY(m_store->isStoreCopy(reused.at(0).path));
    QVERIFY(m_store->isStoreCopy(reused.at(1).path));
}

QTEST_GUILESS_MAIN(TestJobLibrary)
#include "tst_joblibrary.moc"
