#include "core/jobs/JobFilterModel.h"

#include "core/jobs/JobListModel.h"

namespace pixverse {

// CONTRACT STUB: the criteria of issue 18 are stored but only states, search (a substring scan),
// favourites and the family limit filter; the "filters" helper implements the rest.

JobFilterModel::JobFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent) {
    setDynamicSortFilter(true);
}

void JobFilterModel::changed() {
    invalidateFilter();
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
    m_words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    changed();
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
    m_modes = modes;
    changed();
}

void JobFilterModel::setModels(const QStringList& models) {
    m_models = models;
    changed();
}

void JobFilterModel::setMinRating(int stars) {
    m_minRating = stars;
    changed();
}

void JobFilterModel::setRejectedFilter(RejectedFilter filter) {
    m_rejected = filter;
    changed();
}

void JobFilterModel::setTag(const QString& tag) {
    m_tag = tag;
    changed();
}

void JobFilterModel::setBoard(qint64 boardId) {
    m_board = boardId;
    changed();
}

void JobFilterModel::setDateRange(const QDate& from, const QDate& to) {
    m_from = from;
    m_to = to;
    changed();
}

void JobFilterModel::clearFilters() {
    m_states.clear();
    m_search.clear();
    m_words.clear();
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
    m_stacked = on;
    changed();
}

void JobFilterModel::setOpenStack(qint64 groupId) {
    m_openStack = groupId;
    changed();
}

qint64 JobFilterModel::jobId(int row) const {
    return index(row, 0).data(JobListModel::IdRole).toLongLong();
}

bool JobFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_onlyJobs && !m_onlyJobs->contains(index.data(JobListModel::IdRole).toLongLong()))
        return false;
    if (!m_states.isEmpty()) {
        const auto state = static_cast<JobState>(index.data(JobListModel::StateRole).toInt());
        if (!m_states.contains(state))
            return false;
    }
    if (m_favouritesOnly && !index.data(JobListModel::FavouriteRole).toBool())
        return false;
    if (!m_words.isEmpty()) {
        const QString prompt = index.data(JobListModel::PromptRole).toString();
        for (const QString& word : m_words) {
            if (!prompt.contains(word, Qt::CaseInsensitive))
                return false;
        }
    }
    return true;
}

} // namespace pixverse
