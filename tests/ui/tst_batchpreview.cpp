// Issue 19: a batch in the window. Jobs → Queue Image Folder… on a folder of 12 PNGs: the
// preview lists 12 image-to-video jobs, their prices and the total against the balance; Queue
// puts 12 jobs with their origins into the store and the sandbox receives 12 creates. The
// preview with a refused line, in English and Russian (screenshots, looked at), and a balance
// that covers only part of a batch.
#include "app/gui/BatchQueuer.h"
#include "app/gui/StudioApp.h"
#include "core/generation/ModelCatalog.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobStore.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/support/StudioSandbox.h"
#include "tests/ui/Screenshots.h"
#include "tests/ui/WidgetTexts.h"
#include "ui/BatchPreviewDialog.h"
#include "ui/MainWindow.h"
#include "ui/PromptEditor.h"
#include "ui/Translations.h"
#include "ui/UiHelpers.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;
using pixverse::test::embeddedSandbox;

class TestBatchPreview : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        QSettings().clear();
        installTranslations(*qApp, QStringLiteral("en"));
    }
    void cleanupTestCase() { installTranslations(*qApp, QStringLiteral("en")); }
    void folderOfTwelveImagesIsQueuedAndSent();
    void theBalanceCoversTheFirstJobsOnly();
    void refusedLineScreenshot_data();
    void refusedLineScreenshot();

private:
    static QString pictures(const QTemporaryDir& dir, const QString& folder, int count);
    static QString statusOf(const QTableWidget* table, int row) {
        return table->item(row, table->columnCount() - 1)->text();
    }
};

QString TestBatchPreview::pictures(const QTemporaryDir& dir, const QString& folder, int count) {
    const QString path = dir.filePath(folder);
    QDir().mkpath(path);
    for (int i = 1; i <= count; ++i) {
        QImage image(480, 320, QImage::Format_RGB32);
        image.fill(QColor::fromHsv(i * 25 % 360, 160, 200));
        if (!image.save(QDir(path).filePath(QStringLiteral("shot%1.png").arg(i))))
            return {};
    }
    return path;
}

