#include "engine/PinCheck.h"

#include <QTest>

using namespace lanyard;

// A profile's PIN policy as the agent applies it before it makes a key, and its wire form.
class TestPinCheck : public QObject {
    Q_OBJECT

    static QString problemOf(const PinPolicy& policy, const QString& pin)
    {
        auto r = PinCheck::check(policy, pin);
        return r ? QString() : r.error().args.value(QStringLiteral("problem")).toString();
    }

private Q_SLOTS:
    void thePolicyDecides_data()
    {
        QTest::addColumn<QString>("pin");
        QTest::addColumn<QString>("problem");
        // The baseline mobile policy: 6 to 8 characters, digits only.
        QTest::newRow("fits") << "246813" << "";
        QTest::newRow("eight") << "24681357" << "";
        QTest::newRow("four digits, as tests once used") << "2468" << "pin-too-short";
        QTest::newRow("nine") << "246813579" << "pin-too-long";
        QTest::newRow("a letter") << "24681a" << "pin-class-not-allowed";
        QTest::newRow("a sign") << "2468!3" << "pin-class-not-allowed";
        QTest::newRow("a space") << "246 813" << "pin-character";
        QTest::newRow("a digit beyond ASCII") << QStringLiteral("24681\u0663") << "pin-character";
        QTest::newRow("empty") << "" << "pin-too-short";
    }
    void thePolicyDecides()
    {
        QFETCH(QString, pin);
        QFETCH(QString, problem);
        QCOMPARE(problemOf(PinPolicy { 6, 8 }, pin), problem);
    }

    void mandatoryClassesMustAppear()
    {
        const PinPolicy strict { 8, 12, CharRule::Mandatory, CharRule::Optional, CharRule::Mandatory, CharRule::Mandatory };
        QCOMPARE(problemOf(strict, QStringLiteral("Abcdef1!")), QString());
        QCOMPARE(problemOf(strict, QStringLiteral("ABCDEF1!")), QString()); // lower is optional
        QCOMPARE(problemOf(strict, QStringLiteral("abcdef1!")), QStringLiteral("pin-class-missing"));
        QCOMPARE(PinCheck::check(strict, QStringLiteral("Abcdefg1")).error().args.value(QStringLiteral("class")).toString(), QStringLiteral("special"));
        QVERIFY(PinCheck::describe(strict).contains(QStringLiteral("8 to 12")));
        QVERIFY(PinCheck::describe(strict).contains(QStringLiteral("must have: upper, digits, special")));
    }

    void theWireFormRoundTripsAndRefusesGuesses()
    {
        const PinPolicy strict { 8, 12, CharRule::Mandatory, CharRule::Optional, CharRule::NotAllowed, CharRule::Mandatory };
        auto back = PinCheck::fromJson(PinCheck::toJson(strict));
        QVERIFY(back.ok());
        QCOMPARE(*back, strict);
        QJsonObject o = PinCheck::toJson(strict);
        o.remove(QStringLiteral("digits"));
        QCOMPARE(PinCheck::fromJson(o).error().args.value(QStringLiteral("field")).toString(), QStringLiteral("pinPolicy.digits"));
        o = PinCheck::toJson(strict);
        o.insert(QStringLiteral("minLength"), 13);
        QVERIFY(!PinCheck::fromJson(o).ok());
        o.insert(QStringLiteral("minLength"), QStringLiteral("8"));
        QVERIFY(!PinCheck::fromJson(o).ok());
        QVERIFY(!PinCheck::fromJson({}).ok());
    }
};

QTEST_GUILESS_MAIN(TestPinCheck)
#include "tst_PinCheck.moc"
