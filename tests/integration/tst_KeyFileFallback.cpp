#include "TestSupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

// No secret service on the session bus: the engine falls back to a 0600 key file, says so,
// and keeps using that file; a wrong or missing key is a clear error, never a new CA.
class TestKeyFileFallback : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fallsBackToAPrivateKeyFile()
    {
        EngineFixture fx;
        EmbeddedEngineOptions o = fx.options();
        o.keyStore = EmbeddedEngineOptions::KeyStore::Auto;
        o.keychainService = QStringLiteral("lanyard-test-fallback");
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("No system keychain available")));
        const EngineInfo info = fx.open(o);
        QCOMPARE(info.secretStore, SecretStoreKind::KeyFile);
        QCOMPARE(info.secretStoreLocation, fx.databasePath() + QStringLiteral(".key"));
        QVERIFY(QFile::exists(info.secretStoreLocation));
        QCOMPARE(QFile::permissions(info.secretStoreLocation) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        const QString caSubject = info.caSubject;
        fx.close();
        // Reopening reads the same key and the same CA.
        const EngineInfo again = fx.open(o);
        QCOMPARE(again.secretStore, SecretStoreKind::KeyFile);
        QCOMPARE(again.caSubject, caSubject);
        // The CA key is stored wrapped, never in clear.
        const QByteArray wrapped = fx.scalar(QStringLiteral("SELECT key_wrapped FROM authorities WHERE kind = 'root'")).toByteArray();
        QVERIFY(!wrapped.contains("PRIVATE KEY"));
        fx.close();
    }

    void theDatabaseIsPrivateToItsOwner()
    {
        // Once, the database was 0644: another local user read a live collection session id
        // from it and completed that collection.
        constexpr auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther;
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("new/data"));
        EngineFixture fx;
        EmbeddedEngineOptions o = fx.options();
        o.database = DatabaseConfig::sqlite(folder + QStringLiteral("/lanyard.db"));
        const QString db = folder + QStringLiteral("/lanyard.db");
        auto engine = std::make_unique<EmbeddedEngine>(o);
        QVERIFY(await(engine->open()).ok());
        QVERIFY(await(engine->logon(QStringLiteral("nobody"), QStringLiteral("x"))).error().code == ErrorCode::LogonFailed); // writes the audit
        for (const QString& made : { dir.filePath(QStringLiteral("new")), folder })
            QCOMPARE(QFile::permissions(made) & (others | QFileDevice::ExeGroup | QFileDevice::ExeOther), QFileDevice::Permissions());
        for (const QString& file : { db, db + QStringLiteral("-wal"), db + QStringLiteral("-shm") }) {
            QVERIFY2(QFile::exists(file), qPrintable(file));
            QCOMPARE(QFile::permissions(file) & others, QFileDevice::Permissions());
        }
        engine.reset();
        // A database left readable by others is made private when the engine starts, with a warning.
        QVERIFY(QFile::setPermissions(db, QFile::permissions(db) | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("was readable by other users")));
        engine = std::make_unique<EmbeddedEngine>(o);
        QVERIFY(await(engine->open()).ok());
        QCOMPARE(QFile::permissions(db) & others, QFileDevice::Permissions());
    }

    void wrongOrMissingKeyIsAClearError()
    {
        EngineFixture fx;
        fx.open();
        fx.close();
        const QString keyFile = fx.databasePath() + QStringLiteral(".key");
        QVERIFY(QFile::rename(keyFile, keyFile + QStringLiteral(".moved")));
        auto engine = std::make_unique<EmbeddedEngine>(fx.options());
        auto missing = await(engine->open());
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY(missing.error().detail.contains(keyFile));
        engine.reset();
        // Another engine's key in its place.
        EngineFixture other;
        other.open();
        other.close();
        QVERIFY(QFile::copy(other.databasePath() + QStringLiteral(".key"), keyFile));
        engine = std::make_unique<EmbeddedEngine>(fx.options());
        auto wrong = await(engine->open());
        QCOMPARE(wrong.error().code, ErrorCode::MasterKeyMismatch);
        engine.reset();
        // Nothing was lost: with the right key back, the engine opens as before.
        QFile::remove(keyFile);
        QVERIFY(QFile::rename(keyFile + QStringLiteral(".moved"), keyFile));
        fx.open();
    }

    void keychainOnlyRefusesWithoutKeychain()
    {
        EngineFixture fx;
        EmbeddedEngineOptions o = fx.options();
        o.keyStore = EmbeddedEngineOptions::KeyStore::KeychainOnly;
        o.keychainService = QStringLiteral("lanyard-test-fallback");
        auto engine = std::make_unique<EmbeddedEngine>(o);
        auto r = await(engine->open());
        QCOMPARE(r.error().code, ErrorCode::SecretStoreUnavailable);
        QVERIFY(!QFile::exists(fx.databasePath() + QStringLiteral(".key")));
    }
};

QTEST_GUILESS_MAIN(TestKeyFileFallback)
#include "tst_KeyFileFallback.moc"
