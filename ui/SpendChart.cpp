#include "ui/SpendChart.h"

#include "ui/UiHelpers.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace pixverse {

namespace {

constexpr int kMinColumnPx = 5; // narrower, and days are put together into one bar
constexpr int kGap = 6;
constexpr int kTicksWanted = 4;

//! 1, 2 or 5 × 10ⁿ: the round step at least `raw`.
qint64 roundStep(double raw) {
    if (raw <= 1)
        return 1;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
        if (factor * power >= raw)
            return static_cast<qint64>(factor * power);
    }
    return static_cast<qint64>(10 * power);
}

QColor mixed(const QColor& a, const QColor& b, double share) {
    return QColor::fromRgbF(float(a.redF() * share + b.redF() * (1 - share)),
                            float(a.greenF() * share + b.greenF() * (1 - share)),
                            float(a.blueF() * share + b.blueF() * (1 - share)));
}

} // namespace

struct SpendChart::Layout {
    QRectF plot;
    double zeroY = 0;
    double pxPerCredit = 0;
    qint64 step = 1;
    qint64 up = 0;   //!< credits at the top of the plot
    qint64 down = 0; //!< credits at its bottom (refunds)
    double column = 0;
    QList<Bar> bars;
};

SpendChart::SpendChart(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("spendChart"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QSize SpendChart::sizeHint() const {
    return {480, 220};
}

QSize SpendChart::minimumSizeHint() const {
    return {240, 140};
}

void SpendChart::setDays(const QList<SpendLine>& perDay, const QDate& from, const QDate& until) {
    m_days.clear();
    if (from.isValid() && until.isValid() && from <= until) {
        const qint64 count = from.daysTo(until) + 1;
        m_days.reserve(count);
        for (QDate day = from; day <= until; day = day.addDays(1))
            m_days.append(Bar{day, day, 0, 0});
        for (const SpendLine& line : perDay) {
            const QDate day = QDate::fromString(line.key, Qt::ISODate);
            if (!day.isValid() || day < from || day > until)
                continue;
            Bar& bar = m_days[from.daysTo(day)];
            bar.deducted += line.deducted;
            bar.refunded += line.refunded;
        }
    }
    update();
}

bool SpendChart::isEmpty() const {
    return std::all_of(m_days.cbegin(), m_days.cend(),
                       [](const Bar& bar) { return bar.deducted == 0 && bar.refunded == 0; });
}

QString SpendChart::emptyText() {
    return tr("Nothing spent in these days");
}

SpendChart::Layout SpendChart::layout() const {
    Layout out;
    const QFontMetrics metrics = fontMetrics();
    // The bars first, so the axis knows the largest one.
    const int plotWidthGuess =
        std::max(1, width() - 2 * kGap - metrics.horizontalAdvance(QStringLiteral("000000")));
    const int perBar =
        m_days.isEmpty()
            ? 1
            : std::max<int>(1,
                            int(std::ceil(double(m_days.size()) * kMinColumnPx / plotWidthGuess)));
    for (int i = 0; i < m_days.size(); i += perBar) {
        Bar bar = m_days.at(i);
        for (int j = i + 1; j < std::min<int>(i + perBar, int(m_days.size())); ++j) {
            bar.until = m_days.at(j).until;
            bar.deducted += m_days.at(j).deducted;
            bar.refunded += m_days.at(j).refunded;
        }
        out.bars.append(bar);
    }
    qint64 maxUp = 0;
    qint64 maxDown = 0;
    for (const Bar& bar : std::as_const(out.bars)) {
        maxUp = std::max(maxUp, bar.deducted);
        maxDown = std::max(maxDown, bar.refunded);
    }
    out.step = roundStep(double(std::max<qint64>(1, maxUp + maxDown)) / kTicksWanted);
    out.up = std::max<qint64>(out.step, (maxUp + out.step - 1) / out.step * out.step);
    out.down = (maxDown + out.step - 1) / out.step * out.step;

    const int labelWidth = std::max(metrics.horizontalAdvance(QLocale().toString(out.up)),
                                    metrics.horizontalAdvance(QLocale().toString(-out.down)));
    const int line = metrics.height();
    out.plot = QRectF(kGap + labelWidth + kGap, kGap + line + kGap,
                      std::max(1, width() - labelWidth - 3 * kGap),
                      std::max(1, height() - 2 * line - 4 * kGap));
    out.pxPerCredit = out.plot.height() / double(out.up + out.down);
    out.zeroY = out.plot.top() + double(out.up) * out.pxPerCredit;
    out.column = out.bars.isEmpty() ? 0 : out.plot.width() / double(out.bars.size());
    return out;
}

QList<SpendChart::Bar> SpendChart::bars() const {
    return layout().bars;
}

int SpendChart::barAt(const QPoint& position) const {
    const Layout l = layout();
    if (l.bars.isEmpty() || position.x() < l.plot.left() || position.x() >= l.plot.right() ||
        position.y() < l.plot.top() || position.y() > l.plot.bottom())
        return -1;
    return std::min<int>(int((position.x() - l.plot.left()) / l.column), int(l.bars.size()) - 1);
}

QRect SpendChart::columnOf(int index) const {
    const Layout l = layout();
    if (index < 0 || index >= l.bars.size())
        return {};
    return QRectF(l.plot.left() + index * l.column, l.plot.top(), l.column, l.plot.height())
        .toAlignedRect();
}

QString SpendChart::toolTipOf(int index) const {
    const QList<Bar> all = bars();
    if (index < 0 || index >= all.size())
        return {};
    const Bar& bar = all.at(index);
    const QLocale locale;
    const QString format = QStringLiteral("d MMM yyyy");
    const QString days = bar.from == bar.until
                             ? locale.toString(bar.from, format)
                             : QStringLiteral("%1 – %2").arg(locale.toString(bar.from, format),
                                                             locale.toString(bar.until, format));
    return tr("%1\nDeducted: %2 credits\nRefunded: %3 credits\nNet: %4 credits")
        .arg(days, locale.toString(bar.deducted), locale.toString(bar.refunded),
             locale.toString(bar.deducted - bar.refunded));
}

bool SpendChart::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int index = barAt(help->pos());
        if (index < 0 || isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), toolTipOf(index), this, columnOf(index));
        }
        return true;
    }
    if (event->type() == QEvent::MouseMove || event->type() == QEvent::Leave)
        update(); // the column under the pointer is lit
    return QWidget::event(event);
}

