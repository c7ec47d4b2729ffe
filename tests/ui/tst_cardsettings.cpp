// Issue 18: on a card in Russian the settings line was cut ("Изображение · V4.5…") where the
// card had room to wrap it. A real store and model in Russian, the gallery narrowed until the
// settings and the cost no longer fit on one line: with a short prompt the settings take two
// lines, whole, inside the card and below the prompt; with a long prompt (no room) one line,
// elided as before.
#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"
#include "tests/core/jobs/JobTestFixture.h"
#include "ui/JobCardDelegate.h"
#include "ui/JobGalleryView.h"
#include "ui/JobsPane.h"
#include "ui/Translations.h"

#include <QApplication>
#include <QDir>
#include <QFontMetrics>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;

class TestCardSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QCOMPARE(installTranslations(*qApp, QStringLiteral("ru")), QStringLiteral("ru"));
    }
    void settingsWrapWhereTheCardHasRoom();
};

void TestCardSettings::settingsWrapWhereTheCardHasRoom() {
    QTemporaryDir dir;
    JobStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("data"))));
    auto add = [&](const QString& prompt) {
        Job job;
        job.request = test::JobTestBed::request(prompt);
        job.request.model = QStringLiteral("v5.6");
        job.request.quality = QStringLiteral("1080p");
        job.state = JobState::Cancelled; // no file, no thumbnail, no error text
        job.credits = 1440;
        const Result<Job> added = store.add(job);
        return added.ok() ? added.value->id : qint64(0);
    };
    const qint64 shortId = add(QStringLiteral("Маяк"));
    const qint64 longId = add(QStringLiteral(
        "Маяк на скалистом берегу в шторм, волны разбиваются о камни, чайки кружат над пеной, "
        "луч света режет туман, камера медленно облетает башню"));
    QVERIFY(shortId > 0 && longId > 0);

    JobsPane pane(&store, nullptr);
    pane.resize(520, 700);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    JobGalleryView* view = pane.view();
    JobCardDelegate* delegate = view->cardDelegate();
    const QModelIndex shortIndex =
        pane.filterModel()->mapFromSource(pane.model()->indexOf(shortId));
    const QModelIndex longIndex = pane.filterModel()->mapFromSource(pane.model()->indexOf(longId));
    const JobCardDelegate::CardTexts texts = JobCardDelegate::cardTexts(shortIndex);
    QCOMPARE(texts.settings, QStringLiteral("V5.6 · 1080p"));
    QCOMPARE(texts.cost, QStringLiteral("Кредитов: 1440"));

    // Narrower until the settings no longer fit beside the cost (a narrow gallery beside the
    // composer).
    QStyleOptionViewItem option;
    option.initFrom(view);
    auto cardRect = [&](const QModelIndex& index) {
        QRect rect = view->visualRect(index);
        rect.setSize(delegate->cardSize(option));
        return rect;
    };
    QFont meta = option.font;
    meta.setPointSizeF(std::max(6.0, option.font.pointSizeF() * 0.92));
    const QFontMetrics metrics(meta);
    const int oneLine =
        metrics.horizontalAdvance(texts.settings) + metrics.horizontalAdvance(texts.cost) + 8;
    // The cards narrow with the gallery (down to 120 px, JobGalleryView::fitCards()).
    for (int width = delegate->cardWidth(); width >= 120; width -= 4) {
        delegate->setCardWidth(width);
        option.rect = cardRect(shortIndex);
        if (delegate->settingsLine(option, shortIndex).cost.width() < oneLine)
            break;
    }
    option.rect = cardRect(shortIndex);
    const CardSettingsLine wrapped = delegate->settingsLine(option, shortIndex);
    QVERIFY2(wrapped.cost.width() < oneLine, qPrintable(QString::number(wrapped.cost.width())));
    qInfo("card %d px wide, the settings line needs %d px and has %d", option.rect.width(), oneLine,
          wrapped.cost.width());

    // Room: the whole text, on the text's free last line (and beside the cost what did not fit
    // there), inside the card; the cost keeps its place and its width.
    QStringList shown;
    for (const auto& [rect, text] : wrapped.lines) {
        shown << text;
        QVERIFY2(option.rect.contains(rect), qPrintable(text));
        QVERIFY2(metrics.horizontalAdvance(text) <= rect.width(), qPrintable(text));
        QVERIFY(!text.isEmpty());
    }
    QCOMPARE(shown.join(QLatin1Char(' ')), texts.settings);
    QVERIFY(wrapped.lines.first().first.bottom() < wrapped.cost.top()); // two lines in all
    QVERIFY(option.rect.contains(wrapped.cost));
    for (const auto& [rect, text] : wrapped.lines) {
        if (rect.top() == wrapped.cost.top())
            QVERIFY(wrapped.cost.width() - rect.width() >= metrics.horizontalAdvance(texts.cost));
    }

    // No room under a prompt of three lines: one line, elided, the cost whole.
    option.rect = cardRect(longIndex);
    const CardSettingsLine elided = delegate->settingsLine(option, longIndex);
    QCOMPARE(elided.lines.size(), 1);
    QVERIFY(elided.lines.first().second.endsWith(QChar(0x2026)));
    QCOMPARE(elided.cost.top(), elided.lines.first().first.top());

    // Painted as laid out: the card has ink on both lines of the short one.
    QImage image(option.rect.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        QStyleOptionViewItem at = option;
        at.rect = QRect(QPoint(), option.rect.size());
        delegate->paint(&painter, at, shortIndex);
    }
    if (const QString out = qEnvironmentVariable("PIXVERSE_SCREENSHOT_DIR"); !out.isEmpty()) {
        QVERIFY(QDir().mkpath(out));
        QVERIFY(image.save(QDir(out).filePath(QStringLiteral("card-settings-ru.png"))));
    }
    option.rect = cardRect(shortIndex);
    for (const auto& [rect, text] : wrapped.lines) {
        const QRect local = rect.translated(-option.rect.topLeft());
        int ink = 0;
        for (int y = local.top(); y <= local.bottom(); ++y) {
            for (int x = local.left(); x <= local.right(); ++x)
                ink += qGray(image.pixel(x, y)) < 200 ? 1 : 0;
        }
        QVERIFY2(ink > 10, qPrintable(text));
    }
}

QTEST_MAIN(TestCardSettings)
#include "tst_cardsettings.moc"
