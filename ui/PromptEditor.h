#pragma once

#include "core/generation/GenerationRequest.h"
#include "core/generation/ModelCatalog.h"

#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QMenu;
class QPlainTextEdit;
class QPushButton;

namespace pixverse {

class AppSettings;
class GenerationSettingsPanel;
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

    //! What Generate would send now.
    GenerationRequest request() const;
    //! Fills every field from `request` ("reuse" from the gallery), fitted to what this family
    //! offers.
    void setRequest(const GenerationRequest& request);

    //! Image-to-video: the aspect ratio is hidden, the image decides it.
    void setImageMode(bool on);
    bool isImageMode() const;
    //! The prepared image to animate; a non-empty path turns image mode on, empty turns it off.
    void setImagePath(const QString& path);
    //! An image is still being checked: Generate waits for it.
    void setImagePending(bool pending);

    std::optional<int> cost() const; //!< credits for the current settings; empty: no price
    bool canGenerate() const;
    //! Why Generate is disabled, most important first; empty when it is enabled.
    QStringList blockingReasons() const;
    QStringList recentPrompts() const;
    //! What the last change of model or account changed in the settings, and why; empty when
    //! nothing had to change.
    QString settingsHint() const;

public Q_SLOTS:
    //! Emits generateRequested() when nothing blocks it (Ctrl+Enter, the Generate button).
    void generate();
    //! The dice: a random seed, kept fixed.
    void rollSeed();

Q_SIGNALS:
    void generateRequested(const pixverse::GenerationRequest& request);
    void requestChanged();
    void canGenerateChanged(bool canGenerate);

private:
    void buildUi();
    void buildCostRow();
    void rebuildRecentMenu();
    void onSettingsChanged();
    void updateState();
    void updateCounts();
    void updateCost();
    void remember();
    //! request() as the rules see it: in image mode it is image-to-video even before the image
    //! is ready.
    GenerationRequest ruleRequest() const;

    const ModelCatalog* m_catalog;
    ApiFamily m_family = ApiFamily::OpenApi;
    std::optional<qint64> m_balance;
    bool m_imagePending = false;
    QString m_imagePath;
    bool m_lastCanGenerate = false;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<RecentPrompts> m_recent;

    QPlainTextEdit* m_prompt = nullptr;
    QLabel* m_promptCount = nullptr;
    QPlainTextEdit* m_negative = nullptr;
    QLabel* m_negativeCount = nullptr;
    QPushButton* m_recentButton = nullptr;
    QMenu* m_recentMenu = nullptr;
    GenerationSettingsPanel* m_panel = nullptr;
    QLabel* m_cost = nullptr;
    QLabel* m_balanceLabel = nullptr;
    QLabel* m_blocked = nullptr;
    QPushButton* m_generate = nullptr;
};

} // namespace pixverse
