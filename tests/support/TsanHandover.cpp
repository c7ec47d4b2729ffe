// Linked into the test executables of the "tsan" preset only (PIXVERSE_TSAN): tells
// ThreadSanitizer about the order that Qt's thread pool and QFuture guarantee.
//
// Debian's Qt is not built with -fsanitize=thread, and its locks are futexes that ThreadSanitizer
// cannot see. So, to it, whatever a thread writes before QThreadPool::start() and the task then
// reads on a pooled thread looks unordered (a task's captured QStrings, above all), and so does a
// result the task stores in its QFuture and the waiting thread reads. Qt documents both orders;
// this file states them where they are made:
// - QThreadPool::start and tryStart (both kinds) release the hand-over token before queueing, and
//   the queued task acquires it before it runs and releases it when it is done;
// - QFutureInterfaceBase::reportResultsReady and reportFinished, which a task calls after storing
//   its result, release it; waitForResult, mutex() and resultStoreBase(), through which a result is
//   read, acquire it;
// - QFutureInterfaceBase::derefT, the count of QFutureInterface<T> that keeps the results, orders
//   the store's destruction after every use of it, as a shared_ptr's count would.
// Each definition here takes the place of Qt's for calls from this executable and from the other
// Qt libraries (libQt6Concurrent's blockingMap engine), then calls Qt's own, found with dlvsym.
// The token is core's (core/jobs/OnThreadPool.h), so the hand-overs that runOnPool marks itself
// and these are one order. Calls inside libQt6Core (queued connections) are not seen here.
#include "core/jobs/OnThreadPool.h"

#include <QFutureInterfaceBase>
#include <QRunnable>
#include <QThreadPool>

#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <functional>

namespace {

template <typename Function> Function qtOwn(const char* mangledName) {
    void* symbol = dlvsym(RTLD_NEXT, mangledName, "Qt_6");
    if (!symbol) {
        std::fprintf(stderr, "TsanHandover: Qt's %s not found\n", mangledName);
        std::abort();
    }
    return reinterpret_cast<Function>(symbol);
}

//! The task the pool really runs: takes the hand-over, runs the creator's task, hands back.
class HandedOverRunnable final : public QRunnable {
public:
    explicit HandedOverRunnable(QRunnable* task)
        : m_task(task) {
        setAutoDelete(true);
    }
    void run() override {
        pixverse::handover::acquire();
        const bool deleteTask = m_task->autoDelete();
        m_task->run();
        if (deleteTask)
            delete m_task;
        pixverse::handover::release();
    }
    //! For a tryStart that Qt refused: the caller still owns the task.
    QRunnable* releaseTask() {
        QRunnable* task = m_task;
        m_task = nullptr;
        return task;
    }

private:
    QRunnable* m_task;
};

std::function<void()> handedOver(std::function<void()> task) {
    return [task = std::move(task)] {
        pixverse::handover::acquire();
        task();
        pixverse::handover::release();
    };
}

} // namespace

void QThreadPool::start(QRunnable* runnable, int priority) {
    static const auto own =
        qtOwn<void (*)(QThreadPool*, QRunnable*, int)>("_ZN11QThreadPool5startEP9QRunnablei");
    QRunnable* task = runnable ? new HandedOverRunnable(runnable) : nullptr;
    pixverse::handover::release(); // after the wrapper is made: the pooled thread reads it too
    own(this, task, priority);
}

bool QThreadPool::tryStart(QRunnable* runnable) {
    static const auto own =
        qtOwn<bool (*)(QThreadPool*, QRunnable*)>("_ZN11QThreadPool8tryStartEP9QRunnable");
    if (!runnable)
        return own(this, nullptr);
    auto* wrapper = new HandedOverRunnable(runnable);
    pixverse::handover::release();
    if (own(this, wrapper))
        return true;
    wrapper->releaseTask();
    delete wrapper;
    return false;
}

void QThreadPool::start(std::function<void()> functionToRun, int priority) {
    static const auto own = qtOwn<void (*)(QThreadPool*, std::function<void()>, int)>(
        "_ZN11QThreadPool5startESt8functionIFvvEEi");
    std::function<void()> task = handedOver(std::move(functionToRun));
    pixverse::handover::release();
    own(this, std::move(task), priority);
}

bool QThreadPool::tryStart(std::function<void()> functionToRun) {
    static const auto own = qtOwn<bool (*)(QThreadPool*, std::function<void()>)>(
        "_ZN11QThreadPool8tryStartESt8functionIFvvEE");
    std::function<void()> task = handedOver(std::move(functionToRun));
    pixverse::handover::release();
    return own(this, std::move(task));
}

void QFutureInterfaceBase::reportResultsReady(int beginIndex, int endIndex) {
    static const auto own = qtOwn<void (*)(QFutureInterfaceBase*, int, int)>(
        "_ZN20QFutureInterfaceBase18reportResultsReadyEii");
    pixverse::handover::release();
    own(this, beginIndex, endIndex);
}

void QFutureInterfaceBase::reportFinished() {
    static const auto own =
        qtOwn<void (*)(QFutureInterfaceBase*)>("_ZN20QFutureInterfaceBase14reportFinishedEv");
    pixverse::handover::release();
    own(this);
}

void QFutureInterfaceBase::waitForResult(int resultIndex) {
    static const auto own =
        qtOwn<void (*)(QFutureInterfaceBase*, int)>("_ZN20QFutureInterfaceBase13waitForResultEi");
    own(this, resultIndex);
    pixverse::handover::acquire();
}

QMutex& QFutureInterfaceBase::mutex() const {
    static const auto own =
        qtOwn<QMutex& (*)(const QFutureInterfaceBase*)>("_ZNK20QFutureInterfaceBase5mutexEv");
    pixverse::handover::acquire();
    return own(this);
}

QtPrivate::ResultStoreBase& QFutureInterfaceBase::resultStoreBase() {
    static const auto own = qtOwn<QtPrivate::ResultStoreBase& (*)(QFutureInterfaceBase*)>(
        "_ZN20QFutureInterfaceBase15resultStoreBaseEv");
    pixverse::handover::acquire();
    return own(this);
}

const QtPrivate::ResultStoreBase& QFutureInterfaceBase::resultStoreBase() const {
    static const auto own =
        qtOwn<const QtPrivate::ResultStoreBase& (*)(const QFutureInterfaceBase*)>(
            "_ZNK20QFutureInterfaceBase15resultStoreBaseEv");
    pixverse::handover::acquire();
    return own(this);
}

// The typed result store dies with its last QFutureInterface<T>, on whichever thread drops it (the
// task's own, often): like a shared_ptr's count, every drop hands over what its thread did with
// the results, and the last one takes all of that before the store is cleared.
bool QFutureInterfaceBase::derefT() const noexcept {
    static const auto own =
        qtOwn<bool (*)(const QFutureInterfaceBase*)>("_ZNK20QFutureInterfaceBase6derefTEv");
    pixverse::handover::release();
    const bool stillHeld = own(this);
    if (!stillHeld)
        pixverse::handover::acquire();
    return stillHeld;
}
