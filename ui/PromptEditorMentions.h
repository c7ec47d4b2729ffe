#pragma once

#include <QPlainTextEdit>
#include <QStringList>

#include <optional>

class QCompleter;
class QStringListModel;

namespace pixverse {

class MentionHighlighter;

//! The prompt's text field. With references (reference to video, issue 17) typing '@' offers
//! their names, and choosing one inserts "@name "; a mention no reference has is underlined in
//! red, its tooltip saying why.
class MentionPromptEdit : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit MentionPromptEdit(QWidget* parent = nullptr);
    ~MentionPromptEdit() override;

    //! The names the prompt may mention; empty: mentions are not looked at (other modes).
    void setReferenceNames(const QStringList& names);
    QStringList referenceNames() const { return m_names; }
    QCompleter* completer() const { return m_completer; }
    //! The mentions of the prompt no reference has, in order (without '@').
    QStringList unknownMentions() const;
    //! The names no mention of the prompt uses.
    QStringList unusedNames() const;

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool event(QEvent* event) override;

private:
    //! The name being typed after an '@' up to the cursor; empty optional when the cursor is not
    //! in a mention.
    std::optional<QString> mentionPrefix() const;
    void offerNames();
    void insertName(const QString& name);

    QStringList m_names;
    QStringListModel* m_model = nullptr;
    QCompleter* m_completer = nullptr;
    MentionHighlighter* m_highlighter = nullptr;
};

} // namespace pixverse
