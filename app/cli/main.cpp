#include "app/cli/CliRunner.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pixverse-studio-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("PixVerse Studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PIXVERSE_VERSION));

    const pixverse::CliParse parse = pixverse::parseCommandLine(QCoreApplication::arguments());
    if (parse.handled)
        return 0;
    if (!parse.options) {
        std::fprintf(stderr, "%s\n", qPrintable(parse.error));
        return pixverse::ExitUsage;
    }
    // stderr is for the progress lines; request logs only when asked for.
    if (!parse.options->verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("pixverse.*=false\nqt.*=false"));

    pixverse::CliRunner runner(*parse.options);
    QObject::connect(
        &runner, &pixverse::CliRunner::finished, &app,
        [](int code) { QCoreApplication::exit(code); }, Qt::QueuedConnection);
    runner.start();
    return QCoreApplication::exec();
}
