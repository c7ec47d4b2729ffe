#include "core/effects/TemplateLibrary.h"

#include "core/backend/Backend.h"
#include "core/effects/TemplateCacheFile.h"
#include "core/generation/ModelCatalog.h"

#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QSet>
#include <QtConcurrent>

#include <algorithm>

namespace pixverse {

Q_LOGGING_CATEGORY(lcTemplates, "pixverse.effects")

namespace {

constexpr qint64 kRefreshIntervalSecs = 24 * 60 * 60;

//! "720p" → 720; -1 for a name without a leading number.
int qualityRank(const QString& quality) {
    qsizetype digits = 0;
    while (digits < quality.size() && quality.at(digits).isDigit())
        ++digits;
    return digits > 0 ? quality.left(digits).toInt() : -1;
}

//! The qualities, low to high, of the template's model in the catalog; every quality the catalog
//! knows when the template names no model it has.
QStringList qualityOrder(const EffectTemplate& effect, const ModelCatalog& catalog) {
    if (const ModelSpec* spec = effect.model.isEmpty() ? nullptr : catalog.model(effect.model))
        return spec->qualities;
    QStringList all;
    for (const ModelSpec& model : catalog.models()) {
        for (const QString& quality : model.qualities) {
            if (!all.contains(quality))
                all << quality;
        }
    }
    std::stable_sort(all.begin(), all.end(), [](const QString& a, const QString& b) {
        return qualityRank(a) < qualityRank(b);
    });
    return all;
}

//! The template as the list gave it, with what generations taught about it.
EffectTemplate withFacts(EffectTemplate effect, const LearnedTemplateFacts& facts,
                         const ModelCatalog& catalog) {
    effect.needsActivation = effect.needsActivation || facts.needsActivation;
    if (facts.refusedQualities.isEmpty())
        return effect;
    const QStringList order = qualityOrder(effect, catalog);
    const QStringList allowed = effect.qualities.isEmpty() ? order : effect.qualities;
    QStringList kept;
    for (const QString& quality : allowed) {
        bool refused = false;
        for (const QString& refusedQuality : facts.refusedQualities) {
            const qsizetype from = order.indexOf(refusedQuality);
            refused = refused || quality == refusedQuality ||
                      (from >= 0 && order.indexOf(quality) >= from);
        }
        if (!refused)
            kept << quality;
    }
    // Refused even at its lowest: nothing is left to offer, and an empty list would mean "any
    // quality"; the list stays as it was and the service's answer will say so again.
    if (!kept.isEmpty())
        effect.qualities = kept;
    return effect;
}

struct CacheRead {
    std::optional<TemplateCacheContents> contents;
    QString error;
};

} // namespace

struct TemplateLibrary::State {
    QString cacheFile;
    QPointer<Backend> backend;
    const ModelCatalog* catalog = &ModelCatalog::builtIn();
    std::function<QDateTime()> now = [] { return QDateTime::currentDateTimeUtc(); };
    QString language = QStringLiteral("en");

    //! What the cache file holds: the last complete list, its language and time.
    QList<EffectTemplate> fileList;
    QString fileLanguage;
    QDateTime fetchedAt;
    //! The list shown, as sent (fileList, or what replaceTemplates() gave), and with the facts.
    QList<EffectTemplate> listed;
    QList<EffectTemplate> templates;
    QHash<qint64, LearnedTemplateFacts> learned;
    //! A refresh or replaceTemplates() set the list: a cache read that ends later keeps it.
    bool listSetSinceLoad = false;
    bool loading = false;
    std::optional<bool> refreshAfterLoad; //!< refresh(force) asked while the cache was read
    bool forcedWalk = false;              //!< the refresh under way was asked for by the creator

    // The page walk of a refresh.
    bool refreshing = false;
    quint64 walkSerial = 0; //!< answers of an abandoned walk are ignored
    int page = 0;
    QString walkLanguage;
    QList<EffectTemplate> walked;
    QSet<qint64> walkedIds;
    RequestHandle pending;

    // One write at a time; a change meanwhile writes again after it.
    QFuture<QString> saving;
    bool saveAgain = false;
};

TemplateLibrary::TemplateLibrary(const QString& cacheFile, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<State>()) {
    d->cacheFile = cacheFile;
}

TemplateLibrary::~TemplateLibrary() {
    d->pending.cancel();
    // A fact learned just before quitting must reach the file: a small write, once, at the end.
    d->saving.waitForFinished();
    if (d->saveAgain && !d->loading) {
        QString error;
        writeTemplateCache(d->cacheFile, {d->fileLanguage, d->fetchedAt, d->fileList, d->learned},
                           &error);
    }
}

void TemplateLibrary::load() {
    if (d->loading)
        return;
    d->loading = true;
    auto* watcher = new QFutureWatcher<CacheRead>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const CacheRead read = watcher->result();
        cacheRead(read.contents, read.error);
    });
    watcher->setFuture(QtConcurrent::run([path = d->cacheFile] {
        CacheRead read;
        read.contents = readTemplateCache(path, &read.error);
        return read;
    }));
}

