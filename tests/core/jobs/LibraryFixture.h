#pragma once

// A real SQLite store in a temporary folder, a library folder beside it and finished jobs with
// real files (a video's bytes and the sidecar the save step writes): what the tests of the
// creator's marks, the board folders, the cleanups and the SidecarWatcher share.
#include "core/jobs/JobLibrary.h"
#include "core/jobs/JobStore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThreadPool>

#include <memory>

namespace pixverse::test {

class LibraryFixture {
public:
    LibraryFixture() {
        store = std::make_unique<JobStore>();
        if (!store->open(dir.filePath(QStringLiteral("data"))))
            return;
        QDir().mkpath(folder());
        library = std::make_unique<JobLibrary>(store.get(), folder());
    }
    ~LibraryFixture() {
        QThreadPool::globalInstance()->waitForDone(); // no write lands in a removed folder
        library.reset();
        store.reset();
    }
    bool ok() const { return dir.isValid() && store->isOpen() && library; }
    QString folder() const { return dir.filePath(QStringLiteral("library")); }

    //! A finished job whose video and sidecar are in the library (as DownloadQueue leaves it).
    Job addDone(const QString& prompt, qint64 videoId) {
        Job job;
        job.request.prompt = prompt;
        job.createdAt = QDateTime::currentDateTimeUtc();
        job.videoId = videoId;
        job.state = JobState::Done;
        Result<Job> added = store->add(job);
        return added.ok() ? finish(*added.value) : Job();
    }
    //! `count` takes of one click, each finished as addDone() leaves it.
    QList<Job> addTakes(const QString& prompt, int count, qint64 firstVideoId) {
        QList<Job> jobs;
        for (int i = 0; i < count; ++i) {
            Job take;
            take.request.prompt = prompt;
            take.createdAt = QDateTime::currentDateTimeUtc();
            take.videoId = firstVideoId + i;
            take.state = JobState::Done;
            jobs.append(take);
        }
        Result<QList<Job>> added = store->addGroup(jobs);
        QList<Job> done;
        for (const Job& take : added.ok() ? *added.value : QList<Job>())
            done.append(finish(take));
        return done;
    }
    Job finish(Job job) {
        job.videoPath = library->targetPathFor(job);
        QFile video(job.videoPath);
        if (!video.open(QIODevice::WriteOnly) || video.write(videoBytes(job)) <= 0)
            return {};
        video.close();
        library->saveSidecar(job);
        store->update(job);
        return job;
    }
    //! Distinct bytes per job, so a copy can be told from another job's file.
    static QByteArray videoBytes(const Job& job) {
        return QByteArrayLiteral("....ftypisom video of job ") + QByteArray::number(job.id);
    }
    static QJsonObject readJson(const QString& path) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object();
    }
    static QByteArray readBytes(const QString& path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    static bool writeBytes(const QString& path, const QByteArray& bytes) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }

    QTemporaryDir dir;
    std::unique_ptr<JobStore> store;
    std::unique_ptr<JobLibrary> library;
};

} // namespace pixverse::test
