#include "ui/JobCardDelegate.h"

#include "core/jobs/JobListModel.h"
#include "core/jobs/ThumbnailCache.h"
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

QFont chipFont(const QFont& base) {
    QFont font = base;
    font.setBold(true);
    font.setPointSizeF(std::max(6.0, base.pointSizeF() * 0.85));
    return font;
}

//! Draws `text` wrapped in `rect`, at most `maxLines` lines, the last one elided. Returns the
//! height used.
int drawWrapped(QPainter* painter, const QRect& rect, const QString& text, const QFont& font,
                int maxLines) {
    if (text.isEmpty() || maxLines <= 0)
        return 0;
    const QFontMetrics metrics(font);
    QTextLayout layout(text, font);
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(wrap);
    layout.beginLayout();
    int y = 0;
    int lines = 0;
    QList<QPair<int, int>> spans; // start, length
    while (lines < maxLines) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(rect.width());
        spans.append({line.textStart(), line.textLength()});
        ++lines;
    }
    layout.endLayout();
    painter->setFont(font);
    for (int i = 0; i < spans.size(); ++i) {
        QString part = text.mid(spans.at(i).first, spans.at(i).second);
        const bool last = i == spans.size() - 1;
        if (last && spans.at(i).first + spans.at(i).second < text.size())
            part = metrics.elidedText(text.mid(spans.at(i).first).simplified(), Qt::ElideRight,
                                      rect.width());
        painter->drawText(QRect(rect.left(), rect.top() + y, rect.width(), metrics.lineSpacing()),
                          Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, part.trimmed());
        y += metrics.lineSpacing();
    }
    return y;
}

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

} // namespace

