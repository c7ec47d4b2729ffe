// JobFilterModel over a real JobStore in a temporary folder (issue 18): each criterion alone and
// combined, the prompt search over 10,000 jobs, and the stacks of takes, with
// QAbstractItemModelTester watching the proxy through every change.
#include "BulkJobs.h"
#include "core/jobs/JobFilterModel.h"
#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace pixverse;

namespace {

const QDateTime kBase = QDateTime(QDate(2026, 5, 24), QTime(12, 0), Qt::UTC);

Job makeJob(const QString& prompt, int minutes, JobState state = JobState::Done) {
    Job job;
    job.request.prompt = prompt;
    job.request.model = QStringLiteral("v4.5");
    job.request.quality = QStringLiteral("540p");
    job.request.duration = 5;
    job.state = state;
    job.createdAt = kBase.addSecs(minutes * 60);
    return job;
}

//! Whether every word of `query` starts a word of `prompt` (the search's rule), case-insensitive.
bool matchesAsPrefixes(const QString& prompt, const QString& query) {
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"));
    const QStringList words = prompt.toLower().split(separators, Qt::SkipEmptyParts);
    const QStringList wanted = query.toLower().split(u' ', Qt::SkipEmptyParts);
    return std::all_of(wanted.cbegin(), wanted.cend(), [&words](const QString& w) {
        return std::any_of(words.cbegin(), words.cend(),
                           [&w](const QString& word) { return word.startsWith(w); });
    });
}

} // namespace

class TestJobFilterModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void eachCriterionAlone();
    void criteriaCombineAndClear();
    void rowsFollowTheJobs();
    void searchOverTenThousandJobs();
    void stacksCollapseAndOpen();
    void stackRowFollowsPicksRejectsAndRemovals();

