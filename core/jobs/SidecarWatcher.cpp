#include "core/jobs/SidecarWatcher.h"

#include "core/jobs/JobLibrary.h"
#include "core/jobs/JobStore.h"
#include "core/jobs/SidecarWriter.h"

#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QtConcurrent>

#include <algorithm>

namespace pixverse {

namespace {
//! Events of one save (an editor writes, renames, touches) are looked at together.
constexpr int kSettleMs = 100;
} // namespace

SidecarWatcher::SidecarWatcher(JobLibrary* library, QObject* parent)
    : QObject(parent)
    , m_library(library)
    , m_store(library->store()) {
    m_settle.setSingleShot(true);
    m_settle.setInterval(kSettleMs);
    connect(&m_settle, &QTimer::timeout, this, &SidecarWatcher::checkScheduled);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &SidecarWatcher::schedule);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString& path) {
        // A file replaced by a rename loses its watch: watch the new one.
        if (!m_watcher.files().contains(path) && QFileInfo::exists(path))
            m_watcher.addPath(path);
        schedule(QFileInfo(path).absolutePath());
    });
    if (!m_store) {
        m_ready = true;
        return;
    }
    connect(m_store, &JobStore::jobAdded, this, &SidecarWatcher::follow);
    connect(m_store, &JobStore::jobChanged, this, &SidecarWatcher::follow);
    connect(m_store, &JobStore::jobRemoved, this, &SidecarWatcher::unfollow);
    QList<qint64> ids;
    ids.reserve(m_store->jobCount());
    m_store->forEachJob([&ids](const Job& job) { ids << job.id; });
    // The newest jobs are the ones edited: their files get the watches there are.
    for (auto id = ids.crbegin(); id != ids.crend(); ++id)
        follow(*id);
    // What the files look like now, read on the thread pool: a change is measured from there.
    QHash<QString, Sidecar> known = m_sidecars;
    auto* baseline = new QFutureWatcher<QHash<QString, Sidecar>>(this);
    connect(baseline, &QFutureWatcher<QHash<QString, Sidecar>>::finished, this, [this, baseline] {
        baseline->deleteLater();
        const QHash<QString, Sidecar> seen = baseline->result();
        for (auto file = seen.cbegin(); file != seen.cend(); ++file) {
            const auto current = m_sidecars.find(file.key());
            if (current != m_sidecars.end() && !current->modified.isValid()) {
                current->modified = file->modified;
                current->size = file->size;
            }
        }
        m_ready = true;
        Q_EMIT becameReady();
    });
    baseline->setFuture(QtConcurrent::run([known]() mutable {
        for (auto file = known.begin(); file != known.end(); ++file) {
            const QFileInfo info(file.key());
            file->modified = info.lastModified();
            file->size = info.exists() ? info.size() : -1;
        }
        return known;
    }));
}

SidecarWatcher::~SidecarWatcher() = default;

void SidecarWatcher::follow(qint64 jobId) {
    const std::optional<Job> job = m_store ? m_store->job(jobId) : std::nullopt;
    const QString path = job ? job->sidecarPath : QString();
    if (m_pathOf.value(jobId) == path)
        return;
    unfollow(jobId);
    if (path.isEmpty())
        return;
    const QString folder = QFileInfo(path).absolutePath();
    m_pathOf.insert(jobId, path);
    m_sidecars.insert(path, {jobId, folder, {}, -1});
    if (m_folders[folder]++ == 0)
        m_watcher.addPath(folder);
    if (m_fileWatches < kFileWatches && QFileInfo::exists(path) && m_watcher.addPath(path))
        ++m_fileWatches;
}

void SidecarWatcher::unfollow(qint64 jobId) {
    const QString path = m_pathOf.take(jobId);
    if (path.isEmpty())
        return;
    m_sidecars.remove(path);
    if (m_watcher.removePath(path))
        --m_fileWatches;
    const QString folder = QFileInfo(path).absolutePath();
    if (--m_folders[folder] <= 0) {
        m_folders.remove(folder);
        m_watcher.removePath(folder);
    }
}

void SidecarWatcher::schedule(const QString& folder) {
    m_scheduled.insert(QFileInfo(folder).absoluteFilePath());
    m_settle.start();
}

