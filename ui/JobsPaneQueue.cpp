// The queue in the gallery (issue 19): pause and resume the whole queue or one job, run one
// next, edit one in the composer, move jobs earlier or later (menus, keys, drag and drop), and
// the banner above the gallery that says why the queue does not move.
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobStore.h"
#include "ui/GalleryOrderModel.h"
#include "ui/JobGalleryView.h"
#include "ui/JobsPane.h"
#include "ui/QueueBanner.h"

#include <QAction>
#include <QMenu>

#include <algorithm>

namespace pixverse {

namespace {

bool isQueued(const Job& job) {
    return job.state == JobState::Queued;
}

QList<qint64> queueOrder(const JobStore* store) {
    QList<qint64> ids;
    if (store) {
        for (const Job& job : store->queue())
            ids << job.id;
    }
    return ids;
}

//! The queued job `moving` (in queue order) go before when moved `step` places (-1 earlier,
//! +1 later) among the others of `order`: a job id, 0 for the end; nothing when they cannot.
std::optional<qint64> moveTarget(const QList<qint64>& order, const QList<qint64>& moving,
                                 int step) {
    if (moving.isEmpty())
        return std::nullopt;
    QList<qint64> others = order;
    others.removeIf([&moving](qint64 id) { return moving.contains(id); });
    // The place of the first one among the others, then one earlier or later.
    const qsizetype first = order.indexOf(moving.first());
    const qsizetype place =
        first - std::count_if(order.cbegin(), order.cbegin() + first,
                              [&moving](qint64 id) { return moving.contains(id); });
    const qsizetype target = place + step;
    if (target < 0 || target > others.size())
        return std::nullopt;
    return others.value(target, 0);
}

} // namespace

void JobsPane::createQueueActions() {
    struct Spec {
        Action which;
        const char* name;
        QString text;
        QString tip;
        QKeySequence keys;
        Qt::ShortcutContext context;
    };
    // Ctrl+Shift and a letter, free in the window; Alt+Up is "Go to Parent", so the moves in
    // the queue take Alt+Shift with the arrows.
    const QList<Spec> specs{
        {Action::PauseQueue, "pauseQueueAction", tr("Pause &Queue"),
         tr("Send no new job until the queue is resumed"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), Qt::WindowShortcut},
        {Action::PauseJob, "pauseJobAction", tr("Pa&use Job"),
         tr("Keep this queued job from being sent until it is resumed"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H), Qt::WidgetShortcut},
        {Action::RunNext, "runNextAction", tr("Run &Next"),
         tr("Send this queued job before the others"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), Qt::WidgetShortcut},
        {Action::EditQueued, "editQueuedAction", tr("&Edit…"),
         tr("Change this queued job in the composer; it keeps its place"), QKeySequence(Qt::Key_F2),
         Qt::WidgetShortcut},
        {Action::MoveEarlier, "moveEarlierAction", tr("Move &Earlier in Queue"),
         tr("Send this job one place sooner"), QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_Up),
         Qt::WidgetShortcut},
        {Action::MoveLater, "moveLaterAction", tr("Move &Later in Queue"),
         tr("Send this job one place later"), QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_Down),
         Qt::WidgetShortcut},
    };
    for (const Spec& spec : specs) {
        auto* action = new QAction(spec.text, this);
        action->setObjectName(QLatin1String(spec.name));
        action->setToolTip(spec.tip);
        action->setStatusTip(spec.tip);
        action->setShortcut(spec.keys);
        action->setShortcutContext(spec.context);
        m_view->addAction(action);
        m_actions.insert(spec.which, action);
        m_tips.insert(spec.which, spec.tip);
    }
    connect(action(Action::PauseQueue), &QAction::triggered, this, &JobsPane::toggleQueuePaused);
    connect(action(Action::PauseJob), &QAction::triggered, this, &JobsPane::toggleHeldOfSelected);
    connect(action(Action::RunNext), &QAction::triggered, this, &JobsPane::runNextSelected);
    connect(action(Action::EditQueued), &QAction::triggered, this, &JobsPane::editSelected);
    connect(action(Action::MoveEarlier), &QAction::triggered, this,
            [this] { moveSelectedInQueue(-1); });
    connect(action(Action::MoveLater), &QAction::triggered, this,
            [this] { moveSelectedInQueue(1); });
    connect(m_view, &JobGalleryView::queueDropRequested, this, &JobsPane::moveInQueue);

    m_queueBanner = new QueueBanner(this);
}

void JobsPane::addQueueEntries(QMenu* menu) {
    for (const Action which : {Action::EditQueued, Action::RunNext, Action::PauseJob,
                               Action::MoveEarlier, Action::MoveLater, Action::PauseQueue})
        menu->addAction(action(which));
}

