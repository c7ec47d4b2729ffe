// The composer editing a queued job (issue 19): "Update Job" and "Cancel Edit" instead of
// Generate; the job keeps its id and its place in the queue (JobEngine::replaceQueuedAsync).
#include "ui/PromptEditor.h"
#include "ui/UiHelpers.h"

#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

namespace pixverse {

QLabel* PromptEditor::buildEditNote() {
    m_editNote = new QLabel(this);
    m_editNote->setObjectName(QStringLiteral("editNoteLabel"));
    m_editNote->setWordWrap(true);
    m_editNote->hide();
    return m_editNote;
}

QPushButton* PromptEditor::buildCancelEdit() {
    m_cancelEdit = new QPushButton(tr("Cancel Edit"), this);
    m_cancelEdit->setObjectName(QStringLiteral("cancelEditButton"));
    m_cancelEdit->setToolTip(tr("Leave the queued job as it was"));
    m_cancelEdit->setAutoDefault(false);
    m_cancelEdit->hide();
    connect(m_cancelEdit, &QPushButton::clicked, this, &PromptEditor::cancelEdit);
    return m_cancelEdit;
}

void PromptEditor::beginEdit(qint64 jobId, const QString& title) {
    m_editedJob = jobId;
    m_editNote->setText(
        tr("Editing the queued job “%1”: it waits until you update it (it keeps its "
           "place in the queue) or cancel the edit.")
            .arg(title));
    m_editNote->setPalette(palette());
    m_editNote->show();
    showEditMode();
}

void PromptEditor::endEdit(const QString& message) {
    m_editedJob = 0;
    m_editNote->setText(message);
    QPalette p = palette();
    p.setColor(QPalette::WindowText, ui::errorColor(p));
    m_editNote->setPalette(p);
    m_editNote->setVisible(!message.isEmpty());
    showEditMode();
}

void PromptEditor::cancelEdit() {
    const qint64 job = m_editedJob;
    if (job == 0)
        return;
    endEdit();
    Q_EMIT editCancelled(job);
}

QString PromptEditor::editNote() const {
    return m_editNote->isHidden() ? QString() : m_editNote->text();
}

void PromptEditor::showEditMode() {
    const bool editing = m_editedJob != 0;
    m_generate->setText(editing ? tr("&Update Job") : tr("&Generate"));
    m_generate->setMinimumWidth(m_generate->fontMetrics().horizontalAdvance(m_generate->text()) +
                                48);
    m_cancelEdit->setVisible(editing);
    m_takes->setVisible(!editing);
    updateState();
}

} // namespace pixverse
