#include "Pkcs12.h"

#include "OpenSslError.h"
#include "OpenSslPtr.h"

#include <openssl/pkcs12.h>

namespace lanyard {

namespace {
struct CertStackFree {
    void operator()(STACK_OF(X509) * s) const { sk_X509_pop_free(s, X509_free); }
};
using P12 = std::unique_ptr<PKCS12, ossl::Deleter<PKCS12_free>>;
} // namespace

Result<QByteArray> Pkcs12::create(const PrivateKey& key, const Certificate& certificate, const QList<Certificate>& chain, const QByteArray& password)
{
    std::unique_ptr<STACK_OF(X509), CertStackFree> ca(sk_X509_new_null());
    for (const Certificate& c : chain) {
        X509_up_ref(c.native());
        sk_X509_push(ca.get(), c.native());
    }
    // AES-256-CBC under PBKDF2 for the key and the certificates, and an HMAC-SHA256 integrity
    // check; OpenSSL's defaults (2,048 iterations) would let a stolen file's PIN fall quickly.
    P12 p12(PKCS12_create(password.constData(), "Lanyard", key.native(), certificate.native(), ca.get(), NID_aes_256_cbc, NID_aes_256_cbc, kIterations,
        -1, 0));
    if (!p12)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("building the PKCS#12 file"));
    if (PKCS12_set_mac(p12.get(), password.constData(), int(password.size()), nullptr, 0, kIterations, EVP_sha256()) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("sealing the PKCS#12 file"));
    ossl::Bio out(BIO_new(BIO_s_mem()));
    if (i2d_PKCS12_bio(out.get(), p12.get()) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("encoding the PKCS#12 file"));
    char* data = nullptr;
    const long size = BIO_get_mem_data(out.get(), &data);
    return QByteArray(data, size);
}

Result<bool> Pkcs12::passwordOpens(const QByteArray& der, const QByteArray& password)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    P12 p12(d2i_PKCS12(nullptr, &p, long(der.size())));
    if (!p12)
        return openSslError(ErrorCode::InvalidArgument, QStringLiteral("reading the PKCS#12 file"));
    return PKCS12_verify_mac(p12.get(), password.constData(), int(password.size())) == 1;
}

} // namespace lanyard
