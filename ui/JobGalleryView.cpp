#include "ui/JobGalleryView.h"

#include "core/jobs/JobListModel.h"
#include "core/jobs/ThumbnailCache.h"
#include "ui/JobCardDelegate.h"
#include "ui/UiHelpers.h"

#include <QDrag>
#include <QDragEnterEvent>
#include <QMimeData>
#include <QPainter>
#include <QResizeEvent>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStyle>

namespace pixverse {

JobGalleryView::JobGalleryView(QWidget* parent)
    : QListView(parent) {
    setObjectName(QStringLiteral("jobGallery"));
    setViewMode(QListView::IconMode);
    setMovement(QListView::Static); // after setViewMode(), which makes items movable
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setLayoutMode(QListView::SinglePass);
    setUniformItemSizes(true);
    setSpacing(4);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionRectVisible(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::CopyAction);
    // Only queued cards of this gallery drop here, on another queued card (a new place).
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    verticalScrollBar()->setSingleStep(24);
    setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_Hover);
    setContextMenuPolicy(Qt::CustomContextMenu);
    setFrameShape(QFrame::NoFrame);
    setBackgroundRole(QPalette::Window);
    viewport()->setBackgroundRole(QPalette::Window);
    m_delegate = new JobCardDelegate(this);
    setItemDelegate(m_delegate);
    m_placeholder = tr("Your generations appear here.");

    connect(this, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        if (const qint64 id = index.data(JobListModel::IdRole).toLongLong(); id != 0)
            Q_EMIT jobActivated(id);
    });
}

QList<qint64> JobGalleryView::selectedJobIds() const {
    QList<qint64> ids;
    if (!selectionModel())
        return ids;
    QModelIndexList rows = selectionModel()->selectedIndexes();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    for (const QModelIndex& index : std::as_const(rows)) {
        if (const qint64 id = index.data(JobListModel::IdRole).toLongLong();
            id != 0 && !ids.contains(id))
            ids << id;
    }
    return ids;
}

qint64 JobGalleryView::currentJobId() const {
    return currentIndex().isValid() ? currentIndex().data(JobListModel::IdRole).toLongLong() : 0;
}

int JobGalleryView::rowOf(qint64 jobId) const {
    if (!model())
        return -1;
    if (auto* proxy = qobject_cast<QSortFilterProxyModel*>(model())) {
        if (auto* jobs = qobject_cast<JobListModel*>(proxy->sourceModel()))
            return proxy->mapFromSource(jobs->indexOf(jobId)).row();
    }
    if (auto* jobs = qobject_cast<JobListModel*>(model()))
        return jobs->rowOf(jobId);
    return -1;
}

bool JobGalleryView::selectJob(qint64 jobId) {
    const int row = rowOf(jobId);
    if (row < 0)
        return false;
    const QModelIndex index = model()->index(row, 0);
    setCurrentIndex(index);
    selectionModel()->select(index, QItemSelectionModel::ClearAndSelect);
    scrollTo(index);
    return true;
}

QMimeData* JobGalleryView::selectionMimeData() const {
    if (!model() || !selectionModel())
        return nullptr;
    return model()->mimeData(selectionModel()->selectedIndexes());
}

void JobGalleryView::setPlaceholderText(const QString& text) {
    m_placeholder = text;
    viewport()->update();
}

