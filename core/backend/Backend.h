#pragma once

#include "core/api/ApiClient.h"
#include "core/api/ApiError.h"
#include "core/api/ApiTypes.h"
#include "core/backend/PreparedMedia.h"
#include "core/generation/GenerationRequest.h"
#include "core/generation/ModelCatalog.h"
#include "core/generation/PreparedImage.h"
#include "core/generation/PriceFormulas.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QNetworkReply;

namespace pixverse {

//! One PixVerse API family as the rest of the app sees it. The scheduler, poller and gallery use
//! only this; which family is behind it is decided once, at sign-in.
//! Every callback runs exactly once on the caller's thread, unless the request is cancelled or
//! `context` is destroyed first, in which case it never runs.
class Backend : public QObject {
    Q_OBJECT
public:
    using Progress = std::function<void(qint64 sent, qint64 total)>;
    using Done = std::function<void()>;

    explicit Backend(QObject* parent = nullptr)
        : QObject(parent) {}
    ~Backend() override = default;

    virtual ApiFamily family() const = 0;
    //! The model table the request bodies follow (ModelCatalog::builtIn() unless set).
    const ModelCatalog* catalog() const { return m_catalog; }
    void setCatalog(const ModelCatalog* catalog) {
        m_catalog = catalog ? catalog : &ModelCatalog::builtIn();
    }
    //! Who is signed in, safe to show and log: an e-mail or a masked key ("sk-…3f9a").
    virtual QString accountLabel() const = 0;

    virtual RequestHandle uploadImage(const QString& filePath, QObject* context,
                                      std::function<void(Result<UploadedImage>)> done,
                                      Progress progress = {}) = 0;
    //! `traceId` is the create request's trace id: resending with the same one makes the service
    //! answer with the same video instead of making a second one.
    //! A local video or audio file for extend, upscale, sound or lip sync (OpenAPI
    //! `/media/upload`, §2.12). The default (a family without it: the web) answers an input
    //! error saying so, and sends nothing.
    virtual RequestHandle uploadMedia(const QString& filePath, UploadedMedia::Kind kind,
                                      QObject* context,
                                      std::function<void(Result<UploadedMedia>)> done,
                                      Progress progress = {});
    //! `inputs` holds what the job's uploads returned (RequestInputs); the request's mode picks
    //! the endpoint (t2v, i2v, transition, extend, upscale, sound effect, lip sync; effect and
    //! fusion with inputs.starts and inputs.references, the OpenAPI only).
    virtual RequestHandle createVideo(const GenerationRequest& request, const RequestInputs& inputs,
                                      const QString& traceId, QObject* context,
                                      std::function<void(Result<CreatedVideo>)> done) = 0;
    //! Whether this family has a documented request for `mode` (the web: t2v, i2v and
    //! transition only, §3.13). The catalog's table decides the models; this, the family.
    virtual bool offersMode(GenerationMode mode) const;
    //! The voices lip sync can speak with (§2.18). The default answers the 15 system voices the
    //! reference lists, without a request.
    virtual RequestHandle fetchSpeakers(QObject* context,
                                        std::function<void(Result<QList<Speaker>>)> done);
    //! One page of the effect templates (§2.19, issue 17). The default (the web: no documented
    //! list) answers an input error saying effects need a platform API key, and sends nothing.
    //! A page shorter than `query.pageSize` is the last one.
    virtual RequestHandle fetchTemplates(const TemplateQuery& query, QObject* context,
                                         std::function<void(Result<QList<EffectTemplate>>)> done);
    //! The website's price formulas (§3.12, issue 19). The default (the OpenAPI: fixed
    //! published prices) answers an input error saying so, and sends nothing.
    virtual RequestHandle fetchPriceFormulas(QObject* context,
                                             std::function<void(Result<PriceFormulas>)> done);
    //! Whether the family keeps a spend ledger the client can read (the OpenAPI's usage-detail).
    virtual bool hasUsageLedger() const { return false; }
    //! One page of the spend ledger (§2.20, issue 19). The default (the web: no ledger call)
    //! answers an input error saying so, and sends nothing.
    virtual RequestHandle fetchUsage(const UsageQuery& query, QObject* context,
                                     std::function<void(Result<UsagePage>)> done);
    //! The 15 system voices of §2.18 ("Auto" first).
    static QList<Speaker> systemSpeakers();
    //! Status of several videos at once: one request for the web family, one per id for the
    //! OpenAPI. Ids the service does not report are missing from the map.
    virtual RequestHandle
    fetchStatuses(const QList<qint64>& videoIds, QObject* context,
                  std::function<void(Result<QHash<qint64, VideoStatus>>)> done) = 0;
    //! How many requests fetchStatuses() sends for `ids` ids: one per id (the OpenAPI's result
    //! call) unless the family reads them all in one.
    virtual int statusRequestsFor(int ids) const { return ids; }
    virtual RequestHandle fetchBalance(QObject* context,
                                       std::function<void(Result<Balance>)> done) = 0;
    //! For a dry run: every call createVideo() (after uploadImage() for an image) would make for
    //! `request`, with the exact JSON bodies, built by the same request classes. An upload is
    //! listed with a short description instead of its bytes, and the generate body then holds
    //! kUploadPlaceholder where the id or path the upload returns would go. Sends nothing.
    virtual QList<PlannedCall> plannedCalls(const GenerationRequest& request) const = 0;
    //! The placeholder a planned generate body holds for what an upload would return.
    static QString uploadPlaceholder() { return QStringLiteral("<returned by the upload>"); }

