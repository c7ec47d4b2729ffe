#include "ui/LoginDialog.h"

#include "core/auth/CredentialStore.h"
#include "core/settings/AppSettings.h"
#include "ui/UiHelpers.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace pixverse {

Q_LOGGING_CATEGORY(lcLoginDialog, "pixverse.ui")

namespace {

//! A line edit for a secret with a Show/Hide toggle beside it.
QWidget* secretRow(QLineEdit* edit, QToolButton* toggle, QWidget* parent) {
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    edit->setEchoMode(QLineEdit::Password);
    toggle->setCheckable(true);
    toggle->setText(LoginDialog::tr("Show"));
    toggle->setToolTip(LoginDialog::tr("Show or hide what you typed"));
    QObject::connect(toggle, &QToolButton::toggled, edit, [edit, toggle](bool shown) {
        edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        toggle->setText(shown ? LoginDialog::tr("Hide") : LoginDialog::tr("Show"));
    });
    layout->addWidget(edit, 1);
    layout->addWidget(toggle);
    return row;
}

QString outageDetail(const ApiError& error) {
    switch (error.kind()) {
    case ApiError::Kind::Http:
        return LoginDialog::tr("HTTP %1").arg(error.httpStatus());
    case ApiError::Kind::Service:
        return LoginDialog::tr("error %1").arg(error.errCode());
    default:
        return LoginDialog::tr("an answer the app could not read");
    }
}

} // namespace

QUrl LoginDialog::platformUrl() {
    return QUrl(QStringLiteral("https://platform.pixverse.ai"));
}

LoginDialog::LoginDialog(Session* session, CredentialStore* credentials, AppSettings* settings,
                         QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_credentials(credentials)
    , m_settings(settings)
    , m_urlOpener([](const QUrl& url) { return QDesktopServices::openUrl(url); }) {
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Sign in to PixVerse"));
    buildUi();

    if (m_session) {
        const Session::Target target = m_session->target();
        m_serviceTarget = target.sandbox ? Session::Target{} : target;
        const QSignalBlocker blocker(m_sandbox);
        m_sandbox->setChecked(target.sandbox);
        m_sandbox->setVisible(target.sandbox);
        m_sandboxHint->setVisible(target.sandbox);
        connect(m_session, &Session::signedIn, this, &LoginDialog::onSignedIn);
        connect(m_session, &Session::signInFailed, this, &LoginDialog::onSignInFailed);
        connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
            if (!m_busy || state == Session::State::SigningIn)
                return;
            // Failures and successes arrive right after the state change; anything still busy
            // once they are handled was cancelled behind the dialog's back.
            QTimer::singleShot(0, this, [this] {
                if (m_busy && (!m_session || m_session->state() != Session::State::SigningIn))
                    setBusy(false);
            });
        });
    }
    if (m_credentials)
        connect(m_credentials, &CredentialStore::keychainUnavailable, this,
                &LoginDialog::updateNotice);
    m_remember->setChecked(canRemember() && m_settings->rememberMeByDefault());
    m_remember->setEnabled(canRemember());
    if (!m_credentials || !m_settings)
        m_remember->setToolTip(tr("This run of the app does not remember sign-ins."));
    updateNotice();
    updateButtons();
}

LoginDialog::~LoginDialog() {
    // A dialog that goes away mid-sign-in takes the attempt with it.
    if (m_busy && m_session)
        m_session->cancel();
}

