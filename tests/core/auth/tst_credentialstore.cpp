// Runs twice: against a real gnome-keyring in a private D-Bus session (KEYCHAIN test), and with
// the session bus pointed nowhere (PIXVERSE_NO_KEYCHAIN) to prove the in-memory fallback.
#include "core/auth/CredentialStore.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace pixverse;

namespace {
struct Outcome {
    bool done = false;
    CredentialStore::ReadResult read;
    CredentialStore::WriteResult write;
    bool removed = false;
    QString error;
};

Outcome readNow(CredentialStore& store, ApiFamily family, const QString& account) {
    Outcome o;
    store.read(family, account, &store, [&o](CredentialStore::ReadResult r) {
        o.read = std::move(r);
        o.done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(o.done, 15000); }();
    return o;
}

Outcome writeNow(CredentialStore& store, ApiFamily family, const QString& account,
                 const QString& secret) {
    Outcome o;
    store.write(family, account, secret, &store, [&o](CredentialStore::WriteResult r) {
        o.write = std::move(r);
        o.done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(o.done, 15000); }();
    return o;
}

Outcome removeNow(CredentialStore& store, ApiFamily family, const QString& account) {
    Outcome o;
    store.remove(family, account, &store, [&o](bool removed, QString error) {
        o.removed = removed;
        o.error = std::move(error);
        o.done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(o.done, 15000); }();
    return o;
}

const QString kSecret = QStringLiteral("sk-test-9f8e7d6c5b4a-SECRET");
} // namespace

class TestCredentialStore : public QObject {
    Q_OBJECT
    const QString m_service = QStringLiteral("io.github.pixverse-studio.tests");

private Q_SLOTS:
#ifndef PIXVERSE_NO_KEYCHAIN
    void rememberedSecretSurvivesARestart() {
        {
            CredentialStore store(m_service);
            const Outcome w = writeNow(store, ApiFamily::OpenApi, QStringLiteral("key-1"), kSecret);
            QVERIFY2(w.write.error.isEmpty(), qPrintable(w.write.error));
            QVERIFY(w.write.persisted);
            QVERIFY(store.isPersistent());
        }
        // A new store, as after a restart, reads it back from the keychain.
        CredentialStore again(m_service);
        const Outcome r = readNow(again, ApiFamily::OpenApi, QStringLiteral("key-1"));
        QVERIFY(r.read.error.isEmpty());
        QCOMPARE(r.read.secret.value_or(QString()), kSecret);
        // Entries are per backend and account.
        QVERIFY(!readNow(again, ApiFamily::Web, QStringLiteral("key-1")).read.secret);
        QVERIFY(!readNow(again, ApiFamily::OpenApi, QStringLiteral("key-2")).read.secret);
    }

    void signOutDeletesTheEntry() {
        CredentialStore store(m_service);
        writeNow(store, ApiFamily::Web, QStringLiteral("ann@example.com"), kSecret);
        QCOMPARE(readNow(store, ApiFamily::Web, QStringLiteral("ann@example.com"))
                     .read.secret.value_or(QString()),
                 kSecret);
        const Outcome removed = removeNow(store, ApiFamily::Web, QStringLiteral("ann@example.com"));
        QVERIFY2(removed.removed, qPrintable(removed.error));
        const Outcome after = readNow(store, ApiFamily::Web, QStringLiteral("ann@example.com"));
        QVERIFY(!after.read.secret);         // EntryNotFound means signed out...
        QVERIFY(after.read.error.isEmpty()); // ...and is not an error
        QVERIFY(removeNow(store, ApiFamily::Web, QStringLiteral("ann@example.com"))
                    .removed); // idempotent
    }

    void theSecretIsNotInAnyFileUnderHome() {
        CredentialStore store(m_service);
        writeNow(store, ApiFamily::OpenApi, QStringLiteral("key-3"), kSecret);
        // gnome-keyring encrypts its files; no plaintext copy may exist anywhere we write.
        QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.size() > 50 * 1024 * 1024 || !f.open(QIODevice::ReadOnly))
                continue;
            ++files;
            QVERIFY2(!f.readAll().contains(kSecret.toUtf8()), qPrintable(f.fileName()));
        }
        QVERIFY(files > 0); // the keyring wrote something, and we looked at it
    }
#else
    void withoutAKeychainTheSessionLivesInMemory() {
        CredentialStore store(m_service);
        QSignalSpy unavailable(&store, &CredentialStore::keychainUnavailable);
        const Outcome w = writeNow(store, ApiFamily::OpenApi, QStringLiteral("key-1"), kSecret);
        QVERIFY(!w.write.persisted);
        QVERIFY(w.write.error.isEmpty());
        QCOMPARE(unavailable.count(), 1);
        QVERIFY(!store.isPersistent());
        QVERIFY(!store.unavailableReason().isEmpty());
        QVERIFY(!store.unavailableReason().contains(kSecret));
        // Usable for the rest of the session...
        QCOMPARE(readNow(store, ApiFamily::OpenApi, QStringLiteral("key-1"))
                     .read.secret.value_or(QString()),
                 kSecret);
        QVERIFY(removeNow(store, ApiFamily::OpenApi, QStringLiteral("key-1")).removed);
        QVERIFY(!readNow(store, ApiFamily::OpenApi, QStringLiteral("key-1")).read.secret);
        // ...and gone with it: a new store (a restart) knows nothing, and no file holds it.
        writeNow(store, ApiFamily::OpenApi, QStringLiteral("key-1"), kSecret);
        CredentialStore restarted(m_service);
        QVERIFY(!readNow(restarted, ApiFamily::OpenApi, QStringLiteral("key-1")).read.secret);
        QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly))
                QVERIFY2(!f.readAll().contains(kSecret.toUtf8()), qPrintable(f.fileName()));
        }
    }
#endif
};

int main(int argc, char* argv[]) {
#ifdef PIXVERSE_NO_KEYCHAIN
    // No session bus and no X display to autolaunch one: QtKeychain has no backend.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/pixverse-test-bus");
    qunsetenv("DISPLAY");
#endif
    QCoreApplication app(argc, argv);
    TestCredentialStore test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_credentialstore.moc"
