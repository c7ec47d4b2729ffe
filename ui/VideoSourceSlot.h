#pragma once

#include "ui/VideoSource.h"

#include <QFrame>
#include <QImage>

#include <functional>

class QLabel;
class QMimeData;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace pixverse {

struct Job;
struct MediaProbeResult;

//! The video an extend continues: a finished take (Extend on its card: its thumbnail and "From
//! “<prompt>”") or a local video file (dropped or browsed; read in the background, refused with
//! one sentence when it breaks a documented limit). Never reads a video on the GUI thread.
class VideoSourceSlot : public QFrame {
    Q_OBJECT
public:
    //! Asks the creator for a file; returns an empty string when they cancel.
    using FileProvider = std::function<QString(QWidget* parent)>;

    explicit VideoSourceSlot(QWidget* parent = nullptr);
    ~VideoSourceSlot() override;

    //! The video chosen; empty when there is none.
    VideoSource source() const { return m_source; }
    //! A file is being read.
    bool isBusy() const { return m_busy; }
    //! The refusal shown under the slot; empty when there is none.
    QString message() const;
    //! What the slot shows as the source's name ("From “A paper lantern…”", a file name).
    QString title() const;

    //! Replaces the file dialog (tests). The default is QFileDialog.
    void setFileProvider(FileProvider provider);

public Q_SLOTS:
    //! A finished take as the source (its PixVerse id, its length and size, its thumbnail).
    void setTake(const pixverse::Job& take);
    //! A source known only from a request (a reused job): its id or file, and a title.
    void setSource(const pixverse::VideoSource& source, const QString& title);
    //! Reads `path` in the background; a video extend accepts becomes the source, any other is
    //! refused with the reason (mediaRefusal's sentence).
    void openFile(const QString& path);
    void browse();
    //! Remove: no source, no message.
    void clear();

Q_SIGNALS:
    void sourceChanged();
    void busyChanged(bool busy);
    //! A file was refused; `message` names it and says why.
    void refused(const QString& message);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void buildEmptyPage();
    void buildSourcePage();
    void finishProbe(const MediaProbeResult& result);
    void setBusy(bool busy, const QString& text = {});
    void showMessage(const QString& text, bool error);
    void showSource(const QString& title, const QString& info);
    void loadThumbnail(const QString& path);
    void setDragActive(bool active);
    static QString localVideoFile(const QMimeData* mime);

    VideoSource m_source;
    bool m_busy = false;
    quint64 m_ticket = 0;
    QString m_lastDir;
    FileProvider m_fileProvider;

    QStackedWidget* m_pages = nullptr;
    QLabel* m_hint = nullptr;
    QPushButton* m_browse = nullptr;
    QLabel* m_preview = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_info = nullptr;
    QPushButton* m_replace = nullptr;
    QPushButton* m_remove = nullptr;
    QProgressBar* m_busyBar = nullptr;
    QLabel* m_busyLabel = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace pixverse
