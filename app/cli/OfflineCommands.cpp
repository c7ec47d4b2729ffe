#include "app/cli/OfflineCommands.h"

#include "app/cli/ContinueOptions.h"
#include "app/cli/EffectOptions.h"
#include "app/cli/ModelTable.h"
#include "app/cli/SourceFacts.h"
#include "core/backend/BackendFactory.h"
#include "core/generation/ImageCheck.h"
#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobEngine.h"
#include "core/media/LastFrame.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTextStream>
#include <QUrl>

#include <memory>

namespace pixverse {

namespace {

//! A dry run does not sign in; the backend it builds its bodies with never sends, so it gets
//! this stand-in for the secret (it appears in no body: keys and tokens travel in headers).
const QString kNotSignedIn = QStringLiteral("dry-run-not-signed-in");

//! "/openapi/v2/video/text/generate": a path from the service's root, as the API reference
//! writes it; the object store's absolute URL as it is.
QString shownPath(const PlannedCall& call) {
    return QUrl(call.path).isRelative() && !call.path.startsWith(u'/') ? u'/' + call.path
                                                                       : call.path;
}

int printModels(const CliOptions& options, const ModelCatalog& catalog, QTextStream& out) {
    if (options.json)
        out << QJsonDocument(modelTableJson(catalog, options.family()))
                   .toJson(QJsonDocument::Indented);
    else
        out << modelTableText(catalog, options.family());
    out.flush();
    return ExitOk;
}

//! The calls a dry run would make, each body as it would go out, byte for byte (requests send
//! compact JSON).
void printCalls(const QList<PlannedCall>& calls, QTextStream& out) {
    for (const PlannedCall& call : calls) {
        out << call.verb << QLatin1Char(' ') << shownPath(call) << Qt::endl;
        if (call.body.isObject())
            out << QJsonDocument(call.body.toObject()).toJson(QJsonDocument::Compact) << Qt::endl;
        if (!call.description.isEmpty())
            out << call.description << Qt::endl;
    }
}

int dryRun(const CliOptions& options, const ModelCatalog& catalog, QTextStream& out,
           QTextStream& err) {
    GenerationRequest request = options.request;
    QString problem;
    if (options.templateId != 0) // the template's facts, from the list kept on this computer
        problem = setUpTemplateOffline(request, options, catalog);
    if (problem.isEmpty())
        problem = imageProblem(request);
    if (problem.isEmpty()) // the checks a run makes of a source video and an audio file
        problem = readLocalFacts(request);
    if (problem.isEmpty()) // a dry run reads no job list: an extend's prompt may come from one
        problem = whyRefused(request, catalog, options.family(), request.sourceVideoId != 0);
    if (!problem.isEmpty()) {
        err << problem << Qt::endl;
        return ExitUsage;
    }
    QNetworkAccessManager unused; // the backend wants one; plannedCalls() sends nothing
    BackendConfig config;
    config.family = options.family();
    config.baseUrl = options.baseUrl;
    config.secret = kNotSignedIn;
    config.catalog = &catalog;
    const Result<Backend*> created = createBackend(&unused, config, nullptr);
    if (!created.ok()) {
        err << created.error.userMessage() << Qt::endl;
        return exitCodeFor(created.error);
    }
    const std::unique_ptr<Backend> backend(*created.value);
    if (!backend->offersMode(request.mode)) {
        err << modeNotOffered(request.mode) << Qt::endl;
        return ExitUsage;
    }
    // --takes N: each take's calls (their seeds step when one is given), priced as a whole.
    const QList<GenerationRequest> takes =
        JobEngine::takeRequests(request, options.takes, catalog.seedMax());
    const std::optional<int> one = catalog.creditCost(request);
    const int each = one.value_or(0);
    const qint64 total = qint64(each) * takes.size(); // when `one` has a price

    if (options.json) {
        QJsonArray requests;
        for (qsizetype i = 0; i < takes.size(); ++i) {
            for (const PlannedCall& call : backend->plannedCalls(takes[i])) {
                QJsonObject json{{QStringLiteral("method"), call.verb},
                                 {QStringLiteral("path"), shownPath(call)},
                                 {QStringLiteral("body"), call.body}};
                if (!call.description.isEmpty())
                    json.insert(QStringLiteral("description"), call.description);
                if (takes.size() > 1)
                    json.insert(QStringLiteral("take"), int(i + 1));
                requests.append(json);
            }
        }
        QJsonObject plan{{QStringLiteral("credits"), one ? QJsonValue(total) : QJsonValue()},
                         {QStringLiteral("requests"), requests}};
        if (takes.size() > 1)
            plan.insert(QStringLiteral("takes"), int(takes.size()));
        out << QJsonDocument(plan).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        out << generationSummary(request, catalog, options.family()) << Qt::endl;
        if (!one)
            out << QCoreApplication::translate("pixverse-studio-cli", "Cost: no published price");
        else if (takes.size() > 1)
            out << QCoreApplication::translate("pixverse-studio-cli",
                                               "Cost: %1 takes × %2 credits = %3 credits")
                       .arg(takes.size())
                       .arg(each)
                       .arg(total);
        else
            out << QCoreApplication::translate("pixverse-studio-cli", "Cost: %1 credits")
                       .arg(total);
        out << Qt::endl;
        for (qsizetype i = 0; i < takes.size(); ++i) {
            if (takes.size() > 1)
                out << QCoreApplication::translate("pixverse-studio-cli", "Take %1/%2:")
                           .arg(i + 1)
                           .arg(takes.size())
                    << Qt::endl;
            printCalls(backend->plannedCalls(takes[i]), out);
        }
    }
    err << QCoreApplication::translate("pixverse-studio-cli",
                                       "Dry run: the settings pass every check; nothing was sent.")
        << Qt::endl;
    return ExitOk;
}

//! last-frame: the PNG goes into --out, named after the video (lastFrameFileName()), so a later
//! generate --image of it knows the take it came from.
int saveLastFrame(const CliOptions& options, QTextStream& out, QTextStream& err) {
    const QDir outDir(QDir(options.outDir).absolutePath());
    if (!QDir().mkpath(outDir.path())) {
        err << QCoreApplication::translate("pixverse-studio-cli",
                                           "Cannot write into the folder “%1”.")
                   .arg(options.outDir)
            << Qt::endl;
        return ExitUsage;
    }
    const QString pngPath = outDir.filePath(lastFrameFileName(options.videoFile));
    // No window and nothing else to serve: the CLI decodes right here.
    const LastFrameResult frame = extractLastFrame(options.videoFile, pngPath);
    if (!frame.error.isEmpty()) {
        err << frame.error << Qt::endl;
        return ExitUsage;
    }
    if (options.json)
        out << QJsonDocument(QJsonObject{{QStringLiteral("path"), frame.pngPath},
                                         {QStringLiteral("width"), frame.size.width()},
                                         {QStringLiteral("height"), frame.size.height()},
                                         {QStringLiteral("video"), options.videoFile}})
                   .toJson(QJsonDocument::Compact)
            << Qt::endl;
    err << QCoreApplication::translate("pixverse-studio-cli", "Saved the last frame (%1×%2).")
               .arg(frame.size.width())
               .arg(frame.size.height())
        << Qt::endl;
    // The path is the last line of stdout: scripts read it.
    out << QDir::toNativeSeparators(frame.pngPath) << Qt::endl;
    return ExitOk;
}

} // namespace

bool runsOffline(const CliOptions& options) {
    return options.command == CliOptions::Command::Models ||
           options.command == CliOptions::Command::LastFrame || options.dryRun;
}

int runOffline(const CliOptions& options, const ModelCatalog& catalog, QTextStream& out,
               QTextStream& err) {
    if (options.command == CliOptions::Command::Models)
        return printModels(options, catalog, out);
    if (options.command == CliOptions::Command::LastFrame)
        return saveLastFrame(options, out, err);
    return dryRun(options, catalog, out, err);
}

} // namespace pixverse
