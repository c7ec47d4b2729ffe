// The gallery's lineage view (issue 16, benchmarked by issue 20: "first frame < 100 ms, worst
// frame <= 16 ms with realistic data"):
//   bench_lineage [--takes T] [--generations G] [--others N]
// One process: a real JobStore (SQLite in a temporary folder) holding a first take, then G
// generations of T takes each made from a take of the generation before (extend, upscale, sound
// effect, lip sync: branches of several lengths), among N unrelated jobs; every job done, with a
// 480×270 thumbnail. The gallery (JobsPane, 1000 × 760) on the GUI thread, every repaint timed
// (ProbeApp). Figures:
//  - first_frame_ms: "Show Family" of the first take (every generation, T × G + 1 cards) to
//    its first frame painted; leaf_first_frame_ms: the same for a take of the last generation
//    (its ancestors only);
//  - scroll: the first take's family top to bottom, one page per 16.7 ms frame, each frame timed
//    (the scroll and the synchronous repaint), thumbnails decoding and arriving meanwhile;
//  - parent: "Go to Parent" from the last generation up to the first take, each step timed with
//    its repaint (the family filter stays; the selection moves);
//  - toggle: the family cleared (every job) and shown again, each timed with its repaint;
//  - worst_frame_ms: the worst of all of these, and of every repaint between them.
#include "core/jobs/JobFilterModel.h"
#include "core/jobs/JobStore.h"
#include "core/jobs/ThumbnailCache.h"
#include "tests/bench/BenchProbe.h"
#include "tests/core/jobs/BulkJobs.h"
#include "ui/JobGalleryView.h"
#include "ui/JobsPane.h"

#include <QColor>
#include <QCommandLineParser>
#include <QDir>
#include <QImage>
#include <QScrollBar>
#include <QTemporaryDir>

#include <algorithm>

using namespace pixverse;
using namespace pixverse::bench;