    //! Whether the family can list the videos an account already has (the web family can; the
    //! OpenAPI has no list call, only the ids a client kept).
    virtual bool canListVideos() const { return false; }
    //! The account's videos on the service, newest first, at most `maxVideos`: one page request
    //! at a time, never several at once. Without a listing (canListVideos() false) this sends
    //! nothing and answers an empty, complete list.
    virtual RequestHandle listVideos(int maxVideos, QObject* context,
                                     std::function<void(Result<RemoteVideoList>)> done);
    //! The status of one video, looked for as far as needed (the web family reads its list page
    //! by page, up to `maxVideos` deep, until it finds the id): what a download of an old video
    //! needs for a fresh URL. An id the service does not report is missing from the map. The
    //! default asks fetchStatuses() for the one id.
    virtual RequestHandle lookUpVideo(qint64 videoId, int maxVideos, QObject* context,
                                      std::function<void(Result<QHash<qint64, VideoStatus>>)> done);

protected:
    //! The catalog's entry for the request's model; null for a model it does not know.
    const ModelSpec* specFor(const GenerationRequest& request) const {
        return m_catalog->model(request.model);
    }
    //! One upload through its steps; the handle the caller got cancels whichever runs.
    template <typename Output, typename Prepared> struct UploadStepsOf {
        QPointer<QObject> context;
        bool hasContext = false;
        bool cancelled = false;
        RequestHandle inner; //!< the request of the step now running
        std::function<void(Result<Output>)> done;
        Progress progress;
        Prepared input; //!< what was read and checked before the first request

        bool alive() const { return !cancelled && (!hasContext || context); }
        void finish(Result<Output> result) {
            if (alive()) {
                cancelled = true; // exactly once
                done(std::move(result));
            }
        }
    };
    using UploadSteps = UploadStepsOf<UploadedImage, PreparedImage>;
    using MediaUploadSteps = UploadStepsOf<UploadedMedia, PreparedMedia>;

    //! Waits for `reading` (a file read and checked on the thread pool), then runs `send` on this
    //! thread. A file that breaks the limits ends the upload there, before any request.
    template <typename Output, typename Prepared>
    RequestHandle startPrepared(
        QFuture<Result<Prepared>> reading, QObject* context,
        std::function<void(Result<Output>)> done, Progress progress,
        std::function<void(const std::shared_ptr<UploadStepsOf<Output, Prepared>>&)> send) {
        auto upload = std::make_shared<UploadStepsOf<Output, Prepared>>();
        upload->context = context;
        upload->hasContext = context != nullptr;
        upload->done = std::move(done);
        upload->progress = std::move(progress);
        auto* watcher = new QFutureWatcher<Result<Prepared>>(this);
        connect(watcher, &QFutureWatcher<Result<Prepared>>::finished, this,
                [watcher, upload, send = std::move(send)] {
                    watcher->deleteLater();
                    if (!upload->alive())
                        return;
                    const Result<Prepared> prepared = watcher->result();
                    if (!prepared.ok()) {
                        upload->finish(Result<Output>::failure(prepared.error));
                        return;
                    }
                    upload->input = *prepared.value;
                    send(upload);
                });
        watcher->setFuture(reading);
        return RequestHandle([upload] {
            upload->cancelled = true;
            upload->inner.cancel();
        });
    }
    //! Reads what an upload of `filePath` needs (PreparedImage::forUpload, with the MD5 when
    //! `withMd5`) on the thread pool, then runs `send` on this thread. An image that breaks the
    //! limits ends the upload there, before any request.
    RequestHandle startUpload(const QString& filePath, bool withMd5, QObject* context,
                              std::function<void(Result<UploadedImage>)> done, Progress progress,
                              std::function<void(const std::shared_ptr<UploadSteps>&)> send);
    //! The same for a video or audio file (PreparedMedia::forUpload).
    RequestHandle
    startMediaUpload(const QString& filePath, UploadedMedia::Kind kind, QObject* context,
                     std::function<void(Result<UploadedMedia>)> done, Progress progress,
                     std::function<void(const std::shared_ptr<MediaUploadSteps>&)> send);
    //! Runs `answer` later on this thread, as a request's answer would come; never after the
    //! handle cancelled it or `context` died.
    RequestHandle answerLater(QObject* context, std::function<void()> answer);
    //! Answers `error` later, as a refused request would; nothing is sent.
    template <typename T>
    RequestHandle refuseLater(QObject* context, std::function<void(Result<T>)> done,
                              const ApiError& error) {
        return answerLater(context,
                           [done = std::move(done), error] { done(Result<T>::failure(error)); });
    }
    //! Raises sessionEnded() once, for the first error that means the credentials stopped
    //! working (the creator signs in again; never an automatic loop).
    void noticeError(const ApiError& error);
    //! `done`, after noticeError() has seen a failure: what every request's answer passes through.
    template <typename T>
    std::function<void(Result<T>)> watched(std::function<void(Result<T>)> done) {
        return [this, done = std::move(done)](Result<T> result) {
            if (!result.ok())
                noticeError(result.error);
            done(std::move(result));
        };
    }

Q_SIGNALS:
    //! The credentials stopped working (bad key, token replaced by another login, expired).
    //! The app must ask the creator to sign in again; it never re-logs in by itself.
    void sessionEnded(const pixverse::ApiError& reason);

private:
    bool m_sessionEnded = false;
    const ModelCatalog* m_catalog = &ModelCatalog::builtIn();
};

} // namespace pixverse
