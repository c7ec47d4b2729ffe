// PromptEditor's effect and reference-to-video parts (issue 17): the chosen template's facts,
// the effect's images, the references and the mentions of their names in the prompt.
#include "core/effects/TemplateRequest.h"
#include "ui/GenerationSettingsPanel.h"
#include "ui/PromptEditor.h"
#include "ui/PromptEditorMentions.h"

#include <QLabel>

namespace pixverse {

void PromptEditor::chooseEffect(const EffectTemplate& effect) {
    GenerationRequest r = request();
    // The image of image to video is a fitting first image for the effect.
    if (r.mode != GenerationMode::Effect && !m_imagePath.isEmpty())
        r.setStartImage(m_imagePath);
    applyTemplate(r, effect, *m_catalog, m_family);
    setRequest(r);
}

void PromptEditor::refreshEffect(const EffectTemplate& effect) {
    if (!effect.id || effect.id != m_effect.templateId)
        return;
    m_effect.templateName = effect.name;
    m_effect.templatePrompt = effect.prompt;
    m_effect.templateImageCount = effect.imageCount;
    m_effect.templateQualities = effect.qualities;
    m_effect.templateNeedsActivation = effect.needsActivation;
    Q_EMIT effectChanged();
    onSettingsChanged();
}

GenerationRequest PromptEditor::effectFacts() const {
    return m_effect;
}

void PromptEditor::setEffectImages(const QStringList& paths) {
    m_effectImages = paths;
    updateState();
}

void PromptEditor::setReferences(const QList<RequestImage>& references) {
    m_references = references;
    updateState();
}

void PromptEditor::addEffectInputs(GenerationRequest& r) const {
    if (r.mode == GenerationMode::Fusion) {
        r.images = m_references;
        return;
    }
    r.templateId = m_effect.templateId;
    r.templateName = m_effect.templateName;
    r.templatePrompt = m_effect.templatePrompt;
    r.templateImageCount = m_effect.templateImageCount;
    r.templateQualities = m_effect.templateQualities;
    r.templateNeedsActivation = m_effect.templateNeedsActivation;
    for (const QString& path : m_effectImages) {
        if (!path.isEmpty())
            r.images.append({RequestImage::Role::Start, path, {}});
    }
}

void PromptEditor::takeEffectInputs(const GenerationRequest& request) {
    const qint64 before = m_effect.templateId;
    if (request.mode == GenerationMode::Effect) {
        m_effect = GenerationRequest();
        m_effect.templateId = request.templateId;
        m_effect.templateName = request.templateName;
        m_effect.templatePrompt = request.templatePrompt;
        m_effect.templateImageCount = request.templateImageCount;
        m_effect.templateQualities = request.templateQualities;
        m_effect.templateNeedsActivation = request.templateNeedsActivation;
        m_effectImages.clear();
        const QList<RequestImage> starts = request.imagesWith(RequestImage::Role::Start);
        for (const RequestImage& image : starts)
            m_effectImages << image.path;
    }
    if (request.mode == GenerationMode::Fusion)
        m_references = request.references();
    m_panel->setEffectImageCount(m_effect.templateId ? m_effect.templateImageCount : 1);
    if (request.mode == GenerationMode::Effect || before != m_effect.templateId)
        Q_EMIT effectChanged();
}

QStringList PromptEditor::unusedReferenceNames() const {
    return mode() == GenerationMode::Fusion ? m_prompt->unusedNames() : QStringList();
}

void PromptEditor::updateMentions() {
    QStringList names;
    if (mode() == GenerationMode::Fusion) {
        for (const RequestImage& reference : m_references) {
            if (!reference.name.isEmpty())
                names << reference.name;
        }
    }
    m_prompt->setReferenceNames(names);
    const QStringList unused = unusedReferenceNames();
    QStringList mentions;
    for (const QString& name : unused)
        mentions << QLatin1Char('@') + name;
    m_unusedReferences->setText(tr("Not named in the prompt: %1. The video may leave them out.")
                                    .arg(mentions.join(QStringLiteral(", "))));
    m_unusedReferences->setVisible(!unused.isEmpty());
}

} // namespace pixverse
