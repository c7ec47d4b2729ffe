// SpendReport (issue 19): per local day ascending, per model by net credits, refunds, the range
// of days, the RFC 4180 CSV and the integer JSON of `spend --json`.
#include "core/ledger/SpendReport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <ctime>

using namespace pixverse;

namespace {

//! An entry at a local date and time.
LedgerEntry entry(const QDate& day, int hour, qint64 videoId, const QString& model, qint64 credits,
                  bool refund = false) {
    LedgerEntry e;
    e.videoId = videoId;
    e.model = model;
    e.creationType = QStringLiteral("text_to_video");
    e.credits = credits;
    e.refund = refund;
    e.at = QDateTime(day, QTime(hour, 15)).toUTC();
    return e;
}

const QDate kMonday(2026, 9, 7);

QList<LedgerEntry> week() {
    const QDate tuesday = kMonday.addDays(1);
    return {entry(tuesday, 9, 3, QStringLiteral("v6"), 80),
            entry(kMonday, 10, 1, QStringLiteral("v4.5"), 45),
            entry(kMonday, 23, 2, QStringLiteral("v4.5"), 45),
            entry(kMonday, 23, 2, QStringLiteral("v4.5"), 45, true),
            entry(tuesday, 0, 4, QStringLiteral("v6"), 80),
            entry(kMonday.addDays(5), 12, 5, QStringLiteral("v5"), 30)};
}

} // namespace

class TstSpendReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void daysAndModels() {
        const SpendReport r = SpendReport::build(week(), kMonday, kMonday.addDays(1));
        QCOMPARE(r.deducted, qint64(45 + 45 + 80 + 80));
        QCOMPARE(r.refunded, qint64(45));
        QCOMPARE(r.net(), qint64(205));
        QCOMPARE(r.entries.size(), 5); // Saturday's is out of range
        QCOMPARE(r.refunds.size(), 1);
        QCOMPARE(r.refunds.first().videoId, qint64(2));
        for (int i = 1; i < r.entries.size(); ++i)
            QVERIFY(r.entries.at(i - 1).at <= r.entries.at(i).at);
        QCOMPARE(r.perDay, QList<SpendLine>({SpendLine{QStringLiteral("2026-09-07"), 90, 45, 2},
                                             SpendLine{QStringLiteral("2026-09-08"), 160, 0, 2}}));
        QCOMPARE(r.perModel, QList<SpendLine>({SpendLine{QStringLiteral("v6"), 160, 0, 2},
                                               SpendLine{QStringLiteral("v4.5"), 90, 45, 2}}));
    }

    void modelsFallBackAndTieByName() {
        LedgerEntry noModel = entry(kMonday, 9, 10, QString(), 30);
        LedgerEntry nothing = entry(kMonday, 9, 11, QString(), 30);
        nothing.creationType.clear();
        const SpendReport r = SpendReport::build(
            {noModel, nothing, entry(kMonday, 9, 12, QStringLiteral("c1"), 30)}, {}, {});
        QCOMPARE(r.perModel.size(), 3);
        QCOMPARE(r.perModel.at(0).key, QStringLiteral("c1"));
        QCOMPARE(r.perModel.at(1).key, QStringLiteral("other"));
        QCOMPARE(r.perModel.at(2).key, QStringLiteral("text_to_video"));
    }

    void csvFollowsRfc4180() {
        QList<LedgerEntry> entries{
            entry(kMonday, 10, 1, QStringLiteral("v4.5"), 45),
            entry(kMonday, 11, 2, QStringLiteral("my, \"best\" model"), 20, true)};
        entries[0].jobId = 7;
        const QByteArray csv = SpendReport::build(entries, {}, {}).toCsv();
        const QList<QByteArray> lines = csv.split('\n');
        QCOMPARE(lines.size(), 4); // header, two rows, the empty rest after the last CRLF
        QVERIFY(csv.endsWith("\r\n"));
        QCOMPARE(lines.at(0),
                 QByteArray("date,time,video_id,job_id,model,type,credits,direction\r"));
        QCOMPARE(lines.at(1),
                 QByteArray("2026-09-07,10:15:00,1,7,v4.5,text_to_video,45,deduction\r"));
        QCOMPARE(lines.at(2), QByteArray("2026-09-07,11:15:00,2,,\"my, \"\"best\"\" model\","
                                         "text_to_video,20,refund\r"));
    }

    void jsonHasIntegers() {
        const SpendReport r = SpendReport::build(week(), kMonday, kMonday.addDays(6));
        const QJsonObject json = r.toJson();
        QCOMPARE(json.value(u"from").toString(), QStringLiteral("2026-09-07"));
        QCOMPARE(json.value(u"until").toString(), QStringLiteral("2026-09-13"));
        QCOMPARE(json.value(u"deducted").toInteger(), qint64(280));
        QCOMPARE(json.value(u"refunded").toInteger(), qint64(45));
        QCOMPARE(json.value(u"net").toInteger(), qint64(235));
        const QJsonArray days = json.value(u"days").toArray();
        QCOMPARE(days.size(), 3);
        QCOMPARE(days.at(2).toObject().value(u"date").toString(), QStringLiteral("2026-09-12"));
        QCOMPARE(json.value(u"models").toArray().first().toObject().value(u"model").toString(),
                 QStringLiteral("v6"));
        // Written as integers, never as 280.0.
        const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
        QVERIFY(text.contains("\"deducted\":280"));
        QVERIFY(!text.contains(".0,") && !text.contains(".0}"));
    }

    void emptyRange() {
        const SpendReport r = SpendReport::build(week(), QDate(2027, 1, 1), QDate(2027, 1, 2));
        QVERIFY(r.entries.isEmpty());
        QVERIFY(r.perDay.isEmpty());
        QCOMPARE(r.net(), qint64(0));
        QCOMPARE(r.toCsv().count('\n'), 1);
    }

    // Issue 20: the Spending view reads the ledger into a book once and slices it per range.
    // Every range of the week's days gives what a report of only that range's entries gives.
    void bookSlicesAnyRange() {
        const SpendBook book(week());
        QCOMPARE(book.size(), 6);
        QCOMPARE(book.firstDay(), kMonday);
        QVERIFY(!SpendBook().firstDay().isValid());
        for (int first = -1; first <= 7; ++first) {
            for (int last = first; last <= 7; ++last) {
                const QDate from = kMonday.addDays(first);
                const QDate until = kMonday.addDays(last);
                QList<LedgerEntry> inRange;
                for (const LedgerEntry& e : week()) {
                    const QDate day = e.at.toLocalTime().date();
                    if (day >= from && day <= until)
                        inRange << e;
                }
                const SpendReport sliced = book.report(from, until);
                const SpendReport alone = SpendReport::build(inRange, from, until);
                const QString range =
                    from.toString(Qt::ISODate) + u'…' + until.toString(Qt::ISODate);
                QVERIFY2(sliced.entries == alone.entries, qPrintable(range));
                QVERIFY2(sliced.refunds == alone.refunds, qPrintable(range));
                QVERIFY2(sliced.perDay == alone.perDay, qPrintable(range));
                QVERIFY2(sliced.perModel == alone.perModel, qPrintable(range));
                QCOMPARE(sliced.deducted, alone.deducted);
                QCOMPARE(sliced.refunded, alone.refunded);
                QCOMPARE(sliced.from, from);
                QCOMPARE(sliced.until, until);
            }
        }
        // Open ends: every entry.
        const SpendReport all = book.report({}, {});
        QCOMPARE(all.entries.size(), 6);
        QCOMPARE(all.net(), qint64(45 + 45 + 80 + 80 + 30 - 45));
    }

    // Issue 20: a book looks the time zone up once a day of entries, not once an entry. Every
    // entry still lands on the local day QDateTime::toLocalTime gives it, in zones whose offset
    // changes by an hour, by half an hour (Lord Howe), at local midnight (Santiago) and never
    // (Kathmandu, +5:45), with the entries in no order.
    void localDaysFollowTheZoneThroughItsChanges() {
        const QByteArray savedTz = qgetenv("TZ");
        const bool hadTz = qEnvironmentVariableIsSet("TZ");
        const QList<QByteArray> zones{"Europe/Berlin", "Australia/Lord_Howe", "America/Santiago",
                                      "Asia/Kathmandu", "UTC"};
        for (const QByteArray& zone : zones) {
            qputenv("TZ", zone);
            tzset();
            QList<LedgerEntry> entries;
            const QDateTime start(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
            for (qint64 i = 0; i < 6000; ++i) { // every 97 minutes through 2026 and into 2027
                LedgerEntry e;
                e.videoId = i + 1;
                e.model = QStringLiteral("v6");
                e.credits = 1;
                e.at = start.addSecs(i * 97 * 60);
                entries << e;
            }
            // A fixed shuffle: the book must not rely on the order it is given.
            for (qsizetype i = entries.size() - 1; i > 0; --i)
                entries.swapItemsAt(i, (i * 7919 + 13) % (i + 1));
            QMap<QString, qint64> expected;
            for (const LedgerEntry& e : std::as_const(entries))
                ++expected[e.at.toLocalTime().date().toString(Qt::ISODate)];
            const SpendReport all = SpendBook(entries).report({}, {});
            QMap<QString, qint64> got;
            for (const SpendLine& line : all.perDay)
                got.insert(line.key, line.deducted);
            QVERIFY2(got == expected, zone.constData());
            QCOMPARE(all.entries.size(), entries.size());
            QVERIFY(std::is_sorted(
                all.perDay.cbegin(), all.perDay.cend(),
                [](const SpendLine& a, const SpendLine& b) { return a.key < b.key; }));
        }
        if (hadTz)
            qputenv("TZ", savedTz);
        else
            qunsetenv("TZ");
        tzset();
    }
};

QTEST_GUILESS_MAIN(TstSpendReport)
#include "tst_spendreport.moc"
