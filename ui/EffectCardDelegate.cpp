#include "ui/EffectCardDelegate.h"

#include "core/api/ApiError.h"
#include "core/effects/PreviewCache.h"
#include "core/effects/TemplateListModel.h"
#include "core/jobs/ThumbnailCache.h"
#include "ui/PreviewPlayer.h"
#include "ui/UiHelpers.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace pixverse {

namespace {

constexpr int kMargin = 5;  // between the item rect and the card
constexpr int kPadding = 8; // inside the card, around the text
constexpr qreal kRadius = 8;
const QColor kPictureBackground(0x1f, 0x21, 0x26);

//! 540 from "540p"; 0 when the text has no number.
int qualityLines(const QString& quality) {
    int digits = 0;
    while (digits < quality.size() && quality.at(digits).isDigit())
        ++digits;
    return quality.left(digits).toInt();
}

QFont smallFont(const QFont& base) {
    QFont font = base;
    font.setPointSizeF(std::max(6.0, base.pointSizeF() * 0.85));
    return font;
}

QFont nameFont(const QFont& base) {
    QFont font = base;
    font.setBold(true);
    return font;
}

//! The part of `image` that covers `target` (centred), so it fills the picture uncut.
QRectF coverSource(const QSizeF& image, const QSizeF& target) {
    const QSizeF shown = target.scaled(image, Qt::KeepAspectRatio);
    return {QPointF((image.width() - shown.width()) / 2, (image.height() - shown.height()) / 2),
            shown};
}

} // namespace

QString EffectCardDelegate::needsText(int imageCount) {
    if (imageCount <= 0)
        return tr("Text only");
    // English has no plural forms file: one image is said apart, the Russian forms are in the .ts.
    if (imageCount == 1)
        return tr("1 image");
    return tr("%n images", nullptr, imageCount);
}

QString EffectCardDelegate::qualitiesText(const QStringList& qualities) {
    int best = 0;
    QString bestText;
    for (const QString& quality : qualities) {
        if (const int lines = qualityLines(quality); lines > best) {
            best = lines;
            bestText = quality;
        }
    }
    // 1080p is the highest quality any model makes: a list reaching it limits nothing.
    if (best == 0 || best >= 1080)
        return tr("Any quality");
    return tr("Up to %1").arg(bestText);
}

EffectCardDelegate::CardTexts EffectCardDelegate::cardTexts(const QModelIndex& index,
                                                            bool previewFailed) {
    CardTexts texts;
    texts.name = index.data(TemplateListModel::NameRole).toString();
    texts.needs = needsText(index.data(TemplateListModel::ImageCountRole).toInt());
    texts.qualities = qualitiesText(index.data(TemplateListModel::QualitiesRole).toStringList());
    if (index.data(TemplateListModel::NeedsActivationRole).toBool())
        texts.badge = tr("Needs activation");
    if (previewFailed)
        texts.note = tr("No preview");
    return texts;
}

QString EffectCardDelegate::toolTipText(const QModelIndex& index) {
    QString text = index.data(TemplateListModel::PromptRole).toString();
    if (index.data(TemplateListModel::NeedsActivationRole).toBool()) {
        const QString advice = ApiError::service(500070, QString()).userMessage();
        text = text.isEmpty() ? advice : text + QStringLiteral("\n\n") + advice;
    }
    return text;
}

bool EffectCardDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view,
                                   const QStyleOptionViewItem& option, const QModelIndex& index) {
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const QString text = toolTipText(index);
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPos(), text, view, option.rect);
    return true;
}

EffectCardDelegate::EffectCardDelegate(PreviewCache* previews, ThumbnailCache* stills,
                                       PreviewPlayer* player, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_previews(previews)
    , m_stills(stills)
    , m_player(player) {}

QSize EffectCardDelegate::pictureSize(const QFont& font) {
    // Wide enough for the longest facts line in the current language ("1 изображение · Любое
    // качество") and the badge, so neither is cut.
    const QFontMetrics small(smallFont(font));
    const int facts =
        small.horizontalAdvance(needsText(1) + QStringLiteral(" · ") + qualitiesText({})) +
        2 * kPadding + 4;
    const int badge = small.horizontalAdvance(tr("Needs activation")) + 40;
    const int width = std::max({168, QFontMetrics(font).averageCharWidth() * 22, facts, badge});
    return {width, width * 3 / 4};
}

QSize EffectCardDelegate::cardSize(const QFont& font) const {
    const QSize picture = pictureSize(font);
    const int text = QFontMetrics(nameFont(font)).lineSpacing() +
                     QFontMetrics(smallFont(font)).lineSpacing() + 2 * kPadding;
    return {picture.width() + 2 * kMargin, picture.height() + text + 2 * kMargin};
}

QSize EffectCardDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
    return cardSize(option.font);
}

void EffectCardDelegate::setPreviewFailed(qint64 id, bool failed) {
    if (failed)
        m_previewFailed.insert(id);
    else
        m_previewFailed.remove(id);
}

