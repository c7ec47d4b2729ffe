#include "core/effects/TemplateRequest.h"

#include "core/generation/ModelCatalog.h"

namespace pixverse {

void applyTemplate(GenerationRequest& request, const EffectTemplate& effect,
                   const ModelCatalog& catalog, ApiFamily family) {
    request.mode = GenerationMode::Effect;
    request.templateId = effect.id;
    request.templateName = effect.name;
    request.templatePrompt = effect.prompt;
    request.templateImageCount = effect.imageCount;
    request.templateQualities = effect.qualities;
    request.templateNeedsActivation = effect.needsActivation;
    // The body needs a prompt (§2.3); the template's own description is what it was made for.
    if (request.prompt.trimmed().isEmpty())
        request.prompt = effect.prompt;

    // The model: the template's, else the request's, else the newest that makes effects.
    const QList<ModelSpec> offered = catalog.offeredModels(family, GenerationMode::Effect);
    auto offers = [&offered](const QString& id) {
        for (const ModelSpec& m : offered) {
            if (m.id == id || m.serviceId(ApiFamily::OpenApi) == id ||
                m.serviceId(ApiFamily::Web) == id)
                return m.id;
        }
        return QString();
    };
    QString model = effect.model.isEmpty() ? QString() : offers(effect.model);
    if (model.isEmpty())
        model = offers(request.model);
    if (model.isEmpty() && !offered.isEmpty())
        model = offered.first().id;
    if (!model.isEmpty())
        request.model = model;

    // A quality both the model and the template allow, the request's when it can stay.
    if (const ModelSpec* spec = catalog.model(request.model)) {
        QStringList allowed;
        for (const QString& quality : spec->qualities) {
            if (effect.qualities.isEmpty() || effect.qualities.contains(quality))
                allowed << quality;
        }
        if (!allowed.isEmpty() && !allowed.contains(request.quality))
            request.quality = allowed.last();
        if (effect.duration > 0 && spec->takesDuration(effect.duration))
            request.duration = effect.duration;
        else if (!spec->takesDuration(request.duration) && spec->minDuration() > 0)
            request.duration = spec->takesDuration(5) ? 5 : spec->minDuration();
    }

    // Only as many start images as the template takes; other roles do not belong to an effect.
    QList<RequestImage> kept;
    for (const RequestImage& image : request.images) {
        if (image.role == RequestImage::Role::Start && kept.size() < effect.imageCount)
            kept << image;
    }
    request.images = kept;
}

} // namespace pixverse
