#include "TestSupport.h"
#include "engine/OperatorTokens.h"
#include "engine/SettingsSchema.h"

#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

// Permissions and scope are enforced by the engine, whatever the caller shows.
class TestEngineAccess : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    qint64 m_financePerson = 0;
    qint64 m_salesPerson = 0;
    qint64 m_mobileProfile = 0;
    qint64 m_device = 0; // owned by someone in the demo data

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.open();
        m_fx.seedDemo(60, 3);
        m_fx.createOperator(QStringLiteral("finop"), QStringLiteral("Finance"), Scope::Group,
            { Workflow::FindPerson, Workflow::RequestMobile, Workflow::EnableDisableDevice, Workflow::ViewAudit });
        m_fx.createOperator(QStringLiteral("selfie"), QStringLiteral("Finance"), Scope::Self, { Workflow::FindPerson });
        m_fx.createOperator(QStringLiteral("viewer"), QStringLiteral("Sales"), Scope::All, { Workflow::FindPerson });
        m_fx.createOperator(QStringLiteral("nobody"), QStringLiteral("Sales"), Scope::All, {});
        m_financePerson = m_fx.firstPersonInGroup(QStringLiteral("Finance"), m_fx.personIdByLogon(QStringLiteral("finop")));
        m_salesPerson = m_fx.firstPersonInGroup(QStringLiteral("Sales"));
        m_mobileProfile = m_fx.profileIdByName(QStringLiteral("Mobile Identity"));
        m_device = m_fx.firstDeviceId();
        QVERIFY(m_financePerson > 0 && m_salesPerson > 0 && m_device > 0);
    }

    void logonChecksPassword()
    {
        auto bad = await(m_fx.engine().logon(QStringLiteral("demo"), QStringLiteral("wrong")));
        QCOMPARE(bad.error().code, ErrorCode::LogonFailed);
        auto unknown = await(m_fx.engine().logon(QStringLiteral("ghost"), QStringLiteral("x")));
        QCOMPARE(unknown.error().code, ErrorCode::LogonFailed); // same answer: names are not disclosed
        auto userWithoutPassword = await(m_fx.engine().logon(m_fx.scalar(QStringLiteral("SELECT logon_name FROM people WHERE id = ?"), { m_salesPerson }).toString(), QString()));
        QCOMPARE(userWithoutPassword.error().code, ErrorCode::LogonFailed);
        m_fx.execSql(QStringLiteral("UPDATE people SET enabled = 0 WHERE logon_name = 'viewer'"));
        QCOMPARE(await(m_fx.engine().logon(QStringLiteral("viewer"), QStringLiteral("pw"))).error().code, ErrorCode::AccountDisabled);
        m_fx.execSql(QStringLiteral("UPDATE people SET enabled = 1 WHERE logon_name = 'viewer'"));
    }

    // The server's bearer tokens: 8 hours, or 8 hours from the last renewal (the kiosk's keep-alive).
    void aRenewedTokenLivesOnAndOneLeftAloneEnds()
    {
        auto issued = await(m_fx.engine().issueToken(QStringLiteral("viewer"), QStringLiteral("pw")));
        QVERIFY2(issued, issued ? "" : qPrintable(issued.error().toLogString()));
        const QString token = issued->token;
        m_fx.advanceClock(7 * 3600);
        auto renewed = await(m_fx.engine().renewToken(token));
        QVERIFY(renewed);
        m_fx.advanceClock(7 * 3600); // 14 hours after the logon
        QVERIFY(await(m_fx.engine().resolveToken(token)));
        m_fx.execSql(QStringLiteral("UPDATE people SET enabled = 0 WHERE logon_name = 'viewer'"));
        QCOMPARE(await(m_fx.engine().renewToken(token)).error().code, ErrorCode::NotAuthenticated); // a disabled account is not kept alive
        m_fx.execSql(QStringLiteral("UPDATE people SET enabled = 1 WHERE logon_name = 'viewer'"));
        m_fx.advanceClock(2 * 3600); // 9 hours after the renewal
        QCOMPARE(await(m_fx.engine().resolveToken(token)).error().code, ErrorCode::NotAuthenticated);
        QCOMPARE(await(m_fx.engine().renewToken(token)).error().code, ErrorCode::NotAuthenticated); // an ended token stays ended
        m_fx.advanceClock(-16 * 3600);
    }

    void aStrangersWrongPasswordsDoNotLockTheOperatorOut()
    {
        // Once, five wrong passwords from anyone locked the real operator out for 900 s.
        m_fx.createOperator(QStringLiteral("target"), QStringLiteral("Sales"), Scope::All, { Workflow::FindPerson });
        const QString stranger = QStringLiteral("203.0.113.9");
        auto tryAs = [&](const QString& password, const QString& client) { return await(m_fx.engine().issueToken(QStringLiteral("target"), password, client)); };
        for (int i = 0; i < OperatorTokens::kFreeFailures; ++i)
            QCOMPARE(tryAs(QStringLiteral("wrong"), stranger).error().args.value(QStringLiteral("problem")).toString(), QString());
        auto held = tryAs(QStringLiteral("wrong"), stranger);
        QCOMPARE(held.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("logon-throttled"));
        QCOMPARE(held.error().args.value(QStringLiteral("retryAfter")).toInt(), 2); // one second, rounded up
        // Each further failure waits twice as long.
        m_fx.advanceClock(2);
        QCOMPARE(tryAs(QStringLiteral("wrong"), stranger).error().args.value(QStringLiteral("problem")).toString(), QString());
        QCOMPARE(tryAs(QStringLiteral("wrong"), stranger).error().args.value(QStringLiteral("retryAfter")).toInt(), 3);
        // Even the right password waits, from the stranger's address.
        QCOMPARE(tryAs(QStringLiteral("pw"), stranger).error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("logon-throttled"));
        // The operator at their own desk is not held up.
        auto own = tryAs(QStringLiteral("pw"), QStringLiteral("198.51.100.4"));
        QVERIFY2(own.ok(), own.ok() ? "" : qPrintable(own.error().toLogString()));
        m_fx.advanceClock(-2);
    }

    void parallelGuessesCannotSlipPastTheCount()
    {
        // Once, 8 of 40 parallel wrong passwords were checked where 5 were allowed.
        m_fx.createOperator(QStringLiteral("parallel"), QStringLiteral("Sales"), Scope::All, { Workflow::FindPerson });
        QList<QFuture<Result<OperatorSession>>> attempts;
        for (int i = 0; i < 40; ++i)
            attempts << m_fx.engine().issueToken(QStringLiteral("parallel"), QStringLiteral("wrong"), QStringLiteral("203.0.113.10"));
        int busy = 0;
        for (auto& a : attempts) {
            const auto r = await(a);
            QVERIFY(!r.ok());
            busy += r.error().code == ErrorCode::ServiceBusy ? 1 : 0;
        }
        const int checked = m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE workflow = 'logon' AND target_label = 'parallel' AND outcome = 'refused'")).toInt();
        QVERIFY2(checked >= 1 && checked <= OperatorTokens::kFreeFailures, qPrintable(QString::number(checked)));
        qInfo("%d of 40 parallel guesses had their password checked, %d were told the server is busy", checked, busy);
    }

    void disablingAnAccountEndsItsSessionsForGood()
    {
        // Once, a token worked again as soon as its account was enabled again.
        auto issued = await(m_fx.engine().issueToken(QStringLiteral("viewer"), QStringLiteral("pw")));
        QVERIFY(issued);
        QVERIFY(await(m_fx.engine().resolveToken(issued->token)));
        m_fx.execSql(QStringLiteral("UPDATE people SET enabled = 0 WHERE logon_name = 'viewer'"));
        m_fx.execSql(QStringLiteral("UPDATE people SET enabled = 1 WHERE logon_name = 'viewer'"));
        QCOMPARE(await(m_fx.engine().resolveToken(issued->token)).error().code, ErrorCode::NotAuthenticated);
        QCOMPARE(await(m_fx.engine().renewToken(issued->token)).error().code, ErrorCode::NotAuthenticated);
    }

    void renewalsEndAtTheSessionCap()
    {
        QString error;
        QVERIFY2(m_fx.configure(m_fx.demoOperator(), { { SettingKey::SessionMaxDays, QStringLiteral("1") } }, &error), qPrintable(error));
        auto issued = await(m_fx.engine().issueToken(QStringLiteral("viewer"), QStringLiteral("pw")));
        QVERIFY(issued);
        qint64 moved = 0;
        for (int i = 0; i < 3; ++i) { // renewed every 7 hours: fine until 24 hours after the logon
            m_fx.advanceClock(7 * 3600);
            moved += 7 * 3600;
            auto renewed = await(m_fx.engine().renewToken(issued->token));
            QVERIFY2(renewed, renewed ? "" : qPrintable(renewed.error().toLogString()));
            QVERIFY(*renewed <= m_fx.now().addSecs(24 * 3600 - moved + 1));
        }
        m_fx.advanceClock(3 * 3600 + 1); // past 24 hours: the last renewal stopped at the cap
        moved += 3 * 3600 + 1;
        QCOMPARE(await(m_fx.engine().resolveToken(issued->token)).error().code, ErrorCode::NotAuthenticated);
        QCOMPARE(await(m_fx.engine().renewToken(issued->token)).error().code, ErrorCode::NotAuthenticated);
        m_fx.advanceClock(-moved);
        QVERIFY(m_fx.configure(m_fx.demoOperator(), { { SettingKey::SessionMaxDays, QStringLiteral("7") } }, &error));
    }

    // Request My ID is for one's own phone: the End User's role may request the Virtual Smart
    // Card profile, but a card needs Request Card, which a user of Self-Service does not have.
    void requestMyIdIsForThePhoneOnly()
    {
        const qint64 me = m_fx.createOperator(QStringLiteral("enduser"), QStringLiteral("Sales"), Scope::Self, { Workflow::RequestMyId });
        m_fx.execSql(QStringLiteral("INSERT INTO person_roles (person_id, role_id) SELECT ?, id FROM roles WHERE name = 'End User'"), { me });
        const OperatorSession self = m_fx.logon(QStringLiteral("enduser"));
        auto card = await(m_fx.engine().requestCredential(self, me, m_fx.profileIdByName(QStringLiteral("Virtual Smart Card")), true));
        QVERIFY(!card.ok());
        QCOMPARE(card.error().code, ErrorCode::PermissionDenied);
        auto phone = await(m_fx.engine().requestCredential(self, me, m_fx.profileIdByName(QStringLiteral("Mobile Identity")), true));
        QVERIFY2(phone.ok(), phone.ok() ? "" : qPrintable(phone.error().toLogString()));
    }

    // Whoever sees a code can collect the credential as its holder. A helpdesk operator who
    // asks to see the code of someone holding rights they lack (here the administrator) gets
    // a request awaiting validation, no code; only a validator who holds those rights may
    // approve it with the code shown; the code may always go to the holder instead.
    // Validate Request lets an operator validate, Request Mobile lets one request; the profile's
    // role matrix decides for which credentials: Can Validate for the validator, Can Collect for
    // the holder (who collects with the code), at the request and again when collecting.
    void theRoleMatrixDecidesWhoValidatesAndWhoCollects()
    {
        const OperatorSession op = m_fx.demoOperator();
        const qint64 validated = m_fx.profileIdByName(QStringLiteral("Mobile Identity (validated)"));
        const qint64 holder = m_fx.firstPersonInGroup(QStringLiteral("Sales"));
        auto pending = await(m_fx.engine().requestCredential(op, holder, validated, false));
        QVERIFY2(pending.ok(), pending.ok() ? "" : qPrintable(pending.error().toLogString()));
        QCOMPARE(pending->job.status, JobStatus::AwaitingValidation);
        const qint64 checker = m_fx.createOperator(QStringLiteral("checker"), QStringLiteral("Sales"), Scope::All, { Workflow::FindPerson, Workflow::ValidateRequest });
        auto refused = await(m_fx.engine().validateRequest(m_fx.logon(QStringLiteral("checker")), pending->job.id, true, false));
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(refused.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("profile-right"));
        QCOMPARE(refused.error().args.value(QStringLiteral("right")).toString(), QStringLiteral("validate"));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT status FROM jobs WHERE id = ?"), { pending->job.id }).toString(), QStringLiteral("awaiting-validation"));
        m_fx.execSql(QStringLiteral("INSERT INTO person_roles (person_id, role_id) SELECT ?, id FROM roles WHERE name = 'Validator'"), { checker });
        QVERIFY(await(m_fx.engine().validateRequest(m_fx.logon(QStringLiteral("checker")), pending->job.id, true, false)).ok());

        // A holder whose roles may receive but not collect is refused at the request.
        const qint64 receiver = m_fx.createOperator(QStringLiteral("receiver"), QStringLiteral("Sales"), Scope::Self, { Workflow::RequestMyId });
        m_fx.execSql(QStringLiteral("INSERT INTO profile_roles (profile_id, role_id, can_request, can_receive, can_collect, can_validate, can_unlock) "
                                    "SELECT ?, id, 0, 1, 0, 0, 0 FROM roles WHERE name = 'receiver role'"),
            { m_mobileProfile });
        auto noCollect = await(m_fx.engine().requestCredential(op, receiver, m_mobileProfile, false));
        QCOMPARE(noCollect.error().code, ErrorCode::ProfileNotAvailable);
        QCOMPARE(noCollect.error().args.value(QStringLiteral("right")).toString(), QStringLiteral("collect"));

        // One who could when it was requested but lost the right is refused when collecting;
        // the code stays unspent.
        const qint64 leaver = m_fx.firstPersonInGroup(QStringLiteral("Sales"), holder);
        auto issued = await(m_fx.engine().requestCredential(op, leaver, m_mobileProfile, true));
        QVERIFY2(issued.ok(), issued.ok() ? "" : qPrintable(issued.error().toLogString()));
        const QVariant roles = m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM person_roles WHERE person_id = ?"), { leaver });
        // A plain table, not a temporary one: each statement may run on another worker's connection.
        m_fx.execSql(QStringLiteral("CREATE TABLE kept_roles AS SELECT * FROM person_roles WHERE person_id = ?"), { leaver });
        m_fx.execSql(QStringLiteral("DELETE FROM person_roles WHERE person_id = ?"), { leaver });
        CollectionStart start { issued->job.collectionToken, issued->code, {} };
        start.device.hardwareSerial = QStringLiteral("LEAVER-PHONE");
        auto session = await(m_fx.engine().startCollection(start));
        QCOMPARE(session.error().code, ErrorCode::ProfileNotAvailable);
        QCOMPARE(session.error().args.value(QStringLiteral("right")).toString(), QStringLiteral("collect"));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT status FROM jobs WHERE id = ?"), { issued->job.id }).toString(), QStringLiteral("awaiting-issue"));
        m_fx.execSql(QStringLiteral("INSERT INTO person_roles SELECT * FROM kept_roles"));
        m_fx.execSql(QStringLiteral("DROP TABLE kept_roles"));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM person_roles WHERE person_id = ?"), { leaver }), roles);
        QVERIFY(m_fx.collect(*issued).id > 0);
    }

    void aCodeIsShownOnlyToWhoHoldsTheHoldersRights()
    {
        const qint64 desk = m_fx.createOperator(QStringLiteral("deskonly"), QStringLiteral("Sales"), Scope::All, {});
        m_fx.execSql(QStringLiteral("INSERT INTO person_roles (person_id, role_id) SELECT ?, id FROM roles WHERE name = 'Helpdesk Operator'"), { desk });
        const OperatorSession helpdesk = m_fx.logon(QStringLiteral("deskonly"));
        const qint64 admin = m_fx.personIdByLogon(QString::fromLatin1(DemoDataGenerator::kOperatorLogon));
        auto held = await(m_fx.engine().requestCredential(helpdesk, admin, m_mobileProfile, true));
        QVERIFY2(held.ok(), held.ok() ? "" : qPrintable(held.error().toLogString()));
        QVERIFY(held->code.isEmpty());
        QCOMPARE(held->job.status, JobStatus::AwaitingValidation);

        // The demo's validator lacks the administrator's rights too: no code for them either.
        const OperatorSession validator = m_fx.logon(QString::fromLatin1(DemoDataGenerator::kValidatorLogon), QString::fromLatin1(DemoDataGenerator::kOperatorPassword));
        auto weak = await(m_fx.engine().validateRequest(validator, held->job.id, true, true));
        QCOMPARE(weak.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("code-rights"));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT status FROM jobs WHERE id = ?"), { held->job.id }).toString(), QStringLiteral("awaiting-validation"));
        // One who holds everything may.
        const qint64 allRights = m_fx.createOperator(QStringLiteral("allrights"), QStringLiteral("Sales"), Scope::All, allWorkflows());
        // (Validator: a role the profile's matrix lets validate.)
        m_fx.execSql(QStringLiteral("INSERT INTO person_roles (person_id, role_id) SELECT ?, id FROM roles WHERE name = 'Validator'"), { allRights });
        auto strong = await(m_fx.engine().validateRequest(m_fx.logon(QStringLiteral("allrights")), held->job.id, true, true));
        QVERIFY2(strong.ok(), strong.ok() ? "" : qPrintable(strong.error().toLogString()));
        QVERIFY(!strong->code.isEmpty());
        // Nor does a new code for that request show it to the helpdesk; sent to the holder, it may go.
        auto shown = await(m_fx.engine().regenerateCode(helpdesk, held->job.id, true));
        QCOMPARE(shown.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(shown.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("code-rights"));
        QVERIFY(await(m_fx.engine().regenerateCode(helpdesk, held->job.id, false)).ok());

        // The code may always travel to its holder, whoever approves.
        auto mailed = await(m_fx.engine().requestCredential(helpdesk, admin, m_mobileProfile, true));
        QVERIFY(mailed.ok());
        auto sent = await(m_fx.engine().validateRequest(validator, mailed->job.id, true, false));
        QVERIFY2(sent.ok(), sent.ok() ? "" : qPrintable(sent.error().toLogString()));
        QVERIFY(sent->code.isEmpty());
        QVERIFY(!sent->notifications.isEmpty());

        // A holder disabled meanwhile: their code is shown to nobody.
        auto pending = await(m_fx.engine().requestCredential(helpdesk, m_salesPerson, m_mobileProfile, true));
        QVERIFY(pending.ok());
        m_fx.execSql(QStringLiteral("UPDATE people SET enabled = 0 WHERE id = ?"), { m_salesPerson });
        QCOMPARE(await(m_fx.engine().regenerateCode(helpdesk, pending->job.id, true)).error().code, ErrorCode::AccountDisabled);
        m_fx.execSql(QStringLiteral("UPDATE people SET enabled = 1 WHERE id = ?"), { m_salesPerson });

        // Someone the helpdesk out-ranks is issued at once, code shown, as before.
        auto plain = await(m_fx.engine().requestCredential(helpdesk, m_salesPerson, m_mobileProfile, true));
        QVERIFY(plain.ok());
        QCOMPARE(plain->job.status, JobStatus::AwaitingIssue);
        QVERIFY(!plain->code.isEmpty());
        QVERIFY(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE outcome = 'refused' AND details LIKE '%may not see a code%'")).toInt() >= 2); // the validator's and the new code's
    }

    void groupScopeSeesOnlyItsGroup()
    {
        const OperatorSession fin = m_fx.logon(QStringLiteral("finop"));
        auto page = await(m_fx.engine().findPeople(fin, PersonQuery { {}, 0, 1000 }));
        QVERIFY(page.ok());
        QVERIFY(!page->people.isEmpty());
        for (const Person& p : page->people)
            QCOMPARE(p.group, QStringLiteral("Finance"));
        QVERIFY(await(m_fx.engine().person(fin, m_financePerson)).ok());
        QCOMPARE(await(m_fx.engine().person(fin, m_salesPerson)).error().code, ErrorCode::NotFound);
        // Out of scope answers as absent would, naming nobody.
        auto outside = await(m_fx.engine().requestCredential(fin, m_salesPerson, m_mobileProfile, true));
        QCOMPARE(outside.error().code, ErrorCode::NotFound);
        auto absent = await(m_fx.engine().requestCredential(fin, 987654321, m_mobileProfile, true));
        QCOMPARE(absent.error().code, ErrorCode::NotFound);
        const QString salesLogon = m_fx.scalar(QStringLiteral("SELECT logon_name FROM people WHERE id = ?"), { m_salesPerson }).toString();
        QVERIFY2(!outside.error().detail.contains(salesLogon) && !outside.error().detail.contains(QLatin1String("finop")), qPrintable(outside.error().detail));
        QCOMPARE(outside.error().args, absent.error().args);
        QCOMPARE(outside.error().detail, absent.error().detail);
    }

    void groupScopeWithoutAGroupReachesOnlyThemself()
    {
        // Once, an operator without a group reached everyone else without one.
        const qint64 loner = m_fx.createOperator(QStringLiteral("loner"), QString(), Scope::Group, { Workflow::FindPerson, Workflow::RequestMobile });
        const qint64 groupless = m_fx.createOperator(QStringLiteral("groupless"), QString(), Scope::Self, {});
        const OperatorSession me = m_fx.logon(QStringLiteral("loner"));
        auto page = await(m_fx.engine().findPeople(me, PersonQuery { {}, 0, 1000 }));
        QVERIFY(page.ok());
        QCOMPARE(page->people.size(), 1);
        QCOMPARE(page->people.first().id, loner);
        QCOMPARE(await(m_fx.engine().person(me, groupless)).error().code, ErrorCode::NotFound);
    }

    void selfScopeSeesOnlySelf()
    {
        const OperatorSession me = m_fx.logon(QStringLiteral("selfie"));
        auto page = await(m_fx.engine().findPeople(me, PersonQuery { {}, 0, 1000 }));
        QCOMPARE(page->people.size(), 1);
        QCOMPARE(page->people.first().logonName, QStringLiteral("selfie"));
        QCOMPARE(await(m_fx.engine().person(me, m_financePerson)).error().code, ErrorCode::NotFound);
        // What hangs off a person or device out of scope is as absent as they are.
        QCOMPARE(await(m_fx.engine().certificatesOf(me, m_device)).error().code, ErrorCode::NotFound);
        QCOMPARE(await(m_fx.engine().requestableProfiles(me, m_financePerson)).error().code, ErrorCode::NotFound);
    }

    void workflowsNotGrantedAreRefused()
    {
        const OperatorSession viewer = m_fx.logon(QStringLiteral("viewer"));
        QVERIFY(await(m_fx.engine().person(viewer, m_salesPerson)).ok());
        QCOMPARE(await(m_fx.engine().requestCredential(viewer, m_salesPerson, m_mobileProfile, true)).error().code, ErrorCode::PermissionDenied);
        DeviceAction disable { DeviceOperation::Disable, RevocationReason::CessationOfOperation, QStringLiteral("r"), {} };
        auto refused = await(m_fx.engine().changeDevice(viewer, m_device, disable));
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(refused.error().args.value(QStringLiteral("workflow")).toString(), QStringLiteral("enable-disable-device"));
        QCOMPARE(await(m_fx.engine().settings(viewer)).error().code, ErrorCode::PermissionDenied);
        QCOMPARE(await(m_fx.engine().audit(viewer, AuditQuery())).error().code, ErrorCode::PermissionDenied);
        QCOMPARE(await(m_fx.engine().verifyAudit(viewer)).error().code, ErrorCode::PermissionDenied);
        // The profile editor's reads as well as its writes.
        QCOMPARE(await(m_fx.engine().credentialProfiles(viewer)).error().code, ErrorCode::PermissionDenied);
        QCOMPARE(await(m_fx.engine().certificatePolicies(viewer)).error().code, ErrorCode::PermissionDenied);
        QCOMPARE(await(m_fx.engine().profileVersions(viewer, 1)).error().code, ErrorCode::PermissionDenied);
        QCOMPARE(await(m_fx.engine().saveCredentialProfile(viewer, CredentialProfile())).error().code, ErrorCode::PermissionDenied);
        const OperatorSession nobody = m_fx.logon(QStringLiteral("nobody"));
        QCOMPARE(await(m_fx.engine().findPeople(nobody, PersonQuery())).error().code, ErrorCode::PermissionDenied);
        // Nothing changed.
        QCOMPARE(await(m_fx.engine().device(m_fx.demoOperator(), m_device))->state, DeviceState::Active);
    }

    void rightsAreReadFreshOnEveryCall()
    {
        const OperatorSession fin = m_fx.logon(QStringLiteral("finop"));
        QVERIFY(await(m_fx.engine().audit(fin, AuditQuery())).ok());
        m_fx.execSql(QStringLiteral("DELETE FROM person_roles WHERE person_id = (SELECT id FROM people WHERE logon_name = 'finop')"));
        QCOMPARE(await(m_fx.engine().audit(fin, AuditQuery())).error().code, ErrorCode::PermissionDenied);
        m_fx.execSql(QStringLiteral("UPDATE people SET enabled = 0 WHERE logon_name = 'finop'"));
        QCOMPARE(await(m_fx.engine().findPeople(fin, PersonQuery())).error().code, ErrorCode::AccountDisabled);
        QCOMPARE(await(m_fx.engine().findPeople(OperatorSession(), PersonQuery())).error().code, ErrorCode::NotAuthenticated);
    }

    void profilesFollowTheRoleMatrix()
    {
        const OperatorSession op = m_fx.demoOperator();
        auto profiles = await(m_fx.engine().requestableProfiles(op, m_salesPerson));
        QVERIFY(profiles.ok());
        QStringList names;
        for (const CredentialProfile& p : *profiles)
            names << p.name;
        QVERIFY(names.contains(QStringLiteral("Mobile Identity")));
        // An operator without Can Request on the profile's roles gets nothing offered and is refused.
        m_fx.createOperator(QStringLiteral("otherdesk"), QStringLiteral("Sales"), Scope::All, { Workflow::FindPerson, Workflow::RequestMobile });
        const OperatorSession other = m_fx.logon(QStringLiteral("otherdesk"));
        QVERIFY(await(m_fx.engine().requestableProfiles(other, m_salesPerson))->isEmpty());
        auto refused = await(m_fx.engine().requestCredential(other, m_salesPerson, m_mobileProfile, true));
        QCOMPARE(refused.error().code, ErrorCode::ProfileNotAvailable);
    }

    void searchFindsByNameLogonAndGroup()
    {
        const OperatorSession op = m_fx.demoOperator();
        const QString fullName = m_fx.scalar(QStringLiteral("SELECT full_name FROM people WHERE id = ?"), { m_salesPerson }).toString();
        auto byName = await(m_fx.engine().findPeople(op, PersonQuery { fullName.left(4).toUpper(), 0, 100 }));
        QVERIFY(std::any_of(byName->people.cbegin(), byName->people.cend(), [&](const Person& p) { return p.id == m_salesPerson; }));
        auto byGroup = await(m_fx.engine().findPeople(op, PersonQuery { QStringLiteral("group:Sales"), 0, 1000 }));
        for (const Person& p : byGroup->people)
            QCOMPARE(p.group, QStringLiteral("Sales"));
        auto paged = await(m_fx.engine().findPeople(op, PersonQuery { {}, 0, 10 }));
        QCOMPARE(paged->people.size(), 10);
        QVERIFY(paged->more);
        auto next = await(m_fx.engine().findPeople(op, PersonQuery { {}, 10, 10 }));
        QVERIFY(next->people.first().id != paged->people.first().id);
    }
};

QTEST_GUILESS_MAIN(TestEngineAccess)
#include "tst_EngineAccess.moc"
