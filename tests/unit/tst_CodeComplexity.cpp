#include "pki/CodeComplexity.h"

#include <QTest>

using namespace lanyard;

class TestCodeComplexity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesValid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("min");
        QTest::addColumn<int>("max");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("default") << "04-08N" << 4 << 8 << "04-08N";
        QTest::newRow("all mandatory") << "08-12ULSN" << 8 << 12 << "08-12ULSN";
        QTest::newRow("optional letters") << "06-06uN" << 6 << 6 << "06-06uN";
        QTest::newRow("order free") << "10-16NSlU" << 10 << 16 << "10-16UlSN";
        QTest::newRow("spaces trimmed") << "  04-08N " << 4 << 8 << "04-08N";
        QTest::newRow("single") << "01-01N" << 1 << 1 << "01-01N";
        QTest::newRow("longest") << "32-64Ul" << 32 << 64 << "32-64Ul";
    }
    void parsesValid()
    {
        QFETCH(QString, text);
        QFETCH(int, min);
        QFETCH(int, max);
        QFETCH(QString, canonical);
        auto c = CodeComplexity::parse(text);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().detail));
        QCOMPARE(c->minLength(), min);
        QCOMPARE(c->maxLength(), max);
        QCOMPARE(c->toString(), canonical);
    }

    void refusesInvalid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("problem");
        QTest::newRow("empty") << "" << "format";
        QTest::newRow("no dash") << "0408N" << "format";
        QTest::newRow("one digit") << "4-08N" << "format";
        QTest::newRow("letters for length") << "ab-08N" << "format";
        QTest::newRow("no classes") << "04-08" << "format";
        QTest::newRow("unknown class") << "04-08X" << "unknown-class";
        QTest::newRow("duplicate class") << "04-08Nn" << "duplicate-class";
        QTest::newRow("max below min") << "08-04N" << "max-below-min";
        QTest::newRow("zero min") << "00-04N" << "min-length";
        QTest::newRow("too long") << "04-65N" << "max-length";
        QTest::newRow("too many mandatory") << "01-03ULSN" << "too-many-mandatory";
        QTest::newRow("unicode digits") << "٠٤-08N" << "format";
    }
    void refusesInvalid()
    {
        QFETCH(QString, text);
        QFETCH(QString, problem);
        auto c = CodeComplexity::parse(text);
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, ErrorCode::ComplexityInvalid);
        QCOMPARE(c.error().args.value(QStringLiteral("problem")).toString(), problem);
        QVERIFY(!c.error().detail.isEmpty());
    }

    void acceptsCodes()
    {
        auto digits = CodeComplexity::parse(QStringLiteral("04-08N"));
        QVERIFY(digits->accepts(QStringLiteral("1234")));
        QVERIFY(digits->accepts(QStringLiteral("12345678")));
        QVERIFY(!digits->accepts(QStringLiteral("123")));
        QVERIFY(!digits->accepts(QStringLiteral("123456789")));
        QVERIFY(!digits->accepts(QStringLiteral("12a4")));
        auto mixed = CodeComplexity::parse(QStringLiteral("06-08UN"));
        QVERIFY(mixed->accepts(QStringLiteral("AB12CD")));
        QVERIFY(!mixed->accepts(QStringLiteral("123456"))); // upper case is mandatory
        QVERIFY(!mixed->accepts(QStringLiteral("ab12cd"))); // lower case not allowed
    }
};

QTEST_GUILESS_MAIN(TestCodeComplexity)
#include "tst_CodeComplexity.moc"
