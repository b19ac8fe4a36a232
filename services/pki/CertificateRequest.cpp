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

} // namespace lanyard