private:
    qint64 add(const Job& job) {
        const Result<Job> added = m_store->add(job);
        return added.ok() ? added.value->id : 0;
    }
    bool change(qint64 id, const std::function<void(Job&)>& edit) {
        return m_store->modify(id, edit);
    }
    static QList<qint64> shownIds(const QAbstractItemModel* model) {
        QList<qint64> ids;
        for (int row = 0; row < model->rowCount(); ++row)
            ids << model->index(row, 0).data(JobListModel::IdRole).toLongLong();
        return ids;
    }
    void watch() {
        m_filter = std::make_unique<JobFilterModel>();
        m_filter->setSourceModel(m_model.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_filter.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<JobListModel> m_model;
    std::unique_ptr<JobFilterModel> m_filter;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestJobFilterModel::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<JobStore>();
    QVERIFY2(m_store->open(m_dir->filePath(QStringLiteral("data"))),
             qPrintable(m_store->errorString()));
    m_model = std::make_unique<JobListModel>(m_store.get());
    m_model->setElapsedInterval(0);
    watch();
}

void TestJobFilterModel::cleanup() {
    m_tester.reset();
    m_filter.reset();
    m_model.reset();
    m_store.reset();
    m_dir.reset();
}

void TestJobFilterModel::eachCriterionAlone() {
    JobFilterModel& filter = *m_filter;
    Job storm = makeJob(QStringLiteral("A lighthouse in a storm"), 0);
    storm.request.model = QStringLiteral("v5");
    const qint64 a = add(storm);
    Job cat = makeJob(QStringLiteral("A cat on a windowsill"), 24 * 60, JobState::Failed);
    cat.request.mode = GenerationMode::Extend;
    const qint64 b = add(cat);
    const qint64 c = add(makeJob(QStringLiteral("Harbour at dawn"), 3 * 24 * 60));
    const qint64 d = add(makeJob(QStringLiteral("Storm over the harbour"), 3 * 24 * 60 + 5));
    QVERIFY(a && b && c && d);
    QVERIFY(change(a, [](Job& job) { job.rating = 4; }));
    QVERIFY(change(b, [](Job& job) { job.rating = 2; }));
    QVERIFY(change(c, [](Job& job) { job.rejected = true; }));
    QVERIFY(change(d, [](Job& job) {
        job.tags = {QStringLiteral("Sea"), QStringLiteral("dusk")};
    }));
    QVERIFY(change(b, [](Job& job) { job.tags = {QStringLiteral("pets")}; }));
    const Result<Board> board = m_store->addBoard(QStringLiteral("Coast"));
    QVERIFY(board.ok());
    QVERIFY(change(c, [&board](Job& job) { job.boards = {board.value->id}; }));
    QVERIFY(change(d, [&board](Job& job) { job.boards = {board.value->id}; }));
    QCOMPARE(shownIds(&filter), (QList<qint64>{d, c, b, a}));
    QVERIFY(!filter.isFiltering());

    QSignalSpy changed(&filter, &JobFilterModel::filtersChanged);
    filter.setStates({JobState::Failed});
    QCOMPARE(shownIds(&filter), (QList<qint64>{b}));
    QVERIFY(filter.isFiltering());
    filter.setStates({});

    filter.setModes({GenerationMode::Extend});
    QCOMPARE(shownIds(&filter), (QList<qint64>{b}));
    filter.setModes({GenerationMode::TextToVideo});
    QCOMPARE(shownIds(&filter), (QList<qint64>{d, c, a}));
    filter.setModes({});

    filter.setModels({QStringLiteral("v5")});
    QCOMPARE(shownIds(&filter), (QList<qint64>{a}));
    filter.setModels({QStringLiteral("v5"), QStringLiteral("v4.5")});
    QCOMPARE(filter.rowCount(), 4);
    filter.setModels({});

    filter.setMinRating(2);
    QCOMPARE(shownIds(&filter), (QList<qint64>{b, a}));
    filter.setMinRating(3);
    QCOMPARE(shownIds(&filter), (QList<qint64>{a}));
    filter.setMinRating(5);
    QCOMPARE(filter.rowCount(), 0);
    filter.setMinRating(0);

    filter.setRejectedFilter(JobFilterModel::RejectedFilter::OnlyRejected);
    QCOMPARE(shownIds(&filter), (QList<qint64>{c}));
    filter.setRejectedFilter(JobFilterModel::RejectedFilter::HideRejected);
    QCOMPARE(shownIds(&filter), (QList<qint64>{d, b, a}));
    filter.setRejectedFilter(JobFilterModel::RejectedFilter::Any);

    filter.setTag(QStringLiteral("sea")); // case does not matter
    QCOMPARE(shownIds(&filter), (QList<qint64>{d}));
    filter.setTag(QStringLiteral("pets "));
    QCOMPARE(shownIds(&filter), (QList<qint64>{b}));
    filter.setTag(QStringLiteral("se")); // a tag is a whole word
    QCOMPARE(filter.rowCount(), 0);
    filter.setTag({});

    filter.setBoard(board.value->id);
    QCOMPARE(shownIds(&filter), (QList<qint64>{d, c}));
    filter.setBoard(0);

    // Local days, both ends included; an invalid end is open.
    const QDate dayOf = m_store->job(b)->createdAt.toLocalTime().date();
    filter.setDateRange(dayOf, dayOf);
    QCOMPARE(shownIds(&filter), (QList<qint64>{b}));
    filter.setDateRange(dayOf, {});
    QCOMPARE(shownIds(&filter), (QList<qint64>{d, c, b}));
    filter.setDateRange({}, dayOf.addDays(-1));
    QCOMPARE(shownIds(&filter), (QList<qint64>{a}));
    filter.setDateRange({}, {});

    filter.setFavouritesOnly(true);
    QCOMPARE(filter.rowCount(), 0);
    filter.setFavouritesOnly(false);

    filter.setSearchText(QStringLiteral("storm"));
    QCOMPARE(shownIds(&filter), (QList<qint64>{d, a}));
    filter.setSearchText({});
    QCOMPARE(filter.rowCount(), 4);
    QVERIFY(!filter.isFiltering());
    QCOMPARE(changed.count(), 29); // once per change, never for a value already set
}

void TestJobFilterModel::criteriaCombineAndClear() {
    JobFilterModel& filter = *m_filter;
    QList<qint64> ids;
    for (int i = 0; i < 8; ++i) {
        Job job = makeJob(i % 2 ? QStringLiteral("Storm number %1").arg(i)
                                : QStringLiteral("Calm sea number %1").arg(i),
                          i);
        job.request.model = i < 4 ? QStringLiteral("v4.5") : QStringLiteral("v5");
        ids << add(job);
        QVERIFY(change(ids.last(), [i](Job& j) {
            j.rating = i % 4 + 1; // 1 2 3 4 1 2 3 4
            j.rejected = i == 7;
            if (i >= 2)
                j.tags = {QStringLiteral("keep")};
        }));
    }
    filter.setSearchText(QStringLiteral("storm")); // 1 3 5 7
    filter.setModels({QStringLiteral("v5")});      // 5 7
    QCOMPARE(shownIds(&filter), (QList<qint64>{ids[7], ids[5]}));
    filter.setMinRating(3); // 7 (rated 4); 5 is rated 2
    QCOMPARE(shownIds(&filter), (QList<qint64>{ids[7]}));
    filter.setRejectedFilter(JobFilterModel::RejectedFilter::HideRejected);
    QCOMPARE(filter.rowCount(), 0);
    filter.setRejectedFilter(JobFilterModel::RejectedFilter::Any);
    filter.setModels({});
    filter.setTag(QStringLiteral("keep")); // storm, rated ≥ 3, tagged: 3 7
    QCOMPARE(shownIds(&filter), (QList<qint64>{ids[7], ids[3]}));

    QSignalSpy changed(&filter, &JobFilterModel::filtersChanged);
    filter.clearFilters();
    QCOMPARE(changed.count(), 1);
    QVERIFY(!filter.isFiltering());
    QCOMPARE(filter.searchText(), QString());
    QCOMPARE(filter.minRating(), 0);
    QCOMPARE(filter.tag(), QString());
    QCOMPARE(filter.rowCount(), 8);
    filter.clearFilters(); // nothing to clear: no signal
    QCOMPARE(changed.count(), 1);
}

void TestJobFilterModel::rowsFollowTheJobs() {
    JobFilterModel& filter = *m_filter;
    const qint64 a = add(makeJob(QStringLiteral("A storm at sea"), 0));
    const qint64 b = add(makeJob(QStringLiteral("A quiet street"), 1));
    filter.setMinRating(3);
    QCOMPARE(filter.rowCount(), 0);
    QVERIFY(change(b, [](Job& job) { job.rating = 3; }));
    QCOMPARE(shownIds(&filter), (QList<qint64>{b}));
    QVERIFY(change(b, [](Job& job) { job.rating = 1; }));
    QCOMPARE(filter.rowCount(), 0);
    filter.setMinRating(0);

    // A job added while searching is found when its prompt matches.
    filter.setSearchText(QStringLiteral("storm"));
    QCOMPARE(shownIds(&filter), (QList<qint64>{a}));
    const qint64 c = add(makeJob(QStringLiteral("Storm clouds over a town"), 2));
    const qint64 d = add(makeJob(QStringLiteral("Sunny fields"), 3));
    QVERIFY(c && d);
    QCOMPARE(shownIds(&filter), (QList<qint64>{c, a}));
    QVERIFY(m_store->remove(a));
    QCOMPARE(shownIds(&filter), (QList<qint64>{c}));

    // Taken off the board: gone from the board's view.
    filter.setSearchText({});
    const Result<Board> board = m_store->addBoard(QStringLiteral("Picks"));
    QVERIFY(board.ok());
    filter.setBoard(board.value->id);
    QCOMPARE(filter.rowCount(), 0);
    QVERIFY(change(d, [&board](Job& job) { job.boards = {board.value->id}; }));
    QCOMPARE(shownIds(&filter), (QList<qint64>{d}));
    QVERIFY(change(d, [](Job& job) { job.boards.clear(); }));
    QCOMPARE(filter.rowCount(), 0);
}

void TestJobFilterModel::searchOverTenThousandJobs() {
    cleanup();
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    constexpr int kJobs = 10000;
    const QStringList places{QStringLiteral("lighthouse"), QStringLiteral("harbour"),
                             QStringLiteral("forest"), QStringLiteral("desert"),
                             QStringLiteral("city")};
    const QStringList weather{QStringLiteral("storm"), QStringLiteral("dawn"),
                              QStringLiteral("fog"),   QStringLiteral("snow"),
                              QStringLiteral("rain"),  QStringLiteral("night"),
                              QStringLiteral("heat")};
    QString error;
    QVERIFY2(test::insertJobs(
                 data, kJobs,
                 [&](int i, Job& job) {
                     job.request.prompt = QStringLiteral("A %1 in the %2, take %3")
                                              .arg(places.at(i % places.size()),
                                                   weather.at((i / 3) % weather.size()))
                                              .arg(i);
                     job.createdAt = kBase.addSecs(i * 60);
                     job.state = JobState::Done;
                 },
                 &error),
             qPrintable(error));
    JobStore store;
    QVERIFY(store.open(data));
    JobListModel model(&store);
    JobFilterModel filter;
    filter.setSourceModel(&model);
    QCOMPARE(filter.rowCount(), kJobs);

    // The expected rows, worked out here from the prompts, in the gallery's order.
    const auto expected = [&](const QString& query) {
        QList<qint64> ids;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (matchesAsPrefixes(model.index(row, 0).data(JobListModel::PromptRole).toString(),
                                  query))
                ids << model.jobId(row);
        }
        return ids;
    };
    for (const QString& query :
         {QStringLiteral("storm"), QStringLiteral("STORM light"), QStringLiteral("harbour fog"),
          QStringLiteral("desert sno"), QStringLiteral("take 4242"),
          QStringLiteral("desert snow 99"), // a prefix of 99, 990…, not the 99 inside 199
                                            // QStringLiteral("city heat"),
          QStringLiteral("volcano")}) {
        filter.setSearchText(query);
        const QList<qint64> want = expected(query);
        QCOMPARE(shownIds(&filter), want);
        qInfo("%s: %d rows", qPrintable(query), int(want.size()));
    }
    QCOMPARE(filter.rowCount(), 0); // "volcano"

    // As typed, one keystroke at a time (the budget is for the benchmark; this bound is loose).
    const QString typed = QStringLiteral("lighthouse storm take 12");
    qint64 worstMs = 0;
    QElapsedTimer timer;
    for (int n = 1; n <= typed.size(); ++n) {
        timer.start();
        filter.setSearchText(typed.left(n));
        filter.rowCount();
        worstMs = std::max(worstMs, timer.elapsed());
    }
    QCOMPARE(shownIds(&filter), expected(typed));
    qint64 worstSearchMs = 0;
    for (int n = 1; n <= typed.size(); ++n) {
        timer.start();
        store.searchPrompts(typed.left(n));
        worstSearchMs = std::max(worstSearchMs, timer.elapsed());
    }
    qInfo("10,000 jobs: worst keystroke %lld ms, of which the store's search at most %lld ms",
          worstMs, worstSearchMs);
    QVERIFY2(worstMs < 1000, qPrintable(QString::number(worstMs)));
    init(); // cleanup() expects a fixture
}

