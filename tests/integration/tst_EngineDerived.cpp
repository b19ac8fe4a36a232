// Derived PIV credentials in the engine: a card's certificate is validated against the
// configured anchors and CRL (expired, untrusted, revoked and unknown revocation each refused
// with their own error), its holder found by UPN or FASC-N, possession proven over a one-time
// challenge, the request bound to the card and never outliving it, and the derived
// credentials ended when the card's trust ends. The card signs in-process here; through
// pcscd and the kiosk UI it is tst_kiosk.
#include "PcscHarness.h"
#include "TestSupport.h"
#include "VirtualPivCard.h"
#include "cards/PivSigner.h"
#include "engine/SettingsSchema.h"
#include "pki/PrivateKey.h"

#include <QTest>

using namespace lanyard;
using namespace lanyard::test;

class TestEngineDerived : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<EngineFixture> m_fx;
    std::unique_ptr<TestCardIssuer> m_issuer;
    OperatorSession m_kiosk;
    OperatorSession m_admin;
    qint64 m_holder = 0;

    struct Card {
        ParentCard parent;
        VirtualPivCard chip;
        Certificate certificate;
    };

    // A card made by `issuer` whose holder's UPN is `upn`; it can sign like the real one.
    std::unique_ptr<Card> makeCard(const TestCardIssuer& issuer, const QString& upn, QDateTime from = {}, int days = 365)
    {
        auto card = std::make_unique<Card>();
        auto key = PrivateKey::generate(KeyAlgorithm::EcP256);
        IssuanceParameters p;
        p.subject.append({ QStringLiteral("CN"), QStringLiteral("Card Holder") });
        p.sanUpn = upn;
        p.notBefore = from;
        p.validityDays = days;
        auto cert = issuer.ca().issueForKey(*key, p);
        card->certificate = *cert;
        card->chip.setSlot(0x9A, { cert->toDer(), VirtualPivCard::keyFromPem(key->toPem()) });
        card->chip.powerOn();
        card->parent.certificateDer = cert->toDer();
        card->parent.fascn = QStringLiteral("99999999999999010000054321112341");
        card->parent.cardGuid = QUuid::createUuid().toString(QUuid::WithBraces);
        return card;
    }

    QByteArray sign(Card& card, const QByteArray& challenge)
    {
        ApduTransport transport([&card](const QByteArray& c) -> Result<QByteArray> { return card.chip.process(c); });
        PivClient piv(transport);
        if (!piv.verifyPin(QStringLiteral("123456")))
            return {};
        return PivSigner::sign(piv, PivSlot::Authentication, KeyAlgorithm::EcP256, challenge).value();
    }

    void trust(const QString& anchors, const QString& crls)
    {
        QString error;
        QVERIFY2(m_fx->configure(m_admin, { { SettingKey::DerivedTrustAnchorFiles, anchors }, { SettingKey::DerivedCrlFiles, crls } }, &error), qPrintable(error));
    }

