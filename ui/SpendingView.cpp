#include "ui/SpendingView.h"

#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"
#include "core/jobs/OnThreadPool.h"
#include "core/ledger/LedgerSync.h"
#include "ui/SpendChart.h"
#include "ui/UiHelpers.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace pixverse {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;
//! The view opened again within this many seconds of a sync: no new sync.
constexpr int kResyncOnOpenSeconds = 60;

QLabel* boldLabel(QWidget* parent, double scale) {
    auto* label = new QLabel(parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(true);
    label->setFont(font);
    return label;
}

QTreeWidget* table(QWidget* parent, const char* name) {
    auto* tree = new QTreeWidget(parent);
    tree->setObjectName(QLatin1String(name));
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    tree->header()->setStretchLastSection(false);
    return tree;
}

QString creditsText(qint64 value) {
    return SpendingView::tr("%1 credits").arg(QLocale().toString(value));
}

//! "synced 2 minutes ago" from the seconds since.
QString agoText(qint64 seconds) {
    if (seconds < 60)
        return SpendingView::tr("synced just now");
    if (seconds < 3600)
        return SpendingView::tr("synced %n minute(s) ago", nullptr, int(seconds / 60));
    if (seconds < 86400)
        return SpendingView::tr("synced %n hour(s) ago", nullptr, int(seconds / 3600));
    return SpendingView::tr("synced %n day(s) ago", nullptr, int(seconds / 86400));
}

} // namespace

SpendingView::SpendingView(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("spendingView"));
    buildLayout();
    m_clock = new QTimer(this);
    m_clock->setInterval(30 * 1000);
    connect(m_clock, &QTimer::timeout, this, &SpendingView::updateSourceLine);
    retranslate();
    rebuild();
}

SpendingView::~SpendingView() = default;

void SpendingView::buildLayout() {
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_title = boldLabel(this, 1.3);
    m_title->setObjectName(QStringLiteral("spendTitle"));
    top->addWidget(m_title);
    top->addStretch(1);
    m_rangeBox = new QComboBox(this);
    m_rangeBox->setObjectName(QStringLiteral("spendRange"));
    for (int i = 0; i < 4; ++i)
        m_rangeBox->addItem(QString());
    m_rangeBox->setCurrentIndex(int(m_range));
    connect(m_rangeBox, &QComboBox::activated, this,
            [this](int index) { setRange(static_cast<Range>(index)); });
    top->addWidget(m_rangeBox);
    m_exportButton = new QPushButton(this);
    m_exportButton->setObjectName(QStringLiteral("spendExport"));
    connect(m_exportButton, &QPushButton::clicked, this, &SpendingView::exportCsv);
    top->addWidget(m_exportButton);
    layout->addLayout(top);

    auto* sourceRow = new QHBoxLayout;
    m_source = ui::hintLabel(QString(), this);
    m_source->setObjectName(QStringLiteral("spendSource"));
    sourceRow->addWidget(m_source, 1);
    m_syncButton = new QPushButton(this);
    m_syncButton->setObjectName(QStringLiteral("spendSyncNow"));
    m_syncButton->setFlat(true);
    connect(m_syncButton, &QPushButton::clicked, this, &SpendingView::syncNow);
    sourceRow->addWidget(m_syncButton);
    layout->addLayout(sourceRow);

    // The three totals side by side, each a caption over its figure.
    auto* totals = new QHBoxLayout;
    auto addTotal = [&](QLabel*& caption, QLabel*& figure, const char* name) {
        auto* column = new QVBoxLayout;
        caption = ui::hintLabel(QString(), this);
        figure = boldLabel(this, 1.5);
        figure->setObjectName(QLatin1String(name));
        figure->setTextInteractionFlags(Qt::TextSelectableByMouse);
        column->addWidget(caption);
        column->addWidget(figure);
        totals->addLayout(column, 1);
    };
    addTotal(m_deductedCaption, m_deducted, "spendDeducted");
    addTotal(m_refundedCaption, m_refunded, "spendRefunded");
    addTotal(m_netCaption, m_net, "spendNet");
    layout->addLayout(totals);

    m_chart = new SpendChart(this);
    layout->addWidget(m_chart, 3);

    m_modelsTitle = boldLabel(this, 1.0);
    layout->addWidget(m_modelsTitle);
    m_models = table(this, "spendModelTable");
    m_models->setColumnCount(5);
    layout->addWidget(m_models, 2);

    m_refundsTitle = boldLabel(this, 1.0);
    layout->addWidget(m_refundsTitle);
    m_refunds = table(this, "spendRefundsList");
    m_refunds->setColumnCount(4);
    connect(m_refunds, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (const qint64 job = item->data(0, kIdRole).toLongLong(); job > 0)
            Q_EMIT jobChosen(job);
    });
    layout->addWidget(m_refunds, 2);
}

