#include "core/ledger/SpendGuard.h"

#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobStore.h"

#include <QCoreApplication>

namespace pixverse {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pixverse::SpendGuard", text);
}

//! The first instant of the local day of `now`, in UTC.
QDateTime localDayStart(const QDateTime& now) {
    return now.toLocalTime().date().startOfDay().toUTC();
}

} // namespace

SpendGuard::SpendGuard(const JobStore* store, const ModelCatalog* catalog)
    : m_store(store)
    , m_catalog(catalog) {}

qint64 SpendGuard::spentSince(const QDateTime& since) const {
    qint64 spent = 0;
    for (const LedgerEntry& entry : m_store->ledgerEntries(LedgerEntry::Source::Local, since))
        spent += entry.signedCredits();
    // Jobs on their way are charged in a moment: counted now, so two sends cannot both pass.
    for (const JobState state : {JobState::Uploading, JobState::Submitting}) {
        for (const Job& job : m_store->jobs(state))
            spent += job.credits.value_or(price(job));
    }
    return spent;
}

qint64 SpendGuard::price(const Job& job) const {
    if (!m_catalog)
        return 0;
    return m_catalog->creditCost(job.request).value_or(0);
}

qint64 SpendGuard::unsentCredits() const {
    if (!m_store)
        return 0;
    qint64 total = 0;
    m_store->forEachUnfinished([this, &total](const Job& job) {
        if (job.state == JobState::Queued || job.state == JobState::Uploading ||
            job.state == JobState::Submitting)
            total += price(job);
    });
    return total;
}

QString SpendGuard::refusal(const Job& next, const CreditCaps& caps, const QDateTime& sessionStart,
                            const QDateTime& now) const {
    if (!caps.any())
        return {};
    // A job already on its way is counted by spentSince(): not twice.
    const bool onItsWay = next.state == JobState::Uploading || next.state == JobState::Submitting;
    const qint64 cost = onItsWay ? 0 : price(next);
    const auto over = [cost](qint64 spent, qint64 cap) {
        return spent >= cap || spent + cost > cap;
    };
    if (caps.daily) {
        const qint64 spent = spentSince(localDayStart(now));
        if (over(spent, *caps.daily))
            return tr("The queue stopped before job %1: today's spending would reach %2 credits, "
                      "over the daily cap of %3 credits.")
                .arg(next.id)
                .arg(spent + cost)
                .arg(*caps.daily);
    }
    if (caps.perSession) {
        const qint64 spent = spentSince(sessionStart);
        if (over(spent, *caps.perSession))
            return tr("The queue stopped before job %1: this session's spending would reach %2 "
                      "credits, over the session cap of %3 credits.")
                .arg(next.id)
                .arg(spent + cost)
                .arg(*caps.perSession);
    }
    return {};
}

} // namespace pixverse
