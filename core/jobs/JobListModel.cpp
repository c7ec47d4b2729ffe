#include "core/jobs/JobListModel.h"

#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobStore.h"

#include <QFileInfo>
#include <QMimeData>
#include <QSize>
#include <QUrl>

#include <algorithm>

namespace pixverse {

namespace {

QString elapsedText(qint64 ms) {
    const qint64 seconds = std::max<qint64>(0, ms / 1000);
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds / 60) % 60;
    const qint64 s = seconds % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QString excerpt(const QString& prompt, int length) {
    const QString text = prompt.simplified();
    if (text.size() <= length)
        return text;
    qsizetype cut = text.lastIndexOf(u' ', length - 1);
    if (cut < length / 2)
        cut = length - 1;
    QString out = text.left(cut);
    if (!out.isEmpty() && out.back().isHighSurrogate())
        out.chop(1);
    return out + QChar(0x2026); // …
}

QString modelLabel(const ModelCatalog& catalog, const QString& id) {
    if (const ModelSpec* spec = catalog.model(id)) {
        QString label = spec->label;
        if (label.startsWith(QLatin1String("PixVerse ")))
            label = label.mid(9);
        if (!label.isEmpty())
            return label;
    }
    if (id.isEmpty())
        return id;
    return id.at(0).toUpper() + id.mid(1);
}

std::optional<int> costOf(const ModelCatalog& catalog, const Job& job) {
    if (job.credits)
        return job.credits;
    return catalog.creditCost(job.request);
}

bool ticks(JobState state) {
    return holdsSlot(state);
}

} // namespace

JobListModel::JobListModel(JobStore* store, QObject* parent)
    : QAbstractListModel(parent)
    , m_now([] { return QDateTime::currentDateTimeUtc(); }) {
    m_ticker.setInterval(m_elapsedIntervalMs);
    connect(&m_ticker, &QTimer::timeout, this, &JobListModel::refreshElapsed);
    setStore(store);
}

JobListModel::~JobListModel() = default;

void JobListModel::setStore(JobStore* store) {
    if (m_store == store && store)
        return;
    for (const QMetaObject::Connection& connection : std::as_const(m_storeConnections))
        disconnect(connection);
    m_storeConnections.clear();
    m_store = store;
    if (m_store) {
        m_storeConnections << connect(m_store, &QObject::destroyed, this,
                                      [this] { setStore(nullptr); });
        m_storeConnections << connect(m_store, &JobStore::jobAdded, this, &JobListModel::onAdded);
        m_storeConnections << connect(m_store, &JobStore::jobChanged, this,
                                      &JobListModel::onChanged);
        m_storeConnections << connect(m_store, &JobStore::jobRemoved, this,
                                      &JobListModel::onRemoved);
    }
    const int runningBefore = runningCount();
    reload();
    Q_EMIT countsChanged();
    if (const int running = runningCount(); running != runningBefore)
        Q_EMIT runningCountChanged(running);
}

void JobListModel::setEngine(JobEngine* engine) {
    for (const QMetaObject::Connection& connection : std::as_const(m_engineConnections))
        disconnect(connection);
    m_engineConnections.clear();
    if (engine) {
        m_engineConnections << connect(engine, &JobEngine::downloadProgress, this,
                                       &JobListModel::setDownloadProgress);
        m_engineConnections << connect(engine, &JobEngine::uploadProgress, this,
                                       &JobListModel::setUploadProgress);
    }
}

void JobListModel::reload() {
    beginResetModel();
    m_rows.clear();
    m_createdMs.clear();
    m_states.clear();
    m_running.clear();
    m_progress.clear();
    m_counts.fill(0);
    if (m_store) {
        const int count = m_store->jobCount();
        m_rows.reserve(count);
        m_createdMs.reserve(count);
        m_states.reserve(count);
        m_store->forEachJob([this](const Job& job) {
            const Row row{keyOf(job), job.id};
            m_rows.append(row);
            m_createdMs.insert(job.id, row.createdMs);
            m_states.insert(job.id, job.state);
            ++m_counts[static_cast<size_t>(job.state)];
            if (ticks(job.state))
                m_running.insert(job.id);
        });
        std::sort(m_rows.begin(), m_rows.end(), &JobListModel::before);
    }
    endResetModel();
    updateTicker();
}

int JobListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

qint64 JobListModel::jobId(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int JobListModel::insertionRow(const Row& row) const {
    return static_cast<int>(
        std::lower_bound(m_rows.cbegin(), m_rows.cend(), row, &JobListModel::before) -
        m_rows.cbegin());
}

int JobListModel::rowOf(qint64 jobId) const {
    const auto key = m_createdMs.constFind(jobId);
    if (key == m_createdMs.cend())
        return -1;
    const int row = insertionRow(Row{*key, jobId});
    return row < m_rows.size() && m_rows.at(row).id == jobId ? row : -1;
}

QModelIndex JobListModel::indexOf(qint64 jobId) const {
    const int row = rowOf(jobId);
    return row < 0 ? QModelIndex() : index(row, 0);
}

int JobListModel::count(JobState state) const {
    return m_counts.at(static_cast<size_t>(state));
}

int JobListModel::count(const QList<JobState>& states) const {
    int n = 0;
    for (const JobState state : states)
        n += count(state);
    return n;
}

int JobListModel::runningCount() const {
    int n = 0;
    for (int i = 0; i < kStateCount; ++i) {
        if (!isTerminal(static_cast<JobState>(i)))
            n += m_counts.at(static_cast<size_t>(i));
    }
    return n;
}

QString JobListModel::stateText(JobState state) {
    switch (state) {
    case JobState::Queued:
        return tr("Queued");
    case JobState::Uploading:
        return tr("Uploading");
    case JobState::Submitting:
        return tr("Starting");
    case JobState::Generating:
        return tr("Generating");
    case JobState::Downloading:
        return tr("Downloading");
    case JobState::Done:
        return tr("Done");
    case JobState::Failed:
        return tr("Failed");
    case JobState::Moderated:
        return tr("Moderated");
    case JobState::Cancelled:
        return tr("Cancelled");
    case JobState::Deleted:
        return tr("Deleted");
    }
    return {};
}

QString JobListModel::deletedOnServiceText() {
    return tr("Deleted on PixVerse");
}

QString JobListModel::durationText(int seconds) {
    return tr("%1 s").arg(seconds);
}

qint64 JobListModel::elapsedMs(const Job& job) const {
    const QDateTime start = job.generatingSince.isValid() ? job.generatingSince : job.createdAt;
    if (!start.isValid())
        return 0;
    return std::max<qint64>(0, start.msecsTo(m_now()));
}

QString JobListModel::statusText(const Job& job) const {
    switch (job.state) {
    case JobState::Uploading:
        if (const int perMille = m_progress.value(job.id, -1); perMille >= 0)
            return tr("Uploading %1%").arg(perMille / 10);
        [[fallthrough]];
    case JobState::Submitting:
    case JobState::Generating: {
        const QString text = tr("%1 %2").arg(stateText(job.state), elapsedText(elapsedMs(job)));
        return job.stalled ? tr("%1 (slow)").arg(text) : text;
    }
    case JobState::Downloading: {
        const int perMille = m_progress.value(job.id, -1);
        return perMille < 0 ? stateText(job.state) : tr("Downloading %1%").arg(perMille / 10);
    }
    case JobState::Done:
        // Deleted on the service and never saved here: nothing is left anywhere.
        if (job.deletedOnService && job.videoPath.isEmpty())
            return stateText(JobState::Deleted);
        // An imported video not saved yet: it is there, one "Download" away.
        return job.imported && job.isOnServiceOnly() ? tr("On PixVerse") : stateText(job.state);
    default:
        return stateText(job.state);
    }
}

QVariant JobListModel::data(const QModelIndex& index, int role) const {
    if (!m_store ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qint64 id = m_rows.at(index.row()).id;
    if (role == IdRole)
        return id;
    const Job* found = m_store->find(id);
    if (!found)
        return {};
    const Job& job = *found;
    switch (role) {
    case Qt::DisplayRole:
    case PromptExcerptRole:
        return excerpt(titleOf(job), kExcerptLength);
    case Qt::ToolTipRole: {
        QString tip = job.request.prompt;
        if (job.deletedOnService && job.state == JobState::Done)
            tip += QStringLiteral("\n\n") + deletedOnServiceText();
        if (!job.errorMessage.isEmpty())
            tip += QStringLiteral("\n\n") + job.errorMessage;
        return tip;
    }
    case JobRole:
        return QVariant::fromValue(job);
    case StateRole:
        return static_cast<int>(job.state);
    case StateTextRole:
        return stateText(job.state);
    case StatusTextRole:
        return statusText(job);
    case ElapsedRole:
        if (ticks(job.state) || job.state == JobState::Downloading)
            return elapsedMs(job);
        return {};
    case ProgressRole:
        if (job.state != JobState::Downloading && job.state != JobState::Uploading)
            return {};
        if (const int perMille = m_progress.value(job.id, -1); perMille >= 0)
            return perMille / 1000.0;
        return -1.0;
    case PromptRole:
        return job.request.prompt;
    case ModelRole:
        return job.request.model;
    case ModelLabelRole:
        return modelLabel(*m_catalog, job.request.model);
    case QualityRole:
        return job.request.quality;
    case DurationRole:
        return job.request.duration;
    case SettingsTextRole:
        return settingsTextOf(job, *m_catalog);
    case CostRole:
        if (const std::optional<int> cost = costOf(*m_catalog, job))
            return *cost;
        return {};
    case CostTextRole:
        if (const std::optional<int> cost = costOf(*m_catalog, job))
            return *cost == 1 ? tr("1 credit") : tr("%1 credits").arg(*cost);
        return QString();
    case ErrorRole:
        return job.errorMessage;
    case VideoPathRole:
        return job.videoPath;
    case ThumbnailPathRole:
        return job.thumbnailPath;
    case FavouriteRole:
        return job.favourite;
    case CreatedAtRole:
        return job.createdAt;
    case ImageToVideoRole:
        return job.isImageToVideo();
    case RequestRole:
        return QVariant::fromValue(job.request);
    case VideoSizeRole:
        return job.videoWidth > 0 && job.videoHeight > 0 ? QSize(job.videoWidth, job.videoHeight)
                                                         : QSize();
    case StalledRole:
        return job.stalled;
    case ImportedRole:
        return job.imported;
    case OnServiceOnlyRole:
        return job.isOnServiceOnly();
    default:
        return markData(job, role);
    }
}

QVariant JobListModel::markData(const Job& job, int role) const {
    switch (role) {
    case DurationTextRole:
        return durationText(shownSeconds(job));
    case ModeTextRole:
        return generationModeLabel(job.request.mode);
    case HasAudioRole:
        return job.hasAudio;
    case DeletedOnServiceRole:
        return job.deletedOnService;
    case DeletedNoteRole:
        return job.deletedOnService ? deletedOnServiceText() : QString();
    case ParentIdRole:
        return job.request.parentJobId;
    case ParentTextRole: {
        if (job.request.parentJobId == 0)
            return QString();
        const std::optional<Job> parent = m_store->job(job.request.parentJobId);
        return parentText(parent ? &*parent : nullptr);
    }
    default:
        return libraryData(job, role);
    }
}

QVariant JobListModel::libraryData(const Job& job, int role) const {
    switch (role) {
    case GroupIdRole:
        return job.groupId;
    case TakeIndexRole:
        return job.takeIndex;
    case GroupSizeRole:
        return job.groupId == 0 ? 1 : int(m_store->group(job.groupId).size());
    case RatingRole:
        return job.rating;
    case RejectedRole:
        return job.rejected;
    case PickedRole:
        return job.picked;
    case TagsRole:
        return job.tags;
    case BoardsRole:
        return QVariant::fromValue(job.boards);
    default:
        return {};
    }
}

QHash<int, QByteArray> JobListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "jobId"},
                  {JobRole, "job"},
                  {StateRole, "state"},
                  {StateTextRole, "stateText"},
                  {StatusTextRole, "statusText"},
                  {ElapsedRole, "elapsed"},
                  {ProgressRole, "progress"},
                  {PromptRole, "prompt"},
                  {PromptExcerptRole, "promptExcerpt"},
                  {ModelRole, "model"},
                  {ModelLabelRole, "modelLabel"},
                  {QualityRole, "quality"},
                  {DurationRole, "duration"},
                  {SettingsTextRole, "settingsText"},
                  {CostRole, "cost"},
                  {CostTextRole, "costText"},
                  {ErrorRole, "error"},
                  {VideoPathRole, "videoPath"},
                  {ThumbnailPathRole, "thumbnailPath"},
                  {FavouriteRole, "favourite"},
                  {CreatedAtRole, "createdAt"},
                  {ImageToVideoRole, "imageToVideo"},
                  {RequestRole, "request"},
                  {VideoSizeRole, "videoSize"},
                  {StalledRole, "stalled"},
                  {ImportedRole, "imported"},
                  {OnServiceOnlyRole, "onServiceOnly"},
                  {DeletedOnServiceRole, "deletedOnService"},
                  {DeletedNoteRole, "deletedNote"},
                  {HasAudioRole, "hasAudio"},
                  {DurationTextRole, "durationText"},
                  {ModeTextRole, "modeText"},
                  {ParentIdRole, "parentId"},
                  {ParentTextRole, "parentText"},
                  {GroupIdRole, "groupId"},
                  {TakeIndexRole, "takeIndex"},
                  {GroupSizeRole, "groupSize"},
                  {RatingRole, "rating"},
                  {RejectedRole, "rejected"},
                  {PickedRole, "picked"},
                  {TagsRole, "tags"},
                  {BoardsRole, "boards"}});
    return names;
}

