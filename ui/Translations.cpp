#include "ui/Translations.h"

#include "core/settings/EnglishPlurals.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QTranslator>

namespace pixverse {

Q_LOGGING_CATEGORY(lcTranslations, "pixverse.ui")

namespace {

const QString kCatalog = QStringLiteral("pixverse-studio");

//! The translators an earlier installTranslations() put in, so that a new call replaces them.
QList<QPointer<QTranslator>>& installed() {
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

bool hasCatalog(const QString& language) {
    return QFileInfo::exists(translationsDirectory() + QLatin1Char('/') + kCatalog +
                             QLatin1Char('_') + language + QStringLiteral(".qm"));
}

//! "ru-RU" -> "ru", "en" -> "en", "C" -> "en".
QString languageCode(const QString& name) {
    const QLocale locale(name);
    if (locale.language() == QLocale::C || locale.language() == QLocale::AnyLanguage)
        return QStringLiteral("en");
    return QLocale::languageToCode(locale.language(), QLocale::ISO639Part1);
}

} // namespace

QString translationsDirectory() {
    return QStringLiteral(":/i18n");
}

QStringList translatedLanguages() {
    return {QStringLiteral("ru")};
}

QString resolveLanguage(const QString& language) {
    const QStringList wanted =
        language.isEmpty() ? QLocale::system().uiLanguages() : QStringList{language};
    for (const QString& name : wanted) {
        const QString code = languageCode(name);
        // English is the language of the sources: nothing to load, and it wins over any
        // language the system lists after it.
        if (code == QLatin1String("en"))
            return code;
        if (hasCatalog(code))
            return code;
    }
    return QStringLiteral("en");
}

QString installTranslations(QCoreApplication& app, const QString& language) {
    for (const QPointer<QTranslator>& translator : std::as_const(installed())) {
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
    installed().clear();

    const QString code = resolveLanguage(language);
    if (!language.isEmpty())
        QLocale::setDefault(QLocale(code));
    if (code == QLatin1String("en")) {
        auto* plurals = new EnglishPlurals(&app); // "1 job", "3 jobs" from "%n job(s)"
        QCoreApplication::installTranslator(plurals);
        installed() << plurals;
        return code;
    }

    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    for (const QString& qtCatalog : {QStringLiteral("qtbase"), QStringLiteral("qtmultimedia")}) {
        auto* translator = new QTranslator(&app);
        if (translator->load(qtCatalog + QLatin1Char('_') + code, qtDir)) {
            QCoreApplication::installTranslator(translator);
            installed() << translator;
        } else {
            qCInfo(lcTranslations) << "no Qt translation" << qtCatalog << code << "in" << qtDir;
            delete translator;
        }
    }
    auto* ours = new QTranslator(&app);
    if (ours->load(kCatalog + QLatin1Char('_') + code, translationsDirectory())) {
        QCoreApplication::installTranslator(ours);
        installed() << ours;
    } else {
        qCWarning(lcTranslations) << "cannot load the translation" << code;
        delete ours;
        return QStringLiteral("en");
    }
    return code;
}

} // namespace pixverse
