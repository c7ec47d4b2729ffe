#include "core/auth/CredentialStore.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcAuth, "pixverse.auth")

namespace pixverse {

namespace {

//! Errors that mean "there is no keychain to talk to", as opposed to a refusal of one entry.
bool meansNoKeychain(int error) {
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented ||
           error == QKeychain::OtherError;
}

// The secret service may still be starting with the session: one delayed retry, like libQuotient.
constexpr int kRetryDelayMs = 700;
} // namespace

struct CredentialStore::Pending {
    Op op = Op::Read;
    QString key;
    QString secret;
    QPointer<QObject> context;
    bool hasContext = false;
    bool retried = false;
    std::function<void(ReadResult)> onRead;
    std::function<void(WriteResult)> onWrite;
    std::function<void(bool, QString)> onRemove;

    bool contextAlive() const { return !hasContext || !context.isNull(); }

    static std::shared_ptr<Pending> make(Op op, ApiFamily family, const QString& account,
                                         QObject* context) {
        auto pending = std::make_shared<Pending>();
        pending->op = op;
        pending->key = entryKey(family, account);
        pending->context = context;
        pending->hasContext = context != nullptr;
        return pending;
    }
};

QString CredentialStore::defaultService() {
    return QStringLiteral("io.github.pixverse-studio");
}

CredentialStore::CredentialStore(QString service, QObject* parent)
    : QObject(parent)
    , m_service(std::move(service)) {}

CredentialStore::~CredentialStore() = default;

QString CredentialStore::entryKey(ApiFamily family, const QString& account) {
    return apiFamilyId(family) + QLatin1Char(':') + account;
}

void CredentialStore::write(ApiFamily family, const QString& account, const QString& secret,
                            QObject* context, std::function<void(WriteResult)> done) {
    auto op = Pending::make(Op::Write, family, account, context);
    op->secret = secret;
    op->onWrite = std::move(done);
    run(op);
}

void CredentialStore::read(ApiFamily family, const QString& account, QObject* context,
                           std::function<void(ReadResult)> done) {
    auto op = Pending::make(Op::Read, family, account, context);
    op->onRead = std::move(done);
    run(op);
}

void CredentialStore::remove(ApiFamily family, const QString& account, QObject* context,
                             std::function<void(bool, QString)> done) {
    auto op = Pending::make(Op::Remove, family, account, context);
    op->onRemove = std::move(done);
    run(op);
}

void CredentialStore::run(std::shared_ptr<Pending> op) {
    if (!m_persistent) {
        // Answer asynchronously all the same, so callers see one behaviour.
        QTimer::singleShot(
            0, this, [this, op] { finish(op, QKeychain::NoError, {}, m_memory.value(op->key)); });
        return;
    }
    // No parent: a job deleted with the store while libsecret still works on it crashes when
    // the answer arrives (qtkeychain#261). Jobs delete themselves; the connection below dies
    // with the store, so a late answer is dropped safely.
    QKeychain::Job* job = nullptr;
    switch (op->op) {
    case Op::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Op::Write: {
        auto* w = new QKeychain::WritePasswordJob(m_service);
        w->setTextData(op->secret);
        job = w;
        break;
    }
    case Op::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    job->setKey(op->key);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext file
    connect(job, &QKeychain::Job::finished, this, [this, op](QKeychain::Job* j) {
        const int error = j->error();
        if (meansNoKeychain(error) && !op->retried) {
            op->retried = true;
            qCInfo(lcAuth) << "keychain not answering, retrying once:" << j->errorString();
            QTimer::singleShot(kRetryDelayMs, this, [this, op] { run(op); });
            return;
        }
        QString data;
        if (auto* r = qobject_cast<QKeychain::ReadPasswordJob*>(j))
            data = r->textData();
        finish(op, error, j->errorString(), data);
    });
    job->start();
}

void CredentialStore::markUnavailable(const QString& reason) {
    if (!m_persistent)
        return;
    m_persistent = false;
    m_unavailableReason = reason;
    qCWarning(lcAuth) << "no usable keychain; secrets are kept in memory only:" << reason;
    Q_EMIT keychainUnavailable(reason);
}

void CredentialStore::finish(std::shared_ptr<Pending> op, int error, const QString& errorText,
                             const QString& data) {
    if (meansNoKeychain(error)) {
        markUnavailable(tr("No keychain is available (%1).").arg(errorText));
        run(op); // now served from memory
        return;
    }
    // The memory copy mirrors what was asked, so a later loss of the keychain loses nothing.
    const bool inMemory = !m_persistent;
    if (!op->contextAlive())
        return;
    switch (op->op) {
    case Op::Read: {
        ReadResult result;
        if (inMemory) {
            if (m_memory.contains(op->key))
                result.secret = data;
        } else if (error == QKeychain::NoError) {
            result.secret = data;
        } else if (error != QKeychain::EntryNotFound) {
            result.error =
                tr("The keychain refused to read the saved sign-in (%1).").arg(errorText);
            qCWarning(lcAuth) << "keychain read failed, error" << error;
        }
        if (op->onRead)
            op->onRead(result);
        break;
    }
    case Op::Write: {
        WriteResult result;
        if (inMemory) {
            m_memory.insert(op->key, op->secret);
        } else if (error == QKeychain::NoError) {
            result.persisted = true;
        } else {
            result.error = tr("The keychain refused to save the sign-in (%1).").arg(errorText);
            qCWarning(lcAuth) << "keychain write failed, error" << error;
        }
        if (op->onWrite)
            op->onWrite(result);
        break;
    }
    case Op::Remove: {
        const bool ok =
            inMemory || error == QKeychain::NoError || error == QKeychain::EntryNotFound;
        if (inMemory)
            m_memory.remove(op->key);
        if (op->onRemove)
            op->onRemove(
                ok, ok ? QString()
                       : tr("The keychain refused to forget the sign-in (%1).").arg(errorText));
        break;
    }
    }
}

} // namespace pixverse
