// JobsPane's actions on a finished take (issue 16): extend, last frame → next start, upscale,
// sound effect, lip sync, and the lineage (go to the parent, show one take's family).
#include "core/backend/Backend.h"
#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobFilterModel.h"
#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"
#include "core/media/LastFrame.h"
#include "ui/ContinuationPrice.h"
#include "ui/JobCardDelegate.h"
#include "ui/JobGalleryView.h"
#include "ui/JobsPane.h"
#include "ui/LibraryFilterBar.h"
#include "ui/LipSyncDialog.h"
#include "ui/SoundEffectDialog.h"
#include "ui/UiHelpers.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFutureWatcher>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QToolButton>

namespace pixverse {

namespace {

//! Which generation an action makes (for Backend::offersMode); nullopt: a local operation.
std::optional<GenerationMode> modeOf(JobsPane::Action action) {
    switch (action) {
    case JobsPane::Action::Extend:
        return GenerationMode::Extend;
    case JobsPane::Action::Upscale:
        return GenerationMode::Upscale;
    case JobsPane::Action::SoundEffect:
        return GenerationMode::SoundEffect;
    case JobsPane::Action::LipSync:
        return GenerationMode::LipSync;
    case JobsPane::Action::LastFrameToStart:
        return GenerationMode::ImageToVideo;
    case JobsPane::Action::LastFrameToFirstFrame:
        return GenerationMode::Transition;
    default:
        return std::nullopt;
    }
}

//! A finished take whose video the service knows (what extend, upscale, sound and lip sync
//! continue from).
bool isContinuable(const Job& job) {
    return job.state == JobState::Done && job.videoId != 0 && !job.deletedOnService;
}

} // namespace

void JobsPane::createContinueActions() {
    struct Spec {
        Action which;
        const char* name;
        QString text;
        QString tip;
        QKeySequence keys;
    };
    // Ctrl+Shift and a letter: free in the window (Ctrl+letter is the gallery's and the
    // composer's); Alt+Up goes up the lineage as it goes up a folder tree.
    const QList<Spec> specs{
        {Action::Extend, "extendAction", tr("E&xtend…"),
         tr("Continue this video in the composer: a longer clip from its end"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)},
        {Action::LastFrameToStart, "lastFrameToStartAction", tr("Use Last Frame as &Next Start"),
         tr("Put the video's last frame into the composer's image (image to video)"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)},
        {Action::LastFrameToFirstFrame, "lastFrameToFirstAction",
         tr("Use Last Frame as &First Frame"),
         tr("Put the video's last frame into the first-frame slot of a transition"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)},
        {Action::Upscale, "upscaleAction", tr("&Upscale…"),
         tr("Make a larger version of the video"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U)},
        {Action::SoundEffect, "soundEffectAction", tr("Sound &Effect…"),
         tr("Add generated sound or music to the video"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A)},
        {Action::LipSync, "lipSyncAction", tr("&Lip Sync…"),
         tr("Make the person in the video speak a text or an audio file"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)},
        {Action::GoToParent, "goToParentAction", tr("Go to &Parent"),
         tr("Select the video this one was made from"), QKeySequence(Qt::ALT | Qt::Key_Up)},
        {Action::ShowFamily, "showFamilyAction", tr("Show Fa&mily"),
         tr("Show only this video, the one it was made from and those made from it"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)},
    };
    for (const Spec& spec : specs) {
        auto* action = new QAction(spec.text, this);
        action->setObjectName(QLatin1String(spec.name));
        action->setToolTip(spec.tip);
        action->setStatusTip(spec.tip);
        action->setShortcut(spec.keys);
        action->setShortcutContext(Qt::WidgetShortcut);
        m_view->addAction(action);
        m_actions.insert(spec.which, action);
        m_tips.insert(spec.which, spec.tip);
    }
    m_actions.value(Action::SoundEffect)
        ->setIcon(ui::actionIcon(QStringLiteral("sound"), palette()));
    connect(action(Action::Extend), &QAction::triggered, this, &JobsPane::extendSelected);
    connect(action(Action::LastFrameToStart), &QAction::triggered, this,
            [this] { useLastFrameOfSelected(RequestImage::Role::Start); });
    connect(action(Action::LastFrameToFirstFrame), &QAction::triggered, this,
            [this] { useLastFrameOfSelected(RequestImage::Role::FirstFrame); });
    connect(action(Action::Upscale), &QAction::triggered, this, &JobsPane::upscaleSelected);
    connect(action(Action::SoundEffect), &QAction::triggered, this,
            &JobsPane::soundEffectForSelected);
    connect(action(Action::LipSync), &QAction::triggered, this, &JobsPane::lipSyncForSelected);
    connect(action(Action::GoToParent), &QAction::triggered, this, &JobsPane::goToParent);
    connect(action(Action::ShowFamily), &QAction::triggered, this, &JobsPane::showFamilyOfSelected);
    connect(m_view->cardDelegate(), &JobCardDelegate::parentLinkClicked, this,
            [this](const QModelIndex& index) {
                m_view->selectJob(index.data(JobListModel::IdRole).toLongLong());
                goToParent();
            });

    // The card's toolbar has one button for them, a menu; the context menu lists them.
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("continueMenu"));
    for (const Action which :
         {Action::Extend, Action::LastFrameToStart, Action::LastFrameToFirstFrame, Action::Upscale,
          Action::SoundEffect, Action::LipSync})
        menu->addAction(action(which));
    menu->addSeparator();
    menu->addAction(action(Action::GoToParent));
    menu->addAction(action(Action::ShowFamily));
    m_continueButton = new QToolButton(this);
    m_continueButton->setObjectName(QStringLiteral("continueButton"));
    m_continueButton->setText(tr("Continue"));
    m_continueButton->setToolTip(tr("Continue this video: extend, last frame, upscale, sound"));
    m_continueButton->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_continueButton->setPopupMode(QToolButton::InstantPopup);
    m_continueButton->setMenu(menu);
    m_continueButton->setAutoRaise(true);
}

