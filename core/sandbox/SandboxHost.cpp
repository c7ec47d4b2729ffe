#include "core/sandbox/SandboxHost.h"

#include <QMetaObject>

#include <condition_variable>
#include <mutex>

namespace pixverse::sandbox {

namespace {

//! Guards every hand-over between a caller and the server's thread (see runOn).
std::mutex g_handOver;

//! Runs `f` on `context`'s thread and waits for it; works whether or not the calling thread has an
//! event loop. The call is posted through Qt's event queue, but what it reads and writes is handed
//! over both ways under a std::mutex and a condition variable rather than under Qt's own queue lock
//! and BlockingQueuedConnection's semaphore: the ordering is the same, and ThreadSanitizer, which
//! cannot see into Qt, sees this one (the tsan preset runs the sandbox's tests).
template <typename F> void runOn(QObject* context, F&& f) {
    if (QThread::currentThread() == context->thread()) {
        f();
        return;
    }
    bool done = false;
    std::condition_variable finished;
    std::unique_lock lock(g_handOver);
    QMetaObject::invokeMethod(
        context,
        [&] {
            const std::lock_guard guard(g_handOver);
            f();
            done = true;
            finished.notify_one();
        },
        Qt::QueuedConnection);
    finished.wait(lock, [&] { return done; });
}

template <typename F> void onServerThread(SandboxServer* server, F&& f) {
    if (server)
        runOn(server, std::forward<F>(f));
}

} // namespace

SandboxHost::SandboxHost(SandboxConfig config)
    : m_config(std::move(config)) {
    m_thread.setObjectName(QStringLiteral("pixverse-sandbox"));
}

SandboxHost::~SandboxHost() {
    if (m_server) {
        SandboxServer* server = m_server;
        m_server = nullptr;
        onServerThread(server, [server] { delete server; });
    }
    m_thread.quit();
    m_thread.wait();
}

bool SandboxHost::start() {
    if (m_server)
        return true;
    // The server is made on m_thread, so it and every object Qt makes for it live there.
    auto* context = new QObject;
    context->moveToThread(&m_thread);
    m_thread.start();
    SandboxServer* server = nullptr;
    bool ok = false;
    runOn(context, [&] {
        server = new SandboxServer(m_config);
        ok = server->start();
        m_error = server->errorString();
        m_baseUrl = server->baseUrl();
        if (!ok) {
            delete server;
            server = nullptr;
        }
    });
    context->deleteLater();
    if (!ok) {
        m_thread.quit();
        m_thread.wait();
        return false;
    }
    m_server = server;
    return true;
}

QString SandboxHost::errorString() const {
    return m_error;
}

QUrl SandboxHost::baseUrl() const {
    return m_baseUrl;
}

QString SandboxHost::defaultApiKey() const {
    return m_config.apiKeys.value(0);
}

SandboxStats SandboxHost::stats() const {
    SandboxStats s;
    onServerThread(m_server, [&] { s = m_server->stats(); });
    return s;
}

void SandboxHost::setClockSpeed(double factor) {
    onServerThread(m_server, [&] { m_server->setClockSpeed(factor); });
}

void SandboxHost::advanceClock(qint64 ms) {
    onServerThread(m_server, [&] { m_server->advanceClock(ms); });
}

void SandboxHost::injectFault(const SandboxFault& fault) {
    onServerThread(m_server, [&] { m_server->injectFault(fault); });
}

void SandboxHost::clearFaults() {
    onServerThread(m_server, [&] { m_server->clearFaults(); });
}

void SandboxHost::setCredits(const QString& apiKeyOrEmail, qint64 monthly, qint64 package) {
    onServerThread(m_server, [&] { m_server->setCredits(apiKeyOrEmail, monthly, package); });
}

void SandboxHost::setCredits(const QString& email, qint64 daily, qint64 monthly, qint64 package) {
    onServerThread(m_server, [&] { m_server->setCredits(email, daily, monthly, package); });
}

void SandboxHost::endWebSession(const QString& email, bool elsewhere) {
    onServerThread(m_server, [&] { m_server->endWebSession(email, elsewhere); });
}

QList<qint64> SandboxHost::addAccountVideos(const SandboxAccountVideos& videos) {
    QList<qint64> ids;
    onServerThread(m_server, [&] { ids = m_server->addAccountVideos(videos); });
    return ids;
}

bool SandboxHost::deleteVideo(qint64 videoId) {
    bool deleted = false;
    onServerThread(m_server, [&] { deleted = m_server->deleteVideo(videoId); });
    return deleted;
}

QList<GenerationRequest> SandboxHost::createdRequests() const {
    QList<GenerationRequest> requests;
    onServerThread(m_server, [&] { requests = m_server->createdRequests(); });
    return requests;
}

} // namespace pixverse::sandbox
