#include "core/backend/WebBackend.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <memory>

namespace pixverse {

Q_LOGGING_CATEGORY(lcWeb, "pixverse.web")

//! A walk through the personal list from its start: one page at a time, so a long history never
//! means a burst of requests.
struct WebBackend::Listing {
    int maxVideos = 0;
    int offset = 0;
    int read = 0; //!< videos seen so far
    QPointer<QObject> context;
    bool hasContext = false;
    bool cancelled = false;
    RequestHandle inner;
    //! Sees each page; true: that was enough, stop here.
    std::function<bool(const web::VideoPage&)> onPage;
    //! The end: an error, or success with `complete` false when the cap stopped the walk.
    std::function<void(const ApiError& error, bool complete)> finish;

    bool alive() const { return !cancelled && (!hasContext || context); }
    void end(const ApiError& error, bool complete) {
        if (alive()) {
            cancelled = true; // exactly once
            finish(error, complete);
        }
    }
};

WebBackend::WebBackend(ApiClient* client, const QString& token, const QString& email,
                       const QUrl& objectStoreEndpoint, QObject* parent)
    : Backend(parent)
    , m_client(client)
    , m_email(email)
    , m_objectStore(objectStoreEndpoint) {
    m_client->setCredential(web::kCredentialHeader, token);
    m_client->setExtraHeaders(web::defaultHeaders());
}

WebBackend::~WebBackend() = default;

RequestHandle WebBackend::uploadImage(const QString& filePath, QObject* context,
                                      std::function<void(Result<UploadedImage>)> done,
                                      Progress progress) {
    // Read (header and MD5, off this thread) → upload token → signed PUT → register.
    return startUpload(filePath, true, context, std::move(done), std::move(progress),
                       [this](const std::shared_ptr<UploadSteps>& upload) {
                           const QString key = u"upload/" +
                                               QUuid::createUuid().toString(QUuid::WithoutBraces) +
                                               u'.' + upload->input.extension();
                           continueUpload(upload, key, false);
                       });
}

void WebBackend::continueUpload(const std::shared_ptr<UploadSteps>& upload, const QString& key,
                                bool tokenRefreshed) {
    if (m_uploadToken) {
        putObject(upload, key, tokenRefreshed);
        return;
    }
    upload->inner =
        m_client->call(web::UploadTokenRequest(), this,
                       std::function<void(Result<web::UploadToken>)>(
                           [this, upload, key, tokenRefreshed](Result<web::UploadToken> token) {
                               if (!upload->alive())
                                   return;
                               if (!token.ok()) {
                                   noticeError(token.error);
                                   upload->finish(Result<UploadedImage>::failure(token.error));
                                   return;
                               }
                               m_uploadToken = *token.value;
                               putObject(upload, key, tokenRefreshed);
                           }));
}

void WebBackend::putObject(const std::shared_ptr<UploadSteps>& upload, const QString& key,
                           bool tokenRefreshed) {
    const PreparedImage& image = upload->input;
    const web::oss::PutObjectRequest put(
        m_objectStore, *m_uploadToken,
        {key, image.path, image.mimeType().toLatin1(), image.md5Base64},
        QDateTime::currentDateTimeUtc());
    upload->inner = m_client->send(
        put, this,
        [this, upload, key, tokenRefreshed](const ApiReply& reply) {
            if (!upload->alive())
                return;
            if (!reply.error.isError()) {
                registerObject(upload, key);
                return;
            }
            const QString ossCode = web::oss::PutObjectRequest::readErrorCode(reply.body);
            qCWarning(lcWeb).noquote()
                << "object store PUT failed:" << reply.error.logText() << ossCode;
            const bool credentialProblem = ossCode == u"SecurityTokenExpired" ||
                                           ossCode == u"InvalidAccessKeyId" ||
                                           ossCode == u"InvalidSecurityToken";
            if (credentialProblem && !tokenRefreshed) {
                // The cached temporary credentials expired: fetch new ones once.
                m_uploadToken.reset();
                continueUpload(upload, key, true);
                return;
            }
            ApiError error = reply.error;
            if (error.kind() == ApiError::Kind::Http && !ossCode.isEmpty())
                error = ApiError::http(error.httpStatus(), ossCode, error.retryAfterSeconds());
            upload->finish(Result<UploadedImage>::failure(error));
        },
        [upload](qint64 sent, qint64 total) {
            if (upload->progress && upload->alive())
                upload->progress(sent, total);
        });
}

void WebBackend::registerObject(const std::shared_ptr<UploadSteps>& upload, const QString& key) {
    const PreparedImage& image = upload->input;
    upload->inner = m_client->call(
        web::RegisterUploadRequest(key, image.bytes, image.fileName()), this,
        std::function<void(Result<UploadedImage>)>([this, upload](Result<UploadedImage> result) {
            if (!result.ok())
                noticeError(result.error);
            else if (result.value->width == 0) {
                result.value->width = upload->input.width;
                result.value->height = upload->input.height;
            }
            upload->finish(std::move(result));
        }));
}

RequestHandle WebBackend::createVideo(const GenerationRequest& request, const RequestInputs& inputs,
                                      const QString& traceId, QObject* context,
                                      std::function<void(Result<CreatedVideo>)> done) {
    auto answered = watched(std::move(done));
    auto refuse = [&](const QString& why) {
        return refuseLater<CreatedVideo>(context, std::move(answered), ApiError::input(why));
    };
    const ModelSpec* spec = specFor(request);
    switch (request.mode) {
    case GenerationMode::TextToVideo:
        return m_client->call(web::TextToVideoRequest(request, spec, traceId), context,
                              std::move(answered));
    case GenerationMode::ImageToVideo:
        if (!inputs.start)
            return refuse(tr("The image to animate has not been uploaded."));
        return m_client->call(web::ImageToVideoRequest(request, spec, *inputs.start, traceId),
                              context, std::move(answered));
    case GenerationMode::Transition:
        if (!inputs.first || !inputs.last)
            return refuse(tr("The first and the last frame have not both been uploaded."));
        return m_client->call(
            web::TransitionRequest(request, spec, *inputs.first, *inputs.last, traceId), context,
            std::move(answered));
    default:
        break;
    }
    return refuse(tr("\"%1\" is available only with a platform API key sign-in (PixVerse "
                     "documents no website request for it).")
                      .arg(generationModeLabel(request.mode)));
}

bool WebBackend::offersMode(GenerationMode mode) const {
    return mode == GenerationMode::TextToVideo || mode == GenerationMode::ImageToVideo ||
           mode == GenerationMode::Transition;
}

QList<PlannedCall> WebBackend::plannedUpload(const QString& path) const {
    const QString name = QFileInfo(path).fileName();
    const QString key = QStringLiteral("upload/<uuid>.") + QFileInfo(name).suffix();
    PlannedCall put;
    put.verb = QStringLiteral("PUT");
    put.path = web::oss::objectUrl(m_objectStore, QLatin1String(web::oss::kBucket), key).toString();
    put.description = tr("the image %1, signed with the upload token").arg(name);
    return {plannedCall(web::UploadTokenRequest(), tr("temporary object-store credentials")), put,
            plannedCall(web::RegisterUploadRequest(key, QFileInfo(path).size(), name),
                        tr("registers the uploaded image"))};
}

QList<PlannedCall> WebBackend::plannedCalls(const GenerationRequest& request) const {
    const ModelSpec* spec = specFor(request);
    // What the upload steps return, as the generate body would hold it.
    UploadedImage uploaded;
    uploaded.path = uploadPlaceholder();
    uploaded.url = uploadPlaceholder();
    switch (request.mode) {
    case GenerationMode::TextToVideo:
        return {plannedCall(web::TextToVideoRequest(request, spec))};
    case GenerationMode::ImageToVideo:
        return plannedUpload(request.startImagePath())
               << plannedCall(web::ImageToVideoRequest(request, spec, uploaded));
    case GenerationMode::Transition:
        return plannedUpload(request.imagePath(RequestImage::Role::FirstFrame))
               << plannedUpload(request.imagePath(RequestImage::Role::LastFrame))
               << plannedCall(web::TransitionRequest(request, spec, uploaded, uploaded));
    default:
        return {}; // no web request for it: nothing would be sent
    }
}

RequestHandle
WebBackend::fetchStatuses(const QList<qint64>& videoIds, QObject* context,
                          std::function<void(Result<QHash<qint64, VideoStatus>>)> done) {
    using Statuses = QHash<qint64, VideoStatus>;
    if (videoIds.isEmpty()) {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            this,
            [guard, hasContext = context != nullptr, done = std::move(done)] {
                if (!hasContext || guard)
                    done(Result<Statuses>::success({}));
            },
            Qt::QueuedConnection);
        return {};
    }
    // Exactly one list call per check, whatever the number of pending jobs. The list is newest
    // first, so pending jobs are nearly always on the first page; jobs it does not show are
    // looked for on the next page at the next check (the caller polls again for missing ids).
    const int offset = m_listCursor;
    const QSet<qint64> wanted(videoIds.cbegin(), videoIds.cend());
    return m_client->call(
        web::PersonalVideosRequest(offset, m_listPageSize), context,
        std::function<void(Result<web::VideoPage>)>(
            [this, wanted, offset, done = std::move(done)](Result<web::VideoPage> page) {
                if (!page.ok()) {
                    noticeError(page.error);
                    m_listCursor = 0;
                    done(Result<Statuses>::failure(page.error));
                    return;
                }
                Statuses found;
                for (const RemoteVideo& video : std::as_const(page.value->videos)) {
                    if (wanted.contains(video.status.videoId))
                        found.insert(video.status.videoId, video.status);
                }
                const bool missing = found.size() < wanted.size();
                m_listCursor = missing && page.value->hasMore && page.value->nextOffset > offset
                                   ? page.value->nextOffset
                                   : 0;
                done(Result<Statuses>::success(found));
            }));
}

