// SpendGuard (issue 19) on a real job store: the local ledger's charges minus refunds plus the
// price of jobs on their way, against the daily (local day) and the per-session caps.
#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobStore.h"
#include "core/ledger/SpendGuard.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;

namespace {

GenerationRequest v45() {
    GenerationRequest r;
    r.prompt = QStringLiteral("A lighthouse");
    r.model = QStringLiteral("v4.5");
    r.quality = QStringLiteral("540p");
    r.duration = 5;
    r.aspectRatio = QStringLiteral("16:9");
    return r;
}

LedgerEntry local(qint64 videoId, qint64 credits, const QDateTime& at, bool refund = false) {
    LedgerEntry e;
    e.videoId = videoId;
    e.credits = credits;
    e.refund = refund;
    e.at = at;
    return e;
}

} // namespace

class TstSpendGuard : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<JobStore> m_store;
    qint64 m_price = 0;

    Job addIn(JobState state) {
        Job job;
        job.request = v45();
        Result<Job> added = m_store->add(job);
        if (!added.ok())
            return {};
        added.value->state = state;
        m_store->update(*added.value);
        return *m_store->job(added.value->id);
    }

private Q_SLOTS:
    void init() {
        m_store = std::make_unique<JobStore>();
        QVERIFY(
            m_store->open(m_dir.filePath(QString::number(QRandomGenerator::global()->generate()))));
        m_price = ModelCatalog::builtIn().creditCost(v45()).value_or(0);
        QVERIFY(m_price > 0);
    }
    void cleanup() { m_store.reset(); }

    void countsChargesRefundsAndJobsOnTheirWay() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(m_store
                    ->addLedgerEntries(
                        {local(1, 100, now.addSecs(-60)), local(2, 40, now.addSecs(-50)),
                         local(2, 40, now.addSecs(-40), true), local(3, 500, now.addDays(-3))})
                    .ok());
        const SpendGuard guard(m_store.get(), &ModelCatalog::builtIn());
        QCOMPARE(guard.spentSince(now.addSecs(-3600)), qint64(100));
        addIn(JobState::Submitting);
        addIn(JobState::Queued); // not on its way yet
        QCOMPARE(guard.spentSince(now.addSecs(-3600)), 100 + m_price);
        QCOMPARE(guard.spentSince(now.addDays(-4)), 600 + m_price);
    }

    void theCapStopsTheJobThatWouldPassIt() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const SpendGuard guard(m_store.get(), &ModelCatalog::builtIn());
        const Job next = addIn(JobState::Queued);
        CreditCaps caps;
        QVERIFY(guard.refusal(next, caps, now.addSecs(-10), now).isEmpty());
        caps.daily = 2 * m_price;
        QVERIFY(guard.refusal(next, caps, now.addSecs(-10), now).isEmpty());
        QVERIFY(m_store->addLedgerEntries({local(1, m_price, now.addSecs(-5))}).ok());
        QVERIFY(guard.refusal(next, caps, now.addSecs(-10), now).isEmpty()); // exactly the cap
        QVERIFY(m_store->addLedgerEntries({local(2, 1, now.addSecs(-4))}).ok());
        const QString daily = guard.refusal(next, caps, now.addSecs(-10), now);
        QVERIFY(daily.contains(QString::number(2 * m_price)));
        QVERIFY(daily.contains(QString::number(next.id)));
        // A refund makes room again.
        QVERIFY(m_store->addLedgerEntries({local(2, 1, now.addSecs(-3), true)}).ok());
        QVERIFY(guard.refusal(next, caps, now.addSecs(-10), now).isEmpty());
    }

    void theSessionCountsFromItsStart() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const SpendGuard guard(m_store.get(), &ModelCatalog::builtIn());
        QVERIFY(m_store->addLedgerEntries({local(1, 1000, now.addSecs(-60))}).ok());
        const Job next = addIn(JobState::Queued);
        CreditCaps caps;
        caps.perSession = m_price;
        QVERIFY(guard.refusal(next, caps, now.addSecs(-30), now).isEmpty());
        const QString session = guard.refusal(next, caps, now.addSecs(-90), now);
        QVERIFY(!session.isEmpty());
        QVERIFY(session.contains(QStringLiteral("session")));
        // Yesterday's spending is not today's.
        caps = {};
        caps.daily = m_price;
        const QDateTime tomorrow = now.toLocalTime().date().addDays(1).startOfDay().addSecs(60);
        QVERIFY(guard.refusal(next, caps, now, tomorrow.toUTC()).isEmpty());
        QVERIFY(!guard.refusal(next, caps, now, now).isEmpty());
    }

    void aJobWithoutAPriceStopsOnlyAtTheCap() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const SpendGuard guard(m_store.get(), &ModelCatalog::builtIn());
        Job unpriced = addIn(JobState::Queued);
        unpriced.request.model = QStringLiteral("no-such-model");
        CreditCaps caps;
        caps.daily = 50;
        QVERIFY(m_store->addLedgerEntries({local(1, 49, now.addSecs(-5))}).ok());
        QVERIFY(guard.refusal(unpriced, caps, now, now).isEmpty());
        QVERIFY(m_store->addLedgerEntries({local(2, 1, now.addSecs(-4))}).ok());
        QVERIFY(!guard.refusal(unpriced, caps, now, now).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstSpendGuard)
#include "tst_spendguard.moc"
