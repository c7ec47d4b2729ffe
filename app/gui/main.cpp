#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("PixVerse Studio"));
    QApplication::setOrganizationName(QStringLiteral("PixVerse Studio"));
    QApplication::setApplicationVersion(QStringLiteral(PIXVERSE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Make AI videos on PixVerse."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandboxOption(QStringLiteral("sandbox"),
                                           QStringLiteral("Use the built-in offline sandbox."));
    parser.addOption(sandboxOption);
    parser.process(app);

    pixverse::MainWindow window;
    if (parser.isSet(sandboxOption))
        window.setConnectionLabel(QApplication::translate("main", "Offline sandbox"));
    window.show();
    return QApplication::exec();
}
