#include "app/cli/CliOptions.h"

#include "core/api/ApiClient.h"
#include "core/backend/BackendFactory.h"
#include "core/generation/ModelCatalog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <limits>

namespace pixverse {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pixverse-studio-cli", text);
}

//! One option of the command line: the table below is the whole list (README "The command line").
struct OptionSpec {
    const char* name;
    const char* help;
    const char* valueName = nullptr; //!< none: a flag
    bool hidden = false;             //!< for tests and demos, not in --help
};

const OptionSpec kOptions[] = {
    {"sandbox",
     QT_TRANSLATE_NOOP("pixverse-studio-cli", "Start the built-in offline sandbox and use it.")},
    {"sandbox-reset",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "Use the offline sandbox, emptied first (it remembers its videos across "
                       "runs).")},
    {"sandbox-clock-speed",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "Run the sandbox's clock this many times faster (demos, tests)."),
     "factor", true},
    {"base-url", QT_TRANSLATE_NOOP("pixverse-studio-cli", "PixVerse server address (default %1)."),
     "URL"},
    {"api-key-env",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "Environment variable holding the platform API key (default "
                       "PIXVERSE_API_KEY)."),
     "VAR"},
    {"token-env",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "Environment variable holding a PixVerse account's session token (web "
                       "sign-in)."),
     "VAR"},
    {"account",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "Use the session the app remembered in the keychain for this e-mail."),
     "EMAIL"},
    {"keychain", QT_TRANSLATE_NOOP("pixverse-studio-cli",
                                   "Use the API key the app remembered in the keychain.")},
    {"object-store-url", QT_TRANSLATE_NOOP("pixverse-studio-cli", "Object store for web uploads."),
     "URL", true},
    {"max-credits",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "batch: refuse to start when the batch would cost more than N credits."),
     "N"},
    {"concurrency",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "batch: at most N videos generating at once (default 5)."),
     "N"},
    {"json", QT_TRANSLATE_NOOP("pixverse-studio-cli", "Print machine-readable JSON.")},
    {"verbose",
     QT_TRANSLATE_NOOP("pixverse-studio-cli", "Log every request to stderr (never secrets).")},
    {"prompt", QT_TRANSLATE_NOOP("pixverse-studio-cli", "What the video shows."), "TEXT"},
    {"negative-prompt", QT_TRANSLATE_NOOP("pixverse-studio-cli", "What to avoid."), "TEXT"},
    {"image", QT_TRANSLATE_NOOP("pixverse-studio-cli", "Image to animate (image-to-video)."),
     "FILE"},
    {"model", QT_TRANSLATE_NOOP("pixverse-studio-cli", "Model (default v4.5)."), "M"},
    {"duration", QT_TRANSLATE_NOOP("pixverse-studio-cli", "Seconds (default 5)."), "S"},
    {"quality",
     QT_TRANSLATE_NOOP("pixverse-studio-cli", "360p, 540p, 720p or 1080p (default 540p)."), "Q"},
    {"aspect", QT_TRANSLATE_NOOP("pixverse-studio-cli", "Aspect ratio, e.g. 16:9 (default)."), "A"},
    {"motion", QT_TRANSLATE_NOOP("pixverse-studio-cli", "normal or fast (default normal)."),
     "MODE"},
    {"seed", QT_TRANSLATE_NOOP("pixverse-studio-cli", "Seed 0–2147483647 (default: random)."), "N"},
    {"style",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "Style (v3.5): anime, 3d_animation, day, cyberpunk, comic."),
     "STYLE"},
    {"camera", QT_TRANSLATE_NOOP("pixverse-studio-cli", "Camera movement (v4, v4.5)."), "MOVE"},
    {"out", QT_TRANSLATE_NOOP("pixverse-studio-cli", "Folder to save the MP4 into."), "DIR"},
    {"wait",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "Give up waiting for the video after this many seconds (default 900)."),
     "S"},
    {"poll-interval-ms", QT_TRANSLATE_NOOP("pixverse-studio-cli", "Fixed polling interval."), "MS",
     true},
};