void SpendingView::retranslate() {
    m_title->setText(tr("Spending"));
    const QStringList ranges = {tr("Last 7 days"), tr("Last 30 days"), tr("This month"),
                                tr("All time")};
    for (int i = 0; i < ranges.size(); ++i)
        m_rangeBox->setItemText(i, ranges.at(i));
    m_rangeBox->setToolTip(tr("The days counted"));
    m_exportButton->setText(tr("Export CSV…"));
    m_exportButton->setToolTip(tr("Save every deduction and refund of these days as a CSV file"));
    m_syncButton->setText(tr("Sync now"));
    m_syncButton->setToolTip(tr("Read PixVerse's ledger again"));
    m_deductedCaption->setText(tr("Deducted"));
    m_refundedCaption->setText(tr("Refunded"));
    m_netCaption->setText(tr("Net"));
    m_modelsTitle->setText(tr("By model"));
    m_models->setHeaderLabels(
        {tr("Model"), tr("Videos"), tr("Deducted"), tr("Refunded"), tr("Net")});
    m_refundsTitle->setText(tr("Refunds"));
    m_refunds->setHeaderLabels({tr("Date"), tr("Video"), tr("Credits"), tr("Job")});
    m_refunds->setToolTip(tr("Double-click a refund to find its job in the gallery"));
    // The figures stay, their words change.
    fillTotals();
    fillModels();
    fillRefunds();
    updateSourceLine();
}

void SpendingView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SpendingView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    updateSourceLine();
    m_clock->start();
    // Opening the view reads the ledger again, unless it just did.
    if (m_sync && !m_sync->isSyncing() &&
        (!m_lastSynced.isValid() ||
         m_lastSynced.secsTo(QDateTime::currentDateTimeUtc()) > kResyncOnOpenSeconds))
        syncNow();
}

void SpendingView::setSources(JobStore* store, LedgerSync* sync) {
    if (m_store)
        m_store->disconnect(this);
    if (m_sync)
        m_sync->disconnect(this);
    m_store = store;
    m_sync = sync;
    m_syncError.clear();
    m_lastSynced = {};
    ++m_ledgerVersion;
    if (store) {
        connect(store, &JobStore::ledgerChanged, this, [this] {
            ++m_ledgerVersion;
            scheduleRebuild();
        });
        // The sync point the store keeps stands for the last sync of an earlier run.
        const QString mark = store->storedValue(QStringLiteral("ledger/synced_until"));
        m_lastSynced = QDateTime::fromString(mark, Qt::ISODate);
    }
    if (sync)
        connect(sync, &LedgerSync::synced, this, &SpendingView::onSynced);
    updateSourceLine(); // where the figures come from, before they come
    rebuild();
    if (sync && isVisible())
        syncNow();
}

void SpendingView::setCatalog(const ModelCatalog* catalog) {
    m_catalog = catalog;
    fillModels();
}

void SpendingView::setRange(Range range) {
    m_range = range;
    m_rangeBox->setCurrentIndex(int(range));
    rebuild();
}

void SpendingView::setToday(const QDate& today) {
    m_today = today;
    rebuild();
}

QDate SpendingView::today() const {
    return m_today.isValid() ? m_today : QDate::currentDate();
}

std::pair<QDate, QDate> SpendingView::daysOf(Range range, const QDate& today, const QDate& first) {
    switch (range) {
    case Range::Last7Days:
        return {today.addDays(-6), today};
    case Range::Last30Days:
        return {today.addDays(-29), today};
    case Range::ThisMonth:
        return {QDate(today.year(), today.month(), 1), today};
    case Range::AllTime:
        break;
    }
    return {first.isValid() && first < today ? first : today, today};
}

void SpendingView::scheduleRebuild() {
    // A sync adds its pages one transaction at a time: one rebuild for a burst.
    m_reportPending = true;
    if (m_rebuildPending)
        return;
    m_rebuildPending = true;
    QTimer::singleShot(0, this, [this] {
        m_rebuildPending = false;
        rebuild();
    });
}

void SpendingView::rebuild() {
    const quint64 request = ++m_request;
    if (!m_store) {
        m_book.reset();
        m_bookVersion = 0;
        const auto [from, until] = daysOf(m_range, today(), {});
        showReport(SpendReport::build({}, from, until));
        return;
    }
    const LedgerEntry::Source source =
        m_sync ? LedgerEntry::Source::Service : LedgerEntry::Source::Local;
    const Range range = m_range;
    const QDate day = today();
    // The book is read again (every entry's local day: the costly part with a long ledger) only
    // when the ledger changed; a range alone is a slice of it. Both off the GUI thread.
    const quint64 version = m_ledgerVersion;
    std::shared_ptr<const SpendBook> book = m_bookVersion == version ? m_book : nullptr;
    // The store's mirror, filtered (cheap); the local days are the pool's.
    QList<LedgerEntry> ledger = book ? QList<LedgerEntry>() : m_store->ledgerEntries(source);
    struct Made {
        std::shared_ptr<const SpendBook> book;
        SpendReport report;
    };
    m_reportPending = true;
    onThreadPool<Made>(
        this,
        [book, ledger = std::move(ledger), range, day]() -> Made {
            Made made{book, {}};
            if (!made.book)
                made.book = std::make_shared<const SpendBook>(ledger);
            const auto [from, until] = daysOf(range, day, made.book->firstDay());
            made.report = made.book->report(from, until);
            return made;
        },
        [this, request, version](const Made& made) {
            if (request != m_request)
                return; // a newer range or ledger was asked for meanwhile
            m_book = made.book;
            m_bookVersion = version;
            showReport(made.report);
        });
}