void SidecarWatcher::checkScheduled() {
    QHash<QString, Sidecar> candidates;
    for (auto file = m_sidecars.cbegin(); file != m_sidecars.cend(); ++file) {
        if (m_scheduled.contains(file->folder))
            candidates.insert(file.key(), *file);
    }
    m_scheduled.clear();
    if (candidates.isEmpty())
        return;
    auto* watcher = new QFutureWatcher<QList<Changed>>(this);
    connect(watcher, &QFutureWatcher<QList<Changed>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        onChecked(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([candidates] {
        QList<Changed> changed;
        for (auto file = candidates.cbegin(); file != candidates.cend(); ++file) {
            const QFileInfo info(file.key());
            if (!info.exists() ||
                (info.lastModified() == file->modified && info.size() == file->size))
                continue;
            QFile sidecar(file.key());
            if (!sidecar.open(QIODevice::ReadOnly))
                continue;
            changed.append({file.key(), info.lastModified(), info.size(), sidecar.readAll()});
        }
        return changed;
    }));
}

void SidecarWatcher::onChecked(const QList<Changed>& changed) {
    for (const Changed& file : changed) {
        const auto known = m_sidecars.find(file.path);
        if (known == m_sidecars.end()) // the job left meanwhile
            continue;
        known->modified = file.modified;
        known->size = file.size;
        const qint64 jobId = known->jobId;
        if (SidecarWriter::instance().wroteThis(file.path, file.bytes)) {
            Q_EMIT sidecarChecked(jobId, false);
            continue;
        }
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(file.bytes, &error);
        if (!json.isObject()) {
            qCWarning(lcJobs).noquote()
                << "sidecar" << file.path << "ignored: it is no JSON object"
                << (error.error == QJsonParseError::NoError ? QString()
                                                            : QStringLiteral("(%1 at byte %2)")
                                                                  .arg(error.errorString())
                                                                  .arg(error.offset));
            const QString name = QFileInfo(file.path).fileName();
            Q_EMIT sidecarUnreadable(
                jobId, error.error == QJsonParseError::NoError
                           ? tr("“%1” was edited into something other than a JSON object: the "
                                "rating, tags and boards in it were not read, and the video "
                                "keeps its marks. Correct the file to apply the edit.")
                                 .arg(name)
                           : tr("“%1” is no longer valid JSON (%2 at position %3): the rating, "
                                "tags and boards in it were not read, and the video keeps its "
                                "marks. Correct the file to apply the edit.")
                                 .arg(name, error.errorString())
                                 .arg(error.offset));
            Q_EMIT sidecarChecked(jobId, false);
            continue;
        }
        Q_EMIT sidecarChecked(jobId, apply(jobId, json.object()));
    }
}

Job SidecarWatcher::marksRead(const QJsonObject& sidecar, const Job& job,
                              const QList<Board>& boards, QStringList* unknownBoards) {
    Job after = job;
    if (const QJsonValue rating = sidecar.value(QLatin1String("rating")); rating.isDouble())
        after.rating = std::clamp(rating.toInt(), 0, 5);
    if (const QJsonValue rejected = sidecar.value(QLatin1String("rejected")); rejected.isBool())
        after.rejected = rejected.toBool();
    if (const QJsonValue picked = sidecar.value(QLatin1String("picked")); picked.isBool())
        after.picked = picked.toBool();
    if (const QJsonValue tags = sidecar.value(QLatin1String("tags")); tags.isArray()) {
        QStringList words;
        for (const QJsonValue& tag : tags.toArray())
            words.append(tag.toString());
        after.tags = JobLibrary::normalizedTags(words);
    }
    if (const QJsonValue names = sidecar.value(QLatin1String("boards")); names.isArray()) {
        after.boards.clear();
        for (const QJsonValue& name : names.toArray()) {
            const auto board =
                std::find_if(boards.cbegin(), boards.cend(), [&name](const Board& b) {
                    return b.name.compare(name.toString().trimmed(), Qt::CaseInsensitive) == 0;
                });
            if (board == boards.cend()) {
                if (unknownBoards)
                    unknownBoards->append(name.toString());
            } else if (!after.boards.contains(board->id)) {
                after.boards.append(board->id);
            }
        }
        std::sort(after.boards.begin(), after.boards.end());
    }
    return after;
}

bool SidecarWatcher::apply(qint64 jobId, const QJsonObject& sidecar) {
    const std::optional<Job> before = m_store ? m_store->job(jobId) : std::nullopt;
    if (!before)
        return false;
    QStringList unknownBoards;
    const Job after = marksRead(sidecar, *before, m_store->boards(), &unknownBoards);
    for (const QString& name : unknownBoards)
        qCInfo(lcJobs).noquote() << "sidecar of job" << jobId << "names no board" << name
                                 << "- ignored";
    if (after.rating == before->rating && after.rejected == before->rejected &&
        after.picked == before->picked && after.tags == before->tags &&
        after.boards == before->boards)
        return false;
    qCInfo(lcJobs) << "job" << jobId << "marks read from its edited sidecar";
    // The store only: the sidecar already says it (no write back, no loop).
    if (!m_store->modify(jobId, [&after](Job& job) {
            job.rating = after.rating;
            job.rejected = after.rejected;
            job.picked = after.picked;
            job.tags = after.tags;
            job.boards = after.boards;
        }))
        return false;
    if (after.picked && !before->picked)
        m_library->pick(jobId); // the group's other takes lose their pick (their sidecars too)
    if (after.boards != before->boards)
        m_library->copyToBoardFolders(*m_store->job(jobId));
    return true;
}

} // namespace pixverse
