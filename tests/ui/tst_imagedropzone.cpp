#include "ui/ImageDropZone.h"
#include "ui/MainWindow.h"
#include "ui/PromptEditor.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFutureWatcher>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QUrl>

using namespace pixverse;

namespace {

template <typename T> T* child(const QWidget* parent, const char* name) {
    auto* w = parent->findChild<T*>(QLatin1String(name));
    if (!w)
        qFatal("no child named %s", name);
    return w;
}

QImage picture(int width, int height) {
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixel(x, y, qRgb(x * 255 / width, y * 255 / height, 128));
    return image;
}

//! What a file manager puts on a drag or the clipboard.
std::unique_ptr<QMimeData> filesMime(const QStringList& paths) {
    auto mime = std::make_unique<QMimeData>();
    QList<QUrl> urls;
    for (const QString& p : paths)
        urls << QUrl::fromLocalFile(p);
    mime->setUrls(urls);
    return mime;
}

//! Sends a drag-enter and, when `drop`, a drop, as the window system would. Returns whether
//! the zone accepted the drag.
bool dragAndDrop(QWidget* target, const QMimeData* mime, bool drop = true) {
    const QPoint pos = target->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton,
                          Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    const bool accepted = enter.isAccepted();
    if (drop && accepted) {
        QDropEvent dropEvent(QPointF(pos), Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton,
                             Qt::NoModifier);
        QApplication::sendEvent(target, &dropEvent);
        if (!dropEvent.isAccepted())
            return false;
    }
    return accepted;
}

} // namespace

