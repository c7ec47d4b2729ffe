#include "ui/PromptEditorMentions.h"

#include "core/generation/ReferenceNames.h"
#include "ui/UiHelpers.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QScrollBar>
#include <QStringListModel>
#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QToolTip>

#include <optional>

namespace pixverse {

namespace {

bool knows(const QStringList& names, const QString& name) {
    // Exactly as typed: the service matches a mention to a name case for case (§2.15).
    return names.contains(name);
}

} // namespace

//! Underlines the mentions no reference has (red, wavy).
class MentionHighlighter : public QSyntaxHighlighter {
public:
    explicit MentionHighlighter(QTextDocument* document)
        : QSyntaxHighlighter(document) {}

    void setNames(const QStringList& names) {
        m_names = names;
        rehighlight();
    }
    void setErrorColor(const QColor& color) { m_error = color; }

protected:
    void highlightBlock(const QString& text) override {
        if (m_names.isEmpty())
            return;
        QTextCharFormat unknown;
        unknown.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        unknown.setUnderlineColor(m_error);
        const QList<reference_names::Mention> found = reference_names::mentions(text);
        for (const reference_names::Mention& m : found) {
            if (!knows(m_names, m.name))
                setFormat(int(m.position), int(m.length), unknown);
        }
    }

private:
    QStringList m_names;
    QColor m_error = Qt::red;
};

MentionPromptEdit::MentionPromptEdit(QWidget* parent)
    : QPlainTextEdit(parent) {
    m_model = new QStringListModel(this);
    m_completer = new QCompleter(m_model, this);
    m_completer->setObjectName(QStringLiteral("mentionCompleter"));
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->popup()->setObjectName(QStringLiteral("mentionPopup"));
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this,
            &MentionPromptEdit::insertName);
    m_highlighter = new MentionHighlighter(document());
    m_highlighter->setErrorColor(ui::errorColor(palette()));
}

MentionPromptEdit::~MentionPromptEdit() = default;

void MentionPromptEdit::setReferenceNames(const QStringList& names) {
    if (names == m_names)
        return;
    m_names = names;
    m_model->setStringList(names);
    m_highlighter->setNames(names);
    if (names.isEmpty())
        m_completer->popup()->hide();
}

QStringList MentionPromptEdit::unknownMentions() const {
    QStringList out;
    if (m_names.isEmpty())
        return out;
    const QList<reference_names::Mention> found = reference_names::mentions(toPlainText());
    for (const reference_names::Mention& m : found) {
        if (!knows(m_names, m.name) && !out.contains(m.name))
            out << m.name;
    }
    return out;
}

QStringList MentionPromptEdit::unusedNames() const {
    QStringList used;
    const QList<reference_names::Mention> found = reference_names::mentions(toPlainText());
    for (const reference_names::Mention& m : found)
        used << m.name;
    QStringList out;
    for (const QString& name : m_names) {
        if (!knows(used, name))
            out << name;
    }
    return out;
}

std::optional<QString> MentionPromptEdit::mentionPrefix() const {
    const QTextCursor cursor = textCursor();
    const QString text = cursor.block().text();
    qsizetype at = cursor.positionInBlock();
    qsizetype start = at;
    while (start > 0 && reference_names::isNameCharacter(text.at(start - 1)))
        --start;
    if (start == 0 || text.at(start - 1) != QLatin1Char('@'))
        return std::nullopt;
    // An '@' inside a word ("a@b") is no mention.
    if (start >= 2 && reference_names::isNameCharacter(text.at(start - 2)))
        return std::nullopt;
    return text.mid(start, at - start);
}

void MentionPromptEdit::offerNames() {
    const std::optional<QString> prefix = m_names.isEmpty() ? std::nullopt : mentionPrefix();
    if (!prefix) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(*prefix);
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    QRect rect = cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0) +
                  m_completer->popup()->verticalScrollBar()->sizeHint().width() + 8);
    m_completer->complete(rect);
}

void MentionPromptEdit::insertName(const QString& name) {
    const std::optional<QString> prefix = mentionPrefix();
    QTextCursor cursor = textCursor();
    if (prefix)
        cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, int(prefix->size()));
    // "@name " (§2.15: the exact name followed by a space).
    cursor.insertText(name + QLatin1Char(' '));
    setTextCursor(cursor);
}

void MentionPromptEdit::keyPressEvent(QKeyEvent* event) {
    // The popup's keys: the completer chooses, the text is left alone.
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore();
            return;
        default:
            break;
        }
    }
    QPlainTextEdit::keyPressEvent(event);
    if (!event->text().isEmpty() || event->key() == Qt::Key_Backspace)
        offerNames();
}

bool MentionPromptEdit::event(QEvent* event) {
    // Hovering an unknown mention says why it is underlined.
    if (event->type() == QEvent::ToolTip && !m_names.isEmpty()) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QTextCursor at = cursorForPosition(viewport()->mapFrom(this, help->pos()));
        const QString text = at.block().text();
        const QList<reference_names::Mention> found = reference_names::mentions(text);
        for (const reference_names::Mention& m : found) {
            const qsizetype p = at.positionInBlock();
            if (p >= m.position && p <= m.position + m.length && !knows(m_names, m.name)) {
                QToolTip::showText(help->globalPos(),
                                   tr("No reference is called %1: add one with that name or "
                                      "change the mention.")
                                       .arg(m.name),
                                   this);
                return true;
            }
        }
        QToolTip::hideText();
    }
    return QPlainTextEdit::event(event);
}

} // namespace pixverse
