#include "app/cli/CliRunner.h"

#include "core/api/ApiClient.h"
#include "core/backend/BackendFactory.h"
#include "core/generation/ModelCatalog.h"
#include "core/jobs/VideoDownloader.h"
#include "core/sandbox/SandboxHost.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>

#include <cstdio>

namespace pixverse {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("pixverse-studio-cli", text); }

QString stateName(VideoState state) {
    switch (state) {
    case VideoState::Pending: return QStringLiteral("generating");
    case VideoState::Succeeded: return QStringLiteral("succeeded");
    case VideoState::Moderated: return QStringLiteral("moderated");
    case VideoState::Failed: return QStringLiteral("failed");
    case VideoState::Deleted: return QStringLiteral("deleted");
    case VideoState::Unknown: break;
    }
    return QStringLiteral("unknown");
}

} // namespace

int exitCodeFor(const ApiError& error) {
    switch (error.category()) {
    case ApiError::Category::None: return ExitOk;
    case ApiError::Category::Input: return ExitUsage;
    case ApiError::Category::Auth: return ExitAuth;
    case ApiError::Category::Refusal: return ExitRefused;
    case ApiError::Category::Transient: return ExitTransient;
    }
    return ExitTransient;
}

CliParse parseCommandLine(const QStringList& arguments) {
    CliParse parse;
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Make PixVerse videos from the command line.\n\n"
        "Commands:\n"
        "  generate --prompt TEXT --out DIR [options]   make a video and save the MP4 into DIR\n"
        "  status VIDEO_ID                              show a video's status\n"
        "  balance                                      show the account's credits\n\n"
        "Exit codes: 0 ok, 2 usage or input, 3 authentication, 4 refused by PixVerse,\n"
        "5 network or server trouble."));
    parser.addHelpOption();
    parser.addVersionOption();
    auto option = [&parser](const QString& name, const QString& help, const QString& value = {}) {
        QCommandLineOption o(name, help, value);
        parser.addOption(o);
        return o;
    };
    const auto sandboxOption = option(QStringLiteral("sandbox"), tr("Start the built-in offline sandbox and use it."));
    QCommandLineOption clockOption(QStringLiteral("sandbox-clock-speed"),
                                   tr("Run the sandbox's clock this many times faster (demos, tests)."),
                                   QStringLiteral("factor"));
    clockOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(clockOption);
    const auto baseUrlOption = option(QStringLiteral("base-url"), tr("PixVerse server address (default %1).")
                                                                      .arg(defaultServiceUrl().toString()),
                                      QStringLiteral("URL"));
    const auto keyEnvOption = option(QStringLiteral("api-key-env"),
                                     tr("Environment variable holding the platform API key (default PIXVERSE_API_KEY)."),
                                     QStringLiteral("VAR"));
    const auto jsonOption = option(QStringLiteral("json"), tr("Print machine-readable JSON."));
    const auto verboseOption = option(QStringLiteral("verbose"), tr("Log every request to stderr (never secrets)."));
    const auto promptOption = option(QStringLiteral("prompt"), tr("What the video shows."), QStringLiteral("TEXT"));
    const auto negativeOption = option(QStringLiteral("negative-prompt"), tr("What to avoid."), QStringLiteral("TEXT"));
    const auto imageOption = option(QStringLiteral("image"), tr("Image to animate (image-to-video)."), QStringLiteral("FILE"));
    const auto modelOption = option(QStringLiteral("model"), tr("Model (default v4.5)."), QStringLiteral("M"));
    const auto durationOption = option(QStringLiteral("duration"), tr("Seconds (default 5)."), QStringLiteral("S"));
    const auto qualityOption = option(QStringLiteral("quality"), tr("360p, 540p, 720p or 1080p (default 540p)."), QStringLiteral("Q"));
    const auto aspectOption = option(QStringLiteral("aspect"), tr("Aspect ratio, e.g. 16:9 (default)."), QStringLiteral("A"));
    const auto motionOption = option(QStringLiteral("motion"), tr("normal or fast (default normal)."), QStringLiteral("MODE"));
    const auto seedOption = option(QStringLiteral("seed"), tr("Seed 0–2147483647 (default: random)."), QStringLiteral("N"));
    const auto styleOption = option(QStringLiteral("style"), tr("Style (v3.5): anime, 3d_animation, day, cyberpunk, comic."), QStringLiteral("STYLE"));
    const auto cameraOption = option(QStringLiteral("camera"), tr("Camera movement (v4, v4.5)."), QStringLiteral("MOVE"));
    const auto outOption = option(QStringLiteral("out"), tr("Folder to save the MP4 into."), QStringLiteral("DIR"));
    const auto waitOption = option(QStringLiteral("wait"), tr("Give up waiting for the video after this many seconds (default 900)."), QStringLiteral("S"));
    QCommandLineOption pollOption(QStringLiteral("poll-interval-ms"), tr("Fixed polling interval."), QStringLiteral("MS"));
    pollOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(pollOption);
    parser.addPositionalArgument(QStringLiteral("command"), tr("generate, status or balance"));

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
        parse.error = tr("Say what to do: generate, status or balance (see --help).");
        return parse;
    }
    const QString command = positional.first();
    if (command == u"generate") {
        o.command = CliOptions::Command::Generate;
    } else if (command == u"status") {
        o.command = CliOptions::Command::Status;
    } else if (command == u"balance") {
        o.command = CliOptions::Command::Balance;
    } else {
        parse.error = tr("Unknown command “%1”: use generate, status or balance.").arg(command);
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
    o.baseUrl = parser.isSet(baseUrlOption) ? QUrl(parser.value(baseUrlOption)) : defaultServiceUrl();
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
    o.json = parser.isSet(jsonOption);
    o.verbose = parser.isSet(verboseOption);

    if (o.command == CliOptions::Command::Status) {
        bool ok = false;
        o.videoId = positional.size() == 2 ? positional.at(1).toLongLong(&ok) : 0;
        if (!ok || o.videoId <= 0) {
            parse.error = tr("status needs one video id, a positive whole number: status VIDEO_ID.");
            return parse;
        }
    } else if (positional.size() > 1) {
        parse.error = tr("Unexpected argument “%1”.").arg(positional.at(1));
        return parse;
    }

    if (o.command == CliOptions::Command::Generate) {
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
                parse.error = tr("--duration needs a whole number of seconds, not “%1”.").arg(parser.value(durationOption));
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
                parse.error = tr("--seed needs a whole number, not “%1”.").arg(parser.value(seedOption));
                return parse;
            }
            r.seed = seed;
        }
        r.style = parser.value(styleOption);
        r.cameraMovement = parser.value(cameraOption);
        o.outDir = parser.value(outOption);
        if (o.outDir.isEmpty()) {
            parse.error = tr("generate needs --out DIR, the folder to save the video into.");
            return parse;
        }
        if (parser.isSet(waitOption)) {
            bool ok = false;
            o.waitSeconds = parser.value(waitOption).toInt(&ok);
            if (!ok || o.waitSeconds <= 0) {
                parse.error = tr("--wait needs a positive number of seconds.");
                return parse;
            }
        }
        if (parser.isSet(pollOption))
            o.pollIntervalMs = std::max(10, parser.value(pollOption).toInt());
        // The same table the app and the sandbox use: refuse locally what PixVerse would refuse.
        const QList<RuleViolation> violations = ModelCatalog::builtIn().validate(r, ApiFamily::OpenApi);
        if (!violations.isEmpty()) {
            parse.error = violations.first().reason;
            return parse;
        }
    }
    parse.options = o;
    return parse;
}

