#pragma once

#include <QMainWindow>

class QLabel;

namespace pixverse {

//! The studio window: the composer on the left, the job gallery on the right.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    //! Shows which service the window talks to ("Offline sandbox", a host name...).
    void setConnectionLabel(const QString& text);

private:
    QLabel* m_connectionLabel = nullptr;
};

} // namespace pixverse
