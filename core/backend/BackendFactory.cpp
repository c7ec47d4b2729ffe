#include "core/backend/BackendFactory.h"

#include "core/api/ApiClient.h"
#include "core/backend/OpenApiBackend.h"
#include "core/backend/WebBackend.h"

#include <QCoreApplication>

namespace pixverse {

QUrl sandboxObjectStoreUrl(const QUrl& sandboxBaseUrl) {
    QUrl url = sandboxBaseUrl;
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + u"oss");
    return url;
}

Result<Backend*> createBackend(QNetworkAccessManager* network, const BackendConfig& config,
                               QObject* parent) {
    if (config.secret.trimmed().isEmpty())
        return Result<Backend*>::failure(ApiError::input(QCoreApplication::translate(
            "pixverse::BackendFactory", "No API key or sign-in token was given.")));
    // Spaces around a pasted key are harmless and trimmed; inside it they mean a wrong copy, and a
    // line break would end the HTTP header: refused before anything is sent.
    const QString secret = config.secret.trimmed();
    for (const QChar c : secret) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return Result<Backend*>::failure(ApiError::input(
                config.family == ApiFamily::OpenApi
                    ? QCoreApplication::translate(
                          "pixverse::BackendFactory",
                          "The API key contains a space or a line break, so it cannot be "
                          "right; copy it again from the PixVerse platform.")
                    : QCoreApplication::translate(
                          "pixverse::BackendFactory",
                          "The sign-in token contains a space or a line break, so it cannot "
                          "be right; sign in again.")));
    }
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
    case ApiFamily::Web: {
        const QUrl store =
            config.objectStoreUrl.isEmpty() ? web::oss::defaultEndpoint() : config.objectStoreUrl;
        if (const ApiError problem = ApiClient::checkBaseUrl(store); problem.isError()) {
            delete client;
            return Result<Backend*>::failure(problem);
        }
        backend = new WebBackend(client, config.secret.trimmed(), config.account, store, parent);
        break;
    }
    }
    client->setParent(backend);
    backend->setCatalog(config.catalog);
    return Result<Backend*>::success(backend);
}

} // namespace pixverse
