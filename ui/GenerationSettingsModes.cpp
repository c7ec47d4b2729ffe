// GenerationSettingsPanel's mode selector: the composer's modes, which model makes each, and
// why a mode is not offered to this account.
#include "ui/GenerationSettingsPanel.h"

#include <QComboBox>
#include <QLabel>

#include <algorithm>

namespace pixverse {

QList<GenerationMode> GenerationSettingsPanel::composerModes() {
    return {GenerationMode::TextToVideo, GenerationMode::ImageToVideo, GenerationMode::Transition,
            GenerationMode::Extend,      GenerationMode::Effect,       GenerationMode::Fusion};
}

QStringList GenerationSettingsPanel::listedModes() const {
    QStringList out;
    const QList<ModelSpec> models = m_catalog->models();
    for (const GenerationMode mode : composerModes()) {
        const bool anyModel = std::any_of(models.cbegin(), models.cend(), [mode](const auto& m) {
            return m.offered &&
                   (m.takesMode(mode, ApiFamily::OpenApi) || m.takesMode(mode, ApiFamily::Web));
        });
        if (anyModel)
            out << generationModeId(mode);
    }
    return out;
}

const ModelSpec* GenerationSettingsPanel::modelFor(GenerationMode mode) const {
    const ModelSpec* current = currentModel();
    if (current && current->takesMode(mode, m_family))
        return current;
    // The catalog's choice for the mode in this family (the newest that makes it).
    const QString preferred = m_catalog->defaultModel(m_family, mode);
    return preferred.isEmpty() ? nullptr : m_catalog->model(preferred);
}

std::optional<QString> GenerationSettingsPanel::modeRefusal(GenerationMode mode) const {
    if (modelFor(mode))
        return std::nullopt;
    // No model of this family makes it: the catalog's sentence for the current settings (it
    // names the family when the family has no such request at all).
    GenerationRequest probe;
    applyTo(probe);
    const std::optional<QString> why =
        m_catalog->whyNotAllowed(probe, m_family, QStringLiteral("mode"), generationModeId(mode));
    return why ? why
               : std::optional<QString>(tr("No model offered to this account makes \"%1\" videos.")
                                            .arg(generationModeLabel(mode)));
}

bool GenerationSettingsPanel::setMode(GenerationMode mode) {
    const ModelSpec* target = modelFor(mode);
    if (!target || m_mode.combo->findData(generationModeId(mode)) < 0)
        return false;
    const ModelSpec* current = currentModel();
    if (current && target->id != current->id) {
        switchModel(*target, mode);
        return this->mode() == mode;
    }
    m_updating = true;
    const bool selected = selectValue(m_mode.combo, generationModeId(mode));
    m_updating = false;
    if (selected)
        updateVisibility();
    return selected;
}

void GenerationSettingsPanel::switchModel(const ModelSpec& target, GenerationMode mode) {
    const ModelSpec* current = currentModel();
    const QString previous = current ? current->label : QString();
    GenerationRequest wanted;
    applyTo(wanted);
    wanted.mode = mode;
    wanted.model = target.id;
    m_updating = true;
    selectValue(m_model.combo, target.id);
    m_updating = false;
    fitAndShow(wanted);
    const QString switched = tr("%1 cannot make \"%2\" videos: %3 is used instead.")
                                 .arg(previous, generationModeLabel(mode), target.label);
    m_hint->setText(m_hint->text().isEmpty() ? switched : switched + u'\n' + m_hint->text());
    m_hint->show();
}

void GenerationSettingsPanel::onModeChosen() {
    if (m_updating)
        return;
    const std::optional<GenerationMode> chosen = generationModeFromId(currentValue(m_mode.combo));
    const ModelSpec* current = currentModel();
    if (chosen && current && !current->takesMode(*chosen, m_family)) {
        // A mode this model does not make: the family's model for it (only such modes are
        // enabled in the list).
        if (const ModelSpec* target = modelFor(*chosen))
            switchModel(*target, *chosen);
        updateVisibility();
        Q_EMIT settingsChanged();
        Q_EMIT modeChosen(mode());
        return;
    }
    onChanged();
    Q_EMIT modeChosen(mode());
}

void GenerationSettingsPanel::showModeRefusals() {
    // A mode another model of this family makes stays enabled (choosing it switches the model);
    // one no model of the family makes is disabled with the catalog's sentence, also shown in
    // the line under the settings so that a creator sees it without hovering.
    const QStringList refusals = markRefusals(m_mode.combo, [this](const QString& value) {
        const std::optional<GenerationMode> mode = generationModeFromId(value);
        return mode ? modeRefusal(*mode) : std::nullopt;
    });
    m_modeHint->setText(refusals.join(QLatin1Char('\n')));
    m_modeHint->setVisible(!refusals.isEmpty());
}

} // namespace pixverse
