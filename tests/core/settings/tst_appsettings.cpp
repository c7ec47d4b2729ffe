#include "core/settings/AppSettings.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;

class TestAppSettings : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString ini() const { return m_dir.filePath(QStringLiteral("settings.ini")); }

private Q_SLOTS:
    void defaults() {
        AppSettings s(m_dir.filePath(QStringLiteral("fresh.ini")));
        QCOMPARE(s.concurrencyCap(), 5);
        QVERIFY(s.libraryFolder().endsWith(QStringLiteral("PixVerse Studio")));
        QCOMPARE(s.proxy().mode, ProxySettings::Mode::System);
        QVERIFY(s.language().isEmpty());
        QVERIFY(s.rememberMeByDefault());
        QVERIFY(!s.rememberedAccount());
        QCOMPARE(s.defaultGeneration().model, GenerationRequest().model);
    }

    void valuesPersistAcrossARestart() {
        ProxySettings proxy{ProxySettings::Mode::Socks5, QStringLiteral("proxy.lan"), 1080,
                            QStringLiteral("ann")};
        RememberedAccount account{ApiFamily::Web, QStringLiteral("ann@example.com"), QString(),
                                  true};
        GenerationRequest defaults;
        defaults.model = QStringLiteral("v5");
        defaults.quality = QStringLiteral("720p");
        defaults.prompt = QStringLiteral("not a default");
        {
            AppSettings s(ini());
            s.setLibraryFolder(QStringLiteral("/tmp/Мои видео"));
            s.setConcurrencyCap(99); // clamped
            s.setProxy(proxy);
            s.setLanguage(QStringLiteral("ru"));
            s.setUseSandbox(true);
            s.setRememberMeByDefault(false);
            s.setRememberedAccount(account);
            s.setDefaultGeneration(defaults);
            s.sync();
        }
        AppSettings s(ini());
        QCOMPARE(s.libraryFolder(), QStringLiteral("/tmp/Мои видео"));
        QCOMPARE(s.concurrencyCap(), 20);
        QCOMPARE(s.proxy(), proxy);
        QCOMPARE(s.language(), QStringLiteral("ru"));
        QVERIFY(s.useSandbox());
        QVERIFY(!s.rememberMeByDefault());
        QCOMPARE(s.rememberedAccount().value(), account);
        QCOMPARE(s.defaultGeneration().model, QStringLiteral("v5"));
        QCOMPARE(s.defaultGeneration().quality, QStringLiteral("720p"));
        QVERIFY(s.defaultGeneration().prompt.isEmpty()); // prompts are not settings
        s.setRememberedAccount(std::nullopt);
        QVERIFY(!s.rememberedAccount());
    }

    // Issue 18: Generate's take count, 1..8, kept across a restart.
    void takeCountIsRememberedWithinItsRange() {
        const QString file = m_dir.filePath(QStringLiteral("takes.ini"));
        QCOMPARE(AppSettings(file).takeCount(), 1);
        {
            AppSettings s(file);
            s.setTakeCount(4);
            s.sync();
        }
        QCOMPARE(AppSettings(file).takeCount(), 4);
        AppSettings s(file);
        s.setTakeCount(12);
        QCOMPARE(s.takeCount(), AppSettings::kMaxTakeCount);
        s.setTakeCount(0);
        QCOMPARE(s.takeCount(), 1);
    }

    void theProxyIsAppliedToTheNetworkManager() {
        QNetworkAccessManager network;
        applyProxy(
            network,
            {ProxySettings::Mode::Http, QStringLiteral("10.0.0.1"), 3128, QStringLiteral("u")},
            QStringLiteral("pw"));
        QCOMPARE(network.proxy().type(), QNetworkProxy::HttpProxy);
        QCOMPARE(network.proxy().hostName(), QStringLiteral("10.0.0.1"));
        QCOMPARE(network.proxy().port(), quint16(3128));
        QCOMPARE(network.proxy().password(), QStringLiteral("pw"));
        applyProxy(network, {ProxySettings::Mode::None, {}, 0, {}});
        QCOMPARE(network.proxy().type(), QNetworkProxy::NoProxy);
        applyProxy(network, {});
        QCOMPARE(network.proxy().type(), QNetworkProxy::DefaultProxy);
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
