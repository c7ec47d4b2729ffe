#pragma once

#include "core/generation/GenerationRequest.h"

#include <QHash>
#include <QWidget>

namespace pixverse {

struct Job;
class ChosenEffectBox;
class DropSlot;
class ImageDropZone;
class PreviewCache;
class PromptEditor;
class ReferencesStrip;
class TemplateLibrary;
class VideoSourceSlot;

//! What the composer makes the video from, above the prompt: the image slot (text and image to
//! video), the first- and last-frame slots (transition), the video to extend, the chosen effect
//! with a slot per image it takes, or the references (reference to video), whichever the
//! editor's mode asks for. Feeds the slots' contents, and the takes they come from (lineage),
//! to the PromptEditor.
class ComposerInputs : public QWidget {
    Q_OBJECT
public:
    explicit ComposerInputs(PromptEditor* editor, QWidget* parent = nullptr);
    ~ComposerInputs() override;

    ImageDropZone* imageZone() const { return m_image; }
    ImageDropZone* firstFrameZone() const { return m_first; }
    ImageDropZone* lastFrameZone() const { return m_last; }
    VideoSourceSlot* sourceSlot() const { return m_source; }
    ChosenEffectBox* effectBox() const { return m_effectBox; }
    //! One slot per image the chosen effect takes, in order.
    QList<ImageDropZone*> effectZones() const { return m_effectZones; }
    ReferencesStrip* referencesStrip() const { return m_references; }
    //! Where the chosen effect's still comes from (not owned; null: no still).
    void setEffectSources(TemplateLibrary* library, PreviewCache* previews);

    //! Shows the slots `mode` takes.
    void showMode(GenerationMode mode);
    //! A take's frame (a PNG the app extracted) as the image to animate (Start) or a
    //! transition's first or last frame; `parentJobId` is the take (lineage).
    void useFrameImage(const QString& pngPath, RequestImage::Role role, qint64 parentJobId);
    //! A finished take as the video to extend.
    void useTake(const Job& take);
    //! Fills the slots from a job's request (Reuse): its images, its source video.
    void reuse(const GenerationRequest& request);
    //! The clipboard into the slot of the current mode (Ctrl+V while typing the prompt); false
    //! when the mode has no slot for what it holds.
    bool paste();
    //! A job's upload of its inputs (all of them together), under the slots of the mode shown:
    //! the image, the last frame (under the pair), or the video to extend.
    void setUploadProgress(qint64 sent, qint64 total);
    //! The upload is over, however it ended: no bar under any slot.
    void endUploadProgress();

Q_SIGNALS:
    //! The chosen effect's Change… (or Choose…): the effects should be shown.
    void effectsRequested();

private:
    QWidget* buildEffectPage();
    //! The box and the slots for the editor's template; the slots keep their images.
    void showEffect();
    void showStill();
    void effectImagesChanged();
    //! Why one more reference cannot be added: the catalog's rule for the current model.
    std::optional<QString> referenceLimit(const QList<RequestImage::Role>& present,
                                          RequestImage::Role added) const;
    ImageDropZone* addFrameZone(QWidget* page, const QString& name, const QString& caption,
                                const QString& hint);
    void connectImageZone(ImageDropZone* zone, RequestImage::Role role);
    //! Fills `zone` with `path`; once the check passes, the image carries `parentJobId`.
    void openImage(ImageDropZone* zone, RequestImage::Role role, const QString& path,
                   qint64 parentJobId);
    void updatePending();
    //! Every slot that can show an upload.
    QList<DropSlot*> dropSlots() const;

    PromptEditor* m_editor;
    QWidget* m_frames = nullptr; //!< the two frame slots
    ImageDropZone* m_image = nullptr;
    ImageDropZone* m_first = nullptr;
    ImageDropZone* m_last = nullptr;
    VideoSourceSlot* m_source = nullptr;
    QWidget* m_effectPage = nullptr;
    ChosenEffectBox* m_effectBox = nullptr;
    QWidget* m_effectSlots = nullptr;
    QList<ImageDropZone*> m_effectZones;
    ReferencesStrip* m_references = nullptr;
    TemplateLibrary* m_library = nullptr;
    PreviewCache* m_previews = nullptr;
    QString m_stillUrl; //!< the still being fetched for the box
    //! The take each slot's image comes from, by role, with that image's path: an image put in
    //! later by the creator has no parent.
    struct Parent {
        QString path;
        qint64 jobId = 0;
    };
    QHash<int, Parent> m_parents; //!< by RequestImage::Role
};

} // namespace pixverse
