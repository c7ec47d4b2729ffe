// The job state machine as a table: every JobState × JobEvent pair has one expected answer (a next
// state or a refusal), and the actions a creator may take follow from the state.
#include "core/jobs/JobTransitions.h"

#include <QSet>
#include <QTest>

using namespace pixverse;

class TestJobTransitions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyStateAndEvent_data();
    void everyStateAndEvent();
    void tableCoversEveryEventAndName();
    void allowedActions_data();
    void allowedActions();
    void serviceDeletion_data();
    void serviceDeletion();
    void applyLeavesARefusedJobAlone();
    void selectionActions();
};

namespace {

//! One row per state, one column per event in declaration order:
//!  0 UploadStarted  1 Uploaded  2 UploadInterrupted  3 CreateSent  4 Accepted
//!  5 ConcurrencyLimited  6 ImageForgotten  7 TransientError  8 OutcomeUnknown  9 Refused
//! 10 SessionEnded  11 VideoIdLost  12 StatusPending  13 StatusSucceeded
//! 14 StatusSucceededImported  15 StatusModerated  16 StatusFailed  17 StatusDeleted
//! 18 Downloaded  19 DownloadDeferred  20 DownloadFailed  21 Cancelled  22 Retried
//! 23 RedownloadAsked  24 ServiceCopyDeleted
//! Q queued, U uploading, S submitting, G generating, D downloading, O done, F failed,
//! M moderated, C cancelled, X deleted, '.' refused.
struct Row {
    JobState state;
    const char* next;
};
// clang-format off
constexpr Row kTable[] = {
    //                          0         1         2
    //                          0123456789012345678901234
    {JobState::Queued,         "U..S.................C..."},
    {JobState::Uploading,      ".SQ....Q.FF..........C..."},
    {JobState::Submitting,     "...SGQQQSFF.............."},
    {JobState::Generating,     "...........SGDOMFX......."},
    {JobState::Downloading,    "............GD.FFXODF...O"},
    {JobState::Done,           ".......................D."},
    {JobState::Failed,         "......................QD."},
    {JobState::Moderated,      "......................Q.."},
    {JobState::Cancelled,      "......................Q.."},
    {JobState::Deleted,        "......................Q.."},
};
// clang-format on

std::optional<JobState> stateOf(char code) {
    switch (code) {
    case 'Q':
        return JobState::Queued;
    case 'U':
        return JobState::Uploading;
    case 'S':
        return JobState::Submitting;
    case 'G':
        return JobState::Generating;
    case 'D':
        return JobState::Downloading;
    case 'O':
        return JobState::Done;
    case 'F':
        return JobState::Failed;
    case 'M':
        return JobState::Moderated;
    case 'C':
        return JobState::Cancelled;
    case 'X':
        return JobState::Deleted;
    default:
        return std::nullopt;
    }
}

Job jobIn(JobState state) {
    Job job;
    job.id = 7;
    job.state = state;
    return job;
}

JobActions actions(std::initializer_list<JobAction> list) {
    JobActions set;
    for (const JobAction action : list)
        set.add(action);
    return set;
}

} // namespace

Q_DECLARE_METATYPE(pixverse::JobState)
Q_DECLARE_METATYPE(pixverse::JobEvent)
Q_DECLARE_METATYPE(std::optional<pixverse::JobState>)
Q_DECLARE_METATYPE(pixverse::JobActions)

void TestJobTransitions::everyStateAndEvent_data() {
    QTest::addColumn<JobState>("state");
    QTest::addColumn<JobEvent>("event");
    QTest::addColumn<std::optional<JobState>>("expected");
    for (const Row& row : kTable) {
        for (int e = 0; e < kJobEventCount; ++e) {
            const auto event = static_cast<JobEvent>(e);
            QTest::addRow("%s × %s", qPrintable(jobStateId(row.state)), jobEventName(event))
                << row.state << event << stateOf(row.next[e]);
        }
    }
}

void TestJobTransitions::everyStateAndEvent() {
    QFETCH(JobState, state);
    QFETCH(JobEvent, event);
    QFETCH(std::optional<JobState>, expected);
    const std::optional<JobState> next = jobNextState(state, event);
    QCOMPARE(next.has_value(), expected.has_value());
    if (expected)
        QCOMPARE(jobStateId(*next), jobStateId(*expected));
}

