#include "core/jobs/AccountImporter.h"

#include "core/backend/Backend.h"
#include "core/jobs/JobStore.h"
#include "core/jobs/JobTransitions.h"

#include <QSet>

namespace pixverse {

AccountImporter::AccountImporter(JobStore* store, Backend* backend, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_backend(backend) {}

AccountImporter::~AccountImporter() {
    m_request.cancel();
}

bool AccountImporter::start() {
    if (!m_backend || !m_backend->canListVideos()) {
        qCInfo(lcJobs) << "import: this account's family has no video list";
        return false;
    }
    if (m_importing)
        return true;
    m_importing = true;
    qCInfo(lcJobs) << "import: reading the account's videos";
    m_request = m_backend->listVideos(m_depth, this,
                                      [this](Result<RemoteVideoList> result) { onListed(result); });
    return true;
}

RequestHandle
AccountImporter::lookUp(qint64 videoId, QObject* context,
                        std::function<void(Result<QHash<qint64, VideoStatus>>)> done) {
    if (!m_backend) {
        done(Result<QHash<qint64, VideoStatus>>::failure(ApiError::cancelled())); // signed out
        return {};
    }
    return m_backend->lookUpVideo(videoId, m_depth, context, std::move(done));
}

void AccountImporter::onListed(const Result<RemoteVideoList>& result) {
    m_importing = false;
    m_request = {};
    if (!m_backend)
        return;
    if (!result.ok()) {
        qCWarning(lcJobs).noquote()
            << "import: the account's videos could not be read:" << result.error.logText();
        Q_EMIT finished({}, result.error);
        return;
    }
    QList<Job> jobs;
    for (const RemoteVideo& video : result.value->videos) {
        if (m_store->knowsVideo(m_backend->family(), video.status.videoId))
            continue;
        if (std::optional<Job> job = importedJob(video))
            jobs << *job;
    }
    if (result.value->complete)
        markDeletedOnService(result.value->videos);
    else
        qCWarning(lcJobs) << "import: stopped at the safety bound of" << m_depth
                          << "videos; older ones are not shown";
    const Result<QList<Job>> added = m_store->importJobs(jobs);
    if (!added.ok()) {
        Q_EMIT finished({}, added.error);
        return;
    }
    qCInfo(lcJobs) << "import:" << result.value->videos.size() << "videos listed,"
                   << added.value->size() << "new";
    Q_EMIT finished(*added.value, {});
}

void AccountImporter::markDeletedOnService(const QList<RemoteVideo>& listed) {
    // The web family has no "deleted" status (§3.7): a video the service deleted leaves the
    // account's list. So a finished job of this account missing from a COMPLETE list is marked;
    // one that is listed again (the list was wrong once) loses the mark.
    QSet<qint64> present;
    for (const RemoteVideo& video : listed) {
        if (video.status.state != VideoState::Deleted)
            present.insert(video.status.videoId);
    }
    const ApiFamily family = m_backend->family();
    const QString account = m_backend->accountLabel();
    int marked = 0;
    for (Job job : m_store->jobs()) {
        if (job.state != JobState::Done || job.videoId == 0 || job.family != family ||
            job.account != account)
            continue;
        const bool gone = !present.contains(job.videoId);
        if (gone == job.deletedOnService)
            continue;
        if (gone) {
            applyServiceDeletion(job, job.videoFileExists());
            ++marked;
        } else {
            job.deletedOnService = false;
        }
        m_store->update(job);
    }
    if (marked > 0)
        qCInfo(lcJobs) << "import:" << marked << "finished videos are no longer on the account";
}

std::optional<Job> AccountImporter::importedJob(const RemoteVideo& video) const {
    const VideoStatus& status = video.status;
    if (status.videoId <= 0 || status.state == VideoState::Deleted)
        return std::nullopt;
    Job job;
    job.imported = true;
    job.family = m_backend->family();
    job.account = m_backend->accountLabel();
    job.videoId = status.videoId;
    job.rawStatus = status.rawStatus;
    // What the list says of its making; the rest keeps the defaults of a new request.
    GenerationRequest& r = job.request;
    r.prompt = video.prompt;
    r.negativePrompt = video.negativePrompt;
    if (!video.model.isEmpty())
        r.model = video.model;
    if (!video.quality.isEmpty())
        r.quality = video.quality;
    if (!video.aspectRatio.isEmpty())
        r.aspectRatio = video.aspectRatio;
    if (!video.motionMode.isEmpty())
        r.motionMode = video.motionMode;
    if (video.duration > 0)
        r.duration = video.duration;
    r.style = video.style;
    r.cameraMovement = video.cameraMovement;
    if (!video.imageUrl.isEmpty()) // the service's copy of the image; nothing to upload
        job.uploads.start = UploadedImage{0, video.imageUrl, {}, 0, 0};
    job.createdAt = video.createdAt.isValid() ? video.createdAt : QDateTime::currentDateTimeUtc();
    job.videoWidth = status.width;
    job.videoHeight = status.height;
    job.seed = status.seed;
    // Absent from older lists: such clips had no sound (no model before V6 made any).
    job.hasAudio = status.hasAudio.value_or(false);
    switch (status.state) {
    case VideoState::Succeeded:
        job.state = JobState::Done; // on the service; no file until the creator asks
        job.videoUrl = status.url;
        break;
    case VideoState::Pending:
    case VideoState::Unknown:
        job.state = JobState::Generating;
        job.generatingSince = job.createdAt;
        break;
    case VideoState::Moderated:
        job.state = JobState::Moderated;
        job.errorMessage = moderatedJobMessage();
        break;
    case VideoState::Failed:
    case VideoState::Deleted:
        job.state = JobState::Failed;
        job.errorMessage = failedJobMessage();
        break;
    }
    return job;
}

} // namespace pixverse
