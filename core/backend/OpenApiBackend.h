#pragma once

#include "core/api/ApiClient.h"
#include "core/backend/Backend.h"

#include <memory>

namespace pixverse {

//! The platform OpenAPI (`/openapi/v2`, header `API-KEY`): the documented way in.
class OpenApiBackend : public Backend {
    Q_OBJECT
public:
    //! `client` must already have its base URL; this sets its credential header.
    OpenApiBackend(ApiClient* client, const QString& apiKey, QObject* parent = nullptr);
    ~OpenApiBackend() override;

    ApiFamily family() const override { return ApiFamily::OpenApi; }
    QString accountLabel() const override { return m_label; }
    ApiClient* client() const { return m_client; }

    //! "sk-…3f9a": enough to tell keys apart, never enough to use one.
    static QString maskKey(const QString& apiKey);

    RequestHandle uploadImage(const QString& filePath, QObject* context,
                              std::function<void(Result<UploadedImage>)> done,
                              Progress progress = {}) override;
    //! A video or audio file for `/media/upload` (§2.12), checked off this thread
    //! (PreparedMedia: type, size) and streamed as the part `file`.
    RequestHandle uploadMedia(const QString& filePath, UploadedMedia::Kind kind, QObject* context,
                              std::function<void(Result<UploadedMedia>)> done,
                              Progress progress = {}) override;
    //! Dispatches on request.mode; a video source is inputs.video (an upload) when present, else
    //! request.sourceVideoId; an effect's images are inputs.starts, fusion's references
    //! inputs.references. A missing input is an input error, and nothing is sent.
    RequestHandle createVideo(const GenerationRequest& request, const RequestInputs& inputs,
                              const QString& traceId, QObject* context,
                              std::function<void(Result<CreatedVideo>)> done) override;
    //! Every mode: each has a request class here.
    bool offersMode(GenerationMode mode) const override;
    //! One page of video/effects/templates/list (§2.19). A page size the service does not take
    //! (TemplateListRequest::isAllowedPageSize) is an input error, and nothing is sent.
    RequestHandle fetchTemplates(const TemplateQuery& query, QObject* context,
                                 std::function<void(Result<QList<EffectTemplate>>)> done) override;
    //! Every page of `video/tts_speaker` (system and custom voices); on HTTP 404 or a service
    //! error there, every page of the older `video/lip_sync/tts_list` (§2.18).
    RequestHandle fetchSpeakers(QObject* context,
                                std::function<void(Result<QList<Speaker>>)> done) override;
    RequestHandle
    fetchStatuses(const QList<qint64>& videoIds, QObject* context,
                  std::function<void(Result<QHash<qint64, VideoStatus>>)> done) override;
    bool hasUsageLedger() const override { return true; }
    RequestHandle fetchUsage(const UsageQuery& query, QObject* context,
                             std::function<void(Result<UsagePage>)> done) override;
    RequestHandle fetchBalance(QObject* context,
                               std::function<void(Result<Balance>)> done) override;
    QList<PlannedCall> plannedCalls(const GenerationRequest& request) const override;

private:
    struct SpeakerWalk;
    void readSpeakerPage(const std::shared_ptr<SpeakerWalk>& walk);
    //! The create call of a mode that works on a video (extend, upscale, sound, lip sync).
    RequestHandle createFromVideo(const GenerationRequest& request, const RequestInputs& inputs,
                                  const QString& traceId, QObject* context,
                                  std::function<void(Result<CreatedVideo>)> done);
    //! The create call of an effect or a fusion (OpenApiBackendEffects.cpp).
    RequestHandle createFromImages(const GenerationRequest& request, const RequestInputs& inputs,
                                   const QString& traceId, QObject* context,
                                   std::function<void(Result<CreatedVideo>)> done);
    //! plannedCalls() of an effect or a fusion: an upload per image, then the create.
    QList<PlannedCall> plannedImageCalls(const GenerationRequest& request) const;

    ApiClient* m_client;
    QString m_label;
};

} // namespace pixverse