const char kDescription[] = QT_TRANSLATE_NOOP(
    "pixverse-studio-cli",
    "Make PixVerse videos from the command line.\n\n"
    "Commands:\n"
    "  generate --prompt TEXT --out DIR [options]   make a video and save the MP4 into DIR\n"
    "  status VIDEO_ID                              show a video's status\n"
    "  balance                                      show the account's credits\n"
    "  batch FILE --out DIR [--max-credits N]       make every generation in FILE (one prompt a "
    "line,\n"
    "                                               or JSON Lines); re-running resumes, never "
    "duplicates\n\n"
    "Signing in: the platform API key from --api-key-env VAR (default PIXVERSE_API_KEY) or, with\n"
    "--keychain, the key the app remembered; a PixVerse account's session token from --token-env "
    "VAR\n"
    "or, with --account EMAIL, the token the app remembered. Never a password on the command "
    "line.\n\n"
    "Exit codes: 0 ok, 2 usage or input, 3 authentication, 4 refused by PixVerse,\n"
    "5 network or server trouble.");

void addOptions(QCommandLineParser& parser) {
    parser.setApplicationDescription(tr(kDescription));
    parser.addHelpOption();
    parser.addVersionOption();
    for (const OptionSpec& spec : kOptions) {
        QString help = tr(spec.help);
        if (help.contains(u"%1"))
            help = help.arg(defaultServiceUrl().toString());
        QCommandLineOption option(QString::fromLatin1(spec.name), help,
                                  spec.valueName ? QString::fromLatin1(spec.valueName) : QString());
        if (spec.hidden)
            option.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(option);
    }
    parser.addPositionalArgument(QStringLiteral("command"),
                                 tr("generate, status, balance or batch"));
}

//! Reads the parser's options by name; every check returns the one sentence of a usage error.
class Reader {
public:
    explicit Reader(const QCommandLineParser& parser)
        : m_parser(parser) {}
    bool isSet(const char* name) const { return m_parser.isSet(QString::fromLatin1(name)); }
    QString value(const char* name) const { return m_parser.value(QString::fromLatin1(name)); }
    //! A whole number when the option is set; `*bad` when it is set but not one.
    std::optional<qint64> number(const char* name, bool* bad) const {
        *bad = false;
        if (!isSet(name))
            return std::nullopt;
        bool ok = false;
        const qint64 n = value(name).toLongLong(&ok);
        *bad = !ok;
        return ok ? std::optional<qint64>(n) : std::nullopt;
    }

private:
    const QCommandLineParser& m_parser;
};

QString readCommand(const QStringList& positional, CliOptions& o) {
    if (positional.isEmpty())
        return tr("Say what to do: generate, status, balance or batch (see --help).");
    static const QList<std::pair<QString, CliOptions::Command>> commands = {
        {QStringLiteral("generate"), CliOptions::Command::Generate},
        {QStringLiteral("status"), CliOptions::Command::Status},
        {QStringLiteral("balance"), CliOptions::Command::Balance},
        {QStringLiteral("batch"), CliOptions::Command::Batch}};
    const QString& word = positional.first();
    const auto found = std::find_if(commands.begin(), commands.end(),
                                    [&word](const auto& command) { return command.first == word; });
    if (found == commands.end())
        return tr("Unknown command “%1”: use generate, status, balance or batch.").arg(word);
    o.command = found->second;
    return {};
}

