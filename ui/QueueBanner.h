#pragma once

#include <QDateTime>
#include <QFrame>
#include <QPointer>

#include <functional>

class QLabel;
class QPushButton;
class QTimer;

namespace pixverse {

class JobEngine;

//! The line above the gallery that says why the queue is not moving (issue 19): the creator
//! paused it ("Queue paused · 3 jobs waiting"), a credit cap stopped it (JobEngine's
//! queueStopped sentence), both with "Resume"; or it waits for its run window ("Waiting for
//! 22:00 (run window)"). Hidden whenever none of these holds: it follows the engine's signals,
//! the store's changes and the window's next edge, so it never stays after the state ended.
class QueueBanner : public QFrame {
    Q_OBJECT
public:
    explicit QueueBanner(QWidget* parent = nullptr);

    //! The engine whose queue it tells about; null: hidden.
    void setEngine(JobEngine* engine);
    //! What "now" is (tests); the default is the local clock.
    void setClock(std::function<QDateTime()> now);

    //! The sentence shown now; empty when hidden.
    QString text() const;
    QPushButton* resumeButton() const { return m_resume; }

public Q_SLOTS:
    //! Looks at the engine again (the run window changed, a job came or went).
    void refresh();

private:
    int waitingCount() const;

    QPointer<JobEngine> m_engine;
    QList<QMetaObject::Connection> m_connections;
    std::function<QDateTime()> m_now;
    QString m_stopReason; //!< the cap's sentence while the stop it caused lasts
    QLabel* m_text = nullptr;
    QPushButton* m_resume = nullptr;
    QTimer* m_edge = nullptr; //!< fires at the run window's next start or end
};

} // namespace pixverse
