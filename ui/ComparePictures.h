#pragma once

#include <QImage>
#include <QWidget>

namespace pixverse {

//! One clip's picture in the compare view: the frame fitted and centred on black.
class FramePicture : public QWidget {
    Q_OBJECT
public:
    explicit FramePicture(QWidget* parent = nullptr);
    void setImage(const QImage& image);
    QImage image() const { return m_image; }
    //! Where the picture lies inside the widget.
    QRect pictureRect() const;
    QSize sizeHint() const override { return {320, 180}; }
    QSize minimumSizeHint() const override { return {160, 90}; }

Q_SIGNALS:
    //! The widget's size in device pixels: what its clip's frames are decoded to fit.
    void pixelSizeChanged(QSize size);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QImage m_image;
};

//! Two clips as one picture: A left of a vertical divider, B right of it. The divider follows
//! the mouse (drag) and the arrow keys with Shift.
class WipePicture : public QWidget {
    Q_OBJECT
public:
    explicit WipePicture(QWidget* parent = nullptr);
    void setImages(const QImage& left, const QImage& right);
    void setLeft(const QImage& image);
    void setRight(const QImage& image);
    //! The divider as a share of the picture's width (0 … 1).
    double divider() const { return m_divider; }
    void setDivider(double share);
    //! Where the picture lies, and the divider's x inside the widget.
    QRect pictureRect() const;
    int dividerX() const;
    QSize sizeHint() const override { return {640, 360}; }
    QSize minimumSizeHint() const override { return {240, 135}; }

Q_SIGNALS:
    void pixelSizeChanged(QSize size);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    void followMouse(int x);

    QImage m_left;
    QImage m_right;
    double m_divider = 0.5;
};

} // namespace pixverse
