#pragma once

// Blocking work (reading, hashing and copying a creator's files) kept off the GUI thread.
#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

namespace pixverse {

//! Runs `work` on the thread pool, then `then` with its result on the thread of `owner` (not at
//! all when `owner` died meanwhile).
template <typename T>
void onThreadPool(QObject* owner, std::function<T()> work, std::function<void(const T&)> then) {
    auto* watcher = new QFutureWatcher<T>(owner);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, owner,
                     [watcher, then = std::move(then)] {
                         watcher->deleteLater();
                         then(watcher->result());
                     });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace pixverse