void TestJobTransitions::tableCoversEveryEventAndName() {
    // The full cartesian product: one row per state, one column per event.
    QCOMPARE(int(std::size(kTable)), kJobStateCount);
    QSet<int> states;
    for (const Row& row : kTable) {
        QCOMPARE(int(qstrlen(row.next)), kJobEventCount);
        states.insert(int(row.state));
    }
    QCOMPARE(states.size(), kJobStateCount);
    QSet<QByteArray> names;
    for (int e = 0; e < kJobEventCount; ++e)
        names.insert(jobEventName(static_cast<JobEvent>(e)));
    QCOMPARE(names.size(), kJobEventCount);
    QVERIFY(!names.contains("unknown"));
    // Nothing leaves a terminal state by itself: only the creator's Retry or (Re)download.
    for (const Row& row : kTable) {
        if (!isTerminal(row.state))
            continue;
        for (int e = 0; e < kJobEventCount; ++e) {
            const auto event = static_cast<JobEvent>(e);
            if (event != JobEvent::Retried && event != JobEvent::RedownloadAsked)
                QVERIFY(!jobNextState(row.state, event));
        }
    }
}

void TestJobTransitions::allowedActions_data() {
    QTest::addColumn<Job>("job");
    QTest::addColumn<JobActions>("expected");
    using A = JobAction;
    const auto always = {A::CopyPrompt, A::Reuse, A::Favourite};
    auto with = [&always](std::initializer_list<JobAction> more) {
        JobActions set = actions(always);
        for (const JobAction action : more)
            set.add(action);
        return set;
    };
    QTest::newRow("queued") << jobIn(JobState::Queued) << with({A::Cancel, A::Remove});
    QTest::newRow("uploading") << jobIn(JobState::Uploading) << with({A::Cancel});
    QTest::newRow("submitting") << jobIn(JobState::Submitting) << with({});
    Job generating = jobIn(JobState::Generating);
    generating.videoId = 42;
    QTest::newRow("generating") << generating << with({});
    QTest::newRow("downloading") << jobIn(JobState::Downloading) << with({});

    Job saved = jobIn(JobState::Done);
    saved.videoId = 42;
    saved.videoPath = QStringLiteral("/videos/a.mp4");
    QTest::newRow("done, saved") << saved
                                 << with({A::Play, A::OpenFolder, A::SaveCopy, A::Redownload,
                                          A::Remove});
    Job imported = jobIn(JobState::Done);
    imported.videoId = 43;
    imported.imported = true;
    QTest::newRow("done, imported, never saved")
        << imported << with({A::Play, A::Download, A::Remove});
    Job importedSaved = imported;
    importedSaved.videoPath = QStringLiteral("/videos/b.mp4");
    QTest::newRow("done, imported, saved")
        << importedSaved << with({A::Play, A::OpenFolder, A::SaveCopy, A::Redownload, A::Remove});

    Job refused = jobIn(JobState::Failed);
    QTest::newRow("failed before the service made it") << refused << with({A::Retry, A::Remove});
    for (const ApiFamily family : {ApiFamily::OpenApi, ApiFamily::Web}) {
        Job notSaved = jobIn(JobState::Failed);
        notSaved.family = family;
        notSaved.videoId = 44;
        notSaved.rawStatus = 1; // both families: succeeded; the download failed afterwards
        QTest::addRow("failed to save (%s)", qPrintable(apiFamilyId(family)))
            << notSaved << with({A::Retry, A::Redownload, A::Remove});
        Job failedThere = notSaved;
        failedThere.rawStatus = 8; // both families: failed on the service
        QTest::addRow("failed on the service (%s)", qPrintable(apiFamilyId(family)))
            << failedThere << with({A::Retry, A::Remove});
    }
    QTest::newRow("moderated") << jobIn(JobState::Moderated) << with({A::Retry, A::Remove});
    QTest::newRow("cancelled") << jobIn(JobState::Cancelled) << with({A::Retry, A::Remove});

    // Status 6: deleted before the library had it, nothing to play, open or download.
    Job deleted = jobIn(JobState::Deleted);
    deleted.videoId = 45;
    deleted.rawStatus = 6;
    deleted.deletedOnService = true;
    QTest::newRow("deleted on the service, never saved") << deleted << with({A::Retry, A::Remove});
    // Done and saved, deleted on the service since: the copy plays; no download again.
    Job savedThenDeleted = saved;
    savedThenDeleted.deletedOnService = true;
    QTest::newRow("done, saved, deleted on the service since")
        << savedThenDeleted << with({A::Play, A::OpenFolder, A::SaveCopy, A::Remove});
    Job importedThenDeleted = imported;
    importedThenDeleted.deletedOnService = true;
    QTest::newRow("done, imported, deleted before it was saved")
        << importedThenDeleted << with({A::Remove});
}

