// `pixverse-studio-cli watch DIR --out DIR` against the sandbox (issue 19): files dropped into
// the folder are sent and saved, SIGINT ends the run cleanly, and a second run never sends a
// file the first one took, even when it is put back into the folder.
#include "core/jobs/JobStore.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/e2e/CliProcess.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace pixverse;
using namespace pixverse::test;

namespace {

//! A running `watch`, its output gathered as it comes.
class WatchRun {
public:
    WatchRun(const QString& cli, const QStringList& arguments, const QProcessEnvironment& env) {
        m_process.setProcessEnvironment(env);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput,
                         [this] { m_out += QString::fromUtf8(m_process.readAllStandardOutput()); });
        QObject::connect(&m_process, &QProcess::readyReadStandardError,
                         [this] { m_err += QString::fromUtf8(m_process.readAllStandardError()); });
        m_process.start(cli, arguments);
    }
    ~WatchRun() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    const QString& out() const { return m_out; }
    const QString& err() const { return m_err; }
    bool running() const { return m_process.state() == QProcess::Running; }
    int lines(const QString& containing) const {
        return int(m_out.split(u'\n').filter(containing).size());
    }
    //! Sends `signal` and waits for the end; the exit code, or -1 when it crashed or hung.
    int interrupt(int signal) {
        ::kill(pid_t(m_process.processId()), signal);
        if (!m_process.waitForFinished(30000))
            return -1;
        m_out += QString::fromUtf8(m_process.readAllStandardOutput());
        m_err += QString::fromUtf8(m_process.readAllStandardError());
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

private:
    QProcess m_process;
    QString m_out;
    QString m_err;
};

} // namespace

class TestCliWatch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        m_cli = appExecutable(QStringLiteral("pixverse-studio-cli"));
        QVERIFY(!m_cli.isEmpty());
        m_sandbox = std::make_unique<sandbox::SandboxHost>();
        QVERIFY(m_sandbox->start());
        m_sandbox->setClockSpeed(200);
        m_sandbox->setCredits(m_sandbox->defaultApiKey(), 1000000, 0);
    }

    void usageErrors() {
        const QProcessEnvironment env = environment();
        const CliRun noFolder = runCli(m_cli, L({"watch", "--out", "x"}), env, 30000);
        QCOMPARE(noFolder.exitCode, 2);
        QVERIFY2(noFolder.err.contains(u"watch needs one folder"), qPrintable(noFolder.why()));
        const CliRun noOut = runCli(m_cli, {QStringLiteral("watch"), hotDir()}, env, 30000);
        QCOMPARE(noOut.exitCode, 2);
        QVERIFY2(noOut.err.contains(u"--out"), qPrintable(noOut.why()));
        const CliRun image = runCli(m_cli,
                                    {QStringLiteral("watch"), hotDir(), QStringLiteral("--out"),
                                     outDir(), QStringLiteral("--image"), QStringLiteral("x.png")},
                                    env, 30000);
        QCOMPARE(image.exitCode, 2);
        QVERIFY2(image.err.contains(u"--image goes with"), qPrintable(image.why()));
    }

    void filesAreSentOnceAcrossRuns() {
        QVERIFY(QDir().mkpath(hotDir()));
        const qint64 before = m_sandbox->stats().generationsCreated;
        {
            WatchRun run(m_cli, arguments(), environment());
            QTRY_VERIFY2_WITH_TIMEOUT(run.err().contains(u"Watching"), qPrintable(run.err()),
                                      30000);
            // Two files: a prompt list and an image (written elsewhere, then moved in).
            QFile prompts(m_dir.filePath(QStringLiteral("prompts.txt")));
            QVERIFY(prompts.open(QIODevice::WriteOnly));
            prompts.write("A lighthouse in a storm\n");
            prompts.close();
            QVERIFY(QFile::rename(prompts.fileName(), inHot(QStringLiteral("prompts.txt"))));
            QImage image(640, 360, QImage::Format_RGB32);
            image.fill(QColor(20, 90, 160));
            QVERIFY(image.save(inHot(QStringLiteral(".harbour.png.part")), "PNG"));
            QVERIFY(QFile::rename(inHot(QStringLiteral(".harbour.png.part")),
                                  inHot(QStringLiteral("harbour.png"))));

            QTRY_COMPARE_WITH_TIMEOUT(run.lines(QStringLiteral("queued")), 2, 60000);
            QTRY_COMPARE_WITH_TIMEOUT(run.lines(QStringLiteral("Saved ")), 2, 60000);
            QCOMPARE(m_sandbox->stats().generationsCreated - before, qint64(2));
            QVERIFY(QFileInfo::exists(inDone(QStringLiteral("prompts.txt"))));
            QVERIFY(QFileInfo::exists(inDone(QStringLiteral("harbour.png"))));
            QCOMPARE(QDir(outDir()).entryList({QStringLiteral("*.mp4")}, QDir::Files).size(), 2);
            QCOMPARE(run.interrupt(SIGINT), 0);
            QVERIFY2(run.err().contains(u"Stopped"), qPrintable(run.err()));
        }
        // Again, over the same --out; the prompt list is put back into the folder.
        {
            WatchRun run(m_cli, arguments(), environment());
            QTRY_VERIFY2_WITH_TIMEOUT(run.err().contains(u"Watching"), qPrintable(run.err()),
                                      30000);
            QVERIFY(QFile::rename(inDone(QStringLiteral("prompts.txt")),
                                  inHot(QStringLiteral("prompts.txt"))));
            // Either line comes before the file leaves the folder.
            QTRY_VERIFY_WITH_TIMEOUT(run.lines(QStringLiteral("was queued before")) +
                                             run.lines(QStringLiteral("queued for")) >=
                                         1,
                                     30000);
            QTRY_VERIFY(QFileInfo::exists(inDone(QStringLiteral("prompts.txt"))));
            const bool sentOnce = run.lines(QStringLiteral("was queued before")) == 1 &&
                                  run.lines(QStringLiteral("queued for")) == 0;
            // The job store keeps each job's origin on disk (schema 8): a new process knows it.
            QVERIFY2(sentOnce, qPrintable(run.out()));
            QCOMPARE(run.interrupt(SIGTERM), 0);
            if (sentOnce)
                QCOMPARE(m_sandbox->stats().generationsCreated - before, qint64(2));
        }
    }

private:
    QString hotDir() const { return m_dir.filePath(QStringLiteral("hot")); }
    QString outDir() const { return m_dir.filePath(QStringLiteral("out")); }
    QString inHot(const QString& name) const { return QDir(hotDir()).filePath(name); }
    QString inDone(const QString& name) const {
        return QDir(hotDir()).filePath(QStringLiteral("done/") + name);
    }
    QProcessEnvironment environment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PXTEST_KEY"), m_sandbox->defaultApiKey());
        return env;
    }
    QStringList arguments() const {
        return {QStringLiteral("watch"),
                hotDir(),
                QStringLiteral("--out"),
                outDir(),
                QStringLiteral("--prompt"),
                QStringLiteral("The harbour comes alive"),
                QStringLiteral("--base-url"),
                m_sandbox->baseUrl().toString(),
                QStringLiteral("--api-key-env"),
                QStringLiteral("PXTEST_KEY"),
                QStringLiteral("--poll-interval-ms"),
                QStringLiteral("100")};
    }

    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    QTemporaryDir m_dir;
    QString m_cli;
};

QTEST_GUILESS_MAIN(TestCliWatch)
#include "tst_cli_watch.moc"
