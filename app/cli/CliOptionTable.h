#pragma once

#include "app/cli/CliOptions.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>

namespace pixverse {

//! The command line's options and commands, as one table (README "The command line"): what
//! --help prints and which command takes which option.

//! Adds every option, the description and the positional argument to `parser`.
void addCliOptions(QCommandLineParser& parser);

//! "generate", "extend", "last-frame", …: the word on the command line.
QString commandName(CliOptions::Command command);
std::optional<CliOptions::Command> commandFromName(const QString& word);
//! "generate, status, …, speakers or last-frame": every command, for the usage errors.
QString commandList();

//! The sentence about the first option given that `command` does not take ("--speaker goes with
//! lipsync."); empty when every option given fits.
QString misplacedOption(const QCommandLineParser& parser, CliOptions::Command command);

//! Reads the parser's options by name; every check returns the one sentence of a usage error.
class OptionReader {
public:
    explicit OptionReader(const QCommandLineParser& parser)
        : m_parser(parser) {}
    bool isSet(const char* name) const { return m_parser.isSet(QString::fromLatin1(name)); }
    QString value(const char* name) const { return m_parser.value(QString::fromLatin1(name)); }
    //! Every value of an option given more than once, in order.
    QStringList values(const char* name) const {
        return m_parser.values(QString::fromLatin1(name));
    }
    //! A whole number when the option is set; `*bad` when it is set but not one.
    std::optional<qint64> number(const char* name, bool* bad) const {
        *bad = false;
        if (!isSet(name))
            return std::nullopt;
        bool ok = false;
        const qint64 n = value(name).toLongLong(&ok);
        *bad = !ok;
        return ok ? std::optional<qint64>(n) : std::nullopt;
    }

private:
    const QCommandLineParser& m_parser;
};

} // namespace pixverse