Qt::ItemFlags JobListModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags flags = QAbstractListModel::flags(index);
    if (!index.isValid() || !m_store)
        return flags;
    flags |= Qt::ItemNeverHasChildren;
    const qint64 id = m_rows.at(index.row()).id;
    if (m_states.value(id) == JobState::Done) {
        if (const std::optional<Job> job = m_store->job(id); job && !job->videoPath.isEmpty())
            flags |= Qt::ItemIsDragEnabled;
    }
    return flags;
}

QStringList JobListModel::mimeTypes() const {
    return {QStringLiteral("text/uri-list"), jobIdsMimeType()};
}

Qt::DropActions JobListModel::supportedDragActions() const {
    return Qt::CopyAction;
}

QMimeData* JobListModel::mimeData(const QModelIndexList& indexes) const {
    if (!m_store)
        return nullptr;
    QList<QUrl> urls;
    QStringList ids;
    QList<int> rows;
    for (const QModelIndex& index : indexes) {
        if (index.isValid() && index.model() == this && !rows.contains(index.row()))
            rows << index.row();
    }
    std::sort(rows.begin(), rows.end());
    for (const int row : std::as_const(rows)) {
        const std::optional<Job> job = m_store->job(m_rows.at(row).id);
        if (!job)
            continue;
        ids << QString::number(job->id);
        if (job->state == JobState::Done && !job->videoPath.isEmpty())
            urls << QUrl::fromLocalFile(job->videoPath);
    }
    if (ids.isEmpty())
        return nullptr;
    auto* mime = new QMimeData;
    if (!urls.isEmpty())
        mime->setUrls(urls);
    mime->setData(jobIdsMimeType(), ids.join(u',').toLatin1());
    return mime;
}

