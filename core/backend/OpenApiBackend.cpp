#include "core/backend/OpenApiBackend.h"

#include "core/api/OpenApiModeRequests.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QPointer>

#include <algorithm>
#include <memory>

namespace pixverse {

OpenApiBackend::OpenApiBackend(ApiClient* client, const QString& apiKey, QObject* parent)
    : Backend(parent)
    , m_client(client)
    , m_label(maskKey(apiKey)) {
    m_client->setCredential(openapi::kCredentialHeader, apiKey);
}

OpenApiBackend::~OpenApiBackend() = default;

QString OpenApiBackend::maskKey(const QString& apiKey) {
    const QString key = apiKey.trimmed();
    if (key.size() < 12)
        return QStringLiteral("…");
    const qsizetype dash = key.indexOf(u'-');
    const QString prefix = dash > 0 && dash <= 4 ? key.left(dash + 1) : QString();
    return prefix + u'…' + key.right(4);
}

RequestHandle OpenApiBackend::uploadImage(const QString& filePath, QObject* context,
                                          std::function<void(Result<UploadedImage>)> done,
                                          Progress progress) {
    return startUpload(filePath, false, context, std::move(done), std::move(progress),
                       [this](const std::shared_ptr<UploadSteps>& upload) {
                           const PreparedImage& image = upload->input;
                           upload->inner = m_client->call(
                               openapi::UploadImageRequest(image.path, image.fileName(),
                                                           image.mimeType().toLatin1()),
                               upload->context.data(),
                               std::function<void(Result<UploadedImage>)>(
                                   [this, upload](Result<UploadedImage> result) {
                                       if (result.ok()) {
                                           result.value->width = upload->input.width;
                                           result.value->height = upload->input.height;
                                       } else {
                                           noticeError(result.error);
                                       }
                                       upload->finish(std::move(result));
                                   }),
                               [upload](qint64 sent, qint64 total) {
                                   if (upload->progress && upload->alive())
                                       upload->progress(sent, total);
                               });
                       });
}

RequestHandle OpenApiBackend::uploadMedia(const QString& filePath, UploadedMedia::Kind kind,
                                          QObject* context,
                                          std::function<void(Result<UploadedMedia>)> done,
                                          Progress progress) {
    return startMediaUpload(
        filePath, kind, context, std::move(done), std::move(progress),
        [this](const std::shared_ptr<MediaUploadSteps>& upload) {
            const PreparedMedia& media = upload->input;
            upload->inner = m_client->call(
                openapi::UploadMediaRequest(media.path, media.fileName, media.mimeType),
                upload->context.data(),
                std::function<void(Result<UploadedMedia>)>(
                    [this, upload](Result<UploadedMedia> result) {
                        if (result.ok())
                            result.value->kind = upload->input.kind; // what was asked for
                        else
                            noticeError(result.error);
                        upload->finish(std::move(result));
                    }),
                [upload](qint64 sent, qint64 total) {
                    if (upload->progress && upload->alive())
                        upload->progress(sent, total);
                });
        });
}

bool OpenApiBackend::offersMode(GenerationMode mode) const {
    Q_UNUSED(mode)
    return true;
}

RequestHandle OpenApiBackend::createVideo(const GenerationRequest& request,
                                          const RequestInputs& inputs, const QString& traceId,
                                          QObject* context,
                                          std::function<void(Result<CreatedVideo>)> done) {
    auto answered = watched(std::move(done));
    auto refuse = [&](const QString& why) {
        return refuseLater<CreatedVideo>(context, std::move(answered), ApiError::input(why));
    };
    const ModelSpec* spec = specFor(request);
    switch (request.mode) {
    case GenerationMode::TextToVideo:
        return m_client->call(openapi::TextToVideoRequest(request, spec, traceId), context,
                              std::move(answered));
    case GenerationMode::ImageToVideo:
        if (!inputs.start)
            return refuse(tr("The image to animate has not been uploaded."));
        return m_client->call(
            openapi::ImageToVideoRequest(request, spec, inputs.start->imageId, traceId), context,
            std::move(answered));
    case GenerationMode::Transition:
        if (!inputs.first || !inputs.last)
            return refuse(tr("The first and the last frame have not both been uploaded."));
        return m_client->call(openapi::TransitionRequest(request, spec, inputs.first->imageId,
                                                         inputs.last->imageId, traceId),
                              context, std::move(answered));
    case GenerationMode::Extend:
    case GenerationMode::Upscale:
    case GenerationMode::SoundEffect:
    case GenerationMode::LipSync:
        return createFromVideo(request, inputs, traceId, context, std::move(answered));
    case GenerationMode::Effect:
    case GenerationMode::Fusion:
        return createFromImages(request, inputs, traceId, context, std::move(answered));
    }
    return refuse(tr("\"%1\" cannot be sent yet.").arg(generationModeLabel(request.mode)));
}

RequestHandle OpenApiBackend::createFromVideo(const GenerationRequest& request,
                                              const RequestInputs& inputs, const QString& traceId,
                                              QObject* context,
                                              std::function<void(Result<CreatedVideo>)> done) {
    auto refuse = [&](const QString& why) {
        return refuseLater<CreatedVideo>(context, std::move(done), ApiError::input(why));
    };
    const openapi::VideoSource source = openapi::VideoSource::of(request, inputs);
    if (!source.isSet())
        return refuse(tr("There is no video to work on: neither a video on PixVerse nor an "
                         "uploaded file."));
    switch (request.mode) {
    case GenerationMode::Extend:
        return m_client->call(openapi::ExtendRequest(request, specFor(request), source, traceId),
                              context, std::move(done));
    case GenerationMode::Upscale:
        return m_client->call(openapi::UpscaleRequest(source, traceId), context, std::move(done));
    case GenerationMode::SoundEffect:
        return m_client->call(openapi::SoundEffectRequest(request, source, traceId), context,
                              std::move(done));
    default:
        break;
    }
    // Lip sync: the uploaded audio, or a voice with its text.
    const qint64 audioId = inputs.audio ? inputs.audio->mediaId : 0;
    if (!request.audioPath.isEmpty() && audioId <= 0)
        return refuse(tr("The audio file has not been uploaded."));
    if (audioId <= 0 && (request.speakerId.isEmpty() || request.speechText.trimmed().isEmpty()))
        return refuse(tr("Lip sync needs an audio file, or a voice and a text."));
    return m_client->call(openapi::LipSyncRequest(request, source, audioId, traceId), context,
                          std::move(done));
}

QList<PlannedCall> OpenApiBackend::plannedCalls(const GenerationRequest& request) const {
    const ModelSpec* spec = specFor(request);
    const QString placeholder = uploadPlaceholder();
    QList<PlannedCall> calls;
    auto uploadImage = [&calls](const QString& path) {
        const QString name = QFileInfo(path).fileName();
        calls << plannedCall(openapi::UploadImageRequest(path, name, QByteArray()),
                             tr("multipart upload of the image %1").arg(name));
    };
    auto uploadMedia = [&calls](const QString& path, UploadedMedia::Kind kind) {
        const QString name = QFileInfo(path).fileName();
        calls << plannedCall(
            openapi::UploadMediaRequest(path, name, PreparedMedia::mimeTypeFor(path, kind)),
            kind == UploadedMedia::Kind::Video ? tr("multipart upload of the video %1").arg(name)
                                               : tr("multipart upload of the audio %1").arg(name));
    };
    // The generate call, with the placeholder where an upload's id would go.
    auto generate = [&calls, &placeholder](const ApiRequest& call, const QStringList& uploaded) {
        PlannedCall planned = plannedCall(call);
        QJsonObject body = planned.body.toObject();
        for (const QString& key : uploaded)
            body.insert(key, placeholder);
        planned.body = body;
        calls << planned;
        return calls;
    };
    switch (request.mode) {
    case GenerationMode::TextToVideo:
        return generate(openapi::TextToVideoRequest(request, spec), {});
    case GenerationMode::ImageToVideo:
        uploadImage(request.startImagePath());
        return generate(openapi::ImageToVideoRequest(request, spec, 0), {QStringLiteral("img_id")});
    case GenerationMode::Transition:
        uploadImage(request.imagePath(RequestImage::Role::FirstFrame));
        uploadImage(request.imagePath(RequestImage::Role::LastFrame));
        return generate(openapi::TransitionRequest(request, spec, 0, 0),
                        {QStringLiteral("first_frame_img"), QStringLiteral("last_frame_img")});
    case GenerationMode::Effect:
    case GenerationMode::Fusion:
        return plannedImageCalls(request);
    default:
        break;
    }
    // A video on the service is named by its id; only a local file is uploaded.
    RequestInputs inputs;
    QStringList uploaded;
    if (request.sourceVideoId <= 0 && !request.sourceVideoPath.isEmpty()) {
        uploadMedia(request.sourceVideoPath, UploadedMedia::Kind::Video);
        inputs.video = UploadedMedia{UploadedMedia::Kind::Video, 1, {}, 0, 0};
        uploaded << QStringLiteral("video_media_id");
    }
    const openapi::VideoSource source = openapi::VideoSource::of(request, inputs);
    switch (request.mode) {
    case GenerationMode::Extend:
        return generate(openapi::ExtendRequest(request, spec, source), uploaded);
    case GenerationMode::Upscale:
        return generate(openapi::UpscaleRequest(source), uploaded);
    case GenerationMode::SoundEffect:
        return generate(openapi::SoundEffectRequest(request, source), uploaded);
    default:
        break;
    }
    qint64 audioId = 0;
    if (!request.audioPath.isEmpty()) {
        uploadMedia(request.audioPath, UploadedMedia::Kind::Audio);
        audioId = 1;
        uploaded << QStringLiteral("audio_media_id");
    }
    return generate(openapi::LipSyncRequest(request, source, audioId), uploaded);
}

//! The voices, page after page, first from the 2026 list, then (once) from the older one.
struct OpenApiBackend::SpeakerWalk {
    bool legacy = false;
    int page = 1;
    QList<Speaker> speakers;
    QPointer<QObject> context;
    bool hasContext = false;
    bool cancelled = false;
    RequestHandle inner;
    std::function<void(Result<QList<Speaker>>)> done;

