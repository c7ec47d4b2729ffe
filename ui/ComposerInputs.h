#pragma once

#include "core/generation/GenerationRequest.h"

#include <QHash>
#include <QWidget>

namespace pixverse {

struct Job;
class ImageDropZone;
class PromptEditor;
class VideoSourceSlot;

//! What the composer makes the video from, above the prompt: the image slot (text and image to
//! video), the first- and last-frame slots (transition) or the video to extend, whichever the
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

private:
    ImageDropZone* addFrameZone(QWidget* page, const QString& name, const QString& hint);
    void connectImageZone(ImageDropZone* zone, RequestImage::Role role);
    //! Fills `zone` with `path`; once the check passes, the image carries `parentJobId`.
    void openImage(ImageDropZone* zone, RequestImage::Role role, const QString& path,
                   qint64 parentJobId);
    void updatePending();

    PromptEditor* m_editor;
    QWidget* m_frames = nullptr; //!< the two frame slots
    ImageDropZone* m_image = nullptr;
    ImageDropZone* m_first = nullptr;
    ImageDropZone* m_last = nullptr;
    VideoSourceSlot* m_source = nullptr;
    //! The take each slot's image comes from, by role, with that image's path: an image put in
    //! later by the creator has no parent.
    struct Parent {
        QString path;
        qint64 jobId = 0;
    };
    QHash<int, Parent> m_parents; //!< by RequestImage::Role
};

} // namespace pixverse
