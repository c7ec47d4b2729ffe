#include "ui/EffectsBrowser.h"

#include "core/api/ApiError.h"
#include "core/effects/PreviewCache.h"
#include "core/effects/TemplateLibrary.h"
#include "core/effects/TemplateListModel.h"
#include "core/jobs/ThumbnailCache.h"
#include "core/media/LibavInput.h"
#include "ui/EffectCardDelegate.h"
#include "ui/PreviewPlayer.h"
#include "ui/UiHelpers.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHash>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace pixverse {

namespace {
//! A pointer resting on a card this long starts its preview (passing over cards does not).
constexpr int kHoverDelayMs = 150;
} // namespace

struct EffectsBrowser::Parts {
    QPointer<TemplateLibrary> library;
    QPointer<PreviewCache> previews;
    TemplateListModel* model = nullptr;
    ThumbnailCache* stills = nullptr;
    PreviewPlayer* player = nullptr;
    EffectCardDelegate* delegate = nullptr;

    QLineEdit* search = nullptr;
    QComboBox* category = nullptr;
    QToolButton* refresh = nullptr;
    QLabel* status = nullptr;
    QStackedWidget* stack = nullptr;
    QListView* view = nullptr;
    QLabel* message = nullptr;
    QLabel* details = nullptr;
    QPushButton* use = nullptr;
    QTimer hoverDelay;
    QPersistentModelIndex hovered;

    bool offered = true;
    QString notOfferedWhy;
    QString refreshError; //!< of the last refresh; empty: it worked (or none ended yet)
    QHash<qint64, QString> previewErrors;
    qint64 selectedId = 0; //!< kept across the model's resets (search, refresh)
};

EffectsBrowser::EffectsBrowser(TemplateLibrary* library, PreviewCache* previews, QWidget* parent)
    : QWidget(parent)
    , d(std::make_unique<Parts>()) {
    setObjectName(QStringLiteral("effectsBrowser"));
    d->library = library;
    d->previews = previews;
    d->model = new TemplateListModel(library, this);
    d->stills = new ThumbnailCache(this);
    d->stills->setScaledSize(EffectCardDelegate::pictureSize(font()));
    d->player = new PreviewPlayer(previews, this);
    media::preloadLibavSoon(); // its previews are decoded by ffmpeg's libraries
    d->player->setPictureSize(EffectCardDelegate::pictureSize(font()));
    d->delegate = new EffectCardDelegate(previews, d->stills, d->player, this);
    buildLayout();
    connectParts();
    retranslate();
    updateCategories();
    updateState();
}

EffectsBrowser::~EffectsBrowser() = default;

void EffectsBrowser::buildLayout() {
    d->search = new QLineEdit(this);
    d->search->setObjectName(QStringLiteral("effectSearch"));
    d->search->setClearButtonEnabled(true);
    d->search->installEventFilter(this);
    d->category = new QComboBox(this);
    d->category->setObjectName(QStringLiteral("effectCategory"));
    d->category->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    d->refresh = new QToolButton(this);
    d->refresh->setObjectName(QStringLiteral("effectRefresh"));
    d->refresh->setToolButtonStyle(Qt::ToolButtonTextOnly);
    d->status = ui::hintLabel(QString(), this);
    d->status->setObjectName(QStringLiteral("effectStatus"));
    d->status->setWordWrap(false);
    d->status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    d->view = new QListView(this);
    d->view->setObjectName(QStringLiteral("effectGrid"));
    d->view->setViewMode(QListView::IconMode);
    d->view->setMovement(QListView::Static); // after setViewMode(), which makes items movable
    d->view->setFlow(QListView::LeftToRight);
    d->view->setWrapping(true);
    d->view->setResizeMode(QListView::Adjust);
    d->view->setLayoutMode(QListView::SinglePass);
    d->view->setUniformItemSizes(true);
    d->view->setSelectionMode(QAbstractItemView::SingleSelection);
    d->view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    d->view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    d->view->verticalScrollBar()->setSingleStep(24);
    d->view->setMouseTracking(true);
    d->view->viewport()->setAttribute(Qt::WA_Hover);
    d->view->viewport()->installEventFilter(this);
    d->view->setFrameShape(QFrame::NoFrame);
    d->view->setItemDelegate(d->delegate);
    d->view->setModel(d->model);

    d->message = new QLabel(this);
    d->message->setObjectName(QStringLiteral("effectMessage"));
    d->message->setAlignment(Qt::AlignCenter);
    d->message->setWordWrap(true);
    d->message->setMargin(24);
    d->stack = new QStackedWidget(this);
    d->stack->addWidget(d->view);
    d->stack->addWidget(d->message);

    d->details = ui::hintLabel(QString(), this);
    d->details->setObjectName(QStringLiteral("effectDetails"));
    d->use = new QPushButton(this);
    d->use->setObjectName(QStringLiteral("useEffectButton"));
    d->use->setDefault(false);
    d->use->setAutoDefault(false);

    auto* top = new QHBoxLayout;
    top->addWidget(d->search, 1);
    top->addWidget(d->category);
    top->addWidget(d->refresh);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(d->details, 1);
    bottom->addWidget(d->use);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(d->status);
    layout->addWidget(d->stack, 1);
    layout->addLayout(bottom);

    auto* find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        d->search->setFocus(Qt::ShortcutFocusReason);
        d->search->selectAll();
    });
    d->hoverDelay.setSingleShot(true);
    d->hoverDelay.setInterval(kHoverDelayMs);
}

