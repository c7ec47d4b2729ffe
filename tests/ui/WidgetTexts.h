#pragma once
// What a window shows in words, for the language and clipping checks of tst_translations and
// tst_screenshots_i18n (issue 7).

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QTabBar>
#include <QTextDocument>
#include <QWidget>
#include <QXmlStreamReader>

namespace pixverse::test {

//! One message of a .ts file.
struct TsMessage {
    QString context;
    QString source;
    QString comment;
    QString translation;
    QString type; //!< "" (finished), "unfinished", "vanished", "obsolete"
    bool numerus = false;
    QStringList numerusForms;
};

inline QList<TsMessage> readTs(const QString& path, QString* error = nullptr) {
    QList<TsMessage> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = TsMessage{};
            message.context = context;
            message.numerus =
                xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (message.numerus) {
                while (xml.readNextStartElement())
                    message.numerusForms << xml.readElementText();
            } else {
                message.translation = xml.readElementText();
            }
            out << message;
        }
    }
    if (xml.hasError() && error)
        *error = xml.errorString();
    return out;
}

//! "&Browse…" -> "Browse…"; "Save && quit" -> "Save & quit"; rich text -> its plain text.
inline QString shownText(const QString& text) {
    QString plain = text;
    if (Qt::mightBeRichText(plain)) {
        QTextDocument doc;
        doc.setHtml(plain);
        plain = doc.toPlainText();
    }
    static const QRegularExpression mnemonic(QStringLiteral("&(?!&)"));
    plain.remove(mnemonic);
    plain.replace(QStringLiteral("&&"), QStringLiteral("&"));
    return plain.trimmed();
}

struct ShownText {
    const QWidget* widget = nullptr;
    QString what; //!< "text", "tooltip", ...
    QString text;
};

//! Every text the visible widgets under `root` show or say (labels, buttons, tabs, group boxes,
//! combo box items, placeholders, tool tips, accessible names, window titles).
inline QList<ShownText> shownTexts(const QWidget* root) {
    QList<ShownText> out;
    auto add = [&out](const QWidget* w, const char* what, const QString& text) {
        const QString shown = shownText(text);
        if (!shown.isEmpty())
            out << ShownText{w, QLatin1String(what), shown};
    };
    QList<const QWidget*> widgets{root};
    const QList<QWidget*> children = root->findChildren<QWidget*>();
    for (const QWidget* w : children)
        widgets << w;
    for (const QWidget* w : std::as_const(widgets)) {
        if (!w->isVisibleTo(root->window()) && w != root)
            continue;
        if (w->isWindow())
            add(w, "window title", w->windowTitle());
        add(w, "tooltip", w->toolTip());
        add(w, "accessible name", w->accessibleName());
        if (auto* label = qobject_cast<const QLabel*>(w))
            add(w, "text", label->text());
        else if (auto* button = qobject_cast<const QAbstractButton*>(w))
            add(w, "text", button->text());
        else if (auto* box = qobject_cast<const QGroupBox*>(w))
            add(w, "title", box->title());
        else if (auto* tabs = qobject_cast<const QTabBar*>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                add(w, "tab", tabs->tabText(i));
                add(w, "tab tooltip", tabs->tabToolTip(i));
            }
        } else if (auto* combo = qobject_cast<const QComboBox*>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                add(w, "item", combo->itemText(i));
        } else if (auto* line = qobject_cast<const QLineEdit*>(w)) {
            add(w, "placeholder", line->placeholderText());
        } else if (auto* edit = qobject_cast<const QPlainTextEdit*>(w)) {
            add(w, "placeholder", edit->placeholderText());
        }
    }
    return out;
}

