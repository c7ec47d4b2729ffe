#include "app/gui/StudioApp.h"

#include "app/gui/BatchQueuer.h"
#include "core/api/ApiClient.h"
#include "core/auth/CredentialStore.h"
#include "core/auth/Session.h"
#include "core/backend/BackendFactory.h"
#include "core/backend/PriceBook.h"
#include "core/effects/PreviewCache.h"
#include "core/effects/TemplateLibrary.h"
#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"
#include "core/jobs/SidecarWatcher.h"
#include "core/ledger/LedgerSync.h"
#include "core/ledger/SpendGuard.h"
#include "core/logging/LogFile.h"
#include "core/queue/HotFolder.h"
#include "core/sandbox/SandboxHost.h"
#include "core/settings/AppSettings.h"
#include "core/settings/ProxySetup.h"
#include "ui/BatchPreviewDialog.h"
#include "ui/ImageDropZone.h"
#include "ui/JobsPane.h"
#include "ui/MainWindow.h"
#include "ui/PromptEditor.h"
#include "ui/QueueBanner.h"
#include "ui/SettingsDialog.h"
#include "ui/StudioStyle.h"
#include "ui/Translations.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTimer>

namespace pixverse {

Q_LOGGING_CATEGORY(lcStudio, "pixverse.ui")

StudioApp::StudioApp(StudioOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options)) {
    m_dataDir = m_options.dataDir.isEmpty()
                    ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                    : m_options.dataDir;
    if (m_options.installLog) {
        LogFile::install(m_dataDir);
        m_logInstalled = true;
    }
    m_catalog = std::make_unique<const ModelCatalog>(ModelCatalog::load(m_dataDir));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_settings = m_options.settingsFile.isEmpty()
                     ? std::make_unique<AppSettings>()
                     : std::make_unique<AppSettings>(m_options.settingsFile);
    if (m_options.sandbox) {
        // A demo run: nothing remembered is read, replaced or forgotten.
        m_session = std::make_unique<Session>(m_network.get(), nullptr, nullptr);
    } else {
        m_credentials = std::make_unique<CredentialStore>(m_options.keychainService.isEmpty()
                                                              ? CredentialStore::defaultService()
                                                              : m_options.keychainService);
        m_session =
            std::make_unique<Session>(m_network.get(), m_credentials.get(), m_settings.get());
    }
    m_session->setCatalog(m_catalog.get());
    // The proxy's password, if any, is in the keychain.
    applyStoredProxy(*m_network, *m_settings, m_credentials.get());
    // Our icons for the style's standard ones: no image file is read before the first paint.
    if (!qobject_cast<ui::StudioStyle*>(QApplication::style()))
        QApplication::setStyle(new ui::StudioStyle);
    m_window = std::make_unique<MainWindow>();
    m_window->setSettings(m_settings.get());
    m_window->promptEditor()->setCatalog(m_catalog.get());
    m_window->jobsPane()->setCatalog(m_catalog.get());
    m_window->jobsPane()->setFramesFolder(QDir(m_dataDir).filePath(QStringLiteral("frames")));
    setUpEffects();
    connect(m_window->promptEditor(), &PromptEditor::generateRequested, this, &StudioApp::generate);
    // Upscale, sound effect and lip sync from a card: jobs like any other.
    connect(m_window->jobsPane(), &JobsPane::continuationRequested, this, &StudioApp::generate);
    m_batch = std::make_unique<BatchQueuer>(this);
    connect(m_window.get(), &MainWindow::batchSourceChosen, m_batch.get(), &BatchQueuer::open);
    connect(m_window.get(), &MainWindow::settingsRequested, this, [this] {
        auto* dialog = new SettingsDialog(m_settings.get(), m_credentials.get(), m_window.get());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setCatalog(m_catalog.get());
        connect(dialog, &SettingsDialog::settingsApplied, this, [this, dialog] {
            applyProxy(*m_network, m_settings->proxy(), dialog->proxyPassword());
            m_templates->setLanguage(resolveLanguage(m_settings->language()));
            if (m_engine) {
                m_engine->setConcurrencyCap(m_settings->concurrencyCap());
                m_engine->setLibraryFolder(m_settings->libraryFolder());
                applyQueueSettings();
            }
            updateHotFolder();
        });
        dialog->open();
    });

    Session* session = m_session.get();
    connect(session, &Session::signedIn, this, &StudioApp::onSignedIn);
    connect(session, &Session::balanceChanged, this,
            [this](const Balance& balance) { m_window->setBalance(balance.total()); });
    connect(session, &Session::signedOut, this, &StudioApp::onSignedOut);
    connect(session, &Session::restoreFailed, this,
            [this](ApiFamily family, const QString& account, const ApiError& error) {
                m_window->setSignedOut();
                updateConnectionLabel();
                if (account.isEmpty() && !error.isError())
                    showLoginDialog(); // nothing was remembered
                else
                    showLoginDialogFor(family, account, LoginDialog::sentence(error, family));
            });
    connect(session, &Session::sessionEnded, this,
            [this](ApiFamily family, const QString& account, const ApiError& reason) {
                m_window->setSignedOut();
                updateConnectionLabel();
                // Asked again, never signed in again behind the creator's back (one session per
                // account).
                showLoginDialogFor(family, account, reason.userMessage());
            });
    connect(session, &Session::signInFailed, this, [this](const ApiError& error) {
        // The dialog shows its own failures; this is the silent --sandbox sign-in failing.
        if (!m_dialog) {
            updateConnectionLabel();
            showLoginDialogFor(ApiFamily::OpenApi, QString(),
                               LoginDialog::sentence(error, ApiFamily::OpenApi));
        }
    });
    connect(session, &Session::rememberUnavailable, this, [this](const QString& reason) {
        m_window->showNotice(tr("Your sign-in will not be remembered: %1").arg(reason));
    });
    connect(m_window.get(), &MainWindow::signInRequested, this, &StudioApp::showLoginDialog);
    connect(m_window.get(), &MainWindow::signOutRequested, session, &Session::signOut);
}

