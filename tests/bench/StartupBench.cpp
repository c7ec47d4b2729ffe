// Start-up time and idle memory of the app against the empty-window baseline, in the same run.
//   bench_startup [--runs N] [--app PATH] [--baseline PATH] [-- app arguments...]
// Prints a table: median / min / max milliseconds from process start to "main window shown and
// idle", and resident memory at that moment.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <algorithm>
#include <cstdio>

namespace {

struct Sample {
    double ms = 0;
    double rssMb = 0;
};

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

std::optional<Sample> runOnce(const QString& program, const QStringList& args) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PIXVERSE_BENCH_READY"), QStringLiteral("stay"));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    process.start(program, args);
    if (!process.waitForStarted(10000))
        return std::nullopt;
    QByteArray out;
    while (!out.contains("ready\n")) {
        if (!process.waitForReadyRead(30000))
            return std::nullopt;
        out += process.readAllStandardOutput();
    }
    Sample s;
    s.ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    s.rssMb = residentMb(process.processId());
    process.kill();
    process.waitForFinished(5000);
    return s;
}

struct Summary {
    double median = 0, min = 0, max = 0, rss = 0;
    int runs = 0;
};

Summary measure(const QString& program, const QStringList& args, int runs) {
    QList<Sample> samples;
    runOnce(program, args); // warm the page cache; not counted
    for (int i = 0; i < runs; ++i) {
        if (auto s = runOnce(program, args))
            samples << *s;
    }
    Summary out;
    out.runs = static_cast<int>(samples.size());
    if (samples.isEmpty())
        return out;
    std::sort(samples.begin(), samples.end(), [](const Sample& a, const Sample& b) { return a.ms < b.ms; });
    out.median = samples.at(samples.size() / 2).ms;
    out.min = samples.first().ms;
    out.max = samples.last().ms;
    QList<double> rss;
    for (const Sample& s : samples)
        rss << s.rssMb;
    std::sort(rss.begin(), rss.end());
    out.rss = rss.at(rss.size() / 2);
    return out;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QString here = QCoreApplication::applicationDirPath();
    QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per program."), QStringLiteral("N"),
                                  QStringLiteral("15"));
    QCommandLineOption appOption(QStringLiteral("app"), QStringLiteral("The app."), QStringLiteral("PATH"),
                                 here + QStringLiteral("/../../app/gui/pixverse-studio"));
    QCommandLineOption baselineOption(QStringLiteral("baseline"), QStringLiteral("The empty window."),
                                      QStringLiteral("PATH"), here + QStringLiteral("/bench_empty_window"));
    parser.addOptions({runsOption, appOption, baselineOption});
    parser.addPositionalArgument(QStringLiteral("args"), QStringLiteral("Arguments for the app."));
    parser.process(app);
    const int runs = qMax(1, parser.value(runsOption).toInt());

    const Summary baseline = measure(parser.value(baselineOption), {}, runs);
    const Summary studio = measure(parser.value(appOption), parser.positionalArguments(), runs);
    if (baseline.runs == 0 || studio.runs == 0) {
        std::fprintf(stderr, "a program did not report ready (baseline %d runs, app %d runs)\n", baseline.runs,
                     studio.runs);
        return 1;
    }
    std::printf("| program | runs | start-up median ms | min | max | RSS at ready MB |\n");
    std::printf("| --- | --- | --- | --- | --- | --- |\n");
    std::printf("| empty QMainWindow | %d | %.1f | %.1f | %.1f | %.1f |\n", baseline.runs, baseline.median,
                baseline.min, baseline.max, baseline.rss);
    std::printf("| pixverse-studio %s | %d | %.1f | %.1f | %.1f | %.1f |\n",
                qPrintable(parser.positionalArguments().join(QLatin1Char(' '))), studio.runs, studio.median,
                studio.min, studio.max, studio.rss);
    const double ratio = studio.median / baseline.median;
    std::printf("\nstart-up ratio %.2fx (budget 1.5x): %s\n", ratio, ratio <= 1.5 ? "met" : "NOT met");
    return 0;
}
