#include "ui/TagEditor.h"

#include <QCompleter>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>
#include <QVBoxLayout>

namespace pixverse {

namespace {

//! Completes the tag being typed (after the last comma) and keeps the ones before it.
class TagCompleter : public QCompleter {
public:
    TagCompleter(const QStringList& tags, QObject* parent)
        : QCompleter(tags, parent) {}

    QStringList splitPath(const QString& path) const override {
        return {path.section(QLatin1Char(','), -1).trimmed()};
    }

    QString pathFromIndex(const QModelIndex& index) const override {
        const QString tag = QCompleter::pathFromIndex(index);
        const auto* line = qobject_cast<const QLineEdit*>(widget());
        const QString text = line ? line->text() : QString();
        const qsizetype comma = text.lastIndexOf(QLatin1Char(','));
        return comma < 0 ? tag : text.left(comma + 1) + u' ' + tag;
    }
};

bool containsTag(const QStringList& tags, const QString& tag) {
    return tags.contains(tag, Qt::CaseInsensitive);
}

} // namespace

TagEditor::TagEditor(const QStringList& shared, const QStringList& known, int jobCount,
                     QWidget* parent)
    : QDialog(parent)
    , m_shared(shared) {
    setObjectName(QStringLiteral("tagEditor"));
    setWindowTitle(tr("Tags"));
    auto* label = new QLabel(jobCount == 1 ? tr("Tags of this video, separated by commas:")
                                           : tr("Tags of the %1 selected videos, separated by "
                                                "commas (a tag only some of them have stays):")
                                                 .arg(jobCount),
                             this);
    label->setWordWrap(true);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("tagsEdit"));
    m_edit->setPlaceholderText(tr("storm, night, lighthouse"));
    m_edit->setText(shared.join(QStringLiteral(", ")));
    m_edit->setClearButtonEnabled(true);
    label->setBuddy(m_edit);
    m_completer = new TagCompleter(known, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchStartsWith);
    m_edit->setCompleter(m_completer);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_edit);
    layout->addWidget(buttons);
    setMinimumWidth(380);
    m_edit->setFocus();
}

QStringList TagEditor::parseTags(const QString& text) {
    QStringList tags;
    for (const QString& part : text.split(QLatin1Char(','))) {
        const QString tag = part.simplified();
        if (!tag.isEmpty() && !containsTag(tags, tag))
            tags << tag;
    }
    return tags;
}

QStringList TagEditor::tags() const {
    return parseTags(m_edit->text());
}

QStringList TagEditor::added() const {
    QStringList out;
    for (const QString& tag : tags()) {
        if (!containsTag(m_shared, tag))
            out << tag;
    }
    return out;
}

QStringList TagEditor::removed() const {
    const QStringList typed = tags();
    QStringList out;
    for (const QString& tag : m_shared) {
        if (!containsTag(typed, tag))
            out << tag;
    }
    return out;
}

} // namespace pixverse
