// The library side of JobStore (issue 18) on real SQLite files: groups of takes, marks, tags and
// boards survive a reopen, a schema 6 file is migrated and indexed, boards are checked, and the
// FTS5 prompt search agrees with a plain scan over 10,000 jobs.
#include "core/jobs/JobRows.h"
#include "core/jobs/JobStore.h"
#include "tests/core/jobs/BulkJobs.h"

#include <QDir>
#include <QImage>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace pixverse;

class TestJobStoreLibrary : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void libraryFieldsSurviveReopen();
    void tagsAndBoardsAreCleaned();
    void addGroupNumbersTheTakes();
    void addGroupAddsNothingWhenOneFails();
    void boardsAreCheckedAndKept();
    void removeBoardTakesItOffEveryJob();
    void allTagsMostUsedFirst();
    void migratesFromVersion6AndIndexesPrompts();
    void searchMatchesAScanOver10000Jobs();
    void searchSurvivesSyntaxInTheText();
    void searchFollowsUpdateAndRemove();

private:
    QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }
    static Job sampleJob(const QString& prompt);
    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

//! The oracle the FTS index must agree with: every word of `text` starts a word of `prompt`
//! (words are runs of letters and digits, compared case-insensitively).
bool scanMatches(const QString& prompt, const QString& text) {
    static const QRegularExpression nonWord(QStringLiteral("[^\\p{L}\\p{N}]+"));
    const QStringList words = prompt.toLower().split(nonWord, Qt::SkipEmptyParts);
    const QStringList wanted = text.toLower().split(nonWord, Qt::SkipEmptyParts);
    return std::all_of(wanted.cbegin(), wanted.cend(), [&words](const QString& part) {
        return std::any_of(words.cbegin(), words.cend(),
                           [&part](const QString& word) { return word.startsWith(part); });
    });
}

const QStringList kWords{
    QStringLiteral("lighthouse"), QStringLiteral("light"),  QStringLiteral("storm"),
    QStringLiteral("lime"),       QStringLiteral("cat"),    QStringLiteral("neon"),
    QStringLiteral("city"),       QStringLiteral("маяк"),   QStringLiteral("шторм"),
    QStringLiteral("Ночь"),       QStringLiteral("forest"), QStringLiteral("lantern"),
};

//! Job i's prompt: three words of kWords picked by i, so each query has many answers and many
//! non-answers.
QString generatedPrompt(int i) {
    return QStringLiteral("%1 %2 in the %3")
        .arg(kWords.at(i % kWords.size()), kWords.at((i / 3) % kWords.size()),
             kWords.at((i / 7) % kWords.size()));
}

