#include "core/auth/Session.h"

#include "core/api/ApiClient.h"
#include "core/api/WebApiRequests.h"
#include "core/auth/CredentialStore.h"
#include "core/backend/OpenApiBackend.h"
#include "core/logging/LogFile.h"

#include <QCoreApplication>
#include <QLoggingCategory>

namespace pixverse {

Q_LOGGING_CATEGORY(lcSession, "pixverse.auth")

Session::Session(QNetworkAccessManager* network, CredentialStore* credentials,
                 AppSettings* settings, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_credentials(credentials)
    , m_settings(settings) {}

Session::~Session() = default;

void Session::setTarget(const Target& target) {
    m_target = target;
}

void Session::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

QString Session::keychainAccount(ApiFamily family, const QString& label) const {
    // One remembered API key per machine is enough; its masked label is not a stable id. The
    // sandbox's entries are apart, so trying the sandbox never touches a real key.
    const QString account =
        family == ApiFamily::OpenApi ? QStringLiteral("api-key") : label.trimmed().toLower();
    return m_target.sandbox ? u"sandbox-" + account : account;
}

void Session::dropBackend() {
    if (m_backend) {
        m_backend->disconnect(this);
        m_backend->deleteLater();
    }
    m_backend = nullptr;
    m_balance.reset();
    m_remembered = false;
}

void Session::signInWithApiKey(const QString& apiKey, bool remember) {
    cancel();
    const QString key = apiKey.trimmed();
    if (key.isEmpty()) {
        Q_EMIT signInFailed(ApiError::input(tr("Enter the API key from the PixVerse platform.")));
        return;
    }
    BackendConfig config;
    config.family = ApiFamily::OpenApi;
    config.baseUrl = m_target.baseUrl;
    config.secret = key;
    config.catalog = m_catalog;
    const Result<Backend*> made = createBackend(m_network, config, this);
    if (!made.ok()) {
        Q_EMIT signInFailed(made.error);
        return;
    }
    LogFile::addSecret(key);
    setState(State::SigningIn);
    validate(*made.value, ApiFamily::OpenApi, OpenApiBackend::maskKey(key), key, remember, false);
}

void Session::signInWithPassword(const QString& email, const QString& password, bool remember) {
    cancel();
    const QString account = email.trimmed();
    if (account.isEmpty() || password.isEmpty()) {
        Q_EMIT signInFailed(
            ApiError::input(tr("Enter the e-mail and the password of the PixVerse account.")));
        return;
    }
    m_loginClient = new ApiClient(m_network, this);
    if (const ApiError problem = m_loginClient->setBaseUrl(m_target.baseUrl); problem.isError()) {
        delete m_loginClient;
        m_loginClient = nullptr;
        Q_EMIT signInFailed(problem);
        return;
    }
    m_loginClient->setExtraHeaders(web::defaultHeaders());
    // One attempt: a login that may have reached the service is not fired again behind the
    // creator's back (each login ends the account's other session).
    m_loginClient->setRetryPolicy({1, 0, 0});
    LogFile::addSecret(password);
    setState(State::SigningIn);
    const quint64 attempt = ++m_attempt;
    m_inFlight = m_loginClient->call(
        web::LoginRequest(account, password), this,
        std::function<void(Result<web::LoginResult>)>(
            [this, attempt, account, remember](Result<web::LoginResult> login) {
                if (attempt != m_attempt)
                    return;
                m_loginClient->deleteLater();
                m_loginClient = nullptr;
                if (!login.ok()) {
                    qCInfo(lcSession).noquote() << "web sign-in failed:" << login.error.logText();
                    setState(m_backend ? State::SignedIn : State::SignedOut);
                    Q_EMIT signInFailed(login.error);
                    return;
                }
                LogFile::addSecret(login.value->token);
                BackendConfig config;
                config.family = ApiFamily::Web;
                config.baseUrl = m_target.baseUrl;
                config.objectStoreUrl = m_target.objectStoreUrl;
                config.secret = login.value->token;
                config.account = account;
                config.catalog = m_catalog;
                const Result<Backend*> made = createBackend(m_network, config, this);
                if (!made.ok()) {
                    setState(m_backend ? State::SignedIn : State::SignedOut);
                    Q_EMIT signInFailed(made.error);
                    return;
                }
                validate(*made.value, ApiFamily::Web, account, login.value->token, remember, false);
            }));
}

void Session::validate(Backend* backend, ApiFamily family, const QString& label,
                       const QString& secret, bool remember, bool restoring) {
    const quint64 attempt = ++m_attempt;
    m_pending = backend;
    m_inFlight = backend->fetchBalance(this, [this, attempt, backend, family, label, secret,
                                              remember, restoring](Result<Balance> balance) {
        if (attempt != m_attempt) {
            backend->deleteLater();
            return;
        }
        m_pending = nullptr;
        if (!balance.ok()) {
            backend->deleteLater();
            qCInfo(lcSession).noquote() << "sign-in check failed:" << balance.error.logText();
            setState(m_backend ? State::SignedIn : State::SignedOut);
            if (restoring) {
                // A stored secret the service refuses is useless: forget it, keep the account name.
                if (balance.error.isSessionEnd() && m_credentials)
                    m_credentials->remove(family, keychainAccount(family, label), this,
                                          [](bool, const QString&) {});
                Q_EMIT restoreFailed(family, label, balance.error);
            } else {
                Q_EMIT signInFailed(balance.error);
            }
            return;
        }
        dropBackend();
        m_backend = backend;
        m_family = family;
        m_accountLabel = label;
        m_balance = *balance.value;
        connect(backend, &Backend::sessionEnded, this,
                [this, backend, secret](const ApiError& reason) {
                    if (backend != m_backend)
                        return;
                    const ApiFamily family = m_family;
                    const QString account = m_accountLabel;
                    qCInfo(lcSession).noquote() << "session ended:" << reason.logText();
                    if (m_credentials)
                        m_credentials->remove(family, keychainAccount(family, account), this,
                                              [](bool, const QString&) {});
                    dropBackend();
                    setState(State::SignedOut);
                    Q_EMIT sessionEnded(family, account, reason);
                });
        setState(State::SignedIn);
        Q_EMIT balanceChanged(*m_balance);
        Q_EMIT signedIn();

        RememberedAccount remembered;
        remembered.family = family;
        remembered.account = label;
        remembered.baseUrl = m_target.sandbox ? QString() : m_target.baseUrl.toString();
        remembered.sandbox = m_target.sandbox;
        if (!remember || !m_credentials) {
            if (m_credentials && !restoring)
                m_credentials->remove(family, keychainAccount(family, label), this,
                                      [](bool, const QString&) {});
            if (m_settings && !restoring)
                m_settings->setRememberedAccount(std::nullopt);
            return;
        }
        if (m_settings)
            m_settings->setRememberedAccount(remembered);
        if (restoring) {
            m_remembered = true;
            return;
        }
        m_credentials->write(family, keychainAccount(family, label), secret, this,
                             [this, backend](CredentialStore::WriteResult written) {
                                 if (backend != m_backend)
                                     return;
                                 m_remembered = written.persisted;
                                 if (!written.persisted)
                                     Q_EMIT rememberUnavailable(
                                         written.error.isEmpty()
                                             ? m_credentials->unavailableReason()
                                             : written.error);
                             });
    });
}

void Session::cancel() {
    ++m_attempt; // answers still on their way are ignored
    m_inFlight.cancel();
    m_inFlight = {};
    if (m_loginClient) {
        m_loginClient->deleteLater();
        m_loginClient = nullptr;
    }
    if (m_pending) {
        m_pending->deleteLater();
        m_pending = nullptr;
    }
    if (m_state == State::SigningIn)
        setState(m_backend ? State::SignedIn : State::SignedOut);
}

void Session::restore() {
    const std::optional<RememberedAccount> remembered =
        m_settings ? m_settings->rememberedAccount() : std::nullopt;
    if (!remembered || !m_credentials) {
        Q_EMIT restoreFailed(ApiFamily::OpenApi, QString(), ApiError());
        return;
    }
    cancel();
    setState(State::SigningIn);
    const quint64 attempt = ++m_attempt;
    const RememberedAccount account = *remembered;
    m_credentials->read(
        account.family, keychainAccount(account.family, account.account), this,
        [this, attempt, account](CredentialStore::ReadResult read) {
            if (attempt != m_attempt)
                return;
            if (!read.secret) {
                setState(State::SignedOut);
                Q_EMIT restoreFailed(account.family, account.account,
                                     read.error.isEmpty() ? ApiError()
                                                          : ApiError::input(read.error));
                return;
            }
            LogFile::addSecret(*read.secret);
            BackendConfig config;
            config.family = account.family;
            config.baseUrl = m_target.baseUrl;
            config.objectStoreUrl = m_target.objectStoreUrl;
            config.secret = *read.secret;
            config.account = account.family == ApiFamily::Web ? account.account : QString();
            config.catalog = m_catalog;
            const Result<Backend*> made = createBackend(m_network, config, this);
            if (!made.ok()) {
                setState(State::SignedOut);
                Q_EMIT restoreFailed(account.family, account.account, made.error);
                return;
            }
            validate(*made.value, account.family, account.account, *read.secret, true, true);
        });
}

void Session::signOut() {
    cancel();
    if (m_credentials && m_backend)
        m_credentials->remove(m_family, keychainAccount(m_family, m_accountLabel), this,
                              [](bool, const QString&) {});
    if (m_settings)
        m_settings->setRememberedAccount(std::nullopt);
    const bool wasSignedIn = m_backend != nullptr;
    dropBackend();
    m_accountLabel.clear();
    setState(State::SignedOut);
    if (wasSignedIn)
        Q_EMIT signedOut();
}

void Session::refreshBalance() {
    if (!m_backend)
        return;
    m_backend->fetchBalance(this, [this, backend = m_backend](Result<Balance> balance) {
        if (!balance.ok() || backend != m_backend)
            return;
        m_balance = *balance.value;
        Q_EMIT balanceChanged(*m_balance);
    });
}

} // namespace pixverse
