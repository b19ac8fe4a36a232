#include "SlapdServer.h"
#include "SmtpSink.h"
#include "TestSupport.h"
#include "engine/DirectorySync.h"
#include "engine/SettingsSchema.h"

#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

namespace {
QString problemOf(const Error& e)
{
    return e.args.value(QStringLiteral("problem")).toString();
}

// alice, bob, carol and dave under ou=people; eve is not a person the filter matches.
QByteArray people()
{
    return SlapdServer::person(QStringLiteral("alice"), QStringLiteral("Alice Archer"), QStringLiteral("alice@example.test"),
               QStringLiteral("mobile: +44 7700 900001\nemployeeNumber: E1\ndepartmentNumber: Sales"))
        + SlapdServer::person(QStringLiteral("bob"), QStringLiteral("Bob Baker"), QStringLiteral("bob@example.test"), QStringLiteral("employeeNumber: E2"))
        + SlapdServer::person(QStringLiteral("carol"), QStringLiteral("Carol Cooper"), QStringLiteral("carol@example.test"), QStringLiteral("employeeNumber: E3"))
        + SlapdServer::person(QStringLiteral("dave"), QStringLiteral("Dave Dyer"), QStringLiteral("dave@example.test"), QStringLiteral("employeeNumber: E4"))
        + "dn: cn=helpdesk,ou=groups,dc=example,dc=test\nobjectClass: groupOfNames\ncn: helpdesk\nmember: uid=alice,ou=people,dc=example,dc=test\n\n";
}
} // namespace

