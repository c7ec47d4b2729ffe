// Memory and gallery figures of the app (issue 9), next to the empty-window baseline measured in
// the same run:
//   bench_gallery [--jobs N] [--runs N] [--platform offscreen|xcb] [--baseline PATH]
// Every figure comes from a fresh process with a private HOME and XDG folders:
//  - the baseline: bench_empty_window, resident memory 1 s after it is shown and idle;
//  - the app signed in to its embedded sandbox with an empty account (StudioApp, exactly what
//    `pixverse-studio --sandbox` runs, driven in-process by this program's --child mode):
//    resident memory 1 s after the gallery is shown and the event loop idle;
//  - the same account holding N jobs (default 10,000, written straight into its JobStore file
//    beforehand, with 1,000 distinct 480x270 thumbnails): the time from "signed in" to the
//    gallery's first frame (JobStore::open, JobEngine::start, JobsPane::setJobs, the paint),
//    then the gallery dragged from top to bottom one page per 16.7 ms frame, each frame timed
//    (the scroll and the synchronous repaint of the window), with every event delivery and
//    every repaint timed in QApplication::notify (thumbnails arriving repaint cards between
//    frames); resident memory after opening, after scrolling (1 s idle) and the peak (VmHWM).
#include "app/gui/StudioApp.h"
#include "core/auth/Session.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobStore.h"
#include "core/jobs/ThumbnailCache.h"
#include "tests/bench/BenchProbe.h"
#include "tests/core/jobs/BulkJobs.h"
#include "ui/JobGalleryView.h"
#include "ui/JobsPane.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QColor>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QMap>
#include <QProcess>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <malloc.h> // mallinfo2
#include <optional>

using namespace pixverse;
using namespace pixverse::bench;