GenerationRequest JobsPane::continuationOf(const Job& take, GenerationMode mode) const {
    return m_library.continuation(take, mode);
}

void JobsPane::updateContinueActions(const std::optional<Job>& current) {
    const bool one = m_view->selectedJobIds().size() == 1 && current.has_value();
    const bool continuable = one && isContinuable(*current);
    const bool hasFile = one && current->state == JobState::Done && !current->videoPath.isEmpty();
    for (const Action which :
         {Action::Extend, Action::LastFrameToStart, Action::LastFrameToFirstFrame, Action::Upscale,
          Action::SoundEffect, Action::LipSync}) {
        QAction* act = action(which);
        const GenerationMode mode = *modeOf(which);
        // A website account: visible, disabled, and it says why.
        const bool offered = !m_backend || m_backend->offersMode(mode);
        const bool local =
            which == Action::LastFrameToStart || which == Action::LastFrameToFirstFrame;
        act->setEnabled(offered && m_engine && (local ? hasFile : continuable));
        const QString tip =
            offered ? m_tips.value(which)
                    : tr("%1 needs a PixVerse platform API key: the website account's API does "
                         "not offer it.")
                          .arg(generationModeLabel(mode));
        act->setToolTip(tip);
        act->setStatusTip(tip);
    }
    action(Action::GoToParent)
        ->setEnabled(one && current->request.parentJobId != 0 && m_store &&
                     m_store->job(current->request.parentJobId));
    action(Action::ShowFamily)->setEnabled(one);
}

std::optional<Job> JobsPane::continuableTake(GenerationMode mode) const {
    const std::optional<Job> take = currentJob();
    if (!take || !isContinuable(*take) || !m_engine)
        return std::nullopt;
    if (m_backend && !m_backend->offersMode(mode))
        return std::nullopt;
    return take;
}

void JobsPane::extendSelected() {
    if (const std::optional<Job> take = continuableTake(GenerationMode::Extend))
        Q_EMIT extendRequested(*take);
}

void JobsPane::useLastFrameOfSelected(RequestImage::Role role) {
    const std::optional<Job> take = currentJob();
    if (!take || take->state != JobState::Done || take->videoPath.isEmpty())
        return;
    const QString folder = m_framesFolder.isEmpty()
                               ? QDir(QDir::tempPath()).filePath(QStringLiteral("pixverse-frames"))
                               : m_framesFolder;
    QDir().mkpath(folder);
    const QString png = QDir(folder).filePath(QStringLiteral("%1.png").arg(take->id));
    const qint64 parent = take->id;
    Q_EMIT noticeRequested(tr("Taking the last frame of the video…"));
    // Decoding runs on the thread pool: the window keeps answering.
    auto* watcher = new QFutureWatcher<LastFrameResult>(this);
    connect(watcher, &QFutureWatcher<LastFrameResult>::finished, this,
            [this, watcher, role, parent] {
                const LastFrameResult result = watcher->result();
                watcher->deleteLater();
                if (!result.error.isEmpty() || result.pngPath.isEmpty()) {
                    Q_EMIT noticeRequested(
                        tr("The last frame could not be taken: %1").arg(result.error));
                    return;
                }
                Q_EMIT noticeRequested(QString());
                Q_EMIT frameImageReady(result.pngPath, role, parent);
            });
    watcher->setFuture(extractLastFrameAsync(take->videoPath, png));
}

