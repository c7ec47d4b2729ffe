#pragma once
// What the GUI benchmarks share: an application that times every event delivery and repaint on
// the GUI thread, and event-loop helpers that never block it.
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace pixverse::bench {

//! Times every event delivered on the GUI thread (outermost deliveries only) and every repaint
//! of a window (QEvent::UpdateRequest: the backing store is painted and flushed).
class ProbeApp : public QApplication {
public:
    using QApplication::QApplication;

    bool notify(QObject* receiver, QEvent* event) override {
        // notify() runs on every thread (an in-process sandbox, thread pools): only the GUI
        // thread's deliveries are timed, and only they may touch the depth count.
        if (QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        const QEvent::Type type = event->type();
        const bool outer = m_depth == 0;
        const qint64 start = outer ? clock.nsecsElapsed() : 0;
        ++m_depth;
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        if (outer) {
            const qint64 end = clock.nsecsElapsed();
            longestEventNs = std::max(longestEventNs, end - start);
            if (type == QEvent::UpdateRequest) {
                ++frames;
                lastFrameEndNs = end;
                longestFrameNs = std::max(longestFrameNs, end - start);
            }
        }
        return result;
    }
    void resetProbe() {
        longestEventNs = 0;
        longestFrameNs = 0;
        frames = 0;
    }
    double nowMs() const { return static_cast<double>(clock.nsecsElapsed()) / 1e6; }

    QElapsedTimer clock;
    qint64 longestEventNs = 0;
    qint64 longestFrameNs = 0;
    qint64 lastFrameEndNs = -1;
    int frames = 0;

private:
    int m_depth = 0;
};

//! Runs the event loop (sleeping between events) until `done`, checking every 1 ms.
inline bool waitUntil(const std::function<bool()>& done, int timeoutMs = 60000) {
    if (done())
        return true;
    QEventLoop loop;
    QTimer check;
    check.setTimerType(Qt::PreciseTimer);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    check.start(1);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

inline void idleFor(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

inline void put(const char* key, double value) {
    std::printf("%s %.3f\n", key, value);
}

} // namespace pixverse::bench
