#include "core/settings/EnglishPlurals.h"

namespace pixverse {

QString EnglishPlurals::translate(const char* context, const char* sourceText,
                                  const char* disambiguation, int n) const {
    Q_UNUSED(context)
    Q_UNUSED(disambiguation)
    if (n < 0 || !sourceText)
        return {};
    const QString text = QString::fromUtf8(sourceText);
    if (!text.contains(QLatin1String("(s)")))
        return {};
    return pluralised(text, n);
}

QString EnglishPlurals::pluralised(const QString& text, int n) {
    QString out = text;
    return out.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
}

} // namespace pixverse
