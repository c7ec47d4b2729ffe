#pragma once

#include "core/api/ApiError.h"
#include "core/generation/GenerationRequest.h"
#include "core/sandbox/SandboxServer.h"
#include "ui/LoginDialog.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <optional>

class QNetworkAccessManager;
class QTimer;

namespace pixverse {

class AppSettings;
class BatchQueuer;
class CredentialStore;
class HotFolder;
class ModelCatalog;
class JobEngine;
class LedgerSync;
class PreviewCache;
class PriceBook;
class TemplateLibrary;
class JobStore;
class MainWindow;
class SidecarWatcher;
class Session;

namespace sandbox {
class SandboxHost;
}

//! How the app is started (the command line of pixverse-studio, or a test).
struct StudioOptions {
    //! `--sandbox`: run the embedded sandbox and sign in with its key, silently. Such a run
    //! neither reads nor changes the remembered account or the keychain.
    bool sandbox = false;
    //! Where the log goes; empty: the app data directory.
    QString dataDir;
    //! The settings file; empty: the application's QSettings.
    QString settingsFile;
    //! The keychain service; empty: CredentialStore::defaultService().
    QString keychainService;
    //! The embedded sandbox, when it is started (`--sandbox` or the dialog's check box).
    sandbox::SandboxConfig sandboxConfig;
    //! Installs LogFile in `dataDir` (off in tests that keep their own handler).
    bool installLog = true;
};

//! The GUI app's wiring: one network manager, the settings, the keychain, the Session, the
//! window, the login dialog and, on demand, the embedded sandbox. main() only parses the command
//! line and runs this; tests drive it the same way.
class StudioApp : public QObject {
    Q_OBJECT
public:
    explicit StudioApp(StudioOptions options = {}, QObject* parent = nullptr);
    ~StudioApp() override;

    //! Shows the window and signs in: with `--sandbox` silently with the sandbox's key, otherwise
    //! with the remembered account (the dialog opens when there is none or it fails).
    //! False when the sandbox could not start (errorString()).
    bool start();
    QString errorString() const { return m_error; }

    MainWindow* window() const { return m_window.get(); }
    Session* session() const { return m_session.get(); }
    //! Null in a `--sandbox` run.
    CredentialStore* credentials() const { return m_credentials.get(); }
    AppSettings* settings() const { return m_settings.get(); }
    QNetworkAccessManager* network() const { return m_network.get(); }
    //! The open login dialog, or null.
    LoginDialog* loginDialog() const { return m_dialog; }
    //! The embedded sandbox once started, or null.
    sandbox::SandboxHost* sandboxHost() const { return m_sandbox.get(); }
    //! The data directory the log is in.
    QString dataDir() const { return m_dataDir; }
    //! The signed-in account's jobs (null while signed out). Each account has its own store.
    JobStore* jobStore() const { return m_store.get(); }
    JobEngine* jobEngine() const { return m_engine.get(); }
    //! The effect templates (issue 17): cached in the data directory, refreshed after sign-in.
    TemplateLibrary* templateLibrary() const { return m_templates.get(); }
    PreviewCache* previewCache() const { return m_previews.get(); }
    //! The hot folder while Settings ask for one and an account is signed in; else null.
    HotFolder* hotFolder() const { return m_hotFolder.get(); }
    //! Prices before sending for the signed-in account (issue 19; null while signed out): the
    //! composer, the batch preview and the hot folder ask it.
    PriceBook* prices() const { return m_prices.get(); }
    //! The platform's spend ledger of the signed-in account (issue 19); null for a website
    //! account (no ledger) and while signed out.
    LedgerSync* ledgerSync() const { return m_ledgerSync.get(); }
    //! How long after the last job settled the ledger is read again (the service books a
    //! refund shortly after the final status); tests shorten it.
    void setLedgerSyncDelay(int ms);
    //! The window's batches: Jobs → Open Batch File… and Queue Image Folder….
    BatchQueuer* batchQueuer() const { return m_batch.get(); }

public Q_SLOTS:
    //! Opens the login dialog (or raises the open one).
    void showLoginDialog();
    //! The same, on the right tab with the account filled in and why it is asked again.
    void showLoginDialogFor(pixverse::ApiFamily family, const QString& account,
                            const QString& message);

Q_SIGNALS:
    void loginDialogShown(pixverse::LoginDialog* dialog);
    //! A new engine runs for the signed-in account (the gallery attaches to it).
    void jobEngineStarted(pixverse::JobEngine* engine);
    //! The engine is about to go (sign-out, another account).
    void jobEngineStopping();

private:
    std::optional<LoginDialog::SandboxOffer> sandboxOffer(QString* error);
    void onSignedIn();
    void onSignedOut();
    //! A PriceBook for the signed-in backend, given to the composer, its formulas fetched.
    void setUpPrices();
    void updateConnectionLabel();
    void startJobEngine();
    void stopJobEngine();
    //! The Spending view's sources and the ledger's sync (StudioAppLedger.cpp).
    void startLedger();
    void stopLedger();
    void generate(const GenerationRequest& request);
    //! The run window and the credit caps of the settings, to the engine (at its start and
    //! after the settings changed); the session began when the app started.
    void applyQueueSettings();
    void setUpEffects();
    //! Starts, restarts or stops the hot folder as Settings say (StudioAppHotFolder.cpp).
    void updateHotFolder();
    void connectHotFolder();
    //! What a generate taught about a template (500070, 500071): kept in the list.
    void onTemplateRefused(qint64 templateId, int errorCode, const QString& quality);

    StudioOptions m_options;
    QString m_dataDir;
    QString m_error;
    bool m_logInstalled = false;
    // Declared in the order they may be torn down in reverse: the window (and the dialog in it)
    // before the session, the session before the keychain and the network it uses.
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<AppSettings> m_settings;
    //! The one table of models: the editor, the settings, the cards and the engine share it.
    std::unique_ptr<const ModelCatalog> m_catalog;
    //! The effect templates and their previews; the window's browser uses them.
    std::unique_ptr<TemplateLibrary> m_templates;
    std::unique_ptr<PreviewCache> m_previews;
    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<Session> m_session;
    //! One per signed-in backend; goes before the session that owns the backend.
    std::unique_ptr<PriceBook> m_prices;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<JobEngine> m_engine;
    std::unique_ptr<LedgerSync> m_ledgerSync;
    QTimer* m_ledgerSyncDelay = nullptr;    //!< restarted by every job that settles
    QTimer* m_queuedCreditsDelay = nullptr; //!< restarted by every change of a job
    //! The creator's edits to the sidecars of the engine's jobs reach the store.
    std::unique_ptr<SidecarWatcher> m_sidecarWatcher;
    //! Feeds the engine: goes before it.
    std::unique_ptr<HotFolder> m_hotFolder;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<BatchQueuer> m_batch;
    QPointer<LoginDialog> m_dialog;
    qint64 m_uploadShown =
        0; //!< the job whose upload the composer shows; 0: none, or not stored yet
    //! When the app started: the per-session credit cap counts from here.
    QDateTime m_sessionStart = QDateTime::currentDateTime();
};

} // namespace pixverse
