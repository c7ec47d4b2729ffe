#pragma once

#include "core/api/ApiTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace pixverse {

//! What generations taught about one template (issue 17); the list never says it.
struct LearnedTemplateFacts {
    bool needsActivation = false; //!< answered 500070
    QStringList refusedQualities; //!< each answered 500071 (it and the higher ones are off)

    friend bool operator==(const LearnedTemplateFacts&, const LearnedTemplateFacts&) = default;
};

//! The template list's cache file: the list as the service sent it, when and in which language,
//! and the learned facts per id (kept apart so a refresh never loses them).
struct TemplateCacheContents {
    static constexpr int kVersion = 1;

    QString language;
    QDateTime fetchedAt; //!< invalid: never fetched completely (only facts were learned)
    QList<EffectTemplate> templates;
    QHash<qint64, LearnedTemplateFacts> learned;
};

//! The file's bytes (JSON: version, language, fetchedAt, templates, learned). Ids are written as
//! strings: 64-bit ids do not survive a trip through a double.
QByteArray encodeTemplateCache(const TemplateCacheContents& contents);
//! Empty (with `*error` set) for a damaged file or another version.
std::optional<TemplateCacheContents> decodeTemplateCache(const QByteArray& bytes, QString* error);

//! Reads `path`; empty with an empty `*error` when there is no file yet. Blocking: thread pool.
std::optional<TemplateCacheContents> readTemplateCache(const QString& path, QString* error);
//! Writes `path` whole or not at all (QSaveFile). Blocking: thread pool.
bool writeTemplateCache(const QString& path, const TemplateCacheContents& contents, QString* error);

} // namespace pixverse
