#include "pki/KeyWrapper.h"
#include "pki/SecureRandom.h"

#include <QTest>

using namespace lanyard;

class TestKeyWrapper : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        KeyWrapper w(secureRandomBytes(32));
        const QByteArray secret("-----BEGIN PRIVATE KEY----- secret material");
        auto wrapped = w.wrap(secret, "ca-key");
        QVERIFY(wrapped.ok());
        QVERIFY(!wrapped->contains("secret material"));
        QCOMPARE(*w.unwrap(*wrapped, "ca-key"), secret);
        QVERIFY(*w.wrap(secret, "ca-key") != *wrapped); // fresh nonce each time
    }

    void refusesWrongPurposeKeyOrTampering()
    {
        KeyWrapper w(secureRandomBytes(32));
        auto wrapped = *w.wrap(QByteArray("admin key"), "vsc-admin-key");
        QCOMPARE(w.unwrap(wrapped, "ca-key").error().code, ErrorCode::MasterKeyMismatch);
        KeyWrapper other(secureRandomBytes(32));
        QCOMPARE(other.unwrap(wrapped, "vsc-admin-key").error().code, ErrorCode::MasterKeyMismatch);
        QByteArray tampered = wrapped;
        tampered[15] = char(tampered[15] ^ 1);
        QCOMPARE(w.unwrap(tampered, "vsc-admin-key").error().code, ErrorCode::MasterKeyMismatch);
        QCOMPARE(w.unwrap(QByteArray("short"), "vsc-admin-key").error().code, ErrorCode::CryptoFailure);
        QVERIFY(w.checkValue() != other.checkValue());
    }

    void needsAKey()
    {
        KeyWrapper none(QByteArray(10, 'x'));
        QVERIFY(!none.isValid());
        QCOMPARE(none.wrap("x", "p").error().code, ErrorCode::SecretStoreUnavailable);
    }
};

QTEST_GUILESS_MAIN(TestKeyWrapper)
#include "tst_KeyWrapper.moc"
