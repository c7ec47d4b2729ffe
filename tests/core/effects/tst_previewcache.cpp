// PreviewCache against the sandbox's real preview clips and stills over loopback (issue 17):
// one download per URL, the cap, failures that leave nothing behind, and the index on restart.
#include "core/effects/PreviewCache.h"
#include "core/effects/TemplateLibrary.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/core/effects/ListingBackend.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace pixverse;

namespace {

struct Outcome {
    bool answered = false;
    QString file;
    QString error;
};

//! fetch(`url`) and wait for its answer.
Outcome fetchOne(PreviewCache& cache, const QString& url) {
    Outcome outcome;
    QEventLoop loop;
    QObject::connect(&cache, &PreviewCache::previewReady, &loop,
                     [&](const QString& readyUrl, const QString& file) {
                         if (readyUrl != url)
                             return;
                         outcome = {true, file, {}};
                         loop.quit();
                     });
    QObject::connect(&cache, &PreviewCache::previewFailed, &loop,
                     [&](const QString& failedUrl, const QString& error) {
                         if (failedUrl != url)
                             return;
                         outcome = {true, {}, error};
                         loop.quit();
                     });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    cache.fetch(url);
    if (!outcome.answered)
        loop.exec();
    return outcome;
}

//! Every file in `dir` (name → size), whatever its name.
QHash<QString, qint64> filesIn(const QString& dir) {
    QHash<QString, qint64> files;
    for (const QFileInfo& info : QDir(dir).entryInfoList(QDir::Files | QDir::Hidden))
        files.insert(info.fileName(), info.size());
    return files;
}

qint64 bytesIn(const QString& dir) {
    qint64 total = 0;
    for (const qint64 size : filesIn(dir))
        total += size;
    return total;
}

QByteArray head(const QString& file, int bytes) {
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.read(bytes) : QByteArray();
}

} // namespace

class TestPreviewCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void downloadsOnceThenServesTheCache();
    void stillsAreCachedToo();
    void evictsTheLeastRecentlyUsed();
    void manyAtOnceStayUnderTheCap();
    void failedDownloadsLeaveNothing();
    void aPreviewLargerThanTheCapIsRefused();
    void aNewCacheFindsTheFiles();
    void withoutANetworkEveryFetchFails();

private:
    qint64 requests() const { return m_sandbox->stats().previewRequests; }
    QString dir(const char* name) const { return m_dir.filePath(QLatin1String(name)); }

    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
    QStringList m_clips;  //!< distinct preview clip URLs from the list
    QStringList m_stills; //!< distinct still URLs
};

void TestPreviewCache::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_sandbox = std::make_unique<sandbox::SandboxHost>();
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    ApiClient client(&m_network);
    client.setBaseUrl(m_sandbox->baseUrl());
    test::ListingBackend backend(&client, m_sandbox->defaultApiKey());
    TemplateLibrary library(dir("templates.json"));
    library.setBackend(&backend);
    QSignalSpy finished(&library, &TemplateLibrary::refreshFinished);
    library.refresh();
    QVERIFY(finished.wait());
    QCOMPARE(finished.first().first().toString(), QString());
    for (const EffectTemplate& t : library.templates()) {
        if (!t.previewUrl.isEmpty() && !m_clips.contains(t.previewUrl))
            m_clips << t.previewUrl;
        if (!t.thumbnailUrl.isEmpty() && !m_stills.contains(t.thumbnailUrl))
            m_stills << t.thumbnailUrl;
    }
    QVERIFY2(m_clips.size() >= 4, "the sandbox lists at least four distinct preview clips");
    QVERIFY(!m_stills.isEmpty());
}

