#include "ui/LibraryFilterBar.h"

#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobFilterModel.h"
#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"
#include "ui/UiHelpers.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace pixverse {

namespace {

// The rating combo's entries past the stars.
constexpr int kOnlyRejected = 6;
constexpr int kHideRejected = 7;

//! A combo that asks for its items just before its list opens (the tags change with every job).
class RefreshingComboBox : public QComboBox {
public:
    using QComboBox::QComboBox;
    std::function<void()> beforePopup;
    void showPopup() override {
        if (beforePopup)
            beforePopup();
        QComboBox::showPopup();
    }
};

} // namespace

LibraryFilterBar::LibraryFilterBar(JobFilterModel* filter, JobListModel* model, QWidget* parent)
    : QWidget(parent)
    , m_filter(filter)
    , m_model(model)
    , m_catalog(&ModelCatalog::builtIn()) {
    setObjectName(QStringLiteral("libraryFilterBar"));
    m_groups = {
        {tr("All jobs"), {}},
        {tr("In progress"),
         {JobState::Queued, JobState::Uploading, JobState::Submitting, JobState::Generating,
          JobState::Downloading}},
        {tr("Done"), {JobState::Done}},
        {tr("Failed"), {JobState::Failed}},
        {tr("Moderated"), {JobState::Moderated}},
        {tr("Cancelled"), {JobState::Cancelled}},
        {tr("Deleted"), {JobState::Deleted}},
    };

    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("statusFilterCombo"));
    m_state->setToolTip(tr("Show jobs in this state"));
    m_state->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_state->setMinimumWidth(90); // narrower than its text where the window is narrow
    for (int i = 0; i < m_groups.size(); ++i)
        m_state->addItem(m_groups.at(i).name, i);
    connect(m_state, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_filter->setStates(index >= 0 && index < m_groups.size() ? m_groups.at(index).states
                                                                  : QList<JobState>{});
    });

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("jobSearchEdit"));
    m_search->setPlaceholderText(tr("Search prompts"));
    m_search->setToolTip(
        tr("Every word finds the prompts with a word starting with it; Esc clears"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(50);
    m_search->installEventFilter(this);
    // The store's full-text index answers at each key: no pause needed.
    connect(m_search, &QLineEdit::textChanged, m_filter, &JobFilterModel::setSearchText);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("filterCountLabel"));
    QPalette hint = m_count->palette();
    hint.setColor(QPalette::WindowText, ui::hintColor(palette()));
    m_count->setPalette(hint);

    m_clear = new QToolButton(this);
    m_clear->setObjectName(QStringLiteral("clearFiltersButton"));
    m_clear->setText(tr("Clear filters"));
    m_clear->setToolTip(tr("Clear filters"));
    m_clear->setAccessibleName(tr("Clear filters"));
    m_clear->setIcon(ui::actionIcon(QStringLiteral("close"), palette()));
    // A cross beside the count: the first row also holds the search, which needs the room.
    m_clear->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_clear->setAutoRaise(true);
    connect(m_clear, &QToolButton::clicked, m_filter, &JobFilterModel::clearFilters);

    m_more = new QToolButton(this);
    m_more->setObjectName(QStringLiteral("moreFiltersButton"));
    m_more->setCheckable(true);
    m_more->setToolTip(tr("Filter by mode, model, rating, tag and date"));
    m_more->setAutoRaise(true);
    connect(m_more, &QToolButton::toggled, this, &LibraryFilterBar::setMoreFiltersShown);

    auto* first = new QHBoxLayout;
    first->setContentsMargins(0, 0, 0, 0);
    first->addWidget(m_state);
    first->addWidget(m_search, 1);
    first->addWidget(m_count);
    first->addWidget(m_clear);
    first->addWidget(m_more);
    m_moreRow = buildMoreFilters();
    m_moreRow->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(first);
    layout->addWidget(m_moreRow);

    connect(m_filter, &JobFilterModel::filtersChanged, this, &LibraryFilterBar::mirror);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &LibraryFilterBar::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &LibraryFilterBar::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &LibraryFilterBar::updateCount);
    connect(m_model, &JobListModel::countsChanged, this, &LibraryFilterBar::updateStateCounts);
    updateStateCounts();
    mirror();
}

