#include "ui/JobsPane.h"

#include "core/jobs/JobEngine.h"
#include "core/jobs/JobFilterModel.h"
#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"
#include "core/jobs/JobTransitions.h"
#include "core/jobs/ThumbnailCache.h"
#include "core/media/LibavInput.h"
#include "ui/GalleryOrderModel.h"
#include "ui/JobCardDelegate.h"
#include "ui/JobGalleryView.h"
#include "ui/LibraryFilterBar.h"
#include "ui/QueueBanner.h"
#include "ui/ThumbnailMaker.h"
#include "ui/UiHelpers.h"
#include "ui/VideoPlayer.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace pixverse {

Q_LOGGING_CATEGORY(lcJobsPane, "pixverse.ui")

namespace {

QString excerpt(const QString& prompt, int length = 80) {
    const QString text = prompt.simplified();
    return text.size() <= length ? text : text.left(length - 1) + QChar(0x2026);
}

bool allows(const Job& job, JobAction action) {
    return jobAllowedActions(job).has(action);
}

} // namespace

JobsPane::JobsPane(JobStore* store, JobEngine* engine, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_engine(engine)
    , m_library(store) {
    setObjectName(QStringLiteral("jobsPane"));
    m_folderOpener = [](const QUrl& folder) { return QDesktopServices::openUrl(folder); };
    m_saveFileProvider = [](QWidget* parent, const QString& suggested) {
        return QFileDialog::getSaveFileName(parent, tr("Save a Copy As"), suggested,
                                            tr("MP4 videos (*.mp4)"));
    };

    m_model = new JobListModel(store, this);
    // The queue on top in the order it will be sent, then the rest newest first (issue 19).
    m_filter = new GalleryOrderModel(this);
    m_filter->setSourceModel(m_model);
    m_filter->setStacked(true); // the takes of one click show as one card until opened
    m_thumbnails = new ThumbnailCache(this);
    m_maker = new ThumbnailMaker(store, this);

    auto* header = new QWidget(this);
    header->setObjectName(QStringLiteral("jobsHeader"));
    m_view = new JobGalleryView(this);
    m_view->setModel(m_filter);
    m_view->cardDelegate()->setThumbnailCache(m_thumbnails);
    m_view->cardDelegate()->setThumbnailMaker(m_maker);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("jobsSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_view);
    m_splitter->setStretchFactor(0, 3);

    createActions();
    createLibraryFilters();
    buildHeader(header);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(6);
    layout->addWidget(header);
    layout->addWidget(m_queueBanner);
    layout->addWidget(m_splitter, 1);

    connect(m_view, &JobGalleryView::jobActivated, this, &JobsPane::activate);
    connect(m_view, &QWidget::customContextMenuRequested, this, &JobsPane::showContextMenu);
    connect(m_view->cardDelegate(), &JobCardDelegate::favouriteClicked, this,
            [this](const QModelIndex& index) {
                const qint64 id = index.data(JobListModel::IdRole).toLongLong();
                const bool favourite = index.data(JobListModel::FavouriteRole).toBool();
                m_library.setFavourite({id}, !favourite);
            });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &JobsPane::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &JobsPane::updateActions);
    connect(m_filter, &QAbstractItemModel::dataChanged, this, &JobsPane::updateActions);
    // The proxy announces removed rows before its source has removed them: look once it is done.
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this,
            [this] { QTimer::singleShot(0, this, &JobsPane::updateActions); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &JobsPane::updatePlaceholder);
    // A take made from one of the family shown joins it.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &JobsPane::refreshFamily);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &JobsPane::updatePlaceholder);
    connect(m_model, &QAbstractItemModel::modelReset, this, &JobsPane::updatePlaceholder);
    connect(m_model, &JobListModel::countsChanged, this, &JobsPane::updateCounts);
    connect(m_model, &JobListModel::runningCountChanged, this, &JobsPane::runningCountChanged);

    // A new picture: repaint what is on screen (Qt merges the updates). An unreadable one too:
    // the card then asks for it to be made again.
    connect(m_thumbnails, &ThumbnailCache::imageReady, m_view->viewport(),
            qOverload<>(&QWidget::update));
    connect(m_thumbnails, &ThumbnailCache::imageFailed, m_view->viewport(),
            qOverload<>(&QWidget::update));
    connect(m_maker, &ThumbnailMaker::thumbnailMade, this,
            [this](qint64, const QString& path) { m_thumbnails->invalidate(path); });

    connectEngine();
    updateCounts();
    updatePlaceholder();
    updateActions();
}

JobsPane::~JobsPane() = default;

void JobsPane::setJobs(JobStore* store, JobEngine* engine) {
    if (store != m_store) {
        closePlayer();
        clearFamily();
        closeStack();
        m_store = store;
        m_library = JobLibrary(store);
        if (m_catalog)
            m_library.setCatalog(m_catalog);
        m_maker->setStore(store);
        m_model->setStore(store);
        updateCounts();
        updatePlaceholder();
    }
    setEngine(engine);
    updateActions();
}

void JobsPane::setEngine(JobEngine* engine) {
    if (engine == m_engine)
        return;
    m_engine = engine;
    connectEngine();
    updateActions();
}

void JobsPane::connectEngine() {
    for (const QMetaObject::Connection& connection : std::as_const(m_engineConnections))
        disconnect(connection);
    m_engineConnections.clear();
    m_model->setEngine(m_engine);
    m_queueBanner->setEngine(m_engine);
    if (!m_engine)
        return;
    m_engineConnections << connect(m_engine, &JobEngine::queuePausedChanged, this,
                                   &JobsPane::updateActions);
    m_engineConnections << connect(m_engine, &JobEngine::jobSettled, this, &JobsPane::onJobSettled);
    m_engineConnections << connect(m_engine, &JobEngine::videoSaved, this,
                                   [this](qint64 jobId, const QString&) {
                                       m_maker->remake(jobId);
                                       if (jobId == m_playWhenSaved) {
                                           m_playWhenSaved = 0;
                                           play(jobId);
                                       }
                                   });
}

void JobsPane::setFolderOpener(FolderOpener opener) {
    m_folderOpener = std::move(opener);
}

void JobsPane::setSaveFileProvider(SaveFileProvider provider) {
    m_saveFileProvider = std::move(provider);
}

int JobsPane::runningCount() const {
    return m_model->runningCount();
}

bool JobsPane::isPlayerVisible() const {
    return m_player && !m_player->isHidden();
}

// --- building -----------------------------------------------------------------------------------

void JobsPane::createActions() {
    struct Spec {
        Action which;
        const char* name;
        QString text;
        QString tip;
        QIcon icon;
        QKeySequence keys;
    };
    QStyle* s = style();
    const QList<Spec> specs{
        {Action::Play, "playAction", tr("&Play"), tr("Play the video (Enter)"),
         ui::actionIcon(QStringLiteral("play"), palette()), QKeySequence(Qt::Key_Return)},
        {Action::OpenFolder,
         "openFolderAction",
         tr("Open Containing &Folder"),
         tr("Show the video in the file manager"),
         ui::actionIcon(QStringLiteral("folder-open"), palette()),
         {}},
        {Action::SaveCopy, "saveCopyAction", tr("&Save a Copy As…"),
         tr("Save a copy of the video elsewhere"), s->standardIcon(QStyle::SP_DialogSaveButton),
         QKeySequence::Save},
        {Action::CopyPrompt,
         "copyPromptAction",
         tr("&Copy Prompt"),
         tr("Copy the prompt to the clipboard"),
         {},
         QKeySequence::Copy},
        {Action::Reuse, "reuseAction", tr("&Reuse Settings"),
         tr("Put this job's prompt, settings and image back into the editor"),
         s->standardIcon(QStyle::SP_ArrowBack), QKeySequence(Qt::CTRL | Qt::Key_E)},
        {Action::Favourite, "favouriteAction", tr("F&avourite"), tr("Mark as a favourite"),
         JobCardDelegate::favouriteIcon(), QKeySequence(Qt::CTRL | Qt::Key_D)},
        {Action::Retry, "retryAction", tr("&Retry"), tr("Generate this job again"),
         ui::actionIcon(QStringLiteral("reload"), palette()), QKeySequence(Qt::CTRL | Qt::Key_R)},
        {Action::Redownload,
         "redownloadAction",
         tr("&Download Again"),
         tr("Save the video from PixVerse again"),
         s->standardIcon(QStyle::SP_ArrowDown),
         {}},
        {Action::Cancel,
         "cancelJobAction",
         tr("Ca&ncel"),
         tr("Cancel a job that was not sent yet"),
         s->standardIcon(QStyle::SP_BrowserStop),
         {}},
        {Action::Remove, "removeAction", tr("Remove from &List…"),
         tr("Remove from the list (and, if you choose, delete the video)"),
         ui::actionIcon(QStringLiteral("remove"), palette()), QKeySequence::Delete},
    };
    for (const Spec& spec : specs) {
        auto* action = new QAction(spec.icon, spec.text, this);
        action->setObjectName(QLatin1String(spec.name));
        action->setToolTip(spec.tip);
        if (!spec.keys.isEmpty()) {
            action->setShortcut(spec.keys);
            // Only while the gallery has the focus: Return and Ctrl+C mean other things elsewhere.
            action->setShortcutContext(Qt::WidgetShortcut);
        }
        m_view->addAction(action);
        m_actions.insert(spec.which, action);
    }
    m_actions.value(Action::Favourite)->setCheckable(true);
    connect(action(Action::Play), &QAction::triggered, this, &JobsPane::playSelected);
    connect(action(Action::OpenFolder), &QAction::triggered, this, &JobsPane::openFolderOfSelected);
    connect(action(Action::SaveCopy), &QAction::triggered, this, &JobsPane::saveCopyOfSelected);
    connect(action(Action::CopyPrompt), &QAction::triggered, this, &JobsPane::copyPromptOfSelected);
    connect(action(Action::Reuse), &QAction::triggered, this, &JobsPane::reuseSelected);
    connect(action(Action::Favourite), &QAction::triggered, this,
            &JobsPane::toggleFavouriteOfSelected);
    connect(action(Action::Retry), &QAction::triggered, this, &JobsPane::retrySelected);
    connect(action(Action::Redownload), &QAction::triggered, this, &JobsPane::redownloadSelected);
    connect(action(Action::Cancel), &QAction::triggered, this, &JobsPane::cancelSelected);
    connect(action(Action::Remove), &QAction::triggered, this, &JobsPane::removeSelected);
    createContinueActions();
    createCompareAction();
    createLibraryActions();
    createQueueActions();

    m_contextMenu = new QMenu(this);
    m_contextMenu->setObjectName(QStringLiteral("jobContextMenu"));
    m_contextMenu->addAction(action(Action::Play));
    m_contextMenu->addAction(action(Action::OpenFolder));
    m_contextMenu->addAction(action(Action::SaveCopy));
    m_contextMenu->addSeparator();
    m_contextMenu->addAction(action(Action::CopyPrompt));
    m_contextMenu->addAction(action(Action::Reuse));
    m_contextMenu->addAction(action(Action::Favourite));
    m_contextMenu->addSeparator();
    // Continuing a finished take; a disabled one's tooltip says why (a website account).
    m_contextMenu->setToolTipsVisible(true);
    for (const Action which :
         {Action::Extend, Action::LastFrameToStart, Action::LastFrameToFirstFrame, Action::Upscale,
          Action::SoundEffect, Action::LipSync})
        m_contextMenu->addAction(action(which));
    m_contextMenu->addSeparator();
    m_contextMenu->addAction(action(Action::GoToParent));
    m_contextMenu->addAction(action(Action::ShowFamily));
    m_contextMenu->addAction(action(Action::Compare));
    m_contextMenu->addSeparator();
    addLibraryEntries(m_contextMenu);
    m_contextMenu->addSeparator();
    addQueueEntries(m_contextMenu);
    m_contextMenu->addSeparator();
    m_contextMenu->addAction(action(Action::Retry));
    m_contextMenu->addAction(action(Action::Redownload));
    m_contextMenu->addAction(action(Action::Cancel));
    m_contextMenu->addSeparator();
    m_contextMenu->addAction(action(Action::Remove));
}

void JobsPane::buildHeader(QWidget* header) {
    auto* title = new QLabel(tr("Jobs"), header);
    title->setObjectName(QStringLiteral("jobsHeading"));
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    title->setFont(font);
    m_countsLabel = new QLabel(header);
    m_countsLabel->setObjectName(QStringLiteral("jobCountsLabel"));
    m_countsLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_countsLabel->setWordWrap(true); // every state's count, on two lines where one is too short
    QPalette hint = m_countsLabel->palette();
    hint.setColor(QPalette::WindowText, ui::hintColor(palette()));
    m_countsLabel->setPalette(hint);

    m_favouritesOnly = new QToolButton(header);
    m_favouritesOnly->setObjectName(QStringLiteral("favouritesOnlyButton"));
    m_favouritesOnly->setCheckable(true);
    m_favouritesOnly->setIcon(JobCardDelegate::favouriteIcon());
    m_favouritesOnly->setText(tr("Favourites"));
    m_favouritesOnly->setToolTip(tr("Show only favourite jobs"));
    m_favouritesOnly->setAccessibleName(tr("Favourites"));
    m_favouritesOnly->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_favouritesOnly->setAutoRaise(true);
    connect(m_favouritesOnly, &QToolButton::toggled, this, [this](bool on) {
        m_filter->setFavouritesOnly(on);
        updatePlaceholder();
    });

    m_toolBar = new QToolBar(header);
    m_toolBar->setObjectName(QStringLiteral("jobsToolBar"));
    m_toolBar->setIconSize(QSize(18, 18));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    for (const Action which : {Action::Play, Action::OpenFolder, Action::SaveCopy, Action::Reuse,
                               Action::Favourite, Action::Retry, Action::Cancel, Action::Remove})
        m_toolBar->addAction(action(which));
    m_continueButton->setParent(m_toolBar);
    m_toolBar->addWidget(m_continueButton);
    m_toolBar->addWidget(makeCleanupButton(m_toolBar));

    // Shown while the gallery shows one take's family; a click shows every job again.
    m_familyChip = makeBannerChip(header, QStringLiteral("familyFilterChip"),
                                  tr("Showing one video's family; click to show every job"));
    connect(m_familyChip, &QToolButton::clicked, this, &JobsPane::clearFamily);
    // Shown while a stack of takes is open; a click (or Esc) goes back to the stacks.
    m_stackBanner = makeBannerChip(header, QStringLiteral("stackBanner"),
                                   tr("Showing the takes of one click; click to go back"));
    connect(m_stackBanner, &QToolButton::clicked, this, &JobsPane::closeStack);

    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(title);
    top->addSpacing(8);
    top->addWidget(m_countsLabel, 1, Qt::AlignBottom);
    // The actions beside the heading: the row below is the filters' (issue 18), and the two
    // together would not fit a 640 px window (a 1280 × 800 screen at 2×).
    top->addWidget(m_toolBar, 0, Qt::AlignBottom);
    auto* filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->addWidget(m_filterBar, 1, Qt::AlignTop);
    filters->addWidget(m_familyChip, 0, Qt::AlignTop);
    filters->addWidget(m_stackBanner, 0, Qt::AlignTop);
    filters->addWidget(m_favouritesOnly, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(top);
    layout->addLayout(filters);
}

// --- state of the header and the actions --------------------------------------------------------

void JobsPane::updateCounts() {
    struct Part {
        JobState state;
        QString text;
    };
    const QList<Part> parts{
        {JobState::Queued, tr("%1 queued")},           {JobState::Uploading, tr("%1 uploading")},
        {JobState::Submitting, tr("%1 starting")},     {JobState::Generating, tr("%1 generating")},
        {JobState::Downloading, tr("%1 downloading")}, {JobState::Done, tr("%1 done")},
        {JobState::Failed, tr("%1 failed")},           {JobState::Moderated, tr("%1 moderated")},
        {JobState::Cancelled, tr("%1 cancelled")},     {JobState::Deleted, tr("%1 deleted")},
    };
    QStringList shown;
    for (const Part& part : parts) {
        if (const int n = m_model->count(part.state); n > 0)
            shown << part.text.arg(n);
    }
    m_countsLabel->setText(shown.isEmpty() ? tr("No jobs yet") : shown.join(QStringLiteral(" · ")));
}

void JobsPane::updatePlaceholder() {
    if (!m_store)
        m_view->setPlaceholderText(tr("Sign in to see your videos here."));
    else if (m_model->rowCount() == 0)
        m_view->setPlaceholderText(
            tr("Your generations appear here.\nWrite a prompt and press Generate."));
    else if (m_filter->board() != 0 && m_store->boardJobCount(m_filter->board()) == 0)
        m_view->setPlaceholderText(tr("No videos on this board yet.\nDrag cards onto it, or "
                                      "right-click a card and choose Add to Board."));
    else
        m_view->setPlaceholderText(tr("No job matches the filter."));
}

QList<Job> JobsPane::selectedJobs() const {
    QList<Job> jobs;
    if (!m_store)
        return jobs;
    for (const qint64 id : m_view->selectedJobIds()) {
        if (std::optional<Job> job = m_store->job(id))
            jobs << *job;
    }
    return jobs;
}

std::optional<Job> JobsPane::currentJob() const {
    if (!m_store)
        return std::nullopt;
    const QList<qint64> selected = m_view->selectedJobIds();
    const qint64 current = m_view->currentJobId();
    if (current != 0 && selected.contains(current))
        return m_store->job(current);
    return selected.isEmpty() ? std::nullopt : m_store->job(selected.first());
}

void JobsPane::updateActions() {
    const QList<Job> jobs = selectedJobs();
    const std::optional<Job> current = currentJob();
    const JobActions currentAllows = current ? jobAllowedActions(*current) : JobActions();
    const SelectionActions selection = jobsAllowedActions(jobs);
    const bool engine = m_engine != nullptr;
    // Playing a video that is only on the service saves it first: that needs the engine.
    action(Action::Play)
        ->setEnabled(currentAllows.has(JobAction::Play) &&
                     (engine || !current->videoPath.isEmpty()));
    // A creator who chose a playable take may play, compare or continue it next.
    if (action(Action::Play)->isEnabled())
        media::preloadLibavSoon();
    action(Action::OpenFolder)->setEnabled(selection.any.has(JobAction::OpenFolder));
    action(Action::SaveCopy)->setEnabled(currentAllows.has(JobAction::SaveCopy));
    action(Action::CopyPrompt)->setEnabled(selection.any.has(JobAction::CopyPrompt));
    action(Action::Reuse)->setEnabled(jobs.size() == 1);
    action(Action::Favourite)->setEnabled(selection.any.has(JobAction::Favourite));
    action(Action::Favourite)
        ->setChecked(!jobs.isEmpty() && std::all_of(jobs.cbegin(), jobs.cend(),
                                                    [](const Job& job) { return job.favourite; }));
    action(Action::Retry)->setEnabled(engine && selection.any.has(JobAction::Retry));
    action(Action::Redownload)
        ->setEnabled(engine && (selection.any.has(JobAction::Redownload) ||
                                selection.any.has(JobAction::Download)));
    // Never saved (imported from the account) is a first download, not another one.
    action(Action::Redownload)
        ->setText(selection.every.has(JobAction::Download) ? tr("&Download")
                                                           : tr("&Download Again"));
    action(Action::Cancel)->setEnabled(engine && selection.any.has(JobAction::Cancel));
    action(Action::Remove)->setEnabled(selection.any.has(JobAction::Remove));
    updateContinueActions(current);
    updateCompareAction(jobs);
    updateLibraryActions(jobs, current);
    updateQueueActions(jobs, current);
}

void JobsPane::showContextMenu(const QPoint& position) {
    const QModelIndex index = m_view->indexAt(position);
    if (index.isValid() && !m_view->selectionModel()->isSelected(index)) {
        m_view->setCurrentIndex(index);
        m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect);
    }
    updateActions();
    if (m_view->selectedJobIds().isEmpty())
        return;
    m_contextMenu->popup(m_view->viewport()->mapToGlobal(position));
}

// --- the actions
// ----------------------------------------------------------------------------------

bool JobsPane::play(qint64 jobId) {
    const std::optional<Job> job = m_store ? m_store->job(jobId) : std::nullopt;
    if (job && job->isOnServiceOnly() && m_engine) {
        // Not saved yet (imported from the account): save it, then play it.
        if (!m_engine->redownload(jobId))
            return false;
        m_playWhenSaved = jobId;
        Q_EMIT noticeRequested(
            tr("Saving the video from PixVerse; it plays once it is in your library."));
        return true;
    }
    if (!job || !allows(*job, JobAction::Play) || job->videoPath.isEmpty())
        return false;
    if (!JobLibrary::hasVideoFile(*job)) {
        Q_EMIT noticeRequested(
            tr("The video “%1” is no longer there. Use “Download Again” to get it back.")
                .arg(QFileInfo(job->videoPath).fileName()));
        return false;
    }
    m_playingJob = jobId;
    player()->open(job->videoPath, excerpt(JobListModel::titleOf(*job)));
    if (m_player->isHidden()) {
        m_player->show();
        const int total = m_splitter->height();
        m_splitter->setSizes({total * 3 / 5, total * 2 / 5});
    }
    m_player->play();
    // The gallery just got shorter: keep the card being played in sight.
    QTimer::singleShot(0, this, [this, jobId] {
        const QModelIndex index = m_filter->mapFromSource(m_model->indexOf(jobId));
        if (index.isValid())
            m_view->scrollTo(index);
    });
    Q_EMIT playRequested(jobId, job->videoPath);
    return true;
}

void JobsPane::closePlayer() {
    if (m_player) {
        m_player->close();
        m_player->hide();
    }
    m_playingJob = 0;
}

VideoPlayer* JobsPane::player() {
    // Made on first use: Qt Multimedia's plugin (FFmpeg and ~100 libraries) and the audio output
    // cost 100–145 ms and 22 MB, which the window's start-up should not pay for a player that
    // may never be opened.
    if (!m_player) {
        ui::chooseMediaBackend();
        m_player = new VideoPlayer(this);
        m_player->setSettings(m_settings);
        m_player->hide();
        m_splitter->addWidget(m_player);
        m_splitter->setStretchFactor(1, 2);
        connect(m_player, &VideoPlayer::closeRequested, this, &JobsPane::closePlayer);
        connect(m_player, &VideoPlayer::errorOccurred, this, &JobsPane::noticeRequested);
    }
    return m_player;
}

void JobsPane::setSettings(AppSettings* settings) {
    m_settings = settings;
    if (m_player)
        m_player->setSettings(settings);
}

void JobsPane::playSelected() {
    if (const std::optional<Job> job = currentJob())
        activate(job->id);
}

void JobsPane::openFolderOfSelected() {
    QStringList folders;
    for (const Job& job : selectedJobs()) {
        if (!allows(job, JobAction::OpenFolder))
            continue;
        const QString folder = JobLibrary::folderOf(job);
        if (!folders.contains(folder))
            folders << folder;
    }
    for (const QString& folder : std::as_const(folders)) {
        if (m_folderOpener && !m_folderOpener(QUrl::fromLocalFile(folder)))
            Q_EMIT noticeRequested(
                tr("Cannot open the folder “%1”.").arg(QDir::toNativeSeparators(folder)));
    }
}

void JobsPane::saveCopyOfSelected() {
    const std::optional<Job> job = currentJob();
    if (!job || !allows(*job, JobAction::SaveCopy) || !m_saveFileProvider)
        return;
    QString base = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    if (base.isEmpty())
        base = QDir::homePath();
    const QString target =
        m_saveFileProvider(this, QDir(base).filePath(QFileInfo(job->videoPath).fileName()));
    if (target.isEmpty())
        return;
    const QString source = job->videoPath;
    // A video can be large: the copy runs off the GUI thread.
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, target] {
        const QString error = watcher->result();
        watcher->deleteLater();
        Q_EMIT noticeRequested(
            error.isEmpty() ? tr("Saved a copy to “%1”.").arg(QDir::toNativeSeparators(target))
                            : error);
        Q_EMIT copySaved(target, error);
    });
    watcher->setFuture(QtConcurrent::run(&JobLibrary::copyVideo, source, target));
}

