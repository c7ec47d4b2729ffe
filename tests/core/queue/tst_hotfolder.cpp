// The hot folder (issue 19) over a real sandbox, a real job store and real files in a
// temporary folder: what it takes, when, how often, where the files go, and the daily cap.
#include "core/generation/ModelCatalog.h"
#include "core/generation/PriceQuote.h"
#include "core/queue/HotFolder.h"
#include "tests/core/jobs/JobTestFixture.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace pixverse;
using namespace pixverse::test;

namespace {

constexpr int kStableMs = 300;

QJsonObject defaults() {
    return {{QStringLiteral("model"), QStringLiteral("v4.5")},
            {QStringLiteral("quality"), QStringLiteral("540p")},
            {QStringLiteral("duration"), 5},
            {QStringLiteral("prompt"), QStringLiteral("The picture comes alive")}};
}

//! What one v4.5 540p 5 s video costs by the table.
qint64 onePrice() {
    GenerationRequest request = JobTestBed::request(QStringLiteral("any"));
    return *quotePrice(request, ModelCatalog::builtIn(), ApiFamily::OpenApi).credits;
}

} // namespace

class TestHotFolder : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<JobTestBed> m_bed;
    std::unique_ptr<HotFolder> m_folder;

    QString hotDir() const { return m_bed->dir.filePath(QStringLiteral("hot")); }
    QString inHot(const QString& name) const { return QDir(hotDir()).filePath(name); }
    QString inDone(const QString& name) const {
        return QDir(hotDir()).filePath(HotFolder::doneFolderName() + u'/' + name);
    }
    QString inRefused(const QString& name) const {
        return QDir(hotDir()).filePath(HotFolder::refusedFolderName() + u'/' + name);
    }
    bool write(const QString& name, const QByteArray& bytes,
               QIODevice::OpenMode mode = QIODevice::WriteOnly) const {
        QFile file(inHot(name));
        return file.open(mode) && file.write(bytes) == bytes.size();
    }
    //! A new engine and hot folder over the bed's store, as an app (re)started would make them.
    HotFolder* startFolder(std::optional<qint64> dailyCredits = std::nullopt,
                           int stableMs = kStableMs) {
        m_folder.reset();
        m_bed->makeEngine(m_bed->fastOptions());
        m_bed->engine->start();
        m_folder = std::make_unique<HotFolder>(m_bed->engine.get(), &ModelCatalog::builtIn(),
                                               ApiFamily::OpenApi, nullptr);
        HotFolderOptions options;
        options.folder = hotDir();
        options.defaults = defaults();
        options.dailyCredits = dailyCredits;
        options.stableMs = stableMs;
        options.rescanMs = 200;
        if (!m_folder->start(options))
            qWarning() << m_folder->errorString();
        return m_folder.get();
    }
    QStringList origins() const {
        QStringList out;
        for (const Job& job : m_bed->store->jobs())
            out << job.origin;
        return out;
    }

