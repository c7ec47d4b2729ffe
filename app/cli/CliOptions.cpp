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
    {"model",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "Model: v6, c1, v5.6, … (default: the newest the account's family takes; "
                       "the command models lists them)."),
     "M"},
    {"duration",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "Seconds: 1–15 on V6 and C1, 5 or 8 on v3.5–v5 (default 5)."),
     "S"},
    {"quality",
     QT_TRANSLATE_NOOP("pixverse-studio-cli", "360p, 540p, 720p or 1080p (default 540p)."), "Q"},
    {"aspect", QT_TRANSLATE_NOOP("pixverse-studio-cli", "Aspect ratio, e.g. 16:9 (default)."), "A"},
    {"motion",
     QT_TRANSLATE_NOOP("pixverse-studio-cli", "normal or fast (v3.5–v4.5; default normal)."),
     "MODE"},
    {"seed", QT_TRANSLATE_NOOP("pixverse-studio-cli", "Seed 0–2147483647 (default: random)."), "N"},
    {"style",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "Style: anime, 3d_animation, clay, comic, cyberpunk; realistic on V6 (the "
                       "command models lists each model's)."),
     "STYLE"},
    {"camera", QT_TRANSLATE_NOOP("pixverse-studio-cli", "Camera movement (v4, v4.5)."), "MOVE"},
    {"audio", QT_TRANSLATE_NOOP("pixverse-studio-cli",
                                "Generate a sound track too (V6, C1, v5.6; costs more).")},
    {"multi-clip", QT_TRANSLATE_NOOP("pixverse-studio-cli",
                                     "Let the model cut the clip into several shots (V6).")},
    {"dry-run",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "generate: check everything, print the cost and the exact request bodies, "
                       "and send nothing. It does not sign in either: the sign-in options only "
                       "choose the family.")},
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
    "  models                                       list the models the account's family takes,\n"
    "                                               with their settings and prices\n"
    "  batch FILE --out DIR [--max-credits N]       make every generation in FILE (one prompt a "
    "line,\n"
    "                                               or JSON Lines); re-running resumes, never "
    "duplicates\n\n"
    "Signing in: the platform API key from --api-key-env VAR (default PIXVERSE_API_KEY) or, with\n"
    "--keychain, the key the app remembered; a PixVerse account's session token from --token-env "
    "VAR\n"
    "or, with --account EMAIL, the token the app remembered. Never a password on the command "
    "line.\n"
    "models and generate --dry-run sign in to nothing and send nothing: the sign-in options only\n"
    "say which family's models and request bodies to show.\n\n"
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
                                 tr("generate, status, balance, batch or models"));
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
        return tr("Say what to do: generate, status, balance, batch or models (see --help).");
    static const QList<std::pair<QString, CliOptions::Command>> commands = {
        {QStringLiteral("generate"), CliOptions::Command::Generate},
        {QStringLiteral("status"), CliOptions::Command::Status},
        {QStringLiteral("balance"), CliOptions::Command::Balance},
        {QStringLiteral("batch"), CliOptions::Command::Batch},
        {QStringLiteral("models"), CliOptions::Command::Models}};
    const QString& word = positional.first();
    const auto found = std::find_if(commands.begin(), commands.end(),
                                    [&word](const auto& command) { return command.first == word; });
    if (found == commands.end())
        return tr("Unknown command “%1”: use generate, status, balance, batch or models.")
            .arg(word);
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

//! Reads the bool `key` of `keys` into `target`; false when it is there but no boolean.
bool readSwitch(const QJsonObject& keys, QLatin1String key, bool& target) {
    if (!keys.contains(key))
        return true;
    const std::optional<bool> value = json::toBool(keys.value(key)); // true/false, or 1/0
    if (value)
        target = *value;
    return value.has_value();
}

