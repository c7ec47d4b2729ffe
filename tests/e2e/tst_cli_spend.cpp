// Issue 19 from the CLI: `spend` reads the platform's ledger (every page, a range over 30 days in
// parts) and prints deductions, refunds and net, per day and per model; --json is one object of
// integers; a bad day is a usage error.
#include "CliProcess.h"
#include "core/sandbox/SandboxHost.h"
#include "tests/support/TestSupport.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace pixverse;
using namespace pixverse::test;

class TestCliSpend : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void jsonAddsUpToTheBalance();
    void textListsDaysAndModels();
    void aLongRangeIsReadInParts();
    void badDaysAreUsageErrors_data();
    void badDaysAreUsageErrors();

private:
    CliRun run(const QStringList& arguments) const;
    QJsonObject call(const QString& path, const QJsonObject& body = {}, bool post = true);
    qint64 balance();

    std::unique_ptr<sandbox::SandboxHost> m_sandbox;
    QNetworkAccessManager m_network;
    QString m_cli;
    qint64 m_spent = 0;
    qint64 m_price = 0;
};

QJsonObject TestCliSpend::call(const QString& path, const QJsonObject& body, bool post) {
    QNetworkRequest request(QUrl(m_sandbox->baseUrl().toString() + path));
    request.setRawHeader("API-KEY", m_sandbox->defaultApiKey().toUtf8());
    request.setRawHeader("Ai-trace-id", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply =
        post ? m_network.post(request, QJsonDocument(body).toJson()) : m_network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return answer;
}

qint64 TestCliSpend::balance() {
    const QJsonObject resp =
        call(QStringLiteral("/openapi/v2/account/balance"), {}, false).value(u"Resp").toObject();
    return resp.value(u"credit_monthly").toInteger() + resp.value(u"credit_package").toInteger();
}

void TestCliSpend::initTestCase() {
    m_cli = appExecutable(QStringLiteral("pixverse-studio-cli"));
    QVERIFY(!m_cli.isEmpty());
    m_sandbox = std::make_unique<sandbox::SandboxHost>();
    QVERIFY(m_sandbox->start());
    const qint64 before = balance();
    // Five videos, one moderated and one failed: the sandbox gives both back.
    for (const char* prompt :
         {"A calm lake", "A red fox", "Something forbidden", "It will explode", "A windmill"}) {
        const QJsonObject made =
            call(QStringLiteral("/openapi/v2/video/text/generate"),
                 QJsonObject{{QStringLiteral("prompt"), QString::fromUtf8(prompt)},
                             {QStringLiteral("model"), QStringLiteral("v4.5")},
                             {QStringLiteral("duration"), 5},
                             {QStringLiteral("quality"), QStringLiteral("540p")},
                             {QStringLiteral("aspect_ratio"), QStringLiteral("16:9")}});
        QCOMPARE(made.value(u"ErrCode").toInteger(), qint64(0));
        m_price = made.value(u"Resp").toObject().value(u"credits").toInteger();
    }
    m_sandbox->advanceClock(60 * 1000); // every video ends (and the refunds are made)
    m_spent = before - balance();
    QCOMPARE(m_spent, 3 * m_price);
}

CliRun TestCliSpend::run(const QStringList& arguments) const {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PXTEST_KEY"), m_sandbox->defaultApiKey());
    const QStringList connection{QStringLiteral("--base-url"), m_sandbox->baseUrl().toString(),
                                 QStringLiteral("--api-key-env"), QStringLiteral("PXTEST_KEY")};
    return runCli(m_cli, arguments + connection, env, 60000);
}

void TestCliSpend::jsonAddsUpToTheBalance() {
    // Tomorrow too: the sandbox's clock ran a minute ahead, maybe past midnight.
    const QString until = QDate::currentDate().addDays(1).toString(Qt::ISODate);
    const CliRun spend =
        run({QStringLiteral("spend"), QStringLiteral("--json"), QStringLiteral("--until"), until});
    QVERIFY2(spend.exitCode == 0, qPrintable(spend.why()));
    QCOMPARE(spend.outLines().size(), 1);
    const QJsonObject json = QJsonDocument::fromJson(spend.out.toUtf8()).object();
    QCOMPARE(json.value(u"deducted").toInteger(), 5 * m_price);
    QCOMPARE(json.value(u"refunded").toInteger(), 2 * m_price);
    QCOMPARE(json.value(u"net").toInteger(), m_spent);
    QCOMPARE(json.value(u"until").toString(), until);
    const QJsonArray models = json.value(u"models").toArray();
    QCOMPARE(models.size(), 1);
    QCOMPARE(models.first().toObject().value(u"model").toString(), QStringLiteral("text_to_video"));
    QCOMPARE(models.first().toObject().value(u"videos").toInt(), 5);
    QVERIFY(!spend.out.contains(QStringLiteral(".0,")));
}

void TestCliSpend::textListsDaysAndModels() {
    const QString until = QDate::currentDate().addDays(1).toString(Qt::ISODate);
    const CliRun spend = run({QStringLiteral("spend"), QStringLiteral("--until"), until});
    QVERIFY2(spend.exitCode == 0, qPrintable(spend.why()));
    const QStringList lines = spend.outLines();
    QVERIFY(lines.size() >= 7);
    QCOMPARE(lines.at(1), QStringLiteral("Deductions: %1 credits").arg(5 * m_price));
    QCOMPARE(lines.at(2), QStringLiteral("Refunds: %1 credits").arg(2 * m_price));
    QCOMPARE(lines.at(3), QStringLiteral("Net: %1 credits").arg(m_spent));
    QVERIFY(lines.contains(QStringLiteral("Per day:")));
    QVERIFY(lines.contains(QStringLiteral("Per model:")));
    QVERIFY(spend.out.contains(QStringLiteral("text_to_video: %1 deducted").arg(5 * m_price)));
    QVERIFY(!spend.out.contains(QStringLiteral("0x"))); // no address printed
}

void TestCliSpend::aLongRangeIsReadInParts() {
    // 90 days: three windows of the service's 30, each allowed; the same five videos.
    const QDate until = QDate::currentDate().addDays(1);
    const CliRun spend = run({QStringLiteral("spend"), QStringLiteral("--json"),
                              QStringLiteral("--since"), until.addDays(-89).toString(Qt::ISODate),
                              QStringLiteral("--until"), until.toString(Qt::ISODate)});
    QVERIFY2(spend.exitCode == 0, qPrintable(spend.why()));
    const QJsonObject json = QJsonDocument::fromJson(spend.out.toUtf8()).object();
    QCOMPARE(json.value(u"net").toInteger(), m_spent);
    // Days before the videos: nothing.
    const CliRun before = run({QStringLiteral("spend"), QStringLiteral("--json"),
                               QStringLiteral("--since"), QStringLiteral("2020-01-01"),
                               QStringLiteral("--until"), QStringLiteral("2020-03-01")});
    QVERIFY2(before.exitCode == 0, qPrintable(before.why()));
    QCOMPARE(QJsonDocument::fromJson(before.out.toUtf8()).object().value(u"deducted").toInteger(),
             qint64(0));
}

void TestCliSpend::badDaysAreUsageErrors_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("since") << QStringList{QStringLiteral("--since"), QStringLiteral("06/12/2026")};
    QTest::newRow("until") << QStringList{QStringLiteral("--until"), QStringLiteral("tomorrow")};
    QTest::newRow("reversed") << QStringList{
        QStringLiteral("--since"), QStringLiteral("2026-02-02"), QStringLiteral("--until"),
        QStringLiteral("2026-02-01")};
}

void TestCliSpend::badDaysAreUsageErrors() {
    QFETCH(QStringList, arguments);
    const CliRun spend = run(QStringList{QStringLiteral("spend")} + arguments);
    QCOMPARE(spend.exitCode, 2);
    QVERIFY(spend.out.isEmpty());
    QVERIFY(!spend.err.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliSpend)
#include "tst_cli_spend.moc"