// People from a real OpenLDAP directory (slapd on loopback): the connection and its errors,
// TLS checked against the configured CA, full and incremental syncs, renames, people disabled
// or gone (their credentials suspended), groups giving roles, and what an operator who
// manages the directory still cannot do.
class TestEngineDirectory : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    SlapdServer m_slapd;
    OperatorSession m_admin;

    DirectoryConfig config()
    {
        DirectoryConfig c = DirectoryConfig::defaultsFor(DirectoryConfig::Kind::OpenLdap);
        c.enabled = true;
        c.url = m_slapd.url();
        c.bindDn = QLatin1String(SlapdServer::kRootDn);
        c.bindPassword = QLatin1String(SlapdServer::kRootPassword);
        c.baseDn = QLatin1String(SlapdServer::kPeopleDn);
        c.disabledBy = DirectoryConfig::DisabledBy::Attribute;
        c.disabledAttribute = QStringLiteral("employeeType");
        c.disabledValue = QStringLiteral("disabled");
        c.pageSize = 2; // several pages even for four people
        return c;
    }

    void save(const DirectoryConfig& c)
    {
        if (auto r = await(m_fx.engine().saveDirectoryConfig(m_admin, c)); !r)
            qFatal("save: %s", qPrintable(r.error().toLogString()));
    }

    DirectorySyncReport sync(bool full = false)
    {
        auto r = await(m_fx.engine().syncDirectory(m_admin, full));
        if (!r)
            qFatal("sync: %s", qPrintable(r.error().toLogString()));
        return *r;
    }

    Person personByLogon(const QString& logon)
    {
        auto p = await(m_fx.engine().person(m_admin, m_fx.personIdByLogon(logon)));
        if (!p)
            qFatal("no %s", qPrintable(logon));
        return *p;
    }

    void change(const QByteArray& ldif)
    {
        QString error;
        if (!m_slapd.modify(ldif, &error))
            qFatal("ldapmodify: %s", qPrintable(error));
    }

    qint64 roleId(const QString& name)
    {
        const auto roles = await(m_fx.engine().roles(m_admin));
        for (const Role& r : *roles) {
            if (r.name == name)
                return r.id;
        }
        qFatal("no role %s", qPrintable(name));
    }

    int peopleCount() { return m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM people")).toInt(); }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_slapd.start(m_fx.dir(), people(), true, &error), qPrintable(error));
        m_fx.open();
        m_fx.seedDemo(10, 1);
        m_admin = m_fx.demoOperator();
    }

    void testConnectionCountsAndMapsWithoutChangingAnything()
    {
        const int before = peopleCount();
        auto probe = await(m_fx.engine().testDirectory(m_admin, config()));
        QVERIFY2(probe, qPrintable(probe ? QString() : probe.error().toLogString()));
        QCOMPARE(probe->matching, 4);
        QVERIFY(probe->errors.isEmpty());
        QCOMPARE(probe->firstPeople.size(), 4);
        QCOMPARE(probe->firstPeople.first().value(QStringLiteral("logonName")), QStringLiteral("alice"));
        QCOMPARE(probe->firstPeople.first().value(QStringLiteral("mobile")), QStringLiteral("+44 7700 900001"));
        QVERIFY(!probe->firstPeople.first().value(QStringLiteral("directoryId")).isEmpty());
        QCOMPARE(peopleCount(), before);
    }

    void eachConnectionFailureIsNamed_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("problem");
        QTest::newRow("wrong password") << "password" << "directory-bind-refused";
        QTest::newRow("nobody listening") << "port" << "directory-unreachable";
        QTest::newRow("base not there") << "base" << "directory-base-missing";
        QTest::newRow("filter the server cannot read") << "filter" << "directory-filter-syntax";
        QTest::newRow("ldaps without the CA") << "ldaps-untrusted" << "directory-tls-untrusted";
        QTest::newRow("StartTLS without the CA") << "starttls-untrusted" << "directory-tls-untrusted";
    }

    void eachConnectionFailureIsNamed()
    {
        QFETCH(QString, what);
        QFETCH(QString, problem);
        DirectoryConfig c = config();
        if (what == QLatin1String("password"))
            c.bindPassword = QStringLiteral("wrong");
        else if (what == QLatin1String("port"))
            c.url = QStringLiteral("ldap://127.0.0.1:%1").arg(SmtpSink::freePort());
        else if (what == QLatin1String("base"))
            c.baseDn = QStringLiteral("ou=nobody,dc=example,dc=test");
        else if (what == QLatin1String("filter"))
            c.filter = QStringLiteral("(uid~~alice)");
        else if (what == QLatin1String("ldaps-untrusted"))
            c.url = m_slapd.ldapsUrl();
        else if (what == QLatin1String("starttls-untrusted"))
            c.startTls = true;
        // The CA file is left empty: the system's trust store does not know the test CA.
        auto probe = await(m_fx.engine().testDirectory(m_admin, c));
        QVERIFY(!probe);
        QCOMPARE(probe.error().code, ErrorCode::DirectoryFailure);
        QCOMPARE(problemOf(probe.error()), problem);
    }

    void tlsWorksWithTheDirectorysCa()
    {
        DirectoryConfig c = config();
        c.caFile = m_slapd.caFile();
        c.startTls = true;
        auto starttls = await(m_fx.engine().testDirectory(m_admin, c));
        QVERIFY2(starttls, qPrintable(starttls ? QString() : starttls.error().toLogString()));
        QCOMPARE(starttls->matching, 4);
        c.startTls = false;
        c.url = m_slapd.ldapsUrl();
        auto ldaps = await(m_fx.engine().testDirectory(m_admin, c));
        QVERIFY2(ldaps, qPrintable(ldaps ? QString() : ldaps.error().toLogString()));
        QCOMPARE(ldaps->matching, 4);
    }

    void badSettingsAreRefusedOnSave_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problem");
        QTest::newRow("http address") << "url" << "http://127.0.0.1" << "directory-url";
        QTest::newRow("base not a DN") << "baseDn" << "people" << "directory-dn";
        QTest::newRow("filter without parentheses") << "filter" << "uid=*" << "directory-filter";
        QTest::newRow("unbalanced filter") << "filter" << "(&(uid=*)" << "directory-filter";
        QTest::newRow("CA file missing") << "caFile" << "/nonexistent/ca.pem" << "directory-ca-file";
        QTest::newRow("logon not mapped") << "logonName" << "" << "directory-logon-unmapped";
        QTest::newRow("attribute with a space") << "email" << "e mail" << "directory-attribute";
    }

    void badSettingsAreRefusedOnSave()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, problem);
        DirectoryConfig c = config();
        if (field == QLatin1String("url"))
            c.url = value;
        else if (field == QLatin1String("baseDn"))
            c.baseDn = value;
        else if (field == QLatin1String("filter"))
            c.filter = value;
        else if (field == QLatin1String("caFile"))
            c.caFile = value;
        else if (value.isEmpty())
            c.attributes.remove(field);
        else
            c.attributes.insert(field, value);
        auto r = await(m_fx.engine().saveDirectoryConfig(m_admin, c));
        QVERIFY(!r);
        QCOMPARE(problemOf(r.error()), problem);
        QCOMPARE(r.error().args.value(QStringLiteral("field")).toString(), field);
    }

    // An operator who may manage the directory but not see the password must not be able to
    // send it to a server of their choosing by keeping the placeholder.
    void theStoredPasswordGoesOnlyWhereItWasTypedFor()
    {
        save(config());
        auto shown = await(m_fx.engine().directoryConfig(m_admin));
        QVERIFY(shown);
        QCOMPARE(shown->bindPassword, SettingsSchema::secretPlaceholder());
        QVERIFY(!m_fx.scalar(QStringLiteral("SELECT bind_password FROM directory_config")).toString().contains(QLatin1String(SlapdServer::kRootPassword)));
        // The same server: the placeholder stands for the stored password.
        auto same = await(m_fx.engine().testDirectory(m_admin, *shown));
        QVERIFY2(same, qPrintable(same ? QString() : same.error().toLogString()));
        for (const auto& elsewhere : { std::function<void(DirectoryConfig&)>([](DirectoryConfig& c) { c.url = QStringLiteral("ldap://127.0.0.2:389"); }),
                 std::function<void(DirectoryConfig&)>([](DirectoryConfig& c) { c.bindDn = QStringLiteral("cn=someone,dc=example,dc=test"); }),
                 std::function<void(DirectoryConfig&)>([this](DirectoryConfig& c) { c.url = m_slapd.ldapsUrl(); }) }) {
            DirectoryConfig c = *shown;
            elsewhere(c);
            auto test = await(m_fx.engine().testDirectory(m_admin, c));
            QVERIFY(!test);
            QCOMPARE(problemOf(test.error()), QStringLiteral("directory-password-needed"));
            auto saved = await(m_fx.engine().saveDirectoryConfig(m_admin, c));
            QVERIFY(!saved);
            QCOMPARE(problemOf(saved.error()), QStringLiteral("directory-password-needed"));
        }
    }

    void aFullSyncAddsEveryoneAndASecondChangesNothing()
    {
        save(config());
        const DirectorySyncReport first = sync();
        QVERIFY2(!first.failed, qPrintable(first.detail));
        QVERIFY(first.full);
        QCOMPARE(first.added, 4);
        QCOMPARE(first.entries, 4);
        QCOMPARE(first.errorCount, 0);
        const Person alice = personByLogon(QStringLiteral("alice"));
        QCOMPARE(alice.fullName, QStringLiteral("Alice Archer"));
        QCOMPARE(alice.mobile, QStringLiteral("+447700900001")); // stored in E.164
        QCOMPARE(alice.employeeId, QStringLiteral("E1"));
        QCOMPARE(alice.group, QStringLiteral("Sales"));
        QCOMPARE(alice.directoryDn, SlapdServer::personDn(QStringLiteral("alice")));
        QVERIFY(alice.directoryFields.contains(QStringLiteral("email")));
        const DirectorySyncReport second = sync();
        QVERIFY(!second.failed);
        QVERIFY(!second.full); // only what changed since the first
        QCOMPARE(second.added + second.updated + second.disabled + second.enabled, 0);
        auto reports = await(m_fx.engine().directorySyncs(m_admin));
        QVERIFY(reports && reports->size() >= 2);
        QCOMPARE(reports->first().id, second.id);
        QVERIFY(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE workflow = 'directory-sync' AND details LIKE 'full sync of 4 entr(ies): 4 added%'")).toInt() == 1);
    }

    void changesAndRenamesFollowTheSamePerson()
    {
        const qint64 bob = m_fx.personIdByLogon(QStringLiteral("bob"));
        change("dn: uid=alice,ou=people,dc=example,dc=test\nchangetype: modify\nreplace: mail\nmail: alice.archer@example.test\n\n"
               "dn: uid=bob,ou=people,dc=example,dc=test\nchangetype: modrdn\nnewrdn: uid=robert\ndeleteoldrdn: 1\n\n");
        const DirectorySyncReport r = sync();
        QVERIFY2(!r.failed, qPrintable(r.detail));
        QCOMPARE(r.updated, 2);
        QCOMPARE(r.added, 0);
        QCOMPARE(personByLogon(QStringLiteral("alice")).email, QStringLiteral("alice.archer@example.test"));
        const Person robert = *await(m_fx.engine().person(m_admin, bob));
        QCOMPARE(robert.logonName, QStringLiteral("robert"));
        QCOMPARE(robert.directoryDn, SlapdServer::personDn(QStringLiteral("robert")));
    }

    void directoryFieldsAreReadOnlyHere()
    {
        const Person alice = personByLogon(QStringLiteral("alice"));
        PersonDetails d { alice.logonName, alice.fullName, QStringLiteral("mine@example.test"), alice.mobile, alice.userPrincipalName, alice.group, alice.employeeId, {}, {} };
        auto r = await(m_fx.engine().editPerson(m_admin, alice.id, d));
        QVERIFY(!r);
        QCOMPARE(problemOf(r.error()), QStringLiteral("directory-field"));
        QCOMPARE(r.error().args.value(QStringLiteral("field")).toString(), QStringLiteral("email"));
        // What the directory does not hold stays Lanyard's.
        d.email = alice.email;
        d.userPrincipalName = QStringLiteral("alice@corp.example.test");
        auto upn = await(m_fx.engine().editPerson(m_admin, alice.id, d));
        QVERIFY2(upn, qPrintable(upn ? QString() : upn.error().toLogString()));
    }

    void peopleDisabledOrGoneLoseTheirCredentialsAndComeBack()
    {
        const qint64 carol = m_fx.personIdByLogon(QStringLiteral("carol"));
        const qint64 dave = m_fx.personIdByLogon(QStringLiteral("dave"));
        QVERIFY(await(m_fx.engine().setPersonRoles(m_admin, carol, { roleId(QStringLiteral("End User")) })));
        auto req = await(m_fx.engine().requestCredential(m_admin, carol, m_fx.profileIdByName(QStringLiteral("Mobile Identity")), true));
        QVERIFY2(req, qPrintable(req ? QString() : req.error().toLogString()));
        const Device phone = m_fx.collect(*req);
        QCOMPARE(phone.state, DeviceState::Active);

        change("dn: uid=carol,ou=people,dc=example,dc=test\nchangetype: modify\nadd: employeeType\nemployeeType: disabled\n\n"
               "dn: uid=dave,ou=people,dc=example,dc=test\nchangetype: delete\n\n");
        const DirectorySyncReport gone = sync();
        QVERIFY2(!gone.failed, qPrintable(gone.detail));
        QCOMPARE(gone.disabled, 2);
        QVERIFY(!personByLogon(QStringLiteral("carol")).enabled);
        QVERIFY(!await(m_fx.engine().person(m_admin, dave))->enabled);
        QCOMPARE(await(m_fx.engine().device(m_admin, phone.id))->state, DeviceState::Disabled);
        const auto held = await(m_fx.engine().certificatesOf(m_admin, phone.id));
        QVERIFY(held && !held->isEmpty());
        for (const CertificateRecord& c : *held)
            QCOMPARE(c.status, CertificateStatus::OnHold);

        // An account an operator disabled stays disabled whatever the directory says.
        const qint64 alice = m_fx.personIdByLogon(QStringLiteral("alice"));
        QVERIFY(await(m_fx.engine().setAccountEnabled(m_admin, alice, false, QStringLiteral("on leave"), false)));

        change("dn: uid=carol,ou=people,dc=example,dc=test\nchangetype: modify\ndelete: employeeType\n\n");
        const DirectorySyncReport back = sync();
        QCOMPARE(back.enabled, 1);
        QVERIFY(personByLogon(QStringLiteral("carol")).enabled);
        QCOMPARE(await(m_fx.engine().device(m_admin, phone.id))->state, DeviceState::Active);
        const auto released = await(m_fx.engine().certificatesOf(m_admin, phone.id));
        QVERIFY(released && !released->isEmpty());
        for (const CertificateRecord& c : *released)
            QCOMPARE(c.status, CertificateStatus::Active);
        QVERIFY(!await(m_fx.engine().person(m_admin, alice))->enabled);
        QVERIFY(!await(m_fx.engine().person(m_admin, dave))->enabled);
        QVERIFY(await(m_fx.engine().setAccountEnabled(m_admin, alice, true, QString(), true)));
    }

    void groupMembersHoldTheirRole()
    {
        const qint64 helpdesk = roleId(QStringLiteral("Helpdesk Operator"));
        DirectoryConfig c = config();
        c.groupRoles = { { QStringLiteral("cn=helpdesk,ou=groups,dc=example,dc=test"), helpdesk } };
        c.baseDn = QLatin1String(SlapdServer::kPeopleDn);
        save(c);
        const DirectorySyncReport given = sync();
        QVERIFY2(!given.failed, qPrintable(given.detail));
        QCOMPARE(given.roleChanges, 1);
        QVERIFY(personByLogon(QStringLiteral("alice")).roles.contains(QStringLiteral("Helpdesk Operator")));
        QVERIFY(!personByLogon(QStringLiteral("carol")).roles.contains(QStringLiteral("Helpdesk Operator")));

        change("dn: cn=helpdesk,ou=groups,dc=example,dc=test\nchangetype: modify\nreplace: member\nmember: uid=carol,ou=people,dc=example,dc=test\n\n");
        const DirectorySyncReport moved = sync();
        QCOMPARE(moved.roleChanges, 2);
        QVERIFY(!personByLogon(QStringLiteral("alice")).roles.contains(QStringLiteral("Helpdesk Operator")));
        QVERIFY(personByLogon(QStringLiteral("carol")).roles.contains(QStringLiteral("Helpdesk Operator")));

        // A group that is not there takes the role from nobody.
        c.groupRoles = { { QStringLiteral("cn=helpdesk-typo,ou=groups,dc=example,dc=test"), helpdesk } };
        save(c);
        const DirectorySyncReport typo = sync();
        QVERIFY(!typo.failed);
        QCOMPARE(typo.roleChanges, 0);
        QVERIFY(std::any_of(typo.errors.cbegin(), typo.errors.cend(), [](const DirectorySyncError& e) { return e.problem == QLatin1String("directory-group-missing"); }));
        QVERIFY(personByLogon(QStringLiteral("carol")).roles.contains(QStringLiteral("Helpdesk Operator")));
        c.groupRoles.clear();
        save(c);
    }

    // Someone who may manage the directory but holds fewer rights than a role cannot have a
    // group give it (to themselves, through a group they are in).
    void mappingAGroupToARoleNeedsTheRolesRights()
    {
        m_fx.createOperator(QStringLiteral("dirop"), {}, Scope::All, { Workflow::FindPerson, Workflow::ManageDirectory });
        const OperatorSession dirop = m_fx.logon(QStringLiteral("dirop"));
        DirectoryConfig c = config();
        c.groupRoles = { { QStringLiteral("cn=helpdesk,ou=groups,dc=example,dc=test"), roleId(QStringLiteral("Administrator")) } };
        auto r = await(m_fx.engine().saveDirectoryConfig(dirop, c));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(problemOf(r.error()), QStringLiteral("role-rights"));
        // Without the workflow, nothing of the directory at all.
        m_fx.createOperator(QStringLiteral("plainop"), {}, Scope::All, { Workflow::FindPerson });
        QVERIFY(!await(m_fx.engine().directoryConfig(m_fx.logon(QStringLiteral("plainop")))));
        auto refused = await(m_fx.engine().syncDirectory(m_fx.logon(QStringLiteral("plainop")), false));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    }

    void failuresChangeNothing()
    {
        const int before = peopleCount();
        const QString audit = m_fx.scalar(QStringLiteral("SELECT MAX(seq) FROM audit_events")).toString();
        // A filter that now matches nobody would disable everyone: refused as a whole.
        DirectoryConfig c = config();
        c.filter = QStringLiteral("(uid=nobody-at-all)");
        save(c);
        const DirectorySyncReport empty = sync(true);
        QVERIFY(empty.failed);
        QCOMPARE(empty.problem, QStringLiteral("directory-empty"));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM people WHERE directory_id IS NOT NULL AND enabled = 0 AND removed_at IS NULL")).toInt(), 1); // dave
        // The server stopped: the sync says so and nothing changes.
        save(config());
        m_slapd.stop();
        const DirectorySyncReport down = sync();
        QVERIFY(down.failed);
        QCOMPARE(down.problem, QStringLiteral("directory-unreachable"));
        QCOMPARE(peopleCount(), before);
        QVERIFY(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE workflow = 'directory-sync' AND outcome = 'failed' AND seq > ?"), { audit }).toInt() == 2);
        QString error;
        QVERIFY2(m_slapd.resume(&error), qPrintable(error));
    }

    void theScheduledSyncRunsWhenDue()
    {
        DirectoryConfig c = config();
        c.intervalMinutes = 30;
        save(c);
        const qint64 last = m_fx.scalar(QStringLiteral("SELECT MAX(id) FROM directory_syncs")).toLongLong();
        auto notYet = await(m_fx.engine().syncDirectoryIfDue());
        QVERIFY(notYet && notYet->id == 0);
        m_fx.advanceClock(31 * 60);
        auto due = await(m_fx.engine().syncDirectoryIfDue());
        QVERIFY2(due, qPrintable(due ? QString() : due.error().toLogString()));
        QVERIFY(due->id > last);
        QVERIFY(m_fx.scalar(QStringLiteral("SELECT operator_id IS NULL FROM directory_syncs WHERE id = ?"), { due->id }).toBool());
        c.enabled = false;
        save(c);
        m_fx.advanceClock(31 * 60);
        auto off = await(m_fx.engine().syncDirectoryIfDue());
        QVERIFY(off && off->id == 0);
    }

    void tenThousandEntriesInPages()
    {
        QByteArray ldif;
        for (int i = 0; i < 10000; ++i)
            ldif += SlapdServer::person(QStringLiteral("user%1").arg(i, 5, 10, QLatin1Char('0')), QStringLiteral("User %1").arg(i), QStringLiteral("user%1@example.test").arg(i),
                QStringLiteral("employeeNumber: N%1").arg(i));
        // A group of newcomers: its role goes to the people just written, by their new ids.
        ldif += "dn: cn=validators,ou=groups,dc=example,dc=test\nobjectClass: groupOfNames\ncn: validators\n";
        for (int i : { 17, 4999, 9999 })
            ldif += "member: " + SlapdServer::personDn(QStringLiteral("user%1").arg(i, 5, 10, QLatin1Char('0'))).toUtf8() + "\n";
        ldif += "\n";
        SlapdServer big;
        QString error;
        QVERIFY2(big.start(m_fx.dir() + QStringLiteral("/big"), ldif, false, &error), qPrintable(error));
        DirectoryConfig c = config();
        c.url = big.url();
        c.pageSize = 500;
        c.groupRoles = { { QStringLiteral("cn=validators,ou=groups,dc=example,dc=test"), roleId(QStringLiteral("Helpdesk Operator")) } };
        save(c);
        const int before = peopleCount();
        const QString indexes = QStringLiteral("SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master WHERE tbl_name = 'people' AND type = 'index' ORDER BY name)");
        const QString indexesBefore = m_fx.scalar(indexes).toString();
        QVERIFY(indexesBefore.contains(QLatin1String("people_directory_id")));
        // So many newcomers are written with people's indexes set aside and made again after.
        QVERIFY(10000 >= DirectorySync::kManyNewcomers && 10000 >= before);
        // Synced people who hold the role now and are not in the group lose it.
        const int holdersBefore = m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM person_roles pr JOIN people p ON p.id = pr.person_id "
                                                             "WHERE pr.role_id = ? AND p.directory_id IS NOT NULL"),
                                          { roleId(QStringLiteral("Helpdesk Operator")) })
                                      .toInt();
        const DirectorySyncReport r = sync();
        QVERIFY2(!r.failed, qPrintable(r.detail));
        QCOMPARE(r.entries, 10000);
        QCOMPARE(r.added, 10000);
        QCOMPARE(r.roleChanges, 3 + holdersBefore);
        QCOMPARE(peopleCount(), before + 10000);
        QCOMPARE(m_fx.scalar(indexes).toString(), indexesBefore);
        const Person p = personByLogon(QStringLiteral("user04999"));
        QCOMPARE(p.email, QStringLiteral("user4999@example.test"));
        QCOMPARE(p.directoryDn, SlapdServer::personDn(QStringLiteral("user04999")));
        QVERIFY(p.roles.contains(QStringLiteral("Helpdesk Operator")));
        QVERIFY(personByLogon(QStringLiteral("user09999")).roles.contains(QStringLiteral("Helpdesk Operator")));
        QVERIFY(!personByLogon(QStringLiteral("user05000")).roles.contains(QStringLiteral("Helpdesk Operator")));
        const DirectorySyncReport again = sync();
        QCOMPARE(again.added + again.updated + again.roleChanges, 0);
        c.groupRoles.clear();
        save(c);
        big.stop();
    }

    void cleanupTestCase() { m_slapd.stop(); }
};

QTEST_GUILESS_MAIN(TestEngineDirectory)
#include "tst_EngineDirectory.moc"