//! Sets what `keys` give over what `r` holds; the sentence about the first wrong key, or empty.
QString applyKeys(const QJsonObject& keys, GenerationRequest& r) {
    const std::pair<QLatin1String, QString*> texts[] = {
        {QLatin1String("prompt"), &r.prompt},
        {QLatin1String("negative_prompt"), &r.negativePrompt},
        {QLatin1String("quality"), &r.quality},
        {QLatin1String("aspect"), &r.aspectRatio},
        {QLatin1String("motion"), &r.motionMode},
        {QLatin1String("style"), &r.style},
        {QLatin1String("camera"), &r.cameraMovement}};
    for (const auto& [key, target] : texts) {
        if (!keys.contains(key))
            continue;
        if (!keys.value(key).isString())
            return tr("“%1” must be text.").arg(key);
        *target = keys.value(key).toString();
    }
    if (keys.contains(u"duration")) {
        const auto duration = json::toInt(keys.value(u"duration"));
        if (!duration)
            return tr("“duration” must be a whole number of seconds.");
        r.duration = static_cast<int>(*duration);
    }
    if (keys.contains(u"seed")) {
        const auto seed = json::toId(keys.value(u"seed"));
        if (!seed)
            return tr("“seed” must be a whole number.");
        r.seed = *seed;
    }
    for (const auto& [key, target] :
         {std::pair<QLatin1String, bool*>{QLatin1String("audio"), &r.audio},
          {QLatin1String("multi_clip"), &r.multiClip}})
        if (!readSwitch(keys, key, *target))
            return tr("“%1” must be true or false.").arg(key);
    if (keys.contains(u"image")) {
        if (!keys.value(u"image").isString())
            return tr("“image” must be the path of an image file.");
        r.setStartImage(keys.value(u"image").toString());
    }
    return {};
}

