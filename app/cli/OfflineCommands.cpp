#include "app/cli/OfflineCommands.h"

#include "app/cli/ModelTable.h"
#include "core/backend/BackendFactory.h"
#include "core/generation/ImageCheck.h"
#include "core/generation/ModelCatalog.h"

#include <QCoreApplication>
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

//! The image checks the engine makes before an upload (PreparedImage::intoStore): same rules,
//! no copy kept. Empty when every image passes.
QString imageProblem(const GenerationRequest& request) {
    ImageCheckOptions options;
    options.shrink = false; // the engine refuses, it does not scale, what is too large
    options.preview = false;
    options.writeCopy = false;
    for (const RequestImage& image : request.images) {
        const ImageCheckResult checked = ImageCheck::check(image.path, options);
        if (!checked.ok())
            return checked.message;
    }
    return {};
}

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

int dryRun(const CliOptions& options, const ModelCatalog& catalog, QTextStream& out,
           QTextStream& err) {
    const GenerationRequest& request = options.request;
    if (const QString problem = imageProblem(request); !problem.isEmpty()) {
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
    const QList<PlannedCall> calls = backend->plannedCalls(request);
    const std::optional<int> cost = catalog.creditCost(request);

    if (options.json) {
        QJsonArray requests;
        for (const PlannedCall& call : calls) {
            QJsonObject json{{QStringLiteral("method"), call.verb},
                             {QStringLiteral("path"), shownPath(call)},
                             {QStringLiteral("body"), call.body}};
            if (!call.description.isEmpty())
                json.insert(QStringLiteral("description"), call.description);
            requests.append(json);
        }
        const QJsonObject plan{{QStringLiteral("credits"), cost ? QJsonValue(*cost) : QJsonValue()},
                               {QStringLiteral("requests"), requests}};
        out << QJsonDocument(plan).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        out << generationSummary(request, catalog, options.family()) << Qt::endl;
        out << (cost ? QCoreApplication::translate("pixverse-studio-cli", "Cost: %1 credits")
                           .arg(*cost)
                     : QCoreApplication::translate("pixverse-studio-cli",
                                                   "Cost: no published price"))
            << Qt::endl;
        for (const PlannedCall& call : calls) {
            out << call.verb << QLatin1Char(' ') << shownPath(call) << Qt::endl;
            // The body as it would go out, byte for byte (requests send compact JSON).
            if (call.body.isObject())
                out << QJsonDocument(call.body.toObject()).toJson(QJsonDocument::Compact)
                    << Qt::endl;
            if (!call.description.isEmpty())
                out << call.description << Qt::endl;
        }
    }
    err << QCoreApplication::translate("pixverse-studio-cli",
                                       "Dry run: the settings pass every check; nothing was sent.")
        << Qt::endl;
    return ExitOk;
}

} // namespace

bool runsOffline(const CliOptions& options) {
    return options.command == CliOptions::Command::Models || options.dryRun;
}

int runOffline(const CliOptions& options, const ModelCatalog& catalog, QTextStream& out,
               QTextStream& err) {
    if (options.command == CliOptions::Command::Models)
        return printModels(options, catalog, out);
    return dryRun(options, catalog, out, err);
}

} // namespace pixverse
