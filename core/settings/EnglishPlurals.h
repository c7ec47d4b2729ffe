#pragma once

#include <QTranslator>

namespace pixverse {

//! English is the language of the sources, so it has no catalog; but a message counted with
//! %n is written "%n job(s)" for the translators, and the creator should read "1 job" and
//! "3 jobs". This translator answers only counted messages holding "(s)": the suffix dropped
//! for a count of one, "s" otherwise. Everything else falls through (an empty answer). The
//! window installs it when English is the language; the CLI (English only) always.
class EnglishPlurals : public QTranslator {
public:
    using QTranslator::QTranslator;

    QString translate(const char* context, const char* sourceText,
                      const char* disambiguation = nullptr, int n = -1) const override;
    bool isEmpty() const override { return false; }
    //! `text` ("%n job(s)") as English writes it for `n`.
    static QString pluralised(const QString& text, int n);
};

} // namespace pixverse
