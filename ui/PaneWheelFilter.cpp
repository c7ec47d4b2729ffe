#include "ui/PaneWheelFilter.h"

#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QChildEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QScrollBar>
#include <QWheelEvent>

namespace pixverse {

namespace {

//! A widget whose value the wheel changes (a scroll bar scrolls what it belongs to: not one).
bool takesTheWheel(const QObject* object) {
    return qobject_cast<const QComboBox*>(object) ||
           qobject_cast<const QAbstractSpinBox*>(object) ||
           (qobject_cast<const QAbstractSlider*>(object) &&
            !qobject_cast<const QScrollBar*>(object));
}

//! The wheel must not give it the focus either (Qt::WheelFocus, a combo box's default): the
//! focus would let it take the wheel.
void noWheelFocus(QObject* object) {
    auto* widget = qobject_cast<QWidget*>(object);
    if (widget && takesTheWheel(widget) &&
        (widget->focusPolicy() & Qt::WheelFocus) == Qt::WheelFocus)
        widget->setFocusPolicy(Qt::StrongFocus);
}

} // namespace

PaneWheelFilter::PaneWheelFilter(QAbstractScrollArea* area)
    : QObject(area)
    , m_area(area) {
    watch(area->viewport());
}

void PaneWheelFilter::watch(QObject* object) {
    object->installEventFilter(this);
    noWheelFocus(object);
    const QList<QObject*> children = object->children();
    for (QObject* child : children)
        watch(child);
}

bool PaneWheelFilter::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::ChildAdded:
        // Not constructed yet: what it is shows when it is polished or gets the wheel.
        watch(static_cast<QChildEvent*>(event)->child());
        break;
    case QEvent::Polish:
        noWheelFocus(watched);
        break;
    case QEvent::Wheel: {
        auto* widget = qobject_cast<QWidget*>(watched);
        if (!widget || !takesTheWheel(widget) || widget->hasFocus())
            break;
        // The pane scrolls instead (its scroll bar takes the same wheel event).
        QCoreApplication::sendEvent(m_area->verticalScrollBar(), event);
        return true;
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace pixverse
