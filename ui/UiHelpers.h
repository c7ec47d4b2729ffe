#pragma once

#include <QApplication>
#include <QColor>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QIcon>
#include <QIconEngine>
#include <QLabel>
#include <QMediaPlayer>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QString>
#include <QStyle>
#include <QStyleOption>
#include <QSvgRenderer>
#include <QUrl>

#include <algorithm>

namespace pixverse::ui {

//! Qt Multimedia's backend for the player and the thumbnails: ffmpeg, which decodes H.264 in
//! software with no GPU and no GStreamer plugins. Qt 6.4 tries GStreamer first on Linux, and its
//! plugin crashes in QMediaPlayer's constructor where GStreamer's own plugins are missing (nothing
//! in libqt6multimedia6's dependencies brings them). Call before the first QMediaPlayer; a
//! QT_MEDIA_BACKEND set by the user still wins.
inline void chooseMediaBackend() {
    if (qEnvironmentVariableIsEmpty("QT_MEDIA_BACKEND"))
        qputenv("QT_MEDIA_BACKEND", "ffmpeg");
}

//! Gives `player` the local video at `path` as a stream, or no source for an empty path. Qt 6.4's
//! FFmpeg backend hands ffmpeg the percent-encoded file URL, so a path with any non-ASCII
//! character (the file of a Russian prompt, a "~/Видео" library) cannot be opened by URL; a QFile
//! can (it is the player's child and goes with the next source). A stream at its end does not
//! seek back on that backend: rewinding it means setting it again. False (and no source) when
//! the file cannot be read; `error` says why.
inline bool setLocalSource(QMediaPlayer* player, const QString& path, QString* error = nullptr) {
    const QString name = QStringLiteral("pixverse-local-source");
    QFile* previous = player->findChild<QFile*>(name, Qt::FindDirectChildrenOnly);
    const QString absolute = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    bool ascii = true;
    for (const QChar c : absolute)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii) {
        // By URL where that works: the backend seeks a file more simply than a stream.
        player->setSource(absolute.isEmpty() ? QUrl() : QUrl::fromLocalFile(absolute));
        if (previous)
            previous->deleteLater();
        return true;
    }
    auto* file = new QFile(absolute, player);
    if (!file->open(QIODevice::ReadOnly)) {
        if (error)
            *error = file->errorString();
        delete file;
        file = nullptr;
    }
    if (file) {
        file->setObjectName(name);
        player->setSourceDevice(file, QUrl::fromLocalFile(absolute));
    } else {
        player->setSource(QUrl());
    }
    if (previous)
        previous->deleteLater(); // the backend let go of it in setSource*()
    return file != nullptr;
}

//! The colour of error text: a red as light or dark as the palette's text, so that it reads on
//! whatever background the palette (light, dark, high contrast) has.
inline QColor errorColor(const QPalette& palette) {
    const int textLightness = palette.color(QPalette::WindowText).lightness();
    // Dark text (a light palette) gets a deep red, light text (a dark palette) a soft one.
    return QColor::fromHsl(2, 190, 95 + textLightness * 75 / 255);
}

//! Text that says something secondary (counts, hints), between the text and the background.
inline QColor hintColor(const QPalette& palette) {
    const QColor text = palette.color(QPalette::WindowText);
    const QColor window = palette.color(QPalette::Window);
    return QColor((text.red() * 2 + window.red()) / 3, (text.green() * 2 + window.green()) / 3,
                  (text.blue() * 2 + window.blue()) / 3);
}

//! A word-wrapped label in the hint colour: secondary text under a form field.
inline QLabel* hintLabel(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, hintColor(palette));
    label->setPalette(palette);
    return label;
}

//! Draws an action icon's SVG at a size the first time that size is asked for (issue 20: drawing
//! every size of every icon before the window's first paint slowed the start-up). Other modes
//! (disabled, selected) come from the style, as for an icon made of pixmaps.
class ActionIconEngine : public QIconEngine {
public:
    explicit ActionIconEngine(QByteArray svg)
        : m_svg(std::move(svg)) {}

    QIconEngine* clone() const override { return new ActionIconEngine(*this); }
    QString key() const override { return QStringLiteral("pixverse-action-svg"); }

    QSize actualSize(const QSize& size, QIcon::Mode, QIcon::State) override {
        const int side = std::min(size.width(), size.height());
        return {side, side};
    }

    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override {
        return {{16, 16}, {22, 22}, {24, 24}, {32, 32}, {44, 44}, {48, 48}, {64, 64}};
    }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode,
               QIcon::State state) override {
        const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QRect target(QPoint(), actualSize(rect.size(), mode, state));
        target.moveCenter(rect.center());
        painter->drawPixmap(target, pixmap(target.size() * scale, mode, state));
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override {
        const QSize square = actualSize(size, mode, state);
        if (square.isEmpty())
            return {};
        const quint64 key = (quint64(square.width()) << 8) | quint64(mode);
        if (const auto found = m_pixmaps.constFind(key); found != m_pixmaps.cend())
            return *found;
        QPixmap drawn(square);
        drawn.fill(Qt::transparent);
        if (mode == QIcon::Normal) {
            QSvgRenderer renderer(m_svg);
            QPainter painter(&drawn);
            renderer.render(&painter);
        } else {
            QStyleOption option;
            option.palette = QGuiApplication::palette();
            drawn = QApplication::style()->generatedIconPixmap(
                mode, pixmap(square, QIcon::Normal, state), &option);
        }
        m_pixmaps.insert(key, drawn);
        return drawn;
    }

private:
    QByteArray m_svg;
    QHash<quint64, QPixmap> m_pixmaps; //!< by side and mode
};

//! An action icon from resources/icons/actions/<name>.svg, drawn in the palette's text colour
//! (the files use `currentColor`) at whatever size a menu or tool bar asks for, when it asks.
//! A null icon when there is no such file.
inline QIcon actionIcon(const QString& name, const QPalette& palette) {
    QFile file(QStringLiteral(":/icons/actions/") + name + QStringLiteral(".svg"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray svg = file.readAll();
    svg.replace("currentColor", palette.color(QPalette::WindowText).name().toLatin1());
    return QIcon(new ActionIconEngine(std::move(svg)));
}

} // namespace pixverse::ui