void TestPreviewCache::downloadsOnceThenServesTheCache() {
    PreviewCache cache(dir("once"), 50LL * 1024 * 1024, &m_network);
    const QString url = m_clips.first();
    QCOMPARE(cache.cachedFile(url), QString());
    const qint64 before = requests();
    const Outcome first = fetchOne(cache, url);
    QVERIFY2(first.answered && first.error.isEmpty(), qPrintable(first.error));
    QCOMPARE(requests() - before, 1);
    QVERIFY(first.file.startsWith(dir("once")));
    QVERIFY(first.file.endsWith(QStringLiteral(".mp4")));
    QCOMPARE(head(first.file, 8).mid(4), QByteArray("ftyp"));
    QCOMPARE(cache.cachedFile(url), first.file);
    QCOMPARE(cache.usedBytes(), QFileInfo(first.file).size());

    // Served from the disk: no request.
    const Outcome second = fetchOne(cache, url);
    QCOMPARE(second.file, first.file);
    QCOMPARE(requests() - before, 1);

    // Asked twice while under way: downloaded once, announced once.
    const QString other = m_clips.at(1);
    QSignalSpy ready(&cache, &PreviewCache::previewReady);
    cache.fetch(other);
    cache.fetch(other);
    QTRY_COMPARE(ready.count(), 1);
    QCOMPARE(ready.first().first().toString(), other);
    QCOMPARE(requests() - before, 2);
    QCOMPARE(filesIn(dir("once")).size(), 2);
}

void TestPreviewCache::stillsAreCachedToo() {
    PreviewCache cache(dir("stills"), 50LL * 1024 * 1024, &m_network);
    const Outcome still = fetchOne(cache, m_stills.first());
    QVERIFY2(still.answered && still.error.isEmpty(), qPrintable(still.error));
    QVERIFY(still.file.endsWith(QStringLiteral(".jpg")));
    QCOMPARE(head(still.file, 3), QByteArray("\xFF\xD8\xFF"));
}

void TestPreviewCache::evictsTheLeastRecentlyUsed() {
    // The sizes first, from a cache without a cap to speak of.
    PreviewCache sizer(dir("sizes"), 50LL * 1024 * 1024, &m_network);
    QHash<QString, qint64> sizes;
    for (int i = 0; i < 3; ++i) {
        const Outcome o = fetchOne(sizer, m_clips.at(i));
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        sizes.insert(m_clips.at(i), QFileInfo(o.file).size());
    }
    const QString a = m_clips.at(0), b = m_clips.at(1), c = m_clips.at(2);
    // Room for a with b, or a with c, never all three.
    const qint64 cap = std::max(sizes[a] + sizes[b], sizes[a] + sizes[c]);
    PreviewCache cache(dir("lru"), cap, &m_network);
    QVERIFY(fetchOne(cache, a).error.isEmpty());
    const Outcome fromB = fetchOne(cache, b);
    QVERIFY(fromB.error.isEmpty());
    QCOMPARE(cache.usedBytes(), sizes[a] + sizes[b]);
    QVERIFY(!cache.cachedFile(a).isEmpty()); // a is used now: b is the oldest
    const Outcome fromC = fetchOne(cache, c);
    QVERIFY(fromC.error.isEmpty());
    QVERIFY(cache.usedBytes() <= cap);
    QCOMPARE(cache.cachedFile(b), QString());
    QVERIFY(!QFile::exists(fromB.file));
    QVERIFY(!cache.cachedFile(a).isEmpty());
    QCOMPARE(cache.cachedFile(c), fromC.file);
    QCOMPARE(cache.usedBytes(), sizes[a] + sizes[c]);
    QCOMPARE(bytesIn(dir("lru")), cache.usedBytes());
}

void TestPreviewCache::manyAtOnceStayUnderTheCap() {
    // The largest preview the sandbox serves: its build-time clips and stills.
    qint64 largest = 0;
    for (const qint64 size : filesIn(QDir(test::clipsDir()).filePath(QStringLiteral("templates"))))
        largest = std::max(largest, size);
    QVERIFY(largest > 0);
    const qint64 cap = 2 * largest + largest / 2;
    const QStringList urls = m_clips.mid(0, 8) + m_stills.mid(0, 4);
    PreviewCache cache(dir("many"), cap, &m_network);
    qint64 mostUsed = 0;
    qint64 mostOnDisk = 0;
    int answers = 0;
    connect(&cache, &PreviewCache::previewReady, this, [&] {
        ++answers;
        mostUsed = std::max(mostUsed, cache.usedBytes());
        mostOnDisk = std::max(mostOnDisk, bytesIn(dir("many")));
    });
    QSignalSpy failed(&cache, &PreviewCache::previewFailed);
    for (const QString& url : urls)
        cache.fetch(url);
    QTRY_COMPARE_WITH_TIMEOUT(answers, int(urls.size()), 30000);
    QCOMPARE(failed.count(), 0);
    QVERIFY(mostUsed <= cap);
    QVERIFY(mostOnDisk <= cap);
    QCOMPARE(bytesIn(dir("many")), cache.usedBytes());
    QVERIFY(!cache.cachedFile(urls.last()).isEmpty());
}

