// The Russian UI, light and dark: no text is clipped or elided by a widget too small for it, no
// text is hard to read on the dark palette, and no English is left. Each page is grabbed and the
// picture checked: every text inside the window and painted, the palette's theme, the Russian
// strings, the gallery's job states. With PIXVERSE_SCREENSHOT_DIR set, each picture is saved there
// as a PNG too (e.g. under `xvfb-run` or offscreen; add QT_SCALE_FACTOR=2 for the 200% layout).
#include "SampleJobs.h"
#include "Screenshots.h"
#include "WidgetTexts.h"
#include "core/api/ApiClient.h"
#include "core/auth/CredentialStore.h"
#include "core/auth/Session.h"
#include "core/backend/BackendFactory.h"
#include "core/effects/PreviewCache.h"
#include "core/effects/TemplateLibrary.h"
#include "core/effects/TemplateListModel.h"
#include "core/jobs/JobEngine.h"
#include "core/jobs/JobFilterModel.h"
#include "core/jobs/JobLibrary.h"
#include "core/jobs/JobListModel.h"
#include "core/jobs/ThumbnailCache.h"
#include "core/media/SyncPlayback.h"
#include "core/sandbox/SandboxHost.h"
#include "core/sandbox/SandboxTemplates.h"
#include "core/settings/AppSettings.h"
#include "tests/core/effects/ListingBackend.h"
#include "tests/support/TestSupport.h"
#include "ui/BoardsPanel.h"
#include "ui/ChosenEffectBox.h"
#include "ui/CompareView.h"
#include "ui/ComposerInputs.h"
#include "ui/EffectsBrowser.h"
#include "ui/ImageDropZone.h"
#include "ui/JobCardDelegate.h"
#include "ui/JobGalleryView.h"
#include "ui/JobsPane.h"
#include "ui/LibraryFilterBar.h"
#include "ui/LipSyncDialog.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/PreviewPlayer.h"
#include "ui/PromptEditor.h"
#include "ui/ReferencesStrip.h"
#include "ui/SettingsDialog.h"
#include "ui/ThumbnailMaker.h"
#include "ui/Translations.h"
#include "ui/UiHelpers.h"
#include "ui/VideoPlayer.h"
#include "ui/VideoSourceSlot.h"

#include <QAbstractScrollArea>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStyle>
#include <QStyleFactory>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cmath>

using namespace pixverse;
using namespace pixverse::test;

namespace {

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x50, 0x53, 0x57));
    p.setColor(QPalette::Midlight, QColor(0x45, 0x48, 0x4b));
    p.setColor(QPalette::Mid, QColor(0x35, 0x37, 0x3a));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1b, 0x1d));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xff));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

//! Relative luminance contrast (WCAG) of two colours, 1..21.
double contrast(const QColor& a, const QColor& b) {
    auto luminance = [](const QColor& c) {
        auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

//! Is the widget's right part cut off by an ancestor (a pane too narrow, a scroll area that
//! does not scroll sideways)? Scrolled out of view vertically is not clipping.
bool cutOffSideways(const QWidget* w) {
    const QRegion visible = w->visibleRegion();
    if (visible.isEmpty())
        return false;
    return visible.boundingRect().right() < w->rect().right() - 1 ||
           visible.boundingRect().left() > 1;
}

QStringList clippedTexts(const QWidget* root) {
    QStringList out;
    const QList<QWidget*> widgets = root->findChildren<QWidget*>();
    for (const QWidget* w : widgets) {
        if (!w->isVisibleTo(root) || w->width() <= 0)
            continue;
        const QString name = w->objectName().isEmpty()
                                 ? QString::fromLatin1(w->metaObject()->className())
                                 : w->objectName();
        if (auto* label = qobject_cast<const QLabel*>(w)) {
            const QString text = shownText(label->text());
            if (text.isEmpty())
                continue;
            if (label->wordWrap()) {
                if (label->heightForWidth(label->width()) > label->height() + 1)
                    out << QStringLiteral("%1: \"%2\" needs %3 px of height, has %4")
                               .arg(name, text)
                               .arg(label->heightForWidth(label->width()))
                               .arg(label->height());
            } else {
                const QSize need = label->sizeHint();
                if (need.width() > label->width() + 1 || need.height() > label->height() + 1)
                    out << QStringLiteral("%1: \"%2\" needs %3×%4 px, has %5×%6")
                               .arg(name, text)
                               .arg(need.width())
                               .arg(need.height())
                               .arg(label->width())
                               .arg(label->height());
            }
            if (cutOffSideways(label))
                out << QStringLiteral("%1: \"%2\" is cut off by its pane").arg(name, text);
        } else if (auto* button = qobject_cast<const QAbstractButton*>(w)) {
            const QString text = shownText(button->text());
            if (text.isEmpty())
                continue;
            const QSize need = button->sizeHint();
            if (need.width() > button->width() + 1)
                out << QStringLiteral("%1: \"%2\" needs %3 px, has %4")
                           .arg(name, text)
                           .arg(need.width())
                           .arg(button->width());
            if (cutOffSideways(button))
                out << QStringLiteral("%1: \"%2\" is cut off by its pane").arg(name, text);
        } else if (auto* tabs = qobject_cast<const QTabBar*>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                const QString text = shownText(tabs->tabText(i));
                const int need = tabs->fontMetrics().horizontalAdvance(text);
                if (need > tabs->tabRect(i).width())
                    out << QStringLiteral("%1: tab \"%2\" needs %3 px, has %4")
                               .arg(name, text)
                               .arg(need)
                               .arg(tabs->tabRect(i).width());
            }
        }
    }
    return out;
}

//! Labels whose text is hard to read on their background (a colour fixed for a light theme).
QStringList unreadable(const QWidget* root) {
    QStringList out;
    const QList<QLabel*> labels = root->findChildren<QLabel*>();
    for (const QLabel* label : labels) {
        if (!label->isVisibleTo(root) || label->text().isEmpty() || !label->isEnabled())
            continue;
        const QColor fg = label->palette().color(label->foregroundRole());
        const QColor bg = label->palette().color(label->backgroundRole());
        const double ratio = contrast(fg, bg);
        if (ratio < 3.0)
            out << QStringLiteral("%1: \"%2\" %3 on %4 (contrast %5)")
                       .arg(label->objectName(), shownText(label->text()), fg.name(), bg.name())
                       .arg(ratio, 0, 'f', 1);
    }
    return out;
}

//! Buttons that show only an icon and tell a screen reader nothing.
QStringList unnamedButtons(const QWidget* root) {
    QStringList out;
    const QList<QAbstractButton*> buttons = root->findChildren<QAbstractButton*>();
    for (QAbstractButton* button : buttons) {
        if (!button->isVisibleTo(root) || !shownText(button->text()).isEmpty())
            continue;
        QAccessibleInterface* a = QAccessible::queryAccessibleInterface(button);
        if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
            out << QStringLiteral("%1: an icon-only button without an accessible name")
                       .arg(button->objectName().isEmpty()
                                ? QString::fromLatin1(button->metaObject()->className())
                                : button->objectName());
    }
    return out;
}

} // namespace

