#include "app/cli/CliRunner.h"

#include "core/api/ApiClient.h"
#include "core/auth/CredentialStore.h"
#include "core/backend/BackendFactory.h"
#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobStore.h"
#include "core/jobs/VideoDownloader.h"
#include "core/sandbox/SandboxHost.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>

#include <cstdio>

namespace pixverse {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pixverse-studio-cli", text);
}

QString stateName(VideoState state) {
    switch (state) {
    case VideoState::Pending:
        return QStringLiteral("generating");
    case VideoState::Succeeded:
        return QStringLiteral("succeeded");
    case VideoState::Moderated:
        return QStringLiteral("moderated");
    case VideoState::Failed:
        return QStringLiteral("failed");
    case VideoState::Deleted:
        return QStringLiteral("deleted");
    case VideoState::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace

int exitCodeFor(const ApiError& error) {
    switch (error.category()) {
    case ApiError::Category::None:
        return ExitOk;
    case ApiError::Category::Input:
        return ExitUsage;
    case ApiError::Category::Auth:
        return ExitAuth;
    case ApiError::Category::Refusal:
        return ExitRefused;
    case ApiError::Category::Transient:
        return ExitTransient;
    }
    return ExitTransient;
}

CliParse parseCommandLine(const QStringList& arguments) {
    CliParse parse;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Make PixVerse videos from the command line.\n\n"
           "Commands:\n"
           "  generate --prompt TEXT --out DIR [options]   make a video and save the MP4 into DIR\n"
           "  status VIDEO_ID                              show a video's status\n"
           "  balance                                      show the account's credits\n"
           "  batch FILE --out DIR [--max-credits N]       make every generation in FILE (one "
           "prompt a line,\n"
           "                                               or JSON Lines); re-running resumes, "
           "never duplicates\n\n"
           "Signing in: the platform API key from --api-key-env VAR (default PIXVERSE_API_KEY) or, "
           "with\n"
           "--keychain, the key the app remembered; a PixVerse account's session token from "
           "--token-env VAR\n"
           "or, with --account EMAIL, the token the app remembered. Never a password on the "
           "command line.\n\n"
           "Exit codes: 0 ok, 2 usage or input, 3 authentication, 4 refused by PixVerse,\n"
           "5 network or server trouble."));
    parser.addHelpOption();
    parser.addVersionOption();
    auto option = [&parser](const QString& name, const QString& help, const QString& value = {}) {
        QCommandLineOption o(name, help, value);
        parser.addOption(o);
        return o;
    };
    const auto sandboxOption =
        option(QStringLiteral("sandbox"), tr("Start the built-in offline sandbox and use it."));
    QCommandLineOption clockOption(
        QStringLiteral("sandbox-clock-speed"),
        tr("Run the sandbox's clock this many times faster (demos, tests)."),
        QStringLiteral("factor"));
    clockOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(clockOption);
    const auto baseUrlOption =
        option(QStringLiteral("base-url"),
               tr("PixVerse server address (default %1).").arg(defaultServiceUrl().toString()),
               QStringLiteral("URL"));
    const auto keyEnvOption =
        option(QStringLiteral("api-key-env"),
               tr("Environment variable holding the platform API key (default PIXVERSE_API_KEY)."),
               QStringLiteral("VAR"));
    const auto tokenEnvOption =
        option(QStringLiteral("token-env"),
               tr("Environment variable holding a PixVerse account's session token (web sign-in)."),
               QStringLiteral("VAR"));
    const auto accountOption =
        option(QStringLiteral("account"),
               tr("Use the session the app remembered in the keychain for this e-mail."),
               QStringLiteral("EMAIL"));
    const auto keychainOption = option(QStringLiteral("keychain"),
                                       tr("Use the API key the app remembered in the keychain."));
    QCommandLineOption objectStoreOption(QStringLiteral("object-store-url"),
                                         tr("Object store for web uploads."),
                                         QStringLiteral("URL"));
    objectStoreOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(objectStoreOption);
    const auto maxCreditsOption =
        option(QStringLiteral("max-credits"),
               tr("batch: refuse to start when the batch would cost more than N credits."),
               QStringLiteral("N"));
    const auto concurrencyOption =
        option(QStringLiteral("concurrency"),
               tr("batch: at most N videos generating at once (default 5)."), QStringLiteral("N"));
    const auto jsonOption = option(QStringLiteral("json"), tr("Print machine-readable JSON."));
    const auto verboseOption =
        option(QStringLiteral("verbose"), tr("Log every request to stderr (never secrets)."));
    const auto promptOption =
        option(QStringLiteral("prompt"), tr("What the video shows."), QStringLiteral("TEXT"));
    const auto negativeOption =
        option(QStringLiteral("negative-prompt"), tr("What to avoid."), QStringLiteral("TEXT"));
    const auto imageOption = option(
        QStringLiteral("image"), tr("Image to animate (image-to-video)."), QStringLiteral("FILE"));
    const auto modelOption =
        option(QStringLiteral("model"), tr("Model (default v4.5)."), QStringLiteral("M"));
    const auto durationOption =
        option(QStringLiteral("duration"), tr("Seconds (default 5)."), QStringLiteral("S"));
    const auto qualityOption =
        option(QStringLiteral("quality"), tr("360p, 540p, 720p or 1080p (default 540p)."),
               QStringLiteral("Q"));
    const auto aspectOption = option(QStringLiteral("aspect"),
                                     tr("Aspect ratio, e.g. 16:9 (default)."), QStringLiteral("A"));
    const auto motionOption = option(
        QStringLiteral("motion"), tr("normal or fast (default normal)."), QStringLiteral("MODE"));
    const auto seedOption = option(QStringLiteral("seed"),
                                   tr("Seed 0–2147483647 (default: random)."), QStringLiteral("N"));
    const auto styleOption = option(QStringLiteral("style"),
                                    tr("Style (v3.5): anime, 3d_animation, day, cyberpunk, comic."),
                                    QStringLiteral("STYLE"));
    const auto cameraOption =
        option(QStringLiteral("camera"), tr("Camera movement (v4, v4.5)."), QStringLiteral("MOVE"));
    const auto outOption =
        option(QStringLiteral("out"), tr("Folder to save the MP4 into."), QStringLiteral("DIR"));
    const auto waitOption =
        option(QStringLiteral("wait"),
               tr("Give up waiting for the video after this many seconds (default 900)."),
               QStringLiteral("S"));
    QCommandLineOption pollOption(QStringLiteral("poll-interval-ms"), tr("Fixed polling interval."),
                                  QStringLiteral("MS"));
    pollOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(pollOption);
    parser.addPositionalArgument(QStringLiteral("command"),
                                 tr("generate, status, balance or batch"));

    if (!parser.parse(arguments)) {
        parse.error = parser.errorText();
        return parse;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        parse.handled = true;
        return parse;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("%s %s\n", qPrintable(QCoreApplication::applicationName()), PIXVERSE_VERSION);
        parse.handled = true;
        return parse;
    }

    CliOptions o;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        parse.error = tr("Say what to do: generate, status, balance or batch (see --help).");
        return parse;
    }
    const QString command = positional.first();
    if (command == u"generate") {
        o.command = CliOptions::Command::Generate;
    } else if (command == u"status") {
        o.command = CliOptions::Command::Status;
    } else if (command == u"balance") {
        o.command = CliOptions::Command::Balance;
    } else if (command == u"batch") {
        o.command = CliOptions::Command::Batch;
    } else {
        parse.error =
            tr("Unknown command “%1”: use generate, status, balance or batch.").arg(command);
        return parse;
    }

    o.sandbox = parser.isSet(sandboxOption);
    if (o.sandbox && parser.isSet(baseUrlOption)) {
        parse.error = tr("Use either --sandbox or --base-url, not both.");
        return parse;
    }
    if (parser.isSet(clockOption)) {
        bool ok = false;
        o.sandboxClockSpeed = parser.value(clockOption).toDouble(&ok);
        if (!ok || o.sandboxClockSpeed <= 0) {
            parse.error = tr("--sandbox-clock-speed needs a positive number.");
            return parse;
        }
    }
    o.baseUrl =
        parser.isSet(baseUrlOption) ? QUrl(parser.value(baseUrlOption)) : defaultServiceUrl();
    if (const ApiError problem = ApiClient::checkBaseUrl(o.baseUrl); problem.isError()) {
        parse.error = problem.userMessage();
        return parse;
    }
    if (parser.isSet(keyEnvOption))
        o.apiKeyEnv = parser.value(keyEnvOption);
    if (o.apiKeyEnv.isEmpty()) {
        parse.error = tr("--api-key-env needs the name of an environment variable.");
        return parse;
    }
    o.tokenEnv = parser.value(tokenEnvOption);
    o.account = parser.value(accountOption).trimmed();
    o.keychainKey = parser.isSet(keychainOption);
    if (int(!o.tokenEnv.isEmpty()) + int(!o.account.isEmpty()) + int(o.keychainKey) +
            int(o.sandbox) >
        1) {
        parse.error =
            tr("Choose one way to sign in: --sandbox, --token-env, --account or --keychain.");
        return parse;
    }
    if (parser.isSet(objectStoreOption)) {
        o.objectStoreUrl = QUrl(parser.value(objectStoreOption));
        if (const ApiError problem = ApiClient::checkBaseUrl(o.objectStoreUrl); problem.isError()) {
            parse.error = problem.userMessage();
            return parse;
        }
    }
    o.json = parser.isSet(jsonOption);
    o.verbose = parser.isSet(verboseOption);

    if (o.command == CliOptions::Command::Status) {
        bool ok = false;
        o.videoId = positional.size() == 2 ? positional.at(1).toLongLong(&ok) : 0;
        if (!ok || o.videoId <= 0) {
            parse.error =
                tr("status needs one video id, a positive whole number: status VIDEO_ID.");
            return parse;
        }
    } else if (o.command == CliOptions::Command::Batch) {
        if (positional.size() != 2) {
            parse.error = tr("batch needs one file: batch FILE --out DIR.");
            return parse;
        }
        o.batchFile = positional.at(1);
    } else if (positional.size() > 1) {
        parse.error = tr("Unexpected argument “%1”.").arg(positional.at(1));
        return parse;
    }
    if (parser.isSet(concurrencyOption)) {
        bool ok = false;
        o.concurrency = parser.value(concurrencyOption).toInt(&ok);
        if (!ok || o.concurrency < 1 || o.concurrency > 20) {
            parse.error = tr("--concurrency needs a number from 1 to 20.");
            return parse;
        }
    }
    if (parser.isSet(maxCreditsOption)) {
        bool ok = false;
        const qint64 max = parser.value(maxCreditsOption).toLongLong(&ok);
        if (!ok || max < 0) {
            parse.error = tr("--max-credits needs a whole number of credits.");
            return parse;
        }
        o.maxCredits = max;
    }

    if (o.command == CliOptions::Command::Generate || o.command == CliOptions::Command::Batch) {
        GenerationRequest& r = o.request;
        r.prompt = parser.value(promptOption);
        r.negativePrompt = parser.value(negativeOption);
        if (parser.isSet(imageOption)) {
            if (parser.value(imageOption).trimmed().isEmpty()) {
                parse.error = tr("--image needs the path of an image file.");
                return parse;
            }
            r.imagePath = QFileInfo(parser.value(imageOption)).absoluteFilePath();
        }
        if (parser.isSet(modelOption))
            r.model = parser.value(modelOption);
        if (parser.isSet(durationOption)) {
            bool ok = false;
            r.duration = parser.value(durationOption).toInt(&ok);
            if (!ok) {
                parse.error = tr("--duration needs a whole number of seconds, not “%1”.")
                                  .arg(parser.value(durationOption));
                return parse;
            }
        }
        if (parser.isSet(qualityOption))
            r.quality = parser.value(qualityOption);
        if (parser.isSet(aspectOption))
            r.aspectRatio = parser.value(aspectOption);
        if (parser.isSet(motionOption))
            r.motionMode = parser.value(motionOption);
        if (parser.isSet(seedOption)) {
            bool ok = false;
            const qint64 seed = parser.value(seedOption).toLongLong(&ok);
            if (!ok) {
                parse.error =
                    tr("--seed needs a whole number, not “%1”.").arg(parser.value(seedOption));
                return parse;
            }
            r.seed = seed;
        }
        r.style = parser.value(styleOption);
        r.cameraMovement = parser.value(cameraOption);
        o.outDir = parser.value(outOption);
        if (o.outDir.isEmpty()) {
            parse.error = o.command == CliOptions::Command::Batch
                              ? tr("batch needs --out DIR, the folder to save the videos into.")
                              : tr("generate needs --out DIR, the folder to save the video into.");
            return parse;
        }
        if (parser.isSet(waitOption)) {
            bool ok = false;
            o.waitSeconds = parser.value(waitOption).toInt(&ok);
            if (!ok || o.waitSeconds <= 0) {
                parse.error = tr("--wait needs a positive number of seconds.");
                return parse;
            }
            o.waitGiven = true;
        }
        if (parser.isSet(pollOption))
            o.pollIntervalMs = std::max(10, parser.value(pollOption).toInt());
        const ApiFamily family =
            o.tokenEnv.isEmpty() && o.account.isEmpty() ? ApiFamily::OpenApi : ApiFamily::Web;
        if (o.command == CliOptions::Command::Batch) {
            BatchParse batch = parseBatchFile(o.batchFile, r);
            if (!batch.error.isEmpty()) {
                parse.error = batch.error;
                return parse;
            }
            // Checked against the family actually used.
            for (qsizetype i = 0; i < batch.requests.size(); ++i) {
                const QList<RuleViolation> violations =
                    ModelCatalog::builtIn().validate(batch.requests[i], family);
                if (!violations.isEmpty()) {
                    parse.error = tr("%1, generation %2: %3")
                                      .arg(o.batchFile)
                                      .arg(i + 1)
                                      .arg(violations.first().reason);
                    return parse;
                }
            }
            o.batch = batch.requests;
        } else {
            // The same table the app and the sandbox use: refuse locally what PixVerse would
            // refuse.
            const QList<RuleViolation> violations = ModelCatalog::builtIn().validate(r, family);
            if (!violations.isEmpty()) {
                parse.error = violations.first().reason;
                return parse;
            }
        }
    }
    parse.options = o;
    return parse;
}

