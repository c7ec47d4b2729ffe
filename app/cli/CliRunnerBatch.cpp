// Runs of several videos: batch, and generate --takes N and batch --takes N (issue 18), whose
// takes of one generation are stored as one group, told take by take and summed up together.
#include "app/cli/CliRunner.h"
#include "core/backend/Backend.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace pixverse {

void CliRunner::runBatch() {
    if (!openJobStore())
        return;
    const BatchPlan plan =
        planBatch(m_options, m_store->jobs(), QDir(m_options.outDir).absolutePath(), m_catalog);
    if (!plan.error.isEmpty()) {
        fail(plan.error, ExitUsage);
        return;
    }
    m_backend->fetchBalance(this, [this, plan](Result<Balance> balance) {
        if (!balance.ok()) {
            fail(balance.error);
            return;
        }
        if (m_options.takes > 1)
            progressLine(tr("Batch: %1 generations × %2 takes, %3 credits in all; %4 takes to "
                            "send now for %5 credits; balance %6.")
                             .arg(m_options.batch.size())
                             .arg(m_options.takes)
                             .arg(plan.totalCost)
                             .arg(plan.remaining.size())
                             .arg(plan.remainingCost)
                             .arg(balance.value->total()));
        else
            progressLine(tr("Batch: %1 generations, %2 credits in all; %3 to send now for %4 "
                            "credits; balance %5.")
                             .arg(m_options.batch.size())
                             .arg(plan.totalCost)
                             .arg(plan.remaining.size())
                             .arg(plan.remainingCost)
                             .arg(balance.value->total()));
        if (plan.remainingCost > balance.value->total()) {
            fail(tr("The balance (%1 credits) is too low for this batch (%2 credits); nothing "
                    "was sent.")
                     .arg(balance.value->total())
                     .arg(plan.remainingCost),
                 ExitRefused);
            return;
        }
        startEngine(plan.remaining);
    });
}