JobCardDelegate::JobCardDelegate(QObject* parent)
    : QStyledItemDelegate(parent) {}

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

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);

    // The card.
    QPainterPath cardPath;
    cardPath.addRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), kRadius, kRadius);
    QColor background = palette.color(QPalette::Base);
    if (selected) {
        const QColor highlight = palette.color(QPalette::Highlight);
        background = QColor::fromRgbF(background.redF() * 0.85f + highlight.redF() * 0.15f,
                                      background.greenF() * 0.85f + highlight.greenF() * 0.15f,
                                      background.blueF() * 0.85f + highlight.blueF() * 0.15f);
    }
    painter->fillPath(cardPath, background);

    // The picture, clipped to the card's rounded top.
    painter->save();
    painter->setClipPath(cardPath);
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
        painter->fillRect(thumb, kThumbBackground);
        const QSize fitted = image.size().scaled(thumb.size(), Qt::KeepAspectRatio);
        // Nearly the card's shape: fill it (a sliver cropped); otherwise letterbox.
        const bool fill = std::abs(double(fitted.width()) / thumb.width() - 1.0) < 0.08 &&
                          std::abs(double(fitted.height()) / thumb.height() - 1.0) < 0.08;
        const QSize drawn =
            fill ? image.size().scaled(thumb.size(), Qt::KeepAspectRatioByExpanding) : fitted;
        QRect target(QPoint(0, 0), drawn);
        target.moveCenter(thumb.center());
        painter->setClipRect(thumb, Qt::IntersectClip);
        painter->drawImage(target, image);
    } else {
        paintPlaceholder(painter, thumb, state, progress);
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

    // The status chip.
    const QFont small = chipFont(option.font);
    const QFontMetricsF smallMetrics(small);
    const QString status = index.data(JobListModel::StatusTextRole).toString();
    const qreal chipHeight = std::ceil(smallMetrics.height()) + 6;
    // Room for the text (rounded up: an exact fit would be elided), at most the picture's width
    // less the star.
    const qreal textWidth =
        std::min(std::ceil(smallMetrics.horizontalAdvance(status)) + 2, thumb.width() - 64.0);
    const QRectF chip(thumb.left() + 8, thumb.top() + 8, textWidth + 16, chipHeight);
    painter->setPen(Qt::NoPen);
    painter->setBrush(stateColor(state));
    painter->drawRoundedRect(chip, chipHeight / 2.0, chipHeight / 2.0);
    painter->setPen(Qt::white);
    painter->setFont(small);
    painter->drawText(chip.adjusted(8, 0, -8, 0), Qt::AlignCenter | Qt::TextSingleLine,
                      smallMetrics.elidedText(status, Qt::ElideRight, textWidth));

    // The favourite star: gold when set, an outline while the mouse is over the card.
    const bool favourite = index.data(JobListModel::FavouriteRole).toBool();
    if (favourite || hovered) {
        const QPainterPath star = starPath(QRectF(starRect(option.rect)).adjusted(4, 4, -4, -4));
        painter->setPen(
            QPen(favourite ? QColor(0x78, 0x50, 0x00) : QColor(255, 255, 255, 200), 1.2));
        painter->setBrush(favourite ? QColor(0xfb, 0xbf, 0x24) : QColor(0, 0, 0, 90));
        painter->drawPath(star);
    }

    // The text under the picture.
    const int ls = lineSpacing(option.font);
    const QRect text(card.left() + kPadding, thumb.bottom() + 1 + kPadding,
                     card.width() - 2 * kPadding, 3 * ls);
    const QString prompt = index.data(JobListModel::PromptExcerptRole).toString();
    const QString error = (state == JobState::Failed || state == JobState::Moderated)
                              ? index.data(JobListModel::ErrorRole).toString()
                              : QString();
    painter->setPen(palette.color(QPalette::Text));
    const int promptLines = error.isEmpty() ? 3 : 1;
    const QString shownPrompt = prompt.isEmpty() ? tr("(no prompt)") : prompt;
    const int used = drawWrapped(painter, text, shownPrompt, option.font, promptLines);
    if (!error.isEmpty()) {
        painter->setPen(ui::errorColor(palette));
        drawWrapped(painter, text.adjusted(0, used, 0, 0), error, option.font, 3 - promptLines);
    }

    const QRect meta(text.left(), text.bottom() + 1 + 6, text.width(), ls);
    painter->setPen(ui::hintColor(palette));
    QFont metaFont = option.font;
    metaFont.setPointSizeF(std::max(6.0, option.font.pointSizeF() * 0.92));
    painter->setFont(metaFont);
    const QFontMetrics metaMetrics(metaFont);
    const QString cost = index.data(JobListModel::CostTextRole).toString();
    const int costWidth = cost.isEmpty() ? 0 : metaMetrics.horizontalAdvance(cost) + 8;
    QString settings = index.data(JobListModel::SettingsTextRole).toString();
    if (index.data(JobListModel::ImageToVideoRole).toBool())
        settings = tr("Image · %1").arg(settings);
    painter->drawText(meta.adjusted(0, 0, -costWidth, 0),
                      Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      metaMetrics.elidedText(settings, Qt::ElideRight, meta.width() - costWidth));
    if (!cost.isEmpty())
        painter->drawText(meta, Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine, cost);

    // The border last, over everything: thicker in the highlight colour when selected.
    painter->setBrush(Qt::NoBrush);
    if (selected) {
        painter->setPen(QPen(palette.color(QPalette::Highlight), 2));
        painter->drawRoundedRect(QRectF(card).adjusted(1, 1, -1, -1), kRadius, kRadius);
    } else {
        QColor border = palette.color(QPalette::Mid);
        if (!hovered)
            border.setAlpha(110);
        painter->setPen(QPen(border, 1));
        painter->drawPath(cardPath);
    }
    if (option.state.testFlag(QStyle::State_HasFocus) && selected) {
        QPen focus(palette.color(QPalette::Highlight).lighter(130), 1, Qt::DotLine);
        painter->setPen(focus);
        painter->drawRoundedRect(QRectF(card).adjusted(3.5, 3.5, -3.5, -3.5), kRadius - 2,
                                 kRadius - 2);
    }
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
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace pixverse
