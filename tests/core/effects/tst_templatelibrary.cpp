// TemplateLibrary against the sandbox over loopback: every page, the cache file, the daily rule,
// the language, learned facts and failures (issue 17).
#include "core/effects/TemplateLibrary.h"
#include "core/sandbox/SandboxHost.h"
#include "core/sandbox/SandboxTemplates.h"
#include "tests/core/effects/ListingBackend.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace pixverse;
namespace templates = pixverse::sandbox::templates;

namespace {

//! A sandbox with `count` templates and a backend to it whose retries are quick.
struct Service {
    explicit Service(int count) {
        sandbox::SandboxConfig config;
        config.templateCount = count;
        host = std::make_unique<sandbox::SandboxHost>(config);
    }
    bool start(QNetworkAccessManager* network) {
        if (!host->start())
            return false;
        client = std::make_unique<ApiClient>(network);
        client->setBaseUrl(host->baseUrl());
        client->setRetryPolicy({2, 10, 20});
        backend = std::make_unique<test::ListingBackend>(client.get(), host->defaultApiKey());
        return true;
    }

    std::unique_ptr<sandbox::SandboxHost> host;
    std::unique_ptr<ApiClient> client;
    std::unique_ptr<test::ListingBackend> backend;
};

//! Runs a refresh that must start, and returns refreshFinished's sentence (null on a timeout).
QString refreshToEnd(TemplateLibrary& library, bool force) {
    QSignalSpy finished(&library, &TemplateLibrary::refreshFinished);
    library.refresh(force);
    if (!library.isRefreshing() && finished.isEmpty())
        return QStringLiteral("the refresh did not start");
    if (finished.isEmpty() && !finished.wait(30000))
        return QStringLiteral("the refresh did not end");
    return finished.first().first().toString();
}

QSet<qint64> idsOf(const QList<EffectTemplate>& list) {
    QSet<qint64> ids;
    for (const EffectTemplate& t : list)
        ids.insert(t.id);
    return ids;
}

} // namespace

class TestTemplateLibrary : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyPageOfTheDefaultList();
    void everyPageOfALongerList_data();
    void everyPageOfALongerList();
    void stopsWhenTheServiceIgnoresPage();
    void stopsAtTheHardCap();
    void cacheReloadOfflineGivesTheSameList();
    void refreshesAtMostOnceADay();
    void languageChangeRefetches();
    void learnedFactsSurviveRefreshAndRestart();
    void marksJustBeforeQuittingReachTheFile();
    void failedRefreshKeepsTheList();
    void failureOnALaterPageKeepsTheList();
    void damagedCacheIsIgnored();

private:
    QString cachePath(const char* name) const { return m_dir.filePath(QLatin1String(name)); }

    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
    std::unique_ptr<Service> m_default; //!< 36 templates
};

void TestTemplateLibrary::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_default = std::make_unique<Service>(templates::kDefaultTemplateCount);
    QVERIFY2(m_default->start(&m_network), qPrintable(m_default->host->errorString()));
}

void TestTemplateLibrary::everyPageOfTheDefaultList() {
    TemplateLibrary library(cachePath("default.json"));
    library.setBackend(m_default->backend.get());
    m_default->backend->queries.clear();
    QSignalSpy changed(&library, &TemplateLibrary::templatesChanged);
    QSignalSpy started(&library, &TemplateLibrary::refreshStarted);
    QCOMPARE(refreshToEnd(library, false), QString());
    QCOMPARE(started.count(), 1);
    QCOMPARE(changed.count(), 1);
    const QList<EffectTemplate> list = library.templates();
    QCOMPARE(list.size(), templates::kDefaultTemplateCount);
    QCOMPARE(idsOf(list).size(), list.size());
    QCOMPARE(list.first().id, templates::kAudienceReactionId);
    QCOMPARE(list.first().name, QStringLiteral("Audience Reaction Shot"));
    // 36 < 50: the first page is the last one.
    QCOMPARE(m_default->backend->queries.size(), 1);
    const TemplateQuery query = m_default->backend->queries.first();
    QCOMPARE(query.page, 1);
    QCOMPARE(query.pageSize, 50);
    QCOMPARE(query.type, 1);
    QCOMPARE(query.language, QStringLiteral("en"));
    QVERIFY(library.fetchedAt().isValid());
    QVERIFY(!library.isRefreshing());
    const auto twoImages = library.find(templates::kTwoImageId);
    QVERIFY(twoImages);
    QCOMPARE(twoImages->imageCount, 2);
    QCOMPARE(library.find(templates::kTextOnlyId)->imageCount, 0);
    QVERIFY(!library.find(42));
}

