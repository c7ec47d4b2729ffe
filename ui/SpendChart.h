#pragma once

#include "core/ledger/SpendReport.h"

#include <QDate>
#include <QList>
#include <QWidget>

namespace pixverse {

//! The Spending view's chart (issue 19), painted with QPainter: one bar a day (or a few days
//! together when the days outnumber the room), deductions up from the zero line, refunds down
//! from it in another colour, a credits axis with round steps, date labels that never overlap
//! and a tooltip per bar. Without a credit in the range: "Nothing spent in these days".
class SpendChart : public QWidget {
    Q_OBJECT
public:
    //! One bar: the days from..until (one or a few) and their credits.
    struct Bar {
        QDate from;
        QDate until;
        qint64 deducted = 0;
        qint64 refunded = 0;
    };

    explicit SpendChart(QWidget* parent = nullptr);

    //! The per-day lines of a report (SpendReport::perDay) over the days from..until; days
    //! without a line are zero.
    void setDays(const QList<SpendLine>& perDay, const QDate& from, const QDate& until);
    //! The bars as painted at the current width.
    QList<Bar> bars() const;
    //! Whether there is nothing to draw (the empty sentence shows).
    bool isEmpty() const;
    //! The sentence shown when nothing was spent.
    static QString emptyText();
    //! The bar under `position` (widget coordinates); -1: none.
    int barAt(const QPoint& position) const;
    //! What the tooltip of bar `index` says.
    QString toolTipOf(int index) const;
    //! Where bar `index` stands (its whole column, widget coordinates).
    QRect columnOf(int index) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    struct Layout;
    Layout layout() const;
    void paintAxes(QPainter& painter, const Layout& layout) const;
    void paintBars(QPainter& painter, const Layout& layout) const;
    void paintDateLabels(QPainter& painter, const Layout& layout) const;
    void paintLegend(QPainter& painter, const Layout& layout) const;
    QColor deductedColor() const;
    QColor refundedColor() const;

    QList<Bar> m_days; //!< every day from..until
};

} // namespace pixverse
