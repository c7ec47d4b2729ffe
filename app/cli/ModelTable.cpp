#include "app/cli/ModelTable.h"

#include "core/generation/ModelCatalog.h"
#include "core/generation/PriceQuote.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>

#include <algorithm>
#include <set>

namespace pixverse {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pixverse-studio-cli", text);
}

const QString kNone = QStringLiteral("–");

QString durationsText(const ModelSpec& spec) {
    if (spec.durationIsRange())
        return QStringLiteral("%1–%2").arg(spec.minDuration()).arg(spec.maxDuration());
    QStringList seconds;
    for (int s : spec.durations())
        seconds << QString::number(s);
    return seconds.join(QStringLiteral(", "));
}

QStringList switchKeys(const ModelSpec& spec, ApiFamily family) {
    QStringList keys;
    for (const QString& id : spec.switches(family))
        keys << switchKey(id);
    return keys;
}

//! The table's qualities in the model's order, then any the prices name besides.
template <typename PerQuality>
QStringList pricedQualities(const ModelSpec& spec, const QHash<QString, PerQuality>& prices) {
    QStringList qualities;
    for (const QString& quality : spec.qualities)
        if (prices.contains(quality))
            qualities << quality;
    QStringList others;
    for (auto it = prices.begin(); it != prices.end(); ++it)
        if (!qualities.contains(it.key()))
            others << it.key();
    others.sort();
    return qualities + others;
}

QStringList motionsOf(const ModelSpec& spec, const ModelSpec::ClipPrices& prices) {
    QStringList motions;
    for (const QString& motion : spec.motionModes)
        if (prices.contains(motion))
            motions << motion;
    QStringList others = prices.keys();
    others.sort();
    for (const QString& motion : others)
        if (!motions.contains(motion))
            motions << motion;
    return motions;
}

QJsonObject clipPricesJson(const ModelSpec& spec, const ModelSpec::ClipPrices& prices) {
    QJsonObject byMotion;
    for (const QString& motion : motionsOf(spec, prices)) {
        QJsonObject byQuality;
        const auto& qualities = prices.value(motion);
        for (const QString& quality : pricedQualities(spec, qualities)) {
            QJsonObject bySeconds;
            const QHash<int, int>& credits = qualities.value(quality);
            for (auto it = credits.begin(); it != credits.end(); ++it)
                bySeconds.insert(QString::number(it.key()), it.value());
            byQuality.insert(quality, bySeconds);
        }
        byMotion.insert(motion, byQuality);
    }
    return byMotion;
}

QJsonObject pricesJson(const ModelSpec& spec) {
    QJsonObject prices;
    if (spec.pricedPerSecond()) {
        QJsonObject perSecond;
        for (const QString& quality : pricedQualities(spec, spec.creditsPerSecond)) {
            const ModelSpec::PerSecondPrice price = spec.creditsPerSecond.value(quality);
            perSecond.insert(quality,
                             QJsonObject{{QStringLiteral("without_audio"), price.withoutAudio},
                                         {QStringLiteral("with_audio"), price.withAudio}});
        }
        prices.insert(QStringLiteral("per_second"), perSecond);
        return prices;
    }
    if (!spec.credits.isEmpty())
        prices.insert(QStringLiteral("per_clip"), clipPricesJson(spec, spec.credits));
    if (!spec.creditsWithAudio.isEmpty())
        prices.insert(QStringLiteral("per_clip_with_audio"),
                      clipPricesJson(spec, spec.creditsWithAudio));
    return prices;
}

