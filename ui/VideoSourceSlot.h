#pragma once

#include "ui/DropSlot.h"
#include "ui/VideoSource.h"

class QLabel;
class QMimeData;

namespace pixverse {

struct Job;
struct MediaProbeResult;

//! The video an extend continues: a finished take (Extend on its card: its thumbnail and "From
//! “<prompt>”") or a local video file (dropped or browsed; read in the background, refused with
//! one sentence when it breaks a documented limit). Never reads a video on the GUI thread.
class VideoSourceSlot : public DropSlot {
    Q_OBJECT
public:
    explicit VideoSourceSlot(QWidget* parent = nullptr);
    ~VideoSourceSlot() override;

    //! The video chosen; empty when there is none.
    VideoSource source() const { return m_source; }
    //! What the slot shows as the source's name ("From “A paper lantern…”", a file name).
    QString title() const { return shownName(); }

public Q_SLOTS:
    //! A finished take as the source (its PixVerse id, its length and size, its thumbnail).
    void setTake(const pixverse::Job& take);
    //! A source known only from a request (a reused job): its id or file, and a title.
    void setSource(const pixverse::VideoSource& source, const QString& title);
    //! Reads `path` in the background; a video extend accepts becomes the source, any other is
    //! refused with the reason (mediaRefusal's sentence).
    void openFile(const QString& path);
    void browse() override;
    //! Remove: no source, no message.
    void clear() override;

Q_SIGNALS:
    void sourceChanged();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void finishProbe(const MediaProbeResult& result);
    //! `source` becomes the slot's, shown as `title` with the thumbnail at `thumbnail`.
    void use(const VideoSource& source, const QString& title, const QString& thumbnail);
    //! Shows `title` and `info` with the thumbnail at `thumbnail` (none: a placeholder).
    void showSource(const QString& title, const QString& info, const QString& thumbnail);
    static QString localVideoFile(const QMimeData* mime);

    VideoSource m_source;
    quint64 m_ticket = 0;
    QLabel* m_info = nullptr;
};

} // namespace pixverse
