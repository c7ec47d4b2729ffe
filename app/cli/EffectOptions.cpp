#include "app/cli/EffectOptions.h"

#include "app/cli/CliOptionTable.h"
#include "app/cli/ContinueOptions.h"
#include "core/effects/TemplateLibrary.h"
#include "core/effects/TemplateRequest.h"
#include "core/generation/ModelCatalog.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QStandardPaths>

#include <memory>
#include <utility>

namespace pixverse {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("pixverse-studio-cli", text);
}

//! --reference TYPE:NAME=FILE. A missing name stays empty: the catalog's check says what a
//! reference needs, as the composer's strip does. The type and the file are the CLI's to read.
QString readReference(const QString& given, QList<RequestImage>& references) {
    const qsizetype colon = given.indexOf(u':');
    if (colon <= 0)
        return tr("--reference needs TYPE:NAME=FILE, e.g. subject:hero=hero.png, not “%1”.")
            .arg(given);
    const QString type = given.left(colon).trimmed().toLower();
    const std::optional<RequestImage::Role> role = RequestImage::roleFromId(type);
    if (!role || (*role != RequestImage::Role::Subject && *role != RequestImage::Role::Background))
        return tr("Unknown reference type “%1” in “%2”: use subject or background.")
            .arg(given.left(colon), given);
    // The name cannot hold '=' (letters, digits, _ and - only), so the first '=' ends it.
    const QString rest = given.mid(colon + 1);
    const qsizetype equals = rest.indexOf(u'=');
    const QString name = equals < 0 ? QString() : rest.left(equals).trimmed();
    const QString file = equals < 0 ? rest : rest.mid(equals + 1);
    if (file.trimmed().isEmpty())
        return tr("--reference “%1” needs the path of an image file after the name.").arg(given);
    references << RequestImage{*role, QFileInfo(file).absoluteFilePath(), name};
    return {};
}

//! The keys without "image": a template's and fusion's images are the request's own list.
QJsonObject keysWithoutImage(const CliOptions& options) {
    QJsonObject keys = options.generationKeys;
    keys.remove(u"image");
    return keys;
}

QString joined(const QStringList& words) {
    return words.join(QStringLiteral(", "));
}

} // namespace

QString readEffectOptions(const OptionReader& r, CliOptions& o) {
    const bool effect = r.isSet("template");
    if (!effect && r.values("image").size() > 1)
        return tr("Give one --image (several go with --template, for a template of several "
                  "images).");
    if (o.command != CliOptions::Command::Generate)
        return {};
    const bool fusion = r.isSet("reference");
    if (effect && fusion)
        return tr("Use either --template or --reference, not both.");
    if ((effect || fusion) && (r.isSet("first-frame") || r.isSet("last-frame")))
        return tr("--%1 does not go with --first-frame and --last-frame.")
            .arg(effect ? QStringLiteral("template") : QStringLiteral("reference"));
    if (fusion && r.isSet("image"))
        return tr("--reference does not go with --image: each image of a reference video is a "
                  "--reference subject:NAME=FILE or background:NAME=FILE.");
    if (effect) {
        bool bad = false;
        const std::optional<qint64> id = r.number("template", &bad);
        if (bad || !id || *id <= 0)
            return tr("--template needs a template id, a positive whole number (the command "
                      "templates lists them), not “%1”.")
                .arg(r.value("template"));
        o.templateId = *id;
        for (const QString& image : r.values("image")) {
            if (image.trimmed().isEmpty())
                return tr("--image needs the path of an image file.");
            o.request.images << RequestImage{
                RequestImage::Role::Start, QFileInfo(image).absoluteFilePath(), {}};
        }
    }
    for (const QString& given : r.values("reference")) {
        if (QString error = readReference(given, o.request.images); !error.isEmpty())
            return error;
    }
    return {};
}

QString effectRequest(CliOptions& o, const ModelCatalog& catalog, bool* handled) {
    *handled = o.command == CliOptions::Command::Generate &&
               (o.templateId != 0 || !o.request.references().isEmpty());
    if (!*handled)
        return {};
    const QList<RequestImage> images = o.request.images; // read by readEffectOptions
    const GenerationMode mode = o.templateId != 0 ? GenerationMode::Effect : GenerationMode::Fusion;
    GenerationRequest request;
    if (QString error = requestFromKeys(keysWithoutImage(o), catalog, o.family(), request, mode);
        !error.isEmpty())
        return error;
    request.mode = mode;
    request.images = images;
    request.templateId = o.templateId;
    o.request = request;
    if (mode == GenerationMode::Effect)
        return {}; // the template's facts come from the list: checked in setUpTemplate()
    return whyRefused(o.request, catalog, o.family());
}

