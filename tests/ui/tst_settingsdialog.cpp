#include "core/auth/CredentialStore.h"
#include "core/settings/AppSettings.h"
#include "core/settings/ProxySetup.h"
#include "tests/support/CatalogVariant.h"
#include "ui/SettingsDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace pixverse;

namespace {

template <typename T> T* child(const QWidget* parent, const char* name) {
    auto* w = parent->findChild<T*>(QLatin1String(name));
    if (!w)
        qFatal("no child named %s", name);
    return w;
}

void choose(QComboBox* combo, const QVariant& data) {
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data.toString()));
    combo->setCurrentIndex(index);
}

//! A keychain of its own per test: with no secret service (as under ctest) it keeps secrets in
//! memory, which is all these tests need.
QString uniqueService() {
    return QStringLiteral("io.github.pixverse-studio.test.") +
           QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestSettingsDialog : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString ini() const {
        QString name = QString::fromLatin1(QTest::currentTestFunction());
        if (QTest::currentDataTag())
            name += QLatin1Char('-') + QString::fromLatin1(QTest::currentDataTag())
                                           .replace(QLatin1Char(' '), QLatin1Char('_'));
        return m_dir.filePath(name + QStringLiteral(".ini"));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void defaultsShown() {
        AppSettings settings(ini());
        SettingsDialog dialog(&settings, nullptr);
        QCOMPARE(child<QLineEdit>(&dialog, "libraryFolderEdit")->text(),
                 QDir::toNativeSeparators(AppSettings::defaultLibraryFolder()));
        QCOMPARE(child<QSpinBox>(&dialog, "concurrencySpin")->value(), 5);
        QCOMPARE(child<QSpinBox>(&dialog, "concurrencySpin")->minimum(), 1);
        QCOMPARE(child<QSpinBox>(&dialog, "concurrencySpin")->maximum(), 20);
        QCOMPARE(child<QComboBox>(&dialog, "languageCombo")->currentData().toString(), QString());
        QCOMPARE(child<QComboBox>(&dialog, "languageCombo")->count(), 3);
        QVERIFY(child<QCheckBox>(&dialog, "rememberMeCheck")->isChecked());
        QVERIFY(!child<QCheckBox>(&dialog, "sandboxCheck")->isChecked());
        QCOMPARE(child<QComboBox>(&dialog, "defaultModelCombo")->currentData().toString(),
                 GenerationRequest().model);
        QCOMPARE(child<QComboBox>(&dialog, "proxyModeCombo")->currentData().toInt(),
                 static_cast<int>(ProxySettings::Mode::System));
        // The manual proxy fields only matter for a manual proxy.
        QVERIFY(!child<QLineEdit>(&dialog, "proxyHostEdit")->isEnabled());
        // Without a keychain there is nowhere safe for a password: no field for it.
        QVERIFY(!dialog.findChild<QLineEdit*>(QStringLiteral("proxyPasswordEdit")));
    }

    void valuesPersistAcrossRestart() {
        const QString folder = m_dir.filePath(QStringLiteral("My videos"));
        {
            AppSettings settings(ini());
            SettingsDialog dialog(&settings, nullptr);
            QSignalSpy applied(&dialog, &SettingsDialog::settingsApplied);
            child<QLineEdit>(&dialog, "libraryFolderEdit")->setText(folder);
            child<QSpinBox>(&dialog, "concurrencySpin")->setValue(3);
            choose(child<QComboBox>(&dialog, "languageCombo"), QStringLiteral("ru"));
            child<QCheckBox>(&dialog, "sandboxCheck")->setChecked(true);
            child<QCheckBox>(&dialog, "rememberMeCheck")->setChecked(false);
            auto* model = child<QComboBox>(&dialog, "defaultModelCombo");
            choose(model, QStringLiteral("v4"));
            Q_EMIT model->activated(model->currentIndex());
            choose(child<QComboBox>(&dialog, "defaultDurationCombo"), QStringLiteral("8"));
            choose(child<QComboBox>(&dialog, "defaultQualityCombo"), QStringLiteral("720p"));
            choose(child<QComboBox>(&dialog, "defaultAspectCombo"), QStringLiteral("9:16"));
            choose(child<QComboBox>(&dialog, "defaultMotionCombo"), QStringLiteral("normal"));
            choose(child<QComboBox>(&dialog, "proxyModeCombo"),
                   static_cast<int>(ProxySettings::Mode::Socks5));
            child<QLineEdit>(&dialog, "proxyHostEdit")
                ->setText(QStringLiteral("socks.example.net"));
            child<QSpinBox>(&dialog, "proxyPortSpin")->setValue(1080);
            child<QLineEdit>(&dialog, "proxyUserEdit")->setText(QStringLiteral("ann"));
            QTest::mouseClick(child<QPushButton>(&dialog, "okButton"), Qt::LeftButton);
            QCOMPARE(applied.count(), 1);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        // A new start: new settings objects on the same file.
        AppSettings settings(ini());
        QCOMPARE(settings.libraryFolder(), folder);
        QCOMPARE(settings.concurrencyCap(), 3);
        QCOMPARE(settings.language(), QStringLiteral("ru"));
        QVERIFY(settings.useSandbox());
        QVERIFY(!settings.rememberMeByDefault());
        const GenerationRequest defaults = settings.defaultGeneration();
        QCOMPARE(defaults.model, QStringLiteral("v4"));
        QCOMPARE(defaults.duration, 8);
        QCOMPARE(defaults.quality, QStringLiteral("720p"));
        QCOMPARE(defaults.aspectRatio, QStringLiteral("9:16"));
        QCOMPARE(defaults.motionMode, QStringLiteral("normal"));
        const ProxySettings proxy = settings.proxy();
        QCOMPARE(proxy.mode, ProxySettings::Mode::Socks5);
        QCOMPARE(proxy.host, QStringLiteral("socks.example.net"));
        QCOMPARE(proxy.port, quint16(1080));
        QCOMPARE(proxy.user, QStringLiteral("ann"));

        // ...and the dialog shows them again.
        SettingsDialog again(&settings, nullptr);
        QCOMPARE(child<QLineEdit>(&again, "libraryFolderEdit")->text(),
                 QDir::toNativeSeparators(folder));
        QCOMPARE(child<QSpinBox>(&again, "concurrencySpin")->value(), 3);
        QCOMPARE(child<QComboBox>(&again, "languageCombo")->currentData().toString(),
                 QStringLiteral("ru"));
        QCOMPARE(child<QComboBox>(&again, "defaultQualityCombo")->currentData().toString(),
                 QStringLiteral("720p"));
        QCOMPARE(child<QLineEdit>(&again, "proxyHostEdit")->text(),
                 QStringLiteral("socks.example.net"));
        QVERIFY(child<QLineEdit>(&again, "proxyHostEdit")->isEnabled());
    }

    void cancelKeepsSettings() {
        AppSettings settings(ini());
        SettingsDialog dialog(&settings, nullptr);
        QSignalSpy applied(&dialog, &SettingsDialog::settingsApplied);
        child<QSpinBox>(&dialog, "concurrencySpin")->setValue(17);
        QTest::mouseClick(child<QPushButton>(&dialog, "cancelButton"), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(applied.count(), 0);
        QCOMPARE(AppSettings(ini()).concurrencyCap(), 5);
    }

    void applyKeepsTheDialogOpen() {
        AppSettings settings(ini());
        SettingsDialog dialog(&settings, nullptr);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy applied(&dialog, &SettingsDialog::settingsApplied);
        child<QSpinBox>(&dialog, "concurrencySpin")->setValue(9);
        QTest::mouseClick(child<QPushButton>(&dialog, "applyButton"), Qt::LeftButton);
        QCOMPARE(applied.count(), 1);
        QVERIFY(dialog.isVisible());
        QCOMPARE(AppSettings(ini()).concurrencyCap(), 9);
    }

    void proxyIsAppliedToTheNetworkManager() {
        AppSettings settings(ini());
        CredentialStore credentials(uniqueService());
        QNetworkAccessManager network;
        SettingsDialog dialog(&settings, &credentials);
        // What the app does with the signal.
        connect(&dialog, &SettingsDialog::settingsApplied, &network,
                [&] { applyProxy(network, settings.proxy(), dialog.proxyPassword()); });

        choose(child<QComboBox>(&dialog, "proxyModeCombo"),
               static_cast<int>(ProxySettings::Mode::Http));
        child<QLineEdit>(&dialog, "proxyHostEdit")->setText(QStringLiteral("proxy.example.com"));
        child<QSpinBox>(&dialog, "proxyPortSpin")->setValue(3128);
        child<QLineEdit>(&dialog, "proxyUserEdit")->setText(QStringLiteral("bob"));
        auto* password = child<QLineEdit>(&dialog, "proxyPasswordEdit");
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        QTest::keyClicks(password, QStringLiteral("s3cret-proxy-pw"));
        QVERIFY(dialog.apply());

        QCOMPARE(network.proxy().type(), QNetworkProxy::HttpProxy);
        QCOMPARE(network.proxy().hostName(), QStringLiteral("proxy.example.com"));
        QCOMPARE(network.proxy().port(), quint16(3128));
        QCOMPARE(network.proxy().user(), QStringLiteral("bob"));
        QCOMPARE(network.proxy().password(), QStringLiteral("s3cret-proxy-pw"));

        // The password is a secret: never in the settings file, but in the keychain.
        settings.sync();
        QFile file(ini());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray stored = file.readAll();
        QVERIFY(stored.contains("proxy.example.com"));
        QVERIFY(!stored.contains("s3cret-proxy-pw"));
        std::optional<QString> secret;
        bool read = false;
        credentials.read(ApiFamily::OpenApi, proxyKeychainAccount(settings.proxy()), this,
                         [&](CredentialStore::ReadResult result) {
                             secret = result.secret;
                             read = true;
                         });
        QTRY_VERIFY_WITH_TIMEOUT(read, 15000);
        QCOMPARE(secret.value_or(QString()), QStringLiteral("s3cret-proxy-pw"));

        // The app's (and the CLI's) start: the proxy at once, with its password once the keychain
        // answers; `ready` tells when it is complete (the CLI sends nothing before).
        QNetworkAccessManager restarted;
        bool ready = false;
        applyStoredProxy(restarted, AppSettings(ini()), &credentials, [&ready] { ready = true; });
        QCOMPARE(restarted.proxy().type(), QNetworkProxy::HttpProxy);
        QCOMPARE(restarted.proxy().hostName(), QStringLiteral("proxy.example.com"));
        QTRY_VERIFY_WITH_TIMEOUT(ready, 15000);
        QCOMPARE(restarted.proxy().password(), QStringLiteral("s3cret-proxy-pw"));
        // Without a user name there is nothing to wait for.
        QNetworkAccessManager plain;
        bool readyAtOnce = false;
        applyStoredProxy(plain, AppSettings(m_dir.filePath(QStringLiteral("no-proxy.ini"))),
                         &credentials, [&readyAtOnce] { readyAtOnce = true; });
        QVERIFY(readyAtOnce);
        QCOMPARE(plain.proxy().type(), QNetworkProxy::DefaultProxy);

        // No proxy, then the system's.
        choose(child<QComboBox>(&dialog, "proxyModeCombo"),
               static_cast<int>(ProxySettings::Mode::None));
        QVERIFY(dialog.apply());
        QCOMPARE(network.proxy().type(), QNetworkProxy::NoProxy);
        choose(child<QComboBox>(&dialog, "proxyModeCombo"),
               static_cast<int>(ProxySettings::Mode::System));
        QVERIFY(dialog.apply());
        QCOMPARE(network.proxy().type(), QNetworkProxy::DefaultProxy);
    }

    void invalidInputIsRefused_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("focused");
        const int http = static_cast<int>(ProxySettings::Mode::Http);
        const int socks = static_cast<int>(ProxySettings::Mode::Socks5);
        const QString folder = QDir::tempPath();
        QTest::newRow("empty host")
            << http << QString() << 8080 << folder << QStringLiteral("proxyHostEdit");
        QTest::newRow("blank host")
            << socks << QStringLiteral("   ") << 1080 << folder << QStringLiteral("proxyHostEdit");
        QTest::newRow("url as host") << http << QStringLiteral("http://proxy/") << 8080 << folder
                                     << QStringLiteral("proxyHostEdit");
        QTest::newRow("port 0") << http << QStringLiteral("proxy.example.com") << 0 << folder
                                << QStringLiteral("proxyPortSpin");
        QTest::newRow("socks port 0") << socks << QStringLiteral("proxy.example.com") << 0 << folder
                                      << QStringLiteral("proxyPortSpin");
        QTest::newRow("no folder") << static_cast<int>(ProxySettings::Mode::System) << QString()
                                   << 0 << QString() << QStringLiteral("libraryFolderEdit");
        QTest::newRow("relative folder")
            << static_cast<int>(ProxySettings::Mode::System) << QString() << 0
            << QStringLiteral("videos") << QStringLiteral("libraryFolderEdit");
    }

    void invalidInputIsRefused() {
        QFETCH(int, mode);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, folder);
        QFETCH(QString, focused);
        AppSettings settings(ini());
        settings.setConcurrencyCap(4);
        SettingsDialog dialog(&settings, nullptr);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy applied(&dialog, &SettingsDialog::settingsApplied);
        child<QLineEdit>(&dialog, "libraryFolderEdit")->setText(folder);
        child<QSpinBox>(&dialog, "concurrencySpin")->setValue(12);
        choose(child<QComboBox>(&dialog, "proxyModeCombo"), mode);
        child<QLineEdit>(&dialog, "proxyHostEdit")->setText(host);
        child<QSpinBox>(&dialog, "proxyPortSpin")->setValue(port);
        // Start on another page: the dialog must bring the bad field into view.
        child<QTabWidget>(&dialog, "settingsTabs")->setCurrentIndex(1);

        QTest::mouseClick(child<QPushButton>(&dialog, "okButton"), Qt::LeftButton);
        QVERIFY(dialog.isVisible()); // OK did not close it
        QCOMPARE(applied.count(), 0);
        QVERIFY(!dialog.errorText().isEmpty());
        auto* error = child<QLabel>(&dialog, "settingsError");
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), dialog.errorText());
        QTRY_COMPARE(QApplication::focusWidget() ? QApplication::focusWidget()->objectName()
                                                 : QString(),
                     focused);
        // Nothing was saved, not even the valid fields.
        AppSettings reread(ini());
        QCOMPARE(reread.concurrencyCap(), 4);
        QCOMPARE(reread.proxy().mode, ProxySettings::Mode::System);

        // Fixed, it goes through and the message goes away.
        child<QLineEdit>(&dialog, "libraryFolderEdit")->setText(QDir::tempPath());
        child<QLineEdit>(&dialog, "proxyHostEdit")->setText(QStringLiteral("proxy.example.com"));
        child<QSpinBox>(&dialog, "proxyPortSpin")->setValue(8080);
        QVERIFY(dialog.apply());
        QVERIFY(dialog.errorText().isEmpty());
        QVERIFY(!error->isVisible());
        QCOMPARE(AppSettings(ini()).concurrencyCap(), 12);
    }

    void browseUsesTheFolderChooser() {
        AppSettings settings(ini());
        SettingsDialog dialog(&settings, nullptr);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QString offered;
        const QString picked = m_dir.filePath(QStringLiteral("picked"));
        dialog.setFolderChooser([&](QWidget* parent, const QString& current) {
            offered = current;
            Q_ASSERT(parent == &dialog);
            return picked;
        });
        QTest::mouseClick(child<QPushButton>(&dialog, "libraryBrowseButton"), Qt::LeftButton);
        QCOMPARE(offered, AppSettings::defaultLibraryFolder());
        QCOMPARE(child<QLineEdit>(&dialog, "libraryFolderEdit")->text(),
                 QDir::toNativeSeparators(picked));
        // Cancelled: nothing changes.
        dialog.setFolderChooser([](QWidget*, const QString&) { return QString(); });
        QTest::mouseClick(child<QPushButton>(&dialog, "libraryBrowseButton"), Qt::LeftButton);
        QCOMPARE(child<QLineEdit>(&dialog, "libraryFolderEdit")->text(),
                 QDir::toNativeSeparators(picked));
    }

    void modelDecidesTheDefaultValues() {
        AppSettings settings(ini());
        SettingsDialog dialog(&settings, nullptr);
        auto* model = child<QComboBox>(&dialog, "defaultModelCombo");
        auto* duration = child<QComboBox>(&dialog, "defaultDurationCombo");
        const ModelCatalog& catalog = ModelCatalog::builtIn();
        for (int i = 0; i < model->count(); ++i) {
            model->setCurrentIndex(i);
            Q_EMIT model->activated(i);
            const ModelSpec* spec = catalog.model(model->currentData().toString());
            QVERIFY(spec);
            QVERIFY(spec->offered);
            QCOMPARE(duration->count(), spec->durations().size());
            QCOMPARE(child<QComboBox>(&dialog, "defaultQualityCombo")->count(),
                     spec->qualities.size());
            QCOMPARE(child<QComboBox>(&dialog, "defaultAspectCombo")->count(),
                     spec->aspectRatios(ApiFamily::OpenApi).size());
            QCOMPARE(child<QComboBox>(&dialog, "defaultMotionCombo")->count(),
                     spec->motionChoices().size());
        }
    }

    void offersWhatTheCatalogItIsGivenAllows() {
        // StudioApp's one table: a model renamed and limited there is what the dialog offers.
        QString error;
        const std::optional<ModelCatalog> shared = test::builtInCatalogWith(
            QStringLiteral("v4.5"),
            [](QJsonObject& model) {
                model.insert(QStringLiteral("label"),
                             QStringLiteral("PixVerse V4.5 (shared table)"));
                model.insert(QStringLiteral("durations"), QJsonArray{5});
            },
            &error);
        QVERIFY2(shared, qPrintable(error));

        AppSettings settings(ini());
        SettingsDialog dialog(&settings, nullptr);
        auto* model = child<QComboBox>(&dialog, "defaultModelCombo");
        auto* duration = child<QComboBox>(&dialog, "defaultDurationCombo");
        choose(model, QStringLiteral("v4.5"));
        Q_EMIT model->activated(model->currentIndex());
        QCOMPARE(duration->count(), 2); // the built-in table: 5 and 8 s
        dialog.setCatalog(&*shared);
        choose(model, QStringLiteral("v4.5"));
        Q_EMIT model->activated(model->currentIndex());
        QCOMPARE(model->currentText(), QStringLiteral("PixVerse V4.5 (shared table)"));
        QCOMPARE(duration->count(), 1);
        QCOMPARE(duration->currentData().toString(), QStringLiteral("5"));
    }

    void keyboardOnly() {
        AppSettings settings(ini());
        CredentialStore credentials(uniqueService());
        SettingsDialog dialog(&settings, &credentials);
        QSignalSpy applied(&dialog, &SettingsDialog::settingsApplied);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));

        auto focusName = [] {
            return QApplication::focusWidget() ? QApplication::focusWidget()->objectName()
                                               : QString();
        };
        // The General page, in reading order; Tab from the last field reaches the buttons.
        auto* library = child<QLineEdit>(&dialog, "libraryFolderEdit");
        library->setFocus();
        QTRY_COMPARE(focusName(), QStringLiteral("libraryFolderEdit"));
        const QStringList generalOrder{
            QStringLiteral("libraryBrowseButton"), QStringLiteral("concurrencySpin"),
            QStringLiteral("languageCombo"), QStringLiteral("sandboxCheck"),
            QStringLiteral("rememberMeCheck")};
        for (const QString& expected : generalOrder) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(focusName(), expected);
        }
        // Back to the library field with Shift+Tab, then type a new folder.
        for (int i = 0; i < generalOrder.size(); ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QCOMPARE(focusName(), QStringLiteral("libraryFolderEdit"));
        const QString folder = m_dir.filePath(QStringLiteral("typed"));
        QTest::keyClick(library, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(library, folder);
        // Videos at once: arrows in the spin box.
        QTest::keyClick(library, Qt::Key_Tab);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(focusName(), QStringLiteral("concurrencySpin"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Up);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Up);
        // The sandbox check box: Space.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(focusName(), QStringLiteral("sandboxCheck"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);

        // The Network page by Ctrl+Tab from inside the tab widget; its fields in order.
        auto* tabs = child<QTabWidget>(&dialog, "settingsTabs");
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), 1);
        // From the first field of that page, a combo box, Ctrl+Tab still turns the page.
        QCOMPARE(focusName(), QStringLiteral("defaultModelCombo"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), 2);
        QCOMPARE(focusName(), QStringLiteral("proxyModeCombo"));
        auto* mode = child<QComboBox>(&dialog, "proxyModeCombo");
        // Down arrows on a closed combo box step through the modes: System → None → HTTP.
        QTest::keyClick(mode, Qt::Key_Down);
        QTest::keyClick(mode, Qt::Key_Down);
        QCOMPARE(mode->currentData().toInt(), static_cast<int>(ProxySettings::Mode::Http));
        const QStringList networkOrder{
            QStringLiteral("proxyHostEdit"), QStringLiteral("proxyPortSpin"),
            QStringLiteral("proxyUserEdit"), QStringLiteral("proxyPasswordEdit")};
        for (const QString& expected : networkOrder) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(focusName(), expected);
        }
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QCOMPARE(focusName(), QStringLiteral("proxyHostEdit"));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("proxy.lan"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("8080"));

        // Enter = OK, even from a spin box.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(applied.count(), 1);
        AppSettings reread(ini());
        QCOMPARE(reread.libraryFolder(), folder);
        QCOMPARE(reread.concurrencyCap(), 7);
        QVERIFY(reread.useSandbox());
        QCOMPARE(reread.proxy().mode, ProxySettings::Mode::Http);
        QCOMPARE(reread.proxy().host, QStringLiteral("proxy.lan"));
        QCOMPARE(reread.proxy().port, quint16(8080));
    }

    void enterWithBadInputStaysOpen() {
        AppSettings settings(ini());
        SettingsDialog dialog(&settings, nullptr);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        choose(child<QComboBox>(&dialog, "proxyModeCombo"),
               static_cast<int>(ProxySettings::Mode::Http));
        auto* host = child<QLineEdit>(&dialog, "proxyHostEdit");
        child<QTabWidget>(&dialog, "settingsTabs")->setCurrentIndex(2);
        host->setFocus();
        QTest::keyClick(host, Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.errorText().isEmpty());
        // Escape = Cancel.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
