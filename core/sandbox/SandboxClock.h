#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

namespace pixverse::sandbox {

//! Sandbox time in milliseconds since the server was made: wall time × speed + jumps.
//! Changing the speed keeps the time continuous.
class SandboxClock {
public:
    SandboxClock() { m_wall.start(); }

    qint64 nowMs() const { return static_cast<qint64>(preciseNowMs()); }
    double speed() const { return m_speed; }

    void setSpeed(double factor) {
        m_baseMs = preciseNowMs();
        m_wall.restart();
        m_speed = factor;
    }
    void advance(qint64 ms) { m_baseMs += static_cast<double>(ms); }

private:
    double preciseNowMs() const {
        return m_baseMs + static_cast<double>(m_wall.nsecsElapsed()) / 1e6 * m_speed;
    }

    QElapsedTimer m_wall;
    double m_baseMs = 0;
    double m_speed = 1.0;
};

} // namespace pixverse::sandbox