void JobListModel::track(qint64 id, std::optional<JobState> before, std::optional<JobState> after) {
    if (before == after)
        return;
    const int runningBefore = runningCount();
    if (before)
        --m_counts[static_cast<size_t>(*before)];
    if (after) {
        ++m_counts[static_cast<size_t>(*after)];
        m_states.insert(id, *after);
    } else {
        m_states.remove(id);
    }
    if (after && ticks(*after))
        m_running.insert(id);
    else
        m_running.remove(id);
    m_progress.remove(id); // upload and download progress belong to one state each
    updateTicker();
    Q_EMIT countsChanged();
    if (const int running = runningCount(); running != runningBefore)
        Q_EMIT runningCountChanged(running);
}

void JobListModel::onAdded(qint64 id) {
    const std::optional<Job> job = m_store ? m_store->job(id) : std::nullopt;
    if (!job || m_createdMs.contains(id))
        return;
    const Row row{keyOf(*job), id};
    const int at = insertionRow(row);
    beginInsertRows({}, at, at);
    m_rows.insert(at, row);
    m_createdMs.insert(id, row.createdMs);
    endInsertRows();
    track(id, std::nullopt, job->state);
}

void JobListModel::onChanged(qint64 id) {
    const std::optional<Job> job = m_store ? m_store->job(id) : std::nullopt;
    if (!job)
        return;
    const int from = rowOf(id);
    if (from < 0) {
        onAdded(id);
        return;
    }
    const qint64 key = keyOf(*job);
    if (key != m_rows.at(from).createdMs) {
        // The creation time changed (an import corrected it): the row moves to its new place.
        Row row{key, id};
        QList<Row> without = m_rows;
        without.removeAt(from);
        const int to = static_cast<int>(
            std::lower_bound(without.cbegin(), without.cend(), row, &JobListModel::before) -
            without.cbegin());
        if (to != from) {
            beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
            m_rows = without;
            m_rows.insert(to, row);
            m_createdMs.insert(id, key);
            endMoveRows();
        } else {
            m_rows[from].createdMs = key;
            m_createdMs.insert(id, key);
        }
        const QModelIndex at = index(to, 0);
        Q_EMIT dataChanged(at, at);
    } else {
        const QModelIndex at = index(from, 0);
        Q_EMIT dataChanged(at, at);
    }
    track(id, m_states.value(id), job->state);
}

