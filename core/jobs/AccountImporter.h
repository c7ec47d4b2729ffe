#pragma once

#include "core/api/ApiError.h"
#include "core/api/ApiTypes.h"
#include "core/jobs/Job.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace pixverse {

class Backend;
class JobStore;

//! Brings the videos already on a web account into the store, and finds one video on the
//! account's list for a fresh URL. Both read `list/personal` page by page until the list ends
//! (or the id is found); `depth` is only a safety bound far above any real account.
class AccountImporter : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultDepth = 100000;

    AccountImporter(JobStore* store, Backend* backend, QObject* parent = nullptr);
    ~AccountImporter() override;

    void setDepth(int videos) { m_depth = videos; }
    int depth() const { return m_depth; }

    //! Starts an import (see JobEngine::importAccountVideos). False when the family has no list;
    //! a call while one runs joins it.
    bool start();
    bool isImporting() const { return m_importing; }

    //! The status of `videoId`, read from the account's list until found or the list ends (the
    //! id is missing from the map then). `done` runs on this thread unless `context` died.
    RequestHandle lookUp(qint64 videoId, QObject* context,
                         std::function<void(Result<QHash<qint64, VideoStatus>>)> done);

Q_SIGNALS:
    //! An import ended: `added` are the new jobs; `error` says why the list could not be read.
    void finished(const QList<pixverse::Job>& added, const pixverse::ApiError& error);

private:
    void onListed(const Result<RemoteVideoList>& result);
    std::optional<Job> importedJob(const RemoteVideo& video) const;
    //! Marks this account's finished jobs whose video a complete list no longer holds.
    void markDeletedOnService(const QList<RemoteVideo>& listed);

    JobStore* m_store;
    QPointer<Backend> m_backend;
    int m_depth = kDefaultDepth;
    bool m_importing = false;
    RequestHandle m_request;
};

} // namespace pixverse
