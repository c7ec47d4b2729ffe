#pragma once

#include "core/sandbox/SandboxServer.h"

#include <QThread>
#include <QUrl>

namespace pixverse::sandbox {

//! Runs a SandboxServer on a thread of its own, so the app's GUI thread and the tests' event
//! loops never serve it. start() returns once it listens; the destructor stops it.
class SandboxHost {
public:
    explicit SandboxHost(SandboxConfig config = {});
    ~SandboxHost();
    SandboxHost(const SandboxHost&) = delete;
    SandboxHost& operator=(const SandboxHost&) = delete;

    bool start();
    QString errorString() const;
    QUrl baseUrl() const;
    QString defaultApiKey() const;

    //! Thread-safe wrappers of the server's test hooks (they run on the server's thread).
    SandboxStats stats() const;
    void setClockSpeed(double factor);
    void advanceClock(qint64 ms);
    void injectFault(const SandboxFault& fault);
    void clearFaults();
    void setCredits(const QString& apiKeyOrEmail, qint64 monthly, qint64 package);
    void setCredits(const QString& email, qint64 daily, qint64 monthly, qint64 package);
    void endWebSession(const QString& email, bool elsewhere);
    QList<qint64> addAccountVideos(const SandboxAccountVideos& videos);
    bool deleteVideo(qint64 videoId);
    QList<GenerationRequest> createdRequests() const;

private:
    SandboxConfig m_config;
    QThread m_thread;
    SandboxServer* m_server = nullptr; // lives on m_thread
    QString m_error;
    QUrl m_baseUrl;
};

} // namespace pixverse::sandbox