QList<qint64> sortedIds(QList<qint64> ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

void TestJobStoreLibrary::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

Job TestJobStoreLibrary::sampleJob(const QString& prompt) {
    Job job;
    job.family = ApiFamily::OpenApi;
    job.request.prompt = prompt;
    job.request.quality = QStringLiteral("720p");
    return job;
}

void TestJobStoreLibrary::libraryFieldsSurviveReopen() {
    qint64 id = 0;
    qint64 storms = 0;
    qint64 keep = 0;
    {
        JobStore store;
        QVERIFY2(store.open(dataDir()), qPrintable(store.errorString()));
        QCOMPARE(store.schemaVersion(), JobStore::kSchemaVersion);
        storms = store.addBoard(QStringLiteral("Storms")).value->id;
        keep =
            store.addBoard(QStringLiteral("Keep"), m_dir->filePath(QStringLiteral("k"))).value->id;
        const Result<Job> added = store.add(sampleJob(QStringLiteral("A lighthouse")));
        QVERIFY(added.ok());
        id = added.value->id;
        QSignalSpy changed(&store, &JobStore::jobChanged);
        QVERIFY(store.modify(id, [&](Job& job) {
            job.rating = 4;
            job.rejected = true;
            job.picked = true;
            job.tags = {QStringLiteral("sea"), QStringLiteral("Ночь")};
            job.boards = {keep, storms};
            job.groupId = 77;
            job.takeIndex = 3;
        }));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(store.boardJobCount(storms), 1);
    }
    JobStore store;
    QVERIFY2(store.open(dataDir()), qPrintable(store.errorString()));
    const Job job = *store.job(id);
    QCOMPARE(job.rating, 4);
    QVERIFY(job.rejected);
    QVERIFY(job.picked);
    QCOMPARE(job.tags, (QStringList{QStringLiteral("sea"), QStringLiteral("Ночь")}));
    QCOMPARE(job.boards, (QList<qint64>{storms, keep})); // ascending ids
    QCOMPARE(job.groupId, qint64(77));
    QCOMPARE(job.takeIndex, 3);
    QCOMPARE(store.group(77).size(), 1);
    QCOMPARE(store.boardJobCount(keep), 1);
    QCOMPARE(store.board(keep)->folder, m_dir->filePath(QStringLiteral("k")));
    QCOMPARE(store.allTags(), (QStringList{QStringLiteral("sea"), QStringLiteral("Ночь")}));

    // Cleared again: the rows of the tags and boards go too.
    QVERIFY(store.modify(id, [](Job& job) {
        job.rating = 0;
        job.rejected = false;
        job.tags.clear();
        job.boards.clear();
    }));
    store.close();
    QVERIFY(store.open(dataDir()));
    QCOMPARE(store.job(id)->rating, 0);
    QVERIFY(!store.job(id)->rejected);
    QVERIFY(store.job(id)->picked);
    QVERIFY(store.job(id)->tags.isEmpty());
    QVERIFY(store.job(id)->boards.isEmpty());
    QCOMPARE(store.boardJobCount(storms), 0);
    QVERIFY(store.allTags().isEmpty());
}

void TestJobStoreLibrary::tagsAndBoardsAreCleaned() {
    JobStore store;
    QVERIFY(store.open(dataDir()));
    const qint64 board = store.addBoard(QStringLiteral("B")).value->id;
    Job job = sampleJob(QStringLiteral("x"));
    job.tags = {QStringLiteral(" sea  shore "), QStringLiteral("SEA shore"), QStringLiteral(""),
                QStringLiteral("Море"), QStringLiteral("море")};
    job.boards = {board, 999, board};
    const Result<Job> added = store.add(job);
    QVERIFY(added.ok());
    const QStringList expectedTags{QStringLiteral("sea shore"), QStringLiteral("Море")};
    QCOMPARE(added.value->tags, expectedTags);
    QCOMPARE(added.value->boards, QList<qint64>{board});
    store.close();
    QVERIFY(store.open(dataDir()));
    QCOMPARE(store.jobs().first().tags, expectedTags);
    QCOMPARE(store.jobs().first().boards, QList<qint64>{board});
}

void TestJobStoreLibrary::addGroupNumbersTheTakes() {
    QImage image(32, 24, QImage::Format_RGB32);
    image.fill(Qt::blue);
    const QString png = m_dir->filePath(QStringLiteral("start.png"));
    QVERIFY(image.save(png, "PNG"));

    JobStore store;
    QVERIFY(store.open(dataDir()));
    QVERIFY(store.add(sampleJob(QStringLiteral("before"))).ok()); // a lone job: group 0
    QSignalSpy addedSpy(&store, &JobStore::jobAdded);
    QList<Job> takes;
    for (int i = 0; i < 4; ++i) {
        Job take = sampleJob(QStringLiteral("storm take"));
        take.request.setStartImage(png);
        take.request.seed = 100 + i;
        takes << take;
    }
    const Result<QList<Job>> added = store.addGroup(takes);
    QVERIFY2(added.ok(), qPrintable(added.error.logText()));
    QCOMPARE(added.value->size(), 4);
    const qint64 groupId = added.value->first().id;
    QCOMPARE(addedSpy.count(), 4);
    const QString copy = added.value->first().request.startImagePath();
    QVERIFY(store.isStoreCopy(copy));
    QCOMPARE(QDir(store.imagesDir()).entryList(QDir::Files).size(), 1); // one file, one copy
    for (int i = 0; i < 4; ++i) {
        const Job& take = added.value->at(i);
        QCOMPARE(addedSpy.at(i).at(0).toLongLong(), take.id); // in order
        QCOMPARE(take.groupId, groupId);
        QCOMPARE(take.takeIndex, i);
        QCOMPARE(take.request.seed, std::optional<qint64>(100 + i));
        QCOMPARE(take.request.startImagePath(), copy);
    }
    QCOMPARE(store.jobs().first().groupId, qint64(0));
    QVERIFY(store.group(0).isEmpty());
    QVERIFY(store.group(groupId + 1000).isEmpty());

    QVERIFY(store.remove(added.value->at(1).id));
    store.close();
    QVERIFY(store.open(dataDir()));
    const QList<Job> group = store.group(groupId);
    QCOMPARE(group.size(), 3);
    QCOMPARE(group.at(0).id, groupId);
    QCOMPARE(group.at(0).takeIndex, 0);
    QCOMPARE(group.at(1).takeIndex, 2);
    QCOMPARE(group.at(2).takeIndex, 3);
    QCOMPARE(group.at(2).request.seed, std::optional<qint64>(103));
    // Removing the first take leaves the group under its id.
    QVERIFY(store.remove(groupId));
    QCOMPARE(store.group(groupId).size(), 2);
    QCOMPARE(store.group(groupId).first().takeIndex, 2);
}

void TestJobStoreLibrary::addGroupAddsNothingWhenOneFails() {
    JobStore store;
    QVERIFY(store.open(dataDir()));
    QSignalSpy addedSpy(&store, &JobStore::jobAdded);
    Job good = sampleJob(QStringLiteral("good"));
    Job bad = sampleJob(QStringLiteral("bad"));
    bad.request.setStartImage(m_dir->filePath(QStringLiteral("missing.png")));
    const Result<QList<Job>> added = store.addGroup({good, bad, good});
    QVERIFY(!added.ok());
    QCOMPARE(added.error.kind(), ApiError::Kind::Input);
    QCOMPARE(addedSpy.count(), 0);
    store.close();
    QVERIFY(store.open(dataDir()));
    QVERIFY(store.jobs().isEmpty());
}

void TestJobStoreLibrary::boardsAreCheckedAndKept() {
    JobStore store;
    QVERIFY(store.open(dataDir()));
    QSignalSpy changed(&store, &JobStore::boardsChanged);
    const Result<Board> storms = store.addBoard(QStringLiteral("  Storm   shots "));
    QVERIFY(storms.ok());
    QCOMPARE(storms.value->name, QStringLiteral("Storm shots"));
    const Result<Board> night = store.addBoard(QStringLiteral("Ночь"), QStringLiteral("/tmp/x/"));
    QVERIFY(night.ok());
    QCOMPARE(night.value->folder, QStringLiteral("/tmp/x"));
    QCOMPARE(changed.count(), 2);

    const Result<Board> empty = store.addBoard(QStringLiteral("   "));
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error.kind(), ApiError::Kind::Input);
    QCOMPARE(empty.error.userMessage(), QStringLiteral("A board needs a name."));
    const Result<Board> twin = store.addBoard(QStringLiteral("storm SHOTS"));
    QVERIFY(!twin.ok());
    QVERIFY2(twin.error.userMessage().contains(QStringLiteral("“Storm shots”")),
             qPrintable(twin.error.userMessage()));
    QVERIFY(!store.addBoard(QStringLiteral("НОЧЬ")).ok()); // Cyrillic case too
    QCOMPARE(changed.count(), 2);

    Board renamed = *night.value;
    renamed.name = QStringLiteral("STORM shots");
    QVERIFY(!store.updateBoard(renamed).ok());
    renamed.name = QStringLiteral("Nights");
    renamed.folder.clear();
    QVERIFY(store.updateBoard(renamed).ok());
    QCOMPARE(changed.count(), 3);
    Board sameName = *storms.value;
    sameName.name = QStringLiteral("storm shots"); // its own name in other case: allowed
    QVERIFY(store.updateBoard(sameName).ok());
    Board unknown{12345, QStringLiteral("Ghost"), {}};
    QVERIFY(!store.updateBoard(unknown).ok());
    QVERIFY(!store.removeBoard(12345));

    store.close();
    QVERIFY(store.open(dataDir()));
    const QList<Board> boards = store.boards();
    QCOMPARE(boards.size(), 2);
    QCOMPARE(boards.at(0).name, QStringLiteral("Nights")); // by name
    QVERIFY(boards.at(0).folder.isEmpty());
    QCOMPARE(boards.at(1).name, QStringLiteral("storm shots"));
    QCOMPARE(boards.at(1).id, storms.value->id);
    // Ids are never reused.
    QVERIFY(store.removeBoard(boards.at(0).id));
    QVERIFY(store.addBoard(QStringLiteral("Again")).value->id > night.value->id);
}

