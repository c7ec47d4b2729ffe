#include "ui/QueueBanner.h"

#include "core/jobs/JobEngine.h"
#include "core/jobs/JobStore.h"
#include "ui/UiHelpers.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>

#include <algorithm>

namespace pixverse {

namespace {

//! Milliseconds from `now` to the next time the clock reads `at` (at least one second).
qint64 msUntil(const QDateTime& now, const QTime& at) {
    QDateTime next(now.date(), at);
    if (next <= now)
        next = next.addDays(1);
    return std::max<qint64>(1000, now.msecsTo(next));
}

} // namespace

QueueBanner::QueueBanner(QWidget* parent)
    : QFrame(parent)
    , m_now([] { return QDateTime::currentDateTime(); }) {
    setObjectName(QStringLiteral("queueBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette tinted = palette();
    tinted.setColor(QPalette::Window, tinted.color(QPalette::AlternateBase));
    setPalette(tinted);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("queueBannerText"));
    m_text->setWordWrap(true);
    m_resume = new QPushButton(tr("&Resume"), this);
    m_resume->setObjectName(QStringLiteral("queueResumeButton"));
    m_resume->setToolTip(tr("Send the queued jobs again (Ctrl+Shift+P)"));
    m_resume->setAutoDefault(false);
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (m_engine)
            m_engine->setQueuePaused(false);
    });
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_resume, 0, Qt::AlignVCenter);
    m_edge = new QTimer(this);
    m_edge->setSingleShot(true);
    connect(m_edge, &QTimer::timeout, this, &QueueBanner::refresh);
    hide();
}

void QueueBanner::setEngine(JobEngine* engine) {
    for (const QMetaObject::Connection& connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_engine = engine;
    m_stopReason.clear();
    if (engine) {
        m_connections << connect(engine, &JobEngine::queuePausedChanged, this, [this](bool paused) {
            if (!paused)
                m_stopReason.clear();
            refresh();
        });
        m_connections << connect(engine, &JobEngine::queueStopped, this,
                                 [this](qint64, const QString& reason) {
                                     m_stopReason = reason;
                                     refresh();
                                 });
        if (JobStore* store = engine->store()) {
            m_connections << connect(store, &JobStore::jobAdded, this, &QueueBanner::refresh);
            m_connections << connect(store, &JobStore::jobChanged, this, &QueueBanner::refresh);
            m_connections << connect(store, &JobStore::jobRemoved, this, &QueueBanner::refresh);
        }
    }
    refresh();
}

void QueueBanner::setClock(std::function<QDateTime()> now) {
    m_now = std::move(now);
    refresh();
}

QString QueueBanner::text() const {
    return isHidden() ? QString() : m_text->text();
}

int QueueBanner::waitingCount() const {
    return m_engine && m_engine->store() ? m_engine->store()->count(JobState::Queued) : 0;
}

void QueueBanner::refresh() {
    m_edge->stop();
    if (!m_engine) {
        hide();
        return;
    }
    const int waiting = waitingCount();
    if (m_engine->isQueuePaused()) {
        m_text->setText(!m_stopReason.isEmpty() ? m_stopReason
                        : waiting == 1          ? tr("Queue paused · 1 job waiting")
                                       : tr("Queue paused · %n jobs waiting", nullptr, waiting));
        m_resume->show();
        show();
        return;
    }
    m_stopReason.clear();
    const std::optional<RunWindow> window = m_engine->scheduler()->runWindow();
    const QDateTime now = m_now();
    if (window && window->from != window->until) {
        // Looked at again when the window opens or closes.
        const bool inside = window->contains(now.time());
        m_edge->start(static_cast<int>(
            std::min<qint64>(msUntil(now, inside ? window->until : window->from), 3600 * 1000)));
        if (!inside && waiting > 0) {
            m_text->setText(tr("Waiting for %1 (run window)")
                                .arg(QLocale().toString(window->from, QLocale::ShortFormat)));
            m_resume->hide();
            show();
            return;
        }
    }
    hide();
}

} // namespace pixverse
