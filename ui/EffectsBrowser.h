#pragma once

#include "core/api/ApiTypes.h"

#include <QWidget>

namespace pixverse {

class PreviewCache;
class TemplateLibrary;

//! The effect templates as a creator browses them (issue 17): a grid of cards with each one's
//! still and name, what it needs (images), the qualities it allows and whether it must be
//! activated first; search and categories; the preview clip plays on hover or selection.
//! Choosing one (double-click, Enter or "Use effect") raises templateChosen().
class EffectsBrowser : public QWidget {
    Q_OBJECT
public:
    EffectsBrowser(TemplateLibrary* library, PreviewCache* previews, QWidget* parent = nullptr);
    ~EffectsBrowser() override;

    //! False (a website sign-in): the list is replaced by `why` (one sentence).
    void setEffectsOffered(bool offered, const QString& why = {});

Q_SIGNALS:
    void templateChosen(const pixverse::EffectTemplate& effect);

private:
    struct Parts;
    std::unique_ptr<Parts> d;
};

} // namespace pixverse