    bool alive() const { return !cancelled && (!hasContext || context); }
    void finish(Result<QList<Speaker>> result) {
        if (alive()) {
            cancelled = true; // exactly once
            done(std::move(result));
        }
    }
};

RequestHandle OpenApiBackend::fetchSpeakers(QObject* context,
                                            std::function<void(Result<QList<Speaker>>)> done) {
    auto walk = std::make_shared<SpeakerWalk>();
    walk->context = context;
    walk->hasContext = context != nullptr;
    walk->done = watched(std::move(done));
    readSpeakerPage(walk);
    return RequestHandle([walk] {
        walk->cancelled = true;
        walk->inner.cancel();
    });
}

void OpenApiBackend::readSpeakerPage(const std::shared_ptr<SpeakerWalk>& walk) {
    // A long list ends here at the latest; no account has that many voices.
    constexpr int maxPages = 50;
    walk->inner = m_client->call(
        openapi::SpeakersRequest(walk->page, walk->legacy), walk->context.data(),
        std::function<void(Result<openapi::SpeakerPage>)>(
            [this, walk](Result<openapi::SpeakerPage> result) {
                if (!walk->alive())
                    return;
                if (!result.ok()) {
                    const ApiError& error = result.error;
                    // The 2026 path may not exist on an older server (§2.18, inferred).
                    const bool fallBack =
                        !walk->legacy && walk->page == 1 && !error.isSessionEnd() &&
                        (error.httpStatus() == 404 || error.kind() == ApiError::Kind::Service);
                    if (!fallBack) {
                        walk->finish(Result<QList<Speaker>>::failure(error));
                        return;
                    }
                    walk->legacy = true;
                    readSpeakerPage(walk);
                    return;
                }
                const openapi::SpeakerPage& page = *result.value;
                for (const Speaker& speaker : page.speakers) {
                    const bool known =
                        std::any_of(walk->speakers.cbegin(), walk->speakers.cend(),
                                    [&speaker](const Speaker& s) { return s.id == speaker.id; });
                    if (!known)
                        walk->speakers.append(speaker);
                }
                const bool more = page.speakers.size() == openapi::SpeakersRequest::kPageSize &&
                                  (page.total <= 0 || walk->speakers.size() < page.total) &&
                                  walk->page < maxPages;
                if (!more) {
                    walk->finish(Result<QList<Speaker>>::success(walk->speakers));
                    return;
                }
                ++walk->page;
                readSpeakerPage(walk);
            }));
}

RequestHandle
OpenApiBackend::fetchStatuses(const QList<qint64>& videoIds, QObject* context,
                              std::function<void(Result<QHash<qint64, VideoStatus>>)> done) {
    using Statuses = QHash<qint64, VideoStatus>;
    // The OpenAPI has one result call per id; gather them into one answer.
    struct Gather {
        Statuses statuses;
        std::optional<ApiError> firstError;
        qsizetype pending = 0;
        std::function<void(Result<Statuses>)> done;
        QList<RequestHandle> handles;
    };
    auto gather = std::make_shared<Gather>();
    gather->pending = videoIds.size();
    gather->done = std::move(done);
    if (videoIds.isEmpty()) {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            this,
            [gather, guard, hasContext = context != nullptr] {
                if (!hasContext || guard)
                    gather->done(Result<Statuses>::success({}));
            },
            Qt::QueuedConnection);
        return {};
    }
    for (const qint64 id : videoIds) {
        gather->handles.append(
            m_client->call(openapi::VideoResultRequest(id), context,
                           std::function<void(Result<VideoStatus>)>(
                               [this, gather, id](Result<VideoStatus> result) {
                                   if (result.ok()) {
                                       gather->statuses.insert(id, *result.value);
                                   } else if (result.error.isUnknownVideo()) {
                                       // "Not found": the service no longer has it; polling again
                                       // will not help.
                                       VideoStatus gone;
                                       gone.videoId = id;
                                       gone.state = VideoState::Deleted;
                                       gather->statuses.insert(id, gone);
                                   } else {
                                       noticeError(result.error);
                                       if (!gather->firstError)
                                           gather->firstError = result.error;
                                   }
                                   if (--gather->pending > 0)
                                       return;
                                   // Partial answers are still useful; fail only when nothing came
                                   // back.
                                   if (gather->statuses.isEmpty() && gather->firstError)
                                       gather->done(Result<Statuses>::failure(*gather->firstError));
                                   else
                                       gather->done(Result<Statuses>::success(gather->statuses));
                               })));
    }
    return RequestHandle([gather] {
        for (const RequestHandle& handle : std::as_const(gather->handles))
            handle.cancel();
    });
}

RequestHandle OpenApiBackend::fetchBalance(QObject* context,
                                           std::function<void(Result<Balance>)> done) {
    return m_client->call(openapi::BalanceRequest(), context, watched(std::move(done)));
}

RequestHandle OpenApiBackend::fetchUsage(const UsageQuery& query, QObject* context,
                                         std::function<void(Result<UsagePage>)> done) {
    return m_client->call(openapi::UsageDetailRequest(query), context, watched(std::move(done)));
}

} // namespace pixverse
