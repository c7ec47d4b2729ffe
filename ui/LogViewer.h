#pragma once

#include <QDialog>
#include <QUrl>

#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace pixverse {

//! "Show logs": the end of the app's log file (LogFile::filePath()), read off the GUI thread,
//! with a button that opens the folder the log files are in. Secrets never reach the file
//! (LogFile redacts them), so showing or copying it is safe.
class LogViewer : public QDialog {
    Q_OBJECT
public:
    //! Opens a folder outside the app (QDesktopServices by default; tests record instead).
    using UrlOpener = std::function<bool(const QUrl&)>;
    //! How much of the end of the log is shown.
    static constexpr qint64 kTailBytes = 256 * 1024;

    //! `logFile` empty: LogFile::filePath().
    explicit LogViewer(const QString& logFile = {}, QWidget* parent = nullptr);
    ~LogViewer() override;

    void setUrlOpener(UrlOpener opener);
    QString logFile() const { return m_logFile; }
    //! What is shown (empty until loaded() after the last reload()).
    QString text() const;

    //! The last `maxBytes` of `file`, starting at a line; empty when there is no such file.
    static QString readTail(const QString& file, qint64 maxBytes = kTailBytes);

public Q_SLOTS:
    //! Reads the file again in the background; loaded() follows.
    void reload();
    //! Opens the log folder in the file manager.
    bool openFolder();

Q_SIGNALS:
    void loaded();

private:
    QString m_logFile;
    UrlOpener m_openUrl;
    int m_generation = 0;
    QPlainTextEdit* m_view = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_reload = nullptr;
    QPushButton* m_openFolder = nullptr;
};

} // namespace pixverse
