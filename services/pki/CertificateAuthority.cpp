#include "CertificateAuthority.h"

#include "OpenSslError.h"
#include "OpenSslPtr.h"
#include "SecureRandom.h"

#include <openssl/x509v3.h>

namespace lanyard {

namespace {

Result<ossl::X509Name> makeName(const DistinguishedName& dn)
{
    // Written most specific first (LDAP order); encoded most significant first (X.501 order).
    ossl::X509Name name(X509_NAME_new());
    for (auto it = dn.crbegin(); it != dn.crend(); ++it) {
        const auto& [type, value] = *it;
        const QByteArray t = type.toLatin1();
        const QByteArray v = value.toUtf8();
        if (X509_NAME_add_entry_by_txt(name.get(), t.constData(), MBSTRING_UTF8,
                reinterpret_cast<const unsigned char*>(v.constData()), int(v.size()), -1, 0)
            != 1)
            return openSslError(ErrorCode::DnTemplateInvalid, QStringLiteral("attribute %1 rejected").arg(type));
    }
    return name;
}

Result<void> addExtension(X509* cert, X509* issuer, int nid, const QString& value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    const QByteArray v = value.toLatin1();
    ossl::X509Ext ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, v.constData()));
    if (!ext)
        return openSslError(ErrorCode::InvalidArgument, QStringLiteral("extension %1=%2").arg(QString::fromLatin1(OBJ_nid2sn(nid)), value));
    if (X509_add_ext(cert, ext.get(), -1) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("adding extension"));
    return {};
}

ossl::Asn1Integer randomSerial()
{
    QByteArray bytes = secureRandomBytes(16);
    bytes[0] = char(bytes[0] & 0x7F); // positive
    if (bytes[0] == 0)
        bytes[0] = 0x01; // keep 16 significant bytes
    ossl::BigNum bn(BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes.constData()), int(bytes.size()), nullptr));
    return ossl::Asn1Integer(BN_to_ASN1_INTEGER(bn.get(), nullptr));
}

Result<Certificate> build(const PrivateKey& subjectKey, const IssuanceParameters& p, X509* issuerCert,
    const PrivateKey& issuerKey, bool isCa)
{
    clearOpenSslErrors();
    ossl::X509Ptr cert(X509_new());
    X509_set_version(cert.get(), 2);
    auto serial = randomSerial();
    X509_set_serialNumber(cert.get(), serial.get());
    auto name = makeName(p.subject);
    if (!name)
        return name.error();
    X509_set_subject_name(cert.get(), name->get());
    X509_set_issuer_name(cert.get(), issuerCert ? X509_get_subject_name(issuerCert) : name->get());
    // Without a given start, five minutes back: a verifier whose clock runs a little behind
    // (a phone, a test clock, a VM after a time sync) must not see "not yet valid".
    const QDateTime from = (p.notBefore.isValid() ? p.notBefore : QDateTime::currentDateTimeUtc().addSecs(-300));
    const QDateTime until = p.notAfterCap.isValid() ? qMin(from.addDays(p.validityDays), p.notAfterCap) : from.addDays(p.validityDays);
    ASN1_TIME_set(X509_getm_notBefore(cert.get()), time_t(from.toSecsSinceEpoch()));
    ASN1_TIME_set(X509_getm_notAfter(cert.get()), time_t(until.toSecsSinceEpoch()));
    X509_set_pubkey(cert.get(), subjectKey.native());
    X509* issuer = issuerCert ? issuerCert : cert.get();
    if (isCa) {
        if (auto r = addExtension(cert.get(), issuer, NID_basic_constraints, QStringLiteral("critical,CA:TRUE")); !r)
            return r.error();
        if (auto r = addExtension(cert.get(), issuer, NID_key_usage, QStringLiteral("critical,keyCertSign,cRLSign")); !r)
            return r.error();
    } else {
        if (auto r = addExtension(cert.get(), issuer, NID_basic_constraints, QStringLiteral("critical,CA:FALSE")); !r)
            return r.error();
        if (!p.keyUsage.isEmpty()) {
            if (auto r = addExtension(cert.get(), issuer, NID_key_usage, QStringLiteral("critical,") + p.keyUsage); !r)
                return r.error();
        }
        if (!p.extendedKeyUsage.isEmpty()) {
            if (auto r = addExtension(cert.get(), issuer, NID_ext_key_usage, p.extendedKeyUsage); !r)
                return r.error();
        }
    }
    if (auto r = addExtension(cert.get(), issuer, NID_subject_key_identifier, QStringLiteral("hash")); !r)
        return r.error();
    if (issuerCert) {
        if (auto r = addExtension(cert.get(), issuer, NID_authority_key_identifier, QStringLiteral("keyid:always")); !r)
            return r.error();
    }
    QStringList san;
    for (const QString& email : p.sanEmails) {
        if (email.contains(QLatin1Char(',')) || email.contains(QLatin1Char(' ')) || !email.contains(QLatin1Char('@')))
            return Error(ErrorCode::InvalidArgument, QStringLiteral("'%1' is not an email address").arg(email));
        san.append(QStringLiteral("email:") + email);
    }
    if (!p.sanUpn.isEmpty()) {
        if (p.sanUpn.contains(QLatin1Char(',')) || p.sanUpn.contains(QLatin1Char(';')))
            return Error(ErrorCode::InvalidArgument, QStringLiteral("'%1' is not a user principal name").arg(p.sanUpn));
        san.append(QStringLiteral("otherName:1.3.6.1.4.1.311.20.2.3;UTF8:") + p.sanUpn);
    }
    if (!san.isEmpty()) {
        if (auto r = addExtension(cert.get(), issuer, NID_subject_alt_name, san.join(QLatin1Char(','))); !r)
            return r.error();
    }
    if (X509_sign(cert.get(), issuerKey.native(), EVP_sha256()) <= 0)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("signing the certificate"));
    return Certificate::adopt(cert.release());
}

} // namespace

