// The Spending view (issue 19) over a real store (SQLite in a temporary folder) holding ledger
// entries of several days and models and a refund: the totals for each range, the per-model
// table, the refunds list and its way to the gallery, the CSV written on the thread pool, the
// chart's bars, tooltips and empty state at 1× and 2×, and screenshots in English and Russian.
#include "Screenshots.h"
#include "WidgetTexts.h"
#include "core/jobs/JobFilterModel.h"
#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"
#include "tests/core/jobs/JobTestFixture.h"
#include "ui/JobGalleryView.h"
#include "ui/JobsPane.h"
#include "ui/MainWindow.h"
#include "ui/SpendChart.h"
#include "ui/SpendingView.h"
#include "ui/Translations.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace pixverse;
using namespace pixverse::test;

namespace {

const QDate kToday(2026, 12, 20);

//! Noon, local time, `daysAgo` days before kToday.
QDateTime noon(int daysAgo) {
    return QDateTime(kToday.addDays(-daysAgo), QTime(12, 0)).toUTC();
}

LedgerEntry entry(int daysAgo, const QString& model, qint64 credits, qint64 videoId,
                  qint64 jobId = 0, bool refund = false) {
    LedgerEntry e;
    e.source = LedgerEntry::Source::Local;
    e.videoId = videoId;
    e.jobId = jobId;
    e.creationType = QStringLiteral("text_to_video");
    e.model = model;
    e.credits = credits;
    e.refund = refund;
    e.at = noon(daysAgo).addSecs(refund ? 300 : 0);
    return e;
}

//! The view's figures are made on the thread pool: waits until the newest ones are shown.
[[nodiscard]] bool settled(const SpendingView& view) {
    return QTest::qWaitFor([&view] { return !view.reportPending(); }, 10000);
}

QString labelText(const QWidget* view, const char* name) {
    auto* label = view->findChild<QLabel*>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("(no %1)").arg(QLatin1String(name));
}

//! The chart painted into an image of `scale` device pixels per pixel.
QImage paintChart(SpendChart* chart, qreal scale) {
    QImage image(chart->size() * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(chart->palette().color(QPalette::Window));
    chart->render(&image);
    return image;
}

} // namespace

class TestSpendingView : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<JobStore> m_store;
    qint64 m_moderatedJob = 0;

private Q_SLOTS:
    void init() {
        installTranslations(*qApp, QStringLiteral("en"));
        m_store = std::make_unique<JobStore>();
        static int run = 0;
        QVERIFY(m_store->open(m_dir.filePath(QStringLiteral("data-%1").arg(++run))));
        Job job;
        job.request = JobTestBed::request(QStringLiteral("A dancer refused by moderation"));
        job.state = JobState::Moderated;
        job.videoId = 102;
        const Result<Job> added = m_store->add(job);
        QVERIFY(added.ok());
        m_moderatedJob = added.value->id;
        // Today: two v6 videos, one refunded; 3 days ago a v5; this month's 5th a v5 again;
        // 25 days ago (last month) a v6; 40 days ago a c1.
        const Result<int> stored = m_store->addLedgerEntries({
            entry(0, QStringLiteral("v6"), 35, 101),
            entry(0, QStringLiteral("v6"), 35, 102, m_moderatedJob),
            entry(0, QStringLiteral("v6"), 35, 102, m_moderatedJob, true),
            entry(3, QStringLiteral("v5"), 45, 103),
            entry(15, QStringLiteral("v5"), 20, 104),
            entry(25, QStringLiteral("v6"), 70, 105),
            entry(40, QStringLiteral("c1"), 20, 106),
        });
        QVERIFY(stored.ok());
        QCOMPARE(*stored.value, 7);
    }
    void cleanup() { m_store.reset(); }

