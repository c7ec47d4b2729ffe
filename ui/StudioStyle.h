#pragma once

#include <QProxyStyle>

namespace pixverse::ui {

//! The application's style: the platform's own (Fusion on most Linux desktops), with the standard
//! icons the window shows drawn from our SVGs (resources/icons/actions) in the palette's text
//! colour. Besides matching our action icons, this keeps image files from being read before the
//! first paint: Fusion's icons are PNGs, and Qt 6.4 loads every image format plugin (22 shared
//! objects with their libraries) to read the first one (issue 20's start-up profile). The icons
//! it does not know come from the base style, when first asked for.
class StudioStyle : public QProxyStyle {
    Q_OBJECT
public:
    StudioStyle();

    QIcon standardIcon(StandardPixmap icon, const QStyleOption* option = nullptr,
                       const QWidget* widget = nullptr) const override;

    //! The SVG (resources/icons/actions/<name>.svg) this style draws for `icon`; empty for the
    //! icons it leaves to the base style.
    static QString iconName(StandardPixmap icon);
};

} // namespace pixverse::ui
