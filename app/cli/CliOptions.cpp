#include "app/cli/CliOptions.h"

#include "app/cli/CliOptionTable.h"
#include "app/cli/ContinueOptions.h"
#include "app/cli/EffectOptions.h"
#include "core/api/ApiClient.h"
#include "core/backend/BackendFactory.h"
#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobEngine.h"

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

QString readCommand(const QStringList& positional, CliOptions& o) {
    if (positional.isEmpty())
        return tr("Say what to do: %1 (see --help).").arg(commandList());
    const std::optional<CliOptions::Command> command = commandFromName(positional.first());
    if (!command)
        return tr("Unknown command “%1”: use %2.").arg(positional.first(), commandList());
    o.command = *command;
    return {};
}

QString readConnection(const OptionReader& r, CliOptions& o) {
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
    } else if (o.command == CliOptions::Command::Watch) {
        if (positional.size() != 2)
            return tr("watch needs one folder: watch DIR --out DIR.");
        o.watchFolder = positional.at(1);
    } else if (o.continuesVideo() || o.command == CliOptions::Command::LastFrame) {
        return readSourceArgument(positional, o);
    } else if (positional.size() > 1) {
        return tr("Unexpected argument “%1”.").arg(positional.at(1));
    }
    return {};
}

//! spend --since / --until: local days, the range 29 days up to today unless told.
QString readSpendRange(const OptionReader& r, CliOptions& o) {
    const auto day = [&r](const char* name, QDate* out) {
        const QString text = r.value(name);
        if (text.isEmpty())
            return true;
        *out = QDate::fromString(text, Qt::ISODate);
        return out->isValid();
    };
    if (!day("since", &o.spendSince))
        return tr("--since needs a day written YYYY-MM-DD.");
    if (!day("until", &o.spendUntil))
        return tr("--until needs a day written YYYY-MM-DD.");
    if (!o.spendUntil.isValid())
        o.spendUntil = QDate::currentDate();
    if (!o.spendSince.isValid())
        o.spendSince = o.spendUntil.addDays(-29);
    if (o.spendSince > o.spendUntil)
        return tr("--since must not be after --until.");
    o.outDir = r.value("out");
    return {};
}

QString readLimits(const OptionReader& r, CliOptions& o) {
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
    if (const auto takes = r.number("takes", &bad); takes || bad) {
        if (bad || *takes < 1 || *takes > JobEngine::kMaxTakes)
            return tr("--takes needs a number from 1 to %1, not “%2”.")
                .arg(JobEngine::kMaxTakes)
                .arg(r.value("takes"));
        o.takes = static_cast<int>(*takes);
    }
    return {};
}

