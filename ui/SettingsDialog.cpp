#include "ui/SettingsDialog.h"

#include "core/auth/CredentialStore.h"
#include "core/settings/ProxySetup.h"
#include "ui/SettingsQueuePage.h"
#include "ui/UiHelpers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace pixverse {

Q_LOGGING_CATEGORY(lcSettingsDialog, "pixverse.ui")

namespace {

QString currentValue(const QComboBox* combo) {
    return combo->currentData().toString();
}

void selectValue(QComboBox* combo, const QString& value, const QString& fallback) {
    int index = combo->findData(value);
    if (index < 0)
        index = combo->findData(fallback);
    combo->setCurrentIndex(index >= 0 ? index : (combo->count() > 0 ? 0 : -1));
}

} // namespace

SettingsDialog::SettingsDialog(AppSettings* settings, CredentialStore* credentials, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_credentials(credentials)
    , m_catalog(&ModelCatalog::builtIn())
    , m_chooseFolder([](QWidget* parent, const QString& current) {
        return QFileDialog::getExistingDirectory(parent, SettingsDialog::tr("Library folder"),
                                                 current);
    }) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    buildUi();
    load();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::setFolderChooser(FolderChooser chooser) {
    m_chooseFolder = std::move(chooser);
}

void SettingsDialog::setCatalog(const ModelCatalog* catalog) {
    GenerationRequest current = m_loadedDefaults;
    current.model = currentValue(m_model);
    current.duration = currentValue(m_duration).toInt();
    current.quality = currentValue(m_quality);
    current.aspectRatio = currentValue(m_aspect);
    current.motionMode = currentValue(m_motion);
    m_catalog = catalog;
    fillModels(current.model);
    fillValues(current);
}

void SettingsDialog::buildUi() {
    auto* layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(buildGeneralPage(), tr("&General"));
    m_tabs->addTab(buildGenerationPage(), tr("New &videos"));
    m_tabs->addTab(buildNetworkPage(), tr("&Network"));
    m_queuePage = new SettingsQueuePage(this);
    m_queuePage->setFolderChooser([this](QWidget* parent, const QString& current) {
        return m_chooseFolder(parent, current);
    });
    m_tabs->addTab(m_queuePage, tr("&Queue"));
    layout->addWidget(m_tabs, 1);
    // Ctrl+Tab / Ctrl+PageDown turn the page from any field: QTabWidget only sees these keys
    // when the focused field passes them on, and a combo box keeps them.
    auto turnPage = [this](int step) {
        m_tabs->setCurrentIndex((m_tabs->currentIndex() + step + m_tabs->count()) %
                                m_tabs->count());
    };
    for (const QKeySequence& keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::Key_PageDown)})
        connect(new QShortcut(keys, this), &QShortcut::activated, this,
                [turnPage] { turnPage(1); });
    for (const QKeySequence& keys : {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab),
                                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab),
                                     QKeySequence(Qt::CTRL | Qt::Key_PageUp)})
        connect(new QShortcut(keys, this), &QShortcut::activated, this,
                [turnPage] { turnPage(-1); });

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, ui::errorColor(palette));
    m_error->setPalette(palette);
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this);
    m_buttons->setObjectName(QStringLiteral("settingsButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    m_buttons->button(QDialogButtonBox::Apply)->setObjectName(QStringLiteral("applyButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            &SettingsDialog::apply);
    layout->addWidget(m_buttons);

    // The natural reading order, page by page, then the buttons.
    setTabOrder(m_library, m_browse);
    setTabOrder(m_browse, m_concurrency);
    setTabOrder(m_concurrency, m_language);
    setTabOrder(m_language, m_sandbox);
    setTabOrder(m_sandbox, m_rememberMe);
    setTabOrder(m_model, m_duration);
    setTabOrder(m_duration, m_quality);
    setTabOrder(m_quality, m_aspect);
    setTabOrder(m_aspect, m_motion);
    setTabOrder(m_proxyMode, m_proxyHost);
    setTabOrder(m_proxyHost, m_proxyPort);
    setTabOrder(m_proxyPort, m_proxyUser);
    if (m_proxyPassword)
        setTabOrder(m_proxyUser, m_proxyPassword);
}

