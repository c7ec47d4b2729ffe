#pragma once

#include "core/auth/Session.h"

#include <QDialog>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <optional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QToolButton;

namespace pixverse {

class AppSettings;
class CredentialStore;

//! Signs the creator in, with a platform API key or with the e-mail and password of a PixVerse
//! account (the Quaternion pattern: validate, start the request, stay open with a busy bar,
//! accept on success, show the error inline). It never blocks the event loop: open() it.
//! The outcome is the Session's; the dialog only starts and cancels sign-ins.
class LoginDialog : public QDialog {
    Q_OBJECT
public:
    enum class Tab { ApiKey, Account };

    //! How a failed sign-in reads to the creator; decides the sentence under the fields.
    enum class Problem { None, Input, WrongPassword, BadApiKey, Network, Outage, Other };

    //! Opens a URL outside the app (QDesktopServices by default; tests record instead).
    using UrlOpener = std::function<bool(const QUrl&)>;

    //! What the embedded sandbox offers once it runs: where it is and who may sign in.
    struct SandboxOffer {
        Session::Target target;
        QString apiKey;
        QString email;
        QString password;
    };
    //! Starts the embedded sandbox (or returns the running one); on failure returns nothing and
    //! says why in `*error`.
    using SandboxStarter = std::function<std::optional<SandboxOffer>(QString* error)>;

    //! Where a creator gets an API key.
    static QUrl platformUrl();

    //! `credentials` and `settings` may be null: then nothing is remembered and "Remember me" is
    //! off. The dialog does not own any of them.
    LoginDialog(Session* session, CredentialStore* credentials, AppSettings* settings,
                QWidget* parent = nullptr);
    ~LoginDialog() override;

    void setUrlOpener(UrlOpener opener);
    //! Without a starter the sandbox check box is hidden (unless the session already targets it).
    void setSandboxStarter(SandboxStarter starter);

    //! After an ended session or a failed restore: the right tab, the e-mail, and why.
    void prefill(ApiFamily family, const QString& account, const QString& message = {});

    Tab currentTab() const;
    void setCurrentTab(Tab tab);
    bool isBusy() const { return m_busy; }
    //! The sentence under the fields; empty when there is none.
    QString errorText() const;
    Problem problem() const { return m_problem; }
    //! The keychain notice; empty while secrets can be remembered.
    QString noticeText() const;

    //! The kind of problem and its sentence, for an error of a sign-in with `family`.
    static Problem classify(const ApiError& error, ApiFamily family);
    static QString sentence(const ApiError& error, ApiFamily family);

public Q_SLOTS:
    //! Sign in with the current tab's fields (the Sign in button, Enter).
    void signIn();
    //! Aborts a sign-in in flight; the dialog stays open with its fields enabled again.
    void cancelSignIn();
    //! Escape and Cancel abort a sign-in in flight first; only when idle they close the dialog.
    void reject() override;

protected:
    void showEvent(QShowEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildUi();
    void setBusy(bool busy);
    void showProblem(Problem problem, const QString& text);
    void updateButtons();
    void updateNotice();
    void growToFit();
    //! Makes the tabs as tall as their pages need at their width (see eventFilter()).
    void fitTabsToPages();
    bool canRemember() const;
    void onSandboxToggled(bool on);
    void onSignedIn();
    void onSignInFailed(const ApiError& error);
    void openKeyPage();

    QPointer<Session> m_session;
    QPointer<CredentialStore> m_credentials;
    AppSettings* m_settings;
    UrlOpener m_urlOpener;
    SandboxStarter m_sandboxStarter;
    std::optional<SandboxOffer> m_sandboxOffer;
    Session::Target m_serviceTarget; //!< where to go when the sandbox is switched off
    ApiFamily m_signingInAs = ApiFamily::OpenApi;
    Problem m_problem = Problem::None;
    bool m_busy = false;
    bool m_probed = false;

    QTabWidget* m_tabs = nullptr;
    QLineEdit* m_apiKey = nullptr;
    QToolButton* m_showKey = nullptr;
    QLabel* m_keyLink = nullptr;
    QLineEdit* m_email = nullptr;
    QLineEdit* m_password = nullptr;
    QToolButton* m_showPassword = nullptr;
    QCheckBox* m_remember = nullptr;
    QCheckBox* m_sandbox = nullptr;
    QLabel* m_sandboxHint = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_notice = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_signIn = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace pixverse
