#pragma once

#include "core/api/ApiClient.h"
#include "core/api/WebApiRequests.h"
#include "core/backend/Backend.h"

#include <QUrl>

#include <optional>

namespace pixverse {

//! The website's API (`/creative_platform`, header `Token`): a PixVerse account signed in with
//! e-mail and password. Its quirks stay here: one session per account, the three-step upload
//! through the object store, and status from the personal video list.
class WebBackend : public Backend {
    Q_OBJECT
public:
    //! `client` must already have its base URL; this sets its `Token` header.
    WebBackend(ApiClient* client, const QString& token, const QString& email,
               const QUrl& objectStoreEndpoint = web::oss::defaultEndpoint(),
               QObject* parent = nullptr);
    ~WebBackend() override;

    ApiFamily family() const override { return ApiFamily::Web; }
    QString accountLabel() const override { return m_email; }
    ApiClient* client() const { return m_client; }
    //! Videos per list page (the service allows up to 100). Each status check reads one page.
    void setListPageSize(int size) { m_listPageSize = size; }

    RequestHandle uploadImage(const QString& filePath, QObject* context,
                              std::function<void(Result<UploadedImage>)> done,
                              Progress progress = {}) override;
    //! Text-to-video, image-to-video (inputs.start) and transition (inputs.first, inputs.last);
    //! any other mode is an input error, and nothing is sent (§3.13).
    RequestHandle createVideo(const GenerationRequest& request, const RequestInputs& inputs,
                              const QString& traceId, QObject* context,
                              std::function<void(Result<CreatedVideo>)> done) override;
    //! Text-to-video, image-to-video and transition: the only web calls with a known body.
    bool offersMode(GenerationMode mode) const override;
    RequestHandle
    fetchStatuses(const QList<qint64>& videoIds, QObject* context,
                  std::function<void(Result<QHash<qint64, VideoStatus>>)> done) override;
    //! One list page per tick, whatever the number of jobs.
    int statusRequestsFor(int ids) const override { return ids > 0 ? 1 : 0; }
    RequestHandle fetchBalance(QObject* context,
                               std::function<void(Result<Balance>)> done) override;
    //! POST pricing/formulas (§3.12), with the Token.
    RequestHandle fetchPriceFormulas(QObject* context,
                                     std::function<void(Result<PriceFormulas>)> done) override;
    //! Whether the site says a promotion runs (`user/credits`' flags, §3.12).
    RequestHandle fetchPromotion(QObject* context, std::function<void(Result<bool>)> done);
    QList<PlannedCall> plannedCalls(const GenerationRequest& request) const override;
    bool canListVideos() const override { return true; }
    //! Reads list/personal from the start, one page of setListPageSize() at a time, until the
    //! service has no more or `maxVideos` were read.
    RequestHandle listVideos(int maxVideos, QObject* context,
                             std::function<void(Result<RemoteVideoList>)> done) override;
    //! Reads list/personal from the start, page after page, until the id shows up, the list
    //! ends or `maxVideos` were read. Leaves the status checks' cursor alone.
    RequestHandle
    lookUpVideo(qint64 videoId, int maxVideos, QObject* context,
                std::function<void(Result<QHash<qint64, VideoStatus>>)> done) override;

private:
    struct Listing;
    //! The three upload steps of §3.5 for the image at `path`, as a dry run lists them.
    QList<PlannedCall> plannedUpload(const QString& path) const;
    void readListPage(const std::shared_ptr<Listing>& listing);
    void continueUpload(const std::shared_ptr<UploadSteps>& upload, const QString& key,
                        bool tokenRefreshed);
    void putObject(const std::shared_ptr<UploadSteps>& upload, const QString& key,
                   bool tokenRefreshed);
    void registerObject(const std::shared_ptr<UploadSteps>& upload, const QString& key);

    ApiClient* m_client;
    QString m_email;
    QUrl m_objectStore;
    std::optional<web::UploadToken> m_uploadToken; //!< reused, as the site does, until refused
    int m_listPageSize = 100;
    int m_listCursor = 0; //!< where the next status check reads the list
};

} // namespace pixverse
