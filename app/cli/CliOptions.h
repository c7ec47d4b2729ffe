#pragma once

#include "core/api/ApiError.h"
#include "core/generation/GenerationRequest.h"
#include "core/jobs/Job.h"
#include "core/queue/BatchFile.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace pixverse {

class ModelCatalog;

//! Exit codes of pixverse-studio-cli: a contract (README "The command line").
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
    enum class Command {
        Generate,
        Status,
        Balance,
        Batch,
        Models,
        Extend,    //!< extend (VIDEO_ID | FILE)
        Upscale,   //!< upscale (VIDEO_ID | FILE)
        Sound,     //!< sound (VIDEO_ID | FILE): a sound effect
        LipSync,   //!< lipsync (VIDEO_ID | FILE) with an audio file or a voice and a text
        Speakers,  //!< the voices lip sync speaks with
        LastFrame, //!< last-frame VIDEO_FILE: a local PNG, no request
        Templates, //!< the effect templates (issue 17), from the list kept in the data dir
        Watch,     //!< watch DIR --out DIR (issue 19): the hot folder, until interrupted
        Spend      //!< spend [--since] [--until] [--json] (issue 19): deductions and refunds
    };
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
    bool dryRun = false; //!< generate: check, price and print the bodies; send nothing
    //! generate and batch: the generation options given, by their batch-line keys (see
    //! requestFromKeys in core/queue/BatchFile.h); a batch line's own keys win over them.
    QJsonObject generationKeys;
    GenerationRequest request; //!< generate: generationKeys made into a request
    QString outDir;
    qint64 videoId = 0; //!< status; extend, upscale, sound, lipsync: the PixVerse video continued
    //! last-frame: the video whose last frame is saved; extend, …: the local video continued
    QString videoFile;
    int waitSeconds = 900;          //!< generate: give up waiting after this
    int pollIntervalMs = 0;         //!< 0: adaptive (the engine's schedule)
    QString batchFile;              //!< batch: one prompt a line, or JSON Lines
    QString watchFolder;            //!< watch: the hot folder (its files become jobs)
    QList<GenerationRequest> batch; //!< the batch file's generations, in order
    bool waitGiven = false;
    std::optional<qint64> maxCredits; //!< batch: the most it may cost; watch: a day's cap
    int concurrency = 5;
    //! generate and batch --takes N (issue 18): N takes of each generation, 1..8, one group
    //! each in the job list; with a seed, take i asks for seed + i.
    int takes = 1;
    //! generate --template ID: the effect; request is set up from the template once the list
    //! tells its facts (CliRunner), with request.images the --image files in order.
    qint64 templateId = 0;
    QString templateSearch;        //!< templates --search: as the browser's search box
    bool refreshTemplates = false; //!< templates --refresh: fetch even when the list is young
    QDate spendSince;              //!< spend --since: the first local day counted
    QDate spendUntil;              //!< spend --until: the last local day counted (inclusive)

    //! extend, upscale, sound and lipsync: a generation from a video (request.sourceVideoId or
    //! request.sourceVideoPath).
    bool continuesVideo() const {
        return command == Command::Extend || command == Command::Upscale ||
               command == Command::Sound || command == Command::LipSync;
    }
    //! One generation: generate and the commands that continue a video.
    bool makesOneVideo() const { return command == Command::Generate || continuesVideo(); }
    ApiFamily family() const {
        return tokenEnv.isEmpty() && account.isEmpty() ? ApiFamily::OpenApi : ApiFamily::Web;
    }
};

//! Parses argv into CliOptions, or says why not (exit code 2 for usage, with one sentence).
//! Generations are checked against `catalog` before anything is sent.
struct CliParse {
    std::optional<CliOptions> options;
    QString error;
    bool handled = false; //!< --help / --version printed, exit 0
};
CliParse parseCommandLine(const QStringList& arguments, const ModelCatalog& catalog);

//! What a batch run into `outDir` would send, given the jobs its job list already holds (a
//! re-run sends only the rest, and refuses a different batch), priced with `catalog`.
struct BatchPlan {
    //! The takes not yet in the job list (--takes N: N in a row for each generation, with
    //! their seeds; else one for each).
    QList<GenerationRequest> remaining;
    qint64 totalCost = 0;
    qint64 remainingCost = 0;
    QString error; //!< why this batch cannot run into this folder (a usage error)
};
BatchPlan planBatch(const CliOptions& options, const QList<Job>& existing, const QString& outDir,
                    const ModelCatalog& catalog);

} // namespace pixverse
