#include "core/backend/OpenApiBackend.h"

#include "core/api/OpenApiRequests.h"
#include "core/backend/ImageFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QImageReader>
#include <QMimeDatabase>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

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

void OpenApiBackend::noticeError(const ApiError& error) {
    if (error.isSessionEnd() && !m_sessionEnded) {
        m_sessionEnded = true;
        Q_EMIT sessionEnded(error);
    }
}

RequestHandle OpenApiBackend::uploadImage(const QString& filePath, QObject* context,
                                          std::function<void(Result<UploadedImage>)> done,
                                          Progress progress) {
    // Reading up to 20 MB and building the multipart body are disk and memory work: both happen
    // on the thread pool; only the send is on this thread.
    struct Prepared {
        ImageFile file;
        std::optional<openapi::UploadImageRequest> request;
    };
    auto cancelled = std::make_shared<bool>(false);
    auto inner = std::make_shared<RequestHandle>();
    auto* watcher = new QFutureWatcher<Prepared>(this);
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    connect(watcher, &QFutureWatcher<Prepared>::finished, this,
            [this, watcher, cancelled, inner, guard, hasContext, done = std::move(done),
             progress]() mutable {
                watcher->deleteLater();
                if (*cancelled || (hasContext && !guard))
                    return;
                const Prepared prepared = watcher->result();
                if (!prepared.file.problem.isEmpty()) {
                    done(Result<UploadedImage>::failure(ApiError::input(prepared.file.problem)));
                    return;
                }
                const int width = prepared.file.width;
                const int height = prepared.file.height;
                *inner =
                    m_client->call(*prepared.request, guard.data(),
                                   std::function<void(Result<UploadedImage>)>(
                                       [this, width, height, done](Result<UploadedImage> result) {
                                           if (result.ok()) {
                                               result.value->width = width;
                                               result.value->height = height;
                                           } else {
                                               noticeError(result.error);
                                           }
                                           done(std::move(result));
                                       }),
                                   std::move(progress));
            });
    watcher->setFuture(QtConcurrent::run([filePath] {
        Prepared prepared;
        prepared.file = ImageFile::load(filePath);
        if (prepared.file.problem.isEmpty()) {
            prepared.request.emplace(prepared.file.bytes, prepared.file.fileName,
                                     prepared.file.mimeType);
            prepared.file.bytes.clear(); // the request holds the only copy it needs
        }
        return prepared;
    }));
    return RequestHandle([cancelled, inner] {
        *cancelled = true;
        inner->cancel();
    });
}

RequestHandle OpenApiBackend::createVideo(const GenerationRequest& request,
                                          const std::optional<UploadedImage>& image,
                                          const QString& traceId, QObject* context,
                                          std::function<void(Result<CreatedVideo>)> done) {
    auto wrapped = [this, done = std::move(done)](Result<CreatedVideo> result) {
        if (!result.ok())
            noticeError(result.error);
        done(std::move(result));
    };
    if (image)
        return m_client->call(openapi::ImageToVideoRequest(request, image->imageId, traceId),
                              context,
                              std::function<void(Result<CreatedVideo>)>(std::move(wrapped)));
    return m_client->call(openapi::TextToVideoRequest(request, traceId), context,
                          std::function<void(Result<CreatedVideo>)>(std::move(wrapped)));
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
    return m_client->call(openapi::BalanceRequest(), context,
                          std::function<void(Result<Balance>)>(
                              [this, done = std::move(done)](Result<Balance> result) {
                                  if (!result.ok())
                                      noticeError(result.error);
                                  done(std::move(result));
                              }));
}

} // namespace pixverse