void TemplateLibrary::cacheRead(const std::optional<TemplateCacheContents>& contents,
                                const QString& error) {
    d->loading = false;
    if (!error.isEmpty())
        qCWarning(lcTemplates).noquote()
            << "ignoring the template cache" << d->cacheFile << "-" << error;
    bool changed = false;
    if (contents) {
        // Facts learned while the file was read join those it had.
        for (auto it = contents->learned.cbegin(); it != contents->learned.cend(); ++it) {
            LearnedTemplateFacts& facts = d->learned[it.key()];
            facts.needsActivation = facts.needsActivation || it->needsActivation;
            for (const QString& quality : it->refusedQualities) {
                if (!facts.refusedQualities.contains(quality))
                    facts.refusedQualities << quality;
            }
        }
        if (!d->listSetSinceLoad) {
            d->fileList = d->listed = contents->templates;
            d->fileLanguage = contents->language;
            d->fetchedAt = contents->fetchedAt;
        }
        changed = !contents->templates.isEmpty() || !contents->learned.isEmpty();
        qCInfo(lcTemplates) << "template cache:" << contents->templates.size() << "templates in"
                            << contents->language << "from" << contents->fetchedAt;
    }
    if (changed) {
        applyFacts();
        Q_EMIT templatesChanged();
    }
    if (d->saveAgain) { // a change while reading waited for the file's facts
        d->saveAgain = false;
        save();
    }
    if (const auto force = std::exchange(d->refreshAfterLoad, std::nullopt))
        refresh(*force);
}

void TemplateLibrary::setBackend(Backend* backend) {
    if (d->backend == backend)
        return;
    d->backend = backend;
    if (!d->refreshing)
        return;
    if (backend)
        restartWalk();
    else
        finishWalk(tr("Signed out: the effects shown are the ones saved earlier."));
}

void TemplateLibrary::setLanguage(const QString& language) {
    if (language == d->language)
        return;
    d->language = language;
    // Pages in two languages must not mix.
    if (d->refreshing)
        restartWalk();
}

QString TemplateLibrary::language() const {
    return d->language;
}

void TemplateLibrary::setCatalog(const ModelCatalog* catalog) {
    d->catalog = catalog ? catalog : &ModelCatalog::builtIn();
    applyFacts();
}

void TemplateLibrary::setClock(std::function<QDateTime()> now) {
    d->now = std::move(now);
}

QList<EffectTemplate> TemplateLibrary::templates() const {
    return d->templates;
}

std::optional<EffectTemplate> TemplateLibrary::find(qint64 id) const {
    for (const EffectTemplate& t : d->templates) {
        if (t.id == id)
            return t;
    }
    return std::nullopt;
}

QDateTime TemplateLibrary::fetchedAt() const {
    return d->fetchedAt;
}

bool TemplateLibrary::isRefreshing() const {
    return d->refreshing;
}

bool TemplateLibrary::isYoung() const {
    if (!d->fetchedAt.isValid() || d->fileLanguage != d->language)
        return false;
    // A clock that went back (fetchedAt in the future) is not trusted: fetch.
    const qint64 age = d->fetchedAt.secsTo(d->now());
    return age >= 0 && age < kRefreshIntervalSecs;
}

void TemplateLibrary::refresh(bool force) {
    if (d->loading) { // the cache says how old the list is: decide once it is read
        d->refreshAfterLoad = d->refreshAfterLoad.value_or(false) || force;
        return;
    }
    if (d->refreshing)
        return;
    if (!d->backend) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                Q_EMIT refreshFinished(
                    tr("Offline: the effects shown are the ones saved earlier."));
            },
            Qt::QueuedConnection);
        return;
    }
    if (!force && isYoung())
        return;
    d->refreshing = true;
    d->forcedWalk = force;
    Q_EMIT refreshStarted();
    startWalk();
}

void TemplateLibrary::startWalk() {
    ++d->walkSerial;
    d->page = 0;
    d->walkLanguage = d->language;
    d->walked.clear();
    d->walkedIds.clear();
    requestNextPage();
}

void TemplateLibrary::restartWalk() {
    d->pending.cancel();
    qCInfo(lcTemplates) << "template refresh starts again in" << d->language;
    startWalk();
}

