// ComposerInputs' effect and reference-to-video parts (issue 17): the chosen effect's box and a
// slot per image it takes; the limits of the references strip from the catalog.
#include "core/effects/PreviewCache.h"
#include "core/effects/TemplateLibrary.h"
#include "ui/ChosenEffectBox.h"
#include "ui/ComposerInputs.h"
#include "ui/ImageDropZone.h"
#include "ui/PromptEditor.h"
#include "ui/ReferencesStrip.h"

#include <QVBoxLayout>

namespace pixverse {

QWidget* ComposerInputs::buildEffectPage() {
    m_effectPage = new QWidget(this);
    m_effectPage->setObjectName(QStringLiteral("effectInputs"));
    auto* layout = new QVBoxLayout(m_effectPage);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_effectBox = new ChosenEffectBox(m_effectPage);
    connect(m_effectBox, &ChosenEffectBox::changeRequested, this,
            &ComposerInputs::effectsRequested);
    layout->addWidget(m_effectBox);
    m_effectSlots = new QWidget(m_effectPage);
    auto* slotsLayout = new QVBoxLayout(m_effectSlots);
    slotsLayout->setContentsMargins(0, 0, 0, 0);
    slotsLayout->setSpacing(6);
    layout->addWidget(m_effectSlots);
    return m_effectPage;
}

void ComposerInputs::setEffectSources(TemplateLibrary* library, PreviewCache* previews) {
    if (m_previews)
        m_previews->disconnect(this);
    m_library = library;
    m_previews = previews;
    if (m_previews) {
        connect(m_previews, &PreviewCache::previewReady, this,
                [this](const QString& url, const QString& file) {
                    if (url == m_stillUrl)
                        m_effectBox->setStillFile(file);
                });
    }
    showStill();
}

void ComposerInputs::showEffect() {
    const GenerationRequest facts = m_editor->effectFacts();
    m_effectBox->showEffect(facts.templateId, facts.templateName, facts.templateImageCount,
                            facts.templateQualities, facts.templateNeedsActivation);
    showStill();
    const int wanted = facts.templateId ? facts.templateImageCount : 0;
    while (m_effectZones.size() > wanted) {
        ImageDropZone* zone = m_effectZones.takeLast();
        zone->hide();
        zone->deleteLater();
    }
    while (m_effectZones.size() < wanted) {
        const int n = int(m_effectZones.size()) + 1;
        auto* zone = new ImageDropZone(m_effectSlots);
        zone->setObjectName(QStringLiteral("effectImageZone%1").arg(n));
        const QString caption = wanted > 1 ? tr("Image %1 of the effect").arg(n) : QString();
        zone->setCaption(caption);
        zone->setAccessibleName(caption.isEmpty() ? tr("Image of the effect") : caption);
        zone->setHintText(tr("The effect is applied to this image: drop it here, paste it with "
                             "Ctrl+V, or"));
        connect(zone, &ImageDropZone::imageChanged, this, &ComposerInputs::effectImagesChanged);
        connect(zone, &ImageDropZone::busyChanged, this, &ComposerInputs::updatePending);
        m_effectSlots->layout()->addWidget(zone);
        m_effectZones << zone;
    }
    // The editor's images (a reuse, the image of image to video) into the slots that lack them.
    const QStringList images = m_editor->effectImages();
    for (qsizetype i = 0; i < m_effectZones.size(); ++i) {
        ImageDropZone* zone = m_effectZones.at(i);
        const QString path = images.value(i);
        const std::optional<PreparedImage> shown = zone->image();
        if (path.isEmpty() && shown)
            zone->clear();
        else if (!path.isEmpty() && (!shown || (shown->path != path && shown->sourcePath != path)))
            zone->openFile(path);
    }
    effectImagesChanged();
    updatePending();
}

void ComposerInputs::showStill() {
    m_stillUrl.clear();
    const qint64 id = m_effectBox->templateId();
    const std::optional<EffectTemplate> effect =
        m_library && id ? m_library->find(id) : std::nullopt;
    if (!effect || !m_previews || effect->thumbnailUrl.isEmpty()) {
        m_effectBox->setStillFile(QString());
        return;
    }
    m_stillUrl = effect->thumbnailUrl;
    const QString file = m_previews->cachedFile(m_stillUrl);
    m_effectBox->setStillFile(file);
    if (file.isEmpty())
        m_previews->fetch(m_stillUrl);
}

void ComposerInputs::effectImagesChanged() {
    QStringList paths;
    for (const ImageDropZone* zone : std::as_const(m_effectZones)) {
        const std::optional<PreparedImage> image = zone->image();
        paths << (image ? image->path : QString());
    }
    if (paths != m_editor->effectImages())
        m_editor->setEffectImages(paths);
}

std::optional<QString> ComposerInputs::referenceLimit(const QList<RequestImage::Role>& present,
                                                      RequestImage::Role added) const {
    // The catalog's count rules for the current model, asked about the references there would
    // be: placeholder images with usable, distinct names, so only the counts can be refused.
    GenerationRequest probe = m_editor->request();
    probe.mode = GenerationMode::Fusion;
    probe.images.clear();
    QList<RequestImage::Role> roles = present;
    roles << added;
    for (qsizetype i = 0; i < roles.size(); ++i)
        probe.images.append(
            {roles.at(i), QStringLiteral("reference"), QStringLiteral("ref%1").arg(i + 1)});
    probe.prompt.clear();
    const QList<RuleViolation> violations = m_editor->catalog().validate(probe, m_editor->family());
    for (const RuleViolation& v : violations) {
        if (v.field == QLatin1String("references"))
            return v.reason;
    }
    return std::nullopt;
}

} // namespace pixverse