QWidget* SettingsDialog::buildGeneralPage() {
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("generalPage"));
    auto* form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_library = new QLineEdit(page);
    m_library->setObjectName(QStringLiteral("libraryFolderEdit"));
    m_library->setMinimumWidth(m_library->fontMetrics().averageCharWidth() * 36);
    m_library->setToolTip(tr("Where finished videos are saved."));
    m_browse = new QPushButton(tr("&Browse…"), page);
    m_browse->setObjectName(QStringLiteral("libraryBrowseButton"));
    m_browse->setAutoDefault(false);
    m_browse->setIcon(ui::actionIcon(QStringLiteral("folder-open"), palette()));
    connect(m_browse, &QPushButton::clicked, this, &SettingsDialog::browse);
    auto* libraryRow = new QHBoxLayout;
    libraryRow->addWidget(m_library, 1);
    libraryRow->addWidget(m_browse);
    auto* libraryLabel = new QLabel(tr("&Library folder:"), page);
    libraryLabel->setBuddy(m_library);
    form->addRow(libraryLabel, libraryRow);

    m_concurrency = new QSpinBox(page);
    m_concurrency->setObjectName(QStringLiteral("concurrencySpin"));
    m_concurrency->setRange(1, 20);
    m_concurrency->setToolTip(
        tr("How many videos PixVerse Studio asks for at the same time; the rest wait in the queue. "
           "Your PixVerse plan may allow fewer."));
    form->addRow(tr("&Videos at once:"), m_concurrency);

    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System default"), QString());
    // Each language in its own name, so that it can be found whatever the current language is.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral(u"Русский"), QStringLiteral("ru"));
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), ui::hintLabel(tr("A new language is used from the next start."), page));

    m_sandbox = new QCheckBox(tr("Use the offline &sandbox instead of PixVerse"), page);
    m_sandbox->setObjectName(QStringLiteral("sandboxCheck"));
    m_sandbox->setToolTip(tr("A local stand-in for PixVerse: try everything without an account, "
                             "credits or a network. Used from the next sign-in."));
    form->addRow(m_sandbox);

    m_rememberMe = new QCheckBox(tr("&Remember me when signing in"), page);
    m_rememberMe->setObjectName(QStringLiteral("rememberMeCheck"));
    m_rememberMe->setToolTip(tr("Whether the sign-in dialog offers to keep you signed in, "
                                "with the secret kept in the system keychain."));
    form->addRow(m_rememberMe);
    return page;
}

QWidget* SettingsDialog::buildGenerationPage() {
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("generationPage"));
    auto* form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(
        ui::hintLabel(tr("What a new video starts with. Each video can still change them."), page));
    auto combo = [page](const char* name) {
        auto* c = new QComboBox(page);
        c->setObjectName(QLatin1String(name));
        return c;
    };
    m_model = combo("defaultModelCombo");
    m_duration = combo("defaultDurationCombo");
    m_quality = combo("defaultQualityCombo");
    m_aspect = combo("defaultAspectCombo");
    m_motion = combo("defaultMotionCombo");
    form->addRow(tr("&Model:"), m_model);
    form->addRow(tr("&Duration:"), m_duration);
    form->addRow(tr("&Quality:"), m_quality);
    form->addRow(tr("&Aspect ratio:"), m_aspect);
    form->addRow(tr("M&otion:"), m_motion);
    connect(m_model, &QComboBox::activated, this, [this] {
        GenerationRequest current;
        current.model = currentValue(m_model);
        current.duration = currentValue(m_duration).toInt();
        current.quality = currentValue(m_quality);
        current.aspectRatio = currentValue(m_aspect);
        current.motionMode = currentValue(m_motion);
        fillValues(current);
    });
    return page;
}

QWidget* SettingsDialog::buildNetworkPage() {
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("networkPage"));
    auto* form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_proxyMode = new QComboBox(page);
    m_proxyMode->setObjectName(QStringLiteral("proxyModeCombo"));
    m_proxyMode->addItem(tr("Use the system proxy settings"),
                         static_cast<int>(ProxySettings::Mode::System));
    m_proxyMode->addItem(tr("No proxy"), static_cast<int>(ProxySettings::Mode::None));
    m_proxyMode->addItem(tr("HTTP proxy"), static_cast<int>(ProxySettings::Mode::Http));
    m_proxyMode->addItem(tr("SOCKS5 proxy"), static_cast<int>(ProxySettings::Mode::Socks5));
    connect(m_proxyMode, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateProxyFields);
    form->addRow(tr("&Proxy:"), m_proxyMode);

    m_proxyHost = new QLineEdit(page);
    m_proxyHost->setObjectName(QStringLiteral("proxyHostEdit"));
    m_proxyHost->setPlaceholderText(tr("proxy.example.com"));
    form->addRow(tr("&Host:"), m_proxyHost);
    m_proxyPort = new QSpinBox(page);
    m_proxyPort->setObjectName(QStringLiteral("proxyPortSpin"));
    m_proxyPort->setRange(0, 65535);
    m_proxyPort->setSpecialValueText(tr("none"));
    form->addRow(tr("P&ort:"), m_proxyPort);
    m_proxyUser = new QLineEdit(page);
    m_proxyUser->setObjectName(QStringLiteral("proxyUserEdit"));
    m_proxyUser->setPlaceholderText(tr("optional"));
    form->addRow(tr("&User name:"), m_proxyUser);
    if (m_credentials) {
        m_proxyPassword = new QLineEdit(page);
        m_proxyPassword->setObjectName(QStringLiteral("proxyPasswordEdit"));
        m_proxyPassword->setEchoMode(QLineEdit::Password);
        m_proxyPassword->setPlaceholderText(tr("optional"));
        m_proxyPassword->setToolTip(tr("Kept in the system keychain, never in the settings file."));
        form->addRow(tr("Pass&word:"), m_proxyPassword);
    }
    return page;
}