StudioApp::~StudioApp() {
    if (m_dialog)
        m_dialog->disconnect(this);
    m_batch.reset();
    m_window.reset();
    if (m_templates)
        m_templates->setBackend(nullptr); // the session's backend goes next
    m_sidecarWatcher.reset();
    m_hotFolder.reset();
    m_ledgerSync.reset();
    m_prices.reset();
    m_engine.reset();
    m_store.reset();
    m_session.reset();
    m_credentials.reset();
    m_sandbox.reset();
    if (m_logInstalled)
        LogFile::uninstall();
}

bool StudioApp::start() {
    m_window->show();
    // ffmpeg's libraries are loaded by the first video read (issue 20: off the start-up), or
    // before it on a pool thread once the creator chooses a playable take or opens the effects
    // (media::preloadLibavSoon: JobsPane, EffectsBrowser), so the first compare, preview or last
    // frame does not wait for them, and browsing alone does not keep them resident.
    if (m_options.sandbox) {
        const std::optional<LoginDialog::SandboxOffer> offer = sandboxOffer(&m_error);
        if (!offer)
            return false;
        m_session->setTarget(offer->target);
        m_window->setConnectionLabel(tr("Offline sandbox · signing in…"));
        m_session->signInWithApiKey(offer->apiKey, false);
        return true;
    }
    // Back to where the remembered account lives before asking the keychain for its secret.
    if (const std::optional<RememberedAccount> remembered = m_settings->rememberedAccount()) {
        if (remembered->sandbox) {
            QString why;
            const std::optional<LoginDialog::SandboxOffer> offer = sandboxOffer(&why);
            if (!offer) {
                qCWarning(lcStudio).noquote()
                    << "the sandbox of the remembered account did not start:" << why;
                showLoginDialogFor(remembered->family, remembered->account,
                                   tr("The offline sandbox could not start: %1").arg(why));
                return true;
            }
            m_session->setTarget(offer->target);
        } else if (!remembered->baseUrl.isEmpty()) {
            Session::Target target;
            target.baseUrl = QUrl(remembered->baseUrl);
            m_session->setTarget(target);
        }
        m_window->setConnectionLabel(tr("Signing in as %1…").arg(remembered->account));
    } else {
        updateConnectionLabel();
    }
    m_session->restore();
    return true;
}

