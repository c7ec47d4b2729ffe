#include "core/jobs/JobFilterModel.h"

#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"

#include <algorithm>

namespace pixverse {

// Each criterion is checked on the job itself (one mirror read per row); what needs the whole
// list (the search hits, the stacks' rows) is computed when a criterion or a row changes, never
// while the proxy filters.

JobFilterModel::JobFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent) {
    setDynamicSortFilter(true);
}

void JobFilterModel::setSourceModel(QAbstractItemModel* source) {
    for (const QMetaObject::Connection& connection : std::as_const(m_sourceConnections))
        disconnect(connection);
    m_sourceConnections.clear();
    // Connected before the proxy's own handlers, so the caches follow a change before the proxy
    // filters the rows it touched...
    if (source) {
        m_sourceConnections << connect(source, &QAbstractItemModel::rowsInserted, this,
                                       [this](const QModelIndex&, int first, int last) {
                                           if (!m_words.isEmpty())
                                               refreshSearch();
                                           noteRows(first, last);
                                       });
        m_sourceConnections << connect(source, &QAbstractItemModel::dataChanged, this,
                                       [this](const QModelIndex& from, const QModelIndex& to) {
                                           noteRows(from.row(), to.row());
                                       });
        m_sourceConnections << connect(source, &QAbstractItemModel::modelReset, this, [this] {
            refreshSearch();
            rebuildStacks();
        });
    }
    QSortFilterProxyModel::setSourceModel(source);
    // ...and after them, so other rows whose place in a stack changed are looked at again.
    if (source) {
        m_sourceConnections << connect(source, &QAbstractItemModel::rowsInserted, this,
                                       &JobFilterModel::refilterIfNeeded);
        m_sourceConnections << connect(source, &QAbstractItemModel::dataChanged, this,
                                       &JobFilterModel::refilterIfNeeded);
        m_sourceConnections << connect(source, &QAbstractItemModel::rowsRemoved, this,
                                       &JobFilterModel::onSourceRowsRemoved);
    }
    refreshSearch();
    rebuildStacks();
    invalidateRowsFilter();
}

JobStore* JobFilterModel::store() const {
    const auto* list = qobject_cast<const JobListModel*>(sourceModel());
    return list ? list->store() : nullptr;
}

void JobFilterModel::changed() {
    rebuildStacks();
    // One layout change rather than the proxy's row-by-row removals and insertions: a search
    // over 10,000 jobs can turn thousands of scattered ranges on or off at each keystroke.
    invalidate();
    Q_EMIT filtersChanged();
}

void JobFilterModel::setStates(const QList<JobState>& states) {
    if (states == m_states)
        return;
    m_states = states;
    changed();
}

void JobFilterModel::setSearchText(const QString& text) {
    if (text == m_search)
        return;
    m_search = text;
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    if (words == m_words) { // only spaces changed: the same hits
        Q_EMIT filtersChanged();
        return;
    }
    m_words = words;
    refreshSearch();
    changed();
}

void JobFilterModel::refreshSearch() {
    if (m_words.isEmpty()) {
        m_searchHits.reset();
        return;
    }
    const JobStore* jobs = store();
    const QList<qint64> hits = jobs ? jobs->searchPrompts(m_words.join(u' ')) : QList<qint64>{};
    m_searchHits = QSet<qint64>(hits.cbegin(), hits.cend());
}

void JobFilterModel::setFavouritesOnly(bool on) {
    if (on == m_favouritesOnly)
        return;
    m_favouritesOnly = on;
    changed();
}

void JobFilterModel::setOnlyJobs(const std::optional<QSet<qint64>>& jobIds) {
    if (jobIds == m_onlyJobs)
        return;
    m_onlyJobs = jobIds;
    changed();
}

void JobFilterModel::setModes(const QList<GenerationMode>& modes) {
    if (modes == m_modes)
        return;
    m_modes = modes;
    changed();
}

void JobFilterModel::setModels(const QStringList& models) {
    if (models == m_models)
        return;
    m_models = models;
    changed();
}

void JobFilterModel::setMinRating(int stars) {
    stars = std::clamp(stars, 0, 5);
    if (stars == m_minRating)
        return;
    m_minRating = stars;
    changed();
}