//! The command line's generation options, as batch lines spell them: a generation's settings
//! and every batch line's defaults.
QString readGeneration(const Reader& r, CliOptions& o) {
    QJsonObject& keys = o.generationKeys;
    const std::pair<const char*, QLatin1String> texts[] = {
        {"prompt", QLatin1String("prompt")}, {"negative-prompt", QLatin1String("negative_prompt")},
        {"model", QLatin1String("model")},   {"quality", QLatin1String("quality")},
        {"aspect", QLatin1String("aspect")}, {"motion", QLatin1String("motion")},
        {"style", QLatin1String("style")},   {"camera", QLatin1String("camera")}};
    for (const auto& [option, key] : texts)
        if (r.isSet(option))
            keys.insert(key, r.value(option));
    if (r.isSet("image")) {
        if (r.value("image").trimmed().isEmpty())
            return tr("--image needs the path of an image file.");
        keys.insert(u"image", QFileInfo(r.value("image")).absoluteFilePath());
    }
    bool bad = false;
    if (const auto duration = r.number("duration", &bad); duration)
        keys.insert(u"duration", *duration);
    else if (bad)
        return tr("--duration needs a whole number of seconds, not “%1”.").arg(r.value("duration"));
    if (const auto seed = r.number("seed", &bad); seed)
        keys.insert(u"seed", *seed);
    else if (bad)
        return tr("--seed needs a whole number, not “%1”.").arg(r.value("seed"));
    if (r.isSet("audio"))
        keys.insert(u"audio", true);
    if (r.isSet("multi-clip"))
        keys.insert(u"multi_clip", true);
    o.dryRun = r.isSet("dry-run");
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

//! Why the request cannot be sent: the catalog's first reason (a model the family is not
//! offered included, e.g. v4.5 on the website, §3.10). Empty when it can.
QString whyRefused(const GenerationRequest& request, const ModelCatalog& catalog,
                   ApiFamily family) {
    const QList<RuleViolation> violations = catalog.validate(request, family);
    return violations.isEmpty() ? QString() : violations.first().reason;
}

//! The same table the app and the engine use: refuse locally what PixVerse would refuse.
QString checkGenerations(CliOptions& o, const ModelCatalog& catalog) {
    if (o.command == CliOptions::Command::Generate) {
        const QString error = requestFromKeys(o.generationKeys, catalog, o.family(), o.request);
        return error.isEmpty() ? whyRefused(o.request, catalog, o.family()) : error;
    }
    BatchParse batch = parseBatchFile(o.batchFile, o.generationKeys, catalog, o.family());
    if (!batch.error.isEmpty())
        return batch.error;
    for (qsizetype i = 0; i < batch.requests.size(); ++i) {
        if (const QString why = whyRefused(batch.requests[i], catalog, o.family()); !why.isEmpty())
            return tr("%1, generation %2: %3").arg(o.batchFile).arg(i + 1).arg(why);
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
    if (error.isEmpty() && r.isSet("dry-run") && o.command != CliOptions::Command::Generate)
        error = tr("--dry-run goes with generate.");
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

namespace {

//! The settings a batch line changed against the job already started for it, as
//! "option: was there → now here", in the CLI's option names.
QStringList changedSettings(const GenerationRequest& was, const GenerationRequest& now) {
    QStringList out;
    auto add = [&out](const char* option, const QString& there, const QString& here) {
        if (there != here)
            out << QStringLiteral("--%1 %2 → %3").arg(QLatin1String(option), there, here);
    };
    auto onOff = [](bool on) { return on ? QStringLiteral("on") : QStringLiteral("off"); };
    add("model", was.model, now.model);
    add("duration", QString::number(was.duration), QString::number(now.duration));
    add("quality", was.quality, now.quality);
    add("mode", generationModeId(was.mode), generationModeId(now.mode));
    add("audio", onOff(was.audio), onOff(now.audio));
    add("multi-clip", onOff(was.multiClip), onOff(now.multiClip));
    return out;
}

} // namespace

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
        if (was.prompt != now.prompt) {
            plan.error = tr("Generation %1 of the batch differs from the one already started in "
                            "“%2”; use another --out folder.")
                             .arg(i + 1)
                             .arg(outDir);
            return plan;
        }
        if (const QStringList changed = changedSettings(was, now); !changed.isEmpty()) {
            // Same prompt, other settings: most often a default that changed (the model after
            // an update), so say which and how to continue.
            plan.error = tr("Generation %1 of the batch was started in “%2” with other settings "
                            "(%3); give the same options to continue it, or use another --out "
                            "folder.")
                             .arg(i + 1)
                             .arg(outDir, changed.join(QStringLiteral(", ")));
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

QString requestFromKeys(const QJsonObject& keys, const ModelCatalog& catalog, ApiFamily family,
                        GenerationRequest& request) {
    GenerationRequest r;
    r.model = catalog.defaultModel(family);
    if (keys.contains(u"model")) {
        if (!keys.value(u"model").isString())
            return tr("“model” must be text.");
        const QString asked = keys.value(u"model").toString();
        const ModelSpec* spec = catalog.model(asked); // "c1" and "pixverse-c1" are one model
        r.model = spec ? spec->id : asked;            // unknown: validate() says so
    }
    // The defaults follow the model (5 s, 540p, 16:9 where it takes them); what the keys give is
    // set afterwards and checked by validate(), never changed.
    catalog.fitToModel(r, family);
    if (QString error = applyKeys(keys, r); !error.isEmpty())
        return error;
    request = r;
    return {};
}

namespace {

//! A batch line's keys as the command line's: the API's field names and older spellings taken.
QJsonObject canonicalKeys(const QJsonObject& line, const QDir& base) {
    static const QHash<QString, QString> aliases = {
        {QStringLiteral("negative-prompt"), QStringLiteral("negative_prompt")},
        {QStringLiteral("aspect_ratio"), QStringLiteral("aspect")},
        {QStringLiteral("motion_mode"), QStringLiteral("motion")},
        {QStringLiteral("camera_movement"), QStringLiteral("camera")},
        {QStringLiteral("multi-clip"), QStringLiteral("multi_clip")},
        {QStringLiteral("generate_audio_switch"), QStringLiteral("audio")},
        {QStringLiteral("generate_multi_clip_switch"), QStringLiteral("multi_clip")}};
    QJsonObject keys;
    for (auto it = line.begin(); it != line.end(); ++it)
        keys.insert(aliases.value(it.key(), it.key()), it.value());
    // An image is relative to the batch file; "" means none (over a --image default).
    if (const QJsonValue image = keys.value(u"image");
        image.isString() && !image.toString().isEmpty())
        keys.insert(u"image", QFileInfo(base, image.toString()).absoluteFilePath());
    return keys;
}

} // namespace

BatchParse parseBatchFile(const QString& path, const QJsonObject& defaults,
                          const ModelCatalog& catalog, ApiFamily family) {
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
        QJsonObject keys = defaults;
        if (!line.startsWith(u'{')) {
            keys.insert(u"prompt", line);
        } else {
            QJsonParseError error{};
            const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
            if (!document.isObject()) {
                parse.error = tr("%1 is not a JSON object: %2.").arg(where, error.errorString());
                return parse;
            }
            const QJsonObject own = canonicalKeys(document.object(), base);
            for (auto it = own.begin(); it != own.end(); ++it)
                keys.insert(it.key(), it.value());
        }
        GenerationRequest request;
        if (const QString error = requestFromKeys(keys, catalog, family, request);
            !error.isEmpty()) {
            parse.error = tr("%1: %2").arg(where, error);
            return parse;
        }
        parse.requests.append(request);
    }
    if (parse.requests.isEmpty())
        parse.error = tr("The batch file “%1” holds no generation.").arg(path);
    return parse;
}

} // namespace pixverse
