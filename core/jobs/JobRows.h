#pragma once

// How a Job is a row of the job table: the schema's steps, the columns, and a row read or
// written. JobStore's own; nothing else touches the table.
#include "core/jobs/Job.h"

#include <QByteArray>
#include <QHash>
#include <QList>
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
Job jobFrom(const QSqlQuery& query, ColumnIndex& columns);

} // namespace pixverse::job_rows