void TestTemplateLibrary::everyPageOfALongerList_data() {
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("requests");
    QTest::newRow("120: 50 + 50 + 20") << 120 << 3;
    QTest::newRow("100: the third page is empty") << 100 << 3;
}

void TestTemplateLibrary::everyPageOfALongerList() {
    QFETCH(int, count);
    QFETCH(int, requests);
    Service service(count);
    QVERIFY(service.start(&m_network));
    TemplateLibrary library(cachePath("longer.json"));
    library.setBackend(service.backend.get());
    QCOMPARE(refreshToEnd(library, true), QString());
    QCOMPARE(library.templates().size(), count);
    QCOMPARE(idsOf(library.templates()).size(), count);
    QCOMPARE(service.backend->queries.size(), requests);
    for (int i = 0; i < requests; ++i)
        QCOMPARE(service.backend->queries.at(i).page, i + 1);
}

void TestTemplateLibrary::stopsWhenTheServiceIgnoresPage() {
    Service service(120);
    QVERIFY(service.start(&m_network));
    service.backend->ignorePage = true;
    TemplateLibrary library(cachePath("ignored-page.json"));
    library.setBackend(service.backend.get());
    QCOMPARE(refreshToEnd(library, true), QString());
    // Page 2 brought nothing new: the walk ends there instead of asking for ever.
    QCOMPARE(service.backend->queries.size(), 2);
    QCOMPARE(library.templates().size(), 50);
}

void TestTemplateLibrary::stopsAtTheHardCap() {
    Service service(60);
    QVERIFY(service.start(&m_network));
    service.backend->endlessIds = true;
    TemplateLibrary library(cachePath("endless.json"));
    library.setBackend(service.backend.get());
    QCOMPARE(refreshToEnd(library, true), QString());
    QCOMPARE(service.backend->queries.size(), TemplateLibrary::kMaxPages);
    QCOMPARE(library.templates().size(), TemplateLibrary::kMaxPages * 50);
}

void TestTemplateLibrary::cacheReloadOfflineGivesTheSameList() {
    const QString path = cachePath("reload.json");
    QList<EffectTemplate> fetched;
    QDateTime fetchedAt;
    {
        TemplateLibrary library(path);
        library.setBackend(m_default->backend.get());
        QSignalSpy saved(&library, &TemplateLibrary::cacheSaved);
        QCOMPARE(refreshToEnd(library, false), QString());
        QVERIFY(saved.count() > 0 || saved.wait());
        QCOMPARE(saved.first().first().toString(), QString());
        fetched = library.templates();
        fetchedAt = library.fetchedAt();
    }
    QVERIFY(QFile::exists(path));
    TemplateLibrary offline(path);
    QSignalSpy changed(&offline, &TemplateLibrary::templatesChanged);
    offline.load();
    QVERIFY(offline.templates().isEmpty()); // read on the thread pool, not in load()
    QVERIFY(changed.wait());
    QCOMPARE(offline.templates(), fetched);
    QCOMPARE(offline.fetchedAt(), fetchedAt);
    // No backend: the cache is all there is, and the refresh says so.
    QSignalSpy finished(&offline, &TemplateLibrary::refreshFinished);
    offline.refresh(true);
    QVERIFY(finished.wait());
    QVERIFY(!finished.first().first().toString().isEmpty());
    QCOMPARE(offline.templates(), fetched);
}

