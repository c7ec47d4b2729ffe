#include "app/cli/CliOptions.h"
#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobEngine.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace pixverse {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pixverse-studio-cli", text);
}

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
    // Every take of every generation, in the order they are stored (--takes: one group each).
    const int takes = std::max(1, options.takes);
    QList<GenerationRequest> all;
    for (const GenerationRequest& generation : options.batch)
        all += JobEngine::takeRequests(generation, takes, catalog.seedMax());
    if (existing.size() > all.size()) {
        plan.error = tr("“%1” already holds a larger batch; use another --out folder.").arg(outDir);
        return plan;
    }
    for (qsizetype i = 0; i < existing.size(); ++i) {
        const GenerationRequest& was = existing[i].request;
        const GenerationRequest& now = all[i];
        if (was.prompt != now.prompt) {
            plan.error = tr("Generation %1 of the batch differs from the one already started in "
                            "“%2”; use another --out folder.")
                             .arg(i / takes + 1)
                             .arg(outDir);
            return plan;
        }
        if (const QStringList changed = changedSettings(was, now); !changed.isEmpty()) {
            // Same prompt, other settings: most often a default that changed (the model after
            // an update), so say which and how to continue.
            plan.error = tr("Generation %1 of the batch was started in “%2” with other settings "
                            "(%3); give the same options to continue it, or use another --out "
                            "folder.")
                             .arg(i / takes + 1)
                             .arg(outDir, changed.join(QStringLiteral(", ")));
            return plan;
        }
    }
    plan.remaining = all.mid(existing.size());
    for (qsizetype i = 0; i < all.size(); ++i) {
        const qint64 cost = catalog.creditCost(all[i]).value_or(0);
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
    for (const QLatin1String key :
         {QLatin1String("image"), QLatin1String("first_frame"), QLatin1String("last_frame")}) {
        if (const QJsonValue image = keys.value(key);
            image.isString() && !image.toString().isEmpty())
            keys.insert(key, QFileInfo(base, image.toString()).absoluteFilePath());
    }
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
