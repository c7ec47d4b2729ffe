// The Spending view with a long ledger (issue 19: "first frame < 100 ms"):
//   bench_spending [--entries N] [--days D]
// One process: a real JobStore (SQLite in a temporary folder) holding N ledger entries over the
// last D days (five models, one in twenty a refund), the SpendingView at the size of the
// window's side pane on the GUI thread, every repaint and event delivery timed (ProbeApp). The
// view makes its report on the thread pool (issue 20) and shows the last figures meanwhile.
// Figures:
//  - first_frame_ms: the store given to the view to the first frame painted with its figures
//    (report made, tables filled);
//  - range_*: each range chosen in turn: the choice with its synchronous repaint, then the new
//    figures arriving (filling the tables) and their repaint; a range's frame is the worst of
//    these and of every GUI-thread event between; range_shown_*: choice to figures painted;
//  - hover: the pointer moved across the chart's bars, one repaint per step;
//  - ledger_change: 50 new entries stored, the view's rebuild and repaint (the worst GUI-thread
//    event until the new figures are painted).
#include "core/jobs/JobStore.h"
#include "tests/bench/BenchProbe.h"
#include "ui/SpendChart.h"
#include "ui/SpendingView.h"

#include <QCommandLineParser>
#include <QMouseEvent>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>

using namespace pixverse;
using namespace pixverse::bench;

namespace {

QList<LedgerEntry> ledger(int count, int days, qint64 firstVideo) {
    const QStringList models = {QStringLiteral("v6"), QStringLiteral("v5.5"), QStringLiteral("v5"),
                                QStringLiteral("v4.5"), QStringLiteral("c1")};
    QRandomGenerator random(19);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<LedgerEntry> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        LedgerEntry e;
        e.source = LedgerEntry::Source::Local;
        e.videoId = firstVideo + i;
        e.model = models.at(random.bounded(int(models.size())));
        e.creationType = QStringLiteral("text_to_video");
        e.credits = 20 + random.bounded(100);
        e.refund = i % 20 == 19;
        e.at = now.addSecs(-qint64(random.bounded(days * 86400)));
        out << e;
    }
    return out;
}

//! One synchronous repaint of `w`'s window, timed with what came before it in `start`.
double frameSince(ProbeApp& app, QWidget* w, qint64 start) {
    QEvent update(QEvent::UpdateRequest);
    QApplication::sendEvent(w->window(), &update);
    return static_cast<double>(app.clock.nsecsElapsed() - start) / 1e6;
}

} // namespace

int main(int argc, char* argv[]) {
    ProbeApp app(argc, argv);
    app.clock.start();
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption entriesOption(QStringLiteral("entries"),
                                           QStringLiteral("Ledger entries in the store."),
                                           QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption daysOption(QStringLiteral("days"),
                                        QStringLiteral("Days the entries spread over."),
                                        QStringLiteral("D"), QStringLiteral("90"));
    parser.addOption(entriesOption);
    parser.addOption(daysOption);
    parser.process(app);
    const int count = std::max(1, parser.value(entriesOption).toInt());
    const int days = std::max(1, parser.value(daysOption).toInt());

    QTemporaryDir scratch;
    JobStore store;
    if (!store.open(scratch.filePath(QStringLiteral("data")))) {
        std::fprintf(stderr, "store: %s\n", qPrintable(store.errorString()));
        return 1;
    }
    if (!store.addLedgerEntries(ledger(count, days, 1)).ok())
        return 1;
    put("entries", count);
    put("days", days);

    SpendingView view;
    view.resize(768, 760);
    view.setRange(SpendingView::Range::AllTime);
    view.show();
    if (!waitUntil([&] { return app.frames > 0; }))
        return 1;

    // The first frame with the ledger: the report, the tables, the chart.
    const qint64 given = app.clock.nsecsElapsed();
    app.resetProbe();
    view.setSources(&store, nullptr);
    if (!waitUntil([&] { return !view.reportPending(); }))
        return 1;
    const int framesBefore = app.frames;
    if (!waitUntil([&] { return app.frames > framesBefore; }))
        return 1;
    put("first_frame_ms", static_cast<double>(app.lastFrameEndNs - given) / 1e6);
    put("first_frame_longest_event_ms", static_cast<double>(app.longestEventNs) / 1e6);
    put("report_entries", double(view.report().entries.size()));

    // Every range, twice round.
    double worstRange = 0;
    QList<double> ranges;
    QList<double> shown;
    for (int round = 0; round < 2; ++round) {
        for (const SpendingView::Range range :
             {SpendingView::Range::Last7Days, SpendingView::Range::Last30Days,
              SpendingView::Range::ThisMonth, SpendingView::Range::AllTime}) {
            app.resetProbe();
            const qint64 start = app.clock.nsecsElapsed();
            view.setRange(range);
            const double chosen = frameSince(app, &view, start);
            if (!waitUntil([&] { return !view.reportPending(); }))
                return 1;
            const qint64 arrived = app.clock.nsecsElapsed();
            const double painted = frameSince(app, &view, arrived);
            shown << static_cast<double>(app.clock.nsecsElapsed() - start) / 1e6;
            const double ms =
                std::max({chosen, painted, static_cast<double>(app.longestEventNs) / 1e6});
            ranges << ms;
            worstRange = std::max(worstRange, ms);
            QCoreApplication::processEvents();
        }
    }
    std::sort(ranges.begin(), ranges.end());
    std::sort(shown.begin(), shown.end());
    put("range_frame_median_ms", ranges.at(ranges.size() / 2));
    put("range_frame_worst_ms", worstRange);
    put("range_shown_median_ms", shown.at(shown.size() / 2));
    put("range_shown_worst_ms", shown.constLast());

    // The pointer across the chart: a lit column and a repaint per step.
    SpendChart* chart = view.chart();
    double worstHover = 0;
    int steps = 0;
    for (int x = 0; x < chart->width(); x += 6, ++steps) {
        const QPoint at(x, chart->height() / 2);
        QMouseEvent move(QEvent::MouseMove, at, chart->mapToGlobal(at), Qt::NoButton, Qt::NoButton,
                         Qt::NoModifier);
        const qint64 start = app.clock.nsecsElapsed();
        QApplication::sendEvent(chart, &move);
        worstHover = std::max(worstHover, frameSince(app, &view, start));
    }
    put("hover_frames", steps);
    put("hover_frame_worst_ms", worstHover);

    // New entries arrive (a sync's page): one rebuild, one repaint.
    const qint64 start = app.clock.nsecsElapsed();
    if (!store.addLedgerEntries(ledger(50, 1, count + 1)).ok())
        return 1;
    const qint64 stored = app.clock.nsecsElapsed();
    app.resetProbe();
    // The view's coalesced rebuild, its report from the pool, its repaint.
    if (!waitUntil([&] { return !view.reportPending(); }))
        return 1;
    const double painted = frameSince(app, &view, app.clock.nsecsElapsed());
    const double ms = std::max(painted, static_cast<double>(app.longestEventNs) / 1e6);
    put("ledger_store_ms", static_cast<double>(stored - start) / 1e6);
    put("ledger_change_frame_ms", ms);
    put("ledger_change_shown_ms", static_cast<double>(app.clock.nsecsElapsed() - stored) / 1e6);
    put("worst_frame_ms", std::max({worstRange, worstHover, ms}));
    return 0;
}