std::optional<LoginDialog::SandboxOffer> StudioApp::sandboxOffer(QString* error) {
    if (!m_sandbox) {
        // The sandbox serves from a thread of its own, so the window never waits on it.
        auto host = std::make_unique<sandbox::SandboxHost>(m_options.sandboxConfig);
        if (!host->start()) {
            if (error)
                *error = host->errorString();
            return std::nullopt;
        }
        m_sandbox = std::move(host);
        qCInfo(lcStudio).noquote() << "offline sandbox at" << m_sandbox->baseUrl().toString();
    }
    LoginDialog::SandboxOffer offer;
    offer.target.baseUrl = m_sandbox->baseUrl();
    offer.target.objectStoreUrl = sandboxObjectStoreUrl(m_sandbox->baseUrl());
    offer.target.sandbox = true;
    offer.apiKey = m_sandbox->defaultApiKey();
    if (!m_options.sandboxConfig.webAccounts.isEmpty()) {
        offer.email = m_options.sandboxConfig.webAccounts.constFirst().first;
        offer.password = m_options.sandboxConfig.webAccounts.constFirst().second;
    }
    return offer;
}

void StudioApp::showLoginDialog() {
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    // The sandbox was the last choice: start it now, so the dialog opens on it.
    if (!m_options.sandbox && m_settings->useSandbox() && !m_session->target().sandbox) {
        QString why;
        if (const std::optional<LoginDialog::SandboxOffer> offer = sandboxOffer(&why))
            m_session->setTarget(offer->target);
        else
            qCWarning(lcStudio).noquote() << "the offline sandbox did not start:" << why;
    }
    auto* dialog = new LoginDialog(m_session.get(), m_credentials.get(),
                                   m_options.sandbox ? nullptr : m_settings.get(), m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSandboxStarter([this](QString* error) { return sandboxOffer(error); });
    connect(dialog, &QDialog::finished, this, [this] {
        updateConnectionLabel();
        // Back to the window, with the keyboard where the work starts (a window manager would
        // activate it anyway; without one, nothing else would).
        m_window->activateWindow();
        if (m_session->state() == Session::State::SignedIn)
            m_window->focusPrompt();
    });
    m_dialog = dialog;
    dialog->open();
    Q_EMIT loginDialogShown(dialog);
}

void StudioApp::showLoginDialogFor(ApiFamily family, const QString& account,
                                   const QString& message) {
    showLoginDialog();
    if (m_dialog && !m_dialog->isBusy())
        m_dialog->prefill(family, account, message);
}

void StudioApp::startJobEngine() {
    stopJobEngine();
    Backend* backend = m_session->backend();
    if (!backend)
        return;
    // One store per account: its jobs are polled with its own credentials.
    const Session::Target target = m_session->target();
    const QString account = QString::fromLatin1(
        QCryptographicHash::hash(m_session->accountLabel().toUtf8(), QCryptographicHash::Sha1)
            .toHex()
            .left(12));
    const QString folder =
        QDir(m_dataDir).filePath(QStringLiteral("accounts/%1%2-%3")
                                     .arg(target.sandbox ? QStringLiteral("sandbox-") : QString(),
                                          apiFamilyId(m_session->family()), account));
    m_store = std::make_unique<JobStore>();
    if (!m_store->open(folder)) {
        m_window->showNotice(tr("Your jobs cannot be kept: %1").arg(m_store->errorString()));
        m_store.reset();
        return;
    }
    JobEngineOptions options = JobEngineOptions::fromSettings(*m_settings);
    options.catalog = m_catalog.get();
    options.watchSystemNetwork = !target.sandbox; // the sandbox is on loopback, always reachable
    // The sandbox (or a service on loopback) makes its videos in seconds: polled from the
    // start, with no request limit.
    if (target.sandbox || ApiClient::isLoopback(target.baseUrl))
        options.pollSchedule = PollSchedule::local();
    m_engine = std::make_unique<JobEngine>(m_store.get(), backend, m_network.get(), options);
    connect(m_engine.get(), &JobEngine::balanceChanged, this,
            [this](const Balance& balance) { m_window->setBalance(balance.total()); });
    connect(m_engine.get(), &JobEngine::uploadProgress, this,
            [this](qint64 jobId, qint64 sent, qint64 total) {
                m_uploadShown = jobId;
                m_window->setUploadProgress(sent, total);
            });
    // The bar follows the job, not only its progress: an upload refused, failed or cancelled
    // part of the way says no "all of it" (issue 18: the bar stayed, even after the job).
    auto uploadOver = [this](qint64 jobId) {
        if (jobId != m_uploadShown || !m_store)
            return;
        if (const std::optional<Job> job = m_store->job(jobId);
            job && job->state == JobState::Uploading)
            return;
        m_uploadShown = 0;
        m_window->endUploadProgress();
    };
    connect(m_store.get(), &JobStore::jobChanged, this, uploadOver);
    connect(m_store.get(), &JobStore::jobRemoved, this, uploadOver);
    // The composer's "Balance after" counts the queue, charged only as its jobs are sent; a
    // burst of changes is summed once.
    if (!m_queuedCreditsDelay) {
        m_queuedCreditsDelay = new QTimer(this);
        m_queuedCreditsDelay->setSingleShot(true);
        m_queuedCreditsDelay->setInterval(100);
        connect(m_queuedCreditsDelay, &QTimer::timeout, this, [this] {
            if (m_store)
                m_window->promptEditor()->setQueuedCredits(
                    SpendGuard(m_store.get(), m_catalog.get()).unsentCredits());
        });
    }
    for (auto changed : {&JobStore::jobAdded, &JobStore::jobChanged, &JobStore::jobRemoved})
        connect(m_store.get(), changed, m_queuedCreditsDelay, qOverload<>(&QTimer::start));
    m_queuedCreditsDelay->start(); // a queue kept from the last run
    connect(
        m_engine.get(), &JobEngine::accountVideosImported, this,
        [this](int added, const ApiError& error) {
            if (error.isError())
                m_window->showNotice(
                    tr("Your videos on PixVerse could not be listed: %1").arg(error.userMessage()));
            else if (added > 0)
                m_window->showNotice(
                    tr("%n video(s) from your PixVerse account added to the gallery.", nullptr,
                       added));
        });
    connect(m_engine.get(), &JobEngine::templateRefused, this, &StudioApp::onTemplateRefused);
    applyQueueSettings(); // before the first pass: a window or a cap holds from the start
    m_engine->start();
    m_sidecarWatcher = std::make_unique<SidecarWatcher>(m_engine->library());
    connect(m_sidecarWatcher.get(), &SidecarWatcher::sidecarUnreadable, m_window.get(),
            [this](qint64, const QString& sentence) { m_window->showNotice(sentence); });
    m_window->jobsPane()->setJobs(m_store.get(), m_engine.get());
    m_window->jobsPane()->setBackend(backend);
    // A PixVerse account's earlier videos appear in the gallery, saved when asked (web family;
    // the OpenAPI has no list, and nothing is sent).
    m_engine->importAccountVideos();
    startLedger();
    updateHotFolder();
    Q_EMIT jobEngineStarted(m_engine.get());
}

void StudioApp::applyQueueSettings() {
    if (!m_engine)
        return;
    m_engine->setRunWindow(m_settings->queueRunWindow());
    m_engine->setCreditCaps(m_settings->creditCaps(), m_sessionStart);
    m_window->jobsPane()->queueBanner()->refresh();
}

void StudioApp::setUpEffects() {
    // In the data directory beside the jobs: a test's or a second profile's stays its own.
    const QDir effects(QDir(m_dataDir).filePath(QStringLiteral("effects")));
    m_templates =
        std::make_unique<TemplateLibrary>(effects.filePath(QStringLiteral("templates.json")));
    constexpr qint64 kPreviewCap = 200LL * 1024 * 1024;
    m_previews = std::make_unique<PreviewCache>(effects.filePath(QStringLiteral("previews")),
                                                kPreviewCap, m_network.get());
    m_templates->setCatalog(m_catalog.get()); // the order of qualities a 500071 takes off
    m_templates->setLanguage(resolveLanguage(m_settings->language()));
    m_templates->load();
    m_window->setEffectSources(m_templates.get(), m_previews.get());
    // What the list learns later (a refresh, a refusal) reaches the template in the composer.
    connect(m_templates.get(), &TemplateLibrary::templatesChanged, this, [this] {
        const qint64 chosen = m_window->promptEditor()->effectFacts().templateId;
        if (const std::optional<EffectTemplate> effect = m_templates->find(chosen))
            m_window->promptEditor()->refreshEffect(*effect);
    });
}

void StudioApp::onTemplateRefused(qint64 templateId, int errorCode, const QString& quality) {
    constexpr int kNotActivated = 500070;
    constexpr int kQualityRefused = 500071;
    if (errorCode == kNotActivated)
        m_templates->markNeedsActivation(templateId);
    else if (errorCode == kQualityRefused)
        m_templates->markQualityRefused(templateId, quality);
    if (const std::optional<EffectTemplate> effect = m_templates->find(templateId))
        m_window->promptEditor()->refreshEffect(*effect);
}

void StudioApp::stopJobEngine() {
    if (!m_engine && !m_store)
        return;
    Q_EMIT jobEngineStopping();
    m_window->jobsPane()->setBackend(nullptr);
    m_window->jobsPane()->setJobs(nullptr, nullptr);
    stopLedger();
    m_sidecarWatcher.reset();
    m_hotFolder.reset();
    m_engine.reset();
    m_store.reset();
    if (m_queuedCreditsDelay)
        m_queuedCreditsDelay->stop();
    m_window->promptEditor()->setQueuedCredits(0);
}

void StudioApp::generate(const GenerationRequest& request) {
    if (!m_engine) {
        m_window->showNotice(tr("Sign in to generate videos."));
        showLoginDialog();
        return;
    }
    const int takes = m_window->promptEditor()->takeCount();
    if (takes <= 1) {
        m_engine->enqueueAsync(request, this, [this](Result<Job> added) {
            if (added.ok())
                return;
            m_window->showNotice(added.error.userMessage());
            if (m_uploadShown == 0) // the image went up for a job that was never stored
                m_window->endUploadProgress();
        });
        return;
    }
    // Several takes of one click: one group, the inputs copied once off the GUI thread.
    m_engine->enqueueTakesAsync(request, takes, this, [this](Result<QList<Job>> added) {
        if (!added.ok() || added.value->isEmpty()) {
            m_window->showNotice(added.error.userMessage());
            return;
        }
        m_window->showNotice(tr("%n takes of “%1” queued.", nullptr, int(added.value->size()))
                                 .arg(JobListModel::titleOf(added.value->first())));
    });
}

void StudioApp::onSignedIn() {
    setUpPrices(); // before the engine: the hot folder it starts prices with the book
    startJobEngine();
    // Effects are the OpenAPI's only (§3.13); the list is fetched at most once a day.
    const bool openApi = m_session->family() == ApiFamily::OpenApi;
    m_templates->setBackend(openApi ? m_session->backend() : nullptr);
    if (openApi)
        m_templates->refresh();
    m_window->setAccount(m_session->accountLabel(), m_session->family());
    m_window->promptEditor()->setFamily(m_session->family());
    if (const std::optional<Balance> balance = m_session->balance())
        m_window->setBalance(balance->total());
    updateConnectionLabel();
    // Signed in some other way (the remembered account) while the dialog was open and idle.
    if (m_dialog && !m_dialog->isBusy() && m_dialog->isVisible())
        m_dialog->accept();
}

void StudioApp::setUpPrices() {
    m_window->promptEditor()->setPriceBook(nullptr);
    m_prices = std::make_unique<PriceBook>(m_session->backend(), m_catalog.get());
    // The website's formulas and promotion flag once per session (the book refreshes them when
    // they grow old).
    m_prices->refresh();
    m_window->promptEditor()->setPriceBook(m_prices.get());
}

void StudioApp::onSignedOut() {
    m_window->promptEditor()->setPriceBook(nullptr);
    m_templates->setBackend(nullptr);
    stopJobEngine(); // the hot folder, which prices with the book, goes with the engine
    m_prices.reset();
    m_window->setSignedOut();
    updateConnectionLabel();
    showLoginDialog();
}

void StudioApp::updateConnectionLabel() {
    const Session::Target target = m_session->target();
    const QString where = target.sandbox ? tr("Offline sandbox") : target.baseUrl.host();
    switch (m_session->state()) {
    case Session::State::SignedIn:
        m_window->setConnectionLabel(where);
        break;
    case Session::State::SigningIn:
        m_window->setConnectionLabel(tr("%1 · signing in…").arg(where));
        break;
    case Session::State::SignedOut:
        m_window->setConnectionLabel(target.sandbox ? where : QString());
        break;
    }
}

} // namespace pixverse
