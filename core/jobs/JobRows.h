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

#include <memory>

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
//! What JobReader leaves for readRequest(): the request's JSON is most of the time a row takes
//! to read, and the rows' requests can be parsed on every core at once.
struct RequestText {
    QByteArray json;   //!< the `request` column, UTF-8 as stored
    QString imagePath; //!< the `image_path` column (schema 1-3)
};

//! Reads the job table's rows straight from SQLite (`sqlite3_step`), each column read once into
//! the job's own field: QSqlQuery made a QVariant of every column of every row and converted the
//! text to UTF-16 and back, which was a third of opening 10,000 jobs (issue 20).
class JobReader {
public:
    //! Runs `SELECT * FROM jobs ORDER BY id` on `db`'s connection (the QSQLITE driver's handle).
    explicit JobReader(const QSqlDatabase& db);
    ~JobReader();
    JobReader(const JobReader&) = delete;
    JobReader& operator=(const JobReader&) = delete;

    //! Empty when the query runs; otherwise SQLite's sentence.
    QString errorString() const { return m_error; }
    //! Steps to the next row; false after the last one or on an error (errorString()).
    bool next();
    //! The job in the current row, its request left empty and its text put in `request`:
    //! readRequest() completes the job.
    Job job(RequestText* request) const;

private:
    struct Statement;
    std::unique_ptr<Statement> m_statement;
    QString m_error;
};
//! Parses `text` into `job.request`. Touches nothing shared: safe on any thread.
void readRequest(Job& job, const RequestText& text);

//! Replaces the job's rows in `job_tags` (in its order) and `job_boards`. Part of the caller's
//! transaction; false with `error` when SQLite refused.
bool writeTags(QSqlDatabase& db, qint64 jobId, const QStringList& tags, QString* error);
bool writeBoards(QSqlDatabase& db, qint64 jobId, const QList<qint64>& boards, QString* error);
//! Reads every job's tags and boards into `jobs` (loaded by JobReader).
bool readMarks(QSqlDatabase& db, QMap<qint64, Job>& jobs, QString* error);

} // namespace pixverse::job_rows
