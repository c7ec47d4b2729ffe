#pragma once

// Blocking work (reading, hashing and copying a creator's files) kept off the GUI thread, with the
// hand-over to the pool and back made visible to ThreadSanitizer.
#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <type_traits>
#include <utility>

#if defined(__SANITIZE_THREAD__)
#include <sanitizer/tsan_interface.h>
#endif

namespace pixverse {

namespace handover {

// QThreadPool's queue and QFuture's result store are guarded by Qt's own locks, which
// ThreadSanitizer cannot see (Debian's Qt is not built with it), so to it the work handed to the
// pool and the results handed back look unordered. One token marks every such hand-over: the
// giving side releases it, the taking side acquires it. One for all over-approximates the order
// a little (any earlier hand-over counts), which can hide a race, never invent one. Outside the
// tsan preset these are empty.
inline char token;

inline void release() {
#if defined(__SANITIZE_THREAD__)
    __tsan_release(&token);
#endif
}

inline void acquire() {
#if defined(__SANITIZE_THREAD__)
    __tsan_acquire(&token);
#endif
}

} // namespace handover

//! A function or value that crosses threads through Qt (a task for the pool, a result in a
//! QFuture): every copy, move, call and destruction first takes what the other side handed over,
//! and every copy, move and call hands itself over again when done.
template <typename T> class Crossing {
public:
    explicit Crossing(T value)
        : m_value(std::move(value)) {
        handover::release();
    }
    Crossing(const Crossing& other)
        : m_value((handover::acquire(), other.m_value)) {
        handover::release();
    }
    Crossing(Crossing&& other) noexcept(std::is_nothrow_move_constructible_v<T>)
        : m_value((handover::acquire(), std::move(other.m_value))) {
        handover::release();
    }
    Crossing& operator=(const Crossing&) = delete;
    Crossing& operator=(Crossing&&) = delete;
    ~Crossing() { handover::acquire(); }

    const T& value() const {
        handover::acquire();
        return m_value;
    }

    //! For a function: runs it once the hand-over is taken, and hands over what it did.
    auto operator()() {
        handover::acquire();
        struct HandBack {
            ~HandBack() { handover::release(); }
        } handBack;
        return m_value();
    }

private:
    T m_value;
};

//! QtConcurrent::run(work) with the hand-overs marked; the future's result is a Crossing<R>
//! (value() reads it), or nothing for work that returns nothing.
template <typename F> auto runOnPool(F work) {
    using R = std::invoke_result_t<F&>;
    if constexpr (std::is_void_v<R>)
        return QtConcurrent::run(Crossing<F>(std::move(work)));
    else
        return QtConcurrent::run(
            [task = Crossing<F>(std::move(work))]() mutable { return Crossing<R>(task()); });
}

//! Runs `work` on the thread pool, then `then` with its result on the thread of `owner` (not at
//! all when `owner` died meanwhile).
template <typename T>
void onThreadPool(QObject* owner, std::function<T()> work, std::function<void(const T&)> then) {
    auto* watcher = new QFutureWatcher<Crossing<T>>(owner);
    QObject::connect(watcher, &QFutureWatcher<Crossing<T>>::finished, owner,
                     [watcher, then = std::move(then)] {
                         watcher->deleteLater();
                         then(watcher->result().value());
                     });
    watcher->setFuture(runOnPool(std::move(work)));
}

} // namespace pixverse
