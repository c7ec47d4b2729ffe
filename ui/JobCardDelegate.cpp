#include "ui/JobCardDelegate.h"

#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobFilterModel.h"
#include "core/jobs/JobListModel.h"
#include "core/jobs/ThumbnailCache.h"
#include "ui/GalleryOrderModel.h"
#include "ui/ThumbnailMaker.h"
#include "ui/UiHelpers.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QTextLayout>

#include <cmath>
#include <numbers>

namespace pixverse {

namespace {

constexpr int kMargin = 5;  // between the item rect and the card
constexpr int kPadding = 8; // inside the card, around the text
constexpr qreal kRadius = 8;
const QColor kThumbBackground(0x1f, 0x21, 0x26);

int lineSpacing(const QFont& font) {
    return QFontMetrics(font).lineSpacing();
}

//! The settings line's font: a little smaller than the card's.
QFont metaFont(const QFont& base) {
    QFont font = base;
    font.setPointSizeF(std::max(6.0, base.pointSizeF() * 0.92));
    return font;
}

QFont chipFont(const QFont& base) {
    QFont font = base;
    font.setBold(true);
    font.setPointSizeF(std::max(6.0, base.pointSizeF() * 0.85));
    return font;
}

//! The card's rounded outline (the fill's edge, the border's centre line).
QPainterPath roundedCard(const QRectF& card) {
    QPainterPath path;
    path.addRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), kRadius, kRadius);
    return path;
}

//! Rows at the top of a card that its rounded corners reach into.
constexpr int kCornerRows = 10;

QPainterPath starPath(const QRectF& box) {
    QPainterPath path;
    const QPointF c = box.center();
    const qreal outer = std::min(box.width(), box.height()) / 2.0;
    const qreal inner = outer * 0.45;
    for (int i = 0; i < 10; ++i) {
        const qreal angle = -std::numbers::pi / 2 + i * std::numbers::pi / 5;
        const qreal r = (i % 2 == 0) ? outer : inner;
        const QPointF p(c.x() + r * std::cos(angle), c.y() + r * std::sin(angle));
        if (i == 0)
            path.moveTo(p);
        else
            path.lineTo(p);
    }
    path.closeSubpath();
    return path;
}

//! A placeholder picture for a card without a thumbnail: what the job is doing.
void paintPlaceholder(QPainter* painter, const QRect& thumb, JobState state, double progress) {
    QLinearGradient gradient(thumb.topLeft(), thumb.bottomRight());
    const QColor tint = JobCardDelegate::stateColor(state);
    gradient.setColorAt(0,
                        QColor::fromRgbF(tint.redF() * 0.35f + 0.08f, tint.greenF() * 0.35f + 0.08f,
                                         tint.blueF() * 0.35f + 0.09f));
    gradient.setColorAt(1, kThumbBackground);
    painter->fillRect(thumb, gradient);

    const qreal size = thumb.height() * 0.34;
    const QRectF icon(thumb.center().x() - size / 2 + 0.5, thumb.center().y() - size / 2 + 0.5,
                      size, size);
    QColor faint(255, 255, 255, 60);
    QColor strong(255, 255, 255, 210);
    QPen pen(faint, std::max(2.0, size / 10));
    pen.setCapStyle(Qt::RoundCap);
    painter->setBrush(Qt::NoBrush);
    switch (state) {
    case JobState::Queued: {
        painter->setPen(Qt::NoPen);
        painter->setBrush(strong);
        const qreal r = size / 10;
        for (int i = -1; i <= 1; ++i)
            painter->drawEllipse(icon.center() + QPointF(i * r * 3.2, 0), r, r);
        break;
    }
    case JobState::Uploading:
    case JobState::Submitting:
    case JobState::Generating:
    case JobState::Downloading: {
        painter->setPen(pen);
        painter->drawEllipse(icon);
        pen.setColor(strong);
        painter->setPen(pen);
        const int span = state == JobState::Downloading && progress >= 0
                             ? qRound(-360 * 16 * progress)
                             : -100 * 16;
        painter->drawArc(icon, 90 * 16, span);
        break;
    }
    case JobState::Failed:
    case JobState::Moderated: {
        pen.setColor(strong);
        painter->setPen(pen);
        painter->drawEllipse(icon);
        const QPointF c = icon.center();
        painter->drawLine(c + QPointF(0, -size * 0.22), c + QPointF(0, size * 0.08));
        painter->drawPoint(c + QPointF(0, size * 0.24));
        break;
    }
    case JobState::Cancelled: {
        pen.setColor(strong);
        painter->setPen(pen);
        painter->drawEllipse(icon);
        const qreal d = size * 0.35;
        painter->drawLine(icon.center() + QPointF(-d, d), icon.center() + QPointF(d, -d));
        break;
    }
    case JobState::Deleted: {
        // A cross: nothing of it is left anywhere.
        pen.setColor(strong);
        painter->setPen(pen);
        const qreal d = size * 0.3;
        painter->drawLine(icon.center() + QPointF(-d, -d), icon.center() + QPointF(d, d));
        painter->drawLine(icon.center() + QPointF(-d, d), icon.center() + QPointF(d, -d));
        break;
    }
    case JobState::Done: {
        painter->setPen(Qt::NoPen);
        painter->setBrush(strong);
        QPolygonF triangle;
        triangle << icon.center() + QPointF(-size * 0.22, -size * 0.3)
                 << icon.center() + QPointF(size * 0.32, 0)
                 << icon.center() + QPointF(-size * 0.22, size * 0.3);
        painter->drawPolygon(triangle);
        break;
    }
    }
}

