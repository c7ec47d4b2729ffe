// Start-up time of the app against the empty-window baseline, in the same run (issue 9).
//   bench_startup [--runs N] [--platform offscreen|xcb] [--app PATH] [--baseline PATH] [-- app
//   args]
// Each run is a new process with a private HOME and XDG folders (nothing of the developer's is
// read) and PIXVERSE_BENCH_READY=stay; the programs print "shown" once the main window is exposed
// and the event loop idle, and the app (with --sandbox, the default arguments) "signed-in" once
// it is signed in to its embedded sandbox with the account's gallery filled and the loop idle
// again (app/gui/BenchReady.h). Runs of the two programs alternate, so a busy moment of the
// machine hits both. Prints a Markdown table: median, p90, min and max milliseconds from process
// start to each mark, and the resident memory at the last mark.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace {

double residentMb(qint64 pid) {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

struct Program {
    QString label;
    QString path;
    QStringList args;
    QStringList marks; // the lines it prints, in order; the last one ends a run
    QMap<QString, QList<double>> ms;
    QList<double> rssMb;
    int failures = 0;
};

//! One start: milliseconds from QProcess::start to each mark, and VmRSS at the last mark.
bool runOnce(Program& program, const QProcessEnvironment& env, bool record) {
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    process.start(program.path, program.args);
    if (!process.waitForStarted(10000))
        return false;
    QMap<QString, double> at;
    QByteArray pending;
    while (at.size() < program.marks.size()) {
        if (!process.waitForReadyRead(60000))
            return false;
        const double now = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        pending += process.readAllStandardOutput();
        qsizetype newline = 0;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(newline)).trimmed();
            pending.remove(0, newline + 1);
            if (program.marks.contains(line) && !at.contains(line))
                at.insert(line, now);
        }
    }
    const double rss = residentMb(process.processId());
    process.kill();
    process.waitForFinished(5000);
    if (record) {
        for (auto it = at.cbegin(); it != at.cend(); ++it)
            program.ms[it.key()].append(it.value());
        program.rssMb.append(rss);
    }
    return true;
}