namespace {

//! VmRSS and VmHWM of a process, in MB.
QPair<double, double> memoryMb(const QString& pid = QStringLiteral("self")) {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    double rss = 0;
    double hwm = 0;
    if (status.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = status.readAll().split('\n');
        for (const QByteArray& line : lines) {
            if (line.startsWith("VmRSS:"))
                rss = line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
            else if (line.startsWith("VmHWM:"))
                hwm = line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
        }
    }
    return {rss, hwm};
}

double median(QList<double> values) {
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// ---------------------------------------------------------------------------------------------
// The child: the app in this process.

int childMain(int argc, char* argv[]) {
    if (!qEnvironmentVariableIsSet("QT_MEDIA_BACKEND"))
        qputenv("QT_MEDIA_BACKEND", "ffmpeg"); // as app/gui/main.cpp does
    ProbeApp app(argc, argv);
    app.clock.start();
    QApplication::setApplicationName(QStringLiteral("PixVerse Studio"));
    QApplication::setOrganizationName(QStringLiteral("PixVerse Studio"));
    const QStringList args = QApplication::arguments();
    const QString mode = args.value(2);
    const QString dataDir = args.value(3);

    StudioOptions options;
    options.sandbox = true;
    options.dataDir = dataDir;
    options.settingsFile = QDir(dataDir).filePath(QStringLiteral("settings.ini"));
    StudioApp studio(options);
    MainWindow* window = studio.window();
    window->resize(1280, 800);
    double signedInMs = -1;
    double engineMs = -1;
    QObject::connect(studio.session(), &Session::stateChanged, &app, [&](Session::State state) {
        if (state == Session::State::SignedIn && signedInMs < 0)
            signedInMs = app.nowMs();
    });
    QObject::connect(&studio, &StudioApp::jobEngineStarted, &app, [&] { engineMs = app.nowMs(); });
    if (!studio.start() || !waitUntil([&] { return engineMs >= 0; })) {
        std::fprintf(stderr, "the app did not sign in to its sandbox\n");
        return 1;
    }
    // The gallery's first frame: the first repaint that ends after the engine started.
    if (!waitUntil([&] { return static_cast<double>(app.lastFrameEndNs) / 1e6 > engineMs; })) {
        std::fprintf(stderr, "the window did not repaint\n");
        return 1;
    }
    const double paintedMs = static_cast<double>(app.lastFrameEndNs) / 1e6;
    JobsPane* pane = window->jobsPane();
    JobGalleryView* view = pane->view();
    ThumbnailCache* cache = pane->thumbnailCache();
    const int rows = view->model() ? view->model()->rowCount() : 0;
    std::printf("store %s\n", qPrintable(studio.jobStore()->dataDir()));
    put("rows", rows);
    put("open_ms", paintedMs - signedInMs);
    put("open_to_engine_ms", engineMs - signedInMs);
    waitUntil([&] { return cache->isIdle(); }, 20000);
    put("open_to_pictures_ms", app.nowMs() - signedInMs);
    idleFor(1000);
    put("rss_open_mb", memoryMb().first);
    if (mode != QLatin1String("gallery"))
        return 0;

    // Top to bottom, one page per frame at 60 Hz, as a quick drag of the scroll bar.
    QScrollBar* bar = view->verticalScrollBar();
    const int page = std::max(1, bar->pageStep());
    QList<double> stepMs;
    app.resetProbe();
    QElapsedTimer cadence;
    cadence.start();
    int step = 0;
    for (int value = bar->minimum();; value = std::min(bar->maximum(), value + page)) {
        const qint64 t0 = app.clock.nsecsElapsed();
        bar->setValue(value);
        QEvent update(QEvent::UpdateRequest);
        QApplication::sendEvent(window, &update);
        stepMs << static_cast<double>(app.clock.nsecsElapsed() - t0) / 1e6;
        ++step;
        // The rest of the 16.7 ms frame belongs to the event loop (thumbnails arriving, ...).
        const qint64 next = static_cast<qint64>(step) * 16667 / 1000;
        if (next > cadence.elapsed())
            idleFor(static_cast<int>(next - cadence.elapsed()));
        if (value >= bar->maximum())
            break;
    }
    const double scrollMs = static_cast<double>(cadence.elapsed());
    waitUntil([&] { return cache->isIdle(); }, 20000);
    const double worstStep = *std::max_element(stepMs.cbegin(), stepMs.cend());
    QList<double> sorted = stepMs;
    std::sort(sorted.begin(), sorted.end());
    put("scroll_steps", static_cast<double>(stepMs.size()));
    put("scroll_ms", scrollMs);
    put("scroll_px", bar->maximum());
    put("frame_median_ms", sorted.at(sorted.size() / 2));
    put("frame_p99_ms",
        sorted.at(static_cast<qsizetype>(0.99 * static_cast<double>(sorted.size() - 1))));
    put("frame_worst_step_ms", worstStep);
    put("frame_worst_step_index",
        static_cast<double>(std::max_element(stepMs.cbegin(), stepMs.cend()) - stepMs.cbegin()));
    put("frame_first_ms", stepMs.constFirst());
    put("frame_worst_after_first_ms", *std::max_element(stepMs.cbegin() + 1, stepMs.cend()));
    put("frame_worst_ms", std::max(worstStep, static_cast<double>(app.longestFrameNs) / 1e6));
    put("frames_over_16ms",
        static_cast<double>(
            std::count_if(stepMs.cbegin(), stepMs.cend(), [](double ms) { return ms > 16.0; })));
    put("longest_event_ms", static_cast<double>(app.longestEventNs) / 1e6);
    const ThumbnailCache::Stats stats = cache->stats();
    put("thumbnails_read", static_cast<double>(stats.loadsStarted));
    put("thumbnails_on_gui_thread", static_cast<double>(stats.loadsOnGuiThread));
    put("at_bottom", bar->value() == bar->maximum() ? 1 : 0);
    idleFor(1000);
    const auto [rss, hwm] = memoryMb();
    put("rss_scrolled_mb", rss);
    put("heap_scrolled_mb", static_cast<double>(mallinfo2().uordblks) / 1048576.0);
    put("heap_free_scrolled_mb", static_cast<double>(mallinfo2().fordblks) / 1048576.0);
    put("hwm_mb", hwm);
    put("thumbnail_cache_mb", static_cast<double>(cache->totalCostKiB()) / 1024.0);
    put("thumbnail_cache_images", cache->count());

    // For the breakdown: the same store opened alone (the app keeps it open; reading is fine).
    JobStore alone;
    QElapsedTimer timer;
    timer.start();
    alone.open(studio.jobStore()->dataDir());
    put("store_open_alone_ms", static_cast<double>(timer.nsecsElapsed()) / 1e6);
    return 0;
}

// ---------------------------------------------------------------------------------------------
// The parent: seeds the store and runs the baseline and the children.

QMap<QString, double> g_last; // numbers of the last child
QString g_store;

bool runChild(const QProcessEnvironment& env, const QStringList& args) {
    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), args);
    if (!child.waitForFinished(300000) || child.exitCode() != 0) {
        std::fprintf(stderr, "child %s failed\n", qPrintable(args.join(u' ')));
        return false;
    }
    g_last.clear();
    const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
    for (const QByteArray& line : lines) {
        const QList<QByteArray> parts = line.trimmed().split(' ');
        if (parts.size() < 2)
            continue;
        if (parts.at(0) == "store")
            g_store = QString::fromUtf8(line.trimmed().mid(6));
        else
            g_last.insert(QString::fromLatin1(parts.at(0)), parts.at(1).toDouble());
    }
    return true;
}

