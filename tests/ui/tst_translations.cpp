#include "WidgetTexts.h"
#include "core/auth/CredentialStore.h"
#include "core/auth/Session.h"
#include "core/generation/ModelCatalog.h"
#include "core/settings/AppSettings.h"
#include "tests/support/TestSupport.h"
#include "ui/ImageDropZone.h"
#include "ui/LogViewer.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/PromptEditor.h"
#include "ui/SettingsDialog.h"
#include "ui/Translations.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace pixverse;
using namespace pixverse::test;

namespace {

const QRegularExpression kCyrillic(QStringLiteral("[\\x{0400}-\\x{04FF}]"));

QString tsPath() {
    return sourcePath(QStringLiteral("resources/translations/pixverse-studio_ru.ts"));
}

bool isLive(const TsMessage& m) {
    return m.type != QLatin1String("vanished") && m.type != QLatin1String("obsolete");
}

QStringList placeholders(const QString& text) {
    static const QRegularExpression arg(QStringLiteral("%(?:L?\\d{1,2}|n)"));
    QStringList out;
    auto it = arg.globalMatch(text);
    while (it.hasNext())
        out << it.next().captured();
    out.sort();
    out.removeDuplicates();
    return out;
}

bool hasMnemonic(const QString& text) {
    static const QRegularExpression mnemonic(QStringLiteral("&(?![&\\s])"));
    return text.contains(mnemonic);
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
    QList<TsMessage> m_messages;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() {
        QString error;
        m_messages = readTs(tsPath(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // The checks below walk these messages: with none they would pass having seen nothing.
        QVERIFY2(m_messages.size() >= 300, qPrintable(QString::number(m_messages.size())));
        QVERIFY(m_dir.isValid());
    }

    void everyMessageIsTranslated() {
        int live = 0;
        QStringList problems;
        for (const TsMessage& m : std::as_const(m_messages)) {
            if (!isLive(m))
                continue;
            ++live;
            const QString where = m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
            if (m.type == QLatin1String("unfinished"))
                problems << where + QStringLiteral(" is unfinished");
            const QStringList texts = m.numerus ? m.numerusForms : QStringList{m.translation};
            for (const QString& t : texts) {
                if (t.trimmed().isEmpty()) {
                    problems << where + QStringLiteral(" has an empty translation");
                    continue;
                }
                // The same arguments, so that .arg() fills them all.
                if (placeholders(t) != placeholders(m.source))
                    problems << where + QStringLiteral(" has other placeholders: ") + t;
                // A keyboard shortcut letter where the English has one.
                if (hasMnemonic(m.source) != hasMnemonic(t))
                    problems << where + QStringLiteral(" lost or gained its & shortcut: ") + t;
            }
        }
        qInfo("%d messages in %s", live, qPrintable(tsPath()));
        QVERIFY2(live >= 300, "the .ts looks incomplete: run the update_translations target");
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // A tr() added to the sources without running update_translations would be English in the
    // Russian build, and no other check here would know the string: run lupdate (and fix-ts.py,
    // as the target does) over the sources into a copy of the .ts and look for new messages.
    void theTsHasEveryStringOfTheSources() {
        const QString copy = m_dir.filePath(QStringLiteral("current_ru.ts"));
        QFile::remove(copy);
        QVERIFY(QFile::copy(tsPath(), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QStringList sources;
        const QString root = sourcePath(QString());
        for (const QString& dir :
             {QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("app")}) {
            QDirIterator it(QDir(root).filePath(dir),
                            {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString file = it.next();
                if (!file.contains(
                        QLatin1String("/core/sandbox/"))) // PixVerse's stand-in answers in English
                    sources << file;
            }
        }
        QVERIFY(sources.size() > 50);
        const QString list = m_dir.filePath(QStringLiteral("sources.lst"));
        QFile listFile(list);
        QVERIFY(listFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
        listFile.write(sources.join(QLatin1Char('\n')).toUtf8());
        listFile.close();

        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(PIXVERSE_LUPDATE),
                      {QStringLiteral("-silent"), QStringLiteral("-tr-function-alias"),
                       QStringLiteral("tr+=message"), QStringLiteral("-I"), root,
                       QLatin1Char('@') + list, QStringLiteral("-ts"), copy});
        QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());
        if (!QStringLiteral(PIXVERSE_PYTHON3).isEmpty()) {
            QProcess fix;
            fix.setProcessChannelMode(QProcess::MergedChannels);
            fix.start(QStringLiteral(PIXVERSE_PYTHON3),
                      {QDir(root).filePath(QStringLiteral("resources/translations/fix-ts.py")),
                       root, copy});
            QVERIFY2(fix.waitForFinished(60000), "fix-ts.py did not finish");
            QVERIFY2(fix.exitCode() == 0, fix.readAll().constData());
        }
        QString error;
        const QList<TsMessage> current = readTs(copy, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList missing;
        for (const TsMessage& m : current) {
            if (isLive(m) && m.type == QLatin1String("unfinished"))
                missing << m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
        }
        QVERIFY2(current.size() >= m_messages.size() / 2, "lupdate found almost nothing");
        QVERIFY2(
            missing.isEmpty(),
            qPrintable(
                QStringLiteral("strings in the sources that pixverse-studio_ru.ts lacks (build the "
                               "update_translations target and translate them):\n") +
                missing.join(QLatin1Char('\n'))));
    }

    void translationIsRussian() {
        // Most messages must actually be Russian: the same text is fine only for names and
        // formats ("PixVerse Studio", "%1 · %2").
        QStringList english;
        for (const TsMessage& m : std::as_const(m_messages)) {
            if (!isLive(m) || m.translation.contains(kCyrillic))
                continue;
            if (!englishLeft(shownText(m.translation), {}).isEmpty())
                english << m.context + QStringLiteral(": ") + m.translation;
        }
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
    }

    void followsTheSystemLanguage() {
        // main() below set LANGUAGE=ru:en before the application started.
        QCOMPARE(resolveLanguage(QString()), QStringLiteral("ru"));
        QCOMPARE(resolveLanguage(QStringLiteral("ru")), QStringLiteral("ru"));
        QCOMPARE(resolveLanguage(QStringLiteral("ru_RU")), QStringLiteral("ru"));
        QCOMPARE(resolveLanguage(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(resolveLanguage(QStringLiteral("de")), QStringLiteral("en")); // no German: English
        QCOMPARE(translatedLanguages(), QStringList{QStringLiteral("ru")});

        QCOMPARE(installTranslations(*qApp, QString()), QStringLiteral("ru"));
        QVERIFY(QCoreApplication::translate("pixverse::SettingsDialog", "Settings")
                    .contains(kCyrillic));
        // The setting wins over the system.
        QCOMPARE(installTranslations(*qApp, QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("pixverse::SettingsDialog", "Settings"),
                 QStringLiteral("Settings"));
        QCOMPARE(QLocale().language(), QLocale::English);
    }

    void loadedTranslatorAnswersEveryMessage() {
        QCOMPARE(installTranslations(*qApp, QStringLiteral("ru")), QStringLiteral("ru"));
        QCOMPARE(QLocale().language(), QLocale::Russian);
        QStringList stale;
        for (const TsMessage& m : std::as_const(m_messages)) {
            if (!isLive(m) || m.numerus)
                continue;
            const QString got = QCoreApplication::translate(
                m.context.toUtf8().constData(), m.source.toUtf8().constData(),
                m.comment.isEmpty() ? nullptr : m.comment.toUtf8().constData());
            if (got != m.translation)
                stale << m.context + QStringLiteral(": ") + m.source + QStringLiteral(" -> ") + got;
        }
        QVERIFY2(stale.isEmpty(), qPrintable(QStringLiteral("the .qm is older than the .ts:\n") +
                                             stale.join(QLatin1Char('\n'))));
    }

    void samplesFromSeveralContexts_data() {
        QTest::addColumn<QString>("context");
        for (const char* c :
             {"pixverse::ApiError", "pixverse-studio-cli", "pixverse::PromptEditor",
              "pixverse::SettingsDialog", "pixverse::ModelCatalog", "pixverse::LoginDialog",
              "pixverse::ImageCheck", "pixverse::MainWindow", "main"})
            QTest::newRow(c) << QString::fromLatin1(c);
    }

    void samplesFromSeveralContexts() {
        QFETCH(QString, context);
        installTranslations(*qApp, QStringLiteral("ru"));
        int checked = 0;
        for (const TsMessage& m : std::as_const(m_messages)) {
            if (m.context != context || !isLive(m) || !m.translation.contains(kCyrillic) ||
                checked >= 3)
                continue;
            const QString got = QCoreApplication::translate(context.toUtf8().constData(),
                                                            m.source.toUtf8().constData());
            QVERIFY2(got.contains(kCyrillic), qPrintable(m.source + QStringLiteral(" -> ") + got));
            ++checked;
        }
        QVERIFY2(checked > 0, "no translated message in this context");
    }

    void qtsOwnAndDataStringsAreRussian() {
        installTranslations(*qApp, QStringLiteral("ru"));
        // Qt's own (qtbase_ru from qt6-translations-l10n): the standard buttons.
        QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        QCOMPARE(shownText(buttons.button(QDialogButtonBox::Cancel)->text()),
                 QStringLiteral(u"Отмена"));
        // The model table's strings come through the catalog's context.
        QVERIFY(ModelCatalog::builtIn().switchLabel(QStringLiteral("audio")).contains(kCyrillic));
        GenerationRequest r;
        r.prompt = QStringLiteral("x");
        r.model = QStringLiteral("v4.5");
        r.quality = QStringLiteral("1080p");
        r.duration = 8;
        const QList<RuleViolation> violations =
            ModelCatalog::builtIn().validate(r, ApiFamily::OpenApi);
        QVERIFY(!violations.isEmpty());
        for (const RuleViolation& v : violations)
            QVERIFY2(v.reason.contains(kCyrillic), qPrintable(v.reason));
    }

    void russianWidgetsShowNoEnglish() {
        QCOMPARE(installTranslations(*qApp, QStringLiteral("ru")), QStringLiteral("ru"));
        QSet<QString> english;
        for (const TsMessage& m : std::as_const(m_messages)) {
            if (isLive(m) && m.translation != m.source)
                english << shownText(m.source);
        }

        const QString ini = m_dir.filePath(QStringLiteral("ru.ini"));
        AppSettings settings(ini);
        QNetworkAccessManager network;
        CredentialStore credentials(QStringLiteral("io.github.pixverse-studio.test-translations"));
        Session session(&network, nullptr, &settings);

        std::vector<std::unique_ptr<QWidget>> windows;
        windows.push_back(std::make_unique<MainWindow>());
        windows.push_back(std::make_unique<PromptEditor>(ini));
        windows.push_back(std::make_unique<ImageDropZone>());
        windows.push_back(std::make_unique<SettingsDialog>(&settings, &credentials));
        windows.push_back(std::make_unique<LoginDialog>(&session, &credentials, &settings));
        windows.push_back(std::make_unique<LogViewer>(m_dir.filePath(QStringLiteral("none.log"))));

        QStringList problems;
        int texts = 0;
        for (const auto& window : windows) {
            window->show();
            QVERIFY(QTest::qWaitForWindowExposed(window.get()));
            // Every page of a tab widget, not only the first.
            QList<QTabWidget*> tabWidgets = window->findChildren<QTabWidget*>();
            QList<int> pages{0};
            for (QTabWidget* tabs : tabWidgets)
                pages << tabs->count();
            const int pageCount = *std::max_element(pages.begin(), pages.end());
            for (int page = 0; page < qMax(1, pageCount); ++page) {
                for (QTabWidget* tabs : tabWidgets) {
                    if (page < tabs->count())
                        tabs->setCurrentIndex(page);
                }
                const QList<ShownText> shown = shownTexts(window.get());
                for (const ShownText& s : shown) {
                    ++texts;
                    const QString why = englishLeft(s.text, english);
                    if (!why.isEmpty())
                        problems << QStringLiteral("%1 %2 (%3): \"%4\" — %5")
                                        .arg(window->objectName(), s.widget->objectName(), s.what,
                                             s.text, why);
                }
            }
        }
        problems.removeDuplicates();
        qInfo("%lld texts checked", static_cast<long long>(texts));
        QVERIFY2(texts > 100, "the widget walk found almost nothing");
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

int main(int argc, char* argv[]) {
    // The system's preferred languages, as a Russian desktop sets them (read at start-up).
    qputenv("LANGUAGE", "ru:en");
    QApplication app(argc, argv);
    TestTranslations test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translations.moc"