CliRunner::CliRunner(CliOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_out(stdout), m_err(stderr) {
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &CliRunner::poll);
}

CliRunner::~CliRunner() = default;

void CliRunner::start() {
    QString apiKey;
    QUrl baseUrl = m_options.baseUrl;
    if (m_options.sandbox) {
        sandbox::SandboxConfig config;
        m_sandbox = std::make_unique<sandbox::SandboxHost>(config);
        if (!m_sandbox->start()) {
            fail(tr("The offline sandbox could not start: %1.").arg(m_sandbox->errorString()), ExitTransient);
            return;
        }
        m_sandbox->setClockSpeed(m_options.sandboxClockSpeed);
        baseUrl = m_sandbox->baseUrl();
        apiKey = m_sandbox->defaultApiKey();
        progressLine(tr("Using the offline sandbox at %1").arg(baseUrl.toString()));
    } else {
        apiKey = QProcessEnvironment::systemEnvironment().value(m_options.apiKeyEnv).trimmed();
        if (apiKey.isEmpty()) {
            fail(tr("No API key: set the environment variable %1 to your PixVerse platform API key.")
                     .arg(m_options.apiKeyEnv),
                 ExitAuth);
            return;
        }
    }

    m_network = new QNetworkAccessManager(this);
    BackendConfig config;
    config.family = ApiFamily::OpenApi;
    config.baseUrl = baseUrl;
    config.secret = apiKey;
    const Result<Backend*> backend = createBackend(m_network, config, this);
    if (!backend.ok()) {
        fail(backend.error);
        return;
    }
    m_backend = *backend.value;
    m_downloader = new VideoDownloader(m_network, this);

    switch (m_options.command) {
    case CliOptions::Command::Generate: runGenerate(); break;
    case CliOptions::Command::Status: runStatus(); break;
    case CliOptions::Command::Balance: runBalance(); break;
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
    m_backend->createVideo(r, image, ApiClient::newTraceId(), this, [this, image](Result<CreatedVideo> result) {
        if (!result.ok()) {
            // The account is at its concurrency limit: wait for a slot, as the app's queue does.
            if (result.error.errCode() == 500044 && m_waited.elapsed() < qint64(m_options.waitSeconds) * 1000) {
                if (!m_waitingForSlot)
                    progressLine(tr("The account is generating as many videos as it may; waiting for a free slot…"));
                m_waitingForSlot = true;
                QTimer::singleShot(m_options.pollIntervalMs > 0 ? m_options.pollIntervalMs : 5000, this,
                                   [this, image] { submit(image); });
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
            fail(tr("PixVerse's moderation refused video %1; the credits were refunded. Change the prompt or image.")
                     .arg(m_videoId),
                 ExitRefused);
            return;
        case VideoState::Failed:
            fail(tr("PixVerse could not generate video %1 (a failure on its side). Try again.").arg(m_videoId),
                 ExitTransient);
            return;
        case VideoState::Deleted:
            fail(tr("Video %1 was removed on PixVerse before it could be saved.").arg(m_videoId), ExitRefused);
            return;
        }
    });
}

void CliRunner::downloadVideo(const VideoStatus& status) {
    const QString target = QDir(m_options.outDir).absoluteFilePath(u"pixverse-" + QString::number(m_videoId) + u".mp4");
    progressLine(tr("Video %1 is ready (%2×%3); downloading…").arg(m_videoId).arg(status.width).arg(status.height));
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
    m_backend->fetchStatuses({m_options.videoId}, this, [this](Result<QHash<qint64, VideoStatus>> result) {
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
            m_out << tr("Credits: %1 (monthly %2, package %3)").arg(b.total()).arg(b.monthly).arg(b.package)
                  << Qt::endl;
        }
        succeed();
    });
}

} // namespace pixverse
