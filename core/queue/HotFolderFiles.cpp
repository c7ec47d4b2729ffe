#include "core/queue/HotFolderFiles.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace pixverse::hotfolder {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pixverse::HotFolder", text);
}

bool isImageSuffix(const QString& suffix) {
    return suffix == u"png" || suffix == u"jpg" || suffix == u"jpeg" || suffix == u"webp";
}

//! "cat.png" → "cat (2).png" (n = 2, 3, …): the name of the n-th file of that name.
QString numberedName(const QString& fileName, int n) {
    const QFileInfo info(fileName);
    const QString suffix = info.suffix();
    return suffix.isEmpty()
               ? QStringLiteral("%1 (%2)").arg(fileName).arg(n)
               : QStringLiteral("%1 (%2).%3").arg(info.completeBaseName()).arg(n).arg(suffix);
}

//! The image's entry: readImageFolder over a folder holding only a copy of it (the batch rules
//! and checks for an image, in one place), its request then pointed back at the original.
BatchContents readImage(const QString& path, const QJsonObject& defaults,
                        const ModelCatalog& catalog, ApiFamily family) {
    BatchContents contents;
    QTemporaryDir staging;
    const QString copy = QDir(staging.path()).filePath(QFileInfo(path).fileName());
    if (!staging.isValid() || !QFile::copy(path, copy)) {
        contents.error =
            tr("“%1” could not be copied for reading.").arg(QFileInfo(path).fileName());
        return contents;
    }
    contents = readImageFolder(staging.path(), defaults, catalog, family);
    for (BatchEntry& entry : contents.entries) {
        for (RequestImage& image : entry.request.images)
            if (QFileInfo(image.path).absoluteFilePath() == QFileInfo(copy).absoluteFilePath())
                image.path = path;
    }
    return contents;
}

} // namespace

bool isCandidateName(const QString& fileName) {
    if (fileName.startsWith(u'.'))
        return false;
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    return isImageSuffix(suffix) || suffix == u"txt" || suffix == u"jsonl";
}

QList<FileFacts> listCandidates(const QString& folder) {
    QList<FileFacts> out;
    // System: broken links (and links in a loop) are listed too, to be refused.
    const QFileInfoList entries =
        QDir(folder).entryInfoList(QDir::Files | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo& entry : entries) {
        if (!isCandidateName(entry.fileName()))
            continue;
        FileFacts facts;
        facts.path = entry.absoluteFilePath();
        facts.size = entry.size();
        facts.modified = entry.lastModified();
        // Only a regular file is opened: a FIFO would block the reader.
        facts.regular = entry.isFile();
        if (facts.regular) {
            QFile file(facts.path);
            facts.openable = file.open(QIODevice::ReadOnly);
        }
        out << facts;
    }
    return out;
}

QString fingerprintOf(const QString& path, QString* error) {
    const QFileInfo info(path);
    // Listed but not there when followed: a link that is broken or in a loop.
    if (!info.exists()) {
        *error = tr("It is a link that leads nowhere or to itself.");
        return {};
    }
    if (!info.isFile()) {
        *error = tr("It is not a regular file.");
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("It cannot be read: %1.").arg(file.errorString());
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) {
        *error = tr("It cannot be read: %1.").arg(file.errorString());
        return {};
    }
    return QString::fromLatin1(hash.result().toHex());
}

FileRead readFile(const QString& path, const QJsonObject& defaults, const ModelCatalog& catalog,
                  ApiFamily family, const std::function<void(const QString&)>& whileReading) {
    FileRead read;
    read.path = path;
    const QFileInfo info(path);
    read.size = info.size();
    read.modified = info.lastModified();
    read.fingerprint = fingerprintOf(path, &read.refusal);
    if (read.fingerprint.isEmpty())
        return read;
    if (whileReading)
        whileReading(path);
    const bool image = isImageSuffix(QFileInfo(path).suffix().toLower());
    read.contents = image ? readImage(path, defaults, catalog, family)
                          : readBatchFile(path, defaults, catalog, family);
    // Written to while it was hashed and read: the fingerprint and the lines may not match
    // each other nor the file that would be moved to done/ (its new lines never sent).
    const QFileInfo after(path);
    if (after.size() != read.size || after.lastModified() != read.modified) {
        read.changedWhileRead = true;
        read.contents = {};
        return read;
    }
    if (!read.contents.error.isEmpty()) {
        read.refusal = read.contents.error;
    } else if (read.contents.acceptedCount() == 0) {
        QStringList reasons;
        for (const BatchEntry& entry : std::as_const(read.contents.entries))
            reasons << tr("%1: %2").arg(entry.source, entry.refusal);
        read.refusal =
            reasons.isEmpty() ? tr("It holds no generation.") : reasons.join(QLatin1Char('\n'));
    }
    return read;
}

QString moveInto(const QString& path, const QString& subfolder, QString* error) {
    const QFileInfo info(path);
    QDir target(info.absoluteDir().filePath(subfolder));
    if (!target.mkpath(QStringLiteral("."))) {
        *error = tr("The folder “%1” cannot be made.").arg(target.path());
        return {};
    }
    QString name = info.fileName();
    for (int n = 2;
         QFileInfo::exists(target.filePath(name)) || QFileInfo(target.filePath(name)).isSymLink();
         ++n)
        name = numberedName(info.fileName(), n);
    const QString moved = target.filePath(name);
    // A rename moves a link itself, even one in a loop, and needs no right to read the file.
    if (!QDir().rename(path, moved)) {
        *error = tr("“%1” cannot be moved to “%2”.").arg(info.fileName(), target.path());
        return {};
    }
    return moved;
}

QString refuse(const QString& path, const QString& subfolder, const QString& reason,
               QString* error) {
    const QString moved = moveInto(path, subfolder, error);
    if (moved.isEmpty())
        return {};
    QFile note(moved + QStringLiteral(".txt"));
    if (!note.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text) ||
        note.write(reason.toUtf8() + '\n') < 0) {
        *error = tr("The reason cannot be written next to “%1”.").arg(moved);
        return {};
    }
    return moved;
}

} // namespace pixverse::hotfolder