void TestJobStoreLibrary::removeBoardTakesItOffEveryJob() {
    JobStore store;
    QVERIFY(store.open(dataDir()));
    const qint64 a = store.addBoard(QStringLiteral("A")).value->id;
    const qint64 b = store.addBoard(QStringLiteral("B")).value->id;
    QList<qint64> onA;
    for (int i = 0; i < 5; ++i) {
        Job job = sampleJob(QStringLiteral("job %1").arg(i));
        job.boards = i < 3 ? QList<qint64>{a, b} : QList<qint64>{b};
        const qint64 id = store.add(job).value->id;
        if (i < 3)
            onA << id;
    }
    QVERIFY(store.add(sampleJob(QStringLiteral("on none"))).ok());
    QCOMPARE(store.boardJobCount(a), 3);
    QCOMPARE(store.boardJobCount(b), 5);

    QSignalSpy jobChanged(&store, &JobStore::jobChanged);
    QSignalSpy boardsChanged(&store, &JobStore::boardsChanged);
    QVERIFY(store.removeBoard(a));
    QCOMPARE(boardsChanged.count(), 1);
    QList<qint64> changedIds;
    for (const QList<QVariant>& args : std::as_const(jobChanged))
        changedIds << args.at(0).toLongLong();
    QCOMPARE(sortedIds(changedIds), onA);
    QCOMPARE(store.boardJobCount(a), 0);
    QCOMPARE(store.boardJobCount(b), 5);
    QVERIFY(!store.board(a));
    for (const qint64 id : std::as_const(onA))
        QCOMPARE(store.job(id)->boards, QList<qint64>{b});

    store.close();
    QVERIFY(store.open(dataDir()));
    QCOMPARE(store.boards().size(), 1);
    for (const Job& job : store.jobs())
        QVERIFY(!job.boards.contains(a));
    QCOMPARE(store.boardJobCount(b), 5);
}

