#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QSystemTrayIcon;
class QWidget;

namespace pixverse {

//! Tells the creator about a finished or failed job while the window is in the background.
//! The desktop's notification service (org.freedesktop.Notifications on the session bus: GNOME,
//! KDE, XFCE…) when there is one, else a balloon from a tray icon where a tray exists; the
//! window's taskbar entry is asked to flash either way. Nothing here waits on the bus.
class DesktopNotifier : public QObject {
    Q_OBJECT
public:
    enum class Channel { None, NotificationService, TrayIcon };
    Q_ENUM(Channel)

    explicit DesktopNotifier(QWidget* window);
    ~DesktopNotifier() override;

    //! Sends one notification; the outcome arrives as delivered().
    void notify(const QString& title, const QString& body);

Q_SIGNALS:
    //! Where the notification went (None: nowhere but the taskbar alert).
    void delivered(const QString& title, const QString& body,
                   pixverse::DesktopNotifier::Channel channel);

private:
    void fallBack(const QString& title, const QString& body);

    QPointer<QWidget> m_window;
    QSystemTrayIcon* m_tray = nullptr;
    uint m_lastId = 0; // the service replaces our previous bubble instead of stacking them
};

} // namespace pixverse
