#include "ui/MainWindow.h"

#include "core/jobs/Job.h"
#include "core/jobs/JobLibrary.h"
#include "core/settings/AppSettings.h"
#include "ui/ComposerInputs.h"
#include "ui/DesktopNotifier.h"
#include "ui/EffectsBrowser.h"
#include "ui/ImageDropZone.h"
#include "ui/JobGalleryView.h"
#include "ui/JobsPane.h"
#include "ui/LogViewer.h"
#include "ui/PaneWheelFilter.h"
#include "ui/PromptEditor.h"
#include "ui/UiHelpers.h"

#include <QAction>
#include <QCloseEvent>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace pixverse {

namespace {
QLabel* heading(const QString& title, QWidget* parent) {
    auto* label = new QLabel(title, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent) {
    setWindowTitle(tr("PixVerse Studio"));
    setObjectName(QStringLiteral("mainWindow"));
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(createPane());
    // The gallery, and beside it the effects once there is a list to browse.
    m_sideTabs = new QTabWidget(splitter);
    m_sideTabs->setObjectName(QStringLiteral("sideTabs"));
    m_sideTabs->setDocumentMode(true);
    m_sideTabs->tabBar()->setAutoHide(true);
    m_jobsPane = new JobsPane(nullptr, nullptr, m_sideTabs);
    m_sideTabs->addTab(m_jobsPane, tr("Gallery"));
    splitter->addWidget(m_sideTabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    setCentralWidget(splitter);
    // Two fifths for composing, the rest for the gallery.
    splitter->setSizes({512, 768});
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    createAccountArea();
    statusBar()->addPermanentWidget(m_connectionLabel);
    m_notifier = new DesktopNotifier(this);
    connectJobsPane();
    // Tab goes from the composer (image, prompt, settings, Generate) on to the gallery.
    setTabOrder(m_promptEditor, m_jobsPane);
    // 1280×800 is taller than a 1366×768 laptop's screen less its panel: fit the screen.
    setGeometry(fittedGeometry(QRect(QPoint(), preferredSize()), availableArea(), true));
}

MainWindow::~MainWindow() = default;

void MainWindow::setSettings(AppSettings* settings) {
    m_settings = settings;
    m_jobsPane->setSettings(settings);
    const QByteArray saved = settings ? settings->windowGeometry() : QByteArray();
    if (saved.isEmpty() || !restoreGeometry(saved))
        return;
    // Saved on another screen layout (a monitor unplugged, a larger scale since): keep it on
    // the screen it is on now.
    if (!isMaximized() && !isFullScreen())
        setGeometry(fittedGeometry(geometry(), availableArea()));
}

QRect MainWindow::availableArea() const {
    const QScreen* on = QGuiApplication::screenAt(geometry().center());
    if (!on)
        on = screen() ? screen() : QGuiApplication::primaryScreen();
    return on ? on->availableGeometry() : QRect(QPoint(), preferredSize());
}

QRect MainWindow::fittedGeometry(const QRect& wanted, const QRect& available, bool centre) {
    // The window manager's title bar and borders lie outside the widget's geometry and are not
    // known before the window is shown: room for a usual one.
    constexpr int kBorder = 4;
    constexpr int kTitleBar = 36;
    const QRect room = available.adjusted(kBorder, kTitleBar, -kBorder, -kBorder);
    QRect fitted(wanted.topLeft(), wanted.size().boundedTo(room.size()));
    if (centre)
        fitted.moveCenter(room.center());
    fitted.moveLeft(std::clamp(fitted.left(), room.left(), room.right() + 1 - fitted.width()));
    fitted.moveTop(std::clamp(fitted.top(), room.top(), room.bottom() + 1 - fitted.height()));
    return fitted;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_settings)
        m_settings->setWindowGeometry(saveGeometry());
    QMainWindow::closeEvent(event);
}

QWidget* MainWindow::createPane() {
    // Scrolls when the window is small (or the scale large) rather than squashing the fields.
    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("createPane"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* pane = new QWidget(scroll);
    auto* layout = new QVBoxLayout(pane);
    layout->setSpacing(8);
    layout->addWidget(heading(tr("Create"), pane));
    m_promptEditor = new PromptEditor(pane);
    // The slots of the mode (an image makes it image to video; first and last frame; the video
    // to extend) above the prompt; they feed the editor.
    m_inputs = new ComposerInputs(m_promptEditor, pane);
    layout->addWidget(m_inputs);
    layout->addWidget(m_promptEditor, 1);
    scroll->setWidget(pane);
    scroll->setMinimumWidth(380);
    // The wheel scrolls the composer down to Generate without changing a setting on the way.
    new PaneWheelFilter(scroll);
    // Ctrl+V of an image while typing the prompt means the image.
    const QList<QPlainTextEdit*> edits = m_promptEditor->findChildren<QPlainTextEdit*>();
    for (QPlainTextEdit* edit : edits)
        edit->installEventFilter(this);
    return scroll;
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->matches(QKeySequence::Paste)) {
        if (m_inputs->paste())
            return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::setConnectionLabel(const QString& text) {
    m_connectionLabel->setText(text);
}

void MainWindow::createAccountArea() {
    QMenu* account = menuBar()->addMenu(tr("&Account"));
    account->setObjectName(QStringLiteral("accountMenu"));
    m_signInAction = account->addAction(tr("&Sign in…"));
    m_signInAction->setObjectName(QStringLiteral("signInAction"));
    m_signOutAction = account->addAction(tr("Sign &out"));
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    connect(m_signInAction, &QAction::triggered, this, &MainWindow::signInRequested);
    connect(m_signOutAction, &QAction::triggered, this, &MainWindow::signOutRequested);
    account->addSeparator();
    QAction* settings =
        account->addAction(ui::actionIcon(QStringLiteral("settings"), palette()), tr("&Settings…"));
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setShortcut(QKeySequence::Preferences);
    connect(settings, &QAction::triggered, this, &MainWindow::settingsRequested);

    createJobsMenu(menuBar()->addMenu(tr("&Jobs")));
    createViewMenu();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction* logs =
        help->addAction(ui::actionIcon(QStringLiteral("logs"), palette()), tr("Show &Logs"));
    logs->setObjectName(QStringLiteral("showLogsAction"));
    connect(logs, &QAction::triggered, this, [this] {
        auto* viewer = new LogViewer({}, this);
        viewer->setAttribute(Qt::WA_DeleteOnClose);
        viewer->open();
    });

    m_accountLabel = new QLabel(this);
    m_accountLabel->setObjectName(QStringLiteral("accountLabel"));
    m_accountLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_balanceLabel = new QLabel(this);
    m_balanceLabel->setObjectName(QStringLiteral("balanceLabel"));
    // A little air between the account, the credits and the connection.
    m_accountLabel->setContentsMargins(12, 0, 6, 0);
    m_balanceLabel->setContentsMargins(6, 0, 6, 0);
    statusBar()->addPermanentWidget(m_accountLabel);
    statusBar()->addPermanentWidget(m_balanceLabel);
    setSignedOut();
}

void MainWindow::createJobsMenu(QMenu* menu) {
    menu->setObjectName(QStringLiteral("jobsMenu"));
    // Moving between the two halves without a mouse.
    QAction* toPrompt = menu->addAction(tr("Go to &Prompt"));
    toPrompt->setObjectName(QStringLiteral("focusPromptAction"));
    toPrompt->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(toPrompt, &QAction::triggered, this, &MainWindow::focusPrompt);
    QAction* toGallery = menu->addAction(tr("Go to &Gallery"));
    toGallery->setObjectName(QStringLiteral("focusGalleryAction"));
    toGallery->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    connect(toGallery, &QAction::triggered, this, &MainWindow::focusGallery);
    menu->addSeparator();
    addBatchActions(menu);
    menu->addSeparator();
    // The gallery's own actions, with their shortcuts shown (they act while the gallery has
    // the focus, where Enter and Ctrl+C mean "play" and "copy the prompt").
    using A = JobsPane::Action;
    for (const A which :
         {A::Play, A::OpenFolder, A::SaveCopy, A::CopyPrompt, A::Reuse, A::Favourite})
        menu->addAction(m_jobsPane->action(which));
    menu->addSeparator();
    // Continuing a finished take (issue 16); on a website account the ones its API lacks stay
    // visible, disabled, their status tip saying why.
    for (const A which : {A::Extend, A::LastFrameToStart, A::LastFrameToFirstFrame, A::Upscale,
                          A::SoundEffect, A::LipSync})
        menu->addAction(m_jobsPane->action(which));
    menu->addAction(m_jobsPane->action(A::GoToParent));
    menu->addAction(m_jobsPane->action(A::ShowFamily));
    menu->addAction(m_jobsPane->action(A::Compare));
    menu->setToolTipsVisible(true);
    menu->addSeparator();
    // The creator's marks (keys 1–5, 0, X, P, T on the gallery) and the stacks of takes.
    QMenu* rating = menu->addMenu(tr("Ra&ting"));
    rating->setObjectName(QStringLiteral("jobsRatingMenu"));
    for (const A which : {A::Rate1, A::Rate2, A::Rate3, A::Rate4, A::Rate5, A::ClearRating})
        rating->addAction(m_jobsPane->action(which));
    for (const A which : {A::Reject, A::Pick, A::EditTags, A::OpenStack, A::CloseStack})
        menu->addAction(m_jobsPane->action(which));
    menu->addSeparator();
    // The queue (issue 19): the whole queue's pause works from anywhere in the window.
    for (const A which :
         {A::EditQueued, A::RunNext, A::PauseJob, A::MoveEarlier, A::MoveLater, A::PauseQueue})
        menu->addAction(m_jobsPane->action(which));
    menu->addSeparator();
    for (const A which : {A::Retry, A::Redownload, A::Cancel, A::Remove})
        menu->addAction(m_jobsPane->action(which));
    // The cleanups: each asks first, with the count, and moves the files to the trash.
    menu->addSeparator();
    menu->addAction(m_jobsPane->action(A::RemoveRejected));
    menu->addAction(m_jobsPane->action(A::RemoveAllButPickedAndStarred));
}

void MainWindow::createViewMenu() {
    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction* gallery = view->addAction(tr("&Gallery"));
    gallery->setObjectName(QStringLiteral("showGalleryAction"));
    connect(gallery, &QAction::triggered, this, &MainWindow::focusGallery);
    m_showEffectsAction = view->addAction(tr("&Effects"));
    m_showEffectsAction->setObjectName(QStringLiteral("showEffectsAction"));
    m_showEffectsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    m_showEffectsAction->setStatusTip(tr("The effect templates: choose one to make a video with"));
    m_showEffectsAction->setEnabled(false); // until there is a list
    connect(m_showEffectsAction, &QAction::triggered, this, &MainWindow::showEffects);
    createSpendingTab(view); // MainWindowSpending.cpp
}

void MainWindow::setEffectSources(TemplateLibrary* library, PreviewCache* previews) {
    m_inputs->setEffectSources(library, previews);
    if (m_effectsPage || !library)
        return;
    m_effectLibrary = library;
    m_effectPreviews = previews;
    // The tab now, the browser in it once it is shown.
    m_effectsPage = new QWidget(m_sideTabs);
    m_effectsPage->setObjectName(QStringLiteral("effectsPage"));
    auto* layout = new QVBoxLayout(m_effectsPage);
    layout->setContentsMargins(0, 0, 0, 0);
    m_sideTabs->addTab(m_effectsPage, tr("Effects"));
    m_showEffectsAction->setEnabled(true);
    connect(m_sideTabs, &QTabWidget::currentChanged, this, [this] {
        if (m_sideTabs->currentWidget() == m_effectsPage)
            effectsBrowser();
    });
}

EffectsBrowser* MainWindow::effectsBrowser() {
    if (m_effectsBrowser || !m_effectsPage)
        return m_effectsBrowser;
    m_effectsBrowser = new EffectsBrowser(m_effectLibrary, m_effectPreviews, m_effectsPage);
    m_effectsBrowser->setObjectName(QStringLiteral("effectsBrowser"));
    m_effectsPage->layout()->addWidget(m_effectsBrowser);
    m_effectsBrowser->show(); // at once when the page is already shown
    connect(m_effectsBrowser, &EffectsBrowser::templateChosen, this, &MainWindow::useEffect);
    if (m_familyKnown)
        offerEffects();
    return m_effectsBrowser;
}

void MainWindow::offerEffects() {
    // The website's API has no documented template list (§3.13): the catalog says so.
    GenerationRequest probe;
    const std::optional<QString> why = m_promptEditor->catalog().whyNotAllowed(
        probe, m_family, QStringLiteral("mode"), generationModeId(GenerationMode::Effect));
    m_effectsBrowser->setEffectsOffered(
        m_family == ApiFamily::OpenApi,
        why.value_or(tr("Effects need a PixVerse platform API key: the website's API has "
                        "no list of effect templates.")));
}

void MainWindow::showEffects() {
    if (!m_effectsPage)
        return;
    m_sideTabs->setCurrentWidget(m_effectsPage);
    effectsBrowser()->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::useEffect(const EffectTemplate& effect) {
    if (const std::optional<QString> why = m_promptEditor->modeRefusal(GenerationMode::Effect)) {
        showNotice(*why);
        return;
    }
    m_promptEditor->chooseEffect(effect);
    focusPrompt();
}

void MainWindow::focusPrompt() {
    if (auto* edit = m_promptEditor->findChild<QWidget*>(QStringLiteral("promptEdit")))
        edit->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::focusGallery() {
    m_sideTabs->setCurrentWidget(m_jobsPane);
    JobGalleryView* view = m_jobsPane->view();
    view->setFocus(Qt::ShortcutFocusReason);
    // Somewhere to start from: the current job, else the newest; selected, so that the actions
    // apply to it (the shortcut's Ctrl must not turn this into a toggle).
    QModelIndex at = view->currentIndex();
    if (!at.isValid() && view->model()->rowCount() > 0)
        at = view->model()->index(0, 0);
    if (at.isValid() && !view->selectionModel()->isSelected(at))
        view->selectionModel()->setCurrentIndex(at, QItemSelectionModel::ClearAndSelect);
}

void MainWindow::connectJobsPane() {
    connect(m_inputs, &ComposerInputs::effectsRequested, this, &MainWindow::showEffects);
    connect(m_jobsPane, &JobsPane::reuseRequested, this, &MainWindow::reuse);
    connect(m_jobsPane, &JobsPane::editRequested, this, &MainWindow::editQueued);
    connect(m_promptEditor, &PromptEditor::updateRequested, this, &MainWindow::updateQueued);
    connect(m_promptEditor, &PromptEditor::editCancelled, this, &MainWindow::releaseEditHold);
    connect(m_jobsPane, &JobsPane::noticeRequested, this, &MainWindow::showNotice);
    connect(m_jobsPane, &JobsPane::runningCountChanged, this, &MainWindow::updateTitle);
    connect(m_jobsPane, &JobsPane::extendRequested, this, &MainWindow::startExtend);
    connect(m_jobsPane, &JobsPane::frameImageReady, this, &MainWindow::useFrameImage);
    connect(m_jobsPane, &JobsPane::jobNotification, this,
            [this](const QString& title, const QString& text) {
                showNotice(tr("%1: %2").arg(title, text));
                // In front of the creator the card says it already; in the background the desktop
                // does.
                if (!isActiveWindow())
                    m_notifier->notify(title, text);
            });
}

ImageDropZone* MainWindow::imageDropZone() const {
    return m_inputs->imageZone();
}

void MainWindow::reuse(const GenerationRequest& request) {
    m_promptEditor->setRequest(request);
    m_inputs->reuse(request);
    focusPrompt();
}

void MainWindow::setUploadProgress(qint64 sent, qint64 total) {
    m_inputs->setUploadProgress(sent, total);
}

void MainWindow::endUploadProgress() {
    m_inputs->endUploadProgress();
}

void MainWindow::startExtend(const Job& take) {
    // A website account has no extend: say why rather than show a composer that cannot send.
    if (const std::optional<QString> why = m_promptEditor->modeRefusal(GenerationMode::Extend)) {
        showNotice(*why);
        return;
    }
    // The take continued: its prompt to edit, its quality, a model that extends, the take as
    // the source (its id on the service, its length and size) and as the parent.
    JobLibrary library(nullptr);
    library.setCatalog(&m_promptEditor->catalog());
    const GenerationRequest request = library.continuation(take, GenerationMode::Extend);
    m_promptEditor->setRequest(request);
    // A model that does not extend (C1): the family's model for it.
    m_promptEditor->setMode(GenerationMode::Extend);
    m_inputs->useTake(take);
    focusPrompt();
}

void MainWindow::useFrameImage(const QString& pngPath, RequestImage::Role role,
                               qint64 parentJobId) {
    m_inputs->useFrameImage(pngPath, role, parentJobId);
    focusPrompt();
}

void MainWindow::updateTitle(int running) {
    setWindowTitle(running > 0 ? tr("PixVerse Studio (%1 running)").arg(running)
                               : tr("PixVerse Studio"));
}

void MainWindow::setAccount(const QString& account, ApiFamily family) {
    m_signedIn = true;
    const QString backend =
        family == ApiFamily::Web ? tr("PixVerse account") : tr("Platform API key");
    m_accountLabel->setText(tr("%1 · %2").arg(account, backend));
    m_accountLabel->setToolTip(
        family == ApiFamily::Web
            ? tr("Signed in with the e-mail and password of a PixVerse account.")
            : tr("Signed in with an API key from the PixVerse platform."));
    // Another account replaces this one once it has signed in; until then this one stays.
    m_signInAction->setText(tr("&Switch account…"));
    m_signOutAction->setEnabled(true);
    m_family = family;
    m_familyKnown = true;
    if (m_effectsBrowser)
        offerEffects();
}

void MainWindow::setSignedOut() {
    m_signedIn = false;
    m_accountLabel->setText(tr("Not signed in"));
    m_accountLabel->setToolTip(QString());
    m_signInAction->setText(tr("&Sign in…"));
    m_signOutAction->setEnabled(false);
    setBalance(std::nullopt);
}

void MainWindow::setBalance(std::optional<qint64> credits) {
    m_balanceLabel->setText(credits ? tr("%1 credits").arg(QLocale().toString(*credits))
                                    : QString());
    m_balanceLabel->setVisible(credits.has_value());
    m_promptEditor->setBalance(credits);
    m_jobsPane->setBalance(credits);
}

void MainWindow::showNotice(const QString& text) {
    statusBar()->showMessage(text);
}

} // namespace pixverse
