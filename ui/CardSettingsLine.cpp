#include "ui/CardSettingsLine.h"

#include <QFontMetrics>
#include <QTextLayout>

namespace pixverse {

namespace {

//! `text` broken at word boundaries into lines as wide as `widths` (one a line); the last one
//! holds the rest, elided if need be.
QStringList wrapInto(const QString& text, const QFont& font, const QList<int>& widths) {
    QTextLayout layout(text, font);
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(wrap);
    layout.beginLayout();
    QStringList lines;
    for (int i = 0; i < widths.size(); ++i) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(widths.at(i));
        const bool last = i == widths.size() - 1;
        lines << (last ? text.mid(line.textStart()) : text.mid(line.textStart(), line.textLength()))
                     .trimmed();
    }
    layout.endLayout();
    if (!lines.isEmpty()) // the last line made, at its own width
        lines.last() = QFontMetrics(font).elidedText(lines.last(), Qt::ElideRight,
                                                     widths.at(lines.size() - 1));
    return lines;
}

} // namespace

int wrappedLineCount(const QString& text, const QFont& font, int width, int maxLines) {
    if (text.isEmpty())
        return 0;
    QTextLayout layout(text, font);
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(wrap);
    layout.beginLayout();
    int lines = 0;
    while (lines < maxLines) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        ++lines;
    }
    layout.endLayout();
    return lines;
}

CardSettingsLine layOutCardSettings(const QString& settings, const QString& cost, const QRect& meta,
                                    const QFont& font, bool freeLineAbove) {
    const QFontMetrics metrics(font);
    const int costWidth = cost.isEmpty() ? 0 : metrics.horizontalAdvance(cost) + 8;
    const int beside = meta.width() - costWidth;
    CardSettingsLine out;
    out.cost = meta;
    if (settings.isEmpty())
        return out;
    const QRect last = meta.adjusted(0, 0, -costWidth, 0);
    if (metrics.horizontalAdvance(settings) <= beside || !freeLineAbove) {
        out.lines.append({last, metrics.elidedText(settings, Qt::ElideRight, beside)});
        return out;
    }
    const QStringList lines = wrapInto(settings, font, {meta.width(), beside});
    if (lines.size() == 1) { // the whole of it on the wider first line: the cost stays below
        out.lines.append({meta.translated(0, -meta.height()), lines.first()});
        return out;
    }
    out.lines.append({meta.translated(0, -meta.height()), lines.at(0)});
    out.lines.append({last, lines.at(1)});
    return out;
}

} // namespace pixverse
