#include "core/generation/ReferenceNames.h"

namespace pixverse::reference_names {

bool isNameCharacter(QChar ch) {
    return ch.isLetterOrNumber() || ch == u'_' || ch == u'-';
}

bool isValidName(const QString& name) {
    if (name.isEmpty() || name.toUtf8().size() > kMaxNameBytes)
        return false;
    for (const QChar ch : name) {
        if (!isNameCharacter(ch))
            return false;
    }
    return true;
}

QList<Mention> mentions(const QString& prompt) {
    QList<Mention> out;
    for (qsizetype i = 0; i < prompt.size(); ++i) {
        if (prompt.at(i) != u'@' || (i > 0 && isNameCharacter(prompt.at(i - 1))))
            continue;
        qsizetype end = i + 1;
        while (end < prompt.size() && isNameCharacter(prompt.at(end)))
            ++end;
        if (end > i + 1)
            out << Mention{prompt.mid(i + 1, end - i - 1), i, end - i};
        i = end - 1;
    }
    return out;
}

QString withSpacedMentions(const QString& prompt) {
    QString out = prompt;
    const QList<Mention> found = mentions(prompt);
    // From the end, so earlier positions stay right.
    for (auto it = found.crbegin(); it != found.crend(); ++it) {
        const qsizetype after = it->position + it->length;
        if (after >= out.size() || out.at(after) != u' ')
            out.insert(after, u' ');
    }
    return out;
}

} // namespace pixverse::reference_names
