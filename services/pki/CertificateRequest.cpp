#include "CertificateRequest.h"

#include "OpenSslError.h"
#include "OpenSslPtr.h"

#include <openssl/pem.h>

namespace lanyard {

Result<CertificateRequest> CertificateRequest::fromBytes(const QByteArray& bytes)
{
    clearOpenSslErrors();
    X509_REQ* raw = nullptr;
    if (bytes.trimmed().startsWith("-----BEGIN")) {
        ossl::Bio bio(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
        raw = PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr);
    } else {
        const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
        raw = d2i_X509_REQ(nullptr, &p, long(bytes.size()));
    }
    if (!raw)
        return openSslError(ErrorCode::CsrInvalid, QStringLiteral("not a PKCS#10 request"));
    CertificateRequest r;
    r.m_req = std::shared_ptr<X509_REQ>(raw, X509_REQ_free);
    EVP_PKEY* key = X509_REQ_get_pubkey(raw); // new reference
    if (!key)
        return openSslError(ErrorCode::CsrInvalid, QStringLiteral("request has no usable public key"));
    r.m_publicKey = PrivateKey::adopt(key);
    if (X509_REQ_verify(raw, key) != 1)
        return openSslError(ErrorCode::CsrSignatureInvalid, QStringLiteral("request signature does not verify"));
    return r;
}

Result<QByteArray> CertificateRequest::create(const PrivateKey& key, const QString& commonName)
{
    ossl::X509Req req(X509_REQ_new());
    X509_REQ_set_version(req.get(), 0);
    X509_NAME* name = X509_REQ_get_subject_name(req.get());
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.constData()), -1, -1, 0);
    if (X509_REQ_set_pubkey(req.get(), key.native()) != 1 || X509_REQ_sign(req.get(), key.native(), EVP_sha256()) <= 0)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("signing the request"));
    const int n = i2d_X509_REQ(req.get(), nullptr);
    QByteArray der(n, Qt::Uninitialized);
    auto* p = reinterpret_cast<unsigned char*>(der.data());
    i2d_X509_REQ(req.get(), &p);
    return der;
}

Result<QByteArray> CertificateRequest::create(const PrivateKey& publicKey, const QString& commonName, const ExternalSigner& sign)
{
    clearOpenSslErrors();
    auto algorithm = publicKey.algorithm();
    if (!algorithm)
        return algorithm.error();
    ossl::X509Req req(X509_REQ_new());
    X509_REQ_set_version(req.get(), 0);
    X509_NAME* name = X509_REQ_get_subject_name(req.get());
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.constData()), -1, -1, 0);
    if (X509_REQ_set_pubkey(req.get(), publicKey.native()) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("building the request"));
    const bool ec = *algorithm == KeyAlgorithm::EcP256;
    X509_ALGOR* alg = X509_ALGOR_new();
    X509_ALGOR_set0(alg, OBJ_nid2obj(ec ? NID_ecdsa_with_SHA256 : NID_sha256WithRSAEncryption), ec ? V_ASN1_UNDEF : V_ASN1_NULL, nullptr);
    const int algSet = X509_REQ_set1_signature_algo(req.get(), alg);
    X509_ALGOR_free(alg);
    if (algSet != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("building the request"));
    const int tbsLength = i2d_re_X509_REQ_tbs(req.get(), nullptr);
    if (tbsLength <= 0)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("encoding the request"));
    QByteArray tbs(tbsLength, Qt::Uninitialized);
    auto* t = reinterpret_cast<unsigned char*>(tbs.data());
    i2d_re_X509_REQ_tbs(req.get(), &t);
    auto signature = sign(tbs);
    if (!signature)
        return signature.error();
    ASN1_BIT_STRING* bits = ASN1_BIT_STRING_new();
    ASN1_BIT_STRING_set(bits, reinterpret_cast<unsigned char*>(signature->data()), int(signature->size()));
    bits->flags &= ~(ASN1_STRING_FLAG_BITS_LEFT | 0x07);
    bits->flags |= ASN1_STRING_FLAG_BITS_LEFT;
    X509_REQ_set0_signature(req.get(), bits);
    const int n = i2d_X509_REQ(req.get(), nullptr);
    QByteArray der(n, Qt::Uninitialized);
    auto* p = reinterpret_cast<unsigned char*>(der.data());
    i2d_X509_REQ(req.get(), &p);
    if (auto checked = fromBytes(der); !checked)
        return checked.error();
    return der;
}

} // namespace lanyard
