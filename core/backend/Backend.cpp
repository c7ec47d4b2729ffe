#include "core/backend/Backend.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace pixverse {

RequestHandle Backend::answerLater(QObject* context, std::function<void()> answer) {
    QPointer<QObject> guard(context);
    auto cancelled = std::make_shared<bool>(false);
    QMetaObject::invokeMethod(
        this,
        [guard, cancelled, hasContext = context != nullptr, answer = std::move(answer)] {
            if (!*cancelled && (!hasContext || guard))
                answer();
        },
        Qt::QueuedConnection);
    return RequestHandle([cancelled] { *cancelled = true; });
}

RequestHandle Backend::listVideos(int maxVideos, QObject* context,
                                  std::function<void(Result<RemoteVideoList>)> done) {
    Q_UNUSED(maxVideos)
    // No listing in this family: nothing to send. Answered later, as a request would be.
    return answerLater(context,
                       [done = std::move(done)] { done(Result<RemoteVideoList>::success({})); });
}

RequestHandle Backend::uploadMedia(const QString& filePath, UploadedMedia::Kind kind,
                                   QObject* context,
                                   std::function<void(Result<UploadedMedia>)> done,
                                   Progress progress) {
    Q_UNUSED(filePath)
    Q_UNUSED(kind)
    Q_UNUSED(progress)
    return answerLater(context, [done = std::move(done)] {
        done(Result<UploadedMedia>::failure(ApiError::input(
            tr("Video and audio files can be sent only with a platform API key sign-in."))));
    });
}

bool Backend::offersMode(GenerationMode mode) const {
    Q_UNUSED(mode)
    return true;
}

RequestHandle Backend::fetchSpeakers(QObject* context,
                                     std::function<void(Result<QList<Speaker>>)> done) {
    return answerLater(context, [done = std::move(done)] {
        done(Result<QList<Speaker>>::success(systemSpeakers()));
    });
}

RequestHandle Backend::fetchTemplates(const TemplateQuery& query, QObject* context,
                                      std::function<void(Result<QList<EffectTemplate>>)> done) {
    Q_UNUSED(query)
    return answerLater(context, [done = std::move(done)] {
        done(Result<QList<EffectTemplate>>::failure(ApiError::input(
            tr("Effects and references can be used only with a platform API key sign-in."))));
    });
}

RequestHandle Backend::fetchPriceFormulas(QObject* context,
                                          std::function<void(Result<PriceFormulas>)> done) {
    return refuseLater(context, std::move(done),
                       ApiError::input(tr("A platform API key is charged by the published price "
                                          "table; only a website account has price formulas.")));
}

RequestHandle Backend::fetchUsage(const UsageQuery& query, QObject* context,
                                  std::function<void(Result<UsagePage>)> done) {
    Q_UNUSED(query)
    return refuseLater(context, std::move(done),
                       ApiError::input(tr("The spend ledger can be read only with a platform API "
                                          "key; a website account's spending comes from this "
                                          "app's own records.")));
}

QList<Speaker> Backend::systemSpeakers() {
    // §2.18: the system voices; the names are PixVerse's, not translated.
    static const char* const names[] = {"Emily",  "James",  "Isabella", "Liam",   "Chloe",
                                        "Adrian", "Harper", "Ava",      "Sophia", "Julia",
                                        "Mason",  "Jack",   "Oliver",   "Ethan"};
    QList<Speaker> speakers{{QStringLiteral("Auto"), QStringLiteral("Auto")}};
    for (int i = 0; i < 14; ++i)
        speakers.append({QString::number(i + 1), QLatin1String(names[i])});
    return speakers;
}

RequestHandle Backend::lookUpVideo(qint64 videoId, int maxVideos, QObject* context,
                                   std::function<void(Result<QHash<qint64, VideoStatus>>)> done) {
    Q_UNUSED(maxVideos)
    return fetchStatuses({videoId}, context, std::move(done));
}

void Backend::noticeError(const ApiError& error) {
    if (error.isSessionEnd() && !m_sessionEnded) {
        m_sessionEnded = true;
        Q_EMIT sessionEnded(error);
    }
}

RequestHandle Backend::startUpload(const QString& filePath, bool withMd5, QObject* context,
                                   std::function<void(Result<UploadedImage>)> done,
                                   Progress progress,
                                   std::function<void(const std::shared_ptr<UploadSteps>&)> send) {
    // Reading the header (and the MD5 of up to 20 MB) is disk work: off this thread.
    return startPrepared<UploadedImage, PreparedImage>(
        QtConcurrent::run(&PreparedImage::forUpload, filePath, withMd5), context, std::move(done),
        std::move(progress), std::move(send));
}

RequestHandle
Backend::startMediaUpload(const QString& filePath, UploadedMedia::Kind kind, QObject* context,
                          std::function<void(Result<UploadedMedia>)> done, Progress progress,
                          std::function<void(const std::shared_ptr<MediaUploadSteps>&)> send) {
    return startPrepared<UploadedMedia, PreparedMedia>(
        QtConcurrent::run(&PreparedMedia::forUpload, filePath, kind), context, std::move(done),
        std::move(progress), std::move(send));
}

} // namespace pixverse