void JobListModel::onRemoved(qint64 id) {
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_createdMs.remove(id);
    endRemoveRows();
    track(id, m_states.value(id), std::nullopt);
    // Its children stay; their link now says the take was removed.
    for (int i = 0; i < m_rows.size(); ++i) {
        const std::optional<Job> child = m_store ? m_store->job(m_rows.at(i).id) : std::nullopt;
        if (child && child->request.parentJobId == id)
            Q_EMIT dataChanged(index(i), index(i), {ParentTextRole});
    }
}

QString JobListModel::titleOf(const Job& job) {
    const GenerationRequest& request = job.request;
    const QString prompt = request.prompt.simplified();
    if (request.mode == GenerationMode::LipSync) {
        if (!request.speechText.isEmpty())
            return tr("“%1” spoken").arg(request.speechText.simplified());
        if (!request.audioPath.isEmpty())
            return tr("Speech from %1").arg(QFileInfo(request.audioPath).fileName());
    }
    if (usesTemplatePrompt(request)) // an effect without words of its own
        return request.templateName.simplified();
    if (!prompt.isEmpty())
        return prompt;
    if (request.mode == GenerationMode::SoundEffect)
        return tr("Sound chosen by PixVerse");
    if (request.mode == GenerationMode::TextToVideo || request.mode == GenerationMode::ImageToVideo)
        return QString();
    return generationModeLabel(request.mode);
}

