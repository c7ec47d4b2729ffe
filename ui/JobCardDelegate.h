#pragma once

#include "core/jobs/Job.h"
#include "ui/CardSettingsLine.h"

#include <QCache>
#include <QColor>
#include <QHash>
#include <QIcon>
#include <QPainterPath>
#include <QPixmap>
#include <QStringList>
#include <QStyledItemDelegate>

#include <functional>

namespace pixverse {

class ThumbnailCache;
class ThumbnailMaker;

//! Paints a job as a card: the thumbnail (or a placeholder while there is none), a status chip
//! (queued, uploading, generating with its elapsed time, downloading with a progress bar, done,
//! failed, moderated, cancelled, deleted) and "Deleted on PixVerse" under it when the service
//! deleted a saved video, the favourite star, the mode and the duration (with a sound mark when
//! the clip has audio) on the picture, the prompt excerpt, the reason a job failed, the lineage
//! link ("from …", on the text's last line) and model · quality with the cost. The creator's
//! marks (issue 18): rating stars, a dimmed card with a ✕ badge when rejected, a "Picked" chip,
//! the tags on a line of their own, and for a stack of takes a "×4" pill with the edges of the
//! cards under it. Reads JobListModel roles only; the thumbnail comes from a ThumbnailCache
//! (never from the disk on the GUI thread).
class JobCardDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    //! Every text a card shows, and its marks: what paint() draws (and tests read).
    struct CardTexts {
        QString status;      //!< the chip: "Generating 0:42", "Done", ...
        QString deletedNote; //!< a second chip, "Deleted on PixVerse"; empty: none
        QString mode;        //!< on the picture, bottom left: "Text to video"
        QString duration;    //!< on the picture, bottom right: "12 s"
        bool sound = false;  //!< a sound mark before the duration: the clip has audio
        QString prompt;      //!< the excerpt, or "(no prompt)"
        QString error;       //!< why it failed, was refused or deleted; empty otherwise
        QString settings;    //!< under the text: "V6 · 720p"
        QString cost;        //!< at its right: "144 credits"; empty: unknown
        QString parent;      //!< the lineage link under the prompt: "from “…”"; empty: none
        // The creator's marks (issue 18).
        int rating = 0;        //!< small stars at the bottom left of the picture; 0: none
        bool rejected = false; //!< the card dimmed, a ✕ badge left of the favourite star
        bool picked = false;   //!< a "Picked" chip under the status chip
        QString tags;          //!< one line under the prompt: "#storm #night"; empty: none
        int stack = 1;         //!< takes the card stands for: "×4" and stacked edges when over 1
        QString stackBadge;    //!< "×4"; empty: not a stack
        // The queue (issue 19): the status chip of a queued job says "#2 in queue".
        bool held = false; //!< a "Paused" chip under it: the creator paused this queued job
    };
    static CardTexts cardTexts(const QModelIndex& index);
    //! How many takes the card at `index` stands for: GroupSizeRole while the gallery's filter
    //! stacks the takes of one click and no stack is open; 1 otherwise.
    static int stackSize(const QModelIndex& index);

    explicit JobCardDelegate(QObject* parent = nullptr);

    void setThumbnailCache(ThumbnailCache* cache) { m_cache = cache; }
    ThumbnailCache* thumbnailCache() const { return m_cache; }
    //! Finished jobs painted without a thumbnail ask `maker` for one.
    void setThumbnailMaker(ThumbnailMaker* maker) { m_maker = maker; }

    //! Every card has this size (the view uses uniform item sizes).
    QSize cardSize(const QStyleOptionViewItem& option) const;
    //! The width a card has at `font` unless the view stretches it to fill a row.
    static int naturalWidth(const QFont& font);
    //! The view spreads the cards over its width; 0: the natural width.
    void setCardWidth(int width) { m_cardWidth = width; }
    int cardWidth() const { return m_cardWidth; }
    //! The picture's size on a card of cardSize(): what the thumbnail cache decodes to.
    QSize thumbnailSize(const QStyleOptionViewItem& option) const;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

