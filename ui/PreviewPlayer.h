#pragma once

#include <QImage>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSize>
#include <QString>

class QTimer;

namespace pixverse {

class PreviewCache;
struct DecodedClip;

//! Plays one effect's preview clip at a time, silently and looped: the browser paints the
//! current frame on the template's card. The clip is fetched through the PreviewCache first,
//! then decoded whole on the thread pool (ffmpeg's libraries; preview clips are a few seconds
//! of small video) and its frames are shown by a timer. Neither the download nor the decoding
//! runs on the GUI thread (Qt 6.4's QMediaPlayer opened files there: a 100+ ms stall per
//! preview). A clip that cannot be downloaded or decoded raises failed() and the card keeps
//! its still.
class PreviewPlayer : public QObject {
    Q_OBJECT
public:
    explicit PreviewPlayer(PreviewCache* previews, QObject* parent = nullptr);
    ~PreviewPlayer() override;

    //! Plays `url` for template `id` (stops what played before). Nothing when it plays already.
    void play(qint64 id, const QString& url);
    void stop();

    //! The size of a card's picture in device pixels: frames are decoded just large enough to
    //! cover it.
    void setPictureSize(QSize size);

    //! The template whose clip is wanted (downloading, decoding or playing); 0: none.
    qint64 currentId() const { return m_id; }
    //! The file being decoded or played; empty while it downloads or when stopped.
    QString playingFile() const { return m_file; }
    //! The current frame of currentId()'s clip; null before the first.
    QImage frame() const { return m_frame; }
    int framesShown() const { return m_framesShown; }
    //! True while frames of a decoded clip are being shown.
    bool isPlaying() const;
    //! The frames of the clip playing (0 while none plays); it loops after the last.
    int clipFrameCount() const { return static_cast<int>(m_frames.size()); }
    //! The clip's frames are decoded to fit this size.
    QSize decodedSize() const;

Q_SIGNALS:
    //! A new frame of `id`'s clip: its card repaints.
    void frameChanged(qint64 id);
    //! `id`'s clip could not be downloaded or played; `error` is one translated sentence.
    void failed(qint64 id, const QString& error);

private:
    void onPreviewReady(const QString& url, const QString& file);
    void onPreviewFailed(const QString& url, const QString& error);
    void start(const QString& file);
    void onDecoded(quint64 generation, const DecodedClip& clip);
    void showNextFrame();
    void clearClip();
    void fail(const QString& error);

    QPointer<PreviewCache> m_previews;
    QTimer* m_timer = nullptr;
    QSize m_pictureSize{320, 180};
    qint64 m_id = 0;
    //! Counts every play() and stop(): a decoding that finishes for an older one is dropped.
    quint64 m_generation = 0;
    QString m_url;
    QString m_file;
    QList<QImage> m_frames;
    QList<int> m_durationsMs;
    qsizetype m_next = 0;
    QImage m_frame;
    int m_framesShown = 0;
};

} // namespace pixverse