double percentile(QList<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto index = static_cast<qsizetype>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values.at(std::clamp<qsizetype>(index, 0, values.size() - 1));
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QString here = QCoreApplication::applicationDirPath();
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Counted runs per program."),
                                        QStringLiteral("N"), QStringLiteral("15"));
    const QCommandLineOption platformOption(
        QStringLiteral("platform"),
        QStringLiteral("QT_QPA_PLATFORM of both programs (xcb: run under xvfb-run)."),
        QStringLiteral("NAME"), QStringLiteral("offscreen"));
    const QCommandLineOption appOption(QStringLiteral("app"), QStringLiteral("The app."),
                                       QStringLiteral("PATH"),
                                       here + QStringLiteral("/../../app/gui/pixverse-studio"));
    const QCommandLineOption baselineOption(
        QStringLiteral("baseline"), QStringLiteral("The empty window."), QStringLiteral("PATH"),
        here + QStringLiteral("/bench_empty_window"));
    parser.addOptions({runsOption, platformOption, appOption, baselineOption});
    parser.addPositionalArgument(QStringLiteral("args"),
                                 QStringLiteral("Arguments for the app (default --sandbox)."));
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());

    // Private HOME and XDG folders, shared by the runs (the first, uncounted, run of each program
    // creates what a second start finds: the app's settings and the sandbox account's store).
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList xdg{QStringLiteral("HOME"),           QStringLiteral("XDG_CONFIG_HOME"),
                          QStringLiteral("XDG_DATA_HOME"),  QStringLiteral("XDG_CACHE_HOME"),
                          QStringLiteral("XDG_STATE_HOME"), QStringLiteral("XDG_RUNTIME_DIR")};
    for (const QString& name : xdg) {
        const QString dir = home.filePath(name.toLower());
        QDir().mkpath(dir);
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        env.insert(name, dir);
    }
    env.remove(QStringLiteral("XDG_CONFIG_DIRS"));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no accessibility bridge, no keychain
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), parser.value(platformOption));
    env.insert(QStringLiteral("PIXVERSE_BENCH_READY"), QStringLiteral("stay"));

    QStringList appArgs = parser.positionalArguments();
    if (appArgs.isEmpty())
        appArgs << QStringLiteral("--sandbox");
    Program baseline{QStringLiteral("empty QMainWindow (baseline)"),
                     parser.value(baselineOption),
                     {},
                     {QStringLiteral("shown")},
                     {},
                     {},
                     0};
    Program studio{QStringLiteral("pixverse-studio ") + appArgs.join(QLatin1Char(' ')),
                   parser.value(appOption),
                   appArgs,
                   appArgs.contains(QStringLiteral("--sandbox"))
                       ? QStringList{QStringLiteral("shown"), QStringLiteral("signed-in")}
                       : QStringList{QStringLiteral("shown")},
                   {},
                   {},
                   0};

    // One uncounted start each (page cache, the app's first-run files), then alternate.
    for (Program* p : {&baseline, &studio}) {
        if (!runOnce(*p, env, false)) {
            std::fprintf(stderr, "%s did not report %s\n", qPrintable(p->path),
                         qPrintable(p->marks.join(u'+')));
            return 1;
        }
    }
    for (int i = 0; i < runs; ++i) {
        for (Program* p : {&baseline, &studio}) {
            if (!runOnce(*p, env, true))
                ++p->failures;
        }
        std::fprintf(stderr, "\rrun %d/%d", i + 1, runs);
    }
    std::fprintf(stderr, "\n");
    if (baseline.rssMb.isEmpty() || studio.rssMb.isEmpty()) {
        std::fprintf(stderr, "no complete run (baseline %d failures, app %d failures)\n",
                     baseline.failures, studio.failures);
        return 1;
    }

    std::printf("Start-up, %d runs each, QT_QPA_PLATFORM=%s, warm page cache\n\n", runs,
                qPrintable(parser.value(platformOption)));
    std::printf("| program | mark | median ms | p90 ms | min ms | max ms | × baseline (median) | "
                "RSS at last mark MB |\n");
    std::printf("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    const double base = percentile(baseline.ms.value(QStringLiteral("shown")), 0.5);
    for (const Program* p : {&baseline, &studio}) {
        for (const QString& mark : p->marks) {
            const QList<double>& v = p->ms.value(mark);
            const bool last = mark == p->marks.constLast();
            std::printf("| %s | %s | %.1f | %.1f | %.1f | %.1f | %.2f | %s |\n",
                        qPrintable(p->label), qPrintable(mark), percentile(v, 0.5),
                        percentile(v, 0.9), percentile(v, 0.0), percentile(v, 1.0),
                        percentile(v, 0.5) / base,
                        last ? qPrintable(QString::number(percentile(p->rssMb, 0.5), 'f', 1)) : "");
        }
    }
    const double shownRatio = percentile(studio.ms.value(QStringLiteral("shown")), 0.5) / base;
    std::printf("\nwindow shown+idle: %.2fx the empty window (budget 1.5x): %s\n", shownRatio,
                shownRatio <= 1.5 ? "met" : "NOT met");
    if (studio.marks.contains(QStringLiteral("signed-in"))) {
        const double signedInRatio =
            percentile(studio.ms.value(QStringLiteral("signed-in")), 0.5) / base;
        std::printf("signed in+gallery+idle: %.2fx the empty window (budget 1.5x): %s\n",
                    signedInRatio, signedInRatio <= 1.5 ? "met" : "NOT met");
    }
    if (baseline.failures + studio.failures > 0)
        std::printf("incomplete runs: baseline %d, app %d\n", baseline.failures, studio.failures);
    return 0;
}