void JobsPane::copyPromptOfSelected() {
    QStringList prompts;
    for (const Job& job : selectedJobs())
        prompts << job.request.prompt;
    if (!prompts.isEmpty())
        QGuiApplication::clipboard()->setText(prompts.join(QStringLiteral("\n\n")));
}

void JobsPane::reuseSelected() {
    const QList<qint64> selected = m_view->selectedJobIds();
    if (selected.size() != 1)
        return;
    const std::optional<Job> job = m_store ? m_store->job(selected.first()) : std::nullopt;
    if (!job)
        return;
    Q_EMIT reuseRequested(JobLibrary::reusableRequest(*job));
}

void JobsPane::toggleFavouriteOfSelected() {
    const QList<Job> jobs = selectedJobs();
    if (jobs.isEmpty() || !m_store)
        return;
    const bool all =
        std::all_of(jobs.cbegin(), jobs.cend(), [](const Job& job) { return job.favourite; });
    m_library.setFavourite(m_view->selectedJobIds(), !all);
    updateActions();
}

void JobsPane::onEachSelected(bool (JobEngine::*act)(qint64)) {
    if (!m_engine)
        return;
    // The engine asks the state machine: a job whose state does not allow it is left alone.
    for (const qint64 id : m_view->selectedJobIds())
        (m_engine->*act)(id);
}

