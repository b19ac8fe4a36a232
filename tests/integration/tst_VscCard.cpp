// Virtual smart cards on Linux end to end, through the real lanyard-server, the real pcscd and
// the virtual PIV card: lanyard-agent --vsc issues onto a blank card (keys made on the card,
// certificate, CHUID, the engine's PUK and administrator key, the holder's PIN); the holder
// logs on to the server with the card (a spent challenge and an altered certificate refused);
// `lanyard --self-service --automation` applies only the lock jobs due for its own DNS name,
// resets the PIN to a value nobody knows and reports Completed; a removed card leaves the job
// waiting; the holder gets the PIN back only through the helpdesk's unlock code, which
// releases the held PUK once. Runs under with-pcsc-namespace.sh.
#include "PcscHarness.h"
#include "CardServerRig.h"
#include "ServerProcess.h"
#include "TestSupport.h"
#include "cards/CardAccess.h"
#include "cards/PivCardManagement.h"
#include "cards/PivClient.h"
#include "cards/PivSigner.h"

#include <QJsonArray>
#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

namespace {
const QString kHost = QStringLiteral("pc-99.corp.example.test");
const QString kHolderPassword = QStringLiteral("vera's long passphrase");
const QString kPin = QStringLiteral("24681357");

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestVscCard : public QObject {
    Q_OBJECT

    CardServerRig m_rig;
    VirtualCardProcess m_card;
    TestPivCard m_blank;
    QString m_admin;
    QString m_holder;
    qint64 m_device = 0;
    QByteArray m_certificate;

    QJsonObject call(const QString& token, const QString& method, const QJsonObject& args, int expected = 200)
    {
        return m_rig.server.operatorCall(token, method, args, expected);
    }

    ProcessOutput automation(const QString& host)
    {
        qputenv("LANYARD_LOGON", "vera");
        qputenv("LANYARD_PASSWORD", kHolderPassword.toUtf8());
        const ProcessOutput out = run(ServerProcess::tool("lanyard"),
            { QStringLiteral("--self-service"), QStringLiteral("--automation"), QStringLiteral("--engine"), m_rig.server.url(), QStringLiteral("--ca-file"),
                m_rig.server.tlsCertificate(), QStringLiteral("--dns-name"), host },
            {}, 120000);
        qunsetenv("LANYARD_PASSWORD");
        return out;
    }

    template <typename T>
    static Result<T> onCard(const std::function<Result<T>(PivClient&)>& work)
    {
        return CardAccess::runHere<T>(QLatin1String(PcscDaemon::kReader0), work, true);
    }

    QJsonObject lockJob()
    {
        const QJsonArray jobs = call(m_admin, QStringLiteral("lockJobs"), { { QStringLiteral("deviceId"), m_device } }).value(QStringLiteral("jobs")).toArray();
        return jobs.isEmpty() ? QJsonObject() : jobs.first().toObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error = m_rig.start({ { QStringLiteral("vera"), QStringLiteral("Vera Card"), { QStringLiteral("End User") }, kHolderPassword } });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_admin = m_rig.server.logon(QStringLiteral("admin"), QLatin1String(ServerProcess::kAdminPassword));
        m_holder = m_rig.server.logon(QStringLiteral("vera"), kHolderPassword);
        QVERIFY(!m_admin.isEmpty() && !m_holder.isEmpty());
        m_blank = m_rig.issuer->blankCard(QStringLiteral("blank"));
        error = m_card.insert(m_blank);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_card.remove();
        m_rig.stop();
    }

    void theAgentIssuesTheVscOntoTheBlankCard()
    {
        const ServerProcess::IssuedVsc issued = m_rig.server.issueVscOntoCard(QStringLiteral("Vera"), m_rig.dir.filePath(QStringLiteral("pc")), kHost, kPin);
        QVERIFY2(issued.error.isEmpty(), qPrintable(issued.error));
        QVERIFY2(issued.agentOutput.contains(QStringLiteral("collected device VSC-")), qPrintable(issued.agentOutput));
        const QJsonArray devices = call(m_admin, QStringLiteral("devicesOf"), { { QStringLiteral("personId"), issued.personId } }).value(QStringLiteral("devices")).toArray();
        QCOMPARE(devices.size(), 1);
        m_device = issued.deviceId;
        QCOMPARE(devices.first().toObject().value(QStringLiteral("id")).toInteger(), m_device);
        QCOMPARE(devices.first().toObject().value(QStringLiteral("dnsName")).toString(), kHost);

        // The certificate is on the card, its key too (the card signs, the certificate verifies),
        // and the factory PIN and management key no longer work.
        auto pem = readFile(m_rig.dir.filePath(QStringLiteral("pc/certificate-1.pem")));
        auto certificate = Certificate::fromPem(pem);
        QVERIFY(certificate.ok());
        m_certificate = certificate->toDer();
        auto onCardNow = onCard<QByteArray>([](PivClient& piv) { return piv.readCertificate(PivSlot::Authentication); });
        QVERIFY2(onCardNow.ok(), onCardNow.ok() ? "" : qPrintable(onCardNow.error().toLogString()));
        QCOMPARE(*onCardNow, m_certificate);
        auto signature = onCard<QByteArray>([](PivClient& piv) -> Result<QByteArray> {
            if (auto v = piv.verifyPin(kPin); !v)
                return v.error();
            return PivSigner::sign(piv, PivSlot::Authentication, KeyAlgorithm::Rsa2048, "proof");
        });
        QVERIFY2(signature.ok(), signature.ok() ? "" : qPrintable(signature.error().toLogString()));
        QVERIFY(certificate->verifySignature("proof", *signature).ok());
        auto factoryKey = onCard<void>([](PivClient& piv) { return PivCardManagement(piv.transport()).authenticate(PivCardManagement::defaultKey()); });
        QVERIFY(!factoryKey.ok());
        QCOMPARE(factoryKey.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("management-key"));
    }

    void theHolderLogsOnWithTheCardThroughTheServer()
    {
        QVERIFY(m_device);
        const auto challenge = [this]() {
            const auto r = m_rig.server.http(QStringLiteral("POST"), QStringLiteral("/api/v1/logon/card/challenge"));
            return r.status == 200 ? QByteArray::fromBase64(r.json().value(QStringLiteral("challenge")).toString().toLatin1()) : QByteArray();
        };
        const auto logOn = [this](const QByteArray& certificate, const QByteArray& challenge, const QByteArray& signature) {
            return m_rig.server.http(QStringLiteral("POST"), QStringLiteral("/api/v1/logon/card"),
                { { QStringLiteral("certificate"), QString::fromLatin1(certificate.toBase64()) }, { QStringLiteral("challenge"), QString::fromLatin1(challenge.toBase64()) },
                    { QStringLiteral("signature"), QString::fromLatin1(signature.toBase64()) } });
        };
        const QByteArray c = challenge();
        QCOMPARE(c.size(), 32);
        auto proof = onCard<PivSigner::HolderProof>([&c](PivClient& piv) { return PivSigner::proveHolder(piv, kPin, c); });
        QVERIFY2(proof.ok(), proof.ok() ? "" : qPrintable(proof.error().toLogString()));
        QCOMPARE(proof->certificate, m_certificate);

        const auto accepted = logOn(proof->certificate, c, proof->signature);
        QCOMPARE(accepted.status, 200);
        const QString token = accepted.json().value(QStringLiteral("token")).toString();
        QCOMPARE(call(token, QStringLiteral("session"), {}).value(QStringLiteral("operator")).toObject().value(QStringLiteral("logonName")).toString(), QStringLiteral("vera"));
        m_rig.server.http(QStringLiteral("POST"), QStringLiteral("/api/v1/logoff"), {}, token);

        // Replayed: the challenge was spent.
        const auto replayed = logOn(proof->certificate, c, proof->signature);
        QCOMPARE(replayed.status, 400);
        QCOMPARE(replayed.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("possession-failed"));
        // A certificate that is not, byte for byte, the one issued.
        QByteArray altered = proof->certificate;
        altered[altered.size() - 1] = char(altered.at(altered.size() - 1) ^ 0x01);
        const auto unknown = logOn(altered, challenge(), proof->signature);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(unknown.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("args")).toObject().value(QStringLiteral("problem")).toString(),
            QStringLiteral("card-unknown"));
        // Not base64: refused before the engine sees it.
        const auto garbled = m_rig.server.http(QStringLiteral("POST"), QStringLiteral("/api/v1/logon/card"),
            { { QStringLiteral("certificate"), QStringLiteral("@@@") }, { QStringLiteral("challenge"), QString() }, { QStringLiteral("signature"), QString() } });
        QCOMPARE(garbled.status, 400);
    }

