#include "TestSupport.h"
#include "engine/SettingsSchema.h"
#include "pki/Certificate.h"
#include "pki/SignedBundle.h"
#include "pki/TrustMaterial.h"
#include "pki/VscResponse.h"

#include <QJsonDocument>
#include <algorithm>
#include <QJsonObject>
#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

// Manage VSC Access and Unlock VSC Temporary Access through the engine: lock jobs scheduled
// in the configured timezones (the "-7" / "-7.0" pair included), one active lock job at a
// time, update and cancel, and temporary access answering the challenge with the card's
// administrator key and moving the re-lock job to the end of the time granted.
class TestEngineVscAccess : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    OperatorSession m_op;
    qint64 m_device = 0;
    QByteArray m_adminKey;

    LockSchedule at(const char* date, const char* time, const char* zone)
    {
        LockSchedule s;
        s.nextRun = false;
        s.date = QDate::fromString(QLatin1String(date), Qt::ISODate);
        s.time = QTime::fromString(QLatin1String(time), QStringLiteral("HH:mm"));
        s.timezoneValue = QLatin1String(zone);
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.open();
        m_fx.seedDemo(40, 0);
        m_op = m_fx.demoOperator();
        const qint64 person = m_fx.scalar(QStringLiteral("SELECT MIN(id) FROM people WHERE email <> '' AND logon_name NOT IN ('demo', 'validator')")).toLongLong();
        auto issued = await(m_fx.engine().requestCredential(m_op, person, m_fx.profileIdByName(QStringLiteral("Virtual Smart Card")), true));
        QVERIFY2(issued.ok(), issued.ok() ? "" : qPrintable(issued.error().toLogString()));
        // The computer collects the card; the bundle brings it the administrator key.
        CollectionStart start { issued->job.collectionToken, issued->code, {} };
        start.device.dnsName = QStringLiteral("pc-17.corp.example.test");
        auto session = await(m_fx.engine().startCollection(start));
        QVERIFY(session.ok());
        CollectionSubmission submission;
        submission.sessionId = session->id;
        for (const RequestedCertificate& c : session->certificates)
            submission.requests << makeCsr(c.keyAlgorithms.value(0, KeyAlgorithm::Rsa2048));
        auto bundle = await(m_fx.engine().submitCollection(submission));
        QVERIFY2(bundle.ok(), bundle.ok() ? "" : qPrintable(bundle.error().toLogString()));
        auto trust = TrustMaterial::fromPem(*await(m_fx.engine().caCertificate()));
        QVERIFY(trust.ok());
        auto content = SignedBundle::verify(bundle->signedData, trust->authorities, trust->contentSigner);
        QVERIFY(content.ok());
        m_adminKey = QByteArray::fromBase64(QJsonDocument::fromJson(*content).object().value(QStringLiteral("vscAdminKey")).toString().toLatin1());
        QCOMPARE(m_adminKey.size(), 24);
        auto device = await(m_fx.engine().confirmCollection(session->id));
        QVERIFY(device.ok());
        QCOMPARE(device->type, CardEncoding::VirtualSmartCard);
        m_device = device->id;
    }

    void locksAreScheduledInTheChosenTimezone()
    {
        auto job = await(m_fx.engine().requestPinLock(m_op, m_device, at("2026-12-24", "17:30", "-7"), QStringLiteral("going on leave")));
        QVERIFY2(job.ok(), job.ok() ? "" : qPrintable(job.error().toLogString()));
        QCOMPARE(job->type, JobType::PinLock);
        QCOMPARE(job->status, JobStatus::AwaitingIssue);
        QCOMPARE(job->scheduledAt, QDateTime(QDate(2026, 12, 25), QTime(0, 30), Qt::UTC));
        QCOMPARE(job->scheduleTimezone, QStringLiteral("(UTC-07:00) Mountain Time (US & Canada)"));

        // Only one active lock job: a second request is refused, an update moves the first.
        auto second = await(m_fx.engine().requestPinLock(m_op, m_device, LockSchedule {}, QStringLiteral("again")));
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, ErrorCode::Conflict);
        QCOMPARE(second.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("lock-exists"));
        auto arizona = await(m_fx.engine().updatePinLock(m_op, m_device, at("2026-12-24", "17:30", "-7.0"), QStringLiteral("Arizona office")));
        QVERIFY(arizona.ok());
        QCOMPARE(arizona->id, job->id);
        QCOMPARE(arizona->scheduledAt, job->scheduledAt); // same offset, another list entry
        QCOMPARE(arizona->scheduleTimezone, QStringLiteral("(UTC-07:00) Arizona"));
        auto india = await(m_fx.engine().updatePinLock(m_op, m_device, at("2026-12-24", "17:30", "+5.5"), QStringLiteral("Mumbai office")));
        QVERIFY(india.ok());
        QCOMPARE(india->scheduledAt, QDateTime(QDate(2026, 12, 24), QTime(12, 0), Qt::UTC));

        // Bad input is refused with the reason, and nothing changes.
        auto unknownZone = await(m_fx.engine().updatePinLock(m_op, m_device, at("2026-12-24", "17:30", "+13.75"), QStringLiteral("x")));
        QCOMPARE(unknownZone.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("lock-timezone"));
        auto noReason = await(m_fx.engine().updatePinLock(m_op, m_device, LockSchedule {}, QStringLiteral("  ")));
        QCOMPARE(noReason.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("reason-required"));
        auto jobs = await(m_fx.engine().lockJobs(m_op, m_device));
        QVERIFY(jobs.ok());
        QCOMPARE(jobs->size(), 1);
        QCOMPARE(jobs->first().scheduledAt, india->scheduledAt);

        auto cancelled = await(m_fx.engine().cancelPinLock(m_op, m_device, QStringLiteral("leave called off")));
        QVERIFY(cancelled.ok());
        QCOMPARE(cancelled->status, JobStatus::Cancelled);
        QVERIFY(!await(m_fx.engine().cancelPinLock(m_op, m_device, QStringLiteral("twice"))).ok());
        auto nextRun = await(m_fx.engine().requestPinLock(m_op, m_device, LockSchedule {}, QStringLiteral("lost laptop")));
        QVERIFY(nextRun.ok());
        QVERIFY(!nextRun->scheduledAt.isValid());
        jobs = await(m_fx.engine().lockJobs(m_op, m_device));
        QCOMPARE(jobs->size(), 2);
        QCOMPARE(jobs->first().id, nextRun->id); // newest first
        QCOMPARE(jobs->last().status, JobStatus::Cancelled);
    }

    void lockJobsStayOutOfJobManagement()
    {
        auto jobs = await(m_fx.engine().findJobs(m_op, JobQuery {}));
        QVERIFY(jobs.ok());
        for (const Job& j : *jobs)
            QVERIFY(j.type != JobType::PinLock);
    }

    void temporaryAccessAnswersTheChallengeAndRelocksOnTime()
    {
        const QString challenge = QStringLiteral("a892 d756 0161 7c5d");
        auto bad = await(m_fx.engine().temporaryUnlock(m_op, m_device, QStringLiteral("A892-D756"), 8, QStringLiteral("lost card")));
        QCOMPARE(bad.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("vsc-challenge"));
        auto oddHours = await(m_fx.engine().temporaryUnlock(m_op, m_device, challenge, 5, QStringLiteral("lost card")));
        QCOMPARE(oddHours.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("unlock-duration"));

        auto access = await(m_fx.engine().temporaryUnlock(m_op, m_device, challenge, 24, QStringLiteral("card left at home")));
        QVERIFY2(access.ok(), access.ok() ? "" : qPrintable(access.error().toLogString()));
        const QByteArray expected = *VscResponse::response(m_adminKey, QByteArray::fromHex("A892D75601617C5D"));
        QCOMPARE(access->response, VscResponse::group(expected));
        // The pending lock job now fires when the day is over, and it is still the only one.
        QCOMPARE(access->relockJob.scheduledAt, m_fx.now().addSecs(24 * 3600));
        auto jobs = await(m_fx.engine().lockJobs(m_op, m_device));
        int active = 0;
        for (const Job& j : *jobs)
            active += j.status == JobStatus::AwaitingIssue;
        QCOMPARE(active, 1);

        // Unrestricted access creates no re-lock job; the audit has duration and reason only.
        auto unrestricted = await(m_fx.engine().temporaryUnlock(m_op, m_device, QStringLiteral("0123456789abcdef"), 0, QStringLiteral("new primary card pending")));
        QVERIFY(unrestricted.ok());
        QCOMPARE(unrestricted->relockJob.id, 0);
        const QString details = m_fx.scalar(QStringLiteral("SELECT details FROM audit_events WHERE details LIKE 'temporary access response issued (unrestricted)%'")).toString();
        QVERIFY2(details.contains(QStringLiteral("new primary card pending")), qPrintable(details));
        const QString all = m_fx.scalar(QStringLiteral("SELECT GROUP_CONCAT(details, '|') FROM audit_events")).toString();
        QVERIFY(!all.contains(unrestricted->response) && !all.contains(QStringLiteral("0123456789")) && !all.contains(QString::fromLatin1(m_adminKey.toHex())));
    }

    void operatorsWithoutTheWorkflowAreRefused()
    {
        m_fx.createOperator(QStringLiteral("viewer"), QStringLiteral("Sales"), Scope::All, { Workflow::FindPerson });
        const OperatorSession viewer = m_fx.logon(QStringLiteral("viewer"));
        QCOMPARE(await(m_fx.engine().requestPinLock(viewer, m_device, LockSchedule {}, QStringLiteral("x"))).error().code, ErrorCode::PermissionDenied);
        QCOMPARE(await(m_fx.engine().temporaryUnlock(viewer, m_device, QStringLiteral("0123456789abcdef"), 8, QStringLiteral("x"))).error().code,
            ErrorCode::PermissionDenied);
        QCOMPARE(await(m_fx.engine().lockJobs(viewer, m_device)).error().code, ErrorCode::PermissionDenied);
    }

    void aCardForOneComputerIsMadeOnlyThere()
    {
        const qint64 person = m_fx.scalar(QStringLiteral("SELECT id FROM people WHERE email <> '' AND logon_name NOT IN ('demo', 'validator', 'viewer') ORDER BY id LIMIT 1 OFFSET 2")).toLongLong();
        const qint64 vsc = m_fx.profileIdByName(QStringLiteral("Virtual Smart Card"));
        auto unknown = await(m_fx.engine().requestCredential(m_op, person, vsc, true, QStringLiteral("pc-42.corp.example.test")));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("target-unknown"));
        auto notVsc = await(m_fx.engine().requestCredential(m_op, person, m_fx.profileIdByName(QStringLiteral("Mobile Identity")), true, QStringLiteral("pc-42.corp.example.test")));
        QCOMPARE(notVsc.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("target-not-vsc"));

        m_fx.createOperator(QStringLiteral("hwadmin"), QStringLiteral("Sales"), Scope::All, { Workflow::FindPerson, Workflow::AddEditDevices });
        RegisteredHardware pc;
        pc.kind = HardwareKind::Computer;
        pc.identifier = QStringLiteral("PC-42.corp.example.test");
        pc.ownerId = person;
        QVERIFY(await(m_fx.engine().addHardware(m_fx.logon(QStringLiteral("hwadmin")), pc)).ok());
        auto issued = await(m_fx.engine().requestCredential(m_op, person, vsc, true, QStringLiteral(" pc-42.CORP.example.test ")));
        QVERIFY2(issued.ok(), issued.ok() ? "" : qPrintable(issued.error().toLogString()));
        QCOMPARE(issued->job.targetComputer, QStringLiteral("pc-42.corp.example.test"));

        CollectionStart start { issued->job.collectionToken, issued->code, {} };
        start.device.dnsName = QStringLiteral("pc-43.corp.example.test");
        auto elsewhere = await(m_fx.engine().startCollection(start));
        QVERIFY(!elsewhere.ok());
        QCOMPARE(elsewhere.error().code, ErrorCode::DeviceNotAllowed);
        QCOMPARE(elsewhere.error().args.value(QStringLiteral("restriction")).toString(), QStringLiteral("target-computer"));
        // The code still works on the right computer.
        start.device.dnsName = QStringLiteral("PC-42.corp.example.test");
        auto there = await(m_fx.engine().startCollection(start));
        QVERIFY2(there.ok(), there.ok() ? "" : qPrintable(there.error().toLogString()));
    }

    // What an administrator switches off in the Operation Settings stays off: no virtual
    // smart card is offered or made, no temporary access given, no hardware registered and no
    // card made for a chosen computer. Switched on again, each works.
    void switchedOffControlsRefuse()
    {
        const qint64 person = m_fx.scalar(QStringLiteral("SELECT id FROM people WHERE email <> '' AND logon_name NOT IN ('demo', 'validator', 'viewer', 'hwadmin') ORDER BY id LIMIT 1 OFFSET 4")).toLongLong();
        const qint64 vsc = m_fx.profileIdByName(QStringLiteral("Virtual Smart Card"));
        const auto problemOf = [](const auto& r) { return r.ok() ? QString() : r.error().args.value(QStringLiteral("problem")).toString(); };
        const auto offered = [&] {
            const auto profiles = await(m_fx.engine().requestableProfiles(m_op, person));
            return std::any_of(profiles->cbegin(), profiles->cend(), [&](const CredentialProfile& p) { return p.id == vsc; });
        };
        QVERIFY(offered());
        QString why;
        QVERIFY2(m_fx.configure(m_op, { { SettingKey::VscEnabled, QStringLiteral("false") }, { SettingKey::VscTemporaryUnlock, QStringLiteral("false") },
                                          { SettingKey::DeviceManagement, QStringLiteral("false") } }, &why), qPrintable(why));
        QVERIFY(!offered());
        auto request = await(m_fx.engine().requestCredential(m_op, person, vsc, true));
        QCOMPARE(problemOf(request), QStringLiteral("switched-off"));
        QCOMPARE(request.error().args.value(QStringLiteral("setting")).toString(), SettingKey::VscEnabled);
        auto unlock = await(m_fx.engine().temporaryUnlock(m_op, m_device, QStringLiteral("0123456789abcdef"), 8, QStringLiteral("card at home")));
        QCOMPARE(unlock.error().args.value(QStringLiteral("setting")).toString(), SettingKey::VscTemporaryUnlock);
        RegisteredHardware pc;
        pc.kind = HardwareKind::Computer;
        pc.identifier = QStringLiteral("pc-77.corp.example.test");
        pc.ownerId = person;
        const OperatorSession hw = m_fx.logon(QStringLiteral("hwadmin"));
        auto added = await(m_fx.engine().addHardware(hw, pc));
        QCOMPARE(added.error().args.value(QStringLiteral("setting")).toString(), SettingKey::DeviceManagement);

        QVERIFY(m_fx.configure(m_op, { { SettingKey::VscEnabled, QStringLiteral("true") } }));
        QVERIFY(offered());
        // Cards are made again, but not for a chosen computer while devices are not managed.
        auto targeted = await(m_fx.engine().requestCredential(m_op, person, vsc, true, QStringLiteral("pc-42.corp.example.test")));
        QCOMPARE(targeted.error().args.value(QStringLiteral("setting")).toString(), SettingKey::DeviceManagement);
        QVERIFY(m_fx.configure(m_op, { { SettingKey::VscTemporaryUnlock, QStringLiteral("true") }, { SettingKey::DeviceManagement, QStringLiteral("true") } }));
        QVERIFY(await(m_fx.engine().addHardware(hw, pc)).ok());
    }

    void onlyVirtualSmartCardsTakeLocks()
    {
        const qint64 person = m_fx.scalar(QStringLiteral("SELECT MAX(id) FROM people WHERE email <> '' AND logon_name NOT IN ('demo', 'validator', 'viewer', 'hwadmin')")).toLongLong();
        auto issued = await(m_fx.engine().requestCredential(m_op, person, m_fx.profileIdByName(QStringLiteral("Mobile Identity")), true));
        QVERIFY2(issued.ok(), issued.ok() ? "" : qPrintable(issued.error().toLogString()));
        const Device phone = m_fx.collect(*issued);
        auto refused = await(m_fx.engine().requestPinLock(m_op, phone.id, LockSchedule {}, QStringLiteral("x")));
        QCOMPARE(refused.error().code, ErrorCode::InvalidTransition);
    }

    void aParentCredentialLocksAndDisablesItsChildCard()
    {
        m_fx.createOperator(QStringLiteral("profiler"), QStringLiteral("IT"), Scope::All,
            { Workflow::FindPerson, Workflow::EditConfiguration, Workflow::EditCredentialProfiles });
        const OperatorSession admin = m_fx.logon(QStringLiteral("profiler"));
        QString error;
        QVERIFY2(m_fx.configure(admin, { { QStringLiteral("profiles.allowParentChild"), QStringLiteral("true") } }, &error), qPrintable(error));
        auto profiles = await(m_fx.engine().credentialProfiles(admin));
        QVERIFY(profiles.ok());
        CredentialProfile parent, child;
        for (const CredentialProfile& p : *profiles) {
            if (p.name == QLatin1String("Mobile Identity"))
                parent = p;
            if (p.name == QLatin1String("Virtual Smart Card"))
                child = p;
        }
        parent.isParent = true;
        QVERIFY(await(m_fx.engine().saveCredentialProfile(admin, parent)).ok());
        child.parentLineage = parent.lineage;
        auto savedChild = await(m_fx.engine().saveCredentialProfile(admin, child));
        QVERIFY2(savedChild.ok(), savedChild.ok() ? "" : qPrintable(savedChild.error().toLogString()));

        const qint64 person = m_fx.scalar(QStringLiteral("SELECT id FROM people WHERE email <> '' AND logon_name NOT IN ('demo', 'validator') ORDER BY id LIMIT 1 OFFSET 6")).toLongLong();
        auto childRequest = await(m_fx.engine().requestCredential(m_op, person, m_fx.profileIdByName(QStringLiteral("Virtual Smart Card")), true));
        QVERIFY2(childRequest.ok(), childRequest.ok() ? "" : qPrintable(childRequest.error().toLogString()));
        const Device card = m_fx.collect(*childRequest, KeyAlgorithm::Rsa2048);
        QCOMPARE(card.associatedProfileName, QStringLiteral("Mobile Identity")); // the child names its parent profile
        // A child card starts with its PIN lock due at the next Self-Service run.
        auto jobs = await(m_fx.engine().lockJobs(m_op, card.id));
        QVERIFY(jobs.ok());
        QCOMPARE(jobs->size(), 1);
        QCOMPARE(jobs->first().status, JobStatus::AwaitingIssue);
        QVERIFY(!jobs->first().scheduledAt.isValid());

        // The parent credential arrives: the child card is disabled, its certificates on hold.
        auto parentRequest = await(m_fx.engine().requestCredential(m_op, person, m_fx.profileIdByName(QStringLiteral("Mobile Identity")), true));
        QVERIFY(parentRequest.ok());
        QCOMPARE(m_fx.collect(*parentRequest).associatedProfileName, QStringLiteral("Virtual Smart Card")); // and the parent its child
        auto after = await(m_fx.engine().device(m_op, card.id));
        QVERIFY(after.ok());
        QCOMPARE(after->state, DeviceState::Disabled);
        auto certificates = await(m_fx.engine().certificatesOf(m_op, card.id));
        QVERIFY(certificates.ok() && !certificates->isEmpty());
        for (const CertificateRecord& c : *certificates)
            QCOMPARE(c.status, CertificateStatus::OnHold);
        jobs = await(m_fx.engine().lockJobs(m_op, card.id));
        QCOMPARE(jobs->size(), 1); // still the one lock job
        QVERIFY(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE details LIKE ?"), { QStringLiteral("%child ") + card.serial + QStringLiteral(" locked and disabled%") }).toInt() == 1);

        // The parent card is lost: Temporary Access opens the child card and enables it for the
        // hours granted; then the engine's housekeeping disables it again.
        const auto statuses = [&] {
            QList<CertificateStatus> out;
            auto list = await(m_fx.engine().certificatesOf(m_op, card.id));
            for (const CertificateRecord& c : *list)
                out << c.status;
            return out;
        };
        auto access = await(m_fx.engine().temporaryUnlock(m_op, card.id, QStringLiteral("0011223344556677"), 8, QStringLiteral("parent card lost")));
        QVERIFY2(access.ok(), access.ok() ? "" : qPrintable(access.error().toLogString()));
        QVERIFY(access->childEnabled);
        QCOMPARE(access->enabledUntil, m_fx.now().addSecs(8 * 3600));
        QCOMPARE(await(m_fx.engine().device(m_op, card.id))->state, DeviceState::Active);
        QCOMPARE(statuses(), QList<CertificateStatus>(statuses().size(), CertificateStatus::Active));
        m_fx.advanceClock(7 * 3600);
        QVERIFY(await(m_fx.engine().housekeeping()).ok());
        QCOMPARE(await(m_fx.engine().device(m_op, card.id))->state, DeviceState::Active);
        m_fx.advanceClock(3601);
        QCOMPARE(*await(m_fx.engine().housekeeping()), 1);
        m_op = m_fx.demoOperator();
        QCOMPARE(await(m_fx.engine().device(m_op, card.id))->state, DeviceState::Disabled);
        QCOMPARE(statuses(), QList<CertificateStatus>(statuses().size(), CertificateStatus::OnHold));

        // An operator's own Disable is not undone by Temporary Access.
        DeviceAction enable { DeviceOperation::Enable, RevocationReason::CessationOfOperation, QStringLiteral("back"), {} };
        QVERIFY(await(m_fx.engine().changeDevice(m_op, card.id, enable)).ok());
        DeviceAction disable { DeviceOperation::Disable, RevocationReason::CessationOfOperation, QStringLiteral("left the company"), {} };
        QVERIFY(await(m_fx.engine().changeDevice(m_op, card.id, disable)).ok());
        auto refused = await(m_fx.engine().temporaryUnlock(m_op, card.id, QStringLiteral("0011223344556677"), 8, QStringLiteral("try")));
        QCOMPARE(refused.error().code, ErrorCode::InvalidTransition);
        QCOMPARE(await(m_fx.engine().device(m_op, card.id))->state, DeviceState::Disabled);
    }
};

QTEST_GUILESS_MAIN(TestEngineVscAccess)
#include "tst_EngineVscAccess.moc"
