#pragma once

// What tst_faults and tst_faults_modes share: sandbox faults built in one line, the test of a
// sentence a creator may read, a web account signed in on the sandbox, and the messages jobs
// showed on their way.
#include "core/api/WebApiRequests.h"
#include "core/backend/BackendFactory.h"
#include "core/jobs/JobStore.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/support/Await.h"

#include <QDirIterator>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QStringList>

#include <memory>

namespace pixverse::test {

//! What a creator may be shown: one or two sentences, no codes or markup from the wire.
inline bool isSentence(const QString& text) {
    static const QStringList leaks{QStringLiteral("ErrCode"),  QStringLiteral("http="),
                                   QStringLiteral("QNetwork"), QStringLiteral("<"),
                                   QStringLiteral("{"),        QStringLiteral("Resp")};
    if (text.size() < 12 || !text.front().isUpper() || !text.endsWith(u'.'))
        return false;
    for (const QString& leak : leaks) {
        if (text.contains(leak))
            return false;
    }
    return true;
}

inline sandbox::SandboxFault fault(sandbox::SandboxFault::Kind kind, const QString& path, int count,
                                   int httpStatus = 500, qint64 errCode = 0,
                                   const QJsonObject& patch = {}) {
    sandbox::SandboxFault f;
    f.kind = kind;
    f.pathContains = path;
    f.count = count;
    f.httpStatus = httpStatus;
    f.errCode = errCode;
    f.respPatch = patch;
    return f;
}

inline QJsonObject jsonObject(const char* text) {
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

inline QStringList partFiles(const QString& dir) {
    QStringList parts;
    QDirIterator it(dir, {QStringLiteral("*.part")}, QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        parts << it.next();
    return parts;
}

//! A web account signed in on `sandbox`, as the app has it after the login dialog.
inline std::unique_ptr<Backend> signedInWebBackend(sandbox::SandboxHost& sandbox,
                                                   QNetworkAccessManager* network) {
    const auto [email, password] = sandbox::SandboxConfig().webAccounts.first();
    ApiClient login(network);
    login.setBaseUrl(sandbox.baseUrl());
    const auto token = await<Result<web::LoginResult>>([&](auto done) {
        login.call(web::LoginRequest(email, password), nullptr,
                   std::function<void(Result<web::LoginResult>)>(done));
    });
    if (!token || !token->ok())
        return {};
    BackendConfig config;
    config.family = ApiFamily::Web;
    config.baseUrl = sandbox.baseUrl();
    config.secret = token->value->token;
    config.account = email;
    config.objectStoreUrl = sandboxObjectStoreUrl(sandbox.baseUrl());
    const Result<Backend*> made = createBackend(network, config, nullptr);
    return std::unique_ptr<Backend>(made.ok() ? *made.value : nullptr);
}

//! Every non-empty message the jobs showed on their way (defer, download trouble, failure),
//! each once, in the order they came; and per job.
class MessageLog {
public:
    explicit MessageLog(JobStore* store) {
        QObject::connect(store, &JobStore::jobChanged, &m_context, [this, store](qint64 id) {
            const std::optional<Job> job = store->job(id);
            if (!job || job->errorMessage.isEmpty())
                return;
            if (!m_messages.contains(job->errorMessage))
                m_messages << job->errorMessage;
            if (!m_byJob[id].contains(job->errorMessage))
                m_byJob[id] << job->errorMessage;
        });
    }
    QStringList messages() const { return m_messages; }
    QStringList messages(qint64 jobId) const { return m_byJob.value(jobId); }

private:
    QObject m_context;
    QStringList m_messages;
    QHash<qint64, QStringList> m_byJob;
};

} // namespace pixverse::test