QString readConnection(const Reader& r, CliOptions& o) {
    o.sandboxReset = r.isSet("sandbox-reset");
    o.sandbox = r.isSet("sandbox") || o.sandboxReset;
    if (o.sandbox && r.isSet("base-url"))
        return tr("Use either --sandbox or --base-url, not both.");
    if (r.isSet("sandbox-clock-speed")) {
        bool ok = false;
        o.sandboxClockSpeed = r.value("sandbox-clock-speed").toDouble(&ok);
        if (!ok || o.sandboxClockSpeed <= 0)
            return tr("--sandbox-clock-speed needs a positive number.");
    }
    o.baseUrl = r.isSet("base-url") ? QUrl(r.value("base-url")) : defaultServiceUrl();
    if (const ApiError problem = ApiClient::checkBaseUrl(o.baseUrl); problem.isError())
        return problem.userMessage();
    if (r.isSet("api-key-env"))
        o.apiKeyEnv = r.value("api-key-env");
    if (o.apiKeyEnv.isEmpty())
        return tr("--api-key-env needs the name of an environment variable.");
    o.tokenEnv = r.value("token-env");
    o.account = r.value("account").trimmed();
    o.keychainKey = r.isSet("keychain");
    if (int(!o.tokenEnv.isEmpty()) + int(!o.account.isEmpty()) + int(o.keychainKey) +
            int(o.sandbox) >
        1)
        return tr("Choose one way to sign in: --sandbox, --token-env, --account or --keychain.");
    if (r.isSet("object-store-url")) {
        o.objectStoreUrl = QUrl(r.value("object-store-url"));
        if (const ApiError problem = ApiClient::checkBaseUrl(o.objectStoreUrl); problem.isError())
            return problem.userMessage();
    }
    o.json = r.isSet("json");
    o.verbose = r.isSet("verbose");
    return {};
}

QString readArguments(const QStringList& positional, CliOptions& o) {
    if (o.command == CliOptions::Command::Status) {
        bool ok = false;
        o.videoId = positional.size() == 2 ? positional.at(1).toLongLong(&ok) : 0;
        if (!ok || o.videoId <= 0)
            return tr("status needs one video id, a positive whole number: status VIDEO_ID.");
    } else if (o.command == CliOptions::Command::Batch) {
        if (positional.size() != 2)
            return tr("batch needs one file: batch FILE --out DIR.");
        o.batchFile = positional.at(1);
    } else if (positional.size() > 1) {
        return tr("Unexpected argument “%1”.").arg(positional.at(1));
    }
    return {};
}

QString readLimits(const Reader& r, CliOptions& o) {
    bool bad = false;
    if (const auto concurrency = r.number("concurrency", &bad); concurrency || bad) {
        if (bad || *concurrency < 1 || *concurrency > 20)
            return tr("--concurrency needs a number from 1 to 20.");
        o.concurrency = static_cast<int>(*concurrency);
    }
    if (const auto max = r.number("max-credits", &bad); max || bad) {
        if (bad || *max < 0)
            return tr("--max-credits needs a whole number of credits.");
        o.maxCredits = *max;
    }
    return {};
}

QString readGeneration(const Reader& r, CliOptions& o) {
    GenerationRequest& request = o.request;
    request.prompt = r.value("prompt");
    request.negativePrompt = r.value("negative-prompt");
    if (r.isSet("image")) {
        if (r.value("image").trimmed().isEmpty())
            return tr("--image needs the path of an image file.");
        request.setStartImage(QFileInfo(r.value("image")).absoluteFilePath());
    }
    const std::pair<const char*, QString*> texts[] = {{"model", &request.model},
                                                      {"quality", &request.quality},
                                                      {"aspect", &request.aspectRatio},
                                                      {"motion", &request.motionMode}};
    for (const auto& [name, target] : texts)
        if (r.isSet(name))
            *target = r.value(name);
    bool bad = false;
    if (const auto duration = r.number("duration", &bad); duration)
        request.duration = static_cast<int>(*duration);
    else if (bad)
        return tr("--duration needs a whole number of seconds, not “%1”.").arg(r.value("duration"));
    if (const auto seed = r.number("seed", &bad); seed)
        request.seed = *seed;
    else if (bad)
        return tr("--seed needs a whole number, not “%1”.").arg(r.value("seed"));
    request.style = r.value("style");
    request.cameraMovement = r.value("camera");
    return {};
}

QString readOutput(const Reader& r, CliOptions& o) {
    o.outDir = r.value("out");
    if (o.outDir.isEmpty())
        return o.command == CliOptions::Command::Batch
                   ? tr("batch needs --out DIR, the folder to save the videos into.")
                   : tr("generate needs --out DIR, the folder to save the video into.");
    bool bad = false;
    if (const auto wait = r.number("wait", &bad); wait || bad) {
        if (bad || *wait <= 0 || *wait > std::numeric_limits<int>::max() / 1000)
            return tr("--wait needs a positive number of seconds.");
        o.waitSeconds = static_cast<int>(*wait);
        o.waitGiven = true;
    }
    if (r.isSet("poll-interval-ms"))
        o.pollIntervalMs = std::max(10, r.value("poll-interval-ms").toInt());
    return {};
}

