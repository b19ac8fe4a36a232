#include "Certificate.h"

#include "OpenSslError.h"
#include "OpenSslPtr.h"
#include "PrivateKey.h"

#include <openssl/pem.h>
#include <openssl/x509v3.h>

namespace lanyard {

namespace {

QString nameToString(const X509_NAME* name)
{
    ossl::Bio bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, int(n));
}

QDateTime asn1ToDateTime(const ASN1_TIME* t)
{
    struct tm tm {};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

} // namespace

Certificate Certificate::adopt(X509* cert)
{
    Certificate c;
    c.m_cert = std::shared_ptr<X509>(cert, X509_free);
    return c;
}

Result<Certificate> Certificate::fromDer(const QByteArray& der)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    X509* cert = d2i_X509(nullptr, &p, long(der.size()));
    if (!cert)
        return openSslError(ErrorCode::InvalidArgument, QStringLiteral("not a DER certificate"));
    return adopt(cert);
}

Result<Certificate> Certificate::fromPem(const QByteArray& pem)
{
    ossl::Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
    if (!cert)
        return openSslError(ErrorCode::InvalidArgument, QStringLiteral("not a PEM certificate"));
    return adopt(cert);
}

QByteArray Certificate::toDer() const
{
    if (!m_cert)
        return {};
    const int n = i2d_X509(m_cert.get(), nullptr);
    QByteArray out(n, Qt::Uninitialized);
    auto* p = reinterpret_cast<unsigned char*>(out.data());
    i2d_X509(m_cert.get(), &p);
    return out;
}

QByteArray Certificate::toPem() const
{
    if (!m_cert)
        return {};
    ossl::Bio bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), m_cert.get());
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(n));
}

QString Certificate::serialHex() const
{
    if (!m_cert)
        return {};
    return ossl::serialHex(X509_get0_serialNumber(m_cert.get()));
}

QString Certificate::subject() const
{
    return m_cert ? nameToString(X509_get_subject_name(m_cert.get())) : QString();
}

QString Certificate::issuer() const
{
    return m_cert ? nameToString(X509_get_issuer_name(m_cert.get())) : QString();
}

QDateTime Certificate::notBefore() const
{
    return m_cert ? asn1ToDateTime(X509_get0_notBefore(m_cert.get())) : QDateTime();
}

QDateTime Certificate::notAfter() const
{
    return m_cert ? asn1ToDateTime(X509_get0_notAfter(m_cert.get())) : QDateTime();
}

QStringList Certificate::emailAddresses() const
{
    QStringList out;
    if (!m_cert)
        return out;
    ossl::GeneralNames names(static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(m_cert.get(), NID_subject_alt_name, nullptr, nullptr)));
    if (!names)
        return out;
    for (int i = 0; i < sk_GENERAL_NAME_num(names.get()); ++i) {
        const GENERAL_NAME* gn = sk_GENERAL_NAME_value(names.get(), i);
        if (gn->type == GEN_EMAIL)
            out.append(QString::fromUtf8(reinterpret_cast<const char*>(ASN1_STRING_get0_data(gn->d.rfc822Name)),
                ASN1_STRING_length(gn->d.rfc822Name)));
    }
    return out;
}

Result<void> Certificate::verifiedBy(const QList<Certificate>& trusted, const QDateTime& at) const
{
    if (isNull())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("no certificate"));
    ossl::X509Store store(X509_STORE_new());
    for (const Certificate& c : trusted)
        X509_STORE_add_cert(store.get(), c.native());
    ossl::X509StoreCtx ctx(X509_STORE_CTX_new());
    X509_STORE_CTX_init(ctx.get(), store.get(), native(), nullptr);
    if (at.isValid())
        X509_STORE_CTX_set_time(ctx.get(), 0, time_t(at.toSecsSinceEpoch()));
    if (X509_verify_cert(ctx.get()) != 1) {
        const int err = X509_STORE_CTX_get_error(ctx.get());
        clearOpenSslErrors();
        return Error(ErrorCode::TrustFailure, QString::fromLatin1(X509_verify_cert_error_string(err)));
    }
    return {};
}

QString Certificate::userPrincipalName() const
{
    if (!m_cert)
        return {};
    ossl::GeneralNames names(static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(m_cert.get(), NID_subject_alt_name, nullptr, nullptr)));
    if (!names)
        return {};
    for (int i = 0; i < sk_GENERAL_NAME_num(names.get()); ++i) {
        const GENERAL_NAME* gn = sk_GENERAL_NAME_value(names.get(), i);
        if (gn->type != GEN_OTHERNAME || OBJ_obj2nid(gn->d.otherName->type_id) != NID_ms_upn)
            continue;
        const ASN1_TYPE* value = gn->d.otherName->value;
        if (value && value->type == V_ASN1_UTF8STRING)
            return QString::fromUtf8(reinterpret_cast<const char*>(ASN1_STRING_get0_data(value->value.utf8string)),
                ASN1_STRING_length(value->value.utf8string));
    }
    return {};
}