//! Labels under `root` whose text is not painted whole: a wrapped one lower than its text needs
//! at its width, a single-line one narrower or lower than its text, or one reaching past the
//! edge of a parent that is not a scroll area's viewport (a tab page shorter than its form cuts
//! its last line off, though the label itself is tall enough). Scrolled out of view is not cut.
inline QStringList cutLabels(const QWidget* root) {
    QStringList out;
    const QList<QLabel*> labels = root->findChildren<QLabel*>();
    for (const QLabel* label : labels) {
        const QString text = shownText(label->text());
        if (text.isEmpty() || !label->isVisibleTo(root) || label->width() <= 0)
            continue;
        const QString name = label->objectName().isEmpty() ? text : label->objectName();
        const int need =
            label->wordWrap() ? label->heightForWidth(label->width()) : label->sizeHint().height();
        if (need > label->height() + 1)
            out << QStringLiteral("%1: needs %2 px of height, has %3")
                       .arg(name)
                       .arg(need)
                       .arg(label->height());
        if (!label->wordWrap() && label->sizeHint().width() > label->width() + 1)
            out << QStringLiteral("%1: needs %2 px of width, has %3")
                       .arg(name)
                       .arg(label->sizeHint().width())
                       .arg(label->width());
        QRect rect = label->rect();
        for (const QWidget* w = label; w != root && w->parentWidget(); w = w->parentWidget()) {
            const QWidget* parent = w->parentWidget();
            if (qobject_cast<const QAbstractScrollArea*>(parent->parentWidget()))
                break; // in a scroll area's viewport: scrolling shows the rest
            rect = rect.translated(w->pos());
            if (!parent->rect().contains(rect)) {
                out << QStringLiteral("%1: %2 px of %3 shown, cut off by %4")
                           .arg(name)
                           .arg((rect & parent->rect()).height())
                           .arg(rect.height())
                           .arg(parent->objectName().isEmpty()
                                    ? QString::fromLatin1(parent->metaObject()->className())
                                    : parent->objectName());
                break;
            }
        }
    }
    return out;
}

//! Words that stay as they are in any language: names, formats, units.
inline const QSet<QString>& untranslatedWords() {
    static const QSet<QString> words{
        QStringLiteral("PixVerse"), QStringLiteral("Studio"),    QStringLiteral("API"),
        QStringLiteral("MP4"),      QStringLiteral("HTTP"),      QStringLiteral("HTTPS"),
        QStringLiteral("SOCKS"),    QStringLiteral("URL"),       QStringLiteral("PNG"),
        QStringLiteral("JPEG"),     QStringLiteral("JPG"),       QStringLiteral("WebP"),
        QStringLiteral("English"),  QStringLiteral("Turbo"),     QStringLiteral("Ctrl"),
        QStringLiteral("Shift"),    QStringLiteral("Enter"),     QStringLiteral("Esc"),
        QStringLiteral("Alt"),      QStringLiteral("Tab"),       QStringLiteral("Space"),
        QStringLiteral("OpenAPI"),  QStringLiteral("Hitchcock"), QStringLiteral("GIF"),
        QStringLiteral("BMP"),      QStringLiteral("TIFF"),      QStringLiteral("H.264"),
        QStringLiteral("SOCKS5"),   QStringLiteral("sandbox"),   QStringLiteral("example"),
        QStringLiteral("com"),      QStringLiteral("proxy")};
    return words;
}

//! Why `text` reads as English in a translated UI; empty when it does not.
inline QString englishLeft(const QString& text, const QSet<QString>& englishSources) {
    static const QRegularExpression cyrillic(QStringLiteral("[\\x{0400}-\\x{04FF}]"));
    if (text.contains(cyrillic))
        return {};
    if (englishSources.contains(text))
        return QStringLiteral("an English source text");
    // Addresses, host names, paths and key prefixes ("sk-…") are not words.
    static const QRegularExpression notWords(
        QStringLiteral("\\b[a-z]+://\\S*|\\S+@\\S+|\\S*[./]\\S*[./]\\S*|\\b\\w{1,2}-"));
    QString words = text;
    words.replace(notWords, QStringLiteral(" "));
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{3,}(?:['-][A-Za-z]+)*"));
    QStringList foreign;
    auto it = word.globalMatch(words);
    while (it.hasNext()) {
        const QString w = it.next().captured();
        if (!untranslatedWords().contains(w))
            foreign << w;
    }
    return foreign.isEmpty()
               ? QString()
               : QStringLiteral("English words: ") + foreign.join(QStringLiteral(", "));
}

} // namespace pixverse::test
