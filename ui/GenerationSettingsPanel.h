#pragma once

#include "core/generation/GenerationRequest.h"
#include "core/generation/ModelCatalog.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QSpinBox;
class QToolButton;

namespace pixverse {

class DurationControl;

//! The generation settings of the composer: mode, model, duration, quality, aspect ratio, the
//! legacy fields some models take (motion, style, camera), the seed and the switches (sound,
//! multi-shot, off-peak), and a hint line saying what a change of model changed and why.
//! Every value, rule and label comes from the ModelCatalog; the panel decides nothing itself.
class GenerationSettingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit GenerationSettingsPanel(const ModelCatalog* catalog, QWidget* parent = nullptr);
    ~GenerationSettingsPanel() override;

    //! Another table (the app's one); the settings are kept where it still allows them.
    void setCatalog(const ModelCatalog* catalog);
    void setFamily(ApiFamily family);
    ApiFamily family() const { return m_family; }

    //! Takes every setting of `request`: its model when the family offers it (else the family's
    //! default), fitted to that model; what had to change is said in the hint line.
    void setSettings(const GenerationRequest& request);
    //! Writes the settings into `request`; the prompts and the inputs (images) are left alone.
    void applyTo(GenerationRequest& request) const;

    //! The modes the composer offers, in the selector's order: text to video, image to video,
    //! first and last frame, extend, effect, reference to video (upscale, sound and lip sync act
    //! on a finished take instead).
    static QList<GenerationMode> composerModes();

    GenerationMode mode() const;
    //! Selects `mode`. A mode the current model does not take switches to the family's model
    //! for it (the hint says so). False when no model of this family takes it.
    bool setMode(GenerationMode mode);
    //! Why `mode` cannot be chosen with this account (one sentence); empty when it can.
    std::optional<QString> modeRefusal(GenerationMode mode) const;
    const ModelSpec* currentModel() const;

    //! Shows what the rules refuse for `request` (the whole request as it would be sent): refused
    //! values are greyed out with their reason, a refused switch cannot be turned on.
    void showRules(const GenerationRequest& request);
    //! What the last change of model or account changed, and why; empty when nothing did.
    QString fitHint() const;
    //! How many images the chosen effect takes: with none its shape is chosen here (§2.3).
    void setEffectImageCount(int count);

public Q_SLOTS:
    //! The dice: a random seed, kept fixed.
    void rollSeed();

Q_SIGNALS:
    //! The creator changed a setting (not emitted for setSettings() and the like).
    void settingsChanged();
    //! The creator picked a mode in the selector.
    void modeChosen(pixverse::GenerationMode mode);

private:
    struct Choice {
        QString field;
        QLabel* label = nullptr;
        QComboBox* combo = nullptr;
    };

    static QString currentValue(const QComboBox* combo);
    //! Selects the item whose data is `value`; false when there is none.
    static bool selectValue(QComboBox* combo, const QString& value);
    void buildChoices();
    void buildSeedAndSwitches();
    void rebuildModels(const QString& preferred);
    //! Fills every list for the current model and selects `request`'s values (already fitted).
    void rebuildValues(const GenerationRequest& request);
    //! The current settings with `request`'s model, fitted to it; the changes go in the hint.
    void fitAndShow(GenerationRequest request, const QString& previousModelLabel = {});
    void updateVisibility();
    void layoutChoices();
    void onModelChosen();
    void onModeChosen();
    //! Moves to `target` (which makes `mode`), keeping what it allows; the hint says why.
    void switchModel(const ModelSpec& target, GenerationMode mode);
    void onChanged();
    //! The model to use for `mode`: the current one when it takes it, else the family's default,
    //! else the newest offered one that takes it; null when none does.
    const ModelSpec* modelFor(GenerationMode mode) const;
    //! The composer modes any model of the catalog takes, in any family (a mode no model has
    //! is not shown at all; one this family lacks is shown disabled).
    QStringList listedModes() const;
    void showModeRefusals();
    //! Disables the items of `combo` `whyNot` refuses, each with its reason as its tooltip, and
    //! the combo's tooltip says why its current value is refused; returns the reasons.
    static QStringList
    markRefusals(QComboBox* combo,
                 const std::function<std::optional<QString>(const QString&)>& whyNot);
    QString valueLabel(const QString& field, const QString& value) const;
    //! One line of the hint: the setting, from → to, and why.
    QString changeText(const SettingChange& change) const;

    const ModelCatalog* m_catalog;
    ApiFamily m_family = ApiFamily::OpenApi;
    bool m_updating = false;
    int m_effectImageCount = 1;

    QGridLayout* m_grid = nullptr;
    Choice m_mode;
    Choice m_model;
    QLabel* m_durationLabel = nullptr;
    DurationControl* m_duration = nullptr;
    Choice m_quality;
    Choice m_aspect;
    Choice m_motion;
    Choice m_style;
    Choice m_camera;
    QCheckBox* m_seedFixed = nullptr;
    QSpinBox* m_seed = nullptr;
    QToolButton* m_seedDice = nullptr;
    QHash<QString, QCheckBox*> m_switches;
    QLabel* m_hint = nullptr;
    QLabel* m_modeHint = nullptr; //!< why a mode is disabled for this account
};

} // namespace pixverse
