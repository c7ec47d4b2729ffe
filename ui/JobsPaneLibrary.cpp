// JobsPane: the creator's marks (rating, reject, pick, tags), the stacks of takes and the
// cleanups of the gallery (issue 18). Every change goes through JobLibrary.
#include "core/jobs/JobFilterModel.h"
#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"
#include "core/jobs/ThumbnailCache.h"
#include "ui/JobCardDelegate.h"
#include "ui/JobGalleryView.h"
#include "ui/JobsPane.h"
#include "ui/TagEditor.h"
#include "ui/UiHelpers.h"

#include <QAction>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QToolButton>

namespace pixverse {

namespace {

bool hasTag(const QStringList& tags, const QString& tag) {
    return tags.contains(tag, Qt::CaseInsensitive);
}

//! The tags every one of `jobs` has.
QStringList sharedTags(const QList<Job>& jobs) {
    QStringList shared = jobs.isEmpty() ? QStringList() : jobs.first().tags;
    for (const Job& job : jobs)
        shared.removeIf([&job](const QString& tag) { return !hasTag(job.tags, tag); });
    return shared;
}

} // namespace

void JobsPane::createLibraryActions() {
    struct Spec {
        Action which;
        const char* name;
        QString text;
        QString tip;
        QKeySequence keys;
    };
    const QList<Spec> specs{
        {Action::Rate1, "rate1Action", tr("&1 Star"), tr("Rate 1 star (1; again to clear)"),
         QKeySequence(Qt::Key_1)},
        {Action::Rate2, "rate2Action", tr("&2 Stars"), tr("Rate 2 stars (2; again to clear)"),
         QKeySequence(Qt::Key_2)},
        {Action::Rate3, "rate3Action", tr("&3 Stars"), tr("Rate 3 stars (3; again to clear)"),
         QKeySequence(Qt::Key_3)},
        {Action::Rate4, "rate4Action", tr("&4 Stars"), tr("Rate 4 stars (4; again to clear)"),
         QKeySequence(Qt::Key_4)},
        {Action::Rate5, "rate5Action", tr("&5 Stars"), tr("Rate 5 stars (5; again to clear)"),
         QKeySequence(Qt::Key_5)},
        {Action::ClearRating, "clearRatingAction", tr("&No Rating"), tr("Take the rating away (0)"),
         QKeySequence(Qt::Key_0)},
        {Action::Reject, "rejectAction", tr("Re&ject"),
         tr("Reject: the card is dimmed and “Remove rejected” sweeps it (X)"),
         QKeySequence(Qt::Key_X)},
        {Action::Pick, "pickAction", tr("P&ick"),
         tr("Pick this take; the other takes of its click lose their pick (P)"),
         QKeySequence(Qt::Key_P)},
        {Action::EditTags, "editTagsAction", tr("&Tags…"), tr("Edit the tags (T)"),
         QKeySequence(Qt::Key_T)},
        {Action::OpenStack, "openStackAction", tr("&Open Stack"),
         tr("Show each take of this click (Enter)"), QKeySequence()},
        {Action::CloseStack, "closeStackAction", tr("&Back to the Gallery"),
         tr("Close the stack of takes (Esc)"), QKeySequence(Qt::Key_Escape)},
        {Action::RemoveRejected, "removeRejectedAction", tr("Remove &Rejected…"),
         tr("Move the rejected videos the gallery shows to the trash"), QKeySequence()},
        {Action::RemoveAllButPickedAndStarred, "removeAllButPickedAction",
         tr("Remove All Except Picked and &Starred…"),
         tr("Move every finished video the gallery shows to the trash, except the picked, "
            "favourite and rated ones"),
         QKeySequence()},
    };
    for (const Spec& spec : specs) {
        auto* action = new QAction(spec.text, this);
        action->setObjectName(QLatin1String(spec.name));
        action->setToolTip(spec.tip);
        action->setStatusTip(spec.tip);
        if (!spec.keys.isEmpty()) {
            action->setShortcut(spec.keys);
            // Plain keys: only while the gallery has the focus (the prompt takes digits).
            action->setShortcutContext(Qt::WidgetShortcut);
        }
        m_view->addAction(action);
        m_actions.insert(spec.which, action);
    }
    const QList<Action> stars{Action::Rate1, Action::Rate2, Action::Rate3, Action::Rate4,
                              Action::Rate5};
    for (int i = 0; i < stars.size(); ++i) {
        action(stars.at(i))->setCheckable(true);
        connect(action(stars.at(i)), &QAction::triggered, this, [this, i] { rateSelected(i + 1); });
    }
    action(Action::Reject)->setCheckable(true);
    action(Action::Pick)->setCheckable(true);
    connect(action(Action::ClearRating), &QAction::triggered, this, [this] { rateSelected(0); });
    connect(action(Action::Reject), &QAction::triggered, this, &JobsPane::toggleRejectOfSelected);
    connect(action(Action::Pick), &QAction::triggered, this, &JobsPane::pickCurrent);
    connect(action(Action::EditTags), &QAction::triggered, this, &JobsPane::editTagsOfSelected);
    connect(action(Action::OpenStack), &QAction::triggered, this, &JobsPane::openStackOfCurrent);
    connect(action(Action::CloseStack), &QAction::triggered, this, &JobsPane::closeStack);
    connect(action(Action::RemoveRejected), &QAction::triggered, this,
            [this] { cleanup(JobLibrary::Cleanup::Rejected); });
    connect(action(Action::RemoveAllButPickedAndStarred), &QAction::triggered, this,
            [this] { cleanup(JobLibrary::Cleanup::AllButPickedAndStarred); });
}

void JobsPane::addLibraryEntries(QMenu* menu) {
    QMenu* rating = menu->addMenu(tr("Ra&ting"));
    rating->setObjectName(QStringLiteral("ratingMenu"));
    for (const Action which : {Action::Rate1, Action::Rate2, Action::Rate3, Action::Rate4,
                               Action::Rate5, Action::ClearRating})
        rating->addAction(action(which));
    for (const Action which : {Action::Reject, Action::Pick, Action::EditTags, Action::OpenStack})
        menu->addAction(action(which));
}

QToolButton* JobsPane::makeCleanupButton(QWidget* parent) {
    // Each cleanup asks first, with the count.
    auto* cleanups = new QMenu(parent);
    cleanups->setObjectName(QStringLiteral("cleanupMenu"));
    cleanups->addAction(action(Action::RemoveRejected));
    cleanups->addAction(action(Action::RemoveAllButPickedAndStarred));
    auto* button = new QToolButton(parent);
    button->setObjectName(QStringLiteral("cleanupButton"));
    button->setText(tr("Clean Up"));
    button->setToolTip(
        tr("Move the rejected, or all but the picked and starred, videos to the trash"));
    button->setIcon(ui::actionIcon(QStringLiteral("remove"), palette()));
    button->setPopupMode(QToolButton::InstantPopup);
    button->setMenu(cleanups);
    button->setAutoRaise(true);
    return button;
}

void JobsPane::updateLibraryActions(const QList<Job>& jobs, const std::optional<Job>& current) {
    const bool any = !jobs.isEmpty();
    const auto every = [&jobs](auto test) {
        return !jobs.isEmpty() && std::all_of(jobs.cbegin(), jobs.cend(), test);
    };
    const QList<Action> stars{Action::Rate1, Action::Rate2, Action::Rate3, Action::Rate4,
                              Action::Rate5};
    for (int i = 0; i < stars.size(); ++i) {
        action(stars.at(i))->setEnabled(any);
        action(stars.at(i))->setChecked(every([i](const Job& job) { return job.rating == i + 1; }));
    }
    action(Action::ClearRating)
        ->setEnabled(
            std::any_of(jobs.cbegin(), jobs.cend(), [](const Job& job) { return job.rating > 0; }));
    action(Action::Reject)->setEnabled(any);
    action(Action::Reject)->setChecked(every([](const Job& job) { return job.rejected; }));
    action(Action::Pick)->setEnabled(current && current->state == JobState::Done);
    action(Action::Pick)->setChecked(current && current->picked);
    action(Action::EditTags)->setEnabled(any);
    action(Action::OpenStack)->setEnabled(isStackRow(m_view->currentIndex()));
    action(Action::CloseStack)->setEnabled(m_filter->openStack() != 0);
    action(Action::RemoveRejected)->setEnabled(m_store != nullptr);
    action(Action::RemoveAllButPickedAndStarred)->setEnabled(m_store != nullptr);
}

void JobsPane::setCleanupConfirmer(CleanupConfirmer confirmer) {
    m_cleanupConfirmer = std::move(confirmer);
}

// --- the marks -----------------------------------------------------------------------------------

void JobsPane::rateSelected(int stars) {
    const QList<Job> jobs = selectedJobs();
    if (jobs.isEmpty())
        return;
    // The same key again takes the stars away.
    const bool already =
        stars > 0 && std::all_of(jobs.cbegin(), jobs.cend(),
                                 [stars](const Job& j) { return j.rating == stars; });
    m_library.setRating(m_view->selectedJobIds(), already ? 0 : stars);
    updateActions();
}

void JobsPane::toggleRejectOfSelected() {
    const QList<Job> jobs = selectedJobs();
    if (jobs.isEmpty())
        return;
    const bool all =
        std::all_of(jobs.cbegin(), jobs.cend(), [](const Job& job) { return job.rejected; });
    m_library.setRejected(m_view->selectedJobIds(), !all);
    updateActions();
}

void JobsPane::pickCurrent() {
    const std::optional<Job> current = currentJob();
    if (!current || current->state != JobState::Done)
        return;
    m_library.pick(current->id);
    updateActions();
}

void JobsPane::editTagsOfSelected() {
    const QList<Job> jobs = selectedJobs();
    if (jobs.isEmpty() || !m_store)
        return;
    auto* editor =
        new TagEditor(sharedTags(jobs), m_store->allTags(), static_cast<int>(jobs.size()), this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    QList<qint64> ids;
    for (const Job& job : jobs)
        ids << job.id;
    connect(editor, &QDialog::accepted, this, [this, editor, ids] {
        const QStringList added = editor->added();
        const QStringList removed = editor->removed();
        if ((added.isEmpty() && removed.isEmpty()) || !m_store)
            return;
        // Each job keeps the tags only some of the selection have.
        for (const qint64 id : ids) {
            const std::optional<Job> job = m_store->job(id);
            if (!job)
                continue;
            QStringList tags = job->tags;
            tags.removeIf([&removed](const QString& tag) { return hasTag(removed, tag); });
            for (const QString& tag : added) {
                if (!hasTag(tags, tag))
                    tags << tag;
            }
            m_library.setTags(id, tags);
        }
        updateActions();
    });
    editor->open(); // modal to the window, without a nested event loop
}

// --- stacks
// ----------------------------------------------------------------------------------------

bool JobsPane::isStackRow(const QModelIndex& index) const {
    return index.isValid() && JobCardDelegate::stackSize(index) > 1;
}

void JobsPane::activate(qint64 jobId) {
    const QModelIndex index = m_filter->mapFromSource(m_model->indexOf(jobId));
    if (isStackRow(index))
        openStack(index.data(JobListModel::GroupIdRole).toLongLong());
    else
        play(jobId);
}

qint64 JobsPane::openStackShown() const {
    return m_filter->openStack();
}

void JobsPane::openStack(qint64 groupId) {
    if (!m_store || groupId == 0 || m_store->group(groupId).isEmpty())
        return;
    const qint64 current = m_view->currentJobId();
    m_filter->setOpenStack(groupId);
    updateStackBanner();
    updatePlaceholder();
    if (!m_view->selectJob(current)) {
        for (const Job& take : m_store->group(groupId)) {
            if (m_view->selectJob(take.id))
                break;
        }
    }
    updateActions();
}

void JobsPane::openStackOfCurrent() {
    const QModelIndex index = m_view->currentIndex();
    if (isStackRow(index))
        openStack(index.data(JobListModel::GroupIdRole).toLongLong());
}

void JobsPane::closeStack() {
    const qint64 group = m_filter->openStack();
    if (group == 0)
        return;
    const qint64 current = m_view->currentJobId();
    m_filter->setOpenStack(0);
    updateStackBanner();
    updatePlaceholder();
    // Back on the stack's card (whichever take stands for it now).
    if (!m_view->selectJob(current) && m_store) {
        for (const Job& take : m_store->group(group)) {
            if (m_view->selectJob(take.id))
                break;
        }
    }
    updateActions();
}

void JobsPane::updateStackBanner() {
    const qint64 group = m_filter->openStack();
    m_stackBanner->setVisible(group != 0);
    if (group == 0 || !m_store)
        return;
    const QList<Job> takes = m_store->group(group);
    const QString words =
        takes.isEmpty() ? QString() : bannerWords(JobListModel::titleOf(takes.first()));
    m_stackBanner->setText(
        tr("%1 takes of “%2” · Back to the gallery").arg(takes.size()).arg(words));
}

QToolButton* JobsPane::makeBannerChip(QWidget* parent, const QString& name, const QString& tip) {
    auto* chip = new QToolButton(parent);
    chip->setObjectName(name);
    chip->setIcon(ui::actionIcon(QStringLiteral("close"), palette()));
    chip->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    chip->setToolTip(tip);
    chip->setLayoutDirection(Qt::RightToLeft); // the cross after the text
    chip->hide();
    return chip;
}

QString JobsPane::bannerWords(const QString& prompt) {
    const QString words = prompt.simplified();
    return words.size() <= 24 ? words : words.left(23) + QChar(0x2026);
}

// --- cleanups
// --------------------------------------------------------------------------------------

QList<qint64> JobsPane::jobsShown() const {
    QList<qint64> ids;
    QSet<qint64> seen;
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const QModelIndex index = m_filter->index(row, 0);
        QList<qint64> rowIds{index.data(JobListModel::IdRole).toLongLong()};
        // A closed stack stands for every take in it.
        if (isStackRow(index) && m_store) {
            for (const Job& take :
                 m_store->group(index.data(JobListModel::GroupIdRole).toLongLong()))
                rowIds << take.id;
        }
        for (const qint64 id : std::as_const(rowIds)) {
            if (!seen.contains(id)) {
                seen.insert(id);
                ids << id;
            }
        }
    }
    return ids;
}

bool JobsPane::confirmCleanup(const QString& question, int count) {
    if (m_cleanupConfirmer)
        return m_cleanupConfirmer(question, count);
    QMessageBox box(QMessageBox::Question, tr("Clean Up the Gallery"), question,
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("cleanupBox"));
    box.setInformativeText(tr("The videos and their sidecars go to the desktop's trash, where you "
                              "can still restore them; the jobs leave the list."));
    QPushButton* trash = box.addButton(tr("Move to Trash"), QMessageBox::DestructiveRole);
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == trash;
}

int JobsPane::cleanup(JobLibrary::Cleanup kind) {
    if (!m_store)
        return 0;
    const bool rejected = kind == JobLibrary::Cleanup::Rejected;
    const QList<qint64> ids = m_library.cleanupCandidates(kind, jobsShown());
    const int count = static_cast<int>(ids.size());
    if (count == 0) {
        Q_EMIT noticeRequested(rejected ? tr("No rejected video to remove.")
                                        : tr("Every finished video shown is picked or starred: "
                                             "nothing to remove."));
        return 0;
    }
    QString question;
    if (rejected)
        question = count == 1 ? tr("Move the rejected video to the trash?")
                              : tr("Move %1 rejected videos to the trash?").arg(count);
    else
        question =
            count == 1
                ? tr("Move the one video that is neither picked nor starred to the trash?")
                : tr("Move %1 videos that are neither picked nor starred to the trash?").arg(count);
    if (!confirmCleanup(question, count))
        return 0;
    for (const qint64 id : ids) {
        if (id == m_playingJob)
            closePlayer();
        if (const std::optional<Job> job = m_store->job(id); job && !job->thumbnailPath.isEmpty())
            m_thumbnails->invalidate(job->thumbnailPath);
    }
    // The files move on the thread pool; the jobs leave the list once theirs are in the trash.
    m_library.trashJobsAsync(ids, this, [this](const JobLibrary::TrashResult& result) {
        QString notice = result.removed == 1
                             ? tr("Moved one video to the trash.")
                             : tr("Moved %1 videos to the trash.").arg(result.removed);
        if (!result.failures.isEmpty())
            notice += u' ' + tr("Not moved (they stay in the list): %1")
                                 .arg(result.failures.join(QLatin1Char(' ')));
        Q_EMIT noticeRequested(notice);
        updateActions();
    });
    return count;
}

} // namespace pixverse
