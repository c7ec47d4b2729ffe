// The poller's request budget (issue 20) against the sandbox over loopback, on a test clock: at
// most two result calls a second for the account whatever the number pending, every job's turn
// within ceil(N / 2) s, young jobs left alone, and few jobs still asked about at their interval.
// The clock moves in 100 ms steps; every request counted is a real one the sandbox answered.
#include "JobTestFixture.h"
#include "core/jobs/StatusPoller.h"
#include "tests/support/Await.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace pixverse;
using pixverse::test::JobTestBed;

namespace {

constexpr qint64 kStepMs = 100;
const qint64 kStart = QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();

//! A poller on a test clock that records, at each tick's end, when it was (the clock does not
//! move while a tick is in flight) and each job's answers.
class PollRecorder {
public:
    explicit PollRecorder(Backend* backend)
        : poller(backend) {
        poller.setClock([this] { return now; });
        QObject::connect(&poller, &StatusPoller::tickFinished, &context, [this](int asked, int) {
            requests.append({now, asked});
        });
        QObject::connect(&poller, &StatusPoller::statusReceived, &context,
                         [this](qint64 jobId, const VideoStatus&) { polled[jobId].append(now); });
    }
    //! Moves the clock on to `untilMs`, step by step, letting every tick due on the way finish.
    bool runUntil(qint64 untilMs) {
        while (now < untilMs) {
            now += kStepMs;
            const qint64 before = poller.ticks();
            poller.pollDue();
            if (poller.ticks() != before && !waitForTick())
                return false;
        }
        return true;
    }
    //! The most requests sent in any one second.
    int busiestSecond() const {
        int most = 0;
        for (const auto& first : requests) {
            const qint64 from = first.first;
            int inSecond = 0;
            for (const auto& [when, asked] : requests) {
                if (when >= from && when < from + 1000)
                    inSecond += asked;
            }
            most = std::max(most, inSecond);
        }
        return most;
    }
    qint64 requestsSent() const {
        qint64 sum = 0;
        for (const auto& request : requests)
            sum += request.second;
        return sum;
    }

    qint64 now = kStart;
    StatusPoller poller;
    QObject context;
    QList<std::pair<qint64, int>> requests; //!< when, how many
    QHash<qint64, QList<qint64>> polled;    //!< job id -> when its answers came

private:
    bool waitForTick() {
        const qint64 answered = requests.size();
        QElapsedTimer waited;
        waited.start();
        while (requests.size() == answered && waited.elapsed() < 5000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        return requests.size() > answered;
    }
};

} // namespace

class TestPollBudget : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void twoRequestsASecondWithTwoHundredPending();
    void youngJobsAreLeftAlone();
    void fewPendingKeepTheirInterval();
    void theScheduleForASandboxHasNoLimits();

private:
    static QList<qint64> createVideos(JobTestBed& bed, int count);
};

QList<qint64> TestPollBudget::createVideos(JobTestBed& bed, int count) {
    QList<qint64> videos;
    for (int i = 0; i < count; ++i) {
        const auto created = pixverse::test::await<Result<CreatedVideo>>([&](auto done) {
            bed.backend->createVideo(JobTestBed::request(QStringLiteral("pending %1").arg(i)),
                                     RequestInputs{}, ApiClient::newTraceId(), nullptr, done);
        });
        videos << (created && created->ok() ? created->value->videoId : 0);
    }
    return videos;
}

void TestPollBudget::twoRequestsASecondWithTwoHundredPending() {
    sandbox::SandboxConfig config;
    config.generationMs = 60 * 60 * 1000; // pending for the whole test
    config.concurrencyLimit = 1000;
    config.creditMonthly = 1000 * 1000;
    JobTestBed bed(config, 1.0);
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    constexpr int pending = 200;
    const QList<qint64> videos = createVideos(bed, pending);
    QVERIFY(!videos.contains(0));
    PollRecorder recorder(bed.backend.get());
    QCOMPARE(recorder.poller.schedule().maxRequestsPerSecond, 2); // the service's default
    const qint64 since = kStart - 31 * 1000;                      // past the young window
    for (int i = 0; i < pending; ++i)
        recorder.poller.watch(i + 1, videos[i], QDateTime::fromMSecsSinceEpoch(since));
    const qint64 wireBefore = bed.sandbox->stats().requests;
    const qint64 turn = (pending + 1) / 2 * 1000; // ceil(N / 2) s
    QVERIFY(recorder.runUntil(kStart + 2 * turn + 5000));

    QVERIFY2(recorder.busiestSecond() <= 2, qPrintable(QString::number(recorder.busiestSecond())));
    // The budget is used, not only respected: two a second, every second.
    const qint64 sent = recorder.requestsSent();
    QVERIFY2(sent >= (2 * turn + 5000) / 1000 * 2 - 4, qPrintable(QString::number(sent)));
    QCOMPARE(bed.sandbox->stats().requests - wireBefore, sent); // what went on the wire
    // Fair: every job asked about within ceil(N / 2) s of the first tick, and again within as long.
    const qint64 firstTick = recorder.requests.first().first;
    // One interval after they were watched, less the quarter of it a tick takes jobs early.
    QCOMPARE(firstTick, kStart + 1500);
    for (int job = 1; job <= pending; ++job) {
        const QList<qint64> times = recorder.polled.value(job);
        QVERIFY2(times.size() >= 2,
                 qPrintable(QStringLiteral("job %1: %2 polls").arg(job).arg(times.size())));
        QVERIFY2(times.first() - firstTick < turn,
                 qPrintable(QStringLiteral("job %1 first asked after %2 ms")
                                .arg(job)
                                .arg(times.first() - firstTick)));
        for (qsizetype i = 1; i < times.size(); ++i)
            QVERIFY2(
                times[i] - times[i - 1] <= turn,
                qPrintable(
                    QStringLiteral("job %1 waited %2 ms").arg(job).arg(times[i] - times[i - 1])));
    }
    qInfo("poll budget: %d pending -> %lld result calls in %lld s, at most %d in any second",
          pending, static_cast<long long>(sent),
          static_cast<long long>((recorder.now - kStart) / 1000), recorder.busiestSecond());
}