void EffectsBrowser::connectParts() {
    connect(d->search, &QLineEdit::textChanged, this, [this](const QString& text) {
        d->model->setSearchText(text);
        updateState();
    });
    connect(d->category, &QComboBox::currentIndexChanged, this, [this] {
        d->model->setCategory(d->category->currentData().toString());
        updateState();
    });
    connect(d->refresh, &QToolButton::clicked, this, [this] {
        if (d->library)
            d->library->refresh(true);
    });
    connect(d->use, &QPushButton::clicked, this, &EffectsBrowser::chooseCurrent);
    connect(d->view, &QAbstractItemView::activated, this, &EffectsBrowser::chooseCurrent);
    connect(d->view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    d->selectedId = current.data(TemplateListModel::IdRole).toLongLong();
                previewSelection();
                updateDetails();
            });
    connect(d->model, &QAbstractItemModel::modelReset, this, [this] {
        // A search or a new list: the chosen card stays chosen when it is still shown.
        const int row = d->model->rowOf(d->selectedId);
        if (row >= 0)
            d->view->setCurrentIndex(d->model->index(row, 0));
        previewSelection();
        updateDetails();
    });
    connect(d->view, &QAbstractItemView::entered, this, [this](const QModelIndex& index) {
        d->hovered = index;
        d->hoverDelay.start();
    });
    connect(&d->hoverDelay, &QTimer::timeout, this, [this] {
        if (d->hovered.isValid())
            previewRow(d->hovered);
    });

    if (d->library) {
        connect(d->library, &TemplateLibrary::templatesChanged, this,
                &EffectsBrowser::onTemplatesChanged);
        connect(d->library, &TemplateLibrary::refreshStarted, this, [this] {
            updateStatusLine();
            updateState();
        });
        connect(d->library, &TemplateLibrary::refreshFinished, this, [this](const QString& error) {
            d->refreshError = error;
            updateStatusLine();
            updateState();
        });
    }
    if (d->previews) {
        connect(d->previews, &PreviewCache::previewReady, this, [this](const QString& url) {
            d->delegate->setStillArrived(url);
            d->view->viewport()->update();
        });
        connect(d->previews, &PreviewCache::previewFailed, this,
                [this](const QString& url, const QString&) {
                    d->delegate->setStillFailed(url);
                    d->view->viewport()->update();
                });
    }
    connect(d->stills, &ThumbnailCache::imageReady, d->view->viewport(),
            qOverload<>(&QWidget::update));
    connect(d->player, &PreviewPlayer::frameChanged, this, &EffectsBrowser::repaintTemplate);
    connect(d->player, &PreviewPlayer::failed, this, [this](qint64 id, const QString& error) {
        d->previewErrors.insert(id, error);
        d->delegate->setPreviewFailed(id, true);
        repaintTemplate(id);
        updateDetails();
    });
}

