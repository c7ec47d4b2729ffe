// The compare view with 4 takes (issue 18: "compare view of 4 clips plays without a dropped
// frame on this machine at 540p"):
//   bench_compare [--clips DIR] [--seconds N] [--platform offscreen|xcb]
// Four 960×540 24 fps clips of 10 s (made at build time, tests/bench/CMakeLists.txt) in a
// CompareView of 1280 × 720 (a 2 × 2 grid, each clip decoded on its own thread and scaled to its
// cell), played for N seconds (10) with the loop on. Per clip: frames shown, frames dropped (their
// time passed before they were shown), the first frame's delay after the view opened, and the
// worst interval between two frames shown; the baseline is the frames the clip has in that time.
#include "core/jobs/Job.h"
#include "core/jobs/JobLibrary.h"
#include "core/media/LibavInput.h"
#include "core/media/SyncPlayback.h"
#include "ui/CompareView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <cstdio>

using namespace pixverse;

namespace {

//! Runs the event loop until `done` holds or `timeoutMs` passed; false on the timeout. It
//! looks every 10 ms and sleeps in between, so it takes no CPU from the decoders.
template <typename Done> bool runUntil(Done done, int timeoutMs) {
    QElapsedTimer since;
    since.start();
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || since.elapsed() > timeoutMs)
            loop.quit();
    });
    poll.start(10);
    if (!done())
        loop.exec();
    return done();
}

} // namespace

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption clipsOption(
        QStringLiteral("clips"), QStringLiteral("The 4 clips' folder"), QStringLiteral("dir"),
        QStringLiteral(PIXVERSE_BENCH_COMPARE_DIR));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("Play time"),
                                           QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption coldOption(
        QStringLiteral("cold"), QStringLiteral("ffmpeg's libraries not loaded yet (the app loads "
                                               "them on a pool thread 1.5 s after its start)"));
    parser.addOptions({clipsOption, secondsOption, coldOption});
    parser.process(app);
    const int seconds = std::max(1, parser.value(secondsOption).toInt());
    if (!parser.isSet(coldOption))
        media::preloadLibav(); // as StudioApp has done by the time a creator can compare takes

    QList<Job> takes;
    for (int i = 1; i <= 4; ++i) {
        Job take;
        take.id = i;
        take.state = JobState::Done;
        take.seed = 1000 + i;
        take.request.prompt = QStringLiteral("Compare benchmark take %1").arg(i);
        take.videoPath =
            QDir(parser.value(clipsOption)).filePath(QStringLiteral("take%1.mp4").arg(i));
        if (!QFile::exists(take.videoPath)) {
            std::fprintf(stderr, "missing clip %s\n", qPrintable(take.videoPath));
            return 2;
        }
        takes << take;
    }

    CompareView view(takes, JobLibrary(nullptr));
    view.resize(1280, 720);
    view.show();
    SyncPlayback* playback = view.playback();
    if (!runUntil([&] { return playback->isReady() && playback->isSettled(); }, 10000)) {
        std::fprintf(stderr, "the first frames did not come\n");
        return 1;
    }
    // Ten seconds of play, from the start, as the creator would press Space.
    playback->seek(0);
    runUntil([&] { return playback->isSettled(); }, 5000);
    QElapsedTimer played;
    playback->play();
    played.start();
    runUntil([&] { return played.elapsed() >= qint64(seconds) * 1000; }, seconds * 1000 + 5000);
    playback->pause();
    const double wallSeconds = played.elapsed() / 1000.0;

    const double fps = 1e6 / double(playback->frameUs());
    std::printf("## bench_compare: 4 clips 960×540 24 fps, view 1280×720, %.1f s played\n\n",
                wallSeconds);
    std::printf("| clip | frames expected (baseline) | shown | dropped | first frame ms | worst "
                "interval ms |\n|---|---|---|---|---|---|\n");
    int totalDropped = 0;
    qint64 worstFirst = 0;
    for (int clip = 0; clip < playback->clipCount(); ++clip) {
        const SyncPlayback::ClipStats s = playback->stats(clip);
        totalDropped += s.dropped;
        worstFirst = std::max(worstFirst, s.firstFrameMs);
        std::printf("| %d | %d | %d | %d | %lld | %lld |\n", clip + 1, int(wallSeconds * fps),
                    s.shown, s.dropped, static_cast<long long>(s.firstFrameMs),
                    static_cast<long long>(s.worstIntervalMs));
    }
    std::printf("\nTarget: 0 dropped (got %d), first frame < 100 ms (got %lld ms).\n", totalDropped,
                static_cast<long long>(worstFirst));
    return 0;
}
