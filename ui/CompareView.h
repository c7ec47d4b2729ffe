#pragma once

#include "core/jobs/Job.h"
#include "core/jobs/JobLibrary.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QSlider;
class QToolButton;

namespace pixverse {

class FramePicture;
class SyncPlayback;
class WipePicture;

//! 2–4 finished takes played side by side in step (issue 18): one transport (play/pause, a
//! slider, frame steps, loop, the time), two as a wipe if the creator likes, 3–4 in a grid.
//! Each cell names its take (title, seed, rating) and picks it (its button, or keys 1–4); "Reject
//! the others" (Shift+X) rejects every other take compared. Non-modal; Esc closes it.
class CompareView : public QDialog {
    Q_OBJECT
public:
    static constexpr int kMinTakes = 2;
    static constexpr int kMaxTakes = 4;
    //! Takes one can compare: 2–4 finished jobs whose videos are on disk.
    static bool canCompare(const QList<Job>& jobs);

    //! `library` marks the picks and rejects (JobLibrary::pick, setRejected).
    CompareView(const QList<Job>& takes, const JobLibrary& library, QWidget* parent = nullptr);
    ~CompareView() override;

    SyncPlayback* playback() const { return m_playback; }
    int cellCount() const { return static_cast<int>(m_takes.size()); }
    qint64 jobIdOf(int cell) const { return m_takes.at(cell).id; }
    FramePicture* picture(int cell) const { return m_cells.at(cell).picture; }
    WipePicture* wipePicture() const { return m_wipe; }
    bool isWipe() const { return m_wipeShown; }
    //! The time line under the slider ("0:02.40 / 0:05.00").
    QString timeText() const;
    static QString formatTime(qint64 us);

public Q_SLOTS:
    //! Two takes only: one picture with a divider instead of two side by side.
    void setWipe(bool wipe);
    //! Marks the take of `cell` as picked (JobLibrary::pick).
    void pickCell(int cell);
    //! Rejects every compared take but the one picked (here, or before when only one was);
    //! none picked: nothing happens.
    void rejectOthers();

protected:
    void hideEvent(QHideEvent* event) override;

private:
    struct Cell {
        QWidget* box = nullptr;
        QLabel* title = nullptr;
        QLabel* details = nullptr;
        QPushButton* pick = nullptr;
        FramePicture* picture = nullptr;
        QString error; //!< why its clip cannot play
    };

    void buildCells(QGridLayout* grid);
    QWidget* buildTransport();
    //! Window-wide keys: Space, ← → , . (steps), 1–4 (pick), Shift+X (reject the others).
    void createKeys();
    void refreshCell(int cell);
    void onFrameShown(int clip);
    void onPositionChanged(qint64 us);
    void updatePlayButton(bool playing);
    void updateRejectButton();
    //! The take "Reject the others" keeps; 0: none.
    qint64 keptId() const;

    QList<Job> m_takes;
    JobLibrary m_library;
    SyncPlayback* m_playback = nullptr;
    QList<Cell> m_cells;
    QGridLayout* m_grid = nullptr;
    WipePicture* m_wipe = nullptr;
    bool m_wipeShown = false;
    QToolButton* m_playButton = nullptr;
    QSlider* m_slider = nullptr;
    QLabel* m_time = nullptr;
    QCheckBox* m_loop = nullptr;
    QCheckBox* m_wipeToggle = nullptr;
    QPushButton* m_rejectOthers = nullptr;
    bool m_sliderDragged = false;
    qint64 m_pickedId = 0; //!< the take picked in this view
};

} // namespace pixverse
