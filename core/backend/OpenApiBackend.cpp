#include "core/backend/OpenApiBackend.h"

#include "core/api/OpenApiRequests.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QPointer>

#include <memory>

namespace pixverse {

OpenApiBackend::OpenApiBackend(ApiClient* client, const QString& apiKey, QObject* parent)
    : Backend(parent)
    , m_client(client)
    , m_label(maskKey(apiKey)) {
    m_client->setCredential(openapi::kCredentialHeader, apiKey);
}

OpenApiBackend::~OpenApiBackend() = default;

QString OpenApiBackend::maskKey(const QString& apiKey) {
    const QString key = apiKey.trimmed();
    if (key.size() < 12)
        return QStringLiteral("…");
    const qsizetype dash = key.indexOf(u'-');
    const QString prefix = dash > 0 && dash <= 4 ? key.left(dash + 1) : QString();
    return prefix + u'…' + key.right(4);
}

RequestHandle OpenApiBackend::uploadImage(const QString& filePath, QObject* context,
                                          std::function<void(Result<UploadedImage>)> done,
                                          Progress progress) {
    return startUpload(filePath, false, context, std::move(done), std::move(progress),
                       [this](const std::shared_ptr<UploadSteps>& upload) {
                           const PreparedImage& image = upload->image;
                           upload->inner = m_client->call(
                               openapi::UploadImageRequest(image.path, image.fileName(),
                                                           image.mimeType().toLatin1()),
                               upload->context.data(),
                               std::function<void(Result<UploadedImage>)>(
                                   [this, upload](Result<UploadedImage> result) {
                                       if (result.ok()) {
                                           result.value->width = upload->image.width;
                                           result.value->height = upload->image.height;
                                       } else {
                                           noticeError(result.error);
                                       }
                                       upload->finish(std::move(result));
                                   }),
                               [upload](qint64 sent, qint64 total) {
                                   if (upload->progress && upload->alive())
                                       upload->progress(sent, total);
                               });
                       });
}

RequestHandle OpenApiBackend::createVideo(const GenerationRequest& request,
                                          const RequestInputs& inputs, const QString& traceId,
                                          QObject* context,
                                          std::function<void(Result<CreatedVideo>)> done) {
    auto answered = watched(std::move(done));
    const ModelSpec* spec = specFor(request);
    if (const std::optional<UploadedImage>& image = inputs.start)
        return m_client->call(openapi::ImageToVideoRequest(request, spec, image->imageId, traceId),
                              context, std::move(answered));
    return m_client->call(openapi::TextToVideoRequest(request, spec, traceId), context,
                          std::move(answered));
}

QList<PlannedCall> OpenApiBackend::plannedCalls(const GenerationRequest& request) const {
    const ModelSpec* spec = specFor(request);
    if (!request.isImageToVideo())
        return {plannedCall(openapi::TextToVideoRequest(request, spec))};
    const QString image = request.startImagePath();
    PlannedCall upload =
        plannedCall(openapi::UploadImageRequest(image, QFileInfo(image).fileName(), QByteArray()),
                    tr("multipart upload of the image %1").arg(QFileInfo(image).fileName()));
    PlannedCall generate = plannedCall(openapi::ImageToVideoRequest(request, spec, 0));
    QJsonObject body = generate.body.toObject();
    body.insert(u"img_id", uploadPlaceholder());
    generate.body = body;
    return {upload, generate};
}

RequestHandle
OpenApiBackend::fetchStatuses(const QList<qint64>& videoIds, QObject* context,
                              std::function<void(Result<QHash<qint64, VideoStatus>>)> done) {
    using Statuses = QHash<qint64, VideoStatus>;
    // The OpenAPI has one result call per id; gather them into one answer.
    struct Gather {
        Statuses statuses;
        std::optional<ApiError> firstError;
        qsizetype pending = 0;
        std::function<void(Result<Statuses>)> done;
        QList<RequestHandle> handles;
    };
    auto gather = std::make_shared<Gather>();
    gather->pending = videoIds.size();
    gather->done = std::move(done);
    if (videoIds.isEmpty()) {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            this,
            [gather, guard, hasContext = context != nullptr] {
                if (!hasContext || guard)
                    gather->done(Result<Statuses>::success({}));
            },
            Qt::QueuedConnection);
        return {};
    }
    for (const qint64 id : videoIds) {
        gather->handles.append(
            m_client->call(openapi::VideoResultRequest(id), context,
                           std::function<void(Result<VideoStatus>)>(
                               [this, gather, id](Result<VideoStatus> result) {
                                   if (result.ok()) {
                                       gather->statuses.insert(id, *result.value);
                                   } else if (result.error.isUnknownVideo()) {
                                       // "Not found": the service no longer has it; polling again
                                       // will not help.
                                       VideoStatus gone;
                                       gone.videoId = id;
                                       gone.state = VideoState::Deleted;
                                       gather->statuses.insert(id, gone);
                                   } else {
                                       noticeError(result.error);
                                       if (!gather->firstError)
                                           gather->firstError = result.error;
                                   }
                                   if (--gather->pending > 0)
                                       return;
                                   // Partial answers are still useful; fail only when nothing came
                                   // back.
                                   if (gather->statuses.isEmpty() && gather->firstError)
                                       gather->done(Result<Statuses>::failure(*gather->firstError));
                                   else
                                       gather->done(Result<Statuses>::success(gather->statuses));
                               })));
    }
    return RequestHandle([gather] {
        for (const RequestHandle& handle : std::as_const(gather->handles))
            handle.cancel();
    });
}

RequestHandle OpenApiBackend::fetchBalance(QObject* context,
                                           std::function<void(Result<Balance>)> done) {
    return m_client->call(openapi::BalanceRequest(), context, watched(std::move(done)));
}

} // namespace pixverse
