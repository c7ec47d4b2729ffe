#pragma once
// Screenshots that are checked, not only taken (issue 14): the grab is the window, it is not
// blank, and every text the window shows lies inside it and was painted. With
// PIXVERSE_SCREENSHOT_DIR set, the grab is saved there as a PNG too.
#include "WidgetTexts.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QSet>
#include <QStringList>
#include <QTest>
#include <QWidget>

namespace pixverse::test {

//! Distinct colours of `image` inside `rect` (every pixel, up to `enough`).
inline int coloursIn(const QImage& image, const QRect& rect, int enough = 16) {
    QSet<QRgb> seen;
    const QRect area = rect.intersected(image.rect());
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            seen.insert(image.pixel(x, y));
            if (seen.size() >= enough)
                return enough;
        }
    }
    return int(seen.size());
}

//! Where `rect`, in `w`'s coordinates, lies in a grab of `window` (device pixels).
inline QRect pixelsOf(const QRect& rect, const QWidget* w, const QWidget* window,
                      const QImage& shot) {
    const qreal scale = shot.devicePixelRatio();
    const QPoint origin = w->mapTo(window, rect.topLeft());
    return {(QPointF(origin) * scale).toPoint(), (QSizeF(rect.size()) * scale).toSize()};
}

//! Is `w` inside a scroll area's viewport (where being outside the window is scrolling)?
inline bool insideScrollArea(const QWidget* w, const QWidget* window) {
    for (const QWidget* p = w->parentWidget(); p && p != window; p = p->parentWidget()) {
        if (qobject_cast<const QAbstractScrollArea*>(p))
            return true;
    }
    return false;
}

//! Why `shot`, a grab of `window`, does not show what the window holds; empty when it does.
inline QStringList screenshotProblems(const QWidget* window, const QImage& shot) {
    if (shot.isNull())
        return {QStringLiteral("nothing was grabbed")};
    const qreal scale = shot.devicePixelRatio();
    if (shot.size() != window->size() * scale)
        return {QStringLiteral("the grab is %1×%2 px, the window %3×%4")
                    .arg(shot.width())
                    .arg(shot.height())
                    .arg(window->width())
                    .arg(window->height())};
    QStringList out;
    if (coloursIn(shot, shot.rect(), 3) < 3)
        out << QStringLiteral("the grab is blank");
    const QList<QWidget*> widgets = window->findChildren<QWidget*>();
    for (const QWidget* w : widgets) {
        QString text;
        if (auto* label = qobject_cast<const QLabel*>(w))
            text = shownText(label->text());
        else if (auto* button = qobject_cast<const QAbstractButton*>(w))
            text = shownText(button->text());
        const QRegion visible = w->visibleRegion();
        if (text.isEmpty() || !w->isVisibleTo(window) || visible.isEmpty())
            continue;
        const QString name = w->objectName().isEmpty()
                                 ? QString::fromLatin1(w->metaObject()->className())
                                 : w->objectName();
        const QPoint origin = w->mapTo(window, QPoint(0, 0));
        if (!insideScrollArea(w, window) && !window->rect().contains(QRect(origin, w->size())))
            out << QStringLiteral("%1: \"%2\" lies outside the window").arg(name, text);
        // A widget the composer's scroll area cuts at its edge shows a strip that may be only
        // its margin: judged only when it is wholly in view.
        if (insideScrollArea(w, window) && visible.boundingRect().height() < w->height())
            continue;
        // What shows of it, in the grab: a text leaves more than one colour there.
        if (coloursIn(shot, pixelsOf(visible.boundingRect(), w, window, shot), 2) < 2)
            out << QStringLiteral("%1: \"%2\" is not in the picture (one flat colour)")
                       .arg(name, text);
    }
    return out;
}

//! Grabs `window` into `shot`, checks the picture (screenshotProblems) and saves it as
//! `<name>.png` in PIXVERSE_SCREENSHOT_DIR when that is set. A test helper: it fails the test.
inline void verifyScreenshot(QWidget* window, const QString& name, QImage* shot = nullptr) {
    const QImage grabbed = window->grab().toImage();
    if (shot)
        *shot = grabbed;
    // Saved before it is judged, so a failing picture can be looked at.
    const QString dir = qEnvironmentVariable("PIXVERSE_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
        QVERIFY2(grabbed.save(path), qPrintable(path));
    }
    const QStringList problems = screenshotProblems(window, grabbed);
    QVERIFY2(problems.isEmpty(),
             qPrintable(name + QStringLiteral(":\n") + problems.join(QLatin1Char('\n'))));
}

} // namespace pixverse::test
