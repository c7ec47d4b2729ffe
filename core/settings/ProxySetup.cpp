#include "core/settings/ProxySetup.h"

#include "core/auth/CredentialStore.h"
#include "core/settings/AppSettings.h"

#include <QNetworkAccessManager>

namespace pixverse {

QString proxyKeychainAccount(const ProxySettings& proxy) {
    return QStringLiteral("proxy:%1@%2:%3").arg(proxy.user, proxy.host).arg(proxy.port);
}

void applyStoredProxy(QNetworkAccessManager& network, const AppSettings& settings,
                      CredentialStore* credentials, std::function<void()> ready) {
    const ProxySettings proxy = settings.proxy();
    applyProxy(network, proxy);
    const bool manual =
        proxy.mode == ProxySettings::Mode::Http || proxy.mode == ProxySettings::Mode::Socks5;
    if (!credentials || !manual || proxy.user.isEmpty()) {
        if (ready)
            ready();
        return;
    }
    QNetworkAccessManager* target = &network;
    credentials->read(
        ApiFamily::OpenApi, proxyKeychainAccount(proxy), target,
        [target, proxy, ready = std::move(ready)](const CredentialStore::ReadResult& result) {
            if (result.secret)
                applyProxy(*target, proxy, *result.secret);
            if (ready)
                ready();
        });
}

} // namespace pixverse
