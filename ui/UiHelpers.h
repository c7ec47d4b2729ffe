#pragma once

#include <QColor>
#include <QPalette>

namespace pixverse::ui {

//! The colour of error text: red that stays readable on light and dark themes.
inline QColor errorColor(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128 ? QColor(0xff, 0x7b, 0x72)
                                                             : QColor(0xc6, 0x28, 0x28);
}

//! Text that says something secondary (counts, hints), between the text and the background.
inline QColor hintColor(const QPalette& palette) {
    const QColor text = palette.color(QPalette::WindowText);
    const QColor window = palette.color(QPalette::Window);
    return QColor((text.red() * 2 + window.red()) / 3, (text.green() * 2 + window.green()) / 3,
                  (text.blue() * 2 + window.blue()) / 3);
}

} // namespace pixverse::ui
