// Contract stub (issue 17): the "browser" helper builds the real view.
#include "ui/EffectsBrowser.h"

#include "core/effects/PreviewCache.h"
#include "core/effects/TemplateLibrary.h"

#include <QPointer>

namespace pixverse {

struct EffectsBrowser::Parts {
    QPointer<TemplateLibrary> library;
    QPointer<PreviewCache> previews;
};

EffectsBrowser::EffectsBrowser(TemplateLibrary* library, PreviewCache* previews, QWidget* parent)
    : QWidget(parent)
    , d(std::make_unique<Parts>()) {
    d->library = library;
    d->previews = previews;
}

EffectsBrowser::~EffectsBrowser() = default;

void EffectsBrowser::setEffectsOffered(bool offered, const QString& why) {
    Q_UNUSED(offered)
    Q_UNUSED(why)
}

} // namespace pixverse
