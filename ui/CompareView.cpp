#include "ui/CompareView.h"

#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"
#include "core/media/SyncPlayback.h"
#include "ui/ComparePictures.h"

#include <QAction>
#include <QCheckBox>
#include <QFrame>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace pixverse {

namespace {

//! The decoded size a cell starts with, before the layout gives it its own.
constexpr QSize kFirstFrameSize(640, 360);

QString stars(int rating) {
    return QString(rating, QChar(0x2605)) + QString(5 - rating, QChar(0x2606));
}

} // namespace

bool CompareView::canCompare(const QList<Job>& jobs) {
    return jobs.size() >= kMinTakes && jobs.size() <= kMaxTakes &&
           std::all_of(jobs.cbegin(), jobs.cend(), [](const Job& job) {
               return job.state == JobState::Done && !job.videoPath.isEmpty();
           });
}

CompareView::CompareView(const QList<Job>& takes, const JobLibrary& library, QWidget* parent)
    : QDialog(parent)
    , m_takes(takes.mid(0, kMaxTakes))
    , m_library(library)
    , m_playback(new SyncPlayback(this)) {
    setObjectName(QStringLiteral("compareView"));
    setWindowTitle(tr("Compare Takes"));
    setModal(false);

    auto* layout = new QVBoxLayout(this);
    m_grid = new QGridLayout;
    m_grid->setSpacing(8);
    buildCells(m_grid);
    layout->addLayout(m_grid, 1);
    m_wipe = new WipePicture(this);
    m_wipe->setObjectName(QStringLiteral("compareWipe"));
    m_wipe->hide();
    layout->addWidget(m_wipe, 1);
    layout->addWidget(buildTransport());
    createKeys();

    QStringList paths;
    for (const Job& take : std::as_const(m_takes))
        paths << take.videoPath;
    connect(m_playback, &SyncPlayback::frameShown, this, &CompareView::onFrameShown);
    connect(m_playback, &SyncPlayback::positionChanged, this, &CompareView::onPositionChanged);
    connect(m_playback, &SyncPlayback::playingChanged, this, &CompareView::updatePlayButton);
    connect(m_playback, &SyncPlayback::clipFailed, this, [this](int clip, const QString& error) {
        m_cells[clip].error = error;
        refreshCell(clip);
    });
    connect(m_playback, &SyncPlayback::readyChanged, this, [this] {
        m_slider->setRange(0, int(m_playback->durationUs() / 1000));
        onPositionChanged(m_playback->positionUs());
    });
    m_playback->setClips(paths, kFirstFrameSize);
    // Signed out (the store goes): the marks would have nowhere to go.
    if (JobStore* store = m_library.store())
        connect(store, &QObject::destroyed, this, &QDialog::close);
    for (int i = 0; i < m_cells.size(); ++i) {
        connect(m_cells[i].picture, &FramePicture::pixelSizeChanged, this, [this, i](QSize size) {
            if (!m_wipeShown)
                m_playback->setFrameSize(i, size);
        });
    }
    connect(m_wipe, &WipePicture::pixelSizeChanged, this, [this](QSize size) {
        if (m_wipeShown) {
            m_playback->setFrameSize(0, size);
            m_playback->setFrameSize(1, size);
        }
    });

    // Fits a 1366×768 screen with a panel and a title bar.
    QSize size(1180, 680);
    if (const QScreen* screen = parent ? parent->screen() : QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableSize() - QSize(40, 60));
    resize(size);
    updateRejectButton();
}

CompareView::~CompareView() = default;

void CompareView::buildCells(QGridLayout* grid) {
    const int columns = 2;
    for (int i = 0; i < m_takes.size(); ++i) {
        Cell cell;
        cell.box = new QFrame(this);
        cell.box->setObjectName(QStringLiteral("compareCell%1").arg(i + 1));
        auto* box = new QVBoxLayout(cell.box);
        box->setContentsMargins(0, 0, 0, 0);
        auto* header = new QHBoxLayout;
        auto* texts = new QVBoxLayout;
        cell.title = new QLabel(cell.box);
        cell.title->setObjectName(QStringLiteral("compareTitle%1").arg(i + 1));
        cell.title->setWordWrap(true);
        QFont bold = cell.title->font();
        bold.setBold(true);
        cell.title->setFont(bold);
        cell.details = new QLabel(cell.box);
        cell.details->setObjectName(QStringLiteral("compareDetails%1").arg(i + 1));
        texts->addWidget(cell.title);
        texts->addWidget(cell.details);
        header->addLayout(texts, 1);
        cell.pick = new QPushButton(cell.box);
        cell.pick->setObjectName(QStringLiteral("comparePick%1").arg(i + 1));
        cell.pick->setCheckable(true);
        connect(cell.pick, &QPushButton::clicked, this, [this, i] { pickCell(i); });
        header->addWidget(cell.pick, 0, Qt::AlignTop);
        box->addLayout(header);
        cell.picture = new FramePicture(cell.box);
        cell.picture->setObjectName(QStringLiteral("comparePicture%1").arg(i + 1));
        box->addWidget(cell.picture, 1);
        grid->addWidget(cell.box, i / columns, i % columns);
        m_cells << cell;
        refreshCell(i);
    }
}

