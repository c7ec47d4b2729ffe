#pragma once

#include <QString>

namespace pixverse {

//! The app's log: every Qt message goes to stderr and to a rotating file in the data directory
//! (`pixverse.log`, then `pixverse.1.log` ... ), scrubbed of secrets first.
//! Secrets are scrubbed two ways: every value registered with addSecret(), and anything that
//! looks like a credential header or field (API-KEY, Token, Password, Sk, Ak, Authorization).
class LogFile {
public:
    //! Installs the message handler. Safe to call again with another directory (tests).
    static void install(const QString& directory, qint64 maxBytes = 1024 * 1024, int keepFiles = 3);
    //! Restores Qt's default handler and closes the file.
    static void uninstall();
    //! The current log file, empty before install().
    static QString filePath();
    //! From now on this exact text never reaches the log (at least 4 characters).
    static void addSecret(const QString& secret);
    static void removeSecret(const QString& secret);
    //! The text with every known secret and credential-looking value replaced by "***".
    static QString redact(const QString& text);
};

} // namespace pixverse
