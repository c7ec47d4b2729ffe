#pragma once

#include "core/api/ApiError.h"
#include "core/api/ApiTypes.h"
#include "core/jobs/LedgerEntry.h"

#include <QDateTime>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>

namespace pixverse {

class Backend;

//! Reads the platform's spend ledger over a range of any length (§2.20): in windows of at most
//! kWindowDays, each window every page (cursor until has_more is false). LedgerSync and the
//! CLI's `spend` both read it this way.
class UsageWalk {
public:
    static constexpr int kWindowDays = 30;
    static constexpr int kPageSize = 100;
    //! A window of more pages than this (a million items) is a service going round in circles.
    static constexpr int kMaxPagesPerWindow = 10000;

    //! A window was read whole: its items, and the end of the window (UTC).
    using WindowRead = std::function<void(const QList<UsageItem>& items, const QDateTime& end)>;
    //! The walk ended: no error after the last window, or the error that stopped it.
    using Finished = std::function<void(const ApiError& error)>;

    //! Starts reading [from, until] on `backend`; the callbacks run on `context`'s thread and not
    //! after `context` is gone. The handle cancels the walk.
    static RequestHandle start(Backend* backend, const QDateTime& from, const QDateTime& until,
                               QObject* context, WindowRead windowRead, Finished finished);
};

//! A service ledger entry of the item (no job matched yet; an item without a time at the epoch).
LedgerEntry serviceEntry(const UsageItem& item);

} // namespace pixverse
