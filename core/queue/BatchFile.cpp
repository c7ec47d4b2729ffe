#include "core/queue/BatchFile.h"

#include "core/generation/ImageCheck.h"
#include "core/generation/ModelCatalog.h"

#include <QCollator>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace pixverse {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pixverse::BatchFile", text);
}

constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;

//! A batch line's keys as requestFromKeys's: the API's field names and older spellings taken.
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
    // An image is relative to the batch file; "" means none (over an image of the defaults).
    for (const QLatin1String key :
         {QLatin1String("image"), QLatin1String("first_frame"), QLatin1String("last_frame")}) {
        if (const QJsonValue image = keys.value(key);
            image.isString() && !image.toString().isEmpty())
            keys.insert(key, QFileInfo(base, image.toString()).absoluteFilePath());
    }
    return keys;
}

//! The first key of `keys` no batch line may have, or empty.
QString unknownKey(const QJsonObject& keys) {
    static const QStringList known = batchLineKeys();
    for (auto it = keys.begin(); it != keys.end(); ++it)
        if (!known.contains(it.key()))
            return it.key();
    return {};
}

//! `own` over `defaults`.
QJsonObject merged(QJsonObject defaults, const QJsonObject& own) {
    for (auto it = own.begin(); it != own.end(); ++it)
        defaults.insert(it.key(), it.value());
    return defaults;
}

//! Checks a request made from `keys`: its keys' types, the catalog's rules, then its images (the
//! slow part, last). The entry's request and refusal.
void checkEntry(BatchEntry& entry, const QJsonObject& keys, const ModelCatalog& catalog,
                ApiFamily family, GenerationMode mode = GenerationMode::TextToVideo) {
    if (QString error = requestFromKeys(keys, catalog, family, entry.request, mode);
        !error.isEmpty()) {
        entry.refusal = error;
        entry.lineRefused = true;
    } else if (QString why = whyRefused(entry.request, catalog, family); !why.isEmpty())
        entry.refusal = why;
    else
        entry.refusal = imageProblem(entry.request);
}

//! One line of a batch file (not blank, no comment) as an entry.
BatchEntry readLine(const QString& line, const QJsonObject& defaults, const QDir& base,
                    const ModelCatalog& catalog, ApiFamily family) {
    BatchEntry entry;
    entry.text = line;
    if (!line.startsWith(u'{')) {
        entry.request.prompt = line; // shown even when refused
        checkEntry(entry, merged(defaults, {{QStringLiteral("prompt"), line}}), catalog, family);
        return entry;
    }
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
    if (!document.isObject()) {
        entry.refusal = tr("This line is not a JSON object: %1.").arg(error.errorString());
        entry.lineRefused = true;
        return entry;
    }
    const QJsonObject own = canonicalKeys(document.object(), base);
    entry.request.prompt = own.value(u"prompt").toString();
    if (const QString unknown = unknownKey(own); !unknown.isEmpty()) {
        entry.refusal = tr("“%1” is not a batch field; the fields are %2.")
                            .arg(unknown, batchLineKeys().join(QStringLiteral(", ")));
        entry.lineRefused = true;
        return entry;
    }
    checkEntry(entry, merged(defaults, own), catalog, family);
    return entry;
}

bool isImageName(const QString& name) {
    static const QStringList suffixes{QStringLiteral("png"), QStringLiteral("jpg"),
                                      QStringLiteral("jpeg"), QStringLiteral("webp")};
    return suffixes.contains(QFileInfo(name).suffix().toLower());
}

