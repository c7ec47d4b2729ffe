#pragma once

#include <QList>
#include <QString>

namespace pixverse::reference_names {

//! A reference's name may have at most this many bytes of UTF-8 (§2.15, `ref_name`).
inline constexpr int kMaxNameBytes = 30;

//! One `@name` in a prompt.
struct Mention {
    QString name;           //!< without the '@'
    qsizetype position = 0; //!< index of the '@' in the prompt
    qsizetype length = 0;   //!< of "@name"
};

//! Whether `ch` may be part of a name: a letter, a digit, '_' or '-'.
bool isNameCharacter(QChar ch);
//! A usable name: 1 to kMaxNameBytes bytes of UTF-8, name characters only.
bool isValidName(const QString& name);
//! Every `@name` in `prompt`, in order: an '@' at the start or after a character that is not a
//! name character (so "a@b.c" is no mention), followed by one or more name characters.
QList<Mention> mentions(const QString& prompt);
//! The prompt as the service wants it (§2.15: "exact name, followed by a space"): a space added
//! after every mention that ends the prompt or is followed by something other than a space.
QString withSpacedMentions(const QString& prompt);

} // namespace pixverse::reference_names
