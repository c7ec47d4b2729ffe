#pragma once

// The start-up benchmark's readiness protocol (tests/bench/StartupBench.cpp), header-only so the
// empty-window baseline speaks it exactly as the app does. Inert unless the environment variable
// PIXVERSE_BENCH_READY is set ("stay" or "exit"): then each reported moment prints one line on
// stdout, and with "exit" the process quits after the last one.
#include <QCoreApplication>
#include <QEvent>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QWidget>
#include <QWindow>

#include <cstdio>

namespace pixverse::bench {

inline bool readyReportsEnabled() {
    return qEnvironmentVariableIsSet("PIXVERSE_BENCH_READY");
}

namespace detail {

// Counts what the GUI thread delivers (an application event filter sees every event of the main
// thread) and checks on a 1 ms timer: a whole tick with nothing else delivered, once the window
// is exposed (and so painted), means the event loop had nothing left to do.
class IdleReport : public QObject {
public:
    IdleReport(QWidget* window, QByteArray line, bool last)
        : QObject(window)
        , m_window(window)
        , m_line(std::move(line) + '\n')
        , m_last(last) {
        QCoreApplication::instance()->installEventFilter(this);
        ticks().insert(&m_tick);
        m_tick.setTimerType(Qt::PreciseTimer);
        m_tick.setInterval(1);
        connect(&m_tick, &QTimer::timeout, this, &IdleReport::check);
        m_tick.start();
    }
    ~IdleReport() override { ticks().remove(&m_tick); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (!ticks().contains(watched))
            ++m_delivered;
        return QObject::eventFilter(watched, event);
    }

private:
    // Every report's timer: their ticks are not the app's work.
    static QSet<const QObject*>& ticks() {
        static QSet<const QObject*> set;
        return set;
    }

    void check() {
        const QWindow* handle = m_window ? m_window->windowHandle() : nullptr;
        const bool quiet = m_delivered == m_deliveredAtLastTick;
        m_deliveredAtLastTick = m_delivered;
        if (!handle || !handle->isExposed() || !quiet || !m_armed) {
            m_armed = handle && handle->isExposed();
            return;
        }
        m_tick.stop();
        ticks().remove(&m_tick);
        QCoreApplication::instance()->removeEventFilter(this);
        std::fputs(m_line.constData(), stdout);
        std::fflush(stdout);
        static bool lastPrinted = false;
        lastPrinted = lastPrinted || m_last;
        if (lastPrinted && ticks().isEmpty() && qgetenv("PIXVERSE_BENCH_READY") == "exit")
            QCoreApplication::exit(0); // after every report, whatever their order
        deleteLater();
    }

    QPointer<QWidget> m_window;
    QByteArray m_line;
    bool m_last;
    bool m_armed = false; // exposed on the previous tick already
    QTimer m_tick;
    quint64 m_delivered = 0;
    quint64 m_deliveredAtLastTick = 0;
};

} // namespace detail

//! When PIXVERSE_BENCH_READY is set: once `window` is exposed and the event loop has gone idle,
//! prints `line` on stdout; when `last` and the variable is "exit", quits. The benchmark runner
//! measures process start to that line. Does nothing otherwise.
inline void reportWhenIdle(QWidget* window, const char* line = "ready", bool last = true) {
    if (readyReportsEnabled())
        new detail::IdleReport(window, QByteArray(line), last);
}

} // namespace pixverse::bench
