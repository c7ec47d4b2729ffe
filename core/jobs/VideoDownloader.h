#pragma once

#include "core/api/ApiClient.h"
#include "core/api/ApiTypes.h"

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace pixverse {

//! Streams a finished video to disk: into `<target>.part`, renamed to `<target>` only when every
//! byte arrived and the file looks like an MP4. An interrupted download resumes from the part
//! file with an HTTP Range request. Same URL rule as the API: https://, or http:// on loopback.
class VideoDownloader : public QObject {
    Q_OBJECT
public:
    explicit VideoDownloader(QNetworkAccessManager* network, QObject* parent = nullptr);
    ~VideoDownloader() override;

    void setInactivityTimeout(int ms) { m_inactivityTimeoutMs = ms; }
    void setRetryPolicy(const RetryPolicy& policy) { m_retry = policy; }

    static QString partPath(const QString& targetPath);

    using Progress = std::function<void(qint64 received, qint64 total)>;
    //! `done` gets the final path. Runs once on this thread unless cancelled or `context` died.
    RequestHandle download(const QUrl& url, const QString& targetPath, QObject* context,
                           std::function<void(Result<QString>)> done, Progress progress = {});

private:
    class Transfer;
    QNetworkAccessManager* m_network;
    int m_inactivityTimeoutMs = 30000;
    RetryPolicy m_retry{4, 1000, 15000};
};

} // namespace pixverse
