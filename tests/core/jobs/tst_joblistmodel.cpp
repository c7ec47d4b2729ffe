// JobListModel and JobFilterModel over a real JobStore in a temporary folder, with
// QAbstractItemModelTester attached before anything changes; the ThumbnailCache's bounds.
#include "BulkJobs.h"
#include "core/jobs/JobFilterModel.h"
#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"
#include "core/jobs/ThumbnailCache.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QImage>
#include <QMimeData>
#include <QSignalSpy>
#include <QSize>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace pixverse;

namespace {

const QDateTime kBase = QDateTime(QDate(2026, 5, 24), QTime(14, 0), Qt::UTC);

Job makeJob(const QString& prompt, JobState state, int minutes) {
    Job job;
    job.request.prompt = prompt;
    job.request.model = QStringLiteral("v4.5");
    job.request.quality = QStringLiteral("540p");
    job.request.duration = 5;
    job.state = state;
    job.createdAt = kBase.addSecs(minutes * 60);
    return job;
}

} // namespace

class TestJobListModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void rowsFollowTheStoreNewestFirst();
    void oneDataChangedPerChangedRow();
    void rolesDescribeTheCard();
    void continuedTakesSayWhatTheyMade();
    void effectsAreNamedAfterTheirTemplate();
    void elapsedTicksOnlyRunningRows();
    void downloadProgressChangesOnlyWithThePercentage();
    void countsFollowTheStates();
    void uploadProgressShowsWhileUploading();
    void anotherAccountsStore();
    void filterByStateSearchAndFavourites();
    void finishedVideosDragAsFiles();
    void tenThousandJobsLoadAtOnce();
    void thumbnailCacheStaysBounded();
    void thumbnailCacheScalesToCards();

private:
    qint64 add(const Job& job) {
        const Result<Job> added = m_store->add(job);
        return added.ok() ? added.value->id : 0;
    }
    QList<qint64> shownIds(const QAbstractItemModel* model) const {
        QList<qint64> ids;
        for (int row = 0; row < model->rowCount(); ++row)
            ids << model->index(row, 0).data(JobListModel::IdRole).toLongLong();
        return ids;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<JobListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestJobListModel::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<JobStore>();
    QVERIFY2(m_store->open(m_dir->filePath(QStringLiteral("data"))),
             qPrintable(m_store->errorString()));
    m_model = std::make_unique<JobListModel>(m_store.get());
    m_model->setElapsedInterval(0); // the tests tick by hand
    // Attached before the first change (Nextcloud's testactivitymodel pattern).
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestJobListModel::cleanup() {
    m_tester.reset();
    m_model.reset();
    m_store.reset();
    m_dir.reset();
}

void TestJobListModel::rowsFollowTheStoreNewestFirst() {
    QCOMPARE(m_model->rowCount(), 0);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    const qint64 a = add(makeJob(QStringLiteral("first"), JobState::Done, 0));
    const qint64 b = add(makeJob(QStringLiteral("second"), JobState::Done, 10));
    const qint64 c = add(makeJob(QStringLiteral("third"), JobState::Queued, 20));
    QCOMPARE(inserted.count(), 3);
    QCOMPARE(shownIds(m_model.get()), (QList<qint64>{c, b, a}));
    // An older job (an import) goes below the newer ones; a tie puts the larger id first.
    const qint64 old = add(makeJob(QStringLiteral("imported"), JobState::Done, -60));
    const qint64 tie = add(makeJob(QStringLiteral("same minute as second"), JobState::Done, 10));
    QCOMPARE(shownIds(m_model.get()), (QList<qint64>{c, tie, b, a, old}));
    QCOMPARE(m_model->rowOf(b), 2);
    QCOMPARE(m_model->indexOf(old).row(), 4);
    QCOMPARE(m_model->rowOf(9999), -1);

    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QVERIFY(m_store->remove(b));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 2);
    QCOMPARE(shownIds(m_model.get()), (QList<qint64>{c, tie, a, old}));

    // A corrected creation time moves the row.
    QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
    QVERIFY(m_store->modify(old, [](Job& job) { job.createdAt = kBase.addSecs(3600); }));
    QCOMPARE(moved.count(), 1);
    QCOMPARE(shownIds(m_model.get()), (QList<qint64>{old, c, tie, a}));

    // A model opened on a full store shows the same order.
    JobListModel again(m_store.get());
    QCOMPARE(shownIds(&again), shownIds(m_model.get()));
}