QWidget* LibraryFilterBar::buildMoreFilters() {
    auto* row = new QWidget(this);
    row->setObjectName(QStringLiteral("moreFiltersRow"));

    m_mode = new QComboBox(row);
    m_mode->setObjectName(QStringLiteral("modeFilterCombo"));
    m_mode->setToolTip(tr("Show jobs of this mode"));
    m_mode->addItem(tr("Any mode"));
    for (const GenerationMode mode : allGenerationModes())
        m_mode->addItem(generationModeLabel(mode), static_cast<int>(mode));
    connect(m_mode, &QComboBox::activated, this, [this](int index) {
        m_filter->setModes(index <= 0 ? QList<GenerationMode>{}
                                      : QList<GenerationMode>{static_cast<GenerationMode>(
                                            m_mode->itemData(index).toInt())});
    });

    m_modelCombo = new QComboBox(row);
    m_modelCombo->setObjectName(QStringLiteral("modelFilterCombo"));
    m_modelCombo->setToolTip(tr("Show jobs made with this model"));
    fillModels();
    connect(m_modelCombo, &QComboBox::activated, this, [this](int index) {
        m_filter->setModels(index <= 0 ? QStringList{}
                                       : QStringList{m_modelCombo->itemData(index).toString()});
    });

    m_rating = new QComboBox(row);
    m_rating->setObjectName(QStringLiteral("ratingFilterCombo"));
    m_rating->setToolTip(tr("Show jobs rated at least this, or by their reject mark"));
    m_rating->addItem(tr("Any rating"), 0);
    for (int stars = 1; stars <= 5; ++stars)
        m_rating->addItem(tr("%1+").arg(QString(stars, QChar(0x2605))), stars); // ★
    m_rating->addItem(tr("Rejected only"), kOnlyRejected);
    m_rating->addItem(tr("Hide rejected"), kHideRejected);
    connect(m_rating, &QComboBox::activated, this, &LibraryFilterBar::applyRating);

    auto* tags = new RefreshingComboBox(row);
    tags->beforePopup = [this] { fillTags(); };
    m_tag = tags;
    m_tag->setObjectName(QStringLiteral("tagFilterCombo"));
    m_tag->setEditable(true);
    m_tag->setInsertPolicy(QComboBox::NoInsert);
    m_tag->setToolTip(tr("Show jobs with this tag"));
    m_tag->lineEdit()->setPlaceholderText(tr("Any tag"));
    m_tag->setMinimumContentsLength(8);
    m_tag->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_tag->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_tag->completer()->setFilterMode(Qt::MatchStartsWith);
    m_tag->lineEdit()->installEventFilter(this); // completion offers the tags of the moment
    connect(m_tag, &QComboBox::activated, this, &LibraryFilterBar::applyTag);
    connect(m_tag->lineEdit(), &QLineEdit::editingFinished, this, &LibraryFilterBar::applyTag);
    connect(m_tag->lineEdit(), &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty()) // the clear button, or the text typed away
            m_filter->setTag({});
    });

    auto makeDate = [this, row](const QString& name, const QString& tip) {
        auto* edit = new QDateEdit(row);
        edit->setObjectName(name);
        edit->setToolTip(tip);
        edit->setCalendarPopup(true);
        edit->setMinimumDate(anyDay());
        edit->setSpecialValueText(tr("Any day"));
        edit->setDate(anyDay());
        connect(edit, &QDateEdit::dateChanged, this, &LibraryFilterBar::applyDates);
        return edit;
    };
    m_from = makeDate(QStringLiteral("fromDateEdit"), tr("Show jobs made on this day or later"));
    m_to = makeDate(QStringLiteral("toDateEdit"), tr("Show jobs made on this day or earlier"));
    auto* fromLabel = new QLabel(tr("From"), row);
    fromLabel->setBuddy(m_from);
    auto* toLabel = new QLabel(tr("to"), row);
    toLabel->setBuddy(m_to);

    // Two short lines rather than one long one: the gallery is narrow on a 1366-px screen.
    auto* what = new QHBoxLayout;
    what->setContentsMargins(0, 0, 0, 0);
    what->addWidget(m_mode, 1);
    what->addWidget(m_modelCombo, 1);
    what->addWidget(m_rating, 1);
    auto* when = new QHBoxLayout;
    when->setContentsMargins(0, 0, 0, 0);
    when->addWidget(m_tag, 1);
    when->addWidget(fromLabel);
    when->addWidget(m_from, 1);
    when->addWidget(toLabel);
    when->addWidget(m_to, 1);
    auto* layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(what);
    layout->addLayout(when);
    return row;
}

void LibraryFilterBar::setCatalog(const ModelCatalog* catalog) {
    m_catalog = catalog ? catalog : &ModelCatalog::builtIn();
    fillModels();
    mirror();
}

void LibraryFilterBar::fillModels() {
    const QSignalBlocker blocker(m_modelCombo);
    m_modelCombo->clear();
    m_modelCombo->addItem(tr("Any model"));
    for (const ModelSpec& spec : m_catalog->models()) {
        QString label = spec.label;
        if (label.startsWith(QLatin1String("PixVerse ")))
            label = label.mid(9);
        m_modelCombo->addItem(label.isEmpty() ? spec.id : label, spec.id);
    }
}

void LibraryFilterBar::fillTags() {
    const JobStore* store = m_model->store();
    const QStringList tags = store ? store->allTags() : QStringList{};
    const QString typed = m_tag->currentText();
    const QSignalBlocker blocker(m_tag);
    m_tag->clear();
    m_tag->addItems(tags);
    m_tag->setEditText(typed);
}

