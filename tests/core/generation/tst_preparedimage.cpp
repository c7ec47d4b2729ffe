// PreparedImage: the image read once, checked with ImageCheck's rules, converted when needed,
// hashed and kept in the store under its SHA-256; and what an upload reads of that copy.
#include "core/generation/ImageCheck.h"
#include "core/generation/PreparedImage.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;

class TestPreparedImage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keepsTheImageUnderItsHash();
    void convertsWhatPixVerseDoesNotTake();
    void refusesWhatBreaksTheRules_data();
    void refusesWhatBreaksTheRules();
    void uploadReadsTheHeaderAndTheMd5();

private:
    QString picture(const QString& name, QSize size, const char* format = "PNG") {
        QImage image(size, QImage::Format_RGB32);
        image.fill(Qt::darkBlue);
        const QString path = m_dir.filePath(name);
        return image.save(path, format) ? path : QString();
    }
    static QByteArray contents(const QString& path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    QString store() const { return m_dir.filePath(QStringLiteral("store/images")); }

    QTemporaryDir m_dir;
};

void TestPreparedImage::keepsTheImageUnderItsHash() {
    const QString source = picture(QStringLiteral("cat.png"), {64, 48});
    const Result<PreparedImage> kept = PreparedImage::intoStore(source, store());
    QVERIFY2(kept.ok(), qPrintable(kept.error.logText()));
    const QByteArray bytes = contents(source);
    const QByteArray sha256 = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    QCOMPARE(kept.value->sha256, sha256);
    QCOMPARE(kept.value->path, QDir(store()).filePath(QString::fromLatin1(sha256) + u".png"));
    QCOMPARE(contents(kept.value->path), bytes); // a PNG within the limits is kept as it is
    QCOMPARE(kept.value->format, QByteArray("png"));
    QCOMPARE(QSize(kept.value->width, kept.value->height), QSize(64, 48));
    QCOMPARE(kept.value->bytes, bytes.size());
    QVERIFY2(kept.value->md5Base64.isEmpty(), "MD5 only for the web upload");

    // The same content under another name is kept once.
    QVERIFY(QFile::copy(source, m_dir.filePath(QStringLiteral("cat-again.png"))));
    const Result<PreparedImage> again =
        PreparedImage::intoStore(m_dir.filePath(QStringLiteral("cat-again.png")), store());
    QVERIFY(again.ok());
    QCOMPARE(again.value->path, kept.value->path);
    QCOMPARE(QDir(store()).entryList(QDir::Files).size(), 1);
}

void TestPreparedImage::convertsWhatPixVerseDoesNotTake() {
    const QString source = picture(QStringLiteral("scan.bmp"), {40, 30}, "BMP");
    const Result<PreparedImage> kept = PreparedImage::intoStore(source, store());
    QVERIFY2(kept.ok(), qPrintable(kept.error.logText()));
    QVERIFY(kept.value->converted);
    QCOMPARE(kept.value->format, QByteArray("png"));
    QVERIFY(kept.value->path.endsWith(u".png"));
    const QImage stored(kept.value->path);
    QCOMPARE(stored.size(), QSize(40, 30));
    QCOMPARE(
        kept.value->sha256,
        QCryptographicHash::hash(contents(kept.value->path), QCryptographicHash::Sha256).toHex());
}

void TestPreparedImage::refusesWhatBreaksTheRules_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("says");
    QTest::newRow("4001 px wide") << "wide.png" << QSize(4001, 10)
                                  << "The image “wide.png” is 4001 × 10 px; PixVerse accepts at "
                                     "most 4000 px per side: scale it down first.";
    QTest::newRow("4001 px high") << "high.png" << QSize(10, 4001) << "is 10 × 4001 px";
    QTest::newRow("missing") << "nowhere.png" << QSize() << "“nowhere.png” cannot be found";
}

void TestPreparedImage::refusesWhatBreaksTheRules() {
    QFETCH(QString, name);
    QFETCH(QSize, size);
    QFETCH(QString, says);
    const QString path = size.isValid() ? picture(name, size) : m_dir.filePath(name);
    const qsizetype keptBefore = QDir(store()).entryList(QDir::Files).size();
    for (const Result<PreparedImage>& refused :
         {PreparedImage::intoStore(path, store()), PreparedImage::forUpload(path, true)}) {
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error.kind(), ApiError::Kind::Input);
        QVERIFY2(refused.error.userMessage().contains(says),
                 qPrintable(refused.error.userMessage()));
    }
    QCOMPARE(QDir(store()).entryList(QDir::Files).size(), keptBefore);
}

void TestPreparedImage::uploadReadsTheHeaderAndTheMd5() {
    const QString source = picture(QStringLiteral("edge.png"), {4000, 10});
    const Result<PreparedImage> kept = PreparedImage::intoStore(source, store());
    QVERIFY(kept.ok());
    const Result<PreparedImage> upload = PreparedImage::forUpload(kept.value->path, true);
    QVERIFY2(upload.ok(), qPrintable(upload.error.logText()));
    QCOMPARE(QSize(upload.value->width, upload.value->height), QSize(4000, 10));
    QCOMPARE(upload.value->mimeType(), QStringLiteral("image/png"));
    QCOMPARE(upload.value->bytes, QFileInfo(kept.value->path).size());
    QCOMPARE(
        upload.value->md5Base64,
        QCryptographicHash::hash(contents(kept.value->path), QCryptographicHash::Md5).toBase64());
    QVERIFY(PreparedImage::forUpload(kept.value->path, false).value->md5Base64.isEmpty());
}

QTEST_GUILESS_MAIN(TestPreparedImage)
#include "tst_preparedimage.moc"
