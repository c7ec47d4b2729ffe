#pragma once

// Many jobs at once, written straight into a store's SQLite file in one transaction: what the
// 10,000-job scale tests of the model and the gallery start from (JobStore::add commits one row
// at a time, as the app must, which is too slow to fill a big store in a test).
#include "core/jobs/Job.h"
#include "core/jobs/JobRows.h"
#include "core/jobs/JobStore.h"

#include <QDir>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <functional>

namespace pixverse::test {

//! Adds `count` jobs to the store file in `dataDir` (created with JobStore first; no JobStore may
//! have it open). `fill(i, job)` describes job i (its library fields too; the store's triggers
//! index its prompt). False with `error` when SQLite refuses.
inline bool insertJobs(const QString& dataDir, int count,
                       const std::function<void(int, Job&)>& fill, QString* error = nullptr) {
    {
        JobStore schema; // creates or migrates the file
        if (!schema.open(dataDir)) {
            if (error)
                *error = schema.errorString();
            return false;
        }
    }
    const QString name = QStringLiteral("bulk-jobs");
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QDir(dataDir).filePath(JobStore::databaseFileName()));
        ok = db.open() && db.transaction();
        QSqlQuery query(db);
        ok = ok &&
             query.prepare(QStringLiteral(
                 "INSERT INTO jobs (created_at, updated_at, family, account, request, image_path, "
                 "state, credits,"
                 " error_message, video_id, video_width, video_height, video_path, thumbnail_path, "
                 "favourite,"
                 " generating_since, group_id, take_index, rating, rejected, picked)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        const auto time = [](const QDateTime& t) {
            return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
        };
        const auto text = [](const QString& s) { return s.isEmpty() ? QVariant() : QVariant(s); };
        for (int i = 0; ok && i < count; ++i) {
            Job job;
            job.createdAt = QDateTime::currentDateTimeUtc();
            fill(i, job);
            query.addBindValue(time(job.createdAt));
            query.addBindValue(time(job.updatedAt.isValid() ? job.updatedAt : job.createdAt));
            query.addBindValue(apiFamilyId(job.family));
            query.addBindValue(job.account.isNull() ? QStringLiteral("") : job.account);
            query.addBindValue(QString::fromUtf8(
                QJsonDocument(job.request.toJson()).toJson(QJsonDocument::Compact)));
            query.addBindValue(text(job.request.startImagePath()));
            query.addBindValue(jobStateId(job.state));
            query.addBindValue(job.credits ? QVariant(*job.credits) : QVariant());
            query.addBindValue(text(job.errorMessage));
            query.addBindValue(job.videoId != 0 ? QVariant(job.videoId) : QVariant());
            query.addBindValue(job.videoWidth > 0 ? QVariant(job.videoWidth) : QVariant());
            query.addBindValue(job.videoHeight > 0 ? QVariant(job.videoHeight) : QVariant());
            query.addBindValue(text(job.videoPath));
            query.addBindValue(text(job.thumbnailPath));
            query.addBindValue(job.favourite ? 1 : 0);
            query.addBindValue(time(job.generatingSince));
            query.addBindValue(job.groupId);
            query.addBindValue(job.takeIndex);
            query.addBindValue(job.rating);
            query.addBindValue(job.rejected ? 1 : 0);
            query.addBindValue(job.picked ? 1 : 0);
            ok = query.exec();
            // Tags and boards (ids of boards the store already has) as the store writes them.
            QString marksError;
            const qint64 id = query.lastInsertId().toLongLong();
            if (ok && !job.tags.isEmpty())
                ok = job_rows::writeTags(db, id, job.tags, &marksError);
            if (ok && !job.boards.isEmpty())
                ok = job_rows::writeBoards(db, id, job.boards, &marksError);
            if (!ok && error && !marksError.isEmpty())
                *error = marksError;
        }
        if (ok)
            ok = db.commit();
        if (!ok && error && error->isEmpty())
            *error = query.lastError().text() + u' ' + db.lastError().text();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

//! A store file of an older `version` in `dataDir`, made with that release's steps (the steps that
//! shipped never change), holding no job yet. False with `error` when SQLite refuses.
inline bool createSchema(const QString& dataDir, int version, QString* error = nullptr) {
    QDir().mkpath(dataDir);
    const QString name = QStringLiteral("old-schema");
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QDir(dataDir).filePath(JobStore::databaseFileName()));
        ok = db.open();
        QSqlQuery query(db);
        ok = ok && query.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        for (int step = 0; ok && step < version; ++step) {
            for (const QString& statement : job_rows::migrations().at(step))
                ok = ok && query.exec(statement);
        }
        ok = ok && query.exec(QStringLiteral("PRAGMA user_version=%1").arg(version));
        if (!ok && error)
            *error = query.lastError().text() + u' ' + db.lastError().text();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace pixverse::test
