#pragma once

#include "core/generation/GenerationRequest.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace pixverse {

//! Secrets (API keys, web tokens) in the OS keychain through QtKeychain; service = the app id,
//! key = backend + account. When no keychain backend answers, secrets live in this object's
//! memory only and `isPersistent()` turns false. There is never a plaintext fallback.
class CredentialStore : public QObject {
    Q_OBJECT
public:
    //! The keychain service name every entry of the app is filed under.
    static QString defaultService();

    struct ReadResult {
        std::optional<QString> secret; //!< empty: nothing stored (signed out) or unreadable
        QString error;                 //!< why it could not be read; empty for "nothing stored"
    };
    struct WriteResult {
        bool persisted = false; //!< false: kept in memory only (no keychain)
        QString error;          //!< why the keychain refused; empty on success
    };

    explicit CredentialStore(QString service = defaultService(), QObject* parent = nullptr);
    ~CredentialStore() override;

    //! False once the keychain has been found missing; then nothing outlives the process.
    bool isPersistent() const { return m_persistent; }
    //! Why the keychain is not used, for the login dialog's notice; empty while it works.
    QString unavailableReason() const { return m_unavailableReason; }

    static QString entryKey(ApiFamily family, const QString& account);

    //! Callbacks run once on this object's thread unless `context` is gone by then.
    void write(ApiFamily family, const QString& account, const QString& secret, QObject* context,
               std::function<void(WriteResult)> done);
    void read(ApiFamily family, const QString& account, QObject* context,
              std::function<void(ReadResult)> done);
    //! Deleting an entry that does not exist is a success.
    void remove(ApiFamily family, const QString& account, QObject* context,
                std::function<void(bool removed, QString error)> done);

Q_SIGNALS:
    //! The keychain turned out to be missing; the app tells the creator secrets won't be kept.
    void keychainUnavailable(const QString& reason);

private:
    enum class Op { Read, Write, Remove };
    struct Pending;
    void run(std::shared_ptr<Pending> op);
    void finish(std::shared_ptr<Pending> op, int error, const QString& errorText,
                const QString& data);
    void markUnavailable(const QString& reason);

    QString m_service;
    bool m_persistent = true;
    QString m_unavailableReason;
    QHash<QString, QString> m_memory; //!< used only while the keychain is unavailable
};

} // namespace pixverse
