#pragma once

#include "core/generation/GenerationRequest.h"
#include "core/jobs/Job.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobFilterModel.h"
#include "core/jobs/JobLibrary.h"
#include "core/jobs/JobStore.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QPointer>
#include <QUrl>
#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QSplitter;
class QTimer;
class QToolBar;
class QToolButton;

namespace pixverse {

class AppSettings;
class Backend;
class BoardsPanel;
class LibraryFilterBar;
class CompareView;
class JobFilterModel;
class JobGalleryView;
class JobListModel;
class ModelCatalog;
class QueueBanner;
class ThumbnailCache;
class ThumbnailMaker;
class VideoPlayer;

//! The right side of the main window: a header (status filter with the count of each state,
//! prompt search, favourites, the job toolbar), the gallery of job cards and the player.
//! Every action works from the context menu, the toolbar and the keyboard, on the selection
//! where several jobs make sense. The pane holds no job rules: jobAllowedActions() says what a
//! job allows, JobEngine does it (retry, cancel, download again) and JobLibrary handles files and
//! bookkeeping (favourite, remove, copies).
class JobsPane : public QWidget {
    Q_OBJECT
public:
    enum class Action {
        Play,
        OpenFolder,
        SaveCopy,
        CopyPrompt,
        Reuse,
        Favourite,
        Retry,
        Redownload,
        Cancel,
        Remove,
        // Continuing a finished take (issue 16).
        Extend,
        LastFrameToStart,
        LastFrameToFirstFrame,
        Upscale,
        SoundEffect,
        LipSync,
        GoToParent,
        ShowFamily,
        // Choosing among takes (issue 18).
        Compare,
        // The creator's marks, stacks of takes and cleanups (issue 18, JobsPaneLibrary.cpp).
        Rate1,
        Rate2,
        Rate3,
        Rate4,
        Rate5,
        ClearRating,
        Reject,
        Pick,
        EditTags,
        OpenStack,
        CloseStack,
        RemoveRejected,
        RemoveAllButPickedAndStarred,
        // The queue (issue 19, JobsPaneQueue.cpp).
        PauseQueue,
        PauseJob,
        RunNext,
        EditQueued,
        MoveEarlier,
        MoveLater
    };
    Q_ENUM(Action)
    //! What "Remove from list" does once confirmed.
    enum class RemoveAnswer { Cancel, RemoveFromList, RemoveAndDeleteFiles };
    Q_ENUM(RemoveAnswer)

    //! Opens a folder in the file manager (default: QDesktopServices::openUrl).
    using FolderOpener = std::function<bool(const QUrl& folder)>;
    //! Asks where to save a copy; empty when the creator cancels (default: QFileDialog).
    using SaveFileProvider = std::function<QString(QWidget* parent, const QString& suggestedPath)>;
    //! Asks whether a cleanup may move `count` jobs' files to the trash (`question` says so);
    //! default: a message box.
    using CleanupConfirmer = std::function<bool(const QString& question, int count)>;

    //! `store` may be null (nobody signed in: an empty pane); setJobs() changes it. `engine`
    //! may be null too: retry, cancel and download again are then unavailable.
    JobsPane(JobStore* store, JobEngine* engine, QWidget* parent = nullptr);
    ~JobsPane() override;

    //! Shows the jobs of another account: its store and the engine that runs them (both null:
    //! signed out, an empty pane). The player closes; filters stay.
    void setJobs(JobStore* store, JobEngine* engine);
    void setEngine(JobEngine* engine);
    JobStore* store() const { return m_store; }
    JobEngine* engine() const { return m_engine; }

    JobListModel* model() const { return m_model; }
    JobFilterModel* filterModel() const { return m_filter; }
    JobGalleryView* view() const { return m_view; }
    //! The filters above the gallery and the boards beside it (issue 18; JobsPaneFilters.cpp).
    LibraryFilterBar* filterBar() const { return m_filterBar; }
    BoardsPanel* boardsPanel() const { return m_boards; }
    //! The player below the gallery, made the first time it is asked for (a video played).
    VideoPlayer* player();
    //! Where the player remembers its mute button (VideoPlayer::setSettings); may be null.
    void setSettings(AppSettings* settings);
    //! The signed-in account's backend: which modes its family offers (Backend::offersMode) and
    //! the lip sync voices. Null: signed out.
    void setBackend(Backend* backend);
    //! The prices the continuation dialogs show (null: the built-in table).
    void setCatalog(const ModelCatalog* catalog);
    //! Credits available, for "the balance after" in the dialogs; empty: unknown.
    void setBalance(std::optional<qint64> credits) { m_balance = credits; }
    //! Where "Use last frame…" writes its PNG (`<dataDir>/frames`).
    void setFramesFolder(const QString& folder) { m_framesFolder = folder; }
    QString framesFolder() const { return m_framesFolder; }
    //! The take whose family (JobStore::lineage) the gallery shows; 0: every job.
    qint64 familyShown() const { return m_familyOf; }
    ThumbnailCache* thumbnailCache() const { return m_thumbnails; }
    ThumbnailMaker* thumbnailMaker() const { return m_maker; }
    QAction* action(Action which) const { return m_actions.value(which); }
    //! The menu a right-click (or the Menu key) on the gallery opens.
    QMenu* contextMenu() const { return m_contextMenu; }
    //! The compare view compareSelected() opened, while it is open.
    CompareView* compareView() const;
    //! The line above the gallery saying why the queue does not move (JobsPaneQueue.cpp).
    QueueBanner* queueBanner() const { return m_queueBanner; }

