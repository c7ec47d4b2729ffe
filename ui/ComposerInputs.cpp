#include "ui/ComposerInputs.h"

#include "core/effects/PreviewCache.h"
#include "core/effects/TemplateLibrary.h"
#include "core/jobs/Job.h"
#include "ui/ChosenEffectBox.h"
#include "ui/ImageDropZone.h"
#include "ui/PromptEditor.h"
#include "ui/ReferencesStrip.h"
#include "ui/VideoSourceSlot.h"

#include <QClipboard>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMimeData>
#include <QUrl>
#include <QVBoxLayout>

namespace pixverse {

namespace {

enum Page { ImagePage, FramesPage, SourcePage, EffectPage, ReferencesPage };

Page pageFor(GenerationMode mode) {
    switch (mode) {
    case GenerationMode::Transition:
        return FramesPage;
    case GenerationMode::Extend:
        return SourcePage;
    case GenerationMode::Effect:
        return EffectPage;
    case GenerationMode::Fusion:
        return ReferencesPage;
    default:
        return ImagePage;
    }
}

} // namespace

ComposerInputs::ComposerInputs(PromptEditor* editor, QWidget* parent)
    : QWidget(parent)
    , m_editor(editor) {
    setObjectName(QStringLiteral("composerInputs"));
    // One of the three is shown at a time (a hidden widget takes no room in the layout).
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_image = new ImageDropZone(this);
    layout->addWidget(m_image);

    m_frames = new QWidget(this);
    m_frames->setObjectName(QStringLiteral("transitionFrames"));
    auto* framesLayout = new QVBoxLayout(m_frames);
    framesLayout->setContentsMargins(0, 0, 0, 0);
    framesLayout->setSpacing(6);
    m_first = addFrameZone(m_frames, QStringLiteral("firstFrameZone"), tr("First frame"),
                           tr("The video starts from this image: drop it here, paste it with "
                              "Ctrl+V, or"));
    m_last = addFrameZone(m_frames, QStringLiteral("lastFrameZone"), tr("Last frame"),
                          tr("The video ends on this image: drop it here, paste it with Ctrl+V, "
                             "or"));
    layout->addWidget(m_frames);

    m_source = new VideoSourceSlot(this);
    layout->addWidget(m_source);

    layout->addWidget(buildEffectPage());
    m_references = new ReferencesStrip(this);
    m_references->setLimitCheck(
        [this](const QList<RequestImage::Role>& present, RequestImage::Role added) {
            return referenceLimit(present, added);
        });
    layout->addWidget(m_references);

    connectImageZone(m_image, RequestImage::Role::Start);
    connectImageZone(m_first, RequestImage::Role::FirstFrame);
    connectImageZone(m_last, RequestImage::Role::LastFrame);
    // While an image of image to video is checked, Generate waits (even before image mode: a
    // dropped image is meant to be used).
    connect(m_image, &ImageDropZone::busyChanged, m_editor, &PromptEditor::setImagePending);
    for (ImageDropZone* zone : {m_first, m_last})
        connect(zone, &ImageDropZone::busyChanged, this, &ComposerInputs::updatePending);
    connect(m_source, &VideoSourceSlot::busyChanged, this, &ComposerInputs::updatePending);
    connect(m_source, &VideoSourceSlot::sourceChanged, this,
            [this] { m_editor->setVideoSource(m_source->source()); });
    connect(m_references, &ReferencesStrip::busyChanged, this, &ComposerInputs::updatePending);
    connect(m_references, &ReferencesStrip::referencesChanged, this,
            [this] { m_editor->setReferences(m_references->references()); });
    connect(m_editor, &PromptEditor::modeChanged, this, &ComposerInputs::showMode);
    connect(m_editor, &PromptEditor::effectChanged, this, &ComposerInputs::showEffect);
    // Another model takes another number of references.
    connect(m_editor, &PromptEditor::requestChanged, this, [this] {
        if (m_references->isVisibleTo(this))
            m_references->updateLimits();
    });
    showEffect();
    showMode(m_editor->mode());
}

ComposerInputs::~ComposerInputs() = default;

ImageDropZone* ComposerInputs::addFrameZone(QWidget* page, const QString& name,
                                            const QString& caption, const QString& hint) {
    auto* zone = new ImageDropZone(page);
    zone->setObjectName(name);
    zone->setCaption(caption);
    zone->setAccessibleName(caption);
    zone->setHintText(hint);
    page->layout()->addWidget(zone);
    return zone;
}

void ComposerInputs::connectImageZone(ImageDropZone* zone, RequestImage::Role role) {
    connect(zone, &ImageDropZone::imageChanged, this, [this, zone, role] {
        const std::optional<PreparedImage> image = zone->image();
        const Parent parent = m_parents.value(int(role));
        // The take's frame keeps its parent; any other image the creator puts here has none.
        const qint64 parentJobId =
            image && image->sourcePath == parent.path ? parent.jobId : qint64(0);
        if (!parentJobId)
            m_parents.remove(int(role));
        m_editor->setFrameImage(role, image ? image->path : QString(), parentJobId);
    });
}

void ComposerInputs::showMode(GenerationMode mode) {
    const Page page = pageFor(mode);
    m_image->setVisible(page == ImagePage);
    m_frames->setVisible(page == FramesPage);
    m_source->setVisible(page == SourcePage);
    m_effectPage->setVisible(page == EffectPage);
    m_references->setVisible(page == ReferencesPage);
    if (page == ReferencesPage)
        m_references->updateLimits();
}

void ComposerInputs::openImage(ImageDropZone* zone, RequestImage::Role role, const QString& path,
                               qint64 parentJobId) {
    if (parentJobId)
        m_parents.insert(int(role), {path, parentJobId});
    else
        m_parents.remove(int(role));
    zone->openFile(path);
}

void ComposerInputs::useFrameImage(const QString& pngPath, RequestImage::Role role,
                                   qint64 parentJobId) {
    switch (role) {
    case RequestImage::Role::Start:
        openImage(m_image, role, pngPath, parentJobId);
        // Image to video as soon as the image is checked (the editor follows the image); say
        // so now, so that the slot shown is the one being filled.
        m_editor->setMode(GenerationMode::ImageToVideo);
        break;
    case RequestImage::Role::FirstFrame:
    case RequestImage::Role::LastFrame:
        m_editor->setMode(GenerationMode::Transition);
        openImage(role == RequestImage::Role::FirstFrame ? m_first : m_last, role, pngPath,
                  parentJobId);
        break;
    default:
        break;
    }
    showMode(m_editor->mode());
}

void ComposerInputs::useTake(const Job& take) {
    m_source->setTake(take);
    showMode(m_editor->mode());
}

void ComposerInputs::reuse(const GenerationRequest& request) {
    const qint64 parent = request.parentJobId;
    auto refill = [this, &request, parent](ImageDropZone* zone, RequestImage::Role role) {
        const QString path = request.imagePath(role);
        if (path.isEmpty())
            zone->clear();
        else
            openImage(zone, role, path, parent);
    };
    // Each slot gets the job's input for it, so that another mode chosen later starts empty
    // rather than with an older job's image.
    refill(m_image, RequestImage::Role::Start);
    refill(m_first, RequestImage::Role::FirstFrame);
    refill(m_last, RequestImage::Role::LastFrame);
    if (request.mode == GenerationMode::Extend && !request.sourceVideoPath.isEmpty() &&
        !request.sourceVideoId) {
        m_source->openFile(request.sourceVideoPath);
    } else if (request.mode == GenerationMode::Extend && request.sourceVideoId) {
        VideoSource source;
        source.videoId = request.sourceVideoId;
        source.seconds = request.sourceSeconds;
        source.width = request.sourceWidth;
        source.height = request.sourceHeight;
        source.parentJobId = parent;
        m_source->setSource(source, tr("PixVerse video %1").arg(request.sourceVideoId));
    } else {
        m_source->clear();
    }
    // The effect's slots follow the editor's effectChanged(); the references are refilled here.
    if (request.mode == GenerationMode::Fusion)
        m_references->setReferences(request.references());
    showMode(m_editor->mode());
}

bool ComposerInputs::paste() {
    const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
    if (!mime || mime->hasText() || !(mime->hasImage() || mime->hasUrls()))
        return false;
    switch (pageFor(m_editor->mode())) {
    case ImagePage:
        m_image->paste();
        return true;
    case FramesPage:
        // Into the first empty frame; with both there, the first is replaced.
        (m_first->image() && !m_last->image() ? m_last : m_first)->paste();
        return true;
    case SourcePage:
        for (const QUrl& url : mime->urls()) {
            if (url.isLocalFile()) {
                m_source->openFile(url.toLocalFile());
                return true;
            }
        }
        return false;
    case EffectPage:
        // Into the first empty slot; with all of them filled, the first is replaced.
        for (ImageDropZone* zone : std::as_const(m_effectZones)) {
            if (!zone->image()) {
                zone->paste();
                return true;
            }
        }
        if (!m_effectZones.isEmpty())
            m_effectZones.constFirst()->paste();
        return !m_effectZones.isEmpty();
    case ReferencesPage:
        return m_references->paste();
    }
    return false;
}

void ComposerInputs::setUploadProgress(qint64 sent, qint64 total) {
    DropSlot* shown = m_image;
    switch (pageFor(m_editor->mode())) {
    case ImagePage:
        break;
    case FramesPage:
        shown = m_last;
        break;
    case SourcePage:
        shown = m_source;
        break;
    case EffectPage:
        shown = m_effectZones.isEmpty() ? nullptr : m_effectZones.constLast();
        break;
    case ReferencesPage:
        shown = nullptr; // each reference is its own slot; the card of the job shows the rest
        break;
    }
    const QList<DropSlot*> all = dropSlots();
    for (DropSlot* slot : all) {
        if (slot == shown)
            slot->setUploadProgress(sent, total);
        else
            slot->clearUploadProgress();
    }
}

void ComposerInputs::endUploadProgress() {
    const QList<DropSlot*> all = dropSlots();
    for (DropSlot* slot : all)
        slot->endUploadProgress();
}

QList<DropSlot*> ComposerInputs::dropSlots() const {
    QList<DropSlot*> all{m_image, m_last, m_source};
    for (ImageDropZone* zone : std::as_const(m_effectZones))
        all << zone;
    return all;
}

void ComposerInputs::updatePending() {
    bool effectBusy = false;
    for (const ImageDropZone* zone : std::as_const(m_effectZones))
        effectBusy = effectBusy || zone->isBusy();
    m_editor->setInputPending(m_first->isBusy() || m_last->isBusy() || m_source->isBusy() ||
                              effectBusy || m_references->isBusy());
}

} // namespace pixverse