void LoginDialog::buildUi() {
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(10);

    auto* heading = new QLabel(tr("Sign in to PixVerse"), this);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    heading->setFont(font);
    layout->addWidget(heading);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("loginTabs"));
    m_tabs->setDocumentMode(false);

    // API key
    auto* keyPage = new QWidget(m_tabs);
    keyPage->setObjectName(QStringLiteral("apiKeyPage"));
    auto* keyForm = new QFormLayout(keyPage);
    keyForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_apiKey = new QLineEdit(keyPage);
    m_apiKey->setObjectName(QStringLiteral("apiKeyEdit"));
    m_apiKey->setPlaceholderText(tr("sk-…"));
    m_apiKey->setClearButtonEnabled(true);
    m_showKey = new QToolButton(keyPage);
    m_showKey->setObjectName(QStringLiteral("showApiKeyButton"));
    keyForm->addRow(tr("&API key:"), secretRow(m_apiKey, m_showKey, keyPage));
    m_keyLink = new QLabel(keyPage);
    m_keyLink->setObjectName(QStringLiteral("getKeyLink"));
    m_keyLink->setTextFormat(Qt::RichText);
    m_keyLink->setText(QStringLiteral("<a href=\"%1\">%2</a>")
                           .arg(platformUrl().toString(),
                                tr("Get a key on the PixVerse platform").toHtmlEscaped()));
    m_keyLink->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_keyLink->setOpenExternalLinks(false);
    m_keyLink->setToolTip(platformUrl().toString());
    connect(m_keyLink, &QLabel::linkActivated, this, &LoginDialog::openKeyPage);
    keyForm->addRow(QString(), m_keyLink);
    keyForm->addRow(
        QString(),
        ui::hintLabel(tr("Videos made with a key are paid from the platform account's API "
                         "credits."),
                      keyPage));
    m_tabs->addTab(keyPage, tr("API key"));

    // PixVerse account
    auto* accountPage = new QWidget(m_tabs);
    accountPage->setObjectName(QStringLiteral("accountPage"));
    auto* accountForm = new QFormLayout(accountPage);
    accountForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_email = new QLineEdit(accountPage);
    m_email->setObjectName(QStringLiteral("emailEdit"));
    m_email->setPlaceholderText(tr("name@example.com"));
    m_email->setInputMethodHints(Qt::ImhEmailCharactersOnly | Qt::ImhNoAutoUppercase);
    accountForm->addRow(tr("&E-mail:"), m_email);
    m_password = new QLineEdit(accountPage);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_showPassword = new QToolButton(accountPage);
    m_showPassword->setObjectName(QStringLiteral("showPasswordButton"));
    accountForm->addRow(tr("&Password:"), secretRow(m_password, m_showPassword, accountPage));
    accountForm->addRow(
        QString(),
        ui::hintLabel(tr("The account of the PixVerse website. It allows one session at a "
                         "time: signing in here signs you out in the browser."),
                      accountPage));
    m_tabs->addTab(accountPage, tr("PixVerse account"));
    layout->addWidget(m_tabs);

    // Right under the fields it is about.
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, ui::errorColor(errorPalette));
    m_error->setPalette(errorPalette);
    m_error->hide();
    layout->addWidget(m_error);

    m_remember = new QCheckBox(tr("&Remember me on this computer"), this);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    m_remember->setToolTip(
        tr("Keeps the key or the session in the system keychain, never in a file."));
    layout->addWidget(m_remember);

    m_sandbox = new QCheckBox(tr("Use the offline &sandbox"), this);
    m_sandbox->setObjectName(QStringLiteral("sandboxCheck"));
    m_sandbox->setToolTip(
        tr("A PixVerse stand-in inside the app: try everything without an account or credits."));
    layout->addWidget(m_sandbox);
    m_sandboxHint =
        ui::hintLabel(tr("Offline: nothing leaves this computer and no credits are spent."), this);
    m_sandboxHint->setObjectName(QStringLiteral("sandboxHint"));
    m_sandboxHint->setContentsMargins(24, 0, 0, 0);
    layout->addWidget(m_sandboxHint);
    connect(m_sandbox, &QCheckBox::toggled, this, &LoginDialog::onSandboxToggled);

    m_notice = ui::hintLabel(QString(), this);
    m_notice->setObjectName(QStringLiteral("keychainNotice"));
    layout->addWidget(m_notice);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("busyIndicator"));
    m_progress->setRange(0, 0); // indeterminate
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    m_progress->setAccessibleName(tr("Signing in"));
    // Keeps its place while hidden, so the dialog does not jump when a sign-in starts.
    QSizePolicy keep = m_progress->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    m_progress->setSizePolicy(keep);
    m_progress->hide();
    layout->addWidget(m_progress);

    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(this);
    m_signIn = m_buttons->addButton(tr("Sign &in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    m_cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(m_signIn, &QPushButton::clicked, this, &LoginDialog::signIn);
    connect(m_cancel, &QPushButton::clicked, this, &LoginDialog::reject);
    layout->addWidget(m_buttons);

    for (QLineEdit* edit : {m_apiKey, m_email, m_password})
        connect(edit, &QLineEdit::textChanged, this, &LoginDialog::updateButtons);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        updateButtons();
        (currentTab() == Tab::ApiKey ? m_apiKey
                                     : (m_email->text().isEmpty() ? m_email : m_password))
            ->setFocus();
    });

    setMinimumWidth(460);
    // A page's wrapped hints need more height at a narrower width: followed as pages resize.
    for (int i = 0; i < m_tabs->count(); ++i)
        m_tabs->widget(i)->installEventFilter(this);
}

