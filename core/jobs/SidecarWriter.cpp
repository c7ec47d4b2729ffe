#include "core/jobs/SidecarWriter.h"

#include "core/jobs/Job.h"
#include "core/jobs/OnThreadPool.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QList>
#include <QSaveFile>
#include <QtConcurrent>

#include <atomic>

namespace pixverse {

namespace {
//! How many of its own recent versions of a file the writer recognises: a write can land
//! while the watcher still reads an older one.
constexpr int kRememberedWrites = 8;

QByteArray hashOf(const QByteArray& bytes) {
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha1);
}
} // namespace

struct SidecarWriter::File {
    std::mutex writing;              //!< held while the file is written
    std::atomic<quint64> latest = 0; //!< the newest write asked for
    mutable std::mutex recentMutex;  //!< guards `recent`
    QList<QByteArray> recent;        //!< hashes of the latest versions written, newest last
};

SidecarWriter& SidecarWriter::instance() {
    static SidecarWriter writer;
    return writer;
}

QString SidecarWriter::pathFor(const QString& videoPath) {
    const QFileInfo video(videoPath);
    return video.dir().filePath(video.completeBaseName() + QStringLiteral(".json"));
}

QByteArray SidecarWriter::bytesOf(const QJsonObject& json) {
    return QJsonDocument(json).toJson(QJsonDocument::Indented);
}

std::shared_ptr<SidecarWriter::File> SidecarWriter::file(const QString& path) {
    const std::lock_guard lock(m_mutex);
    std::shared_ptr<File>& file = m_files[path];
    if (!file)
        file = std::make_shared<File>();
    return file;
}

bool SidecarWriter::wroteThis(const QString& path, const QByteArray& bytes) const {
    std::shared_ptr<File> file;
    {
        const std::lock_guard lock(m_mutex);
        file = m_files.value(path);
    }
    if (!file)
        return false;
    const std::lock_guard lock(file->recentMutex);
    return file->recent.contains(hashOf(bytes));
}

QString SidecarWriter::commit(File& file, const QString& path, const QByteArray& bytes) {
    {
        // Recorded before the file changes: the watcher may read it the moment it is renamed.
        const std::lock_guard lock(file.recentMutex);
        file.recent.append(hashOf(bytes));
        while (file.recent.size() > kRememberedWrites)
            file.recent.removeFirst();
    }
    QSaveFile save(path);
    if (!save.open(QIODevice::WriteOnly) || save.write(bytes) != bytes.size() || !save.commit())
        return save.errorString();
    return {};
}

QString SidecarWriter::write(const QString& path, const QJsonObject& json) {
    const std::shared_ptr<File> target = file(path);
    ++target->latest;
    const std::lock_guard lock(target->writing);
    return commit(*target, path, bytesOf(json));
}

QJsonObject SidecarWriter::merged(const QByteArray& current, const QJsonObject& marks,
                                  const QJsonObject& whole) {
    QJsonObject json = QJsonDocument::fromJson(current).object();
    if (json.isEmpty())
        return whole;
    for (auto mark = marks.begin(); mark != marks.end(); ++mark)
        json.insert(mark.key(), mark.value());
    if (!marks.contains(QLatin1String("group")))
        json.remove(QLatin1String("group"));
    return json;
}

QFuture<bool> SidecarWriter::updateAsync(const QString& path, const QJsonObject& marks,
                                         const QJsonObject& whole) {
    const std::shared_ptr<File> target = file(path);
    const quint64 version = ++target->latest;
    return QtConcurrent::run(Crossing([target, version, path, marks, whole] {
        const std::lock_guard lock(target->writing);
        if (target->latest.load() != version)
            return true; // a newer write of this file follows with every mark
        QByteArray current;
        if (QFile file(path); file.open(QIODevice::ReadOnly))
            current = file.readAll();
        const QJsonObject json = merged(current, marks, whole);
        const QString video =
            QFileInfo(path).dir().filePath(json.value(QLatin1String("video_file")).toString());
        if (!QFileInfo::exists(video)) // removed meanwhile: no sidecar without its video
            return false;
        if (const QString error = commit(*target, path, bytesOf(json)); !error.isEmpty()) {
            qCWarning(lcJobs).noquote() << "sidecar" << path << "not written:" << error;
            return false;
        }
        return true;
    }));
}

} // namespace pixverse
