#include "core/backend/BackendFactory.h"

#include "core/api/ApiClient.h"
#include "core/backend/OpenApiBackend.h"

#include <QCoreApplication>

namespace pixverse {

Result<Backend*> createBackend(QNetworkAccessManager* network, const BackendConfig& config, QObject* parent) {
    if (config.secret.trimmed().isEmpty())
        return Result<Backend*>::failure(ApiError::input(
            QCoreApplication::translate("pixverse::BackendFactory", "No API key or sign-in token was given.")));
    auto* client = new ApiClient(network);
    if (const ApiError problem = client->setBaseUrl(config.baseUrl); problem.isError()) {
        delete client;
        return Result<Backend*>::failure(problem);
    }
    Backend* backend = nullptr;
    switch (config.family) {
    case ApiFamily::OpenApi:
        backend = new OpenApiBackend(client, config.secret.trimmed(), parent);
        break;
    case ApiFamily::Web:
        delete client;
        return Result<Backend*>::failure(ApiError::input(
            QCoreApplication::translate("pixverse::BackendFactory", "Signing in with a PixVerse account is not available yet.")));
    }
    client->setParent(backend);
    return Result<Backend*>::success(backend);
}

} // namespace pixverse
