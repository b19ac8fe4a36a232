#include "TestSupport.h"

#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

// The roles and credential profiles editors as the engine sees them: permission, validation,
// versioning, concurrency and the audit trail.
class TestEngineConfiguration : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    OperatorSession m_admin;

    Role roleNamed(const QString& name)
    {
        auto roles = await(m_fx.engine().roles(m_admin));
        for (const Role& r : *roles) {
            if (r.name == name)
                return r;
        }
        return {};
    }
    CredentialProfile currentProfile(const QString& name)
    {
        auto profiles = await(m_fx.engine().credentialProfiles(m_admin));
        for (const CredentialProfile& p : *profiles) {
            if (p.name == name)
                return p;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.open();
        m_fx.seedDemo(10, 0);
        m_admin = m_fx.demoOperator();
        m_fx.createOperator(QStringLiteral("helper"), QStringLiteral("Service Desk"), Scope::All, { Workflow::FindPerson, Workflow::RequestMobile });
    }

    void rolesAreListedForEditors()
    {
        auto roles = await(m_fx.engine().roles(m_admin));
        QVERIFY(roles.ok());
        QStringList names;
        for (const Role& r : *roles)
            names.append(r.name);
        QVERIFY(names.contains(QStringLiteral("Administrator")));
        QVERIFY(names.contains(QStringLiteral("End User")));
        auto denied = await(m_fx.engine().roles(m_fx.logon(QStringLiteral("helper"))));
        QCOMPARE(denied.error().code, ErrorCode::PermissionDenied);
    }

    void createAndChangeARoleTakesEffectAtOnce()
    {
        Role auditors;
        auditors.name = QStringLiteral("  Auditors ");
        auditors.scope = Scope::Group;
        auditors.workflows = { Workflow::FindPerson };
        auto id = await(m_fx.engine().saveRole(m_admin, auditors));
        QVERIFY2(id.ok(), id.ok() ? "" : qPrintable(id.error().toLogString()));
        QCOMPARE(roleNamed(QStringLiteral("Auditors")).scope, Scope::Group);

        const qint64 person = m_fx.createOperator(QStringLiteral("auditor"), QStringLiteral("Sales"), Scope::Self, {});
        m_fx.execSql(QStringLiteral("INSERT INTO person_roles (person_id, role_id) VALUES (?, ?)"), { person, *id });
        const OperatorSession auditor = m_fx.logon(QStringLiteral("auditor"));
        QCOMPARE(await(m_fx.engine().verifyAudit(auditor)).error().code, ErrorCode::PermissionDenied);

        Role changed = roleNamed(QStringLiteral("Auditors"));
        changed.workflows.append(Workflow::ViewAudit);
        changed.scope = Scope::All;
        QVERIFY(await(m_fx.engine().saveRole(m_admin, changed)).ok());
        // Rights are read on each call: the same session now may.
        QVERIFY(await(m_fx.engine().verifyAudit(auditor)).ok());

        AuditQuery q;
        q.workflow = workflowId(Workflow::EditRoles);
        auto events = await(m_fx.engine().audit(m_admin, q));
        QVERIFY(events.ok());
        QCOMPARE(events->size(), 2);
        QVERIFY(events->first().details.contains(QStringLiteral("view-audit")) || events->last().details.contains(QStringLiteral("view-audit")));
    }

    void badRolesAreRefused()
    {
        Role blank;
        auto r = await(m_fx.engine().saveRole(m_admin, blank));
        QCOMPARE(r.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("role-name"));
        Role clash;
        clash.name = QStringLiteral("Validator");
        auto taken = await(m_fx.engine().saveRole(m_admin, clash));
        QCOMPARE(taken.error().code, ErrorCode::Conflict);
        QCOMPARE(taken.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("role-name-taken"));
        Role helperRole;
        helperRole.name = QStringLiteral("Sneaky");
        auto denied = await(m_fx.engine().saveRole(m_fx.logon(QStringLiteral("helper")), helperRole));
        QCOMPARE(denied.error().code, ErrorCode::PermissionDenied);
    }

    void anAdministratorCannotLockThemselfOut()
    {
        Role admin = roleNamed(QStringLiteral("Administrator"));
        admin.workflows.removeAll(Workflow::EditRoles);
        auto r = await(m_fx.engine().saveRole(m_admin, admin));
        QCOMPARE(r.error().code, ErrorCode::Conflict);
        QCOMPARE(r.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("self-lockout"));
        QVERIFY(roleNamed(QStringLiteral("Administrator")).workflows.contains(Workflow::EditRoles));
    }

    void aRoleEditorGrantsNoMoreThanTheyHold()
    {
        // The escalation once found: a holder of Edit Roles added workflows to their own role
        // (6 went to 20). Now: never a workflow or a scope they do not hold, never a wider role
        // of their own; each refusal is audited.
        m_fx.createOperator(QStringLiteral("roler"), QStringLiteral("Service Desk"), Scope::Group,
            { Workflow::FindPerson, Workflow::RequestMobile, Workflow::EditRoles });
        const OperatorSession roler = m_fx.logon(QStringLiteral("roler"));
        auto problem = [](const Result<qint64>& r) { return r.ok() ? QString() : r.error().args.value(QStringLiteral("problem")).toString(); };

        Role own = roleNamed(QStringLiteral("roler role"));
        QVERIFY(own.id > 0);
        Role widened = own;
        widened.workflows.append(Workflow::EditConfiguration);
        auto r1 = await(m_fx.engine().saveRole(roler, widened));
        QCOMPARE(r1.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(problem(r1), QStringLiteral("role-escalation"));
        Role wider = own;
        wider.scope = Scope::All;
        QCOMPARE(problem(await(m_fx.engine().saveRole(roler, wider))), QStringLiteral("role-escalation"));
        QCOMPARE(roleNamed(QStringLiteral("roler role")).workflows.size(), 3);
        QCOMPARE(roleNamed(QStringLiteral("roler role")).scope, Scope::Group);

        Role fresh;
        fresh.name = QStringLiteral("Roler's friends");
        fresh.scope = Scope::Group;
        fresh.workflows = { Workflow::FindPerson, Workflow::CancelDevice };
        QCOMPARE(problem(await(m_fx.engine().saveRole(roler, fresh))), QStringLiteral("role-escalation"));
        fresh.workflows = { Workflow::FindPerson };
        fresh.scope = Scope::All; // wider than roler's own Group scope
        QCOMPARE(problem(await(m_fx.engine().saveRole(roler, fresh))), QStringLiteral("role-escalation"));
        fresh.scope = Scope::Group;
        auto made = await(m_fx.engine().saveRole(roler, fresh));
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().toLogString()));

        // Another role that already holds more: renaming or narrowing it is fine, adding is not.
        Role helpdesk = roleNamed(QStringLiteral("Helpdesk Operator"));
        QVERIFY(helpdesk.id > 0);
        Role more = helpdesk;
        more.workflows.append(Workflow::EditRoles);
        more.workflows.append(Workflow::EditConfiguration);
        QCOMPARE(problem(await(m_fx.engine().saveRole(roler, more))), QStringLiteral("role-escalation"));
        Role renamed = helpdesk;
        renamed.name = QStringLiteral("Helpdesk Operators");
        QVERIFY(await(m_fx.engine().saveRole(roler, renamed)).ok());
        // The administrator holds that role: putting the name back widens nothing.
        QVERIFY(await(m_fx.engine().saveRole(m_admin, helpdesk)).ok());
        // But even the administrator does not widen a role they hold.
        Role adminMore = roleNamed(QStringLiteral("Administrator"));
        adminMore.workflows.append(Workflow::CancelDevice); // held through Helpdesk Operator
        QCOMPARE(problem(await(m_fx.engine().saveRole(m_admin, adminMore))), QStringLiteral("role-escalation"));

        AuditQuery q;
        q.workflow = workflowId(Workflow::EditRoles);
        q.operatorId = m_fx.personIdByLogon(QStringLiteral("roler"));
        auto events = await(m_fx.engine().audit(m_admin, q));
        QVERIFY(events.ok());
        int refusals = 0;
        for (const AuditEvent& e : *events)
            refusals += e.outcome == QLatin1String("refused") ? 1 : 0;
        QCOMPARE(refusals, 5);
    }

    void keysAreRecoveredOnlyForPoliciesThatArchiveThem()
    {
        // Once, "use existing" on an authentication policy made the server generate and keep the
        // private key of a smart-card-logon certificate.
        CredentialProfile mobile = currentProfile(QStringLiteral("Mobile Identity"));
        QVERIFY(!mobile.policies.isEmpty());
        for (KeyRecovery recovery : { KeyRecovery::UseExisting, KeyRecovery::HistoricOnly }) {
            CredentialProfile changed = mobile;
            changed.policies[0].recovery = recovery;
            auto r = await(m_fx.engine().saveCredentialProfile(m_admin, changed));
            QVERIFY(!r.ok());
            QCOMPARE(r.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("recovery-without-archive"));
        }
        QCOMPARE(currentProfile(QStringLiteral("Mobile Identity")).version, mobile.version);
    }

    void savingAProfileMakesANewVersion()
    {
        CredentialProfile mobile = currentProfile(QStringLiteral("Mobile Identity"));
        QCOMPARE(mobile.version, 1);
        QVERIFY(!mobile.policies.isEmpty());
        QVERIFY(!mobile.roleRights.isEmpty());
        mobile.lifetimeDays = 180;
        mobile.pinPolicy.upper = CharRule::Optional;
        mobile.authTypes = { QStringLiteral("pin"), QStringLiteral("fingerprint") };
        mobile.deviceRestriction = DeviceRestriction::KnownMobiles;
        auto id = await(m_fx.engine().saveCredentialProfile(m_admin, mobile));
        QVERIFY2(id.ok(), id.ok() ? "" : qPrintable(id.error().toLogString()));

        const CredentialProfile v2 = currentProfile(QStringLiteral("Mobile Identity"));
        QCOMPARE(v2.id, *id);
        QCOMPARE(v2.version, 2);
        QCOMPARE(v2.lineage, mobile.lineage);
        QCOMPARE(v2.lifetimeDays, 180);
        QCOMPARE(v2.pinPolicy.upper, CharRule::Optional);
        QCOMPARE(v2.pinPolicy.digits, CharRule::Mandatory);
        QCOMPARE(v2.authTypes, QStringList({ QStringLiteral("pin"), QStringLiteral("fingerprint") }));
        QCOMPARE(v2.deviceRestriction, DeviceRestriction::KnownMobiles);
        QCOMPARE(v2.policies.size(), mobile.policies.size());
        QCOMPARE(v2.roleRights.size(), mobile.roleRights.size());

        auto versions = await(m_fx.engine().profileVersions(m_admin, mobile.lineage));
        QVERIFY(versions.ok());
        QCOMPARE(versions->size(), 2);
        QCOMPARE(versions->at(0).version, 2);
        QVERIFY(versions->at(0).isCurrent);
        QVERIFY(!versions->at(1).isCurrent);
        QCOMPARE(versions->at(1).lifetimeDays, 365);
        QVERIFY(versions->at(1).createdAt.isValid());

        // The requester still sees one profile of that name, now the new version.
        const qint64 person = m_fx.firstPersonInGroup(QStringLiteral("Sales"));
        auto requestable = await(m_fx.engine().requestableProfiles(m_admin, person));
        QVERIFY(requestable.ok());
        int seen = 0;
        for (const CredentialProfile& p : *requestable) {
            if (p.name == QStringLiteral("Mobile Identity")) {
                ++seen;
                QCOMPARE(p.version, 2);
            }
        }
        QCOMPARE(seen, 1);
    }

    void aStaleEditIsRefusedNotMerged()
    {
        const CredentialProfile opened = currentProfile(QStringLiteral("Virtual Smart Card"));
        CredentialProfile first = opened;
        first.lifetimeDays = 100;
        QVERIFY(await(m_fx.engine().saveCredentialProfile(m_admin, first)).ok());
        CredentialProfile second = opened; // still says version 1
        second.lifetimeDays = 50;
        auto r = await(m_fx.engine().saveCredentialProfile(m_admin, second));
        QCOMPARE(r.error().code, ErrorCode::Conflict);
        QCOMPARE(r.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("profile-stale"));
        QCOMPARE(currentProfile(QStringLiteral("Virtual Smart Card")).lifetimeDays, 100);
    }

    void profileRulesAreEnforced_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::newRow("no name") << QStringLiteral("profile-name");
        QTest::newRow("no certificates") << QStringLiteral("profile-policies");
        QTest::newRow("no character class") << QStringLiteral("pin-no-class");
        QTest::newRow("no PIN") << QStringLiteral("auth-pin-required");
        QTest::newRow("VSC PIN too short") << QStringLiteral("pin-length");
        QTest::newRow("parent/child switched off") << QStringLiteral("parent-child-off");
    }

    void profileRulesAreEnforced()
    {
        QFETCH(QString, problem);
        CredentialProfile p = currentProfile(QStringLiteral("Derived PIV Credential"));
        p.lineage = 0;
        p.name = QStringLiteral("Rule check");
        if (problem == QLatin1String("profile-name"))
            p.name = QStringLiteral("   ");
        else if (problem == QLatin1String("profile-policies"))
            p.policies.clear();
        else if (problem == QLatin1String("pin-no-class"))
            p.pinPolicy.digits = CharRule::NotAllowed;
        else if (problem == QLatin1String("auth-pin-required"))
            p.authTypes = { QStringLiteral("face") };
        else if (problem == QLatin1String("pin-length")) {
            p.encoding = CardEncoding::VirtualSmartCard;
            p.pinPolicy.minLength = 6;
        } else if (problem == QLatin1String("parent-child-off"))
            p.isParent = true;
        auto r = await(m_fx.engine().saveCredentialProfile(m_admin, p));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().args.value(QStringLiteral("problem")).toString(), problem);
    }

    void editingProfilesNeedsTheRight()
    {
        const OperatorSession helper = m_fx.logon(QStringLiteral("helper"));
        QCOMPARE(await(m_fx.engine().credentialProfiles(helper)).error().code, ErrorCode::PermissionDenied);
        QCOMPARE(await(m_fx.engine().certificatePolicies(helper)).error().code, ErrorCode::PermissionDenied);
        CredentialProfile p = currentProfile(QStringLiteral("Mobile Identity"));
        p.lifetimeDays = 1;
        QCOMPARE(await(m_fx.engine().saveCredentialProfile(helper, p)).error().code, ErrorCode::PermissionDenied);
        QVERIFY(currentProfile(QStringLiteral("Mobile Identity")).lifetimeDays != 1);
        auto policies = await(m_fx.engine().certificatePolicies(m_admin));
        QVERIFY(policies.ok());
        QCOMPARE(policies->size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestEngineConfiguration)
#include "tst_EngineConfiguration.moc"
