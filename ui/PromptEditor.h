#pragma once

#include "core/generation/GenerationRequest.h"
#include "core/generation/ModelCatalog.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace pixverse {

class AppSettings;
class RecentPrompts;

//! The composer: prompt, negative prompt and the generation settings, the cost, and Generate.
//! Holds no rules: every allowed value, forbidden combination and price comes from ModelCatalog.
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

    void setFamily(ApiFamily family);
    ApiFamily family() const { return m_family; }

    //! Credits available; empty when unknown (the cost is still shown, Generate stays allowed).
    void setBalance(std::optional<qint64> credits);
    std::optional<qint64> balance() const { return m_balance; }

    //! What Generate would send now.
    GenerationRequest request() const;
    //! Fills every field from `request` ("reuse" from the gallery).
    void setRequest(const GenerationRequest& request);

    //! Image-to-video: the aspect ratio is hidden, the image decides it.
    void setImageMode(bool on);
    bool isImageMode() const { return m_imageMode; }
    //! The prepared image to animate; a non-empty path turns image mode on, empty turns it off.
    void setImagePath(const QString& path);
    //! An image is still being checked: Generate waits for it.
    void setImagePending(bool pending);

    std::optional<int> cost() const; //!< credits for the current settings; empty: no price
    bool canGenerate() const;
    //! Why Generate is disabled, most important first; empty when it is enabled.
    QStringList blockingReasons() const;
    QStringList recentPrompts() const;

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
    struct Choice {
        QString field;
        QLabel* label = nullptr;
        QComboBox* combo = nullptr;
    };

    void buildUi();
    void rebuildModels(const QString& preferred);
    void rebuildValues(const GenerationRequest& preferred);
    void updateItemStates();
    void updateVisibility();
    void updateState();
    void rebuildRecentMenu();
    void onSettingChanged();
    void onTextChanged();
    void remember();
    const ModelSpec* currentSpec() const;
    //! request() as the rules see it: in image mode it is image-to-video even before the image
    //! is ready, and the prompt is never what makes a value unavailable.
    GenerationRequest ruleRequest() const;
    QString valueLabel(const QString& field, const QString& value) const;

    const ModelCatalog* m_catalog;
    ApiFamily m_family = ApiFamily::OpenApi;
    std::optional<qint64> m_balance;
    bool m_imageMode = false;
    bool m_imagePending = false;
    QString m_imagePath;
    bool m_updating = false;
    bool m_lastCanGenerate = false;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<RecentPrompts> m_recent;

    QPlainTextEdit* m_prompt = nullptr;
    QLabel* m_promptCount = nullptr;
    QPlainTextEdit* m_negative = nullptr;
    QLabel* m_negativeCount = nullptr;
    QPushButton* m_recentButton = nullptr;
    QMenu* m_recentMenu = nullptr;
    Choice m_model;
    Choice m_duration;
    Choice m_quality;
    Choice m_aspect;
    Choice m_motion;
    Choice m_style;
    Choice m_camera;
    QCheckBox* m_seedFixed = nullptr;
    QSpinBox* m_seed = nullptr;
    QToolButton* m_seedDice = nullptr;
    QHash<QString, QCheckBox*> m_switches;
    QLabel* m_cost = nullptr;
    QLabel* m_balanceLabel = nullptr;
    QLabel* m_blocked = nullptr;
    QPushButton* m_generate = nullptr;
};

} // namespace pixverse
