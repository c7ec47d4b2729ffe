#include "core/backend/Backend.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace pixverse {

RequestHandle Backend::listVideos(int maxVideos, QObject* context,
                                  std::function<void(Result<RemoteVideoList>)> done) {
    Q_UNUSED(maxVideos)
    // No listing in this family: nothing to send. Answered later, as a request would be.
    QPointer<QObject> guard(context);
    auto cancelled = std::make_shared<bool>(false);
    QMetaObject::invokeMethod(
        this,
        [guard, cancelled, hasContext = context != nullptr, done = std::move(done)] {
            if (!*cancelled && (!hasContext || guard))
                done(Result<RemoteVideoList>::success({}));
        },
        Qt::QueuedConnection);
    return RequestHandle([cancelled] { *cancelled = true; });
}

RequestHandle Backend::lookUpVideo(qint64 videoId, int maxVideos, QObject* context,
                                   std::function<void(Result<QHash<qint64, VideoStatus>>)> done) {
    Q_UNUSED(maxVideos)
    return fetchStatuses({videoId}, context, std::move(done));
}

void Backend::noticeError(const ApiError& error) {
    if (error.isSessionEnd() && !m_sessionEnded) {
        m_sessionEnded = true;
        Q_EMIT sessionEnded(error);
    }
}

RequestHandle Backend::startUpload(const QString& filePath, bool withMd5, QObject* context,
                                   std::function<void(Result<UploadedImage>)> done,
                                   Progress progress,
                                   std::function<void(const std::shared_ptr<UploadSteps>&)> send) {
    auto upload = std::make_shared<UploadSteps>();
    upload->context = context;
    upload->hasContext = context != nullptr;
    upload->done = std::move(done);
    upload->progress = std::move(progress);
    // Reading the header (and the MD5 of up to 20 MB) is disk work: off this thread.
    auto* watcher = new QFutureWatcher<Result<PreparedImage>>(this);
    connect(watcher, &QFutureWatcher<Result<PreparedImage>>::finished, this,
            [watcher, upload, send = std::move(send)] {
                watcher->deleteLater();
                if (!upload->alive())
                    return;
                const Result<PreparedImage> image = watcher->result();
                if (!image.ok()) {
                    upload->finish(Result<UploadedImage>::failure(image.error));
                    return;
                }
                upload->image = *image.value;
                send(upload);
            });
    watcher->setFuture(QtConcurrent::run(&PreparedImage::forUpload, filePath, withMd5));
    return RequestHandle([upload] {
        upload->cancelled = true;
        upload->inner.cancel();
    });
}

} // namespace pixverse