    //! Jobs not in a final state (queued ones included): for the window title.
    int runningCount() const;
    //! Whether the player area is shown.
    bool isPlayerVisible() const;

    //! Seams for tests and for portals (KeePassXC's MessageBox::setNextAnswer pattern).
    void setFolderOpener(FolderOpener opener);
    void setSaveFileProvider(SaveFileProvider provider);
    //! The next "Remove" confirmation answers `answer` without showing a dialog (once).
    void setNextRemoveAnswer(RemoveAnswer answer) { m_nextRemoveAnswer = answer; }
    void setCleanupConfirmer(CleanupConfirmer confirmer);

    //! The group whose takes the gallery shows one by one (an open stack); 0: none.
    qint64 openStackShown() const;
    //! The jobs a cleanup looks at: every row shown, and every take of a stack shown.
    QList<qint64> jobsShown() const;

public Q_SLOTS:
    //! Plays a finished job's video in the pane's player. False when it has no video on disk.
    bool play(qint64 jobId);
    void closePlayer();
    //! The actions, on the selected jobs (they are also reachable through action()).
    void playSelected();
    void openFolderOfSelected();
    void saveCopyOfSelected();
    void copyPromptOfSelected();
    void reuseSelected();
    void toggleFavouriteOfSelected();
    void retrySelected();
    void redownloadSelected();
    void cancelSelected();
    void removeSelected();
    //! The continuation actions, on the current finished take (JobsPaneContinue.cpp).
    void extendSelected();
    void useLastFrameOfSelected(pixverse::RequestImage::Role role);
    void upscaleSelected();
    void soundEffectForSelected();
    void lipSyncForSelected();
    //! Selects the job the current one continues. False when it has none, or it was removed.
    bool goToParent();
    //! Limits the gallery to the current take's family until clearFamily().
    void showFamilyOfSelected();
    void showFamily(qint64 jobId);
    void clearFamily();
    //! Opens the compare view on the 2–4 selected finished takes (JobsPaneCompare.cpp).
    void compareSelected();
    //! The marks, on the selected jobs (JobsPaneLibrary.cpp). `stars` 1–5 rates them, or takes
    //! the rating away when every one already has it; 0 takes it away.
    void rateSelected(int stars);
    //! Rejects the selected jobs, or takes the reject back when every one is rejected.
    void toggleRejectOfSelected();
    //! Picks the current take (the others of its group lose their pick).
    void pickCurrent();
    //! Opens the tag editor (non-modal to the app, modal to the window) on the selection.
    void editTagsOfSelected();
    //! Shows the takes of `groupId` one by one until closeStack(); a take of it is selected.
    void openStack(qint64 groupId);
    void openStackOfCurrent();
    void closeStack();
    //! "Remove rejected…" and "Remove all except picked and starred…" over jobsShown(): asks
    //! with the count, moves the files to the trash (thread pool) and, once they are there, takes
    //! the jobs off the list and says what happened (noticeRequested). The number of jobs sent
    //! to the trash; 0 when there was none or the creator said no.
    int cleanup(pixverse::JobLibrary::Cleanup kind);
    //! The queue (issue 19, JobsPaneQueue.cpp): pauses or resumes the whole queue.
    void toggleQueuePaused();
    //! Pauses the selected queued jobs, or resumes them when every one is paused.
    void toggleHeldOfSelected();
    //! Sends the current queued job next (resuming it when paused).
    void runNextSelected();
    //! Opens the current queued job in the composer (editRequested).
    void editSelected();
    //! Moves the selected queued jobs one place earlier (`step` -1) or later (+1) in the queue.
    void moveSelectedInQueue(int step);
    //! Puts the queued `jobIds` before (`after` false) or after the queued `targetId` (a drop).
    bool moveInQueue(const QList<qint64>& jobIds, qint64 targetId, bool after);

Q_SIGNALS:
    //! "Reuse settings": the main window puts this into the editor (PromptEditor::setRequest and
    //! the image drop zone when `request.startImagePath()` is set).
    void reuseRequested(const pixverse::GenerationRequest& request);
    //! "Extend…": the composer takes the take as its source (MainWindow::startExtend).
    void extendRequested(const pixverse::Job& take);
    //! "Use last frame…": its PNG is written; the composer puts it into the `role` slot
    //! (MainWindow::useFrameImage).
    void frameImageReady(const QString& pngPath, pixverse::RequestImage::Role role,
                         qint64 parentJobId);
    //! "Edit…" on a queued job: the window opens it in the composer (MainWindow::editQueued).
    void editRequested(const pixverse::Job& job);
    //! Upscale, sound effect or lip sync confirmed: a job to queue like any other.
    void continuationRequested(const pixverse::GenerationRequest& request);
    //! A finished video was opened in the pane's player.
    void playRequested(qint64 jobId, const QString& path);
    //! A job finished, failed or was refused: the window shows it as a desktop notification
    //! when it is not the active window.
    void jobNotification(const QString& title, const QString& text);
    //! runningCount() changed (for the window title).
    void runningCountChanged(int count);
    //! A passing message for the status bar ("Saved a copy to …", "The file is missing").
    void noticeRequested(const QString& text);
    //! "Save a copy as…" finished; `error` is empty on success.
    void copySaved(const QString& path, const QString& error);

private:
    void buildHeader(QWidget* header);
    void createActions();
    void createContinueActions();
    void updateContinueActions(const std::optional<Job>& current);
    void createCompareAction();
    void updateCompareAction(const QList<Job>& selected);
    //! The request continuing `take` in `mode` (JobLibrary::continuation).
    GenerationRequest continuationOf(const Job& take, GenerationMode mode) const;
    //! The current job when it is a finished take one can continue in `mode`.
    std::optional<Job> continuableTake(GenerationMode mode) const;
    void confirmUpscale(const Job& take);
    void updateFamilyChip();
    //! A chip over the gallery that says what limits it; a click on it lifts the limit.
    QToolButton* makeBannerChip(QWidget* parent, const QString& name, const QString& tip);
    //! The first words of a prompt, for a chip.
    static QString bannerWords(const QString& prompt);
    void createLibraryActions();
    //! The rating submenu, reject, pick, tags and "Open Stack", for the card's context menu.
    void addLibraryEntries(QMenu* menu);
    //! The toolbar's "Clean Up" button, its menu holding the two cleanups.
    QToolButton* makeCleanupButton(QWidget* parent);
    void updateLibraryActions(const QList<Job>& jobs, const std::optional<Job>& current);
    void updateStackBanner();
    //! The row of the gallery that stands for a whole stack of takes.
    bool isStackRow(const QModelIndex& index) const;
    //! What Enter or a double-click on a card does: opens a stack, plays a take.
    void activate(qint64 jobId);
    bool confirmCleanup(const QString& question, int count);
    //! The family shown again from the store (a take added to it, or one removed).
    void refreshFamily();
    void connectEngine();
    //! The queue's actions and banner (JobsPaneQueue.cpp).
    void createQueueActions();
    void addQueueEntries(QMenu* menu);
    void updateQueueActions(const QList<Job>& jobs, const std::optional<Job>& current);
    void updateActions();
    void updateCounts();
    void updatePlaceholder();
    //! The filter bar and the boards panel, wired to the gallery (JobsPaneFilters.cpp).
    void createLibraryFilters();
    //! The boards panel on the gallery's left, above the player (which keeps the full width).
    void placeBoardsBesideGallery();
    void showContextMenu(const QPoint& position);
    void onJobSettled(qint64 jobId, JobState state);
    QList<Job> selectedJobs() const;
    std::optional<Job> currentJob() const;
    RemoveAnswer askRemove(int jobs, int files);
    //! Asks the engine to `act` on every selected job.
    void onEachSelected(bool (JobEngine::*act)(qint64));

