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
namespace sandbox { class SandboxHost; }

//! Exit codes of pixverse-studio-cli: a contract (README "CLI").
enum CliExit {
    ExitOk = 0,
    ExitUsage = 2,     //!< usage or input error
    ExitAuth = 3,      //!< authentication
    ExitRefused = 4,   //!< refused by the service: parameters, moderation, credits
    ExitTransient = 5  //!< network or server trouble
};

int exitCodeFor(const ApiError& error);

//! What the command line asked for, after parsing.
struct CliOptions {
    enum class Command { Generate, Status, Balance };
    Command command = Command::Generate;
    bool sandbox = false;
    double sandboxClockSpeed = 1.0;
    QUrl baseUrl;
    QString apiKeyEnv = QStringLiteral("PIXVERSE_API_KEY");
    bool json = false;
    bool verbose = false;
    GenerationRequest request;
    QString outDir;
    qint64 videoId = 0;
    int waitSeconds = 900;      //!< generate: give up waiting after this
    int pollIntervalMs = 0;     //!< 0: adaptive (1 s, 2 s, 3 s, then 5 s)
};

//! Parses argv into CliOptions, or says why not (exit code 2 for usage, with one sentence).
struct CliParse {
    std::optional<CliOptions> options;
    QString error;
    bool handled = false; //!< --help / --version printed, exit 0
};
CliParse parseCommandLine(const QStringList& arguments);

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
};

} // namespace pixverse
