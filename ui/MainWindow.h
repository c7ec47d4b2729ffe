#pragma once

#include "core/api/ApiTypes.h"
#include "core/generation/GenerationRequest.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QLabel;
class QTabWidget;

namespace pixverse {

class AppSettings;
class ComposerInputs;
class DesktopNotifier;
class EffectsBrowser;
class PreviewCache;
class TemplateLibrary;
struct Job;
class ImageDropZone;
class JobStore;
class JobsPane;
class LedgerSync;
class ModelCatalog;
class PromptEditor;
class SpendingView;

//! The studio window: the composer on the left; on the right the job gallery and, once
//! setEffectSources() gave it its list, the effect templates.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    //! What the window remembers across runs (its geometry, the player's mute) goes to
    //! `settings`, which outlives the window. Restores the geometry of the last run now, kept
    //! on the screen it is on; without one the window keeps its first-run size.
    void setSettings(AppSettings* settings);
    //! The window's first-run size: 1280×800.
    static QSize preferredSize() { return {1280, 800}; }
    //! `wanted` (a window's geometry, without its frame) moved and, if need be, shrunk so that
    //! the window with its title bar and borders lies inside `available` (a screen's available
    //! area); `centre`: placed in the middle (a first run).
    static QRect fittedGeometry(const QRect& wanted, const QRect& available, bool centre = false);

    //! Shows which service the window talks to ("Offline sandbox", a host name...).
    void setConnectionLabel(const QString& text);

    //! The Create pane: prompt, settings and Generate (its generateRequested() starts a job).
    PromptEditor* promptEditor() const { return m_promptEditor; }
    //! The Create pane's image for image-to-video.
    ImageDropZone* imageDropZone() const;
    //! The Create pane's inputs: the image, the transition's frames, the video to extend.
    ComposerInputs* composerInputs() const { return m_inputs; }

    //! The effect templates and their previews (StudioApp owns them; not owned): adds the
    //! Effects tab beside the gallery (View → Effects, Ctrl+3) and the chosen effect's still.
    //! The browser in the tab is made when the tab is first shown (issue 20: not before the
    //! window's first paint) or effectsBrowser() asks for it.
    void setEffectSources(TemplateLibrary* library, PreviewCache* previews);
    //! The Effects tab's browser, made if need be; null before setEffectSources().
    EffectsBrowser* effectsBrowser();
    //! Brings the Effects tab to the front (View → Effects, the chosen effect's Change…).
    void showEffects();
    //! What the account spent (issue 19): a tab beside the gallery once opened (View → Spending,
    //! Ctrl+4). Made the first time it is opened or asked for (issue 20: not before the first
    //! paint), with what setSpendingSources() gave.
    SpendingView* spendingView();
    //! The Spending view's sources: the models, the signed-in account's store and its ledger sync
    //! (store and sync null while signed out, the sync null for a website account). Given to the
    //! view at once if it was made, else when it is.
    void setSpendingSources(const ModelCatalog* catalog, JobStore* store, LedgerSync* sync);
    //! Brings the Spending tab to the front (adds it the first time).
    void showSpending();
    //! A take of the ledger in the gallery: its tab in front, the job selected (filters that
    //! hide it cleared).
    void selectInGallery(qint64 jobId);
    //! A template chosen in the browser: the composer in Effect mode with it.
    void useEffect(const pixverse::EffectTemplate& effect);

    //! The upload of a job's inputs (JobEngine::uploadProgress), shown under the composer's
    //! slots; the bar goes once everything is sent.
    void setUploadProgress(qint64 sent, qint64 total);
    //! The upload shown is over, however it ended (sent, refused, failed, cancelled): no bar.
    void endUploadProgress();

    //! Extend from the gallery: the composer in Extend mode with `take` (a finished job) as the
    //! video to continue, its prompt and settings to edit; the keyboard in the prompt.
    void startExtend(const pixverse::Job& take);
    //! A take's frame (a PNG extracted from it) into the composer: Start → the image of image to
    //! video, FirstFrame / LastFrame → that slot of a transition. The request records
    //! `parentJobId` (the take) as its parent.
    void useFrameImage(const QString& pngPath, RequestImage::Role role, qint64 parentJobId);
    //! The gallery and the player (StudioApp gives it the signed-in account's jobs).
    JobsPane* jobsPane() const { return m_jobsPane; }
    //! Finished and failed jobs are announced through it while the window is in the background.
    DesktopNotifier* notifier() const { return m_notifier; }