//! A rounded label on the picture: white text on a dark, see-through pill.
void paintPill(QPainter* painter, const QRectF& pill, const QColor& fill) {
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
}

const QColor kPillFill(0, 0, 0, 150);
const QColor kStackFill(0x43, 0x38, 0xca);  // the "×4" of a stack of takes
const QColor kPickedFill(0x0d, 0x94, 0x88); // the "Picked" chip
const QColor kHeldFill(0xb4, 0x53, 0x09);   // the "Paused" chip of a queued job
const QColor kRejectFill(0xdc, 0x26, 0x26); // the ✕ badge of a rejected take
const QColor kStarGold(0xfb, 0xbf, 0x24);
constexpr qreal kRejectedOpacity = 0.42; // a rejected card, dimmed
constexpr qreal kPillPadding = 7;
constexpr qreal kPillGap = 4; // between the sound mark and the duration

} // namespace

JobCardDelegate::JobCardDelegate(QObject* parent)
    : QStyledItemDelegate(parent) {
    QPalette white;
    white.setColor(QPalette::WindowText, Qt::white);
    m_soundIcon = ui::actionIcon(QStringLiteral("sound"), white);
    m_layouts.setMaxCost(512); // the lines of a few screens of cards, ~150 KiB
}

JobCardDelegate::CardTexts JobCardDelegate::cardTexts(const QModelIndex& index) {
    CardTexts texts;
    const auto state = static_cast<JobState>(index.data(JobListModel::StateRole).toInt());
    texts.status = index.data(JobListModel::StatusTextRole).toString();
    if (state == JobState::Queued) {
        // The gallery's model knows the place in the queue; a plain list says "Queued".
        if (const int place = index.data(GalleryOrderModel::QueuePositionRole).toInt(); place > 0)
            texts.status = tr("#%1 in queue").arg(place);
        texts.held = index.data(GalleryOrderModel::QueueHeldRole).toBool();
    }
    // A Done job the service deleted: its chip says "Done" (the copy plays) and this one why
    // "Download again" is gone. Never saved, its chip already says "Deleted".
    if (state == JobState::Done && !index.data(JobListModel::VideoPathRole).toString().isEmpty())
        texts.deletedNote = index.data(JobListModel::DeletedNoteRole).toString();
    texts.mode = index.data(JobListModel::ModeTextRole).toString();
    texts.duration = index.data(JobListModel::DurationTextRole).toString();
    texts.sound = index.data(JobListModel::HasAudioRole).toBool();
    const QString prompt = index.data(JobListModel::PromptExcerptRole).toString();
    texts.prompt = prompt.isEmpty() ? tr("(no prompt)") : prompt;
    if (state == JobState::Failed || state == JobState::Moderated || state == JobState::Deleted)
        texts.error = index.data(JobListModel::ErrorRole).toString();
    const auto mode = index.data(JobListModel::RequestRole).value<GenerationRequest>().mode;
    if (ModelCatalog::modeTakesModel(mode)) {
        texts.settings = tr("%1 · %2").arg(index.data(JobListModel::ModelLabelRole).toString(),
                                           index.data(JobListModel::QualityRole).toString());
    } else {
        // Upscale, sound and lip sync use no model, and their quality is the source's: the
        // size of what came back says more.
        const QSize size = index.data(JobListModel::VideoSizeRole).toSize();
        if (size.isValid())
            texts.settings = QStringLiteral("%1×%2").arg(size.width()).arg(size.height());
    }
    texts.cost = index.data(JobListModel::CostTextRole).toString();
    texts.parent = index.data(JobListModel::ParentTextRole).toString();
    texts.rating = index.data(JobListModel::RatingRole).toInt();
    texts.rejected = index.data(JobListModel::RejectedRole).toBool();
    texts.picked = index.data(JobListModel::PickedRole).toBool();
    const QStringList tags = index.data(JobListModel::TagsRole).toStringList();
    if (!tags.isEmpty())
        texts.tags = QStringLiteral("#") + tags.join(QStringLiteral("  #"));
    texts.stack = stackSize(index);
    if (texts.stack > 1)
        texts.stackBadge = tr("×%1").arg(texts.stack);
    return texts;
}