    void totalsFollowTheRange() {
        SpendingView view;
        view.setToday(kToday);
        view.setSources(m_store.get(), nullptr);
        view.setRange(SpendingView::Range::Last7Days);
        // The last figures stay until the new ones come.
        QVERIFY(view.reportPending());
        QCOMPARE(labelText(&view, "spendDeducted"), QStringLiteral("0 credits"));
        QVERIFY(settled(view));
        QCOMPARE(labelText(&view, "spendDeducted"), QStringLiteral("115 credits"));
        QCOMPARE(labelText(&view, "spendRefunded"), QStringLiteral("35 credits"));
        QCOMPARE(labelText(&view, "spendNet"), QStringLiteral("80 credits"));

        // Chosen in the box as a creator does: the keyboard on the combo box.
        auto* box = view.findChild<QComboBox*>(QStringLiteral("spendRange"));
        QVERIFY(box);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Down); // Last 30 days
        QCOMPARE(view.range(), SpendingView::Range::Last30Days);
        QVERIFY(settled(view));
        QCOMPARE(labelText(&view, "spendDeducted"), QStringLiteral("205 credits"));
        QCOMPARE(labelText(&view, "spendNet"), QStringLiteral("170 credits"));
        QTest::keyClick(box, Qt::Key_Down); // This month: December 1st to 20th
        QCOMPARE(view.range(), SpendingView::Range::ThisMonth);
        QVERIFY(settled(view));
        QCOMPARE(labelText(&view, "spendDeducted"), QStringLiteral("135 credits"));
        QCOMPARE(labelText(&view, "spendNet"), QStringLiteral("100 credits"));
        QTest::keyClick(box, Qt::Key_Down); // All time
        QCOMPARE(view.range(), SpendingView::Range::AllTime);
        QVERIFY(settled(view));
        QCOMPARE(labelText(&view, "spendDeducted"), QStringLiteral("225 credits"));
        QCOMPARE(labelText(&view, "spendRefunded"), QStringLiteral("35 credits"));
        QCOMPARE(labelText(&view, "spendNet"), QStringLiteral("190 credits"));
        QCOMPARE(view.report().from, kToday.addDays(-40));
        QCOMPARE(view.report().until, kToday);
    }

    void rebuildsWhenTheLedgerChanges() {
        SpendingView view;
        view.setToday(kToday);
        view.setSources(m_store.get(), nullptr);
        view.setRange(SpendingView::Range::Last7Days);
        QVERIFY(settled(view));
        QCOMPARE(labelText(&view, "spendDeducted"), QStringLiteral("115 credits"));
        QVERIFY(m_store->addLedgerEntries({entry(1, QStringLiteral("v6"), 50, 107)}).ok());
        QTRY_COMPARE(labelText(&view, "spendDeducted"), QStringLiteral("165 credits"));
        QCOMPARE(labelText(&view, "spendNet"), QStringLiteral("130 credits"));
        // Signed out: nothing, and says why.
        view.setSources(nullptr, nullptr);
        QCOMPARE(labelText(&view, "spendDeducted"), QStringLiteral("0 credits"));
        QCOMPARE(view.sourceText(), QStringLiteral("Sign in to see what you spent."));
    }

    void modelTableHasOneRowPerModel() {
        SpendingView view;
        view.setToday(kToday);
        view.setSources(m_store.get(), nullptr);
        view.setRange(SpendingView::Range::AllTime);
        QVERIFY(settled(view));
        QTreeWidget* table = view.modelTable();
        QCOMPARE(table->columnCount(), 5);
        QCOMPARE(table->headerItem()->text(0), QStringLiteral("Model"));
        QCOMPARE(table->topLevelItemCount(), 3);
        // By net credits, most first: v6 (140 − 35), v5 (65), c1 (20).
        auto row = [&](int i) {
            QStringList cells;
            for (int c = 0; c < 5; ++c)
                cells << table->topLevelItem(i)->text(c);
            return cells;
        };
        QCOMPARE(row(0),
                 (QStringList{QStringLiteral("v6"), QStringLiteral("3"), QStringLiteral("140"),
                              QStringLiteral("35"), QStringLiteral("105")}));
        QCOMPARE(row(1),
                 (QStringList{QStringLiteral("v5"), QStringLiteral("2"), QStringLiteral("65"),
                              QStringLiteral("0"), QStringLiteral("65")}));
        QCOMPARE(row(2),
                 (QStringList{QStringLiteral("c1"), QStringLiteral("1"), QStringLiteral("20"),
                              QStringLiteral("0"), QStringLiteral("20")}));
        view.setRange(SpendingView::Range::Last7Days);
        QVERIFY(settled(view));
        QCOMPARE(table->topLevelItemCount(), 2); // v6 and v5 only
    }

    void refundsListNamesTheJobAndFindsIt() {
        SpendingView view;
        view.setToday(kToday);
        view.setSources(m_store.get(), nullptr);
        view.resize(760, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(settled(view));
        QTreeWidget* list = view.refundsList();
        QCOMPARE(list->topLevelItemCount(), 1);
        QTreeWidgetItem* item = list->topLevelItem(0);
        QCOMPARE(item->text(1), QStringLiteral("102"));
        QCOMPARE(item->text(2), QStringLiteral("35"));
        QCOMPARE(item->text(3), JobListModel::titleOf(*m_store->job(m_moderatedJob)));
        QVERIFY(item->text(3).contains(QStringLiteral("dancer")));
        QCOMPARE(item->text(0),
                 QLocale().toString(noon(0).addSecs(300).toLocalTime(), QLocale::ShortFormat));

        QSignalSpy chosen(&view, &SpendingView::jobChosen);
        // A double-click as the mouse sends it: a click, then the second press.
        const QRect rect = list->visualItemRect(item);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_COMPARE(chosen.count(), 1);
        QCOMPARE(chosen.constFirst().constFirst().toLongLong(), m_moderatedJob);
    }

    // The window's hook: View → Spending opens the tab; a refund's row finds its job in the
    // gallery, even behind a filter that hid it.
    void windowOpensTheViewAndFindsTheJob() {
        MainWindow window;
        window.jobsPane()->setJobs(m_store.get(), nullptr);
        Job other;
        other.request = JobTestBed::request(QStringLiteral("A kite at dawn"));
        other.state = JobState::Done;
        other.favourite = true;
        QVERIFY(m_store->add(other).ok());
        SpendingView* view = window.spendingView();
        view->setToday(kToday);
        view->setSources(m_store.get(), nullptr);
        window.resize(MainWindow::preferredSize());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("sideTabs"));
        QVERIFY(tabs);
        QCOMPARE(tabs->indexOf(view), -1); // not a tab before it is opened
        QVERIFY(!view->isVisible());
        auto* open = window.findChild<QAction*>(QStringLiteral("showSpendingAction"));
        QVERIFY(open && open->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_4));
        open->trigger();
        QCOMPARE(tabs->currentWidget(), view);
        QTRY_VERIFY(view->isVisible());
        open->trigger(); // once is enough: one tab
        QCOMPARE(tabs->count(), 2);

        // The favourites filter hides the moderated job; the refund still finds it.
        window.jobsPane()->filterModel()->setFavouritesOnly(true);
        QVERIFY(settled(*view));
        QTreeWidget* list = view->refundsList();
        QCOMPARE(list->topLevelItemCount(), 1);
        const QPoint row = list->visualItemRect(list->topLevelItem(0)).center();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, row);
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, row);
        QTRY_COMPARE(tabs->currentWidget(), window.jobsPane());
        QCOMPARE(window.jobsPane()->view()->currentJobId(), m_moderatedJob);
    }

    void exportWritesTheRangesRows() {
        SpendingView view;
        view.setToday(kToday);
        view.setSources(m_store.get(), nullptr);
        view.setRange(SpendingView::Range::Last7Days);
        QVERIFY(settled(view));
        const QString path = m_dir.filePath(QStringLiteral("spend.csv"));
        QString suggested;
        view.setSaveFileProvider([&](QWidget*, const QString& proposal) {
            suggested = proposal;
            return path;
        });
        QSignalSpy exported(&view, &SpendingView::exported);
        auto* button = view.findChild<QPushButton*>(QStringLiteral("spendExport"));
        QVERIFY(button && button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.constFirst().at(0).toString(), path);
        QCOMPARE(exported.constFirst().at(1).toString(), QString());
        QVERIFY(suggested.endsWith(QStringLiteral("pixverse-spending-2026-12-14-2026-12-20.csv")));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString csv = QString::fromUtf8(file.readAll());
        QStringList lines = csv.split(QRegularExpression(QStringLiteral("\r?\n")));
        lines.removeAll(QString());
        QCOMPARE(lines.size(), 1 + 4); // a header, then 3 deductions and 1 refund of 7 days
        const QStringList header = lines.takeFirst().split(QLatin1Char(','));
        const qsizetype video = header.indexOf(QStringLiteral("video_id"));
        QVERIFY2(video >= 0, qPrintable(header.join(QLatin1Char(','))));
        QStringList videos;
        QStringList refunded;
        for (const QString& line : std::as_const(lines)) {
            const QStringList fields = line.split(QLatin1Char(','));
            QCOMPARE(fields.size(), header.size());
            videos << fields.at(video);
            if (fields.constLast() == QLatin1String("refund"))
                refunded << fields.at(video);
        }
        videos.sort();
        // 104 (the 5th of the month) and older are not in the last 7 days.
        QCOMPARE(videos, (QStringList{QStringLiteral("101"), QStringLiteral("102"),
                                      QStringLiteral("102"), QStringLiteral("103")}));
        QCOMPARE(refunded, QStringList{QStringLiteral("102")});

        // Nowhere to write: said, not thrown away.
        view.setSaveFileProvider([&](QWidget*, const QString&) {
            return m_dir.filePath(QStringLiteral("no/such.csv"));
        });
        view.exportCsv();
        QVERIFY(exported.wait(10000));
        QVERIFY(!exported.constLast().at(1).toString().isEmpty());
    }

    void sourceLineSaysWhereFiguresComeFrom() {
        SpendingView view;
        view.setSources(m_store.get(), nullptr);
        QCOMPARE(view.sourceText(),
                 QStringLiteral("From this app's records (the website has no ledger)"));
        QCOMPARE(labelText(&view, "spendSource"), view.sourceText());
        auto* sync = view.findChild<QPushButton*>(QStringLiteral("spendSyncNow"));
        QVERIFY(sync && !sync->isVisibleTo(&view)); // nothing to sync on a website account
    }

    void chartBarsAndTooltips() {
        SpendingView view;
        view.setToday(kToday);
        view.setSources(m_store.get(), nullptr);
        view.setRange(SpendingView::Range::Last7Days);
        view.resize(760, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(settled(view));
        SpendChart* chart = view.chart();
        QVERIFY(!chart->isEmpty());
        const QList<SpendChart::Bar> bars = chart->bars();
        QCOMPARE(bars.size(), 7);
        QCOMPARE(bars.constFirst().from, kToday.addDays(-6));
        QCOMPARE(bars.at(3).deducted, 45); // 3 days ago
        QCOMPARE(bars.at(6).deducted, 70);
        QCOMPARE(bars.at(6).refunded, 35);
        const QPoint middle = chart->columnOf(6).center();
        QCOMPARE(chart->barAt(middle), 6);
        const QString tip = chart->toolTipOf(6);
        QVERIFY2(tip.contains(QStringLiteral("Deducted: 70 credits")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Refunded: 35 credits")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Net: 35 credits")), qPrintable(tip));

        // At 1× and 2× the bar's column holds the deduction's colour above the zero line and the
        // refund's below it, and the empty days' columns hold neither.
        const QColor deducted = chart->palette().color(QPalette::Highlight);
        for (const qreal scale : {1.0, 2.0}) {
            const QImage image = paintChart(chart, scale);
            auto coloursOf = [&](int index) {
                QSet<QRgb> seen;
                const QRect column = chart->columnOf(index);
                const QRect px(column.topLeft() * scale, column.size() * scale);
                for (int y = px.top(); y <= px.bottom(); ++y) {
                    for (int x = px.left(); x <= px.right(); ++x)
                        seen.insert(image.pixel(x, y));
                }
                return seen;
            };
            QVERIFY2(coloursOf(6).contains(deducted.rgb()), qPrintable(QString::number(scale)));
            QVERIFY(!coloursOf(5).contains(deducted.rgb()));
            QVERIFY(coloursOf(6).size() > coloursOf(5).size()); // the refund's colour too
        }

        // Many days: put together so each bar keeps a few pixels.
        view.setRange(SpendingView::Range::AllTime);
        QVERIFY(settled(view));
        const QList<SpendChart::Bar> all = chart->bars();
        QVERIFY(!all.isEmpty());
        qint64 total = 0;
        for (const SpendChart::Bar& bar : all)
            total += bar.deducted;
        QCOMPARE(total, 225);
    }

    void chartDrawsWithoutData() {
        SpendChart chart;
        chart.resize(400, 200);
        chart.setDays({}, kToday.addDays(-6), kToday);
        QVERIFY(chart.isEmpty());
        QCOMPARE(chart.barAt(QPoint(200, 100)), chart.barAt(QPoint(200, 100)));
        QCOMPARE(chart.toolTipOf(-1), QString());
        for (const qreal scale : {1.0, 2.0}) {
            const QImage image = paintChart(&chart, scale);
            // The sentence is painted: more than the background in the middle.
            QVERIFY(coloursIn(image, QRect(QPoint(0, 0), image.size()), 3) >= 2);
        }
        // No days at all (signed out): the same, no crash.
        chart.setDays({}, QDate(), QDate());
        QVERIFY(chart.isEmpty());
        QVERIFY(chart.bars().isEmpty());
        QCOMPARE(chart.barAt(QPoint(10, 10)), -1);
        const QImage image = paintChart(&chart, 1.0);
        QVERIFY(!image.isNull());
    }

    void screenshots_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ru") << QStringLiteral("ru");
    }
    void screenshots() {
        QFETCH(QString, language);
        QCOMPARE(installTranslations(*qApp, language), language);
        SpendingView view;
        view.setToday(kToday);
        view.setSources(m_store.get(), nullptr);
        view.setRange(SpendingView::Range::Last30Days);
        view.resize(768, 720);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(settled(view));
        verifyScreenshot(&view, QStringLiteral("spending-%1").arg(language));
        if (language == QLatin1String("ru")) {
            QCOMPARE(labelText(&view, "spendDeducted"), QStringLiteral("Кредитов: 205"));
            QVERIFY(view.sourceText().contains(QStringLiteral("записям")));
            QCOMPARE(view.modelTable()->headerItem()->text(0), QStringLiteral("Модель"));
        }
        // The empty state too.
        view.setRange(SpendingView::Range::Last7Days);
        view.setToday(kToday.addDays(100));
        QVERIFY(settled(view));
        QVERIFY(view.chart()->isEmpty());
        verifyScreenshot(&view, QStringLiteral("spending-empty-%1").arg(language));
    }
};

QTEST_MAIN(TestSpendingView)
#include "tst_spendingview.moc"
