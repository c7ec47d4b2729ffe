#pragma once

#include <QList>
#include <QString>
#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QSlider;

namespace pixverse {

//! The length of the video, in the shape the model takes it: a slider over whole seconds for a
//! model with a range (V6 and C1: 1–15 s, v5.6: 1–10 s) with the value shown beside it, or a
//! list for the models with a few fixed lengths (5 s / 8 s).
class DurationControl : public QWidget {
    Q_OBJECT
public:
    explicit DurationControl(QWidget* parent = nullptr);

    //! The lengths offered, in seconds, ascending; `range`: every whole second between the first
    //! and the last (a slider), else exactly these (a list). Keeps the current value when offered,
    //! else takes `preferred` when offered, else the nearest offered one.
    void setDurations(const QList<int>& seconds, bool range, int preferred);
    QList<int> durations() const { return m_durations; }
    bool isRange() const { return m_range; }

    int duration() const; //!< 0 when nothing is offered
    //! Selects `seconds`; false (and nothing changes) when it is not offered.
    bool setDuration(int seconds);

    //! Why a length may not be chosen with the other settings (empty: it may). A list disables
    //! the refused items and gives each its reason; a slider cannot skip a value, so it marks
    //! the value shown as refused and says why in its tooltip.
    void setRefusals(const std::function<std::optional<QString>(int)>& whyNot);
    //! The reason the current value is refused; empty when it is allowed.
    QString currentRefusal() const { return m_currentRefusal; }

Q_SIGNALS:
    void durationChanged(int seconds);

private:
    void showValue();

    QList<int> m_durations;
    bool m_range = false;
    bool m_updating = false;
    QString m_currentRefusal;
    std::function<std::optional<QString>(int)> m_whyNot;
    QComboBox* m_combo = nullptr;
    QSlider* m_slider = nullptr;
    QLabel* m_value = nullptr;
};

} // namespace pixverse
