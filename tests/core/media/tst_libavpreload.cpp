// ffmpeg's libraries stay out of the process until a video is about to be read (issue 20: they
// are 132 shared objects and about 29 MB resident). media::preloadLibavSoon() loads them on the
// thread pool, once, however often it is called; the first read then finds them loaded.
#include "core/media/LibavInput.h"

#include <QFile>
#include <QTest>
#include <QThreadPool>

using namespace pixverse;

namespace {

//! Whether a shared object whose name starts with `name` is mapped into this process.
bool mapped(const char* name) {
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return false;
    return maps.readAll().contains(QByteArray("/").append(name));
}

} // namespace

class TestLibavPreload : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void notLoadedUntilAsked();
    void loadsOnThePoolOnce();
};

void TestLibavPreload::notLoadedUntilAsked() {
    QVERIFY(QFile::exists(QStringLiteral("/proc/self/maps")));
    QVERIFY(mapped("libQt6Core.so")); // the check sees what is loaded
    QVERIFY(!mapped("libavcodec.so"));
    QVERIFY(!mapped("libavformat.so"));
}

void TestLibavPreload::loadsOnThePoolOnce() {
    QThreadPool* pool = QThreadPool::globalInstance();
    media::preloadLibavSoon();
    QTRY_VERIFY_WITH_TIMEOUT(
        mapped("libavcodec.so") && mapped("libavformat.so") && mapped("libswscale.so"), 30000);
    QVERIFY(pool->waitForDone(30000));
    // Later calls start nothing: the pool stays idle.
    for (int i = 0; i < 5; ++i)
        media::preloadLibavSoon();
    QCOMPARE(pool->activeThreadCount(), 0);
    QVERIFY(mapped("libavcodec.so"));
}

QTEST_GUILESS_MAIN(TestLibavPreload)
#include "tst_libavpreload.moc"
