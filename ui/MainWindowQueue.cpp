// Editing a queued job from the window (issue 19): the gallery's "Edit…" fills the composer,
// the job waits while it is edited, "Update Job" replaces what it asks in place.
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobListModel.h"
#include "ui/JobsPane.h"
#include "ui/MainWindow.h"
#include "ui/PromptEditor.h"

#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>

namespace pixverse {

namespace {

QString titleWords(const Job& job) {
    const QString text = JobListModel::titleOf(job).simplified();
    return text.size() <= 48 ? text : text.left(47) + QChar(0x2026);
}

} // namespace

void MainWindow::editQueued(const Job& job) {
    JobEngine* engine = m_jobsPane->engine();
    if (!engine || job.state != JobState::Queued)
        return;
    if (m_promptEditor->editedJobId() != 0)
        releaseEditHold(m_promptEditor->editedJobId());
    reuse(JobLibrary::reusableRequest(job));
    // Held while it is edited, so the scheduler does not send what is being changed.
    if (!job.held && engine->setHeld(job.id, true))
        m_editHold = job.id;
    m_promptEditor->beginEdit(job.id, titleWords(job));
    // On a short screen the composer scrolls: bring "Update Job" into view, or the creator sees
    // the edit begin but not how to end it.
    auto* pane = findChild<QScrollArea*>(QStringLiteral("createPane"));
    auto* update = m_promptEditor->findChild<QPushButton*>(QStringLiteral("generateButton"));
    if (pane && update)
        QTimer::singleShot(0, pane, [pane, update] { pane->ensureWidgetVisible(update); });
}

void MainWindow::updateQueued(qint64 jobId, const GenerationRequest& request) {
    QPointer<JobEngine> engine = m_jobsPane->engine();
    if (!engine) {
        m_promptEditor->endEdit(tr("The job could not be updated: you are signed out. Your text "
                                   "is kept."));
        return;
    }
    engine->replaceQueuedAsync(jobId, request, this, [this, jobId](Result<Job> replaced) {
        // Lifted only now: until the new request is in, the old one must not be sent.
        releaseEditHold(jobId);
        if (replaced.ok()) {
            m_promptEditor->endEdit();
            showNotice(tr("The queued job was updated; it keeps its place in the queue."));
        } else {
            m_promptEditor->endEdit(tr("The job could not be updated: %1 Your text is kept; "
                                       "Generate makes it a new job.")
                                        .arg(replaced.error.userMessage()));
        }
    });
}

void MainWindow::releaseEditHold(qint64 jobId) {
    if (jobId == 0 || jobId != m_editHold)
        return;
    m_editHold = 0;
    if (JobEngine* engine = m_jobsPane->engine())
        engine->setHeld(jobId, false); // false when it left the queue: nothing to lift then
}

} // namespace pixverse
