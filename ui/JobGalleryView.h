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

protected:
    void paintEvent(QPaintEvent* event) override;
    void startDrag(Qt::DropActions supportedActions) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    int rowOf(qint64 jobId) const;
    //! Spreads the cards over the width: as many columns of natural width as fit, then wider.
    void fitCards();

    JobCardDelegate* m_delegate = nullptr;
    QString m_placeholder;
};

} // namespace pixverse
