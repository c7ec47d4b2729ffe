#include "core/settings/AppSettings.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace pixverse {

namespace {
QString key(const char* k) {
    return QLatin1String(k);
}

QString modeId(ProxySettings::Mode mode) {
    switch (mode) {
    case ProxySettings::Mode::System:
        return QStringLiteral("system");
    case ProxySettings::Mode::None:
        return QStringLiteral("none");
    case ProxySettings::Mode::Http:
        return QStringLiteral("http");
    case ProxySettings::Mode::Socks5:
        return QStringLiteral("socks5");
    }
    return QStringLiteral("system");
}

ProxySettings::Mode modeFromId(const QString& id) {
    if (id == QLatin1String("none"))
        return ProxySettings::Mode::None;
    if (id == QLatin1String("http"))
        return ProxySettings::Mode::Http;
    if (id == QLatin1String("socks5"))
        return ProxySettings::Mode::Socks5;
    return ProxySettings::Mode::System;
}
} // namespace

QNetworkProxy ProxySettings::toProxy(const QString& password) const {
    switch (mode) {
    case Mode::System:
        return QNetworkProxy(QNetworkProxy::DefaultProxy);
    case Mode::None:
        return QNetworkProxy(QNetworkProxy::NoProxy);
    case Mode::Http:
        return QNetworkProxy(QNetworkProxy::HttpProxy, host, port, user, password);
    case Mode::Socks5:
        return QNetworkProxy(QNetworkProxy::Socks5Proxy, host, port, user, password);
    }
    return QNetworkProxy(QNetworkProxy::DefaultProxy);
}

AppSettings::AppSettings()
    : m_settings(new QSettings()) {}

AppSettings::AppSettings(const QString& iniFile)
    : m_settings(new QSettings(iniFile, QSettings::IniFormat)) {}

AppSettings::AppSettings(Scope)
    : m_settings(
          new QSettings(QSettings::NativeFormat, QSettings::UserScope, appName(), appName())) {}

AppSettings::~AppSettings() {
    delete m_settings;
}

QString AppSettings::defaultLibraryFolder() {
    QString videos = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    if (videos.isEmpty())
        videos = QDir::home().filePath(QStringLiteral("Videos"));
    return QDir(videos).filePath(QStringLiteral("PixVerse Studio"));
}

QString AppSettings::libraryFolder() const {
    const QString folder = m_settings->value(key("library/folder")).toString();
    return folder.isEmpty() ? defaultLibraryFolder() : folder;
}
void AppSettings::setLibraryFolder(const QString& folder) {
    m_settings->setValue(key("library/folder"), folder);
}

int AppSettings::concurrencyCap() const {
    return qBound(1, m_settings->value(key("jobs/concurrency"), 5).toInt(), 20);
}
void AppSettings::setConcurrencyCap(int cap) {
    m_settings->setValue(key("jobs/concurrency"), qBound(1, cap, 20));
}

ProxySettings AppSettings::proxy() const {
    ProxySettings p;
    p.mode = modeFromId(m_settings->value(key("network/proxyMode")).toString());
    p.host = m_settings->value(key("network/proxyHost")).toString();
    p.port = static_cast<quint16>(m_settings->value(key("network/proxyPort"), 0).toUInt());
    p.user = m_settings->value(key("network/proxyUser")).toString();
    return p;
}
void AppSettings::setProxy(const ProxySettings& p) {
    m_settings->setValue(key("network/proxyMode"), modeId(p.mode));
    m_settings->setValue(key("network/proxyHost"), p.host);
    m_settings->setValue(key("network/proxyPort"), p.port);
    m_settings->setValue(key("network/proxyUser"), p.user);
}

QString AppSettings::language() const {
    return m_settings->value(key("ui/language")).toString();
}
void AppSettings::setLanguage(const QString& language) {
    m_settings->setValue(key("ui/language"), language);
}

bool AppSettings::useSandbox() const {
    return m_settings->value(key("service/sandbox"), false).toBool();
}
void AppSettings::setUseSandbox(bool on) {
    m_settings->setValue(key("service/sandbox"), on);
}

bool AppSettings::rememberMeByDefault() const {
    return m_settings->value(key("auth/rememberMe"), true).toBool();
}
void AppSettings::setRememberMeByDefault(bool on) {
    m_settings->setValue(key("auth/rememberMe"), on);
}

int AppSettings::takeCount() const {
    return std::clamp(m_settings->value(key("composer/takes"), 1).toInt(), 1, kMaxTakeCount);
}
void AppSettings::setTakeCount(int takes) {
    m_settings->setValue(key("composer/takes"), std::clamp(takes, 1, kMaxTakeCount));
}

namespace {
//! An optional count kept as a number; absent or not positive: none.
std::optional<qint64> optionalCredits(const QVariant& value) {
    bool ok = false;
    const qint64 credits = value.toLongLong(&ok);
    return ok && credits > 0 ? std::optional<qint64>(credits) : std::nullopt;
}
QVariant creditsValue(std::optional<qint64> credits) {
    return credits && *credits > 0 ? QVariant(*credits) : QVariant();
}
} // namespace