void JobsPane::updateQueueActions(const QList<Job>& jobs, const std::optional<Job>& current) {
    const bool engine = m_engine != nullptr;
    QList<Job> queued;
    std::copy_if(jobs.cbegin(), jobs.cend(), std::back_inserter(queued), isQueued);
    const bool paused = engine && m_engine->isQueuePaused();
    action(Action::PauseQueue)->setEnabled(engine);
    action(Action::PauseQueue)->setText(paused ? tr("Resume &Queue") : tr("Pause &Queue"));
    action(Action::PauseQueue)
        ->setToolTip(paused ? tr("Send the queued jobs again") : m_tips.value(Action::PauseQueue));

    const bool allHeld = !queued.isEmpty() && std::all_of(queued.cbegin(), queued.cend(),
                                                          [](const Job& job) { return job.held; });
    action(Action::PauseJob)->setEnabled(engine && !queued.isEmpty());
    action(Action::PauseJob)->setText(allHeld ? tr("Res&ume Job") : tr("Pa&use Job"));

    // The gallery's cache of the queue: no scan of the store at each repaint of a card.
    const auto* gallery = qobject_cast<const GalleryOrderModel*>(m_filter);
    const QList<qint64> order = gallery ? gallery->queuedIds() : queueOrder(m_store);
    const bool currentQueued = current && isQueued(*current);
    action(Action::RunNext)
        ->setEnabled(engine && currentQueued && (current->held || order.value(0) != current->id));
    action(Action::EditQueued)->setEnabled(engine && jobs.size() == 1 && currentQueued);
    // Enabled only when the move changes something.
    QList<qint64> moving;
    for (const qint64 id : order) {
        if (std::any_of(queued.cbegin(), queued.cend(),
                        [id](const Job& job) { return job.id == id; }))
            moving << id;
    }
    action(Action::MoveEarlier)->setEnabled(engine && moveTarget(order, moving, -1).has_value());
    action(Action::MoveLater)->setEnabled(engine && moveTarget(order, moving, 1).has_value());
}

void JobsPane::toggleQueuePaused() {
    if (!m_engine)
        return;
    m_engine->setQueuePaused(!m_engine->isQueuePaused());
    updateActions();
}

void JobsPane::toggleHeldOfSelected() {
    if (!m_engine)
        return;
    QList<Job> queued;
    const QList<Job> jobs = selectedJobs();
    std::copy_if(jobs.cbegin(), jobs.cend(), std::back_inserter(queued), isQueued);
    const bool allHeld = !queued.isEmpty() && std::all_of(queued.cbegin(), queued.cend(),
                                                          [](const Job& job) { return job.held; });
    for (const Job& job : std::as_const(queued))
        m_engine->setHeld(job.id, !allHeld);
    updateActions();
}

void JobsPane::runNextSelected() {
    const std::optional<Job> job = currentJob();
    if (m_engine && job && isQueued(*job))
        m_engine->runNext(job->id);
    updateActions();
}

void JobsPane::editSelected() {
    const QList<Job> jobs = selectedJobs();
    if (m_engine && jobs.size() == 1 && isQueued(jobs.first()))
        Q_EMIT editRequested(jobs.first());
}

void JobsPane::moveSelectedInQueue(int step) {
    if (!m_engine || !m_store)
        return;
    const QList<qint64> order = queueOrder(m_store);
    const QList<qint64> selected = m_view->selectedJobIds();
    QList<qint64> moving;
    for (const qint64 id : order) {
        if (selected.contains(id))
            moving << id;
    }
    if (const std::optional<qint64> before = moveTarget(order, moving, step))
        m_engine->moveQueued(moving, *before);
    updateActions();
}

bool JobsPane::moveInQueue(const QList<qint64>& jobIds, qint64 targetId, bool after) {
    if (!m_engine || !m_store || jobIds.contains(targetId))
        return false;
    const QList<qint64> order = queueOrder(m_store);
    QList<qint64> moving;
    for (const qint64 id : order) {
        if (jobIds.contains(id))
            moving << id;
    }
    const qsizetype target = order.indexOf(targetId);
    if (moving.size() != jobIds.size() || target < 0)
        return false;
    qint64 before = targetId;
    if (after) {
        before = 0;
        for (qsizetype i = target + 1; i < order.size() && before == 0; ++i) {
            if (!moving.contains(order.at(i)))
                before = order.at(i);
        }
    }
    const bool moved = m_engine->moveQueued(moving, before);
    updateActions();
    return moved;
}

} // namespace pixverse
