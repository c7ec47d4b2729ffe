#include "core/backend/Backend.h"

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

} // namespace pixverse
