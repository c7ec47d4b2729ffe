// The hot folder's taking of a file: read and hashed on the thread pool, checked against what
// the store already holds and the daily cap, queued in one transaction, moved away.
#include "core/backend/PriceBook.h"
#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobStore.h"
#include "core/queue/HotFolder.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QLoggingCategory>
#include <QtConcurrent>

namespace pixverse {

Q_DECLARE_LOGGING_CATEGORY(lcHotFolder)

namespace {

QString originPrefix(const QString& fingerprint) {
    return QStringLiteral("hot:%1#").arg(fingerprint);
}

} // namespace

PriceQuote HotFolder::quote(const GenerationRequest& request) const {
    return m_prices ? m_prices->quote(request) : quotePrice(request, *m_catalog, m_family);
}

qint64 HotFolder::creditsToday() const {
    if (!m_engine)
        return 0;
    const QDate today = now().date();
    qint64 sum = 0;
    for (const Job& job : m_engine->store()->jobsWithOrigin(QStringLiteral("hot:"))) {
        if (job.createdAt.toLocalTime().date() != today)
            continue;
        if (job.credits)
            sum += *job.credits - job.refundedCredits; // what the service said it charged
        else if (!isTerminal(job.state))
            sum += quote(job.request).credits.value_or(0); // on its way
        // Ended without a charge (cancelled, refused before it was made): nothing.
    }
    return sum;
}

void HotFolder::takeNext() {
    if (!m_current.isEmpty() || m_ready.isEmpty() || !m_engine)
        return;
    m_current = m_ready.takeFirst();
    if (const auto held = m_waiting.constFind(m_current); held != m_waiting.cend()) {
        const hotfolder::FileRead read = *held;
        queueOrWait(read);
        return;
    }
    const int run = m_run;
    auto* watcher = new QFutureWatcher<hotfolder::FileRead>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, run] {
        watcher->deleteLater();
        const hotfolder::FileRead read = watcher->result();
        if (run != m_run) { // stopped meanwhile: taken again, if it stays, by the next run
            if (m_current == read.path)
                m_current.clear();
            takeNext();
            return;
        }
        onRead(read);
    });
    const QFuture<hotfolder::FileRead> reading =
        QtConcurrent::run(hotfolder::readFile, m_current, m_options.defaults, std::cref(*m_catalog),
                          m_family, m_options.whileReading);
    m_work.removeIf([](const QFuture<void>& work) { return work.isFinished(); });
    m_work << QFuture<void>(reading);
    watcher->setFuture(reading);
}

void HotFolder::onRead(const hotfolder::FileRead& read) {
    if (read.changedWhileRead) {
        // Still being written: no refusal, nothing queued; taken once it is stable again.
        qCInfo(lcHotFolder).noquote()
            << QFileInfo(read.path).fileName() << "changed while it was read; it waits";
        m_seen.remove(read.path);
        finishCurrent();
        scan();
        return;
    }
    if (!read.refusal.isEmpty()) {
        moveCurrent(refusedFolderName(), read.refusal);
        return;
    }
    // Queued before, in this run or another (the app or the CLI quit before it moved).
    if (!m_engine->store()->jobsWithOrigin(originPrefix(read.fingerprint)).isEmpty()) {
        Q_EMIT fileAlreadyTaken(QFileInfo(read.path).fileName());
        moveCurrent(doneFolderName(), {});
        return;
    }
    queueOrWait(read);
}

void HotFolder::queueOrWait(const hotfolder::FileRead& read) {
    hotfolder::FileRead priced = read;
    priceBatch(priced.contents, [this](const GenerationRequest& r) { return quote(r); });
    const PriceQuote total = priced.contents.total();
    m_waiting.remove(read.path);
    if (!m_options.dailyCredits) {
        queueFile(priced, total.credits.value_or(-1));
        return;
    }
    if (!total.known()) {
        moveCurrent(refusedFolderName(),
                    tr("Its price is not known, so the hot folder's daily cap could not be "
                       "kept."));
        return;
    }
    const qint64 cap = *m_options.dailyCredits;
    const qint64 spent = creditsToday();
    if (spent + *total.credits <= cap) {
        queueFile(priced, *total.credits);
        return;
    }
    // Held until it fits: tomorrow, or after refunds. Said once a day.
    m_waiting.insert(read.path, read);
    const QDate today = now().date();
    if (m_capToldOn != today) {
        m_capToldOn = today;
        const QLocale locale;
        Q_EMIT capReached(
            tr("The hot folder's daily cap of %1 credits is reached (%2 spent today; “%3” would "
               "cost %4). Its files wait until tomorrow.")
                .arg(locale.toString(cap), locale.toString(spent), QFileInfo(read.path).fileName(),
                     total.text()));
    }
    finishCurrent();
}

void HotFolder::queueFile(const hotfolder::FileRead& read, qint64 credits) {
    QList<GenerationRequest> requests;
    QStringList origins;
    QStringList refused;
    for (qsizetype i = 0; i < read.contents.entries.size(); ++i) {
        const BatchEntry& entry = read.contents.entries[i];
        if (!entry.accepted()) {
            refused << tr("%1: %2").arg(entry.source, entry.refusal);
            continue;
        }
        requests << entry.request;
        origins << originPrefix(read.fingerprint) + QString::number(i + 1);
    }
    const QString name = QFileInfo(read.path).fileName();
    m_engine->enqueueManyAsync(requests, origins, this,
                               [this, name, credits, refused](const Result<QList<Job>>& added) {
                                   if (!added.ok()) {
                                       moveCurrent(refusedFolderName(), added.error.userMessage());
                                       return;
                                   }
                                   Q_EMIT fileQueued(name, int(added.value->size()), credits);
                                   if (!refused.isEmpty())
                                       Q_EMIT entriesRefused(name, refused);
                                   moveCurrent(doneFolderName(), {});
                               });
}

void HotFolder::moveCurrent(const QString& subfolder, const QString& reason) {
    const QString path = m_current;
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path, reason] {
        watcher->deleteLater();
        const QString error = watcher->result();
        const QString name = QFileInfo(path).fileName();
        if (!error.isEmpty()) {
            // Left where it is, not taken again until it changes (its jobs are stored).
            qCWarning(lcHotFolder).noquote() << error;
            const QFileInfo info(path);
            m_stuck.insert(path, Seen{info.size(), info.lastModified(), 0, 0});
        }
        if (!reason.isEmpty())
            Q_EMIT fileRefused(name, reason);
        finishCurrent();
    });
    const QFuture<QString> moving = QtConcurrent::run([path, subfolder, reason] {
        QString error;
        if (reason.isEmpty())
            hotfolder::moveInto(path, subfolder, &error);
        else
            hotfolder::refuse(path, subfolder, reason, &error);
        return error;
    });
    m_work.removeIf([](const QFuture<void>& work) { return work.isFinished(); });
    m_work << QFuture<void>(moving);
    watcher->setFuture(moving);
}

void HotFolder::finishCurrent() {
    m_current.clear();
    if (m_watching)
        takeNext();
}

} // namespace pixverse
