#include "KeyTransport.h"

#include "OpenSslError.h"
#include "OpenSslPtr.h"
#include "Pkcs12.h"
#include "SecureRandom.h"

#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rsa.h>

namespace lanyard {

namespace {
using P12 = std::unique_ptr<PKCS12, ossl::Deleter<PKCS12_free>>;

Result<ossl::PKey> readPublicKey(const QByteArray& bytes)
{
    ossl::Bio bio(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
    EVP_PKEY* key = bytes.contains("-----BEGIN") ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr) : d2i_PUBKEY_bio(bio.get(), nullptr);
    if (!key)
        return openSslError(ErrorCode::InvalidArgument, QStringLiteral("the transport key is not a public key"));
    ossl::PKey out(key);
    if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA || EVP_PKEY_get_bits(key) < 2048)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("the transport key must be RSA with at least 2048 bits"),
            { { QStringLiteral("problem"), QStringLiteral("transport-key") } });
    return out;
}

Result<ossl::PKeyCtx> oaepContext(EVP_PKEY* key, bool encrypt)
{
    ossl::PKeyCtx ctx(EVP_PKEY_CTX_new(key, nullptr));
    if (!ctx || (encrypt ? EVP_PKEY_encrypt_init(ctx.get()) : EVP_PKEY_decrypt_init(ctx.get())) != 1
        || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_OAEP_PADDING) != 1 || EVP_PKEY_CTX_set_rsa_oaep_md(ctx.get(), EVP_sha256()) != 1
        || EVP_PKEY_CTX_set_rsa_mgf1_md(ctx.get(), EVP_sha256()) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("setting up RSA-OAEP"));
    return ctx;
}
} // namespace

Result<void> KeyTransport::checkTransportKey(const QByteArray& transportKey)
{
    auto key = readPublicKey(transportKey);
    if (!key)
        return key.error();
    return {};
}

Result<SealedKey> KeyTransport::seal(const PrivateKey& key, const Certificate& certificate, const QByteArray& transportKey)
{
    auto recipient = readPublicKey(transportKey);
    if (!recipient)
        return recipient.error();
    const QByteArray password = secureRandomBytes(24).toBase64();
    auto p12 = Pkcs12::create(key, certificate, {}, password);
    if (!p12)
        return p12.error();
    SealedKey sealed;
    sealed.pkcs12 = *p12;
    auto ctx = oaepContext(recipient->get(), true);
    if (!ctx)
        return ctx.error();
    size_t length = 0;
    const auto* in = reinterpret_cast<const unsigned char*>(password.constData());
    if (EVP_PKEY_encrypt(ctx->get(), nullptr, &length, in, size_t(password.size())) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("encrypting to the transport key"));
    sealed.encryptedPassword.resize(qsizetype(length));
    if (EVP_PKEY_encrypt(ctx->get(), reinterpret_cast<unsigned char*>(sealed.encryptedPassword.data()), &length, in, size_t(password.size())) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("encrypting to the transport key"));
    sealed.encryptedPassword.resize(qsizetype(length));
    return sealed;
}

Result<QByteArray> KeyTransport::password(const SealedKey& sealed, const PrivateKey& transportPrivateKey)
{
    auto ctx = oaepContext(transportPrivateKey.native(), false);
    if (!ctx)
        return ctx.error();
    size_t length = 0;
    const auto* in = reinterpret_cast<const unsigned char*>(sealed.encryptedPassword.constData());
    if (EVP_PKEY_decrypt(ctx->get(), nullptr, &length, in, size_t(sealed.encryptedPassword.size())) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("the key was not sealed to this transport key"));
    QByteArray password(qsizetype(length), '\0');
    if (EVP_PKEY_decrypt(ctx->get(), reinterpret_cast<unsigned char*>(password.data()), &length, in, size_t(sealed.encryptedPassword.size())) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("the key was not sealed to this transport key"));
    password.resize(qsizetype(length));
    return password;
}

Result<OpenedKey> KeyTransport::open(const SealedKey& sealed, const PrivateKey& transportPrivateKey)
{
    auto pass = password(sealed, transportPrivateKey);
    if (!pass)
        return pass.error();
    ossl::Bio in(BIO_new_mem_buf(sealed.pkcs12.constData(), int(sealed.pkcs12.size())));
    P12 p12(d2i_PKCS12_bio(in.get(), nullptr));
    if (!p12)
        return openSslError(ErrorCode::InvalidArgument, QStringLiteral("not a PKCS#12 file"));
    EVP_PKEY* key = nullptr;
    X509* cert = nullptr;
    if (PKCS12_parse(p12.get(), pass->constData(), &key, &cert, nullptr) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("opening the PKCS#12 file"));
    OpenedKey out;
    out.key = PrivateKey::adopt(key);
    out.certificate = Certificate::adopt(cert);
    return out;
}

} // namespace lanyard
