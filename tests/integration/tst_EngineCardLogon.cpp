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

        // Collected the way the agent does, keeping the keys.
        CollectionStart start { issued->job.collectionToken, issued->code, {} };
        start.device.dnsName = QStringLiteral("pc-3.corp.example.test");
        auto session = await(m_fx.engine().startCollection(start));
        QVERIFY(session.ok());
        CollectionSubmission submission;
        submission.sessionId = session->id;
        QList<PrivateKey> keys;
        for (const RequestedCertificate& c : session->certificates) {
            auto key = PrivateKey::generate(c.keyAlgorithms.value(0, KeyAlgorithm::Rsa2048));
            QVERIFY(key.ok());
            keys << *key;
            auto csr = CertificateRequest::create(*key, QStringLiteral("cara"));
            QVERIFY(csr.ok());
            submission.requests << *csr;
        }
        QVERIFY(await(m_fx.engine().submitCollection(submission)).ok());
        auto device = await(m_fx.engine().confirmCollection(session->id));
        QVERIFY(device.ok());
        m_device = *device;

        auto certificates = await(m_fx.engine().certificatesOf(m_op, m_device.id));
        QVERIFY(certificates.ok() && !certificates->isEmpty());
        // Which key belongs to the first certificate: the one whose signature it verifies.
        auto certificate = Certificate::fromDer(certificates->first().der);
        QVERIFY(certificate.ok());
        for (const PrivateKey& key : keys) {
            if (certificate->verifySignature("which", *key.signSha256("which")).ok())
                m_key = key;
        }
        QVERIFY(!m_key.isNull());
        m_certificate = certificate->toDer();
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

    void openChallengesAreCapped()
    {
        // Anyone may ask for a challenge, so their number is bounded.
        m_fx.execSql(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
                                    "INSERT INTO card_logon_challenges (challenge, expires_at) SELECT 'filler' || i, ? FROM n"),
            { CardLogonService::kMaxOpenChallenges, m_fx.now().addSecs(60).toMSecsSinceEpoch() });
        auto busy = await(m_fx.engine().cardLogonChallenge());
        QVERIFY(!busy.ok());
        QCOMPARE(busy.error().code, ErrorCode::ServiceBusy);
        m_fx.advanceClock(61); // the filler expires and is cleared on the next request
        QVERIFY(await(m_fx.engine().cardLogonChallenge()).ok());
    }
};

QTEST_GUILESS_MAIN(TestEngineCardLogon)
#include "tst_EngineCardLogon.moc"