QStringList CertificateAuthority::knownKeyUsages()
{
    return { QStringLiteral("digitalSignature"), QStringLiteral("nonRepudiation"), QStringLiteral("keyEncipherment"),
        QStringLiteral("dataEncipherment"), QStringLiteral("keyAgreement") };
}

QStringList CertificateAuthority::knownExtendedKeyUsages()
{
    return { QStringLiteral("clientAuth"), QStringLiteral("serverAuth"), QStringLiteral("emailProtection"),
        QStringLiteral("codeSigning"), QStringLiteral("msSmartcardLogin"), QStringLiteral("msEFS") };
}

Result<void> CertificateAuthority::validateUsages(const QString& keyUsage, const QString& eku)
{
    const QStringList ku = keyUsage.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (ku.isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("a certificate needs at least one key usage"));
    for (const QString& u : ku) {
        if (!knownKeyUsages().contains(u.trimmed()))
            return Error(ErrorCode::InvalidArgument, QStringLiteral("unknown key usage '%1'").arg(u), { { QStringLiteral("value"), u } });
    }
    for (const QString& u : eku.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!knownExtendedKeyUsages().contains(u.trimmed()))
            return Error(ErrorCode::InvalidArgument, QStringLiteral("unknown extended key usage '%1'").arg(u), { { QStringLiteral("value"), u } });
    }
    return {};
}

Result<CertificateAuthority> CertificateAuthority::createRoot(const DistinguishedName& subject, KeyAlgorithm alg, int validityDays)
{
    auto key = PrivateKey::generate(alg);
    if (!key)
        return key.error();
    IssuanceParameters p;
    p.subject = subject;
    p.validityDays = validityDays;
    auto cert = build(*key, p, nullptr, *key, true);
    if (!cert)
        return cert.error();
    return fromParts(*cert, *key);
}

Result<CertificateAuthority> CertificateAuthority::fromParts(const Certificate& cert, const PrivateKey& key)
{
    if (cert.isNull() || key.isNull())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("CA certificate or key missing"));
    if (X509_check_private_key(cert.native(), key.native()) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("the CA key does not match its certificate"));
    CertificateAuthority ca;
    ca.m_cert = cert;
    ca.m_key = key;
    return ca;
}