namespace {

//! The origin of the jobs one command that makes one video (or its takes) stores: the same
//! request and takes give the same origin, so a re-run of the command finds them.
QString commandOrigin(const GenerationRequest& request, int takes) {
    QJsonObject fingerprint = request.toJson();
    fingerprint.insert(u"takes", takes);
    const QByteArray digest =
        QCryptographicHash::hash(QJsonDocument(fingerprint).toJson(QJsonDocument::Compact),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(16);
    return QStringLiteral("cli:") + QString::fromLatin1(digest);
}

} // namespace

bool CliRunner::adoptStoppedRun(const QString& origin) {
    const QList<Job> earlier = m_store->jobsWithOrigin(origin);
    const auto unfinished = std::find_if(earlier.cbegin(), earlier.cend(),
                                         [](const Job& job) { return !isTerminal(job.state); });
    if (unfinished == earlier.cend())
        return false; // never run, or run to its end: a re-run makes a new video, as asked
    // The same command was stopped (killed, or it gave up waiting) with its jobs on their way:
    // the engine resumes them, and this run waits for them instead of sending again.
    if (unfinished->groupId == 0) {
        m_generateJob = unfinished->id;
    } else {
        for (const Job& job : earlier)
            if (job.groupId == unfinished->groupId)
                m_takeJobs << job.id;
    }
    return true;
}

bool CliRunner::enqueueRequests(const QList<GenerationRequest>& requests) {
    const int takes = std::max(1, m_options.takes);
    auto failed = [this](const ApiError& error) {
        fail(error);
        return false;
    };
    if (m_options.makesOneVideo() && !requests.isEmpty()) {
        const QString origin = commandOrigin(requests.first(), takes);
        if (adoptStoppedRun(origin))
            return true;
        if (takes == 1) {
            const Result<Job> added = m_engine->enqueue(requests.first(), origin);
            if (!added.ok())
                return failed(added.error);
            m_generateJob = added.value->id;
            return true;
        }
        const Result<QList<Job>> added = m_engine->enqueueTakes(requests.first(), takes, origin);
        if (!added.ok())
            return failed(added.error);
        for (const Job& take : *added.value)
            m_takeJobs << take.id;
        return true;
    }
    // A batch: `requests` are the takes still to send, each generation's in a row; the ones
    // before were stored by an earlier run into this folder.
    const qsizetype before = m_options.batch.size() * takes - requests.size();
    for (qsizetype i = 0; i < requests.size();) {
        const bool wholeGroup = takes > 1 && (before + i) % takes == 0;
        if (wholeGroup) {
            // Its first take carries the generation's own seed: the engine steps it again.
            const Result<QList<Job>> added = m_engine->enqueueTakes(requests[i], takes);
            if (!added.ok())
                return failed(added.error);
            i += takes;
            continue;
        }
        // One take alone, or the rest of a group an earlier run did not store whole.
        const Result<Job> added = m_engine->enqueue(requests[i]);
        if (!added.ok())
            return failed(added.error);
        ++i;
    }
    return true;
}

QString CliRunner::takeLabel(qint64 jobId) const {
    return tr("Take %1/%2").arg(m_takeJobs.indexOf(jobId) + 1).arg(m_takeJobs.size());
}

void CliRunner::onTakeSettled(qint64 jobId, JobState state) {
    if (!m_takeJobs.contains(jobId))
        return;
    if (state != JobState::Done) {
        if (const std::optional<Job> job = m_store->job(jobId))
            progressLine(tr("%1: %2").arg(takeLabel(jobId), job->errorMessage.isEmpty()
                                                                ? jobStateId(job->state)
                                                                : job->errorMessage));
    }
    finishTakes();
}

void CliRunner::finishTakes() {
    if (m_done)
        return;
    QList<Job> takes;
    for (const qint64 id : std::as_const(m_takeJobs)) {
        const std::optional<Job> job = m_store->job(id);
        if (!job || !isTerminal(job->state))
            return; // not yet
        takes << *job;
    }
    int exitCode = ExitOk;
    int saved = 0;
    for (qsizetype i = 0; i < takes.size(); ++i) {
        const Job& take = takes[i];
        if (take.state != JobState::Done) {
            exitCode = std::max(exitCode, jobExitCode(take));
            continue;
        }
        ++saved;
        if (m_options.json) {
            QJsonObject json = savedJson(take, take.videoPath);
            json.insert(u"take", int(i + 1));
            json.insert(u"takes", int(takes.size()));
            json.insert(u"group", take.groupId);
            m_out << QJsonDocument(json).toJson(QJsonDocument::Compact) << Qt::endl;
        }
    }
    progressLine(tr("%1 of %2 takes saved.").arg(saved).arg(takes.size()));
    // The paths are the last lines of stdout, one a take, in order: scripts read them.
    for (const Job& take : std::as_const(takes))
        if (take.state == JobState::Done)
            m_out << QDir::toNativeSeparators(take.videoPath) << Qt::endl;
    if (exitCode == ExitOk) {
        succeed();
        return;
    }
    m_done = true;
    m_stillGenerating.stop();
    Q_EMIT finished(exitCode);
}

void CliRunner::giveUpTakes() {
    QStringList generating;
    QList<qint64> notSent;
    for (const qint64 id : std::as_const(m_takeJobs)) {
        const std::optional<Job> job = m_store->job(id);
        if (!job || isTerminal(job->state))
            continue;
        if (job->videoId != 0)
            generating << QString::number(job->videoId);
        else if (job->state == JobState::Queued || job->state == JobState::Uploading)
            notSent << id;
    }
    fail(generating.isEmpty()
             ? tr("The takes were not all started after %1 seconds (PixVerse had no free slot); "
                  "the rest were cancelled.")
                   .arg(m_options.waitSeconds)
             : tr("Not every take was ready after %1 seconds; check them later with the command "
                  "status (videos %2).")
                   .arg(m_options.waitSeconds)
                   .arg(generating.join(QStringLiteral(", "))),
         ExitTransient);
    // Not on the service yet: cancelled after fail(), so a later run does not send them too.
    for (const qint64 id : std::as_const(notSent))
        m_engine->cancel(id);
}

void CliRunner::batchProgress() {
    int done = 0;
    int failed = 0;
    int working = 0;
    int waiting = 0;
    for (const Job& job : m_store->jobs()) {
        if (job.state == JobState::Done)
            ++done;
        else if (isTerminal(job.state))
            ++failed;
        else if (job.state == JobState::Queued)
            ++waiting;
        else
            ++working;
    }
    const QString line = tr("Batch: %1 done, %2 failed, %3 in progress, %4 waiting")
                             .arg(done)
                             .arg(failed)
                             .arg(working)
                             .arg(waiting);
    if (line != m_lastProgress)
        progressLine(line);
    m_lastProgress = line;
}

void CliRunner::finishBatch() {
    if (m_done)
        return;
    const QList<Job> jobs = m_store->jobs();
    if (!std::all_of(jobs.begin(), jobs.end(),
                     [](const Job& job) { return isTerminal(job.state); }))
        return; // not yet: allSettled will come again
    int exitCode = ExitOk;
    // --takes N: the jobs are N takes of each line in a row.
    const int takes = std::max(1, m_options.takes);
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        const Job& job = jobs[i];
        const int line = int(i / takes + 1);
        if (job.state == JobState::Done) {
            QJsonObject json{{QStringLiteral("line"), line},
                             {QStringLiteral("video_id"), job.videoId},
                             {QStringLiteral("path"), job.videoPath}};
            if (takes > 1) {
                json.insert(u"take", int(i % takes + 1));
                json.insert(u"group", job.groupId);
            }
            if (m_options.json)
                m_out << QJsonDocument(json).toJson(QJsonDocument::Compact) << Qt::endl;
            else
                m_out << QDir::toNativeSeparators(job.videoPath) << Qt::endl;
            continue;
        }
        const QString why = job.errorMessage.isEmpty() ? jobStateId(job.state) : job.errorMessage;
        if (takes > 1)
            m_err << tr("Generation %1, take %2/%3 (“%4”): %5")
                         .arg(line)
                         .arg(i % takes + 1)
                         .arg(takes)
                         .arg(job.request.prompt.left(40), why)
                  << Qt::endl;
        else
            m_err << tr("Generation %1 (“%2”): %3").arg(line).arg(job.request.prompt.left(40), why)
                  << Qt::endl;
        exitCode = std::max(exitCode, jobExitCode(job));
    }
    batchProgress();
    if (exitCode == ExitOk) {
        succeed();
        return;
    }
    m_done = true;
    Q_EMIT finished(exitCode);
}

} // namespace pixverse
