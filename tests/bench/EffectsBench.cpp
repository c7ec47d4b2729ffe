// The effects browser with 300 templates (issue 17: "300 templates scroll without a frame over
// 16 ms and load previews without a GUI-thread stall over 16 ms"):
//   bench_effects [--templates N] [--platform offscreen|xcb]
// One process: a sandbox on its own thread serving N templates with their stills and clips, the
// browser (EffectsBrowser over a real TemplateLibrary and PreviewCache, 1280 × 800) on the GUI
// thread, every event delivery and repaint timed (ProbeApp) and the event loop's longest gap
// measured by a 1 ms timer. Figures:
//  - list_ms: refresh() to the list of every page; first_frame_ms: the list to the grid painted;
//  - cold scroll (the stills download and decode as the cards come into view) and warm scroll
//    (all on disk), top to bottom, one page per 16.7 ms frame, each frame timed (scroll +
//    synchronous repaint), the first card's preview clip playing all along;
//  - loading: every still and every clip fetched at once; the longest event-loop gap and the
//    longest event delivery until all arrived;
//  - previews: 12 cards' clips started one after another (decoded on the pool), each played
//    for a few frames; choice to first frame, the longest event-loop gap and event delivery.
#include "core/api/ApiClient.h"
#include "core/effects/PreviewCache.h"
#include "core/effects/TemplateLibrary.h"
#include "core/effects/TemplateListModel.h"
#include "core/jobs/ThumbnailCache.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/bench/BenchProbe.h"
#include "tests/core/effects/ListingBackend.h"
#include "ui/EffectsBrowser.h"
#include "ui/PreviewPlayer.h"
#include "ui/UiHelpers.h"

#include <QCommandLineParser>
#include <QListView>
#include <QNetworkAccessManager>
#include <QScrollBar>
#include <QTemporaryDir>

#include <algorithm>
#include <memory>

using namespace pixverse;
using namespace pixverse::bench;

namespace {

//! The longest interval between the ticks of a 1 ms timer: how long the GUI thread did not
//! get back to its event loop.
class GapMeter {
public:
    explicit GapMeter(ProbeApp& app)
        : m_app(app) {
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const double now = m_app.nowMs();
            if (m_last >= 0)
                m_longest = std::max(m_longest, now - m_last);
            m_last = now;
        });
        m_timer.start(1);
    }
    void reset() {
        m_longest = 0;
        m_last = m_app.nowMs();
    }
    //! Up to now: a GUI thread busy since the last tick counts too.
    double longestMs() const {
        return m_last < 0 ? m_longest : std::max(m_longest, m_app.nowMs() - m_last);
    }

private:
    ProbeApp& m_app;
    QTimer m_timer;
    double m_last = -1;
    double m_longest = 0;
};

struct Frames {
    QList<double> ms;
    double worst() const { return ms.isEmpty() ? 0 : *std::max_element(ms.cbegin(), ms.cend()); }
    double median() const {
        QList<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        return sorted.isEmpty() ? 0 : sorted.at(sorted.size() / 2);
    }
    int over(double limit) const {
        return int(std::count_if(ms.cbegin(), ms.cend(), [&](double v) { return v > limit; }));
    }
};

//! Top to bottom (or back), one page per 16.7 ms frame, as a quick drag of the scroll bar.
Frames scroll(ProbeApp& app, EffectsBrowser& browser, bool down) {
    QScrollBar* bar = browser.view()->verticalScrollBar();
    const int page = std::max(1, bar->pageStep());
    Frames frames;
    QElapsedTimer cadence;
    cadence.start();
    int step = 0;
    int value = down ? bar->minimum() : bar->maximum();
    for (;;) {
        const qint64 t0 = app.clock.nsecsElapsed();
        bar->setValue(value);
        QEvent update(QEvent::UpdateRequest);
        QApplication::sendEvent(browser.window(), &update);
        frames.ms << static_cast<double>(app.clock.nsecsElapsed() - t0) / 1e6;
        ++step;
        // The rest of the frame belongs to the event loop (stills and clip frames arriving).
        const qint64 next = static_cast<qint64>(step) * 16667 / 1000;
        if (next > cadence.elapsed())
            idleFor(static_cast<int>(next - cadence.elapsed()));
        else
            QCoreApplication::processEvents(); // a late frame still lets the event loop run
        if (value == (down ? bar->maximum() : bar->minimum()))
            break;
        value =
            down ? std::min(bar->maximum(), value + page) : std::max(bar->minimum(), value - page);
    }
    return frames;
}

void putFrames(const char* prefix, const Frames& frames) {
    const QByteArray p(prefix);
    put(QByteArray(p + "_frames").constData(), frames.ms.size());
    put(QByteArray(p + "_frame_first_ms").constData(), frames.ms.value(0));
    put(QByteArray(p + "_frame_median_ms").constData(), frames.median());
    put(QByteArray(p + "_frame_worst_ms").constData(), frames.worst());
    put(QByteArray(p + "_frames_over_16ms").constData(), frames.over(16.0));
}

} // namespace

