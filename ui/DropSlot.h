#pragma once

#include <QFrame>
#include <QStandardPaths>

#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QVBoxLayout;

namespace pixverse {

//! What the composer's input slots share (the image of image to video, a transition's frames,
//! the video to extend): a dashed frame that lights up under a drag, two pages (empty: what to
//! put here, Browse… and the limits; filled: a preview, a name, details, Replace… and Remove),
//! and under them a check in progress, a refusal or notice, and the upload once a job sends it.
class DropSlot : public QFrame {
    Q_OBJECT
public:
    //! Asks the creator for a file; returns an empty string when they cancel.
    using FileProvider = std::function<QString(QWidget* parent)>;

    //! Replaces the file dialog (tests; a portal later). The default is QFileDialog.
    void setFileProvider(FileProvider provider);

    //! A check is running.
    bool isBusy() const { return m_busy; }
    //! The refusal or notice shown under the slot; empty when there is none.
    QString message() const;
    //! What the empty slot says it is for (rich text; Browse… follows it).
    void setHintText(const QString& text);
    QString hintText() const;
    //! A heading above both pages naming the slot ("First frame"), so that a filled slot still
    //! says what it is for; none by default.
    void setCaption(const QString& text);

public Q_SLOTS:
    //! Shows the upload of what the slot holds; `total` <= 0: size unknown (busy bar); all of
    //! it sent: the bar goes.
    void setUploadProgress(qint64 sent, qint64 total);
    void clearUploadProgress();
    //! The upload is over, however it ended (sent, refused, failed, cancelled): the bar goes,
    //! with what it last said.
    void endUploadProgress();
    virtual void browse() = 0;
    //! Remove: nothing in the slot, no message.
    virtual void clear() = 0;

Q_SIGNALS:
    void busyChanged(bool busy);
    //! A file was refused; `message` names it and says why.
    void refused(const QString& message);

protected:
    //! `prefix` names the children: "image" → imagePages, imagePreview, imageName, imageInfo,
    //! imageBusyLabel, imageBusy, imageMessage (the buttons are browseButton, replaceButton and
    //! removeButton, the empty page's texts dropHint and dropLimits, in every slot).
    DropSlot(const QString& prefix, const QString& hint, const QString& limits, QWidget* parent);

    //! The filled page's column of details under the name, for the slot's own lines.
    QVBoxLayout* details() const { return m_details; }
    QLabel* preview() const { return m_preview; }

    void setBusy(bool busy, const QString& text = {});
    void showMessage(const QString& text, bool error);
    //! The filled page with `name` (elided; the whole of it in `toolTip`), or the empty one.
    void showFilled(const QString& name, const QString& toolTip);
    void showEmpty();
    QString shownName() const;
    //! Browse…: the file the creator picks (the file provider's, else a dialog opened where the
    //! last one was picked, at first in `where`); empty when they cancel.
    QString chooseFile(const QString& title, QStandardPaths::StandardLocation where,
                       const QString& filter);
    void setDragActive(bool active);

    void changeEvent(QEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

    static constexpr int kPreviewBox = 96; //!< the preview's longer side, device-independent px

private:
    QWidget* buildEmptyPage(const QString& hint, const QString& limits);
    QWidget* buildFilledPage(const QString& prefix);

    bool m_busy = false;
    FileProvider m_fileProvider;
    QString m_lastDir;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_caption = nullptr;
    QLabel* m_preview = nullptr;
    QLabel* m_name = nullptr;
    QVBoxLayout* m_details = nullptr;
    QProgressBar* m_busyBar = nullptr;
    QLabel* m_busyLabel = nullptr;
    QLabel* m_message = nullptr;
    QProgressBar* m_upload = nullptr;
};

} // namespace pixverse