bool LibraryFilterBar::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_search && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
        m_search->clear();
        return true;
    }
    if (m_tag && watched == m_tag->lineEdit() && event->type() == QEvent::FocusIn)
        fillTags();
    return QWidget::eventFilter(watched, event);
}

void LibraryFilterBar::setMoreFiltersShown(bool shown) {
    if (shown)
        fillTags();
    m_moreRow->setVisible(shown);
    const QSignalBlocker blocker(m_more);
    m_more->setChecked(shown);
    mirror();
}

bool LibraryFilterBar::moreFiltersShown() const {
    return !m_moreRow->isHidden();
}

void LibraryFilterBar::applyRating() {
    const int choice = m_rating->currentData().toInt();
    m_filter->setMinRating(choice <= 5 ? choice : 0);
    m_filter->setRejectedFilter(
        choice == kOnlyRejected   ? JobFilterModel::RejectedFilter::OnlyRejected
        : choice == kHideRejected ? JobFilterModel::RejectedFilter::HideRejected
                                  : JobFilterModel::RejectedFilter::Any);
}

void LibraryFilterBar::applyDates() {
    const auto day = [](const QDateEdit* edit) {
        return edit->date() == anyDay() ? QDate() : edit->date();
    };
    m_filter->setDateRange(day(m_from), day(m_to));
}

void LibraryFilterBar::applyTag() {
    m_filter->setTag(m_tag->currentText());
}

void LibraryFilterBar::mirror() {
    {
        const QSignalBlocker blockState(m_state);
        int group = 0;
        for (int i = 0; i < m_groups.size(); ++i) {
            if (m_groups.at(i).states == m_filter->states())
                group = i;
        }
        m_state->setCurrentIndex(group);
    }
    if (m_search->text().simplified() != m_filter->searchText().simplified()) {
        const QSignalBlocker blockSearch(m_search);
        m_search->setText(m_filter->searchText());
    }
    {
        const QSignalBlocker blockMode(m_mode);
        const QList<GenerationMode> modes = m_filter->modes();
        m_mode->setCurrentIndex(
            modes.size() == 1 ? std::max(0, m_mode->findData(static_cast<int>(modes.first()))) : 0);
        const QSignalBlocker blockModel(m_modelCombo);
        const QStringList models = m_filter->models();
        m_modelCombo->setCurrentIndex(
            models.size() == 1 ? std::max(0, m_modelCombo->findData(models.first())) : 0);
        const QSignalBlocker blockRating(m_rating);
        const auto rejected = m_filter->rejectedFilter();
        const int choice = rejected == JobFilterModel::RejectedFilter::OnlyRejected ? kOnlyRejected
                           : rejected == JobFilterModel::RejectedFilter::HideRejected
                               ? kHideRejected
                               : m_filter->minRating();
        m_rating->setCurrentIndex(std::max(0, m_rating->findData(choice)));
    }
    if (m_tag->currentText().trimmed().compare(m_filter->tag(), Qt::CaseInsensitive) != 0) {
        const QSignalBlocker blockTag(m_tag);
        const QSignalBlocker blockTagEdit(m_tag->lineEdit());
        m_tag->setEditText(m_filter->tag());
    }
    {
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setDate(m_filter->dateFrom().isValid() ? m_filter->dateFrom() : anyDay());
        m_to->setDate(m_filter->dateTo().isValid() ? m_filter->dateTo() : anyDay());
    }
    // How many criteria of the second row are set, on its button (seen while the row is hidden).
    const int hidden = int(!m_filter->modes().isEmpty()) + int(!m_filter->models().isEmpty()) +
                       int(m_filter->minRating() > 0 ||
                           m_filter->rejectedFilter() != JobFilterModel::RejectedFilter::Any) +
                       int(!m_filter->tag().isEmpty()) +
                       int(m_filter->dateFrom().isValid() || m_filter->dateTo().isValid());
    m_more->setText(hidden > 0 ? tr("Filters (%1)").arg(hidden) : tr("Filters"));
    updateCount();
}

void LibraryFilterBar::updateStateCounts() {
    for (int i = 0; i < m_groups.size(); ++i) {
        const StateGroup& group = m_groups.at(i);
        const int n = group.states.isEmpty() ? m_model->rowCount() : m_model->count(group.states);
        m_state->setItemText(i, tr("%1 (%2)").arg(group.name).arg(n));
    }
    updateCount();
}

QString LibraryFilterBar::countText() const {
    const QLocale locale;
    return tr("%1 of %2")
        .arg(locale.toString(m_filter->rowCount()), locale.toString(m_model->rowCount()));
}

void LibraryFilterBar::updateCount() {
    const bool filtering = m_filter->isFiltering();
    m_count->setText(filtering ? countText() : QString());
    m_count->setVisible(filtering);
    m_clear->setVisible(filtering);
}

} // namespace pixverse