void JobsPane::retrySelected() {
    onEachSelected(&JobEngine::retry);
}

void JobsPane::redownloadSelected() {
    onEachSelected(&JobEngine::redownload);
}

void JobsPane::cancelSelected() {
    onEachSelected(&JobEngine::cancel);
}

JobsPane::RemoveAnswer JobsPane::askRemove(int jobs, int files) {
    if (m_nextRemoveAnswer) {
        const RemoveAnswer answer = *m_nextRemoveAnswer;
        m_nextRemoveAnswer.reset();
        return answer;
    }
    QMessageBox box(QMessageBox::Question, tr("Remove from List"),
                    jobs == 1 ? tr("Remove this job from the list?")
                              : tr("Remove %1 jobs from the list?").arg(jobs),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("removeJobsBox"));
    if (files > 0)
        box.setInformativeText(
            files == 1 ? tr("Its video stays in the library folder unless you delete it too.")
                       : tr("Their videos stay in the library folder unless you delete them too."));
    QPushButton* remove = box.addButton(tr("Remove"), QMessageBox::AcceptRole);
    QPushButton* removeAndDelete = nullptr;
    if (files > 0)
        removeAndDelete = box.addButton(files == 1 ? tr("Remove and Delete the Video")
                                                   : tr("Remove and Delete %1 Videos").arg(files),
                                        QMessageBox::DestructiveRole);
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(remove);
    box.setEscapeButton(cancel);
    box.exec();
    if (box.clickedButton() == remove)
        return RemoveAnswer::RemoveFromList;
    if (removeAndDelete && box.clickedButton() == removeAndDelete)
        return RemoveAnswer::RemoveAndDeleteFiles;
    return RemoveAnswer::Cancel;
}

