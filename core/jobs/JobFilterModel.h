#pragma once

#include "core/generation/GenerationRequest.h"
#include "core/jobs/Job.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <optional>

namespace pixverse {

class JobStore;

//! The gallery's filter over a JobListModel (issue 18): every criterion combines with the others
//! (AND), and the source's order (newest first) is kept. The prompt search goes through the
//! store's full-text index (JobStore::searchPrompts), once per change of the text, never per row.
class JobFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    //! Which jobs the creator threw away are shown.
    enum class RejectedFilter { Any, HideRejected, OnlyRejected };

    explicit JobFilterModel(QObject* parent = nullptr);

    //! Only jobs in these states; empty: every state.
    void setStates(const QList<JobState>& states);
    QList<JobState> states() const { return m_states; }
    //! Only jobs whose prompt (or title) matches every word of `text` as a word prefix; empty: all.
    void setSearchText(const QString& text);
    QString searchText() const { return m_search; }
    void setFavouritesOnly(bool on);
    bool favouritesOnly() const { return m_favouritesOnly; }
    //! Only these jobs ("Show family": JobStore::lineage of a take); nullopt: no such limit.
    void setOnlyJobs(const std::optional<QSet<qint64>>& jobIds);
    const std::optional<QSet<qint64>>& onlyJobs() const { return m_onlyJobs; }

    //! Only jobs of these modes; empty: every mode.
    void setModes(const QList<GenerationMode>& modes);
    QList<GenerationMode> modes() const { return m_modes; }
    //! Only jobs of these model ids ("v5.6"); empty: every model.
    void setModels(const QStringList& models);
    QStringList models() const { return m_models; }
    //! Only jobs rated at least this (1–5); 0: rated or not.
    void setMinRating(int stars);
    int minRating() const { return m_minRating; }
    void setRejectedFilter(RejectedFilter filter);
    RejectedFilter rejectedFilter() const { return m_rejected; }
    //! Only jobs with this tag (case-insensitive); empty: any.
    void setTag(const QString& tag);
    QString tag() const { return m_tag; }
    //! Only jobs on this board; 0: any.
    void setBoard(qint64 boardId);
    qint64 board() const { return m_board; }
    //! Only jobs created on these local days, both included; an invalid date leaves that end open.
    void setDateRange(const QDate& from, const QDate& to);
    QDate dateFrom() const { return m_from; }
    QDate dateTo() const { return m_to; }
    //! Every criterion back to "everything" (states, search, favourites, modes, models, rating,
    //! rejected, tag, board, dates); the family limit and the stack stay.
    void clearFilters();
    //! Whether some criterion (not the family limit nor the stack) narrows the list.
    bool isFiltering() const;

    //! Stacks: the takes of one group show as one row whose GroupSizeRole says how many takes
    //! the group has in the list. The row is, among the group's takes that meet the criteria,
    //! the picked one, else the one of the lowest takeIndex.
    void setStacked(bool on);
    bool isStacked() const { return m_stacked; }
    //! Opens a stack: only the takes of `groupId` (that meet the criteria) show, each on its own
    //! row; 0 closes it.
    void setOpenStack(qint64 groupId);
    qint64 openStack() const { return m_openStack; }

    qint64 jobId(int row) const;

    void setSourceModel(QAbstractItemModel* source) override;
    //! GroupSizeRole of a stack is answered from the filter's own count of the group's takes
    //! (no store scan per paint); every other role is the source's.
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    //! Some criterion changed (the filter bar mirrors them).
    void filtersChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    //! A take of a group as the stacks know it.
    struct Take {
        qint64 id = 0;
        int takeIndex = 0;
        bool picked = false;
        bool passes = false; //!< meets every criterion (the stack row is chosen among these)
    };

    void changed();
    //! Whether `job` meets every criterion (not the stack rule).
    bool passes(const Job& job) const;
    //! Whether some criterion (or the stacks) reads the job itself, beyond its id.
    bool needsJob() const;
    JobStore* store() const;
    //! The store's search hits for m_search, once per change of the text (or of the jobs).
    void refreshSearch();
    //! Every group's takes and stack row, from one pass over the source (criteria changed).
    void rebuildStacks();
    //! One group's stack row from its takes; true when it changed.
    bool chooseStackRow(qint64 groupId);
    //! The source's rows `first`..`last` were added or changed: the caches follow them before
    //! the proxy looks at those rows; m_refilter says when other rows must be looked at again.
    void noteRows(int first, int last);
    void onSourceRowsRemoved();
    void refilterIfNeeded();

    QList<JobState> m_states;
    QString m_search;
    QStringList m_words;
    bool m_favouritesOnly = false;
    std::optional<QSet<qint64>> m_onlyJobs;
    QList<GenerationMode> m_modes;
    QStringList m_models;
    int m_minRating = 0;
    RejectedFilter m_rejected = RejectedFilter::Any;
    QString m_tag;
    qint64 m_board = 0;
    QDate m_from;
    QDate m_to;
    bool m_stacked = false;
    qint64 m_openStack = 0;

    std::optional<QSet<qint64>> m_searchHits; //!< nullopt: no search
    QHash<qint64, QList<Take>> m_groups;      //!< group id → its takes (stacked only)
    QHash<qint64, qint64> m_stackRows;        //!< group id → the take its stack row shows
    bool m_refilter = false;
    QList<QMetaObject::Connection> m_sourceConnections;
};

} // namespace pixverse
