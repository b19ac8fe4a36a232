#include "TestSupport.h"
#include "pki/UnlockCode.h"
#include "storage/Database.h"

#include <QMessageAuthenticationCode>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/hmac.h>

using namespace lanyard;
using namespace lanyard::test;

class TestEngineUnlock : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    OperatorSession m_op;
    qint64 m_device = 0;

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.open();
        m_fx.seedDemo(10, 2);
        m_op = m_fx.demoOperator();
        m_device = m_fx.firstDeviceId();
    }

    void truncationMatchesRfc4226()
    {
        // RFC 4226 appendix D: HMAC-SHA1 there; here the same dynamic truncation over SHA-256,
        // checked against OpenSSL's HMAC computed independently.
        const QByteArray key("12345678901234567890123456789012");
        const QString challenge = QStringLiteral("00000000");
        unsigned char mac[EVP_MAX_MD_SIZE];
        unsigned int len = 0;
        HMAC(EVP_sha256(), key.constData(), int(key.size()), reinterpret_cast<const unsigned char*>("00000000"), 8, mac, &len);
        const int offset = mac[len - 1] & 0x0F;
        const quint32 bin = (quint32(mac[offset] & 0x7F) << 24) | (quint32(mac[offset + 1]) << 16) | (quint32(mac[offset + 2]) << 8) | mac[offset + 3];
        QCOMPARE(UnlockCode::response(key, challenge), QStringLiteral("%1").arg(bin % 100000000u, 8, 10, QLatin1Char('0')));
    }

    void engineAnswersWithTheDevicesKey()
    {
        auto code = await(m_fx.engine().unlockCode(m_op, m_device, QStringLiteral("8765 4321"), {}));
        QVERIFY2(code.ok(), qPrintable(code.ok() ? QString() : code.error().toLogString()));
        QCOMPARE(code->size(), 9);
        // What the agent would compute with the key it received.
        auto expected = await(m_fx.engine().runTask<QString>([this](const EngineContext& ctx, QSqlDatabase db) -> Result<QString> {
            auto row = fetchOne(db, QStringLiteral("SELECT unlock_key_wrapped FROM devices WHERE id = ?"), { m_device });
            if (!row)
                return row.error();
            auto key = ctx.keyWrapper->unwrap(row->value("unlock_key_wrapped").toByteArray(), "unlock-key");
            if (!key)
                return key.error();
            return UnlockCode::group(UnlockCode::response(*key, QStringLiteral("87654321")));
        }));
        QCOMPARE(*code, *expected);
        // Another challenge, another code; the audit records the act, not the secrets.
        QVERIFY(*await(m_fx.engine().unlockCode(m_op, m_device, QStringLiteral("87654322"), {})) != *code);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE workflow = 'unlock-credential' AND device_id = ?"), { m_device }).toInt(), 2);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE details LIKE ?"), { QStringLiteral("%8765%") }).toInt(), 0);
    }

    // The setting is a policy: with it on, no unlock code is given without the biometric
    // check nobody here can make.
    void biometricsOnUnlockRefusesAnUnlock()
    {
        const int before = m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE workflow = 'unlock-credential'")).toInt();
        QString error;
        QVERIFY2(m_fx.configure(m_op, { { QStringLiteral("biometrics.verifyOnUnlock"), QStringLiteral("true") } }, &error), qPrintable(error));
        auto refused = await(m_fx.engine().unlockCode(m_op, m_device, QStringLiteral("12345678"), {}));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::BiometricsIncompatible);
        QCOMPARE(refused.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("biometric-unlock"));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE workflow = 'unlock-credential'")).toInt(), before);
        QVERIFY2(m_fx.configure(m_op, { { QStringLiteral("biometrics.verifyOnUnlock"), QStringLiteral("false") } }, &error), qPrintable(error));
        QVERIFY(await(m_fx.engine().unlockCode(m_op, m_device, QStringLiteral("12345678"), {})));
    }

    void refusals()
    {
        QCOMPARE(await(m_fx.engine().unlockCode(m_op, m_device, QStringLiteral("1234"), {})).error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("challenge-length"));
        QCOMPARE(await(m_fx.engine().unlockCode(m_op, m_device, QStringLiteral("1234abcd"), {})).error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("challenge-format"));
        m_fx.createOperator(QStringLiteral("nounlock"), QStringLiteral("Sales"), Scope::All, { Workflow::FindPerson });
        QCOMPARE(await(m_fx.engine().unlockCode(m_fx.logon(QStringLiteral("nounlock")), m_device, QStringLiteral("12345678"), {})).error().code, ErrorCode::PermissionDenied);
        // Workflow granted but no Can Unlock on the profile's role matrix.
        m_fx.createOperator(QStringLiteral("matrixless"), QStringLiteral("Sales"), Scope::All, { Workflow::FindPerson, Workflow::UnlockCredential });
        auto refused = await(m_fx.engine().unlockCode(m_fx.logon(QStringLiteral("matrixless")), m_device, QStringLiteral("12345678"), {}));
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        DeviceAction disable { DeviceOperation::Disable, RevocationReason::CessationOfOperation, QStringLiteral("r"), {} };
        QVERIFY(await(m_fx.engine().changeDevice(m_op, m_device, disable)).ok());
        QCOMPARE(await(m_fx.engine().unlockCode(m_op, m_device, QStringLiteral("12345678"), {})).error().code, ErrorCode::InvalidTransition);
    }

    // The holder's own questions, asked by the helpdesk before an unlock; guessing at the
    // helpdesk's pace stops after three wrong tries.
    void securityQuestionsComeBeforeTheCode()
    {
        const auto problem = [](const auto& r) { return r.error().args.value(QStringLiteral("problem")).toString(); };
        const qint64 quiz = m_fx.createOperator(QStringLiteral("quiz"), QStringLiteral("Sales"), Scope::Self, { Workflow::RequestMyId });
        m_fx.execSql(QStringLiteral("INSERT INTO person_roles (person_id, role_id) SELECT ?, id FROM roles WHERE name = 'End User'"), { quiz });
        auto req = await(m_fx.engine().requestCredential(m_op, quiz, m_fx.profileIdByName(QStringLiteral("Mobile Identity")), true));
        QVERIFY(req.ok());
        const qint64 device = m_fx.collect(*req).id;
        const OperatorSession me = m_fx.logon(QStringLiteral("quiz"));
        const auto set = [&](const QStringList& q, const QStringList& a) { return await(m_fx.engine().setSecurityQuestions(me, q, a)); };
        const QString challenge = QStringLiteral("24681357");
        const auto unlock = [&](const QStringList& answers) { return await(m_fx.engine().unlockCode(m_op, device, challenge, answers)); };
        const QString plainCode = *unlock({});

        QCOMPARE(problem(set({ QStringLiteral("Pet?"), QStringLiteral("Town?") }, { QStringLiteral("rex"), QStringLiteral("bath") })), QStringLiteral("security-question-count"));
        QCOMPARE(problem(set({ QStringLiteral("Pet?"), QStringLiteral("pet?"), QStringLiteral("Town?") }, { QStringLiteral("rex"), QStringLiteral("max"), QStringLiteral("bath") })),
            QStringLiteral("security-question-repeated"));
        QCOMPARE(problem(set({ QStringLiteral("Pet?"), QStringLiteral("School?"), QStringLiteral("Town?") }, { QStringLiteral("rex"), QStringLiteral(" a "), QStringLiteral("bath") })),
            QStringLiteral("security-answer-length"));

        QString error;
        QVERIFY2(m_fx.configure(m_op, { { QStringLiteral("unlock.checkSecurityQuestions"), QStringLiteral("true") } }, &error), qPrintable(error));
        QCOMPARE(problem(unlock({})), QStringLiteral("security-questions-unset"));
        const QStringList questions { QStringLiteral("First pet?"), QStringLiteral("First school?"), QStringLiteral("Home town?") };
        QVERIFY(set(questions, { QStringLiteral("Rex"), QStringLiteral("St Mary's"), QStringLiteral("Bristol") }).ok());
        // The helpdesk reads the questions, never the answers; nobody out of scope reads them.
        QCOMPARE(*await(m_fx.engine().securityQuestions(m_op, quiz)), questions);
        QCOMPARE(*await(m_fx.engine().securityQuestions(me, quiz)), questions);
        QVERIFY(!await(m_fx.engine().securityQuestions(m_fx.logon(QStringLiteral("nounlock")), quiz)).ok());
        QVERIFY(!m_fx.scalar(QStringLiteral("SELECT answer_hash FROM security_answers WHERE person_id = ? AND position = 1"), { quiz }).toString().contains(QLatin1String("Rex")));

        QCOMPARE(problem(unlock({})), QStringLiteral("security-answers-missing"));
        const QStringList wrong { QStringLiteral("Rex"), QStringLiteral("St Marys"), QStringLiteral("Bristol") };
        for (int left : { 2, 1, 0 }) {
            auto refused = unlock(wrong);
            QCOMPARE(problem(refused), QStringLiteral("security-answers-wrong"));
            QCOMPARE(refused.error().args.value(QStringLiteral("triesLeft")).toInt(), left); // counted, although the unlock failed
        }
        const QStringList right { QStringLiteral("  rex "), QStringLiteral("ST  MARY'S"), QStringLiteral("bristol") };
        QCOMPARE(problem(unlock(right)), QStringLiteral("security-answers-locked"));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE workflow = 'unlock-credential' AND outcome = 'refused' AND device_id = ?"), { device }).toInt(), 6);
        m_fx.advanceClock(61 * 60);
        m_op = m_fx.demoOperator();
        auto code = unlock(right);
        QVERIFY2(code.ok(), qPrintable(code.ok() ? QString() : code.error().toLogString()));
        QCOMPARE(*code, plainCode);

        // Answers typed with the check switched off are checked all the same.
        QVERIFY2(m_fx.configure(m_op, { { QStringLiteral("unlock.checkSecurityQuestions"), QStringLiteral("false") } }, &error), qPrintable(error));
        QCOMPARE(problem(unlock(wrong)), QStringLiteral("security-answers-wrong"));
        QVERIFY(unlock({}).ok());
    }
};

QTEST_GUILESS_MAIN(TestEngineUnlock)
#include "tst_EngineUnlock.moc"