QString JobListModel::settingsTextOf(const Job& job, const ModelCatalog& catalog) {
    return tr("%1 · %2 · %3")
        .arg(modelLabel(catalog, job.request.model), job.request.quality,
             durationText(job.request.duration));
}

int JobListModel::shownSeconds(const Job& job) {
    switch (job.request.mode) {
    case GenerationMode::Extend:
    case GenerationMode::Upscale:
    case GenerationMode::SoundEffect:
    case GenerationMode::LipSync:
        if (job.videoSeconds > 0)
            return std::max(1, qRound(job.videoSeconds));
        if (job.request.mode != GenerationMode::Extend && job.request.sourceSeconds > 0)
            return std::max(1, qRound(job.request.sourceSeconds));
        break;
    default:
        break;
    }
    return job.request.duration;
}

QString JobListModel::parentText(const Job* parent) {
    if (!parent)
        return tr("from a removed take");
    const QString words = titleOf(*parent);
    const QString modeLabel = generationModeLabel(parent->request.mode);
    if (words.isEmpty() || words == modeLabel)
        return tr("from %1").arg(modeLabel);
    return tr("from “%1”").arg(words.size() <= 40 ? words : words.left(39) + QChar(0x2026));
}

void JobListModel::setDownloadProgress(qint64 jobId, qint64 received, qint64 total) {
    setProgress(jobId, received, total);
}

void JobListModel::setUploadProgress(qint64 jobId, qint64 sent, qint64 total) {
    setProgress(jobId, sent, total);
}

void JobListModel::setProgress(qint64 jobId, qint64 received, qint64 total) {
    const int row = rowOf(jobId);
    if (row < 0)
        return;
    const int perMille =
        total > 0 ? static_cast<int>(std::clamp<qint64>(received * 1000 / total, 0, 1000)) : -1;
    const int before = m_progress.value(jobId, -2);
    m_progress.insert(jobId, perMille);
    const bool shownChanged =
        (before < 0 || perMille < 0) ? before != perMille : before / 10 != perMille / 10;
    if (shownChanged) {
        const QModelIndex at = index(row, 0);
        Q_EMIT dataChanged(at, at, {ProgressRole, StatusTextRole});
    }
}

void JobListModel::refreshElapsed() {
    for (const qint64 id : std::as_const(m_running)) {
        const int row = rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex at = index(row, 0);
        Q_EMIT dataChanged(at, at, {ElapsedRole, StatusTextRole});
    }
}

void JobListModel::setClock(std::function<QDateTime()> now) {
    m_now = now ? std::move(now) : [] { return QDateTime::currentDateTimeUtc(); };
}

void JobListModel::setElapsedInterval(int ms) {
    m_elapsedIntervalMs = std::max(0, ms);
    if (m_elapsedIntervalMs > 0)
        m_ticker.setInterval(m_elapsedIntervalMs);
    updateTicker();
}

void JobListModel::updateTicker() {
    const bool wanted = m_elapsedIntervalMs > 0 && !m_running.isEmpty();
    if (wanted && !m_ticker.isActive())
        m_ticker.start();
    else if (!wanted && m_ticker.isActive())
        m_ticker.stop();
}

} // namespace pixverse
