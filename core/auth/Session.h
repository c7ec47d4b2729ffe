#pragma once

#include "core/api/ApiError.h"
#include "core/api/ApiTypes.h"
#include "core/backend/Backend.h"
#include "core/backend/BackendFactory.h"
#include "core/settings/AppSettings.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

namespace pixverse {

class ApiClient;
class CredentialStore;

//! Who is signed in and how. Owns the Backend of the signed-in family; everything else reaches
//! PixVerse through `backend()` and never learns which family it is.
//! Secrets go to the keychain (CredentialStore) only; the account name and server go to
//! AppSettings so the next start can sign in silently.
class Session : public QObject {
    Q_OBJECT
public:
    enum class State { SignedOut, SigningIn, SignedIn };
    Q_ENUM(State)

    //! Where PixVerse is: the real service, or the sandbox with its object-store stand-in.
    struct Target {
        QUrl baseUrl = defaultServiceUrl();
        QUrl objectStoreUrl; //!< empty: the real object store
        bool sandbox = false;
    };

    //! `settings` may be null (nothing remembered between runs).
    Session(QNetworkAccessManager* network, CredentialStore* credentials, AppSettings* settings,
            QObject* parent = nullptr);
    ~Session() override;

    void setTarget(const Target& target);
    Target target() const { return m_target; }
    //! The model table the backends' request bodies follow (null: ModelCatalog::builtIn()); it
    //! must outlive the session. Applies to the next sign-in.
    void setCatalog(const ModelCatalog* catalog) { m_catalog = catalog; }

    State state() const { return m_state; }
    Backend* backend() const { return m_backend; }
    ApiFamily family() const { return m_family; }
    //! The e-mail, or the masked API key: safe to show and log.
    QString accountLabel() const { return m_accountLabel; }
    std::optional<Balance> balance() const { return m_balance; }
    //! True when the secret is in the keychain (it survives a restart).
    bool isRemembered() const { return m_remembered; }

    //! Validated with a balance call before the session counts as signed in.
    void signInWithApiKey(const QString& apiKey, bool remember);
    //! POST login, then a credits call. The password is never stored; the token may be.
    void signInWithPassword(const QString& email, const QString& password, bool remember);
    //! Aborts a sign-in in flight; nothing changes.
    void cancel();
    //! At start-up: the remembered account's secret from the keychain, checked with a balance
    //! call. `restoreFailed` (the dialog opens with the account filled in) when that fails.
    void restore();
    //! Forgets the secret (keychain entry deleted) and the remembered account.
    void signOut();
    void refreshBalance();

Q_SIGNALS:
    void stateChanged(pixverse::Session::State state);
    void signedIn();
    void signInFailed(const pixverse::ApiError& error);
    //! Nothing remembered (`error` is None) or the remembered secret no longer works.
    void restoreFailed(pixverse::ApiFamily family, const QString& account,
                       const pixverse::ApiError& error);
    //! The service stopped accepting the credentials (another login, expiry, revoked key). The
    //! app asks the creator to sign in again; it never signs in again on its own.
    void sessionEnded(pixverse::ApiFamily family, const QString& account,
                      const pixverse::ApiError& reason);
    void signedOut();
    void balanceChanged(const pixverse::Balance& balance);
    //! The keychain is missing: this session works, but will not be remembered.
    void rememberUnavailable(const QString& reason);

private:
    void setState(State state);
    void validate(Backend* backend, ApiFamily family, const QString& label, const QString& secret,
                  bool remember, bool restoring);
    void dropBackend();
    QString keychainAccount(ApiFamily family, const QString& label) const;

    QNetworkAccessManager* m_network;
    CredentialStore* m_credentials;
    AppSettings* m_settings;
    Target m_target;
    const ModelCatalog* m_catalog = nullptr;
    State m_state = State::SignedOut;
    QPointer<Backend> m_backend;
    QPointer<Backend> m_pending; //!< being validated
    ApiClient* m_loginClient = nullptr;
    RequestHandle m_inFlight;
    ApiFamily m_family = ApiFamily::OpenApi;
    QString m_accountLabel;
    std::optional<Balance> m_balance;
    bool m_remembered = false;
    quint64 m_attempt = 0; //!< stale answers of a cancelled sign-in are ignored
};

} // namespace pixverse