std::optional<RunWindow> AppSettings::queueRunWindow() const {
    const QTime from = QTime::fromString(m_settings->value(key("queue/runFrom")).toString(),
                                         QStringLiteral("HH:mm"));
    const QTime until = QTime::fromString(m_settings->value(key("queue/runUntil")).toString(),
                                          QStringLiteral("HH:mm"));
    if (!from.isValid() || !until.isValid())
        return std::nullopt;
    return RunWindow{from, until};
}
void AppSettings::setQueueRunWindow(const std::optional<RunWindow>& window) {
    if (!window) {
        m_settings->remove(key("queue/runFrom"));
        m_settings->remove(key("queue/runUntil"));
        return;
    }
    m_settings->setValue(key("queue/runFrom"), window->from.toString(QStringLiteral("HH:mm")));
    m_settings->setValue(key("queue/runUntil"), window->until.toString(QStringLiteral("HH:mm")));
}

CreditCaps AppSettings::creditCaps() const {
    return CreditCaps{optionalCredits(m_settings->value(key("spending/dailyCap"))),
                      optionalCredits(m_settings->value(key("spending/sessionCap")))};
}
void AppSettings::setCreditCaps(const CreditCaps& caps) {
    m_settings->setValue(key("spending/dailyCap"), creditsValue(caps.daily));
    m_settings->setValue(key("spending/sessionCap"), creditsValue(caps.perSession));
}

QString AppSettings::hotFolder() const {
    return m_settings->value(key("hotFolder/folder")).toString();
}
void AppSettings::setHotFolder(const QString& folder) {
    m_settings->setValue(key("hotFolder/folder"), folder);
}
bool AppSettings::hotFolderEnabled() const {
    return m_settings->value(key("hotFolder/enabled"), false).toBool();
}
void AppSettings::setHotFolderEnabled(bool on) {
    m_settings->setValue(key("hotFolder/enabled"), on);
}
std::optional<qint64> AppSettings::hotFolderDailyCredits() const {
    return optionalCredits(m_settings->value(key("hotFolder/dailyCap")));
}
void AppSettings::setHotFolderDailyCredits(std::optional<qint64> credits) {
    m_settings->setValue(key("hotFolder/dailyCap"), creditsValue(credits));
}

bool AppSettings::playerMuted() const {
    return m_settings->value(key("player/muted"), false).toBool();
}
void AppSettings::setPlayerMuted(bool muted) {
    m_settings->setValue(key("player/muted"), muted);
}

QByteArray AppSettings::windowGeometry() const {
    return m_settings->value(key("window/geometry")).toByteArray();
}
void AppSettings::setWindowGeometry(const QByteArray& geometry) {
    m_settings->setValue(key("window/geometry"), geometry);
}

GenerationRequest AppSettings::defaultGeneration() const {
    GenerationRequest r =
        GenerationRequest::fromJson(m_settings->value(key("generation/defaults")).toJsonObject());
    r.prompt.clear();
    r.negativePrompt.clear();
    r.setStartImage({});
    return r;
}
bool AppSettings::hasDefaultGeneration() const {
    return m_settings->contains(key("generation/defaults"));
}
void AppSettings::setDefaultGeneration(const GenerationRequest& request) {
    GenerationRequest r = request;
    r.prompt.clear();
    r.negativePrompt.clear();
    r.setStartImage({});
    m_settings->setValue(key("generation/defaults"), r.toJson());
}

std::optional<RememberedAccount> AppSettings::rememberedAccount() const {
    const QString account = m_settings->value(key("auth/account")).toString();
    const auto family = apiFamilyFromId(m_settings->value(key("auth/family")).toString());
    if (account.isEmpty() || !family)
        return std::nullopt;
    RememberedAccount a;
    a.family = *family;
    a.account = account;
    a.baseUrl = m_settings->value(key("auth/baseUrl")).toString();
    a.sandbox = m_settings->value(key("auth/sandbox"), false).toBool();
    return a;
}
void AppSettings::setRememberedAccount(const std::optional<RememberedAccount>& account) {
    if (!account) {
        for (const char* k : {"auth/account", "auth/family", "auth/baseUrl", "auth/sandbox"})
            m_settings->remove(key(k));
        return;
    }
    m_settings->setValue(key("auth/account"), account->account);
    m_settings->setValue(key("auth/family"), apiFamilyId(account->family));
    m_settings->setValue(key("auth/baseUrl"), account->baseUrl);
    m_settings->setValue(key("auth/sandbox"), account->sandbox);
}

void AppSettings::sync() {
    m_settings->sync();
}

void applyProxy(QNetworkAccessManager& network, const ProxySettings& proxy,
                const QString& password) {
    network.setProxy(proxy.toProxy(password));
}

} // namespace pixverse
