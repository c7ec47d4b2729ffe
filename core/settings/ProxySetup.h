#pragma once

#include <QString>

#include <functional>

class QNetworkAccessManager;

namespace pixverse {

class AppSettings;
class CredentialStore;
struct ProxySettings;

//! The keychain entry that holds a manual proxy's password ("proxy:user@host:port").
QString proxyKeychainAccount(const ProxySettings& proxy);

//! Applies the stored proxy to `network` now, and again with its password once the keychain has
//! answered (when a user name is set and `credentials` is given). `ready` runs once the proxy is
//! complete: right away when no password is needed, after the keychain answered otherwise (even
//! when it had none). The app's start and the CLI's both go out this way.
void applyStoredProxy(QNetworkAccessManager& network, const AppSettings& settings,
                      CredentialStore* credentials, std::function<void()> ready = {});

} // namespace pixverse