void WebBackend::readListPage(const std::shared_ptr<Listing>& listing) {
    const int limit =
        std::clamp(listing->maxVideos - listing->read, 1, std::max(1, m_listPageSize));
    const int offset = listing->offset;
    listing->inner = m_client->call(
        web::PersonalVideosRequest(offset, limit), this,
        std::function<void(Result<web::VideoPage>)>(
            [this, listing, offset](Result<web::VideoPage> page) {
                if (!listing->alive())
                    return;
                if (!page.ok()) {
                    noticeError(page.error);
                    listing->end(page.error, false);
                    return;
                }
                listing->read += static_cast<int>(page.value->videos.size());
                if (listing->onPage(*page.value)) {
                    listing->end({}, true);
                    return;
                }
                // A service that says "more" without saying where goes on after what it sent.
                int next = page.value->nextOffset;
                if (next <= offset)
                    next = offset + static_cast<int>(page.value->videos.size());
                if (!page.value->hasMore || page.value->videos.isEmpty() || next <= offset) {
                    listing->end({}, true);
                    return;
                }
                if (listing->read >= listing->maxVideos) {
                    listing->end({}, false);
                    return;
                }
                listing->offset = next;
                readListPage(listing);
            }));
}

RequestHandle WebBackend::listVideos(int maxVideos, QObject* context,
                                     std::function<void(Result<RemoteVideoList>)> done) {
    auto listing = std::make_shared<Listing>();
    auto list = std::make_shared<RemoteVideoList>();
    auto seen = std::make_shared<QSet<qint64>>();
    listing->maxVideos = std::max(1, maxVideos);
    listing->context = context;
    listing->hasContext = context != nullptr;
    listing->onPage = [list, seen](const web::VideoPage& page) {
        for (const RemoteVideo& video : page.videos) {
            // A video made while we page pushes the list down by one: its neighbour comes twice.
            if (!seen->contains(video.status.videoId)) {
                seen->insert(video.status.videoId);
                list->videos.append(video);
            }
        }
        return false;
    };
    listing->finish = [list, done = std::move(done)](const ApiError& error, bool complete) {
        if (error.isError()) {
            done(Result<RemoteVideoList>::failure(error));
            return;
        }
        list->complete = complete;
        done(Result<RemoteVideoList>::success(std::move(*list)));
    };
    readListPage(listing);
    return RequestHandle([listing] {
        listing->cancelled = true;
        listing->inner.cancel();
    });
}

