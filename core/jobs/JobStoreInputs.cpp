// How JobStore keeps the creator's files (images, source videos, audio) as copies of its own, so
// that moving or editing an original never breaks a retry.
#include "core/generation/PreparedImage.h"
#include "core/jobs/JobStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace pixverse {

Result<QString> JobStore::copyImage(const QString& sourcePath) const {
    // Checked, converted if needed, hashed and kept in one read; a bad image stops here, before
    // the job exists and before any request.
    const Result<PreparedImage> image = PreparedImage::intoStore(sourcePath, imagesDir());
    if (!image.ok())
        return Result<QString>::failure(image.error);
    return Result<QString>::success(image.value->path);
}

bool JobStore::isStoreCopy(const QString& path) const {
    if (path.isEmpty())
        return false;
    const QString folder = QFileInfo(path).absolutePath();
    return folder == QFileInfo(imagesDir()).absoluteFilePath() ||
           QFileInfo(folder).absolutePath() == QFileInfo(mediaDir()).absoluteFilePath();
}

Result<QString> JobStore::copyMedia(const QString& sourcePath) const {
    QFile source(sourcePath);
    if (!source.open(QIODevice::ReadOnly))
        return Result<QString>::failure(
            ApiError::input(tr("Cannot read “%1”: %2")
                                .arg(QDir::toNativeSeparators(sourcePath), source.errorString())));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&source))
        return Result<QString>::failure(
            ApiError::input(tr("Cannot read “%1”: %2")
                                .arg(QDir::toNativeSeparators(sourcePath), source.errorString())));
    source.close();
    const QDir folder(QDir(mediaDir()).filePath(QString::fromLatin1(hash.result().toHex())));
    const QString target = folder.filePath(QFileInfo(sourcePath).fileName());
    if (QFileInfo(target).isFile() && QFileInfo(target).size() == QFileInfo(sourcePath).size())
        return Result<QString>::success(target);
    // Copied under a temporary name and renamed: a crash never leaves half a file under the name.
    const QString partial = target + QStringLiteral(".part");
    QFile::remove(partial);
    if (!QDir().mkpath(folder.path()) || !QFile::copy(sourcePath, partial) ||
        !(QFile::remove(target) || !QFileInfo::exists(target)) || !QFile::rename(partial, target)) {
        QFile::remove(partial);
        return Result<QString>::failure(
            ApiError::input(tr("Cannot keep a copy of “%1” in “%2”.")
                                .arg(QDir::toNativeSeparators(sourcePath),
                                     QDir::toNativeSeparators(folder.path()))));
    }
    return Result<QString>::success(target);
}

Result<GenerationRequest> JobStore::copyInputs(GenerationRequest request) const {
    QHash<QString, QString> copies;
    return copyInputs(std::move(request), copies);
}

Result<QList<GenerationRequest>> JobStore::copyInputs(QList<GenerationRequest> requests) const {
    QHash<QString, QString> copies; // a batch often shares a file: it is read once
    for (GenerationRequest& request : requests) {
        Result<GenerationRequest> copy = copyInputs(std::move(request), copies);
        if (!copy.ok())
            return Result<QList<GenerationRequest>>::failure(copy.error);
        request = *copy.value;
    }
    return Result<QList<GenerationRequest>>::success(requests);
}

Result<GenerationRequest> JobStore::copyInputs(GenerationRequest request,
                                               QHash<QString, QString>& copies) const {
    for (const JobInput& input : jobInputs(request)) {
        const QString path = inputPath(request, input);
        if (isStoreCopy(path))
            continue;
        QString copy = copies.value(path);
        if (copy.isEmpty()) {
            const bool media = input.role == InputRole::Video || input.role == InputRole::Audio;
            const Result<QString> made = media ? copyMedia(path) : copyImage(path);
            if (!made.ok())
                return Result<GenerationRequest>::failure(made.error);
            copy = *made.value;
            copies.insert(path, copy);
        }
        if (input.role == InputRole::Video) {
            request.sourceVideoPath = copy;
        } else if (input.role == InputRole::Audio) {
            request.audioPath = copy;
        } else {
            // Only the path changes: a reference keeps its role and name.
            for (RequestImage& image : request.images) {
                if (image.path == path)
                    image.path = copy;
            }
        }
    }
    return Result<GenerationRequest>::success(request);
}

Result<Job> JobStore::prepareNew(Job job, QHash<QString, QString>& copies) const {
    // Inputs already copied into the store (JobEngine::enqueueAsync copies off the GUI thread)
    // are not read again.
    const QString startImage = inputPath(job.request, InputRole::Start);
    const Result<GenerationRequest> kept = copyInputs(job.request, copies);
    if (!kept.ok())
        return Result<Job>::failure(kept.error);
    if (!startImage.isEmpty() && !isStoreCopy(startImage) && job.sourceImagePath.isEmpty())
        job.sourceImagePath = QFileInfo(startImage).absoluteFilePath();
    job.request = *kept.value;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!job.createdAt.isValid())
        job.createdAt = now;
    job.updatedAt = now;
    cleanMarks(job);
    return Result<Job>::success(job);
}

} // namespace pixverse