//! "5 s / 8 s: normal 360p 45 / 90, 540p 45 / 90; fast 360p 90 / –": every priced duration in
//! one order, a dash where a combination has no price.
QString clipPricesText(const ModelSpec& spec, const ModelSpec::ClipPrices& prices,
                       const QList<int>& seconds) {
    QStringList motionParts;
    const QStringList motions = motionsOf(spec, prices);
    for (const QString& motion : motions) {
        QStringList qualityParts;
        const auto& qualities = prices.value(motion);
        for (const QString& quality : pricedQualities(spec, qualities)) {
            QStringList credits;
            for (int s : seconds) {
                const QHash<int, int>& bySeconds = qualities.value(quality);
                credits << (bySeconds.contains(s) ? QString::number(bySeconds.value(s)) : kNone);
            }
            qualityParts << quality + u' ' + credits.join(QStringLiteral(" / "));
        }
        // Models without motion modes keep their prices under "normal": no need to say it.
        const bool sayMotion = !spec.motionModes.isEmpty();
        motionParts << (sayMotion ? motion + u' ' : QString()) +
                           qualityParts.join(QStringLiteral(", "));
    }
    return motionParts.join(QStringLiteral("; "));
}

QList<int> pricedSeconds(const ModelSpec& spec) {
    std::set<int> seconds;
    for (const auto* table : {&spec.credits, &spec.creditsWithAudio})
        for (const auto& qualities : *table)
            for (const auto& bySeconds : qualities)
                for (auto it = bySeconds.begin(); it != bySeconds.end(); ++it)
                    seconds.insert(it.key());
    return QList<int>(seconds.begin(), seconds.end());
}

QString pricesText(const ModelSpec& spec) {
    if (spec.pricedPerSecond()) {
        QStringList parts;
        for (const QString& quality : pricedQualities(spec, spec.creditsPerSecond)) {
            const ModelSpec::PerSecondPrice price = spec.creditsPerSecond.value(quality);
            parts << QStringLiteral("%1 %2 / %3")
                         .arg(quality)
                         .arg(price.withoutAudio)
                         .arg(price.withAudio);
        }
        return tr("per second, without / with sound: %1").arg(parts.join(QStringLiteral(", ")));
    }
    const QList<int> seconds = pricedSeconds(spec);
    if (seconds.isEmpty())
        return tr("no published price");
    QStringList secondsText;
    for (int s : seconds)
        secondsText << tr("%1 s").arg(s);
    QString text = tr("per clip, %1: %2")
                       .arg(secondsText.join(QStringLiteral(" / ")),
                            clipPricesText(spec, spec.credits, seconds));
    if (!spec.creditsWithAudio.isEmpty())
        text += tr("; with sound: %1").arg(clipPricesText(spec, spec.creditsWithAudio, seconds));
    return text;
}

//! Pads every column but the last to its widest cell, two spaces apart.
QString alignedRows(const QList<QStringList>& rows) {
    QList<qsizetype> widths;
    for (const QStringList& row : rows)
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths[i], row[i].size());
        }
    QString text;
    for (const QStringList& row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        text += line + u'\n';
    }
    return text;
}

} // namespace

QString switchKey(const QString& switchId) {
    QString key;
    for (const QChar c : switchId) {
        if (c.isUpper())
            key += u'_' + QString(c.toLower());
        else
            key += c;
    }
    return key;
}

