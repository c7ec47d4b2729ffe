// The hot folder's watching: the watcher, the rescans and when a file counts as written.
#include "core/queue/HotFolder.h"

#include "core/jobs/JobEngine.h"
#include "core/jobs/OnThreadPool.h"

#include <QDir>
#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QtConcurrent>

#include <algorithm>

namespace pixverse {

Q_LOGGING_CATEGORY(lcHotFolder, "pixverse.hotfolder")

namespace {
//! Stable periods a regular file may fail to open (still locked by its writer elsewhere)
//! before it is refused with the reason.
constexpr int kUnopenablePeriods = 3;
} // namespace

HotFolder::HotFolder(JobEngine* engine, const ModelCatalog* catalog, ApiFamily family,
                     const PriceBook* prices, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_catalog(catalog)
    , m_family(family)
    , m_prices(prices) {
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &HotFolder::scan);
    connect(&m_rescan, &QTimer::timeout, this, &HotFolder::scan);
    connect(&m_settle, &QTimer::timeout, this, &HotFolder::scan);
}

HotFolder::~HotFolder() {
    // The thread pool's work reads the catalog and the options: let it end first.
    for (QFuture<void>& work : m_work)
        work.waitForFinished();
}

bool HotFolder::start(const HotFolderOptions& options) {
    stop();
    m_error.clear();
    if (!m_engine || !m_catalog) {
        m_error = tr("The hot folder needs a signed-in account.");
        return false;
    }
    if (options.folder.trimmed().isEmpty()) {
        m_error = tr("Choose the folder to watch.");
        return false;
    }
    m_options = options;
    m_options.folder = QDir(options.folder).absolutePath();
    if (!QDir().mkpath(m_options.folder) || !QFileInfo(m_options.folder).isWritable()) {
        m_error = tr("The folder “%1” cannot be used: it cannot be made or written to.")
                      .arg(QDir::toNativeSeparators(m_options.folder));
        return false;
    }
    if (!m_watcher.addPath(m_options.folder))
        qCWarning(lcHotFolder).noquote()
            << "no change notices for" << m_options.folder << "- rescans only";
    m_watching = true;
    m_clock.start();
    m_rescan.start(std::max(100, m_options.rescanMs));
    m_settle.setInterval(std::clamp(m_options.stableMs / 4, 20, 500));
    scan();
    return true;
}

void HotFolder::stop() {
    if (!m_watching)
        return;
    m_watching = false;
    ++m_run;
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_rescan.stop();
    m_settle.stop();
    m_listing = false;
    m_listAgain = false;
    m_seen.clear();
    m_ready.clear();
    m_waiting.clear();
    m_stuck.clear();
    // A file being queued still finishes: its jobs are stored, then it moves to done/.
}

void HotFolder::setClock(std::function<QDateTime()> now) {
    m_now = std::move(now);
}

QDateTime HotFolder::now() const {
    return m_now ? m_now() : QDateTime::currentDateTime();
}

void HotFolder::scan() {
    if (!m_watching)
        return;
    if (m_listing) {
        m_listAgain = true;
        return;
    }
    m_listing = true;
    const int run = m_run;
    using Listing = Crossing<QList<hotfolder::FileFacts>>;
    auto* watcher = new QFutureWatcher<Listing>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, run] {
        watcher->deleteLater();
        if (run == m_run)
            onListed(watcher->result().value());
    });
    const QFuture<Listing> listing =
        runOnPool([folder = m_options.folder] { return hotfolder::listCandidates(folder); });
    m_work.removeIf([](const QFuture<void>& work) { return work.isFinished(); });
    m_work << QFuture<void>(listing);
    watcher->setFuture(listing);
}

bool HotFolder::settled(const hotfolder::FileFacts& facts, qint64 nowMs, bool* waiting) {
    if (const auto stuck = m_stuck.constFind(facts.path); stuck != m_stuck.cend()) {
        if (stuck->size == facts.size && stuck->modified == facts.modified)
            return false; // could not be moved away: not again until it changes
        m_stuck.erase(stuck);
    }
    auto seen = m_seen.find(facts.path);
    if (seen == m_seen.end() || seen->size != facts.size || seen->modified != facts.modified) {
        // New, or still being written: the count starts again.
        Seen fresh;
        fresh.size = facts.size;
        fresh.modified = facts.modified;
        fresh.sameSinceMs = nowMs;
        m_seen.insert(facts.path, fresh);
        *waiting = true;
        return false;
    }
    if (nowMs - seen->sameSinceMs < m_options.stableMs) {
        *waiting = true;
        return false;
    }
    if (facts.regular && !facts.openable && ++seen->unopenable < kUnopenablePeriods) {
        seen->sameSinceMs = nowMs; // its writer may still hold it: another stable period
        *waiting = true;
        return false;
    }
    m_seen.erase(seen);
    return true;
}

void HotFolder::onListed(const QList<hotfolder::FileFacts>& files) {
    m_listing = false;
    const qint64 nowMs = m_clock.elapsed();
    QSet<QString> present;
    bool waiting = false;
    for (const hotfolder::FileFacts& facts : files) {
        present.insert(facts.path);
        if (facts.path == m_current || m_ready.contains(facts.path))
            continue;
        // Held by the daily cap: asked again (without reading) while it stays the same.
        if (const auto held = m_waiting.constFind(facts.path); held != m_waiting.cend()) {
            if (held->size == facts.size && held->modified == facts.modified) {
                m_ready << facts.path;
                continue;
            }
            m_waiting.erase(held);
        }
        if (settled(facts, nowMs, &waiting))
            m_ready << facts.path;
    }
    // Gone (moved or deleted by someone else): forgotten.
    for (auto it = m_seen.begin(); it != m_seen.end();)
        it = present.contains(it.key()) ? std::next(it) : m_seen.erase(it);
    m_waiting.removeIf([&present](const auto& it) { return !present.contains(it.key()); });
    m_stuck.removeIf([&present](const auto& it) { return !present.contains(it.key()); });
    if (waiting)
        m_settle.start();
    else
        m_settle.stop();
    if (m_listAgain) {
        m_listAgain = false;
        scan();
    }
    takeNext();
}

} // namespace pixverse
