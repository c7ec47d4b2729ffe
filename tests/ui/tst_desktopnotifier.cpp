// DesktopNotifier over a real (private) D-Bus session: a stand-in notification daemon on its own
// bus connection receives the Desktop Notifications Specification's Notify call; with no daemon
// the notifier falls back (no tray offscreen: "None") without blocking; the main window sends a
// finished job to the desktop only while it is not the active window.
#include "ui/DesktopNotifier.h"
#include "ui/JobsPane.h"
#include "ui/MainWindow.h"

#include <QDBusAbstractAdaptor>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace pixverse;

namespace {

//! A notification daemon: records what it was asked to show.
class FakeDaemon : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Shown {
        QString app, icon, summary, body;
        uint replaces = 0;
        QVariantMap hints;
    };
    QList<Shown> shown;

public Q_SLOTS:
    uint Notify(const QString& app, uint replaces, const QString& icon, const QString& summary,
                const QString& body, const QStringList& /*actions*/, const QVariantMap& hints,
                int /*timeout*/) {
        shown.append({app, icon, summary, body, replaces, hints});
        return uint(shown.size() + 41);
    }
    QStringList GetCapabilities() { return {QStringLiteral("body")}; }
};

const QString kService = QStringLiteral("org.freedesktop.Notifications");

} // namespace

class TestDesktopNotifier : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(QDBusConnection::sessionBus().isConnected(),
                 "the test runs in its own D-Bus session");
        QGuiApplication::setDesktopFileName(
            QStringLiteral("io.github.pixverse_studio.PixVerseStudio"));
    }

    void withoutADaemonItFallsBackWithoutBlocking() {
        QVERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(kService));
        QWidget window;
        DesktopNotifier notifier(&window);
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        QElapsedTimer clock;
        clock.start();
        notifier.notify(QStringLiteral("Video ready"), QStringLiteral("A kite"));
        QVERIFY(delivered.isEmpty()); // the answer comes later, the caller never waits
        QTRY_COMPARE(delivered.count(), 1);
        // Offscreen there is no tray either: nowhere but the taskbar alert.
        QCOMPARE(delivered.constFirst().at(2).value<DesktopNotifier::Channel>(),
                 DesktopNotifier::Channel::None);
    }

    void theDaemonReceivesTheNotification() {
        QDBusConnection daemonBus =
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("daemon"));
        FakeDaemon daemon;
        QVERIFY(daemonBus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &daemon,
                                         QDBusConnection::ExportAllSlots));
        QVERIFY(daemonBus.registerService(kService));
        QWidget window;
        DesktopNotifier notifier(&window);
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        notifier.notify(QStringLiteral("Video ready"), QStringLiteral("Waves <b>crash</b> & foam"));
        QTRY_COMPARE(delivered.count(), 1);
        QCOMPARE(delivered.constFirst().at(2).value<DesktopNotifier::Channel>(),
                 DesktopNotifier::Channel::NotificationService);
        QCOMPARE(daemon.shown.size(), 1);
        QCOMPARE(daemon.shown.constFirst().summary, QStringLiteral("Video ready"));
        // The body is markup for many daemons: a prompt is shown as typed, not interpreted.
        QCOMPARE(daemon.shown.constFirst().body,
                 QStringLiteral("Waves &lt;b&gt;crash&lt;/b&gt; &amp; foam"));
        QCOMPARE(daemon.shown.constFirst().replaces, 0u);
        // The daemon finds the app's name and icon through its desktop entry.
        QCOMPARE(daemon.shown.constFirst().hints.value(QStringLiteral("desktop-entry")).toString(),
                 QStringLiteral("io.github.pixverse_studio.PixVerseStudio"));
        QCOMPARE(daemon.shown.constFirst().icon,
                 QStringLiteral("io.github.pixverse_studio.PixVerseStudio"));
        // The next one replaces the bubble before instead of stacking up.
        notifier.notify(QStringLiteral("Video failed"), QStringLiteral("Out of credits"));
        QTRY_COMPARE(delivered.count(), 2);
        QCOMPARE(daemon.shown.at(1).replaces, 42u);
        daemonBus.unregisterService(kService);
        QDBusConnection::disconnectFromBus(QStringLiteral("daemon"));
    }

    void theWindowNotifiesOnlyFromTheBackground() {
        MainWindow window;
        QSignalSpy delivered(window.notifier(), &DesktopNotifier::delivered);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        Q_EMIT window.jobsPane()->jobNotification(QStringLiteral("Video ready"),
                                                  QStringLiteral("A kite"));
        QCOMPARE(delivered.count(), 0); // the creator is looking at it
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("A kite")));

        QWidget other;
        other.show();
        other.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&other));
        QVERIFY(!window.isActiveWindow());
        Q_EMIT window.jobsPane()->jobNotification(QStringLiteral("Video failed"),
                                                  QStringLiteral("Out of credits"));
        // The bus answers a connection's calls in order: had the first one been sent, its
        // answer would come first. So the first answer being this one proves it was not.
        QTRY_COMPARE(delivered.count(), 1);
        QCOMPARE(delivered.constFirst().at(0).toString(), QStringLiteral("Video failed"));
    }
};

QTEST_MAIN(TestDesktopNotifier)
#include "tst_desktopnotifier.moc"
