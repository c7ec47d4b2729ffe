#include "core/effects/TemplateCacheFile.h"

#include "core/api/ApiClient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace pixverse {

namespace {

QJsonObject templateToJson(const EffectTemplate& t) {
    QJsonObject json{{QStringLiteral("id"), QString::number(t.id)},
                     {QStringLiteral("name"), t.name},
                     {QStringLiteral("prompt"), t.prompt},
                     {QStringLiteral("previewUrl"), t.previewUrl},
                     {QStringLiteral("thumbnailUrl"), t.thumbnailUrl},
                     {QStringLiteral("category"), t.category},
                     {QStringLiteral("imageCount"), t.imageCount},
                     {QStringLiteral("qualities"), QJsonArray::fromStringList(t.qualities)},
                     {QStringLiteral("model"), t.model},
                     {QStringLiteral("duration"), t.duration},
                     {QStringLiteral("needsActivation"), t.needsActivation}};
    if (t.credits)
        json.insert(QStringLiteral("credits"), *t.credits);
    return json;
}

std::optional<EffectTemplate> templateFromJson(const QJsonObject& json) {
    const auto id = json::toId(json.value(u"id"));
    if (!id)
        return std::nullopt;
    EffectTemplate t;
    t.id = *id;
    t.name = json.value(u"name").toString();
    t.prompt = json.value(u"prompt").toString();
    t.previewUrl = json.value(u"previewUrl").toString();
    t.thumbnailUrl = json.value(u"thumbnailUrl").toString();
    t.category = json.value(u"category").toString();
    t.imageCount = int(json::toInt(json.value(u"imageCount")).value_or(1));
    for (const QJsonValue& quality : json.value(u"qualities").toArray())
        t.qualities << quality.toString();
    t.model = json.value(u"model").toString();
    t.duration = int(json::toInt(json.value(u"duration")).value_or(0));
    if (const auto credits = json::toInt(json.value(u"credits")))
        t.credits = int(*credits);
    t.needsActivation = json.value(u"needsActivation").toBool();
    return t;
}

} // namespace

QByteArray encodeTemplateCache(const TemplateCacheContents& contents) {
    QJsonArray templates;
    for (const EffectTemplate& t : contents.templates)
        templates.append(templateToJson(t));
    QJsonObject learned;
    for (auto it = contents.learned.cbegin(); it != contents.learned.cend(); ++it) {
        learned.insert(QString::number(it.key()),
                       QJsonObject{{QStringLiteral("needsActivation"), it->needsActivation},
                                   {QStringLiteral("refusedQualities"),
                                    QJsonArray::fromStringList(it->refusedQualities)}});
    }
    const QJsonObject root{
        {QStringLiteral("version"), TemplateCacheContents::kVersion},
        {QStringLiteral("language"), contents.language},
        {QStringLiteral("fetchedAt"), contents.fetchedAt.isValid()
                                          ? contents.fetchedAt.toUTC().toString(Qt::ISODateWithMs)
                                          : QString()},
        {QStringLiteral("templates"), templates},
        {QStringLiteral("learned"), learned}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::optional<TemplateCacheContents> decodeTemplateCache(const QByteArray& bytes, QString* error) {
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = QStringLiteral("not JSON: %1").arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    if (root.value(u"version").toInt() != TemplateCacheContents::kVersion) {
        *error = QStringLiteral("version %1, expected %2")
                     .arg(root.value(u"version").toInt())
                     .arg(TemplateCacheContents::kVersion);
        return std::nullopt;
    }
    if (!root.value(u"templates").isArray() || !root.value(u"learned").isObject()) {
        *error = QStringLiteral("no templates array or learned object");
        return std::nullopt;
    }
    TemplateCacheContents contents;
    contents.language = root.value(u"language").toString();
    contents.fetchedAt =
        QDateTime::fromString(root.value(u"fetchedAt").toString(), Qt::ISODateWithMs);
    for (const QJsonValue& item : root.value(u"templates").toArray()) {
        const auto t = templateFromJson(item.toObject());
        if (!t) {
            *error = QStringLiteral("a template without an id");
            return std::nullopt;
        }
        contents.templates << *t;
    }
    const QJsonObject learned = root.value(u"learned").toObject();
    for (auto it = learned.constBegin(); it != learned.constEnd(); ++it) {
        bool ok = false;
        const qint64 id = it.key().toLongLong(&ok);
        if (!ok)
            continue;
        const QJsonObject facts = it.value().toObject();
        LearnedTemplateFacts learnedFacts;
        learnedFacts.needsActivation = facts.value(u"needsActivation").toBool();
        for (const QJsonValue& quality : facts.value(u"refusedQualities").toArray())
            learnedFacts.refusedQualities << quality.toString();
        contents.learned.insert(id, learnedFacts);
    }
    return contents;
}

std::optional<TemplateCacheContents> readTemplateCache(const QString& path, QString* error) {
    QFile file(path);
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return std::nullopt;
    }
    return decodeTemplateCache(file.readAll(), error);
}

bool writeTemplateCache(const QString& path, const TemplateCacheContents& contents,
                        QString* error) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    const QByteArray bytes = encodeTemplateCache(contents);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace pixverse