void TestJobListModel::oneDataChangedPerChangedRow() {
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i)
        ids << add(makeJob(QStringLiteral("job %1").arg(i), JobState::Queued, i));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(m_store->modify(ids.at(2), [](Job& job) { job.state = JobState::Generating; }));
    QCOMPARE(changed.count(), 1);
    const QModelIndex topLeft = changed.first().at(0).value<QModelIndex>();
    const QModelIndex bottomRight = changed.first().at(1).value<QModelIndex>();
    QCOMPARE(topLeft, bottomRight);
    QCOMPARE(topLeft.row(), m_model->rowOf(ids.at(2)));
    QCOMPARE(topLeft.data(JobListModel::StateRole).toInt(), static_cast<int>(JobState::Generating));

    changed.clear();
    for (const qint64 id : std::as_const(ids))
        QVERIFY(m_store->modify(id, [](Job& job) { job.favourite = true; }));
    QCOMPARE(changed.count(), ids.size());
    QSet<int> rows;
    for (const QList<QVariant>& signal : std::as_const(changed)) {
        QCOMPARE(signal.at(0).value<QModelIndex>(), signal.at(1).value<QModelIndex>());
        rows.insert(signal.at(0).value<QModelIndex>().row());
    }
    QCOMPARE(rows.size(), ids.size());
}

