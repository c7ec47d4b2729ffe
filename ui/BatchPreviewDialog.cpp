#include "ui/BatchPreviewDialog.h"

#include "core/generation/ModelCatalog.h"
#include "core/jobs/Job.h"
#include "core/jobs/JobListModel.h"
#include "ui/UiHelpers.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace pixverse {

namespace {

enum Column { NumberColumn, SourceColumn, WhatColumn, SettingsColumn, PriceColumn, StatusColumn };

QTableWidgetItem* cell(const QString& text, const QString& toolTip = {}) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setToolTip(toolTip.isEmpty() ? text : toolTip);
    return item;
}

//! The file names of the request's images, in order ("dawn_start.png → dawn_end.png").
QString imageNames(const GenerationRequest& request) {
    QStringList names;
    for (const RequestImage& image : request.images)
        names << QFileInfo(image.path).fileName();
    return names.join(QStringLiteral(" → "));
}

} // namespace

BatchPreviewDialog::BatchPreviewDialog(const QString& source, const ModelCatalog* catalog,
                                       QWidget* parent)
    : QDialog(parent)
    , m_source(source)
    , m_catalog(catalog ? catalog : &ModelCatalog::builtIn()) {
    setObjectName(QStringLiteral("batchPreviewDialog"));
    setWindowTitle(tr("Batch: %1").arg(QFileInfo(source).fileName()));
    m_intro = new QLabel(tr("Reading “%1”…").arg(QFileInfo(source).fileName()), this);
    m_intro->setObjectName(QStringLiteral("batchIntroLabel"));
    m_intro->setWordWrap(true);
    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(QStringLiteral("batchTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("#"), tr("Source"), tr("Prompt or image"), tr("Settings"), tr("Price"), tr("Status")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(WhatColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(StatusColumn, QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Jobs of the batch"));
    m_total = new QLabel(this);
    m_total->setObjectName(QStringLiteral("batchTotalLabel"));
    QFont bold = m_total->font();
    bold.setBold(true);
    m_total->setFont(bold);
    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("batchWarningLabel"));
    m_warning->setWordWrap(true);
    QPalette warningPalette = m_warning->palette();
    warningPalette.setColor(QPalette::WindowText, ui::errorColor(warningPalette));
    m_warning->setPalette(warningPalette);
    m_warning->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_queue = buttons->addButton(tr("Queue Jobs"), QDialogButtonBox::AcceptRole);
    m_queue->setObjectName(QStringLiteral("queueBatchButton"));
    m_queue->setDefault(true);
    m_queue->setEnabled(false); // until the source is read
    // Queue does not close the dialog: the owner does once the jobs are in the store.
    connect(buttons, &QDialogButtonBox::accepted, this, &BatchPreviewDialog::queueRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_total);
    layout->addWidget(m_warning);
    layout->addWidget(buttons);
    resize(900, 520);
}

void BatchPreviewDialog::setContents(const BatchContents& contents) {
    m_contents = contents;
    m_read = true;
    const QString name = QFileInfo(m_source).fileName();
    if (!contents.error.isEmpty()) {
        m_intro->setText(contents.error);
    } else {
        const int refused = int(contents.entries.size()) - contents.acceptedCount();
        QString text = tr("“%1”: %n job(s) to queue.", nullptr, contents.acceptedCount()).arg(name);
        if (refused > 0)
            text += u' ' + tr("%n refused (in red): not queued.", nullptr, refused);
        m_intro->setText(text);
    }
    fillTable();
    updateTotal();
}

void BatchPreviewDialog::setBalance(std::optional<qint64> credits) {
    m_balance = credits;
    if (m_read) {
        fillTable();
        updateTotal();
    }
}

bool BatchPreviewDialog::fits(qsizetype index) const {
    return m_fits.value(index, false);
}

QList<BatchEntry> BatchPreviewDialog::entriesToQueue() const {
    QList<BatchEntry> out;
    for (qsizetype i = 0; i < m_contents.entries.size(); ++i)
        if (fits(i))
            out << m_contents.entries[i];
    return out;
}

void BatchPreviewDialog::setQueueing(bool busy, const QString& error) {
    m_queue->setEnabled(!busy && !entriesToQueue().isEmpty());
    if (!error.isEmpty()) {
        m_warning->setText(error);
        m_warning->show();
    }
}

QString BatchPreviewDialog::settingsText(const GenerationRequest& request) const {
    Job job;
    job.request = request;
    QStringList parts{generationModeLabel(request.mode),
                      JobListModel::settingsTextOf(job, *m_catalog)};
    if (request.mode == GenerationMode::TextToVideo)
        parts << request.aspectRatio; // an image decides its own
    if (request.audio)
        parts << tr("with sound");
    return parts.join(QStringLiteral(" · "));
}

void BatchPreviewDialog::fillTable() {
    // The balance covers the accepted entries in order until one would pass it; that one and
    // the ones after it wait (the order of a file is the creator's plan).
    m_fits.clear();
    qint64 spent = 0;
    bool over = false;
    for (const BatchEntry& entry : std::as_const(m_contents.entries)) {
        const qint64 cost = entry.price.credits.value_or(0);
        over = over || (entry.accepted() && m_balance && spent + cost > *m_balance);
        m_fits << (entry.accepted() && !over);
        if (m_fits.constLast())
            spent += cost;
    }
    const QColor red = ui::errorColor(palette());
    m_table->setRowCount(int(m_contents.entries.size()));
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const BatchEntry& entry = m_contents.entries[row];
        const GenerationRequest& r = entry.request;
        QString what = r.prompt.isEmpty() ? entry.text : r.prompt;
        if (!r.images.isEmpty())
            what = what.isEmpty() ? imageNames(r) : tr("%1 (%2)").arg(what, imageNames(r));
        m_table->setItem(row, NumberColumn, cell(QLocale().toString(row + 1)));
        m_table->setItem(row, SourceColumn, cell(entry.source));
        m_table->setItem(row, WhatColumn, cell(what));
        const bool parsed = entry.accepted() || !entry.request.model.isEmpty();
        m_table->setItem(row, SettingsColumn, cell(parsed ? settingsText(r) : QString()));
        m_table->setItem(row, PriceColumn, cell(entry.accepted() ? entry.price.text() : QString()));
        QTableWidgetItem* status =
            entry.accepted()
                ? cell(fits(row) ? tr("Will be queued") : tr("Not queued: over the balance"))
                : cell(entry.refusal);
        if (!fits(row))
            status->setForeground(red);
        m_table->setItem(row, StatusColumn, status);
    }
}

