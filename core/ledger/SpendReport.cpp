#include "core/ledger/SpendReport.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <numeric>

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

//! The local day of UTC instants. A time zone lookup (QDateTime::toLocalTime) is the costly part
//! of a SpendBook, so the offset found for one instant serves every instant of the day after it
//! when the offset a day later is the same: no zone changes its offset twice within a day.
class LocalDays {
public:
    QDate dayOf(const QDateTime& at) {
        if (!at.isValid())
            return at.toLocalTime().date();
        const qint64 ms = at.toMSecsSinceEpoch();
        if (!m_known || ms < m_from || ms >= m_until) {
            const QDateTime local = at.toLocalTime();
            const QDateTime dayLater = at.addMSecs(kDayMs);
            const int offset = local.offsetFromUtc();
            if (dayLater.toLocalTime().offsetFromUtc() != offset) {
                m_known = false; // a change of offset within the day: this instant alone
                return local.date();
            }
            m_known = true;
            m_from = ms;
            m_until = ms + kDayMs;
            m_offsetMs = qint64(offset) * 1000;
        }
        return QDateTime::fromMSecsSinceEpoch(ms + m_offsetMs, Qt::UTC).date();
    }

private:
    static constexpr qint64 kDayMs = 24 * 60 * 60 * 1000;
    bool m_known = false;
    qint64 m_from = 0; //!< m_offsetMs holds for [m_from, m_until)
    qint64 m_until = 0;
    qint64 m_offsetMs = 0;
};

} // namespace

SpendReport SpendReport::build(const QList<LedgerEntry>& entries, const QDate& from,
                               const QDate& until) {
    return SpendBook(entries).report(from, until);
}

SpendBook::SpendBook(QList<LedgerEntry> entries) {
    struct Dated {
        QDate day;
        qsizetype index;
    };
    // Taken in time order, the instants of a day share one time zone lookup (LocalDays).
    QList<qsizetype> byTime(entries.size());
    std::iota(byTime.begin(), byTime.end(), qsizetype(0));
    std::stable_sort(byTime.begin(), byTime.end(), [&entries](qsizetype a, qsizetype b) {
        return entries.at(a).at < entries.at(b).at;
    });
    LocalDays localDays;
    QList<Dated> order;
    order.reserve(entries.size());
    for (const qsizetype i : std::as_const(byTime))
        order.append({localDays.dayOf(entries.at(i).at), i});
    // Oldest first; by day first, as a clock put back over midnight can make a later time
    // an earlier day.
    std::stable_sort(order.begin(), order.end(), [&entries](const Dated& a, const Dated& b) {
        return a.day != b.day ? a.day < b.day : entries.at(a.index).at < entries.at(b.index).at;
    });
    m_entries.reserve(entries.size());
    m_modelKeys.reserve(entries.size());
    QSet<qint64> dayVideos;
    for (const Dated& dated : std::as_const(order)) {
        const LedgerEntry& entry = entries.at(dated.index);
        if (m_days.isEmpty() || m_days.constLast().date != dated.day) {
            m_days.append(Day{dated.day, m_entries.size(), m_entries.size(),
                              SpendLine{dated.day.toString(Qt::ISODate)}});
            dayVideos.clear();
        }
        Day& day = m_days.last();
        if (entry.refund) {
            day.line.refunded += entry.credits;
        } else {
            day.line.deducted += entry.credits;
            // An item without a video id is a video of its own.
            if (entry.videoId == 0 || !dayVideos.contains(entry.videoId)) {
                ++day.line.videos;
                if (entry.videoId != 0)
                    dayVideos.insert(entry.videoId);
            }
        }
        m_entries.append(entry);
        m_modelKeys.append(modelKey(entry));
        day.end = m_entries.size();
    }
}

SpendReport SpendBook::report(const QDate& from, const QDate& until) const {
    SpendReport report;
    report.from = from;
    report.until = until;
    const auto first =
        from.isValid()
            ? std::lower_bound(m_days.cbegin(), m_days.cend(), from,
                               [](const Day& day, const QDate& date) { return day.date < date; })
            : m_days.cbegin();
    const auto last =
        until.isValid()
            ? std::upper_bound(first, m_days.cend(), until,
                               [](const QDate& date, const Day& day) { return date < day.date; })
            : m_days.cend();
    if (first == last)
        return report;
    for (auto day = first; day != last; ++day) {
        report.deducted += day->line.deducted;
        report.refunded += day->line.refunded;
        report.perDay << day->line;
    }
    const qsizetype begin = first->begin;
    const qsizetype end = std::prev(last)->end;
    report.entries = m_entries.mid(begin, end - begin);
    QHash<QString, QSet<qint64>> modelVideos;
    for (qsizetype i = begin; i < end; ++i) {
        const LedgerEntry& entry = m_entries.at(i);
        if (entry.refund)
            report.refunds << entry;
        addTo(report.perModel, modelVideos, m_modelKeys.at(i), entry);
    }
    // The models go by net credits.
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
