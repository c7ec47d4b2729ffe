#include "app/gui/StudioApp.h"
#include "core/settings/AppSettings.h"
#include "ui/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("PixVerse Studio"));
    QApplication::setOrganizationName(QStringLiteral("PixVerse Studio"));
    QApplication::setApplicationVersion(QStringLiteral(PIXVERSE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.pixverse_studio.PixVerseStudio"));
    pixverse::installTranslations(app, pixverse::AppSettings().language());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Make AI videos on PixVerse."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandboxOption(
        QStringLiteral("sandbox"),
        QApplication::translate("main", "Use the built-in offline sandbox."));
    parser.addOption(sandboxOption);
    parser.process(app);

    pixverse::StudioOptions options;
    options.sandbox = parser.isSet(sandboxOption);
    pixverse::StudioApp studio(options);
    if (!studio.start()) {
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "PixVerse Studio"),
            QApplication::translate("main", "The offline sandbox could not start: %1")
                .arg(studio.errorString()));
        return 5;
    }
    return QApplication::exec();
}
