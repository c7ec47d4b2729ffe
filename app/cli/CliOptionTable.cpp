#include "app/cli/CliOptionTable.h"

#include "core/backend/BackendFactory.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace pixverse {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pixverse-studio-cli", text);
}

using Command = CliOptions::Command;

//! The commands in the order --help and the errors list them, with their words.
const std::array<std::pair<const char*, Command>, 14> kCommands = {{
    {"generate", Command::Generate},
    {"extend", Command::Extend},
    {"upscale", Command::Upscale},
    {"sound", Command::Sound},
    {"lipsync", Command::LipSync},
    {"last-frame", Command::LastFrame},
    {"speakers", Command::Speakers},
    {"templates", Command::Templates},
    {"spend", Command::Spend},
    {"status", Command::Status},
    {"balance", Command::Balance},
    {"batch", Command::Batch},
    {"watch", Command::Watch},
    {"models", Command::Models},
}};

constexpr unsigned bit(Command command) {
    return 1U << static_cast<unsigned>(command);
}
constexpr unsigned kGenerate = bit(Command::Generate);
constexpr unsigned kBatch = bit(Command::Batch);
constexpr unsigned kWatch = bit(Command::Watch);
constexpr unsigned kExtend = bit(Command::Extend);
constexpr unsigned kSound = bit(Command::Sound);
constexpr unsigned kLipSync = bit(Command::LipSync);
constexpr unsigned kLastFrame = bit(Command::LastFrame);
constexpr unsigned kTemplates = bit(Command::Templates);
constexpr unsigned kSpend = bit(Command::Spend);
//! The commands that make one video (each takes --dry-run).
constexpr unsigned kOneVideo = kGenerate | kExtend | bit(Command::Upscale) | kSound | kLipSync;
//! The settings of a generation an extend takes too (watch: every file's defaults).
constexpr unsigned kSettings = kGenerate | kBatch | kExtend | kWatch;
//! The settings of a new generation (not of a continuation).
constexpr unsigned kNewSettings = kGenerate | kBatch | kWatch;