    void automationAppliesOnlyDueLocksForItsOwnComputer()
    {
        QVERIFY(m_device);
        // A lock for later is not due yet.
        call(m_admin, QStringLiteral("requestPinLock"),
            { { QStringLiteral("deviceId"), m_device }, { QStringLiteral("reason"), QStringLiteral("leaving next year") },
                { QStringLiteral("when"), QJsonObject { { QStringLiteral("nextRun"), false }, { QStringLiteral("date"), QStringLiteral("2099-01-01") },
                                              { QStringLiteral("time"), QStringLiteral("09:00") }, { QStringLiteral("timezone"), QStringLiteral("0") } } } });
        ProcessOutput out = automation(kHost);
        QVERIFY2(out.exitCode == 0, out.err.constData());
        QVERIFY2(out.out.contains("No PIN lock is due"), out.out.constData());
        QCOMPARE(lockJob().value(QStringLiteral("status")).toString(), QStringLiteral("awaiting-issue"));

        call(m_admin, QStringLiteral("updatePinLock"),
            { { QStringLiteral("deviceId"), m_device }, { QStringLiteral("reason"), QStringLiteral("laptop left in a taxi") },
                { QStringLiteral("when"), QJsonObject { { QStringLiteral("nextRun"), true } } } });
        // Another computer never sees this card's job.
        out = automation(QStringLiteral("pc-12.corp.example.test"));
        QVERIFY2(out.exitCode == 0 && out.out.contains("No PIN lock is due"), out.out.constData());
        QCOMPARE(lockJob().value(QStringLiteral("status")).toString(), QStringLiteral("awaiting-issue"));

        out = automation(kHost.toUpper()); // DNS names compare without case
        QVERIFY2(out.exitCode == 0, (out.out + out.err).constData());
        QVERIFY2(out.out.contains("completed; the card is locked"), out.out.constData());
        QCOMPARE(lockJob().value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QVERIFY(call(m_admin, QStringLiteral("device"), { { QStringLiteral("deviceId"), m_device } }).value(QStringLiteral("accessLocked")).toBool());

        // The holder's PIN is gone: nobody was shown the new one.
        auto old = onCard<void>([](PivClient& piv) { return piv.verifyPin(kPin); });
        QVERIFY(!old.ok());
        QCOMPARE(old.error().code, ErrorCode::WrongPin);
    }

    void theHelpdeskUnlockCodeReleasesTheHeldPukOnce()
    {
        QVERIFY(m_device);
        const QJsonObject challenge = call(m_holder, QStringLiteral("vscUnblockChallenge"), { { QStringLiteral("certificate"), QString::fromLatin1(m_certificate.toBase64()) } });
        QCOMPARE(challenge.value(QStringLiteral("deviceId")).toInteger(), m_device);
        QString typed = challenge.value(QStringLiteral("challenge")).toString();
        QCOMPARE(typed.remove(QLatin1Char(' ')).size(), 16);

        // A made-up answer is refused and costs nothing.
        QJsonObject wrong = call(m_holder, QStringLiteral("releaseHeldPuk"), { { QStringLiteral("deviceId"), m_device }, { QStringLiteral("response"), QStringLiteral("0000 0000 0000 0000") } }, 400);
        QCOMPARE(wrong.value(QStringLiteral("error")).toObject().value(QStringLiteral("args")).toObject().value(QStringLiteral("problem")).toString(), QStringLiteral("unlock-response-wrong"));
        // Somebody else cannot ask for a challenge on Vera's card.
        call(m_admin, QStringLiteral("vscUnblockChallenge"), { { QStringLiteral("certificate"), QString::fromLatin1(m_certificate.toBase64()) } }, 404);

        const QJsonObject access = call(m_admin, QStringLiteral("temporaryUnlock"),
            { { QStringLiteral("deviceId"), m_device }, { QStringLiteral("challenge"), challenge.value(QStringLiteral("challenge")) }, { QStringLiteral("hours"), 8 },
                { QStringLiteral("reason"), QStringLiteral("found the laptop") } });
        const QString response = access.value(QStringLiteral("response")).toString();
        const QString puk = call(m_holder, QStringLiteral("releaseHeldPuk"), { { QStringLiteral("deviceId"), m_device }, { QStringLiteral("response"), response.toLower() } })
                                .value(QStringLiteral("puk"))
                                .toString();
        QCOMPARE(puk.size(), 8);
        // Used once.
        const QJsonObject again = call(m_holder, QStringLiteral("releaseHeldPuk"), { { QStringLiteral("deviceId"), m_device }, { QStringLiteral("response"), response } }, 400);
        QCOMPARE(again.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("possession-failed"));

        auto reset = onCard<void>([&puk](PivClient& piv) -> Result<void> {
            if (auto r = piv.resetRetryCounter(puk, QStringLiteral("13572468")); !r)
                return r;
            return piv.verifyPin(QStringLiteral("13572468"));
        });
        QVERIFY2(reset.ok(), reset.ok() ? "" : qPrintable(reset.error().toLogString()));
        // The re-lock after eight hours is the card's pending job now.
        QCOMPARE(lockJob().value(QStringLiteral("status")).toString(), QStringLiteral("awaiting-issue"));
        QVERIFY(!lockJob().value(QStringLiteral("scheduledAt")).toString().isEmpty());
    }

    void aCardThatIsNotHereLeavesTheJobWaiting()
    {
        QVERIFY(m_device);
        call(m_admin, QStringLiteral("updatePinLock"),
            { { QStringLiteral("deviceId"), m_device }, { QStringLiteral("reason"), QStringLiteral("lock it again") },
                { QStringLiteral("when"), QJsonObject { { QStringLiteral("nextRun"), true } } } });
        m_card.remove();
        const ProcessOutput out = automation(kHost);
        QVERIFY2(out.exitCode == 0, (out.out + out.err).constData());
        QVERIFY2(out.out.contains("waiting for the next run"), out.out.constData());
        QCOMPARE(lockJob().value(QStringLiteral("status")).toString(), QStringLiteral("awaiting-issue"));
        const QString error = m_card.insert(m_blank);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void aFailedLockIsReportedOnceWithItsReason()
    {
        const qint64 job = lockJob().value(QStringLiteral("id")).toInteger();
        QVERIFY(job);
        // A failure without a reason is refused; with one, the job is Failed, never Completed.
        call(m_holder, QStringLiteral("reportLockJob"),
            { { QStringLiteral("outcome"), QJsonObject { { QStringLiteral("jobId"), job }, { QStringLiteral("applied"), false }, { QStringLiteral("reason"), QString() } } } }, 400);
        const QJsonObject failed = call(m_holder, QStringLiteral("reportLockJob"),
            { { QStringLiteral("outcome"),
                QJsonObject { { QStringLiteral("jobId"), job }, { QStringLiteral("applied"), false }, { QStringLiteral("reason"), QStringLiteral("the card refused the PUK") } } } });
        QCOMPARE(failed.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(failed.value(QStringLiteral("details")).toString(), QStringLiteral("the card refused the PUK"));
        // The outcome lands once: a second report, even "applied", is refused.
        call(m_holder, QStringLiteral("reportLockJob"),
            { { QStringLiteral("outcome"), QJsonObject { { QStringLiteral("jobId"), job }, { QStringLiteral("applied"), true }, { QStringLiteral("reason"), QString() } } } }, 409);
        // Nobody but the card's holder reports for it.
        call(m_admin, QStringLiteral("reportLockJob"),
            { { QStringLiteral("outcome"), QJsonObject { { QStringLiteral("jobId"), job }, { QStringLiteral("applied"), true }, { QStringLiteral("reason"), QString() } } } }, 404);
    }
};

QTEST_GUILESS_MAIN(TestVscCard)
#include "tst_VscCard.moc"
