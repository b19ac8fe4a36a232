#include "CertificateAuthority.h"

#include "OpenSslError.h"
#include "OpenSslPtr.h"
#include "SecureRandom.h"

#include <QRegularExpression>
#include <QUuid>

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

GENERAL_NAME* uriName(const QString& url)
{
    const QByteArray bytes = url.toUtf8();
    ASN1_IA5STRING* text = ASN1_IA5STRING_new();
    ASN1_STRING_set(text, bytes.constData(), int(bytes.size()));
    GENERAL_NAME* name = GENERAL_NAME_new();
    GENERAL_NAME_set0_value(name, GEN_URI, text);
    return name;
}

// As ASN.1 rather than OpenSSL's text syntax, where a comma in a URL would split it.
Result<void> addRevocationLocations(X509* cert, const IssuanceParameters& p)
{
    for (const QString& url : { p.crlUrl, p.caIssuersUrl, p.ocspUrl }) {
        if (!url.isEmpty() && (!url.startsWith(QLatin1String("http://")) && !url.startsWith(QLatin1String("https://"))))
            return Error(ErrorCode::InvalidArgument, QStringLiteral("'%1' is not an http(s) address").arg(url));
    }
    if (!p.crlUrl.isEmpty()) {
        using Points = std::unique_ptr<CRL_DIST_POINTS, ossl::Deleter<CRL_DIST_POINTS_free>>;
        Points points(sk_DIST_POINT_new_null());
        DIST_POINT* point = DIST_POINT_new();
        point->distpoint = DIST_POINT_NAME_new();
        point->distpoint->type = 0; // fullName
        point->distpoint->name.fullname = GENERAL_NAMES_new();
        sk_GENERAL_NAME_push(point->distpoint->name.fullname, uriName(p.crlUrl));
        sk_DIST_POINT_push(points.get(), point);
        if (X509_add1_ext_i2d(cert, NID_crl_distribution_points, points.get(), 0, X509V3_ADD_DEFAULT) != 1)
            return openSslError(ErrorCode::CryptoFailure, QStringLiteral("adding the CRL distribution point"));
    }
    if (!p.caIssuersUrl.isEmpty() || !p.ocspUrl.isEmpty()) {
        using Access = std::unique_ptr<AUTHORITY_INFO_ACCESS, ossl::Deleter<AUTHORITY_INFO_ACCESS_free>>;
        Access access(sk_ACCESS_DESCRIPTION_new_null());
        const auto add = [&](int method, const QString& url) {
            if (url.isEmpty())
                return;
            ACCESS_DESCRIPTION* d = ACCESS_DESCRIPTION_new();
            ASN1_OBJECT_free(d->method);
            d->method = OBJ_nid2obj(method);
            GENERAL_NAME_free(d->location);
            d->location = uriName(url);
            sk_ACCESS_DESCRIPTION_push(access.get(), d);
        };
        add(NID_ad_OCSP, p.ocspUrl);
        add(NID_ad_ca_issuers, p.caIssuersUrl);
        if (X509_add1_ext_i2d(cert, NID_info_access, access.get(), 0, X509V3_ADD_DEFAULT) != 1)
            return openSslError(ErrorCode::CryptoFailure, QStringLiteral("adding the authority information access"));
    }
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
        if (p.ocspNoCheck) {
            if (auto r = addExtension(cert.get(), issuer, NID_id_pkix_OCSP_noCheck, QStringLiteral("ignored")); !r)
                return r.error();
        }
    }
    if (auto r = addExtension(cert.get(), issuer, NID_subject_key_identifier, QStringLiteral("hash")); !r)
        return r.error();
    if (issuerCert) {
        if (auto r = addExtension(cert.get(), issuer, NID_authority_key_identifier, QStringLiteral("keyid:always")); !r)
            return r.error();
    }
    // Built as ASN.1, not through OpenSSL's text syntax: the values come from people records
    // and cards, and the text syntax gives commas and semicolons a meaning.
    ossl::GeneralNames san(GENERAL_NAMES_new());
    auto addName = [&san](GENERAL_NAME* gn) { sk_GENERAL_NAME_push(san.get(), gn); };
    auto ia5 = [](const QByteArray& bytes) {
        ASN1_IA5STRING* s = ASN1_IA5STRING_new();
        ASN1_STRING_set(s, bytes.constData(), int(bytes.size()));
        return s;
    };
    auto otherName = [](const char* oid, ASN1_TYPE* value) {
        GENERAL_NAME* gn = GENERAL_NAME_new();
        GENERAL_NAME_set0_othername(gn, OBJ_txt2obj(oid, 1), value);
        return gn;
    };
    for (const QString& email : p.sanEmails) {
        if (email.contains(QLatin1Char(',')) || email.contains(QLatin1Char(' ')) || !email.contains(QLatin1Char('@')))
            return Error(ErrorCode::InvalidArgument, QStringLiteral("'%1' is not an email address").arg(email));
        GENERAL_NAME* gn = GENERAL_NAME_new();
        GENERAL_NAME_set0_value(gn, GEN_EMAIL, ia5(email.toUtf8()));
        addName(gn);
    }
    if (!p.sanUpn.isEmpty()) {
        if (p.sanUpn.contains(QLatin1Char(',')) || p.sanUpn.contains(QLatin1Char(';')))
            return Error(ErrorCode::InvalidArgument, QStringLiteral("'%1' is not a user principal name").arg(p.sanUpn));
        ASN1_TYPE* value = ASN1_TYPE_new();
        ASN1_UTF8STRING* utf8 = ASN1_UTF8STRING_new();
        const QByteArray upn = p.sanUpn.toUtf8();
        ASN1_STRING_set(utf8, upn.constData(), int(upn.size()));
        ASN1_TYPE_set(value, V_ASN1_UTF8STRING, utf8);
        addName(otherName("1.3.6.1.4.1.311.20.2.3", value));
    }
    if (!p.sanFascn.isEmpty()) {
        if (p.sanFascn.size() != 25)
            return Error(ErrorCode::InvalidArgument, QStringLiteral("a FASC-N has 25 bytes, not %1").arg(p.sanFascn.size()));
        ASN1_TYPE* value = ASN1_TYPE_new();
        ASN1_OCTET_STRING* octets = ASN1_OCTET_STRING_new();
        ASN1_OCTET_STRING_set(octets, reinterpret_cast<const unsigned char*>(p.sanFascn.constData()), int(p.sanFascn.size()));
        ASN1_TYPE_set(value, V_ASN1_OCTET_STRING, octets);
        addName(otherName("2.16.840.1.101.3.6.6", value));
    }
    if (!p.sanCardUuid.isEmpty()) {
        const QUuid uuid(p.sanCardUuid);
        if (uuid.isNull())
            return Error(ErrorCode::InvalidArgument, QStringLiteral("'%1' is not a UUID").arg(p.sanCardUuid));
        GENERAL_NAME* gn = GENERAL_NAME_new();
        GENERAL_NAME_set0_value(gn, GEN_URI, ia5("urn:uuid:" + uuid.toString(QUuid::WithoutBraces).toLatin1()));
        addName(gn);
    }
    if (sk_GENERAL_NAME_num(san.get()) > 0 && X509_add1_ext_i2d(cert.get(), NID_subject_alt_name, san.get(), 0, X509V3_ADD_DEFAULT) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("adding the subject alternative names"));
    if (!isCa) {
        if (auto r = addRevocationLocations(cert.get(), p); !r)
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
    // Besides the names, a usage may be given by its object identifier (e.g. PIV content
    // signing, 2.16.840.1.101.3.6.7), as organisations' policies often name them.
    static const QRegularExpression oid(QStringLiteral("^[0-2](\\.(0|[1-9][0-9]{0,8})){1,20}$"));
    for (const QString& u : eku.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!knownExtendedKeyUsages().contains(u.trimmed()) && !oid.match(u.trimmed()).hasMatch())
            return Error(ErrorCode::InvalidArgument, QStringLiteral("unknown extended key usage '%1'").arg(u), { { QStringLiteral("value"), u } });
    }
    return {};
}