RequestHandle
WebBackend::lookUpVideo(qint64 videoId, int maxVideos, QObject* context,
                        std::function<void(Result<QHash<qint64, VideoStatus>>)> done) {
    using Statuses = QHash<qint64, VideoStatus>;
    auto listing = std::make_shared<Listing>();
    auto found = std::make_shared<Statuses>();
    listing->maxVideos = std::max(1, maxVideos);
    listing->context = context;
    listing->hasContext = context != nullptr;
    listing->onPage = [found, videoId](const web::VideoPage& page) {
        for (const RemoteVideo& video : page.videos) {
            if (video.status.videoId == videoId) {
                found->insert(videoId, video.status);
                return true;
            }
        }
        return false;
    };
    listing->finish = [found, done = std::move(done)](const ApiError& error, bool) {
        if (error.isError())
            done(Result<Statuses>::failure(error));
        else
            done(Result<Statuses>::success(*found));
    };
    readListPage(listing);
    return RequestHandle([listing] {
        listing->cancelled = true;
        listing->inner.cancel();
    });
}

RequestHandle WebBackend::fetchBalance(QObject* context,
                                       std::function<void(Result<Balance>)> done) {
    return m_client->call(web::CreditsRequest(), context, watched(std::move(done)));
}

RequestHandle WebBackend::fetchPriceFormulas(QObject* context,
                                             std::function<void(Result<PriceFormulas>)> done) {
    return m_client->call(web::PricingFormulasRequest(), context, watched(std::move(done)));
}

RequestHandle WebBackend::fetchPromotion(QObject* context, std::function<void(Result<bool>)> done) {
    return m_client->call(web::PromotionRequest(), context, watched(std::move(done)));
}

} // namespace pixverse