void LoginDialog::setUrlOpener(UrlOpener opener) {
    m_urlOpener = std::move(opener);
}

void LoginDialog::setSandboxStarter(SandboxStarter starter) {
    m_sandboxStarter = std::move(starter);
    m_sandbox->setVisible(m_sandboxStarter || m_sandbox->isChecked());
    // Already on the sandbox (the app runs with --sandbox): offer its key and account.
    if (m_sandbox->isChecked() && !m_sandboxOffer && m_sandboxStarter) {
        QString why;
        m_sandboxOffer = m_sandboxStarter(&why);
        if (m_sandboxOffer) {
            if (m_apiKey->text().isEmpty())
                m_apiKey->setText(m_sandboxOffer->apiKey);
            if (m_email->text().isEmpty()) {
                m_email->setText(m_sandboxOffer->email);
                m_password->setText(m_sandboxOffer->password);
            }
        }
    }
}

LoginDialog::Tab LoginDialog::currentTab() const {
    return m_tabs->currentIndex() == 1 ? Tab::Account : Tab::ApiKey;
}

void LoginDialog::setCurrentTab(Tab tab) {
    m_tabs->setCurrentIndex(tab == Tab::Account ? 1 : 0);
}

QString LoginDialog::errorText() const {
    return m_error->isHidden() ? QString() : m_error->text();
}