void TestBatchPreview::folderOfTwelveImagesIsQueuedAndSent() {
    QTemporaryDir dir;
    const QString folder = pictures(dir, QStringLiteral("stills"), 12);
    QVERIFY(!folder.isEmpty());
    StudioApp app(embeddedSandbox(dir));
    QVERIFY(app.start());
    MainWindow* window = app.window();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTRY_VERIFY_WITH_TIMEOUT(app.jobEngine() != nullptr, 15000);
    PromptEditor* composer = window->promptEditor();
    QTRY_VERIFY_WITH_TIMEOUT(composer->balance().has_value(), 15000);
    const qint64 balance = *composer->balance();
    // The composer's settings are the batch's: its prompt, V6 at 540p for 5 s.
    auto* prompt = window->findChild<QPlainTextEdit*>(QStringLiteral("promptEdit"));
    QVERIFY(prompt);
    prompt->setFocus();
    QTest::keyClicks(prompt, QStringLiteral("The picture slowly comes alive"));
    GenerationRequest asked = composer->request();
    asked.setStartImage(QDir(folder).filePath(QStringLiteral("shot1.png")));
    const std::optional<int> each = composer->catalog().creditCost(asked);
    QVERIFY(each && *each > 0);

    // Jobs → Queue Image Folder…, the folder chosen in the file dialog.
    auto* action = window->findChild<QAction*>(QStringLiteral("queueImageFolderAction"));
    QVERIFY(action);
    QVERIFY(window->findChild<QAction*>(QStringLiteral("openBatchFileAction")));
    QCOMPARE(window->findChild<QAction*>(QStringLiteral("openBatchFileAction"))->shortcut(),
             QKeySequence(QStringLiteral("Ctrl+Shift+O")));
    QSignalSpy ready(app.batchQueuer(), &BatchQueuer::previewReady);
    action->trigger();
    QFileDialog* chooser = nullptr;
    QTRY_VERIFY((chooser = window->findChild<QFileDialog*>(QStringLiteral("batchFolderDialog"))));
    chooser->setDirectory(dir.path());
    chooser->selectFile(folder);
    static_cast<QDialog*>(chooser)->accept(); // QFileDialog::accept() is protected
    QVERIFY(ready.wait(20000));
    BatchPreviewDialog* preview = app.batchQueuer()->dialog();
    QVERIFY(preview && preview->isVisible());

    auto* table = preview->findChild<QTableWidget*>(QStringLiteral("batchTable"));
    auto* total = preview->findChild<QLabel*>(QStringLiteral("batchTotalLabel"));
    auto* queue = preview->findChild<QPushButton*>(QStringLiteral("queueBatchButton"));
    QVERIFY(table && total && queue);
    QCOMPARE(table->rowCount(), 12);
    for (int row = 0; row < 12; ++row) {
        QCOMPARE(table->item(row, 1)->text(), QStringLiteral("shot%1.png").arg(row + 1));
        QCOMPARE(statusOf(table, row), QStringLiteral("Will be queued"));
        QCOMPARE(table->item(row, 4)->text(), QStringLiteral("%1 credits").arg(*each));
    }
    const QLocale locale;
    const qint64 sum = 12LL * *each;
    QCOMPARE(total->text(), QStringLiteral("Total %1 credits · balance %2 → %3")
                                .arg(locale.toString(sum), locale.toString(balance),
                                     locale.toString(balance - sum)));
    QCOMPARE(queue->text(), QStringLiteral("Queue 12 Jobs"));
    QVERIFY(queue->isEnabled());

    QSignalSpy queued(app.batchQueuer(), &BatchQueuer::batchQueued);
    QTest::mouseClick(queue, Qt::LeftButton);
    QVERIFY(queued.wait(15000));
    QCOMPARE(queued.first().first().toInt(), 12);
    QTRY_VERIFY(!app.batchQueuer()->dialog()); // closed once the jobs were in the store
    const QList<Job> jobs = app.jobStore()->jobs();
    QCOMPARE(jobs.size(), 12);
    QSet<QString> origins;
    for (const Job& job : jobs) {
        QCOMPARE(job.request.mode, GenerationMode::ImageToVideo);
        QCOMPARE(job.request.prompt, QStringLiteral("The picture slowly comes alive"));
        QVERIFY2(job.origin.startsWith(u"batch:stills#shot"), qPrintable(job.origin));
        origins.insert(job.origin);
    }
    QCOMPARE(origins.size(), 12);
    QVERIFY(origins.contains(QStringLiteral("batch:stills#shot12.png")));
    // Each one went to the service: 12 creates of image-to-video with the composer's prompt.
    QTRY_COMPARE_WITH_TIMEOUT(app.sandboxHost()->createdRequests().size(), 12, 60000);
    for (const GenerationRequest& sent : app.sandboxHost()->createdRequests()) {
        QCOMPARE(sent.mode, GenerationMode::ImageToVideo);
        QCOMPARE(sent.prompt, QStringLiteral("The picture slowly comes alive"));
    }
    // And it charged what the preview said.
    QTRY_COMPARE_WITH_TIMEOUT(composer->balance(), std::optional<qint64>(balance - sum), 60000);
}

// A creator would rather start what can be paid than nothing: over the balance, the first jobs
// that fit are queued and the rest are marked.
void TestBatchPreview::theBalanceCoversTheFirstJobsOnly() {
    QTemporaryDir dir;
    const QString folder = pictures(dir, QStringLiteral("five"), 5);
    BatchPreviewDialog preview(folder, nullptr);
    const QJsonObject defaults{{QStringLiteral("prompt"), QStringLiteral("Alive")}};
    BatchContents contents =
        readImageFolder(folder, defaults, ModelCatalog::builtIn(), ApiFamily::OpenApi);
    priceBatch(contents, [](const GenerationRequest& r) {
        return quotePrice(r, ModelCatalog::builtIn(), ApiFamily::OpenApi);
    });
    QCOMPARE(contents.acceptedCount(), 5);
    const qint64 each = *contents.entries.first().price.credits;
    preview.setBalance(3 * each + each / 2); // three and a half
    preview.setContents(contents);
    preview.show();
    auto* table = preview.findChild<QTableWidget*>(QStringLiteral("batchTable"));
    auto* queue = preview.findChild<QPushButton*>(QStringLiteral("queueBatchButton"));
    auto* warning = preview.findChild<QLabel*>(QStringLiteral("batchWarningLabel"));
    QCOMPARE(queue->text(), QStringLiteral("Queue 3 Jobs"));
    QCOMPARE(preview.entriesToQueue().size(), 3);
    QCOMPARE(preview.entriesToQueue().constLast().source, QStringLiteral("shot3.png"));
    QCOMPARE(statusOf(table, 2), QStringLiteral("Will be queued"));
    QCOMPARE(statusOf(table, 3), QStringLiteral("Not queued: over the balance"));
    QVERIFY(warning->isVisible());
    QVERIFY2(warning->text().contains(QStringLiteral("first 3 jobs")), qPrintable(warning->text()));
    // Enough credits: everything.
    preview.setBalance(100000);
    QCOMPARE(queue->text(), QStringLiteral("Queue 5 Jobs"));
    QVERIFY(!warning->isVisible());
    QCOMPARE(statusOf(table, 4), QStringLiteral("Will be queued"));
}

