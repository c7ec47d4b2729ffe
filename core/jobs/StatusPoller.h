#pragma once

#include "core/api/ApiError.h"
#include "core/api/ApiTypes.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace pixverse {

class Backend;

//! How often a generating job is asked about, by how long it has been generating: the official
//! CLI's 2 s, then 5 s after a minute, then 10 s after five (../shared/pixverse-api.md §2.4);
//! never in its first 30 s (no video of the service is ready that soon), and never more than
//! two status requests a second for the whole account (issue 20), however many jobs wait.
struct PollSchedule {
    struct Step {
        qint64 afterMs = 0;    //!< from this age on...
        int intervalMs = 2000; //!< ...ask this often
    };
    // Made out of line: GCC 12 warns (maybe-uninitialized) on this list built inline at -O2.
    QList<Step> steps = serviceSteps();
    //! A job is not asked about before it has been generating this long.
    qint64 youngMs = 30 * 1000;
    //! Status requests (Backend::statusRequestsFor) in any one second, for all jobs; 0: no limit.
    int maxRequestsPerSecond = 2;

    int intervalFor(qint64 ageMs) const;
    static QList<Step> serviceSteps();
    //! Every job every `intervalMs`, from its start and without a request limit: for tests and a
    //! local sandbox, whose videos are ready in seconds and whose requests cost nothing.
    static PollSchedule uniform(int intervalMs) { return PollSchedule{{{0, intervalMs}}, 0, 0}; }
    //! The service's schedule without its young window and request limit: what a local sandbox
    //! (`--sandbox`, or a service on loopback) is polled with.
    static PollSchedule local() {
        PollSchedule schedule;
        schedule.youngMs = 0;
        schedule.maxRequestsPerSecond = 0;
        return schedule;
    }
};

//! Asks the service about every generating job on ONE timer: each tick makes one
//! Backend::fetchStatuses() call with the jobs that are due (jobs due within a quarter of their
//! interval ride along, so jobs of similar age share ticks). For the web family that is one list
//! call whatever the number of jobs; for the OpenAPI, one result call per id in the tick.
//! The schedule's request limit caps what a tick may carry: no more than
//! PollSchedule::maxRequestsPerSecond requests in any second. When more jobs are due than that,
//! the ones due longest go first (a job asked about goes to the back), so each gets its turn.
//!
//! Offline: when the system says the network is gone (QNetworkInformation) polling stops until it
//! returns; without that information, after a few ticks in a row fail with a network error or a
//! timeout, the poller only probes (one id) every `offlineProbeInterval` until an answer comes.
//! A job generating for longer than the stall limit is reported once (jobStalled) and keeps
//! being polled. The poller knows nothing of the store: JobEngine wires it.
class StatusPoller : public QObject {
    Q_OBJECT
public:
    explicit StatusPoller(Backend* backend, QObject* parent = nullptr);
    ~StatusPoller() override;

    void setSchedule(const PollSchedule& schedule) { m_schedule = schedule; }
    //! Where "now" comes from, in ms since the epoch (a test's clock); the default is the system's.
    void setClock(std::function<qint64()> nowMs);
    PollSchedule schedule() const { return m_schedule; }
    void setStallLimit(qint64 ms) { m_stallLimitMs = ms; } //!< default 10 min
    qint64 stallLimit() const { return m_stallLimitMs; }
    void setOfflineAfterErrors(int ticks) {
        m_offlineAfterErrors = std::max(1, ticks);
    }                                                                             //!< default 3
    void setOfflineProbeInterval(int ms) { m_probeIntervalMs = std::max(1, ms); } //!< default 30 s
    //! After this many answered ticks in a row without a job's status, statusMissing() (default
    //! 5: the web list is read a page per tick, so a job deep in it is missing now and then).
    void setMissingAfterTicks(int ticks) { m_missingAfterTicks = std::max(1, ticks); }

    //! Follows QNetworkInformation's reachability when a backend for it loads. False when the
    //! system offers none (then only failed ticks tell that the network is gone).
    bool watchSystemNetwork();

    //! Starts polling `videoId` for `jobId`; `since` is when it started generating.
    void watch(qint64 jobId, qint64 videoId, const QDateTime& since, bool alreadyStalled = false);
    void unwatch(qint64 jobId);
    bool isWatching(qint64 jobId) const { return m_entries.contains(jobId); }
    int pendingCount() const { return static_cast<int>(m_entries.size()); }

    //! Forces the online state (the system network watch and the app's own "offline" switch).
    void setSystemOnline(bool online);
    bool isOnline() const { return m_systemOnline && !m_failingOffline; }

    //! Asks about every watched job now (still one call; young jobs excepted, and within the
    //! request limit: the rest as soon as it allows).
    void pollNow();
    //! Asks about what is due now by the clock, as the timer does (a test with its own clock).
    void pollDue() { tick(); }
    void stop();

    //! A next tick is planned (false while offline or with nothing to watch).
    bool isScheduled() const { return m_timer.isActive(); }
    qint64 ticks() const { return m_ticks; }       //!< fetchStatuses calls made
    qint64 idsAsked() const { return m_idsAsked; } //!< ids sent in them, summed

Q_SIGNALS:
    //! One job's status as the service gave it (pending ones too).
    void statusReceived(qint64 jobId, const pixverse::VideoStatus& status);
    void jobStalled(qint64 jobId);
    //! The service answered setMissingAfterTicks() ticks in a row without this job (again every
    //! as many ticks): the web list no longer shows a video the service deleted (§3.7 has no
    //! "deleted" status). The engine looks it up through the whole list before believing it.
    void statusMissing(qint64 jobId, qint64 videoId);
    void onlineChanged(bool online);
    //! A tick ended: `asked` ids were sent, `answered` came back.
    void tickFinished(int asked, int answered);

private:
    struct Entry {
        qint64 videoId = 0;
        qint64 sinceMs = 0;
        qint64 nextDueMs = 0;
        bool stalled = false;
        int unanswered = 0; //!< answered ticks in a row that left it out
    };
    void tick();
    //! Requests the limit still allows now (int max without a limit).
    int requestAllowance(qint64 now);
    //! When the limit allows a request again.
    qint64 nextAllowedMs() const;
    qint64 now() const { return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch(); }
    void onAnswer(const QList<qint64>& jobIds, const Result<QHash<qint64, VideoStatus>>& result);
    void arm();
    void setFailingOffline(bool offline);

    QPointer<Backend> m_backend;
    PollSchedule m_schedule;
    qint64 m_stallLimitMs = 10 * 60 * 1000;
    int m_offlineAfterErrors = 3;
    int m_missingAfterTicks = 5;
    int m_probeIntervalMs = 30 * 1000;
    QHash<qint64, Entry> m_entries; // by job id
    QTimer m_timer;
    RequestHandle m_request;
    bool m_inFlight = false;
    bool m_systemOnline = true;
    bool m_failingOffline = false;
    int m_consecutiveFailures = 0;
    qint64 m_nextProbeMs = 0;
    qint64 m_ticks = 0;
    qint64 m_idsAsked = 0;
    std::function<qint64()> m_clock;
    QList<qint64> m_recentRequests; //!< when the requests of the last second were sent
};

} // namespace pixverse
