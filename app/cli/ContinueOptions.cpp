#include "app/cli/ContinueOptions.h"

#include "app/cli/CliOptionTable.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace pixverse {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pixverse-studio-cli", text);
}

//! A local path given on the command line, absolute (the engine copies it later, from anywhere).
QString absolutePath(const QString& path) {
    return QFileInfo(path).absoluteFilePath();
}

QString readTransition(const OptionReader& r, QJsonObject& keys) {
    const bool first = r.isSet("first-frame");
    const bool last = r.isSet("last-frame");
    if (!first && !last)
        return {};
    if (first != last)
        return first ? tr("--first-frame needs --last-frame FILE too: a transition goes from one "
                          "image to the other.")
                     : tr("--last-frame needs --first-frame FILE too: a transition goes from one "
                          "image to the other.");
    if (r.isSet("image"))
        return tr("Use either --image or --first-frame and --last-frame, not both.");
    for (const char* option : {"first-frame", "last-frame"})
        if (r.value(option).trimmed().isEmpty())
            return tr("--%1 needs the path of an image file.").arg(QLatin1String(option));
    keys.insert(u"first_frame", absolutePath(r.value("first-frame")));
    keys.insert(u"last_frame", absolutePath(r.value("last-frame")));
    return {};
}

QString readLipSync(const OptionReader& r, QJsonObject& keys) {
    const bool file = r.isSet("audio-file");
    const bool speaker = r.isSet("speaker");
    const bool text = r.isSet("text");
    if (file && (speaker || text))
        return tr("Use either --audio-file or --speaker and --text, not both.");
    if (!file && !speaker && !text)
        return tr("lipsync needs what to say: --audio-file FILE, or --speaker ID and --text TEXT.");
    if (file) {
        if (r.value("audio-file").trimmed().isEmpty())
            return tr("--audio-file needs the path of an audio file.");
        keys.insert(u"audio_file", absolutePath(r.value("audio-file")));
        return {};
    }
    if (!text || r.value("text").trimmed().isEmpty())
        return tr("--speaker needs --text TEXT, what the voice says.");
    if (!speaker || r.value("speaker").trimmed().isEmpty())
        return tr("--text needs --speaker ID, the voice that says it (the command speakers lists "
                  "them).");
    keys.insert(u"speaker", r.value("speaker").trimmed());
    keys.insert(u"text", r.value("text"));
    return {};
}

} // namespace

GenerationMode modeOfCommand(CliOptions::Command command) {
    switch (command) {
    case CliOptions::Command::Extend:
        return GenerationMode::Extend;
    case CliOptions::Command::Upscale:
        return GenerationMode::Upscale;
    case CliOptions::Command::Sound:
        return GenerationMode::SoundEffect;
    case CliOptions::Command::LipSync:
        return GenerationMode::LipSync;
    default:
        return GenerationMode::TextToVideo;
    }
}

QString readSourceArgument(const QStringList& positional, CliOptions& o) {
    const QString name = commandName(o.command);
    if (positional.size() > 2)
        return tr("Unexpected argument “%1”.").arg(positional.at(2));
    if (o.command == CliOptions::Command::LastFrame) {
        if (positional.size() != 2 || positional.at(1).trimmed().isEmpty())
            return tr("last-frame needs one video file: last-frame VIDEO_FILE --out DIR.");
        o.videoFile = absolutePath(positional.at(1));
        return {};
    }
    if (positional.size() != 2 || positional.at(1).trimmed().isEmpty())
        return tr("%1 needs the video to start from: %1 VIDEO_ID or %1 FILE.").arg(name);
    const QString source = positional.at(1).trimmed();
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    if (digits.match(source).hasMatch()) {
        bool ok = false;
        o.videoId = source.toLongLong(&ok);
        if (!ok || o.videoId <= 0)
            return tr("“%1” is no PixVerse video id (a positive whole number); a local file named "
                      "so is given as ./%1.")
                .arg(source);
        return {};
    }
    if (!QFileInfo(source).isFile())
        return tr("No such video file “%1” (a PixVerse video id is digits only).").arg(source);
    o.videoFile = absolutePath(source);
    return {};
}

QString readContinueOptions(const OptionReader& r, CliOptions& o) {
    QJsonObject& keys = o.generationKeys;
    if (o.command == CliOptions::Command::Generate)
        return readTransition(r, keys);
    if (o.command == CliOptions::Command::Sound && r.isSet("keep-sound"))
        keys.insert(u"keep_sound", true);
    if (o.command == CliOptions::Command::LipSync)
        return readLipSync(r, keys);
    return {};
}

QString modeNotOffered(GenerationMode mode) {
    return tr("%1 is available only with a platform API key: PixVerse documents no website "
              "request for it.")
        .arg(generationModeLabel(mode));
}

void applyContinueKeys(const CliOptions& o, GenerationRequest& request) {
    if (!o.continuesVideo())
        return;
    request.mode = modeOfCommand(o.command);
    request.sourceVideoId = o.videoFile.isEmpty() ? o.videoId : 0;
    request.sourceVideoPath = o.videoFile;
    const QJsonObject& keys = o.generationKeys;
    request.keepOriginalSound = keys.value(u"keep_sound").toBool();
    request.audioPath = keys.value(u"audio_file").toString();
    request.speakerId = keys.value(u"speaker").toString();
    request.speechText = keys.value(u"text").toString();
}

} // namespace pixverse
