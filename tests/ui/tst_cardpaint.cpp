// Issue 20: the gallery's cards paint from caches. The frame (fill and border) comes from a
// pixmap made once per size and look: it must give the pixels the direct paint gives. The
// wrapped prompt is laid out once per text and width: the same lines as a fresh layout. The
// thumbnail is decoded at the card's picture size by the cache's worker and drawn 1:1 under the
// card's rounded corners. A real store, model, pane and thumbnail file.
#include "core/jobs/JobListModel.h"
#include "core/jobs/JobStore.h"
#include "core/jobs/ThumbnailCache.h"
#include "ui/CardSettingsLine.h"
#include "ui/JobCardDelegate.h"
#include "ui/JobGalleryView.h"
#include "ui/JobsPane.h"

#include <QApplication>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;

namespace {

//! The largest difference of any channel between two images of one size.
int maxChannelDifference(const QImage& a, const QImage& b) {
    int worst = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            worst = std::max({worst, std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                              std::abs(qBlue(p) - qBlue(q)), std::abs(qAlpha(p) - qAlpha(q))});
        }
    }
    return worst;
}

QImage canvas(const QSize& size, const QColor& background) {
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(background);
    return image;
}

} // namespace

class TestCardPaint : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void framePixmapGivesTheDirectPaintsPixels();
    void wrappedLinesAreLaidOutOnce();
    void thumbnailIsDrawnAtItsDecodedSize();
};

void TestCardPaint::framePixmapGivesTheDirectPaintsPixels() {
    JobCardDelegate delegate;
    QPalette palette;
    palette.setColor(QPalette::Base, QColor(0x24, 0x26, 0x2c));
    palette.setColor(QPalette::Mid, QColor(0x9a, 0xa0, 0xaa));
    palette.setColor(QPalette::Highlight, QColor(0x3b, 0x82, 0xf6));
    const QColor background(0x18, 0x19, 0x1d); // the gallery's viewport
    const QSize card(230, 260);
    const QRectF cardRect(QPointF(0, 0), QSizeF(card));
    struct Case {
        const char* name;
        bool selected;
        bool hovered;
    };
    for (const Case& c : {Case{"plain", false, false}, Case{"hovered", false, true},
                          Case{"selected", true, false}}) {
        const JobCardDelegate::FrameLook look =
            JobCardDelegate::frameLook(palette, c.selected, c.hovered);
        for (const auto layer :
             {JobCardDelegate::FrameLayer::Fill, JobCardDelegate::FrameLayer::Border}) {
            QImage direct = canvas(card, background);
            {
                QPainter painter(&direct);
                JobCardDelegate::paintFrame(&painter, cardRect, look, layer);
            }
            QImage cached = canvas(card, background);
            {
                QPainter painter(&cached);
                painter.drawPixmap(0, 0, delegate.framePixmap(card, 1.0, look, layer));
            }
            // Something was painted: the frame is not the background.
            QVERIFY2(direct != canvas(card, background), c.name);
            // The pixmap's antialiased edges are composed once more than the direct paint's:
            // two rounding steps at most (a wrong shape or colour differs by far more).
            QVERIFY2(maxChannelDifference(direct, cached) <= 2,
                     qPrintable(QStringLiteral("%1: %2")
                                    .arg(QLatin1String(c.name))
                                    .arg(maxChannelDifference(direct, cached))));
        }
        // The fill's corner stays the background, its middle is the fill.
        QImage filled = canvas(card, background);
        {
            QPainter painter(&filled);
            painter.drawPixmap(
                0, 0, delegate.framePixmap(card, 1.0, look, JobCardDelegate::FrameLayer::Fill));
        }
        QCOMPARE(filled.pixelColor(0, 0), background);
        QCOMPARE(filled.pixelColor(card.width() / 2, card.height() / 2).rgb(), look.fill.rgb());
    }
    // Made once per look and layer, then reused (plain and hovered cards share their fill).
    QCOMPARE(delegate.cachedFrameCount(), 5);
    const JobCardDelegate::FrameLook plain = JobCardDelegate::frameLook(palette, false, false);
    const QPixmap first = delegate.framePixmap(card, 1.0, plain, JobCardDelegate::FrameLayer::Fill);
    QCOMPARE(delegate.framePixmap(card, 1.0, plain, JobCardDelegate::FrameLayer::Fill).cacheKey(),
             first.cacheKey());
    QCOMPARE(delegate.cachedFrameCount(), 5);
    // A new size is a new pixmap.
    QVERIFY(delegate.framePixmap(card + QSize(10, 0), 1.0, plain, JobCardDelegate::FrameLayer::Fill)
                .cacheKey() != first.cacheKey());
    QCOMPARE(delegate.cachedFrameCount(), 6);
}