BatchParse parseBatchFile(const QString& path, const GenerationRequest& defaults) {
    BatchParse parse;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        parse.error = tr("Cannot read the batch file “%1”: %2.").arg(path, file.errorString());
        return parse;
    }
    if (file.size() > 16 * 1024 * 1024) {
        parse.error = tr("The batch file “%1” is larger than 16 MB.").arg(path);
        return parse;
    }
    const QDir base = QFileInfo(path).absoluteDir();
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QString where = tr("%1, line %2").arg(QFileInfo(path).fileName()).arg(i + 1);
        GenerationRequest r = defaults;
        if (!line.startsWith(u'{')) {
            r.prompt = line;
            parse.requests.append(r);
            continue;
        }
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
        if (!document.isObject()) {
            parse.error = tr("%1 is not a JSON object: %2.").arg(where, error.errorString());
            return parse;
        }
        const QJsonObject o = document.object();
        auto text = [&o](std::initializer_list<const char16_t*> keys, QString& target) {
            for (const char16_t* key : keys)
                if (o.contains(QStringView(key)))
                    target = o.value(QStringView(key)).toString();
        };
        text({u"prompt"}, r.prompt);
        text({u"negative_prompt", u"negative-prompt"}, r.negativePrompt);
        text({u"model"}, r.model);
        text({u"quality"}, r.quality);
        text({u"aspect", u"aspect_ratio"}, r.aspectRatio);
        text({u"motion", u"motion_mode"}, r.motionMode);
        text({u"style"}, r.style);
        text({u"camera", u"camera_movement"}, r.cameraMovement);
        if (o.contains(u"duration")) {
            const auto duration = json::toInt(o.value(u"duration"));
            if (!duration) {
                parse.error = tr("%1: “duration” must be a whole number of seconds.").arg(where);
                return parse;
            }
            r.duration = static_cast<int>(*duration);
        }
        if (o.contains(u"seed")) {
            const auto seed = json::toId(o.value(u"seed"));
            if (!seed) {
                parse.error = tr("%1: “seed” must be a whole number.").arg(where);
                return parse;
            }
            r.seed = *seed;
        }
        if (o.contains(u"image")) {
            const QString image = o.value(u"image").toString();
            r.imagePath = image.isEmpty() ? QString() : QFileInfo(base, image).absoluteFilePath();
        }
        parse.requests.append(r);
    }
    if (parse.requests.isEmpty())
        parse.error = tr("The batch file “%1” holds no generation.").arg(path);
    return parse;
}