Result<Certificate> CertificateAuthority::issue(const CertificateRequest& request, const IssuanceParameters& params) const
{
    auto alg = request.algorithm();
    if (!alg)
        return alg.error();
    if (!params.allowedAlgorithms.contains(*alg))
        return Error(ErrorCode::KeyAlgorithmNotAllowed,
            QStringLiteral("%1 is not allowed by the policy (allowed: %2)").arg(keyAlgorithmId(*alg), keyAlgorithmList(params.allowedAlgorithms)),
            { { QStringLiteral("algorithm"), keyAlgorithmId(*alg) }, { QStringLiteral("allowed"), keyAlgorithmList(params.allowedAlgorithms) } });
    return issueForKey(request.publicKey(), params);
}

Result<Certificate> CertificateAuthority::issueForKey(const PrivateKey& subjectKey, const IssuanceParameters& params) const
{
    if (isNull())
        return Error(ErrorCode::CryptoFailure, QStringLiteral("the CA is not loaded"));
    if (params.subject.isEmpty())
        return Error(ErrorCode::DnTemplateInvalid, QStringLiteral("empty subject"));
    if (params.validityDays < 1)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("validity must be at least one day"));
    if (params.notAfterCap.isValid() && params.notAfterCap <= (params.notBefore.isValid() ? params.notBefore : QDateTime::currentDateTimeUtc()))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("the certificate would end before it starts"),
            { { QStringLiteral("problem"), QStringLiteral("validity-ended") } });
    if (auto r = validateUsages(params.keyUsage, params.extendedKeyUsage); !r)
        return r.error();
    return build(subjectKey, params, m_cert.native(), m_key, false);
}

Result<QByteArray> CertificateAuthority::makeCrl(const QList<RevokedEntry>& revoked, qint64 number,
    const QDateTime& thisUpdate, const QDateTime& nextUpdate) const
{
    clearOpenSslErrors();
    ossl::X509Crl crl(X509_CRL_new());
    X509_CRL_set_version(crl.get(), 1);
    X509_CRL_set_issuer_name(crl.get(), X509_get_subject_name(m_cert.native()));
    ossl::Asn1Time last(ASN1_TIME_set(nullptr, time_t(thisUpdate.toSecsSinceEpoch())));
    ossl::Asn1Time next(ASN1_TIME_set(nullptr, time_t(nextUpdate.toSecsSinceEpoch())));
    X509_CRL_set1_lastUpdate(crl.get(), last.get());
    X509_CRL_set1_nextUpdate(crl.get(), next.get());
    for (const RevokedEntry& e : revoked) {
        ossl::X509Revoked r(X509_REVOKED_new());
        BIGNUM* raw = nullptr;
        const QByteArray hex = e.serialHex.toLatin1();
        if (BN_hex2bn(&raw, hex.constData()) == 0)
            return Error(ErrorCode::InvalidArgument, QStringLiteral("bad serial %1").arg(e.serialHex));
        ossl::BigNum bn(raw);
        ossl::Asn1Integer serial(BN_to_ASN1_INTEGER(bn.get(), nullptr));
        X509_REVOKED_set_serialNumber(r.get(), serial.get());
        ossl::Asn1Time when(ASN1_TIME_set(nullptr, time_t(e.revokedAt.toSecsSinceEpoch())));
        X509_REVOKED_set_revocationDate(r.get(), when.get());
        ossl::Asn1Enum reason(ASN1_ENUMERATED_new());
        ASN1_ENUMERATED_set(reason.get(), long(e.reason));
        X509_REVOKED_add1_ext_i2d(r.get(), NID_crl_reason, reason.get(), 0, 0);
        X509_CRL_add0_revoked(crl.get(), r.release());
    }
    ossl::Asn1Integer crlNumber(ASN1_INTEGER_new());
    ASN1_INTEGER_set_int64(crlNumber.get(), number);
    X509_CRL_add1_ext_i2d(crl.get(), NID_crl_number, crlNumber.get(), 0, 0);
    X509_CRL_sort(crl.get());
    if (X509_CRL_sign(crl.get(), m_key.native(), EVP_sha256()) <= 0)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("signing the CRL"));
    const int n = i2d_X509_CRL(crl.get(), nullptr);
    QByteArray der(n, Qt::Uninitialized);
    auto* p = reinterpret_cast<unsigned char*>(der.data());
    i2d_X509_CRL(crl.get(), &p);
    return der;
}

Result<void> CertificateAuthority::verify(const Certificate& leaf, const QDateTime& at) const
{
    return leaf.verifiedBy({ m_cert }, at);
}

} // namespace lanyard
