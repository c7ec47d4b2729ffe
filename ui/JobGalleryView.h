#pragma once

#include <QList>
#include <QListView>
#include <QString>

class QMimeData;

namespace pixverse {

class JobCardDelegate;

//! The job cards in a wrapping grid (QListView in icon mode, uniform card size so 10,000 jobs
//! lay out at once). Several cards can be selected; finished videos drag out as files.
//! The actions on the selection live in JobsPane; the view only says what was activated.
class JobGalleryView : public QListView {
    Q_OBJECT
public:
    explicit JobGalleryView(QWidget* parent = nullptr);

    JobCardDelegate* cardDelegate() const { return m_delegate; }

    //! Ids of the selected jobs, in the order shown.
    QList<qint64> selectedJobIds() const;
    //! The job with the keyboard focus; 0 when none.
    qint64 currentJobId() const;
    //! Makes `jobId` the current and only selected card and scrolls to it. False when it is not
    //! shown (filtered out or unknown).
    bool selectJob(qint64 jobId);

    //! What a drag of the selection carries (the model's mimeData of the selected cards).
    QMimeData* selectionMimeData() const;

    //! The text shown when there is no card (it differs when a filter hides every job).
    void setPlaceholderText(const QString& text);
    QString placeholderText() const { return m_placeholder; }

Q_SIGNALS:
    //! Enter or double-click on a card.
    void jobActivated(qint64 jobId);
    //! Queued cards of this gallery were dropped on another queued card, `targetId`: before it, or
    //! `after` it (the right half of the card). The pane moves them in the queue.
    void queueDropRequested(const QList<qint64>& jobIds, qint64 targetId, bool after);

protected:
    void paintEvent(QPaintEvent* event) override;
    void startDrag(Qt::DropActions supportedActions) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    //! Where the queued cards `mime` carries would go: the queued card under `position` (not
    //! one of those dragged) and which half; no target elsewhere or when one dragged is not a
    //! queued card of this gallery.
    struct QueueDrop {
        QPersistentModelIndex target;
        bool after = false;
    };
    QueueDrop queueDropAt(const QPoint& position, const QMimeData* mime) const;
    //! The line between two cards where a queue drop would go (painted while dragging).
    QRect dropMark() const;
    int rowOf(qint64 jobId) const;
    //! Spreads the cards over the width: as many columns of natural width as fit, then wider.
    void fitCards();

    JobCardDelegate* m_delegate = nullptr;
    QString m_placeholder;
    QueueDrop m_drop; //!< the drop being hovered; invalid target: none
};

} // namespace pixverse
