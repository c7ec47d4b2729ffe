// OpenApiBackend and issue 17: the template list, effects and fusion (§2.15, §2.19).
#include "core/api/OpenApiEffectRequests.h"
#include "core/backend/OpenApiBackend.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace pixverse {

namespace {

//! The ids of the uploads, in order, as many as `wanted`; fewer when some are missing.
QList<qint64> uploadedIds(const QList<UploadedImage>& uploads, qsizetype wanted) {
    QList<qint64> ids;
    for (const UploadedImage& image : uploads) {
        if (ids.size() == wanted)
            break;
        if (image.imageId <= 0)
            break; // the rest would pair the wrong files with the images
        ids << image.imageId;
    }
    return ids;
}

//! How many Start images an effect sends: none for a template without images, else every one
//! the request has (validate() holds them to the template's count), at least one.
qsizetype effectImageCount(const GenerationRequest& request) {
    if (request.templateImageCount <= 0)
        return 0;
    return std::max<qsizetype>(1, request.imagesWith(RequestImage::Role::Start).size());
}

} // namespace

RequestHandle
OpenApiBackend::fetchTemplates(const TemplateQuery& query, QObject* context,
                               std::function<void(Result<QList<EffectTemplate>>)> done) {
    if (!openapi::TemplateListRequest::isAllowedPageSize(query.pageSize) || query.page < 1)
        return refuseLater<QList<EffectTemplate>>(
            context, std::move(done),
            ApiError::input(tr("The template list is read in pages of 10, 20, 50 or 100, from "
                               "page 1.")));
    return m_client->call(openapi::TemplateListRequest(query), context, watched(std::move(done)));
}

RequestHandle OpenApiBackend::createFromImages(const GenerationRequest& request,
                                               const RequestInputs& inputs, const QString& traceId,
                                               QObject* context,
                                               std::function<void(Result<CreatedVideo>)> done) {
    auto refuse = [&](const QString& why) {
        return refuseLater<CreatedVideo>(context, std::move(done), ApiError::input(why));
    };
    const ModelSpec* spec = specFor(request);
    if (request.mode == GenerationMode::Effect) {
        if (request.templateId <= 0)
            return refuse(tr("No effect template is chosen."));
        const qsizetype wanted = effectImageCount(request);
        QList<qint64> ids = uploadedIds(inputs.starts, wanted);
        // One image may also come as the image-to-video input.
        if (ids.isEmpty() && wanted == 1 && inputs.start && inputs.start->imageId > 0)
            ids << inputs.start->imageId;
        if (ids.size() < wanted)
            return refuse(tr("The effect's images have not all been uploaded."));
        return m_client->call(openapi::EffectRequest(request, spec, ids, traceId), context,
                              std::move(done));
    }
    const qsizetype wanted = request.references().size();
    if (wanted == 0)
        return refuse(tr("Reference to video needs at least one subject or background."));
    const QList<qint64> ids = uploadedIds(inputs.references, wanted);
    if (ids.size() < wanted)
        return refuse(tr("The references have not all been uploaded."));
    return m_client->call(
        openapi::FusionRequest(request, spec, openapi::fusionReferences(request, ids), traceId),
        context, std::move(done));
}

QList<PlannedCall> OpenApiBackend::plannedImageCalls(const GenerationRequest& request) const {
    const ModelSpec* spec = specFor(request);
    const QString placeholder = uploadPlaceholder();
    const QList<RequestImage> images =
        request.mode == GenerationMode::Effect
            ? request.imagesWith(RequestImage::Role::Start).mid(0, effectImageCount(request))
            : request.references();
    QList<PlannedCall> calls;
    QList<qint64> ids;
    for (const RequestImage& image : images) {
        const QString name = QFileInfo(image.path).fileName();
        calls << plannedCall(openapi::UploadImageRequest(image.path, name, QByteArray()),
                             tr("multipart upload of the image %1").arg(name));
        ids << 0;
    }
    // The create call, with the placeholder where each upload's id would go.
    PlannedCall create;
    if (request.mode == GenerationMode::Effect) {
        create = plannedCall(openapi::EffectRequest(request, spec, ids));
        QJsonObject body = create.body.toObject();
        if (body.contains(u"img_id"))
            body.insert(u"img_id", placeholder);
        if (body.contains(u"img_ids"))
            body.insert(u"img_ids",
                        QJsonArray::fromStringList(QStringList(ids.size(), placeholder)));
        create.body = body;
    } else {
        create = plannedCall(
            openapi::FusionRequest(request, spec, openapi::fusionReferences(request, ids)));
        QJsonObject body = create.body.toObject();
        QJsonArray references = body.value(u"image_references").toArray();
        for (qsizetype i = 0; i < references.size(); ++i) {
            QJsonObject reference = references.at(i).toObject();
            reference.insert(u"img_id", placeholder);
            references.replace(i, reference);
        }
        body.insert(u"image_references", references);
        create.body = body;
    }
    calls << create;
    return calls;
}

} // namespace pixverse
