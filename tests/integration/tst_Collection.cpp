#include "TestSupport.h"
#include "engine/PinCheck.h"
#include "engine/CollectionService.h"
#include "engine/SettingsSchema.h"
#include "pki/CertificateAuthority.h"
#include "pki/CertificateRequest.h"
#include "pki/Certificate.h"
#include "pki/KeyTransport.h"
#include "pki/SignedBundle.h"
#include "pki/TrustMaterial.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

// The collection protocol in the engine: what a phone may start, what it receives (a bundle
// signed by the content-signing certificate, certificates from the CA, sealed server keys),
// and what happens when it goes away half-way.
class TestCollection : public QObject {
    Q_OBJECT

    EngineFixture m_fx;
    OperatorSession m_op;
    Certificate m_ca;
    Certificate m_signer; // the content-signing certificate the trust material names
    int m_person = 0;

    void configure(const QMap<QString, QString>& values)
    {
        QString error;
        QVERIFY2(m_fx.configure(m_op, values, &error), qPrintable(error));
    }

    qint64 nextPerson()
    {
        return m_fx.scalar(QStringLiteral("SELECT id FROM people WHERE logon_name NOT IN ('demo','validator') AND email <> '' ORDER BY id LIMIT 1 OFFSET ?"),
                       { m_person++ })
            .toLongLong();
    }

    IssuedRequest request(qint64 person, const QString& profile = QStringLiteral("Mobile Identity"))
    {
        auto r = await(m_fx.engine().requestCredential(m_op, person, m_fx.profileIdByName(profile), true));
        if (!r)
            qFatal("request failed: %s", qPrintable(r.error().toLogString()));
        return *r;
    }

    static CollectionStart startOf(const IssuedRequest& r, const QString& phone = QStringLiteral("SERIAL-1"))
    {
        CollectionStart s { r.job.collectionToken, r.code, {} };
        s.device.hardwareSerial = phone;
        s.device.platform = QStringLiteral("Android");
        s.device.model = QStringLiteral("Pixel");
        return s;
    }

    CollectionSubmission submissionFor(const CollectionSession& session, const PrivateKey& transport)
    {
        CollectionSubmission s;
        s.sessionId = session.id;
        for (const RequestedCertificate& c : session.certificates)
            s.requests << (c.serverKey ? QByteArray() : makeCsr(c.keyAlgorithms.first()));
        if (session.needsTransportKey)
            s.transportKey = transport.publicKeyDer();
        return s;
    }

    QJsonObject verifiedPayload(const CollectionBundle& bundle)
    {
        auto payload = SignedBundle::verify(bundle.signedData, { m_ca }, m_signer);
        if (!payload)
            qFatal("bundle does not verify: %s", qPrintable(payload.error().toLogString()));
        const QJsonObject contents = QJsonDocument::fromJson(*payload).object();
        checkDocumented(contents);
        return contents;
    }

