#include "core/ledger/UsageWalk.h"

#include "core/backend/Backend.h"

#include <QPointer>
#include <QSet>

namespace pixverse {

namespace {

struct Walk : std::enable_shared_from_this<Walk> {
    QPointer<Backend> backend;
    QPointer<QObject> context;
    QDateTime windowStart;
    QDateTime until;
    QDateTime windowEnd;
    QList<UsageItem> items;
    QSet<QString> cursors; //!< the cursors this window followed
    UsageWalk::WindowRead windowRead;
    UsageWalk::Finished finished;
    RequestHandle request;
    bool cancelled = false;

    void nextWindow() {
        if (windowStart > until) {
            finished(ApiError());
            return;
        }
        windowEnd = std::min(windowStart.addDays(UsageWalk::kWindowDays), until);
        items.clear();
        cursors.clear();
        UsageQuery query;
        query.start = windowStart;
        query.end = windowEnd;
        query.limit = UsageWalk::kPageSize;
        fetch(query);
    }

    void fetch(const UsageQuery& query) {
        if (!context)
            return; // its owner is gone: nobody to tell
        if (!backend) {
            finished(ApiError::cancelled());
            return;
        }
        // The answer's callback keeps the walk alive until the last page came.
        request = backend->fetchUsage(
            query, context,
            [self = shared_from_this()](Result<UsagePage> page) { self->onPage(std::move(page)); });
    }

    void onPage(Result<UsagePage> page) {
        if (cancelled || !context)
            return;
        if (!page.ok()) {
            finished(page.error);
            return;
        }
        items += page.value->items;
        if (page.value->hasMore) {
            // A service that hands back a cursor it gave before would be asked forever.
            if (cursors.contains(page.value->nextCursor) ||
                cursors.size() >= UsageWalk::kMaxPagesPerWindow) {
                finished(ApiError::malformed(
                    QStringLiteral("account/billing/usage-detail: a next_cursor given again, "
                                   "after %1 pages of a window")
                        .arg(cursors.size() + 1)));
                return;
            }
            cursors.insert(page.value->nextCursor);
            UsageQuery query;
            query.limit = UsageWalk::kPageSize;
            query.cursor = page.value->nextCursor;
            fetch(query);
            return;
        }
        windowRead(items, windowEnd);
        // The next window starts a second later: the times have whole seconds and both ends
        // of a window are counted.
        windowStart = windowEnd.addSecs(1);
        nextWindow();
    }
};

} // namespace

RequestHandle UsageWalk::start(Backend* backend, const QDateTime& from, const QDateTime& until,
                               QObject* context, WindowRead windowRead, Finished finished) {
    auto walk = std::make_shared<Walk>();
    walk->backend = backend;
    walk->context = context;
    // Whole seconds: the service's time format has no fraction.
    walk->windowStart = from.toUTC().addMSecs(-from.time().msec());
    walk->until = until.toUTC().addMSecs(-until.time().msec());
    walk->windowRead = std::move(windowRead);
    walk->finished = std::move(finished);
    walk->nextWindow();
    return RequestHandle([walk] {
        walk->cancelled = true;
        walk->request.cancel();
    });
}

LedgerEntry serviceEntry(const UsageItem& item) {
    LedgerEntry entry;
    entry.source = LedgerEntry::Source::Service;
    entry.videoId = item.videoId;
    entry.creationType = item.creationType;
    entry.credits = item.credits;
    entry.refund = item.refund;
    entry.at = item.at.isValid() ? item.at : QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    entry.raw = item.raw;
    return entry;
}

} // namespace pixverse