QString LoginDialog::noticeText() const {
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void LoginDialog::prefill(ApiFamily family, const QString& account, const QString& message) {
    if (family == ApiFamily::Web) {
        setCurrentTab(Tab::Account);
        if (!account.isEmpty())
            m_email->setText(account);
        m_password->clear();
        (m_email->text().isEmpty() ? m_email : m_password)->setFocus();
    } else {
        setCurrentTab(Tab::ApiKey);
        m_apiKey->clear();
        // The key itself is gone; its masked form says which one it was.
        if (!account.isEmpty())
            m_apiKey->setPlaceholderText(tr("The key %1 again, or a new one").arg(account));
        m_apiKey->setFocus();
    }
    showProblem(message.isEmpty() ? Problem::None : Problem::Other, message);
    updateButtons();
}

LoginDialog::Problem LoginDialog::classify(const ApiError& error, ApiFamily family) {
    switch (error.kind()) {
    case ApiError::Kind::None:
    case ApiError::Kind::Cancelled:
        return Problem::None;
    case ApiError::Kind::Input:
        return Problem::Input;
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
        return Problem::Network;
    case ApiError::Kind::MalformedReply:
        return Problem::Outage;
    case ApiError::Kind::Http:
        if (error.isServerError())
            return Problem::Outage;
        if (error.isCredentialRefusal())
            return family == ApiFamily::OpenApi ? Problem::BadApiKey : Problem::WrongPassword;
        return Problem::Other;
    case ApiError::Kind::Service:
        switch (error.errCode()) {
        case 500200: // no such user
        case 500201: // wrong password
        case 400:    // what the login answers for malformed credentials (§4.2)
            return family == ApiFamily::Web ? Problem::WrongPassword : Problem::Other;
        case 400012:
            return Problem::BadApiKey;
        case 500069: // high load
        case 500100: // database error
        case 500045: // try again later
        case 99999:  // unknown
            return Problem::Outage;
        default:
            return Problem::Other;
        }
    case ApiError::Kind::InsecureUrl:
    case ApiError::Kind::Tls:
        return Problem::Other;
    }
    return Problem::Other;
}

QString LoginDialog::sentence(const ApiError& error, ApiFamily family) {
    switch (classify(error, family)) {
    case Problem::None:
        return {};
    case Problem::WrongPassword:
        return tr("The e-mail or password is wrong.");
    case Problem::BadApiKey:
        return ApiError::service(400012, QString()).userMessage();
    case Problem::Network:
        if (error.kind() == ApiError::Kind::Timeout)
            return tr("Could not reach PixVerse: it did not answer in time. Check the internet "
                      "connection and try "
                      "again.");
        return tr("Could not reach PixVerse. Check the internet connection and try again.");
    case Problem::Outage:
        return tr("PixVerse is having trouble right now (%1). Try again in a few minutes.")
            .arg(outageDetail(error));
    case Problem::Input:
    case Problem::Other:
        break;
    }
    return error.userMessage();
}

void LoginDialog::signIn() {
    if (m_busy || !m_session)
        return;
    const bool remember = m_remember->isEnabled() && m_remember->isChecked();
    if (currentTab() == Tab::ApiKey) {
        const QString key = m_apiKey->text().trimmed();
        if (key.isEmpty()) {
            showProblem(Problem::Input, tr("Enter the API key from the PixVerse platform."));
            m_apiKey->setFocus();
            return;
        }
        showProblem(Problem::None, {});
        m_signingInAs = ApiFamily::OpenApi;
        setBusy(true);
        m_session->signInWithApiKey(key, remember);
        return;
    }
    const QString email = m_email->text().trimmed();
    if (email.isEmpty() || !email.contains(u'@')) {
        showProblem(Problem::Input, tr("Enter the e-mail address of the PixVerse account."));
        m_email->setFocus();
        return;
    }
    if (m_password->text().isEmpty()) {
        showProblem(Problem::Input, tr("Enter the password of the PixVerse account."));
        m_password->setFocus();
        return;
    }
    showProblem(Problem::None, {});
    m_signingInAs = ApiFamily::Web;
    setBusy(true);
    m_session->signInWithPassword(email, m_password->text(), remember);
}

void LoginDialog::cancelSignIn() {
    if (!m_busy)
        return;
    qCInfo(lcLoginDialog) << "sign-in cancelled by the creator";
    setBusy(false);
    if (m_session)
        m_session->cancel();
    showProblem(Problem::None, {});
}

void LoginDialog::reject() {
    if (m_busy) {
        cancelSignIn();
        return;
    }
    QDialog::reject();
}

void LoginDialog::showEvent(QShowEvent* event) {
    QDialog::showEvent(event);
    // Find out now whether the keychain answers, so the notice is there before the creator
    // relies on "Remember me". Reading an entry that never exists stores nothing.
    if (!m_probed && m_credentials && m_credentials->isPersistent()) {
        m_probed = true;
        m_credentials->read(ApiFamily::OpenApi, QStringLiteral("keychain-probe"), this,
                            [](const CredentialStore::ReadResult&) {});
    }
}

bool LoginDialog::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Resize && watched == m_tabs->currentWidget())
        fitTabsToPages();
    return QDialog::eventFilter(watched, event);
}

void LoginDialog::fitTabsToPages() {
    // A tab widget is as tall as its pages' size hints, which do not follow the width: the
    // API key page's hint, a line longer in Russian, had its last line cut off by the page
    // (issue 18). The tallest page at the width they have, so switching tabs does not jump.
    const QWidget* shown = m_tabs->currentWidget();
    int needed = 0;
    for (int i = 0; i < m_tabs->count(); ++i) {
        const QLayout* form = m_tabs->widget(i)->layout();
        needed =
            std::max(needed, form->hasHeightForWidth() ? form->totalHeightForWidth(shown->width())
                                                       : form->totalSizeHint().height());
    }
    const int frame = m_tabs->height() - shown->height(); // the tab bar and the page's frame
    if (needed > shown->height() && m_tabs->minimumHeight() != needed + frame)
        m_tabs->setMinimumHeight(needed + frame);
}

void LoginDialog::closeEvent(QCloseEvent* event) {
    // The window's close button closes even while signing in (Cancel and Escape only abort).
    cancelSignIn();
    QDialog::closeEvent(event);
}