QString generationSummary(const GenerationRequest& request, const ModelCatalog& catalog,
                          ApiFamily family) {
    QStringList parts;
    if (ModelCatalog::modeTakesModel(request.mode)) {
        const ModelSpec* spec = catalog.model(request.model);
        parts << (spec ? spec->serviceId(family) : request.model);
    }
    if (request.mode != GenerationMode::TextToVideo)
        parts << generationModeLabel(request.mode);
    if (request.mode == GenerationMode::Effect && !request.templateName.isEmpty())
        parts << tr("“%1”").arg(request.templateName);
    if (request.mode == GenerationMode::Fusion) {
        QStringList names;
        for (const RequestImage& reference : request.references())
            names << u'@' + reference.name;
        parts << names.join(u' ');
    }
    if (request.sourceVideoId != 0)
        parts << tr("from video %1").arg(request.sourceVideoId);
    else if (!request.sourceVideoPath.isEmpty())
        parts << tr("from %1").arg(QFileInfo(request.sourceVideoPath).fileName());
    // Upscale, sound and lip sync keep the source's length and size: no settings of their own.
    if (ModelCatalog::modeTakesModel(request.mode))
        parts << tr("%1 s").arg(request.duration) << request.quality;
    // An image, a first frame or the source decides the aspect ratio; fusion and a template of
    // no image take one.
    if (request.mode == GenerationMode::TextToVideo || request.mode == GenerationMode::Fusion ||
        (request.mode == GenerationMode::Effect && request.templateImageCount == 0))
        parts << request.aspectRatio;
    if (request.audio)
        parts << tr("with sound");
    if (request.multiClip)
        parts << tr("several shots");
    if (!request.speakerId.isEmpty())
        parts << tr("voice %1").arg(request.speakerId);
    if (!request.audioPath.isEmpty())
        parts << QFileInfo(request.audioPath).fileName();
    // PriceBook's wording: exact from the table for an API key, "about" for a website account
    // (its formulas are read only when signed in).
    if (const PriceQuote price = quotePrice(request, catalog, family); price.known())
        parts << price.text();
    return parts.join(QStringLiteral(", "));
}

QJsonArray modelTableJson(const ModelCatalog& catalog, ApiFamily family) {
    QJsonArray table;
    for (const ModelSpec& spec : catalog.offeredModels(family)) {
        QJsonArray durations;
        for (int s : spec.durations())
            durations.append(s);
        table.append(QJsonObject{
            {QStringLiteral("id"), spec.serviceId(family)},
            {QStringLiteral("label"), spec.label},
            {QStringLiteral("modes"), QJsonArray::fromStringList(spec.modes(family))},
            {QStringLiteral("durations"), durations},
            {QStringLiteral("qualities"), QJsonArray::fromStringList(spec.qualities)},
            {QStringLiteral("aspect_ratios"),
             QJsonArray::fromStringList(spec.aspectRatios(family))},
            {QStringLiteral("switches"), QJsonArray::fromStringList(switchKeys(spec, family))},
            {QStringLiteral("motion_modes"), QJsonArray::fromStringList(spec.motionModes)},
            {QStringLiteral("styles"), QJsonArray::fromStringList(spec.styles)},
            {QStringLiteral("prompt_max_length"), spec.promptMaxLength(family)},
            {QStringLiteral("negative_prompt_max_length"), catalog.negativePromptMaxLength()},
            {QStringLiteral("prices"), pricesJson(spec)}});
    }
    return table;
}

QString modelTableText(const ModelCatalog& catalog, ApiFamily family) {
    const QList<ModelSpec> models = catalog.offeredModels(family);
    QList<QStringList> rows{{tr("ID"), tr("LABEL"), tr("MODES"), tr("DURATIONS"), tr("QUALITIES"),
                             tr("ASPECT RATIOS"), tr("SWITCHES"), tr("PROMPT")}};
    QList<QStringList> prices;
    for (const ModelSpec& spec : models) {
        const QStringList switches = switchKeys(spec, family);
        rows.append({spec.serviceId(family), spec.label,
                     spec.modes(family).join(QStringLiteral(", ")), durationsText(spec),
                     spec.qualities.join(u' '), spec.aspectRatios(family).join(u' '),
                     switches.isEmpty() ? kNone : switches.join(QStringLiteral(", ")),
                     QString::number(spec.promptMaxLength(family))});
        prices.append({spec.serviceId(family), pricesText(spec)});
    }
    QString text = alignedRows(rows) + u'\n' + tr("Prices in credits:") + u'\n';
    if (family == ApiFamily::Web)
        text += tr("(the platform's published rates: the website prices its own way, so take "
                   "them as an estimate)") +
                u'\n';
    return text + alignedRows(prices);
}

} // namespace pixverse