CliRunner::CliRunner(CliOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_out(stdout)
    , m_err(stderr) {
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &CliRunner::poll);
}

CliRunner::~CliRunner() = default;

void CliRunner::start() {
    m_network = new QNetworkAccessManager(this);
    m_downloader = new VideoDownloader(m_network, this);
    if (m_options.sandbox) {
        sandbox::SandboxConfig config;
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
        // What the app remembered with "Remember me" (same service and key names).
        auto* keychain = new CredentialStore(CredentialStore::defaultService(), this);
        const ApiFamily family = m_options.keychainKey ? ApiFamily::OpenApi : ApiFamily::Web;
        const QString entry =
            m_options.keychainKey ? QStringLiteral("api-key") : m_options.account.toLower();
        keychain->read(family, entry, this, [this, family](CredentialStore::ReadResult read) {
            if (!read.secret) {
                const QString who =
                    family == ApiFamily::Web ? m_options.account : tr("the API key");
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

void CliRunner::connectBackend(ApiFamily family, const QUrl& baseUrl, const QString& secret,
                               const QString& account) {
    BackendConfig config;
    config.family = family;
    config.baseUrl = baseUrl;
    config.secret = secret;
    config.account = account;
    config.objectStoreUrl = m_options.objectStoreUrl;
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
        runGenerate();
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
    }
}

void CliRunner::progressLine(const QString& text) {
    m_err << text << Qt::endl;
}

void CliRunner::fail(const QString& sentence, int exitCode) {
    if (m_done)
        return;
    m_done = true;
    m_pollTimer.stop();
    m_err << sentence << Qt::endl;
    Q_EMIT finished(exitCode);
}

void CliRunner::fail(const ApiError& error) {
    QString sentence = error.userMessage();
    // The code helps support; the sentence is for people.
    if (error.kind() == ApiError::Kind::Service)
        sentence += u" (PixVerse error " + QString::number(error.errCode()) + u')';
    fail(sentence, exitCodeFor(error));
}

void CliRunner::succeed() {
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(ExitOk);
}

void CliRunner::runGenerate() {
    const QDir out(m_options.outDir);
    if (!QDir().mkpath(out.absolutePath()) || !QFileInfo(out.absolutePath()).isWritable()) {
        fail(tr("Cannot write into the folder “%1”.").arg(m_options.outDir), ExitUsage);
        return;
    }
    m_waited.start();
    if (!m_options.request.isImageToVideo()) {
        submit(std::nullopt);
        return;
    }
    progressLine(tr("Uploading %1…").arg(QFileInfo(m_options.request.imagePath).fileName()));
    m_backend->uploadImage(
        m_options.request.imagePath, this,
        [this](Result<UploadedImage> result) {
            if (!result.ok()) {
                fail(result.error);
                return;
            }
            progressLine(tr("Image uploaded (id %1, %2×%3).")
                             .arg(result.value->imageId)
                             .arg(result.value->width)
                             .arg(result.value->height));
            submit(result.value);
        },
        [this](qint64 sent, qint64 total) {
            if (total <= 0)
                return;
            const int percent = static_cast<int>(sent * 100 / total);
            if (percent / 25 != m_lastPercent / 25) {
                m_lastPercent = percent;
                progressLine(tr("Uploading… %1%").arg(percent));
            }
        });
}

void CliRunner::submit(const std::optional<UploadedImage>& image) {
    const GenerationRequest& r = m_options.request;
    const auto cost = ModelCatalog::builtIn().creditCost(r);
    if (!m_waitingForSlot)
        progressLine(tr("Submitting: %1, %2 s, %3%4%5")
                         .arg(r.model)
                         .arg(r.duration)
                         .arg(r.quality)
                         .arg(r.isImageToVideo() ? QString() : u", " + r.aspectRatio)
                         .arg(cost ? tr(", %1 credits").arg(*cost) : QString()));
    m_backend->createVideo(
        r, image, ApiClient::newTraceId(), this, [this, image](Result<CreatedVideo> result) {
            if (!result.ok()) {
                // The account is at its concurrency limit: wait for a slot, as the app's queue
                // does.
                if (result.error.isConcurrencyLimit() &&
                    m_waited.elapsed() < qint64(m_options.waitSeconds) * 1000) {
                    if (!m_waitingForSlot)
                        progressLine(tr("The account is generating as many videos as it may; "
                                        "waiting for a free slot…"));
                    m_waitingForSlot = true;
                    QTimer::singleShot(m_options.pollIntervalMs > 0 ? m_options.pollIntervalMs
                                                                    : 5000,
                                       this, [this, image] { submit(image); });
                    return;
                }
                fail(result.error);
                return;
            }
            m_videoId = result.value->videoId;
            progressLine(tr("Video %1 is generating…").arg(m_videoId));
            schedulePoll();
        });
}

void CliRunner::schedulePoll() {
    if (m_waited.elapsed() > qint64(m_options.waitSeconds) * 1000) {
        fail(tr("Video %1 was not ready after %2 seconds; check it later with: status %1")
                 .arg(m_videoId)
                 .arg(m_options.waitSeconds),
             ExitTransient);
        return;
    }
    // The official tools poll at 2–5 s; start quicker since short clips finish fast.
    static const int schedule[] = {1000, 2000, 3000, 5000};
    const int interval = m_options.pollIntervalMs > 0
                             ? m_options.pollIntervalMs
                             : schedule[std::min<int>(m_polls, std::size(schedule) - 1)];
    m_pollTimer.start(interval);
}

void CliRunner::poll() {
    ++m_polls;
    m_backend->fetchStatuses({m_videoId}, this, [this](Result<QHash<qint64, VideoStatus>> result) {
        if (!result.ok()) {
            // The client already retried transient trouble; anything else ends the wait.
            fail(result.error);
            return;
        }
        const auto found = result.value->constFind(m_videoId);
        if (found == result.value->constEnd()) {
            schedulePoll();
            return;
        }
        const VideoStatus& status = found.value();
        switch (status.state) {
        case VideoState::Pending:
        case VideoState::Unknown:
            if (m_polls % 6 == 0)
                progressLine(tr("Still generating (%1 s)…").arg(m_waited.elapsed() / 1000));
            schedulePoll();
            return;
        case VideoState::Succeeded:
            downloadVideo(status);
            return;
        case VideoState::Moderated:
            fail(tr("PixVerse's moderation refused video %1; the credits were refunded. Change the "
                    "prompt or image.")
                     .arg(m_videoId),
                 ExitRefused);
            return;
        case VideoState::Failed:
            fail(tr("PixVerse could not generate video %1 (a failure on its side). Try again.")
                     .arg(m_videoId),
                 ExitTransient);
            return;
        case VideoState::Deleted:
            fail(tr("Video %1 was removed on PixVerse before it could be saved.").arg(m_videoId),
                 ExitRefused);
            return;
        }
    });
}

void CliRunner::downloadVideo(const VideoStatus& status) {
    const QString target =
        QDir(m_options.outDir)
            .absoluteFilePath(u"pixverse-" + QString::number(m_videoId) + u".mp4");
    progressLine(tr("Video %1 is ready (%2×%3); downloading…")
                     .arg(m_videoId)
                     .arg(status.width)
                     .arg(status.height));
    m_lastPercent = -1;
    m_downloader->download(
        QUrl(status.url), target, this,
        [this, status](Result<QString> saved) {
            if (!saved.ok()) {
                fail(saved.error);
                return;
            }
            if (m_options.json) {
                QJsonObject json{{QStringLiteral("video_id"), m_videoId},
                                 {QStringLiteral("path"), *saved.value},
                                 {QStringLiteral("width"), status.width},
                                 {QStringLiteral("height"), status.height},
                                 {QStringLiteral("url"), status.url}};
                if (status.seed)
                    json.insert(u"seed", *status.seed);
                m_out << QJsonDocument(json).toJson(QJsonDocument::Compact) << Qt::endl;
            }
            progressLine(tr("Saved."));
            // The path is the last line of stdout: scripts read it.
            m_out << QDir::toNativeSeparators(*saved.value) << Qt::endl;
            succeed();
        },
        [this](qint64 received, qint64 total) {
            if (total <= 0)
                return;
            const int percent = static_cast<int>(received * 100 / total);
            if (percent / 25 != m_lastPercent / 25) {
                m_lastPercent = percent;
                progressLine(tr("Downloading… %1%").arg(percent));
            }
        });
}

void CliRunner::runStatus() {
    m_backend->fetchStatuses(
        {m_options.videoId}, this, [this](Result<QHash<qint64, VideoStatus>> result) {
            if (!result.ok()) {
                fail(result.error);
                return;
            }
            const auto found = result.value->constFind(m_options.videoId);
            if (found == result.value->constEnd() || found->state == VideoState::Deleted) {
                fail(ApiError::service(500008, {}));
                return;
            }
            const VideoStatus& s = found.value();
            if (m_options.json) {
                QJsonObject json{{QStringLiteral("video_id"), s.videoId},
                                 {QStringLiteral("status"), s.rawStatus},
                                 {QStringLiteral("state"), stateName(s.state)},
                                 {QStringLiteral("url"), s.url},
                                 {QStringLiteral("width"), s.width},
                                 {QStringLiteral("height"), s.height}};
                if (s.seed)
                    json.insert(u"seed", *s.seed);
                m_out << QJsonDocument(json).toJson(QJsonDocument::Compact) << Qt::endl;
            } else {
                m_out << tr("Video %1: %2").arg(s.videoId).arg(stateName(s.state));
                if (s.width > 0)
                    m_out << u" (" << s.width << u'×' << s.height << u')';
                m_out << Qt::endl;
                if (!s.url.isEmpty())
                    m_out << tr("URL: %1").arg(s.url) << Qt::endl;
            }
            succeed();
        });
}

void CliRunner::runBalance() {
    m_backend->fetchBalance(this, [this](Result<Balance> result) {
        if (!result.ok()) {
            fail(result.error);
            return;
        }
        const Balance& b = *result.value;
        if (m_options.json) {
            const QJsonObject json{{QStringLiteral("account_id"), b.accountId},
                                   {QStringLiteral("credit_monthly"), b.monthly},
                                   {QStringLiteral("credit_package"), b.package},
                                   {QStringLiteral("total"), b.total()}};
            m_out << QJsonDocument(json).toJson(QJsonDocument::Compact) << Qt::endl;
        } else {
            m_out << tr("Credits: %1 (monthly %2, package %3)")
                         .arg(b.total())
                         .arg(b.monthly)
                         .arg(b.package)
                  << Qt::endl;
        }
        succeed();
    });
}

void CliRunner::runBatch() {
    const QString outDir = QDir(m_options.outDir).absolutePath();
    if (!QDir().mkpath(outDir) || !QFileInfo(outDir).isWritable()) {
        fail(tr("Cannot write into the folder “%1”.").arg(m_options.outDir), ExitUsage);
        return;
    }
    // The batch's own job store lives in the output folder: re-running the same batch into the
    // same folder picks up where it stopped and never sends a line twice.
    m_store = new JobStore(this);
    if (!m_store->open(QDir(outDir).filePath(QStringLiteral(".pixverse-studio")))) {
        fail(
            tr("Cannot open the batch's job list in “%1”: %2.").arg(outDir, m_store->errorString()),
            ExitUsage);
        return;
    }
    const QList<Job> existing = m_store->jobs();
    if (existing.size() > m_options.batch.size()) {
        fail(tr("“%1” already holds a larger batch; use another --out folder.").arg(outDir),
             ExitUsage);
        return;
    }
    for (qsizetype i = 0; i < existing.size(); ++i) {
        const GenerationRequest& was = existing[i].request;
        const GenerationRequest& now = m_options.batch[i];
        if (was.prompt != now.prompt || was.model != now.model || was.duration != now.duration ||
            was.quality != now.quality || was.isImageToVideo() != now.isImageToVideo()) {
            fail(tr("Generation %1 of the batch differs from the one already started in “%2”; use "
                    "another --out folder.")
                     .arg(i + 1)
                     .arg(outDir),
                 ExitUsage);
            return;
        }
    }
    const QList<GenerationRequest> remaining = m_options.batch.mid(existing.size());
    qint64 totalCost = 0;
    qint64 remainingCost = 0;
    for (qsizetype i = 0; i < m_options.batch.size(); ++i) {
        const qint64 cost = ModelCatalog::builtIn().creditCost(m_options.batch[i]).value_or(0);
        totalCost += cost;
        if (i >= existing.size())
            remainingCost += cost;
    }
    if (m_options.maxCredits && remainingCost > *m_options.maxCredits) {
        fail(tr("The batch would cost %1 credits, more than --max-credits %2; nothing was sent.")
                 .arg(remainingCost)
                 .arg(*m_options.maxCredits),
             ExitUsage);
        return;
    }
    m_backend->fetchBalance(
        this, [this, remaining, totalCost, remainingCost, existing](Result<Balance> balance) {
            if (!balance.ok()) {
                fail(balance.error);
                return;
            }
            progressLine(tr("Batch: %1 generations, %2 credits in all; %3 to send now for %4 "
                            "credits; balance %5.")
                             .arg(m_options.batch.size())
                             .arg(totalCost)
                             .arg(remaining.size())
                             .arg(remainingCost)
                             .arg(balance.value->total()));
            if (remainingCost > balance.value->total()) {
                fail(tr("The balance (%1 credits) is too low for this batch (%2 credits); nothing "
                        "was sent.")
                         .arg(balance.value->total())
                         .arg(remainingCost),
                     ExitRefused);
                return;
            }
            startBatch(remaining, remainingCost);
        });
}

void CliRunner::startBatch(const QList<GenerationRequest>& requests, qint64) {
    JobEngineOptions options;
    options.libraryFolder = QDir(m_options.outDir).absolutePath();
    options.watchSystemNetwork = false; // the scheduler's backoff copes with a lost network
    options.concurrencyCap = m_options.concurrency;
    if (m_options.pollIntervalMs > 0)
        options.pollSchedule = PollSchedule::uniform(m_options.pollIntervalMs);
    m_engine = new JobEngine(m_store, m_backend, m_network, options, this);
    for (const GenerationRequest& request : requests) {
        const Result<Job> added = m_engine->enqueue(request);
        if (!added.ok()) {
            fail(added.error);
            return;
        }
    }
    connect(m_engine, &JobEngine::jobSettled, this, &CliRunner::batchProgress);
    connect(m_engine, &JobEngine::allSettled, this, &CliRunner::finishBatch);
    connect(m_engine->scheduler(), &JobScheduler::pausedChanged, this, [this](bool paused) {
        if (paused)
            fail(tr("PixVerse stopped accepting the credentials; sign in again, then re-run the "
                    "same batch to continue."),
                 ExitAuth);
    });
    if (m_options.waitGiven)
        QTimer::singleShot(qint64(m_options.waitSeconds) * 1000, this, [this] {
            fail(tr("The batch was not finished after %1 seconds; re-run the same command to "
                    "continue.")
                     .arg(m_options.waitSeconds),
                 ExitTransient);
        });
    m_engine->start();
    if (m_engine->unfinishedCount() == 0)
        QTimer::singleShot(0, this, &CliRunner::finishBatch);
    else
        batchProgress();
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
    int exitCode = ExitOk;
    const QList<Job> jobs = m_store->jobs();
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        const Job& job = jobs[i];
        if (!isTerminal(job.state))
            return; // not yet: allSettled will come again
    }
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        const Job& job = jobs[i];
        if (job.state == JobState::Done) {
            if (m_options.json) {
                QJsonObject json{{QStringLiteral("line"), int(i + 1)},
                                 {QStringLiteral("video_id"), job.videoId},
                                 {QStringLiteral("path"), job.videoPath}};
                m_out << QJsonDocument(json).toJson(QJsonDocument::Compact) << Qt::endl;
            } else {
                m_out << QDir::toNativeSeparators(job.videoPath) << Qt::endl;
            }
            continue;
        }
        m_err << tr("Generation %1 (“%2”): %3")
                     .arg(i + 1)
                     .arg(job.request.prompt.left(40),
                          job.errorMessage.isEmpty() ? jobStateId(job.state) : job.errorMessage)
              << Qt::endl;
        const int code =
            job.state == JobState::Moderated || job.state == JobState::Cancelled
                ? int(ExitRefused)
                : (job.errorCode > 0 ? exitCodeFor(ApiError::service(job.errorCode, {}))
                                     : int(ExitTransient));
        exitCode = std::max(exitCode, code);
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