private slots:
    void initTestCase()
    {
        m_fx = std::make_unique<EngineFixture>();
        m_fx->open();
        m_fx->seedDemo(30, 2);
        m_issuer = std::make_unique<TestCardIssuer>(m_fx->dir());
        m_kiosk = m_fx->logon(QString::fromLatin1(DemoDataGenerator::kKioskLogon), QString::fromLatin1(DemoDataGenerator::kOperatorPassword));
        m_admin = m_fx->demoOperator();
        m_holder = m_fx->firstPersonInGroup(QStringLiteral("Finance"));
        QVERIFY(m_holder > 0);
        m_fx->execSql(QStringLiteral("UPDATE people SET upn = 'holder@piv.example' WHERE id = ?"), { m_holder });
    }

    void refusedWithoutTrustAnchors()
    {
        auto card = makeCard(*m_issuer, QStringLiteral("holder@piv.example"));
        auto r = await(m_fx->engine().checkParentCard(m_kiosk, card->parent));
        QCOMPARE(r.error().code, ErrorCode::CertificateUntrusted);
        QCOMPARE(r.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("no-anchors"));
    }

    void settingsRefuseFilesThatAreNotCertificates()
    {
        QString error;
        QVERIFY(!m_fx->configure(m_admin, { { SettingKey::DerivedTrustAnchorFiles, m_fx->dir() + QStringLiteral("/missing.pem") } }, &error));
        QVERIFY2(error.contains(QLatin1String("missing.pem")), qPrintable(error));
        QVERIFY(!m_fx->configure(m_admin, { { SettingKey::DerivedCrlFiles, m_issuer->caPem() } }, &error));
    }

    void revocationMustBeKnown()
    {
        trust(m_issuer->caPem(), QString());
        auto card = makeCard(*m_issuer, QStringLiteral("holder@piv.example"));
        auto r = await(m_fx->engine().checkParentCard(m_kiosk, card->parent));
        QCOMPARE(r.error().code, ErrorCode::CertificateUntrusted);
        QCOMPARE(r.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("crl-missing"));
    }

    void issuesBoundToTheCard()
    {
        trust(m_issuer->caPem(), m_issuer->writeCrl({}));
        // The card expires before the profile's lifetime would end: the credential must not outlive it.
        auto card = makeCard(*m_issuer, QStringLiteral("Holder@PIV.example"), QDateTime::currentDateTimeUtc().addDays(-1), 100);
        auto check = await(m_fx->engine().checkParentCard(m_kiosk, card->parent));
        QVERIFY2(check.ok(), check.ok() ? "" : qPrintable(check.error().toLogString()));
        QCOMPARE(check->personId, m_holder);
        QCOMPARE(check->profileName, QStringLiteral("Derived PIV Credential"));
        QCOMPARE(check->challenge.size(), 32);

        // A signature over something else proves nothing, and spends the challenge.
        auto forged = await(m_fx->engine().requestDerivedCredential(m_kiosk, card->parent, check->challenge, sign(*card, "something else")));
        QCOMPARE(forged.error().code, ErrorCode::PossessionFailed);
        auto replay = await(m_fx->engine().requestDerivedCredential(m_kiosk, card->parent, check->challenge, sign(*card, check->challenge)));
        QCOMPARE(replay.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("challenge-expired"));

        auto fresh = await(m_fx->engine().checkParentCard(m_kiosk, card->parent));
        QVERIFY(fresh.ok());
        auto issued = await(m_fx->engine().requestDerivedCredential(m_kiosk, card->parent, fresh->challenge, sign(*card, fresh->challenge)));
        QVERIFY2(issued.ok(), issued.ok() ? "" : qPrintable(issued.error().toLogString()));
        QVERIFY(!issued->code.isEmpty());
        QVERIFY(issued->collectionUrl.contains(QLatin1String("/c/")));
        QCOMPARE(issued->job.parentFingerprint, QString::fromLatin1(card->certificate.sha256Fingerprint().toHex()));
        QCOMPARE(issued->job.validUntil.toSecsSinceEpoch(), card->certificate.notAfter().toSecsSinceEpoch());

        const Device device = m_fx->collect(*issued);
        QVERIFY(device.expiresAt <= card->certificate.notAfter());
        // The certificates too, to the second: whole days used to run past the card.
        auto certificates = await(m_fx->engine().certificatesOf(m_admin, device.id));
        QVERIFY(certificates && !certificates->isEmpty());
        for (const CertificateRecord& c : *certificates)
            QVERIFY2(c.notAfter <= card->certificate.notAfter(), qPrintable(c.notAfter.toString(Qt::ISODate) + QStringLiteral(" > ") + card->certificate.notAfter().toString(Qt::ISODate)));
        QCOMPARE(device.type, CardEncoding::DerivedCredential);
        QVERIFY(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE workflow = 'issue-derived-credential' AND details LIKE '%bound to parent card%'")).toInt() >= 1);

        // The card's trust ends (a notice through the API): the derived device is cancelled.
        auto refusedForKiosk = await(m_fx->engine().endParentCardTrust(m_kiosk, { issued->job.parentFingerprint, 0, QStringLiteral("card reported lost") }));
        QCOMPARE(refusedForKiosk.error().code, ErrorCode::PermissionDenied);
        auto ended = await(m_fx->engine().endParentCardTrust(m_admin, { issued->job.parentFingerprint, 0, QStringLiteral("card reported lost") }));
        QVERIFY2(ended.ok(), ended.ok() ? "" : qPrintable(ended.error().toLogString()));
        QCOMPARE(ended->devicesCancelled, 1);
        auto after = await(m_fx->engine().device(m_admin, device.id));
        QCOMPARE(after->state, DeviceState::Canceled);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM certificates WHERE device_id = ? AND status = 'active'"), { device.id }).toInt(), 0);
        QVERIFY(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE details LIKE '%parent card trust ended: card reported lost%'")).toInt() >= 1);
    }

    // The card ends two minutes from now; the code lives longer, but the credential may not.
    void aCredentialWhoseCardHasEndedCannotBeCollected()
    {
        trust(m_issuer->caPem(), m_issuer->writeCrl({}));
        auto card = makeCard(*m_issuer, QStringLiteral("holder@piv.example"), QDateTime::currentDateTimeUtc().addDays(-365).addSecs(120), 365);
        auto check = await(m_fx->engine().checkParentCard(m_kiosk, card->parent));
        QVERIFY2(check.ok(), check.ok() ? "" : qPrintable(check.error().toLogString()));
        auto issued = await(m_fx->engine().requestDerivedCredential(m_kiosk, card->parent, check->challenge, sign(*card, check->challenge)));
        QVERIFY(issued.ok());
        QVERIFY(issued->job.codeExpiresAt > QDateTime::currentDateTimeUtc().addSecs(300));
        m_fx->advanceClock(300);
        CollectionStart start { issued->job.collectionToken, issued->code, {} };
        start.device.hardwareSerial = QStringLiteral("LATE-PHONE");
        start.device.platform = QStringLiteral("Android");
        auto late = await(m_fx->engine().startCollection(start));
        QVERIFY(!late.ok());
        QVERIFY2(late.error().code == ErrorCode::CertificateExpired, qPrintable(late.error().toLogString()));
        QCOMPARE(late.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("parent-expired"));
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT status FROM jobs WHERE id = ?"), { issued->job.id }).toString(), QStringLiteral("awaiting-issue"));
        m_fx->advanceClock(-300);
    }

    void revokedParentsEndTheirCredentials()
    {
        trust(m_issuer->caPem(), m_issuer->writeCrl({}));
        auto card = makeCard(*m_issuer, QStringLiteral("holder@piv.example"));
        auto check = await(m_fx->engine().checkParentCard(m_kiosk, card->parent));
        QVERIFY(check.ok());
        auto issued = await(m_fx->engine().requestDerivedCredential(m_kiosk, card->parent, check->challenge, sign(*card, check->challenge)));
        QVERIFY(issued.ok());
        const Device device = m_fx->collect(*issued);
        // A second, still open request on the same card.
        auto again = await(m_fx->engine().checkParentCard(m_kiosk, card->parent));
        auto open = await(m_fx->engine().requestDerivedCredential(m_kiosk, card->parent, again->challenge, sign(*card, again->challenge)));
        QVERIFY(open.ok());

        // The issuer revokes the card: the kiosk refuses it, and the sweep ends what it gave.
        trust(m_issuer->caPem(), m_issuer->writeCrl({ card->certificate }));
        QCOMPARE(await(m_fx->engine().checkParentCard(m_kiosk, card->parent)).error().code, ErrorCode::CertificateRevoked);
        auto swept = await(m_fx->engine().endParentCardTrust(m_admin, {}));
        QVERIFY2(swept.ok(), swept.ok() ? "" : qPrintable(swept.error().toLogString()));
        QCOMPARE(swept->devicesCancelled, 1);
        QCOMPARE(swept->requestsCancelled, 1);
        QCOMPARE(await(m_fx->engine().device(m_admin, device.id))->state, DeviceState::Canceled);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT status FROM jobs WHERE id = ?"), { open->job.id }).toString(), QStringLiteral("cancelled"));
        trust(m_issuer->caPem(), m_issuer->writeCrl({}));
    }

    void refusals()
    {
        trust(m_issuer->caPem(), m_issuer->writeCrl({}));
        auto expired = makeCard(*m_issuer, QStringLiteral("holder@piv.example"), QDateTime::currentDateTimeUtc().addDays(-30), 10);
        QCOMPARE(await(m_fx->engine().checkParentCard(m_kiosk, expired->parent)).error().code, ErrorCode::CertificateExpired);

        TestCardIssuer stranger(m_fx->dir() + QStringLiteral("/.."), QStringLiteral("Somebody Else's CA"));
        auto untrusted = makeCard(stranger, QStringLiteral("holder@piv.example"));
        auto u = await(m_fx->engine().checkParentCard(m_kiosk, untrusted->parent));
        QCOMPARE(u.error().code, ErrorCode::CertificateUntrusted);
        QCOMPARE(u.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("path"));

        auto nobody = makeCard(*m_issuer, QStringLiteral("nobody@piv.example"));
        QCOMPARE(await(m_fx->engine().checkParentCard(m_kiosk, nobody->parent)).error().code, ErrorCode::NoMatchingPerson);

        // The FASC-N finds the holder even when the UPN is unknown.
        m_fx->execSql(QStringLiteral("UPDATE people SET fascn = ? WHERE id = ?"), { nobody->parent.fascn, m_holder });
        auto byFascn = await(m_fx->engine().checkParentCard(m_kiosk, nobody->parent));
        QVERIFY(byFascn.ok());
        QCOMPARE(byFascn->personId, m_holder);

        ParentCard garbage = nobody->parent;
        garbage.certificateDer = "not a certificate";
        QCOMPARE(await(m_fx->engine().checkParentCard(m_kiosk, garbage)).error().args.value(QStringLiteral("problem")).toString(),
            QStringLiteral("certificate-unreadable"));

        // Operators without the kiosk workflow cannot use it.
        QCOMPARE(await(m_fx->engine().checkParentCard(m_admin, nobody->parent)).error().code, ErrorCode::PermissionDenied);
    }
};

QTEST_GUILESS_MAIN(TestEngineDerived)
#include "tst_EngineDerived.moc"