void JobGalleryView::paintEvent(QPaintEvent* event) {
    QListView::paintEvent(event);
    if (m_drop.target.isValid()) {
        QPainter painter(viewport());
        painter.fillRect(dropMark(), palette().color(QPalette::Highlight));
    }
    if (model() && model()->rowCount() > 0)
        return;
    QPainter painter(viewport());
    painter.setPen(ui::hintColor(palette()));
    painter.drawText(viewport()->rect().adjusted(24, 24, -24, -24),
                     Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
}

void JobGalleryView::startDrag(Qt::DropActions supportedActions) {
    QModelIndexList draggable;
    for (const QModelIndex& index : selectionModel()->selectedIndexes()) {
        if (model()->flags(index).testFlag(Qt::ItemIsDragEnabled))
            draggable << index;
    }
    if (draggable.isEmpty())
        return;
    QMimeData* data = model()->mimeData(draggable);
    if (!data)
        return;
    auto* drag = new QDrag(this);
    drag->setMimeData(data);
    // One card, half size, whatever the number of files: a picture of the thing being dragged.
    const QModelIndex shown =
        draggable.contains(currentIndex()) ? currentIndex() : draggable.first();
    QPixmap card = viewport()->grab(visualRect(shown));
    if (!card.isNull()) {
        card = card.scaledToWidth(std::max(1, card.width() / 2), Qt::SmoothTransformation);
        drag->setPixmap(card);
        drag->setHotSpot(QPoint(card.width() / 2, card.height() / 2));
    }
    drag->exec(supportedActions & Qt::CopyAction ? Qt::CopyAction : supportedActions,
               Qt::CopyAction);
}

void JobGalleryView::fitCards() {
    // The width the layout uses: as if the scroll bar were there, so that it appearing does
    // not change the columns (QListView lays out the same way).
    const int available =
        maximumViewportSize().width() -
        style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, verticalScrollBar());
    const int gap = spacing();
    const int natural = JobCardDelegate::naturalWidth(font());
    // A spacing before the first card, after each one, and one kept free at the end (the
    // layout wraps before touching it); a pixel of slack against rounding.
    const int room = available - 2 * gap - 1;
    const int columns = std::max(1, room / (natural + gap));
    int width = room / columns - gap;
    width =
        std::clamp(width, std::min(natural, std::max(120, available - 2 * gap)), natural * 3 / 2);
    if (width != m_delegate->cardWidth()) {
        m_delegate->setCardWidth(width);
        scheduleDelayedItemsLayout();
    }
    // Thumbnails are decoded at the picture's size in device pixels, so a card draws its
    // picture without scaling it (and a smaller image costs less memory).
    if (ThumbnailCache* cache = m_delegate->thumbnailCache()) {
        QStyleOptionViewItem option;
        initViewItemOption(&option);
        const QSize picture = m_delegate->thumbnailSize(option) * devicePixelRatioF();
        cache->setScaledSize(picture, ThumbnailCache::Scaling::Card);
        // Room for three screens of pictures: the cards on screen always fit (or they would be
        // read again and again), and memory follows the pictures' size, not the files'.
        const int rows =
            maximumViewportSize().height() / std::max(1, m_delegate->cardSize(option).height()) + 2;
        const qsizetype screen =
            qsizetype(columns) * rows *
            std::max<qsizetype>(1, qsizetype(picture.width()) * picture.height() * 4 / 1024);
        cache->setMaxCostKiB(std::max<qsizetype>(3 * screen, 4 * 1024));
    }
}

void JobGalleryView::resizeEvent(QResizeEvent* event) {
    fitCards();
    QListView::resizeEvent(event);
}

void JobGalleryView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        fitCards();
    QListView::changeEvent(event);
}

// --- dropping queued cards on the queue ----------------------------------------------------------

JobGalleryView::QueueDrop JobGalleryView::queueDropAt(const QPoint& position,
                                                      const QMimeData* mime) const {
    if (!mime || !mime->hasFormat(JobListModel::jobIdsMimeType()))
        return {};
    const QModelIndex target = indexAt(position);
    auto queued = [](const QModelIndex& index) {
        return static_cast<JobState>(index.data(JobListModel::StateRole).toInt()) ==
               JobState::Queued;
    };
    if (!target.isValid() || !queued(target))
        return {};
    // Every card dragged must be a queued one shown here (a finished video is not a move).
    for (const QByteArray& id : mime->data(JobListModel::jobIdsMimeType()).split(',')) {
        const int row = rowOf(id.toLongLong());
        if (row < 0 || row == target.row() || !queued(model()->index(row, 0)))
            return {};
    }
    return {target, position.x() > visualRect(target).center().x()};
}

QRect JobGalleryView::dropMark() const {
    const QRect card = visualRect(m_drop.target);
    const int x = m_drop.after ? card.right() + spacing() / 2 : card.left() - spacing() / 2;
    return QRect(x - 2, card.top(), 4, card.height());
}

void JobGalleryView::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasFormat(JobListModel::jobIdsMimeType()))
        event->acceptProposedAction(); // the move events say where it may land
    else
        event->ignore();
}

void JobGalleryView::dragMoveEvent(QDragMoveEvent* event) {
    const QueueDrop drop = queueDropAt(event->position().toPoint(), event->mimeData());
    if (drop.target != m_drop.target || drop.after != m_drop.after) {
        m_drop = drop;
        viewport()->update();
    }
    if (drop.target.isValid())
        event->acceptProposedAction();
    else
        event->ignore();
}

void JobGalleryView::dragLeaveEvent(QDragLeaveEvent* event) {
    m_drop = {};
    viewport()->update();
    event->accept();
}

void JobGalleryView::dropEvent(QDropEvent* event) {
    m_drop = {};
    viewport()->update();
    const QueueDrop drop = queueDropAt(event->position().toPoint(), event->mimeData());
    if (!drop.target.isValid()) {
        event->ignore();
        return;
    }
    QList<qint64> ids;
    for (const QByteArray& id : event->mimeData()->data(JobListModel::jobIdsMimeType()).split(','))
        ids << id.toLongLong();
    event->acceptProposedAction();
    Q_EMIT queueDropRequested(ids, drop.target.data(JobListModel::IdRole).toLongLong(), drop.after);
}

} // namespace pixverse