Result<CertificateAuthority> CertificateAuthority::createRoot(const DistinguishedName& subject, KeyAlgorithm alg, int validityDays)
{
    return create(subject, alg, validityDays, nullptr);
}

Result<CertificateAuthority> CertificateAuthority::createSubordinate(const DistinguishedName& subject, KeyAlgorithm alg, int validityDays) const
{
    if (isNull())
        return Error(ErrorCode::CryptoFailure, QStringLiteral("no issuing CA"));
    return create(subject, alg, validityDays, this);
}

Result<CertificateAuthority> CertificateAuthority::create(const DistinguishedName& subject, KeyAlgorithm alg, int validityDays, const CertificateAuthority* issuer)
{
    auto key = PrivateKey::generate(alg);
    if (!key)
        return key.error();
    IssuanceParameters p;
    p.subject = subject;
    p.validityDays = validityDays;
    if (issuer)
        p.notAfterCap = issuer->m_cert.notAfter();
    auto cert = issuer ? build(*key, p, issuer->m_cert.native(), issuer->m_key, true) : build(*key, p, nullptr, *key, true);
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
    // Small or unusual exponents are where RSA signature forgeries and broken key generators
    // live; every RSA key Lanyard certifies uses F4.
    if (*alg == KeyAlgorithm::Rsa2048 || *alg == KeyAlgorithm::Rsa3072) {
        if (const quint64 e = request.publicKey().rsaPublicExponent(); e != 65537)
            return Error(ErrorCode::CsrInvalid, QStringLiteral("the RSA public exponent is %1; only 65537 is accepted").arg(e),
                { { QStringLiteral("problem"), QStringLiteral("rsa-exponent") } });
    }
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
    if (auto r = validateUsages(params.keyUsage, params.extendedKeyUsage); !r)
        return r.error();
    // A certificate never outlives its issuer: a relying party could not check it after.
    IssuanceParameters capped = params;
    if (!capped.notAfterCap.isValid() || capped.notAfterCap > m_cert.notAfter())
        capped.notAfterCap = m_cert.notAfter();
    if (capped.notAfterCap <= (params.notBefore.isValid() ? params.notBefore : QDateTime::currentDateTimeUtc()))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("the certificate would end before it starts"),
            { { QStringLiteral("problem"), QStringLiteral("validity-ended") } });
    return build(subjectKey, capped, m_cert.native(), m_key, false);
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
        // RFC 5280 5.3.1: "unspecified" is said by leaving the reason out.
        if (e.reason != RevocationReason::Unspecified) {
            ossl::Asn1Enum reason(ASN1_ENUMERATED_new());
            ASN1_ENUMERATED_set(reason.get(), long(e.reason));
            X509_REVOKED_add1_ext_i2d(r.get(), NID_crl_reason, reason.get(), 0, 0);
        }
        X509_CRL_add0_revoked(crl.get(), r.release());
    }
    ossl::Asn1Integer crlNumber(ASN1_INTEGER_new());
    ASN1_INTEGER_set_int64(crlNumber.get(), number);
    X509_CRL_add1_ext_i2d(crl.get(), NID_crl_number, crlNumber.get(), 0, 0);
    // RFC 5280 5.2.1: which of the CA's keys signed it.
    X509V3_CTX v3;
    X509V3_set_ctx(&v3, m_cert.native(), nullptr, nullptr, crl.get(), 0);
    ossl::X509Ext aki(X509V3_EXT_conf_nid(nullptr, &v3, NID_authority_key_identifier, "keyid:always"));
    if (!aki || X509_CRL_add_ext(crl.get(), aki.get(), -1) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("adding the CRL's authority key identifier"));
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
