#include "TestSupport.h"
#include "secrets/Keychain.h"

#include <QFile>
#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

// Runs under a private session bus with an unlocked gnome-keyring (support/with-keyring.sh).
class TestKeychain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run through with-keyring.sh");
    }

    void wrapperReadsAndWrites()
    {
        Keychain keychain(QStringLiteral("lanyard-test"));
        QVERIFY(await(keychain.write(QStringLiteral("k1"), QByteArray("\x01\x02secret", 8))).ok());
        auto back = await(keychain.read(QStringLiteral("k1")));
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().detail));
        QCOMPARE(*back, QByteArray("\x01\x02secret", 8));
        QVERIFY(await(keychain.remove(QStringLiteral("k1"))).ok());
        QCOMPARE(await(keychain.read(QStringLiteral("k1"))).error().code, ErrorCode::NotFound);
    }

    void engineKeepsItsMasterKeyInTheKeychain()
    {
        EngineFixture fx;
        EmbeddedEngineOptions o = fx.options();
        o.keyStore = EmbeddedEngineOptions::KeyStore::Auto;
        o.keychainService = QStringLiteral("lanyard-test-engine");
        const EngineInfo info = fx.open(o);
        QCOMPARE(info.secretStore, SecretStoreKind::Keychain);
        QVERIFY(!QFile::exists(fx.databasePath() + QStringLiteral(".key")));
        const QString ca = info.caSubject;
        fx.close();
        const EngineInfo again = fx.open(o);
        QCOMPARE(again.secretStore, SecretStoreKind::Keychain);
        QCOMPARE(again.caSubject, ca);
        fx.seedDemo(5, 1); // the CA key unwraps and issues
        const QString engineId = fx.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'engine_id'")).toString();
        fx.close();
        // The keychain entry gone: a clear error, no new key, no new CA.
        QVERIFY(await(Keychain(o.keychainService).remove(QStringLiteral("master-key/") + engineId)).ok());
        auto engine = std::make_unique<EmbeddedEngine>(o);
        auto r = await(engine->open());
        QCOMPARE(r.error().code, ErrorCode::SecretStoreUnavailable);
        QCOMPARE(r.error().args.value(QStringLiteral("store")).toString(), QStringLiteral("keychain"));
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_Keychain.moc"