void TestTemplateLibrary::refreshesAtMostOnceADay() {
    const QString path = cachePath("daily.json");
    QDateTime now = QDateTime::currentDateTimeUtc();
    auto clock = [&now] { return now; };
    test::ListingBackend* backend = m_default->backend.get();
    {
        TemplateLibrary library(path);
        library.setClock(clock);
        library.setBackend(backend);
        backend->queries.clear();
        QSignalSpy saved(&library, &TemplateLibrary::cacheSaved);
        QCOMPARE(refreshToEnd(library, false), QString());
        QCOMPARE(backend->queries.size(), 1);
        QCOMPARE(library.fetchedAt(), now);

        now = now.addSecs(23 * 3600);
        QSignalSpy started(&library, &TemplateLibrary::refreshStarted);
        library.refresh();
        QVERIFY(!library.isRefreshing());
        QCOMPARE(started.count(), 0);
        QCOMPARE(backend->queries.size(), 1);

        // Forced: fetched whatever the age.
        QCOMPARE(refreshToEnd(library, true), QString());
        QCOMPARE(backend->queries.size(), 2);
        QCOMPARE(library.fetchedAt(), now);
        QVERIFY(saved.count() > 0 || saved.wait());
        QTRY_COMPARE(saved.count(), 2);
    }
    // A new run a few hours later: the cache is young, nothing is asked.
    now = now.addSecs(3 * 3600);
    {
        TemplateLibrary library(path);
        library.setClock(clock);
        library.setBackend(backend);
        QSignalSpy changed(&library, &TemplateLibrary::templatesChanged);
        QSignalSpy started(&library, &TemplateLibrary::refreshStarted);
        library.load();
        library.refresh(); // decided once the cache is read
        QVERIFY(changed.wait());
        QVERIFY(!library.isRefreshing());
        QCOMPARE(started.count(), 0);
        QCOMPARE(backend->queries.size(), 2);

        // A day after the last fetch it is due again.
        now = now.addSecs(21 * 3600 + 1);
        QCOMPARE(refreshToEnd(library, false), QString());
        QCOMPARE(backend->queries.size(), 3);
        // A clock set back before the fetch is not trusted: fetched again.
        now = now.addDays(-3);
        QCOMPARE(refreshToEnd(library, false), QString());
        QCOMPARE(backend->queries.size(), 4);
    }
}

void TestTemplateLibrary::languageChangeRefetches() {
    TemplateLibrary library(cachePath("language.json"));
    library.setBackend(m_default->backend.get());
    QCOMPARE(refreshToEnd(library, false), QString());
    const QString english = library.find(templates::kAudienceReactionId)->name;
    QCOMPARE(english, QStringLiteral("Audience Reaction Shot"));

    m_default->backend->queries.clear();
    library.setLanguage(QStringLiteral("ru"));
    QCOMPARE(library.language(), QStringLiteral("ru"));
    QCOMPARE(refreshToEnd(library, false), QString()); // young, but in English
    QCOMPARE(m_default->backend->queries.size(), 1);
    QCOMPARE(m_default->backend->queries.first().language, QStringLiteral("ru"));
    const QString russian = library.find(templates::kAudienceReactionId)->name;
    QVERIFY2(russian.contains(QRegularExpression(QStringLiteral("[А-Яа-яЁё]"))),
             qPrintable(russian));
    QCOMPARE(library.templates().size(), templates::kDefaultTemplateCount);
    int searchable = 0;
    for (const EffectTemplate& t : library.templates())
        searchable += t.name.contains(QStringLiteral("бур"));
    QCOMPARE(searchable, 1); // «Охотник за бурей»

    // Now young in Russian: no request.
    QSignalSpy started(&library, &TemplateLibrary::refreshStarted);
    library.refresh();
    QCOMPARE(started.count(), 0);

    // A change while a refresh runs starts the walk again in the new language.
    library.setLanguage(QStringLiteral("en"));
    QSignalSpy finished(&library, &TemplateLibrary::refreshFinished);
    library.refresh();
    QVERIFY(library.isRefreshing());
    library.setLanguage(QStringLiteral("ru"));
    QVERIFY(finished.wait());
    QCOMPARE(finished.count(), 1);
    QCOMPARE(library.find(templates::kAudienceReactionId)->name, russian);
}

