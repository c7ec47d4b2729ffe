#pragma once

#include "core/jobs/LedgerEntry.h"

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace pixverse {

//! Credits of one day or one model: what was deducted, what came back.
struct SpendLine {
    QString key; //!< "YYYY-MM-DD" (local date) or a model id ("v6"; the creation type when
                 //!< the model is unknown; "other" when neither is)
    qint64 deducted = 0;
    qint64 refunded = 0;
    int videos = 0; //!< distinct videos charged
    qint64 net() const { return deducted - refunded; }
    friend bool operator==(const SpendLine&, const SpendLine&) = default;
};

//! What was spent in a range of days (issue 19): the Spending view, `spend` in the CLI and the
//! CSV export all read this. Built from ledger entries: the service's for a platform key, the
//! app's own (local) for a website account.
struct SpendReport {
    QDate from;  //!< first local day counted
    QDate until; //!< last local day counted (inclusive)
    qint64 deducted = 0;
    qint64 refunded = 0;
    QList<SpendLine> perDay;    //!< every day from..until with entries, ascending
    QList<SpendLine> perModel;  //!< by net credits, most first (ties by key)
    QList<LedgerEntry> entries; //!< those counted, oldest first
    QList<LedgerEntry> refunds; //!< the refund entries among them

    qint64 net() const { return deducted - refunded; }
    //! The entries with `from` <= local date of `at` <= `until`.
    static SpendReport build(const QList<LedgerEntry>& entries, const QDate& from,
                             const QDate& until);
    //! One row an entry: date, time, video id, job id, model, type, credits, "deduction" /
    //! "refund"; a header row; RFC 4180 quoting; UTF-8.
    QByteArray toCsv() const;
    //! The CLI's `spend --json`: {"from","until","deducted","refunded","net","days":[...],
    //! "models":[...]}; every total an integer.
    QJsonObject toJson() const;
};

//! A ledger read once for many ranges (issue 20): every entry with its local day (the costly
//! part: a time zone lookup an entry) and each day's sums. Built off the GUI thread when the
//! ledger changes; a report of any range of days is then a slice of it (a range switch).
class SpendBook {
public:
    SpendBook() = default;
    explicit SpendBook(QList<LedgerEntry> entries);

    //! The same report as SpendReport::build(entries, from, until).
    SpendReport report(const QDate& from, const QDate& until) const;
    //! The local day of the oldest entry; invalid without entries.
    QDate firstDay() const { return m_days.isEmpty() ? QDate() : m_days.constFirst().date; }
    qsizetype size() const { return m_entries.size(); }

private:
    struct Day {
        QDate date;
        qsizetype begin = 0; //!< its entries: m_entries[begin, end)
        qsizetype end = 0;
        SpendLine line;
    };
    QList<LedgerEntry> m_entries; //!< by local day, then oldest first
    QList<QString> m_modelKeys;   //!< the model line of each entry
    QList<Day> m_days;            //!< ascending, only days with entries
};

} // namespace pixverse