    //! The account area: who is signed in (an e-mail or a masked key) and through which backend.
    void setAccount(const QString& account, ApiFamily family);
    //! Nobody is signed in: the account area says so and the menu offers "Sign in…".
    void setSignedOut();
    bool isSignedIn() const { return m_signedIn; }
    //! Credits available, shown beside the account and given to the composer; empty: unknown.
    void setBalance(std::optional<qint64> credits);
    //! Puts the keyboard into the prompt (Jobs → Go to Prompt, after signing in).
    void focusPrompt();
    //! Puts the keyboard into the gallery, on the newest job when none is current.
    void focusGallery();
    //! A passing message in the status bar (e.g. "Your sign-in will not be remembered: …").
    void showNotice(const QString& text);
    //! "Edit…" on a queued job (issue 19, MainWindowQueue.cpp): the composer shows it with
    //! "Update Job" and "Cancel Edit"; the job waits (held) while it is edited.
    void editQueued(const pixverse::Job& job);
    //! "Update Job": the engine replaces what the job asks, same id and place; when it was
    //! sent meanwhile, the composer says so and keeps the text.
    void updateQueued(qint64 jobId, const pixverse::GenerationRequest& request);

Q_SIGNALS:
    //! Account → Sign in… / Switch account…
    void signInRequested();
    //! Account → Sign out
    void signOutRequested();
    //! Account → Settings…
    void settingsRequested();
    //! Jobs → Open Batch File… / Queue Image Folder…: the file or folder chosen (issue 19).
    void batchSourceChosen(const QString& path);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    QWidget* createPane();
    void createAccountArea();
    void createJobsMenu(QMenu* view);
    //! Open Batch File… and Queue Image Folder… (MainWindowBatch.cpp).
    void addBatchActions(QMenu* menu);
    void chooseBatchSource(bool folder);
    void createViewMenu();
    void createSpendingTab(QMenu* view);
    void connectJobsPane();
    //! The browser told whether the signed-in account's family has effects (setAccount()).
    void offerEffects();
    void reuse(const GenerationRequest& request);
    //! The hold editQueued() put on `jobId` is lifted (the edit ended).
    void releaseEditHold(qint64 jobId);
    void updateTitle(int running);
    //! The available area of the screen the window is (mostly) on.
    QRect availableArea() const;

    QLabel* m_connectionLabel = nullptr;
    QLabel* m_accountLabel = nullptr;
    QLabel* m_balanceLabel = nullptr;
    QAction* m_signInAction = nullptr;
    QAction* m_signOutAction = nullptr;
    bool m_signedIn = false;
    PromptEditor* m_promptEditor = nullptr;
    ComposerInputs* m_inputs = nullptr;
    JobsPane* m_jobsPane = nullptr;
    QTabWidget* m_sideTabs = nullptr;           //!< the gallery and the effects
    QWidget* m_effectsPage = nullptr;           //!< the Effects tab; the browser goes in it
    EffectsBrowser* m_effectsBrowser = nullptr; //!< made on first use (effectsBrowser())
    TemplateLibrary* m_effectLibrary = nullptr;
    PreviewCache* m_effectPreviews = nullptr;
    QAction* m_showEffectsAction = nullptr;
    SpendingView* m_spendingView = nullptr; //!< made on first use (spendingView())
    const ModelCatalog* m_spendCatalog = nullptr;
    JobStore* m_spendStore = nullptr;
    LedgerSync* m_spendSync = nullptr;
    ApiFamily m_family = ApiFamily::OpenApi;
    bool m_familyKnown = false; //!< an account signed in once (the browser is told its family)
    DesktopNotifier* m_notifier = nullptr;
    AppSettings* m_settings = nullptr;
    QString m_batchFolder; //!< where the last batch file or folder was chosen
    qint64 m_editHold = 0; //!< the queued job held while the composer edits it; 0: none
};

} // namespace pixverse
