#include "app/cli/CliRunner.h"
#include "app/cli/OfflineCommands.h"
#include "core/generation/ModelCatalog.h"
#include "core/settings/EnglishPlurals.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pixverse-studio-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("PixVerse Studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PIXVERSE_VERSION));
    // The CLI speaks English: "(2 videos)", not "(2 video(s))".
    pixverse::EnglishPlurals plurals;
    QCoreApplication::installTranslator(&plurals);

    // The CLI's own table: it validates and prices every generation of this run.
    pixverse::ModelCatalog catalog = pixverse::ModelCatalog::builtIn();
    const pixverse::CliParse parse =
        pixverse::parseCommandLine(QCoreApplication::arguments(), catalog);
    if (parse.handled)
        return 0;
    if (!parse.options) {
        std::fprintf(stderr, "%s\n", qPrintable(parse.error));
        return pixverse::ExitUsage;
    }
    // stderr is for the progress lines; request logs only when asked for.
    if (!parse.options->verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("pixverse.*=false\nqt.*=false"));
    if (pixverse::runsOffline(*parse.options)) { // models, --dry-run: no sign-in, no request
        QTextStream out(stdout);
        QTextStream err(stderr);
        return pixverse::runOffline(*parse.options, catalog, out, err);
    }

    pixverse::CliRunner runner(*parse.options, std::move(catalog));
    QObject::connect(
        &runner, &pixverse::CliRunner::finished, &app,
        [](int code) { QCoreApplication::exit(code); }, Qt::QueuedConnection);
    runner.start();
    return QCoreApplication::exec();
}
