#include "ui/GalleryOrderModel.h"

#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"

#include <QTimer>

#include <algorithm>

namespace pixverse {

GalleryOrderModel::GalleryOrderModel(QObject* parent)
    : JobFilterModel(parent) {
    sort(0, Qt::AscendingOrder);
}

void GalleryOrderModel::setSourceModel(QAbstractItemModel* source) {
    for (const QMetaObject::Connection& connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    // Before the proxy's own handlers: the keys follow a change before the proxy sorts the row.
    if (source) {
        m_connections << connect(
            source, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { noteRows(first, last); });
        m_connections << connect(source, &QAbstractItemModel::dataChanged, this,
                                 [this](const QModelIndex& from, const QModelIndex& to) {
                                     noteRows(from.row(), to.row());
                                 });
        m_connections << connect(source, &QAbstractItemModel::modelReset, this,
                                 &GalleryOrderModel::rebuild);
        m_connections << connect(source, &QAbstractItemModel::rowsRemoved, this,
                                 &GalleryOrderModel::rebuild);
    }
    JobFilterModel::setSourceModel(source);
    rebuild();
}

void GalleryOrderModel::rebuild() {
    m_queued.clear();
    const auto* jobs = qobject_cast<const JobListModel*>(sourceModel());
    if (jobs && jobs->store()) {
        for (const Job& job : jobs->store()->queue())
            m_queued.insert(job.id, {job.queueOrder, job.id, job.held});
    }
    scheduleResort();
}

void GalleryOrderModel::noteRows(int first, int last) {
    const auto* jobs = qobject_cast<const JobListModel*>(sourceModel());
    if (!jobs || !jobs->store())
        return;
    bool moved = false;
    for (int row = first; row <= last; ++row) {
        const qint64 id = jobs->jobId(row);
        const Job* job = jobs->store()->find(id);
        if (job && job->state == JobState::Queued) {
            const QueueKey key{job->queueOrder, job->id, job->held};
            const auto known = m_queued.constFind(id);
            moved = moved || known == m_queued.cend() || known->order != key.order;
            m_queued.insert(id, key);
        } else {
            moved = m_queued.remove(id) > 0 || moved;
        }
    }
    if (moved)
        scheduleResort();
}

void GalleryOrderModel::scheduleResort() {
    if (m_resortScheduled)
        return;
    m_resortScheduled = true;
    // A reorder changes many jobs one by one; the proxy places each as it changes, which is
    // only right once they all have: sort once more after the last, and repaint the places.
    QTimer::singleShot(0, this, [this] {
        m_resortScheduled = false;
        sort(-1);
        sort(0, Qt::AscendingOrder);
    });
}

bool GalleryOrderModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    const auto a = m_queued.constFind(left.data(JobListModel::IdRole).toLongLong());
    const auto b = m_queued.constFind(right.data(JobListModel::IdRole).toLongLong());
    const bool aQueued = a != m_queued.cend();
    const bool bQueued = b != m_queued.cend();
    if (aQueued && bQueued)
        return *a < *b;
    if (aQueued != bQueued)
        return aQueued;
    return left.row() < right.row(); // the source's order: newest first
}

int GalleryOrderModel::queuePosition(qint64 jobId) const {
    const auto key = m_queued.constFind(jobId);
    if (key == m_queued.cend())
        return 0;
    return 1 +
           static_cast<int>(std::count_if(m_queued.cbegin(), m_queued.cend(),
                                          [&key](const QueueKey& other) { return other < *key; }));
}

QList<qint64> GalleryOrderModel::queuedIds() const {
    QList<QueueKey> keys = m_queued.values();
    std::sort(keys.begin(), keys.end());
    QList<qint64> ids;
    ids.reserve(keys.size());
    for (const QueueKey& key : std::as_const(keys))
        ids << key.id;
    return ids;
}

Qt::ItemFlags GalleryOrderModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags flags = JobFilterModel::flags(index);
    if (index.isValid() && m_queued.contains(index.data(JobListModel::IdRole).toLongLong()))
        flags |= Qt::ItemIsDragEnabled;
    return flags;
}

QVariant GalleryOrderModel::data(const QModelIndex& index, int role) const {
    if (role == QueuePositionRole)
        return queuePosition(index.data(JobListModel::IdRole).toLongLong());
    if (role == QueueHeldRole) {
        const auto key = m_queued.constFind(index.data(JobListModel::IdRole).toLongLong());
        return key != m_queued.cend() && key->held;
    }
    return JobFilterModel::data(index, role);
}

} // namespace pixverse