QString setUpTemplate(GenerationRequest& request, const EffectTemplate& effect,
                      const CliOptions& options, const ModelCatalog& catalog) {
    const QList<RequestImage> images = request.images;
    applyTemplate(request, effect, catalog, options.family());
    // What the command line said wins over the template's choices; validate() judges it.
    if (QString error =
            applyGenerationKeys(keysWithoutImage(options), catalog, options.family(), request);
        !error.isEmpty())
        return error;
    request.mode = GenerationMode::Effect;
    request.images = images; // every image given: too many is refused, not trimmed
    return whyRefused(request, catalog, options.family());
}

QString templateCacheFile(const CliOptions& options) {
    // Activation is per account and the sandbox's list is not PixVerse's: one file a service.
    const QString service =
        options.sandbox
            ? QStringLiteral("sandbox")
            : QString::fromLatin1(QCryptographicHash::hash(
                                      options.baseUrl.toString(QUrl::StripTrailingSlash).toUtf8(),
                                      QCryptographicHash::Sha1)
                                      .toHex()
                                      .left(12));
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    return QDir(dir).filePath(QStringLiteral("templates-%1.json").arg(service));
}

void whenTemplatesCurrent(TemplateLibrary& library, bool force, QObject* context,
                          std::function<void(const QString&)> then) {
    // A refresh says refreshFinished(); a young list read from the file says only
    // templatesChanged(), and no refresh follows it (the library decides right after reading).
    auto finish = [done = std::make_shared<bool>(false),
                   then = std::move(then)](const QString& error) {
        if (!std::exchange(*done, true))
            then(error);
    };
    QObject::connect(&library, &TemplateLibrary::refreshFinished, context, finish);
    QObject::connect(&library, &TemplateLibrary::templatesChanged, context,
                     [&library, context, finish] {
                         QMetaObject::invokeMethod(
                             context,
                             [&library, finish] {
                                 if (!library.isRefreshing())
                                     finish({});
                             },
                             Qt::QueuedConnection);
                     });
    library.load();
    library.refresh(force); // decided once the file is read
}

QString setUpTemplateOffline(GenerationRequest& request, const CliOptions& options,
                             const ModelCatalog& catalog) {
    if (catalog.offeredModels(options.family(), GenerationMode::Effect).isEmpty())
        return modeNotOffered(GenerationMode::Effect); // the website lists no templates
    TemplateLibrary library(templateCacheFile(options));
    library.setLanguage(QString::fromLatin1(kTemplateLanguage));
    QEventLoop loop; // the CLI has nothing else to do meanwhile: no window waits
    // No backend: the list kept only (the "offline" sentence that ends it is no news here).
    whenTemplatesCurrent(library, false, &loop, [&loop](const QString&) { loop.quit(); });
    loop.exec();
    const std::optional<EffectTemplate> effect = library.find(options.templateId);
    if (!effect)
        return tr("The template list kept on this computer has no template %1; a dry run fetches "
                  "nothing: run the command templates first (with the same sign-in options).")
            .arg(options.templateId);
    return setUpTemplate(request, *effect, options, catalog);
}

QString templateLine(const EffectTemplate& effect) {
    // Spelled out: the CLI installs no translator, so "%n image(s)" would print as such.
    const QString images = effect.imageCount == 0   ? tr("no image")
                           : effect.imageCount == 1 ? tr("1 image")
                                                    : tr("%1 images").arg(effect.imageCount);
    QStringList parts{QString::number(effect.id), effect.name, images,
                      effect.qualities.isEmpty() ? tr("any quality") : joined(effect.qualities)};
    if (effect.needsActivation)
        parts << tr("needs activation");
    return parts.join(QStringLiteral("  "));
}

QJsonObject templateJson(const EffectTemplate& effect) {
    return QJsonObject{{QStringLiteral("id"), effect.id},
                       {QStringLiteral("name"), effect.name},
                       {QStringLiteral("prompt"), effect.prompt},
                       {QStringLiteral("images"), effect.imageCount},
                       {QStringLiteral("qualities"), QJsonArray::fromStringList(effect.qualities)},
                       {QStringLiteral("model"), effect.model},
                       {QStringLiteral("duration"), effect.duration},
                       {QStringLiteral("category"), effect.category},
                       {QStringLiteral("previewUrl"), effect.previewUrl},
                       {QStringLiteral("needsActivation"), effect.needsActivation}};
}

} // namespace pixverse
