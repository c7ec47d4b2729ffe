#include "ui/ComposerInputs.h"

#include "core/jobs/Job.h"
#include "ui/ImageDropZone.h"
#include "ui/PromptEditor.h"
#include "ui/VideoSourceSlot.h"

#include <QClipboard>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMimeData>
#include <QUrl>
#include <QVBoxLayout>

namespace pixverse {

namespace {

enum Page { ImagePage, FramesPage, SourcePage };

Page pageFor(GenerationMode mode) {
    switch (mode) {
    case GenerationMode::Transition:
        return FramesPage;
    case GenerationMode::Extend:
        return SourcePage;
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
    m_first = addFrameZone(
        m_frames, QStringLiteral("firstFrameZone"),
        tr("<b>First frame</b>: the video starts here. Drop it, paste it with Ctrl+V, or"));
    m_first->setAccessibleName(tr("First frame"));
    m_last = addFrameZone(
        m_frames, QStringLiteral("lastFrameZone"),
        tr("<b>Last frame</b>: the video ends here. Drop it, paste it with Ctrl+V, or"));
    m_last->setAccessibleName(tr("Last frame"));
    layout->addWidget(m_frames);

    m_source = new VideoSourceSlot(this);
    layout->addWidget(m_source);

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
    connect(m_editor, &PromptEditor::modeChanged, this, &ComposerInputs::showMode);
    showMode(m_editor->mode());
}

ComposerInputs::~ComposerInputs() = default;

ImageDropZone* ComposerInputs::addFrameZone(QWidget* page, const QString& name,
                                            const QString& hint) {
    auto* zone = new ImageDropZone(page);
    zone->setObjectName(name);
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
    }
    return false;
}

void ComposerInputs::updatePending() {
    m_editor->setInputPending(m_first->isBusy() || m_last->isBusy() || m_source->isBusy());
}

} // namespace pixverse
