#include "ui/DurationControl.h"

#include "ui/UiHelpers.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStandardItemModel>

#include <algorithm>
#include <cstdlib>

namespace pixverse {

namespace {

//! The offered length nearest to `seconds` (the shorter one on a tie: it costs less).
int nearest(const QList<int>& offered, int seconds) {
    int best = offered.constFirst();
    for (const int d : offered) {
        if (std::abs(d - seconds) < std::abs(best - seconds))
            best = d;
    }
    return best;
}

} // namespace

DurationControl::DurationControl(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("durationControl"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("durationCombo"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(7);
    m_combo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("durationSlider"));
    m_slider->setPageStep(5);
    m_slider->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_slider->setMinimumWidth(80);
    m_value = new QLabel(this);
    m_value->setObjectName(QStringLiteral("durationValueLabel"));
    // As wide as the longest value, so the slider does not move as the number grows.
    m_value->setMinimumWidth(m_value->fontMetrics().horizontalAdvance(tr("%1 s").arg(88)));
    m_value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    layout->addWidget(m_combo, 1);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_value);
    m_slider->hide();
    m_value->hide();
    setFocusProxy(m_combo);

    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating && !m_range)
            Q_EMIT durationChanged(duration());
    });
    connect(m_slider, &QSlider::valueChanged, this, [this] {
        showValue();
        if (!m_updating && m_range)
            Q_EMIT durationChanged(duration());
    });
}

void DurationControl::setDurations(const QList<int>& seconds, bool range, int preferred) {
    const int current = duration();
    m_updating = true;
    m_durations = seconds;
    m_range = range && !seconds.isEmpty();
    m_combo->clear();
    if (!m_range) {
        for (const int d : seconds)
            m_combo->addItem(tr("%1 s").arg(d), QString::number(d));
    } else {
        m_slider->setRange(seconds.constFirst(), seconds.constLast());
    }
    m_combo->setVisible(!m_range);
    m_slider->setVisible(m_range);
    m_value->setVisible(m_range);
    setFocusProxy(m_range ? static_cast<QWidget*>(m_slider) : m_combo);
    if (!seconds.isEmpty()) {
        const int wanted = seconds.contains(current)     ? current
                           : seconds.contains(preferred) ? preferred
                                                         : nearest(seconds, preferred);
        setDuration(wanted);
    }
    m_updating = false;
    setRefusals(m_whyNot);
}

int DurationControl::duration() const {
    if (m_durations.isEmpty())
        return 0;
    return m_range ? m_slider->value() : m_combo->currentData().toInt();
}

bool DurationControl::setDuration(int seconds) {
    if (!m_durations.contains(seconds))
        return false;
    if (m_range)
        m_slider->setValue(seconds);
    else
        m_combo->setCurrentIndex(m_combo->findData(QString::number(seconds)));
    showValue();
    return true;
}

void DurationControl::setRefusals(const std::function<std::optional<QString>(int)>& whyNot) {
    m_whyNot = whyNot;
    m_currentRefusal.clear();
    if (m_durations.isEmpty())
        return;
    if (m_whyNot)
        m_currentRefusal = m_whyNot(duration()).value_or(QString());
    if (!m_range) {
        auto* model = qobject_cast<QStandardItemModel*>(m_combo->model());
        for (int row = 0; model && row < model->rowCount(); ++row) {
            QStandardItem* item = model->item(row);
            const std::optional<QString> why =
                m_whyNot ? m_whyNot(item->data(Qt::UserRole).toInt()) : std::nullopt;
            Qt::ItemFlags flags = item->flags();
            flags.setFlag(Qt::ItemIsEnabled, !why);
            flags.setFlag(Qt::ItemIsSelectable, !why);
            item->setFlags(flags);
            item->setData(why ? QVariant(*why) : QVariant(), Qt::ToolTipRole);
        }
        m_combo->setToolTip(m_currentRefusal);
    }
    showValue();
}

void DurationControl::showValue() {
    if (!m_range)
        return;
    m_value->setText(tr("%1 s").arg(m_slider->value()));
    const QString range = tr("Any whole number of seconds from %1 to %2.")
                              .arg(m_durations.constFirst())
                              .arg(m_durations.constLast());
    // Only the value shown is known to be refused: the reason goes with it.
    const QString why = m_whyNot ? m_whyNot(m_slider->value()).value_or(QString()) : QString();
    m_currentRefusal = why;
    m_slider->setToolTip(why.isEmpty() ? range : why);
    m_value->setToolTip(m_slider->toolTip());
    QPalette p = palette();
    if (!why.isEmpty())
        p.setColor(QPalette::WindowText, ui::errorColor(p));
    m_value->setPalette(p);
    m_slider->setAccessibleName(tr("Duration"));
    m_slider->setAccessibleDescription(m_value->text());
}

} // namespace pixverse
