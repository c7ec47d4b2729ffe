#include "ui/DesktopNotifier.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QSystemTrayIcon>
#include <QVariantMap>
#include <QWidget>

namespace pixverse {

Q_LOGGING_CATEGORY(lcNotify, "pixverse.ui.notify")

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
} // namespace

DesktopNotifier::DesktopNotifier(QWidget* window)
    : QObject(window)
    , m_window(window) {}

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::notify(const QString& title, const QString& body) {
    if (m_window)
        QApplication::alert(m_window);
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        fallBack(title, body);
        return;
    }
    // The Desktop Notifications Specification's Notify; the service is often started on demand
    // by the bus, so it is called rather than looked up first.
    QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kService, QStringLiteral("Notify"));
    // The desktop entry names the app and its icon (io.github.pixverse_studio.PixVerseStudio).
    const QString entry = QGuiApplication::desktopFileName();
    call << QApplication::applicationDisplayName() << m_lastId << entry << title
         << body.toHtmlEscaped() << QStringList()
         << QVariantMap{{QStringLiteral("desktop-entry"), entry},
                        {QStringLiteral("category"), QStringLiteral("transfer.complete")}}
         << qint32(-1);
    auto* watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, title, body](QDBusPendingCallWatcher* w) {
                w->deleteLater();
                const QDBusPendingReply<uint> reply = *w;
                if (reply.isError()) {
                    qCDebug(lcNotify).noquote()
                        << "no notification service:" << reply.error().message();
                    fallBack(title, body);
                    return;
                }
                m_lastId = reply.value();
                Q_EMIT delivered(title, body, Channel::NotificationService);
            });
}

void DesktopNotifier::fallBack(const QString& title, const QString& body) {
    if (!QSystemTrayIcon::isSystemTrayAvailable() || !QSystemTrayIcon::supportsMessages()) {
        Q_EMIT delivered(title, body, Channel::None);
        return;
    }
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(QApplication::applicationDisplayName());
        // A click on the balloon brings the window back.
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (m_window) {
                m_window->showNormal();
                m_window->raise();
                m_window->activateWindow();
            }
        });
    }
    m_tray->show();
    m_tray->showMessage(title, body, QSystemTrayIcon::Information, 8000);
    Q_EMIT delivered(title, body, Channel::TrayIcon);
}

} // namespace pixverse
