#pragma once

#include <QEventLoop>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace pixverse::test {

//! Runs `start`, which must call the callback it is given once, and spins the event loop until
//! it does or `timeoutMs` pass. Returns the value given to the callback, or nothing on timeout.
//! A callback that arrives after the timeout is ignored safely.
template <typename T>
std::optional<T> await(const std::function<void(std::function<void(T)>)>& start,
                       int timeoutMs = 15000) {
    struct State {
        std::optional<T> result;
        QPointer<QEventLoop> loop;
    };
    auto state = std::make_shared<State>();
    QEventLoop loop;
    start([state](T value) {
        state->result = std::move(value);
        if (state->loop)
            state->loop->quit();
    });
    if (!state->result) {
        state->loop = &loop;
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        state->loop = nullptr;
    }
    return state->result;
}

} // namespace pixverse::test