QWidget* CompareView::buildTransport() {
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    auto button = [&](const char* name, QStyle::StandardPixmap icon, const QString& tip) {
        auto* b = new QToolButton(bar);
        b->setObjectName(QLatin1String(name));
        b->setIcon(style()->standardIcon(icon));
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        row->addWidget(b);
        return b;
    };
    QToolButton* back =
        button("compareStepBack", QStyle::SP_MediaSeekBackward, tr("One frame back (←)"));
    m_playButton = button("comparePlay", QStyle::SP_MediaPlay, tr("Play (Space)"));
    QToolButton* forward =
        button("compareStepForward", QStyle::SP_MediaSeekForward, tr("One frame forward (→)"));
    connect(back, &QToolButton::clicked, m_playback, &SyncPlayback::stepBack);
    connect(forward, &QToolButton::clicked, m_playback, &SyncPlayback::stepForward);
    connect(m_playButton, &QToolButton::clicked, m_playback, &SyncPlayback::togglePlaying);

    m_slider = new QSlider(Qt::Horizontal, bar);
    m_slider->setObjectName(QStringLiteral("compareSlider"));
    m_slider->setAccessibleName(tr("Position"));
    m_slider->setFocusPolicy(Qt::NoFocus); // the arrow keys step frames
    connect(m_slider, &QSlider::sliderPressed, this, [this] { m_sliderDragged = true; });
    connect(m_slider, &QSlider::sliderReleased, this, [this] { m_sliderDragged = false; });
    connect(m_slider, &QSlider::sliderMoved, this,
            [this](int ms) { m_playback->seek(qint64(ms) * 1000); });
    row->addWidget(m_slider, 1);
    m_time = new QLabel(timeText(), bar);
    m_time->setObjectName(QStringLiteral("compareTime"));
    m_time->setMinimumWidth(
        m_time->fontMetrics().horizontalAdvance(QStringLiteral("00:00.00 / 00:00.00")));
    row->addWidget(m_time);

    m_loop = new QCheckBox(tr("&Loop"), bar);
    m_loop->setObjectName(QStringLiteral("compareLoop"));
    m_loop->setChecked(m_playback->loops());
    connect(m_loop, &QCheckBox::toggled, m_playback, &SyncPlayback::setLoop);
    row->addWidget(m_loop);
    m_wipeToggle = new QCheckBox(tr("&Wipe"), bar);
    m_wipeToggle->setObjectName(QStringLiteral("compareWipeToggle"));
    m_wipeToggle->setToolTip(tr("One picture: the first take left of the line, the second right"));
    m_wipeToggle->setVisible(m_takes.size() == 2);
    connect(m_wipeToggle, &QCheckBox::toggled, this, &CompareView::setWipe);
    row->addWidget(m_wipeToggle);
    m_rejectOthers = new QPushButton(tr("&Reject the Others"), bar);
    m_rejectOthers->setObjectName(QStringLiteral("compareRejectOthers"));
    m_rejectOthers->setToolTip(tr("Reject every take but the picked one (Shift+X)"));
    connect(m_rejectOthers, &QPushButton::clicked, this, &CompareView::rejectOthers);
    row->addWidget(m_rejectOthers);
    auto* close = new QPushButton(tr("Close"), bar);
    close->setObjectName(QStringLiteral("compareClose"));
    close->setAutoDefault(false);
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    row->addWidget(close);

    updatePlayButton(false);
    return bar;
}

void CompareView::createKeys() {
    // Window-wide keys: they act whichever button has the focus.
    auto key = [this](const QList<QKeySequence>& keys, auto slot) {
        auto* action = new QAction(this);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    key({QKeySequence(Qt::Key_Space)}, [this] { m_playback->togglePlaying(); });
    key({QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_Period)},
        [this] { m_playback->stepForward(); });
    key({QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_Comma)},
        [this] { m_playback->stepBack(); });
    key({QKeySequence(Qt::SHIFT | Qt::Key_X)}, [this] { rejectOthers(); });
    for (int i = 0; i < m_takes.size(); ++i)
        key({QKeySequence(QKeyCombination(Qt::Key(Qt::Key_1 + i)))}, [this, i] { pickCell(i); });
}