QColor SpendChart::deductedColor() const {
    return palette().color(QPalette::Highlight);
}

QColor SpendChart::refundedColor() const {
    // A green as light or dark as the text needs, away from the highlight's hue.
    const int textLightness = palette().color(QPalette::WindowText).lightness();
    return QColor::fromHsl(140, 150, 80 + textLightness * 80 / 255);
}

void SpendChart::paintEvent(QPaintEvent* /*event*/) {
    QPainter painter(this);
    if (isEmpty()) {
        painter.setPen(ui::hintColor(palette()));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, emptyText());
        return;
    }
    const Layout l = layout();
    const int hovered = underMouse() ? barAt(mapFromGlobal(QCursor::pos())) : -1;
    if (hovered >= 0) {
        const QColor text = palette().color(QPalette::WindowText);
        painter.fillRect(
            QRectF(l.plot.left() + hovered * l.column, l.plot.top(), l.column, l.plot.height()),
            mixed(text, palette().color(QPalette::Window), 0.08));
    }
    paintAxes(painter, l);
    paintBars(painter, l);
    paintDateLabels(painter, l);
    paintLegend(painter, l);
}

void SpendChart::paintAxes(QPainter& painter, const Layout& l) const {
    const QColor text = palette().color(QPalette::WindowText);
    const QColor grid = mixed(text, palette().color(QPalette::Window), 0.15);
    const QFontMetrics metrics = fontMetrics();
    for (qint64 value = -l.down; value <= l.up; value += l.step) {
        const double y = std::round(l.zeroY - double(value) * l.pxPerCredit) + 0.5;
        painter.setPen(value == 0 ? mixed(text, palette().color(QPalette::Window), 0.6) : grid);
        painter.drawLine(QPointF(l.plot.left(), y), QPointF(l.plot.right(), y));
        painter.setPen(ui::hintColor(palette()));
        const QRectF label(0, y - metrics.height() / 2.0, l.plot.left() - kGap, metrics.height());
        painter.drawText(label, Qt::AlignRight | Qt::AlignVCenter, QLocale().toString(value));
    }
}

void SpendChart::paintBars(QPainter& painter, const Layout& l) const {
    // A bar fills most of its column; thin columns lose their gap first.
    const double gap = l.column >= 8 ? std::max(1.0, l.column * 0.2) : (l.column >= 3 ? 1.0 : 0);
    for (int i = 0; i < l.bars.size(); ++i) {
        const Bar& bar = l.bars.at(i);
        const double left = l.plot.left() + i * l.column + gap / 2;
        const double width = std::max(1.0, l.column - gap);
        if (bar.deducted > 0) {
            const double h = std::max(1.0, double(bar.deducted) * l.pxPerCredit);
            painter.fillRect(QRectF(left, l.zeroY - h, width, h), deductedColor());
        }
        if (bar.refunded > 0) {
            const double h = std::max(1.0, double(bar.refunded) * l.pxPerCredit);
            painter.fillRect(QRectF(left, l.zeroY + 1, width, h), refundedColor());
        }
    }
}

void SpendChart::paintDateLabels(QPainter& painter, const Layout& l) const {
    const QLocale locale;
    const QFontMetrics metrics = fontMetrics();
    const QString format = QStringLiteral("d MMM");
    // Every n-th bar is labelled, n such that the labels never touch.
    int widest = 0;
    for (const Bar& bar : l.bars)
        widest = std::max(widest, metrics.horizontalAdvance(locale.toString(bar.from, format)));
    const int every = std::max(1, int(std::ceil((widest + 2.0 * kGap) / std::max(1.0, l.column))));
    painter.setPen(ui::hintColor(palette()));
    const double top = l.plot.bottom() + kGap;
    for (int i = 0; i < l.bars.size(); i += every) {
        const QString text = locale.toString(l.bars.at(i).from, format);
        const double centre = l.plot.left() + (i + 0.5) * l.column;
        double left = centre - metrics.horizontalAdvance(text) / 2.0;
        left = std::clamp(left, 0.0, double(width() - metrics.horizontalAdvance(text)));
        painter.drawText(QPointF(left, top + metrics.ascent()), text);
    }
}

void SpendChart::paintLegend(QPainter& painter, const Layout& l) const {
    const QFontMetrics metrics = fontMetrics();
    const int box = metrics.ascent() - 2;
    double right = l.plot.right();
    const double baseline = kGap + metrics.ascent();
    // Right to left: "Refunded" last, so it reads Deducted, Refunded.
    const std::pair<QString, QColor> items[] = {{tr("Refunded"), refundedColor()},
                                                {tr("Deducted"), deductedColor()}};
    for (const auto& [text, colour] : items) {
        const int textWidth = metrics.horizontalAdvance(text);
        right -= textWidth;
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QPointF(right, baseline), text);
        right -= box + 4;
        painter.fillRect(QRectF(right, baseline - box, box, box), colour);
        right -= 3 * kGap;
    }
}

} // namespace pixverse
