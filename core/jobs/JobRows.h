#pragma once

// How a Job is a row of the job table: the schema's steps, the columns, and a row read or
// written. JobStore's own; nothing else touches the table.
#include "core/jobs/Job.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QStringList>
#include <QVariantList>

class QSqlDatabase;
class QSqlQuery;

namespace pixverse::job_rows {

//! The steps from one schema version to the next: migrations()[n] takes a file from version n
//! to n + 1. A step that shipped never changes; a new column is a new step.
const QList<QStringList>& migrations();
//! The step in code that also changes rows, for a step starting at `fromVersion`; null if none.
using RowStep = bool (*)(QSqlDatabase&, QString*);
RowStep rowStep(int fromVersion);
//! Columns written by add() and update(); `id` is separate.
const QStringList& columns();
//! The values of columns(), in that order.
QVariantList rowValues(const Job& job);
//! Where each column of a `SELECT *` is, looked up once per query: QSqlQuery::value(name) builds
//! the whole record again for every call, which made opening 10,000 jobs (31 columns) 4× slower.
using ColumnIndex = QHash<QByteArray, int>;
//! What jobFrom() leaves for readRequest() when asked to: the request's JSON is most of the time
//! a row takes to read, and the rows' requests can be parsed on every core at once.
struct RequestText {
    QString json;      //!< the `request` column
    QString imagePath; //!< the `image_path` column (schema 1-3)
};
//! The job in the query's current row. With `deferred`, its request is left empty and its text
//! put there: readRequest() completes the job.
Job jobFrom(const QSqlQuery& query, ColumnIndex& columns, RequestText* deferred = nullptr);
//! Parses `text` into `job.request` as jobFrom() does. Touches nothing shared: safe on any thread.
void readRequest(Job& job, const RequestText& text);

//! Replaces the job's rows in `job_tags` (in its order) and `job_boards`. Part of the caller's
//! transaction; false with `error` when SQLite refused.
bool writeTags(QSqlDatabase& db, qint64 jobId, const QStringList& tags, QString* error);
bool writeBoards(QSqlDatabase& db, qint64 jobId, const QList<qint64>& boards, QString* error);
//! Reads every job's tags and boards into `jobs` (loaded by jobFrom()).
bool readMarks(QSqlDatabase& db, QMap<qint64, Job>& jobs, QString* error);

} // namespace pixverse::job_rows