void SettingsDialog::load() {
    m_library->setText(QDir::toNativeSeparators(m_settings->libraryFolder()));
    m_concurrency->setValue(m_settings->concurrencyCap());
    selectValue(m_language, m_settings->language(), QString());
    m_sandbox->setChecked(m_settings->useSandbox());
    m_rememberMe->setChecked(m_settings->rememberMeByDefault());

    m_loadedDefaults = m_settings->defaultGeneration();
    fillModels(m_loadedDefaults.model);
    fillValues(m_loadedDefaults);

    const ProxySettings proxy = m_settings->proxy();
    m_proxyMode->setCurrentIndex(qMax(0, m_proxyMode->findData(static_cast<int>(proxy.mode))));
    m_proxyHost->setText(proxy.host);
    m_proxyPort->setValue(proxy.port);
    m_proxyUser->setText(proxy.user);
    m_storedPassword.clear();
    if (m_proxyPassword) {
        m_proxyPassword->clear();
        m_proxyPassword->setModified(false);
        if (m_credentials && !proxy.user.isEmpty()) {
            m_credentials->read(ApiFamily::OpenApi, proxyKeychainAccount(proxy), this,
                                [this](CredentialStore::ReadResult result) {
                                    m_storedPassword = result.secret.value_or(QString());
                                    if (result.secret && !m_proxyPassword->isModified())
                                        m_proxyPassword->setPlaceholderText(
                                            tr("saved in the keychain"));
                                });
        }
    }
    updateProxyFields();
    m_queuePage->load(*m_settings);
    m_error->clear();
    m_error->setVisible(false);
}

void SettingsDialog::fillModels(const QString& preferred) {
    m_model->clear();
    const QList<ModelSpec> models = m_catalog->models();
    for (const ModelSpec& spec : models) {
        if (spec.offered)
            m_model->addItem(spec.label, spec.id);
    }
    selectValue(m_model, preferred, GenerationRequest().model);
}

void SettingsDialog::fillValues(const GenerationRequest& preferred) {
    const ModelSpec* spec = m_catalog->model(currentValue(m_model));
    const GenerationRequest defaults;
    for (QComboBox* c : {m_duration, m_quality, m_aspect, m_motion})
        c->clear();
    if (!spec)
        return;
    for (int d : spec->durations())
        m_duration->addItem(tr("%1 s").arg(d), QString::number(d));
    selectValue(m_duration, QString::number(preferred.duration),
                QString::number(defaults.duration));
    for (const QString& q : spec->qualities)
        m_quality->addItem(q, q);
    selectValue(m_quality, preferred.quality, defaults.quality);
    for (const QString& a : spec->aspectRatios(ApiFamily::OpenApi))
        m_aspect->addItem(a, a);
    selectValue(m_aspect, preferred.aspectRatio, defaults.aspectRatio);
    for (const QString& m : spec->motionChoices()) {
        const QString label = m == QLatin1String("normal") ? tr("Normal")
                              : m == QLatin1String("fast") ? tr("Fast")
                                                           : m;
        m_motion->addItem(label, m);
    }
    selectValue(m_motion, preferred.motionMode, defaults.motionMode);
}

void SettingsDialog::updateProxyFields() {
    const auto mode = static_cast<ProxySettings::Mode>(m_proxyMode->currentData().toInt());
    const bool manual = mode == ProxySettings::Mode::Http || mode == ProxySettings::Mode::Socks5;
    for (QWidget* w :
         {static_cast<QWidget*>(m_proxyHost), static_cast<QWidget*>(m_proxyPort),
          static_cast<QWidget*>(m_proxyUser), static_cast<QWidget*>(m_proxyPassword)}) {
        if (w)
            w->setEnabled(manual);
    }
}

void SettingsDialog::browse() {
    const QString chosen = m_chooseFolder(this, QDir::fromNativeSeparators(m_library->text()));
    if (!chosen.isEmpty())
        m_library->setText(QDir::toNativeSeparators(chosen));
    m_library->setFocus();
}

void SettingsDialog::showError(const QString& text, QWidget* field) {
    m_error->setText(text);
    m_error->setVisible(true);
    if (field) {
        // Show the page the field is on, then the field.
        for (int i = 0; i < m_tabs->count(); ++i) {
            if (m_tabs->widget(i)->isAncestorOf(field))
                m_tabs->setCurrentIndex(i);
        }
        field->setFocus();
    }
}

