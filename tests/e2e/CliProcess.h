#pragma once

// One run of the built pixverse-studio-cli, as the CLI's end-to-end tests see it.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <initializer_list>

namespace pixverse::test {

struct CliRun {
    int exitCode = -1; //!< -1: it crashed or timed out
    QString out;
    QString err;

    QStringList outLines() const { return out.split(u'\n', Qt::SkipEmptyParts); }
    //! The saved path, for a command that saves: the last line of stdout.
    QString lastLine() const {
        const QStringList lines = outLines();
        return lines.isEmpty() ? QString() : lines.last();
    }
    //! --json of a command that saves: the object printed just before the path.
    QJsonObject jsonBeforePath() const {
        const QStringList lines = outLines();
        return lines.size() < 2
                   ? QJsonObject()
                   : QJsonDocument::fromJson(lines.at(lines.size() - 2).toUtf8()).object();
    }
    //! For a failure message.
    QString why() const { return QStringLiteral("exit %1; stderr: %2").arg(exitCode).arg(err); }
};

//! Arguments from words: L({"generate", "--prompt", "x"}).
inline QStringList L(std::initializer_list<const char*> items) {
    QStringList list;
    for (const char* item : items)
        list << QString::fromUtf8(item);
    return list;
}

//! Runs `executable` with `arguments` in `environment`; killed after `timeoutMs`.
inline CliRun runCli(const QString& executable, const QStringList& arguments,
                     const QProcessEnvironment& environment, int timeoutMs) {
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(executable, arguments);
    CliRun result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("timed out");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace pixverse::test