    QPointer<JobStore> m_store;
    QPointer<JobEngine> m_engine;
    JobLibrary m_library; //!< the files and bookkeeping of m_store's jobs
    QList<QMetaObject::Connection> m_engineConnections;
    JobListModel* m_model = nullptr;
    JobFilterModel* m_filter = nullptr;
    ThumbnailCache* m_thumbnails = nullptr;
    ThumbnailMaker* m_maker = nullptr;

    QLabel* m_countsLabel = nullptr;
    LibraryFilterBar* m_filterBar = nullptr;
    BoardsPanel* m_boards = nullptr;
    QToolButton* m_favouritesOnly = nullptr;
    QToolBar* m_toolBar = nullptr;
    QSplitter* m_splitter = nullptr;
    JobGalleryView* m_view = nullptr;
    VideoPlayer* m_player = nullptr;
    AppSettings* m_settings = nullptr;
    QMenu* m_contextMenu = nullptr;
    QMap<Action, QAction*> m_actions;
    QHash<Action, QString> m_tips; //!< each action's own tooltip (a disabled one says why instead)
    QPointer<Backend> m_backend;
    const ModelCatalog* m_catalog = nullptr;
    std::optional<qint64> m_balance;
    QString m_framesFolder;
    qint64 m_familyOf = 0;
    QToolButton* m_familyChip = nullptr;
    QToolButton* m_stackBanner = nullptr;
    QToolButton* m_continueButton = nullptr;
    QPointer<CompareView> m_compare; //!< the compare view open now, if any
    QueueBanner* m_queueBanner = nullptr;

    FolderOpener m_folderOpener;
    SaveFileProvider m_saveFileProvider;
    std::optional<RemoveAnswer> m_nextRemoveAnswer;
    CleanupConfirmer m_cleanupConfirmer;
    qint64 m_playingJob = 0;
    qint64 m_playWhenSaved = 0; //!< an imported video being saved because the creator played it
};

} // namespace pixverse