void JobsPane::upscaleSelected() {
    if (const std::optional<Job> take = continuableTake(GenerationMode::Upscale))
        confirmUpscale(*take);
}

void JobsPane::confirmUpscale(const Job& take) {
    const GenerationRequest request = continuationOf(take, GenerationMode::Upscale);
    const ContinuationPrice price =
        ContinuationPrice::of(m_catalog ? *m_catalog : ModelCatalog::builtIn(), request, m_balance);
    auto* box =
        new QMessageBox(QMessageBox::Question, tr("Upscale"),
                        tr("Make a larger version of this video?"), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("upscaleConfirmBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        price.balanceText.isEmpty() ? price.costText : price.costText + u'\n' + price.balanceText);
    QPushButton* upscale = box->addButton(tr("Upscale"), QMessageBox::AcceptRole);
    upscale->setObjectName(QStringLiteral("upscaleButton"));
    upscale->setEnabled(price.enough);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(upscale);
    connect(box, &QMessageBox::buttonClicked, this, [this, upscale, request](QAbstractButton* b) {
        if (b == upscale)
            Q_EMIT continuationRequested(request);
    });
    box->open();
}

void JobsPane::soundEffectForSelected() {
    const std::optional<Job> take = continuableTake(GenerationMode::SoundEffect);
    if (!take)
        return;
    auto* dialog = new SoundEffectDialog(continuationOf(*take, GenerationMode::SoundEffect),
                                         m_catalog, m_balance, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { Q_EMIT continuationRequested(dialog->request()); });
    dialog->open();
}

void JobsPane::lipSyncForSelected() {
    const std::optional<Job> take = continuableTake(GenerationMode::LipSync);
    if (!take)
        return;
    auto* dialog = new LipSyncDialog(continuationOf(*take, GenerationMode::LipSync), m_catalog,
                                     m_balance, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { Q_EMIT continuationRequested(dialog->request()); });
    // The voices come from the service; without an answer, the reference's system voices.
    if (m_backend)
        m_backend->fetchSpeakers(dialog, [dialog](Result<QList<Speaker>> speakers) {
            dialog->setSpeakers(speakers.ok() && !speakers.value->isEmpty()
                                    ? *speakers.value
                                    : Backend::systemSpeakers());
        });
    else
        dialog->setSpeakers(Backend::systemSpeakers());
    dialog->open();
}

bool JobsPane::goToParent() {
    const std::optional<Job> current = currentJob();
    if (!current || current->request.parentJobId == 0 || !m_store)
        return false;
    const qint64 parent = current->request.parentJobId;
    if (!m_store->job(parent)) {
        Q_EMIT noticeRequested(tr("The video this one was made from was removed from the list."));
        return false;
    }
    // A filter may hide it: clear the filters that do, rather than fail.
    if (!m_view->selectJob(parent)) {
        clearFamily();
        m_filter->clearFilters(); // the filter bar and the favourites button follow
    }
    return m_view->selectJob(parent);
}

void JobsPane::showFamilyOfSelected() {
    if (const std::optional<Job> current = currentJob())
        showFamily(current->id);
}

void JobsPane::showFamily(qint64 jobId) {
    if (!m_store || !m_store->job(jobId))
        return;
    m_familyOf = jobId;
    refreshFamily();
    updateFamilyChip();
    updatePlaceholder();
    m_view->selectJob(jobId);
}

void JobsPane::refreshFamily() {
    if (m_familyOf == 0 || !m_store)
        return;
    QSet<qint64> family{m_familyOf};
    for (const Job& job : m_store->lineage(m_familyOf))
        family.insert(job.id);
    m_filter->setOnlyJobs(family);
}

void JobsPane::clearFamily() {
    if (m_familyOf == 0)
        return;
    m_familyOf = 0;
    m_filter->setOnlyJobs(std::nullopt);
    updateFamilyChip();
    updatePlaceholder();
}

void JobsPane::updateFamilyChip() {
    const std::optional<Job> take = m_store && m_familyOf ? m_store->job(m_familyOf) : std::nullopt;
    m_familyChip->setVisible(m_familyOf != 0);
    if (m_familyOf == 0)
        return;
    const QString words = take ? bannerWords(take->request.prompt) : QString();
    m_familyChip->setText(words.isEmpty() ? tr("Family") : tr("Family of “%1”").arg(words));
}

void JobsPane::setBackend(Backend* backend) {
    m_backend = backend;
    updateActions();
}

void JobsPane::setCatalog(const ModelCatalog* catalog) {
    m_catalog = catalog;
    m_library.setCatalog(catalog ? catalog : &ModelCatalog::builtIn());
    m_model->setCatalog(catalog ? catalog : &ModelCatalog::builtIn());
    m_filterBar->setCatalog(catalog);
}

} // namespace pixverse