void TestJobTransitions::allowedActions() {
    QFETCH(Job, job);
    QFETCH(JobActions, expected);
    const JobActions allowed = jobAllowedActions(job);
    for (int bit = 0; bit < 16; ++bit) {
        const auto action = static_cast<JobAction>(1 << bit);
        QVERIFY2(allowed.has(action) == expected.has(action),
                 qPrintable(QStringLiteral("action bit %1").arg(bit)));
    }
    QVERIFY(allowed == expected);
}

void TestJobTransitions::serviceDeletion_data() {
    QTest::addColumn<JobState>("state");
    QTest::addColumn<bool>("libraryHasCopy");
    QTest::addColumn<bool>("changed");
    QTest::addColumn<JobState>("expected");
    QTest::newRow("generating") << JobState::Generating << false << true << JobState::Deleted;
    QTest::newRow("downloading, no copy")
        << JobState::Downloading << false << true << JobState::Deleted;
    QTest::newRow("downloading again over a copy")
        << JobState::Downloading << true << true << JobState::Done;
    QTest::newRow("done") << JobState::Done << true << true << JobState::Done;
    QTest::newRow("queued: nothing on the service yet")
        << JobState::Queued << false << false << JobState::Queued;
    QTest::newRow("failed") << JobState::Failed << false << false << JobState::Failed;
}

void TestJobTransitions::serviceDeletion() {
    QFETCH(JobState, state);
    QFETCH(bool, libraryHasCopy);
    QFETCH(bool, changed);
    QFETCH(JobState, expected);
    Job job = jobIn(state);
    job.videoId = 46;
    job.videoUrl = QStringLiteral("https://media.example/v.mp4");
    QCOMPARE(applyServiceDeletion(job, libraryHasCopy), changed);
    QCOMPARE(jobStateId(job.state), jobStateId(expected));
    QCOMPARE(job.deletedOnService, changed);
    if (!changed)
        return;
    // Its own sentence only when nothing is left; a kept copy is no error.
    QCOMPARE(job.errorMessage, expected == JobState::Deleted ? deletedJobMessage() : QString());
    QVERIFY(!deletedJobMessage().isEmpty());
    QVERIFY(deletedJobMessage() != failedJobMessage());
    QVERIFY(isTerminal(job.state));
    QVERIFY(!jobAllowedActions(job).has(JobAction::Redownload));
    // Told twice, nothing more changes.
    QVERIFY(!applyServiceDeletion(job, libraryHasCopy));
}

void TestJobTransitions::applyLeavesARefusedJobAlone() {
    Job job = jobIn(JobState::Generating);
    QVERIFY(!applyJobEvent(job, JobEvent::Cancelled));
    QCOMPARE(jobStateId(job.state), QStringLiteral("generating"));
    QVERIFY(applyJobEvent(job, JobEvent::StatusSucceeded));
    QCOMPARE(jobStateId(job.state), QStringLiteral("downloading"));
}

void TestJobTransitions::selectionActions() {
    QVERIFY(jobsAllowedActions({}).any.isEmpty());
    QVERIFY(jobsAllowedActions({}).every.isEmpty());
    Job imported = jobIn(JobState::Done);
    imported.imported = true;
    imported.videoId = 1;
    Job queued = jobIn(JobState::Queued);
    const SelectionActions mixed = jobsAllowedActions({imported, queued});
    QVERIFY(mixed.any.has(JobAction::Download));
    QVERIFY(mixed.any.has(JobAction::Cancel));
    QVERIFY(!mixed.every.has(JobAction::Download)); // "Download Again", not "Download"
    QVERIFY(mixed.every.has(JobAction::Remove));
    QVERIFY(!mixed.any.has(JobAction::Retry));
    Job other = imported;
    other.videoId = 2;
    QVERIFY(jobsAllowedActions({imported, other}).every.has(JobAction::Download));
}

QTEST_APPLESS_MAIN(TestJobTransitions)
#include "tst_jobtransitions.moc"