int main(int argc, char* argv[]) {
    ui::chooseMediaBackend();
    ProbeApp app(argc, argv);
    app.clock.start();
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption countOption(QStringLiteral("templates"),
                                         QStringLiteral("Templates the sandbox lists."),
                                         QStringLiteral("N"), QStringLiteral("300"));
    parser.addOption(countOption);
    parser.process(app);

    sandbox::SandboxConfig config;
    config.templateCount = std::max(1, parser.value(countOption).toInt());
    sandbox::SandboxHost host(config);
    if (!host.start()) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(host.errorString()));
        return 1;
    }
    QTemporaryDir scratch;
    QNetworkAccessManager network;
    ApiClient client(&network);
    client.setBaseUrl(host.baseUrl());
    // OpenApiBackend as it is (its own template list request until that lands).
    test::ListingBackend backend(&client, host.defaultApiKey());
    TemplateLibrary library(scratch.filePath(QStringLiteral("templates.json")));
    library.setBackend(&backend);
    PreviewCache previews(scratch.filePath(QStringLiteral("previews")), 1024LL * 1024 * 1024,
                          &network);
    EffectsBrowser browser(&library, &previews);
    browser.resize(1280, 800);
    browser.show();
    GapMeter gaps(app);
    if (!waitUntil([&] { return app.frames > 0; }))
        return 1;

    // The list, then its first frame.
    const double asked = app.nowMs();
    double listed = -1;
    QObject::connect(&library, &TemplateLibrary::templatesChanged, &app, [&] {
        if (listed < 0)
            listed = app.nowMs();
    });
    library.refresh(true);
    if (!waitUntil([&] { return listed >= 0; }, 60000)) {
        std::fprintf(stderr, "the list did not come\n");
        return 1;
    }
    if (!waitUntil([&] { return static_cast<double>(app.lastFrameEndNs) / 1e6 > listed; }))
        return 1;
    const int rows = browser.model()->rowCount();
    put("templates", rows);
    put("list_ms", listed - asked);
    put("first_frame_ms", static_cast<double>(app.lastFrameEndNs) / 1e6 - listed);

    // Cold: the stills download and decode as the cards come into view; the first preview plays.
    browser.selectTemplate(
        browser.model()->index(0, 0).data(TemplateListModel::IdRole).toLongLong());
    app.resetProbe();
    gaps.reset();
    const Frames cold = scroll(app, browser, true);
    putFrames("cold_scroll", cold);
    put("cold_scroll_longest_gap_ms", gaps.longestMs());
    put("cold_scroll_longest_event_ms", static_cast<double>(app.longestEventNs) / 1e6);

    // Loading every still and every clip at once.
    QList<QString> urls;
    for (const EffectTemplate& t : library.templates())
        urls << t.thumbnailUrl << t.previewUrl;
    urls.removeAll(QString());
    int arrived = 0;
    int failed = 0;
    QObject::connect(&previews, &PreviewCache::previewReady, &app, [&] { ++arrived; });
    QObject::connect(&previews, &PreviewCache::previewFailed, &app, [&] { ++failed; });
    app.resetProbe();
    gaps.reset();
    const double loadStart = app.nowMs();
    for (const QString& url : urls)
        previews.fetch(url);
    waitUntil(
        [&] {
            int cached = 0;
            for (const QString& url : urls)
                cached += previews.cachedFile(url).isEmpty() ? 0 : 1;
            return cached + failed >= urls.size();
        },
        180000);
    put("load_media", urls.size());
    put("load_failed", failed);
    put("load_ms", app.nowMs() - loadStart);
    put("load_longest_gap_ms", gaps.longestMs());
    put("load_longest_event_ms", static_cast<double>(app.longestEventNs) / 1e6);
    put("cache_mb", static_cast<double>(previews.usedBytes()) / 1048576.0);

    // Warm: everything on disk; back up and down again.
    scroll(app, browser, false);
    waitUntil([&] { return browser.stills()->isIdle(); }, 20000);
    app.resetProbe();
    gaps.reset();
    const Frames warm = scroll(app, browser, true);
    putFrames("warm_scroll", warm);
    put("warm_scroll_longest_gap_ms", gaps.longestMs());
    put("warm_scroll_longest_event_ms", static_cast<double>(app.longestEventNs) / 1e6);
    put("preview_frames_shown", browser.previewPlayer()->framesShown());

    // Previews starting: 12 cards' clips played one after another (clips on disk), each played for
    // a few frames; every start decodes its clip.
    PreviewPlayer* player = browser.previewPlayer();
    app.resetProbe();
    gaps.reset();
    QList<double> firstFrameMs;
    for (int row = 1; row <= 12 && row < rows; ++row) {
        // Played directly: under the pointer, the browser would preview the hovered card.
        const QModelIndex index = browser.model()->index(row, 0);
        const qint64 id = index.data(TemplateListModel::IdRole).toLongLong();
        const double chosen = app.nowMs();
        player->play(id, index.data(TemplateListModel::PreviewUrlRole).toString());
        const int shownBefore = player->framesShown();
        if (!waitUntil(
                [&] { return player->currentId() == id && player->framesShown() > shownBefore; },
                20000))
            continue;
        firstFrameMs << app.nowMs() - chosen;
        waitUntil([&] { return player->framesShown() > shownBefore + 3; }, 20000);
    }
    std::sort(firstFrameMs.begin(), firstFrameMs.end());
    put("previews_played", static_cast<double>(firstFrameMs.size()));
    put("previews_first_frame_median_ms",
        firstFrameMs.isEmpty() ? -1 : firstFrameMs.at(firstFrameMs.size() / 2));
    put("previews_first_frame_worst_ms", firstFrameMs.isEmpty() ? -1 : firstFrameMs.last());
    put("previews_longest_gap_ms", gaps.longestMs());
    put("previews_longest_event_ms", static_cast<double>(app.longestEventNs) / 1e6);
    put("stills_decoded", static_cast<double>(browser.stills()->stats().loadsStarted));
    put("stills_on_gui_thread", static_cast<double>(browser.stills()->stats().loadsOnGuiThread));
    return 0;
}
