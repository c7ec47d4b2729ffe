// The CLI's batch run: what a batch into a folder still has to send (core/queue/BatchFile reads
// the lines).
#include "app/cli/CliOptions.h"
#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobEngine.h"

#include <QCoreApplication>

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

} // namespace pixverse
