#pragma once

#include "core/jobs/Job.h"

#include <QColor>
#include <QIcon>
#include <QStyledItemDelegate>

namespace pixverse {

class ThumbnailCache;
class ThumbnailMaker;

//! Paints a job as a card: the thumbnail (or a placeholder while there is none), a status chip
//! (queued, uploading, generating with its elapsed time, downloading with a progress bar, done,
//! failed, moderated, cancelled), the favourite star, the prompt excerpt, the reason a job
//! failed, and model · quality · duration with the cost. Reads JobListModel roles only; the
//! thumbnail comes from a ThumbnailCache (never from the disk on the GUI thread).
class JobCardDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit JobCardDelegate(QObject* parent = nullptr);

    void setThumbnailCache(ThumbnailCache* cache) { m_cache = cache; }
    //! Finished jobs painted without a thumbnail ask `maker` for one.
    void setThumbnailMaker(ThumbnailMaker* maker) { m_maker = maker; }

    //! Every card has this size (the view uses uniform item sizes).
    QSize cardSize(const QStyleOptionViewItem& option) const;
    //! The width a card has at `font` unless the view stretches it to fill a row.
    static int naturalWidth(const QFont& font);
    //! The view spreads the cards over its width; 0: the natural width.
    void setCardWidth(int width) { m_cardWidth = width; }
    int cardWidth() const { return m_cardWidth; }
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

    //! Where the favourite star of the card at `cardRect` is (a click there toggles it).
    QRect starRect(const QRect& cardRect) const;
    //! The colour of a state's chip.
    static QColor stateColor(JobState state);
    //! The gold star of favourites, for actions and buttons (the cards paint the same shape).
    static QIcon favouriteIcon();

Q_SIGNALS:
    void favouriteClicked(const QModelIndex& index);

protected:
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;

private:
    QRect thumbnailRect(const QRect& cardRect) const;

    ThumbnailCache* m_cache = nullptr; // both owned by the pane, which outlives the view
    ThumbnailMaker* m_maker = nullptr;
    int m_cardWidth = 0;
};

} // namespace pixverse
