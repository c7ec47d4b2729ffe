#include "core/sandbox/SandboxServer.h"

#include "core/sandbox/SandboxState.h"

namespace pixverse::sandbox {

SandboxServer::SandboxServer(SandboxConfig config, QObject* parent)
    : QObject(parent)
    , m_state(std::make_unique<SandboxState>(this, std::move(config))) {}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::start() {
    return m_state->start();
}

QString SandboxServer::errorString() const {
    return m_state->m_error;
}

QUrl SandboxServer::baseUrl() const {
    return m_state->baseUrl();
}

quint16 SandboxServer::port() const {
    return m_state->m_port;
}

const SandboxConfig& SandboxServer::config() const {
    return m_state->m_config;
}

QString SandboxServer::defaultApiKey() const {
    return m_state->m_config.apiKeys.value(0);
}

SandboxStats SandboxServer::stats() const {
    return m_state->stats();
}

void SandboxServer::setClockSpeed(double factor) {
    m_state->setClockSpeed(factor);
}

void SandboxServer::advanceClock(qint64 ms) {
    m_state->advanceClock(ms);
}

void SandboxServer::injectFault(const SandboxFault& fault) {
    m_state->injectFault(fault);
}

void SandboxServer::clearFaults() {
    m_state->m_faults.clear();
}

void SandboxServer::setCredits(const QString& apiKeyOrEmail, qint64 monthly, qint64 package) {
    m_state->setCredits(apiKeyOrEmail, 0, monthly, package);
}

void SandboxServer::setCredits(const QString& email, qint64 daily, qint64 monthly, qint64 package) {
    m_state->setCredits(email, daily, monthly, package);
}

void SandboxServer::endWebSession(const QString& email, bool elsewhere) {
    m_state->endWebSession(email, elsewhere);
}

QList<qint64> SandboxServer::addAccountVideos(const SandboxAccountVideos& videos) {
    return m_state->addAccountVideos(videos);
}

bool SandboxServer::deleteVideo(qint64 videoId) {
    return m_state->deleteVideo(videoId);
}

QList<GenerationRequest> SandboxServer::createdRequests() const {
    return m_state->createdRequests();
}

} // namespace pixverse::sandbox