    //! Where the favourite star of the card at `cardRect` is (a click there toggles it).
    QRect starRect(const QRect& cardRect) const;
    //! Where the card painted in `option` shows its sound mark (`option.rect` is the item's
    //! rect); empty when the clip has no sound.
    QRect soundMarkRect(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    //! Where the card painted in `option` shows its lineage link ("from …"; a click there
    //! selects the parent); empty when the job continues no other.
    QRect parentLinkRect(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    //! Where the card painted in `option` shows its settings and cost (two lines when they do
    //! not fit on one and the text above leaves room).
    CardSettingsLine settingsLine(const QStyleOptionViewItem& option,
                                  const QModelIndex& index) const;
    //! Where the card painted in `option` shows its reject badge.
    QRect rejectBadgeRect(const QRect& itemRect) const;
    //! The colour of a state's chip.
    static QColor stateColor(JobState state);
    //! The gold star of favourites, for actions and buttons (the cards paint the same shape).
    static QIcon favouriteIcon();

    //! The card's frame: its rounded fill, painted first, and its antialiased border, painted
    //! last over the picture. Stroking the rounded border was 40 % of a card's paint, so paint()
    //! draws both from pixmaps made once per size and look (framePixmap()).
    enum class FrameLayer { Fill, Border };
    struct FrameLook {
        QColor fill;
        QColor border;
        bool selected = false; //!< a 2 px border in `border` instead of 1 px
        bool operator==(const FrameLook&) const = default;
    };
    static FrameLook frameLook(const QPalette& palette, bool selected, bool hovered);
    //! Paints a layer of the frame of `card` directly.
    static void paintFrame(QPainter* painter, const QRectF& card, const FrameLook& look,
                           FrameLayer layer);
    //! The same layer for a card of `size` at (0, 0), painted once and kept (at most a few
    //! dozen: sizes times looks); its device pixel ratio is `dpr`.
    QPixmap framePixmap(const QSize& size, qreal dpr, const FrameLook& look,
                        FrameLayer layer) const;
    //! Pixmaps framePixmap() keeps.
    int cachedFrameCount() const { return static_cast<int>(m_frames.size()); }

    //! The lines `text` wraps into at `width` (at most `maxLines`, the last one elided when text
    //! is left over), laid out once per text, font, width and line count and kept: the cards on
    //! screen are painted again for every thumbnail that arrives.
    QStringList wrappedLines(const QString& text, const QFont& font, int width, int maxLines) const;
    int cachedLayoutCount() const { return static_cast<int>(m_layouts.count()); }

Q_SIGNALS:
    void favouriteClicked(const QModelIndex& index);
    //! The card's "from …" link was clicked: the gallery selects the parent.
    void parentLinkClicked(const QModelIndex& index);

protected:
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;

private:
    QRect thumbnailRect(const QRect& cardRect) const;
    //! The duration pill (with room for the sound mark) at the bottom right of `thumb`.
    QRectF durationPill(const QRectF& thumb, const CardTexts& texts, const QFont& font) const;
    void paintBadges(QPainter* painter, const QRectF& thumb, const CardTexts& texts, JobState state,
                     const QFont& font) const;
    void paintText(QPainter* painter, const QStyleOptionViewItem& option,
                   const CardTexts& texts) const;
    //! Draws `text` wrapped in `rect` (wrappedLines()); returns the height used.
    int drawWrapped(QPainter* painter, const QRect& rect, const QString& text, const QFont& font,
                    int maxLines) const;
    //! The picture `image` on the thumbnail area `thumb` of `card`, under its rounded corners.
    void paintPicture(QPainter* painter, const QRect& card, const QRect& thumb,
                      const QImage& image) const;
    //! Runs `paintThumb` (which paints the area `thumb` of `card`) clipped to the card's
    //! rounded outline.
    void clipToCard(QPainter* painter, const QRect& card, const QRect& thumb,
                    const std::function<void()>& paintThumb) const;
    //! The rim of the picture `thumb` of `card` that its rounded corners and edges clip.
    QPainterPath pictureEdges(const QRect& card, const QRect& thumb) const;
    CardSettingsLine settingsLine(const QStyleOptionViewItem& option, const CardTexts& texts) const;
    //! The creator's marks on the picture: rating stars above the mode, the reject badge.
    void paintMarks(QPainter* painter, const QRectF& thumb, const QRect& itemRect,
                    const CardTexts& texts, const QFont& font) const;
    //! The edges of the cards under a stack, peeking out above `card`.
    static void paintStackEdges(QPainter* painter, const QRect& card, const QPalette& palette);
    //! The text block under the picture (prompt, error, lineage link) of the card in `itemRect`.
    QRect textRect(const QRect& itemRect, const QFont& font) const;

    ThumbnailCache* m_cache = nullptr; // both owned by the pane, which outlives the view
    ThumbnailMaker* m_maker = nullptr;
    int m_cardWidth = 0;
    QIcon m_soundIcon; //!< resources/icons/actions/sound.svg in white, made once
    mutable QHash<QString, QPixmap> m_frames;       // framePixmap()'s
    mutable QCache<QString, QStringList> m_layouts; // wrappedLines()'s
    mutable QSize m_edgesSize;                      // pictureEdges()'s, for cards of this size
    mutable QPainterPath m_edges;
};

} // namespace pixverse