void CompareView::refreshCell(int cell) {
    if (JobStore* store = m_library.store()) {
        if (const std::optional<Job> fresh = store->job(m_takes[cell].id))
            m_takes[cell] = *fresh;
    }
    const Job& take = m_takes.at(cell);
    Cell& c = m_cells[cell];
    c.title->setText(JobListModel::titleOf(take));
    c.title->setToolTip(take.request.prompt);
    QStringList details;
    details << (take.seed ? tr("Seed %1").arg(*take.seed) : tr("Random seed"));
    details << (take.rating > 0 ? stars(take.rating) : tr("Not rated"));
    if (take.picked)
        details << tr("Picked");
    if (take.rejected)
        details << tr("Rejected");
    if (!c.error.isEmpty())
        details = QStringList{c.error}; // why its picture stays black
    c.details->setWordWrap(!c.error.isEmpty());
    c.details->setText(details.join(QStringLiteral(" · ")));
    c.pick->setText(take.picked ? tr("Picked (%1)").arg(cell + 1) : tr("Pick (%1)").arg(cell + 1));
    c.pick->setChecked(take.picked);
}

void CompareView::pickCell(int cell) {
    if (cell < 0 || cell >= m_cells.size())
        return;
    const Job& take = m_takes.at(cell);
    m_pickedId = take.id;
    m_library.pick(take.id);
    if (take.rejected) // chosen after all: no longer thrown away
        m_library.setRejected({take.id}, false);
    for (int i = 0; i < m_cells.size(); ++i)
        refreshCell(i);
    updateRejectButton();
}

qint64 CompareView::keptId() const {
    if (m_pickedId != 0)
        return m_pickedId;
    // Not picked here: the one take that was picked before, if exactly one was.
    qint64 kept = 0;
    for (const Job& take : m_takes) {
        if (take.picked) {
            if (kept != 0)
                return 0;
            kept = take.id;
        }
    }
    return kept;
}

void CompareView::rejectOthers() {
    const qint64 kept = keptId();
    if (kept == 0)
        return;
    QList<qint64> others;
    for (const Job& take : std::as_const(m_takes)) {
        if (take.id != kept && !take.rejected)
            others << take.id;
    }
    if (!others.isEmpty())
        m_library.setRejected(others, true);
    for (int i = 0; i < m_cells.size(); ++i)
        refreshCell(i);
}

void CompareView::updateRejectButton() {
    m_rejectOthers->setEnabled(keptId() != 0);
}

void CompareView::setWipe(bool wipe) {
    wipe = wipe && m_takes.size() == 2;
    if (wipe == m_wipeShown)
        return;
    m_wipeShown = wipe;
    for (Cell& cell : m_cells)
        cell.picture->setVisible(!wipe);
    m_wipe->setVisible(wipe);
    // The cells keep only their names and Pick buttons above the one picture.
    if (auto* box = qobject_cast<QBoxLayout*>(layout()))
        box->setStretchFactor(m_grid, wipe ? 0 : 1);
    m_wipeToggle->setChecked(wipe);
    if (wipe)
        m_wipe->setImages(m_playback->frame(0), m_playback->frame(1));
    else
        for (int i = 0; i < m_cells.size(); ++i)
            m_cells[i].picture->setImage(m_playback->frame(i));
}

void CompareView::onFrameShown(int clip) {
    const QImage image = m_playback->frame(clip);
    if (m_wipeShown) {
        if (clip == 0)
            m_wipe->setLeft(image);
        else if (clip == 1)
            m_wipe->setRight(image);
        return;
    }
    m_cells[clip].picture->setImage(image);
}

void CompareView::onPositionChanged(qint64 us) {
    if (!m_sliderDragged)
        m_slider->setValue(int(us / 1000));
    m_time->setText(timeText());
}

QString CompareView::formatTime(qint64 us) {
    const qint64 centis = std::max<qint64>(0, us) / 10000;
    return QStringLiteral("%1:%2.%3")
        .arg(centis / 6000)
        .arg(centis / 100 % 60, 2, 10, QLatin1Char('0'))
        .arg(centis % 100, 2, 10, QLatin1Char('0'));
}

QString CompareView::timeText() const {
    return QStringLiteral("%1 / %2").arg(formatTime(m_playback->positionUs()),
                                         formatTime(m_playback->durationUs()));
}

void CompareView::updatePlayButton(bool playing) {
    m_playButton->setIcon(
        style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    const QString tip = playing ? tr("Pause (Space)") : tr("Play (Space)");
    m_playButton->setToolTip(tip);
    m_playButton->setAccessibleName(tip);
}

void CompareView::hideEvent(QHideEvent* event) {
    m_playback->pause(); // closed (Esc, Close) or minimised: nothing plays unseen
    QDialog::hideEvent(event);
}

} // namespace pixverse
