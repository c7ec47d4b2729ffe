#pragma once

#include "core/generation/ModelCatalog.h"
#include "core/settings/AppSettings.h"

#include <QDialog>
#include <QPointer>

#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace pixverse {

class CredentialStore;
class SettingsQueuePage;

//! The app's preferences: library folder, how many jobs run at once, the defaults of a new
//! generation, the network proxy, the language, the offline sandbox and "remember me".
//! Everything but the proxy password goes to AppSettings (plain QSettings); the proxy password
//! goes to the keychain through CredentialStore, never to the settings file.
//! OK and Apply validate first; on bad input the dialog stays open and says what is wrong.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    //! Asks for a folder (QFileDialog by default; tests answer instead). Empty: cancelled.
    using FolderChooser = std::function<QString(QWidget* parent, const QString& current)>;

    //! `settings` must outlive the dialog. Without `credentials` there is no password field.
    SettingsDialog(AppSettings* settings, CredentialStore* credentials, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    void setFolderChooser(FolderChooser chooser);
    //! The table the default generation settings come from; `catalog` outlives the dialog
    //! (StudioApp's one). The default is the built-in table.
    void setCatalog(const ModelCatalog* catalog);

    //! Fills every field from the settings (done once by the constructor).
    void load();
    //! Checks the fields; when they are fine, saves them and emits settingsApplied().
    //! Otherwise leaves the settings alone and shows why (errorText()).
    bool apply();
    //! Why the last apply() failed; empty after a successful one.
    QString errorText() const;

    //! The proxy password to use with AppSettings::proxy(): what was typed, or the stored one.
    QString proxyPassword() const;

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    //! The settings were saved: re-apply the proxy (applyProxy(nam, settings.proxy(),
    //! proxyPassword())) and the engine's concurrency cap.
    void settingsApplied();

private:
    void buildUi();
    QWidget* buildGeneralPage();
    QWidget* buildGenerationPage();
    QWidget* buildNetworkPage();
    void browse();
    void fillModels(const QString& preferred);
    void fillValues(const GenerationRequest& preferred);
    void updateProxyFields();
    void showError(const QString& text, QWidget* field);

    AppSettings* m_settings;
    QPointer<CredentialStore> m_credentials;
    const ModelCatalog* m_catalog;
    FolderChooser m_chooseFolder;
    QString m_storedPassword;
    GenerationRequest m_loadedDefaults;

    QTabWidget* m_tabs = nullptr;
    SettingsQueuePage* m_queuePage = nullptr; //!< run window, credit caps, hot folder
    QLineEdit* m_library = nullptr;
    QPushButton* m_browse = nullptr;
    QSpinBox* m_concurrency = nullptr;
    QComboBox* m_language = nullptr;
    QCheckBox* m_sandbox = nullptr;
    QCheckBox* m_rememberMe = nullptr;
    QComboBox* m_model = nullptr;
    QComboBox* m_duration = nullptr;
    QComboBox* m_quality = nullptr;
    QComboBox* m_aspect = nullptr;
    QComboBox* m_motion = nullptr;
    QComboBox* m_proxyMode = nullptr;
    QLineEdit* m_proxyHost = nullptr;
    QSpinBox* m_proxyPort = nullptr;
    QLineEdit* m_proxyUser = nullptr;
    QLineEdit* m_proxyPassword = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace pixverse
