#include "ui/LogViewer.h"
#include "ui/UiHelpers.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;

class TestLogViewer : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void tailStartsAtALine() {
        const QString path = m_dir.filePath(QStringLiteral("big.log"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 0; i < 5000; ++i)
            file.write(QStringLiteral(u"line %1 — ünïcödé\n").arg(i).toUtf8());
        file.close();
        const QString tail = LogViewer::readTail(path, 1000);
        QVERIFY(tail.size() <= 1000);
        QVERIFY(tail.startsWith(QStringLiteral("line ")));
        QVERIFY(tail.endsWith(QStringLiteral(u"line 4999 — ünïcödé\n")));
        QVERIFY(!tail.contains(QChar::ReplacementCharacter));
        QCOMPARE(LogViewer::readTail(m_dir.filePath(QStringLiteral("missing.log"))), QString());
    }

    void showsTheLogAndOpensItsFolder() {
        const QString path = m_dir.filePath(QStringLiteral("pixverse.log"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("2026-11-25 pixverse.api: GET /balance 200\n");
        file.close();
        LogViewer viewer(path);
        QList<QUrl> opened;
        viewer.setUrlOpener([&](const QUrl& url) {
            opened << url;
            return true;
        });
        QSignalSpy loaded(&viewer, &LogViewer::loaded);
        QVERIFY(loaded.wait(5000) || loaded.count() > 0);
        QVERIFY(viewer.text().contains(QStringLiteral("GET /balance 200")));

        file.open(QIODevice::Append);
        file.write("2026-11-25 pixverse.jobs: job 7 done\n");
        file.close();
        QTest::mouseClick(viewer.findChild<QPushButton*>(QStringLiteral("reloadLogButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(viewer.text().contains(QStringLiteral("job 7 done")));

        QTest::mouseClick(viewer.findChild<QPushButton*>(QStringLiteral("openLogFolderButton")),
                          Qt::LeftButton);
        QCOMPARE(opened, QList<QUrl>{QUrl::fromLocalFile(m_dir.path())});
    }

    void actionIconsFollowThePalette() {
        const QStringList icons =
            QDir(QStringLiteral(":/icons/actions")).entryList({QStringLiteral("*.svg")});
        QVERIFY(icons.size() >= 12);
        QPalette light, dark;
        light.setColor(QPalette::WindowText, Qt::black);
        dark.setColor(QPalette::WindowText, Qt::white);
        for (const QString& file : icons) {
            const QString name = file.chopped(4);
            const QIcon icon = ui::actionIcon(name, light);
            QVERIFY2(!icon.isNull(), qPrintable(name));
            // Sharp at 200%: a real 48 px pixmap, not a scaled 24 px one.
            QVERIFY(icon.availableSizes().contains(QSize(48, 48)));
            auto inkLightness = [](const QIcon& i) {
                const QImage image = i.pixmap(48, 48).toImage();
                int sum = 0, n = 0;
                for (int y = 0; y < image.height(); ++y)
                    for (int x = 0; x < image.width(); ++x)
                        if (image.pixelColor(x, y).alpha() > 200) {
                            sum += image.pixelColor(x, y).lightness();
                            ++n;
                        }
                return n ? sum / n : -1;
            };
            QVERIFY2(inkLightness(icon) >= 0 && inkLightness(icon) < 60, qPrintable(name));
            QVERIFY2(inkLightness(ui::actionIcon(name, dark)) > 200, qPrintable(name));
        }
        QVERIFY(ui::actionIcon(QStringLiteral("no-such-icon"), light).isNull());
    }

    void noLogYet() {
        LogViewer viewer(m_dir.filePath(QStringLiteral("not-yet.log")));
        QSignalSpy loaded(&viewer, &LogViewer::loaded);
        QVERIFY(loaded.wait(5000) || loaded.count() > 0);
        QVERIFY(viewer.text().isEmpty());
        QVERIFY(!viewer.findChild<QLabel*>(QStringLiteral("logStatus"))->text().isEmpty());
    }
};

QTEST_MAIN(TestLogViewer)
#include "tst_logviewer.moc"
