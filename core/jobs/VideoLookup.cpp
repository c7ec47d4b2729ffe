#include "core/jobs/VideoLookup.h"

#include "core/backend/Backend.h"

#include <limits>

namespace pixverse {

RequestHandle VideoLookup::find(Backend& backend, qint64 videoId, QObject* context, Done done) {
    const ApiFamily family = backend.family();
    // The whole list if need be: a status asked by id must not depend on how old the video is.
    constexpr int everyVideo = std::numeric_limits<int>::max();
    return backend.lookUpVideo(
        videoId, everyVideo, context,
        [videoId, family, done = std::move(done)](Result<QHash<qint64, VideoStatus>> result) {
            using Answer = Result<std::optional<VideoStatus>>;
            if (!result.ok()) {
                done(Answer::failure(result.error));
                return;
            }
            const auto found = result.value->constFind(videoId);
            if (found == result.value->constEnd()) {
                done(Answer::success(std::nullopt));
                return;
            }
            // The OpenAPI backend turns its result call's 500008 into Deleted: that code is
            // what the service said, so say it; the web list's Deleted is a real state.
            if (family == ApiFamily::OpenApi && found->state == VideoState::Deleted) {
                done(Answer::failure(ApiError::service(500008, {})));
                return;
            }
            done(Answer::success(*found));
        });
}

} // namespace pixverse