int JobCardDelegate::stackSize(const QModelIndex& index) {
    const auto* filter = qobject_cast<const JobFilterModel*>(index.model());
    if (!filter || !filter->isStacked() || filter->openStack() != 0)
        return 1;
    return std::max(1, index.data(JobListModel::GroupSizeRole).toInt());
}

QIcon JobCardDelegate::favouriteIcon() {
    QPixmap pixmap(64, 64);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0x78, 0x50, 0x00), 3));
    painter.setBrush(QColor(0xfb, 0xbf, 0x24));
    painter.drawPath(starPath(QRectF(4, 5, 56, 56)));
    return QIcon(pixmap);
}

QColor JobCardDelegate::stateColor(JobState state) {
    switch (state) {
    case JobState::Queued:
        return QColor(0x6b, 0x72, 0x80);
    case JobState::Uploading:
    case JobState::Submitting:
        return QColor(0x25, 0x63, 0xeb);
    case JobState::Generating:
        return QColor(0x7c, 0x3a, 0xed);
    case JobState::Downloading:
        return QColor(0x08, 0x91, 0xb2);
    case JobState::Done:
        return QColor(0x16, 0xa3, 0x4a);
    case JobState::Failed:
        return QColor(0xdc, 0x26, 0x26);
    case JobState::Moderated:
        return QColor(0xd9, 0x77, 0x06);
    case JobState::Cancelled:
        return QColor(0x52, 0x52, 0x5b);
    case JobState::Deleted:
        return QColor(0x9f, 0x12, 0x39);
    }
    return QColor(0x6b, 0x72, 0x80);
}

int JobCardDelegate::naturalWidth(const QFont& font) {
    return std::max(208, qRound(QFontMetrics(font).height() * 13.5));
}

QSize JobCardDelegate::cardSize(const QStyleOptionViewItem& option) const {
    const int ls = lineSpacing(option.font);
    const int width = m_cardWidth > 0 ? m_cardWidth : naturalWidth(option.font);
    const int thumb = (width - 2 * kMargin) * 9 / 16;
    const int height = kMargin + thumb + kPadding + 3 * ls + 6 + ls + kPadding + kMargin;
    return {width, height};
}

QSize JobCardDelegate::thumbnailSize(const QStyleOptionViewItem& option) const {
    const QSize size = cardSize(option);
    return thumbnailRect(QRect(QPoint(0, 0), size).adjusted(kMargin, kMargin, -kMargin, -kMargin))
        .size();
}

QSize JobCardDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
    return cardSize(option);
}

QRect JobCardDelegate::thumbnailRect(const QRect& card) const {
    return QRect(card.left(), card.top(), card.width(), card.width() * 9 / 16);
}

QRect JobCardDelegate::starRect(const QRect& itemRect) const {
    const QRect card = itemRect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QRect thumb = thumbnailRect(card);
    const int size = 26;
    return QRect(thumb.right() - size - 4, thumb.top() + 4, size, size);
}

void JobCardDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const {
    if (!index.isValid())
        return;
    const auto state = static_cast<JobState>(index.data(JobListModel::StateRole).toInt());
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const bool hovered = option.state.testFlag(QStyle::State_MouseOver);
    const QPalette& palette = option.palette;
    const QRect card = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QRect thumb = thumbnailRect(card);
    const CardTexts texts = cardTexts(index);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    if (texts.stack > 1)
        paintStackEdges(painter, card, palette);

    // The card, from a pixmap made once per size and look.
    const FrameLook look = frameLook(palette, selected, hovered);
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    painter->drawPixmap(card.topLeft(), framePixmap(card.size(), dpr, look, FrameLayer::Fill));
    // A rejected take fades into the background; its badge and the border stay clear.
    if (texts.rejected)
        painter->setOpacity(kRejectedOpacity);

    // The picture, under the card's rounded top.
    painter->save();
    QImage image;
    const QString thumbnailPath = index.data(JobListModel::ThumbnailPathRole).toString();
    if (!thumbnailPath.isEmpty() && m_cache)
        image = m_cache->image(thumbnailPath);
    // None yet, or its file is gone (the cache folder was cleared): have one made.
    if (image.isNull() && state == JobState::Done && m_maker &&
        (thumbnailPath.isEmpty() || (m_cache && m_cache->hasFailed(thumbnailPath))))
        m_maker->request(index.data(JobListModel::IdRole).toLongLong(), !thumbnailPath.isEmpty());
    const QVariant progressValue = index.data(JobListModel::ProgressRole);
    const double progress = progressValue.isValid() ? progressValue.toDouble() : -1.0;
    if (!image.isNull()) {
        paintPicture(painter, card, thumb, image);
    } else {
        clipToCard(painter, card, thumb,
                   [&] { paintPlaceholder(painter, thumb, state, progress); });
    }
    if (state == JobState::Downloading) {
        const QRect track(thumb.left(), thumb.bottom() - 4, thumb.width(), 5);
        painter->fillRect(track, QColor(255, 255, 255, 50));
        if (progress > 0)
            painter->fillRect(
                QRect(track.left(), track.top(), qRound(track.width() * progress), track.height()),
                stateColor(state).lighter(130));
    }
    painter->restore();

    paintBadges(painter, thumb, texts, state, option.font);

    // The favourite star: gold when set, an outline while the mouse is over the card.
    const bool favourite = index.data(JobListModel::FavouriteRole).toBool();
    if (favourite || hovered) {
        const QPainterPath star = starPath(QRectF(starRect(option.rect)).adjusted(4, 4, -4, -4));
        painter->setPen(
            QPen(favourite ? QColor(0x78, 0x50, 0x00) : QColor(255, 255, 255, 200), 1.2));
        painter->setBrush(favourite ? QColor(0xfb, 0xbf, 0x24) : QColor(0, 0, 0, 90));
        painter->drawPath(star);
    }
    paintText(painter, option, texts);
    painter->setOpacity(1.0);
    paintMarks(painter, thumb, option.rect, texts, option.font);

    // The border last, over everything: thicker in the highlight colour when selected.
    painter->drawPixmap(card.topLeft(), framePixmap(card.size(), dpr, look, FrameLayer::Border));
    painter->setBrush(Qt::NoBrush);
    if (option.state.testFlag(QStyle::State_HasFocus) && selected) {
        QPen focus(palette.color(QPalette::Highlight).lighter(130), 1, Qt::DotLine);
        painter->setPen(focus);
        painter->drawRoundedRect(QRectF(card).adjusted(3.5, 3.5, -3.5, -3.5), kRadius - 2,
                                 kRadius - 2);
    }
    painter->restore();
}

QRectF JobCardDelegate::durationPill(const QRectF& thumb, const CardTexts& texts,
                                     const QFont& font) const {
    const QFontMetricsF metrics(font);
    const qreal height = std::ceil(metrics.height()) + 6;
    const qreal iconSide = texts.sound ? height - 6 : 0;
    const qreal width = std::ceil(metrics.horizontalAdvance(texts.duration)) + 2 +
                        2 * kPillPadding + (texts.sound ? iconSide + kPillGap : 0);
    // Above the download's progress track.
    return {thumb.right() + 1 - 8 - width, thumb.bottom() + 1 - 10 - height, width, height};
}

QRect JobCardDelegate::soundMarkRect(const QStyleOptionViewItem& option,
                                     const QModelIndex& index) const {
    const CardTexts texts = cardTexts(index);
    if (!texts.sound || texts.duration.isEmpty())
        return {};
    const QRect card = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QRectF pill = durationPill(thumbnailRect(card), texts, chipFont(option.font));
    const qreal side = pill.height() - 6;
    return QRectF(pill.left() + kPillPadding, pill.top() + 3, side, side).toAlignedRect();
}

