#pragma once

#include "core/api/ApiTypes.h"

#include <QWidget>

#include <memory>

class QListView;

namespace pixverse {

class EffectCardDelegate;
class PreviewCache;
class PreviewPlayer;
class TemplateLibrary;
class TemplateListModel;
class ThumbnailCache;

//! The effect templates as a creator browses them (issue 17): a grid of cards with each one's
//! still and name, what it needs (images), the qualities it allows and whether it must be
//! activated first; search and categories; the preview clip plays on hover or selection.
//! Choosing one (double-click, Enter or "Use effect") raises templateChosen().
//! Keyboard: arrows move, Enter chooses, Ctrl+F searches (Down goes back to the cards).
class EffectsBrowser : public QWidget {
    Q_OBJECT
public:
    EffectsBrowser(TemplateLibrary* library, PreviewCache* previews, QWidget* parent = nullptr);
    ~EffectsBrowser() override;

    //! False (a website sign-in): the list is replaced by `why` (one sentence).
    void setEffectsOffered(bool offered, const QString& why = {});
    bool effectsOffered() const;

    //! The sentence shown instead of the cards (loading, failed, not offered, nothing matches);
    //! empty while the cards show.
    QString emptyText() const;
    //! Selects (and previews) template `id`; false when it is not shown.
    bool selectTemplate(qint64 id);
    //! The selected template's id; 0: none.
    qint64 selectedId() const;

    //! For tests and benchmarks: the parts behind the view.
    QListView* view() const;
    TemplateListModel* model() const;
    EffectCardDelegate* cardDelegate() const;
    PreviewPlayer* previewPlayer() const;
    ThumbnailCache* stills() const;

Q_SIGNALS:
    void templateChosen(const pixverse::EffectTemplate& effect);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    struct Parts;
    void buildLayout();
    void connectParts();
    void retranslate();
    void updateCategories();
    void updateState();
    void updateStatusLine();
    void updateDetails();
    void onTemplatesChanged();
    void previewRow(const QModelIndex& index);
    void previewSelection();
    void repaintTemplate(qint64 id);
    void chooseCurrent();

    std::unique_ptr<Parts> d;
};

} // namespace pixverse
