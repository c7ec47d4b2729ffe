#pragma once

#include "core/api/ApiError.h"
#include "core/ledger/SpendReport.h"

#include <QDate>
#include <QDateTime>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace pixverse {

class JobStore;
class LedgerSync;
class ModelCatalog;
class SpendChart;

//! What the signed-in account spent (issue 19): a range of days, the totals (deducted,
//! refunded, net), a chart per day, a table per model, the refunds, a CSV export and where the
//! figures come from. A platform key's figures are PixVerse's own ledger (usage-detail, synced by
//! LedgerSync: "Sync now", and when the view opens); a website account's are what this app
//! recorded (the website has no ledger). Rebuilt from the store whenever its ledger changes:
//! the ledger is read into a SpendBook on the thread pool, a range is a slice of it; the view
//! shows the figures it has until the new ones arrive (reportChanged()).
class SpendingView : public QWidget {
    Q_OBJECT
public:
    enum class Range { Last7Days, Last30Days, ThisMonth, AllTime };
    Q_ENUM(Range)
    //! Asks where to save the CSV; empty when the creator cancels (default: QFileDialog).
    using SaveFileProvider = std::function<QString(QWidget* parent, const QString& suggestedPath)>;

    explicit SpendingView(QWidget* parent = nullptr);
    ~SpendingView() override;

    //! The signed-in account's store and, for a platform key, its ledger's sync (null: a website
    //! account, whose figures are the app's own records). A null store: signed out, nothing shown.
    void setSources(JobStore* store, LedgerSync* sync);
    //! Model names as the composer shows them ("PixVerse V6"); null: the model ids.
    void setCatalog(const ModelCatalog* catalog);

    void setRange(Range range);
    Range range() const { return m_range; }
    //! The days a range covers (AllTime: from the first entry), ending `today`.
    static std::pair<QDate, QDate> daysOf(Range range, const QDate& today, const QDate& first);
    //! The day the ranges end on; invalid (the default): the clock's today.
    void setToday(const QDate& today);

    //! The figures shown.
    const SpendReport& report() const { return m_report; }
    //! Whether newer figures are being made (the store, the range or the ledger changed).
    bool reportPending() const { return m_reportPending; }
    //! "From PixVerse's ledger · synced 2 minutes ago" or "From this app's records (…)".
    QString sourceText() const;
    SpendChart* chart() const { return m_chart; }
    QTreeWidget* modelTable() const { return m_models; }
    QTreeWidget* refundsList() const { return m_refunds; }

    void setSaveFileProvider(SaveFileProvider provider);
    //! "Export CSV…": asks where, then writes SpendReport::toCsv() on the thread pool;
    //! exported() tells how it went.
    void exportCsv();
    //! "Sync now": a sync of the platform's ledger (nothing for a website account).
    void syncNow();

Q_SIGNALS:
    //! A refund's row was double-clicked: its job (the window selects it in the gallery).
    void jobChosen(qint64 jobId);
    //! The CSV was written to `path`, or not: `error` says why (empty on success).
    void exported(const QString& path, const QString& error);
    //! New figures are shown (report()).
    void reportChanged();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void buildLayout();
    void retranslate();
    void scheduleRebuild();
    void rebuild();
    void showReport(const SpendReport& report);
    void fillTotals();
    void fillModels();
    void fillRefunds();
    void updateSourceLine();
    void onSynced(int added, const ApiError& error);
    QString modelName(const QString& key) const;
    QDate today() const;

    QPointer<JobStore> m_store;
    QPointer<LedgerSync> m_sync;
    const ModelCatalog* m_catalog = nullptr;
    Range m_range = Range::Last30Days;
    QDate m_today;
    SpendReport m_report;
    bool m_rebuildPending = false;
    bool m_reportPending = false;
    //! The ledger read once, for every range; stale when m_bookVersion != m_ledgerVersion.
    std::shared_ptr<const SpendBook> m_book;
    quint64 m_ledgerVersion = 1; //!< moves on when the store or its ledger changes
    quint64 m_bookVersion = 0;
    quint64 m_request = 0;  //!< the newest report asked for; older ones are dropped
    QDateTime m_lastSynced; //!< the last sync that ended well (this run, or the store's mark)
    QString m_syncError;
    SaveFileProvider m_saveFileProvider;

    QLabel* m_title = nullptr;
    QComboBox* m_rangeBox = nullptr;
    QPushButton* m_exportButton = nullptr;
    QLabel* m_source = nullptr;
    QPushButton* m_syncButton = nullptr;
    QLabel* m_deductedCaption = nullptr;
    QLabel* m_refundedCaption = nullptr;
    QLabel* m_netCaption = nullptr;
    QLabel* m_deducted = nullptr;
    QLabel* m_refunded = nullptr;
    QLabel* m_net = nullptr;
    SpendChart* m_chart = nullptr;
    QLabel* m_modelsTitle = nullptr;
    QTreeWidget* m_models = nullptr;
    QLabel* m_refundsTitle = nullptr;
    QTreeWidget* m_refunds = nullptr;
    QTimer* m_clock = nullptr; //!< "synced N minutes ago" moves on
};

} // namespace pixverse
