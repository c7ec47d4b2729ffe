// pixverse-sandbox: runs the local PixVerse-compatible server alone and prints its base URL.
//
//   pixverse-sandbox [--port N] [--api-key KEY]... [--account EMAIL:PASSWORD]... [--clock-speed X]
//                    [--generation-seconds S] [--clips-dir DIR] [--concurrency N]
//                    [--state DIR [--reset]] [--web-legacy-models]
//
// stdout: the base URL, one line. stderr: "API key: ..." when no --api-key was given (the
// public sandbox key) and "Web account: EMAIL:PASSWORD" when no --account was given (the public
// sandbox account). Exit 2 with one sentence on stderr for bad arguments or a taken port.

#include "core/sandbox/SandboxServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

int fail(const QString& sentence) {
    QTextStream(stderr) << "pixverse-sandbox: " << sentence << '\n';
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pixverse-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PIXVERSE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs the local PixVerse-compatible sandbox server and prints its base URL."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption portOption(
        QStringLiteral("port"), QStringLiteral("Port on 127.0.0.1 (default 0: any free port)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption keyOption(
        QStringLiteral("api-key"),
        QStringLiteral("An API key the sandbox accepts; repeat for more. "
                       "Default: the public sandbox key."),
        QStringLiteral("KEY"));
    const QCommandLineOption speedOption(
        QStringLiteral("clock-speed"),
        QStringLiteral("How much faster than the wall clock sandbox time runs."),
        QStringLiteral("X"), QStringLiteral("1"));
    const QCommandLineOption generationOption(
        QStringLiteral("generation-seconds"),
        QStringLiteral("How long a video stays \"generating\" (sandbox time)."),
        QStringLiteral("S"));
    const QCommandLineOption accountOption(
        QStringLiteral("account"),
        QStringLiteral("A web account (e-mail and password) the sandbox accepts; "
                       "repeat for more. Default: the public sandbox account."),
        QStringLiteral("EMAIL:PASSWORD"));
    const QCommandLineOption clipsOption(
        QStringLiteral("clips-dir"),
        QStringLiteral("Folder of sample clips named WIDTHxHEIGHT.mp4 (benchmarks)."),
        QStringLiteral("DIR"));
    const QCommandLineOption limitOption(
        QStringLiteral("concurrency"),
        QStringLiteral("Videos generating at once per account (default 5)."), QStringLiteral("N"));
    // Remembering across restarts (issue 14): in memory unless given a folder.
    const QString stateHelp =
        QStringLiteral("Keep the sandbox's accounts, videos, credits and uploads in DIR, so a "
                       "restart continues where it stopped (default: in memory only).");
    const QCommandLineOption stateOption(QStringLiteral("state"), stateHelp, QStringLiteral("DIR"));
    const QCommandLineOption resetOption(QStringLiteral("reset"),
                                         QStringLiteral("Start afresh: empty the --state folder."));
    const QCommandLineOption legacyOption(
        QStringLiteral("web-legacy-models"),
        QStringLiteral("Let the web family take v3.5-v5.5 too (by default it refuses them with "
                       "400017, as the website no longer offers them)."));
    const QCommandLineOption speakersLegacyOption(
        QStringLiteral("speakers-legacy"),
        QStringLiteral("Answer GET /openapi/v2/video/tts_speaker with HTTP 404, as a service with "
                       "only the older video/lip_sync/tts_list would."));
    const QCommandLineOption templatesOption(
        QStringLiteral("templates"),
        QStringLiteral("How many effect templates the template list serves (default 36; "
                       "benchmarks use 300)."),
        QStringLiteral("N"));
    parser.addOptions({portOption, keyOption, accountOption, speedOption, generationOption,
                       clipsOption, limitOption, stateOption, resetOption, legacyOption,
                       speakersLegacyOption, templatesOption});

    if (!parser.parse(QCoreApplication::arguments()))
        return fail(parser.errorText());
    if (parser.isSet(helpOption))
        parser.showHelp(0);
    if (parser.isSet(versionOption))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument \"%1\".")
                        .arg(parser.positionalArguments().constFirst()));

    pixverse::sandbox::SandboxConfig config;
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535)
        return fail(QStringLiteral("--port must be a number from 0 to 65535."));
    config.port = static_cast<quint16>(port);

    const double speed = parser.value(speedOption).toDouble(&ok);
    if (!ok || !(speed > 0))
        return fail(QStringLiteral("--clock-speed must be a number above 0."));

    if (parser.isSet(generationOption)) {
        const double seconds = parser.value(generationOption).toDouble(&ok);
        if (!ok || seconds < 0 || seconds > 86400)
            return fail(QStringLiteral("--generation-seconds must be a number from 0 to 86400."));
        config.generationMs = static_cast<int>(seconds * 1000);
    }

    if (parser.isSet(clipsOption))
        config.clipsDir = parser.value(clipsOption);
    config.webRefusesLegacyModels = !parser.isSet(legacyOption);
    config.speakerRouteMissing = parser.isSet(speakersLegacyOption);
    if (parser.isSet(limitOption)) {
        const int limit = parser.value(limitOption).toInt(&ok);
        if (!ok || limit < 1)
            return fail(QStringLiteral("--concurrency must be a number above 0."));
        config.concurrencyLimit = limit;
    }
    if (parser.isSet(templatesOption)) {
        const int count = parser.value(templatesOption).toInt(&ok);
        if (!ok || count < 0 || count > 100000)
            return fail(QStringLiteral("--templates must be a number from 0 to 100000."));
        config.templateCount = count;
    }

    const QStringList keys = parser.values(keyOption);
    for (const QString& key : keys) {
        if (key.trimmed().isEmpty())
            return fail(QStringLiteral("--api-key cannot be empty."));
    }
    if (!keys.isEmpty())
        config.apiKeys = keys;

    const QStringList accounts = parser.values(accountOption);
    QList<QPair<QString, QString>> webAccounts;
    for (const QString& account : accounts) {
        // The e-mail has no colon; the password may.
        const qsizetype colon = account.indexOf(QLatin1Char(':'));
        const QString email = account.left(colon).trimmed();
        const QString password = colon < 0 ? QString() : account.mid(colon + 1);
        if (colon < 0 || !email.contains(QLatin1Char('@')) || password.isEmpty())
            return fail(
                QStringLiteral("--account must be EMAIL:PASSWORD with a non-empty password."));
        webAccounts << qMakePair(email, password);
    }
    if (!webAccounts.isEmpty())
        config.webAccounts = webAccounts;

    if (parser.isSet(resetOption) && !parser.isSet(stateOption))
        return fail(QStringLiteral("--reset needs --state DIR."));
    if (parser.isSet(stateOption)) {
        config.stateDir = parser.value(stateOption);
        if (config.stateDir.trimmed().isEmpty())
            return fail(QStringLiteral("--state needs a folder."));
        QString why;
        if (parser.isSet(resetOption) && !pixverse::sandbox::resetState(config.stateDir, &why))
            return fail(why);
    }

    pixverse::sandbox::SandboxServer server(config);
    if (!server.start())
        return fail(server.errorString());
    if (speed != 1.0)
        server.setClockSpeed(speed);

    if (keys.isEmpty())
        QTextStream(stderr) << "API key: " << server.defaultApiKey() << Qt::endl;
    // The public sandbox account only; an account given on the command line is never echoed.
    if (accounts.isEmpty() && !config.webAccounts.isEmpty())
        QTextStream(stderr) << "Web account: " << config.webAccounts.constFirst().first << ':'
                            << config.webAccounts.constFirst().second << Qt::endl;
    QTextStream(stdout) << server.baseUrl().toString() << Qt::endl;
    return QCoreApplication::exec();
}
