#pragma once

#include "app/cli/CliOptions.h"
#include "core/api/ApiTypes.h"
#include "core/generation/ModelCatalog.h"
#include "core/jobs/Job.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QTextStream>
#include <QTimer>

#include <memory>

class QNetworkAccessManager;

namespace pixverse {

struct SpendReport;

class Backend;
class CredentialStore;
class HotFolder;
class PriceBook;
class JobEngine;
class JobStore;
class TemplateLibrary;
namespace sandbox {
class SandboxHost;
}

//! Runs one CLI command asynchronously and quits the event loop with its exit code. It only turns
//! options into requests and engine signals into output: `generate` (and extend, upscale, sound,
//! lipsync) is a one-job run of the same JobEngine `batch` (and the window) use, `status` asks
//! VideoLookup.
class CliRunner : public QObject {
    Q_OBJECT
public:
    //! `catalog` validates and prices every generation of this run.
    CliRunner(CliOptions options, ModelCatalog catalog, QObject* parent = nullptr);
    ~CliRunner() override;

    //! Starts; `finished(exitCode)` follows.
    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void applyAppProxy();
    void signIn();
    void connectRemembered();
    void connectBackend(ApiFamily family, const QUrl& baseUrl, const QString& secret,
                        const QString& account);
    void runCommand();
    void runStatus();
    void printStatus(const VideoStatus& status);
    void runBalance();
    // spend (CliRunnerSpend.cpp).
    void runSpend();
    void spendFromService();
    void spendFromStore();
    void printSpend(const SpendReport& report);
    void runSpeakers();
    void runGenerate();
    void runContinue();
    //! Reads the local files of `request` on the thread pool, checks them, then sends it.
    void checkFilesAndSend(const GenerationRequest& request);
    void send(const GenerationRequest& request);
    void runBatch();
    // templates and generate --template (CliRunnerTemplates.cpp).
    void runTemplates();
    void printTemplates();
    void runEffect();
    void sendEffect(const EffectTemplate& effect);
    //! The template list kept for this connection (m_library); false when the family has none.
    bool openTemplates();
    void rememberTemplateRefusal(qint64 templateId, int errorCode, const QString& quality);
    bool openJobStore();
    void startEngine(const QList<GenerationRequest>& requests);
    //! The job engine over the run's store (--out), with the command line's limits.
    void makeEngine();
    // watch (CliRunnerWatch.cpp): the hot folder until SIGINT or SIGTERM.
    void runWatch();
    void connectWatch();
    //! SIGINT and SIGTERM end the watch cleanly (exit 0) through the event loop.
    void catchInterrupts();
    void stopWatching();
    //! One event of the watch: a sentence on stderr, or (--json) an object on stdout.
    void watchLine(const QString& sentence, const QJsonObject& json);
    // --takes N (CliRunnerBatch.cpp).
    //! Stores what this run sends: generate's one job or its takes (one group), a batch's takes
    //! (one group for each generation). False (after fail()) when one cannot be stored.
    bool enqueueRequests(const QList<GenerationRequest>& requests);
    //! A command that makes one video (or its takes) run before into this folder and stopped
    //! before its end (`origin`: its jobs'): waits for those jobs, sending nothing new. False
    //! when there are none unfinished.
    bool adoptStoppedRun(const QString& origin);
    //! "Take 2/4": which take of this run's group the job is.
    QString takeLabel(qint64 jobId) const;
    void onTakeSettled(qint64 jobId, JobState state);
    //! Every take of generate --takes settled: their files (or why not), the exit code.
    void finishTakes();
    void giveUpTakes();
    //! The exit code a settled job stands for.
    static int jobExitCode(const Job& job);
    //! generate --json: what one saved video is.
    QJsonObject savedJson(const Job& job, const QString& path) const;
    void connectEngine();

    // Engine signals into output.
    void onUploadProgress(qint64 jobId, qint64 sent, qint64 total);
    void onDeferred(qint64 jobId, const ApiError& reason);
    void onSubmitted(qint64 jobId);
    void onDownloadProgress(qint64 jobId, qint64 received, qint64 total);
    void onVideoSaved(qint64 jobId, const QString& path);
    void onSettled(qint64 jobId, JobState state);
    void sayStillGenerating();
    void giveUp();
    void batchProgress();
    void finishBatch();
    void sayPercent(const QString& line, qint64 done, qint64 total);

    void progressLine(const QString& text);
    void fail(const QString& sentence, int exitCode);
    void fail(const ApiError& error);
    void failJob(const Job& job);
    void succeed();

    CliOptions m_options;
    ModelCatalog m_catalog;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    QNetworkAccessManager* m_network = nullptr;
    CredentialStore* m_credentials = nullptr;
    Backend* m_backend = nullptr;
    JobStore* m_store = nullptr;
    JobEngine* m_engine = nullptr;
    TemplateLibrary* m_library = nullptr; //!< templates and generate --template only
    HotFolder* m_hotFolder = nullptr;     //!< watch only
    PriceBook* m_prices = nullptr;        //!< watch only
    qint64 m_generateJob = 0; //!< generate: the one job this run waits for; 0 for a batch
    QList<qint64> m_takeJobs; //!< generate --takes N (N > 1): the takes, in order
    QElapsedTimer m_waited;
    QTimer m_stillGenerating;
    int m_lastPercent = -1;
    bool m_saidUploading = false;
    bool m_saidUploaded = false;
    bool m_saidDownloading = false;
    bool m_waitingForSlot = false;
    bool m_done = false;
    QString m_lastProgress;
};

} // namespace pixverse
