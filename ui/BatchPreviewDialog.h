#pragma once

#include "core/queue/BatchFile.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace pixverse {

class ModelCatalog;

//! What a batch (a prompt list, JSON Lines, a folder of images) would queue, before anything is
//! (issue 19): a row for every line or image with its settings, its price and "Will be queued"
//! or why not; the total of the accepted ones against the balance; "Queue N Jobs". The dialog
//! reads nothing: its owner reads the source on the thread pool and gives it the entries.
//!
//! Over the balance, the jobs that fit are queued, in the file's order, and the rest are marked
//! "not queued": a creator would rather start what can be paid than nothing (the service
//! refuses a create it cannot charge, so queueing them would only make failed jobs).
class BatchPreviewDialog : public QDialog {
    Q_OBJECT
public:
    //! `source`: the file or folder, named in the title until setContents().
    BatchPreviewDialog(const QString& source, const ModelCatalog* catalog,
                       QWidget* parent = nullptr);

    //! The entries, priced (priceBatch); a source that cannot be read shows its error.
    void setContents(const BatchContents& contents);
    //! Credits available; empty: unknown (everything accepted is queued).
    void setBalance(std::optional<qint64> credits);
    //! What "Queue N Jobs" sends: the accepted entries the balance covers, in order.
    QList<BatchEntry> entriesToQueue() const;
    //! Queue was pressed: the buttons wait for the engine (`busy`), or it failed (`error`, the
    //! dialog stays open to try again).
    void setQueueing(bool busy, const QString& error = {});

Q_SIGNALS:
    //! "Queue N Jobs": the owner queues entriesToQueue() and closes the dialog once they are.
    void queueRequested();

private:
    //! Whether entry `index` is queued: accepted, and within the balance.
    bool fits(qsizetype index) const;
    void fillTable();
    void updateTotal();
    QString settingsText(const GenerationRequest& request) const;

    QString m_source;
    const ModelCatalog* m_catalog;
    BatchContents m_contents;
    bool m_read = false;
    std::optional<qint64> m_balance;
    //! Per entry: queued when Queue is pressed (accepted and covered by the balance).
    QList<bool> m_fits;
    QLabel* m_intro = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_total = nullptr;
    QLabel* m_warning = nullptr;
    QPushButton* m_queue = nullptr;
};

} // namespace pixverse
