#pragma once

#include "core/api/ApiTypes.h"
#include "core/backend/Backend.h"
#include "core/generation/GenerationRequest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTextStream>
#include <QTimer>

#include <memory>

class QNetworkAccessManager;

namespace pixverse {

class VideoDownloader;
class JobEngine;
class JobStore;
namespace sandbox {
class SandboxHost;
}

//! Exit codes of pixverse-studio-cli: a contract (README "CLI").
enum CliExit {
    ExitOk = 0,
    ExitUsage = 2,    //!< usage or input error
    ExitAuth = 3,     //!< authentication
    ExitRefused = 4,  //!< refused by the service: parameters, moderation, credits
    ExitTransient = 5 //!< network or server trouble
};

int exitCodeFor(const ApiError& error);

//! What the command line asked for, after parsing.
struct CliOptions {
    enum class Command { Generate, Status, Balance, Batch };
    Command command = Command::Generate;
    bool sandbox = false;
    bool sandboxReset = false; //!< empty the sandbox's kept state before it starts
    double sandboxClockSpeed = 1.0;
    QUrl baseUrl;
    QString apiKeyEnv = QStringLiteral("PIXVERSE_API_KEY");
    QString tokenEnv;         //!< web family: the session token is in this variable
    QString account;          //!< web family: the token the app remembered for this e-mail
    bool keychainKey = false; //!< the API key the app remembered in the keychain
    QUrl objectStoreUrl;      //!< web uploads; empty: the real one, or the sandbox's on loopback
    bool json = false;
    bool verbose = false;
    GenerationRequest request;
    QString outDir;
    qint64 videoId = 0;
    int waitSeconds = 900;          //!< generate: give up waiting after this
    int pollIntervalMs = 0;         //!< 0: adaptive (1 s, 2 s, 3 s, then 5 s)
    QString batchFile;              //!< batch: one prompt a line, or JSON Lines
    QList<GenerationRequest> batch; //!< the batch file's generations, in order
    bool waitGiven = false;
    std::optional<qint64> maxCredits;
    int concurrency = 5;
};

//! Parses argv into CliOptions, or says why not (exit code 2 for usage, with one sentence).
struct CliParse {
    std::optional<CliOptions> options;
    QString error;
    bool handled = false; //!< --help / --version printed, exit 0
};
CliParse parseCommandLine(const QStringList& arguments);

//! Reads a batch file: JSON Lines (one generation object a line, keys as in the API or the CLI:
//! prompt, negative_prompt, model, duration, quality, aspect_ratio|aspect, motion_mode|motion,
//! seed, style, camera_movement|camera, image) or plain text (one prompt a line). Blank lines
//! and lines starting with # are skipped. `defaults` fills what a line leaves out. Every line is
//! checked against the model table; the error names the line.
struct BatchParse {
    QList<GenerationRequest> requests;
    QString error;
};
BatchParse parseBatchFile(const QString& path, const GenerationRequest& defaults);

//! Runs one CLI command asynchronously and quits the event loop with its exit code.
class CliRunner : public QObject {
    Q_OBJECT
public:
    CliRunner(CliOptions options, QObject* parent = nullptr);
    ~CliRunner() override;

    //! Starts; `finished(exitCode)` follows.
    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void fail(const QString& sentence, int exitCode);
    void fail(const ApiError& error);
    void succeed();
    void runGenerate();
    void submit(const std::optional<UploadedImage>& image);
    void poll();
    void schedulePoll();
    void downloadVideo(const VideoStatus& status);
    void runStatus();
    void runBalance();
    void connectBackend(ApiFamily family, const QUrl& baseUrl, const QString& secret,
                        const QString& account);
    void runCommand();
    void runBatch();
    void startBatch(const QList<GenerationRequest>& requests, qint64 cost);
    void batchProgress();
    void finishBatch();
    void progressLine(const QString& text);

    CliOptions m_options;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    QNetworkAccessManager* m_network = nullptr;
    Backend* m_backend = nullptr;
    VideoDownloader* m_downloader = nullptr;
    QTimer m_pollTimer;
    QElapsedTimer m_waited;
    qint64 m_videoId = 0;
    int m_polls = 0;
    int m_lastPercent = -1;
    bool m_done = false;
    bool m_waitingForSlot = false;
    JobStore* m_store = nullptr;
    JobEngine* m_engine = nullptr;
    QList<qint64> m_batchJobs;
    QString m_lastProgress;
};

} // namespace pixverse
