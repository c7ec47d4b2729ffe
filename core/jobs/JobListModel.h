#pragma once

#include "core/generation/ModelCatalog.h"
#include "core/jobs/Job.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QTimer>

#include <array>
#include <functional>
#include <optional>

namespace pixverse {

class JobEngine;
class JobStore;

//! Every job of a JobStore as one list, newest first: what the gallery shows. A view of the
//! store, never a second copy of it: rows hold only the id and the sort key, data() reads the
//! store's in-memory mirror, and no role touches the disk (paths are returned as text; the
//! gallery loads thumbnails off the GUI thread). One changed job is one dataChanged of one row.
class JobListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1, //!< qint64
        JobRole,                   //!< the whole pixverse::Job
        StateRole,                 //!< JobState as int
        StateTextRole,             //!< "Generating", translated
        StatusTextRole,            //!< the chip: "Generating 0:42", "Downloading 45%", "Failed"
        ElapsedRole,               //!< ms since the job started to run; null unless it runs
        ProgressRole,              //!< upload or download progress 0..1; -1 unknown; null unless
                                   //!< uploading/downloading
        PromptRole,                //!< the full prompt
        PromptExcerptRole,         //!< one paragraph of at most kExcerptLength characters
        ModelRole,                 //!< model id, "v4.5"
        ModelLabelRole,            //!< "V4.5"
        QualityRole,               //!< "540p"
        DurationRole,              //!< seconds, int
        SettingsTextRole,          //!< "V4.5 · 540p · 5 s"
        CostRole,                  //!< credits (charged, else the catalog price); null: unknown
        CostTextRole,              //!< "45 credits"; empty: unknown
        ErrorRole,                 //!< the reason a job failed or was refused (a sentence)
        VideoPathRole,             //!< the file in the library once it is there
        ThumbnailPathRole,         //!< the PNG the gallery made; empty until then
        FavouriteRole,             //!< bool
        CreatedAtRole,             //!< QDateTime (UTC)
        ImageToVideoRole,          //!< bool
        RequestRole,               //!< pixverse::GenerationRequest (image path = the store's copy)
        VideoSizeRole,             //!< QSize of the finished video; invalid until known
        StalledRole,               //!< bool: generating for longer than the limit
        ImportedRole,              //!< bool: read from the account's videos, not made here
        OnServiceOnlyRole,         //!< bool: done on the service, no file yet ("Download again")
        DeletedOnServiceRole,      //!< bool: the service deleted the video (status 6)
        DeletedNoteRole,           //!< "Deleted on PixVerse" when it did; empty otherwise
        HasAudioRole,              //!< bool: the clip has a sound track
        DurationTextRole,          //!< "12 s"
        ModeTextRole,              //!< "Text to video", "Image to video", ... translated
        ParentIdRole,              //!< qint64: the job this one continues (lineage); 0: none
        ParentTextRole, //!< "from <the parent's prompt words>", "from a removed take"; empty: none
        // The library (issue 18)
        GroupIdRole,   //!< qint64: the take group (Job::groupId); 0: none
        TakeIndexRole, //!< int: 0-based place in the group
        GroupSizeRole, //!< int: takes in the group still in the store; 1 for a lone job
        RatingRole,    //!< int 0–5
        RejectedRole,  //!< bool
        PickedRole,    //!< bool
        TagsRole,      //!< QStringList
        BoardsRole,    //!< QList<qint64>
    };
    Q_ENUM(Role)

    static constexpr int kExcerptLength = 140;
    //! The number of JobState values (for per-state counts).
    static constexpr int kStateCount = static_cast<int>(JobState::Deleted) + 1;

    explicit JobListModel(JobStore* store, QObject* parent = nullptr);
    ~JobListModel() override;

    //! Shows another store's jobs (an account signed in); null: none (signed out). The model
    //! also empties itself when its store is destroyed.
    void setStore(JobStore* store);
    //! Upload and download progress come from the engine; without one the model shows the
    //! store only.
    void setEngine(JobEngine* engine);
    //! The table the cards' model names and prices come from; `catalog` outlives the model
    //! (StudioApp's one). The default is the built-in table.
    void setCatalog(const ModelCatalog* catalog) { m_catalog = catalog; }
    JobStore* store() const { return m_store; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    //! A finished video drags out as its file (`text/uri-list`), with the job ids for the app.
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override;

    static QString jobIdsMimeType() { return QStringLiteral("application/x-pixverse-job-ids"); }

    qint64 jobId(int row) const;
    //! The row of a job, -1 when it is not in the model. O(log n).
    int rowOf(qint64 jobId) const;
    QModelIndex indexOf(qint64 jobId) const;

    //! Jobs in `state` / in any of `states`, kept up to date without scanning the store.
    int count(JobState state) const;
    int count(const QList<JobState>& states) const;
    //! Jobs the engine is still working on (not in a final state).
    int runningCount() const;

    //! Translated name of a state: "Queued", "Generating", ...
    static QString stateText(JobState state);
    //! The mark of a job whose video the service deleted: "Deleted on PixVerse".
    static QString deletedOnServiceText();
    //! A clip's length as the cards write it: "12 s".
    static QString durationText(int seconds);
    //! What a job is called where its prompt would be: the prompt, or for a mode without one
    //! what it made ("“Hello…” spoken", "Sound chosen by PixVerse", "Upscale"); an effect whose
    //! prompt is its template's: the template's name.
    static QString titleOf(const Job& job);
    //! The card's settings line: "V4.5 · 540p · 5 s" (model as `catalog` names it).
    static QString settingsTextOf(const Job& job, const ModelCatalog& catalog);
    //! The length a card shows: the request's duration; for extend, upscale, sound and lip sync
    //! the saved file's length when known (their output follows the source, not `duration`).
    static int shownSeconds(const Job& job);
    //! The card's lineage link: "from <words of the parent's prompt>"; `parent` null: the parent
    //! was removed from the list ("from a removed take").
    static QString parentText(const Job* parent);

    //! What "now" is (tests make elapsed times exact). The default is the system clock.
    void setClock(std::function<QDateTime()> now);
    //! How often running rows refresh their elapsed time; 0 stops the ticking (tests tick by hand).
    void setElapsedInterval(int ms);
    int elapsedInterval() const { return m_elapsedIntervalMs; }
    //! The elapsed-time refresh is running (only while some job runs).
    bool isTicking() const { return m_ticker.isActive(); }

public Q_SLOTS:
    //! Download progress of a job (JobEngine::downloadProgress). A row changes only when its
    //! shown percentage does.
    void setDownloadProgress(qint64 jobId, qint64 received, qint64 total);
    //! Upload progress of a job's image (JobEngine::uploadProgress), the same way.
    void setUploadProgress(qint64 jobId, qint64 sent, qint64 total);
    //! One dataChanged (elapsed and status roles) for each running job.
    void refreshElapsed();

Q_SIGNALS:
    //! The count of some state changed (added, removed, or a job moved between states).
    void countsChanged();
    //! runningCount() changed.
    void runningCountChanged(int count);

private:
    struct Row {
        qint64 createdMs = 0;
        qint64 id = 0;
    };
    // Newest first: larger creation time first, then larger id.
    static bool before(const Row& a, const Row& b) {
        return a.createdMs != b.createdMs ? a.createdMs > b.createdMs : a.id > b.id;
    }
    static qint64 keyOf(const Job& job) {
        return job.createdAt.isValid() ? job.createdAt.toMSecsSinceEpoch() : 0;
    }

    void reload();
    void onAdded(qint64 id);
    void onChanged(qint64 id);
    void onRemoved(qint64 id);
    int insertionRow(const Row& row) const;
    void setProgress(qint64 jobId, qint64 done, qint64 total);
    void track(qint64 id, std::optional<JobState> before, std::optional<JobState> after);
    void updateTicker();
    QString statusText(const Job& job) const;
    //! The roles of a card's marks (mode, duration, sound, deleted on the service).
    QVariant markData(const Job& job, int role) const;
    //! The roles of the library: group, rating, reject, pick, tags, boards.
    QVariant libraryData(const Job& job, int role) const;
    qint64 elapsedMs(const Job& job) const;

    JobStore* m_store = nullptr;
    const ModelCatalog* m_catalog = &ModelCatalog::builtIn();
    QList<QMetaObject::Connection> m_storeConnections;
    QList<QMetaObject::Connection> m_engineConnections;
    QList<Row> m_rows;                 // sorted by before()
    QHash<qint64, qint64> m_createdMs; // id → the key its row was sorted by
    QHash<qint64, JobState> m_states;  // id → last state seen (counts, running set)
    std::array<int, kStateCount> m_counts{};
    QSet<qint64> m_running;
    QHash<qint64, int> m_progress; // job id → per mille, -1 unknown
    std::function<QDateTime()> m_now;
    QTimer m_ticker;
    int m_elapsedIntervalMs = 1000;
};

} // namespace pixverse
