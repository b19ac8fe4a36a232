// Logon with a card Lanyard issued, through the embedded engine: a challenge signed by the key
// of a certificate the engine issued logs its holder on, once; an expired challenge, a wrong
// signature, a certificate the engine did not issue (even one that differs by a byte), a
// device that is no longer in use and a disabled account are refused, and every attempt is
// audited. The same rules serve the server's /api/v1/logon/card (tst_vsc_card drives that one
// with a real card).
#include "TestSupport.h"
#include "engine/CardLogonService.h"
#include "pki/Certificate.h"
#include "pki/CertificateRequest.h"
#include "pki/PrivateKey.h"

#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

class TestEngineCardLogon : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    OperatorSession m_op;
    qint64 m_holder = 0;
    Device m_device;
    QByteArray m_certificate;
    PrivateKey m_key;

    QByteArray challenge()
    {
        auto c = await(m_fx.engine().cardLogonChallenge());
        if (!c) {
            QTest::qFail(qPrintable(c.error().toLogString()), __FILE__, __LINE__);
            return {};
        }
        return *c;
    }

    Result<OperatorSession> logOnWith(const QByteArray& certificate, const QByteArray& challenge, const PrivateKey& key)
    {
        auto signature = key.signSha256(challenge);
        if (!signature)
            return signature.error();
        return await(m_fx.engine().logonWithCard(certificate, challenge, *signature));
    }

    struct Collected {
        Device device;
        PrivateKey key;
        QByteArray certificate; // the device's first certificate, whose key is `key`
    };
    // Collected the way the agent does, keeping the key of the first certificate.
    Collected collectKeepingKey(const IssuedRequest& issued, const QString& dnsName = {})
    {
        Collected out;
        CollectionStart start { issued.job.collectionToken, issued.code, {} };
        start.device.dnsName = dnsName;
        start.device.hardwareSerial = dnsName.isEmpty() ? QStringLiteral("PHONE-1") : QString();
        start.device.platform = dnsName.isEmpty() ? QStringLiteral("Android") : QString();
        auto session = await(m_fx.engine().startCollection(start));
        if (!session)
            return out;
        CollectionSubmission submission;
        submission.sessionId = session->id;
        QList<PrivateKey> keys;
        for (const RequestedCertificate& c : session->certificates) {
            auto key = PrivateKey::generate(c.keyAlgorithms.value(0, KeyAlgorithm::Rsa2048));
            if (!key)
                return out;
            auto csr = CertificateRequest::create(*key, QStringLiteral("holder"));
            if (!csr)
                return out;
            keys << *key;
            submission.requests << *csr;
        }
        if (!await(m_fx.engine().submitCollection(submission)))
            return out;
        auto device = await(m_fx.engine().confirmCollection(session->id));
        if (!device)
            return out;
        auto certificates = await(m_fx.engine().certificatesOf(m_op, device->id));
        if (!certificates || certificates->isEmpty())
            return out;
        // Which key belongs to the first certificate: the one whose signature it verifies.
        auto certificate = Certificate::fromDer(certificates->first().der);
        for (const PrivateKey& key : keys) {
            if (certificate && certificate->verifySignature("which", *key.signSha256("which")).ok())
                out.key = key;
        }
        out.device = *device;
        out.certificate = certificate ? certificate->toDer() : QByteArray();
        return out;
    }

    static QString problem(const Error& e) { return e.args.value(QStringLiteral("problem")).toString(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.open();
        m_fx.seedDemo(20, 0);
        m_op = m_fx.demoOperator();
        m_holder = m_fx.createOperator(QStringLiteral("cara"), QStringLiteral("Sales"), Scope::Self, { Workflow::RequestMyId });
        // The demo's End User role, for whom the helpdesk may request virtual smart cards.
        m_fx.execSql(QStringLiteral("INSERT INTO person_roles (person_id, role_id) SELECT ?, id FROM roles WHERE name = 'End User'"), { m_holder });
        auto issued = await(m_fx.engine().requestCredential(m_op, m_holder, m_fx.profileIdByName(QStringLiteral("Virtual Smart Card")), true));
        QVERIFY2(issued.ok(), issued.ok() ? "" : qPrintable(issued.error().toLogString()));

        auto card = collectKeepingKey(*issued, QStringLiteral("pc-3.corp.example.test"));
        QVERIFY(card.device.id > 0 && !card.key.isNull());
        m_device = card.device;
        m_key = card.key;
        m_certificate = card.certificate;
    }

    void theCardLogsItsHolderOn()
    {
        const QByteArray c = challenge();
        QCOMPARE(c.size(), 32);
        auto session = logOnWith(m_certificate, c, m_key);
        QVERIFY2(session.ok(), session.ok() ? "" : qPrintable(session.error().toLogString()));
        QCOMPARE(session->personId, m_holder);
        QCOMPARE(session->logonName, QStringLiteral("cara"));
        // A real session: the engine answers as Cara.
        auto workflows = await(m_fx.engine().workflows(*session));
        QVERIFY(workflows.ok());
        QVERIFY(workflows->contains(Workflow::RequestMyId));

        auto audit = await(m_fx.engine().audit(m_op, AuditQuery { m_holder, 0, 0, QStringLiteral("logon"), {}, {}, {}, 0, 10 }));
        QVERIFY(audit.ok() && !audit->isEmpty());
        QCOMPARE(audit->first().outcome, QStringLiteral("success"));
        QCOMPARE(audit->first().details, QStringLiteral("with card %1").arg(m_device.serial));
    }

    void aChallengeIsGoodOnceAndNotForLong()
    {
        const QByteArray c = challenge();
        QVERIFY(logOnWith(m_certificate, c, m_key).ok());
        auto again = logOnWith(m_certificate, c, m_key);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::PossessionFailed);
        QCOMPARE(problem(again.error()), QStringLiteral("challenge-expired"));

        const QByteArray late = challenge();
        m_fx.advanceClock(121);
        auto expired = logOnWith(m_certificate, late, m_key);
        QVERIFY(!expired.ok());
        QCOMPARE(problem(expired.error()), QStringLiteral("challenge-expired"));

        // A challenge nobody was given proves nothing either.
        auto invented = logOnWith(m_certificate, QByteArray(32, 'x'), m_key);
        QVERIFY(!invented.ok());
        QCOMPARE(problem(invented.error()), QStringLiteral("challenge-expired"));
    }

    void aSignatureByAnotherKeyIsRefusedAndSpendsTheChallenge()
    {
        auto stranger = PrivateKey::generate(KeyAlgorithm::Rsa2048);
        QVERIFY(stranger.ok());
        const QByteArray c = challenge();
        auto refused = logOnWith(m_certificate, c, *stranger);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::PossessionFailed);
        QVERIFY(problem(refused.error()).isEmpty());
        auto late = logOnWith(m_certificate, c, m_key); // the right key, but the challenge is gone
        QVERIFY(!late.ok());
        QCOMPARE(problem(late.error()), QStringLiteral("challenge-expired"));

        auto audit = await(m_fx.engine().audit(m_op, AuditQuery { m_holder, 0, 0, QStringLiteral("logon"), {}, {}, {}, 0, 10 }));
        QVERIFY(audit.ok() && !audit->isEmpty());
        QCOMPARE(audit->first().outcome, QStringLiteral("refused"));
    }

    void aCertificateTheEngineDidNotIssueIsRefused()
    {
        // The same serial and key, one byte of the signature changed: not the certificate issued.
        QByteArray altered = m_certificate;
        altered[altered.size() - 1] = char(altered.at(altered.size() - 1) ^ 0x01);
        QVERIFY(Certificate::fromDer(altered).ok());
        auto refused = logOnWith(altered, challenge(), m_key);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::LogonFailed);
        QCOMPARE(problem(refused.error()), QStringLiteral("card-unknown"));

        auto garbage = logOnWith("not a certificate", challenge(), m_key);
        QVERIFY(!garbage.ok());
        QCOMPARE(problem(garbage.error()), QStringLiteral("card-unknown"));
    }

    void aCardNoLongerInUseIsRefused()
    {
        auto disabled = await(m_fx.engine().changeDevice(m_op, m_device.id, DeviceAction { DeviceOperation::Disable, RevocationReason::CessationOfOperation, QStringLiteral("left on a train"), {} }));
        QVERIFY2(disabled.ok(), disabled.ok() ? "" : qPrintable(disabled.error().toLogString()));
        auto refused = logOnWith(m_certificate, challenge(), m_key);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::LogonFailed);
        QCOMPARE(problem(refused.error()), QStringLiteral("card-not-usable"));

        auto enabled = await(m_fx.engine().changeDevice(m_op, m_device.id, DeviceAction { DeviceOperation::Enable, RevocationReason::CessationOfOperation, QStringLiteral("found it"), {} }));
        QVERIFY2(enabled.ok(), enabled.ok() ? "" : qPrintable(enabled.error().toLogString()));
        QVERIFY(logOnWith(m_certificate, challenge(), m_key).ok());
    }

    void aDisabledAccountIsRefused()
    {
        m_fx.execSql(QStringLiteral("UPDATE people SET enabled = 0 WHERE id = ?"), { m_holder });
        auto refused = logOnWith(m_certificate, challenge(), m_key);
        m_fx.execSql(QStringLiteral("UPDATE people SET enabled = 1 WHERE id = ?"), { m_holder });
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::AccountDisabled);
    }

    void aPhoneIdentityIsNotACard()
    {
        // The escalation once found: an operator collected a phone identity for someone with a
        // code they saw, then logged on with it as that person. Only cards log on.
        auto issued = await(m_fx.engine().requestCredential(m_op, m_holder, m_fx.profileIdByName(QStringLiteral("Mobile Identity")), true));
        QVERIFY2(issued.ok(), issued.ok() ? "" : qPrintable(issued.error().toLogString()));
        auto phone = collectKeepingKey(*issued);
        QVERIFY(phone.device.id > 0 && !phone.key.isNull());
        QCOMPARE(phone.device.type, CardEncoding::IdentityAgent);
        auto refused = logOnWith(phone.certificate, challenge(), phone.key);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::LogonFailed);
        QCOMPARE(problem(refused.error()), QStringLiteral("not-a-card"));
        auto audit = await(m_fx.engine().audit(m_op, AuditQuery { m_holder, 0, 0, QStringLiteral("logon"), {}, {}, {}, 0, 10 }));
        QVERIFY(audit.ok() && !audit->isEmpty());
        QCOMPARE(audit->first().outcome, QStringLiteral("refused"));
        QVERIFY2(audit->first().details.contains(phone.device.serial), qPrintable(audit->first().details));
    }

    void openChallengesAreCapped()
    {
        // Anyone may ask for a challenge, so their number is bounded.
        m_fx.execSql(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
                                    "INSERT INTO card_logon_challenges (challenge, expires_at) SELECT 'filler' || i, ? FROM n"),
            { CardLogonService::kMaxOpenChallenges, m_fx.now().addSecs(60).toMSecsSinceEpoch() });
        auto busy = await(m_fx.engine().cardLogonChallenge());
        QVERIFY(!busy.ok());
        QCOMPARE(busy.error().code, ErrorCode::ServiceBusy);
        QVERIFY(!busy.error().detail.contains(QString::number(CardLogonService::kMaxOpenChallenges))); // no count for strangers
        m_fx.advanceClock(61); // the filler expires and is cleared on the next request
        QVERIFY(await(m_fx.engine().cardLogonChallenge()).ok());
    }

    void oneClientCannotHoldEveryChallenge()
    {
        // Once, one client opened 10,000 challenges in 2 s and locked every card logon out.
        for (int i = 0; i < CardLogonService::kMaxOpenChallengesPerClient; ++i)
            QVERIFY(await(m_fx.engine().cardLogonChallengeFor(QStringLiteral("192.0.2.7"))).ok());
        auto refused = await(m_fx.engine().cardLogonChallengeFor(QStringLiteral("192.0.2.7")));
        QCOMPARE(refused.error().code, ErrorCode::ServiceBusy);
        // Anyone else still logs on with their card.
        const QByteArray c = *await(m_fx.engine().cardLogonChallengeFor(QStringLiteral("192.0.2.8")));
        QVERIFY(logOnWith(m_certificate, c, m_key).ok());
    }
};

QTEST_GUILESS_MAIN(TestEngineCardLogon)
#include "tst_EngineCardLogon.moc"