void LoginDialog::setBusy(bool busy) {
    m_busy = busy;
    m_tabs->setEnabled(!busy);
    m_remember->setEnabled(!busy && canRemember());
    m_sandbox->setEnabled(!busy);
    m_progress->setVisible(busy);
    updateButtons();
    if (!busy) {
        QLineEdit* field = currentTab() == Tab::ApiKey ? m_apiKey : m_password;
        if (currentTab() == Tab::Account && m_email->text().trimmed().isEmpty())
            field = m_email;
        field->setFocus();
    }
}

void LoginDialog::showProblem(Problem problem, const QString& text) {
    m_problem = text.isEmpty() ? Problem::None : problem;
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    growToFit();
}

void LoginDialog::growToFit() {
    // Wrapped labels ask for height by width, which a dialog's minimum size does not follow:
    // grow when an error or the notice appears instead of squeezing the fields.
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void LoginDialog::updateButtons() {
    const bool filled = currentTab() == Tab::ApiKey
                            ? !m_apiKey->text().trimmed().isEmpty()
                            : !m_email->text().trimmed().isEmpty() && !m_password->text().isEmpty();
    m_signIn->setEnabled(!m_busy && filled && m_session);
}

bool LoginDialog::canRemember() const {
    return m_credentials && m_settings && m_credentials->isPersistent();
}

void LoginDialog::updateNotice() {
    const bool unavailable = m_credentials && !m_credentials->isPersistent();
    if (unavailable) {
        // Nothing to tick: the sign-in lasts as long as the app runs, the notice says why.
        m_remember->setChecked(false);
        m_remember->setEnabled(false);
    }
    m_notice->setText(
        unavailable
            ? tr("Your sign-in will not be remembered: %1").arg(m_credentials->unavailableReason())
            : QString());
    m_notice->setVisible(unavailable);
    growToFit();
}

void LoginDialog::onSandboxToggled(bool on) {
    if (!m_session || m_busy)
        return;
    if (on) {
        if (!m_sandboxOffer) {
            QString why = tr("the app was started without it.");
            if (m_sandboxStarter)
                m_sandboxOffer = m_sandboxStarter(&why);
            if (!m_sandboxOffer) {
                const QSignalBlocker blocker(m_sandbox);
                m_sandbox->setChecked(false);
                showProblem(Problem::Other, tr("The offline sandbox could not start: %1").arg(why));
                return;
            }
        }
        if (!m_session->target().sandbox)
            m_serviceTarget = m_session->target();
        m_session->setTarget(m_sandboxOffer->target);
        // For convenience: the sandbox's own key and account, where nothing was typed yet.
        if (m_apiKey->text().isEmpty())
            m_apiKey->setText(m_sandboxOffer->apiKey);
        if (m_email->text().isEmpty() && m_password->text().isEmpty()) {
            m_email->setText(m_sandboxOffer->email);
            m_password->setText(m_sandboxOffer->password);
        }
    } else {
        m_session->setTarget(m_serviceTarget);
        // What the sandbox filled in means nothing to the real service.
        if (m_sandboxOffer) {
            if (m_apiKey->text() == m_sandboxOffer->apiKey)
                m_apiKey->clear();
            if (m_email->text() == m_sandboxOffer->email &&
                m_password->text() == m_sandboxOffer->password) {
                m_email->clear();
                m_password->clear();
            }
        }
    }
    m_sandboxHint->setVisible(on);
    showProblem(Problem::None, {});
    updateButtons();
}

void LoginDialog::onSignedIn() {
    if (!m_busy)
        return;
    setBusy(false);
    if (m_settings)
        m_settings->setUseSandbox(m_sandbox->isChecked());
    m_password->clear();
    accept();
}

void LoginDialog::onSignInFailed(const ApiError& error) {
    if (!m_busy)
        return;
    setBusy(false);
    const Problem problem = classify(error, m_signingInAs);
    showProblem(problem, sentence(error, m_signingInAs));
    if (problem == Problem::WrongPassword) {
        m_password->selectAll();
        m_password->setFocus();
    } else if (problem == Problem::BadApiKey) {
        m_apiKey->selectAll();
        m_apiKey->setFocus();
    }
}

void LoginDialog::openKeyPage() {
    if (m_urlOpener && !m_urlOpener(platformUrl()))
        showProblem(Problem::Other,
                    tr("Could not open %1 in a browser.").arg(platformUrl().toString()));
}

} // namespace pixverse