void JobCardDelegate::paintBadges(QPainter* painter, const QRectF& thumb, const CardTexts& texts,
                                  JobState state, const QFont& font) const {
    const QFont small = chipFont(font);
    const QFontMetricsF metrics(small);
    const qreal height = std::ceil(metrics.height()) + 6;
    painter->setFont(small);
    // The status chip, with room for the text (rounded up: an exact fit would be elided), at
    // most the picture's width less the star; "Deleted on PixVerse" under it.
    qreal top = thumb.top() + 8;
    auto chip = [&](const QString& text, const QColor& colour) {
        const qreal width =
            std::min(std::ceil(metrics.horizontalAdvance(text)) + 2, thumb.width() - 64.0);
        const QRectF rect(thumb.left() + 8, top, width + 16, height);
        paintPill(painter, rect, colour);
        painter->setPen(Qt::white);
        painter->drawText(rect.adjusted(8, 0, -8, 0), Qt::AlignCenter | Qt::TextSingleLine,
                          metrics.elidedText(text, Qt::ElideRight, width));
        top += height + 4;
    };
    chip(texts.status, stateColor(state));
    if (!texts.deletedNote.isEmpty())
        chip(texts.deletedNote, stateColor(JobState::Deleted));
    if (texts.held)
        chip(tr("Paused"), kHeldFill);
    if (texts.picked)
        chip(tr("Picked"), kPickedFill);

    // The duration (after the sound mark) at the bottom right, the mode at the bottom left in
    // what is left.
    const QRectF duration = durationPill(thumb, texts, font);
    paintPill(painter, duration, kPillFill);
    qreal textLeft = duration.left() + kPillPadding;
    if (texts.sound) {
        const qreal side = height - 6;
        const QRectF icon(textLeft, duration.top() + 3, side, side);
        painter->drawPixmap(icon.toAlignedRect(),
                            m_soundIcon.pixmap(QSize(qRound(side), qRound(side)),
                                               painter->device()->devicePixelRatioF()));
        textLeft += side + kPillGap;
    }
    painter->setPen(Qt::white);
    painter->drawText(QRectF(textLeft, duration.top(), duration.right() - kPillPadding - textLeft,
                             duration.height()),
                      Qt::AlignCenter | Qt::TextSingleLine, texts.duration);
    // A stack says how many takes it holds, left of the duration.
    qreal rowRight = duration.left();
    if (!texts.stackBadge.isEmpty()) {
        const qreal width =
            std::ceil(metrics.horizontalAdvance(texts.stackBadge)) + 2 + 2 * kPillPadding;
        const QRectF stack(duration.left() - 6 - width, duration.top(), width, height);
        paintPill(painter, stack, kStackFill);
        painter->setPen(Qt::white);
        painter->drawText(stack, Qt::AlignCenter | Qt::TextSingleLine, texts.stackBadge);
        rowRight = stack.left();
    }
    const qreal modeRoom = rowRight - 6 - (thumb.left() + 8) - 2 * kPillPadding;
    if (texts.mode.isEmpty() || modeRoom < metrics.averageCharWidth() * 4)
        return;
    const QString mode = metrics.elidedText(texts.mode, Qt::ElideRight, modeRoom);
    const qreal width = std::ceil(metrics.horizontalAdvance(mode)) + 2 + 2 * kPillPadding;
    const QRectF pill(thumb.left() + 8, duration.top(), width, height);
    paintPill(painter, pill, kPillFill);
    painter->setPen(Qt::white);
    painter->drawText(pill, Qt::AlignCenter | Qt::TextSingleLine, mode);
}

QRect JobCardDelegate::rejectBadgeRect(const QRect& itemRect) const {
    const QRect star = starRect(itemRect);
    const int size = 20;
    return QRect(star.left() - size - 2, star.center().y() - size / 2, size, size);
}

void JobCardDelegate::paintStackEdges(QPainter* painter, const QRect& card,
                                      const QPalette& palette) {
    // Two cards under this one, each a little narrower and higher: only their tops show.
    for (int layer = 2; layer >= 1; --layer) {
        const QRectF edge = QRectF(card).adjusted(7 * layer + 0.5, -2 * layer + 0.5,
                                                  -7 * layer - 0.5, -2 * layer - 0.5);
        painter->setPen(QPen(palette.color(QPalette::Mid), 1));
        painter->setBrush(palette.color(QPalette::Base).darker(100 + 8 * layer));
        painter->drawRoundedRect(edge, kRadius, kRadius);
    }
}

