#include "ui/StudioStyle.h"

#include "ui/UiHelpers.h"

#include <QGuiApplication>
#include <QStyleOption>
#include <QWidget>

namespace pixverse::ui {

StudioStyle::StudioStyle() = default; // QProxyStyle: the platform's default style as the base

QString StudioStyle::iconName(StandardPixmap icon) {
    switch (icon) {
    case SP_DialogSaveButton:
        return QStringLiteral("save");
    case SP_ArrowBack:
        return QStringLiteral("arrow-back");
    case SP_ArrowDown:
        return QStringLiteral("arrow-down");
    case SP_BrowserStop:
    case SP_MediaStop:
        return QStringLiteral("stop");
    case SP_MediaSeekForward:
        return QStringLiteral("seek-forward");
    case SP_MediaPlay:
        return QStringLiteral("play");
    case SP_MediaPause:
        return QStringLiteral("pause");
    case SP_MediaVolume:
        return QStringLiteral("volume");
    case SP_MediaVolumeMuted:
        return QStringLiteral("mute");
    case SP_BrowserReload:
        return QStringLiteral("reload");
    case SP_ToolBarHorizontalExtensionButton:
        return QStringLiteral("more-horizontal");
    case SP_ToolBarVerticalExtensionButton:
        return QStringLiteral("more-vertical");
    case SP_LineEditClearButton:
        return QStringLiteral("clear");
    case SP_TitleBarCloseButton:
    case SP_DockWidgetCloseButton:
    case SP_DialogCloseButton:
    case SP_TabCloseButton:
        return QStringLiteral("close");
    case SP_DirOpenIcon:
        return QStringLiteral("folder-open");
    default:
        return {};
    }
}

QIcon StudioStyle::standardIcon(StandardPixmap icon, const QStyleOption* option,
                                const QWidget* widget) const {
    const QString name = iconName(icon);
    if (name.isEmpty())
        return QProxyStyle::standardIcon(icon, option, widget);
    const QPalette palette =
        widget ? widget->palette() : (option ? option->palette : QGuiApplication::palette());
    const QIcon drawn = actionIcon(name, palette);
    return drawn.isNull() ? QProxyStyle::standardIcon(icon, option, widget) : drawn;
}

} // namespace pixverse::ui