void TestPreviewCache::failedDownloadsLeaveNothing() {
    const QString where = dir("failures");
    PreviewCache cache(where, 50LL * 1024 * 1024, &m_network);
    QVERIFY(fetchOne(cache, m_clips.first()).error.isEmpty());
    const QHash<QString, qint64> before = filesIn(where);
    const qint64 used = cache.usedBytes();

    QUrl missing = m_sandbox->baseUrl();
    missing.setPath(QStringLiteral("/previews/no-such-preview.mp4"));
    // Answered, but with JSON (no key), not media.
    QUrl notMedia = m_sandbox->baseUrl();
    notMedia.setPath(QStringLiteral("/openapi/v2/video/effects/templates/list"));
    const QStringList bad{missing.toString(), notMedia.toString(), QStringLiteral("not a url"),
                          QStringLiteral("ftp://127.0.0.1/clip.mp4"), QString()};
    for (const QString& url : bad) {
        const Outcome o = fetchOne(cache, url);
        QVERIFY2(o.answered, qPrintable(url));
        QVERIFY2(!o.error.isEmpty(), qPrintable(url));
        QVERIFY(o.file.isEmpty());
        QCOMPARE(cache.cachedFile(url), QString());
    }
    // A download cut halfway by the server.
    sandbox::SandboxFault cut;
    cut.kind = sandbox::SandboxFault::Kind::TruncateBody;
    cut.pathContains = QUrl(m_clips.at(1)).path();
    cut.count = -1;
    m_sandbox->injectFault(cut);
    const Outcome truncated = fetchOne(cache, m_clips.at(1));
    m_sandbox->clearFaults();
    QVERIFY(!truncated.error.isEmpty());
    QCOMPARE(filesIn(where), before);
    QCOMPARE(cache.usedBytes(), used);
    // It is tried again when asked again.
    QVERIFY(fetchOne(cache, m_clips.at(1)).error.isEmpty());
}

void TestPreviewCache::aPreviewLargerThanTheCapIsRefused() {
    PreviewCache cache(dir("tiny"), 1000, &m_network);
    const Outcome o = fetchOne(cache, m_clips.first());
    QVERIFY(o.answered);
    QVERIFY(!o.error.isEmpty());
    QVERIFY(filesIn(dir("tiny")).isEmpty());
    QCOMPARE(cache.usedBytes(), 0);
}

void TestPreviewCache::aNewCacheFindsTheFiles() {
    const QString where = dir("restart");
    QString file;
    qint64 used = 0;
    {
        PreviewCache cache(where, 50LL * 1024 * 1024, &m_network);
        file = fetchOne(cache, m_clips.first()).file;
        QVERIFY(!file.isEmpty());
        QVERIFY(fetchOne(cache, m_stills.first()).error.isEmpty());
        used = cache.usedBytes();
    }
    PreviewCache again(where, 50LL * 1024 * 1024, &m_network);
    QTRY_VERIFY(!again.cachedFile(m_clips.first()).isEmpty()); // indexed on the thread pool
    QCOMPARE(again.cachedFile(m_clips.first()), file);
    QCOMPARE(again.usedBytes(), used);
    const qint64 before = requests();
    QCOMPARE(fetchOne(again, m_stills.first()).error, QString());
    QCOMPARE(requests(), before);

    // A smaller cap than the files hold: the oldest go at once.
    PreviewCache smaller(where, used - 1, &m_network);
    QTRY_VERIFY(smaller.usedBytes() > 0 && smaller.usedBytes() <= used - 1);
    QTRY_VERIFY(bytesIn(where) <= used - 1);
}

void TestPreviewCache::withoutANetworkEveryFetchFails() {
    PreviewCache cache(dir("offline"), 50LL * 1024 * 1024, nullptr);
    const Outcome o = fetchOne(cache, m_clips.first());
    QVERIFY(o.answered);
    QVERIFY(!o.error.isEmpty());
    QVERIFY(filesIn(dir("offline")).isEmpty());
}

QTEST_GUILESS_MAIN(TestPreviewCache)
#include "tst_previewcache.moc"
