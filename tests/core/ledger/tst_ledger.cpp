// The spend ledger end to end (issue 19) on a real sandbox: twenty jobs through the engine, one
// moderated (status 7) and one failed (status 8, refunded by the sandbox's `refundFailed`); the
// local ledger the recorder wrote and the service's ledger LedgerSync read both add up to the
// sandbox's own balance difference, and neither counts an item twice.
#include "core/ledger/LedgerSync.h"
#include "core/ledger/SpendReport.h"
#include "tests/core/jobs/JobTestFixture.h"
#include "tests/support/Await.h"

#include <QSignalSpy>
#include <QTest>

using namespace pixverse;
using namespace pixverse::test;

namespace {

std::optional<qint64> balanceOf(Backend* backend, QObject* context) {
    const auto balance =
        await<Result<Balance>>([&](auto done) { backend->fetchBalance(context, done); });
    if (!balance || !balance->ok())
        return std::nullopt;
    return balance->value->total();
}

} // namespace

class TstLedger : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void localAndServiceLedgersMatchTheBalance() {
        JobTestBed bed;
        QVERIFY2(bed.ok(), qPrintable(bed.error));
        const std::optional<qint64> before = balanceOf(bed.backend.get(), this);
        QVERIFY(before);
        JobEngine* engine = bed.makeEngine(bed.fastOptions(3));
        QSignalSpy settled(engine, &JobEngine::jobSettled);
        engine->start();
        const QList<qint64> ids = bed.enqueue(18);
        QCOMPARE(ids.size(), 18);
        const qint64 moderatedId =
            engine->enqueue(JobTestBed::request(QStringLiteral("Something forbidden happens")))
                .value->id;
        const qint64 failedId =
            engine->enqueue(JobTestBed::request(QStringLiteral("The engine will explode")))
                .value->id;
        QTRY_COMPARE_WITH_TIMEOUT(settled.count(), 20, 60000);
        const std::optional<qint64> after = balanceOf(bed.backend.get(), this);
        QVERIFY(after);
        const qint64 spent = *before - *after;
        const qint64 price =
            ModelCatalog::builtIn().creditCost(JobTestBed::request({})).value_or(0);
        QVERIFY(price > 0);
        QCOMPARE(spent, 18 * price); // the two refunded ones cost nothing in the end

        // The local ledger: 20 charges, 2 refunds, and the jobs say what came back.
        const SpendReport local =
            SpendReport::build(bed.store->ledgerEntries(LedgerEntry::Source::Local), {}, {});
        QCOMPARE(local.deducted, 20 * price);
        QCOMPARE(local.refunded, 2 * price);
        QCOMPARE(local.net(), spent);
        QCOMPARE(qint64(bed.store->job(moderatedId)->refundedCredits), price);
        QCOMPARE(qint64(bed.store->job(failedId)->refundedCredits), price);
        QCOMPARE(bed.store->job(ids.first())->refundedCredits, 0);

        // The service's ledger, read by pages (the sandbox's clock runs ahead: sync up to
        // tomorrow).
        LedgerSync sync(bed.store.get(), bed.backend.get());
        QVERIFY(sync.available());
        QSignalSpy synced(&sync, &LedgerSync::synced);
        const QDateTime tomorrow = QDateTime::currentDateTimeUtc().addDays(1);
        sync.sync(tomorrow);
        QVERIFY(synced.wait(20000));
        QVERIFY2(!synced.first().at(1).value<ApiError>().isError(),
                 qPrintable(synced.first().at(1).value<ApiError>().logText()));
        QCOMPARE(synced.first().at(0).toInt(), 22);
        const QList<LedgerEntry> service = bed.store->ledgerEntries(LedgerEntry::Source::Service);
        const SpendReport remote = SpendReport::build(service, {}, {});
        QCOMPARE(remote.deducted - remote.refunded, spent);
        QCOMPARE(remote.refunded, 2 * price);
        for (const LedgerEntry& entry : service) {
            QVERIFY(entry.jobId != 0);
            QCOMPARE(entry.model, QStringLiteral("v4.5"));
            QVERIFY(!entry.raw.isEmpty());
        }
        QCOMPARE(remote.perModel.size(), 1);
        QCOMPARE(remote.perModel.first().videos, 20);
        QVERIFY(!bed.store->storedValue(QStringLiteral("ledger/synced_until")).isEmpty());

        // Again: nothing new, nothing twice.
        sync.sync(tomorrow.addSecs(60));
        QVERIFY(synced.wait(20000));
        QCOMPARE(synced.at(1).at(0).toInt(), 0);
        QCOMPARE(bed.store->ledgerEntries(LedgerEntry::Source::Service).size(), 22);
    }

    void aSecondRecorderAddsNothing() {
        JobTestBed bed;
        QVERIFY2(bed.ok(), qPrintable(bed.error));
        JobEngine* engine = bed.makeEngine(bed.fastOptions(3));
        QSignalSpy settled(engine, &JobEngine::jobSettled);
        engine->start();
        engine->enqueue(JobTestBed::request(QStringLiteral("Something forbidden")));
        bed.enqueue(1);
        QTRY_COMPARE_WITH_TIMEOUT(settled.count(), 2, 30000);
        const QList<LedgerEntry> first = bed.store->ledgerEntries(LedgerEntry::Source::Local);
        QCOMPARE(first.size(), 3);
        // A new engine on the same store (as after a restart) sees the jobs change again.
        engine = bed.makeEngine(bed.fastOptions(3));
        engine->start();
        for (const Job& job : bed.store->jobs())
            bed.store->modify(job.id, [](Job& j) { j.favourite = !j.favourite; });
        QCOMPARE(bed.store->ledgerEntries(LedgerEntry::Source::Local), first);
    }

    void noLedgerWithoutTheCall() {
        JobTestBed bed;
        QVERIFY2(bed.ok(), qPrintable(bed.error));
        LedgerSync sync(bed.store.get(), nullptr);
        QVERIFY(!sync.available());
        QSignalSpy synced(&sync, &LedgerSync::synced);
        sync.sync();
        QVERIFY(synced.wait(5000));
        QCOMPARE(synced.first().at(0).toInt(), 0);
        QVERIFY(bed.store->ledgerEntries(LedgerEntry::Source::Service).isEmpty());
    }
};

QTEST_MAIN(TstLedger)
#include "tst_ledger.moc"