//! One option of the command line: the table below is the whole list (README "The command line").
struct OptionSpec {
    const char* name;
    const char* help;
    const char* valueName = nullptr; //!< none: a flag
    bool hidden = false;             //!< for tests and demos, not in --help
    unsigned commands = 0;           //!< the commands that take it (bits); 0: every command
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
                       "batch: refuse to start when the batch would cost more than N credits; "
                       "watch: queue at most N credits a day."),
     "N", false, kBatch | kWatch},
    {"takes",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "generate, batch: make N takes of each generation (1–8, default 1), "
                       "grouped in the job list; with --seed, the takes use seed, seed+1, …"),
     "N", false, kGenerate | kBatch},
    {"concurrency",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "batch, watch: at most N videos generating at once (default 5)."),
     "N", false, kBatch | kWatch},
    {"json", QT_TRANSLATE_NOOP("pixverse-studio-cli", "Print machine-readable JSON.")},
    {"since",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "spend: count from this local day (default: 29 days before --until)."),
     "YYYY-MM-DD", false, kSpend},
    {"until",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "spend: count up to this local day (default: today)."),
     "YYYY-MM-DD", false, kSpend},
    {"verbose",
     QT_TRANSLATE_NOOP("pixverse-studio-cli", "Log every request to stderr (never secrets).")},
    {"prompt", QT_TRANSLATE_NOOP("pixverse-studio-cli", "What the video shows."), "TEXT", false,
     kNewSettings | kExtend | kSound},
    {"negative-prompt", QT_TRANSLATE_NOOP("pixverse-studio-cli", "What to avoid."), "TEXT", false,
     kNewSettings | kExtend},
    {"image",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "Image to animate (image-to-video). With --template: one --image for each "
                       "image the template takes, in order."),
     "FILE", false, kGenerate | kBatch},
    {"template",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "generate: use the effect template ID (the command templates lists them)."),
     "ID", false, kGenerate},
    {"reference",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "generate: a reference image, subject:NAME=FILE or background:NAME=FILE; "
                       "the prompt names it as @NAME. Repeat it for each reference."),
     "TYPE:NAME=FILE", false, kGenerate},
    {"search",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "templates: only those whose name, description or category has every "
                       "word of TEXT."),
     "TEXT", false, kTemplates},
    {"refresh",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "templates: fetch the list now (else at most once a day)."),
     nullptr, false, kTemplates},
    {"first-frame",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "generate: the first frame of a transition (with --last-frame)."),
     "FILE", false, kGenerate},
    {"last-frame",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "generate: the last frame of a transition (with --first-frame)."),
     "FILE", false, kGenerate},
    {"keep-sound",
     QT_TRANSLATE_NOOP("pixverse-studio-cli", "sound: keep the video's own sound under the new."),
     nullptr, false, kSound},
    {"audio-file",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "lipsync: the speech to lip-sync (mp3, wav, m4a or aac; at most 30 s)."),
     "FILE", false, kLipSync},
    {"speaker",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "lipsync: the voice that speaks --text (the command speakers lists them)."),
     "ID", false, kLipSync},
    {"text", QT_TRANSLATE_NOOP("pixverse-studio-cli", "lipsync: what the voice says."), "TEXT",
     false, kLipSync},
    {"model",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "Model: v6, c1, v5.6, … (default: the newest the account's family takes; "
                       "the command models lists them)."),
     "M", false, kSettings},
    {"duration",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "Seconds: 1–15 on V6 and C1, 5 or 8 on v3.5–v5 (default 5)."),
     "S", false, kSettings},
    {"quality",
     QT_TRANSLATE_NOOP("pixverse-studio-cli", "360p, 540p, 720p or 1080p (default 540p)."), "Q",
     false, kSettings},
    {"aspect", QT_TRANSLATE_NOOP("pixverse-studio-cli", "Aspect ratio, e.g. 16:9 (default)."), "A",
     false, kNewSettings},
    {"motion",
     QT_TRANSLATE_NOOP("pixverse-studio-cli", "normal or fast (v3.5–v4.5; default normal)."),
     "MODE", false, kSettings},
    {"seed", QT_TRANSLATE_NOOP("pixverse-studio-cli", "Seed 0–2147483647 (default: random)."), "N",
     false, kSettings},
    {"style",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "Style: anime, 3d_animation, clay, comic, cyberpunk; realistic on V6 (the "
                       "command models lists each model's)."),
     "STYLE", false, kSettings},
    {"camera", QT_TRANSLATE_NOOP("pixverse-studio-cli", "Camera movement (v4, v4.5)."), "MOVE",
     false, kNewSettings},
    {"audio",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "Generate a sound track too (V6, C1, v5.6; costs more)."),
     nullptr, false, kSettings},
    {"multi-clip",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "Let the model cut the clip into several shots (V6)."),
     nullptr, false, kNewSettings},
    {"dry-run",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "generate, extend, upscale, sound, lipsync: check everything, print the "
                       "cost and the exact request bodies, and send nothing. It does not sign in "
                       "either: the sign-in options only choose the family."),
     nullptr, false, kOneVideo},
    {"out",
     QT_TRANSLATE_NOOP("pixverse-studio-cli", "Folder to save the MP4 into (last-frame: the PNG)."),
     "DIR", false, kOneVideo | kBatch | kWatch | kLastFrame | kSpend},
    {"wait",
     QT_TRANSLATE_NOOP("pixverse-studio-cli",
                       "Give up waiting for the video after this many seconds (default 900)."),
     "S", false, kOneVideo | kBatch},
    {"poll-interval-ms", QT_TRANSLATE_NOOP("pixverse-studio-cli", "Fixed polling interval."), "MS",
     true},
};

