#include "core/ledger/SpendReport.h"

namespace pixverse {

// CONTRACT STUB: the "ledger" helper fills the per-day and per-model lines and the exports.

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
        if (entry.refund) {
            report.refunded += entry.credits;
            report.refunds << entry;
        } else {
            report.deducted += entry.credits;
        }
    }
    return report;
}

QByteArray SpendReport::toCsv() const {
    return {}; // CONTRACT STUB
}

QJsonObject SpendReport::toJson() const {
    return {}; // CONTRACT STUB
}

} // namespace pixverse