class TestScreenshotsI18n : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QPalette m_lightPalette;
    QSet<QString> m_english;

    //! What the page shown now gets wrong (clipping, icon-only buttons, contrast, English).
    QStringList pageProblems(const QWidget* window, bool dark) const {
        QStringList problems = clippedTexts(window);
        problems << unnamedButtons(window);
        if (dark)
            problems << unreadable(window);
        const QList<ShownText> shown = shownTexts(window);
        for (const ShownText& s : shown) {
            if (s.widget->objectName() == QLatin1String("playerTitle"))
                continue; // the prompt: the creator's own words
            if (isWording(s)) {
                const QString why = englishLeft(s.text, m_english);
                if (!why.isEmpty())
                    problems << QStringLiteral("%1: \"%2\" — %3")
                                    .arg(s.widget->objectName(), s.text, why);
            }
        }
        problems.removeDuplicates();
        return problems;
    }

    static bool isWording(const ShownText& s) {
        return s.what == QLatin1String("text") || s.what == QLatin1String("tab") ||
               s.what == QLatin1String("title") || s.what == QLatin1String("window title");
    }

    //! The picture is in the palette's theme: its most common colour is dark or light.
    static void verifyTheme(const QImage& shot, bool dark) {
        QHash<QRgb, int> counts;
        for (int y = 0; y < shot.height(); y += 2) {
            for (int x = 0; x < shot.width(); x += 2)
                ++counts[shot.pixel(x, y)];
        }
        const QRgb common = std::max_element(counts.cbegin(), counts.cend()).key();
        const int lightness = QColor(common).lightness();
        if (dark)
            QVERIFY2(lightness < 100, qPrintable(QColor(common).name()));
        else
            QVERIFY2(lightness > 150, qPrintable(QColor(common).name()));
    }

    //! The page speaks Russian: several of its texts are in Cyrillic.
    static void verifyRussian(const QWidget* window) {
        static const QRegularExpression cyrillic(QStringLiteral("[\\x{0400}-\\x{04FF}]"));
        int russian = 0;
        const QList<ShownText> shown = shownTexts(window);
        for (const ShownText& s : shown)
            russian += isWording(s) && s.text.contains(cyrillic) ? 1 : 0;
        QVERIFY2(russian >= 3, qPrintable(QString::number(russian)));
    }

    void check(QWidget* window, const QString& name, bool dark) {
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QList<QTabWidget*> tabWidgets = window->findChildren<QTabWidget*>();
        const int pages = tabWidgets.isEmpty() ? 1 : tabWidgets.first()->count();
        for (int page = 0; page < pages; ++page) {
            if (!tabWidgets.isEmpty())
                tabWidgets.first()->setCurrentIndex(page);
            const QString shotName =
                pages > 1 ? QStringLiteral("%1-%2").arg(name).arg(page + 1) : name;
            // Layouts finish through posted events (fonts, scroll areas): the page is checked
            // once they have, then its picture.
            QStringList problems;
            QTRY_VERIFY2(
                (problems = pageProblems(window, dark)).isEmpty(),
                qPrintable(shotName + QStringLiteral(":\n") + problems.join(QLatin1Char('\n'))));
            QImage shot;
            verifyScreenshot(window, shotName, &shot);
            if (QTest::currentTestFailed())
                return;
            verifyTheme(shot, dark);
            verifyRussian(window);
            if (QTest::currentTestFailed())
                return;
        }
    }

    //! `shown` is the Russian of `source`, a tr() text of `context`.
    static void verifyShows(const QString& shown, const char* context, const char* source) {
        const QString russian = QCoreApplication::translate(context, source);
        QVERIFY2(russian != QLatin1String(source), source); // translated
        QCOMPARE(shownText(shown), shownText(russian));
    }

    static QLabel* probeLabel(QWidget* window, const QString& name, const QString& text,
                              const QRect& geometry) {
        auto* label = new QLabel(text, window);
        label->setObjectName(name);
        label->setGeometry(geometry);
        return label;
    }

    //! The gallery in the picture: the counts line names every state, in Russian; the card
    //! played is in view; every card in view is painted.
    static void verifyGallery(JobsPane* pane, QWidget* window, qint64 played) {
        auto counted = [](const char* source, int n) {
            return QCoreApplication::translate("pixverse::JobsPane", source).arg(n);
        };
        const QStringList counts{counted("%1 queued", 1),     counted("%1 uploading", 1),
                                 counted("%1 generating", 1), counted("%1 downloading", 1),
                                 counted("%1 done", 3),       counted("%1 failed", 1),
                                 counted("%1 moderated", 1),  counted("%1 cancelled", 1)};
        auto* countsLabel = pane->findChild<QLabel*>(QStringLiteral("jobCountsLabel"));
        QVERIFY(countsLabel && countsLabel->isVisible());
        QCOMPARE(countsLabel->text(), counts.join(QStringLiteral(" · ")));
        QVERIFY2(!counts.contains(QStringLiteral("1 queued")), "the counts are translated");

        const QImage shot = window->grab().toImage(); // as check() saved it
        QAbstractItemView* view = pane->view();
        const QRect viewport = view->viewport()->rect();
        const QModelIndex playedCard =
            pane->filterModel()->mapFromSource(pane->model()->indexOf(played));
        QVERIFY(viewport.contains(view->visualRect(playedCard)));
        int inView = 0;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QRect card = view->visualRect(view->model()->index(row, 0)) & viewport;
            if (card.isEmpty())
                continue; // scrolled out of view
            ++inView;
            const QRect pixels = pixelsOf(card, view->viewport(), window, shot);
            QVERIFY2(coloursIn(shot, pixels, 3) >= 3, qPrintable(QString::number(row)));
        }
        QVERIFY(inView >= 3);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        // The window's composer remembers its settings: every run starts from the first one.
        QSettings().clear();
        m_lightPalette = QApplication::palette();
        QCOMPARE(installTranslations(*qApp, QStringLiteral("ru")), QStringLiteral("ru"));
        const QList<TsMessage> messages =
            readTs(sourcePath(QStringLiteral("resources/translations/pixverse-studio_ru.ts")));
        for (const TsMessage& m : messages) {
            if (m.translation != m.source)
                m_english << shownText(m.source);
        }
    }

    void cleanup() {
        QApplication::setPalette(m_lightPalette);
        // editor() switches languages; the other pages are checked in Russian.
        installTranslations(*qApp, QStringLiteral("ru"));
    }

    // The checks below must be able to fail: a label and a button squeezed on purpose.
    void theChecksSeeClippingAndLowContrast() {
        QWidget window;
        window.setObjectName(QStringLiteral("probe"));
        QLabel* label = probeLabel(&window, QStringLiteral("squeezedLabel"),
                                   QStringLiteral(u"Очень длинная подпись"), {0, 0, 30, 20});
        auto* button = new QPushButton(QStringLiteral(u"Очень длинная кнопка"), &window);
        button->setObjectName(QStringLiteral("squeezedButton"));
        button->setGeometry(0, 30, 30, 30);
        QPalette grey = label->palette();
        grey.setColor(QPalette::WindowText, grey.color(QPalette::Window).darker(110));
        label->setPalette(grey);
        window.resize(200, 80);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString clipped = clippedTexts(&window).join(QLatin1Char('\n'));
        QVERIFY2(clipped.contains(QLatin1String("squeezedLabel")), qPrintable(clipped));
        QVERIFY2(clipped.contains(QLatin1String("squeezedButton")), qPrintable(clipped));
        QVERIFY(
            unreadable(&window).join(QLatin1Char('\n')).contains(QLatin1String("squeezedLabel")));
    }

    // And the checks of the pictures: a text beyond the window's edge, one painted in the
    // colour of its background, a blank grab and one of the wrong size.
    void theScreenshotChecksSeeWhatIsMissing() {
        QWidget window;
        probeLabel(&window, QStringLiteral("outsideLabel"), QStringLiteral(u"За краем"),
                   {150, 0, 100, 20});
        QLabel* flat = probeLabel(&window, QStringLiteral("flatLabel"),
                                  QStringLiteral(u"Невидимка"), {0, 30, 120, 20});
        QPalette same = flat->palette();
        same.setColor(QPalette::WindowText, Qt::white);
        same.setColor(QPalette::Window, Qt::white);
        flat->setPalette(same);
        flat->setAutoFillBackground(true);
        window.resize(200, 80);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QStringList found = screenshotProblems(&window, window.grab().toImage());
        QVERIFY2(found.size() == 2, qPrintable(found.join(QLatin1Char('\n'))));
        QVERIFY2(
            found.contains(QStringLiteral(u"outsideLabel: \"За краем\" lies outside the window")),
            qPrintable(found.join(QLatin1Char('\n'))));
        QVERIFY2(found.filter(QStringLiteral("flatLabel")).size() == 1,
                 qPrintable(found.join(QLatin1Char('\n'))));
        QImage blank(window.size(), QImage::Format_RGB32);
        blank.fill(Qt::white);
        QVERIFY(screenshotProblems(&window, blank).contains(QStringLiteral("the grab is blank")));
        QVERIFY(screenshotProblems(&window, window.grab().toImage().copy(0, 0, 10, 10))
                    .constFirst()
                    .startsWith(QStringLiteral("the grab is 10×10 px")));
    }

    void mainWindow_data() {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void mainWindow() {
        QFETCH(bool, dark);
        if (dark)
            QApplication::setPalette(darkPalette());
        MainWindow window;
        // The window fits its screen, and the offscreen one is 800×600: shown at its own size.
        window.resize(MainWindow::preferredSize());
        window.setConnectionLabel(
            QCoreApplication::translate("pixverse::StudioApp", "Offline sandbox"));
        window.setAccount(QStringLiteral("sk-…a1b2"), ApiFamily::OpenApi);
        window.setBalance(1250);
        if (dark)
            QVERIFY(window.palette().color(QPalette::Window).lightness() < 100);

        // The gallery with a job in every state and the player open on a finished one.
        QTemporaryDir jobsDir;
        JobStore store;
        QVERIFY(store.open(jobsDir.filePath(QStringLiteral("data"))));
        const QList<qint64> ids =
            addSampleJobs(store, jobsDir.filePath(QStringLiteral("library")), clipsDir()).ids;
        QCOMPARE(ids.size(), 10);
        JobsPane* pane = window.jobsPane();
        pane->thumbnailMaker()->setOutputDir(jobsDir.filePath(QStringLiteral("thumbnails")));
        pane->setJobs(&store, nullptr);
        pane->model()->setDownloadProgress(ids.at(SampleJobs::kDownloading), 62, 100);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(pane->play(ids.constFirst()));
        QTRY_COMPARE_WITH_TIMEOUT(pane->player()->frameSize(), QSize(960, 540), 15000);
        pane->player()->pause();
        for (int i = 0; i < 3; ++i)
            QTRY_VERIFY_WITH_TIMEOUT(
                pane->thumbnailCache()->contains(store.job(ids.at(i))->thumbnailPath), 15000);

        // What the cards paint (not widgets, so the walk in check() does not see it).
        QStringList cardProblems;
        for (int row = 0; row < pane->model()->rowCount(); ++row) {
            const QModelIndex index = pane->model()->index(row, 0);
            // The prompts are the creator's own words; the chip is ours.
            const QString text = index.data(JobListModel::StatusTextRole).toString();
            const QString why = englishLeft(text, m_english);
            if (!why.isEmpty())
                cardProblems << QStringLiteral("card %1: \"%2\" — %3").arg(row).arg(text, why);
        }
        QVERIFY2(cardProblems.isEmpty(), qPrintable(cardProblems.join(QLatin1Char('\n'))));
        check(&window, dark ? QStringLiteral("main-ru-dark") : QStringLiteral("main-ru"), dark);
        if (QTest::currentTestFailed())
            return;
        verifyShows(window.findChild<QPushButton*>(QStringLiteral("generateButton"))->text(),
                    "pixverse::PromptEditor", "&Generate");
        verifyGallery(pane, &window, ids.constFirst());
    }

    // Issue 15: the composer on V6 (slider, sound, multi-shot, the per-second cost and the
    // balance after it) and on v4.5 (the list of lengths, motion, camera, and the hint saying what
    // the switch from V6 changed), in English and in Russian: nothing clipped, every text in the
    // picture, no English left in the Russian one.
    void editor_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("model");
        for (const char* language : {"en", "ru"}) {
            for (const char* model : {"v6", "v4.5"})
                QTest::addRow("%s %s", model, language)
                    << QString::fromLatin1(language) << QString::fromLatin1(model);
        }
    }
    void editor() {
        QFETCH(QString, language);
        QFETCH(QString, model);
        QCOMPARE(installTranslations(*qApp, language), language);
        QSettings().clear(); // the window's composer remembers settings in the app's QSettings
        MainWindow window;
        window.setConnectionLabel(
            QCoreApplication::translate("pixverse::StudioApp", "Offline sandbox"));
        window.setAccount(QStringLiteral("sk-…a1b2"), ApiFamily::OpenApi);
        window.setBalance(1250);
        PromptEditor* editor = window.promptEditor();
        auto* prompt = window.findChild<QPlainTextEdit*>(QStringLiteral("promptEdit"));
        prompt->setPlainText(
            language == QLatin1String("ru")
                ? QStringLiteral(u"Волны набегают на галечный пляж, шум прибоя")
                : QStringLiteral("Waves on a pebble beach, the sound of the surf"));
        GenerationRequest v6;
        v6.prompt = prompt->toPlainText();
        v6.model = QStringLiteral("v6");
        v6.duration = 12;
        v6.quality = QStringLiteral("720p");
        v6.aspectRatio = QStringLiteral("21:9");
        v6.audio = true;
        editor->setRequest(v6);
        if (model != QLatin1String("v6")) {
            auto* models = window.findChild<QComboBox*>(QStringLiteral("modelCombo"));
            models->setCurrentIndex(models->findData(model));
            QVERIFY(!editor->settingsHint().isEmpty()); // 12 s and 21:9 are not v4.5's
        }
        QCOMPARE(editor->request().model, model);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QWidget* pane = window.findChild<QWidget*>(QStringLiteral("createPane"));
        QVERIFY(pane);
        QStringList problems;
        QTRY_VERIFY2((problems = clippedTexts(&window) + unnamedButtons(&window)).isEmpty(),
                     qPrintable(problems.join(QLatin1Char('\n'))));
        // Every control of the composer is on screen at 1280 × 800, none over another.
        QList<QWidget*> fields;
        for (QWidget* w : editor->findChildren<QWidget*>()) {
            if (w->isVisible() && w->parentWidget() &&
                (qobject_cast<QLabel*>(w) || qobject_cast<QAbstractButton*>(w) ||
                 qobject_cast<QComboBox*>(w) || qobject_cast<QSlider*>(w)))
                fields << w;
        }
        for (QWidget* w : std::as_const(fields)) {
            const QRect r(w->mapTo(&window, QPoint(0, 0)), w->size());
            QVERIFY2(window.rect().contains(r), qPrintable(w->objectName()));
            for (QWidget* other : std::as_const(fields)) {
                if (other == w || other->isAncestorOf(w) || w->isAncestorOf(other))
                    continue;
                const QRect o(other->mapTo(&window, QPoint(0, 0)), other->size());
                QVERIFY2(!r.intersects(o), qPrintable(w->objectName() + QStringLiteral(" over ") +
                                                      other->objectName()));
            }
        }
        const QString name =
            QStringLiteral("editor-%1-%2").arg(QString(model).remove(u'.'), language);
        verifyScreenshot(&window, name);
        if (QTest::currentTestFailed())
            return;
        const QImage editorShot = editor->grab().toImage();
        const QString dir = qEnvironmentVariable("PIXVERSE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(editorShot.save(QDir(dir).filePath(name + QStringLiteral("-pane.png"))));
        if (language == QLatin1String("ru")) {
            verifyRussian(&window);
            problems = pageProblems(&window, false);
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        }
    }

    // Issue 16: the composer's transition slots (both frames in) and the video to extend (a
    // take from the gallery), in English and in Russian: nothing clipped, every text in the
    // picture, no English left in the Russian one.
    void composerModes_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("mode");
        for (const char* language : {"en", "ru"}) {
            for (const char* mode : {"transition", "extend"})
                QTest::addRow("%s %s", mode, language)
                    << QString::fromLatin1(language) << QString::fromLatin1(mode);
        }
    }
    void composerModes() {
        QFETCH(QString, language);
        QFETCH(QString, mode);
        QCOMPARE(installTranslations(*qApp, language), language);
        QSettings().clear();
        MainWindow window;
        window.setConnectionLabel(
            QCoreApplication::translate("pixverse::StudioApp", "Offline sandbox"));
        window.setAccount(QStringLiteral("sk-…a1b2"), ApiFamily::OpenApi);
        window.setBalance(1250);
        window.resize(1280, 800);
        ComposerInputs* inputs = window.composerInputs();
        const bool ru = language == QLatin1String("ru");
        auto* prompt = window.findChild<QPlainTextEdit*>(QStringLiteral("promptEdit"));
        auto frame = [this](const QString& name, QColor top, QColor bottom) {
            QImage image(640, 360, QImage::Format_RGB32);
            for (int y = 0; y < image.height(); ++y) {
                const qreal t = qreal(y) / image.height();
                const QColor c = QColor::fromRgbF(top.redF() * (1 - t) + bottom.redF() * t,
                                                  top.greenF() * (1 - t) + bottom.greenF() * t,
                                                  top.blueF() * (1 - t) + bottom.blueF() * t);
                for (int x = 0; x < image.width(); ++x)
                    image.setPixelColor(x, y, c);
            }
            const QString path = m_dir.filePath(name);
            image.save(path);
            return path;
        };
        if (mode == QLatin1String("transition")) {
            for (ImageDropZone* zone : {inputs->firstFrameZone(), inputs->lastFrameZone()})
                zone->setOutputDir(m_dir.filePath(QStringLiteral("prepared")));
            window.useFrameImage(
                frame(ru ? QStringLiteral(u"гавань-день.png") : QStringLiteral("harbour-day.png"),
                      QColor(120, 180, 240), QColor(230, 200, 120)),
                RequestImage::Role::FirstFrame, 0);
            window.useFrameImage(
                frame(ru ? QStringLiteral(u"гавань-ночь.png") : QStringLiteral("harbour-night.png"),
                      QColor(10, 10, 40), QColor(40, 30, 80)),
                RequestImage::Role::LastFrame, 0);
            QTRY_VERIFY_WITH_TIMEOUT(
                inputs->firstFrameZone()->image() && inputs->lastFrameZone()->image(), 15000);
            prompt->setPlainText(ru ? QStringLiteral(u"День сменяется ночью над гаванью")
                                    : QStringLiteral("Day turns to night over the harbour"));
        } else {
            Job take;
            take.id = 12;
            take.state = JobState::Done;
            take.videoId = 380012;
            take.request.prompt = ru ? QStringLiteral(u"Бумажный фонарик плывёт над озером")
                                     : QStringLiteral("A paper lantern drifting over a lake");
            take.request.model = QStringLiteral("v6");
            take.request.quality = QStringLiteral("720p");
            take.request.duration = 5;
            take.videoWidth = 1280;
            take.videoHeight = 720;
            take.thumbnailPath =
                frame(QStringLiteral("lantern.png"), QColor(250, 170, 60), QColor(30, 40, 90));
            window.startExtend(take);
            QTRY_VERIFY(!inputs->sourceSlot()
                             ->findChild<QLabel*>(QStringLiteral("videoSourcePreview"))
                             ->pixmap()
                             .isNull());
        }
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(generationModeId(window.promptEditor()->mode()), mode);
        QStringList problems;
        QTRY_VERIFY2((problems = pageProblems(&window, false)).isEmpty() || !ru,
                     qPrintable(problems.join(QLatin1Char('\n'))));
        QTRY_VERIFY2((problems = clippedTexts(&window) + unnamedButtons(&window)).isEmpty(),
                     qPrintable(problems.join(QLatin1Char('\n'))));
        verifyScreenshot(&window, QStringLiteral("composer-%1-%2").arg(mode, language));
        if (ru)
            verifyRussian(&window);
    }

    // Issue 17: the chosen effect's box (a template of two images, up to 540p) and the references
    // strip (a subject and a background, one of them not named in the prompt), in English and in
    // Russian: nothing clipped, every text in the picture, no English left in the Russian one.
    void composerEffects_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("mode");
        for (const char* language : {"en", "ru"}) {
            for (const char* mode : {"effect", "fusion"})
                QTest::addRow("%s %s", mode, language)
                    << QString::fromLatin1(language) << QString::fromLatin1(mode);
        }
    }
    void composerEffects() {
        QFETCH(QString, language);
        QFETCH(QString, mode);
        QCOMPARE(installTranslations(*qApp, language), language);
        QSettings().clear();
        MainWindow window;
        window.setConnectionLabel(
            QCoreApplication::translate("pixverse::StudioApp", "Offline sandbox"));
        window.setAccount(QStringLiteral("sk-…a1b2"), ApiFamily::OpenApi);
        window.setBalance(1250);
        window.resize(1280, 800);
        PromptEditor* editor = window.promptEditor();
        ComposerInputs* inputs = window.composerInputs();
        const bool ru = language == QLatin1String("ru");
        auto picture = [this](const QString& name, QColor colour) {
            QImage image(640, 360, QImage::Format_RGB32);
            image.fill(colour);
            const QString path = m_dir.filePath(name);
            image.save(path);
            return path;
        };
        const QString out = m_dir.filePath(QStringLiteral("prepared"));
        if (mode == QLatin1String("effect")) {
            EffectTemplate effect;
            effect.id = 402331965264706;
            effect.name = ru ? QStringLiteral(u"Обнимашки") : QStringLiteral("Hug");
            effect.prompt = ru ? QStringLiteral(u"Двое обнимаются") : QStringLiteral("Two hug");
            effect.imageCount = 2;
            effect.qualities = {QStringLiteral("360p"), QStringLiteral("540p")};
            editor->chooseEffect(effect);
            const QList<ImageDropZone*> zones = inputs->effectZones();
            QCOMPARE(zones.size(), 2);
            for (ImageDropZone* zone : zones)
                zone->setOutputDir(out);
            zones.at(0)->openFile(
                picture(ru ? QStringLiteral(u"слева.png") : QStringLiteral("left.png"),
                        QColor(200, 120, 60)));
            QTRY_VERIFY_WITH_TIMEOUT(zones.at(0)->image().has_value(), 15000);
        } else {
            QVERIFY(editor->setMode(GenerationMode::Fusion));
            ReferencesStrip* strip = inputs->referencesStrip();
            QVERIFY(strip->addReference(RequestImage::Role::Subject));
            QVERIFY(strip->addReference(RequestImage::Role::Background));
            const QList<ImageDropZone*> zones = strip->findChildren<ImageDropZone*>();
            QCOMPARE(zones.size(), 2);
            for (ImageDropZone* zone : zones)
                zone->setOutputDir(out);
            zones.at(0)->openFile(
                picture(ru ? QStringLiteral(u"лиса.jpg") : QStringLiteral("fox.png"),
                        QColor(220, 110, 30)));
            zones.at(1)->openFile(
                picture(ru ? QStringLiteral(u"лес.jpg") : QStringLiteral("forest.png"),
                        QColor(30, 110, 50)));
            QTRY_COMPARE_WITH_TIMEOUT(strip->references().size(), 2, 15000);
            window.findChild<QPlainTextEdit*>(QStringLiteral("promptEdit"))
                ->setPlainText(ru ? QStringLiteral(u"@subject1 бежит по лесу на рассвете")
                                  : QStringLiteral("@subject1 runs through the woods at dawn"));
        }
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(generationModeId(editor->mode()), mode);
        QStringList problems;
        QTRY_VERIFY2((problems = pageProblems(&window, false)).isEmpty() || !ru,
                     qPrintable(problems.join(QLatin1Char('\n'))));
        QTRY_VERIFY2((problems = clippedTexts(&window) + unnamedButtons(&window)).isEmpty(),
                     qPrintable(problems.join(QLatin1Char('\n'))));
        verifyScreenshot(&window, QStringLiteral("composer-%1-%2").arg(mode, language));
        if (QTest::currentTestFailed())
            return;
        // The part itself, larger in the picture.
        QWidget* part = mode == QLatin1String("effect")
                            ? static_cast<QWidget*>(inputs->effectBox())
                            : static_cast<QWidget*>(inputs->referencesStrip());
        const QString dir = qEnvironmentVariable("PIXVERSE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(part->grab().toImage().save(
                QDir(dir).filePath(QStringLiteral("composer-%1-%2-part.png").arg(mode, language))));
        if (ru)
            verifyRussian(&window);
    }

    void settingsDialog_data() { mainWindow_data(); }
    void settingsDialog() {
        QFETCH(bool, dark);
        if (dark)
            QApplication::setPalette(darkPalette());
        AppSettings settings(m_dir.filePath(QStringLiteral("settings.ini")));
        CredentialStore credentials(QStringLiteral("io.github.pixverse-studio.test-screenshots"));
        SettingsDialog dialog(&settings, &credentials);
        check(&dialog, dark ? QStringLiteral("settings-ru-dark") : QStringLiteral("settings-ru"),
              dark);
        if (QTest::currentTestFailed())
            return;
        verifyShows(dialog.windowTitle(), "pixverse::SettingsDialog", "Settings");
        QTabBar* tabs = dialog.findChild<QTabWidget*>()->tabBar();
        verifyShows(tabs->tabText(0), "pixverse::SettingsDialog", "&General");
        verifyShows(tabs->tabText(1), "pixverse::SettingsDialog", "New &videos");
        verifyShows(tabs->tabText(2), "pixverse::SettingsDialog", "&Network");
    }

    void loginDialog_data() { mainWindow_data(); }
    void loginDialog() {
        QFETCH(bool, dark);
        if (dark)
            QApplication::setPalette(darkPalette());
        AppSettings settings(m_dir.filePath(QStringLiteral("login.ini")));
        QNetworkAccessManager network;
        Session session(&network, nullptr, &settings);
        LoginDialog dialog(&session, nullptr, &settings);
        check(&dialog, dark ? QStringLiteral("login-ru-dark") : QStringLiteral("login-ru"), dark);
        if (QTest::currentTestFailed())
            return;
        verifyShows(dialog.windowTitle(), "pixverse::LoginDialog", "Sign in to PixVerse");
        verifyShows(dialog.findChild<QPushButton*>(QStringLiteral("signInButton"))->text(),
                    "pixverse::LoginDialog", "Sign &in");
    }

    // Issue 16: the card's actions menu, a lineage view (one take's family with its "from …"
    // links) and the lip sync dialog, in English and Russian.
    void continueViews_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ru") << QStringLiteral("ru");
    }
    void continueViews() {
        QFETCH(QString, language);
        const bool russian = language == QLatin1String("ru");
        QCOMPARE(installTranslations(*qApp, language), language);
        QTemporaryDir jobsDir;
        JobStore store;
        QVERIFY(store.open(jobsDir.filePath(QStringLiteral("data"))));
        const QString library = jobsDir.filePath(QStringLiteral("library"));
        const QList<qint64> ids = addSampleJobs(store, library, clipsDir()).ids;
        QCOMPARE(ids.size(), 10);
        // A take continued twice, and a sound effect on the first one.
        const Job first = *store.job(ids.constFirst());
        auto made = [&](GenerationMode mode, qint64 parent, const QString& prompt, int n) {
            Job job = first;
            job.id = 0;
            job.request.mode = mode;
            job.request.prompt = prompt;
            job.request.parentJobId = parent;
            job.videoId = 7000 + n;
            job.thumbnailPath.clear();
            job.hasAudio = mode == GenerationMode::SoundEffect;
            job.createdAt = QDateTime::currentDateTimeUtc().addSecs(n);
            job.videoPath = QDir(library).filePath(QStringLiteral("made%1.mp4").arg(n));
            QFile::copy(first.videoPath, job.videoPath);
            const Result<Job> added = store.add(job);
            return added.ok() ? added.value->id : qint64(0);
        };
        QVERIFY(store.modify(first.id, [](Job& job) { job.videoId = 7000; }));
        const qint64 extended =
            made(GenerationMode::Extend, first.id,
                 russian ? QStringLiteral(u"Шторм стихает, над морем встаёт солнце")
                         : QStringLiteral("The storm clears and the sun rises over the sea"),
                 1);
        const qint64 upscaled = made(GenerationMode::Upscale, extended, QString(), 2);
        const qint64 sound = made(GenerationMode::SoundEffect, first.id, QString(), 3);
        QVERIFY(extended && upscaled && sound);

        // An engine that is never started: the actions are those of a signed-in platform key.
        QNetworkAccessManager network;
        BackendConfig config;
        config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/"));
        config.secret = QStringLiteral("sk-screenshots");
        const Result<Backend*> backend = createBackend(&network, config, nullptr);
        QVERIFY(backend.ok());
        std::unique_ptr<Backend> owned(*backend.value);
        JobEngineOptions options;
        options.libraryFolder = library;
        options.watchSystemNetwork = false;
        JobEngine engine(&store, owned.get(), &network, options);

        JobsPane pane(&store, &engine);
        pane.setBackend(owned.get());
        pane.thumbnailMaker()->setOutputDir(jobsDir.filePath(QStringLiteral("thumbnails")));
        pane.resize(1000, 760);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.showFamily(first.id);
        QCOMPARE(pane.filterModel()->rowCount(), 4);
        QVERIFY(pane.view()->selectJob(extended));
        for (const qint64 id : {first.id, extended, upscaled, sound})
            QTRY_VERIFY_WITH_TIMEOUT(
                !store.job(id)->thumbnailPath.isEmpty() &&
                    pane.thumbnailCache()->contains(store.job(id)->thumbnailPath),
                15000);
        QStringList problems;
        QTRY_VERIFY2((problems = clippedTexts(&pane)).isEmpty(),
                     qPrintable(problems.join(QLatin1Char('\n'))));
        const QModelIndex child =
            pane.filterModel()->mapFromSource(pane.model()->indexOf(upscaled));
        const QString link = child.data(JobListModel::ParentTextRole).toString();
        QVERIFY(link.startsWith(russian ? QStringLiteral(u"из «") : QStringLiteral("from “")));
        verifyScreenshot(&pane, QStringLiteral("lineage-%1").arg(language));
        if (QTest::currentTestFailed())
            return;
        if (russian) {
            verifyRussian(&pane);
            QVERIFY(pane.findChild<QToolButton*>(QStringLiteral("familyFilterChip"))
                        ->text()
                        .startsWith(QStringLiteral(u"Семейство «")));
        }

        // The card's actions, right-clicked.
        QMenu* menu = pane.contextMenu();
        const QRect card = pane.view()->visualRect(
            pane.filterModel()->mapFromSource(pane.model()->indexOf(extended)));
        QTest::mouseClick(pane.view()->viewport(), Qt::LeftButton, {}, card.center());
        menu->popup(pane.view()->viewport()->mapToGlobal(card.center()));
        QVERIFY(QTest::qWaitForWindowExposed(menu));
        for (const JobsPane::Action which :
             {JobsPane::Action::Extend, JobsPane::Action::Upscale, JobsPane::Action::SoundEffect,
              JobsPane::Action::LipSync, JobsPane::Action::LastFrameToStart})
            QVERIFY2(pane.action(which)->isEnabled(), qPrintable(pane.action(which)->text()));
        verifyScreenshot(menu, QStringLiteral("card-actions-%1").arg(language));
        // The menu's entries are actions, not widgets: their texts are checked one by one.
        if (russian) {
            verifyShows(pane.action(JobsPane::Action::Extend)->text(), "pixverse::JobsPane",
                        "E&xtend…");
            verifyShows(pane.action(JobsPane::Action::LipSync)->text(), "pixverse::JobsPane",
                        "&Lip Sync…");
            verifyShows(pane.action(JobsPane::Action::ShowFamily)->text(), "pixverse::JobsPane",
                        "Show Fa&mily");
        }
        menu->hide();
        if (QTest::currentTestFailed())
            return;

        // The lip sync dialog: a voice and a text, priced.
        GenerationRequest base =
            JobLibrary(&store).continuation(*store.job(extended), GenerationMode::LipSync);
        LipSyncDialog dialog(base, nullptr, 1250);
        dialog.setSpeakers(Backend::systemSpeakers());
        dialog.findChild<QPlainTextEdit*>(QStringLiteral("speechTextEdit"))
            ->setPlainText(russian ? QStringLiteral(u"Добрый вечер, в эфире новости")
                                   : QStringLiteral("Good evening, here is the news"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTRY_VERIFY2((problems = clippedTexts(&dialog)).isEmpty(),
                     qPrintable(problems.join(QLatin1Char('\n'))));
        verifyScreenshot(&dialog, QStringLiteral("lipsync-%1").arg(language));
        if (russian && !QTest::currentTestFailed())
            verifyRussian(&dialog);
    }

    // Issue 18: the gallery with the creator's marks (a stack of takes, stars, a rejected card,
    // tags, a pick), then the stack opened under its banner, in English and in Russian.
    void galleryMarks_data() { continueViews_data(); }
    void galleryMarks() {
        QFETCH(QString, language);
        const bool russian = language == QLatin1String("ru");
        QCOMPARE(installTranslations(*qApp, language), language);
        QTemporaryDir jobsDir;
        JobStore store;
        QVERIFY(store.open(jobsDir.filePath(QStringLiteral("data"))));
        const QString library = jobsDir.filePath(QStringLiteral("library"));
        const QList<qint64> ids = addSampleJobs(store, library, clipsDir()).ids;
        QCOMPARE(ids.size(), 10);
        // Four takes of one click, the third one picked.
        const Job first = *store.job(ids.constFirst());
        QList<Job> takes;
        for (int i = 0; i < 4; ++i) {
            Job take = first;
            take.id = 0;
            take.favourite = false;
            take.request.prompt = russian ? QStringLiteral(u"Маяк в шторм, волны бьются о скалы")
                                          : QStringLiteral("A lighthouse in a storm, waves crash");
            take.request.seed = 1200 + i;
            take.videoId = 7100 + i;
            take.createdAt = QDateTime::currentDateTimeUtc().addSecs(i);
            take.videoPath = QDir(library).filePath(QStringLiteral("take%1.mp4").arg(i));
            QVERIFY(QFile::copy(first.videoPath, take.videoPath));
            takes << take;
        }
        const Result<QList<Job>> group = store.addGroup(takes);
        QVERIFY(group.ok());
        const qint64 groupId = group.value->constFirst().groupId;
        JobLibrary marks(&store);
        marks.pick(group.value->at(2).id);
        marks.setRating({ids.at(0)}, 3);
        marks.setRating({ids.at(1)}, 5);
        marks.setRejected({ids.at(2)}, true);
        marks.setTags(ids.at(0), russian
                                     ? QStringList{QStringLiteral(u"шторм"),
                                                   QStringLiteral(u"ночь"), QStringLiteral(u"море")}
                                     : QStringList{QStringLiteral("storm"), QStringLiteral("night"),
                                                   QStringLiteral("sea")});
        marks.setTags(ids.at(1),
                      {russian ? QStringLiteral(u"портрет") : QStringLiteral("portrait")});

        JobsPane pane(&store, nullptr);
        pane.thumbnailMaker()->setOutputDir(jobsDir.filePath(QStringLiteral("thumbnails")));
        pane.resize(1000, 960); // every card in view: the stack at the top, the marks below
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        // The stack shows its picked take.
        QVERIFY(pane.view()->selectJob(group.value->at(2).id));
        for (const qint64 id : {ids.at(0), ids.at(1), ids.at(2)})
            QTRY_VERIFY_WITH_TIMEOUT(
                !store.job(id)->thumbnailPath.isEmpty() &&
                    pane.thumbnailCache()->contains(store.job(id)->thumbnailPath),
                15000);
        const QModelIndex stack =
            pane.filterModel()->mapFromSource(pane.model()->indexOf(group.value->at(2).id));
        QCOMPARE(JobCardDelegate::cardTexts(stack).stackBadge, QStringLiteral("×4"));
        QStringList problems;
        QTRY_VERIFY2((problems = clippedTexts(&pane)).isEmpty(),
                     qPrintable(problems.join(QLatin1Char('\n'))));
        verifyScreenshot(&pane, QStringLiteral("gallery-marks-%1").arg(language));
        if (QTest::currentTestFailed())
            return;
        if (russian) {
            verifyRussian(&pane);
            verifyShows(pane.action(JobsPane::Action::Reject)->text(), "pixverse::JobsPane",
                        "Re&ject");
            verifyShows(pane.action(JobsPane::Action::RemoveRejected)->text(), "pixverse::JobsPane",
                        "Remove &Rejected…");
        }

        // The stack opened: each take a card, under the banner that closes it.
        pane.openStack(groupId);
        auto* banner = pane.findChild<QToolButton*>(QStringLiteral("stackBanner"));
        QVERIFY(banner && banner->isVisible());
        if (russian)
            QVERIFY2(banner->text().contains(QStringLiteral(u"Назад")), qPrintable(banner->text()));
        for (const Job& take : *group.value)
            QTRY_VERIFY_WITH_TIMEOUT(
                !store.job(take.id)->thumbnailPath.isEmpty() &&
                    pane.thumbnailCache()->contains(store.job(take.id)->thumbnailPath),
                15000);
        QTRY_VERIFY2((problems = clippedTexts(&pane)).isEmpty(),
                     qPrintable(problems.join(QLatin1Char('\n'))));
        verifyScreenshot(&pane, QStringLiteral("stack-open-%1").arg(language));
        if (russian && !QTest::currentTestFailed())
            verifyRussian(&pane);
    }

    // Issue 17: the effects browser on the sandbox's list (names in the app's language), its
    // stills in and the selected card's preview playing, in English and in Russian.
    void effectsBrowser_data() { continueViews_data(); }
    void effectsBrowser() {
        QFETCH(QString, language);
        const bool ru = language == QLatin1String("ru");
        QCOMPARE(installTranslations(*qApp, language), language);
        ui::chooseMediaBackend();
        sandbox::SandboxHost host;
        QVERIFY2(host.start(), qPrintable(host.errorString()));
        QNetworkAccessManager network;
        ApiClient client(&network);
        client.setBaseUrl(host.baseUrl());
        test::ListingBackend backend(&client, host.defaultApiKey());
        QTemporaryDir dir;
        TemplateLibrary library(dir.filePath(QStringLiteral("templates.json")));
        library.setBackend(&backend);
        library.setLanguage(language);
        PreviewCache previews(dir.filePath(QStringLiteral("previews")), 64LL * 1024 * 1024,
                              &network);
        EffectsBrowser browser(&library, &previews);
        browser.resize(1100, 760);
        QSignalSpy finished(&library, &TemplateLibrary::refreshFinished);
        library.refresh(true);
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.constFirst().constFirst().toString().isEmpty(),
                 qPrintable(finished.constFirst().constFirst().toString()));
        library.markNeedsActivation(sandbox::templates::kNotActivatedId); // as a 500070 teaches
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        QVERIFY(browser.selectTemplate(sandbox::templates::kTwoImageId));
        browser.view()->scrollToTop();
        // Every card in view has its still decoded, and the selected one plays.
        QListView* view = browser.view();
        auto stillsShown = [&] {
            int missing = 0;
            for (int row = 0; row < view->model()->rowCount(); ++row) {
                const QModelIndex index = view->model()->index(row, 0);
                if (!view->viewport()->rect().intersects(view->visualRect(index)))
                    continue;
                const QString file =
                    previews.cachedFile(index.data(TemplateListModel::ThumbnailUrlRole).toString());
                missing += file.isEmpty() || !browser.stills()->contains(file) ? 1 : 0;
            }
            return missing;
        };
        QTRY_COMPARE_WITH_TIMEOUT(stillsShown(), 0, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(browser.previewPlayer()->framesShown() > 0, 20000);
        const QString name = view->currentIndex().data(TemplateListModel::NameRole).toString();
        if (ru)
            QVERIFY2(name.contains(QRegularExpression(QStringLiteral("[\\x{0400}-\\x{04FF}]"))),
                     qPrintable(name));
        QStringList problems;
        QTRY_VERIFY2((problems = pageProblems(&browser, false)).isEmpty() || !ru,
                     qPrintable(problems.join(QLatin1Char('\n'))));
        QTRY_VERIFY2((problems = clippedTexts(&browser) + unnamedButtons(&browser)).isEmpty(),
                     qPrintable(problems.join(QLatin1Char('\n'))));
        verifyScreenshot(&browser, QStringLiteral("effects-%1").arg(language));
        if (ru)
            verifyRussian(&browser);
        browser.hide();
        browser.previewPlayer()->stop();
    }

    // Issue 18: the filter bar with its second row open and filters set (search, rating, tag,
    // days, a board), and the boards panel with boards and their counts, in the window at
    // 1366 px (the most common laptop screen), in English and in Russian.
    void libraryFilters_data() { continueViews_data(); }
    void libraryFilters() {
        QFETCH(QString, language);
        const bool ru = language == QLatin1String("ru");
        QCOMPARE(installTranslations(*qApp, language), language);
        QSettings().clear();
        MainWindow window;
        window.setConnectionLabel(
            QCoreApplication::translate("pixverse::StudioApp", "Offline sandbox"));
        window.setAccount(QStringLiteral("sk-…a1b2"), ApiFamily::OpenApi);
        window.setBalance(1250);
        QTemporaryDir jobsDir;
        JobStore store;
        QVERIFY(store.open(jobsDir.filePath(QStringLiteral("data"))));
        const QList<qint64> ids =
            addSampleJobs(store, jobsDir.filePath(QStringLiteral("library")), clipsDir()).ids;
        QCOMPARE(ids.size(), 10);
        const Result<Board> coast =
            store.addBoard(ru ? QStringLiteral(u"Побережье") : QStringLiteral("Coast"));
        const Result<Board> portraits =
            store.addBoard(ru ? QStringLiteral(u"Портреты") : QStringLiteral("Portraits"));
        QVERIFY(
            store.addBoard(ru ? QStringLiteral(u"Для клиента") : QStringLiteral("For the client"))
                .ok());
        QVERIFY(coast.ok() && portraits.ok());
        const QString sea = ru ? QStringLiteral(u"море") : QStringLiteral("sea");
        QVERIFY(store.modify(ids.at(0), [&](Job& job) {
            job.rating = 4;
            job.tags = {sea};
            job.boards = {coast.value->id};
        }));
        QVERIFY(store.modify(ids.at(1), [&](Job& job) {
            job.rating = 2;
            job.tags = {sea};
            job.boards = {coast.value->id, portraits.value->id};
        }));
        JobsPane* pane = window.jobsPane();
        pane->thumbnailMaker()->setOutputDir(jobsDir.filePath(QStringLiteral("thumbnails")));
        pane->setJobs(&store, nullptr);
        window.resize(1366, 705); // 768 less a title bar and a panel
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        LibraryFilterBar* bar = pane->filterBar();
        bar->setMoreFiltersShown(true);
        pane->boardsPanel()->chooseBoard(coast.value->id);
        JobFilterModel* filter = pane->filterModel();
        filter->setBoard(coast.value->id);
        filter->setSearchText(QStringLiteral("light"));
        filter->setMinRating(3);
        filter->setTag(sea);
        filter->setDateRange(QDate::currentDate().addDays(-7), {});
        QCOMPARE(filter->rowCount(), 1);
        QCOMPARE(pane->findChild<QLabel*>(QStringLiteral("filterCountLabel"))->text(),
                 QCoreApplication::translate("pixverse::LibraryFilterBar", "%1 of %2")
                     .arg(QLocale().toString(1), QLocale().toString(10)));
        QTRY_VERIFY_WITH_TIMEOUT(
            pane->thumbnailCache()->contains(store.job(ids.at(0))->thumbnailPath), 15000);

        // The bar and the boards fit the window at 1366 px.
        for (QWidget* part :
             {static_cast<QWidget*>(bar), static_cast<QWidget*>(pane->boardsPanel())}) {
            const QRect r(part->mapTo(&window, QPoint(0, 0)), part->size());
            QVERIFY2(window.rect().contains(r), part->objectName().toLatin1());
            for (QWidget* w : part->findChildren<QWidget*>()) {
                if (!w->isVisible() || w->isWindow())
                    continue;
                const QRect c(w->mapTo(&window, QPoint(0, 0)), w->size());
                QVERIFY2(window.rect().contains(c), qPrintable(w->objectName()));
            }
        }
        QStringList problems;
        QTRY_VERIFY2((problems = clippedTexts(&window) + unnamedButtons(&window)).isEmpty(),
                     qPrintable(problems.join(QLatin1Char('\n'))));
        verifyScreenshot(&window, QStringLiteral("filters-%1").arg(language));
        if (QTest::currentTestFailed())
            return;
        const QString dir = qEnvironmentVariable("PIXVERSE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(pane->grab().save(
                QDir(dir).filePath(QStringLiteral("filters-%1-pane.png").arg(language))));
        if (ru) {
            verifyRussian(&window);
            problems = pageProblems(&window, false);
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        }
    }

    // Issue 18: the compare view of three takes (a 2 × 2 grid) and of two as a wipe, playing
    // paused on a frame, in English and Russian.
    void compareViews_data() { continueViews_data(); }
    void compareViews() {
        QFETCH(QString, language);
        const bool ru = language == QLatin1String("ru");
        QCOMPARE(installTranslations(*qApp, language), language);
        QTemporaryDir jobsDir;
        JobStore store;
        QVERIFY(store.open(jobsDir.filePath(QStringLiteral("data"))));
        const QList<qint64> ids =
            addSampleJobs(store, jobsDir.filePath(QStringLiteral("library")), clipsDir()).ids;
        QCOMPARE(ids.size(), 10);
        // The titles are the creator's prompts: in Russian on the Russian page.
        const QStringList russianPrompts{
            QStringLiteral(u"Маяк в шторм ночью, волны разбиваются о скалы"),
            QStringLiteral(u"Портрет старого рыбака, чинящего сети, золотой час"),
            QStringLiteral(u"Кошка потягивается на солнечном подоконнике")};
        QList<Job> takes;
        for (int i = 0; i < 3; ++i) {
            QVERIFY(store.modify(ids[i], [&, i](Job& job) {
                job.seed = 370981546 + i;
                job.rating = i == 0 ? 4 : 0;
                if (ru)
                    job.request.prompt = russianPrompts.at(i);
            }));
            takes << *store.job(ids[i]);
        }
        JobLibrary library(&store);
        library.pick(ids[0]);
        takes[0] = *store.job(ids[0]);
        for (const bool wipe : {false, true}) {
            CompareView view(wipe ? takes.mid(0, 2) : takes, library);
            view.resize(1280, 720);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            view.setWipe(wipe);
            QTRY_VERIFY_WITH_TIMEOUT(view.playback()->isReady(), 20000);
            view.playback()->seek(view.playback()->durationUs() / 2);
            QTRY_VERIFY_WITH_TIMEOUT(view.playback()->isSettled(), 20000);
            QTRY_VERIFY_WITH_TIMEOUT(!view.playback()->frame(view.cellCount() - 1).isNull(), 20000);
            QStringList problems;
            QTRY_VERIFY2((problems = pageProblems(&view, false)).isEmpty() || !ru,
                         qPrintable(problems.join(QLatin1Char('\n'))));
            QTRY_VERIFY2((problems = clippedTexts(&view) + unnamedButtons(&view)).isEmpty(),
                         qPrintable(problems.join(QLatin1Char('\n'))));
            verifyScreenshot(
                &view, QStringLiteral("compare-%1-%2")
                           .arg(wipe ? QStringLiteral("wipe") : QStringLiteral("3up"), language));
            if (ru)
                verifyRussian(&view);
            view.hide();
        }
    }
};

QTEST_MAIN(TestScreenshotsI18n)
#include "tst_screenshots_i18n.moc"
