#include "core/backend/BackendFactory.h"
#include "core/sandbox/SandboxHost.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QMessageBox>
#include <QNetworkAccessManager>

#include <memory>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("PixVerse Studio"));
    QApplication::setOrganizationName(QStringLiteral("PixVerse Studio"));
    QApplication::setApplicationVersion(QStringLiteral(PIXVERSE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.pixverse_studio.PixVerseStudio"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Make AI videos on PixVerse."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandboxOption(QStringLiteral("sandbox"),
                                           QApplication::translate("main", "Use the built-in offline sandbox."));
    parser.addOption(sandboxOption);
    parser.process(app);

    // One network manager for the whole app, on the GUI thread (../shared/DESIGN.md).
    QNetworkAccessManager network;
    std::unique_ptr<pixverse::sandbox::SandboxHost> sandbox;
    pixverse::MainWindow window;
    pixverse::Backend* backend = nullptr;

    if (parser.isSet(sandboxOption)) {
        // The sandbox serves from a thread of its own, so the window never waits on it.
        sandbox = std::make_unique<pixverse::sandbox::SandboxHost>();
        if (!sandbox->start()) {
            QMessageBox::critical(nullptr, QApplication::translate("main", "PixVerse Studio"),
                                  QApplication::translate("main", "The offline sandbox could not start: %1")
                                      .arg(sandbox->errorString()));
            return 5;
        }
        pixverse::BackendConfig config;
        config.baseUrl = sandbox->baseUrl();
        config.secret = sandbox->defaultApiKey();
        const auto created = pixverse::createBackend(&network, config, &window);
        if (created.ok())
            backend = *created.value;
        window.setConnectionLabel(QApplication::translate("main", "Offline sandbox · connecting…"));
    } else {
        window.setConnectionLabel(QApplication::translate("main", "Not signed in"));
    }

    if (backend) {
        backend->fetchBalance(&window, [&window](pixverse::Result<pixverse::Balance> balance) {
            if (balance.ok())
                window.setConnectionLabel(QApplication::translate("main", "Offline sandbox · %1 credits")
                                              .arg(QLocale().toString(balance.value->total())));
            else
                window.setConnectionLabel(QApplication::translate("main", "Offline sandbox · %1")
                                              .arg(balance.error.userMessage()));
        });
    }

    window.show();
    return QApplication::exec();
}
