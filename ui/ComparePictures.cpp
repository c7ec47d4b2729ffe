#include "ui/ComparePictures.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace pixverse {

namespace {

//! `image` fitted into `area`, centred (the whole area when there is no image yet).
QRect fitted(const QImage& image, const QRect& area) {
    if (image.isNull())
        return area;
    QSize size = image.size();
    size.scale(area.size(), Qt::KeepAspectRatio);
    QRect rect(QPoint(0, 0), size);
    rect.moveCenter(area.center());
    return rect;
}

QSize pixelSize(const QWidget* widget) {
    return (QSizeF(widget->size()) * widget->devicePixelRatioF()).toSize();
}

} // namespace

FramePicture::FramePicture(QWidget* parent)
    : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void FramePicture::setImage(const QImage& image) {
    m_image = image;
    update();
}

QRect FramePicture::pictureRect() const {
    return fitted(m_image, rect());
}

void FramePicture::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), Qt::black);
    if (!m_image.isNull())
        painter.drawImage(pictureRect(), m_image);
}

void FramePicture::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    Q_EMIT pixelSizeChanged(pixelSize(this));
}

WipePicture::WipePicture(QWidget* parent)
    : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setCursor(Qt::SplitHCursor);
}

void WipePicture::setImages(const QImage& left, const QImage& right) {
    m_left = left;
    m_right = right;
    update();
}

void WipePicture::setLeft(const QImage& image) {
    m_left = image;
    update();
}

void WipePicture::setRight(const QImage& image) {
    m_right = image;
    update();
}

void WipePicture::setDivider(double share) {
    m_divider = std::clamp(share, 0.0, 1.0);
    update();
}

QRect WipePicture::pictureRect() const {
    return fitted(m_left.isNull() ? m_right : m_left, rect());
}

int WipePicture::dividerX() const {
    const QRect picture = pictureRect();
    return picture.left() + qRound(m_divider * picture.width());
}

void WipePicture::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), Qt::black);
    const QRect picture = pictureRect();
    const int x = dividerX();
    // Both clips fill the same rectangle; each shows on its side of the divider.
    const QRect leftSide(picture.left(), picture.top(), x - picture.left(), picture.height());
    const QRect rightSide(x, picture.top(), picture.right() + 1 - x, picture.height());
    if (!m_left.isNull()) {
        painter.setClipRect(leftSide);
        painter.drawImage(picture, m_left);
    }
    if (!m_right.isNull()) {
        painter.setClipRect(rightSide);
        painter.drawImage(picture, m_right);
    }
    painter.setClipping(false);
    painter.setPen(QPen(Qt::white, 2));
    painter.drawLine(x, picture.top(), x, picture.bottom());
    // A handle in the middle of the line says it can be dragged.
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(Qt::white);
    painter.drawEllipse(QPoint(x, picture.center().y()), 6, 6);
}

void WipePicture::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    Q_EMIT pixelSizeChanged(pixelSize(this));
}

void WipePicture::mousePressEvent(QMouseEvent* event) {
    followMouse(qRound(event->position().x()));
}

void WipePicture::mouseMoveEvent(QMouseEvent* event) {
    if (event->buttons() & Qt::LeftButton)
        followMouse(qRound(event->position().x()));
}

void WipePicture::followMouse(int x) {
    const QRect picture = pictureRect();
    if (picture.width() > 0)
        setDivider(double(x - picture.left()) / picture.width());
}

} // namespace pixverse
