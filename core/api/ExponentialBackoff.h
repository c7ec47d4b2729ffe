#pragma once

#include <algorithm>

namespace pixverse {

//! A capped doubling delay, reset on success (after Chatterino's ExponentialBackoff):
//! next() gives initial, 2 × initial, 4 × initial, ... up to `max`.
class ExponentialBackoff {
public:
    ExponentialBackoff(int initialMs = 2000, int maxMs = 5 * 60 * 1000)
        : m_initialMs(std::max(1, initialMs))
        , m_maxMs(std::max(m_initialMs, maxMs)) {}

    //! The delay to wait now; the one after it is twice as long (until the cap).
    int next() {
        const int delay = delayFor(++m_failures, m_initialMs, m_maxMs);
        return delay;
    }
    void reset() { m_failures = 0; }
    int failures() const { return m_failures; }
    int initialMs() const { return m_initialMs; }
    int maxMs() const { return m_maxMs; }

    //! The delay after `failures` failures in a row (1: the initial delay).
    static int delayFor(int failures, int initialMs, int maxMs) {
        const int steps = std::clamp(failures - 1, 0, 30);
        const long long delay = static_cast<long long>(initialMs) << steps;
        return static_cast<int>(std::min<long long>(delay, maxMs));
    }

private:
    int m_initialMs;
    int m_maxMs;
    int m_failures = 0;
};

} // namespace pixverse