void TestTemplateLibrary::learnedFactsSurviveRefreshAndRestart() {
    const QString path = cachePath("learned.json");
    {
        TemplateLibrary library(path);
        library.setBackend(m_default->backend.get());
        QCOMPARE(refreshToEnd(library, false), QString());
        QVERIFY(!library.find(templates::kNotActivatedId)->needsActivation);
        const EffectTemplate lowOnly = *library.find(templates::kLowQualityOnlyId);
        QCOMPARE(lowOnly.qualities, QStringList({QStringLiteral("360p"), QStringLiteral("540p")}));

        QSignalSpy saved(&library, &TemplateLibrary::cacheSaved);
        QSignalSpy changed(&library, &TemplateLibrary::templatesChanged);
        library.markNeedsActivation(templates::kNotActivatedId);
        QCOMPARE(changed.count(), 1);
        QVERIFY(library.find(templates::kNotActivatedId)->needsActivation);
        QVERIFY(saved.wait());

        // 720p refused: it and 1080p go, in the catalog's order of the template's model.
        library.markQualityRefused(templates::kAudienceReactionId, QStringLiteral("720p"));
        const QStringList audience = library.find(templates::kAudienceReactionId)->qualities;
        QVERIFY2(!audience.contains(QStringLiteral("720p")), qPrintable(audience.join(u',')));
        QVERIFY(!audience.contains(QStringLiteral("1080p")));
        QVERIFY(audience.contains(QStringLiteral("540p")));
        QVERIFY(saved.wait());
        library.markQualityRefused(templates::kLowQualityOnlyId, QStringLiteral("540p"));
        QCOMPARE(library.find(templates::kLowQualityOnlyId)->qualities,
                 QStringList{QStringLiteral("360p")});
        QVERIFY(saved.wait());
        QCOMPARE(saved.count(), 3);

        // A refresh the creator asks for brings the list as the service sends it: the refused
        // qualities stay, the activation mark goes (it may be activated since; a 500070 marks it
        // again).
        QCOMPARE(refreshToEnd(library, true), QString());
        QVERIFY(!library.find(templates::kNotActivatedId)->needsActivation);
        QCOMPARE(library.find(templates::kAudienceReactionId)->qualities, audience);
        QCOMPARE(library.find(templates::kLowQualityOnlyId)->qualities,
                 QStringList{QStringLiteral("360p")});
        QVERIFY(saved.wait());
        library.markNeedsActivation(templates::kNotActivatedId);
        QVERIFY(library.find(templates::kNotActivatedId)->needsActivation);
        QVERIFY(saved.wait());
    }
    TemplateLibrary restarted(path);
    QSignalSpy changed(&restarted, &TemplateLibrary::templatesChanged);
    restarted.load();
    QVERIFY(changed.wait());
    QVERIFY(restarted.find(templates::kNotActivatedId)->needsActivation);
    QVERIFY(!restarted.find(templates::kTwoImageId)->needsActivation);
    QCOMPARE(restarted.find(templates::kLowQualityOnlyId)->qualities,
             QStringList{QStringLiteral("360p")});
    QVERIFY(!restarted.find(templates::kAudienceReactionId)
                 ->qualities.contains(QStringLiteral("1080p")));
    // And they hold for a list that replaces it (a benchmark's, say).
    EffectTemplate alone;
    alone.id = templates::kNotActivatedId;
    restarted.replaceTemplates({alone});
    QVERIFY(restarted.find(templates::kNotActivatedId)->needsActivation);
}

