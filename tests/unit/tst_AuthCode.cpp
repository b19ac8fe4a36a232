#include "pki/AuthCode.h"
#include "pki/SecretHash.h"

#include <QSet>
#include <QTest>

using namespace lanyard;

class TestAuthCode : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void generatesAtMaximumLengthWithinGrammar_data()
    {
        QTest::addColumn<QString>("complexity");
        QTest::newRow("digits") << "04-08N";
        QTest::newRow("all classes") << "04-04ULSN";
        QTest::newRow("letters may") << "10-12ul";
        QTest::newRow("mixed") << "06-16UlN";
    }
    void generatesAtMaximumLengthWithinGrammar()
    {
        QFETCH(QString, complexity);
        auto c = CodeComplexity::parse(complexity);
        QVERIFY(c.ok());
        QSet<QString> seen;
        for (int i = 0; i < 200; ++i) {
            const QString code = AuthCode::generate(*c);
            QCOMPARE(code.size(), c->maxLength());
            QVERIFY2(c->accepts(code), qPrintable(code));
            seen.insert(code);
        }
        QVERIFY(seen.size() > 190); // random, not a counter
    }

    void groupsForReadingAndNormalisesTyping()
    {
        QCOMPARE(AuthCode::group(QStringLiteral("12345678")), QStringLiteral("1234 5678"));
        QCOMPARE(AuthCode::group(QStringLiteral("123456")), QStringLiteral("1234 56"));
        QCOMPARE(AuthCode::group(QStringLiteral("1234")), QStringLiteral("1234"));
        QCOMPARE(AuthCode::normalise(QStringLiteral(" 1234 5678 ")), QStringLiteral("12345678"));
        QCOMPARE(AuthCode::normalise(AuthCode::group(QStringLiteral("AbC9XyZ1q"))), QStringLiteral("AbC9XyZ1q"));
    }

    void hashIsSaltedSlowAndVerifies()
    {
        const QString a = SecretHash::make(QStringLiteral("12345678"));
        const QString b = SecretHash::make(QStringLiteral("12345678"));
        QVERIFY(a != b); // salted
        QVERIFY(a.startsWith(QStringLiteral("pbkdf2-sha256$120000$")));
        QVERIFY(!a.contains(QStringLiteral("12345678")));
        QVERIFY(SecretHash::verify(QStringLiteral("12345678"), a));
        QVERIFY(!SecretHash::verify(QStringLiteral("12345679"), a));
        QVERIFY(!SecretHash::verify(QStringLiteral("12345678"), QStringLiteral("garbage")));
        QVERIFY(!SecretHash::verify(QStringLiteral("12345678"), QString()));
        QVERIFY(!SecretHash::verify(QStringLiteral("x"), QStringLiteral("pbkdf2-sha256$0$AAAA$AAAA")));
    }
};

QTEST_GUILESS_MAIN(TestAuthCode)
#include "tst_AuthCode.moc"