const char kDescription[] = QT_TRANSLATE_NOOP(
    "pixverse-studio-cli",
    "Make PixVerse videos from the command line.\n\n"
    "Commands:\n"
    "  generate --prompt TEXT --out DIR [options]   make a video and save the MP4 into DIR (with\n"
    "                                               --image FILE: from an image; with "
    "--first-frame\n"
    "                                               FILE --last-frame FILE: from one to the "
    "other)\n"
    "  generate --template ID [--image FILE …] --out DIR\n"
    "                                               apply an effect template to its images\n"
    "  generate --reference subject:NAME=FILE [--reference background:NAME=FILE …]\n"
    "           --prompt \"… @NAME …\" --out DIR     a video of the named references\n"
    "  extend (VIDEO_ID | FILE) [--prompt TEXT] [--duration S] [--quality Q] [--audio] --out DIR\n"
    "                                               continue a video\n"
    "  upscale (VIDEO_ID | FILE) --out DIR          the same video, larger\n"
    "  sound (VIDEO_ID | FILE) [--prompt TEXT] [--keep-sound] --out DIR\n"
    "                                               add a generated sound effect\n"
    "  lipsync (VIDEO_ID | FILE) (--audio-file FILE | --speaker ID --text TEXT) --out DIR\n"
    "                                               make the person in the video speak\n"
    "  last-frame VIDEO_FILE --out DIR              save a video's last frame as a PNG (local;\n"
    "                                               the next generate --image or --first-frame)\n"
    "  speakers                                     list the voices lipsync speaks with\n"
    "  status VIDEO_ID                              show a video's status\n"
    "  balance                                      show the account's credits\n"
    "  models                                       list the models the account's family takes,\n"
    "                                               with their settings and prices\n"
    "  templates [--search TEXT] [--refresh]        list the effect templates: id, name, images,\n"
    "                                               qualities (platform API key)\n"
    "  batch FILE --out DIR [--max-credits N]       make every generation in FILE (one prompt a "
    "line,\n"
    "                                               or JSON Lines); re-running resumes, never "
    "duplicates\n"
    "  watch DIR --out DIR [--max-credits N]        queue every image, .txt and .jsonl file put "
    "into\n"
    "                                               DIR (then moved to DIR/done), until "
    "interrupted;\n"
    "                                               a file is never sent twice, across runs "
    "too\n\n"
    "VIDEO_ID is a PixVerse video id (digits only); when DIR's job list holds the video, the new\n"
    "one is recorded as made from it. Anything else is a local video file, checked before it is\n"
    "uploaded. extend, upscale, sound, lipsync, speakers, templates, --template and --reference\n"
    "need a platform API key.\n\n"
    "Signing in: the platform API key from --api-key-env VAR (default PIXVERSE_API_KEY) or, with\n"
    "--keychain, the key the app remembered; a PixVerse account's session token from --token-env "
    "VAR\n"
    "or, with --account EMAIL, the token the app remembered. Never a password on the command "
    "line.\n"
    "models, last-frame and --dry-run sign in to nothing and send nothing: the sign-in options\n"
    "only say which family's models and request bodies to show.\n\n"
    "Exit codes: 0 ok, 2 usage or input, 3 authentication, 4 refused by PixVerse,\n"
    "5 network or server trouble.");

const OptionSpec* findSpec(const QString& name) {
    const auto found =
        std::find_if(std::begin(kOptions), std::end(kOptions),
                     [&name](const OptionSpec& spec) { return name == QLatin1String(spec.name); });
    return found == std::end(kOptions) ? nullptr : &*found;
}

} // namespace

void addCliOptions(QCommandLineParser& parser) {
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
    parser.addPositionalArgument(QStringLiteral("command"), commandList());
}

QString commandName(Command command) {
    for (const auto& [word, each] : kCommands)
        if (each == command)
            return QString::fromLatin1(word);
    return {};
}

std::optional<Command> commandFromName(const QString& word) {
    for (const auto& [name, command] : kCommands)
        if (word == QLatin1String(name))
            return command;
    return std::nullopt;
}

namespace {

//! "a, b or c" (the words are the command line's own, never translated).
QString joinedAsList(const QStringList& words, const QString& lastJoin) {
    if (words.size() < 2)
        return words.join(QString());
    return words.mid(0, words.size() - 1).join(QStringLiteral(", ")) + lastJoin + words.last();
}

} // namespace

QString commandList() {
    QStringList words;
    for (const auto& entry : kCommands)
        words << QString::fromLatin1(entry.first);
    return joinedAsList(words, tr(" or "));
}

QString misplacedOption(const QCommandLineParser& parser, Command command) {
    for (const QString& name : parser.optionNames()) {
        const OptionSpec* spec = findSpec(name);
        if (!spec || spec->commands == 0 || (spec->commands & bit(command)) != 0)
            continue;
        QStringList takers;
        for (const auto& [word, each] : kCommands)
            if ((spec->commands & bit(each)) != 0)
                takers << QString::fromLatin1(word);
        return tr("--%1 goes with %2.").arg(name, joinedAsList(takers, tr(" and ")));
    }
    return {};
}

} // namespace pixverse