void TestJobListModel::rolesDescribeTheCard() {
    Job job = makeJob(QStringLiteral("  A lighthouse   in a storm,\nwaves crash over the rocks  "),
                      JobState::Done, 0);
    job.request.quality = QStringLiteral("720p");
    job.request.duration = 8;
    job.credits = 60;
    job.videoPath = m_dir->filePath(QStringLiteral("library/a.mp4"));
    job.thumbnailPath = m_dir->filePath(QStringLiteral("thumbs/a.png"));
    job.videoWidth = 1280;
    job.videoHeight = 720;
    job.favourite = true;
    const qint64 id = add(job);
    const QModelIndex index = m_model->indexOf(id);
    QVERIFY(index.isValid());
    QCOMPARE(index.data(JobListModel::IdRole).toLongLong(), id);
    QCOMPARE(index.data(JobListModel::StateRole).toInt(), static_cast<int>(JobState::Done));
    QCOMPARE(index.data(JobListModel::StateTextRole).toString(), QStringLiteral("Done"));
    QCOMPARE(index.data(JobListModel::StatusTextRole).toString(), QStringLiteral("Done"));
    QVERIFY(!index.data(JobListModel::ElapsedRole).isValid());
    QVERIFY(!index.data(JobListModel::ProgressRole).isValid());
    QCOMPARE(index.data(JobListModel::PromptRole).toString(), job.request.prompt);
    QCOMPARE(index.data(JobListModel::PromptExcerptRole).toString(),
             QStringLiteral("A lighthouse in a storm, waves crash over the rocks"));
    QCOMPARE(index.data(Qt::DisplayRole), index.data(JobListModel::PromptExcerptRole));
    QCOMPARE(index.data(JobListModel::ModelRole).toString(), QStringLiteral("v4.5"));
    QCOMPARE(index.data(JobListModel::ModelLabelRole).toString(), QStringLiteral("V4.5"));
    QCOMPARE(index.data(JobListModel::QualityRole).toString(), QStringLiteral("720p"));
    QCOMPARE(index.data(JobListModel::DurationRole).toInt(), 8);
    QCOMPARE(index.data(JobListModel::SettingsTextRole).toString(),
             QStringLiteral("V4.5 · 720p · 8 s"));
    QCOMPARE(index.data(JobListModel::CostRole).toInt(), 60);
    QCOMPARE(index.data(JobListModel::CostTextRole).toString(), QStringLiteral("60 credits"));
    QCOMPARE(index.data(JobListModel::VideoPathRole).toString(), job.videoPath);
    QCOMPARE(index.data(JobListModel::ThumbnailPathRole).toString(), job.thumbnailPath);
    QCOMPARE(index.data(JobListModel::FavouriteRole).toBool(), true);
    QCOMPARE(index.data(JobListModel::CreatedAtRole).toDateTime(), job.createdAt);
    QCOMPARE(index.data(JobListModel::ImageToVideoRole).toBool(), false);
    QCOMPARE(index.data(JobListModel::VideoSizeRole).toSize(), QSize(1280, 720));
    QCOMPARE(index.data(JobListModel::JobRole).value<Job>().id, id);
    GenerationRequest request = index.data(JobListModel::RequestRole).value<GenerationRequest>();
    QCOMPARE(request, m_store->job(id)->request);

    // Without a charged amount the cost is the catalog's price; a long prompt is cut at a word.
    Job failed = makeJob(QString(QStringLiteral("word ")).repeated(60), JobState::Failed, 1);
    failed.errorMessage = QStringLiteral("PixVerse could not generate this video.");
    const QModelIndex second = m_model->indexOf(add(failed));
    QVERIFY(second.data(JobListModel::CostRole).isValid());
    QVERIFY(second.data(JobListModel::CostRole).toInt() > 0);
    QCOMPARE(second.data(JobListModel::ErrorRole).toString(), failed.errorMessage);
    QCOMPARE(second.data(JobListModel::StatusTextRole).toString(), QStringLiteral("Failed"));
    const QString excerpt = second.data(JobListModel::PromptExcerptRole).toString();
    QVERIFY(excerpt.size() <= JobListModel::kExcerptLength);
    QVERIFY(excerpt.endsWith(QChar(0x2026)));
    QVERIFY(excerpt.chopped(1).endsWith(QLatin1String("word")));
    QVERIFY(second.data(Qt::ToolTipRole).toString().contains(failed.errorMessage));

    // The marks: mode, duration, sound; none deleted yet.
    const QModelIndex card = m_model->indexOf(id);
    QCOMPARE(card.data(JobListModel::ModeTextRole).toString(), QStringLiteral("Text to video"));
    QCOMPARE(card.data(JobListModel::DurationTextRole).toString(), QStringLiteral("8 s"));
    QCOMPARE(card.data(JobListModel::HasAudioRole).toBool(), false);
    QCOMPARE(card.data(JobListModel::DeletedOnServiceRole).toBool(), false);
    QVERIFY(card.data(JobListModel::DeletedNoteRole).toString().isEmpty());
    QVERIFY(m_store->modify(id, [](Job& j) {
        j.hasAudio = true;
        j.deletedOnService = true;
    }));
    QCOMPARE(card.data(JobListModel::HasAudioRole).toBool(), true);
    QCOMPARE(card.data(JobListModel::DeletedNoteRole).toString(),
             QStringLiteral("Deleted on PixVerse"));
    QVERIFY(card.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Deleted on PixVerse")));
    // Its file is kept, so the chip still says Done; never saved, the chip says Deleted.
    QCOMPARE(card.data(JobListModel::StatusTextRole).toString(), QStringLiteral("Done"));
    QVERIFY(m_store->modify(id, [](Job& j) { j.videoPath.clear(); }));
    QCOMPARE(card.data(JobListModel::StatusTextRole).toString(), QStringLiteral("Deleted"));

    const QHash<int, QByteArray> names = m_model->roleNames();
    QCOMPARE(names.value(JobListModel::StatusTextRole), QByteArray("statusText"));
    QCOMPARE(names.value(JobListModel::ThumbnailPathRole), QByteArray("thumbnailPath"));
}

// Upscale, sound and lip sync have no prompt and follow their source's length: the card (and the
// "from …" link of their children) says what they made and how long the saved file is, not
// "(no prompt)" and the request's unused 5 s (seen in the window's try-out).
void TestJobListModel::continuedTakesSayWhatTheyMade() {
    Job take = makeJob(QStringLiteral("A lighthouse at dusk"), JobState::Done, 0);
    const qint64 takeId = add(take);
    Job upscale = makeJob(QString(), JobState::Done, 1);
    upscale.request.mode = GenerationMode::Upscale;
    upscale.request.parentJobId = takeId;
    upscale.request.sourceSeconds = 3.0;
    upscale.videoSeconds = 1.2;
    const qint64 upscaleId = add(upscale);
    Job sound = makeJob(QString(), JobState::Queued, 2);
    sound.request.mode = GenerationMode::SoundEffect;
    sound.request.parentJobId = upscaleId;
    sound.request.sourceSeconds = 3.0;
    const qint64 soundId = add(sound);
    Job speech = makeJob(QString(), JobState::Done, 3);
    speech.request.mode = GenerationMode::LipSync;
    speech.request.speakerId = QStringLiteral("2");
    speech.request.speechText = QStringLiteral("Hello  from the\nlighthouse");
    const qint64 speechId = add(speech);

    auto text = [this](qint64 id, int role) { return m_model->indexOf(id).data(role).toString(); };
    QCOMPARE(text(upscaleId, JobListModel::PromptExcerptRole), QStringLiteral("Upscale"));
    QCOMPARE(text(upscaleId, JobListModel::DurationTextRole), QStringLiteral("1 s"));
    QCOMPARE(text(upscaleId, JobListModel::ParentTextRole),
             QStringLiteral("from \u201CA lighthouse at dusk\u201D"));
    QCOMPARE(text(soundId, JobListModel::PromptExcerptRole),
             QStringLiteral("Sound chosen by PixVerse"));
    QCOMPARE(text(soundId, JobListModel::DurationTextRole), QStringLiteral("3 s"));
    QCOMPARE(text(soundId, JobListModel::ParentTextRole), QStringLiteral("from Upscale"));
    QCOMPARE(text(speechId, JobListModel::PromptExcerptRole),
             QStringLiteral("\u201CHello from the lighthouse\u201D spoken"));
    // A take made from a prompt keeps its prompt and its requested length.
    QCOMPARE(text(takeId, JobListModel::PromptExcerptRole), QStringLiteral("A lighthouse at dusk"));
    QCOMPARE(text(takeId, JobListModel::DurationTextRole), QStringLiteral("5 s"));
}

void TestJobListModel::effectsAreNamedAfterTheirTemplate() {
    auto effect = [this](const QString& prompt, int row) {
        Job job = makeJob(prompt, JobState::Done, row);
        job.request.mode = GenerationMode::Effect;
        job.request.templateId = 315446315336768;
        job.request.templateName = QStringLiteral("Kiss  me");
        job.request.templatePrompt = QStringLiteral("Two people kiss");
        return job;
    };
    const qint64 asListed = add(effect(QStringLiteral("Two  people kiss"), 0));
    const qint64 noWords = add(effect(QString(), 1));
    const qint64 ownWords = add(effect(QStringLiteral("They kiss in the rain"), 2));
    Job unnamed = effect(QString(), 3);
    unnamed.request.templateName.clear(); // a template the list did not name
    const qint64 nameless = add(unnamed);
    auto text = [this](qint64 id) {
        return m_model->indexOf(id).data(JobListModel::PromptExcerptRole).toString();
    };
    QCOMPARE(text(asListed), QStringLiteral("Kiss me"));
    QCOMPARE(text(noWords), QStringLiteral("Kiss me"));
    QCOMPARE(text(ownWords), QStringLiteral("They kiss in the rain"));
    QCOMPARE(text(nameless), generationModeLabel(GenerationMode::Effect));
}

void TestJobListModel::elapsedTicksOnlyRunningRows() {
    const QDateTime now = kBase.addSecs(3600);
    m_model->setClock([now] { return now; });
    Job generating = makeJob(QStringLiteral("generating"), JobState::Generating, 0);
    generating.generatingSince = now.addSecs(-42);
    const qint64 g = add(generating);
    Job slow = makeJob(QStringLiteral("slow"), JobState::Generating, 0);
    slow.generatingSince = now.addSecs(-(2 * 3600 + 3 * 60 + 4));
    slow.stalled = true;
    const qint64 s = add(slow);
    add(makeJob(QStringLiteral("queued"), JobState::Queued, 1));
    add(makeJob(QStringLiteral("done"), JobState::Done, 2));

    QCOMPARE(m_model->indexOf(g).data(JobListModel::StatusTextRole).toString(),
             QStringLiteral("Generating 0:42"));
    QCOMPARE(m_model->indexOf(g).data(JobListModel::ElapsedRole).toLongLong(), 42000);
    QCOMPARE(m_model->indexOf(s).data(JobListModel::StatusTextRole).toString(),
             QStringLiteral("Generating 2:03:04 (slow)"));

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->refreshElapsed();
    QCOMPARE(changed.count(), 2); // the two generating rows, nothing else
    QSet<qint64> ticked;
    for (const QList<QVariant>& signal : std::as_const(changed))
        ticked.insert(signal.at(0).value<QModelIndex>().data(JobListModel::IdRole).toLongLong());
    QCOMPARE(ticked, (QSet<qint64>{g, s}));

    // The timer runs only while something runs.
    m_model->setElapsedInterval(20);
    changed.clear();
    QTRY_VERIFY(changed.count() >= 2);
    QVERIFY(m_model->isTicking());
    QVERIFY(m_store->modify(g, [](Job& job) { job.state = JobState::Done; }));
    QVERIFY(m_store->modify(s, [](Job& job) { job.state = JobState::Failed; }));
    // Nothing runs any more: the ticker stopped, so no elapsed refresh can come.
    QTRY_VERIFY(!m_model->isTicking());
}

void TestJobListModel::downloadProgressChangesOnlyWithThePercentage() {
    const qint64 id = add(makeJob(QStringLiteral("downloading"), JobState::Downloading, 0));
    const QModelIndex index = m_model->indexOf(id);
    QCOMPARE(index.data(JobListModel::StatusTextRole).toString(), QStringLiteral("Downloading"));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setDownloadProgress(id, 0, -1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(index.data(JobListModel::ProgressRole).toDouble(), -1.0);
    m_model->setDownloadProgress(id, 450, 1000);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(index.data(JobListModel::StatusTextRole).toString(),
             QStringLiteral("Downloading 45%"));
    QCOMPARE(index.data(JobListModel::ProgressRole).toDouble(), 0.45);
    for (int received = 451; received < 460; ++received)
        m_model->setDownloadProgress(id, received, 1000);
    QCOMPARE(changed.count(), 2); // still 45 %
    m_model->setDownloadProgress(id, 460, 1000);
    QCOMPARE(changed.count(), 3);
    m_model->setDownloadProgress(12345, 1, 2); // not a row: nothing
    QCOMPARE(changed.count(), 3);

    QVERIFY(m_store->modify(id, [](Job& job) { job.state = JobState::Done; }));
    QVERIFY(!index.data(JobListModel::ProgressRole).isValid());
    QCOMPARE(index.data(JobListModel::StatusTextRole).toString(), QStringLiteral("Done"));
}

void TestJobListModel::countsFollowTheStates() {
    QSignalSpy counts(m_model.get(), &JobListModel::countsChanged);
    QSignalSpy running(m_model.get(), &JobListModel::runningCountChanged);
    const qint64 q = add(makeJob(QStringLiteral("a"), JobState::Queued, 0));
    add(makeJob(QStringLiteral("b"), JobState::Queued, 1));
    const qint64 d = add(makeJob(QStringLiteral("c"), JobState::Done, 2));
    add(makeJob(QStringLiteral("d"), JobState::Failed, 3));
    const qint64 x = add(makeJob(QStringLiteral("e"), JobState::Deleted, 4));
    QCOMPARE(m_model->count(JobState::Deleted), 1); // a final state: not running
    QCOMPARE(m_model->index(m_model->rowOf(x), 0).data(JobListModel::StateTextRole).toString(),
             QStringLiteral("Deleted"));
    QCOMPARE(m_model->count(JobState::Queued), 2);
    QCOMPARE(m_model->count(JobState::Done), 1);
    QCOMPARE(m_model->count(JobState::Failed), 1);
    QCOMPARE(m_model->count({JobState::Done, JobState::Failed}), 2);
    QCOMPARE(m_model->runningCount(), 2);
    QCOMPARE(counts.count(), 5);
    QCOMPARE(running.count(), 2);
    QCOMPARE(running.last().at(0).toInt(), 2);

    counts.clear();
    QVERIFY(m_store->modify(d, [](Job& job) { job.favourite = true; })); // not a state change
    QCOMPARE(counts.count(), 0);
    QVERIFY(m_store->modify(q, [](Job& job) { job.state = JobState::Generating; }));
    QCOMPARE(counts.count(), 1);
    QCOMPARE(m_model->count(JobState::Queued), 1);
    QCOMPARE(m_model->count(JobState::Generating), 1);
    QCOMPARE(m_model->runningCount(), 2);
    QVERIFY(m_store->modify(q, [](Job& job) { job.state = JobState::Done; }));
    QCOMPARE(m_model->runningCount(), 1);
    QCOMPARE(running.last().at(0).toInt(), 1);
    QVERIFY(m_store->remove(d));
    QCOMPARE(m_model->count(JobState::Done), 1);
    for (int state = 0; state < JobListModel::kStateCount; ++state)
        QCOMPARE(m_model->count(static_cast<JobState>(state)),
                 m_store->count(static_cast<JobState>(state)));
}

void TestJobListModel::uploadProgressShowsWhileUploading() {
    const QDateTime now = kBase.addSecs(3600);
    m_model->setClock([now] { return now; });
    Job uploading = makeJob(QStringLiteral("uploading"), JobState::Uploading, 0);
    uploading.request.setStartImage({});
    uploading.createdAt = now.addSecs(-3);
    const qint64 id = add(uploading);
    const QModelIndex index = m_model->indexOf(id);
    QCOMPARE(index.data(JobListModel::StatusTextRole).toString(), QStringLiteral("Uploading 0:03"));
    m_model->setUploadProgress(id, 30, 100);
    QCOMPARE(index.data(JobListModel::StatusTextRole).toString(), QStringLiteral("Uploading 30%"));
    QCOMPARE(index.data(JobListModel::ProgressRole).toDouble(), 0.3);
    // The next state starts without the upload's progress.
    QVERIFY(m_store->modify(id, [](Job& job) { job.state = JobState::Downloading; }));
    QCOMPARE(index.data(JobListModel::ProgressRole).toDouble(), -1.0);
    QCOMPARE(index.data(JobListModel::StatusTextRole).toString(), QStringLiteral("Downloading"));
}

void TestJobListModel::anotherAccountsStore() {
    add(makeJob(QStringLiteral("mine"), JobState::Queued, 0));
    add(makeJob(QStringLiteral("mine too"), JobState::Done, 1));
    auto other = std::make_unique<JobStore>();
    QVERIFY(other->open(m_dir->filePath(QStringLiteral("other"))));
    Job theirs = makeJob(QStringLiteral("theirs"), JobState::Failed, 2);
    QVERIFY(other->add(theirs).ok());

    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy counts(m_model.get(), &JobListModel::countsChanged);
    QSignalSpy running(m_model.get(), &JobListModel::runningCountChanged);
    m_model->setStore(other.get());
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, 0).data(JobListModel::PromptRole).toString(),
             QStringLiteral("theirs"));
    QCOMPARE(m_model->count(JobState::Failed), 1);
    QCOMPARE(m_model->count(JobState::Queued), 0);
    QVERIFY(counts.count() >= 1);
    QCOMPARE(running.last().at(0).toInt(), 0);
    // The old store no longer reaches the model.
    add(makeJob(QStringLiteral("not shown"), JobState::Queued, 3));
    QCOMPARE(m_model->rowCount(), 1);
    // A store that goes away (signed out) empties the model.
    other.reset();
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->store(), nullptr);
    m_model->setStore(m_store.get());
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->runningCount(), 2);
}