class TestImageDropZone : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString image(const QString& name, int w = 640, int h = 480, const char* format = nullptr) {
        const QString file = path(name);
        if (!QFileInfo::exists(file) && !picture(w, h).save(file, format))
            qFatal("cannot write %s", qPrintable(file));
        return file;
    }
    QString write(const QString& name, const QByteArray& bytes) {
        QFile f(path(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(name));
        return f.fileName();
    }

    struct Fixture {
        explicit Fixture(const QString& out) { zone.setOutputDir(out); }
        ImageDropZone zone;
        QSignalSpy changed{&zone, &ImageDropZone::imageChanged};
        QSignalSpy refused{&zone, &ImageDropZone::refused};
        QSignalSpy busy{&zone, &ImageDropZone::busyChanged};
        QLabel* info = child<QLabel>(&zone, "imageInfo");
        QLabel* note = child<QLabel>(&zone, "imageNote");
        QLabel* preview = child<QLabel>(&zone, "imagePreview");
        QLabel* message = child<QLabel>(&zone, "imageMessage");
        QPushButton* browse = child<QPushButton>(&zone, "browseButton");
        QPushButton* remove = child<QPushButton>(&zone, "removeButton");
        QPushButton* replace = child<QPushButton>(&zone, "replaceButton");
    };
    QString out() const { return m_dir.filePath(QStringLiteral("out")); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void aDroppedImageIsCheckedAndShown() {
        Fixture f(out());
        f.zone.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.zone));
        QVERIFY(f.browse->isVisible());
        QVERIFY(!f.remove->isVisible());
        const QString file = image(QStringLiteral("cat.png"), 640, 480);
        const auto mime = filesMime({file});
        QVERIFY(dragAndDrop(&f.zone, mime.get()));
        // The check runs in the background: busy first, then the image.
        QCOMPARE(f.busy.count(), 1);
        QVERIFY(f.zone.isBusy());
        QVERIFY(child<QProgressBar>(&f.zone, "imageBusy")->isVisible());
        QVERIFY(f.changed.wait(10000));
        QVERIFY(!f.zone.isBusy());
        QCOMPARE(f.busy.count(), 2);
        QVERIFY(!child<QProgressBar>(&f.zone, "imageBusy")->isVisible());

        const auto img = f.zone.image();
        QVERIFY(img);
        QCOMPARE(img->path, file);
        QCOMPARE(img->width, 640);
        QCOMPARE(img->height, 480);
        QVERIFY(!img->converted);
        QCOMPARE(f.info->text(), QStringLiteral("PNG · 640 × 480 px · %1")
                                     .arg(ImageCheck::formatBytes(QFileInfo(file).size())));
        QCOMPARE(f.note->text(), QStringLiteral("Ready to upload as it is."));
        QVERIFY(!f.preview->pixmap().isNull());
        QCOMPARE(child<QLabel>(&f.zone, "imageName")->text(), QStringLiteral("cat.png"));
        QVERIFY(f.remove->isVisible());
        QVERIFY(f.replace->isVisible());
        QVERIFY(f.zone.message().isEmpty());
        QCOMPARE(f.refused.count(), 0);
    }

    void anImageInAnotherFormatIsConvertedAndTheCreatorTold() {
        Fixture f(out());
        const QString file = image(QStringLiteral("scan.bmp"), 300, 200, "bmp");
        QVERIFY(dragAndDrop(&f.zone, filesMime({file}).get()));
        QVERIFY(f.changed.wait(10000));
        QVERIFY(f.zone.image()->converted);
        QVERIFY(f.zone.image()->path.startsWith(out()));
        QCOMPARE(f.note->text(),
                 QStringLiteral(
                     "Converted from BMP to PNG, as PixVerse accepts only PNG, JPEG or WebP."));
        QVERIFY(f.info->text().startsWith(QStringLiteral("PNG · 300 × 200 px · ")));
    }

    void dragsThatAreNotLocalFilesAreRejected() {
        Fixture f(out());
        QMimeData web;
        web.setUrls({QUrl(QStringLiteral("https://example.com/cat.png"))});
        QVERIFY(!dragAndDrop(&f.zone, &web));
        QMimeData text;
        text.setText(QStringLiteral("just words"));
        QVERIFY(!dragAndDrop(&f.zone, &text));
        // Even if a drop arrives without the enter, nothing happens.
        QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &web, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&f.zone, &drop);
        QVERIFY(!drop.isAccepted());
        QVERIFY(!f.zone.isBusy());
        QVERIFY(!f.zone.image());
        QCOMPARE(f.changed.count(), 0);
    }

    void badFilesAreRefusedWithTheNameAndTheReason_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reason");
        QTest::newRow("folder") << QStringLiteral("holiday photos")
                                << QStringLiteral("is a folder, not an image.");
        QTest::newRow("empty") << QStringLiteral("empty.jpg")
                               << QStringLiteral("is empty (0 bytes).");
        QTest::newRow("not an image")
            << QStringLiteral("notes.png")
            << QStringLiteral("is not an image, or not in a format PixVerse Studio can read.");
        QTest::newRow("missing") << QStringLiteral("gone.png") << QStringLiteral("cannot be found");
    }
    void badFilesAreRefusedWithTheNameAndTheReason() {
        QFETCH(QString, file);
        QFETCH(QString, reason);
        const QByteArray tag = QTest::currentDataTag();
        if (tag == "folder")
            QVERIFY(QDir(m_dir.path()).mkpath(file));
        else if (tag == "empty")
            write(file, {});
        else if (tag == "not an image")
            write(file, "This is a text file with a .png name.\n");
        Fixture f(out());
        f.zone.show();
        QVERIFY(dragAndDrop(&f.zone, filesMime({path(file)}).get()));
        QVERIFY(f.refused.wait(10000));
        const QString message = f.refused.at(0).at(0).toString();
        QVERIFY2(message.startsWith(QStringLiteral("“%1”").arg(file)), qPrintable(message));
        QVERIFY2(message.contains(reason), qPrintable(message));
        QCOMPARE(f.zone.message(), message);
        QVERIFY(f.message->isVisible());
        QVERIFY(f.message->property("error").toBool());
        QVERIFY(!f.zone.image());
        QCOMPARE(f.changed.count(), 0);
        QVERIFY(!f.zone.isBusy());
    }

    void severalFilesTakeTheFirstAndSaySo() {
        Fixture f(out());
        const QString a = image(QStringLiteral("a.png"), 100, 100);
        const QString b = image(QStringLiteral("b.png"), 200, 100);
        const QString c = image(QStringLiteral("c.png"), 300, 100);
        QVERIFY(dragAndDrop(&f.zone, filesMime({a, b, c}).get()));
        QVERIFY(f.changed.wait(10000));
        QCOMPARE(f.zone.image()->path, a);
        QCOMPARE(f.zone.message(), QStringLiteral("3 files were given; using the first, “a.png”."));
        QVERIFY(!f.message->property("error").toBool());
    }

    void aRefusedReplacementKeepsTheImage() {
        Fixture f(out());
        const QString good = image(QStringLiteral("keep.png"), 320, 240);
        f.zone.openFile(good);
        QVERIFY(f.changed.wait(10000));
        const QString bad = write(QStringLiteral("zero.png"), {});
        QVERIFY(dragAndDrop(&f.zone, filesMime({bad}).get()));
        QVERIFY(f.refused.wait(10000));
        QCOMPARE(f.zone.image()->path, good);
        QCOMPARE(f.changed.count(), 1);
        QCOMPARE(f.zone.message(), QStringLiteral("“zero.png” is empty (0 bytes)."));
    }

    void theLastDropWins() {
        Fixture f(out());
        const QString big =
            image(QStringLiteral("first.bmp"), 4500, 3000, "bmp"); // a slower conversion
        const QString small = image(QStringLiteral("second.png"), 64, 64);
        f.zone.openFile(big);
        f.zone.openFile(small);
        QVERIFY(f.changed.wait(20000));
        QCOMPARE(f.zone.image()->path, small);
        // Let the first check end (cancelled or not) and deliver its signals: they change nothing.
        // Each check's watcher deletes itself once its result was handled.
        QVERIFY(QThreadPool::globalInstance()->waitForDone(60000));
        QTRY_VERIFY(f.zone.findChildren<QFutureWatcherBase*>().isEmpty());
        QCOMPARE(f.changed.count(), 1);
        QCOMPARE(f.refused.count(), 0);
        QCOMPARE(f.zone.image()->path, small);
    }

    void pasteOfImageData() {
        Fixture f(out());
        f.zone.show();
        QVERIFY(QTest::qWaitForWindowActive(&f.zone));
        const QImage pixels = picture(500, 300);
        QGuiApplication::clipboard()->setImage(pixels);
        f.zone.setFocus();
        QTest::keyClick(&f.zone, Qt::Key_V, Qt::ControlModifier);
        QVERIFY(f.changed.wait(10000));
        const auto img = f.zone.image();
        QVERIFY(img);
        QVERIFY(img->path.startsWith(out()));
        QVERIFY(QFileInfo(img->path).fileName().startsWith(QLatin1String("pasted-")));
        QCOMPARE(img->format, QByteArray("png"));
        QCOMPARE(QSize(img->width, img->height), QSize(500, 300));
        QCOMPARE(QImage(img->path).pixel(250, 150), pixels.pixel(250, 150));
    }

    void pasteOfACopiedFile() {
        Fixture f(out());
        const QString file = image(QStringLiteral("copied.jpg"), 400, 400, "jpeg");
        QGuiApplication::clipboard()->setMimeData(filesMime({file}).release());
        f.zone.paste();
        QVERIFY(f.changed.wait(10000));
        QCOMPARE(f.zone.image()->path, file);
        QCOMPARE(f.zone.image()->format, QByteArray("jpeg"));

        // A copied path as text works too.
        const QString other = image(QStringLiteral("as text.png"), 50, 50);
        QGuiApplication::clipboard()->setText(other);
        f.zone.paste();
        QVERIFY(f.changed.wait(10000));
        QCOMPARE(f.zone.image()->path, other);
    }

    void pasteOfNothingUseful() {
        Fixture f(out());
        QGuiApplication::clipboard()->setText(QStringLiteral("a cat, blinking"));
        f.zone.paste();
        QCOMPARE(f.zone.message(), QStringLiteral("There is no image or image file to paste."));
        QVERIFY(!f.zone.isBusy());
        QVERIFY(!f.zone.image());
    }

    void removeAndReplace() {
        Fixture f(out());
        f.zone.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.zone));
        const QString first = image(QStringLiteral("one.png"), 120, 80);
        const QString second = image(QStringLiteral("two.png"), 80, 120);
        QStringList answers{first, QString(), second};
        int asked = 0;
        f.zone.setFileProvider([&](QWidget* parent) {
            [&] { QCOMPARE(parent, &f.zone); }();
            ++asked;
            return answers.takeFirst();
        });
        QTest::mouseClick(f.browse, Qt::LeftButton);
        QVERIFY(f.changed.wait(10000));
        QCOMPARE(f.zone.image()->path, first);

        // Replace…, cancelled: nothing changes.
        QTest::mouseClick(f.replace, Qt::LeftButton);
        QCOMPARE(asked, 2);
        QVERIFY(!f.zone.isBusy());
        QCOMPARE(f.zone.image()->path, first);
        // Replace… with another file.
        QTest::mouseClick(f.replace, Qt::LeftButton);
        QVERIFY(f.changed.wait(10000));
        QCOMPARE(f.zone.image()->path, second);
        QCOMPARE(f.zone.image()->height, 120);

        QTest::mouseClick(f.remove, Qt::LeftButton);
        QCOMPARE(f.changed.count(), 3);
        QVERIFY(!f.zone.image());
        QVERIFY(f.browse->isVisible());
        QVERIFY(!f.remove->isVisible());
        QVERIFY(f.zone.message().isEmpty());
    }

    void uploadProgress() {
        Fixture f(out());
        f.zone.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.zone));
        auto* bar = child<QProgressBar>(&f.zone, "uploadProgress");
        QVERIFY(!bar->isVisible());
        f.zone.setUploadProgress(512 * 1024, 2 * 1024 * 1024);
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->value(), 250);
        QCOMPARE(bar->maximum(), 1000);
        QCOMPARE(bar->format(), QStringLiteral("Uploading… 512 KB of 2 MB"));
        f.zone.setUploadProgress(0, 0); // size unknown: busy
        QCOMPARE(bar->maximum(), 0);
        f.zone.clearUploadProgress();
        QVERIFY(!bar->isVisible());

        // Issue 18: once every byte is sent, "Uploading… 91.8 KB of 91.8 KB" goes away by
        // itself (it used to stay until the next image, even after the job was done).
        f.zone.setUploadProgress(47 * 1024, 94003);
        QVERIFY(bar->isVisible());
        f.zone.setUploadProgress(94003, 94003);
        QVERIFY(!bar->isVisible());
        QCOMPARE(bar->value(), bar->maximum());
        // The next upload shows it again.
        f.zone.setUploadProgress(1024, 94003);
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->value(), 10);
    }

    void anImageSwitchesTheEditorToImageToVideo() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ImageDropZone* zone = window.imageDropZone();
        PromptEditor* editor = window.promptEditor();
        zone->setOutputDir(out());
        auto* aspect = child<QComboBox>(editor, "aspectRatioCombo");
        QVERIFY(aspect->isVisible());
        QVERIFY(!editor->isImageMode());

        QSignalSpy changed(zone, &ImageDropZone::imageChanged);
        const QString file = image(QStringLiteral("window.bmp"), 200, 100, "bmp");
        QVERIFY(dragAndDrop(zone, filesMime({file}).get()));
        // While it is checked, Generate waits for it.
        QCOMPARE(editor->blockingReasons().value(0),
                 QStringLiteral("Wait: the image is still being checked."));
        QVERIFY(changed.wait(10000));
        QVERIFY(editor->isImageMode());
        QVERIFY(!aspect->isVisible());
        QCOMPARE(editor->request().startImagePath(),
                 zone->image()->path); // the converted copy is what is sent
        QVERIFY(editor->request().startImagePath().endsWith(QLatin1String(".png")));

        QTest::mouseClick(child<QPushButton>(zone, "removeButton"), Qt::LeftButton);
        QVERIFY(!editor->isImageMode());
        QVERIFY(aspect->isVisible());
        QVERIFY(editor->request().startImagePath().isEmpty());

        // Ctrl+V of image data while typing the prompt goes to the image, not into the text.
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto* prompt = child<QPlainTextEdit>(editor, "promptEdit");
        prompt->setFocus();
        QTest::keyClicks(prompt, QStringLiteral("A kite"));
        QGuiApplication::clipboard()->setImage(picture(90, 60));
        QTest::keyClick(prompt, Qt::Key_V, Qt::ControlModifier);
        QVERIFY(changed.wait(10000));
        QCOMPARE(zone->image()->width, 90);
        QCOMPARE(prompt->toPlainText(), QStringLiteral("A kite"));
        QVERIFY(editor->isImageMode());
        // Text still pastes as text.
        QGuiApplication::clipboard()->setText(QStringLiteral(" at dawn"));
        QTest::keyClick(prompt, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(prompt->toPlainText(), QStringLiteral("A kite at dawn"));
    }
};

QTEST_MAIN(TestImageDropZone)
#include "tst_imagedropzone.moc"
