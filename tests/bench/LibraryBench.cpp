// The library's store figures (issue 18):
//   bench_library [--jobs N] [--runs N]
// N jobs (default 10,000) are written into a real store file (tests/core/jobs/BulkJobs.h: one
// transaction, the store's own triggers fill the FTS5 index), with prompts of 12–40 words drawn
// from a fixed vocabulary, half of them tagged and a quarter on boards. Then, each figure the
// median and the worst of --runs (default 20):
//  - JobStore::open of that file (what the app does at sign-in), next to the same jobs without
//    tags and boards (the open of a schema 6 store read the same rows minus the marks);
//  - the index rebuilt from the rows (what the 6 → 7 migration does once);
//  - JobStore::searchPrompts for each keystroke of "lighthouse storm" ("l", "li", … ), the way
//    the gallery's search field asks on every change. Budget: < 20 ms per keystroke.
#include "core/jobs/JobRows.h"
#include "core/jobs/JobStore.h"
#include "tests/core/jobs/BulkJobs.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

using namespace pixverse;

namespace {

struct Figure {
    double median = 0;
    double worst = 0;
    double cpuWorst = 0; //!< this thread's CPU time: what a busy machine's preemption leaves out
};

double threadCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

//! Runs `step` `runs` times; milliseconds of each.
Figure measure(int runs, const std::function<void()>& step) {
    QList<double> ms;
    double cpuWorst = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        const double cpuStart = threadCpuMs();
        timer.start();
        step();
        ms << double(timer.nsecsElapsed()) / 1e6;
        cpuWorst = std::max(cpuWorst, threadCpuMs() - cpuStart);
    }
    std::sort(ms.begin(), ms.end());
    return {ms.at(ms.size() / 2), ms.last(), cpuWorst};
}

const QStringList& vocabulary() {
    static const QStringList words = [] {
        QStringList all =
            QStringLiteral("a the of in on at with and over under through lighthouse light "
                           "lights lightning storm stormy sea ocean wave waves cliff rock night "
                           "dawn dusk sunset sunrise golden hour cinematic shot slow motion drone "
                           "aerial close up wide angle portrait of woman man child dog cat fox "
                           "wolf bird eagle city street neon rain snow fog mist forest tree "
                           "trees river lake mountain desert sand dune car train ship boat "
                           "lantern candle fire smoke dust glow shadow reflection mirror glass "
                           "маяк шторм море ночь город дождь снег лес река гора свет тень")
                .split(u' ');
        return all;
    }();
    return words;
}

QString randomPrompt(QRandomGenerator& random) {
    const int length = 12 + int(random.bounded(29));
    QStringList words;
    for (int i = 0; i < length; ++i)
        words << vocabulary().at(int(random.bounded(vocabulary().size())));
    return words.join(u' ');
}

//! Writes `count` jobs into a new store in `dir`; with `marks`, tags and boards as described above.
bool seed(const QString& dir, int count, bool marks) {
    QList<qint64> boards;
    {
        JobStore store;
        if (!store.open(dir))
            return false;
        for (int i = 0; marks && i < 5; ++i)
            boards << store.addBoard(QStringLiteral("Board %1").arg(i)).value->id;
    }
    QRandomGenerator random(18);
    const QStringList tags{QStringLiteral("keep"),  QStringLiteral("client"),
                           QStringLiteral("storm"), QStringLiteral("b-roll"),
                           QStringLiteral("ночь"),  QStringLiteral("draft")};
    QString error;
    const bool ok = test::insertJobs(
        dir, count,
        [&](int i, Job& job) {
            job.request.prompt = randomPrompt(random);
            job.request.model = QStringLiteral("v5");
            job.state = JobState::Done;
            job.createdAt = QDateTime::currentDateTimeUtc().addSecs(i - count);
            if (marks && i % 2 == 0)
                job.tags = {tags.at(i % tags.size()), tags.at((i / 2) % tags.size())};
            if (marks && i % 4 == 0)
                job.boards = {boards.at(i % boards.size())};
            if (marks)
                job.rating = i % 6;
        },
        &error);
    if (!ok)
        std::fprintf(stderr, "seeding failed: %s\n", qPrintable(error));
    return ok;
}

