#pragma once

#include <QCoreApplication>
#include <QTimer>
#include <QWidget>
#include <QWindow>

#include <cstdio>

namespace pixverse::bench {

//! When PIXVERSE_BENCH_READY is set: once `window` is exposed and the event loop has gone idle,
//! print "ready" on stdout and, if the variable is "exit", quit. The benchmark runner measures
//! process start to that line.
inline void reportWhenIdle(QWidget* window) {
    const QByteArray mode = qgetenv("PIXVERSE_BENCH_READY");
    if (mode.isEmpty())
        return;
    auto* poll = new QTimer(window);
    poll->setInterval(1);
    QObject::connect(poll, &QTimer::timeout, window, [window, poll, mode] {
        QWindow* handle = window->windowHandle();
        if (!handle || !handle->isExposed())
            return;
        poll->stop();
        // A zero timer runs once everything queued before it (first paint included) is done.
        QTimer::singleShot(0, window, [mode] {
            std::fputs("ready\n", stdout);
            std::fflush(stdout);
            if (mode == "exit")
                QCoreApplication::exit(0);
        });
    });
    poll->start();
}

} // namespace pixverse::bench
