// The credit cap stops the queue at the right job (issue 19), engine and sandbox together: a
// session cap of 100 credits with 35-credit jobs (V6, 540p, 5 s, no sound) lets two go, then
// pauses the queue before the third and says why; nothing more reaches the sandbox.
#include "core/ledger/SpendGuard.h"
#include "tests/core/jobs/JobTestFixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace pixverse;
using namespace pixverse::test;

namespace {

GenerationRequest v6Clip(int take) {
    GenerationRequest r =
        JobTestBed::request(QStringLiteral("A kite over the dunes, %1").arg(take));
    r.model = QStringLiteral("v6");
    r.quality = QStringLiteral("540p");
    r.duration = 5;
    r.audio = false;
    return r;
}

} // namespace

class TstCreditCap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theCapStopsBeforeTheThirdJob() {
        QCOMPARE(ModelCatalog::builtIn().creditCost(v6Clip(0)), std::optional<int>(35));
        JobTestBed bed;
        QVERIFY2(bed.ok(), qPrintable(bed.error));
        JobEngine* engine = bed.makeEngine(bed.fastOptions(1));
        QSignalSpy stopped(engine, &JobEngine::queueStopped);
        QSignalSpy settled(engine, &JobEngine::jobSettled);
        CreditCaps caps;
        caps.perSession = 100;
        engine->setCreditCaps(caps, QDateTime::currentDateTimeUtc());
        QList<qint64> ids;
        for (int i = 0; i < 4; ++i)
            ids << engine->enqueue(v6Clip(i)).value->id;
        engine->start();
        QVERIFY(stopped.wait(30000));
        QTRY_COMPARE_WITH_TIMEOUT(settled.count(), 2, 30000);
        QCOMPARE(stopped.first().at(0).toLongLong(), ids.at(2));
        const QString reason = stopped.first().at(1).toString();
        QVERIFY(reason.contains(QStringLiteral("100")));
        QVERIFY(engine->isQueuePaused());
        QCOMPARE(bed.sandbox->stats().generationsCreated, 2);
        QCOMPARE(bed.store->job(ids.at(2))->state, JobState::Queued);
        QCOMPARE(bed.store->job(ids.at(3))->state, JobState::Queued);
        // What the caps count: the two charges the recorder wrote.
        const SpendGuard guard(bed.store.get(), &ModelCatalog::builtIn());
        QCOMPARE(guard.spentSince(QDateTime::currentDateTimeUtc().addSecs(-3600)), qint64(70));
    }
};

QTEST_MAIN(TstCreditCap)
#include "tst_creditcap.moc"
