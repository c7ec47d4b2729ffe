// The "tsan" preset's proof that it still sees a race in our code although
// tests/support/TsanHandover.cpp states Qt's hand-overs: a pooled task reads a value that the
// starting thread writes after starting it, with nothing ordering the two. ctest expects this
// executable to print ThreadSanitizer's data-race report (PASS_REGULAR_EXPRESSION); tsan preset
// only.
#include <QSemaphore>
#include <QTest>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

class TsanCanary : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void anUnorderedWriteIsReported() {
        static int shared = 0; // deliberately unguarded
        QSemaphore taskMayRead;
        QSemaphore taskRead;
        QFuture<int> future = QtConcurrent::run([&] {
            taskMayRead.acquire(); // Qt's futex: invisible to ThreadSanitizer, as intended here
            const int seen = shared;
            taskRead.release();
            return seen;
        });
        shared = 42; // after the start, so the hand-over does not order it
        taskMayRead.release();
        taskRead.acquire();
        future.waitForFinished();
        QCOMPARE(future.result(), 42);
    }
};

QTEST_GUILESS_MAIN(TsanCanary)
#include "tst_tsancanary.moc"