namespace {

constexpr int kPictures = 60;

void writeThumbnails(const QString& dir) {
    QDir().mkpath(dir);
    for (int i = 0; i < kPictures; ++i) {
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

struct Frames {
    QList<double> ms;
    void add(double value) { ms << value; }
    double worst() const { return ms.isEmpty() ? 0 : *std::max_element(ms.cbegin(), ms.cend()); }
    double median() const {
        QList<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        return sorted.isEmpty() ? 0 : sorted.at(sorted.size() / 2);
    }
};

//! `step` and the synchronous repaint of `w`'s window, timed together.
double timedFrame(ProbeApp& app, QWidget* w, const std::function<void()>& step) {
    const qint64 start = app.clock.nsecsElapsed();
    step();
    QEvent update(QEvent::UpdateRequest);
    QApplication::sendEvent(w->window(), &update);
    return static_cast<double>(app.clock.nsecsElapsed() - start) / 1e6;
}

//! The time from `step` to the end of the first repaint after it (the event loop runs).
double firstFrame(ProbeApp& app, const std::function<void()>& step) {
    const qint64 start = app.clock.nsecsElapsed();
    const int before = app.frames;
    step();
    if (!waitUntil([&] { return app.frames > before; }))
        return -1;
    return static_cast<double>(app.lastFrameEndNs - start) / 1e6;
}

} // namespace

int main(int argc, char* argv[]) {
    ProbeApp app(argc, argv);
    app.clock.start();
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption takesOption(QStringLiteral("takes"),
                                         QStringLiteral("Takes in each generation."),
                                         QStringLiteral("T"), QStringLiteral("20"));
    const QCommandLineOption generationsOption(QStringLiteral("generations"),
                                               QStringLiteral("Generations after the first take."),
                                               QStringLiteral("G"), QStringLiteral("10"));
    const QCommandLineOption othersOption(QStringLiteral("others"),
                                          QStringLiteral("Unrelated jobs in the gallery."),
                                          QStringLiteral("N"), QStringLiteral("2000"));
    parser.addOptions({takesOption, generationsOption, othersOption});
    parser.process(app);
    const int takes = std::max(1, parser.value(takesOption).toInt());
    const int generations = std::max(1, parser.value(generationsOption).toInt());
    const int others = std::max(0, parser.value(othersOption).toInt());

    // Ids follow the rows written (a fresh file): the first take is id 1, take t of generation g
    // (1-based) id 2 + (g - 1) × T + t, the unrelated jobs after them.
    const int family = 1 + takes * generations;
    const auto idOf = [takes](int generation, int take) -> qint64 {
        return generation == 0 ? 1 : 2 + qint64(generation - 1) * takes + take;
    };
    QTemporaryDir scratch;
    const QString data = scratch.filePath(QStringLiteral("data"));
    const QString thumbs = scratch.filePath(QStringLiteral("thumbnails"));
    writeThumbnails(thumbs);
    const QList<GenerationMode> modes = {GenerationMode::Extend, GenerationMode::Upscale,
                                         GenerationMode::SoundEffect, GenerationMode::Extend,
                                         GenerationMode::LipSync};
    const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-30);
    QString error;
    const bool seeded = test::insertJobs(
        data, family + others,
        [&](int i, Job& job) {
            job.request.model = QStringLiteral("v5");
            job.request.quality = QStringLiteral("540p");
            job.request.duration = 5;
            job.request.aspectRatio = QStringLiteral("16:9");
            job.state = JobState::Done;
            job.credits = 45;
            job.videoId = 380000000000000LL + i;
            job.videoWidth = 960;
            job.videoHeight = 540;
            job.thumbnailPath = QDir(thumbs).filePath(QStringLiteral("t%1.png").arg(i % kPictures));
            if (i >= family) { // an unrelated take, spread over the month
                job.createdAt = base.addSecs(qint64(i - family) * 1200);
                job.request.prompt =
                    QStringLiteral("Job %1: a lighthouse in a storm at night, waves crash over the "
                                   "rocks, cinematic lighting")
                        .arg(i);
                return;
            }
            // The family, made over the last days: each generation a few hours after the last.
            job.createdAt = base.addDays(25).addSecs(qint64(i) * 900);
            if (i == 0) {
                job.request.prompt =
                    QStringLiteral("A red fox runs through fresh snow at dawn, low tracking shot");
                return;
            }
            const int generation = 1 + (i - 1) / takes;
            const int take = (i - 1) % takes;
            // Several takes of a generation come from one take before: branches of every length.
            const int parentTake = (take * 7 + generation) % takes;
            job.request.parentJobId = idOf(generation - 1, parentTake);
            job.request.mode = modes.at((take + generation) % modes.size());
            if (job.request.mode == GenerationMode::Extend)
                job.request.prompt =
                    QStringLiteral("Generation %1, take %2: the fox leaps over a fallen tree")
                        .arg(generation)
                        .arg(take + 1);
        },
        &error);
    if (!seeded) {
        std::fprintf(stderr, "seeding failed: %s\n", qPrintable(error));
        return 1;
    }
    JobStore store;
    if (!store.open(data)) {
        std::fprintf(stderr, "store: %s\n", qPrintable(store.errorString()));
        return 1;
    }
    put("jobs", store.jobs().size());
    put("family", family);

    JobsPane pane(&store, nullptr);
    pane.resize(1000, 760);
    pane.show();
    JobGalleryView* view = pane.view();
    ThumbnailCache* cache = pane.thumbnailCache();
    if (!waitUntil([&] { return app.frames > 0; }))
        return 1;
    waitUntil([&] { return cache->isIdle(); }, 20000);
    idleFor(200);

    // A take of the last generation chosen, then "Show Family" of the first take: every card.
    const qint64 leaf = idOf(generations, takes / 2);
    view->selectJob(leaf);
    app.resetProbe();
    const double rootFrame = firstFrame(app, [&] { pane.showFamily(1); });
    put("first_frame_ms", rootFrame);
    put("family_cards", pane.filterModel()->rowCount());
    double worst = static_cast<double>(app.longestFrameNs) / 1e6;
    waitUntil([&] { return cache->isIdle(); }, 20000);

    // Top to bottom, one page per 16.7 ms frame, the thumbnails coming as the cards do.
    Frames scroll;
    QScrollBar* bar = view->verticalScrollBar();
    const int page = std::max(1, bar->pageStep());
    app.resetProbe();
    QElapsedTimer cadence;
    cadence.start();
    int step = 0;
    for (int value = bar->minimum();; value = std::min(bar->maximum(), value + page)) {
        scroll.add(timedFrame(app, view, [&] { bar->setValue(value); }));
        ++step;
        const qint64 next = static_cast<qint64>(step) * 16667 / 1000;
        if (next > cadence.elapsed())
            idleFor(static_cast<int>(next - cadence.elapsed()));
        else
            QCoreApplication::processEvents();
        if (value >= bar->maximum())
            break;
    }
    waitUntil([&] { return cache->isIdle(); }, 20000);
    put("scroll_frames", scroll.ms.size());
    put("scroll_frame_median_ms", scroll.median());
    put("scroll_frame_worst_ms", scroll.worst());
    worst = std::max({worst, scroll.worst(), static_cast<double>(app.longestFrameNs) / 1e6});

    // Up the lineage from the last generation: "Go to Parent" until the first take.
    Frames parent;
    view->selectJob(leaf);
    QCoreApplication::processEvents();
    app.resetProbe();
    for (int i = 0; i < generations; ++i) {
        bool moved = false;
        parent.add(timedFrame(app, view, [&] { moved = pane.goToParent(); }));
        QCoreApplication::processEvents();
        if (!moved)
            break;
    }
    put("parent_steps", parent.ms.size());
    put("parent_reached_first_take", view->currentJobId() == 1 ? 1 : 0);
    put("parent_frame_worst_ms", parent.worst());
    worst = std::max({worst, parent.worst(), static_cast<double>(app.longestFrameNs) / 1e6});

    // Every job again, then the family again, three times.
    Frames toggle;
    app.resetProbe();
    for (int round = 0; round < 3; ++round) {
        toggle.add(timedFrame(app, view, [&] { pane.clearFamily(); }));
        QCoreApplication::processEvents();
        toggle.add(timedFrame(app, view, [&] { pane.showFamily(1); }));
        QCoreApplication::processEvents();
    }
    put("toggle_frame_median_ms", toggle.median());
    put("toggle_frame_worst_ms", toggle.worst());
    worst = std::max({worst, toggle.worst(), static_cast<double>(app.longestFrameNs) / 1e6});

    // The family of a take of the last generation: its ancestors only.
    pane.clearFamily();
    view->selectJob(leaf);
    waitUntil([&] { return cache->isIdle(); }, 20000);
    QCoreApplication::processEvents();
    const double leafFrame = firstFrame(app, [&] { pane.showFamily(leaf); });
    put("leaf_first_frame_ms", leafFrame);
    put("leaf_family_cards", pane.filterModel()->rowCount());
    put("worst_frame_ms", worst);
    return rootFrame >= 0 && leafFrame >= 0 ? 0 : 1;
}