void TestTemplateLibrary::marksJustBeforeQuittingReachTheFile() {
    const QString path = cachePath("quitting.json");
    {
        TemplateLibrary library(path);
        library.setBackend(m_default->backend.get());
        QCOMPARE(refreshToEnd(library, false), QString());
        // The refresh's write may still run: these wait for it, and the library goes at once.
        library.markNeedsActivation(templates::kTwoImageId);
        library.markQualityRefused(templates::kTextOnlyId, QStringLiteral("1080p"));
    }
    TemplateLibrary restarted(path);
    QSignalSpy changed(&restarted, &TemplateLibrary::templatesChanged);
    restarted.load();
    QVERIFY(changed.wait());
    QVERIFY(restarted.find(templates::kTwoImageId)->needsActivation);
    QVERIFY(!restarted.find(templates::kTextOnlyId)->qualities.contains(QStringLiteral("1080p")));
    QVERIFY(!restarted.find(templates::kTextOnlyId)->qualities.isEmpty());
}

void TestTemplateLibrary::failedRefreshKeepsTheList() {
    TemplateLibrary library(cachePath("failed.json"));
    library.setBackend(m_default->backend.get());
    QCOMPARE(refreshToEnd(library, false), QString());
    const QList<EffectTemplate> before = library.templates();
    const QDateTime fetchedAt = library.fetchedAt();

    sandbox::SandboxFault fault;
    fault.kind = sandbox::SandboxFault::Kind::HttpStatus;
    fault.httpStatus = 503;
    fault.pathContains = QStringLiteral("effects/templates/list");
    fault.count = -1;
    m_default->host->injectFault(fault);
    QSignalSpy changed(&library, &TemplateLibrary::templatesChanged);
    const QString error = refreshToEnd(library, true);
    m_default->host->clearFaults();
    QVERIFY(!error.isEmpty());
    QVERIFY2(error != QStringLiteral("the refresh did not end"), qPrintable(error));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(library.templates(), before);
    QCOMPARE(library.fetchedAt(), fetchedAt);
    QVERIFY(!library.isRefreshing());
}

void TestTemplateLibrary::failureOnALaterPageKeepsTheList() {
    Service service(120);
    QVERIFY(service.start(&m_network));
    TemplateLibrary library(cachePath("later-page.json"));
    library.setBackend(service.backend.get());
    QCOMPARE(refreshToEnd(library, false), QString());
    const QList<EffectTemplate> before = library.templates();
    QCOMPARE(before.size(), 120);

    // Russian this time, so a half-replaced list would show: page 2 answers garbage.
    library.setLanguage(QStringLiteral("ru"));
    service.backend->beforeRequest = [&service](const TemplateQuery& query) {
        if (query.page != 2)
            return;
        sandbox::SandboxFault fault;
        fault.kind = sandbox::SandboxFault::Kind::MalformedJson;
        fault.pathContains = QStringLiteral("effects/templates/list");
        fault.count = -1; // garbled at every resend too
        service.host->injectFault(fault);
    };
    const QString error = refreshToEnd(library, false);
    service.backend->beforeRequest = nullptr;
    service.host->clearFaults();
    QVERIFY(!error.isEmpty());
    QCOMPARE(library.templates(), before);
}

void TestTemplateLibrary::damagedCacheIsIgnored() {
    const QString path = cachePath("damaged.json");
    for (const QByteArray& damage :
         {QByteArray("{\"version\": 1, \"templates\": [{\"name\": "), QByteArray("[1, 2, 3]"),
          QJsonDocument(QJsonObject{{QStringLiteral("version"), 99}}).toJson()}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(damage);
        file.close();
        TemplateLibrary library(path);
        library.setBackend(m_default->backend.get());
        library.load();
        QSignalSpy finished(&library, &TemplateLibrary::refreshFinished);
        QSignalSpy saved(&library, &TemplateLibrary::cacheSaved);
        library.refresh(); // waits for the read, then fetches: the cache had nothing usable
        QVERIFY(finished.wait());
        QCOMPARE(finished.first().first().toString(), QString());
        QCOMPARE(library.templates().size(), templates::kDefaultTemplateCount);
        QVERIFY(saved.count() > 0 || saved.wait());
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(written.readAll())
                     .object()
                     .value(QStringLiteral("templates"))
                     .toArray()
                     .size(),
                 templates::kDefaultTemplateCount);
    }
}

QTEST_GUILESS_MAIN(TestTemplateLibrary)
#include "tst_templatelibrary.moc"