void TestBatchPreview::refusedLineScreenshot_data() {
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("ru") << QStringLiteral("ru");
}

void TestBatchPreview::refusedLineScreenshot() {
    QFETCH(QString, language);
    QCOMPARE(installTranslations(*qApp, language), language);
    const bool ru = language == u"ru";
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("morning.jsonl"));
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        const QStringList lines =
            ru ? QStringList{QStringLiteral(u"Рыжая лиса в снегу"),
                             QStringLiteral(u"{\"prompt\":\"Кит выпрыгивает из воды\","
                                            u"\"quality\":\"720p\",\"audio\":true}"),
                             QStringLiteral(u"{\"prompt\":\"Маяк в тумане\",\"duration\":16}"),
                             QStringLiteral(u"Рассвет над горами, медленная съёмка")}
               : QStringList{QStringLiteral("A red fox in the snow"),
                             QStringLiteral(R"({"prompt":"A whale breaches","quality":"720p",)"
                                            R"("audio":true})"),
                             QStringLiteral(R"({"prompt":"A lighthouse in fog","duration":16})"),
                             QStringLiteral("Dawn over the mountains, slow motion")};
        out.write(lines.join(u'\n').toUtf8());
    }
    BatchContents contents = readBatchFile(file, {}, ModelCatalog::builtIn(), ApiFamily::OpenApi);
    priceBatch(contents, [](const GenerationRequest& r) {
        return quotePrice(r, ModelCatalog::builtIn(), ApiFamily::OpenApi);
    });
    QCOMPARE(contents.entries.size(), 4);
    QCOMPARE(contents.acceptedCount(), 3);
    BatchPreviewDialog preview(file, nullptr);
    preview.setBalance(1500);
    preview.setContents(contents);
    preview.resize(980, 360);
    preview.show();
    QVERIFY(QTest::qWaitForWindowExposed(&preview));
    auto* table = preview.findChild<QTableWidget*>(QStringLiteral("batchTable"));
    auto* total = preview.findChild<QLabel*>(QStringLiteral("batchTotalLabel"));
    // The refused line: the catalog's sentence, in red.
    const QString refusal = statusOf(table, 2);
    QCOMPARE(refusal, contents.entries[2].refusal);
    QCOMPARE(table->item(2, table->columnCount() - 1)->foreground().color(),
             ui::errorColor(preview.palette()));
    QVERIFY(table->item(2, 4)->text().isEmpty()); // no price for what is not queued
    const qint64 sum = *contents.total().credits;
    QVERIFY2(total->text().contains(QLocale().toString(1500 - sum)), qPrintable(total->text()));
    QStringList cut;
    QTRY_VERIFY2((cut = test::cutLabels(&preview)).isEmpty(), qPrintable(cut.join(u'\n')));
    test::verifyScreenshot(&preview, QStringLiteral("batch-preview-%1").arg(language));
    if (!ru)
        return;
    // Nothing left in English: the labels, the buttons, the headers and the statuses.
    QSet<QString> english;
    QStringList left;
    for (const test::ShownText& shown : test::shownTexts(&preview))
        if (const QString why = test::englishLeft(shown.text, english); !why.isEmpty())
            left << shown.text + QStringLiteral(": ") + why;
    for (int column = 0; column < table->columnCount(); ++column)
        if (const QString why =
                test::englishLeft(table->horizontalHeaderItem(column)->text(), english);
            !why.isEmpty() && column > 0)
            left << table->horizontalHeaderItem(column)->text();
    for (int row = 0; row < table->rowCount(); ++row)
        // The price column is PriceQuote::text(), whose run-time context the "price" helper
        // settles; the settings and the status are this dialog's.
        for (int column : {3, 5})
            if (const QString why = test::englishLeft(table->item(row, column)->text(), english);
                !why.isEmpty())
                left << table->item(row, column)->text() + QStringLiteral(": ") + why;
    QVERIFY2(left.isEmpty(), qPrintable(left.join(u'\n')));
}

QTEST_MAIN(TestBatchPreview)
#include "tst_batchpreview.moc"
