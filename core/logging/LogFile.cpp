#include "core/logging/LogFile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <cstdio>
#include <mutex>

namespace pixverse {

namespace {

struct LogState {
    // A std::mutex, not a QMutex: ThreadSanitizer sees its locking (Qt 6.4's QMutex waits in
    // Qt's own uninstrumented code, so the lines it orders would be reported as races).
    std::mutex mutex;
    QFile file;
    QString directory;
    qint64 maxBytes = 1024 * 1024;
    int keepFiles = 3;
    QSet<QString> secrets;
    QtMessageHandler previous = nullptr;
    bool installed = false;
};

LogState& state() {
    static LogState s;
    return s;
}

// Credential-looking values: header lines, JSON fields and query items.
const QRegularExpression& credentialPattern() {
    static const QRegularExpression re(QStringLiteral(
        R"re((?i)((?:api[-_]?key|token|password|passwd|secret|authorization|"?sk"?|"?ak"?|x-oss-security-token)"?\s*[:=]\s*"?)([^\s",;&}]{4,}))re"));
    return re;
}

QString logFileName(const QString& directory, int index) {
    return QDir(directory).filePath(index == 0 ? QStringLiteral("pixverse.log")
                                               : QStringLiteral("pixverse.%1.log").arg(index));
}

void rotateLocked(LogState& s) {
    s.file.close();
    QFile::remove(logFileName(s.directory, s.keepFiles - 1));
    for (int i = s.keepFiles - 2; i >= 0; --i)
        QFile::rename(logFileName(s.directory, i), logFileName(s.directory, i + 1));
    s.file.setFileName(logFileName(s.directory, 0));
    s.file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
}

// An Authorization header value has spaces ("OSS id:signature"): scrub it to the end of the line.
const QRegularExpression& authorizationPattern() {
    static const QRegularExpression re(
        QStringLiteral("(?i)(authorization\\s*[:=]\\s*)[^\\r\\n\",}]+"));
    return re;
}

QString redactLocked(const LogState& s, QString text) {
    for (const QString& secret : s.secrets)
        text.replace(secret, QStringLiteral("***"));
    text.replace(authorizationPattern(), QStringLiteral("\\1***"));
    text.replace(credentialPattern(), QStringLiteral("\\1***"));
    return text;
}

const char* levelName(QtMsgType type) {
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}

void handler(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    LogState& s = state();
    QString line;
    {
        const std::lock_guard lock(s.mutex);
        line = QStringLiteral("%1 %2 %3: %4\n")
                   .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                        QLatin1String(levelName(type)),
                        QLatin1String(context.category ? context.category : "default"),
                        redactLocked(s, message));
        if (s.file.isOpen()) {
            if (s.file.size() >= s.maxBytes)
                rotateLocked(s);
            s.file.write(line.toUtf8());
            s.file.flush();
        }
    }
    // stderr gets the same scrubbed line; Qt's own handler would print the raw message.
    std::fputs(line.toLocal8Bit().constData(), stderr);
    if (type == QtFatalMsg)
        std::abort();
}

} // namespace

void LogFile::install(const QString& directory, qint64 maxBytes, int keepFiles) {
    LogState& s = state();
    {
        const std::lock_guard lock(s.mutex);
        s.file.close();
        s.directory = directory;
        s.maxBytes = qMax<qint64>(1024, maxBytes);
        s.keepFiles = qMax(1, keepFiles);
        QDir().mkpath(directory);
        s.file.setFileName(logFileName(directory, 0));
        s.file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
        if (s.installed)
            return;
        s.installed = true;
        // Under the lock: uninstall() reads it under the lock (the handler never takes it).
        s.previous = qInstallMessageHandler(handler);
    }
}

void LogFile::uninstall() {
    LogState& s = state();
    const std::lock_guard lock(s.mutex);
    if (!s.installed)
        return;
    qInstallMessageHandler(s.previous);
    s.installed = false;
    s.file.close();
    s.file.setFileName(QString());
}

QString LogFile::filePath() {
    LogState& s = state();
    const std::lock_guard lock(s.mutex);
    return s.file.fileName();
}

void LogFile::addSecret(const QString& secret) {
    if (secret.size() < 4)
        return; // too short to scrub without mangling ordinary words
    LogState& s = state();
    const std::lock_guard lock(s.mutex);
    s.secrets.insert(secret);
}

void LogFile::removeSecret(const QString& secret) {
    LogState& s = state();
    const std::lock_guard lock(s.mutex);
    s.secrets.remove(secret);
}

QString LogFile::redact(const QString& text) {
    LogState& s = state();
    const std::lock_guard lock(s.mutex);
    return redactLocked(s, text);
}

} // namespace pixverse
