#include "core/logging/LogFile.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

Q_LOGGING_CATEGORY(lcTest, "pixverse.test")

using pixverse::LogFile;

namespace {
QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestLogFile : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void init() { LogFile::install(m_dir.path(), 4096, 3); }
    void cleanup() { LogFile::uninstall(); }

    void registeredSecretsNeverReachTheFile() {
        const QString key = QStringLiteral("sk-live-4f3e2d1c0b9a8877");
        LogFile::addSecret(key);
        qCWarning(lcTest) << "sending with key" << key << "to the service";
        qCInfo(lcTest).noquote() << QStringLiteral("echo: %1").arg(key);
        const QByteArray log = readAll(LogFile::filePath());
        QVERIFY(log.contains("sending with key"));
        QVERIFY(log.contains("pixverse.test"));
        QVERIFY(!log.contains(key.toUtf8()));
        QVERIFY(log.contains("***"));
        LogFile::removeSecret(key);
    }

    void credentialLookingValuesAreScrubbedEvenUnregistered() {
        const QStringList lines{
            QStringLiteral("API-KEY: sk-abcdef123456"),
            QStringLiteral("Token: eyJhbGciOiJIUzI1NiJ9.payload.sig"),
            QStringLiteral(R"({"Username":"ann@example.com","Password":"hunter2hunter2"})"),
            QStringLiteral(R"({"Ak":"STS.akakakak","Sk":"sksksksksk","Token":"CAISxyz123"})"),
            QStringLiteral("x-oss-security-token: CAIStoken987"),
            QStringLiteral("Authorization: OSS STS.aaaa:signature123"),
        };
        for (const QString& line : lines)
            qCWarning(lcTest).noquote() << line;
        const QByteArray log = readAll(LogFile::filePath());
        for (const char* secret :
             {"sk-abcdef123456", "eyJhbGciOiJIUzI1NiJ9", "hunter2hunter2", "STS.akakakak",
              "sksksksksk", "CAISxyz123", "CAIStoken987", "signature123"})
            QVERIFY2(!log.contains(secret), secret);
        QVERIFY(log.contains("ann@example.com")); // not a secret: stays readable
    }

    void theFileRotates() {
        for (int i = 0; i < 200; ++i)
            qCInfo(lcTest) << "line" << i << QString(40, QLatin1Char('x'));
        QVERIFY(QFile::exists(QDir(m_dir.path()).filePath(QStringLiteral("pixverse.1.log"))));
        QVERIFY(QFile::exists(QDir(m_dir.path()).filePath(QStringLiteral("pixverse.2.log"))));
        QVERIFY(!QFile::exists(QDir(m_dir.path()).filePath(QStringLiteral("pixverse.3.log"))));
        QVERIFY(QFileInfo(LogFile::filePath()).size() <= 4096 + 200);
        QVERIFY(readAll(LogFile::filePath()).contains("line 199"));
    }
};

QTEST_GUILESS_MAIN(TestLogFile)
#include "tst_logfile.moc"
