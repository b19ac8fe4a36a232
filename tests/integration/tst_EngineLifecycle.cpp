#include "TestSupport.h"
#include "engine/ProfileService.h"
#include "pki/Certificate.h"

#include <QFile>
#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

// Every lifecycle operation through the engine: state, certificates, CRL, jobs and audit.
class TestEngineLifecycle : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    OperatorSession m_op;
    qint64 m_person = 0;
    qint64 m_profile = 0;

    Device newDevice()
    {
        auto req = await(m_fx.engine().requestCredential(m_op, m_person, m_profile, true));
        if (!req)
            qFatal("request failed: %s", qPrintable(req.error().toLogString()));
        return m_fx.collect(*req);
    }

    QList<CertificateRecord> certs(qint64 device) { return *await(m_fx.engine().certificatesOf(m_op, device)); }

    QByteArray crlText()
    {
        auto der = await(m_fx.engine().certificateRevocationList());
        if (!der)
            qFatal("crl failed");
        return run(QStringLiteral("openssl"), { QStringLiteral("crl"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-noout"), QStringLiteral("-text") }, *der).out;
    }

    Result<DeviceChange> change(qint64 device, DeviceOperation op, bool showCode, const QString& reason = QStringLiteral("test"),
        RevocationReason cancel = RevocationReason::CessationOfOperation)
    {
        DeviceAction a;
        a.operation = op;
        a.reason = reason;
        a.details = QStringLiteral("details for ") + deviceOperationId(op);
        a.cancelReason = cancel;
        a.showCode = showCode;
        return await(m_fx.engine().changeDevice(m_op, device, a));
    }
    Result<Device> act(qint64 device, DeviceOperation op, const QString& reason = QStringLiteral("test"), RevocationReason cancel = RevocationReason::CessationOfOperation)
    {
        auto c = change(device, op, false, reason, cancel);
        if (!c)
            return c.error();
        return c->device;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.open();
        m_fx.seedDemo(30, 2);
        m_op = m_fx.demoOperator();
        m_person = m_fx.scalar(QStringLiteral("SELECT MAX(id) FROM people")).toLongLong();
        m_profile = m_fx.profileIdByName(QStringLiteral("Mobile Identity"));
        QVERIFY(m_person > 0 && m_profile > 0);
    }

    void issuedCertificatesChainToTheCa()
    {
        const Device d = newDevice();
        QCOMPARE(d.state, DeviceState::Active);
        const auto list = certs(d.id);
        QCOMPARE(list.size(), 2);
        auto caPem = await(m_fx.engine().caCertificate());
        QVERIFY(caPem.ok());
        QTemporaryDir dir;
        QFile ca(dir.filePath(QStringLiteral("ca.pem")));
        ca.open(QIODevice::WriteOnly);
        ca.write(*caPem);
        ca.close();
        for (const CertificateRecord& c : list) {
            QCOMPARE(c.status, CertificateStatus::Active);
            const QByteArray pem = Certificate::fromDer(c.der)->toPem();
            auto v = run(QStringLiteral("openssl"), { QStringLiteral("verify"), QStringLiteral("-CAfile"), ca.fileName() }, pem);
            QVERIFY2(v.exitCode == 0, v.err.constData());
            QVERIFY(c.subject.contains(QStringLiteral("O=Lanyard Demo")));
        }
    }

    void disableEnableHoldsAndReleases()
    {
        const Device d = newDevice();
        const QString serial = certs(d.id).first().serial;
        QCOMPARE(act(d.id, DeviceOperation::Disable)->state, DeviceState::Disabled);
        QCOMPARE(certs(d.id).first().status, CertificateStatus::OnHold);
        QByteArray crl = crlText();
        QVERIFY(crl.contains(serial.toLatin1()));
        QVERIFY(crl.contains("Certificate Hold"));
        QCOMPARE(act(d.id, DeviceOperation::Enable)->state, DeviceState::Active);
        QCOMPARE(certs(d.id).first().status, CertificateStatus::Active);
        QVERIFY(!crlText().contains(serial.toLatin1()));
        // Enable twice is not a transition.
        auto again = act(d.id, DeviceOperation::Enable);
        QCOMPARE(again.error().code, ErrorCode::InvalidTransition);
    }

    void reasonIsRequiredForDisableAndCancel()
    {
        const Device d = newDevice();
        QCOMPARE(act(d.id, DeviceOperation::Disable, QString()).error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("reason-required"));
        QCOMPARE(act(d.id, DeviceOperation::Cancel, QStringLiteral("  ")).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(await(m_fx.engine().device(m_op, d.id))->state, DeviceState::Active);
    }

    void forgottenThenReinstated()
    {
        const Device d = newDevice();
        QCOMPARE(act(d.id, DeviceOperation::ReplaceForgotten)->state, DeviceState::Suspended);
        QCOMPARE(certs(d.id).first().status, CertificateStatus::OnHold);
        const qint64 tempJob = m_fx.scalar(QStringLiteral("SELECT id FROM jobs WHERE job_type = 'temporary-replacement' AND device_id = ?"), { d.id }).toLongLong();
        QVERIFY(tempJob > 0);
        // The temporary replacement is collected, then the original is found.
        auto code = await(m_fx.engine().regenerateCode(m_op, tempJob, true));
        QVERIFY2(code.ok(), qPrintable(code.ok() ? QString() : code.error().toLogString()));
        const Device temp = m_fx.collect(*code);
        QVERIFY(temp.expiresAt <= m_fx.now().addDays(7));
        QCOMPARE(act(d.id, DeviceOperation::Reinstate)->state, DeviceState::Active);
        QCOMPARE(certs(d.id).first().status, CertificateStatus::Active);
        QCOMPARE(await(m_fx.engine().device(m_op, temp.id))->state, DeviceState::Canceled);
        for (const CertificateRecord& c : certs(temp.id)) {
            QCOMPARE(c.status, CertificateStatus::Revoked);
            QCOMPARE(c.revocationReason, QStringLiteral("superseded"));
        }
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT status FROM jobs WHERE id = ?"), { tempJob }).toString(), QStringLiteral("completed"));
    }

    void replacementsRevokeWithTheRightReason_data()
    {
        QTest::addColumn<int>("op");
        QTest::addColumn<QString>("reason");
        QTest::newRow("lost") << int(DeviceOperation::ReplaceLost) << "keyCompromise";
        QTest::newRow("stolen") << int(DeviceOperation::ReplaceStolen) << "keyCompromise";
        QTest::newRow("damaged") << int(DeviceOperation::ReplaceDamaged) << "cessationOfOperation";
    }
    void replacementsRevokeWithTheRightReason()
    {
        QFETCH(int, op);
        QFETCH(QString, reason);
        const Device d = newDevice();
        QCOMPARE(act(d.id, DeviceOperation(op))->state, DeviceState::Canceled);
        for (const CertificateRecord& c : certs(d.id)) {
            QCOMPARE(c.status, CertificateStatus::Revoked);
            QCOMPARE(c.revocationReason, reason);
        }
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE job_type = 'replacement' AND device_id = ? AND status = 'awaiting-issue'"), { d.id }).toInt(), 1);
        // Canceled is terminal.
        for (DeviceOperation next : { DeviceOperation::Enable, DeviceOperation::Disable, DeviceOperation::Cancel, DeviceOperation::Reinstate })
            QCOMPARE(act(d.id, next).error().code, ErrorCode::InvalidTransition);
    }

    // A replacement comes with its code: shown to the operator when asked for, and collectable
    // at once; else sent by the profile's scheme, the answer saying what went to whom.
    void aReplacementShowsItsCodeWhenAsked()
    {
        const Device d = newDevice();
        auto c = change(d.id, DeviceOperation::ReplaceLost, true);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().toLogString()));
        QCOMPARE(c->device.state, DeviceState::Canceled);
        QVERIFY(c->replacement.has_value());
        QVERIFY(!c->replacementProblem.has_value());
        QCOMPARE(c->replacement->job.type, JobType::Replacement);
        QCOMPARE(c->replacement->job.status, JobStatus::AwaitingIssue);
        QCOMPARE(c->replacement->job.deviceId, d.id);
        QVERIFY(!c->replacement->code.isEmpty());
        const Device replacement = m_fx.collect(*c->replacement);
        QCOMPARE(replacement.ownerId, d.ownerId);
        QCOMPARE(replacement.state, DeviceState::Active);
        QVERIFY(replacement.id != d.id);
    }

    void aReplacementSendsItsCodeByTheScheme()
    {
        const Device d = newDevice();
        const QString email = m_fx.scalar(QStringLiteral("SELECT email FROM people WHERE id = ?"), { d.ownerId }).toString();
        QVERIFY(!email.isEmpty());
        auto c = change(d.id, DeviceOperation::ReplaceDamaged, false);
        QVERIFY(c.ok());
        QVERIFY(c->replacement.has_value());
        QVERIFY(c->replacement->code.isEmpty());
        QVERIFY(!c->replacement->notifications.isEmpty());
        for (const Notification& n : c->replacement->notifications)
            QCOMPARE(n.recipient, email);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM notifications WHERE job_id = ?"), { c->replacement->job.id }).toInt(),
            int(c->replacement->notifications.size()));
        QVERIFY(m_fx.scalar(QStringLiteral("SELECT code_hash FROM jobs WHERE id = ?"), { c->replacement->job.id }).toString().size() > 0);
    }

    // A stolen device is revoked even when its holder cannot be reached now: the replacement
    // waits for a new code, and the answer says why none went out.
    void aReplacementThatCannotReachItsHolderStillRevokes()
    {
        const Device d = newDevice();
        const QString email = m_fx.scalar(QStringLiteral("SELECT email FROM people WHERE id = ?"), { d.ownerId }).toString();
        const QString mobile = m_fx.scalar(QStringLiteral("SELECT mobile FROM people WHERE id = ?"), { d.ownerId }).toString();
        m_fx.execSql(QStringLiteral("UPDATE people SET email = '', mobile = '' WHERE id = ?"), { d.ownerId });
        auto c = change(d.id, DeviceOperation::ReplaceStolen, false);
        m_fx.execSql(QStringLiteral("UPDATE people SET email = ?, mobile = ? WHERE id = ?"), { email, mobile, d.ownerId });
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().toLogString()));
        QCOMPARE(c->device.state, DeviceState::Canceled);
        for (const CertificateRecord& cert : certs(d.id))
            QCOMPARE(cert.status, CertificateStatus::Revoked);
        QVERIFY(c->replacementProblem.has_value());
        QVERIFY(c->replacement.has_value());
        QVERIFY(c->replacement->code.isEmpty());
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM notifications WHERE job_id = ?"), { c->replacement->job.id }).toInt(), 0);
        QVERIFY(m_fx.scalar(QStringLiteral("SELECT code_hash FROM jobs WHERE id = ?"), { c->replacement->job.id }).toString().isEmpty());
        auto code = await(m_fx.engine().regenerateCode(m_op, c->replacement->job.id, true));
        QVERIFY(code.ok());
        QCOMPARE(m_fx.collect(*code).ownerId, d.ownerId);
    }

    // A replacement is a new credential: a profile that needs a second operator needs one here.
    void aReplacementOfAValidatedProfileAwaitsValidation()
    {
        const qint64 validated = m_fx.profileIdByName(QStringLiteral("Mobile Identity (validated)"));
        auto r = await(m_fx.engine().requestCredential(m_op, m_person, validated, true));
        QVERIFY(r.ok());
        const OperatorSession validator = m_fx.logon(QStringLiteral("validator"), QString::fromLatin1(DemoDataGenerator::kOperatorPassword));
        auto approved = await(m_fx.engine().validateRequest(validator, r->job.id, true, true));
        QVERIFY2(approved.ok(), qPrintable(approved.ok() ? QString() : approved.error().toLogString()));
        const Device d = m_fx.collect(*approved);
        auto c = change(d.id, DeviceOperation::ReplaceLost, true);
        QVERIFY(c.ok());
        QCOMPARE(c->device.state, DeviceState::Canceled);
        QVERIFY(c->replacement.has_value());
        QCOMPARE(c->replacement->job.status, JobStatus::AwaitingValidation);
        QVERIFY(c->replacement->code.isEmpty());
        QVERIFY(m_fx.scalar(QStringLiteral("SELECT code_hash FROM jobs WHERE id = ?"), { c->replacement->job.id }).toString().isEmpty());
    }

    // Renewal: new keys into the same device, on the phone that holds it; the old certificates
    // work until the phone confirms the new ones, and an interrupted renewal leaves them be.
    void aRenewalGoesIntoTheSameDeviceAndSupersedesOnlyOnConfirm()
    {
        const Device d = newDevice();
        const QList<CertificateRecord> before = certs(d.id);
        auto r = await(m_fx.engine().requestRenewal(m_op, d.id, false, true));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toLogString()));
        QCOMPARE(r->job.type, JobType::Renewal);
        QCOMPARE(r->job.deviceId, d.id);
        QVERIFY(!r->code.isEmpty());
        QCOMPARE(await(m_fx.engine().requestRenewal(m_op, d.id, true, true)).error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("renewal-open"));

        // Another phone with the code is refused, and the code still works.
        CollectionStart elsewhere { r->job.collectionToken, r->code, {} };
        elsewhere.device.hardwareSerial = QStringLiteral("ANOTHER-PHONE");
        auto refused = await(m_fx.engine().startCollection(elsewhere));
        QCOMPARE(refused.error().code, ErrorCode::DeviceNotAllowed);
        QCOMPARE(refused.error().args.value(QStringLiteral("restriction")).toString(), QStringLiteral("same-device"));

        // Interrupted after issuing: the device and its certificates are as they were.
        CollectionStart here { r->job.collectionToken, r->code, {} };
        here.device.hardwareSerial = QStringLiteral("TEST-PHONE");
        auto session = await(m_fx.engine().startCollection(here));
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toLogString()));
        CollectionSubmission submission;
        submission.sessionId = session->id;
        for (const RequestedCertificate& c : session->certificates)
            submission.requests << (c.serverKey ? QByteArray() : makeCsr(KeyAlgorithm::EcP256));
        QVERIFY(await(m_fx.engine().submitCollection(submission)).ok());
        QVERIFY(await(m_fx.engine().abandonCollection(session->id, QStringLiteral("phone switched off"))).ok());
        QCOMPARE(await(m_fx.engine().device(m_op, d.id))->state, DeviceState::Active);
        for (const CertificateRecord& c : certs(d.id)) {
            const bool old = std::any_of(before.cbegin(), before.cend(), [&c](const CertificateRecord& b) { return b.serial == c.serial; });
            QCOMPARE(c.status, old ? CertificateStatus::Active : CertificateStatus::Revoked);
        }

        // Collected: the same device, new certificates, the old ones superseded.
        m_fx.advanceClock(60); // within the code's hour
        const Device renewed = m_fx.collect(*r);
        QCOMPARE(renewed.id, d.id);
        QVERIFY(renewed.expiresAt > d.expiresAt);
        int fresh = 0;
        for (const CertificateRecord& c : certs(d.id)) {
            const bool old = std::any_of(before.cbegin(), before.cend(), [&c](const CertificateRecord& b) { return b.serial == c.serial; });
            if (old) {
                QCOMPARE(c.status, CertificateStatus::Revoked);
                QCOMPARE(c.revocationReason, QStringLiteral("superseded"));
            } else if (c.status == CertificateStatus::Active) {
                ++fresh;
            }
        }
        QCOMPARE(fresh, int(before.size()));
    }

    // A renewal's code must not bring certificates to a device that was disabled or cancelled
    // meanwhile: waiting renewals end with it, and one under way is refused.
    void aDeviceThatStopsBeingActiveEndsItsRenewal()
    {
        const Device d = newDevice();
        auto r = await(m_fx.engine().requestRenewal(m_op, d.id, false, true));
        QVERIFY(r.ok());
        QCOMPARE(act(d.id, DeviceOperation::Disable, QStringLiteral("in repair"))->state, DeviceState::Disabled);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT status FROM jobs WHERE id = ?"), { r->job.id }).toString(), jobStatusId(JobStatus::Cancelled));
        CollectionStart here { r->job.collectionToken, r->code, {} };
        here.device.hardwareSerial = QStringLiteral("TEST-PHONE");
        QVERIFY(!await(m_fx.engine().startCollection(here)).ok());
        QCOMPARE(await(m_fx.engine().requestRenewal(m_op, d.id, false, true)).error().code, ErrorCode::InvalidTransition);

        QCOMPARE(act(d.id, DeviceOperation::Enable)->state, DeviceState::Active);
        auto again = await(m_fx.engine().requestRenewal(m_op, d.id, true, true));
        QVERIFY(again.ok());
        CollectionStart start { again->job.collectionToken, again->code, {} };
        start.device.hardwareSerial = QStringLiteral("TEST-PHONE");
        auto session = await(m_fx.engine().startCollection(start));
        QVERIFY(session.ok());
        QCOMPARE(act(d.id, DeviceOperation::Disable, QStringLiteral("lost for a day"))->state, DeviceState::Disabled);
        CollectionSubmission submission;
        submission.sessionId = session->id;
        for (const RequestedCertificate& c : session->certificates)
            submission.requests << (c.serverKey ? QByteArray() : makeCsr(KeyAlgorithm::EcP256));
        QCOMPARE(await(m_fx.engine().submitCollection(submission)).error().code, ErrorCode::InvalidTransition);
        for (const CertificateRecord& c : certs(d.id))
            QVERIFY(c.status != CertificateStatus::Active); // on hold with the device, none new
    }

    // The holder renews their own identity in Self-Service, within the window before expiry;
    // earlier, or with the window at 0, the helpdesk does; never someone else's.
    void theHolderRenewsTheirOwnWithinTheWindow()
    {
        const qint64 holder = m_fx.createOperator(QStringLiteral("renewer"), QStringLiteral("Sales"), Scope::Self, { Workflow::RequestMyId });
        m_fx.execSql(QStringLiteral("INSERT INTO person_roles (person_id, role_id) SELECT ?, id FROM roles WHERE name = 'End User'"), { holder });
        auto issued = await(m_fx.engine().requestCredential(m_op, holder, m_profile, true));
        QVERIFY2(issued.ok(), qPrintable(issued.ok() ? QString() : issued.error().toLogString()));
        const Device d = m_fx.collect(*issued);
        const OperatorSession self = m_fx.logon(QStringLiteral("renewer"));
        auto early = await(m_fx.engine().requestRenewal(self, d.id, false, true));
        QCOMPARE(early.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("renewal-window"));
        QVERIFY(qAbs(QDateTime::fromString(early.error().args.value(QStringLiteral("opensAt")).toString(), Qt::ISODate).secsTo(d.expiresAt.addDays(-30))) <= 1);
        QCOMPARE(await(m_fx.engine().requestRenewal(self, d.id, true, true)).error().code, ErrorCode::PermissionDenied); // update: the helpdesk's
        const Device other = newDevice(); // someone else's
        QCOMPARE(await(m_fx.engine().requestRenewal(self, other.id, false, true)).error().code, ErrorCode::PermissionDenied);

        m_fx.advanceClock(qint64(d.expiresAt.toSecsSinceEpoch() - m_fx.now().toSecsSinceEpoch()) - 10 * 86400);
        // Sessions ended meanwhile: log on again.
        m_op = m_fx.demoOperator();
        const OperatorSession later = m_fx.logon(QStringLiteral("renewer"));
        auto own = await(m_fx.engine().requestRenewal(later, d.id, false, true));
        QVERIFY2(own.ok(), qPrintable(own.ok() ? QString() : own.error().toLogString()));
        QCOMPARE(own->job.status, JobStatus::AwaitingIssue);
        QVERIFY(!own->code.isEmpty());
        QCOMPARE(m_fx.collect(*own).id, d.id);

        m_fx.execSql(QStringLiteral("DELETE FROM settings WHERE key = 'renewal.windowDays'"));
        m_fx.execSql(QStringLiteral("INSERT INTO settings (key, value) VALUES ('renewal.windowDays', '0')"));
        auto helpdeskOnly = await(m_fx.engine().requestRenewal(later, d.id, false, true));
        QCOMPARE(helpdeskOnly.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("renewal-window"));
        QVERIFY(helpdeskOnly.error().args.value(QStringLiteral("opensAt")).toString().isEmpty());
        m_fx.execSql(QStringLiteral("DELETE FROM settings WHERE key = 'renewal.windowDays'"));
    }

    void cancelRevokesAndShowsInCrl()
    {
        const Device d = newDevice();
        const QString serial = certs(d.id).first().serial;
        QCOMPARE(act(d.id, DeviceOperation::Cancel, QStringLiteral("left the company"), RevocationReason::AffiliationChanged)->state, DeviceState::Canceled);
        const QByteArray crl = crlText();
        QVERIFY(crl.contains(serial.toLatin1()));
        QVERIFY(crl.contains("Affiliation Changed"));
        auto audit = await(m_fx.engine().audit(m_op, AuditQuery { 0, d.id, 0, {}, {}, {}, {}, 0, 50 }));
        QVERIFY(audit.ok());
        QVERIFY(!audit->isEmpty());
        QVERIFY(audit->first().details.contains(QStringLiteral("left the company")));
        QVERIFY(audit->first().details.contains(QStringLiteral("revoked (affiliationChanged)")));
    }

    // Credential group: without "cancel the previous one" a second device of the group is
    // refused; with it, the new device's confirmation cancels the earlier one and revokes its
    // certificates (superseded). A device issued before the group was set belongs to it too.
    void aCredentialGroupHoldsOneDevicePerPerson()
    {
        const qint64 person = m_person - 1; // a demo person with no device yet
        auto first = await(m_fx.engine().requestCredential(m_op, person, m_profile, true));
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toLogString()));
        const Device earlier = m_fx.collect(*first);

        auto setGroup = [&](bool cancelPrevious) {
            const qint64 current = m_fx.profileIdByName(QStringLiteral("Mobile Identity"));
            auto p = await(m_fx.engine().runTask<CredentialProfile>([current](const EngineContext& ctx, QSqlDatabase db) { return ProfileService(ctx, db).profile(current); }));
            if (!p)
                qFatal("profile: %s", qPrintable(p.error().toLogString()));
            CredentialProfile edited = *p;
            edited.credentialGroup = QStringLiteral("phone");
            edited.cancelPrevious = cancelPrevious;
            auto saved = await(m_fx.engine().saveCredentialProfile(m_op, edited));
            if (!saved)
                qFatal("save: %s", qPrintable(saved.error().toLogString()));
            m_profile = *saved;
        };

        setGroup(false);
        auto refused = await(m_fx.engine().requestCredential(m_op, person, m_profile, true));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        QCOMPARE(refused.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("group-held"));
        QCOMPARE(refused.error().args.value(QStringLiteral("device")).toString(), earlier.serial);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE person_id = ? AND status <> 'completed'"), { person }).toInt(), 0);

        setGroup(true);
        auto second = await(m_fx.engine().requestCredential(m_op, person, m_profile, true));
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().toLogString()));
        // Until the new device is confirmed the earlier one stays in use.
        QCOMPARE(await(m_fx.engine().device(m_op, earlier.id))->state, DeviceState::Active);
        const Device replacing = m_fx.collect(*second);
        QCOMPARE(replacing.state, DeviceState::Active);
        QCOMPARE(await(m_fx.engine().device(m_op, earlier.id))->state, DeviceState::Canceled);
        for (const CertificateRecord& c : certs(earlier.id)) {
            QCOMPARE(c.status, CertificateStatus::Revoked);
            QCOMPARE(c.revocationReason, QStringLiteral("superseded"));
            QVERIFY(crlText().contains(c.serial.toLatin1()));
        }
        for (const CertificateRecord& c : certs(replacing.id))
            QCOMPARE(c.status, CertificateStatus::Active);
        const QString trail = m_fx.scalar(QStringLiteral("SELECT details FROM audit_events WHERE workflow = 'collect' ORDER BY seq DESC LIMIT 1")).toString();
        QVERIFY2(trail.contains(earlier.serial) && trail.contains(QStringLiteral("group phone")), qPrintable(trail));

        // A temporary replacement of the new device does not cancel the device it stands in for.
        QCOMPARE(act(replacing.id, DeviceOperation::ReplaceForgotten)->state, DeviceState::Suspended);
        const qint64 tempJob = m_fx.scalar(QStringLiteral("SELECT id FROM jobs WHERE job_type = 'temporary-replacement' AND device_id = ?"), { replacing.id }).toLongLong();
        auto code = await(m_fx.engine().regenerateCode(m_op, tempJob, true));
        QVERIFY2(code.ok(), qPrintable(code.ok() ? QString() : code.error().toLogString()));
        m_fx.collect(*code);
        QCOMPARE(await(m_fx.engine().device(m_op, replacing.id))->state, DeviceState::Suspended);
        QCOMPARE(act(replacing.id, DeviceOperation::Reinstate)->state, DeviceState::Active);
    }

    void unknownDeviceIsNotFound()
    {
        QCOMPARE(act(999999, DeviceOperation::Disable).error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestEngineLifecycle)
#include "tst_EngineLifecycle.moc"