//! Resident memory of the empty window 1 s after it reported "shown".
std::optional<QPair<double, double>> baselineMemory(const QProcessEnvironment& env,
                                                    const QString& program) {
    QProcess process;
    QProcessEnvironment e = env;
    e.insert(QStringLiteral("PIXVERSE_BENCH_READY"), QStringLiteral("stay"));
    process.setProcessEnvironment(e);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(program, {});
    QByteArray out;
    while (!out.contains("shown\n")) {
        if (!process.waitForReadyRead(30000))
            return std::nullopt;
        out += process.readAllStandardOutput();
    }
    QThread::msleep(1000);
    const QPair<double, double> m = memoryMb(QString::number(process.processId()));
    process.kill();
    process.waitForFinished(5000);
    return m;
}

void writeThumbnails(const QString& dir, int count) {
    QDir().mkpath(dir);
    for (int i = 0; i < count; ++i) {
        QImage image(480, 270, QImage::Format_RGB32);
        const int hue = (i * 37) % 360;
        for (int y = 0; y < image.height(); ++y) {
            auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
            for (int x = 0; x < image.width(); ++x)
                line[x] =
                    QColor::fromHsv((hue + x / 8) % 360, 120 + y / 3, 90 + (x + y) % 160).rgb();
        }
        image.save(QDir(dir).filePath(QStringLiteral("t%1.png").arg(i)));
    }
}

} // namespace

