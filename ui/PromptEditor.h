#pragma once

#include "core/api/ApiTypes.h"
#include "core/generation/GenerationRequest.h"
#include "core/generation/ModelCatalog.h"
#include "core/generation/PriceQuote.h"
#include "ui/VideoSource.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace pixverse {

class AppSettings;
class GenerationSettingsPanel;
class MentionPromptEdit;
class PriceBook;
class RecentPrompts;

//! The composer: prompt, negative prompt, the generation settings (GenerationSettingsPanel), the
//! cost and the balance after it, and Generate. Holds no rules: every allowed value, forbidden
//! combination, limit and price comes from ModelCatalog.
class PromptEditor : public QWidget {
    Q_OBJECT
public:
    //! Remembers its settings and recent prompts in the application's QSettings.
    explicit PromptEditor(QWidget* parent = nullptr);
    //! The same in a given INI file (tests).
    explicit PromptEditor(const QString& settingsFile, QWidget* parent = nullptr);
    ~PromptEditor() override;

    //! The table of models every value, rule and price comes from; `catalog` outlives the
    //! editor (StudioApp owns the one the editor, the settings, the cards and the engine share).
    //! The default is the built-in table.
    void setCatalog(const ModelCatalog* catalog);
    const ModelCatalog& catalog() const { return *m_catalog; }

    //! The signed-in account's family: its models, switches and limits. A setting the family
    //! does not allow is changed, and the hint line says so.
    void setFamily(ApiFamily family);
    ApiFamily family() const { return m_family; }

    //! Credits available; empty when unknown (the cost is still shown, Generate stays allowed).
    void setBalance(std::optional<qint64> credits);
    std::optional<qint64> balance() const { return m_balance; }
    //! Credits of the jobs queued but not charged yet: "Balance after" counts them too.
    void setQueuedCredits(qint64 credits);

    //! What Generate would send now.
    GenerationRequest request() const;
    //! Fills every field from `request` ("reuse" from the gallery), fitted to what this family
    //! offers.
    void setRequest(const GenerationRequest& request);

    //! Image-to-video: the aspect ratio is hidden, the image decides it.
    void setImageMode(bool on);
    bool isImageMode() const;
    //! The prepared image to animate; a non-empty path turns image mode on, empty turns it off
    //! (from image to video; another mode is left alone). `parentJobId`: the take whose last
    //! frame it is (lineage), 0 for any other image.
    void setImagePath(const QString& path, qint64 parentJobId = 0);
    //! An image is still being checked: Generate waits for it.
    void setImagePending(bool pending);

    //! The composer's mode (the selector in the settings); see GenerationSettingsPanel::setMode.
    GenerationMode mode() const;
    bool setMode(GenerationMode mode);
    //! Why `mode` cannot be chosen with this account; empty when it can.
    std::optional<QString> modeRefusal(GenerationMode mode) const;
    //! A transition's first or last frame (a prepared image; empty: none), with the take it comes
    //! from (0: none). Does not change the mode.
    void setFrameImage(RequestImage::Role role, const QString& path, qint64 parentJobId = 0);
    //! The video an extend continues; empty: none.
    void setVideoSource(const VideoSource& source);
    VideoSource videoSource() const { return m_source; }
    //! A frame image or the source video is still being checked: Generate waits for it.
    void setInputPending(bool pending);

    //! An effect template chosen in the browser (issue 17): Effect mode with its facts, model,
    //! qualities and duration (applyTemplate); the prompt and fitting images are kept.
    void chooseEffect(const EffectTemplate& effect);
    //! What the list now says of the chosen template (a 500070 or 500071 learned since): its
    //! facts are updated when `effect` is the one chosen.
    void refreshEffect(const EffectTemplate& effect);
    //! The chosen template's facts (id 0: none), as request() carries them in Effect mode.
    GenerationRequest effectFacts() const;
    //! The effect's images (prepared files), in order; an empty path is a slot still empty.
    void setEffectImages(const QStringList& paths);
    QStringList effectImages() const { return m_effectImages; }
    //! Reference to video's references (images checked, names as typed).
    void setReferences(const QList<RequestImage>& references);
    //! The names of references the prompt never mentions (a warning, not a refusal).
    QStringList unusedReferenceNames() const;

    //! Where prices come from (issue 19): the signed-in account's PriceBook; null: the catalog's
    //! table ("about" on a website account). Not owned; the cost line follows its changes.
    void setPriceBook(PriceBook* prices);
    //! The price of one video with the current settings, and how sure it is.
    PriceQuote quote() const;
    std::optional<int> cost() const; //!< credits for the current settings; empty: no price
    //! How many takes Generate makes (issue 18), 1..8: the spin box beside Generate, remembered
    //! in AppSettings. Read it when generateRequested() comes.
    int takeCount() const;
    void setTakeCount(int takes);
    //! What all the takes cost: cost() × takeCount(); empty: no price. Generate is refused
    //! when it is over the balance.
    std::optional<int> totalCost() const;
    bool canGenerate() const;
    //! Why Generate is disabled, most important first; empty when it is enabled.
    QStringList blockingReasons() const;
    QStringList recentPrompts() const;

