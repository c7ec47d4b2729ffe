#include "app/cli/CliRunner.h"

#include "app/cli/ModelTable.h"
#include "app/cli/SourceFacts.h"
#include "core/api/ApiClient.h"
#include "core/auth/CredentialStore.h"
#include "core/backend/BackendFactory.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobStore.h"
#include "core/jobs/VideoLookup.h"
#include "core/sandbox/SandboxHost.h"
#include "core/settings/AppSettings.h"
#include "core/settings/ProxySetup.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>

#include <algorithm>

namespace pixverse {

int CliRunner::jobExitCode(const Job& job) {
    if (job.state == JobState::Done)
        return ExitOk;
    // The service deleted the video (status 6): a final answer, not trouble worth waiting out.
    if (job.state == JobState::Moderated || job.state == JobState::Cancelled ||
        job.state == JobState::Deleted)
        return ExitRefused;
    return job.errorCode > 0 ? exitCodeFor(ApiError::service(job.errorCode, {})) : ExitTransient;
}

namespace {

QByteArray compactJson(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

//! The names of the local files a job uploads ("first.png, last.png"); empty when none.
QString localInputNames(const GenerationRequest& request) {
    QStringList names;
    for (const RequestImage& image : request.images)
        names << QFileInfo(image.path).fileName();
    for (const QString& path : {request.sourceVideoPath, request.audioPath})
        if (!path.isEmpty())
            names << QFileInfo(path).fileName();
    return names.join(QStringLiteral(", "));
}

//! --json: what the video was made from: the source video, and the take it continues.
void addLineage(QJsonObject& json, const Job& job, const JobStore& store) {
    const GenerationRequest& r = job.request;
    if (r.sourceVideoId != 0)
        json.insert(u"source_video_id", r.sourceVideoId);
    if (!r.sourceVideoPath.isEmpty())
        json.insert(u"source_file", QFileInfo(r.sourceVideoPath).fileName());
    if (r.parentJobId == 0)
        return;
    QJsonObject parent{{QStringLiteral("job_id"), r.parentJobId}};
    if (const std::optional<Job> take = store.job(r.parentJobId)) {
        parent.insert(u"video_id", take->videoId);
        if (!take->videoPath.isEmpty())
            parent.insert(u"file", QFileInfo(take->videoPath).fileName());
    }
    json.insert(u"parent", parent);
}

} // namespace

CliRunner::CliRunner(CliOptions options, ModelCatalog catalog, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_catalog(std::move(catalog))
    , m_out(stdout)
    , m_err(stderr) {
    m_stillGenerating.setInterval(30 * 1000);
    connect(&m_stillGenerating, &QTimer::timeout, this, &CliRunner::sayStillGenerating);
}

CliRunner::~CliRunner() {
    // The engine goes first: it leaves its jobs in the store as they are, for the next run.
    delete m_engine;
}

void CliRunner::start() {
    m_network = new QNetworkAccessManager(this);
    if (m_options.sandbox) {
        sandbox::SandboxConfig config;
        config.stateDir = sandbox::defaultStateDir(); // shared with the app's --sandbox
        QString why;
        if (m_options.sandboxReset && !sandbox::resetState(config.stateDir, &why)) {
            fail(tr("The offline sandbox could not start: %1.").arg(why), ExitTransient);
            return;
        }
        m_sandbox = std::make_unique<sandbox::SandboxHost>(config);
        if (!m_sandbox->start()) {
            fail(tr("The offline sandbox could not start: %1.").arg(m_sandbox->errorString()),
                 ExitTransient);
            return;
        }
        m_sandbox->setClockSpeed(m_options.sandboxClockSpeed);
        progressLine(tr("Using the offline sandbox at %1").arg(m_sandbox->baseUrl().toString()));
        connectBackend(ApiFamily::OpenApi, m_sandbox->baseUrl(), m_sandbox->defaultApiKey(), {});
        return;
    }
    applyAppProxy();
}

void CliRunner::applyAppProxy() {
    // The app's proxy setting, with its password from the keychain: the CLI goes out the same way.
    m_credentials = new CredentialStore(CredentialStore::defaultService(), this);
    const AppSettings settings(AppSettings::Scope::TheApp);
    applyStoredProxy(*m_network, settings, m_credentials, [this] { signIn(); });
}

void CliRunner::signIn() {
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!m_options.tokenEnv.isEmpty()) {
        const QString token = environment.value(m_options.tokenEnv).trimmed();
        if (token.isEmpty()) {
            fail(tr("No session token: set the environment variable %1 to a PixVerse account's "
                    "token.")
                     .arg(m_options.tokenEnv),
                 ExitAuth);
            return;
        }
        connectBackend(ApiFamily::Web, m_options.baseUrl, token, m_options.account);
        return;
    }
    if (!m_options.account.isEmpty() || m_options.keychainKey) {
        connectRemembered();
        return;
    }
    const QString apiKey = environment.value(m_options.apiKeyEnv).trimmed();
    if (apiKey.isEmpty()) {
        fail(tr("No API key: set the environment variable %1 to your PixVerse platform API key.")
                 .arg(m_options.apiKeyEnv),
             ExitAuth);
        return;
    }
    connectBackend(ApiFamily::OpenApi, m_options.baseUrl, apiKey, {});
}

void CliRunner::connectRemembered() {
    // What the app remembered with "Remember me" (same service and key names).
    const ApiFamily family = m_options.keychainKey ? ApiFamily::OpenApi : ApiFamily::Web;
    const QString entry =
        m_options.keychainKey ? QStringLiteral("api-key") : m_options.account.toLower();
    m_credentials->read(family, entry, this, [this, family](CredentialStore::ReadResult read) {
        if (!read.secret) {
            const QString who = family == ApiFamily::Web ? m_options.account : tr("the API key");
            fail(read.error.isEmpty()
                     ? tr("The keychain holds no sign-in for %1: sign in with the app and tick "
                          "“Remember me”.")
                           .arg(who)
                     : tr("The keychain could not be read: %1.").arg(read.error),
                 ExitAuth);
            return;
        }
        connectBackend(family, m_options.baseUrl, *read.secret, m_options.account);
    });
}

void CliRunner::connectBackend(ApiFamily family, const QUrl& baseUrl, const QString& secret,
                               const QString& account) {
    BackendConfig config;
    config.family = family;
    config.baseUrl = baseUrl;
    config.secret = secret;
    config.account = account;
    config.objectStoreUrl = m_options.objectStoreUrl;
    config.catalog = &m_catalog; // the bodies follow the same table the checks used
    if (config.objectStoreUrl.isEmpty() && ApiClient::isLoopback(baseUrl))
        config.objectStoreUrl = sandboxObjectStoreUrl(baseUrl); // the sandbox serves both
    const Result<Backend*> backend = createBackend(m_network, config, this);
    if (!backend.ok()) {
        fail(backend.error);
        return;
    }
    m_backend = *backend.value;
    runCommand();
}

void CliRunner::runCommand() {
    switch (m_options.command) {
    case CliOptions::Command::Generate:
        if (m_options.templateId != 0)
            runEffect();
        else
            runGenerate();
        break;
    case CliOptions::Command::Templates:
        runTemplates();
        break;
    case CliOptions::Command::Status:
        runStatus();
        break;
    case CliOptions::Command::Balance:
        runBalance();
        break;
    case CliOptions::Command::Batch:
        runBatch();
        break;
    case CliOptions::Command::Extend:
    case CliOptions::Command::Upscale:
    case CliOptions::Command::Sound:
    case CliOptions::Command::LipSync:
        runContinue();
        break;
    case CliOptions::Command::Speakers:
        runSpeakers();
        break;
    case CliOptions::Command::Models: // answered without signing in (OfflineCommands)
    case CliOptions::Command::LastFrame:
        break;
    case CliOptions::Command::Spend:
        runSpend();
        break;
    case CliOptions::Command::Watch:
        runWatch();
        break;
    }
}

// --- generate and batch: runs of the job engine --------------------------------------------

bool CliRunner::openJobStore() {
    const QString outDir = QDir(m_options.outDir).absolutePath();
    if (!QDir().mkpath(outDir) || !QFileInfo(outDir).isWritable()) {
        fail(tr("Cannot write into the folder “%1”.").arg(m_options.outDir), ExitUsage);
        return false;
    }
    // The run's job store lives in the output folder: re-running the same command into the same
    // folder picks up where it stopped and never sends a generation twice.
    m_store = new JobStore(this);
    if (!m_store->open(QDir(outDir).filePath(QStringLiteral(".pixverse-studio")))) {
        fail(
            tr("Cannot open the batch's job list in “%1”: %2.").arg(outDir, m_store->errorString()),
            ExitUsage);
        return false;
    }
    return true;
}

void CliRunner::runGenerate() {
    if (!openJobStore())
        return;
    GenerationRequest request = m_options.request;
    // An image last-frame saved from a take of this folder: the new shot is made from that take.
    for (const RequestImage& image : request.images) {
        if (image.role == RequestImage::Role::Start || image.role == RequestImage::Role::FirstFrame)
            if (const std::optional<Job> take = takeOfFrame(*m_store, image.path))
                request.parentJobId = take->id;
    }
    send(request);
}

void CliRunner::startEngine(const QList<GenerationRequest>& requests) {
    makeEngine();
    if (!enqueueRequests(requests))
        return;
    connectEngine();
    m_waited.start();
    if (m_options.makesOneVideo() || m_options.waitGiven)
        QTimer::singleShot(qint64(m_options.waitSeconds) * 1000, this, &CliRunner::giveUp);
    m_engine->start();
    if (m_generateJob != 0 || !m_takeJobs.isEmpty())
        return;
    if (m_engine->unfinishedCount() == 0)
        QTimer::singleShot(0, this, &CliRunner::finishBatch);
    else
        batchProgress();
}

void CliRunner::makeEngine() {
    JobEngineOptions options;
    options.libraryFolder = QDir(m_options.outDir).absolutePath();
    options.watchSystemNetwork = false; // the scheduler's backoff copes with a lost network
    options.concurrencyCap = m_options.concurrency;
    options.catalog = &m_catalog;
    // A sandbox (or any service on loopback) makes its videos in seconds and its requests cost
    // nothing: no young window, no request limit. The real service keeps both, whatever the
    // interval asked for.
    const bool local = m_sandbox || ApiClient::isLoopback(m_options.baseUrl);
    if (local)
        options.pollSchedule = PollSchedule::local();
    if (m_options.pollIntervalMs > 0) {
        options.pollSchedule.steps = PollSchedule::uniform(m_options.pollIntervalMs).steps;
        options.backoff.initialMs = m_options.pollIntervalMs;
    }
    m_engine = new JobEngine(m_store, m_backend, m_network, options);
}

void CliRunner::connectEngine() {
    connect(m_engine, &JobEngine::uploadProgress, this, &CliRunner::onUploadProgress);
    connect(m_engine->scheduler(), &JobScheduler::jobDeferred, this,
            [this](qint64 jobId, int, const ApiError& reason) { onDeferred(jobId, reason); });
    connect(m_engine->scheduler(), &JobScheduler::jobSubmitted, this, &CliRunner::onSubmitted);
    connect(m_engine, &JobEngine::downloadProgress, this, &CliRunner::onDownloadProgress);
    connect(m_engine, &JobEngine::videoSaved, this, &CliRunner::onVideoSaved);
    connect(m_engine, &JobEngine::jobSettled, this, &CliRunner::onSettled);
    connect(m_engine, &JobEngine::templateRefused, this, &CliRunner::rememberTemplateRefusal);
    connect(m_engine, &JobEngine::allSettled, this, [this] {
        if (!m_takeJobs.isEmpty())
            finishTakes();
        else if (m_generateJob == 0)
            finishBatch();
    });
    connect(m_engine->scheduler(), &JobScheduler::pausedChanged, this, [this](bool paused) {
        if (paused)
            fail(tr("PixVerse stopped accepting the credentials; sign in again, then re-run the "
                    "same command to continue."),
                 ExitAuth);
    });
}

void CliRunner::onUploadProgress(qint64 jobId, qint64 sent, qint64 total) {
    // Job 0 is an image sent before its job is stored; the job says it again once stored.
    if (jobId == 0 || jobId != m_generateJob || total <= 0)
        return;
    if (!m_saidUploading) {
        m_saidUploading = true;
        m_lastPercent = -1;
        // The names given, not the store's copies of the files.
        progressLine(tr("Uploading %1…").arg(localInputNames(m_options.request)));
    }
    sayPercent(tr("Uploading… %1%"), sent, total);
}

void CliRunner::onDeferred(qint64 jobId, const ApiError& reason) {
    if (m_generateJob != 0 && jobId != m_generateJob)
        return;
    if (reason.isConcurrencyLimit()) {
        if (!m_waitingForSlot)
            progressLine(tr("The account is generating as many videos as it may; waiting for a "
                            "free slot…"));
        m_waitingForSlot = true;
        return;
    }
    if (m_generateJob != 0) // a batch's summary lines say enough
        progressLine(tr("%1 Trying again shortly…").arg(reason.userMessage()));
}

void CliRunner::onSubmitted(qint64 jobId) {
    if (m_takeJobs.contains(jobId)) {
        if (const std::optional<Job> job = m_store->job(jobId))
            progressLine(tr("%1: video %2 is generating…").arg(takeLabel(jobId)).arg(job->videoId));
        return;
    }
    if (jobId != m_generateJob)
        return;
    const std::optional<Job> job = m_store->job(jobId);
    if (!job)
        return;
    if (!m_saidUploaded && !localInputNames(job->request).isEmpty()) {
        m_saidUploaded = true;
        progressLine(job->isImageToVideo() ? tr("Image uploaded.") : tr("Files uploaded."));
    }
    progressLine(tr("Video %1 is generating…").arg(job->videoId));
    m_stillGenerating.start();
}

void CliRunner::sayStillGenerating() {
    const std::optional<Job> job = m_store->job(m_generateJob);
    if (job && job->state == JobState::Generating)
        progressLine(tr("Still generating (%1 s)…").arg(m_waited.elapsed() / 1000));
}

void CliRunner::onDownloadProgress(qint64 jobId, qint64 received, qint64 total) {
    if (jobId != m_generateJob)
        return;
    if (!m_saidDownloading) {
        m_saidDownloading = true;
        m_stillGenerating.stop();
        m_lastPercent = -1;
        if (const std::optional<Job> job = m_store->job(jobId))
            progressLine(tr("Video %1 is ready (%2×%3); downloading…")
                             .arg(job->videoId)
                             .arg(job->videoWidth)
                             .arg(job->videoHeight));
    }
    if (total > 0)
        sayPercent(tr("Downloading… %1%"), received, total);
}

void CliRunner::sayPercent(const QString& line, qint64 done, qint64 total) {
    const int percent = static_cast<int>(done * 100 / total);
    // Forward only: an upload of several files starts again from 0 for each.
    if (percent > m_lastPercent && percent / 25 != m_lastPercent / 25) {
        m_lastPercent = percent;
        progressLine(line.arg(percent));
    }
}

QJsonObject CliRunner::savedJson(const Job& job, const QString& path) const {
    QJsonObject json{{QStringLiteral("video_id"), job.videoId},
                     {QStringLiteral("path"), path},
                     {QStringLiteral("width"), job.videoWidth},
                     {QStringLiteral("height"), job.videoHeight},
                     {QStringLiteral("url"), job.videoUrl},
                     {QStringLiteral("mode"), generationModeId(job.request.mode)},
                     {QStringLiteral("duration"), job.request.duration},
                     // The service's has_audio when it said, else what was asked.
                     {QStringLiteral("has_audio"), job.hasAudio}};
    if (job.seed)
        json.insert(u"seed", *job.seed);
    addLineage(json, job, *m_store);
    return json;
}

void CliRunner::onVideoSaved(qint64 jobId, const QString& path) {
    if (m_takeJobs.contains(jobId)) {
        progressLine(tr("%1 saved.").arg(takeLabel(jobId)));
        return;
    }
    if (jobId != m_generateJob)
        return;
    const std::optional<Job> job = m_store->job(jobId);
    if (!job)
        return;
    if (m_options.json)
        m_out << compactJson(savedJson(*job, path)) << Qt::endl;
    progressLine(tr("Saved."));
    // The path is the last line of stdout: scripts read it.
    m_out << QDir::toNativeSeparators(path) << Qt::endl;
    succeed();
}

void CliRunner::onSettled(qint64 jobId, JobState state) {
    if (!m_takeJobs.isEmpty()) {
        onTakeSettled(jobId, state);
        return;
    }
    if (m_generateJob == 0) {
        batchProgress();
        return;
    }
    if (jobId != m_generateJob || state == JobState::Done)
        return; // Done: videoSaved told it
    if (const std::optional<Job> job = m_store->job(jobId))
        failJob(*job);
}

void CliRunner::giveUp() {
    if (!m_takeJobs.isEmpty()) {
        giveUpTakes();
        return;
    }
    if (m_generateJob == 0) {
        fail(tr("The batch was not finished after %1 seconds; re-run the same command to "
                "continue.")
                 .arg(m_options.waitSeconds),
             ExitTransient);
        return;
    }
    const std::optional<Job> job = m_store->job(m_generateJob);
    if (job && job->videoId != 0) {
        fail(tr("Video %1 was not ready after %2 seconds; check it later with: status %1")
                 .arg(job->videoId)
                 .arg(m_options.waitSeconds),
             ExitTransient);
        return;
    }
    // Not on the service yet: cancelled, so a later run into this folder does not send it too.
    if (job && (job->state == JobState::Queued || job->state == JobState::Uploading)) {
        fail(tr("The video was not started after %1 seconds (PixVerse had no free slot); it was "
                "cancelled. Try again later.")
                 .arg(m_options.waitSeconds),
             ExitTransient);
        m_engine->cancel(job->id); // after fail(): its jobSettled says nothing more
        return;
    }
    fail(tr("PixVerse did not confirm the video after %1 seconds; run the same command into the "
            "same folder later to pick it up.")
             .arg(m_options.waitSeconds),
         ExitTransient);
}

// --- output -----------------------------------------------------------------------------------

void CliRunner::progressLine(const QString& text) {
    m_err << text << Qt::endl;
}

void CliRunner::fail(const QString& sentence, int exitCode) {
    if (m_done)
        return;
    m_done = true;
    m_stillGenerating.stop();
    m_err << sentence << Qt::endl;
    Q_EMIT finished(exitCode);
}

void CliRunner::fail(const ApiError& error) {
    QString sentence = error.userMessage();
    // The code helps support; the sentence is for people.
    if (error.kind() == ApiError::Kind::Service)
        sentence += tr(" (PixVerse error %1)").arg(error.errCode());
    fail(sentence, exitCodeFor(error));
}

void CliRunner::failJob(const Job& job) {
    QString sentence = job.errorMessage.isEmpty()
                           ? tr("The generation ended: %1.").arg(jobStateId(job.state))
                           : job.errorMessage;
    if (job.videoId != 0)
        sentence = tr("Video %1: %2").arg(job.videoId).arg(sentence);
    if (job.errorCode > 0)
        sentence += tr(" (PixVerse error %1)").arg(job.errorCode);
    fail(sentence, jobExitCode(job));
}

void CliRunner::succeed() {
    if (m_done)
        return;
    m_done = true;
    m_stillGenerating.stop();
    Q_EMIT finished(ExitOk);
}

} // namespace pixverse
