// watch DIR --out DIR (issue 19): the window's hot folder from the command line. The job store
// lives in --out, as a batch's does, so a file is never sent twice across runs; the run ends
// with SIGINT or SIGTERM (exit 0), leaving what is on its way to the next run.
#include "app/cli/CliRunner.h"
#include "core/backend/Backend.h"
#include "core/backend/PriceBook.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobStore.h"
#include "core/queue/HotFolder.h"

#include <QDir>
#include <QJsonDocument>
#include <QLocale>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace pixverse {

namespace {

//! The self-pipe: the signal handler writes a byte, the event loop reads it.
int g_interruptPipe[2] = {-1, -1};

void onInterrupt(int) {
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_interruptPipe[0], &byte, 1);
}

} // namespace

void CliRunner::catchInterrupts() {
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_interruptPipe) != 0)
        return; // the default handlers stay: the process still ends, only less politely
    auto* notifier = new QSocketNotifier(g_interruptPipe[1], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        [[maybe_unused]] const ssize_t got = ::read(g_interruptPipe[1], &byte, 1);
        stopWatching();
    });
    struct sigaction action = {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

void CliRunner::runWatch() {
    if (!openJobStore())
        return;
    makeEngine();
    m_prices = new PriceBook(m_backend, &m_catalog, this);
    m_prices->refresh();
    m_hotFolder = new HotFolder(m_engine, &m_catalog, m_backend->family(), m_prices, this);
    connectWatch();
    catchInterrupts();
    m_engine->start(); // what an earlier run left on its way goes on
    HotFolderOptions options;
    options.folder = m_options.watchFolder;
    options.defaults = m_options.generationKeys;
    options.dailyCredits = m_options.maxCredits;
    if (!m_hotFolder->start(options)) {
        fail(m_hotFolder->errorString(), ExitUsage);
        return;
    }
    progressLine(tr("Watching “%1”; the videos go to “%2”. Stop with Ctrl+C.")
                     .arg(QDir::toNativeSeparators(m_hotFolder->options().folder),
                          QDir::toNativeSeparators(QDir(m_options.outDir).absolutePath())));
}

void CliRunner::connectWatch() {
    connect(m_hotFolder, &HotFolder::fileQueued, this,
            [this](const QString& file, int jobs, qint64 credits) {
                const QString sentence =
                    credits < 0 ? tr("%1: %n job(s) queued.", nullptr, jobs).arg(file)
                                : tr("%1: %n job(s) queued for %2 credits.", nullptr, jobs)
                                      .arg(file, QLocale().toString(credits));
                watchLine(sentence, {{QStringLiteral("event"), QStringLiteral("queued")},
                                     {QStringLiteral("file"), file},
                                     {QStringLiteral("jobs"), jobs},
                                     {QStringLiteral("credits"), credits}});
            });
    connect(m_hotFolder, &HotFolder::fileRefused, this,
            [this](const QString& file, const QString& reason) {
                watchLine(tr("%1 refused: %2").arg(file, reason),
                          {{QStringLiteral("event"), QStringLiteral("refused")},
                           {QStringLiteral("file"), file},
                           {QStringLiteral("reason"), reason}});
            });
    connect(m_hotFolder, &HotFolder::fileAlreadyTaken, this, [this](const QString& file) {
        watchLine(tr("%1 was queued before; nothing was sent again.").arg(file),
                  {{QStringLiteral("event"), QStringLiteral("already_queued")},
                   {QStringLiteral("file"), file}});
    });
    connect(m_hotFolder, &HotFolder::entriesRefused, this,
            [this](const QString& file, const QStringList& reasons) {
                for (const QString& reason : reasons)
                    progressLine(tr("%1, not queued: %2").arg(file, reason));
            });
    connect(m_hotFolder, &HotFolder::capReached, this,
            [this](const QString& message) { progressLine(message); });
    connect(m_engine, &JobEngine::videoSaved, this, [this](qint64 jobId, const QString& path) {
        const std::optional<Job> job = m_store->job(jobId);
        watchLine(tr("Saved %1").arg(QDir::toNativeSeparators(path)),
                  {{QStringLiteral("event"), QStringLiteral("saved")},
                   {QStringLiteral("path"), path},
                   {QStringLiteral("video_id"), job ? job->videoId : 0}});
    });
    connect(m_engine, &JobEngine::jobSettled, this, [this](qint64 jobId, JobState state) {
        const std::optional<Job> job = m_store->job(jobId);
        if (state == JobState::Done || !job)
            return;
        progressLine(tr("Generation “%1”: %2")
                         .arg(job->request.prompt.left(40),
                              job->errorMessage.isEmpty() ? jobStateId(state) : job->errorMessage));
    });
    connect(m_engine->scheduler(), &JobScheduler::pausedChanged, this, [this](bool paused) {
        if (paused)
            fail(tr("PixVerse stopped accepting the credentials; sign in again, then run the "
                    "same command to go on."),
                 ExitAuth);
    });
}

void CliRunner::watchLine(const QString& sentence, const QJsonObject& json) {
    if (m_options.json)
        m_out << QJsonDocument(json).toJson(QJsonDocument::Compact) << Qt::endl;
    else
        m_out << sentence << Qt::endl;
}

void CliRunner::stopWatching() {
    if (m_hotFolder)
        m_hotFolder->stop();
    const int left = m_engine ? m_engine->unfinishedCount() : 0;
    if (left > 0)
        progressLine(tr("Stopped; %n job(s) on their way go on at the next run.", nullptr, left));
    else
        progressLine(tr("Stopped."));
    succeed();
}

} // namespace pixverse
