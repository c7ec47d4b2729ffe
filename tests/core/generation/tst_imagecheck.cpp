#include "core/generation/ImageCheck.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFutureWatcher>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <array>

using namespace pixverse;

namespace {

//! A gradient with a few shapes: compresses like a picture, scales visibly.
QImage picture(int width, int height, bool alpha = false) {
    QImage image(width, height, alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = qRgba(x * 255 / width, y * 255 / height, (x + y) % 256, alpha ? 200 : 255);
    }
    return image;
}

//! Random pixels: no format can compress them, so the file sizes are predictable.
QImage noise(int width, int height) {
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<quint32*>(image.scanLine(y));
        QRandomGenerator::global()->fillRange(line, width);
    }
    return image;
}

QByteArray chunk(const char* type, const QByteArray& data) {
    // CRC-32 as PNG wants it (ISO 3309), over the type and the data.
    static const auto table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    QByteArray body = QByteArray(type) + data;
    quint32 crc = 0xffffffffu;
    for (char ch : body)
        crc = table[(crc ^ static_cast<quint8>(ch)) & 0xff] ^ (crc >> 8);
    crc ^= 0xffffffffu;
    QByteArray out;
    auto be32 = [&out](quint32 v) {
        for (int shift = 24; shift >= 0; shift -= 8)
            out.append(static_cast<char>((v >> shift) & 0xff));
    };
    be32(static_cast<quint32>(data.size()));
    out += body;
    be32(crc);
    return out;
}

} // namespace

