#include "PrivateKey.h"

#include "OpenSslError.h"
#include "OpenSslPtr.h"

#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

namespace lanyard {

PrivateKey PrivateKey::adopt(EVP_PKEY* key)
{
    PrivateKey k;
    k.m_key = std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
    return k;
}

namespace {
Result<PrivateKey> publicFromParams(const char* type, OSSL_PARAM_BLD* build)
{
    std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)> params(OSSL_PARAM_BLD_to_param(build), OSSL_PARAM_free);
    ossl::PKeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY* key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 || EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("the card's public key is not usable"));
    return PrivateKey::adopt(key);
}
} // namespace

Result<PrivateKey> PrivateKey::rsaPublic(const QByteArray& modulus, const QByteArray& exponent)
{
    clearOpenSslErrors();
    ossl::BigNum n(BN_bin2bn(reinterpret_cast<const unsigned char*>(modulus.constData()), int(modulus.size()), nullptr));
    ossl::BigNum e(BN_bin2bn(reinterpret_cast<const unsigned char*>(exponent.constData()), int(exponent.size()), nullptr));
    std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> build(OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
    if (!n || !e || !build || OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1
        || OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("the card's RSA key is not usable"));
    return publicFromParams("RSA", build.get());
}

Result<PrivateKey> PrivateKey::p256Public(const QByteArray& point)
{
    clearOpenSslErrors();
    std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> build(OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
    if (!build || OSSL_PARAM_BLD_push_utf8_string(build.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) != 1
        || OSSL_PARAM_BLD_push_octet_string(build.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(), size_t(point.size())) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("the card's EC key is not usable"));
    return publicFromParams("EC", build.get());
}

Result<PrivateKey> PrivateKey::generate(KeyAlgorithm alg)
{
    EVP_PKEY* key = nullptr;
    switch (alg) {
    case KeyAlgorithm::Rsa2048:
        key = EVP_RSA_gen(2048);
        break;
    case KeyAlgorithm::Rsa3072:
        key = EVP_RSA_gen(3072);
        break;
    case KeyAlgorithm::EcP256:
        key = EVP_EC_gen("P-256");
        break;
    }
    if (!key)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("key generation failed"));
    return adopt(key);
}

Result<PrivateKey> PrivateKey::fromPem(const QByteArray& pem)
{
    ossl::Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    EVP_PKEY* key = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
    if (!key)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("not a PEM private key"));
    return adopt(key);
}

QByteArray PrivateKey::toPem() const
{
    if (!m_key)
        return {};
    ossl::Bio bio(BIO_new(BIO_s_mem()));
    if (!PEM_write_bio_PKCS8PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr))
        return {};
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(n));
}

quint64 PrivateKey::rsaPublicExponent() const
{
    if (!m_key || EVP_PKEY_get_base_id(m_key.get()) != EVP_PKEY_RSA)
        return 0;
    BIGNUM* e = nullptr;
    if (EVP_PKEY_get_bn_param(m_key.get(), OSSL_PKEY_PARAM_RSA_E, &e) != 1) {
        clearOpenSslErrors();
        return 0;
    }
    const quint64 value = BN_num_bits(e) <= 64 ? quint64(BN_get_word(e)) : 0;
    BN_free(e);
    return value;
}

QByteArray PrivateKey::publicKeyDer() const
{
    if (!m_key)
        return {};
    const int n = i2d_PUBKEY(m_key.get(), nullptr);
    if (n <= 0)
        return {};
    QByteArray out(n, Qt::Uninitialized);
    auto* p = reinterpret_cast<unsigned char*>(out.data());
    i2d_PUBKEY(m_key.get(), &p);
    return out;
}

Result<KeyAlgorithm> PrivateKey::algorithm() const
{
    return keyAlgorithmOf(m_key.get());
}

Result<QByteArray> PrivateKey::signSha256(const QByteArray& message) const
{
    if (!m_key)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("no key to sign with"));
    ossl::MdCtx ctx(EVP_MD_CTX_new());
    size_t length = 0;
    const auto* data = reinterpret_cast<const unsigned char*>(message.constData());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) != 1
        || EVP_DigestSign(ctx.get(), nullptr, &length, data, size_t(message.size())) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("signing"));
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, data, size_t(message.size())) != 1)
        return openSslError(ErrorCode::CryptoFailure, QStringLiteral("signing"));
    signature.resize(qsizetype(length));
    return signature;
}

Result<KeyAlgorithm> keyAlgorithmOf(EVP_PKEY* key)
{
    if (!key)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("no key"));
    if (EVP_PKEY_is_a(key, "RSA")) {
        const int bits = EVP_PKEY_get_bits(key);
        if (bits == 2048)
            return KeyAlgorithm::Rsa2048;
        if (bits == 3072)
            return KeyAlgorithm::Rsa3072;
        return Error(ErrorCode::KeyAlgorithmNotAllowed, QStringLiteral("RSA-%1").arg(bits),
            { { QStringLiteral("algorithm"), QStringLiteral("RSA-%1").arg(bits) } });
    }
    if (EVP_PKEY_is_a(key, "EC")) {
        char curve[64] = {};
        size_t len = 0;
        if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, curve, sizeof curve, &len) == 1
            && (QByteArray(curve) == "prime256v1" || QByteArray(curve) == "P-256"))
            return KeyAlgorithm::EcP256;
        return Error(ErrorCode::KeyAlgorithmNotAllowed, QStringLiteral("EC %1").arg(QString::fromLatin1(curve)),
            { { QStringLiteral("algorithm"), QStringLiteral("EC %1").arg(QString::fromLatin1(curve)) } });
    }
    const QString name = QString::fromLatin1(EVP_PKEY_get0_type_name(key));
    return Error(ErrorCode::KeyAlgorithmNotAllowed, name, { { QStringLiteral("algorithm"), name } });
}

} // namespace lanyard
