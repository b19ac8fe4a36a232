#include "TestSupport.h"
#include "pki/SecureRandom.h"
#include "pki/VscResponse.h"

#include <QTest>

using namespace lanyard;

// VSC response codes against the published vectors in REFERENCE-PIV.md and against the
// openssl command line, and the reading of typed challenges.
class TestVscResponse : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void vectors_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("plain");
        QTest::addColumn<QByteArray>("cipher");
        const QByteArray sp80067 = QByteArray::fromHex("0123456789ABCDEF23456789ABCDEF01456789ABCDEF0123");
        // SP 800-67's three-key vector, block by block: catches K1/K2/K3 ordering mistakes.
        QTest::newRow("sp800-67 block 1") << sp80067 << QByteArray::fromHex("5468652071756663") << QByteArray::fromHex("A826FD8CE53B855F");
        QTest::newRow("sp800-67 block 2") << sp80067 << QByteArray::fromHex("6B2062726F776E20") << QByteArray::fromHex("CCE21C8112256FE6");
        QTest::newRow("sp800-67 block 3") << sp80067 << QByteArray::fromHex("666F78206A756D70") << QByteArray::fromHex("68D5C05DD9B6B900");
        const QByteArray defaultKey = QByteArray::fromHex("010203040506070801020304050607080102030405060708");
        QTest::newRow("default key, zeros") << defaultKey << QByteArray::fromHex("0000000000000000") << QByteArray::fromHex("B073DC3FB209536D");
        QTest::newRow("default key, 0123") << defaultKey << QByteArray::fromHex("0123456789ABCDEF") << QByteArray::fromHex("19C7588F0C2B7383");
        QTest::newRow("default key, A892") << defaultKey << QByteArray::fromHex("A892D75601617C5D") << QByteArray::fromHex("B0A1674747F4EB87");
        QTest::newRow("zero key") << QByteArray(24, '\0') << QByteArray::fromHex("A892D75601617C5D") << QByteArray::fromHex("1951EC3EF81BBABB");
        QTest::newRow("sp800-20") << QByteArray::fromHex("010101010101010101010101010101010101010101010101") << QByteArray::fromHex("8000000000000000")
                                  << QByteArray::fromHex("95F8A5E5DD31D900");
        QTest::newRow("133457799BBCDFF1") << QByteArray::fromHex("133457799BBCDFF1133457799BBCDFF1133457799BBCDFF1") << QByteArray::fromHex("0123456789ABCDEF")
                                          << QByteArray::fromHex("85E813540F0AB405");
    }
    void vectors()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, plain);
        QFETCH(QByteArray, cipher);
        auto r = VscResponse::response(key, plain);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().toLogString()));
        QCOMPARE(r->toHex().toUpper(), cipher.toHex().toUpper());
    }

    void keyCheckValueOfTheDefaultKey()
    {
        auto kcv = VscResponse::keyCheckValue(QByteArray::fromHex("010203040506070801020304050607080102030405060708"));
        QVERIFY(kcv.ok());
        QCOMPARE(kcv->toHex().toUpper(), QByteArray("B073DC"));
    }

    void agreesWithOpensslForRandomKeys()
    {
        for (int i = 0; i < 5; ++i) {
            const QByteArray key = secureRandomBytes(24);
            const QByteArray challenge = secureRandomBytes(8);
            const auto openssl = test::run(QStringLiteral("openssl"),
                { QStringLiteral("enc"), QStringLiteral("-des-ede3"), QStringLiteral("-nopad"), QStringLiteral("-K"), QString::fromLatin1(key.toHex()) }, challenge);
            QCOMPARE(openssl.exitCode, 0);
            auto ours = VscResponse::response(key, challenge);
            QVERIFY(ours.ok());
            QCOMPARE(ours->toHex(), openssl.out.toHex());
        }
    }

    void typedChallenges_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("plain") << "A892D75601617C5D" << QByteArray::fromHex("A892D75601617C5D");
        QTest::newRow("lower case, grouped") << "a892 d756 0161 7c5d" << QByteArray::fromHex("A892D75601617C5D");
        QTest::newRow("tabs and spaces") << " a8 92\\td7 56 01 61 7c 5d " << QByteArray::fromHex("A892D75601617C5D");
    }
    void typedChallenges()
    {
        QFETCH(QString, typed);
        QFETCH(QByteArray, bytes);
        typed.replace(QStringLiteral("\\t"), QStringLiteral("\t"));
        auto r = VscResponse::parseChallenge(typed);
        QVERIFY(r.ok());
        QCOMPARE(*r, bytes);
    }

    void badChallengesAreRefusedClearly_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::newRow("too short") << "A892D756";
        QTest::newRow("too long") << "A892D75601617C5D00";
        QTest::newRow("not hex") << "A892D75601617C5G";
        QTest::newRow("dashes") << "A892-D756-0161-7C5D";
        QTest::newRow("empty") << "";
    }
    void badChallengesAreRefusedClearly()
    {
        QFETCH(QString, typed);
        auto r = VscResponse::parseChallenge(typed);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(r.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("vsc-challenge"));
    }

    void groupsForReadingAloud()
    {
        QCOMPARE(VscResponse::group(QByteArray::fromHex("b073dc3fb209536d")), QStringLiteral("B073 DC3F B209 536D"));
    }

    void refusesAKeyOfTheWrongSize()
    {
        QVERIFY(!VscResponse::response(QByteArray(16, 'k'), QByteArray(8, '\0')).ok());
    }
};

QTEST_GUILESS_MAIN(TestVscResponse)
#include "tst_VscResponse.moc"
