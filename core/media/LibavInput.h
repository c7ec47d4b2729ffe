#pragma once

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QString>

#include <memory>

struct AVFormatContext;

namespace pixverse {

//! The translation context of every sentence core/media says.
class MediaText {
    Q_DECLARE_TR_FUNCTIONS(pixverse::MediaText)
};

namespace media {

Q_DECLARE_LOGGING_CATEGORY(lcMedia)

//! Loads ffmpeg's libraries now, on the calling thread (a pool thread), so the first video read
//! does not pay for loading and relocating them (LibavLoader.cpp). Safe to call from any thread,
//! any number of times.
void preloadLibav();
//! Starts preloadLibav() on the global thread pool the first time it is called, and returns at
//! once. Called where the creator shows they are about to watch or read a video (a playable take
//! chosen, the effects browser opened): loaded libraries cost about 29 MB of resident memory
//! (132 shared objects), which a creator who only browses never pays.
void preloadLibavSoon();

//! Closes a demuxer opened by openMediaFile().
struct FormatContextCloser {
    void operator()(AVFormatContext* context) const;
};
using FormatContextPtr = std::unique_ptr<AVFormatContext, FormatContextCloser>;

//! A demuxer opened on a local file, or the sentence saying why it could not be.
struct OpenedMedia {
    FormatContextPtr context;
    QString error; //!< translated, names the file; empty when `context` is set
};

//! Opens `path` with ffmpeg's libraries and reads its stream information. Only local files and
//! only the containers PixVerse takes (and Matroska, so that an .mkv gets a clear refusal
//! later) are opened: a playlist or concat file that points elsewhere is refused, not followed.
//! Missing, folder, empty, unreadable and non-media files give `error`. Any thread.
OpenedMedia openMediaFile(const QString& path);

//! “name”: the file name as the sentences quote it.
QString quotedFileName(const QString& path);

//! Sends libav's own messages to the pixverse.media logging category (errors only), once.
void routeLibavLogging();

} // namespace media
} // namespace pixverse