void JobCardDelegate::paintMarks(QPainter* painter, const QRectF& thumb, const QRect& itemRect,
                                 const CardTexts& texts, const QFont& font) const {
    if (texts.rating > 0) {
        // Five small stars above the mode pill: the rated ones gold.
        const QFontMetricsF metrics(chipFont(font));
        const qreal height = std::ceil(metrics.height()) + 6;
        const qreal side = height - 8;
        const QRectF row = durationPill(thumb, texts, font);
        const QRectF pill(thumb.left() + 8, row.top() - 4 - height, 5 * side + 4 * 2 + 2 * 6,
                          height);
        paintPill(painter, pill, kPillFill);
        for (int i = 0; i < 5; ++i) {
            const QRectF box(pill.left() + 6 + i * (side + 2), pill.top() + 4, side, side);
            painter->setPen(Qt::NoPen);
            painter->setBrush(i < texts.rating ? kStarGold : QColor(255, 255, 255, 70));
            painter->drawPath(starPath(box));
        }
    }
    if (texts.rejected) {
        const QRectF badge = QRectF(rejectBadgeRect(itemRect)).adjusted(0.5, 0.5, -0.5, -0.5);
        painter->setPen(QPen(Qt::white, 1.5));
        painter->setBrush(kRejectFill);
        painter->drawEllipse(badge);
        QPen cross(Qt::white, 2.2);
        cross.setCapStyle(Qt::RoundCap);
        painter->setPen(cross);
        const qreal d = badge.width() * 0.2;
        const QPointF c = badge.center();
        painter->drawLine(c + QPointF(-d, -d), c + QPointF(d, d));
        painter->drawLine(c + QPointF(-d, d), c + QPointF(d, -d));
    }
}

QRect JobCardDelegate::textRect(const QRect& itemRect, const QFont& font) const {
    const QRect card = itemRect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QRect thumb = thumbnailRect(card);
    return QRect(card.left() + kPadding, thumb.bottom() + 1 + kPadding, card.width() - 2 * kPadding,
                 3 * lineSpacing(font));
}

QRect JobCardDelegate::parentLinkRect(const QStyleOptionViewItem& option,
                                      const QModelIndex& index) const {
    const QString link = index.data(JobListModel::ParentTextRole).toString();
    if (link.isEmpty())
        return {};
    const QRect text = textRect(option.rect, option.font);
    const QFontMetrics metrics(option.font);
    const int ls = metrics.lineSpacing();
    const int width = std::min(text.width(), metrics.horizontalAdvance(link) + 2);
    return QRect(text.left(), text.bottom() + 1 - ls, width, ls);
}

void JobCardDelegate::paintText(QPainter* painter, const QStyleOptionViewItem& option,
                                const CardTexts& texts) const {
    const QPalette& palette = option.palette;
    const int ls = lineSpacing(option.font);
    const QRect text = textRect(option.rect, option.font);
    // The lineage link takes the last of the three lines, the tags the one above it.
    const int lines = 3 - (texts.parent.isEmpty() ? 0 : 1) - (texts.tags.isEmpty() ? 0 : 1);
    painter->setPen(palette.color(QPalette::Text));
    const int promptLines = texts.error.isEmpty() ? lines : 1;
    const int used = drawWrapped(painter, text, texts.prompt, option.font, promptLines);
    if (!texts.error.isEmpty()) {
        painter->setPen(ui::errorColor(palette));
        drawWrapped(painter, text.adjusted(0, used, 0, 0), texts.error, option.font,
                    lines - promptLines);
    }
    if (!texts.tags.isEmpty()) {
        painter->setPen(ui::hintColor(palette));
        painter->setFont(option.font);
        const QRect line(text.left(), text.top() + lines * ls, text.width(), ls);
        painter->drawText(
            line, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
            QFontMetrics(option.font).elidedText(texts.tags, Qt::ElideRight, line.width()));
    }
    if (!texts.parent.isEmpty()) {
        QFont linkFont = option.font;
        linkFont.setUnderline(true);
        painter->setFont(linkFont);
        painter->setPen(palette.color(QPalette::Link));
        const QRect link(text.left(), text.bottom() + 1 - ls, text.width(), ls);
        painter->drawText(
            link, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
            QFontMetrics(linkFont).elidedText(texts.parent, Qt::ElideRight, link.width()));
    }

    painter->setPen(ui::hintColor(palette));
    painter->setFont(metaFont(option.font));
    const CardSettingsLine meta = settingsLine(option, texts);
    for (const auto& [rect, line] : meta.lines)
        painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, line);
    if (!texts.cost.isEmpty())
        painter->drawText(meta.cost, Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine,
                          texts.cost);
}

