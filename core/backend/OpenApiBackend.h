#pragma once

#include "core/api/ApiClient.h"
#include "core/backend/Backend.h"

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
    RequestHandle createVideo(const GenerationRequest& request, const RequestInputs& inputs,
                              const QString& traceId, QObject* context,
                              std::function<void(Result<CreatedVideo>)> done) override;
    RequestHandle
    fetchStatuses(const QList<qint64>& videoIds, QObject* context,
                  std::function<void(Result<QHash<qint64, VideoStatus>>)> done) override;
    RequestHandle fetchBalance(QObject* context,
                               std::function<void(Result<Balance>)> done) override;
    QList<PlannedCall> plannedCalls(const GenerationRequest& request) const override;

private:
    ApiClient* m_client;
    QString m_label;
};

} // namespace pixverse
