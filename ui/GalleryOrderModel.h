#pragma once

#include "core/jobs/JobFilterModel.h"

#include <QHash>

namespace pixverse {

//! The gallery's filter with the queue first (issue 19): queued jobs on top in the order they
//! will be sent (Job::queueOrder, then id), every other job after them in the source's order
//! (newest first). It also answers where a queued job is in the whole queue ("#1 in queue") and
//! whether the creator paused it, from a cache of the queued jobs kept as the source changes
//! (no store scan per paint nor per comparison).
class GalleryOrderModel : public JobFilterModel {
    Q_OBJECT
public:
    enum Role {
        QueuePositionRole = Qt::UserRole + 500, //!< int: 1-based place in the queue; 0: not queued
        QueueHeldRole,                          //!< bool: a queued job the creator paused
    };
    Q_ENUM(Role)

    explicit GalleryOrderModel(QObject* parent = nullptr);

    void setSourceModel(QAbstractItemModel* source) override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    //! Queued cards drag too (onto another queued card: a new place in the queue).
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    //! The 1-based place of `jobId` in the queue (the store's whole queue, shown or not); 0 when
    //! it is not queued.
    int queuePosition(qint64 jobId) const;
    //! The queued jobs' ids in the order they will be sent.
    QList<qint64> queuedIds() const;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    struct QueueKey {
        qint64 order = 0;
        qint64 id = 0;
        bool held = false;
        bool operator<(const QueueKey& other) const {
            return order != other.order ? order < other.order : id < other.id;
        }
    };
    //! The source's rows `first`..`last` were added or changed: their queue keys follow.
    void noteRows(int first, int last);
    void rebuild();
    //! A queued job's key changed: the order is made whole again once the store is done.
    void scheduleResort();

    QHash<qint64, QueueKey> m_queued; //!< queued job id → its key
    bool m_resortScheduled = false;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace pixverse
