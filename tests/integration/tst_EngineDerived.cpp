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

    // What the certificate of a test card names: a UPN, and a FASC-N (by its person
    // identifier) and card UUID when set.
    struct Holder {
        QString upn;
        QString fascnPerson;
        QUuid cardUuid;
    };

    // A card made by `issuer` for `holder`; it can sign like the real one. Its CHUID is
    // unsigned and names someone else's FASC-N and a random GUID: claims nobody vouches for.
    std::unique_ptr<Card> makeCard(const TestCardIssuer& issuer, const Holder& holder, QDateTime from = {}, int days = 365)
    {
        auto card = std::make_unique<Card>();
        auto key = PrivateKey::generate(KeyAlgorithm::EcP256);
        IssuanceParameters p;
        p.subject.append({ QStringLiteral("CN"), QStringLiteral("Card Holder") });
        p.sanUpn = holder.upn;
        if (!holder.fascnPerson.isEmpty())
            p.sanFascn = TestCardIssuer::fascnFor(holder.fascnPerson).encode().value();
        if (!holder.cardUuid.isNull())
            p.sanCardUuid = holder.cardUuid.toString(QUuid::WithoutBraces);
        p.notBefore = from;
        p.validityDays = days;
        auto cert = issuer.ca().issueForKey(*key, p);
        card->certificate = *cert;
        card->chip.setSlot(0x9A, { cert->toDer(), VirtualPivCard::keyFromPem(key->toPem()) });
        card->chip.powerOn();
        card->parent.certificateDer = cert->toDer();
        card->parent.chuid = chuidFor(QStringLiteral("0000054321"), QUuid::createUuid()).encode().value();
        return card;
    }
    std::unique_ptr<Card> makeCard(const TestCardIssuer& issuer, const QString& upn, QDateTime from = {}, int days = 365)
    {
        return makeCard(issuer, Holder { upn, {}, {} }, from, days);
    }

    static Chuid chuidFor(const QString& fascnPerson, const QUuid& guid)
    {
        Chuid chuid;
        chuid.fascn = TestCardIssuer::fascnFor(fascnPerson);
        chuid.guid = guid;
        chuid.expiry = QDate::currentDate().addYears(5);
        return chuid;
    }
    static QString fascnDigits(const QString& fascnPerson) { return TestCardIssuer::fascnFor(fascnPerson).digits(); }

    Result<ParentCardCheck> check(const ParentCard& card) { return await(m_fx->engine().checkParentCard(m_kiosk, card)); }
    // Whom the kiosk greets for this card, or 0 with the refusal in the test's log.
    qint64 holderOf(const ParentCard& card)
    {
        auto r = check(card);
        if (!r) {
            qWarning("refused: %s", qPrintable(r.error().toLogString()));
            return 0;
        }
        return r->personId;
    }
    QString lastRefusal()
    {
        return m_fx->scalar(QStringLiteral("SELECT details FROM audit_events WHERE workflow = 'issue-derived-credential' AND details LIKE 'refused:%' ORDER BY seq DESC LIMIT 1")).toString();
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
        // Most cards here carry only a UPN; finding their holder by it is a setting.
        QString error;
        QVERIFY2(m_fx->configure(m_admin, { { SettingKey::DerivedMatchUpn, QStringLiteral("true") } }, &error), qPrintable(error));
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

    // The engine checks on its own, on its housekeeping beat at most once an hour: a card
    // revoked after its credential was issued ends that credential without an operator.
    void theScheduledCheckEndsWhatARevokedCardGave()
    {
        trust(m_issuer->caPem(), m_issuer->writeCrl({}));
        auto card = makeCard(*m_issuer, QStringLiteral("holder@piv.example"));
        auto check = await(m_fx->engine().checkParentCard(m_kiosk, card->parent));
        QVERIFY(check.ok());
        auto issued = await(m_fx->engine().requestDerivedCredential(m_kiosk, card->parent, check->challenge, sign(*card, check->challenge)));
        QVERIFY(issued.ok());
        const Device device = m_fx->collect(*issued);
        m_fx->advanceClock(3601);
        QVERIFY(await(m_fx->engine().housekeeping()).ok()); // nothing revoked yet: nothing ended
        m_admin = m_fx->demoOperator();
        QCOMPARE(await(m_fx->engine().device(m_admin, device.id))->state, DeviceState::Active);

        trust(m_issuer->caPem(), m_issuer->writeCrl({ card->certificate }));
        // Within the hour the beat does not read the CRLs again.
        QVERIFY(await(m_fx->engine().housekeeping()).ok());
        QCOMPARE(await(m_fx->engine().device(m_admin, device.id))->state, DeviceState::Active);
        m_fx->advanceClock(3601);
        auto swept = await(m_fx->engine().housekeeping());
        QVERIFY2(swept.ok(), swept.ok() ? "" : qPrintable(swept.error().toLogString()));
        QVERIFY(*swept >= 1);
        m_admin = m_fx->demoOperator();
        QCOMPARE(await(m_fx->engine().device(m_admin, device.id))->state, DeviceState::Canceled);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE operator_name = 'parent card check' AND device_id = ?"), { device.id }).toInt(), 1);
        // Ended once: the next check finds nothing left hanging on the card.
        m_fx->advanceClock(3601);
        QCOMPARE(*await(m_fx->engine().housekeeping()), 0);
        trust(m_issuer->caPem(), m_issuer->writeCrl({}));
    }

    // The attack once found: a card with A's certificate and a CHUID naming B was greeted as B,
    // and B's credential issued. The holder comes from the certificate; an unsigned CHUID
    // counts for nothing, a signed one must agree.
    void theHolderComesFromTheCertificateNotTheChuid()
    {
        trust(m_issuer->caPem(), m_issuer->writeCrl({}));
        const qint64 alice = m_fx->firstPersonInGroup(QStringLiteral("Sales"));
        const qint64 bob = m_fx->firstPersonInGroup(QStringLiteral("Sales"), alice);
        QVERIFY(alice > 0 && bob > 0 && alice != bob);
        const QUuid bobsCard = QUuid::createUuid();
        m_fx->execSql(QStringLiteral("UPDATE people SET fascn = ? WHERE id = ?"), { fascnDigits(QStringLiteral("0000000001")), alice });
        m_fx->execSql(QStringLiteral("UPDATE people SET fascn = ?, card_uuid = ? WHERE id = ?"),
            { fascnDigits(QStringLiteral("0000000002")), bobsCard.toString(QUuid::WithoutBraces), bob });

        auto card = makeCard(*m_issuer, Holder { {}, QStringLiteral("0000000001"), {} });
        card->parent.chuid = chuidFor(QStringLiteral("0000000002"), bobsCard).encode().value(); // unsigned: B's identifiers
        auto greeted = check(card->parent);
        QVERIFY2(greeted.ok(), greeted.ok() ? "" : qPrintable(greeted.error().toLogString()));
        QCOMPARE(greeted->personId, alice);
        auto issued = await(m_fx->engine().requestDerivedCredential(m_kiosk, card->parent, greeted->challenge, sign(*card, greeted->challenge)));
        QVERIFY2(issued.ok(), issued.ok() ? "" : qPrintable(issued.error().toLogString()));
        QCOMPARE(issued->job.personId, alice);
        QVERIFY(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE details LIKE '%CHUID unsigned, not used%'")).toInt() >= 1);

        // The same claim signed by the card issuer's content signer: refused, both values named.
        card->parent.chuid = m_issuer->signedChuid(chuidFor(QStringLiteral("0000000002"), bobsCard));
        auto mismatch = check(card->parent);
        QVERIFY(!mismatch.ok());
        QCOMPARE(mismatch.error().code, ErrorCode::CardIdentityMismatch);
        QCOMPARE(errorId(mismatch.error().code), QStringLiteral("card-identity-mismatch"));
        const QString refusal = lastRefusal();
        QVERIFY2(refusal.contains(fascnDigits(QStringLiteral("0000000001"))) && refusal.contains(fascnDigits(QStringLiteral("0000000002"))), qPrintable(refusal));

        // Signed by a stranger's content signer: not used at all, so the certificate decides.
        TestCardIssuer stranger(m_fx->dir() + QStringLiteral("/.."), QStringLiteral("Forger's CA"));
        card->parent.chuid = stranger.signedChuid(chuidFor(QStringLiteral("0000000002"), bobsCard));
        QCOMPARE(holderOf(card->parent), alice);
        // A signature over other content (a byte of the GUID changed after signing) is not used either.
        QByteArray tampered = m_issuer->signedChuid(chuidFor(QStringLiteral("0000000001"), QUuid::createUuid()));
        QCOMPARE(tampered.mid(27, 2), QByteArray::fromHex("3410")); // after the FASC-N's 2 + 25 bytes
        tampered[29] = char(tampered.at(29) ^ 0x01);
        card->parent.chuid = tampered;
        QCOMPARE(holderOf(card->parent), alice);

        // A signed CHUID that agrees with the certificate (FASC-N, and GUID = card UUID).
        const QUuid alicesCard = QUuid::createUuid();
        auto agreeing = makeCard(*m_issuer, Holder { {}, QStringLiteral("0000000001"), alicesCard });
        agreeing->parent.chuid = m_issuer->signedChuid(chuidFor(QStringLiteral("0000000001"), alicesCard));
        QCOMPARE(holderOf(agreeing->parent), alice);
        agreeing->parent.chuid = m_issuer->signedChuid(chuidFor(QStringLiteral("0000000001"), QUuid::createUuid()));
        QCOMPARE(check(agreeing->parent).error().code, ErrorCode::CardIdentityMismatch);
        m_fx->execSql(QStringLiteral("UPDATE people SET fascn = '', card_uuid = '' WHERE id IN (?, ?)"), { alice, bob });
    }

    void theCardUuidFindsItsHolderHoweverItWasTyped()
    {
        trust(m_issuer->caPem(), m_issuer->writeCrl({}));
        const QUuid uuid = QUuid::createUuid();
        const qint64 person = m_fx->firstPersonInGroup(QStringLiteral("Sales"));
        // Set by an operator with Edit People, braces and capitals as pasted from a card tool.
        auto set = await(m_fx->engine().setCardIdentifiers(m_admin, person, CardIdentifiers { {}, uuid.toString(QUuid::WithBraces).toUpper() }));
        QVERIFY2(set.ok(), set.ok() ? "" : qPrintable(set.error().toLogString()));
        QCOMPARE(set->cardUuid, uuid.toString(QUuid::WithoutBraces));
        auto card = makeCard(*m_issuer, Holder { {}, {}, uuid });
        auto found = check(card->parent);
        QVERIFY2(found.ok(), found.ok() ? "" : qPrintable(found.error().toLogString()));
        QCOMPARE(found->personId, person);
        QVERIFY(await(m_fx->engine().setCardIdentifiers(m_admin, person, {})).ok());
        QCOMPARE(check(card->parent).error().code, ErrorCode::NoMatchingPerson);
    }

    void cardIdentifiersAreCheckedWhenSet()
    {
        const qint64 one = m_fx->firstPersonInGroup(QStringLiteral("Sales"));
        const qint64 two = m_fx->firstPersonInGroup(QStringLiteral("Sales"), one);
        auto problem = [](const Result<Person>& r) { return r.ok() ? QString() : r.error().args.value(QStringLiteral("problem")).toString(); };
        QCOMPARE(problem(await(m_fx->engine().setCardIdentifiers(m_admin, one, CardIdentifiers { QStringLiteral("1234"), {} }))), QStringLiteral("fascn-format"));
        QCOMPARE(problem(await(m_fx->engine().setCardIdentifiers(m_admin, one, CardIdentifiers { {}, QStringLiteral("not-a-uuid") }))), QStringLiteral("uuid-format"));
        QCOMPARE(problem(await(m_fx->engine().setCardIdentifiers(m_admin, one, CardIdentifiers { {}, QStringLiteral("{3f2504e0-4f89-11d3-9a0c-0305e82c3301") }))),
            QStringLiteral("uuid-format"));
        // The 25 encoded bytes as hex, or the digits with separators: the same 32 digits.
        const QByteArray encoded = TestCardIssuer::fascnFor(QStringLiteral("0000000777")).encode().value();
        auto fromHex = await(m_fx->engine().setCardIdentifiers(m_admin, one, CardIdentifiers { QString::fromLatin1(encoded.toHex()).toUpper(), {} }));
        QVERIFY2(fromHex.ok(), fromHex.ok() ? "" : qPrintable(fromHex.error().toLogString()));
        QCOMPARE(fromHex->fascn, fascnDigits(QStringLiteral("0000000777")));
        QString spaced = fascnDigits(QStringLiteral("0000000777"));
        spaced.insert(4, QLatin1Char(' ')).insert(9, QLatin1Char('-'));
        auto taken = await(m_fx->engine().setCardIdentifiers(m_admin, two, CardIdentifiers { spaced, {} }));
        QCOMPARE(taken.error().code, ErrorCode::CardIdentifierTaken);
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT fascn FROM people WHERE id = ?"), { two }).toString(), QString());
        // Binding one's own card to someone holding more rights would make one them at the
        // kiosk: an editor who lacks the administrator's rights may not.
        const qint64 editor = m_fx->createOperator(QStringLiteral("cardeditor"), QStringLiteral("Sales"), Scope::All, { Workflow::FindPerson, Workflow::EditPeople });
        QVERIFY(editor > 0);
        auto bind = await(m_fx->engine().setCardIdentifiers(m_fx->logon(QStringLiteral("cardeditor")), m_admin.personId, CardIdentifiers { fascnDigits(QStringLiteral("0000000888")), {} }));
        QCOMPARE(bind.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("identifier-rights"));
        QCOMPARE(m_fx->scalar(QStringLiteral("SELECT fascn FROM people WHERE id = ?"), { m_admin.personId }).toString(), QString());
        QVERIFY(await(m_fx->engine().setCardIdentifiers(m_fx->logon(QStringLiteral("cardeditor")), two, CardIdentifiers { fascnDigits(QStringLiteral("0000000888")), {} })).ok());
        QVERIFY(await(m_fx->engine().setCardIdentifiers(m_admin, two, {})).ok());
        // Only with Edit People, and the change is in the audit.
        QCOMPARE(await(m_fx->engine().setCardIdentifiers(m_kiosk, two, CardIdentifiers { {}, {} })).error().code, ErrorCode::PermissionDenied);
        QVERIFY(m_fx->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE workflow = 'edit-people' AND person_id = ?"), { one }).toInt() >= 1);
        QVERIFY(await(m_fx->engine().setCardIdentifiers(m_admin, one, {})).ok());
    }

    void theUpnCountsOnlyWhereAllowedAndOnlyForCardsWithoutIdentifiers()
    {
        trust(m_issuer->caPem(), m_issuer->writeCrl({}));
        auto byUpn = makeCard(*m_issuer, QStringLiteral("holder@piv.example"));
        QString error;
        QVERIFY(m_fx->configure(m_admin, { { SettingKey::DerivedMatchUpn, QStringLiteral("false") } }, &error));
        auto off = check(byUpn->parent);
        QCOMPARE(off.error().code, ErrorCode::NoMatchingPerson);
        QCOMPARE(off.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("upn-match-off"));
        QVERIFY(m_fx->configure(m_admin, { { SettingKey::DerivedMatchUpn, QStringLiteral("true") } }, &error));
        QCOMPARE(holderOf(byUpn->parent), m_holder);
        // A card that carries a FASC-N is found by it or not at all, whatever its UPN says.
        auto withFascn = makeCard(*m_issuer, Holder { QStringLiteral("holder@piv.example"), QStringLiteral("0000000999"), {} });
        QCOMPARE(check(withFascn->parent).error().code, ErrorCode::NoMatchingPerson);
        // Also when that FASC-N does not even decode.
        auto key = PrivateKey::generate(KeyAlgorithm::EcP256);
        IssuanceParameters p;
        p.subject.append({ QStringLiteral("CN"), QStringLiteral("Broken FASC-N") });
        p.sanUpn = QStringLiteral("holder@piv.example");
        p.sanFascn = QByteArray(25, '\0');
        auto broken = m_issuer->ca().issueForKey(*key, p);
        QVERIFY(broken.ok());
        auto unreadable = check(ParentCard { broken->toDer(), {} });
        QCOMPARE(unreadable.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("certificate-fascn-unreadable"));
    }

    void intermediatesCompleteThePathAndEachLevelNeedsItsCrl()
    {
        const TestCardIssuer sub = m_issuer->intermediate(QStringLiteral("piv-sub-ca"), QStringLiteral("Lanyard Test PIV Issuing CA"));
        auto card = makeCard(sub, QStringLiteral("holder@piv.example"));
        const QString rootCrl = m_issuer->writeCrl({});
        const QString subCrl = sub.writeCrl({}, QStringLiteral("piv-sub-ca.crl"));
        // The root alone is no path.
        trust(m_issuer->caPem(), rootCrl + QLatin1Char(';') + subCrl);
        auto noPath = check(card->parent);
        QCOMPARE(noPath.error().code, ErrorCode::CertificateUntrusted);
        QCOMPARE(noPath.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("path"));
        QString error;
        QVERIFY2(m_fx->configure(m_admin, { { SettingKey::DerivedIntermediateFiles, sub.caPem() } }, &error), qPrintable(error));
        auto ok = check(card->parent);
        QVERIFY2(ok.ok(), ok.ok() ? "" : qPrintable(ok.error().toLogString()));
        QCOMPARE(ok->personId, m_holder);
        // Without the intermediate's CRL the card's revocation is unknown: refused.
        trust(m_issuer->caPem(), rootCrl);
        QCOMPARE(check(card->parent).error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("crl-missing"));
        // The intermediate revoked by the root: refused though the card itself is not listed.
        trust(m_issuer->caPem(), m_issuer->writeCrl({ sub.ca().certificate() }, QStringLiteral("root-revokes-sub.crl")) + QLatin1Char(';') + subCrl);
        QCOMPARE(check(card->parent).error().code, ErrorCode::CertificateRevoked);
        QVERIFY(m_fx->configure(m_admin, { { SettingKey::DerivedIntermediateFiles, QString() } }, &error));
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
        QVERIFY2(lastRefusal().contains(QLatin1String("nobody@piv.example")), qPrintable(lastRefusal()));

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