private Q_SLOTS:
    void init() {
        m_bed = std::make_unique<JobTestBed>();
        QVERIFY2(m_bed->ok(), qPrintable(m_bed->error));
        QVERIFY(QDir().mkpath(hotDir()));
    }
    void cleanup() {
        m_folder.reset();
        m_bed.reset();
    }

    void anImageAndAPromptListBecomeJobsAndMoveToDone() {
        HotFolder* folder = startFolder();
        QVERIFY(folder->isWatching());
        QSignalSpy queued(folder, &HotFolder::fileQueued);
        const QString png = m_bed->makePng(QStringLiteral("harbour.png"), Qt::darkCyan);
        QVERIFY(QFile::rename(png, inHot(QStringLiteral("harbour.png"))));
        QVERIFY(write(QStringLiteral("prompts.txt"),
                      "# two shots\nA lighthouse in a storm\n\nA ship at dawn\n"));

        QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 2, 10000);
        QTRY_VERIFY(QFileInfo::exists(inDone(QStringLiteral("harbour.png"))));
        QTRY_VERIFY(QFileInfo::exists(inDone(QStringLiteral("prompts.txt"))));
        QVERIFY(!QFileInfo::exists(inHot(QStringLiteral("harbour.png"))));
        QCOMPARE(m_bed->store->jobs().size(), 3);
        for (const QString& origin : origins())
            QVERIFY2(origin.startsWith(u"hot:"), qPrintable(origin));
        int images = 0;
        QStringList prompts;
        for (const Job& job : m_bed->store->jobs()) {
            images += job.request.mode == GenerationMode::ImageToVideo ? 1 : 0;
            prompts << job.request.prompt;
        }
        QCOMPARE(images, 1);
        QVERIFY(prompts.contains(QStringLiteral("A lighthouse in a storm")));
        QVERIFY(prompts.contains(QStringLiteral("A ship at dawn")));
        // The price told for the prompt list is the table's, two videos.
        for (const QList<QVariant>& args : std::as_const(queued))
            if (args.at(0).toString() == u"prompts.txt")
                QCOMPARE(args.at(2).toLongLong(), 2 * onePrice());
        // And the engine sends them: the sandbox is asked for three videos.
        QTRY_COMPARE_WITH_TIMEOUT(m_bed->sandbox->stats().generationsCreated, qint64(3), 20000);
        QVERIFY(m_bed->sandbox->stats().uploads >= 1);
    }

    void aFileStillBeingWrittenIsTakenOnceWhenItStops() {
        // A writer appends a line every 100 ms, far less than the stable time (a loaded machine
        // may delay a step): the file is not taken meanwhile.
        HotFolder* folder = startFolder(std::nullopt, 1500);
        QSignalSpy queued(folder, &HotFolder::fileQueued);
        int written = 0;
        QTimer writer;
        bool takenEarly = false;
        QObject::connect(&writer, &QTimer::timeout, this, [&] {
            takenEarly = takenEarly || !m_bed->store->jobs().isEmpty() ||
                         QFileInfo::exists(inDone(QStringLiteral("growing.txt")));
            if (written == 8) {
                writer.stop();
                return;
            }
            ++written;
            write(QStringLiteral("growing.txt"),
                  QStringLiteral("A lighthouse in a storm, part %1\n").arg(written).toUtf8(),
                  QIODevice::Append);
        });
        writer.start(100);
        QTRY_VERIFY(!writer.isActive());
        QVERIFY2(!takenEarly, "taken while it was still being written");

        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(inDone(QStringLiteral("growing.txt"))), 10000);
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().at(1).toInt(), 8); // every line: read once it was whole
        QCOMPARE(m_bed->store->jobs().size(), 8);
        QVERIFY(!QFileInfo::exists(inHot(QStringLiteral("growing.txt"))));
    }

    void aRestartWithTheFilePutBackDoesNotQueueItAgain() {
        HotFolder* folder = startFolder();
        QSignalSpy queued(folder, &HotFolder::fileQueued);
        QVERIFY(write(QStringLiteral("once.txt"), "A lighthouse in a storm\n"));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(inDone(QStringLiteral("once.txt"))), 10000);
        QCOMPARE(queued.size(), 1);
        QCOMPARE(m_bed->store->jobs().size(), 1);

        // The app quits and starts again over the same store; the creator drops the file again.
        folder = startFolder();
        QSignalSpy queuedAgain(folder, &HotFolder::fileQueued);
        QSignalSpy alreadyTaken(folder, &HotFolder::fileAlreadyTaken);
        QVERIFY(
            QFile::rename(inDone(QStringLiteral("once.txt")), inHot(QStringLiteral("once.txt"))));
        QTRY_COMPARE_WITH_TIMEOUT(alreadyTaken.size(), 1, 10000);
        QCOMPARE(alreadyTaken.first().at(0).toString(), QStringLiteral("once.txt"));
        QTRY_VERIFY(QFileInfo::exists(inDone(QStringLiteral("once.txt"))));
        QVERIFY(!QFileInfo::exists(inHot(QStringLiteral("once.txt"))));
        QCOMPARE(queuedAgain.size(), 0);
        QCOMPARE(m_bed->store->jobs().size(), 1);

        // The same content under another name is the same file: once.
        QVERIFY(write(QStringLiteral("copy of once.txt"), "A lighthouse in a storm\n"));
        QTRY_COMPARE_WITH_TIMEOUT(alreadyTaken.size(), 2, 10000);
        QTRY_VERIFY(QFileInfo::exists(inDone(QStringLiteral("copy of once.txt"))));
        QCOMPARE(m_bed->store->jobs().size(), 1);
    }

    void refusedFilesGoToRefusedWithTheirReason() {
        HotFolder* folder = startFolder();
        QSignalSpy refused(folder, &HotFolder::fileRefused);
        QSignalSpy queued(folder, &HotFolder::fileQueued);
        // A link to itself (a loop), and a prompt list with nothing to make.
        QVERIFY(QFile::link(inHot(QStringLiteral("loop.png")), inHot(QStringLiteral("loop.png"))));
        QVERIFY(write(QStringLiteral("empty.txt"), "# nothing yet\n\n"));

        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 2, 10000);
        QVERIFY(QFileInfo(inRefused(QStringLiteral("loop.png"))).isSymLink());
        QVERIFY(QFileInfo::exists(inRefused(QStringLiteral("empty.txt"))));
        QFile reason(inRefused(QStringLiteral("loop.png.txt")));
        QVERIFY(reason.open(QIODevice::ReadOnly));
        const QByteArray loopReason = reason.readAll();
        QVERIFY2(loopReason.contains("leads nowhere or to itself"), loopReason.constData());
        QFile emptyReason(inRefused(QStringLiteral("empty.txt.txt")));
        QVERIFY(emptyReason.open(QIODevice::ReadOnly));
        QVERIFY(!emptyReason.readAll().trimmed().isEmpty());
        QCOMPARE(queued.size(), 0);
        QVERIFY(m_bed->store->jobs().isEmpty());
        // The folder keeps going after them.
        QVERIFY(write(QStringLiteral("after.txt"), "A ship at dawn\n"));
        QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 1, 10000);
    }

    void theDailyCapHoldsAFileUntilTheNextDay() {
        QDateTime clock = QDateTime::currentDateTime();
        // Room for one video today, not two.
        HotFolder* folder = startFolder(onePrice() + onePrice() / 2);
        folder->setClock([&clock] { return clock; });
        QSignalSpy queued(folder, &HotFolder::fileQueued);
        QSignalSpy capped(folder, &HotFolder::capReached);
        QVERIFY(write(QStringLiteral("first.txt"), "A lighthouse in a storm\n"));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(inDone(QStringLiteral("first.txt"))), 10000);
        QCOMPARE(folder->creditsToday(), onePrice());

        QVERIFY(write(QStringLiteral("second.txt"), "A ship at dawn\n"));
        QTRY_COMPARE_WITH_TIMEOUT(capped.size(), 1, 10000);
        QVERIFY(capped.first().at(0).toString().contains(u"second.txt"));
        QCOMPARE(queued.size(), 1);
        QCOMPARE(m_bed->store->jobs().size(), 1);
        QVERIFY(QFileInfo::exists(inHot(QStringLiteral("second.txt"))));

        // Tomorrow it fits again; the cap was told once.
        clock = clock.addDays(1);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(inDone(QStringLiteral("second.txt"))), 10000);
        QCOMPARE(queued.size(), 2);
        QCOMPARE(capped.size(), 1);
        QCOMPARE(m_bed->store->jobs().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestHotFolder)
#include "tst_hotfolder.moc"
