#include "TestSupport.h"
#include "pki/CertificateAuthority.h"
#include "pki/CertificateRequest.h"
#include "pki/Pkcs12.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/evp.h>

using namespace lanyard;
using namespace lanyard::test;

class TestCertificateAuthority : public QObject {
    Q_OBJECT

    CertificateAuthority m_ca;
    QTemporaryDir m_dir;

    IssuanceParameters params()
    {
        IssuanceParameters p;
        p.subject = { { QStringLiteral("CN"), QStringLiteral("Smith, John") }, { QStringLiteral("O"), QStringLiteral("Example") } };
        p.validityDays = 30;
        p.keyUsage = QStringLiteral("digitalSignature,keyEncipherment");
        p.extendedKeyUsage = QStringLiteral("clientAuth,msSmartcardLogin");
        p.sanEmails = { QStringLiteral("john@example.test") };
        p.sanUpn = QStringLiteral("jsmith@corp.example.test");
        return p;
    }

    QString write(const QString& name, const QByteArray& data)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(data);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto ca = CertificateAuthority::createRoot({ { QStringLiteral("CN"), QStringLiteral("Test Root") } }, KeyAlgorithm::EcP256, 365);
        QVERIFY(ca.ok());
        m_ca = *ca;
        QCOMPARE(m_ca.certificate().subject(), QStringLiteral("CN=Test Root"));
    }

    void issuesFromAllowedRequests_data()
    {
        QTest::addColumn<int>("alg");
        QTest::newRow("P-256") << int(KeyAlgorithm::EcP256);
        QTest::newRow("RSA-2048") << int(KeyAlgorithm::Rsa2048);
        QTest::newRow("RSA-3072") << int(KeyAlgorithm::Rsa3072);
    }
    void issuesFromAllowedRequests()
    {
        QFETCH(int, alg);
        auto csr = CertificateRequest::fromBytes(makeCsr(KeyAlgorithm(alg), QStringLiteral("ignored subject")));
        QVERIFY(csr.ok());
        auto cert = m_ca.issue(*csr, params());
        QVERIFY2(cert.ok(), qPrintable(cert.ok() ? QString() : cert.error().detail));
        // The request's own subject is ignored; the policy's subject is used.
        QCOMPARE(cert->subject(), QStringLiteral("CN=Smith\\, John,O=Example"));
        QCOMPARE(cert->emailAddresses(), QStringList { QStringLiteral("john@example.test") });
        QCOMPARE(cert->notBefore().daysTo(cert->notAfter()), 30);
        QVERIFY(m_ca.verify(*cert).ok());
        // An independent check: the openssl command line agrees with the chain and the extensions.
        const QString caFile = write(QStringLiteral("ca.pem"), m_ca.certificate().toPem());
        const QString leaf = write(QStringLiteral("leaf.pem"), cert->toPem());
        auto verify = run(QStringLiteral("openssl"), { QStringLiteral("verify"), QStringLiteral("-CAfile"), caFile, leaf });
        QVERIFY2(verify.exitCode == 0, verify.err.constData());
        QVERIFY(verify.out.contains(": OK"));
        auto text = run(QStringLiteral("openssl"), { QStringLiteral("x509"), QStringLiteral("-in"), leaf, QStringLiteral("-noout"), QStringLiteral("-text") });
        QVERIFY(text.out.contains("TLS Web Client Authentication"));
        QVERIFY(text.out.contains("Microsoft Smartcard Login"));
        QVERIFY(text.out.contains("email:john@example.test"));
        QVERIFY(text.out.contains("jsmith@corp.example.test"));
        QVERIFY(text.out.contains("Digital Signature, Key Encipherment"));
        QVERIFY(text.out.contains("CA:FALSE"));
    }

    void pemRequestsAreAccepted()
    {
        auto key = PrivateKey::generate(KeyAlgorithm::EcP256);
        auto der = CertificateRequest::create(*key, QStringLiteral("pem"));
        const QByteArray pem = "-----BEGIN CERTIFICATE REQUEST-----\n" + der->toBase64() + "\n-----END CERTIFICATE REQUEST-----\n";
        QVERIFY(CertificateRequest::fromBytes(pem).ok());
    }

    void refusesKeysThePolicyDoesNotAllow_data()
    {
        QTest::addColumn<QByteArray>("csr");
        QTest::addColumn<QString>("algorithm");
        QTest::newRow("RSA-1024") << makeRsaCsr(1024) << "RSA-1024";
        QTest::newRow("RSA-4096") << makeRsaCsr(4096) << "RSA-4096";
        QTest::newRow("P-384") << makeCsrForCurve("P-384") << "EC secp384r1";
    }
    void refusesKeysThePolicyDoesNotAllow()
    {
        QFETCH(QByteArray, csr);
        QFETCH(QString, algorithm);
        auto req = CertificateRequest::fromBytes(csr);
        QVERIFY(req.ok());
        auto cert = m_ca.issue(*req, params());
        QVERIFY(!cert.ok());
        QCOMPARE(cert.error().code, ErrorCode::KeyAlgorithmNotAllowed);
        QCOMPARE(cert.error().args.value(QStringLiteral("algorithm")).toString(), algorithm);
    }

    void refusesEd25519()
    {
        auto ed = PrivateKey::adopt(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
        QVERIFY(!ed.isNull());
        QVERIFY(!ed.algorithm().ok());
        QCOMPARE(ed.algorithm().error().code, ErrorCode::KeyAlgorithmNotAllowed);
    }

    void policyNarrowsAlgorithms()
    {
        IssuanceParameters p = params();
        p.allowedAlgorithms = { KeyAlgorithm::EcP256 };
        auto cert = m_ca.issue(*CertificateRequest::fromBytes(makeCsr(KeyAlgorithm::Rsa2048)), p);
        QVERIFY(!cert.ok());
        QCOMPARE(cert.error().code, ErrorCode::KeyAlgorithmNotAllowed);
        QCOMPARE(cert.error().args.value(QStringLiteral("allowed")).toString(), QStringLiteral("p256"));
    }

    void refusesBrokenRequests()
    {
        QByteArray tampered = makeCsr(KeyAlgorithm::EcP256);
        tampered[tampered.size() - 5] = char(tampered[tampered.size() - 5] ^ 0x55); // inside the signature
        auto bad = CertificateRequest::fromBytes(tampered);
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().code == ErrorCode::CsrSignatureInvalid || bad.error().code == ErrorCode::CsrInvalid);

        QByteArray subjectChanged = makeCsr(KeyAlgorithm::EcP256, QStringLiteral("AAAA"));
        const int at = subjectChanged.indexOf("AAAA");
        QVERIFY(at > 0);
        subjectChanged[at] = 'B'; // signed content altered, signature intact
        auto altered = CertificateRequest::fromBytes(subjectChanged);
        QVERIFY(!altered.ok());
        QCOMPARE(altered.error().code, ErrorCode::CsrSignatureInvalid);

        auto garbage = CertificateRequest::fromBytes(QByteArray("not a request"));
        QVERIFY(!garbage.ok());
        QCOMPARE(garbage.error().code, ErrorCode::CsrInvalid);
        QVERIFY(!CertificateRequest::fromBytes(QByteArray()).ok());
    }

    void refusesBadParameters()
    {
        auto csr = *CertificateRequest::fromBytes(makeCsr(KeyAlgorithm::EcP256));
        IssuanceParameters p = params();
        p.keyUsage = QStringLiteral("teleportation");
        QCOMPARE(m_ca.issue(csr, p).error().code, ErrorCode::InvalidArgument);
        p = params();
        p.sanEmails = { QStringLiteral("not an email") };
        QCOMPARE(m_ca.issue(csr, p).error().code, ErrorCode::InvalidArgument);
        p = params();
        p.subject.clear();
        QCOMPARE(m_ca.issue(csr, p).error().code, ErrorCode::DnTemplateInvalid);
    }

    // What a certificate belongs to may end sooner than the policy's days: it ends then, to the second.
    void aCapEndsTheCertificateToTheSecond()
    {
        auto csr = *CertificateRequest::fromBytes(makeCsr(KeyAlgorithm::EcP256));
        IssuanceParameters p = params();
        p.notBefore = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
        p.notAfterCap = p.notBefore.addDays(10).addSecs(7);
        auto capped = m_ca.issue(csr, p);
        QVERIFY(capped.ok());
        QCOMPARE(capped->notAfter(), p.notAfterCap);
        p.notAfterCap = p.notBefore.addDays(40); // later than the 30 days: no effect
        QCOMPARE(m_ca.issue(csr, p)->notAfter(), p.notBefore.addDays(30));
        p.notAfterCap = p.notBefore.addSecs(-1);
        auto ended = m_ca.issue(csr, p);
        QCOMPARE(ended.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(ended.error().args.value(QStringLiteral("problem")).toString(), QStringLiteral("validity-ended"));
    }

    // What a PKI team checks in a PKCS#12 file, read by the openssl tool: AES-256 under PBKDF2
    // with at least 100,000 iterations, and a SHA-256 MAC with as many; the PIN opens it.
    void pkcs12FilesAreStronglySealed()
    {
        auto key = PrivateKey::generate(KeyAlgorithm::EcP256);
        QVERIFY(key);
        auto cert = m_ca.issueForKey(*key, params());
        QVERIFY(cert);
        auto p12 = Pkcs12::create(*key, *cert, { m_ca.certificate() }, "2468-1357");
        QVERIFY(p12);
        QCOMPARE(Pkcs12::passwordOpens(*p12, "2468-1357").value(), true);
        QCOMPARE(Pkcs12::passwordOpens(*p12, "2468-1358").value(), false);
        const QString file = m_dir.filePath(QStringLiteral("strong.p12"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(*p12);
        out.close();
        const ProcessOutput info = run(QStringLiteral("openssl"),
            { QStringLiteral("pkcs12"), QStringLiteral("-info"), QStringLiteral("-noout"), QStringLiteral("-in"), file, QStringLiteral("-passin"), QStringLiteral("pass:2468-1357") });
        const QString said = QString::fromUtf8(info.out + info.err);
        QVERIFY2(info.exitCode == 0, qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("MAC: sha256, Iteration 100000")), qPrintable(said));
        QCOMPARE(said.count(QStringLiteral("PBES2, PBKDF2, AES-256-CBC, Iteration 100000, PRF hmacWithSHA256")), 2); // the certificates and the key
        QVERIFY2(!said.contains(QStringLiteral("RC2")) && !said.contains(QStringLiteral("3DES")) && !said.contains(QStringLiteral("Iteration 2048")), qPrintable(said));
    }

    // A certificate whose policy asks for longer than its CA has left ends with the CA.
    void aCertificateNeverOutlivesItsCa()
    {
        auto shortLived = m_ca.createSubordinate({ { QStringLiteral("CN"), QStringLiteral("Short-lived issuing CA") } }, KeyAlgorithm::EcP256, 10);
        QVERIFY(shortLived);
        auto key = PrivateKey::generate(KeyAlgorithm::EcP256);
        QVERIFY(key);
        IssuanceParameters p = params();
        p.validityDays = 365;
        auto cert = shortLived->issueForKey(*key, p);
        QVERIFY(cert);
        QCOMPARE(cert->notAfter(), shortLived->certificate().notAfter());
    }

    void crlListsHeldAndRevoked()
    {
        auto csr = *CertificateRequest::fromBytes(makeCsr(KeyAlgorithm::EcP256));
        auto held = *m_ca.issue(csr, params());
        auto revoked = *m_ca.issue(csr, params());
        auto good = *m_ca.issue(csr, params());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto unspecified = *m_ca.issue(csr, params());
        auto crl = m_ca.makeCrl({ { held.serialHex(), now, RevocationReason::CertificateHold }, { revoked.serialHex(), now, RevocationReason::KeyCompromise },
                                    { unspecified.serialHex(), now, RevocationReason::Unspecified } },
            7, now, now.addDays(1));
        QVERIFY(crl.ok());
        const QString crlFile = write(QStringLiteral("crl.der"), *crl);
        auto text = run(QStringLiteral("openssl"), { QStringLiteral("crl"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), crlFile, QStringLiteral("-noout"), QStringLiteral("-text") });
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(held.serialHex().toLatin1()));
        QVERIFY(text.out.contains(revoked.serialHex().toLatin1()));
        QVERIFY(!text.out.contains(good.serialHex().toLatin1()));
        QVERIFY(text.out.contains("Certificate Hold"));
        QVERIFY(text.out.contains("Key Compromise"));
        QVERIFY(text.out.contains("X509v3 CRL Number: \n                7"));
        // RFC 5280: the CA's key identifier, and no reason code at all for "unspecified".
        QVERIFY2(text.out.contains("X509v3 Authority Key Identifier"), text.out.constData());
        QCOMPARE(text.out.count("CRL Reason Code"), 2);
        QVERIFY(!text.out.contains("Unspecified"));
        // openssl checks the CRL's signature and applies it to a chain.
        const QString caFile = write(QStringLiteral("ca2.pem"), m_ca.certificate().toPem());
        const QString crlPem = write(QStringLiteral("crl.pem"),
            run(QStringLiteral("openssl"), { QStringLiteral("crl"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), crlFile }).out);
        for (const auto& [cert, expectOk] : { std::pair { held, false }, std::pair { revoked, false }, std::pair { good, true } }) {
            const QString leaf = write(QStringLiteral("l.pem"), cert.toPem());
            auto v = run(QStringLiteral("openssl"), { QStringLiteral("verify"), QStringLiteral("-crl_check"), QStringLiteral("-CAfile"), caFile, QStringLiteral("-CRLfile"), crlPem, leaf });
            QCOMPARE(v.exitCode == 0, expectOk);
        }
    }
};

QTEST_GUILESS_MAIN(TestCertificateAuthority)
#include "tst_CertificateAuthority.moc"
