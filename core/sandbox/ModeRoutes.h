#pragma once

#include "core/sandbox/SandboxState.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace pixverse::sandbox {

class SandboxStore;

//! The 15 system voices of §2.18 (speaker_id, name), in the documented order.
const QList<QPair<QString, QString>>& systemSpeakers();
QStringList systemSpeakerIds();

//! The OpenAPI routes of issue 16 (../shared/pixverse-api.md §2.12–§2.14, §2.16–§2.18) on top of
//! the shared SandboxState: video and audio uploads, transition, extend, upscale, sound effect,
//! lip sync and the two speaker lists. Every create goes through SandboxState::createVideo, so
//! credits, concurrency, trace-id replay, statuses and refunds are those of t2v and i2v. The key
//! and the trace id are checked by SandboxState::openApi before any of these runs.
class ModeRoutes {
public:
    //! A video or audio file taken by `/media/upload`, with what its probe found.
    struct Media {
        qint64 id = 0;
        QString owner;
        bool video = true; //!< media_type "video", else "audio"
        QByteArray mimeType;
        QString extension; //!< "mp4", "mov", "webm", "mp3", "wav", "m4a", "aac"
        QSize size;        //!< videos only
        double seconds = 0;
        bool hasAudio = false;
        QByteArray bytes;
    };

    explicit ModeRoutes(SandboxState& state);

    //! Whether `endpoint` (the path after `/openapi/v2/`) is one of these routes: true for a POST
    //! route, false for a GET one, empty when it is none (tts_speaker too when the config says
    //! the route is missing).
    std::optional<bool> handles(const QString& endpoint) const;
    HttpAnswer answer(const HttpRequest& request, const QString& endpoint, const QString& key);
    //! The bytes of an uploaded file (`/media/file/<id>.<ext>`) and their type; empty if none.
    QByteArray uploadedBytes(qint64 id, QByteArray* contentType) const;
    const Media* media(qint64 id) const;

private:
    friend class SandboxStore; // keeps the uploaded media across restarts

    //! What a continued video (extend, upscale, sound, lip sync) starts from.
    struct Source {
        QSize size;
        int clipSeconds = 1;
        double seconds = 0; //!< as the service counts it
        bool hasAudio = false;
        QString quality; //!< of a generated source; of an upload, from its short side
        QString model;
        QString aspectRatio;
        qint64 videoId = 0;
        qint64 mediaId = 0;

        //! A request of `mode` made from this source (its model, quality, aspect and id).
        GenerationRequest continuedBy(GenerationMode mode) const;
    };

    HttpAnswer upload(const HttpRequest& request, const QString& key);
    HttpAnswer transition(const QJsonObject& body, const QString& key);
    HttpAnswer extend(const QJsonObject& body, const QString& key);
    HttpAnswer upscale(const QJsonObject& body, const QString& key);
    HttpAnswer soundEffect(const QJsonObject& body, const QString& key);
    HttpAnswer lipSync(const QJsonObject& body, const QString& key);
    HttpAnswer speakers(const HttpRequest& request, bool legacy) const;

    //! The one video source of a body (exactly one of source_video_id / video_media_id), this
    //! key's, finished; or the refusal.
    std::variant<HttpAnswer, Source> videoSource(const QJsonObject& body, const QString& key) const;
    //! Bytes of a URL this sandbox serves (file_url uploads); empty when it serves none there.
    QByteArray fetchOwnUrl(const QString& url, QByteArray* contentType) const;

    //! Sample clips on disk: "WxH", seconds, sound. Read once, when first needed.
    bool hasClip(QSize size, bool withAudio, int seconds) const;
    //! The longest clip of that size and sound, at most `wanted` seconds (1 when none is longer).
    int clipSecondsFor(QSize size, bool withAudio, int wanted) const;
    //! The clip size closest to `size` (aspect ratio first, then area); `size` when it has one.
    QSize nearestClipSize(QSize size) const;
    //! The smallest clip size of the same aspect ratio that is larger than `size`; `size` when
    //! none is.
    QSize nextLargerClipSize(QSize size) const;
    const QSet<QString>& clipNames() const;

    SandboxState& m_state;
    QHash<qint64, Media> m_media;
    mutable std::optional<QSet<QString>> m_clipNames;
};

} // namespace pixverse::sandbox