void JobFilterModel::setRejectedFilter(RejectedFilter filter) {
    if (filter == m_rejected)
        return;
    m_rejected = filter;
    changed();
}

void JobFilterModel::setTag(const QString& tag) {
    const QString trimmed = tag.trimmed();
    if (trimmed == m_tag)
        return;
    m_tag = trimmed;
    changed();
}

void JobFilterModel::setBoard(qint64 boardId) {
    if (boardId == m_board)
        return;
    m_board = boardId;
    changed();
}

void JobFilterModel::setDateRange(const QDate& from, const QDate& to) {
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    changed();
}

void JobFilterModel::clearFilters() {
    if (!isFiltering())
        return;
    m_states.clear();
    m_search.clear();
    m_words.clear();
    m_searchHits.reset();
    m_favouritesOnly = false;
    m_modes.clear();
    m_models.clear();
    m_minRating = 0;
    m_rejected = RejectedFilter::Any;
    m_tag.clear();
    m_board = 0;
    m_from = {};
    m_to = {};
    changed();
}

bool JobFilterModel::isFiltering() const {
    return !m_states.isEmpty() || !m_words.isEmpty() || m_favouritesOnly || !m_modes.isEmpty() ||
           !m_models.isEmpty() || m_minRating > 0 || m_rejected != RejectedFilter::Any ||
           !m_tag.isEmpty() || m_board != 0 || m_from.isValid() || m_to.isValid();
}

void JobFilterModel::setStacked(bool on) {
    if (on == m_stacked)
        return;
    m_stacked = on;
    changed();
}

void JobFilterModel::setOpenStack(qint64 groupId) {
    if (groupId == m_openStack)
        return;
    m_openStack = groupId;
    changed();
}

qint64 JobFilterModel::jobId(int row) const {
    return index(row, 0).data(JobListModel::IdRole).toLongLong();
}

QVariant JobFilterModel::data(const QModelIndex& index, int role) const {
    const bool stackRole =
        role == JobListModel::GroupSizeRole || role == JobListModel::CostTextRole;
    if (stackRole && m_stacked && index.isValid()) {
        const qint64 group = index.data(JobListModel::GroupIdRole).toLongLong();
        if (const auto takes = m_groups.constFind(group); group != 0 && takes != m_groups.cend()) {
            const int size = int(takes->size());
            if (role == JobListModel::GroupSizeRole)
                return size;
            // A closed stack stands for all its takes: "4 × 35 credits", the click's price.
            const QString one = QSortFilterProxyModel::data(index, role).toString();
            if (m_openStack == 0 && size > 1 && !one.isEmpty())
                return tr("%1 × %2", "takes × one take's price").arg(size).arg(one);
            return one;
        }
    }
    return QSortFilterProxyModel::data(index, role);
}

bool JobFilterModel::needsJob() const {
    return !m_states.isEmpty() || m_favouritesOnly || !m_modes.isEmpty() || !m_models.isEmpty() ||
           m_minRating > 0 || m_rejected != RejectedFilter::Any || !m_tag.isEmpty() ||
           m_board != 0 || m_from.isValid() || m_to.isValid() || m_stacked || m_openStack != 0;
}

bool JobFilterModel::passes(const Job& job) const {
    if (m_onlyJobs && !m_onlyJobs->contains(job.id))
        return false;
    if (m_searchHits && !m_searchHits->contains(job.id))
        return false;
    if (!m_states.isEmpty() && !m_states.contains(job.state))
        return false;
    if (m_favouritesOnly && !job.favourite)
        return false;
    if (!m_modes.isEmpty() && !m_modes.contains(job.request.mode))
        return false;
    if (!m_models.isEmpty() && !m_models.contains(job.request.model))
        return false;
    if (job.rating < m_minRating)
        return false;
    if ((m_rejected == RejectedFilter::HideRejected && job.rejected) ||
        (m_rejected == RejectedFilter::OnlyRejected && !job.rejected))
        return false;
    if (!m_tag.isEmpty() && !job.tags.contains(m_tag, Qt::CaseInsensitive))
        return false;
    if (m_board != 0 && !job.boards.contains(m_board))
        return false;
    if (m_from.isValid() || m_to.isValid()) {
        const QDate day = job.createdAt.toLocalTime().date();
        if ((m_from.isValid() && day < m_from) || (m_to.isValid() && day > m_to))
            return false;
    }
    return true;
}

