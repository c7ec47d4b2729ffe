#pragma once

#include <QSet>
#include <QString>
#include <QStringList>
#include <QStyledItemDelegate>

namespace pixverse {

class PreviewCache;
class PreviewPlayer;
class ThumbnailCache;

//! Paints an effect template (TemplateListModel roles) as a card: its still, or the playing
//! preview's latest frame, or a placeholder until the still is on disk and decoded; the name;
//! what it needs and the qualities it allows; a "Needs activation" badge that greys the card;
//! a small note when its preview could not be loaded. Stills come from the PreviewCache
//! (downloaded on the first paint of the card) and are decoded at the card's size by a
//! ThumbnailCache on its thread pool, never on the GUI thread.
class EffectCardDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    //! Every text a card shows: what paint() draws (and tests read).
    struct CardTexts {
        QString name;
        QString needs;     //!< "1 image", "2 images", "Text only"
        QString qualities; //!< "Up to 540p", "Any quality"
        QString badge;     //!< "Needs activation"; empty: none
        QString note;      //!< "No preview"; empty: none
    };
    static CardTexts cardTexts(const QModelIndex& index, bool previewFailed = false);
    //! "1 image", "2 images", "Text only".
    static QString needsText(int imageCount);
    //! "Up to 540p" when `qualities` stop below 1080p; "Any quality" otherwise.
    static QString qualitiesText(const QStringList& qualities);

    //! The card's tooltip: the description, and 500070's advice when it needs activation.
    static QString toolTipText(const QModelIndex& index);

    EffectCardDelegate(PreviewCache* previews, ThumbnailCache* stills, PreviewPlayer* player,
                       QObject* parent = nullptr);

    //! Every card has this size (the view uses uniform item sizes).
    QSize cardSize(const QFont& font) const;
    //! The picture's size on a card at `font` (the stills are decoded to it).
    static QSize pictureSize(const QFont& font);
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

    //! The preview of template `id` could not be loaded: its card says so.
    void setPreviewFailed(qint64 id, bool failed);
    bool previewFailed(qint64 id) const { return m_previewFailed.contains(id); }
    //! The still at `url` could not be downloaded: the placeholder stays, no new attempt.
    void setStillFailed(const QString& url) { m_stillsFailed.insert(url); }
    //! `url` is on disk now; should the cache evict it later, the next paint downloads it again.
    void setStillArrived(const QString& url) { m_stillsAsked.remove(url); }

protected:
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

private:
    //! The still of the card (null while it loads); asks for the download or the decoding.
    QImage still(const QString& url) const;
    void paintPicture(QPainter* painter, const QRect& picture, const QModelIndex& index) const;
    void paintChip(QPainter* painter, const QRect& picture, const QString& text, bool top) const;

    PreviewCache* m_previews; // all three owned by the browser, which outlives the view
    ThumbnailCache* m_stills;
    PreviewPlayer* m_player;
    QSet<qint64> m_previewFailed;
    QSet<QString> m_stillsFailed;
    mutable QSet<QString> m_stillsAsked; //!< downloads asked for once per session
};

} // namespace pixverse
