#pragma once

#include <QMainWindow>

class QLabel;

namespace pixverse {

class ImageDropZone;
class PromptEditor;

//! The studio window: the composer on the left, the job gallery on the right.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    //! Shows which service the window talks to ("Offline sandbox", a host name...).
    void setConnectionLabel(const QString& text);

    //! The Create pane: prompt, settings and Generate (its generateRequested() starts a job).
    PromptEditor* promptEditor() const { return m_promptEditor; }
    //! The Create pane's image for image-to-video.
    ImageDropZone* imageDropZone() const { return m_imageDropZone; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* createPane();

    QLabel* m_connectionLabel = nullptr;
    PromptEditor* m_promptEditor = nullptr;
    ImageDropZone* m_imageDropZone = nullptr;
};

} // namespace pixverse