    // Every field a bundle carries, nested ones too, is named in api.md's "The bundle", so a
    // third-party agent need not guess (this runs for every bundle the tests collect).
    static void checkDocumented(const QJsonObject& bundle)
    {
        static const QString section = [] {
            QFile f(QString::fromLocal8Bit(qgetenv("LANYARD_TEST_SOURCE_DIR")) + QStringLiteral("/../resources/api.md"));
            if (!f.open(QIODevice::ReadOnly))
                qFatal("cannot read %s", qPrintable(f.fileName()));
            const QString doc = QString::fromUtf8(f.readAll());
            const qsizetype start = doc.indexOf(QStringLiteral("## The bundle"));
            return doc.mid(start, doc.indexOf(QStringLiteral("\n## "), start + 1) - start);
        }();
        std::function<void(const QJsonObject&)> walk = [&walk](const QJsonObject& o) {
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (!section.contains(QStringLiteral("`%1`").arg(it.key())) && !section.contains(QStringLiteral("\"%1\"").arg(it.key())))
                    qFatal("the bundle field '%s' is not in api.md", qPrintable(it.key()));
                if (it.value().isObject())
                    walk(it.value().toObject());
                for (const QJsonValue& v : it.value().toArray())
                    if (v.isObject())
                        walk(v.toObject());
            }
        };
        walk(bundle);
    }

    QString jobStatus(qint64 job) { return m_fx.scalar(QStringLiteral("SELECT status FROM jobs WHERE id = ?"), { job }).toString(); }
    void setRestriction(DeviceRestriction r)
    {
        m_fx.execSql(QStringLiteral("UPDATE profiles SET device_restriction = ? WHERE name = 'Mobile Identity' AND is_current = 1"), { deviceRestrictionId(r) });
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx.open();
        m_fx.seedDemo(40, 0);
        m_op = m_fx.demoOperator();
        auto pem = await(m_fx.engine().caCertificate());
        QVERIFY(pem.ok());
        auto material = TrustMaterial::fromPem(*pem);
        QVERIFY2(material.ok(), material.ok() ? "" : qPrintable(material.error().toLogString()));
        m_ca = material->authorities.first();
        m_signer = material->contentSigner;
    }

    void aPhoneCollectsAVerifiableCredential()
    {
        const IssuedRequest r = request(nextPerson());
        auto session = await(m_fx.engine().startCollection(startOf(r)));
        QVERIFY2(session.ok(), session.ok() ? "" : qPrintable(session.error().toLogString()));
        QCOMPARE(session->jobId, r.job.id);
        QVERIFY(!session->certificates.isEmpty());
        QCOMPARE(jobStatus(r.job.id), jobStatusId(JobStatus::InProgress));
        const auto transport = *PrivateKey::generate(KeyAlgorithm::Rsa2048);
        auto bundle = await(m_fx.engine().submitCollection(submissionFor(*session, transport)));
        QVERIFY2(bundle.ok(), bundle.ok() ? "" : qPrintable(bundle.error().toLogString()));
        // Until the phone confirms, the device is not active and the job not complete.
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT state FROM devices WHERE id = ?"), { bundle->deviceId }).toString(), deviceStateId(DeviceState::Issued));
        QCOMPARE(jobStatus(r.job.id), jobStatusId(JobStatus::InProgress));

        const QJsonObject payload = verifiedPayload(*bundle);
        QCOMPARE(payload.value(QStringLiteral("format")).toString(), QStringLiteral("lanyard-bundle/1"));
        QCOMPARE(payload.value(QStringLiteral("device")).toObject().value(QStringLiteral("serial")).toString(), bundle->deviceSerial);
        const QJsonObject policy = payload.value(QStringLiteral("agentPolicy")).toObject();
        QCOMPARE(policy.value(QStringLiteral("retryAttempts")).toInt(), 5);
        QCOMPARE(policy.value(QStringLiteral("retryDelaySeconds")).toInt(), 10);
        QCOMPARE(QByteArray::fromBase64(payload.value(QStringLiteral("unlockKey")).toString().toLatin1()).size(), 32);
        const QJsonArray certs = payload.value(QStringLiteral("certificates")).toArray();
        QCOMPARE(certs.size(), session->certificates.size());
        for (const QJsonValue& c : certs) {
            auto cert = Certificate::fromPem(c.toObject().value(QStringLiteral("pem")).toString().toLatin1());
            QVERIFY(cert.ok());
            QCOMPARE(cert->issuer(), m_ca.subject());
            QVERIFY(cert->subject().contains(r.job.personName));
        }
        // A signature by anyone else, or a changed byte, is refused.
        QByteArray tampered = bundle->signedData;
        tampered[tampered.size() / 2] = char(tampered[tampered.size() / 2] ^ 0x01);
        QVERIFY(!SignedBundle::verify(tampered, { m_ca }, m_signer).ok());
        const auto otherCa = CertificateAuthority::createRoot({ { QStringLiteral("CN"), QStringLiteral("Other") } }, KeyAlgorithm::EcP256, 10);
        QVERIFY(!SignedBundle::verify(bundle->signedData, { otherCa->certificate() }, m_signer).ok());
        // Signed by another certificate of the same CA with the codeSigning usage (any policy
        // could carry it): refused, because it is not the signer the trust material names.
        IssuanceParameters impostorParams;
        impostorParams.subject = { { QStringLiteral("CN"), QStringLiteral("Impostor") } };
        impostorParams.extendedKeyUsage = QStringLiteral("codeSigning");
        const auto impostorKey = *PrivateKey::generate(KeyAlgorithm::EcP256);
        auto caKeyPem = await(m_fx.engine().runTask<QByteArray>([](const EngineContext& ctx, QSqlDatabase) -> Result<QByteArray> { return ctx.authority.key().toPem(); }));
        const auto issuingCa = CertificateAuthority::fromParts(m_ca, *PrivateKey::fromPem(*caKeyPem));
        const auto impostor = issuingCa->issueForKey(impostorKey, impostorParams);
        QVERIFY(impostor.ok());
        const auto forged = SignedBundle::sign(*SignedBundle::verify(bundle->signedData, { m_ca }, m_signer), *impostor, impostorKey, { m_ca });
        QVERIFY(forged.ok());
        auto refused = SignedBundle::verify(*forged, { m_ca }, m_signer);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("signer-not-pinned"));

        // A third-party agent with only OpenSSL, as resources/api.md tells it.
        const QString dir = m_fx.dir();
        auto write = [](const QString& path, const QByteArray& bytes) {
            QFile f(path);
            return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
        };
        QVERIFY(write(dir + QStringLiteral("/bundle.der"), bundle->signedData) && write(dir + QStringLiteral("/forged.der"), *forged));
        QVERIFY(write(dir + QStringLiteral("/ca.pem"), m_ca.toPem()) && write(dir + QStringLiteral("/signer.pem"), m_signer.toPem()));
        auto opensslVerify = [&](const QString& bundleFile) {
            QFile::remove(dir + QStringLiteral("/got-signer.pem"));
            const ProcessOutput v = run(QStringLiteral("openssl"), { QStringLiteral("cms"), QStringLiteral("-verify"), QStringLiteral("-binary"), QStringLiteral("-inform"), QStringLiteral("DER"),
                                                                       QStringLiteral("-in"), bundleFile, QStringLiteral("-CAfile"), dir + QStringLiteral("/ca.pem"), QStringLiteral("-purpose"),
                                                                       QStringLiteral("any"), QStringLiteral("-signer"), dir + QStringLiteral("/got-signer.pem"), QStringLiteral("-out"),
                                                                       dir + QStringLiteral("/payload.json") });
            if (v.exitCode != 0)
                return QStringLiteral("cms -verify failed");
            const QByteArray got = run(QStringLiteral("openssl"), { QStringLiteral("x509"), QStringLiteral("-in"), dir + QStringLiteral("/got-signer.pem"), QStringLiteral("-outform"), QStringLiteral("DER") }).out;
            const QByteArray pinned = run(QStringLiteral("openssl"), { QStringLiteral("x509"), QStringLiteral("-in"), dir + QStringLiteral("/signer.pem"), QStringLiteral("-outform"), QStringLiteral("DER") }).out;
            return got == pinned && !got.isEmpty() ? QString() : QStringLiteral("signer differs");
        };
        QCOMPARE(opensslVerify(dir + QStringLiteral("/bundle.der")), QString());
        QCOMPARE(opensslVerify(dir + QStringLiteral("/forged.der")), QStringLiteral("signer differs")); // the chain is fine; the pin is what refuses it

        // A lost answer is asked for again: the same bundle, nothing new issued.
        const int before = m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM certificates")).toInt();
        auto again = await(m_fx.engine().submitCollection(submissionFor(*session, transport)));
        QVERIFY(again.ok());
        QCOMPARE(again->signedData, bundle->signedData);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM certificates")).toInt(), before);

        auto device = await(m_fx.engine().confirmCollection(session->id));
        QVERIFY(device.ok());
        QCOMPARE(device->state, DeviceState::Active);
        QCOMPARE(jobStatus(r.job.id), jobStatusId(JobStatus::Completed));
        // The code is spent.
        QCOMPARE(await(m_fx.engine().startCollection(startOf(r))).error().code, ErrorCode::CodeUsed);
        // The audit trail tells the story: started, issued, confirmed.
        const QString story = m_fx.scalar(QStringLiteral("SELECT GROUP_CONCAT(details, ' | ') FROM audit_events WHERE workflow = 'collect' AND target_id = ?"),
                                  { QString::number(r.job.id) })
                                  .toString();
        QVERIFY2(story.contains(QStringLiteral("collection started")) && story.contains(QStringLiteral("waiting for the phone")) && story.contains(QStringLiteral("confirmed")),
            qPrintable(story));
    }

    void restrictionsRefuseUnregisteredPhones()
    {
        const qint64 person = nextPerson();
        setRestriction(DeviceRestriction::KnownMobiles);
        const IssuedRequest r = request(person);
        auto refused = await(m_fx.engine().startCollection(startOf(r, QStringLiteral("UNKNOWN-PHONE"))));
        QCOMPARE(refused.error().code, ErrorCode::DeviceNotAllowed);
        QCOMPARE(jobStatus(r.job.id), jobStatusId(JobStatus::AwaitingIssue)); // nothing spent

        // Registered to someone else: known, so Known Mobiles accepts; My Mobiles Only does not.
        RegisteredHardware phone;
        phone.kind = HardwareKind::Phone;
        phone.identifier = QStringLiteral("OTHERS-PHONE");
        phone.ownerId = nextPerson();
        QVERIFY(await(m_fx.engine().addHardware(m_op, phone)).ok());
        setRestriction(DeviceRestriction::MyMobilesOnly);
        refused = await(m_fx.engine().startCollection(startOf(r, QStringLiteral("OTHERS-PHONE"))));
        QCOMPARE(refused.error().code, ErrorCode::DeviceNotAllowed);
        QCOMPARE(refused.error().args.value(QStringLiteral("restriction")).toString(), QStringLiteral("my-mobiles-only"));
        setRestriction(DeviceRestriction::KnownMobiles);
        auto ok = await(m_fx.engine().startCollection(startOf(r, QStringLiteral("OTHERS-PHONE"))));
        QVERIFY(ok.ok());
        setRestriction(DeviceRestriction::Any);
    }

    void sessionLimitAndSwitchedOffMobileIssuance()
    {
        // Sessions left open by earlier tests count; expire them first.
        m_fx.advanceClock(CollectionService::kSessionMinutes * 60 + 1);
        QVERIFY(await(m_fx.engine().expireCollections()).ok());
        configure({ { SettingKey::MaxSessionCount, QStringLiteral("1") } });
        const IssuedRequest a = request(nextPerson());
        const IssuedRequest b = request(nextPerson());
        QVERIFY(await(m_fx.engine().startCollection(startOf(a))).ok());
        auto busy = await(m_fx.engine().startCollection(startOf(b)));
        QCOMPARE(busy.error().code, ErrorCode::ServiceBusy);
        QCOMPARE(busy.error().args.value(QStringLiteral("retryAfter")).toInt(), 10);
        QCOMPARE(jobStatus(b.job.id), jobStatusId(JobStatus::AwaitingIssue)); // no attempt counted
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT code_failures FROM jobs WHERE id = ?"), { b.job.id }).toInt(), 0);

        configure({ { SettingKey::MaxSessionCount, QStringLiteral("0") } });
        QCOMPARE(await(m_fx.engine().startCollection(startOf(b))).error().code, ErrorCode::MobileIssuanceDisabled);
        configure({ { SettingKey::MaxSessionCount, QStringLiteral("-1") }, { SettingKey::BiometricOnUnlock, QStringLiteral("true") } });
        QCOMPARE(await(m_fx.engine().startCollection(startOf(b))).error().code, ErrorCode::BiometricsIncompatible);
        configure({ { SettingKey::BiometricOnUnlock, QStringLiteral("false") } });
        QVERIFY(await(m_fx.engine().startCollection(startOf(b))).ok()); // no limit
    }

    void anInterruptedCollectionIsRolledBackAndCanBeRetried()
    {
        const IssuedRequest r = request(nextPerson());
        auto session = await(m_fx.engine().startCollection(startOf(r)));
        QVERIFY(session.ok());
        const auto transport = *PrivateKey::generate(KeyAlgorithm::Rsa2048);
        auto bundle = await(m_fx.engine().submitCollection(submissionFor(*session, transport)));
        QVERIFY(bundle.ok());
        // The phone goes away before confirming.
        m_fx.advanceClock(CollectionService::kSessionMinutes * 60 + 1);
        QCOMPARE(await(m_fx.engine().confirmCollection(session->id)).error().code, ErrorCode::SessionExpired);
        auto rolled = await(m_fx.engine().expireCollections());
        QVERIFY(rolled.ok());
        QVERIFY(*rolled >= 1);
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT state FROM devices WHERE id = ?"), { bundle->deviceId }).toString(), deviceStateId(DeviceState::Canceled));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM certificates WHERE device_id = ? AND status <> 'revoked'"), { bundle->deviceId }).toInt(), 0);
        QCOMPARE(jobStatus(r.job.id), jobStatusId(JobStatus::AwaitingIssue));
        QVERIFY(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE workflow = 'collect' AND outcome = 'failed' AND target_id = ?"),
                        { QString::number(r.job.id) })
                    .toInt()
            == 1);
        // Its certificates are in the CRL.
        auto crl = await(m_fx.engine().certificateRevocationList());
        QVERIFY(crl.ok());
        const QString serial = m_fx.scalar(QStringLiteral("SELECT serial FROM certificates WHERE device_id = ? LIMIT 1"), { bundle->deviceId }).toString();
        const ProcessOutput text = run(QStringLiteral("openssl"), { QStringLiteral("crl"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-noout"), QStringLiteral("-text") }, *crl);
        QVERIFY2(QString::fromLatin1(text.out).contains(serial, Qt::CaseInsensitive), qPrintable(serial));
        // The same code collects again, in full.
        IssuedRequest retry = r;
        QVERIFY(m_fx.collect(retry).id > 0);
        QCOMPARE(jobStatus(r.job.id), jobStatusId(JobStatus::Completed));
    }

    // The session tells the agent the profile's PIN policy; an agent that gives up (the PIN
    // does not meet it, a certificate fails its check) abandons the session, and the same code
    // starts again at once instead of answering code-used for ten minutes.
    void anAgentGivesUpASessionAndStartsAgain()
    {
        const IssuedRequest r = request(nextPerson());
        auto first = await(m_fx.engine().startCollection(startOf(r)));
        QVERIFY(first.ok());
        QCOMPARE(first->pinPolicy, (PinPolicy { 6, 8 }));
        QVERIFY(first->authTypes.contains(QStringLiteral("pin")));
        QCOMPARE(await(m_fx.engine().startCollection(startOf(r))).error().code, ErrorCode::CodeUsed);
        QVERIFY(await(m_fx.engine().abandonCollection(first->id, QStringLiteral("pin-too-short: the PIN has 4 characters"))).ok());
        QCOMPARE(jobStatus(r.job.id), jobStatusId(JobStatus::AwaitingIssue));
        QVERIFY(await(m_fx.engine().abandonCollection(first->id, {})).ok()); // again: the same outcome
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE workflow = 'collect' AND outcome = 'failed' AND target_id = ? AND details LIKE ?"),
                     { QString::number(r.job.id), QStringLiteral("%abandoned by the agent: pin-too-short%") })
                     .toInt(),
            1);

        // Given up after the certificates were issued: they are revoked, the device cancelled.
        auto second = await(m_fx.engine().startCollection(startOf(r)));
        QVERIFY2(second.ok(), second.ok() ? "" : qPrintable(second.error().toLogString()));
        const auto transport = *PrivateKey::generate(KeyAlgorithm::Rsa2048);
        auto bundle = await(m_fx.engine().submitCollection(submissionFor(*second, transport)));
        QVERIFY(bundle.ok());
        const QJsonObject payload = verifiedPayload(*bundle);
        QCOMPARE(payload.value(QStringLiteral("pinPolicy")).toObject(), PinCheck::toJson(PinPolicy { 6, 8 }));
        QVERIFY(payload.value(QStringLiteral("authTypes")).toArray().contains(QStringLiteral("pin")));
        QVERIFY(await(m_fx.engine().abandonCollection(second->id, QStringLiteral("certificate failed its check"))).ok());
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT state FROM devices WHERE id = ?"), { bundle->deviceId }).toString(), deviceStateId(DeviceState::Canceled));
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM certificates WHERE device_id = ? AND status <> 'revoked'"), { bundle->deviceId }).toInt(), 0);
        QCOMPARE(await(m_fx.engine().confirmCollection(second->id)).error().code, ErrorCode::SessionExpired);

        // The third time it is collected; a confirmed session is not abandoned.
        auto third = await(m_fx.engine().startCollection(startOf(r)));
        QVERIFY(third.ok());
        QVERIFY(await(m_fx.engine().submitCollection(submissionFor(*third, transport))).ok());
        QVERIFY(await(m_fx.engine().confirmCollection(third->id)).ok());
        QCOMPARE(await(m_fx.engine().abandonCollection(third->id, {})).error().code, ErrorCode::InvalidTransition);
        QCOMPARE(jobStatus(r.job.id), jobStatusId(JobStatus::Completed));
        QCOMPARE(await(m_fx.engine().abandonCollection(QStringLiteral("no-such-session"), {})).error().code, ErrorCode::NotFound);
    }

    void archivedKeysAreSealedAndRecovered()
    {
        // The second certificate of the profile keeps its key in the archive and recovers it.
        const QString policyName = m_fx.scalar(QStringLiteral("SELECT cp.name FROM profile_policies pp JOIN cert_policies cp ON cp.id = pp.policy_id "
                                                              "JOIN profiles p ON p.id = pp.profile_id WHERE p.name = 'Mobile Identity' AND p.is_current = 1 "
                                                              "ORDER BY cp.name DESC LIMIT 1"))
                                       .toString();
        const QString algorithms = m_fx.scalar(QStringLiteral("SELECT key_algorithms FROM cert_policy_versions WHERE policy_id = (SELECT id FROM cert_policies WHERE name = ?)"), { policyName }).toString();
        m_fx.execSql(QStringLiteral("UPDATE cert_policy_versions SET archive_keys = 1, key_algorithms = 'rsa2048' WHERE policy_id = (SELECT id FROM cert_policies WHERE name = ?)"), { policyName });
        m_fx.execSql(QStringLiteral("UPDATE profile_policies SET recovery = 'use-existing' WHERE policy_id = (SELECT id FROM cert_policies WHERE name = ?)"), { policyName });
        const qint64 person = nextPerson();
        const auto transport = *PrivateKey::generate(KeyAlgorithm::Rsa2048);

        QByteArray firstKeyPublic;
        QString firstSerial;
        QList<qint64> devices;
        QByteArray thirdKeyPublic;
        // Rounds: 0 makes and archives the key; 1 recovers it; then the first phone is lost
        // (key compromise): 2 may not recover it and gets a new key, said in the bundle; 3
        // recovers round 2's key, the newest one still trustworthy.
        for (int round = 0; round < 4; ++round) {
            if (round == 2) {
                DeviceAction lost;
                lost.operation = DeviceOperation::Cancel;
                lost.cancelReason = RevocationReason::KeyCompromise;
                lost.reason = QStringLiteral("phone stolen");
                auto cancelled = await(m_fx.engine().changeDevice(m_op, devices.first(), lost));
                QVERIFY2(cancelled.ok(), cancelled.ok() ? "" : qPrintable(cancelled.error().toLogString()));
            }
            const IssuedRequest r = request(person);
            auto session = await(m_fx.engine().startCollection(startOf(r, QStringLiteral("RECOVER-%1").arg(round))));
            QVERIFY(session.ok());
            QVERIFY(session->needsTransportKey);
            CollectionSubmission noKey = submissionFor(*session, transport);
            noKey.transportKey.clear();
            QCOMPARE(await(m_fx.engine().submitCollection(noKey)).error().code, ErrorCode::InvalidArgument);
            auto bundle = await(m_fx.engine().submitCollection(submissionFor(*session, transport)));
            QVERIFY2(bundle.ok(), bundle.ok() ? "" : qPrintable(bundle.error().toLogString()));
            QJsonObject entry;
            for (const QJsonValue& c : verifiedPayload(*bundle).value(QStringLiteral("certificates")).toArray())
                if (c.toObject().value(QStringLiteral("policy")).toString() == policyName)
                    entry = c.toObject();
            const QJsonObject sealedEntry = entry.value(QStringLiteral("sealedKey")).toObject();
            QVERIFY(!sealedEntry.isEmpty());
            SealedKey sealed { QByteArray::fromBase64(sealedEntry.value(QStringLiteral("pkcs12")).toString().toLatin1()),
                QByteArray::fromBase64(sealedEntry.value(QStringLiteral("password")).toString().toLatin1()) };
            auto opened = KeyTransport::open(sealed, transport);
            QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().toLogString()));
            // Another agent's transport key cannot open it.
            QVERIFY(!KeyTransport::open(sealed, *PrivateKey::generate(KeyAlgorithm::Rsa2048)).ok());
            if (round == 0) {
                firstKeyPublic = opened->key.publicKeyDer();
                firstSerial = opened->certificate.serialHex();
                QVERIFY(!m_fx.scalar(QStringLiteral("SELECT archived_key FROM certificates WHERE serial = ?"), { firstSerial }).isNull());
            } else if (round == 1) {
                // The second phone receives the same key and certificate from the archive.
                QCOMPARE(opened->key.publicKeyDer(), firstKeyPublic);
                QCOMPARE(opened->certificate.serialHex(), firstSerial);
                QVERIFY(entry.value(QStringLiteral("recovered")).toBool());
            } else if (round == 2) {
                QVERIFY(opened->key.publicKeyDer() != firstKeyPublic);
                QVERIFY(opened->certificate.serialHex() != firstSerial);
                QVERIFY(!entry.value(QStringLiteral("recovered")).toBool());
                QVERIFY2(entry.value(QStringLiteral("recoveryNote")).toString().contains(QLatin1String("compromised")), qPrintable(entry.value(QStringLiteral("recoveryNote")).toString()));
                thirdKeyPublic = opened->key.publicKeyDer();
            } else {
                QCOMPARE(opened->key.publicKeyDer(), thirdKeyPublic);
            }
            auto device = await(m_fx.engine().confirmCollection(session->id));
            QVERIFY(device.ok());
            devices << device->id;
            if (round == 1) {
                // The recovered certificate is listed on the phone that received it.
                auto listed = await(m_fx.engine().certificatesOf(m_op, device->id));
                QVERIFY(listed.ok());
                QVERIFY(std::any_of(listed->cbegin(), listed->cend(), [&](const CertificateRecord& c) { return c.serial == firstSerial; }));
            }
        }
        // Stolen phone 0's certificate, which phone 1 shares, is revoked as compromised; the
        // audit says why round 2 got a new key.
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT revocation_reason FROM certificates WHERE serial = ?"), { firstSerial }).toString(), QStringLiteral("keyCompromise"));
        QVERIFY(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE workflow = 'collect' AND details LIKE '%compromised archived key(s) not recovered%'")).toInt() >= 1);
        // And a phone 1 lost later takes the recovered certificate with it into the CRL's reasons.
        DeviceAction lostToo;
        lostToo.operation = DeviceOperation::Cancel;
        lostToo.cancelReason = RevocationReason::KeyCompromise;
        lostToo.reason = QStringLiteral("lost");
        QVERIFY(await(m_fx.engine().changeDevice(m_op, devices.at(3), lostToo)).ok());
        QCOMPARE(m_fx.scalar(QStringLiteral("SELECT COUNT(*) FROM certificates c JOIN recovered_certificates r ON r.certificate_id = c.id "
                                            "WHERE r.device_id = ? AND c.status = 'revoked' AND c.revocation_reason = 'keyCompromise'"),
                     { devices.at(3) })
                     .toInt(),
            1);
        m_fx.execSql(QStringLiteral("UPDATE profile_policies SET recovery = 'issue-new' WHERE policy_id = (SELECT id FROM cert_policies WHERE name = ?)"), { policyName });
        m_fx.execSql(QStringLiteral("UPDATE cert_policy_versions SET archive_keys = 0, key_algorithms = ? WHERE policy_id = (SELECT id FROM cert_policies WHERE name = ?)"), { algorithms, policyName });
    }

    void aCertificateRequestIsRefusedForAReusedKeyOrAnOddExponent()
    {
        const qint64 person = nextPerson();
        const IssuedRequest r = request(person);
        auto session = await(m_fx.engine().startCollection(startOf(r, QStringLiteral("CSR-CHECKS"))));
        QVERIFY(session.ok());
        QVERIFY(session->certificates.size() >= 2);
        auto problemOf = [&](const CollectionSubmission& s) {
            auto b = await(m_fx.engine().submitCollection(s));
            return b.ok() ? QString() : b.error().args.value(QStringLiteral("problem")).toString();
        };
        // One key for both certificates of the request.
        const auto key = *PrivateKey::generate(KeyAlgorithm::EcP256);
        CollectionSubmission same;
        same.sessionId = session->id;
        for (int i = 0; i < session->certificates.size(); ++i)
            same.requests << *CertificateRequest::create(key, QStringLiteral("same"));
        QCOMPARE(problemOf(same), QStringLiteral("key-reused"));
        // A key another device's certificate already has: another phone of this person's.
        const IssuedRequest earlier = request(person);
        auto firstSession = await(m_fx.engine().startCollection(startOf(earlier, QStringLiteral("CSR-FIRST"))));
        QVERIFY(firstSession.ok());
        CollectionSubmission firstSubmission;
        firstSubmission.sessionId = firstSession->id;
        QList<PrivateKey> firstKeys;
        for (const RequestedCertificate& c : firstSession->certificates) {
            firstKeys << *PrivateKey::generate(c.keyAlgorithms.first());
            firstSubmission.requests << *CertificateRequest::create(firstKeys.last(), QStringLiteral("first"));
        }
        QVERIFY(await(m_fx.engine().submitCollection(firstSubmission)).ok());
        QVERIFY(await(m_fx.engine().confirmCollection(firstSession->id)).ok());
        CollectionSubmission reused = submissionFor(*session, *PrivateKey::generate(KeyAlgorithm::Rsa2048));
        reused.requests[0] = *CertificateRequest::create(firstKeys.first(), QStringLiteral("again"));
        QCOMPARE(problemOf(reused), QStringLiteral("key-reused"));
        // RSA with exponent 3, made by the openssl tool.
        const QString keyFile = m_fx.dir() + QStringLiteral("/e3.pem");
        QCOMPARE(run(QStringLiteral("openssl"), { QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"), QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:2048"),
                                                    QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_pubexp:3"), QStringLiteral("-out"), keyFile })
                     .exitCode,
            0);
        const ProcessOutput e3 = run(QStringLiteral("openssl"), { QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-key"), keyFile, QStringLiteral("-subj"), QStringLiteral("/CN=e3"),
                                                                    QStringLiteral("-outform"), QStringLiteral("DER") });
        QCOMPARE(e3.exitCode, 0);
        CollectionSubmission odd;
        odd.sessionId = session->id;
        for (const RequestedCertificate& c : session->certificates)
            odd.requests << (c.keyAlgorithms.contains(KeyAlgorithm::Rsa2048) ? e3.out : makeCsr(c.keyAlgorithms.first()));
        const bool anyRsa = std::any_of(session->certificates.cbegin(), session->certificates.cend(),
            [](const RequestedCertificate& c) { return c.keyAlgorithms.contains(KeyAlgorithm::Rsa2048); });
        QVERIFY(anyRsa);
        QCOMPARE(problemOf(odd), QStringLiteral("rsa-exponent"));
        // Nothing was kept of the refused attempts: a proper submission still collects.
        auto good = await(m_fx.engine().submitCollection(submissionFor(*session, *PrivateKey::generate(KeyAlgorithm::Rsa2048))));
        QVERIFY2(good.ok(), good.ok() ? "" : qPrintable(good.error().toLogString()));
    }

    void replacementCollectsThroughTheSameProtocol()
    {
        const qint64 person = nextPerson();
        const Device first = m_fx.collect(request(person));
        DeviceAction lost;
        lost.operation = DeviceOperation::ReplaceLost;
        lost.reason = QStringLiteral("lost on the train");
        QVERIFY(await(m_fx.engine().changeDevice(m_op, first.id, lost)).ok());
        const qint64 job = m_fx.scalar(QStringLiteral("SELECT id FROM jobs WHERE device_id = ? AND job_type = 'replacement'"), { first.id }).toLongLong();
        QVERIFY(job > 0);
        auto code = await(m_fx.engine().regenerateCode(m_op, job, true));
        QVERIFY(code.ok());
        const Device second = m_fx.collect(*code);
        QVERIFY(second.id != first.id);
        QCOMPARE(second.state, DeviceState::Active);
        QCOMPARE(jobStatus(job), jobStatusId(JobStatus::Completed));
    }
};

QTEST_GUILESS_MAIN(TestCollection)
#include "tst_Collection.moc"
