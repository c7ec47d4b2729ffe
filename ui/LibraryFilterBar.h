#pragma once

#include "core/jobs/Job.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QToolButton;

namespace pixverse {

class JobFilterModel;
class JobListModel;
class ModelCatalog;

//! The gallery's filters (issue 18), above it: the state (with each state's count), the prompt
//! search (as one types; Esc clears it), and behind "Filters" the mode, model, rating or reject,
//! tag and the days of creation; while something narrows the list, "312 of 10,000" and "Clear
//! filters". Every control writes a criterion of the JobFilterModel and mirrors it back when it
//! changes elsewhere (a board chosen, the filters cleared).
class LibraryFilterBar : public QWidget {
    Q_OBJECT
public:
    //! `filter`'s source is `model`; both outlive the bar.
    LibraryFilterBar(JobFilterModel* filter, JobListModel* model, QWidget* parent = nullptr);

    //! The models the model filter offers (default: the built-in table).
    void setCatalog(const ModelCatalog* catalog);
    //! Whether the second row (mode, model, rating, tag, days) shows.
    void setMoreFiltersShown(bool shown);
    bool moreFiltersShown() const;
    //! "312 of 10,000": the rows shown and every job of the list.
    QString countText() const;

    //! The first day the date filters can name; at it they read "Any day".
    static QDate anyDay() { return {2000, 1, 1}; }

private:
    struct StateGroup {
        QString name;
        QList<JobState> states;
    };

    QWidget* buildMoreFilters();
    void fillModels();
    void fillTags();
    //! Writes the second row's criteria into the filter.
    void applyRating();
    void applyDates();
    void applyTag();
    //! The controls show the filter's criteria again (without writing them back).
    void mirror();
    void updateStateCounts();
    void updateCount();
    bool eventFilter(QObject* watched, QEvent* event) override;

    JobFilterModel* m_filter;
    JobListModel* m_model;
    const ModelCatalog* m_catalog;
    QList<StateGroup> m_groups;

    QComboBox* m_state = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_count = nullptr;
    QToolButton* m_clear = nullptr;
    QToolButton* m_more = nullptr;
    QWidget* m_moreRow = nullptr;
    QComboBox* m_mode = nullptr;
    QComboBox* m_modelCombo = nullptr;
    QComboBox* m_rating = nullptr;
    QComboBox* m_tag = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
};

} // namespace pixverse