//! A transition's frame by its name: its pair ("dawn" and the pair's words, so that "dawn_start"
//! goes with "dawn_end", never with "dawn_2") and whether it is the first frame; empty when the
//! name is no frame of a pair.
std::optional<std::pair<QString, bool>> frameOfPair(const QString& fileName) {
    static const QRegularExpression pattern(QStringLiteral("^(.+)[_-](start|end|first|last|1|2)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(QFileInfo(fileName).completeBaseName());
    if (!match.hasMatch())
        return std::nullopt;
    const QString word = match.captured(2).toLower();
    const bool first = word == u"start" || word == u"first" || word == u"1";
    const QString words = word == u"start" || word == u"end"    ? QStringLiteral("start/end")
                          : word == u"first" || word == u"last" ? QStringLiteral("first/last")
                                                                : QStringLiteral("1/2");
    return std::pair<QString, bool>(match.captured(1).toLower() + u'|' + words, first);
}

//! The folder's images, by name with numbers in order ("shot 2" before "shot 10").
QStringList imageNames(const QDir& dir) {
    QStringList names = dir.entryList(QDir::Files, QDir::NoSort);
    names.removeIf([](const QString& name) { return !isImageName(name); });
    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(names.begin(), names.end(), [&collator](const QString& a, const QString& b) {
        const int order = collator.compare(a, b);
        return order != 0 ? order < 0 : a < b;
    });
    return names;
}

//! A folder's images as transitions: each first frame with its last frame, in the order of the
//! first frames; an image without its pair (or no frame of one) refused.
QList<BatchEntry> transitionEntries(const QDir& dir, const QStringList& names,
                                    const QJsonObject& defaults, const ModelCatalog& catalog,
                                    ApiFamily family) {
    QHash<QString, QString> firsts;
    QHash<QString, QString> lasts;
    for (const QString& name : names) {
        if (const auto frame = frameOfPair(name))
            (frame->second ? firsts : lasts).insert(frame->first, name); // the first one kept
    }
    QList<BatchEntry> entries;
    for (const QString& name : names) {
        BatchEntry entry;
        entry.source = name;
        entry.origin = QStringLiteral("batch:%1#%2").arg(dir.dirName(), name);
        entry.request.mode = GenerationMode::Transition;
        const auto frame = frameOfPair(name);
        if (!frame) {
            entry.refusal = tr("“%1” is no frame of a pair: name a transition's frames "
                               "x_start and x_end (or x-first and x-last, x_1 and x_2).")
                                .arg(name);
        } else if ((frame->second ? firsts : lasts).value(frame->first) != name) {
            entry.refusal = tr("“%1” is a second image for the same frame as “%2”.")
                                .arg(name, (frame->second ? firsts : lasts).value(frame->first));
        } else if (!frame->second && firsts.contains(frame->first)) {
            continue; // queued with its first frame
        } else if (!frame->second) {
            entry.refusal = tr("“%1” is a last frame without its first frame.").arg(name);
        } else if (!lasts.contains(frame->first)) {
            entry.refusal = tr("“%1” is a first frame without its last frame.").arg(name);
        } else {
            const QString last = lasts.value(frame->first);
            entry.source = tr("%1 → %2").arg(name, last);
            QJsonObject keys = defaults;
            keys.insert(u"first_frame", dir.filePath(name));
            keys.insert(u"last_frame", dir.filePath(last));
            checkEntry(entry, keys, catalog, family, GenerationMode::Transition);
        }
        if (!entry.accepted() && entry.request.images.isEmpty())
            entry.request.images = {{RequestImage::Role::FirstFrame, dir.filePath(name), {}}};
        entries.append(entry);
    }
    return entries;
}

} // namespace

int BatchContents::acceptedCount() const {
    return static_cast<int>(std::count_if(entries.cbegin(), entries.cend(),
                                          [](const BatchEntry& e) { return e.accepted(); }));
}

PriceQuote BatchContents::total() const {
    PriceQuote sum;
    sum.credits = 0;
    sum.basis = PriceQuote::Basis::Table;
    for (const BatchEntry& entry : entries) {
        if (!entry.accepted())
            continue;
        if (!entry.price.credits)
            return PriceQuote{};
        *sum.credits += *entry.price.credits;
        if (entry.price.basis != PriceQuote::Basis::Table)
            sum.basis = entry.price.basis;
        sum.atMost = sum.atMost || entry.price.atMost;
    }
    return sum;
}

BatchContents readBatchFile(const QString& path, const QJsonObject& defaults,
                            const ModelCatalog& catalog, ApiFamily family) {
    BatchContents contents;
    QFile file(path);
    if (QFileInfo(path).isDir()) {
        contents.error = tr("Cannot read the batch file “%1”: it is a folder.").arg(path);
        return contents;
    }
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        contents.error = tr("Cannot read the batch file “%1”: %2.").arg(path, file.errorString());
        return contents;
    }
    if (file.size() > kMaxFileBytes) {
        contents.error = tr("The batch file “%1” is larger than 16 MB.").arg(path);
        return contents;
    }
    const QFileInfo info(path);
    const QDir base = info.absoluteDir();
    QJsonObject lineDefaults = defaults;
    lineDefaults.remove(u"mode"); // a line's images decide
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        BatchEntry entry = readLine(line, lineDefaults, base, catalog, family);
        entry.source = tr("%1, line %2").arg(info.fileName()).arg(i + 1);
        entry.origin = QStringLiteral("batch:%1#%2").arg(info.fileName()).arg(i + 1);
        contents.entries.append(entry);
    }
    return contents;
}

BatchContents readImageFolder(const QString& folder, const QJsonObject& defaults,
                              const ModelCatalog& catalog, ApiFamily family) {
    BatchContents contents;
    const QFileInfo info(folder);
    if (!info.isDir()) {
        contents.error = tr("There is no folder “%1”.").arg(folder);
        return contents;
    }
    const QDir dir(info.absoluteFilePath());
    if (!info.isReadable() || !info.isExecutable()) {
        contents.error = tr("The folder “%1” cannot be read.").arg(folder);
        return contents;
    }
    const QStringList names = imageNames(dir);
    if (names.isEmpty()) {
        contents.error = tr("The folder “%1” holds no %2 image.")
                             .arg(folder, ImageLimits::acceptedFormatsText());
        return contents;
    }
    // The images replace the defaults' own (the composer's image, its frames).
    QJsonObject keys = defaults;
    for (const char16_t* key : {u"image", u"first_frame", u"last_frame", u"mode"})
        keys.remove(QStringView(key));
    if (defaults.value(u"mode").toString() == generationModeId(GenerationMode::Transition)) {
        contents.entries = transitionEntries(dir, names, keys, catalog, family);
        return contents;
    }
    for (const QString& name : names) {
        BatchEntry entry;
        entry.source = name;
        entry.origin = QStringLiteral("batch:%1#%2").arg(dir.dirName(), name);
        keys.insert(u"image", dir.filePath(name));
        checkEntry(entry, keys, catalog, family, GenerationMode::ImageToVideo);
        if (entry.request.images.isEmpty()) // refused for a key's type: still show the image
            entry.request.setStartImage(dir.filePath(name));
        contents.entries.append(entry);
    }
    return contents;
}

BatchContents readBatchSource(const QString& path, const QJsonObject& defaults,
                              const ModelCatalog& catalog, ApiFamily family) {
    return QFileInfo(path).isDir() ? readImageFolder(path, defaults, catalog, family)
                                   : readBatchFile(path, defaults, catalog, family);
}

void priceBatch(BatchContents& contents,
                const std::function<PriceQuote(const GenerationRequest&)>& quote) {
    for (BatchEntry& entry : contents.entries) {
        if (entry.accepted())
            entry.price = quote(entry.request);
    }
}

} // namespace pixverse
