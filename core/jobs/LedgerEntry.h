#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace pixverse {

//! One deduction or refund of credits (issue 19), kept in the JobStore's `ledger` table.
//! Local entries are what this app saw (a create's charge, a refund at a final status): the
//! only ledger a website account has. Service entries are the platform's own ledger
//! (usage-detail, §2.20), synced page by page and matched to jobs by video id.
struct LedgerEntry {
    enum class Source { Local, Service };

    qint64 id = 0; //!< the store's row id; 0 before it is stored
    Source source = Source::Local;
    qint64 videoId = 0;   //!< the service's video id; 0 when the item has none
    qint64 jobId = 0;     //!< the job it belongs to; 0: none known (made elsewhere)
    QString creationType; //!< "text_to_video", "image_to_video", ...; empty when unknown
    QString model;        //!< the job's model when matched ("v6"); empty when unknown
    qint64 credits = 0;   //!< always positive; `refund` says which way
    bool refund = false;
    QDateTime at;   //!< UTC
    QByteArray raw; //!< the service's item as sent (Service only)

    qint64 signedCredits() const { return refund ? -credits : credits; }
    friend bool operator==(const LedgerEntry&, const LedgerEntry&) = default;
};

} // namespace pixverse
