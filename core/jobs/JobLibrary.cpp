#include "core/jobs/JobLibrary.h"

#include "core/jobs/JobStore.h"
#include "core/jobs/JobTransitions.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

namespace pixverse {

namespace {

QString isoUtc(const QDateTime& time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

//! To the trash where there is one (a creator can change their mind); removed otherwise.
bool discard(const QString& path) {
    if (path.isEmpty() || !QFileInfo::exists(path))
        return true;
    if (QFile::moveToTrash(path) || QFile::remove(path))
        return true;
    qCWarning(lcJobs).noquote() << "cannot delete" << path;
    return false;
}

} // namespace

JobLibrary::JobLibrary(JobStore* store, QString libraryFolder)
    : m_store(store)
    , m_folder(std::move(libraryFolder)) {}

JobStore* JobLibrary::store() const {
    return m_store;
}

QString JobLibrary::fileNameFor(const Job& job) {
    const QDateTime created =
        (job.createdAt.isValid() ? job.createdAt : QDateTime::currentDateTimeUtc()).toLocalTime();
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    const QStringList words = job.request.prompt.toLower().split(separators, Qt::SkipEmptyParts);
    QString slug;
    for (const QString& word : words) {
        const QString next = slug.isEmpty() ? word : slug + u'-' + word;
        if (next.size() > 40) {
            if (slug.isEmpty())
                slug = word.left(40);
            break;
        }
        slug = next;
        if (slug.count(u'-') >= 5)
            break;
    }
    if (!slug.isEmpty() && slug.back().isHighSurrogate())
        slug.chop(1);
    if (slug.isEmpty())
        slug = QStringLiteral("video");
    const QString id =
        job.videoId != 0 ? QString::number(job.videoId) : QStringLiteral("job%1").arg(job.id);
    return created.toString(QStringLiteral("yyyy-MM-dd_HHmm")) + u'_' + slug + u'_' + id +
           QStringLiteral(".mp4");
}

QJsonObject JobLibrary::sidecarFor(const Job& job) {
    QJsonObject settings = job.request.toJson();
    settings.remove(QStringLiteral("prompt"));
    settings.remove(QStringLiteral("negativePrompt"));
    // Local paths of the app's own copies say nothing to whoever reads the file next to a video.
    settings.remove(QStringLiteral("images"));
    QJsonObject ids{{QStringLiteral("video_id"), QJsonValue(job.videoId)},
                    {QStringLiteral("trace_id"), job.traceId}};
    if (job.imageId != 0)
        ids.insert(QStringLiteral("image_id"), QJsonValue(job.imageId));
    QJsonObject sidecar{
        {QStringLiteral("generator"), QStringLiteral("PixVerse Studio " PIXVERSE_VERSION)},
        {QStringLiteral("video_file"), QFileInfo(job.videoPath).fileName()},
        {QStringLiteral("prompt"), job.request.prompt},
        {QStringLiteral("negative_prompt"), job.request.negativePrompt},
        {QStringLiteral("model"), job.request.model},
        {QStringLiteral("mode"), generationModeId(job.request.mode)},
        {QStringLiteral("audio"), job.request.audio},
        {QStringLiteral("has_audio"), job.hasAudio}, // what the service says the clip has
        {QStringLiteral("multi_clip"), job.request.multiClip},
        {QStringLiteral("duration"), job.request.duration},
        {QStringLiteral("settings"), settings},
        {QStringLiteral("backend"), apiFamilyId(job.family)},
        {QStringLiteral("account"), job.account},
        {QStringLiteral("pixverse"), ids},
        {QStringLiteral("width"), job.videoWidth},
        {QStringLiteral("height"), job.videoHeight},
        {QStringLiteral("created_at"), isoUtc(job.createdAt)},
        {QStringLiteral("saved_at"), isoUtc(QDateTime::currentDateTimeUtc())},
    };
    if (job.seed)
        sidecar.insert(QStringLiteral("seed"), QJsonValue(*job.seed));
    if (job.credits)
        sidecar.insert(QStringLiteral("credits"), *job.credits);
    if (job.isImageToVideo())
        sidecar.insert(QStringLiteral("source_image"), job.sourceImagePath);
    if (job.imported) // made outside the app, read from the account
        sidecar.insert(QStringLiteral("imported"), true);
    return sidecar;
}

QString JobLibrary::targetPathFor(const Job& job) const {
    return QDir(m_folder).filePath(fileNameFor(job));
}

bool JobLibrary::writeSidecar(Job& job) {
    const QFileInfo video(job.videoPath);
    const QString path = video.dir().filePath(video.completeBaseName() + QStringLiteral(".json"));
    QSaveFile file(path);
    const QByteArray bytes = QJsonDocument(sidecarFor(job)).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        qCWarning(lcJobs).noquote()
            << "job" << job.id << "sidecar not written:" << file.errorString();
        return false;
    }
    job.sidecarPath = path;
    return true;
}

bool JobLibrary::hasVideoFile(const Job& job) {
    return job.state == JobState::Done && !job.videoPath.isEmpty() &&
           QFileInfo::exists(job.videoPath);
}

QString JobLibrary::folderOf(const Job& job) {
    return job.videoPath.isEmpty() ? QString() : QFileInfo(job.videoPath).absolutePath();
}

GenerationRequest JobLibrary::reusableRequest(const Job& job) {
    GenerationRequest request = job.request;
    if (request.isImageToVideo() && !QFileInfo::exists(request.startImagePath()) &&
        QFileInfo::exists(job.sourceImagePath))
        request.setStartImage(job.sourceImagePath);
    return request;
}

// Said by the gallery first; the translations stay under its name.
QString JobLibrary::copyVideo(const QString& source, const QString& target) {
    // Onto itself: nothing to do. (Two missing files have the same empty canonical path.)
    const QString canonical = QFileInfo(source).canonicalFilePath();
    if (!canonical.isEmpty() && canonical == QFileInfo(target).canonicalFilePath())
        return {};
    if (QFileInfo::exists(target) && !QFile::remove(target))
        return QCoreApplication::translate("pixverse::JobsPane", "Cannot replace “%1”.")
            .arg(QDir::toNativeSeparators(target));
    QFile file(source);
    if (!file.copy(target))
        return QCoreApplication::translate("pixverse::JobsPane", "Cannot save a copy to “%1”: %2")
            .arg(QDir::toNativeSeparators(target), file.errorString());
    return {};
}

bool JobLibrary::setThumbnail(qint64 jobId, const QString& path) {
    return m_store && m_store->modify(jobId, [&path](Job& job) { job.thumbnailPath = path; });
}

void JobLibrary::setFavourite(const QList<qint64>& jobIds, bool favourite) {
    if (!m_store)
        return;
    for (const qint64 id : jobIds)
        m_store->modify(id, [favourite](Job& job) { job.favourite = favourite; });
}

bool JobLibrary::remove(const Job& job, bool deleteFiles) {
    bool ok = true;
    if (deleteFiles) {
        ok = discard(job.videoPath) && ok;
        ok = discard(job.sidecarPath) && ok;
        if (!job.thumbnailPath.isEmpty())
            QFile::remove(job.thumbnailPath); // ours, made again on demand: no trash
    }
    if (m_store)
        m_store->remove(job.id);
    return ok;
}

bool JobLibrary::prepareRedownload(Job& job) const {
    if (!jobAllowedActions(job).has(JobAction::Redownload) &&
        !jobAllowedActions(job).has(JobAction::Download))
        return false;
    job.state = *jobNextState(job.state, JobEvent::RedownloadAsked);
    job.errorMessage.clear();
    job.errorCode = 0;
    job.videoUrl.clear(); // URLs expire: ask for a fresh one
    if (job.videoPath.isEmpty())
        job.videoPath = targetPathFor(job);
    return true;
}

} // namespace pixverse
