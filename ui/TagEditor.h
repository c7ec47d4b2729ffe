#pragma once

#include <QDialog>
#include <QStringList>

class QCompleter;
class QLabel;
class QLineEdit;

namespace pixverse {

//! Edits the tags of one or several jobs: a comma-separated line that completes each tag from
//! the tags the library already knows (JobStore::allTags). With several jobs it shows the tags
//! they all share; what the creator adds goes onto every job, what they take away comes off
//! every job, and a tag only some of them have stays as it is.
class TagEditor : public QDialog {
    Q_OBJECT
public:
    //! `shared`: the tags every job already has; `known`: every tag of the library.
    TagEditor(const QStringList& shared, const QStringList& known, int jobCount,
              QWidget* parent = nullptr);

    //! The tags as typed: trimmed, empty and repeated ones (case-insensitive) dropped.
    QStringList tags() const;
    //! Tags typed that were not shared before (to add to every job).
    QStringList added() const;
    //! Shared tags no longer typed (to take off every job).
    QStringList removed() const;

    QLineEdit* edit() const { return m_edit; }
    QCompleter* completer() const { return m_completer; }

    //! "storm, Night ,, storm" → {"storm", "Night"}.
    static QStringList parseTags(const QString& text);

private:
    QStringList m_shared;
    QLineEdit* m_edit = nullptr;
    QCompleter* m_completer = nullptr;
};

} // namespace pixverse
