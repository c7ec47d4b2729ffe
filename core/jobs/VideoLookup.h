#pragma once

#include "core/api/ApiTypes.h"

#include <QObject>

#include <functional>
#include <optional>

namespace pixverse {

class Backend;

//! Finds one video on the signed-in account however old it is: the web family reads the
//! account's list page by page until the id turns up or the list ends (no practical depth cap),
//! the OpenAPI asks its result call. What `status VIDEO_ID` and any "where is this video?" need.
class VideoLookup {
public:
    //! `done` gets the video's status; an empty optional when the service does not report the
    //! id (not on the web account's list). An OpenAPI "not found" (ErrCode 500008, which that
    //! service did send) and transport trouble come back as errors.
    using Done = std::function<void(Result<std::optional<VideoStatus>>)>;

    static RequestHandle find(Backend& backend, qint64 videoId, QObject* context, Done done);
};

} // namespace pixverse