CardSettingsLine JobCardDelegate::settingsLine(const QStyleOptionViewItem& option,
                                               const QModelIndex& index) const {
    return settingsLine(option, cardTexts(index));
}

CardSettingsLine JobCardDelegate::settingsLine(const QStyleOptionViewItem& option,
                                               const CardTexts& texts) const {
    const QRect text = textRect(option.rect, option.font);
    const int ls = lineSpacing(option.font);
    // The settings may wrap into the text's last line when the prompt (and the reason a job
    // failed) leave it empty and no lineage link takes it.
    const int used = texts.error.isEmpty()
                         ? int(wrappedLines(texts.prompt, option.font, text.width(), 3).size())
                         : 1 + int(wrappedLines(texts.error, option.font, text.width(), 2).size());
    const bool free = texts.parent.isEmpty() && used < 3;
    return layOutCardSettings(texts.settings, texts.cost,
                              QRect(text.left(), text.bottom() + 1 + 6, text.width(), ls),
                              metaFont(option.font), free);
}

JobCardDelegate::FrameLook JobCardDelegate::frameLook(const QPalette& palette, bool selected,
                                                      bool hovered) {
    FrameLook look;
    look.selected = selected;
    look.fill = palette.color(QPalette::Base);
    if (selected) {
        const QColor highlight = palette.color(QPalette::Highlight);
        look.fill = QColor::fromRgbF(look.fill.redF() * 0.85f + highlight.redF() * 0.15f,
                                     look.fill.greenF() * 0.85f + highlight.greenF() * 0.15f,
                                     look.fill.blueF() * 0.85f + highlight.blueF() * 0.15f);
        look.border = highlight;
    } else {
        look.border = palette.color(QPalette::Mid);
        if (!hovered)
            look.border.setAlpha(110);
    }
    return look;
}

void JobCardDelegate::paintFrame(QPainter* painter, const QRectF& card, const FrameLook& look,
                                 FrameLayer layer) {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (layer == FrameLayer::Fill) {
        painter->fillPath(roundedCard(card), look.fill);
    } else if (look.selected) {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(look.border, 2));
        painter->drawRoundedRect(card.adjusted(1, 1, -1, -1), kRadius, kRadius);
    } else {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(look.border, 1));
        painter->drawPath(roundedCard(card));
    }
    painter->restore();
}

QPixmap JobCardDelegate::framePixmap(const QSize& size, qreal dpr, const FrameLook& look,
                                     FrameLayer layer) const {
    const bool fill = layer == FrameLayer::Fill;
    const QString key = QStringLiteral("%1x%2@%3 %4 %5 %6 %7")
                            .arg(size.width())
                            .arg(size.height())
                            .arg(dpr)
                            .arg(look.fill.rgba())
                            .arg(fill ? 0u : look.border.rgba()) // the fill has no border
                            .arg(!fill && look.selected ? 1 : 0)
                            .arg(fill ? 0 : 1);
    if (const auto found = m_frames.constFind(key); found != m_frames.cend())
        return *found;
    // A handful per card size (selected, hovered, plain; two layers): a new size (the window
    // was resized) makes the old ones useless.
    if (m_frames.size() >= 48)
        m_frames.clear();
    QPixmap pixmap(size * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paintFrame(&painter, QRectF(QPointF(0, 0), QSizeF(size)), look, layer);
    painter.end();
    m_frames.insert(key, pixmap);
    return pixmap;
}

QStringList JobCardDelegate::wrappedLines(const QString& text, const QFont& font, int width,
                                          int maxLines) const {
    if (text.isEmpty() || maxLines <= 0)
        return {};
    const QString key =
        font.key() + u'|' + QString::number(width) + u'|' + QString::number(maxLines) + u'|' + text;
    if (const QStringList* lines = m_layouts.object(key))
        return *lines;
    QTextLayout layout(text, font);
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(wrap);
    layout.beginLayout();
    QList<QPair<int, int>> spans; // start, length
    while (spans.size() < maxLines) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        spans.append({line.textStart(), line.textLength()});
    }
    layout.endLayout();
    QStringList lines;
    for (qsizetype i = 0; i < spans.size(); ++i) {
        const auto [start, length] = spans.at(i);
        if (i == spans.size() - 1 && start + length < text.size())
            lines << QFontMetrics(font)
                         .elidedText(text.mid(start).simplified(), Qt::ElideRight, width)
                         .trimmed();
        else
            lines << text.mid(start, length).trimmed();
    }
    m_layouts.insert(key, new QStringList(lines));
    return lines;
}

