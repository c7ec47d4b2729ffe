// Contract stub (issue 17): the "templates" helper implements fetching, the cache and refresh.
#include "core/effects/TemplateLibrary.h"

#include "core/backend/Backend.h"

namespace pixverse {

struct TemplateLibrary::State {
    QString cacheFile;
    QPointer<Backend> backend;
    QString language = QStringLiteral("en");
    QList<EffectTemplate> templates;
    QDateTime fetchedAt;
    bool refreshing = false;
};

TemplateLibrary::TemplateLibrary(const QString& cacheFile, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<State>()) {
    d->cacheFile = cacheFile;
}

TemplateLibrary::~TemplateLibrary() = default;

void TemplateLibrary::load() {}

void TemplateLibrary::setBackend(Backend* backend) {
    d->backend = backend;
}

void TemplateLibrary::setLanguage(const QString& language) {
    d->language = language;
}

QString TemplateLibrary::language() const {
    return d->language;
}

QList<EffectTemplate> TemplateLibrary::templates() const {
    return d->templates;
}

std::optional<EffectTemplate> TemplateLibrary::find(qint64 id) const {
    for (const EffectTemplate& t : d->templates) {
        if (t.id == id)
            return t;
    }
    return std::nullopt;
}

QDateTime TemplateLibrary::fetchedAt() const {
    return d->fetchedAt;
}

bool TemplateLibrary::isRefreshing() const {
    return d->refreshing;
}

void TemplateLibrary::refresh(bool force) {
    Q_UNUSED(force)
}

void TemplateLibrary::replaceTemplates(const QList<EffectTemplate>& templates) {
    d->templates = templates;
    Q_EMIT templatesChanged();
}

void TemplateLibrary::markNeedsActivation(qint64 id) {
    for (EffectTemplate& t : d->templates) {
        if (t.id == id)
            t.needsActivation = true;
    }
    Q_EMIT templatesChanged();
}

void TemplateLibrary::markQualityRefused(qint64 id, const QString& quality) {
    Q_UNUSED(id)
    Q_UNUSED(quality)
}

} // namespace pixverse
