#include "TestSupport.h"

#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

namespace {
PersonDetails newcomer(const QString& logon)
{
    return { logon, QStringLiteral("  Nia   Newcomer "), QStringLiteral("Nia.Newcomer@Example.TEST"), QStringLiteral("+44 (0)7700-900 123").remove(QStringLiteral("(0)")),
        logon + QStringLiteral("@corp.example.test"), QStringLiteral("Sales"), QStringLiteral("E-") + logon, {}, {} };
}

QString problemOf(const Error& e)
{
    return e.args.value(QStringLiteral("problem")).toString();
}
} // namespace

// People administered through the engine (Add Person, Edit People, Disable/Enable Account,
// Assign Roles, Remove Person): the rules on every field, scope, and the attacks an operator
// with some of these rights could try on someone who holds more.
class TestEnginePeople : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    OperatorSession m_admin; // the demo operator: helpdesk and administrator

    Person add(const OperatorSession& op, const PersonDetails& d)
    {
        auto p = await(m_fx.engine().addPerson(op, d));
        if (!p)
            qFatal("add failed: %s", qPrintable(p.error().toLogString()));
        return *p;
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

    // A person added has no role yet, so nothing may be collected for them until given one.
    Device issueTo(qint64 personId)
    {
        if (!await(m_fx.engine().person(m_admin, personId))->roles.contains(QStringLiteral("End User"))) {
            if (auto r = await(m_fx.engine().setPersonRoles(m_admin, personId, { roleId(QStringLiteral("End User")) })); !r)
                qFatal("role: %s", qPrintable(r.error().toLogString()));
        }
        auto req = await(m_fx.engine().requestCredential(m_admin, personId, m_fx.profileIdByName(QStringLiteral("Mobile Identity")), true));
        if (!req)
            qFatal("request failed: %s", qPrintable(req.error().toLogString()));
        return m_fx.collect(*req);
    }

    QString lastAudit(qint64 personId)
    {
        return m_fx.scalar(QStringLiteral("SELECT outcome || ' ' || workflow || ' ' || details FROM audit_events WHERE person_id = ? ORDER BY seq DESC LIMIT 1"), { personId })
            .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.open();
        m_fx.seedDemo(30, 2);
        m_admin = m_fx.demoOperator();
    }

    void addedPeopleAreStoredInTheirNormalForm()
    {
        const Person p = add(m_admin, newcomer(QStringLiteral("nnew")));
        QCOMPARE(p.fullName, QStringLiteral("Nia Newcomer"));
        QCOMPARE(p.email, QStringLiteral("nia.newcomer@example.test"));
        QCOMPARE(p.mobile, QStringLiteral("+447700900123"));
        QCOMPARE(p.employeeId, QStringLiteral("E-nnew"));
        QVERIFY(p.enabled);
        auto found = await(m_fx.engine().findPeople(m_admin, PersonQuery { QStringLiteral("Nia New"), 0, 10 }));
        QVERIFY(found && found->people.size() == 1 && found->people.first().id == p.id);
        QVERIFY(lastAudit(p.id).startsWith(QStringLiteral("success add-person added: logonName 'nnew'")));
        // A person added this way can be issued to at once.
        QCOMPARE(issueTo(p.id).state, DeviceState::Active);
    }

    void everyFieldIsCheckedAndNamed_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problem");
        QTest::newRow("logon with a space") << "logonName" << "n new" << "logon-name-format";
        QTest::newRow("logon with a comma") << "logonName" << "new,one" << "logon-name-format";
        QTest::newRow("no logon") << "logonName" << "   " << "logon-name-format";
        QTest::newRow("no full name") << "fullName" << " " << "full-name-missing";
        QTest::newRow("full name with a control character") << "fullName" << "Nia\x07Newcomer" << "field-control-character";
        QTest::newRow("email without domain") << "email" << "nia@example" << "email-format";
        QTest::newRow("two at signs") << "email" << "nia@x@example.test" << "email-format";
        QTest::newRow("national number") << "mobile" << "07700 900123" << "mobile-format";
        QTest::newRow("letters in number") << "mobile" << "+44 7700 CALLME" << "mobile-format";
        QTest::newRow("upn without domain") << "userPrincipalName" << "nia" << "upn-format";
        QTest::newRow("long group") << "group" << QString(101, QLatin1Char('g')) << "field-too-long";
        QTest::newRow("bad fascn") << "fascn" << "1234" << "fascn-format";
        QTest::newRow("bad uuid") << "cardUuid" << "{abc}" << "uuid-format";
    }

    void everyFieldIsCheckedAndNamed()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, problem);
        PersonDetails d = newcomer(QStringLiteral("checked"));
        QMap<QString, QString*> fields { { "logonName", &d.logonName }, { "fullName", &d.fullName }, { "email", &d.email }, { "mobile", &d.mobile },
            { "userPrincipalName", &d.userPrincipalName }, { "group", &d.group }, { "fascn", &d.fascn }, { "cardUuid", &d.cardUuid } };
        *fields.value(field) = value;
        const int before = m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM people")).toInt();
        auto r = await(m_fx.engine().addPerson(m_admin, d));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(problemOf(r.error()), problem);
        QCOMPARE(r.error().args.value(QStringLiteral("field")).toString(), field);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM people")).toInt(), before);
    }

    void logonNamesUpnsAndEmployeeIdsAreUnique()
    {
        add(m_admin, newcomer(QStringLiteral("uniq")));
        PersonDetails d = newcomer(QStringLiteral("UNIQ")); // another case is the same name
        d.userPrincipalName = QStringLiteral("other@corp.example.test");
        d.employeeId = QStringLiteral("E-other");
        auto r = await(m_fx.engine().addPerson(m_admin, d));
        QCOMPARE(problemOf(r.error()), QStringLiteral("person-field-taken"));
        QCOMPARE(r.error().args.value(QStringLiteral("field")).toString(), QStringLiteral("logonName"));
        d.logonName = QStringLiteral("uniq2");
        d.userPrincipalName = QStringLiteral("UNIQ@corp.example.test");
        QCOMPARE(await(m_fx.engine().addPerson(m_admin, d)).error().args.value(QStringLiteral("field")).toString(), QStringLiteral("userPrincipalName"));
        d.userPrincipalName = QStringLiteral("uniq2@corp.example.test");
        d.employeeId = QStringLiteral("E-uniq");
        QCOMPARE(await(m_fx.engine().addPerson(m_admin, d)).error().args.value(QStringLiteral("field")).toString(), QStringLiteral("employeeId"));
    }

    void addingNeedsTheWorkflowAndTheGroup()
    {
        m_fx.createOperator(QStringLiteral("salesadmin"), QStringLiteral("Sales"), Scope::Group, { Workflow::FindPerson, Workflow::AddPerson, Workflow::EditPeople });
        m_fx.createOperator(QStringLiteral("finder"), QStringLiteral("Sales"), Scope::All, { Workflow::FindPerson });
        const OperatorSession sales = m_fx.logon(QStringLiteral("salesadmin"));
        PersonDetails d = newcomer(QStringLiteral("salesnew"));
        QCOMPARE(add(sales, d).group, QStringLiteral("Sales"));
        d = newcomer(QStringLiteral("elsewhere"));
        d.group = QStringLiteral("Finance");
        auto outside = await(m_fx.engine().addPerson(sales, d));
        QCOMPARE(outside.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(problemOf(outside.error()), QStringLiteral("group-out-of-scope"));
        // Nor can they move someone of their group out of it.
        const qint64 id = m_fx.personIdByLogon(QStringLiteral("salesnew"));
        d.logonName = QStringLiteral("salesnew");
        auto move = await(m_fx.engine().editPerson(sales, id, d));
        QCOMPARE(problemOf(move.error()), QStringLiteral("group-out-of-scope"));
        auto noRight = await(m_fx.engine().addPerson(m_fx.logon(QStringLiteral("finder")), newcomer(QStringLiteral("nobody"))));
        QCOMPARE(noRight.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(m_fx.personIdByLogon(QStringLiteral("nobody")), 0);
    }

    // Whoever changes someone's e-mail receives their codes: a helpdesk operator with Edit
    // People must not redirect an administrator's.
    void nobodyEditsSomeoneWhoHoldsMore()
    {
        m_fx.createOperator(QStringLiteral("editor"), QStringLiteral("Service Desk"), Scope::All, { Workflow::FindPerson, Workflow::EditPeople });
        const OperatorSession editor = m_fx.logon(QStringLiteral("editor"));
        const qint64 admin = m_admin.personId;
        auto p = await(m_fx.engine().person(editor, admin));
        QVERIFY(p);
        PersonDetails d { p->logonName, p->fullName, QStringLiteral("editor@example.test"), p->mobile, p->userPrincipalName, p->group, p->employeeId, p->fascn, p->cardUuid };
        auto r = await(m_fx.engine().editPerson(editor, admin, d));
        QCOMPARE(r.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(problemOf(r.error()), QStringLiteral("person-rights"));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT email FROM people WHERE id = ?"), { admin }).toString(), QStringLiteral("dana.demo@example.test"));
        QVERIFY(lastAudit(admin).startsWith(QStringLiteral("refused edit-people")));
        // Someone who holds no more than the editor is edited, and the trail says what changed.
        const Person plain = add(m_admin, newcomer(QStringLiteral("plain")));
        d = { plain.logonName, plain.fullName, QStringLiteral("plain@example.test"), QString(), plain.userPrincipalName, plain.group, plain.employeeId, {}, {} };
        auto edited = await(m_fx.engine().editPerson(editor, plain.id, d));
        QVERIFY2(edited, qPrintable(edited ? QString() : edited.error().toLogString()));
        QCOMPARE(edited->email, QStringLiteral("plain@example.test"));
        QCOMPARE(edited->mobile, QString());
        QVERIFY2(lastAudit(plain.id).contains(QStringLiteral("email 'nia.newcomer@example.test' -> 'plain@example.test'")), qPrintable(lastAudit(plain.id)));
    }

    void disablingSuspendsEverythingAndEnablingGivesBackOnlyThat()
    {
        const Person p = add(m_admin, newcomer(QStringLiteral("leaver")));
        const Device kept = issueTo(p.id);
        const Device own = issueTo(p.id);
        // A device the helpdesk disabled for its own reason stays disabled throughout.
        DeviceAction off { DeviceOperation::Disable, RevocationReason::Unspecified, QStringLiteral("phone in repair"), {} };
        QVERIFY(await(m_fx.engine().changeDevice(m_admin, own.id, off)));
        auto open = await(m_fx.engine().requestCredential(m_admin, p.id, m_fx.profileIdByName(QStringLiteral("Mobile Identity")), true));
        QVERIFY(open);

        QCOMPARE(await(m_fx.engine().setAccountEnabled(m_admin, p.id, false, QString(), false)).error().args.value(QStringLiteral("problem")).toString(),
            QStringLiteral("reason-required"));
        auto disabled = await(m_fx.engine().setAccountEnabled(m_admin, p.id, false, QStringLiteral("left the company"), false));
        QVERIFY2(disabled, qPrintable(disabled ? QString() : disabled.error().toLogString()));
        QVERIFY(!disabled->enabled);
        auto dev = await(m_fx.engine().device(m_admin, kept.id));
        QCOMPARE(dev->state, DeviceState::Disabled);
        QVERIFY(dev->disabledWithAccount);
        QVERIFY(!await(m_fx.engine().device(m_admin, own.id))->disabledWithAccount);
        const auto held = await(m_fx.engine().certificatesOf(m_admin, kept.id));
        for (const CertificateRecord& c : *held)
            QCOMPARE(c.status, CertificateStatus::OnHold);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT status FROM jobs WHERE id = ?"), { open->job.id }).toString(), QStringLiteral("cancelled"));
        // The code already handed out collects nothing now.
        CollectionStart start { open->job.collectionToken, open->code, {} };
        start.device.hardwareSerial = QStringLiteral("X");
        start.device.platform = QStringLiteral("Android");
        QVERIFY(!await(m_fx.engine().startCollection(start)));
        QVERIFY(lastAudit(p.id).contains(QStringLiteral("1 device(s) disabled")));
        QCOMPARE(await(m_fx.engine().setAccountEnabled(m_admin, p.id, false, QStringLiteral("again"), false)).error().code, ErrorCode::InvalidTransition);

        auto enabled = await(m_fx.engine().setAccountEnabled(m_admin, p.id, true, QString(), true));
        QVERIFY(enabled && enabled->enabled);
        QCOMPARE(await(m_fx.engine().device(m_admin, kept.id))->state, DeviceState::Active);
        const auto released = await(m_fx.engine().certificatesOf(m_admin, kept.id));
        for (const CertificateRecord& c : *released)
            QCOMPARE(c.status, CertificateStatus::Active);
        QCOMPARE(await(m_fx.engine().device(m_admin, own.id))->state, DeviceState::Disabled);
    }

    void enablingWithoutDevicesLeavesThemDisabled()
    {
        const Person p = add(m_admin, newcomer(QStringLiteral("returner")));
        const Device d = issueTo(p.id);
        QVERIFY(await(m_fx.engine().setAccountEnabled(m_admin, p.id, false, QStringLiteral("long leave"), false)));
        QVERIFY(await(m_fx.engine().setAccountEnabled(m_admin, p.id, true, QStringLiteral("back"), false)));
        auto dev = await(m_fx.engine().device(m_admin, d.id));
        QCOMPARE(dev->state, DeviceState::Disabled);
        QVERIFY(!dev->disabledWithAccount); // the offer was made once
    }

    void aDisabledOperatorIsLoggedOffAtOnce()
    {
        m_fx.createOperator(QStringLiteral("shortlived"), QStringLiteral("Sales"), Scope::All, { Workflow::FindPerson });
        const OperatorSession s = m_fx.logon(QStringLiteral("shortlived"));
        QVERIFY(await(m_fx.engine().findPeople(s, PersonQuery { QStringLiteral("a"), 0, 5 })));
        QVERIFY(await(m_fx.engine().setAccountEnabled(m_admin, s.personId, false, QStringLiteral("compromised"), false)));
        QCOMPARE(await(m_fx.engine().findPeople(s, PersonQuery { QStringLiteral("a"), 0, 5 })).error().code, ErrorCode::AccountDisabled);
        QCOMPARE(await(m_fx.engine().logon(QStringLiteral("shortlived"), QStringLiteral("pw"))).error().code, ErrorCode::AccountDisabled);
        QCOMPARE(problemOf(await(m_fx.engine().setAccountEnabled(m_admin, m_admin.personId, false, QStringLiteral("oops"), false)).error()), QStringLiteral("own-account"));
    }

    void rolesAreGivenOnlyByWhoHoldsThem()
    {
        auto roles = await(m_fx.engine().roles(m_admin));
        QVERIFY(roles);
        qint64 helpdesk = 0, endUser = 0, admin = 0;
        for (const Role& r : *roles) {
            if (r.name == QStringLiteral("Helpdesk Operator"))
                helpdesk = r.id;
            else if (r.name == QStringLiteral("End User"))
                endUser = r.id;
            else if (r.name == QStringLiteral("Administrator"))
                admin = r.id;
        }
        QVERIFY(helpdesk && endUser && admin);
        const Person p = add(m_admin, newcomer(QStringLiteral("promoted")));
        auto given = await(m_fx.engine().setPersonRoles(m_admin, p.id, { helpdesk, endUser }));
        QVERIFY2(given, qPrintable(given ? QString() : given.error().toLogString()));
        QCOMPARE(given->roles, (QStringList { QStringLiteral("End User"), QStringLiteral("Helpdesk Operator") }));
        QVERIFY(lastAudit(p.id).contains(QStringLiteral("roles given: Helpdesk Operator, End User")) || lastAudit(p.id).contains(QStringLiteral("roles given: End User, Helpdesk Operator")));

        // An operator who may assign roles but holds only End User's rights gives End User, and
        // nothing more: not Helpdesk, not Administrator (to themself least of all).
        m_fx.createOperator(QStringLiteral("assigner"), QString(), Scope::All, { Workflow::FindPerson, Workflow::AssignRoles, Workflow::RequestMyId });
        const OperatorSession assigner = m_fx.logon(QStringLiteral("assigner"));
        const Person q = add(m_admin, newcomer(QStringLiteral("assigned")));
        QVERIFY(await(m_fx.engine().setPersonRoles(assigner, q.id, { endUser })));
        auto escalate = await(m_fx.engine().setPersonRoles(assigner, q.id, { endUser, helpdesk }));
        QCOMPARE(problemOf(escalate.error()), QStringLiteral("role-rights"));
        QCOMPARE(escalate.error().args.value(QStringLiteral("role")).toString(), QStringLiteral("Helpdesk Operator"));
        auto self = await(m_fx.engine().setPersonRoles(assigner, assigner.personId, { admin }));
        QCOMPARE(problemOf(self.error()), QStringLiteral("role-rights"));
        // Nor take roles from the helpdesk operator made above (they hold more).
        auto demote = await(m_fx.engine().setPersonRoles(assigner, p.id, { endUser }));
        QCOMPARE(problemOf(demote.error()), QStringLiteral("person-rights"));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM person_roles WHERE person_id = ?"), { p.id }).toInt(), 2);
        QVERIFY(lastAudit(p.id).startsWith(QStringLiteral("refused assign-roles")));
    }

    void theLastAdministratorStays()
    {
        auto roles = await(m_fx.engine().roles(m_admin));
        QList<qint64> keep;
        for (const Role& r : *roles) {
            if (r.name == QStringLiteral("Helpdesk Operator") || r.name == QStringLiteral("End User"))
                keep << r.id;
        }
        auto r = await(m_fx.engine().setPersonRoles(m_admin, m_admin.personId, keep));
        QVERIFY(!r);
        QCOMPARE(problemOf(r.error()), QStringLiteral("last-administrator"));
        QVERIFY(await(m_fx.engine().person(m_admin, m_admin.personId))->roles.contains(QStringLiteral("Administrator")));
    }

    // A file imported twice changes nothing the second time; a bad row is refused alone; a
    // dry run keeps nothing; a renamed logon name follows the employee id.
    void importsAreIdempotentRowByRow()
    {
        const auto row = [](int line, const QString& logon, const QString& name, const QString& mobile, const QString& employee) {
            return ImportedPerson { line, PersonDetails { logon, name, {}, mobile, {}, QStringLiteral("Imported"), employee, {}, {} } };
        };
        PeopleImportBatch batch;
        batch.fields = { QStringLiteral("logonName"), QStringLiteral("fullName"), QStringLiteral("mobile"), QStringLiteral("group"), QStringLiteral("employeeId") };
        batch.rows = { row(2, QStringLiteral("imp1"), QStringLiteral("Ida Import"), QStringLiteral("+44 7700 900201"), QStringLiteral("H-1")),
            row(3, QStringLiteral("imp 2"), QStringLiteral("Bad Logon"), {}, QStringLiteral("H-2")),
            row(4, QStringLiteral("imp3"), QStringLiteral("Ivo Import"), {}, QStringLiteral("H-3")) };
        batch.roleForNew = roleId(QStringLiteral("End User"));
        batch.dryRun = true;
        const int people = m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM people")).toInt();
        auto dry = await(m_fx.engine().importPeople(m_admin, batch));
        QVERIFY(dry);
        QCOMPARE(dry->size(), 3);
        QCOMPARE(dry->at(0).action, ImportAction::Added);
        QCOMPARE(dry->at(1).action, ImportAction::Refused);
        QCOMPARE(problemOf(dry->at(1).error), QStringLiteral("logon-name-format"));
        QCOMPARE(dry->at(1).line, 3);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM people")).toInt(), people);

        batch.dryRun = false;
        auto first = await(m_fx.engine().importPeople(m_admin, batch));
        QVERIFY(first);
        QCOMPARE(first->at(0).action, ImportAction::Added);
        QCOMPARE(first->at(2).action, ImportAction::Added);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM people")).toInt(), people + 2);
        QVERIFY(await(m_fx.engine().person(m_admin, first->at(0).personId))->roles.contains(QStringLiteral("End User")));
        auto second = await(m_fx.engine().importPeople(m_admin, batch));
        QCOMPARE(second->at(0).action, ImportAction::Unchanged);
        QCOMPARE(second->at(2).action, ImportAction::Unchanged);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM people")).toInt(), people + 2);

        // The directory renamed imp3 and gave Ida a new number; an empty cell changes nothing.
        batch.rows = { row(2, QStringLiteral("imp1"), QStringLiteral("Ida Import"), QStringLiteral("+44 7700 900299"), QStringLiteral("H-1")),
            row(4, QStringLiteral("ivo.import"), QStringLiteral("Ivo Import"), {}, QStringLiteral("H-3")),
            row(5, QStringLiteral("imp1"), QStringLiteral("Two People"), {}, QStringLiteral("H-3")) };
        auto third = await(m_fx.engine().importPeople(m_admin, batch));
        QCOMPARE(third->at(0).action, ImportAction::Updated);
        QCOMPARE(third->at(0).changed, QStringList { QStringLiteral("mobile") });
        QCOMPARE(third->at(1).action, ImportAction::Updated);
        QCOMPARE(third->at(1).personId, first->at(2).personId);
        QCOMPARE(await(m_fx.engine().person(m_admin, first->at(2).personId))->logonName, QStringLiteral("ivo.import"));
        QCOMPARE(problemOf(third->at(2).error), QStringLiteral("import-two-people"));

        // Rights are per row: an operator who may add but not edit adds, and updates nothing.
        m_fx.createOperator(QStringLiteral("adder"), QString(), Scope::All, { Workflow::FindPerson, Workflow::AddPerson });
        batch.roleForNew = 0;
        batch.rows = { row(2, QStringLiteral("imp1"), QStringLiteral("Ida Renamed"), {}, QStringLiteral("H-1")),
            row(6, QStringLiteral("imp6"), QStringLiteral("Ina Import"), {}, QStringLiteral("H-6")) };
        auto limited = await(m_fx.engine().importPeople(m_fx.logon(QStringLiteral("adder")), batch));
        QCOMPARE(limited->at(0).action, ImportAction::Refused);
        QCOMPARE(limited->at(0).error.code, ErrorCode::PermissionDenied);
        QCOMPARE(limited->at(1).action, ImportAction::Added);
        QCOMPARE(await(m_fx.engine().person(m_admin, first->at(0).personId))->fullName, QStringLiteral("Ida Import"));

        batch.fields = { QStringLiteral("fullName") };
        QCOMPARE(problemOf(await(m_fx.engine().importPeople(m_admin, batch)).error()), QStringLiteral("import-key-missing"));
    }

    void removedPeopleStayInTheRecordsOnly()
    {
        const Person holder = add(m_admin, newcomer(QStringLiteral("holder")));
        const Device d = issueTo(holder.id);
        auto refused = await(m_fx.engine().removePerson(m_admin, holder.id, QStringLiteral("left")));
        QCOMPARE(problemOf(refused.error()), QStringLiteral("person-has-devices"));
        DeviceAction cancel { DeviceOperation::Cancel, RevocationReason::AffiliationChanged, QStringLiteral("left"), {} };
        QVERIFY(await(m_fx.engine().changeDevice(m_admin, d.id, cancel)));
        QVERIFY(await(m_fx.engine().removePerson(m_admin, holder.id, QStringLiteral("left the company"))));
        QCOMPARE(await(m_fx.engine().person(m_admin, holder.id)).error().code, ErrorCode::NotFound);
        QVERIFY(await(m_fx.engine().findPeople(m_admin, PersonQuery { QStringLiteral("holder"), 0, 10 }))->people.isEmpty());
        // Their device and its revoked certificates are still shown, under their name.
        QCOMPARE(await(m_fx.engine().device(m_admin, d.id))->ownerName, QStringLiteral("Nia Newcomer"));
        QVERIFY(lastAudit(holder.id).startsWith(QStringLiteral("success remove-person removed: left the company")));
        // The logon name is not given to someone else.
        PersonDetails again = newcomer(QStringLiteral("Holder"));
        again.employeeId = QStringLiteral("E-new-holder");
        again.userPrincipalName = QStringLiteral("new-holder@corp.example.test");
        auto reuse = await(m_fx.engine().addPerson(m_admin, again));
        QCOMPARE(problemOf(reuse.error()), QStringLiteral("person-field-taken"));
        QVERIFY(reuse.error().args.value(QStringLiteral("removed")).toBool());
        QCOMPARE(await(m_fx.engine().editPerson(m_admin, holder.id, again)).error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestEnginePeople)
#include "tst_EnginePeople.moc"
