#pragma once

#include "core/api/ApiClient.h"
#include "core/api/ApiTypes.h"

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace pixverse {

//! Finished videos to disk, through ApiClient::download() (part file, Range resume, MP4 check,
//! the one retry policy). Its own ApiClient holds the downloads' timeout and policy; no
//! credential is ever sent with a video URL.
class VideoDownloader : public QObject {
    Q_OBJECT
public:
    explicit VideoDownloader(QNetworkAccessManager* network, QObject* parent = nullptr);
    ~VideoDownloader() override;

    void setInactivityTimeout(int ms) { m_client->setDefaultTimeout(ms); }
    void setRetryPolicy(const RetryPolicy& policy) { m_client->setRetryPolicy(policy); }

    static QString partPath(const QString& targetPath) { return ApiClient::partPath(targetPath); }

    using Progress = ApiClient::DownloadProgress;
    //! `done` gets the final path. Runs once on this thread unless cancelled or `context` died.
    RequestHandle download(const QUrl& url, const QString& targetPath, QObject* context,
                           std::function<void(Result<QString>)> done, Progress progress = {}) {
        return m_client->download(url, targetPath, context, std::move(done), std::move(progress));
    }

private:
    ApiClient* m_client;
};

} // namespace pixverse