    // --- Editing a queued job (issue 19, PromptEditorEdit.cpp) -------------------------------
    //! The composer edits the queued job `jobId` (its request already put in with setRequest):
    //! Generate becomes "Update Job" (updateRequested), "Cancel Edit" appears beside it, the
    //! take count goes and a line above says which job is edited (`title`: its words).
    void beginEdit(qint64 jobId, const QString& title);
    //! Back to Generate, the text kept; `message` (empty: none) stays on the edit line, e.g. why
    //! the update could not be made.
    void endEdit(const QString& message = {});
    qint64 editedJobId() const { return m_editedJob; }
    //! The edit line: which job is edited, or why the last update failed; empty when hidden.
    QString editNote() const;
    //! What the last change of model or account changed in the settings, and why; empty when
    //! nothing had to change.
    QString settingsHint() const;

public Q_SLOTS:
    //! Emits generateRequested() when nothing blocks it (Ctrl+Enter, the Generate button).
    void generate();
    //! The dice: a random seed, kept fixed.
    void rollSeed();
    //! "Cancel Edit": back to Generate (editCancelled), the text kept.
    void cancelEdit();

Q_SIGNALS:
    void generateRequested(const pixverse::GenerationRequest& request);
    //! "Update Job" while editing the queued `jobId`: what it should now ask.
    void updateRequested(qint64 jobId, const pixverse::GenerationRequest& request);
    //! The edit of `jobId` was cancelled ("Cancel Edit").
    void editCancelled(qint64 jobId);
    //! The mode changed: chosen in the selector, by an image, a reuse or setMode().
    void modeChanged(pixverse::GenerationMode mode);
    void requestChanged();
    void canGenerateChanged(bool canGenerate);
    //! Another template was chosen (or none), or what is known of it changed.
    void effectChanged();

private:
    void buildUi();
    void buildCostRow();
    //! The take count beside Generate (PromptEditorTakes.cpp).
    QSpinBox* buildTakeCount();
    //! The edit line and "Cancel Edit" (PromptEditorEdit.cpp).
    QLabel* buildEditNote();
    QPushButton* buildCancelEdit();
    //! Generate's text, the take count and the edit widgets as the edit mode says.
    void showEditMode();
    //! The cost line for several takes, from the price of one (PromptEditorTakes.cpp).
    QString takesCostText(const PriceQuote& oneTake) const;
    void rebuildRecentMenu();
    void onSettingsChanged();
    void updateState();
    void updateCounts();
    void updateCost();
    void remember();
    //! request() as the rules see it: in image mode it is image-to-video even before the image
    //! is ready.
    GenerationRequest ruleRequest() const;
    //! The inputs of Effect and reference to video into `r` (PromptEditorEffects.cpp).
    void addEffectInputs(GenerationRequest& r) const;
    //! Takes the template facts, effect images and references of `request` (a reuse).
    void takeEffectInputs(const GenerationRequest& request);
    //! The names the prompt may mention and the warning about those it does not.
    void updateMentions();

    const ModelCatalog* m_catalog;
    QPointer<PriceBook> m_prices;
    ApiFamily m_family = ApiFamily::OpenApi;
    std::optional<qint64> m_balance;
    qint64 m_queuedCredits = 0;
    bool m_imagePending = false;
    bool m_inputPending = false;
    QString m_imagePath;
    qint64 m_imageParent = 0;
    QString m_firstFramePath;
    qint64 m_firstFrameParent = 0;
    QString m_lastFramePath;
    qint64 m_lastFrameParent = 0;
    VideoSource m_source;
    GenerationRequest m_effect; //!< only its template facts are used
    QStringList m_effectImages;
    QList<RequestImage> m_references;
    GenerationMode m_lastMode = GenerationMode::TextToVideo;
    bool m_lastCanGenerate = false;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<RecentPrompts> m_recent;

    MentionPromptEdit* m_prompt = nullptr;
    QLabel* m_unusedReferences = nullptr;
    QLabel* m_promptCount = nullptr;
    QPlainTextEdit* m_negative = nullptr;
    QLabel* m_negativeCount = nullptr;
    QPushButton* m_recentButton = nullptr;
    QMenu* m_recentMenu = nullptr;
    GenerationSettingsPanel* m_panel = nullptr;
    QLabel* m_cost = nullptr;
    QLabel* m_balanceLabel = nullptr;
    QLabel* m_blocked = nullptr;
    QSpinBox* m_takes = nullptr;
    QPushButton* m_generate = nullptr;
    qint64 m_editedJob = 0; //!< the queued job being edited; 0: none
    QLabel* m_editNote = nullptr;
    QPushButton* m_cancelEdit = nullptr;
};

} // namespace pixverse