void TemplateLibrary::requestNextPage() {
    if (!d->backend) {
        finishWalk(tr("Signed out: the effects shown are the ones saved earlier."));
        return;
    }
    ++d->page;
    TemplateQuery query;
    query.page = d->page;
    query.pageSize = kPageSize;
    query.language = d->walkLanguage;
    query.type = 1;
    const quint64 serial = d->walkSerial;
    d->pending = d->backend->fetchTemplates(
        query, this, [this, serial](const Result<QList<EffectTemplate>>& result) {
            if (serial == d->walkSerial && d->refreshing)
                pageArrived(result);
        });
}

void TemplateLibrary::pageArrived(const Result<QList<EffectTemplate>>& result) {
    d->pending = {};
    if (!result.ok()) {
        qCWarning(lcTemplates).noquote()
            << "template list page" << d->page << "failed:" << result.error.logText();
        finishWalk(tr("The effects could not be refreshed: %1").arg(result.error.userMessage()));
        return;
    }
    int fresh = 0;
    for (const EffectTemplate& effect : *result.value) {
        if (d->walkedIds.contains(effect.id))
            continue;
        d->walkedIds.insert(effect.id);
        d->walked << effect;
        ++fresh;
    }
    // A short page is the last one. A page of ids already seen means the service ignores
    // `page`: asking on would loop for ever.
    const bool shortPage = result.value->size() < kPageSize;
    if (!shortPage && fresh == 0)
        qCWarning(lcTemplates) << "template list page" << d->page
                               << "repeats earlier ids: the list ends here";
    else if (!shortPage && d->page >= kMaxPages)
        qCWarning(lcTemplates) << "template list stopped at" << kMaxPages << "pages";
    if (!shortPage && fresh > 0 && d->page < kMaxPages) {
        requestNextPage();
        return;
    }
    d->fileList = d->listed = d->walked;
    d->fileLanguage = d->walkLanguage;
    d->fetchedAt = d->now();
    d->listSetSinceLoad = true;
    d->walked.clear();
    d->walkedIds.clear();
    // The list never says whether a template is activated; a 500070 taught it. A refresh the
    // creator asked for (after activating it on the platform, say) lets it be tried again.
    if (std::exchange(d->forcedWalk, false)) {
        for (LearnedTemplateFacts& facts : d->learned)
            facts.needsActivation = false;
    }
    qCInfo(lcTemplates) << "template list:" << d->listed.size() << "templates in" << d->fileLanguage
                        << "over" << d->page << "pages";
    applyFacts();
    save();
    Q_EMIT templatesChanged();
    finishWalk({});
}

void TemplateLibrary::finishWalk(const QString& error) {
    ++d->walkSerial;
    d->pending.cancel();
    d->pending = {};
    d->refreshing = false;
    Q_EMIT refreshFinished(error);
}

void TemplateLibrary::replaceTemplates(const QList<EffectTemplate>& templates) {
    d->listed = templates;
    d->listSetSinceLoad = true;
    applyFacts();
    Q_EMIT templatesChanged();
}

void TemplateLibrary::markNeedsActivation(qint64 id) {
    LearnedTemplateFacts& facts = d->learned[id];
    if (facts.needsActivation)
        return;
    facts.needsActivation = true;
    applyFacts();
    save();
    Q_EMIT templatesChanged();
}

void TemplateLibrary::markQualityRefused(qint64 id, const QString& quality) {
    if (quality.isEmpty())
        return;
    LearnedTemplateFacts& facts = d->learned[id];
    if (facts.refusedQualities.contains(quality))
        return;
    facts.refusedQualities << quality;
    applyFacts();
    save();
    Q_EMIT templatesChanged();
}

void TemplateLibrary::applyFacts() {
    d->templates.clear();
    d->templates.reserve(d->listed.size());
    for (const EffectTemplate& effect : std::as_const(d->listed))
        d->templates << withFacts(effect, d->learned.value(effect.id), *d->catalog);
}

void TemplateLibrary::save() {
    // While the file is read, or written, a write waits: it must not lose the file's facts
    // nor race the write before it.
    if (d->loading || d->saving.isRunning()) {
        d->saveAgain = true;
        return;
    }
    const TemplateCacheContents contents{d->fileLanguage, d->fetchedAt, d->fileList, d->learned};
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QString error = watcher->result();
        if (!error.isEmpty())
            qCWarning(lcTemplates).noquote()
                << "cannot write the template cache" << d->cacheFile << "-" << error;
        if (std::exchange(d->saveAgain, false))
            save();
        Q_EMIT cacheSaved(error);
    });
    d->saving = QtConcurrent::run([path = d->cacheFile, contents] {
        QString error;
        writeTemplateCache(path, contents, &error);
        return error;
    });
    watcher->setFuture(d->saving);
}

} // namespace pixverse
