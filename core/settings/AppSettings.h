#pragma once

#include "core/generation/GenerationRequest.h"
#include "core/jobs/QueueRules.h"

#include <QNetworkProxy>
#include <QString>

#include <optional>

class QNetworkAccessManager;
class QSettings;

namespace pixverse {

//! How the app reaches the network.
struct ProxySettings {
    enum class Mode { System, None, Http, Socks5 };
    Mode mode = Mode::System;
    QString host;
    quint16 port = 0;
    QString user; //!< a proxy password is a secret: it is never stored here (CredentialStore)

    QNetworkProxy toProxy(const QString& password = {}) const;
    friend bool operator==(const ProxySettings&, const ProxySettings&) = default;
};

//! The last account, so the next start can sign in silently. No secret: the secret is in the
//! keychain under (family, account).
struct RememberedAccount {
    ApiFamily family = ApiFamily::OpenApi;
    QString account; //!< e-mail, or the masked API key label
    QString baseUrl; //!< empty: the real service
    bool sandbox = false;
    friend bool operator==(const RememberedAccount&, const RememberedAccount&) = default;
};

//! Typed access to the app's QSettings. Everything here is safe to store in plain text; secrets
//! never pass through this class.
class AppSettings {
public:
    //! Uses the application's default QSettings (organisation/application names).
    AppSettings();
    //! Uses a given settings file (tests).
    explicit AppSettings(const QString& iniFile);
    enum class Scope { TheApp };
    //! The window app's own settings, whatever this process is called: what the CLI reads to
    //! go out the way the app does (its proxy).
    explicit AppSettings(Scope scope);
    static QString appName() { return QStringLiteral("PixVerse Studio"); } //!< organisation too
    ~AppSettings();
    AppSettings(const AppSettings&) = delete;
    AppSettings& operator=(const AppSettings&) = delete;

    static QString defaultLibraryFolder(); //!< ~/Videos/PixVerse Studio

    QString libraryFolder() const;
    void setLibraryFolder(const QString& folder);

    int concurrencyCap() const; //!< 1..20, default 5
    void setConcurrencyCap(int cap);

    ProxySettings proxy() const;
    void setProxy(const ProxySettings& proxy);

    QString language() const; //!< empty: follow the system; "en", "ru"
    void setLanguage(const QString& language);

    bool useSandbox() const;
    void setUseSandbox(bool on);

    bool rememberMeByDefault() const; //!< default true
    void setRememberMeByDefault(bool on);

    //! How many takes Generate makes (issue 18): 1..kMaxTakeCount, default 1.
    static constexpr int kMaxTakeCount = 8; //!< JobEngine::kMaxTakes
    int takeCount() const;
    void setTakeCount(int takes);

    // --- The queue and the money (issue 19) ----------------------------------------------
    //! "Run only between" (Settings); empty: at any time.
    std::optional<RunWindow> queueRunWindow() const;
    void setQueueRunWindow(const std::optional<RunWindow>& window);
    //! The daily and per-session credit caps; empty members: no cap.
    CreditCaps creditCaps() const;
    void setCreditCaps(const CreditCaps& caps);
    //! The hot folder: where, whether it is watched, and its own daily credit cap.
    QString hotFolder() const;
    void setHotFolder(const QString& folder);
    bool hotFolderEnabled() const; //!< default false
    void setHotFolderEnabled(bool on);
    std::optional<qint64> hotFolderDailyCredits() const;
    void setHotFolderDailyCredits(std::optional<qint64> credits);

    //! The player's mute button, as the creator left it (default: sound on).
    bool playerMuted() const;
    void setPlayerMuted(bool muted);

    //! The main window's geometry (QWidget::saveGeometry()); empty before the first run ends.
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);

    //! Default generation settings for a new composer (prompt fields are not part of it).
    GenerationRequest defaultGeneration() const;
    //! Whether defaults were ever stored (false on the first run: the composer takes the newest
    //! model then).
    bool hasDefaultGeneration() const;
    void setDefaultGeneration(const GenerationRequest& request);

    std::optional<RememberedAccount> rememberedAccount() const;
    void setRememberedAccount(const std::optional<RememberedAccount>& account);

    void sync();

private:
    QSettings* m_settings;
};

//! Applies the proxy to a network manager (and nothing else: no global proxy).
void applyProxy(QNetworkAccessManager& network, const ProxySettings& proxy,
                const QString& password = {});

} // namespace pixverse