void SpendingView::showReport(const SpendReport& report) {
    // A ledger change waiting for its rebuild: these figures are not the newest yet.
    m_reportPending = m_rebuildPending;
    m_report = report;
    m_chart->setDays(m_report.perDay, m_report.from, m_report.until);
    fillTotals();
    fillModels();
    fillRefunds();
    m_exportButton->setEnabled(!m_report.entries.isEmpty());
    updateSourceLine();
    Q_EMIT reportChanged();
}

void SpendingView::fillTotals() {
    m_deducted->setText(creditsText(m_report.deducted));
    m_refunded->setText(creditsText(m_report.refunded));
    m_net->setText(creditsText(m_report.net()));
}

QString SpendingView::modelName(const QString& key) const {
    if (key == QLatin1String("other"))
        return tr("Other");
    if (m_catalog) {
        if (const ModelSpec* spec = m_catalog->model(key))
            return spec->label;
    }
    return key;
}

void SpendingView::fillModels() {
    m_models->clear();
    const QLocale locale;
    QList<QTreeWidgetItem*> rows;
    for (const SpendLine& line : std::as_const(m_report.perModel)) {
        auto* row = new QTreeWidgetItem(
            {modelName(line.key), locale.toString(line.videos), locale.toString(line.deducted),
             locale.toString(line.refunded), locale.toString(line.net())});
        for (int column = 1; column < 5; ++column)
            row->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        row->setData(0, kIdRole, line.key);
        rows << row;
    }
    m_models->addTopLevelItems(rows);
    m_models->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < 5; ++column)
        m_models->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
}

void SpendingView::fillRefunds() {
    m_refunds->clear();
    const QLocale locale;
    QList<QTreeWidgetItem*> rows;
    // Newest first: the refund just seen is the one looked for.
    for (auto it = m_report.refunds.crbegin(); it != m_report.refunds.crend(); ++it) {
        const LedgerEntry& entry = *it;
        QString title = QStringLiteral("—");
        if (entry.jobId > 0 && m_store) {
            if (const std::optional<Job> job = m_store->job(entry.jobId))
                title = JobListModel::titleOf(*job);
        }
        auto* row = new QTreeWidgetItem(
            {locale.toString(entry.at.toLocalTime(), QLocale::ShortFormat),
             entry.videoId > 0 ? QString::number(entry.videoId) : QStringLiteral("—"),
             locale.toString(entry.credits), title});
        row->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        row->setData(0, kIdRole, entry.jobId);
        row->setToolTip(3, title);
        rows << row;
    }
    m_refunds->addTopLevelItems(rows);
    QHeaderView* header = m_refunds->header();
    for (int column = 0; column < 3; ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(3, QHeaderView::Stretch);
}

QString SpendingView::sourceText() const {
    if (!m_store)
        return tr("Sign in to see what you spent.");
    if (!m_sync)
        return tr("From this app's records (the website has no ledger)");
    QString when;
    if (m_sync->isSyncing())
        when = tr("syncing…");
    else if (!m_syncError.isEmpty())
        when = tr("not synced: %1").arg(m_syncError);
    else if (m_lastSynced.isValid())
        when = agoText(std::max<qint64>(0, m_lastSynced.secsTo(QDateTime::currentDateTimeUtc())));
    else
        when = tr("not synced yet");
    return tr("From PixVerse's ledger · %1").arg(when);
}

void SpendingView::updateSourceLine() {
    m_source->setText(sourceText());
    m_syncButton->setVisible(m_sync != nullptr);
    m_syncButton->setEnabled(m_sync && !m_sync->isSyncing());
}

void SpendingView::syncNow() {
    if (!m_sync)
        return;
    m_syncError.clear();
    m_sync->sync();
    updateSourceLine();
}

void SpendingView::onSynced(int /*added*/, const ApiError& error) {
    if (error.isError()) {
        m_syncError = error.userMessage();
    } else {
        m_syncError.clear();
        m_lastSynced = QDateTime::currentDateTimeUtc();
    }
    updateSourceLine();
}

void SpendingView::setSaveFileProvider(SaveFileProvider provider) {
    m_saveFileProvider = std::move(provider);
}

void SpendingView::exportCsv() {
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name =
        QStringLiteral("pixverse-spending-%1-%2.csv")
            .arg(m_report.from.toString(Qt::ISODate), m_report.until.toString(Qt::ISODate));
    const QString suggested = QDir(folder).filePath(name);
    const QString path = m_saveFileProvider
                             ? m_saveFileProvider(this, suggested)
                             : QFileDialog::getSaveFileName(this, tr("Export spending"), suggested,
                                                            tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    // The rows are made here (cheap), the disk is the pool's.
    const QByteArray csv = m_report.toCsv();
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        Q_EMIT exported(path, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([path, csv]() -> QString {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit())
            return file.errorString();
        return {};
    }));
}

} // namespace pixverse