void TestJobFilterModel::stacksCollapseAndOpen() {
    JobFilterModel& filter = *m_filter;
    const qint64 lone = add(makeJob(QStringLiteral("A lone job"), 0));
    QList<Job> takes;
    for (int i = 0; i < 4; ++i)
        takes << makeJob(QStringLiteral("Four takes of a storm"), 1);
    const Result<QList<Job>> group = m_store->addGroup(takes);
    QVERIFY(group.ok());
    QCOMPARE(group.value->size(), 4);
    const qint64 groupId = group.value->first().id;
    QList<qint64> takeIds;
    for (const Job& take : *group.value)
        takeIds << take.id;
    const qint64 later = add(makeJob(QStringLiteral("A later job"), 5));
    QCOMPARE(filter.rowCount(), 6);

    filter.setStacked(true);
    QVERIFY(!filter.isFiltering()); // a stack is not a filter
    QCOMPARE(shownIds(&filter), (QList<qint64>{later, takeIds[0], lone}));
    QCOMPARE(filter.index(1, 0).data(JobListModel::GroupSizeRole).toInt(), 4);
    QCOMPARE(filter.index(0, 0).data(JobListModel::GroupSizeRole).toInt(), 1);
    // A closed stack's card prices the whole click; a lone job's, itself.
    const QString oneTake =
        m_model->index(m_model->rowOf(takeIds[0]), 0).data(JobListModel::CostTextRole).toString();
    QVERIFY(!oneTake.isEmpty());
    QCOMPARE(filter.index(1, 0).data(JobListModel::CostTextRole).toString(),
             QStringLiteral("4 × ") + oneTake);
    QVERIFY(!filter.index(0, 0).data(JobListModel::CostTextRole).toString().contains(u'×'));

    filter.setOpenStack(groupId);
    QCOMPARE(filter.index(0, 0).data(JobListModel::CostTextRole).toString(), oneTake);
    QCOMPARE(filter.openStack(), groupId);
    QList<qint64> open = shownIds(&filter);
    std::sort(open.begin(), open.end());
    QCOMPARE(open, takeIds);
    // Criteria still apply inside a stack.
    QVERIFY(change(takeIds[1], [](Job& job) { job.rejected = true; }));
    filter.setRejectedFilter(JobFilterModel::RejectedFilter::HideRejected);
    QCOMPARE(filter.rowCount(), 3);
    QVERIFY(!shownIds(&filter).contains(takeIds[1]));
    filter.setRejectedFilter(JobFilterModel::RejectedFilter::Any);
    filter.setOpenStack(0);
    QCOMPARE(shownIds(&filter), (QList<qint64>{later, takeIds[0], lone}));

    filter.setStacked(false);
    QCOMPARE(filter.rowCount(), 6);
}

