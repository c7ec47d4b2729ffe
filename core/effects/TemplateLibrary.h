#pragma once

#include "core/api/ApiTypes.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace pixverse {

class Backend;
class ModelCatalog;
struct TemplateCacheContents;

//! The effect templates the account can use (§2.19, issue 17): every page of the list, kept in a
//! cache file so the browser opens at once and works offline, refreshed at most once a day (or
//! when the language changes, or on demand). Remembers what generations taught about a template
//! (500070: not activated; 500071: a quality it refuses). Disk and parsing off the GUI thread.
class TemplateLibrary : public QObject {
    Q_OBJECT
public:
    //! Templates asked per page (§2.19 allows 10, 20, 50, 100).
    static constexpr int kPageSize = 50;
    //! A refresh stops here whatever the service answers (5,000 templates; it lists hundreds).
    static constexpr int kMaxPages = 100;

    //! `cacheFile`: where the list is kept between runs (the app's cache directory).
    explicit TemplateLibrary(const QString& cacheFile, QObject* parent = nullptr);
    ~TemplateLibrary() override;

    //! Reads the cache file (on the thread pool); templatesChanged() follows when it had a list.
    void load();
    //! The family to ask; null: the cache only. Not owned.
    void setBackend(Backend* backend);
    //! The Accept-Language of the requests ("en", "ru"); a different language from the cache's
    //! makes the next refresh() fetch even when the cache is young.
    void setLanguage(const QString& language);
    QString language() const;
    //! Whose quality order markQualityRefused() follows (ModelCatalog::builtIn() unless set).
    //! Must outlive the library.
    void setCatalog(const ModelCatalog* catalog);
    //! What "now" is for the once-a-day rule (tests); the system clock (UTC) unless set.
    void setClock(std::function<QDateTime()> now);

    QList<EffectTemplate> templates() const;
    std::optional<EffectTemplate> find(qint64 id) const;
    //! When the list was last fetched completely; invalid when never.
    QDateTime fetchedAt() const;
    bool isRefreshing() const;
    //! Fetches every page (one request at a time) unless the list is younger than a day in the
    //! same language; `force` fetches anyway and, once complete, forgets which templates a 500070
    //! marked (the list never says; the creator may have activated them since). A failed refresh
    //! keeps the list it had.
    void refresh(bool force = false);
    //! Replaces the list (benchmarks and tests; the cache file is not written).
    void replaceTemplates(const QList<EffectTemplate>& templates);

    //! A generate with `id` was answered 500070: greyed out from now on, kept in the cache.
    void markNeedsActivation(qint64 id);
    //! A generate with `id` at `quality` was answered 500071: that quality and the higher ones are
    //! taken off its allowed qualities, kept in the cache.
    void markQualityRefused(qint64 id, const QString& quality);

Q_SIGNALS:
    //! The list or something known about a template changed.
    void templatesChanged();
    void refreshStarted();
    //! A refresh ended; `error` is empty on success, else one translated sentence.
    void refreshFinished(const QString& error);
    //! The cache file was written (after a refresh or a mark); `error` empty on success.
    void cacheSaved(const QString& error);

private:
    bool isYoung() const;
    void startWalk();
    //! Forgets the pages walked so far and starts again from page 1 (new language or backend).
    void restartWalk();
    void requestNextPage();
    void pageArrived(const Result<QList<EffectTemplate>>& result);
    void finishWalk(const QString& error);
    void cacheRead(const std::optional<TemplateCacheContents>& contents, const QString& error);
    void applyFacts();
    void save();

    struct State;
    std::unique_ptr<State> d;
};

} // namespace pixverse