//! The 6 → 7 migration's index fill, timed on the store's file (the index emptied first).
Figure rebuildIndex(const QString& dir, int runs) {
    const QString name = QStringLiteral("bench-rebuild");
    Figure figure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QDir(dir).filePath(JobStore::databaseFileName()));
        db.open();
        QSqlQuery query(db);
        const QString fill = job_rows::migrations().at(6).last();
        figure = measure(runs, [&] {
            db.transaction();
            query.exec(QStringLiteral("DELETE FROM jobs_fts"));
            query.exec(fill);
            db.commit();
        });
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return figure;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption jobsOption(QStringLiteral("jobs"),
                                        QStringLiteral("Jobs in the store."), QStringLiteral("N"),
                                        QStringLiteral("10000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Runs of each figure."), QStringLiteral("N"),
                                        QStringLiteral("20"));
    parser.addOptions({jobsOption, runsOption});
    parser.process(app);
    const int jobs = std::max(1, parser.value(jobsOption).toInt());
    const int runs = std::max(1, parser.value(runsOption).toInt());

    QTemporaryDir temp;
    const QString plainDir = temp.filePath(QStringLiteral("plain"));
    const QString libraryDir = temp.filePath(QStringLiteral("library"));
    std::fprintf(stderr, "writing 2 × %d jobs into %s\n", jobs, qPrintable(temp.path()));
    if (!seed(plainDir, jobs, false) || !seed(libraryDir, jobs, true))
        return 1;

    const auto openTime = [runs](const QString& dir) {
        return measure(runs, [&dir] {
            JobStore store;
            if (!store.open(dir))
                std::fprintf(stderr, "open failed: %s\n", qPrintable(store.errorString()));
        });
    };
    const Figure openPlain = openTime(plainDir);
    const Figure openLibrary = openTime(libraryDir);
    const Figure rebuild = rebuildIndex(libraryDir, std::min(runs, 5));

    JobStore store;
    if (!store.open(libraryDir))
        return 1;
    const QString typed = QStringLiteral("lighthouse storm");
    QList<std::pair<QString, Figure>> keystrokes;
    QList<qsizetype> hits;
    Figure all;
    for (qsizetype length = 1; length <= typed.size(); ++length) {
        const QString text = typed.left(length);
        qsizetype found = 0;
        const Figure figure =
            measure(runs, [&store, &text, &found] { found = store.searchPrompts(text).size(); });
        keystrokes.append({text, figure});
        hits << found;
        all.worst = std::max(all.worst, figure.worst);
        all.cpuWorst = std::max(all.cpuWorst, figure.cpuWorst);
    }
    QList<double> medians;
    for (const auto& [text, figure] : std::as_const(keystrokes))
        medians << figure.median;
    std::sort(medians.begin(), medians.end());
    all.median = medians.at(medians.size() / 2);

    std::printf("Library store with %d jobs, %d runs each (median / worst, ms)\n\n", jobs, runs);
    std::printf("| measure | median | worst | budget | met |\n| --- | --- | --- | --- | --- |\n");
    std::printf("| open, jobs without tags or boards | %.1f | %.1f | | |\n", openPlain.median,
                openPlain.worst);
    std::printf("| open, half tagged, a quarter on boards | %.1f | %.1f | near the line above | %s "
                "|\n",
                openLibrary.median, openLibrary.worst,
                openLibrary.median <= openPlain.median * 1.25 ? "yes" : "no");
    std::printf("| FTS index rebuilt from the rows (migration 6 → 7) | %.1f | %.1f | | |\n",
                rebuild.median, rebuild.worst);
    std::printf(
        "| searchPrompts per keystroke, all keystrokes | %.2f | %.2f (CPU %.2f) | < 20 | %s "
        "|\n\n",
        all.median, all.worst, all.cpuWorst, all.worst < 20 ? "yes" : "no");
    std::printf(
        "| typed | jobs found | median | worst | worst CPU |\n| --- | --- | --- | --- | --- "
        "|\n");
    for (qsizetype i = 0; i < keystrokes.size(); ++i)
        std::printf("| `%s` | %lld | %.2f | %.2f | %.2f |\n", qPrintable(keystrokes.at(i).first),
                    static_cast<long long>(hits.at(i)), keystrokes.at(i).second.median,
                    keystrokes.at(i).second.worst, keystrokes.at(i).second.cpuWorst);
    return all.worst < 20 ? 0 : 2;
}