void TestJobStoreLibrary::allTagsMostUsedFirst() {
    JobStore store;
    QVERIFY(store.open(dataDir()));
    QVERIFY(store.allTags().isEmpty());
    const auto addTagged = [&store](const QStringList& tags) {
        Job job = sampleJob(QStringLiteral("tagged"));
        job.tags = tags;
        return store.add(job).value->id;
    };
    addTagged({QStringLiteral("sea"), QStringLiteral("night")});
    const qint64 second = addTagged({QStringLiteral("sea"), QStringLiteral("alpha")});
    addTagged({QStringLiteral("sea"), QStringLiteral("night")});
    QCOMPARE(store.allTags(), (QStringList{QStringLiteral("sea"), QStringLiteral("night"),
                                           QStringLiteral("alpha")}));
    QVERIFY(store.modify(second, [](Job& job) { job.tags = {QStringLiteral("zeta")}; }));
    // sea and night are both on two jobs now: by name.
    QCOMPARE(store.allTags(),
             (QStringList{QStringLiteral("night"), QStringLiteral("sea"), QStringLiteral("zeta")}));
    QVERIFY(store.remove(second));
    QCOMPARE(store.allTags(), (QStringList{QStringLiteral("night"), QStringLiteral("sea")}));
    store.close();
    QVERIFY(store.open(dataDir()));
    QCOMPARE(store.allTags(), (QStringList{QStringLiteral("night"), QStringLiteral("sea")}));
}

