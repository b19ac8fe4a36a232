// The card layer against the virtual PIV card in-process: BER-TLV, FASC-N and CHUID codecs,
// GET RESPONSE and command chaining in the transport, and every PIV command the product uses.
// The same card behind the real pcscd is tst_pcsc_cards.
#include "PcscHarness.h"
#include "VirtualPivCard.h"
#include "cards/ApduTransport.h"
#include "cards/BerTlv.h"
#include "cards/PivClient.h"
#include "cards/PivSigner.h"
#include "TestSupport.h"
#include "pki/DetachedSignature.h"
#include "pki/PrivateKey.h"

#include <QTemporaryDir>
#include <QTest>

using namespace lanyard;
using lanyard::test::VirtualPivCard;

namespace {
// yubico-piv-tool's CHUID template (REFERENCE-PIV.md), with this GUID.
const QByteArray kTemplateFascn = QByteArray::fromHex("D4E739DA739CED39CE739D836858210842108421C84210C3EB");
}

class TestPivClient : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<test::TestCardIssuer> m_issuer;

    struct Rig {
        VirtualPivCard card;
        int chainedBlocks = 0;
        int getResponses = 0;
        ApduTransport transport { [this](const QByteArray& command) -> Result<QByteArray> {
            if (quint8(command.at(0)) & 0x10)
                ++chainedBlocks;
            if (quint8(command.at(1)) == 0xC0)
                ++getResponses;
            return card.process(command);
        } };
        PivClient piv { transport };
    };

    std::unique_ptr<Rig> rigWith(KeyAlgorithm alg, Certificate* certOut = nullptr)
    {
        auto rig = std::make_unique<Rig>();
        auto key = PrivateKey::generate(alg);
        IssuanceParameters p;
        p.subject.append({ QStringLiteral("CN"), QStringLiteral("Card Holder") });
        p.sanUpn = QStringLiteral("holder@example.org");
        auto cert = m_issuer->ca().issueForKey(*key, p);
        VirtualPivCard::KeySlot slot { cert->toDer(), VirtualPivCard::keyFromPem(key->toPem()) };
        rig->card.setSlot(0x9A, slot);
        if (certOut)
            *certOut = *cert;
        rig->card.powerOn();
        return rig;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_issuer = std::make_unique<test::TestCardIssuer>(m_dir.path());
    }

    void berTlvRoundTrip_data()
    {
        QTest::addColumn<quint32>("tag");
        QTest::addColumn<int>("length");
        QTest::newRow("short") << quint32(0x53) << 10;
        QTest::newRow("81") << quint32(0x70) << 200;
        QTest::newRow("82") << quint32(0x5FC105) << 1500;
        QTest::newRow("two-byte tag") << quint32(0x7F49) << 0;
    }
    void berTlvRoundTrip()
    {
        QFETCH(quint32, tag);
        QFETCH(int, length);
        const QByteArray value(length, 'x');
        const QByteArray encoded = BerTlv::encode(tag, value) + BerTlv::encode(0xFE, {});
        auto parsed = BerTlv::parse(encoded);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().detail));
        QCOMPARE(parsed->size(), 2);
        QCOMPARE(parsed->at(0).tag, tag);
        QCOMPARE(parsed->at(0).value, value);
    }

    void berTlvRefusesMalformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("indefinite length") << QByteArray::fromHex("538000");
        QTest::newRow("value past the end") << QByteArray::fromHex("5305AABB");
        QTest::newRow("truncated length") << QByteArray::fromHex("5382AA");
        QTest::newRow("four-byte tag") << QByteArray::fromHex("5FFFFF0100");
        QTest::newRow("tag without length") << QByteArray::fromHex("7F49");
        QTest::newRow("length of four bytes") << QByteArray::fromHex("538400000001AA");
    }
    void berTlvRefusesMalformed()
    {
        QFETCH(QByteArray, bytes);
        auto parsed = BerTlv::parse(bytes);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::CardError);
    }

    void fascnTemplateDecodes()
    {
        auto fascn = Fascn::decode(kTemplateFascn);
        QVERIFY2(fascn.ok(), fascn.ok() ? "" : qPrintable(fascn.error().detail));
        QCOMPARE(fascn->agencyCode, QStringLiteral("9999"));
        QCOMPARE(fascn->systemCode, QStringLiteral("9999"));
        QCOMPARE(fascn->credentialNumber, QStringLiteral("999999"));
        QCOMPARE(fascn->credentialSeries, QStringLiteral("0"));
        QCOMPARE(fascn->individualCredentialIssue, QStringLiteral("1"));
        QCOMPARE(fascn->personIdentifier, QStringLiteral("0000000000"));
        QCOMPARE(fascn->organizationalCategory, QStringLiteral("3"));
        QCOMPARE(fascn->organizationalIdentifier, QStringLiteral("0000"));
        QCOMPARE(fascn->personOrganizationAssociation, QStringLiteral("1"));
        QCOMPARE(fascn->digits(), QStringLiteral("99999999999999010000000000300001"));
        // Encoding gives back the same 25 bytes, LRC and parity included.
        QCOMPARE(fascn->encode().value(), kTemplateFascn);
    }

    void fascnRefusesDamage()
    {
        QByteArray flipped = kTemplateFascn;
        flipped[3] = char(flipped[3] ^ 0x01); // one bit: a parity error
        QVERIFY(!Fascn::decode(flipped).ok());
        QVERIFY(!Fascn::decode(kTemplateFascn.left(24)).ok());
        auto digits = Fascn::fromDigits(QStringLiteral("99999999999999010123456789112341"));
        QVERIFY(digits.ok());
        QCOMPARE(digits->personIdentifier, QStringLiteral("0123456789"));
        QCOMPARE(Fascn::decode(digits->encode().value()).value(), *digits);
        QVERIFY(!Fascn::fromDigits(QStringLiteral("12ab")).ok());
    }

    void chuidTemplateParses()
    {
        const QByteArray guid = QByteArray::fromHex("00112233445566778899AABBCCDDEEFF");
        const QByteArray content = QByteArray::fromHex("3019") + kTemplateFascn + QByteArray::fromHex("3410") + guid
            + QByteArray::fromHex("3508") + QByteArray("20300101") + QByteArray::fromHex("3E00FE00");
        auto chuid = Chuid::parse(content);
        QVERIFY2(chuid.ok(), chuid.ok() ? "" : qPrintable(chuid.error().detail));
        QCOMPARE(chuid->guid, QUuid::fromRfc4122(guid));
        QCOMPARE(chuid->expiry, QDate(2030, 1, 1));
        QVERIFY(chuid->cardholderUuid.isNull());
        QCOMPARE(Chuid::parse(chuid->encode().value())->guid, chuid->guid);
        QVERIFY(!Chuid::parse(QByteArray::fromHex("3410") + guid).ok()); // no FASC-N
    }

    void certificateNeedsGetResponse()
    {
        Certificate cert;
        auto rig = rigWith(KeyAlgorithm::Rsa2048, &cert);
        QVERIFY(rig->piv.select().ok());
        auto der = rig->piv.readCertificate(PivSlot::Authentication);
        QVERIFY2(der.ok(), der.ok() ? "" : qPrintable(der.error().detail));
        QCOMPARE(*der, cert.toDer());
        QVERIFY(cert.toDer().size() > 256);
        QVERIFY(rig->getResponses >= 1);
        auto missing = rig->piv.readCertificate(PivSlot::Signature);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
    }

    void aCompressedCertificateIsInflated()
    {
        Certificate cert;
        auto rig = rigWith(KeyAlgorithm::Rsa2048, &cert);
        const test::ProcessOutput gzip = test::run(QStringLiteral("gzip"), { QStringLiteral("-c"), QStringLiteral("-n"), QStringLiteral("-9") }, cert.toDer());
        QCOMPARE(gzip.exitCode, 0);
        rig->card.setCompressedCertificate(0x9A, gzip.out);
        auto der = rig->piv.readAuthenticationCertificate();
        QVERIFY2(der.ok(), der.ok() ? "" : qPrintable(der.error().toLogString()));
        QCOMPARE(*der, cert.toDer());

        // Damaged: cut short, garbage, or a bomb far larger than any certificate. Refused with
        // the reason, never passed on as a certificate.
        for (const QByteArray& bad : { gzip.out.left(gzip.out.size() / 2), QByteArray("not gzip at all"), gzip.out + QByteArray("trailing"),
                 test::run(QStringLiteral("gzip"), { QStringLiteral("-c") }, QByteArray(4 * 1024 * 1024, '\0')).out }) {
            rig->card.setCompressedCertificate(0x9A, bad);
            auto refused = rig->piv.readAuthenticationCertificate();
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("certificate-compressed-damaged"));
        }
    }

    void aCardThatCannotCountTriesIsStillUsable()
    {
        auto rig = rigWith(KeyAlgorithm::EcP256);
        rig->card.setTriesUnreported(true);
        auto status = rig->piv.pinStatus();
        QVERIFY2(status.ok(), status.ok() ? "" : qPrintable(status.error().toLogString()));
        QVERIFY(status->triesUnknown);
        QCOMPARE(status->triesLeft, -1);
        QVERIFY(!status->blocked);
        auto wrong = rig->piv.verifyPin(QStringLiteral("000000"));
        QCOMPARE(wrong.error().code, ErrorCode::WrongPin);
        QVERIFY(rig->piv.verifyPin(QStringLiteral("123456")).ok());
    }

    void aChuidKnowsWhatItsIssuerSigned()
    {
        Chuid chuid;
        chuid.fascn = test::TestCardIssuer::fascnFor(QStringLiteral("0000012345"));
        chuid.guid = QUuid::createUuid();
        chuid.expiry = QDate(2031, 1, 1);
        const QByteArray bytes = m_issuer->signedChuid(chuid);
        auto parsed = Chuid::parse(bytes);
        QVERIFY(parsed.ok());
        QVERIFY(!parsed->issuerSignature.isEmpty());
        // Everything before the signature element: FASC-N (2 + 25), GUID (2 + 16), expiry (2 + 8).
        QCOMPARE(parsed->signedContent, bytes.left(27 + 18 + 10));
        auto signer = DetachedSignature::verify(parsed->issuerSignature, parsed->signedContent, DetachedSignature::kChuidContentType);
        QVERIFY2(signer.ok(), signer.ok() ? "" : qPrintable(signer.error().toLogString()));
        QVERIFY(signer->hasExtendedKeyUsage(DetachedSignature::kPivContentSigningUsage));
        QByteArray other = parsed->signedContent;
        other[30] = char(other.at(30) ^ 0x40);
        QVERIFY(!DetachedSignature::verify(parsed->issuerSignature, other, DetachedSignature::kChuidContentType).ok());
        QVERIFY(!DetachedSignature::verify(parsed->issuerSignature, parsed->signedContent, "1.2.3.4").ok());
        QVERIFY(!DetachedSignature::verify("not cms", parsed->signedContent, DetachedSignature::kChuidContentType).ok());
    }

    void rsaSignatureUsesChaining()
    {
        Certificate cert;
        auto rig = rigWith(KeyAlgorithm::Rsa2048, &cert);
        const QByteArray message("challenge from the engine");
        // Without the PIN the key refuses.
        auto refused = PivSigner::sign(rig->piv, PivSlot::Authentication, KeyAlgorithm::Rsa2048, message);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("pin-required"));
        QVERIFY(rig->piv.verifyPin(QStringLiteral("123456")).ok());
        auto signature = PivSigner::sign(rig->piv, PivSlot::Authentication, KeyAlgorithm::Rsa2048, message);
        QVERIFY2(signature.ok(), signature.ok() ? "" : qPrintable(signature.error().detail));
        QVERIFY(rig->chainedBlocks >= 1); // a 256-byte block does not fit one short APDU
        QVERIFY(cert.verifySignature(message, *signature).ok());
        QCOMPARE(cert.verifySignature("another message", *signature).error().code, ErrorCode::PossessionFailed);
    }

    void ecSignatureVerifies()
    {
        Certificate cert;
        auto rig = rigWith(KeyAlgorithm::EcP256, &cert);
        QVERIFY(rig->piv.verifyPin(QStringLiteral("123456")).ok());
        auto signature = PivSigner::sign(rig->piv, PivSlot::Authentication, KeyAlgorithm::EcP256, QByteArray("abc"));
        QVERIFY2(signature.ok(), signature.ok() ? "" : qPrintable(signature.error().detail));
        QVERIFY(cert.verifySignature("abc", *signature).ok());
        QCOMPARE(cert.publicKeyAlgorithm().value(), KeyAlgorithm::EcP256);
        QCOMPARE(cert.userPrincipalName(), QStringLiteral("holder@example.org"));
    }

    void pinTriesAndBlocking()
    {
        auto rig = rigWith(KeyAlgorithm::EcP256);
        auto first = rig->piv.pinStatus();
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().toLogString()));
        QCOMPARE(first->triesLeft, 3);
        auto wrong = rig->piv.verifyPin(QStringLiteral("000000"));
        QCOMPARE(wrong.error().code, ErrorCode::WrongPin);
        QCOMPARE(wrong.error().args.value(QStringLiteral("triesLeft")).toInt(), 2);
        // A PIN of the wrong shape never reaches the card: no try is lost.
        QCOMPARE(rig->piv.verifyPin(QStringLiteral("12ab")).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(rig->piv.pinStatus()->triesLeft, 2);
        QVERIFY(rig->piv.verifyPin(QStringLiteral("123456")).ok());
        QVERIFY(rig->piv.pinStatus()->verified);
        QVERIFY(rig->piv.logout().ok());
        QVERIFY(!rig->piv.pinStatus()->verified);
        QCOMPARE(rig->piv.pinStatus()->triesLeft, 3);
        rig->piv.verifyPin(QStringLiteral("000000")).error();
        rig->piv.verifyPin(QStringLiteral("000000")).error();
        auto blocked = rig->piv.verifyPin(QStringLiteral("000000"));
        QCOMPARE(blocked.error().code, ErrorCode::PinBlocked);
        QCOMPARE(rig->piv.verifyPin(QStringLiteral("123456")).error().code, ErrorCode::PinBlocked);
        QVERIFY(rig->piv.pinStatus()->blocked);

        // Unblock with the PUK; a wrong PUK counts against the PUK.
        auto wrongPuk = rig->piv.resetRetryCounter(QStringLiteral("87654321"), QStringLiteral("654321"));
        QCOMPARE(wrongPuk.error().code, ErrorCode::WrongPin);
        QCOMPARE(wrongPuk.error().args.value(QStringLiteral("reference")).toString(), QStringLiteral("puk"));
        QVERIFY(rig->piv.resetRetryCounter(QStringLiteral("12345678"), QStringLiteral("654321")).ok());
        QVERIFY(rig->piv.verifyPin(QStringLiteral("654321")).ok());
        QVERIFY(rig->piv.changeReference(PinReference::Pin, QStringLiteral("654321"), QStringLiteral("11223344")).ok());
        QCOMPARE(rig->piv.verifyPin(QStringLiteral("654321")).error().code, ErrorCode::WrongPin);
        QVERIFY(rig->piv.verifyPin(QStringLiteral("11223344")).ok());
    }

    void unknownApplicationAndShortAnswers()
    {
        // A link that answers one byte is a card error, not a crash.
        ApduTransport broken([](const QByteArray&) -> Result<QByteArray> { return QByteArray(1, '\x90'); });
        PivClient piv(broken);
        QCOMPARE(piv.select().error().code, ErrorCode::CardError);
        // A card that says 61xx forever stops at the transport's bound.
        ApduTransport looping([](const QByteArray&) -> Result<QByteArray> { return QByteArray(256, 'a') + QByteArray::fromHex("6100"); });
        PivClient piv2(looping);
        QCOMPARE(piv2.getData(0x5FC102).error().code, ErrorCode::CardError);
    }
};

QTEST_GUILESS_MAIN(TestPivClient)
#include "tst_PivClient.moc"
