#pragma once

#include <QObject>

class QAbstractScrollArea;

namespace pixverse {

//! In a pane that scrolls, the wheel scrolls the pane: a combo box, spin box or slider under
//! the cursor takes it only once it has the focus (clicked or tabbed to), so that scrolling
//! down the composer to Generate changes no setting on the way (issue 18: the mode became
//! Extend). Watches every widget in the area's contents, those added later too.
class PaneWheelFilter : public QObject {
    Q_OBJECT
public:
    //! Filters the wheel over `area`'s contents for as long as `area` lives.
    explicit PaneWheelFilter(QAbstractScrollArea* area);

    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void watch(QObject* object);

    QAbstractScrollArea* m_area;
};

} // namespace pixverse