void BatchPreviewDialog::updateTotal() {
    const QLocale locale;
    const QList<BatchEntry> queued = entriesToQueue();
    const int count = int(queued.size());
    m_queue->setText(count == 1 ? tr("Queue 1 Job") : tr("Queue %n Jobs", nullptr, count));
    m_queue->setEnabled(count > 0);
    if (!m_contents.error.isEmpty() || m_contents.entries.isEmpty()) {
        m_total->clear();
        return;
    }
    const PriceQuote total = m_contents.total();
    if (!total.known())
        m_total->setText(tr("Total unknown: a job has no published price"));
    else if (!m_balance)
        m_total->setText(tr("Total %1").arg(total.text()));
    else
        m_total->setText(tr("Total %1 · balance %2 → %3")
                             .arg(total.text(), locale.toString(*m_balance),
                                  locale.toString(*m_balance - *total.credits)));
    const int accepted = m_contents.acceptedCount();
    if (count < accepted) {
        qint64 covered = 0;
        for (const BatchEntry& entry : queued)
            covered += entry.price.credits.value_or(0);
        m_warning->setText(tr("The balance covers the first %n job(s) (%1 credits): only those "
                              "are queued; the others are not.",
                              nullptr, count)
                               .arg(locale.toString(covered)));
        m_warning->show();
    } else {
        m_warning->hide();
    }
}

} // namespace pixverse
