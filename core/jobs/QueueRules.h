#pragma once

#include <QMetaType>
#include <QTime>

#include <optional>

namespace pixverse {

//! "Run only between HH:MM and HH:MM" (issue 19): outside it the scheduler sends no new job
//! (resends of creates already made still go). `until` before `from` spans midnight
//! (22:00–06:00); equal times mean the whole day.
struct RunWindow {
    QTime from;
    QTime until;

    bool contains(const QTime& time) const {
        if (from == until)
            return true;
        if (from < until)
            return time >= from && time < until;
        return time >= from || time < until;
    }
    friend bool operator==(const RunWindow&, const RunWindow&) = default;
};

//! The creator's credit caps (Settings): when the next job would take the day's or this
//! session's spending over one, the queue stops with a notice. Empty: no cap.
struct CreditCaps {
    std::optional<qint64> daily;      //!< per local calendar day
    std::optional<qint64> perSession; //!< since the app (or the CLI) started
    bool any() const { return daily || perSession; }
    friend bool operator==(const CreditCaps&, const CreditCaps&) = default;
};

} // namespace pixverse
