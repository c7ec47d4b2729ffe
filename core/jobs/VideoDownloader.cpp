#include "core/jobs/VideoDownloader.h"

namespace pixverse {

VideoDownloader::VideoDownloader(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_client(new ApiClient(network, this)) {
    m_client->setRetryPolicy({4, 1000, 15000});
}

VideoDownloader::~VideoDownloader() = default;

} // namespace pixverse
