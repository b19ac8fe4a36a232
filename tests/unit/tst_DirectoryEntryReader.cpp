#include "engine/DirectoryEntryReader.h"

#include <QTest>

using namespace lanyard;

// Entries as Active Directory and OpenLDAP send them, read as people: AD's binary objectGUID
// in its usual text form, the account-disabled bit, attribute-value rules, text that is not
// UTF-8, the change marks and the filters an incremental sync sends.
class TestDirectoryEntryReader : public QObject {
    Q_OBJECT

    static LdapEntry adEntry(const QByteArray& accountControl)
    {
        LdapEntry e;
        e.dn = QStringLiteral("CN=Ann Example,OU=Staff,DC=corp,DC=example");
        e.values.insert(QStringLiteral("objectguid"), { QByteArray::fromHex("0102030405060708090a0b0c0d0e0f10") });
        e.values.insert(QStringLiteral("samaccountname"), { "aexample" });
        e.values.insert(QStringLiteral("displayname"), { "Ann \xc3\x89xample" });
        e.values.insert(QStringLiteral("useraccountcontrol"), { accountControl });
        e.values.insert(QStringLiteral("usnchanged"), { "40960" });
        return e;
    }

private Q_SLOTS:
    void activeDirectoryEntries()
    {
        const DirectoryConfig ad = DirectoryConfig::defaultsFor(DirectoryConfig::Kind::ActiveDirectory);
        const DirectoryEntryReader reader(ad);
        QVERIFY(reader.attributes().contains(QStringLiteral("userAccountControl")));
        auto enabled = reader.read(adEntry("512"));
        QVERIFY(enabled);
        QCOMPARE(enabled->directoryId, QStringLiteral("04030201-0605-0807-090a-0b0c0d0e0f10"));
        QCOMPARE(enabled->fields.value(QStringLiteral("logonName")), QStringLiteral("aexample"));
        QCOMPARE(enabled->fields.value(QStringLiteral("fullName")), QStringLiteral("Ann \u00c9xample"));
        QCOMPARE(enabled->fields.value(QStringLiteral("email")), QString()); // absent: empty
        QVERIFY(!enabled->disabled);
        QCOMPARE(enabled->changeMark, QStringLiteral("40960"));
        QVERIFY(reader.read(adEntry("514"))->disabled); // ACCOUNTDISABLE
        auto garbage = reader.read(adEntry("lots"));
        QVERIFY(!garbage);
        QCOMPARE(garbage.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("directory-account-control"));
        // USNs are numbers: 100000 comes after 99999.
        QVERIFY(reader.isLater(QStringLiteral("100000"), QStringLiteral("99999")));
        QVERIFY(!reader.isLater(QStringLiteral("99999"), QStringLiteral("100000")));
        QCOMPARE(reader.changedSince(QStringLiteral("40960")), QStringLiteral("(&(&(objectCategory=person)(objectClass=user))(uSNChanged>=40960))"));
    }

    void openLdapEntries()
    {
        DirectoryConfig c = DirectoryConfig::defaultsFor(DirectoryConfig::Kind::OpenLdap);
        c.disabledBy = DirectoryConfig::DisabledBy::Attribute;
        c.disabledAttribute = QStringLiteral("employeeType");
        c.disabledValue = QStringLiteral("Leaver");
        const DirectoryEntryReader reader(c);
        LdapEntry e;
        e.dn = QStringLiteral("uid=bo,ou=people,dc=example,dc=test");
        e.values.insert(QStringLiteral("entryuuid"), { "3493c638-8694-1041-8332-ef2da0d70be1" });
        e.values.insert(QStringLiteral("uid"), { "bo" });
        e.values.insert(QStringLiteral("employeetype"), { "contractor", "leaver" });
        e.values.insert(QStringLiteral("entrycsn"), { "20261207145921.759432Z#000000#000#000000" });
        auto p = reader.read(e);
        QVERIFY(p);
        QCOMPARE(p->directoryId, QStringLiteral("3493c638-8694-1041-8332-ef2da0d70be1"));
        QVERIFY(p->disabled); // any of the values, in any case
        QCOMPARE(p->changeMark, QStringLiteral("20261207145921.759432Z#000000#000#000000"));
        QVERIFY(reader.isLater(QStringLiteral("20261207145921.759443Z#000000#000#000000"), p->changeMark));
        // A value that would change the filter is escaped (RFC 4515).
        QCOMPARE(reader.changedSince(QStringLiteral("2026)(uid=*")), QStringLiteral("(&(objectClass=inetOrgPerson)(entryCSN>=2026\\29\\28uid=\\2a))"));
        e.values.insert(QStringLiteral("mail"), { QByteArray("bo\xff@example.test") });
        auto bad = reader.read(e);
        QVERIFY(!bad);
        QCOMPARE(bad.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("directory-encoding"));
        QCOMPARE(bad.error().args.value(QStringLiteral("field")).toString(), QStringLiteral("email"));
        e.values.remove(QStringLiteral("entryuuid"));
        QCOMPARE(reader.read(e).error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("directory-id-missing"));
    }

    void distinguishedNamesCompareAsTheDirectoryDoes()
    {
        QCOMPARE(DirectoryEntryReader::dnKey(QStringLiteral("UID=Bo, OU=People,dc=Example ,dc=test")), QStringLiteral("uid=bo,ou=people,dc=example,dc=test"));
        QCOMPARE(DirectoryEntryReader::dnKey(QStringLiteral("cn=Baker\\, Bob,ou=x")), QStringLiteral("cn=baker\\, bob,ou=x"));
        QVERIFY(DirectoryConfig::isDistinguishedName(QStringLiteral("cn=Baker\\, Bob,ou=x")));
        QVERIFY(!DirectoryConfig::isDistinguishedName(QStringLiteral("people")));
        QVERIFY(!DirectoryConfig::isDistinguishedName(QStringLiteral("ou=,dc=x")));
    }
};

QTEST_GUILESS_MAIN(TestDirectoryEntryReader)
#include "tst_DirectoryEntryReader.moc"
