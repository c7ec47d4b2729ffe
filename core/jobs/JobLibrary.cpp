#include "core/jobs/JobLibrary.h"

#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobLibraryFiles.h"
#include "core/jobs/JobStore.h"
#include "core/jobs/JobTransitions.h"
#include "core/jobs/SidecarWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace pixverse {

namespace {

QString isoUtc(const QDateTime& time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

//! To the trash where there is one (a creator can change their mind); removed otherwise.
bool discard(const QString& path) {
    if (path.isEmpty() || !QFileInfo::exists(path))
        return true;
    if ((homeTrashReady() && QFile::moveToTrash(path)) || QFile::remove(path))
        return true;
    qCWarning(lcJobs).noquote() << "cannot delete" << path;
    return false;
}

} // namespace

bool writeSidecarJson(Job& job, const QJsonObject& json) {
    const QString path = SidecarWriter::pathFor(job.videoPath);
    if (const QString error = SidecarWriter::instance().write(path, json); !error.isEmpty()) {
        qCWarning(lcJobs).noquote() << "job" << job.id << "sidecar not written:" << error;
        return false;
    }
    job.sidecarPath = path;
    return true;
}

QJsonObject marksJson(const Job& job, const std::optional<QStringList>& boardNames, int takes) {
    QJsonObject marks{{QStringLiteral("rating"), job.rating},
                      {QStringLiteral("rejected"), job.rejected},
                      {QStringLiteral("picked"), job.picked},
                      {QStringLiteral("tags"), QJsonArray::fromStringList(job.tags)}};
    if (boardNames)
        marks.insert(QStringLiteral("boards"), QJsonArray::fromStringList(*boardNames));
    if (job.groupId != 0) {
        QJsonObject group{{QStringLiteral("id"), QJsonValue(job.groupId)},
                          {QStringLiteral("take"), job.takeIndex}};
        if (takes > 0)
            group.insert(QStringLiteral("takes"), takes);
        marks.insert(QStringLiteral("group"), group);
    }
    return marks;
}

JobLibrary::JobLibrary(JobStore* store, QString libraryFolder)
    : m_store(store)
    , m_folder(std::move(libraryFolder))
    , m_catalog(&ModelCatalog::builtIn()) {}

JobStore* JobLibrary::store() const {
    return m_store;
}

void JobLibrary::setCatalog(const ModelCatalog* catalog) {
    m_catalog = catalog ? catalog : &ModelCatalog::builtIn();
}

std::optional<Job> JobLibrary::parentOf(const Job& job) const {
    if (!m_store || job.request.parentJobId == 0)
        return std::nullopt;
    return m_store->job(job.request.parentJobId);
}

QString JobLibrary::modelFor(const Job& take, GenerationMode mode) const {
    // Upscale, sound and lip sync take no model: the take's stays (nothing sends it).
    if (!ModelCatalog::modeTakesModel(mode))
        return take.request.model;
    if (const ModelSpec* spec = m_catalog->model(take.request.model);
        spec && spec->offeredFor(take.family) && spec->takesMode(mode, take.family))
        return spec->id;
    const QString fallback = m_catalog->defaultModel(take.family, mode);
    // None takes it in this family: validation says so in the table's words.
    return fallback.isEmpty() ? take.request.model : fallback;
}

GenerationRequest JobLibrary::continuation(const Job& take, GenerationMode mode) const {
    GenerationRequest request;
    request.mode = mode;
    request.model = modelFor(take, mode);
    request.quality = take.request.quality;
    request.aspectRatio = take.request.aspectRatio;
    request.duration = take.request.duration;
    if (mode == GenerationMode::Extend) { // the creator edits how the shot goes on
        request.prompt = take.request.prompt;
        request.negativePrompt = take.request.negativePrompt;
    }
    request.parentJobId = take.id;
    request.sourceVideoId = take.videoId;
    request.sourceSeconds = take.videoSeconds > 0 ? take.videoSeconds : take.request.duration;
    request.sourceWidth = take.videoWidth;
    request.sourceHeight = take.videoHeight;
    return request;
}

GenerationRequest JobLibrary::frameRequest(const Job& take, const QString& pngPath,
                                           RequestImage::Role role) const {
    GenerationRequest request;
    request.mode = role == RequestImage::Role::Start ? GenerationMode::ImageToVideo
                                                     : GenerationMode::Transition;
    request.model = modelFor(take, request.mode);
    request.quality = take.request.quality;
    request.aspectRatio = take.request.aspectRatio;
    request.duration = take.request.duration;
    request.prompt = take.request.prompt;
    request.negativePrompt = take.request.negativePrompt;
    request.images = {RequestImage{role, pngPath, {}}};
    request.parentJobId = take.id;
    return request;
}

QString JobLibrary::fileNameFor(const Job& job) {
    const QDateTime created =
        (job.createdAt.isValid() ? job.createdAt : QDateTime::currentDateTimeUtc()).toLocalTime();
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    // A lip sync is named after what is spoken; a job without words, after what it made.
    // An effect whose prompt is the template's, after the template.
    const QString text = job.request.mode == GenerationMode::LipSync && job.request.prompt.isEmpty()
                             ? job.request.speechText
                         : usesTemplatePrompt(job.request) ? job.request.templateName
                                                           : job.request.prompt;
    const QStringList words = text.toLower().split(separators, Qt::SkipEmptyParts);
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
    if (slug.isEmpty()) {
        switch (job.request.mode) {
        case GenerationMode::Upscale:
            slug = QStringLiteral("upscale");
            break;
        case GenerationMode::SoundEffect:
            slug = QStringLiteral("sound");
            break;
        case GenerationMode::LipSync:
            slug = QStringLiteral("lip-sync");
            break;
        default:
            slug = QStringLiteral("video");
        }
    }
    const QString id =
        job.videoId != 0 ? QString::number(job.videoId) : QStringLiteral("job%1").arg(job.id);
    return created.toString(QStringLiteral("yyyy-MM-dd_HHmm")) + u'_' + slug + u'_' + id +
           QStringLiteral(".mp4");
}

namespace {

//! What a sidecar says about the inputs of the modes of issue 16; empty for the others.
QJsonObject modeDetails(const GenerationRequest& request) {
    QJsonObject details;
    const bool fromVideo =
        request.mode == GenerationMode::Extend || request.mode == GenerationMode::Upscale ||
        request.mode == GenerationMode::SoundEffect || request.mode == GenerationMode::LipSync;
    if (fromVideo) {
        if (request.sourceVideoId > 0)
            details.insert(QStringLiteral("source_video_id"), QJsonValue(request.sourceVideoId));
        else if (!request.sourceVideoPath.isEmpty()) // the store keeps the original's name
            details.insert(QStringLiteral("source_video_file"),
                           QFileInfo(request.sourceVideoPath).fileName());
        if (request.sourceSeconds > 0)
            details.insert(QStringLiteral("source_seconds"), request.sourceSeconds);
    }
    if (request.mode == GenerationMode::SoundEffect) {
        details.insert(QStringLiteral("sound_prompt"), request.prompt);
        details.insert(QStringLiteral("keep_original_sound"), request.keepOriginalSound);
    }
    if (request.mode == GenerationMode::LipSync) {
        if (!request.audioPath.isEmpty()) {
            details.insert(QStringLiteral("audio_file"), QFileInfo(request.audioPath).fileName());
        } else {
            details.insert(QStringLiteral("speaker_id"), request.speakerId);
            details.insert(QStringLiteral("speech_text"), request.speechText);
        }
    }
    if (request.mode == GenerationMode::Effect) {
        details.insert(QStringLiteral("template_id"), QJsonValue(request.templateId));
        details.insert(QStringLiteral("template_name"), request.templateName);
    }
    if (request.mode == GenerationMode::Fusion) {
        QJsonArray references;
        for (const RequestImage& reference : request.references())
            references.append(
                QJsonObject{{QStringLiteral("type"), RequestImage::roleId(reference.role)},
                            {QStringLiteral("name"), reference.name}});
        details.insert(QStringLiteral("references"), references);
    }
    if (request.mode == GenerationMode::Transition) {
        details.insert(QStringLiteral("first_frame"),
                       QFileInfo(request.imagePath(RequestImage::Role::FirstFrame)).fileName());
        details.insert(QStringLiteral("last_frame"),
                       QFileInfo(request.imagePath(RequestImage::Role::LastFrame)).fileName());
    }
    return details;
}

} // namespace

QJsonObject JobLibrary::sidecarFor(const Job& job, const std::optional<Job>& parent) {
    QJsonObject settings = job.request.toJson();
    settings.remove(QStringLiteral("prompt"));
    settings.remove(QStringLiteral("negativePrompt"));
    // Local paths of the app's own copies say nothing to whoever reads the file next to a video.
    settings.remove(QStringLiteral("images"));
    settings.remove(QStringLiteral("sourceVideoPath"));
    settings.remove(QStringLiteral("audioPath"));
    QJsonObject ids{{QStringLiteral("video_id"), QJsonValue(job.videoId)},
                    {QStringLiteral("trace_id"), job.traceId}};
    if (job.uploads.start && job.uploads.start->imageId != 0)
        ids.insert(QStringLiteral("image_id"), QJsonValue(job.uploads.start->imageId));
    // An effect's images and fusion's references, in the order they were sent.
    QJsonArray imageIds;
    for (const UploadedImage& image : job.uploads.starts + job.uploads.references)
        imageIds.append(QJsonValue(image.imageId));
    if (!imageIds.isEmpty())
        ids.insert(QStringLiteral("image_ids"), imageIds);
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
    if (job.videoSeconds > 0)
        sidecar.insert(QStringLiteral("seconds"), job.videoSeconds);
    if (const QJsonObject details = modeDetails(job.request); !details.isEmpty())
        sidecar.insert(QStringLiteral("mode_details"), details);
    // Board names and the group's size are the store's: marksFor() adds them.
    const QJsonObject marks =
        marksJson(job, job.boards.isEmpty() ? std::optional(QStringList()) : std::nullopt, 0);
    for (auto mark = marks.begin(); mark != marks.end(); ++mark)
        sidecar.insert(mark.key(), mark.value());
    if (job.request.parentJobId != 0) {
        // A parent removed from the list since is still named by its id.
        QJsonObject from{{QStringLiteral("job_id"), QJsonValue(job.request.parentJobId)}};
        if (parent && parent->id == job.request.parentJobId) {
            if (parent->videoId != 0)
                from.insert(QStringLiteral("video_id"), QJsonValue(parent->videoId));
            if (!parent->videoPath.isEmpty())
                from.insert(QStringLiteral("file"), QFileInfo(parent->videoPath).fileName());
        }
        sidecar.insert(QStringLiteral("parent"), from);
    }
    return sidecar;
}

QString JobLibrary::targetPathFor(const Job& job) const {
    return QDir(m_folder).filePath(fileNameFor(job));
}

bool JobLibrary::writeSidecar(Job& job, const std::optional<Job>& parent) {
    return writeSidecarJson(job, sidecarFor(job, parent));
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
