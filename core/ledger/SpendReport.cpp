#include "core/ledger/SpendReport.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace pixverse {

namespace {

//! Adds `entry` to the line of `key`, creating it; `charged` holds the videos each line counted.
void addTo(QList<SpendLine>& lines, QHash<QString, QSet<qint64>>& charged, const QString& key,
           const LedgerEntry& entry) {
    auto it = std::find_if(lines.begin(), lines.end(),
                           [&key](const SpendLine& line) { return line.key == key; });
    if (it == lines.end()) {
        lines.append(SpendLine{key});
        it = std::prev(lines.end());
    }
    if (entry.refund) {
        it->refunded += entry.credits;
        return;
    }
    it->deducted += entry.credits;
    // An item without a video id is a video of its own.
    QSet<qint64>& videos = charged[key];
    if (entry.videoId == 0 || !videos.contains(entry.videoId)) {
        ++it->videos;
        if (entry.videoId != 0)
            videos.insert(entry.videoId);
    }
}

QString modelKey(const LedgerEntry& entry) {
    if (!entry.model.isEmpty())
        return entry.model;
    if (!entry.creationType.isEmpty())
        return entry.creationType;
    return QStringLiteral("other");
}

QJsonObject lineJson(const SpendLine& line, const char* keyName) {
    return QJsonObject{{QLatin1String(keyName), line.key},
                       {QStringLiteral("deducted"), QJsonValue(line.deducted)},
                       {QStringLiteral("refunded"), QJsonValue(line.refunded)},
                       {QStringLiteral("net"), QJsonValue(line.net())},
                       {QStringLiteral("videos"), line.videos}};
}

//! One CSV field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break.
QByteArray csvField(const QString& text) {
    QByteArray bytes = text.toUtf8();
    if (!bytes.contains(',') && !bytes.contains('"') && !bytes.contains('\n') &&
        !bytes.contains('\r'))
        return bytes;
    bytes.replace('"', "\"\"");
    return '"' + bytes + '"';
}

} // namespace

SpendReport SpendReport::build(const QList<LedgerEntry>& entries, const QDate& from,
                               const QDate& until) {
    SpendReport report;
    report.from = from;
    report.until = until;
    for (const LedgerEntry& entry : entries) {
        const QDate day = entry.at.toLocalTime().date();
        if ((from.isValid() && day < from) || (until.isValid() && day > until))
            continue;
        report.entries << entry;
    }
    std::stable_sort(report.entries.begin(), report.entries.end(),
                     [](const LedgerEntry& a, const LedgerEntry& b) { return a.at < b.at; });
    QHash<QString, QSet<qint64>> dayVideos;
    QHash<QString, QSet<qint64>> modelVideos;
    for (const LedgerEntry& entry : std::as_const(report.entries)) {
        if (entry.refund) {
            report.refunded += entry.credits;
            report.refunds << entry;
        } else {
            report.deducted += entry.credits;
        }
        addTo(report.perDay, dayVideos, entry.at.toLocalTime().date().toString(Qt::ISODate), entry);
        addTo(report.perModel, modelVideos, modelKey(entry), entry);
    }
    // The entries are in time order, so the days already are; the models go by net credits.
    std::sort(report.perModel.begin(), report.perModel.end(),
              [](const SpendLine& a, const SpendLine& b) {
                  return a.net() != b.net() ? a.net() > b.net() : a.key < b.key;
              });
    return report;
}

QByteArray SpendReport::toCsv() const {
    QByteArray csv("date,time,video_id,job_id,model,type,credits,direction\r\n");
    for (const LedgerEntry& entry : entries) {
        const QDateTime local = entry.at.toLocalTime();
        const QStringList fields{local.date().toString(Qt::ISODate),
                                 local.time().toString(QStringLiteral("HH:mm:ss")),
                                 entry.videoId ? QString::number(entry.videoId) : QString(),
                                 entry.jobId ? QString::number(entry.jobId) : QString(),
                                 entry.model,
                                 entry.creationType,
                                 QString::number(entry.credits),
                                 entry.refund ? QStringLiteral("refund")
                                              : QStringLiteral("deduction")};
        QByteArrayList row;
        for (const QString& field : fields)
            row << csvField(field);
        csv += row.join(',') + "\r\n";
    }
    return csv;
}

QJsonObject SpendReport::toJson() const {
    QJsonArray days;
    for (const SpendLine& line : perDay)
        days.append(lineJson(line, "date"));
    QJsonArray models;
    for (const SpendLine& line : perModel)
        models.append(lineJson(line, "model"));
    return QJsonObject{{QStringLiteral("from"), from.toString(Qt::ISODate)},
                       {QStringLiteral("until"), until.toString(Qt::ISODate)},
                       {QStringLiteral("deducted"), QJsonValue(deducted)},
                       {QStringLiteral("refunded"), QJsonValue(refunded)},
                       {QStringLiteral("net"), QJsonValue(net())},
                       {QStringLiteral("days"), days},
                       {QStringLiteral("models"), models}};
}

} // namespace pixverse
