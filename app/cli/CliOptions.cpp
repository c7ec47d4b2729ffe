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

//! Reads the bool `key` of `keys` into `target`; false when it is there but no boolean.
bool readSwitch(const QJsonObject& keys, QLatin1String key, bool& target) {
    if (!keys.contains(key))
        return true;
    const std::optional<bool> value = json::toBool(keys.value(key)); // true/false, or 1/0
    if (value)
        target = *value;
    return value.has_value();
}

//! first_frame and last_frame: a transition from one image to the other (both, or neither).
QString applyFrameKeys(const QJsonObject& keys, GenerationRequest& r) {
    const bool first = keys.contains(u"first_frame");
    const bool last = keys.contains(u"last_frame");
    if (!first && !last)
        return {};
    if (!keys.value(u"first_frame").isString() || !keys.value(u"last_frame").isString())
        return tr("“first_frame” and “last_frame” must both be the paths of image files.");
    if (!r.startImagePath().isEmpty())
        return tr("“image” and “first_frame” do not go together: a transition has two frames.");
    r.mode = GenerationMode::Transition;
    r.images = {
        RequestImage{RequestImage::Role::FirstFrame, keys.value(u"first_frame").toString(), {}},
        RequestImage{RequestImage::Role::LastFrame, keys.value(u"last_frame").toString(), {}}};
    return {};
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
    return applyFrameKeys(keys, r);
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

QString whyRefused(const GenerationRequest& request, const ModelCatalog& catalog, ApiFamily family,
                   bool promptMayFollow) {
    for (const RuleViolation& violation : catalog.validate(request, family)) {
        if (promptMayFollow && violation.kind == RuleViolation::Kind::Missing &&
            violation.field == u"prompt")
            continue;
        return violation.reason;
    }
    return {};
}

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

namespace {

//! The catalog's id of the model `keys` name; `fallback` when they name none.
std::optional<QString> modelFromKeys(const QJsonObject& keys, const ModelCatalog& catalog,
                                     const QString& fallback) {
    if (!keys.contains(u"model"))
        return fallback;
    if (!keys.value(u"model").isString())
        return std::nullopt;
    const QString asked = keys.value(u"model").toString();
    const ModelSpec* spec = catalog.model(asked); // "c1" and "pixverse-c1" are one model
    return spec ? spec->id : asked;               // unknown: validate() says so
}

//! `keys` over `request`: the model they name (else `fallbackModel`) with the defaults fitted to
//! it when it is another than the request's, then every key given, unchanged (the caller
//! validates). `request` changes only when every key is right.
QString setKeys(const QJsonObject& keys, const ModelCatalog& catalog, ApiFamily family,
                const QString& fallbackModel, GenerationRequest& request) {
    GenerationRequest r = request;
    const std::optional<QString> model = modelFromKeys(keys, catalog, fallbackModel);
    if (!model)
        return tr("“model” must be text.");
    if (*model != r.model) {
        r.model = *model;
        // The defaults follow the model (5 s, 540p, 16:9 where it takes them); what the keys
        // give is set afterwards and checked by validate(), never changed.
        catalog.fitToModel(r, family);
    }
    if (QString error = applyKeys(keys, r); !error.isEmpty())
        return error;
    request = r;
    return {};
}

} // namespace

QString requestFromKeys(const QJsonObject& keys, const ModelCatalog& catalog, ApiFamily family,
                        GenerationRequest& request, GenerationMode mode) {
    GenerationRequest r;
    r.mode = mode;
    r.model.clear(); // none yet: the model the keys name, or the family's default, is fitted to
    if (QString error = setKeys(keys, catalog, family, catalog.defaultModel(family, mode), r);
        !error.isEmpty())
        return error;
    request = r;
    return {};
}

QString applyGenerationKeys(const QJsonObject& keys, const ModelCatalog& catalog, ApiFamily family,
                            GenerationRequest& request) {
    return setKeys(keys, catalog, family, request.model, request);
}

} // namespace pixverse