QString SettingsDialog::errorText() const {
    return m_error->isVisible() ? m_error->text() : QString();
}

bool SettingsDialog::apply() {
    const QString folder = QDir::fromNativeSeparators(m_library->text().trimmed());
    if (folder.isEmpty()) {
        showError(tr("Choose a library folder for the finished videos."), m_library);
        return false;
    }
    if (QDir::isRelativePath(QDir::cleanPath(folder))) {
        showError(tr("The library folder must be a full path, such as %1.")
                      .arg(QDir::toNativeSeparators(AppSettings::defaultLibraryFolder())),
                  m_library);
        return false;
    }

    ProxySettings proxy;
    proxy.mode = static_cast<ProxySettings::Mode>(m_proxyMode->currentData().toInt());
    const bool manual =
        proxy.mode == ProxySettings::Mode::Http || proxy.mode == ProxySettings::Mode::Socks5;
    proxy.host = m_proxyHost->text().trimmed();
    proxy.port = static_cast<quint16>(m_proxyPort->value());
    proxy.user = m_proxyUser->text().trimmed();
    if (manual) {
        if (proxy.host.isEmpty()) {
            showError(tr("Enter the host name or address of the proxy."), m_proxyHost);
            return false;
        }
        if (proxy.host.contains(QLatin1Char(' ')) || proxy.host.contains(QLatin1Char('/'))) {
            showError(tr("“%1” is not a host name: enter a name or an address only, such as "
                         "proxy.example.com.")
                          .arg(proxy.host),
                      m_proxyHost);
            return false;
        }
        if (proxy.port == 0) {
            showError(tr("Enter the port of the proxy, a number from 1 to 65535."), m_proxyPort);
            return false;
        }
    }

    QWidget* queueField = nullptr;
    if (const QString why = m_queuePage->check(&queueField); !why.isEmpty()) {
        showError(why, queueField);
        return false;
    }

    m_settings->setLibraryFolder(folder);
    m_settings->setConcurrencyCap(m_concurrency->value());
    m_queuePage->save(*m_settings);
    m_settings->setLanguage(currentValue(m_language));
    m_settings->setUseSandbox(m_sandbox->isChecked());
    m_settings->setRememberMeByDefault(m_rememberMe->isChecked());
    GenerationRequest defaults = m_loadedDefaults; // keeps what this dialog does not show (seed...)
    defaults.model = currentValue(m_model);
    defaults.duration = currentValue(m_duration).toInt();
    defaults.quality = currentValue(m_quality);
    defaults.aspectRatio = currentValue(m_aspect);
    defaults.motionMode = currentValue(m_motion);
    m_settings->setDefaultGeneration(defaults);
    m_loadedDefaults = defaults;

    const ProxySettings previous = m_settings->proxy();
    m_settings->setProxy(proxy);
    m_settings->sync();

    if (m_proxyPassword && m_credentials) {
        const QString oldAccount = proxyKeychainAccount(previous);
        const QString account = proxyKeychainAccount(proxy);
        const bool typed = m_proxyPassword->isModified();
        const QString password = typed ? m_proxyPassword->text() : m_storedPassword;
        // A password moves with its proxy; an emptied field or a proxy without a user forgets it.
        if (!previous.user.isEmpty() && (oldAccount != account || proxy.user.isEmpty() || !manual))
            m_credentials->remove(ApiFamily::OpenApi, oldAccount, nullptr,
                                  [](bool, const QString&) {});
        if (manual && !proxy.user.isEmpty() && (typed || oldAccount != account)) {
            if (password.isEmpty()) {
                m_credentials->remove(ApiFamily::OpenApi, account, nullptr,
                                      [](bool, const QString&) {});
            } else {
                m_credentials->write(ApiFamily::OpenApi, account, password, nullptr,
                                     [](const CredentialStore::WriteResult& result) {
                                         if (!result.error.isEmpty())
                                             qCWarning(lcSettingsDialog)
                                                 << "the proxy password was not saved:"
                                                 << result.error;
                                     });
            }
        }
        m_storedPassword = manual && !proxy.user.isEmpty() ? password : QString();
        m_proxyPassword->setModified(false);
    }

    m_error->clear();
    m_error->setVisible(false);
    qCInfo(lcSettingsDialog) << "settings applied";
    Q_EMIT settingsApplied();
    return true;
}

void SettingsDialog::accept() {
    if (apply())
        QDialog::accept();
}

QString SettingsDialog::proxyPassword() const {
    if (m_proxyPassword && m_proxyPassword->isModified())
        return m_proxyPassword->text();
    return m_storedPassword;
}

} // namespace pixverse
