#pragma once

#include <QFont>
#include <QList>
#include <QPair>
#include <QRect>
#include <QString>

namespace pixverse {

//! Where a card's settings line ("V6 · 720p") and its cost ("144 credits") are painted.
struct CardSettingsLine {
    QList<QPair<QRect, QString>> lines; //!< the settings, one or two lines, each in its rect
    QRect cost;                         //!< the cost, right-aligned in it (on the last line)
};

//! Lays the settings and the cost out on `meta` (the line under a card's text, in `font`): on
//! that line when they fit; else, when `freeLineAbove` (the text above leaves its last line,
//! as high as `meta`, empty), on two lines, the first one in the free line at the whole width;
//! elided only when even two lines are not enough (a Russian "Изображение · V4.5 · …" was cut
//! where the card had room for all of it).
CardSettingsLine layOutCardSettings(const QString& settings, const QString& cost, const QRect& meta,
                                    const QFont& font, bool freeLineAbove);

//! How many lines `text` takes wrapped at `width` in `font` (at most `maxLines`).
int wrappedLineCount(const QString& text, const QFont& font, int width, int maxLines);

} // namespace pixverse
