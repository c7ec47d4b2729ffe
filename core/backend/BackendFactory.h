#pragma once

#include "core/backend/Backend.h"

#include <QUrl>

class QNetworkAccessManager;

namespace pixverse {

//! The real PixVerse host; both API families live under it (../shared/pixverse-api.md).
inline QUrl defaultServiceUrl() {
    return QUrl(QStringLiteral("https://app-api.pixverse.ai/"));
}

struct BackendConfig {
    ApiFamily family = ApiFamily::OpenApi;
    QUrl baseUrl = defaultServiceUrl();
    QString secret;  //!< the API key (OpenAPI) or the session token (web)
    QString account; //!< web: the e-mail; OpenAPI: empty
    //! Web uploads go to this object store; empty: the real one (Aliyun OSS accelerate).
    QUrl objectStoreUrl;
    //! The model table the request bodies follow; null: ModelCatalog::builtIn(). Must outlive
    //! the backend.
    const ModelCatalog* catalog = nullptr;
};

//! The sandbox's stand-in for the object store, beside its API.
QUrl sandboxObjectStoreUrl(const QUrl& sandboxBaseUrl);

//! Builds the backend for how the creator signed in, with its own ApiClient over `network`.
//! Refuses a plain http:// URL to anything but loopback (ApiError::InsecureUrl).
Result<Backend*> createBackend(QNetworkAccessManager* network, const BackendConfig& config,
                               QObject* parent);

} // namespace pixverse