//! The command line's generation options, as batch lines spell them: a generation's settings
//! and every batch line's defaults.
QString readGeneration(const OptionReader& r, CliOptions& o) {
    QJsonObject& keys = o.generationKeys;
    const std::pair<const char*, QLatin1String> texts[] = {
        {"prompt", QLatin1String("prompt")}, {"negative-prompt", QLatin1String("negative_prompt")},
        {"model", QLatin1String("model")},   {"quality", QLatin1String("quality")},
        {"aspect", QLatin1String("aspect")}, {"motion", QLatin1String("motion")},
        {"style", QLatin1String("style")},   {"camera", QLatin1String("camera")}};
    for (const auto& [option, key] : texts)
        if (r.isSet(option))
            keys.insert(key, r.value(option));
    // Several --image go with --template (readEffectOptions); a plain generate takes one.
    if (r.isSet("image") && r.values("image").size() == 1) {
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

QString readOutput(const OptionReader& r, CliOptions& o) {
    o.outDir = r.value("out");
    if (o.outDir.isEmpty()) {
        if (o.command == CliOptions::Command::Batch)
            return tr("batch needs --out DIR, the folder to save the videos into.");
        if (o.command == CliOptions::Command::Watch)
            return tr("watch needs --out DIR, the folder to save the videos into.");
        if (o.command == CliOptions::Command::LastFrame)
            return tr("last-frame needs --out DIR, the folder to save the PNG into.");
        return tr("%1 needs --out DIR, the folder to save the video into.")
            .arg(commandName(o.command));
    }
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
    bool effectOrFusion = false;
    if (QString error = effectRequest(o, catalog, &effectOrFusion); effectOrFusion)
        return error;
    if (o.makesOneVideo()) {
        const QString error = requestFromKeys(o.generationKeys, catalog, o.family(), o.request,
                                              modeOfCommand(o.command));
        if (!error.isEmpty())
            return error;
        applyContinueKeys(o, o.request);
        // The family, the model and the settings are checked here; what the source file or the
        // take it continues tell (length, size, an extend's prompt) once known (SourceFacts).
        const bool takeMayTell = o.continuesVideo() && o.request.sourceVideoId != 0;
        return whyRefused(o.request, catalog, o.family(), takeMayTell);
    }
    const BatchContents batch = readBatchFile(o.batchFile, o.generationKeys, catalog, o.family());
    if (!batch.error.isEmpty())
        return batch.error;
    if (batch.entries.isEmpty())
        return tr("The batch file “%1” holds no generation.").arg(o.batchFile);
    // The command line sends a batch whole or not at all: the first refused line says why,
    // where a line cannot be read, or which generation the service would refuse.
    for (qsizetype i = 0; i < batch.entries.size(); ++i) {
        const BatchEntry& entry = batch.entries[i];
        if (entry.lineRefused)
            return tr("%1: %2").arg(entry.source, entry.refusal);
        if (!entry.accepted())
            return tr("%1, generation %2: %3").arg(o.batchFile).arg(i + 1).arg(entry.refusal);
        o.batch.append(entry.request);
    }
    return {};
}

//! watch: the generation options are every file's defaults; each line brings its own prompt.
QString checkWatchDefaults(const CliOptions& o, const ModelCatalog& catalog) {
    GenerationRequest defaults;
    if (QString error = requestFromKeys(o.generationKeys, catalog, o.family(), defaults);
        !error.isEmpty())
        return error;
    return whyRefused(defaults, catalog, o.family(), true);
}

QString readOptions(const QCommandLineParser& parser, const ModelCatalog& catalog, CliOptions& o) {
    const OptionReader r(parser);
    const QStringList positional = parser.positionalArguments();
    QString error = readCommand(positional, o); // the command decides what follows
    if (error.isEmpty())
        error = misplacedOption(parser, o.command); // the table says who takes which option
    if (error.isEmpty())
        error = readConnection(r, o);
    if (error.isEmpty())
        error = readArguments(positional, o);
    if (error.isEmpty())
        error = readLimits(r, o);
    const bool generates = o.makesOneVideo() || o.command == CliOptions::Command::Batch;
    if (error.isEmpty() && generates)
        error = readGeneration(r, o);
    if (error.isEmpty() && generates)
        error = readContinueOptions(r, o);
    if (error.isEmpty() && generates)
        error = readEffectOptions(r, o);
    if (error.isEmpty() && o.command == CliOptions::Command::Templates) {
        o.templateSearch = r.value("search");
        o.refreshTemplates = r.isSet("refresh");
    }
    if (error.isEmpty() && o.command == CliOptions::Command::Spend)
        error = readSpendRange(r, o);
    const bool watches = o.command == CliOptions::Command::Watch;
    if (error.isEmpty() && watches)
        error = readGeneration(r, o);
    if (error.isEmpty() && (generates || watches || o.command == CliOptions::Command::LastFrame))
        error = readOutput(r, o);
    if (error.isEmpty() && generates)
        error = checkGenerations(o, catalog);
    if (error.isEmpty() && watches)
        error = checkWatchDefaults(o, catalog);
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
    addCliOptions(parser);
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

} // namespace pixverse