void TestCardPaint::wrappedLinesAreLaidOutOnce() {
    JobCardDelegate delegate;
    QFont font = QApplication::font();
    const QString prompt = QStringLiteral(
        "A lighthouse in a storm at night, waves crash over the rocks, cinematic lighting, slow "
        "push in, gulls circle over the foam while the beam cuts through the fog");
    const int width = 200;
    const QStringList lines = delegate.wrappedLines(prompt, font, width, 3);
    QCOMPARE(lines.size(), wrappedLineCount(prompt, font, width, 3));
    QCOMPARE(lines.size(), 3);
    const QFontMetrics metrics(font);
    for (const QString& line : lines)
        QVERIFY2(metrics.horizontalAdvance(line) <= width, qPrintable(line));
    QVERIFY(prompt.startsWith(lines.at(0)));
    QVERIFY2(lines.at(2).endsWith(QChar(0x2026)), qPrintable(lines.at(2))); // text was left over
    QCOMPARE(delegate.cachedLayoutCount(), 1);
    QCOMPARE(delegate.wrappedLines(prompt, font, width, 3), lines);
    QCOMPARE(delegate.cachedLayoutCount(), 1);
    // Another width, another line count: laid out again.
    const QStringList one = delegate.wrappedLines(prompt, font, width, 1);
    QCOMPARE(one.size(), 1);
    QVERIFY(one.at(0).endsWith(QChar(0x2026)));
    QVERIFY(delegate.wrappedLines(prompt, font, width * 3, 3) != lines);
    QCOMPARE(delegate.cachedLayoutCount(), 3);
    // A short text: one line, whole.
    QCOMPARE(delegate.wrappedLines(QStringLiteral("Lighthouse"), font, width, 3),
             QStringList{QStringLiteral("Lighthouse")});
}

void TestCardPaint::thumbnailIsDrawnAtItsDecodedSize() {
    QTemporaryDir dir;
    // A picture whose every pixel differs from its neighbours, so any scaling shows.
    QImage picture(480, 270, QImage::Format_RGB32);
    for (int y = 0; y < picture.height(); ++y)
        for (int x = 0; x < picture.width(); ++x)
            picture.setPixel(x, y, qRgb((x * 7) % 256, (y * 11) % 256, ((x + y) * 5) % 256));
    const QString thumbnail = dir.filePath(QStringLiteral("thumb.png"));
    QVERIFY(picture.save(thumbnail));

    JobStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("data"))));
    Job job;
    job.request.prompt = QStringLiteral("Lighthouse");
    job.state = JobState::Done;
    job.videoId = 4242;
    job.thumbnailPath = thumbnail;
    const Result<Job> added = store.add(job);
    QVERIFY(added.ok());

    JobsPane pane(&store, nullptr);
    pane.resize(900, 700);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    JobGalleryView* view = pane.view();
    JobCardDelegate* delegate = view->cardDelegate();
    ThumbnailCache* cache = pane.thumbnailCache();
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.font = view->font();
    const QSize pictureSize = delegate->thumbnailSize(option);
    // The gallery asked for pictures at the card's picture size.
    QCOMPARE(cache->scaledSize(), pictureSize * view->devicePixelRatioF());
    QCOMPARE(cache->scaling(), ThumbnailCache::Scaling::Card);
    QVERIFY(pictureSize.width() < picture.width());
    QTRY_VERIFY(cache->contains(thumbnail));
    const QImage decoded = cache->image(thumbnail);
    QCOMPARE(decoded.size(), pictureSize);

    // The card painted alone: the picture's inside is the decoded image, pixel for pixel.
    const QModelIndex index =
        pane.filterModel()->mapFromSource(pane.model()->indexOf(added.value->id));
    option.rect = QRect(QPoint(0, 0), delegate->cardSize(option));
    option.state = QStyle::State_Enabled;
    const QColor background(0x18, 0x19, 0x1d);
    QImage card = canvas(option.rect.size(), background);
    {
        QPainter painter(&card);
        delegate->paint(&painter, option, index);
    }
    const int margin = (option.rect.width() - pictureSize.width()) / 2; // the card's margin
    const QPoint origin(margin, margin);
    for (const QPoint p :
         {QPoint(20, 60), QPoint(pictureSize.width() / 2, pictureSize.height() - 3),
          QPoint(pictureSize.width() - 20, 40)}) {
        QCOMPARE(QColor(card.pixel(origin + p)), QColor(decoded.pixel(p)));
    }
    // The rounded corners: the card's top-left corner pixel is not the picture's.
    QVERIFY(QColor(card.pixel(origin)) != QColor(decoded.pixel(0, 0)));
    QCOMPARE(cache->stats().loadsOnGuiThread, 0);
}

QTEST_MAIN(TestCardPaint)
#include "tst_cardpaint.moc"