void EffectsBrowser::retranslate() {
    d->search->setPlaceholderText(tr("Search effects"));
    d->search->setToolTip(tr("Search by name, description or category (Ctrl+F)"));
    d->refresh->setText(tr("Refresh"));
    d->refresh->setToolTip(tr("Fetch the list of effects again"));
    d->use->setText(tr("&Use effect"));
    d->use->setToolTip(tr("Set the composer up for the selected effect (Enter, double-click)"));
    d->category->setToolTip(tr("Show one category"));
    d->category->setAccessibleName(tr("Category"));
    d->view->setAccessibleName(tr("Effects"));
    updateCategories();
    updateStatusLine();
    updateState();
    updateDetails();
}

void EffectsBrowser::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) {
        if (event->type() == QEvent::LanguageChange)
            retranslate();
        // The cards' size follows the font and the language's longest texts.
        d->stills->setScaledSize(EffectCardDelegate::pictureSize(font()) * devicePixelRatioF());
        d->player->setPictureSize(EffectCardDelegate::pictureSize(font()) * devicePixelRatioF());
        d->view->doItemsLayout();
    }
    QWidget::changeEvent(event);
}

void EffectsBrowser::showEvent(QShowEvent* event) {
    // Decoded at the screen's pixels, so the cards on a 2x screen are sharp.
    d->stills->setScaledSize(EffectCardDelegate::pictureSize(font()) * devicePixelRatioF());
    QWidget::showEvent(event);
}

bool EffectsBrowser::eventFilter(QObject* watched, QEvent* event) {
    if (watched == d->search && event->type() == QEvent::KeyPress) {
        const auto key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Return || key == Qt::Key_Enter) {
            // From the search to the cards: the first one is chosen when none was.
            d->view->setFocus(Qt::TabFocusReason);
            if (!d->view->currentIndex().isValid() && d->model->rowCount() > 0)
                d->view->setCurrentIndex(d->model->index(0, 0));
            return true;
        }
    } else if (watched == d->view->viewport() && event->type() == QEvent::Leave) {
        d->hoverDelay.stop();
        d->hovered = QPersistentModelIndex();
        previewSelection(); // the pointer left: back to the chosen card's preview
    }
    return QWidget::eventFilter(watched, event);
}

void EffectsBrowser::setEffectsOffered(bool offered, const QString& why) {
    d->offered = offered;
    d->notOfferedWhy = why;
    if (!offered)
        d->player->stop();
    updateState();
    updateDetails();
}

bool EffectsBrowser::effectsOffered() const {
    return d->offered;
}

QString EffectsBrowser::emptyText() const {
    return d->stack->currentWidget() == d->message ? d->message->text() : QString();
}

bool EffectsBrowser::selectTemplate(qint64 id) {
    const int row = d->model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = d->model->index(row, 0);
    d->view->setCurrentIndex(index);
    d->view->scrollTo(index);
    return true;
}

qint64 EffectsBrowser::selectedId() const {
    const QModelIndex current = d->view->currentIndex();
    return current.isValid() ? current.data(TemplateListModel::IdRole).toLongLong() : 0;
}

QListView* EffectsBrowser::view() const {
    return d->view;
}

TemplateListModel* EffectsBrowser::model() const {
    return d->model;
}

EffectCardDelegate* EffectsBrowser::cardDelegate() const {
    return d->delegate;
}

PreviewPlayer* EffectsBrowser::previewPlayer() const {
    return d->player;
}

ThumbnailCache* EffectsBrowser::stills() const {
    return d->stills;
}

void EffectsBrowser::onTemplatesChanged() {
    updateCategories();
    updateStatusLine();
    updateState();
}

void EffectsBrowser::updateCategories() {
    const QStringList categories = d->model->categories();
    const QString current = d->model->category();
    const QSignalBlocker block(d->category);
    d->category->clear();
    d->category->addItem(tr("All categories"), QString());
    for (const QString& category : categories)
        d->category->addItem(category, category);
    const int index = d->category->findData(current);
    d->category->setCurrentIndex(std::max(0, index));
    if (index < 0 && !current.isEmpty())
        d->model->setCategory({}); // the new list has no such category
    // Hidden when the service gives no categories: one entry would filter nothing.
    d->category->setVisible(!categories.isEmpty());
}

