#pragma once

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QString>

class QMediaPlayer;
class QVideoFrame;
class QVideoSink;

namespace pixverse {

class PreviewCache;

//! Plays one effect's preview clip at a time, muted and looped, into a QVideoSink (no window):
//! the browser paints the latest frame on the template's card. One QMediaPlayer, made on the
//! first play and reused. The clip is fetched through the PreviewCache first and played from
//! the cached file, so nothing here waits for the network; a clip that cannot be downloaded or
//! decoded raises failed() and the card keeps its still.
class PreviewPlayer : public QObject {
    Q_OBJECT
public:
    explicit PreviewPlayer(PreviewCache* previews, QObject* parent = nullptr);
    ~PreviewPlayer() override;

    //! Plays `url` for template `id` (stops what played before). Nothing when it plays already.
    void play(qint64 id, const QString& url);
    void stop();

    //! The template whose clip is wanted (downloading or playing); 0: none.
    qint64 currentId() const { return m_id; }
    //! The file being played; empty while it downloads or when stopped.
    QString playingFile() const { return m_file; }
    //! The latest decoded frame of currentId()'s clip; null before the first.
    QImage frame() const { return m_frame; }
    int framesShown() const { return m_framesShown; }
    QMediaPlayer* mediaPlayer() const { return m_player; }

Q_SIGNALS:
    //! A new frame of `id`'s clip: its card repaints.
    void frameChanged(qint64 id);
    //! `id`'s clip could not be downloaded or played; `error` is one translated sentence.
    void failed(qint64 id, const QString& error);

private:
    void onPreviewReady(const QString& url, const QString& file);
    void onPreviewFailed(const QString& url, const QString& error);
    void start(const QString& file);
    void onFrame(const QVideoFrame& frame);
    void fail(const QString& error);

    QPointer<PreviewCache> m_previews;
    QMediaPlayer* m_player = nullptr;
    QVideoSink* m_sink = nullptr;
    qint64 m_id = 0;
    QString m_url;
    QString m_file;
    QImage m_frame;
    int m_framesShown = 0;
};

} // namespace pixverse
