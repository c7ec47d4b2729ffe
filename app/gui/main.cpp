#include "app/gui/BenchReady.h"
#include "app/gui/StudioApp.h"
#include "core/jobs/JobEngine.h"
#include "core/sandbox/SandboxServer.h"
#include "core/settings/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

int main(int argc, char* argv[]) {
    // Qt Multimedia's FFmpeg backend decodes H.264 on its own; the default GStreamer one needs
    // plugins a Debian 12 install may lack (and then crashes in QMediaPlayer's constructor,
    // which the main window's player runs at start). An explicit choice is kept.
    if (!qEnvironmentVariableIsSet("QT_MEDIA_BACKEND"))
        qputenv("QT_MEDIA_BACKEND", "ffmpeg");
    QApplication app(argc, argv);
    // The CLI reads the same settings file (AppSettings::Scope::TheApp).
    QApplication::setApplicationName(pixverse::AppSettings::appName());
    QApplication::setOrganizationName(pixverse::AppSettings::appName());
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
    const QCommandLineOption sandboxResetOption(
        QStringLiteral("sandbox-reset"),
        QApplication::translate("main", "Use the built-in offline sandbox, emptied first (it "
                                        "remembers its accounts and videos across runs)."));
    parser.addOption(sandboxResetOption);
    parser.process(app);

    pixverse::StudioOptions options;
    options.sandbox = parser.isSet(sandboxOption) || parser.isSet(sandboxResetOption);
    // Shared with the CLI's --sandbox; the login dialog's sandbox keeps its state there too.
    options.sandboxConfig.stateDir = pixverse::sandbox::defaultStateDir();
    QString resetError;
    if (parser.isSet(sandboxResetOption) &&
        !pixverse::sandbox::resetState(options.sandboxConfig.stateDir, &resetError)) {
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "PixVerse Studio"),
            QApplication::translate("main", "The offline sandbox could not start: %1")
                .arg(resetError));
        return 5;
    }
    pixverse::StudioApp studio(options);
    if (!studio.start()) {
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "PixVerse Studio"),
            QApplication::translate("main", "The offline sandbox could not start: %1")
                .arg(studio.errorString()));
        return 5;
    }
    // The start-up benchmark's marks (inert unless PIXVERSE_BENCH_READY is set): the window
    // shown and idle, then, with --sandbox, signed in with the account's gallery filled and idle.
    if (pixverse::bench::readyReportsEnabled()) {
        pixverse::bench::reportWhenIdle(studio.window(), "shown", !options.sandbox);
        QObject::connect(
            &studio, &pixverse::StudioApp::jobEngineStarted, studio.window(),
            [&studio] { pixverse::bench::reportWhenIdle(studio.window(), "signed-in", true); },
            Qt::SingleShotConnection);
    }
    return QApplication::exec();
}