void TestPollBudget::youngJobsAreLeftAlone() {
    sandbox::SandboxConfig config;
    config.generationMs = 60 * 60 * 1000;
    JobTestBed bed(config, 1.0);
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    const QList<qint64> videos = createVideos(bed, 2);
    PollRecorder recorder(bed.backend.get());
    QCOMPARE(recorder.poller.schedule().youngMs, 30 * 1000);
    recorder.poller.watch(1, videos[0], QDateTime::fromMSecsSinceEpoch(kStart)); // just submitted
    // Found generating at a start of the app, ten seconds from the end of its young window.
    recorder.poller.watch(2, videos[1], QDateTime::fromMSecsSinceEpoch(kStart - 20 * 1000));
    recorder.poller.pollNow(); // even when asked to: a young job is not polled
    QVERIFY(recorder.runUntil(kStart + 10 * 1000 - kStepMs));
    QVERIFY(recorder.requests.isEmpty());
    QVERIFY(recorder.runUntil(kStart + 10 * 1000));
    QCOMPARE(recorder.polled.value(2), QList<qint64>{kStart + 10 * 1000});
    QVERIFY(recorder.runUntil(kStart + 30 * 1000 - kStepMs));
    QVERIFY(!recorder.polled.contains(1));
    QVERIFY(recorder.runUntil(kStart + 30 * 1000));
    QCOMPARE(recorder.polled.value(1), QList<qint64>{kStart + 30 * 1000});
}

void TestPollBudget::fewPendingKeepTheirInterval() {
    sandbox::SandboxConfig config;
    config.generationMs = 60 * 60 * 1000;
    JobTestBed bed(config, 1.0);
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    const QList<qint64> videos = createVideos(bed, 4);
    for (const int pending : {1, 2, 4}) {
        PollRecorder recorder(bed.backend.get());
        // Out of the young window; the whole run stays under a minute of age: a 2 s interval.
        const qint64 since = kStart - 30 * 1000;
        for (int i = 0; i < pending; ++i)
            recorder.poller.watch(i + 1, videos[i], QDateTime::fromMSecsSinceEpoch(since));
        QVERIFY(recorder.runUntil(kStart + 20 * 1000));
        QVERIFY(recorder.busiestSecond() <= 2);
        for (int job = 1; job <= pending; ++job) {
            const QList<qint64> times = recorder.polled.value(job);
            // The first answer one interval after it was watched (a second later for the jobs
            // the limit holds back when four start together), then one every 2 s.
            QVERIFY2(times.size() >= 9, qPrintable(QString::number(times.size())));
            QVERIFY(times.first() - kStart <= 2000 + 1000);
            for (qsizetype i = 1; i < times.size(); ++i)
                QVERIFY2(times[i] - times[i - 1] <= 2000 + kStepMs,
                         qPrintable(QStringLiteral("%1 pending: job %2 waited %3 ms")
                                        .arg(pending)
                                        .arg(job)
                                        .arg(times[i] - times[i - 1])));
        }
    }
}

void TestPollBudget::theScheduleForASandboxHasNoLimits() {
    sandbox::SandboxConfig config;
    config.generationMs = 60 * 60 * 1000;
    config.concurrencyLimit = 100;
    JobTestBed bed(config, 1.0);
    QVERIFY2(bed.ok(), qPrintable(bed.error));
    const QList<qint64> videos = createVideos(bed, 10);
    PollRecorder recorder(bed.backend.get());
    recorder.poller.setSchedule(PollSchedule::local());
    for (int i = 0; i < videos.size(); ++i)
        recorder.poller.watch(i + 1, videos[i], QDateTime::fromMSecsSinceEpoch(kStart));
    // Asked about from the start (no young window), all ten in one tick (no request limit).
    QVERIFY(recorder.runUntil(kStart + 2000));
    QCOMPARE(recorder.requests.size(), 1);
    QCOMPARE(recorder.requests.first().first, kStart + 1500); // a quarter interval early
    QCOMPARE(recorder.requests.first().second, 10);
}

QTEST_GUILESS_MAIN(TestPollBudget)
#include "tst_pollbudget.moc"
