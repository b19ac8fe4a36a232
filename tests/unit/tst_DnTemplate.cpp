#include "pki/DnTemplate.h"

#include <QTest>

using namespace lanyard;

namespace {
QHash<QString, QString> fields()
{
    return { { QStringLiteral("People.FullName"), QStringLiteral("Smith, John") }, { QStringLiteral("People.Group"), QStringLiteral("R+D") },
        { QStringLiteral("People.Email"), QStringLiteral("john@example.test") }, { QStringLiteral("People.LogonName"), QStringLiteral("jsmith") },
        { QStringLiteral("People.UserPrincipalName"), QStringLiteral("OU=Injected") } };
}
} // namespace

class TestDnTemplate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void escapedFieldsStayInTheirAttribute()
    {
        auto t = DnTemplate::parse(QStringLiteral("CN=[[People.FullName]],OU=[[People.Group]],O=Example Ltd,C=GB"));
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().detail));
        auto dn = t->render(fields());
        QVERIFY(dn.ok());
        QCOMPARE(dn->size(), 4);
        QCOMPARE(dn->at(0), RelativeName(QStringLiteral("CN"), QStringLiteral("Smith, John")));
        QCOMPARE(dn->at(1), RelativeName(QStringLiteral("OU"), QStringLiteral("R+D")));
        QCOMPARE(dn->at(2), RelativeName(QStringLiteral("O"), QStringLiteral("Example Ltd")));
        QCOMPARE(t->fields(), QStringList({ QStringLiteral("People.FullName"), QStringLiteral("People.Group") }));
    }

    void rawFieldsMayAddAttributes()
    {
        auto t = DnTemplate::parse(QStringLiteral("CN=[[People.LogonName]],[[[People.UserPrincipalName]]]"));
        QVERIFY(t.ok());
        auto dn = t->render(fields());
        QVERIFY(dn.ok());
        QCOMPARE(dn->size(), 2);
        QCOMPARE(dn->at(1), RelativeName(QStringLiteral("OU"), QStringLiteral("Injected")));
        // The same value escaped stays one attribute value.
        auto escaped = DnTemplate::parse(QStringLiteral("CN=[[People.UserPrincipalName]]"))->render(fields());
        QCOMPARE(escaped->size(), 1);
        QCOMPARE(escaped->at(0).second, QStringLiteral("OU=Injected"));
    }

    void emptyOptionalFieldDropsAttribute()
    {
        auto t = DnTemplate::parse(QStringLiteral("CN=[[People.FullName]],OU=[[People.Mobile]],O=X"));
        auto dn = t->render(fields());
        QVERIFY(dn.ok());
        QCOMPARE(dn->size(), 2);
    }

    void escapesPerRfc4514()
    {
        QCOMPARE(DnTemplate::escapeValue(QStringLiteral("a,b+c\"d\\e<f>g;h=i")), QStringLiteral("a\\,b\\+c\\\"d\\\\e\\<f\\>g\\;h\\=i"));
        QCOMPARE(DnTemplate::escapeValue(QStringLiteral(" lead")), QStringLiteral("\\ lead"));
        QCOMPARE(DnTemplate::escapeValue(QStringLiteral("trail ")), QStringLiteral("trail\\ "));
        QCOMPARE(DnTemplate::escapeValue(QStringLiteral("#hash")), QStringLiteral("\\#hash"));
        auto dn = DnTemplate::parseDn(QStringLiteral("CN=\\ spaced\\ ,O=x"));
        QVERIFY(dn.ok());
        QCOMPARE(dn->at(0).second, QStringLiteral(" spaced "));
    }

    void refusesBadTemplates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("problem");
        QTest::newRow("unknown field") << "CN=[[People.Shoe]]" << "unknown-field";
        QTest::newRow("unterminated") << "CN=[[People.FullName" << "unterminated";
        QTest::newRow("stray close") << "CN=x]]" << "stray-close";
        QTest::newRow("unknown attribute") << "XX=[[People.FullName]]" << "unknown-attribute";
        QTest::newRow("no equals") << "CN" << "missing-equals";
        QTest::newRow("unescaped plus") << "CN=a+b" << "unescaped-character";
        QTest::newRow("bad country") << "CN=[[People.FullName]],C=GBR" << "country-code";
        QTest::newRow("dangling escape") << "CN=abc\\" << "dangling-escape";
        QTest::newRow("empty") << "" << "empty";
    }
    void refusesBadTemplates()
    {
        QFETCH(QString, text);
        QFETCH(QString, problem);
        auto t = DnTemplate::parse(text);
        QVERIFY(!t.ok());
        QCOMPARE(t.error().code, ErrorCode::DnTemplateInvalid);
        QCOMPARE(t.error().args.value(QStringLiteral("problem")).toString(), problem);
    }
};

QTEST_GUILESS_MAIN(TestDnTemplate)
#include "tst_DnTemplate.moc"