void JobsPane::removeSelected() {
    QList<Job> jobs;
    for (const Job& job : selectedJobs()) {
        if (allows(job, JobAction::Remove))
            jobs << job;
    }
    if (jobs.isEmpty() || !m_store)
        return;
    const int files =
        static_cast<int>(std::count_if(jobs.cbegin(), jobs.cend(), JobLibrary::hasVideoFile));
    const RemoveAnswer answer = askRemove(static_cast<int>(jobs.size()), files);
    if (answer == RemoveAnswer::Cancel)
        return;
    int failedDeletes = 0;
    for (const Job& job : std::as_const(jobs)) {
        if (allows(job, JobAction::Cancel) && m_engine)
            m_engine->cancel(job.id); // so the scheduler lets go of it first
        if (job.id == m_playingJob)
            closePlayer();
        if (!job.thumbnailPath.isEmpty())
            m_thumbnails->invalidate(job.thumbnailPath);
        if (!m_library.remove(job, answer == RemoveAnswer::RemoveAndDeleteFiles))
            ++failedDeletes;
    }
    if (failedDeletes > 0)
        Q_EMIT noticeRequested(failedDeletes == 1
                                   ? tr("One video could not be deleted.")
                                   : tr("%1 videos could not be deleted.").arg(failedDeletes));
    updateActions();
}

void JobsPane::onJobSettled(qint64 jobId, JobState state) {
    const std::optional<Job> job = m_store ? m_store->job(jobId) : std::nullopt;
    if (!job)
        return;
    const QString prompt = excerpt(JobListModel::titleOf(*job));
    switch (state) {
    case JobState::Done:
        // "Download again" found it deleted on the service: the earlier copy stays.
        if (job->deletedOnService)
            Q_EMIT jobNotification(tr("Video deleted on PixVerse"),
                                   prompt + u'\n' + tr("The copy in your library still plays."));
        else
            Q_EMIT jobNotification(tr("Video ready"), prompt);
        break;
    case JobState::Failed:
        Q_EMIT jobNotification(tr("Video failed"), job->errorMessage.isEmpty()
                                                       ? prompt
                                                       : prompt + u'\n' + job->errorMessage);
        break;
    case JobState::Moderated:
        Q_EMIT jobNotification(tr("Video refused by moderation"), prompt);
        break;
    case JobState::Deleted:
        Q_EMIT jobNotification(tr("Video deleted on PixVerse"), prompt + u'\n' + job->errorMessage);
        break;
    default:
        break; // cancelled: the creator did it
    }
}

} // namespace pixverse