void TestJobListModel::filterByStateSearchAndFavourites() {
    JobFilterModel filter;
    filter.setSourceModel(m_model.get());
    QAbstractItemModelTester proxyTester(&filter,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 storm = add(makeJob(QStringLiteral("A lighthouse in a STORM"), JobState::Done, 0));
    const qint64 harbour =
        add(makeJob(QStringLiteral("Harbour at dawn, storm clouds"), JobState::Failed, 1));
    const qint64 cat = add(makeJob(QStringLiteral("A cat on a windowsill"), JobState::Queued, 2));
    const qint64 dog = add(makeJob(QStringLiteral("A dog in the storm"), JobState::Generating, 3));
    QCOMPARE(shownIds(&filter), (QList<qint64>{dog, cat, harbour, storm}));

    filter.setStates({JobState::Done});
    QCOMPARE(shownIds(&filter), (QList<qint64>{storm}));
    filter.setStates({JobState::Queued, JobState::Generating});
    QCOMPARE(shownIds(&filter), (QList<qint64>{dog, cat}));
    // A job that changes state leaves (or joins) the filtered view at once.
    QVERIFY(m_store->modify(dog, [](Job& job) { job.state = JobState::Done; }));
    QCOMPARE(shownIds(&filter), (QList<qint64>{cat}));
    QVERIFY(m_store->modify(storm, [](Job& job) { job.state = JobState::Queued; }));
    QCOMPARE(shownIds(&filter), (QList<qint64>{cat, storm}));
    filter.setStates({});

    filter.setSearchText(QStringLiteral("storm"));
    QCOMPARE(shownIds(&filter), (QList<qint64>{dog, harbour, storm}));
    filter.setSearchText(QStringLiteral("  STORM   harbour "));
    QCOMPARE(shownIds(&filter), (QList<qint64>{harbour}));
    filter.setSearchText(QStringLiteral("nothing like this"));
    QCOMPARE(filter.rowCount(), 0);
    filter.setSearchText({});
    QCOMPARE(filter.rowCount(), 4);

    filter.setFavouritesOnly(true);
    QCOMPARE(filter.rowCount(), 0);
    QVERIFY(m_store->modify(cat, [](Job& job) { job.favourite = true; }));
    QVERIFY(m_store->modify(harbour, [](Job& job) { job.favourite = true; }));
    QCOMPARE(shownIds(&filter), (QList<qint64>{cat, harbour}));
    filter.setSearchText(QStringLiteral("cat"));
    QCOMPARE(shownIds(&filter), (QList<qint64>{cat}));
    QCOMPARE(filter.jobId(0), cat);
    QVERIFY(m_store->remove(cat));
    QCOMPARE(filter.rowCount(), 0);
}

void TestJobListModel::finishedVideosDragAsFiles() {
    Job done = makeJob(QStringLiteral("done"), JobState::Done, 0);
    done.videoPath = m_dir->filePath(QStringLiteral("library/done video.mp4"));
    const qint64 d = add(done);
    Job other = makeJob(QStringLiteral("other"), JobState::Done, 1);
    other.videoPath = m_dir->filePath(QStringLiteral("library/other.mp4"));
    const qint64 o = add(other);
    const qint64 g = add(makeJob(QStringLiteral("generating"), JobState::Generating, 2));

    QVERIFY(m_model->flags(m_model->indexOf(d)).testFlag(Qt::ItemIsDragEnabled));
    QVERIFY(!m_model->flags(m_model->indexOf(g)).testFlag(Qt::ItemIsDragEnabled));
    QVERIFY(m_model->mimeTypes().contains(QStringLiteral("text/uri-list")));
    QCOMPARE(m_model->supportedDragActions(), Qt::CopyAction);

    std::unique_ptr<QMimeData> mime(
        m_model->mimeData({m_model->indexOf(d), m_model->indexOf(g), m_model->indexOf(o)}));
    QVERIFY(mime);
    QCOMPARE(mime->urls(), (QList<QUrl>{QUrl::fromLocalFile(other.videoPath),
                                        QUrl::fromLocalFile(done.videoPath)}));
    QCOMPARE(mime->data(JobListModel::jobIdsMimeType()),
             QStringLiteral("%1,%2,%3").arg(g).arg(o).arg(d).toLatin1());

    // Through the filter too (the gallery's model).
    JobFilterModel filter;
    filter.setSourceModel(m_model.get());
    filter.setStates({JobState::Done});
    std::unique_ptr<QMimeData> filtered(filter.mimeData({filter.index(1, 0)}));
    QVERIFY(filtered);
    QCOMPARE(filtered->urls(), (QList<QUrl>{QUrl::fromLocalFile(done.videoPath)}));
}

void TestJobListModel::tenThousandJobsLoadAtOnce() {
    cleanup();
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    constexpr int kJobs = 10000;
    QString error;
    QElapsedTimer timer;
    timer.start();
    const bool inserted = test::insertJobs(
        data, kJobs,
        [](int i, Job& job) {
            job.request.prompt = QStringLiteral("Scale test job %1, a harbour at dawn").arg(i);
            job.createdAt = kBase.addSecs(i * 60);
            job.state = i % 10 == 0 ? JobState::Failed : JobState::Done;
            job.videoPath = QStringLiteral("/library/video%1.mp4").arg(i);
            job.thumbnailPath = QStringLiteral("/thumbs/job%1.png").arg(i);
            job.favourite = i % 100 == 0;
        },
        &error);
    QVERIFY2(inserted, qPrintable(error));
    const qint64 insertMs = timer.restart();

    JobStore store;
    QVERIFY(store.open(data));
    const qint64 openMs = timer.restart();
    JobListModel model(&store);
    const qint64 modelMs = timer.restart();
    QCOMPARE(model.rowCount(), kJobs);
    QCOMPARE(model.index(0, 0).data(JobListModel::PromptRole).toString(),
             QStringLiteral("Scale test job 9999, a harbour at dawn"));
    QCOMPARE(model.index(kJobs - 1, 0).data(JobListModel::PromptRole).toString(),
             QStringLiteral("Scale test job 0, a harbour at dawn"));
    QCOMPARE(model.count(JobState::Failed), kJobs / 10);
    JobFilterModel filter;
    filter.setSourceModel(&model);
    filter.setSearchText(QStringLiteral("job 4242,"));
    QCOMPARE(filter.rowCount(), 1);
    filter.setSearchText({});
    filter.setFavouritesOnly(true);
    QCOMPARE(filter.rowCount(), kJobs / 100);
    const qint64 filterMs = timer.elapsed();
    qInfo("10,000 jobs: bulk insert %lld ms, store open %lld ms, model %lld ms, three filter "
          "passes %lld ms",
          insertMs, openMs, modelMs, filterMs);
    // Bounds only (the figures belong to the benchmark): loose enough for a loaded CI machine.
    QVERIFY2(modelMs < 2000, qPrintable(QString::number(modelMs)));
    QVERIFY2(filterMs < 5000, qPrintable(QString::number(filterMs)));
}

void TestJobListModel::thumbnailCacheStaysBounded() {
    QTemporaryDir dir;
    QStringList paths;
    for (int i = 0; i < 40; ++i) {
        QImage image(160, 90, QImage::Format_RGB32); // 56 KiB decoded
        image.fill(QColor::fromHsv(i * 9, 200, 200));
        paths << dir.filePath(QStringLiteral("t%1.png").arg(i));
        QVERIFY(image.save(paths.last()));
    }
    const qsizetype oneImage = ThumbnailCache::costOf(QImage(160, 90, QImage::Format_RGB32));
    ThumbnailCache cache;
    cache.setMaxCostKiB(oneImage * 10);
    cache.setMaxPending(16);
    QSignalSpy ready(&cache, &ThumbnailCache::imageReady);
    for (const QString& path : std::as_const(paths))
        QVERIFY(cache.image(path).isNull()); // never read on the caller's thread
    QCOMPARE(cache.stats().requests, 40);
    QVERIFY(cache.pendingCount() <= 16);
    QTRY_VERIFY(cache.isIdle());
    const ThumbnailCache::Stats stats = cache.stats();
    QCOMPARE(stats.loadsOnGuiThread, 0);
    QCOMPARE(stats.loadsFailed, 0);
    QVERIFY(stats.dropped >= 40 - 16 - 2); // the oldest requests were forgotten
    QCOMPARE(stats.loadsStarted, 40 - stats.dropped);
    QCOMPARE(ready.count(), stats.loadsStarted);
    QVERIFY(cache.count() <= 10);
    QVERIFY(cache.totalCostKiB() <= cache.maxCostKiB());
    // The most recent requests were served (newest first), the forgotten ones never read: the
    // first two went at once, then t39 down to t24; t2..t23 were dropped.
    QVERIFY(cache.contains(paths.at(24)));
    QVERIFY(!cache.contains(paths.at(10)));
    const QImage last = cache.image(paths.at(24));
    QCOMPARE(last.size(), QSize(160, 90));
    QCOMPARE(cache.stats().hits, 1);

    // A missing file fails once and is not retried until invalidated.
    QSignalSpy failed(&cache, &ThumbnailCache::imageFailed);
    const QString missing = dir.filePath(QStringLiteral("missing.png"));
    cache.image(missing);
    QTRY_COMPARE(failed.count(), 1);
    cache.image(missing);
    // Known to have failed: not queued again, so no second failure can come.
    QVERIFY(cache.hasFailed(missing));
    QVERIFY(cache.isIdle());
    QCOMPARE(failed.count(), 1);
    cache.invalidate(missing);
    cache.image(missing);
    QTRY_COMPARE(failed.count(), 2);
}

void TestJobListModel::thumbnailCacheScalesToCards() {
    // Issue 20: the worker decodes at the card's picture size, so the card draws it 1:1 and
    // memory holds what is shown. Never larger than asked, never enlarged.
    QTemporaryDir dir;
    auto write = [&](const char* name, QSize size) {
        QImage image(size, QImage::Format_RGB32);
        image.fill(QColor(200, 80, 40));
        const QString path = dir.filePath(QLatin1String(name));
        return image.save(path) ? path : QString();
    };
    const QString wide = write("wide.png", {480, 270});     // the card's shape: cropped to it
    const QString square = write("square.png", {400, 400}); // letterboxed inside
    const QString tall = write("tall.png", {270, 480});     // letterboxed inside
    const QString small = write("small.png", {96, 54});     // smaller: kept as it is
    const QString nearly = write("nearly.png", {480, 280}); // within 8 %: cropped
    const QSize card(230, 129);
    ThumbnailCache cache;
    cache.setScaledSize(card, ThumbnailCache::Scaling::Card);
    for (const QString& path : {wide, square, tall, small, nearly})
        QVERIFY(cache.image(path).isNull());
    QTRY_VERIFY(cache.isIdle());
    QCOMPARE(cache.count(), 5);
    QCOMPARE(cache.image(wide).size(), card);
    QCOMPARE(cache.image(nearly).size(), card);
    QCOMPARE(cache.image(square).size(), QSize(129, 129));
    QCOMPARE(cache.image(tall).size(), QSize(72, 129));
    QCOMPARE(cache.image(small).size(), QSize(96, 54));
    for (const QString& path : {wide, square, tall, small, nearly}) {
        const QSize size = cache.image(path).size();
        QVERIFY2(size.width() <= card.width() && size.height() <= card.height(), qPrintable(path));
    }
    QCOMPARE(cache.stats().loadsOnGuiThread, 0);
    // The cost is what is kept: a card's picture, not the file's 480 x 270.
    QCOMPARE(cache.totalCostKiB(),
             ThumbnailCache::costOf(QImage(card, QImage::Format_RGB32)) * 2 +
                 ThumbnailCache::costOf(QImage(129, 129, QImage::Format_RGB32)) +
                 ThumbnailCache::costOf(QImage(72, 129, QImage::Format_RGB32)) +
                 ThumbnailCache::costOf(QImage(96, 54, QImage::Format_RGB32)));

    // Cover (the effects browser) keeps the aspect and covers the size: the painter crops.
    QCOMPARE(ThumbnailCache::decodedSize({400, 400}, card, ThumbnailCache::Scaling::Cover),
             QSize(230, 230));

    // Resized: what was made for the old size is still shown (no card goes blank) and is read
    // again at the new one.
    const QSize larger(320, 180);
    cache.setScaledSize(larger, ThumbnailCache::Scaling::Card);
    QCOMPARE(cache.image(wide).size(), card);
    QVERIFY(!cache.isIdle());
    QTRY_VERIFY(cache.isIdle());
    QCOMPARE(cache.image(wide).size(), larger);
    QVERIFY(cache.isIdle()); // made for this size: not read again
}

QTEST_GUILESS_MAIN(TestJobListModel)
#include "tst_joblistmodel.moc"