void JobFilterModel::rebuildStacks() {
    m_groups.clear();
    m_stackRows.clear();
    const auto* list = qobject_cast<const JobListModel*>(sourceModel());
    const JobStore* jobs = store();
    if (!m_stacked || !list || !jobs)
        return;
    for (int row = 0, rows = list->rowCount(); row < rows; ++row) {
        const Job* job = jobs->find(list->jobId(row));
        if (job && job->groupId != 0)
            m_groups[job->groupId].append({job->id, job->takeIndex, job->picked, passes(*job)});
    }
    for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it)
        chooseStackRow(it.key());
}

bool JobFilterModel::chooseStackRow(qint64 groupId) {
    const Take* chosen = nullptr;
    // Pointers into the group's own list, not into a copy of it (value() would return one that
    // dies with the loop while `chosen` still points into it).
    const auto group = m_groups.constFind(groupId);
    const QList<Take> none;
    for (const Take& take : group != m_groups.cend() ? *group : none) {
        if (!take.passes)
            continue;
        if (!chosen || (take.picked && !chosen->picked) ||
            (take.picked == chosen->picked && take.takeIndex < chosen->takeIndex))
            chosen = &take;
    }
    const qint64 row = chosen ? chosen->id : 0;
    if (row == m_stackRows.value(groupId))
        return false;
    if (row == 0)
        m_stackRows.remove(groupId);
    else
        m_stackRows.insert(groupId, row);
    return true;
}

void JobFilterModel::noteRows(int first, int last) {
    const auto* list = qobject_cast<const JobListModel*>(sourceModel());
    const JobStore* jobs = store();
    if (!m_stacked || !list || !jobs)
        return;
    for (int row = first; row <= last; ++row) {
        const Job* job = jobs->find(list->jobId(row));
        if (!job || job->groupId == 0)
            continue;
        QList<Take>& takes = m_groups[job->groupId];
        const Take take{job->id, job->takeIndex, job->picked, passes(*job)};
        const auto known = std::find_if(takes.begin(), takes.end(),
                                        [&take](const Take& t) { return t.id == take.id; });
        if (known == takes.end())
            takes.append(take);
        else
            *known = take;
        const qint64 before = m_stackRows.value(job->groupId);
        if (!chooseStackRow(job->groupId))
            continue;
        // The proxy looks at this row itself; a stack row that moved to another take is not.
        const qint64 after = m_stackRows.value(job->groupId);
        if ((before != 0 && before != job->id) || (after != 0 && after != job->id))
            m_refilter = true;
    }
}

void JobFilterModel::onSourceRowsRemoved() {
    if (m_stacked) {
        // A removed take's group picks its row again among the takes still there.
        const auto* list = qobject_cast<const JobListModel*>(sourceModel());
        for (auto group = m_groups.begin(); group != m_groups.end();) {
            group->removeIf([list](const Take& take) { return !list || list->rowOf(take.id) < 0; });
            const qint64 id = group.key();
            if (group->isEmpty()) {
                m_stackRows.remove(id);
                group = m_groups.erase(group);
                continue;
            }
            ++group;
            if (chooseStackRow(id))
                m_refilter = true;
        }
    }
    refilterIfNeeded();
}

void JobFilterModel::refilterIfNeeded() {
    if (!m_refilter)
        return;
    m_refilter = false;
    invalidateRowsFilter();
}

bool JobFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const auto* list = qobject_cast<const JobListModel*>(sourceModel());
    const JobStore* jobs = store();
    if (sourceParent.isValid() || !list || !jobs)
        return false;
    const qint64 id = list->jobId(sourceRow);
    if ((m_onlyJobs && !m_onlyJobs->contains(id)) || (m_searchHits && !m_searchHits->contains(id)))
        return false; // before the mirror read: the search usually leaves few
    if (!needsJob())
        return true; // only the search or the family: no mirror read at all (as one types)
    const Job* job = jobs->find(id);
    if (!job || !passes(*job))
        return false;
    if (m_openStack != 0)
        return job->groupId == m_openStack;
    if (m_stacked && job->groupId != 0)
        return m_stackRows.value(job->groupId) == id;
    return true;
}

} // namespace pixverse