class TestImageCheck : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_bigTiff;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString outDir() const { return m_dir.filePath(QStringLiteral("out")); }

    QString save(const QImage& image, const QString& name, const char* format, int quality = -1) {
        QImageWriter writer(path(name), format);
        if (quality >= 0)
            writer.setQuality(quality);
        if (!writer.write(image))
            qFatal("cannot write %s: %s", qPrintable(name), qPrintable(writer.errorString()));
        return path(name);
    }

    QString write(const QString& name, const QByteArray& bytes) {
        QFile f(path(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(name));
        return f.fileName();
    }

    //! 6000 × 6000 px, uncompressed: over 100 MB on disk, 144 MB decoded.
    QString bigTiff() {
        if (m_bigTiff.isEmpty())
            m_bigTiff = save(picture(6000, 6000), QStringLiteral("big.tiff"), "tiff");
        return m_bigTiff;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QList<QByteArray> formats = QImageReader::supportedImageFormats();
        for (const char* f : {"png", "jpeg", "webp", "bmp", "gif", "tiff"})
            QVERIFY2(formats.contains(f), f); // qt6-image-formats-plugins brings WebP and TIFF
    }

    void limitsAreTheServiceLimits() {
        QCOMPARE(ImageLimits::maxBytes, qint64(20) * 1024 * 1024);
        QCOMPARE(ImageLimits::maxSide, 4000);
        QCOMPARE(ImageLimits::acceptedFormats(), (QList<QByteArray>{"png", "jpeg", "webp"}));
    }

    void acceptedFormatsPassUnchanged_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("writeAs");
        QTest::addColumn<QByteArray>("format");
        QTest::newRow("png") << QStringLiteral("a.png") << QByteArray("png") << QByteArray("png");
        QTest::newRow("jpg") << QStringLiteral("b.jpg") << QByteArray("jpeg") << QByteArray("jpeg");
        QTest::newRow("jpeg") << QStringLiteral("c.jpeg") << QByteArray("jpeg")
                              << QByteArray("jpeg");
        QTest::newRow("webp") << QStringLiteral("d.webp") << QByteArray("webp")
                              << QByteArray("webp");
        // The content decides, not the name.
        QTest::newRow("png named .jpg")
            << QStringLiteral("e.jpg") << QByteArray("png") << QByteArray("png");
        QTest::newRow("exactly 4000 px")
            << QStringLiteral("f.png") << QByteArray("png") << QByteArray("png");
    }
    void acceptedFormatsPassUnchanged() {
        QFETCH(QString, file);
        QFETCH(QByteArray, writeAs);
        QFETCH(QByteArray, format);
        const QSize size = QTest::currentDataTag() == QByteArray("exactly 4000 px")
                               ? QSize(4000, 50)
                               : QSize(640, 480);
        const QString source =
            save(picture(size.width(), size.height()), file, writeAs.constData());

        const ImageCheckResult result = ImageCheck::prepare(source, outDir());
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(result.problem, ImageProblem::None);
        const PreparedImage& img = *result.image;
        QCOMPARE(img.path, QFileInfo(source).absoluteFilePath());
        QVERIFY(!img.converted);
        QCOMPARE(img.format, format);
        QCOMPARE(img.mimeType(), QStringLiteral("image/") + QString::fromLatin1(format));
        QCOMPARE(QSize(img.width, img.height), size);
        QCOMPARE(img.bytes, QFileInfo(source).size());
        QCOMPARE(img.sourceFormat, format);
        QCOMPARE(img.note, QStringLiteral("Ready to upload as it is."));
        QVERIFY(!img.preview.isNull());
        QVERIFY(img.preview.width() <= ImageLimits::previewSide &&
                img.preview.height() <= ImageLimits::previewSide);
    }

    void otherFormatsAreConvertedToPng_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("writeAs");
        QTest::addColumn<QString>("name");
        QTest::newRow("bmp") << QStringLiteral("g.bmp") << QByteArray("bmp")
                             << QStringLiteral("BMP");
        QTest::newRow("tiff") << QStringLiteral("h.tif") << QByteArray("tiff")
                              << QStringLiteral("TIFF");
        QTest::newRow("ppm") << QStringLiteral("i.ppm") << QByteArray("ppm")
                             << QStringLiteral("PPM");
    }
    void otherFormatsAreConvertedToPng() {
        QFETCH(QString, file);
        QFETCH(QByteArray, writeAs);
        QFETCH(QString, name);
        const QImage original = picture(320, 200);
        const QString source = save(original, file, writeAs.constData());

        const ImageCheckResult result = ImageCheck::prepare(source, outDir());
        QVERIFY2(result.ok(), qPrintable(result.message));
        const PreparedImage& img = *result.image;
        QVERIFY(img.converted);
        QCOMPARE(img.format, QByteArray("png"));
        QCOMPARE(img.sourceFormat, writeAs);
        QVERIFY(img.path.startsWith(outDir()));
        QVERIFY(img.path.endsWith(QLatin1String(".png")));
        QCOMPARE(
            img.note,
            QStringLiteral("Converted from %1 to PNG, as PixVerse accepts only PNG, JPEG or WebP.")
                .arg(name));
        QCOMPARE(img.bytes, QFileInfo(img.path).size());
        // The copy is a real PNG with the same pixels.
        QImageReader reader(img.path);
        QCOMPARE(reader.format(), QByteArray("png"));
        const QImage copy = reader.read();
        QCOMPARE(copy.size(), original.size());
        QCOMPARE(copy.pixel(100, 50), original.pixel(100, 50));

        // Checking the same file again reuses the copy's name instead of piling up files.
        const ImageCheckResult again = ImageCheck::prepare(source, outDir());
        QVERIFY(again.ok());
        QCOMPARE(again.image->path, img.path);
    }

    void animatedGifUsesTheFirstFrame() {
        // Qt writes no GIF: two 1 × 1 frames by hand, black then white.
        // clang-format off
        const QByteArray gif = QByteArray::fromHex(
            "474946383961" "01000100" "800000" "000000ffffff" // header, screen, palette
            "21f904000a000000" "2c000000000100010000" "0202" "4401" "00" // frame 1: index 0
            "21f904000a000000" "2c000000000100010000" "0202" "4c01" "00" // frame 2: index 1
            "3b");
        // clang-format on
        const QString source = write(QStringLiteral("anim.gif"), gif);
        QCOMPARE(QImageReader(source).imageCount(), 2);

        const ImageCheckResult result = ImageCheck::prepare(source, outDir());
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(result.image->format, QByteArray("png"));
        QVERIFY(result.image->note.contains(QLatin1String("first frame")));
        QVERIFY(result.image->note.contains(QLatin1String("Converted from GIF to PNG")));
        QCOMPARE(QImage(result.image->path).pixel(0, 0), qRgb(0, 0, 0));
    }

    void overSizeImagesAreScaledDown_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("writeAs");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QSize>("expected");
        QTest::addColumn<QByteArray>("format");
        QTest::newRow("png 4001 wide")
            << QStringLiteral("wide.png") << QByteArray("png") << QSize(4001, 3000)
            << QSize(4000, 2999) << QByteArray("png");
        QTest::newRow("jpeg 4001 tall")
            << QStringLiteral("tall.jpg") << QByteArray("jpeg") << QSize(1000, 4001)
            << QSize(999, 4000) << QByteArray("jpeg");
        QTest::newRow("bmp 5000 square")
            << QStringLiteral("square.bmp") << QByteArray("bmp") << QSize(5000, 5000)
            << QSize(4000, 4000) << QByteArray("png");
    }
    void overSizeImagesAreScaledDown() {
        QFETCH(QString, file);
        QFETCH(QByteArray, writeAs);
        QFETCH(QSize, size);
        QFETCH(QSize, expected);
        QFETCH(QByteArray, format);
        const QString source =
            save(picture(size.width(), size.height()), file, writeAs.constData());

        const ImageCheckResult result = ImageCheck::prepare(source, outDir());
        QVERIFY2(result.ok(), qPrintable(result.message));
        const PreparedImage& img = *result.image;
        QVERIFY(img.converted);
        QCOMPARE(img.format, format); // a JPEG stays a JPEG: as PNG a photo only gets bigger
        QVERIFY(qAbs(img.width - expected.width()) <= 1);
        QVERIFY(qAbs(img.height - expected.height()) <= 1);
        QVERIFY(qMax(img.width, img.height) <= ImageLimits::maxSide);
        QCOMPARE(img.sourceSize, size);
        QCOMPARE(QImageReader(img.path).size(), QSize(img.width, img.height));
        QVERIFY2(
            img.note.contains(
                QStringLiteral("Scaled down from %1 × %2 to").arg(size.width()).arg(size.height())),
            qPrintable(img.note));
        QVERIFY(img.bytes < ImageLimits::maxBytes);
    }

    void aPngThatWouldBeTooBigBecomesJpeg() {
        // 3000 × 2500 px of noise: 22.5 MB as BMP, about as much as PNG; JPEG is far smaller.
        const QString source = save(noise(3000, 2500), QStringLiteral("noise.bmp"), "bmp");
        QVERIFY(QFileInfo(source).size() >= ImageLimits::maxBytes);

        const ImageCheckResult result = ImageCheck::prepare(source, outDir());
        QVERIFY2(result.ok(), qPrintable(result.message));
        const PreparedImage& img = *result.image;
        QCOMPARE(img.format, QByteArray("jpeg"));
        QVERIFY(img.path.endsWith(QLatin1String(".jpg")));
        QCOMPARE(QSize(img.width, img.height), QSize(3000, 2500));
        QVERIFY(img.bytes < ImageLimits::maxBytes);
        QVERIFY2(
            img.note.contains(QLatin1String("Converted from BMP to JPEG, as PixVerse accepts only "
                                            "PNG, JPEG or WebP and a PNG would be 20 MB or more.")),
            qPrintable(img.note));
        QCOMPARE(QImageReader(img.path).format(), QByteArray("jpeg"));
    }

    void anAcceptedFileOverTheByteLimitIsReencoded() {
        // A PNG of noise over 20 MB within 4000 px: still too big as PNG, so JPEG.
        const QString source = save(noise(3000, 2500), QStringLiteral("noise.png"), "png", 100);
        QVERIFY(QFileInfo(source).size() >= ImageLimits::maxBytes);
        const ImageCheckResult result = ImageCheck::prepare(source, outDir());
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(result.image->format, QByteArray("jpeg"));
        QVERIFY(result.image->bytes < ImageLimits::maxBytes);
        QVERIFY2(result.image->note.contains(
                     QLatin1String("Converted from PNG to JPEG to keep the file under 20 MB")),
                 qPrintable(result.image->note));
    }

    void refusals_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("problem");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing") << QStringLiteral("nowhere.png") << int(ImageProblem::Missing)
                                 << QStringLiteral("cannot be found");
        QTest::newRow("folder") << QStringLiteral("photos") << int(ImageProblem::Folder)
                                << QStringLiteral("is a folder, not an image");
        QTest::newRow("empty") << QStringLiteral("empty.png") << int(ImageProblem::Empty)
                               << QStringLiteral("is empty (0 bytes)");
        QTest::newRow("text named .png")
            << QStringLiteral("notes.png") << int(ImageProblem::NotAnImage)
            << QStringLiteral("is not an image");
        QTest::newRow("truncated png") << QStringLiteral("broken.png") << int(ImageProblem::Corrupt)
                                       << QStringLiteral("cannot be read");
        QTest::newRow("too many pixels")
            << QStringLiteral("huge.png") << int(ImageProblem::TooLarge)
            << QStringLiteral("is too large to open: 20000 × 20000 px");
    }
    void refusals() {
        QFETCH(QString, file);
        QFETCH(int, problem);
        QFETCH(QString, reason);
        const QByteArray tag = QTest::currentDataTag();
        if (tag == "folder") {
            QVERIFY(QDir(m_dir.path()).mkpath(file));
        } else if (tag == "empty") {
            write(file, {});
        } else if (tag == "text named .png") {
            write(file, "Shopping list:\n- milk\n- a cat that blinks\n");
        } else if (tag == "truncated png") {
            const QString whole = save(noise(300, 300), QStringLiteral("whole.png"), "png");
            QFile f(whole);
            QVERIFY(f.open(QIODevice::ReadOnly));
            write(file, f.readAll().left(f.size() / 2));
        } else if (tag == "too many pixels") {
            // A valid header claiming 20000 × 20000 RGBA (1.5 GB decoded) and no pixels at all.
            QByteArray ihdr;
            for (quint32 v : {20000u, 20000u})
                for (int shift = 24; shift >= 0; shift -= 8)
                    ihdr.append(static_cast<char>((v >> shift) & 0xff));
            ihdr +=
                QByteArray::fromHex("0806000000"); // 8 bits, RGBA, deflate, no filter, no interlace
            write(file, QByteArray::fromHex("89504e470d0a1a0a") + chunk("IHDR", ihdr) +
                            chunk("IDAT", QByteArray::fromHex("789c030000000001")) +
                            chunk("IEND", {}));
        }

        QElapsedTimer timer;
        timer.start();
        const ImageCheckResult result = ImageCheck::prepare(path(file), outDir());
        QVERIFY(!result.ok());
        QCOMPARE(int(result.problem), problem);
        QVERIFY2(result.message.contains(QStringLiteral("“%1”").arg(file)),
                 qPrintable(result.message));
        QVERIFY2(result.message.contains(reason), qPrintable(result.message));
        QVERIFY2(timer.elapsed() < 5000, "a refusal is quick: nothing big is decoded");
    }

    void emptyPathIsRefused() {
        const ImageCheckResult result = ImageCheck::prepare(QString());
        QVERIFY(!result.ok());
        QCOMPARE(result.problem, ImageProblem::Missing);
    }

    void defaultOutputDirIsInTheCache() {
        const QString source = save(picture(64, 64), QStringLiteral("cache.bmp"), "bmp");
        const ImageCheckResult result = ImageCheck::prepare(source);
        QVERIFY(result.ok());
        QVERIFY(result.image->path.startsWith(ImageCheck::defaultOutputDir()));
        QVERIFY(ImageCheck::defaultOutputDir().contains(QLatin1String("prepared-images")));
    }

    void bigTiffIsConvertedInTheBackgroundWhileTheEventLoopRuns() {
        const QString source = bigTiff();
        QVERIFY(QFileInfo(source).size() > 100LL * 1024 * 1024);

        // The latency probe: a 10 ms timer on this (the GUI) thread notes the longest gap.
        QElapsedTimer clock;
        qint64 last = 0;
        qint64 maxGap = 0;
        int ticks = 0;
        QTimer probe;
        probe.setInterval(10);
        connect(&probe, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            maxGap = qMax(maxGap, now - last);
            last = now;
            ++ticks;
        });

        QFutureWatcher<ImageCheckResult> watcher;
        QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
        clock.start();
        probe.start();
        watcher.setFuture(ImageCheck::prepareAsync(source, outDir()));
        QVERIFY(finished.wait(120000));
        probe.stop();
        const qint64 total = clock.elapsed();
        qInfo("big TIFF: %lld ms in the background, %d probe ticks, longest event-loop gap %lld ms",
              total, ticks, maxGap);

        QVERIFY(total > 100); // the work really took time, so the probe measured something
        QVERIFY(ticks > 5);
        QVERIFY2(maxGap < 200,
                 qPrintable(QStringLiteral("the event loop stalled for %1 ms").arg(maxGap)));

        const ImageCheckResult result = watcher.result();
        QVERIFY2(result.ok(), qPrintable(result.message));
        QCOMPARE(QSize(result.image->width, result.image->height), QSize(4000, 4000));
        QCOMPARE(result.image->sourceSize, QSize(6000, 6000));
        QVERIFY(result.image->bytes < ImageLimits::maxBytes);
        QVERIFY(result.image->note.contains(QLatin1String("Converted from TIFF")));
        QVERIFY(result.image->note.contains(
            QStringLiteral("Scaled down from 6000 × 6000 to 4000 × 4000 px")));
    }

    void aCancelledCheckStops() {
        QFuture<ImageCheckResult> future = ImageCheck::prepareAsync(bigTiff(), outDir());
        future.cancel();
        QFutureWatcher<ImageCheckResult> watcher;
        QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
        watcher.setFuture(future);
        QVERIFY(finished.count() > 0 || finished.wait(120000));
        QVERIFY(future.isCanceled());
        // Either it never produced a result or it said it was cancelled.
        if (future.resultCount() > 0)
            QCOMPARE(future.result().problem, ImageProblem::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestImageCheck)
#include "tst_imagecheck.moc"