int main(int argc, char* argv[]) {
    if (argc > 1 && std::strcmp(argv[1], "--child") == 0)
        return childMain(argc, argv);

    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption jobsOption(QStringLiteral("jobs"),
                                        QStringLiteral("Jobs in the gallery."), QStringLiteral("N"),
                                        QStringLiteral("10000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Runs of each figure (median)."),
                                        QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption platformOption(QStringLiteral("platform"),
                                            QStringLiteral("QT_QPA_PLATFORM."),
                                            QStringLiteral("NAME"), QStringLiteral("offscreen"));
    const QCommandLineOption baselineOption(
        QStringLiteral("baseline"), QStringLiteral("The empty window."), QStringLiteral("PATH"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/bench_empty_window"));
    const QCommandLineOption keepOption(
        QStringLiteral("keep"),
        QStringLiteral("Work in DIR and keep it (to profile a child: bench_gallery "
                       "--child gallery DIR/data, with DIR's HOME and XDG folders)."),
        QStringLiteral("DIR"));
    parser.addOptions({jobsOption, runsOption, platformOption, baselineOption, keepOption});
    parser.process(app);
    const int jobs = std::max(1, parser.value(jobsOption).toInt());
    const int runs = std::max(1, parser.value(runsOption).toInt());

    QTemporaryDir temporary;
    QDir scratch(parser.isSet(keepOption) ? parser.value(keepOption) : temporary.path());
    scratch.mkpath(QStringLiteral("."));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
                             "XDG_STATE_HOME", "XDG_RUNTIME_DIR"}) {
        const QString dir = scratch.filePath(QString::fromLatin1(name).toLower());
        QDir().mkpath(dir);
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        env.insert(QString::fromLatin1(name), dir);
    }
    env.remove(QStringLiteral("XDG_CONFIG_DIRS"));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.remove(QStringLiteral("PIXVERSE_BENCH_READY"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), parser.value(platformOption));
    const QString data = scratch.filePath(QStringLiteral("data"));

    QList<double> baseRss;
    QList<double> idleRss;
    // The first, uncounted, start of the app creates the account's store (and tells where).
    runChild(env, {QStringLiteral("--child"), QStringLiteral("idle"), data});
    for (int i = 0; i < runs; ++i) {
        if (const auto m = baselineMemory(env, parser.value(baselineOption)))
            baseRss << m->first;
        if (runChild(env, {QStringLiteral("--child"), QStringLiteral("idle"), data}))
            idleRss << g_last.value(QStringLiteral("rss_open_mb"));
    }
    if (g_store.isEmpty() || baseRss.isEmpty() || idleRss.isEmpty()) {
        std::fprintf(stderr, "the baseline or the app did not start\n");
        return 1;
    }

    std::fprintf(stderr, "writing %d jobs into %s\n", jobs, qPrintable(g_store));
    const QString thumbs = scratch.filePath(QStringLiteral("thumbnails"));
    constexpr int kPictures = 1000;
    writeThumbnails(thumbs, kPictures);
    const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-90);
    const QString library = scratch.filePath(QStringLiteral("library"));
    QString error;
    const bool seeded = test::insertJobs(
        g_store, jobs,
        [&](int i, Job& job) {
            job.createdAt = base.addSecs(i * 600LL);
            job.request.prompt =
                QStringLiteral("Job %1: a lighthouse in a storm at night, waves crash over the "
                               "rocks, cinematic lighting, slow push in")
                    .arg(i);
            job.request.quality = QStringLiteral("540p");
            job.credits = 45;
            if (i % 50 == 7) {
                job.state = JobState::Failed;
                job.errorMessage = QStringLiteral("The video could not be generated. Try again.");
            } else if (i % 97 == 3) {
                job.state = JobState::Moderated;
                job.errorMessage = QStringLiteral("PixVerse's moderation refused this video.");
            } else {
                job.state = JobState::Done;
                job.videoId = 370000000000000LL + i;
                job.videoWidth = 960;
                job.videoHeight = 540;
                job.videoPath = QDir(library).filePath(QStringLiteral("video-%1.mp4").arg(i));
                job.thumbnailPath =
                    QDir(thumbs).filePath(QStringLiteral("t%1.png").arg(i % kPictures));
            }
        },
        &error);
    if (!seeded) {
        std::fprintf(stderr, "seeding failed: %s\n", qPrintable(error));
        return 1;
    }

    QMap<QString, QList<double>> gallery;
    for (int i = 0; i < runs; ++i) {
        if (!runChild(env, {QStringLiteral("--child"), QStringLiteral("gallery"), data}))
            return 1;
        for (auto it = g_last.cbegin(); it != g_last.cend(); ++it)
            gallery[it.key()] << it.value();
    }
    const auto med = [&](const char* key) {
        return median(gallery.value(QString::fromLatin1(key)));
    };
    const auto worst = [&](const char* key) {
        const QList<double> v = gallery.value(QString::fromLatin1(key));
        return v.isEmpty() ? 0.0 : *std::max_element(v.cbegin(), v.cend());
    };
    const double baseMb = median(baseRss);
    const double scrolledMb = med("rss_scrolled_mb");

    std::printf("Memory and gallery, %d runs each (median; worst frame: the worst of all runs), "
                "QT_QPA_PLATFORM=%s, %d jobs (%d distinct 480x270 thumbnails)\n\n",
                runs, qPrintable(parser.value(platformOption)), static_cast<int>(med("rows")),
                kPictures);
    std::printf("| measure | PixVerse Studio | baseline | budget | met |\n| --- | --- | --- | --- "
                "| --- |\n");
    std::printf("| RSS idle after sign-in (empty account) | %.1f MB | empty window %.1f MB | - | "
                "informative |\n",
                median(idleRss), baseMb);
    std::printf("| RSS idle with %d jobs, gallery open | %.1f MB | empty window %.1f MB | - | "
                "informative |\n",
                jobs, med("rss_open_mb"), baseMb);
    // Issue 20's budgets (issue 9 had 120 MB, 300 ms and 33 ms).
    std::printf("| RSS idle with %d jobs, scrolled top to bottom | %.1f MB | empty window %.1f MB "
                "| ≤ 80 MB | %s |\n",
                jobs, scrolledMb, baseMb, scrolledMb <= 80 ? "yes" : "**no**");
    std::printf("| peak RSS (VmHWM) over the whole run | %.1f MB | - | - | informative |\n",
                med("hwm_mb"));
    std::printf("| open %d jobs: signed in → gallery's first frame | %.1f ms | of which store + "
                "engine + model %.1f ms; "
                "JobStore::open alone %.1f ms | < 150 ms | %s |\n",
                jobs, med("open_ms"), med("open_to_engine_ms"), med("store_open_alone_ms"),
                med("open_ms") < 150 ? "yes" : "**no**");
    std::printf("| signed in → first page's thumbnails shown | %.1f ms | - | - | informative |\n",
                med("open_to_pictures_ms"));
    std::printf("| scroll top to bottom: %d frames of one page (%d px) | median %.1f ms, p99 %.1f "
                "ms | - | - | "
                "informative |\n",
                static_cast<int>(med("scroll_steps")), static_cast<int>(med("scroll_px")),
                med("frame_median_ms"), med("frame_p99_ms"));
    std::printf("| worst frame while scrolling | %.1f ms (frames over 16 ms: %d of %d; first frame "
                "%.1f ms) | - | "
                "≤ 16 ms | %s |\n",
                worst("frame_worst_ms"), static_cast<int>(med("frames_over_16ms")),
                static_cast<int>(med("scroll_steps")), med("frame_first_ms"),
                worst("frame_worst_ms") <= 16 ? "yes" : "**no**");
    std::printf("| longest event delivery while scrolling | %.1f ms | - | - | informative |\n",
                worst("longest_event_ms"));
    std::printf(
        "| thumbnails read (of %d cards), on the GUI thread | %d, %d | - | - | informative |\n",
        jobs, static_cast<int>(med("thumbnails_read")),
        static_cast<int>(worst("thumbnails_on_gui_thread")));
    std::printf("| thumbnail cache after scrolling | %.1f MB, %d images | - | - | informative |\n",
                med("thumbnail_cache_mb"), static_cast<int>(med("thumbnail_cache_images")));
    // What of the resident memory is the heap (glibc's mallinfo2, every arena): the jobs' mirror,
    // the caches; the rest is mostly the libraries' mapped pages.
    std::printf("| heap after scrolling: in use, free inside it | %.1f MB, %.1f MB | - | - | "
                "informative |\n",
                med("heap_scrolled_mb"), med("heap_free_scrolled_mb"));
    return 0;
}