int JobCardDelegate::drawWrapped(QPainter* painter, const QRect& rect, const QString& text,
                                 const QFont& font, int maxLines) const {
    const QStringList lines = wrappedLines(text, font, rect.width(), maxLines);
    if (lines.isEmpty())
        return 0;
    const int ls = QFontMetrics(font).lineSpacing();
    painter->setFont(font);
    int y = 0;
    for (const QString& line : lines) {
        painter->drawText(QRect(rect.left(), rect.top() + y, rect.width(), ls),
                          Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, line);
        y += ls;
    }
    return y;
}

QPainterPath JobCardDelegate::pictureEdges(const QRect& card, const QRect& thumb) const {
    const QSize key(card.width(), thumb.height());
    if (key != m_edgesSize) {
        // In the card's own coordinates: the picture's rim (top rows and side columns) inside
        // the rounded outline.
        const QRect local = thumb.translated(-card.topLeft());
        QPainterPath rim;
        rim.addRect(local);
        QPainterPath inside;
        inside.addRect(local.adjusted(1, kCornerRows, -1, 0));
        m_edges = roundedCard(QRectF(QPointF(0, 0), QSizeF(card.size())))
                      .intersected(rim.subtracted(inside));
        m_edgesSize = key;
    }
    return m_edges.translated(card.topLeft());
}

void JobCardDelegate::paintPicture(QPainter* painter, const QRect& card, const QRect& thumb,
                                   const QImage& image) const {
    // Made at the card's size by the thumbnail cache: drawn 1:1. Otherwise (a size from before a
    // resize, a small picture): nearly the card's shape fills it (a sliver cropped), anything
    // else is letterboxed.
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const QSize shown = (QSizeF(image.size()) / dpr).toSize();
    QSize drawn = shown;
    if (shown.width() > thumb.width() || shown.height() > thumb.height() ||
        (shown.width() < thumb.width() && shown.height() < thumb.height())) {
        const QSize fitted = image.size().scaled(thumb.size(), Qt::KeepAspectRatio);
        const bool fill = std::abs(double(fitted.width()) / thumb.width() - 1.0) < 0.08 &&
                          std::abs(double(fitted.height()) / thumb.height() - 1.0) < 0.08;
        drawn = fill ? image.size().scaled(thumb.size(), Qt::KeepAspectRatioByExpanding) : fitted;
    }
    QRect target(QPoint(0, 0), drawn);
    target.moveCenter(thumb.center());
    const bool covers = target.contains(thumb);
    clipToCard(painter, card, thumb, [&] {
        if (!covers)
            painter->fillRect(thumb, kThumbBackground);
        painter->drawImage(target, image);
    });
}

void JobCardDelegate::clipToCard(QPainter* painter, const QRect& card, const QRect& thumb,
                                 const std::function<void()>& paintThumb) const {
    // A rectangle clips most of the picture; only its rim is clipped to the card's rounded
    // shape (a path clip over the whole card cost more than the picture).
    painter->save();
    painter->setClipRect(thumb.adjusted(1, kCornerRows, -1, 0), Qt::IntersectClip);
    paintThumb();
    painter->restore();
    painter->save();
    painter->setClipPath(pictureEdges(card, thumb), Qt::IntersectClip);
    paintThumb();
    painter->restore();
}

bool JobCardDelegate::editorEvent(QEvent* event, QAbstractItemModel* model,
                                  const QStyleOptionViewItem& option, const QModelIndex& index) {
    const QEvent::Type type = event->type();
    if (type == QEvent::MouseButtonPress || type == QEvent::MouseButtonRelease ||
        type == QEvent::MouseButtonDblClick) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() == Qt::LeftButton &&
            starRect(option.rect).contains(mouse->position().toPoint())) {
            if (type == QEvent::MouseButtonRelease)
                Q_EMIT favouriteClicked(index);
            return true;
        }
        if (mouse->button() == Qt::LeftButton &&
            parentLinkRect(option, index).contains(mouse->position().toPoint())) {
            if (type == QEvent::MouseButtonRelease)
                Q_EMIT parentLinkClicked(index);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace pixverse
