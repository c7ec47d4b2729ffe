#include "core/jobs/StatusPoller.h"

#include "core/backend/Backend.h"
#include "core/jobs/Job.h"

#include <QNetworkInformation>

#include <algorithm>
#include <limits>

namespace pixverse {

QList<PollSchedule::Step> PollSchedule::serviceSteps() {
    return {{0, 2000}, {60 * 1000, 5000}, {5 * 60 * 1000, 10000}};
}

int PollSchedule::intervalFor(qint64 ageMs) const {
    int interval = steps.isEmpty() ? 2000 : steps.first().intervalMs;
    for (const Step& step : steps) {
        if (ageMs >= step.afterMs)
            interval = step.intervalMs;
    }
    return std::max(1, interval);
}

StatusPoller::StatusPoller(Backend* backend, QObject* parent)
    : QObject(parent)
    , m_backend(backend) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &StatusPoller::tick);
}

StatusPoller::~StatusPoller() {
    stop();
}

void StatusPoller::setClock(std::function<qint64()> nowMs) {
    m_clock = std::move(nowMs);
}

bool StatusPoller::watchSystemNetwork() {
    if (!QNetworkInformation::instance() &&
        !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return false;
    QNetworkInformation* info = QNetworkInformation::instance();
    if (!info)
        return false;
    auto apply = [this](QNetworkInformation::Reachability reachability) {
        // Unknown means "cannot tell": keep polling and let failed ticks decide.
        setSystemOnline(reachability != QNetworkInformation::Reachability::Disconnected);
    };
    connect(info, &QNetworkInformation::reachabilityChanged, this, apply);
    apply(info->reachability());
    qCInfo(lcJobs).noquote() << "poller follows the system network state through"
                             << info->backendName();
    return true;
}

void StatusPoller::watch(qint64 jobId, qint64 videoId, const QDateTime& since,
                         bool alreadyStalled) {
    const qint64 now = this->now();
    Entry entry;
    entry.videoId = videoId;
    entry.sinceMs = since.isValid() ? since.toMSecsSinceEpoch() : now;
    entry.stalled = alreadyStalled;
    // The first answer is worth one interval's wait: the service has only just started; and
    // nothing is asked while the job is young.
    entry.nextDueMs =
        std::max(now + m_schedule.intervalFor(std::max<qint64>(0, now - entry.sinceMs)),
                 entry.sinceMs + m_schedule.youngMs);
    m_entries.insert(jobId, entry);
    arm();
}

void StatusPoller::unwatch(qint64 jobId) {
    m_entries.remove(jobId);
    if (m_entries.isEmpty())
        m_timer.stop();
}

void StatusPoller::setSystemOnline(bool online) {
    if (online == m_systemOnline)
        return;
    const bool wasOnline = isOnline();
    m_systemOnline = online;
    if (online) {
        // Back online: ask about everything at once instead of waiting out the intervals.
        m_failingOffline = false;
        m_consecutiveFailures = 0;
        pollNow();
    } else {
        m_timer.stop();
    }
    qCInfo(lcJobs) << "poller:"
                   << (online ? "network back, polling again" : "offline, polling paused");
    if (wasOnline != isOnline())
        Q_EMIT onlineChanged(isOnline());
}

void StatusPoller::setFailingOffline(bool offline) {
    if (offline == m_failingOffline)
        return;
    const bool wasOnline = isOnline();
    m_failingOffline = offline;
    qCInfo(lcJobs) << "poller:"
                   << (offline ? "the service cannot be reached; probing"
                               : "the service answers again");
    if (wasOnline != isOnline())
        Q_EMIT onlineChanged(isOnline());
}

void StatusPoller::pollNow() {
    const qint64 now = this->now();
    for (Entry& entry : m_entries)
        entry.nextDueMs = std::max(now, entry.sinceMs + m_schedule.youngMs);
    m_nextProbeMs = now;
    arm();
}

void StatusPoller::stop() {
    m_timer.stop();
    m_request.cancel();
    m_request = {};
    m_inFlight = false;
}

int StatusPoller::requestAllowance(qint64 now) {
    if (m_schedule.maxRequestsPerSecond <= 0)
        return std::numeric_limits<int>::max();
    while (!m_recentRequests.isEmpty() && m_recentRequests.first() <= now - 1000)
        m_recentRequests.removeFirst();
    return std::max(0, m_schedule.maxRequestsPerSecond - static_cast<int>(m_recentRequests.size()));
}

qint64 StatusPoller::nextAllowedMs() const {
    if (m_schedule.maxRequestsPerSecond <= 0 ||
        m_recentRequests.size() < m_schedule.maxRequestsPerSecond)
        return 0;
    // The oldest request of the full second leaves it a second after it was sent.
    return m_recentRequests.at(m_recentRequests.size() - m_schedule.maxRequestsPerSecond) + 1000;
}

void StatusPoller::arm() {
    if (m_inFlight || !m_systemOnline || m_entries.isEmpty() || !m_backend) {
        m_timer.stop();
        return;
    }
    const qint64 now = this->now();
    qint64 next = std::numeric_limits<qint64>::max();
    if (m_failingOffline) {
        next = m_nextProbeMs;
    } else {
        for (const Entry& entry : std::as_const(m_entries))
            next = std::min(next, std::max(entry.nextDueMs, entry.sinceMs + m_schedule.youngMs));
    }
    next = std::max(next, nextAllowedMs());
    m_timer.start(static_cast<int>(std::clamp<qint64>(next - now, 0, 24 * 3600 * 1000)));
}

void StatusPoller::tick() {
    if (m_inFlight || !m_systemOnline || m_entries.isEmpty() || !m_backend)
        return;
    const qint64 now = this->now();
    const int allowance = requestAllowance(now);
    QList<qint64> jobIds;
    if (m_failingOffline) {
        // One probe: the oldest job. Its answer brings everyone back.
        qint64 oldest = 0;
        qint64 oldestSince = std::numeric_limits<qint64>::max();
        for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
            if (it->sinceMs < oldestSince) {
                oldestSince = it->sinceMs;
                oldest = it.key();
            }
        }
        jobIds << oldest;
        m_nextProbeMs = now + m_probeIntervalMs;
    } else {
        // Due (or riding along), the longest-waiting first: a job asked about goes to the back
        // of the line, so under the request limit every job gets its turn.
        QList<std::pair<qint64, qint64>> due; // next due, job id
        for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
            const qint64 age = now - it->sinceMs;
            if (age >= m_schedule.youngMs && it->nextDueMs <= now + m_schedule.intervalFor(age) / 4)
                due.append({it->nextDueMs, it.key()});
        }
        std::sort(due.begin(), due.end());
        for (const auto& [dueMs, jobId] : std::as_const(due)) {
            if (m_backend->statusRequestsFor(static_cast<int>(jobIds.size()) + 1) > allowance)
                break;
            jobIds << jobId;
            Entry& entry = m_entries[jobId];
            entry.nextDueMs = now + m_schedule.intervalFor(now - entry.sinceMs);
        }
    }
    if (jobIds.isEmpty()) {
        arm();
        return;
    }
    if (m_schedule.maxRequestsPerSecond > 0) {
        for (int i = m_backend->statusRequestsFor(static_cast<int>(jobIds.size())); i > 0; --i)
            m_recentRequests.append(now);
    }
    std::sort(jobIds.begin(), jobIds.end());
    QList<qint64> videoIds;
    videoIds.reserve(jobIds.size());
    for (const qint64 jobId : std::as_const(jobIds))
        videoIds << m_entries.value(jobId).videoId;
    ++m_ticks;
    m_idsAsked += videoIds.size();
    m_inFlight = true;
    qCDebug(lcJobs) << "poll tick" << m_ticks << "asks about" << videoIds.size() << "of"
                    << m_entries.size() << "jobs";
    m_request = m_backend->fetchStatuses(
        videoIds, this,
        [this, jobIds](Result<QHash<qint64, VideoStatus>> result) { onAnswer(jobIds, result); });
}

