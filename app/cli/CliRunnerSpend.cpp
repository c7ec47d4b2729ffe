// `spend [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--json]` (issue 19): what the account spent.
// With a platform key, the service's own ledger (usage-detail, every page, ranges over 30 days
// in parts); a website account has no ledger call, so the app's job list of that account (its
// local ledger: what the app saw charged and refunded) is read instead.

#include "app/cli/CliRunner.h"
#include "core/backend/Backend.h"
#include "core/jobs/JobStore.h"
#include "core/ledger/SpendReport.h"
#include "core/ledger/UsageWalk.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QStandardPaths>

#include <memory>

namespace pixverse {

namespace {

//! Where the app keeps this account's job list (StudioApp::startJobEngine() names it so).
QString appAccountFolder(ApiFamily family, const QString& accountLabel, bool sandbox) {
    const QString account = QString::fromLatin1(
        QCryptographicHash::hash(accountLabel.toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/PixVerse Studio/PixVerse Studio/accounts/%1%2-%3")
               .arg(sandbox ? QStringLiteral("sandbox-") : QString(), apiFamilyId(family), account);
}

//! The ledger's items name no model: the jobs the app's list (and --out's) holds for their video
//! ids do. Entries of videos neither knows keep their creation type ("per model" says so).
void fillModels(QList<LedgerEntry>& entries, const QStringList& folders) {
    QHash<qint64, QString> models;
    for (const QString& folder : folders) {
        if (folder.isEmpty() || !QFileInfo::exists(folder))
            continue;
        JobStore store;
        if (!store.open(folder))
            continue;
        for (const Job& job : store.jobs()) {
            if (job.videoId != 0)
                models.insert(job.videoId, job.request.model);
        }
    }
    for (LedgerEntry& entry : entries) {
        if (entry.model.isEmpty())
            entry.model = models.value(entry.videoId);
    }
}

} // namespace

void CliRunner::runSpend() {
    if (m_backend->hasUsageLedger())
        spendFromService();
    else
        spendFromStore();
}

void CliRunner::spendFromService() {
    // Local days, asked of the service in UTC.
    const QDateTime from = m_options.spendSince.startOfDay().toUTC();
    const QDateTime until = m_options.spendUntil.addDays(1).startOfDay().addSecs(-1).toUTC();
    auto entries = std::make_shared<QList<LedgerEntry>>();
    UsageWalk::start(
        m_backend, from, until, this,
        [entries](const QList<UsageItem>& items, const QDateTime&) {
            for (const UsageItem& item : items)
                entries->append(serviceEntry(item));
        },
        [this, entries](const ApiError& error) {
            if (error.isError()) {
                fail(error);
                return;
            }
            const QString out =
                m_options.outDir.isEmpty()
                    ? QString()
                    : QDir(m_options.outDir).filePath(QStringLiteral(".pixverse-studio"));
            fillModels(*entries, {appAccountFolder(m_backend->family(), m_backend->accountLabel(),
                                                   m_sandbox != nullptr),
                                  out});
            printSpend(SpendReport::build(*entries, m_options.spendSince, m_options.spendUntil));
        });
}

void CliRunner::spendFromStore() {
    QString folder =
        appAccountFolder(m_backend->family(), m_backend->accountLabel(), m_sandbox != nullptr);
    if (!QFileInfo::exists(folder)) {
        if (m_options.outDir.isEmpty()) {
            fail(tr("This account keeps no ledger the CLI can read, and the app has no job list "
                    "for it here; give --out DIR to count a batch folder's jobs."),
                 ExitUsage);
            return;
        }
        folder = QDir(m_options.outDir).filePath(QStringLiteral(".pixverse-studio"));
    }
    JobStore store;
    if (!store.open(folder)) {
        fail(tr("Cannot open the job list in “%1”: %2.").arg(folder, store.errorString()),
             ExitUsage);
        return;
    }
    printSpend(SpendReport::build(store.ledgerEntries(LedgerEntry::Source::Local),
                                  m_options.spendSince, m_options.spendUntil));
}

void CliRunner::printSpend(const SpendReport& report) {
    if (m_options.json) {
        m_out << QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact) << Qt::endl;
        succeed();
        return;
    }
    m_out << tr("Spending from %1 to %2")
                 .arg(report.from.toString(Qt::ISODate), report.until.toString(Qt::ISODate))
          << Qt::endl;
    m_out << tr("Deductions: %1 credits").arg(report.deducted) << Qt::endl;
    m_out << tr("Refunds: %1 credits").arg(report.refunded) << Qt::endl;
    m_out << tr("Net: %1 credits").arg(report.net()) << Qt::endl;
    const auto printLines = [this](const QString& title, const QList<SpendLine>& lines) {
        if (lines.isEmpty())
            return;
        m_out << title << Qt::endl;
        for (const SpendLine& line : lines)
            m_out << tr("  %1: %2 deducted, %3 refunded, %4 net (%n video(s))", nullptr,
                        line.videos)
                         .arg(line.key)
                         .arg(line.deducted)
                         .arg(line.refunded)
                         .arg(line.net())
                  << Qt::endl;
    };
    printLines(tr("Per day:"), report.perDay);
    printLines(tr("Per model:"), report.perModel);
    succeed();
}

} // namespace pixverse