namespace {
constexpr const char* kFascnOid = "2.16.840.1.101.3.6.6";

template <typename Visit>
void forEachAltName(X509* cert, Visit visit)
{
    if (!cert)
        return;
    ossl::GeneralNames names(static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr)));
    for (int i = 0; names && i < sk_GENERAL_NAME_num(names.get()); ++i)
        visit(sk_GENERAL_NAME_value(names.get(), i));
}

QByteArray bytesOf(const ASN1_STRING* s)
{
    return QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)), ASN1_STRING_length(s));
}
} // namespace

QByteArray Certificate::fascnBytes() const
{
    QByteArray out;
    std::unique_ptr<ASN1_OBJECT, ossl::Deleter<ASN1_OBJECT_free>> oid(OBJ_txt2obj(kFascnOid, 1));
    forEachAltName(m_cert.get(), [&](const GENERAL_NAME* gn) {
        if (gn->type == GEN_OTHERNAME && OBJ_cmp(gn->d.otherName->type_id, oid.get()) == 0 && gn->d.otherName->value
            && gn->d.otherName->value->type == V_ASN1_OCTET_STRING)
            out = bytesOf(gn->d.otherName->value->value.octet_string);
    });
    return out;
}

QString Certificate::cardUuid() const
{
    QString out;
    forEachAltName(m_cert.get(), [&](const GENERAL_NAME* gn) {
        if (gn->type != GEN_URI)
            return;
        const QString uri = QString::fromLatin1(bytesOf(gn->d.uniformResourceIdentifier));
        if (uri.startsWith(QLatin1String("urn:uuid:"), Qt::CaseInsensitive))
            out = uri.mid(9).toLower();
    });
    return out;
}

bool Certificate::hasExtendedKeyUsage(const char* oid) const
{
    if (!m_cert)
        return false;
    std::unique_ptr<EXTENDED_KEY_USAGE, ossl::Deleter<EXTENDED_KEY_USAGE_free>> eku(
        static_cast<EXTENDED_KEY_USAGE*>(X509_get_ext_d2i(m_cert.get(), NID_ext_key_usage, nullptr, nullptr)));
    std::unique_ptr<ASN1_OBJECT, ossl::Deleter<ASN1_OBJECT_free>> wanted(OBJ_txt2obj(oid, 1));
    for (int i = 0; eku && wanted && i < sk_ASN1_OBJECT_num(eku.get()); ++i) {
        if (OBJ_cmp(sk_ASN1_OBJECT_value(eku.get(), i), wanted.get()) == 0)
            return true;
    }
    return false;
}

Result<KeyAlgorithm> Certificate::publicKeyAlgorithm() const
{
    if (!m_cert)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("no certificate"));
    return keyAlgorithmOf(X509_get0_pubkey(m_cert.get()));
}

QByteArray Certificate::publicKeyDer() const
{
    EVP_PKEY* key = m_cert ? X509_get0_pubkey(m_cert.get()) : nullptr;
    const int n = key ? i2d_PUBKEY(key, nullptr) : 0;
    if (n <= 0)
        return {};
    QByteArray out(n, Qt::Uninitialized);
    auto* p = reinterpret_cast<unsigned char*>(out.data());
    i2d_PUBKEY(key, &p);
    return out;
}

QByteArray Certificate::sha256Fingerprint() const
{
    if (!m_cert)
        return {};
    QByteArray out(EVP_MAX_MD_SIZE, '\0');
    unsigned int n = 0;
    X509_digest(m_cert.get(), EVP_sha256(), reinterpret_cast<unsigned char*>(out.data()), &n);
    out.resize(int(n));
    return out;
}

QByteArray Certificate::subjectKeyIdentifier() const
{
    if (!m_cert)
        return {};
    const ASN1_OCTET_STRING* id = X509_get0_subject_key_id(m_cert.get());
    if (!id)
        return {};
    return QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(id)), ASN1_STRING_length(id));
}

Result<void> Certificate::verifySignature(const QByteArray& message, const QByteArray& signature) const
{
    if (!m_cert)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("no certificate"));
    EVP_PKEY* key = X509_get0_pubkey(m_cert.get());
    ossl::MdCtx ctx(EVP_MD_CTX_new());
    if (!key || !ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1) {
        clearOpenSslErrors();
        return Error(ErrorCode::CryptoFailure, QStringLiteral("cannot verify with this certificate's key"));
    }
    const int ok = EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.constData()), size_t(signature.size()),
        reinterpret_cast<const unsigned char*>(message.constData()), size_t(message.size()));
    clearOpenSslErrors();
    if (ok != 1)
        return Error(ErrorCode::PossessionFailed, QStringLiteral("the signature does not verify with the certificate's public key"));
    return {};
}

} // namespace lanyard
