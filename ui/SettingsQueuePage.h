#pragma once

#include <QWidget>

#include <functional>

class QCheckBox;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimeEdit;

namespace pixverse {

class AppSettings;

//! The Settings dialog's "Queue" page (issue 19): the run window ("Run only between 22:00 and
//! 06:00"), the daily and per-session credit caps, and the hot folder (where, whether it is
//! watched, its own daily cap). Reads and writes AppSettings; the dialog checks it first.
class SettingsQueuePage : public QWidget {
    Q_OBJECT
public:
    //! Asks for a folder; empty: cancelled.
    using FolderChooser = std::function<QString(QWidget* parent, const QString& current)>;

    explicit SettingsQueuePage(QWidget* parent = nullptr);

    void setFolderChooser(FolderChooser chooser) { m_chooseFolder = std::move(chooser); }

    void load(const AppSettings& settings);
    //! Why the fields cannot be saved (and `field`, the one to fix); empty when they can.
    QString check(QWidget** field) const;
    void save(AppSettings& settings) const;

private:
    //! A checkbox and a credits spin box it enables, on one row.
    QSpinBox* capSpin(const char* name);
    void browse();
    void updateEnabled();

    FolderChooser m_chooseFolder;
    QCheckBox* m_windowOn = nullptr;
    QTimeEdit* m_from = nullptr;
    QTimeEdit* m_until = nullptr;
    QCheckBox* m_dailyOn = nullptr;
    QSpinBox* m_daily = nullptr;
    QCheckBox* m_sessionOn = nullptr;
    QSpinBox* m_session = nullptr;
    QLineEdit* m_hotFolder = nullptr;
    QPushButton* m_hotBrowse = nullptr;
    QCheckBox* m_hotOn = nullptr;
    QCheckBox* m_hotCapOn = nullptr;
    QSpinBox* m_hotCap = nullptr;
};

} // namespace pixverse
