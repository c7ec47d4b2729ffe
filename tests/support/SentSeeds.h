#pragma once

// What seeds generations asked for (issue 18's takes): with SandboxHost::createdRequests(), what
// the sandbox was sent.
#include "core/generation/GenerationRequest.h"

#include <QList>

#include <optional>

namespace pixverse::test {

//! The seed of each request, in order (empty: none was asked, the service picks).
inline QList<std::optional<qint64>> seedsOf(const QList<GenerationRequest>& requests) {
    QList<std::optional<qint64>> seeds;
    for (const GenerationRequest& r : requests)
        seeds << r.seed;
    return seeds;
}

} // namespace pixverse::test
