#include "tests/support/TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

namespace pixverse::test {

QString sourcePath(const QString& relative) {
    return QDir(QStringLiteral(PIXVERSE_SOURCE_DIR)).filePath(relative);
}

QString clipsDir() {
    const QString fromEnv = qEnvironmentVariable("PIXVERSE_CLIPS_DIR");
    return fromEnv.isEmpty()
               ? QDir(QStringLiteral(PIXVERSE_BINARY_DIR)).filePath(QStringLiteral("clips"))
               : fromEnv;
}

QString appExecutable(const QString& name) {
    QDirIterator it(QDir(QStringLiteral(PIXVERSE_BINARY_DIR)).filePath(QStringLiteral("app")),
                    {name}, QDir::Files | QDir::Executable, QDirIterator::Subdirectories);
    return it.hasNext() ? it.next() : QString();
}

} // namespace pixverse::test
