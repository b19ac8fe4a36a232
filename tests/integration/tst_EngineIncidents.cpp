#include "TestSupport.h"

#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

// Holders report their own credentials lost, stolen, damaged or forgotten (Report Incident):
// suspended at once, a replacement awaiting the helpdesk, revoked when the hold ends unless
// reinstated; and holders cancel their own requests, which brings back only a forgotten device.
class TestEngineIncidents : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    OperatorSession m_op;
    qint64 m_holder = 0;
    qint64 m_profile = 0;

    OperatorSession holder() { return m_fx.logon(QStringLiteral("holder")); }

    Device newDevice(qint64 person = 0)
    {
        auto req = await(m_fx.engine().requestCredential(m_op, person ? person : m_holder, m_profile, true));
        if (!req)
            qFatal("request failed: %s", qPrintable(req.error().toLogString()));
        return m_fx.collect(*req);
    }

    Result<DeviceChange> report(const OperatorSession& who, qint64 device, DeviceOperation kind, const QString& details = QStringLiteral("on the train"))
    {
        DeviceAction a;
        a.operation = kind;
        a.details = details;
        return await(m_fx.engine().reportIncident(who, device, a));
    }

    QList<CertificateRecord> certs(qint64 device)
    {
        auto list = await(m_fx.engine().certificatesOf(m_op, device));
        if (!list)
            qFatal("certificatesOf failed: %s", qPrintable(list.error().toLogString()));
        return *list;
    }
    QList<CertificateStatus> statuses(qint64 device)
    {
        QList<CertificateStatus> out;
        for (const CertificateRecord& c : certs(device))
            out << c.status;
        return out;
    }

    DeviceState stateOf(qint64 device) { return await(m_fx.engine().device(m_op, device))->state; }

    static QString problem(const Error& e) { return e.args.value(QStringLiteral("problem")).toString(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.open();
        m_fx.seedDemo(10, 1);
        m_op = m_fx.demoOperator();
        m_holder = m_fx.createOperator(QStringLiteral("holder"), QStringLiteral("Sales"), Scope::Self, { Workflow::RequestMyId });
        m_fx.execSql(QStringLiteral("INSERT INTO person_roles (person_id, role_id) SELECT ?, id FROM roles WHERE name = 'End User'"), { m_holder });
        m_profile = m_fx.profileIdByName(QStringLiteral("Mobile Identity"));
        QVERIFY(m_profile > 0);
    }

    void init()
    {
        m_op = m_fx.demoOperator(); // the clock moves in these tests: a fresh session each time
        QVERIFY(m_fx.configure(m_op, { { QStringLiteral("incidents.holdHours"), QStringLiteral("24") }, { QStringLiteral("incidents.helpdeskEmail"), QString() } }));
    }

    void lostIsSuspendedAtOnceAndRevokedWhenTheHoldEnds()
    {
        const Device d = newDevice();
        const QDateTime reported = m_fx.now();
        auto change = report(holder(), d.id, DeviceOperation::ReplaceLost);
        QVERIFY2(change.ok(), qPrintable(change.ok() ? QString() : change.error().toLogString()));
        QCOMPARE(change->device.state, DeviceState::Suspended);
        QCOMPARE(statuses(d.id), QList<CertificateStatus>(statuses(d.id).size(), CertificateStatus::OnHold));
        QVERIFY(change->replacement.has_value());
        QCOMPARE(change->replacement->job.type, JobType::Replacement);
        QCOMPARE(change->replacement->job.status, JobStatus::AwaitingValidation);
        QVERIFY(change->replacement->code.isEmpty());
        QCOMPARE(change->revokesAt, reported.addSecs(24 * 3600));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE workflow = 'report-incident' AND device_id = ?"), { d.id }).toInt(), 1);

        // Not before the hold ends.
        m_fx.advanceClock(23 * 3600);
        QVERIFY(await(m_fx.engine().housekeeping()).ok());
        QCOMPARE(stateOf(d.id), DeviceState::Suspended);
        m_fx.advanceClock(3601);
        auto swept = await(m_fx.engine().housekeeping());
        QVERIFY(swept.ok());
        QVERIFY(*swept >= 1);
        m_op = m_fx.demoOperator();
        QCOMPARE(stateOf(d.id), DeviceState::Canceled);
        for (const CertificateRecord& c : certs(d.id)) {
            QCOMPARE(c.status, CertificateStatus::Revoked);
            QCOMPARE(c.revocationReason, QStringLiteral("keyCompromise"));
        }
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT outcome FROM incidents WHERE device_id = ?"), { d.id }).toString(), QStringLiteral("revoked"));
        // A second sweep finds nothing more to do.
        QCOMPARE(*await(m_fx.engine().housekeeping()), 0);
    }

    void holdZeroRevokesAtOnce()
    {
        QVERIFY(m_fx.configure(m_op, { { QStringLiteral("incidents.holdHours"), QStringLiteral("0") } }));
        const Device d = newDevice();
        auto change = report(holder(), d.id, DeviceOperation::ReplaceStolen);
        QVERIFY(change.ok());
        QCOMPARE(change->device.state, DeviceState::Canceled);
        QVERIFY(!change->revokesAt.isValid());
        QCOMPARE(statuses(d.id), QList<CertificateStatus>(statuses(d.id).size(), CertificateStatus::Revoked));
        QCOMPARE(change->replacement->job.status, JobStatus::AwaitingValidation);
    }

    void damagedIsRevokedAsCessation()
    {
        const Device d = newDevice();
        QVERIFY(report(holder(), d.id, DeviceOperation::ReplaceDamaged).ok());
        m_fx.advanceClock(25 * 3600);
        QVERIFY(await(m_fx.engine().housekeeping()).ok());
        m_op = m_fx.demoOperator();
        for (const CertificateRecord& c : certs(d.id))
            QCOMPARE(c.revocationReason, QStringLiteral("cessationOfOperation"));
    }

    void helpdeskReinstatesBeforeTheHoldEnds()
    {
        const Device d = newDevice();
        QVERIFY(report(holder(), d.id, DeviceOperation::ReplaceLost).ok());
        DeviceAction found;
        found.operation = DeviceOperation::Reinstate;
        auto back = await(m_fx.engine().changeDevice(m_op, d.id, found));
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toLogString()));
        QCOMPARE(back->device.state, DeviceState::Active);
        // The hold no longer revokes a device the helpdesk brought back.
        m_fx.advanceClock(25 * 3600);
        QVERIFY(await(m_fx.engine().housekeeping()).ok());
        m_op = m_fx.demoOperator();
        QCOMPARE(stateOf(d.id), DeviceState::Active);
        QCOMPARE(statuses(d.id), QList<CertificateStatus>(statuses(d.id).size(), CertificateStatus::Active));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT outcome FROM incidents WHERE device_id = ?"), { d.id }).toString(), QStringLiteral("reinstate"));
    }

    void anotherPersonsDeviceLooksAbsent()
    {
        const qint64 other = m_fx.firstPersonInGroup(QStringLiteral("Sales"), m_holder);
        QVERIFY(other > 0);
        const Device theirs = newDevice(other);
        auto refused = report(holder(), theirs.id, DeviceOperation::ReplaceStolen);
        QCOMPARE(refused.error().code, ErrorCode::NotFound);
        QCOMPARE(stateOf(theirs.id), DeviceState::Active);
        // Nor is an operator's wide scope of any use: to the demo operator, too, it looks absent.
        QCOMPARE(report(m_op, theirs.id, DeviceOperation::ReplaceLost).error().code, ErrorCode::NotFound);
        QCOMPARE(stateOf(theirs.id), DeviceState::Active);
    }

    void withoutTheWorkflowRefused()
    {
        // Holds a phone identity (End User may receive it), then only a role without Report Incident.
        const qint64 plain = m_fx.createOperator(QStringLiteral("plain"), QStringLiteral("Sales"), Scope::Self, { Workflow::RequestMyId });
        m_fx.execSql(QStringLiteral("INSERT INTO person_roles (person_id, role_id) SELECT ?, id FROM roles WHERE name = 'End User'"), { plain });
        const Device d = newDevice(plain);
        m_fx.execSql(QStringLiteral("DELETE FROM person_roles WHERE person_id = ? AND role_id = (SELECT id FROM roles WHERE name = 'End User')"), { plain });
        QCOMPARE(report(m_fx.logon(QStringLiteral("plain")), d.id, DeviceOperation::ReplaceLost).error().code, ErrorCode::PermissionDenied);
        QCOMPARE(stateOf(d.id), DeviceState::Active);
    }

    void onlyIncidentsAreReported()
    {
        const Device d = newDevice();
        auto refused = report(holder(), d.id, DeviceOperation::Cancel);
        QCOMPARE(problem(refused.error()), QStringLiteral("incident-kind"));
        refused = report(holder(), d.id, DeviceOperation::ReplaceLost, QString(2001, QLatin1Char('x')));
        QCOMPARE(problem(refused.error()), QStringLiteral("details-too-long"));
        QCOMPARE(stateOf(d.id), DeviceState::Active);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE device_id = ?"), { d.id }).toInt(), 0); // no replacement asked for
    }

    void aSecondReportConflicts()
    {
        const Device d = newDevice();
        auto first = report(holder(), d.id, DeviceOperation::ReplaceLost);
        QVERIFY(first.ok());
        auto second = report(holder(), d.id, DeviceOperation::ReplaceStolen);
        QCOMPARE(second.error().code, ErrorCode::Conflict);
        QCOMPARE(problem(second.error()), QStringLiteral("incident-open"));
        QCOMPARE(second.error().args.value(QStringLiteral("job")).toLongLong(), first->replacement->job.id);
    }

    void forgottenAndFoundComesBack()
    {
        const Device d = newDevice();
        auto change = report(holder(), d.id, DeviceOperation::ReplaceForgotten, QString());
        QVERIFY(change.ok());
        QCOMPARE(change->device.state, DeviceState::Suspended);
        QVERIFY(!change->revokesAt.isValid());
        QCOMPARE(change->replacement->job.type, JobType::TemporaryReplacement);
        QCOMPARE(change->replacement->job.status, JobStatus::AwaitingValidation);
        // A forgotten device is never revoked by the hold.
        m_fx.advanceClock(48 * 3600);
        QVERIFY(await(m_fx.engine().housekeeping()).ok());
        m_op = m_fx.demoOperator();
        QCOMPARE(stateOf(d.id), DeviceState::Suspended);
        // Found: the holder withdraws the temporary replacement and the device works again.
        auto cancelled = await(m_fx.engine().cancelJob(holder(), change->replacement->job.id, QStringLiteral("found it")));
        QVERIFY2(cancelled.ok(), qPrintable(cancelled.ok() ? QString() : cancelled.error().toLogString()));
        QCOMPARE(cancelled->status, JobStatus::Cancelled);
        QCOMPARE(stateOf(d.id), DeviceState::Active);
        QCOMPARE(statuses(d.id), QList<CertificateStatus>(statuses(d.id).size(), CertificateStatus::Active));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT outcome FROM incidents WHERE device_id = ?"), { d.id }).toString(), QStringLiteral("found"));
    }

    void stolenStaysSuspendedWhenTheHolderWithdraws()
    {
        // Whoever holds the holder's logon may hold the phone too: only the helpdesk brings it back.
        const Device d = newDevice();
        auto change = report(holder(), d.id, DeviceOperation::ReplaceStolen);
        QVERIFY(change.ok());
        QVERIFY(await(m_fx.engine().cancelJob(holder(), change->replacement->job.id, QStringLiteral("it came back"))).ok());
        QCOMPARE(stateOf(d.id), DeviceState::Suspended);
        m_fx.advanceClock(25 * 3600);
        QVERIFY(await(m_fx.engine().housekeeping()).ok());
        m_op = m_fx.demoOperator();
        QCOMPARE(stateOf(d.id), DeviceState::Canceled);
    }

    void holdersCancelOnlyTheirOwnRequests()
    {
        const qint64 other = m_fx.firstPersonInGroup(QStringLiteral("Sales"), m_holder);
        auto theirs = await(m_fx.engine().requestCredential(m_op, other, m_profile, true));
        QVERIFY(theirs.ok());
        auto refused = await(m_fx.engine().cancelJob(holder(), theirs->job.id, QStringLiteral("not mine")));
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().code == ErrorCode::PermissionDenied || refused.error().code == ErrorCode::NotFound);
        // A PIN lock set on the holder's card is not theirs to lift.
        const Device d = newDevice();
        m_fx.execSql(QStringLiteral("INSERT INTO jobs (job_type, status, person_id, device_id, profile_id, requested_by, requested_at, updated_at) "
                                    "VALUES ('pin-lock', 'awaiting-issue', ?, ?, ?, ?, 0, 0)"),
            { m_holder, d.id, m_profile, m_op.personId });
        const qint64 lock = m_fx.scalar(QStringLiteral("SELECT MAX(id) FROM jobs")).toLongLong();
        QCOMPARE(await(m_fx.engine().cancelJob(holder(), lock, QStringLiteral("no lock for me"))).error().code, ErrorCode::PermissionDenied);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT status FROM jobs WHERE id = ?"), { lock }).toString(), QStringLiteral("awaiting-issue"));
        // Their own request they may cancel.
        auto mine = await(m_fx.engine().requestCredential(m_op, m_holder, m_profile, false));
        QVERIFY(mine.ok());
        QVERIFY(await(m_fx.engine().cancelJob(holder(), mine->job.id, QStringLiteral("changed my mind"))).ok());
    }

    void theHelpdeskIsMailed()
    {
        QVERIFY(m_fx.configure(m_op, { { QStringLiteral("incidents.helpdeskEmail"), QStringLiteral("helpdesk@example.test") } }));
        QString error;
        QVERIFY(!m_fx.configure(m_op, { { QStringLiteral("incidents.helpdeskEmail"), QStringLiteral("not an address") } }, &error));
        const Device d = newDevice();
        QVERIFY(report(holder(), d.id, DeviceOperation::ReplaceLost).ok());
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM notifications WHERE device_id = ? AND template = 'incident' AND recipient = 'helpdesk@example.test'"), { d.id }).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestEngineIncidents)
#include "tst_EngineIncidents.moc"
