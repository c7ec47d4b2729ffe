// The queue and the money side of JobStore (issue 19): jobs added together, the queue's order,
// origins, stored values and the ledger (schema 8).
#include "core/jobs/JobStore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cstdlib>

namespace pixverse {

namespace {

QString ledgerSourceId(LedgerEntry::Source source) {
    return source == LedgerEntry::Source::Service ? QStringLiteral("service")
                                                  : QStringLiteral("local");
}

//! An entry without a time is kept at the epoch: NULL would escape the index that keeps each
//! entry once.
qint64 ledgerTime(const QDateTime& at) {
    return at.isValid() ? at.toMSecsSinceEpoch() : 0;
}

} // namespace

Result<QList<Job>> JobStore::addNew(QList<Job> jobs, bool grouped) {
    using Failure = Result<QList<Job>>;
    if (!isOpen())
        return Failure::failure(ApiError::input(tr("The job database is not open.")));
    QHash<QString, QString> copies; // jobs added together often share an input: read it once
    QList<Job> added;
    for (const Job& job : std::as_const(jobs)) {
        Result<Job> prepared = prepareNew(job, copies);
        if (!prepared.ok())
            return Failure::failure(prepared.error);
        added << *prepared.value;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QString error;
    bool ok = db.transaction();
    for (int i = 0; ok && i < added.size(); ++i) {
        Job& job = added[i];
        job.queueOrder = m_queueEnd + 1 + i; // after every other job, in the given order
        if (grouped) {
            job.takeIndex = i;
            job.groupId = i == 0 ? 0 : added.first().id;
        }
        ok = insertRow(job, &error);
        if (ok && grouped && i == 0) { // the group is named after its first take
            job.groupId = job.id;
            QSqlQuery query(db);
            query.prepare(QStringLiteral("UPDATE jobs SET group_id = id WHERE id = ?"));
            query.addBindValue(job.id);
            ok = query.exec();
        }
    }
    if (!ok || !db.commit()) {
        if (error.isEmpty())
            error = tr("Cannot save the job: %1").arg(db.lastError().text());
        db.rollback();
        qCWarning(lcJobs).noquote() << "jobs not added:" << error;
        return Failure::failure(ApiError::input(error));
    }
    // The mirror and the signals only once the rows are on disk.
    for (const Job& job : std::as_const(added)) {
        m_jobs.insert(job.id, job);
        index(job);
    }
    m_orderStale = true;
    if (!added.isEmpty())
        qCInfo(lcJobs) << (grouped ? "group" : "jobs from") << added.first().id
                       << "added:" << added.size() << "jobs of"
                       << generationModeId(added.first().request.mode)
                       << added.first().request.model;
    for (const Job& job : std::as_const(added))
        Q_EMIT jobAdded(job.id);
    return Result<QList<Job>>::success(added);
}

Result<QList<Job>> JobStore::addMany(QList<Job> jobs) {
    return addNew(std::move(jobs), false);
}

QList<Job> JobStore::queue() const {
    QList<Job> queued = jobs(JobState::Queued);
    std::stable_sort(queued.begin(), queued.end(), [](const Job& a, const Job& b) {
        return a.queueOrder != b.queueOrder ? a.queueOrder < b.queueOrder : a.id < b.id;
    });
    return queued;
}

bool JobStore::reorderQueue(const QList<qint64>& orderedIds) {
    if (!isOpen())
        return false;
    QList<qint64> order;
    for (const qint64 id : orderedIds) {
        const auto job = m_jobs.constFind(id);
        if (job == m_jobs.cend() || job->state != JobState::Queued || order.contains(id))
            return false;
        order << id;
    }
    for (const Job& job : queue()) {
        if (!order.contains(job.id))
            order << job.id;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery query(db);
    bool ok = db.transaction() &&
              query.prepare(QStringLiteral("UPDATE jobs SET queue_order = ? WHERE id = ?"));
    QList<qint64> moved;
    for (qsizetype i = 0; ok && i < order.size(); ++i) {
        if (m_jobs.value(order[i]).queueOrder == i + 1)
            continue;
        query.addBindValue(i + 1);
        query.addBindValue(order[i]);
        ok = query.exec();
        moved << order[i];
    }
    if (!ok || !db.commit()) {
        qCWarning(lcJobs).noquote()
            << "queue not reordered:"
            << (query.lastError().isValid() ? query.lastError().text() : db.lastError().text());
        db.rollback();
        return false;
    }
    for (qsizetype i = 0; i < order.size(); ++i)
        m_jobs[order[i]].queueOrder = i + 1;
    qCInfo(lcJobs) << "queue reordered:" << moved.size() << "of" << order.size() << "jobs moved";
    for (const qint64 id : std::as_const(moved))
        Q_EMIT jobChanged(id);
    return true;
}

bool JobStore::hasOrigin(const QString& origin) const {
    return !origin.isEmpty() &&
           std::any_of(m_jobs.cbegin(), m_jobs.cend(),
                       [&origin](const Job& job) { return job.origin == origin; });
}

QList<Job> JobStore::jobsWithOrigin(const QString& prefix) const {
    QList<Job> out;
    for (const Job& job : m_jobs) { // by id: oldest first
        if (!prefix.isEmpty() && job.origin.startsWith(prefix))
            out << job;
    }
    return out;
}

QString JobStore::storedValue(const QString& key) const {
    return m_storedValues.value(key);
}

bool JobStore::setStoredValue(const QString& key, const QString& value) {
    if (!isOpen() || key.isEmpty())
        return false;
    if (m_storedValues.value(key) == value)
        return true;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (value.isEmpty()) { // empty is "never set": no row
        query.prepare(QStringLiteral("DELETE FROM store_values WHERE key = ?"));
        query.addBindValue(key);
    } else {
        query.prepare(
            QStringLiteral("INSERT OR REPLACE INTO store_values (key, value) VALUES (?, ?)"));
        query.addBindValue(key);
        query.addBindValue(value);
    }
    if (!query.exec()) {
        qCWarning(lcJobs).noquote()
            << "stored value" << key << "not saved:" << query.lastError().text();
        return false;
    }
    if (value.isEmpty())
        m_storedValues.remove(key);
    else
        m_storedValues.insert(key, value);
    return true;
}

Result<int> JobStore::addLedgerEntries(const QList<LedgerEntry>& entries) {
    if (!isOpen())
        return Result<int>::failure(ApiError::input(tr("The job database is not open.")));
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery query(db);
    // The unique index (source, video, direction, credits, time) skips what is kept already.
    bool ok = db.transaction() &&
              query.prepare(QStringLiteral(
                  "INSERT OR IGNORE INTO ledger (source, video_id, job_id, creation_type, model,"
                  " credits, refund, at, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QList<LedgerEntry> added;
    for (LedgerEntry entry : entries) {
        if (!ok)
            break;
        entry.credits = std::abs(entry.credits);
        entry.at = QDateTime::fromMSecsSinceEpoch(ledgerTime(entry.at), Qt::UTC);
        query.addBindValue(ledgerSourceId(entry.source));
        query.addBindValue(entry.videoId);
        query.addBindValue(entry.jobId);
        query.addBindValue(entry.creationType.isNull() ? QStringLiteral("") : entry.creationType);
        query.addBindValue(entry.model.isNull() ? QStringLiteral("") : entry.model);
        query.addBindValue(entry.credits);
        query.addBindValue(entry.refund ? 1 : 0);
        query.addBindValue(entry.at.toMSecsSinceEpoch());
        query.addBindValue(entry.raw.isNull() ? QVariant() : QVariant(entry.raw));
        ok = query.exec();
        if (ok && query.numRowsAffected() == 1) {
            entry.id = query.lastInsertId().toLongLong();
            added << entry;
        }
    }
    if (!ok || !db.commit()) {
        const QString error = tr("Cannot save the spending ledger: %1")
                                  .arg(query.lastError().isValid() ? query.lastError().text()
                                                                   : db.lastError().text());
        db.rollback();
        qCWarning(lcJobs).noquote() << error;
        return Result<int>::failure(ApiError::input(error));
    }
    m_ledger << added;
    if (!added.isEmpty()) {
        qCInfo(lcJobs) << "ledger:" << added.size() << "of" << entries.size() << "entries new";
        Q_EMIT ledgerChanged();
    }
    return Result<int>::success(static_cast<int>(added.size()));
}

QList<LedgerEntry> JobStore::ledgerEntries(LedgerEntry::Source source, const QDateTime& from,
                                           const QDateTime& until) const {
    QList<LedgerEntry> out;
    for (const LedgerEntry& entry : m_ledger) {
        if (entry.source == source && (!from.isValid() || entry.at >= from) &&
            (!until.isValid() || entry.at < until))
            out << entry;
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const LedgerEntry& a, const LedgerEntry& b) { return a.at < b.at; });
    return out;
}

bool JobStore::matchLedgerEntries(qint64 videoId, qint64 jobId, const QString& model) {
    if (!isOpen() || videoId == 0)
        return false;
    const bool unmatched =
        std::any_of(m_ledger.cbegin(), m_ledger.cend(),
                    [videoId](const auto& e) { return e.videoId == videoId && e.jobId == 0; });
    if (!unmatched)
        return true;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral(
        "UPDATE ledger SET job_id = ?, model = ? WHERE video_id = ? AND job_id = 0"));
    query.addBindValue(jobId);
    query.addBindValue(model.isNull() ? QStringLiteral("") : model);
    query.addBindValue(videoId);
    if (!query.exec()) {
        qCWarning(lcJobs).noquote()
            << "ledger of video" << videoId << "not matched:" << query.lastError().text();
        return false;
    }
    for (LedgerEntry& entry : m_ledger) {
        if (entry.videoId == videoId && entry.jobId == 0) {
            entry.jobId = jobId;
            entry.model = model;
        }
    }
    Q_EMIT ledgerChanged();
    return true;
}

bool JobStore::loadQueueTables() {
    m_storedValues.clear();
    m_ledger.clear();
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT key, value FROM store_values")))
        return fail(tr("Cannot read the job database: %1").arg(query.lastError().text()));
    while (query.next())
        m_storedValues.insert(query.value(0).toString(), query.value(1).toString());
    if (!query.exec(QStringLiteral("SELECT id, source, video_id, job_id, creation_type, model,"
                                   " credits, refund, at, raw FROM ledger ORDER BY id")))
        return fail(tr("Cannot read the job database: %1").arg(query.lastError().text()));
    while (query.next()) {
        LedgerEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.source = query.value(1).toString() == ledgerSourceId(LedgerEntry::Source::Service)
                           ? LedgerEntry::Source::Service
                           : LedgerEntry::Source::Local;
        entry.videoId = query.value(2).toLongLong();
        entry.jobId = query.value(3).toLongLong();
        entry.creationType = query.value(4).toString();
        entry.model = query.value(5).toString();
        entry.credits = query.value(6).toLongLong();
        entry.refund = query.value(7).toInt() != 0;
        entry.at = QDateTime::fromMSecsSinceEpoch(query.value(8).toLongLong(), Qt::UTC);
        entry.raw = query.value(9).toByteArray();
        m_ledger << entry;
    }
    return true;
}

} // namespace pixverse