void StatusPoller::onAnswer(const QList<qint64>& jobIds,
                            const Result<QHash<qint64, VideoStatus>>& result) {
    m_inFlight = false;
    m_request = {};
    int answered = 0;
    if (!result.ok()) {
        const ApiError& error = result.error;
        if (error.kind() == ApiError::Kind::Cancelled)
            return;
        qCInfo(lcJobs).noquote() << "poll tick failed:" << error.logText();
        if (error.kind() == ApiError::Kind::Network || error.kind() == ApiError::Kind::Timeout) {
            if (++m_consecutiveFailures >= m_offlineAfterErrors && !m_failingOffline) {
                m_nextProbeMs = now() + m_probeIntervalMs;
                setFailingOffline(true);
            }
        }
    } else {
        const bool wasFailing = m_failingOffline;
        m_consecutiveFailures = 0;
        setFailingOffline(false);
        QList<QPair<qint64, qint64>> missing; // job, video
        for (const qint64 jobId : jobIds) {
            const auto entry = m_entries.find(jobId);
            if (entry == m_entries.end())
                continue; // unwatched meanwhile
            const auto status = result.value->constFind(entry->videoId);
            if (status == result.value->cend()) {
                // Not reported this time: ask again next tick.
                if (++entry->unanswered % m_missingAfterTicks == 0)
                    missing.append({jobId, entry->videoId});
                continue;
            }
            entry->unanswered = 0;
            ++answered;
            Q_EMIT statusReceived(jobId, *status);
        }
        for (const auto& [jobId, videoId] : std::as_const(missing))
            Q_EMIT statusMissing(jobId, videoId);
        if (wasFailing)
            pollNow(); // the probe got through: everyone else now
    }

    const qint64 now = this->now();
    QList<qint64> stalled;
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (!it->stalled && now - it->sinceMs > m_stallLimitMs) {
            it->stalled = true;
            stalled << it.key();
        }
    }
    for (const qint64 jobId : std::as_const(stalled)) {
        qCWarning(lcJobs) << "job" << jobId << "has been generating for over"
                          << m_stallLimitMs / 1000 << "s";
        Q_EMIT jobStalled(jobId);
    }
    Q_EMIT tickFinished(static_cast<int>(jobIds.size()), answered);
    arm();
}

} // namespace pixverse