void TestJobStoreLibrary::migratesFromVersion6AndIndexesPrompts() {
    QString error;
    QVERIFY2(test::createSchema(dataDir(), 6, &error), qPrintable(error));
    {
        // Rows as the release of schema 6 wrote them: a prompt, a Russian one, an effect named
        // after its template, and a damaged request the index must survive.
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v6 rows"));
        db.setDatabaseName(QDir(dataDir()).filePath(JobStore::databaseFileName()));
        QVERIFY(db.open());
        QSqlQuery q(db);
        const QStringList requests{
            QStringLiteral("{\"mode\":\"t2v\",\"prompt\":\"A lighthouse in a storm\"}"),
            QStringLiteral("{\"mode\":\"t2v\",\"prompt\":\"Маяк в шторм\"}"),
            QStringLiteral("{\"mode\":\"effect\",\"prompt\":\"\",\"templateId\":7,"
                           "\"templateName\":\"Hug Zombie\"}"),
            QStringLiteral("{not json"),
        };
        for (int i = 0; i < requests.size(); ++i) {
            q.prepare(QStringLiteral("INSERT INTO jobs (created_at, updated_at, family, request,"
                                     " state, favourite) VALUES (?, ?, 'openapi', ?, 'done', ?)"));
            q.addBindValue(1700000000000LL + i);
            q.addBindValue(1700000000000LL + i);
            q.addBindValue(requests.at(i));
            q.addBindValue(i == 0 ? 1 : 0);
            QVERIFY2(q.exec(), qPrintable(requests.at(i)));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v6 rows"));

    JobStore store;
    QVERIFY2(store.open(dataDir()), qPrintable(store.errorString()));
    QCOMPARE(store.schemaVersion(), JobStore::kSchemaVersion);
    const QList<Job> jobs = store.jobs();
    QCOMPARE(jobs.size(), 4);
    QVERIFY(jobs.at(0).favourite);
    for (const Job& job : jobs) {
        QCOMPARE(job.groupId, qint64(0));
        QCOMPARE(job.rating, 0);
        QVERIFY(!job.rejected && !job.picked);
        QVERIFY(job.tags.isEmpty() && job.boards.isEmpty());
    }
    QCOMPARE(store.searchPrompts(QStringLiteral("light")), QList<qint64>{jobs.at(0).id});
    QCOMPARE(store.searchPrompts(QStringLiteral("шторм")), QList<qint64>{jobs.at(1).id});
    QCOMPARE(store.searchPrompts(QStringLiteral("zomb")), QList<qint64>{jobs.at(2).id});
    QCOMPARE(store.searchPrompts(QStringLiteral("storm")), QList<qint64>{jobs.at(0).id});
    QCOMPARE(store.searchPrompts(QString()).size(), 4);
}

void TestJobStoreLibrary::searchMatchesAScanOver10000Jobs() {
    const int count = 10000;
    QString error;
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(1700000000000LL, Qt::UTC);
    QVERIFY2(test::insertJobs(
                 dataDir(), count,
                 [&start](int i, Job& job) {
                     job.request.prompt = generatedPrompt(i);
                     // Not in id order: the search answers newest first, not last added first.
                     job.createdAt = start.addSecs((i * 7919) % count);
                     job.state = JobState::Done;
                 },
                 &error),
             qPrintable(error));
    JobStore store;
    QVERIFY2(store.open(dataDir()), qPrintable(store.errorString()));
    QCOMPARE(store.jobs().size(), count);

    QStringList queries{
        QStringLiteral("l"),
        QStringLiteral("li"),
        QStringLiteral("lig"),
        QStringLiteral("LIGHTHOUSE"),
        QStringLiteral("lighthouse storm"),
        QStringLiteral("storm li"),
        QStringLiteral("мая"),
        QStringLiteral("МАЯК ночь"),
        QStringLiteral("ноч cat"),
        QStringLiteral("forest lantern city"),
        QStringLiteral("zebra"),
        QStringLiteral("the"),
    };
    const auto agreesWithAScan = [&store, &queries] {
        for (const QString& text : std::as_const(queries)) {
            QList<qint64> expected;
            for (const Job& job : store.jobs()) {
                if (scanMatches(job.request.prompt, text))
                    expected << job.id;
            }
            const QList<qint64> found = store.searchPrompts(text);
            QCOMPARE(sortedIds(found), expected); // jobs() is by id
            if (text != QStringLiteral("zebra"))
                QVERIFY2(!found.isEmpty(), qPrintable(text));
            for (qsizetype i = 1; i < found.size(); ++i) // newest first
                QVERIFY(store.job(found.at(i - 1))->createdAt >= store.job(found.at(i))->createdAt);
        }
    };
    agreesWithAScan();
    if (QTest::currentTestFailed())
        return;

    // FTS syntax in the prompts and in the words typed; then some jobs changed and some gone.
    for (int i = 0; i < count; i += 97) {
        QVERIFY(store.modify(i + 1, [i](Job& job) {
            job.request.prompt =
                QStringLiteral("\"Quoted\" zebra*light -dark prompt:%1 маяк:ночь").arg(i);
        }));
    }
    for (int i = 5; i < count; i += 89)
        QVERIFY(store.remove(i + 1));
    queries << QStringLiteral("\"quoted") << QStringLiteral("zebra*") << QStringLiteral("-dark")
            << QStringLiteral("prompt:") << QStringLiteral("маяк:")
            << QStringLiteral("\"zebra\" :ночь");
    agreesWithAScan();
    QCOMPARE(store.searchPrompts(QStringLiteral("   ")).size(), store.jobs().size());
}

void TestJobStoreLibrary::searchSurvivesSyntaxInTheText() {
    JobStore store;
    QVERIFY(store.open(dataDir()));
    const QStringList prompts{
        QStringLiteral("A \"quoted\" storm: lightning*strikes"),
        QStringLiteral("well-lit room, NEAR(the) AND OR NOT sea"),
        QStringLiteral("prompt:colon title"),
        QStringLiteral("Ёлка в снегу"),
    };
    QList<qint64> ids;
    for (const QString& prompt : prompts)
        ids << store.add(sampleJob(prompt)).value->id;

    QCOMPARE(store.searchPrompts(QStringLiteral("\"quoted")), QList<qint64>{ids.at(0)});
    QCOMPARE(store.searchPrompts(QStringLiteral("storm:")), QList<qint64>{ids.at(0)});
    QCOMPARE(store.searchPrompts(QStringLiteral("lightning*")), QList<qint64>{ids.at(0)});
    QCOMPARE(store.searchPrompts(QStringLiteral("lightning*str")), QList<qint64>{ids.at(0)});
    QCOMPARE(store.searchPrompts(QStringLiteral("well-li")), QList<qint64>{ids.at(1)});
    QCOMPARE(store.searchPrompts(QStringLiteral("NEAR(the)")), QList<qint64>{ids.at(1)});
    QCOMPARE(store.searchPrompts(QStringLiteral("AND")), QList<qint64>{ids.at(1)});
    QCOMPARE(store.searchPrompts(QStringLiteral("NOT sea")), QList<qint64>{ids.at(1)});
    QCOMPARE(store.searchPrompts(QStringLiteral("-sea")), QList<qint64>{ids.at(1)});
    QCOMPARE(store.searchPrompts(QStringLiteral("prompt:colon")), QList<qint64>{ids.at(2)});
    QCOMPARE(store.searchPrompts(QStringLiteral("title:")), QList<qint64>{ids.at(2)});
    QCOMPARE(store.searchPrompts(QStringLiteral("ёлк")), QList<qint64>{ids.at(3)});
    QCOMPARE(store.searchPrompts(QStringLiteral("ЁЛКА")), QList<qint64>{ids.at(3)});
    QVERIFY(store.searchPrompts(QStringLiteral("\"quoted\" nothing")).isEmpty());
    // Only syntax, no word: nothing narrows the list.
    for (const QString& text : {QStringLiteral("*"), QStringLiteral("\""), QStringLiteral("-"),
                                QStringLiteral(":"), QStringLiteral("\"\" * - :")})
        QCOMPARE(store.searchPrompts(text).size(), prompts.size());
}

void TestJobStoreLibrary::searchFollowsUpdateAndRemove() {
    JobStore store;
    QVERIFY(store.open(dataDir()));
    const qint64 first = store.add(sampleJob(QStringLiteral("calm harbour"))).value->id;
    const qint64 second = store.add(sampleJob(QStringLiteral("calm forest"))).value->id;
    Job effect = sampleJob(QString());
    effect.request.mode = GenerationMode::Effect;
    effect.request.templateId = 9;
    effect.request.templateName = QStringLiteral("Venom transform");
    const qint64 third = store.add(effect).value->id;
    QCOMPARE(store.searchPrompts(QStringLiteral("calm")), (QList<qint64>{second, first}));
    QCOMPARE(store.searchPrompts(QStringLiteral("venom")), QList<qint64>{third});

    QVERIFY(store.modify(first, [](Job& job) { job.request.prompt = QStringLiteral("wild sea"); }));
    QCOMPARE(store.searchPrompts(QStringLiteral("calm")), QList<qint64>{second});
    QCOMPARE(store.searchPrompts(QStringLiteral("wild")), QList<qint64>{first});
    QVERIFY(store.modify(first, [](Job& job) { job.rating = 5; })); // the prompt unchanged
    QCOMPARE(store.searchPrompts(QStringLiteral("wild")), QList<qint64>{first});
    QVERIFY(store.remove(second));
    QVERIFY(store.searchPrompts(QStringLiteral("calm")).isEmpty());
    QVERIFY(store.searchPrompts(QStringLiteral("forest")).isEmpty());

    store.close();
    QVERIFY(store.open(dataDir()));
    QCOMPARE(store.searchPrompts(QStringLiteral("wild sea")), QList<qint64>{first});
    QVERIFY(store.searchPrompts(QStringLiteral("harbour")).isEmpty());
    store.close();
    {
        // One index row per job: none left behind by the update or the remove.
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fts check"));
        db.setDatabaseName(QDir(dataDir()).filePath(JobStore::databaseFileName()));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT rowid FROM jobs_fts ORDER BY rowid")));
        QList<qint64> indexed;
        while (q.next())
            indexed << q.value(0).toLongLong();
        QCOMPARE(indexed, (QList<qint64>{first, third}));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fts check"));
}

QTEST_GUILESS_MAIN(TestJobStoreLibrary)
#include "tst_jobstorelibrary.moc"
