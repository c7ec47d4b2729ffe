#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace pixverse {

//! Where the app's compiled translations are: the resources built in (":/i18n"), holding
//! `pixverse-studio_<language>.qm` (resources/translations, built by qt_add_translations).
QString translationsDirectory();

//! Languages the app speaks besides English, the language of its sources ("ru").
QStringList translatedLanguages();

//! The language the app would use for `language`: "en", "ru"... An empty `language` follows the
//! system's preferred UI languages in order, English being the fallback.
QString resolveLanguage(const QString& language);

//! Loads Qt's own translations (qtbase, qtmultimedia from QLibraryInfo::TranslationsPath) and
//! the app's for `language` (AppSettings::language(): empty = follow the system) into `app`,
//! replacing those an earlier call installed. Call it before building any widget. When a
//! language is set explicitly it also becomes QLocale's default, so numbers read alike.
//! Returns the language used ("en" when no translation applies).
QString installTranslations(QCoreApplication& app, const QString& language);

} // namespace pixverse