QImage EffectCardDelegate::still(const QString& url) const {
    if (url.isEmpty() || !m_previews || !m_stills || m_stillsFailed.contains(url))
        return {};
    const QString file = m_previews->cachedFile(url);
    if (file.isEmpty()) {
        if (!m_stillsAsked.contains(url)) {
            m_stillsAsked.insert(url);
            m_previews->fetch(url); // the browser repaints on previewReady()
        }
        return {};
    }
    return m_stills->image(file); // null until decoded on the cache's pool
}

void EffectCardDelegate::paintPicture(QPainter* painter, const QRect& picture,
                                      const QModelIndex& index) const {
    // No rounded clip path: clipping every image to a path is the costliest part of a frame;
    // the picture sits inside the card's rounded corners instead.
    painter->save();
    painter->setClipRect(picture);
    painter->fillRect(picture, kPictureBackground);
    const qint64 id = index.data(TemplateListModel::IdRole).toLongLong();
    QImage image;
    if (m_player && m_player->currentId() == id)
        image = m_player->frame();
    if (image.isNull())
        image = still(index.data(TemplateListModel::ThumbnailUrlRole).toString());
    if (!image.isNull()) {
        painter->drawImage(QRectF(picture), image,
                           coverSource(QSizeF(image.size()), QSizeF(picture.size())));
    } else {
        // The placeholder: the first letter of the name on the dark picture.
        QFont letter = painter->font();
        letter.setPixelSize(std::max(12, picture.height() / 3));
        letter.setBold(true);
        painter->setFont(letter);
        painter->setPen(QColor(0x5a, 0x5f, 0x6a));
        painter->drawText(picture, Qt::AlignCenter,
                          index.data(TemplateListModel::NameRole).toString().left(1).toUpper());
    }
    painter->restore();
}

void EffectCardDelegate::paintChip(QPainter* painter, const QRect& picture, const QString& text,
                                   bool top) const {
    const QFont font = smallFont(painter->font());
    const QFontMetrics metrics(font);
    const int width = std::min(picture.width() - 12, metrics.horizontalAdvance(text) + 16);
    const int height = metrics.height() + 4;
    const QRect chip(picture.left() + 6, top ? picture.top() + 6 : picture.bottom() - 6 - height,
                     width, height);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, 170));
    painter->drawRoundedRect(chip, height / 2.0, height / 2.0);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(chip.adjusted(6, 0, -6, 0), Qt::AlignCenter,
                      metrics.elidedText(text, Qt::ElideRight, chip.width() - 10));
    painter->restore();
}

void EffectCardDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                               const QModelIndex& index) const {
    const qint64 id = index.data(TemplateListModel::IdRole).toLongLong();
    const CardTexts texts = cardTexts(index, m_previewFailed.contains(id));
    const QRect card = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QPalette& palette = option.palette;
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const bool hovered = option.state.testFlag(QStyle::State_MouseOver);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor background = palette.color(QPalette::Base);
    if (hovered && !selected)
        background = palette.color(QPalette::AlternateBase);
    painter->setPen(selected ? QPen(palette.color(QPalette::Highlight), 2)
                             : QPen(palette.color(QPalette::Mid), 1));
    painter->setBrush(background);
    painter->drawRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), kRadius, kRadius);
    painter->setRenderHint(QPainter::Antialiasing, false);

    // A template known not to be activated is greyed: it cannot be used as it is.
    if (!texts.badge.isEmpty())
        painter->setOpacity(0.45);
    const QSize pictureBox = pictureSize(option.font);
    const QRect picture(card.left() + 3, card.top() + 3, card.width() - 6,
                        std::min(pictureBox.height(), card.height() - 6));
    paintPicture(painter, picture, index);

    const QRect text = QRect(card.left() + kPadding, picture.bottom() + kPadding / 2,
                             card.width() - 2 * kPadding, card.bottom() - picture.bottom());
    const QFont name = nameFont(option.font);
    const QFont small = smallFont(option.font);
    const QFontMetrics nameMetrics(name);
    painter->setFont(name);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(QRect(text.left(), text.top(), text.width(), nameMetrics.lineSpacing()),
                      Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      nameMetrics.elidedText(texts.name, Qt::ElideRight, text.width()));
    const QFontMetrics smallMetrics(small);
    painter->setFont(small);
    painter->setPen(ui::hintColor(palette));
    const QString facts = texts.needs + QStringLiteral(" · ") + texts.qualities;
    painter->drawText(QRect(text.left(), text.top() + nameMetrics.lineSpacing(), text.width(),
                            smallMetrics.lineSpacing()),
                      Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      smallMetrics.elidedText(facts, Qt::ElideRight, text.width()));
    painter->setOpacity(1.0);
    painter->setFont(option.font);
    if (!texts.badge.isEmpty())
        paintChip(painter, picture, texts.badge, true);
    if (!texts.note.isEmpty())
        paintChip(painter, picture, texts.note, false);
    painter->restore();
}

} // namespace pixverse