void EffectsBrowser::updateStatusLine() {
    QString text;
    const QDateTime fetched = d->library ? d->library->fetchedAt() : QDateTime();
    const QString when = fetched.isValid()
                             ? QLocale().toString(fetched.toLocalTime(), QLocale::ShortFormat)
                             : QString();
    if (d->library && d->library->isRefreshing())
        text = tr("Updating the list of effects…");
    else if (!d->refreshError.isEmpty() && !when.isEmpty())
        text = tr("Offline: the list from %1. %2").arg(when, d->refreshError);
    else if (!d->refreshError.isEmpty())
        text = tr("The list could not be updated. %1").arg(d->refreshError);
    else if (!when.isEmpty())
        text = tr("Updated %1").arg(when);
    d->status->setText(text);
    d->status->setToolTip(text);
    d->status->setVisible(!text.isEmpty());
}

void EffectsBrowser::updateState() {
    const bool haveList = d->library && !d->library->templates().isEmpty();
    QString message;
    if (!d->offered)
        message = d->notOfferedWhy.isEmpty() ? tr("Effects are not offered with this sign-in.")
                                             : d->notOfferedWhy;
    else if (!haveList && d->library && d->library->isRefreshing())
        message = tr("Loading effects…");
    else if (!haveList && !d->refreshError.isEmpty())
        message = tr("The effects could not be loaded. %1").arg(d->refreshError);
    else if (!haveList && d->library && d->library->fetchedAt().isValid())
        message = tr("PixVerse lists no effects for this account.");
    else if (!haveList)
        message = tr("Loading effects…");
    else if (d->model->rowCount() == 0)
        message = tr("No effect matches the search.");
    d->message->setText(message);
    d->stack->setCurrentWidget(message.isEmpty() ? static_cast<QWidget*>(d->view) : d->message);
    d->search->setEnabled(d->offered && haveList);
    d->category->setEnabled(d->offered);
    d->refresh->setEnabled(d->offered && d->library && !d->library->isRefreshing());
    d->use->setEnabled(d->offered && message.isEmpty() && d->view->currentIndex().isValid());
}

void EffectsBrowser::updateDetails() {
    const QModelIndex current = d->view->currentIndex();
    QString text;
    if (d->offered && current.isValid()) {
        const qint64 id = current.data(TemplateListModel::IdRole).toLongLong();
        text = current.data(TemplateListModel::PromptRole).toString();
        if (current.data(TemplateListModel::NeedsActivationRole).toBool())
            text = ApiError::service(500070, QString()).userMessage();
        if (const auto error = d->previewErrors.constFind(id); error != d->previewErrors.cend())
            text = tr("No preview: %1").arg(*error);
    }
    d->details->setText(text);
    d->details->setToolTip(text);
    d->use->setEnabled(d->offered && current.isValid() && d->stack->currentWidget() == d->view);
}

void EffectsBrowser::previewRow(const QModelIndex& index) {
    if (!d->offered || !index.isValid()) {
        d->player->stop();
        return;
    }
    d->player->play(index.data(TemplateListModel::IdRole).toLongLong(),
                    index.data(TemplateListModel::PreviewUrlRole).toString());
}

void EffectsBrowser::previewSelection() {
    if (d->hovered.isValid())
        return; // the card under the pointer plays
    previewRow(d->view->currentIndex());
}

void EffectsBrowser::repaintTemplate(qint64 id) {
    const int row = d->model->rowOf(id);
    if (row >= 0)
        d->view->update(d->model->index(row, 0));
}

void EffectsBrowser::chooseCurrent() {
    const QModelIndex current = d->view->currentIndex();
    if (!d->offered || !current.isValid())
        return;
    // A template that needs activation is chosen too: the composer refuses it before sending
    // with 500070's sentence (and tries again once the list says it is activated).
    Q_EMIT templateChosen(d->model->templateAt(current.row()));
}

} // namespace pixverse
