#include "tests/core/sandbox/ClipProbe.h"

#include <QMediaMetaData>
#include <QMediaPlayer>
#include <QTemporaryFile>
#include <QTest>
#include <QUrl>

namespace pixverse::test {

ClipStreams probeClip(const QByteArray& mp4, int timeoutMs) {
    ClipStreams streams;
    QTemporaryFile file(QStringLiteral("probe-XXXXXX.mp4"));
    if (!file.open() || file.write(mp4) != mp4.size() || !file.flush())
        return streams;
    QMediaPlayer player;
    player.setSource(QUrl::fromLocalFile(file.fileName()));
    const bool settled = QTest::qWaitFor(
        [&player] {
            return player.mediaStatus() == QMediaPlayer::LoadedMedia ||
                   player.mediaStatus() == QMediaPlayer::InvalidMedia;
        },
        timeoutMs);
    streams.loaded = settled && player.mediaStatus() == QMediaPlayer::LoadedMedia;
    if (!streams.loaded)
        return streams;
    streams.hasVideo = player.hasVideo();
    streams.hasAudio = player.hasAudio();
    streams.audioTracks = static_cast<int>(player.audioTracks().size());
    streams.resolution = player.metaData().value(QMediaMetaData::Resolution).toSize();
    streams.durationMs = player.duration();
    return streams;
}

} // namespace pixverse::test
