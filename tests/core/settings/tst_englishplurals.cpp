// English counted messages read as English (issue 19's try-out: "synced 1 minute(s) ago",
// "(2 video(s))"): EnglishPlurals fills in "(s)" by the count, and leaves everything else to the
// sources.
#include "core/settings/EnglishPlurals.h"

#include <QCoreApplication>
#include <QTest>

using namespace pixverse;

class TestEnglishPlurals : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countedMessagesTakeTheirPlural() {
        EnglishPlurals plurals;
        QVERIFY(QCoreApplication::installTranslator(&plurals));
        QCOMPARE(QCoreApplication::translate("x", "%n job(s) from “%1” queued.", nullptr, 1),
                 QStringLiteral("1 job from “%1” queued."));
        QCOMPARE(QCoreApplication::translate("x", "%n job(s) from “%1” queued.", nullptr, 3),
                 QStringLiteral("3 jobs from “%1” queued."));
        QCOMPARE(QCoreApplication::translate("x", "synced %n minute(s) ago", nullptr, 0),
                 QStringLiteral("synced 0 minutes ago"));
        QCOMPARE(QCoreApplication::translate("x", "Takes %n image(s)", nullptr, 1),
                 QStringLiteral("Takes 1 image"));
        // Not counted, or no "(s)": the source text as it is.
        QCOMPARE(QCoreApplication::translate("x", "Keep the file(s)"),
                 QStringLiteral("Keep the file(s)"));
        QCOMPARE(QCoreApplication::translate("x", "%n takes", nullptr, 1),
                 QStringLiteral("1 takes"));
        QCoreApplication::removeTranslator(&plurals);
        QCOMPARE(QCoreApplication::translate("x", "%n job(s)", nullptr, 1),
                 QStringLiteral("1 job(s)"));
    }
};

QTEST_MAIN(TestEnglishPlurals)
#include "tst_englishplurals.moc"