void TestJobFilterModel::stackRowFollowsPicksRejectsAndRemovals() {
    JobFilterModel& filter = *m_filter;
    QList<Job> takes;
    for (int i = 0; i < 3; ++i)
        takes << makeJob(QStringLiteral("Three takes"), 0);
    const Result<QList<Job>> group = m_store->addGroup(takes);
    QVERIFY(group.ok());
    QList<qint64> t;
    for (const Job& take : *group.value)
        t << take.id;
    filter.setStacked(true);
    QCOMPARE(shownIds(&filter), (QList<qint64>{t[0]}));

    // The picked take stands for the stack.
    QVERIFY(change(t[2], [](Job& job) { job.picked = true; }));
    QCOMPARE(shownIds(&filter), (QList<qint64>{t[2]}));
    QVERIFY(change(t[2], [](Job& job) { job.picked = false; }));
    QCOMPARE(shownIds(&filter), (QList<qint64>{t[0]}));

    // Hidden by a criterion: the next take that meets them stands for it.
    filter.setRejectedFilter(JobFilterModel::RejectedFilter::HideRejected);
    QVERIFY(change(t[0], [](Job& job) { job.rejected = true; }));
    QCOMPARE(shownIds(&filter), (QList<qint64>{t[1]}));
    QCOMPARE(filter.index(0, 0).data(JobListModel::GroupSizeRole).toInt(), 3);
    filter.setRejectedFilter(JobFilterModel::RejectedFilter::OnlyRejected);
    QCOMPARE(shownIds(&filter), (QList<qint64>{t[0]}));
    filter.setRejectedFilter(JobFilterModel::RejectedFilter::Any);

    // Removed: the next take still there.
    QVERIFY(m_store->remove(t[0]));
    QCOMPARE(shownIds(&filter), (QList<qint64>{t[1]}));
    QCOMPARE(filter.index(0, 0).data(JobListModel::GroupSizeRole).toInt(), 2);
    QVERIFY(m_store->remove(t[1]));
    QCOMPARE(shownIds(&filter), (QList<qint64>{t[2]}));
    QVERIFY(m_store->remove(t[2]));
    QCOMPARE(filter.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestJobFilterModel)
#include "tst_jobfiltermodel.moc"