//! The same table the app and the engine use: refuse locally what PixVerse would refuse.
QString checkGenerations(CliOptions& o, const ModelCatalog& catalog) {
    if (o.command == CliOptions::Command::Generate) {
        const QList<RuleViolation> violations = catalog.validate(o.request, o.family());
        return violations.isEmpty() ? QString() : violations.first().reason;
    }
    BatchParse batch = parseBatchFile(o.batchFile, o.request);
    if (!batch.error.isEmpty())
        return batch.error;
    for (qsizetype i = 0; i < batch.requests.size(); ++i) {
        const QList<RuleViolation> violations = catalog.validate(batch.requests[i], o.family());
        if (!violations.isEmpty())
            return tr("%1, generation %2: %3")
                .arg(o.batchFile)
                .arg(i + 1)
                .arg(violations.first().reason);
    }
    o.batch = batch.requests;
    return {};
}

QString readOptions(const QCommandLineParser& parser, const ModelCatalog& catalog, CliOptions& o) {
    const Reader r(parser);
    const QStringList positional = parser.positionalArguments();
    QString error = readCommand(positional, o); // the command decides what follows
    if (error.isEmpty())
        error = readConnection(r, o);
    if (error.isEmpty())
        error = readArguments(positional, o);
    if (error.isEmpty())
        error = readLimits(r, o);
    const bool generates =
        o.command == CliOptions::Command::Generate || o.command == CliOptions::Command::Batch;
    if (error.isEmpty() && generates)
        error = readGeneration(r, o);
    if (error.isEmpty() && generates)
        error = readOutput(r, o);
    if (error.isEmpty() && generates)
        error = checkGenerations(o, catalog);
    return error;
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

CliParse parseCommandLine(const QStringList& arguments, const ModelCatalog& catalog) {
    CliParse parse;
    QCommandLineParser parser;
    addOptions(parser);
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
    CliOptions options;
    parse.error = readOptions(parser, catalog, options);
    if (parse.error.isEmpty())
        parse.options = options;
    return parse;
}

BatchPlan planBatch(const CliOptions& options, const QList<Job>& existing, const QString& outDir,
                    const ModelCatalog& catalog) {
    BatchPlan plan;
    if (existing.size() > options.batch.size()) {
        plan.error = tr("“%1” already holds a larger batch; use another --out folder.").arg(outDir);
        return plan;
    }
    for (qsizetype i = 0; i < existing.size(); ++i) {
        const GenerationRequest& was = existing[i].request;
        const GenerationRequest& now = options.batch[i];
        if (was.prompt != now.prompt || was.model != now.model || was.duration != now.duration ||
            was.quality != now.quality || was.isImageToVideo() != now.isImageToVideo()) {
            plan.error = tr("Generation %1 of the batch differs from the one already started in "
                            "“%2”; use another --out folder.")
                             .arg(i + 1)
                             .arg(outDir);
            return plan;
        }
    }
    plan.remaining = options.batch.mid(existing.size());
    for (qsizetype i = 0; i < options.batch.size(); ++i) {
        const qint64 cost = catalog.creditCost(options.batch[i]).value_or(0);
        plan.totalCost += cost;
        if (i >= existing.size())
            plan.remainingCost += cost;
    }
    if (options.maxCredits && plan.remainingCost > *options.maxCredits)
        plan.error =
            tr("The batch would cost %1 credits, more than --max-credits %2; nothing was sent.")
                .arg(plan.remainingCost)
                .arg(*options.maxCredits);
    return plan;
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
            r.setStartImage(image.isEmpty() ? QString()
                                            : QFileInfo(base, image).absoluteFilePath());
        }
        parse.requests.append(r);
    }
    if (parse.requests.isEmpty())
        parse.error = tr("The batch file “%1” holds no generation.").arg(path);
    return parse;
}

} // namespace pixverse
